package api

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines/deliver"
)

// DeliveryLog lists the deliveries of a topic, newest first (see
// deliver.Deliverer.Deliveries).
type DeliveryLog interface {
	Deliveries(ctx context.Context, topicID string, from, size int) (page []deliver.Entry, total int, err error)
}

// Unsubscriber ends the subscription an unsubscribe link's token names.
// It returns an ENOTFOUND error for a token that names none; unsubscribing
// twice is not an error.
type Unsubscriber interface {
	Unsubscribe(ctx context.Context, token string) error
}

// maxTokenBytes bounds the token of an unsubscribe link.
const maxTokenBytes = 512

func deliveryParams() []param {
	return []param{
		pathID("topic ID"),
		{Name: "size", Type: "integer", Doc: "how many to return, 1 to 100 (default 20)"},
		{Name: "from", Type: "integer", Doc: "deliveries to skip (default 0)"},
	}
}

var tokenParam = param{Name: "token", Type: "string", Required: true, Doc: "the token of the subscription's unsubscribe link"}

// deliveries lists a topic's deliveries with their attempts.
func (s *Server) deliveries(w http.ResponseWriter, r *http.Request) {
	if s.opts.Deliveries == nil {
		s.fail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "this server keeps no delivery ledger (it runs no digest stage)"))
		return
	}
	id := r.PathValue("id")
	if !newsintel.ValidID(id) {
		s.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "%q is not a topic ID", id))
		return
	}
	if s.opts.Topics != nil {
		// An unknown topic is a 404, not an empty list (the deliveries of
		// a deleted topic stay in the ledger until they expire, unlisted).
		if _, err := s.opts.Topics.Topic(r.Context(), id); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	size, err := boundedInt(r, "size", 20, 1, 100)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	from, err := boundedInt(r, "from", 0, 0, 1<<30)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, total, err := s.opts.Deliveries.Deliveries(r.Context(), id, from, size)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if page == nil {
		page = []deliver.Entry{}
	}
	out := map[string]any{"deliveries": page, "total": total}
	if next := from + len(page); next < total {
		out["next_from"] = next
	}
	writeJSON(w, http.StatusOK, out)
}

// boundedInt reads an integer query parameter within [lo, hi], def when
// absent; an EINVALID error names it otherwise.
func boundedInt(r *http.Request, name string, def, lo, hi int) (int, error) {
	n, err := intParam(r.URL.Query(), name, def)
	if err == nil && (n < lo || n > hi) {
		err = newsintel.Errorf(newsintel.EINVALID, "%s=%d is not from %d to %d", name, n, lo, hi)
	}
	return n, err
}

// unsubscribePage is the page of the unsubscribe link: a confirmation
// form on GET (mail scanners fetch links; only a POST unsubscribes), the
// outcome after the POST. The form posts back to the same URL, token
// included.
var unsubscribePage = template.Must(template.New("unsubscribe").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · newsintel</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#18181b;">
<h1 style="font-size:1.4rem;">{{.Title}}</h1>
<p>{{.Message}}</p>
{{if .Confirm}}<form method="post"><button type="submit" style="font-size:1rem;padding:.5rem 1.2rem;">Unsubscribe</button></form>{{end}}
</body></html>
`))

type unsubscribeView struct {
	Title, Message string
	Confirm        bool
}

// unsubscribeConfirm shows the confirmation form.
func (s *Server) unsubscribeConfirm(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.unsubscribeToken(w, r); !ok {
		return
	}
	s.unsubscribeAnswer(w, http.StatusOK, unsubscribeView{Title: "Unsubscribe",
		Message: "Stop receiving this topic's digests at this address?", Confirm: true})
}

// unsubscribe ends the subscription: the form's POST, and the one-click
// POST of mail clients (RFC 8058, body List-Unsubscribe=One-Click).
func (s *Server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	token, ok := s.unsubscribeToken(w, r)
	if !ok {
		return
	}
	if err := s.opts.Unsubscribe.Unsubscribe(r.Context(), token); err != nil {
		s.unsubscribeFail(w, r, err)
		return
	}
	s.unsubscribeAnswer(w, http.StatusOK, unsubscribeView{Title: "Unsubscribed",
		Message: "You will receive no more digests of this topic at this address."})
}

// unsubscribeToken checks the rate limit, the server's setup and the
// token, answering the request itself when one fails.
func (s *Server) unsubscribeToken(w http.ResponseWriter, r *http.Request) (string, bool) {
	if wait, ok := s.limits.allow(nil, r); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		s.unsubscribeFail(w, r, newsintel.Errorf(newsintel.ETOOMANY, "Too many requests; try again in %d seconds.", wait))
		return "", false
	}
	if s.opts.Unsubscribe == nil {
		s.unsubscribeFail(w, r, newsintel.Errorf(newsintel.EUNAVAILABLE, "Unsubscribing is not available on this server."))
		return "", false
	}
	token := r.URL.Query().Get("token")
	if token == "" || len(token) > maxTokenBytes {
		s.unsubscribeFail(w, r, newsintel.Errorf(newsintel.EINVALID, "This unsubscribe link is incomplete: it carries no valid token. Use the link from the e-mail as it is."))
		return "", false
	}
	return token, true
}

// unsubscribeFail answers with an error page, its status from statusOf.
func (s *Server) unsubscribeFail(w http.ResponseWriter, r *http.Request, err error) {
	code := newsintel.ErrorCode(err)
	status := statusOf(code)
	if code == newsintel.EINTERNAL {
		s.log.Error("request failed", attrMethod, r.Method, attrPath, r.URL.Path, attrRequestID, w.Header().Get(headerRequestID), attrError, err)
	}
	s.unsubscribeAnswer(w, status, unsubscribeView{Title: "Could not unsubscribe", Message: newsintel.ErrorMessage(err)})
}

func (s *Server) unsubscribeAnswer(w http.ResponseWriter, status int, v unsubscribeView) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the URL holds the token
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	if err := unsubscribePage.Execute(w, v); err != nil {
		s.log.Warn("unsubscribe page cut short", attrError, fmt.Errorf("render: %w", err))
	}
}

// deliverySchema returns the OpenAPI schema of a delivery.
func deliverySchema() obj {
	str := obj{"type": "string"}
	date := obj{"type": "string", "format": "date-time"}
	attempt := obj{"type": "object", "properties": obj{
		"at": date, "status": obj{"type": "integer", "description": "HTTP status of a webhook, SMTP reply code of an e-mail; absent when none came"},
		"error": str, "duration_ms": obj{"type": "number"},
	}, "required": []string{"at", "duration_ms"}}
	delivery := obj{"type": "object", "properties": obj{
		"id":       obj{"type": "string", "description": "derived from topic, subscription and period; the webhook Idempotency-Key and the e-mail Message-ID"},
		"topic_id": str, "subscription_id": str, "channel": obj{"type": "string", "enum": []string{"email", "webhook"}},
		"target":   obj{"type": "string", "description": "e-mail address, or the webhook URL's scheme and host only (its path and query may hold tokens)"},
		"period":   obj{"type": "string", "description": "<since>/<until> in RFC 3339, or alert:<document id>"},
		"state":    obj{"type": "string", "enum": []string{"pending", "sent", "failed", "gave_up"}, "description": "failed will be retried at next_attempt"},
		"attempts": obj{"type": "array", "items": attempt}, "next_attempt": date, "created": date, "updated": date,
	}, "required": []string{"id", "topic_id", "subscription_id", "channel", "period", "state", "created", "updated"}}
	return delivery
}

// deliveryListSchema returns the OpenAPI schema of a page of deliveries.
func deliveryListSchema() obj {
	return obj{"type": "object", "properties": obj{
		"deliveries": obj{"type": "array", "items": ref("Delivery")}, "total": obj{"type": "integer"},
		"next_from": obj{"type": "integer", "description": "from of the next page; absent on the last"},
	}, "required": []string{"deliveries", "total"}}
}
