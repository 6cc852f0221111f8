package pipelines

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
)

// Origins of a source.
const (
	OriginConfig  = "config"  // listed in the configuration file
	OriginRuntime = "runtime" // added at run time, kept in the "sources" bucket
)

// Registry is the list of sources: those of the configuration file, fixed
// for the life of the process, and those added at run time, kept in the KV
// bucket "sources" so that every process sees them and they survive
// restarts. Feed health comes from the "feeds" bucket. It is safe for
// concurrent use.
type Registry struct {
	kv       jetstream.KeyValue
	feeds    *JSONStore
	config   []config.Source
	interval time.Duration
}

// Source is one entry of a Registry: a source and where it came from.
type Source struct {
	config.Source
	Origin string // OriginConfig or OriginRuntime
}

// sourceRecord is the JSON kept in the "sources" bucket.
type sourceRecord struct {
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Kind     string    `json:"kind,omitempty"`
	URL      string    `json:"url"`
	Interval string    `json:"interval,omitempty"`
	Added    time.Time `json:"added"`
}

// Registry returns the registry of the configuration file's sources and the
// run-time ones; defaultInterval is the poll interval of sources that set
// none (shown by List). It returns an error when a bucket does not exist.
func (b *Bus) Registry(ctx context.Context, fileSources []config.Source, defaultInterval time.Duration) (*Registry, error) {
	kv, err := b.KV(ctx, BucketSources)
	if err != nil {
		return nil, err
	}
	feeds, err := b.FeedStates(ctx)
	if err != nil {
		return nil, err
	}
	return &Registry{kv: kv, feeds: feeds, config: slices.Clone(fileSources), interval: defaultInterval}, nil
}

// Sources returns every source: the configuration file's in file order,
// then the run-time ones by name. A run-time source whose name a file
// source has taken since it was added is left out.
func (r *Registry) Sources(ctx context.Context) ([]Source, error) {
	out := make([]Source, 0, len(r.config))
	taken := map[string]bool{}
	for _, s := range r.config {
		out = append(out, Source{Source: s, Origin: OriginConfig})
		taken[s.Name] = true
	}
	runtime, err := r.runtime(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range runtime {
		if !taken[s.Name] {
			out = append(out, Source{Source: s, Origin: OriginRuntime})
		}
	}
	return out, nil
}

// runtime reads the run-time sources, sorted by name, in one pass over
// the bucket (a watch delivers every current value, then a nil marker).
func (r *Registry) runtime(ctx context.Context) ([]config.Source, error) {
	w, err := r.kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	defer w.Stop()
	var out []config.Source
	for {
		var e jetstream.KeyValueEntry
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("sources: %w", ctx.Err())
		case e = <-w.Updates():
		}
		if e == nil {
			break // all current values delivered
		}
		var rec sourceRecord
		if err := json.Unmarshal(e.Value(), &rec); err != nil {
			return nil, fmt.Errorf("sources %s: %w", e.Key(), err)
		}
		s := config.Source{Name: rec.Name, Type: rec.Type, Kind: rec.Kind, URL: rec.URL}
		if d, err := time.ParseDuration(rec.Interval); err == nil {
			s.Interval = config.Duration(d)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b config.Source) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// List returns every source with its health: last poll and success, last
// error, consecutive failures, items seen, next poll. It returns the
// bucket's error when the list cannot be read.
func (r *Registry) List(ctx context.Context) ([]newsintel.SourceStatus, error) {
	sources, err := r.Sources(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]newsintel.SourceStatus, 0, len(sources))
	for _, s := range sources {
		var st newsintel.SourceStatus
		if _, err := r.feeds.Load(ctx, s.URL, &st); err != nil {
			return nil, err
		}
		interval := s.Interval.D()
		if interval == 0 {
			interval = r.interval
		}
		st.Name, st.Type, st.Kind, st.URL, st.Origin = s.Name, s.Type, kindOrArticle(s.Kind), s.URL, s.Origin
		if s.Type == "feed" || s.Interval > 0 || st.Interval == "" {
			st.Interval = interval.String() // other types default to their own setting, which their status names
		}
		out = append(out, st)
	}
	return out, nil
}

// Add adds a run-time source. It returns an EINVALID *newsintel.Error
// naming the bad field when s would not pass as a configuration-file
// source, and an ECONFLICT one when a source of that name exists.
func (r *Registry) Add(ctx context.Context, s config.Source) error {
	s.Name, s.Type, s.Kind, s.URL = strings.TrimSpace(s.Name), strings.TrimSpace(s.Type), strings.TrimSpace(s.Kind), strings.TrimSpace(s.URL)
	if s.Type == "" {
		s.Type = "feed"
	}
	if err := config.ValidateSource(s); err != nil {
		return err
	}
	if r.fromConfig(s.Name) {
		return newsintel.Errorf(newsintel.ECONFLICT, "source %q exists (in the configuration file)", s.Name)
	}
	rec := sourceRecord{Name: s.Name, Type: s.Type, Kind: s.Kind, URL: s.URL, Added: time.Now().UTC()}
	if s.Interval > 0 {
		rec.Interval = s.Interval.String()
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	if _, err := r.kv.Create(ctx, s.Name, data); err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) {
			return newsintel.Errorf(newsintel.ECONFLICT, "source %q exists", s.Name)
		}
		return fmt.Errorf("sources add %s: %w", s.Name, err)
	}
	return nil
}

// Remove removes the run-time source name. It returns an EINVALID
// *newsintel.Error for a source of the configuration file (edit the file
// instead) and an ENOTFOUND one when there is no such source.
func (r *Registry) Remove(ctx context.Context, name string) error {
	if r.fromConfig(name) {
		return newsintel.Errorf(newsintel.EINVALID, "source %q is in the configuration file and cannot be removed at run time; edit the file instead", name)
	}
	if !newsintel.ValidID(name) {
		return newsintel.Errorf(newsintel.ENOTFOUND, "no source %q", name)
	}
	if _, err := r.kv.Get(ctx, name); err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return newsintel.Errorf(newsintel.ENOTFOUND, "no source %q", name)
		}
		return fmt.Errorf("sources get %s: %w", name, err)
	}
	if err := r.kv.Delete(ctx, name); err != nil {
		return fmt.Errorf("sources remove %s: %w", name, err)
	}
	return nil
}

// Watch returns a channel that receives a value whenever the run-time
// sources change, until ctx is done. It returns the bucket's error.
func (r *Registry) Watch(ctx context.Context) (<-chan struct{}, error) {
	w, err := r.kv.WatchAll(ctx, jetstream.UpdatesOnly(), jetstream.MetaOnly())
	if err != nil {
		return nil, fmt.Errorf("sources watch: %w", err)
	}
	out := make(chan struct{}, 1)
	go func() {
		defer w.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case _, ok := <-w.Updates():
				if !ok {
					return
				}
				select {
				case out <- struct{}{}:
				default: // a change is already pending
				}
			}
		}
	}()
	return out, nil
}

func (r *Registry) fromConfig(name string) bool {
	return slices.ContainsFunc(r.config, func(s config.Source) bool { return s.Name == name })
}

func kindOrArticle(k string) newsintel.Kind {
	if newsintel.Kind(k).Valid() {
		return newsintel.Kind(k)
	}
	return newsintel.KindArticle
}
