package pipelines

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// ServerOptions configures the embedded NATS server. The zero value of each
// field selects the default noted beside it.
type ServerOptions struct {
	StoreDir     string // JetStream store directory, e.g. ./data/nats (required)
	Listen       string // host:port for clients; "127.0.0.1:4222" by default, port 0 picks a free one
	MaxMemory    int64  // JetStream memory limit in bytes; 256 MiB by default
	MaxStore     int64  // JetStream file store limit in bytes; 10 GiB by default
	SyncInterval string // "2m" by default (survives kill -9, not power loss), a duration, or "always"
	ServerName   string // "newsintel" by default
}

// Defaults for ServerOptions.
const (
	DefaultListen       = "127.0.0.1:4222"
	DefaultMaxMemory    = 256 << 20
	DefaultMaxStore     = 10 << 30
	DefaultSyncInterval = "2m"
	defaultServerName   = "newsintel"
	defaultReadyTimeout = 30 * time.Second
)

// Server is a running embedded NATS server with JetStream enabled. Its
// methods are safe for concurrent use.
type Server struct {
	ns  *server.Server
	log *slog.Logger
}

// StartServer starts an embedded NATS server with JetStream and waits until
// it accepts connections (for at most 30 s or until ctx is done). It returns
// an error naming the address when the port is already taken, and an error
// naming the field when the options are invalid.
func StartServer(ctx context.Context, opts ServerOptions, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With(slog.String(attrComponent, "nats"))
	nopts, err := serverOptions(opts)
	if err != nil {
		return nil, err
	}
	if nopts.Port != server.RANDOM_PORT {
		if err := checkPortFree(nopts.Host, nopts.Port); err != nil {
			return nil, err
		}
	}
	ns, err := server.NewServer(nopts)
	if err != nil {
		return nil, fmt.Errorf("nats server: %w", err)
	}
	ns.SetLoggerV2(serverLogger{ctx: context.WithoutCancel(ctx), log: log}, false, false, false)
	ns.Start()
	if err := waitReady(ctx, ns); err != nil {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, fmt.Errorf("nats server on %s: %w", opts.Listen, err)
	}
	log.Info("nats server ready", slog.String(attrURL, ns.ClientURL()), slog.String(attrStoreDir, nopts.StoreDir))
	return &Server{ns: ns, log: log}, nil
}

// ClientURL returns the URL clients connect to, e.g. nats://127.0.0.1:4222,
// with the real port when the server picked a free one.
func (s *Server) ClientURL() string { return s.ns.ClientURL() }

// Shutdown stops the server gracefully (JetStream flushes its stores) and
// returns when it has stopped.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
	s.log.Info("nats server stopped")
}

// serverOptions turns ServerOptions into nats-server options, applying
// defaults.
func serverOptions(o ServerOptions) (*server.Options, error) {
	if o.StoreDir == "" {
		return nil, errors.New("nats server: store_dir is required")
	}
	listen := o.Listen
	if listen == "" {
		listen = DefaultListen
	}
	host, portStr, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, fmt.Errorf("nats server: listen %q: %w", listen, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("nats server: listen %q: bad port", listen)
	}
	if port == 0 {
		port = server.RANDOM_PORT // nats-server reads 0 as "the default port"
	}
	so := &server.Options{
		ServerName:         orDefault(o.ServerName, defaultServerName),
		Host:               host,
		Port:               port,
		JetStream:          true,
		StoreDir:           o.StoreDir,
		JetStreamMaxMemory: orDefaultInt(o.MaxMemory, DefaultMaxMemory),
		JetStreamMaxStore:  orDefaultInt(o.MaxStore, DefaultMaxStore),
		NoSigs:             true, // the embedding process owns signal handling
	}
	if err := applySync(so, o.SyncInterval); err != nil {
		return nil, err
	}
	return so, nil
}

// applySync sets the JetStream fsync policy from "always" or a duration.
func applySync(so *server.Options, v string) error {
	switch v {
	case "always":
		so.SyncAlways = true
		return nil
	case "":
		v = DefaultSyncInterval
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return fmt.Errorf("nats server: sync_interval %q: want a positive duration or \"always\"", v)
	}
	so.SyncInterval = d
	return nil
}

// checkPortFree reports a clear error when host:port is already taken. The
// check races with other processes, but it turns the common mistake (a
// second serve on the same port) into a message that says what is wrong.
func checkPortFree(host string, port int) error {
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("nats server: listen %s: port in use or not available: %w", addr, err)
	}
	return l.Close()
}

// waitReady waits until ns accepts client connections.
func waitReady(ctx context.Context, ns *server.Server) error {
	deadline := time.Now().Add(defaultReadyTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	for {
		if ns.ReadyForConnections(100 * time.Millisecond) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if time.Now().After(deadline) {
			return errors.New("not ready for connections (is the port taken or the store dir unwritable?)")
		}
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orDefaultInt(v, def int64) int64 {
	if v <= 0 {
		return def
	}
	return v
}
