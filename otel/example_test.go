package otel_test

import (
	"context"
	"fmt"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	tbotel "github.com/toptrade/taobao/otel"
	"github.com/toptrade/taobao/taobaotest"
)

// A client whose calls are traced: one span per call, one client span per
// attempt. A real service passes its own providers (or none, for the
// global ones).
func ExampleWithTelemetry() {
	srv := taobaotest.NewServer()
	defer srv.Close()
	spans := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(spans))

	c := srv.Client(srv.NewSession(srv.Sellers()[0]), tbotel.WithTelemetry(tbotel.WithTracerProvider(tp)))
	if err := c.Call(context.Background(), "taobao.time.get", nil, nil); err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range spans.GetSpans() {
		fmt.Println(s.Name, s.SpanKind)
	}
	// Output:
	// taobao.time.get client
	// taobao.time.get internal
}
