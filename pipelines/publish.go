package pipelines

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsintel/newsintel"
)

// payloadHeadroom is kept free below the server's max payload for headers
// and protocol overhead when deciding whether a body fits in a message.
const payloadHeadroom = 16 << 10

// RawSubject returns the subject a raw message is published on:
// raw.<kind>.<source token>. The source is reduced to a subject-safe token
// (lower-case letters, digits, '-' and '_'); an empty source becomes
// "unknown".
func RawSubject(kind newsintel.Kind, source string) string {
	return "raw." + string(kind) + "." + subjectToken(source)
}

// DocSubject returns the subject a document is published on: docs.<kind>.
func DocSubject(kind newsintel.Kind) string { return "docs." + string(kind) }

// DeadSubject returns the subject a stage's dead letters go to: dead.<stage>.
func DeadSubject(stage string) string { return "dead." + subjectToken(stage) }

// PublishRaw publishes raw on raw.<kind>.<source> with Nats-Msg-Id set to
// raw.ID, ':' and a short hash of the body, so a fetch retried within the
// duplicate window is stored once. A body too large for one message is put
// in the "bodies" object store and referenced by raw.BodyRef; raw itself is
// not modified. It returns an EINVALID *newsintel.Error for a bad ID or
// kind, and the JetStream error when the message was not stored. It is safe
// for concurrent use.
func (b *Bus) PublishRaw(ctx context.Context, raw newsintel.Raw) error {
	if err := validRef(raw.ID, raw.Kind); err != nil {
		return err
	}
	sum := shortHash(raw.Body)
	data, err := json.Marshal(raw)
	if err != nil {
		return fmt.Errorf("publish raw %s: %w", raw.ID, err)
	}
	if int64(len(data)) > b.maxData() && len(raw.Body) > 0 {
		if data, err = b.offloadBody(ctx, raw, sum); err != nil {
			return err
		}
	}
	subj := RawSubject(raw.Kind, raw.Source)
	if _, err := b.js.Publish(ctx, subj, data, jetstream.WithMsgID(raw.ID+":"+sum)); err != nil {
		return fmt.Errorf("publish raw %s on %s: %w", raw.ID, subj, err)
	}
	return nil
}

// offloadBody stores raw.Body in the object store under <id>.<hash> and
// returns the message data that refers to it.
func (b *Bus) offloadBody(ctx context.Context, raw newsintel.Raw, sum string) ([]byte, error) {
	obs, err := b.js.ObjectStore(ctx, ObjectBodies)
	if err != nil {
		return nil, fmt.Errorf("publish raw %s: object store %s: %w", raw.ID, ObjectBodies, err)
	}
	name := raw.ID + "." + sum
	if _, err := obs.PutBytes(ctx, name, raw.Body); err != nil {
		return nil, fmt.Errorf("publish raw %s: store body: %w", raw.ID, err)
	}
	raw.Body, raw.BodyRef = nil, name
	data, err := json.Marshal(raw)
	if err != nil {
		return nil, fmt.Errorf("publish raw %s: %w", raw.ID, err)
	}
	if int64(len(data)) > b.maxData() {
		return nil, newsintel.Errorf(newsintel.EINVALID, "raw %s: metadata alone is %d bytes, over the message limit", raw.ID, len(data))
	}
	return data, nil
}

// LoadBody fills raw.Body from the object store when raw.BodyRef is set,
// and clears BodyRef; it does nothing when BodyRef is empty. A missing
// object (aged out or never stored) is a permanent error (errors.Is
// ErrPermanent); other failures are transient.
func (b *Bus) LoadBody(ctx context.Context, raw *newsintel.Raw) error {
	if raw.BodyRef == "" {
		return nil
	}
	obs, err := b.js.ObjectStore(ctx, ObjectBodies)
	if err != nil {
		return fmt.Errorf("load body %s: %w", raw.BodyRef, err)
	}
	body, err := obs.GetBytes(ctx, raw.BodyRef)
	if errors.Is(err, jetstream.ErrObjectNotFound) {
		return Permanent(fmt.Errorf("load body %s: %w", raw.BodyRef, err))
	}
	if err != nil {
		return fmt.Errorf("load body %s: %w", raw.BodyRef, err)
	}
	raw.Body, raw.BodyRef = body, ""
	return nil
}

// PublishDoc publishes doc as JSON on docs.<kind> with Nats-Msg-Id set to
// doc.ID, doc.BodyHash and doc.Revision joined by ':', so republishing the
// same revision within the duplicate window is stored once. It returns an
// EINVALID *newsintel.Error for a bad ID or kind, and the JetStream error
// when the message was not stored. It is safe for concurrent use.
func (b *Bus) PublishDoc(ctx context.Context, doc *newsintel.Document) error {
	if doc == nil {
		return newsintel.Errorf(newsintel.EINVALID, "publish doc: nil document")
	}
	if err := validRef(doc.ID, doc.Kind); err != nil {
		return err
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("publish doc %s: %w", doc.ID, err)
	}
	if int64(len(data)) > b.maxData() {
		return newsintel.Errorf(newsintel.EINVALID, "doc %s: %d bytes, over the message limit %d", doc.ID, len(data), b.maxData())
	}
	id := doc.ID + ":" + doc.BodyHash + ":" + strconv.Itoa(doc.Revision)
	subj := DocSubject(doc.Kind)
	if _, err := b.js.Publish(ctx, subj, data, jetstream.WithMsgID(id)); err != nil {
		return fmt.Errorf("publish doc %s on %s: %w", doc.ID, subj, err)
	}
	return nil
}

// maxData is the largest message body PublishRaw and PublishDoc send.
func (b *Bus) maxData() int64 { return max(b.nc.MaxPayload()-payloadHeadroom, 1024) }

func validRef(id string, kind newsintel.Kind) error {
	if !newsintel.ValidID(id) {
		return newsintel.Errorf(newsintel.EINVALID, "bad document id %q", id)
	}
	if !kind.Valid() {
		return newsintel.Errorf(newsintel.EINVALID, "document %s: bad kind %q", id, kind)
	}
	return nil
}

// shortHash returns the first 8 bytes of the SHA-256 of b, in hex.
func shortHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// subjectToken reduces s to one subject token: lower-case ASCII letters,
// digits, '-' and '_', other runs replaced by '-', at most 64 bytes.
func subjectToken(s string) string {
	var t strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_'
		if !ok {
			dash = t.Len() > 0
			continue
		}
		if dash {
			t.WriteByte('-')
			dash = false
		}
		t.WriteRune(r)
		if t.Len() >= 64 {
			break
		}
	}
	if t.Len() == 0 {
		return "unknown"
	}
	return t.String()
}
