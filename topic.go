package newsintel

import "time"

// Topic is a saved search a subscriber follows: what to look for, how often
// to send a digest of what is new, and what the digest holds. Topics live in
// the KV bucket "topics", keyed by ID.
type Topic struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Query    TopicQuery   `json:"query"`
	Schedule Schedule     `json:"schedule"`
	Options  TopicOptions `json:"options"`
	Created  time.Time    `json:"created,omitzero"`
	Updated  time.Time    `json:"updated,omitzero"`
	// FeedToken, given as ?token= on the topic's Atom and JSON feeds, lets
	// a feed reader (which cannot send an API key header) read them when
	// reading needs a key. Made with the topic; kept across updates.
	FeedToken string `json:"feed_token,omitempty"`
}

// TopicQuery is a search: the query string of GET /api/v1/search and its
// structured filters, by filter name ("entity", "kind", "source_type", …),
// values within one filter being alternatives.
type TopicQuery struct {
	Q       string              `json:"q,omitempty"`
	Filters map[string][]string `json:"filters,omitempty"`
}

// Schedule frequencies.
const (
	EveryHour = "hourly"
	EveryDay  = "daily"
	EveryWeek = "weekly"
)

// Schedule says when a topic's digest is due.
type Schedule struct {
	Every    string `json:"every"`              // hourly, daily or weekly
	At       string `json:"at,omitempty"`       // "07:30" local time, for daily and weekly
	Weekday  string `json:"weekday,omitempty"`  // "monday" … "sunday", for weekly
	TimeZone string `json:"timezone,omitempty"` // IANA name; empty means UTC
	Alerts   bool   `json:"alerts,omitempty"`   // also deliver each matching document as it is indexed
}

// TopicOptions shape a topic's digest.
type TopicOptions struct {
	MaxItems       int     `json:"max_items,omitempty"` // entries per digest; 0 means the default (25)
	MinScore       float64 `json:"min_score,omitempty"`
	IncludeClaims  bool    `json:"include_claims,omitempty"`
	AnonymousOnly  bool    `json:"anonymous_only,omitempty"` // claims section: only anonymous-source claims
	IncludeFilings bool    `json:"include_filings,omitempty"`
	IncludeNotices bool    `json:"include_notices,omitempty"`
}

// Subscription channels.
const (
	ChannelEmail   = "email"
	ChannelWebhook = "webhook"
	ChannelFeed    = "feed" // read through the topic's Atom / JSON Feed only
)

// Subscription is one subscriber's delivery target for a topic. It lives
// in the KV bucket "subscriptions", keyed by ID.
type Subscription struct {
	ID       string    `json:"id"`
	TopicID  string    `json:"topic_id"`
	Channel  string    `json:"channel"`            // email, webhook or feed
	Email    string    `json:"email,omitempty"`    // for email
	URL      string    `json:"url,omitempty"`      // for webhook
	Secret   string    `json:"secret,omitempty"`   // HMAC-SHA256 key for webhook signatures; never shown back
	Token    string    `json:"token,omitempty"`    // unguessable; authorises the unsubscribe link
	Active   bool      `json:"active"`             // false once unsubscribed
	LastSent time.Time `json:"last_sent,omitzero"` // end of the period of the last delivered digest
	// PendingUntil is the end of the period handed to delivery and not yet
	// sent: until it is, that period is asked for again unchanged (so a
	// delivery failing across a period boundary is not sent twice under
	// two overlapping periods). Zero when nothing is outstanding.
	PendingUntil time.Time `json:"pending_until,omitzero"`
	Created      time.Time `json:"created,omitzero"`
}

// Digest is what is new for a topic in one period, ready to render as
// Atom, JSON Feed, e-mail or a webhook payload.
type Digest struct {
	TopicID   string        `json:"topic_id"`
	TopicName string        `json:"topic_name"`
	Since     time.Time     `json:"since"`
	Until     time.Time     `json:"until"`
	Generated time.Time     `json:"generated"`
	Total     uint64        `json:"total"` // documents that matched in the period, before folding and the cap
	Documents []DigestEntry `json:"documents,omitempty"`
	Claims    []DigestClaim `json:"claims,omitempty"`
	Filings   []DigestEntry `json:"filings,omitempty"`
	Notices   []DigestEntry `json:"notices,omitempty"`
	Spikes    []EntitySpike `json:"spikes,omitempty"`
}

// Empty reports whether the digest has nothing to send.
func (d *Digest) Empty() bool {
	return len(d.Documents)+len(d.Claims)+len(d.Filings)+len(d.Notices)+len(d.Spikes) == 0
}

// DigestEntry is one document in a digest, standing for its whole
// near-duplicate cluster.
type DigestEntry struct {
	ID        string    `json:"id"`
	Kind      Kind      `json:"kind"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Summary   string    `json:"summary,omitempty"`
	Score     float64   `json:"score,omitempty"`
	Cluster   string    `json:"cluster,omitempty"`
	AlsoBy    []string  `json:"also_by,omitempty"` // other outlets that carried the same story
}

// DigestClaim is one new claim in a digest.
type DigestClaim struct {
	DocumentID string    `json:"document_id"`
	Title      string    `json:"title"`
	URL        string    `json:"url,omitempty"`
	Publisher  string    `json:"publisher,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Claim      Claim     `json:"claim"`
}

// EntitySpike is an entity mentioned far more in the period than its
// recent baseline.
type EntitySpike struct {
	EntityID string  `json:"entity_id"`
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Count    int     `json:"count"`    // documents mentioning it in the period
	Baseline float64 `json:"baseline"` // mean per period over the baseline window
	Ratio    float64 `json:"ratio"`
}

// Delivery is one attempt (or series of attempts) to deliver one digest or
// alert to one subscription, recorded in KV before and after sending.
type Delivery struct {
	ID             string    `json:"id"` // topic, subscription and period: the same digest has the same ID
	TopicID        string    `json:"topic_id"`
	SubscriptionID string    `json:"subscription_id"`
	Channel        string    `json:"channel"`
	Period         string    `json:"period"` // "2026-11-30T07:30:00Z/2026-12-01T07:30:00Z" or "alert:<document id>"
	State          string    `json:"state"`  // pending, sent, failed (will retry), gave_up
	Attempts       []Attempt `json:"attempts,omitempty"`
	NextAttempt    time.Time `json:"next_attempt,omitzero"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
}

// Delivery states.
const (
	DeliveryPending = "pending"
	DeliverySent    = "sent"
	DeliveryFailed  = "failed"
	DeliveryGaveUp  = "gave_up"
)

// Attempt is one try at delivering.
type Attempt struct {
	At       time.Time `json:"at"`
	Status   int       `json:"status,omitempty"` // HTTP status for webhooks, SMTP reply code for e-mail
	Error    string    `json:"error,omitempty"`
	Duration float64   `json:"duration_ms"`
}
