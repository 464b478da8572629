package fields

// comment returns the doc comment of a generated field.
func comment(structName string, f StructField) string {
	if g, ok := glossary[structName+"."+f.JSON]; ok {
		return f.Name + " " + g
	}
	if g, ok := glossary[f.JSON]; ok {
		return f.Name + " " + g
	}
	return f.Name + " is TOP's " + f.JSON + " (" + f.DocType + ")."
}

// typeComment returns the doc comment of a generated type.
func typeComment(s *Struct) string {
	if c, ok := typeGlossary[s.Name]; ok {
		return s.Name + " " + c
	}
	return s.Name + " is TOP's " + s.DocType + "."
}

var typeGlossary = map[string]string{}

var glossary = map[string]string{}
