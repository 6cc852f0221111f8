package api

// storySchema is the OpenAPI schema of one story (/api/v1/stories/{id}
// and the items of the list).
func storySchema() obj {
	str := obj{"type": "string"}
	strs := obj{"type": "array", "items": str}
	integer := obj{"type": "integer"}
	date := obj{"type": "string", "format": "date-time"}
	attribution := obj{"type": "string", "enum": []string{"on_record", "own_sources", "via", "unattributed"},
		"description": "on_record: a named person, organisation or document; own_sources: the outlet's own anonymous sources; via: relayed from another outlet; unattributed: hedged or without a source"}
	removed := obj{"type": "object", "required": []string{"claim_id", "text", "removed_in"}, "properties": obj{
		"claim_id": str, "text": str, "source_type": str, "source_description": str,
		"added_in": integer, "removed_in": obj{"type": "integer", "description": "the revision that dropped the claim"},
		"removed_at": date,
	}}
	report := obj{"type": "object", "required": []string{"document_id", "attribution", "claim_id", "text", "source_type"}, "properties": obj{
		"document_id": str, "kind": str, "publisher": str, "title": str, "url": str, "published": date,
		"attribution": attribution, "via": obj{"type": "string", "description": "the outlet relayed"},
		"claim_id": str, "text": str, "hedge": str, "source_type": str,
		"source_count": integer, "source_description": str, "source_name": str,
		"claims":  obj{"type": "integer", "description": "claims of the document in the story"},
		"removed": obj{"type": "array", "items": removed, "description": "claims of the story a later revision of the document dropped"},
	}}
	why := obj{"type": "object", "required": []string{"shared_entities", "shared_terms", "rule"}, "properties": obj{
		"shared_entities": strs, "shared_terms": obj{"type": "array", "items": str, "description": "stemmed words shared with the story"},
		"cue":  obj{"type": "string", "description": "the words that made it a denial, or the on-record cue"},
		"rule": str,
	}}
	link := obj{"type": "object", "required": []string{"label", "evidence", "document_id", "delay", "delay_seconds", "passage", "why"}, "properties": obj{
		"label":       obj{"type": "string", "enum": []string{"confirms", "denies", "related"}},
		"evidence":    obj{"type": "string", "enum": []string{"on_record_claim", "filing", "notice", "article", "document"}},
		"document_id": str, "kind": str, "publisher": str, "title": str, "url": str, "published": date,
		"delay":         obj{"type": "string", "description": "after the first report: 9d4h"},
		"delay_seconds": integer, "claim_id": str, "section": str,
		"passage": obj{"type": "string", "description": "the sentence or claim that is the evidence"},
		"source":  str, "why": why,
	}}
	return obj{"type": "object", "required": []string{"id", "headline", "first_report", "reports", "counts", "anonymous", "links"}, "properties": obj{
		"id":       obj{"type": "string", "description": "the first claim's document ID, a dot and 8 hex digits; stable as documents arrive"},
		"headline": str,
		"entities": obj{"type": "array", "items": obj{"type": "object", "properties": obj{"id": str, "name": str, "reports": integer}}},
		"terms":    strs, "start": date, "end": date,
		"first_report": report, "reports": obj{"type": "array", "items": report},
		"counts": obj{"type": "object", "properties": obj{
			"reports": integer, "outlets": integer,
			"by_attribution": obj{"type": "object", "additionalProperties": integer},
			"by_outlet":      obj{"type": "array", "items": obj{"type": "object", "properties": obj{"outlet": str, "reports": integer}}},
		}},
		"anonymous":          obj{"type": "boolean", "description": "the first report rests on anonymous sources (or on none: reportedly); only such stories get links"},
		"links":              obj{"type": "array", "items": link},
		"evidence_truncated": obj{"type": "boolean"},
	}}
}

// storyListSchema is the OpenAPI schema of /api/v1/stories in JSON.
func storyListSchema() obj {
	integer := obj{"type": "integer"}
	return obj{"type": "object", "required": []string{"total", "claims_matched", "claims_read", "truncated", "stories"}, "properties": obj{
		"total":          obj{"type": "integer", "description": "stories found with at least min_reports reports"},
		"claims_matched": integer,
		"claims_read":    obj{"type": "integer", "description": "claims grouped: at most 2000, the newest"},
		"truncated":      obj{"type": "boolean", "description": "more claims matched than were read; narrow the filters"},
		"took_ms":        obj{"type": "number"},
		"stories":        obj{"type": "array", "items": ref("Story")},
	}}
}
