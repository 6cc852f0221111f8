package deliver_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel/pipelines/deliver"
)

func TestVerify(t *testing.T) {
	at := time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)
	body := []byte(`{"type":"digest","delivery_id":"d1"}`)
	sig := deliver.Sign(hookSecret, at, body)
	cases := []struct {
		name   string
		secret string
		header string
		body   string
		now    time.Time
		want   error
	}{
		{"good", hookSecret, sig, string(body), at.Add(time.Minute), nil},
		{"rotated: second v1 matches", hookSecret, strings.Replace(sig, "v1=", "v1=00ff,v1=", 1), string(body), at, nil},
		{"other secret", "not the secret", sig, string(body), at, deliver.ErrSignature},
		{"body changed", hookSecret, sig, string(body) + " ", at, deliver.ErrSignature},
		{"timestamp changed", hookSecret, strings.Replace(sig, "t=", "t=1", 1), string(body), at, deliver.ErrSignature},
		{"replayed later", hookSecret, sig, string(body), at.Add(time.Hour), deliver.ErrStale},
		{"from the future", hookSecret, sig, string(body), at.Add(-time.Hour), deliver.ErrStale},
		{"empty header", hookSecret, "", string(body), at, deliver.ErrSignature},
		{"no v1", hookSecret, "t=1796110200", string(body), at, deliver.ErrSignature},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := deliver.Verify(c.secret, c.header, []byte(c.body), c.now, 5*time.Minute)
			if (c.want == nil) != (err == nil) || (c.want != nil && !errors.Is(err, c.want)) {
				t.Errorf("Verify = %v, want %v", err, c.want)
			}
		})
	}
	if !strings.HasPrefix(sig, "t=1796110200,v1=") || len(sig) != len("t=1796110200,v1=")+64 {
		t.Errorf("Sign = %q, want t=<unix seconds>,v1=<64 hex digits>", sig)
	}
}

// FuzzVerify: no header a stranger can write verifies, and none panics.
func FuzzVerify(f *testing.F) {
	at := time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)
	f.Add(deliver.Sign("other", at, []byte("{}")), []byte("{}"))
	f.Add("t=,v1=", []byte(""))
	f.Add("t=1796110200,v1=zz,v1=", []byte("x"))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		if err := deliver.Verify(hookSecret, header, body, at, 5*time.Minute); err == nil {
			t.Errorf("Verify(%q, %q) passed without the secret", header, body)
		}
	})
}
