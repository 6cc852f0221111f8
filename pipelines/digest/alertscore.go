package digest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsintel/newsintel"
)

// DefaultAlertIndexWait is the default Alerter.IndexWait: how long one
// call of SinkScored waits for the documents it must score to reach the
// main index (the index stage reads DOCS beside the alerter, usually a
// second behind). It is one wait for the whole batch, well within the
// consumer's ack wait; a document still missing after it is retried by
// redelivery (scoredAlertBackoff).
const DefaultAlertIndexWait = 3 * time.Second

// alertIndexPoll is how often scoring looks for the documents meanwhile.
const alertIndexPoll = 100 * time.Millisecond

// scoredAlertBackoff is the delay before each redelivery of a
// document SinkScored could not score yet because the main index does
// not hold it: from 2 s (an index a batch behind) to 5 min (an index
// catching up after a burst or a restart).
var scoredAlertBackoff = []time.Duration{2 * time.Second, 10 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute}

// DefaultScoredAlertMaxDeliver is how many deliveries a document gets on
// the scored alert consumer before it is dead-lettered (on
// dead.alerts-scored, with the reason): with scoredAlertBackoff
// the index has about 14 minutes to take it. pipelines.Bus.Redrive
// of ScoredAlertConsumer tries such documents again.
const DefaultScoredAlertMaxDeliver = 8

// scored reports whether a topic's min_score applies to its alerts: it
// has one and a query string (without one every document scores alike,
// and digests ignore min_score too).
func scored(t newsintel.Topic) bool {
	return t.Options.MinScore > 0 && strings.TrimSpace(t.Query.Q) != ""
}

// SinkScored is Sink for the alert topics with a min_score: a matching
// document alerts such a topic only when it scores at least the
// min_score in the main index, the score a digest compares with (the
// topic's query and filters within a window holding the document's fetch
// time alone), not one from the scratch batch index, whose term
// statistics are those of a hundred documents. It waits for the
// documents to score to be indexed, at most IndexWait in all,
// delivers the alerts of those that are, and returns an error naming
// the others: the runner then redelivers only them, later, and the
// alerts already sent are not sent again (the Sender keeps one delivery
// per period).
func (a *Alerter) SinkScored(ctx context.Context, docs []newsintel.Document) error {
	topics, matched, err := a.match(ctx, docs, true)
	if err != nil || len(matched) == 0 {
		return err
	}
	if a.Index == nil {
		return fmt.Errorf("alerts: %d topics have a min_score but the alerter has no index to score in", len(topics))
	}
	missing, err := a.awaitIndexed(ctx, matched)
	if err != nil {
		return err
	}
	var errs []error
	for _, t := range topics {
		kept, err := a.keepScored(ctx, t, matched[t.ID], missing)
		if err != nil {
			return err
		}
		if len(kept) > 0 {
			errs = append(errs, a.deliver(ctx, t, kept))
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("alerts: %s not in the index after %v; scoring later", idList(missing), a.indexWait()))
	}
	return errors.Join(errs...)
}

// keepScored returns the docs, less those missing from the index, whose
// score for t's query in the main index is at least t's min_score.
func (a *Alerter) keepScored(ctx context.Context, t newsintel.Topic, docs []*newsintel.Document, missing map[string]bool) ([]*newsintel.Document, error) {
	var kept []*newsintel.Document
	for _, d := range docs {
		if missing[d.ID] {
			continue
		}
		score, found, err := a.score(ctx, t, d)
		if err != nil {
			return nil, err
		}
		if found && score >= t.Options.MinScore {
			kept = append(kept, d)
		} else {
			a.log().Debug("alerts: below the topic's min_score", slog.String(attrTopic, t.ID), slog.String(attrDocID, d.ID))
		}
	}
	return kept, nil
}

// score returns d's score for t in the main index, which holds d (this
// revision or a later one); found is false when d does not match there.
func (a *Alerter) score(ctx context.Context, t newsintel.Topic, d *newsintel.Document) (float64, bool, error) {
	r, err := Compile(t.Query)
	if err != nil {
		return 0, false, nil // refused at creation; matched nothing
	}
	r = windowed(r, d.Fetched, d.Fetched.Add(time.Nanosecond))
	r.Size = alertBatch
	res, err := a.Index.Search(ctx, r)
	if err != nil {
		return 0, false, fmt.Errorf("alerts: scoring topic %s: %w", t.ID, err)
	}
	for _, h := range res.Hits {
		if h.ID == d.ID {
			return h.Score, true, nil
		}
	}
	return 0, false, nil
}

// awaitIndexed waits, at most IndexWait in all, until the main index
// holds every document of matched at its revision or a later one, and
// returns the IDs of those it still does not hold. Documents it has
// waited for in vain before are only looked up: the runner retries a
// failed batch one document at a time at once, and redelivers after a
// back-off, which is wait enough.
func (a *Alerter) awaitIndexed(ctx context.Context, matched map[string][]*newsintel.Document) (map[string]bool, error) {
	waiting := map[string]*newsintel.Document{}
	for _, docs := range matched {
		for _, d := range docs {
			waiting[d.ID] = d
		}
	}
	deadline := time.Now().Add(a.indexWait())
	for {
		for id, d := range waiting {
			got, err := a.Index.Get(ctx, id)
			switch {
			case err == nil && got.Revision >= d.Revision:
				delete(waiting, id)
			case err != nil && newsintel.ErrorCode(err) != newsintel.ENOTFOUND:
				return nil, fmt.Errorf("alerts: %w", err)
			}
		}
		if len(waiting) == 0 || time.Now().After(deadline) || a.waited.all(waiting) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(alertIndexPoll):
		}
	}
	a.waited.note(waiting)
	missing := make(map[string]bool, len(waiting))
	for id := range waiting {
		missing[id] = true
	}
	return missing, nil
}

// waitedWindow is how long a document waited for in vain is only looked
// up afterwards: longer than its deliveries last on the scored consumer
// (scoredAlertBackoff, about 14 minutes).
const waitedWindow = 20 * time.Minute

// waitedMax bounds the documents waitedFor remembers before it forgets
// those past waitedWindow.
const waitedMax = 1024

// waitedFor remembers when each document revision was waited for in vain.
// The zero value is ready; it is safe for concurrent use.
type waitedFor struct {
	mu sync.Mutex
	at map[string]time.Time // "<id>@<revision>" → when
}

func waitedKey(d *newsintel.Document) string { return d.ID + "@" + strconv.Itoa(d.Revision) }

// all reports whether every document of docs was waited for in vain
// within waitedWindow.
func (w *waitedFor) all(docs map[string]*newsintel.Document) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, d := range docs {
		if at, ok := w.at[waitedKey(d)]; !ok || time.Since(at) > waitedWindow {
			return false
		}
	}
	return true
}

// note records that docs were waited for in vain now (those already
// noted keep their first time).
func (w *waitedFor) note(docs map[string]*newsintel.Document) {
	if len(docs) == 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.at == nil {
		w.at = map[string]time.Time{}
	}
	if len(w.at) > waitedMax {
		for k, at := range w.at {
			if time.Since(at) > waitedWindow {
				delete(w.at, k)
			}
		}
	}
	now := time.Now()
	for _, d := range docs {
		if at, ok := w.at[waitedKey(d)]; !ok || now.Sub(at) > waitedWindow {
			w.at[waitedKey(d)] = now
		}
	}
}

// idList names the documents of ids, at most five, for an error.
func idList(ids map[string]bool) string {
	var names []string
	for id := range ids {
		names = append(names, id)
	}
	slices.Sort(names)
	if len(names) > 5 {
		return fmt.Sprintf("%s and %d more documents are", strings.Join(names[:5], ", "), len(names)-5)
	}
	if len(names) == 1 {
		return "document " + names[0] + " is"
	}
	return "documents " + strings.Join(names, ", ") + " are"
}

func (a *Alerter) indexWait() time.Duration { return cmp.Or(a.IndexWait, DefaultAlertIndexWait) }
