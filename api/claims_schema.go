package api

// claimResultSchema is the OpenAPI schema of /api/v1/claims in JSON.
func claimResultSchema() obj {
	str := obj{"type": "string"}
	strs := obj{"type": "array", "items": str}
	source := obj{"type": "object", "required": []string{"type"}, "properties": obj{
		"type":        obj{"type": "string", "enum": []string{"anonymous", "person", "organization", "document", "declined", "no_response", "unattributed"}},
		"count":       obj{"type": "integer", "description": `"three sources" gives 3; absent when not stated`},
		"plural":      obj{"type": "boolean"},
		"description": obj{"type": "string", "description": `"a former Trump administration official"`},
		"name":        str, "affiliation": str, "role": str,
		"via": obj{"type": "string", "description": "outlet relaying the claim"},
	}}
	claim := obj{"type": "object", "required": []string{"id", "document_id", "text", "quote", "source"}, "properties": obj{
		"id":          obj{"type": "string", "description": "document ID, #c and the claim's number in the document"},
		"document_id": str, "title": str, "kind": str, "publisher": str, "url": str,
		"published": obj{"type": "string", "format": "date-time"},
		"text":      str, "cue": str, "hedge": str, "quote": obj{"type": "boolean"},
		"source": source, "entities": strs, "entity_names": strs, "score": obj{"type": "number"},
	}}
	return obj{"type": "object", "required": []string{"total", "took_ms", "claims"}, "properties": obj{
		"total": obj{"type": "integer"}, "took_ms": obj{"type": "number"},
		"claims":    obj{"type": "array", "items": claim},
		"facets":    obj{"type": "object", "additionalProperties": obj{"type": "array", "items": ref("FacetCount")}},
		"histogram": obj{"type": "array", "items": ref("DateBucket")},
	}}
}
