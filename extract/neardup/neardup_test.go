package neardup

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
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

// benchBody is a news-length body (about 700 words) for the benchmarks.
var benchBody = strings.Repeat("The Commerce Department said on Tuesday that it would review the cloud contracts of two companies, according to people familiar with the matter. ", 30)

func BenchmarkMinHash(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		MinHash(benchBody)
	}
}

func BenchmarkSimHash(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		SimHash(benchBody)
	}
}

func BenchmarkBodyHash(b *testing.B) {
	b.SetBytes(int64(len(benchBody)))
	for b.Loop() {
		BodyHash(benchBody)
	}
}

// TestMinHashSignatureUnchanged pins the signature to the hash family
// stored in the clusters bucket: mix(x + k*0x9e3779b97f4a7c15) per
// shingle x and function k, the top 32 bits of each minimum. A change
// would make new documents unlike every stored one.
func TestMinHashSignatureUnchanged(t *testing.T) {
	for _, text := range []string{story, benchBody, "one two three", "one two"} {
		got := MinHash(text)
		var want []uint32
		if shingles := shingleHashes(text); len(Words(text)) >= Shingle {
			want = make([]uint32, MinHashes)
			for k := range want {
				least := uint64(math.MaxUint64)
				for _, x := range shingles {
					least = min(least, mix(x+uint64(k)*0x9e3779b97f4a7c15))
				}
				want[k] = uint32(least >> 32)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("MinHash(%.30q) = %v…, want %v…", text, got[:min(4, len(got))], want[:min(4, len(want))])
		}
	}
}

func TestWordCountIsLenWords(t *testing.T) {
	for _, text := range []string{"", "  ", story, "U.S.-China talks", "Café au lait, s'il vous plaît"} {
		if got, want := WordCount(text), len(Words(text)); got != want {
			t.Errorf("WordCount(%.30q) = %d, want %d", text, got, want)
		}
	}
}

// TestBodyHashUnchanged pins BodyHash to SHA-256 over "word word … " (the
// hashes stored with every document), and TitledBodyHash to BodyHash of
// the title and body joined by a line break.
func TestBodyHashUnchanged(t *testing.T) {
	long := strings.Repeat("x", 3000) + " tail"
	for _, text := range []string{"", story, benchBody, long, "Café, s'il vous plaît!"} {
		var sb strings.Builder
		for _, w := range Words(text) {
			sb.WriteString(w + " ")
		}
		sum := sha256.Sum256([]byte(sb.String()))
		if got, want := BodyHash(text), hex.EncodeToString(sum[:16]); got != want {
			t.Errorf("BodyHash(%.30q) = %s, want %s", text, got, want)
		}
		if got, want := TitledBodyHash("A Title: here", text), BodyHash("A Title: here\n"+text); got != want {
			t.Errorf("TitledBodyHash(…, %.30q) = %s, want %s", text, got, want)
		}
	}
}
