package taobao

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// DefaultMaxBanWait is how long a Limiter lets callers wait out a ban before
// it fails them fast with ErrBanned.
const DefaultMaxBanWait = 30 * time.Second

// RateLimiter paces the calls of one app key. TOP counts calls per app key
// across every process that uses it, so a fleet shares one RateLimiter
// (backed by a shared store) between its clients. Implementations are safe
// for concurrent use.
type RateLimiter interface {
	// Wait blocks until a call may go out. It returns ctx.Err() when ctx
	// ends first, and an error matching ErrBanned when a known ban lasts
	// longer than the limiter is willing to wait.
	Wait(ctx context.Context) error
	// Ban tells the limiter that the gateway asked every caller of the app
	// key to stop for d.
	Ban(d time.Duration)
}

// Limiter is the in-process RateLimiter: a token bucket plus TOP's bans.
// Share one Limiter between the clients of one app key (WithLimiter, or
// Client.WithSession copies, which share it already).
type Limiter struct {
	bucket     *rate.Limiter
	maxBanWait time.Duration

	mu       sync.Mutex
	banUntil time.Time
	cause    error // the gateway error that set the ban, for BanError
}

// NewLimiter returns a Limiter that lets perSecond calls through on average
// with bursts of up to burst calls. perSecond <= 0 means no pacing; burst
// < 1 is taken as 1. Bans longer than maxBanWait fail fast with ErrBanned;
// maxBanWait <= 0 means DefaultMaxBanWait.
func NewLimiter(perSecond float64, burst int, maxBanWait time.Duration) *Limiter {
	limit := rate.Limit(perSecond)
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

// Wait blocks until the current ban (if any) is over and the bucket has a
// token, or fails fast with a *BanError when the ban outlasts MaxBanWait.
func (l *Limiter) Wait(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.mu.Lock()
		until, cause := l.banUntil, l.cause
		l.mu.Unlock()
		wait := time.Until(until)
		if wait <= 0 {
			break
		}
		if wait > l.maxBanWait {
			return &BanError{Until: until, Cause: cause}
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
		return fmt.Errorf("taobao: the next call slot is after the context's deadline: %w", context.DeadlineExceeded)
	}
	return nil
}

// Ban makes every caller wait until d from now; a longer ban already in
// force is kept.
func (l *Limiter) Ban(d time.Duration) { l.ban(d, nil) }

func (l *Limiter) ban(d time.Duration, cause error) {
	if d <= 0 {
		return
	}
	until := time.Now().Add(d)
	l.mu.Lock()
	if until.After(l.banUntil) {
		l.banUntil, l.cause = until, cause
	}
	l.mu.Unlock()
}

// causeBanner is implemented by limiters that keep the gateway's error that
// caused a ban, to report it in BanError.
type causeBanner interface {
	ban(d time.Duration, cause error)
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

// Backoff bounds for retries of passing failures.
const (
	backoffBase = 200 * time.Millisecond
	backoffCap  = 5 * time.Second
)

// backoff returns the wait before retry number attempt (0 for the first
// retry): exponential growth with full jitter, so that many clients that
// failed together do not retry together.
func backoff(attempt int) time.Duration {
	d := backoffCap
	if attempt < 8 {
		d = min(backoffCap, backoffBase<<attempt)
	}
	return rand.N(d) + 1
}
