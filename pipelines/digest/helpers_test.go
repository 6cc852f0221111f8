package digest

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

// testLogger logs to stderr when NEWSINTEL_TEST_LOG is set, else nowhere.
func testLogger() *slog.Logger { return pipelinestest.Logger() }

// newTestBus starts an embedded JetStream server on a random port with a
// temporary store, connects and creates the topology.
func newTestBus(t testing.TB) *pipelines.Bus { return pipelinestest.Bus(t) }

// newTestStore returns a store on a fresh embedded server, with its clock
// at now.
func newTestStore(t testing.TB, now time.Time) (*Store, *pipelines.Bus) {
	t.Helper()
	bus := newTestBus(t)
	s, err := NewStore(t.Context(), bus)
	require.NoError(t, err)
	s.now = func() time.Time { return now }
	return s, bus
}

// newTestIndex opens a Bleve index in a temporary directory holding docs.
func newTestIndex(t testing.TB, docs []newsintel.Document) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "index"), index.Options{}, nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = ix.Close() })
	if len(docs) > 0 {
		require.NoError(t, ix.Put(t.Context(), docs))
	}
	return ix
}

// article returns a news article fetched at fetched, mentioning Alibaba
// and the Commerce Department.
func article(id, publisher, title string, fetched time.Time) newsintel.Document {
	body := title + ".\n\nThe Commerce Department is reviewing Alibaba's cloud business, according to three people familiar with the matter. " +
		"Regulators are examining how the company stores customer data, the people said."
	alibaba := "Alibaba"
	commerce := "Commerce Department"
	ai := indexOf(body, alibaba)
	ci := indexOf(body, commerce)
	three := 3
	return newsintel.Document{
		ID: id, Kind: newsintel.KindArticle, Source: publisher, Publisher: publisher,
		URL: "https://" + publisher + ".example.com/" + id, Title: title, Body: body,
		Published: fetched.Add(-time.Hour), Fetched: fetched, Language: "en", Revision: 1,
		Mentions: []newsintel.Mention{
			{EntityID: "company:alibaba-group", Name: "Alibaba Group", Type: newsintel.EntityCompany, Text: alibaba, Start: ai, End: ai + len(alibaba)},
			{EntityID: "agency:us-department-of-commerce", Name: "U.S. Department of Commerce", Type: newsintel.EntityAgency, Text: commerce, Start: ci, End: ci + len(commerce)},
		},
		Claims: []newsintel.Claim{{
			Text: "The Commerce Department is reviewing Alibaba's cloud business", Cue: "according to",
			Start: ci - 4, End: ci + 100, TextStart: ci - 4, TextEnd: ci - 4 + len("The Commerce Department is reviewing Alibaba's cloud business"),
			Source: newsintel.Source{Type: newsintel.SourceAnonymous, Count: &three, Plural: true, Description: "three people familiar with the matter"},
		}},
		Extractor: newsintel.ExtractorVersion,
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// filler returns n articles about harbour dredging (no Alibaba), fetched
// a minute apart from start.
func filler(n int, start time.Time, prefix string) []newsintel.Document {
	out := make([]newsintel.Document, n)
	for i := range out {
		id := fmt.Sprintf("%s%05d", prefix, i)
		out[i] = newsintel.Document{
			ID: id, Kind: newsintel.KindArticle, Source: "harbour-news", Publisher: "Harbour News",
			URL: "https://harbour.example.com/" + id, Title: fmt.Sprintf("Port dredging update %d", i),
			Body:    fmt.Sprintf("The port authority said dredging of berth %d would finish next spring, weather permitting.", i),
			Fetched: start.Add(time.Duration(i) * time.Second), Published: start.Add(time.Duration(i) * time.Second),
			Revision: 1, Language: "en", Extractor: newsintel.ExtractorVersion,
		}
	}
	return out
}

// recordingSender is a Sender at the seam to pipelines/deliver: it keeps
// what it is given and answers with deliver (sent when nil).
type recordingSender struct {
	mu      sync.Mutex
	got     []sent
	deliver func(period string) (newsintel.Delivery, error)
}

type sent struct {
	Topic, Subscription, Period string
	Digest                      *newsintel.Digest
}

func (r *recordingSender) Deliver(_ context.Context, t newsintel.Topic, s newsintel.Subscription, dg *newsintel.Digest, period string) (newsintel.Delivery, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, sent{Topic: t.ID, Subscription: s.ID, Period: period, Digest: dg})
	if r.deliver != nil {
		return r.deliver(period)
	}
	return newsintel.Delivery{State: newsintel.DeliverySent, Period: period}, nil
}

func (r *recordingSender) sent() []sent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]sent(nil), r.got...)
}
