package digest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// alertIndexWait bounds how long scoring waits for a new document to reach
// the main index (the index stage reads DOCS beside the alerter); past it
// the batch fails and comes back later.
const alertIndexWait = 20 * time.Second

// alertIndexPoll is how often scoring looks for the document meanwhile.
const alertIndexPoll = 100 * time.Millisecond

// scored reports whether a topic's min_score applies to its alerts: it
// has one and a query string (without one every document scores alike,
// and digests ignore min_score too).
func scored(t newsintel.Topic) bool {
	return t.Options.MinScore > 0 && strings.TrimSpace(t.Query.Q) != ""
}

// keepScored returns the docs whose score for t's query in the main index
// is at least t's min_score: the score a digest compares with (the
// topic's query and filters within a window holding the document's fetch
// time alone), not one from the scratch batch index, whose term
// statistics are those of a hundred documents. It waits for each
// document to be indexed, at most alertIndexWait.
func (a *Alerter) keepScored(ctx context.Context, t newsintel.Topic, docs []*newsintel.Document) ([]*newsintel.Document, error) {
	if !scored(t) {
		return docs, nil
	}
	if a.Index == nil {
		return nil, fmt.Errorf("alerts: topic %s has a min_score but the alerter has no index to score in", t.ID)
	}
	var kept []*newsintel.Document
	for _, d := range docs {
		score, found, err := a.score(ctx, t, d)
		if err != nil {
			return nil, err
		}
		if found && score >= t.Options.MinScore {
			kept = append(kept, d)
		}
	}
	return kept, nil
}

// score returns d's score for t in the main index once it holds d (this
// revision or a later one); found is false when d does not match there.
func (a *Alerter) score(ctx context.Context, t newsintel.Topic, d *newsintel.Document) (float64, bool, error) {
	if err := a.awaitIndexed(ctx, d); err != nil {
		return 0, false, err
	}
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

// awaitIndexed waits until the main index holds d at its revision or a
// later one.
func (a *Alerter) awaitIndexed(ctx context.Context, d *newsintel.Document) error {
	deadline := time.Now().Add(alertIndexWait)
	for {
		got, err := a.Index.Get(ctx, d.ID)
		switch {
		case err == nil && got.Revision >= d.Revision:
			return nil
		case err != nil && newsintel.ErrorCode(err) != newsintel.ENOTFOUND:
			return fmt.Errorf("alerts: %w", err)
		case time.Now().After(deadline):
			return fmt.Errorf("alerts: %s is not in the index after %v; scoring it later", d.ID, alertIndexWait)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(alertIndexPoll):
		}
	}
}
