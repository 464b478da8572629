package taobaotest_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
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

func TestDataSetOptions(t *testing.T) {
	t.Parallel()
	clock, _ := stillClock()
	tests := []struct {
		name    string
		opts    []taobaotest.Option
		sellers []string
		trades  int
	}{
		{"defaults", nil, nil, taobaotest.DefaultTrades},
		{"named sellers", []taobaotest.Option{taobaotest.WithSellers("甲", "", "乙", "甲")}, []string{"甲", "乙"}, taobaotest.DefaultTrades},
		{"seller count", []taobaotest.Option{taobaotest.WithSellerCount(5), taobaotest.WithTrades(7)}, nil, 7},
		{"no trades", []taobaotest.Option{taobaotest.WithTrades(0)}, nil, 0},
		{"negative trades", []taobaotest.Option{taobaotest.WithTrades(-4)}, nil, 0},
		{"no sellers", []taobaotest.Option{taobaotest.WithSellerCount(0)}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, append([]taobaotest.Option{clock}, tt.opts...)...)
			sellers := srv.Sellers()
			switch {
			case tt.sellers != nil:
				assert.Equal(t, tt.sellers, append([]string{}, sellers...))
			case tt.name == "seller count":
				assert.Len(t, sellers, 5)
			default:
				require.Len(t, sellers, taobaotest.DefaultSellerCount)
				assert.Equal(t, taobaotest.DefaultAuthorizeSeller, sellers[0])
			}
			for _, s := range sellers {
				assert.Len(t, srv.Trades(s), tt.trades, s)
			}
		})
	}
}

func TestSameSeedSameData(t *testing.T) {
	t.Parallel()
	clock, _ := stillClock()
	a := newServer(t, clock, taobaotest.WithSeed(9), taobaotest.WithTrades(20))
	b := newServer(t, clock, taobaotest.WithSeed(9), taobaotest.WithTrades(20))
	c := newServer(t, clock, taobaotest.WithSeed(10), taobaotest.WithTrades(20))
	nick := a.Sellers()[1]
	assert.Equal(t, a.Trades(nick), b.Trades(nick))
	assert.NotEqual(t, a.Trades(nick)[0].Tid, c.Trades(nick)[0].Tid)
}

func TestAddTrade(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	in := taobao.Trade{
		Status:  taobao.TradeStatusWaitBuyerPay,
		Payment: 12345,
		Created: taobao.NewTime(now.Add(-time.Hour).Add(123 * time.Millisecond).UTC()),
		Orders:  []taobao.Order{{Title: "茶", Price: 12345, Num: 1}},
	}
	got := srv.AddTrade("新店", in)
	assert.Greater(t, int64(got.Tid), int64(1)<<53)
	assert.Len(t, strconv.FormatInt(got.Tid, 10), 19)
	assert.Equal(t, "新店", got.SellerNick)
	assert.Equal(t, taobao.TradeTypeFixed, got.Type)
	assert.Equal(t, now.Add(-time.Hour).Unix(), got.Created.Unix())
	assert.Zero(t, got.Created.Nanosecond(), "kept to the second")
	assert.Equal(t, taobao.GMT8(), got.Created.Location())
	assert.True(t, got.Modified.Equal(now))
	assert.Equal(t, got.Tid, got.Orders[0].Oid, "a single order's oid is the tid")
	assert.Zero(t, in.Tid, "the argument is not changed")
	assert.Contains(t, srv.Sellers(), "新店")

	truth := srv.Trades("新店")
	require.Len(t, truth, 1)
	assert.Equal(t, got, truth[0])
	read, err := srv.Client(srv.NewSession("新店")).Trades.FullInfo(context.Background(), int64(got.Tid), nil)
	require.NoError(t, err)
	assert.Equal(t, got, *read, "what the SDK reads back is what was stored")

	// The same tid again replaces it.
	again := srv.AddTrade("新店", taobao.Trade{Tid: got.Tid, Status: taobao.TradeStatusTradeClosedByTaobao})
	assert.Equal(t, got.Tid, again.Tid)
	truth = srv.Trades("新店")
	require.Len(t, truth, 1)
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, truth[0].Status)

	multi := srv.AddTrade("新店", taobao.Trade{Orders: make([]taobao.Order, 3)})
	seen := map[int64]bool{}
	for _, o := range multi.Orders {
		assert.NotZero(t, o.Oid)
		assert.False(t, seen[o.Oid])
		seen[o.Oid] = true
	}
}

func TestModifyTrade(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock)
	nick := srv.Sellers()[0]
	tr := srv.Trades(nick)[5]
	tid := int64(tr.Tid)

	var kept *taobao.Trade
	require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) {
		t.SellerMemo = "加急"
		t.Orders[0].Title = "改过的标题"
		kept = t
	}))
	got, ok := srv.Trade(tid)
	require.True(t, ok)
	assert.Equal(t, "加急", got.SellerMemo)
	assert.Equal(t, "改过的标题", got.Orders[0].Title)
	assert.True(t, got.Modified.Equal(now), "modified bumped to now")
	assert.Equal(t, tr.Created, got.Created)

	kept.Orders[0].Title = "changed later"
	got, _ = srv.Trade(tid)
	assert.Equal(t, "改过的标题", got.Orders[0].Title, "the function's copy is not the server's")
	list := srv.Trades(nick)
	list[0].Orders[0].Title = "changed by the caller"
	assert.NotEqual(t, "changed by the caller", srv.Trades(nick)[0].Orders[0].Title, "Trades returns copies")

	set := taobao.NewTime(now.Add(-time.Minute))
	require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.Modified = set }))
	got, _ = srv.Trade(tid)
	assert.True(t, got.Modified.Equal(set.Time), "a modified time set by the function is kept")

	err := srv.ModifyTrade(tid, func(t *taobao.Trade) { t.Tid++ })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "tid")
	require.Error(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.SellerNick = "someone else" }))
	after, _ := srv.Trade(tid)
	assert.Equal(t, got, after, "a refused change changes nothing")
	require.Error(t, srv.ModifyTrade(42, nil))
	require.NoError(t, srv.ModifyTrade(tid, nil))
}

// TestLifeCycle walks a trade from creation to the end with the control
// methods, the clock moving between steps, and checks the times stay in
// order and the lists see every change.
func TestLifeCycle(t *testing.T) {
	t.Parallel()
	clock, _ := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	mk := func() int64 {
		return int64(srv.AddTrade("s", taobao.Trade{
			Status: taobao.TradeStatusWaitBuyerPay, Payment: 3000, ShippingType: taobao.ShippingTypeExpress,
			Orders: []taobao.Order{
				{Title: "a", Status: taobao.OrderStatusWaitBuyerPay, Payment: 1000},
				{Title: "b", Status: taobao.OrderStatusWaitBuyerPay, Payment: 2000},
			},
		}).Tid)
	}
	tid := mk()
	step := func(err error) taobao.Trade {
		t.Helper()
		require.NoError(t, err)
		tr, _ := srv.Trade(tid)
		srv.Advance(time.Hour)
		return tr
	}
	srv.Advance(time.Minute)
	require.Error(t, srv.ShipTrade(tid, "SF", ""), "not paid yet")
	require.Error(t, srv.FinishTrade(tid))

	tr := step(srv.PayTrade(tid))
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, tr.Status)
	assert.False(t, tr.PayTime.IsZero())
	assert.NotEmpty(t, tr.AlipayNo)
	require.Len(t, srv.Shipments(tid), 1)
	assert.Equal(t, "no", srv.Shipments(tid)[0].SellerConfirm)
	require.Error(t, srv.PayTrade(tid), "paid already")

	tr = step(srv.ShipTrade(tid, "SF", ""))
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, tr.Status)
	require.Len(t, srv.Shipments(tid), 1, "the logistics order made at payment was used")
	assert.Regexp(t, `^SF[0-9]{13}$`, srv.Shipments(tid)[0].OutSid)

	tr = step(srv.RefundOrder(tid, int64(tr.Orders[1].Oid), taobao.RefundStatusSuccess))
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, tr.Status)
	assert.Equal(t, taobao.OrderStatusTradeClosed, tr.Orders[1].Status)
	assert.Len(t, tr.Orders[1].RefundID, 17)

	tr = step(srv.FinishTrade(tid))
	assert.Equal(t, taobao.TradeStatusTradeFinished, tr.Status)
	assert.Equal(t, taobao.Money(1000), tr.ReceivedPayment, "the refunded order is not received")
	assert.Equal(t, taobao.OrderStatusTradeClosed, tr.Orders[1].Status)
	require.Error(t, srv.CloseTrade(tid), "finished")

	times := []taobao.Time{tr.Created, tr.PayTime, tr.ConsignTime, tr.EndTime, tr.Modified}
	for i := 1; i < len(times); i++ {
		assert.False(t, times[i].Before(times[i-1].Time), "times in order: %v", times)
	}

	// Closing: before payment, and after.
	tid = mk()
	tr = step(srv.CloseTrade(tid))
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, tr.Status)
	assert.Equal(t, taobao.OrderStatusTradeClosedByTaobao, tr.Orders[0].Status)
	tid = mk()
	step(srv.PayTrade(tid))
	tr = step(srv.CloseTrade(tid))
	assert.Equal(t, taobao.TradeStatusTradeClosed, tr.Status)
	for _, o := range tr.Orders {
		assert.Equal(t, taobao.RefundStatusSuccess, o.RefundStatus)
	}
	assert.Equal(t, taobao.ShippingStatusCancelled, srv.Shipments(tid)[0].Status)

	// Refunding every order closes the trade.
	tid = mk()
	tr = step(srv.PayTrade(tid))
	step(srv.RefundOrder(tid, int64(tr.Orders[0].Oid), taobao.RefundStatusWaitSellerAgree))
	step(srv.RefundOrder(tid, int64(tr.Orders[0].Oid), taobao.RefundStatusSuccess))
	tr = step(srv.RefundOrder(tid, int64(tr.Orders[1].Oid), taobao.RefundStatusSuccess))
	assert.Equal(t, taobao.TradeStatusTradeClosed, tr.Status)

	for _, err := range []error{
		srv.PayTrade(1), srv.ShipTrade(1, "SF", ""), srv.RefundOrder(1, 1, "SUCCESS"),
		srv.RefundOrder(tid, 1, "SUCCESS"), srv.CloseTrade(1), srv.FinishTrade(1),
	} {
		assert.Error(t, err)
	}
	var ae *taobao.APIError
	assert.True(t, errors.As(srv.ShipTrade(tid, "SF", ""), &ae), "ShipTrade fails as offline.send does")
}

// TestConcurrentUse reads pages while other goroutines change, add and
// ship trades; the race detector checks the locking.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(300))
	nick, session := firstSeller(srv)
	all := srv.Trades(nick)
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := srv.Client(session)
			for it, err := range c.Trades.ListSoldIter(ctx, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 50}}) {
				if !assert.NoError(t, err) {
					return
				}
				_ = it
			}
			_, err := c.Trades.FullInfo(ctx, int64(all[g].Tid), nil)
			assert.NoError(t, err)
		}()
	}
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i := range 100 {
			assert.NoError(t, srv.ModifyTrade(int64(all[i].Tid), func(t *taobao.Trade) { t.SellerFlag = 1 }))
		}
	}()
	go func() {
		defer wg.Done()
		for range 50 {
			srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay})
		}
	}()
	go func() {
		defer wg.Done()
		for _, tr := range all {
			if tr.Status == taobao.TradeStatusWaitSellerSendGoods {
				_ = srv.ShipTrade(int64(tr.Tid), "ZTO", "")
			}
			_ = srv.Sellers()
		}
	}()
	wg.Wait()
	assert.Len(t, srv.Trades(nick), 350)
}

// TestCallLimit runs under testing/synctest: the ban is counted on the
// server's clock, which is the bubble's.
func TestCallLimit(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithCallLimit(3, 10*time.Second))
	synctest.Test(t, func(t *testing.T) {
		hc := &http.Client{Transport: srv.Transport()}
		strict := srv.Client("", taobao.WithHTTPClient(hc), taobao.WithMaxRetries(0))
		ctx := context.Background()
		for range 3 {
			require.NoError(t, strict.Call(ctx, "taobao.time.get", nil, nil))
		}
		other := srv.Client("", taobao.WithHTTPClient(hc))
		require.NoError(t, other.Call(ctx, taobao.MethodLogisticsCompanies, url.Values{"fields": {"code"}}, nil), "counted per method")
		time.Sleep(4 * time.Second)
		err := strict.Call(ctx, "taobao.time.get", nil, nil)
		var ae *taobao.APIError
		require.True(t, errors.As(err, &ae), "%v", err)
		assert.Equal(t, 7, ae.Code)
		assert.Equal(t, "accesscontrol.limited-by-app-api-access-count", ae.SubCode)
		assert.Equal(t, "This ban will last for 6 more seconds", ae.SubMsg)
		d, ok := ae.RetryAfter()
		assert.True(t, ok)
		assert.Equal(t, 6*time.Second, d)

		// A client that waits out bans gets through when the window ends,
		// not before.
		patient := srv.Client("", taobao.WithHTTPClient(hc))
		start := time.Now()
		require.NoError(t, patient.Call(ctx, "taobao.time.get", nil, nil))
		assert.Equal(t, 6*time.Second, time.Since(start))
	})
}

// TestDataFollowsTheFirstUse checks that the data set is generated on
// first use, relative to the clock then: in a synctest bubble, the
// bubble's.
func TestDataFollowsTheFirstUse(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(20))
	synctest.Test(t, func(t *testing.T) {
		now := time.Now()
		c := srv.Client(srv.NewSession(srv.Sellers()[0]), taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		p, err := c.Trades.ListSold(context.Background(), nil)
		require.NoError(t, err)
		require.NotEmpty(t, p.Trades)
		for _, tr := range p.Trades {
			assert.False(t, tr.Created.After(now))
			assert.True(t, tr.Created.After(now.Add(-taobaotest.SearchWindow)))
		}
	})
}
