package taobaotest_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func TestCompanies(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	c := srv.Client("") // an app-level call: no session
	ctx := context.Background()
	all, err := c.Logistics.ListCompanies(ctx, nil)
	require.NoError(t, err)
	byCode := map[string]taobao.LogisticsCompany{}
	for _, co := range all {
		byCode[co.Code] = co
		assert.NotZero(t, co.ID, co.Code)
		assert.NotEmpty(t, co.Name, co.Code)
		if co.RegMailNo != "" {
			_, err := regexp.Compile(co.RegMailNo)
			assert.NoError(t, err, co.Code)
		}
	}
	for _, code := range []string{"SF", "ZTO", "YTO", "STO", "YUNDA", "EMS", "POST", "ZJS", "OTHER"} {
		assert.Contains(t, byCode, code)
	}
	assert.Equal(t, "顺丰速运", byCode["SF"].Name)
	assert.Regexp(t, byCode["SF"].RegMailNo, "SF1234567890123")

	rec, err := c.Logistics.ListCompanies(ctx, &taobao.CompaniesOptions{Fields: []string{"code"}, IsRecommended: true, OrderMode: "offline"})
	require.NoError(t, err)
	require.NotEmpty(t, rec)
	assert.Less(t, len(rec), len(all))
	for _, co := range rec {
		assert.Equal(t, taobao.LogisticsCompany{Code: co.Code}, co, "only the code was asked for")
	}
}

// shippable finds a trade of the seller that offline.send can ship.
func shippable(t *testing.T, srv *taobaotest.Server, nick string, orders int) taobao.Trade {
	t.Helper()
	for _, tr := range srv.Trades(nick) {
		if tr.Status == taobao.TradeStatusWaitSellerSendGoods && tr.Type != taobao.TradeTypeCod &&
			tr.ShippingType != taobao.ShippingTypeVirtual && len(tr.Orders) >= orders {
			return tr
		}
	}
	t.Fatalf("no shippable trade with %d orders", orders)
	return taobao.Trade{}
}

func TestOfflineSend(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(200))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	tr := shippable(t, srv, nick, 1)
	tid := int64(tr.Tid)
	const waybill = "73012345678901"

	res, err := c.Logistics.OfflineSend(ctx, tid, waybill, "ZTO", nil)
	require.NoError(t, err)
	assert.True(t, bool(res.IsSuccess))

	// The trade moved on: state, consign time, modified, orders.
	got, err := c.Trades.FullInfo(ctx, tid, nil)
	require.NoError(t, err)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, got.Status)
	assert.True(t, got.ConsignTime.Equal(now))
	assert.True(t, got.Modified.Equal(now))
	for _, o := range got.Orders {
		assert.Equal(t, taobao.OrderStatusWaitBuyerConfirmGoods, o.Status)
		assert.Equal(t, waybill, o.InvoiceNo)
		assert.Equal(t, "中通快递", o.LogisticsCompany)
	}
	truth, ok := srv.Trade(tid)
	require.True(t, ok)
	assert.Equal(t, truth, *got)

	// The change is seen by the increment API, first.
	p, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{
		Fields: []string{"tid"}, StartModified: taobao.NewTime(now.Add(-time.Minute)), EndModified: taobao.NewTime(now)})
	require.NoError(t, err)
	require.NotEmpty(t, p.Trades)
	assert.Equal(t, tr.Tid, p.Trades[0].Tid)

	// A logistics order and a trace exist.
	sp, err := c.Logistics.ListOrderDetails(ctx, &taobao.LogisticsListOptions{Tid: tid})
	require.NoError(t, err)
	require.Len(t, sp.Shippings, 1)
	sh := sp.Shippings[0]
	assert.Equal(t, waybill, sh.OutSid)
	assert.Equal(t, "yes", sh.SellerConfirm)
	assert.Equal(t, taobao.ShippingStatusAcceptedByReceiver, sh.Status)
	assert.Equal(t, "中通快递", sh.CompanyName)
	trc, err := c.Logistics.Trace(ctx, tid, nil)
	require.NoError(t, err)
	assert.Equal(t, waybill, trc.OutSid)
	assert.Equal(t, "对方已签收", trc.Status, "offline shipments show as signed at once")
	require.NotEmpty(t, trc.TraceList)
	assert.True(t, trc.TraceList[0].StatusTime.Equal(now))

	// A second send: B04, which the SDK reports as ErrAlreadyShipped.
	_, err = c.Logistics.OfflineSend(ctx, tid, "73012345678902", "ZTO", nil)
	require.ErrorIs(t, err, taobao.ErrAlreadyShipped)
	assertSub(t, err, "isv.logistics-offline-service-error:B04")
}

func assertSub(t *testing.T, err error, subCode string) {
	t.Helper()
	var ae *taobao.APIError
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, 15, ae.Code)
	assert.Equal(t, subCode, ae.SubCode)
}

func TestOfflineSendRefusals(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(300))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	find := func(ok func(taobao.Trade) bool) int64 {
		for _, tr := range srv.Trades(nick) {
			if ok(tr) {
				return int64(tr.Tid)
			}
		}
		t.Fatal("no such trade in the data set")
		return 0
	}
	shipped := find(func(tr taobao.Trade) bool { return tr.Status == taobao.TradeStatusWaitBuyerConfirmGoods })
	usedWaybill := srv.Shipments(shipped)[0].OutSid
	usedCompany := ""
	for _, co := range mustCompanies(t, c) {
		if co.Name == srv.Shipments(shipped)[0].CompanyName {
			usedCompany = co.Code
		}
	}
	ready := shippable(t, srv, nick, 1)
	other := srv.AddTrade("另一家店", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Orders: []taobao.Order{{Title: "x", Status: "WAIT_SELLER_SEND_GOODS"}}})

	tests := []struct {
		name    string
		tid     int64
		waybill string
		company string
		sub     string
	}{
		{"unknown trade", 1_000_000_000_000_000_001, "SF1234567890123", "SF", "B01"},
		{"another seller's trade", int64(other.Tid), "SF1234567890123", "SF", "B01"},
		{"already shipped", shipped, "SF1234567890123", "SF", "B04"},
		{"closed", find(func(tr taobao.Trade) bool { return tr.Status == taobao.TradeStatusTradeClosed }), "SF1234567890123", "SF", "B04"},
		{"finished", find(func(tr taobao.Trade) bool { return tr.Status == taobao.TradeStatusTradeFinished }), "SF1234567890123", "SF", "B04"},
		{"not paid", find(func(tr taobao.Trade) bool { return tr.Status == taobao.TradeStatusWaitBuyerPay }), "SF1234567890123", "SF", "B55"},
		{"cash on delivery", find(func(tr taobao.Trade) bool {
			return tr.Type == taobao.TradeTypeCod && tr.Status == taobao.TradeStatusWaitSellerSendGoods
		}), "SF1234567890123", "SF", "B98"},
		{"unknown carrier", int64(ready.Tid), "SF1234567890123", "TELEPORT", "B57"},
		{"waybill against the carrier's rule", int64(ready.Tid), "12345", "SF", "B60"},
		{"waybill used already", int64(ready.Tid), usedWaybill, usedCompany, "B60"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Logistics.OfflineSend(ctx, tt.tid, tt.waybill, tt.company, nil)
			assertSub(t, err, "isv.logistics-offline-service-error:"+tt.sub)
		})
	}
	after, _ := srv.Trade(int64(ready.Tid))
	assert.Equal(t, ready, after, "a refused send changes nothing")
}

func mustCompanies(t *testing.T, c *taobao.Client) []taobao.LogisticsCompany {
	t.Helper()
	cs, err := c.Logistics.ListCompanies(context.Background(), nil)
	require.NoError(t, err)
	return cs
}

func TestSplitShipment(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(0))
	session := srv.NewSession("s")
	c := srv.Client(session)
	ctx := context.Background()
	tr := srv.AddTrade("s", taobao.Trade{
		Status: taobao.TradeStatusWaitSellerSendGoods, PayTime: taobao.NewTime(srv.Now()), ShippingType: taobao.ShippingTypeExpress,
		Orders: []taobao.Order{
			{Title: "一", Status: taobao.OrderStatusWaitSellerSendGoods},
			{Title: "二", Status: taobao.OrderStatusWaitSellerSendGoods},
			{Title: "三", Status: taobao.OrderStatusWaitSellerSendGoods},
		},
	})
	tid := int64(tr.Tid)
	oid := func(i int) int64 { return int64(tr.Orders[i].Oid) }
	require.NotEqual(t, oid(0), oid(1))

	_, err := c.Logistics.OfflineSend(ctx, tid, "SF1000000000001", "SF", &taobao.OfflineSendOptions{IsSplit: true, SubTids: []int64{12345}})
	assertSub(t, err, "isv.logistics-offline-service-error:P38")

	_, err = c.Logistics.OfflineSend(ctx, tid, "SF1000000000001", "SF", &taobao.OfflineSendOptions{IsSplit: true, SubTids: []int64{oid(0), oid(2)}})
	require.NoError(t, err)
	got, _ := srv.Trade(tid)
	assert.Equal(t, taobao.TradeStatusSellerConsignedPart, got.Status)
	assert.True(t, bool(got.IsPartConsign))
	assert.Equal(t, taobao.OrderStatusWaitSellerSendGoods, got.Orders[1].Status)

	_, err = c.Logistics.OfflineSend(ctx, tid, "SF1000000000002", "SF", &taobao.OfflineSendOptions{IsSplit: true, SubTids: []int64{oid(0)}})
	assertSub(t, err, "isv.logistics-offline-service-error:B04")

	_, err = c.Logistics.OfflineSend(ctx, tid, "YT1000000000003", "YTO", nil) // the rest
	require.NoError(t, err)
	got, _ = srv.Trade(tid)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, got.Status)
	ships := srv.Shipments(tid)
	require.Len(t, ships, 2)
	assert.ElementsMatch(t, []int64{oid(0), oid(2)}, ships[0].SubTids)
	assert.Equal(t, []int64{oid(1)}, ships[1].SubTids)

	trc, err := c.Logistics.Trace(ctx, tid, &taobao.TraceOptions{IsSplit: true, SubTids: []int64{oid(1)}})
	require.NoError(t, err)
	assert.Equal(t, "YT1000000000003", trc.OutSid)
	trc, err = c.Logistics.Trace(ctx, tid, &taobao.TraceOptions{IsSplit: true, SubTids: []int64{oid(2)}})
	require.NoError(t, err)
	assert.Equal(t, "SF1000000000001", trc.OutSid)
}

func TestTraces(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(200))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	var shipped, waiting, unpaid int
	for _, tr := range srv.Trades(nick) {
		trc, err := c.Logistics.Trace(ctx, int64(tr.Tid), nil)
		switch {
		case !tr.ConsignTime.IsZero():
			shipped++
			require.NoError(t, err)
			assert.Equal(t, tr.Tid, trc.Tid)
			assert.Equal(t, tr.Orders[0].InvoiceNo, trc.OutSid)
			assert.Equal(t, tr.Orders[0].LogisticsCompany, trc.CompanyName)
			require.NotEmpty(t, trc.TraceList, "tid %d", tr.Tid)
			assert.True(t, slices.IsSortedFunc(trc.TraceList, func(a, b taobao.TransitStepInfo) int { return a.StatusTime.Compare(b.StatusTime.Time) }))
			assert.False(t, trc.TraceList[0].StatusTime.Before(tr.ConsignTime.Time))
		case tr.Status == taobao.TradeStatusWaitSellerSendGoods:
			waiting++
			require.NoError(t, err)
			assert.Equal(t, "等候发送给物流公司", trc.Status)
			assert.Empty(t, trc.OutSid)
		case tr.Status == taobao.TradeStatusWaitBuyerPay:
			unpaid++
			assertSub(t, err, "isv.invalid-parameter:tid")
		}
	}
	assert.Positive(t, shipped)
	assert.Positive(t, waiting)
	assert.Positive(t, unpaid)
}

func TestLogisticsOrders(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(150))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	var all, unconfirmed []taobao.Shipping
	for _, tr := range srv.Trades(nick) {
		for _, sh := range srv.Shipments(int64(tr.Tid)) {
			all = append(all, sh)
			if sh.SellerConfirm == "no" {
				unconfirmed = append(unconfirmed, sh)
			}
		}
	}
	require.NotEmpty(t, unconfirmed)

	var got []taobao.Shipping
	for page := 1; ; page++ {
		p, err := c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{PageNo: page, PageSize: 25}})
		require.NoError(t, err)
		assert.Equal(t, int64(len(all)), p.TotalResults)
		if len(p.Shippings) == 0 {
			break
		}
		got = append(got, p.Shippings...)
	}
	require.Len(t, got, len(all))
	for i := range all {
		assert.Equal(t, all[i].Tid, got[i].Tid)
		assert.Equal(t, all[i].OutSid, got[i].OutSid)
		assert.Nil(t, got[i].Location, "orders.get has no receiver details")
	}

	p, err := c.Logistics.ListOrderDetails(ctx, &taobao.LogisticsListOptions{SellerConfirm: "no", ListOptions: taobao.ListOptions{PageSize: 100}})
	require.NoError(t, err)
	assert.Equal(t, int64(len(unconfirmed)), p.TotalResults)
	for i, sh := range p.Shippings {
		assert.Equal(t, unconfirmed[i], sh, "detail.get has every field")
	}
	p, err = c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{Status: taobao.ShippingStatusAcceptedByReceiver, Fields: []string{"tid", "status"}})
	require.NoError(t, err)
	require.NotEmpty(t, p.Shippings)
	for _, sh := range p.Shippings {
		assert.Equal(t, taobao.Shipping{Tid: sh.Tid, Status: taobao.ShippingStatusAcceptedByReceiver}, sh)
	}
	p, err = c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{BuyerNick: all[0].BuyerNick, Fields: []string{"buyer_nick"}})
	require.NoError(t, err)
	for _, sh := range p.Shippings {
		assert.Equal(t, all[0].BuyerNick, sh.BuyerNick)
	}
	p, err = c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{Tid: int64(all[3].Tid)})
	require.NoError(t, err)
	require.Len(t, p.Shippings, 1)
	assert.Equal(t, all[3].OrderCode, p.Shippings[0].OrderCode)
	a := call(t, srv, session, lorders, "fields", "tid", "page_no", "-3", "page_size", "0")
	require.Nil(t, a.err, "page_no and page_size under 1 mean the defaults")
	assert.Len(t, a.items(t, "shippings", "shipping"), min(40, len(all)))
	assert.Equal(t, fmt.Sprint(len(all)), fmt.Sprint(a.ok["total_results"]))
}
