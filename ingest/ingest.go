package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/feed"
	"github.com/newsintel/newsintel/ingest/fetch"
	"github.com/newsintel/newsintel/urlcanon"
	"golang.org/x/sync/errgroup"
)

// Publisher takes raw documents into the pipeline (pipelines.Bus does).
type Publisher interface {
	PublishRaw(ctx context.Context, raw newsintel.Raw) error
}

// Resolver serves a page for a URL without the network, when it can: the
// offline demo corpus resolves its feeds' item links this way.
type Resolver func(url string) (data []byte, contentType string, ok bool)

// ErrUnsupported is returned for content ingest recognises but cannot take.
var ErrUnsupported = errors.New("ingest: unsupported content")

// Ingester fetches or reads documents and publishes them. Its fields are
// set before first use; it is then safe for concurrent use.
type Ingester struct {
	Client    *fetch.Client
	Pub       Publisher
	Log       *slog.Logger
	Source    string         // source name recorded on every document
	Kind      newsintel.Kind // kind of documents; article when empty
	Publisher string         // publisher name to record, when known
	Resolve   Resolver       // optional offline pages
	Parallel  int            // item pages fetched at once; default 8
}

// Stats counts what one ingest call did.
type Stats struct {
	Published int
	Failed    int
	Errors    []error // one per failed document, each naming it
	mu        sync.Mutex
}

func (s *Stats) ok() { s.mu.Lock(); s.Published++; s.mu.Unlock() }
func (s *Stats) fail(err error) {
	s.mu.Lock()
	s.Failed++
	s.Errors = append(s.Errors, err)
	s.mu.Unlock()
}

// Merge adds o's counts to s.
func (s *Stats) Merge(o *Stats) {
	s.Published += o.Published
	s.Failed += o.Failed
	s.Errors = append(s.Errors, o.Errors...)
}

// URL fetches u and publishes it: a feed's items (each item's page fetched
// for full text), or the page itself. Failures of single items are counted
// in Stats and do not stop the others; the error is for u itself.
func (in *Ingester) URL(ctx context.Context, u string) (*Stats, error) {
	data, ct, finalURL, err := in.get(ctx, u)
	if err != nil {
		return &Stats{}, err
	}
	return in.Bytes(ctx, data, finalURL, ct)
}

// Path publishes a local file, or every file below a directory (hidden
// files and directories skipped).
func (in *Ingester) Path(ctx context.Context, path string) (*Stats, error) {
	info, err := os.Stat(path)
	if err != nil {
		return &Stats{}, fmt.Errorf("ingest: %w", err)
	}
	if !info.IsDir() {
		return in.file(ctx, path)
	}
	total := &Stats{}
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			total.fail(fmt.Errorf("ingest %s: %w", p, err))
			return nil
		}
		if d.Name() != "." && len(d.Name()) > 1 && d.Name()[0] == '.' {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return ctx.Err()
		}
		st, err := in.file(ctx, p)
		if err != nil {
			total.fail(err)
		}
		total.Merge(st)
		return ctx.Err()
	})
	return total, err
}

func (in *Ingester) file(ctx context.Context, path string) (*Stats, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return &Stats{}, fmt.Errorf("ingest: %w", err)
	}
	abs, _ := filepath.Abs(path)
	return in.Bytes(ctx, data, "file://"+filepath.ToSlash(abs), "")
}

// Bytes publishes data that came from location (an http(s) URL or a
// file:// URL): a feed's items, or one document.
func (in *Ingester) Bytes(ctx context.Context, data []byte, location, contentType string) (*Stats, error) {
	st := &Stats{}
	switch f := Detect(data, location, contentType); f {
	case FormatFeed:
		parsed, err := feed.Parse(data, httpOnly(location))
		if err != nil {
			return st, fmt.Errorf("ingest %s: %w", location, err)
		}
		return in.items(ctx, parsed), nil
	case FormatHTML, FormatText:
		raw, err := in.raw(location, data, contentTypeOf(f, contentType), nil)
		if err != nil {
			return st, err
		}
		if err := in.Pub.PublishRaw(ctx, raw); err != nil {
			return st, fmt.Errorf("ingest %s: %w", location, err)
		}
		st.ok()
		return st, nil
	case FormatPDF, FormatEDGAR, FormatFedReg:
		return in.document(ctx, f, data, location) // documents.go
	default:
		return st, fmt.Errorf("%w: %s is %s, not a feed, HTML page, text, PDF, EDGAR filing or Federal Register JSON", ErrUnsupported, location, f)
	}
}

// items fetches each item's page and publishes it with the feed's metadata.
func (in *Ingester) items(ctx context.Context, f *feed.Feed) *Stats {
	st := &Stats{}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(in.parallel())
	for i := range f.Items {
		item := f.Items[i]
		g.Go(func() error {
			if err := in.item(gctx, &item); err != nil {
				in.log().Warn("feed item not ingested", "feed", item.Feed, "link", item.Link, "error", err)
				st.fail(err)
				return nil
			}
			st.ok()
			return nil
		})
	}
	g.Wait()
	return st
}

func (in *Ingester) item(ctx context.Context, item *newsintel.FeedItem) error {
	raw, err := in.ItemRaw(ctx, item)
	if err != nil {
		return err
	}
	return in.Pub.PublishRaw(ctx, raw)
}

// ItemRaw fetches a feed item's page for its full text and returns the
// message to publish, carrying the feed's metadata; when the page cannot be
// had it falls back to the feed's own text for the item. It publishes
// nothing. It returns the fetch error when there is neither page nor text.
func (in *Ingester) ItemRaw(ctx context.Context, item *newsintel.FeedItem) (newsintel.Raw, error) {
	if item.Link == "" {
		return in.itemFromFeed(item, "item has no link")
	}
	data, ct, finalURL, err := in.get(ctx, item.Link)
	if err != nil {
		if ctx.Err() == nil && (item.Content != "" || item.Summary != "") {
			in.log().Warn("item page not fetched; using the feed's text", "link", item.Link, "error", err)
			return in.itemFromFeed(item, err.Error())
		}
		return newsintel.Raw{}, err
	}
	raw, err := in.raw(item.Link, data, ct, item)
	if err != nil {
		return raw, err
	}
	raw.FinalURL = finalURL
	return raw, nil
}

// itemFromFeed builds the message for an item whose page could not be had,
// with the feed's own content as its body.
func (in *Ingester) itemFromFeed(item *newsintel.FeedItem, why string) (newsintel.Raw, error) {
	body := item.Content
	if body == "" {
		body = item.Summary
	}
	if body == "" {
		return newsintel.Raw{}, fmt.Errorf("ingest item %q: %s and the feed has no text for it", item.Title, why)
	}
	if item.Link != "" {
		return in.raw(item.Link, []byte(body), "text/html", item)
	}
	// Without a link the item's identity in its feed names it; the
	// canonical form of the URL would drop the fragment that holds it.
	loc := item.Feed + "#" + feed.ItemKey(*item)
	raw, err := in.raw(loc, []byte(body), "text/html", item)
	raw.ID = newsintel.ArticleID(loc)
	return raw, err
}

// raw builds the message for one document found at location.
func (in *Ingester) raw(location string, data []byte, contentType string, item *newsintel.FeedItem) (newsintel.Raw, error) {
	kind := in.Kind
	if kind == "" {
		kind = newsintel.KindArticle
	}
	id := newsintel.ArticleID(location)
	if c, err := urlcanon.Canonical(location); err == nil {
		id = newsintel.ArticleID(c)
	}
	if len(data) == 0 {
		return newsintel.Raw{}, fmt.Errorf("ingest %s: empty body", location)
	}
	return newsintel.Raw{
		ID: id, Kind: kind, Source: in.sourceName(), URL: location, FinalURL: location, Status: 200,
		ContentType: contentType, Fetched: time.Now().UTC(), Body: data, Item: item, Publisher: in.Publisher,
	}, nil
}

// get returns the bytes at u: from the resolver when it has them, else
// through the guarded fetcher.
func (in *Ingester) get(ctx context.Context, u string) (data []byte, contentType, finalURL string, err error) {
	if in.Resolve != nil {
		if data, ct, ok := in.Resolve(u); ok {
			return data, ct, u, nil
		}
	}
	if in.Client == nil {
		return nil, "", "", fmt.Errorf("ingest %s: not available offline", u)
	}
	resp, err := in.Client.Get(ctx, fetch.Request{URL: u, Accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,*/*;q=0.5"})
	if err != nil {
		return nil, "", "", err
	}
	return resp.Body, resp.ContentType, resp.FinalURL, nil
}

func (in *Ingester) parallel() int {
	if in.Parallel > 0 {
		return in.Parallel
	}
	return 8
}

func (in *Ingester) sourceName() string {
	if in.Source != "" {
		return in.Source
	}
	return "manual"
}

func (in *Ingester) log() *slog.Logger {
	if in.Log != nil {
		return in.Log
	}
	return slog.New(slog.DiscardHandler)
}

func contentTypeOf(f Format, given string) string {
	switch {
	case given != "":
		return given
	case f == FormatText:
		return "text/plain"
	}
	return "text/html"
}

func httpOnly(location string) string {
	if len(location) > 4 && location[:4] == "http" {
		return location
	}
	return ""
}
