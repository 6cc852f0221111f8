package api

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/demo/demotest"
	"github.com/newsintel/newsintel/index"
	"github.com/stretchr/testify/require"
)

// The demo corpus reports the Commerce review of Alibaba's cloud on
// anonymous sources in these outlets (among others reporting it on record).
// MarketPulse relays the review "which Reuters reported citing three people
// briefed on the matter": an anonymous claim via Reuters.
var alibabaAnonymousPublishers = []string{"Asia Tech Dispatch", "CloudBeat", "MarketPulse", "The Capital Courier", "Whitepapers.online", "WireWatch"}

func TestClaimsAlibabaAnonymous(t *testing.T) {
	srv := startAPI(t, Options{})
	resp, body := get(t, srv.URL+"/api/v1/claims?entity=company:alibaba&source_type=anonymous&size=100&facets=publisher,source_type&histogram=day")
	require.Equal(t, http.StatusOK, resp.StatusCode, "body %v", body)
	claims, _ := body["claims"].([]any)
	if len(claims) < 10 {
		t.Fatalf("anonymous Alibaba claims = %d, want at least 10 (the wire story and its copies)", len(claims))
	}
	var publishers []string
	for _, c := range claims {
		m := c.(map[string]any)
		src, _ := m["source"].(map[string]any)
		ents, _ := m["entities"].([]any)
		if src["type"] != "anonymous" || !slices.Contains(ents, any("company:alibaba")) {
			t.Errorf("claim %v: source %v, entities %v; want anonymous and company:alibaba", m["id"], src, ents)
		}
		if m["document_id"] == "" || m["url"] == "" || m["published"] == nil || m["text"] == "" {
			t.Errorf("claim %v lacks document_id, url, published or text: %v", m["id"], m)
		}
		if p, _ := m["publisher"].(string); !slices.Contains(publishers, p) {
			publishers = append(publishers, p)
		}
	}
	slices.Sort(publishers)
	if !slices.Equal(publishers, alibabaAnonymousPublishers) {
		t.Errorf("publishers = %v, want %v", publishers, alibabaAnonymousPublishers)
	}
	facets, _ := body["facets"].(map[string]any)
	if pf, _ := facets["publisher"].([]any); len(pf) != len(alibabaAnonymousPublishers) {
		t.Errorf("publisher facet = %v, want %d publishers", facets["publisher"], len(alibabaAnonymousPublishers))
	}
	if h, _ := body["histogram"].([]any); len(h) == 0 {
		t.Errorf("histogram = %v, want daily buckets", body["histogram"])
	}
}

func TestClaimsCSV(t *testing.T) {
	srv := startAPI(t, Options{})
	_, js := get(t, srv.URL+"/api/v1/claims?entity=Alibaba&size=100")
	resp, body := get(t, srv.URL+"/api/v1/claims?entity=Alibaba&size=100&format=csv")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type = %q, want text/csv", ct)
	}
	rows, err := csv.NewReader(strings.NewReader(body["_raw"].(string))).ReadAll()
	require.NoError(t, err, "CSV does not parse back")
	require.NotEmpty(t, rows)
	if !slices.Equal(rows[0], claimCSVHeader) {
		t.Errorf("header = %v, want %v", rows[0], claimCSVHeader)
	}
	claims, _ := js["claims"].([]any)
	require.NotEmpty(t, claims)
	if len(rows)-1 != len(claims) {
		t.Fatalf("CSV rows = %d, want %d (one per claim of the JSON answer)", len(rows)-1, len(claims))
	}
	text := slices.Index(claimCSVHeader, "text")
	for i, c := range claims {
		if want := c.(map[string]any)["text"]; rows[i+1][text] != want {
			t.Errorf("row %d text = %q, want %q", i+1, rows[i+1][text], want)
		}
	}
}

func TestClaimsBadParams(t *testing.T) {
	srv := startAPI(t, Options{})
	tests := []struct{ query, want string }{
		{"kind=article", "unknown parameter"},
		{"format=xlsx", "use json or csv"},
		{"source_type=rumour", "source type"},
		{"facets=kind", "facet"},
		{"since=yesterday", "not a date"},
	}
	for _, tc := range tests {
		resp, body := get(t, srv.URL+"/api/v1/claims?"+tc.query)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(errMessage(body), tc.want) {
			t.Errorf("GET /api/v1/claims?%s = %d %q, want 400 saying %q", tc.query, resp.StatusCode, errMessage(body), tc.want)
		}
	}
}

func TestClaimsRevisionDropsClaim(t *testing.T) {
	ix := demotest.Index(t)
	var d newsintel.Document
	for _, doc := range demotest.Docs(t) {
		if doc.Publisher == "Whitepapers.online" {
			d = doc
		}
	}
	require.NotEmpty(t, d.Claims, "no Whitepapers.online claims in the demo corpus")
	req := index.ClaimRequest{Entity: []string{"company:alibaba"}, SourceType: []string{"anonymous"},
		Publisher: []string{"Whitepapers.online"}}
	before, err := ix.SearchClaims(t.Context(), req)
	require.NoError(t, err)
	require.NotZero(t, before.Total)
	var kept []newsintel.Claim
	for _, c := range d.Claims {
		if c.Source.Type != newsintel.SourceAnonymous {
			kept = append(kept, c)
		}
	}
	d.Claims, d.Revision = kept, d.Revision+1
	require.NoError(t, ix.Put(t.Context(), []newsintel.Document{d}))
	after, err := ix.SearchClaims(t.Context(), req)
	require.NoError(t, err)
	if after.Total != 0 {
		t.Errorf("anonymous Whitepapers.online claims after revision %d = %d, want 0 (was %d)", d.Revision, after.Total, before.Total)
	}
}

func TestClaimsLeaveDocumentSearchAlone(t *testing.T) {
	docs := demotest.Docs(t)
	ids := map[string]bool{}
	claims := 0
	for _, d := range docs {
		ids[d.ID] = true
		claims += len(d.Claims)
	}
	require.NotZero(t, claims)
	srv := startAPI(t, Options{})
	for _, q := range []string{"", "q=-zzzz", "facets=kind"} {
		_, body := get(t, srv.URL+"/api/v1/search?"+q)
		if total, _ := body["total"].(float64); int(total) != len(ids) {
			t.Errorf("GET /api/v1/search?%s total = %v, want %d documents (the index also holds %d claims)", q, body["total"], len(ids), claims)
		}
	}
}

func TestClaimRowIsSpreadsheetSafe(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+1 555":                   "'+1 555",
		"@SUM(A1)":                 "'@SUM(A1)",
		"-2+3":                     "'-2+3",
		"Officials said":           "Officials said",
		"":                         "",
	} {
		if got := spreadsheetSafe(in); got != want {
			t.Errorf("spreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
