package entities

// wordClass is a set of the word lists a token's normalised form belongs
// to. Tokens carry theirs, looked up once per word, so the rules test a bit
// instead of a map in their per-token loops.
type wordClass uint32

const (
	clsStop wordClass = 1 << iota
	clsOrgSuffix
	clsAgencyHead
	clsHeadFirstOnly
	clsNameConnector
	clsPersonTitle
	clsRoleNoun
	clsSpeechVerb
	clsCompanyCue
	clsAgencyCue
	clsContinuation
	clsGeneric
	clsParticle
	clsCompanyNoun
	clsDocumentNoun
	clsDescriptor
	clsFirstName
	clsTitleSmall
	clsOrgHead
	clsPlaceNoun
	clsPlaceHead
	clsMasthead
	clsCompass
	clsLocating
	clsPlaceKind
)

// wordClasses maps a normalised word to its classes.
var wordClasses = buildWordClasses()

func buildWordClasses() map[string]wordClass {
	m := map[string]wordClass{}
	for _, l := range []struct {
		set map[string]bool
		cls wordClass
	}{
		{stopwords, clsStop}, {orgSuffixes, clsOrgSuffix}, {agencyHeads, clsAgencyHead},
		{headFirstOnly, clsHeadFirstOnly}, {nameConnectors, clsNameConnector},
		{personTitles, clsPersonTitle}, {roleNouns, clsRoleNoun}, {speechVerbs, clsSpeechVerb},
		{companyCues, clsCompanyCue}, {agencyCues, clsAgencyCue}, {continuations, clsContinuation},
		{genericWords, clsGeneric}, {nameParticles, clsParticle}, {companyNouns, clsCompanyNoun},
		{documentNouns, clsDocumentNoun}, {descriptors, clsDescriptor}, {firstNames, clsFirstName},
		{titleSmallWords, clsTitleSmall}, {orgHeads, clsOrgHead},
		{placeNouns, clsPlaceNoun}, {placeHeads, clsPlaceHead}, {mastheads, clsMasthead},
		{compassWords, clsCompass}, {locatingVerbs, clsLocating}, {placeKindNouns, clsPlaceKind},
	} {
		for w := range l.set {
			m[w] |= l.cls
		}
	}
	return m
}

// is reports whether t belongs to any of the classes c.
func (t *token) is(c wordClass) bool { return t.cls&c != 0 }
