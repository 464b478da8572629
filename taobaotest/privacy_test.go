package taobaotest_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const decrypt = "taobao.top.oaid.decrypt"

// queryList encodes decrypt queries as a client sends them.
func queryList(t *testing.T, scene string, trades ...taobao.Trade) string {
	t.Helper()
	items := make([]map[string]string, len(trades))
	for i, tr := range trades {
		items[i] = map[string]string{"oaid": tr.Oaid, "tid": strconv.FormatInt(int64(tr.Tid), 10), "scene": scene}
	}
	b, err := json.Marshal(items)
	require.NoError(t, err)
	return string(b)
}

func receiverAt(t *testing.T, srv *taobaotest.Server, seller string, created time.Time) taobao.Trade {
	t.Helper()
	return srv.AddTrade(seller, taobao.Trade{
		Status: taobao.TradeStatusWaitSellerSendGoods, Created: taobao.NewTime(created),
		ReceiverName: "诸葛亮", ReceiverMobile: "13511112222", ReceiverState: "四川省", ReceiverCity: "成都市",
		ReceiverAddress: "武侯祠大街231号",
	})
}

// TestOaidPerSellerAppAndWeek: the same seed gives the same oaids and
// receivers; another app key, another seller or another ISO week (in GMT+8,
// whatever the host's zone) gives another oaid.
func TestOaidPerSellerAppAndWeek(t *testing.T) {
	t.Parallel()
	a, b := newServer(t, taobaotest.WithSeed(7)), newServer(t, taobaotest.WithSeed(7))
	other := newServer(t, taobaotest.WithSeed(7), taobaotest.WithAppKey("87654321", "another-secret-0123456789abcdef"))
	nick := a.Sellers()[0]
	ta, tb, to := a.Trades(nick), b.Trades(nick), other.Trades(nick)
	require.NotEmpty(t, ta)
	for i := range ta {
		require.Equal(t, ta[i].Tid, tb[i].Tid)
		assert.Equal(t, ta[i].Oaid, tb[i].Oaid, "deterministic")
		assert.Equal(t, ta[i].Tid, to[i].Tid)
		assert.NotEqual(t, ta[i].Oaid, to[i].Oaid, "another app key")
		pa, _ := a.Receiver(int64(ta[i].Tid))
		pb, _ := b.Receiver(int64(tb[i].Tid))
		assert.Equal(t, pa, pb)
		assert.False(t, taobao.IsMasked(pa.Name+pa.Mobile+pa.Phone+pa.Address), "plaintext")
		assert.Len(t, ta[i].Oaid, 48)
	}

	sellers := a.Sellers()
	// Sunday 23:59:59 and Monday 00:00:00 in GMT+8 are in two ISO weeks;
	// that Monday and the next Sunday are in one.
	sunday := time.Date(2026, 11, 29, 23, 59, 59, 0, taobao.GMT8())
	monday := sunday.Add(time.Second)
	sun := receiverAt(t, a, sellers[0], sunday)
	mon := receiverAt(t, a, sellers[0], monday.UTC())
	mon2 := receiverAt(t, a, sellers[0], monday.AddDate(0, 0, 6).Add(23*time.Hour))
	elsewhere := receiverAt(t, a, sellers[1], monday)
	assert.NotEqual(t, sun.Oaid, mon.Oaid, "another week")
	assert.Equal(t, mon.Oaid, mon2.Oaid, "one week, one receiver")
	assert.NotEqual(t, mon.Oaid, elsewhere.Oaid, "another seller")
}

// TestTradesAreServedMasked: a trade added with a clear receiver is kept
// masked, with its plaintext beside it; a change of the receiver issues a
// new oaid, any other change keeps it.
func TestTradesAreServedMasked(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	tr := receiverAt(t, srv, nick, srv.Now().Add(-time.Hour))
	assert.Equal(t, "诸**", tr.ReceiverName)
	assert.Equal(t, "*******2222", tr.ReceiverMobile)
	assert.Equal(t, "武侯***", tr.ReceiverAddress)
	assert.Equal(t, "成都市", tr.ReceiverCity, "the area stays clear")
	require.NotEmpty(t, tr.Oaid)
	held, _ := srv.Trade(int64(tr.Tid))
	assert.Equal(t, tr.ReceiverName, held.ReceiverName)
	plain, ok := srv.Receiver(int64(tr.Tid))
	require.True(t, ok)
	assert.Equal(t, taobaotest.PlainReceiver{Name: "诸葛亮", Mobile: "13511112222", Address: "武侯祠大街231号"}, plain)

	a := call(t, srv, session, fullinfo, "fields", "tid,receiver_name,receiver_mobile,oaid", "tid", fmt.Sprint(tr.Tid))
	require.Nil(t, a.err)
	got := a.ok["trade"].(map[string]any)
	assert.Equal(t, "诸**", got["receiver_name"])
	assert.Equal(t, tr.Oaid, got["oaid"])

	require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.SellerMemo = "加急" }))
	same, _ := srv.Trade(int64(tr.Tid))
	assert.Equal(t, tr.Oaid, same.Oaid, "the receiver did not change")
	unpaid := srv.AddTrade(nick, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, ReceiverName: "孙权", ReceiverMobile: "13700001111", ReceiverAddress: "吴中路1号"})
	require.NoError(t, srv.PayTrade(int64(unpaid.Tid)))
	paid, _ := srv.Trade(int64(unpaid.Tid))
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, paid.Status)
	assert.Equal(t, unpaid.Oaid, paid.Oaid, "paying keeps the oaid")
	assert.Equal(t, "孙*", paid.ReceiverName)

	require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.ReceiverMobile = "13633334444" }))
	changed, _ := srv.Trade(int64(tr.Tid))
	assert.NotEqual(t, tr.Oaid, changed.Oaid)
	assert.Equal(t, "*******4444", changed.ReceiverMobile)
	plain, _ = srv.Receiver(int64(tr.Tid))
	assert.Equal(t, taobaotest.PlainReceiver{Name: "诸葛亮", Mobile: "13633334444", Address: "武侯祠大街231号"}, plain, "only the mobile changed")

	a = call(t, srv, session, decrypt, "query_list", queryList(t, "1001", tr, changed))
	require.Nil(t, a.err, "%s", a.body)
	items := a.items(t, "receiver_list", "receiver")
	require.Len(t, items, 2)
	assert.Equal(t, false, items[0]["matched"], "the old oaid is stale")
	assert.NotContains(t, items[0], "name")
	assert.Equal(t, fmt.Sprint(tr.Tid), items[0]["tid"], "tid as a string")
	assert.Equal(t, true, items[1]["matched"])
	assert.Equal(t, "13633334444", items[1]["mobile"])
	assert.Equal(t, "诸葛亮", items[1]["name"])
	assert.Equal(t, "成都市", items[1]["city"])
}

func TestDecryptRules(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	trades := srv.Trades(nick)
	theirs := srv.Trades(srv.Sellers()[1])[0]
	tests := []struct {
		name    string
		kv      []string
		code    int64
		subCode string
	}{
		{"no query_list", nil, 40, ""},
		{"not JSON", []string{"query_list", "[{"}, 41, ""},
		{"empty", []string{"query_list", "[]"}, 40, ""},
		{"21 items", []string{"query_list", queryList(t, "1001", trades[:21]...)}, 15, "isv.invalid-parameter:query_list"},
		{"bad scene", []string{"query_list", queryList(t, "1010", trades[0])}, 15, "isv.invalid-parameter:scene"},
		{"no scene", []string{"query_list", queryList(t, "", trades[0])}, 15, "isv.invalid-parameter:scene"},
		{"bad tid", []string{"query_list", `[{"oaid":"1a","tid":"x","scene":"1001"}]`}, 15, "isv.invalid-parameter:tid"},
		{"no oaid", []string{"query_list", `[{"tid":"1","scene":"1001"}]`}, 15, "isv.invalid-parameter:oaid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := call(t, srv, session, decrypt, tt.kv...)
			require.NotNil(t, a.err, "%s", a.body)
			assert.Equal(t, tt.code, a.code())
			assert.Equal(t, tt.subCode, a.subCode())
		})
	}
	a := call(t, srv, session, decrypt, "query_list", queryList(t, "1001", trades[:20]...))
	require.Nil(t, a.err, "20 items are allowed")
	a = call(t, srv, session, decrypt, "query_list", queryList(t, "1001", theirs))
	require.Nil(t, a.err)
	item := a.items(t, "receiver_list", "receiver")[0]
	assert.Equal(t, false, item["matched"], "another seller's trade gives nothing away")
	assert.NotContains(t, item, "address_detail")
	assert.Equal(t, 21, srv.DecryptsUsed(nick))
}

func TestDecryptQuotaPerSellerAndDay(t *testing.T) {
	t.Parallel()
	clock, _ := stillClock()
	srv := newServer(t, clock, taobaotest.WithDecryptQuota(3))
	nick, session := firstSeller(srv)
	trades := srv.Trades(nick)
	a := call(t, srv, session, decrypt, "query_list", queryList(t, "1001", trades[:2]...))
	require.Nil(t, a.err)
	a = call(t, srv, session, decrypt, "query_list", queryList(t, "1001", trades[2:4]...))
	require.NotNil(t, a.err, "2 more go over 3")
	assert.Equal(t, int64(15), a.code())
	assert.Equal(t, taobaotest.DecryptQuotaSubCode, a.subCode())
	assert.Equal(t, 2, srv.DecryptsUsed(nick), "a refused call uses nothing")
	a = call(t, srv, session, decrypt, "query_list", queryList(t, "1001", trades[2]))
	require.Nil(t, a.err, "one more fits")

	other := srv.Sellers()[1]
	a = call(t, srv, srv.NewSession(other), decrypt, "query_list", queryList(t, "1001", srv.Trades(other)[:3]...))
	require.Nil(t, a.err, "each seller has a quota of its own")

	srv.Advance(24 * time.Hour)
	assert.Zero(t, srv.DecryptsUsed(nick))
	a = call(t, srv, session, decrypt, "query_list", queryList(t, "1001", trades[:3]...))
	require.Nil(t, a.err, "a new day")

	custom := newServer(t, taobaotest.WithDecryptQuota(1),
		taobaotest.WithDecryptQuotaError(&taobao.APIError{Code: 50, Msg: "Remote service error", SubCode: "isv.decrypt-count-limit", SubMsg: "超过解密上限"}))
	nick, session = firstSeller(custom)
	a = call(t, custom, session, decrypt, "query_list", queryList(t, "1001", custom.Trades(nick)[:2]...))
	assert.Equal(t, int64(50), a.code(), "the error chosen")
	assert.Equal(t, "isv.decrypt-count-limit", a.subCode())
	assert.NotEmpty(t, a.err["request_id"])
}

func TestVirtualNumbers(t *testing.T) {
	t.Parallel()
	clock, now := stillClock()
	srv := newServer(t, clock)
	nick, session := firstSeller(srv)
	tr := srv.Trades(nick)[0]
	require.NoError(t, srv.SetPrivacyProtection(int64(tr.Tid), false))
	ext := func(days int, scene string) answer {
		req, _ := json.Marshal(map[string]any{"extend_days": days, "oaid": tr.Oaid, "order_id": tr.Tid, "scene": scene})
		return call(t, srv, session, "taobao.top.secret.extend", "extend_request", string(req))
	}
	assert.Equal(t, "isv.secret-no-not-exist", ext(7, "1001").subCode(), "not protected")

	require.NoError(t, srv.SetPrivacyProtection(int64(tr.Tid), true))
	a := call(t, srv, session, decrypt, "query_list", `[{"oaid":"`+tr.Oaid+`","tid":"`+fmt.Sprint(tr.Tid)+`","scene":"1001","secret_no_days":7}]`)
	require.Nil(t, a.err)
	item := a.items(t, "receiver_list", "receiver")[0]
	assert.Equal(t, true, item["privacy_protection"])
	mobile := item["mobile"].(string)
	_, _, virtual := taobao.IsVirtualNumber(mobile)
	assert.True(t, virtual, mobile)
	assert.Equal(t, taobao.NewTime(now.AddDate(0, 0, 7)).String(), item["secret_no_expire_time"])

	assert.Equal(t, "isv.invalid-parameter:extend_days", ext(10, "1001").subCode(), "shipping scenes take 7, 15 or 30")
	a = ext(30, "1001")
	require.Nil(t, a.err, "%s", a.body)
	res := a.ok["result"].(map[string]any)
	assert.Equal(t, mobile, res["secret_no"])
	assert.Equal(t, taobao.NewTime(now.AddDate(0, 0, 37)).String(), res["expire_time"])

	require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.ReceiverAddress = "新地址1号" }))
	assert.Equal(t, "isv.invalid-parameter:oaid", ext(7, "1001").subCode(), "a stale oaid")
}

func TestMergeGroupsBySellerAndOaid(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	mine := srv.Trades(nick)
	theirs := srv.Trades(srv.Sellers()[1])[0]
	list := func(pairs ...any) string {
		var items []map[string]string
		for i := 0; i < len(pairs); i += 2 {
			items = append(items, map[string]string{"oaid": pairs[i].(string), "tid": fmt.Sprint(pairs[i+1])})
		}
		b, _ := json.Marshal(items)
		return string(b)
	}
	a := call(t, srv, session, "taobao.top.oaid.merge", "merge_list", list("X", mine[0].Tid, "Y", mine[1].Tid, "X", mine[2].Tid, "X", theirs.Tid))
	require.Nil(t, a.err, "%s", a.body)
	groups := a.ok["tid_list"].(map[string]any)["string"].([]any)
	assert.Equal(t, []any{fmt.Sprint(mine[0].Tid, ",", mine[2].Tid), fmt.Sprint(mine[1].Tid), fmt.Sprint(theirs.Tid)}, groups,
		"another seller's trade is never merged")

	var many []any
	for i := range 101 {
		many = append(many, "X", mine[i%len(mine)].Tid)
	}
	a = call(t, srv, session, "taobao.top.oaid.merge", "merge_list", list(many...))
	assert.Equal(t, "isv.invalid-parameter:merge_list", a.subCode())
}

func TestSoldQueryServesPlaintextLookups(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	nick, session := firstSeller(srv)
	tr := receiverAt(t, srv, nick, srv.Now().Add(-time.Hour))
	q := func(scene string, items ...map[string]string) answer {
		b, _ := json.Marshal(items)
		return call(t, srv, session, "taobao.trades.sold.query", "query_list", string(b), "scene", scene)
	}
	a := q("1001", map[string]string{"receiver_name": "诸葛亮"})
	require.Nil(t, a.err, "%s", a.body)
	assert.Equal(t, []any{fmt.Sprint(tr.Tid)}, a.ok["tid_list"].(map[string]any)["string"])
	a = q("1001", map[string]string{"receiver_name": "诸**"})
	require.Nil(t, a.err)
	assert.Empty(t, a.ok["tid_list"].(map[string]any)["string"], "a masked value matches nothing")
	assert.Equal(t, "isv.invalid-parameter:scene", q("2001", map[string]string{"receiver_name": "诸葛亮"}).subCode())
	assert.Equal(t, "isv.invalid-parameter:query_list", q("1001", map[string]string{"start_created": gmt8(srv.Now())}).subCode())
	assert.True(t, strings.HasPrefix(tr.Oaid, "1"))
}
