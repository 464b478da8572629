package taobao

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/toptrade/taobao/internal/envelope"
)

// Gateway addresses.
const (
	// DefaultBaseURL is the production gateway over HTTPS.
	DefaultBaseURL = "https://eco.taobao.com/router/rest"
	// OverseasBaseURL is the gateway for ISVs hosted outside mainland China.
	OverseasBaseURL = "https://api.taobao.com/router/rest"
)

// Client defaults.
const (
	// DefaultMaxBodySize caps how much of one answer the client reads.
	DefaultMaxBodySize = 64 << 20
	// DefaultMaxRetries is how many times a failed call is retried when
	// retrying it is safe.
	DefaultMaxRetries = 2
	// DefaultRate and DefaultBurst pace a client that was given no limiter:
	// a conservative share of a typical app key's flow-control budget.
	DefaultRate  = 20.0
	DefaultBurst = 20

	// Version is this SDK's version, sent as partner_id.
	Version = "0.1.0"

	partnerID = "toptrade-go-" + Version
	userAgent = "toptrade-taobao-go/" + Version
)

// Client calls the TOP gateway for one app key and, optionally, one seller
// session. It is safe for concurrent use; make one per app key and derive
// per-seller copies with WithSession.
type Client struct {
	// Trades calls the trade APIs.
	Trades *TradeService
	// Logistics calls the logistics APIs.
	Logistics *LogisticsService
	// Refunds calls the refund (after-sales) APIs.
	Refunds *RefundService
	// Privacy calls the buyer-privacy APIs: OAID decrypt and merge.
	Privacy *PrivacyService

	cfg   *config
	creds *credentials // behind a pointer, so that printing a Client by reflection shows no session
}

// credentials is whom a Client calls as: a fixed session or a token source.
type credentials struct {
	session *hidden // nil for none
	tokens  oauth2.TokenSource
	flight  *tokenFlight // one Token call at a time for tokens
	err     error        // a bad session given to WithSession: every call fails with it
}

// config is what NewClient settles; it is shared by session copies and never
// changed after NewClient returns.
type config struct {
	appKey     string
	appSecret  *hidden // behind a pointer, so that printing by reflection shows no secret
	baseURL    string
	hc         *http.Client
	signMethod SignMethod
	limiter    RateLimiter
	maxRetries int
	logger     *slog.Logger
	maxBody    int64
	reads      map[string]bool
	observers  []Observer
	server     string // the gateway's host[:port], for the observers
	userAgent  string
	bufs       sync.Pool
}

// Option configures a Client in NewClient.
type Option func(*Client) error

// NewClient returns a client for the app key and secret. By default it talks
// to DefaultBaseURL, signs with hmac-sha256, paces calls at DefaultRate and
// retries safe failures DefaultMaxRetries times.
func NewClient(appKey, appSecret string, opts ...Option) (*Client, error) {
	if isBlank(appKey) {
		return nil, invalidArg("", "app key", "must not be empty")
	}
	if isBlank(appSecret) {
		return nil, invalidArg("", "app secret", "must not be empty")
	}
	c := &Client{creds: &credentials{}, cfg: &config{
		appKey:     appKey,
		appSecret:  hide(appSecret),
		baseURL:    DefaultBaseURL,
		hc:         defaultHTTPClient(),
		signMethod: SignHMACSHA256,
		maxRetries: DefaultMaxRetries,
		maxBody:    DefaultMaxBodySize,
		userAgent:  userAgent,
	}}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(c); err != nil {
			return nil, err
		}
	}
	if c.cfg.limiter == nil {
		c.cfg.limiter = NewLimiter(DefaultRate, DefaultBurst, DefaultMaxBanWait)
	}
	if u, err := url.Parse(c.cfg.baseURL); err == nil {
		c.cfg.server = u.Host // for the observers
	}
	c.initServices()
	return c, nil
}

func (c *Client) initServices() {
	c.Trades = &TradeService{client: c}
	c.Logistics = &LogisticsService{client: c}
	c.Refunds = &RefundService{client: c}
	c.Privacy = &PrivacyService{client: c}
}

// Default HTTP client settings.
const (
	// DefaultTimeout bounds one attempt of the default HTTP client.
	DefaultTimeout = 60 * time.Second
	// DefaultMaxIdleConnsPerHost is how many idle connections to the
	// gateway the default HTTP client keeps: enough for many goroutines
	// sharing one client without opening a TLS connection per call.
	DefaultMaxIdleConnsPerHost = 100
)

// defaultHTTPClient returns the HTTP client of a Client given none: a
// transport of its own sized for concurrent use (http.DefaultTransport
// keeps only 2 idle connections per host), with dial, TLS-handshake and
// answer-header timeouts, proxies from the environment, and HTTP/2 where
// the server offers it.
func defaultHTTPClient() *http.Client {
	tr := &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   10 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          DefaultMaxIdleConnsPerHost * 2,
		MaxIdleConnsPerHost:   DefaultMaxIdleConnsPerHost,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 30 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{Transport: tr, Timeout: DefaultTimeout, CheckRedirect: noRedirects}
}

// WithBaseURL sets the gateway address. It must be https, except for a
// loopback host (a local fake gateway).
func WithBaseURL(rawURL string) Option {
	return func(c *Client) error {
		u, err := url.Parse(rawURL)
		if err != nil {
			return invalidArg("", "base URL", "cannot parse %q", redactURL(rawURL))
		}
		if u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			return invalidArg("", "base URL", "%q is not an absolute http(s) URL", redactURL(rawURL))
		}
		if u.Scheme == "http" && !isLoopback(u.Hostname()) {
			return invalidArg("", "base URL", "%q must use https (plain http only to a loopback host)", redactURL(rawURL))
		}
		if u.User != nil {
			return invalidArg("", "base URL", "must not carry user information")
		}
		c.cfg.baseURL = u.String()
		return nil
	}
}

// noRedirects stops the HTTP client at a redirect: the signed form carries
// the session and must reach the gateway only.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WithHTTPClient sets the HTTP client used for calls. The client is copied;
// the caller's value is never changed. Redirects are never followed: the
// form holds the session, which must not be sent to another host.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) error {
		if hc == nil {
			return invalidArg("", "HTTP client", "must not be nil")
		}
		cp := *hc
		cp.CheckRedirect = noRedirects
		c.cfg.hc = &cp
		return nil
	}
}

// WithSignMethod sets how requests are signed (default SignHMACSHA256).
func WithSignMethod(m SignMethod) Option {
	return func(c *Client) error {
		if !m.valid() {
			return invalidArg("", "sign method", "unknown method %q (want md5, hmac or hmac-sha256)", string(m))
		}
		c.cfg.signMethod = m
		return nil
	}
}

// WithSession sets a fixed seller session (access token) for every call.
func WithSession(session string) Option {
	return func(c *Client) error {
		if isBlank(session) {
			return invalidArg("", "session", "must not be empty")
		}
		c.creds = &credentials{session: hide(session)}
		return nil
	}
}

// WithTokenSource takes each call's session from ts, for example an OAuth
// token source that refreshes the seller's access token.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *Client) error {
		if ts == nil {
			return invalidArg("", "token source", "must not be nil")
		}
		c.creds = &credentials{tokens: ts, flight: &tokenFlight{ts: ts}}
		return nil
	}
}

// WithRateLimit paces this client's calls at perSecond with bursts of burst
// calls, in a limiter of its own.
func WithRateLimit(perSecond float64, burst int) Option {
	return func(c *Client) error {
		if !(perSecond > 0) {
			return invalidArg("", "rate limit", "calls per second must be positive, got %v", perSecond)
		}
		if burst < 1 {
			return invalidArg("", "rate limit", "burst must be at least 1, got %d", burst)
		}
		c.cfg.limiter = NewLimiter(perSecond, burst, DefaultMaxBanWait)
		return nil
	}
}

// WithLimiter makes the client pace its calls through l, which may be shared
// with every other client of the same app key.
func WithLimiter(l RateLimiter) Option {
	return func(c *Client) error {
		if l == nil || (reflect.ValueOf(l).Kind() == reflect.Pointer && reflect.ValueOf(l).IsNil()) {
			return invalidArg("", "limiter", "must not be nil")
		}
		c.cfg.limiter = l
		return nil
	}
}

// WithMaxRetries sets how many times a call is retried when that is safe
// (default 2; 0 turns retries off).
func WithMaxRetries(n int) Option {
	return func(c *Client) error {
		if n < 0 {
			return invalidArg("", "max retries", "must not be negative, got %d", n)
		}
		c.cfg.maxRetries = n
		return nil
	}
}

// WithLogger makes the client log one debug line per attempt: method,
// attempt, duration, request_id and error code. Secrets are never logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) error {
		c.cfg.logger = l
		return nil
	}
}

// WithMaxBodySize caps the size of an answer the client reads (default
// DefaultMaxBodySize).
func WithMaxBodySize(n int64) Option {
	return func(c *Client) error {
		if n <= 0 {
			return invalidArg("", "max body size", "must be positive, got %d", n)
		}
		c.cfg.maxBody = n
		return nil
	}
}

// WithIdempotentMethods declares methods that Call may retry like reads
// although their names do not end in get, search or query.
func WithIdempotentMethods(methods ...string) Option {
	return func(c *Client) error {
		if c.cfg.reads == nil {
			c.cfg.reads = make(map[string]bool, len(methods))
		}
		for _, m := range methods {
			c.cfg.reads[m] = true
		}
		return nil
	}
}

// WithSession returns a copy of c that calls as another seller. The copy
// shares c's limiter, HTTP client and settings; making it costs three small
// allocations. An empty session is refused as the option WithSession
// refuses it: every call of the copy fails with ErrInvalidArgument, before
// the network.
func (c *Client) WithSession(session string) *Client {
	cr := &credentials{session: hide(session)}
	if isBlank(session) {
		cr = &credentials{err: errors.New("WithSession: the session must not be empty")}
	}
	cp := &Client{cfg: c.cfg, creds: cr}
	cp.initServices()
	return cp
}

// WithTokenSource returns a copy of c that takes each call's session from
// ts (another seller's OAuth token source, say). Like WithSession, the copy
// shares c's limiter, HTTP client and settings.
func (c *Client) WithTokenSource(ts oauth2.TokenSource) *Client {
	cp := &Client{cfg: c.cfg, creds: &credentials{tokens: ts, flight: &tokenFlight{ts: ts}}}
	cp.initServices()
	return cp
}

// AppKey returns the client's app key.
func (c *Client) AppKey() string { return c.cfg.appKey }

// Limiter returns the limiter that paces the client's calls.
func (c *Client) Limiter() RateLimiter { return c.cfg.limiter }

// isRead reports whether method only reads, by TOP's naming (the last part
// is get, search or query) or because the caller declared it idempotent.
func (c *Client) isRead(method string) bool {
	if c.cfg.reads[method] {
		return true
	}
	last := method[strings.LastIndexByte(method, '.')+1:]
	return last == "get" || last == "search" || last == "query"
}

// reserved names are set by the client; a caller may not pass them.
var reserved = map[string]bool{
	"method": true, "app_key": true, "session": true, "timestamp": true, "v": true,
	"format": true, "sign_method": true, "sign": true, "partner_id": true,
}

// Call calls any TOP API. params is nil, url.Values, map[string]string, or
// a struct (or pointer to one) with go-querystring `url` tags. out, when not
// nil, is a pointer that receives the members of "<name>_response".
//
// A method whose name ends in get, search or query is a read and is retried
// on passing failures; any other method is a write, retried only when the
// gateway refused it under flow control or the request never left (unless
// declared with WithIdempotentMethods, or known to be repeatable, such as
// taobao.trade.memo.update).
func (c *Client) Call(ctx context.Context, method string, params any, out any) error {
	if method == "" || strings.ContainsAny(method, " \t\r\n") {
		return invalidArg("", "method", "invalid TOP method name %q", method)
	}
	vals, err := toValues(method, params)
	if err != nil {
		return err
	}
	if out != nil {
		if v := reflect.ValueOf(out); v.Kind() != reflect.Pointer || v.IsNil() {
			return invalidArg(method, "out", "must be a non-nil pointer, got %T", out)
		}
	}
	return c.call(ctx, method, vals, out)
}

// toValues turns Call's params into form values.
func toValues(method string, params any) (url.Values, error) {
	switch p := params.(type) {
	case nil:
		return nil, nil
	case url.Values:
		return p, nil
	case *url.Values:
		if p == nil {
			return nil, nil
		}
		return *p, nil
	case map[string]string:
		v := make(url.Values, len(p))
		for k, s := range p {
			v.Set(k, s)
		}
		return v, nil
	}
	rv := reflect.ValueOf(params)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil, nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, invalidArg(method, "params", "want url.Values, map[string]string or a struct with url tags, got %T", params)
	}
	return encodeOptions(method, params)
}

// call runs the request pipeline: limiter, session, form and signature,
// POST and bounded read, decoding, then the retry decision.
func (c *Client) call(ctx context.Context, method string, params url.Values, out any) error {
	for k := range params {
		if reserved[k] {
			return invalidArg(method, k, "is set by the client and cannot be passed as a parameter")
		}
	}
	read := c.isRead(method)
	if len(c.cfg.observers) == 0 {
		return c.attempts(ctx, method, params, out, read, nil)
	}
	ce := &CallEvent{Method: method, Read: read, Server: c.cfg.server}
	start := time.Now()
	ctx = c.cfg.callStart(ctx, ce)
	err := c.attempts(ctx, method, params, out, read, ce)
	c.cfg.callEnd(ctx, ce, start, err)
	return err
}

// attempts makes the attempts of one call until one succeeds or the retry
// decision gives up. ce is nil when no observer is set.
func (c *Client) attempts(ctx context.Context, method string, params url.Values, out any, read bool, ce *CallEvent) error {
	idempotent := !read && idempotentWrite(method)
	// Only a caller of Call may ask for simplify=true answers, which have
	// no envelope.
	bare := params.Get("simplify") == "true"
	refreshed := false
	patience := time.Duration(0)
	if p, ok := c.cfg.limiter.(banPatience); ok {
		patience = p.MaxBanWait()
	}
	for n := 0; ; n++ {
		actx, ae, astart := ctx, (*AttemptEvent)(nil), time.Time{}
		if ce != nil {
			ce.Attempts++
			ae = &AttemptEvent{Method: method, Attempt: n + 1, Server: c.cfg.server}
			astart = time.Now()
			actx = c.cfg.attemptStart(ctx, ae)
		}
		if err := c.cfg.limiter.Wait(actx, method); err != nil {
			if ae != nil {
				ae.LimiterWait = time.Since(astart)
			}
			return c.cfg.endAttempt(actx, ce, ae, astart, "", limiterError(ctx, method, err))
		}
		if ae != nil {
			ae.LimiterWait = time.Since(astart)
		}
		countAttempt(ctx, n)
		session, err := c.currentSession(actx, method)
		if err != nil {
			if ctx.Err() != nil {
				err = ctxError(method, "getting the session", err)
			}
			return c.cfg.endAttempt(actx, ce, ae, astart, "", err)
		}
		start := time.Now()
		form := c.buildForm(method, params, session, start)
		body, status, sent, date, err := c.send(actx, method, form)
		requestID := ""
		if err == nil {
			var rep decodeReport
			err = c.classify(method, status, body.Bytes(), out, bare, &rep, session, tokenCallSecrets(method, params)...)
			err = privacyCallError(method, params, err)
			if err == nil && rep.n > 0 {
				c.logDropped(ctx, method, body.Bytes(), &rep)
			}
			if ae != nil {
				requestID = envelope.RequestID(body.Bytes())
			}
		}
		c.noteSent(err, start, date)
		c.logAttempt(ctx, method, n, time.Since(start), body, err)
		if body != nil {
			c.putBuf(body)
		}
		if err == nil {
			return c.cfg.endAttempt(actx, ce, ae, astart, requestID, nil)
		}
		countFailure(ctx)
		if ctx.Err() != nil {
			if !read && sent {
				err = &outcomeError{method: method, cause: ctx.Err()}
			} else {
				err = ctxError(method, "", ctx.Err())
			}
			return c.cfg.endAttempt(actx, ce, ae, astart, requestID, err)
		}
		a := attempt{err: err, read: read || idempotent, idempotent: idempotent, sent: sent, n: n, maxRetries: c.cfg.maxRetries, patience: patience, now: time.Now()}
		if !refreshed && errors.Is(err, ErrInvalidSession) {
			if r, ok := c.creds.tokens.(interface{ refreshAfterReject(string) bool }); ok {
				a.canRefresh = r.refreshAfterReject(session)
			}
		}
		d := decide(a, method, fullJitter)
		if d.ban != nil {
			c.cfg.limiter.Ban(*d.ban)
			if ae != nil {
				b := *d.ban
				ae.Ban = &b
			}
		}
		if !d.retry {
			return c.cfg.endAttempt(actx, ce, ae, astart, requestID, d.err)
		}
		if ae != nil {
			ae.Retry, ae.RetryWait = true, d.wait
			c.cfg.endAttempt(actx, ce, ae, astart, requestID, err)
		}
		if d.refresh {
			refreshed = true
			n-- // a refreshed session is a new call, not a retry
			continue
		}
		if err := sleep(ctx, d.wait); err != nil {
			return ctxError(method, "waiting to retry", err)
		}
	}
}

// limiterError is the error of a call the limiter did not let out.
func limiterError(ctx context.Context, method string, err error) error {
	if ctx.Err() != nil {
		return ctxError(method, "waiting for the limiter", ctx.Err())
	}
	var ban *BanError
	if errors.As(err, &ban) {
		return err
	}
	return &methodError{method: method, what: "waiting for the limiter", err: err}
}

// noteSent records in an invalid-signature or invalid-timestamp answer
// what the client sent, for APIError.Explain: the sign method, the
// timestamp and the gateway's clock from the answer's Date header.
func (c *Client) noteSent(err error, sentAt time.Time, date string) {
	var apiErr *APIError
	if err == nil || !errors.As(err, &apiErr) || (apiErr.Code != 25 && apiErr.Code != 31) {
		return
	}
	s := &sentInfo{signMethod: c.cfg.signMethod, timestamp: sentAt.Truncate(time.Second)}
	if t, perr := http.ParseTime(date); perr == nil {
		s.gateway = t
	}
	apiErr.sent = s
}

// logDropped reports, once per answer, the values the decoder dropped or
// converted, at warn level.
func (c *Client) logDropped(ctx context.Context, method string, body []byte, rep *decodeReport) {
	countDropped(ctx, rep.n)
	l := c.cfg.logger
	if l == nil || !l.Enabled(ctx, slog.LevelWarn) {
		return
	}
	paths := make([]string, 0, len(rep.drops))
	for _, d := range rep.drops {
		paths = append(paths, d.Path+": "+d.Reason)
	}
	l.LogAttrs(ctx, slog.LevelWarn, "taobao: values of the answer were dropped or converted",
		slog.String("method", method), slog.String("request_id", envelope.RequestID(body)),
		slog.Int("count", rep.n), slog.Any("values", paths))
}

func (c *Client) logAttempt(ctx context.Context, method string, attempt int, d time.Duration, body *bytes.Buffer, err error) {
	l := c.cfg.logger
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", method),
		slog.Int("attempt", attempt+1),
		slog.Duration("duration", d),
	}
	if body != nil {
		if id := envelope.RequestID(body.Bytes()); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		attrs = append(attrs, slog.Int("code", apiErr.Code))
		if apiErr.SubCode != "" {
			attrs = append(attrs, slog.String("sub_code", apiErr.SubCode))
		}
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "taobao call", attrs...)
}

// attemptCounter lets the syncer count the client's attempts, retries,
// failures and dropped values.
type attemptCounter struct{ calls, retries, failed, dropped *atomic.Int64 }

type attemptCounterKey struct{}

func withAttemptCounter(ctx context.Context, c *attemptCounter) context.Context {
	return context.WithValue(ctx, attemptCounterKey{}, c)
}

// countAttempt records one attempt of a call made for a syncer.
func countAttempt(ctx context.Context, attempt int) {
	if c, ok := ctx.Value(attemptCounterKey{}).(*attemptCounter); ok {
		c.calls.Add(1)
		if attempt > 0 {
			c.retries.Add(1)
		}
	}
}

// countDropped records values an answer made for a syncer had dropped.
func countDropped(ctx context.Context, n int) {
	if c, ok := ctx.Value(attemptCounterKey{}).(*attemptCounter); ok && c.dropped != nil {
		c.dropped.Add(int64(n))
	}
}

// countFailure records a failed attempt of a call made for a syncer.
func countFailure(ctx context.Context) {
	if c, ok := ctx.Value(attemptCounterKey{}).(*attemptCounter); ok && c.failed != nil {
		c.failed.Add(1)
	}
}
