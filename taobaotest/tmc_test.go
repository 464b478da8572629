package taobaotest_test

import (
	"context"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// connectRaw sends one Connect and returns the acknowledgement.
func connectRaw(t *testing.T, srv *taobaotest.TMCServer, f *tmc.Frame) *tmc.Frame {
	t.Helper()
	ctx := context.Background()
	ws, _, err := websocket.Dial(ctx, "ws://tmc.test/", &websocket.DialOptions{HTTPClient: srv.Client()})
	require.NoError(t, err)
	defer ws.CloseNow()
	b, err := f.Marshal()
	require.NoError(t, err)
	require.NoError(t, ws.Write(ctx, websocket.MessageBinary, b))
	_, data, err := ws.Read(ctx)
	require.NoError(t, err)
	ack, err := tmc.Unmarshal(data)
	require.NoError(t, err)
	return ack
}

func TestTMCServerChecksConnect(t *testing.T) {
	now := func() string { return strconv.FormatInt(time.Now().UnixMilli(), 10) }
	old := func() string { return strconv.FormatInt(time.Now().Add(-time.Hour).UnixMilli(), 10) }
	tests := []struct {
		name      string
		key, sec  string
		ts        func() string
		wantCode  int32
		wantToken bool
	}{
		{"good", "k", "sec", now, 0, true},
		{"bad sign", "k", "other", now, 401, false},
		{"unknown key", "x", "sec", now, 401, false},
		{"stale timestamp", "k", "sec", old, 401, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := taobaotest.NewTMCServer("k", "sec")
				defer srv.Close()
				ack := connectRaw(t, srv, tmc.ConnectFrame(tt.key, tt.sec, "default", tt.ts(), 7, "other-sdk"))
				assert.Equal(t, tmc.TypeConnectAck, ack.Type)
				assert.Equal(t, int32(7), ack.Flag, "flag echoed")
				assert.Equal(t, tt.wantCode, ack.StatusCode)
				assert.Equal(t, tt.wantToken, ack.Token != "")
				if tt.wantCode != 0 {
					assert.NotEmpty(t, ack.StatusPhrase)
					assert.NotContains(t, ack.StatusPhrase, "sec")
				}
			})
		})
	}
}

func TestTMCServerRetentionBound(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer("k", "sec", taobaotest.WithTMCRetention(3))
		defer srv.Close()
		for range 5 {
			srv.Publish("t", "shop", 1, nil)
		}
		st := srv.Stats()
		assert.Equal(t, 3, st.Pending)
		assert.Equal(t, 2, st.Dropped)
	})
}

func TestTMCServerIgnoresFramesWithAnotherToken(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer("k", "sec", taobaotest.WithTMCRedelivery(time.Minute))
		defer srv.Close()
		ctx := context.Background()
		ws, _, err := websocket.Dial(ctx, taobaotest.InMemoryURL, &websocket.DialOptions{HTTPClient: srv.Client()})
		require.NoError(t, err)
		defer ws.CloseNow()
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
		write(tmc.ConnectFrame("k", "sec", "default", strconv.FormatInt(time.Now().UnixMilli(), 10), 1, "raw"))
		ack := read()
		require.NotEmpty(t, ack.Token)

		id := srv.Publish(tmc.TopicTradeCreate, "shop", 1, []byte(`{"tid":1}`))
		push := read()
		assert.Equal(t, ack.Token, push.Token, "pushes carry the connection's token")
		v, _ := push.Get(tmc.HeaderID)
		got, _ := v.IntValue()
		require.Equal(t, id, got)

		write(tmc.PullFrame("not-the-token"))
		write(tmc.ConfirmFrame("not-the-token", id))
		write(tmc.PullFrame(ack.Token)) // a frame in order after the others
		synctest.Wait()
		st := srv.Stats()
		assert.Equal(t, 1, st.Pulls, "only the pull with the right token")
		assert.Equal(t, 0, st.Confirmed)
		assert.Equal(t, 1, st.InFlight)

		write(tmc.ConfirmFrame(ack.Token, id))
		synctest.Wait()
		assert.Equal(t, 0, srv.Stats().InFlight)
	})
}

func TestTMCServerOnLoopback(t *testing.T) {
	srv := taobaotest.NewTMCServer("k", "sec")
	defer srv.Close()
	assert.Equal(t, taobaotest.InMemoryURL, srv.URL())
	u := srv.Start()
	assert.Equal(t, u, srv.URL())
	assert.Equal(t, u, srv.Start(), "started once")
	require.Regexp(t, `^ws://127\.0\.0\.1:\d+/$`, u)

	got := make(chan *tmc.Message, 1)
	c, err := tmc.NewConsumer("k", "sec", tmc.WithURL(u))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, func(_ context.Context, m *tmc.Message) error { got <- m; return nil })
	}()
	srv.Publish(tmc.TopicTradeSellerShip, "shop", 9, []byte(`{"tid":3}`))
	select {
	case m := <-got:
		assert.Equal(t, tmc.TopicTradeSellerShip, m.Topic)
	case <-time.After(10 * time.Second):
		t.Fatal("no message over loopback within 10s")
	}
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}

func TestWebSocketURL(t *testing.T) {
	assert.Equal(t, "ws://127.0.0.1:80/tmc", taobaotest.WebSocketURL("http://127.0.0.1:80/tmc"))
	assert.Equal(t, "wss://h/x", taobaotest.WebSocketURL("https://h/x"))
	assert.Equal(t, "ws://h/", taobaotest.WebSocketURL("ws://h/"))
}

func TestTMCServerDropsClientsThatMissPongs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer("k", "sec", taobaotest.WithTMCPing(time.Second))
		defer srv.Close()
		ctx := context.Background()
		ws, _, err := websocket.Dial(ctx, taobaotest.InMemoryURL, &websocket.DialOptions{HTTPClient: srv.Client()})
		require.NoError(t, err)
		defer ws.CloseNow()
		b, err := tmc.ConnectFrame("k", "sec", "default", strconv.FormatInt(time.Now().UnixMilli(), 10), 1, "raw").Marshal()
		require.NoError(t, err)
		require.NoError(t, ws.Write(ctx, websocket.MessageBinary, b))
		_, _, err = ws.Read(ctx) // the acknowledgement; then this client reads no more
		require.NoError(t, err)
		time.Sleep(3 * time.Second)
		synctest.Wait()
		st := srv.Stats()
		assert.Equal(t, 1, st.PingDrops, "no reader, no pong")
		assert.Zero(t, st.Connections)
	})
}
