package bench

import (
	"math/rand/v2"
	"strings"
)

// functionWords are the most frequent words of English news text, most
// frequent first; they open the Zipf ranking of the vocabulary.
var functionWords = strings.Fields(`the of to and a in that for is on said with was
as it by at from he be has have are his an its but not will this which were
they who had been would their more after than also we about one or new two
there she year can up could her out over people other last when into all
percent first some what no so while if years only may before most against
three such under between because since during them did our do through time
any then those should million billion week where per many how both these`)

// newsWords are content words of business, policy and legal news, roughly
// in falling frequency; queries draw from them.
var newsWords = strings.Fields(`company government market state federal
officials president court report according companies plan security policy
law business national public data department administration rules rule
agency investors shares prices price trade deal tax energy economic growth
bank revenue sales board chief executive told statement official financial
foreign review investigation industry customers workers regulators chinese
international companies health case proposal program support countries
technology services decision capital system world cloud reported analysts
quarter earnings billion interest rates inflation election congress senate
house lawmakers bill legislation vote committee hearing judge lawsuit
settlement penalty fine antitrust competition merger acquisition regulatory
regulation compliance filing commission exchange securities stock fund funds
debt credit loans lending mortgage housing employment jobs unemployment
wages labor union strike manufacturing supply chain exports imports tariffs
sanctions defense military war ministry minister prime parliament european
union china russia ukraine climate emissions carbon oil gas power electricity
grid solar wind nuclear water chemicals environmental pollution safety
aviation aircraft airline airlines inspection inspections recall vehicles
electric battery batteries semiconductor chips chip software platform
platforms online privacy consumers consumer users digital artificial
intelligence models model research development drug drugs pharmaceutical
vaccine hospital patients insurance medicare medicaid budget spending
deficit treasury bonds yields dollar currency central monetary outlook
forecast guidance profit losses loss operating cash margins costs cost
demand production output capacity plant factory facility contract contracts
procurement licence license permit permits approval approved approve denied
rejected appeal ruled ruling charges charged fraud criminal prosecutors
justice attorney general counsel spokesperson spokesman spokeswoman comment
declined respond request familiar matter sources person people discussions
talks negotiations agreement partnership investment investments stake
shareholders dividend buyback listing ipo offering valuation startup venture
private equity hedge bankruptcy restructuring layoffs jobs hiring executives
director directors chairman ceo cfo resigned appointed named successor
strategy expansion markets region regional local city county residents
community communities infrastructure transport rail ports shipping freight
trucking logistics retail retailers stores online ecommerce advertising
media news network broadcast streaming telecom wireless spectrum broadband
satellite space launch contractors contractor pentagon army navy intelligence
cybersecurity hackers breach attack ransomware vulnerability disclosure
disclosed risk risks factors material uncertainty litigation proceedings
amended amendment section item fiscal period ended compared increase
decrease increased decreased primarily due results operations liquidity
notice comments docket proposed final effective agency action requirements
standards limits monitoring contaminants drinking systems small entities
paperwork reduction executive order analysis burden estimated annual hours
respondents collection information submit electronic portal public
national security export controls entity list license requirements semiconductors`)

// topicPhrases are multi-word expressions documents repeat; phrase
// queries search for them.
var topicPhrases = []string{
	"cloud computing", "national security", "interest rates", "supply chain",
	"artificial intelligence", "export controls", "drinking water", "climate change",
	"antitrust case", "data privacy", "trade war", "electric vehicles",
	"central bank", "annual report", "risk factors", "public comment",
	"federal court", "class action", "consumer protection", "energy prices",
	"chip exports", "market share", "labor market", "health care",
}

// syllables make the pseudo-words of the long tail of the vocabulary and
// of entity names.
var syllables = strings.Fields(`ba be bi bo bu ca ce co cu da de di do du fa fe
fi fo ga ge go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni
no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za
zo bar ber dor fen gar hal ker lin mar nor pel quin ros sel tor ver wen xan yor
zel bran cred dral flor gril kran plor stav trel vask`)

// pseudoWord returns a deterministic made-up word of two to four
// syllables.
func pseudoWord(rng *rand.Rand) string {
	n := 2 + rng.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[rng.IntN(len(syllables))])
	}
	return b.String()
}

// vocabulary returns size words: function words, then news words, then
// pseudo-words, in Zipf rank order.
func vocabulary(rng *rand.Rand, size int) []string {
	seen := make(map[string]bool, size)
	out := make([]string, 0, size)
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, w := range functionWords {
		add(w)
	}
	for _, w := range newsWords {
		add(w)
	}
	for len(out) < size {
		add(pseudoWord(rng))
	}
	return out
}
