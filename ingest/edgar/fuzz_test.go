package edgar

import (
	"os"
	"path/filepath"
	"testing"
)

func FuzzParseLatest(f *testing.F) {
	data, _ := os.ReadFile(filepath.Join("testdata", "cgi-bin", "browse-edgar"))
	f.Add(data)
	f.Add([]byte(`<feed><entry><title>10-K - X (1) (Filer)</title><id>accession-number=0000000001-24-000001</id></entry></feed>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fs, err := parseLatest(data)
		if err != nil {
			return
		}
		for _, fl := range fs {
			if !accessionRe.MatchString(fl.Accession) || fl.Company.CIK == "" && fl.Company.Name == "" {
				t.Fatalf("filing without accession or company: %+v", fl)
			}
		}
	})
}
