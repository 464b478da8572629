package taobao

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors. Match them with errors.Is; *APIError maps the gateway's
// codes and sub_codes onto them.
var (
	// ErrRateLimited: the gateway refused the call under flow control
	// (codes 4-8, accesscontrol.* sub_codes).
	ErrRateLimited = errors.New("taobao: call rate limited by the gateway")
	// ErrBanned: calls are refused until a ban ends, either because a known
	// ban outlasts the limiter's MaxBanWait or because the app's daily
	// quota is spent.
	ErrBanned = errors.New("taobao: calls are banned for now")
	// ErrInvalidSession: the session (access token) is missing, invalid or
	// expired (codes 26, 27, 44 and the session sub_codes).
	ErrInvalidSession = errors.New("taobao: invalid or expired session")
	// ErrInvalidSignature: the gateway rejected the signature (code 25).
	ErrInvalidSignature = errors.New("taobao: invalid signature")
	// ErrPermissionDenied: the app, user or session lacks a permission
	// (codes 11, 12, 13, 42, 53).
	ErrPermissionDenied = errors.New("taobao: permission denied")
	// ErrInvalidArgument: a parameter is missing or invalid, found by the
	// gateway (codes 40, 41, 43, isv.missing-parameter, isv.invalid-parameter)
	// or by the SDK before calling.
	ErrInvalidArgument = errors.New("taobao: invalid argument")
	// ErrAlreadyShipped: a shipping call found the trade already shipped or
	// closed (the logistics sub_codes ending in B04 or B27). After a write
	// whose outcome was unknown, it usually means the first attempt worked.
	ErrAlreadyShipped = errors.New("taobao: trade already shipped or closed")
	// ErrNoChange: the gateway found nothing to change (P07 of
	// taobao.logistics.consign.resend): the same change was applied before.
	ErrNoChange = errors.New("taobao: nothing changed")
	// ErrInvalidWaybill: the carrier's rule refuses the waybill number, or
	// it was used, faked or expired (the logistics sub_codes B60, F01-F06).
	ErrInvalidWaybill = errors.New("taobao: waybill number refused")
	// ErrNotFound: the trade or record does not exist for this seller
	// (isv.trade-not-exist, the logistics sub_code B01).
	ErrNotFound = errors.New("taobao: not found")
	// ErrOutcomeUnknown: a write may or may not have taken effect (the
	// request was sent, but no answer came back). It is never retried.
	ErrOutcomeUnknown = errors.New("taobao: outcome unknown")
)

// APIError is an error answered by the gateway in "error_response".
type APIError struct {
	Method    string // the TOP method called
	Code      int    // the platform error code, e.g. 7, 15, 27
	Msg       string // the code's message
	SubCode   string // the business error, e.g. "isp.system-busy"
	SubMsg    string // the business error's message
	RequestID string // the gateway's request_id, when it sent one

	sent *sentInfo // what the client sent, when the client made the call
}

// Error describes the error with the method and request_id. It never holds
// a session or secret: the client removes them from the gateway's messages.
func (e *APIError) Error() string { return prefixed(e.Method, e.detail()) }

// detail is the error's text without the "taobao: method: " prefix.
func (e *APIError) detail() string {
	var b strings.Builder
	b.WriteString("error ")
	b.WriteString(strconv.Itoa(e.Code))
	if e.Msg != "" {
		b.WriteString(" ")
		b.WriteString(e.Msg)
	}
	if e.SubCode != "" || e.SubMsg != "" {
		b.WriteString(" (")
		b.WriteString(e.SubCode)
		if e.SubMsg != "" {
			if e.SubCode != "" {
				b.WriteString(": ")
			}
			b.WriteString(e.SubMsg)
		}
		b.WriteString(")")
	}
	if e.RequestID != "" {
		b.WriteString(" request_id=")
		b.WriteString(e.RequestID)
	}
	if hint := e.hint(); hint != "" {
		b.WriteString("; ")
		b.WriteString(hint)
	}
	return b.String()
}

var sessionSubCodes = []string{
	"invalid-sessionkey", "session-expired", "session-not-exist",
	"sessionkey-not-generated-by-server", "invalid-session",
}

// Is maps the error's code and sub_code onto the package's sentinels.
func (e *APIError) Is(target error) bool {
	sub := e.SubCode
	switch target {
	case ErrRateLimited:
		return (e.Code >= 4 && e.Code <= 8) || strings.HasPrefix(sub, "accesscontrol.") || sub == tradeServiceRejection
	case ErrBanned:
		return sub == "accesscontrol.limited-by-app-access-count"
	case ErrInvalidSession:
		if e.Code == 26 || e.Code == 27 || e.Code == 44 {
			return true
		}
		for _, s := range sessionSubCodes {
			if sub == s || sub == "isv."+s {
				return true
			}
		}
		return false
	case ErrInvalidSignature:
		return e.Code == 25
	case ErrPermissionDenied:
		switch e.Code {
		case 11, 12, 13, 42, 53:
			return true
		}
		return strings.HasPrefix(sub, "isv.permission-") || sub == "isv.invalid-permission"
	case ErrInvalidArgument:
		switch e.Code {
		case 40, 41, 43:
			return true
		}
		if strings.HasPrefix(sub, "isv.missing-parameter") || strings.HasPrefix(sub, "isv.invalid-parameter") {
			return true
		}
		info, ok := LookupSubCode(sub)
		return ok && info.Sentinel == ErrInvalidArgument
	case ErrAlreadyShipped, ErrNoChange, ErrInvalidWaybill, ErrNotFound:
		// The sub_code catalogue (subcodes.go) names these sentinels.
		info, ok := LookupSubCode(sub)
		return ok && info.Sentinel == target
	}
	return false
}

// Retryable reports whether the same call may succeed later: back-end
// failures (isp.* sub_codes, code 10) and call limits other than a spent
// daily quota. Caller errors (isv.*, 11, 25-34, 40-43) never are.
func (e *APIError) Retryable() bool {
	sub := e.SubCode
	switch {
	case sub == tradeServiceRejection:
		return true // an overload signal, despite its isv prefix
	case strings.HasPrefix(sub, "isv."):
		return false
	case strings.HasPrefix(sub, "isp."):
		return true
	case e.Code == 11 || (e.Code >= 25 && e.Code <= 34) || (e.Code >= 40 && e.Code <= 43):
		return false
	case e.Code == 10:
		return true
	case e.Is(ErrBanned):
		return false
	case e.Is(ErrRateLimited):
		return true
	}
	return false
}

var banRE = regexp.MustCompile(`ban will last for (\d+) more seconds`)

// tradeServiceRejection is the trade service's overload answer ("too many
// slow queries, query again in 3 minutes"): flow control, not a caller
// error, whatever its isv prefix says.
const tradeServiceRejection = "isv.trade-service-rejection"

// RetryAfter returns how long the gateway asked callers to stop, parsed from
// "This ban will last for N more seconds" in sub_msg or msg (three minutes
// for isv.trade-service-rejection, whose message asks for that).
func (e *APIError) RetryAfter() (time.Duration, bool) {
	if e.SubCode == tradeServiceRejection {
		return 3 * time.Minute, true
	}
	for _, s := range [...]string{e.SubMsg, e.Msg} {
		if m := banRE.FindStringSubmatch(s); m != nil {
			n, err := strconv.ParseInt(m[1], 10, 64)
			if err != nil || n > int64(365*24*time.Hour/time.Second) {
				return 365 * 24 * time.Hour, true
			}
			return time.Duration(n) * time.Second, true
		}
	}
	return 0, false
}

// HTTPError is an answer that is not the gateway's JSON: a status other than
// 200, or a body that is not JSON (such as a proxy's HTML error page).
type HTTPError struct {
	Method     string // the TOP method called
	StatusCode int    // the HTTP status received
	Body       []byte // the start of the body, at most a few KB, secrets removed
}

// Error describes the status and the start of the body.
func (e *HTTPError) Error() string {
	const show = 200
	body := e.Body
	if len(body) > show {
		body = body[:show]
	}
	return prefixed(e.Method, fmt.Sprintf("unexpected HTTP %d answer: %s", e.StatusCode, quoteSample(body)))
}

// Retryable reports whether the status is a passing one: 429, any 5xx, or a
// 200 whose body was not JSON (an intermediary's page).
func (e *HTTPError) Retryable() bool {
	return e.StatusCode == 429 || e.StatusCode >= 500 || e.StatusCode == 200
}

// DecodeError is a gateway answer the client could not decode: a truncated
// or malformed body, or a value of the wrong type.
type DecodeError struct {
	Method    string // the TOP method called
	RequestID string // the gateway's request_id, when it could be found
	Sample    string // a short, redacted start of the body
	Err       error  // what the decoder reported
	truncated bool
}

// Error names the method and request_id and shows a short sample.
func (e *DecodeError) Error() string {
	s := "cannot decode response: " + detail(e.Method, e.Err)
	if e.RequestID != "" {
		s += " request_id=" + e.RequestID
	}
	if e.Sample == "" || e.Sample == `""` {
		return prefixed(e.Method, s)
	}
	return prefixed(e.Method, s+" (body starts "+e.Sample+")")
}

// Unwrap returns the underlying decoding error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Retryable reports whether the body was cut short or malformed, which a
// new attempt may fix; a well-formed body of the wrong shape is not.
func (e *DecodeError) Retryable() bool { return e.truncated }

// BanError is returned when a known ban outlasts the limiter's MaxBanWait:
// the call is refused without reaching the gateway. It matches ErrBanned and
// ErrRateLimited, and unwraps to the gateway's error when there was one.
type BanError struct {
	Method    string    // the TOP method that was refused
	Scope     BanScope  // which calls the ban stops
	Until     time.Time // when the ban ends
	RequestID string    // the request_id of the answer that started the ban, if known
	Cause     error     // the gateway's answer that started the ban, if known
}

// newBanError builds the error for a call of method refused by a ban.
func newBanError(method string, scope BanScope, until time.Time, cause error) *BanError {
	e := &BanError{Method: method, Scope: scope, Until: until, Cause: cause}
	var apiErr *APIError
	if errors.As(cause, &apiErr) {
		e.RequestID = apiErr.RequestID
	}
	return e
}

// Error says which calls are banned, until when and why.
func (e *BanError) Error() string {
	what := "calls"
	switch e.Scope {
	case BanMethod:
		what = "calls of this API"
	case BanDaily:
		what = "calls (the app key's daily quota is spent)"
	}
	s := what + " are banned until " + e.Until.In(gmt8).Format(TimeLayout) + " GMT+8"
	if e.Cause != nil {
		s += ": " + detail(e.Method, e.Cause)
	} else if e.RequestID != "" {
		s += " request_id=" + e.RequestID
	}
	return prefixed(e.Method, s)
}

// Is matches ErrBanned and ErrRateLimited.
func (e *BanError) Is(target error) bool { return target == ErrBanned || target == ErrRateLimited }

// Unwrap returns the gateway's error that caused the ban, if any.
func (e *BanError) Unwrap() error { return e.Cause }

// outcomeError is a write that may or may not have taken effect.
type outcomeError struct {
	method string
	cause  error
	advice string // what to check before trying again; empty: the generic advice
}

func (e *outcomeError) Error() string {
	advice := e.advice
	if advice == "" {
		advice = "the change may or may not have been made: check its state before trying again"
	}
	return prefixed(e.method, "outcome unknown: "+detail(e.method, e.cause)+"; "+advice)
}

func (e *outcomeError) Is(target error) bool { return target == ErrOutcomeUnknown }
func (e *outcomeError) Unwrap() error        { return e.cause }

// withOutcomeAdvice returns err with advice in place of the generic advice
// when err is a write whose outcome is unknown, and err itself otherwise.
func withOutcomeAdvice(err error, advice string) error {
	var oe *outcomeError
	if !errors.As(err, &oe) {
		return err
	}
	cp := *oe
	cp.advice = advice
	return &cp
}

// ctxError wraps the caller's cancelled or expired context so that the
// error names the method (and what the call was doing) yet still matches
// context.Canceled or context.DeadlineExceeded.
func ctxError(method, what string, err error) error {
	var me *methodError
	if errors.As(err, &me) {
		return err
	}
	return &methodError{method: method, what: what, err: err}
}

// methodError adds the method to an error that does not name it, saying
// "taobao:" once.
type methodError struct {
	method string
	what   string // what the call was doing, may be empty
	err    error
}

func (e *methodError) Error() string {
	s := detail(e.method, e.err)
	if e.what != "" {
		s = e.what + ": " + s
	}
	return prefixed(e.method, s)
}

func (e *methodError) Unwrap() error { return e.err }

// prefixed returns "taobao: method: s", or "taobao: s" without a method.
func prefixed(method, s string) string {
	if method == "" {
		return "taobao: " + s
	}
	return "taobao: " + method + ": " + s
}

// detail returns err's text without the "taobao: " and "method: "
// prefixes that the package's own errors start with, also where a wrapped
// error repeats them, so that a message says "taobao:" once.
func detail(method string, err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "taobao: ")
	if method != "" {
		s = strings.TrimPrefix(s, method+": ")
		s = strings.ReplaceAll(s, ": taobao: "+method+": ", ": ")
	}
	return strings.ReplaceAll(s, ": taobao: ", ": ")
}

// IsRetryable reports whether err is a passing failure that the same call
// may not hit again: transport errors (a timeout of the HTTP client
// included), back-end errors, HTTP 429/5xx, truncated bodies and call
// limits. A cancelled or expired context of the caller, a ban that outlasts
// the limiter's patience, a write whose outcome is unknown and any caller
// error are not.
func IsRetryable(err error) bool {
	if err == nil || errors.Is(err, ErrOutcomeUnknown) {
		return false
	}
	var ban *BanError
	if errors.As(err, &ban) {
		return false
	}
	// Errors that know their class decide first: the HTTP client's own
	// timeout matches context.DeadlineExceeded although the caller's
	// context is still alive.
	var r interface{ Retryable() bool }
	if errors.As(err, &r) {
		return r.Retryable()
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// invalidArg builds an ErrInvalidArgument error naming the parameter.
func invalidArg(method, param, format string, args ...any) error {
	return &argError{method: method, param: param, msg: fmt.Sprintf(format, args...)}
}

// argError is a parameter the SDK refused before calling.
type argError struct{ method, param, msg string }

func (e *argError) Error() string {
	return prefixed(e.method, "invalid argument: "+e.param+": "+e.msg)
}

func (e *argError) Is(target error) bool { return target == ErrInvalidArgument }
