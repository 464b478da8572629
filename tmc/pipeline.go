package tmc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toptrade/taobao"
)

// Pipeline defaults.
const (
	// DefaultCoalesce is how long an event waits for more events of its
	// trade before the trade is fetched.
	DefaultCoalesce = 50 * time.Millisecond
	// DefaultSettle is how long after a trade's modified stamp a fetch
	// must start to be sure it holds every change stamped with that
	// second (modified has a resolution of a second; one more second
	// covers a small clock difference with the gateway).
	DefaultSettle = 2 * time.Second
	// DefaultSlowPoll is the syncers' wait between catch-ups while the
	// channel is healthy.
	DefaultSlowPoll = 10 * time.Minute
	// DefaultMaxLag is how far behind the channel may deliver before the
	// syncers poll at full rate.
	DefaultMaxLag = time.Minute
	// DefaultMaxTracked is how many trades a Pipeline remembers the last
	// handed version of.
	DefaultMaxTracked = 1 << 20
)

// Seller is one seller a Pipeline serves.
type Seller struct {
	// Nick is the seller's nick, as the channel's messages name it.
	Nick string
	// Client calls the gateway with the seller's session; it fetches the
	// trades events name (taobao.trade.fullinfo.get).
	Client *taobao.Client
	// Syncer is the seller's safety net: it keeps running, slowly while
	// the channel is healthy, at full rate while it is not. Nil runs the
	// seller on events alone.
	Syncer *taobao.TradeSyncer
}

// PipelineOptions configure a Pipeline. The zero value is usable.
type PipelineOptions struct {
	// Fields are the trade fields fetched for an event (empty: every field
	// taobao.trade.fullinfo.get returns by default). The syncers hand on
	// the trades of their own SyncOptions.Fields: give both the same list
	// for the handler to see one shape.
	Fields []string
	// Coalesce is how long an event waits for others of its trade, so
	// that a burst (created, paid, shipped) costs one fetch (default
	// DefaultCoalesce; negative: no wait).
	Coalesce time.Duration
	// Settle is how long after a trade's modified stamp a fetch must
	// start to be known to hold every change of that second (default
	// DefaultSettle). A trade fetched earlier is fetched once more then,
	// and handed on again only if it changed.
	Settle time.Duration
	// SlowPoll is the syncers' wait between catch-ups while the channel
	// is connected and on time (default DefaultSlowPoll).
	SlowPoll time.Duration
	// FastPoll is their wait while the channel is disconnected, has
	// reconnected since the last catch-up, or lags (default
	// taobao.DefaultSyncPollInterval).
	FastPoll time.Duration
	// MaxLag is the channel's lag beyond which the syncers poll at full
	// rate, judged on the newest first delivery: its send time (outtime)
	// minus its publication time, both the channel's clock (default
	// DefaultMaxLag).
	MaxLag time.Duration
	// TrustSyncer hands on the syncers' trades as they found them. By
	// default a version only a syncer found is fetched again with Fields
	// first (one call per version the channel missed), so that the
	// handler sees one shape; set it when SyncOptions.Fields already hold
	// everything the handler needs.
	TrustSyncer bool
	// MaxTracked bounds the trades whose last handed version is kept for
	// dropping duplicates (default DefaultMaxTracked); beyond it the
	// oldest entries are forgotten, and their next version is handed on
	// whatever it is.
	MaxTracked int
	// OnDrop is told of a message that can never be handled (unreadable
	// content, a trade that does not exist or may not be read): it is
	// confirmed, so that it does not come back forever. Nil logs it.
	OnDrop func(ctx context.Context, m *Message, err error)
	// OnMessage, if set, is told of every message as it arrives, before
	// it is handled (for logs and metrics); it must not keep m.
	OnMessage func(m *Message)
	// Logger receives the pipeline's warnings (nil: none).
	Logger *slog.Logger
}

// PipelineStats counts what a Pipeline did.
type PipelineStats struct {
	Events     int64 // messages received
	Fetches    int64 // taobao.trade.fullinfo.get calls, settle fetches included
	Settles    int64 // fetches made again because the first came within Settle of the change
	Handed     int64 // trades handed to the handler
	FromSyncer int64 // of them, versions the syncers found first
	Duplicates int64 // versions dropped as already handed
	Stale      int64 // versions dropped as older than one already handed
	Ignored    int64 // messages of other topics or sellers, confirmed untouched
	Dropped    int64 // messages that can never be handled (see OnDrop)
	Restarts   int64 // syncer runs restarted after an error
}

// Pipeline joins the message channel and the incremental syncers into one
// stream of trades for one taobao.TradeHandler: an event fetches its trade
// at once, and the syncers keep running as the safety net for what the
// channel loses, late or never delivers.
//
// Trade events and refund events (which change the refunded trade) fetch
// the trade they name; events of one trade that arrive together are
// coalesced into one fetch. A message is confirmed only after the trade it
// names, fetched after it arrived, was handed on (or found to be a
// version already handed); when the fetch or the handler fails, it is
// reported failed and the channel delivers it again later.
//
// The handler sees each version once, whichever source found it first:
// a version is the trade's modified time, and for two versions of the
// same second the content. For one trade the handler is never called
// twice at once and never sees an older modified after a newer one
// (within the last MaxTracked trades); different trades are handled
// concurrently. Messages of sellers not in the pipeline's list, and of
// topics other than trades and refunds, are confirmed untouched (Ignored):
// a process that serves some sellers only should have its own group
// (AddGroup, WithGroup). After a restart the memory of handed versions is
// gone:
// handlers must still be idempotent and keep the version with the newest
// modified (replace on an equal one).
type Pipeline struct {
	consumer *Consumer
	sellers  map[string]*Seller
	opts     PipelineOptions
	running  atomic.Bool

	mu    sync.Mutex
	tids  map[int64]*tidState
	last  map[int64]version
	order []int64 // tids of last, oldest first (a ring of MaxTracked)
	head  int

	lagNs, lagAt atomic.Int64 // the newest first delivery's lag, and when it came (Unix ns)

	events, fetches, settles, handed, fromSyncer, dups, stale, ignored, dropped, restarts atomic.Int64
}

// tidState serializes the work on one trade: lock is held while a version
// is fetched and handed; next is the fetch new events join until it
// starts.
type tidState struct {
	lock  chan struct{}
	next  *batch
	users int
}

type batch struct {
	done chan struct{}
	err  error
}

// version is the last version of a trade handed on.
type version struct {
	modified int64 // Unix seconds
	fp       uint64
	settled  bool // read late enough to hold every change of its second
}

// NewPipeline returns a pipeline of the consumer's messages and the
// sellers' syncers. Every seller needs a nick and a client; nicks must
// differ.
func NewPipeline(consumer *Consumer, sellers []Seller, opts *PipelineOptions) (*Pipeline, error) {
	if consumer == nil {
		return nil, errors.New("tmc: NewPipeline: nil consumer")
	}
	p := &Pipeline{consumer: consumer, sellers: map[string]*Seller{}, tids: map[int64]*tidState{}, last: map[int64]version{}}
	if opts != nil {
		p.opts = *opts
		p.opts.Fields = append([]string(nil), opts.Fields...)
	}
	for i := range sellers {
		s := sellers[i]
		switch {
		case s.Nick == "":
			return nil, fmt.Errorf("tmc: NewPipeline: seller %d has no nick", i)
		case s.Client == nil:
			return nil, fmt.Errorf("tmc: NewPipeline: seller %q has no client", s.Nick)
		case p.sellers[s.Nick] != nil:
			return nil, fmt.Errorf("tmc: NewPipeline: seller %q listed twice", s.Nick)
		}
		p.sellers[s.Nick] = &s
	}
	o := &p.opts
	for _, d := range []struct {
		name string
		v    *time.Duration
		def  time.Duration
	}{{"Settle", &o.Settle, DefaultSettle}, {"SlowPoll", &o.SlowPoll, DefaultSlowPoll},
		{"FastPoll", &o.FastPoll, taobao.DefaultSyncPollInterval}, {"MaxLag", &o.MaxLag, DefaultMaxLag}} {
		if *d.v < 0 {
			return nil, fmt.Errorf("tmc: NewPipeline: %s %v is negative", d.name, *d.v)
		}
		if *d.v == 0 {
			*d.v = d.def
		}
	}
	if o.Coalesce == 0 {
		o.Coalesce = DefaultCoalesce
	}
	if o.MaxTracked < 0 {
		return nil, fmt.Errorf("tmc: NewPipeline: MaxTracked %d is negative", o.MaxTracked)
	}
	if o.MaxTracked == 0 {
		o.MaxTracked = DefaultMaxTracked
	}
	return p, nil
}

// Stats returns the pipeline's counters.
func (p *Pipeline) Stats() PipelineStats {
	return PipelineStats{
		Events: p.events.Load(), Fetches: p.fetches.Load(), Settles: p.settles.Load(), Handed: p.handed.Load(),
		FromSyncer: p.fromSyncer.Load(), Duplicates: p.dups.Load(), Stale: p.stale.Load(),
		Ignored: p.ignored.Load(), Dropped: p.dropped.Load(), Restarts: p.restarts.Load(),
	}
}

// Healthy reports whether the channel is connected and on time: the
// syncers then poll at SlowPoll.
func (p *Pipeline) Healthy() bool {
	if !p.consumer.Stats().Connected {
		return false
	}
	lag := time.Duration(p.lagNs.Load())
	at := time.Unix(0, p.lagAt.Load())
	return lag <= p.opts.MaxLag || time.Since(at) > p.opts.SlowPoll
}

// Run runs the consumer and every seller's syncer, handing trades to h,
// until ctx ends; it returns ctx.Err() once everything it started has
// stopped. A syncer that stops with an error (its handler failed, its
// session expired) is logged and started again after FastPoll. A Pipeline
// runs once at a time.
func (p *Pipeline) Run(ctx context.Context, h taobao.TradeHandler) error {
	if h == nil {
		return errors.New("tmc: Pipeline.Run: nil handler")
	}
	if !p.running.CompareAndSwap(false, true) {
		return errors.New("tmc: Pipeline.Run: already running")
	}
	defer p.running.Store(false)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var consumerErr error
	wg.Go(func() {
		consumerErr = p.consumer.Run(ctx, func(ctx context.Context, m *Message) error { return p.onMessage(ctx, &wg, h, m) })
		cancel()
	})
	for _, s := range p.sellers {
		if s.Syncer != nil {
			wg.Go(func() { p.runSyncer(ctx, &wg, s, h) })
		}
	}
	<-ctx.Done()
	wg.Wait()
	if consumerErr != nil && !errors.Is(consumerErr, context.Canceled) && !errors.Is(consumerErr, context.DeadlineExceeded) {
		return consumerErr
	}
	return ctx.Err()
}

func (p *Pipeline) warn(msg string, args ...any) {
	if p.opts.Logger != nil {
		p.opts.Logger.Warn(msg, args...)
	}
}

// runSyncer runs a seller's syncer paced by the channel's health, and
// starts it again after an error.
func (p *Pipeline) runSyncer(ctx context.Context, wg *sync.WaitGroup, s *Seller, h taobao.TradeHandler) {
	handle := func(ctx context.Context, t *taobao.Trade) error { return p.fromSync(ctx, wg, h, s, t) }
	for {
		err := s.Syncer.RunPaced(ctx, handle, p.wait)
		if ctx.Err() != nil {
			return
		}
		p.restarts.Add(1)
		p.warn("tmc: pipeline: a syncer stopped; starting it again", "seller", s.Nick, "err", err, "after", p.opts.FastPoll)
		if !sleep(ctx, p.opts.FastPoll) {
			return
		}
	}
}

// wait is the syncers' wait between catch-ups: SlowPoll while the channel
// is healthy, cut short to FastPoll as soon as it is not, or when it
// reconnected meanwhile (it may have lost what was sent while down).
func (p *Pipeline) wait(ctx context.Context) error {
	start := time.Now()
	connects := p.consumer.Stats().Connects
	step := max(p.opts.FastPoll/8, 10*time.Millisecond)
	for {
		iv := p.opts.SlowPoll
		if !p.Healthy() || p.consumer.Stats().Connects != connects {
			iv = p.opts.FastPoll
		}
		left := iv - time.Since(start)
		if left <= 0 {
			return nil
		}
		if !sleep(ctx, min(left, step)) {
			return ctx.Err()
		}
	}
}

// onMessage handles one message of the channel.
func (p *Pipeline) onMessage(ctx context.Context, wg *sync.WaitGroup, h taobao.TradeHandler, m *Message) error {
	p.events.Add(1)
	if p.opts.OnMessage != nil {
		p.opts.OnMessage(m)
	}
	if m.Retried == 0 && !m.Sent.IsZero() && !m.Published.IsZero() {
		p.lagNs.Store(int64(max(m.Sent.Sub(m.Published), 0)))
		p.lagAt.Store(time.Now().UnixNano())
	}
	if !IsTradeTopic(m.Topic) && !IsRefundTopic(m.Topic) {
		p.ignored.Add(1)
		return nil
	}
	ev, err := ParseEvent(m)
	if err != nil {
		p.drop(ctx, m, err)
		return nil
	}
	var tid int64
	nick := m.Nick
	switch e := ev.(type) {
	case *TradeEvent:
		tid = e.Tid
		if nick == "" {
			nick = e.SellerNick
		}
	case *RefundEvent:
		tid = e.Tid
		if nick == "" {
			nick = e.SellerNick
		}
	}
	s := p.sellers[nick]
	if s == nil || tid <= 0 {
		p.ignored.Add(1)
		return nil
	}
	err = p.request(ctx, wg, h, s, tid)
	var fe *fetchError
	if errors.As(err, &fe) && fe.permanent() {
		p.drop(ctx, m, err)
		return nil
	}
	return err
}

func (p *Pipeline) drop(ctx context.Context, m *Message, err error) {
	p.dropped.Add(1)
	if p.opts.OnDrop != nil {
		p.opts.OnDrop(ctx, m, err)
		return
	}
	p.warn("tmc: pipeline: message cannot be handled; confirmed", "id", m.ID, "topic", m.Topic, "err", err)
}

// fetchError is a failed fetch of a trade.
type fetchError struct{ err error }

func (e *fetchError) Error() string { return e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

// permanent reports a fetch no retry can mend: the trade does not exist
// for the seller, or may not be read.
func (e *fetchError) permanent() bool {
	return errors.Is(e.err, taobao.ErrNotFound) || errors.Is(e.err, taobao.ErrInvalidArgument) ||
		errors.Is(e.err, taobao.ErrPermissionDenied)
}

// enter returns the trade's state, counting the caller as a user of it.
func (p *Pipeline) enter(tid int64) *tidState {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.tids[tid]
	if st == nil {
		st = &tidState{lock: make(chan struct{}, 1)}
		p.tids[tid] = st
	}
	st.users++
	return st
}

func (p *Pipeline) leave(tid int64, st *tidState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if st.users--; st.users == 0 {
		delete(p.tids, tid)
	}
}

func lock(ctx context.Context, st *tidState) bool {
	select {
	case st.lock <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// request fetches the trade and hands it on, joining a fetch of the same
// trade that has not started yet; it returns once a fetch that started
// after the call did.
func (p *Pipeline) request(ctx context.Context, wg *sync.WaitGroup, h taobao.TradeHandler, s *Seller, tid int64) error {
	st := p.enter(tid)
	defer p.leave(tid, st)
	p.mu.Lock()
	b := st.next
	runner := b == nil
	if runner {
		b = &batch{done: make(chan struct{})}
		st.next = b
	}
	p.mu.Unlock()
	if !runner {
		select {
		case <-b.done:
			return b.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	b.err = p.run(ctx, wg, h, s, tid, st, b)
	close(b.done)
	return b.err
}

// run is the fetch of batch b: it waits for the burst, then for the
// trade's lock, then closes the batch to newcomers and fetches.
func (p *Pipeline) run(ctx context.Context, wg *sync.WaitGroup, h taobao.TradeHandler, s *Seller, tid int64, st *tidState, b *batch) error {
	start := func() {
		p.mu.Lock()
		if st.next == b {
			st.next = nil
		}
		p.mu.Unlock()
	}
	if p.opts.Coalesce > 0 && !sleep(ctx, p.opts.Coalesce) {
		start()
		return ctx.Err()
	}
	if !lock(ctx, st) {
		start()
		return ctx.Err()
	}
	defer func() { <-st.lock }()
	start()
	at := time.Now()
	p.fetches.Add(1)
	t, err := s.Client.Trades.FullInfo(ctx, tid, &taobao.TradeGetOptions{Fields: p.opts.Fields})
	if err != nil {
		return &fetchError{err}
	}
	settled := !at.Before(t.Modified.Add(p.opts.Settle))
	if err := p.offer(ctx, h, t, settled, false); err != nil {
		return err
	}
	if !settled && t.Modified.Unix() > 0 {
		p.settle(ctx, wg, h, s, tid, t.Modified.Add(p.opts.Settle))
	}
	return nil
}

// settle fetches the trade again at when, for a change made in the same
// second as the version just handed.
func (p *Pipeline) settle(ctx context.Context, wg *sync.WaitGroup, h taobao.TradeHandler, s *Seller, tid int64, when time.Time) {
	wg.Go(func() {
		if !sleep(ctx, time.Until(when)) {
			return
		}
		for attempt := 1; ; attempt++ {
			p.settles.Add(1)
			err := p.request(ctx, wg, h, s, tid)
			var fe *fetchError
			if err == nil || ctx.Err() != nil || (errors.As(err, &fe) && fe.permanent()) {
				return
			}
			if attempt == 5 {
				p.warn("tmc: pipeline: fetching a trade again failed; the syncer will see later changes", "tid", tid, "err", err)
				return
			}
			if !sleep(ctx, time.Duration(attempt)*p.opts.Settle) {
				return
			}
		}
	})
}

// fromSync hands on a new version the syncer found, under the trade's
// lock: fetched again with Fields (unless TrustSyncer), so that the
// handler sees one shape whichever source found the version. A version
// already handed, or older, is dropped: when the last one handed was read
// within its second, its settle fetch is on the way.
func (p *Pipeline) fromSync(ctx context.Context, wg *sync.WaitGroup, h taobao.TradeHandler, s *Seller, t *taobao.Trade) error {
	tid := int64(t.Tid)
	st := p.enter(tid)
	defer p.leave(tid, st)
	if !lock(ctx, st) {
		return ctx.Err()
	}
	defer func() { <-st.lock }()
	p.mu.Lock()
	last, ok := p.last[tid]
	p.mu.Unlock()
	if mod := t.Modified.Unix(); ok && mod <= last.modified {
		if mod < last.modified {
			p.stale.Add(1)
		} else {
			p.dups.Add(1)
		}
		return nil
	}
	if p.opts.TrustSyncer {
		return p.offer(ctx, h, t, true, true)
	}
	at := time.Now()
	p.fetches.Add(1)
	f, err := s.Client.Trades.FullInfo(ctx, tid, &taobao.TradeGetOptions{Fields: p.opts.Fields})
	if err != nil {
		if fe := (&fetchError{err}); fe.permanent() {
			// Gone or unreadable by now: the syncer's copy is all there is.
			return p.offer(ctx, h, t, true, true)
		}
		return err
	}
	settled := !at.Before(f.Modified.Add(p.opts.Settle))
	if err := p.offer(ctx, h, f, settled, true); err != nil {
		return err
	}
	if !settled && f.Modified.Unix() > 0 {
		p.settle(ctx, wg, h, s, tid, f.Modified.Add(p.opts.Settle))
	}
	return nil
}

// offer hands t on unless a version as new was handed already. The caller
// holds the trade's lock.
func (p *Pipeline) offer(ctx context.Context, h taobao.TradeHandler, t *taobao.Trade, settled, synced bool) error {
	tid := int64(t.Tid)
	v := version{modified: t.Modified.Unix(), fp: fingerprint(t), settled: settled}
	if t.Modified.IsZero() {
		v.modified = 0
	}
	p.mu.Lock()
	last, ok := p.last[tid]
	p.mu.Unlock()
	if ok {
		switch {
		case v.modified < last.modified:
			p.stale.Add(1)
			return nil
		case v.modified == last.modified && (last.fp == v.fp || last.settled):
			if settled && !last.settled && last.fp == v.fp {
				p.remember(tid, version{modified: last.modified, fp: last.fp, settled: true})
			}
			p.dups.Add(1)
			return nil
		}
	}
	if err := h(ctx, t); err != nil {
		return err
	}
	p.handed.Add(1)
	if synced {
		p.fromSyncer.Add(1)
	}
	p.remember(tid, v)
	return nil
}

// remember records the last version handed of a trade, forgetting the
// oldest trade beyond MaxTracked.
func (p *Pipeline) remember(tid int64, v version) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.last[tid]; !ok {
		if len(p.order) < p.opts.MaxTracked {
			p.order = append(p.order, tid)
		} else {
			delete(p.last, p.order[p.head])
			p.order[p.head] = tid
			p.head = (p.head + 1) % len(p.order)
		}
	}
	p.last[tid] = v
}

// fingerprint tells two contents of a trade apart.
func fingerprint(t *taobao.Trade) uint64 {
	b, err := json.Marshal(t)
	if err != nil {
		return 0
	}
	h := fnv.New64a()
	_, _ = h.Write(b)
	return h.Sum64()
}
