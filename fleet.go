package taobao

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
)

// Fleet defaults.
const (
	DefaultFleetConcurrency = 4
	DefaultLeaseTTL         = 30 * time.Second
	DefaultFleetRescan      = time.Minute
	DefaultFleetTurn        = time.Minute
)

// ErrLeaseLost is returned by a CheckpointStore's Save (and reported in
// fleet turns) when the caller no longer holds the seller's lease: another
// process may be syncing the seller, so the checkpoint must not move.
var ErrLeaseLost = errors.New("taobao: the seller's lease was lost")

// Seller is one seller of the app: its nick and how to get its session.
type Seller struct {
	Nick string
	// Session is the seller's fixed session (access token).
	Session string
	// TokenSource, when set, supplies fresh sessions instead (an OAuth
	// token source that refreshes them).
	TokenSource oauth2.TokenSource
}

// SellerSource lists the sellers of the app. A Fleet asks it at start and
// every FleetOptions.Rescan, so sellers that are added or removed are
// noticed without a restart.
type SellerSource interface {
	Sellers(ctx context.Context) ([]Seller, error)
}

// SellerFunc adapts a function to SellerSource.
type SellerFunc func(ctx context.Context) ([]Seller, error)

// Sellers calls f.
func (f SellerFunc) Sellers(ctx context.Context) ([]Seller, error) { return f(ctx) }

// LeaseStore hands out per-seller leases, so that one process at a time
// syncs a seller. A lease carries a fencing token: a number larger than
// every token handed out before it for the same store, which the
// CheckpointStore checks on every Save.
type LeaseStore interface {
	// Acquire takes the seller's lease for ttl on behalf of owner. It
	// returns ok false, and no error, when someone else holds it.
	Acquire(ctx context.Context, seller, owner string, ttl time.Duration) (token int64, ok bool, err error)
	// Renew extends a lease held with token to ttl from now. It returns ok
	// false when the lease expired or passed to someone else.
	Renew(ctx context.Context, seller string, token int64, ttl time.Duration) (ok bool, err error)
	// Release gives the lease up if it is still held with token.
	Release(ctx context.Context, seller string, token int64) error
}

// CheckpointStore keeps a checkpoint per seller, guarded by leases.
type CheckpointStore interface {
	// LoadCheckpoint returns the seller's saved time; ok is false when none
	// was saved yet.
	LoadCheckpoint(ctx context.Context, seller string) (t time.Time, ok bool, err error)
	// SaveCheckpoint records t for the seller only while token is the
	// seller's current lease; otherwise it returns an error matching
	// ErrLeaseLost and changes nothing.
	SaveCheckpoint(ctx context.Context, seller string, token int64, t time.Time) error
}

// MemoryLeases is an in-process LeaseStore and CheckpointStore: enough for
// the runners of one process, and the default of a Fleet.
type MemoryLeases struct {
	mu     sync.Mutex
	next   int64
	leases map[string]memLease
	cps    map[string]time.Time
}

type memLease struct {
	owner   string
	token   int64
	expires time.Time
}

// NewMemoryLeases returns an empty in-process lease and checkpoint store.
func NewMemoryLeases() *MemoryLeases {
	return &MemoryLeases{leases: map[string]memLease{}, cps: map[string]time.Time{}}
}

// Acquire takes the seller's lease unless a live one is held.
func (m *MemoryLeases) Acquire(_ context.Context, seller, owner string, ttl time.Duration) (int64, bool, error) {
	if ttl <= 0 {
		return 0, false, invalidArg("", "lease ttl", "must be positive, got %s", ttl)
	}
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.leases[seller]; ok && now.Before(l.expires) {
		return 0, false, nil
	}
	m.next++
	m.leases[seller] = memLease{owner: owner, token: m.next, expires: now.Add(ttl)}
	return m.next, true, nil
}

// Renew extends the lease held with token.
func (m *MemoryLeases) Renew(_ context.Context, seller string, token int64, ttl time.Duration) (bool, error) {
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	l, ok := m.leases[seller]
	if !ok || l.token != token || !now.Before(l.expires) {
		return false, nil
	}
	l.expires = now.Add(ttl)
	m.leases[seller] = l
	return true, nil
}

// Release drops the lease held with token.
func (m *MemoryLeases) Release(_ context.Context, seller string, token int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.leases[seller]; ok && l.token == token {
		delete(m.leases, seller)
	}
	return nil
}

// LoadCheckpoint returns the seller's checkpoint.
func (m *MemoryLeases) LoadCheckpoint(_ context.Context, seller string) (time.Time, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.cps[seller]
	return t, ok, nil
}

// SaveCheckpoint records t while token holds the seller's live lease.
func (m *MemoryLeases) SaveCheckpoint(_ context.Context, seller string, token int64, t time.Time) error {
	now := time.Now()
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.leases[seller]; !ok || l.token != token || !now.Before(l.expires) {
		return fmt.Errorf("%w: %s (token %d)", ErrLeaseLost, seller, token)
	}
	m.cps[seller] = t
	return nil
}

// FleetHandler receives each changed trade of a seller.
type FleetHandler func(ctx context.Context, seller string, t *Trade) error

// FleetOptions configure a Fleet.
type FleetOptions struct {
	// Sellers lists the sellers to sync (required).
	Sellers SellerSource
	// Handler receives the trades (required).
	Handler FleetHandler
	// Sync are the options of every seller's TradeSyncer; PollInterval is
	// how long a caught-up seller waits for its next turn.
	Sync SyncOptions
	// Leases decide which process syncs a seller; nil means an in-process
	// MemoryLeases (one process only).
	Leases LeaseStore
	// Checkpoints keep the sellers' progress; nil means Leases when it is
	// also a CheckpointStore (MemoryLeases and the Redis store are).
	Checkpoints CheckpointStore
	// Owner names this runner in its leases (default host-pid-random).
	Owner string
	// Concurrency is how many sellers this runner syncs at once (default 4).
	Concurrency int
	// LeaseTTL is how long a lease outlives a crashed runner (default 30 s);
	// it is renewed every third of it.
	LeaseTTL time.Duration
	// Rescan is how often the seller list is read again (default 1 min).
	Rescan time.Duration
	// Turn is the longest time one seller keeps a worker while others wait
	// (default 1 min); a seller still behind after it goes to the back of
	// the queue, its checkpoint saved.
	Turn time.Duration
	// OnTurn, if set, is called after each turn (from the worker; keep it
	// short).
	OnTurn func(FleetTurn)
}

// FleetTurn is what one turn of one seller did.
type FleetTurn struct {
	Seller     string
	Token      int64         // the lease's fencing token (0: the lease was not taken)
	Start      time.Time     // when the turn began
	Duration   time.Duration // how long it took
	Checkpoint time.Time     // the seller's checkpoint after the turn
	Lag        time.Duration // how far the checkpoint is behind now
	Trades     int64         // trades handed to the handler
	Calls      int64         // increment calls made
	CaughtUp   bool          // the seller reached now minus the sync lag
	Busy       bool          // another runner held the lease: nothing was done
	Err        error         // what went wrong, if anything (ErrLeaseLost, ...)
}

// SellerStatus is a seller as this runner last saw it.
type SellerStatus struct {
	Nick       string
	Syncing    bool          // this runner is syncing it now
	Checkpoint time.Time     // after the last turn here (zero: none yet)
	Lag        time.Duration // now minus Checkpoint, when known
	LastTurn   time.Time     // end of the last turn here
	Turns      int64
	Trades     int64
	Calls      int64
	Err        string // the last turn's error, if any
}

// FleetStats counts what a Fleet did.
type FleetStats struct {
	Sellers   int   // sellers known from the source
	Syncing   int   // sellers being synced by this runner now
	Turns     int64 // turns that held a lease
	Busy      int64 // turns skipped because another runner held the lease
	LeaseLost int64 // turns stopped because the lease could not be renewed or was lost
	Errors    int64 // turns that ended in another error
	Trades    int64
	Calls     int64
	MaxLag    time.Duration // the largest lag among the sellers with a known checkpoint
	PerSeller []SellerStatus
}

// Fleet syncs the trades of many sellers under one app key, each seller by
// one runner at a time. Run as many Fleets (in as many processes) as needed
// with a shared LeaseStore, CheckpointStore and RateLimiter (the client's):
// they divide the sellers between them through the leases and the app
// key's quota through the limiter, and take over the sellers of a runner
// that died once its leases expire.
//
// Scheduling is round robin: a worker takes the seller whose turn is due
// the longest, syncs it for at most Turn, and puts it back at the end of
// the queue (due at once when still behind, after PollInterval when caught
// up). Serving the seller furthest behind first would let a crowd of
// sellers with long backlogs (a day of onboarding) hold back every seller
// that is up to date; round robin bounds every seller's wait by the time
// one round takes, and a seller with a big backlog still gets a turn every
// round. Within the running turns, the shared limiter hands out calls in
// the order they are asked for.
type Fleet struct {
	client *Client
	opts   FleetOptions
	cps    CheckpointStore

	mu      sync.Mutex
	sellers map[string]*fleetSeller
	wake    chan struct{}

	known, syncing                                   atomic.Int64
	turns, busy, lost, errs, trades, calls, srcFails atomic.Int64
}

type fleetSeller struct {
	seller  Seller
	due     time.Time
	running bool
	removed bool
	cancel  context.CancelFunc // of the running turn
	changed bool               // the session or token source changed since the syncer was made
	syncer  *TradeSyncer
	cp      *fleetCheckpoint
	status  SellerStatus
}

// NewFleet returns a Fleet that calls through c (its app key, limiter and
// settings; each seller gets a session copy of it).
func NewFleet(c *Client, opts *FleetOptions) (*Fleet, error) {
	if c == nil {
		return nil, invalidArg("", "client", "must not be nil")
	}
	if opts == nil {
		return nil, invalidArg("", "fleet options", "must not be nil")
	}
	o := *opts
	switch {
	case o.Sellers == nil:
		return nil, invalidArg("", "Sellers", "must not be nil")
	case o.Handler == nil:
		return nil, invalidArg("", "Handler", "must not be nil")
	case o.Concurrency < 0:
		return nil, invalidArg("", "Concurrency", "%d is negative", o.Concurrency)
	case o.LeaseTTL < 0:
		return nil, invalidArg("", "LeaseTTL", "%s is negative", o.LeaseTTL)
	case o.Rescan < 0:
		return nil, invalidArg("", "Rescan", "%s is negative", o.Rescan)
	case o.Turn < 0:
		return nil, invalidArg("", "Turn", "%s is negative", o.Turn)
	}
	// The syncer options are checked once here rather than at every
	// seller's turn, through the syncer's public API only: a syncer with
	// bad options refuses to start, and with a context already ended a
	// good one stops before any call goes out.
	probe, stop := context.WithCancel(context.Background())
	stop()
	noop := func(context.Context, *Trade) error { return nil }
	if _, err := NewTradeSyncer(c, &MemoryCheckpoint{}, &o.Sync).SyncOnce(probe, noop); errors.Is(err, ErrInvalidArgument) {
		return nil, err
	}
	o.Concurrency = cmp.Or(o.Concurrency, DefaultFleetConcurrency)
	o.LeaseTTL = cmp.Or(o.LeaseTTL, DefaultLeaseTTL)
	o.Rescan = cmp.Or(o.Rescan, DefaultFleetRescan)
	o.Turn = cmp.Or(o.Turn, DefaultFleetTurn)
	o.Sync.PollInterval = cmp.Or(o.Sync.PollInterval, DefaultSyncPollInterval)
	if o.Owner == "" {
		host, _ := os.Hostname()
		o.Owner = host + "-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(rand.Uint64()&0xffffff, 16)
	}
	f := &Fleet{client: c, sellers: map[string]*fleetSeller{}, wake: make(chan struct{}, 1)}
	switch {
	case o.Leases == nil && o.Checkpoints == nil:
		m := NewMemoryLeases()
		o.Leases, f.cps = m, m
	case o.Checkpoints != nil:
		f.cps = o.Checkpoints
	default:
		cps, ok := o.Leases.(CheckpointStore)
		if !ok {
			return nil, invalidArg("", "Checkpoints", "must be set when Leases is not also a CheckpointStore")
		}
		f.cps = cps
	}
	if o.Leases == nil {
		return nil, invalidArg("", "Leases", "must be set with Checkpoints: checkpoints are guarded by the leases' tokens")
	}
	f.opts = o
	return f, nil
}

// Owner returns the name this runner uses in its leases.
func (f *Fleet) Owner() string { return f.opts.Owner }

// Run syncs sellers until ctx ends, then releases its leases and returns
// ctx.Err(). It returns early only when the very first reading of the
// seller list fails; later failures keep the last list and are counted.
func (f *Fleet) Run(ctx context.Context) error {
	if err := f.rescan(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("taobao: fleet: listing the sellers: %w", err)
	}
	var wg sync.WaitGroup
	for range f.opts.Concurrency {
		wg.Go(func() { f.worker(ctx) })
	}
	wg.Go(func() {
		for sleep(ctx, f.opts.Rescan) == nil {
			if err := f.rescan(ctx); err != nil && ctx.Err() == nil {
				f.srcFails.Add(1)
				f.log(ctx, "taobao fleet: listing the sellers failed; keeping the last list", slog.String("error", err.Error()))
			}
		}
	})
	wg.Wait()
	return ctx.Err()
}

// rescan reads the seller list and merges it into the queue: new sellers
// join due at once (in random order, so that runners started together do
// not all reach for the same seller), removed ones leave it and have their
// running turn stopped.
func (f *Fleet) rescan(ctx context.Context) error {
	list, err := f.opts.Sellers.Sellers(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	seen := make(map[string]bool, len(list))
	f.mu.Lock()
	for _, s := range list {
		if isBlank(s.Nick) || (isBlank(s.Session) && s.TokenSource == nil) || seen[s.Nick] {
			continue // no way to call as this seller, or listed twice
		}
		seen[s.Nick] = true
		if fs, ok := f.sellers[s.Nick]; ok {
			if fs.seller.Session != s.Session || !sameTokens(fs.seller.TokenSource, s.TokenSource) {
				fs.changed = true
			}
			fs.seller, fs.removed = s, false
			continue
		}
		jitter := time.Duration(rand.Int64N(int64(time.Second)))
		f.sellers[s.Nick] = &fleetSeller{seller: s, due: now.Add(jitter), status: SellerStatus{Nick: s.Nick}}
	}
	for nick, fs := range f.sellers {
		if seen[nick] {
			continue
		}
		fs.removed = true
		if fs.running {
			fs.cancel()
		} else {
			delete(f.sellers, nick)
		}
	}
	f.known.Store(int64(len(seen)))
	f.mu.Unlock()
	f.signal()
	return nil
}

func (f *Fleet) signal() {
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

// next returns the seller due the longest, or how long until one is due.
func (f *Fleet) next() (*fleetSeller, time.Duration) {
	now := time.Now()
	f.mu.Lock()
	defer f.mu.Unlock()
	var best *fleetSeller
	for _, fs := range f.sellers {
		if fs.running || fs.removed {
			continue
		}
		if best == nil || fs.due.Before(best.due) || (fs.due.Equal(best.due) && fs.seller.Nick < best.seller.Nick) {
			best = fs
		}
	}
	if best == nil {
		return nil, f.opts.Rescan
	}
	if d := best.due.Sub(now); d > 0 {
		return nil, d
	}
	best.running = true
	return best, 0
}

func (f *Fleet) worker(ctx context.Context) {
	for ctx.Err() == nil {
		fs, wait := f.next()
		if fs == nil {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
			case <-f.wake:
			case <-t.C:
			}
			t.Stop()
			continue
		}
		turn := f.turn(ctx, fs)
		f.finish(ctx, fs, turn)
	}
}

// turn takes the seller's lease and syncs it for at most Turn.
func (f *Fleet) turn(ctx context.Context, fs *fleetSeller) FleetTurn {
	nick := fs.seller.Nick
	tr := FleetTurn{Seller: nick, Start: time.Now()}
	token, ok, err := f.opts.Leases.Acquire(ctx, nick, f.opts.Owner, f.opts.LeaseTTL)
	if err != nil || !ok {
		tr.Busy, tr.Err = err == nil, err
		if err != nil {
			tr.Err = fmt.Errorf("taobao: fleet: taking the lease of %s: %w", nick, err)
		}
		return tr
	}
	tr.Token = token
	f.syncing.Add(1)
	defer f.syncing.Add(-1)

	turnCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	f.mu.Lock()
	fs.cancel = cancel
	if fs.syncer == nil || fs.changed {
		// A syncer is kept across turns so that it measures the
		// gateway's clock hourly, not once a turn.
		fs.cp = &fleetCheckpoint{store: f.cps, seller: fs.seller}
		fs.syncer = NewTradeSyncer(f.sellerClient(fs.seller), fs.cp, &f.opts.Sync)
		fs.changed = false
	}
	cp, syncer := fs.cp, fs.syncer
	f.mu.Unlock()
	cp.begin(token, tr.Start.Add(f.opts.Turn), cancel)

	lost := make(chan error, 1)
	renewDone := make(chan struct{})
	go func() {
		defer close(renewDone)
		every := f.opts.LeaseTTL / 3
		for sleep(turnCtx, every) == nil {
			err := f.renew(turnCtx, nick, token, every)
			if turnCtx.Err() != nil {
				return
			}
			if err != nil {
				lost <- err
				cancel() // a lease that cannot be renewed may pass to another runner: stop now
				return
			}
		}
	}()

	before := syncer.Stats()
	h := func(ctx context.Context, t *Trade) error { return f.opts.Handler(ctx, nick, t) }
	reached, err := syncer.SyncOnce(turnCtx, h)
	cancel()
	<-renewDone
	after := syncer.Stats()
	tr.Trades, tr.Calls = after.Trades-before.Trades, after.Calls-before.Calls

	// Release even when ctx ended (shutdown), so that another runner can
	// take over at once rather than after the lease expires.
	relCtx, relCancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	if rerr := f.opts.Leases.Release(relCtx, nick, token); rerr != nil {
		f.log(ctx, "taobao fleet: releasing a lease failed; it will expire", slog.String("seller", nick), slog.String("error", rerr.Error()))
	}
	relCancel()

	if !reached.IsZero() {
		tr.Checkpoint = reached
		tr.Lag = time.Since(reached)
	}
	select {
	case lerr := <-lost:
		tr.Err = lerr
	default:
		switch {
		case err == nil:
			tr.CaughtUp = true
		case errors.Is(err, ErrLeaseLost):
			tr.Err = err
		case cp.outOfTime.Load() && ctx.Err() == nil:
			// The turn's time is up; the checkpoint was saved.
		case ctx.Err() != nil:
		default:
			tr.Err = err
		}
	}
	tr.Duration = time.Since(tr.Start)
	return tr
}

// renew extends the seller's lease, or returns an error matching
// ErrLeaseLost when the store refuses or does not answer within wait. A
// renewal is started a third of the lease after the last one, so giving up
// after another third stops the turn while a third of the lease is left,
// before it can pass to another runner, even with a store that hangs and
// ignores ctx.
func (f *Fleet) renew(ctx context.Context, nick string, token int64, wait time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	type result struct {
		ok  bool
		err error
	}
	done := make(chan result, 1)
	go func() {
		ok, err := f.opts.Leases.Renew(ctx, nick, token, f.opts.LeaseTTL)
		done <- result{ok, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	switch {
	case r.err != nil:
		return fmt.Errorf("%w: renewing it failed: %w", ErrLeaseLost, r.err)
	case !r.ok:
		return ErrLeaseLost
	}
	return nil
}

// finish records a turn and puts the seller back in the queue.
func (f *Fleet) finish(ctx context.Context, fs *fleetSeller, tr FleetTurn) {
	now := time.Now()
	f.mu.Lock()
	fs.running, fs.cancel = false, nil
	st := &fs.status
	if fs.removed && tr.Err != nil && errors.Is(tr.Err, context.Canceled) {
		tr.Err = nil // stopped because the seller left the list
	}
	switch {
	case tr.Busy:
		f.busy.Add(1)
		// Someone else syncs it; look again within half a lease, so that
		// the seller of a crashed runner is picked up soon after its lease
		// expires.
		fs.due = now.Add(f.opts.LeaseTTL/2 + time.Duration(rand.Int64N(int64(f.opts.LeaseTTL/4)+1)))
	case tr.Token == 0: // the lease store failed
		f.errs.Add(1)
		fs.due = now.Add(min(f.opts.LeaseTTL, f.opts.Sync.PollInterval))
	default:
		f.turns.Add(1)
		f.trades.Add(tr.Trades)
		f.calls.Add(tr.Calls)
		st.Turns++
		st.Trades += tr.Trades
		st.Calls += tr.Calls
		st.LastTurn = now
		if !tr.Checkpoint.IsZero() {
			st.Checkpoint, st.Lag = tr.Checkpoint, tr.Lag
		}
		switch {
		case errors.Is(tr.Err, ErrLeaseLost):
			f.lost.Add(1)
			fs.due = now.Add(f.opts.LeaseTTL / 2)
		case tr.Err != nil:
			f.errs.Add(1)
			fs.due = now.Add(f.opts.Sync.PollInterval)
		case tr.CaughtUp:
			fs.due = now.Add(f.opts.Sync.PollInterval)
		default:
			fs.due = now // still behind: back of the queue
		}
	}
	st.Err = ""
	if tr.Err != nil {
		st.Err = tr.Err.Error()
	}
	if fs.removed {
		delete(f.sellers, fs.seller.Nick)
	}
	f.mu.Unlock()
	f.signal()
	if tr.Err != nil && ctx.Err() == nil {
		f.log(ctx, "taobao fleet: turn failed", slog.String("seller", tr.Seller), slog.String("error", tr.Err.Error()))
	}
	if f.opts.OnTurn != nil && ctx.Err() == nil {
		f.opts.OnTurn(tr)
	}
}

// Stats returns what the runner has done so far, with each seller's lag.
func (f *Fleet) Stats() FleetStats {
	st := FleetStats{
		Sellers: int(f.known.Load()), Syncing: int(f.syncing.Load()),
		Turns: f.turns.Load(), Busy: f.busy.Load(), LeaseLost: f.lost.Load(), Errors: f.errs.Load(),
		Trades: f.trades.Load(), Calls: f.calls.Load(),
	}
	now := time.Now()
	f.mu.Lock()
	for _, fs := range f.sellers {
		s := fs.status
		s.Syncing = fs.running && fs.cp != nil && fs.cp.token.Load() != 0
		if !s.Checkpoint.IsZero() {
			s.Lag = now.Sub(s.Checkpoint)
			st.MaxLag = max(st.MaxLag, s.Lag)
		}
		st.PerSeller = append(st.PerSeller, s)
	}
	f.mu.Unlock()
	slices.SortFunc(st.PerSeller, func(a, b SellerStatus) int { return cmp.Compare(a.Nick, b.Nick) })
	return st
}

// sellerClient returns a copy of the fleet's client that calls as s.
func (f *Fleet) sellerClient(s Seller) *Client {
	if s.TokenSource != nil {
		return f.client.WithTokenSource(s.TokenSource)
	}
	return f.client.WithSession(s.Session)
}

func (f *Fleet) log(ctx context.Context, msg string, attrs ...slog.Attr) {
	if l := f.client.cfg.logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, msg, append(attrs, slog.String("owner", f.opts.Owner))...)
	}
}

// sameTokens reports whether a and b are the same token source; sources
// that cannot be compared count as different.
func sameTokens(a, b oauth2.TokenSource) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	return va.Type() == vb.Type() && va.Comparable() && a == b
}

// fleetCheckpoint is a seller's Checkpoint for its TradeSyncer: it saves
// with the current turn's lease token, and ends the turn after the first
// save past the turn's deadline (between two windows, so nothing read is
// thrown away).
type fleetCheckpoint struct {
	store  CheckpointStore
	seller Seller

	token     atomic.Int64
	mu        sync.Mutex
	deadline  time.Time
	stop      context.CancelFunc
	outOfTime atomic.Bool
}

func (c *fleetCheckpoint) begin(token int64, deadline time.Time, stop context.CancelFunc) {
	c.mu.Lock()
	c.deadline, c.stop = deadline, stop
	c.mu.Unlock()
	c.outOfTime.Store(false)
	c.token.Store(token)
}

func (c *fleetCheckpoint) Load(ctx context.Context) (time.Time, bool, error) {
	return c.store.LoadCheckpoint(ctx, c.seller.Nick)
}

func (c *fleetCheckpoint) Save(ctx context.Context, t time.Time) error {
	if err := c.store.SaveCheckpoint(ctx, c.seller.Nick, c.token.Load(), t); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !time.Now().Before(c.deadline) {
		c.outOfTime.Store(true)
		c.stop()
	}
	return nil
}
