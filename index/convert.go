package index

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// indexedDoc is what Bleve indexes for one Document; the json tags are the
// field names of buildMapping. Slices leave out empty values so that no
// empty term is indexed or counted in a facet.
type indexedDoc struct {
	DocType        string   `json:"doc_type"` // always "document" (see documentsOnly)
	Title          string   `json:"title"`
	Body           string   `json:"body"`
	Kind           []string `json:"kind"`
	Source         []string `json:"source"`
	Publisher      []string `json:"publisher"`
	Language       []string `json:"language"`
	Form           []string `json:"form"`
	Section        []string `json:"section"`
	Author         []string `json:"author"`
	Cluster        []string `json:"cluster"`
	Ticker         []string `json:"ticker"`
	CIK            []string `json:"cik"`
	Entity         []string `json:"entity"`
	EntityName     []string `json:"entity_name"`
	EntityLabel    []string `json:"entity_label"`
	ClaimSource    []string `json:"claim_source"`
	Company        []string `json:"company"`
	Agency         []string `json:"agency"`
	Government     []string `json:"government"`
	Person         []string `json:"person"`
	Place          []string `json:"place"`
	SourceType     []string `json:"source_type"`
	HasAnonymous   bool     `json:"has_anonymous"`
	PublishedDay   []string `json:"published_day"`
	PublishedWeek  []string `json:"published_week"`
	PublishedMonth []string `json:"published_month"`
	PublishedHour  []string `json:"published_hour"`
	PublishedKey   []string `json:"published_key"`
	FetchedMonth   []string `json:"fetched_month"`
	FetchedDay     []string `json:"fetched_day"`
	FetchedHour    []string `json:"fetched_hour"`
	FetchedKey     []string `json:"fetched_key"`
	FiledMonth     []string `json:"filed_month"`
	FiledDay       []string `json:"filed_day"`
	FiledHour      []string `json:"filed_hour"`
	FiledKey       []string `json:"filed_key"`
	Meta           string   `json:"meta"` // see packMeta
	Packed         string   `json:"packed"`
	Words          string   `json:"body_words"` // see lexicon.go

	lex *lexicon // Words's, which gives the body's tokens (see attachSeqs)
}

// leadChars is about how much of the body a snippet shows.
const leadChars = 200

// lead returns the first n or so characters of body, cut after a word and
// followed by "…" when body is longer, with its whitespace collapsed.
func lead(body string, n int) string {
	more := len(body) > 8*n
	if more {
		body = strings.ToValidUTF8(body[:8*n], "") // no need to scan a long body
	}
	body = strings.Join(strings.Fields(body), " ")
	if utf8.RuneCountInString(body) <= n {
		if more {
			return body + "…"
		}
		return body
	}
	cut := 0
	for i := range body {
		if cut >= n {
			body = body[:i]
			break
		}
		cut++
	}
	if sp := strings.LastIndexByte(body, ' '); sp > len(body)/2 {
		body = body[:sp]
	}
	return strings.TrimRight(body, " ,;:-") + "…"
}

// storedTags holds the bulky parts of a Document that only Get needs, so
// that search hits decode the small meta JSON alone. The claims are
// stored apart from them (see encodeClaims).
type storedTags struct {
	Mentions *storedMentions            `json:"mentions,omitempty"`
	Profile  *newsintel.SourcingProfile `json:"sourcing_profile,omitempty"`
	Sections []newsintel.Section        `json:"sections,omitempty"`
	Warnings []string                   `json:"warnings,omitempty"`
}

// toIndexed converts d into the indexed form. It fails only when d cannot
// be encoded as JSON.
func toIndexed(d *newsintel.Document, lex *lexicon) (*indexedDoc, error) {
	return toIndexedBody(d, lex.encode(make([]byte, 0, len(d.Body)/3), d.Body), lex)
}

// encodeBodies codes the bodies of docs with lex, on as many goroutines
// as there are CPUs: segmenting a text into words is most of the work,
// and Bleve then indexes the tokens the coded words give without
// analysing the body again (see attachSeqs).
func encodeBodies(lex *lexicon, docs []*newsintel.Document) [][]byte {
	out := make([][]byte, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(docs); i = int(next.Add(1)) - 1 {
				body := docs[i].Body
				out[i] = lex.encode(make([]byte, 0, len(body)/3), body)
			}
		})
	}
	wg.Wait()
	return out
}

// toIndexedBody is toIndexed with the body already coded with lex.
func toIndexedBody(d *newsintel.Document, words []byte, lex *lexicon) (*indexedDoc, error) {
	meta, claims, tags, err := encodeStored(d)
	if err != nil {
		return nil, err
	}
	x := &indexedDoc{
		DocType:   docTypeDocument,
		Title:     d.Title,
		Body:      d.Body,
		Kind:      nonEmpty(string(d.Kind)),
		Source:    nonEmpty(d.Source),
		Publisher: nonEmpty(d.Publisher),
		Language:  nonEmpty(strings.ToLower(d.Language)),
		Section:   sectionTitles(d),
		Author:    distinct(d.Authors),
		Cluster:   nonEmpty(d.Cluster),
		Meta:      packMeta(meta),
		Packed:    pack(claims, tags),
		Words:     string(words),

		lex: lex,
	}
	if f := d.Filing; f != nil {
		x.Form = nonEmpty(strings.ToUpper(strings.TrimSpace(f.Form)))
		x.Ticker = distinct(f.Tickers)
		x.CIK = nonEmpty(f.CIK)
		x.FiledMonth, x.FiledDay, x.FiledHour, x.FiledKey = exactDateTerms(f.Filed)
	}
	x.FetchedMonth, x.FetchedDay, x.FetchedHour, x.FetchedKey = exactDateTerms(d.Fetched)
	addEntities(x, d)
	addSourcing(x, d)
	addPublished(x, publishedOf(d))
	return x, nil
}

// encodeStored splits d into the meta JSON (everything but title, body and
// tags), the claims section (see encodeClaims) and the tags JSON.
func encodeStored(d *newsintel.Document) (meta, claims, tags string, err error) {
	m := *d
	m.Title, m.Body = "", ""
	m.Mentions, m.Claims, m.Profile, m.Sections, m.Warnings = nil, nil, nil, nil, nil
	mb, err := json.Marshal(&m)
	if err != nil {
		return "", "", "", fmt.Errorf("encode document %s: %w", d.ID, err)
	}
	cb, err := encodeClaims(d)
	if err != nil {
		return "", "", "", err
	}
	t := storedTags{Mentions: packMentions(d.Body, d.Mentions), Profile: d.Profile, Sections: d.Sections,
		Warnings: d.Warnings}
	tb, err := json.Marshal(&t)
	if err != nil {
		return "", "", "", fmt.Errorf("encode tags of %s: %w", d.ID, err)
	}
	return string(mb), string(cb), string(tb), nil
}

// mentionNames maps each entity ID the mentions of d name to its name.
func mentionNames(d *newsintel.Document) map[string]string {
	names := make(map[string]string, len(d.Mentions))
	for _, m := range d.Mentions {
		names[m.EntityID] = m.Name
	}
	return names
}

// storedMeta decodes the meta field of a stored document (see
// packMeta): the Document without title, body and tags.
func storedMeta(packed string) (*newsintel.Document, error) {
	meta, err := unpackMeta(packed)
	if err != nil {
		return nil, err
	}
	var d newsintel.Document
	if err := json.Unmarshal(meta, &d); err != nil {
		return nil, fmt.Errorf("decode stored document: %w", err)
	}
	return &d, nil
}

// decodeStored rebuilds a Document from its stored fields.
func decodeStored(lex *lexicon, title, meta, words, packed string) (*newsintel.Document, error) {
	d, err := storedMeta(meta)
	if err != nil {
		return nil, err
	}
	body, rest, err := unpack(lex, words, packed)
	if err != nil {
		return nil, fmt.Errorf("decode stored document %s: %w", d.ID, err)
	}
	claims, tags, err := splitTags(rest)
	if err != nil {
		return nil, fmt.Errorf("decode stored document %s: %w", d.ID, err)
	}
	var t storedTags
	if tags != "" {
		if err := json.Unmarshal([]byte(tags), &t); err != nil {
			return nil, fmt.Errorf("decode stored tags of %s: %w", d.ID, err)
		}
	}
	cs, err := decodeAllClaims([]byte(claims))
	if err != nil {
		return nil, fmt.Errorf("decode stored claims of %s: %w", d.ID, err)
	}
	ms, err := t.Mentions.mentions()
	if err != nil {
		return nil, fmt.Errorf("decode stored tags of %s: %w", d.ID, err)
	}
	d.Title, d.Body = title, body
	d.Mentions, d.Claims, d.Profile, d.Sections, d.Warnings = ms, cs, t.Profile, t.Sections, t.Warnings
	restoreText(d)
	return d, nil
}

// elideClaimText returns cs with each Text that equals the body at its
// offsets left out (restoreText puts it back): the stored claims then
// hold no second copy of the body.
func elideClaimText(body string, cs []newsintel.Claim) []newsintel.Claim {
	out := slices.Clone(cs)
	for i := range out {
		if c := &out[i]; c.Text != "" && spanIs(body, c.TextStart, c.TextEnd, c.Text) {
			c.Text = ""
		}
	}
	return out
}

// restoreText fills the texts elided when stored from the body.
func restoreText(d *newsintel.Document) {
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.Text == "" && validSpan(d.Body, m.Start, m.End) {
			m.Text = d.Body[m.Start:m.End]
		}
	}
	for i := range d.Claims {
		if c := &d.Claims[i]; c.Text == "" && validSpan(d.Body, c.TextStart, c.TextEnd) {
			c.Text = d.Body[c.TextStart:c.TextEnd]
		}
	}
}

func validSpan(body string, start, end int) bool {
	return start >= 0 && start < end && end <= len(body)
}

func spanIs(body string, start, end int, text string) bool {
	return validSpan(body, start, end) && body[start:end] == text
}

// publishedOf is the date a document is sorted and filtered by: when it was
// published, or for a filing without one, when it was filed.
func publishedOf(d *newsintel.Document) time.Time {
	if d.Published.IsZero() && d.Filing != nil {
		return d.Filing.Filed
	}
	return d.Published
}

func addPublished(x *indexedDoc, t time.Time) {
	if !indexableTime(t) {
		return
	}
	x.PublishedMonth, x.PublishedDay, x.PublishedHour = dateTerms(t)
	x.PublishedWeek = []string{weekStart(t).Format(time.DateOnly)}
	x.PublishedKey = []string{sortKey(t)}
}

// exactDateTerms returns the month, day, hour and key terms of date t
// for fetched or filed (see fetchedDates); none when indexableTime
// rejects t.
func exactDateTerms(t time.Time) (month, day, hour, key []string) {
	if !indexableTime(t) {
		return nil, nil, nil, nil
	}
	month, day, hour = dateTerms(t)
	return month, day, hour, []string{claimDateKey(t)}
}

// sortKey is a term that sorts as t does: its nanoseconds since 1970 with
// the sign bit flipped (so earlier sorts first), in 16 hex digits.
func sortKey(t time.Time) string {
	return fmt.Sprintf("%016x", uint64(t.UnixNano())^(1<<63))
}

// weekStart returns the Monday that starts t's ISO week, at midnight UTC.
func weekStart(t time.Time) time.Time {
	u := t.UTC()
	offset := (int(u.Weekday()) + 6) % 7 // days since Monday
	return time.Date(u.Year(), u.Month(), u.Day()-offset, 0, 0, 0, 0, time.UTC)
}

// addEntities indexes every mentioned entity by ID (all and by type) and
// canonical name, plus the agencies a Federal Register notice names.
func addEntities(x *indexedDoc, d *newsintel.Document) {
	seen := make(map[string]bool, len(d.Mentions))
	add := func(id, name string, t newsintel.EntityType) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		x.Entity = append(x.Entity, id)
		if name != "" {
			x.EntityLabel = append(x.EntityLabel, id+labelSep+name)
			if !slices.Contains(x.EntityName, name) {
				x.EntityName = append(x.EntityName, name)
			}
		}
		if p := typeSlice(x, t); p != nil {
			*p = append(*p, id)
		}
	}
	for _, m := range d.Mentions {
		add(m.EntityID, m.Name, m.Type)
	}
	if d.Notice != nil {
		for _, a := range d.Notice.Agencies {
			if strings.TrimSpace(a.Name) != "" {
				add(newsintel.EntityID(newsintel.EntityAgency, a.Name), a.Name, newsintel.EntityAgency)
			}
		}
	}
}

// typeSlice returns the field of x that holds entity IDs of type t, or nil
// for an unknown type.
func typeSlice(x *indexedDoc, t newsintel.EntityType) *[]string {
	switch t {
	case newsintel.EntityCompany:
		return &x.Company
	case newsintel.EntityAgency:
		return &x.Agency
	case newsintel.EntityGovernment:
		return &x.Government
	case newsintel.EntityPerson:
		return &x.Person
	case newsintel.EntityPlace:
		return &x.Place
	}
	return nil
}

// labelSep joins an entity ID to its name or a claim's source type in
// entity_label and claim_source; entity IDs never contain it.
const labelSep = "|"

// addSourcing indexes the source types of the claims, the source type of
// each claim by the entities it is about, and whether any claim rests on
// an anonymous source.
func addSourcing(x *indexedDoc, d *newsintel.Document) {
	for _, c := range d.Claims {
		st := string(c.Source.Type)
		if st != "" && !slices.Contains(x.SourceType, st) {
			x.SourceType = append(x.SourceType, st)
		}
		for _, e := range c.Entities {
			if cs := e + labelSep + st; e != "" && st != "" && !slices.Contains(x.ClaimSource, cs) {
				x.ClaimSource = append(x.ClaimSource, cs)
			}
		}
		if c.Source.Type == newsintel.SourceAnonymous {
			x.HasAnonymous = true
		}
	}
	if d.Profile.HasAnonymous() {
		x.HasAnonymous = true
	}
}

func sectionTitles(d *newsintel.Document) []string {
	var out []string
	if s := strings.TrimSpace(d.Section); s != "" {
		out = append(out, s)
	}
	for _, s := range d.Sections {
		if s.Page > 0 {
			continue // a PDF page, not a titled part of the document
		}
		if t := strings.TrimSpace(s.Title); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func nonEmpty(s string) []string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return []string{s}
}

func distinct(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// indexableTime reports whether t is indexed: its nanoseconds since
// 1970 must fit an int64, as they did when dates were Bleve date-times
// and as sortKey needs.
func indexableTime(t time.Time) bool {
	return !t.IsZero() && t.Year() > 1677 && t.Year() < 2262
}
