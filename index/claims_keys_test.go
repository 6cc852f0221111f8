package index

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestClaimDateKeySortsAsDates checks that claim date keys sort as their
// dates do, to the nanosecond, from the first to the last date Bleve can
// index, and that sortableDigits is in ascending order.
func TestClaimDateKeySortsAsDates(t *testing.T) {
	for i := 1; i < len(sortableDigits); i++ {
		if sortableDigits[i-1] >= sortableDigits[i] {
			t.Fatalf("sortableDigits[%d:%d] = %q, want ascending", i-1, i+1, sortableDigits[i-1:i+1])
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	lo, hi := time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano(), time.Date(2261, 12, 31, 0, 0, 0, 0, time.UTC).UnixNano()
	times := []time.Time{time.Unix(0, lo), time.Unix(0, hi), time.Unix(0, -1), time.Unix(0, 0), time.Unix(0, 1)}
	for range 2000 {
		base := time.Unix(0, int64(uint64(lo)+rng.Uint64N(uint64(hi)-uint64(lo))))
		times = append(times, base, base.Add(1), base.Add(time.Second))
	}
	for i := range times {
		a, b := times[i], times[rng.IntN(len(times))]
		ka, kb := claimDateKey(a), claimDateKey(b)
		if len(ka) != 11 || a.Before(b) != (ka < kb) || a.Equal(b) != (ka == kb) {
			t.Fatalf("claimDateKey(%v) = %q, claimDateKey(%v) = %q; want 11 digits ordered as the dates", a, ka, b, kb)
		}
	}
	if claimDocTag("a") == claimDocTag("b") || len(claimDocTag("a")) != 8 {
		t.Errorf("claimDocTag(a) = %q, claimDocTag(b) = %q; want 8 digits, different", claimDocTag("a"), claimDocTag("b"))
	}
}
