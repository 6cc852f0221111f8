package story

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fill sets every exported field reachable from v: a slice or a map gets
// one filled element, a pointer a filled value.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem())
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		fill(s.Index(0))
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(1e9, 0).UTC()))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint64:
		v.SetUint(1)
	case reflect.Float64:
		v.SetFloat(1)
	}
}

// shared returns the paths at which a and b hold the same slice, map or
// pointer.
func shared(a, b reflect.Value, path string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			return []string{path}
		}
		return shared(a.Elem(), b.Elem(), path)
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			return []string{path}
		}
		for i := range a.Len() {
			out = append(out, shared(a.Index(i), b.Index(i), path+"[]")...)
		}
	case reflect.Map:
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			return []string{path}
		}
	case reflect.Struct:
		if a.Type() == reflect.TypeFor[time.Time]() {
			return nil
		}
		for i := range a.NumField() {
			if f := a.Type().Field(i); f.IsExported() {
				out = append(out, shared(a.Field(i), b.Field(i), path+"."+f.Name)...)
			}
		}
	}
	return out
}

// TestCloneSharesNothing fills every field of a List and a Story, so that
// a field added later is checked too, and asks that the copy equal the
// original and share no memory with it.
func TestCloneSharesNothing(t *testing.T) {
	var l List
	var st Story
	fill(reflect.ValueOf(&l).Elem())
	fill(reflect.ValueOf(&st).Elem())
	for _, tc := range []struct {
		name       string
		orig, copy any
	}{
		{"List", &l, l.clone()},
		{"Story", &st, st.clone()},
	} {
		require.Equal(t, tc.orig, tc.copy, tc.name)
		if got := shared(reflect.ValueOf(tc.orig), reflect.ValueOf(tc.copy), tc.name); len(got) > 0 {
			t.Errorf("the copy of a %s shares %v with it, want nothing", tc.name, got)
		}
	}
	if n := deepSize(reflect.ValueOf(&l)); n < len(l.Stories)*int(reflect.TypeFor[Story]().Size()) {
		t.Errorf("deepSize of a List of %d stories: %d bytes, want at least their size", len(l.Stories), n)
	}
}
