package newsintel

import "time"

// SourceStatus is the health of one configured or run-time source (a feed,
// a crawl, an EDGAR or Federal Register query), as `newsintel sources` and
// GET /api/v1/sources show it.
type SourceStatus struct {
	Name                string    `json:"name"`
	Type                string    `json:"type"` // feed, crawl, edgar, fedreg
	Kind                Kind      `json:"kind"`
	URL                 string    `json:"url"`
	Interval            string    `json:"interval,omitempty"` // Go duration text
	Origin              string    `json:"origin"`             // "config" or "runtime"
	LastPoll            time.Time `json:"last_poll,omitzero"`
	LastSuccess         time.Time `json:"last_success,omitzero"`
	LastError           string    `json:"last_error,omitempty"`
	LastErrorAt         time.Time `json:"last_error_at,omitzero"`
	ConsecutiveFailures int       `json:"consecutive_failures"`
	ItemsSeen           int64     `json:"items_seen"`
	LastNewItem         time.Time `json:"last_new_item,omitzero"`
	NextPoll            time.Time `json:"next_poll,omitzero"`
}
