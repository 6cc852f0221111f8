package config

import (
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
)

// validateAPI checks the api keys: key names, hashes and scopes, CORS
// origins and rate limits.
func (c *Config) validateAPI(bad badFunc) {
	a := c.API
	names := map[string]bool{}
	for i, k := range a.Keys {
		key := fmt.Sprintf("api.keys.%d", i)
		if strings.TrimSpace(k.Name) == "" || names[k.Name] {
			bad(key+".name", "%q must be a name used by no other key", k.Name)
		}
		names[k.Name] = true
		if h, err := hex.DecodeString(strings.TrimSpace(k.Hash)); err != nil || len(h) != 32 {
			bad(key+".hash", "must be the 64 hex digits of the key's SHA-256 (make it with `newsintel keys hash`), not the key itself")
		}
		if len(k.Scopes) == 0 {
			bad(key+".scopes", "is empty; give read, admin or both")
		}
		for _, s := range k.Scopes {
			if s != "read" && s != "admin" {
				bad(key+".scopes", "%q is not read or admin", s)
			}
		}
	}
	for i, o := range a.CORSOrigins {
		if o == "*" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
			bad(fmt.Sprintf("api.cors_origins.%d", i), "%q is not an origin such as https://analyst.example.org, or *", o)
		}
	}
	checkRate(bad, "api.key_rate", "api.key_burst", a.KeyRate, a.KeyBurst)
	checkRate(bad, "api.ip_rate", "api.ip_burst", a.IPRate, a.IPBurst)
	if !a.OpenRead && len(a.Keys) == 0 {
		bad("api.open_read", "is false but api.keys is empty, so nobody could read; add a key with the read scope")
	}
}

func checkRate(bad badFunc, rateKey, burstKey string, rate float64, burst int) {
	if rate < 0 {
		bad(rateKey, "%g is negative; use 0 for no limit", rate)
	}
	if rate > 0 && burst < 1 {
		bad(burstKey, "%d must be at least 1 when %s is set", burst, rateKey)
	}
}
