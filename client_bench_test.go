package taobao_test

import (
	"compress/gzip"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// BenchmarkCall measures a round trip through Call against taobaotest on
// loopback, over plain, chunked, gzip and HTTPS answers, and reports how
// many new connections each call opened (it must be 0: every body is read to
// its end and closed, so connections are reused).
func BenchmarkCall(b *testing.B) {
	fake := taobaotest.NewServer()
	defer fake.Close()
	session := fake.NewSession("bench-seller")
	fake.HandleApp("taobao.bench.get", func(*taobaotest.Request) (any, error) {
		return map[string]any{"time": "2024-01-02 03:04:05", "items": strings.Repeat("商品", 200)}, nil
	})

	modes := []struct {
		name string
		wrap func(http.Handler) http.Handler
		tls  bool
	}{
		{"plain", func(h http.Handler) http.Handler { return h }, false},
		{"chunked", chunked, false},
		{"gzip", gzipped, false},
		{"https", func(h http.Handler) http.Handler { return h }, true},
	}
	for _, m := range modes {
		b.Run(m.name, func(b *testing.B) {
			var conns atomic.Int64
			ts := httptest.NewUnstartedServer(m.wrap(fake))
			ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				if s == http.StateNew {
					conns.Add(1)
				}
			}
			var hc *http.Client
			if m.tls {
				ts.StartTLS()
				hc = ts.Client()
			} else {
				ts.Start()
				hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
			}
			defer ts.Close()
			c, err := taobao.NewClient(fake.AppKey, fake.AppSecret,
				taobao.WithBaseURL(ts.URL+"/router/rest"), taobao.WithSession(session),
				taobao.WithHTTPClient(hc), taobao.WithLimiter(taobao.NewLimiter(0, 1, 0)))
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			var out timeOut
			if err := c.Call(ctx, "taobao.bench.get", nil, &out); err != nil { // warm the connection
				b.Fatal(err)
			}
			start := conns.Load()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := c.Call(ctx, "taobao.bench.get", nil, &out); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(conns.Load()-start)/float64(b.N), "newconns/op")
		})
	}
}

// BenchmarkNetHTTPBaseline is the same request made with net/http alone
// (a pre-encoded body, the answer read and dropped): what Call adds is the
// difference.
func BenchmarkNetHTTPBaseline(b *testing.B) {
	fake := taobaotest.NewServer()
	defer fake.Close()
	session := fake.NewSession("bench-seller")
	fake.HandleApp("taobao.bench.get", func(*taobaotest.Request) (any, error) {
		return map[string]any{"time": "2024-01-02 03:04:05", "items": strings.Repeat("商品", 200)}, nil
	})
	ts := httptest.NewServer(fake)
	defer ts.Close()
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	// A body the fake accepts, signed once by the SDK's own client through
	// a capturing transport.
	ct := &captureTransport{next: hc.Transport}
	c, _ := taobao.NewClient(fake.AppKey, fake.AppSecret, taobao.WithBaseURL(ts.URL+"/router/rest"),
		taobao.WithSession(session), taobao.WithHTTPClient(&http.Client{Transport: ct}))
	if err := c.Call(context.Background(), "taobao.bench.get", nil, nil); err != nil {
		b.Fatal(err)
	}
	body := ct.bodies[0]
	b.ReportAllocs()
	buf := make([]byte, 32<<10)
	for b.Loop() {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/router/rest", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := resp.Body.Read(buf); err != nil {
				break
			}
		}
		resp.Body.Close()
	}
}

func chunked(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
		w.WriteHeader(rec.Code)
		half := len(body) / 2
		w.Write(body[:half])
		w.(http.Flusher).Flush() // no Content-Length: chunked encoding
		w.Write(body[half:])
	})
}

func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "client did not ask for gzip", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", rec.Header().Get("Content-Type"))
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(rec.Body.Bytes())
		zw.Close()
	})
}
