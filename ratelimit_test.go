package taobao_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

func TestLimiterPacesExactly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(10, 2, 0)
		start := time.Now()
		for range 12 {
			require.NoError(t, l.Wait(context.Background()))
		}
		// Two calls from the burst, then one every 100 ms.
		assert.Equal(t, time.Second, time.Since(start))
	})
}

func TestLimiterDefaults(t *testing.T) {
	t.Parallel()
	l := taobao.NewLimiter(0, 0, 0)
	assert.Equal(t, taobao.DefaultMaxBanWait, l.MaxBanWait())
	for range 1000 {
		require.NoError(t, l.Wait(context.Background()), "no pacing when perSecond <= 0")
	}
	assert.Equal(t, time.Minute, taobao.NewLimiter(1, 1, time.Minute).MaxBanWait())
}

func TestLimiterBan(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(0, 1, 10*time.Second)
		start := time.Now()
		l.Ban(3 * time.Second)
		l.Ban(time.Second) // a shorter ban does not shorten the one in force
		require.NoError(t, l.Wait(context.Background()))
		assert.Equal(t, 3*time.Second, time.Since(start))

		l.Ban(11 * time.Second)
		err := l.Wait(context.Background())
		require.ErrorIs(t, err, taobao.ErrBanned)
		var ban *taobao.BanError
		require.True(t, errors.As(err, &ban))
		assert.Equal(t, time.Now().Add(11*time.Second), ban.Until)
		assert.Contains(t, err.Error(), "banned until")
		assert.Equal(t, 3*time.Second, time.Since(start), "failed fast")

		time.Sleep(time.Second) // now 10 s remain: within MaxBanWait
		require.NoError(t, l.Wait(context.Background()))
		assert.Equal(t, 14*time.Second, time.Since(start))

		l.Ban(0)
		l.Ban(-time.Second)
		require.NoError(t, l.Wait(context.Background()))
		assert.Equal(t, 14*time.Second, time.Since(start))
	})
}

func TestLimiterBanExtendedWhileWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(0, 1, 30*time.Second)
		start := time.Now()
		l.Ban(2 * time.Second)
		done := make(chan error)
		go func() { done <- l.Wait(context.Background()) }()
		time.Sleep(time.Second)
		l.Ban(5 * time.Second) // now ends at 6 s
		require.NoError(t, <-done)
		assert.Equal(t, 6*time.Second, time.Since(start))
	})
}

func TestLimiterWaitCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(1, 1, 0)
		require.NoError(t, l.Wait(context.Background()))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.Same(t, context.Canceled, l.Wait(ctx))
	})
}

// countingLimiter is a user-supplied RateLimiter, as a fleet would plug in.
type countingLimiter struct {
	waits int
	bans  []time.Duration
}

func (c *countingLimiter) Wait(ctx context.Context) error { c.waits++; return ctx.Err() }
func (c *countingLimiter) Ban(d time.Duration)            { c.bans = append(c.bans, d) }

func TestCustomLimiterSeesBans(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		lim := &countingLimiter{}
		c := srv.Client(session, inProcess(srv, taobao.WithLimiter(lim))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 4 more seconds"})
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		assert.Equal(t, 2, lim.waits)
		assert.Equal(t, []time.Duration{4 * time.Second}, lim.bans)
	})
}
