package digest

// Log attribute keys used by this package, snake_case, in one place.
const (
	attrTopic        = "topic"
	attrSubscription = "subscription"
	attrDocID        = "doc_id"
	attrPeriod       = "period"
	attrState        = "state"
	attrError        = "error"
	attrMatched      = "matched"
	attrEntries      = "entries"
)
