package taobaotest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// Malformed and oversized forms get an error_response in the gateway's
// envelope, with HTTP 200, never a bare HTTP 400.
func TestMalformedFormsGetAGatewayError(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(0))
	const form = "application/x-www-form-urlencoded"
	many := strings.Repeat("a=1&", 100_001)
	tests := []struct {
		name, contentType, query, body string
	}{
		{"bad escape", form, "", "method=taobao.time.get&x=%zz"},
		{"bad escape in the query", form, "x=%zz", "method=taobao.time.get"},
		{"semicolons", form, "", "method=taobao.time.get;x=1"},
		{"11 MB form", form, "", "x=" + strings.Repeat("a", 11<<20)},
		{"100k parameters", form, "", many},
		{"broken multipart", "multipart/form-data; boundary=zz", "", "--zz\r\nnot a part"},
		{"multipart without boundary", "multipart/form-data", "", "--zz\r\n"},
		{"11 MB multipart", "multipart/form-data; boundary=zz", "",
			"--zz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n" + strings.Repeat("a", 11<<20) + "\r\n--zz--\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := srv.URL
			if tt.query != "" {
				u += "?" + tt.query
			}
			resp, err := http.Post(u, tt.contentType, strings.NewReader(tt.body))
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, http.StatusOK, resp.StatusCode, "an error answer, as the gateway gives")
			assert.Contains(t, string(body), `"error_response"`)
			assert.Contains(t, string(body), `"code":41`)
			assert.Contains(t, string(body), `"request_id"`)
		})
	}
	assert.Zero(t, srv.Calls("*"))
}

func TestMultipartFormsAreRead(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(0))
	c := srv.Client("", taobao.WithHTTPClient(&http.Client{Transport: multipartTransport{http.DefaultTransport}}))
	var out struct {
		Time taobao.Time `json:"time"`
	}
	require.NoError(t, c.Call(context.Background(), "taobao.time.get", nil, &out))
	assert.False(t, out.Time.IsZero())
	assert.Equal(t, 1, srv.Calls("taobao.time.get"))
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

// Requests that fail the gateway's checks are answered and never logged;
// only those naming a served method with the server's app key are counted.
func TestOnlyCheckedCallsAreCounted(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(0))
	long := strings.Repeat("m", 1<<20)
	signed := func(method string) url.Values {
		p := common(srv, method, "hmac-sha256")
		p.Set("sign", handSign(p, srv.AppSecret, "hmac-sha256"))
		return p
	}
	tests := []struct {
		name    string
		form    func() url.Values
		counted bool
	}{
		{"wrong app key", func() url.Values { p := signed("taobao.time.get"); p.Set("app_key", "1"); return p }, false},
		{"no app key", func() url.Values { p := signed("taobao.time.get"); p.Del("app_key"); return p }, false},
		{"unknown method, signed", func() url.Values { return signed("taobao.nothing.get") }, false},
		{"1 MB method name, unsigned", func() url.Values { return url.Values{"method": {long}, "format": {"json"}} }, false},
		{"1 MB method name, signed", func() url.Values { return signed(long) }, false},
		{"unsigned", func() url.Values { return common(srv, "taobao.time.get", "hmac-sha256") }, true},
		{"bad signature", func() url.Values { p := signed("taobao.time.get"); p.Set("sign", "00"); return p }, true},
		{"stale timestamp", func() url.Values {
			p := common(srv, "taobao.time.get", "hmac-sha256")
			p.Set("timestamp", gmt8(time.Now().Add(-time.Hour)))
			p.Set("sign", handSign(p, srv.AppSecret, "hmac-sha256"))
			return p
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Calls("*")
			env := decodeEnvelope(t, postOK(t, srv.URL, tt.form()))
			assert.Contains(t, env, "error_response")
			want := 0
			if tt.counted {
				want = 1
			}
			assert.Equal(t, want, srv.Calls("*")-before)
		})
	}
	assert.Equal(t, 3, srv.Calls("taobao.time.get"))
	assert.Empty(t, srv.CallLog(), "no refused request is logged")

	// A call that passed them is counted even when its session fails.
	a := call(t, srv, "", taobao.MethodTradesSold, "fields", "tid")
	assert.Equal(t, int64(26), a.code())
	assert.Equal(t, 1, srv.Calls(taobao.MethodTradesSold))
	assert.Len(t, srv.CallLog(), 1)
	assert.Equal(t, 4, srv.Calls("*"))
}

// The call log is bounded by entries and by bytes, and cuts long names and
// values.
func TestCallLogBounded(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("v", 100<<10)
	t.Run("entries", func(t *testing.T) {
		srv := newServer(t, taobaotest.WithTrades(0), taobaotest.WithCallLog(3))
		for range 5 {
			call(t, srv, "", "taobao.time.get")
		}
		assert.Equal(t, 5, srv.Calls("*"))
		assert.Len(t, srv.CallLog(), 3)
	})
	t.Run("bytes", func(t *testing.T) {
		const budget = 200 << 10
		srv := newServer(t, taobaotest.WithTrades(0), taobaotest.WithCallLogBytes(budget))
		for range 10 {
			call(t, srv, "", "taobao.time.get", "x", big, strings.Repeat("k", 100<<10), "1")
		}
		assert.Equal(t, 10, srv.Calls("*"))
		log := srv.CallLog()
		require.NotEmpty(t, log)
		assert.Less(t, len(log), 10, "the oldest calls were dropped")
		total := 0
		for _, c := range log {
			for k, vs := range c.Params {
				assert.LessOrEqual(t, len(k), taobaotest.MaxLoggedValue)
				total += len(k)
				for _, v := range vs {
					assert.LessOrEqual(t, len(v), taobaotest.MaxLoggedValue)
					total += len(v)
				}
			}
		}
		assert.LessOrEqual(t, total, budget)
		assert.Len(t, log[len(log)-1].Params.Get("x"), taobaotest.MaxLoggedValue)
	})
}

// The server drops connections that send their headers or body too slowly.
func TestConnectionTimeouts(t *testing.T) {
	t.Parallel()
	limits := taobaotest.Timeouts{ReadHeader: 200 * time.Millisecond, Read: 400 * time.Millisecond}
	at, err := taobaotest.NewServerAt("127.0.0.1:0", taobaotest.WithTrades(0), taobaotest.WithTimeouts(limits))
	require.NoError(t, err)
	t.Cleanup(at.Close)
	local := newServer(t, taobaotest.WithTrades(0), taobaotest.WithReadHeaderTimeout(200*time.Millisecond))
	tests := []struct {
		name    string
		srv     *taobaotest.Server
		partial string
	}{
		{"NewServerAt, half-open header", at, "POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-"},
		{"NewServerAt, body never sent", at, "POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nmethod="},
		{"NewServer, half-open header", local, "GET /router/rest HTTP/1.1\r\nHost: x\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", strings.TrimPrefix(strings.TrimSuffix(tt.srv.URL, "/router/rest"), "http://"))
			require.NoError(t, err)
			defer conn.Close()
			_, err = io.WriteString(conn, tt.partial)
			require.NoError(t, err)
			// The server closes the connection (after an error answer at
			// most); a connection still open after 10 s fails the read.
			require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
			_, err = io.Copy(io.Discard, conn)
			assert.NoError(t, err, "the server dropped the connection")
		})
	}
}

// decodeEnvelope decodes a gateway answer's root object.
func decodeEnvelope(t *testing.T, body []byte) map[string]map[string]any {
	t.Helper()
	var env map[string]map[string]any
	require.NoError(t, json.Unmarshal(body, &env), "%.200s", body)
	return env
}
