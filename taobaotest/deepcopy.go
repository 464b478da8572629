package taobaotest

import (
	"reflect"
	"sync"
)

// deepCopy returns a copy of v that shares no slice, pointer or map with
// it, so that a test changing what it got back cannot change the server's
// data (and the other way round).
func deepCopy[T any](v T) T {
	out := v
	copyValue(reflect.ValueOf(&out).Elem())
	return out
}

// refFields lists, per struct type, the fields that hold references and
// need copying; the rest is copied with the struct.
var refFields sync.Map // reflect.Type -> []int

func refsOf(t reflect.Type) []int {
	if r, ok := refFields.Load(t); ok {
		return r.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if hasRefs(t.Field(i).Type) {
			idx = append(idx, i)
		}
	}
	r, _ := refFields.LoadOrStore(t, idx)
	return r.([]int)
}

func hasRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer, reflect.Map, reflect.Interface:
		return true
	case reflect.Struct:
		return len(refsOf(t)) > 0
	case reflect.Array:
		return hasRefs(t.Elem())
	}
	return false
}

// copyValue replaces the references inside the settable v by copies.
func copyValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for _, i := range refsOf(v.Type()) {
			if f := v.Field(i); f.CanSet() {
				copyValue(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		if hasRefs(v.Type().Elem()) {
			for i := range c.Len() {
				copyValue(c.Index(i))
			}
		}
		v.Set(c)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		copyValue(c.Elem())
		v.Set(c)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(iter.Value())
			copyValue(e)
			c.SetMapIndex(iter.Key(), e)
		}
		v.Set(c)
	case reflect.Array:
		for i := range v.Len() {
			copyValue(v.Index(i))
		}
	}
}
