package taobaotest_test

import (
	"bytes"
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
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func TestMalformedFormsGetAGatewayError(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	many := strings.Repeat("a=1&", 100_001)
	tests := []struct {
		name, contentType, body string
	}{
		{"bad escape", "application/x-www-form-urlencoded", "method=taobao.time.get&x=%zz"},
		{"semicolons", "application/x-www-form-urlencoded", "method=taobao.time.get;x=1"},
		{"too large", "application/x-www-form-urlencoded", "x=" + strings.Repeat("a", 11<<20)},
		{"too many parameters", "application/x-www-form-urlencoded", many},
		{"broken multipart", "multipart/form-data; boundary=zz", "--zz\r\nnot a part"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Post(srv.URL, tt.contentType, strings.NewReader(tt.body))
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, http.StatusOK, resp.StatusCode, "an error answer, as the gateway gives")
			assert.Contains(t, string(body), `"error_response"`)
			assert.Contains(t, string(body), `"code":41`)
		})
	}
}

func TestMultipartFormsAreRead(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	c := srv.Client("", taobao.WithHTTPClient(&http.Client{Transport: multipartTransport{http.DefaultTransport}}))
	var out struct {
		Time taobao.Time `json:"time"`
	}
	require.NoError(t, c.Call(context.Background(), "taobao.time.get", nil, &out))
	assert.False(t, out.Time.IsZero())
}

// multipartTransport re-sends a form-encoded request as multipart/form-data,
// as the official Node SDK sends every request.
type multipartTransport struct{ next http.RoundTripper }

func (m multipartTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	b, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(b))
	var buf bytes.Buffer
	const boundary = "----taobaotestboundary"
	for k, vs := range form {
		fmt.Fprintf(&buf, "--%s\r\nContent-Disposition: form-data; name=%q\r\n\r\n%s\r\n", boundary, k, vs[0])
	}
	fmt.Fprintf(&buf, "--%s--\r\n", boundary)
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(&buf)
	r2.ContentLength = int64(buf.Len())
	r2.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
	return m.next.RoundTrip(r2)
}

func TestJunkMethodNamesAreNotKept(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	long := strings.Repeat("m", 1<<20)
	for i := range 20 {
		resp, err := http.PostForm(srv.URL, url.Values{"method": {fmt.Sprint(long, i)}, "format": {"json"}})
		require.NoError(t, err)
		resp.Body.Close()
	}
	assert.Zero(t, srv.Calls("*"), "calls of methods the server does not serve are not counted")
	for _, c := range srv.CallLog() {
		assert.Less(t, len(c.Method), 1<<20)
	}

	// Values of served methods are cut in the log.
	resp, err := http.PostForm(srv.URL, url.Values{"method": {"taobao.time.get"}, "fields": {strings.Repeat("f", 1<<20)}})
	require.NoError(t, err)
	resp.Body.Close()
	log := srv.CallLog()
	require.NotEmpty(t, log)
	assert.LessOrEqual(t, len(log[len(log)-1].Params.Get("fields")), 64<<10)
}

// TestServerSurvivesStrangers runs the fake gateway as a network server
// (as examples/gateway does) under abuse: clients mixing signed calls with
// junk, requests with 1 MB method names, and half-open connections. Its
// heap stays bounded, and a signed call still answers. The sizes are small
// by default, since CI runs the whole suite under the race detector on two
// cores; TAOBAOTEST_SURVIVAL=full runs the full sizes (30 s, 1,500 names,
// 3,000 connections).
func TestServerSurvivesStrangers(t *testing.T) {
	dur, names, halfOpen := 2*time.Second, 200, 500
	if os.Getenv("TAOBAOTEST_SURVIVAL") == "full" {
		dur, names, halfOpen = 30*time.Second, 1500, 3000
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
				junk := url.Values{"method": {fmt.Sprintf("junk.%d", rng.Int64())}, "x": {strings.Repeat("j", rng.IntN(4096))}}
				if resp, err := hc.PostForm(srv.URL, junk); err == nil {
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
			_, _ = io.Copy(io.Discard, conn) // ends when the server closes it
		})
	}
	dropped.Wait()
	assert.Equal(t, halfOpen, opened)

	require.NoError(t, c.Call(ctx, "taobao.time.get", nil, nil), "a signed call still answers")
	hc.CloseIdleConnections()
	after := heapInUse()
	grown := int64(after) - int64(before)
	t.Logf("%d signed calls, %d 1 MB names, %d half-open connections: heap in use %d MB -> %d MB", signed, names, halfOpen, before>>20, after>>20)
	assert.Less(t, grown, int64(200<<20), "heap growth bounded")
	assert.Zero(t, srv.Calls("*")-int(signed)-2, "only served methods are counted")
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
