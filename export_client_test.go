package taobao

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"time"
)

// DefaultHTTPClientTrusting returns the client NewClient uses by default,
// trusting roots as well (for a test server's certificate).
func DefaultHTTPClientTrusting(roots *x509.CertPool) *http.Client {
	hc := defaultHTTPClient()
	hc.Transport.(*http.Transport).TLSClientConfig = &tls.Config{RootCAs: roots}
	return hc
}

// Decide exports the retry decision for table tests.
func Decide(err error, read, sent bool, n, maxRetries int, patience time.Duration, now time.Time) (retry bool, wait time.Duration, ban *Ban, out error) {
	d := decide(attempt{err: err, read: read, sent: sent, n: n, maxRetries: maxRetries, patience: patience, now: now}, "taobao.x.get", func(d time.Duration) time.Duration { return d })
	return d.retry, d.wait, d.ban, d.err
}

// NewTransportError wraps err as the pipeline wraps a failed exchange.
func NewTransportError(method string, err error) error { return &transportError{method, err} }

// NewCorruptAnswerError is the error of an answer cut short or broken.
func NewCorruptAnswerError(method string) error {
	return &DecodeError{Method: method, Err: errors.New("unexpected end of JSON input"), truncated: true}
}

// NewTooLargeError is the error of an answer over the size cap.
func NewTooLargeError(method string) error { return &tooLargeError{method: method, max: 10} }

// SetSyncWallClock replaces the host's wall clock the syncer reads (its
// monotonic clock stays the real one), to simulate a clock step.
func SetSyncWallClock(s *TradeSyncer, now func() time.Time) { s.now = now }
