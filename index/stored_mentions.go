package index

import (
	"errors"

	"github.com/newsintel/newsintel"
)

// storedMentions is how the tags store a document's mentions, in columns
// that compress far better than a JSON object per mention: each entity
// once (ID, name, type), then per mention the entity's place in that
// list, its start as the distance from the previous mention's start, its
// length, and its confidence. A mention's text is kept only where it is
// not the body at its offsets. A news article has some 40 mentions of a
// dozen entities: this takes about half the compressed bytes the objects
// do.
type storedMentions struct {
	Entities []mentionEntity `json:"e"`
	Entity   []int           `json:"i"`
	Start    []int           `json:"s"`
	Len      []int           `json:"n"`
	Conf     []float64       `json:"c,omitempty"` // left out when no mention has a confidence
	Text     map[int]string  `json:"t,omitempty"` // by mention, where it is not the body at its offsets
}

// mentionEntity is the ID, name and type of a mentioned entity.
type mentionEntity [3]string

var errStoredMentions = errors.New("stored mentions are malformed")

// packMentions stores ms, mentions of body, as storedMentions; nil when
// there are none.
func packMentions(body string, ms []newsintel.Mention) *storedMentions {
	if len(ms) == 0 {
		return nil
	}
	sm := &storedMentions{Entity: make([]int, len(ms)), Start: make([]int, len(ms)), Len: make([]int, len(ms))}
	seen := map[mentionEntity]int{}
	prev, conf := 0, false
	for i, m := range ms {
		e := mentionEntity{m.EntityID, m.Name, string(m.Type)}
		k, ok := seen[e]
		if !ok {
			k = len(sm.Entities)
			seen[e] = k
			sm.Entities = append(sm.Entities, e)
		}
		sm.Entity[i], sm.Start[i], sm.Len[i] = k, m.Start-prev, m.End-m.Start
		prev = m.Start
		conf = conf || m.Confidence != 0
		if m.Text != "" && !spanIs(body, m.Start, m.End, m.Text) {
			if sm.Text == nil {
				sm.Text = map[int]string{}
			}
			sm.Text[i] = m.Text
		}
	}
	if conf {
		sm.Conf = make([]float64, len(ms))
		for i, m := range ms {
			sm.Conf[i] = m.Confidence
		}
	}
	return sm
}

// mentions reverses packMentions, but for the texts left out, which
// restoreText fills in from the body. It returns errStoredMentions when
// the columns do not fit together.
func (sm *storedMentions) mentions() ([]newsintel.Mention, error) {
	if sm == nil {
		return nil, nil
	}
	n := len(sm.Entity)
	if len(sm.Start) != n || len(sm.Len) != n || sm.Conf != nil && len(sm.Conf) != n {
		return nil, errStoredMentions
	}
	out := make([]newsintel.Mention, n)
	prev := 0
	for i := range out {
		k := sm.Entity[i]
		if k < 0 || k >= len(sm.Entities) {
			return nil, errStoredMentions
		}
		e := sm.Entities[k]
		start := prev + sm.Start[i]
		out[i] = newsintel.Mention{EntityID: e[0], Name: e[1], Type: newsintel.EntityType(e[2]), Text: sm.Text[i],
			Start: start, End: start + sm.Len[i]}
		if sm.Conf != nil {
			out[i].Confidence = sm.Conf[i]
		}
		prev = start
	}
	return out, nil
}
