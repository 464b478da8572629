package taobao_test

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
	"github.com/toptrade/taobao/taobaotest"
)

// TestFleetRunnersShareSellersAndQuota runs three runners over eight sellers
// with one in-process limiter at the fake's call limit; one runner is killed
// half way and its sellers are taken over once its leases expire.
func TestFleetRunnersShareSellersAndQuota(t *testing.T) {
	const limit = 4 // calls per second per method: low enough that the fleet runs at it
	sellers := fleettest.Sellers(8)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0),
		taobaotest.WithCallLimit(limit, time.Second), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		fleettest.AddHistory(srv, sellers, 150, rng)
		rig, leases, lim := fleettest.New(t, srv, sellers), taobao.NewMemoryLeases(), taobao.NewLimiter(limit, 1, 0)
		opts := taobao.FleetOptions{
			Concurrency: 2, LeaseTTL: 10 * time.Second, Turn: 5 * time.Second,
			Sync: taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute, PollInterval: 20 * time.Second},
		}
		runners := []*fleettest.Runner{rig.Start("r0", opts, leases, lim), rig.Start("r1", opts, leases, lim), rig.Start("r2", opts, leases, lim)}
		time.Sleep(20 * time.Second)
		runners[1].Kill() // mid-turn: its leases are left to expire
		// New trades keep coming while the fleet runs.
		for range 10 {
			for _, nick := range sellers {
				srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay})
			}
			time.Sleep(10 * time.Second)
		}
		time.Sleep(3 * time.Minute)
		runners[0].Stop()
		runners[2].Stop()

		assert.Empty(t, rig.Overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.Missing(), "trades never handled")
		assert.Zero(t, rig.Refused(), "flow-control refusals")
		turns := rig.TurnsBy()
		assert.Positive(t, turns["r1"], "the killed runner worked before it died")
		assert.Positive(t, turns["r0"])
		assert.Positive(t, turns["r2"])
		st := runners[0].Fleet.Stats()
		t.Logf("calls %d, turns %v, handled %d", srv.Calls("*"), turns, rig.Handled())
		assert.Equal(t, len(sellers), st.Sellers)
		assert.Len(t, st.PerSeller, len(sellers))
	})
}

// TestFleetStopsWhenRenewHangs: a runner whose lease store stops answering
// (a Redis that hangs rather than refuses) stops its turn before the lease
// expires, so the runner that takes the seller over never syncs it at the
// same time.
func TestFleetStopsWhenRenewHangs(t *testing.T) {
	sellers := fleettest.Sellers(1)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		// One window of many pages, read at a call a second: the runner
		// saves no checkpoint (which its lost lease would refuse) for
		// longer than a lease.
		at := taobao.NewTime(time.Now().Add(-24 * time.Hour).Truncate(time.Second))
		for range 2000 {
			srv.AddTrade(sellers[0], taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Created: at, Modified: at})
		}
		rig, leases, lim := fleettest.New(t, srv, sellers), taobao.NewMemoryLeases(), taobao.NewLimiter(1, 1, 0)
		opts := taobao.FleetOptions{
			Concurrency: 1, LeaseTTL: 6 * time.Second, Turn: 2 * time.Minute,
			Sync: taobao.SyncOptions{Since: at.Add(-time.Minute), Window: 10 * time.Minute},
		}
		a := rig.Start("a", opts, leases, lim)
		a.HangRenewals() // before its first renewal, a third of a lease in
		time.Sleep(time.Second)
		b := rig.Start("b", opts, leases, lim)
		time.Sleep(time.Minute)
		a.Stop()
		b.Stop()

		assert.Empty(t, rig.Overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.Missing(), "trades never handled")
		turns := rig.TurnsBy()
		assert.Positive(t, turns["a"])
		assert.Positive(t, turns["b"], "the seller was taken over")
		assert.Positive(t, a.Fleet.Stats().LeaseLost)
	})
}

// TestFleetRoundRobin checks that a seller with a long backlog does not hold
// back the others: with one worker, every small seller is caught up long
// before the big one.
func TestFleetRoundRobin(t *testing.T) {
	sellers := fleettest.Sellers(4)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		fleettest.AddHistory(srv, sellers[:1], 4000, rng) // the big one: many pages
		fleettest.AddHistory(srv, sellers, 20, rng)
		rig, leases, lim := fleettest.New(t, srv, sellers), taobao.NewMemoryLeases(), taobao.NewLimiter(5, 1, 0)
		// The small sellers were synced an hour ago; the big one never:
		// it has two days of windows to read.
		for _, nick := range sellers[1:] {
			tok, ok, err := leases.Acquire(context.Background(), nick, "setup", time.Second)
			require.True(t, ok)
			require.NoError(t, err)
			require.NoError(t, leases.SaveCheckpoint(context.Background(), nick, tok, time.Now().Add(-time.Hour)))
			require.NoError(t, leases.Release(context.Background(), nick, tok))
		}
		var mu sync.Mutex
		caughtUp := map[string]time.Time{}
		opts := taobao.FleetOptions{
			Concurrency: 1, Turn: 2 * time.Second,
			Sync: taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute, PollInterval: time.Hour},
			OnTurn: func(tr taobao.FleetTurn) {
				mu.Lock()
				defer mu.Unlock()
				if _, ok := caughtUp[tr.Seller]; tr.CaughtUp && !ok {
					caughtUp[tr.Seller] = time.Now()
				}
				assert.NoError(t, tr.Err)
			},
		}
		start := time.Now()
		r := rig.Start("solo", opts, leases, lim)
		time.Sleep(10 * time.Minute)
		r.Stop()
		require.Len(t, caughtUp, len(sellers), "every seller caught up")
		for _, nick := range sellers[1:] {
			// A small seller needs a few calls, the big one a hundred at
			// 5 calls a second: the small ones must not wait for it.
			assert.Less(t, caughtUp[nick].Sub(start), caughtUp[sellers[0]].Sub(start)/2, nick)
		}
	})
}

// TestFleetNoticesSellerChanges adds and removes sellers while it runs.
func TestFleetNoticesSellerChanges(t *testing.T) {
	sellers := fleettest.Sellers(3)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		fleettest.AddHistory(srv, sellers, 10, rand.New(rand.NewPCG(5, 6)))
		rig, leases, lim := fleettest.New(t, srv, sellers[:2]), taobao.NewMemoryLeases(), taobao.NewLimiter(0, 1, 0)
		r := rig.Start("r", taobao.FleetOptions{
			Rescan: 30 * time.Second,
			Sync:   taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), PollInterval: 10 * time.Second},
		}, leases, lim)
		time.Sleep(time.Minute + time.Second)
		assert.Equal(t, 2, r.Fleet.Stats().Sellers)
		rig.SetSellers([]string{sellers[1], sellers[2]}) // one leaves, one joins
		time.Sleep(30 * time.Second)                     // the next rescan
		removedAt := time.Now()
		srv.AddTrade(sellers[0], taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay}) // never to be seen
		time.Sleep(time.Minute)
		st := r.Fleet.Stats()
		r.Stop()
		assert.Equal(t, 2, st.Sellers)
		var nicks []string
		for _, s := range st.PerSeller {
			nicks = append(nicks, s.Nick)
			assert.Less(t, s.Lag, time.Minute, s.Nick)
		}
		assert.Equal(t, sellers[1:], nicks)
		rig.SetSellers(sellers) // for Missing: the removed seller's last trade is the only one
		assert.Len(t, rig.Missing(), 1)
		for _, call := range srv.CallLog() {
			if seller, ok := rig.SellerOf(call.Params.Get("session")); ok && seller == sellers[0] {
				assert.False(t, call.Time.After(removedAt), "a removed seller is no longer synced")
			}
		}
	})
}

func TestMemoryLeasesFencing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		m := taobao.NewMemoryLeases()
		tokA, ok, err := m.Acquire(ctx, "s", "a", 10*time.Second)
		require.NoError(t, err)
		require.True(t, ok)
		_, ok, err = m.Acquire(ctx, "s", "b", 10*time.Second)
		require.NoError(t, err)
		assert.False(t, ok, "held by a")
		require.NoError(t, m.SaveCheckpoint(ctx, "s", tokA, time.Unix(100, 0)))

		time.Sleep(11 * time.Second) // a pauses; its lease expires
		ok, err = m.Renew(ctx, "s", tokA, 10*time.Second)
		require.NoError(t, err)
		assert.False(t, ok, "an expired lease cannot be renewed")
		tokB, ok, err := m.Acquire(ctx, "s", "b", 10*time.Second)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Greater(t, tokB, tokA)
		require.NoError(t, m.SaveCheckpoint(ctx, "s", tokB, time.Unix(200, 0)))

		err = m.SaveCheckpoint(ctx, "s", tokA, time.Unix(50, 0))
		assert.ErrorIs(t, err, taobao.ErrLeaseLost, "a stale token moves nothing")
		got, _, _ := m.LoadCheckpoint(ctx, "s")
		assert.Equal(t, time.Unix(200, 0), got)

		require.NoError(t, m.Release(ctx, "s", tokA)) // a stale release is a no-op
		_, ok, _ = m.Acquire(ctx, "s", "c", 10*time.Second)
		assert.False(t, ok, "b still holds it")
		require.NoError(t, m.Release(ctx, "s", tokB))
		_, ok, _ = m.Acquire(ctx, "s", "c", 10*time.Second)
		assert.True(t, ok)
	})
}

func TestNewFleetRejectsBadOptions(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	t.Cleanup(srv.Close)
	c := srv.Client("")
	src := taobao.SellerFunc(func(context.Context) ([]taobao.Seller, error) { return nil, nil })
	h := func(context.Context, string, *taobao.Trade) error { return nil }
	for _, tc := range []struct {
		name string
		opts *taobao.FleetOptions
		want string
	}{
		{"nil options", nil, "fleet options"},
		{"no sellers", &taobao.FleetOptions{Handler: h}, "Sellers"},
		{"no handler", &taobao.FleetOptions{Sellers: src}, "Handler"},
		{"negative concurrency", &taobao.FleetOptions{Sellers: src, Handler: h, Concurrency: -1}, "Concurrency"},
		{"bad window", &taobao.FleetOptions{Sellers: src, Handler: h, Sync: taobao.SyncOptions{Window: 48 * time.Hour}}, "Window"},
		{"checkpoints without leases", &taobao.FleetOptions{Sellers: src, Handler: h, Checkpoints: taobao.NewMemoryLeases()}, "Leases"},
		{"empty field", &taobao.FleetOptions{Sellers: src, Handler: h, Sync: taobao.SyncOptions{Fields: []string{"tid", ""}}}, "fields"},
		{"since too old", &taobao.FleetOptions{Sellers: src, Handler: h, Sync: taobao.SyncOptions{Since: time.Now().Add(-taobao.SyncHistory - time.Hour)}}, "three months"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := taobao.NewFleet(c, tc.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := taobao.NewFleet(c, &taobao.FleetOptions{Sellers: src, Handler: h})
	require.NoError(t, err)
	assert.Zero(t, srv.Calls("*"), "checking the options called the gateway")
}
