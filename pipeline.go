package taobao

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// The stages of one attempt, in the order Client.call runs them: the
// session, the form (common parameters, blank values dropped, signature),
// then the POST and the bounded read of the answer into a pooled buffer.

// currentSession returns the session to send: the fixed one, or the token
// source's current access token.
func (c *Client) currentSession(ctx context.Context, method string) (string, error) {
	if c.creds.err != nil {
		return "", invalidArg(method, "session", "%v", c.creds.err)
	}
	if c.creds.tokens == nil {
		return c.creds.session.value(), nil
	}
	tok, err := c.creds.flight.token(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return "", err
		}
		return "", &methodError{method: method, what: "getting the session", err: err}
	}
	return tok.AccessToken, nil
}

// tokenFlight makes the Token calls of one token source one at a time: a
// refresh may block on the network, and each caller waits for the call in
// flight (or until its own context ends) instead of starting another.
type tokenFlight struct {
	ts oauth2.TokenSource

	mu  sync.Mutex
	cur *tokenCall // the call in flight, if any
}

type tokenCall struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
}

func (f *tokenFlight) token(ctx context.Context) (*oauth2.Token, error) {
	f.mu.Lock()
	call := f.cur
	if call == nil {
		call = &tokenCall{done: make(chan struct{})}
		f.cur = call
		go func() {
			tok, err := f.ts.Token()
			if err == nil && tok == nil {
				err = errors.New("the token source returned no token")
			}
			call.tok, call.err = tok, err
			f.mu.Lock()
			f.cur = nil
			f.mu.Unlock()
			close(call.done)
		}()
	}
	f.mu.Unlock()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-call.done:
		return call.tok, call.err
	}
}

// transportError wraps a failure to exchange the request and its answer.
type transportError struct {
	method string
	err    error
}

func (e *transportError) Error() string   { return prefixed(e.method, detail(e.method, e.err)) }
func (e *transportError) Unwrap() error   { return e.err }
func (e *transportError) Retryable() bool { return true }

func isTransport(err error) bool {
	var te *transportError
	return errors.As(err, &te)
}

// buildForm returns the signed form of one attempt: the caller's values
// (blank ones dropped, first value of each name) and the common parameters,
// with the timestamp in GMT+8 whatever the host's zone.
func (c *Client) buildForm(method string, params url.Values, session string, now time.Time) url.Values {
	form := make(url.Values, len(params)+9)
	for k, vs := range params {
		if len(vs) > 0 && !isBlank(vs[0]) && !isBlank(k) {
			form[k] = vs[:1:1]
		}
	}
	form["method"] = []string{method}
	form["app_key"] = []string{c.cfg.appKey}
	if !isBlank(session) {
		form["session"] = []string{session}
	}
	form["timestamp"] = []string{now.In(gmt8).Format(TimeLayout)}
	form["v"] = []string{"2.0"}
	form["format"] = []string{"json"}
	form["sign_method"] = []string{string(c.cfg.signMethod)}
	form["partner_id"] = []string{partnerID}
	var sig [64]byte
	n := signInto(&sig, form, c.cfg.appSecret.value(), c.cfg.signMethod)
	form["sign"] = []string{string(sig[:n])}
	return form
}

// send posts the form, every parameter in the body and none in the URL,
// and reads the answer under the size cap. sent reports whether the
// request may have reached the gateway; date is the answer's Date header.
func (c *Client) send(ctx context.Context, method string, form url.Values) (body *bytes.Buffer, status int, sent bool, date string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.baseURL, bytes.NewReader(encodeForm(form)))
	if err != nil {
		return nil, 0, false, "", &transportError{method, err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.cfg.userAgent)
	resp, err := c.cfg.hc.Do(req)
	if err != nil {
		return nil, 0, !notSent(err), "", &transportError{method, err}
	}
	defer resp.Body.Close()
	date = resp.Header.Get("Date")
	buf := c.getBuf()
	_, err = buf.ReadFrom(io.LimitReader(resp.Body, c.cfg.maxBody+1))
	if err != nil {
		c.putBuf(buf)
		return nil, 0, true, date, &transportError{method, fmt.Errorf("reading the answer: %w", err)}
	}
	if int64(buf.Len()) > c.cfg.maxBody {
		c.putBuf(buf)
		// Too large to read: for a write, the request reached the gateway
		// and whether it took effect is unknown.
		return nil, 0, true, date, &tooLargeError{method: method, max: c.cfg.maxBody}
	}
	return buf, resp.StatusCode, true, date, nil
}

// tooLargeError is an answer over the client's size cap.
type tooLargeError struct {
	method string
	max    int64
}

func (e *tooLargeError) Error() string {
	return prefixed(e.method, fmt.Sprintf("answer larger than %d bytes (see WithMaxBodySize)", e.max))
}

// Retryable is false for a read (the same answer would come again) and
// makes a sent write outcome-unknown.
func (e *tooLargeError) Retryable() bool { return false }

// unwrapTransport returns the cause of a transport error, err otherwise.
func unwrapTransport(err error) error {
	var te *transportError
	if errors.As(err, &te) {
		return te.err
	}
	return err
}

// notSent reports whether a transport error happened before the request
// could leave: a failed dial or name lookup, or a kept-alive connection
// that the server had closed before the request was written to it (the
// standard library reports that case only in words).
func notSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return true
	}
	return strings.Contains(err.Error(), "http: server closed idle connection")
}

const maxPooledBuf = 4 << 20

func (c *Client) getBuf() *bytes.Buffer {
	if b, ok := c.cfg.bufs.Get().(*bytes.Buffer); ok {
		b.Reset()
		return b
	}
	return new(bytes.Buffer)
}

func (c *Client) putBuf(b *bytes.Buffer) {
	if b.Cap() <= maxPooledBuf {
		c.cfg.bufs.Put(b)
	}
}

// encodeForm writes form as application/x-www-form-urlencoded in one
// buffer, names sorted so the body is deterministic.
func encodeForm(form url.Values) []byte {
	size := 0
	for k, vs := range form {
		size += len(k) + 2 + len(vs[0])*3/2
	}
	b := make([]byte, 0, size)
	var keyStack [48]string
	keys := keyStack[:0]
	for k := range form {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		if i > 0 {
			b = append(b, '&')
		}
		b = appendEscaped(b, k)
		b = append(b, '=')
		b = appendEscaped(b, form[k][0])
	}
	return b
}

// appendEscaped appends s escaped as url.QueryEscape would, without
// allocating.
func appendEscaped(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case 'a' <= ch && ch <= 'z', 'A' <= ch && ch <= 'Z', '0' <= ch && ch <= '9',
			ch == '-', ch == '_', ch == '.', ch == '~':
			b = append(b, ch)
		case ch == ' ':
			b = append(b, '+')
		default:
			b = append(b, '%', hex[ch>>4], hex[ch&15])
		}
	}
	return b
}
