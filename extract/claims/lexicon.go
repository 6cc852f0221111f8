package claims

// The lexicons below are lower case. They describe the language of
// attribution in English news copy: reporting verbs in all tenses, the nouns
// that name sources, the words that count them, and the phrases that mark
// anonymity, refusal and hedging.

func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// clausalVerbs take the reported content directly: "X said the deal…".
var clausalVerbs = words(
	"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "note", "noted",
	"warn", "warns", "warned", "stated", "write", "writes", "wrote", "explain", "explains",
	"explained", "argue", "argues", "argued", "insist", "insists", "insisted", "claimed",
	"contend", "contends", "contended", "assert", "asserts", "asserted", "acknowledge",
	"acknowledges", "acknowledged", "concede", "concedes", "conceded", "admit", "admits",
	"admitted", "predict", "predicts", "predicted", "stress", "stresses", "stressed",
	"emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised",
	"caution", "cautions", "cautioned", "testify", "testifies", "testified", "declare",
	"declares", "declared", "counter", "countered", "complain", "complains", "complained",
	"reply", "replies", "replied", "responded", "tweeted", "posted", "recall", "recalls",
	"recalled", "observe", "observes", "observed", "reiterate", "reiterates", "reiterated",
	"remark", "remarked", "commented", "alleged", "alleges", "allege", "maintained",
	"confirmed", "confirms", "confirm", "denied", "denies", "deny", "announced", "announces",
	"disclosed", "discloses", "revealed", "reveals", "estimated", "estimates", "suggested",
	"suggests", "indicated", "indicates", "believes", "believe", "believed", "thinks",
	"concluded", "concludes", "reported", "reports", "report", "notes", "states", "state",
	"claims", "claim", "found", "finds", "find", "show", "shows", "showed", "shown",
	"maintain", "maintains", "continued", "pledged", "vowed", "promised", "projected",
	"projects", "forecast", "forecasts", "expects", "expected", "learned", "learnt",
	"announce", "disclose", "reveal", "conclude", "indicate", "suggest", "estimate",
	"quoted", "cited", "quotes", "cites", "clarified", "clarifies", "informed", "informs", "stresses", "notes", "describes",
	"understands", "has learned", "signalled", "signaled", "accuses", "expect", "think", "accused", "accuse", "points", "pointed",
	"heard", // "The court heard that …": evidence given in court
)

// thatVerbs are reporting verbs that are also common with a plain object
// ("Alibaba reported revenue of …", "the survey shows"), or nouns: they
// attribute only before "that" or after the content ("…, Reuters reported").
var thatVerbs = words(
	"reported", "reports", "report", "announced", "announces", "announce", "disclosed",
	"discloses", "disclose", "revealed", "reveals", "reveal", "estimated", "estimates",
	"estimate", "suggested", "suggests", "suggest", "indicated", "indicates", "indicate",
	"believes", "believe", "believed", "thinks", "concluded", "concludes", "conclude",
	"notes", "states", "state", "claims", "claim", "found", "finds", "find", "show", "shows",
	"showed", "shown", "maintain", "maintains", "maintained", "continued", "pledged",
	"vowed", "promised", "projected", "projects", "forecast", "forecasts", "expects",
	"expected", "learned", "learnt", "confirm", "deny", "posted", "responded", "recall",
	"recalls", "recalled", "observe", "observes", "stress", "counter", "reply", "caution",
	"quoted", "cited", "quotes", "cites", "remark", "declare", "admit", "allege", "complained", "complains", "complain",
	"understands", "points", "pointed", "expect", "think", "heard",
)

// objectVerbs may take a plain object as their content: "Alibaba denied
// the allegations".
var objectVerbs = words("denied", "denies", "confirmed", "confirms")

// docVerbs attribute when a document is the subject, even without "that":
// "court documents show he paid …".
var docVerbs = words("show", "shows", "showed", "found", "finds", "said", "says",
	"stated", "states", "revealed", "reveals", "indicated", "indicates", "concluded",
	"concludes", "estimated", "estimates", "noted", "notes", "warned", "warns", "suggests",
	"suggested", "alleged", "alleges", "claimed", "claims", "argued", "argues", "read",
	"reads", "added", "cited", "predicted", "projected", "showing", "stating", "suggest", "indicate",
	"reveal", "state", "estimate", "show")

// participles introduce an added attribution after a comma: "…, stating
// that …", "…, saying …", "…, adding that …".
var participles = words("saying", "stating", "adding", "noting", "warning", "claiming",
	"arguing", "explaining", "insisting", "alleging", "acknowledging", "confirming",
	"denying", "writing", "telling", "asserting", "contending", "declaring", "predicting",
	"stressing", "emphasizing", "emphasising", "cautioning", "suggesting", "indicating",
	"reporting", "revealing", "disclosing", "announcing", "conceding", "admitting")

// auxiliaries and adverbs may stand between a subject and its reporting
// verb: "the company has previously said".
var auxiliaries = words("has", "have", "had", "also", "previously", "later", "earlier",
	"again", "once", "repeatedly", "publicly", "privately", "separately", "recently",
	"further", "then", "subsequently", "already", "long", "often", "frequently", "reportedly",
	"allegedly", "last", "week", "month", "year", "on", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
	"first", "originally", "initially", "officially", "explicitly", "angrily", "bluntly",
	"flatly", "strongly", "firmly", "simply", "only", "even", "still", "has also", "have also",
	"openly", "quietly", "candidly", "confidently", "optimistically", "cautiously", "now",
	"since", "later", "privately", "reportedly")

// modals before a verb mean it is not a report of speech yet: "would say".
var modals = words("to", "will", "would", "could", "can", "may", "might", "should", "must",
	"shall", "did", "does", "do", "not", "never", "didn't", "doesn't", "won't", "wouldn't",
	"couldn't", "cannot", "can't", "is", "are", "was", "were", "be", "been", "being", "the",
	"this", "that", "such", "aforesaid", "above", "a", "an", "of")

// anonNouns name people who can speak as sources; unnamed, they are
// anonymous. The value is the role.
var anonNouns = map[string]string{
	"source": "source", "sources": "source", "person": "person", "people": "person",
	"persons": "person", "individual": "person", "individuals": "person",
	"official": "official", "officials": "official", "officer": "official", "officers": "official",
	"insider": "insider", "insiders": "insider", "aide": "aide", "aides": "aide",
	"diplomat": "diplomat", "diplomats": "diplomat", "executive": "executive",
	"executives": "executive", "employee": "employee", "employees": "employee",
	"staffer": "employee", "staffers": "employee", "staff": "employee", "worker": "employee", "workers": "employee",
	"analyst": "analyst", "analysts": "analyst", "banker": "banker", "bankers": "banker",
	"investor": "investor", "investors": "investor", "adviser": "adviser", "advisers": "adviser",
	"advisor": "adviser", "advisors": "adviser", "negotiator": "negotiator",
	"negotiators": "negotiator", "lawmaker": "lawmaker", "lawmakers": "lawmaker",
	"legislator": "lawmaker", "legislators": "lawmaker", "member": "member", "members": "member",
	"witness": "witness", "witnesses": "witness", "resident": "resident", "residents": "resident",
	"expert": "expert", "experts": "expert", "economist": "economist", "economists": "economist",
	"trader": "trader", "traders": "trader", "dealer": "trader", "dealers": "trader",
	"critic": "critic", "critics": "critic", "observer": "observer", "observers": "observer",
	"researcher": "researcher", "researchers": "researcher", "scientist": "researcher",
	"scientists": "researcher", "manager": "executive", "managers": "executive",
	"director": "executive", "directors": "executive", "activist": "activist",
	"activists": "activist", "regulators": "official",
	"authorities": "official", "policymaker": "official", "policymakers": "official",
	"associate": "associate", "associates": "associate", "friend": "associate",
	"friends": "associate", "colleague": "associate", "colleagues": "associate",
	"contact": "source", "contacts": "source", "supplier": "supplier", "suppliers": "supplier",
	"customer": "customer", "customers": "customer", "engineer": "employee",
	"engineers": "employee", "partner": "partner", "partners": "partner",
	"commander": "official", "commanders": "official", "deputies": "official",
	"detective": "official", "detectives": "official", "inspectors": "official",
	"trooper": "official", "troopers": "official", "paramedics": "official", "rescuers": "official",
	"strategist": "analyst", "strategists": "analyst", "consultant": "adviser",
	"consultants": "adviser", "shareholder": "investor", "shareholders": "investor",
	"figure": "person", "figures": "person", "leader": "official", "leaders": "official",
	"supporter": "supporter", "supporters": "supporter", "opponent": "critic",
	"opponents": "critic", "lobbyist": "lobbyist", "lobbyists": "lobbyist",
	"neighbor": "witness", "neighbors": "witness", "neighbour": "witness", "neighbours": "witness",
	"local": "resident", "locals": "resident", "villager": "resident", "villagers": "resident",
	"protester": "activist", "protesters": "activist", "parent": "resident", "parents": "resident",
	"student": "resident", "students": "resident", "teacher": "employee", "teachers": "employee",
	"doctor": "expert", "doctors": "expert", "nurse": "employee", "nurses": "employee",
	"farmer": "resident", "farmers": "resident", "passenger": "witness", "passengers": "witness",
	"user": "customer", "users": "customer", "consumer": "customer", "consumers": "customer",
	"relative": "associate", "relatives": "associate", "soldier": "official", "soldiers": "official",
	"pilot": "employee", "pilots": "employee", "driver": "employee", "drivers": "employee",
	"survivor": "witness", "survivors": "witness", "victim": "witness", "victims": "witness",
	"organizer": "activist", "organizers": "activist", "organiser": "activist", "organisers": "activist",
	"advocate": "activist", "advocates": "activist", "campaigner": "activist", "campaigners": "activist",
	"owner": "resident", "owners": "resident", "homeowner": "resident", "homeowners": "resident",
	"landlord": "resident", "landlords": "resident", "tenant": "resident", "tenants": "resident",
	"shopper": "customer", "shoppers": "customer", "motorist": "resident", "motorists": "resident",
	"commuter": "resident", "commuters": "resident", "voter": "resident", "voters": "resident",
	"family": "resident", "families": "resident", "scout": "expert", "scouts": "expert",
	"correspondent": "journalist", "correspondents": "journalist", "whistleblower": "insider",
	"whistleblowers": "insider", "staffer's": "employee", "veterans": "resident",
	"pal": "associate", "pals": "associate", "confidant": "associate", "confidante": "associate",
	"confidants": "associate", "ally": "associate", "loyalist": "associate", "loyalists": "associate",
	"acquaintance": "associate", "acquaintances": "associate", "teammate": "associate",
	"teammates": "associate", "classmate": "associate", "classmates": "associate",
	"onlooker": "witness", "onlookers": "witness", "bystander": "witness", "bystanders": "witness",
	"eyewitness": "witness", "eyewitnesses": "witness", "mourner": "witness", "mourners": "witness",
	"groups": "group", // "Environmental groups warned": unnamed organisations
}

// spokesNouns speak for an organisation on the record. The value is the role.
var spokesNouns = map[string]string{
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"spokespeople": "spokesperson", "spokespersons": "spokesperson", "spokesmen": "spokesperson",
	"spokeswomen": "spokesperson", "representative": "spokesperson",
	"representatives": "spokesperson", "rep": "spokesperson", "reps": "spokesperson",
	"lawyer": "lawyer", "lawyers": "lawyer", "attorney": "lawyer", "attorneys": "lawyer",
	"counsel": "lawyer", "solicitor": "lawyer", "solicitors": "lawyer",
	"mouthpiece": "spokesperson", "press office": "spokesperson",
	"prosecutor": "prosecutor", "prosecutors": "prosecutor", "police": "police",
	"investigators": "investigator", "spox": "spokesperson",
}

// titleNouns are offices held by one identifiable person: with a name they
// make a person source; definite and unnamed ("the minister said") they
// still point at one known person.
var titleNouns = map[string]string{
	"ceo": "executive", "chairman": "executive", "chairwoman": "executive",
	"chair": "executive", "president": "official", "founder": "executive",
	"cfo": "executive", "coo": "executive", "cto": "executive", "chief": "executive",
	"minister": "official", "secretary": "official", "senator": "lawmaker",
	"congressman": "lawmaker", "congresswoman": "lawmaker", "governor": "official",
	"mayor": "official", "ambassador": "diplomat", "judge": "judge", "justice": "judge",
	"chancellor": "official", "premier": "official", "commissioner": "official",
	"administrator": "official", "head": "executive", "boss": "executive",
	"professor": "expert", "dean": "expert", "economist": "economist", "analyst": "analyst",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"lawyer": "lawyer", "attorney": "lawyer", "sen.": "lawmaker", "rep.": "lawmaker",
	"gov.": "official", "prime": "official", "vice": "official", "deputy": "official",
	"general": "official", "officer": "official", "partner": "executive",
	"investor": "investor", "owner": "executive", "editor": "journalist",
	"reporter": "journalist", "author": "author", "researcher": "researcher",
	"director": "executive", "manager": "executive", "official": "official",
	"executive": "executive", "strategist": "analyst", "diplomat": "diplomat",
	"aide": "aide", "adviser": "adviser", "advisor": "adviser", "envoy": "diplomat",
	"leader": "official", "commander": "official", "inspector": "official",
	"treasurer": "executive", "trustee": "executive", "principal": "executive",
	"superintendent": "official", "sheriff": "official", "engineer": "official", "clerk": "employee",
	"auditor": "official", "comptroller": "official", "councilman": "official",
	"councilwoman": "official", "councillor": "official", "councilor": "official",
	"alderman": "official", "speaker": "official", "coach": "coach", "captain": "official",
	"agent": "agent", "governor's": "official", "taoiseach": "official", "tánaiste": "official",
	"tanaiste": "official", "mp": "lawmaker", "mep": "lawmaker", "msp": "lawmaker",
	"singer": "artist", "actress": "artist", "actor": "artist", "rapper": "artist",
	"musician": "artist", "artist": "artist", "comedian": "artist", "novelist": "author",
	"player": "athlete", "athlete": "athlete", "quarterback": "athlete", "striker": "athlete",
	"pitcher": "athlete", "goalkeeper": "athlete", "midfielder": "athlete",
	"defender": "athlete", "boxer": "athlete", "golfer": "athlete",
	"coroner": "official", "magistrate": "judge", "ombudsman": "official", "pathologist": "expert",
	"host": "journalist", "presenter": "journalist", "anchor": "journalist", "editor-in-chief": "journalist",
	// family: "her mother said", "the couple's daughter, 24, said" (but "a mother of three said"
	// is unnamed)
	"mother": "relative", "father": "relative", "daughter": "relative", "son": "relative",
	"wife": "relative", "husband": "relative", "sister": "relative", "brother": "relative",
	"widow": "relative", "widower": "relative", "grandmother": "relative", "grandfather": "relative",
	"aunt": "relative", "uncle": "relative", "cousin": "relative", "partner's": "relative",
}

// orgNouns name an organisation speaking as a whole: "the company said".
var orgNouns = words("company", "companies", "firm", "firms", "group", "ministry",
	"department", "agency", "agencies", "government", "governments", "administration",
	"bank", "banks", "regulator", "commission", "embassy", "court", "office", "council",
	"committee", "bureau", "board", "authority", "union", "party", "campaign", "team",
	"startup", "start-up", "carrier", "airline", "automaker", "retailer", "lender",
	"insurer", "operator", "maker", "manufacturer", "giant", "conglomerate", "utility",
	"exchange", "organisation", "organization", "organizations", "organisations",
	"institute", "university", "foundation", "association", "federation", "charity",
	"club", "outlet", "newspaper", "broadcaster", "publication", "network", "agency's",
	"cabinet", "parliament", "congress", "senate", "house", "kremlin", "pentagon",
	"military", "army", "navy", "ministry's", "platform", "service", "provider",
	"developer", "producer", "supplier", "chipmaker", "fund", "regulators", "house",
	"white", "state", "states", "watchdog", "unit", "subsidiary", "parent", "business",
	"secretariat", "mission", "consulate", "police", "prosecutor's", "regime", "junta",
	"media", "club", "league", "delegation", "federation", "team", "side", "squad",
	"hospital", "clinic", "school", "district", "county", "city", "museum", "prison", "airport",
	"management", "opposition", "drugmaker", "carmaker", "miner", "brewer", "broker", "brokerage",
	"supermarket", "grocer", "chain", "builder", "housebuilder", "publisher", "studio", "streamer",
	"distributor", "shipper", "railway", "railroad", "refiner", "exporter", "importer", "biotech",
	"tribunal", "inquest", "jury",
	// media bodies: "the station said", "according to the magazine"
	"station", "stations", "channel", "channels", "tabloid", "tabloids", "magazine", "magazines",
	"newspapers", "broadcasters", "outlets", "networks", "publications", "broadsheet", "site",
	"newsroom", "podcast", "newsletter",
)

// docNouns name documents that can be a source: "the report found".
var docNouns = words("report", "reports", "filing", "filings", "document", "documents",
	"papers", "indictment", "indictments", "complaint", "lawsuit", "suit", "letter",
	"letters", "study", "studies", "survey", "surveys", "memo", "memos", "memorandum",
	"records", "record", "data", "analysis", "prospectus", "transcript", "transcripts",
	"ruling", "judgment", "judgement", "affidavit", "petition", "motion", "order",
	"statement", "statements", "release", "notice", "notices", "disclosure", "disclosures",
	"paper", "research", "review", "audit", "assessment", "estimate", "estimates",
	"figures", "statistics", "poll", "polls", "email", "emails", "e-mail", "e-mails",
	"minutes", "testimony", "submission", "application", "presentation", "guidance",
	"warning", "bulletin", "assessment", "cable", "cables", "dossier", "brief", "briefing",
	"summary", "note", "notes", "10-k", "10-q", "8-k", "20-f", "s-1", "proxy", "forecast",
	"findings", "post", "tweet", "blog", "website", "article", "investigation", "probe",
	"inquiry", "charges", "charging", "pleading", "pleadings", "exhibit", "exhibits",
	"agreement", "contract", "draft", "proposal", "guidelines", "preprint", "preprints",
	"meta-analysis", "dataset", "datasets", "filing's", "complaints", "lawsuits", "list", "lists",
	"copy", "copies", "notification", "notifications", "circular", "circulars", "gazette",
	"communique", "communiqué", "directive", "advisory", "rules", "regulations", "law", "laws",
	"constitution", "treaty", "policy", "bylaws", "charter", "handbook", "manual", "information",
)

// onRecordDocs are document heads that, as the channel of a named speaker's
// words ("X said in a statement"), leave the speaker as the source.
var onRecordDocs = words("statement", "statements", "release", "post", "tweet", "blog",
	"email", "emails", "e-mail", "interview", "briefing", "call", "conference", "speech",
	"remarks", "message", "video", "podcast", "note", "presentation", "hearing", "website",
	"op-ed", "column", "editorial", "article", "letter", "letters", "testimony", "memo")

// outlets are news organisations that relay claims: "Reuters reported".
var outlets = words("reuters", "bloomberg", "ap", "afp", "cnbc", "cnn", "bbc", "nbc", "abc",
	"cbs", "fox", "npr", "politico", "axios", "xinhua", "kyodo", "yonhap", "tass", "nikkei",
	"caixin", "wsj", "ft", "semafor", "the information", "dpa", "ansa", "efe", "pti", "ani",
	"interfax", "ria", "sputnik", "al jazeera", "le monde", "der spiegel", "handelsblatt",
	"the guardian", "the times", "the telegraph", "the journal", "the post", "the paper",
	"the newspaper", "the outlet", "the publication", "the broadcaster", "the agency",
	"the station", "the channel", "the tabloid", "the magazine", "the broadsheet", "the newsroom",
)

// outletWords end names of news organisations.
var outletWords = words("times", "journal", "post", "news", "herald", "tribune", "gazette",
	"magazine", "press", "daily", "telegraph", "guardian", "observer", "reuters", "bloomberg",
	"insider", "wire", "television", "tv", "radio", "broadcasting", "network", "chronicle",
	"economist", "mail", "express", "independent", "star", "review", "week", "weekly",
	"monitor", "standard", "nikkei", "agency", "newswire", "financial", "report", "today",
	"globe", "bulletin")

// orgSuffixes end names of organisations.
var orgSuffixes = words("inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd",
	"ltd.", "llc", "plc", "group", "holdings", "holding", "company", "companies", "bank",
	"department", "ministry", "agency", "administration", "commission", "embassy",
	"office", "court", "council", "committee", "bureau", "board", "authority", "union",
	"party", "university", "institute", "foundation", "association", "federation", "fund",
	"trust", "partners", "capital", "securities", "technologies", "technology", "systems",
	"labs", "ag", "sa", "se", "nv", "gmbh", "limited", "industries", "motors", "airlines",
	"energy", "pharmaceuticals", "government", "service", "services", "organization",
	"organisation", "network", "media", "research", "consulting", "house", "congress",
	"senate", "parliament", "police", "army", "navy", "force", "forces", "cloud", "bank's",
	"exchange", "reserve", "treasury", "pentagon", "kremlin", "commerce", "state", "justice",
	"center", "centre", "club", "network", "airways", "cabinet", "regulator", "watchdog",
	"secretariat", "mission", "consulate", "platforms", "brands", "communications",
	"telecom", "entertainment", "studios", "pictures", "semiconductor", "electronics", "staff",
	"league", "consortium", "alliance", "coalition", "society", "confederation", "chamber")

// pronKind is what a pronoun subject refers to.
type pronKind int

const (
	kindPerson   pronKind = iota + 1 // he, she
	kindOrg                          // it, we
	kindThey                         // they: the last source
	kindRelative                     // who, which: not a subject we can use
)

// pronouns that can be the subject of a reporting verb.
var pronouns = map[string]pronKind{
	"he": kindPerson, "she": kindPerson, "it": kindOrg, "they": kindThey, "we": kindOrg,
	"i": kindPerson, "you": kindPerson, "who": kindRelative, "which": kindRelative,
}

// numberWords maps counting words to numbers.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "both": 2,
	"a couple of": 2, "a pair of": 2, "a dozen": 12, "another": 1, "single": 1,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "dozen": 12,
	"half-dozen": 6, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// pluralWords say "more than one" without a number.
var pluralWords = words("several", "multiple", "some", "many", "various", "numerous",
	"few", "other", "dozens", "scores", "hundreds", "most", "all", "more", "various",
	"number", "handful", "group", "range", "host", "series", "variety")

// anonMarkers show that a source is kept unnamed on purpose.
var anonMarkers = []string{"familiar with", "briefed on", "close to", "knowledge of",
	"knowledgeable", "not to be named", "not to be identified", "condition of anonymity",
	"anonymity", "not authorized", "not authorised", "declined to be named",
	"declined to be identified", "requested anonymity", "not allowed", "unnamed",
	"anonymous", "insisted on anonymity", "without being named", "involved in",
	"with direct knowledge", "aware of", "privy to", "not permitted", "who asked",
	"speaking privately", "on background", "in the know", "in the room"}
