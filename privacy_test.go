package taobao_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// privacyFake returns a fake, its first seller's client and that seller's
// trades that have an oaid.
func privacyFake(t *testing.T, opts ...taobaotest.Option) (*taobaotest.Server, *taobao.Client, []taobao.Trade) {
	t.Helper()
	srv := taobaotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	seller := srv.Sellers()[0]
	var with []taobao.Trade
	for _, tr := range srv.Trades(seller) {
		if tr.Oaid != "" {
			with = append(with, tr)
		}
	}
	return srv, srv.Client(srv.NewSession(seller)), with
}

func queriesOf(trades []taobao.Trade, scene taobao.Scene) []taobao.ReceiverQuery {
	q := make([]taobao.ReceiverQuery, len(trades))
	for i, tr := range trades {
		q[i] = taobao.ReceiverQuery{OAID: tr.Oaid, Tid: int64(tr.Tid), Scene: scene}
	}
	return q
}

// batchSizes returns the number of items of each logged call's list param.
func batchSizes(t *testing.T, srv *taobaotest.Server, method, param string) []int {
	t.Helper()
	var sizes []int
	for _, c := range srv.CallLog() {
		if c.Method != method {
			continue
		}
		var items []json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(c.Params.Get(param)), &items))
		sizes = append(sizes, len(items))
	}
	return sizes
}

func TestDecryptInBatches(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	require.GreaterOrEqual(t, len(trades), 45)
	trades = trades[:45]

	got, err := c.Privacy.Decrypt(context.Background(), queriesOf(trades, taobao.SceneSFWaybill))
	require.NoError(t, err)
	assert.Equal(t, []int{20, 20, 5}, batchSizes(t, srv, taobao.MethodOaidDecrypt, "query_list"))
	require.Len(t, got, 45)
	protected := 0
	for i, r := range got {
		tr := trades[i]
		plain, ok := srv.Receiver(int64(tr.Tid))
		require.True(t, ok)
		assert.Equal(t, int64(tr.Tid), r.Tid, "result %d is in the order of the queries", i)
		assert.Equal(t, tr.Oaid, r.OAID)
		assert.True(t, r.Matched)
		assert.Equal(t, plain.Name, r.Name())
		assert.Equal(t, plain.Address, r.AddressDetail())
		assert.Equal(t, plain.Phone, r.Phone())
		assert.Equal(t, tr.ReceiverCity, r.City)
		assert.False(t, taobao.IsMasked(r.Name()), "decrypted")
		assert.True(t, taobao.IsMasked(tr.ReceiverName), "the trade read shows it masked")
		if srv.PrivacyProtected(int64(tr.Tid)) {
			protected++
			assert.True(t, r.PrivacyProtection)
			_, _, virtual := taobao.IsVirtualNumber(r.Mobile())
			assert.True(t, virtual, "a protected trade's mobile is a virtual number: %s", taobao.MaskPhone(r.Mobile()))
			assert.False(t, r.SecretNoExpire.IsZero())
		} else {
			assert.Equal(t, plain.Mobile, r.Mobile())
			assert.False(t, r.PrivacyProtection)
			assert.True(t, r.SecretNoExpire.IsZero())
		}
	}
	assert.Positive(t, protected, "the seeded data has privacy-protected trades")
}

func TestDecryptAsksOnceForARepeatedQuery(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	q := queriesOf(trades[:3], taobao.SceneEMSWaybill)
	q = append(q, q[1], q[0])
	got, err := c.Privacy.Decrypt(context.Background(), q)
	require.NoError(t, err)
	assert.Equal(t, []int{3}, batchSizes(t, srv, taobao.MethodOaidDecrypt, "query_list"))
	require.Len(t, got, 5)
	assert.Equal(t, got[1].Name(), got[3].Name())
	assert.Equal(t, got[0].Tid, got[4].Tid)
	assert.Equal(t, 3, srv.DecryptsUsed(srv.Sellers()[0]))

	none, err := c.Privacy.Decrypt(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, none)
	assert.Equal(t, 1, srv.Calls(taobao.MethodOaidDecrypt), "no call for no query")
}

// TestDecryptIsPacedByTheLimiter: the three calls of 45 queries wait for
// the client's limiter like any call.
func TestDecryptIsPacedByTheLimiter(t *testing.T) {
	t.Parallel()
	// The server is made outside the bubble: its listener would keep the
	// bubble from ever being idle. Calls go in-process.
	srv, _, trades := privacyFake(t)
	trades = trades[:45]
	seller := srv.Sellers()[0]
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(srv.NewSession(seller), inProcess(srv, taobao.WithRateLimit(1, 1))...)
		start := time.Now()
		_, err := c.Privacy.Decrypt(context.Background(), queriesOf(trades, taobao.SceneSFWaybill))
		require.NoError(t, err)
		assert.InDelta(t, 2*time.Second, time.Since(start), float64(10*time.Microsecond), "three calls at one a second")
		assert.GreaterOrEqual(t, time.Since(start), 2*time.Second)
		assert.Equal(t, 3, srv.Calls(taobao.MethodOaidDecrypt))
	})
}

func TestDecryptStaleAfterAddressChange(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	ctx := context.Background()
	tr := trades[0]
	tid := int64(tr.Tid)
	before, err := c.Privacy.Decrypt(ctx, queriesOf(trades[:1], taobao.SceneSFWaybill))
	require.NoError(t, err)
	require.True(t, before[0].Matched)

	const street = "文三路478号华星时代广场A座1201室"
	require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.ReceiverAddress = street }))

	stale, err := c.Privacy.Decrypt(ctx, queriesOf(trades[:1], taobao.SceneSFWaybill))
	require.NoError(t, err)
	require.Len(t, stale, 1)
	assert.False(t, stale[0].Matched, "the old oaid went stale")
	assert.False(t, stale[0].HasPlaintext())
	assert.Empty(t, stale[0].AddressDetail())
	assert.Contains(t, stale[0].String(), "stale")

	fresh, err := c.Trades.FullInfo(ctx, tid, &taobao.TradeGetOptions{Fields: []string{"tid", "oaid", "receiver_address"}, IncludeOaid: true})
	require.NoError(t, err)
	assert.NotEqual(t, tr.Oaid, fresh.Oaid, "a new receiver, a new oaid")
	assert.True(t, taobao.IsMasked(fresh.ReceiverAddress), "served masked: %s", fresh.ReceiverAddress)
	assert.NotContains(t, fresh.ReceiverAddress, "华星时代广场")

	now, err := c.Privacy.Decrypt(ctx, []taobao.ReceiverQuery{{OAID: fresh.Oaid, Tid: tid, Scene: taobao.SceneSFWaybill}})
	require.NoError(t, err)
	assert.True(t, now[0].Matched)
	assert.Equal(t, street, now[0].AddressDetail())
	assert.Equal(t, before[0].Name(), now[0].Name(), "the name did not change")
}

// TestDecryptAnswerShapes: the answer is read leniently (a bare list, a
// lone object, numbers and booleans as strings, items out of order), and
// the plaintext of an answer that says matched=false is dropped.
func TestDecryptAnswerShapes(t *testing.T) {
	t.Parallel()
	srv, c, _ := privacyFake(t)
	tests := []struct {
		name, list string
		want       []string // the names decrypted, per query
	}{
		{"wrapped, out of order", `{"receiver":[{"tid":"2","oaid":"o2","matched":true,"name":"乙"},{"tid":"1","oaid":"o1","matched":true,"name":"甲"}]}`, []string{"甲", "乙"}},
		{"bare, tids as numbers", `[{"tid":1,"oaid":"o1","matched":"true","name":"甲"},{"tid":2,"oaid":"o2","matched":1,"name":"乙"}]`, []string{"甲", "乙"}},
		{"a lone object", `{"receiver":{"tid":"2","oaid":"o2","matched":true,"name":"乙"}}`, []string{"", "乙"}},
		{"stale with plaintext", `{"receiver":[{"tid":"1","oaid":"o1","matched":false,"name":"甲"},{"tid":"2","oaid":"o2","matched":true,"name":"乙"}]}`, []string{"", "乙"}},
		{"wrong kinds dropped", `{"receiver":[{"tid":"1","oaid":"o1","matched":true,"name":{"x":1},"secret_no_expire_time":"soon"},"junk",{"tid":"2","oaid":"o2","matched":true,"name":7}]}`, []string{"", "7"}},
		{"no list", `null`, []string{"", ""}},
	}
	q := []taobao.ReceiverQuery{{OAID: "o1", Tid: 1, Scene: taobao.SceneSFWaybill}, {OAID: "o2", Tid: 2, Scene: taobao.SceneSFWaybill}}
	for _, tt := range tests {
		srv.HandleRaw(taobao.MethodOaidDecrypt, []byte(`{"top_oaid_decrypt_response":{"receiver_list":`+tt.list+`,"request_id":"r1"}}`))
		got, err := c.Privacy.Decrypt(context.Background(), q)
		require.NoError(t, err, tt.name)
		require.Len(t, got, 2)
		for i, w := range tt.want {
			assert.Equal(t, w, got[i].Name(), "%s: query %d", tt.name, i)
			assert.Equal(t, w != "", got[i].HasPlaintext(), "%s: query %d", tt.name, i)
			assert.Equal(t, q[i].Tid, got[i].Tid)
		}
	}
}

func TestDecryptQuota(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t, taobaotest.WithDecryptQuota(30))
	ctx := context.Background()

	got, err := c.Privacy.Decrypt(ctx, queriesOf(trades[:25], taobao.SceneSFWaybill))
	require.NoError(t, err)
	require.Len(t, got, 25)

	// 10 more: the quota leaves 5, so the call is refused.
	got, err = c.Privacy.Decrypt(ctx, queriesOf(trades[25:35], taobao.SceneSFWaybill))
	require.Error(t, err)
	assert.ErrorIs(t, err, taobao.ErrDecryptQuota)
	assert.False(t, taobao.IsRetryable(err))
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, taobaotest.DecryptQuotaSubCode, apiErr.SubCode)
	assert.Contains(t, err.Error(), "call 1 of 1")
	assert.Contains(t, err.Error(), "request_id=")
	assert.Equal(t, 3, srv.Calls(taobao.MethodOaidDecrypt), "20 and 5, then the refused call, not retried")
	assert.Zero(t, got[0].Tid, "nothing decrypted")

	// A new day, a new quota; a call that fails after the first keeps the
	// first call's receivers.
	srv.Advance(24 * time.Hour)
	got, err = c.Privacy.Decrypt(ctx, queriesOf(trades[:40], taobao.SceneSFWaybill))
	require.ErrorIs(t, err, taobao.ErrDecryptQuota)
	assert.Contains(t, err.Error(), "call 2 of 2")
	require.Len(t, got, 40)
	for i := range 20 {
		assert.True(t, got[i].Matched, "result %d came from the first call", i)
	}
	for i := 20; i < 40; i++ {
		assert.Zero(t, got[i].Tid, "result %d was not decrypted", i)
	}
}

func TestDecryptScenes(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	var tr taobao.Trade
	for _, x := range trades {
		if p, _ := srv.Receiver(int64(x.Tid)); p.Phone != "" && !srv.PrivacyProtected(int64(x.Tid)) {
			tr = x
			break
		}
	}
	require.NotZero(t, tr.Tid, "a trade with a landline")
	plain, _ := srv.Receiver(int64(tr.Tid))
	tests := []struct {
		scene                 taobao.Scene
		name, phones, address bool
	}{
		{taobao.SceneSFWaybill, true, true, true},
		{taobao.SceneDropShipping, true, true, true},
		{taobao.SceneAfterSales, false, true, false},
		{taobao.SceneCustomerCare, false, true, false},
		{taobao.SceneAddressChange, false, false, true},
		{taobao.SceneReceiverName, true, false, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.scene), func(t *testing.T) {
			t.Parallel()
			n, p, a := tt.scene.Returns()
			assert.Equal(t, [3]bool{tt.name, tt.phones, tt.address}, [3]bool{n, p, a}, "Scene.Returns")
			got, err := c.Privacy.Decrypt(context.Background(), queriesOf([]taobao.Trade{tr}, tt.scene))
			require.NoError(t, err)
			r := got[0]
			require.True(t, r.Matched)
			pick := func(on bool, s string) string {
				if on {
					return s
				}
				return ""
			}
			assert.Equal(t, pick(tt.name, plain.Name), r.Name())
			assert.Equal(t, pick(tt.phones, plain.Mobile), r.Mobile())
			assert.Equal(t, pick(tt.phones, plain.Phone), r.Phone())
			assert.Equal(t, pick(tt.address, plain.Address), r.AddressDetail())
		})
	}
}

// TestPrivacyValidation: every rule is checked before the network, and the
// error names the parameter.
func TestPrivacyValidation(t *testing.T) {
	t.Parallel()
	srv, c, _ := privacyFake(t)
	ctx := context.Background()
	ok := taobao.ReceiverQuery{OAID: "1abc", Tid: 1, Scene: taobao.SceneSFWaybill}
	with := func(f func(q *taobao.ReceiverQuery)) []taobao.ReceiverQuery {
		q := ok
		q.Tid = 2
		f(&q)
		return []taobao.ReceiverQuery{ok, q}
	}
	decrypt := func(q []taobao.ReceiverQuery) func() error {
		return func() error { _, err := c.Privacy.Decrypt(ctx, q); return err }
	}
	merge := func(refs ...taobao.OrderRef) func() error {
		return func() error { _, err := c.Privacy.Merge(ctx, refs); return err }
	}
	query := func(scene taobao.QueryScene, opts *taobao.SoldQueryOptions, l ...taobao.ReceiverLookup) func() error {
		return func() error { _, err := c.Privacy.SoldQuery(ctx, scene, l, opts); return err }
	}
	extend := func(e taobao.SecretNoExtension) func() error {
		return func() error { _, err := c.Privacy.ExtendSecretNo(ctx, e); return err }
	}
	day := taobao.NewTime(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	name := taobao.ReceiverLookup{Name: "张三"}
	tests := []struct {
		name  string
		call  func() error
		param string
	}{
		{"decrypt tid zero", decrypt(with(func(q *taobao.ReceiverQuery) { q.Tid = 0 })), "query 1: tid"},
		{"decrypt no oaid", decrypt(with(func(q *taobao.ReceiverQuery) { q.OAID = " " })), "oaid is required"},
		{"decrypt long oaid", decrypt(with(func(q *taobao.ReceiverQuery) { q.OAID = strings.Repeat("a", 129) })), "at most 128"},
		{"decrypt oaid with comma", decrypt(with(func(q *taobao.ReceiverQuery) { q.OAID = "a,b" })), "comma"},
		{"decrypt no scene", decrypt(with(func(q *taobao.ReceiverQuery) { q.Scene = "" })), "scene"},
		{"decrypt unknown scene", decrypt(with(func(q *taobao.ReceiverQuery) { q.Scene = "1010" })), `scene "1010"`},
		{"decrypt query scene", decrypt(with(func(q *taobao.ReceiverQuery) { q.Scene = "9999" })), "scene"},
		{"decrypt secret_no_days", decrypt(with(func(q *taobao.ReceiverQuery) { q.SecretNoDays = 31 })), "secret_no_days"},
		{"decrypt same receiver two scenes", decrypt(with(func(q *taobao.ReceiverQuery) { q.Tid, q.Scene = 1, taobao.SceneAfterSales })), "separate calls"},
		{"merge tid", merge(taobao.OrderRef{OAID: "a", Tid: -1}), "merge_list"},
		{"merge oaid", merge(taobao.OrderRef{Tid: 1}), "oaid is required"},
		{"merge tid twice", merge(taobao.OrderRef{OAID: "a", Tid: 1}, taobao.OrderRef{OAID: "b", Tid: 1}), "another oaid"},
		{"query scene", query("2001", nil, name), "scene"},
		{"query none", query(taobao.QuerySceneAfterSales, nil), "at least one"},
		{"query 21", query(taobao.QuerySceneAfterSales, nil, make([]taobao.ReceiverLookup, 21)...), "at most 20"},
		{"query empty lookup", query(taobao.QuerySceneAfterSales, nil, taobao.ReceiverLookup{StartCreated: day}), "a name, mobile or phone"},
		{"query masked", query(taobao.QuerySceneAfterSales, nil, taobao.ReceiverLookup{Mobile: "*******5552"}), "masked"},
		{"query reversed", query(taobao.QuerySceneAfterSales, nil, taobao.ReceiverLookup{Name: "张三", StartCreated: day, EndCreated: taobao.NewTime(day.Add(-time.Hour))}), "end_created"},
		{"query order type", query(taobao.QuerySceneAfterSales, &taobao.SoldQueryOptions{OrderType: 4}, name), "order_type"},
		{"extend days shipping", extend(taobao.SecretNoExtension{OAID: "a", Tid: 1, Scene: taobao.SceneSFWaybill, ExtendDays: 10}), "extend_days"},
		{"extend days zero", extend(taobao.SecretNoExtension{OAID: "a", Tid: 1, Scene: taobao.SceneAfterSales}), "extend_days"},
		{"extend days long", extend(taobao.SecretNoExtension{OAID: "a", Tid: 1, Scene: taobao.SceneAfterSales, ExtendDays: 31}), "extend_days"},
		{"extend tid", extend(taobao.SecretNoExtension{OAID: "a", Scene: taobao.SceneSFWaybill, ExtendDays: 7}), "order_id"},
		{"extend scene", extend(taobao.SecretNoExtension{OAID: "a", Tid: 1, Scene: "1", ExtendDays: 7}), "scene"},
		{"extend oaid", extend(taobao.SecretNoExtension{Tid: 1, Scene: taobao.SceneSFWaybill, ExtendDays: 7}), "oaid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tt.param)
			assert.True(t, strings.HasPrefix(err.Error(), "taobao: taobao."), err.Error())
			assert.NotContains(t, err.Error(), "张三", "a looked-up value is never quoted")
		})
	}
	assert.Zero(t, srv.Calls("*"), "no request reached the gateway")
}

// sameWeek adds trades of one receiver created in one ISO week (and one in
// the week after), so that they share an oaid.
func sameReceiverTrades(t *testing.T, srv *taobaotest.Server, seller string, n int, created time.Time) []taobao.Trade {
	t.Helper()
	out := make([]taobao.Trade, n)
	for i := range out {
		out[i] = srv.AddTrade(seller, taobao.Trade{
			Status: taobao.TradeStatusWaitSellerSendGoods, Created: taobao.NewTime(created.Add(time.Duration(i) * time.Minute)),
			ReceiverName: "欧阳明华", ReceiverMobile: "13912345678", ReceiverState: "浙江省", ReceiverCity: "杭州市",
			ReceiverDistrict: "西湖区", ReceiverAddress: "文一西路969号3幢501室",
		})
		require.NotEmpty(t, out[i].Oaid)
	}
	return out
}

func TestMerge(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	seller := srv.Sellers()[0]
	monday := time.Date(2026, 11, 23, 10, 0, 0, 0, taobao.GMT8())
	same := sameReceiverTrades(t, srv, seller, 3, monday)
	nextWeek := sameReceiverTrades(t, srv, seller, 1, monday.AddDate(0, 0, 7))[0]
	require.Equal(t, same[0].Oaid, same[2].Oaid, "one receiver, one week: one oaid")
	require.NotEqual(t, same[0].Oaid, nextWeek.Oaid, "another week: another oaid")
	other := trades[0]
	ref := func(tr taobao.Trade) taobao.OrderRef { return taobao.OrderRef{OAID: tr.Oaid, Tid: int64(tr.Tid)} }

	groups, err := c.Privacy.Merge(context.Background(), []taobao.OrderRef{
		ref(other), ref(same[0]), ref(nextWeek), ref(same[1]), ref(same[2]), ref(same[1]),
	})
	require.NoError(t, err)
	tid := func(tr taobao.Trade) int64 { return int64(tr.Tid) }
	assert.Equal(t, [][]int64{{tid(other)}, {tid(same[0]), tid(same[1]), tid(same[2])}, {tid(nextWeek)}}, groups)
	assert.Equal(t, 1, srv.Calls(taobao.MethodOaidMerge))
}

// TestMergeAcrossCalls: more than 100 orders take several calls; the
// orders of one oaid stay in one call, so their group is whole, unless one
// oaid alone has more than 100.
func TestMergeAcrossCalls(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t, taobaotest.WithTrades(260))
	require.GreaterOrEqual(t, len(trades), 260)
	var refs []taobao.OrderRef
	want := map[string][]int64{}
	// A: 30 orders, B: 80, C: 40, interleaved; D: 110.
	for i, tr := range trades[:150] {
		oaid := [...]string{"A", "B", "B", "C", "B"}[i%5]
		if oaid == "A" && len(want["A"]) == 30 || oaid == "C" && len(want["C"]) == 40 || oaid == "B" && len(want["B"]) == 80 {
			oaid = "B"
			if len(want["B"]) == 80 {
				oaid = "C"
			}
		}
		refs = append(refs, taobao.OrderRef{OAID: oaid, Tid: int64(tr.Tid)})
		want[oaid] = append(want[oaid], int64(tr.Tid))
	}
	require.Len(t, want["A"], 30)
	require.Len(t, want["B"], 80)
	require.Len(t, want["C"], 40)
	groups, err := c.Privacy.Merge(context.Background(), refs)
	require.NoError(t, err)
	assert.Equal(t, [][]int64{want["A"], want["B"], want["C"]}, groups)
	assert.Equal(t, []int{30, 80, 40}, batchSizes(t, srv, taobao.MethodOaidMerge, "merge_list"),
		"A and B do not fit one call, B and C neither")

	var d []taobao.OrderRef
	var dTids []int64
	for _, tr := range trades[150:260] {
		d = append(d, taobao.OrderRef{OAID: "D", Tid: int64(tr.Tid)})
		dTids = append(dTids, int64(tr.Tid))
	}
	groups, err = c.Privacy.Merge(context.Background(), d)
	require.NoError(t, err)
	assert.Equal(t, [][]int64{dTids[:100], dTids[100:]}, groups, "one oaid over two calls: two groups")
}

func TestFullInfoOaidMissing(t *testing.T) {
	t.Parallel()
	srv, c, _ := privacyFake(t)
	seller := srv.Sellers()[0]
	bare := srv.AddTrade(seller, taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, ReceiverName: "李四"})
	require.Empty(t, bare.Oaid, "no mobile or address: no oaid")

	_, err := c.Trades.FullInfo(context.Background(), int64(bare.Tid), &taobao.TradeGetOptions{Fields: []string{"tid", "oaid"}, IncludeOaid: true})
	require.Error(t, err)
	assert.ErrorIs(t, err, taobao.ErrOaidMissing)
	var miss *taobao.OaidMissingError
	require.ErrorAs(t, err, &miss)
	assert.Equal(t, int64(bare.Tid), miss.Tid)
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "isv.oaid-field-miss", apiErr.SubCode)
	assert.Contains(t, err.Error(), "taobao: taobao.trade.fullinfo.get: trade "+strconv.FormatInt(int64(bare.Tid), 10)+" has no oaid")
	assert.Contains(t, err.Error(), "request_id=")
	assert.False(t, taobao.IsRetryable(err))

	tr, err := c.Trades.FullInfo(context.Background(), int64(bare.Tid), &taobao.TradeGetOptions{Fields: []string{"tid", "oaid"}})
	require.NoError(t, err, "without IncludeOaid the trade comes back as it is")
	assert.Empty(t, tr.Oaid)
}

func TestSoldQuery(t *testing.T) {
	t.Parallel()
	srv, c, _ := privacyFake(t)
	seller := srv.Sellers()[0]
	now := srv.Now()
	recent := sameReceiverTrades(t, srv, seller, 2, now.Add(-48*time.Hour))
	old := sameReceiverTrades(t, srv, seller, 1, now.AddDate(0, 0, -30))[0]
	plain, ok := srv.Receiver(int64(recent[0].Tid))
	require.True(t, ok)
	require.Equal(t, "欧阳明华", plain.Name)
	ctx := context.Background()
	tids := func(tr ...taobao.Trade) []int64 {
		out := make([]int64, len(tr))
		for i, x := range tr {
			out[i] = int64(x.Tid)
		}
		return out
	}

	got, err := c.Privacy.SoldQuery(ctx, taobao.QuerySceneAfterSales, []taobao.ReceiverLookup{{Mobile: plain.Mobile}}, nil)
	require.NoError(t, err)
	assert.Equal(t, tids(recent[1], recent[0], old), got, "newest first, three months back")

	got, err = c.Privacy.SoldQuery(ctx, taobao.QuerySceneCustomerService, []taobao.ReceiverLookup{{Name: plain.Name, Mobile: plain.Mobile}}, nil)
	require.NoError(t, err)
	assert.Equal(t, tids(recent[1], recent[0]), got, "customer service sees the last 7 days")

	got, err = c.Privacy.SoldQuery(ctx, taobao.QuerySceneAfterSales, []taobao.ReceiverLookup{{Name: plain.Name, Mobile: "13900000000"}}, nil)
	require.NoError(t, err)
	assert.Empty(t, got, "every value of a lookup must match")

	got, err = c.Privacy.SoldQuery(ctx, taobao.QuerySceneAfterSales, []taobao.ReceiverLookup{
		{Mobile: "13900000000"}, {Name: plain.Name, StartCreated: taobao.NewTime(now.AddDate(0, 0, -31)), EndCreated: taobao.NewTime(now.AddDate(0, 0, -29))},
	}, &taobao.SoldQueryOptions{OrderType: taobao.SoldQueryTrades})
	require.NoError(t, err)
	assert.Equal(t, tids(old), got, "lookups are OR-ed; each bounds its creation time")
	last := srv.CallLog()[len(srv.CallLog())-1]
	assert.Equal(t, "1", last.Params.Get("order_type"))
	assert.Equal(t, "1002", last.Params.Get("scene"))
}

func TestExtendSecretNo(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	ctx := context.Background()
	tr := trades[0]
	tid := int64(tr.Tid)
	require.NoError(t, srv.SetPrivacyProtection(tid, true))
	got, err := c.Privacy.Decrypt(ctx, []taobao.ReceiverQuery{{OAID: tr.Oaid, Tid: tid, Scene: taobao.SceneTongdaWaybill, SecretNoDays: 7}})
	require.NoError(t, err)
	r := got[0]
	require.True(t, r.PrivacyProtection)
	bound := srv.Now().Truncate(time.Second).AddDate(0, 0, 7)
	assert.True(t, r.SecretNoExpire.Equal(bound), "bound for the days asked: %s", r.SecretNoExpire)

	no, err := c.Privacy.ExtendSecretNo(ctx, taobao.SecretNoExtension{OAID: tr.Oaid, Tid: tid, Scene: taobao.SceneTongdaWaybill, ExtendDays: 15})
	require.NoError(t, err)
	assert.Equal(t, r.Mobile(), no.Number())
	assert.True(t, no.Expire.Equal(bound.AddDate(0, 0, 15)), "extended from the old expiry: %s", no.Expire)
	assert.NotEmpty(t, no.RequestID)
	type holder struct{ n taobao.SecretNo }
	h := holder{*no}
	badVerbs := "%s %q" // verbs that do not suit a pointer make fmt follow it
	printed := fmt.Sprintf("%v %+v %#v", no, no, *no) + fmt.Sprintf(badVerbs, h, h)
	assert.Contains(t, printed, "taobao.SecretNo{")
	assert.NotContains(t, printed, no.Number()[:11])
	assert.Equal(t, 1, srv.Calls(taobao.MethodSecretExtend))

	again, err := c.Privacy.Decrypt(ctx, []taobao.ReceiverQuery{{OAID: tr.Oaid, Tid: tid, Scene: taobao.SceneTongdaWaybill}})
	require.NoError(t, err)
	assert.True(t, again[0].SecretNoExpire.Equal(no.Expire.Time), "decrypt shows the new expiry")

	_, err = c.Privacy.ExtendSecretNo(ctx, taobao.SecretNoExtension{OAID: trades[1].Oaid, Tid: int64(trades[1].Tid), Scene: taobao.SceneTongdaWaybill, ExtendDays: 7})
	if !srv.PrivacyProtected(int64(trades[1].Tid)) {
		var apiErr *taobao.APIError
		require.ErrorAs(t, err, &apiErr, "no virtual number to extend")
		assert.Contains(t, err.Error(), taobao.MethodSecretExtend)
	}
}

func TestMaskingHelpers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in                   string
		masked               bool
		name, phone, address string
	}{
		{"", false, "", "", ""},
		{"王**", true, "王**", "王**", "王**"},
		{"*******5552", true, "*******5552", "*******5552", "*******5552"},
		{"~AgAAAAbc~", true, "~AgAAAAbc~", "~AgAAAAbc~", "~AgAAAAbc~"},
		{"$135$abc$", true, "$135$abc$", "$135$abc$", "$135$abc$"},
		{"欧阳明华", false, "欧***", "****", "欧阳***"},
		{"13912345678", false, "1**********", "*******5678", "13***"},
		{"0571-88157858", false, "0************", "****-****7858", "05***"},
		{"18877771111-123", false, "1**************", "**********1-123", "18***"},
		{"西湖", false, "西*", "**", "***"},
		{"李", false, "李*", "*", "***"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.masked, taobao.IsMasked(tt.in), "IsMasked")
			assert.Equal(t, tt.name, taobao.MaskName(tt.in), "MaskName")
			assert.Equal(t, tt.phone, taobao.MaskPhone(tt.in), "MaskPhone")
			assert.Equal(t, tt.address, taobao.MaskAddress(tt.in), "MaskAddress")
			if tt.in != "" && !tt.masked {
				assert.True(t, taobao.IsMasked(taobao.MaskName(tt.in)))
				assert.True(t, taobao.IsMasked(taobao.MaskAddress(tt.in)))
			}
		})
	}
	for in, want := range map[string][2]string{
		"18877771111-123": {"18877771111", "123"}, "13912345678": {}, "0571-8815": {}, "18877771111-": {}, "1887777111a-12": {},
	} {
		n, e, ok := taobao.IsVirtualNumber(in)
		assert.Equal(t, want != [2]string{}, ok, in)
		assert.Equal(t, want, [2]string{n, e}, in)
	}
}

func TestReceiverJSONIsExplicitAboutPlaintext(t *testing.T) {
	t.Parallel()
	srv, c, trades := privacyFake(t)
	got, err := c.Privacy.Decrypt(context.Background(), queriesOf(trades[:1], taobao.SceneSFWaybill))
	require.NoError(t, err)
	r := got[0]
	plain, _ := srv.Receiver(r.Tid)

	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.NotContains(t, m, "plaintext", "the JSON form is masked")
	assert.Equal(t, taobao.MaskName(plain.Name), m["masked"].(map[string]any)["name"])
	assert.NotContains(t, string(b), plain.Name)
	assert.NotContains(t, string(b), plain.Address)

	b, err = r.MarshalPlaintext()
	require.NoError(t, err)
	m = nil
	require.NoError(t, json.Unmarshal(b, &m))
	require.Contains(t, m, "plaintext")
	assert.Equal(t, plain.Name, m["plaintext"].(map[string]any)["name"])
	assert.NotContains(t, m, "name", "the plaintext is only under \"plaintext\"")

	var back taobao.Receiver
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, r.Name(), back.Name())
	assert.Equal(t, r.AddressDetail(), back.AddressDetail())
	assert.Equal(t, r.Tid, back.Tid)
	assert.Equal(t, r.OAID, back.OAID)

	b, err = taobao.Receiver{Tid: 1, OAID: "x"}.MarshalPlaintext()
	require.NoError(t, err)
	assert.NotContains(t, string(b), "plaintext", "nothing decrypted, nothing under plaintext")
}

// TestNoPlaintextLeaks: a decrypted receiver never shows in clear when
// printed, logged, or in an error, a log line of the client, or a sample of
// an answer that could not be decoded.
func TestNoPlaintextLeaks(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, _, trades := privacyFake(t)
	c := srv.Client(srv.NewSession(srv.Sellers()[0]), taobao.WithLogger(logger), taobao.WithMaxRetries(1))
	ctx := context.Background()
	got, err := c.Privacy.Decrypt(ctx, queriesOf(trades[:20], taobao.SceneSFWaybill))
	require.NoError(t, err)

	var secrets []string
	for _, r := range got {
		require.True(t, r.HasPlaintext())
		secrets = append(secrets, r.Name(), r.Mobile(), r.AddressDetail())
		if r.Phone() != "" {
			secrets = append(secrets, r.Phone())
		}
	}
	type holder struct {
		R   taobao.Receiver
		r   taobao.Receiver
		p   *taobao.Receiver
		All []taobao.Receiver
	}
	h := holder{R: got[0], r: got[1], p: &got[2], All: got}
	var out bytes.Buffer
	for _, v := range []any{got[0], &got[0], got, h, &h, map[int]taobao.Receiver{1: got[3]}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			fmt.Fprintf(&out, verb+"\n", v)
		}
		fmt.Fprintln(&out, v)
	}
	logger.Info("receivers", "one", got[0], "all", got, "ptr", &got[1], "holder", h)
	slog.New(slog.NewTextHandler(&out, nil)).Info("receiver", "r", got[0], "h", h)
	assert.Contains(t, out.String(), "taobao.Receiver{tid "+strconv.FormatInt(got[0].Tid, 10))
	assert.Contains(t, out.String(), taobao.MaskName(got[0].Name()))

	// Answers that cannot be decoded, holding plaintext: the errors and the
	// client's log lines keep no sample of them.
	const name, mobile, street = "司马光明", "13698765432", "曲院风荷路88号"
	plainBody := `{"top_oaid_decrypt_response":{"receiver_list":{"receiver":[{"name":"` + name + `","mobile":"` + mobile + `","address_detail":"` + street + `","tid":"1","matched":true`
	var errs []error
	for _, body := range []string{
		plainBody,                    // cut short
		plainBody + `}]}}} trailing`, // bytes after the end
		`<html>` + name + " " + mobile + " " + street + `</html>`,        // not JSON
		`{"top_oaid_decrypt_response":"` + name + mobile + street + `"}`, // not an object
	} {
		srv.HandleRaw(taobao.MethodOaidDecrypt, []byte(body))
		_, err := c.Privacy.Decrypt(ctx, queriesOf(trades[:1], taobao.SceneSFWaybill))
		require.Error(t, err, body)
		errs = append(errs, err)
	}
	// The generic Call path too.
	var raw map[string]any
	errs = append(errs, c.Call(ctx, taobao.MethodOaidDecrypt, url.Values{"query_list": {"[]"}}, &raw))
	// A gateway message quoting a value looked up.
	srv.HandleRaw(taobao.MethodTradesSoldQuery, []byte(`{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"收件人`+name+`/`+mobile+`不合法","request_id":"rq1"}}`))
	_, err = c.Privacy.SoldQuery(ctx, taobao.QuerySceneAfterSales, []taobao.ReceiverLookup{{Name: name, Mobile: mobile}}, nil)
	require.Error(t, err)
	errs = append(errs, err)
	srv.HandleRaw(taobao.MethodTradesSoldQuery, []byte(`{"trades_sold_query_response":{"tid_list":`+name))
	_, err = c.Privacy.SoldQuery(ctx, taobao.QuerySceneAfterSales, []taobao.ReceiverLookup{{Name: name, Mobile: mobile}}, nil)
	require.Error(t, err)
	errs = append(errs, err)
	for _, err := range errs {
		fmt.Fprintf(&out, "%v\n%+v\n%#v\n", err, err, err)
		var de *taobao.DecodeError
		if errors.As(err, &de) {
			fmt.Fprintf(&out, "%s %v\n", de.Sample, de.Err)
		}
		var he *taobao.HTTPError
		if errors.As(err, &he) {
			fmt.Fprintf(&out, "%s\n", he.Body)
		}
		var ae *taobao.APIError
		if errors.As(err, &ae) {
			fmt.Fprintf(&out, "%s %s\n", ae.Msg, ae.SubMsg)
		}
	}
	assert.Contains(t, out.String(), "withheld")
	require.NotEmpty(t, logs.String())
	secrets = append(secrets, name, mobile, street)
	for _, s := range secrets {
		assert.NotContains(t, out.String(), s, "printed or in an error")
		assert.NotContains(t, logs.String(), s, "logged")
		// The first three characters are enough to tell a name or street apart.
		if len([]rune(s)) >= 4 {
			assert.NotContains(t, out.String(), string([]rune(s)[1:]), "no part of it past the first character")
		}
	}
}

// TestDecodesTheDocumentedShapes reads the answers reconstructed from the
// documentation's examples (testdata/*.reconstructed.json).
func TestDecodesTheDocumentedShapes(t *testing.T) {
	t.Parallel()
	srv, c, _ := privacyFake(t)
	body, err := os.ReadFile("testdata/taobao.top.oaid.decrypt.reconstructed.json")
	require.NoError(t, err)
	srv.HandleRaw(taobao.MethodOaidDecrypt, body)
	got, err := c.Privacy.Decrypt(context.Background(), []taobao.ReceiverQuery{{OAID: "xxxx", Tid: 123456, Scene: taobao.SceneSFWaybill}})
	require.NoError(t, err)
	r := got[0]
	assert.True(t, r.Matched)
	assert.Equal(t, "张三", r.Name())
	assert.Equal(t, "13012345678", r.Mobile())
	assert.Equal(t, "010-12345678", r.Phone())
	assert.Equal(t, "淘宝城911号", r.AddressDetail())
	assert.Equal(t, [5]string{"浙江省", "杭州市", "西湖区", "三墎镇", "中国"}, [5]string{r.State, r.City, r.District, r.Town, r.Country})
	assert.True(t, r.PrivacyProtection)
	assert.True(t, r.SecretNoExpire.Equal(time.Date(2021, 9, 1, 0, 0, 0, 0, taobao.GMT8())), "GMT+8: %s", r.SecretNoExpire)

	body, err = os.ReadFile("testdata/taobao.top.oaid.merge.reconstructed.json")
	require.NoError(t, err)
	srv.HandleRaw(taobao.MethodOaidMerge, body)
	groups, err := c.Privacy.Merge(context.Background(), []taobao.OrderRef{{OAID: "a", Tid: 3333}, {OAID: "b", Tid: 1111}, {OAID: "b", Tid: 2222}, {OAID: "c", Tid: 4444}})
	require.NoError(t, err)
	assert.Equal(t, [][]int64{{3333}, {1111, 2222}, {4444}}, groups, "a trade the answer leaves out ships alone")
}

// TestDecryptQuotaErrorShapes: the gateway's code for a spent quota is not
// documented, so ErrDecryptQuota matches the shapes it may take, and not
// flow control or a plain parameter error.
func TestDecryptQuotaErrorShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		err   *taobao.APIError
		quota bool
	}{
		{"the fake's default", nil, true},
		{"a limit sub_code", &taobao.APIError{Code: 50, SubCode: "isv.decrypt-count-limit"}, true},
		{"a quota message", &taobao.APIError{Code: 15, SubCode: "isv.invalid-parameter", SubMsg: "店铺解密额度不足"}, true},
		{"a parameter error", &taobao.APIError{Code: 15, SubCode: "isv.invalid-parameter", SubMsg: "oaid不合法"}, false},
		{"flow control", &taobao.APIError{Code: 7, Msg: "App Call Limited", SubCode: "accesscontrol.limited-by-api-access-count"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, _, trades := privacyFake(t, taobaotest.WithDecryptQuota(1), taobaotest.WithDecryptQuotaError(tt.err))
			c := srv.Client(srv.NewSession(srv.Sellers()[0]), taobao.WithMaxRetries(0))
			_, err := c.Privacy.Decrypt(context.Background(), queriesOf(trades[:2], taobao.SceneSFWaybill))
			require.Error(t, err)
			assert.Equal(t, tt.quota, errors.Is(err, taobao.ErrDecryptQuota), err.Error())
			var apiErr *taobao.APIError
			assert.ErrorAs(t, err, &apiErr, "the gateway's error is kept")
		})
	}
}

func TestQueriesAndRefsOfTrades(t *testing.T) {
	t.Parallel()
	trades := []taobao.Trade{{Tid: 1, Oaid: "a"}, {Tid: 2}, {Tid: 3, Oaid: "c"}}
	assert.Equal(t, []taobao.ReceiverQuery{{OAID: "a", Tid: 1, Scene: taobao.SceneEMSWaybill}, {OAID: "c", Tid: 3, Scene: taobao.SceneEMSWaybill}},
		taobao.ReceiverQueriesOf(trades, taobao.SceneEMSWaybill), "a trade without an oaid is left out")
	assert.Equal(t, []taobao.OrderRef{{OAID: "a", Tid: 1}, {OAID: "c", Tid: 3}}, taobao.OrderRefsOf(trades))
	assert.Empty(t, taobao.ReceiverQueriesOf(nil, taobao.SceneEMSWaybill))
}
