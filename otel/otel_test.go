package otel_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/toptrade/taobao"
	tbotel "github.com/toptrade/taobao/otel"
	"github.com/toptrade/taobao/taobaotest"
)

// telemetry is an in-memory trace exporter and metric reader wired into a
// client of the fake gateway through the in-process transport.
type telemetry struct {
	spans  *tracetest.InMemoryExporter
	reader *sdkmetric.ManualReader
	opt    taobao.Option
}

func newTelemetry() *telemetry {
	t := &telemetry{spans: tracetest.NewInMemoryExporter(), reader: sdkmetric.NewManualReader()}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(t.spans))
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(t.reader))
	t.opt = tbotel.WithTelemetry(tbotel.WithTracerProvider(tp), tbotel.WithMeterProvider(mp))
	return t
}

func (tm *telemetry) metrics(t *testing.T) map[string]metricdata.Metrics {
	t.Helper()
	var rm metricdata.ResourceMetrics
	require.NoError(t, tm.reader.Collect(context.Background(), &rm))
	out := map[string]metricdata.Metrics{}
	for _, sm := range rm.ScopeMetrics {
		assert.Equal(t, tbotel.ScopeName, sm.Scope.Name)
		for _, m := range sm.Metrics {
			out[m.Name] = m
		}
	}
	return out
}

func attrs(kvs []attribute.KeyValue) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range kvs {
		m[kv.Key] = kv.Value
	}
	return m
}

func newClient(srv *taobaotest.Server, session string, opts ...taobao.Option) *taobao.Client {
	base := []taobao.Option{taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()})}
	return srv.Client(session, append(base, opts...)...)
}

// TestTraceOfRetriedListSold is the trace of one ListSold whose first
// attempt gets an isp error, retried, and whose second gets a ban: one call
// span, two attempt spans beneath it, the ban as an event, and no secret.
// With a retry left, a third attempt after the ban succeeds.
func TestTraceOfRetriedListSold(t *testing.T) {
	tests := []struct {
		name       string
		maxRetries int
		attempts   int
		class      string
	}{
		{"ban ends the call", 1, 2, "rate_limited"},
		{"retried after the ban", 2, 3, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := taobaotest.NewServer(taobaotest.WithTrades(5))
			t.Cleanup(srv.Close)
			session := srv.NewSession(srv.Sellers()[0])
			synctest.Test(t, func(t *testing.T) {
				tm := newTelemetry()
				c := newClient(srv, session, tm.opt, taobao.WithMaxRetries(tt.maxRetries))
				srv.FailNext(taobao.MethodTradesSold, 1, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.top-remote-connection-timeout"})
				srv.FailNext(taobao.MethodTradesSold, 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
					SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 3 more seconds"})
				_, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{BuyerNick: "some-buyer"})
				if tt.class == "" {
					require.NoError(t, err)
				} else {
					require.ErrorIs(t, err, taobao.ErrRateLimited)
				}

				spans := tm.spans.GetSpans()
				require.Len(t, spans, tt.attempts+1)
				var call tracetest.SpanStub
				var tries []tracetest.SpanStub
				for _, s := range spans {
					if s.SpanKind == trace.SpanKindClient {
						tries = append(tries, s)
					} else {
						call = s
					}
				}
				require.Len(t, tries, tt.attempts)
				assert.Equal(t, taobao.MethodTradesSold, call.Name)
				assert.Equal(t, trace.SpanKindInternal, call.SpanKind)
				ca := attrs(call.Attributes)
				assert.Equal(t, "taobao_top", ca["rpc.system.name"].AsString())
				assert.Equal(t, taobao.MethodTradesSold, ca["rpc.method"].AsString())
				assert.Equal(t, int64(tt.attempts), ca["taobao.attempts"].AsInt64())
				if tt.class != "" {
					assert.Equal(t, codes.Error, call.Status.Code)
					assert.Equal(t, tt.class, ca["error.type"].AsString())
					assert.Equal(t, "7", ca["rpc.response.status_code"].AsString())
				} else {
					assert.Equal(t, codes.Unset, call.Status.Code)
					assert.NotContains(t, ca, attribute.Key("error.type"))
				}

				for i, a := range tries {
					assert.Equal(t, call.SpanContext.SpanID(), a.Parent.SpanID(), "attempt %d is a child of the call", i+1)
					assert.Equal(t, call.SpanContext.TraceID(), a.SpanContext.TraceID())
					aa := attrs(a.Attributes)
					assert.Equal(t, int64(i+1), aa["taobao.attempt"].AsInt64())
					assert.Equal(t, "taobao_top", aa["rpc.system.name"].AsString())
					assert.NotEmpty(t, aa["taobao.request_id"].AsString())
					assert.Equal(t, "127.0.0.1", aa["server.address"].AsString())
					assert.Positive(t, aa["server.port"].AsInt64())
				}
				first, second := attrs(tries[0].Attributes), attrs(tries[1].Attributes)
				assert.Equal(t, "retryable", first["error.type"].AsString())
				assert.Equal(t, "15", first["rpc.response.status_code"].AsString())
				assert.Equal(t, "isp.top-remote-connection-timeout", first["taobao.sub_code"].AsString())
				assert.True(t, first["taobao.retry"].AsBool())
				assert.Empty(t, tries[0].Events)
				assert.Equal(t, "rate_limited", second["error.type"].AsString())
				require.Len(t, tries[1].Events, 1)
				ban := tries[1].Events[0]
				assert.Equal(t, tbotel.BanEvent, ban.Name)
				ba := attrs(ban.Attributes)
				assert.Equal(t, "method", ba["taobao.ban.scope"].AsString())
				assert.Equal(t, 3.0, ba["taobao.ban.duration"].AsFloat64())
				if tt.attempts == 3 {
					third := attrs(tries[2].Attributes)
					assert.Equal(t, 3.0, third["taobao.limiter.wait"].AsFloat64(), "the third attempt sat the ban out")
					assert.Equal(t, codes.Unset, tries[2].Status.Code)
				}

				assertNoSecrets(t, tm, session, srv.AppSecret, "some-buyer")
			})
		})
	}
}

// assertNoSecrets checks every span, event, status and metric attribute,
// the span names and the resource for the secrets and parameter values.
func assertNoSecrets(t *testing.T, tm *telemetry, secrets ...string) {
	t.Helper()
	var texts []string
	add := func(kvs []attribute.KeyValue) {
		for _, kv := range kvs {
			texts = append(texts, string(kv.Key)+"="+kv.Value.String())
		}
	}
	for _, s := range tm.spans.GetSpans() {
		texts = append(texts, s.Name, s.Status.Description)
		add(s.Attributes)
		add(s.Resource.Attributes())
		for _, e := range s.Events {
			texts = append(texts, e.Name)
			add(e.Attributes)
		}
	}
	var rm metricdata.ResourceMetrics
	require.NoError(t, tm.reader.Collect(context.Background(), &rm))
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			texts = append(texts, m.Name)
			switch d := m.Data.(type) {
			case metricdata.Sum[int64]:
				for _, p := range d.DataPoints {
					add(p.Attributes.ToSlice())
				}
			case metricdata.Histogram[float64]:
				for _, p := range d.DataPoints {
					add(p.Attributes.ToSlice())
				}
			default:
				t.Errorf("metric %s of unchecked type %T", m.Name, m.Data)
			}
		}
	}
	require.NotEmpty(t, texts)
	all := strings.Join(texts, "\n")
	for _, s := range secrets {
		require.NotEmpty(t, s)
		assert.NotContains(t, all, s)
	}
}

// TestMetrics checks the instruments after calls that succeed, fail
// without a retry and get banned.
func TestMetrics(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(3))
	t.Cleanup(srv.Close)
	session := srv.NewSession(srv.Sellers()[0])
	synctest.Test(t, func(t *testing.T) {
		tm := newTelemetry()
		c := newClient(srv, session, tm.opt, taobao.WithRateLimit(1, 1))
		ctx := context.Background()
		const timeGet = "taobao.time.get"
		require.NoError(t, c.Call(ctx, timeGet, nil, nil))
		require.NoError(t, c.Call(ctx, timeGet, nil, nil)) // waits a second for the limiter
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 27, Msg: "Invalid session", SubCode: "invalid-sessionkey"})
		require.Error(t, c.Call(ctx, timeGet, url("note", "private-note-5d1e"), nil))
		srv.FailNext(timeGet, 1, &taobao.APIError{Code: 7, SubCode: "accesscontrol.limited-by-app-api-access-count", SubMsg: "This ban will last for 2 more seconds"})
		require.NoError(t, c.Call(ctx, timeGet, nil, nil))

		m := tm.metrics(t)
		for _, name := range []string{tbotel.MetricCalls, tbotel.MetricErrors, tbotel.MetricBans, tbotel.MetricRPCDuration, tbotel.MetricCallLatency, tbotel.MetricLimiterWait} {
			require.Contains(t, m, name)
		}
		calls := m[tbotel.MetricCalls].Data.(metricdata.Sum[int64])
		byType := map[string]int64{}
		for _, p := range calls.DataPoints {
			v, _ := p.Attributes.Value("error.type")
			byType[v.AsString()] += p.Value
			method, _ := p.Attributes.Value("rpc.method")
			assert.Equal(t, timeGet, method.AsString())
		}
		assert.Equal(t, map[string]int64{"": 3, "session": 1}, byType)

		errs := m[tbotel.MetricErrors].Data.(metricdata.Sum[int64])
		byClass := map[string]int64{}
		for _, p := range errs.DataPoints {
			v, _ := p.Attributes.Value("error.type")
			byClass[v.AsString()] += p.Value
		}
		assert.Equal(t, map[string]int64{"session": 1, "rate_limited": 1}, byClass)

		bans := m[tbotel.MetricBans].Data.(metricdata.Sum[int64])
		require.Len(t, bans.DataPoints, 1)
		assert.Equal(t, int64(1), bans.DataPoints[0].Value)
		scope, _ := bans.DataPoints[0].Attributes.Value("taobao.ban.scope")
		assert.Equal(t, "method", scope.AsString())

		wait := m[tbotel.MetricLimiterWait].Data.(metricdata.Histogram[float64])
		var attempts uint64
		var waited float64
		for _, p := range wait.DataPoints {
			attempts += p.Count
			waited += p.Sum
		}
		assert.Equal(t, uint64(5), attempts)
		assert.InDelta(t, 1+1+1+2, waited, 0.01, "three token waits of a second and the two-second ban")

		rpc := m[tbotel.MetricRPCDuration].Data.(metricdata.Histogram[float64])
		var exchanges uint64
		for _, p := range rpc.DataPoints {
			exchanges += p.Count
			assert.Zero(t, p.Sum, "the in-process fake answers at once")
		}
		assert.Equal(t, uint64(5), exchanges)
		assertNoSecrets(t, tm, session, srv.AppSecret, "private-note-5d1e")
	})
}

func url(k, v string) map[string]string { return map[string]string{k: v} }

// TestWithTelemetryAndAnotherObserver checks that the package ends only its
// own spans, whatever another observer puts in the context.
func TestWithTelemetryAndAnotherObserver(t *testing.T) {
	srv := taobaotest.NewServer()
	t.Cleanup(srv.Close)
	synctest.Test(t, func(t *testing.T) {
		tm := newTelemetry()
		other := sdktrace.NewTracerProvider().Tracer("other")
		var otherSpans []trace.Span
		obs := taobao.Observer{AttemptStart: func(ctx context.Context, e *taobao.AttemptEvent) context.Context {
			ctx, s := other.Start(ctx, "other")
			otherSpans = append(otherSpans, s)
			return ctx
		}}
		c := newClient(srv, "", tm.opt, taobao.WithObserver(obs))
		require.NoError(t, c.Call(context.Background(), "taobao.time.get", nil, nil))
		require.Len(t, otherSpans, 1)
		assert.True(t, otherSpans[0].IsRecording(), "another observer's span is left alone")
		assert.Len(t, tm.spans.GetSpans(), 2)
	})
}
