package taobao_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  taobao.APIError
		want time.Duration
		ok   bool
	}{
		{"sub_msg", taobao.APIError{Code: 7, SubMsg: "This ban will last for 31062 more seconds"}, 31062 * time.Second, true},
		{"one second", taobao.APIError{Code: 7, SubMsg: "This ban will last for 1 more seconds"}, time.Second, true},
		{"in msg", taobao.APIError{Code: 7, Msg: "App Call Limited, This ban will last for 2 more seconds"}, 2 * time.Second, true},
		{"absurd", taobao.APIError{Code: 7, SubMsg: "This ban will last for 99999999999999999999 more seconds"}, 365 * 24 * time.Hour, true},
		{"none", taobao.APIError{Code: 7, SubMsg: "limited"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.err.RetryAfter()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, d)
		})
	}
}

// TestErrorSamples decodes the real error samples through the client and
// checks their class.
func TestErrorSamples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file      string
		code      int
		subCode   string
		sentinel  error
		retryable bool
		banFor    time.Duration
	}{
		{"error_response.11.insufficient-isv-permissions.json", 11, "isv.permission-api-package-limit", taobao.ErrPermissionDenied, false, 0},
		{"error_response.15.isv-business.json", 15, "", nil, false, 0},
		{"error_response.15.logistics-offline-B04.json", 15, "isv.logistics-offline-service-error:B04", taobao.ErrAlreadyShipped, false, 0},
		{"error_response.15.logistics-offline-B60.json", 15, "isv.logistics-offline-service-error:B60", taobao.ErrInvalidWaybill, false, 0},
		{"error_response.25.invalid-signature.json", 25, "", taobao.ErrInvalidSignature, false, 0},
		{"error_response.27.invalid-sessionkey.json", 27, "invalid-sessionkey", taobao.ErrInvalidSession, false, 0},
		{"error_response.40.missing-arguments.test-fixture.json", 40, "", taobao.ErrInvalidArgument, false, 0},
		{"error_response.7.app-call-limited.json", 7, "accesscontrol.limited-by-app-access-count", taobao.ErrBanned, false, 31062 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(filepath.Join("testdata", tt.file))
			require.NoError(t, err)
			srv := taobaotest.NewServer()
			defer srv.Close()
			srv.HandleRaw("taobao.sample.get", body)
			c := srv.Client(srv.NewSession("s"), taobao.WithMaxRetries(0))
			err = c.Call(context.Background(), "taobao.sample.get", nil, nil)
			var apiErr *taobao.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.code, apiErr.Code)
			if tt.subCode != "" {
				assert.Equal(t, tt.subCode, apiErr.SubCode)
			}
			if tt.sentinel != nil {
				assert.ErrorIs(t, err, tt.sentinel)
			}
			assert.Equal(t, tt.retryable, apiErr.Retryable())
			d, ok := apiErr.RetryAfter()
			assert.Equal(t, tt.banFor != 0, ok)
			assert.Equal(t, tt.banFor, d)
			var raw map[string]map[string]any
			require.NoError(t, json.Unmarshal(body, &raw))
			if id, ok := raw["error_response"]["request_id"].(string); ok {
				assert.Equal(t, id, apiErr.RequestID)
			}
		})
	}
}

func TestHTTPErrorClasses(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		status    int
		retryable bool
	}{{http.StatusBadGateway, true}, {http.StatusServiceUnavailable, true}, {http.StatusTooManyRequests, true},
		{http.StatusNotFound, false}, {http.StatusForbidden, false}, {http.StatusOK, true}} {
		e := &taobao.HTTPError{Method: "m", StatusCode: tt.status, Body: []byte("<html>")}
		assert.Equal(t, tt.retryable, e.Retryable(), tt.status)
		assert.Equal(t, tt.retryable, taobao.IsRetryable(e), tt.status)
	}
	assert.False(t, taobao.IsRetryable(nil))
	assert.False(t, taobao.IsRetryable(context.Canceled))
	assert.False(t, taobao.IsRetryable(errors.New("plain")))
	assert.False(t, taobao.IsRetryable(&taobao.BanError{Until: time.Now()}))
}

func TestNonJSONAnswerIsHTTPError(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	srv.HandleRaw("taobao.xml.get", []byte(`<?xml version="1.0" encoding="utf-8"?><error_response><code>50</code></error_response>`))
	err := srv.Client("", taobao.WithMaxRetries(0)).Call(context.Background(), "taobao.xml.get", nil, nil)
	var httpErr *taobao.HTTPError
	require.ErrorAs(t, err, &httpErr)
	assert.Equal(t, 200, httpErr.StatusCode)
	assert.Contains(t, err.Error(), "error_response")
}

func TestMultiMemberRootFallsBack(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	srv.HandleRaw("taobao.odd.get", []byte(`{"odd_get_response":{"time":"2024-01-02 03:04:05","request_id":"abc"},"extra":{"x":1}}`))
	var out timeOut
	require.NoError(t, srv.Client("").Call(context.Background(), "taobao.odd.get", nil, &out))
	assert.Equal(t, "2024-01-02 03:04:05", out.Time.String())

	// An unwrapped root is the payload only for a caller that asked for
	// simplify=true; otherwise it is a corrupt or foreign answer.
	srv.HandleRaw("taobao.simple.get", []byte(`{"time":"2024-01-02 03:04:05","request_id":"abc"}`))
	out = timeOut{}
	err := srv.Client("", taobao.WithMaxRetries(0)).Call(context.Background(), "taobao.simple.get", nil, &out)
	var decErr *taobao.DecodeError
	require.ErrorAs(t, err, &decErr)
	assert.Contains(t, err.Error(), "simple_get_response")
	require.NoError(t, srv.Client("").Call(context.Background(), "taobao.simple.get", url.Values{"simplify": {"true"}}, &out))
	assert.Equal(t, "2024-01-02 03:04:05", out.Time.String())
}

// failingTokens is a token source that fails with an error of the SDK's
// own style, as the OAuth refresh does.
type failingTokens struct{}

func (failingTokens) Token() (*oauth2.Token, error) {
	return nil, errors.New("taobao: refreshing the session of seller s: taobao: oauth: token request: refused")
}

// TestErrorMessagesAreShort checks, over the error paths of a call, that a
// message starts with "taobao: <method>: ", says "taobao:" once, gives the
// outcome-unknown advice once and stays short.
func TestErrorMessagesAreShort(t *testing.T) {
	const send = "taobao.logistics.offline.send"
	busy := &taobao.APIError{Code: 15, SubCode: "isp.system-busy"}
	tests := []struct {
		name   string
		method string
		run    func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error
	}{
		{"write timeout", send, func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			srv.DelayNext(send, 1, time.Hour)
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			_, err := c.Logistics.OfflineSend(ctx, 1, "SF1", "SF", nil)
			return err
		}},
		{"write back-end failure", send, func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			srv.FailNext(send, 1, busy)
			_, err := c.Logistics.OfflineSend(context.Background(), 1, "SF1", "SF", nil)
			return err
		}},
		{"generic write timeout", "taobao.demo.update", func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			srv.Handle("taobao.demo.update", func(r *taobaotest.Request) (any, error) { return map[string]bool{"ok": true}, nil })
			srv.DelayNext("taobao.demo.update", 1, time.Hour)
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			return c.Call(ctx, "taobao.demo.update", nil, nil)
		}},
		{"long ban", timeGet, func(t *testing.T, srv *taobaotest.Server, _ *taobao.Client) error {
			srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 600 more seconds"})
			c := srv.Client("", inProcess(srv, taobao.WithLimiter(taobao.NewLimiter(10, 1, time.Minute)))...)
			return c.Call(context.Background(), timeGet, nil, nil)
		}},
		{"invalid signature", timeGet, func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			srv.FailNext(timeGet, 1, &taobao.APIError{Code: 25, Msg: "Invalid signature"})
			return c.Call(context.Background(), timeGet, nil, nil)
		}},
		{"token source", timeGet, func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			return srv.Client("", inProcess(srv, taobao.WithTokenSource(failingTokens{}))...).Call(context.Background(), timeGet, nil, nil)
		}},
		{"cancelled in backoff", timeGet, func(t *testing.T, srv *taobaotest.Server, c *taobao.Client) error {
			srv.FailNext(timeGet, 10, busy)
			ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
			defer cancel()
			return c.Call(ctx, timeGet, nil, nil)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, session := newFake(t)
			synctest.Test(t, func(t *testing.T) {
				c := srv.Client(session, inProcess(srv, taobao.WithMaxRetries(5))...)
				err := tt.run(t, srv, c)
				require.Error(t, err)
				msg := err.Error()
				assert.True(t, strings.HasPrefix(msg, "taobao: "+tt.method+": "), msg)
				assert.Equal(t, 1, strings.Count(msg, "taobao:"), msg)
				assert.LessOrEqual(t, len(msg), 300, msg)
				assert.LessOrEqual(t, strings.Count(msg, "before "), 1, msg)
				assert.LessOrEqual(t, strings.Count(msg, "may or may not"), 1, msg)
				assert.NotContains(t, msg, session)
			})
		})
	}
}

// TestCanceledCallNamesMethod checks that a call whose context ends comes
// back matching the context's error, starting with "taobao:" and the
// method, at every stage where it can wait.
func TestCanceledCallNamesMethod(t *testing.T) {
	tests := []struct {
		name  string
		setup func(srv *taobaotest.Server, c *taobao.Client)
		opts  []taobao.Option
	}{
		{"limiter", func(srv *taobaotest.Server, c *taobao.Client) {
			_ = c.Call(context.Background(), timeGet, nil, nil) // spend the only token
		}, []taobao.Option{taobao.WithRateLimit(0.001, 1)}},
		{"ban", func(srv *taobaotest.Server, c *taobao.Client) { c.Limiter().Ban(taobao.Ban{For: 20 * time.Second}) }, nil},
		{"backoff", func(srv *taobaotest.Server, c *taobao.Client) {
			srv.FailNext(timeGet, 100, &taobao.APIError{Code: 15, SubCode: "isp.system-busy"})
		}, []taobao.Option{taobao.WithMaxRetries(100)}},
		{"answer", func(srv *taobaotest.Server, c *taobao.Client) { srv.DelayNext(timeGet, 1, time.Hour) }, nil},
	}
	for _, tt := range tests {
		for _, want := range []error{context.Canceled, context.DeadlineExceeded} {
			t.Run(tt.name+"/"+want.Error(), func(t *testing.T) {
				srv, session := newFake(t)
				synctest.Test(t, func(t *testing.T) {
					c := srv.Client(session, inProcess(srv, tt.opts...)...)
					tt.setup(srv, c)
					ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
					if want == context.Canceled {
						ctx, cancel = context.WithCancel(context.Background())
						time.AfterFunc(time.Second, cancel)
					}
					defer cancel()
					err := c.Call(ctx, timeGet, nil, nil)
					require.Error(t, err)
					assert.ErrorIs(t, err, want)
					assert.True(t, strings.HasPrefix(err.Error(), "taobao: "+timeGet+": "), err.Error())
					assert.Equal(t, 1, strings.Count(err.Error(), "taobao:"), err.Error())
					assert.False(t, taobao.IsRetryable(err))
					assert.Equal(t, taobao.ClassCanceled, taobao.ClassOf(err))
				})
			})
		}
	}
}

// skewedDate makes the answers' Date header say the gateway's clock is off
// this host's by skew.
type skewedDate struct {
	rt   http.RoundTripper
	skew time.Duration
}

func (s skewedDate) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := s.rt.RoundTrip(req)
	if err == nil {
		resp.Header.Set("Date", time.Now().Add(s.skew).UTC().Format(http.TimeFormat))
	}
	return resp, err
}

// TestExplainInvalidSignature checks that code 25 names the three causes
// and, from what the client sent, the one that fits.
func TestExplainInvalidSignature(t *testing.T) {
	tests := []struct {
		name    string
		method  taobao.SignMethod
		skew    time.Duration
		likely  string
		inError string
	}{
		{"secret", taobao.SignHMACSHA256, time.Second, "Likely the app secret", "likely the app secret"},
		{"sign method", taobao.SignMD5, 0, "Likely the sign method, else the secret: this client signed with md5", "likely the sign method"},
		{"clock ahead", taobao.SignHMACSHA256, -20 * time.Minute, "Likely the clock: this host's clock was 20m0s ahead of the gateway's", "likely the clock"},
		{"clock behind", taobao.SignHMAC, 15 * time.Minute, "Likely the clock: this host's clock was 15m0s behind the gateway's", "likely the clock"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, session := newFake(t)
			synctest.Test(t, func(t *testing.T) {
				hc := &http.Client{Transport: skewedDate{rt: srv.Transport(), skew: tt.skew}}
				c := srv.Client(session, taobao.WithHTTPClient(hc), taobao.WithSignMethod(tt.method))
				srv.FailNext(timeGet, 1, &taobao.APIError{Code: 25, Msg: "Invalid signature"})
				err := c.Call(context.Background(), timeGet, nil, nil)
				var apiErr *taobao.APIError
				require.ErrorAs(t, err, &apiErr)
				require.ErrorIs(t, err, taobao.ErrInvalidSignature)
				ex := apiErr.Explain()
				for _, cause := range []string{"app secret", "sign method", "clock"} {
					assert.Contains(t, ex, cause)
				}
				assert.Contains(t, ex, tt.likely)
				assert.Contains(t, ex, "非法签名")
				assert.Contains(t, ex, "request_id="+apiErr.RequestID)
				assert.Contains(t, err.Error(), tt.inError)
				assert.NotContains(t, ex, session)
				assert.NotContains(t, ex, srv.AppSecret)
			})
		})
	}
	// An error the client did not make knows nothing of the request.
	e := &taobao.APIError{Code: 25, Msg: "Invalid signature"}
	assert.Contains(t, e.Explain(), "check all three")
	assert.Contains(t, e.Error(), "check the app secret, the sign method and the host clock")
}

func TestExplain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  taobao.APIError
		want []string
	}{
		{taobao.APIError{Code: 15, SubCode: "isv.logistics-offline-service-error:B60", RequestID: "r1"},
			[]string{"B60", "carrier's rule refuses the waybill", "运单号不符合规则或已经被使用", "must change", "request_id=r1"}},
		{taobao.APIError{Code: 15, SubCode: "isv.logistics-update-company-or-mailno-error:P07"},
			[]string{"nothing changed", "未作修改", "Already done"}},
		{taobao.APIError{Code: 15, SubCode: "isp.system-busy"}, []string{"busy", "系统繁忙", "may work later"}},
		{taobao.APIError{Code: 27, SubCode: "invalid-sessionkey"}, []string{"session is invalid", "无效的SessionKey"}},
		{taobao.APIError{Code: 11}, []string{"Error 11", "开发者权限不足"}},
		{taobao.APIError{Code: 15, SubCode: "isp.never-seen"}, []string{"not in the catalogue", "back-end failure"}},
		{taobao.APIError{Code: 15, SubCode: "isv.never-seen"}, []string{"not in the catalogue", "caller error"}},
		{taobao.APIError{Code: 31}, []string{"10 minutes", "host clock"}},
	}
	for _, tt := range tests {
		t.Run(tt.err.SubCode+strconv.Itoa(tt.err.Code), func(t *testing.T) {
			ex := tt.err.Explain()
			for _, w := range tt.want {
				assert.Contains(t, ex, w)
			}
			assert.LessOrEqual(t, len(ex), 400, ex)
		})
	}
}

// TestSyncErrorSaysTaobaoOnce: a handler that returns a client error stops
// the sync with an error that says "taobao:" once and still unwraps to the
// client's error.
func TestSyncErrorSaysTaobaoOnce(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv)...)
		start := time.Now()
		addTrades(srv, 1)
		time.Sleep(time.Hour)
		srv.FailNext("taobao.trade.fullinfo.get", 1, &taobao.APIError{Code: 15, SubCode: "isv.trade-not-exist"})
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start.Add(-time.Minute)})
		_, err := s.SyncOnce(context.Background(), func(ctx context.Context, tr *taobao.Trade) error {
			_, err := c.Trades.FullInfo(ctx, int64(tr.Tid), nil)
			return err
		})
		require.ErrorIs(t, err, taobao.ErrNotFound)
		msg := err.Error()
		assert.True(t, strings.HasPrefix(msg, "taobao: sync: "), msg)
		assert.Equal(t, 1, strings.Count(msg, "taobao:"), msg)
		assert.Contains(t, msg, "taobao.trade.fullinfo.get: error 15")
	})
}
