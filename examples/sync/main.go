// Command sync keeps a local copy of a seller's trades in step with Taobao:
// the latest state of every trade, under a state directory, through
// taobao.TradeSyncer over taobao.trades.sold.increment.get.
//
//	go run ./examples/sync -once            # catch up and exit
//	go run ./examples/sync                  # catch up, then poll until Ctrl-C
//	go run ./examples/sync -since 7d -once  # first run: start 7 days back
//
// The state directory (-state, default ./sync-state) holds two files,
// readable by their owner only, as they hold buyers' (masked) addresses:
//
//   - trades.jsonl: the latest state of each trade modified since the first
//     run's start, one trade per line as TOP's JSON, sorted by tid between
//     runs. While the program runs it is an append-only log: a window's
//     changes are appended, and the log is compacted (rewritten atomically
//     with one line per trade) when the program starts and ends and when
//     superseded lines outnumber the trades by a thousand. Appending costs
//     what changed, where rewriting the file after every window would cost
//     the whole store each time; a JSON-lines file stays readable with any
//     tool, and needs no database driver.
//   - checkpoint.json: how far the sync has come, a taobao.FileCheckpoint.
//     Every change up to it is in trades.jsonl: the log is fsynced before
//     the checkpoint is saved, so a crash at any point loses nothing (the
//     window in flight is read again). A second run starts from there;
//     -since only applies to a first run.
//
// One process at a time may use a state directory. Every trade type is
// synced (-types all): without a type filter the gateway leaves out types
// such as tmall_i18n.
//
// It ends with one line: the trades stored, the gateway calls made, the
// duplicates dropped and the checkpoint in GMT+8. While polling it also
// prints a line for each catch-up that changed something.
//
// With no TAOBAO_* variables set it runs against the built-in fake gateway
// and plays a busy shop on it while it runs (-simulate): new trades arrive
// and existing ones are paid, shipped, finished or closed. The fake starts
// afresh on each run, so a second run against it continues the checkpoint
// over new data; to sync Taobao, set TAOBAO_APP_KEY, TAOBAO_APP_SECRET and
// TAOBAO_SESSION.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sync:", err)
		os.Exit(1)
	}
}

// Files in the state directory.
const (
	tradesFile     = "trades.jsonl"
	checkpointFile = "checkpoint.json"
	lockFile       = "lock" // held while a sync runs
)

// demoTrades is how many trades each seller of the built-in fake gateway
// has, spread over its three months: a busy shop.
const demoTrades = 1000

// connectFunc makes the connection to the gateway, saying on w where it
// points.
type connectFunc func(w io.Writer) (*taobaotest.Conn, error)

// config is what the flags ask for.
type config struct {
	state    string
	once     bool
	since    time.Time // zero: the syncer's default
	window   time.Duration
	lag      time.Duration
	poll     time.Duration
	simulate time.Duration
	seed     uint64
	types    []taobao.TradeType // the -types flag
	sinceSet bool               // -since was given
}

// parseFlags reads args into a config and checks it.
func parseFlags(args []string, stderr io.Writer, now time.Time) (*config, error) {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sync [flags]\n\nKeeps the latest state of a seller's trades under -state, continuing from its checkpoint.\n\nflags:")
		fs.PrintDefaults()
	}
	c := &config{}
	fs.StringVar(&c.state, "state", "sync-state", "state `dir`ectory: trades.jsonl and checkpoint.json")
	fs.BoolVar(&c.once, "once", false, "catch up and exit instead of polling until interrupted")
	since := fs.String("since", "3d", "first run only: where to start, as a `time` back (90m, 72h, 7d) or a GMT+8 date or time (2006-01-02, \"2006-01-02 15:04:05\")")
	fs.DurationVar(&c.window, "window", taobao.DefaultSyncWindow, "width of one increment query, at most 24h")
	fs.DurationVar(&c.lag, "lag", taobao.DefaultSyncLag, "how far behind now the sync stays, so that late writes are not missed")
	fs.DurationVar(&c.poll, "poll", 15*time.Second, "pause between catch-ups when polling")
	fs.DurationVar(&c.simulate, "simulate", time.Second, "fake gateway only: add or change a trade this often while running (0: never)")
	fs.Uint64Var(&c.seed, "seed", 1, "fake gateway only: seed of the simulated shop")
	types := fs.String("types", "all", "trade types to sync: all, default (the gateway's five default types) or a comma-separated `list`")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags come first; see -h)", fs.Arg(0))
	}
	fs.Visit(func(f *flag.Flag) { c.sinceSet = c.sinceSet || f.Name == "since" })
	switch {
	case c.state == "":
		return nil, errors.New("-state must name a directory")
	case c.window <= 0 || c.window > taobao.MaxIncrementWindow:
		return nil, fmt.Errorf("-window %s: must be more than 0 and at most 24h, the gateway's limit", c.window)
	case c.lag < 0:
		return nil, fmt.Errorf("-lag %s: must not be negative", c.lag)
	case c.poll <= 0:
		return nil, fmt.Errorf("-poll %s: must be positive", c.poll)
	case c.simulate < 0:
		return nil, fmt.Errorf("-simulate %s: must not be negative", c.simulate)
	}
	t, err := parseSince(*since, now)
	if err != nil {
		return nil, err
	}
	c.since = t
	if c.types, err = taobao.ParseTradeTypes(*types); err != nil {
		return nil, fmt.Errorf("-types %q: %w", *types, err)
	}
	return c, nil
}

// parseSince reads -since: a duration back from now (with d for days), or
// a date or date and time in GMT+8. It must lie within the gateway's three
// months of history and not in the future.
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	var t time.Time
	if d, err := parseAgo(s); err == nil {
		t = now.Add(-d)
	} else {
		var perr error
		for _, layout := range []string{time.DateOnly, time.DateTime, "2006-01-02T15:04:05"} {
			if t, perr = time.ParseInLocation(layout, s, taobao.GMT8()); perr == nil {
				break
			}
		}
		if perr != nil {
			return time.Time{}, fmt.Errorf("-since %q: want a time back such as 72h or 7d, or a GMT+8 date such as 2006-01-02 or \"2006-01-02 15:04:05\"", s)
		}
	}
	if t.After(now) {
		return time.Time{}, fmt.Errorf("-since %q: %s is in the future", s, fmtGMT8(t))
	}
	if oldest := now.Add(-taobao.SyncHistory); t.Before(oldest) {
		return time.Time{}, fmt.Errorf("-since %q: the gateway keeps changes for three months only, from %s on", s, fmtGMT8(oldest.Add(time.Minute)))
	}
	return t, nil
}

// parseAgo parses a non-negative duration, accepting a whole number of
// days as "7d".
func parseAgo(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 {
			return 0, errors.New("bad day count")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err == nil && d < 0 {
		err = errors.New("negative")
	}
	return d, err
}

// fmtGMT8 formats t as TOP does, naming the zone.
func fmtGMT8(t time.Time) string {
	return t.In(taobao.GMT8()).Format(time.DateTime) + " GMT+8"
}

// run syncs until caught up (-once) or until ctx ends, and prints the
// summary line. It connects as env says (see taobaotest.Connect).
func run(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	return runWith(ctx, args, stdout, stderr, func(w io.Writer) (*taobaotest.Conn, error) {
		return taobaotest.Connect(env, w, taobaotest.WithTrades(demoTrades))
	})
}

// runWith is run over the connection connect makes.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, connect connectFunc) error {
	cfg, err := parseFlags(args, stderr, time.Now())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.state, 0o755); err != nil {
		return fmt.Errorf("state directory: %w", err)
	}
	unlock, err := lockState(filepath.Join(cfg.state, lockFile))
	if err != nil {
		return err
	}
	defer unlock()
	tradesPath := filepath.Join(cfg.state, tradesFile)
	cp := taobao.NewFileCheckpoint(filepath.Join(cfg.state, checkpointFile))
	from, resumed, err := cp.Load(ctx)
	if err != nil {
		return err
	}
	if _, err := os.Stat(tradesPath); resumed && errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s has a checkpoint but no %s: remove the checkpoint to sync again from -since", cfg.state, tradesFile)
	}

	st, err := openStore(tradesPath)
	if err != nil {
		return err
	}
	defer st.close() // a no-op once closed below

	conn, err := connect(stdout)
	if err != nil {
		return err
	}
	defer conn.Close()
	before := len(st.trades)
	if resumed {
		fmt.Fprintf(stdout, "continuing from the checkpoint %s with %d trades in %s\n", fmtGMT8(from), before, cfg.state)
		if cfg.sinceSet {
			fmt.Fprintln(stdout, "-since applies to a first run only: ignored")
		}
	} else {
		fmt.Fprintf(stdout, "first run: syncing the trades modified since %s into %s\n", fmtGMT8(cfg.since), cfg.state)
	}

	scp := &syncedCheckpoint{Checkpoint: cp, store: st}
	if !cfg.once {
		var added, updated int
		scp.progress = func(t time.Time) {
			// A line per catch-up that changed something, at its last
			// window: a first run's backlog of windows goes by quietly.
			if time.Since(t) > cfg.lag+cfg.poll || st.added == added && st.updated == updated {
				return
			}
			fmt.Fprintf(stdout, "%s  +%d new, %d updated: %d trades stored, checkpoint %s\n",
				time.Now().In(taobao.GMT8()).Format(time.TimeOnly), st.added-added, st.updated-updated, len(st.trades), fmtGMT8(t))
			added, updated = st.added, st.updated
		}
	}
	syncOpts := &taobao.SyncOptions{
		Since:        cfg.since,
		Window:       cfg.window,
		Lag:          cfg.lag,
		PollInterval: cfg.poll,
		Type:         cfg.types,
	}
	syncer := taobao.NewTradeSyncer(conn.Client, scp, syncOpts)
	handle := func(_ context.Context, t *taobao.Trade) error { return st.put(t) }
	syncOpts.OnWindow = progressPrinter(stdout, st, time.Now)

	var sim *simulator
	if conn.Fake != nil && cfg.simulate > 0 {
		sim = startSimulator(conn.Fake, conn.Seller, cfg.simulate, cfg.seed)
		if !cfg.once {
			fmt.Fprintf(stdout, "fake gateway: a trade of seller %s arrives or changes every %s (-simulate 0 to stop it)\n", conn.Seller, cfg.simulate)
		}
	}
	if !cfg.once {
		fmt.Fprintf(stdout, "polling every %s; stop with Ctrl-C\n", cfg.poll)
	}

	if cfg.once {
		_, err = syncer.SyncOnce(ctx, handle)
	} else {
		err = syncer.Run(ctx, handle)
	}
	interrupted := ctx.Err() != nil && errors.Is(err, ctx.Err())
	if interrupted {
		err = nil
	}
	if sim != nil {
		sim.stop()
	}
	if cerr := st.close(); err == nil {
		err = cerr
	}

	mark := "none yet"
	reached, ok, lerr := cp.Load(context.WithoutCancel(ctx))
	switch {
	case lerr != nil:
		mark = "unreadable"
	case ok:
		mark = fmtGMT8(reached)
	}
	if sim != nil && sim.added.Load()+sim.changed.Load() > 0 {
		fmt.Fprintf(stdout, "fake gateway: %d trades added and %d changed while syncing (stored up to the checkpoint)\n",
			sim.added.Load(), sim.changed.Load())
	}
	stats := syncer.Stats()
	how := ""
	switch {
	case err != nil:
		how = " (stopped by an error)"
	case interrupted:
		how = " (interrupted)"
	}
	fmt.Fprintf(stdout, "synced%s: %d trades stored (+%d new, %d updated), %d calls, %d duplicates, checkpoint %s\n",
		how, len(st.trades), st.added, st.updated, stats.Calls, stats.Duplicates, mark)
	if err == nil {
		err = lerr
	}
	return err
}

// progressEvery is how often a catch-up prints a progress line.
const progressEvery = 5 * time.Second

// progressPrinter returns an OnWindow callback that prints, at most every
// progressEvery while windows of the past are read, how far the sync got:
// the window reached, trades and calls so far, and the rate.
func progressPrinter(w io.Writer, st *store, now func() time.Time) func(context.Context, taobao.WindowReport) {
	start := now()
	last := start
	var windows, trades int
	var calls int64
	return func(_ context.Context, r taobao.WindowReport) {
		windows++
		trades += r.Trades
		calls += r.Calls
		t := now()
		if t.Sub(last) < progressEvery {
			return
		}
		last = t
		rate := float64(trades) / t.Sub(start).Seconds()
		fmt.Fprintf(w, "  ... up to %s: %d windows, %d trades (%.0f/s), %d calls, %d stored\n",
			fmtGMT8(r.To), windows, trades, rate, calls, len(st.trades))
	}
}

// syncedCheckpoint makes the store durable before it saves the checkpoint:
// the checkpoint never runs ahead of the trades on disk.
type syncedCheckpoint struct {
	taobao.Checkpoint
	store    *store
	progress func(t time.Time) // after each save, when polling
}

// Save syncs the store, then saves t.
func (c *syncedCheckpoint) Save(ctx context.Context, t time.Time) error {
	if err := c.store.sync(); err != nil {
		return fmt.Errorf("writing %s: %w", c.store.path, err)
	}
	if err := c.Checkpoint.Save(ctx, t); err != nil {
		return err
	}
	if c.progress != nil {
		c.progress(t)
	}
	return nil
}
