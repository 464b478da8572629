package taobao

import (
	"errors"
	"math/rand/v2"
	"strings"
	"time"
)

// Backoff bounds for retries of passing failures.
const (
	backoffBase = 200 * time.Millisecond
	backoffCap  = 5 * time.Second
	// maxBanFor caps what one answer can impose on every client of the
	// limiter: a ban longer than a day is taken as a day.
	maxBanFor = 24 * time.Hour
)

// attempt is what happened to one attempt of a call, as the retry decision
// sees it.
type attempt struct {
	err        error         // the attempt's error, already classified; nil on success
	read       bool          // the method only reads (or is declared idempotent)
	idempotent bool          // a write retried like a read; giving up after it was sent leaves its outcome unknown
	sent       bool          // the request may have reached the gateway
	n          int           // attempt number, 0 for the first
	maxRetries int           // retries allowed after the first attempt
	patience   time.Duration // the limiter's MaxBanWait; 0 when it has none
	canRefresh bool          // a rejected session may be refreshed once more
	now        time.Time     // the time of the answer, for bans
}

// decision is what the client does next.
type decision struct {
	retry   bool          // make another attempt
	wait    time.Duration // before it (a ban is waited for in the limiter instead)
	refresh bool          // the retry follows a session refresh and is not counted
	ban     *Ban          // a ban to tell the limiter about, even when not retrying
	err     error         // the error to return when not retrying
}

// decide is the client's one retry policy. It is pure but for the jitter
// drawn by jitter(d), which returns a duration in (0, d].
//
//   - Flow control (codes 4-8, accesscontrol.*) refuses the call before it
//     runs, so reads and writes alike are retried once the ban is over; a
//     ban longer than the limiter's patience returns a *BanError instead.
//   - A rejected session is refreshed once when the token source can.
//   - A write whose request never left (a failed dial) is retried; a write
//     that may have reached the gateway and got no clear answer returns an
//     error matching ErrOutcomeUnknown and is never retried.
//   - A read is retried on passing failures (transport errors, timeouts of
//     the HTTP client, isp.*, code 10, HTTP 429/5xx, cut or corrupt bodies).
//     So is a repeatable write, whose error matches ErrOutcomeUnknown when
//     the retries run out after the request may have reached the gateway.
//   - Anything else is returned as it is.
func decide(a attempt, method string, jitter func(time.Duration) time.Duration) decision {
	if a.err == nil {
		return decision{}
	}
	var apiErr *APIError
	isAPI := errors.As(a.err, &apiErr)
	var d decision
	if isAPI && apiErr.Is(ErrRateLimited) {
		// Every client of the app key must sit the ban out, even when this
		// call will not be retried (a spent daily quota).
		if b, ok := banFor(apiErr, method, a.now); ok {
			d.ban = &b
		}
	}
	if isAPI && a.canRefresh && errors.Is(apiErr, ErrInvalidSession) {
		return decision{retry: true, refresh: true}
	}
	retry := false
	switch {
	case isAPI && apiErr.Is(ErrRateLimited):
		retry = apiErr.Retryable() // the gateway refused the call: safe for reads and writes
	case !a.read && !a.sent && isTransport(a.err):
		retry = true // the request never left: safe even for a write
	case !a.read && a.sent && !isRefusal(a.err):
		// The request reached the gateway (or a proxy in front of it) but
		// the answer is missing, cut, too large, of the wrong shape or a
		// back-end failure: the write may have been made.
		d.err = &outcomeError{method: method, cause: unwrapTransport(a.err)}
		return d
	case a.read:
		retry = passing(a.err)
	}
	if d.ban != nil && a.patience > 0 && d.ban.For > a.patience {
		d.err = newBanError(method, d.ban.Scope, a.now.Add(d.ban.For), a.err)
		return d
	}
	if !retry || a.n >= a.maxRetries {
		d.err = a.err
		if a.idempotent && a.sent && !isRefusal(a.err) && !(isAPI && apiErr.Is(ErrRateLimited)) {
			d.err = &outcomeError{method: method, cause: unwrapTransport(a.err)}
		}
		return d
	}
	d.retry = true
	if d.ban == nil {
		d.wait = backoff(a.n, jitter)
	}
	return d
}

// isRefusal reports whether err is the gateway's clear refusal of a call:
// an error answer that is not a back-end failure.
func isRefusal(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && !apiErr.Retryable()
}

// passing reports whether err is a failure that a new attempt may not hit.
func passing(err error) bool { return isTransport(err) || IsRetryable(err) }

// banFor maps a flow-control answer to the ban it announces, with the
// scope its sub_code names and a length capped to what one answer may
// impose: a day at most, and until the next midnight GMT+8 (when the daily
// quota is renewed) for a spent daily quota.
func banFor(e *APIError, method string, now time.Time) (Ban, bool) {
	d, ok := e.RetryAfter()
	if !ok || d <= 0 {
		return Ban{}, false
	}
	b := Ban{Scope: BanApp, Method: method, For: min(d, maxBanFor), Cause: e}
	switch sub := e.SubCode; {
	case sub == "accesscontrol.limited-by-app-access-count":
		b.Scope = BanDaily
		b.For = min(b.For, untilMidnightGMT8(now))
	case sub == "accesscontrol.limited-by-api-access-count",
		sub == "accesscontrol.limited-by-app-api-access-count",
		sub == tradeServiceRejection:
		b.Scope = BanMethod
	case strings.HasPrefix(sub, "accesscontrol."), e.Code >= 4 && e.Code <= 8:
		b.Scope = BanApp
	}
	return b, true
}

// untilMidnightGMT8 returns the time from now to the next midnight GMT+8.
func untilMidnightGMT8(now time.Time) time.Duration {
	t := now.In(gmt8)
	next := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, gmt8)
	return next.Sub(now)
}

// backoff returns the wait before retry number n (0 for the first retry):
// exponential growth with full jitter, so that many clients that failed
// together do not retry together.
func backoff(n int, jitter func(time.Duration) time.Duration) time.Duration {
	d := backoffCap
	if n < 8 {
		d = min(backoffCap, backoffBase<<n)
	}
	return jitter(d)
}

// fullJitter returns a random duration in (0, d].
func fullJitter(d time.Duration) time.Duration { return rand.N(d) + 1 }
