package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/ingest/fedreg"
)

// accessionRe finds the accession number in a full-submission header.
var accessionRe = regexp.MustCompile(`ACCESSION NUMBER:\s*(\d{10}-\d{2}-\d{6})`)

// document publishes the formats that are not web pages: a PDF, an EDGAR
// full-submission .txt (a filing named by its accession number) or
// Federal Register JSON (each document a notice named by its number).
func (in *Ingester) document(ctx context.Context, f Format, data []byte, location string) (*Stats, error) {
	st := &Stats{}
	var raws []newsintel.Raw
	switch f {
	case FormatPDF:
		raw, err := in.raw(location, data, "application/pdf", nil)
		if err != nil {
			return st, err
		}
		raws = append(raws, raw)
	case FormatEDGAR:
		raw, err := in.raw(location, data, "text/plain", nil)
		if err != nil {
			return st, err
		}
		raw.Kind = newsintel.KindFiling
		if m := accessionRe.FindSubmatch(data[:min(len(data), 8192)]); m != nil {
			raw.ID = newsintel.FilingID(string(m[1]))
		}
		raws = append(raws, raw)
	case FormatFedReg:
		docs, err := fedregDocuments(data)
		if err != nil {
			return st, fmt.Errorf("ingest %s: %w", location, err)
		}
		for _, d := range docs {
			in.fullText(ctx, d)
			raws = append(raws, d.ToRaw(in.sourceName(), time.Now().UTC()))
		}
	}
	for _, raw := range raws {
		if err := in.Pub.PublishRaw(ctx, raw); err != nil {
			st.fail(fmt.Errorf("ingest %s (%s): %w", location, raw.ID, err))
			continue
		}
		st.ok()
	}
	return st, nil
}

// fedregDocuments reads one Federal Register document, or the results of a
// documents API page.
func fedregDocuments(data []byte) ([]*fedreg.Document, error) {
	var page struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		return nil, fmt.Errorf("federal register JSON: %w", err)
	}
	if page.Results == nil {
		d, err := fedreg.Parse(data)
		if err != nil {
			return nil, err
		}
		return []*fedreg.Document{d}, nil
	}
	var out []*fedreg.Document
	for _, r := range page.Results {
		d, err := fedreg.Parse(r)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// fullText fetches a notice's raw text when the JSON names it but does not
// bundle it; without it the notice keeps its abstract as its body.
func (in *Ingester) fullText(ctx context.Context, d *fedreg.Document) {
	if d.RawText != "" || in.Client == nil || (d.RawTextURL == "" && d.BodyHTMLURL == "") {
		return
	}
	c := &fedreg.Client{Fetch: in.Client}
	if err := c.Text(ctx, d); err != nil {
		in.log().Warn("notice text not fetched; using its abstract", "document_number", d.DocumentNumber, "error", err)
	}
}
