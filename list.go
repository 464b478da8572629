package taobao

import (
	"fmt"
	"iter"
	"net/url"
	"slices"
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
	if err := validateList(method, "fields", fields); err != nil {
		return err
	}
	known := documentedFields(method)
	if known == nil {
		return nil
	}
	for _, f := range fields {
		// "orders.title" asks for one member of each order.
		top, _, _ := strings.Cut(f, ".")
		if !slices.Contains(known, top) {
			msg := fmt.Sprintf("%q is not a field this method documents (the gateway would ignore it)", f)
			if near := nearest(top, known); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			return invalidArg(method, "fields", "%s", msg)
		}
	}
	return nil
}

// documentedFields returns the field names a typed method's fields
// parameter takes, or nil for a method the SDK does not check.
func documentedFields(method string) []string {
	switch method {
	case MethodTradeFullInfo:
		return tradeFullFields()
	case MethodTradeGet:
		return tradeGetFields()
	case MethodTradesSold:
		return tradeSoldFields()
	case MethodTradesSoldIncrement, MethodTradesSoldIncrementV:
		return tradeIncrementFields()
	case MethodLogisticsOrders:
		return shippingFields()
	case MethodLogisticsOrdersDetail:
		return shippingDetailFields()
	case MethodLogisticsCompanies:
		return companyFields()
	}
	return nil
}

// nearest returns the name of names closest to s, if it is a likely typo:
// at most two edits away.
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(s, n, bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is
// at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
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
