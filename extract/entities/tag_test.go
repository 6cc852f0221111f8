package entities

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

func TestTagCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "type:Text=Name" in order
	}{
		{"possessive", "Alibaba's cloud business grew.", []string{"company:Alibaba=Alibaba"}},
		{"sentence-initial adverb", "Still, the Biden administration acted.", []string{"government:Biden administration=Biden administration"}},
		{"Americas is not America", "Sales in the Americas rose.", nil},
		{"US and U.S.", "US and U.S. firms", []string{"place:US=United States", "place:U.S.=United States"}},
		{"lower-case us", "He told us nothing.", nil},
		{"office under a department", "The Commerce Department's Office of Intelligence and Security is leading.",
			[]string{"agency:Commerce Department=Commerce Department", "agency:Office of Intelligence and Security=Office of Intelligence and Security"}},
		{"embassy in a place", "the Chinese Embassy in Washington did not reply",
			[]string{"agency:Chinese Embassy=Chinese Embassy in Washington", "place:Washington=Washington"}},
		{"short reference", "Jack Ma, the founder, spoke. Mr. Ma left.",
			[]string{"person:Jack Ma=Jack Ma", "person:Ma=Jack Ma"}},
		{"unknown company by suffix", "Acme Widgets Inc said profit rose.", []string{"company:Acme Widgets Inc=Acme Widgets"}},
		{"common word without context", "Apple pie is sweet.", nil},
		{"demonym alone", "Chinese hackers struck.", nil},
		{"no span over a paragraph break", "Press Release\n\nOffice of Public Affairs\n\nWASHINGTON - The rule",
			[]string{"agency:Office of Public Affairs=Office of Public Affairs", "place:WASHINGTON=Washington"}},
		{"document names are not people", "Under Executive Order 13873 and Public Law 117-328, the Federal Register said.", nil},
		{"filing headings", "Item 1A. Risk Factors\n\nRead More\n\nRelated Articles", nil},
		{"North Korea's long name", "the Democratic People's Republic of Korea and the Republic of Korea",
			[]string{"place:Democratic People's Republic of Korea=North Korea", "place:Republic of Korea=South Korea"}},
		{"China and Taiwan's long names", "the People's Republic of China and the Republic of China",
			[]string{"place:People's Republic of China=China", "place:Republic of China=Taiwan"}},
		{"sentence-initial descriptor", "Rival Advanced Micro Devices Inc fell. Chipmaker Nvidia said it would comply.",
			[]string{"company:Advanced Micro Devices Inc=AMD", "company:Nvidia=Nvidia"}},
		{"descriptor before an unknown company", "Chipmaker Acme Widgets Inc said sales rose.",
			[]string{"company:Acme Widgets Inc=Acme Widgets"}},
		{"company name with a known prefix", "LG Energy Solution said it would build a plant.",
			[]string{"company:LG Energy Solution=LG Energy Solution"}},
		{"agency before a title", "U.S. Treasury Secretary Janet Yellen said the talks went well.",
			[]string{"agency:U.S. Treasury=Treasury Department", "person:Janet Yellen=Janet Yellen"}},
		{"ticker by list", "Apple Inc. (NASDAQ: AAPL) and Alibaba Group Holding Ltd (NYSE: BABA; HKEX: 9988) rose.",
			[]string{"company:Apple Inc.=Apple", "company:AAPL=Apple", "company:Alibaba Group Holding Ltd=Alibaba",
				"company:BABA=Alibaba", "company:9988=Alibaba"}},
		{"docket numbers are no mentions", "Comments on docket number EPA-HQ-OAR-2021-0317 or FDA-2023-N-1234 reach the EPA; see BIS-2018-0006.",
			[]string{"agency:EPA=Environmental Protection Agency"}},
		{"an acronym before its docket", "The Department of Commerce (DOC) opened docket DOC-2021-0011; DOC said it would respond.",
			[]string{"agency:Department of Commerce=Commerce Department", "agency:DOC=Commerce Department", "agency:DOC=Commerce Department"}},
		{"an agency line lists bodies", "AGENCY: Office of Foreign Assets Control, Department of the Treasury.",
			[]string{"agency:Office of Foreign Assets Control=Office of Foreign Assets Control", "agency:Department of the Treasury=Treasury Department"}},
		{"a comma inside a ministry's name", "The Ministry of Economy, Trade and Industry approved it.",
			[]string{"agency:Ministry of Economy, Trade and Industry=Ministry of Economy, Trade and Industry"}},
		{"an acronym the text defines", "Hindustan Unilever Ltd (HUL) said volumes grew. HUL shares rose, and Hul is no acronym.",
			[]string{"company:Hindustan Unilever Ltd=Hindustan Unilever", "company:HUL=Hindustan Unilever", "company:HUL=Hindustan Unilever"}},
		{"a short name defined in quotes", "The Office of Surface Mining Reclamation and Enforcement (the “OSMRE”) ran the survey; OSMRE staff counted mines.",
			[]string{"agency:Office of Surface Mining Reclamation and Enforcement=Office of Surface Mining Reclamation and Enforcement",
				"agency:OSMRE=Office of Surface Mining Reclamation and Enforcement", "agency:OSMRE=Office of Surface Mining Reclamation and Enforcement"}},
		{"a common word defines nothing", "Kestrel Cloud Solutions Inc. (the “Company”) said the Company would grow.",
			[]string{"company:Kestrel Cloud Solutions Inc=Kestrel Cloud Solutions"}},
		{"given names that are places' names", "Victoria Azarenka and Sofia Coppola arrived in Sydney.",
			[]string{"person:Victoria Azarenka=Victoria Azarenka", "person:Sofia Coppola=Sofia Coppola", "place:Sydney=Sydney"}},
		{"a given name before a place's head", "Officials in Virginia Beach and the Jordan Valley met.",
			[]string{"place:Virginia Beach=Virginia Beach", "place:Jordan Valley=Jordan Valley"}},
		{"a title of several words", "Chief Operating Officer Jane Fraser said costs fell.",
			[]string{"person:Jane Fraser=Jane Fraser"}},
		{"a particle joined by a hyphen", "Egypt's President Abdel Fattah al-Sisi said talks would resume.",
			[]string{"place:Egypt=Egypt", "person:Abdel Fattah al-Sisi=Abdel Fattah al-Sisi"}},
		{"an event is no person", "The Glastonbury Festival said tickets sold out.", nil},
		{"places by their heads and cues", "A Thrissur-based lender opened branches in the town of Kalgoorlie and in Douglas County.",
			[]string{"place:Thrissur=Thrissur", "place:Kalgoorlie=Kalgoorlie", "place:Douglas County=Douglas County"}},
		{"a common-word company before its store", "Shoppers lined up outside a Target store while an Apple pie cooled.",
			[]string{"company:Target=Target"}},
		{"a common-word company as a subject", "The judge found that Apple had misled the court, and the Amazon has flooded.",
			[]string{"company:Apple=Apple"}},
		{"two bodies joined by and the", "Investigations by the Department of Energy and the FBI continue.",
			[]string{"agency:Department of Energy=Energy Department", "agency:FBI=Federal Bureau of Investigation"}},
		{"a board's committee and a law's name", "The Compensation Committee reviewed the Export Administration Regulations.", nil},
		{"a listed name before its legal suffix", "Shares of easyJet plc fell.", []string{"company:easyJet plc=easyJet"}},
		{"cashtags", "$NVDA and $AAPL rallied; $5 bought nothing, nor did $ZZZZ.",
			[]string{"company:NVDA=Nvidia", "company:AAPL=Apple"}},
		{"an index is no company", "The Nasdaq-100 rose, while Nasdaq Inc reported earnings.", []string{"company:Nasdaq Inc=Nasdaq"}},
		{"newspapers and universities", "According to the Jakarta Post and the Irish Times, the University of Oxford agreed.",
			[]string{"company:Jakarta Post=Jakarta Post", "company:Irish Times=Irish Times", "company:University of Oxford=University of Oxford"}},
		{"a number before a name is no identifier", "UPDATE 1-U.S. review of chip exports widens", []string{"place:U.S.=United States"}},
		{"a dateline's parenthesis names the wire", "LAGOS (Globe Wire) - Officials met. Globe Wire staff left.", []string{"place:LAGOS=Lagos"}},
		{"a police department", "The Houston Police Department and the New York Police Department said arrests rose.",
			[]string{"agency:Houston Police Department=Houston Police Department", "agency:New York Police Department=New York Police Department"}},
		{"a code before a place's head", "E9 Cayman Islands\n\nGrand Cayman Islands", []string{"place:Cayman Islands=Cayman Islands", "place:Grand Cayman Islands=Grand Cayman Islands"}},
		{"buildings and companies named after people", "Crowds filled Madison Square Garden as Linda Park spoke; Ryan Capital said it would invest.",
			[]string{"person:Linda Park=Linda Park", "company:Ryan Capital=Ryan Capital"}},
		{"a town before its state", "Plants in Kalispell, Montana, and Acme, China's biggest, and Harvard Law School, Massachusetts, closed.",
			[]string{"place:Kalispell=Kalispell", "place:Montana=Montana", "place:China=China", "place:Massachusetts=Massachusetts"}},
		{"India's Centre", "The Centre has released ₹1,200 crore to states, the Centre for Policy Research said.",
			[]string{"government:Centre=Indian government", "agency:Centre for Policy Research=Centre for Policy Research"}},
		{"a centre elsewhere", "The Centre has closed for the winter, the council said.", nil},
		{"a hyphen for a space", "Hewlett-Packard Enterprise bought a unit of Hewlett-Packard.",
			[]string{"company:Hewlett-Packard Enterprise=Hewlett Packard Enterprise", "company:Hewlett-Packard=HP"}},
		{"an agency line ends with a department's short name", "AGENCY: Financial Crimes Enforcement Network, Treasury.",
			[]string{"agency:Financial Crimes Enforcement Network=Financial Crimes Enforcement Network", "agency:Treasury=Treasury Department"}},
		{"suffixes after periods and commas", "Samsung Electronics Co., Ltd. hired Morgan Stanley & Co. LLC.",
			[]string{"company:Samsung Electronics Co., Ltd=Samsung", "company:Morgan Stanley & Co. LLC=Morgan Stanley"}},
		{"an airport and a foreign title", "Tánaiste Simon Harris flew out of Shannon Airport.",
			[]string{"person:Simon Harris=Simon Harris", "place:Shannon Airport=Shannon Airport"}},
		{"a person after an agency and a comma", "The Department of Corrections, Kevin Marsh said, will appeal.",
			[]string{"agency:Department of Corrections=Department of Corrections", "person:Kevin Marsh=Kevin Marsh"}},
		{"an occupation before a name", "Engineer Paul Yates said the Napa Valley Wine Train would run.",
			[]string{"person:Paul Yates=Paul Yates"}},
		{"a trade body is no person", "The Harbor Trucking Association said delays eased.",
			[]string{"company:Harbor Trucking Association=Harbor Trucking Association"}},
		{"a head defines nothing", "The Department of Energy (the Department) has decided. The Department of Labor (Department) agreed. The Department will publish it.",
			[]string{"agency:Department of Energy=Energy Department", "agency:Department of Labor=Labor Department"}},
		{"a name in a headline the text names", "ACME NAMES DANA ORTIZ CEO\n\nAcme said Dana Ortiz would start in May.",
			[]string{"person:DANA ORTIZ=Dana Ortiz", "person:Dana Ortiz=Dana Ortiz"}},
		{"appositions of roles and ages", "Marvin Gaye, the singer, and Tessa Quill, 34, of Akron were named; Acme Widgets, 2024, is no one.",
			[]string{"person:Marvin Gaye=Marvin Gaye", "person:Tessa Quill=Tessa Quill", "place:Akron=Akron"}},
		{"regions by the compass", "Rain hit the Eastern Cape and North Texas; North Korean and West African envoys met Western Digital as West Texas Intermediate rose.",
			[]string{"place:Eastern Cape=Eastern Cape", "place:North Texas=North Texas", "company:Western Digital=Western Digital", "place:Texas=Texas"}},
		{"companies by their shares", "Orlen shares fell while shares of Hanwha Aerospace rose; Asian shares, Class A shares and bank shares slipped.",
			[]string{"company:Orlen=Orlen", "company:Hanwha Aerospace=Hanwha Aerospace"}},
		{"a company by its first word after its full name", "Marlow Biologics Inc. settled. Marlow said it would appeal; American Crop Growers Association and American farmers agreed.",
			[]string{"company:Marlow Biologics Inc=Marlow Biologics", "company:Marlow=Marlow Biologics", "company:American Crop Growers Association=American Crop Growers Association"}},
		{"a company by its first words", "Quayside Federal Bancorp lost money. Quayside Federal stock fell.",
			[]string{"company:Quayside Federal Bancorp=Quayside Federal Bancorp", "company:Quayside Federal=Quayside Federal Bancorp"}},
		{"a sentence-initial name before a company's head", "Halvard Biotherapeutics is based in Oslo. Rival Games fell.",
			[]string{"company:Halvard Biotherapeutics=Halvard Biotherapeutics", "place:Oslo=Oslo"}},
		{"an exchange in a note of an unknown ticker", "Shares of Acme (TSE:ACMGet Free Report) (NYSE:ACMX) fell, said Huber Research.",
			[]string{"company:Huber Research=Huber Research"}},
		{"places by where people are", "Born in Melksham and raised near Wroughton, she met residents of Layou; based in Nvidia, no.",
			[]string{"place:Melksham=Melksham", "place:Wroughton=Wroughton", "place:Layou=Layou", "company:Nvidia=Nvidia"}},
		{"hospitals and schools named after people", "Grace Hospital and Mercy Health merged; Joseph Academy and Ana Ruiz agreed.",
			[]string{"person:Ana Ruiz=Ana Ruiz"}},
		{"a compass word before a common word", "The North Face and Northern Rock sponsored the Western Bulldogs; fighting spread in North Kivu.",
			[]string{"place:North Kivu=North Kivu"}},
		{"no place by when or what", "Prices rise near Christmas and near Ramadan; he was arrested in Operation Yewtree, and residents of Flat 4 complained.",
			nil},
		{"short names defined the GPO's way", "Finally, Zhejiang Minfeng Trading Co., Ltd.'s (``Minfeng'') sale was bona fide, and Ganzhou Lumber Co. (collectively, Ganzhou) agreed; Minfeng appealed.",
			[]string{"company:Zhejiang Minfeng Trading Co., Ltd=Zhejiang Minfeng Trading", "company:Minfeng=Zhejiang Minfeng Trading",
				"company:Ganzhou Lumber Co=Ganzhou Lumber", "company:Ganzhou=Ganzhou Lumber", "company:Minfeng=Zhejiang Minfeng Trading"}},
		{"a place in parentheses inside a company's name", "Exports by Hengli (Suzhou) Steel Co., Ltd. rose.",
			[]string{"company:Hengli (Suzhou) Steel Co., Ltd=Hengli (Suzhou) Steel"}},
		{"Indian bodies and parties", "Congress leader Priya Nair met the Pune Municipal Corporation and Western Railway over ₹40 crore.",
			[]string{"person:Priya Nair=Priya Nair", "agency:Pune Municipal Corporation=Pune Municipal Corporation", "company:Western Railway=Western Railway"}},
		{"the US Congress elsewhere", "Congress leaders in Washington agreed.", []string{"agency:Congress=US Congress", "place:Washington=Washington"}},
		{"a neutral citation's court code", "See Acme Widgets Pty Ltd [2024] FCA 121 and [2019] EWCA Civ 123.",
			[]string{"company:Acme Widgets Pty Ltd=Acme Widgets"}},
		{"companies by their industries", "Hyundai Steel sued Pohang Zinc, with a judge ruling that Swan & Valley Breweries and Second First Mutual Investments owed nothing.",
			[]string{"company:Hyundai Steel=Hyundai Steel", "company:Swan & Valley Breweries=Swan & Valley Breweries", "company:First Mutual Investments=First Mutual Investments"}},
		{"news organisations and common acronyms", "Sequoia Capital backed the company IPO, the Economist and Sky News reported; Economist Jane Doe said the AI firm grew.",
			[]string{"company:Sequoia Capital=Sequoia Capital", "company:Sky News=Sky News", "person:Jane Doe=Jane Doe"}},
		{"ticker of an unknown company", "Kestrel Cloud Solutions Inc. (NASDAQ: KCLD) settled.",
			[]string{"company:Kestrel Cloud Solutions Inc=Kestrel Cloud Solutions", "company:KCLD=Kestrel Cloud Solutions"}},
		// Organisations named like people, and people named like listed companies.
		{"listed drink maker before a speech verb", "Red Bull said the team would appeal. A spokesperson for Red Bull declined to comment.",
			[]string{"company:Red Bull=Red Bull", "company:Red Bull=Red Bull"}},
		{"shares of", "Shares of Oliver Bonas fell 4% on Tuesday.", []string{"company:Oliver Bonas=Oliver Bonas"}},
		{"shares move", "Oliver Bonas shares fell 4%.", []string{"company:Oliver Bonas=Oliver Bonas"}},
		{"a person shares a view", "Oliver Bonas shares his view.", []string{"person:Oliver Bonas=Oliver Bonas"}},
		{"possessive chief executive", "Oliver Bonas's chief executive Manju Malhotra said sales rose.",
			[]string{"company:Oliver Bonas=Oliver Bonas", "person:Manju Malhotra=Manju Malhotra"}},
		{"apposition of a trade", "Charlotte Tilbury, the cosmetics maker, said it would cut jobs.", []string{"company:Charlotte Tilbury=Charlotte Tilbury"}},
		{"apposition of a unit", "Charlotte Tilbury, a unit of Puig, said sales rose.",
			[]string{"company:Charlotte Tilbury=Charlotte Tilbury"}},
		{"apposition of a person's trade", "John Smith, the filmmaker, said he would appeal.", []string{"person:John Smith=John Smith"}},
		{"company last word", "Peter Kiewit Sons said it won the contract.", []string{"company:Peter Kiewit Sons=Peter Kiewit Sons"}},
		{"title before a listed company named like a person", "The late congressman John Lewis was honoured in Atlanta.",
			[]string{"person:John Lewis=John Lewis", "place:Atlanta=Atlanta"}},
		{"a national bank's legal name", "The notes were issued to Zentrix Bank, National Association, as trustee.",
			[]string{"company:Zentrix Bank, National Association=Zentrix Bank"}},
		{"a given name that is a title too", "The film starred Dean Martin and Jerry Lewis.",
			[]string{"person:Dean Martin=Dean Martin", "person:Jerry Lewis=Jerry Lewis"}},
		{"a founder's brand speaking as a man", "Calvin Klein said he would attend the gala.",
			[]string{"person:Calvin Klein=Calvin Klein"}},
		{"an analyst of a firm named like a person", "Edward Jones analyst Jim Smith said the stock was cheap.",
			[]string{"company:Edward Jones=Edward Jones", "person:Jim Smith=Jim Smith"}},
		{"founder of a listed company", "Founder Charles Schwab stepped back.", []string{"person:Charles Schwab=Charles Schwab"}},
		{"shares in a company named by a common word", "Shares in Shell rose while a shell company was wound up.",
			[]string{"company:Shell=Shell"}},
		{"the head of a company named by a common word", "Simon Wolfson, chief executive of Next, said next year would be hard.",
			[]string{"person:Simon Wolfson=Simon Wolfson", "company:Next=Next"}},
		{"a company acting on its own", "Target cut its forecast. Next came its rival's turn.",
			[]string{"company:Target=Target"}},
		{"a club's nickname against the word", "Hearts said the match would go ahead. The plan won hearts and minds.",
			[]string{"company:Hearts=Heart of Midlothian"}},
		{"a club against its city", "Manchester United fans marched through Manchester.",
			[]string{"company:Manchester United=Manchester United", "place:Manchester=Manchester"}},
		{"peers' and dames' titles are not names", "Dame Sharon White and Lord Wolfson spoke.",
			[]string{"person:Sharon White=Sharon White", "person:Wolfson=Wolfson"}},
		{"clubs by a match's score", "Celtic beat Rangers 2-1 at Ibrox. Celtic music and park rangers drew crowds.",
			[]string{"company:Celtic=Celtic", "company:Rangers=Rangers", "place:Ibrox=Ibrox"}},
		{"a club named by its city", "Liverpool beat Everton 2-0 at Anfield, and England beat Wales 3-1. Fans left Liverpool happy.",
			[]string{"company:Liverpool=Liverpool FC", "company:Everton=Everton", "place:Anfield=Anfield",
				"place:England=England", "place:Wales=Wales", "place:Liverpool=Liverpool"}},
		{"a water company against its river", "Thames Water said the Thames was polluted.",
			[]string{"company:Thames Water=Thames Water", "place:Thames=River Thames"}},
	}
	g := Builtin()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Tag(tc.text) {
				got = append(got, string(m.Type)+":"+m.Text+"="+m.Name)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Tag(%q):\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestChildEntityHasParent(t *testing.T) {
	g := Builtin()
	cloud, ok := g.Lookup("Alibaba Cloud")
	if !ok {
		t.Fatal("Lookup(Alibaba Cloud): got nothing, want the entity")
	}
	parent, _ := g.Lookup("Alibaba")
	if cloud.Parent != parent.ID || parent.ID != newsintel.EntityID(newsintel.EntityCompany, "Alibaba") {
		t.Errorf("Alibaba Cloud parent: got %q, want %q", cloud.Parent, parent.ID)
	}
	if e, ok := g.Entity(parent.ID); !ok || e.Name != "Alibaba" {
		t.Errorf("Entity(%q): got %v %v, want Alibaba", parent.ID, e, ok)
	}
}

func TestLookupAndSearch(t *testing.T) {
	g := Builtin()
	for _, name := range []string{"Department of Commerce", "DOC", "commerce department", "U.S. Department of Commerce"} {
		if e, ok := g.Lookup(name); !ok || e.Name != "Commerce Department" {
			t.Errorf("Lookup(%q): got %q %v, want Commerce Department", name, e.Name, ok)
		}
	}
	got := g.Search("ali", newsintel.EntityCompany, 5)
	if len(got) == 0 || got[0].Name != "Alibaba" {
		t.Errorf("Search(ali): got %v, want Alibaba first", got)
	}
	for _, e := range g.Search("c", newsintel.EntityPlace, 50) {
		if e.Type != newsintel.EntityPlace {
			t.Errorf("Search(c, place): got %s %q, want places only", e.Type, e.Name)
		}
	}
}

// FuzzTag checks that any input is tagged without panic, in bounded time,
// with mentions inside the text whose Text is the text at their offsets,
// sorted and not overlapping.
func FuzzTag(f *testing.F) {
	seed, _ := os.ReadFile("testdata/alibaba-cloud-review.txt")
	f.Add(string(seed))
	f.Add("APPLE SUES FORMER ENGINEER OVER TRADE SECRETS")
	f.Add("Mr. \xff\xfe Ma's U.S.-China Inc. & Co.")
	f.Add(strings.Repeat("Alibaba Cloud Commerce Department ", 200))
	f.Add("Office of Public\n\nAffairs\r\nNew\nYork Acme\u2028Widgets Inc said John\nSmith (NYSE:\nBABA)")
	g := Builtin()
	f.Fuzz(func(t *testing.T, text string) {
		start := time.Now()
		ms := g.Tag(text)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("Tag took %v on %d bytes, want bounded time", d, len(text))
		}
		end := 0
		for _, m := range ms {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v: got span [%d,%d), want sorted, non-overlapping, within %d bytes (previous end %d)", m, m.Start, m.End, len(text), end)
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention Text: got %q, want %q", m.Text, text[m.Start:m.End])
			}
			if strings.ContainsAny(m.Text, "\n\r\v\f\u0085\u2028\u2029") {
				t.Fatalf("mention Text: got %q, want no line break inside a mention", m.Text)
			}
			if !m.Type.Valid() || m.EntityID == "" {
				t.Fatalf("mention %+v: got invalid type or empty ID", m)
			}
			end = m.End
		}
	})
}

func TestTagBadInput(t *testing.T) {
	long := strings.Repeat("word Word WORD Alibaba ", 100_000) // 2.3 MB, no punctuation
	start := time.Now()
	ms := Builtin().Tag(long)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Tag on %d bytes: got %v, want under 5s", len(long), d)
	}
	if len(ms) == 0 {
		t.Errorf("Tag on long text: got no mentions, want Alibaba tagged")
	}
}

func BenchmarkTag(b *testing.B) {
	seed, err := os.ReadFile("testdata/alibaba-cloud-review.txt")
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, item := range readLabelled(b) {
		sb.WriteString(item.Text)
		sb.WriteString(" ")
		if len(strings.Fields(sb.String())) >= 1000 {
			break
		}
	}
	g := Builtin()
	for _, c := range []struct{ name, text string }{{"seed", string(seed)}, {"news-1000-words", sb.String()}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.text)))
			for b.Loop() {
				g.Tag(c.text)
			}
		})
	}
}

// TestDefinedShortNameAtSentenceStart: a defined short name that is also a
// common word, opening a sentence before a noun, is the common word; before
// a verb or a possessive, or mid-sentence, it is the name.
func TestDefinedShortNameAtSentenceStart(t *testing.T) {
	g := Builtin()
	for _, tc := range []struct {
		text string
		want []string // the short name's mentions, by start offset
	}{
		{"Labor Ready Corp. (Labor) settled the suit. Labor costs rose sharply in March. Labor declined to comment.",
			[]string{"Labor@19", "Labor@79"}},
		{"Summit Materials Inc. (Summit) reported results. Summit talks in Geneva collapsed. Summit said profit rose.",
			[]string{"Summit@83"}},
		{"Harbor Logistics LLC (Harbor) lost a contract. Harbor seals were spotted. Harbor's lawyers appealed, and rivals of Harbor objected.",
			[]string{"Harbor@22", "Harbor@74", "Harbor@115"}},
	} {
		var got []string
		for _, m := range g.Tag(tc.text) {
			if !strings.Contains(m.Text, " ") && m.Type == newsintel.EntityCompany {
				got = append(got, m.Text+"@"+strconv.Itoa(m.Start))
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Tag(%q): got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestIndianCongress: "Congress leader …" in a text set in India, by any
// of its cities, states, houses or parties, is the Indian party and no US
// Congress; in American copy it stays the US Congress.
func TestIndianCongress(t *testing.T) {
	g := Builtin()
	for _, tc := range []struct {
		text string
		us   bool
	}{
		{"Congress leader Rahul Gandhi addressed a rally in Delhi on Sunday.", false},
		{"Congress president Mallikarjun Kharge met party workers in Bengaluru.", false},
		{"The Congress MP raised the issue in the Lok Sabha on Monday.", false},
		{"Congress workers protested outside the BJP office.", false},
		{"Congress leaders in Washington agreed on the bill.", true},
		{"Congress leaders met the president at the White House.", true},
	} {
		us := false
		for _, m := range g.Tag(tc.text) {
			us = us || m.Name == "US Congress"
		}
		if us != tc.us {
			t.Errorf("Tag(%q): got US Congress %v, want %v", tc.text, us, tc.us)
		}
	}
}
