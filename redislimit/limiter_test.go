package redislimit_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/redislimit"
	"github.com/toptrade/taobao/taobaotest"
)

const appKey = "12345678"

// newMini starts a miniredis for the running synctest bubble, its TTLs on
// the bubble's clock, and returns a way to make clients of it. Everything is
// closed when the test ends.
func newMini(t *testing.T) (*miniredis.Miniredis, func() *redis.Client) {
	m, client, _ := newMiniDown(t)
	return m, client
}

// newMiniDown is newMini with a switch that makes the server unreachable.
func newMiniDown(t *testing.T) (*miniredis.Miniredis, func() *redis.Client, *atomic.Bool) {
	t.Helper()
	down := new(atomic.Bool)
	m := miniredis.NewMiniRedis()
	m.ClockTTL(true)
	var clients []*redis.Client
	t.Cleanup(func() {
		for _, c := range clients {
			c.Close()
		}
		m.Close()
		// After failed dials go-redis probes the server from a goroutine
		// that sleeps a second between tries and ends once the client is
		// closed: let it see that before the bubble ends.
		time.Sleep(2 * time.Second)
	})
	return m, func() *redis.Client {
		c := redis.NewClient(&redis.Options{
			Addr: "127.0.0.1:6379", // never dialled: the dialer below serves it in memory
			Dialer: func(context.Context, string, string) (net.Conn, error) {
				if down.Load() {
					return nil, errors.New("connection refused (test)")
				}
				return m.Dial()
			},
			// The default mode resolves the host from outside the bubble.
			MaintNotificationsConfig: &maintnotifications.Config{Mode: maintnotifications.ModeDisabled},
		})
		clients = append(clients, c)
		return c
	}, down
}

func newLimiter(t *testing.T, rdb redis.Scripter, opts *redislimit.LimiterOptions) *redislimit.Limiter {
	t.Helper()
	l, err := redislimit.NewLimiter(rdb, appKey, opts)
	require.NoError(t, err)
	return l
}

// TestLimiterPacesEveryProcess runs 12 callers over 3 clients (as 3
// processes would) for 10 s at 10 calls a second: exactly 100 calls go out,
// never 11 within a second.
func TestLimiterPacesEveryProcess(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		var ls []*redislimit.Limiter
		for range 3 {
			ls = append(ls, newLimiter(t, client(), &redislimit.LimiterOptions{App: redislimit.Limit{Rate: 10, Burst: 1}}))
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		start := time.Now()
		var mu sync.Mutex
		var at []time.Duration
		var wg sync.WaitGroup
		for i := range 12 {
			wg.Go(func() {
				for ls[i%3].Wait(ctx, "taobao.time.get") == nil {
					mu.Lock()
					at = append(at, time.Since(start))
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		assert.Len(t, at, 100)
		for i := 10; i < len(at); i++ {
			assert.GreaterOrEqual(t, at[i]-at[i-10], time.Second, "11 calls within a second at call %d", i)
		}
	})
}

// TestLimiterMethodQuota: a method with a quota of its own is held to it
// while the others go at the app key's rate.
func TestLimiterMethodQuota(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		l := newLimiter(t, client(), &redislimit.LimiterOptions{
			App:     redislimit.Limit{Rate: 100, Burst: 1},
			Methods: map[string]redislimit.Limit{"slow": {Rate: 2, Burst: 2}},
		})
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		count := func(method string) func() int {
			n := 0
			done := make(chan struct{})
			go func() {
				defer close(done)
				for l.Wait(ctx, method) == nil {
					n++
				}
			}()
			return func() int { <-done; return n }
		}
		slow, fast := count("slow"), count("fast")
		assert.Equal(t, 2+2*5-1, slow(), "a burst of 2, then 2 a second, in 5 s")
		assert.InDelta(t, 500-10, fast(), 12, "the rest of the app key's 100 a second")
	})
}

func apiBan(scope taobao.BanScope, method string, d time.Duration) taobao.Ban {
	return taobao.Ban{Scope: scope, Method: method, For: d, Cause: &taobao.APIError{
		Method: method, Code: 7, Msg: "App Call Limited", SubCode: "accesscontrol.limited-by-app-api-access-count",
		SubMsg: "This ban will last for 2 more seconds", RequestID: "req-1",
	}}
}

// TestBanStopsEveryProcess: a ban one process heard of stops the others, in
// its scope, and long bans fail fast everywhere with the gateway's answer.
func TestBanStopsEveryProcess(t *testing.T) {
	for _, tc := range []struct {
		name      string
		ban       taobao.Ban
		stopped   []string // methods that must wait
		unchanged []string // methods that go at once
	}{
		{"method", apiBan(taobao.BanMethod, "a", 2*time.Second), []string{"a"}, []string{"b"}},
		{"app", apiBan(taobao.BanApp, "a", 2*time.Second), []string{"a", "b"}, nil},
		{"daily", apiBan(taobao.BanDaily, "a", 2*time.Second), []string{"a", "b"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				_, client := newMini(t)
				heard := newLimiter(t, client(), nil)
				other := newLimiter(t, client(), &redislimit.LimiterOptions{MaxBanWait: 10 * time.Second})
				heard.Ban(tc.ban)
				ctx := context.Background()
				for _, m := range tc.unchanged {
					start := time.Now()
					require.NoError(t, other.Wait(ctx, m))
					assert.Zero(t, time.Since(start), m)
				}
				bannedAt := time.Now()
				for _, m := range tc.stopped {
					require.NoError(t, other.Wait(ctx, m))
					assert.Equal(t, 2*time.Second, time.Since(bannedAt).Round(time.Millisecond), m)
				}

				// A ban longer than MaxBanWait fails fast, with the answer.
				long := tc.ban
				long.For = time.Hour
				heard.Ban(long)
				err := other.Wait(ctx, tc.stopped[0])
				var be *taobao.BanError
				require.ErrorAs(t, err, &be)
				assert.ErrorIs(t, err, taobao.ErrBanned)
				assert.Equal(t, tc.ban.Scope, be.Scope)
				assert.Equal(t, "req-1", be.RequestID)
				assert.WithinDuration(t, time.Now().Add(time.Hour), be.Until, time.Millisecond)
				var apiErr *taobao.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, "accesscontrol.limited-by-app-api-access-count", apiErr.SubCode)

				// A shorter ban does not cut a longer one short.
				heard.Ban(tc.ban)
				require.ErrorAs(t, other.Wait(ctx, tc.stopped[0]), &be)

				require.NoError(t, other.Unban(ctx))
				require.NoError(t, heard.Unban(ctx))
				start := time.Now()
				require.NoError(t, other.Wait(ctx, tc.stopped[0]))
				assert.Zero(t, time.Since(start))
			})
		})
	}
}

// TestKeysShareOneSlot checks that every key of an app key carries its hash
// tag, so that scripts run on Redis Cluster.
func TestKeysShareOneSlot(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, client := newMini(t)
		rdb := client()
		l := newLimiter(t, rdb, &redislimit.LimiterOptions{
			App: redislimit.Limit{Rate: 10}, Methods: map[string]redislimit.Limit{"a": {Rate: 1}},
		})
		ctx := context.Background()
		require.NoError(t, l.Wait(ctx, "a"))
		l.Ban(apiBan(taobao.BanMethod, "a", time.Second))
		l.Ban(apiBan(taobao.BanApp, "a", time.Second))
		st, err := redislimit.NewStore(rdb, appKey, "")
		require.NoError(t, err)
		tok, ok, err := st.Acquire(ctx, "卖家:1", "me", time.Minute)
		require.NoError(t, err)
		require.True(t, ok)
		require.NoError(t, st.SaveCheckpoint(ctx, "卖家:1", tok, time.Now()))
		keys := m.Keys()
		assert.Len(t, keys, 7)
		for _, k := range keys {
			assert.True(t, strings.HasPrefix(k, "taobao:{"+appKey+"}:"), k)
		}
	})
}

// TestLimiterRedisDown: without Redis, Wait returns an error (the caller's
// call fails, nothing panics) and bans still hold in this process.
func TestLimiterRedisDown(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, client, down := newMiniDown(t)
		l := newLimiter(t, client(), &redislimit.LimiterOptions{App: redislimit.Limit{Rate: 10}})
		var reported []error
		l2 := newLimiter(t, client(), &redislimit.LimiterOptions{OnError: func(err error) { reported = append(reported, err) }})
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		require.NoError(t, l.Wait(ctx, "a"))
		down.Store(true)
		m.Close() // drops the open connections
		err := l.Wait(ctx, "a")
		require.Error(t, err)
		assert.False(t, errors.Is(err, context.DeadlineExceeded))
		assert.Contains(t, err.Error(), "redislimit: booking a call of a")

		l2.Ban(apiBan(taobao.BanApp, "a", time.Hour))
		require.Len(t, reported, 1)
		assert.ErrorIs(t, l2.Wait(ctx, "b"), taobao.ErrBanned, "the ban holds locally")
	})
}

func TestNewLimiterRejectsBadOptions(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"})
	defer rdb.Close()
	for _, tc := range []struct {
		name   string
		app    string
		opts   *redislimit.LimiterOptions
		client redis.Scripter
		want   string
	}{
		{"nil client", appKey, nil, nil, "Redis client"},
		{"no app key", " ", nil, rdb, "app key"},
		{"negative rate", appKey, &redislimit.LimiterOptions{App: redislimit.Limit{Rate: -1}}, rdb, "rate"},
		{"negative burst", appKey, &redislimit.LimiterOptions{App: redislimit.Limit{Rate: 1, Burst: -1}}, rdb, "burst"},
		{"empty method", appKey, &redislimit.LimiterOptions{Methods: map[string]redislimit.Limit{"": {Rate: 1}}}, rdb, "method name"},
		{"negative max ban wait", appKey, &redislimit.LimiterOptions{MaxBanWait: -1}, rdb, "MaxBanWait"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := redislimit.NewLimiter(tc.client, tc.app, tc.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestDailyQuotaStopsEveryProcessUntilMidnightGMT8: a spent daily quota,
// answered to one process's call, stops every method of every process of
// the app key until the next midnight GMT+8, without another call reaching
// the gateway, and the calls go again after it.
func TestDailyQuotaStopsEveryProcessUntilMidnightGMT8(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithCallLog(1000))
	t.Cleanup(srv.Close)
	session := srv.NewSession(srv.Sellers()[0])
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		gmt8 := time.FixedZone("GMT+8", 8*3600)
		now := time.Now().In(gmt8)
		midnight := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, gmt8)
		process := func() *taobao.Client {
			c, err := srv.NewClient(session,
				taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}),
				taobao.WithLimiter(newLimiter(t, client(), nil)))
			require.NoError(t, err)
			return c
		}
		a, b := process(), process()
		ctx := context.Background()
		var out struct {
			Time string `json:"time"`
		}
		// The gateway says the ban lasts a day; the quota comes back at
		// midnight GMT+8, which is sooner.
		srv.FailNext("taobao.time.get", 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
			SubCode: "accesscontrol.limited-by-app-access-count", SubMsg: "This ban will last for 86400 more seconds"})
		var be *taobao.BanError
		require.ErrorAs(t, a.Call(ctx, "taobao.time.get", nil, &out), &be)
		calls := srv.Calls("*")

		for _, m := range []string{"taobao.time.get", taobao.MethodTradesSoldIncrement} {
			err := b.Call(ctx, m, nil, &out)
			require.ErrorAs(t, err, &be, m)
			assert.ErrorIs(t, err, taobao.ErrBanned, m)
			assert.Equal(t, taobao.BanDaily, be.Scope, m)
			assert.True(t, be.Until.Equal(midnight), "%s: banned until %s, want %s", m, be.Until.In(gmt8), midnight)
		}
		assert.Equal(t, calls, srv.Calls("*"), "calls reached the gateway during the ban")

		// A second before midnight the rest of the ban is short enough to
		// sit out: the call waits for midnight and goes.
		time.Sleep(time.Until(midnight) - time.Second)
		require.NoError(t, b.Call(ctx, "taobao.time.get", nil, &out))
		assert.False(t, time.Now().Before(midnight), "a call went out at %s, before midnight GMT+8", time.Now().In(gmt8))
		assert.Equal(t, calls+1, srv.Calls("*"))
		require.NoError(t, a.Call(ctx, "taobao.time.get", nil, &out), "after midnight GMT+8")
	})
}

// TestLimiterDefaultsToClientPacing: a limiter given no rate at all paces
// the processes together at the pacing of a lone client, never not at all.
func TestLimiterDefaultsToClientPacing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, client := newMini(t)
		ls := []*redislimit.Limiter{newLimiter(t, client(), nil), newLimiter(t, client(), &redislimit.LimiterOptions{}), newLimiter(t, client(), nil)}
		ctx := context.Background()
		start := time.Now()
		const n = 3 * taobao.DefaultBurst
		for i := range n {
			require.NoError(t, ls[i%3].Wait(ctx, "taobao.time.get"))
		}
		// The burst at once, then DefaultRate a second.
		want := time.Duration(float64(n-taobao.DefaultBurst) / taobao.DefaultRate * float64(time.Second))
		assert.InDelta(t, want.Seconds(), time.Since(start).Seconds(), 0.01)
	})
}
