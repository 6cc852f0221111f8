package pipelines

import (
	"net"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestServerRestartKeepsStreamsAndMessages(t *testing.T) {
	dir := t.TempDir()
	s1, err := StartServer(t.Context(), ServerOptions{StoreDir: dir, Listen: "127.0.0.1:0"}, testLogger())
	require.NoError(t, err)
	b1, err := Connect(t.Context(), s1.ClientURL(), "first", testLogger())
	require.NoError(t, err)
	require.NoError(t, b1.EnsureTopology(t.Context(), testStreams()))
	for i := range 3 {
		require.NoError(t, b1.PublishRaw(t.Context(), testRaw(i)))
	}
	require.NoError(t, b1.PublishDoc(t.Context(), testDoc(7)))
	b1.Close()
	s1.Shutdown()

	s2 := startTestServer(t, dir)
	b2 := connectTest(t, s2)
	if got := streamMsgs(t, b2, StreamRaw); got != 3 {
		t.Errorf("RAW after restart: got %d messages, want 3", got)
	}
	docs := docsIn(t, b2)
	if len(docs) != 1 || docs[0].ID != testDoc(7).ID {
		t.Errorf("DOCS after restart: got %+v, want one document %s", docs, testDoc(7).ID)
	}
	_, err = b2.KV(t.Context(), BucketFeeds)
	require.NoError(t, err, "feeds bucket after restart")
}

func TestStartServerPortTaken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	_, err = StartServer(t.Context(), ServerOptions{StoreDir: t.TempDir(), Listen: l.Addr().String()}, testLogger())
	if err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("StartServer on a taken port: got error %v, want one saying the port is in use", err)
	}
}

func TestStartServerBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opts ServerOptions
		want string
	}{
		{"no store dir", ServerOptions{Listen: "127.0.0.1:0"}, "store_dir"},
		{"bad listen", ServerOptions{StoreDir: t.TempDir(), Listen: "localhost"}, "listen"},
		{"bad port", ServerOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:http"}, "bad port"},
		{"bad sync", ServerOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:0", SyncInterval: "often"}, "sync_interval"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := StartServer(t.Context(), tt.opts, testLogger())
			if err == nil {
				s.Shutdown()
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("StartServer(%+v): got error %v, want one naming %q", tt.opts, err, tt.want)
			}
		})
	}
}

func TestServerSyncAlways(t *testing.T) {
	s, err := StartServer(t.Context(), ServerOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:0", SyncInterval: "always"}, testLogger())
	require.NoError(t, err)
	defer s.Shutdown()
	if !s.ns.JetStreamEnabled() {
		t.Errorf("JetStreamEnabled: got false, want true")
	}
	if got := s.ns.JetStreamConfig().SyncAlways; !got {
		t.Errorf("SyncAlways: got %v, want true", got)
	}
}
