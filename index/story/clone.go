package story

import (
	"maps"
	"reflect"
	"slices"
	"time"
	"unsafe"
)

// clone copies l whole: the copy shares no slice, map or pointer with l.
func (l *List) clone() *List {
	c := *l
	c.Stories = slices.Clone(l.Stories)
	for i := range c.Stories {
		c.Stories[i].copyRefs()
	}
	return &c
}

// clone copies st whole.
func (st *Story) clone() *Story {
	c := *st
	c.copyRefs()
	return &c
}

// copyRefs replaces the slices, maps and pointers of st by copies.
func (st *Story) copyRefs() {
	st.Entities, st.Terms = slices.Clone(st.Entities), slices.Clone(st.Terms)
	st.First.copyRefs()
	st.Reports = slices.Clone(st.Reports)
	for i := range st.Reports {
		st.Reports[i].copyRefs()
	}
	st.Counts.ByAttribution, st.Counts.ByOutlet = maps.Clone(st.Counts.ByAttribution), slices.Clone(st.Counts.ByOutlet)
	st.Links = slices.Clone(st.Links)
	for i := range st.Links {
		w := &st.Links[i].Why
		w.SharedEntities, w.SharedTerms = slices.Clone(w.SharedEntities), slices.Clone(w.SharedTerms)
	}
}

func (r *Report) copyRefs() {
	if r.SourceCount != nil {
		n := *r.SourceCount
		r.SourceCount = &n
	}
	r.Removed = slices.Clone(r.Removed)
}

// deepSize estimates the bytes v takes, with what its slices, maps,
// pointers and strings hold.
func deepSize(v reflect.Value) int {
	if v.Type() == reflect.TypeFor[time.Time]() {
		return int(v.Type().Size()) // its Location is shared
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return int(unsafe.Sizeof(uintptr(0)))
		}
		return int(unsafe.Sizeof(uintptr(0))) + deepSize(v.Elem())
	case reflect.String:
		return int(v.Type().Size()) + v.Len()
	case reflect.Slice:
		n := int(v.Type().Size()) + (v.Cap()-v.Len())*int(v.Type().Elem().Size())
		for i := range v.Len() {
			n += deepSize(v.Index(i))
		}
		return n
	case reflect.Map:
		n := int(v.Type().Size())
		for it := v.MapRange(); it.Next(); {
			n += deepSize(it.Key()) + deepSize(it.Value()) + 16 // and the map's own per-entry cost
		}
		return n
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			n += deepSize(v.Field(i))
		}
		return max(n, int(v.Type().Size()))
	}
	return int(v.Type().Size())
}
