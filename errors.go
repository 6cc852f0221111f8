package newsintel

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The HTTP API maps each to one status in
// exactly one place (api.statusOf).
const (
	EINVALID      = "invalid"      // the caller sent something malformed
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	ECONFLICT     = "conflict"     // the request conflicts with current state
	EUNAUTHORIZED = "unauthorized" // no or bad credentials
	EFORBIDDEN    = "forbidden"    // credentials lack the needed scope
	EUNAVAILABLE  = "unavailable"  // not ready yet (index rebuilding, engine starting)
	ETOOMANY      = "too_many"     // rate or concurrency limit reached
	EINTERNAL     = "internal"     // a bug or an engine failure
)

// Error is an error with a code callers can act on and a message safe to show
// to a user. Wrap it with fmt.Errorf("...: %w", err) as usual; ErrorCode and
// ErrorMessage find it through wrapping.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic text for other errors so that internal details do not leak.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
