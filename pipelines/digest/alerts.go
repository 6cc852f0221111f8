package digest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
	"github.com/newsintel/newsintel/pipelines"
)

// AlertConsumer is the durable consumer of DOCS the alerter reads for
// the topics without a min_score.
const AlertConsumer = "alerts"

// ScoredAlertConsumer is the durable consumer of DOCS the alerter reads
// for the topics with a min_score, which wait for the main index.
const ScoredAlertConsumer = "alerts-scored"

// alertBatch bounds the documents matched at once: one search page.
const alertBatch = index.MaxSize

// Alerter delivers each newly indexed document to the topics that ask
// for alerts (Schedule.Alerts) and whose query it matches, through the
// same Sender as digests, with the period "alert:<document id>". It
// reads DOCS through durable consumers of its own, so it sees each
// document as it arrives, whatever the index is doing. It is safe for
// concurrent use.
type Alerter struct {
	Store   *Store
	Sender  Sender
	Matcher *Matcher
	// Index is the main index, where a topic's min_score is compared
	// with a new document's score as in digests; needed only by topics
	// with a min_score and a query string.
	Index Searcher
	Log   *slog.Logger
	// MaxAge is how long after its publication a document may still
	// alert: older ones arriving now are backfills (an EDGAR history, an
	// archive crawl), which digests list but which would flood alerts.
	// DefaultAlertMaxAge when 0.
	MaxAge time.Duration
	// IndexWait bounds how long one call of SinkScored waits for the
	// documents it must score to be indexed; DefaultAlertIndexWait when 0.
	IndexWait time.Duration
	Now       func() time.Time // time.Now when nil

	waited waitedFor // documents SinkScored waited for in vain
}

// DefaultAlertMaxAge is the default Alerter.MaxAge.
const DefaultAlertMaxAge = 7 * 24 * time.Hour

// Run consumes DOCS until ctx is done through two durable consumers:
// AlertConsumer (o.Name overrides it) runs Sink, for the topics without a
// min_score, and ScoredAlertConsumer (o.Name + "-scored" when o.Name is
// set) runs SinkScored, for the others, so that an index that is down
// or behind delays only the alerts that need it. Unless o sets them, the
// scored consumer redelivers a document the index does not have yet
// after 2 s, 10 s, 30 s, 1, 2 and 5 minutes, DefaultScoredAlertMaxDeliver
// times in all; see pipelines.Bus.RunSink for the delivery guarantees. It
// returns the first error of either consumer.
func (a *Alerter) Run(ctx context.Context, bus *pipelines.Bus, o pipelines.StageOptions) error {
	o.BatchSize = min(cmp.Or(o.BatchSize, alertBatch), alertBatch)
	so := o
	so.Name = ScoredAlertConsumer
	if o.Name != "" {
		so.Name = o.Name + "-scored"
	}
	o.Name = cmp.Or(o.Name, AlertConsumer)
	if len(so.Backoff) == 0 {
		so.Backoff = scoredAlertBackoff
	}
	so.MaxDeliver = cmp.Or(so.MaxDeliver, DefaultScoredAlertMaxDeliver)
	g, gctx := errgroup.WithContext(ctx)
	g.Go(func() error { return bus.RunSink(gctx, o, a.Sink) })
	g.Go(func() error { return bus.RunSink(gctx, so, a.SinkScored) })
	return g.Wait()
}

// Sink matches docs against the alert topics without a min_score and
// delivers the matches; it never reads the main index. Only documents
// fetched after a topic was created alert it, so the documents of the
// stream's past (a new consumer starts at its beginning) and replays are
// not news. It returns an error only when the topics, the subscriptions
// or the Sender's ledger cannot be read or the matching fails (the batch
// is then redelivered, and the alerts already sent are not sent again:
// the Sender keeps one delivery per period); a failed send is no error
// but the Sender's to record and retry, so one broken webhook never
// holds back the alerts of other topics.
func (a *Alerter) Sink(ctx context.Context, docs []newsintel.Document) error {
	topics, matched, err := a.match(ctx, docs, false)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range topics {
		if mine := matched[t.ID]; len(mine) > 0 {
			errs = append(errs, a.deliver(ctx, t, mine))
		}
	}
	return errors.Join(errs...)
}

// match returns the alert topics with a min_score (scoredOnes) or
// without one, and per topic ID the fresh documents of docs its query
// matches that were fetched after it was created.
func (a *Alerter) match(ctx context.Context, docs []newsintel.Document, scoredOnes bool) ([]newsintel.Topic, map[string][]*newsintel.Document, error) {
	topics, err := a.alertTopics(ctx, scoredOnes)
	if err != nil || len(topics) == 0 {
		return nil, nil, err
	}
	fresh := freshDocs(docs, topics, a.now().Add(-cmp.Or(a.MaxAge, DefaultAlertMaxAge)))
	if len(fresh) == 0 {
		return nil, nil, nil
	}
	matches, err := a.Matcher.Match(ctx, fresh, topics)
	if err != nil {
		return nil, nil, fmt.Errorf("alerts: %w", err)
	}
	out := map[string][]*newsintel.Document{}
	for _, t := range topics {
		for _, i := range matches[t.ID] {
			if fresh[i].Fetched.After(t.Created) {
				out[t.ID] = append(out[t.ID], &fresh[i])
			}
		}
	}
	return topics, out, nil
}

// alertTopics returns the topics that ask for alerts and have a min_score
// (scoredOnes) or have none.
func (a *Alerter) alertTopics(ctx context.Context, scoredOnes bool) ([]newsintel.Topic, error) {
	all, err := a.Store.Topics(ctx)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	var out []newsintel.Topic
	for _, t := range all {
		if t.Schedule.Alerts && scored(t) == scoredOnes {
			out = append(out, t)
		}
	}
	return out, nil
}

// freshDocs keeps the documents fetched after the oldest alert topic was
// created (the others can alert no topic) and not published before
// publishedAfter (backfills).
func freshDocs(docs []newsintel.Document, topics []newsintel.Topic, publishedAfter time.Time) []newsintel.Document {
	oldest := topics[0].Created
	for _, t := range topics {
		if t.Created.Before(oldest) {
			oldest = t.Created
		}
	}
	var out []newsintel.Document
	for _, d := range docs {
		if d.Fetched.After(oldest) && (d.Published.IsZero() || d.Published.After(publishedAfter)) {
			out = append(out, d)
		}
	}
	return out
}

// deliver sends each document as an alert to each active e-mail or
// webhook subscription of t. A delivery the Sender refuses (a
// subscription it cannot send to, or one unsubscribed meanwhile) is
// logged and skipped; it returns the other errors (the subscriptions or
// the ledger cannot be read or written), after trying every delivery, so
// that the batch is redelivered: the Sender sends nothing twice.
func (a *Alerter) deliver(ctx context.Context, t newsintel.Topic, docs []*newsintel.Document) error {
	log := a.log().With(slog.String(attrTopic, t.ID))
	subs, err := a.Store.Subscriptions(ctx, t.ID)
	if err != nil {
		return fmt.Errorf("alerts: subscriptions of topic %s: %w", t.ID, err)
	}
	var errs []error
	for _, d := range docs {
		dg := AlertDigest(t, d)
		for _, s := range subs {
			if !s.Active || s.Channel == newsintel.ChannelFeed {
				continue
			}
			_, err := a.Sender.Deliver(ctx, t, s, dg, "alert:"+d.ID)
			switch code := newsintel.ErrorCode(err); {
			case err == nil:
			case code == newsintel.EINVALID || code == newsintel.ECONFLICT:
				log.Warn("alerts: delivery refused", slog.String(attrSubscription, s.ID), slog.String(attrDocID, d.ID), slog.String(attrError, err.Error()))
			default:
				errs = append(errs, fmt.Errorf("alerts: %s to subscription %s: %w", d.ID, s.ID, err))
			}
		}
	}
	return errors.Join(errs...)
}

// AlertDigest is the one-entry digest that alerts t to d.
func AlertDigest(t newsintel.Topic, d *newsintel.Document) *newsintel.Digest {
	at := cmp.Or(d.Fetched, time.Now()).UTC()
	e := entryOf(ranked{doc: d})
	dg := &newsintel.Digest{TopicID: t.ID, TopicName: t.Name, Since: at, Until: at, Generated: time.Now().UTC(), Total: 1}
	switch d.Kind {
	case newsintel.KindFiling:
		dg.Filings = []newsintel.DigestEntry{e}
	case newsintel.KindNotice:
		dg.Notices = []newsintel.DigestEntry{e}
	default:
		dg.Documents = []newsintel.DigestEntry{e}
	}
	return dg
}

func (a *Alerter) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

func (a *Alerter) log() *slog.Logger {
	if a.Log != nil {
		return a.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Matcher matches a batch of documents against topic queries with the
// real index: the batch is put into a fresh Bleve index of its own (same
// mapping, same query compiler as the main index, so a topic matches a
// document in an alert exactly when it would in a search) and each
// topic's query is run against it. It is safe for concurrent use.
type Matcher struct {
	Dir string // where the scratch indexes go; os.TempDir() when ""
}

// Match returns, per topic ID, the positions in docs of the documents the
// topic's query matches. It returns an error when the scratch index
// cannot be made or a query fails; topics whose query no longer compiles
// are skipped.
func (m *Matcher) Match(ctx context.Context, docs []newsintel.Document, topics []newsintel.Topic) (map[string][]int, error) {
	out := map[string][]int{}
	for start := 0; start < len(docs); start += alertBatch {
		batch := docs[start:min(len(docs), start+alertBatch)]
		if err := m.matchBatch(ctx, batch, start, topics, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (m *Matcher) matchBatch(ctx context.Context, docs []newsintel.Document, offset int, topics []newsintel.Topic, out map[string][]int) error {
	dir, err := os.MkdirTemp(m.Dir, "newsintel-alerts-")
	if err != nil {
		return fmt.Errorf("scratch index: %w", err)
	}
	defer os.RemoveAll(dir)
	ix, err := index.Open(dir, index.Options{}, nil)
	if err != nil {
		return err
	}
	defer ix.Close()
	if err := ix.Put(ctx, docs); err != nil {
		return err
	}
	pos := make(map[string]int, len(docs))
	for i, d := range docs {
		pos[d.ID] = offset + i
	}
	for _, t := range topics {
		r, err := Compile(t.Query)
		if err != nil {
			continue // refused at creation; a later index version may refuse more
		}
		r.Size = len(docs)
		res, err := ix.Search(ctx, r)
		if err != nil {
			return fmt.Errorf("topic %s: %w", t.ID, err)
		}
		for _, h := range res.Hits {
			if i, ok := pos[h.ID]; ok {
				out[t.ID] = append(out[t.ID], i)
			}
		}
	}
	return nil
}
