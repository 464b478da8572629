package taobao_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// hookRecorder keeps the events an observer sees, in order.
type hookRecorder struct {
	mu     sync.Mutex
	events []string
	calls  []taobao.CallEvent
	tries  []taobao.AttemptEvent
}

func (r *hookRecorder) observer() taobao.Observer {
	return taobao.Observer{
		CallStart: func(ctx context.Context, e *taobao.CallEvent) context.Context {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.events = append(r.events, "call start "+e.Method)
			return ctx
		},
		CallEnd: func(ctx context.Context, e *taobao.CallEvent) {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.events = append(r.events, "call end "+e.Method)
			r.calls = append(r.calls, *e)
		},
		AttemptStart: func(ctx context.Context, e *taobao.AttemptEvent) context.Context {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.events = append(r.events, fmt.Sprintf("attempt %d start", e.Attempt))
			return nil // nil keeps the context
		},
		AttemptEnd: func(ctx context.Context, e *taobao.AttemptEvent) {
			r.mu.Lock()
			defer r.mu.Unlock()
			r.events = append(r.events, fmt.Sprintf("attempt %d end", e.Attempt))
			r.tries = append(r.tries, *e)
		},
	}
}

// TestObserverSeesEveryAttempt follows one read through an isp failure
// and a ban: two retries, the ban applied and then waited for in the
// limiter, with exact durations under synctest.
func TestObserverSeesEveryAttempt(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		var r hookRecorder
		c := srv.Client(session, inProcess(srv, taobao.WithObserver(r.observer()))...)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.system-busy"})
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited", SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 5 more seconds"})
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil))

		assert.Equal(t, []string{"call start " + timeGet,
			"attempt 1 start", "attempt 1 end", "attempt 2 start", "attempt 2 end", "attempt 3 start", "attempt 3 end",
			"call end " + timeGet}, r.events)
		require.Len(t, r.tries, 3)
		a1, a2, a3 := r.tries[0], r.tries[1], r.tries[2]
		assert.Equal(t, taobao.ClassRetryable, a1.Class)
		u, err := url.Parse(srv.URL)
		require.NoError(t, err)
		assert.Equal(t, u.Host, a1.Server)
		assert.Equal(t, 15, a1.Code)
		assert.Equal(t, "isp.system-busy", a1.SubCode)
		assert.NotEmpty(t, a1.RequestID)
		assert.True(t, a1.Retry)
		assert.Positive(t, a1.RetryWait)
		assert.Nil(t, a1.Ban)

		assert.Equal(t, taobao.ClassRateLimited, a2.Class)
		require.NotNil(t, a2.Ban)
		assert.Equal(t, taobao.BanMethod, a2.Ban.Scope)
		assert.Equal(t, 5*time.Second, a2.Ban.For)
		assert.True(t, a2.Retry)

		assert.Equal(t, 5*time.Second, a3.LimiterWait, "the ban is waited for in the limiter")
		assert.Equal(t, 5*time.Second, a3.Duration)
		assert.Empty(t, a3.Class)
		assert.NoError(t, a3.Err)
		assert.False(t, a3.Retry)
		assert.NotEmpty(t, a3.RequestID)

		require.Len(t, r.calls, 1)
		call := r.calls[0]
		assert.Equal(t, 3, call.Attempts)
		assert.True(t, call.Read)
		assert.Empty(t, call.Class)
		assert.Equal(t, a3.RequestID, call.RequestID)
		assert.Equal(t, a1.RetryWait+5*time.Second, call.Duration)
	})
}

func TestObserverSeesFailure(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		var r, r2 hookRecorder
		c := srv.Client(session, inProcess(srv, taobao.WithObserver(r.observer()), taobao.WithObserver(r2.observer()),
			taobao.WithRateLimit(1, 1))...)
		require.NoError(t, c.Call(context.Background(), timeGet, nil, nil)) // spends the only token
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 27, Msg: "Invalid session", SubCode: "invalid-sessionkey"})
		err := c.Call(context.Background(), timeGet, nil, nil)
		require.ErrorIs(t, err, taobao.ErrInvalidSession)
		require.Len(t, r.tries, 2)
		a := r.tries[1]
		assert.InDelta(t, time.Second, a.LimiterWait, float64(time.Millisecond), "the token bucket refills in a second")
		assert.Equal(t, taobao.ClassSession, a.Class)
		assert.Equal(t, 27, a.Code)
		assert.Equal(t, "invalid-sessionkey", a.SubCode)
		assert.ErrorIs(t, a.Err, taobao.ErrInvalidSession)
		assert.False(t, a.Retry)
		require.Len(t, r.calls, 2)
		assert.Equal(t, taobao.ClassSession, r.calls[1].Class)
		assert.Equal(t, 27, r.calls[1].Code)
		assert.Equal(t, r.events, r2.events, "every observer sees every event")
	})
}

// TestObserverSeesNoSecrets prints every event of calls with parameters
// and finds neither the session, the secret nor a parameter value.
func TestObserverSeesNoSecrets(t *testing.T) {
	srv, session := newFake(t)
	synctest.Test(t, func(t *testing.T) {
		var r hookRecorder
		c := srv.Client(session, inProcess(srv, taobao.WithObserver(r.observer()))...)
		const nick = "buyer-nick-7f3a"
		srv.FailNext(taobao.MethodTradesSold, 1, nil)
		_, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{BuyerNick: nick})
		require.NoError(t, err)
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 25, Msg: "Invalid signature"})
		require.Error(t, c.Call(context.Background(), timeGet, map[string]string{"note": "secret-note-91c2"}, nil))
		require.NotEmpty(t, r.tries)
		dump := fmt.Sprintf("%+v %+v", r.calls, r.tries)
		for _, secret := range []string{session, srv.AppSecret, nick, "secret-note-91c2"} {
			assert.NotContains(t, dump, secret)
		}
	})
}

// TestObserverNotCalledForInvalidCalls checks that validation errors reach no hook and
// no gateway.
func TestObserverNotCalledForInvalidCalls(t *testing.T) {
	srv, session := newFake(t)
	var r hookRecorder
	c := srv.Client(session, taobao.WithObserver(r.observer()))
	err := c.Call(context.Background(), timeGet, map[string]string{"sign": "x"}, nil)
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.Empty(t, r.events)
	assert.Zero(t, srv.Calls(timeGet))
}

// uaRecorder keeps the User-Agent of each request.
type uaRecorder struct {
	rt  http.RoundTripper
	got []string
}

func (u *uaRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	u.got = append(u.got, req.Header.Get("User-Agent"))
	return u.rt.RoundTrip(req)
}

func TestWithUserAgent(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	rec := &uaRecorder{rt: srv.Transport()}
	hc := &http.Client{Transport: rec}
	require.NoError(t, srv.Client(session, taobao.WithHTTPClient(hc)).Call(context.Background(), timeGet, nil, nil))
	require.NoError(t, srv.Client(session, taobao.WithHTTPClient(hc), taobao.WithUserAgent(" order-sync/1.4 ")).Call(context.Background(), timeGet, nil, nil))
	require.Len(t, rec.got, 2)
	assert.Equal(t, "toptrade-taobao-go/"+taobao.Version, rec.got[0])
	assert.Equal(t, "order-sync/1.4 toptrade-taobao-go/"+taobao.Version, rec.got[1])
}

func TestObserverAndUserAgentOptionsRejectBadValues(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer()
	defer srv.Close()
	for name, opt := range map[string]taobao.Option{
		"empty user agent":   taobao.WithUserAgent(" "),
		"newline":            taobao.WithUserAgent("app/1\r\nX-Evil: 1"),
		"non-ASCII":          taobao.WithUserAgent("订单/1"),
		"observer, no hooks": taobao.WithObserver(taobao.Observer{}),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := taobao.NewClient(srv.AppKey, srv.AppSecret, opt)
			assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
		})
	}
}

func TestClassOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want taobao.ErrorClass
	}{
		{nil, ""},
		{&taobao.APIError{Code: 15, SubCode: "isp.system-busy"}, taobao.ClassRetryable},
		{&taobao.APIError{Code: 10}, taobao.ClassRetryable},
		{&taobao.APIError{Code: 15, SubCode: "isv.logistics-offline-service-error:B04"}, taobao.ClassAlreadyDone},
		{&taobao.APIError{Code: 15, SubCode: "isv.logistics-update-company-or-mailno-error:P07"}, taobao.ClassAlreadyDone},
		{&taobao.APIError{Code: 15, SubCode: "isv.logistics-offline-service-error:B60"}, taobao.ClassCallerError},
		{&taobao.APIError{Code: 41}, taobao.ClassCallerError},
		{&taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-access-count"}, taobao.ClassRateLimited},
		{&taobao.APIError{Code: 27}, taobao.ClassSession},
		{&taobao.BanError{Until: time.Unix(0, 0)}, taobao.ClassRateLimited},
		{&taobao.HTTPError{StatusCode: 502}, taobao.ClassRetryable},
		{&taobao.HTTPError{StatusCode: 404}, taobao.ClassUnknown},
		{context.Canceled, taobao.ClassCanceled},
		{fmt.Errorf("x: %w", taobao.ErrInvalidArgument), taobao.ClassCallerError},
		{fmt.Errorf("wrapped: %w", taobao.ErrOutcomeUnknown), taobao.ClassOutcomeUnknown},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, taobao.ClassOf(tt.err), "%v", tt.err)
	}
}

// BenchmarkObserverOverhead measures one call through the in-process
// transport without an observer and with one whose hooks do nothing.
func BenchmarkObserverOverhead(b *testing.B) {
	srv := taobaotest.NewServer()
	defer srv.Close()
	session := srv.NewSession("bench-seller")
	nop := taobao.Observer{
		CallEnd:    func(context.Context, *taobao.CallEvent) {},
		AttemptEnd: func(context.Context, *taobao.AttemptEvent) {},
	}
	for _, bc := range []struct {
		name string
		opts []taobao.Option
	}{{"none", nil}, {"nop", []taobao.Option{taobao.WithObserver(nop)}}} {
		b.Run(bc.name, func(b *testing.B) {
			c := srv.Client(session, inProcess(srv, bc.opts...)...)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if err := c.Call(ctx, timeGet, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
