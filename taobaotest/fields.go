package taobaotest

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/toptrade/taobao"
)

// The gateway returns only the fields a call asks for. A structPlan is the
// encoder of one struct type restricted to a set of its fields (nested
// lists may be restricted in turn: "orders.title"); it writes JSON as
// encoding/json would with the models' tags, without going through the
// hundreds of fields a Trade has and without building a filtered copy.
// Plans are built once per method and fields list and cached.

type fieldKind uint8

const (
	kindString fieldKind = iota // any string type (TradeStatus, ...)
	kindMoney
	kindTime
	kindInt // taobao.Int64 and Go integers
	kindBool
	kindList   // taobao.List of structs
	kindStruct // pointer to struct
	kindOther  // anything else: encoding/json
)

// fieldInfo is what a struct type says about one of its JSON fields.
type fieldInfo struct {
	name    string
	index   int
	kind    fieldKind
	elem    reflect.Type // struct type of a kindList or kindStruct field
	listKey string       // item key of a kindList field ("order")
}

// typeInfo lists a struct type's JSON fields in declaration order.
type typeInfo struct {
	fields []fieldInfo
	byName map[string]int
}

// typeCache holds what a Server learns by reflection about the model types
// (their JSON fields, which fields hold references or times) and the field
// plans it builds. Each Server has its own; none is shared between servers.
type typeCache struct {
	infos sync.Map // reflect.Type -> *typeInfo
	full  sync.Map // reflect.Type -> *structPlan
	refs  sync.Map // reflect.Type -> []int
	times sync.Map // reflect.Type -> []int
	plans planCache
	zeros bool // plans write zero flags, counts and amounts (WithZeroMembers)
}

var (
	moneyType = reflect.TypeFor[taobao.Money]()
	timeType  = reflect.TypeFor[taobao.Time]()
	int64Type = reflect.TypeFor[taobao.Int64]()
	boolType  = reflect.TypeFor[taobao.Bool]()
)

func (c *typeCache) infoOf(t reflect.Type) *typeInfo {
	if ti, ok := c.infos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{byName: make(map[string]int)}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || name == "-" || name == "" {
			continue
		}
		fi := fieldInfo{name: name, index: i, kind: kindOther}
		ft := sf.Type
		switch {
		case ft == moneyType:
			fi.kind = kindMoney
		case ft == timeType:
			fi.kind = kindTime
		case ft == boolType || ft.Kind() == reflect.Bool:
			fi.kind = kindBool
			fi.listKey = sf.Tag.Get("top") // "int": sent as 1 or 0
		case ft == int64Type || ft.Kind() >= reflect.Int && ft.Kind() <= reflect.Int64:
			fi.kind = kindInt
		case ft.Kind() == reflect.String:
			fi.kind = kindString
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && sf.Tag.Get("top") != "":
			// The models tag each list with the member name the gateway
			// wraps it in: `top:"order"`.
			fi.kind, fi.elem, fi.listKey = kindList, ft.Elem(), sf.Tag.Get("top")
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			fi.kind, fi.elem = kindStruct, ft.Elem()
		case ft.Kind() == reflect.Slice:
			fi.listKey = sf.Tag.Get("top") // a list of numbers: {"number":[...]}
		}
		ti.byName[name] = len(ti.fields)
		ti.fields = append(ti.fields, fi)
	}
	actual, _ := c.infos.LoadOrStore(t, ti)
	return actual.(*typeInfo)
}

// structPlan encodes the chosen fields of one struct type.
type structPlan struct {
	fields []planField
	zeros  bool // write false, 0 and 0.00 too (WithZeroMembers)
}

type planField struct {
	fieldInfo
	key string      // `"name":`
	sub *structPlan // for kindList and kindStruct: the element's plan
}

// fullPlan is the plan of every field of t. The models have no recursive
// types, so building it depth first ends.
func (c *typeCache) fullPlan(t reflect.Type) *structPlan {
	if p, ok := c.full.Load(t); ok {
		return p.(*structPlan)
	}
	ti := c.infoOf(t)
	p := &structPlan{zeros: c.zeros}
	for _, fi := range ti.fields {
		pf := planField{fieldInfo: fi, key: `"` + fi.name + `":`}
		if fi.elem != nil {
			pf.sub = c.fullPlan(fi.elem)
		}
		p.fields = append(p.fields, pf)
	}
	actual, _ := c.full.LoadOrStore(t, p)
	return actual.(*structPlan)
}

// fieldSet is the fields one method may return: top-level names, and
// aliases from a requested name to the struct's JSON name
// ("receiver_location" -> "location").
type fieldSet struct {
	allowed map[string]bool
	alias   map[string]string
}

func newFieldSet(names []string, alias map[string]string) *fieldSet {
	fs := &fieldSet{allowed: make(map[string]bool, len(names)), alias: alias}
	for _, n := range names {
		fs.allowed[n] = true
	}
	return fs
}

// planCache holds the plans a Server built for (method, fields) pairs; it
// stops growing at planCacheMax entries (a test or a stranger sending
// random field lists), and keeps no plan for a key over planKeyMax bytes.
type planCache struct {
	mu    sync.Mutex
	plans map[string]*structPlan
}

const (
	planCacheMax = 512
	planKeyMax   = 4096
)

func (c *planCache) get(key string, build func() *structPlan) *structPlan {
	c.mu.Lock()
	p, ok := c.plans[key]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = build()
	c.mu.Lock()
	if c.plans == nil {
		c.plans = make(map[string]*structPlan)
	}
	if len(c.plans) < planCacheMax && len(key) <= planKeyMax {
		c.plans[key] = p
	}
	c.mu.Unlock()
	return p
}

// planFor returns the plan of t's fields named in the comma-separated list
// fields, restricted to set. Unknown names are ignored, as the gateway
// ignores them; "a.b" picks field b of the items of list (or object) a,
// and "a" alone picks all of them.
func (c *typeCache) planFor(method string, t reflect.Type, set *fieldSet, fields string) *structPlan {
	return c.plans.get(method+"\x00"+fields, func() *structPlan {
		ti := c.infoOf(t)
		whole := make(map[int]bool)
		partial := make(map[int][]int) // field index -> indexes of its items' fields
		for _, name := range strings.Split(fields, ",") {
			top, sub, nested := strings.Cut(strings.TrimSpace(name), ".")
			if !set.allowed[top] {
				continue
			}
			if a, ok := set.alias[top]; ok {
				top = a
			}
			i, ok := ti.byName[top]
			if !ok {
				continue
			}
			fi := ti.fields[i]
			switch {
			case !nested:
				whole[i] = true
			case fi.elem != nil:
				if j, ok := c.infoOf(fi.elem).byName[strings.TrimSpace(sub)]; ok && !slices.Contains(partial[i], j) {
					partial[i] = append(partial[i], j)
				}
			}
		}
		p := &structPlan{zeros: c.zeros}
		for i, fi := range ti.fields { // the struct's order, as encoding/json
			pf := planField{fieldInfo: fi, key: `"` + fi.name + `":`}
			switch {
			case whole[i]:
				if fi.elem != nil {
					pf.sub = c.fullPlan(fi.elem)
				}
			case len(partial[i]) > 0:
				slices.Sort(partial[i])
				ei := c.infoOf(fi.elem)
				sub := &structPlan{zeros: c.zeros}
				for _, j := range partial[i] {
					sf := ei.fields[j]
					nf := planField{fieldInfo: sf, key: `"` + sf.name + `":`}
					if sf.elem != nil {
						nf.sub = c.fullPlan(sf.elem)
					}
					sub.fields = append(sub.fields, nf)
				}
				pf.sub = sub
			default:
				continue
			}
			p.fields = append(p.fields, pf)
		}
		return p
	})
}

// encode writes v (a struct) as a JSON object with the plan's fields,
// leaving out empty values as the models' omitempty tags do, and lists in
// the gateway's wrappers; bare writes lists as plain arrays, as the gateway
// answers a call that sent simplify=true.
func (p *structPlan) encode(b []byte, v reflect.Value, bare bool) []byte {
	b = append(b, '{')
	first := true
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		if empty(f.kind, fv) && !(p.zeros && sentWhenZero(f.kind)) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, f.key...)
		b = f.appendValue(b, fv, bare)
	}
	return append(b, '}')
}

// sentWhenZero reports whether real answers carry a field of kind k even
// when it is zero: they send "buyer_rate":false and "adjust_fee":"0.00".
func sentWhenZero(k fieldKind) bool {
	return k == kindBool || k == kindMoney || k == kindInt
}

// listOpen starts a list member's value: the wrapper object and the array,
// or the array alone when bare.
func listOpen(b []byte, item string, bare bool) []byte {
	if bare {
		return append(b, '[')
	}
	b = append(b, `{"`...)
	b = append(b, item...)
	return append(b, `":[`...)
}

// listClose ends what listOpen started.
func listClose(b []byte, bare bool) []byte {
	if bare {
		return append(b, ']')
	}
	return append(b, "]}"...)
}

func empty(k fieldKind, v reflect.Value) bool {
	switch k {
	case kindString:
		return v.Len() == 0
	case kindMoney, kindInt:
		return v.Int() == 0
	case kindBool:
		return !v.Bool()
	case kindTime:
		return v.Interface().(taobao.Time).IsZero()
	case kindList:
		return v.Len() == 0
	case kindStruct:
		return v.IsNil()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	}
	return v.IsZero()
}

func (f *planField) appendValue(b []byte, v reflect.Value, bare bool) []byte {
	switch f.kind {
	case kindString:
		return appendString(b, v.String())
	case kindMoney:
		b = append(b, '"')
		b = append(b, taobao.Money(v.Int()).String()...)
		return append(b, '"')
	case kindInt:
		return strconv.AppendInt(b, v.Int(), 10)
	case kindBool:
		if f.listKey == "int" {
			if v.Bool() {
				return append(b, '1')
			}
			return append(b, '0')
		}
		return strconv.AppendBool(b, v.Bool())
	case kindTime:
		b = append(b, '"')
		b = v.Interface().(taobao.Time).In(taobao.GMT8()).AppendFormat(b, taobao.TimeLayout)
		return append(b, '"')
	case kindList:
		b = listOpen(b, f.listKey, bare)
		for i := range v.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			b = f.sub.encode(b, v.Index(i), bare)
		}
		return listClose(b, bare)
	case kindStruct:
		return f.sub.encode(b, v.Elem(), bare)
	}
	enc, err := json.Marshal(v.Interface())
	if err != nil {
		return append(b, "null"...)
	}
	if f.listKey != "" && !bare {
		b = append(b, `{"`...)
		b = append(b, f.listKey...)
		b = append(b, `":`...)
		b = append(b, enc...)
		return append(b, '}')
	}
	return append(b, enc...)
}

// appendString writes s as a JSON string, escaping as encoding/json does
// (HTML characters aside) and replacing invalid UTF-8.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// gmt8Time parses a TOP date parameter: "yyyy-MM-dd HH:mm:ss" or
// "yyyy-MM-dd", in GMT+8.
func gmt8Time(s string) (time.Time, bool) {
	if t, err := time.ParseInLocation(taobao.TimeLayout, s, taobao.GMT8()); err == nil {
		return t, true
	}
	if t, err := time.ParseInLocation("2006-01-02", s, taobao.GMT8()); err == nil {
		return t, true
	}
	return time.Time{}, false
}
