package bench

import (
	"math/rand/v2"
	"strings"

	"github.com/newsintel/newsintel"
)

// entity is one entity of the synthetic world.
type entity struct {
	id   string
	name string
	typ  newsintel.EntityType
}

// Well-known entities lead each type's popularity ranking, so that the
// benchmark's entity pages and filters ask for the busy ones.
var (
	knownCompanies = []string{"Amazon", "Apple", "Alibaba Group", "Boeing", "Tesla", "Nvidia",
		"Microsoft", "Alphabet", "Meta Platforms", "Huawei", "TikTok", "Intel", "Pfizer",
		"JPMorgan Chase", "Goldman Sachs", "Exxon Mobil", "Chevron", "Walmart", "Toyota",
		"Samsung Electronics", "TSMC", "OpenAI", "BlackRock", "UnitedHealth", "Ford"}
	knownAgencies = []string{"Securities and Exchange Commission", "Federal Trade Commission",
		"Department of Justice", "Environmental Protection Agency", "Department of Commerce",
		"Federal Reserve", "Treasury Department", "Food and Drug Administration",
		"Federal Aviation Administration", "Federal Communications Commission", "European Commission",
		"Department of Energy", "Department of Defense", "Internal Revenue Service",
		"Consumer Financial Protection Bureau", "Bureau of Industry and Security"}
	knownGovernments = []string{"Biden administration", "Trump administration", "Chinese government",
		"British government", "German government", "Japanese government"}
	knownPeople = []string{"Lina Khan", "Gary Gensler", "Jerome Powell", "Janet Yellen",
		"Gina Raimondo", "Elon Musk", "Tim Cook", "Jensen Huang", "Sundar Pichai", "Satya Nadella",
		"Andy Jassy", "Mark Zuckerberg", "Ursula von der Leyen", "Xi Jinping", "Merrick Garland",
		"Michael Regan", "Kelly Ortberg", "Sam Altman"}
	knownPlaces = []string{"Washington", "China", "Beijing", "New York", "London", "Brussels",
		"California", "Texas", "Taiwan", "Japan", "Germany", "Ukraine", "Russia", "India",
		"Hong Kong", "Singapore", "Tokyo", "Seattle", "San Francisco", "Mexico"}

	companySuffixes = []string{"Inc.", "Holdings", "Group", "Corp.", "Technologies", "Energy",
		"Bank", "Pharmaceuticals", "Systems", "Capital", "Industries", "Networks", "Logistics"}
	agencyForms = []string{"Office of %s Affairs", "%s Regulatory Authority", "Bureau of %s",
		"%s Commission", "Department of %s Resources"}
	givenNames = strings.Fields(`James Mary John Patricia Robert Jennifer Michael Linda David
		Elizabeth William Susan Richard Jessica Joseph Sarah Thomas Karen Charles Lisa Daniel
		Nancy Matthew Sandra Anthony Ashley Mark Emily Wei Li Priya Rahul Yuki Hiroshi Anna
		Lukas Sofia Mateo Fatima Omar Chen Olga Ivan Amara Kwame`)
)

// world is the population of entities documents mention, per type, most
// popular first.
type world map[newsintel.EntityType][]entity

// entityCounts is how many entities of each type the world holds.
var entityCounts = map[newsintel.EntityType]int{
	newsintel.EntityCompany: 3000, newsintel.EntityAgency: 300, newsintel.EntityGovernment: 40,
	newsintel.EntityPerson: 3000, newsintel.EntityPlace: 600,
}

func newWorld(rng *rand.Rand) world {
	known := map[newsintel.EntityType][]string{
		newsintel.EntityCompany: knownCompanies, newsintel.EntityAgency: knownAgencies,
		newsintel.EntityGovernment: knownGovernments, newsintel.EntityPerson: knownPeople,
		newsintel.EntityPlace: knownPlaces,
	}
	w := world{}
	for _, t := range newsintel.EntityTypes() {
		seen := map[string]bool{}
		for _, name := range known[t] {
			seen[newsintel.EntityID(t, name)] = true
			w[t] = append(w[t], entity{newsintel.EntityID(t, name), name, t})
		}
		for len(w[t]) < entityCounts[t] {
			name := madeUpName(rng, t)
			if id := newsintel.EntityID(t, name); !seen[id] {
				seen[id] = true
				w[t] = append(w[t], entity{id, name, t})
			}
		}
	}
	return w
}

// madeUpName invents a plausible name for an entity of type t.
func madeUpName(rng *rand.Rand, t newsintel.EntityType) string {
	word := func() string {
		s := pseudoWord(rng)
		return strings.ToUpper(s[:1]) + s[1:]
	}
	switch t {
	case newsintel.EntityCompany:
		return word() + " " + companySuffixes[rng.IntN(len(companySuffixes))]
	case newsintel.EntityAgency:
		return strings.Replace(agencyForms[rng.IntN(len(agencyForms))], "%s", word(), 1)
	case newsintel.EntityGovernment:
		return word() + " government"
	case newsintel.EntityPerson:
		return givenNames[rng.IntN(len(givenNames))] + " " + word()
	}
	return word()
}
