package taobao_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const syncSeller = "sync-seller"

// newSyncFake starts an empty fake gateway with one seller; tests add trades
// inside their synctest bubble so that the data follows the bubble's clock.
func newSyncFake(t *testing.T) (*taobaotest.Server, string) {
	t.Helper()
	srv := taobaotest.NewServer(taobaotest.WithSellers(syncSeller), taobaotest.WithTrades(0))
	t.Cleanup(srv.Close)
	return srv, srv.NewSession(syncSeller)
}

// recorder is a handler that remembers the newest version of each trade.
type recorder struct {
	mu       sync.Mutex
	latest   map[int64]time.Time
	title    map[int64]string // Title of the latest version (a field the increment API returns)
	handled  int
	failOn   int64
	onHandle func(n int)
}

func newRecorder() *recorder {
	return &recorder{latest: map[int64]time.Time{}, title: map[int64]string{}}
}

func (r *recorder) handle(_ context.Context, t *taobao.Trade) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failOn != 0 && int64(t.Tid) == r.failOn {
		return errors.New("handler refused")
	}
	r.handled++
	if m := t.Modified.Time; m.After(r.latest[int64(t.Tid)]) {
		r.latest[int64(t.Tid)] = m
		r.title[int64(t.Tid)] = t.Title
	}
	if r.onHandle != nil {
		r.onHandle(r.handled)
	}
	return nil
}

// missing lists the trades whose final state the recorder has not seen.
func (r *recorder) missing(trades []taobao.Trade) []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int64
	for _, t := range trades {
		if !r.latest[int64(t.Tid)].Equal(t.Modified.Time) || r.title[int64(t.Tid)] != t.Title {
			out = append(out, int64(t.Tid))
		}
	}
	return out
}

func addTrades(srv *taobaotest.Server, n int) []taobao.Trade {
	out := make([]taobao.Trade, n)
	for i := range out {
		out[i] = srv.AddTrade(syncSeller, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Type: taobao.TradeTypeFixed})
	}
	return out
}

func TestSyncOnceSeesEveryTrade(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		for range 6 {
			addTrades(srv, 37)
			time.Sleep(20 * time.Minute)
		}
		time.Sleep(time.Minute)
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{Since: start.Add(-time.Minute)})
		rec := newRecorder()
		got, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Equal(t, time.Now().Add(-taobao.DefaultSyncLag).Truncate(time.Second), got)
		saved, ok, _ := cp.Load(context.Background())
		require.True(t, ok)
		assert.Equal(t, got, saved)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
		st := s.Stats()
		assert.EqualValues(t, 6*37, st.Trades)
		assert.Zero(t, st.Duplicates)
		assert.GreaterOrEqual(t, st.Windows, int64(4))

		// Nothing new: a second catch-up makes no call for past windows.
		before := srv.Calls(taobao.MethodTradesSoldIncrement)
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Equal(t, before, srv.Calls(taobao.MethodTradesSoldIncrement))
	})
}

func TestSyncCallsPerWindow(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		counts := []int{0, 1, 99, 100, 101, 250, 1234}
		for _, n := range counts {
			addTrades(srv, n)
			time.Sleep(time.Hour)
		}
		time.Sleep(time.Minute)
		var reports []taobao.WindowReport
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{
			Since: start.Add(-30 * time.Minute), Window: time.Hour,
			OnWindow: func(_ context.Context, w taobao.WindowReport) { reports = append(reports, w) },
		})
		rec := newRecorder()
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))

		listCalls := 0
		for _, call := range srv.CallLog() {
			if call.Method == taobao.MethodTradesSoldIncrement {
				listCalls++
				assert.Equal(t, "100", call.Params.Get("page_size"))
				assert.Empty(t, call.Params.Get("use_has_next"), "the syncer needs total_results")
			}
		}
		// A window of one page costs one call; a window of more pages is
		// read twice from its last page to its first, after one call for
		// its count.
		var sum int64
		for _, w := range reports {
			limit := int64(1)
			if w.Trades > 100 {
				limit = 2*int64((w.Trades+99)/100) + 1
			}
			assert.LessOrEqual(t, w.Calls, limit, "window with %d trades", w.Trades)
			assert.GreaterOrEqual(t, w.Calls, int64(1))
			sum += w.Calls
		}
		assert.EqualValues(t, listCalls, sum, "every list call belongs to a window")
	})
}

// TestForwardPagingLosesTradesBackwardDoesNot pins down why the syncer reads
// pages from the last to the first: trades modified while a window is
// paged leave it, and the trades behind them move up one place.
func TestForwardPagingLosesTradesBackwardDoesNot(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		var trades []taobao.Trade
		for range 250 { // one a second: the newest are on top of page 1
			trades = append(trades, addTrades(srv, 1)...)
			time.Sleep(time.Second)
		}
		time.Sleep(time.Minute)
		end := time.Now().Add(-time.Second) // a change now leaves the window

		// After armAt pages were served, the five most recently modified
		// trades of the window (on the first page) change again.
		armed, armAt, served := true, 1, 0
		srv.BetweenPages(func(method string, _ int) {
			if !armed || method != taobao.MethodTradesSoldIncrement {
				return
			}
			if served++; served < armAt {
				return
			}
			armed = false
			for _, tr := range trades[len(trades)-5:] {
				require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.BuyerMemo = "changed" }))
			}
		})

		forward := map[int64]bool{}
		opts := &taobao.IncrementListOptions{StartModified: taobao.NewTime(start), EndModified: taobao.NewTime(end),
			ListOptions: taobao.ListOptions{PageSize: 100}}
		for tr, err := range c.Trades.ListSoldIncrementIter(context.Background(), opts) {
			require.NoError(t, err)
			forward[int64(tr.Tid)] = true
		}
		lost := 0
		for _, tr := range trades[:len(trades)-5] { // still in the window, unchanged
			if !forward[int64(tr.Tid)] {
				lost++
			}
		}
		assert.Equal(t, 5, lost, "forward paging skips the trades that moved onto a page already read")

		// The same change under the syncer: nothing is lost.
		for _, tr := range trades[len(trades)-5:] {
			require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.BuyerMemo = "again" }))
		}
		// The syncer reads page 1 for the count, then pages 3, 2 and 1: the
		// change comes after page 3.
		armed, armAt, served = true, 2, 0
		time.Sleep(time.Minute)
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Window: time.Hour})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.False(t, armed, "the change happened during the sync")
		// Every trade the change did not touch was seen in this very run.
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)[5:]), "the syncer missed unchanged trades")
		time.Sleep(time.Minute) // the changed trades land in a later window
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
		assert.Positive(t, s.Stats().Duplicates, "shifted trades are seen twice and dropped")
	})
}

func TestSyncSplitsBusyWindows(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		for range 10 {
			addTrades(srv, 50)
			time.Sleep(time.Minute)
		}
		time.Sleep(time.Minute)
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{
			Since: start, Window: time.Hour, SplitAt: 120, PageSize: 50,
		})
		rec := newRecorder()
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
		assert.Positive(t, s.Stats().Splits)
		for _, call := range srv.CallLog() {
			if call.Method == taobao.MethodTradesSoldIncrement {
				from, _ := taobao.ParseTime(call.Params.Get("start_modified"))
				to, _ := taobao.ParseTime(call.Params.Get("end_modified"))
				assert.LessOrEqual(t, to.Sub(from.Time), time.Hour)
			}
		}
	})
}

func TestSyncHandlerErrorKeepsCheckpoint(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addTrades(srv, 10)
		time.Sleep(time.Hour)
		bad := addTrades(srv, 10)
		time.Sleep(time.Hour)
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{Since: start.Add(-time.Minute), Window: 30 * time.Minute})
		rec := newRecorder()
		rec.failOn = int64(bad[3].Tid)
		got, err := s.SyncOnce(context.Background(), rec.handle)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "handler refused")
		saved, ok, _ := cp.Load(context.Background())
		require.True(t, ok)
		assert.Equal(t, got, saved)
		assert.True(t, saved.Before(bad[3].Modified.Time) || saved.Equal(bad[3].Modified.Time), "not past the failed trade's window")

		rec.failOn = 0
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
	})
}

func TestSyncOptionsValidation(t *testing.T) {
	t.Parallel()
	srv, session := newSyncFake(t)
	c := srv.Client(session)
	cp := &taobao.MemoryCheckpoint{}
	h := func(context.Context, *taobao.Trade) error { return nil }
	for name, tt := range map[string]struct {
		c    *taobao.Client
		cp   taobao.Checkpoint
		opts *taobao.SyncOptions
		want string
	}{
		"nil client":  {nil, cp, nil, "client"},
		"nil cp":      {c, nil, nil, "checkpoint"},
		"window":      {c, cp, &taobao.SyncOptions{Window: 25 * time.Hour}, "Window"},
		"page size":   {c, cp, &taobao.SyncOptions{PageSize: 101}, "PageSize"},
		"lag":         {c, cp, &taobao.SyncOptions{Lag: -time.Second}, "Lag"},
		"fields":      {c, cp, &taobao.SyncOptions{Fields: []string{""}}, "fields"},
		"too old":     {c, cp, &taobao.SyncOptions{Since: time.Now().Add(-100 * 24 * time.Hour)}, "three months"},
		"nil handler": {c, cp, nil, "handler"},
	} {
		t.Run(name, func(t *testing.T) {
			s := taobao.NewTradeSyncer(tt.c, tt.cp, tt.opts)
			handler := h
			if name == "nil handler" {
				handler = nil
			}
			_, err := s.SyncOnce(context.Background(), handler)
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	assert.Zero(t, srv.Calls("*"))
}

func TestRunPollsUntilCancelled(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{Since: time.Now(), PollInterval: time.Minute})
		rec := newRecorder()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() { done <- s.Run(ctx, rec.handle) }()
		for range 5 {
			addTrades(srv, 3)
			time.Sleep(time.Minute)
		}
		srv.FailNextHTTP("*", 10, http.StatusBadGateway) // an outage longer than the retries
		time.Sleep(3 * time.Minute)
		time.Sleep(2 * time.Minute)
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)), "the outage was waited out")

		// An invalid session ends Run.
		srv.ExpireSession(session)
		err := s.Run(context.Background(), rec.handle)
		assert.ErrorIs(t, err, taobao.ErrInvalidSession)
	})
}

func TestFileCheckpoint(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cp.json")
	cp := taobao.NewFileCheckpoint(path)
	ctx := context.Background()
	_, ok, err := cp.Load(ctx)
	require.NoError(t, err)
	assert.False(t, ok)

	when := time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("GMT+8", 8*3600))
	require.NoError(t, cp.Save(ctx, when))
	got, ok, err := taobao.NewFileCheckpoint(path).Load(ctx)
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, when.Equal(got))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")

	for name, content := range map[string]string{
		"garbage":   "not json",
		"torn":      `{"modified":"2024-05-06T0`,
		"bad time":  `{"modified":"yesterday"}`,
		"empty doc": ``,
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "cp.json")
			require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
			_, _, err := taobao.NewFileCheckpoint(p).Load(ctx)
			require.Error(t, err, "a corrupt checkpoint is an error, never a restart from zero")
			assert.Contains(t, err.Error(), "corrupt")
		})
	}
	require.Error(t, taobao.NewFileCheckpoint(filepath.Join(dir, "missing-dir", "cp.json")).Save(ctx, when))
}

// TestSyncChaos runs the syncer through 10,000 trade changes over several
// days with faults on 10% of the calls, data changing between page reads
// and 20 cancellations, restarting each time from a FileCheckpoint. At the
// end the handler must have seen the final state of every trade.
func TestSyncChaos(t *testing.T) {
	syncChaos(t, chaosConfig{})
}

// TestSyncChaosRealShapes runs the chaos test with everything real answers
// and the real index do switched on: odd shapes (raw line breaks and tabs
// in titles, sid as a number, zero flags and amounts sent), changes that reach the lists up to five
// minutes late, trades of every type, and the store-time mode.
func TestSyncChaosRealShapes(t *testing.T) {
	types := slices.DeleteFunc(taobao.TradeTypeValues(), func(ty taobao.TradeType) bool { return ty == taobao.TradeTypeGuaranteeTrade })
	syncChaos(t, chaosConfig{
		srvOpts: []taobaotest.Option{taobaotest.WithRealShapes(), taobaotest.WithZeroMembers(), taobaotest.WithIndexDelay(5 * time.Minute)},
		by:      taobao.SyncByStoreTime,
		trade: func(rng *rand.Rand) taobao.Trade {
			return taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Type: types[rng.IntN(len(types))], Sid: fmt.Sprint(rng.Int64N(1e12))}
		},
		title: func(rng *rand.Rand) string { return fmt.Sprintf("line %d\nnext\tcolumn", rng.Int()) },
	})
}

// chaosConfig varies the chaos test.
type chaosConfig struct {
	srvOpts []taobaotest.Option
	by      taobao.SyncMode
	trade   func(rng *rand.Rand) taobao.Trade // a new trade; nil: a fixed-price one
	title   func(rng *rand.Rand) string       // a changed title; nil: a number
}

func syncChaos(t *testing.T, cfg chaosConfig) {
	if testing.Short() {
		t.Skip("chaos test skipped in -short mode")
	}
	srv := taobaotest.NewServer(append([]taobaotest.Option{taobaotest.WithSellers(syncSeller), taobaotest.WithTrades(0)}, cfg.srvOpts...)...)
	t.Cleanup(srv.Close)
	session := srv.NewSession(syncSeller)
	if cfg.trade == nil {
		cfg.trade = func(*rand.Rand) taobao.Trade {
			return taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Type: taobao.TradeTypeFixed}
		}
	}
	if cfg.title == nil {
		cfg.title = func(rng *rand.Rand) string { return fmt.Sprint(rng.Int()) }
	}
	cpPath := filepath.Join(t.TempDir(), "checkpoint.json")
	const seed = 20261128
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(seed, seed))
		var faultMu sync.Mutex
		faults := 0
		c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: chaosTransport{srv, rng, &faultMu, &faults}}))
		start := time.Now()
		var tids, recent []int64 // every trade; the last ones changed
		changes := 0
		modify := func(tid int64) {
			require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.Title = cfg.title(rng) }))
			recent = append(recent, tid)
			changes++
		}
		change := func(n int) {
			for range n {
				if len(tids) == 0 || rng.IntN(4) == 0 {
					tr := srv.AddTrade(syncSeller, cfg.trade(rng))
					tids = append(tids, int64(tr.Tid))
					recent = append(recent, int64(tr.Tid))
					changes++
				} else {
					modify(tids[rng.IntN(len(tids))])
				}
			}
			if len(recent) > 400 {
				recent = recent[len(recent)-400:]
			}
		}
		// Between two page reads, trades of the window being read change
		// (they leave it) and new trades arrive.
		srv.BetweenPages(func(method string, _ int) {
			if (method != taobao.MethodTradesSoldIncrement && method != taobao.MethodTradesSoldIncrementV) || rng.IntN(2) == 0 {
				return
			}
			for range 1 + rng.IntN(5) {
				if len(recent) > 0 {
					modify(recent[rng.IntN(len(recent))])
				}
			}
			change(rng.IntN(3))
		})

		rec := newRecorder()
		cancels, runs, errs := 0, 0, 0
		var stats taobao.SyncStats
		sync := func(cancelAfter int) {
			runs++
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if cancelAfter > 0 {
				seen := 0 // this run's trades
				rec.onHandle = func(int) {
					if seen++; seen == cancelAfter {
						cancel()
					}
				}
			}
			s := taobao.NewTradeSyncer(c, taobao.NewFileCheckpoint(cpPath), &taobao.SyncOptions{
				Since: start.Add(-time.Minute), Window: 2 * time.Hour, SplitAt: 400, PageSize: 30, By: cfg.by,
			})
			_, err := s.SyncOnce(ctx, rec.handle)
			rec.onHandle = nil
			st := s.Stats()
			stats.Calls += st.Calls
			stats.Retries += st.Retries
			stats.Duplicates += st.Duplicates
			stats.Pages += st.Pages
			if errors.Is(err, context.Canceled) {
				cancels++
			} else if err != nil {
				require.True(t, taobao.IsRetryable(err), "only passing failures may stop a run: %v", err)
				errs++
			}
		}
		// Three days of changes, about 140 an hour; a sync every few hours,
		// 20 of them cancelled at a seeded point.
		for hour := 0; changes < 10_000; hour++ {
			change(100 + rng.IntN(80))
			time.Sleep(time.Hour)
			if hour%3 == 2 {
				cancelAfter := 0
				if cancels < 20 {
					cancelAfter = 1 + rng.IntN(300)
				}
				sync(cancelAfter)
			}
		}
		for cancels < 20 {
			change(50)
			time.Sleep(time.Hour)
			sync(1 + rng.IntN(60))
		}
		srv.BetweenPages(nil)
		time.Sleep(10 * time.Minute) // longer than any index delay
		for range 5 {                // settle: faults may still stop a run or two
			sync(0)
		}
		trades := srv.Trades(syncSeller)
		missing := rec.missing(trades)
		assert.Empty(t, missing, "lost trades")
		assert.Equal(t, 20, cancels)
		assert.GreaterOrEqual(t, changes, 10_000)
		t.Logf("chaos: %d changes over %s to %d trades; %d hand-overs (%d duplicates dropped within windows); %d runs, %d cancelled, %d stopped by faults; %d calls (%d retries), %d pages, %d faults injected",
			changes, time.Since(start).Round(time.Hour), len(trades), rec.handled, stats.Duplicates, runs, cancels, errs,
			stats.Calls, stats.Retries, stats.Pages, faults)
	})
}

// chaosTransport injects a fault before 10% of the requests.
type chaosTransport struct {
	srv    *taobaotest.Server
	rng    *rand.Rand
	mu     *sync.Mutex
	faults *int
}

func (c chaosTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	if c.rng.IntN(10) == 0 {
		*c.faults++
		switch c.rng.IntN(4) {
		case 0:
			c.srv.FailNext("*", 1, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.top-remote-connection-timeout"})
		case 1:
			c.srv.FailNextHTTP("*", 1, http.StatusBadGateway)
		case 2:
			c.srv.TruncateNext("*", 1)
		default:
			c.srv.FailNext("*", 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
				SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: fmt.Sprintf("This ban will last for %d more seconds", 1+c.rng.IntN(2))})
		}
	}
	c.mu.Unlock()
	return c.srv.Transport().RoundTrip(r)
}

// TestSyncLateWriteIntoWindow: a change stamped inside the window being read
// (written late) moves a trade onto the first page and pushes an unchanged
// one onto a page already read. The syncer sees both versions of the
// changed trade and reads the window again, so nothing is lost.
func TestSyncLateWriteIntoWindow(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		var trades []taobao.Trade
		for range 250 {
			trades = append(trades, addTrades(srv, 1)...)
			time.Sleep(time.Second)
		}
		time.Sleep(time.Minute)
		served := 0
		srv.BetweenPages(func(method string, _ int) {
			if served++; served != 2 { // after the last page was read
				return
			}
			oldest := trades[0]
			require.NoError(t, srv.ModifyTrade(int64(oldest.Tid), func(t *taobao.Trade) {
				t.Modified = taobao.NewTime(trades[len(trades)-1].Modified.Add(time.Second))
				t.Title = "written late"
			}))
		})
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Window: time.Hour})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Greater(t, served, 4, "the window was read again after the late change")
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
	})
}

// TestSyncFollowsTheGatewayClock: with the host's clock a minute ahead of
// the gateway's, windows must still end a lag behind the gateway's clock,
// or the checkpoint would pass changes the gateway has yet to stamp.
func TestSyncFollowsTheGatewayClock(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithSellers(syncSeller), taobaotest.WithTrades(0),
		taobaotest.WithClock(func() time.Time { return time.Now().Add(-time.Minute) }))
	t.Cleanup(srv.Close)
	session := srv.NewSession(syncSeller)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		cp := &taobao.MemoryCheckpoint{}
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{Since: srv.Now().Add(-time.Hour)})
		for range 10 {
			addTrades(srv, 5)
			_, err := s.SyncOnce(context.Background(), rec.handle)
			require.NoError(t, err)
			saved, _, _ := cp.Load(context.Background())
			assert.False(t, saved.After(srv.Now()), "checkpoint %s is ahead of the gateway's clock %s", saved, srv.Now())
			time.Sleep(20 * time.Second)
		}
		time.Sleep(time.Minute)
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
		assert.Equal(t, 1, srv.Calls("taobao.time.get"), "the clock is read once an hour")
	})
}

func TestSyncStatsAndHandlerCalls(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addTrades(srv, 150)
		time.Sleep(time.Minute)
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Window: time.Hour})
		_, err := s.SyncOnce(context.Background(), func(ctx context.Context, t *taobao.Trade) error {
			_, err := c.Trades.Get(ctx, int64(t.Tid), &taobao.TradeGetOptions{Fields: []string{"tid"}})
			return err
		})
		require.NoError(t, err)
		st := s.Stats()
		assert.EqualValues(t, srv.Calls(taobao.MethodTradesSoldIncrement)+srv.Calls(timeGet), st.Calls, "the handler's own calls are not counted")
		assert.EqualValues(t, 1, st.ClockProbes)
		assert.EqualValues(t, 1+5, st.Calls, "the clock, then count, page 2, page 1, page 2, page 1")
		assert.EqualValues(t, 150, st.Trades)
	})
}

func TestRunStopsOnHandlerErrorAndPollsThroughOverload(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addTrades(srv, 3)
		time.Sleep(time.Minute)

		// A handler error that looks passing (a network error of the
		// caller's store) still ends Run.
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start})
		storeDown := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
		err := s.Run(context.Background(), func(context.Context, *taobao.Trade) error { return storeDown })
		require.ErrorIs(t, err, storeDown)

		// The trade service's overload answer is waited out.
		srv.FailNext(taobao.MethodTradesSoldIncrement, 1, &taobao.APIError{Code: 15, Msg: "Remote service error",
			SubCode: "isv.trade-service-rejection", SubMsg: "超时请求过多，请将查询时间间隔缩短,3分钟后再查询!"})
		rec := newRecorder()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		err = s.Run(ctx, rec.handle)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
	})
}
