package config

import (
	"strings"
	"testing"
)

func TestValidateRuntime(t *testing.T) {
	cases := []struct {
		name string
		edit func(*Runtime)
		want string // "" for valid
	}{
		{"defaults", func(*Runtime) {}, ""},
		{"Go's default", func(r *Runtime) { r.GCPercent = 100 }, ""},
		{"off below the limit", func(r *Runtime) { r.GCPercent, r.MemoryLimit = -1, 4<<30 }, ""},
		{"off without a limit", func(r *Runtime) { r.GCPercent = -1 }, "runtime.gc_percent"},
		{"tiny limit", func(r *Runtime) { r.MemoryLimit = 1 << 20 }, "runtime.memory_limit"},
		{"zero percent", func(r *Runtime) { r.GCPercent = 0 }, "runtime.gc_percent"},
		{"below -1", func(r *Runtime) { r.GCPercent = -5 }, "runtime.gc_percent"},
		{"huge", func(r *Runtime) { r.GCPercent = 1 << 30 }, "runtime.gc_percent"},
		{"negative limit", func(r *Runtime) { r.MemoryLimit = -1 }, "runtime.memory_limit"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := Default()
			c.edit(&cfg.Runtime)
			checkValidation(t, cfg, c.want)
		})
	}
}

func TestRuntimeFromEnv(t *testing.T) {
	cfg := Default()
	if err := cfg.ApplyEnv([]string{"NEWSINTEL_RUNTIME_GC_PERCENT=400", "NEWSINTEL_RUNTIME_MEMORY_LIMIT=2GiB"}); err != nil {
		t.Fatal(err)
	}
	if cfg.Runtime.GCPercent != 400 || cfg.Runtime.MemoryLimit != 2<<30 {
		t.Errorf("runtime = %+v, want gc_percent 400 and memory_limit 2GiB", cfg.Runtime)
	}
}

// checkValidation checks the validation of cfg: valid when want is "",
// else an error naming want.
func checkValidation(t *testing.T, cfg Config, want string) {
	t.Helper()
	err := cfg.Validate()
	switch {
	case want == "" && err != nil:
		t.Errorf("got %v, want valid", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Errorf("got %v, want an error naming %s", err, want)
	}
}
