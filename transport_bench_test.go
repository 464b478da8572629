package taobao_test

import (
	"context"
	"crypto/x509"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// BenchmarkParallelCallHTTPS runs 64 goroutines sharing one client over
// HTTPS and reports the new TLS connections per call: with the SDK's
// default transport it must be 0 after warm-up; with a copy of
// http.DefaultTransport (2 idle connections per host) it is not.
func BenchmarkParallelCallHTTPS(b *testing.B) {
	fake := taobaotest.NewServer()
	defer fake.Close()
	session := fake.NewSession("bench-seller")
	fake.HandleApp("taobao.bench.get", func(*taobaotest.Request) (any, error) {
		return map[string]any{"time": "2024-01-02 03:04:05"}, nil
	})
	var conns atomic.Int64
	ts := httptest.NewUnstartedServer(fake)
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	ts.StartTLS()
	defer ts.Close()
	roots := x509.NewCertPool()
	roots.AddCert(ts.Certificate())

	clients := []struct {
		name string
		hc   func() *http.Client
	}{
		{"impl=sdk-default", func() *http.Client { return taobao.DefaultHTTPClientTrusting(roots) }},
		{"impl=net-http-default", func() *http.Client {
			tr := http.DefaultTransport.(*http.Transport).Clone()
			tr.TLSClientConfig.RootCAs = roots
			return &http.Client{Transport: tr}
		}},
	}
	for _, cl := range clients {
		b.Run(cl.name, func(b *testing.B) {
			c, err := taobao.NewClient(fake.AppKey, fake.AppSecret,
				taobao.WithBaseURL(ts.URL+"/router/rest"), taobao.WithSession(session),
				taobao.WithHTTPClient(cl.hc()), taobao.WithLimiter(taobao.NewLimiter(0, 1, 0)))
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			// Warm up with 64 concurrent calls, so that each goroutine
			// below can find an idle connection.
			warm := make(chan error, 64)
			for range 64 {
				go func() {
					var out timeOut
					warm <- c.Call(ctx, "taobao.bench.get", nil, &out)
				}()
			}
			for range 64 {
				if err := <-warm; err != nil {
					b.Fatal(err)
				}
			}
			start := conns.Load()
			b.SetParallelism((64 + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0)) // 64 goroutines
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var out timeOut
				for pb.Next() {
					if err := c.Call(ctx, "taobao.bench.get", nil, &out); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(conns.Load()-start)/float64(b.N), "newconns/op")
		})
	}
}
