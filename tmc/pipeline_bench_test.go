package tmc_test

import (
	"context"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// BenchmarkConsumerLoopback measures messages per second through a
// Consumer from the fake channel over a loopback socket: publish, push,
// decode, handle, confirm.
func BenchmarkConsumerLoopback(b *testing.B) {
	srv := taobaotest.NewTMCServer("k", "sec")
	defer srv.Close()
	c, err := tmc.NewConsumer("k", "sec", tmc.WithURL(srv.Start()), tmc.WithMaxInFlight(64))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var got atomic.Int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = c.Run(ctx, func(context.Context, *tmc.Message) error { got.Add(1); return nil })
	}()
	for !c.Stats().Connected {
		time.Sleep(time.Millisecond)
	}
	content := []byte(`{"tid":4656170892641798515,"oid":4656170892641798515,"seller_nick":"shop","status":"WAIT_SELLER_SEND_GOODS","payment":"19.99"}`)
	b.ResetTimer()
	for range b.N {
		srv.Publish(tmc.TopicTradeBuyerPay, "shop", 1, content)
	}
	for got.Load() < int64(b.N) {
		time.Sleep(50 * time.Microsecond)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	cancel()
	<-done
}

// BenchmarkPipelineLatency measures the time from a change in the fake
// (over loopback: the gateway and the channel on real sockets) to the
// handler's call with the changed trade, one change at a time, without
// coalescing (Coalesce < 0; the default adds its 50 ms).
func BenchmarkPipelineLatency(b *testing.B) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers("shop"))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := srv.Client(srv.NewSession("shop"))
	if err := tmc.Permit(ctx, c, ""); err != nil {
		b.Fatal(err)
	}
	consumer, err := tmc.NewConsumer(srv.AppKey, srv.AppSecret, tmc.WithURL(srv.TMCURL()))
	if err != nil {
		b.Fatal(err)
	}
	p, err := tmc.NewPipeline(consumer, []tmc.Seller{{Nick: "shop", Client: c}},
		&tmc.PipelineOptions{Coalesce: -1, Fields: pipeFields})
	if err != nil {
		b.Fatal(err)
	}
	seen := make(chan string, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = p.Run(ctx, func(_ context.Context, t *taobao.Trade) error {
			seen <- t.SellerMemo
			return nil
		})
	}()
	for !consumer.Stats().Connected {
		time.Sleep(time.Millisecond)
	}
	var tids []int64
	for range 50 {
		tr := srv.AddTrade("shop", unpaidTrade())
		tids = append(tids, int64(tr.Tid))
	}
	for len(seen) > 0 || p.Stats().Handed < int64(len(tids)) {
		select {
		case <-seen:
		case <-time.After(10 * time.Millisecond):
		}
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		memo := strconv.Itoa(i)
		start := time.Now()
		if err := srv.ModifyTrade(tids[i%len(tids)], func(t *taobao.Trade) { t.SellerMemo = memo }); err != nil {
			b.Fatal(err)
		}
		for m := range seen {
			if m == memo {
				break
			}
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)*99/100, len(lat)-1)].Microseconds())/1000, "p99-ms")
	cancel()
	<-done
}
