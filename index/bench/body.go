package bench

import (
	"fmt"
	"strings"

	"github.com/newsintel/newsintel"
)

// article fills the metadata of a news article.
func (g *Generator) article(d *newsintel.Document, i int, cast []entity) {
	o := outlets[g.outletZ.Uint64()]
	d.Source, d.Publisher = o.source, o.publisher
	d.Section = []string{"Business", "Technology", "Politics", "World", "Markets", "Climate", "Health"}[g.rng.IntN(7)]
	for range 1 + g.rng.IntN(2) {
		d.Authors = append(d.Authors, madeUpName(g.rng, newsintel.EntityPerson))
	}
	d.URL = fmt.Sprintf("https://www.%s.example/%s/%d/%s", o.source, strings.ToLower(d.Section), i, newsintel.Slug(cast[0].name))
	d.CanonicalURL = d.URL
	d.ID = newsintel.ArticleID(d.URL)
}

var forms = []struct {
	form   string
	weight float64
}{{"8-K", 0.5}, {"10-Q", 0.25}, {"10-K", 0.1}, {"6-K", 0.07}, {"20-F", 0.04}, {"S-1", 0.04}}

// filing fills the metadata of an SEC filing by company.
func (g *Generator) filing(d *newsintel.Document, i int, company entity) {
	form, r := forms[0].form, g.rng.Float64()
	for _, f := range forms {
		if r < f.weight {
			form = f.form
			break
		}
		r -= f.weight
	}
	acc := fmt.Sprintf("%010d-%02d-%06d", 1000000+g.rng.IntN(900000), d.Published.Year()%100, i)
	d.ID = newsintel.FilingID(acc)
	d.Source, d.Publisher = "sec-edgar", company.name
	d.Filing = &newsintel.Filing{Form: form, CIK: fmt.Sprintf("%010d", 1000000+len(company.id)*7919%900000),
		Company: company.name, Accession: acc, Filed: d.Published}
	d.URL = fmt.Sprintf("https://www.sec.gov/Archives/edgar/data/%s/%s.htm", d.Filing.CIK, acc)
	if form == "10-K" || form == "10-Q" || form == "20-F" {
		d.Section = "Item 1A. Risk Factors"
	}
}

// notice fills the metadata of a Federal Register document.
func (g *Generator) notice(d *newsintel.Document, i int, cast []entity) {
	num := fmt.Sprintf("%d-%05d", d.Published.Year(), i%100000)
	d.ID = newsintel.NoticeID(num)
	d.Source, d.Publisher = "federal-register", "Federal Register"
	d.Notice = &newsintel.Notice{DocumentNumber: num,
		Type:     []string{"Notice", "Rule", "Proposed Rule", "Notice", "Notice"}[g.rng.IntN(5)],
		Agencies: []newsintel.AgencyRef{{Name: cast[0].name, Slug: newsintel.Slug(cast[0].name)}}}
	d.URL = "https://www.federalregister.gov/d/" + num
}

// bodyWriter writes the body of one document sentence by sentence, with
// the mentions and claims it contains.
type bodyWriter struct {
	g      *Generator
	d      *newsintel.Document
	cast   []entity
	topics []string
	b      strings.Builder
	words  int
	group  int
}

// claimRate is the share of sentences that attribute something, by kind.
var claimRate = map[newsintel.Kind]float64{newsintel.KindArticle: 0.3, newsintel.KindNotice: 0.04, newsintel.KindFiling: 0.02}

// write writes about n words in paragraphs of two to six sentences.
func (w *bodyWriter) write(n int) {
	inPara := 0
	for w.words < n {
		if w.b.Len() > 0 {
			if inPara >= 2+w.g.rng.IntN(5) {
				w.b.WriteString("\n\n")
				inPara = 0
			} else {
				w.b.WriteByte(' ')
			}
		}
		if w.g.rng.Float64() < claimRate[w.d.Kind] {
			w.claim()
		} else {
			w.sentence(nil)
			w.b.WriteByte('.')
		}
		inPara++
	}
	w.d.Body = w.b.String()
}

// sentence writes 6 to 40 words, some of them entity names or topic
// phrases, without final punctuation, and returns the IDs of the entities
// it names (appending to ids).
func (w *bodyWriter) sentence(ids []string) []string {
	g := w.g
	n := min(max(int(20+7*g.rng.NormFloat64()), 6), 40)
	for k := range n {
		if k > 0 {
			w.b.WriteByte(' ')
		}
		switch r := g.rng.Float64(); {
		case r < 0.04:
			e := w.cast[min(int(g.rng.ExpFloat64()*2), len(w.cast)-1)] // the lead most often
			w.mention(e)
			ids = appendNew(ids, e.id)
		case r < 0.055:
			w.b.WriteString(w.topics[g.rng.IntN(len(w.topics))])
			w.words++
		default:
			word := g.word()
			if k == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			w.b.WriteString(word)
		}
		w.words++
	}
	return ids
}

// mention writes an entity's name and records the mention.
func (w *bodyWriter) mention(e entity) {
	start := w.b.Len()
	w.b.WriteString(e.name)
	w.d.Mentions = append(w.d.Mentions, newsintel.Mention{EntityID: e.id, Name: e.name, Type: e.typ,
		Text: e.name, Start: start, End: w.b.Len(), Confidence: 0.9})
	w.words += strings.Count(e.name, " ")
}

func appendNew(ids []string, id string) []string {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}
