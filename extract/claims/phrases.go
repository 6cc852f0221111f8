package claims

import "strings"

// phraseSet matches multi-word phrases over tokens. A phrase is written as
// lower-case words separated by spaces; a word ending in "?" is optional and
// a word with "|" offers alternatives. Phrases are indexed by their first
// word so that matching costs one map look-up per token.
type phraseSet map[string][][]string

func newPhraseSet(phrases ...string) phraseSet {
	ps := phraseSet{}
	for _, p := range phrases {
		ws := strings.Fields(p)
		for _, first := range strings.Split(ws[0], "|") {
			ps[first] = append(ps[first], ws)
		}
	}
	return ps
}

// match returns the end (exclusive token index) of the longest phrase that
// starts at toks[i], or -1.
func (ps phraseSet) match(toks []tok, i int) int {
	best := -1
	for _, p := range ps[toks[i].l] {
		if end := matchWords(toks, i+1, p[1:]); end > best {
			best = end
		}
	}
	return best
}

// find returns the first token range [i, end) where a phrase matches, with
// i >= from, skipping tokens inside quotations; i is -1 when none does.
func (ps phraseSet) find(toks []tok, from int) (int, int) {
	for i := from; i < len(toks); i++ {
		if toks[i].inQ || toks[i].punct {
			continue
		}
		if end := ps.match(toks, i); end > 0 {
			return i, end
		}
	}
	return -1, -1
}

func matchWords(toks []tok, i int, ws []string) int {
	if len(ws) == 0 {
		return i
	}
	w := ws[0]
	optional := strings.HasSuffix(w, "?")
	w = strings.TrimSuffix(w, "?")
	if i < len(toks) && wordIs(toks[i].l, w) {
		if end := matchWords(toks, i+1, ws[1:]); end >= 0 {
			return end
		}
	}
	if optional {
		return matchWords(toks, i, ws[1:])
	}
	return -1
}

func wordIs(l, alts string) bool {
	if !strings.Contains(alts, "|") {
		return l == alts
	}
	for a := range strings.SplitSeq(alts, "|") {
		if l == a {
			return true
		}
	}
	return false
}

const refuseObj = "comment|discuss|elaborate|say|provide|confirm|answer|speak|give|make|identify|specify|disclose|detail|address|name|reveal|share|offer|go|release|talk|explain|divulge|clarify|issue|respond"

// declinedPhrases mark a refusal to comment.
var declinedPhrases = newPhraseSet(
	"declined|declines|decline|refused|refuses|refuse immediately? to "+refuseObj,
	"declined|declines|refused|refuses comment|comments",
	"declined|declines|refused|refuses a|an|repeated|multiple|several? request|requests|invitation|invitations|interview for|to",
	"declined|declines|refused|refuses an? interview",
	"declined|declines|decline|refused|refuses|refuse to be drawn",
	"would|will|could|did not|n't be drawn",
	"wouldn't|won't|couldn't|didn't be drawn",
	"would|will|could|did|does|do|can not|n't|never immediately? "+refuseObj,
	"wouldn't|won't|couldn't|didn't|doesn't|don't|can't|cannot immediately? "+refuseObj,
	"did|does|would|do not|n't wish|want to comment",
	"had|has|have no immediate? comment|comments",
	"offered|made|provided no immediate? comment|comments",
	"was|were unable to comment",
	"would neither confirm nor deny",
	"neither confirmed nor denied",
	"not be commenting",
	"refrained from commenting",
	"has|have|had not commented|spoken publicly|commented",
	"hasn't|haven't|hadn't commented|spoken publicly|commented",
	"no comment",
)

// declinedAt reports whether a refusal to comment starts at toks[k]. A
// refusal ending in a verb that also makes a phrasal verb is none when a
// particle follows: "will not give up territory", "would not go ahead".
func declinedAt(toks []tok, k int) bool {
	end := declinedPhrases.match(toks, k)
	if end <= 0 {
		return false
	}
	v := toks[end-1].l
	if v == "respond" || v == "answer" {
		return approachAfter(toks, end) // "did not respond to the rally in oil prices" refuses nothing
	}
	if v != "give" && v != "go" && v != "make" || end >= len(toks) {
		return true
	}
	return !particles[toks[end].l] || toks[end].l == "into" && v == "go"
}

// particles make phrasal verbs of "give", "go", "make": "give up".
var particles = words("up", "in", "on", "out", "ahead", "away", "back", "off", "through", "over", "down", "along", "into", "forward")

// noResponsePhrases mark a source that could not be reached or did not
// answer.
var noResponsePhrases = newPhraseSet(
	"did|does|has|have|had not|n't immediately? yet? respond|reply|return|answer|get|responded|replied|returned|answered",
	"didn't|hasn't|haven't|hadn't immediately? yet? respond|reply|return|answer|get|responded|replied|returned|answered",
	"failed to respond|reply|return|answer",
	"has|have yet to respond|reply|return|answer|comment",
	"yet to respond|reply",
	"was|were|is|are not immediately? available",
	"wasn't|weren't|isn't|aren't immediately? available",
	"could|can not|n't be immediately? reached|contacted",
	"could|can not|n't immediately be reached|contacted",
	"couldn't|cannot|can't be immediately? reached|contacted",
	"unavailable for comment",
	"went|go|goes|remained|remain unanswered|unreturned",
	"was|were unanswered|unreturned",
	"was|were not immediately? returned|answered|acknowledged",
	"wasn't|weren't immediately? returned|answered|acknowledged",
	"did|does not|n't immediately? respond",
	"did|has|have|had not|n't immediately comment",
	"no response|reply to|from",
	"has|have|had not|n't yet? heard back",
	"hasn't|haven't|hadn't yet? heard back",
	"did not|n't hear back",
	"didn't hear back",
)

// heardBackPhrases are the non-responses told from the reporter's side:
// "We have not heard back from the council": the source follows "from".
var heardBackPhrases = newPhraseSet(
	"has|have|had not|n't yet? heard back",
	"hasn't|haven't|hadn't yet? heard back",
	"did not|n't hear back",
	"didn't hear back",
)

// hedgePhrases mark reported content without (or beside) a source.
var hedgePhrases = newPhraseSet(
	"allegedly", "reportedly", "purportedly", "supposedly", "ostensibly",
	"is|are|was|were said to",
	"is|are|was|were believed|thought|understood|reported|alleged|rumored|rumoured|claimed|reputed|suspected to",
	"is|are|was|were widely|generally|also|now|still believed|thought|understood|reported|rumored|rumoured|said to",
	"it is|was understood|believed|said|alleged|reported|rumored|rumoured|thought|claimed",
	"it has been reported|alleged|claimed|suggested|said",
	"it is being reported",
	"was|were told|informed that", // "Jurors were told that …": told by no one named
	"has|have|had been told|informed that",
	"it understood|believed|thought|alleged|rumoured|rumored", // "It's understood …": kept only after "it's"
)

// findHedge returns the token range of the first hedge in toks, or -1.
// "it understood" is a hedge only as "it's understood", not in "said it
// understood the concerns".
func findHedge(toks []tok) (int, int) {
	for from := 0; ; {
		i, j := hedgePhrases.find(toks, from)
		if i < 0 || toks[i].l != "it" || j != i+2 || toks[i].poss {
			return i, j
		}
		from = i + 1
	}
}

// clean turns a matched hedge into its reported form: lower case, without a
// trailing "that".
func hedgeText(toks []tok, i, end int) string {
	if toks[i].l == "it" && toks[i].poss {
		return "it is " + lowerWords(toks, i+1, end) // "It's understood"
	}
	return lowerWords(toks, i, end)
}
