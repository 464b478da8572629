package taobaotest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const (
	oauthRedirect = "https://isv.example.com/cb"
	sellerGet     = "taobao.user.seller.get"
	tokenCreate   = "taobao.top.auth.token.create"
	tokenRefresh  = "taobao.top.auth.token.refresh"
)

// newOAuthServer starts a fake gateway with a method that needs a session
// and answers the seller's nick.
func newOAuthServer(t *testing.T, opts ...taobaotest.Option) *taobaotest.Server {
	t.Helper()
	srv := taobaotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	srv.Handle(sellerGet, func(r *taobaotest.Request) (any, error) {
		return map[string]any{"user": map[string]string{"nick": r.Seller}}, nil
	})
	return srv
}

// baseOf is the server's address without the gateway path.
func baseOf(srv *taobaotest.Server) string { return strings.TrimSuffix(srv.URL, "/router/rest") }

// noRedirects is an HTTP client that shows redirects instead of following.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// tokenAnswer is one answer of /token.
type tokenAnswer struct {
	status      int
	contentType string
	fields      map[string]any // numbers as json.Number
	body        []byte
}

func postToken(t *testing.T, srv *taobaotest.Server, form url.Values) tokenAnswer {
	t.Helper()
	resp, err := http.PostForm(baseOf(srv)+"/token", form)
	require.NoError(t, err)
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(resp.Body)
	require.NoError(t, err)
	a := tokenAnswer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: buf.Bytes()}
	d := json.NewDecoder(bytes.NewReader(a.body))
	d.UseNumber()
	require.NoError(t, d.Decode(&a.fields), "body %s", a.body)
	return a
}

func codeForm(srv *taobaotest.Server, code string) url.Values {
	return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "client_id": {srv.AppKey},
		"client_secret": {srv.AppSecret}, "redirect_uri": {oauthRedirect}}
}

func refreshForm(srv *taobaotest.Server, rt string) url.Values {
	return url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}, "client_id": {srv.AppKey}, "client_secret": {srv.AppSecret}}
}

// sellerOf calls the gateway with session and returns the seller it acts for.
func sellerOf(t *testing.T, srv *taobaotest.Server, session string) (string, error) {
	t.Helper()
	var out struct {
		User struct {
			Nick string `json:"nick"`
		} `json:"user"`
	}
	err := srv.Client(session).Call(context.Background(), sellerGet, nil, &out)
	return out.User.Nick, err
}

func TestAuthorizeRedirects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		opts       []taobaotest.Option
		query      url.Values // added to a valid request; "-" removes
		wantStatus int
		wantSeller string // when a code is expected
		wantQuery  string // exact raw query of the redirect, when no code is expected
		wantBody   string
	}{
		{name: "default seller", wantStatus: 302, wantSeller: taobaotest.DefaultAuthorizeSeller},
		{name: "configured seller", opts: []taobaotest.Option{taobaotest.WithAuthorizeSeller("测试 店铺")}, wantStatus: 302, wantSeller: "测试 店铺"},
		{name: "view and no state", query: url.Values{"view": {"wap"}, "state": {"-"}}, wantStatus: 302, wantSeller: taobaotest.DefaultAuthorizeSeller},
		{name: "redirect keeps its query", query: url.Values{"redirect_uri": {oauthRedirect + "?shop=1"}}, wantStatus: 302, wantSeller: taobaotest.DefaultAuthorizeSeller},
		{name: "denied", opts: []taobaotest.Option{taobaotest.WithDenyAuthorization()}, wantStatus: 302,
			wantQuery: "error=access_denied&error_description=authorize%20reject&state=st%2F1"},
		{name: "implicit flow not served", query: url.Values{"response_type": {"token"}}, wantStatus: 302,
			wantQuery: "error=unsupported_response_type&error_description=response_type%20must%20be%20code&state=st%2F1"},
		{name: "out of band", query: url.Values{"redirect_uri": {"urn:ietf:wg:oauth:2.0:oob"}}, wantStatus: 200, wantBody: "code="},
		{name: "unknown client", query: url.Values{"client_id": {"999"}}, wantStatus: 400, wantBody: "client_id is invalidate"},
		{name: "no client", query: url.Values{"client_id": {"-"}}, wantStatus: 400, wantBody: "client_id is invalidate"},
		{name: "no redirect", query: url.Values{"redirect_uri": {"-"}}, wantStatus: 400, wantBody: "redirect_uri is invalidate"},
		{name: "relative redirect", query: url.Values{"redirect_uri": {"/cb"}}, wantStatus: 400, wantBody: "redirect_uri is invalidate"},
		{name: "unknown view", query: url.Values{"view": {"tv"}}, wantStatus: 400, wantBody: "view is invalidate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newOAuthServer(t, tt.opts...)
			q := url.Values{"response_type": {"code"}, "client_id": {srv.AppKey}, "redirect_uri": {oauthRedirect}, "state": {"st/1"}}
			for k, v := range tt.query {
				if v[0] == "-" {
					q.Del(k)
				} else {
					q[k] = v
				}
			}
			resp, err := noRedirects.Get(baseOf(srv) + "/authorize?" + q.Encode())
			require.NoError(t, err)
			defer resp.Body.Close()
			var body bytes.Buffer
			_, _ = body.ReadFrom(resp.Body)
			require.Equal(t, tt.wantStatus, resp.StatusCode, body.String())
			if tt.wantBody != "" {
				assert.Contains(t, body.String(), tt.wantBody)
			}
			if resp.StatusCode != http.StatusFound {
				assert.Empty(t, resp.Header.Get("Location"), "no redirect to an unchecked address")
				return
			}
			loc, err := url.Parse(resp.Header.Get("Location"))
			require.NoError(t, err)
			redirect, _ := url.Parse(q.Get("redirect_uri"))
			assert.Equal(t, redirect.Host+redirect.Path, loc.Host+loc.Path)
			if tt.wantQuery != "" {
				assert.Equal(t, tt.wantQuery, loc.RawQuery)
				return
			}
			got := loc.Query()
			assert.Equal(t, q.Get("state"), got.Get("state"))
			assert.Equal(t, q.Has("state"), got.Has("state"))
			for k, v := range redirect.Query() {
				assert.Equal(t, v, got[k], "the callback's own query is kept")
			}
			require.NotEmpty(t, got.Get("code"))
			form := codeForm(srv, got.Get("code"))
			form.Set("redirect_uri", q.Get("redirect_uri"))
			a := postToken(t, srv, form)
			require.Equal(t, http.StatusOK, a.status, "%s", a.body)
			tok, err := taobao.ParseToken(a.body)
			require.NoError(t, err)
			assert.Equal(t, tt.wantSeller, tok.UserNick)
			nick, err := sellerOf(t, srv, tok.AccessToken)
			require.NoError(t, err)
			assert.Equal(t, tt.wantSeller, nick)
		})
	}
}

func TestAuthorizeNeedsGet(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t)
	resp, err := noRedirects.PostForm(baseOf(srv)+"/authorize", url.Values{"client_id": {srv.AppKey}})
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

func TestTokenAnswerShape(t *testing.T) {
	t.Parallel()
	const nick = "测试 店铺"
	srv := newOAuthServer(t, taobaotest.WithTokenTTL(2*time.Hour, 48*time.Hour))
	code := srv.NewAuthCode(nick, oauthRedirect)
	before := srv.Now()
	a := postToken(t, srv, codeForm(srv, code))
	after := srv.Now()
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	assert.Equal(t, "text/plain;charset=UTF-8", a.contentType)

	f := a.fields
	for _, k := range []string{"access_token", "refresh_token", "token_type", "taobao_user_id", "taobao_user_nick", "taobao_open_uid"} {
		assert.IsType(t, "", f[k], k)
	}
	assert.Equal(t, "Bearer", f["token_type"])
	assert.Equal(t, url.QueryEscape(nick), f["taobao_user_nick"], "the nick is URL-encoded")
	assert.Regexp(t, `^[0-9]+$`, f["taobao_user_id"])
	seconds := map[string]string{
		"expires_in": "7200", "re_expires_in": "172800", "r1_expires_in": "7200", "r2_expires_in": "7200",
		"w1_expires_in": "7200", "w2_expires_in": "1800",
	}
	for k, want := range seconds {
		assert.Equal(t, json.Number(want), f[k], k)
	}
	millis := map[string]time.Duration{
		"expire_time": 2 * time.Hour, "refresh_token_valid_time": 48 * time.Hour, "r1_valid": 2 * time.Hour,
		"r2_valid": 2 * time.Hour, "w1_valid": 2 * time.Hour, "w2_valid": 30 * time.Minute,
	}
	for k, d := range millis {
		n, ok := f[k].(json.Number)
		require.True(t, ok, "%s is a number", k)
		ms, err := n.Int64()
		require.NoError(t, err)
		at := time.UnixMilli(ms)
		assert.False(t, at.Before(before.Add(d).Truncate(time.Millisecond)), k)
		assert.False(t, at.After(after.Add(d)), k)
	}

	tok, err := taobao.ParseToken(a.body)
	require.NoError(t, err)
	assert.Equal(t, nick, tok.UserNick)
	assert.Equal(t, f["taobao_user_id"], tok.UserID)
	assert.NotEmpty(t, tok.OpenUID)
	seller, ok := srv.SessionSeller(tok.AccessToken)
	assert.True(t, ok, "the access token is a gateway session")
	assert.Equal(t, nick, seller)

	// The same seller gets the same ids each time.
	a2 := postToken(t, srv, codeForm(srv, srv.NewAuthCode(nick, oauthRedirect)))
	assert.Equal(t, f["taobao_user_id"], a2.fields["taobao_user_id"])
	assert.Equal(t, f["taobao_open_uid"], a2.fields["taobao_open_uid"])
	assert.NotEqual(t, f["access_token"], a2.fields["access_token"])
}

func TestTokenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		opts       []taobaotest.Option
		form       func(t *testing.T, srv *taobaotest.Server) url.Values
		wantStatus int
		wantError  string
		wantDesc   string
	}{
		{
			name: "wrong client secret",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				f.Set("client_secret", "wrong")
				return f
			},
			wantStatus: 400, wantError: "invalid_client", wantDesc: "client_secret is invalidate",
		},
		{
			name: "unknown client",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				f.Set("client_id", "999")
				return f
			},
			wantStatus: 400, wantError: "invalid_client", wantDesc: "client_id is invalidate",
		},
		{
			name: "no grant type",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				f.Del("grant_type")
				return f
			},
			wantStatus: 400, wantError: "invalid_request", wantDesc: "grant_type is missing",
		},
		{
			name: "password grant",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, "")
				f.Set("grant_type", "password")
				return f
			},
			wantStatus: 400, wantError: "unsupported_grant_type",
		},
		{
			name:       "no code",
			form:       func(t *testing.T, srv *taobaotest.Server) url.Values { return codeForm(srv, "") },
			wantStatus: 400, wantError: "invalid_request", wantDesc: "code is missing",
		},
		{
			name:       "unknown code",
			form:       func(t *testing.T, srv *taobaotest.Server) url.Values { return codeForm(srv, "forged") },
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "authorize code expire",
		},
		{
			name: "reused code",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				require.Equal(t, http.StatusOK, postToken(t, srv, f).status)
				return f
			},
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "authorize code expire",
		},
		{
			name: "expired code",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				srv.Advance(taobaotest.AuthCodeTTL)
				return f
			},
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "authorize code expire",
		},
		{
			name: "code just before its expiry",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				srv.Advance(taobaotest.AuthCodeTTL - time.Second)
				return f
			},
			wantStatus: 200,
		},
		{
			name: "other redirect_uri",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				f := codeForm(srv, srv.NewAuthCode("s", oauthRedirect))
				f.Set("redirect_uri", "https://evil.example.com/cb")
				return f
			},
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "redirect_uri is invalidate",
		},
		{
			name:       "unknown refresh token",
			form:       func(t *testing.T, srv *taobaotest.Server) url.Values { return refreshForm(srv, "forged") },
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "refresh_token is invalid",
		},
		{
			name:       "no refresh token",
			form:       func(t *testing.T, srv *taobaotest.Server) url.Values { return refreshForm(srv, "") },
			wantStatus: 400, wantError: "invalid_request", wantDesc: "refresh_token is missing",
		},
		{
			name: "spent refresh token",
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				first := postToken(t, srv, codeForm(srv, srv.NewAuthCode("s", oauthRedirect)))
				f := refreshForm(srv, first.fields["refresh_token"].(string))
				require.Equal(t, http.StatusOK, postToken(t, srv, f).status)
				return f
			},
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "refresh_token is invalid",
		},
		{
			name: "expired refresh token",
			opts: []taobaotest.Option{taobaotest.WithTokenTTL(time.Hour, 2*time.Hour)},
			form: func(t *testing.T, srv *taobaotest.Server) url.Values {
				first := postToken(t, srv, codeForm(srv, srv.NewAuthCode("s", oauthRedirect)))
				srv.Advance(2 * time.Hour)
				return refreshForm(srv, first.fields["refresh_token"].(string))
			},
			wantStatus: 400, wantError: "invalid_grant", wantDesc: "refresh_token is expired",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newOAuthServer(t, tt.opts...)
			a := postToken(t, srv, tt.form(t, srv))
			assert.Equal(t, tt.wantStatus, a.status, "%s", a.body)
			assert.Equal(t, "text/plain;charset=UTF-8", a.contentType)
			if tt.wantStatus == http.StatusOK {
				assert.NotEmpty(t, a.fields["access_token"])
				return
			}
			assert.Equal(t, tt.wantError, a.fields["error"])
			if tt.wantDesc != "" {
				assert.Equal(t, tt.wantDesc, a.fields["error_description"])
			}
			assert.Len(t, a.fields, 2, "only error and error_description")
			assert.NotContains(t, string(a.body), srv.AppSecret)
		})
	}
}

func TestTokenNeedsPost(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t)
	resp, err := http.Get(baseOf(srv) + "/token?" + codeForm(srv, srv.NewAuthCode("s", oauthRedirect)).Encode())
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	assert.Equal(t, 1, srv.TokenRequests(""))
}

func TestTokenRefreshRotates(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t, taobaotest.WithTokenTTL(time.Hour, 0))
	first := postToken(t, srv, codeForm(srv, srv.NewAuthCode("shop", oauthRedirect)))
	require.Equal(t, http.StatusOK, first.status)
	second := postToken(t, srv, refreshForm(srv, first.fields["refresh_token"].(string)))
	require.Equal(t, http.StatusOK, second.status, "%s", second.body)
	assert.NotEqual(t, first.fields["access_token"], second.fields["access_token"])
	assert.NotEqual(t, first.fields["refresh_token"], second.fields["refresh_token"])
	assert.Equal(t, "shop", second.fields["taobao_user_nick"])
	assert.Equal(t, json.Number("3600"), second.fields["expires_in"])
	assert.Equal(t, json.Number(strconv.FormatInt(int64(taobaotest.DefaultRefreshTTL/time.Second), 10)), second.fields["re_expires_in"])

	// Both sessions work until they expire on the server's clock.
	for _, a := range []tokenAnswer{first, second} {
		nick, err := sellerOf(t, srv, a.fields["access_token"].(string))
		require.NoError(t, err)
		assert.Equal(t, "shop", nick)
	}
	srv.Advance(time.Hour)
	_, err := sellerOf(t, srv, second.fields["access_token"].(string))
	assert.ErrorIs(t, err, taobao.ErrInvalidSession)

	// The rotated refresh token still works after the session died.
	third := postToken(t, srv, refreshForm(srv, second.fields["refresh_token"].(string)))
	require.Equal(t, http.StatusOK, third.status)
	_, err = sellerOf(t, srv, third.fields["access_token"].(string))
	require.NoError(t, err)

	assert.Equal(t, 1, srv.TokenRequests("authorization_code"))
	assert.Equal(t, 2, srv.TokenRequests("refresh_token"))
	assert.Equal(t, 3, srv.TokenRequests(""))
}

func TestCodeIsSingleUseUnderConcurrency(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t)
	form := codeForm(srv, srv.NewAuthCode("shop", oauthRedirect))
	const n = 8
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { statuses[i] = postToken(t, srv, form).status })
	}
	wg.Wait()
	ok := 0
	for _, s := range statuses {
		if s == http.StatusOK {
			ok++
		} else {
			assert.Equal(t, http.StatusBadRequest, s)
		}
	}
	assert.Equal(t, 1, ok)
}

// gatewayToken calls a token method through the gateway and returns the
// token_result string.
func gatewayToken(t *testing.T, srv *taobaotest.Server, method string, params url.Values) (string, error) {
	t.Helper()
	var out struct {
		TokenResult *string `json:"token_result"`
	}
	err := srv.Client("").Call(context.Background(), method, params, &out)
	if err != nil {
		return "", err
	}
	require.NotNil(t, out.TokenResult, "token_result is a JSON string")
	return *out.TokenResult, nil
}

func TestGatewayTokenMethods(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t, taobaotest.WithTokenTTL(time.Hour, 0))
	code := srv.NewAuthCode("shop", oauthRedirect)

	created, err := gatewayToken(t, srv, tokenCreate, url.Values{"code": {code}, "uuid": {"abc"}})
	require.NoError(t, err)
	tok, err := taobao.ParseToken([]byte(created))
	require.NoError(t, err)
	assert.Equal(t, "shop", tok.UserNick)
	assert.Equal(t, int64(3600), tok.ExpiresIn)
	nick, err := sellerOf(t, srv, tok.AccessToken)
	require.NoError(t, err)
	assert.Equal(t, "shop", nick)

	refreshed, err := gatewayToken(t, srv, tokenRefresh, url.Values{"refresh_token": {tok.RefreshToken}})
	require.NoError(t, err)
	tok2, err := taobao.ParseToken([]byte(refreshed))
	require.NoError(t, err)
	assert.NotEqual(t, tok.AccessToken, tok2.AccessToken)
	assert.Equal(t, 1, srv.Calls(tokenCreate))
	assert.Equal(t, 1, srv.Calls(tokenRefresh))
	assert.Zero(t, srv.TokenRequests(""), "the gateway methods do not count as /token requests")

	tests := []struct {
		name    string
		method  string
		params  url.Values
		code    int
		subCode string
		subMsg  string
	}{
		{"create without code", tokenCreate, nil, 40, "", ""},
		{"create with a spent code", tokenCreate, url.Values{"code": {code}}, 15, "isv.invalid-parameter:code", "authorize code expire"},
		{"create with a forged code", tokenCreate, url.Values{"code": {"forged"}}, 15, "isv.invalid-parameter:code", "authorize code expire"},
		{"refresh without token", tokenRefresh, nil, 40, "", ""},
		{"refresh with a spent token", tokenRefresh, url.Values{"refresh_token": {tok.RefreshToken}}, 15, "isv.invalid-parameter:refresh_token", "refresh_token is invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := gatewayToken(t, srv, tt.method, tt.params)
			var apiErr *taobao.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.code, apiErr.Code)
			assert.Equal(t, tt.subCode, apiErr.SubCode)
			assert.Equal(t, tt.subMsg, apiErr.SubMsg)
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
		})
	}
}

func TestGatewayTokenMethodsKeepTestHandlers(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t)
	srv.HandleApp(tokenCreate, func(*taobaotest.Request) (any, error) {
		return map[string]string{"token_result": `{"access_token":"custom"}`}, nil
	})
	_ = srv.OAuthConfig(oauthRedirect)
	got, err := gatewayToken(t, srv, tokenCreate, url.Values{"code": {"x"}})
	require.NoError(t, err)
	assert.Equal(t, `{"access_token":"custom"}`, got)
}

func TestOAuthConfigAimsAtServer(t *testing.T) {
	t.Parallel()
	srv := newOAuthServer(t)
	c := srv.OAuthConfig(oauthRedirect)
	require.NoError(t, c.Validate())
	assert.Equal(t, srv.AppKey, c.AppKey)
	assert.Equal(t, srv.AppSecret, c.AppSecret)
	assert.Equal(t, oauthRedirect, c.RedirectURL)
	assert.Equal(t, baseOf(srv)+"/authorize", c.AuthURL)
	assert.Equal(t, baseOf(srv)+"/token", c.TokenURL)
}

func TestAuthorizeOnlyToTheRegisteredCallbackDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		opts     []taobaotest.Option
		redirect string
		want     int
	}{
		{"stranger by default", nil, "https://attacker.test/cb", http.StatusBadRequest},
		{"loopback by default", nil, "http://127.0.0.1:8080/cb", http.StatusFound},
		{"registered domain", []taobaotest.Option{taobaotest.WithCallbackDomain("shop.cn")}, "https://erp.shop.cn/cb", http.StatusFound},
		{"other domain once one is registered", []taobaotest.Option{taobaotest.WithCallbackDomain("shop.cn")}, "https://isv.example.com/cb", http.StatusBadRequest},
		{"registered domain, any case", []taobaotest.Option{taobaotest.WithCallbackDomain(" .Shop.CN ")}, "https://ERP.Shop.cn/cb", http.StatusFound},
		{"look-alike", []taobaotest.Option{taobaotest.WithCallbackDomain("shop.cn")}, "https://evilshop.cn/cb", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := taobaotest.NewServer(tt.opts...)
			defer srv.Close()
			q := url.Values{"response_type": {"code"}, "client_id": {srv.AppKey}, "redirect_uri": {tt.redirect}, "state": {"s"}}
			c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			resp, err := c.Get(strings.TrimSuffix(srv.URL, "/router/rest") + "/authorize?" + q.Encode())
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, tt.want, resp.StatusCode)
		})
	}
}
