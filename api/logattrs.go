package api

// Log attribute keys of the API's records, snake_case, in one place.
const (
	attrRequestID = "request_id"
	attrMethod    = "method"
	attrPath      = "path"
	attrRoute     = "route"
	attrStatus    = "status"
	attrBytes     = "bytes"
	attrMS        = "ms"
	attrKey       = "key" // the API key's name, never its secret
	attrRemote    = "remote"
	attrError     = "error"
)
