package pipelines

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
)

// testLogger logs to stderr when NEWSINTEL_TEST_LOG is set, else nowhere.
func testLogger() *slog.Logger {
	if os.Getenv("NEWSINTEL_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// startTestServer starts an embedded server on a random port with a store in
// dir (a fresh temp dir when dir is ""); it is shut down when the test ends.
func startTestServer(t testing.TB, dir string) *Server {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	s, err := StartServer(t.Context(), ServerOptions{StoreDir: dir, Listen: "127.0.0.1:0", MaxMemory: 64 << 20, MaxStore: 1 << 30}, testLogger())
	require.NoError(t, err)
	t.Cleanup(s.Shutdown)
	return s
}

// connectTest connects to s and closes the bus when the test ends.
func connectTest(t testing.TB, s *Server) *Bus {
	t.Helper()
	b, err := Connect(t.Context(), s.ClientURL(), t.Name(), testLogger())
	require.NoError(t, err)
	t.Cleanup(b.Close)
	return b
}

// newTestBus starts a server, connects and creates the topology with a
// short duplicate window.
func newTestBus(t testing.TB) (*Server, *Bus) {
	t.Helper()
	s := startTestServer(t, "")
	b := connectTest(t, s)
	require.NoError(t, b.EnsureTopology(t.Context(), testStreams()))
	return s, b
}

func testStreams() StreamOptions {
	o := DefaultStreamOptions()
	o.DuplicateWindow = time.Minute
	return o
}

// testRaw returns a small article fetch numbered i.
func testRaw(i int) newsintel.Raw {
	url := fmt.Sprintf("https://news.example.com/2026/11/story-%d", i)
	return newsintel.Raw{
		ID: newsintel.ArticleID(url), Kind: newsintel.KindArticle, Source: "Example News",
		URL: url, Status: 200, ContentType: "text/html; charset=utf-8",
		Fetched: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC),
		Body:    fmt.Appendf(nil, "<html><body><p>Story %d.</p></body></html>", i),
	}
}

// testDoc returns a document numbered i.
func testDoc(i int) *newsintel.Document {
	r := testRaw(i)
	return &newsintel.Document{
		ID: r.ID, Kind: r.Kind, Source: r.Source, URL: r.URL, Title: fmt.Sprintf("Story %d", i),
		Body: fmt.Sprintf("Story %d.", i), BodyHash: shortHash(r.Body), Revision: 1,
		Extractor: newsintel.ExtractorVersion,
	}
}

// echoTransform turns a Raw into a Document with the same ID.
func echoTransform(_ context.Context, raw newsintel.Raw) (*newsintel.Document, error) {
	return &newsintel.Document{
		ID: raw.ID, Kind: raw.Kind, Source: raw.Source, URL: raw.URL,
		Body: string(raw.Body), BodyHash: shortHash(raw.Body), Revision: 1,
	}, nil
}

// streamMsgs returns the number of messages in stream.
func streamMsgs(t testing.TB, b *Bus, stream string) uint64 {
	t.Helper()
	s, err := b.js.Stream(t.Context(), stream)
	require.NoError(t, err)
	info, err := s.Info(t.Context())
	require.NoError(t, err)
	return info.State.Msgs
}

// waitFor polls cond every 20 ms until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// docsIn reads every document stored in DOCS, in stream order.
func docsIn(t testing.TB, b *Bus) []newsintel.Document {
	t.Helper()
	n := streamMsgs(t, b, StreamDocs)
	var docs []newsintel.Document
	for seq := uint64(1); uint64(len(docs)) < n; seq++ {
		m := getMsg(t, b, StreamDocs, seq)
		var d newsintel.Document
		require.NoError(t, json.Unmarshal(m.Data, &d))
		docs = append(docs, d)
	}
	return docs
}

// getMsg reads the message at seq of stream.
func getMsg(t testing.TB, b *Bus, stream string, seq uint64) *jetstream.RawStreamMsg {
	t.Helper()
	s, err := b.js.Stream(t.Context(), stream)
	require.NoError(t, err)
	m, err := s.GetMsg(t.Context(), seq)
	require.NoError(t, err)
	return m
}

// runAsync runs fn in a goroutine and returns a function that cancels it and
// returns its error; the test fails if fn does not return within 10 s.
func runAsync(t testing.TB, fn func(ctx context.Context) error) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Errorf("stage did not stop within 10s of cancel")
			return nil
		}
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// fastStage returns stage options with short timings for tests.
func fastStage(name string) StageOptions {
	return StageOptions{
		Name: name, Concurrency: 4, AckWait: 2 * time.Second, MaxDeliver: 3,
		BatchWait: 100 * time.Millisecond, Backoff: []time.Duration{20 * time.Millisecond},
		Counters: new(Counters),
	}
}
