package taobao_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
