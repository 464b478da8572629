package taobaotest_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// TestServerSurvivesStrangers runs the fake gateway as a network server
// (as examples/gateway does) under abuse: clients mixing signed calls with
// junk, requests with 1 MB method names, and half-open connections. Its
// heap stays bounded, and a signed call still answers: 64 clients for a
// while, 1,500 requests with 1 MB method names, 3,000 half-open
// connections. The clients run for 5 s by default, since CI runs the whole
// suite under the race detector on two cores; TAOBAOTEST_SURVIVAL sets
// another duration ("30s"; "full" is 30 s).
func TestServerSurvivesStrangers(t *testing.T) {
	dur, names, halfOpen := 5*time.Second, 1500, 3000
	switch v := os.Getenv("TAOBAOTEST_SURVIVAL"); v {
	case "":
	case "full":
		dur = 30 * time.Second
	default:
		d, err := time.ParseDuration(v)
		require.NoError(t, err, "TAOBAOTEST_SURVIVAL")
		dur = d
	}
	if testing.Short() {
		dur, names, halfOpen = time.Second, 150, 300
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err == nil && lim.Cur < uint64(halfOpen+1024) {
		lim.Cur = min(lim.Max, uint64(halfOpen+1024))
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim)
		if lim.Cur < uint64(halfOpen+256) {
			t.Skipf("the open-files limit (%d) is too low for %d connections", lim.Cur, halfOpen)
		}
	}
	srv, err := taobaotest.NewServerAt("127.0.0.1:0", taobaotest.WithReadHeaderTimeout(300*time.Millisecond))
	require.NoError(t, err)
	defer srv.Close()
	session := srv.NewSession(srv.Sellers()[0])
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: 30 * time.Second}
	c := srv.Client(session, taobao.WithHTTPClient(hc))
	ctx := context.Background()
	require.NoError(t, c.Call(ctx, "taobao.time.get", nil, nil))
	before := heapInUse()

	// 64 clients for dur: half signed calls, half junk.
	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	var signedErrs, signed int64
	var badlySigned atomic.Int64 // refused calls of a served method with the app key: counted, not logged
	var mu sync.Mutex
	for i := range 64 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for time.Now().Before(deadline) {
				if i%2 == 0 {
					_, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid"}})
					mu.Lock()
					signed++
					if err != nil {
						signedErrs++
					}
					mu.Unlock()
					continue
				}
				var resp *http.Response
				var err error
				kind := rng.IntN(4)
				switch kind {
				case 0: // unknown methods
					resp, err = hc.PostForm(srv.URL, url.Values{"method": {fmt.Sprintf("junk.%d", rng.Int64())}, "x": {strings.Repeat("j", rng.IntN(4096))}})
				case 1: // served methods, badly signed
					resp, err = hc.PostForm(srv.URL, url.Values{"method": {taobao.MethodTradesSold}, "app_key": {srv.AppKey},
						"sign": {fmt.Sprint(rng.Int64())}, "v": {"2.0"}, "format": {"json"}, "timestamp": {gmt8Now()}})
				case 2: // malformed forms
					resp, err = hc.Post(srv.URL, "application/x-www-form-urlencoded", strings.NewReader("method=%zz;x="+strings.Repeat("%", rng.IntN(4096))))
				default: // broken multipart
					resp, err = hc.Post(srv.URL, "multipart/form-data; boundary=b", strings.NewReader("--b\r\n"+strings.Repeat("x", rng.IntN(4096))))
				}
				if err == nil {
					if kind == 1 {
						badlySigned.Add(1)
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		})
	}
	wg.Wait()
	assert.Zero(t, signedErrs, "every signed call of %d answered", signed)

	// Requests with 1 MB method names.
	long := strings.Repeat("m", 1<<20)
	work := make(chan int)
	for range 8 {
		wg.Go(func() {
			for i := range work {
				resp, err := hc.PostForm(srv.URL, url.Values{"method": {long + fmt.Sprint(i)}})
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		})
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()

	// Half-open connections: a partial header, then nothing. The server
	// drops each after its read-header timeout; the test waits for that.
	addr := strings.TrimPrefix(strings.TrimSuffix(srv.URL, "/router/rest"), "http://")
	var dropped sync.WaitGroup
	var held atomic.Int64 // connections the server did not drop
	opened := 0
	for range halfOpen {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		opened++
		_, _ = io.WriteString(conn, "POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-")
		dropped.Go(func() {
			defer conn.Close()
			_ = conn.SetReadDeadline(time.Now().Add(time.Minute))
			if _, err := io.Copy(io.Discard, conn); err != nil { // ends when the server closes it
				held.Add(1)
			}
		})
	}
	dropped.Wait()
	assert.Equal(t, halfOpen, opened)
	assert.Zero(t, held.Load(), "half-open connections the server still held after a minute")

	require.NoError(t, c.Call(ctx, "taobao.time.get", nil, nil), "a signed call still answers")
	hc.CloseIdleConnections()
	after := heapInUse()
	grown := int64(after) - int64(before)
	t.Logf("%d signed calls in %s, %d 1 MB names, %d half-open connections: heap in use %.1f MB -> %.1f MB (%+.1f MB)",
		signed, dur, names, halfOpen, float64(before)/(1<<20), float64(after)/(1<<20), float64(grown)/(1<<20))
	assert.Less(t, grown, int64(200<<20), "heap growth bounded")
	assert.Equal(t, int(signed)+2+int(badlySigned.Load()), srv.Calls("*"), "junk is not counted")
	assert.LessOrEqual(t, len(srv.CallLog()), int(signed)+2, "refused calls are not logged")
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
