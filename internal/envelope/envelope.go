// Package envelope splits a TOP gateway answer into its parts without
// decoding the payload twice.
package envelope

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// ErrNotJSON is returned for a body that is not a JSON object, such as an
// intermediary's HTML page.
var ErrNotJSON = errors.New("body is not a JSON object")

// ResponseKey returns the member name the gateway wraps a method's answer
// in: the method without a leading "taobao.", dots turned to underscores,
// plus "_response".
func ResponseKey(method string) string {
	m := strings.TrimPrefix(method, "taobao.")
	return strings.ReplaceAll(m, ".", "_") + "_response"
}

// Error is the body of "error_response".
type Error struct {
	Code      json.RawMessage `json:"code"` // a number in practice; a string is tolerated
	Msg       string          `json:"msg"`
	SubCode   string          `json:"sub_code"`
	SubMsg    string          `json:"sub_msg"`
	RequestID string          `json:"request_id"`
}

// Part is what Split found.
type Part struct {
	Value   []byte // the payload: the wrapped object, or the whole root when Missing
	IsError bool   // Value is the body of error_response
	Guess   bool   // Value was cut out by position and must be checked by decoding it
	Missing bool   // the root has neither the method's member nor error_response; Value is the root
}

// Errors of Split for bodies that are not one whole JSON object.
var (
	// ErrTrailing is a complete JSON object followed by other bytes.
	ErrTrailing  = errors.New("data after the end of the answer")
	errTruncated = errors.New("unexpected end of JSON input")
)

// Split finds the payload of body. When the root's first member is the
// method's member or error_response, it assumes that member is the only one
// (the gateway sends exactly one) and sets Part.Guess: the caller decodes
// Part.Value and, if that fails, calls Slow, which finds error_response
// wherever it stands. Any other root goes through Slow at once.
func Split(body []byte, key string) (Part, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' {
		return Part{}, ErrNotJSON
	}
	if body[len(body)-1] != '}' || len(body) < 2 {
		return Part{}, wholeObjectError(body)
	}
	name, rest, ok := firstKey(body)
	if ok {
		switch name {
		case "error_response":
			return Part{Value: trimObjectTail(rest), IsError: true, Guess: true}, nil
		case key:
			return Part{Value: trimObjectTail(rest), Guess: true}, nil
		}
	}
	return Slow(body, key)
}

// wholeObjectError tells a body cut short from one with bytes after its end.
func wholeObjectError(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return errTruncated
		}
		return err
	}
	return ErrTrailing
}

// Slow decodes the root as a map and picks error_response wherever it
// stands, then the method's member. A root with neither is returned whole
// with Missing set: only a caller that asked for simplify=true answers may
// take it as the payload.
func Slow(body []byte, key string) (Part, error) {
	var root map[string]json.RawMessage
	if err := json.Unmarshal(body, &root); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) && strings.HasPrefix(se.Error(), "unexpected end") {
			return Part{}, errTruncated
		}
		return Part{}, err
	}
	if v, ok := root["error_response"]; ok {
		return Part{Value: bytes.TrimSpace(v), IsError: true}, nil
	}
	if v, ok := root[key]; ok {
		return Part{Value: bytes.TrimSpace(v)}, nil
	}
	return Part{Value: body, Missing: true}, nil
}

// RequestID finds the request_id member of an object cheaply: the gateway
// puts it last, so the search runs from the end.
func RequestID(obj []byte) string {
	const k = `"request_id":`
	i := bytes.LastIndex(obj, []byte(k))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(obj[i+len(k):], " \t\r\n")
	if len(v) == 0 || v[0] != '"' {
		return ""
	}
	v = v[1:]
	j := bytes.IndexByte(v, '"')
	if j < 0 || j > 64 {
		return ""
	}
	return string(v[:j])
}

// firstKey returns the first member name of the object and what follows its
// colon.
func firstKey(obj []byte) (string, []byte, bool) {
	i := skipSpace(obj, 1)
	if i >= len(obj) || obj[i] != '"' {
		return "", nil, false
	}
	start := i + 1
	for i = start; i < len(obj) && obj[i] != '"'; i++ {
		if obj[i] == '\\' {
			return "", nil, false // escaped names are never wrappers
		}
	}
	if i >= len(obj) {
		return "", nil, false
	}
	name := obj[start:i]
	i = skipSpace(obj, i+1)
	if i >= len(obj) || obj[i] != ':' {
		return "", nil, false
	}
	return string(name), obj[i+1:], true
}

// trimObjectTail drops the root's closing brace and surrounding space.
func trimObjectTail(rest []byte) []byte {
	rest = bytes.TrimSpace(rest)
	if len(rest) > 0 && rest[len(rest)-1] == '}' {
		rest = rest[:len(rest)-1]
	}
	return bytes.TrimSpace(rest)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}
