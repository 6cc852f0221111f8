package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/index"
)

// similarOnPage is how many similar documents the document page lists.
const similarOnPage = 6

// documentData is the data of the document page.
type documentData struct {
	Doc        *newsintel.Document
	Paragraphs []paragraph
	Claims     []claimView
	Anonymous  int // claims resting on anonymous sources
	Profile    []profileRow
	Entities   []entityLink
	Similar    []index.Hit
	SimilarErr string
	Revisions  *index.RevisionHistory // nil when the index keeps none
	Sections   []tocEntry             // the table of contents, in body order
}

// tocEntry is one section in the table of contents; Sub marks a
// sub-item (20-F Item 3.D under Item 3).
type tocEntry struct {
	newsintel.Section
	Anchor string
	Sub    bool
}

// toc lists the sections in the order they stand in the body.
func toc(sections []newsintel.Section) []tocEntry {
	out := make([]tocEntry, 0, len(sections))
	for _, s := range sections {
		out = append(out, tocEntry{Section: s, Anchor: sectionAnchor(s), Sub: strings.Contains(s.Key, ".")})
	}
	slices.SortStableFunc(out, func(a, b tocEntry) int { return a.Start - b.Start })
	return out
}

// profileRow is one source type of the sourcing profile.
type profileRow struct {
	Type  newsintel.SourceType
	Count int
}

type entityLink struct {
	ID, Name string
	Type     newsintel.EntityType
	Count    int
}

func (h *Handler) documentPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !newsintel.ValidID(id) {
		h.fail(w, r, newsintel.Errorf(newsintel.EINVALID, "%q is not a document ID", clip(id, 60)))
		return
	}
	doc, err := h.opts.Index.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	claims := claimViews(doc.Claims)
	d := documentData{Doc: doc, Paragraphs: bodyParagraphs(doc, claims), Claims: claims,
		Profile: profileRows(doc.Profile), Entities: entityLinks(doc.Mentions), Sections: toc(doc.Sections)}
	for _, c := range claims {
		if c.Claim.Source.Type == newsintel.SourceAnonymous {
			d.Anonymous++
		}
	}
	hits, err := h.opts.Index.Similar(r.Context(), id, similarOnPage)
	if err != nil {
		d.SimilarErr = newsintel.ErrorMessage(err) // the page is still worth showing
	}
	d.Similar = hits
	if ri, ok := h.opts.Index.(api.RevisionIndex); ok {
		if d.Revisions, err = ri.Revisions(r.Context(), id); err != nil {
			// A document indexed before revision logs has none (ENOTFOUND);
			// the page stands without them either way, but any other
			// failure is logged (errorStatus), not hidden.
			d.Revisions = nil
			if newsintel.ErrorCode(err) != newsintel.ENOTFOUND {
				h.errorStatus(err)
			}
		}
	}
	title := doc.Title
	if title == "" {
		title = "Document " + id
	}
	h.render(w, r, "document", http.StatusOK, page{Title: clip(title, 80), Nav: "document", Data: d})
}

// profileRows lists the sourcing profile's source types, most claims first.
func profileRows(p *newsintel.SourcingProfile) []profileRow {
	if p == nil {
		return nil
	}
	var out []profileRow
	for _, t := range newsintel.SourceTypes() {
		if n := p.ByType[t]; n > 0 {
			out = append(out, profileRow{Type: t, Count: n})
		}
	}
	slices.SortStableFunc(out, func(a, b profileRow) int { return b.Count - a.Count })
	return out
}

// entityLinks lists the entities a document mentions, most mentions first.
func entityLinks(ms []newsintel.Mention) []entityLink {
	idx := map[string]int{}
	var out []entityLink
	for _, m := range ms {
		if !m.Type.Valid() || m.EntityID == "" {
			continue
		}
		if i, ok := idx[m.EntityID]; ok {
			out[i].Count++
			continue
		}
		idx[m.EntityID] = len(out)
		out = append(out, entityLink{ID: m.EntityID, Name: m.Name, Type: m.Type, Count: 1})
	}
	slices.SortStableFunc(out, func(a, b entityLink) int { return b.Count - a.Count })
	return out
}
