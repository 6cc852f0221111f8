package article

import (
	"strings"
	"testing"
)

// TestReleaseAndNewsletterTails leaves out what press-release wires and
// e-mail newsletters put around the text: safe-harbor boilerplate, the
// source line, contacts, the reason you got the e-mail, the sponsor line,
// a writer's contact line, "Ends".
func TestReleaseAndNewsletterTails(t *testing.T) {
	text := []string{
		"Northwind Energy Corp. said on Tuesday it had agreed to buy two solar farms in Arizona from a private developer for $180 million, adding about 400 megawatts of capacity.",
		"Together with its existing plants, the purchase makes Northwind the third-largest solar operator in the state, the company said.",
		"Sources familiar with the talks said two other bidders had dropped out in the final round.",
		"Northwind's chief executive, who posts as @northwind_ceo, said on the company's call that it would contact landowners near both farms this month.",
		"Landowners with questions can contact the company at land@northwind.example or reach its field office by phone, the statement said.",
		"Sources — two of whom were in the room — said the price was agreed after a third round of bids on Friday night.",
		"Together with its partners, it bid $1.2bn.",
	}
	furniture := []string{
		"Presented by Gridline",
		"Safe Harbor Statement",
		"This release contains statements about future events and expectations that are forward-looking statements. Any statement that is not a statement of historical fact is a forward-looking statement. Actual results may differ materially because of risks and uncertainties, including those described in the company's filings with the Securities and Exchange Commission, which the company undertakes no obligation to update.",
		"Media Contact: Priya Shah, press@northwind.example, 555-0100",
		"SOURCE Northwind Energy Corp.",
		"Ends",
		"Dana Lee covers energy for the Ledger. Reach her at dlee@ledger.example.",
		"Write to Sam Ortiz at sam.ortiz@ledger.example",
		"Tom Hale is a staff writer. He can be reached at thale@ledger.example or 555-0142.",
		"You are receiving this email because you signed up for Grid Weekly. Unsubscribe at any time.",
	}
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Northwind buys Arizona solar farms</h1>")
	b.WriteString("<p>" + furniture[0] + "</p>")
	for _, p := range text {
		b.WriteString("<p>" + p + "</p>")
	}
	for _, p := range furniture[1:] {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article></body></html>")
	a, err := ExtractBytes([]byte(b.String()), nil)
	if err != nil {
		t.Fatalf("ExtractBytes: %v", err)
	}
	if got, want := a.Body, strings.Join(text, "\n\n"); got != want {
		t.Errorf("body = %q, want %q", got, want)
	}
}
