package filing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigFiling is the 20-F fixture with its Risk Factors repeated to about
// the size of a real annual report (several MB of inline XBRL HTML).
func bigFiling(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "baba-20210331x20f.htm"))
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "<p>Changes in the international trade")
	j := strings.Index(s, `<p id="item4"`)
	risk := s[i:j]
	return []byte(s[:j] + strings.Repeat(risk, 4000) + s[j:])
}

func BenchmarkReadAnnualReport(b *testing.B) {
	data := bigFiling(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		res, err := Read(data, "20-F")
		if err != nil || len(res.Sections) < 10 {
			b.Fatalf("read: %v, %d sections", err, len(res.Sections))
		}
	}
}
