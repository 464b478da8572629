package taobao

import (
	"iter"
	"net/url"
	"strings"

	"github.com/google/go-querystring/query"
)

// ListOptions are the paging parameters of the list APIs.
type ListOptions struct {
	// PageNo is the page to fetch, from 1; 0 means the first.
	PageNo int `url:"page_no,omitempty"`
	// PageSize is the number of items per page, 1 to 100; 0 means the
	// gateway's default of 40.
	PageSize int `url:"page_size,omitempty"`
	// UseHasNext asks for HasNext instead of TotalResults, which the
	// gateway answers faster.
	UseHasNext bool `url:"use_has_next,omitempty"`
}

// MaxPageSize is the largest page the list APIs serve.
const MaxPageSize = 100

func (o *ListOptions) validate(method string) error {
	if o.PageNo < 0 {
		return invalidArg(method, "page_no", "%d is negative", o.PageNo)
	}
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return invalidArg(method, "page_size", "%d is outside 1..%d", o.PageSize, MaxPageSize)
	}
	return nil
}

// withDefaultFields returns a copy of *o (zero options for a nil o) whose
// fields list, reached through fields, is def when the caller named none.
// The caller's options are never changed.
func withDefaultFields[T any](o *T, fields func(*T) *[]string, def []string) T {
	var c T
	if o != nil {
		c = *o
	}
	if f := fields(&c); len(*f) == 0 {
		*f = def
	}
	return c
}

// validateFields checks a fields list: no empty names, no commas or spaces
// inside a name, and at most max names when max > 0.
func validateFields(method string, fields []string, max int) error {
	if max > 0 && len(fields) > max {
		return invalidArg(method, "fields", "%d fields, at most %d allowed", len(fields), max)
	}
	return validateList(method, "fields", fields)
}

// validateList checks the items of a comma-joined list parameter.
func validateList[S ~string](method, param string, items []S) error {
	for i, f := range items {
		if f == "" || strings.ContainsAny(string(f), ", \t\r\n") {
			return invalidArg(method, param, "item %d (%q) is empty or holds a comma or space", i, f)
		}
	}
	return nil
}

// encodeOptions is the one way options become form values: the struct's
// `url` tags, through go-querystring. A nil options pointer gives no values.
func encodeOptions(method string, opts any) (url.Values, error) {
	v, err := query.Values(opts)
	if err != nil {
		return nil, invalidArg(method, "options", "%v", err)
	}
	return v, nil
}

// pages returns an iterator over the items of a listing, page after page
// from page first (at least 1): fetch(n) reads page n and reports its items
// and whether another page follows. It stops calling as soon as the loop
// breaks; an error is yielded once and ends the iteration.
func pages[T any](first int, fetch func(pageNo int) ([]T, bool, error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		for n := max(first, 1); ; n++ {
			items, more, err := fetch(n)
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range items {
				if !yield(&items[i], nil) {
					return
				}
			}
			if !more || len(items) == 0 {
				return
			}
		}
	}
}
