package taobao_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// writeFake is a fake with no seeded trades, a still clock the test moves
// with Advance, and a session of "shop".
func writeFake(t *testing.T) (*taobaotest.Server, *taobao.Client, time.Time) {
	t.Helper()
	at := time.Now().Truncate(time.Second)
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithClock(func() time.Time { return at }))
	t.Cleanup(srv.Close)
	return srv, srv.Client(srv.NewSession("shop")), at
}

// unpaidTrade adds a trade waiting for payment, created a minute ago.
func unpaidTrade(srv *taobaotest.Server, at time.Time) taobao.Trade {
	return srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay,
		Created: taobao.NewTime(at.Add(-time.Minute)), Modified: taobao.NewTime(at.Add(-time.Minute)),
		Orders: []taobao.Order{{Title: "x", Status: taobao.OrderStatusWaitBuyerPay}}})
}

func truth(t *testing.T, srv *taobaotest.Server, tid int64) taobao.Trade {
	t.Helper()
	tr, ok := srv.Trade(tid)
	require.True(t, ok)
	return tr
}

func TestTradeWritesValidateBeforeTheNetwork(t *testing.T) {
	t.Parallel()
	srv, c, _ := writeFake(t)
	ctx := context.Background()
	long := strings.Repeat("备", taobao.MaxMemoBytes/3+1) // 1002 bytes of UTF-8
	tests := []struct {
		name, method, param string
		call                func() error
	}{
		{"update tid", taobao.MethodTradeMemoUpdate, "tid", func() error { _, err := c.Trades.UpdateMemo(ctx, 0, "m", nil); return err }},
		{"update long memo", taobao.MethodTradeMemoUpdate, "memo", func() error { _, err := c.Trades.UpdateMemo(ctx, 1, long, nil); return err }},
		{"update bad utf-8", taobao.MethodTradeMemoUpdate, "memo", func() error { _, err := c.Trades.UpdateMemo(ctx, 1, "\xff", nil); return err }},
		{"update blank memo", taobao.MethodTradeMemoUpdate, "memo", func() error { _, err := c.Trades.UpdateMemo(ctx, 1, "  ", nil); return err }},
		{"update reset with memo", taobao.MethodTradeMemoUpdate, "memo", func() error {
			_, err := c.Trades.UpdateMemo(ctx, 1, "m", &taobao.MemoOptions{Reset: true})
			return err
		}},
		{"update flag 6", taobao.MethodTradeMemoUpdate, "flag", func() error {
			_, err := c.Trades.UpdateMemo(ctx, 1, "m", &taobao.MemoOptions{Flag: 6})
			return err
		}},
		{"update flag -1", taobao.MethodTradeMemoUpdate, "flag", func() error {
			_, err := c.Trades.UpdateMemo(ctx, 1, "m", &taobao.MemoOptions{Flag: -1})
			return err
		}},
		{"add tid", taobao.MethodTradeMemoAdd, "tid", func() error { _, err := c.Trades.AddMemo(ctx, -1, "m", 0); return err }},
		{"add empty memo", taobao.MethodTradeMemoAdd, "memo", func() error { _, err := c.Trades.AddMemo(ctx, 1, "", 0); return err }},
		{"add long memo", taobao.MethodTradeMemoAdd, "memo", func() error { _, err := c.Trades.AddMemo(ctx, 1, long, 0); return err }},
		{"add flag", taobao.MethodTradeMemoAdd, "flag", func() error { _, err := c.Trades.AddMemo(ctx, 1, "m", 9); return err }},
		{"close tid", taobao.MethodTradeClose, "tid", func() error { _, err := c.Trades.Close(ctx, 0, taobao.CloseReasonOutOfStock); return err }},
		{"close reason", taobao.MethodTradeClose, "close_reason", func() error { _, err := c.Trades.Close(ctx, 1, "不想卖了"); return err }},
		{"close empty reason", taobao.MethodTradeClose, "close_reason", func() error { _, err := c.Trades.Close(ctx, 1, ""); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), "taobao: "+tt.method+": invalid argument: "+tt.param)
			assert.Zero(t, srv.Calls(tt.method), "no request reaches the gateway")
		})
	}
	// The limits themselves are accepted.
	_, err := c.Trades.UpdateMemo(ctx, 1, strings.Repeat("a", taobao.MaxMemoBytes), &taobao.MemoOptions{Flag: taobao.MemoFlagPink})
	assert.ErrorIs(t, err, taobao.ErrNotFound, "1000 bytes and flag 5 reach the gateway")
	assert.Len(t, taobao.CloseReasons(), 7)
}

func TestUpdateMemo(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := unpaidTrade(srv, at)
	tid := int64(tr.Tid)

	res, err := c.Trades.UpdateMemo(ctx, tid, "#已推送# ERP", &taobao.MemoOptions{Flag: taobao.MemoFlagRed})
	require.NoError(t, err)
	assert.Equal(t, tid, res.Tid)
	assert.True(t, res.Modified.Equal(at), "modified is the change's time: %v", res.Modified)
	assert.NotEmpty(t, res.RequestID)
	got := truth(t, srv, tid)
	assert.Equal(t, "#已推送# ERP", got.SellerMemo)
	assert.EqualValues(t, 1, got.SellerFlag)
	assert.True(t, got.Modified.Equal(at))
	form := srv.CallLog()[len(srv.CallLog())-1].Params
	assert.Equal(t, "1", form.Get("flag"))
	assert.Empty(t, form.Get("reset"))

	// An empty memo keeps the memo and sets the flag, which is always sent.
	_, err = c.Trades.UpdateMemo(ctx, tid, "", nil)
	require.NoError(t, err)
	got = truth(t, srv, tid)
	assert.Equal(t, "#已推送# ERP", got.SellerMemo)
	assert.EqualValues(t, 0, got.SellerFlag)
	form = srv.CallLog()[len(srv.CallLog())-1].Params
	assert.Equal(t, "0", form.Get("flag"))
	assert.False(t, form.Has("memo"))

	// Reset clears it.
	_, err = c.Trades.UpdateMemo(ctx, tid, "", &taobao.MemoOptions{Reset: true, Flag: taobao.MemoFlagBlue})
	require.NoError(t, err)
	got = truth(t, srv, tid)
	assert.Empty(t, got.SellerMemo)
	assert.EqualValues(t, 4, got.SellerFlag)
	assert.Equal(t, "true", srv.CallLog()[len(srv.CallLog())-1].Params.Get("reset"))

	_, err = c.Trades.UpdateMemo(ctx, 4_000_000_000_000_000_001, "m", nil)
	assert.ErrorIs(t, err, taobao.ErrNotFound)
}

func TestAddMemo(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := unpaidTrade(srv, at)
	tid := int64(tr.Tid)
	res, err := c.Trades.AddMemo(ctx, tid, "first", taobao.MemoFlagGreen)
	require.NoError(t, err)
	assert.Equal(t, tid, res.Tid)
	assert.True(t, res.Created.Equal(tr.Created.Time), "add answers the trade's created time")
	got := truth(t, srv, tid)
	assert.Equal(t, "first", got.SellerMemo)
	assert.EqualValues(t, 3, got.SellerFlag)

	_, err = c.Trades.AddMemo(ctx, tid, "second", 0)
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr, "a memo cannot be added twice")
	assert.False(t, taobao.IsRetryable(err))
	assert.Equal(t, "first", truth(t, srv, tid).SellerMemo)
}

func TestCloseTrade(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := unpaidTrade(srv, at)
	res, err := c.Trades.Close(ctx, int64(tr.Tid), taobao.CloseReasonWrongBuyerInfo)
	require.NoError(t, err)
	assert.Equal(t, int64(tr.Tid), res.Tid)
	assert.True(t, res.Modified.Equal(at))
	got := truth(t, srv, int64(tr.Tid))
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, got.Status)
	assert.Equal(t, "买家信息填写错误，重新拍", srv.CallLog()[len(srv.CallLog())-1].Params.Get("close_reason"))

	// A paid trade cannot be closed.
	paid := srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Created: taobao.NewTime(at.Add(-time.Hour))})
	_, err = c.Trades.Close(ctx, int64(paid.Tid), taobao.CloseReasonOutOfStock)
	require.Error(t, err)
	assert.NotErrorIs(t, err, taobao.ErrCloseTooFast)
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, truth(t, srv, int64(paid.Tid)).Status)
}

func TestCloseTradeTooFast(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Created: taobao.NewTime(at.Add(-3 * time.Second))})
	_, err := c.Trades.Close(ctx, int64(tr.Tid), taobao.CloseReasonNotPaidInTime)
	require.ErrorIs(t, err, taobao.ErrCloseTooFast)
	var tooFast *taobao.CloseTooFastError
	require.ErrorAs(t, err, &tooFast)
	assert.Equal(t, 7*time.Second, tooFast.Wait, "the answer names the seconds left")
	assert.Equal(t, int64(tr.Tid), tooFast.Tid)
	assert.True(t, taobao.IsRetryable(err), "nothing changed: closing again later is safe")
	assert.Contains(t, err.Error(), "taobao: taobao.trade.close:")
	assert.Contains(t, err.Error(), "request_id=")
	assert.Equal(t, taobao.TradeStatusWaitBuyerPay, truth(t, srv, int64(tr.Tid)).Status)

	srv.Advance(tooFast.Wait)
	_, err = c.Trades.Close(ctx, int64(tr.Tid), taobao.CloseReasonNotPaidInTime)
	require.NoError(t, err)
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, truth(t, srv, int64(tr.Tid)).Status)
}

func TestCloseTooFastShapes(t *testing.T) {
	t.Parallel()
	srv, c, _ := writeFake(t)
	tests := []struct {
		name string
		err  *taobao.APIError
		wait time.Duration
	}{
		{"in sub_code, no seconds", &taobao.APIError{Code: 15, SubCode: "isv.CLOSE_TRADE_TOO_FAST"}, taobao.CloseTooNewWait},
		{"in sub_msg with seconds", &taobao.APIError{Code: 15, SubCode: "isv.trade-close-error", SubMsg: "CLOSE_TRADE_TOO_FAST: 请3秒后再试"}, 3 * time.Second},
		{"in msg, absurd seconds", &taobao.APIError{Code: 15, Msg: "close_trade_too_fast 600 seconds"}, taobao.CloseTooNewWait},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.FailNext(taobao.MethodTradeClose, 1, tt.err)
			_, err := c.Trades.Close(context.Background(), 42, taobao.CloseReasonOutOfStock)
			var tooFast *taobao.CloseTooFastError
			require.ErrorAs(t, err, &tooFast)
			assert.Equal(t, tt.wait, tooFast.Wait)
			d, ok := tooFast.RetryAfter()
			assert.True(t, ok)
			assert.Equal(t, tt.wait, d)
		})
	}
	srv.FailNext(taobao.MethodTradeClose, 1, &taobao.APIError{Code: 15, SubCode: "isv.invalid-parameter:closereason_wrong"})
	_, err := c.Trades.Close(context.Background(), 42, taobao.CloseReasonOutOfStock)
	assert.NotErrorIs(t, err, taobao.ErrCloseTooFast)
	assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
}

// TestTradeWritesCutAnswer drives a cut answer for each trade write, then
// the caller's retry, and checks the trade changed exactly once: its
// modified time is that of the first attempt, although the clock moved
// before the retry.
func TestTradeWritesCutAnswer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		method string
		call   func(c *taobao.Client, tid int64) error
		// retried: the client retries the cut answer itself.
		retried bool
		// again checks the caller's retry.
		again func(t *testing.T, err error)
		check func(t *testing.T, tr taobao.Trade)
	}{
		{"update memo", taobao.MethodTradeMemoUpdate, func(c *taobao.Client, tid int64) error {
			_, err := c.Trades.UpdateMemo(context.Background(), tid, "stamp", &taobao.MemoOptions{Flag: taobao.MemoFlagYellow})
			return err
		}, true, func(t *testing.T, err error) { assert.NoError(t, err, "repeating an update is safe") },
			func(t *testing.T, tr taobao.Trade) { assert.Equal(t, "stamp", tr.SellerMemo) }},
		{"add memo", taobao.MethodTradeMemoAdd, func(c *taobao.Client, tid int64) error {
			_, err := c.Trades.AddMemo(context.Background(), tid, "stamp", taobao.MemoFlagYellow)
			return err
		}, false, func(t *testing.T, err error) {
			var apiErr *taobao.APIError
			assert.ErrorAs(t, err, &apiErr, "the second add is refused")
			assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
		}, func(t *testing.T, tr taobao.Trade) { assert.Equal(t, "stamp", tr.SellerMemo) }},
		{"close", taobao.MethodTradeClose, func(c *taobao.Client, tid int64) error {
			_, err := c.Trades.Close(context.Background(), tid, taobao.CloseReasonBuyerChangedMind)
			return err
		}, false, func(t *testing.T, err error) {
			var apiErr *taobao.APIError
			assert.ErrorAs(t, err, &apiErr, "a closed trade cannot be closed again")
			assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
		}, func(t *testing.T, tr taobao.Trade) { assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, tr.Status) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, c, at := writeFake(t)
			tid := int64(unpaidTrade(srv, at).Tid)
			srv.TruncateNext(tt.method, 1)
			err := tt.call(c, tid)
			if tt.retried {
				require.NoError(t, err)
				assert.Equal(t, 2, srv.Calls(tt.method), "retried after the cut answer")
			} else {
				require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.False(t, taobao.IsRetryable(err))
				assert.Equal(t, 1, srv.Calls(tt.method), "never retried once sent")
			}
			srv.Advance(time.Minute)
			tt.again(t, tt.call(c, tid))
			got := truth(t, srv, tid)
			tt.check(t, got)
			assert.True(t, got.Modified.Equal(at), "changed once, by the first attempt: modified %v", got.Modified)
		})
	}
}

func TestTradeWritesErrorClasses(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	ok := func(key string) taobaotest.Handler {
		return func(*taobaotest.Request) (any, error) {
			return map[string]any{"trade": map[string]any{"tid": "42", key: "2024-03-01 12:00:00"}}, nil
		}
	}
	srv.Handle(taobao.MethodTradeMemoUpdate, ok("modified"))
	srv.Handle(taobao.MethodTradeMemoAdd, ok("created"))
	srv.Handle(taobao.MethodTradeClose, ok("modified"))
	writes := []struct {
		method     string
		idempotent bool
		call       func(c *taobao.Client) (*taobao.TradeChange, error)
	}{
		{taobao.MethodTradeMemoUpdate, true, func(c *taobao.Client) (*taobao.TradeChange, error) {
			return c.Trades.UpdateMemo(context.Background(), 42, "m", nil)
		}},
		{taobao.MethodTradeMemoAdd, false, func(c *taobao.Client) (*taobao.TradeChange, error) {
			return c.Trades.AddMemo(context.Background(), 42, "m", 0)
		}},
		{taobao.MethodTradeClose, false, func(c *taobao.Client) (*taobao.TradeChange, error) {
			return c.Trades.Close(context.Background(), 42, taobao.CloseReasonOutOfStock)
		}},
	}
	for _, w := range writes {
		t.Run(w.method, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv)...)
				calls := func() int { return srv.Calls(w.method) }

				res, err := w.call(c)
				require.NoError(t, err)
				assert.Equal(t, int64(42), res.Tid, "a quoted tid is read")

				// Flow control refused the call: retried, for every write.
				before := calls()
				srv.FailNext(w.method, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
					SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 1 more seconds"})
				_, err = w.call(c)
				require.NoError(t, err)
				assert.Equal(t, 2, calls()-before)

				// A back-end failure: a repeatable write is retried, the
				// others are an unknown outcome after one call.
				before = calls()
				srv.FailNext(w.method, 1, &taobao.APIError{Code: 15, SubCode: "isp.remote-service-timeout"})
				_, err = w.call(c)
				if w.idempotent {
					require.NoError(t, err)
					assert.Equal(t, 2, calls()-before)
				} else {
					require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
					assert.Equal(t, 1, calls()-before)
				}

				// Failures on every attempt: always an unknown outcome.
				attempts := 1
				if w.idempotent {
					attempts = 1 + taobao.DefaultMaxRetries
				}
				before = calls()
				srv.FailNextHTTP(w.method, attempts, http.StatusBadGateway)
				_, err = w.call(c)
				require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.False(t, taobao.IsRetryable(err))
				assert.Contains(t, err.Error(), "trade 42")
				assert.Equal(t, attempts, calls()-before)

				// A clear refusal is returned as it is, after one call.
				before = calls()
				srv.FailNext(w.method, 1, &taobao.APIError{Code: 15, SubCode: "isv.trade-not-exist", SubMsg: "交易订单不存在"})
				_, err = w.call(c)
				require.ErrorIs(t, err, taobao.ErrNotFound)
				assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.Equal(t, 1, calls()-before)
			})
		})
	}
}

func TestTradeWriteWithoutTradeIsOutcomeUnknown(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	srv.Handle(taobao.MethodTradeClose, func(*taobaotest.Request) (any, error) { return map[string]any{}, nil })
	c := srv.Client(session)
	_, err := c.Trades.Close(context.Background(), 42, taobao.CloseReasonOutOfStock)
	require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "trade 42")
	assert.Equal(t, 1, srv.Calls(taobao.MethodTradeClose))
}
