package bench

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// sourceWeights is how often each source type stands behind a claim in
// news: named people and organisations most, anonymous sources in about
// one claim in eight.
var sourceWeights = []struct {
	t newsintel.SourceType
	w float64
}{
	{newsintel.SourcePerson, 0.33}, {newsintel.SourceOrganization, 0.22}, {newsintel.SourceAnonymous, 0.13},
	{newsintel.SourceUnattributed, 0.12}, {newsintel.SourceDocument, 0.10},
	{newsintel.SourceDeclined, 0.05}, {newsintel.SourceNoResponse, 0.05},
}

var anonymousSources = []struct {
	phrase string
	count  int
	plural bool
}{
	{"two people familiar with the matter", 2, true}, {"three sources", 3, true},
	{"people familiar with the discussions", 0, true}, {"a senior administration official", 1, false},
	{"several officials who asked not to be named", 0, true}, {"a person with knowledge of the talks", 1, false},
}

func (g *Generator) sourceType() newsintel.SourceType {
	r := g.rng.Float64()
	for _, s := range sourceWeights {
		if r < s.w {
			return s.t
		}
		r -= s.w
	}
	return newsintel.SourcePerson
}

// castOf returns an entity of the document's cast of type t, or a popular
// one of that type.
func (w *bodyWriter) castOf(types ...newsintel.EntityType) entity {
	for _, i := range w.g.rng.Perm(len(w.cast)) {
		for _, t := range types {
			if w.cast[i].typ == t {
				return w.cast[i]
			}
		}
	}
	return w.g.pick(types[0])
}

// claim writes one attributed sentence and records it as a Claim.
func (w *bodyWriter) claim() {
	c := newsintel.Claim{Start: w.b.Len(), Cue: "said"}
	c.Source.Type = w.g.sourceType()
	switch c.Source.Type {
	case newsintel.SourceDeclined, newsintel.SourceNoResponse:
		org := w.castOf(newsintel.EntityCompany, newsintel.EntityAgency)
		w.mention(org)
		c.Source.Affiliation = org.name
		c.Cue = " declined to comment"
		if c.Source.Type == newsintel.SourceNoResponse {
			c.Cue = " did not respond to a request for comment"
		}
		w.b.WriteString(c.Cue + ".")
		c.Cue = strings.TrimSpace(c.Cue)
		c.Entities = []string{org.id}
		c.TextStart, c.TextEnd = c.Start, c.Start
	case newsintel.SourceUnattributed:
		c.Hedge = "reportedly"
		c.Cue = ""
		c.TextStart = w.b.Len()
		c.Entities = w.sentence(nil)
		c.TextEnd = w.b.Len()
		w.b.WriteString(", the company reportedly said.")
	default:
		c.TextStart = w.b.Len()
		c.Entities = w.sentence(nil)
		c.TextEnd = w.b.Len()
		w.b.WriteString(", ")
		w.attribution(&c)
	}
	c.End = w.b.Len()
	c.Text = w.b.String()[c.TextStart:c.TextEnd]
	w.d.Claims = append(w.d.Claims, c)
}

// attribution writes who said it, and fills c.Source.
func (w *bodyWriter) attribution(c *newsintel.Claim) {
	switch c.Source.Type {
	case newsintel.SourceAnonymous:
		a := anonymousSources[w.g.rng.IntN(len(anonymousSources))]
		w.b.WriteString("according to " + a.phrase + ".")
		c.Cue, c.Source.Description, c.Source.Plural = "according to", a.phrase, a.plural
		if a.count > 0 {
			n := a.count
			c.Source.Count = &n
		}
		w.group++
		c.Group = w.group
	case newsintel.SourcePerson:
		p := w.castOf(newsintel.EntityPerson)
		w.mention(p)
		w.b.WriteString(" said.")
		c.Source.Name = p.name
	case newsintel.SourceOrganization:
		org := w.castOf(newsintel.EntityCompany, newsintel.EntityAgency, newsintel.EntityGovernment)
		w.b.WriteString("a spokesperson for ")
		w.mention(org)
		w.b.WriteString(" said.")
		c.Source.Affiliation, c.Source.Role = org.name, "spokesperson"
	case newsintel.SourceDocument:
		w.b.WriteString("according to the annual report.")
		c.Cue, c.Source.Description = "according to", "the annual report"
	}
}

// profile summarises the claims of a document.
func profile(claims []newsintel.Claim) *newsintel.SourcingProfile {
	if len(claims) == 0 {
		return nil
	}
	p := &newsintel.SourcingProfile{Claims: len(claims), ByType: map[newsintel.SourceType]int{}}
	for _, c := range claims {
		p.ByType[c.Source.Type]++
		if c.Source.Type == newsintel.SourceAnonymous {
			p.AnonymousSources += max(1, derefOr(c.Source.Count, 1))
		}
	}
	p.AnonymousShare = float64(p.ByType[newsintel.SourceAnonymous]) / float64(len(claims))
	return p
}

func derefOr(p *int, or int) int {
	if p == nil {
		return or
	}
	return *p
}
