package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/extract"
	"github.com/newsintel/newsintel/extract/entities"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/ingest"
	"github.com/newsintel/newsintel/ingest/poll"
	"github.com/stretchr/testify/require"
)

// editedURL is where the edited article of testdata/revisions was
// fetched from: revision 2 drops the anonymous claim about a civil penalty
// and lengthens the FAA Administrator's quote.
const editedURL = "https://www.harborledger.example/business/aerospace/faa-boeing-737-max-cap-audit-2024-05-29/"

const (
	droppedClaim = "the agency was also weighing a civil penalty"
	editedQuote  = "We will not allow production to expand until we are"
)

// memStore is a poll.Store in memory, kept as JSON like the KV bucket.
type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memStore) Load(_ context.Context, name string, v any) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[name]
	if !ok {
		return false, nil
	}
	return true, json.Unmarshal(b, v)
}

func (s *memStore) Save(_ context.Context, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[name] = b
	return nil
}

// editedRevisions fetches the article three times (revision 1, the same
// page again, revision 2) through ingest's revision numbering and the real
// extract stage, and returns the documents published.
func editedRevisions(t *testing.T) []newsintel.Document {
	t.Helper()
	pub := &demotest.Collector{}
	revs := &poll.Revisions{Store: &memStore{m: map[string][]byte{}}}
	in := &ingest.Ingester{Pub: poll.Revisioned{Pub: pub, Revisions: revs}, Source: "harbor-ledger"}
	for _, name := range []string{"rev1.html", "rev1.html", "rev2.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", "revisions", name))
		require.NoError(t, err)
		_, err = in.Bytes(t.Context(), data, editedURL, "text/html; charset=utf-8")
		require.NoError(t, err)
	}
	require.Len(t, pub.Raws, 2, "the unchanged fetch must not be published again")
	x := extract.New(entities.Builtin())
	var docs []newsintel.Document
	for _, raw := range pub.Raws {
		d, err := x.Extract(t.Context(), raw)
		require.NoError(t, err)
		docs = append(docs, *d)
	}
	require.Equal(t, []int{1, 2}, []int{docs[0].Revision, docs[1].Revision})
	return docs
}

// claimWith returns the claim of claims whose text contains s.
func claimWith(t *testing.T, claims []any, s string) map[string]any {
	t.Helper()
	for _, c := range claims {
		if m := c.(map[string]any); strings.Contains(m["text"].(string), s) {
			return m
		}
	}
	t.Fatalf("no claim containing %q among %d", s, len(claims))
	return nil
}

func TestRevisionsOfEditedArticle(t *testing.T) {
	docs := editedRevisions(t)
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	for _, d := range docs {
		require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	}
	srv := startAPI(t, Options{Index: ix})
	id, fetched2 := docs[1].ID, docs[1].Fetched

	resp, hist := get(t, srv.URL+"/api/v1/documents/"+id+"/revisions")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", hist)
	revs, _ := hist["revisions"].([]any)
	require.Len(t, revs, 2, "revisions %v", hist)
	rev2 := revs[1].(map[string]any)
	removed, _ := rev2["removed"].([]any)
	changed, _ := rev2["changed"].([]any)
	if len(removed) != 1 || len(changed) != 1 || len(rev2["added"].([]any)) != 0 {
		t.Fatalf("revision 2 = %v, want one claim removed, one changed, none added", rev2)
	}
	gone := claimWith(t, removed, droppedClaim)
	note := "claim removed in revision 2, " + fetched2.UTC().Format("2006-01-02 15:04 MST")
	if gone["note"] != note || gone["source"].(map[string]any)["type"] != "anonymous" {
		t.Errorf("removal = %v, want the anonymous claim with note %q", gone, note)
	}
	edit := claimWith(t, changed, editedQuote)
	if !strings.Contains(edit["text"].(string), "fully satisfied") || !strings.HasSuffix(edit["previous_text"].(string), "until we are satisfied") {
		t.Errorf("change = %v, want the quote lengthened from ending %q", edit, "until we are satisfied")
	}

	_, res := get(t, srv.URL+"/api/v1/claims?status=removed")
	claims, _ := res["claims"].([]any)
	require.Len(t, claims, 1, "removed claims %v", res)
	c := claims[0].(map[string]any)
	if c["status"] != "removed" || c["removed_revision"] != float64(2) || c["added_revision"] != float64(1) ||
		c["removed_at"] != fetched2.UTC().Format(time.RFC3339Nano) || c["id"] != gone["claim_id"] {
		t.Errorf("removed claim = %v, want status removed, added in 1, removed in 2 at %v, ID %v", c, fetched2, gone["claim_id"])
	}
	_, cur := get(t, srv.URL+"/api/v1/claims?size=100")
	_, all := get(t, srv.URL+"/api/v1/claims?size=100&include_removed=true")
	if n, m := len(cur["claims"].([]any)), len(all["claims"].([]any)); n != len(docs[1].Claims) || m != n+1 {
		t.Errorf("claims = %d current, %d with removed; want %d and %d", n, m, len(docs[1].Claims), len(docs[1].Claims)+1)
	}
	if q := claimWith(t, cur["claims"].([]any), editedQuote); q["status"] != "changed" || q["id"] != edit["claim_id"] {
		t.Errorf("edited quote in /claims = %v, want status changed and ID %v", q, edit["claim_id"])
	}

	// A replay of revision 2, then the older revision 1 arriving late,
	// leave the history as it was.
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{docs[1]}))
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{docs[0]}))
	_, again := get(t, srv.URL+"/api/v1/documents/"+id+"/revisions")
	_, allAgain := get(t, srv.URL+"/api/v1/claims?size=100&include_removed=true")
	delete(all, "took_ms")
	delete(allAgain, "took_ms")
	if g, w := mustJSON(t, again), mustJSON(t, hist); g != w {
		t.Errorf("history after replay and a late revision 1 =\n%s\nwant\n%s", g, w)
	}
	if g, w := mustJSON(t, allAgain), mustJSON(t, all); g != w {
		t.Errorf("claims after replay and a late revision 1 =\n%s\nwant\n%s", g, w)
	}
	d, err := ix.Get(t.Context(), id)
	require.NoError(t, err)
	if d.Revision != 2 {
		t.Errorf("indexed document revision after a late revision 1 = %d, want 2", d.Revision)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestClaimsCSVHasHistoryColumns(t *testing.T) {
	docs := editedRevisions(t)
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	require.NoError(t, ix.Put(t.Context(), docs))
	srv := startAPI(t, Options{Index: ix})
	resp, body := get(t, srv.URL+"/api/v1/claims?include_removed=true&size=100&format=csv")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	rows, err := csv.NewReader(strings.NewReader(body["_raw"].(string))).ReadAll()
	require.NoError(t, err)
	require.Equal(t, claimCSVHeader, rows[0])
	col := func(name string) int { return slices.Index(rows[0], name) }
	byStatus := map[string][]string{}
	for _, r := range rows[1:] {
		byStatus[r[col("status")]] = r
	}
	want := map[string]map[string]string{
		"removed": {"added_revision": "1", "removed_revision": "2", "removed_at": docs[1].Fetched.UTC().Format(time.RFC3339), "changed_revision": ""},
		"changed": {"added_revision": "1", "changed_revision": "2", "removed_revision": "", "removed_at": ""},
		"current": {"added_revision": "1", "changed_revision": "", "removed_revision": "", "previous_text": ""},
	}
	for status, cols := range want {
		r := byStatus[status]
		if r == nil {
			t.Errorf("no %s claim in the CSV (rows %v)", status, rows[1:])
			continue
		}
		for name, v := range cols {
			if r[col(name)] != v {
				t.Errorf("%s claim: %s = %q, want %q", status, name, r[col(name)], v)
			}
		}
	}
	if r := byStatus["changed"]; r != nil && !strings.Contains(r[col("previous_text")], "until we are satisfied") {
		t.Errorf("changed claim previous_text = %q, want the quote as first published", r[col("previous_text")])
	}
}

func TestRevisionsErrors(t *testing.T) {
	srv := startAPI(t, Options{})
	tests := []struct {
		path   string
		status int
	}{
		{"/api/v1/documents/nosuchdocument/revisions", http.StatusNotFound},
		{"/api/v1/documents/nosuchdocument/revisions?size=3", http.StatusBadRequest},
		{"/api/v1/claims?status=deleted", http.StatusBadRequest},
		{"/api/v1/claims?include_removed=maybe", http.StatusBadRequest},
	}
	for _, tc := range tests {
		resp, body := get(t, srv.URL+tc.path)
		if resp.StatusCode != tc.status || errMessage(body) == "" {
			t.Errorf("GET %s = %d %v, want %d with a message", tc.path, resp.StatusCode, body, tc.status)
		}
	}
}

func TestOpenAPIDescribesClaimHistory(t *testing.T) {
	srv := startAPI(t, Options{})
	_, doc := get(t, srv.URL+"/api/v1/openapi.json")
	paths, _ := doc["paths"].(map[string]any)
	if _, ok := paths["/api/v1/documents/{id}/revisions"].(map[string]any)["get"]; !ok {
		t.Errorf("openapi paths = %v, want GET /api/v1/documents/{id}/revisions", slices.Sorted(maps.Keys(paths)))
	}
	op, _ := paths["/api/v1/claims"].(map[string]any)["get"].(map[string]any)
	var names []string
	for _, p := range op["parameters"].([]any) {
		names = append(names, p.(map[string]any)["name"].(string))
	}
	for _, want := range []string{"status", "include_removed"} {
		if !slices.Contains(names, want) {
			t.Errorf("/api/v1/claims parameters = %v, want %s", names, want)
		}
	}
	schemas, _ := doc["components"].(map[string]any)["schemas"].(map[string]any)
	claim := schemas["ClaimResult"].(map[string]any)["properties"].(map[string]any)["claims"].(map[string]any)["items"].(map[string]any)
	for _, want := range []string{"status", "added_revision", "removed_revision", "removed_at", "previous_text"} {
		if _, ok := claim["properties"].(map[string]any)[want]; !ok {
			t.Errorf("ClaimResult claim schema lacks %q", want)
		}
	}
	if _, ok := schemas["RevisionHistory"]; !ok {
		t.Errorf("schemas = %v, want RevisionHistory", slices.Sorted(maps.Keys(schemas)))
	}
}
