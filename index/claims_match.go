package index

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsintel/newsintel"
)

// Claims are followed from one revision of a document to the next by what
// they say and on whose word, not by their position: an article that loses
// its second paragraph keeps the IDs of every other claim. Two claims of
// consecutive revisions are the same claim when
//   - their text and attribution are equal after normalising case,
//     typographic quotes, dashes and white space (unchanged), or else
//   - their source type is the same and their texts share most of their
//     words (edited): a Dice coefficient of at least minEditSimilarity
//     with the same attribution, minEditSimilarityOtherSource when the
//     attribution changed too.
//
// A claim of the new revision matching none of these, but equal to a claim
// an earlier revision removed, is that claim restored; any other is new.
// What is left of the previous revision was removed.
const (
	minEditSimilarity            = 0.6
	minEditSimilarityOtherSource = 0.8
	// claimHashLen is how many hex digits of the fingerprint a claim ID
	// keeps. IDs are handed out in replay order, so a collision only
	// costs a "-2" suffix (see claimIDFor); 32 bits keep IDs short.
	claimHashLen = 8
)

// typography maps the typographic variants an edit may swap without
// changing what a claim says.
var typography = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2013", "-", "\u2014", "-", "\u00a0", " ", "\u2026", "...")

// normText is s in lower case with typographic quotes and dashes made
// plain, white space collapsed and trailing punctuation cut.
func normText(s string) string {
	s = strings.Join(strings.Fields(typography.Replace(strings.ToLower(s))), " ")
	return strings.TrimRight(s, ".,;:!? ")
}

// attribution is the normalised "on whose word" of a source: its type,
// count, name, description, affiliation and relaying outlet.
func attribution(s newsintel.Source) string {
	count := ""
	if s.Count != nil {
		count = strconv.Itoa(*s.Count)
	}
	return strings.Join([]string{string(s.Type), count, normText(s.Name), normText(s.Description),
		normText(s.Affiliation), normText(s.Via)}, "|")
}

// claimKey identifies a claim within a revision: text and attribution.
func claimKey(c *loggedClaim) string { return normText(c.Text) + "\x00" + attribution(c.Source) }

// claimIDFor returns the index ID of a claim first seen with key in
// document docID: the document ID, "#c" and the start of the key's
// SHA-256, with "-2", "-3", … when taken holds it already (the same claim
// twice in one article).
func claimIDFor(docID, key string, taken map[string]bool) string {
	sum := sha256.Sum256([]byte(key))
	base := docID + claimIDSep + hex.EncodeToString(sum[:])[:claimHashLen]
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	taken[id] = true
	return id
}

// words returns the distinct lower-case words of s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(typography.Replace(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		out[strings.Trim(w, "'")] = true
	}
	delete(out, "")
	return out
}

// editPair is a candidate edit: claim old of the previous revision became
// claim new of this one.
type editPair struct {
	old, new int
	score    float64
}

// maxEditPairs bounds the pairs of claims matchEdits compares (a filing
// re-extracted with thousands of claims); beyond it the unmatched claims
// of the two revisions count as removed and added.
const maxEditPairs = 1 << 18

// matchEdits pairs the unmatched claims of two revisions that are edits of
// each other, best pairs first; ties go to the earlier claims, so the
// result does not depend on map order. It returns the old index paired
// with each new one (-1 when none).
func matchEdits(olds, news []*loggedClaim, oldFree, newFree []bool) []int {
	out := make([]int, len(news))
	for i := range out {
		out[i] = -1
	}
	var oi, ni []int
	for j := range olds {
		if oldFree[j] {
			oi = append(oi, j)
		}
	}
	for i := range news {
		if newFree[i] {
			ni = append(ni, i)
		}
	}
	if len(oi) == 0 || len(ni) == 0 || len(oi)*len(ni) > maxEditPairs {
		return out
	}
	pairs := editPairs(olds, news, oi, ni)
	slices.SortStableFunc(pairs, func(a, b editPair) int { return cmp.Compare(b.score, a.score) })
	for _, p := range pairs {
		if oldFree[p.old] && newFree[p.new] {
			oldFree[p.old], newFree[p.new] = false, false
			out[p.new] = p.old
		}
	}
	return out
}

// editPairs scores the pairs of old claims oi and new claims ni of one
// source type whose words overlap enough to be an edit. Shared words are
// counted through an inverted index of the new claims' words, so only
// pairs with a word in common cost anything.
func editPairs(olds, news []*loggedClaim, oi, ni []int) []editPair {
	ids := map[string]int{}
	wordIDs := func(s string) []int {
		ws := words(s)
		out := make([]int, 0, len(ws))
		for w := range ws {
			id, ok := ids[w]
			if !ok {
				id = len(ids)
				ids[w] = id
			}
			out = append(out, id)
		}
		return out
	}
	postings := map[int][]int{} // word → positions k in ni of the new claims having it
	nlen, nattr := make([]int, len(ni)), make([]string, len(ni))
	for k, i := range ni {
		ws := wordIDs(news[i].Text)
		for _, w := range ws {
			postings[w] = append(postings[w], k)
		}
		nlen[k], nattr[k] = len(ws), attribution(news[i].Source)
	}
	var pairs []editPair
	shared := make([]int, len(ni))
	for _, j := range oi {
		clear(shared)
		ows := wordIDs(olds[j].Text)
		for _, w := range ows {
			for _, k := range postings[w] {
				shared[k]++
			}
		}
		oa := attribution(olds[j].Source)
		for k, i := range ni {
			if shared[k] == 0 || news[i].Source.Type != olds[j].Source.Type {
				continue
			}
			need := minEditSimilarity
			if nattr[k] != oa {
				need = minEditSimilarityOtherSource
			}
			if s := 2 * float64(shared[k]) / float64(len(ows)+nlen[k]); s >= need {
				pairs = append(pairs, editPair{old: j, new: i, score: s})
			}
		}
	}
	return pairs
}

// claimState is one claim followed through the revisions.
type claimState struct {
	id             string
	key            string
	claim          *loggedClaim // as the last revision that had it wrote it
	added          int
	addedAt        time.Time
	changed        int
	changedAt      time.Time
	previousText   string
	previousSource *newsintel.Source
	removed        int
	removedAt      time.Time
	position       int // in the newest revision, from 1; 0 when removed
}

func (s *claimState) status() string {
	switch {
	case s.removed > 0:
		return ClaimRemoved
	case s.changed > 0:
		return ClaimChanged
	}
	return ClaimCurrent
}

// event describes what revision r did to s; verb is "added", "removed",
// "changed" or "restored".
func (s *claimState) event(verb string, r *loggedRevision) ClaimEvent {
	e := ClaimEvent{ClaimID: s.id, Text: s.claim.Text, Source: s.claim.Source,
		Note: fmt.Sprintf("claim %s in revision %d", verb, r.Revision)}
	if !r.Fetched.IsZero() {
		e.Note += r.Fetched.UTC().Format(", 2006-01-02 15:04 MST")
	}
	if verb == "changed" {
		e.PreviousText, e.PreviousSource = s.previousText, s.previousSource
	}
	return e
}

// replay follows the claims of docID through the logged revisions in
// order. It returns every claim ever seen (those of the newest revision in
// its order, then the removed ones) and the revisions with their events.
func (l *revisionLog) replay(docID string) ([]*claimState, []Revision) {
	p := &replayer{docID: docID, taken: map[string]bool{}}
	revs := make([]Revision, 0, len(l.Revisions))
	for i := range l.Revisions {
		revs = append(revs, p.step(&l.Revisions[i]))
	}
	for i, s := range p.live {
		s.position = i + 1
	}
	return append(slices.Clone(p.live), p.gone...), revs
}

// replayer holds the claims between two steps of a replay.
type replayer struct {
	docID string
	taken map[string]bool // claim IDs handed out
	live  []*claimState   // the claims of the previous revision, in its order
	gone  []*claimState   // removed claims
}

// step moves the claims on to revision r: unchanged claims first, then
// edits, then claims back after a removal, then new ones; what is left of
// the previous revision was removed.
func (p *replayer) step(r *loggedRevision) Revision {
	rv := Revision{Revision: r.Revision, Fetched: r.Fetched, Claims: len(r.Claims),
		Added: []ClaimEvent{}, Removed: []ClaimEvent{}, Changed: []ClaimEvent{}}
	next := make([]*claimState, len(r.Claims))
	liveFree, newFree := trues(len(p.live)), trues(len(r.Claims))
	keys := make([]string, len(r.Claims))
	byKey := map[string][]int{}
	for j, s := range p.live {
		byKey[s.key] = append(byKey[s.key], j)
	}
	for i := range r.Claims {
		keys[i] = claimKey(&r.Claims[i])
		if js := byKey[keys[i]]; len(js) > 0 {
			byKey[keys[i]] = js[1:]
			liveFree[js[0]], newFree[i] = false, false
			next[i] = p.live[js[0]]
			next[i].claim = &r.Claims[i]
		}
	}
	p.edits(r, keys, next, liveFree, newFree, &rv)
	p.restore(r, keys, next, newFree, &rv)
	for i := range r.Claims {
		if newFree[i] {
			s := &claimState{id: claimIDFor(p.docID, keys[i], p.taken), key: keys[i], claim: &r.Claims[i],
				added: r.Revision, addedAt: r.Fetched}
			next[i] = s
			rv.Added = append(rv.Added, s.event("added", r))
		}
	}
	for j, s := range p.live {
		if liveFree[j] {
			s.removed, s.removedAt = r.Revision, r.Fetched
			p.gone = append(p.gone, s)
			rv.Removed = append(rv.Removed, s.event("removed", r))
		}
	}
	p.live = next
	return rv
}

// edits pairs the claims left of the previous revision with the new ones
// they were edited into.
func (p *replayer) edits(r *loggedRevision, keys []string, next []*claimState, liveFree, newFree []bool, rv *Revision) {
	olds := make([]*loggedClaim, len(p.live))
	for j, s := range p.live {
		olds[j] = s.claim
	}
	news := make([]*loggedClaim, len(r.Claims))
	for i := range r.Claims {
		news[i] = &r.Claims[i]
	}
	for i, j := range matchEdits(olds, news, liveFree, newFree) {
		if j < 0 {
			continue
		}
		s := p.live[j]
		s.previousText, s.previousSource = "", nil
		if normText(s.claim.Text) != normText(news[i].Text) {
			s.previousText = s.claim.Text
		}
		if attribution(s.claim.Source) != attribution(news[i].Source) {
			prev := s.claim.Source
			s.previousSource = &prev
		}
		s.claim, s.key, s.changed, s.changedAt = news[i], keys[i], r.Revision, r.Fetched
		next[i] = s
		rv.Changed = append(rv.Changed, s.event("changed", r))
	}
}

// restore brings back removed claims that revision r has again, word for
// word.
func (p *replayer) restore(r *loggedRevision, keys []string, next []*claimState, newFree []bool, rv *Revision) {
	for i := range r.Claims {
		if !newFree[i] {
			continue
		}
		for g, s := range p.gone {
			if s.key == keys[i] {
				p.gone = slices.Delete(p.gone, g, g+1)
				s.claim, s.removed, s.removedAt = &r.Claims[i], 0, time.Time{}
				next[i], newFree[i] = s, false
				rv.Restored = append(rv.Restored, s.event("restored", r))
				break
			}
		}
	}
}

func trues(n int) []bool {
	out := make([]bool, n)
	for i := range out {
		out[i] = true
	}
	return out
}
