package taobao

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Observer holds hooks the client calls around every call and every
// attempt of it, in the manner of net/http/httptrace: set the ones you need,
// leave the others nil. The events carry the method, attempt number,
// durations, request_id, error class, code and sub_code, bans and limiter
// waits, and never a parameter value, a session or the secret (Err is the
// error itself: its text may quote the gateway's messages, which the client
// cleans of the session and secret only). Hooks run on the calling
// goroutine and must be safe for concurrent use and quick.
type Observer struct {
	// CallStart is called once a call was validated, before its first
	// attempt. The context it returns (nil: unchanged) is used for the
	// call, its attempts and CallEnd.
	CallStart func(ctx context.Context, e *CallEvent) context.Context
	// CallEnd is called when the call returns, with its outcome.
	CallEnd func(ctx context.Context, e *CallEvent)
	// AttemptStart is called before each attempt waits for the limiter.
	// The context it returns (nil: unchanged) is used for the attempt's
	// HTTP request and its AttemptEnd.
	AttemptStart func(ctx context.Context, e *AttemptEvent) context.Context
	// AttemptEnd is called when an attempt has its answer or error, after
	// the retry decision.
	AttemptEnd func(ctx context.Context, e *AttemptEvent)
}

// CallEvent describes one call: what CallStart knows, and at CallEnd its
// outcome.
type CallEvent struct {
	Method string // the TOP method
	Read   bool   // the method only reads, so the client retries its passing failures
	Server string // the gateway's host, with the port when the base URL names one
	// The rest is set for CallEnd.
	Attempts  int           // attempts made (a session refresh counts too)
	Duration  time.Duration // from CallStart to CallEnd
	RequestID string        // the request_id of the last answer, if any
	Class     ErrorClass    // empty on success
	Code      int           // the gateway's error code, 0 if none
	SubCode   string        // the gateway's sub_code, if any
	Err       error         // the error returned, nil on success
}

// AttemptEvent describes one attempt of a call.
type AttemptEvent struct {
	Method  string // the TOP method
	Attempt int    // 1 for the first attempt
	Server  string // the gateway's host, with the port when the base URL names one
	// The rest is set for AttemptEnd.
	LimiterWait time.Duration // time spent waiting for the limiter (a ban's wait included)
	Duration    time.Duration // from AttemptStart to AttemptEnd, LimiterWait included
	RequestID   string        // the answer's request_id, if any
	Class       ErrorClass    // empty on success
	Code        int           // the gateway's error code, 0 if none
	SubCode     string        // the gateway's sub_code, if any
	Err         error         // the attempt's error, nil on success
	Ban         *Ban          // the ban this answer made the client apply to the limiter, if any
	Retry       bool          // another attempt follows
	RetryWait   time.Duration // the backoff before it (a ban is waited for in the limiter)
}

// WithObserver adds hooks the client calls around calls and attempts.
// Several observers may be added; they are called in the order given.
func WithObserver(o Observer) Option {
	return func(c *Client) error {
		if o.CallStart == nil && o.CallEnd == nil && o.AttemptStart == nil && o.AttemptEnd == nil {
			return invalidArg("", "observer", "has no hooks set")
		}
		c.cfg.observers = append(c.cfg.observers, o)
		return nil
	}
}

// WithUserAgent puts product (such as "order-sync/1.4") before the SDK's own
// User-Agent, so that the gateway's side and proxies can tell apps apart.
func WithUserAgent(product string) Option {
	return func(c *Client) error {
		p := strings.TrimSpace(product)
		if p == "" {
			return invalidArg("", "user agent", "must not be empty")
		}
		for _, r := range p {
			if r < 0x20 || r == 0x7f || r > 0x7e {
				return invalidArg("", "user agent", "must be printable ASCII")
			}
		}
		c.cfg.userAgent = p + " " + userAgent
		return nil
	}
}

// ClassOf returns the class of an error the client returned: whether a
// retry may help, the request must change, the change is already made, the
// gateway limited the call, the session must be renewed, a write's outcome
// is unknown or the caller's context ended. It returns "" for nil.
func ClassOf(err error) ErrorClass {
	if err == nil {
		return ""
	}
	if errors.Is(err, ErrOutcomeUnknown) {
		return ClassOutcomeUnknown
	}
	var ban *BanError
	if errors.As(err, &ban) {
		return ClassRateLimited
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch {
		case apiErr.Is(ErrInvalidSession):
			return ClassSession
		case apiErr.Is(ErrRateLimited):
			return ClassRateLimited
		}
		if info, ok := apiErr.subCodeInfo(); ok {
			return info.Class
		}
		if apiErr.Retryable() {
			return ClassRetryable
		}
		return ClassCallerError
	}
	var r interface{ Retryable() bool }
	if errors.As(err, &r) && r.Retryable() {
		return ClassRetryable
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return ClassCanceled
	}
	if errors.Is(err, ErrInvalidArgument) {
		return ClassCallerError
	}
	if IsRetryable(err) {
		return ClassRetryable
	}
	return ClassUnknown
}

// errorFields returns the class, code, sub_code and request_id of err.
func errorFields(err error) (class ErrorClass, code int, sub, requestID string) {
	class = ClassOf(err)
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return class, apiErr.Code, apiErr.SubCode, apiErr.RequestID
	}
	var decErr *DecodeError
	if errors.As(err, &decErr) {
		return class, 0, "", decErr.RequestID
	}
	var banErr *BanError
	if errors.As(err, &banErr) {
		return class, 0, "", banErr.RequestID
	}
	return class, 0, "", ""
}

// callStart runs the CallStart hooks.
func (cfg *config) callStart(ctx context.Context, e *CallEvent) context.Context {
	for _, o := range cfg.observers {
		if o.CallStart != nil {
			if c := o.CallStart(ctx, e); c != nil {
				ctx = c
			}
		}
	}
	return ctx
}

// callEnd fills the outcome into e and runs the CallEnd hooks.
func (cfg *config) callEnd(ctx context.Context, e *CallEvent, start time.Time, err error) {
	e.Duration = time.Since(start)
	e.Err = err
	var id string
	e.Class, e.Code, e.SubCode, id = errorFields(err)
	if id != "" {
		e.RequestID = id
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if ctx.Err() != nil && e.Class != ClassOutcomeUnknown {
			e.Class = ClassCanceled
		}
	}
	for _, o := range cfg.observers {
		if o.CallEnd != nil {
			o.CallEnd(ctx, e)
		}
	}
}

// attemptStart runs the AttemptStart hooks.
func (cfg *config) attemptStart(ctx context.Context, e *AttemptEvent) context.Context {
	for _, o := range cfg.observers {
		if o.AttemptStart != nil {
			if c := o.AttemptStart(ctx, e); c != nil {
				ctx = c
			}
		}
	}
	return ctx
}

// endAttempt ends an observed attempt (ae not nil) and returns err: it
// fills in the outcome, notes the request_id for the call and runs the
// AttemptEnd hooks.
func (cfg *config) endAttempt(ctx context.Context, ce *CallEvent, e *AttemptEvent, start time.Time, requestID string, err error) error {
	if e == nil {
		return err
	}
	if requestID != "" {
		ce.RequestID = requestID
	}
	e.Duration = time.Since(start)
	e.Err = err
	var id string
	e.Class, e.Code, e.SubCode, id = errorFields(err)
	e.RequestID = requestID
	if id != "" {
		e.RequestID = id
	}
	if err != nil && ctx.Err() != nil {
		e.Class = ClassCanceled
	}
	for _, o := range cfg.observers {
		if o.AttemptEnd != nil {
			o.AttemptEnd(ctx, e)
		}
	}
	return err
}
