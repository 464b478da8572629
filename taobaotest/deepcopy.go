package taobaotest

import (
	"reflect"
)

// deepCopy returns a copy of v that shares no slice, pointer or map with
// it, so that a test changing what it got back cannot change the server's
// data (and the other way round).
func deepCopy[T any](c *typeCache, v T) T {
	out := v
	c.copyValue(reflect.ValueOf(&out).Elem())
	return out
}

// refsOf lists the fields of a struct type that hold references and need
// copying; the rest is copied with the struct.
func (c *typeCache) refsOf(t reflect.Type) []int {
	if r, ok := c.refs.Load(t); ok {
		return r.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if c.hasRefs(t.Field(i).Type) {
			idx = append(idx, i)
		}
	}
	r, _ := c.refs.LoadOrStore(t, idx)
	return r.([]int)
}

func (c *typeCache) hasRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer, reflect.Map, reflect.Interface:
		return true
	case reflect.Struct:
		return len(c.refsOf(t)) > 0
	case reflect.Array:
		return c.hasRefs(t.Elem())
	}
	return false
}

// copyValue replaces the references inside the settable v by copies.
func (c *typeCache) copyValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for _, i := range c.refsOf(v.Type()) {
			if f := v.Field(i); f.CanSet() {
				c.copyValue(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(cp, v)
		if c.hasRefs(v.Type().Elem()) {
			for i := range cp.Len() {
				c.copyValue(cp.Index(i))
			}
		}
		v.Set(cp)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		cp := reflect.New(v.Type().Elem())
		cp.Elem().Set(v.Elem())
		c.copyValue(cp.Elem())
		v.Set(cp)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		cp := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(iter.Value())
			c.copyValue(e)
			cp.SetMapIndex(iter.Key(), e)
		}
		v.Set(cp)
	case reflect.Array:
		for i := range v.Len() {
			c.copyValue(v.Index(i))
		}
	}
}
