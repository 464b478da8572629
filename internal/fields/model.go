package fields

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Struct is a model struct to generate.
type Struct struct {
	Name    string // Go type name
	DocType string // the doc's name for the object type
	File    string // "trade" or "logistics"
	ListKey string // member name wrapping its lists; "" when never listed
	Raw     bool   // the docs list no fields: kept as raw JSON members
	Listed  bool   // some response holds it in a list
	Fields  []StructField
}

// StructField is one field of a model struct.
type StructField struct {
	Name    string   // Go name
	JSON    string   // TOP's name
	Type    string   // Go type
	DocType string   // doc type as written, e.g. "Number", "Order[]"
	Omit    string   // "omitempty" or "omitzero"
	ListKey string   // the top tag: for a list, the member name the gateway wraps it in ("order"); "int" for a bool sent as 1 or 0
	Comment string   // doc comment text
	Sources []string // response paths that document it
	doc     *Field
}

// Model is everything the generator writes.
type Model struct {
	Structs   []*Struct
	FieldSets map[string][]string // FieldSet.Var -> field names, in struct order
	APIs      map[string]*API
}

// Struct returns the struct named name, or nil.
func (m *Model) Struct(name string) *Struct {
	for _, s := range m.Structs {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Load parses the embedded api-fields.md and builds the model.
func Load() (*Model, error) {
	apis, err := Parse(apiFieldsMD)
	if err != nil {
		return nil, err
	}
	return Build(apis)
}

// Build applies the mapping tables to the parsed docs.
func Build(apis map[string]*API) (*Model, error) {
	b := &builder{apis: apis, byName: map[string]*Struct{}}
	for _, r := range Roots {
		s := b.get(r.Go, r.Go, r.File)
		for _, src := range r.Sources {
			fields, list, err := lookup(apis, src)
			if err != nil {
				return nil, err
			}
			s.Listed = s.Listed || list
			if err := b.merge(s, fields, src); err != nil {
				return nil, err
			}
		}
		s.Fields = append(s.Fields, extraFields[r.Go]...)
	}
	if len(b.errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(b.errs, "\n"))
	}
	for _, s := range b.order {
		s.Raw = len(s.Fields) == 0
	}
	m := &Model{Structs: b.order, FieldSets: map[string][]string{}, APIs: apis}
	for _, fs := range FieldSets {
		names, err := fieldSet(m, fs)
		if err != nil {
			return nil, err
		}
		m.FieldSets[fs.Var] = names
	}
	return m, nil
}

// Lookup returns the documented fields at a response path: "<method>" or
// "<method>:<field>".
func Lookup(apis map[string]*API, path string) ([]*Field, error) {
	f, _, err := lookup(apis, path)
	return f, err
}

// lookup also reports whether the member at path is a list.
func lookup(apis map[string]*API, path string) ([]*Field, bool, error) {
	method, member, _ := strings.Cut(path, ":")
	api := apis[method]
	if api == nil {
		return nil, false, fmt.Errorf("fields: %s is not documented", method)
	}
	if member == "" {
		return api.Response, false, nil
	}
	for _, f := range api.Response {
		if f.Name == member {
			return f.Children, f.List, nil
		}
	}
	return nil, false, fmt.Errorf("fields: %s has no response member %s", method, member)
}

type builder struct {
	apis   map[string]*API
	byName map[string]*Struct
	order  []*Struct
	errs   []string
}

func (b *builder) get(goName, docType, file string) *Struct {
	if s := b.byName[goName]; s != nil {
		return s
	}
	key, ok := listKeys[goName]
	if !ok {
		key = snake(docType)
	}
	s := &Struct{Name: goName, DocType: docType, File: file, ListKey: key}
	b.byName[goName] = s
	b.order = append(b.order, s)
	return s
}

// merge adds the documented fields at src to s, and the fields of nested
// object types to their own structs.
func (b *builder) merge(s *Struct, fields []*Field, src string) error {
	for _, f := range fields {
		if i := slices.IndexFunc(s.Fields, func(sf StructField) bool { return sf.JSON == f.Name }); i >= 0 {
			sf := &s.Fields[i]
			if got, want := docTypeString(f), sf.DocType; got != want {
				b.errs = append(b.errs, fmt.Sprintf("%s.%s: %s says %s, earlier docs say %s", s.Name, f.Name, src, got, want))
			}
			if !slices.Contains(sf.Sources, src) {
				sf.Sources = append(sf.Sources, src)
			}
		} else {
			sf, err := b.field(s, f, src)
			if err != nil {
				return err
			}
			s.Fields = append(s.Fields, sf)
		}
		if !f.Scalar() && f.Type != "Json" {
			goType := b.goType(f.Type)
			if n, ok := fieldTypeNames[s.Name+"."+f.Name]; ok {
				goType = n
			}
			child := b.get(goType, f.Type, s.File)
			child.Listed = child.Listed || f.List
			if err := b.merge(child, f.Children, src+"."+f.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) goType(docType string) string {
	if n, ok := typeNames[docType]; ok {
		return n
	}
	switch docType {
	case "String", "Number", "Boolean", "Date":
		return docType
	}
	return docType
}

func (b *builder) field(s *Struct, f *Field, src string) (StructField, error) {
	sf := StructField{
		Name:    GoName(f.Name),
		JSON:    f.Name,
		DocType: docTypeString(f),
		Omit:    "omitempty",
		Sources: []string{src},
		doc:     f,
	}
	for _, other := range s.Fields {
		if other.Name == sf.Name {
			return sf, fmt.Errorf("fields: %s: json names %s and %s both become %s", s.Name, other.JSON, f.Name, sf.Name)
		}
	}
	key := s.Name + "." + f.Name
	override, hasOverride := typeOverrides[key]
	if hasOverride && (!f.Scalar() || f.List) {
		return sf, fmt.Errorf("fields: override for %s, which is not a scalar", key)
	}
	scalar := map[string]string{"String": "string", "Number": "int64", "Boolean": "bool", "Date": "Time"}
	switch {
	case f.Scalar() && f.List:
		elem := scalar[f.Type]
		sf.Type = "[]" + elem
		if elem == "int64" {
			sf.ListKey = "number"
		}
	case f.Scalar():
		sf.Type = scalar[f.Type]
		if hasOverride && f.Type == "Number" && intTypes[override] {
			sf.Type = override
		} else if hasOverride {
			if f.Type != "String" && !(f.Type == "Number" && override == "bool") {
				return sf, fmt.Errorf("fields: override for %s, a %s", key, f.Type)
			}
			sf.Type = override
			if f.Type == "Number" {
				sf.ListKey = "int" // the fake writes it as TOP does: 1 or 0
			}
		}
	case f.Type == "Json":
		sf.Type = "string"
	case f.List:
		elem := b.goType(f.Type)
		if n, ok := fieldTypeNames[key]; ok {
			elem = n
		}
		sf.Type = "[]" + elem
		if key, ok := listKeys[elem]; ok {
			sf.ListKey = key
		} else {
			sf.ListKey = snake(f.Type)
		}
	default:
		elem := b.goType(f.Type)
		if n, ok := fieldTypeNames[key]; ok {
			elem = n
		}
		sf.Type = "*" + elem
	}
	if sf.Type == "Time" {
		sf.Omit = "omitzero"
	}
	sf.Comment = comment(s.Name, sf)
	return sf, nil
}

func docTypeString(f *Field) string {
	if f.List {
		return f.Type + "[]"
	}
	return f.Type
}

// fieldSet lists the json names of fs.Struct (in struct order) that every
// one of fs.APIs documents, renamed for the request where needed.
func fieldSet(m *Model, fs FieldSet) ([]string, error) {
	s := m.Struct(fs.Struct)
	if s == nil {
		return nil, fmt.Errorf("fields: field set %s: no struct %s", fs.Var, fs.Struct)
	}
	var names []string
	for _, sf := range s.Fields {
		in := true
		for _, api := range fs.APIs {
			if !slices.Contains(sf.Sources, api) {
				in = false
				break
			}
		}
		if !in {
			continue
		}
		name := sf.JSON
		method, _, _ := strings.Cut(fs.APIs[0], ":")
		if r, ok := requestNames[method][name]; ok {
			name = r
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("fields: field set %s is empty", fs.Var)
	}
	return names, nil
}

// GoName turns a TOP json name into a Go field name: CamelCase, with
// initialisms in capitals (buyer_open_uid -> BuyerOpenUID).
func GoName(json string) string {
	if n, ok := goNames[json]; ok {
		return n
	}
	var b strings.Builder
	for part := range strings.SplitSeq(json, "_") {
		if part == "" {
			continue
		}
		if up, ok := initialisms[strings.ToLower(part)]; ok {
			b.WriteString(up)
			continue
		}
		r := []rune(part)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// snake turns a CamelCase doc type name into snake_case (LogisticsTag ->
// logistics_tag).
func snake(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		if unicode.IsUpper(c) {
			if i > 0 && (unicode.IsLower(r[i-1]) || (i+1 < len(r) && unicode.IsLower(r[i+1]))) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(c))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
