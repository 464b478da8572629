package redislimit_test

// The fleet on Redis: the core package's fleet harness (internal/fleettest:
// runners that call with a session per lease, so that the fake's call log
// shows who synced which seller when), with the leases, checkpoints and
// limiter in miniredis.

import (
	"context"
	"math/rand/v2"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fleettest"
	"github.com/toptrade/taobao/redislimit"
	"github.com/toptrade/taobao/taobaotest"
)

// TestFleetOnRedis: three runners, each a process of its own (its own
// Redis client, limiter and store), sync ten sellers of one fake gateway
// whose call limit equals the limiter's rate. Two runners are killed along
// the way; their leases expire and the others take their sellers over. No
// seller is ever synced by two runners at once, no trade is lost, and the
// gateway never refuses a call.
func TestFleetOnRedis(t *testing.T) {
	const limit = 5 // calls per second per method, at the fake and in the limiter
	sellers := fleettest.Sellers(10)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0),
		taobaotest.WithCallLimit(limit, time.Second), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		rng := rand.New(rand.NewPCG(7, 8))
		fleettest.AddHistory(srv, sellers, 200, rng)
		store := func() *redislimit.Store {
			s, err := redislimit.NewStore(client(), appKey, "")
			require.NoError(t, err)
			return s
		}
		// Every limiter knows the fake's per-method quota.
		quota := map[string]redislimit.Limit{
			taobao.MethodTradesSoldIncrement: {Rate: limit, Burst: 1},
			"taobao.time.get":                {Rate: limit, Burst: 1},
		}
		limiter := func() taobao.RateLimiter {
			return newLimiter(t, client(), &redislimit.LimiterOptions{Methods: quota})
		}
		rig := fleettest.New(t, srv, sellers)
		opts := taobao.FleetOptions{
			Concurrency: 3, LeaseTTL: 9 * time.Second, Turn: 4 * time.Second,
			Sync: taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute, PollInterval: 20 * time.Second},
		}
		start := func(name string) *fleettest.Runner {
			return rig.Start(name, opts, store(), limiter())
		}
		r0, r1, r2 := start("r0"), start("r1"), start("r2")
		time.Sleep(15 * time.Second)
		r1.Kill()
		for range 6 {
			for _, nick := range sellers {
				srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay})
			}
			time.Sleep(10 * time.Second)
		}
		r2.Kill()
		r3 := start("r3") // a new process joins
		time.Sleep(4 * time.Minute)
		r0.Stop()
		r3.Stop()

		assert.Empty(t, rig.Overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.Missing(), "trades never handled")
		assert.Zero(t, rig.Refused(), "flow-control refusals")
		turns := rig.TurnsBy()
		t.Logf("calls %d, leases taken %v, trades handled %d", srv.Calls("*"), turns, rig.Handled())
		for _, name := range []string{"r0", "r1", "r2", "r3"} {
			assert.Positive(t, turns[name], name)
		}
	})
}

// TestFleetLosesRedis: when Redis goes away, the runner stops syncing (its
// leases cannot be renewed, its limiter cannot book), reports the errors in
// its turns and keeps running; nothing panics.
func TestFleetLosesRedis(t *testing.T) {
	sellers := fleettest.Sellers(3)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		m, client, down := newMiniDown(t)
		fleettest.AddHistory(srv, sellers, 300, rand.New(rand.NewPCG(9, 10)))
		st, err := redislimit.NewStore(client(), appKey, "")
		require.NoError(t, err)
		rig, lim := fleettest.New(t, srv, sellers), newLimiter(t, client(), &redislimit.LimiterOptions{App: redislimit.Limit{Rate: 2, Burst: 1}})
		var mu sync.Mutex
		var errs []error
		opts := taobao.FleetOptions{
			LeaseTTL: 3 * time.Second,
			Sync:     taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute},
			OnTurn: func(tr taobao.FleetTurn) {
				if tr.Err != nil {
					mu.Lock()
					errs = append(errs, tr.Err)
					mu.Unlock()
				}
			},
		}
		r := rig.Start("r", opts, st, lim)
		time.Sleep(5 * time.Second)
		require.Positive(t, srv.Calls(taobao.MethodTradesSoldIncrement), "syncing before the loss")
		down.Store(true)
		m.Close()
		lostAt := time.Now()
		time.Sleep(time.Minute)
		st2 := r.Fleet.Stats()
		r.Stop()
		// Calls booked before the loss may still go out; none once the
		// lease could have expired and passed to another runner.
		for _, call := range srv.CallLog() {
			assert.False(t, call.Time.After(lostAt.Add(opts.LeaseTTL)), "a call %s after Redis was lost", call.Time.Sub(lostAt))
		}
		mu.Lock()
		defer mu.Unlock()
		require.NotEmpty(t, errs)
		assert.Zero(t, st2.Syncing)
		assert.Positive(t, st2.Errors+st2.LeaseLost)
	})
}

// TestStoreFencing: a runner paused past its lease can neither renew it
// nor move the checkpoint once another took over.
func TestStoreFencing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		ctx := context.Background()
		a, err := redislimit.NewStore(client(), appKey, "")
		require.NoError(t, err)
		b, err := redislimit.NewStore(client(), appKey, "")
		require.NoError(t, err)

		tokA, ok, err := a.Acquire(ctx, "s", "a", 10*time.Second)
		require.NoError(t, err)
		require.True(t, ok)
		_, ok, err = b.Acquire(ctx, "s", "b", 10*time.Second)
		require.NoError(t, err)
		assert.False(t, ok, "held by a")
		require.NoError(t, a.SaveCheckpoint(ctx, "s", tokA, time.UnixMicro(100)))
		ok, err = a.Renew(ctx, "s", tokA, 10*time.Second)
		require.NoError(t, err)
		assert.True(t, ok)

		time.Sleep(11 * time.Second) // a pauses; its lease expires
		ok, err = a.Renew(ctx, "s", tokA, 10*time.Second)
		require.NoError(t, err)
		assert.False(t, ok, "an expired lease cannot be renewed")
		tokB, ok, err := b.Acquire(ctx, "s", "b", 10*time.Second)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Greater(t, tokB, tokA)
		// b has saved nothing yet: a's checkpoint is still the newest, but
		// a no longer holds the lease.
		assert.ErrorIs(t, a.SaveCheckpoint(ctx, "s", tokA, time.UnixMicro(150)), taobao.ErrLeaseLost)
		require.NoError(t, b.SaveCheckpoint(ctx, "s", tokB, time.UnixMicro(200)))

		for _, when := range []int64{50, 300} { // neither back nor forth
			err = a.SaveCheckpoint(ctx, "s", tokA, time.UnixMicro(when))
			assert.ErrorIs(t, err, taobao.ErrLeaseLost)
		}
		got, ok, err := a.LoadCheckpoint(ctx, "s")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, time.UnixMicro(200), got)

		require.NoError(t, a.Release(ctx, "s", tokA)) // a stale release is a no-op
		_, ok, _ = a.Acquire(ctx, "s", "c", 10*time.Second)
		assert.False(t, ok, "b still holds it")
		require.NoError(t, b.Release(ctx, "s", tokB))
		tokC, ok, _ := a.Acquire(ctx, "s", "c", 10*time.Second)
		assert.True(t, ok)
		// Even holding the lease again, an older token cannot overwrite.
		require.NoError(t, a.SaveCheckpoint(ctx, "s", tokC, time.UnixMicro(400)))

		_, ok, err = a.LoadCheckpoint(ctx, "never")
		require.NoError(t, err)
		assert.False(t, ok)
		_, _, err = a.Acquire(ctx, " ", "c", time.Second)
		assert.ErrorContains(t, err, "seller nick")
	})
}
