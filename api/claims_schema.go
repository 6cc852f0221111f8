package api

// claimResultSchema is the OpenAPI schema of /api/v1/claims in JSON.
func claimResultSchema() obj {
	str := obj{"type": "string"}
	strs := obj{"type": "array", "items": str}
	source := claimSourceSchema()
	claim := obj{"type": "object", "required": []string{"id", "document_id", "text", "quote", "source", "status", "added_revision"}, "properties": obj{
		"id":          obj{"type": "string", "description": "document ID, #c and a fingerprint of the claim as first published; stays the same when the article is edited"},
		"document_id": str, "title": str, "kind": str, "publisher": str, "url": str,
		"published": obj{"type": "string", "format": "date-time"},
		"text":      str, "cue": str, "hedge": str, "quote": obj{"type": "boolean"},
		"source": source, "entities": strs, "entity_names": strs, "score": obj{"type": "number"},
		"position":         obj{"type": "integer", "description": "place of the claim (from 1) among its document's claims in the newest revision; absent when removed"},
		"status":           obj{"type": "string", "enum": []string{"current", "changed", "removed"}, "description": "current: as first published; changed: edited by a later revision; removed: dropped by a later revision"},
		"added_revision":   obj{"type": "integer", "description": "revision of the article the claim first appeared in"},
		"added_at":         obj{"type": "string", "format": "date-time", "description": "when that revision was fetched; absent for revision 1"},
		"changed_revision": obj{"type": "integer", "description": "revision that last edited the claim"},
		"changed_at":       obj{"type": "string", "format": "date-time"},
		"previous_text":    obj{"type": "string", "description": "the claim's text before that edit, when the text changed"},
		"previous_source":  source, // the attribution before that edit, when it changed
		"removed_revision": obj{"type": "integer", "description": "revision that dropped the claim"},
		"removed_at":       obj{"type": "string", "format": "date-time", "description": "when that revision was fetched"},
		"warning":          obj{"type": "string", "description": "why the claim shows less than it should: its document's stored value cannot be read until it is indexed again"},
	}}
	return obj{"type": "object", "required": []string{"total", "took_ms", "claims"}, "properties": obj{
		"total": obj{"type": "integer"}, "took_ms": obj{"type": "number"},
		"claims":    obj{"type": "array", "items": claim},
		"facets":    obj{"type": "object", "additionalProperties": obj{"type": "array", "items": ref("FacetCount")}},
		"histogram": obj{"type": "array", "items": ref("DateBucket")},
	}}
}

// claimSourceSchema is the schema of a claim's source.
func claimSourceSchema() obj {
	str := obj{"type": "string"}
	return obj{"type": "object", "required": []string{"type"}, "properties": obj{
		"type":        obj{"type": "string", "enum": []string{"anonymous", "person", "organization", "document", "declined", "no_response", "unattributed"}},
		"count":       obj{"type": "integer", "description": `"three sources" gives 3; absent when not stated`},
		"plural":      obj{"type": "boolean"},
		"description": obj{"type": "string", "description": `"a former Trump administration official"`},
		"name":        str, "affiliation": str, "role": str,
		"via": obj{"type": "string", "description": "outlet relaying the claim"},
	}}
}
