package newsintel

// EntityType is the type of a named entity.
type EntityType string

// The entity types.
const (
	EntityCompany    EntityType = "company"
	EntityAgency     EntityType = "agency"     // a government body: department, office, embassy, regulator
	EntityGovernment EntityType = "government" // a government or administration as a whole: "Biden administration"
	EntityPerson     EntityType = "person"
	EntityPlace      EntityType = "place"
)

// Valid reports whether t is one of the known entity types.
func (t EntityType) Valid() bool {
	switch t {
	case EntityCompany, EntityAgency, EntityGovernment, EntityPerson, EntityPlace:
		return true
	}
	return false
}

// EntityTypes lists every entity type, in a stable order.
func EntityTypes() []EntityType {
	return []EntityType{EntityCompany, EntityAgency, EntityGovernment, EntityPerson, EntityPlace}
}

// Entity is a thing that documents mention: a company, an agency, a
// government, a person or a place. Its ID is stable across documents and
// runs (see EntityID).
type Entity struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"` // canonical name
	Type        EntityType        `json:"type"`
	Aliases     []string          `json:"aliases,omitempty"`
	Identifiers map[string]string `json:"identifiers,omitempty"` // "cik", "ticker", "fr_slug", "iso"
	Parent      string            `json:"parent,omitempty"`      // ID of the parent entity ("Alibaba Cloud" → Alibaba)
}
