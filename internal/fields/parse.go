package fields

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed api-fields.md
var apiFieldsMD []byte

// Source returns the embedded copy of api-fields.md.
func Source() []byte { return apiFieldsMD }

// API is one documented TOP method.
type API struct {
	Name     string   // e.g. "taobao.trade.fullinfo.get"
	Params   []Param  // request parameters, in doc order
	Response []*Field // members of "<name>_response", in doc order
}

// Param is one documented request parameter.
type Param struct {
	Name     string
	Type     string // doc type: String, Number, Boolean, Date, String[], ...
	Required bool
	Extra    string // e.g. {"maxListSize": 50}
	Desc     string
}

// Field is one documented response field, with the fields of its object
// type when the docs list them.
type Field struct {
	Name     string
	Type     string // doc type without the list marker: String, Order, ...
	List     bool   // the doc type ends in "[]"
	Desc     string
	Children []*Field
}

// Scalar reports whether f has one of the four scalar doc types.
func (f *Field) Scalar() bool {
	switch f.Type {
	case "String", "Number", "Boolean", "Date":
		return true
	}
	return false
}

// Child returns f's child named name, or nil.
func (f *Field) Child(name string) *Field {
	for _, c := range f.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Parse reads the markdown of api-fields.md: a "## <method> — ..." heading
// per API, a request parameter table, and the response fields as a nested
// list of "- `name` (Type): description" items, two spaces per level.
func Parse(md []byte) (map[string]*API, error) {
	apis := map[string]*API{}
	var cur *API
	section := ""
	var stack []*Field // stack[i] is the last field seen at depth i
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			name, _, _ := strings.Cut(strings.TrimPrefix(line, "## "), " ")
			if _, dup := apis[name]; dup {
				return nil, fmt.Errorf("line %d: API %s documented twice", lineNo, name)
			}
			cur = &API{Name: name}
			apis[name] = cur
			section, stack = "", nil
			continue
		case strings.HasPrefix(line, "### Request"):
			section = "request"
			continue
		case strings.HasPrefix(line, "### Response"):
			section = "response"
			continue
		}
		if cur == nil {
			continue
		}
		switch section {
		case "request":
			p, ok, err := parseParam(line)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			if ok {
				cur.Params = append(cur.Params, p)
			}
		case "response":
			trimmed := strings.TrimLeft(line, " ")
			if !strings.HasPrefix(trimmed, "- `") {
				continue
			}
			indent := len(line) - len(trimmed)
			if indent%2 != 0 {
				return nil, fmt.Errorf("line %d: odd indentation", lineNo)
			}
			depth := indent / 2
			f, err := parseField(trimmed)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo, err)
			}
			switch {
			case depth == 0:
				cur.Response = append(cur.Response, f)
			case depth <= len(stack):
				parent := stack[depth-1]
				parent.Children = append(parent.Children, f)
			default:
				return nil, fmt.Errorf("line %d: field nested too deep", lineNo)
			}
			stack = append(stack[:depth], f)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return apis, nil
}

// parseParam parses a row "| `name` | Type | **yes** | extra | desc |".
func parseParam(line string) (Param, bool, error) {
	if !strings.HasPrefix(line, "| `") {
		return Param{}, false, nil
	}
	cells := strings.Split(strings.Trim(line, "|"), "|")
	if len(cells) < 5 {
		return Param{}, false, fmt.Errorf("short parameter row %q", line)
	}
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return Param{
		Name:     strings.Trim(cells[0], "`"),
		Type:     cells[1],
		Required: cells[2] == "**yes**",
		Extra:    cells[3],
		Desc:     strings.Join(cells[4:], "|"),
	}, true, nil
}

// parseField parses "- `name` (Type): description".
func parseField(s string) (*Field, error) {
	s = strings.TrimPrefix(s, "- `")
	name, rest, ok := strings.Cut(s, "` (")
	if !ok {
		return nil, fmt.Errorf("malformed field %q", s)
	}
	typ, desc, ok := strings.Cut(rest, ")")
	if !ok {
		return nil, fmt.Errorf("malformed field type %q", s)
	}
	desc = strings.TrimSpace(strings.TrimPrefix(desc, ":"))
	typ = strings.TrimSpace(typ)
	list := strings.HasSuffix(typ, "[]")
	typ = strings.TrimSpace(strings.TrimSuffix(typ, "[]"))
	return &Field{Name: name, Type: typ, List: list, Desc: desc}, nil
}
