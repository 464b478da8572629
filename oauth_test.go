package taobao_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
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

// Values the fake token endpoint knows. None of them may appear in an error.
const (
	oaKey       = "12345678"
	oaSecret    = "app-secret-9f8e7d6c5b4a"
	oaCode      = "CODE-0a1b2c3d4e5f6a7b"
	oaAccess1   = "6201AT-first-0000000000000000000000000000002200000000001"
	oaRefresh1  = "6202RT-first-0000000000000000000000000000002200000000001"
	oaAccess2   = "6203AT-second-000000000000000000000000000002200000000001"
	oaRefresh2  = "6204RT-second-000000000000000000000000000002200000000001"
	oaRedirect  = "https://isv.example.com/taobao/callback"
	oaNickEnc   = "%E6%B5%8B%E8%AF%95%E5%BA%97%E9%93%BA"
	oaNick      = "测试店铺"
	oaUserID    = "2200000000001"
	oaSampleAT  = "REDACTED_ACCESS_TOKEN"
	oaSampleRT  = "REDACTED_REFRESH_TOKEN"
	oaFakeNowMS = 946684800000 // 2000-01-01T00:00:00Z, where synctest bubbles start
)

var oaSecrets = []string{oaSecret, oaCode, oaAccess1, oaRefresh1, oaAccess2, oaRefresh2, oaSampleAT, oaSampleRT}

// assertNoSecrets checks that err's text holds no secret, code or token.
func assertNoSecrets(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, s := range oaSecrets {
		assert.NotContains(t, err.Error(), s)
	}
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func utc(y int, mo time.Month, d, h, mi, s, ms int) time.Time {
	return time.Date(y, mo, d, h, mi, s, ms*int(time.Millisecond), time.UTC)
}

// fakeNow is the time at which every synctest bubble starts.
var fakeNow = time.UnixMilli(oaFakeNowMS)

// tokenJSON is a token endpoint answer with relative lifetimes only.
func tokenJSON(access, refresh string, expiresIn int) string {
	return fmt.Sprintf(`{"access_token":%q,"token_type":"Bearer","expires_in":%d,"refresh_token":%q,`+
		`"re_expires_in":"86400","r1_expires_in":%d,"r2_expires_in":"0","w1_expires_in":1800,"w2_expires_in":"300",`+
		`"taobao_user_id":%q,"taobao_user_nick":%q}`, access, expiresIn, refresh, expiresIn, oaUserID, oaNickEnc)
}

func TestParseTokenSamples(t *testing.T) {
	t.Parallel()
	createBody := readTestdata(t, "taobao.top.auth.token.create.json")
	var env struct {
		Resp struct {
			TokenResult string `json:"token_result"`
		} `json:"top_auth_token_create_response"`
	}
	require.NoError(t, json.Unmarshal(createBody, &env))
	require.NotEmpty(t, env.Resp.TokenResult)
	quoted, err := json.Marshal(env.Resp.TokenResult)
	require.NoError(t, err)

	oauthToken := taobao.Token{
		Token: oauth2.Token{
			AccessToken: oaSampleAT, TokenType: "Bearer", RefreshToken: oaSampleRT,
			Expiry: utc(2018, 2, 1, 22, 0, 0, 0), ExpiresIn: 566544,
		},
		UserID: "615648409", UserNick: "REDACTED_NICK",
		RefreshExpiry: utc(2018, 2, 1, 22, 0, 0, 0),
		R1Expiry:      utc(2018, 2, 1, 22, 0, 0, 0),
		R2Expiry:      utc(2018, 1, 29, 8, 37, 35, 381),
		W1Expiry:      utc(2018, 2, 1, 22, 0, 0, 0),
		W2Expiry:      utc(2018, 1, 26, 9, 7, 35, 381),
	}
	create := taobao.Token{
		Token: oauth2.Token{
			AccessToken: oaSampleAT, TokenType: "Bearer", RefreshToken: oaSampleRT,
			Expiry: utc(2018, 8, 12, 8, 15, 28, 986), ExpiresIn: 7776000,
		},
		// No taobao_user_id in this answer: only the open uid.
		UserNick: "b01GflzbxtAIf8KwrSO9nNQofbFFz2kii4lSP/HJy9oC5c=",
		OpenUID:  "AAE3PSJFAGQsSvMnMnzd485d",
		// re_expires_in is 0: the refresh token is spent at issue time.
		RefreshExpiry: utc(2018, 5, 14, 8, 15, 28, 986),
		R1Expiry:      utc(2018, 5, 14, 8, 45, 28, 986),
		R2Expiry:      utc(2018, 5, 14, 8, 15, 28, 986),
		W1Expiry:      utc(2018, 5, 14, 8, 45, 28, 986),
		W2Expiry:      utc(2018, 5, 14, 8, 15, 28, 986),
	}
	result2019 := taobao.Token{
		Token: oauth2.Token{
			AccessToken: oaSampleAT, TokenType: "Bearer", RefreshToken: oaSampleRT,
			Expiry: utc(2019, 9, 26, 9, 6, 55, 957), ExpiresIn: 2592000,
		},
		UserID: "324822964", UserNick: "REDACTED_NICK", OpenUID: "AAE139MmAHpuSQaL2iqPLiL2",
		RefreshExpiry: utc(2019, 9, 26, 9, 6, 55, 957),
		R1Expiry:      utc(2019, 9, 26, 9, 6, 55, 957),
		R2Expiry:      utc(2019, 8, 28, 9, 6, 55, 957),
		W1Expiry:      utc(2019, 9, 26, 9, 6, 55, 957),
		W2Expiry:      utc(2019, 8, 27, 9, 11, 55, 957),
	}

	tests := []struct {
		name string
		body []byte
		want taobao.Token
	}{
		{"oauth.token.json", readTestdata(t, "oauth.token.json"), oauthToken},
		{"token.create envelope", createBody, create},
		{"token.create token_result decoded", []byte(env.Resp.TokenResult), create},
		{"token.create token_result quoted", quoted, create},
		{"token_result 2019", readTestdata(t, "taobao.top.auth.token.create.token_result-2019.json"), result2019},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := taobao.ParseToken(tt.body)
			require.NoError(t, err)
			assertTokenEqual(t, tt.want, *got)
			// Every field of the answer stays reachable through Extra.
			assert.NotNil(t, got.Extra("w2_valid"))
			assert.Equal(t, "Bearer", got.Extra("token_type"))
			assert.True(t, got.Valid() == got.Expiry.After(time.Now()))
		})
	}
}

// assertTokenEqual compares tokens field by field, times with Equal.
func assertTokenEqual(t *testing.T, want, got taobao.Token) {
	t.Helper()
	assert.Equal(t, want.AccessToken, got.AccessToken, "AccessToken")
	assert.Equal(t, want.TokenType, got.TokenType, "TokenType")
	assert.Equal(t, want.RefreshToken, got.RefreshToken, "RefreshToken")
	assert.Equal(t, want.ExpiresIn, got.ExpiresIn, "ExpiresIn")
	assert.Equal(t, want.UserID, got.UserID, "UserID")
	assert.Equal(t, want.UserNick, got.UserNick, "UserNick")
	assert.Equal(t, want.SubUserID, got.SubUserID, "SubUserID")
	assert.Equal(t, want.SubUserNick, got.SubUserNick, "SubUserNick")
	assert.Equal(t, want.OpenUID, got.OpenUID, "OpenUID")
	for _, e := range []struct {
		name      string
		want, got time.Time
	}{
		{"Expiry", want.Expiry, got.Expiry},
		{"RefreshExpiry", want.RefreshExpiry, got.RefreshExpiry},
		{"R1Expiry", want.R1Expiry, got.R1Expiry},
		{"R2Expiry", want.R2Expiry, got.R2Expiry},
		{"W1Expiry", want.W1Expiry, got.W1Expiry},
		{"W2Expiry", want.W2Expiry, got.W2Expiry},
	} {
		assert.Truef(t, e.want.Equal(e.got), "%s: want %v, got %v", e.name, e.want.UTC(), e.got.UTC())
	}
}

func TestParseTokenRelativeLifetimes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want taobao.Token
	}{
		{
			name: "numeric strings and numbers",
			body: `{"access_token":"` + oaAccess1 + `","token_type":"Bearer","expires_in":"7200","refresh_token":"` + oaRefresh1 + `",
				"re_expires_in":86400,"r1_expires_in":"7200","r2_expires_in":"0","w1_expires_in":1800,"w2_expires_in":"300",
				"taobao_user_id":2200000000001,"taobao_user_nick":"` + oaNickEnc + `",
				"sub_taobao_user_id":"2200000000002","sub_taobao_user_nick":"` + oaNickEnc + `%3A%E5%AE%A2%E6%9C%8D+1"}`,
			want: taobao.Token{
				Token:         oauth2.Token{AccessToken: oaAccess1, TokenType: "Bearer", RefreshToken: oaRefresh1, Expiry: fakeNow.Add(2 * time.Hour), ExpiresIn: 7200},
				UserID:        oaUserID,
				UserNick:      oaNick,
				SubUserID:     "2200000000002",
				SubUserNick:   oaNick + ":客服 1",
				RefreshExpiry: fakeNow.Add(24 * time.Hour),
				R1Expiry:      fakeNow.Add(2 * time.Hour),
				R2Expiry:      fakeNow,
				W1Expiry:      fakeNow.Add(30 * time.Minute),
				W2Expiry:      fakeNow.Add(5 * time.Minute),
			},
		},
		{
			name: "absolute time wins over seconds",
			body: `{"access_token":"` + oaAccess1 + `","expires_in":60,"expire_time":"946688400000","r1_expires_in":60,"r1_valid":946688400000,
				"re_expires_in":60,"refresh_token_valid_time":0,"taobao_open_uid":"AAOpenUID"}`,
			want: taobao.Token{
				Token:         oauth2.Token{AccessToken: oaAccess1, Expiry: fakeNow.Add(time.Hour), ExpiresIn: 60},
				OpenUID:       "AAOpenUID",
				RefreshExpiry: fakeNow.Add(time.Minute), // a zero absolute time is no time
				R1Expiry:      fakeNow.Add(time.Hour),
			},
		},
		{
			name: "open_uid only, empty strings, integral float",
			body: `{"access_token":"` + oaAccess1 + `","expires_in":3600.0,"re_expires_in":"","taobao_user_id":null,"open_uid":"AAOnlyOpen"}`,
			want: taobao.Token{
				Token:   oauth2.Token{AccessToken: oaAccess1, Expiry: fakeNow.Add(time.Hour), ExpiresIn: 3600},
				OpenUID: "AAOnlyOpen",
			},
		},
		{
			name: "nick that is not validly escaped is kept",
			body: `{"access_token":"` + oaAccess1 + `","taobao_user_nick":"100%off"}`,
			want: taobao.Token{Token: oauth2.Token{AccessToken: oaAccess1}, UserNick: "100%off"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				require.True(t, time.Now().Equal(fakeNow))
				got, err := taobao.ParseToken([]byte(tt.body))
				require.NoError(t, err)
				assertTokenEqual(t, tt.want, *got)
			})
		})
	}
}

func TestParseTokenErrors(t *testing.T) {
	t.Parallel()
	at := `"access_token":"` + oaAccess1 + `"`
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, err error)
	}{
		{"oauth error", `{"error":"invalid_client","error_description":"client_secret is invalidate"}`, func(t *testing.T, err error) {
			var oe *taobao.OAuthError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, "invalid_client", oe.Code)
			assert.Equal(t, "client_secret is invalidate", oe.Description)
			assert.Equal(t, "taobao: oauth: invalid_client: client_secret is invalidate", err.Error())
		}},
		{"gateway error_response", `{"error_response":{"code":27,"msg":"Invalid session","sub_code":"invalid-sessionkey","request_id":"abc"}}`, func(t *testing.T, err error) {
			var ae *taobao.APIError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, 27, ae.Code)
			assert.Equal(t, "abc", ae.RequestID)
			assert.ErrorIs(t, err, taobao.ErrInvalidSession)
		}},
		{"not JSON", `<html>` + oaAccess1 + `</html>`, nil},
		{"truncated", `{` + at + `,"expires_in":72`, nil},
		{"no access_token", `{"token_type":"Bearer"}`, nil},
		{"empty access_token", `{"access_token":""}`, nil},
		{"access_token not a string", `{"access_token":{"a":1}}`, nil},
		{"expires_in not a number", `{` + at + `,"expires_in":"soon"}`, nil},
		{"expires_in negative", `{` + at + `,"expires_in":-5}`, nil},
		{"expires_in fractional", `{` + at + `,"expires_in":1.5}`, nil},
		{"expires_in huge", `{` + at + `,"expires_in":99999999999999}`, nil},
		{"expire_time after year 9999", `{` + at + `,"expire_time":253402300800000}`, nil},
		{"w2_valid not a number", `{` + at + `,"w2_valid":true}`, nil},
		{"user id of wrong type", `{` + at + `,"taobao_user_id":[1]}`, nil},
		{"token_result not a token", `{"top_auth_token_create_response":{"token_result":"{\"x\":1}"}}`, nil},
		{"token_result not JSON", `{"top_auth_token_create_response":{"token_result":"` + oaAccess1 + `"}}`, nil},
		{"empty", ``, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tok, err := taobao.ParseToken([]byte(tt.body))
			require.Error(t, err)
			assert.Nil(t, tok)
			assert.True(t, strings.HasPrefix(err.Error(), "taobao: "), err.Error())
			assertNoSecrets(t, err)
			if tt.check != nil {
				tt.check(t, err)
			}
		})
	}
}

func TestParseTokenValuesImplicitFragment(t *testing.T) {
	t.Parallel()
	raw := strings.Join(strings.Fields(string(readTestdata(t, "oauth.token.implicit-redirect-fragment.txt"))), "")
	u, err := url.Parse(raw)
	require.NoError(t, err)
	v, err := url.ParseQuery(u.Fragment)
	require.NoError(t, err)
	synctest.Test(t, func(t *testing.T) {
		got, err := taobao.ParseTokenValues(v)
		require.NoError(t, err)
		lifetime := 29080846 * time.Second
		assertTokenEqual(t, taobao.Token{
			Token:         oauth2.Token{AccessToken: oaSampleAT, TokenType: "Bearer", RefreshToken: oaSampleRT, Expiry: fakeNow.Add(lifetime), ExpiresIn: 29080846},
			UserID:        "394095089",
			UserNick:      "REDACTED_NICK",
			RefreshExpiry: fakeNow.Add(lifetime),
			R1Expiry:      fakeNow.Add(lifetime),
			R2Expiry:      fakeNow.Add(72 * time.Hour),
			W1Expiry:      fakeNow.Add(lifetime),
			W2Expiry:      fakeNow.Add(30 * time.Minute),
		}, *got)
		assert.Equal(t, int64(1212), got.Extra("state"))
		assert.Equal(t, "B343F21A32556656DD747B1B83DBF10D", got.Extra("top_sign"))
	})

	t.Run("nick is not decoded twice", func(t *testing.T) {
		got, err := taobao.ParseTokenValues(url.Values{"access_token": {oaAccess1}, "taobao_user_nick": {"a%2Bb+c"}})
		require.NoError(t, err)
		assert.Equal(t, "a%2Bb+c", got.UserNick)
	})
	t.Run("error", func(t *testing.T) {
		_, err := taobao.ParseTokenValues(url.Values{"error": {"access_denied"}, "error_description": {"authorize reject"}})
		assert.ErrorIs(t, err, taobao.ErrAccessDenied)
	})
	t.Run("no access_token", func(t *testing.T) {
		_, err := taobao.ParseTokenValues(url.Values{"state": {"1"}})
		assert.Error(t, err)
	})
}

func TestTokenJSONRoundTrip(t *testing.T) {
	t.Parallel()
	tok, err := taobao.ParseToken(readTestdata(t, "oauth.token.json"))
	require.NoError(t, err)
	b, err := json.Marshal(tok)
	require.NoError(t, err)
	var back taobao.Token
	require.NoError(t, json.Unmarshal(b, &back))
	assertTokenEqual(t, *tok, back)
}

func TestOAuthConfigValidate(t *testing.T) {
	t.Parallel()
	good := taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect}
	tests := []struct {
		name   string
		modify func(c *taobao.OAuthConfig)
		ok     bool
	}{
		{"defaults", func(c *taobao.OAuthConfig) {}, true},
		{"view tmall", func(c *taobao.OAuthConfig) { c.View = "tmall" }, true},
		{"view wap", func(c *taobao.OAuthConfig) { c.View = "wap" }, true},
		{"view web", func(c *taobao.OAuthConfig) { c.View = "web" }, true},
		{"oob redirect", func(c *taobao.OAuthConfig) { c.RedirectURL = "urn:ietf:wg:oauth:2.0:oob" }, true},
		{"no redirect", func(c *taobao.OAuthConfig) { c.RedirectURL = "" }, true},
		{"loopback http endpoints", func(c *taobao.OAuthConfig) {
			c.AuthURL, c.TokenURL = "http://127.0.0.1:8080/authorize", "http://localhost/token"
		}, true},
		{"unknown view", func(c *taobao.OAuthConfig) { c.View = "mobile" }, false},
		{"no key", func(c *taobao.OAuthConfig) { c.AppKey = "" }, false},
		{"no secret", func(c *taobao.OAuthConfig) { c.AppSecret = "" }, false},
		{"relative redirect", func(c *taobao.OAuthConfig) { c.RedirectURL = "/callback" }, false},
		{"http token URL", func(c *taobao.OAuthConfig) { c.TokenURL = "http://oauth.example.com/token" }, false},
		{"ftp auth URL", func(c *taobao.OAuthConfig) { c.AuthURL = "ftp://oauth.example.com/" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := good
			tt.modify(&c)
			err := c.Validate()
			if tt.ok {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assertNoSecrets(t, err)
		})
	}
}

func TestAuthCodeURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		conf     taobao.OAuthConfig
		wantBase string
		wantView string
	}{
		{"production default view", taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect}, taobao.DefaultAuthURL, "web"},
		{"custom endpoint tmall", taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect, View: "tmall",
			AuthURL: "http://127.0.0.1:9/authorize"}, "http://127.0.0.1:9/authorize", "tmall"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u, err := url.Parse(tt.conf.AuthCodeURL("st&ate=1"))
			require.NoError(t, err)
			q := u.Query()
			u.RawQuery = ""
			assert.Equal(t, tt.wantBase, u.String())
			assert.Equal(t, url.Values{
				"response_type": {"code"},
				"client_id":     {oaKey},
				"redirect_uri":  {oaRedirect},
				"state":         {"st&ate=1"},
				"view":          {tt.wantView},
			}, q)
		})
	}
	assert.Equal(t, "https://oauth.taobao.com/authorize", taobao.DefaultAuthURL)
	assert.Equal(t, "https://oauth.taobao.com/token", taobao.DefaultTokenURL)
}

func TestParseCallback(t *testing.T) {
	t.Parallel()
	conf := &taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect}
	const state = "state-7f6e5d4c"
	tests := []struct {
		name      string
		query     string
		wantCode  string
		wantIs    error
		wantCodeE string // the *OAuthError's Code
	}{
		{"good", "code=" + oaCode + "&state=" + state, oaCode, nil, ""},
		{"forged state", "code=" + oaCode + "&state=state-attacker", "", taobao.ErrOAuthState, "invalid_state"},
		{"missing state", "code=" + oaCode, "", taobao.ErrOAuthState, "invalid_state"},
		{"empty state", "code=" + oaCode + "&state=", "", taobao.ErrOAuthState, "invalid_state"},
		{"longer state", "code=" + oaCode + "&state=" + state + "x", "", taobao.ErrOAuthState, "invalid_state"},
		{"access denied", "error=access_denied&error_description=authorize%20reject&state=" + state, "", taobao.ErrAccessDenied, "access_denied"},
		{"access denied without state", "error=access_denied&error_description=authorize%20reject", "", taobao.ErrAccessDenied, "access_denied"},
		{"access denied with forged state", "error=access_denied&state=other", "", taobao.ErrOAuthState, "invalid_state"},
		{"other error", "error=invalid_client&error_description=bad+app&state=" + state, "", nil, "invalid_client"},
		{"no code", "state=" + state, "", nil, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodGet, oaRedirect+"?"+tt.query, nil)
			code, err := conf.ParseCallback(r, state)
			if tt.wantCodeE == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.wantCode, code)
				return
			}
			require.Error(t, err)
			assert.Empty(t, code)
			var oe *taobao.OAuthError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tt.wantCodeE, oe.Code)
			assert.Zero(t, oe.StatusCode)
			if tt.wantIs != nil {
				assert.ErrorIs(t, err, tt.wantIs)
			}
			for _, other := range []error{taobao.ErrOAuthState, taobao.ErrAccessDenied} {
				if other != tt.wantIs {
					assert.NotErrorIs(t, err, other)
				}
			}
			assert.True(t, strings.HasPrefix(err.Error(), "taobao: oauth: "), err.Error())
			assertNoSecrets(t, err)
			assert.NotContains(t, err.Error(), state)
		})
	}
	t.Run("no state to compare with", func(t *testing.T) {
		t.Parallel()
		r := httptest.NewRequest(http.MethodGet, oaRedirect+"?code="+oaCode, nil)
		_, err := conf.ParseCallback(r, "")
		assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
	})
}

// tokenEndpoint is a fake TOP token endpoint. It checks the client's
// credentials and the grant, and answers through respond when set.
type tokenEndpoint struct {
	t       *testing.T
	mu      sync.Mutex
	forms   []url.Values
	respond func(form url.Values) (status int, body string) // nil: the default behaviour
}

func (e *tokenEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	assert.Equal(e.t, http.MethodPost, r.Method)
	assert.Equal(e.t, "/token", r.URL.Path)
	assert.Empty(e.t, r.URL.RawQuery, "nothing may travel in the URL")
	assert.True(e.t, strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded"))
	_, _, hasBasic := r.BasicAuth()
	assert.False(e.t, hasBasic, "credentials go in the form")
	if !assert.NoError(e.t, r.ParseForm()) {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	e.mu.Lock()
	e.forms = append(e.forms, r.PostForm)
	respond := e.respond
	e.mu.Unlock()

	status, body := e.defaultAnswer(r.PostForm)
	if respond != nil {
		status, body = respond(r.PostForm)
	}
	if status == http.StatusTemporaryRedirect {
		// A 307 would replay the form, secret included, at the new place.
		w.Header().Set("Location", "/elsewhere")
	}
	// TOP's Java servers are known to label JSON as text/plain.
	w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func (e *tokenEndpoint) defaultAnswer(f url.Values) (int, string) {
	bad := func(code, desc string) (int, string) {
		return http.StatusBadRequest, fmt.Sprintf(`{"error":%q,"error_description":%q}`, code, desc)
	}
	if f.Get("client_id") != oaKey || f.Get("client_secret") != oaSecret {
		return bad("invalid_client", "client_secret is invalidate")
	}
	switch f.Get("grant_type") {
	case "authorization_code":
		if f.Get("code") != oaCode {
			return bad("invalid_grant", "authorize code expire")
		}
		if f.Get("redirect_uri") != oaRedirect {
			return bad("invalid_request", "redirect_uri is invalidate")
		}
		return http.StatusOK, tokenJSON(oaAccess1, oaRefresh1, 7200)
	case "refresh_token":
		if f.Get("refresh_token") != oaRefresh1 {
			return bad("invalid_grant", "refresh_token is invalid")
		}
		return http.StatusOK, tokenJSON(oaAccess2, oaRefresh2, 7200)
	}
	return bad("unsupported_grant_type", "grant_type")
}

func (e *tokenEndpoint) calls() []url.Values {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]url.Values(nil), e.forms...)
}

// countingTransport counts the requests that go through it.
type countingTransport struct {
	base http.RoundTripper
	mu   sync.Mutex
	n    int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return c.base.RoundTrip(r)
}

// newTokenServer starts the fake endpoint on loopback and returns a config
// aimed at it and a context that carries the server's HTTP client.
func newTokenServer(t *testing.T) (*tokenEndpoint, *taobao.OAuthConfig, context.Context, *countingTransport) {
	t.Helper()
	ep := &tokenEndpoint{t: t}
	srv := httptest.NewServer(ep)
	t.Cleanup(srv.Close)
	ct := &countingTransport{base: srv.Client().Transport}
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Transport: ct})
	conf := &taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect, View: "tmall",
		AuthURL: srv.URL + "/authorize", TokenURL: srv.URL + "/token"}
	return ep, conf, ctx, ct
}

func TestExchange(t *testing.T) {
	t.Parallel()
	ep, conf, ctx, ct := newTokenServer(t)
	before := time.Now()
	tok, err := conf.Exchange(ctx, oaCode)
	after := time.Now()
	require.NoError(t, err)

	assert.Equal(t, oaAccess1, tok.AccessToken)
	assert.Equal(t, oaRefresh1, tok.RefreshToken)
	assert.Equal(t, oaUserID, tok.UserID)
	assert.Equal(t, oaNick, tok.UserNick)
	assert.Equal(t, int64(7200), tok.ExpiresIn)
	assert.False(t, tok.Expiry.Before(before.Add(2*time.Hour)))
	assert.False(t, tok.Expiry.After(after.Add(2*time.Hour)))
	assert.False(t, tok.W2Expiry.Before(before.Add(5*time.Minute)))
	assert.False(t, tok.W2Expiry.After(after.Add(5*time.Minute)))
	assert.Equal(t, oaNickEnc, tok.Extra("taobao_user_nick"), "Extra keeps the raw answer")

	assert.Equal(t, 1, ct.n, "the HTTP client comes from ctx")
	calls := ep.calls()
	require.Len(t, calls, 1)
	assert.Equal(t, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {oaCode},
		"client_id":     {oaKey},
		"client_secret": {oaSecret},
		"redirect_uri":  {oaRedirect},
		"view":          {"tmall"},
	}, calls[0])
}

func TestRefresh(t *testing.T) {
	t.Parallel()
	ep, conf, ctx, _ := newTokenServer(t)
	tok, err := conf.Refresh(ctx, oaRefresh1)
	require.NoError(t, err)
	assert.Equal(t, oaAccess2, tok.AccessToken)
	assert.Equal(t, oaRefresh2, tok.RefreshToken)
	assert.Equal(t, oaNick, tok.UserNick)
	calls := ep.calls()
	require.Len(t, calls, 1)
	assert.Equal(t, url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {oaRefresh1},
		"client_id":     {oaKey},
		"client_secret": {oaSecret},
	}, calls[0])
}

func TestTokenEndpointErrors(t *testing.T) {
	t.Parallel()
	answer := func(status int, body string) func(url.Values) (int, string) {
		return func(url.Values) (int, string) { return status, body }
	}
	tests := []struct {
		name       string
		refresh    bool // call Refresh instead of Exchange
		code       string
		secret     string
		respond    func(url.Values) (int, string)
		wantStatus int    // 0: not an *OAuthError
		wantCode   string // the *OAuthError's Code
		retryable  bool
	}{
		{name: "expired code", code: "CODE-stale-1234567890", wantStatus: 400, wantCode: "invalid_grant"},
		{name: "wrong secret", code: oaCode, secret: "wrong-secret-0123456789", wantStatus: 400, wantCode: "invalid_client"},
		{name: "refused refresh", refresh: true, code: "6209RT-unknown-00000000000000000000000", wantStatus: 400, wantCode: "invalid_grant"},
		{name: "description echoes secrets", code: oaCode, wantStatus: 400, wantCode: "invalid_grant",
			respond: answer(400, `{"error":"invalid_grant","error_description":"code `+oaCode+` for secret `+oaSecret+` is used"}`)},
		{name: "refresh description echoes token", refresh: true, code: oaRefresh1, wantStatus: 401, wantCode: "invalid_token",
			respond: answer(401, `{"error":"invalid_token","error_description":"refresh_token `+oaRefresh1+` expired"}`)},
		{name: "proxy page", code: oaCode, wantStatus: 502, retryable: true,
			respond: answer(502, "<html><body>502 Bad Gateway "+oaCode+"</body></html>")},
		{name: "redirect is not followed", code: oaCode, wantStatus: 307, respond: answer(307, "")},
		{name: "rate limited", code: oaCode, wantStatus: 429, retryable: true, respond: answer(429, "")},
		{name: "error with 200", code: oaCode, wantStatus: 200, wantCode: "invalid_grant",
			respond: answer(200, `{"error":"invalid_grant","error_description":"authorize code expire"}`)},
		{name: "truncated token", code: oaCode, respond: answer(200, tokenJSON(oaAccess1, oaRefresh1, 7200)[:150])},
		{name: "token without access_token", code: oaCode, respond: answer(200, `{"refresh_token":"`+oaRefresh1+`"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ep, conf, ctx, _ := newTokenServer(t)
			ep.respond = tt.respond
			if tt.secret != "" {
				conf.AppSecret = tt.secret
			}
			var err error
			var tok *taobao.Token
			if tt.refresh {
				tok, err = conf.Refresh(ctx, tt.code)
			} else {
				tok, err = conf.Exchange(ctx, tt.code)
			}
			require.Error(t, err)
			assert.Nil(t, tok)
			assert.True(t, strings.HasPrefix(err.Error(), "taobao: oauth: "), err.Error())
			assertNoSecrets(t, err)
			assert.NotContains(t, err.Error(), tt.code)
			if tt.secret != "" {
				assert.NotContains(t, err.Error(), tt.secret)
			}
			var oe *taobao.OAuthError
			if tt.wantStatus == 0 {
				assert.False(t, errors.As(err, &oe), "want a decoding error, got %v", err)
				return
			}
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tt.wantStatus, oe.StatusCode)
			assert.Equal(t, tt.wantCode, oe.Code)
			assert.Equal(t, tt.retryable, taobao.IsRetryable(err))
			assert.NotContains(t, oe.Description, oaSecret)
		})
	}
}

func TestExchangeRejectsBadInput(t *testing.T) {
	t.Parallel()
	_, conf, ctx, ct := newTokenServer(t)
	tests := []struct {
		name string
		run  func() error
	}{
		{"empty code", func() error { _, err := conf.Exchange(ctx, ""); return err }},
		{"empty refresh token", func() error { _, err := conf.Refresh(ctx, ""); return err }},
		{"no redirect", func() error {
			c := *conf
			c.RedirectURL = ""
			_, err := c.Exchange(ctx, oaCode)
			return err
		}},
		{"bad view", func() error {
			c := *conf
			c.View = "pc"
			_, err := c.Exchange(ctx, oaCode)
			return err
		}},
		{"plain http token URL", func() error {
			c := *conf
			c.TokenURL = "http://oauth.example.com/token"
			_, err := c.Refresh(ctx, oaRefresh1)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assertNoSecrets(t, err)
		})
	}
	assert.Zero(t, ct.n, "nothing was sent")
}

func TestExchangeContextCanceled(t *testing.T) {
	t.Parallel()
	_, conf, ctx, _ := newTokenServer(t)
	ctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err := conf.Exchange(ctx, oaCode)
	assert.ErrorIs(t, err, context.Canceled)
	assertNoSecrets(t, err)
}

// inProcessToken is an http.RoundTripper that serves requests with a handler in
// the calling goroutine, so that synctest bubbles hold no network I/O.
type inProcessToken struct {
	h http.Handler
	n int
}

func (p *inProcessToken) RoundTrip(r *http.Request) (*http.Response, error) {
	p.n++
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	rec := httptest.NewRecorder()
	p.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// newInProcessEndpoint returns the fake endpoint wired into a context's
// HTTP client without a network, and a config aimed at it.
func newInProcessEndpoint(t *testing.T) (*tokenEndpoint, *inProcessToken, *taobao.OAuthConfig, context.Context) {
	ep := &tokenEndpoint{t: t}
	tr := &inProcessToken{h: ep}
	ctx := context.WithValue(t.Context(), oauth2.HTTPClient, &http.Client{Transport: tr})
	conf := &taobao.OAuthConfig{AppKey: oaKey, AppSecret: oaSecret, RedirectURL: oaRedirect, TokenURL: "https://oauth.example.test/token"}
	return ep, tr, conf, ctx
}

func TestExchangeExpiryFromNow(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		_, tr, conf, ctx := newInProcessEndpoint(t)
		time.Sleep(90 * time.Minute) // a fake clock: returns at once
		tok, err := conf.Exchange(ctx, oaCode)
		require.NoError(t, err)
		assert.Equal(t, 1, tr.n)
		start := fakeNow.Add(90 * time.Minute)
		assertTokenEqual(t, taobao.Token{
			Token:         oauth2.Token{AccessToken: oaAccess1, TokenType: "Bearer", RefreshToken: oaRefresh1, Expiry: start.Add(2 * time.Hour), ExpiresIn: 7200},
			UserID:        oaUserID,
			UserNick:      oaNick,
			RefreshExpiry: start.Add(24 * time.Hour),
			R1Expiry:      start.Add(2 * time.Hour),
			R2Expiry:      start,
			W1Expiry:      start.Add(30 * time.Minute),
			W2Expiry:      start.Add(5 * time.Minute),
		}, *tok)
	})
}

func TestTokenSourceRefreshesBeforeExpiry(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ep, tr, conf, ctx := newInProcessEndpoint(t)
		first := &taobao.Token{
			Token:    oauth2.Token{AccessToken: oaAccess1, RefreshToken: oaRefresh1, Expiry: fakeNow.Add(time.Hour)},
			UserNick: oaNick,
		}
		ts := conf.TokenSource(ctx, first)

		got, err := ts.Token()
		require.NoError(t, err)
		assert.Equal(t, oaAccess1, got.AccessToken)

		// Just before the early-expiry margin: the session is still used.
		time.Sleep(time.Hour - time.Minute - time.Second)
		got, err = ts.Token()
		require.NoError(t, err)
		assert.Equal(t, oaAccess1, got.AccessToken)
		assert.Zero(t, tr.n)

		// Within the margin: refreshed once, then reused.
		time.Sleep(2 * time.Second)
		for range 3 {
			got, err = ts.Token()
			require.NoError(t, err)
			assert.Equal(t, oaAccess2, got.AccessToken)
			assert.Equal(t, oaRefresh2, got.RefreshToken)
			assert.True(t, got.Expiry.Equal(time.Now().Add(2*time.Hour)))
		}
		assert.Equal(t, 1, tr.n)
		require.Len(t, ep.calls(), 1)
		assert.Equal(t, "refresh_token", ep.calls()[0].Get("grant_type"))
		assert.Equal(t, oaRefresh1, ep.calls()[0].Get("refresh_token"))
		assert.Equal(t, oaNickEnc, got.Extra("taobao_user_nick"))

		// The caller's token was not modified.
		assert.Equal(t, oaAccess1, first.AccessToken)

		// The next refresh uses the rotated refresh token.
		ep.respond = func(f url.Values) (int, string) {
			assert.Equal(t, oaRefresh2, f.Get("refresh_token"))
			return http.StatusOK, `{"access_token":"6205AT-third","expires_in":7200}`
		}
		time.Sleep(2 * time.Hour)
		got, err = ts.Token()
		require.NoError(t, err)
		assert.Equal(t, "6205AT-third", got.AccessToken)
		assert.Equal(t, oaRefresh2, got.RefreshToken, "a refresh that does not rotate keeps the refresh token")
	})
}

func TestTokenSourceCannotRefresh(t *testing.T) {
	t.Parallel()
	expiredAt := fakeNow.Add(-time.Second)
	tests := []struct {
		name      string
		tok       *taobao.Token
		respond   func(url.Values) (int, string)
		wantCalls int
		invalid   bool // want ErrInvalidSession
		wantOAuth bool // want an *OAuthError inside
		wantName  string
	}{
		{
			name:     "no refresh token",
			tok:      &taobao.Token{Token: oauth2.Token{AccessToken: oaAccess1, Expiry: expiredAt}, UserNick: oaNick, UserID: oaUserID},
			invalid:  true,
			wantName: `"` + oaNick + `"`,
		},
		{
			name: "refresh token expired",
			tok: &taobao.Token{Token: oauth2.Token{AccessToken: oaAccess1, RefreshToken: oaRefresh1, Expiry: expiredAt},
				RefreshExpiry: expiredAt, UserID: oaUserID},
			invalid:  true,
			wantName: "id " + oaUserID,
		},
		{
			name:     "nil token",
			invalid:  true,
			wantName: "(unknown)",
		},
		{
			name: "refresh refused",
			tok: &taobao.Token{Token: oauth2.Token{AccessToken: oaAccess1, RefreshToken: oaRefresh1, Expiry: expiredAt},
				OpenUID: "AAOpen"},
			respond: func(url.Values) (int, string) {
				return 400, `{"error":"invalid_grant","error_description":"refresh not allowed for ` + oaRefresh1 + `"}`
			},
			wantCalls: 1, invalid: true, wantOAuth: true, wantName: "open_uid AAOpen",
		},
		{
			name: "endpoint down",
			tok: &taobao.Token{Token: oauth2.Token{AccessToken: oaAccess1, RefreshToken: oaRefresh1, Expiry: expiredAt},
				UserNick: oaNick},
			respond:   func(url.Values) (int, string) { return 503, "busy" },
			wantCalls: 1, invalid: false, wantOAuth: true, wantName: `"` + oaNick + `"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				ep, tr, conf, ctx := newInProcessEndpoint(t)
				ep.respond = tt.respond
				got, err := conf.TokenSource(ctx, tt.tok).Token()
				require.Error(t, err)
				assert.Nil(t, got)
				assert.Equal(t, tt.wantCalls, tr.n)
				assert.Equal(t, tt.invalid, errors.Is(err, taobao.ErrInvalidSession), err.Error())
				var oe *taobao.OAuthError
				assert.Equal(t, tt.wantOAuth, errors.As(err, &oe))
				assert.Equal(t, !tt.invalid, taobao.IsRetryable(err))
				assert.Contains(t, err.Error(), "seller "+tt.wantName)
				assertNoSecrets(t, err)
			})
		})
	}
}

func TestOAuthErrorText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  taobao.OAuthError
		want string
	}{
		{taobao.OAuthError{StatusCode: 400, Code: "invalid_client", Description: "client_secret is invalidate"},
			"taobao: oauth: invalid_client: client_secret is invalidate (HTTP 400)"},
		{taobao.OAuthError{Code: "access_denied"}, "taobao: oauth: access_denied"},
		{taobao.OAuthError{StatusCode: 502, Description: "unexpected answer"}, "taobao: oauth: HTTP 502: unexpected answer"},
		{taobao.OAuthError{}, "taobao: oauth: error"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
}

// TestClientRefreshesRejectedSession runs a Client against the fake gateway
// with an OAuth token source whose session the gateway has revoked before
// its expiry.
func TestClientRefreshesRejectedSession(t *testing.T) {
	t.Parallel()
	const seller = "seller-a"
	tests := []struct {
		name         string
		refreshToken string
		refused      bool // the token endpoint refuses the refresh
		wantOK       bool
		wantGateway  int // calls that reached the gateway's method
		wantRefresh  int // calls to the token endpoint
	}{
		{name: "refreshed and called again", refreshToken: oaRefresh1, wantOK: true, wantGateway: 2, wantRefresh: 1},
		{name: "no refresh token", wantGateway: 1},
		{name: "refresh refused", refreshToken: oaRefresh1, refused: true, wantGateway: 1, wantRefresh: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			gw := taobaotest.NewServer()
			t.Cleanup(gw.Close)
			gw.Handle("taobao.user.seller.get", func(r *taobaotest.Request) (any, error) {
				return map[string]any{"user": map[string]string{"nick": r.Seller}}, nil
			})
			revoked := gw.NewSession(seller)
			gw.ExpireSession(revoked)

			ep, tr, conf, ctx := newInProcessEndpoint(t)
			ep.respond = func(f url.Values) (int, string) {
				if tt.refused {
					return http.StatusBadRequest, `{"error":"invalid_grant","error_description":"refresh_token is invalid"}`
				}
				assert.Equal(t, oaRefresh1, f.Get("refresh_token"))
				return http.StatusOK, tokenJSON(gw.NewSession(seller), oaRefresh2, 7200)
			}
			ts := conf.TokenSource(ctx, &taobao.Token{
				Token:    oauth2.Token{AccessToken: revoked, RefreshToken: tt.refreshToken, Expiry: time.Now().Add(time.Hour)},
				UserNick: seller,
			})
			c := gw.Client("", taobao.WithTokenSource(ts))

			var out struct {
				User struct {
					Nick string `json:"nick"`
				} `json:"user"`
			}
			err := c.Call(ctx, "taobao.user.seller.get", nil, &out)
			assert.Equal(t, tt.wantGateway, gw.Calls("taobao.user.seller.get"))
			assert.Equal(t, tt.wantRefresh, tr.n)
			if !tt.wantOK {
				require.Error(t, err)
				assert.ErrorIs(t, err, taobao.ErrInvalidSession)
				assert.NotContains(t, err.Error(), revoked)
				assertNoSecrets(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, seller, out.User.Nick)

			// The refreshed session is reused without another refresh.
			require.NoError(t, c.Call(ctx, "taobao.user.seller.get", nil, &out))
			assert.Equal(t, 3, gw.Calls("taobao.user.seller.get"))
			assert.Equal(t, 1, tr.n)
		})
	}
}

func FuzzParseToken(f *testing.F) {
	for _, name := range []string{"oauth.token.json", "taobao.top.auth.token.create.json", "taobao.top.auth.token.create.token_result-2019.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(tokenJSON(oaAccess1, oaRefresh1, 7200)))
	f.Add([]byte(`{"access_token":"` + oaAccess1 + `","expires_in":"7x"}`))
	f.Add([]byte(`{"error":"invalid_grant","error_description":"authorize code expire"}`))
	f.Add([]byte(`"{\"access_token\":\"a\"}"`))
	f.Fuzz(func(t *testing.T, body []byte) {
		tok, err := taobao.ParseToken(body)
		if err == nil {
			require.NotNil(t, tok)
			require.NotEmpty(t, tok.AccessToken)
			return
		}
		require.Nil(t, tok)
		// A parsing failure never shows the token it was given.
		var fields struct {
			AccessToken  any `json:"access_token"`
			RefreshToken any `json:"refresh_token"`
		}
		var oe *taobao.OAuthError
		var ae *taobao.APIError
		if json.Unmarshal(body, &fields) != nil || errors.As(err, &oe) || errors.As(err, &ae) {
			return
		}
		for _, v := range []any{fields.AccessToken, fields.RefreshToken} {
			if s, ok := v.(string); ok && len(s) >= 8 {
				assert.NotContains(t, err.Error(), s)
			}
		}
	})
}

// Against the fake gateway's OAuth side (taobaotest).

const (
	tbSellerGet    = "taobao.user.seller.get"
	tbTokenCreate  = "taobao.top.auth.token.create"
	tbTokenRefresh = "taobao.top.auth.token.refresh"
	tbStateCookie  = "oauth_state"
)

// newOAuthGateway starts a fake gateway with a method that needs a session
// and answers the nick of the seller the session belongs to.
func newOAuthGateway(t *testing.T, opts ...taobaotest.Option) *taobaotest.Server {
	t.Helper()
	srv := taobaotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	srv.Handle(tbSellerGet, func(r *taobaotest.Request) (any, error) {
		return map[string]any{"user": map[string]string{"nick": r.Seller}}, nil
	})
	return srv
}

// sellerNick calls tbSellerGet with c and returns the nick it answers.
func sellerNick(ctx context.Context, c *taobao.Client) (string, error) {
	var out struct {
		User struct {
			Nick string `json:"nick"`
		} `json:"user"`
	}
	err := c.Call(ctx, tbSellerGet, nil, &out)
	return out.User.Nick, err
}

// randomState is an unguessable state for one login.
func randomState(t *testing.T) string {
	t.Helper()
	b := make([]byte, 16)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return hex.EncodeToString(b)
}

// TestWebFlowAgainstFakeGateway walks the authorization as a browser does,
// with a cookie jar and following redirects, through a minimal app built
// on OAuthConfig: its /login sets a state cookie and sends the browser to
// the authorization page, which sends it back to /callback, where the app
// checks the state, exchanges the code and calls the gateway with the new
// session.
func TestWebFlowAgainstFakeGateway(t *testing.T) {
	t.Parallel()
	const nick = "测试 店铺"
	gw := newOAuthGateway(t, taobaotest.WithAuthorizeSeller(nick))
	app := httptest.NewUnstartedServer(nil)
	conf := gw.OAuthConfig("http://" + app.Listener.Addr().String() + "/callback")
	require.NoError(t, conf.Validate())

	var tokens []*taobao.Token // what the app got, to check that no page shows it
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		state := randomState(t)
		http.SetCookie(w, &http.Cookie{Name: tbStateCookie, Value: state, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		http.Redirect(w, r, conf.AuthCodeURL(state), http.StatusFound)
	})
	mux.HandleFunc("GET /callback", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(tbStateCookie)
		if !assert.NoError(t, err, "the browser brings the state cookie back") {
			http.Error(w, "no state", http.StatusBadRequest)
			return
		}
		assert.Equal(t, c.Value, r.URL.Query().Get("state"))
		code, err := conf.ParseCallback(r, c.Value)
		if !assert.NoError(t, err) {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		tok, err := conf.Exchange(r.Context(), code)
		if !assert.NoError(t, err) {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		mu.Lock()
		tokens = append(tokens, tok)
		mu.Unlock()
		got, err := sellerNick(r.Context(), gw.Client(tok.AccessToken))
		if !assert.NoError(t, err) {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "authorized by %s until %s", got, tok.Expiry.UTC().Format(time.RFC3339))
	})
	app.Config.Handler = mux
	app.Start()
	t.Cleanup(app.Close)

	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	var hops []string
	browser := &http.Client{Jar: jar, CheckRedirect: func(r *http.Request, via []*http.Request) error {
		hops = append(hops, r.URL.Path)
		return nil
	}}
	resp, err := browser.Get(app.URL + "/login")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Equal(t, []string{"/authorize", "/callback"}, hops)
	assert.Contains(t, string(body), "authorized by "+nick+" until ")

	require.Len(t, tokens, 1)
	tok := tokens[0]
	assert.Equal(t, nick, tok.UserNick)
	assert.NotEmpty(t, tok.UserID)
	assert.WithinDuration(t, time.Now().Add(taobaotest.DefaultTokenTTL), tok.Expiry, time.Minute)
	assert.WithinDuration(t, time.Now().Add(taobaotest.DefaultRefreshTTL), tok.RefreshExpiry, time.Minute)
	for _, s := range []string{tok.AccessToken, tok.RefreshToken, gw.AppSecret} {
		assert.NotContains(t, string(body), s)
	}
	assert.Equal(t, 1, gw.TokenRequests("authorization_code"))
	assert.Equal(t, 1, gw.Calls(tbSellerGet))
}

// callbackRequest sends a browser to the fake authorization page for
// state and returns the request it is redirected to, as the app's
// callback receives it.
func callbackRequest(t *testing.T, conf *taobao.OAuthConfig, state string) *http.Request {
	t.Helper()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(conf.AuthCodeURL(state))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusFound, resp.StatusCode)
	return httptest.NewRequest(http.MethodGet, resp.Header.Get("Location"), nil)
}

func TestCallbackAndExchangeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []taobaotest.Option
		// run goes from the authorization page to the error, and returns
		// what the error must not show besides the app secret.
		run        func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error)
		wantIs     error
		wantCode   string // the *OAuthError's code
		wantStatus int    // the *OAuthError's HTTP status
	}{
		{
			name: "forged state",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				r := callbackRequest(t, conf, "state-the-attacker-chose")
				_, err := conf.ParseCallback(r, randomState(t))
				return []string{r.URL.Query().Get("code")}, err
			},
			wantIs: taobao.ErrOAuthState, wantCode: "invalid_state",
		},
		{
			name: "state of an earlier login",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				first := randomState(t)
				old := callbackRequest(t, conf, first)
				_, err := conf.ParseCallback(old, first)
				require.NoError(t, err)
				// The old callback is replayed while the browser is in a new login.
				_, err = conf.ParseCallback(old, randomState(t))
				return []string{old.URL.Query().Get("code")}, err
			},
			wantIs: taobao.ErrOAuthState, wantCode: "invalid_state",
		},
		{
			name: "callback without state",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				r := callbackRequest(t, conf, "")
				require.False(t, r.URL.Query().Has("state"))
				_, err := conf.ParseCallback(r, randomState(t))
				return []string{r.URL.Query().Get("code")}, err
			},
			wantIs: taobao.ErrOAuthState, wantCode: "invalid_state",
		},
		{
			name: "denied",
			opts: []taobaotest.Option{taobaotest.WithDenyAuthorization()},
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				state := randomState(t)
				_, err := conf.ParseCallback(callbackRequest(t, conf, state), state)
				return nil, err
			},
			wantIs: taobao.ErrAccessDenied, wantCode: "access_denied",
		},
		{
			name: "reused code",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				state := randomState(t)
				code, err := conf.ParseCallback(callbackRequest(t, conf, state), state)
				require.NoError(t, err)
				tok, err := conf.Exchange(context.Background(), code)
				require.NoError(t, err)
				_, err = conf.Exchange(context.Background(), code)
				return []string{code, tok.AccessToken, tok.RefreshToken}, err
			},
			wantCode: "invalid_grant", wantStatus: http.StatusBadRequest,
		},
		{
			name: "expired code",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				state := randomState(t)
				code, err := conf.ParseCallback(callbackRequest(t, conf, state), state)
				require.NoError(t, err)
				gw.Advance(11 * time.Minute)
				_, err = conf.Exchange(context.Background(), code)
				return []string{code}, err
			},
			wantCode: "invalid_grant", wantStatus: http.StatusBadRequest,
		},
		{
			name: "forged code",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				_, err := conf.Exchange(context.Background(), "code-the-attacker-made")
				return []string{"code-the-attacker-made"}, err
			},
			wantCode: "invalid_grant", wantStatus: http.StatusBadRequest,
		},
		{
			name: "wrong app secret",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				state := randomState(t)
				code, err := conf.ParseCallback(callbackRequest(t, conf, state), state)
				require.NoError(t, err)
				wrong := *conf
				wrong.AppSecret = "not-the-secret-0123"
				_, err = wrong.Exchange(context.Background(), code)
				return []string{code, wrong.AppSecret}, err
			},
			wantCode: "invalid_client", wantStatus: http.StatusBadRequest,
		},
		{
			name: "spent refresh token",
			run: func(t *testing.T, gw *taobaotest.Server, conf *taobao.OAuthConfig) ([]string, error) {
				tok, err := conf.Exchange(context.Background(), gw.NewAuthCode("s", conf.RedirectURL))
				require.NoError(t, err)
				tok2, err := conf.Refresh(context.Background(), tok.RefreshToken)
				require.NoError(t, err)
				_, err = conf.Refresh(context.Background(), tok.RefreshToken)
				return []string{tok.AccessToken, tok.RefreshToken, tok2.AccessToken, tok2.RefreshToken}, err
			},
			wantCode: "invalid_grant", wantStatus: http.StatusBadRequest,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			gw := newOAuthGateway(t, tt.opts...)
			conf := gw.OAuthConfig("https://isv.example.com/taobao/callback")
			secrets, err := tt.run(t, gw, conf)
			require.Error(t, err)
			var oe *taobao.OAuthError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tt.wantCode, oe.Code)
			assert.Equal(t, tt.wantStatus, oe.StatusCode)
			if tt.wantIs != nil {
				assert.ErrorIs(t, err, tt.wantIs)
			}
			for _, other := range []error{taobao.ErrOAuthState, taobao.ErrAccessDenied} {
				if other != tt.wantIs {
					assert.NotErrorIs(t, err, other)
				}
			}
			for _, s := range append(secrets, gw.AppSecret) {
				if s != "" {
					assert.NotContains(t, err.Error(), s)
				}
			}
		})
	}
}

// TestSessionExpiresMidRun runs a seller's calls over hours of fake time
// with a TokenSource from the fake token endpoint, whose sessions last an
// hour on the server's clock. The session is refreshed once, and every
// call succeeds.
func TestSessionExpiresMidRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		// between runs between two calls: it moves time, or kills the
		// session on the server's side only.
		between      func(gw *taobaotest.Server, i int)
		calls        int
		wantAttempts int // calls that reached the gateway
	}{
		{
			// The source sees the expiry coming and refreshes before a call.
			name:         "expiry on schedule",
			between:      func(*taobaotest.Server, int) { time.Sleep(5 * time.Minute) },
			calls:        18, // 85 minutes
			wantAttempts: 18,
		},
		{
			// The gateway rejects the session early (the server's clock is
			// ahead): the client refreshes after the rejection and calls again.
			name: "expiry the client did not expect",
			between: func(gw *taobaotest.Server, i int) {
				if i == 3 {
					gw.Advance(time.Hour)
				}
			},
			calls:        6,
			wantAttempts: 7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			gw := newOAuthGateway(t, taobaotest.WithTokenTTL(time.Hour, 0))
			synctest.Test(t, func(t *testing.T) {
				hc := &http.Client{Transport: gw.Transport()}
				ctx := context.WithValue(t.Context(), oauth2.HTTPClient, hc)
				conf := gw.OAuthConfig("https://isv.example.com/cb")
				tok, err := conf.Exchange(ctx, gw.NewAuthCode("shop", conf.RedirectURL))
				require.NoError(t, err)
				require.True(t, tok.Expiry.Equal(time.Now().Add(time.Hour)))

				var logs bytes.Buffer
				logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
				c := gw.Client("", taobao.WithHTTPClient(hc), taobao.WithTokenSource(conf.TokenSource(ctx, tok)), taobao.WithLogger(logger))
				for i := range tt.calls {
					nick, err := sellerNick(ctx, c)
					require.NoError(t, err, "call %d", i)
					assert.Equal(t, "shop", nick)
					tt.between(gw, i)
				}
				assert.Equal(t, 1, gw.TokenRequests("refresh_token"), "refreshed once")
				assert.Equal(t, tt.wantAttempts, gw.Calls(tbSellerGet))
				assert.NotContains(t, logs.String(), tok.AccessToken)
				assert.NotContains(t, logs.String(), tok.RefreshToken)
				assert.NotContains(t, logs.String(), gw.AppSecret)
			})
		})
	}
}

func TestCreateAndRefreshTokenThroughGateway(t *testing.T) {
	t.Parallel()
	gw := newOAuthGateway(t, taobaotest.WithTokenTTL(2*time.Hour, 24*time.Hour))
	dead := gw.NewSession("someone")
	gw.ExpireSession(dead)
	// The client's own session is dead: the token methods do not send it.
	c := gw.Client(dead)
	ctx := context.Background()

	before := time.Now()
	tok, err := c.CreateToken(ctx, gw.NewAuthCode("店铺 B", "https://isv.example.com/cb"))
	require.NoError(t, err)
	assert.Equal(t, "店铺 B", tok.UserNick)
	assert.NotEmpty(t, tok.UserID)
	assert.NotEmpty(t, tok.RefreshToken)
	assert.Equal(t, int64(7200), tok.ExpiresIn)
	assert.WithinDuration(t, before.Add(2*time.Hour), tok.Expiry, 5*time.Second)
	assert.WithinDuration(t, before.Add(24*time.Hour), tok.RefreshExpiry, 5*time.Second)
	nick, err := sellerNick(ctx, gw.Client(tok.AccessToken))
	require.NoError(t, err)
	assert.Equal(t, "店铺 B", nick)

	tok2, err := c.RefreshToken(ctx, tok.RefreshToken)
	require.NoError(t, err)
	assert.NotEqual(t, tok.AccessToken, tok2.AccessToken)
	assert.Equal(t, "店铺 B", tok2.UserNick)
	nick, err = sellerNick(ctx, gw.Client(tok2.AccessToken))
	require.NoError(t, err)
	assert.Equal(t, "店铺 B", nick)

	for _, call := range gw.CallLog() {
		if call.Method == tbTokenCreate || call.Method == tbTokenRefresh {
			assert.False(t, call.Params.Has("session"), "%s sent a session", call.Method)
		}
	}
	assert.Equal(t, 1, gw.Calls(tbTokenCreate))
	assert.Equal(t, 1, gw.Calls(tbTokenRefresh))
	assert.Zero(t, gw.TokenRequests(""))

	// Refusals: spent code and refresh token, empty arguments.
	_, err = c.RefreshToken(ctx, tok.RefreshToken)
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, tbTokenRefresh, apiErr.Method)
	assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.NotContains(t, err.Error(), tok.RefreshToken)

	_, err = c.CreateToken(ctx, "")
	assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
	_, err = c.RefreshToken(ctx, "")
	assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.Equal(t, 1, gw.Calls(tbTokenCreate), "empty arguments are refused before calling")
}

// TestGatewayTokenErrorsHoldNoSecret feeds the token methods answers that
// quote the code or hold a token, and checks that the errors show neither.
func TestGatewayTokenErrorsHoldNoSecret(t *testing.T) {
	t.Parallel()
	const code = "CODE-0123456789abcdef"
	tokenResult := func(inner string) string {
		b, err := json.Marshal(inner)
		require.NoError(t, err)
		return `{"top_auth_token_create_response":{"token_result":` + string(b) + `,"request_id":"abc"}}`
	}
	tests := []struct {
		name    string
		setup   func(gw *taobaotest.Server)
		check   func(t *testing.T, err error)
		secrets []string
	}{
		{
			name: "refusal quoting the code",
			setup: func(gw *taobaotest.Server) {
				gw.HandleApp(tbTokenCreate, func(r *taobaotest.Request) (any, error) {
					return nil, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isv.invalid-parameter:code",
						SubMsg: "code " + r.Params.Get("code") + " is invalid"}
				})
			},
			check: func(t *testing.T, err error) {
				var apiErr *taobao.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, "code [REDACTED] is invalid", apiErr.SubMsg)
				assert.NotEmpty(t, apiErr.RequestID)
				assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
			},
			secrets: []string{code},
		},
		{
			name: "answer cut short",
			setup: func(gw *taobaotest.Server) {
				body := tokenResult(tokenJSON(oaAccess1, oaRefresh1, 7200))
				gw.HandleRaw(tbTokenCreate, []byte(body[:len(body)*3/4]))
			},
			check: func(t *testing.T, err error) {
				// token.create is a write: the code may have been spent.
				var de *taobao.DecodeError
				require.ErrorAs(t, err, &de)
				assert.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.False(t, taobao.IsRetryable(err))
			},
			secrets: []string{oaAccess1, oaRefresh1},
		},
		{
			name: "answer that is not JSON",
			setup: func(gw *taobaotest.Server) {
				gw.HandleRaw(tbTokenCreate, []byte("<html>access_token="+oaAccess1+"</html>"))
			},
			check: func(t *testing.T, err error) {
				var he *taobao.HTTPError
				require.ErrorAs(t, err, &he)
			},
			secrets: []string{oaAccess1},
		},
		{
			name: "token_result that is an OAuth error quoting the code",
			setup: func(gw *taobaotest.Server) {
				gw.HandleRaw(tbTokenCreate, []byte(tokenResult(`{"error":"invalid_grant","error_description":"code `+code+` expired"}`)))
			},
			check: func(t *testing.T, err error) {
				var oe *taobao.OAuthError
				require.ErrorAs(t, err, &oe)
				assert.Equal(t, "invalid_grant", oe.Code)
			},
			secrets: []string{code},
		},
		{
			name: "token_result with a bad lifetime",
			setup: func(gw *taobaotest.Server) {
				gw.HandleRaw(tbTokenCreate, []byte(tokenResult(`{"access_token":"`+oaAccess1+`","refresh_token":"`+oaRefresh1+`","expires_in":"7x"}`)))
			},
			check: func(t *testing.T, err error) {
				assert.Contains(t, err.Error(), "expires_in")
			},
			secrets: []string{oaAccess1, oaRefresh1},
		},
		{
			name: "no token_result",
			setup: func(gw *taobaotest.Server) {
				gw.HandleApp(tbTokenCreate, func(*taobaotest.Request) (any, error) { return nil, nil })
			},
			check: func(t *testing.T, err error) {
				assert.Contains(t, err.Error(), "no token_result")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			gw := newOAuthGateway(t)
			tt.setup(gw)
			tok, err := gw.Client("").CreateToken(context.Background(), code)
			require.Error(t, err)
			assert.Nil(t, tok)
			assert.Contains(t, err.Error(), tbTokenCreate)
			tt.check(t, err)
			for _, s := range append(tt.secrets, gw.AppSecret) {
				assert.NotContains(t, err.Error(), s)
			}
		})
	}
}
func TestTokenMethodLogsHoldNoSecret(t *testing.T) {
	const code = "CODE-0123456789abcdef"
	body := `{"top_auth_token_create_response":{"token_result":"{\"access_token\":\"` + oaAccess1 + `\",\"refresh_token\":\"` + oaRefresh1 + `\"}","request_id":"abc"}}`
	for name, setup := range map[string]func(gw *taobaotest.Server){
		"echo": func(gw *taobaotest.Server) {
			gw.HandleApp(tbTokenCreate, func(r *taobaotest.Request) (any, error) {
				return nil, &taobao.APIError{Code: 15, SubCode: "isv.invalid-parameter:code", SubMsg: "code " + r.Params.Get("code") + " is invalid"}
			})
		},
		"truncated": func(gw *taobaotest.Server) { gw.HandleRaw(tbTokenCreate, []byte(body[:len(body)-8])) },
		"not json":  func(gw *taobaotest.Server) { gw.HandleRaw(tbTokenCreate, []byte("<html>"+oaAccess1+"</html>")) },
	} {
		t.Run(name, func(t *testing.T) {
			gw := newOAuthGateway(t)
			setup(gw)
			var logs bytes.Buffer
			c := gw.Client("", taobao.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
			_, err := c.CreateToken(context.Background(), code)
			assert.Error(t, err)
			for _, s := range []string{code, oaAccess1, oaRefresh1} {
				assert.NotContains(t, logs.String(), s)
			}
		})
	}
}

func TestTokenNeverPrintsItsSecrets(t *testing.T) {
	t.Parallel()
	tok := &taobao.Token{UserNick: "店铺", Token: oauth2.Token{AccessToken: "6201-access-secret", RefreshToken: "6202-refresh-secret",
		Expiry: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}}
	var logs bytes.Buffer
	slog.New(slog.NewTextHandler(&logs, nil)).Info("token", "tok", tok, "val", *tok)
	for _, s := range []string{fmt.Sprint(tok), fmt.Sprintf("%+v", tok), fmt.Sprintf("%#v", *tok), fmt.Sprintf("%s", tok), tok.String(), logs.String()} {
		assert.NotContains(t, s, "access-secret")
		assert.NotContains(t, s, "refresh-secret")
		assert.Contains(t, s, "店铺")
	}
	assert.Equal(t, `taobao.Token{seller "店铺", expires 2024-01-02 11:04:05 GMT+8, refreshable}`, tok.String())
	b, err := json.Marshal(tok) // storage keeps everything
	require.NoError(t, err)
	assert.Contains(t, string(b), "access-secret")
}
