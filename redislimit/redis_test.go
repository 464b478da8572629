package redislimit_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/redislimit"
)

// realRedis returns clients of the server at TAOBAO_TEST_REDIS_ADDR, or
// skips the test.
func realRedis(t testing.TB, n int) []*redis.Client {
	t.Helper()
	addr := os.Getenv("TAOBAO_TEST_REDIS_ADDR")
	if addr == "" {
		t.Skip("TAOBAO_TEST_REDIS_ADDR is not set: no Redis server for the integration tests (.ci/run starts one)")
	}
	return dialAll(t, addr, n)
}

func dialAll(t testing.TB, addr string, n int) []*redis.Client {
	var out []*redis.Client
	for range n {
		c := redis.NewClient(&redis.Options{Addr: addr, PoolSize: 32,
			MaintNotificationsConfig: &maintnotifications.Config{Mode: maintnotifications.ModeDisabled}})
		t.Cleanup(func() { c.Close() })
		require.NoError(t, c.Ping(context.Background()).Err())
		out = append(out, c)
	}
	return out
}

// uniquePrefix keeps the keys of one run apart from those of earlier ones.
func uniquePrefix() string { return fmt.Sprintf("redislimit-test-%d", time.Now().UnixNano()) }

// TestRealRedis: three clients pace together on a real server's clock, a
// ban spreads, and leases fence checkpoints.
func TestRealRedis(t *testing.T) {
	clients := realRedis(t, 3)
	prefix := uniquePrefix()
	var ls []*redislimit.Limiter
	for _, c := range clients {
		l, err := redislimit.NewLimiter(c, appKey, &redislimit.LimiterOptions{Prefix: prefix, App: redislimit.Limit{Rate: 50, Burst: 1}})
		require.NoError(t, err)
		ls = append(ls, l)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var n atomic.Int64
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			for ls[i%3].Wait(ctx, "m") == nil {
				n.Add(1)
			}
		})
	}
	wg.Wait()
	assert.LessOrEqual(t, n.Load(), int64(101), "50 a second for 2 s")
	assert.GreaterOrEqual(t, n.Load(), int64(90))

	ls[0].Ban(apiBan(taobao.BanApp, "m", time.Hour))
	assert.ErrorIs(t, ls[2].Wait(context.Background(), "m"), taobao.ErrBanned)
	require.NoError(t, ls[2].Unban(context.Background()))

	st, err := redislimit.NewStore(clients[1], appKey, prefix)
	require.NoError(t, err)
	bg := context.Background()
	tok, ok, err := st.Acquire(bg, "seller", "a", 50*time.Millisecond)
	require.NoError(t, err)
	require.True(t, ok)
	require.NoError(t, st.SaveCheckpoint(bg, "seller", tok, time.UnixMicro(1)))
	time.Sleep(100 * time.Millisecond) // a real server's TTL: the lease expires
	tok2, ok, err := st.Acquire(bg, "seller", "b", time.Minute)
	require.NoError(t, err)
	require.True(t, ok)
	assert.ErrorIs(t, st.SaveCheckpoint(bg, "seller", tok, time.UnixMicro(2)), taobao.ErrLeaseLost)
	require.NoError(t, st.Release(bg, "seller", tok2))
}

// BenchmarkLimiterWait measures the limiter itself: goroutines over 3
// clients (64, and 1 for the bare round trip) ask for slots of a rate far
// above what they can use, so the figures are the calls admitted per
// second and the time a Wait adds. It runs against TAOBAO_TEST_REDIS_ADDR
// when set, else against miniredis over loopback TCP.
func BenchmarkLimiterWait(b *testing.B) {
	for _, g := range []int{64, 1} {
		b.Run(fmt.Sprintf("goroutines=%d", g), func(b *testing.B) { benchWait(b, g) })
	}
}

func benchWait(b *testing.B, goroutines int) {
	addr := os.Getenv("TAOBAO_TEST_REDIS_ADDR")
	if addr == "" {
		m := miniredis.RunT(b)
		addr = m.Addr()
	}
	clients := dialAll(b, addr, 3)
	prefix := uniquePrefix()
	var ls []*redislimit.Limiter
	for _, c := range clients {
		l, err := redislimit.NewLimiter(c, appKey, &redislimit.LimiterOptions{Prefix: prefix, App: redislimit.Limit{Rate: 1e6, Burst: 1000}})
		require.NoError(b, err)
		ls = append(ls, l)
	}
	ctx := context.Background()
	var next atomic.Int64
	var spent atomic.Int64 // ns inside Wait, summed over goroutines
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			l := ls[g%3]
			for next.Add(1) <= int64(b.N) {
				t0 := time.Now()
				if err := l.Wait(ctx, "taobao.trades.sold.increment.get"); err != nil {
					b.Error(err)
					return
				}
				spent.Add(int64(time.Since(t0)))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "admitted/s")
	b.ReportMetric(float64(spent.Load())/float64(b.N)/1e3, "µs/Wait")
}
