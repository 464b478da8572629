package tmc_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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

// pipeFields are fetched by both sources, so the handler sees one shape.
var pipeFields = []string{"tid", "status", "modified", "seller_nick", "seller_memo", "payment"}

// syncFields are the syncers' fields: what taobao.trades.sold.increment.get
// documents of pipeFields (it has no seller_memo; the pipeline fetches the
// trades it finds again with pipeFields).
var syncFields = []string{"tid", "status", "modified", "seller_nick", "payment"}

// sink is an idempotent store of trades that keeps the newest modified,
// and records what a pipeline must never do.
type sink struct {
	mu       sync.Mutex
	trades   map[int64]taobao.Trade
	calls    int
	older    int // a version older than one already handed
	parallel int // two calls for one trade at once
	same     int // calls with the version stored already (same modified, status, memo)
	busy     map[int64]bool
	fail     func(t *taobao.Trade) bool
	delay    time.Duration // how long each call takes (default 1ms)
}

func newSink() *sink { return &sink{trades: map[int64]taobao.Trade{}, busy: map[int64]bool{}} }

func (s *sink) handle(_ context.Context, t *taobao.Trade) error {
	tid := int64(t.Tid)
	s.mu.Lock()
	if s.busy[tid] {
		s.parallel++
	}
	s.busy[tid] = true
	s.mu.Unlock()
	// Lets a second call for the trade overlap, if the pipeline allowed one.
	time.Sleep(max(s.delay, time.Millisecond))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.busy[tid] = false
	if s.fail != nil && s.fail(t) {
		return errors.New("sink: store unavailable")
	}
	s.calls++
	old, ok := s.trades[tid]
	if ok && t.Modified.Before(old.Modified.Time) {
		s.older++
		return nil
	}
	if ok && t.Modified.Equal(old.Modified.Time) && t.Status == old.Status && t.SellerMemo == old.SellerMemo {
		s.same++
	}
	s.trades[tid] = *t
	return nil
}

func (s *sink) get(tid int64) (taobao.Trade, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.trades[tid]
	return t, ok
}

// rig is a fake gateway with its channel, sellers subscribed, and a
// pipeline over them.
type rig struct {
	srv      *taobaotest.Server
	pipe     *tmc.Pipeline
	consumer *tmc.Consumer
	sellers  []string
}

// newRig must run inside the bubble; srv is made outside it.
func newRig(t *testing.T, srv *taobaotest.Server, syncers bool, opts *tmc.PipelineOptions, copts ...tmc.Option) *rig {
	t.Helper()
	ctx := context.Background()
	r := &rig{srv: srv, sellers: srv.Sellers()}
	var ss []tmc.Seller
	for _, nick := range r.sellers {
		c := srv.Client(srv.NewSession(nick), taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		require.NoError(t, tmc.Permit(ctx, c, ""))
		s := tmc.Seller{Nick: nick, Client: c}
		if syncers {
			s.Syncer = taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{
				Fields: syncFields, Since: time.Now().Add(-time.Minute), Lag: 5 * time.Second})
		}
		ss = append(ss, s)
	}
	consumer, err := srv.TMCConsumer(append([]tmc.Option{tmc.WithPullInterval(time.Second), tmc.WithBackoff(100*time.Millisecond, 2*time.Second)}, copts...)...)
	require.NoError(t, err)
	o := tmc.PipelineOptions{Fields: pipeFields}
	if opts != nil {
		o = *opts
		o.Fields = pipeFields
	}
	r.consumer = consumer
	r.pipe, err = tmc.NewPipeline(consumer, ss, &o)
	require.NoError(t, err)
	return r
}

func (r *rig) run(t *testing.T, h taobao.TradeHandler) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.pipe.Run(ctx, h) }()
	return func() {
		cancel()
		assert.ErrorIs(t, <-done, context.Canceled)
	}
}

func unpaidTrade() taobao.Trade {
	return taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Payment: 1999, ShippingType: taobao.ShippingTypeExpress,
		Orders: []taobao.Order{{Status: taobao.OrderStatusWaitBuyerPay, Payment: 1999, Title: "杯子"}}}
}

func TestPipelineEventFetchesTradeAndCoalesces(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, false, &tmc.PipelineOptions{Coalesce: 200 * time.Millisecond})
		s := newSink()
		stop := r.run(t, s.handle)
		time.Sleep(2 * time.Second) // connected
		tr := srv.AddTrade("shop", unpaidTrade())
		tid := int64(tr.Tid)
		require.NoError(t, srv.PayTrade(tid))
		require.NoError(t, srv.ShipTrade(tid, "SF", ""))
		time.Sleep(10 * time.Second)
		synctest.Wait()

		got, ok := s.get(tid)
		require.True(t, ok, "the trade reached the handler")
		truth, _ := srv.Trade(tid)
		assert.Equal(t, truth.Status, got.Status)
		assert.Equal(t, truth.Modified, got.Modified)
		st := r.pipe.Stats()
		assert.Equal(t, int64(3), st.Events)
		// One fetch for the burst, one more after Settle (same second).
		assert.Equal(t, int64(2), st.Fetches, "three events of one trade in one burst")
		assert.Equal(t, int64(1), st.Handed, "the settle fetch found nothing new")
		assert.Equal(t, 3, srv.TMC().Stats().Confirmed, "every message confirmed after the handler")
		assert.Zero(t, s.older)
		stop()
	})
}

func TestPipelineSameSecondChangeIsNotLost(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, false, nil)
		s := newSink()
		stop := r.run(t, s.handle)
		time.Sleep(2 * time.Second)
		tr := srv.AddTrade("shop", unpaidTrade())
		tid := int64(tr.Tid)
		time.Sleep(500 * time.Millisecond) // the first version is fetched and handed
		// Same second, and its message lost: only the settle fetch sees it.
		srv.TMC().SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
		srv.TMC().DropConnections()
		require.NoError(t, srv.ModifyTrade(tid, func(t *taobao.Trade) { t.SellerMemo = "fragile" }))
		truth, _ := srv.Trade(tid)
		require.Equal(t, tr.Modified, truth.Modified, "changed within the same second")
		time.Sleep(5 * time.Second)
		synctest.Wait()
		got, _ := s.get(tid)
		assert.Equal(t, "fragile", got.SellerMemo, "the change within the same second reached the handler")
		srv.TMC().SetFaults(taobaotest.TMCFaults{})
		stop()
	})
}

func TestPipelineConfirmsOnlyAfterHandler(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"),
		taobaotest.WithTMC(taobaotest.WithTMCRedelivery(time.Minute)))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, false, nil)
		s := newSink()
		var failing atomic.Bool
		failing.Store(true)
		s.fail = func(*taobao.Trade) bool { return failing.Load() }
		stop := r.run(t, s.handle)
		time.Sleep(2 * time.Second)
		tr := srv.AddTrade("shop", unpaidTrade())
		time.Sleep(5 * time.Second)
		synctest.Wait()
		st := srv.TMC().Stats()
		assert.Equal(t, 0, st.Confirmed, "not confirmed while the handler fails")
		assert.Equal(t, 1, st.Failed)
		_, ok := s.get(int64(tr.Tid))
		assert.False(t, ok)

		failing.Store(false)
		time.Sleep(90 * time.Second) // redelivered after a minute
		synctest.Wait()
		_, ok = s.get(int64(tr.Tid))
		assert.True(t, ok, "handled on redelivery")
		assert.Equal(t, 1, srv.TMC().Stats().Confirmed)
		stop()
	})
}

func TestPipelinePacesSyncersByChannelHealth(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, true, &tmc.PipelineOptions{SlowPoll: 10 * time.Minute, FastPoll: time.Minute})
		stop := r.run(t, newSink().handle)
		polls := func() int { return srv.Calls(taobao.MethodTradesSoldIncrement) }
		time.Sleep(time.Second)
		base := polls()
		time.Sleep(30 * time.Minute) // healthy: a poll per 10 minutes
		healthy := polls() - base
		assert.InDelta(t, 3, healthy, 1, "slow while the channel is healthy")

		srv.TMC().SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
		srv.TMC().DropConnections()
		base = polls()
		time.Sleep(30 * time.Minute) // down: a poll a minute
		down := polls() - base
		assert.InDelta(t, 30, down, 3, "full rate while the channel is down")
		srv.TMC().SetFaults(taobaotest.TMCFaults{})
		stop()
	})
}

func TestNewPipelineRejectsBadInput(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	defer srv.Close()
	c := srv.Client(srv.NewSession("shop"))
	consumer, err := srv.TMCConsumer()
	require.NoError(t, err)
	tests := []struct {
		name     string
		consumer *tmc.Consumer
		sellers  []tmc.Seller
		opts     *tmc.PipelineOptions
		want     string
	}{
		{"nil consumer", nil, nil, nil, "nil consumer"},
		{"no nick", consumer, []tmc.Seller{{Client: c}}, nil, "no nick"},
		{"no client", consumer, []tmc.Seller{{Nick: "a"}}, nil, "no client"},
		{"twice", consumer, []tmc.Seller{{Nick: "a", Client: c}, {Nick: "a", Client: c}}, nil, "twice"},
		{"negative settle", consumer, nil, &tmc.PipelineOptions{Settle: -1}, "Settle"},
		{"negative tracked", consumer, nil, &tmc.PipelineOptions{MaxTracked: -1}, "MaxTracked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tmc.NewPipeline(tt.consumer, tt.sellers, tt.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	p, err := tmc.NewPipeline(consumer, nil, nil)
	require.NoError(t, err)
	assert.ErrorContains(t, p.Run(context.Background(), nil), "nil handler")
	assert.Zero(t, srv.Calls(taobao.MethodTradeFullInfo), "nothing reached the gateway")
}

func TestPipelineOneTradeAtATime(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, true, &tmc.PipelineOptions{FastPoll: time.Second, SlowPoll: time.Second})
		s := newSink()
		s.delay = time.Second // slower than the changes come
		stop := r.run(t, s.handle)
		time.Sleep(2 * time.Second)
		tr := srv.AddTrade("shop", unpaidTrade())
		for i := range 20 {
			time.Sleep(300 * time.Millisecond)
			require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { t.SellerMemo = fmt.Sprint(i) }))
		}
		time.Sleep(time.Minute)
		synctest.Wait()
		assert.Zero(t, s.parallel, "two calls for one trade at once")
		assert.Zero(t, s.older)
		got, _ := s.get(int64(tr.Tid))
		assert.Equal(t, "19", got.SellerMemo)
		stop()
	})
}

func TestPipelineLagMakesItUnhealthy(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, false, &tmc.PipelineOptions{MaxLag: time.Minute})
		stop := r.run(t, newSink().handle)
		time.Sleep(2 * time.Second)
		srv.AddTrade("shop", unpaidTrade())
		time.Sleep(5 * time.Second)
		require.True(t, r.pipe.Healthy(), "connected and on time")

		srv.TMC().SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
		srv.TMC().DropConnections()
		time.Sleep(time.Second)
		assert.False(t, r.pipe.Healthy(), "disconnected")
		srv.AddTrade("shop", unpaidTrade()) // waits at the channel
		time.Sleep(5 * time.Minute)
		srv.TMC().SetFaults(taobaotest.TMCFaults{})
		require.Eventually(t, func() bool { return r.consumer.Stats().Connected && r.pipe.Stats().Events == 2 }, 5*time.Minute, time.Second)
		assert.False(t, r.pipe.Healthy(), "connected, but the newest message came five minutes late")
		stop()
	})
}
