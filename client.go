package taobao

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/toptrade/taobao/internal/envelope"
)

// decodeResponse unwraps the gateway's envelope in body and decodes the
// payload into out (which may be nil). An error_response becomes an
// *APIError; anything undecodable a *DecodeError or *HTTPError. redact, if
// not nil, removes secrets from text taken from the body.
func decodeResponse(method string, body []byte, out any, redact func(string) string) error {
	key := envelope.ResponseKey(method)
	part, err := envelope.Split(body, key)
	if err != nil {
		if envelope.IsTruncated(err) {
			return newDecodeError(method, body, errors.New("unexpected end of JSON input"), true, redact)
		}
		return &HTTPError{Method: method, StatusCode: 200, Body: redactBytes(sampleBytes(body, 4096), redact)}
	}
	err = decodePart(method, part, out, redact)
	if err != nil && part.Guess && isSyntaxError(err) {
		// The root may hold more than one member: decode it properly.
		slow, serr := envelope.Slow(body, key)
		if serr != nil {
			return newDecodeError(method, body, serr, true, redact)
		}
		err = decodePart(method, slow, out, redact)
	}
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			return err
		}
		return newDecodeError(method, body, err, isSyntaxError(err), redact)
	}
	return nil
}

func decodePart(method string, part envelope.Part, out any, redact func(string) string) error {
	if part.IsError {
		var e envelope.Error
		if err := json.Unmarshal(part.Value, &e); err != nil {
			return err
		}
		code, _ := strconv.Atoi(strings.Trim(string(e.Code), `" `))
		return &APIError{
			Method:    method,
			Code:      code,
			Msg:       redactString(e.Msg, redact),
			SubCode:   e.SubCode,
			SubMsg:    redactString(e.SubMsg, redact),
			RequestID: e.RequestID,
		}
	}
	if out == nil {
		if part.Guess && !json.Valid(part.Value) {
			return &json.SyntaxError{}
		}
		return nil
	}
	return json.Unmarshal(part.Value, out)
}

func isSyntaxError(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) || errors.Is(err, errUnexpectedEnd)
}

var errUnexpectedEnd = errors.New("unexpected end of JSON input")

func newDecodeError(method string, body []byte, err error, truncated bool, redact func(string) string) *DecodeError {
	return &DecodeError{
		Method:    method,
		RequestID: envelope.RequestID(body),
		Sample:    quoteSample(redactBytes(body, redact)),
		Err:       err,
		truncated: truncated,
	}
}

func redactString(s string, redact func(string) string) string {
	if redact == nil {
		return s
	}
	return redact(s)
}

func redactBytes(b []byte, redact func(string) string) []byte {
	if redact == nil {
		return b
	}
	return []byte(redact(string(b)))
}

func sampleBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
