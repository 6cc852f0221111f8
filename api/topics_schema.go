package api

// topicInputSchema is the OpenAPI schema of the body of POST and PUT
// /api/v1/topics.
func topicInputSchema() obj {
	str := obj{"type": "string"}
	return obj{"type": "object", "required": []string{"name", "schedule"}, "properties": obj{
		"name": str,
		"query": obj{"type": "object", "properties": obj{
			"q": obj{"type": "string", "description": "query string, as q of /api/v1/search"},
			"filters": obj{"type": "object", "description": "filters by the names of /api/v1/search (kind, source, publisher, language, form, section, entity, company, agency, government, person, place, source_type, has_anonymous, since, until); values within one filter are alternatives",
				"additionalProperties": obj{"type": "array", "items": str}},
		}},
		"schedule": obj{"type": "object", "required": []string{"every"}, "properties": obj{
			"every":    obj{"type": "string", "enum": []string{"hourly", "daily", "weekly"}},
			"at":       obj{"type": "string", "description": "HH:MM on the 24-hour clock (hourly: its minutes); default 00:00", "example": "07:30"},
			"weekday":  obj{"type": "string", "description": "monday … sunday, for weekly"},
			"timezone": obj{"type": "string", "description": "IANA time zone such as Europe/Berlin; default UTC"},
			"alerts":   obj{"type": "boolean", "description": "also deliver each matching document as it is indexed"},
		}},
		"options": obj{"type": "object", "properties": obj{
			"max_items":       obj{"type": "integer", "description": "entries per section, 1 to 100 (default 25)"},
			"min_score":       obj{"type": "number", "description": "leave out documents whose score for the query (in the index, as a search gives it) is below this, in digests and alerts alike; ignored without a query string"},
			"include_claims":  obj{"type": "boolean"},
			"anonymous_only":  obj{"type": "boolean", "description": "claims section: only claims resting on anonymous sources"},
			"include_filings": obj{"type": "boolean"},
			"include_notices": obj{"type": "boolean"},
		}},
	}}
}

// topicSchema is a stored topic: the input plus ID and times.
func topicSchema() obj {
	s := topicInputSchema()
	props := s["properties"].(obj)
	props["id"] = obj{"type": "string"}
	props["created"] = obj{"type": "string", "format": "date-time"}
	props["updated"] = obj{"type": "string", "format": "date-time"}
	props["feed_token"] = obj{"type": "string", "description": "opens the topic's feeds without an API key: feed.atom?token=…"}
	s["required"] = []string{"id", "name", "schedule"}
	return s
}

func subscriptionInputSchema() obj {
	return obj{"type": "object", "properties": obj{
		"channel": obj{"type": "string", "enum": []string{"email", "webhook", "feed"}, "description": "default: email with email, webhook with url, else feed"},
		"email":   obj{"type": "string", "format": "email"},
		"url":     obj{"type": "string", "description": "webhook URL (http or https)"},
		"secret":  obj{"type": "string", "description": "webhook HMAC-SHA256 key, at least 16 characters; never shown back"},
	}}
}

func subscriptionSchema() obj {
	date := obj{"type": "string", "format": "date-time"}
	return obj{"type": "object", "required": []string{"id", "topic_id", "channel", "active"}, "properties": obj{
		"id": obj{"type": "string"}, "topic_id": obj{"type": "string"},
		"channel": obj{"type": "string", "enum": []string{"email", "webhook", "feed"}},
		"email":   obj{"type": "string"}, "url": obj{"type": "string"},
		"has_secret": obj{"type": "boolean"}, "active": obj{"type": "boolean"},
		"last_sent": date, "created": date,
	}}
}

func digestSchema() obj {
	str := obj{"type": "string"}
	date := obj{"type": "string", "format": "date-time"}
	entry := obj{"type": "object", "required": []string{"id", "kind", "title"}, "properties": obj{
		"id": str, "kind": str, "title": str, "url": str, "publisher": str, "published": date, "summary": str,
		"score": obj{"type": "number"}, "cluster": str,
		"also_by": obj{"type": "array", "items": str, "description": "other outlets that carried the same story"},
	}}
	entries := obj{"type": "array", "items": entry}
	claim := obj{"type": "object", "properties": obj{
		"document_id": str, "title": str, "url": str, "publisher": str, "published": date,
		"claim": obj{"type": "object", "description": "the claim with its source (type, count, description, name, affiliation)"},
	}}
	spike := obj{"type": "object", "properties": obj{
		"entity_id": str, "name": str, "type": str, "count": obj{"type": "integer"},
		"baseline": obj{"type": "number", "description": "mean documents per period over the previous 7 periods"},
		"ratio":    obj{"type": "number", "description": "count / (baseline + 1)"},
	}}
	return obj{"type": "object", "required": []string{"topic_id", "since", "until", "total"}, "properties": obj{
		"topic_id": str, "topic_name": str, "since": date, "until": date, "generated": date,
		"total":     obj{"type": "integer", "description": "documents that matched in the period, before folding and the cap"},
		"documents": entries, "filings": entries, "notices": entries,
		"claims": obj{"type": "array", "items": claim}, "spikes": obj{"type": "array", "items": spike},
	}}
}
