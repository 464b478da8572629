// Package fleettest is a harness for the fleet's tests, shared by the core
// package and redislimit: fleet runners against one fake gateway, each
// calling with sessions of its own so that the fake's call log tells which
// turn of which runner made each call.
package fleettest

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
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// Rig is N fleet runners against one fake gateway. Each runner calls with sessions of its own, one per lease it takes, so that
// the fake's call log tells which turn of which runner made each call.
type Rig struct {
	t       testing.TB
	srv     *taobaotest.Server
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

// New returns a rig of srv whose runners sync sellers.
func New(t testing.TB, srv *taobaotest.Server, sellers []string) *Rig {
	return &Rig{
		t: t, srv: srv,
		sellers:  slices.Clone(sellers),
		current:  map[[2]string]int64{},
		sessions: map[string]fleetTurnID{},
		byTurn:   map[fleetTurnID]string{},
		seen:     map[int64]time.Time{},
	}
}

// RoundTrip serves in-process and counts flow-control refusals.
func (r *Rig) RoundTrip(req *http.Request) (*http.Response, error) {
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

func (r *Rig) handle(_ context.Context, _ string, t *taobao.Trade) error {
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
	r              *Rig
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
	r      *Rig
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

// Runner is one runner of the rig.
type Runner struct {
	Fleet  *taobao.Fleet // the runner's fleet, for its Stats
	leases *rigLeases
	cancel context.CancelFunc
	done   chan struct{}
}

// Store is what a runner keeps its leases and checkpoints in.
type Store interface {
	taobao.LeaseStore
	taobao.CheckpointStore
}

// Start runs a fleet runner named name, with the store and limiter it
// shares with the other runners (or, for another process, has of its own),
// until Kill or Stop.
func (r *Rig) Start(name string, opts taobao.FleetOptions, store Store, limiter taobao.RateLimiter) *Runner {
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
	rr := &Runner{Fleet: f, leases: rl, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(rr.done)
		assert.ErrorIs(r.t, f.Run(ctx), context.Canceled)
	}()
	return rr
}

// HangRenewals makes the runner's lease renewals stop answering until their
// context ends, as a hung store does.
func (rr *Runner) HangRenewals() { rr.leases.hang.Store(true) }

// Kill stops the runner as a crash would: its leases stay until they
// expire.
func (rr *Runner) Kill() {
	rr.leases.killed.Store(true)
	rr.cancel()
	<-rr.done
}

// Stop stops the runner as a shutdown does: it releases its leases.
func (rr *Runner) Stop() {
	rr.cancel()
	<-rr.done
}

// Overlaps returns, from the fake's call log, the pairs of turns of
// different runners (or leases) that called as one seller at the same time:
// a turn spans its first to its last call, and no two spans of a seller
// may interleave.
func (r *Rig) Overlaps() []string {
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

// Missing lists the trades whose newest version no handler saw.
func (r *Rig) Missing() []int64 {
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

// TurnsBy counts the leases each runner took, from the call log.
func (r *Rig) TurnsBy() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for id := range r.byTurn {
		out[id.runner]++
	}
	return out
}

// AddHistory gives each seller n trades modified over the last two days.
func AddHistory(srv *taobaotest.Server, sellers []string, n int, rng *rand.Rand) {
	now := time.Now()
	for _, nick := range sellers {
		for range n {
			ts := taobao.NewTime(now.Add(-time.Duration(rng.Int64N(int64(48 * time.Hour)))).Truncate(time.Second))
			srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Created: ts, Modified: ts})
		}
	}
}

// Sellers returns n seller nicks.
func Sellers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("fleet-seller-%02d", i)
	}
	return out
}

// Refused returns how many flow-control answers the runners got.
func (r *Rig) Refused() int64 { return r.refused.Load() }

// Handled returns how many trades the runners handed over.
func (r *Rig) Handled() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handled
}

// SetSellers changes the sellers the runners are given.
func (r *Rig) SetSellers(sellers []string) {
	r.mu.Lock()
	r.sellers = slices.Clone(sellers)
	r.mu.Unlock()
}

// SellerOf returns the seller a session of the rig called as.
func (r *Rig) SellerOf(session string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.sessions[session]
	return id.seller, ok
}
