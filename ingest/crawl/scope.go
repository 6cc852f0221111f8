package crawl

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// scope decides which URLs the crawl may fetch: allowed hosts, include and
// exclude patterns, and no obviously non-HTML files.
type scope struct {
	domains []string // lower-case hosts; subdomains are allowed too
	include []*regexp.Regexp
	exclude []*regexp.Regexp
}

func newScope(o Options) (scope, error) {
	var s scope
	for i, seed := range o.Seeds {
		u, err := url.Parse(strings.TrimSpace(seed))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return s, fmt.Errorf("crawl: seeds[%d] %q: not an absolute http(s) URL", i, seed)
		}
		if len(o.AllowedDomains) == 0 {
			// www.example.com allows example.com and its other subdomains
			// (a redirect to the bare domain, news.example.com sections).
			s.domains = append(s.domains, strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
		}
	}
	for i, d := range o.AllowedDomains {
		d = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(d, "*."), ".")))
		if d == "" || strings.ContainsAny(d, "/:?#") {
			return s, fmt.Errorf("crawl: allowed domain [%d] %q: give a host name such as example.com", i, o.AllowedDomains[i])
		}
		s.domains = append(s.domains, d)
	}
	var err error
	if s.include, err = compileAll("include pattern", o.Include); err != nil {
		return s, err
	}
	s.exclude, err = compileAll("exclude pattern", o.Exclude)
	return s, err
}

func compileAll(what string, patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for i, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("crawl: %s [%d] %q: %v", what, i, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// host returns the host of canonical URL u and whether u is on an allowed
// domain.
func (s scope) host(u string) (string, bool) {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "", false
	}
	return p.Host, s.allowedHost(p.Hostname())
}

func (s scope) allowedHost(h string) bool {
	h = strings.ToLower(h)
	for _, d := range s.domains {
		if h == d || strings.HasSuffix(h, "."+d) {
			return true
		}
	}
	return false
}

// follow reports whether a link found on a page should be queued.
func (s scope) follow(u string) bool {
	if _, ok := s.host(u); !ok || skippedFile(u) {
		return false
	}
	for _, re := range s.exclude {
		if re.MatchString(u) {
			return false
		}
	}
	if len(s.include) == 0 {
		return true
	}
	for _, re := range s.include {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

// skippedExt are file types that are never article pages.
var skippedExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".css": true, ".js": true, ".json": true, ".woff": true, ".woff2": true, ".ttf": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".mov": true, ".avi": true, ".webm": true, ".wav": true,
	".zip": true, ".gz": true, ".tgz": true, ".rar": true, ".7z": true, ".exe": true, ".dmg": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".rss": true, ".atom": true, ".xml": true, ".csv": true, ".txt": true,
}

// skippedPaths are path parts of feeds, APIs, admin and login pages, never
// articles; skippedQuery are query keys of comment-reply and share links,
// which multiply one page into many URLs.
var (
	skippedPaths = []string{"/feed/", "/rss/", "/wp-json/", "/wp-admin/", "/wp-login.php", "/xmlrpc.php", "/cdn-cgi/", "/logout", "/signout", "/sign-out"}
	skippedQuery = []string{"replytocom", "share", "print", "amp"}
)

// skippedFile reports whether u names something that is not an HTML page
// worth fetching: a file type that is never a page, a feed, an API, an
// admin or sign-out page, or a comment-reply or share link.
func skippedFile(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return true
	}
	lp := strings.ToLower(p.Path)
	if skippedExt[path.Ext(lp)] || strings.HasSuffix(lp, "/feed") {
		return true
	}
	for _, s := range skippedPaths {
		if strings.Contains(lp+"/", s) {
			return true
		}
	}
	q := p.Query()
	for _, k := range skippedQuery {
		if q.Has(k) {
			return true
		}
	}
	return false
}
