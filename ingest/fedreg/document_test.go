package fedreg

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

const doc = `{"title":"Securing the Information and Communications Technology and Services Supply Chain","type":"Rule",
"abstract":"This rule implements provisions of Executive Order 13873.","document_number":"2021-01234",
"publication_date":"2021-01-19","effective_on":"2021-03-22","docket_ids":["Docket No. 201214-0341"],
"cfr_references":[{"title":15,"part":7}],"regulation_id_numbers":["0605-AA51"],"significant":true,
"agencies":[{"raw_name":"DEPARTMENT OF COMMERCE","name":"Commerce Department","id":54,"url":"https://www.federalregister.gov/agencies/commerce-department","json_url":"https://www.federalregister.gov/api/v1/agencies/54","parent_id":null,"slug":"commerce-department"}],
"html_url":"https://www.federalregister.gov/documents/2021/01/19/2021-01234/securing","pdf_url":"https://www.govinfo.gov/content/pkg/FR-2021-01-19/pdf/2021-01234.pdf",
"raw_text":"The Department of Commerce issues this rule."}`

func TestParseAndToRaw(t *testing.T) {
	d, err := Parse([]byte(doc))
	require.NoError(t, err)
	raw := d.ToRaw("fedreg", time.Unix(0, 0))
	if raw.ID != "fr-2021-01234" || raw.Kind != newsintel.KindNotice || string(raw.Body) != "The Department of Commerce issues this rule." {
		t.Errorf("raw = %+v", raw)
	}
	n := raw.Notice
	if n.Type != "Rule" || !n.Significant || n.Agencies[0].Slug != "commerce-department" || n.CFRReferences[0] != "15 CFR 7" || n.RINs[0] != "0605-AA51" {
		t.Errorf("notice = %+v", n)
	}
	if raw.Item.Title == "" || raw.Item.Published.Format("2006-01-02") != "2021-01-19" {
		t.Errorf("item = %+v", raw.Item)
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{`{"title":"x"}`, `not json`, `{"document_number":"../../etc"}`} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%s) = nil error, want one", in)
		}
	}
}
