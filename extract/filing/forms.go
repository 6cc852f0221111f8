package filing

import (
	"strings"
	"unicode"
)

// items10K are the Items of Form 10-K as Regulation S-K names them.
var items10K = map[string]string{
	"1": "Business", "1A": "Risk Factors", "1B": "Unresolved Staff Comments", "1C": "Cybersecurity",
	"2": "Properties", "3": "Legal Proceedings", "4": "Mine Safety Disclosures",
	"5": "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
	"6": "[Reserved]", "7": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
	"7A": "Quantitative and Qualitative Disclosures About Market Risk", "8": "Financial Statements and Supplementary Data",
	"9":  "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure",
	"9A": "Controls and Procedures", "9B": "Other Information",
	"9C": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
	"10": "Directors, Executive Officers and Corporate Governance", "11": "Executive Compensation",
	"12": "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters",
	"13": "Certain Relationships and Related Transactions, and Director Independence",
	"14": "Principal Accountant Fees and Services", "15": "Exhibits and Financial Statement Schedules", "16": "Form 10-K Summary",
}

// items20F are the Items of Form 20-F.
var items20F = map[string]string{
	"1": "Identity of Directors, Senior Management and Advisers", "2": "Offer Statistics and Expected Timetable",
	"3": "Key Information", "4": "Information on the Company", "4A": "Unresolved Staff Comments",
	"5": "Operating and Financial Review and Prospects", "6": "Directors, Senior Management and Employees",
	"7": "Major Shareholders and Related Party Transactions", "8": "Financial Information", "9": "The Offer and Listing",
	"10": "Additional Information", "11": "Quantitative and Qualitative Disclosures About Market Risk",
	"12": "Description of Securities Other than Equity Securities", "13": "Defaults, Dividend Arrearages and Delinquencies",
	"14": "Material Modifications to the Rights of Security Holders and Use of Proceeds", "15": "Controls and Procedures",
	"16A": "Audit Committee Financial Expert", "16B": "Code of Ethics", "16C": "Principal Accountant Fees and Services",
	"16D": "Exemptions from the Listing Standards for Audit Committees",
	"16E": "Purchases of Equity Securities by the Issuer and Affiliated Purchasers",
	"16F": "Change in Registrant's Certifying Accountant", "16G": "Corporate Governance", "16H": "Mine Safety Disclosure",
	"16I": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections", "16J": "Insider Trading Policies",
	"16K": "Cybersecurity", "17": "Financial Statements", "18": "Financial Statements", "19": "Exhibits",
}

// subItems20F names the 20-F sub-items whose titles vary least, so that a
// section search finds them under one name across companies.
var subItems20F = map[string]string{
	"3.D": "Risk Factors", "4.A": "History and Development of the Company", "4.B": "Business Overview",
	"4.C": "Organizational Structure", "4.D": "Property, Plants and Equipment", "5.A": "Operating Results",
	"5.B": "Liquidity and Capital Resources", "5.D": "Trend Information",
}

// items10Q are the Items of Form 10-Q by part.
var items10Q = map[string]string{
	"I-1": "Financial Statements", "I-2": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
	"I-3": "Quantitative and Qualitative Disclosures About Market Risk", "I-4": "Controls and Procedures",
	"II-1": "Legal Proceedings", "II-1A": "Risk Factors", "II-2": "Unregistered Sales of Equity Securities and Use of Proceeds",
	"II-3": "Defaults Upon Senior Securities", "II-4": "Mine Safety Disclosures", "II-5": "Other Information", "II-6": "Exhibits",
}

// items8K are the most frequent Items of Form 8-K.
var items8K = map[string]string{
	"1.01": "Entry into a Material Definitive Agreement", "1.02": "Termination of a Material Definitive Agreement",
	"1.05": "Material Cybersecurity Incidents", "2.01": "Completion of Acquisition or Disposition of Assets",
	"2.02": "Results of Operations and Financial Condition", "2.03": "Creation of a Direct Financial Obligation",
	"2.05": "Costs Associated with Exit or Disposal Activities", "2.06": "Material Impairments",
	"3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard",
	"4.01": "Changes in Registrant's Certifying Accountant",
	"5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
	"5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
	"5.07": "Submission of Matters to a Vote of Security Holders", "7.01": "Regulation FD Disclosure",
	"8.01": "Other Events", "9.01": "Financial Statements and Exhibits",
}

// itemTitle returns the title of an Item: the form's own name for it
// when the key is known, else the heading's words.
func itemTitle(form string, h heading) string {
	var table map[string]string
	switch {
	case isForm(form, "10-K", "10-K405", "10-KT"):
		table = items10K
	case isForm(form, "20-F"):
		table = items20F
	case isForm(form, "10-Q"):
		table = items10Q
	case isForm(form, "8-K"):
		table = items8K
	}
	if t, ok := table[h.key]; ok {
		return t
	}
	if h.title != "" {
		return titleCase(h.title)
	}
	return "Item " + h.key
}

func subTitle(key, found string) string {
	if t, ok := subItems20F[key]; ok {
		return t
	}
	return titleCase(found)
}

// titleCase turns an all-capitals heading into title case and leaves
// mixed case alone.
func titleCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	small := map[string]bool{"and": true, "of": true, "the": true, "in": true, "on": true, "for": true, "to": true, "a": true, "an": true, "or": true, "with": true}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if i > 0 && small[w] {
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}
