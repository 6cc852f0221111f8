package crawl

// Log attribute keys used by this package, snake_case, in one place.
const (
	attrComponent = "component"
	attrSource    = "source"
	attrURL       = "url"
	attrOrigin    = "origin"
	attrError     = "error"
	attrWait      = "wait"
	attrKey       = "key"
	attrQueued    = "queued"
	attrDocID     = "doc_id"
	attrWhy       = "why"
)
