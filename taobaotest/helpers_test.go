package taobaotest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// answer is a gateway answer read the way an independent client reads it:
// the members of "<name>_response", or of "error_response".
type answer struct {
	body []byte
	ok   map[string]any // nil on an error
	err  map[string]any // nil on success
}

// code returns the error code (0 on success).
func (a answer) code() int64 {
	if a.err == nil {
		return 0
	}
	n, _ := a.err["code"].(json.Number).Int64()
	return n
}

func (a answer) subCode() string {
	s, _ := a.err["sub_code"].(string)
	return s
}

// signedForm is a call's whole form, signed by hand (hmac-sha256).
func signedForm(srv *taobaotest.Server, session, method string, kv ...string) url.Values {
	p := url.Values{
		"method":      {method},
		"app_key":     {srv.AppKey},
		"timestamp":   {gmt8Now()},
		"v":           {"2.0"},
		"format":      {"json"},
		"sign_method": {"hmac-sha256"},
	}
	if session != "" {
		p.Set("session", session)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		p.Set(kv[i], kv[i+1])
	}
	p.Set("sign", handSign(p, srv.AppSecret, "hmac-sha256"))
	return p
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// call signs params by hand (hmac-sha256), posts them with the common
// parameters and decodes the answer, numbers kept exact.
func call(t *testing.T, srv *taobaotest.Server, session, method string, kv ...string) answer {
	t.Helper()
	body := postOK(t, srv.URL, signedForm(srv, session, method, kv...))
	var env map[string]map[string]any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	require.NoError(t, d.Decode(&env), "%s", body)
	require.Len(t, env, 1, "one member at the root: %s", body)
	a := answer{body: body}
	if e, ok := env["error_response"]; ok {
		a.err = e
		return a
	}
	key := strings.ReplaceAll(strings.TrimPrefix(method, "taobao."), ".", "_") + "_response"
	require.Contains(t, env, key, "%s", body)
	a.ok = env[key]
	require.NotEmpty(t, a.ok["request_id"], "request_id in %s", body)
	return a
}

// items returns the list under a wrapper: a.ok[list][item].
func (a answer) items(t *testing.T, list, item string) []map[string]any {
	t.Helper()
	w, ok := a.ok[list]
	if !ok {
		return nil
	}
	arr, ok := w.(map[string]any)[item].([]any)
	require.True(t, ok, "%s is {%q:[...]} in %s", list, item, a.body)
	out := make([]map[string]any, len(arr))
	for i, x := range arr {
		out[i] = x.(map[string]any)
	}
	return out
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func num(t *testing.T, v any) int64 {
	t.Helper()
	n, ok := v.(json.Number)
	require.True(t, ok, "%v is a JSON number", v)
	i, err := n.Int64()
	require.NoError(t, err)
	return i
}

// gmt8 formats a time as the gateway's parameters want it.
func gmt8(t time.Time) string { return t.In(taobao.GMT8()).Format(taobao.TimeLayout) }

// tids returns the trade ids of a list answer, in order.
func tids(t *testing.T, a answer) []int64 {
	t.Helper()
	var out []int64
	for _, tr := range a.items(t, "trades", "trade") {
		out = append(out, num(t, tr["tid"]))
	}
	return out
}

// newServer starts a server closed at the end of the test.
func newServer(t *testing.T, opts ...taobaotest.Option) *taobaotest.Server {
	t.Helper()
	srv := taobaotest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// stillClock stops the server's clock at the current second, so that a
// test knows "now" exactly. The gateway checks request timestamps against
// this clock too, which stays within the allowed skew for the few seconds
// a test runs.
func stillClock() (taobaotest.Option, time.Time) {
	at := time.Now().Truncate(time.Second)
	return taobaotest.WithClock(func() time.Time { return at }), at
}

// firstSeller returns a session of the server's first seller.
func firstSeller(srv *taobaotest.Server) (nick, session string) {
	nick = srv.Sellers()[0]
	return nick, srv.NewSession(nick)
}

// postOK posts the form url-encoded to rawURL, requires HTTP 200 and
// returns the body.
func postOK(t *testing.T, rawURL string, form url.Values) []byte {
	t.Helper()
	resp, err := http.Post(rawURL, "application/x-www-form-urlencoded;charset=utf-8", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return body
}

// gmt8Now is the current time as the timestamp parameter writes it.
func gmt8Now() string {
	return time.Now().In(time.FixedZone("GMT+8", 8*3600)).Format("2006-01-02 15:04:05")
}
