package main

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/tmc"
)

// officialSign signs a connect as the official SDKs do (spec
// tmc-and-batch.md §1: MD5 over secret, the three parameters in key
// order, secret; upper-case hex), written here apart from package tmc.
func officialSign(secret, appKey, group, ts string) string {
	sum := md5.Sum([]byte(secret + "app_key" + appKey + "group_name" + group + "timestamp" + ts + secret))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

func TestOfficialSignVector(t *testing.T) {
	assert.Equal(t, "C86848D198760FA334AA309207C72ECD", officialSign("helloworld", "12345678", "default", "1700000000000"))
}

// shipOne subscribes the exported seller and ships one of its trades
// waiting for shipment through taobao.logistics.offline.send; it returns
// the tid.
func shipOne(t *testing.T, env map[string]string) int64 {
	t.Helper()
	ctx := context.Background()
	c, err := taobao.NewClient(env["TAOBAO_APP_KEY"], env["TAOBAO_APP_SECRET"],
		taobao.WithBaseURL(env["TAOBAO_BASE_URL"]), taobao.WithSession(env["TAOBAO_SESSION"]))
	require.NoError(t, err)
	require.NoError(t, tmc.Permit(ctx, c, "", tmc.TopicTradeSellerShip))
	page, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{Status: taobao.TradeStatusWaitSellerSendGoods,
		Fields: []string{"tid", "type", "shipping_type"}, ListOptions: taobao.ListOptions{PageSize: 100}})
	require.NoError(t, err)
	for _, tr := range page.Trades {
		if tr.Type == taobao.TradeTypeCod || tr.ShippingType == taobao.ShippingTypeVirtual {
			continue
		}
		tid := int64(tr.Tid)
		outSid := fmt.Sprintf("SF%013d", tid%10_000_000_000_000)
		if _, err := c.Logistics.OfflineSend(ctx, tid, outSid, "SF", nil); err == nil {
			return tid
		}
	}
	t.Fatal("no trade could be shipped")
	return 0
}

// TestTMCForClientsOfOthers connects to the exported channel as another
// SDK would, by hand: a Connect it signs itself, the pushed
// TradeSellerShip of a trade shipped through the gateway, and its Confirm,
// which /stats then counts.
func TestTMCForClientsOfOthers(t *testing.T) {
	t.Parallel()
	env, _, stop := start(t, 1, "-addr", "127.0.0.1:0", "-seed", "5", "-trades", "60", "-sellers", "1")
	defer func() { assert.NoError(t, stop()) }()
	u := env["TAOBAO_TMC_URL"]
	require.Regexp(t, `^ws://127\.0\.0\.1:[0-9]+/tmc$`, u)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	ws, _, err := websocket.Dial(ctx, u, nil)
	require.NoError(t, err)
	defer ws.CloseNow()
	key, secret := env["TAOBAO_APP_KEY"], env["TAOBAO_APP_SECRET"]
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	connect := &tmc.Frame{Type: tmc.TypeConnect, Flag: 1}
	connect.Set("app_key", tmc.StringValue(key))
	connect.Set("group_name", tmc.StringValue("default"))
	connect.Set("timestamp", tmc.StringValue(ts))
	connect.Set("sign", tmc.StringValue(officialSign(secret, key, "default", ts)))
	connect.Set("sdk", tmc.StringValue("TmcClient"))
	write := func(f *tmc.Frame) {
		b, err := f.Marshal()
		require.NoError(t, err)
		require.NoError(t, ws.Write(ctx, websocket.MessageBinary, b))
	}
	read := func() *tmc.Frame {
		_, data, err := ws.Read(ctx)
		require.NoError(t, err)
		f, err := tmc.Unmarshal(data)
		require.NoError(t, err)
		return f
	}
	write(connect)
	ack := read()
	require.Equal(t, tmc.TypeConnectAck, ack.Type)
	require.Zero(t, ack.StatusCode, ack.StatusPhrase)
	require.NotEmpty(t, ack.Token)

	tid := shipOne(t, env)
	var push *tmc.Frame
	for push == nil {
		f := read()
		if f.Type == tmc.TypeSend {
			push = f
		}
	}
	topic, _ := push.Get("topic")
	assert.Equal(t, tmc.TopicTradeSellerShip, topic.Text())
	content, _ := push.Get("content")
	var body struct {
		Tid    json.Number `json:"tid"`
		Status string      `json:"status"`
	}
	require.NoError(t, json.Unmarshal([]byte(content.Text()), &body))
	assert.Equal(t, strconv.FormatInt(tid, 10), body.Tid.String())
	assert.Equal(t, string(taobao.TradeStatusWaitBuyerConfirmGoods), body.Status)
	idv, _ := push.Get("id")
	id, ok := idv.IntValue()
	require.True(t, ok)

	confirm := &tmc.Frame{Type: tmc.TypeSend, Token: ack.Token}
	confirm.Set("__kind", tmc.ByteValue(int8(tmc.KindConfirm)))
	confirm.Set("id", tmc.Int64Value(id))
	write(confirm)
	base := strings.TrimSuffix(env["TAOBAO_BASE_URL"], "/router/rest")
	require.Eventually(t, func() bool {
		resp, err := http.Get(base + "/stats")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		var st struct {
			TMC struct{ Confirmed, InFlight int }
		}
		return json.NewDecoder(resp.Body).Decode(&st) == nil && st.TMC.Confirmed == 1 && st.TMC.InFlight == 0
	}, 10*time.Second, 20*time.Millisecond, "the confirm reached the channel")

	// A connect with a wrong sign is refused.
	ws2, _, err := websocket.Dial(ctx, u, nil)
	require.NoError(t, err)
	defer ws2.CloseNow()
	bad := &tmc.Frame{Type: tmc.TypeConnect, Flag: 2}
	bad.Set("app_key", tmc.StringValue(key))
	bad.Set("group_name", tmc.StringValue("default"))
	bad.Set("timestamp", tmc.StringValue(ts))
	bad.Set("sign", tmc.StringValue(officialSign("not-the-secret", key, "default", ts)))
	b, err := bad.Marshal()
	require.NoError(t, err)
	require.NoError(t, ws2.Write(ctx, websocket.MessageBinary, b))
	_, data, err := ws2.Read(ctx)
	require.NoError(t, err)
	refused, err := tmc.Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, int32(401), refused.StatusCode)
}

// TestTMCConsumerAgainstGateway runs our Consumer against the exported
// channel: it receives the TradeSellerShip and confirms it.
func TestTMCConsumerAgainstGateway(t *testing.T) {
	t.Parallel()
	env, _, stop := start(t, 1, "-addr", "127.0.0.1:0", "-seed", "6", "-trades", "60", "-sellers", "1")
	defer func() { assert.NoError(t, stop()) }()
	c, err := tmc.NewConsumer(env["TAOBAO_APP_KEY"], env["TAOBAO_APP_SECRET"], tmc.WithURL(env["TAOBAO_TMC_URL"]))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got := make(chan *tmc.TradeEvent, 1)
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, func(_ context.Context, m *tmc.Message) error {
			e, err := tmc.ParseTradeEvent(m)
			if err == nil {
				select {
				case got <- e:
				default:
				}
			}
			return err
		})
	}()
	require.Eventually(t, func() bool { return c.Stats().Connected }, 10*time.Second, 10*time.Millisecond)
	tid := shipOne(t, env)
	select {
	case e := <-got:
		assert.Equal(t, tmc.TopicTradeSellerShip, e.Topic)
		assert.Equal(t, tid, e.Tid)
	case <-ctx.Done():
		t.Fatal("no message")
	}
	require.Eventually(t, func() bool { return c.Stats().Confirmed == 1 }, 10*time.Second, 10*time.Millisecond)
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}
