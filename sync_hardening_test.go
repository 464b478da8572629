package taobao_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// rewriter is a transport in front of the fake that lets a test change the
// answers of the increment APIs: edit gets the request's form and the
// payload of the answer, decoded with exact numbers, and may change it.
type rewriter struct {
	next http.RoundTripper
	mu   sync.Mutex
	edit func(form url.Values, payload map[string]any) // nil: answers pass unchanged
	raw  func(form url.Values, body []byte) []byte     // nil: bodies pass unchanged
}

func (rw *rewriter) RoundTrip(r *http.Request) (*http.Response, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	form, _ := url.ParseQuery(string(b))
	r.Body = io.NopCloser(bytes.NewReader(b))
	resp, err := rw.next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	rw.mu.Lock()
	edit, raw := rw.edit, rw.raw
	rw.mu.Unlock()
	if edit == nil && raw == nil {
		return resp, nil
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if edit != nil {
		key := strings.ReplaceAll(strings.TrimPrefix(form.Get("method"), "taobao."), ".", "_") + "_response"
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var root map[string]any
		if dec.Decode(&root) == nil {
			if payload, ok := root[key].(map[string]any); ok {
				edit(form, payload)
				body, _ = json.Marshal(root)
			}
		}
	}
	if raw != nil {
		body = raw(form, body)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

func (rw *rewriter) set(edit func(url.Values, map[string]any)) {
	rw.mu.Lock()
	rw.edit = edit
	rw.mu.Unlock()
}

// rewritten returns a client of srv whose answers pass through a rewriter.
func rewritten(srv *taobaotest.Server, session string, opts ...taobao.Option) (*taobao.Client, *rewriter) {
	rw := &rewriter{next: srv.Transport()}
	return srv.Client(session, append([]taobao.Option{taobao.WithHTTPClient(&http.Client{Transport: rw})}, opts...)...), rw
}

func isIncrement(form url.Values) bool {
	m := form.Get("method")
	return m == taobao.MethodTradesSoldIncrement || m == taobao.MethodTradesSoldIncrementV
}

func TestSyncFollowsEveryTypeByDefault(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		types := []taobao.TradeType{taobao.TradeTypeFixed, taobao.TradeTypeTmallI18n, taobao.TradeTypeEticket,
			taobao.TradeTypeO2OOfflinetrade, taobao.TradeTypePreAuthType, taobao.TradeTypeNopaid, taobao.TradeTypeFenxiao}
		for _, ty := range types {
			srv.AddTrade(syncSeller, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Type: ty})
		}
		time.Sleep(time.Minute)

		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)), "every type reaches the handler")

		// Narrowing is explicit.
		only := newRecorder()
		s = taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Type: []taobao.TradeType{taobao.TradeTypeTmallI18n}})
		_, err = s.SyncOnce(context.Background(), only.handle)
		require.NoError(t, err)
		assert.Len(t, only.latest, 1)
	})
}

func TestSyncDistrustsContradictoryPages(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(n int, form url.Values, p map[string]any) // n: the number of the increment call, from 1
	}{
		{"first page without total_results", func(n int, _ url.Values, p map[string]any) {
			if n == 1 {
				delete(p, "total_results")
			}
		}},
		{"page short of page_size before the last", func(n int, form url.Values, p map[string]any) {
			if form.Get("page_no") == "2" && n < 4 {
				trades := p["trades"].(map[string]any)
				list := trades["trade"].([]any)
				trades["trade"] = list[:len(list)-1]
			}
		}},
		{"absurd count once", func(n int, _ url.Values, p map[string]any) {
			if n == 1 {
				p["total_results"] = json.Number("1000000000000")
			}
		}},
		{"more trades than the count", func(n int, _ url.Values, p map[string]any) {
			if n == 2 {
				p["total_results"] = json.Number("120")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, session := newSyncFake(t)
			synctest.Test(t, func(t *testing.T) {
				c, rw := rewritten(srv, session)
				start := time.Now()
				addTrades(srv, 250)
				time.Sleep(time.Minute)
				calls := 0
				rw.set(func(form url.Values, p map[string]any) {
					if isIncrement(form) {
						calls++
						tt.corrupt(calls, form, p)
					}
				})
				rec := newRecorder()
				s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Window: time.Hour})
				_, err := s.SyncOnce(context.Background(), rec.handle)
				require.NoError(t, err)
				assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
				assert.Positive(t, s.Stats().Rereads, "the window was read again")
				assert.Less(t, calls, 30, "bounded")
			})
		})
	}
}

func TestSyncNeverReadsAnAbsurdCountForever(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c, rw := rewritten(srv, session)
		start := time.Now()
		addTrades(srv, 50)
		time.Sleep(time.Minute)
		calls := 0
		rw.set(func(form url.Values, p map[string]any) {
			if isIncrement(form) {
				calls++
				p["total_results"] = json.Number("1000000000000")
			}
		})
		cp := &taobao.MemoryCheckpoint{}
		s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{Since: start, Window: time.Hour})
		_, err := s.SyncOnce(context.Background(), newRecorder().handle)
		require.Error(t, err)
		assert.True(t, taobao.IsRetryable(err), "the next poll tries again: %v", err)
		assert.Contains(t, err.Error(), "count")
		assert.LessOrEqual(t, calls, 10)
		_, ok, _ := cp.Load(context.Background())
		assert.False(t, ok, "the checkpoint did not move")
	})
}

// TestSyncLateWriteWithALeaver writes a change late into the window being
// read (a trade whose modified lies inside it) while another trade leaves
// it: the count stays the same, and an unchanged trade is pushed onto a
// page already read. Reading the window again finds it.
func TestSyncLateWriteWithALeaver(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		trades := addTrades(srv, 250)
		time.Sleep(time.Minute)
		done := false
		srv.BetweenPages(func(method string, pageNo int) {
			if method != taobao.MethodTradesSoldIncrement || done || pageNo != 2 {
				return
			}
			done = true
			srv.AddTrade(syncSeller, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Type: taobao.TradeTypeFixed,
				Created: taobao.NewTime(start.Add(time.Second)), Modified: taobao.NewTime(start.Add(time.Second))})
			require.NoError(t, srv.ModifyTrade(int64(trades[0].Tid), nil))
		})
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start.Add(-time.Second), Window: time.Hour})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		require.True(t, done)
		time.Sleep(time.Minute)
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
	})
}

func TestSyncRereadsTheGatewayClockAfterAHostClockJump(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		var mu sync.Mutex
		offset := time.Duration(0)
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, Lag: 5 * time.Second})
		taobao.SetSyncWallClock(s, func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			return time.Now().Add(offset)
		})
		rec := newRecorder()
		time.Sleep(time.Minute)
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)

		mu.Lock()
		offset = 10 * time.Minute // the host clock steps forward (NTP, a resumed VM)
		mu.Unlock()
		for range 4 {
			time.Sleep(time.Minute)
			addTrades(srv, 1)
			_, err := s.SyncOnce(context.Background(), rec.handle)
			require.NoError(t, err)
		}
		time.Sleep(time.Minute)
		_, err = s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)), "changes after the jump are not skipped")
		assert.EqualValues(t, 2, s.Stats().ClockProbes, "the jump made the syncer read the clock again")
	})
}

func TestSyncRejectsACheckpointAheadOfTheGateway(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		cp := &taobao.MemoryCheckpoint{}
		future := time.Now().Add(365 * 24 * time.Hour)
		require.NoError(t, cp.Save(context.Background(), future))
		s := taobao.NewTradeSyncer(c, cp, nil)
		err := s.Run(context.Background(), newRecorder().handle)
		require.Error(t, err)
		assert.Contains(t, err.Error(), taobao.NewTime(future).String())
		assert.Contains(t, err.Error(), "ahead of the gateway's clock")
	})
}

func TestRunReportsOutages(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		var logs bytes.Buffer
		logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
		c := srv.Client(session, inProcess(srv, taobao.WithLogger(logger))...)
		start := time.Now()
		addTrades(srv, 3)
		time.Sleep(time.Minute)
		srv.FailNextHTTP(timeGet, 6, http.StatusBadGateway)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start, PollInterval: time.Second})
		err := s.Run(ctx, rec.handle)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		st := s.Stats()
		assert.Positive(t, st.FailedCalls)
		assert.Positive(t, st.FailedPolls)
		assert.GreaterOrEqual(t, st.Calls, st.FailedCalls)
		assert.Contains(t, logs.String(), "level=WARN")
		assert.Contains(t, logs.String(), "class=http")
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)), "synced once the gateway came back")
	})
}

func TestQuietShopCatchUpCostsAboutACallADay(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		now := time.Now()
		since := now.Add(-89 * 24 * time.Hour)
		for i := range 500 {
			at := taobao.NewTime(since.Add(time.Duration(i) * 89 * 24 * time.Hour / 500).Add(time.Minute))
			srv.AddTrade(syncSeller, taobao.Trade{Status: taobao.TradeStatusTradeFinished, Type: taobao.TradeTypeFixed, Created: at, Modified: at})
		}
		rec := newRecorder()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: since})
		_, err := s.SyncOnce(context.Background(), rec.handle)
		require.NoError(t, err)
		assert.Empty(t, rec.missing(srv.Trades(syncSeller)))
		calls := srv.Calls(taobao.MethodTradesSoldIncrement)
		t.Logf("89-day catch-up of a 500-trade shop: %d list calls", calls)
		assert.LessOrEqual(t, calls, 89+10, "about one call per day of history")
	})
}

// TestPoisonWindowIsNarrowedToTheUnreadableTrade serves one trade whose
// answers never decode (in a page or alone): after PoisonPolls polls the
// syncer narrows the window, hands every other trade over, and reports the
// one it cannot read.
func TestPoisonWindowIsNarrowedToTheUnreadableTrade(t *testing.T) {
	for _, optIn := range []bool{true, false} {
		t.Run("opt-in="+strconv.FormatBool(optIn), func(t *testing.T) {
			srv, session := newSyncFake(t)
			synctest.Test(t, func(t *testing.T) {
				c, rw := rewritten(srv, session, taobao.WithMaxRetries(0))
				start := time.Now()
				trades := addTrades(srv, 40)
				bad := strconv.FormatInt(int64(trades[17].Tid), 10)
				time.Sleep(time.Minute)
				rw.mu.Lock()
				rw.raw = func(form url.Values, body []byte) []byte {
					idOnly := form.Get("fields") == "tid,modified"
					if bytes.Contains(body, []byte(bad)) && !idOnly {
						return body[:len(body)/2] // stays truncated
					}
					return body
				}
				rw.mu.Unlock()
				var reported []int64
				opts := &taobao.SyncOptions{Since: start, Window: time.Hour}
				if optIn {
					opts.OnUnreadable = func(_ context.Context, tid int64, err error) error {
						reported = append(reported, tid)
						var dec *taobao.DecodeError
						assert.ErrorAs(t, err, &dec)
						return nil
					}
				}
				cp := &taobao.MemoryCheckpoint{}
				s := taobao.NewTradeSyncer(c, cp, opts)
				rec := newRecorder()
				for range taobao.DefaultSyncPoisonPolls {
					_, err := s.SyncOnce(context.Background(), rec.handle)
					var dec *taobao.DecodeError
					require.ErrorAs(t, err, &dec)
				}
				_, err := s.SyncOnce(context.Background(), rec.handle)
				if !optIn {
					require.Error(t, err, "nothing is skipped unless the caller opts in")
					assert.Contains(t, err.Error(), bad)
					_, ok, _ := cp.Load(context.Background())
					assert.False(t, ok, "the checkpoint did not pass the trade")
					return
				}
				require.NoError(t, err)
				assert.Equal(t, []int64{int64(trades[17].Tid)}, reported)
				missing := rec.missing(srv.Trades(syncSeller))
				assert.Equal(t, []int64{int64(trades[17].Tid)}, missing, "every other trade was handed over")
				assert.EqualValues(t, 1, s.Stats().Unreadable)
			})
		})
	}
}
