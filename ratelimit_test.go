package taobao_test

import (
	"context"
	"errors"
	"strings"
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
			require.NoError(t, l.Wait(context.Background(), "m"))
		}
		// Two calls from the burst, then one every 100 ms (a microsecond
		// per second slower, so that no call is ever early).
		assert.InDelta(t, time.Second, time.Since(start), float64(2*time.Microsecond))
		assert.GreaterOrEqual(t, time.Since(start), time.Second)
	})
}

func TestLimiterDefaults(t *testing.T) {
	t.Parallel()
	l := taobao.NewLimiter(0, 0, 0)
	assert.Equal(t, taobao.DefaultMaxBanWait, l.MaxBanWait())
	for range 1000 {
		require.NoError(t, l.Wait(context.Background(), "m"), "no pacing when perSecond <= 0")
	}
	assert.Equal(t, time.Minute, taobao.NewLimiter(1, 1, time.Minute).MaxBanWait())
}

func TestLimiterBan(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(0, 1, 10*time.Second)
		start := time.Now()
		l.Ban(taobao.Ban{For: 3 * time.Second})
		l.Ban(taobao.Ban{For: time.Second}) // a shorter ban does not shorten the one in force
		require.NoError(t, l.Wait(context.Background(), "m"))
		assert.Equal(t, 3*time.Second, time.Since(start))

		l.Ban(taobao.Ban{For: 11 * time.Second})
		err := l.Wait(context.Background(), "m")
		require.ErrorIs(t, err, taobao.ErrBanned)
		var ban *taobao.BanError
		require.True(t, errors.As(err, &ban))
		assert.Equal(t, time.Now().Add(11*time.Second), ban.Until)
		assert.Contains(t, err.Error(), "banned until")
		assert.Equal(t, 3*time.Second, time.Since(start), "failed fast")

		time.Sleep(time.Second) // now 10 s remain: within MaxBanWait
		require.NoError(t, l.Wait(context.Background(), "m"))
		assert.Equal(t, 14*time.Second, time.Since(start))

		l.Ban(taobao.Ban{For: 0})
		l.Ban(taobao.Ban{For: -time.Second})
		require.NoError(t, l.Wait(context.Background(), "m"))
		assert.Equal(t, 14*time.Second, time.Since(start))
	})
}

func TestLimiterBanExtendedWhileWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(0, 1, 30*time.Second)
		start := time.Now()
		l.Ban(taobao.Ban{For: 2 * time.Second})
		done := make(chan error)
		go func() { done <- l.Wait(context.Background(), "m") }()
		time.Sleep(time.Second)
		l.Ban(taobao.Ban{For: 5 * time.Second}) // now ends at 6 s
		require.NoError(t, <-done)
		assert.Equal(t, 6*time.Second, time.Since(start))
	})
}

func TestLimiterWaitCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(1, 1, 0)
		require.NoError(t, l.Wait(context.Background(), "m"))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.Same(t, context.Canceled, l.Wait(ctx, "m"))
	})
}

// countingLimiter is a user-supplied RateLimiter, as a fleet would plug in.
type countingLimiter struct {
	waits []string
	bans  []taobao.Ban
}

func (c *countingLimiter) Wait(ctx context.Context, method string) error {
	c.waits = append(c.waits, method)
	return ctx.Err()
}
func (c *countingLimiter) Ban(b taobao.Ban) { c.bans = append(c.bans, b) }

func TestCustomLimiterSeesBans(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		lim := &countingLimiter{}
		c := srv.Client(session, inProcess(srv, taobao.WithLimiter(lim))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 4 more seconds"})
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		assert.Equal(t, []string{timeGet, timeGet}, lim.waits)
		require.Len(t, lim.bans, 1)
		b := lim.bans[0]
		assert.Equal(t, taobao.BanMethod, b.Scope)
		assert.Equal(t, timeGet, b.Method)
		assert.Equal(t, 4*time.Second, b.For)
		var apiErr *taobao.APIError
		require.ErrorAs(t, b.Cause, &apiErr)
		assert.Equal(t, 7, apiErr.Code)
	})
}

// patientLimiter is a limiter written outside the package that also tells
// the client how long it is willing to wait out a ban.
type patientLimiter struct {
	countingLimiter
	patience time.Duration
}

func (p *patientLimiter) MaxBanWait() time.Duration { return p.patience }

func TestOutsideLimiterGetsBanError(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		lim := &patientLimiter{patience: 10 * time.Second}
		c := srv.Client(session, inProcess(srv, taobao.WithLimiter(lim))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited", SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 60 more seconds"})
		start := time.Now()
		err := c.Call(context.Background(), timeGet, nil, nil)
		require.ErrorIs(t, err, taobao.ErrBanned)
		var ban *taobao.BanError
		require.ErrorAs(t, err, &ban)
		assert.Equal(t, timeGet, ban.Method)
		assert.Equal(t, taobao.BanMethod, ban.Scope)
		assert.Equal(t, start.Add(time.Minute), ban.Until)
		var apiErr *taobao.APIError
		require.ErrorAs(t, ban.Cause, &apiErr, "the cause is the gateway's answer")
		require.NotEmpty(t, apiErr.RequestID)
		assert.Equal(t, apiErr.RequestID, ban.RequestID, "the ban names the answer that started it")
		assert.Equal(t, 1, strings.Count(err.Error(), "taobao:"), err.Error())
		assert.Contains(t, err.Error(), timeGet)
		assert.Zero(t, time.Since(start), "fails fast")
		require.Len(t, lim.bans, 1, "the limiter still hears of the ban")
		assert.Equal(t, time.Minute, lim.bans[0].For)
	})
}

func TestMethodBanStopsOnlyThatMethod(t *testing.T) {
	const sold, full = "taobao.trades.sold.get", "taobao.trade.fullinfo.get"
	synctest.Test(t, func(t *testing.T) {
		l := taobao.NewLimiter(0, 1, time.Minute)
		start := time.Now()
		l.Ban(taobao.Ban{Scope: taobao.BanMethod, Method: sold, For: 7 * time.Second})
		require.NoError(t, l.Wait(context.Background(), full))
		assert.Zero(t, time.Since(start), "another API is not delayed")
		require.NoError(t, l.Wait(context.Background(), sold))
		assert.Equal(t, 7*time.Second, time.Since(start), "the banned API waits exactly its ban")

		l.Ban(taobao.Ban{Scope: taobao.BanApp, For: 3 * time.Second})
		require.NoError(t, l.Wait(context.Background(), full))
		assert.Equal(t, 10*time.Second, time.Since(start), "an app ban stops every API")

		l.Ban(taobao.Ban{Scope: taobao.BanMethod, Method: sold, For: 2 * time.Minute})
		err := l.Wait(context.Background(), sold)
		var ban *taobao.BanError
		require.ErrorAs(t, err, &ban)
		assert.Equal(t, sold, ban.Method)
		assert.Equal(t, taobao.BanMethod, ban.Scope)
		require.NoError(t, l.Wait(context.Background(), full))
		assert.Equal(t, 10*time.Second, time.Since(start))

		l.Unban()
		require.NoError(t, l.Wait(context.Background(), sold))
		assert.Equal(t, 10*time.Second, time.Since(start), "Unban lifts the ban")
	})
}

func TestMethodBanThroughClient(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 5 more seconds"})
		start := time.Now()
		done := make(chan error, 1)
		go func() { done <- c.Call(context.Background(), timeGet, nil, nil) }()
		synctest.Wait()
		// The banned API sits its ban out; another API goes at once.
		_, err := c.Logistics.ListCompanies(context.Background(), nil)
		require.NoError(t, err)
		assert.Zero(t, time.Since(start))
		require.NoError(t, <-done)
		assert.Equal(t, 5*time.Second, time.Since(start))
	})
}
