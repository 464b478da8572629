// Package otel traces and measures the calls of a taobao.Client with
// OpenTelemetry, through the client's observer hooks. It is a module of its
// own, so that the SDK itself takes no OpenTelemetry dependency.
//
// Every call gets a span named after its TOP method, and every attempt of
// it a client span beneath, following OpenTelemetry's semantic conventions
// for RPC clients (rpc.system.name, rpc.method, rpc.response.status_code,
// error.type). A ban the gateway imposed is an event of the attempt that
// received it. The metrics count calls, errors by class and bans, and
// record latency and limiter waits as histograms.
//
// Spans and metrics carry the method, attempt, request_id, error class,
// code and sub_code only: never a parameter value, the session, the app
// secret, nor an error's message (a gateway message may echo a parameter).
//
// The package name clashes with go.opentelemetry.io/otel; import it under
// another name:
//
//	import tbotel "github.com/toptrade/taobao/otel"
//
//	c, err := taobao.NewClient(key, secret, tbotel.WithTelemetry())
package otel

import (
	"context"
	"net"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/toptrade/taobao"
)

// ScopeName is the instrumentation scope of the tracer and meter.
const ScopeName = "github.com/toptrade/taobao/otel"

// SystemName is the value of rpc.system.name for the TOP gateway, which
// the semantic conventions do not list.
const SystemName = "taobao_top"

// Attribute keys of this package beyond the semantic conventions.
const (
	AttemptKey     = attribute.Key("taobao.attempt")      // the attempt number, 1 for the first
	AttemptsKey    = attribute.Key("taobao.attempts")     // attempts a call made
	RequestIDKey   = attribute.Key("taobao.request_id")   // the gateway's request_id
	SubCodeKey     = attribute.Key("taobao.sub_code")     // the gateway's sub_code
	LimiterWaitKey = attribute.Key("taobao.limiter.wait") // seconds waited for the limiter
	RetryKey       = attribute.Key("taobao.retry")        // another attempt follows
	BanScopeKey    = attribute.Key("taobao.ban.scope")    // app, method or daily
	BanDurationKey = attribute.Key("taobao.ban.duration") // the ban's length in seconds
	ReadKey        = attribute.Key("taobao.read")         // the method only reads
)

// BanEvent is the name of the span event for a ban.
const BanEvent = "taobao.ban"

// Option configures the telemetry.
type Option func(*config)

type config struct {
	tp trace.TracerProvider
	mp metric.MeterProvider
}

// WithTracerProvider sets where spans go (default: the global provider).
func WithTracerProvider(tp trace.TracerProvider) Option {
	return func(c *config) { c.tp = tp }
}

// WithMeterProvider sets where metrics go (default: the global provider).
func WithMeterProvider(mp metric.MeterProvider) Option {
	return func(c *config) { c.mp = mp }
}

// WithTelemetry returns a client option that traces and measures the
// client's calls. An error creating the instruments is returned by
// taobao.NewClient.
func WithTelemetry(opts ...Option) taobao.Option {
	o, err := NewObserver(opts...)
	if err != nil {
		return func(*taobao.Client) error { return err }
	}
	return taobao.WithObserver(o)
}

// instruments are the metrics this package records.
type instruments struct {
	calls       metric.Int64Counter
	errors      metric.Int64Counter
	bans        metric.Int64Counter
	rpcDuration metric.Float64Histogram
	callLatency metric.Float64Histogram
	limiterWait metric.Float64Histogram
}

// Metric names.
const (
	MetricRPCDuration = "rpc.client.call.duration"    // one attempt's exchange with the gateway, seconds
	MetricCalls       = "taobao.client.calls"         // calls made, by method and error.type
	MetricErrors      = "taobao.client.errors"        // failed attempts, by method and error.type (the class)
	MetricCallLatency = "taobao.client.call.duration" // whole calls, retries and waits included, seconds
	MetricLimiterWait = "taobao.client.limiter.wait"  // time an attempt waited for the limiter, seconds
	MetricBans        = "taobao.client.bans"          // bans the gateway imposed, by method and scope
)

// NewObserver returns the hooks that trace and measure a client's calls;
// pass them to taobao.WithObserver.
func NewObserver(opts ...Option) (taobao.Observer, error) {
	cfg := config{}
	for _, opt := range opts {
		if opt != nil {
			opt(&cfg)
		}
	}
	if cfg.tp == nil {
		cfg.tp = otel.GetTracerProvider()
	}
	if cfg.mp == nil {
		cfg.mp = otel.GetMeterProvider()
	}
	meter := cfg.mp.Meter(ScopeName)
	var ins instruments
	var err error
	buckets := metric.WithExplicitBucketBoundaries(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
	if ins.calls, err = meter.Int64Counter(MetricCalls, metric.WithUnit("{call}"), metric.WithDescription("Calls of the TOP gateway.")); err != nil {
		return taobao.Observer{}, err
	}
	if ins.errors, err = meter.Int64Counter(MetricErrors, metric.WithUnit("{attempt}"), metric.WithDescription("Failed attempts, by error class.")); err != nil {
		return taobao.Observer{}, err
	}
	if ins.bans, err = meter.Int64Counter(MetricBans, metric.WithUnit("{ban}"), metric.WithDescription("Bans the gateway imposed.")); err != nil {
		return taobao.Observer{}, err
	}
	if ins.rpcDuration, err = meter.Float64Histogram(MetricRPCDuration, metric.WithUnit("s"), buckets, metric.WithDescription("Duration of one exchange with the gateway.")); err != nil {
		return taobao.Observer{}, err
	}
	if ins.callLatency, err = meter.Float64Histogram(MetricCallLatency, metric.WithUnit("s"), buckets, metric.WithDescription("Duration of whole calls, retries and waits included.")); err != nil {
		return taobao.Observer{}, err
	}
	if ins.limiterWait, err = meter.Float64Histogram(MetricLimiterWait, metric.WithUnit("s"), buckets, metric.WithDescription("Time attempts waited for the rate limiter.")); err != nil {
		return taobao.Observer{}, err
	}
	h := &hooks{tracer: cfg.tp.Tracer(ScopeName), ins: ins}
	return taobao.Observer{CallStart: h.callStart, CallEnd: h.callEnd, AttemptStart: h.attemptStart, AttemptEnd: h.attemptEnd}, nil
}

type hooks struct {
	tracer trace.Tracer
	ins    instruments
}

// Context keys for this package's own spans, so that another observer's
// spans in the context are never ended by mistake.
type callSpanKey struct{}
type attemptSpanKey struct{}

func base(method string) []attribute.KeyValue {
	return []attribute.KeyValue{semconv.RPCSystemNameKey.String(SystemName), semconv.RPCMethodKey.String(method)}
}

func (h *hooks) callStart(ctx context.Context, e *taobao.CallEvent) context.Context {
	// The call is the logical operation; its attempts are the client spans.
	ctx, span := h.tracer.Start(ctx, e.Method, trace.WithSpanKind(trace.SpanKindInternal),
		trace.WithAttributes(append(base(e.Method), ReadKey.Bool(e.Read))...))
	return context.WithValue(ctx, callSpanKey{}, span)
}

func (h *hooks) callEnd(ctx context.Context, e *taobao.CallEvent) {
	attrs := base(e.Method)
	if e.Class != "" {
		attrs = append(attrs, semconv.ErrorTypeKey.String(string(e.Class)))
	}
	h.ins.calls.Add(ctx, 1, metric.WithAttributes(attrs...))
	h.ins.callLatency.Record(ctx, e.Duration.Seconds(), metric.WithAttributes(attrs...))
	span, ok := ctx.Value(callSpanKey{}).(trace.Span)
	if !ok {
		return
	}
	span.SetAttributes(AttemptsKey.Int(e.Attempts))
	endSpan(span, e.RequestID, e.Class, e.Code, e.SubCode)
}

func (h *hooks) attemptStart(ctx context.Context, e *taobao.AttemptEvent) context.Context {
	attrs := append(base(e.Method), AttemptKey.Int(e.Attempt))
	ctx, span := h.tracer.Start(ctx, e.Method, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(append(attrs, server(e.Server)...)...))
	return context.WithValue(ctx, attemptSpanKey{}, span)
}

func (h *hooks) attemptEnd(ctx context.Context, e *taobao.AttemptEvent) {
	attrs := base(e.Method)
	if e.Class != "" {
		attrs = append(attrs, semconv.ErrorTypeKey.String(string(e.Class)))
		h.ins.errors.Add(ctx, 1, metric.WithAttributes(attrs...))
	}
	if e.Code != 0 {
		attrs = append(attrs, semconv.RPCResponseStatusCodeKey.String(strconv.Itoa(e.Code)))
	}
	h.ins.rpcDuration.Record(ctx, (e.Duration - e.LimiterWait).Seconds(), metric.WithAttributes(append(attrs, server(e.Server)...)...))
	h.ins.limiterWait.Record(ctx, e.LimiterWait.Seconds(), metric.WithAttributes(base(e.Method)...))
	if e.Ban != nil {
		h.ins.bans.Add(ctx, 1, metric.WithAttributes(append(base(e.Method), BanScopeKey.String(scopeName(e.Ban.Scope)))...))
	}
	span, ok := ctx.Value(attemptSpanKey{}).(trace.Span)
	if !ok {
		return
	}
	span.SetAttributes(LimiterWaitKey.Float64(e.LimiterWait.Seconds()), RetryKey.Bool(e.Retry))
	if e.Ban != nil {
		span.AddEvent(BanEvent, trace.WithAttributes(
			BanScopeKey.String(scopeName(e.Ban.Scope)),
			BanDurationKey.Float64(e.Ban.For.Seconds()),
		))
	}
	endSpan(span, e.RequestID, e.Class, e.Code, e.SubCode)
}

// endSpan sets the outcome and ends span. The status description holds the
// class, code and sub_code, never the error's message.
func endSpan(span trace.Span, requestID string, class taobao.ErrorClass, code int, sub string) {
	if requestID != "" {
		span.SetAttributes(RequestIDKey.String(requestID))
	}
	if code != 0 {
		span.SetAttributes(semconv.RPCResponseStatusCodeKey.String(strconv.Itoa(code)))
	}
	if sub != "" {
		span.SetAttributes(SubCodeKey.String(sub))
	}
	if class != "" {
		span.SetAttributes(semconv.ErrorTypeKey.String(string(class)))
		desc := string(class)
		if code != 0 {
			desc += " error " + strconv.Itoa(code)
		}
		if sub != "" {
			desc += " " + sub
		}
		span.SetStatus(codes.Error, desc)
	}
	span.End()
}

// server returns server.address and, when the base URL names one,
// server.port for the gateway's host.
func server(hostPort string) []attribute.KeyValue {
	if hostPort == "" {
		return nil
	}
	host, port, err := net.SplitHostPort(hostPort)
	if err != nil {
		return []attribute.KeyValue{semconv.ServerAddressKey.String(hostPort)}
	}
	kvs := []attribute.KeyValue{semconv.ServerAddressKey.String(host)}
	if p, err := strconv.Atoi(port); err == nil {
		kvs = append(kvs, semconv.ServerPortKey.Int(p))
	}
	return kvs
}

// scopeName names a ban's scope for attributes.
func scopeName(s taobao.BanScope) string {
	switch s {
	case taobao.BanMethod:
		return "method"
	case taobao.BanDaily:
		return "daily"
	}
	return "app"
}
