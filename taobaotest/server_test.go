package taobaotest_test

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
)

// handSign signs like an independent TOP client would, without the SDK.
func handSign(p url.Values, secret, method string) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		if k != "sign" && p.Get(k) != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		sb.WriteString(k + p.Get(k))
	}
	var h hash.Hash
	switch method {
	case "md5":
		sum := md5.Sum([]byte(secret + sb.String() + secret))
		return strings.ToUpper(hex.EncodeToString(sum[:]))
	case "hmac":
		h = hmac.New(md5.New, []byte(secret))
	default:
		h = hmac.New(sha256.New, []byte(secret))
	}
	h.Write([]byte(sb.String()))
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil)))
}

// post sends params (signed unless they carry a sign) and decodes the JSON
// answer.
func post(t *testing.T, srv *taobaotest.Server, p url.Values, inQuery ...string) map[string]map[string]any {
	t.Helper()
	if p.Get("sign") == "" {
		p.Set("sign", handSign(p, srv.AppSecret, p.Get("sign_method")))
	}
	u, err := url.Parse(srv.URL)
	require.NoError(t, err)
	q := url.Values{}
	for _, k := range inQuery {
		q[k] = p[k]
		p = cloneWithout(p, k)
	}
	u.RawQuery = q.Encode()
	body := postOK(t, u.String(), p)
	var out map[string]map[string]any
	require.NoError(t, json.Unmarshal(body, &out), string(body))
	return out
}

func cloneWithout(p url.Values, drop string) url.Values {
	out := url.Values{}
	for k, v := range p {
		if k != drop {
			out[k] = v
		}
	}
	return out
}

func common(srv *taobaotest.Server, method, signMethod string) url.Values {
	return url.Values{
		"method":      {method},
		"app_key":     {srv.AppKey},
		"timestamp":   {gmt8Now()},
		"v":           {"2.0"},
		"format":      {"json"},
		"sign_method": {signMethod},
	}
}

func TestAcceptsIndependentClients(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	for _, m := range []string{"md5", "hmac", "hmac-sha256"} {
		t.Run(m, func(t *testing.T) {
			out := post(t, srv, common(srv, "taobao.time.get", m))
			require.Contains(t, out, "time_get_response")
			assert.NotEmpty(t, out["time_get_response"]["time"])
			assert.NotEmpty(t, out["time_get_response"]["request_id"])
		})
	}
	t.Run("system params in the query string (Java SDK layout)", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "md5")
		p.Set("sign", handSign(p, srv.AppSecret, "md5"))
		out := post(t, srv, p, "method", "app_key", "timestamp", "v", "sign", "sign_method")
		assert.Contains(t, out, "time_get_response")
	})
	t.Run("epoch-millisecond timestamp (Python SDK)", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "md5")
		p.Set("timestamp", strconv.FormatInt(time.Now().UnixMilli(), 10))
		assert.Contains(t, post(t, srv, p), "time_get_response")
	})
	t.Run("lower-case hex sign", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "hmac")
		p.Set("sign", strings.ToLower(handSign(p, srv.AppSecret, "hmac")))
		assert.Contains(t, post(t, srv, p), "time_get_response")
	})
}

func TestRejectsLikeTheGateway(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	srv.Handle("taobao.private.get", func(r *taobaotest.Request) (any, error) { return nil, nil })
	tests := []struct {
		name    string
		mutate  func(p url.Values)
		code    float64
		subCode string
	}{
		{"missing method", func(p url.Values) { p.Del("method") }, 21, ""},
		{"unknown method", func(p url.Values) { p.Set("method", "taobao.no.such.get") }, 22, ""},
		{"missing app key", func(p url.Values) { p.Del("app_key") }, 28, ""},
		{"wrong app key", func(p url.Values) { p.Set("app_key", "999") }, 29, ""},
		{"missing timestamp", func(p url.Values) { p.Del("timestamp") }, 30, ""},
		{"skewed timestamp", func(p url.Values) {
			p.Set("timestamp", time.Now().Add(11*time.Minute).In(time.FixedZone("", 8*3600)).Format("2006-01-02 15:04:05"))
		}, 31, ""},
		{"local-zone timestamp", func(p url.Values) {
			p.Set("timestamp", time.Now().UTC().Format("2006-01-02 15:04:05"))
		}, 31, ""},
		{"bad timestamp", func(p url.Values) { p.Set("timestamp", "yesterday") }, 31, ""},
		{"missing version", func(p url.Values) { p.Del("v") }, 32, ""},
		{"bad version", func(p url.Values) { p.Set("v", "1.0") }, 33, ""},
		{"xml", func(p url.Values) { p.Set("format", "xml") }, 23, ""},
		{"missing session", func(p url.Values) { p.Set("method", "taobao.private.get") }, 26, ""},
		{"bad session", func(p url.Values) { p.Set("method", "taobao.private.get"); p.Set("session", "nope") }, 27, "invalid-sessionkey"},
		{"unknown sign method", func(p url.Values) { p.Set("sign_method", "sha1") }, 25, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := common(srv, "taobao.time.get", "md5")
			tt.mutate(p)
			out := post(t, srv, p)
			require.Contains(t, out, "error_response")
			e := out["error_response"]
			assert.Equal(t, tt.code, e["code"])
			assert.NotEmpty(t, e["msg"])
			assert.NotEmpty(t, e["request_id"])
			if tt.subCode != "" {
				assert.Equal(t, tt.subCode, e["sub_code"])
			}
		})
	}
	t.Run("wrong signature", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "md5")
		p.Set("sign", handSign(p, "other-secret", "md5"))
		assert.Equal(t, float64(25), post(t, srv, p)["error_response"]["code"])
	})
	t.Run("signature over other params", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "hmac-sha256")
		p.Set("sign", handSign(p, srv.AppSecret, "hmac-sha256"))
		p.Set("extra", "added after signing")
		assert.Equal(t, float64(25), post(t, srv, p)["error_response"]["code"])
	})
	t.Run("missing sign", func(t *testing.T) {
		p := common(srv, "taobao.time.get", "md5")
		p.Set("sign", "")
		p.Del("sign")
		u := srv.URL
		resp, err := http.Post(u, "application/x-www-form-urlencoded", strings.NewReader(p.Encode()))
		require.NoError(t, err)
		defer resp.Body.Close()
		var out map[string]map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		assert.Equal(t, float64(24), out["error_response"]["code"])
	})
}

func TestFaultsAndCallRecord(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	srv.FailNextHTTP("*", 1, http.StatusBadGateway)
	p := common(srv, "taobao.time.get", "md5")
	p.Set("sign", handSign(p, srv.AppSecret, "md5"))
	resp, err := http.Post(srv.URL, "application/x-www-form-urlencoded", strings.NewReader(p.Encode()))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadGateway, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
	assert.Contains(t, string(body), "502 Bad Gateway")

	srv.TruncateNext("taobao.time.get", 1)
	resp, err = http.Post(srv.URL, "application/x-www-form-urlencoded", strings.NewReader(p.Encode()))
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.False(t, json.Valid(body))
	assert.True(t, strings.HasPrefix(string(body), `{"time_get_response":`))

	assert.Equal(t, 2, srv.Calls("taobao.time.get"))
	assert.Equal(t, 2, srv.Calls("*"))
	log := srv.CallLog()
	require.Len(t, log, 2)
	assert.Equal(t, "taobao.time.get", log[0].Method)
	assert.Equal(t, srv.AppKey, log[0].Params.Get("app_key"))
}
