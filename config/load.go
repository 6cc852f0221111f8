package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// EnvPrefix starts every environment override.
const EnvPrefix = "NEWSINTEL_"

// EnvConfigFile names the environment variable that may point at the YAML
// file; it is not a key of the file itself.
const EnvConfigFile = "NEWSINTEL_CONFIG"

// Load reads YAML from r over the defaults. name is the file name used in
// error messages. Unknown keys are errors that name the key and the line.
// Load does not validate; call Validate after applying overrides.
func Load(r io.Reader, name string) (Config, error) {
	c := Default()
	c.file = name
	data, err := io.ReadAll(r)
	if err != nil {
		return c, fmt.Errorf("config %s: %w", name, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return c, fmt.Errorf("config %s: %w", name, err)
	}
	c.lines = map[string]int{}
	recordLines(&root, "", c.lines)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return c, fmt.Errorf("config %s: %w", name, err)
	}
	return c, nil
}

// LoadFile reads the YAML file at path over the defaults (see Load).
func LoadFile(path string) (Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return Default(), fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	return Load(f, path)
}

// recordLines walks a YAML tree and remembers the line of every key path
// ("fetch.timeout", "sources.0.url").
func recordLines(n *yaml.Node, path string, lines map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			recordLines(c, path, lines)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := join(path, n.Content[i].Value)
			lines[p] = n.Content[i].Line
			recordLines(n.Content[i+1], p, lines)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := join(path, strconv.Itoa(i))
			lines[p] = c.Line
			recordLines(c, p, lines)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// ApplyEnv applies overrides from env, a list of KEY=VALUE strings such as
// os.Environ(). Each scalar key has a variable: NEWSINTEL_ + the key path
// upper-cased with dots as underscores (fetch.allow_private_networks →
// NEWSINTEL_FETCH_ALLOW_PRIVATE_NETWORKS). An unknown NEWSINTEL_ variable or
// an unparsable value is an error naming the variable.
func (c *Config) ApplyEnv(env []string) error {
	table := envTable(reflect.ValueOf(c).Elem(), "")
	for _, kv := range env {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(name, EnvPrefix) || name == EnvConfigFile {
			continue
		}
		f, known := table[name]
		if !known {
			return fmt.Errorf("config: unknown environment variable %s (keys: %s)", name, strings.Join(sortedKeys(table), ", "))
		}
		if err := setScalar(f.value, value); err != nil {
			return fmt.Errorf("config: %s (%s): %w", name, f.key, err)
		}
		if c.lines != nil {
			delete(c.lines, f.key) // the value no longer comes from the file
		}
	}
	return nil
}

type envField struct {
	key   string
	value reflect.Value
}

// envTable maps every overridable variable to its field: all scalar fields
// reachable through structs (lists such as sources are file-only).
func envTable(v reflect.Value, path string) map[string]envField {
	out := map[string]envField{}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := strings.Split(sf.Tag.Get("yaml"), ",")[0]
		if !sf.IsExported() || tag == "" || tag == "-" {
			continue
		}
		key := join(path, tag)
		fv := v.Field(i)
		switch {
		case fv.Kind() == reflect.Struct:
			for k, f := range envTable(fv, key) {
				out[k] = f
			}
		case fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map:
			// not overridable from the environment
		default:
			name := EnvPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
			out[name] = envField{key: key, value: fv}
		}
	}
	return out
}

// setScalar parses s into the field v by its type.
func setScalar(v reflect.Value, s string) error {
	switch p := v.Addr().Interface().(type) {
	case *Duration:
		return p.parse(s)
	case *Size:
		return p.parse(s)
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("not a boolean (use true or false): %q", s)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return fmt.Errorf("not a whole number: %q", s)
		}
		v.SetInt(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("not a number: %q", s)
		}
		v.SetFloat(f)
	default:
		return fmt.Errorf("cannot be set from the environment")
	}
	return nil
}
