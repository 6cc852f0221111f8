package demo

import (
	"errors"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestManifestListsEveryEmbeddedFile(t *testing.T) {
	entries, err := Manifest()
	require.NoError(t, err)
	listed := make(map[string]bool, len(entries))
	for _, e := range entries {
		listed[e.Path] = true
		b, err := Open(e)
		require.NoError(t, err, "open %s", e.Path)
		if len(b) == 0 {
			t.Errorf("%s: got an empty file, want content", e.Path)
		}
	}
	err = fs.WalkDir(FS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == path.Join(root, "manifest.json") {
			return err
		}
		if rel := strings.TrimPrefix(p, root+"/"); !listed[rel] {
			t.Errorf("embedded file %s is not listed in the manifest", rel)
		}
		return nil
	})
	require.NoError(t, err)
}

func TestCorpusSize(t *testing.T) {
	const limit = 400 << 10
	total := 0
	err := fs.WalkDir(FS, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		total += int(info.Size())
		return err
	})
	require.NoError(t, err)
	if total > limit {
		t.Errorf("corpus size: got %d bytes, want at most %d", total, limit)
	}
}

func TestOpenRejectsPathsOutsideCorpus(t *testing.T) {
	for _, p := range []string{"", ".", "../demo.go", "/etc/passwd", "articles/../../demo.go", "articles/missing.html"} {
		if _, err := Open(Entry{Path: p}); err == nil {
			t.Errorf("Open(%q): got no error, want one", p)
		}
	}
}

func TestParseManifestRejectsBadEntries(t *testing.T) {
	fsys := fstest.MapFS{
		"corpus/a.html": {Data: []byte("<html></html>")},
		"corpus/b.html": {Data: []byte("<html></html>")},
		"corpus/dir":    {Mode: fs.ModeDir},
	}
	good := `{"path":"a.html","kind":"article","source":"wire","url":"https://x.example/a","publisher":"X","content_type":"text/html"}`
	cases := []struct {
		name, manifest, want string
	}{
		{"bad kind", strings.Replace(good, `"article"`, `"feed"`, 1), `unknown kind "feed"`},
		{"bad content type", strings.Replace(good, `text/html`, `text/xml`, 1), `unknown content_type`},
		{"relative url", strings.Replace(good, `https://x.example/a`, `/a`, 1), `absolute`},
		{"missing file", strings.Replace(good, `a.html`, `c.html`, 1), `"c.html"`},
		{"escaping path", strings.Replace(good, `a.html`, `../a.html`, 1), `inside the corpus`},
		{"directory", strings.Replace(good, `a.html`, `dir`, 1), `directory`},
		{"empty publisher", strings.Replace(good, `"X"`, `""`, 1), `publisher`},
		{"upper-case source", strings.Replace(good, `"wire"`, `"Wire Watch"`, 1), `source`},
		{"duplicate url", good + "," + strings.Replace(good, `a.html`, `b.html`, 1), `already listed by entry 0`},
		{"duplicate path", good + "," + strings.Replace(good, `/a"`, `/b"`, 1), `path already listed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseManifest([]byte(`{"entries":[`+c.manifest+`]}`), fsys)
			if err == nil {
				t.Fatalf("got no error, want one containing %q", c.want)
			}
			if !errors.Is(err, ErrInvalidEntry) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got error %q, want ErrInvalidEntry containing %q", err, c.want)
			}
		})
	}
}

func TestParseManifestRejectsMalformedJSON(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, m := range map[string]string{
		"not json":      `{"entries":[`,
		"unknown field": `{"entries":[],"extra":1}`,
		"no entries":    `{"entries":[]}`,
	} {
		if _, err := parseManifest([]byte(m), fsys); err == nil {
			t.Errorf("%s: got no error for %q, want one", name, m)
		}
	}
}

func TestParseManifestAcceptsGoodEntries(t *testing.T) {
	fsys := fstest.MapFS{"corpus/feeds/a.xml": {Data: []byte("<rss/>")}}
	m := `{"entries":[{"path":"feeds/a.xml","kind":"article","source":"wire","url":"https://x.example/feed","publisher":"X","content_type":"application/rss+xml"}]}`
	entries, err := parseManifest([]byte(m), fsys)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	if got := entries[0]; got.Path != "feeds/a.xml" || !got.IsFeed() || got.Source != "wire" {
		t.Errorf("got entry %+v, want the feed feeds/a.xml from source wire", got)
	}
}

func FuzzParseManifest(f *testing.F) {
	b, err := FS.ReadFile(path.Join(root, "manifest.json"))
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"entries":[{"path":"../x","kind":"article"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := parseManifest(data, FS)
		if err != nil {
			return
		}
		// Whatever parses must name only files that Open can read.
		for _, e := range entries {
			if _, err := Open(e); err != nil {
				t.Errorf("parsed entry %+v: Open: got %v, want no error", e, err)
			}
		}
	})
}
