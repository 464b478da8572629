package taobaotest_test

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const (
	refundsReceive = taobao.MethodRefundsReceive
	refundGet      = taobao.MethodRefundGet
)

// lifeCycle are the six states of the refund life cycle.
var lifeCycle = []taobao.RefundStatus{
	taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusWaitBuyerReturnGoods, taobao.RefundStatusWaitSellerConfirmGoods,
	taobao.RefundStatusSellerRefuseBuyer, taobao.RefundStatusClosed, taobao.RefundStatusSuccess,
}

// TestSeededRefundsInEveryState: every seller of the default data set has
// refunds in each state of the life cycle, and each refund agrees with the
// order that shows it.
func TestSeededRefundsInEveryState(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	for _, nick := range srv.Sellers() {
		refunds := srv.Refunds(nick)
		require.NotEmpty(t, refunds, nick)
		states := map[taobao.RefundStatus]int{}
		for i, r := range refunds {
			states[r.Status]++
			msg := fmt.Sprintf("%s refund %d", nick, r.RefundID)
			tr, ok := srv.Trade(r.Tid)
			require.True(t, ok, msg)
			j := slices.IndexFunc(tr.Orders, func(o taobao.Order) bool { return o.Oid == r.Oid })
			require.GreaterOrEqual(t, j, 0, msg)
			o := tr.Orders[j]
			assert.Equal(t, strconv.FormatInt(r.RefundID, 10), o.RefundID, msg)
			assert.Equal(t, r.Status, o.RefundStatus, msg)
			assert.Equal(t, nick, r.SellerNick, msg)
			assert.False(t, r.Modified.Before(r.Created.Time), msg)
			assert.False(t, r.Modified.After(tr.Modified.Time), "%s: changed after its trade", msg)
			assert.GreaterOrEqual(t, r.RefundVersion, r.Modified.UnixMilli(), msg)
			assert.Contains(t, taobao.RefundPhaseValues(), r.RefundPhase, msg)
			assert.Equal(t, o.Payment, r.RefundFee, msg)
			if r.Status == taobao.RefundStatusWaitSellerConfirmGoods {
				assert.NotEmpty(t, r.Sid, "%s: the return's waybill", msg)
				assert.Equal(t, taobao.RefundGoodStatusBuyerReturnedGoods, r.GoodStatus, msg)
			}
			if i > 0 {
				assert.False(t, r.Modified.After(refunds[i-1].Modified.Time), "newest first")
			}
		}
		for _, s := range lifeCycle {
			assert.Positive(t, states[s], "%s has no %s refund", nick, s)
		}
	}
}

// refundFake is a server with one seller "s", no seeded trades, and a
// stopped clock.
func refundFake(t *testing.T, opts ...taobaotest.Option) (*taobaotest.Server, string, time.Time) {
	clock, now := stillClock()
	srv := newServer(t, append([]taobaotest.Option{clock, taobaotest.WithTrades(0), taobaotest.WithSellers("s")}, opts...)...)
	return srv, srv.NewSession("s"), now
}

// paidTrade adds a paid trade of n orders and returns it.
func paidTrade(srv *taobaotest.Server, typ taobao.TradeType, n int) taobao.Trade {
	orders := make([]taobao.Order, n)
	for i := range orders {
		orders[i] = taobao.Order{Title: "item", Num: 1, Price: 1000, Payment: 1000, TotalFee: 1000, Status: taobao.OrderStatusWaitSellerSendGoods}
	}
	return srv.AddTrade("s", taobao.Trade{Type: typ, Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Money(1000 * n), Orders: orders})
}

// newRefund refunds order i of a new paid trade and returns the refund.
func newRefund(t *testing.T, srv *taobaotest.Server, typ taobao.TradeType) taobao.Refund {
	t.Helper()
	tr := paidTrade(srv, typ, 2)
	require.NoError(t, srv.RefundOrder(tr.Tid, tr.Orders[1].Oid, taobao.RefundStatusWaitSellerAgree))
	got, ok := srv.Trade(tr.Tid)
	require.True(t, ok)
	id, err := strconv.ParseInt(got.Orders[1].RefundID, 10, 64)
	require.NoError(t, err)
	r, ok := srv.Refund(id)
	require.True(t, ok, "RefundOrder created the refund")
	return r
}

func TestRefundOrderCreatesARefund(t *testing.T) {
	t.Parallel()
	srv, _, now := refundFake(t)
	r := newRefund(t, srv, taobao.TradeTypeFixed)
	assert.Positive(t, r.RefundID)
	assert.Equal(t, taobao.RefundStatusWaitSellerAgree, r.Status)
	assert.Equal(t, taobao.RefundPhaseOnsale, r.RefundPhase)
	assert.Equal(t, now.Unix(), r.Modified.Unix())
	assert.Equal(t, now.Unix(), r.Created.Unix())
	assert.GreaterOrEqual(t, r.RefundVersion, now.UnixMilli())
	assert.Equal(t, taobao.Money(1000), r.RefundFee)
	assert.Equal(t, taobao.Money(1000), r.Payment, "the trade total less the refund")
	assert.Equal(t, []taobao.Refund{r}, srv.Refunds("s"))
}

// TestAdvanceRefund walks a refund through agree, return, confirm and
// success: each step bumps modified and refund_version, and the order's
// refund_status and the trade's modified follow.
func TestAdvanceRefund(t *testing.T) {
	t.Parallel()
	srv, _, _ := refundFake(t)
	r := newRefund(t, srv, taobao.TradeTypeFixed)
	prev := r
	for _, step := range []taobao.RefundStatus{taobao.RefundStatusWaitBuyerReturnGoods, taobao.RefundStatusWaitSellerConfirmGoods, taobao.RefundStatusSuccess} {
		srv.Advance(time.Minute)
		require.NoError(t, srv.AdvanceRefund(r.RefundID, step))
		got, ok := srv.Refund(r.RefundID)
		require.True(t, ok)
		assert.Equal(t, step, got.Status)
		assert.Equal(t, prev.Modified.Add(time.Minute), got.Modified.Time, step)
		assert.Greater(t, got.RefundVersion, prev.RefundVersion, step)
		tr, _ := srv.Trade(r.Tid)
		assert.Equal(t, step, tr.Orders[1].RefundStatus, step)
		assert.Equal(t, got.Modified, tr.Modified, "the trade changed too")
		prev = got
	}
	assert.True(t, prev.HasGoodReturn)
	assert.Equal(t, taobao.DisputeTypeRefundAndReturn, prev.DisputeType, "agreeing to a return made it one")
	assert.NotEmpty(t, prev.Sid, "the return's waybill")
	assert.Equal(t, taobao.RefundGoodStatusBuyerReturnedGoods, prev.GoodStatus)
	tr, _ := srv.Trade(r.Tid)
	assert.Equal(t, taobao.OrderStatusTradeClosed, tr.Orders[1].Status, "a success closes the order")
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, tr.Status, "the other order is open")
}

func TestAdvanceRefundRules(t *testing.T) {
	t.Parallel()
	srv, _, _ := refundFake(t)
	r := newRefund(t, srv, taobao.TradeTypeFixed)
	assert.ErrorContains(t, srv.AdvanceRefund(r.RefundID, taobao.RefundStatusWaitSellerConfirmGoods), "cannot move", "no goods to confirm before a return")
	assert.ErrorContains(t, srv.AdvanceRefund(12345, taobao.RefundStatusSuccess), "no refund 12345")
	got, _ := srv.Refund(r.RefundID)
	assert.Equal(t, r, got, "a refused move changes nothing")
	require.NoError(t, srv.AdvanceRefund(r.RefundID, taobao.RefundStatusClosed))
	for _, s := range lifeCycle {
		assert.Error(t, srv.AdvanceRefund(r.RefundID, s), "a closed refund is final")
	}
	assert.Empty(t, taobaotest.RefundSteps(taobao.RefundStatusSuccess))
	assert.Contains(t, taobaotest.RefundSteps(taobao.RefundStatusSellerRefuseBuyer), taobao.RefundStatusWaitSellerAgree)
}

func TestRefundsReceiveParameterErrors(t *testing.T) {
	t.Parallel()
	srv, session, now := refundFake(t)
	for _, tc := range []struct {
		name    string
		kv      []string
		code    int64
		subCode string
	}{
		{"no fields", nil, 40, ""},
		{"unknown status", []string{"fields", "refund_id", "status", "NO_REFUND"}, 41, ""},
		{"unknown type", []string{"fields", "refund_id", "type", "fixed,nope"}, 41, ""},
		{"page size", []string{"fields", "refund_id", "page_size", "101"}, 41, ""},
		{"page number", []string{"fields", "refund_id", "page_no", "0"}, 41, ""},
		{"bad date", []string{"fields", "refund_id", "start_modified", "yesterday"}, 41, ""},
		{"end before start", []string{"fields", "refund_id", "start_modified", gmt8(now), "end_modified", gmt8(now.Add(-time.Second))},
			15, "isv.invalid-parameter:end_modified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := call(t, srv, session, refundsReceive, tc.kv...)
			assert.Equal(t, tc.code, a.code(), "%s", a.body)
			assert.Equal(t, tc.subCode, a.subCode())
		})
	}
	a := call(t, srv, "", refundsReceive, "fields", "refund_id")
	assert.Equal(t, int64(26), a.code(), "a seller session is needed: %s", a.body)
}

func refundIDs(t *testing.T, a answer) []int64 {
	t.Helper()
	require.Nil(t, a.err, "%s", a.body)
	var ids []int64
	for _, r := range a.items(t, "refunds", "refund") {
		ids = append(ids, num(t, r["refund_id"]))
	}
	return ids
}

// TestRefundsReceiveFilters: the window is inclusive and has no span
// limit, the default types are guarantee_trade and auto_delivery only,
// and the status filter takes one state.
func TestRefundsReceiveFilters(t *testing.T) {
	t.Parallel()
	srv, session, now := refundFake(t)
	fixed := newRefund(t, srv, taobao.TradeTypeFixed)
	srv.Advance(time.Hour)
	cod := newRefund(t, srv, taobao.TradeTypeCod)
	require.NoError(t, srv.AdvanceRefund(cod.RefundID, taobao.RefundStatusSellerRefuseBuyer))
	list := func(kv ...string) []int64 {
		return refundIDs(t, call(t, srv, session, refundsReceive, append([]string{"fields", "refund_id,status"}, kv...)...))
	}
	assert.Equal(t, []int64{fixed.RefundID}, list(), "cod refunds are not listed by default")
	assert.Equal(t, []int64{cod.RefundID, fixed.RefundID}, list("type", "cod,guarantee_trade"), "newest first")
	assert.Equal(t, []int64{cod.RefundID}, list("type", "cod", "status", "SELLER_REFUSE_BUYER"))
	assert.Empty(t, list("type", "cod", "status", "WAIT_SELLER_AGREE"))
	assert.Equal(t, []int64{fixed.RefundID}, list("start_modified", gmt8(now), "end_modified", gmt8(now)), "bounds are inclusive")
	assert.Equal(t, []int64{cod.RefundID, fixed.RefundID}, list("type", "cod,fixed",
		"start_modified", gmt8(now.Add(-60*24*time.Hour)), "end_modified", gmt8(now.Add(time.Hour))), "two months in one call")
	assert.Empty(t, list("buyer_open_uid", "nobody"))
}

func TestRefundsReceivePagingAndFields(t *testing.T) {
	t.Parallel()
	srv, session, _ := refundFake(t)
	var want []int64
	for range 5 {
		want = append([]int64{newRefund(t, srv, taobao.TradeTypeFixed).RefundID}, want...)
		srv.Advance(time.Second)
	}
	a := call(t, srv, session, refundsReceive, "fields", "refund_id,tid,refund_fee,refund_version,nope,address", "page_size", "2", "page_no", "2")
	assert.Equal(t, want[2:4], refundIDs(t, a))
	assert.Equal(t, int64(5), num(t, a.ok["total_results"]))
	for _, r := range a.items(t, "refunds", "refund") {
		assert.ElementsMatch(t, []string{"refund_id", "tid", "refund_fee", "refund_version"}, keys(r), "only documented fields asked for (address is refund.get's)")
		assert.Equal(t, "10.00", r["refund_fee"], "money in yuan")
	}
	a = call(t, srv, session, refundsReceive, "fields", "refund_id", "page_size", "2", "page_no", "3", "use_has_next", "true")
	assert.Equal(t, want[4:], refundIDs(t, a))
	assert.Equal(t, false, a.ok["has_next"])
	assert.NotContains(t, a.ok, "total_results")
	a = call(t, srv, session, refundsReceive, "fields", "refund_id", "page_size", "2", "use_has_next", "true")
	assert.Equal(t, true, a.ok["has_next"])
}

// TestShuffledRefunds: with WithShuffledRefunds every call orders the
// refunds anew, so pages of one listing overlap and leave refunds out.
func TestShuffledRefunds(t *testing.T) {
	t.Parallel()
	srv, session, _ := refundFake(t, taobaotest.WithShuffledRefunds())
	var all []int64
	for range 30 {
		all = append(all, newRefund(t, srv, taobao.TradeTypeFixed).RefundID)
	}
	orders := map[string]bool{}
	for range 5 {
		ids := refundIDs(t, call(t, srv, session, refundsReceive, "fields", "refund_id", "page_size", "100"))
		assert.ElementsMatch(t, all, ids, "one page holds them all")
		orders[fmt.Sprint(ids)] = true
	}
	assert.Greater(t, len(orders), 1, "the order changes from call to call")
	seen := map[int64]bool{}
	for n := 1; n <= 3; n++ {
		for _, id := range refundIDs(t, call(t, srv, session, refundsReceive, "fields", "refund_id", "page_size", "10", "page_no", fmt.Sprint(n))) {
			seen[id] = true
		}
	}
	assert.Less(t, len(seen), len(all), "paging a shuffled listing misses refunds")
}

func TestRefundsReceiveBetweenPages(t *testing.T) {
	t.Parallel()
	srv, session, _ := refundFake(t)
	r := newRefund(t, srv, taobao.TradeTypeFixed)
	newRefund(t, srv, taobao.TradeTypeFixed)
	type hookCall struct {
		method string
		page   int
	}
	var seen []hookCall
	srv.BetweenPages(func(method string, pageNo int) {
		seen = append(seen, hookCall{method, pageNo})
		require.NoError(t, srv.AdvanceRefund(r.RefundID, taobao.RefundStatusSellerRefuseBuyer)) // no lock held
	})
	a := call(t, srv, session, refundsReceive, "fields", "refund_id,status", "page_size", "1", "page_no", "2")
	items := a.items(t, "refunds", "refund")
	require.Len(t, items, 1)
	assert.Equal(t, "WAIT_SELLER_AGREE", items[0]["status"], "the page was put together before the hook ran")
	assert.Equal(t, []hookCall{{refundsReceive, 2}}, seen)
	got, _ := srv.Refund(r.RefundID)
	assert.Equal(t, taobao.RefundStatusSellerRefuseBuyer, got.Status)
}

func TestRefundGet(t *testing.T) {
	t.Parallel()
	srv, session, _ := refundFake(t)
	r := newRefund(t, srv, taobao.TradeTypeFixed)
	a := call(t, srv, session, refundGet, "refund_id", fmt.Sprint(r.RefundID), "fields", "refund_id,status,address,refund_remind_timeout,nope")
	require.Nil(t, a.err, "%s", a.body)
	got, ok := a.ok["refund"].(map[string]any)
	require.True(t, ok, "%s", a.body)
	assert.Equal(t, r.RefundID, num(t, got["refund_id"]))
	assert.Equal(t, "WAIT_SELLER_AGREE", got["status"])
	rt, ok := got["refund_remind_timeout"].(map[string]any)
	require.True(t, ok, "%s", a.body)
	assert.Equal(t, true, rt["exist_timeout"])
	assert.NotContains(t, got, "nope")

	other := srv.NewSession("t")
	for _, tc := range []struct {
		name, session string
		kv            []string
		code          int64
		subCode       string
	}{
		{"no refund_id", session, []string{"fields", "refund_id"}, 40, ""},
		{"no fields", session, []string{"refund_id", "1"}, 40, ""},
		{"not a number", session, []string{"fields", "refund_id", "refund_id", "abc"}, 41, ""},
		{"unknown", session, []string{"fields", "refund_id", "refund_id", "12345"}, 15, "isv.refund-not-exist"},
		{"another seller's", other, []string{"fields", "refund_id", "refund_id", fmt.Sprint(r.RefundID)}, 15, "isv.refund-not-exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := call(t, srv, tc.session, refundGet, tc.kv...)
			assert.Equal(t, tc.code, a.code(), "%s", a.body)
			assert.Equal(t, tc.subCode, a.subCode())
		})
	}
}
