// Command events follows a seller's orders in real time: it holds the
// message channel (TMC) open, fetches each trade an event names, and runs
// the incremental syncer beside it as the safety net, all through one
// tmc.Pipeline into a local store of trades. It prints each event as it
// arrives, with its latency (from the change to its arrival here), and
// each trade handed to the store.
//
//	go run ./examples/events                 # against the built-in fake, with a simulated shop
//	go run ./examples/events -trades 50 -sellers 3
//
// Against the built-in fake (the default), a simulator buys, pays, ships,
// finishes, refunds and closes trades of every seller, and at the end the
// program prints a summary that compares its store with the fake's ground
// truth, and the latency's median and 99th percentile. It exits with an
// error if a trade's final version is missing from the store.
//
// With TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION set it
// follows a real seller instead (TAOBAO_SELLER_NICK names the seller the
// session belongs to; TAOBAO_TMC_URL and TAOBAO_BASE_URL override the
// production addresses) until -duration ends or Ctrl-C. The seller is
// subscribed first (taobao.tmc.user.permit, every topic of the app).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/signal"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "events:", err)
		os.Exit(1)
	}
}

type config struct {
	trades, sellers int
	duration        time.Duration
	seed            uint64
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg config
	fs.IntVar(&cfg.trades, "trades", 20, "trades the simulator makes (fake only)")
	fs.IntVar(&cfg.sellers, "sellers", 2, "sellers of the fake")
	fs.DurationVar(&cfg.duration, "duration", 0, "stop after this long (0: when the simulation is done; real channel: until Ctrl-C)")
	fs.Uint64Var(&cfg.seed, "seed", 1, "seed of the simulation")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	case cfg.trades < 1 || cfg.sellers < 1:
		return errors.New("-trades and -sellers must be at least 1")
	case cfg.duration < 0:
		return errors.New("-duration must not be negative")
	}
	if cfg.duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.duration)
		defer cancel()
	}
	if getenv("TAOBAO_APP_KEY") != "" || getenv("TAOBAO_APP_SECRET") != "" || getenv("TAOBAO_SESSION") != "" {
		return runReal(ctx, getenv, stdout)
	}
	return runFake(ctx, cfg, stdout)
}

// store is the program's copy of the trades: the newest modified wins.
type store struct {
	mu     sync.Mutex
	trades map[int64]taobao.Trade
	calls  int
	out    io.Writer
}

func (s *store) handle(_ context.Context, t *taobao.Trade) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	tid := int64(t.Tid)
	if old, ok := s.trades[tid]; ok && t.Modified.Before(old.Modified.Time) {
		return nil // an older version: keep the stored one
	}
	s.trades[tid] = *t
	fmt.Fprintf(s.out, "  stored  %d %-26s modified %s\n", tid, t.Status, t.Modified.Format(taobao.TimeLayout))
	return nil
}

// latencies keeps the latency of each first delivery.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
}

func (l *latencies) quantile(q float64) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.d) == 0 {
		return 0
	}
	d := slices.Clone(l.d)
	slices.Sort(d)
	return d[min(int(q*float64(len(d))), len(d)-1)]
}

// onMessage prints an event as it arrives.
func onMessage(out io.Writer, lat *latencies) func(m *tmc.Message) {
	return func(m *tmc.Message) {
		d := time.Since(m.Published)
		if m.Retried == 0 && !m.Published.IsZero() {
			lat.add(d)
		}
		tid := int64(0)
		if ev, err := tmc.ParseEvent(m); err == nil {
			switch e := ev.(type) {
			case *tmc.TradeEvent:
				tid = e.Tid
			case *tmc.RefundEvent:
				tid = e.Tid
			}
		}
		fmt.Fprintf(out, "event %-42s %-16s tid %d latency %v retried %d\n", m.Topic, m.Nick, tid, d.Round(time.Millisecond), m.Retried)
	}
}

func runFake(ctx context.Context, cfg config, w io.Writer) error {
	out := &lockedWriter{w: w} // the simulator, the events and the store print at once
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellerCount(cfg.sellers))
	defer srv.Close()
	nicks := srv.Sellers()
	fmt.Fprintf(out, "fake gateway %s, channel %s, sellers %v\n", srv.URL, srv.TMCURL(), nicks)

	var sellers []tmc.Seller
	for _, nick := range nicks {
		c := srv.Client(srv.NewSession(nick))
		if err := tmc.Permit(ctx, c, ""); err != nil {
			return err
		}
		sellers = append(sellers, tmc.Seller{Nick: nick, Client: c, Syncer: taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{},
			&taobao.SyncOptions{Since: time.Now().Add(-time.Minute), Lag: 3 * time.Second})})
	}
	consumer, err := tmc.NewConsumer(srv.AppKey, srv.AppSecret, tmc.WithURL(srv.TMCURL()), tmc.WithPullInterval(time.Second))
	if err != nil {
		return err
	}
	lat := &latencies{}
	st := &store{trades: map[int64]taobao.Trade{}, out: out}
	p, err := tmc.NewPipeline(consumer, sellers, &tmc.PipelineOptions{
		OnMessage: onMessage(out, lat), FastPoll: 5 * time.Second, SlowPoll: time.Minute})
	if err != nil {
		return err
	}
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- p.Run(pctx, st.handle) }()
	for !consumer.Stats().Connected {
		if !sleep(ctx, 10*time.Millisecond) {
			return ctx.Err()
		}
	}

	simErr := simulate(ctx, srv, nicks, cfg, out)
	// Wait until the store agrees with the fake (or the context ends).
	match, total := compare(srv, nicks, st)
	for match < total && sleep(ctx, 100*time.Millisecond) {
		match, total = compare(srv, nicks, st)
	}
	stop()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	ps := p.Stats()
	st.mu.Lock()
	stored, calls := len(st.trades), st.calls
	st.mu.Unlock()
	fmt.Fprintf(out, "summary: store %d trades, ground truth %d, matching %d/%d; events %d, fetches %d, handler calls %d (%d found by the syncer), duplicates dropped %d; latency p50 %v p99 %v\n",
		stored, total, match, total, ps.Events, ps.Fetches, calls, ps.FromSyncer, ps.Duplicates,
		lat.quantile(0.5).Round(time.Millisecond), lat.quantile(0.99).Round(time.Millisecond))
	if simErr != nil {
		return simErr
	}
	if match < total {
		return fmt.Errorf("%d of %d trades differ from the fake's", total-match, total)
	}
	return nil
}

// simulate plays a shop: each trade is bought, then paid, then shipped,
// then finished, refunded or closed, the steps of all trades interleaved.
func simulate(ctx context.Context, srv *taobaotest.Server, nicks []string, cfg config, out io.Writer) error {
	rng := rand.New(rand.NewPCG(cfg.seed, 0x6576))
	type live struct {
		tid, oid int64
		step     int
	}
	var active []*live
	made := 0
	for made < cfg.trades || len(active) > 0 {
		if made < cfg.trades && (len(active) == 0 || rng.IntN(3) == 0) {
			pay := taobao.Money(100 + rng.Int64N(50000))
			t := srv.AddTrade(nicks[made%len(nicks)], taobao.Trade{
				Status: taobao.TradeStatusWaitBuyerPay, Payment: pay, ShippingType: taobao.ShippingTypeExpress,
				Orders: []taobao.Order{{Status: taobao.OrderStatusWaitBuyerPay, Title: "simulated item", Payment: pay}},
			})
			active = append(active, &live{tid: int64(t.Tid), oid: int64(t.Orders[0].Oid)})
			made++
			fmt.Fprintf(out, "sim: buy    %d\n", int64(t.Tid))
		} else {
			i := rng.IntN(len(active))
			l := active[i]
			l.step++
			var err error
			var what string
			switch l.step {
			case 1:
				what, err = "pay", srv.PayTrade(l.tid)
			case 2:
				what, err = "ship", srv.ShipTrade(l.tid, "SF", "")
			default:
				switch rng.IntN(3) {
				case 0:
					what, err = "refund", srv.RefundOrder(l.tid, l.oid, taobao.RefundStatusSuccess)
				case 1:
					what, err = "close", srv.CloseTrade(l.tid)
				default:
					what, err = "finish", srv.FinishTrade(l.tid)
				}
				active = slices.Delete(active, i, i+1)
			}
			if err != nil {
				return fmt.Errorf("simulator: %s %d: %w", what, l.tid, err)
			}
			fmt.Fprintf(out, "sim: %-6s %d\n", what, l.tid)
		}
		if !sleep(ctx, time.Duration(20+rng.IntN(80))*time.Millisecond) {
			return nil
		}
	}
	return nil
}

// compare counts the fake's trades whose final version is in the store.
func compare(srv *taobaotest.Server, nicks []string, st *store) (match, total int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, nick := range nicks {
		for _, truth := range srv.Trades(nick) {
			total++
			got, ok := st.trades[int64(truth.Tid)]
			if ok && got.Modified.Equal(truth.Modified.Time) && got.Status == truth.Status {
				match++
			}
		}
	}
	return match, total
}

func runReal(ctx context.Context, getenv func(string) string, w io.Writer) error {
	out := &lockedWriter{w: w}
	key, secret, session, nick := getenv("TAOBAO_APP_KEY"), getenv("TAOBAO_APP_SECRET"), getenv("TAOBAO_SESSION"), getenv("TAOBAO_SELLER_NICK")
	if key == "" || secret == "" || session == "" || nick == "" {
		return errors.New("set TAOBAO_APP_KEY, TAOBAO_APP_SECRET, TAOBAO_SESSION and TAOBAO_SELLER_NICK (or none of them, for the built-in fake)")
	}
	var copts []taobao.Option
	if u := getenv("TAOBAO_BASE_URL"); u != "" {
		copts = append(copts, taobao.WithBaseURL(u))
	}
	c, err := taobao.NewClient(key, secret, append(copts, taobao.WithSession(session))...)
	if err != nil {
		return err
	}
	if err := tmc.Permit(ctx, c, ""); err != nil {
		return fmt.Errorf("subscribing the seller: %w", err)
	}
	topts := []tmc.Option{}
	if u := getenv("TAOBAO_TMC_URL"); u != "" {
		topts = append(topts, tmc.WithURL(u))
	}
	consumer, err := tmc.NewConsumer(key, secret, topts...)
	if err != nil {
		return err
	}
	lat := &latencies{}
	st := &store{trades: map[int64]taobao.Trade{}, out: out}
	p, err := tmc.NewPipeline(consumer, []tmc.Seller{{Nick: nick, Client: c,
		Syncer: taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: time.Now().Add(-time.Hour)})}},
		&tmc.PipelineOptions{OnMessage: onMessage(out, lat)})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "following %s on the real channel; Ctrl-C to stop\n", nick)
	err = p.Run(ctx, st.handle)
	ps := p.Stats()
	fmt.Fprintf(out, "summary: store %d trades; events %d, fetches %d, handed %d (%d found by the syncer); latency p50 %v p99 %v\n",
		len(st.trades), ps.Events, ps.Fetches, ps.Handed, ps.FromSyncer,
		lat.quantile(0.5).Round(time.Millisecond), lat.quantile(0.99).Round(time.Millisecond))
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil
	}
	return err
}

// lockedWriter serializes the writes of several goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
