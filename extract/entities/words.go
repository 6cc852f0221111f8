package entities

import "strings"

// wordSet builds a set from space-separated lower-case words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// stopwords are capitalised at the start of a sentence or in a heading but
// never name an entity on their own: function words, sentence adverbs,
// months, days, and the plural nouns news uses for unnamed groups
// ("Regulators said").
var stopwords = wordSet(`
a an the this that these those there here it its it's he she they we i you his her their our
my your who whom whose which what when where why how whether if then than so as at by for from
in into of off on onto out over to up upon with within without about above after against along
among around before behind below beneath beside besides between beyond but despite down during
except inside like near since through throughout till toward towards under underneath unlike
until via and or nor yet also still however meanwhile moreover furthermore nevertheless
nonetheless instead otherwise thus hence therefore indeed already even just only perhaps maybe
now today tomorrow yesterday tonight later earlier last next first second third finally overall
again although though while because once after all both each every either neither some any
many much more most few several other another such no not none nobody nothing everyone
everybody something someone anyone anything do does did done is are was were be been being
has have had will would shall should can could may might must let lets please thanks yes
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
officials official analysts analyst experts expert investors critics regulators regulator
lawmakers legislators police authorities sources source researchers residents prosecutors
executives shares sales revenue profits people workers employees customers users consumers
companies company firms firm markets market traders economists diplomats
government governments administration officers spokesman spokeswoman spokesperson
representatives members leaders voters citizens americans europeans observers supporters
opponents democrats republicans investigators reporters journalists editors documents data
according asked told said says added noted reported wrote explained stated announced
new old big top high low chief senior former acting deputy
local domestic private major minor key main
read more see watch subscribe share follow click advertisement related featured image photo
video updated published breaking exclusive analysis opinion editorial comment commentary
report reports news update story sign log home page contents section chapter part item
mr mrs ms dr sir madam
ipo ipos etf etfs esg gdp spac spacs saas api apis ev evs vc vcs hr pr ai
`)

// orgSuffixes end the names of companies ("Acme Widgets Inc") and are
// dropped from their canonical names.
var orgSuffixes = wordSet(`inc incorporated corp corporation ltd limited llc llp lp plc ag sa
gmbh co nv bv se spa sas ab asa oyj kk bhd pte pty holdings holding group company`)

// agencyHeads end or begin the names of government bodies: "Census Bureau",
// "Office of Intelligence and Security".
var agencyHeads = wordSet(`department ministry office bureau agency commission council board
administration authority service services embassy consulate directorate secretariat
inspectorate regulator tribunal court parliament senate committee institute institutes
centers center centre`)

// headFirstOnly heads name a body only when a complement follows them
// ("Office of X"): a bare "Court" or "Center" before them is something else.
var headFirstOnly = wordSet(`court centre center centers institute institutes
tribunal parliament senate services`)

// notAgencyComplements follow "Board of" or "Office of" in the names of a
// company's organs, not of government bodies: "Board of Directors".
var notAgencyComplements = wordSet(`directors trustees shareholders`)

// nameConnectors may stand inside an organisation's name.
var nameConnectors = wordSet(`of and for on the & de du la le von van der des del da di y`)

// personTitles precede a person's name: "Secretary Gina Raimondo", "Mr. Ma".
// Capitalised or not, they are never part of the name.
var personTitles = wordSet(`president vice mr mrs ms miss dr prof professor secretary senator
sen rep representative congressman congresswoman gov governor mayor judge justice chancellor
premier minister chairman chairwoman chair ceo cfo coo cto founder cofounder co-founder
commissioner director ambassador king queen prince princess pope gen general admiral adm lt
colonel col sgt sergeant captain capt officer spokesman spokeswoman spokesperson analyst
economist executive lawyer attorney prosecutor economist leader speaker lawmaker rabbi
reverend rev sheikh emir crown deputy pastor detective det inspector superintendent author
investor billionaire entrepreneur actor actress singer chief head politician activist
administrator chairperson treasurer comptroller solicitor marshal sheriff commander lieutenant
councillor councilman councilwoman alderman ombudsman registrar provost dean
dissident journalist businessman businesswoman tycoon magnate diplomat envoy negotiator
candidate nominee adviser advisor aide commentator strategist banker novelist writer
poet artist physicist scientist researcher historian philanthropist taoiseach tanaiste
tánaiste sultan emir ayatollah engineer manager coach teacher nurse doctor trooper
firefighter chef reporter producer editor designer architect consultant trader farmer planner
lord baroness baron dame
coordinator supervisor clerk auditor paramedic bishop archbishop imam`)

// roleNouns follow a person's name in an apposition: "Jack Ma, the founder".
var roleNouns = wordSet(`founder co-founder cofounder chairman chairwoman chair president ceo
chief executive director head spokesman spokeswoman spokesperson secretary minister senator
governor mayor analyst economist professor partner lawyer attorney manager owner researcher
author editor leader adviser advisor official officer member investor engineer
vice deputy former senior general commissioner ambassador strategist scientist
producer singer actor actress musician rapper composer artist player coach striker captain
batsman bowler driver champion designer chef activist lawmaker judge prosecutor historian
journalist reporter commentator entrepreneur billionaire businessman businesswoman banker
filmmaker novelist poet comedian presenter philanthropist diplomat envoy teacher doctor
widow son daughter wife husband mother father`)

// speechVerbs follow or precede a speaker: "Jack Ma said", "said Jack Ma".
var speechVerbs = wordSet(`said says told added wrote noted argued explained stated
warned recalled asked replied continued insisted acknowledged admitted claimed confirmed
denied tweeted posted according declared affirmed informed`)

// companyCues near a name that is also a common word ("Apple", "Target")
// show that the company is meant.
var companyCues = wordSet(`company companies firm firms shares share stock stocks ceo cfo
chief executive executives investors revenue revenues sales profit profits earnings quarter
quarterly nasdaq nyse ticker inc corp brand maker makers manufacturer retailer giant
subsidiary acquisition acquire acquired merger deal customers products product launched
unveiled announced iphone ipad mac app apps store stores billion million valuation
iphones market cap spokesperson spokesman spokeswoman antitrust lawsuit sued employees workforce
chain supplier suppliers rival rivals competitor`)

// agencyCues near "Commerce" and the like show that the agency is meant.
var agencyCues = wordSet(`department officials official secretary agency regulators
spokesperson spokesman spokeswoman rule rules regulation regulations sanctions export
exports blacklist list review investigation probe license licenses controls federal
administration government washington`)

// continuations may follow a name that is a common word without making it
// a phrase of its own ("Apple said", but not "Apple pie").
var continuations = wordSet(`said says is was has had will would could can may might should
and or but to in on at for from with by as of than that which who whose also plans plan
said' did does do declined refused reported reports announced announces unveiled agreed
expects expected said, told confirmed denied sued faces faced shares stock stocks ceo`)

// genericWords are common in company names but name nothing on their own:
// "First American", "General Energy", "United Bank".
var genericWords = wordSet(`american america united general first national international global
energy capital financial health healthcare systems technologies technology industries
bank bancorp realty income trust fund funds partners resources solutions services therapeutics
pharmaceuticals properties investment investments securities insurance communications
media entertainment brands foods products networks software labs digital data power
acquisition acquisitions growth value opportunity opportunities strategic premier united
western eastern northern southern pacific atlantic central community home life equity
real estate gold silver oil gas water air motors metals materials mining one two three
new best target block visa gap progressive carrier match square`)

// nameParticles stand between the words of a person's name: "Lula da
// Silva", "Ursula von der Leyen".
var nameParticles = wordSet(`da de di do dos das du del della van von der den bin al el le la`)

// companyNouns, in lower case, name the kind of company whose name follows:
// "research company Gartner", "newspaper Punch".
var companyNouns = wordSet(`company firm startup start-up maker automaker chipmaker carmaker
newspaper daily broadcaster lender insurer retailer conglomerate supplier operator developer
publisher manufacturer analyst analysts brokerage fund exchange platform app agency studio
bank insurer miner refiner airline`)

// documentNouns name documents, their parts and page furniture, events and
// the mastheads of newspapers: capitalised in "Executive Order 13873",
// "Item 1A. Risk Factors", "Federal Register", "Read More", "Eras Tour",
// "Morning Herald", they are never part of a person's name.
var documentNouns = wordSet(`order orders law laws act acts section sections item items rule rules
docket report reports register release releases article articles image images factors risk
form forms exhibit exhibits schedule part chapter note notes notice notices statement statements
code amendment amendments regulation regulations directive decree resolution
annual quarterly press related featured read more summary table appendix filing filings proxy
prospectus agreement treaty accord protocol convention program programme initiative plan
strategy policy index review journal gazette bulletin circular memo memorandum letter
transcript testimony hearing opinion ruling verdict complaint petition motion brief
copyright rights reserved terms privacy cookie cookies newsletter subscribe subscription
photo photos caption credit credits getty images video podcast
tour festival cup awards award olympics championship championships prize summit conference
forum expo show fair marathon derby grand slam
herald times post tribune telegraph guardian observer chronicle mail mirror express
examiner inquirer composite average`)

// descriptors are nouns that describe a company, person or group and may
// stand capitalised at the start of a sentence right before its name:
// "Rival Advanced Micro Devices", "Chipmaker Nvidia said". They never
// start a name found by the rules.
var descriptors = wordSet(`rival rivals competitor competitors peer peers chipmaker chipmakers
carmaker carmakers automaker automakers drugmaker drugmakers retailer retailers lender lenders
insurer insurers startup startups start-up conglomerate conglomerates giant giants tech telecom
e-commerce operator operators supplier suppliers manufacturer manufacturers maker makers
producer producers provider providers platform platforms parent owner owners unit subsidiary
shareholder shareholders stockholder stockholders bondholders creditors plaintiffs defendants
defendant plaintiff judges senators ministers minister officials lawmakers regulators
investors analysts shares stocks customers clients users rivalry partner broker brokers
bank banks automakers airline airlines carrier carriers developer developers publisher publishers
broadcaster broadcasters newspaper network networks chain chains brand brands firm firms
company companies group groups agency agencies prosecutors authorities police critics
billionaire tycoon founder cofounder co-founder executives employees staff union unions
activist activists protesters residents voters citizens consumers buyers sellers traders
miners refiner refiners utility utilities exporter exporters importer importers
`)

// commaSuffixes may stand after a comma in a company's name: "Zentrix
// Networks, Inc.", "Orbis Freight, LLC".
var commaSuffixes = wordSet(`inc incorporated llc llp lp ltd limited corp plc`)

// orgHeads end the names of companies and other organisations (trade
// bodies and foundations are companies here) and are never part of a
// person's name: "Southwest Airlines", "Epic Games", "Elliott Management",
// "Crop Growers Association".
var orgHeads = wordSet(`airlines airways motors games studios pictures records ventures
partners management pharmaceuticals therapeutics biotherapeutics biosciences technologies
networks industries laboratories labs semiconductor semiconductors entertainment brands foods
airline bank bancorp securities insurance capital investments logistics telecom telecommunications
association federation foundation society alliance coalition league consortium research
railway railways steel chemicals chemical electronics shipping construction engineering cement
textiles breweries brewery brewing petroleum petrochemical
`)

// placeNouns follow a name in the names of places and of the bodies and
// teams named after them: "Virginia Beach", "Georgia Tech", "Sydney
// Harbour", "Paris Saint-Germain". A given name that is also a place's
// ("Georgia", "Sydney") before one of them is no person's; a name before
// one of the geographic ones is a place ("Apple Valley", "Macomb County").
var placeNouns = wordSet(`tech beach city county harbour harbor airport university college
state street avenue road park bay valley heights springs falls hills island islands river lake
port square bridge station zoo museum cathedral hall gardens garden saint st opera symphony
orchestra club football fc township parish province prefecture oblast sea ocean mountains
canal basin peninsula coast`)

// placeHeads are the placeNouns that end the name of a place itself.
var placeHeads = wordSet(`county township parish province prefecture oblast heights valley
springs falls hills island islands river sea bay beach mountains peninsula airport bridge`)
