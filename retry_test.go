package taobao_test

import (
	"errors"
	"net"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

// TestRetryDecision covers every error class against reads and writes,
// sent and not sent.
func TestRetryDecision(t *testing.T) {
	const m = "taobao.x.get"
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, taobao.GMT8())
	timeout := taobao.NewTransportError(m, &url.Error{Op: "Post", URL: "https://gw", Err: &net.OpError{Op: "read", Err: errTimeout{}}})
	dial := taobao.NewTransportError(m, &url.Error{Op: "Post", URL: "https://gw", Err: &net.OpError{Op: "dial", Err: errors.New("refused")}})
	api := func(code int, sub, subMsg string) error {
		return &taobao.APIError{Method: m, Code: code, SubCode: sub, SubMsg: subMsg}
	}
	shortBan := api(7, "accesscontrol.limited-by-app-api-access-count", "This ban will last for 5 more seconds")
	longBan := api(7, "accesscontrol.limited-by-app-api-access-count", "This ban will last for 600 more seconds")
	daily := api(7, "accesscontrol.limited-by-app-access-count", "This ban will last for 20 more seconds")

	const (
		retry   = "retry"
		unknown = "outcome unknown"
		banned  = "banned"
		give    = "return"
	)
	type kind = string
	tests := []struct {
		name       string
		err        error
		read, sent bool
		want       kind
		banScope   *taobao.BanScope
	}{
		{"timeout read", timeout, true, true, retry, nil},
		{"timeout write", timeout, false, true, unknown, nil},
		{"dial read", dial, true, false, retry, nil},
		{"dial write never sent", dial, false, false, retry, nil},
		{"isp read", api(15, "isp.system-busy", ""), true, true, retry, nil},
		{"isp write", api(15, "isp.system-busy", ""), false, true, unknown, nil},
		{"code 10 read", api(10, "", ""), true, true, retry, nil},
		{"code 10 write", api(10, "", ""), false, true, unknown, nil},
		{"short ban read", shortBan, true, true, retry, scope(taobao.BanMethod)},
		{"short ban write", shortBan, false, true, retry, scope(taobao.BanMethod)},
		{"long ban read", longBan, true, true, banned, scope(taobao.BanMethod)},
		{"long ban write", longBan, false, true, banned, scope(taobao.BanMethod)},
		{"daily quota read", daily, true, true, give, scope(taobao.BanDaily)},
		{"daily quota write", daily, false, true, give, scope(taobao.BanDaily)},
		{"trade service rejection", api(15, "isv.trade-service-rejection", ""), true, true, banned, scope(taobao.BanMethod)},
		{"isv read", api(15, "isv.invalid-parameter", ""), true, true, give, nil},
		{"isv write", api(15, "isv.invalid-parameter", ""), false, true, give, nil},
		{"session read", api(27, "", ""), true, true, give, nil},
		{"session write", api(27, "", ""), false, true, give, nil},
		{"signature", api(25, "", ""), true, true, give, nil},
		{"HTTP 502 read", &taobao.HTTPError{Method: m, StatusCode: 502}, true, true, retry, nil},
		{"HTTP 502 write", &taobao.HTTPError{Method: m, StatusCode: 502}, false, true, unknown, nil},
		{"HTTP 400 read", &taobao.HTTPError{Method: m, StatusCode: 400}, true, true, give, nil},
		{"HTTP 400 write", &taobao.HTTPError{Method: m, StatusCode: 400}, false, true, unknown, nil},
		{"corrupt read", taobao.NewCorruptAnswerError(m), true, true, retry, nil},
		{"corrupt write", taobao.NewCorruptAnswerError(m), false, true, unknown, nil},
		{"too large read", taobao.NewTooLargeError(m), true, true, give, nil},
		{"too large write", taobao.NewTooLargeError(m), false, true, unknown, nil},
		{"argument", taobao.ErrInvalidArgument, true, false, give, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, wait, ban, err := taobao.Decide(tt.err, tt.read, tt.sent, 0, 2, time.Minute, now)
			switch tt.want {
			case retry:
				require.True(t, ok, "%v", err)
				if ban == nil {
					assert.Equal(t, 200*time.Millisecond, wait, "first backoff, jitter at its top")
				} else {
					assert.Zero(t, wait, "the limiter waits the ban out")
				}
			case unknown:
				require.False(t, ok)
				assert.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
				assert.False(t, taobao.IsRetryable(err))
			case banned:
				require.False(t, ok)
				var be *taobao.BanError
				require.ErrorAs(t, err, &be)
				assert.Equal(t, m, be.Method)
			case give:
				require.False(t, ok)
				assert.Same(t, tt.err, err)
			}
			if tt.banScope == nil {
				assert.Nil(t, ban)
			} else {
				require.NotNil(t, ban)
				assert.Equal(t, *tt.banScope, ban.Scope)
			}
		})
	}

	t.Run("retries run out", func(t *testing.T) {
		ok, _, _, err := taobao.Decide(timeout, true, true, 2, 2, time.Minute, now)
		assert.False(t, ok)
		assert.Same(t, timeout, err)
	})
	t.Run("backoff grows and is capped", func(t *testing.T) {
		var waits []time.Duration
		for n := range 7 {
			_, w, _, _ := taobao.Decide(timeout, true, true, n, 10, time.Minute, now)
			waits = append(waits, w)
		}
		assert.Equal(t, []time.Duration{200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond,
			1600 * time.Millisecond, 3200 * time.Millisecond, 5 * time.Second, 5 * time.Second}, waits)
	})
	t.Run("a limiter without patience waits any ban", func(t *testing.T) {
		ok, _, ban, _ := taobao.Decide(longBan, true, true, 0, 2, 0, now)
		assert.True(t, ok)
		require.NotNil(t, ban)
		assert.Equal(t, 10*time.Minute, ban.For)
	})
	t.Run("daily ban lasts until midnight GMT+8", func(t *testing.T) {
		huge := api(7, "accesscontrol.limited-by-app-access-count", "This ban will last for 999999 more seconds")
		_, _, ban, _ := taobao.Decide(huge, true, true, 0, 2, time.Minute, now)
		require.NotNil(t, ban)
		assert.Equal(t, 14*time.Hour, ban.For)
	})
}

func scope(s taobao.BanScope) *taobao.BanScope { return &s }

type errTimeout struct{}

func (errTimeout) Error() string   { return "i/o timeout" }
func (errTimeout) Timeout() bool   { return true }
func (errTimeout) Temporary() bool { return true }
