package taobao

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultMaxBanWait is how long a Limiter lets callers wait out a ban before
// it fails them fast with a *BanError.
const DefaultMaxBanWait = 30 * time.Second

// RateLimiter paces the calls of one app key. TOP counts calls per app key,
// per API and per app key and API, across every process that uses the app
// key, so a fleet shares one RateLimiter (backed by a shared store) between
// its clients. Implementations are safe for concurrent use.
//
// A RateLimiter that also has a method MaxBanWait() time.Duration tells the
// client how long it is willing to sit out a ban: when the gateway announces
// a longer one, the client returns a *BanError at once instead of waiting.
type RateLimiter interface {
	// Wait blocks until a call of method may go out. It returns ctx.Err()
	// when ctx ends first, and an error matching ErrBanned when a known ban
	// on method lasts longer than the limiter is willing to wait.
	Wait(ctx context.Context, method string) error
	// Ban tells the limiter that the gateway asked callers to stop.
	Ban(b Ban)
}

// BanScope says which calls a ban stops.
type BanScope int

const (
	// BanApp stops every call of the app key.
	BanApp BanScope = iota
	// BanMethod stops the calls of one API (Ban.Method) of the app key.
	BanMethod
	// BanDaily stops every call of the app key until its daily quota is
	// renewed, at the latest at the next midnight GMT+8.
	BanDaily
)

// String returns the scope's name: "app", "method" or "daily".
func (s BanScope) String() string {
	switch s {
	case BanApp:
		return "app"
	case BanMethod:
		return "method"
	case BanDaily:
		return "daily"
	}
	return fmt.Sprintf("BanScope(%d)", int(s))
}

// Ban is the gateway's request that callers stop for a while.
type Ban struct {
	Scope  BanScope      // which calls stop
	Method string        // the API, for BanMethod; the method that was refused otherwise
	For    time.Duration // how long, from now
	Cause  error         // the gateway's answer (an *APIError), if any
}

// banPatience is implemented by limiters that fail fast on long bans.
type banPatience interface{ MaxBanWait() time.Duration }

// Limiter is the in-process RateLimiter: a token bucket for the app key plus
// the gateway's bans, each in its scope. Share one Limiter between the
// clients of one app key (WithLimiter, or Client.WithSession copies, which
// share it already).
type Limiter struct {
	bucket     *rate.Limiter
	maxBanWait time.Duration

	mu      sync.Mutex
	app     banState            // BanApp and BanDaily
	methods map[string]banState // BanMethod, by method
}

// banState is one ban in force.
type banState struct {
	until time.Time
	cause error
	scope BanScope
}

// NewLimiter returns a Limiter that lets perSecond calls through on average
// with bursts of up to burst calls; for the values WithRateLimit accepts it
// builds the limiter WithRateLimit does. perSecond <= 0 (or NaN) means no
// pacing; burst < 1 is taken as 1. Bans longer than maxBanWait fail fast
// with a *BanError; maxBanWait <= 0 means DefaultMaxBanWait.
func NewLimiter(perSecond float64, burst int, maxBanWait time.Duration) *Limiter {
	// A hair under perSecond: the bucket's float arithmetic can let a call
	// through a nanosecond early, and a gateway that counts calls in fixed
	// windows then sees one call too many in a window. One part in a
	// million slower (a microsecond per second) never does.
	limit := rate.Limit(perSecond * (1 - 1e-6))
	if !(perSecond > 0) { // zero, negative or NaN
		limit = rate.Inf
	}
	if burst < 1 {
		burst = 1
	}
	if maxBanWait <= 0 {
		maxBanWait = DefaultMaxBanWait
	}
	return &Limiter{bucket: rate.NewLimiter(limit, burst), maxBanWait: maxBanWait}
}

// MaxBanWait returns the longest ban that Wait sits out.
func (l *Limiter) MaxBanWait() time.Duration { return l.maxBanWait }

// Wait blocks until no ban stops method and the bucket has a token, or fails
// fast with a *BanError when a ban outlasts MaxBanWait.
func (l *Limiter) Wait(ctx context.Context, method string) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		b := l.banOn(method)
		wait := time.Until(b.until)
		if wait <= 0 {
			break
		}
		if wait > l.maxBanWait {
			return newBanError(method, b.scope, b.until, b.cause)
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		// A ban may have been extended meanwhile: look again.
	}
	if err := l.bucket.Wait(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The bucket refuses at once when its next token comes after the
		// context's deadline: report that as the deadline it is.
		return fmt.Errorf("the next call slot is after the context's deadline: %w", context.DeadlineExceeded)
	}
	return nil
}

// banOn returns the ban that ends last among those that stop method.
func (l *Limiter) banOn(method string) banState {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.app
	if m, ok := l.methods[method]; ok && m.until.After(b.until) {
		b = m
	}
	return b
}

// Ban makes the callers that b stops wait until b.For from now; a longer
// ban already in force in the same scope is kept. A ban of a BanMethod
// scope without a method is taken as a ban of the app key.
func (l *Limiter) Ban(b Ban) {
	if b.For <= 0 {
		return
	}
	st := banState{until: time.Now().Add(b.For), cause: b.Cause, scope: b.Scope}
	l.mu.Lock()
	defer l.mu.Unlock()
	if b.Scope != BanMethod || b.Method == "" {
		if st.until.After(l.app.until) {
			l.app = st
		}
		return
	}
	if l.methods == nil {
		l.methods = make(map[string]banState)
	}
	now := time.Now()
	for m, old := range l.methods { // forget bans that are over
		if !old.until.After(now) {
			delete(l.methods, m)
		}
	}
	if old, ok := l.methods[b.Method]; !ok || st.until.After(old.until) {
		l.methods[b.Method] = st
	}
}

// Unban lifts every ban in force, for example after the app's quota was
// reset in the console.
func (l *Limiter) Unban() {
	l.mu.Lock()
	l.app = banState{}
	l.methods = nil
	l.mu.Unlock()
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
