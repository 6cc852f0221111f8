package story

import (
	"regexp"
	"strings"
)

// Denial cues. A denial rejects the report itself: "denied that …",
// "called the report false", "the report is inaccurate", "there is no such
// review". Refusing or declining to comment, "did not deny" and "neither
// confirmed nor denied" are not denials.
var (
	reportNoun = `(?:reports?|story|stories|article|claims?|allegations?|accusations?|speculation|rumou?rs?|account)`
	falseWord  = `(?:false|untrue|inaccurate|incorrect|baseless|groundless|unfounded|fabricated|fake|misleading|wrong|not true|not accurate|nonsense|fiction)`
	denialCues = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b(?:den(?:y|ies|ied|ying))\s+(?:that|the|this|these|those|any|it|its|being|having|a|an|reports?|claims?|allegations?|suggestions?)\b(?:\s+` + reportNoun + `\b)?`),
		regexp.MustCompile(`(?i)\b(?:call(?:ed|s|ing)?|described|labell?ed|branded)\s+(?:the|that|this|these|those|a|an|such|its|their)?\s*(?:\w+\s+){0,2}?` + reportNoun + `\b[^;]{0,160}?\b` + falseWord + `\b`),
		regexp.MustCompile(`(?i)\b` + reportNoun + `\s+(?:is|are|was|were)\s+["“‘']?(?:completely\s+|entirely\s+|totally\s+|simply\s+|patently\s+|categorically\s+)?` + falseWord + `\b`),
		regexp.MustCompile(`(?i)\b(?:dismissed|rejected|rebutted|refuted|disputed)\s+(?:the|that|this|these|those|a|an|such)?\s*(?:\w+\s+){0,2}?` + reportNoun + `\b`),
		regexp.MustCompile(`(?i)\bno such (?:review|reviews|investigation|investigations|probe|inquiry|plan|plans|talks|order|decision|deal|ban|discussions?|meeting)\b`),
		regexp.MustCompile(`(?i)\bthere (?:is|was|has been|had been) no (?:such |ongoing |active )?(?:review|investigation|probe|inquiry)\b`),
	}
	// nonDenial cancels a cue preceded by a negation or a refusal.
	nonDenial = regexp.MustCompile(`(?i)(?:\bnot|n't|\bnever|\bneither|\bnor|\brefused to|\bdeclined to|\bconfirm or|\bconfirmed or|\bwithout)\s+(?:\w+\s+){0,2}$`)
)

// denialCue returns the words of s that deny a report, or "".
func denialCue(s string) string {
	for _, re := range denialCues {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			before := s[max(0, loc[0]-40):loc[0]]
			if nonDenial.MatchString(before) {
				continue
			}
			return strings.TrimSpace(s[loc[0]:loc[1]])
		}
	}
	return ""
}

// tentative marks a sentence that only says something might happen: a
// risk factor's "may be subject to", "could", "if".
// "May" with a capital is the month.
var tentative = regexp.MustCompile(`\b(?:may|might|could|would|if|If|Might|Could|Would)\b|(?i:\b(?:possible|possibly|potential|potentially|cannot assure|no assurance)\b)`)

// negated marks a statement that says the thing did not happen.
var negated = regexp.MustCompile(`(?i)\b(?:not|no|never|neither|nor)\b|n't\b`)

// relaysReports ends the words before a claim that attribute it to
// reports rather than to the sentence's speaker.
var relaysReports = regexp.MustCompile(`(?i)\b(?:reports?|reported|reporting|rumou?rs?|speculation)\s+(?:that|of)\s*$`)
