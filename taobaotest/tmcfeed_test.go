package taobaotest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// collect runs a consumer of srv's channel and returns what it received
// so far, in order.
func collect(t *testing.T, ctx context.Context, srv *taobaotest.Server) func() []*tmc.Message {
	t.Helper()
	c, err := srv.TMCConsumer(tmc.WithPullInterval(time.Second))
	require.NoError(t, err)
	var mu sync.Mutex
	var got []*tmc.Message
	go func() {
		_ = c.Run(ctx, func(_ context.Context, m *tmc.Message) error {
			mu.Lock()
			got = append(got, m)
			mu.Unlock()
			return nil
		})
	}()
	return func() []*tmc.Message {
		mu.Lock()
		defer mu.Unlock()
		return append([]*tmc.Message(nil), got...)
	}
}

func topicsOf(ms []*tmc.Message) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Topic)
	}
	return out
}

func TestServerPublishesEveryChange(t *testing.T) {
	// The server listens on loopback: made outside the bubble, used and
	// closed inside it.
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop", "other"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		session := srv.NewSession("shop")
		client := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		require.NoError(t, tmc.Permit(ctx, client, "", tmc.TopicTradeCreate, tmc.TopicTradeBuyerPay,
			tmc.TopicTradeSellerShip, tmc.TopicTradeSuccess, tmc.TopicTradeMemoModified, tmc.TopicTradeChanged,
			tmc.TopicTradeClose, tmc.TopicRefundSuccess, tmc.TopicTradeLogisticsAddressChanged))
		got := collect(t, ctx, srv)

		pay := func() taobao.Trade {
			return taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Payment: 1999, ShippingType: taobao.ShippingTypeExpress,
				Orders: []taobao.Order{{Oid: 0, Status: taobao.OrderStatusWaitBuyerPay, Payment: 1999, Title: "杯子"}}}
		}
		tr := srv.AddTrade("shop", pay())
		srv.AddTrade("other", pay()) // not subscribed: no message
		tid := int64(tr.Tid)
		require.NoError(t, srv.PayTrade(tid))
		time.Sleep(time.Second)
		_, err := client.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
		require.NoError(t, err, "shipped through the gateway")
		time.Sleep(time.Second)
		require.NoError(t, srv.FinishTrade(tid))
		require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.SellerMemo = "gift" }))
		require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.ReceiverAddress = "somewhere 1" }))
		require.NoError(t, srv.ModifyTrade(tid, nil))
		time.Sleep(2 * time.Second)
		synctest.Wait()

		ms := got()
		// Delivery is unordered, as on the real channel.
		assert.ElementsMatch(t, []string{tmc.TopicTradeCreate, tmc.TopicTradeBuyerPay, tmc.TopicTradeSellerShip,
			tmc.TopicTradeSuccess, tmc.TopicTradeMemoModified, tmc.TopicTradeLogisticsAddressChanged, tmc.TopicTradeChanged}, topicsOf(ms))
		for _, m := range ms {
			assert.Equal(t, "shop", m.Nick)
			assert.NotZero(t, m.UserID)
			ev, err := tmc.ParseTradeEvent(m)
			require.NoError(t, err)
			assert.Equal(t, tid, ev.Tid, m.Topic)
			var raw map[string]any
			require.NoError(t, json.Unmarshal(m.Content, &raw))
			assert.NotContains(t, raw, "receiver_address", "no buyer address in any content")
		}
		byTopic := map[string]*tmc.Message{}
		for _, m := range ms {
			byTopic[m.Topic] = m
		}
		require.Contains(t, byTopic, tmc.TopicTradeBuyerPay)
		require.Contains(t, byTopic, tmc.TopicTradeMemoModified)
		pe, _ := tmc.ParseTradeEvent(byTopic[tmc.TopicTradeBuyerPay])
		assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, pe.Status)
		assert.Equal(t, taobao.Money(1999), pe.Payment)
		assert.NotEmpty(t, pe.AlipayNo)
		me, _ := tmc.ParseTradeEvent(byTopic[tmc.TopicTradeMemoModified])
		assert.Equal(t, "gift", me.SellerMemo)
		assert.Equal(t, "seller", me.ActionType)
	})
}

func TestServerAnnouncesATradeAddedPaid(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		srv.TMC().Permit("shop") // every topic
		got := collect(t, ctx, srv)
		srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: 500})
		srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Payment: 500})
		time.Sleep(2 * time.Second)
		synctest.Wait()
		assert.ElementsMatch(t, []string{tmc.TopicTradeCreate, tmc.TopicTradeBuyerPay, tmc.TopicTradeCreate}, topicsOf(got()))
	})
}
