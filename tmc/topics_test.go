package tmc_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/tmc"
)

func content(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "content", name))
	require.NoError(t, err)
	return b
}

func TestParseTradeEventRealPayloads(t *testing.T) {
	e, err := tmc.ParseTradeEvent(&tmc.Message{ID: 1, Topic: tmc.TopicTradeBuyerPay, Content: content(t, "trade-buyer-pay-2014.json")})
	require.NoError(t, err)
	assert.Equal(t, tmc.TopicTradeBuyerPay, e.Topic)
	assert.Equal(t, int64(571090161493428), e.Tid)
	assert.Equal(t, int64(571090161493428), e.Oid)
	assert.Equal(t, taobao.Money(179900), e.Payment)
	assert.Equal(t, taobao.TradeTypeGuaranteeTrade, e.Type)
	assert.Equal(t, "htc兴长信达专卖店", e.SellerNick)
	assert.Empty(t, e.Status, "this topic sends no status")

	e, err = tmc.ParseTradeEvent(&tmc.Message{ID: 2, Topic: tmc.TopicTradeAlipayCreate, Content: content(t, "trade-alipay-create-2019.json")})
	require.NoError(t, err)
	assert.Equal(t, int64(612055618715866263), e.Tid, "a tid above 2^53 is exact")
	assert.Equal(t, taobao.TradeStatusWaitBuyerPay, e.Status)
	assert.Equal(t, taobao.Money(10), e.Payment)
	assert.Equal(t, taobao.Money(0), e.PostFee)
	assert.Contains(t, string(e.Raw), `"iid":601994032577`, "unnamed fields stay in Raw")
}

func TestParseTradeEventLenient(t *testing.T) {
	tests := []struct {
		name, body string
		want       tmc.TradeEvent
	}{
		{"tid as a string", `{"tid":"612055618715866263","oid":"7"}`, tmc.TradeEvent{Tid: 612055618715866263, Oid: 7}},
		{"tid as a number", `{"tid":612055618715866263}`, tmc.TradeEvent{Tid: 612055618715866263}},
		{"unreadable optional fields are zero", `{"tid":5,"payment":"abc","oid":{},"modified":"yesterday","status":7}`,
			tmc.TradeEvent{Tid: 5, Status: "7"}},
		{"memo", `{"tid":5,"action_type":"seller","seller_memo":"gift wrap","seller_flag":3}`,
			tmc.TradeEvent{Tid: 5, ActionType: "seller", SellerMemo: "gift wrap", SellerFlag: 3}},
		{"refund fields", `{"tid":5,"refund_id":"99","refund_fee":"1.50","modified":"2024-01-02 03:04:05"}`,
			tmc.TradeEvent{Tid: 5, RefundID: 99, RefundFee: 150,
				Modified: taobao.NewTime(time.Date(2024, 1, 2, 3, 4, 5, 0, taobao.GMT8()))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := tmc.ParseTradeEvent(&tmc.Message{Topic: tmc.TopicOrderSkuChanged, Content: []byte(tt.body)})
			require.NoError(t, err)
			tt.want.Topic, tt.want.Raw = tmc.TopicOrderSkuChanged, []byte(tt.body)
			assert.True(t, tt.want.Modified.Equal(e.Modified.Time))
			tt.want.Modified = e.Modified
			assert.Equal(t, &tt.want, e)
		})
	}
}

func TestParseEventErrors(t *testing.T) {
	secretish := `{"receiver_address":"Room 1, 2 Secret Road"}`
	tests := []struct {
		name, topic, body string
		noKey             bool
	}{
		{"no tid", tmc.TopicTradeChanged, `{"oid":1}`, true},
		{"tid zero", tmc.TopicTradeChanged, `{"tid":0}`, true},
		{"tid not a number", tmc.TopicTradeChanged, `{"tid":"abc"}`, true},
		{"no refund id", tmc.TopicRefundCreated, `{"tid":1}`, true},
		{"not JSON", tmc.TopicTradeChanged, `<xml/>`, false},
		{"an array", tmc.TopicRefundSuccess, `[1]`, false},
		{"no key, buyer data in content", tmc.TopicTradeChanged, secretish, true},
		{"broken, buyer data in content", tmc.TopicTradeChanged, secretish[:30], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := tmc.ParseEvent(&tmc.Message{ID: 42, Topic: tt.topic, Content: []byte(tt.body)})
			require.Error(t, err)
			assert.True(t, ev == nil, "a plain nil, not a typed nil pointer: %#v", ev)
			assert.Equal(t, tt.noKey, errors.Is(err, tmc.ErrNoKey))
			assert.Contains(t, err.Error(), "42")
			assert.NotContains(t, err.Error(), "Secret Road")
		})
	}
	_, err := tmc.ParseEvent(nil)
	assert.Error(t, err)
}

func TestParseEventByTopic(t *testing.T) {
	ev, err := tmc.ParseEvent(&tmc.Message{Topic: tmc.TopicRefundSuccess, Content: []byte(
		`{"refund_id":"181","tid":5,"oid":"6","refund_fee":"12.00","refund_phase":"aftersale","bill_type":"return_bill","modified":"2024-01-02 03:04:05","seller_nick":"shop"}`)})
	require.NoError(t, err)
	r, ok := ev.(*tmc.RefundEvent)
	require.True(t, ok, "%T", ev)
	assert.Equal(t, int64(181), r.RefundID)
	assert.Equal(t, int64(5), r.Tid)
	assert.Equal(t, int64(6), r.Oid)
	assert.Equal(t, taobao.Money(1200), r.RefundFee)
	assert.Equal(t, "aftersale", r.RefundPhase)
	assert.Equal(t, "return_bill", r.BillType)
	assert.Equal(t, "shop", r.SellerNick)
	assert.Equal(t, "2024-01-02 03:04:05", r.Modified.String())

	ev, err = tmc.ParseEvent(&tmc.Message{Topic: tmc.TopicTradeSellerShip, Content: []byte(`{"tid":9}`)})
	require.NoError(t, err)
	assert.IsType(t, &tmc.TradeEvent{}, ev)

	raw := []byte(`<not json at all>`)
	ev, err = tmc.ParseEvent(&tmc.Message{Topic: "taobao_item_ItemAdd", Content: raw})
	require.NoError(t, err, "unknown topics pass through without decoding")
	assert.Equal(t, &tmc.RawEvent{Topic: "taobao_item_ItemAdd", Content: raw}, ev)
}

func TestTopicLists(t *testing.T) {
	trades, refunds := tmc.TradeTopics(), tmc.RefundTopics()
	assert.Len(t, trades, 21)
	assert.Len(t, refunds, 14)
	for _, want := range []string{
		"taobao_trade_TradeCreate", "taobao_trade_TradeBuyerPay", "taobao_trade_TradeSellerShip",
		"taobao_trade_TradeSuccess", "taobao_trade_TradeClose", "taobao_trade_TradeChanged",
		"taobao_trade_TradeMemoModified", "taobao_trade_TradeLogisticsAddressChanged",
		"taobao_trade_TradePartlyRefund",
	} {
		assert.Contains(t, trades, want)
	}
	for _, want := range []string{"taobao_refund_RefundCreated", "taobao_refund_RefundSuccess", "taobao_refund_RefundClosed"} {
		assert.Contains(t, refunds, want)
	}
	seen := map[string]bool{}
	for _, tp := range trades {
		assert.True(t, tmc.IsTradeTopic(tp), tp)
		assert.False(t, seen[tp], "duplicate %s", tp)
		seen[tp] = true
	}
	for _, tp := range refunds {
		assert.True(t, tmc.IsRefundTopic(tp), tp)
		assert.True(t, strings.HasPrefix(tp, tmc.RefundTopicPrefix))
		assert.False(t, seen[tp], "duplicate %s", tp)
		seen[tp] = true
	}
	trades[0] = "changed"
	assert.Equal(t, tmc.TopicTradeCreate, tmc.TradeTopics()[0], "the lists are copies")
}

func FuzzParseEvent(f *testing.F) {
	f.Add(tmc.TopicTradeBuyerPay, []byte(`{"tid":571090161493428,"payment":"1799.00"}`))
	f.Add(tmc.TopicRefundCreated, []byte(`{"refund_id":"1","modified":"2024-01-02 03:04:05"}`))
	f.Add("taobao_item_ItemAdd", []byte(`<x/>`))
	f.Fuzz(func(t *testing.T, topic string, body []byte) {
		ev, err := tmc.ParseEvent(&tmc.Message{Topic: topic, Content: body})
		if (err == nil) == (ev == nil) {
			t.Fatalf("want an event or an error, got %#v and %v", ev, err)
		}
		if e, ok := ev.(*tmc.TradeEvent); ok && e.Tid == 0 {
			t.Fatal("a trade event without its tid")
		}
	})
}
