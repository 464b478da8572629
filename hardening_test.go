package taobao_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// slowAnswer delivers the request (the handler runs and makes its change),
// then holds the answer back for d or until the request is cancelled.
type slowAnswer struct {
	next http.RoundTripper
	d    time.Duration
}

func (s slowAnswer) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	select {
	case <-time.After(s.d):
		return resp, nil
	case <-r.Context().Done():
		resp.Body.Close()
		return nil, r.Context().Err()
	}
}

func TestHTTPClientTimeout(t *testing.T) {
	srv, session := newFake(t)
	const write = "taobao.demo.update"
	var changes atomic.Int64
	srv.Handle(write, func(*taobaotest.Request) (any, error) { changes.Add(1); return nil, nil })
	synctest.Test(t, func(t *testing.T) {
		var slow atomic.Int64
		slow.Store(1)
		hc := &http.Client{Timeout: time.Second, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			if slow.Add(-1) >= 0 {
				return slowAnswer{srv.Transport(), 2 * time.Second}.RoundTrip(r)
			}
			return srv.Transport().RoundTrip(r)
		})}
		c := srv.Client(session, taobao.WithHTTPClient(hc))

		err := c.Call(context.Background(), write, nil, nil)
		require.ErrorIs(t, err, taobao.ErrOutcomeUnknown, "the change was made: %v", err)
		assert.False(t, taobao.IsRetryable(err))
		assert.Equal(t, int64(1), changes.Load(), "never sent twice")
		assert.Equal(t, 1, strings.Count(err.Error(), "taobao:"), err.Error())

		// The same timeout on a read is retried, and the retry succeeds.
		slow.Store(1)
		before := srv.Calls(timeGet)
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))
		assert.Equal(t, 2, srv.Calls(timeGet)-before)

		// A read that times out at every attempt is still a passing failure.
		slow.Store(3)
		err = c.Call(context.Background(), timeGet, nil, nil)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.True(t, taobao.IsRetryable(err), "the HTTP client's timeout is not the caller's deadline")
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestAnswerWithoutTheMethodsEnvelope(t *testing.T) {
	bodies := map[string]string{
		"empty object":        `{}`,
		"foreign member":      `{"foo":1}`,
		"other envelope":      `{"time_get_response":{"time":"2024-01-02 03:04:05"}}`,
		"not an object":       `{0}`,
		"name without colon":  `{"_response"0}`,
		"status then error":   `{"status":"fail","error_response":{"code":15,"sub_code":"isp.system-busy","sub_msg":"busy"}}`,
		"error after payload": `{"logistics_companies_get_response":{"logistics_companies":{}},"error_response":{"code":15,"sub_code":"isp.x"}}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			srv, session := newFake(t)
			tr := rawAnswers(body)
			c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: tr}), taobao.WithMaxRetries(0))

			_, err := c.Trades.ListSold(context.Background(), nil)
			require.Error(t, err, "a read never succeeds on %s", body)
			_, err = c.Logistics.ListCompanies(context.Background(), nil)
			require.Error(t, err)
			if strings.Contains(body, "error_response") {
				var apiErr *taobao.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, 15, apiErr.Code)
			}

			err = c.Call(context.Background(), "taobao.demo.update", nil, nil)
			require.ErrorIs(t, err, taobao.ErrOutcomeUnknown, "a write's answer %s is no success", body)
		})
	}
}

// rawAnswers answers every request with body and HTTP 200.
func rawAnswers(body string) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		_, _ = io.Copy(io.Discard, r.Body)
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
	})
}

func TestSimplifyTrueTakesTheRoot(t *testing.T) {
	srv, session := newFake(t)
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: rawAnswers(`{"time":"2024-01-02 03:04:05"}`)}))
	var out timeOut
	require.NoError(t, c.Call(context.Background(), timeGet, map[string]string{"simplify": "true"}, &out))
	assert.Equal(t, "2024-01-02 03:04:05", out.Time.String())
}

func TestWriteWithOversizedAnswerIsOutcomeUnknown(t *testing.T) {
	srv, session := newFake(t)
	big := `{"demo_update_response":{"x":"` + strings.Repeat("a", 2000) + `"}}`
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: rawAnswers(big)}), taobao.WithMaxBodySize(1000))
	err := c.Call(context.Background(), "taobao.demo.update", nil, nil)
	require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "larger than 1000 bytes")

	err = c.Call(context.Background(), timeGet, nil, nil)
	require.Error(t, err)
	assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
}

func TestTrailingBytesAreNamed(t *testing.T) {
	srv, session := newFake(t)
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: rawAnswers(`{"time_get_response":{"time":"2024-01-02 03:04:05"}} trailing`)}), taobao.WithMaxRetries(0))
	err := c.Call(context.Background(), timeGet, nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "after the end")
	assert.NotContains(t, err.Error(), "unexpected end")
	assert.Equal(t, 1, strings.Count(err.Error(), "taobao:"), err.Error())
}

func TestOneAnswerCannotBanForAYear(t *testing.T) {
	tests := []struct {
		name  string
		sub   string
		scope taobao.BanScope
		until func(now time.Time) time.Time
	}{
		{"app", "", taobao.BanApp, func(now time.Time) time.Time { return now.Add(24 * time.Hour) }},
		{"api", "accesscontrol.limited-by-api-access-count", taobao.BanMethod, func(now time.Time) time.Time { return now.Add(24 * time.Hour) }},
		{"daily quota", "accesscontrol.limited-by-app-access-count", taobao.BanDaily, func(now time.Time) time.Time {
			g := now.In(taobao.GMT8())
			return time.Date(g.Year(), g.Month(), g.Day()+1, 0, 0, 0, 0, taobao.GMT8())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, session := newFake(t)
			synctest.Test(t, func(t *testing.T) {
				lim := taobao.NewLimiter(0, 1, time.Minute)
				c := srv.Client(session, inProcess(srv, taobao.WithLimiter(lim))...)
				srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited", SubCode: tt.sub, SubMsg: "This ban will last for 99999999999 more seconds"})
				now := time.Now()
				err := c.Call(context.Background(), timeGet, nil, nil)
				var ban *taobao.BanError
				require.ErrorAs(t, err, &ban)
				assert.Equal(t, tt.scope, ban.Scope)
				assert.True(t, tt.until(now).Equal(ban.Until), "until %v, want %v", ban.Until, tt.until(now))

				lim.Unban()
				require.NoError(t, c.Call(context.Background(), timeGet, nil, nil), "a user can lift the ban")
			})
		})
	}
}

// countingTokenEndpoint is a token endpoint that issues sessions of ttl
// and counts its refreshes.
func countingTokenEndpoint(ttl time.Duration, refreshes *atomic.Int64) *http.Client {
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		_, _ = io.Copy(io.Discard, r.Body)
		n := refreshes.Add(1)
		body := fmt.Sprintf(`{"access_token":"session-%d-abcdef","token_type":"Bearer","expires_in":%d,"refresh_token":"refresh-token-xyz","re_expires_in":86400,"taobao_user_nick":"shop"}`,
			n, int(ttl/time.Second))
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
	})}
}

func TestShortSessionsAreRefreshedOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var refreshes atomic.Int64
		ctx := context.WithValue(context.Background(), oauth2.HTTPClient, countingTokenEndpoint(45*time.Second, &refreshes))
		conf := &taobao.OAuthConfig{AppKey: "k", AppSecret: "s3cr3t", RedirectURL: "https://app.example/cb", TokenURL: "https://oauth.example/token"}
		first := &taobao.Token{Token: oauth2.Token{AccessToken: "session-0-abcdef", RefreshToken: "refresh-token-xyz", Expiry: time.Now().Add(45 * time.Second)}}
		ts := conf.TokenSource(ctx, first)
		seen := map[string]bool{}
		for range 20 {
			tok, err := ts.Token()
			require.NoError(t, err)
			seen[tok.AccessToken] = true
			time.Sleep(2 * time.Second)
		}
		// 40 s of calls with 45 s sessions: one refresh, half way through
		// the first session's life, not one per call.
		assert.Equal(t, int64(1), refreshes.Load())
		assert.Len(t, seen, 2)
	})
}

// blockingSource is a token source whose Token blocks until released.
type blockingSource struct{ release chan struct{} }

func (b blockingSource) Token() (*oauth2.Token, error) {
	<-b.release
	return &oauth2.Token{AccessToken: "late-session"}, nil
}

func TestBlockedTokenSourceLeavesOneGoroutine(t *testing.T) {
	srv, _ := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		src := blockingSource{release: make(chan struct{})}
		c := srv.Client("", inProcess(srv, taobao.WithTokenSource(src))...)
		base := runtime.NumGoroutine()
		done := make(chan error, 500)
		for range 500 {
			go func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				defer cancel()
				done <- c.Call(ctx, timeGet, nil, nil)
			}()
		}
		for range 500 {
			assert.ErrorIs(t, <-done, context.DeadlineExceeded)
		}
		synctest.Wait()
		assert.LessOrEqual(t, runtime.NumGoroutine()-base, 1, "one Token call in flight, not one per caller")
		close(src.release)
	})
}

func TestPrintingNeverShowsSecrets(t *testing.T) {
	srv, session := newFake(t)
	c := srv.Client(session)
	conf := srv.OAuthConfig("http://127.0.0.1/cb")
	ts := conf.TokenSource(context.Background(), &taobao.Token{Token: oauth2.Token{AccessToken: session, RefreshToken: "refresh-secret-123"}})
	type holder struct {
		C    *taobao.Client
		V    taobao.Client
		Conf taobao.OAuthConfig
		TS   oauth2.TokenSource
		c    *taobao.Client
		v    taobao.Client
	}
	h := holder{C: c, V: *c, Conf: *conf, TS: ts, c: c, v: *c}
	values := map[string]any{
		"client": c, "client value": *c, "config": conf, "config value": *conf, "token source": ts,
		"struct": h, "slice": []any{c, conf, ts}, "map": map[string]any{"c": c, "conf": *conf},
	}
	secrets := []string{session, srv.AppSecret, "refresh-secret-123"}
	for name, v := range values {
		var out []string
		for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
			out = append(out, fmt.Sprintf(verb, v))
		}
		var text, js bytes.Buffer
		slog.New(slog.NewTextHandler(&text, nil)).Info("x", "v", v)
		slog.New(slog.NewJSONHandler(&js, nil)).Info("x", "v", v)
		out = append(out, text.String(), js.String())
		if b, err := json.Marshal(v); err == nil {
			out = append(out, string(b))
		}
		for _, s := range out {
			for _, secret := range secrets {
				assert.NotContains(t, s, secret, "%s printed a secret: %s", name, s)
			}
		}
	}
}

func TestSecretsInCornerCases(t *testing.T) {
	t.Run("session across the sample cut", func(t *testing.T) {
		srv, session := newFake(t)
		for _, at := range []int{4096 - 22, 4096 - 1, 4096 - len(session) + 3} {
			body := strings.Repeat("x", at) + session + strings.Repeat("y", 100)
			tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				return &http.Response{StatusCode: 502, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
			})
			c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: tr}), taobao.WithMaxRetries(0))
			err := c.Call(context.Background(), timeGet, nil, nil)
			var he *taobao.HTTPError
			require.ErrorAs(t, err, &he)
			assert.NotContains(t, string(he.Body), session[:6], "a prefix of the session is left at %d", at)
		}
	})
	t.Run("base URL password", func(t *testing.T) {
		for _, u := range []string{"http://user:pa55word@example.com/router", "ftp://user:pa55word@example.com/", "http://user:pa55word@[::1/x"} {
			_, err := taobao.NewClient("k", "s", taobao.WithBaseURL(u))
			require.Error(t, err)
			assert.NotContains(t, err.Error(), "pa55word")
		}
	})
	t.Run("OAuth error member", func(t *testing.T) {
		const code = "auth-code-12345"
		hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 400, Body: io.NopCloser(strings.NewReader(`{"error":"bad code ` + code + `","error_description":"code ` + code + ` is spent"}`)), Request: r}, nil
		})}
		conf := &taobao.OAuthConfig{AppKey: "k", AppSecret: "s3cr3t-value", RedirectURL: "https://app.example/cb", TokenURL: "https://oauth.example/token"}
		_, err := conf.Exchange(context.WithValue(context.Background(), oauth2.HTTPClient, hc), code)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), code)
	})
}

func TestTokenRedactedView(t *testing.T) {
	tok := taobao.Token{Token: oauth2.Token{AccessToken: "access-secret-1", RefreshToken: "refresh-secret-2", Expiry: time.Unix(2e9, 0)}, UserNick: "shop"}
	var js bytes.Buffer
	slog.New(slog.NewJSONHandler(&js, nil)).Info("x", "nested", struct{ T taobao.Token }{tok.Redacted()})
	assert.NotContains(t, js.String(), "access-secret-1")
	assert.NotContains(t, js.String(), "refresh-secret-2")
	assert.Contains(t, js.String(), "shop")
	assert.Equal(t, "access-secret-1", tok.AccessToken, "the original is unchanged")
}

func TestOfflineSendWithAWrongShapedAnswerIsOutcomeUnknown(t *testing.T) {
	for _, body := range []string{
		`{"logistics_offline_send_response":{}}`,
		`{"logistics_offline_send_response":{"shipping":{"is_success":"yes"}}}`,
		`{"logistics_offline_send_response":{"shipping":{"is_success":false}}}`,
	} {
		srv, session := newFake(t)
		c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: rawAnswers(body)}))
		_, err := c.Logistics.OfflineSend(context.Background(), 1234, "YT1234567890123", "YTO", nil)
		require.ErrorIs(t, err, taobao.ErrOutcomeUnknown, body)
		assert.False(t, taobao.IsRetryable(err))
		assert.NotContains(t, err.Error(), `body starts ""`)
	}
}
