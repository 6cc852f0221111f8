package entities

import "github.com/newsintel/newsintel"

// centreCandidates finds "the Centre", which Indian English writes for the
// Union government ("the Centre has notified the rules"), in texts about
// India: ones that name India, an Indian or a sum in crore, lakh or rupees.
// "the Centre for Policy Research" and a Centre that stands before another
// name are bodies of their own, left to the other rules.
func (g *Gazetteer) centreCandidates(toks []token) []candidate {
	gov, ok := g.byName["indian government"]
	if !ok {
		return nil
	}
	var out []candidate
	indian := false
	for k := 1; k < len(toks); k++ {
		t := &toks[k]
		if !t.word || t.norm != "centre" || !t.cap || t.caseless || toks[k-1].norm != "the" {
			continue
		}
		if k+1 < len(toks) && (toks[k+1].norm == "for" || toks[k+1].norm == "of" || toks[k+1].word && toks[k+1].cap) {
			continue
		}
		if !indian && !aboutIndia(toks) {
			return nil
		}
		indian = true
		out = append(out, candidate{s: k, e: k + 1, entity: gov, name: g.entities[gov].Name,
			typ: newsintel.EntityGovernment, conf: 0.7, rule: true})
	}
	return out
}

// aboutIndia reports whether a text names India or Indians or counts money
// the Indian way.
func aboutIndia(toks []token) bool {
	for i := range toks {
		switch toks[i].norm {
		case "india", "indian", "crore", "crores", "lakh", "lakhs", "₹", "rs":
			return true
		}
	}
	return false
}
