package deliver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// bigDigest returns a digest of 25 stories, 25 claims and 10 spikes, the
// size of a busy topic's day.
func bigDigest(f *fixture) *newsintel.Digest {
	dg := testDigest(f)
	docs, claims := dg.Documents, dg.Claims
	dg.Documents, dg.Claims = nil, nil
	for i := range 25 {
		e := docs[0]
		e.ID, e.Title = fmt.Sprint("a", i), fmt.Sprintf("%s (%d)", e.Title, i)
		dg.Documents = append(dg.Documents, e)
		dg.Claims = append(dg.Claims, claims[i%2])
	}
	for range 10 {
		dg.Spikes = append(dg.Spikes, dg.Spikes[0])
	}
	return dg
}

// BenchmarkDeliverWebhook measures one delivery through the ledger (five
// KV writes around the POST) against the same signed POST alone, so the
// ratio is the cost of "once and not lost".
func BenchmarkDeliverWebhook(b *testing.B) {
	f := newFixture(b)
	h := startHook(b, nil)
	d := f.deliverer(b, deliver.Options{AllowPrivate: true})
	sub := f.subscribe(b, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	dg := bigDigest(f)
	b.Run("ledger", func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			got, err := d.Deliver(b.Context(), f.topic, sub, dg, fmt.Sprint("bench-", i))
			if err != nil || got.State != newsintel.DeliverySent {
				b.Fatalf("Deliver: %s %v", got.State, err)
			}
		}
	})
	b.Run("raw-post", func(b *testing.B) {
		b.ReportAllocs()
		for i := range b.N {
			body, err := json.Marshal(deliver.Payload{Type: deliver.TypeDigest, DeliveryID: fmt.Sprint(i), Digest: dg})
			if err != nil {
				b.Fatal(err)
			}
			req, _ := http.NewRequestWithContext(b.Context(), http.MethodPost, h.URL, bytes.NewReader(body))
			req.Header.Set(deliver.HeaderSignature, deliver.Sign(hookSecret, f.clock.Now(), body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
		}
	})
}

// BenchmarkDeliverEmail measures rendering a 25-story digest as HTML and
// text, building the MIME message and submitting it over STARTTLS with
// AUTH to the in-process server.
func BenchmarkDeliverEmail(b *testing.B) {
	f := newFixture(b)
	ms := startMailServer(b, nil)
	d := f.deliverer(b, deliver.Options{SMTP: smtpOptions(b, ms.Addr, ms.Pool)})
	sub := f.subscribe(b, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	dg := bigDigest(f)
	b.ReportAllocs()
	for i := range b.N {
		got, err := d.Deliver(b.Context(), f.topic, sub, dg, fmt.Sprint("bench-", i))
		if err != nil || got.State != newsintel.DeliverySent {
			b.Fatalf("Deliver: %s %v %+v", got.State, err, got.Attempts)
		}
	}
}

// BenchmarkWriteText measures printing a 25-story digest as plain text,
// as the e-mail's text part and `digest run --dry-run` do.
func BenchmarkWriteText(b *testing.B) {
	f := newFixture(b)
	dg := bigDigest(f)
	b.ReportAllocs()
	for b.Loop() {
		if err := deliver.WriteText(io.Discard, f.topic, dg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeliveriesList measures one page of GET
// /api/v1/topics/{id}/deliveries (Deliverer.Deliveries) on a topic with
// DELIVERIES_BENCH_N (10 000 by default) ledger entries: the first page,
// and a page deep in the list.
func BenchmarkDeliveriesList(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("DELIVERIES_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	f := newFixture(b)
	h := startHook(b, nil)
	d := f.deliverer(b, deliver.Options{AllowPrivate: true, Concurrency: 8})
	sub := f.subscribe(b, newsintel.Subscription{Channel: newsintel.ChannelWebhook, URL: h.URL, Secret: hookSecret})
	dg := testDigest(f)
	var g errgroup.Group
	g.SetLimit(8)
	for i := range n {
		g.Go(func() error {
			_, err := d.Deliver(b.Context(), f.topic, sub, dg, fmt.Sprint("alert:bench-", i))
			return err
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	for _, from := range []int{0, n / 2} {
		b.Run(fmt.Sprint("from-", from), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				page, total, err := d.Deliveries(b.Context(), f.topic.ID, from, 20)
				if err != nil || total != n || len(page) != 20 {
					b.Fatalf("Deliveries(from %d) = %d entries of %d, %v; want 20 of %d", from, len(page), total, err, n)
				}
			}
		})
	}
}
