package entities

import (
	"strings"

	"github.com/newsintel/newsintel"
)

// exchanges maps the normalised names that stand before a ticker in "(NYSE:
// BABA)" to the code under which the gazetteer indexes listings. US
// exchanges share the code "US": the lists say which company a US ticker
// is, not where it trades.
var exchanges = map[string]string{
	"nasdaq": "US", "nyse": "US", "amex": "US", "nasdaqgs": "US", "nasdaqgm": "US",
	"nasdaqcm": "US", "otc": "US", "otcqx": "US", "otcqb": "US", "otcmkts": "US",
	"cboe": "US", "bats": "US", "nysearca": "US", "nysemkt": "US",
	"hkex": "HKEX", "sehk": "HKEX", "hkse": "HKEX", "hk": "HKEX",
	"lse": "LSE", "lon": "LSE", "tse": "TSE", "tyo": "TSE", "krx": "KRX",
	"kosdaq": "KOSDAQ", "twse": "TWSE", "tpe": "TWSE", "tsx": "TSX", "tsxv": "TSX",
	"asx": "ASX", "sse": "SSE", "sha": "SSE", "szse": "SZSE", "she": "SZSE",
	"nse": "NSE", "bse": "BSE", "six": "SIX", "xetra": "XETRA", "fra": "XETRA",
	"etr": "XETRA", "euronext": "EURONEXT", "epa": "EURONEXT", "ams": "EURONEXT", "sgx": "SGX",
}

// exchangeQualifiers may follow an exchange's name before the colon: "NYSE
// American: XYZ", "Nasdaq GS: ABC".
var exchangeQualifiers = wordSet(`american arca global gs gm cm stock exchange market capital`)

// listingKey is how the gazetteer indexes a listing: "US:AAPL", "HKEX:9988".
// Leading zeros of numeric tickers are dropped ("0700" is "700").
func listingKey(code, ticker string) string {
	t := strings.ToUpper(ticker)
	if isDigits(t) {
		t = strings.TrimLeft(t, "0")
	}
	return code + ":" + t
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// addListing records that entity idx trades as listing ("HKEX:9988"), and
// keeps the first ticker of each exchange as an identifier ("ticker_hkex").
func (b *builder) addListing(idx int, listing string) {
	code, ticker, ok := strings.Cut(listing, ":")
	if !ok || ticker == "" {
		return
	}
	key := listingKey(code, ticker)
	if _, taken := b.g.tickers[key]; !taken {
		b.g.tickers[key] = idx
	}
	id := "ticker_" + strings.ToLower(code)
	if code != "US" && b.g.entities[idx].Identifiers[id] == "" {
		b.g.entities[idx].Identifiers[id] = ticker
	}
}

// tickerShaped reports whether t can be a ticker: capitals or digits (with
// an inner period, "BRK.B"), at most eight characters.
func tickerShaped(t token) bool {
	if !t.word || t.end-t.start > 8 {
		return false
	}
	return t.allCaps || isDigits(t.surface)
}

// tickerMentions tags the tickers of listing notes such as "(NASDAQ:
// AAPL)", "(NYSE: BABA; HKEX: 9988)" as mentions of the company: the one
// the gazetteer lists under that ticker, or else the company named just
// before the parenthesis. The exchange's name in the note is not a mention
// of the exchange.
func (g *Gazetteer) tickerMentions(toks []token, chosen []candidate) []candidate {
	var add []candidate
	var drop []int // token ranges [s, e) whose chosen candidates go
	for k := 0; k+2 < len(toks); k++ {
		code, ok := exchanges[toks[k].norm]
		if !ok || !toks[k].allCaps && !toks[k].cap {
			continue
		}
		colon := k + 1
		if exchangeQualifiers[toks[colon].norm] && colon+2 < len(toks) {
			colon++
		}
		tk := colon + 1
		if toks[colon].norm != ":" || !tickerShaped(toks[tk]) {
			continue
		}
		open := listingOpen(toks, k)
		if open < 0 {
			continue
		}
		c, ok := g.listedCompany(toks, chosen, code, toks[tk].surface, open)
		if !ok {
			drop = append(drop, k, k+1) // the exchange of a note is no mention, known ticker or not
			continue
		}
		c.s, c.e = tk, tk+1
		add = append(add, c)
		drop = append(drop, k, tk+1)
		k = tk
	}
	if len(drop) == 0 {
		return chosen
	}
	out := chosen[:0]
	for _, c := range chosen {
		if !overlapsAny(c, drop) {
			out = append(out, c)
		}
	}
	if len(add) == 0 {
		return out // only exchanges dropped: still sorted and apart
	}
	return resolve(toks, append(out, add...))
}

// listingOpen returns the index of the "(" that opens the listing note
// whose exchange is at k, or -1 when k is not inside one.
func listingOpen(toks []token, k int) int {
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		switch n := toks[j].norm; {
		case n == "(" || n == "[":
			return j
		case n == "," || n == ";" || n == ":" || n == "and" || exchanges[n] != "" ||
			exchangeQualifiers[n] || tickerShaped(toks[j]):
			continue
		default:
			return -1
		}
	}
	return -1
}

// listedCompany finds the company of a ticker: by listing, else the
// company mention that ends right before the note's parenthesis.
func (g *Gazetteer) listedCompany(toks []token, chosen []candidate, code, ticker string, open int) (candidate, bool) {
	if i, ok := g.tickers[listingKey(code, ticker)]; ok {
		e := &g.entities[i]
		return candidate{entity: i, name: e.Name, typ: e.Type, conf: 0.9}, true
	}
	for _, c := range chosen {
		end := c.e
		if end < open && toks[end].norm == "." {
			end++ // "Acme Inc. (NASDAQ: ACME)"
		}
		if end == open && c.typ == newsintel.EntityCompany {
			c.conf, c.ambig = 0.85, false
			return c, true
		}
	}
	return candidate{}, false
}

// overlapsAny reports whether c overlaps any of the token ranges in pairs
// (s0, e0, s1, e1, ...).
func overlapsAny(c candidate, pairs []int) bool {
	for i := 0; i+1 < len(pairs); i += 2 {
		if c.s < pairs[i+1] && pairs[i] < c.e {
			return true
		}
	}
	return false
}

// cashtags tags the US tickers written as cashtags, "$TSLA", as mentions
// of the companies the list knows under them. "$5" and unknown tickers
// are left alone.
func (g *Gazetteer) cashtags(toks []token, chosen []candidate) []candidate {
	n := len(chosen)
	for k := 0; k+1 < len(toks); k++ {
		t := &toks[k+1]
		if toks[k].norm != "$" || toks[k].end != t.start || !t.word || !t.allCaps || t.end-t.start > 6 || hasDigit(t.norm) {
			continue
		}
		if i, ok := g.tickers[listingKey("US", t.surface)]; ok && !overlapsAny(candidate{s: k + 1, e: k + 2}, spans(chosen)) {
			e := &g.entities[i]
			chosen = append(chosen, candidate{s: k + 1, e: k + 2, entity: i, name: e.Name, typ: e.Type, conf: 0.85})
		}
	}
	if len(chosen) == n {
		return chosen
	}
	return sortByStart(chosen) // the new mentions stand on tokens no mention covers
}

// spans lists the token ranges of cands as pairs (s0, e0, s1, e1, ...).
func spans(cands []candidate) []int {
	out := make([]int, 0, 2*len(cands))
	for _, c := range cands {
		out = append(out, c.s, c.e)
	}
	return out
}
