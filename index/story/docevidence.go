package story

import (
	"fmt"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// documentLink judges a document found for a story: its on-record claims
// (articles), and its sentences: a denial by a story entity anywhere; in a
// filing or notice, a sentence that states the story's action about its
// entities confirms it, one that shares fewer of its terms or only says
// what may happen is related. The document's strongest link is kept.
func (p *profile) documentLink(d *newsintel.Document) (Link, bool) {
	published := firstSet(d.Published, d.Fetched)
	if !p.in(published) {
		return Link{}, false
	}
	var best Link
	found := false
	consider := func(l Link) {
		if !found || labelRank[l.Label] > labelRank[best.Label] ||
			labelRank[l.Label] == labelRank[best.Label] && len(l.Why.SharedTerms) > len(best.Why.SharedTerms) {
			best, found = l, true
		}
	}
	if d.Kind == newsintel.KindArticle {
		for i := range d.Claims {
			if l, ok := p.claimLink(newItem(claimHitOf(d, i), d, nil)); ok {
				consider(l)
			}
		}
	}
	whole := p.documentEntities(d)
	for _, s := range sentences(d.Body) {
		if l, ok := p.sentenceLink(d, s, whole); ok {
			consider(l)
		}
	}
	if found {
		best.Published = published
		p.delay(&best)
	}
	return best, found
}

// documentEntities returns the core entities a filing or notice is about
// as a whole: a filing's filer speaks as "we"; a notice names its subject
// in its title.
func (p *profile) documentEntities(d *newsintel.Document) []string {
	var out []string
	switch d.Kind {
	case newsintel.KindFiling:
		if d.Filing != nil {
			out = p.names(d.Filing.Company)
		}
		for _, m := range d.Mentions {
			out = append(out, sharedEntities([]string{m.EntityID}, p.coreIDs())...)
		}
	case newsintel.KindNotice:
		out = p.names(d.Title)
	}
	return unique(out)
}

// sentenceLink judges one sentence of d.
func (p *profile) sentenceLink(d *newsintel.Document, s span, whole []string) (Link, bool) {
	text := d.Body[s.start:s.end]
	named := unique(append(p.mentioned(d, s), p.names(text)...))
	ents := unique(append(append([]string(nil), named...), whole...))
	if len(ents) == 0 {
		return Link{}, false
	}
	terms, share := p.terms(text)
	l := Link{Evidence: evidenceKind(d.Kind), DocumentID: d.ID, Kind: string(d.Kind), Publisher: d.Publisher,
		Title: d.Title, URL: d.URL, Section: sectionAt(d.Sections, s.start), Passage: clip(text, 600),
		Why: Why{SharedEntities: ents, SharedTerms: nonNil(terms)}}
	cue := denialCue(text)
	switch {
	case cue != "" && len(named) > 0 && len(terms) >= 1:
		l.Label, l.Why.Cue = Denies, cue
		l.Why.Rule = "a sentence naming a story entity denies the report"
	case cue != "" || d.Kind == newsintel.KindArticle || !contains(terms, p.head):
		return Link{}, false
	case p.primary(ents) && !negated.MatchString(text) && !tentative.MatchString(text) &&
		len(terms) >= confirmTerms && share >= confirmShare:
		l.Label = Confirms
		l.Why.Rule = fmt.Sprintf("the %s states it: %d story terms (%.0f%% of the story's weight) about its entities", d.Kind, len(terms), 100*share)
	case len(terms) >= relatedTerms && share >= relatedShare:
		l.Label = Related
		l.Why.Rule = fmt.Sprintf("the %s speaks of the story's entities with %d of its terms (%.0f%%)", d.Kind, len(terms), 100*share)
	default:
		return Link{}, false
	}
	return l, true
}

// mentioned returns the core entities with a mention inside s.
func (p *profile) mentioned(d *newsintel.Document, s span) []string {
	var out []string
	for _, m := range d.Mentions {
		if m.Start >= s.start && m.End <= s.end {
			out = append(out, sharedEntities([]string{m.EntityID}, p.coreIDs())...)
		}
	}
	return out
}

func evidenceKind(k newsintel.Kind) string {
	switch k {
	case newsintel.KindFiling:
		return EvidenceFiling
	case newsintel.KindNotice:
		return EvidenceNotice
	case newsintel.KindArticle:
		return EvidenceArticle
	}
	return evidenceDocument
}

// claimHitOf describes the i-th claim of d as the claim index does, but
// for its ID: the index names claims by a fingerprint of their history, so
// this one is named by its position ("<document ID>#p<n>") and stands only
// where the index did not return the claim.
func claimHitOf(d *newsintel.Document, i int) index.ClaimHit {
	c := d.Claims[i]
	names := map[string]string{}
	for _, m := range d.Mentions {
		names[m.EntityID] = m.Name
	}
	h := index.ClaimHit{ID: fmt.Sprintf("%s#p%d", d.ID, i+1), Position: i + 1, Status: index.ClaimCurrent, DocumentID: d.ID, Title: d.Title, Kind: string(d.Kind),
		Publisher: d.Publisher, URL: d.URL, Published: firstSet(d.Published, d.Fetched), Text: c.Text, Cue: c.Cue,
		Hedge: c.Hedge, Quote: c.Quote, Source: c.Source}
	for _, e := range c.Entities {
		if !contains(h.Entities, e) {
			h.Entities = append(h.Entities, e)
			h.EntityNames = append(h.EntityNames, names[e])
		}
	}
	return h
}

// hasClaimText finds the claim of d whose normalised text hashes to hash.
func hasClaimText(d *newsintel.Document, hash string) (int, bool) {
	for i, c := range d.Claims {
		if strings.HasSuffix(storyID(d.ID, c.Text), "."+hash) {
			return i, true
		}
	}
	return 0, false
}
