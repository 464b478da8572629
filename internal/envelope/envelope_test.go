package envelope_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/internal/envelope"
)

func TestResponseKey(t *testing.T) {
	t.Parallel()
	for method, want := range map[string]string{
		"taobao.trade.fullinfo.get":    "trade_fullinfo_get_response",
		"taobao.top.auth.token.create": "top_auth_token_create_response",
		"alibaba.seller.order.get":     "alibaba_seller_order_get_response",
		"tmall.x.y":                    "tmall_x_y_response",
	} {
		assert.Equal(t, want, envelope.ResponseKey(method), method)
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		body    string
		value   string
		isError bool
		err     bool
	}{
		{"wrapped", `{"time_get_response":{"time":"x","request_id":"r"}}`, `{"time":"x","request_id":"r"}`, false, false},
		{"spaces", " \n{ \"time_get_response\" : {\"a\":1} }\n", `{"a":1}`, false, false},
		{"error", `{"error_response":{"code":7}}`, `{"code":7}`, true, false},
		{"simplify root (missing)", `{"time":"x","request_id":"r"}`, `{"time":"x","request_id":"r"}`, false, false},
		{"html", `<html>502</html>`, ``, false, true},
		{"empty", ``, ``, false, true},
		{"truncated", `{"time_get_response":{"ti`, ``, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := envelope.Split([]byte(tt.body), "time_get_response")
			if tt.err {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.value, string(p.Value))
			assert.Equal(t, tt.isError, p.IsError)
		})
	}
	_, err := envelope.Split([]byte(`{"a":`), "k")
	assert.ErrorContains(t, err, "unexpected end")
	_, err = envelope.Split([]byte(`<html>`), "k")
	assert.ErrorIs(t, err, envelope.ErrNotJSON)
}

func TestSlow(t *testing.T) {
	t.Parallel()
	p, err := envelope.Slow([]byte(`{"x":1,"time_get_response":{"a":1}}`), "time_get_response")
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":1}`, string(p.Value))
	p, err = envelope.Slow([]byte(`{"x":1,"error_response":{"code":1}}`), "time_get_response")
	require.NoError(t, err)
	assert.True(t, p.IsError)
	// Another method's envelope is not this method's answer.
	p, err = envelope.Slow([]byte(`{"x":1,"other_response":{"b":2}}`), "time_get_response")
	require.NoError(t, err)
	assert.True(t, p.Missing)
	assert.False(t, p.IsError)
}

func TestSplitFindsErrorResponseAnywhere(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"status":"fail","error_response":{"code":15,"sub_code":"isp.x"}}`,
		`{"time_get_response":{"a":1},"error_response":{"code":15}}`,
	} {
		p, err := envelope.Split([]byte(body), "time_get_response")
		require.NoError(t, err, body)
		if p.Guess {
			// The first member was cut out by position: the caller's decode
			// fails on the rest and it asks Slow.
			p, err = envelope.Slow([]byte(body), "time_get_response")
			require.NoError(t, err)
		}
		assert.True(t, p.IsError, body)
	}
}

func TestSplitStrict(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`{}`, `{"foo":1}`, `{"other_response":{"a":1}}`, `{"time":"x"}`} {
		p, err := envelope.Split([]byte(body), "time_get_response")
		require.NoError(t, err, body)
		assert.True(t, p.Missing, body)
	}
	_, err := envelope.Split([]byte(`{"time_get_response":{}} trailing`), "time_get_response")
	assert.ErrorIs(t, err, envelope.ErrTrailing)
	_, err = envelope.Split([]byte(`{0}`), "time_get_response")
	require.Error(t, err)
	_, err = envelope.Split([]byte(`{"_response"0}`), "time_get_response")
	require.Error(t, err)
}

func TestRequestID(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "s7ezljq8tz3j", envelope.RequestID([]byte(`{"a":{"request_id":"no"},"request_id": "s7ezljq8tz3j"}`)))
	assert.Equal(t, "", envelope.RequestID([]byte(`{"a":1}`)))
	assert.Equal(t, "", envelope.RequestID([]byte(`{"request_id":12}`)))
	assert.Equal(t, "", envelope.RequestID([]byte(`{"request_id":"unterminated`)))
}

// FuzzSplit: no input panics, and whatever Split cuts out of a valid
// document decodes or is caught by Slow.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		`{"time_get_response":{"time":"x"}}`, `{"error_response":{"code":7}}`, `{"a":1,"b_response":{}}`,
		`{"x\"y":1}`, `{`, `}`, `{"k":}`, ` {} `, `[1]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := envelope.Split(body, "time_get_response")
		_ = envelope.RequestID(body)
		if err != nil || !json.Valid(body) {
			return
		}
		if json.Valid(p.Value) {
			return
		}
		require.True(t, p.Guess, "an unchecked cut must be valid JSON")
		_, err = envelope.Slow(body, "time_get_response")
		require.NoError(t, err)
	})
}
