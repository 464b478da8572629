package taobaotest_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// writeServer is a server with no seeded trades and a still clock.
func writeServer(t *testing.T) (*taobaotest.Server, string, time.Time) {
	t.Helper()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	return srv, srv.NewSession("shop"), now
}

func addTrade(srv *taobaotest.Server, status taobao.TradeStatus, created time.Time, shipping taobao.ShippingType) int64 {
	orderStatus := taobao.OrderStatus(status)
	tr := srv.AddTrade("shop", taobao.Trade{Status: status, ShippingType: shipping,
		Created: taobao.NewTime(created), Modified: taobao.NewTime(created),
		Orders: []taobao.Order{{Title: "a", Status: orderStatus}, {Title: "b", Status: orderStatus}}})
	return int64(tr.Tid)
}

func stored(t *testing.T, srv *taobaotest.Server, tid int64) taobao.Trade {
	t.Helper()
	tr, ok := srv.Trade(tid)
	require.True(t, ok)
	return tr
}

func TestMemoRules(t *testing.T) {
	t.Parallel()
	srv, session, now := writeServer(t)
	tid := addTrade(srv, taobao.TradeStatusWaitBuyerPay, now.Add(-time.Hour), "")
	id := strconv.FormatInt(tid, 10)
	tests := []struct {
		name   string
		method string
		kv     []string
		code   int64
		sub    string
	}{
		{"update without tid", taobao.MethodTradeMemoUpdate, nil, 40, ""},
		{"update memo of 1001 bytes", taobao.MethodTradeMemoUpdate, []string{"tid", id, "memo", strings.Repeat("a", 1001)}, 41, ""},
		{"update flag 6", taobao.MethodTradeMemoUpdate, []string{"tid", id, "flag", "6"}, 41, ""},
		{"update flag -1", taobao.MethodTradeMemoUpdate, []string{"tid", id, "flag", "-1"}, 41, ""},
		{"update reset not a boolean", taobao.MethodTradeMemoUpdate, []string{"tid", id, "reset", "yes"}, 41, ""},
		{"update unknown trade", taobao.MethodTradeMemoUpdate, []string{"tid", "123", "memo", "m"}, 15, "isv.trade-not-exist"},
		{"add without memo", taobao.MethodTradeMemoAdd, []string{"tid", id}, 40, ""},
		{"add memo of 1001 bytes", taobao.MethodTradeMemoAdd, []string{"tid", id, "memo", strings.Repeat("备", 333) + "ab"}, 41, ""},
		{"add flag 7", taobao.MethodTradeMemoAdd, []string{"tid", id, "memo", "m", "flag", "7"}, 41, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := call(t, srv, session, tt.method, tt.kv...)
			assert.Equal(t, tt.code, a.code(), "%s", a.body)
			assert.Equal(t, tt.sub, a.subCode())
		})
	}
	assert.True(t, stored(t, srv, tid).Modified.Equal(now.Add(-time.Hour)), "refused writes change nothing")

	// 1000 bytes and flag 5 are accepted; the answer has tid and modified.
	a := call(t, srv, session, taobao.MethodTradeMemoUpdate, "tid", id, "memo", strings.Repeat("a", 1000), "flag", "5")
	require.Zero(t, a.code(), "%s", a.body)
	trade := a.ok["trade"].(map[string]any)
	assert.Equal(t, tid, num(t, trade["tid"]))
	assert.Equal(t, gmt8(now), trade["modified"])
	tr := stored(t, srv, tid)
	assert.Len(t, tr.SellerMemo, 1000)
	assert.EqualValues(t, 5, tr.SellerFlag)

	// An update without flag sets the documented default 0; one that
	// changes nothing leaves modified alone.
	srv.Advance(time.Minute)
	require.Zero(t, call(t, srv, session, taobao.MethodTradeMemoUpdate, "tid", id).code())
	assert.EqualValues(t, 0, stored(t, srv, tid).SellerFlag)
	assert.True(t, stored(t, srv, tid).Modified.Equal(now.Add(time.Minute)))
	srv.Advance(time.Minute)
	a = call(t, srv, session, taobao.MethodTradeMemoUpdate, "tid", id, "flag", "0")
	require.Zero(t, a.code())
	assert.Equal(t, gmt8(now.Add(time.Minute)), a.ok["trade"].(map[string]any)["modified"])
	assert.True(t, stored(t, srv, tid).Modified.Equal(now.Add(time.Minute)), "an identical update is no change")

	// reset clears whatever memo is sent.
	require.Zero(t, call(t, srv, session, taobao.MethodTradeMemoUpdate, "tid", id, "memo", "x", "reset", "true").code())
	assert.Empty(t, stored(t, srv, tid).SellerMemo)

	// memo.add works once, on a trade without a memo.
	a = call(t, srv, session, taobao.MethodTradeMemoAdd, "tid", id, "memo", "first", "flag", "2")
	require.Zero(t, a.code(), "%s", a.body)
	assert.Equal(t, gmt8(now.Add(-time.Hour)), a.ok["trade"].(map[string]any)["created"], "add answers created")
	a = call(t, srv, session, taobao.MethodTradeMemoAdd, "tid", id, "memo", "second")
	assert.Equal(t, int64(15), a.code())
	assert.Equal(t, "first", stored(t, srv, tid).SellerMemo)

	// Another seller's trade does not exist for this session.
	other := srv.NewSession("other-shop")
	assert.Equal(t, "isv.trade-not-exist", call(t, srv, other, taobao.MethodTradeMemoUpdate, "tid", id, "memo", "x").subCode())
}

func TestCloseRules(t *testing.T) {
	t.Parallel()
	srv, session, now := writeServer(t)
	old := addTrade(srv, taobao.TradeStatusWaitBuyerPay, now.Add(-time.Hour), "")
	fresh := addTrade(srv, taobao.TradeStatusWaitBuyerPay, now.Add(-4*time.Second), "")
	paid := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), "")
	reason := "缺货"

	for _, r := range []string{"未及时付款", "买家不想买了", "买家信息填写错误，重新拍", "恶意买家/同行捣乱", "缺货", "买家拍错了", "同城见面交易"} {
		tid := addTrade(srv, taobao.TradeStatusWaitBuyerPay, now.Add(-time.Hour), "")
		assert.Zero(t, call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(tid, 10), "close_reason", r).code(), r)
	}
	a := call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(old, 10), "close_reason", "不想卖了")
	assert.Equal(t, "isv.invalid-parameter:closereason_wrong", a.subCode())
	assert.Equal(t, int64(40), call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(old, 10)).code())

	a = call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(fresh, 10), "close_reason", reason)
	assert.Contains(t, a.subCode(), "CLOSE_TRADE_TOO_FAST")
	assert.Contains(t, a.err["sub_msg"], "请6秒后", "the seconds left to wait")
	srv.Advance(6 * time.Second)
	assert.Zero(t, call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(fresh, 10), "close_reason", reason).code())

	a = call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(paid, 10), "close_reason", reason)
	assert.Equal(t, int64(15), a.code(), "only unpaid trades close")
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, stored(t, srv, paid).Status)

	a = call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(old, 10), "close_reason", reason)
	require.Zero(t, a.code(), "%s", a.body)
	assert.Equal(t, gmt8(now.Add(6*time.Second)), a.ok["trade"].(map[string]any)["modified"])
	tr := stored(t, srv, old)
	assert.Equal(t, taobao.TradeStatusTradeClosedByTaobao, tr.Status)
	for _, o := range tr.Orders {
		assert.Equal(t, taobao.OrderStatusTradeClosedByTaobao, o.Status)
	}
	assert.True(t, tr.EndTime.Equal(now.Add(6*time.Second)))
	assert.Equal(t, int64(15), call(t, srv, session, taobao.MethodTradeClose, "tid", strconv.FormatInt(old, 10), "close_reason", reason).code(),
		"a closed trade does not close again")
}

func TestOnlineAndDummySendRules(t *testing.T) {
	t.Parallel()
	srv, session, now := writeServer(t)
	c := srv.Client(session)
	ctx := context.Background()
	tid := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), taobao.ShippingTypeExpress)
	id := strconv.FormatInt(tid, 10)
	subs := make([]string, 21)
	for i := range subs {
		subs[i] = strconv.Itoa(i + 1)
	}
	assert.Equal(t, int64(41), call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", id, "company_code", "SF",
		"is_split", "1", "sub_tid", strings.Join(subs, ",")).code(), "at most 20 sub tids")
	assert.Equal(t, int64(40), call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", id).code())
	assert.Equal(t, "isv.logistics-online-service-error:B02",
		call(t, srv, session, taobao.MethodLogisticsOnlineConfirm, "tid", id, "out_sid", "SF1234567890123").subCode(), "nothing to confirm")

	// Without a waybill: a logistics order, the trade unchanged.
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", id, "company_code", "SF").code())
	tr := stored(t, srv, tid)
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, tr.Status)
	assert.True(t, tr.Modified.Equal(now.Add(-time.Hour)), "the trade did not change")
	sp, err := c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{Tid: tid})
	require.NoError(t, err)
	require.Len(t, sp.Shippings, 1)
	assert.Equal(t, "no", sp.Shippings[0].SellerConfirm)
	assert.Equal(t, "isv.logistics-online-service-error:B27",
		call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", id, "company_code", "SF").subCode())
	assert.Equal(t, "isv.logistics-dummy-service-error:B27", call(t, srv, session, taobao.MethodLogisticsDummySend, "tid", id).subCode())

	// Confirm ships it, with the carrier of the online order.
	srv.Advance(time.Minute)
	assert.Equal(t, "isv.logistics-online-service-error:B60",
		call(t, srv, session, taobao.MethodLogisticsOnlineConfirm, "tid", id, "out_sid", "not-a-waybill").subCode())
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsOnlineConfirm, "tid", id, "out_sid", "SF1234567890123").code())
	tr = stored(t, srv, tid)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, tr.Status)
	assert.True(t, tr.Modified.Equal(now.Add(time.Minute)))
	for _, o := range tr.Orders {
		assert.Equal(t, "SF1234567890123", o.InvoiceNo)
		assert.Equal(t, "顺丰速运", o.LogisticsCompany)
	}
	trc, err := c.Logistics.Trace(ctx, tid, nil)
	require.NoError(t, err)
	assert.Equal(t, "SF1234567890123", trc.OutSid)
	assert.NotEqual(t, "对方已签收", trc.Status, "online shipments are tracked, not signed at once")
	assert.Equal(t, "isv.logistics-online-service-error:B04",
		call(t, srv, session, taobao.MethodLogisticsOnlineConfirm, "tid", id, "out_sid", "SF1234567890124").subCode())
	assert.Equal(t, "isv.logistics-online-service-error:B04",
		call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", id, "company_code", "SF").subCode())

	// A split online send ships the named order only.
	split := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), taobao.ShippingTypeExpress)
	oid := int64(stored(t, srv, split).Orders[0].Oid)
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", strconv.FormatInt(split, 10), "company_code", "ZTO",
		"out_sid", "73012345678901", "is_split", "1", "sub_tid", strconv.FormatInt(oid, 10)).code())
	assert.Equal(t, taobao.TradeStatusSellerConsignedPart, stored(t, srv, split).Status)

	// Dummy send: no carrier, ships at once; a COD trade cannot.
	virtual := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), taobao.ShippingTypeVirtual)
	vid := strconv.FormatInt(virtual, 10)
	assert.Equal(t, "isv.logistics-online-service-error:B98",
		call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", vid, "company_code", "SF").subCode(), "virtual goods have no carrier")
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsDummySend, "tid", vid).code())
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, stored(t, srv, virtual).Status)
	assert.Equal(t, "isv.logistics-dummy-service-error:B04", call(t, srv, session, taobao.MethodLogisticsDummySend, "tid", vid).subCode())
	unpaid := addTrade(srv, taobao.TradeStatusWaitBuyerPay, now.Add(-time.Hour), taobao.ShippingTypeVirtual)
	assert.Equal(t, "isv.logistics-dummy-service-error:B55",
		call(t, srv, session, taobao.MethodLogisticsDummySend, "tid", strconv.FormatInt(unpaid, 10)).subCode())
	assert.Equal(t, "isv.logistics-dummy-service-error:B01",
		call(t, srv, srv.NewSession("other-shop"), taobao.MethodLogisticsDummySend, "tid", vid).subCode())
}

func TestResendRules(t *testing.T) {
	t.Parallel()
	srv, session, now := writeServer(t)
	const family = "isv.logistics-update-company-or-mailno-error:"
	tid := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), taobao.ShippingTypeExpress)
	id := strconv.FormatInt(tid, 10)
	resend := func(kv ...string) answer { return call(t, srv, session, taobao.MethodLogisticsResend, kv...) }

	assert.Equal(t, int64(41), resend("tid", "999", "out_sid", "SF1234567890123", "company_code", "SF").code(), "tid of at least 1000")
	assert.Equal(t, int64(40), resend("tid", id, "company_code", "SF").code())
	assert.Equal(t, family+"CD19", resend("tid", id, "out_sid", "SF1234567890123", "company_code", "SF").subCode(), "not shipped")

	require.NoError(t, srv.ShipTrade(tid, "SF", "SF1234567890123"))
	assert.Equal(t, family+"P07", resend("tid", id, "out_sid", "SF1234567890123", "company_code", "SF").subCode(), "nothing changed")
	assert.Equal(t, family+"P03", resend("tid", id, "out_sid", "SF1234567890124", "company_code", "NOPE").subCode())
	assert.Equal(t, family+"F01", resend("tid", id, "out_sid", "bad", "company_code", "SF").subCode())

	srv.Advance(49 * 24 * time.Hour)
	require.Zero(t, resend("tid", id, "out_sid", "73012345678901", "company_code", "ZTO").code(), "within 50 days")
	tr := stored(t, srv, tid)
	assert.True(t, tr.Modified.Equal(now.Add(49*24*time.Hour)))
	ships := srv.Shipments(tid)
	require.Len(t, ships, 1)
	assert.Equal(t, "73012345678901", ships[0].OutSid)
	// The old waybill is free again, the new one is taken.
	other := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now.Add(-time.Hour), taobao.ShippingTypeExpress)
	assert.Error(t, srv.ShipTrade(other, "ZTO", "73012345678901"))
	assert.NoError(t, srv.ShipTrade(other, "SF", "SF1234567890123"))

	srv.Advance(2 * 24 * time.Hour)
	assert.Equal(t, family+"P06", resend("tid", id, "out_sid", "73012345678902", "company_code", "ZTO").subCode(), "past 50 days")

	// A virtual shipment has no waybill to change: P08.
	virtual := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now, taobao.ShippingTypeVirtual)
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsDummySend, "tid", strconv.FormatInt(virtual, 10)).code())
	assert.Equal(t, family+"P08", resend("tid", strconv.FormatInt(virtual, 10), "out_sid", "SF1234567890125", "company_code", "SF").subCode())

	// An online shipment changes until the carrier picks it up.
	online := addTrade(srv, taobao.TradeStatusWaitSellerSendGoods, now, taobao.ShippingTypeExpress)
	oid := strconv.FormatInt(online, 10)
	require.Zero(t, call(t, srv, session, taobao.MethodLogisticsOnlineSend, "tid", oid, "company_code", "SF", "out_sid", "SF1234567890126").code())
	require.Zero(t, resend("tid", oid, "out_sid", "SF1234567890127", "company_code", "SF").code())
	assert.Equal(t, "SF1234567890127", srv.Shipments(online)[0].OutSid)
}
