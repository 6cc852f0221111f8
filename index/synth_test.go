package index

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// Synthetic corpus for benchmarks and volume tests: news-like sentences
// with entities, claims and dates spread over two years.

var synthEntities = []struct {
	name string
	t    newsintel.EntityType
}{
	{"Alibaba Group", newsintel.EntityCompany}, {"Boeing", newsintel.EntityCompany},
	{"Amazon", newsintel.EntityCompany}, {"Tesla", newsintel.EntityCompany},
	{"Huawei", newsintel.EntityCompany}, {"Nvidia", newsintel.EntityCompany},
	{"Federal Trade Commission", newsintel.EntityAgency}, {"Environmental Protection Agency", newsintel.EntityAgency},
	{"Securities and Exchange Commission", newsintel.EntityAgency}, {"U.S. Department of Commerce", newsintel.EntityAgency},
	{"Biden administration", newsintel.EntityGovernment}, {"European Commission", newsintel.EntityAgency},
	{"Gina Raimondo", newsintel.EntityPerson}, {"Lina Khan", newsintel.EntityPerson}, {"Gary Gensler", newsintel.EntityPerson},
	{"China", newsintel.EntityPlace}, {"Washington", newsintel.EntityPlace}, {"Brussels", newsintel.EntityPlace},
}

var synthSentences = []string{
	"%s is weighing new restrictions on exports of advanced chips, according to two people familiar with the discussions.",
	"Officials at %s declined to comment on the review, which has not been made public.",
	"The company said in a filing that it expects revenue growth to slow in the second half of the year.",
	"Analysts said the decision could reshape competition in the cloud computing market for years.",
	"%s said the rule would protect consumers and promote fair competition among online platforms.",
	"Shares fell 4 percent in early trading after the report, before recovering some losses.",
	"A spokesperson for %s did not respond to a request for comment on Tuesday.",
	"The investigation, which began last year, is focused on how customer data is stored and shared.",
	"Lawmakers from both parties have urged regulators to take a tougher line on foreign technology suppliers.",
	"%s reported quarterly earnings that beat expectations, citing strong demand for data center products.",
	"The proposed regulation would require public water systems to monitor for contaminants and notify residents.",
	"Critics argued the agency had underestimated the cost of compliance for small businesses and rural towns.",
	"A senior administration official, speaking on condition of anonymity, said talks with %s were continuing.",
	"The settlement includes a civil penalty and requires independent audits for five years.",
	"Investors are watching closely for signs that the antitrust case could force a breakup of the business.",
}

var synthTitles = []string{
	"%s faces national security review over cloud business",
	"Regulators weigh new limits on %s",
	"%s shares slide after earnings warning",
	"US agency proposes rule on drinking water contaminants",
	"Inside the antitrust fight over %s",
	"%s settles with regulators over data practices",
}

var synthSources = []struct{ source, publisher string }{
	{"reuters-tech", "Reuters"}, {"apnews", "Associated Press"}, {"bbc-business", "BBC News"},
	{"ft-companies", "Financial Times"}, {"edgar", "SEC EDGAR"}, {"federal-register", "Federal Register"},
}

// synthDocs returns n synthetic documents of 300 to 1 500 words with
// mentions and claims, deterministic for a seed.
func synthDocs(n int, seed uint64) []newsintel.Document {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]newsintel.Document, n)
	for i := range docs {
		docs[i] = synthDoc(rng, i, start)
	}
	return docs
}

func synthDoc(rng *rand.Rand, i int, start time.Time) newsintel.Document {
	src := synthSources[rng.IntN(len(synthSources))]
	kind := newsintel.KindArticle
	switch src.source {
	case "edgar":
		kind = newsintel.KindFiling
	case "federal-register":
		kind = newsintel.KindNotice
	}
	lead := synthEntities[rng.IntN(6)].name
	d := newsintel.Document{
		ID: fmt.Sprintf("synth-%06d", i), Kind: kind, Source: src.source, Publisher: src.publisher,
		URL:       fmt.Sprintf("https://news.example.com/%d/%s", i, newsintel.Slug(lead)),
		Title:     fmt.Sprintf(synthTitles[rng.IntN(len(synthTitles))], lead),
		Published: start.Add(time.Duration(rng.IntN(730*24)) * time.Hour),
		Language:  "en", Section: []string{"Business", "Technology", "Politics"}[rng.IntN(3)],
		Revision: 1, Extractor: newsintel.ExtractorVersion,
	}
	d.Fetched = d.Published.Add(10 * time.Minute)
	if kind == newsintel.KindFiling {
		d.Filing = &newsintel.Filing{Form: []string{"10-K", "10-Q", "8-K"}[rng.IntN(3)], CIK: "0001318605",
			Company: lead, Accession: fmt.Sprintf("0001628280-24-%06d", i), Filed: d.Published}
	}
	synthBody(rng, &d, 300+rng.IntN(1200))
	return d
}

// synthBody writes about words words of sentences into d.Body, with a
// mention for each entity it names and a claim for every third sentence.
func synthBody(rng *rand.Rand, d *newsintel.Document, words int) {
	var b strings.Builder
	n := 0
	for k := 0; n < words; k++ {
		if k > 0 && k%5 == 0 {
			b.WriteString("\n\n")
		} else if k > 0 {
			b.WriteByte(' ')
		}
		tmpl := synthSentences[rng.IntN(len(synthSentences))]
		sentStart := b.Len()
		if strings.Contains(tmpl, "%s") {
			e := synthEntities[rng.IntN(len(synthEntities))]
			at := sentStart + strings.Index(tmpl, "%s")
			fmt.Fprintf(&b, tmpl, e.name)
			d.Mentions = append(d.Mentions, newsintel.Mention{EntityID: newsintel.EntityID(e.t, e.name),
				Name: e.name, Type: e.t, Text: e.name, Start: at, End: at + len(e.name), Confidence: 0.9})
		} else {
			b.WriteString(tmpl)
		}
		if k%3 == 0 {
			types := newsintel.SourceTypes()
			d.Claims = append(d.Claims, newsintel.Claim{Text: b.String()[sentStart:], Cue: "said",
				Start: sentStart, End: b.Len(), TextStart: sentStart, TextEnd: b.Len(),
				Source: newsintel.Source{Type: types[rng.IntN(len(types))], Description: "people familiar with the matter"}})
		}
		n += strings.Count(tmpl, " ") + 1
	}
	d.Body = b.String()
	d.WordCount = n
}
