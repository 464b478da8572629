package taobao_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// BenchmarkSync runs SyncOnce over the 10,000 and then all 100,000 most
// recently modified trades of a seller in the fake gateway (in-process, so
// that the syncer and the fake, not the loopback, are measured), with the
// default fields. It reports
// trades per second, the peak live heap the sync adds over the fake's own
// data (as marked by the garbage collections during the sync, so that the
// GC's pacing does not count), and the heap still held after it. Neither
// may grow with the number of trades: the syncer holds one page and one
// window's set of tids.
func BenchmarkSync(b *testing.B) {
	// One fake of about 100,000 trades for both runs, so that only the number of
	// trades synced differs; no call log, so that the fake holds nothing
	// per call.
	srv := taobaotest.NewServer(taobaotest.WithSellers("bench-seller"), taobaotest.WithTrades(100_000), taobaotest.WithCallLog(0))
	defer srv.Close()
	all := srv.Trades("bench-seller")
	var modified []time.Time // of every trade: the syncer lists every type by default
	for _, t := range all {
		modified = append(modified, t.Modified.Time)
	}
	slices.SortFunc(modified, func(a, b time.Time) int { return b.Compare(a) })
	oldest := srv.Now().Add(-taobao.SyncHistory + time.Hour)
	c := srv.Client(srv.NewSession("bench-seller"), taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))

	for _, mode := range []taobao.SyncMode{taobao.SyncByModified, taobao.SyncByStoreTime} {
		for _, n := range []int{10_000, 100_000} {
			b.Run(fmt.Sprintf("by=%s/trades=%d", strings.ReplaceAll(mode.String(), " ", "-"), n), func(b *testing.B) {
				since := oldest
				if n < len(modified) && modified[n-1].After(oldest) {
					since = modified[n-1]
				}
				want := 0
				for _, m := range modified {
					if !m.Before(since) {
						want++
					}
				}

				sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
				heap := func() uint64 {
					metrics.Read(sample)
					return sample[0].Value.Uint64()
				}
				var peak, retained, handled, calls uint64
				b.ResetTimer()
				for b.Loop() {
					b.StopTimer()
					runtime.GC()
					base := heap()
					b.StartTimer()
					s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: since, Window: 6 * time.Hour, By: mode})
					count := uint64(0)
					_, err := s.SyncOnce(context.Background(), func(_ context.Context, t *taobao.Trade) error {
						if count++; count%500 == 0 {
							if h := heap(); h > base && h-base > peak {
								peak = h - base
							}
						}
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
					handled += count
					calls += uint64(s.Stats().Calls)
					b.StopTimer()
					if h := heap(); h > base && h-base > peak {
						peak = h - base
					}
					runtime.GC()
					if h := heap(); h > base {
						retained = max(retained, h-base)
					}
					b.StartTimer()
				}
				b.StopTimer()
				if got := int(handled / uint64(b.N)); got < want {
					b.Fatalf("synced %d of %d trades", got, want)
				}
				b.ReportMetric(float64(handled)/b.Elapsed().Seconds(), "trades/s")
				b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
				b.ReportMetric(float64(retained)/(1<<10), "retained-KB")
				b.ReportMetric(float64(calls)*1000/float64(max(handled, 1)), "calls/1000trades")
			})
		}
	}
}
