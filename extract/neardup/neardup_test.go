package neardup

import (
	"strings"
	"testing"
)

const story = `According to three sources on the topic, the Biden administration evaluates Alibaba's cloud business to assess if or not it constitutes a threat to US national security, as the government monitors Chinese technology giants' interactions with US corporations. The investigation will allegedly concentrate on how the business holds data from its US customers, including personal information and intellectual property, and if the Chinese government may have access to it. Regulators in the United States may eventually opt to compel the corporation to mitigate the dangers associated with the cloud business.`

func TestBodyHashIgnoresFormatting(t *testing.T) {
	a := BodyHash(story)
	b := BodyHash(strings.ToUpper(strings.ReplaceAll(story, " ", "\n  ")))
	if a != b {
		t.Errorf("BodyHash differs for reformatted copy: %s vs %s", a, b)
	}
	if a == BodyHash(story+" Extra sentence.") {
		t.Error("BodyHash equal for different text")
	}
}

func TestSimHashNearAndFar(t *testing.T) {
	rewrite := strings.NewReplacer("evaluates", "is reviewing", "eventually", "ultimately", "dangers", "risks").Replace(story)
	other := `The Federal Trade Commission sued a group of hospital operators on Tuesday, saying a planned merger would raise prices for patients across three states, according to a complaint filed in federal court. The companies said they would fight the case.`
	if d := Distance(SimHash(story), SimHash(rewrite)); d > Threshold {
		t.Errorf("light rewrite at distance %d, want ≤ %d", d, Threshold)
	}
	if d := Distance(SimHash(story), SimHash(other)); d <= Threshold {
		t.Errorf("unrelated story at distance %d, want > %d", d, Threshold)
	}
	if SimHash("") != 0 {
		t.Error("SimHash of empty text is not 0")
	}
}

func TestMinHashJaccard(t *testing.T) {
	rewrite := strings.NewReplacer("evaluates", "is reviewing", "eventually", "ultimately", "dangers", "risks").Replace(story)
	other := `The Federal Trade Commission sued a group of hospital operators on Tuesday, saying a planned merger would raise prices for patients across three states, according to a complaint filed in federal court. The companies said they would fight the case.`
	if j := Jaccard(MinHash(story), MinHash(story)); j != 1 {
		t.Errorf("Jaccard of a text with itself = %v, want 1", j)
	}
	if j := Jaccard(MinHash(story), MinHash(rewrite)); j < JaccardThreshold {
		t.Errorf("light rewrite at Jaccard %.2f, want ≥ %.2f", j, JaccardThreshold)
	}
	if j := Jaccard(MinHash(story), MinHash(other)); j >= JaccardThreshold {
		t.Errorf("unrelated story at Jaccard %.2f, want < %.2f", j, JaccardThreshold)
	}
	if MinHash("two words") != nil {
		t.Error("MinHash of two words is not nil")
	}
	if j := Jaccard(nil, MinHash(story)); j != 0 {
		t.Errorf("Jaccard with an empty signature = %v, want 0", j)
	}
}

func TestWordsFoldsCase(t *testing.T) {
	got := strings.Join(Words("Ünïcode ÉTÉ 2026, café-au-lait; U.S."), " ")
	if want := "ünïcode été 2026 café au lait u s"; got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

// TestBitCounts checks the lane counting against a count bit by bit,
// across the lane flush at 255 values.
func TestBitCounts(t *testing.T) {
	for _, n := range []int{0, 1, 254, 255, 256, 1000} {
		xs := make([]uint64, n)
		x := uint64(0x9e3779b97f4a7c15)
		for i := range xs {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			xs[i] = x
		}
		if n == 1000 {
			xs[3] = ^uint64(0) // every bit set in one value
		}
		got := bitCounts(xs)
		var want [64]int
		for _, v := range xs {
			for b := range want {
				want[b] += int(v >> b & 1)
			}
		}
		if got != want {
			t.Errorf("bitCounts of %d values = %v, want %v", n, got, want)
		}
	}
}
