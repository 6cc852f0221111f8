// Package urlcanon normalises URLs so that the same document reached by
// several URLs gets one ID: lower-case scheme and host, no default port, no
// fragment, no tracking parameters, query parameters sorted.
package urlcanon

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that name a campaign or a click, not
// a document. Parameters starting with "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"igshid": true, "yclid": true, "_ga": true, "_gl": true, "ref_src": true, "cmpid": true,
	"ocid": true, "smid": true, "sr_share": true, "taid": true, "mbid": true, "ncid": true,
	"guccounter": true, "guce_referrer": true, "guce_referrer_sig": true, "__twitter_impression": true,
}

// Canonical returns the normalised form of raw. It accepts only absolute
// http and https URLs and returns an error naming the URL otherwise.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("urlcanon: %q: %w", raw, err)
	}
	return CanonicalURL(u)
}

// CanonicalURL is Canonical for a parsed URL; u is not modified.
func CanonicalURL(in *url.URL) (string, error) {
	u := *in
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("urlcanon: %q: only http and https URLs are accepted", in.String())
	}
	if u.Host == "" {
		return "", fmt.Errorf("urlcanon: %q: no host", in.String())
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery = cleanQuery(u.Query())
	u.ForceQuery = false
	return u.String(), nil
}

func cleanQuery(q url.Values) string {
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			delete(q, k)
		}
	}
	if len(q) == 0 {
		return ""
	}
	for _, vs := range q {
		sort.Strings(vs)
	}
	return q.Encode() // Encode sorts by key
}
