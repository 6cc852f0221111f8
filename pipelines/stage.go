package pipelines

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/newsintel/newsintel"
)

// ErrPermanent marks an error that retrying cannot fix (malformed input, a
// body that aged out). The runner dead-letters such a message at once.
var ErrPermanent = errors.New("permanent")

// Permanent wraps err so that errors.Is(err, ErrPermanent) holds; the
// original error stays in the chain. Permanent(nil) is nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

type permanentError struct{ err error }

func (e *permanentError) Error() string   { return e.err.Error() }
func (e *permanentError) Unwrap() []error { return []error{e.err, ErrPermanent} }

// IsPermanent reports whether err is permanent: it wraps ErrPermanent or a
// newsintel error with code EINVALID.
func IsPermanent(err error) bool {
	return errors.Is(err, ErrPermanent) || newsintel.ErrorCode(err) == newsintel.EINVALID
}

// Transform is an extraction stage: one raw fetch in, one document out. A
// nil document with a nil error means "nothing to publish" and the raw
// message is acked. Return a Permanent (or EINVALID) error for input that
// can never succeed; any other error is retried.
type Transform func(ctx context.Context, raw newsintel.Raw) (*newsintel.Document, error)

// Sink is an indexing stage: it receives a batch of documents and must return
// only when they are durable. It may see a document more than once (after a
// crash or a retry), so it must upsert by ID.
type Sink func(ctx context.Context, docs []newsintel.Document) error

// StageOptions configures a stage runner. Zero fields take the defaults
// noted beside them.
type StageOptions struct {
	Name        string          // durable consumer name and dead-letter subject; "extract" for RunTransform, required for RunSink
	Concurrency int             // messages a RunTransform worker handles at once; GOMAXPROCS by default
	AckWait     time.Duration   // time before an unacked message is redelivered; 30 s by default
	MaxDeliver  int             // deliveries before a failing message goes to DEAD; 5 by default
	BatchSize   int             // RunSink: messages per batch, 256 by default; RunTransform: messages buffered, at most (and by default) Concurrency
	BatchWait   time.Duration   // longest wait for a fetch to fill; 1 s by default
	Backoff     []time.Duration // delay before the n-th redelivery after a transient error; the last repeats; 1s, 5s, 30s, 2m by default
	Counters    *Counters       // where the runner counts; may be nil
	DrainWait   time.Duration   // how long in-flight work may run after ctx is cancelled; AckWait by default
}

// Counters counts what a stage runner did. Fields are updated atomically;
// read them with Load at any time, from any goroutine.
type Counters struct {
	Processed atomic.Uint64 // messages handled and acked (including "nothing to publish")
	Published atomic.Uint64 // output messages published (RunTransform) or documents sunk (RunSink)
	Failed    atomic.Uint64 // transient failures, each followed by a redelivery
	Dead      atomic.Uint64 // messages sent to DEAD and terminated
}

// withDefaults returns o with defaults filled in.
func (o StageOptions) withDefaults(defaultName string, defaultBatch int) StageOptions {
	if o.Name == "" {
		o.Name = defaultName
	}
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.GOMAXPROCS(0)
	}
	if o.AckWait <= 0 {
		o.AckWait = 30 * time.Second
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.BatchSize <= 0 {
		o.BatchSize = defaultBatch
	}
	if o.BatchWait <= 0 {
		o.BatchWait = time.Second
	}
	if len(o.Backoff) == 0 {
		o.Backoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}
	}
	if o.Counters == nil {
		o.Counters = new(Counters)
	}
	if o.DrainWait <= 0 {
		o.DrainWait = o.AckWait
	}
	return o
}

// validate reports a bad stage name.
func (o StageOptions) validate() error {
	if o.Name == "" || subjectToken(o.Name) != o.Name {
		return fmt.Errorf("stage name %q: want lower-case letters, digits, '-' or '_'", o.Name)
	}
	return nil
}

// delay returns the back-off before redelivering a message that has been
// delivered n times.
func (o StageOptions) delay(n uint64) time.Duration {
	i := int(min(n, uint64(len(o.Backoff)))) - 1
	return o.Backoff[max(i, 0)]
}

// workContext returns the context stage functions run under: it keeps the
// values of ctx but outlives its cancellation by DrainWait, so that work in
// flight at shutdown can finish and be acked instead of being redone.
func workContext(ctx context.Context, drain time.Duration) (context.Context, context.CancelFunc) {
	work, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(drain, cancel)
		context.AfterFunc(work, func() { t.Stop() })
	})
	return work, func() { stop(); cancel() }
}
