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
func (c *Client) classify(method string, status int, body []byte, out any, bare bool, session string, extra ...string) error {
	redact := c.redactor(session, extra...)
	if status != http.StatusOK {
		// Some intermediaries and the OAuth side answer 400 with a JSON
		// error body: use it when it is the gateway's error envelope.
		if t := bytes.TrimSpace(body); len(t) > 0 && t[0] == '{' {
			var apiErr *APIError
			if err := decodeResponse(method, body, nil, redact); errors.As(err, &apiErr) {
				return err
			}
		}
		return &HTTPError{Method: method, StatusCode: status, Body: redactSample(body, sampleSize, redact)}
	}
	return decodeAnswer(method, body, out, redact, bare)
}

// decodeResponse unwraps the gateway's envelope in body and decodes the
// payload into out (which may be nil). An error_response becomes an
// *APIError; anything undecodable a *DecodeError or *HTTPError. redact, if
// not nil, removes secrets from text taken from the body.
func decodeResponse(method string, body []byte, out any, redact func(string) string) error {
	return decodeAnswer(method, body, out, redact, false)
}

// decodeAnswer is decodeResponse; bare accepts a root without the method's
// member as the payload, which only a caller that sent simplify=true may
// get. The SDK never sends it, so for its own calls an answer without the
// member is a corrupt or foreign answer, never an empty success.
func decodeAnswer(method string, body []byte, out any, redact func(string) string, bare bool) error {
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
	err = decodePart(method, part, out, redact, bare)
	if err != nil && part.Guess && isSyntaxError(err) {
		// The root may hold more than one member: decode it properly.
		slow, serr := envelope.Slow(body, key)
		if serr != nil {
			return newDecodeError(method, body, serr, true, redact)
		}
		err = decodePart(method, slow, out, redact, bare)
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

func decodePart(method string, part envelope.Part, out any, redact func(string) string, bare bool) error {
	if part.IsError {
		apiErr, err := parseErrorResponse(method, part.Value, redact)
		if err != nil {
			return err
		}
		return apiErr
	}
	if part.Missing && !bare {
		return &missingError{envelope.ResponseKey(method)}
	}
	if len(part.Value) == 0 || part.Value[0] != '{' {
		if part.Guess && !json.Valid(part.Value) {
			return &json.SyntaxError{}
		}
		return fmt.Errorf("the member %q is not an object", envelope.ResponseKey(method))
	}
	if out == nil {
		if part.Guess && !json.Valid(part.Value) {
			return &json.SyntaxError{}
		}
		return nil
	}
	if fd, ok := out.(fastDecoder); ok {
		// One pass with the generated decoder; anything unusual falls back
		// to encoding/json from a clean value.
		s := jsonscan.New(part.Value)
		fd.decodeFast(&s)
		if s.End() {
			return nil
		}
		reflect.ValueOf(out).Elem().SetZero()
	}
	return json.Unmarshal(part.Value, out)
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
// strict scanner, calling the same UnmarshalJSON methods on the same bytes
// for Int64, Money, Time and Bool. Whatever they are not sure to decode
// exactly as encoding/json would (escaped or case-folded member names,
// duplicate lists, a wrong type) makes them give up, and the caller then
// decodes the body through decodeResponse as usual.

// fastDecoder is a wire struct with a generated or hand-written decodeFast.
type fastDecoder interface{ decodeFast(s *jsonscan.Scanner) }

// decodeFast decodes the payload of a success answer of method into out,
// and reports whether it did; error answers and anything unusual report
// false.
func decodeFast(method string, body []byte, out fastDecoder) bool {
	part, err := envelope.Split(body, envelope.ResponseKey(method))
	if err != nil || part.IsError || part.Missing {
		return false
	}
	s := jsonscan.New(part.Value)
	out.decodeFast(&s)
	return s.End()
}

func fastString(s *jsonscan.Scanner, p *string) {
	if s.Null() {
		return // encoding/json leaves a string alone on null
	}
	str, raw, plain := s.String()
	switch {
	case s.Failed():
	case plain:
		*p = string(str)
	default:
		if json.Unmarshal(raw, p) != nil {
			s.Fail()
		}
	}
}

func fastStringItem(p *string, s *jsonscan.Scanner) { fastString(s, p) }

func fastInt64(s *jsonscan.Scanner, p *Int64) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastMoney(s *jsonscan.Scanner, p *Money) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastTime(s *jsonscan.Scanner, p *Time) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastBool(s *jsonscan.Scanner, p *Bool) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

// fastRaw decodes a value of a type without documented fields through
// encoding/json.
func fastRaw(s *jsonscan.Scanner, p any) {
	if raw := s.Skip(); !s.Failed() && json.Unmarshal(raw, p) != nil {
		s.Fail()
	}
}

// fastUnknown skips the value of a member the struct does not have. A name
// with capitals or non-ASCII letters might match a field case-insensitively
// in encoding/json, so it gives up on those.
func fastUnknown(s *jsonscan.Scanner, key []byte) {
	for _, c := range key {
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			s.Fail()
			return
		}
	}
	s.Skip()
}

// fastList reads a List as List.UnmarshalJSON does for the shapes the
// gateway sends: {"<item>":[...]}, a bare array, {}, null or "". Anything
// else, or a list seen twice, gives up.
func fastList[T any](s *jsonscan.Scanner, l *List[T], item func(*T, *jsonscan.Scanner)) {
	switch s.Peek() {
	case 'n':
		if s.Null() {
			*l = nil
		}
	case '"':
		if str, _, plain := s.String(); !plain || len(str) != 0 {
			s.Fail()
		}
		*l = nil
	case '[':
		fastItems(s, l, item)
	case '{':
		s.ObjectStart()
		if !s.More(true) {
			*l = nil
			return
		}
		if s.Key(); s.Failed() {
			return
		}
		if s.Null() {
			*l = nil
		} else {
			fastItems(s, l, item)
		}
		if s.More(false) {
			s.Fail() // several members: leave the choice to List.UnmarshalJSON
		}
	default:
		s.Fail()
	}
}

// fastItems reads an array into a slice allocated at its final length.
func fastItems[T any](s *jsonscan.Scanner, l *List[T], item func(*T, *jsonscan.Scanner)) {
	n := s.CountItems()
	if n < 0 || *l != nil {
		s.Fail()
		return
	}
	out := make(List[T], n)
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

// missingMember reports an answer without the member the method promises.
func missingMember(method, member, requestID string, body []byte) error {
	return &DecodeError{
		Method:    method,
		RequestID: requestID,
		Sample:    quoteSample(body),
		Err:       fmt.Errorf("answer has no %q", member),
	}
}
