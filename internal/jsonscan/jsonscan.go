// Package jsonscan is a single-pass JSON reader for the generated fast
// decoders of the model structs.
//
// encoding/json validates a whole document before decoding it, and every
// value with its own UnmarshalJSON (TOP's list wrappers, money, times) is
// scanned again; on a page of trades that triples the work. The generated
// decoders read a document once through a Scanner instead. A Scanner
// accepts exactly the JSON grammar and fails only on what is not JSON (a
// body cut short, say); member names are matched as encoding/json matches
// them (unescaped, then case-insensitively).
//
// Two things it tolerates where encoding/json does not, as the gateway's
// answers need: raw control characters inside strings (buyer messages and
// memos carry raw line breaks), which are kept as they are; and values of
// the wrong type, which the decoders drop or convert one at a time and
// record with Drop instead of failing the whole document.
package jsonscan

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxSkipDepth is the deepest nesting Skip follows before it gives up, far
// below encoding/json's limit of 10000 so that a fast decode never accepts
// what encoding/json rejects.
const MaxSkipDepth = 1000

// Scanner reads one JSON document. The zero value is not usable; use New.
type Scanner struct {
	data   []byte
	pos    int
	failed bool

	depth int        // objects entered
	path  [16][]byte // the member being read at each depth, up to 16
	drops []Drop     // values dropped or converted, at most MaxDrops
	nDrop int        // how many there were in all

	strs map[string]string // short strings already made, see Str
}

// Short strings repeat on a page (states, types, nicks, carrier names):
// Str makes each one once per document.
const (
	maxStrLen   = 32
	maxStrCache = 1024
)

// Str returns b as a string, sharing the string made for an earlier equal
// short value of the same document.
func (s *Scanner) Str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > maxStrLen {
		return string(b)
	}
	if v, ok := s.strs[string(b)]; ok {
		return v
	}
	v := string(b)
	if s.strs == nil {
		s.strs = make(map[string]string, 64)
	}
	if len(s.strs) < maxStrCache {
		s.strs[v] = v
	}
	return v
}

// MaxDrops bounds how many dropped values a Scanner records in detail.
const MaxDrops = 32

// Drop is a value a decoder could not take as it was: dropped (the field
// stays at its zero value) or converted (a number kept as text, say).
type Drop struct {
	Path   string // the member names from the document's root, such as "trades.trade.sid"
	Reason string // what was wrong and what was done
}

// Drop records that the value of the current member was dropped or
// converted, for the reason given.
func (s *Scanner) Drop(reason string) {
	s.nDrop++
	if len(s.drops) >= MaxDrops {
		return
	}
	var b []byte
	for i := 1; i <= s.depth && i < len(s.path); i++ {
		if len(s.path[i]) == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, '.')
		}
		b = append(b, s.path[i]...)
	}
	s.drops = append(s.drops, Drop{Path: string(b), Reason: reason})
}

// Drops returns the values recorded with Drop (at most MaxDrops) and how
// many there were in all.
func (s *Scanner) Drops() ([]Drop, int) { return s.drops, s.nDrop }

// New returns a Scanner over data.
func New(data []byte) Scanner { return Scanner{data: data} }

// Fail marks the document as one the fast path does not take.
func (s *Scanner) Fail() { s.failed = true }

// Failed reports whether the scan gave up.
func (s *Scanner) Failed() bool { return s.failed }

// End reports whether the document was read completely without failure:
// only white space may follow the value.
func (s *Scanner) End() bool {
	s.ws()
	return !s.failed && s.pos == len(s.data)
}

func (s *Scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// Peek returns the first byte of the next value, or 0 at the end or after
// a failure.
func (s *Scanner) Peek() byte {
	if s.failed {
		return 0
	}
	s.ws()
	if s.pos >= len(s.data) {
		return 0
	}
	return s.data[s.pos]
}

// ObjectStart consumes the '{' that starts an object, or fails.
func (s *Scanner) ObjectStart() bool {
	if s.Peek() != '{' {
		s.failed = true
		return false
	}
	s.pos++
	s.depth++
	if s.depth < len(s.path) {
		s.path[s.depth] = nil
	}
	return true
}

// More reports whether the object holds another member, consuming the
// comma before it (first is false after the first member) or the closing
// brace.
func (s *Scanner) More(first bool) bool {
	switch s.Peek() {
	case '}':
		s.pos++
		s.depth--
		return false
	case ',':
		if first {
			s.failed = true
			return false
		}
		s.pos++
		return true
	case '"':
		if !first {
			s.failed = true
			return false
		}
		return true
	}
	s.failed = true
	return false
}

// Key reads a member name and its colon. A name holding escapes (the
// gateway never sends one) is unescaped into a new slice.
func (s *Scanner) Key() []byte {
	if s.Peek() != '"' {
		s.failed = true
		return nil
	}
	start := s.pos + 1
	i := start
	for ; i < len(s.data); i++ {
		c := s.data[i]
		if c == '"' {
			break
		}
		if c == '\\' {
			return s.escapedKey()
		}
	}
	if i >= len(s.data) {
		s.failed = true
		return nil
	}
	return s.keyDone(s.data[start:i], i+1)
}

// escapedKey reads a member name that holds escapes.
func (s *Scanner) escapedKey() []byte {
	end, _ := s.scanString(s.pos)
	if end < 0 {
		s.failed = true
		return nil
	}
	u, ok := Unquote(s.data[s.pos:end])
	if !ok {
		s.failed = true
		return nil
	}
	return s.keyDone([]byte(u), end)
}

// keyDone records key as the current member and consumes the colon that
// follows the name, which ends before next.
func (s *Scanner) keyDone(key []byte, next int) []byte {
	if s.depth > 0 && s.depth < len(s.path) {
		s.path[s.depth] = key
	}
	s.pos = next
	s.ws()
	if s.pos >= len(s.data) || s.data[s.pos] != ':' {
		s.failed = true
		return nil
	}
	s.pos++
	return key
}

// Fold returns key as encoding/json compares member names that match no
// field exactly: case folded, for fields whose names are lower-case ASCII.
// It returns nil when folding changes nothing or when key cannot match such
// a name (a letter outside ASCII that folds to none in it).
func Fold(key []byte) []byte {
	var out []byte
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				if out == nil {
					out = append(make([]byte, 0, len(key)), key[:i]...)
				}
				c += 'a' - 'A'
			}
			if out != nil {
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(key[i:])
		var low byte
		switch r {
		case '\u212a': // KELVIN SIGN folds to k
			low = 'k'
		case '\u017f': // LATIN SMALL LETTER LONG S folds to s
			low = 's'
		default:
			return nil
		}
		if out == nil {
			out = append(make([]byte, 0, len(key)), key[:i]...)
		}
		out = append(out, low)
		i += size
	}
	return out
}

// ArrayStart consumes the '[' that starts an array, or fails.
func (s *Scanner) ArrayStart() bool {
	if s.Peek() != '[' {
		s.failed = true
		return false
	}
	s.pos++
	return true
}

// MoreItems reports whether the array holds another item, consuming the
// comma before it or the closing bracket.
func (s *Scanner) MoreItems(first bool) bool {
	switch c := s.Peek(); {
	case c == ']':
		s.pos++
		return false
	case c == ',' && !first:
		s.pos++
		return true
	case c != 0 && c != ',' && first:
		return true
	}
	s.failed = true
	return false
}

// CountItems returns the number of items of the array that starts at the
// next value, without consuming anything, or -1 when it is not a well
// nested array. It looks at brackets, braces, commas and strings only; the
// items are validated when they are read.
func (s *Scanner) CountItems() int {
	if s.Peek() != '[' {
		return -1
	}
	depth, n, empty := 0, 0, true
	for i := s.pos; i < len(s.data); i++ {
		switch c := s.data[i]; c {
		case '"':
			end, _ := s.scanString(i)
			if end < 0 {
				return -1
			}
			i = end - 1
			if depth == 1 {
				empty = false
			}
		case '[', '{':
			if depth == 1 {
				empty = false
			}
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				if empty {
					return 0
				}
				return n + 1
			}
		case ',':
			if depth == 1 {
				n++
			}
		case ' ', '\t', '\n', '\r':
		default:
			if depth == 1 {
				empty = false
			}
		}
	}
	return -1
}

// Null consumes a null and reports true, or consumes nothing and reports
// false.
func (s *Scanner) Null() bool {
	if s.Peek() != 'n' {
		return false
	}
	if len(s.data)-s.pos >= 4 && string(s.data[s.pos:s.pos+4]) == "null" {
		s.pos += 4
		return true
	}
	s.failed = true
	return false
}

// String reads a string value. plain is false when the string holds escapes
// or invalid UTF-8; raw is then the quoted literal, for the caller to
// decode with encoding/json.
func (s *Scanner) String() (str []byte, raw []byte, plain bool) {
	if s.Peek() != '"' {
		s.failed = true
		return nil, nil, false
	}
	start := s.pos
	end, escaped := s.scanString(start)
	if end < 0 {
		s.failed = true
		return nil, nil, false
	}
	s.pos = end
	body := s.data[start+1 : end-1]
	if escaped || !validUTF8(body) {
		return nil, s.data[start:end], false
	}
	return body, nil, true
}

func validUTF8(b []byte) bool { return utf8.Valid(b) }

// scanString validates the string literal at i and returns the index after
// its closing quote, or -1, and whether it holds escapes. A run without a
// backslash is found with bytes.IndexByte, which is much faster than a
// loop over its bytes; raw control characters are kept as they are (the
// gateway sends raw line breaks and tabs).
func (s *Scanner) scanString(i int) (int, bool) {
	escaped := false
	i++
	for {
		q := bytes.IndexByte(s.data[i:], '"')
		if q < 0 {
			return -1, false
		}
		bs := bytes.IndexByte(s.data[i:i+q], '\\')
		if bs < 0 {
			return i + q + 1, escaped
		}
		// An escape comes first: check it, and go on after it.
		escaped = true
		i += bs + 1
		if i >= len(s.data) {
			return -1, false
		}
		switch s.data[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			i++
		case 'u':
			if i+4 >= len(s.data) {
				return -1, false
			}
			for _, h := range s.data[i+1 : i+5] {
				if !isHex(h) {
					return -1, false
				}
			}
			i += 5
		default:
			return -1, false
		}
	}
}

// Unquote decodes a string literal as encoding/json does, except that raw
// control characters are kept as they are instead of being an error. It
// reports false for a literal that is not a valid string.
func Unquote(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	b := lit[1 : len(lit)-1]
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(b) {
			return "", false
		}
		switch b[i] {
		case '"', '\\', '/':
			out = append(out, b[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(b, i+1)
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 < len(b)+1 && i+2 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					if r2, ok := hex4(b, i+3); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							out = utf8.AppendRune(out, d)
							i += 6
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), true
}

// EscapeControls returns b with every raw control character inside a
// string literal written as an escape, so that encoding/json reads it as
// the character it is. b is returned as it is when it has none.
func EscapeControls(b []byte) []byte {
	var out []byte
	in := false
	last := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '"':
			in = !in
		case c == '\\' && in:
			i++
		case c < 0x20 && in:
			if out == nil {
				out = make([]byte, 0, len(b)+16)
			}
			out = append(out, b[last:i]...)
			out = append(out, '\\', 'u', '0', '0', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			last = i + 1
		}
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// Literal reads a scalar value (string, number, true, false or null) and
// returns its bytes exactly; objects and arrays fail.
func (s *Scanner) Literal() []byte {
	c := s.Peek()
	start := s.pos
	switch {
	case c == '"':
		end, _ := s.scanString(start)
		if end < 0 {
			s.failed = true
			return nil
		}
		s.pos = end
	case c == '-' || c >= '0' && c <= '9':
		end := scanNumber(s.data, start)
		if end < 0 {
			s.failed = true
			return nil
		}
		s.pos = end
	case c == 't':
		s.word("true")
	case c == 'f':
		s.word("false")
	case c == 'n':
		s.word("null")
	default:
		s.failed = true
		return nil
	}
	if s.failed {
		return nil
	}
	return s.data[start:s.pos]
}

func (s *Scanner) word(w string) {
	if len(s.data)-s.pos >= len(w) && string(s.data[s.pos:s.pos+len(w)]) == w {
		s.pos += len(w)
		return
	}
	s.failed = true
}

// scanNumber validates the JSON number at i and returns the index after
// it, or -1.
func scanNumber(b []byte, i int) int {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return -1
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return -1
		}
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	}
	return i
}

// skipKey reads a member name, escapes allowed, and its colon.
func (s *Scanner) skipKey() {
	if s.Peek() != '"' {
		s.failed = true
		return
	}
	end, _ := s.scanString(s.pos)
	if end < 0 {
		s.failed = true
		return
	}
	s.pos = end
	s.ws()
	if s.pos >= len(s.data) || s.data[s.pos] != ':' {
		s.failed = true
		return
	}
	s.pos++
}

// Skip reads and validates any value, and returns its bytes.
func (s *Scanner) Skip() []byte {
	s.ws()
	start := s.pos
	s.skip(0)
	if s.failed {
		return nil
	}
	return s.data[start:s.pos]
}

func (s *Scanner) skip(depth int) {
	if depth > MaxSkipDepth {
		s.failed = true
		return
	}
	switch s.Peek() {
	case '{':
		s.pos++
		s.depth++
		if s.depth < len(s.path) {
			s.path[s.depth] = nil
		}
		for first := true; s.More(first); first = false {
			if s.skipKey(); s.failed {
				return
			}
			if s.skip(depth + 1); s.failed {
				return
			}
		}
	case '[':
		s.pos++
		for first := true; s.MoreItems(first); first = false {
			if s.skip(depth + 1); s.failed {
				return
			}
		}
	default:
		s.Literal()
	}
}
