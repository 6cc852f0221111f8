package config

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestExampleIsValid keeps config/example.yaml loadable and valid, and
// checks it documents every key the environment can override.
func TestExampleIsValid(t *testing.T) {
	c, err := LoadFile("example.yaml")
	require.NoError(t, err)
	require.NoError(t, c.Validate())
	if len(c.Sources) == 0 {
		t.Error("example.yaml lists no sources")
	}
	d := Default()
	for name, f := range envTable(reflect.ValueOf(&d).Elem(), "") {
		if _, ok := c.lines[f.key]; !ok {
			t.Errorf("example.yaml does not document %s (%s)", f.key, name)
		}
	}
}
