package config

import (
	"testing"
)

func TestValidateAPI(t *testing.T) {
	good := "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b"
	cases := []struct {
		name string
		edit func(*API)
		want string // "" for valid
	}{
		{"defaults", func(*API) {}, ""},
		{"a good key", func(a *API) { a.Keys = []APIKey{{Name: "ops", Hash: good, Scopes: []string{"admin"}}} }, ""},
		{"plain key instead of hash", func(a *API) { a.Keys = []APIKey{{Name: "ops", Hash: "hunter2", Scopes: []string{"read"}}} }, "api.keys.0.hash"},
		{"unknown scope", func(a *API) { a.Keys = []APIKey{{Name: "ops", Hash: good, Scopes: []string{"write"}}} }, "api.keys.0.scopes"},
		{"no scopes", func(a *API) { a.Keys = []APIKey{{Name: "ops", Hash: good}} }, "api.keys.0.scopes"},
		{"duplicate names", func(a *API) {
			a.Keys = []APIKey{{Name: "ops", Hash: good, Scopes: []string{"read"}}, {Name: "ops", Hash: good, Scopes: []string{"read"}}}
		}, "api.keys.1.name"},
		{"origin with a path", func(a *API) { a.CORSOrigins = []string{"https://a.example/app"} }, "api.cors_origins.0"},
		{"negative rate", func(a *API) { a.IPRate = -1 }, "api.ip_rate"},
		{"rate without burst", func(a *API) { a.KeyBurst = 0 }, "api.key_burst"},
		{"closed without keys", func(a *API) { a.OpenRead = false }, "api.open_read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := Default()
			c.edit(&cfg.API)
			checkValidation(t, cfg, c.want)
		})
	}
}
