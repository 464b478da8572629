package otel_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"

	"github.com/toptrade/taobao"
	tbotel "github.com/toptrade/taobao/otel"
)

// The README's OpenTelemetry snippet is the section below, as it is (the
// root package's TestREADMESnippets compares them).
func readmeTelemetry(key, secret string, tp trace.TracerProvider, mp metric.MeterProvider) (*taobao.Client, error) {
	// readme:begin otel
	c, err := taobao.NewClient(key, secret, tbotel.WithTelemetry(
		tbotel.WithTracerProvider(tp), tbotel.WithMeterProvider(mp))) // default: the global providers
	// readme:end
	return c, err
}

func TestREADMETelemetry(t *testing.T) {
	c, err := readmeTelemetry("12345678", "secret", tracenoop.NewTracerProvider(), noop.NewMeterProvider())
	require.NoError(t, err)
	require.NotNil(t, c)
}
