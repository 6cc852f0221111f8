package claims

import (
	"os"
	"testing"
)

func TestDebug(t *testing.T) {
	s := os.Getenv("CLAIM")
	if s == "" {
		t.Skip()
	}
	for _, c := range Extract(s, nil) {
		t.Logf("%s cue=%q hedge=%q src=%+v text=%q", c.Source.Type, c.Cue, c.Hedge, c.Source, c.Text)
	}
	toks := tokenize(s, 0, len(s), nil)
	for _, tk := range toks {
		t.Logf("%q cap=%v", tk.w, tk.cap)
	}
}
