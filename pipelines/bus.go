package pipelines

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Bus is a connection to NATS with JetStream: the handle every stage
// publishes and consumes through. It is safe for concurrent use.
type Bus struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	log    *slog.Logger
	closed chan struct{} // closed by the connection's closed handler
}

const (
	connectTimeout   = 20 * time.Second // total time Connect keeps trying
	connectRetryBase = 250 * time.Millisecond
	connectRetryMax  = 2 * time.Second
)

// Connect connects to the NATS server at url under the client name name,
// retrying for up to 20 s (or until ctx is done) while the server is not up
// yet. Once connected the client reconnects forever. It returns an error
// naming the URL when no connection could be made.
func Connect(ctx context.Context, url string, name string, log *slog.Logger) (*Bus, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With(slog.String(attrComponent, "bus"))
	closed := make(chan struct{})
	opts := []nats.Option{
		nats.ClosedHandler(func(*nats.Conn) { close(closed) }),
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", slog.String(attrError, err.Error()))
			}
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			attrs := []any{slog.String(attrError, err.Error())}
			if sub != nil {
				attrs = append(attrs, slog.String(attrSubject, sub.Subject))
			}
			log.Warn("nats async error", attrs...)
		}),
		nats.ReconnectHandler(func(c *nats.Conn) {
			log.Info("nats reconnected", slog.String(attrURL, c.ConnectedUrlRedacted()))
		}),
	}
	nc, err := connectRetry(ctx, url, opts)
	if err != nil {
		return nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return &Bus{nc: nc, js: js, log: log, closed: closed}, nil
}

// connectRetry calls nats.Connect until it succeeds, ctx is done or
// connectTimeout has passed, backing off between attempts.
func connectRetry(ctx context.Context, url string, opts []nats.Option) (*nats.Conn, error) {
	deadline := time.Now().Add(connectTimeout)
	wait := connectRetryBase
	for {
		nc, err := nats.Connect(url, opts...)
		if err == nil {
			return nc, nil
		}
		if !errors.Is(err, nats.ErrNoServers) || time.Now().Add(wait).After(deadline) {
			return nil, fmt.Errorf("nats connect %s: %w", url, err)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("nats connect %s: %w", url, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, connectRetryMax)
	}
}

// KV returns the key-value bucket named bucket ("feeds", "topics",
// "subscriptions", "state"). It returns jetstream.ErrBucketNotFound (wrapped)
// when EnsureTopology has not created it.
func (b *Bus) KV(ctx context.Context, bucket string) (jetstream.KeyValue, error) {
	kv, err := b.js.KeyValue(ctx, bucket)
	if err != nil {
		return nil, fmt.Errorf("kv %s: %w", bucket, err)
	}
	return kv, nil
}

// Close drains the connection: pending publishes and acks are flushed
// before it closes. It is safe to call more than once.
func (b *Bus) Close() {
	if err := b.nc.Drain(); err != nil {
		b.nc.Close()
	}
	// Drain is asynchronous; wait (bounded by the drain timeout) until the
	// connection is closed so callers can rely on acks having been sent.
	<-b.closed
}
