package taobao

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/toptrade/taobao/internal/envelope"
	"github.com/toptrade/taobao/internal/jsonscan"
)

// Decoding happens once per attempt, on the answer the client keeps: the
// envelope is taken apart (error_response wherever it stands, else the
// method's member), and the payload goes through the generated single-pass
// decoder when the target has one, through encoding/json otherwise.

// classify turns one answer into nil or a typed error, decoding into out.
// extra are request values to keep out of the error, besides the session.
func (c *Client) classify(method string, status int, body []byte, out any, bare bool, rep *decodeReport, session string, extra ...string) error {
	redact := c.redactor(session, extra...)
	if status != http.StatusOK {
		// Some intermediaries and the OAuth side answer 400 with a JSON
		// error body: use it when it is the gateway's error envelope.
		if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '{' {
			var apiErr *APIError
			if err := decodeAnswer(method, body, nil, redact, false, nil); errors.As(err, &apiErr) {
				return err
			}
		}
		return &HTTPError{Method: method, StatusCode: status, Body: redactSample(body, sampleSize, redact)}
	}
	return decodeAnswer(method, body, out, redact, bare, rep)
}

// decodeReport collects what a decode had to drop or convert.
type decodeReport struct {
	drops []jsonscan.Drop
	n     int
}

func (r *decodeReport) add(drops []jsonscan.Drop, n int) {
	if r == nil {
		return
	}
	r.drops = append(r.drops, drops...)
	r.n += n
}

// DroppedValue is a value of an answer that the decoder could not take as
// it was: it was dropped (the field stays at its zero value) or converted
// (a number kept as the text of a string field, say). One wrong value
// never costs the rest of the answer.
type DroppedValue struct {
	Path   string // the member names from the method's member down, such as "trades.trade.sid"
	Reason string // what was wrong and what was done
}

// droppedSetter is a wire type that exposes its answer's dropped values.
type droppedSetter interface{ setDropped([]DroppedValue) }

func droppedValues(drops []jsonscan.Drop) []DroppedValue {
	out := make([]DroppedValue, len(drops))
	for i, d := range drops {
		out[i] = DroppedValue(d)
	}
	return out
}

// decodeResponse unwraps the gateway's envelope in body and decodes the
// payload into out (which may be nil). An error_response becomes an
// *APIError; anything undecodable a *DecodeError or *HTTPError. redact, if
// not nil, removes secrets from text taken from the body.
func decodeResponse(method string, body []byte, out any, redact func(string) string) error {
	return decodeAnswer(method, body, out, redact, false, nil)
}

// decodeAnswer is decodeResponse; bare accepts a root without the method's
// member as the payload, which only a caller that sent simplify=true may
// get. The SDK never sends it, so for its own calls an answer without the
// member is a corrupt or foreign answer, never an empty success.
func decodeAnswer(method string, body []byte, out any, redact func(string) string, bare bool, rep *decodeReport) error {
	key := envelope.ResponseKey(method)
	part, err := envelope.Split(body, key)
	if err != nil {
		if errors.Is(err, envelope.ErrNotJSON) {
			he := &HTTPError{Method: method, StatusCode: 200, Body: redactSample(body, sampleSize, redact)}
			if isTokenMethod(method) {
				he.Body = []byte(withheldSample)
			}
			return he
		}
		// Cut short, bytes after the end, or broken: a new attempt may fix it.
		return newDecodeError(method, body, err, true, redact)
	}
	err = decodePart(method, part, out, redact, bare, rep)
	if err != nil && part.Guess && isSyntaxError(err) {
		// The root may hold more than one member: decode it properly.
		slow, serr := envelope.Slow(body, key)
		if serr != nil {
			return newDecodeError(method, body, serr, true, redact)
		}
		err = decodePart(method, slow, out, redact, bare, rep)
	}
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			return err
		}
		var me *missingError
		return newDecodeError(method, body, err, isSyntaxError(err) || errors.As(err, &me), redact)
	}
	return nil
}

// missingError is an answer without the method's member.
type missingError struct{ key string }

func (e *missingError) Error() string { return "answer has no " + strconv.Quote(e.key) }

func decodePart(method string, part envelope.Part, out any, redact func(string) string, bare bool, rep *decodeReport) error {
	if part.IsError {
		apiErr, err := parseErrorResponse(method, jsonscan.EscapeControls(part.Value), redact)
		if err != nil {
			return err
		}
		return apiErr
	}
	if part.Missing && !bare {
		return &missingError{envelope.ResponseKey(method)}
	}
	if len(part.Value) == 0 || part.Value[0] != '{' {
		if part.Guess && !json.Valid(jsonscan.EscapeControls(part.Value)) {
			return &json.SyntaxError{}
		}
		return fmt.Errorf("the member %q is not an object", envelope.ResponseKey(method))
	}
	if out == nil {
		if part.Guess && !json.Valid(jsonscan.EscapeControls(part.Value)) {
			return &json.SyntaxError{}
		}
		return nil
	}
	if fd, ok := out.(fastDecoder); ok {
		// One pass with the generated decoder, which drops or converts a
		// value of the wrong type and goes on; it fails only on what is
		// not JSON.
		s := jsonscan.New(part.Value)
		fd.decodeFast(&s)
		if !s.End() {
			reflect.ValueOf(out).Elem().SetZero()
			return syntaxError(part.Value)
		}
		drops, n := s.Drops()
		rep.add(drops, n)
		if ds, ok := out.(droppedSetter); ok && n > 0 {
			ds.setDropped(droppedValues(drops))
		}
		return nil
	}
	// A caller's own struct. Raw control characters inside strings are
	// kept: escape them for encoding/json. A value of the wrong type is
	// skipped by encoding/json, which decodes the rest and reports the
	// first such value: that value is dropped, not the answer.
	err := json.Unmarshal(jsonscan.EscapeControls(part.Value), out)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		d := jsonscan.Drop{Path: te.Field, Reason: "a " + te.Value + " where " + te.Type.String() + " belongs: dropped"}
		rep.add([]jsonscan.Drop{d}, 1)
		if ds, ok := out.(droppedSetter); ok {
			ds.setDropped(droppedValues([]jsonscan.Drop{d}))
		}
		return nil
	}
	return err
}

// syntaxError returns encoding/json's account of what is wrong with data,
// which the generated decoders could not read.
func syntaxError(data []byte) error {
	var v any
	err := json.Unmarshal(jsonscan.EscapeControls(data), &v)
	if isSyntaxError(err) {
		return err
	}
	return errors.New("a value nested too deeply to read")
}

// parseErrorResponse decodes the body of an error_response, for the client
// and the token calls alike. The code is a number in practice; a numeric
// string is accepted too. redact, if not nil, cleans the messages.
func parseErrorResponse(method string, raw []byte, redact func(string) string) (*APIError, error) {
	var e envelope.Error
	if err := json.Unmarshal(raw, &e); err != nil {
		return nil, err
	}
	code, _ := strconv.Atoi(strings.Trim(string(e.Code), `" `))
	return &APIError{
		Method:    method,
		Code:      code,
		Msg:       redactString(e.Msg, redact),
		SubCode:   e.SubCode,
		SubMsg:    redactString(e.SubMsg, redact),
		RequestID: e.RequestID,
	}, nil
}

func isSyntaxError(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

func newDecodeError(method string, body []byte, err error, truncated bool, redact func(string) string) *DecodeError {
	if redact != nil {
		// A value's decoding error may quote the value itself.
		if msg := err.Error(); redact(msg) != msg {
			err = errors.New(redact(msg))
		}
	}
	sample := withheldSample
	if !isTokenMethod(method) {
		sample = quoteSample(redactSample(body, sampleSize, redact))
	}
	return &DecodeError{
		Method:    method,
		RequestID: envelope.RequestID(body),
		Sample:    sample,
		Err:       err,
		truncated: truncated,
	}
}

// The fast path. encoding/json reads a document twice before decoding it
// (validation, then the decode), and again for every value that has its
// own UnmarshalJSON: on a page of trades every order list is read five
// times. The generated decodeFast methods read the payload once with a
// scanner. They are tolerant as the official Java converter is: a value of
// the wrong type is dropped (or, for a number in a string field, kept as
// text) and recorded, and the rest is read on. They fail only on bytes
// that are not JSON. Each model's UnmarshalJSON runs the same decoder, so
// encoding/json users read stored trades the same way.

// fastDecoder is a wire struct with a generated or hand-written decodeFast.
type fastDecoder interface{ decodeFast(s *jsonscan.Scanner) }

// decodeFast decodes the payload of a success answer of method into out
// with the fast path alone, and reports whether it did and how many values
// it dropped; error answers and anything unusual report false. (Client.call
// goes through decodeAnswer; this is the fast path on its own.)
func decodeFast(method string, body []byte, out fastDecoder) (ok bool, dropped int) {
	part, err := envelope.Split(body, envelope.ResponseKey(method))
	if err != nil || part.IsError || part.Missing {
		return false, 0
	}
	s := jsonscan.New(part.Value)
	out.decodeFast(&s)
	_, n := s.Drops()
	return s.End(), n
}

// fastObject starts reading a struct: false for null, and for a value that
// is not an object, which is skipped and recorded.
func fastObject(s *jsonscan.Scanner) bool {
	switch s.Peek() {
	case '{':
		return s.ObjectStart()
	case 'n':
		s.Null()
		return false
	case 0:
		s.Fail()
		return false
	}
	dropValue(s, "not an object")
	return false
}

// dropValue skips the next value and records it as dropped.
func dropValue(s *jsonscan.Scanner, what string) {
	if s.Skip(); !s.Failed() {
		s.Drop(what + ": dropped")
	}
}

func fastString(s *jsonscan.Scanner, p *string) {
	switch s.Peek() {
	case 'n':
		s.Null() // encoding/json leaves a string alone on null
		return
	case '{', '[':
		dropValue(s, "an object or array where a string belongs")
		return
	case '"':
	default:
		// A number or a boolean: keep its text, as the official converter
		// does (sid and refund_id have been sent as bare numbers).
		if lit := s.Literal(); !s.Failed() {
			*p = string(lit)
			s.Drop("a " + kindOf(lit) + " where a string belongs: kept as text")
		}
		return
	}
	str, raw, plain := s.String()
	switch {
	case s.Failed():
	case plain:
		*p = s.Str(str)
	default:
		if json.Unmarshal(raw, p) == nil {
			return
		}
		// Raw control characters beside escapes: unescape by hand.
		if u, ok := jsonscan.Unquote(raw); ok {
			*p = u
			return
		}
		s.Fail()
	}
}

// kindOf names the JSON kind of a literal.
func kindOf(lit []byte) string {
	switch lit[0] {
	case 't', 'f':
		return "boolean"
	case '"':
		return "string"
	}
	return "number"
}

func fastStringItem(p *string, s *jsonscan.Scanner) { fastString(s, p) }

// scalarLiteral returns the next value's literal, or nil after dropping
// an object or array (or after a failure).
func scalarLiteral(s *jsonscan.Scanner, what string) []byte {
	if c := s.Peek(); c == '{' || c == '[' {
		dropValue(s, "an object or array where "+what+" belongs")
		return nil
	}
	raw := s.Literal()
	if s.Failed() {
		return nil
	}
	return raw
}

// The scalar readers decode through the type's own UnmarshalJSON, which
// leaves the value as it was on an error: the value is then dropped and
// recorded. (One function per type: a generic one, calling the method
// through its type parameter, makes every value escape to the heap.)

func fastInt64(s *jsonscan.Scanner, p *int64) {
	if raw := scalarLiteral(s, "an integer"); raw != nil {
		if v, err := parseLenientInt(raw); err == nil {
			*p = v
		} else {
			s.Drop(quoteSample(raw) + " is not an integer: dropped")
		}
	}
}

func fastInt64Item(p *int64, s *jsonscan.Scanner) { fastInt64(s, p) }

func fastMoney(s *jsonscan.Scanner, p *Money) {
	if raw := scalarLiteral(s, "an amount"); raw != nil && p.UnmarshalJSON(raw) != nil {
		s.Drop(quoteSample(raw) + " is not an amount: dropped")
	}
}

func fastTime(s *jsonscan.Scanner, p *Time) {
	if raw := scalarLiteral(s, "a time"); raw != nil && p.UnmarshalJSON(raw) != nil {
		s.Drop(quoteSample(raw) + " is not a time: dropped")
	}
}

func fastBool(s *jsonscan.Scanner, p *bool) {
	if raw := scalarLiteral(s, "a boolean"); raw != nil {
		if v, err := parseLenientBool(raw); err == nil {
			*p = v
		} else {
			s.Drop(quoteSample(raw) + " is not a boolean: dropped")
		}
	}
}

// fastMembers reads an object of a hand-written wire struct: member is
// called with each name and reports whether it read the value; a name it
// does not know is tried again case-folded, as encoding/json matches names,
// and otherwise skipped. (The generated decoders inline the same loop.)
func fastMembers(s *jsonscan.Scanner, member func(key string) bool) {
	if !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		if s.Failed() || member(string(key)) {
			continue
		}
		if k := jsonscan.Fold(key); k == nil || !member(string(k)) {
			s.Skip()
		}
	}
}

// fastPtr reads an object into *p, allocating it on first use; null makes
// it nil.
func fastPtr[T any](s *jsonscan.Scanner, p **T, decode func(*T, *jsonscan.Scanner)) {
	if s.Null() {
		*p = nil
		return
	}
	if *p == nil {
		*p = new(T)
	}
	decode(*p, s)
}

// fastRaw decodes a value of a type without documented fields through
// encoding/json.
func fastRaw(s *jsonscan.Scanner, p any) {
	if raw := s.Skip(); !s.Failed() && json.Unmarshal(jsonscan.EscapeControls(raw), p) != nil {
		s.Drop("not an object: dropped")
	}
}

// fastList reads a list in every shape the gateway sends: {"<item>":[...]},
// a bare array (simplify=true), {}, null or "". A wrapper is read as
// List.UnmarshalJSON reads it: its first member holding an array, or a
// lone member holding one object (XML-born JSON's list of one). A list
// sent twice keeps the last.
func fastList[T any](s *jsonscan.Scanner, l *[]T, item func(*T, *jsonscan.Scanner)) {
	fastListSized(s, l, item, 0)
}

// fastListSized is fastList for a list whose length is about size (a page
// of the page size asked for): the slice is made that large at once,
// instead of counting the items first. Zero means unknown.
func fastListSized[T any](s *jsonscan.Scanner, l *[]T, item func(*T, *jsonscan.Scanner), size int) {
	switch s.Peek() {
	case 'n':
		if s.Null() {
			*l = nil
		}
	case '"':
		if str, _, plain := s.String(); !s.Failed() && (!plain || len(str) != 0) {
			s.Drop("a string where a list belongs: dropped")
		}
		*l = nil
	case '[':
		fastItems(s, l, item, size)
	case '{':
		fastWrapped(s, l, item, size)
	default:
		dropValue(s, "not a list")
	}
}

// fastWrapped reads a list wrapper object.
func fastWrapped[T any](s *jsonscan.Scanner, l *[]T, item func(*T, *jsonscan.Scanner), size int) {
	s.ObjectStart()
	members, taken := 0, false
	var single *T
	for first := true; s.More(first); first = false {
		if s.Key(); s.Failed() {
			return
		}
		members++
		switch c := s.Peek(); {
		case taken:
			s.Skip()
		case c == '[':
			fastItems(s, l, item, size)
			taken = true
		case c == '{' && members == 1:
			single = new(T)
			item(single, s)
		default:
			s.Skip()
		}
	}
	switch {
	case s.Failed() || taken:
	case members == 0:
		*l = nil
	case members == 1 && single != nil:
		*l = []T{*single}
	default:
		*l = nil
		s.Drop("a list wrapper without an array: dropped")
	}
}

// fastItems reads an array into a new slice. With a size, the slice starts
// with that capacity and grows if the array is longer; without one, the
// items are counted first so that it is made at its final length (the
// items of a model are large: growing copies them).
func fastItems[T any](s *jsonscan.Scanner, l *[]T, item func(*T, *jsonscan.Scanner), size int) {
	if size > 0 {
		if !s.ArrayStart() {
			return
		}
		out := make([]T, 0, size)
		var zero T
		for first := true; s.MoreItems(first); first = false {
			out = append(out, zero)
			item(&out[len(out)-1], s)
		}
		if !s.Failed() {
			*l = out
		}
		return
	}
	n := s.CountItems()
	if n < 0 {
		s.Fail()
		return
	}
	out := make([]T, n)
	s.ArrayStart()
	i := 0
	for first := true; s.MoreItems(first); first = false {
		if i == n {
			s.Fail()
			return
		}
		item(&out[i], s)
		i++
	}
	if i != n {
		s.Fail()
		return
	}
	*l = out
}

// unmarshalModel is every model's UnmarshalJSON: the generated decoder,
// tolerant as the client's own decoding, without the drop report.
func unmarshalModel(data []byte, v fastDecoder) error {
	s := jsonscan.New(data)
	v.decodeFast(&s)
	if !s.End() {
		return syntaxError(data)
	}
	return nil
}

// missingMember reports an answer without the member the method promises.
func missingMember(method, member, requestID string, body []byte) error {
	return &DecodeError{
		Method:    method,
		RequestID: requestID,
		Sample:    quoteSample(body),
		Err:       fmt.Errorf("answer has no %q", member),
	}
}
