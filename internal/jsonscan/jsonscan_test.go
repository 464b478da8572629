package jsonscan_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/internal/jsonscan"
)

var documents = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e+3`, `-12.0E-1`, `"a\"b\\c\/\b\f\n\r\t\u00e9\uD83D\uDE00"`,
	`{"a":[1,{"b":null}],"c":"d"}`, ` { "a" : [ 1 , 2 ] } `, `[[[[]]]]`, `{"中":"文"}`, `"\xff"`,
	// invalid
	``, ` `, `{`, `}`, `[`, `]`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,"a":1}`, `{"a":1 "b":2}`,
	"\"a\tb\"", "{\"a\":\"line\nbreak\"}",
	`[1 2]`, `01`, `1.`, `.5`, `1e`, `+1`, `-`, `tru`, `nul`, `falsey`, `"abc`, `"a\x"`, `"\u12"`, `"\u12G4"`,
	`{"a":1}}`, `{"a":1} x`, `[1]]`, `{1:2}`, `{"a" 1}`, `NaN`, `[-]`,
}

func TestSkipMatchesValid(t *testing.T) {
	for _, doc := range documents {
		t.Run(doc, func(t *testing.T) {
			s := jsonscan.New([]byte(doc))
			raw := s.Skip()
			ok := s.End()
			// Raw control characters inside strings are accepted on
			// purpose: compare with the same document escaped.
			assert.Equal(t, json.Valid(jsonscan.EscapeControls([]byte(doc))), ok)
			if ok {
				assert.Equal(t, strings.TrimSpace(doc), string(raw))
			}
		})
	}
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", jsonscan.MaxSkipDepth+2) + strings.Repeat("]", jsonscan.MaxSkipDepth+2)
	s := jsonscan.New([]byte(deep))
	s.Skip()
	assert.False(t, s.End(), "gives up long before encoding/json's limit")
	ok := strings.Repeat("[", 100) + strings.Repeat("]", 100)
	s = jsonscan.New([]byte(ok))
	s.Skip()
	assert.True(t, s.End())
}

func TestCountItems(t *testing.T) {
	for doc, want := range map[string]int{
		`[]`: 0, ` [ ] `: 0, `[1]`: 1, `[1,2,3]`: 3, `[{"a":[1,2]},"x,y",[3,4]]`: 3, `["\"],"]`: 1,
		`{}`: -1, `[1,2`: -1, `1`: -1,
	} {
		s := jsonscan.New([]byte(doc))
		assert.Equal(t, want, s.CountItems(), doc)
	}
}

func TestObject(t *testing.T) {
	s := jsonscan.New([]byte(` {"a" : "x\n", "b":[1,2], "c": 12 } `))
	require.True(t, s.ObjectStart())
	var keys []string
	for first := true; s.More(first); first = false {
		key := s.Key()
		keys = append(keys, string(key))
		switch string(key) {
		case "a":
			str, raw, plain := s.String()
			assert.False(t, plain)
			assert.Nil(t, str)
			assert.Equal(t, `"x\n"`, string(raw))
		case "b":
			assert.Equal(t, 2, s.CountItems())
			assert.Equal(t, "[1,2]", string(s.Skip()))
		case "c":
			assert.Equal(t, "12", string(s.Literal()))
		}
	}
	assert.True(t, s.End())
	assert.Equal(t, []string{"a", "b", "c"}, keys)

	s = jsonscan.New([]byte(`{"a\u0062":1}`))
	require.True(t, s.ObjectStart())
	require.True(t, s.More(true))
	assert.Equal(t, "ab", string(s.Key()), "an escaped name is unescaped")
	assert.Equal(t, "1", string(s.Literal()))
	assert.False(t, s.More(false))
	assert.True(t, s.End())

	for _, bad := range []string{`{"a\u00":1}`, `{"a":1,,}`, `{"a" 1}`, `{"a":1 "b":2}`} {
		s := jsonscan.New([]byte(bad))
		s.ObjectStart()
		for first := true; s.More(first); first = false {
			s.Key()
			s.Skip()
		}
		assert.False(t, s.End(), bad)
	}
}

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"tid", ""},
		{"Tid", "tid"},
		{"BUYER_NICK", "buyer_nick"},
		{"\u212aey", "key"},   // Kelvin sign
		{"po\u017ft", "post"}, // long s
		{"tïd", ""},           // cannot match an ASCII name
	} {
		got := jsonscan.Fold([]byte(tt.in))
		if tt.want == "" {
			assert.Nil(t, got, tt.in)
		} else {
			assert.Equal(t, tt.want, string(got), tt.in)
		}
	}
}

func TestStringPlain(t *testing.T) {
	s := jsonscan.New([]byte(`"梳美人"`))
	str, raw, plain := s.String()
	assert.True(t, plain)
	assert.Nil(t, raw)
	assert.Equal(t, "梳美人", string(str))
	s = jsonscan.New([]byte("\"\xff\""))
	_, raw, plain = s.String()
	assert.False(t, plain, "invalid UTF-8 is left to encoding/json")
	assert.Equal(t, "\"\xff\"", string(raw))
}

func FuzzSkip(f *testing.F) {
	for _, doc := range documents {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		s := jsonscan.New(b)
		s.Skip()
		valid := json.Valid(jsonscan.EscapeControls(b))
		if s.End() && !valid {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		if !s.End() && valid && strings.Count(string(b), "[")+strings.Count(string(b), "{") < jsonscan.MaxSkipDepth {
			t.Fatalf("rejected valid JSON %q", b)
		}
		// Read as the generated decoders do: members by Key, values by
		// type. Whatever is taken must be valid.
		s = jsonscan.New(b)
		if s.Peek() == '{' {
			s.ObjectStart()
			for first := true; s.More(first); first = false {
				s.Key()
				switch s.Peek() {
				case '"':
					s.String()
				case '[':
					n := s.CountItems()
					s.ArrayStart()
					i := 0
					for first := true; s.MoreItems(first); first = false {
						s.Literal()
						i++
					}
					if !s.Failed() && n != i {
						t.Fatalf("CountItems %d, read %d in %q", n, i, b)
					}
				default:
					s.Literal()
				}
			}
			if s.End() && !json.Valid(jsonscan.EscapeControls(b)) {
				t.Fatalf("object reader accepted invalid JSON %q", b)
			}
		}
	})
}

func TestUnquoteAndEscapeControls(t *testing.T) {
	for _, lit := range []string{`"a\"b\\c\/\b\f\n\r\t\u00e9\uD83D\uDE00"`, `"plain"`, `"\uD800x"`, `""`} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(lit), &want))
		got, ok := jsonscan.Unquote([]byte(lit))
		require.True(t, ok, lit)
		assert.Equal(t, want, got, lit)
	}
	got, ok := jsonscan.Unquote([]byte("\"line\nbreak\\t\""))
	require.True(t, ok)
	assert.Equal(t, "line\nbreak\t", got, "raw control characters are kept")
	_, ok = jsonscan.Unquote([]byte(`"\x"`))
	assert.False(t, ok)

	doc := []byte("{\"m\":\"a\nb\",\"k\":\"\\\"\t\"}")
	var v map[string]string
	require.NoError(t, json.Unmarshal(jsonscan.EscapeControls(doc), &v))
	assert.Equal(t, map[string]string{"m": "a\nb", "k": "\"\t"}, v)
	plain := []byte(`{"a":1}`)
	assert.Equal(t, &plain[0], &jsonscan.EscapeControls(plain)[0], "no copy when nothing needs escaping")
}

func TestStrSharesShortStrings(t *testing.T) {
	s := jsonscan.New(nil)
	a := s.Str([]byte("WAIT_SELLER_SEND_GOODS"))
	b := s.Str([]byte("WAIT_SELLER_SEND_GOODS"))
	assert.Equal(t, "WAIT_SELLER_SEND_GOODS", a)
	assert.Same(t, unsafe.StringData(a), unsafe.StringData(b), "one string for equal short values")
	long := strings.Repeat("x", 40)
	c, d := s.Str([]byte(long)), s.Str([]byte(long))
	assert.Equal(t, long, c)
	assert.NotSame(t, unsafe.StringData(c), unsafe.StringData(d), "long strings are not kept")
	assert.Empty(t, s.Str(nil))
}
