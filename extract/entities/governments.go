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

// aboutIndia reports whether a text names India, Indians, an Indian city,
// state, house of parliament or party, or counts money the Indian way.
func aboutIndia(toks []token) bool {
	for i := range toks {
		if indiaCues[toks[i].norm] {
			return true
		}
	}
	return false
}

// indiaCues are words that place a text in India. Punjab, shared with
// Pakistan, is not one.
var indiaCues = wordSet(`india indian indians crore crores lakh lakhs ₹ rs rupee rupees inr
delhi mumbai kolkata chennai bengaluru bangalore hyderabad ahmedabad pune lucknow jaipur patna
bhopal thiruvananthapuram guwahati chandigarh srinagar noida gurugram gurgaon
sabha lok rajya bjp aicc kharge modi karnataka kerala tamil maharashtra gujarat rajasthan uttar
pradesh bihar telangana andhra odisha assam haryana jharkhand chhattisgarh himachal uttarakhand
goa manipur meghalaya mizoram nagaland tripura sikkim arunachal`)

// indianCongress drops the US Congress where an Indian text names the
// Congress party: "Congress leader Rahul Gandhi", "the Congress
// government in Karnataka".
func (g *Gazetteer) indianCongress(toks []token, cands []candidate) []candidate {
	us, ok := g.byName["congress"]
	if !ok {
		return cands
	}
	india := -1 // unknown until a Congress is met
	out := cands[:0]
	for _, c := range cands {
		if c.entity == us && c.e-c.s == 1 && c.e < len(toks) && partyNouns[toks[c.e].norm] {
			if india < 0 {
				india = 0
				if aboutIndia(toks) {
					india = 1
				}
			}
			if india == 1 {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// partyNouns follow the name of a political party: "Congress leader".
var partyNouns = wordSet(`leader leaders party president workers worker mp mps mla mlas
candidate candidates spokesperson government governments chief veteran`)
