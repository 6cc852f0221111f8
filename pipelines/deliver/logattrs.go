package deliver

// Log attribute keys used by this package, snake_case, in one place.
const (
	attrComponent = "component"
	attrDelivery  = "delivery_id"
	attrTopic     = "topic_id"
	attrChannel   = "channel"
	attrState     = "state"
	attrAttempt   = "attempt"
	attrStatus    = "status"
	attrError     = "error"
	attrNext      = "next_attempt"
	attrSince     = "since"
	attrCount     = "count"
)
