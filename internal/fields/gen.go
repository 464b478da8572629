package fields

import (
	"bytes"
	"fmt"
	"go/format"
	"strings"
)

// Markers delimit the generated block in trade.go and logistics.go.
const (
	BeginMarker = "// BEGIN GENERATED MODELS: written by `go generate` (internal/fields/cmd/genmodels) from internal/fields; edit those, not this block."
	EndMarker   = "// END GENERATED MODELS"
)

// Files are the files, relative to the module root, that hold a generated
// block, keyed by Struct.File.
var Files = map[string]string{
	"trade":     "trade.go",
	"logistics": "logistics.go",
}

// FastDecodeFiles are the files whose structs get a generated single-pass
// decoder (decodeFast) beside the encoding/json tags: the trade models,
// which are decoded in bulk.
var FastDecodeFiles = map[string]bool{"trade": true}

// Generate renders the generated block of each file, markers included.
func Generate(m *Model) (map[string][]byte, error) {
	out := map[string][]byte{}
	for key := range Files {
		var b bytes.Buffer
		b.WriteString(BeginMarker + "\n\n")
		for _, s := range m.Structs {
			if s.File == key {
				writeStruct(&b, s)
			}
		}
		if FastDecodeFiles[key] {
			for _, s := range m.Structs {
				if s.File == key {
					writeFastDecoder(&b, s)
				}
			}
		}
		for _, fs := range FieldSets {
			if fs.File != key {
				continue
			}
			writeComment(&b, "", fs.Comment)
			fmt.Fprintf(&b, "var %s = []string{\n", fs.Var)
			for _, n := range m.FieldSets[fs.Var] {
				fmt.Fprintf(&b, "\t%q,\n", n)
			}
			b.WriteString("}\n\n")
		}
		b.WriteString(EndMarker + "\n")
		src, err := format.Source(b.Bytes())
		if err != nil {
			return nil, fmt.Errorf("fields: generated %s does not format: %w\n%s", key, err, b.Bytes())
		}
		out[key] = src
	}
	return out, nil
}

func writeStruct(b *bytes.Buffer, s *Struct) {
	writeComment(b, "", typeComment(s))
	if s.Raw {
		fmt.Fprintf(b, "type %s map[string]json.RawMessage\n\n", s.Name)
	} else {
		fmt.Fprintf(b, "type %s struct {\n", s.Name)
		for i, f := range s.Fields {
			if i > 0 {
				b.WriteString("\n")
			}
			writeComment(b, "\t", f.Comment)
			fmt.Fprintf(b, "\t%s %s `json:\"%s,%s\"`\n", f.Name, f.Type, f.JSON, f.Omit)
		}
		b.WriteString("}\n\n")
	}
	if s.Listed {
		fmt.Fprintf(b, "func (%s) topListKey() string { return %q }\n\n", s.Name, s.ListKey)
	}
}

// writeComment writes text as // lines of at most about 76 columns.
func writeComment(b *bytes.Buffer, indent, text string) {
	words := strings.Fields(text)
	line := ""
	for _, w := range words {
		if line != "" && len(line)+1+len(w) > 76 {
			fmt.Fprintf(b, "%s// %s\n", indent, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		fmt.Fprintf(b, "%s// %s\n", indent, line)
	}
}

// Splice replaces the generated block in src with block.
func Splice(src, block []byte) ([]byte, error) {
	begin := bytes.Index(src, []byte(BeginMarker))
	end := bytes.Index(src, []byte(EndMarker))
	if begin < 0 || end < begin {
		return nil, fmt.Errorf("fields: no generated block markers")
	}
	end += len(EndMarker)
	if end < len(src) && src[end] == '\n' {
		end++
	}
	var out bytes.Buffer
	out.Write(src[:begin])
	out.Write(block)
	out.Write(src[end:])
	return format.Source(out.Bytes())
}

// Extract returns the generated block of src, markers included.
func Extract(src []byte) ([]byte, error) {
	begin := bytes.Index(src, []byte(BeginMarker))
	end := bytes.Index(src, []byte(EndMarker))
	if begin < 0 || end < begin {
		return nil, fmt.Errorf("fields: no generated block markers")
	}
	end += len(EndMarker)
	if end < len(src) && src[end] == '\n' {
		end++
	}
	return src[begin:end], nil
}

// writeFastDecoder writes s's decodeFast method: a switch on the member
// name that reads each field with the helper for its type (trade.go).
func writeFastDecoder(b *bytes.Buffer, s *Struct) {
	fmt.Fprintf(b, "func (v *%s) decodeFast(s *jsonscan.Scanner) {\n", s.Name)
	if s.Raw {
		b.WriteString("\tfastRaw(s, v)\n}\n\n")
		return
	}
	b.WriteString("\tif s.Null() || !s.ObjectStart() {\n\t\treturn\n\t}\n")
	b.WriteString("\tfor first := true; s.More(first); first = false {\n")
	b.WriteString("\t\tkey := s.Key()\n\t\tswitch string(key) {\n")
	exact := map[string]bool{}
	for _, f := range s.Fields {
		exact[f.JSON] = true
	}
	var folded []string
	for _, f := range s.Fields {
		fmt.Fprintf(b, "\t\tcase %q:\n\t\t\t%s\n", f.JSON, fastStmt(f))
		if low := strings.ToLower(f.JSON); low != f.JSON && !exact[low] {
			folded = append(folded, low)
		}
	}
	for _, low := range folded {
		fmt.Fprintf(b, "\t\tcase %q: // encoding/json would match it case-insensitively\n\t\t\ts.Fail()\n", low)
	}
	b.WriteString("\t\tdefault:\n\t\t\tfastUnknown(s, key)\n\t\t}\n\t}\n}\n\n")
}

func fastStmt(f StructField) string {
	field := "&v." + f.Name
	switch t := f.Type; {
	case t == "string":
		return "fastString(s, " + field + ")"
	case t == "Int64" || t == "Money" || t == "Time" || t == "Bool":
		return "fast" + t + "(s, " + field + ")"
	case strings.HasPrefix(t, "List["):
		elem := strings.TrimSuffix(strings.TrimPrefix(t, "List["), "]")
		switch elem {
		case "string":
			return "fastList(s, " + field + ", fastStringItem)"
		case "Int64":
			return "fastList(s, " + field + ", func(p *Int64, s *jsonscan.Scanner) { fastInt64(s, p) })"
		}
		return "fastList(s, " + field + ", (*" + elem + ").decodeFast)"
	case strings.HasPrefix(t, "*"):
		elem := strings.TrimPrefix(t, "*")
		return fmt.Sprintf("if s.Null() {\nv.%[1]s = nil\n} else {\nif v.%[1]s == nil {\nv.%[1]s = new(%[2]s)\n}\nv.%[1]s.decodeFast(s)\n}", f.Name, elem)
	default: // a named string: an enum
		return "fastString(s, (*string)(" + field + "))"
	}
}
