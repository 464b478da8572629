package taobao_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// fleetRig is N fleet runners in one process against one fake gateway. Each
// runner calls with sessions of its own, one per lease it takes, so that
// the fake's call log tells which turn of which runner made each call.
type fleetRig struct {
	t       *testing.T
	srv     *taobaotest.Server
	leases  *taobao.MemoryLeases
	limiter taobao.RateLimiter
	refused atomic.Int64 // flow-control answers seen

	mu       sync.Mutex
	sellers  []string
	current  map[[2]string]int64    // runner, seller -> token of its last lease
	sessions map[string]fleetTurnID // session -> the turn it belongs to
	byTurn   map[fleetTurnID]string
	seen     map[int64]time.Time // tid -> newest modified handled
	handled  int
}

type fleetTurnID struct {
	runner, seller string
	token          int64
}

func newFleetRig(t *testing.T, srv *taobaotest.Server, limiter taobao.RateLimiter, sellers []string) *fleetRig {
	return &fleetRig{
		t: t, srv: srv, leases: taobao.NewMemoryLeases(), limiter: limiter,
		sellers:  slices.Clone(sellers),
		current:  map[[2]string]int64{},
		sessions: map[string]fleetTurnID{},
		byTurn:   map[fleetTurnID]string{},
		seen:     map[int64]time.Time{},
	}
}

// RoundTrip serves in-process and counts flow-control refusals.
func (r *fleetRig) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.srv.Transport().RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if bytes.Contains(body, []byte(`"code":7`)) || bytes.Contains(body, []byte("accesscontrol.")) {
		r.refused.Add(1)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

func (r *fleetRig) handle(_ context.Context, _ string, t *taobao.Trade) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handled++
	if m := t.Modified.Time; m.After(r.seen[int64(t.Tid)]) {
		r.seen[int64(t.Tid)] = m
	}
	return nil
}

// turnSessions is a token source that answers with the session of the
// runner's current lease on the seller.
type turnSessions struct {
	r              *fleetRig
	runner, seller string
}

func (ts turnSessions) Token() (*oauth2.Token, error) {
	r := ts.r
	r.mu.Lock()
	id := fleetTurnID{ts.runner, ts.seller, r.current[[2]string{ts.runner, ts.seller}]}
	s, ok := r.byTurn[id]
	r.mu.Unlock()
	if !ok {
		s = r.srv.NewSession(ts.seller)
		r.mu.Lock()
		r.byTurn[id], r.sessions[s] = s, id
		r.mu.Unlock()
	}
	return &oauth2.Token{AccessToken: s}, nil
}

// rigLeases wraps the shared leases for one runner: it records the tokens
// taken, and once killed does nothing (a crashed process releases nothing).
type rigLeases struct {
	r      *fleetRig
	runner string
	inner  taobao.LeaseStore
	killed atomic.Bool
	hang   atomic.Bool // Renew does not answer until its ctx ends
}

func (l *rigLeases) Acquire(ctx context.Context, seller, owner string, ttl time.Duration) (int64, bool, error) {
	if l.killed.Load() {
		return 0, false, errors.New("killed")
	}
	tok, ok, err := l.inner.Acquire(ctx, seller, owner, ttl)
	if ok {
		l.r.mu.Lock()
		l.r.current[[2]string{l.runner, seller}] = tok
		l.r.mu.Unlock()
	}
	return tok, ok, err
}

func (l *rigLeases) Renew(ctx context.Context, seller string, token int64, ttl time.Duration) (bool, error) {
	if l.killed.Load() {
		return false, errors.New("killed")
	}
	if l.hang.Load() {
		<-ctx.Done()
		return false, ctx.Err()
	}
	return l.inner.Renew(ctx, seller, token, ttl)
}

func (l *rigLeases) Release(ctx context.Context, seller string, token int64) error {
	if l.killed.Load() {
		return nil
	}
	return l.inner.Release(ctx, seller, token)
}

type rigRunner struct {
	fleet  *taobao.Fleet
	leases *rigLeases
	cancel context.CancelFunc
	done   chan struct{}
}

// start runs a fleet runner named name until kill or stop.
func (r *fleetRig) start(name string, opts taobao.FleetOptions) *rigRunner {
	c, err := r.srv.NewClient("", taobao.WithHTTPClient(&http.Client{Transport: r}), taobao.WithLimiter(r.limiter))
	require.NoError(r.t, err)
	rl := &rigLeases{r: r, runner: name, inner: r.leases}
	opts.Leases, opts.Checkpoints, opts.Owner = rl, r.leases, name
	opts.Handler = r.handle
	opts.Sellers = taobao.SellerFunc(func(context.Context) ([]taobao.Seller, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		out := make([]taobao.Seller, len(r.sellers))
		for i, nick := range r.sellers {
			out[i] = taobao.Seller{Nick: nick, TokenSource: turnSessions{r, name, nick}}
		}
		return out, nil
	})
	f, err := taobao.NewFleet(c, &opts)
	require.NoError(r.t, err)
	ctx, cancel := context.WithCancel(context.Background())
	rr := &rigRunner{fleet: f, leases: rl, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(rr.done)
		assert.ErrorIs(r.t, f.Run(ctx), context.Canceled)
	}()
	return rr
}

// kill stops the runner as a crash would: its leases stay until they expire.
func (rr *rigRunner) kill() {
	rr.leases.killed.Store(true)
	rr.cancel()
	<-rr.done
}

func (rr *rigRunner) stop() {
	rr.cancel()
	<-rr.done
}

// overlaps returns, from the fake's call log, the pairs of turns of
// different runners (or leases) that called as one seller at the same time:
// a turn spans its first to its last call, and no two spans of a seller
// may interleave.
func (r *fleetRig) overlaps() []string {
	type span struct {
		id          fleetTurnID
		first, last int
	}
	spans := map[fleetTurnID]*span{}
	r.mu.Lock()
	for i, call := range r.srv.CallLog() {
		id, ok := r.sessions[call.Params.Get("session")]
		if !ok {
			continue
		}
		if s := spans[id]; s != nil {
			s.last = i
		} else {
			spans[id] = &span{id: id, first: i, last: i}
		}
	}
	r.mu.Unlock()
	bySeller := map[string][]*span{}
	for _, s := range spans {
		bySeller[s.id.seller] = append(bySeller[s.id.seller], s)
	}
	var out []string
	for seller, ss := range bySeller {
		slices.SortFunc(ss, func(a, b *span) int { return a.first - b.first })
		for i := 1; i < len(ss); i++ {
			if ss[i].first < ss[i-1].last {
				out = append(out, fmt.Sprintf("%s: %s#%d (calls %d-%d) and %s#%d (calls %d-%d)", seller,
					ss[i-1].id.runner, ss[i-1].id.token, ss[i-1].first, ss[i-1].last,
					ss[i].id.runner, ss[i].id.token, ss[i].first, ss[i].last))
			}
		}
	}
	return out
}

// missing lists the trades whose newest version no handler saw.
func (r *fleetRig) missing() []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int64
	for _, nick := range r.sellers {
		for _, t := range r.srv.Trades(nick) {
			if !r.seen[int64(t.Tid)].Equal(t.Modified.Time) {
				out = append(out, int64(t.Tid))
			}
		}
	}
	return out
}

// turnsBy counts the leases each runner took, from the call log.
func (r *fleetRig) turnsBy() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for id := range r.byTurn {
		out[id.runner]++
	}
	return out
}

// addHistory gives each seller n trades modified over the last two days.
func addHistory(srv *taobaotest.Server, sellers []string, n int, rng *rand.Rand) {
	now := time.Now()
	for _, nick := range sellers {
		for range n {
			ts := taobao.NewTime(now.Add(-time.Duration(rng.Int64N(int64(48 * time.Hour)))).Truncate(time.Second))
			srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Created: ts, Modified: ts})
		}
	}
}

func fleetSellers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("fleet-seller-%02d", i)
	}
	return out
}

// TestFleetRunnersShareSellersAndQuota runs three runners over eight sellers
// with one in-process limiter at the fake's call limit; one runner is killed
// half way and its sellers are taken over once its leases expire.
func TestFleetRunnersShareSellersAndQuota(t *testing.T) {
	const limit = 4 // calls per second per method: low enough that the fleet runs at it
	sellers := fleetSellers(8)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0),
		taobaotest.WithCallLimit(limit, time.Second), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		addHistory(srv, sellers, 150, rng)
		rig := newFleetRig(t, srv, taobao.NewLimiter(limit, 1, 0), sellers)
		opts := taobao.FleetOptions{
			Concurrency: 2, LeaseTTL: 10 * time.Second, Turn: 5 * time.Second,
			Sync: taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute, PollInterval: 20 * time.Second},
		}
		runners := []*rigRunner{rig.start("r0", opts), rig.start("r1", opts), rig.start("r2", opts)}
		time.Sleep(20 * time.Second)
		runners[1].kill() // mid-turn: its leases are left to expire
		// New trades keep coming while the fleet runs.
		for range 10 {
			for _, nick := range sellers {
				srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay})
			}
			time.Sleep(10 * time.Second)
		}
		time.Sleep(3 * time.Minute)
		runners[0].stop()
		runners[2].stop()

		assert.Empty(t, rig.overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.missing(), "trades never handled")
		assert.Zero(t, rig.refused.Load(), "flow-control refusals")
		turns := rig.turnsBy()
		assert.Positive(t, turns["r1"], "the killed runner worked before it died")
		assert.Positive(t, turns["r0"])
		assert.Positive(t, turns["r2"])
		st := runners[0].fleet.Stats()
		t.Logf("calls %d, turns %v, handled %d", srv.Calls("*"), turns, rig.handled)
		assert.Equal(t, len(sellers), st.Sellers)
		assert.Len(t, st.PerSeller, len(sellers))
	})
}

// TestFleetStopsWhenRenewHangs: a runner whose lease store stops answering
// (a Redis that hangs rather than refuses) stops its turn before the lease
// expires, so the runner that takes the seller over never syncs it at the
// same time.
func TestFleetStopsWhenRenewHangs(t *testing.T) {
	sellers := fleetSellers(1)
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
		rig := newFleetRig(t, srv, taobao.NewLimiter(1, 1, 0), sellers)
		opts := taobao.FleetOptions{
			Concurrency: 1, LeaseTTL: 6 * time.Second, Turn: 2 * time.Minute,
			Sync: taobao.SyncOptions{Since: at.Add(-time.Minute), Window: 10 * time.Minute},
		}
		a := rig.start("a", opts)
		a.leases.hang.Store(true) // before its first renewal, a third of a lease in
		time.Sleep(time.Second)
		b := rig.start("b", opts)
		time.Sleep(time.Minute)
		a.stop()
		b.stop()

		assert.Empty(t, rig.overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.missing(), "trades never handled")
		turns := rig.turnsBy()
		assert.Positive(t, turns["a"])
		assert.Positive(t, turns["b"], "the seller was taken over")
		assert.Positive(t, a.fleet.Stats().LeaseLost)
	})
}

// TestFleetRoundRobin checks that a seller with a long backlog does not hold
// back the others: with one worker, every small seller is caught up long
// before the big one.
func TestFleetRoundRobin(t *testing.T) {
	sellers := fleetSellers(4)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 4))
		addHistory(srv, sellers[:1], 4000, rng) // the big one: many pages
		addHistory(srv, sellers, 20, rng)
		rig := newFleetRig(t, srv, taobao.NewLimiter(5, 1, 0), sellers)
		// The small sellers were synced an hour ago; the big one never:
		// it has two days of windows to read.
		for _, nick := range sellers[1:] {
			tok, ok, err := rig.leases.Acquire(context.Background(), nick, "setup", time.Second)
			require.True(t, ok)
			require.NoError(t, err)
			require.NoError(t, rig.leases.SaveCheckpoint(context.Background(), nick, tok, time.Now().Add(-time.Hour)))
			require.NoError(t, rig.leases.Release(context.Background(), nick, tok))
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
		r := rig.start("solo", opts)
		time.Sleep(10 * time.Minute)
		r.stop()
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
	sellers := fleetSellers(3)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		addHistory(srv, sellers, 10, rand.New(rand.NewPCG(5, 6)))
		rig := newFleetRig(t, srv, taobao.NewLimiter(0, 1, 0), sellers[:2])
		r := rig.start("r", taobao.FleetOptions{
			Rescan: 30 * time.Second,
			Sync:   taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), PollInterval: 10 * time.Second},
		})
		time.Sleep(time.Minute + time.Second)
		assert.Equal(t, 2, r.fleet.Stats().Sellers)
		rig.mu.Lock()
		rig.sellers = []string{sellers[1], sellers[2]} // one leaves, one joins
		rig.mu.Unlock()
		time.Sleep(30 * time.Second) // the next rescan
		removedAt := time.Now()
		srv.AddTrade(sellers[0], taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay}) // never to be seen
		time.Sleep(time.Minute)
		st := r.fleet.Stats()
		r.stop()
		assert.Equal(t, 2, st.Sellers)
		var nicks []string
		for _, s := range st.PerSeller {
			nicks = append(nicks, s.Nick)
			assert.Less(t, s.Lag, time.Minute, s.Nick)
		}
		assert.Equal(t, sellers[1:], nicks)
		rig.mu.Lock()
		rig.sellers = sellers // for missing: the removed seller's last trade is the only one
		rig.mu.Unlock()
		assert.Len(t, rig.missing(), 1)
		for _, call := range srv.CallLog() {
			if id, ok := rig.sessions[call.Params.Get("session")]; ok && id.seller == sellers[0] {
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
