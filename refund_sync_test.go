package taobao_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// refundRecorder is a handler that keeps the newest version of each
// refund, as a store with a version guard does.
type refundRecorder struct {
	mu       sync.Mutex
	latest   map[int64]taobao.Refund
	handled  int
	failOn   int64
	onHandle func(n int)
}

func newRefundRecorder() *refundRecorder {
	return &refundRecorder{latest: map[int64]taobao.Refund{}}
}

func (r *refundRecorder) handle(_ context.Context, ref *taobao.Refund) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failOn != 0 && ref.RefundID == r.failOn {
		return errors.New("handler refused")
	}
	r.handled++
	if old, ok := r.latest[ref.RefundID]; !ok || ref.RefundVersion > old.RefundVersion {
		r.latest[ref.RefundID] = *ref
	}
	if r.onHandle != nil {
		r.onHandle(r.handled)
	}
	return nil
}

// missing lists the refunds whose final version (and state) the recorder
// has not seen.
func (r *refundRecorder) missing(truth []taobao.Refund) []int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int64
	for _, want := range truth {
		got, ok := r.latest[want.RefundID]
		if !ok || got.RefundVersion != want.RefundVersion || got.Status != want.Status {
			out = append(out, want.RefundID)
		}
	}
	return out
}

func TestRefundSyncSeesEveryRefund(t *testing.T) {
	srv, session := newRefundFake(t, taobaotest.WithShuffledRefunds())
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		for range 12 {
			addRefunds(t, srv, taobao.TradeTypeFixed, 30)
			time.Sleep(10 * time.Minute)
		}
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		var reports []taobao.RefundWindowReport
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{
			Since: start, PageSize: 50,
			OnWindow: func(_ context.Context, w taobao.RefundWindowReport) { reports = append(reports, w) },
		})
		cp, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		truth := srv.Refunds(refundSeller)
		require.Len(t, truth, 360)
		assert.Empty(t, rec.missing(truth))
		assert.False(t, cp.Before(time.Now().Add(-taobao.DefaultSyncLag-time.Second)), "caught up to the lag")
		st := s.Stats()
		assert.EqualValues(t, 360, st.Refunds)
		assert.Positive(t, st.Splits, "windows of more than a page were bisected")
		assert.EqualValues(t, len(reports), st.Windows)
		total := 0
		for _, w := range reports {
			total += w.Refunds
			assert.LessOrEqual(t, w.Refunds, 50, "each window fits in a page")
		}
		assert.Equal(t, 360, total)
		for _, call := range srv.CallLog() {
			if call.Method == taobao.MethodRefundsReceive {
				assert.Equal(t, "1", call.Params.Get("page_no"), "no window needed a second page")
			}
		}
	})
}

// TestRefundSyncBusySecond: more than a page of refunds in one second,
// served in a new order at every call, cannot be bisected: the window is
// read until every refund its count names was seen.
func TestRefundSyncBusySecond(t *testing.T) {
	srv, session := newRefundFake(t, taobaotest.WithShuffledRefunds())
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		time.Sleep(time.Second)
		addRefunds(t, srv, taobao.TradeTypeFixed, 250) // the clock stands still: one second
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{Since: start, PageSize: 100})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
		st := s.Stats()
		assert.Positive(t, st.Rereads, "read more than once")
		assert.Positive(t, st.Duplicates, "shuffled pages overlap")
		assert.EqualValues(t, 250, st.Refunds)
	})
}

// TestRefundSyncFollowsEveryTypeByDefault: the gateway lists the refunds of
// guarantee_trade and auto_delivery trades only unless asked; the syncer
// asks for every type.
func TestRefundSyncFollowsEveryTypeByDefault(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addRefunds(t, srv, taobao.TradeTypeCod, 2)
		addRefunds(t, srv, taobao.TradeTypeStep, 1)
		addRefunds(t, srv, taobao.TradeTypeFixed, 1)
		time.Sleep(time.Minute)
		p, err := c.Refunds.ListReceived(context.Background(), nil)
		require.NoError(t, err)
		require.Len(t, p.Refunds, 1, "the gateway's default types")
		rec := newRefundRecorder()
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{Since: start})
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
		assert.Len(t, rec.latest, 4)
	})
}

// countLiar is a transport that raises the count of the first n refund
// list answers by one.
type countLiar struct {
	srv *taobaotest.Server
	n   int
}

var totalResults = regexp.MustCompile(`"total_results":(\d+)`)

func (l *countLiar) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := l.srv.Transport().RoundTrip(r)
	if err != nil || l.n == 0 {
		return resp, err
	}
	body, _ := io.ReadAll(resp.Body)
	if bytes.Contains(body, []byte("refunds_receive_get_response")) {
		l.n--
		body = totalResults.ReplaceAllFunc(body, func(m []byte) []byte {
			n, _ := strconv.Atoi(string(totalResults.FindSubmatch(m)[1]))
			return fmt.Appendf(nil, `"total_results":%d`, n+1)
		})
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// TestRefundSyncDistrustsContradictoryPages: a page whose count says one
// refund more than it holds makes the window be read again; one that keeps
// lying fails the poll, visibly, and the checkpoint stays.
func TestRefundSyncDistrustsContradictoryPages(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		liar := &countLiar{srv: srv, n: 1}
		c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: liar}))
		start := time.Now()
		addRefunds(t, srv, taobao.TradeTypeFixed, 3)
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Since: start})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.EqualValues(t, 1, s.Stats().Rereads)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))

		addRefunds(t, srv, taobao.TradeTypeFixed, 1)
		time.Sleep(time.Minute)
		before, _, _ := cp.Load(context.Background())
		liar.n = 1000
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.Error(t, err)
		assert.True(t, taobao.IsRetryable(err), "the next poll reads it again: %v", err)
		assert.Contains(t, err.Error(), "its count says")
		after, _, _ := cp.Load(context.Background())
		assert.Equal(t, before, after, "the checkpoint did not pass the window")
		assert.EqualValues(t, 1, s.Stats().FailedPolls)
		liar.n = 0
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
	})
}

func TestRefundSyncHandlerErrorKeepsTheCheckpoint(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		ids := addRefunds(t, srv, taobao.TradeTypeFixed, 3)
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		rec.failOn = ids[1]
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Since: start})
		err := s.Run(context.Background(), rec.handle)
		require.ErrorContains(t, err, "handler refused")
		assert.Contains(t, err.Error(), strconv.FormatInt(ids[1], 10))
		saved, ok, _ := cp.Load(context.Background())
		assert.False(t, ok && saved.After(start), "not advanced past the refund's window")
	})
}

// TestRefundRunReportsOutages: failures a later poll can cure are logged
// at warn level and counted, and Run goes on.
func TestRefundRunReportsOutages(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		var logs bytes.Buffer
		var logMu sync.Mutex
		logger := slog.New(slog.NewTextHandler(lockedWriter{w: &logs, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelWarn}))
		c := srv.Client(session, inProcess(srv, taobao.WithLogger(logger), taobao.WithMaxRetries(0))...)
		start := time.Now()
		addRefunds(t, srv, taobao.TradeTypeFixed, 2)
		time.Sleep(time.Minute)
		srv.FailNext(taobao.MethodRefundsReceive, 1, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.top-remote-connection-timeout"})
		rec := newRefundRecorder()
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{Since: start, PollInterval: time.Minute})
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		err := s.Run(ctx, rec.handle)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
		st := s.Stats()
		assert.EqualValues(t, 1, st.FailedPolls)
		assert.EqualValues(t, 1, st.FailedCalls)
		logMu.Lock()
		defer logMu.Unlock()
		assert.Contains(t, logs.String(), "taobao refund sync: poll failed")
		assert.Contains(t, logs.String(), "gateway failure")
		assert.NotContains(t, logs.String(), session)
	})
}

func TestRefundSyncOptionErrors(t *testing.T) {
	srv, session := newRefundFake(t)
	c := srv.Client(session)
	cp := &taobao.MemoryCheckpoint{}
	h := func(context.Context, *taobao.Refund) error { return nil }
	for _, tc := range []struct {
		name string
		s    *taobao.RefundSyncer
		h    taobao.RefundHandler
		want string
	}{
		{"nil client", taobao.NewRefundSyncer(nil, cp, nil), h, "client"},
		{"nil checkpoint", taobao.NewRefundSyncer(c, nil, nil), h, "checkpoint"},
		{"window", taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Window: 25 * time.Hour}), h, "Window"},
		{"lag", taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Lag: -time.Second}), h, "Lag"},
		{"page size", taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{PageSize: 101}), h, "PageSize"},
		{"status", taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Status: "DONE"}), h, "Status"},
		{"fields", taobao.NewRefundSyncer(c, cp, &taobao.RefundSyncOptions{Fields: []string{"refund_id", "a b"}}), h, "fields"},
		{"nil handler", taobao.NewRefundSyncer(c, cp, nil), nil, "handler"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.s.SyncOnce(context.Background(), tc.h)
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tc.want)
			assert.ErrorIs(t, tc.s.Run(context.Background(), tc.h), taobao.ErrInvalidArgument, "Run stops on it")
		})
	}
	assert.Zero(t, len(srv.CallLog()), "no request reached the gateway")
}

// TestRefundSyncChaos runs the refund syncer through more than 5,000
// refund changes over several simulated days: refunds created and moved
// along their life cycle between page reads, pages in a new random order
// at every call, a fault before 10% of the requests, and runs cancelled at
// seeded points and restarted from a FileCheckpoint. Every refund's final
// version must reach the handler.
func TestRefundSyncChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("chaos test skipped in -short mode")
	}
	srv, session := newRefundFake(t, taobaotest.WithShuffledRefunds())
	cpPath := filepath.Join(t.TempDir(), "refund-checkpoint.json")
	const seed = 20261202
	synctest.Test(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(seed, seed))
		var faultMu sync.Mutex
		faults := 0
		// One retry: a fault in a row of two surfaces and stops the run,
		// which has to resume from the checkpoint.
		c := srv.Client(session, taobao.WithMaxRetries(1), taobao.WithHTTPClient(&http.Client{Transport: chaosTransport{srv, rng, &faultMu, &faults}}))
		start := time.Now()
		types := []taobao.TradeType{taobao.TradeTypeFixed, taobao.TradeTypeCod, taobao.TradeTypeStep, taobao.TradeTypeAutoDelivery}
		var free [][2]int64 // (tid, oid) without a refund
		var open []int64    // refunds still in the workflow
		changes := 0
		newTrade := func() {
			orders := make([]taobao.Order, 1+rng.IntN(3))
			for i := range orders {
				orders[i] = taobao.Order{Title: "item", Num: 1, Price: 990, TotalFee: 990, Payment: 990, Status: taobao.OrderStatusWaitSellerSendGoods}
			}
			tr := srv.AddTrade(refundSeller, taobao.Trade{Type: types[rng.IntN(len(types))], Status: taobao.TradeStatusWaitSellerSendGoods,
				Payment: taobao.Money(990 * len(orders)), Orders: orders})
			for _, o := range tr.Orders {
				free = append(free, [2]int64{tr.Tid, o.Oid})
			}
		}
		change := func(n int) {
			for range n {
				if len(open) == 0 || rng.IntN(3) == 0 {
					if len(free) == 0 {
						newTrade()
					}
					i := rng.IntN(len(free))
					to := free[i]
					free = append(free[:i], free[i+1:]...)
					require.NoError(t, srv.RefundOrder(to[0], to[1], taobao.RefundStatusWaitSellerAgree))
					tr, _ := srv.Trade(to[0])
					for _, o := range tr.Orders {
						if o.Oid == to[1] {
							id, err := strconv.ParseInt(o.RefundID, 10, 64)
							require.NoError(t, err)
							open = append(open, id)
						}
					}
				} else {
					i := rng.IntN(len(open))
					r, ok := srv.Refund(open[i])
					require.True(t, ok)
					steps := taobaotest.RefundSteps(r.Status)
					next := steps[rng.IntN(len(steps))]
					require.NoError(t, srv.AdvanceRefund(r.RefundID, next))
					if len(taobaotest.RefundSteps(next)) == 0 {
						open = append(open[:i], open[i+1:]...)
					}
				}
				changes++
			}
		}
		// Between two page reads, refunds change and new ones arrive.
		srv.BetweenPages(func(method string, _ int) {
			if method != taobao.MethodRefundsReceive || rng.IntN(2) == 0 {
				return
			}
			change(1 + rng.IntN(4))
		})

		rec := newRefundRecorder()
		cancels, runs, errs := 0, 0, 0
		var stats taobao.RefundSyncStats
		sync := func(cancelAfter int) error {
			runs++
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if cancelAfter > 0 {
				seen := 0
				rec.onHandle = func(int) {
					if seen++; seen == cancelAfter {
						cancel()
					}
				}
			}
			s := taobao.NewRefundSyncer(c, taobao.NewFileCheckpoint(cpPath), &taobao.RefundSyncOptions{
				Since: start.Add(-time.Minute), Window: 2 * time.Hour, PageSize: 30,
			})
			_, err := s.SyncOnce(ctx, rec.handle)
			rec.onHandle = nil
			st := s.Stats()
			stats.Calls += st.Calls
			stats.Retries += st.Retries
			stats.Duplicates += st.Duplicates
			stats.Pages += st.Pages
			stats.Splits += st.Splits
			stats.Rereads += st.Rereads
			if errors.Is(err, context.Canceled) {
				cancels++
			} else if err != nil {
				require.True(t, taobao.IsRetryable(err), "only passing failures may stop a run: %v", err)
				errs++
			}
			return err
		}
		for hour := 0; changes < 5_000; hour++ {
			change(60 + rng.IntN(60))
			time.Sleep(time.Hour)
			if hour%3 == 2 {
				cancelAfter := 0
				if cancels < 15 {
					cancelAfter = 1 + rng.IntN(150)
				}
				sync(cancelAfter)
			}
		}
		for cancels < 15 {
			change(40)
			time.Sleep(time.Hour)
			sync(1 + rng.IntN(40))
		}
		srv.BetweenPages(nil)
		time.Sleep(10 * time.Minute)
		for range 50 { // settle: faults may still stop a run or two
			if sync(0) == nil {
				break
			}
		}
		truth := srv.Refunds(refundSeller)
		assert.Empty(t, rec.missing(truth), "lost refund changes")
		assert.Equal(t, 15, cancels)
		assert.GreaterOrEqual(t, changes, 5_000)
		t.Logf("refund chaos: %d changes over %s to %d refunds; %d hand-overs (%d duplicates dropped within windows); %d runs, %d cancelled, %d stopped by faults; %d calls (%d retries), %d pages, %d bisections, %d re-reads, %d faults injected",
			changes, time.Since(start).Round(time.Hour), len(truth), rec.handled, stats.Duplicates, runs, cancels, errs,
			stats.Calls, stats.Retries, stats.Pages, stats.Splits, stats.Rereads, faults)
	})
}

// TestRefundSyncBusySecondLateWrite: while the pages of a busy second are
// read, a refund stamped inside that second is written late and sorts
// onto a page already read. The count read again afterwards has grown:
// the window is read once more and the refund found.
func TestRefundSyncBusySecondLateWrite(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		late := srv.AddTrade(refundSeller, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: 500,
			Orders: []taobao.Order{{Title: "late", Num: 1, Price: 500, TotalFee: 500, Payment: 500, Status: taobao.OrderStatusWaitSellerSendGoods}}})
		time.Sleep(time.Second)
		busy := time.Now()
		addRefunds(t, srv, taobao.TradeTypeFixed, 250)
		time.Sleep(time.Minute)
		// The busy second lies on the edge of two windows: the write comes
		// while the last of them is read (its page 3, the second page 3
		// served), so that no later window covers the second.
		written, thirds := false, 0
		srv.BetweenPages(func(method string, pageNo int) {
			if method != taobao.MethodRefundsReceive || pageNo != 3 || written {
				return
			}
			if thirds++; thirds < 2 {
				return
			}
			written = true
			require.NoError(t, srv.ModifyTrade(late.Tid, func(t *taobao.Trade) {
				t.Modified = taobao.NewTime(busy)
				t.Orders[0].RefundID = "10000000000000001" // the smallest id: the last of the second, on page 3
				t.Orders[0].RefundStatus = taobao.RefundStatusWaitSellerAgree
			}))
		})
		rec := newRefundRecorder()
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{Since: start, PageSize: 100})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		require.True(t, written)
		truth := srv.Refunds(refundSeller)
		require.Len(t, truth, 251)
		assert.Empty(t, rec.missing(truth))
		assert.Contains(t, rec.latest, int64(10000000000000001), "the late refund")
	})
}

// pageEcho is a transport that answers the first request for page 2 of
// the refund list with the answer of page 1, as a broken cache would.
type pageEcho struct {
	srv   *taobaotest.Server
	mu    sync.Mutex
	page1 []byte
	done  bool
}

func (p *pageEcho) RoundTrip(r *http.Request) (*http.Response, error) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	form, _ := url.ParseQuery(string(body))
	resp, err := p.srv.Transport().RoundTrip(r)
	if err != nil || form.Get("method") != taobao.MethodRefundsReceive {
		return resp, err
	}
	out, _ := io.ReadAll(resp.Body)
	p.mu.Lock()
	switch {
	case form.Get("page_no") == "1":
		p.page1 = out
	case form.Get("page_no") == "2" && !p.done && p.page1 != nil:
		p.done, out = true, p.page1
	}
	p.mu.Unlock()
	resp.Body = io.NopCloser(bytes.NewReader(out))
	resp.ContentLength = int64(len(out))
	resp.Header.Del("Content-Length")
	return resp, nil
}

// TestRefundSyncBusySecondRepeatedPage: a busy second whose page 2 repeats
// page 1 leaves refunds unseen that a count read again cannot show; the
// syncer counts the refunds it saw against the count and reads again.
func TestRefundSyncBusySecondRepeatedPage(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		echo := &pageEcho{srv: srv}
		c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: echo}))
		start := time.Now()
		time.Sleep(time.Second)
		addRefunds(t, srv, taobao.TradeTypeFixed, 250)
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.RefundSyncOptions{Since: start, PageSize: 100})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		require.True(t, echo.done)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
		assert.Positive(t, s.Stats().Rereads)
	})
}

// TestRefundSyncAsksForItsKeys: whatever fields the caller names, the
// syncer asks for the id, modified and version it keys the refunds by.
func TestRefundSyncAsksForItsKeys(t *testing.T) {
	srv, session := newRefundFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addRefunds(t, srv, taobao.TradeTypeFixed, 3)
		time.Sleep(time.Minute)
		rec := newRefundRecorder()
		opts := &taobao.RefundSyncOptions{Since: start, Fields: []string{"status"}}
		s := taobao.NewRefundSyncer(c, &taobao.MemoryCheckpoint{}, opts)
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Refunds(refundSeller)))
		for _, r := range rec.latest {
			assert.Empty(t, r.Title, "not asked for")
		}
		assert.Equal(t, []string{"status"}, opts.Fields, "the caller's options are not changed")
	})
}
