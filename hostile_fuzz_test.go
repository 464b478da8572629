package taobao_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/jsonscan"
)

// FuzzHostileGateway drives Call and a typed read against a gateway that
// answers each attempt with an arbitrary status and body. It checks that
// nothing panics, that a call succeeds only on a well-formed answer of its
// method, that a write is sent again only after the gateway refused it
// under flow control, and that no error prints a secret.
func FuzzHostileGateway(f *testing.F) {
	f.Add(uint8(0), uint16(200), []byte(`{"time_get_response":{"time":"2024-01-02 03:04:05"}}`), uint16(200), []byte(`{}`))
	f.Add(uint8(1), uint16(200), []byte(`{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-api-access-count","sub_msg":"This ban will last for 2 more seconds"}}`), uint16(200), []byte(`{"demo_update_response":{"ok":true}}`))
	f.Add(uint8(1), uint16(502), []byte(`<html>bad gateway $S</html>`), uint16(200), []byte(`{"demo_update_response":{}}`))
	f.Add(uint8(2), uint16(200), []byte(`{"status":"fail","error_response":{"code":15,"sub_code":"isp.x","sub_msg":"$S $K"}}`), uint16(200), []byte(`{"trades_sold_get_response":{"total_results":0}}`))
	f.Add(uint8(1), uint16(200), []byte(`{0}`), uint16(200), []byte(`{"_response"0}`))
	f.Add(uint8(0), uint16(200), []byte(`{"time_get_response":{"time":"x"}} $S`), uint16(429), []byte(`$K`))
	f.Fuzz(func(t *testing.T, mode uint8, status1 uint16, body1 []byte, status2 uint16, body2 []byte) {
		const (
			appKey  = "12345678"
			secret  = "hostile-app-secret-0123456789"
			session = "hostile-session-abcdef0123456789"
		)
		fill := func(b []byte) []byte {
			b = bytes.ReplaceAll(b, []byte("$S"), []byte(session))
			return bytes.ReplaceAll(b, []byte("$K"), []byte(secret))
		}
		answers := []struct {
			status int
			body   []byte
		}{{int(status1%600) + 100, fill(body1)}, {int(status2%600) + 100, fill(body2)}}
		var served []int
		tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			_, _ = io.Copy(io.Discard, r.Body)
			i := min(len(served), len(answers)-1)
			served = append(served, i)
			a := answers[i]
			return &http.Response{StatusCode: a.status, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(a.body)), Request: r}, nil
		})
		synctest.Test(t, func(t *testing.T) {
			c, err := taobao.NewClient(appKey, secret, taobao.WithBaseURL("http://127.0.0.1/router/rest"),
				taobao.WithSession(session), taobao.WithHTTPClient(&http.Client{Transport: tr}),
				taobao.WithLimiter(taobao.NewLimiter(0, 1, 0)))
			if err != nil {
				t.Fatal(err)
			}
			var method string
			var callErr error
			switch mode % 3 {
			case 0:
				method = "taobao.time.get"
				var out struct {
					Time json.RawMessage `json:"time"`
				}
				callErr = c.Call(context.Background(), method, nil, &out)
			case 1:
				method = "taobao.demo.update"
				callErr = c.Call(context.Background(), method, nil, nil)
			case 2:
				method = "taobao.trades.sold.get"
				_, callErr = c.Trades.ListSold(context.Background(), nil)
			}
			if len(served) == 0 {
				t.Fatal("no attempt reached the gateway")
			}
			last := answers[served[len(served)-1]]
			if callErr == nil && !wellFormed(method, last.status, last.body) {
				t.Fatalf("%s succeeded on %d %q", method, last.status, last.body)
			}
			if mode%3 == 1 {
				for _, i := range served[:len(served)-1] {
					if !refusedUnderFlowControl(answers[i].status, answers[i].body) {
						t.Fatalf("write sent again after %d %q", answers[i].status, answers[i].body)
					}
				}
			}
			if callErr != nil {
				for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
					s := fmt.Sprintf(verb, callErr)
					if strings.Contains(s, secret) || strings.Contains(s, session) {
						t.Fatalf("secret in %s of error: %s", verb, s)
					}
				}
			}
		})
	})
}

// wellFormed reports whether body is a 200 answer carrying the method's
// member as an object, and no error_response.
func wellFormed(method string, status int, body []byte) bool {
	if status != 200 {
		return false
	}
	var root map[string]json.RawMessage
	if json.Unmarshal(body, &root) != nil {
		return false
	}
	if _, bad := root["error_response"]; bad {
		return false
	}
	key := strings.ReplaceAll(strings.TrimPrefix(method, "taobao."), ".", "_") + "_response"
	v := bytes.TrimSpace(root[key])
	return len(v) > 0 && v[0] == '{'
}

// refusedUnderFlowControl reports whether an answer is the gateway's
// flow-control refusal, after which a write may be sent again. Raw control
// characters inside strings are read as the SDK reads them (the gateway
// sends them).
func refusedUnderFlowControl(status int, body []byte) bool {
	var root map[string]json.RawMessage
	if json.Unmarshal(jsonscan.EscapeControls(body), &root) != nil {
		return false
	}
	var e struct {
		Code    json.Number `json:"code"`
		SubCode string      `json:"sub_code"`
	}
	if json.Unmarshal(root["error_response"], &e) != nil {
		return false
	}
	code, _ := e.Code.Int64()
	_ = status
	return (code >= 4 && code <= 8) || strings.HasPrefix(e.SubCode, "accesscontrol.") || e.SubCode == "isv.trade-service-rejection"
}
