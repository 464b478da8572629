package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// syncBuffer is a log destination safe for the app's concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness is the example app served on loopback against a fake gateway,
// and a browser with a cookie jar.
type harness struct {
	gw   *taobaotest.Server
	app  *app
	url  string
	logs *syncBuffer

	browser *http.Client
	mu      sync.Mutex
	pages   []string // every body the app served
	codes   []string // every code the browser carried to the callback
}

func newHarness(t *testing.T, opts ...taobaotest.Option) *harness {
	t.Helper()
	gw := taobaotest.NewServer(opts...)
	t.Cleanup(gw.Close)

	srv := httptest.NewUnstartedServer(nil)
	h := &harness{gw: gw, url: "http://" + srv.Listener.Addr().String(), logs: &syncBuffer{}}
	h.app = newApp(t.Context(), appConfig{
		OAuth: gw.OAuthConfig(h.url + "/callback"),
		ClientFor: func(ts oauth2.TokenSource) (*taobao.Client, error) {
			return gw.NewClient("", taobao.WithTokenSource(ts))
		},
		Logger: slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	srv.Config.Handler = h.app
	srv.Start()
	t.Cleanup(srv.Close)

	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	h.browser = &http.Client{Jar: jar, Transport: recorder{h}}
	return h
}

// recorder keeps the app's pages and the codes sent to it.
type recorder struct{ h *harness }

func (rec recorder) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil || "http://"+r.URL.Host != rec.h.url {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	rec.h.mu.Lock()
	rec.h.pages = append(rec.h.pages, string(body))
	if c := r.URL.Query().Get("code"); c != "" {
		rec.h.codes = append(rec.h.codes, c)
	}
	rec.h.mu.Unlock()
	return resp, nil
}

// get fetches path (or an absolute URL) from the app, following redirects
// unless stopAt names a path where to stop; it returns the last response's
// status, body and URL (or Location when stopped).
func (h *harness) get(t *testing.T, target, stopAt string) (int, string, *url.URL) {
	t.Helper()
	if strings.HasPrefix(target, "/") {
		target = h.url + target
	}
	c := *h.browser
	var stopped *url.URL
	c.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		if stopAt != "" && r.URL.Path == stopAt {
			stopped = r.URL
			return http.ErrUseLastResponse
		}
		return nil
	}
	resp, err := c.Get(target)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if stopped != nil {
		return resp.StatusCode, string(body), stopped
	}
	return resp.StatusCode, string(body), resp.Request.URL
}

// secrets returns what no page or log line may show: the app secret, the
// codes, and every session and refresh token the app holds.
func (h *harness) secrets(t *testing.T) []string {
	t.Helper()
	out := []string{h.gw.AppSecret}
	h.mu.Lock()
	out = append(out, h.codes...)
	h.mu.Unlock()
	h.app.mu.Lock()
	defer h.app.mu.Unlock()
	for _, s := range h.app.sellers {
		tok, err := s.tokens.Token()
		require.NoError(t, err)
		out = append(out, tok.AccessToken, tok.RefreshToken)
	}
	return out
}

// assertNothingLeaked checks the pages and the log against secrets.
func (h *harness) assertNothingLeaked(t *testing.T, secrets []string) {
	t.Helper()
	h.mu.Lock()
	pages := strings.Join(h.pages, "\n")
	h.mu.Unlock()
	logs := h.logs.String()
	for _, s := range secrets {
		require.NotEmpty(t, s)
		assert.NotContains(t, pages, s)
		assert.NotContains(t, logs, s)
	}
}

func TestWebFlowThroughTheApp(t *testing.T) {
	t.Parallel()
	const nick = "测试 店铺"
	h := newHarness(t, taobaotest.WithAuthorizeSeller(nick), taobaotest.WithSellers(nick))

	status, body, _ := h.get(t, "/", "")
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, `<a href="/login">Authorize</a>`)

	status, body, final := h.get(t, "/login", "")
	require.Equal(t, http.StatusOK, status, body)
	assert.Equal(t, "/", final.Path, "the callback sends the browser home")
	assert.Contains(t, body, `<b class="nick">`+nick+`</b>`)
	assert.Regexp(t, `Session [0-9a-f]{6}… expires at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(GMT\+8\)`, body)
	assert.Equal(t, 5, strings.Count(body, `<tr class="trade">`))
	newest := newestListed(h.gw.Trades(nick))
	assert.Contains(t, body, strconv.FormatInt(newest.Tid, 10))
	assert.Contains(t, body, newest.Payment.String())

	// The expiry shown is the session's, in GMT+8 whatever the local zone.
	var s *seller
	h.app.mu.Lock()
	require.Len(t, h.app.sellers, 1)
	for _, v := range h.app.sellers {
		s = v
	}
	h.app.mu.Unlock()
	tok, err := s.tokens.Token()
	require.NoError(t, err)
	assert.Contains(t, body, tok.Expiry.In(taobao.GMT8()).Format("2006-01-02 15:04:05"))
	assert.Contains(t, body, "Session "+tok.AccessToken[:6]+"…")
	assert.WithinDuration(t, time.Now().Add(taobaotest.DefaultTokenTTL), tok.Expiry, time.Minute)

	assert.Equal(t, 1, h.gw.TokenRequests("authorization_code"))
	assert.Contains(t, h.logs.String(), `msg="seller authorized" seller="`+nick+`"`)
	h.assertNothingLeaked(t, h.secrets(t))

	// Forgetting the seller drops the session from memory.
	resp, err := h.browser.Post(h.url+"/logout", "", nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	h.app.mu.Lock()
	assert.Empty(t, h.app.sellers)
	h.app.mu.Unlock()
	_, body, _ = h.get(t, "/", "")
	assert.Contains(t, body, `<a href="/login">Authorize</a>`)
}

func TestSessionDiesAndIsRefreshed(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	status, body, _ := h.get(t, "/login", "")
	require.Equal(t, http.StatusOK, status, body)
	before := h.secrets(t)

	// The session dies on the gateway's clock; the app's client refreshes
	// it once, after the gateway rejects it, and the page still works.
	h.gw.Advance(taobaotest.DefaultTokenTTL)
	for range 2 {
		status, body, _ = h.get(t, "/", "")
		require.Equal(t, http.StatusOK, status)
		assert.Equal(t, 5, strings.Count(body, `<tr class="trade">`), body)
	}
	assert.Equal(t, 1, h.gw.TokenRequests("refresh_token"))
	after := h.secrets(t)
	assert.NotEqual(t, before[len(before)-2], after[len(after)-2], "a new session")
	h.assertNothingLeaked(t, append(before, after...))

	// Once the refresh token is gone too, the seller must authorize again.
	h.gw.Advance(taobaotest.DefaultRefreshTTL)
	status, body, _ = h.get(t, "/", "")
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "authorize the app again")
	assert.Contains(t, body, `<a href="/login">Authorize</a>`)
	h.app.mu.Lock()
	assert.Empty(t, h.app.sellers)
	h.app.mu.Unlock()
	h.assertNothingLeaked(t, append(before, after...))
}

func TestCallbackErrorsThroughTheApp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []taobaotest.Option
		// callback returns the callback URL to visit, from the one the
		// authorization page redirected to.
		callback    func(t *testing.T, h *harness, cb *url.URL) string
		wantStatus  int
		wantText    string
		wantLog     string
		wantSellers int // sellers the app holds in the end
	}{
		{
			name: "forged state",
			callback: func(t *testing.T, h *harness, cb *url.URL) string {
				q := cb.Query()
				q.Set("state", "the-attackers-state")
				cb.RawQuery = q.Encode()
				return cb.String()
			},
			wantStatus: http.StatusBadRequest, wantText: "could not be verified", wantLog: "invalid_state",
		},
		{
			name: "reused state",
			callback: func(t *testing.T, h *harness, cb *url.URL) string {
				var state *http.Cookie
				for _, c := range h.browser.Jar.Cookies(cb) {
					if c.Name == stateCookie {
						state = c
					}
				}
				require.NotNil(t, state)
				status, body, _ := h.get(t, cb.String(), "")
				require.Equal(t, http.StatusOK, status, body)
				// The callback is replayed with the state cookie put back.
				h.browser.Jar.SetCookies(cb, []*http.Cookie{state})
				return cb.String()
			},
			wantStatus: http.StatusBadRequest, wantText: "could not be verified", wantLog: "already finished", wantSellers: 1,
		},
		{
			name: "callback in another browser",
			callback: func(t *testing.T, h *harness, cb *url.URL) string {
				jar, err := cookiejar.New(nil)
				require.NoError(t, err)
				h.browser.Jar = jar
				return cb.String()
			},
			wantStatus: http.StatusBadRequest, wantText: "could not be verified", wantLog: "no login under way",
		},
		{
			name:       "denied",
			opts:       []taobaotest.Option{taobaotest.WithDenyAuthorization()},
			callback:   func(t *testing.T, h *harness, cb *url.URL) string { return cb.String() },
			wantStatus: http.StatusForbidden, wantText: "You declined", wantLog: "access_denied",
		},
		{
			name: "expired code",
			callback: func(t *testing.T, h *harness, cb *url.URL) string {
				h.gw.Advance(11 * time.Minute)
				return cb.String()
			},
			wantStatus: http.StatusBadRequest, wantText: "refused the authorization code", wantLog: "authorize code expire",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, tt.opts...)
			status, _, cb := h.get(t, "/login", "/callback")
			require.Equal(t, http.StatusFound, status)
			status, body, _ := h.get(t, tt.callback(t, h, cb), "")
			assert.Equal(t, tt.wantStatus, status, body)
			assert.Contains(t, body, tt.wantText)
			assert.Contains(t, body, `<a href="/login">Authorize</a>`, "the page offers to start again")
			assert.Contains(t, h.logs.String(), `msg="authorization failed"`)
			assert.Contains(t, h.logs.String(), tt.wantLog)
			h.app.mu.Lock()
			assert.Len(t, h.app.sellers, tt.wantSellers, "no seller from a failed callback")
			h.app.mu.Unlock()
			h.assertNothingLeaked(t, h.secrets(t))
		})
	}
}

func TestRunServesUntilCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, pw, &stderr, func(string) string { return "" })
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base string
	for base == "" && lines.Scan() {
		if rest, ok := strings.CutPrefix(lines.Text(), "open "); ok {
			base, _, _ = strings.Cut(rest, " ")
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	require.NotEmpty(t, base, "run prints the URL to open")
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+/$`, base)

	resp, err := http.Get(base)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), "Authorize")

	cancel()
	require.NoError(t, <-done)
}

func TestRunRejectsBadConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"key without secret", []string{"-addr", "127.0.0.1:0"}, map[string]string{"TAOBAO_APP_KEY": "123"}, "TAOBAO_APP_SECRET"},
		{"relative redirect", []string{"-addr", "127.0.0.1:0"},
			map[string]string{"TAOBAO_APP_KEY": "123", "TAOBAO_APP_SECRET": "s3cr3t-value", "TAOBAO_REDIRECT_URL": "/cb"}, "RedirectURL"},
		{"unknown flag", []string{"-port", "1"}, nil, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr syncBuffer
			err := run(t.Context(), tt.args, &stdout, &stderr, func(k string) string { return tt.env[k] })
			require.Error(t, err)
			assert.Contains(t, err.Error()+stderr.String(), tt.want)
			assert.NotContains(t, err.Error()+stdout.String()+stderr.String(), "s3cr3t-value")
		})
	}
}

func TestConfigureForTaobao(t *testing.T) {
	t.Parallel()
	env := map[string]string{
		"TAOBAO_APP_KEY":      "12345678",
		"TAOBAO_APP_SECRET":   "s3cr3t-value",
		"TAOBAO_REDIRECT_URL": "https://isv.example.com/taobao/cb",
	}
	var out bytes.Buffer
	cfg, closeFn, err := configure(func(k string) string { return env[k] }, "http://127.0.0.1:8080", &out)
	require.NoError(t, err)
	defer closeFn()
	assert.True(t, strings.HasPrefix(cfg.OAuth.AuthCodeURL("st"), taobao.DefaultAuthURL+"?"))
	assert.Equal(t, "https://isv.example.com/taobao/cb", cfg.OAuth.RedirectURL)
	assert.NotContains(t, out.String(), "s3cr3t-value")
	c, err := cfg.ClientFor(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"}))
	require.NoError(t, err)
	assert.Equal(t, "12345678", c.AppKey())

	a := newApp(t.Context(), cfg)
	assert.Equal(t, "/taobao/cb", a.callbackPath)
	assert.True(t, a.secure, "cookies over https only")
}

// newestListed returns the newest of the trades that
// taobao.trades.sold.get lists by default (the default trade types).
func newestListed(trades []taobao.Trade) taobao.Trade {
	for _, t := range trades { // newest created first
		if slices.Contains(taobaotest.DefaultTypes, t.Type) {
			return t
		}
	}
	return taobao.Trade{}
}

func TestForgedCallbackDoesNotSpendTheLogin(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	_, _, cb := h.get(t, "/login", "/callback")
	require.NotNil(t, cb)
	forged := *cb
	q := forged.Query()
	q.Set("state", "the-attackers-state")
	forged.RawQuery = q.Encode()
	status, _, _ := h.get(t, forged.String(), "")
	require.Equal(t, http.StatusBadRequest, status)

	// The seller's own callback still finishes the login.
	status, body, _ := h.get(t, cb.String(), "")
	require.Equal(t, http.StatusOK, status, body)
	h.app.mu.Lock()
	defer h.app.mu.Unlock()
	assert.Len(t, h.app.sellers, 1)
}

func TestPendingLoginsAreBounded(t *testing.T) {
	t.Parallel()
	p := &pendingLogins{expiry: make(map[string]time.Time)}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range maxPending {
		require.True(t, p.add(fmt.Sprint("s", i), now))
	}
	assert.False(t, p.add("one-too-many", now), "a flood of logins is refused")
	assert.True(t, p.take("s5", now))
	assert.False(t, p.take("s5", now), "a state serves once")
	assert.True(t, p.add("after-a-take", now))

	later := now.Add(stateTTL + time.Second)
	assert.True(t, p.add("fresh", later), "expired logins are dropped")
	assert.Len(t, p.expiry, 1)
	assert.Len(t, p.order, 1, "the queue is swept from its front")
}

// With the gateway's export lines pasted (examples/gateway prints
// TAOBAO_AUTH_URL and TAOBAO_TOKEN_URL), the app stays on that gateway: it
// never sends the fake's app key to oauth.taobao.com.
func TestConfigureForAnotherGateway(t *testing.T) {
	t.Parallel()
	gw := taobaotest.NewServer()
	defer gw.Close()
	base := strings.TrimSuffix(gw.URL, "/router/rest")
	env := map[string]string{
		"TAOBAO_APP_KEY":    gw.AppKey,
		"TAOBAO_APP_SECRET": gw.AppSecret,
		"TAOBAO_BASE_URL":   gw.URL,
		"TAOBAO_AUTH_URL":   base + "/authorize",
		"TAOBAO_TOKEN_URL":  base + "/token",
	}
	var out bytes.Buffer
	cfg, closeFn, err := configure(func(k string) string { return env[k] }, "http://127.0.0.1:8080", &out)
	require.NoError(t, err)
	defer closeFn()
	assert.True(t, strings.HasPrefix(cfg.OAuth.AuthCodeURL("st"), base+"/authorize?"), cfg.OAuth.AuthCodeURL("st"))
	assert.Equal(t, base+"/token", cfg.OAuth.TokenURL)
	assert.Contains(t, out.String(), "authorization page "+base+"/authorize")
	tok, err := cfg.OAuth.Exchange(t.Context(), gw.NewAuthCode(gw.Sellers()[0], cfg.OAuth.RedirectURL))
	require.NoError(t, err, "the code is traded at the gateway's /token")
	assert.NotEmpty(t, tok.AccessToken)
}
