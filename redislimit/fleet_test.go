package redislimit_test

// The fleet on Redis: the rig below mirrors the core package's fleet test
// (runners that call with a session per lease, so that the fake's call log
// shows who synced which seller when), with the leases, checkpoints and
// limiter in miniredis.

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
	"github.com/toptrade/taobao/redislimit"
	"github.com/toptrade/taobao/taobaotest"
)

// fleetRig is N fleet runners in one process against one fake gateway. Each
// runner calls with sessions of its own, one per lease it takes, so that
// the fake's call log tells which turn of which runner made each call.
type fleetRig struct {
	t       *testing.T
	srv     *taobaotest.Server
	leases  *redislimit.Store
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

func newFleetRig(t *testing.T, srv *taobaotest.Server, store *redislimit.Store, limiter taobao.RateLimiter, sellers []string) *fleetRig {
	return &fleetRig{
		t: t, srv: srv, leases: store, limiter: limiter,
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

// startWith runs a fleet runner named name, with a store and limiter of
// its own (another process), until kill or stop.
func (r *fleetRig) startWith(name string, opts taobao.FleetOptions, store *redislimit.Store, limiter taobao.RateLimiter) *rigRunner {
	c, err := r.srv.NewClient("", taobao.WithHTTPClient(&http.Client{Transport: r}), taobao.WithLimiter(limiter))
	require.NoError(r.t, err)
	rl := &rigLeases{r: r, runner: name, inner: store}
	opts.Leases, opts.Checkpoints, opts.Owner = rl, store, name
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

// TestFleetOnRedis: three runners, each a process of its own (its own
// Redis client, limiter and store), sync ten sellers of one fake gateway
// whose call limit equals the limiter's rate. Two runners are killed along
// the way; their leases expire and the others take their sellers over. No
// seller is ever synced by two runners at once, no trade is lost, and the
// gateway never refuses a call.
func TestFleetOnRedis(t *testing.T) {
	const limit = 5 // calls per second per method, at the fake and in the limiter
	sellers := fleetSellers(10)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0),
		taobaotest.WithCallLimit(limit, time.Second), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		rng := rand.New(rand.NewPCG(7, 8))
		addHistory(srv, sellers, 200, rng)
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
		rig := newFleetRig(t, srv, store(), limiter(), sellers)
		opts := taobao.FleetOptions{
			Concurrency: 3, LeaseTTL: 9 * time.Second, Turn: 4 * time.Second,
			Sync: taobao.SyncOptions{Since: time.Now().Add(-49 * time.Hour), Window: 10 * time.Minute, PollInterval: 20 * time.Second},
		}
		start := func(name string) *rigRunner {
			return rig.startWith(name, opts, store(), limiter())
		}
		r0, r1, r2 := start("r0"), start("r1"), start("r2")
		time.Sleep(15 * time.Second)
		r1.kill()
		for range 6 {
			for _, nick := range sellers {
				srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay})
			}
			time.Sleep(10 * time.Second)
		}
		r2.kill()
		r3 := start("r3") // a new process joins
		time.Sleep(4 * time.Minute)
		r0.stop()
		r3.stop()

		assert.Empty(t, rig.overlaps(), "a seller was synced by two runners at once")
		assert.Empty(t, rig.missing(), "trades never handled")
		assert.Zero(t, rig.refused.Load(), "flow-control refusals")
		turns := rig.turnsBy()
		t.Logf("calls %d, leases taken %v, trades handled %d", srv.Calls("*"), turns, rig.handled)
		for _, name := range []string{"r0", "r1", "r2", "r3"} {
			assert.Positive(t, turns[name], name)
		}
	})
}

// TestFleetLosesRedis: when Redis goes away, the runner stops syncing (its
// leases cannot be renewed, its limiter cannot book), reports the errors in
// its turns and keeps running; nothing panics.
func TestFleetLosesRedis(t *testing.T) {
	sellers := fleetSellers(3)
	srv := taobaotest.NewServer(taobaotest.WithSellers(sellers...), taobaotest.WithTrades(0), taobaotest.WithCallLog(1_000_000))
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		m, client, down := newMiniDown(t)
		addHistory(srv, sellers, 300, rand.New(rand.NewPCG(9, 10)))
		st, err := redislimit.NewStore(client(), appKey, "")
		require.NoError(t, err)
		rig := newFleetRig(t, srv, st, newLimiter(t, client(), &redislimit.LimiterOptions{App: redislimit.Limit{Rate: 2, Burst: 1}}), sellers)
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
		r := rig.startWith("r", opts, st, rig.limiter)
		time.Sleep(5 * time.Second)
		require.Positive(t, srv.Calls(taobao.MethodTradesSoldIncrement), "syncing before the loss")
		down.Store(true)
		m.Close()
		lostAt := time.Now()
		time.Sleep(time.Minute)
		st2 := r.fleet.Stats()
		r.stop()
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
