package tmc_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// gateway is a fake gateway serving the channel's methods from a fake
// channel with the same credentials.
func gateway(t *testing.T) (*taobaotest.Server, *taobaotest.TMCServer) {
	t.Helper()
	srv := taobaotest.NewServer()
	t.Cleanup(srv.Close)
	ch := taobaotest.NewTMCServer(srv.AppKey, srv.AppSecret, taobaotest.WithTMCRedelivery(time.Minute))
	t.Cleanup(ch.Close)
	ch.RegisterMethods(srv)
	return srv, ch
}

// appClient calls srv in memory, so that it works inside a bubble.
func appClient(srv *taobaotest.Server) *taobao.Client {
	return srv.Client("", taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
}

func TestPermitGetCancel(t *testing.T) {
	srv, ch := gateway(t)
	ctx := context.Background()
	c := srv.Client("")
	session := srv.NewSession("shop")

	require.NoError(t, tmc.Permit(ctx, c, session, tmc.TopicTradeBuyerPay, tmc.TopicTradeSellerShip))
	u, err := tmc.GetUser(ctx, c, "shop")
	require.NoError(t, err)
	assert.Equal(t, "shop", u.Nick)
	assert.True(t, u.Valid)
	assert.Equal(t, []string{tmc.TopicTradeBuyerPay, tmc.TopicTradeSellerShip}, u.Topics)
	assert.Equal(t, tmc.DefaultGroup, u.Group)
	assert.False(t, u.Created.IsZero())

	// The list replaces the old one.
	require.NoError(t, tmc.Permit(ctx, c, session, tmc.TopicRefundCreated))
	u, err = tmc.GetUser(ctx, c, "shop")
	require.NoError(t, err)
	assert.Equal(t, []string{tmc.TopicRefundCreated}, u.Topics)
	assert.False(t, ch.Permitted("shop", tmc.TopicTradeBuyerPay))

	// No topics: every topic of the app.
	require.NoError(t, tmc.Permit(ctx, c.WithSession(session), ""))
	assert.True(t, ch.Permitted("shop", tmc.TopicTradeBuyerPay))

	ok, err := tmc.CancelUser(ctx, c, "shop")
	require.NoError(t, err)
	assert.True(t, ok)
	ok, err = tmc.CancelUser(ctx, c, "shop")
	require.NoError(t, err)
	assert.False(t, ok, "no longer subscribed")
	_, err = tmc.GetUser(ctx, c, "shop")
	assert.ErrorIs(t, err, tmc.ErrNoUser)

	// Permit calls as the seller: without a session the gateway refuses.
	err = tmc.Permit(ctx, c, "")
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.NotContains(t, err.Error(), session)
}

func TestAddGroupRoutesMessages(t *testing.T) {
	srv, ch := gateway(t)
	ctx := context.Background()
	c := srv.Client("")
	require.NoError(t, tmc.AddGroup(ctx, c, "vip", "a", "b"))
	assert.Equal(t, "vip", ch.Group("a"))
	assert.Equal(t, "vip", ch.Group("b"))
	assert.Equal(t, tmc.DefaultGroup, ch.Group("c"))
	ch.Publish(tmc.TopicTradeCreate, "a", 1, []byte(`{"tid":1}`))
	ch.Publish(tmc.TopicTradeCreate, "c", 2, []byte(`{"tid":2}`))
	got, err := tmc.Consume(ctx, c, "vip", 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "a", got[0].Nick)
	got, err = tmc.Consume(ctx, c, "", 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "c", got[0].Nick)
}

func TestRESTArgumentsChecked(t *testing.T) {
	srv, _ := gateway(t)
	ctx := context.Background()
	c := srv.Client("")
	many := func(n int) []string {
		s := make([]string, n)
		for i := range s {
			s[i] = "t" + strings.Repeat("x", i%5)
		}
		return s
	}
	tests := []struct {
		name, want string
		call       func() error
	}{
		{"nil client", "client", func() error { return tmc.Permit(ctx, nil, "s") }},
		{"too many topics", "topics", func() error { return tmc.Permit(ctx, c, "s", many(101)...) }},
		{"topic with a comma", "topics", func() error { return tmc.Permit(ctx, c, "s", "a,b") }},
		{"empty nick", "nick", func() error { _, err := tmc.GetUser(ctx, c, " "); return err }},
		{"long nick", "nick", func() error { _, err := tmc.CancelUser(ctx, c, strings.Repeat("n", 101)); return err }},
		{"group named default", "group", func() error { return tmc.AddGroup(ctx, c, "default2", "a") }},
		{"long group", "group", func() error { return tmc.AddGroup(ctx, c, strings.Repeat("g", 33), "a") }},
		{"no nicks", "nicks", func() error { return tmc.AddGroup(ctx, c, "vip") }},
		{"too many nicks", "nicks", func() error { return tmc.AddGroup(ctx, c, "vip", many(201)...) }},
		{"small batch", "quantity", func() error { _, err := tmc.Consume(ctx, c, "", 9); return err }},
		{"large batch", "quantity", func() error { _, err := tmc.Consume(ctx, c, "", 201); return err }},
		{"no ids", "ids", func() error { return tmc.Confirm(ctx, c, "") }},
		{"too many ids", "ids", func() error { return tmc.Confirm(ctx, c, "", make([]int64, 201)...) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Calls("")
			err := tt.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, before, srv.Calls(""), "refused before any call")
		})
	}
	_, err := tmc.NewPoller(nil)
	assert.Error(t, err)
	_, err = tmc.NewPoller(c, tmc.WithBatchSize(5))
	assert.ErrorContains(t, err, "WithBatchSize")
}

func TestConsumeConfirmOverGateway(t *testing.T) {
	srv, ch := gateway(t)
	ctx := context.Background()
	c := srv.Client("")
	id := ch.Publish(tmc.TopicTradeAlipayCreate, "shop", 720978815, []byte(`{"tid":612055618715866263}`))
	require.Greater(t, id, int64(1)<<53)
	got, err := tmc.Consume(ctx, c, "", 10)
	require.NoError(t, err)
	require.Len(t, got, 1)
	m := got[0]
	assert.Equal(t, id, m.ID, "an id above 2^53 survives the JSON answer")
	assert.Equal(t, tmc.TopicTradeAlipayCreate, m.Topic)
	assert.Equal(t, "shop", m.Nick)
	assert.Equal(t, int64(720978815), m.UserID)
	assert.JSONEq(t, `{"tid":612055618715866263}`, string(m.Content))
	assert.False(t, m.Published.IsZero())
	assert.Equal(t, 1, ch.Stats().InFlight)
	require.NoError(t, tmc.Confirm(ctx, c, "", m.ID))
	assert.Equal(t, 0, ch.Stats().InFlight)
	got, err = tmc.Consume(ctx, c, "", 10)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestPollerHandlesConfirmsAndRedelivers(t *testing.T) {
	srv, ch := gateway(t)
	synctest.Test(t, func(t *testing.T) {
		c := appClient(srv)
		var mu sync.Mutex
		seen := map[int64]int{}
		var fails atomic.Int32
		p, err := tmc.NewPoller(c, tmc.WithPullInterval(time.Second), tmc.WithBatchSize(10), tmc.WithMaxInFlight(4))
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- p.Run(ctx, func(_ context.Context, m *tmc.Message) error {
				mu.Lock()
				seen[m.ID]++
				n := seen[m.ID]
				mu.Unlock()
				if m.UserID == 7 && n == 1 {
					fails.Add(1)
					return errors.New("db down")
				}
				return nil
			})
		}()
		for i := range 25 {
			ch.Publish(tmc.TopicTradeChanged, "shop", int64(i), []byte(`{"tid":1}`))
		}
		time.Sleep(5 * time.Second)
		synctest.Wait()
		mu.Lock()
		assert.Len(t, seen, 25, "every message, over several batches")
		mu.Unlock()
		st := ch.Stats()
		assert.Equal(t, 1, st.InFlight, "the failed one is left unconfirmed")
		assert.Equal(t, int32(1), fails.Load())

		time.Sleep(time.Minute + 2*time.Second)
		synctest.Wait()
		assert.Equal(t, 0, ch.Stats().InFlight, "redelivered, then confirmed")
		mu.Lock()
		total := 0
		for _, n := range seen {
			total += n
		}
		mu.Unlock()
		assert.Equal(t, 26, total)
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	})
}

func TestPollerBacksOffOnErrors(t *testing.T) {
	srv, ch := gateway(t)
	srv.Handle(tmc.MethodMessagesConsume, func(*taobaotest.Request) (any, error) {
		return nil, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.unknown-error"}
	})
	synctest.Test(t, func(t *testing.T) {
		c := appClient(srv)
		var events []tmc.ReconnectEvent
		var mu sync.Mutex
		p, err := tmc.NewPoller(c, tmc.WithBackoff(time.Second, 4*time.Second),
			tmc.WithReconnectHook(func(e tmc.ReconnectEvent) { mu.Lock(); events = append(events, e); mu.Unlock() }))
		require.NoError(t, err)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err = p.Run(ctx, func(context.Context, *tmc.Message) error { return nil })
		assert.ErrorIs(t, err, context.DeadlineExceeded, "Run ends only with its context")
		mu.Lock()
		defer mu.Unlock()
		require.GreaterOrEqual(t, len(events), 5)
		assert.Less(t, len(events), 40, "backed off, not spinning")
		for _, e := range events {
			assert.Error(t, e.Err)
			assert.LessOrEqual(t, e.Delay, 4*time.Second)
		}
		assert.Equal(t, 1, events[0].Attempt)
		assert.Equal(t, 2, events[1].Attempt)
		assert.NotContains(t, events[0].Err.Error(), srv.AppSecret)
	})
	_ = ch
}
