// Package pipelinestest starts the real embedded NATS JetStream server for
// tests of packages that use pipelines: a server on a random port with a
// temporary store and the topology, and buses connected to it, all closed
// when the test ends.
package pipelinestest

import (
	"log/slog"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel/pipelines"
)

// Logger logs to stderr when NEWSINTEL_TEST_LOG is set, else nowhere.
func Logger() *slog.Logger {
	if os.Getenv("NEWSINTEL_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// Server starts an embedded JetStream server on 127.0.0.1 with a random
// port and a temporary store, and creates the topology with the default
// stream options. It is shut down when the test ends; its store outlives
// the buses connected to it, so a test can reconnect as a restarted
// process would.
func Server(t testing.TB) *pipelines.Server {
	t.Helper()
	srv, err := pipelines.StartServer(t.Context(), pipelines.ServerOptions{StoreDir: t.TempDir(), Listen: "127.0.0.1:0",
		MaxMemory: 64 << 20, MaxStore: 1 << 30}, Logger())
	require.NoError(t, err)
	t.Cleanup(srv.Shutdown)
	require.NoError(t, Connect(t, srv).EnsureTopology(t.Context(), pipelines.DefaultStreamOptions()))
	return srv
}

// Connect connects a new bus to srv; it is closed when the test ends.
func Connect(t testing.TB, srv *pipelines.Server) *pipelines.Bus {
	t.Helper()
	b, err := pipelines.Connect(t.Context(), srv.ClientURL(), t.Name(), Logger())
	require.NoError(t, err)
	t.Cleanup(b.Close)
	return b
}

// Bus starts a Server and returns a bus connected to it.
func Bus(t testing.TB) *pipelines.Bus {
	t.Helper()
	return Connect(t, Server(t))
}
