package taobaotest_test

// Conformance tests: the fake gateway's strictness, pinned against what is
// known of the real gateway's checks and the API docs
// (internal/fields/api-fields.md). Raw calls are signed by hand, as a
// client that is not ours would sign them.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const (
	sold      = taobao.MethodTradesSold
	increment = taobao.MethodTradesSoldIncrement
	fullinfo  = taobao.MethodTradeFullInfo
	tradeGet  = taobao.MethodTradeGet
	trace     = taobao.MethodLogisticsTrace
	lorders   = taobao.MethodLogisticsOrders
	ldetail   = taobao.MethodLogisticsOrdersDetail
	companies = taobao.MethodLogisticsCompanies
	send      = taobao.MethodLogisticsOfflineSend
)

func TestParameterErrors(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock)
	nick, session := firstSeller(srv)
	tid := fmt.Sprint(srv.Trades(nick)[0].Tid)
	start := gmt8(now.Add(-2 * time.Hour))
	tests := []struct {
		name    string
		method  string
		kv      []string
		code    int64
		msg     string
		subCode string // "" for none: codes 40 and 41 carry none
	}{
		{"sold without fields", sold, nil, 40, "Missing required arguments:fields", ""},
		{"increment without fields", increment, []string{"start_modified", start, "end_modified", gmt8(now)}, 40, "Missing required arguments:fields", ""},
		{"increment without start", increment, []string{"fields", "tid", "end_modified", gmt8(now)}, 40, "Missing required arguments:start_modified", ""},
		{"increment without end", increment, []string{"fields", "tid", "start_modified", start}, 40, "Missing required arguments:end_modified", ""},
		{"fullinfo without fields", fullinfo, []string{"tid", tid}, 40, "Missing required arguments:fields", ""},
		{"fullinfo without tid", fullinfo, []string{"fields", "tid"}, 40, "Missing required arguments:tid", ""},
		{"trade.get without fields", tradeGet, []string{"tid", tid}, 40, "Missing required arguments:fields", ""},
		{"tid not a number", fullinfo, []string{"fields", "tid", "tid", "12a"}, 41, "Invalid arguments:tid", ""},
		{"tid negative", tradeGet, []string{"fields", "tid", "tid", "-5"}, 41, "Invalid arguments:tid", ""},
		{"page_size 0", sold, []string{"fields", "tid", "page_size", "0"}, 41, "Invalid arguments:page_size", ""},
		{"page_size 101", sold, []string{"fields", "tid", "page_size", "101"}, 41, "Invalid arguments:page_size", ""},
		{"page_size not a number", sold, []string{"fields", "tid", "page_size", "ten"}, 41, "Invalid arguments:page_size", ""},
		{"page_no 0", sold, []string{"fields", "tid", "page_no", "0"}, 41, "Invalid arguments:page_no", ""},
		{"increment page_size 101", increment, []string{"fields", "tid", "start_modified", start, "end_modified", gmt8(now), "page_size", "101"}, 41, "Invalid arguments:page_size", ""},
		{"unknown status", sold, []string{"fields", "tid", "status", "WAIT_FOR_GODOT"}, 41, "Invalid arguments:status", ""},
		{"unknown type", sold, []string{"fields", "tid", "type", "fixed,teleport"}, 41, "Invalid arguments:type", ""},
		{"bad date", sold, []string{"fields", "tid", "start_created", "yesterday"}, 41, "Invalid arguments:start_created", ""},
		{"bad boolean", sold, []string{"fields", "tid", "use_has_next", "maybe"}, 41, "Invalid arguments:use_has_next", ""},
		{"bad rate_status", sold, []string{"fields", "tid", "rate_status", "RATE_MAYBE"}, 41, "Invalid arguments:rate_status", ""},
		{"bad ext_type", sold, []string{"fields", "tid", "ext_type", "all"}, 41, "Invalid arguments:ext_type", ""},
		{"two-day increment window", increment, []string{"fields", "tid", "start_modified", gmt8(now.Add(-48 * time.Hour)), "end_modified", gmt8(now)},
			15, "Remote service error", "isv.invalid-parameter:end_modified"},
		{"window of a day and a second", increment, []string{"fields", "tid", "start_modified", gmt8(now.Add(-24*time.Hour - time.Second)), "end_modified", gmt8(now)},
			15, "Remote service error", "isv.invalid-parameter:end_modified"},
		{"empty increment window", increment, []string{"fields", "tid", "start_modified", gmt8(now), "end_modified", gmt8(now)},
			15, "Remote service error", "isv.invalid-parameter:end_modified"},
		{"window ending before it starts", increment, []string{"fields", "tid", "start_modified", gmt8(now), "end_modified", start},
			15, "Remote service error", "isv.invalid-parameter:end_modified"},
		{"trace without tid", trace, nil, 40, "Missing required arguments:tid", ""},
		{"trace split without sub_tid", trace, []string{"tid", tid, "is_split", "1"}, 40, "Missing required arguments:sub_tid", ""},
		{"trace is_split 2", trace, []string{"tid", tid, "is_split", "2"}, 41, "Invalid arguments:is_split", ""},
		{"trace 51 sub_tids", trace, []string{"tid", tid, "is_split", "1", "sub_tid", strings.Repeat("1,", 50) + "1"}, 41, "Invalid arguments:sub_tid", ""},
		{"orders.get without fields", lorders, nil, 40, "Missing required arguments:fields", ""},
		{"orders.detail.get page_size 101", ldetail, []string{"fields", "tid", "page_size", "101"}, 41, "Invalid arguments:page_size", ""},
		{"orders.get bad seller_confirm", lorders, []string{"fields", "tid", "seller_confirm", "maybe"}, 41, "Invalid arguments:seller_confirm", ""},
		{"orders.get bad status", lorders, []string{"fields", "tid", "status", "FLYING"}, 41, "Invalid arguments:status", ""},
		{"companies without fields", companies, nil, 40, "Missing required arguments:fields", ""},
		{"companies with 21 fields", companies, []string{"fields", strings.Repeat("code,", 20) + "name"}, 41, "Invalid arguments:fields", ""},
		{"companies bad order_mode", companies, []string{"fields", "code", "order_mode", "pigeon"}, 41, "Invalid arguments:order_mode", ""},
		{"send without tid", send, []string{"out_sid", "SF1234567890123", "company_code", "SF"}, 40, "Missing required arguments:tid", ""},
		{"send without out_sid", send, []string{"tid", tid, "company_code", "SF"}, 40, "Missing required arguments:out_sid", ""},
		{"send without company_code", send, []string{"tid", tid, "out_sid", "SF1234567890123"}, 40, "Missing required arguments:company_code", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := call(t, srv, session, tt.method, tt.kv...)
			require.NotNil(t, a.err, "%s", a.body)
			assert.Equal(t, tt.code, a.code(), "%s", a.body)
			assert.Equal(t, tt.msg, a.err["msg"])
			assert.Equal(t, tt.subCode, a.subCode())
			assert.NotEmpty(t, a.err["request_id"])
		})
	}
	t.Run("the SDK sees ErrInvalidArgument", func(t *testing.T) {
		t.Parallel()
		err := srv.Client(session).Call(context.Background(), sold, url.Values{"fields": {"tid"}, "page_size": {"500"}}, nil)
		require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	})
}

// TestCommonChecksOnTradeMethods pins the gateway's checks of the common
// parameters on the trade methods themselves.
func TestCommonChecksOnTradeMethods(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	_, session := firstSeller(srv)
	skewed := time.Now().Add(-11 * time.Minute)
	tests := []struct {
		name   string
		before func(p url.Values) // changes before signing
		after  func(p url.Values) // changes after signing
		code   int64
	}{
		{"missing session", func(p url.Values) { p.Del("session") }, nil, 26},
		{"unknown session", func(p url.Values) { p.Set("session", "6000nope") }, nil, 27},
		{"skewed timestamp", func(p url.Values) { p.Set("timestamp", gmt8(skewed)) }, nil, 31},
		{"wrong signature", nil, func(p url.Values) { p.Set("sign", strings.Repeat("A", 32)) }, 25},
		{"parameter added after signing", nil, func(p url.Values) { p.Set("page_size", "5") }, 25},
		{"wrong app key", func(p url.Values) { p.Set("app_key", "87654321") }, nil, 29},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := common(srv, sold, "md5")
			p.Set("fields", "tid")
			p.Set("session", session)
			if tt.before != nil {
				tt.before(p)
			}
			p.Set("sign", handSign(p, srv.AppSecret, "md5"))
			if tt.after != nil {
				tt.after(p)
			}
			out := post(t, srv, p)
			require.Contains(t, out, "error_response")
			assert.Equal(t, float64(tt.code), out["error_response"]["code"])
		})
	}
	t.Run("companies.get needs no session", func(t *testing.T) {
		t.Parallel()
		a := call(t, srv, "", companies, "fields", "code")
		require.Nil(t, a.err, "%s", a.body)
	})
	t.Run("an expired session", func(t *testing.T) {
		t.Parallel()
		s := srv.NewSessionExpiring(srv.Sellers()[0], time.Hour)
		srv.ExpireSession(s)
		a := call(t, srv, s, sold, "fields", "tid")
		assert.Equal(t, int64(27), a.code())
		assert.Equal(t, "session-expired", a.subCode())
	})
}

func TestSessionSeesOnlyItsSeller(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithSellers("甲店", "乙店"), taobaotest.WithTrades(30))
	sessA := srv.NewSession("甲店")
	theirs := srv.Trades("乙店")
	require.NotEmpty(t, theirs)

	// Lists hold only the session's seller's trades.
	a := call(t, srv, sessA, sold, "fields", "tid,seller_nick", "page_size", "100", "type", allTypes)
	got := a.items(t, "trades", "trade")
	require.Len(t, got, 30)
	for _, tr := range got {
		assert.Equal(t, "甲店", tr["seller_nick"])
	}

	// Another seller's trade does not exist, whatever the method, and
	// nothing of it leaks.
	var shipped taobao.Trade
	for _, tr := range theirs {
		if !tr.ConsignTime.IsZero() {
			shipped = tr
			break
		}
	}
	require.NotZero(t, shipped.Tid)
	tid := fmt.Sprint(shipped.Tid)
	for _, m := range []string{fullinfo, tradeGet} {
		a := call(t, srv, sessA, m, "fields", "tid,receiver_name,orders", "tid", tid)
		assert.Equal(t, int64(15), a.code(), m)
		assert.Equal(t, "isv.trade-not-exist", a.subCode(), m)
		assert.NotContains(t, string(a.body), shipped.ReceiverName)
	}
	a = call(t, srv, sessA, trace, "tid", tid)
	assert.Equal(t, "isv.trade-not-exist", a.subCode())
	assert.NotContains(t, string(a.body), shipped.ConsignTime.String())
	a = call(t, srv, sessA, lorders, "fields", "tid,out_sid", "tid", tid)
	require.Nil(t, a.err)
	assert.Equal(t, int64(0), num(t, a.ok["total_results"]))
	a = call(t, srv, sessA, send, "tid", tid, "out_sid", "SF1234567890123", "company_code", "SF")
	assert.Equal(t, "isv.logistics-offline-service-error:B01", a.subCode())
	a = call(t, srv, sessA, fullinfo, "fields", "tid", "tid", "1000000000000000001")
	assert.Equal(t, "isv.trade-not-exist", a.subCode(), "an unknown tid is the same answer")

	// The seller's own trade is there.
	mine := srv.Trades("甲店")[0]
	a = call(t, srv, sessA, fullinfo, "fields", "tid", "tid", fmt.Sprint(mine.Tid))
	require.Nil(t, a.err)
}

// allTypes asks the list APIs for every trade type.
var allTypes = "fixed,auction,step,independent_simple_trade,independent_shop_trade,auto_delivery,ec,cod,game_equipment," +
	"shopex_trade,netcn_trade,external_trade,instant_trade,b2c_cod,hotel_trade,super_market_trade,super_market_cod_trade," +
	"taohua,waimai,o2o_offlinetrade,nopaid,eticket,tmall_i18n,insurance_plus,finance,pre_auth_type,lazada,fenxiao"

func TestFieldFiltering(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	truth := map[int64]taobao.Trade{}
	var multi, shipped taobao.Trade
	for _, tr := range srv.Trades(nick) {
		truth[int64(tr.Tid)] = tr
		if len(tr.Orders) > 2 && multi.Tid == 0 {
			multi = tr
		}
		if !tr.ConsignTime.IsZero() && shipped.Tid == 0 {
			shipped = tr
		}
	}
	require.NotZero(t, multi.Tid)
	require.NotZero(t, shipped.Tid)

	t.Run("only the fields asked for", func(t *testing.T) {
		t.Parallel()
		a := call(t, srv, session, sold, "fields", "tid, status ,nope,payment.x")
		for _, tr := range a.items(t, "trades", "trade") {
			assert.ElementsMatch(t, []string{"tid", "status"}, keys(tr))
		}
	})
	t.Run("nested fields", func(t *testing.T) {
		t.Parallel()
		a := call(t, srv, session, fullinfo, "fields", "tid,orders.title,orders.oid,orders.nope", "tid", fmt.Sprint(multi.Tid))
		require.Nil(t, a.err, "%s", a.body)
		tr := a.ok["trade"].(map[string]any)
		assert.ElementsMatch(t, []string{"tid", "orders"}, keys(tr))
		orders := answer{ok: tr, body: a.body}.items(t, "orders", "order")
		require.Len(t, orders, len(multi.Orders))
		for i, o := range orders {
			assert.ElementsMatch(t, []string{"title", "oid"}, keys(o))
			assert.Equal(t, multi.Orders[i].Title, o["title"])
			assert.Equal(t, int64(multi.Orders[i].Oid), num(t, o["oid"]))
		}
	})
	t.Run("orders alone is every order field", func(t *testing.T) {
		t.Parallel()
		a := call(t, srv, session, fullinfo, "fields", "orders,orders.title", "tid", fmt.Sprint(multi.Tid))
		orders := answer{ok: a.ok["trade"].(map[string]any), body: a.body}.items(t, "orders", "order")
		for i, o := range orders {
			want, err := json.Marshal(multi.Orders[i])
			require.NoError(t, err)
			var m map[string]any
			require.NoError(t, json.Unmarshal(want, &m))
			assert.ElementsMatch(t, keys(m), keys(o))
		}
	})
	t.Run("a method returns only the fields it documents", func(t *testing.T) {
		t.Parallel()
		tid := fmt.Sprint(shipped.Tid)
		a := call(t, srv, session, tradeGet, "fields", "tid,receiver_name,oaid,status", "tid", tid)
		require.Nil(t, a.err)
		assert.ElementsMatch(t, []string{"tid", "status"}, keys(a.ok["trade"].(map[string]any)), "trade.get documents no receiver fields")
		a = call(t, srv, session, fullinfo, "fields", "tid,receiver_name,oaid,status", "tid", tid)
		assert.ElementsMatch(t, []string{"tid", "receiver_name", "oaid", "status"}, keys(a.ok["trade"].(map[string]any)))
		a = call(t, srv, session, lorders, "fields", "tid,receiver_location,receiver_mobile", "tid", tid)
		assert.ElementsMatch(t, []string{"tid"}, keys(a.items(t, "shippings", "shipping")[0]), "orders.get documents no receiver details")
		a = call(t, srv, session, ldetail, "fields", "tid,receiver_location,receiver_mobile", "tid", tid)
		sh := a.items(t, "shippings", "shipping")[0]
		assert.ElementsMatch(t, []string{"tid", "location", "receiver_mobile"}, keys(sh))
		assert.Equal(t, shipped.ReceiverCity, sh["location"].(map[string]any)["city"])
		a = call(t, srv, "", companies, "fields", "code")
		for _, c := range a.items(t, "logistics_companies", "logistics_company") {
			assert.ElementsMatch(t, []string{"code"}, keys(c))
		}
	})
	t.Run("numbers beyond 2^53 stay exact", func(t *testing.T) {
		t.Parallel()
		a := call(t, srv, session, sold, "fields", "tid,orders.oid", "page_size", "100", "type", allTypes)
		for _, tr := range a.items(t, "trades", "trade") {
			tid := num(t, tr["tid"])
			assert.Greater(t, tid, int64(1)<<53)
			require.Contains(t, truth, tid)
			for i, o := range (answer{ok: tr, body: a.body}).items(t, "orders", "order") {
				assert.Equal(t, int64(truth[tid].Orders[i].Oid), num(t, o["oid"]))
			}
		}
		assert.Regexp(t, `"tid":[0-9]{19}[,}]`, string(a.body), "ids are bare JSON numbers")
		a = call(t, srv, session, fullinfo, "fields", "tid,tid_str", "tid", fmt.Sprint(multi.Tid))
		tr := a.ok["trade"].(map[string]any)
		assert.Equal(t, fmt.Sprint(num(t, tr["tid"])), tr["tid_str"], "tid_str is the same id as a string")
	})
}

// TestFullInfoIsTheGroundTruth reads trades through the SDK with every
// field and compares them with what the server holds.
func TestFullInfoIsTheGroundTruth(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(40))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	for i, want := range srv.Trades(nick) {
		got, err := c.Trades.FullInfo(ctx, int64(want.Tid), nil)
		require.NoError(t, err)
		require.Equal(t, want, *got, "trade %d (%s)", i, want.Status)
	}
}

func TestStatusAndTypeFilters(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(400))
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	all := srv.Trades(nick)
	defaultTypes := map[taobao.TradeType]bool{}
	for _, ty := range taobaotest.DefaultTypes {
		defaultTypes[ty] = true
	}
	expect := func(statuses []taobao.TradeStatus, types map[taobao.TradeType]bool) []int64 {
		var out []int64
		for _, tr := range all {
			if types[tr.Type] && (statuses == nil || slices.Contains(statuses, tr.Status)) {
				out = append(out, int64(tr.Tid))
			}
		}
		return out
	}
	list := func(t *testing.T, status taobao.TradeStatus, types []taobao.TradeType) []int64 {
		var out []int64
		for tr, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{
			Fields: []string{"tid"}, Status: status, Type: types, ListOptions: taobao.ListOptions{PageSize: 100},
		}) {
			require.NoError(t, err)
			out = append(out, int64(tr.Tid))
		}
		return out
	}
	tests := []struct {
		status taobao.TradeStatus
		want   []taobao.TradeStatus
	}{
		{"", nil},
		{taobao.TradeStatusAllWaitPay, []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay}},
		{taobao.TradeStatusAllClosed, []taobao.TradeStatus{taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao}},
	}
	for _, s := range []taobao.TradeStatus{
		taobao.TradeStatusTradeNoCreatePay, taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusSellerConsignedPart,
		taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeBuyerSigned,
		taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao,
		taobao.TradeStatusPayPending, taobao.TradeStatusPaidForbidConsign,
	} {
		tests = append(tests, struct {
			status taobao.TradeStatus
			want   []taobao.TradeStatus
		}{s, []taobao.TradeStatus{s}})
	}
	for _, tt := range tests {
		t.Run("status "+string(tt.status), func(t *testing.T) {
			t.Parallel()
			want := expect(tt.want, defaultTypes)
			require.NotEmpty(t, want, "the data set has such trades")
			assert.Equal(t, want, list(t, tt.status, nil))
		})
	}
	t.Run("other types only when asked for", func(t *testing.T) {
		t.Parallel()
		others := map[taobao.TradeType]bool{taobao.TradeTypeTmallI18n: true, taobao.TradeTypePreAuthType: true}
		want := expect(nil, others)
		require.NotEmpty(t, want)
		got := list(t, "", nil)
		for _, tid := range want {
			assert.NotContains(t, got, tid)
		}
		assert.Equal(t, want, list(t, "", []taobao.TradeType{"tmall_i18n", "pre_auth_type"}))
		// WAIT_PRE_AUTH_CONFIRM trades are of type pre_auth_type.
		assert.Empty(t, list(t, taobao.TradeStatusWaitPreAuthConfirm, nil))
		assert.NotEmpty(t, list(t, taobao.TradeStatusWaitPreAuthConfirm, []taobao.TradeType{"pre_auth_type"}))
	})
	t.Run("guarantee_trade is fixed and auction", func(t *testing.T) {
		t.Parallel()
		want := expect(nil, map[taobao.TradeType]bool{taobao.TradeTypeFixed: true, taobao.TradeTypeAuction: true})
		assert.Equal(t, want, list(t, "", []taobao.TradeType{"guarantee_trade"}))
		assert.Equal(t, expect(nil, map[taobao.TradeType]bool{taobao.TradeTypeCod: true}), list(t, "", []taobao.TradeType{"cod"}))
	})
	t.Run("buyer and rating filters", func(t *testing.T) {
		t.Parallel()
		buyer := all[0].BuyerNick
		var want []int64
		for _, tr := range all {
			if tr.BuyerNick == buyer && defaultTypes[tr.Type] {
				want = append(want, int64(tr.Tid))
			}
		}
		p, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{Fields: []string{"tid"}, BuyerNick: buyer, ListOptions: taobao.ListOptions{PageSize: 100}})
		require.NoError(t, err)
		var got []int64
		for _, tr := range p.Trades {
			got = append(got, int64(tr.Tid))
		}
		assert.Equal(t, want, got)
		p, err = c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{Fields: []string{"tid", "buyer_rate", "seller_rate"}, RateStatus: "RATE_BUYER_SELLER", ListOptions: taobao.ListOptions{PageSize: 100}})
		require.NoError(t, err)
		require.NotEmpty(t, p.Trades)
		for _, tr := range p.Trades {
			assert.True(t, bool(tr.BuyerRate) && bool(tr.SellerRate))
		}
		p, err = c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{Fields: []string{"tid"}, ExtType: "ershou"})
		require.NoError(t, err)
		assert.Empty(t, p.Trades, "the fake has no second-hand trades")
	})
}

func TestOnlyTheLastThreeMonths(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	at := func(d time.Duration) taobao.Time { return taobao.NewTime(now.Add(-d)) }
	old := srv.AddTrade("s", taobao.Trade{Type: "fixed", Status: "TRADE_FINISHED", Created: at(91 * 24 * time.Hour), Modified: at(91*24*time.Hour - time.Hour)})
	recent := srv.AddTrade("s", taobao.Trade{Type: "fixed", Status: "TRADE_FINISHED", Created: at(89 * 24 * time.Hour), Modified: at(89 * 24 * time.Hour)})
	touched := srv.AddTrade("s", taobao.Trade{Type: "fixed", Status: "TRADE_FINISHED", Created: at(100 * 24 * time.Hour), Modified: at(time.Hour)})
	session := srv.NewSession("s")

	a := call(t, srv, session, sold, "fields", "tid")
	assert.Equal(t, []int64{int64(recent.Tid)}, tids(t, a))
	a = call(t, srv, session, sold, "fields", "tid", "start_created", gmt8(now.Add(-200*24*time.Hour)))
	assert.Equal(t, []int64{int64(recent.Tid)}, tids(t, a), "an older start is cut to three months")

	a = call(t, srv, session, increment, "fields", "tid", "start_modified", gmt8(old.Modified.Add(-time.Hour)), "end_modified", gmt8(old.Modified.Add(time.Hour)))
	assert.Empty(t, tids(t, a), "modified before three months ago")
	a = call(t, srv, session, increment, "fields", "tid", "start_modified", gmt8(now.Add(-2*time.Hour)), "end_modified", gmt8(now))
	assert.Equal(t, []int64{int64(touched.Tid)}, tids(t, a), "the increment API goes by modification")

	a = call(t, srv, session, fullinfo, "fields", "tid", "tid", fmt.Sprint(old.Tid))
	assert.Nil(t, a.err, "a single trade is found at any age")
}

func TestSortOrders(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	session := srv.NewSession("s")
	add := func(tid int64, created, modified time.Duration) {
		srv.AddTrade("s", taobao.Trade{Tid: int64(tid), Type: "fixed", Status: "WAIT_SELLER_SEND_GOODS",
			Created: taobao.NewTime(now.Add(-created)), Modified: taobao.NewTime(now.Add(-modified))})
	}
	const base = 2_000_000_000_000_000_000
	add(base+1, 5*time.Hour, 1*time.Hour)
	add(base+2, 4*time.Hour, 3*time.Hour)
	add(base+3, 4*time.Hour, 2*time.Hour) // same created as +2: the larger tid first
	add(base+4, 1*time.Hour, 2*time.Hour) // same modified as +3
	add(base+5, 3*time.Hour, 30*time.Minute)

	a := call(t, srv, session, sold, "fields", "tid")
	assert.Equal(t, []int64{base + 4, base + 5, base + 3, base + 2, base + 1}, tids(t, a), "created, newest first")
	a = call(t, srv, session, increment, "fields", "tid", "start_modified", gmt8(now.Add(-6*time.Hour)), "end_modified", gmt8(now))
	assert.Equal(t, []int64{base + 5, base + 1, base + 4, base + 3, base + 2}, tids(t, a), "modified, newest first")

	// A change moves a trade to the front of the increment list.
	require.NoError(t, srv.ModifyTrade(base+2, func(t *taobao.Trade) { t.SellerMemo = "checked" }))
	a = call(t, srv, session, increment, "fields", "tid,modified", "start_modified", gmt8(now.Add(-6*time.Hour)), "end_modified", gmt8(now))
	assert.Equal(t, []int64{base + 2, base + 5, base + 1, base + 4, base + 3}, tids(t, a))
	assert.Equal(t, gmt8(now), a.items(t, "trades", "trade")[0]["modified"])
}

func TestPagingAndHasNext(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	session := srv.NewSession("s")
	var want []int64
	for i := range 10 {
		tr := srv.AddTrade("s", taobao.Trade{Type: "fixed", Status: "WAIT_BUYER_PAY", Created: taobao.NewTime(now.Add(-time.Duration(i) * time.Minute))})
		want = append(want, int64(tr.Tid))
	}
	page := func(kv ...string) answer {
		return call(t, srv, session, sold, append([]string{"fields", "tid"}, kv...)...)
	}
	tests := []struct {
		name    string
		kv      []string
		want    []int64
		hasNext any // nil: absent
		total   any // nil: absent
	}{
		{"default page size", nil, want, nil, int64(10)},
		{"first page", []string{"page_size", "4"}, want[:4], nil, int64(10)},
		{"last, short page", []string{"page_size", "4", "page_no", "3"}, want[8:], nil, int64(10)},
		{"past the end", []string{"page_size", "4", "page_no", "4"}, nil, nil, int64(10)},
		{"has_next: more follow", []string{"page_size", "4", "use_has_next", "true"}, want[:4], true, nil},
		{"has_next: short last page", []string{"page_size", "4", "page_no", "3", "use_has_next", "true"}, want[8:], false, nil},
		{"has_next: exactly full last page", []string{"page_size", "5", "page_no", "2", "use_has_next", "true"}, want[5:], false, nil},
		{"has_next: one more item", []string{"page_size", "9", "use_has_next", "true"}, want[:9], true, nil},
		{"has_next: past the end", []string{"page_size", "5", "page_no", "3", "use_has_next", "true"}, nil, false, nil},
		{"has_next false is like absent", []string{"page_size", "5", "use_has_next", "false"}, want[:5], nil, int64(10)},
		{"page size 100", []string{"page_size", "100"}, want, nil, int64(10)},
		{"page size 1", []string{"page_size", "1", "page_no", "10"}, want[9:], nil, int64(10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := page(tt.kv...)
			require.Nil(t, a.err, "%s", a.body)
			assert.Equal(t, tt.want, tids(t, a))
			if tt.total == nil {
				assert.NotContains(t, a.ok, "total_results")
			} else {
				assert.Equal(t, tt.total, num(t, a.ok["total_results"]))
			}
			if tt.hasNext == nil {
				assert.NotContains(t, a.ok, "has_next")
			} else {
				assert.Equal(t, tt.hasNext, a.ok["has_next"])
			}
		})
	}

	t.Run("the default page is 40", func(t *testing.T) {
		t.Parallel()
		big := newServer(t, taobaotest.WithTrades(50))
		_, s := firstSeller(big)
		a := call(t, big, s, sold, "fields", "tid")
		assert.Len(t, tids(t, a), 40)
	})
	t.Run("the SDK iterator reads every page", func(t *testing.T) {
		t.Parallel()
		var got []int64
		for tr, err := range srv.Client(session).Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{
			Fields: []string{"tid"}, ListOptions: taobao.ListOptions{PageSize: 3},
		}) {
			require.NoError(t, err)
			got = append(got, int64(tr.Tid))
		}
		assert.Equal(t, want, got)
	})
}

func TestIncrementWindow(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock)
	nick, session := firstSeller(srv)
	c := srv.Client(session)
	ctx := context.Background()
	target := srv.Trades(nick)[10]

	require.NoError(t, srv.ModifyTrade(int64(target.Tid), func(t *taobao.Trade) { t.SellerFlag = 3 }))
	opts := &taobao.IncrementListOptions{
		Fields:        []string{"tid", "modified", "seller_flag"},
		StartModified: taobao.NewTime(now.Add(-24 * time.Hour)), // exactly a day: allowed
		EndModified:   taobao.NewTime(now),
		Type:          taobao.TradeTypeValues(),
	}
	p, err := c.Trades.ListSoldIncrement(ctx, opts)
	require.NoError(t, err)
	require.NotEmpty(t, p.Trades)
	assert.Equal(t, target.Tid, p.Trades[0].Tid, "the change is the newest")
	assert.Equal(t, int64(3), int64(p.Trades[0].SellerFlag))
	assert.True(t, p.Trades[0].Modified.Equal(now))

	// Every trade of the window, and only those, as the ground truth says.
	var want []int64
	for _, tr := range srv.Trades(nick) {
		if !tr.Modified.Before(opts.StartModified.Time) && !tr.Modified.After(now) {
			want = append(want, int64(tr.Tid))
		}
	}
	var got []int64
	for _, tr := range p.Trades {
		got = append(got, int64(tr.Tid))
	}
	assert.ElementsMatch(t, want, got)
	assert.Equal(t, int64(len(want)), p.TotalResults)
}

func TestBetweenPages(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock, taobaotest.WithTrades(0))
	session := srv.NewSession("s")
	var byAge []int64 // newest modified first
	for i := range 6 {
		tr := srv.AddTrade("s", taobao.Trade{Type: "fixed", Status: "WAIT_SELLER_SEND_GOODS",
			Created: taobao.NewTime(now.Add(-10 * time.Hour)), Modified: taobao.NewTime(now.Add(-time.Duration(i+1) * time.Hour))})
		byAge = append(byAge, int64(tr.Tid))
	}
	type hookCall struct {
		method string
		page   int
	}
	var seen []hookCall
	srv.BetweenPages(func(method string, pageNo int) {
		seen = append(seen, hookCall{method, pageNo})
		if pageNo == 1 {
			// The server holds no lock: the hook can use it.
			require.NoError(t, srv.ModifyTrade(byAge[4], nil))
			require.Len(t, srv.Trades("s"), 6)
		}
	})
	read := func(page int) []int64 {
		a := call(t, srv, session, increment, "fields", "tid", "start_modified", gmt8(now.Add(-12*time.Hour)),
			"end_modified", gmt8(now), "page_size", "2", "page_no", fmt.Sprint(page))
		require.Nil(t, a.err, "%s", a.body)
		return tids(t, a)
	}
	p1 := read(1)
	assert.Equal(t, byAge[:2], p1, "page 1 was put together before the hook ran")
	p2, p3 := read(2), read(3)
	// The change moved byAge[4] to the front, onto page 1 which was read
	// already: reading forward, it is missed and byAge[1] is read twice.
	assert.Equal(t, []int64{byAge[1], byAge[2]}, p2)
	assert.Equal(t, []int64{byAge[3], byAge[5]}, p3)
	assert.Equal(t, []hookCall{{increment, 1}, {increment, 2}, {increment, 3}}, seen)

	srv.BetweenPages(nil)
	assert.Equal(t, []int64{byAge[4], byAge[0]}, read(1))
	assert.Len(t, seen, 3, "removed")
}

func TestIncludeOaid(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	withOaid := srv.Trades(nick)[0]
	require.NotEmpty(t, withOaid.Oaid)
	without := srv.AddTrade(nick, taobao.Trade{Type: "fixed", Status: "WAIT_BUYER_PAY", ReceiverName: "李**"})

	a := call(t, srv, session, fullinfo, "fields", "tid,oaid", "tid", fmt.Sprint(withOaid.Tid), "include_oaid", "true")
	require.Nil(t, a.err)
	assert.Equal(t, withOaid.Oaid, a.ok["trade"].(map[string]any)["oaid"])
	a = call(t, srv, session, fullinfo, "fields", "tid,oaid", "tid", fmt.Sprint(without.Tid), "include_oaid", "true")
	assert.Equal(t, "isv.oaid-field-miss", a.subCode())
	a = call(t, srv, session, fullinfo, "fields", "tid,oaid", "tid", fmt.Sprint(without.Tid))
	assert.Nil(t, a.err, "without include_oaid the trade comes back as it is")
}
