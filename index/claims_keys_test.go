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

// TestClaimPlaceSortsAsPositions checks that claim places sort as their
// positions do, of any number of digits, and removed claims after them.
func TestClaimPlaceSortsAsPositions(t *testing.T) {
	place := func(p int, id string) string { return claimPlace("doc", &claimState{id: id, position: p}) }
	positions := []int{1, 2, 62, 63, 64, 65, 4095, 4096, 4097, 262143, 262144, 1 << 30}
	for i := 1; i < len(positions); i++ {
		a, b := place(positions[i-1], ""), place(positions[i], "")
		if a >= b {
			t.Errorf("claimPlace(%d) = %q, claimPlace(%d) = %q; want ascending", positions[i-1], a, positions[i], b)
		}
	}
	last := place(1<<30, "")
	for _, id := range []string{"doc#c00000000", "doc#c00000000-2", "doc#cffffffff"} {
		if p := place(0, id); p <= last {
			t.Errorf("claimPlace(removed %s) = %q, want after every position (%q)", id, p, last)
		}
	}
}
