package crawl

import (
	"bufio"
	"bytes"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is parsed: RFC 9309 asks
// crawlers to parse at least 500 KiB.
const robotsMaxBytes = 500 << 10

// Robots is a parsed robots.txt for one user agent, matched as RFC 9309
// says: the groups naming the agent's product token (merged when several
// do), else the "*" groups; the longest matching rule wins and Allow wins a
// tie; "*" matches any run of characters and a final "$" anchors the end;
// /robots.txt itself is always allowed. A nil *Robots allows everything.
// A Robots does not change once parsed and is safe for concurrent use.
type Robots struct {
	rules       []robotsRule
	crawlDelay  time.Duration
	sitemaps    []string
	disallowAll bool // the file could not be had (5xx, unreachable): nothing may be fetched
}

type robotsRule struct {
	allow   bool
	pattern string // percent-encoding normalised
}

// ParseRobots parses a robots.txt body for the crawler whose User-Agent is
// agent; groups are matched against its product token ("newsintel" of
// "newsintel/0.1 (+contact)", "acmebot" of "Mozilla/5.0 (compatible;
// AcmeBot/2.1)").
// Lines it does not understand are skipped, as RFC 9309 asks.
func ParseRobots(body []byte, agent string) *Robots {
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")) // a BOM would hide the first key
	token := crawlerToken(agent)
	if token == "" {
		token = "*"
	}
	var specific, star groupRules
	var cur []string // user agents of the group being read
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes+1)
	r := &Robots{}
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		switch key {
		case "user-agent":
			if inRules {
				cur, inRules = nil, false
			}
			cur = append(cur, strings.ToLower(val))
		case "allow", "disallow":
			inRules = true
			specific.add(cur, token, key == "allow", val)
			star.add(cur, "*", key == "allow", val)
		case "crawl-delay":
			inRules = true
			if d, err := strconv.ParseFloat(val, 64); err == nil && d > 0 {
				specific.delay(cur, token, d)
				star.delay(cur, "*", d)
			}
		case "sitemap":
			// Sitemap lines stand outside groups.
			if u, err := url.Parse(val); err == nil && u.IsAbs() {
				r.sitemaps = append(r.sitemaps, val)
			}
		}
	}
	g := star
	if specific.matched {
		g = specific
	}
	r.rules, r.crawlDelay = g.rules, g.crawlDelay
	return r
}

// groupRules collects the rules of every group that names one agent.
type groupRules struct {
	matched    bool
	rules      []robotsRule
	crawlDelay time.Duration
}

func (g *groupRules) names(agents []string, token string) bool {
	for _, a := range agents {
		if a == token || (token != "*" && productToken(a) == token) {
			return true
		}
	}
	return false
}

func (g *groupRules) add(agents []string, token string, allow bool, pattern string) {
	if !g.names(agents, token) {
		return
	}
	g.matched = true
	if pattern == "" {
		return // "Disallow:" with no path disallows nothing
	}
	g.rules = append(g.rules, robotsRule{allow: allow, pattern: normalisePattern(pattern)})
}

func (g *groupRules) delay(agents []string, token string, seconds float64) {
	if g.names(agents, token) {
		g.matched = true
		g.crawlDelay = time.Duration(min(seconds, 3600) * float64(time.Second))
	}
}

// robotsLine splits a line into a lower-cased key and a value, dropping
// comments; common misspellings of the keys are accepted.
func robotsLine(line string) (key, val string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	k, v, found := strings.Cut(line, ":")
	if !found {
		return "", "", false
	}
	key = strings.ToLower(strings.TrimSpace(k))
	val = strings.TrimSpace(v)
	switch key {
	case "user-agent", "useragent", "user agent":
		return "user-agent", val, true
	case "disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw":
		return "disallow", val, true
	case "allow", "crawl-delay", "sitemap":
		return key, val, true
	case "site-map":
		return "sitemap", val, true
	}
	return "", "", false
}

// browserTokens are the words of browser-style user agents that do not
// name a crawler.
var browserTokens = map[string]bool{"mozilla": true, "compatible": true, "applewebkit": true, "khtml": true,
	"like": true, "gecko": true, "chrome": true, "safari": true, "windows": true, "linux": true, "x": true, "macintosh": true}

// crawlerToken returns the product token robots.txt groups are matched
// against: of "newsintel/0.1 (+contact)" "newsintel", of
// "Mozilla/5.0 (compatible; AcmeNewsBot/2.1; +https://acme.example/bot)"
// "acmenewsbot".
func crawlerToken(ua string) string {
	for _, f := range strings.FieldsFunc(ua, func(r rune) bool { return r == ' ' || r == ';' || r == '(' || r == ')' }) {
		if t := productToken(f); t != "" && !browserTokens[t] && !strings.HasPrefix(f, "+") {
			return t
		}
	}
	return productToken(ua)
}

// productToken returns the lower-cased product token of a user agent: its
// leading run of letters, '_' and '-'.
func productToken(ua string) string {
	ua = strings.ToLower(strings.TrimSpace(ua))
	end := strings.IndexFunc(ua, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '_' || r == '-')
	})
	if end >= 0 {
		ua = ua[:end]
	}
	return ua
}

// normalisePattern percent-encodes the octets of a path pattern that a URL
// would carry encoded and upper-cases existing escapes, so that patterns
// and paths compare octet by octet.
func normalisePattern(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(p[i+1 : i+3]))
			i += 2
		case c >= 0x80 || c <= ' ':
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// Allowed reports whether the path and query of u may be fetched.
func (r *Robots) Allowed(u *url.URL) bool {
	if r == nil {
		return true
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	if r.disallowAll {
		return false
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	path = normalisePattern(path)
	best, allow := -1, true
	for _, rule := range r.rules {
		if n := len(rule.pattern); n >= best && robotsMatch(rule.pattern, path) {
			if n > best || rule.allow {
				allow = rule.allow
			}
			best = n
		}
	}
	return allow
}

// CrawlDelay returns the Crawl-delay of the agent's group (not part of RFC
// 9309, but widely used), 0 if none.
func (r *Robots) CrawlDelay() time.Duration {
	if r == nil {
		return 0
	}
	return r.crawlDelay
}

// Sitemaps returns the URLs of the Sitemap lines.
func (r *Robots) Sitemaps() []string {
	if r == nil {
		return nil
	}
	return r.sitemaps
}

// robotsMatch reports whether pattern matches a prefix of path, with '*'
// matching any run of octets and a trailing '$' anchoring the end. It runs
// in O(len(pattern)·len(path)) at worst, without backtracking blow-ups.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(path[pos:], part)
		}
		j := strings.Index(path[pos:], part)
		if j < 0 {
			return false
		}
		pos += j + len(part)
	}
	return !anchored || pos == len(path)
}
