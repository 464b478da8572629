package taobao_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const timeGet = "taobao.time.get"

type timeOut struct {
	Time taobao.Time `json:"time"`
}

// newFake starts a fake gateway for the test and returns it with a session.
func newFake(t *testing.T, opts ...taobaotest.Option) (*taobaotest.Server, string) {
	t.Helper()
	srv := taobaotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, srv.NewSession("test-seller")
}

// inProcess returns options that route a client through the server without
// the network, for tests under synctest.
func inProcess(srv *taobaotest.Server, opts ...taobao.Option) []taobao.Option {
	return append([]taobao.Option{taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()})}, opts...)
}

func TestCallTimeGet(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	var out timeOut
	require.NoError(t, c.Call(context.Background(), timeGet, nil, &out))
	assert.WithinDuration(t, time.Now(), out.Time.Time, 5*time.Second)
	assert.Equal(t, 1, srv.Calls(timeGet))
}

func TestCallSignMethods(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	for _, m := range []taobao.SignMethod{taobao.SignMD5, taobao.SignHMAC, taobao.SignHMACSHA256} {
		t.Run(string(m), func(t *testing.T) {
			c := srv.Client(session, taobao.WithSignMethod(m))
			require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		})
	}
}

// captureTransport records each request's URL and body.
type captureTransport struct {
	mu     sync.Mutex
	next   http.RoundTripper
	urls   []*url.URL
	bodies []string
	header []http.Header
}

func (c *captureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.urls = append(c.urls, r.URL)
	c.bodies = append(c.bodies, string(b))
	c.header = append(c.header, r.Header.Clone())
	c.mu.Unlock()
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(b))
	return c.next.RoundTrip(r2)
}

func TestCallSendsEverythingInTheBody(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	ct := &captureTransport{next: http.DefaultTransport}
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: ct}))
	params := url.Values{"fields": {"tid,status"}, "blank": {"  "}, "nick": {"张三 &="}}
	srv.Handle("taobao.echo.get", func(r *taobaotest.Request) (any, error) { return map[string]string{"nick": r.Params.Get("nick")}, nil })
	var out struct {
		Nick string `json:"nick"`
	}
	require.NoError(t, c.Call(context.Background(), "taobao.echo.get", params, &out))
	assert.Equal(t, "张三 &=", out.Nick)

	require.Len(t, ct.urls, 1)
	assert.Empty(t, ct.urls[0].RawQuery, "nothing may travel in the URL")
	form, err := url.ParseQuery(ct.bodies[0])
	require.NoError(t, err)
	assert.Equal(t, session, form.Get("session"))
	for _, k := range []string{"method", "app_key", "timestamp", "v", "format", "sign_method", "sign", "partner_id"} {
		assert.NotEmpty(t, form.Get(k), k)
	}
	assert.Equal(t, "2.0", form.Get("v"))
	assert.Equal(t, "json", form.Get("format"))
	assert.Equal(t, "hmac-sha256", form.Get("sign_method"))
	assert.NotContains(t, form, "blank", "blank values are not sent")
	assert.Equal(t, "application/x-www-form-urlencoded;charset=utf-8", ct.header[0].Get("Content-Type"))
	assert.Empty(t, ct.header[0].Get("Accept-Encoding"), "leave gzip negotiation to net/http so it stays on")

	// The timestamp is GMT+8, whatever the host's zone.
	ts, err := time.ParseInLocation(taobao.TimeLayout, form.Get("timestamp"), time.FixedZone("CST", 8*3600))
	require.NoError(t, err)
	assert.WithinDuration(t, time.Now(), ts, 5*time.Second)
	// params was not modified
	assert.Equal(t, url.Values{"fields": {"tid,status"}, "blank": {"  "}, "nick": {"张三 &="}}, params)
}

func TestCallParamsKinds(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	srv.Handle("taobao.echo.get", func(r *taobaotest.Request) (any, error) {
		return map[string]string{"a": r.Params.Get("a"), "t": r.Params.Get("t")}, nil
	})
	c := srv.Client(session)
	type opts struct {
		A string      `url:"a,omitempty"`
		T taobao.Time `url:"t,omitempty"`
	}
	when := taobao.NewTime(time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC))
	tests := []struct {
		name   string
		params any
		wantA  string
		wantT  string
	}{
		{"nil", nil, "", ""},
		{"values", url.Values{"a": {"1"}}, "1", ""},
		{"map", map[string]string{"a": "2"}, "2", ""},
		{"struct", opts{A: "3", T: when}, "3", "2024-05-06 15:08:09"},
		{"pointer", &opts{A: "4"}, "4", ""},
		{"nil pointer", (*opts)(nil), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out struct{ A, T string }
			require.NoError(t, c.Call(context.Background(), "taobao.echo.get", tt.params, &out))
			assert.Equal(t, tt.wantA, out.A)
			assert.Equal(t, tt.wantT, out.T)
		})
	}
}

func TestCallRejectsBadArguments(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	var out timeOut
	tests := []struct {
		name   string
		method string
		params any
		out    any
		want   string
	}{
		{"empty method", "", nil, &out, "method"},
		{"method with space", "taobao.time get", nil, &out, "method"},
		{"params type", timeGet, 42, &out, "params"},
		{"out not pointer", timeGet, nil, out, "out"},
		{"reserved param", timeGet, url.Values{"session": {"x"}}, &out, "session"},
		{"reserved sign", timeGet, map[string]string{"sign": "x"}, &out, "sign"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Call(context.Background(), tt.method, tt.params, tt.out)
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	assert.Equal(t, 0, srv.Calls("*"), "no request may reach the gateway")
}

func TestNewClientValidatesOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		key, secret string
		opt         taobao.Option
		want        string
	}{
		{"empty key", "", "s", nil, "app key"},
		{"blank secret", "k", "  ", nil, "app secret"},
		{"unparsable URL", "k", "s", taobao.WithBaseURL("http://[::1"), "base URL"},
		{"relative URL", "k", "s", taobao.WithBaseURL("/router/rest"), "base URL"},
		{"plain http to remote host", "k", "s", taobao.WithBaseURL("http://gw.api.taobao.com/router/rest"), "https"},
		{"ftp", "k", "s", taobao.WithBaseURL("ftp://127.0.0.1/x"), "base URL"},
		{"nil http client", "k", "s", taobao.WithHTTPClient(nil), "HTTP client"},
		{"unknown sign method", "k", "s", taobao.WithSignMethod("sha1"), "sign method"},
		{"empty session", "k", "s", taobao.WithSession(""), "session"},
		{"nil token source", "k", "s", taobao.WithTokenSource(nil), "token source"},
		{"zero rate", "k", "s", taobao.WithRateLimit(0, 1), "rate limit"},
		{"negative rate", "k", "s", taobao.WithRateLimit(-1, 1), "rate limit"},
		{"zero burst", "k", "s", taobao.WithRateLimit(1, 0), "burst"},
		{"nil limiter", "k", "s", taobao.WithLimiter(nil), "limiter"},
		{"nil *Limiter", "k", "s", taobao.WithLimiter((*taobao.Limiter)(nil)), "limiter"},
		{"negative retries", "k", "s", taobao.WithMaxRetries(-1), "retries"},
		{"zero body size", "k", "s", taobao.WithMaxBodySize(0), "body size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := taobao.NewClient(tt.key, tt.secret, tt.opt)
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	ok := []taobao.Option{
		taobao.WithBaseURL("http://localhost:8080/router/rest"),
		taobao.WithBaseURL("http://127.0.0.1/router/rest"),
		taobao.WithBaseURL("http://[::1]:9/router/rest"),
		taobao.WithBaseURL(taobao.OverseasBaseURL),
		taobao.WithMaxRetries(0),
		taobao.WithLogger(nil),
	}
	for _, o := range ok {
		_, err := taobao.NewClient("k", "s", o)
		assert.NoError(t, err)
	}
}

func TestWithHTTPClientCopies(t *testing.T) {
	t.Parallel()
	hc := &http.Client{Timeout: time.Second}
	_, err := taobao.NewClient("k", "s", taobao.WithHTTPClient(hc))
	require.NoError(t, err)
	assert.Equal(t, &http.Client{Timeout: time.Second}, hc)
}

// TestErrorClasses checks that each gateway error maps to its sentinel, is
// retried or not as the protocol says, and how many calls that costs.
func TestErrorClasses(t *testing.T) {
	srv, session := newFake(t)
	tests := []struct {
		name      string
		err       taobao.APIError
		sentinel  error
		retryable bool
	}{
		{"isp via 15", taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.top-remote-connection-timeout"}, nil, true},
		{"isp via 520", taobao.APIError{Code: 520, SubCode: "isp.remote-service-timeout"}, nil, true},
		{"service unavailable", taobao.APIError{Code: 10, Msg: "Service Currently Unavailable"}, nil, true},
		{"isv business", taobao.APIError{Code: 15, SubCode: "isv.trade-not-exist"}, nil, false},
		{"invalid parameter", taobao.APIError{Code: 15, SubCode: "isv.invalid-parameter:tid"}, taobao.ErrInvalidArgument, false},
		{"missing parameter", taobao.APIError{Code: 40, Msg: "Missing required arguments:fields"}, taobao.ErrInvalidArgument, false},
		{"invalid arguments", taobao.APIError{Code: 41}, taobao.ErrInvalidArgument, false},
		{"parameter error", taobao.APIError{Code: 43}, taobao.ErrInvalidArgument, false},
		{"code 50 isv", taobao.APIError{Code: 50, SubCode: "isv.invalid-parameter"}, taobao.ErrInvalidArgument, false},
		{"isv permission", taobao.APIError{Code: 11, Msg: "Insufficient isv permissions", SubCode: "isv.permission-api-package-limit"}, taobao.ErrPermissionDenied, false},
		{"user permission", taobao.APIError{Code: 12}, taobao.ErrPermissionDenied, false},
		{"partner permission", taobao.APIError{Code: 13}, taobao.ErrPermissionDenied, false},
		{"forbidden", taobao.APIError{Code: 42}, taobao.ErrPermissionDenied, false},
		{"security level", taobao.APIError{Code: 53}, taobao.ErrPermissionDenied, false},
		{"signature", taobao.APIError{Code: 25, Msg: "Invalid signature"}, taobao.ErrInvalidSignature, false},
		{"missing session", taobao.APIError{Code: 26}, taobao.ErrInvalidSession, false},
		{"invalid session", taobao.APIError{Code: 27, SubCode: "invalid-sessionkey"}, taobao.ErrInvalidSession, false},
		{"access token", taobao.APIError{Code: 44}, taobao.ErrInvalidSession, false},
		{"session sub_code", taobao.APIError{Code: 15, SubCode: "session-expired"}, taobao.ErrInvalidSession, false},
		{"daily quota", taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-access-count"}, taobao.ErrBanned, false},
		{"frequency", taobao.APIError{Code: 8}, taobao.ErrRateLimited, true},
		{"app call limited", taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-api-access-count"}, taobao.ErrRateLimited, true},
		{"timestamp", taobao.APIError{Code: 31}, nil, false},
		{"version", taobao.APIError{Code: 34}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv)...)
				before := srv.Calls(timeGet)
				fault := tt.err
				srv.FailNext(timeGet, 1, &fault)
				err := c.Call(context.Background(), timeGet, nil, nil)
				calls := srv.Calls(timeGet) - before
				if tt.retryable {
					require.NoError(t, err)
					assert.Equal(t, 2, calls, "retried once, then succeeded")
					return
				}
				var apiErr *taobao.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.err.Code, apiErr.Code)
				assert.Equal(t, tt.err.SubCode, apiErr.SubCode)
				assert.Equal(t, timeGet, apiErr.Method)
				assert.NotEmpty(t, apiErr.RequestID)
				assert.Contains(t, err.Error(), apiErr.RequestID)
				assert.True(t, strings.HasPrefix(err.Error(), "taobao: taobao.time.get: "), err.Error())
				if tt.sentinel != nil {
					assert.ErrorIs(t, err, tt.sentinel)
				}
				assert.False(t, taobao.IsRetryable(err))
				assert.Equal(t, 1, calls, "not retried")
			})
		})
	}
}

func TestRetriesPassingFailuresOnReads(t *testing.T) {
	srv, session := newFake(t)
	tests := []struct {
		name   string
		inject func()
	}{
		{"isp", func() {
			srv.FailNext(timeGet, 2, &taobao.APIError{Code: 15, SubCode: "isp.system-busy"})
		}},
		{"502 page", func() { srv.FailNextHTTP(timeGet, 2, http.StatusBadGateway) }},
		{"503 page", func() { srv.FailNextHTTP(timeGet, 1, http.StatusServiceUnavailable) }},
		{"429", func() { srv.FailNextHTTP(timeGet, 1, http.StatusTooManyRequests) }},
		{"truncated", func() { srv.TruncateNext(timeGet, 2) }},
		{"mixed", func() {
			srv.TruncateNext(timeGet, 1)
			srv.FailNextHTTP(timeGet, 1, http.StatusBadGateway)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv)...)
				tt.inject()
				var out timeOut
				require.NoError(t, c.Call(context.Background(), timeGet, nil, &out))
				assert.False(t, out.Time.IsZero())
			})
		})
	}
}

func TestRetriesGiveUpAfterMaxRetries(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithMaxRetries(2))...)
		before := srv.Calls(timeGet)
		srv.FailNextHTTP(timeGet, 3, http.StatusBadGateway)
		err := c.Call(context.Background(), timeGet, nil, nil)
		var httpErr *taobao.HTTPError
		require.ErrorAs(t, err, &httpErr)
		assert.Equal(t, http.StatusBadGateway, httpErr.StatusCode)
		assert.Contains(t, string(httpErr.Body), "502 Bad Gateway")
		assert.True(t, taobao.IsRetryable(err))
		assert.Equal(t, 3, srv.Calls(timeGet)-before)

		srv.TruncateNext(timeGet, 1)
		c0 := srv.Client(session, inProcess(srv, taobao.WithMaxRetries(0))...)
		err = c0.Call(context.Background(), timeGet, nil, nil)
		var decErr *taobao.DecodeError
		require.ErrorAs(t, err, &decErr)
		assert.Equal(t, timeGet, decErr.Method)
		assert.True(t, taobao.IsRetryable(err))
	})
}

func TestBackoffIsBoundedAndJittered(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithMaxRetries(6))...)
		srv.FailNextHTTP(timeGet, 6, http.StatusBadGateway)
		start := time.Now()
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		elapsed := time.Since(start)
		// Full jitter: each wait is at most min(5s, 200ms*2^n).
		maxTotal := 200*time.Millisecond + 400*time.Millisecond + 800*time.Millisecond +
			1600*time.Millisecond + 3200*time.Millisecond + 5*time.Second
		assert.LessOrEqual(t, elapsed, maxTotal)
		assert.Greater(t, elapsed, time.Duration(0))
	})
}

func TestWritesAreNotRetriedOnBackendErrors(t *testing.T) {
	srv, session := newFake(t)
	const write = "taobao.demo.update"
	srv.Handle(write, func(*taobaotest.Request) (any, error) { return map[string]bool{"ok": true}, nil })
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		srv.FailNext(write, 1, &taobao.APIError{Code: 15, SubCode: "isp.remote-service-timeout"})
		err := c.Call(context.Background(), write, nil, nil)
		require.Error(t, err)
		assert.Equal(t, 1, srv.Calls(write))

		srv.FailNextHTTP(write, 1, http.StatusBadGateway)
		require.Error(t, c.Call(context.Background(), write, nil, nil))
		assert.Equal(t, 2, srv.Calls(write))

		// Flow control refused the call outright: retrying is safe.
		srv.FailNext(write, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 1 more seconds"})
		require.NoError(t, c.Call(context.Background(), write, nil, nil))
		assert.Equal(t, 4, srv.Calls(write))

		// Declared idempotent: retried like a read.
		ci := srv.Client(session, inProcess(srv, taobao.WithIdempotentMethods(write))...)
		srv.FailNext(write, 1, &taobao.APIError{Code: 15, SubCode: "isp.system-busy"})
		require.NoError(t, ci.Call(context.Background(), write, nil, nil))
		assert.Equal(t, 6, srv.Calls(write))
	})
}

func TestWriteTimeoutIsOutcomeUnknown(t *testing.T) {
	srv, session := newFake(t)
	const write = "taobao.demo.update"
	srv.Handle(write, func(*taobaotest.Request) (any, error) { return nil, nil })
	synctest.Test(t, func(t *testing.T) { // the read's retries back off
		// The request reaches the server, which answers with a broken connection.
		c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: failAfterSend{srv.Transport()}}))
		err := c.Call(context.Background(), write, nil, nil)
		require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
		assert.Contains(t, err.Error(), "may or may not")
		assert.False(t, taobao.IsRetryable(err))
		assert.Equal(t, 1, srv.Calls(write))

		// A read with the same failure is retried.
		err = c.Call(context.Background(), timeGet, nil, nil)
		require.Error(t, err)
		assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
		assert.Equal(t, 3, srv.Calls(timeGet))
	})
}

// failAfterSend delivers the request, then fails as if the connection broke.
type failAfterSend struct{ next http.RoundTripper }

func (f failAfterSend) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := f.next.RoundTrip(r)
	if err == nil {
		resp.Body.Close()
	}
	return nil, errors.New("read tcp 127.0.0.1:1->127.0.0.1:2: connection reset by peer")
}

func TestWriteRetriedWhenNeverSent(t *testing.T) {
	srv, session := newFake(t)
	const write = "taobao.demo.update"
	srv.Handle(write, func(*taobaotest.Request) (any, error) { return nil, nil })
	c := srv.Client(session, taobao.WithMaxRetries(0))
	require.NoError(t, c.Call(context.Background(), write, nil, nil))
	srv.Close() // now every dial fails: nothing was sent
	err := c.Call(context.Background(), write, nil, nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
	assert.True(t, taobao.IsRetryable(err))
}

func TestSharedBanMakesEveryClientWait(t *testing.T) {
	srv, session := newFake(t)
	other := srv.NewSession("other-seller")
	synctest.Test(t, func(t *testing.T) {
		lim := taobao.NewLimiter(0, 1, 0)
		c1 := srv.Client(session, inProcess(srv, taobao.WithLimiter(lim))...)
		c2 := c1.WithSession(other)
		c3 := srv.Client(other, inProcess(srv, taobao.WithLimiter(lim))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
			SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 2 more seconds"})
		before := srv.Calls(timeGet)
		start := time.Now()
		elapsed := make([]time.Duration, 3)
		var wg sync.WaitGroup
		wg.Go(func() {
			assert.NoError(t, c1.Call(context.Background(), timeGet, nil, nil))
			elapsed[0] = time.Since(start)
		})
		synctest.Wait() // c1 got the ban and is waiting it out
		assert.Equal(t, 1, srv.Calls(timeGet)-before)
		for i, c := range []*taobao.Client{c2, c3} {
			wg.Go(func() {
				assert.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
				elapsed[i+1] = time.Since(start)
			})
		}
		synctest.Wait()
		assert.Equal(t, 1, srv.Calls(timeGet)-before, "no call during the ban")
		wg.Wait()
		assert.Equal(t, []time.Duration{2 * time.Second, 2 * time.Second, 2 * time.Second}, elapsed)
		assert.Equal(t, 4, srv.Calls(timeGet)-before)
	})
}

func TestLongBanFailsFast(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
			SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 31062 more seconds"})
		before := srv.Calls(timeGet)
		start := time.Now()
		err := c.Call(context.Background(), timeGet, nil, nil)
		require.ErrorIs(t, err, taobao.ErrBanned)
		assert.ErrorIs(t, err, taobao.ErrRateLimited)
		var apiErr *taobao.APIError
		require.ErrorAs(t, err, &apiErr, "the gateway's answer stays reachable")
		assert.Equal(t, 7, apiErr.Code)
		var ban *taobao.BanError
		require.ErrorAs(t, err, &ban)
		assert.Equal(t, start.Add(31062*time.Second), ban.Until)
		assert.Zero(t, time.Since(start), "fails fast")
		assert.Equal(t, 1, srv.Calls(timeGet)-before)

		err = c.Call(context.Background(), timeGet, nil, nil)
		require.ErrorIs(t, err, taobao.ErrBanned)
		assert.False(t, taobao.IsRetryable(err))
		assert.Equal(t, 1, srv.Calls(timeGet)-before, "no call reaches the gateway during the ban")

		time.Sleep(31062 * time.Second)
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
	})
}

func TestCancelReturnsAtOnce(t *testing.T) {
	srv, session := newFake(t)
	tests := []struct {
		name  string
		setup func(c *taobao.Client)
		opts  []taobao.Option
	}{
		{"limiter wait", func(c *taobao.Client) {
			require.NoError(t, c.Call(context.Background(), timeGet, nil, nil)) // spend the only token
		}, []taobao.Option{taobao.WithRateLimit(0.001, 1)}},
		{"ban wait", func(c *taobao.Client) {
			c.Limiter().Ban(taobao.Ban{For: 20 * time.Second})
		}, nil},
		{"backoff", func(*taobao.Client) {
			srv.FailNext(timeGet, 1, &taobao.APIError{Code: 15, SubCode: "isp.system-busy"})
		}, []taobao.Option{taobao.WithMaxRetries(1000)}},
		{"slow response", func(*taobao.Client) {
			srv.DelayNext(timeGet, 1, time.Hour)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv, tt.opts...)...)
				tt.setup(c)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error)
				go func() { done <- c.Call(ctx, timeGet, nil, nil) }()
				synctest.Wait() // the call is blocked
				start := time.Now()
				cancel()
				err := <-done
				assert.ErrorIs(t, err, context.Canceled)
				assert.True(t, strings.HasPrefix(err.Error(), "taobao: "+timeGet+": "), err.Error())
				assert.Zero(t, time.Since(start))
			})
		})
	}
}

func TestDeadlineDuringBanWait(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		c.Limiter().Ban(taobao.Ban{For: 10 * time.Second})
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		start := time.Now()
		err := c.Call(ctx, timeGet, nil, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
}

// TestSecretsNeverLeak drives every error path with a logger attached and
// checks that neither the secret nor the session shows anywhere.
func TestSecretsNeverLeak(t *testing.T) {
	srv, session := newFake(t)
	secret := srv.AppSecret
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(lockedWriter{&logs, &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	leaky := "bad session " + session + " with secret " + secret
	var errs []error
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithLogger(logger), taobao.WithMaxRetries(1))...)
		call := func() { errs = append(errs, c.Call(context.Background(), timeGet, nil, &timeOut{})) }

		srv.FailNext(timeGet, 2, &taobao.APIError{Code: 27, Msg: leaky, SubCode: "invalid-sessionkey", SubMsg: leaky})
		call()
		srv.FailNext(timeGet, 2, &taobao.APIError{Code: 15, Msg: leaky, SubCode: "isp.x", SubMsg: leaky})
		call()
		srv.FailNextHTTP(timeGet, 2, http.StatusBadGateway)
		call()
		srv.TruncateNext(timeGet, 2)
		call()
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 100 more seconds; " + leaky})
		call()
		call() // banned without calling
		time.Sleep(101 * time.Second)

		srv.Handle("taobao.leak.get", func(r *taobaotest.Request) (any, error) {
			return map[string]string{"time": leaky}, nil // undecodable Time carrying secrets
		})
		errs = append(errs, c.Call(context.Background(), "taobao.leak.get", nil, &timeOut{}))
		srv.Handle("taobao.leak2.get", func(r *taobaotest.Request) (any, error) {
			return nil, errors.New(leaky)
		})
		errs = append(errs, c.Call(context.Background(), "taobao.leak2.get", nil, nil))

		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		errs = append(errs, c.Call(ctx, timeGet, nil, nil))

		wrongSecret := "wrong-secret-" + secret
		c2, err := taobao.NewClient(srv.AppKey, wrongSecret, inProcess(srv, taobao.WithBaseURL(srv.URL), taobao.WithSession(session), taobao.WithLogger(logger))...)
		require.NoError(t, err)
		errs = append(errs, c2.Call(context.Background(), timeGet, nil, nil))
	})
	// And over a dead network connection.
	dead := taobaotest.NewServer()
	deadURL := dead.URL
	dead.Close()
	c3, err := taobao.NewClient(srv.AppKey, secret, taobao.WithBaseURL(deadURL), taobao.WithSession(session), taobao.WithLogger(logger), taobao.WithMaxRetries(0))
	require.NoError(t, err)
	errs = append(errs, c3.Call(context.Background(), timeGet, nil, nil))

	require.Len(t, errs, 11)
	for i, err := range errs {
		require.Error(t, err, "call %d", i)
		for _, s := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
			assert.NotContains(t, s, secret, "call %d", i)
			assert.NotContains(t, s, session, "call %d", i)
		}
	}
	out := logs.String()
	assert.NotEmpty(t, out)
	assert.Contains(t, out, "method=taobao.time.get")
	assert.Contains(t, out, "request_id=")
	assert.NotContains(t, out, secret)
	assert.NotContains(t, out, session)
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestConcurrentCallsShareOneClient(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			cc := c
			if i%2 == 1 {
				cc = c.WithSession(session)
			}
			for range 5 {
				var out timeOut
				if assert.NoError(t, cc.Call(context.Background(), timeGet, nil, &out)) {
					assert.False(t, out.Time.IsZero())
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 64*5, srv.Calls(timeGet))
}

func TestAnswerSizeCap(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	srv.Handle("taobao.big.get", func(*taobaotest.Request) (any, error) {
		return map[string]string{"blob": strings.Repeat("x", 10_000)}, nil
	})
	c := srv.Client(session, taobao.WithMaxBodySize(1000), taobao.WithMaxRetries(0))
	err := c.Call(context.Background(), "taobao.big.get", nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "larger than 1000 bytes")
}

func TestSessionErrors(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	srv.Handle("taobao.private.get", func(r *taobaotest.Request) (any, error) {
		return map[string]string{"seller": r.Seller}, nil
	})
	var out struct{ Seller string }
	require.NoError(t, srv.Client(session).Call(context.Background(), "taobao.private.get", nil, &out))
	assert.Equal(t, "test-seller", out.Seller)

	err := srv.Client("").Call(context.Background(), "taobao.private.get", nil, nil)
	require.ErrorIs(t, err, taobao.ErrInvalidSession)
	assert.Contains(t, err.Error(), "error 26")

	err = srv.Client("not-a-session").Call(context.Background(), "taobao.private.get", nil, nil)
	require.ErrorIs(t, err, taobao.ErrInvalidSession)
	assert.Contains(t, err.Error(), "invalid-sessionkey")

	srv.ExpireSession(session)
	err = srv.Client(session).Call(context.Background(), "taobao.private.get", nil, nil)
	require.ErrorIs(t, err, taobao.ErrInvalidSession)
	assert.Contains(t, err.Error(), "session-expired")
}

func TestWrongSecretIsInvalidSignature(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c, err := taobao.NewClient(srv.AppKey, "not-the-secret", taobao.WithBaseURL(srv.URL), taobao.WithSession(session))
	require.NoError(t, err)
	err = c.Call(context.Background(), timeGet, nil, nil)
	require.ErrorIs(t, err, taobao.ErrInvalidSignature)
	assert.Contains(t, err.Error(), "clock")
	assert.Equal(t, 1, srv.Calls(timeGet))
}

func TestWriteWithBrokenAnswerIsOutcomeUnknown(t *testing.T) {
	srv, session := newFake(t)
	const write = "taobao.demo.update"
	done := 0
	srv.Handle(write, func(*taobaotest.Request) (any, error) { done++; return map[string]bool{"ok": true}, nil })
	tests := []struct {
		name   string
		inject func()
	}{
		{"cut answer", func() { srv.TruncateNext(write, 1) }},
		{"back-end failure", func() {
			srv.FailNext(write, 1, &taobao.APIError{Code: 15, SubCode: "isp.remote-service-timeout"})
		}},
		{"proxy page", func() { srv.FailNextHTTP(write, 1, http.StatusGatewayTimeout) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv)...)
				before := srv.Calls(write)
				tt.inject()
				err := c.Call(context.Background(), write, nil, nil)
				require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.False(t, taobao.IsRetryable(err), "never retry a write that may have been made")
				assert.Equal(t, 1, srv.Calls(write)-before)
				assert.Contains(t, err.Error(), "check its state")
			})
		})
	}
}

func TestOfflineSendCutAnswerShippedAnyway(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	t.Cleanup(srv.Close)
	c := srv.Client(srv.NewSession("shop"))
	tr := srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods})
	srv.TruncateNext(taobao.MethodLogisticsOfflineSend, 1)
	_, err := c.Logistics.OfflineSend(context.Background(), int64(tr.Tid), "SF1234567890123", "SF", nil)
	require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
	got, err := c.Trades.Get(context.Background(), int64(tr.Tid), &taobao.TradeGetOptions{Fields: []string{"status"}})
	require.NoError(t, err)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, got.Status, "the send went through")
	_, err = c.Logistics.OfflineSend(context.Background(), int64(tr.Tid), "SF1234567890123", "SF", nil)
	assert.ErrorIs(t, err, taobao.ErrAlreadyShipped, "sending again tells the caller so")
}

func TestNoRedirects(t *testing.T) {
	t.Parallel()
	var leaked []string
	var mu sync.Mutex
	elsewhere := httptestServer(t, func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		mu.Lock()
		leaked = append(leaked, r.Form.Get("session"))
		mu.Unlock()
	})
	redirector := httptestServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere+"/router/rest", http.StatusTemporaryRedirect)
	})
	for _, hc := range []taobao.Option{nil, taobao.WithHTTPClient(&http.Client{})} {
		c, err := taobao.NewClient("k", "s", taobao.WithBaseURL(redirector+"/router/rest"), taobao.WithSession("seller-session"), hc)
		require.NoError(t, err)
		err = c.Call(context.Background(), timeGet, nil, nil)
		var httpErr *taobao.HTTPError
		require.ErrorAs(t, err, &httpErr)
		assert.Equal(t, http.StatusTemporaryRedirect, httpErr.StatusCode)
	}
	assert.Empty(t, leaked, "the session must not follow a redirect")
}

func httptestServer(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s.URL
}

// hangingTokens never answers until released.
type hangingTokens struct{ release chan struct{} }

func (h hangingTokens) Token() (*oauth2.Token, error) {
	<-h.release
	return nil, errors.New("released")
}

func TestTokenSourceThatHangsHonoursTheContext(t *testing.T) {
	srv, _ := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		ts := hangingTokens{make(chan struct{})}
		defer close(ts.release)
		c := srv.Client("", inProcess(srv, taobao.WithTokenSource(ts))...)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		err := c.Call(ctx, timeGet, nil, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, time.Second, time.Since(start))
	})
}

func TestLimiterDeadlineIsADeadline(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithRateLimit(0.1, 1))...)
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		ctx, cancel := context.WithTimeout(context.Background(), time.Second) // the next slot is in 10 s
		defer cancel()
		err := c.Call(ctx, timeGet, nil, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.False(t, taobao.IsRetryable(err))
	})
}

func TestLongBanWithoutRetriesIsBanned(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithMaxRetries(0))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-api-access-count",
			SubMsg: "This ban will last for 31062 more seconds"})
		err := c.Call(context.Background(), timeGet, nil, nil)
		assert.ErrorIs(t, err, taobao.ErrBanned)
		var apiErr *taobao.APIError
		assert.ErrorAs(t, err, &apiErr)
	})
}

func TestBackoffIsJittered(t *testing.T) {
	srv, session := newFake(t)
	seen := map[time.Duration]bool{}
	for range 8 {
		synctest.Test(t, func(t *testing.T) {
			c := srv.Client(session, inProcess(srv)...)
			srv.FailNextHTTP(timeGet, 1, http.StatusBadGateway)
			start := time.Now()
			require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
			d := time.Since(start)
			assert.LessOrEqual(t, d, 200*time.Millisecond, "the first wait is at most the base")
			seen[d] = true
		})
	}
	assert.Greater(t, len(seen), 4, "waits differ from call to call")
}

// uncompressedSeen records whether net/http undid a gzip answer.
type uncompressedSeen struct {
	next http.RoundTripper
	mu   sync.Mutex
	seen []bool
}

func (u *uncompressedSeen) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := u.next.RoundTrip(r)
	if err == nil {
		u.mu.Lock()
		u.seen = append(u.seen, resp.Uncompressed)
		u.mu.Unlock()
	}
	return resp, err
}

// TestGzipAnswers: the client leaves gzip to net/http, so a gateway that
// compresses is read transparently.
func TestGzipAnswers(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithCompression(), taobaotest.WithTrades(20))
	t.Cleanup(srv.Close)
	rt := &uncompressedSeen{next: http.DefaultTransport.(*http.Transport).Clone()}
	c := srv.Client(srv.NewSession(srv.Sellers()[0]), taobao.WithHTTPClient(&http.Client{Transport: rt}))
	page, err := c.Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, page.Trades)
	_, err = c.Trades.FullInfo(context.Background(), int64(page.Trades[0].Tid), nil)
	require.NoError(t, err)
	require.Len(t, rt.seen, 2)
	assert.Equal(t, []bool{true, true}, rt.seen, "every answer came compressed")
}

// c.WithSession("") is refused as the option WithSession("") is: its calls
// fail before the network.
func TestWithSessionEmptyIsRefused(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	_, err := taobao.NewClient(srv.AppKey, srv.AppSecret, taobao.WithSession(" "))
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)

	c := srv.Client(session)
	before := srv.Calls(taobao.MethodTradesSold)
	for _, s := range []string{"", "  "} {
		_, err := c.WithSession(s).Trades.ListSold(context.Background(), nil)
		require.ErrorIs(t, err, taobao.ErrInvalidArgument, "%q", s)
		assert.Contains(t, err.Error(), "session must not be empty")
		assert.Contains(t, err.Error(), taobao.MethodTradesSold)
	}
	assert.Equal(t, before, srv.Calls(taobao.MethodTradesSold), "nothing sent")
	_, err = c.WithSession(session).Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
}
