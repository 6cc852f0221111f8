// Package story groups sourcing claims that assert the same thing across
// outlets and days into stories, and links later evidence to a story that
// rests on anonymous sources: on-record statements, filings and government
// notices that confirm it, denials, and related documents.
//
// # Computed at query time
//
// Stories are computed when asked for, from the claim and document index
// (index.Index.SearchClaims, Search and Get), not kept as state of their
// own. Reasons:
//
//   - Every index replica builds itself by replaying DOCS; a story store
//     maintained incrementally would be a second state to replay, keep
//     consistent across replicas and migrate when the rules change. Computed
//     from the index, a story is the same on every replica holding the same
//     documents, and a better rule applies to the whole history at once.
//   - Documents arrive out of order (backfills, late feeds, revisions that
//     drop a claim): an incremental grouping would have to split and merge
//     stories after the fact; a computation over the claims in time order
//     is deterministic for a given set of claims.
//   - The work is bounded instead: a request reads at most
//     Options.MaxClaims claims (newest first; when far more match, a day
//     histogram narrows the search to the newest days that hold them) and
//     says Truncated when more matched, compares each claim only with the
//     stories still open in Options.Window (with a story's first claim and
//     its newest 64), and looks for evidence in at most
//     Options.MaxEvidenceDocs documents per story.
//   - Asked again while the index has not changed, a Finder answers from
//     the answers it kept (up to Options.CacheBytes), keyed by the request
//     and the index's generation (index.Index.Generation, which every
//     write moves), so a kept answer is never older than the index; it
//     also keeps each claim's content words by text, for the requests
//     after a write.
//
// # Stable IDs
//
// A story's ID names its first claim: the document ID, a dot, and eight hex
// digits of the hash of the claim's normalised text
// ("f807555b21e805a12700677dad659106.1a2b3c4d"). It does not depend on
// which other documents have arrived, nor on the claim's position in the
// document. Get finds the seed claim again (among the document's claims,
// else in its revision history when a later revision dropped or edited
// it), gathers the claims around it (its entities, Window either side) and
// returns the story that holds it; when an earlier report arrived later
// the story is returned under the earlier claim's ID, and the asked ID
// still resolves to it.
//
// # Grouping
//
// Claims are taken oldest first: those the request matches, an entity's
// units with it (asked for Alibaba, claims naming only Alibaba Cloud), and
// the other claims of their documents. A claim joins the open story it is
// most similar to when it shares an entity with the story (places only
// when it names nothing else) and at least two stemmed content words with
// one of the story's claims, the TF-IDF cosine reaching joinThreshold
// (entity names left out; the verbs outlets swap, such as probe and review,
// made one); claims of near-duplicate documents (the same
// Document.Cluster) need less overlap and no shared entity, and claims of
// one document resting on the same group of anonymous sources (Claim.Group)
// belong together. Claims that only say someone declined to comment or did
// not answer assert nothing and join no story. Each document is one report
// of a story; its attribution is that of its claim closest to the story:
// on_record, own_sources (its own anonymous sources), via (relaying
// another outlet: Source.Via, "Reuters reported", "according to a Reuters
// report", or "after reports that"), or unattributed ("reportedly").
//
// # Evidence
//
// A story whose first report rests on anonymous sources (or none) gets
// links: the on-record claims among its own, and the documents the index
// finds for its main entities and words in EvidenceWindow after the first
// report (their on-record claims, and their sentences). A denial is a
// sentence or claim naming a story entity with a denial cue ("called the
// report false", "denied that"; not "declined to comment" or "did not
// deny"); a confirmation states the story's main word about its main
// entity, on the record, without hedge, negation or "may"; what shares
// less is related. Links do not depend on the filters that found the
// story, and each says why.
//
// A Finder is safe for concurrent use.
package story

import (
	"context"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/index"
)

// Index is what the story finder needs of the index; *index.Index has it.
type Index interface {
	SearchClaims(ctx context.Context, r index.ClaimRequest) (*index.ClaimResult, error)
	Search(ctx context.Context, r index.Request) (*index.Result, error)
	Get(ctx context.Context, id string) (*newsintel.Document, error)
}

// Defaults for zero Options fields.
const (
	DefaultWindow          = 30 * 24 * time.Hour
	DefaultEvidenceWindow  = 400 * 24 * time.Hour // a year's annual report and then some
	DefaultMaxClaims       = 2000
	DefaultMaxEvidenceDocs = 20
	DefaultSize            = 10
	MaxSize                = 100
)

// Options bound and tune a Finder. Zero fields take the defaults.
type Options struct {
	Window          time.Duration // a report joins a story within this of its first report
	EvidenceWindow  time.Duration // evidence is looked for this long after the first report
	MaxClaims       int           // claims read per request
	MaxEvidenceDocs int           // documents examined for evidence per story
	// CacheBytes bounds the answers kept for asking again while the index
	// has not changed (see Finder); 0 means DefaultCacheBytes, a negative
	// number keeps none, nor the content words of the claims read (those
	// of 2 to 4 times MaxClaims claims are kept: about 5 MB at the
	// defaults).
	CacheBytes int
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = DefaultWindow
	}
	if o.EvidenceWindow <= 0 {
		o.EvidenceWindow = DefaultEvidenceWindow
	}
	if o.MaxClaims <= 0 {
		o.MaxClaims = DefaultMaxClaims
	}
	if o.MaxEvidenceDocs <= 0 {
		o.MaxEvidenceDocs = DefaultMaxEvidenceDocs
	}
	if o.CacheBytes == 0 {
		o.CacheBytes = DefaultCacheBytes
	}
	return o
}

// Finder finds stories in an index. It is safe for concurrent use.
//
// When the index tells its generation (*index.Index does: it changes with
// every write), a Finder keeps its answers, up to Options.CacheBytes, and
// answers the same request again from them until the index changes: a
// kept answer is never older than the index. Keep one Finder per index to
// profit from it.
type Finder struct {
	ix    Index
	opts  Options
	cache *resultCache // nil: none
	terms *termCache   // content words of the claims read, by text
}

// New returns a Finder over ix.
func New(ix Index, o Options) *Finder {
	f := &Finder{ix: ix, opts: o.withDefaults()}
	if f.opts.CacheBytes > 0 {
		f.cache, f.terms = newResultCache(f.opts.CacheBytes), newTermCache(2*f.opts.MaxClaims)
	}
	return f
}

// Request asks for the stories holding a claim that matches its filters.
type Request struct {
	Entity     []string  // entity IDs or names a claim must mention (any of them, or their units)
	Since      time.Time // claims published on or after
	Until      time.Time // claims published on or before
	Query      string    // words a claim must have (in its text or source description)
	Size       int       // stories to return, 1 to MaxSize; 0 means DefaultSize
	MinReports int       // documents a story needs to be listed; 0 means 2
}

// List is the answer to a Request.
type List struct {
	Total         int     `json:"total"`          // stories found with at least MinReports reports
	ClaimsMatched uint64  `json:"claims_matched"` // claims the filters matched
	ClaimsRead    int     `json:"claims_read"`    // claims grouped: at most Options.MaxClaims, the newest
	Truncated     bool    `json:"truncated"`      // more claims matched than were read
	TookMS        float64 `json:"took_ms"`
	Stories       []Story `json:"stories"`
}

// The attributions of a report.
const (
	OnRecord     = "on_record"    // a named person, organisation or document
	OwnSources   = "own_sources"  // the outlet's own anonymous sources
	Via          = "via"          // relayed from another outlet
	Unattributed = "unattributed" // hedged ("reportedly") or without a source
)

// Story is a group of claims asserting the same thing, by document.
type Story struct {
	ID       string      `json:"id"`
	Headline string      `json:"headline"` // the claim the story is named for, without its dateline
	Entities []EntityRef `json:"entities"` // most reported first
	Terms    []string    `json:"terms"`    // its most distinctive stemmed words
	Start    time.Time   `json:"start"`    // first report
	End      time.Time   `json:"end"`      // last report
	First    Report      `json:"first_report"`
	Reports  []Report    `json:"reports"` // every report, first included, oldest first
	Counts   Counts      `json:"counts"`
	// Anonymous says the first report rests on anonymous sources (or on
	// none: "reportedly"); only such stories get Links.
	Anonymous bool   `json:"anonymous"`
	Links     []Link `json:"links"`
	// EvidenceTruncated says more documents could hold evidence than were
	// examined.
	EvidenceTruncated bool `json:"evidence_truncated,omitempty"`
}

// EntityRef names an entity of a story.
type EntityRef struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	Reports int    `json:"reports"` // reports whose claims mention it
}

// Report is one document's report of a story.
type Report struct {
	DocumentID  string    `json:"document_id"`
	Kind        string    `json:"kind,omitempty"`
	Publisher   string    `json:"publisher,omitempty"`
	Title       string    `json:"title,omitempty"`
	URL         string    `json:"url,omitempty"`
	Published   time.Time `json:"published,omitzero"`
	Attribution string    `json:"attribution"` // on_record, own_sources, via, unattributed
	Via         string    `json:"via,omitempty"`
	// The claim that carries the attribution.
	ClaimID           string               `json:"claim_id"`
	Text              string               `json:"text"`
	Hedge             string               `json:"hedge,omitempty"`
	SourceType        newsintel.SourceType `json:"source_type"`
	SourceCount       *int                 `json:"source_count,omitempty"`
	SourceDescription string               `json:"source_description,omitempty"`
	SourceName        string               `json:"source_name,omitempty"`
	Claims            int                  `json:"claims"` // claims of the document in the story
	// Removed lists the document's claims in the story that a later
	// revision dropped (the index's edit history).
	Removed []RemovedClaim `json:"removed,omitempty"`
}

// RemovedClaim is a claim of a report that a later revision of the
// document dropped.
type RemovedClaim struct {
	ClaimID           string               `json:"claim_id"`
	Text              string               `json:"text"`
	SourceType        newsintel.SourceType `json:"source_type"`
	SourceDescription string               `json:"source_description,omitempty"`
	AddedIn           int                  `json:"added_in"`   // revision
	RemovedIn         int                  `json:"removed_in"` // revision
	RemovedAt         time.Time            `json:"removed_at,omitzero"`
}

// Counts sums up a story's reports.
type Counts struct {
	Reports       int            `json:"reports"`
	Outlets       int            `json:"outlets"`
	ByAttribution map[string]int `json:"by_attribution"`
	ByOutlet      []OutletCount  `json:"by_outlet"` // most reports first
}

// OutletCount is the number of reports of one outlet.
type OutletCount struct {
	Outlet  string `json:"outlet"`
	Reports int    `json:"reports"`
}

// The labels of a Link.
const (
	Confirms = "confirms"
	Denies   = "denies"
	Related  = "related"
)

// The kinds of evidence.
const (
	EvidenceClaim    = "on_record_claim" // an on-record claim in an article
	EvidenceFiling   = "filing"
	EvidenceNotice   = "notice"
	EvidenceArticle  = "article" // a passage of an article
	evidenceDocument = "document"
)

// Link is later evidence about a story resting on anonymous sources.
type Link struct {
	Label        string    `json:"label"` // confirms, denies, related
	Evidence     string    `json:"evidence"`
	DocumentID   string    `json:"document_id"`
	Kind         string    `json:"kind,omitempty"`
	Publisher    string    `json:"publisher,omitempty"`
	Title        string    `json:"title,omitempty"`
	URL          string    `json:"url,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Delay        string    `json:"delay"` // after the first report: "9d4h"
	DelaySeconds int64     `json:"delay_seconds"`
	ClaimID      string    `json:"claim_id,omitempty"`
	Section      string    `json:"section,omitempty"` // filing Item or notice section
	Passage      string    `json:"passage"`           // the sentence or claim that is the evidence
	Source       string    `json:"source,omitempty"`  // who says it, for a claim
	Why          Why       `json:"why"`
}

// Why explains a link.
type Why struct {
	SharedEntities []string `json:"shared_entities"`
	SharedTerms    []string `json:"shared_terms"`
	Cue            string   `json:"cue,omitempty"` // the words that made it a denial, or the on-record cue
	Rule           string   `json:"rule"`
}
