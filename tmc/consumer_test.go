package tmc_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

const (
	appKey    = "12345678"
	appSecret = "s3cr3t-app-secret"
)

// harness runs a consumer against a fake channel inside a bubble.
type harness struct {
	srv    *taobaotest.TMCServer
	c      *tmc.Consumer
	cancel context.CancelFunc
	done   chan error
	mu     sync.Mutex
	got    []*tmc.Message
	events []tmc.ReconnectEvent
}

func start(t *testing.T, srv *taobaotest.TMCServer, h tmc.Handler, opts ...tmc.Option) *harness {
	t.Helper()
	hs := &harness{srv: srv, done: make(chan error, 1)}
	opts = append([]tmc.Option{
		tmc.WithURL("ws://tmc.test/"), tmc.WithHTTPClient(srv.Client()),
		tmc.WithReconnectHook(func(e tmc.ReconnectEvent) { hs.mu.Lock(); hs.events = append(hs.events, e); hs.mu.Unlock() }),
	}, opts...)
	c, err := tmc.NewConsumer(appKey, appSecret, opts...)
	require.NoError(t, err)
	hs.c = c
	if h == nil {
		h = func(context.Context, *tmc.Message) error { return nil }
	}
	ctx, cancel := context.WithCancel(context.Background())
	hs.cancel = cancel
	go func() {
		hs.done <- c.Run(ctx, func(ctx context.Context, m *tmc.Message) error {
			hs.mu.Lock()
			hs.got = append(hs.got, m)
			hs.mu.Unlock()
			return h(ctx, m)
		})
	}()
	t.Cleanup(func() {
		cancel()
		assert.ErrorIs(t, <-hs.done, context.Canceled)
		srv.Close()
		synctest.Wait()
	})
	return hs
}

func (h *harness) messages() []*tmc.Message {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]*tmc.Message(nil), h.got...)
}

func (h *harness) reconnects() []tmc.ReconnectEvent {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]tmc.ReconnectEvent(nil), h.events...)
}

func TestConsumerReceivesAndConfirms(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		h := start(t, srv, nil)
		time.Sleep(time.Second)
		synctest.Wait()
		require.Equal(t, 1, srv.Stats().Connects)
		before := time.Now()
		id := srv.Publish("taobao_trade_TradeBuyerPay", "shop", 720978815, []byte(`{"tid":612055618715866263}`))
		synctest.Wait()
		got := h.messages()
		require.Len(t, got, 1)
		m := got[0]
		assert.Equal(t, id, m.ID)
		assert.Greater(t, m.ID, int64(1)<<53)
		assert.Equal(t, "taobao_trade_TradeBuyerPay", m.Topic)
		assert.Equal(t, "shop", m.Nick)
		assert.Equal(t, int64(720978815), m.UserID)
		assert.JSONEq(t, `{"tid":612055618715866263}`, string(m.Content))
		assert.True(t, m.Published.Equal(before.Truncate(time.Millisecond)))
		assert.False(t, m.Sent.IsZero())
		assert.Equal(t, 0, m.Retried)
		st := srv.Stats()
		assert.Equal(t, 1, st.Confirmed)
		assert.Equal(t, 0, st.InFlight)
	})
}

func TestConsumerPullsOnTimer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		start(t, srv, nil, tmc.WithPullInterval(2*time.Second))
		synctest.Wait()
		assert.Equal(t, 1, srv.Stats().Pulls, "one pull right after connect")
		time.Sleep(10*time.Second + time.Millisecond)
		synctest.Wait()
		assert.Equal(t, 6, srv.Stats().Pulls)
	})
}

func TestConsumerSlowPullDelivers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		// Messages waiting before anyone connects are held until a pull.
		srv.SetFaults(taobaotest.TMCFaults{SlowPull: 3 * time.Second})
		srv.Publish("taobao_trade_TradeCreate", "shop", 1, []byte(`{}`))
		h := start(t, srv, nil)
		synctest.Wait()
		// Connecting itself dispatches; the slow pull adds nothing new.
		assert.Len(t, h.messages(), 1)
	})
}

func TestConsumerFailsAndMessageComesBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCRedelivery(time.Minute))
		var calls atomic.Int32
		long := strings.Repeat("x", 300) + appSecret
		h := start(t, srv, func(ctx context.Context, m *tmc.Message) error {
			if calls.Add(1) == 1 {
				return errors.New("db down " + long)
			}
			return nil
		})
		synctest.Wait()
		srv.Publish("taobao_trade_TradeSellerShip", "shop", 1, []byte(`{"tid":1}`))
		synctest.Wait()
		st := srv.Stats()
		require.Equal(t, 1, st.Failed)
		reasons := srv.FailureReasons()
		require.Len(t, reasons, 1)
		assert.LessOrEqual(t, len([]rune(reasons[0])), 128)
		assert.True(t, strings.HasPrefix(reasons[0], "db down "))
		assert.NotContains(t, reasons[0], appSecret[:6])
		time.Sleep(time.Minute + time.Second)
		synctest.Wait()
		got := h.messages()
		require.Len(t, got, 2)
		assert.Equal(t, got[0].ID, got[1].ID)
		assert.Equal(t, 1, got[1].Retried)
		assert.Equal(t, 1, srv.Stats().Confirmed)
	})
}

func TestConsumerSecretNotInReason(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		start(t, srv, func(context.Context, *tmc.Message) error { return errors.New("bad " + appSecret) })
		synctest.Wait()
		srv.Publish("t", "shop", 1, nil)
		synctest.Wait()
		require.Len(t, srv.FailureReasons(), 1)
		assert.Equal(t, "bad [REDACTED]", srv.FailureReasons()[0])
	})
}

func TestConsumerGzipContent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		body := `{"tid":1,"note":"` + strings.Repeat("a", 5000) + `"}`
		srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCGzipOver(100))
		h := start(t, srv, nil)
		synctest.Wait()
		srv.Publish("taobao_trade_TradeChanged", "shop", 1, []byte(body))
		synctest.Wait()
		require.Len(t, h.messages(), 1)
		assert.Equal(t, body, string(h.messages()[0].Content))
	})
}

func TestConsumerGzipBound(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		body := strings.Repeat("a", 10000)
		srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCGzipOver(0))
		h := start(t, srv, nil, tmc.WithMaxContentSize(4096))
		synctest.Wait()
		srv.Publish("t", "shop", 1, []byte(body))
		synctest.Wait()
		assert.Empty(t, h.messages())
		require.Equal(t, 1, srv.Stats().Failed)
		assert.Contains(t, srv.FailureReasons()[0], "exceeds the limit")
	})
}

func TestConsumerGroups(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		srv.SetGroup("vip", "vipgroup")
		a := start(t, srv, nil)
		b := start(t, srv, nil)
		v := start(t, srv, nil, tmc.WithGroup("vipgroup"))
		synctest.Wait()
		for range 40 {
			srv.Publish("t", "shop", 1, []byte(`{}`))
		}
		srv.Publish("t", "vip", 2, []byte(`{}`))
		synctest.Wait()
		na, nb := len(a.messages()), len(b.messages())
		assert.Equal(t, 40, na+nb, "each message to one connection of the group")
		assert.NotZero(t, na)
		assert.NotZero(t, nb)
		require.Len(t, v.messages(), 1)
		assert.Equal(t, "vip", v.messages()[0].Nick)
	})
}

func TestConsumerReconnectsAfterFaults(t *testing.T) {
	tests := []struct {
		name  string
		fault func(srv *taobaotest.TMCServer)
		heal  func(srv *taobaotest.TMCServer)
	}{
		{"dropped connection", func(s *taobaotest.TMCServer) { s.DropConnections() }, nil},
		{"refused connect", func(s *taobaotest.TMCServer) {
			s.SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
			s.DropConnections()
		}, func(s *taobaotest.TMCServer) { s.SetFaults(taobaotest.TMCFaults{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCRedelivery(time.Minute))
				h := start(t, srv, nil, tmc.WithBackoff(time.Second, 8*time.Second))
				synctest.Wait()
				tt.fault(srv)
				synctest.Wait()
				srv.Publish("t", "shop", 1, []byte(`{}`)) // waits for a connection
				time.Sleep(20 * time.Second)
				synctest.Wait()
				if tt.heal != nil {
					assert.Empty(t, h.messages())
					assert.GreaterOrEqual(t, srv.Stats().Refused, 2)
					tt.heal(srv)
					time.Sleep(10 * time.Second)
					synctest.Wait()
				}
				require.Len(t, h.messages(), 1)
				assert.Equal(t, 1, srv.Stats().Confirmed)
				ev := h.reconnects()
				require.NotEmpty(t, ev)
				assert.Error(t, ev[0].Err)
				for _, e := range ev {
					assert.NotContains(t, e.Err.Error(), appSecret)
					assert.LessOrEqual(t, e.Delay, 8*time.Second)
					assert.GreaterOrEqual(t, e.Delay, 500*time.Millisecond)
				}
			})
		})
	}
}

func TestConsumerDuplicatesReorderDelay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		srv.SetFaults(taobaotest.TMCFaults{Duplicate: true, Reorder: true, Delay: 2 * time.Second})
		for i := range 5 {
			srv.Publish("t", "shop", int64(i), []byte(`{}`))
		}
		h := start(t, srv, nil)
		synctest.Wait()
		assert.Empty(t, h.messages(), "delayed")
		time.Sleep(2 * time.Second)
		synctest.Wait()
		got := h.messages()
		require.Len(t, got, 10)
		assert.Equal(t, int64(4), got[0].UserID, "newest first")
		assert.Equal(t, 0, srv.Stats().InFlight)
	})
}

func TestConsumerBoundedInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		var running, peak atomic.Int32
		h := start(t, srv, func(ctx context.Context, m *tmc.Message) error {
			n := running.Add(1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			time.Sleep(time.Second)
			running.Add(-1)
			return nil
		}, tmc.WithMaxInFlight(3))
		synctest.Wait()
		for range 12 {
			srv.Publish("t", "shop", 1, []byte(`{}`))
		}
		time.Sleep(500 * time.Millisecond)
		synctest.Wait()
		assert.Len(t, h.messages(), 3, "the reader waits for a free slot")
		time.Sleep(5 * time.Second)
		synctest.Wait()
		assert.Len(t, h.messages(), 12)
		assert.Equal(t, int32(3), peak.Load())
	})
}

func TestConsumerPingsDetectDeadChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		h := start(t, srv, nil, tmc.WithPingInterval(time.Second))
		time.Sleep(5 * time.Second)
		synctest.Wait()
		assert.Empty(t, h.reconnects(), "pings answered: no reconnect")
		assert.Equal(t, 1, srv.Stats().Connects)

		srv.SetFaults(taobaotest.TMCFaults{Unresponsive: true})
		time.Sleep(30 * time.Second)
		synctest.Wait()
		ev := h.reconnects()
		require.NotEmpty(t, ev, "an unanswered ping ends the connection")
		assert.Regexp(t, `tmc: (ping|write)`, ev[0].Err.Error())
		srv.SetFaults(taobaotest.TMCFaults{})
		srv.Publish("t", "shop", 1, nil)
		// A push that met a dying connection comes back after the
		// redelivery delay.
		time.Sleep(6 * time.Minute)
		synctest.Wait()
		assert.Len(t, h.messages(), 1)
	})
}

func TestNewConsumerValidates(t *testing.T) {
	tests := []struct {
		name      string
		key, sec  string
		opt       tmc.Option
		wantInErr string
	}{
		{"key", "", "s", nil, "empty app key"},
		{"secret", "k", "", nil, "empty app secret"},
		{"url", "k", "s", tmc.WithURL("http://x"), "WithURL"},
		{"group", "k", "s", tmc.WithGroup(strings.Repeat("g", 33)), "WithGroup"},
		{"pull", "k", "s", tmc.WithPullInterval(0), "WithPullInterval"},
		{"ping", "k", "s", tmc.WithPingInterval(time.Nanosecond), "WithPingInterval"},
		{"backoff", "k", "s", tmc.WithBackoff(time.Minute, time.Second), "WithBackoff"},
		{"inflight", "k", "s", tmc.WithMaxInFlight(0), "WithMaxInFlight"},
		{"content", "k", "s", tmc.WithMaxContentSize(1), "WithMaxContentSize"},
		{"client", "k", "s", tmc.WithHTTPClient(nil), "WithHTTPClient"},
		{"timeouts", "k", "s", tmc.WithTimeouts(0, 1), "WithTimeouts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tmc.NewConsumer(tt.key, tt.sec, tt.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantInErr)
		})
	}
	c, err := tmc.NewConsumer("k", appSecret)
	require.NoError(t, err)
	assert.NotContains(t, c.String(), appSecret)
}

func TestConsumerBackPressureKeepsConnection(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCRedelivery(time.Hour))
		h := start(t, srv, func(ctx context.Context, m *tmc.Message) error {
			time.Sleep(time.Minute) // far longer than a ping's patience
			return nil
		}, tmc.WithMaxInFlight(1), tmc.WithPingInterval(time.Second), tmc.WithTimeouts(time.Second, time.Second))
		synctest.Wait()
		for range 4 {
			srv.Publish("t", "shop", 1, []byte(`{}`))
		}
		time.Sleep(4*time.Minute + time.Second)
		synctest.Wait()
		assert.Empty(t, h.reconnects(), "a busy consumer is not a dead link")
		assert.Len(t, h.messages(), 4)
		assert.Equal(t, 4, srv.Stats().Confirmed)
		assert.Equal(t, 1, srv.Stats().Connects)
	})
}

func TestConsumerAnswersServerPings(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret, taobaotest.WithTMCPing(time.Second))
		h := start(t, srv, nil, tmc.WithPingInterval(time.Hour))
		time.Sleep(30*time.Second + time.Millisecond)
		synctest.Wait()
		st := srv.Stats()
		assert.GreaterOrEqual(t, st.Pings, 29)
		assert.Zero(t, st.PingDrops)
		assert.Equal(t, 1, st.Connects)
		assert.Empty(t, h.reconnects())
	})
}

func TestConsumerStats(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		h := start(t, srv, func(_ context.Context, m *tmc.Message) error {
			if m.UserID == 2 {
				return errors.New("no")
			}
			return nil
		}, tmc.WithBackoff(time.Second, time.Second))
		synctest.Wait()
		st := h.c.Stats()
		assert.True(t, st.Connected)
		assert.Equal(t, int64(1), st.Connects)
		assert.True(t, st.NewestSent.IsZero())
		srv.Publish("t", "shop", 1, []byte(`{}`))
		time.Sleep(time.Minute)
		sent := time.Now()
		srv.Publish("t", "shop", 2, []byte(`{}`))
		synctest.Wait()
		st = h.c.Stats()
		assert.Equal(t, int64(2), st.Received)
		assert.Equal(t, int64(1), st.Confirmed)
		assert.Equal(t, int64(1), st.Failed)
		assert.True(t, st.NewestSent.Equal(sent.Truncate(time.Millisecond)), "%v", st.NewestSent)

		srv.SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
		srv.DropConnections()
		synctest.Wait()
		assert.False(t, h.c.Stats().Connected)
		srv.SetFaults(taobaotest.TMCFaults{})
		time.Sleep(2 * time.Second)
		synctest.Wait()
		st = h.c.Stats()
		assert.True(t, st.Connected)
		assert.Equal(t, int64(2), st.Connects)
	})
}

func TestConsumerShutdownConfirmsWorkInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer(appKey, appSecret)
		defer srv.Close()
		c, err := tmc.NewConsumer(appKey, appSecret, tmc.WithURL(taobaotest.InMemoryURL), tmc.WithHTTPClient(srv.Client()))
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		var started atomic.Int32
		done := make(chan error, 1)
		go func() {
			done <- c.Run(ctx, func(context.Context, *tmc.Message) error {
				started.Add(1)
				time.Sleep(2 * time.Second) // finishes its work despite the cancel
				return nil
			})
		}()
		synctest.Wait()
		srv.Publish("t", "shop", 1, []byte(`{}`))
		srv.Publish("t", "shop", 2, []byte(`{}`))
		time.Sleep(time.Second)
		cancel()
		srv.Publish("t", "shop", 3, []byte(`{}`)) // arrives while shutting down
		assert.ErrorIs(t, <-done, context.Canceled)
		synctest.Wait()
		st := srv.Stats()
		assert.Equal(t, int32(2), started.Load(), "nothing new starts after the cancel")
		assert.Equal(t, 2, st.Confirmed, "work done before the end is confirmed")
		assert.Zero(t, st.Connections)
	})
}
