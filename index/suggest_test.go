package index

import (
	"testing"

	"github.com/newsintel/newsintel"
	"github.com/stretchr/testify/require"
)

func TestSuggestEntities(t *testing.T) {
	ix := loaded(t)
	tests := []struct {
		text string
		t    newsintel.EntityType
		want []EntityMatch
	}{
		{"Alib", "", []EntityMatch{
			{ID: "company:alibaba-cloud", Name: "Alibaba Cloud", Type: newsintel.EntityCompany, Documents: 1},
			{ID: "company:alibaba-group", Name: "Alibaba Group", Type: newsintel.EntityCompany, Documents: 1},
		}},
		{"environmental", newsintel.EntityAgency, []EntityMatch{
			{ID: "agency:environmental-protection-agency", Name: "Environmental Protection Agency", Type: newsintel.EntityAgency, Documents: 2},
		}},
		{"environmental", newsintel.EntityPerson, nil},
		{"U.S. Depart", "", []EntityMatch{
			{ID: "agency:us-department-of-commerce", Name: "U.S. Department of Commerce", Type: newsintel.EntityAgency, Documents: 1},
			{ID: "agency:us-department-of-justice", Name: "U.S. Department of Justice", Type: newsintel.EntityAgency, Documents: 1},
		}},
	}
	for _, tt := range tests {
		got, err := ix.SuggestEntities(t.Context(), tt.text, tt.t, 5)
		require.NoError(t, err, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("SuggestEntities(%q, %q) = %+v, want %+v", tt.text, tt.t, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("SuggestEntities(%q, %q)[%d] = %+v, want %+v", tt.text, tt.t, i, got[i], tt.want[i])
			}
		}
	}
}

func TestSuggestEntitiesRefusals(t *testing.T) {
	ix := loaded(t)
	for _, tt := range []struct {
		text string
		t    newsintel.EntityType
		size int
	}{{"", "", 5}, {"--", "", 5}, {"boe", "ship", 5}, {"boe", "", 500}, {"boe", "", -1}} {
		_, err := ix.SuggestEntities(t.Context(), tt.text, tt.t, tt.size)
		if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
			t.Errorf("SuggestEntities(%q, %q, %d): code %q (%v), want %q", tt.text, tt.t, tt.size, got, err, newsintel.EINVALID)
		}
	}
}
