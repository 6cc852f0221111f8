package api

// schemas returns the component schemas of the OpenAPI description.
func schemas() obj {
	str := obj{"type": "string"}
	integer := obj{"type": "integer"}
	date := obj{"type": "string", "format": "date-time"}
	arr := func(items obj) obj { return obj{"type": "array", "items": items} }
	object := func(props obj, required ...string) obj {
		o := obj{"type": "object", "properties": props}
		if len(required) > 0 {
			o["required"] = required
		}
		return o
	}
	facet := object(obj{"term": str, "name": str, "count": integer}, "term", "count")
	bucket := object(obj{"start": date, "count": integer}, "start", "count")
	hit := object(obj{
		"id": str, "title": str, "url": str, "kind": str, "source": str, "publisher": str,
		"published": date, "score": obj{"type": "number"},
		"snippet":   obj{"type": "string", "description": "HTML: escaped text with <mark> around matches"},
		"fragments": obj{"type": "object", "additionalProperties": arr(str)},
		"warning":   obj{"type": "string", "description": "why the hit shows less than it should: its stored document cannot be read until it is indexed again"},
	}, "id", "title", "kind", "source")
	entity := object(obj{
		"id": str, "name": str, "type": str, "aliases": arr(str),
		"identifiers": obj{"type": "object", "additionalProperties": str, "description": "cik, ticker, fr_slug, iso"},
		"parent":      str,
	}, "id", "name", "type")
	return obj{
		"Error": object(obj{"error": object(obj{
			"code":    obj{"type": "string", "enum": []string{"invalid", "not_found", "conflict", "unauthorized", "forbidden", "unavailable", "too_many", "internal"}},
			"message": obj{"type": "string", "description": "what went wrong and what to change"},
		}, "code", "message")}, "error"),
		"Status":  object(obj{"status": str, "reason": str}, "status"),
		"OpenAPI": obj{"type": "object", "description": "this document"},
		"SearchResult": object(obj{
			"total": integer, "took_ms": obj{"type": "number"}, "hits": arr(ref("Hit")),
			"facets":    obj{"type": "object", "additionalProperties": arr(ref("FacetCount"))},
			"histogram": arr(ref("DateBucket")),
			"next":      obj{"type": "string", "description": "search_after cursor of the next page; absent on the last"},
		}, "total", "hits"),
		"Hit":        hit,
		"FacetCount": facet,
		"DateBucket": bucket,
		"Document": obj{"type": "object", "description": "a document with body, mentions, claims and sourcing profile",
			"required": []string{"id", "kind", "source"}},
		"ClaimResult":   claimResultSchema(),
		"StoryList":     storyListSchema(),
		"Story":         storySchema(),
		"SimilarResult": object(obj{"id": str, "hits": arr(ref("Hit"))}, "id", "hits"),
		"Entity":        entity,
		"EntityList":    object(obj{"entities": arr(ref("EntitySuggestion"))}, "entities"),
		"EntitySuggestion": object(obj{
			"id": str, "name": str, "type": str, "aliases": arr(str), "identifiers": obj{"type": "object", "additionalProperties": str},
			"mentions": obj{"type": "integer", "description": "indexed documents mentioning it, when known"},
		}, "id", "name", "type"),
		"EntityPage": object(obj{
			"entity": ref("Entity"), "mentions": integer, "timeline": arr(ref("DateBucket")),
			"co_mentioned":          arr(ref("FacetCount")),
			"latest":                obj{"type": "object", "description": "newest documents by kind: article, filing, notice", "additionalProperties": arr(ref("Hit"))},
			"claims_by_source_type": arr(ref("FacetCount")),
		}, "entity", "mentions"),
		"SourceList": object(obj{"sources": arr(ref("SourceStatus"))}, "sources"),
		"SourceStatus": object(obj{
			"name": str, "type": str, "kind": str, "url": str, "interval": str, "origin": str,
			"last_poll": date, "last_success": date, "last_error": str, "last_error_at": date,
			"consecutive_failures": integer, "items_seen": integer, "last_new_item": date, "next_poll": date,
		}, "name", "type", "url"),
		"SourceInput": object(obj{
			"name":     obj{"type": "string", "description": "letters, digits, - and _"},
			"type":     obj{"type": "string", "enum": []string{"feed", "crawl", "edgar", "fedreg"}},
			"kind":     obj{"type": "string", "enum": []string{"article", "filing", "notice"}},
			"url":      str,
			"interval": obj{"type": "string", "description": "Go duration such as 15m"},
		}, "name", "type", "url"),
		"Delivery":        deliverySchema(),
		"DeliveryList":    deliveryListSchema(),
		"RevisionHistory": revisionHistorySchema(),

		"Topic":             topicSchema(),
		"TopicInput":        topicInputSchema(),
		"TopicList":         object(obj{"topics": arr(ref("Topic"))}, "topics"),
		"Subscription":      subscriptionSchema(),
		"SubscriptionInput": subscriptionInputSchema(),
		"SubscriptionList":  object(obj{"subscriptions": arr(ref("Subscription"))}, "subscriptions"),
		"Digest":            digestSchema(),
	}
}
