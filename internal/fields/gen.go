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
