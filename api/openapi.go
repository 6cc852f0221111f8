package api

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// obj is a JSON object of the OpenAPI description.
type obj = map[string]any

// openAPIDoc builds the OpenAPI 3.1 description from the route table.
func (s *Server) openAPIDoc() obj {
	paths := obj{}
	for _, rt := range s.table() {
		item, _ := paths[rt.Path].(obj)
		if item == nil {
			item = obj{}
			paths[rt.Path] = item
		}
		item[lowerMethod(rt.Method)] = operation(rt)
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":       "newsintel API",
			"version":     "1",
			"description": "Search news, filings and notices; entities; sourcing claims; sources. Errors are {\"error\": {\"code\", \"message\"}}.",
		},
		"paths": paths,
		"components": obj{
			"schemas": schemas(),
			"securitySchemes": obj{
				"bearer": obj{"type": "http", "scheme": "bearer", "description": "API key; scopes read and admin"},
				"apiKey": obj{"type": "apiKey", "in": "header", "name": "X-API-Key"},
				"uiLogin": obj{"type": "apiKey", "in": "cookie", "name": KeyCookie,
					"description": "the web UI's login cookie (same key and scopes); writes only from the same origin"},
			},
		},
	}
}

func operation(rt route) obj {
	op := obj{"summary": rt.Summary, "operationId": operationID(rt)}
	if len(rt.Params) > 0 {
		var ps []obj
		for _, p := range rt.Params {
			ps = append(ps, paramDoc(p))
		}
		op["parameters"] = ps
	}
	if rt.Body != "" {
		op["requestBody"] = obj{"required": true, "content": obj{"application/json": obj{"schema": ref(rt.Body)}}}
	}
	if rt.Scope != scopeNone {
		op["security"] = []obj{{"bearer": []string{rt.Scope}}, {"apiKey": []string{rt.Scope}}, {"uiLogin": []string{rt.Scope}}}
		op["x-scope"] = rt.Scope
	}
	op["responses"] = responses(rt)
	return op
}

func responses(rt route) obj {
	status := rt.Status
	if status == 0 {
		status = http.StatusOK
	}
	ok := obj{"description": http.StatusText(status)}
	switch {
	case rt.Response != "":
		ok["content"] = obj{"application/json": obj{"schema": ref(rt.Response)}}
	case rt.Produces != "":
		ok["content"] = obj{rt.Produces: obj{"schema": obj{"type": "string"}}}
	}
	out := obj{strconv.Itoa(status): ok}
	errResp := obj{"description": "error", "content": obj{"application/json": obj{"schema": ref("Error")}}}
	out["4XX"] = errResp
	out["5XX"] = errResp
	return out
}

func paramDoc(p param) obj {
	in := p.In
	if in == "" {
		in = "query"
	}
	schema := obj{"type": p.Type}
	if len(p.Enum) > 0 {
		schema["enum"] = p.Enum
	}
	d := obj{"name": p.Name, "in": in, "required": p.Required || in == "path", "description": p.Doc, "schema": schema}
	if p.Example != "" {
		d["example"] = p.Example
	}
	return d
}

func operationID(rt route) string {
	id := lowerMethod(rt.Method)
	up := true
	for _, c := range rt.Path {
		switch {
		case c >= 'a' && c <= 'z' && up:
			id += string(c - 'a' + 'A')
			up = false
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			id += string(c)
		default:
			up = true
		}
	}
	return id
}

func lowerMethod(m string) string {
	b := []byte(m)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// openapi serves the description, built once per Server (the table does
// not change after New).
func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	_, _ = w.Write(s.apiDoc())
}

// encodedAPIDoc is the description as JSON.
func (s *Server) encodedAPIDoc() []byte {
	b, err := json.MarshalIndent(s.openAPIDoc(), "", "  ")
	if err != nil {
		panic("api: OpenAPI description does not encode: " + err.Error()) // a bug in the literal above
	}
	return b
}
