// Package taobaotest is a fake TOP gateway for tests: the net/http/httptest
// of this SDK. A Server listens on loopback, checks every request as
// strictly as the real gateway does (app key, timestamp, version, signature
// by any of the three methods, session), answers in the real envelopes, and
// lets a test inject faults and count calls.
//
// It serves the trade and logistics APIs over a deterministic data set:
// several sellers (WithSellers), each with trades (WithTrades) spread over
// the last 90 days in every state of the trade life cycle, with orders,
// refunds, shipments and tracking, generated from a seed (WithSeed). It
// keeps the gateway's rules: a session sees only its seller's trades, only
// the requested fields are returned, lists are filtered, sorted and paged
// as documented, and parameter errors carry the documented codes. A test
// adds, changes, pays, ships, refunds and closes trades (AddTrade,
// ModifyTrade, PayTrade, ShipTrade, RefundOrder, CloseTrade, FinishTrade),
// reads the ground truth (Trades), moves the clock (Advance), changes data
// between two page reads (BetweenPages), and limits the call rate
// (WithCallLimit).
//
// The data set is generated on first use, relative to the server's clock
// at that moment: a server created outside a testing/synctest bubble and
// first used inside it holds trades of the bubble's last 90 days.
//
// A Server is also usable without the network: Transport returns an
// http.RoundTripper that serves requests in-process, which tests running
// under testing/synctest need.
package taobaotest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/envelope"
	"github.com/toptrade/taobao/internal/fakedata"
)

// MaxSkew is how far a request's timestamp may be from the server's clock,
// as on the real gateway.
const MaxSkew = 10 * time.Minute

// Default credentials of a Server.
const (
	DefaultAppKey    = "12345678"
	DefaultAppSecret = "taobaotest-app-secret-0123456789"
)

// Request is one call as a handler sees it, after the gateway's checks.
type Request struct {
	Method  string     // the TOP method called
	Params  url.Values // every parameter received, common ones included
	Session string     // the session sent, if any
	Seller  string     // the seller nick the session belongs to ("" without one)
	// Context is the HTTP request's context, as http.Request carries it:
	// it ends when the client gives up.
	Context context.Context
}

// Handler serves one TOP method. It returns the members of the method's
// "<name>_response" object (anything that marshals to a JSON object, or
// nil), or an error: an *taobao.APIError is answered as error_response,
// any other error as an isp back-end failure.
type Handler func(r *Request) (any, error)

// Option configures a Server.
type Option func(*Server)

// WithAppKey sets the app key and secret the server accepts.
func WithAppKey(key, secret string) Option {
	return func(s *Server) { s.AppKey, s.AppSecret = key, secret }
}

// WithClock sets the server's clock, used for timestamps checks, session
// expiry and the data it serves. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Server) {
		if now != nil {
			s.now = now
		}
	}
}

// Defaults of the data set.
const (
	// DefaultSeed is the seed of the data set unless WithSeed says otherwise.
	DefaultSeed = 1
	// DefaultTrades is how many trades each seller has unless WithTrades
	// says otherwise.
	DefaultTrades = 100
	// DefaultSellerCount is how many sellers the server has unless
	// WithSellers or WithSellerCount says otherwise. The first is
	// DefaultAuthorizeSeller.
	DefaultSellerCount = 3
)

// WithSeed sets the seed the data set is generated from: the same seed
// (with the same sellers, number of trades and clock) gives the same
// trades.
func WithSeed(seed int64) Option {
	return func(s *Server) { s.seed = seed }
}

// WithTrades sets how many trades each seller has; 0 starts every seller
// without trades, for tests that add their own.
func WithTrades(n int) Option {
	return func(s *Server) { s.tradesPer = max(n, 0) }
}

// WithSellers names the sellers the server holds trades for, in order.
// Empty and repeated nicks are dropped.
func WithSellers(nicks ...string) Option {
	return func(s *Server) {
		s.sellerNicks = s.sellerNicks[:0]
		for _, n := range nicks {
			if n != "" && !slices.Contains(s.sellerNicks, n) {
				s.sellerNicks = append(s.sellerNicks, n)
			}
		}
	}
}

// WithSellerCount gives the server n sellers with the default nicks: the
// first is DefaultAuthorizeSeller, the others Chinese shop names.
func WithSellerCount(n int) Option {
	return func(s *Server) { s.sellerNicks = sellerNicks(n) }
}

func sellerNicks(n int) []string {
	if n <= 0 {
		return nil
	}
	return append([]string{DefaultAuthorizeSeller}, fakedata.SellerNicks(n-1)...)
}

// WithIndexDelay makes changes reach the list APIs late, as the gateway's
// index does: each change written through the server (AddTrade,
// ModifyTrade, the write APIs...) becomes visible to taobao.trades.sold.get
// and the increment APIs after a delay drawn per change, from the seed, up
// to maxDelay; taobao.trade.fullinfo.get sees it at once. The time it became
// visible is its store time (async_modified), which
// taobao.trades.sold.incrementv.get windows by. Zero or a negative maxDelay
// means no delay.
func WithIndexDelay(maxDelay time.Duration) Option {
	return func(s *Server) { s.indexDelay = max(maxDelay, 0) }
}

// WithCompression makes the server gzip its JSON answers for clients that
// send Accept-Encoding: gzip, as the gateway does (an answer of 300 KB
// shrinks about tenfold). Go's http.Transport asks for gzip and undoes it
// by itself; the in-process Transport does not ask.
func WithCompression() Option {
	return func(s *Server) { s.gzip = true }
}

// WithCallLimit limits each method to calls requests per period for the
// app key, counted in fixed windows on the server's clock. A request over
// the limit is answered as the gateway's flow control answers: code 7,
// sub_code accesscontrol.limited-by-app-api-access-count, and "This ban
// will last for N more seconds" until the window ends. Zero calls (the
// default) means no limit.
func WithCallLimit(calls int, per time.Duration) Option {
	return func(s *Server) {
		if calls > 0 && per > 0 {
			s.limitCalls, s.limitPer = calls, per
		}
	}
}

// Call is one request the server received.
type Call struct {
	Method string     // the method parameter
	Params url.Values // every parameter received
	Time   time.Time  // when it arrived, on the server's clock
}

type method struct {
	needSession bool
	h           Handler
}

type fault struct {
	apiErr   *taobao.APIError
	status   int
	truncate bool
	delay    time.Duration
}

type session struct {
	seller  string
	expires time.Time // zero: never
}

// Server is a fake TOP gateway. Its methods are safe for concurrent use.
type Server struct {
	// URL is the gateway address (http://127.0.0.1:port/router/rest).
	URL string
	// AppKey and AppSecret are the credentials the server accepts.
	AppKey, AppSecret string

	srv *httptest.Server
	now func() time.Time

	oauth oauthState // the OAuth side (oauth.go); has its own lock

	// The data set (store.go), generated on first use.
	seed        int64
	tradesPer   int
	sellerNicks []string
	dataOnce    sync.Once
	st          atomic.Pointer[store]

	mu       sync.Mutex
	methods  map[string]method
	sessions map[string]*session
	faults   map[string][]fault
	calls    []Call // the most recent calls, at most logSize
	logSize  int
	total    int // calls received
	counts   map[string]int
	nextID   uint64
	offset   time.Duration
	between  func(method string, pageNo int)

	limitCalls int
	limitPer   time.Duration
	gzip       bool          // compress answers for clients that accept gzip
	indexDelay time.Duration // see WithIndexDelay
	windows    map[string]*callWindow
}

// callWindow counts the calls of one app key and method in one window.
type callWindow struct {
	start time.Time
	n     int
}

// NewServer starts a fake gateway on loopback. Close it when done.
func NewServer(opts ...Option) *Server {
	s := newServer(opts...)
	s.srv = httptest.NewServer(s)
	s.URL = s.srv.URL + "/router/rest"
	return s
}

// NewServerAt starts a fake gateway listening on addr ("host:port"; port
// 0 picks a free one), to run it as a process that clients outside the
// test binary call (examples/gateway). Unlike NewServer, it generates the
// data set at once. Close it when done.
func NewServerAt(addr string, opts ...Option) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("taobaotest: %w", err)
	}
	a, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		ln.Close()
		return nil, fmt.Errorf("taobaotest: %s is not a TCP address", ln.Addr())
	}
	host := "127.0.0.1" // what clients dial when listening on every interface
	if !a.IP.IsUnspecified() {
		host = a.IP.String()
	}
	s := newServer(opts...)
	s.data()
	ts := httptest.NewUnstartedServer(s)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	s.srv = ts
	s.URL = "http://" + net.JoinHostPort(host, strconv.Itoa(a.Port)) + "/router/rest"
	return s, nil
}

func newServer(opts ...Option) *Server {
	s := &Server{
		AppKey:    DefaultAppKey,
		AppSecret: DefaultAppSecret,
		now:       time.Now,
		methods:   make(map[string]method),
		sessions:  make(map[string]*session),
		faults:    make(map[string][]fault),
		counts:    make(map[string]int),
		logSize:   DefaultCallLog,
		windows:   make(map[string]*callWindow),

		seed:        DefaultSeed,
		tradesPer:   DefaultTrades,
		sellerNicks: sellerNicks(DefaultSellerCount),
	}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	s.registerOAuth()
	s.HandleApp("taobao.time.get", func(r *Request) (any, error) {
		return map[string]string{"time": s.Now().In(taobao.GMT8()).Format(taobao.TimeLayout)}, nil
	})
	s.Handle(taobao.MethodTradeFullInfo, s.tradeGet)
	s.Handle(taobao.MethodTradeGet, s.tradeGet)
	s.Handle(taobao.MethodTradesSold, s.soldGet)
	s.Handle(taobao.MethodTradesSoldIncrement, s.incrementGet)
	s.Handle(taobao.MethodTradesSoldIncrementV, s.incrementVGet)
	s.Handle(taobao.MethodLogisticsTrace, s.traceSearch)
	s.Handle(taobao.MethodLogisticsOrders, s.logisticsOrders)
	s.Handle(taobao.MethodLogisticsOrdersDetail, s.logisticsOrders)
	s.HandleApp(taobao.MethodLogisticsCompanies, s.companiesGet)
	s.Handle(taobao.MethodLogisticsOfflineSend, s.offlineSend)
	return s
}

// data returns the data set, generating it on first use.
func (s *Server) data() *store {
	s.dataOnce.Do(func() {
		st := newStore(s.seed, s.sellerNicks, s.tradesPer, s.Now())
		st.indexDelay, st.now = s.indexDelay, s.Now
		s.st.Store(st)
	})
	return s.st.Load()
}

// BetweenPages sets a function the server calls after it has put together
// a page of a list (taobao.trades.sold.get, taobao.trades.sold.increment.get,
// taobao.logistics.orders.get, taobao.logistics.orders.detail.get) and
// before it sends it, with no lock held: what fn changes is seen by the
// next page, never by this one. Nil removes it.
func (s *Server) BetweenPages(fn func(method string, pageNo int)) {
	s.mu.Lock()
	s.between = fn
	s.mu.Unlock()
}

func (s *Server) betweenPages(methodName string, pageNo int) {
	s.mu.Lock()
	fn := s.between
	s.mu.Unlock()
	if fn != nil {
		fn(methodName, pageNo)
	}
}

// limited applies WithCallLimit to one call.
func (s *Server) limited(appKey, methodName string) *taobao.APIError {
	if s.limitCalls <= 0 {
		return nil
	}
	now := s.Now()
	key := appKey + " " + methodName
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.windows[key]
	if w == nil || now.Before(w.start) || now.Sub(w.start) >= s.limitPer {
		w = &callWindow{start: now}
		s.windows[key] = w
	}
	if w.n >= s.limitCalls {
		left := w.start.Add(s.limitPer).Sub(now)
		secs := int64(math.Ceil(left.Seconds()))
		return apiErr(7, "App Call Limited", "accesscontrol.limited-by-app-api-access-count",
			fmt.Sprintf("This ban will last for %d more seconds", max(secs, 1)))
	}
	w.n++
	return nil
}

// Close shuts the server down.
func (s *Server) Close() {
	if s.srv != nil {
		s.srv.Close()
	}
}

// Now returns the server's current time: its clock plus any Advance.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	off := s.offset
	s.mu.Unlock()
	return s.now().Add(off)
}

// Advance moves the server's clock forward by d (sessions expire, data
// ages). Request timestamps are still checked against the unmoved clock.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	s.offset += d
	s.mu.Unlock()
}

// Handle registers h for a method that needs a seller session.
func (s *Server) Handle(methodName string, h Handler) {
	s.mu.Lock()
	s.methods[methodName] = method{needSession: true, h: h}
	s.mu.Unlock()
}

// HandleApp registers h for an app-level method that needs no session.
func (s *Server) HandleApp(methodName string, h Handler) {
	s.mu.Lock()
	s.methods[methodName] = method{h: h}
	s.mu.Unlock()
}

// HandleRaw registers an app-level method that answers body as it is,
// byte for byte (a recorded gateway answer, say).
func (s *Server) HandleRaw(methodName string, body []byte) {
	b := append([]byte(nil), body...)
	s.HandleApp(methodName, func(*Request) (any, error) { return rawBody(b), nil })
}

type rawBody []byte

// rawObject is a handler's answer already encoded: the members of the
// "<name>_response" object, as a JSON object.
type rawObject []byte

// NewSession returns a new session (access token) for the seller.
func (s *Server) NewSession(sellerNick string) string {
	return s.NewSessionExpiring(sellerNick, 0)
}

// NewSessionExpiring returns a session for the seller that expires after
// ttl on the server's clock (0: never).
func (s *Server) NewSessionExpiring(sellerNick string, ttl time.Duration) string {
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	tok := fmt.Sprintf("6%015x%024x", uint64(now.UnixNano())^0x5deece66d, s.nextID*0x9e3779b97f4a7c15)
	se := &session{seller: sellerNick}
	if ttl > 0 {
		se.expires = now.Add(ttl)
	}
	s.sessions[tok] = se
	return tok
}

// ExpireSession makes a session invalid from now on.
func (s *Server) ExpireSession(token string) {
	s.mu.Lock()
	if se, ok := s.sessions[token]; ok {
		se.expires = time.Unix(1, 0)
	}
	s.mu.Unlock()
}

// SessionSeller returns the seller a valid session belongs to.
func (s *Server) SessionSeller(token string) (string, bool) {
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	se, ok := s.sessions[token]
	if !ok || (!se.expires.IsZero() && !now.Before(se.expires)) {
		return "", false
	}
	return se.seller, true
}

// Client returns a client wired to this server with the session (may be
// empty) and no pacing; opts are applied after the server's own. It panics
// if opts are invalid, like other test helpers; use NewClient to get the
// error instead.
func (s *Server) Client(session string, opts ...taobao.Option) *taobao.Client {
	c, err := s.NewClient(session, opts...)
	if err != nil {
		panic("taobaotest: Client: " + err.Error())
	}
	return c
}

// NewClient is Client with the error returned.
func (s *Server) NewClient(session string, opts ...taobao.Option) (*taobao.Client, error) {
	base := []taobao.Option{taobao.WithBaseURL(s.URL), taobao.WithLimiter(taobao.NewLimiter(0, 1, 0))}
	if s.srv != nil {
		// The test server's own HTTP client: Close drops its idle
		// connections, so that no later call reuses a closed one.
		base = append(base, taobao.WithHTTPClient(s.srv.Client()))
	}
	if session != "" {
		base = append(base, taobao.WithSession(session))
	}
	return taobao.NewClient(s.AppKey, s.AppSecret, append(base, opts...)...)
}

// Transport returns an http.RoundTripper that serves requests in-process,
// without a network connection, for tests that run under testing/synctest.
func (s *Server) Transport() http.RoundTripper { return inProcess{s} }

type inProcess struct{ s *Server }

// RoundTrip serves req with the server in the calling goroutine.
func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	rec := httptest.NewRecorder()
	t.s.ServeHTTP(rec, req)
	if req.Body != nil {
		req.Body.Close()
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	resp := rec.Result()
	resp.Request = req
	return resp, nil
}

// FailNext makes the next n calls of method (or of any method, with "*")
// answer err after the gateway's checks pass. Only Code, Msg, SubCode and
// SubMsg are used; a nil err injects an isp back-end failure.
func (s *Server) FailNext(methodName string, n int, err *taobao.APIError) {
	if err == nil {
		err = &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.unknown-error", SubMsg: "taobaotest: FailNext without an error"}
	}
	s.addFault(methodName, n, fault{apiErr: err})
}

// FailNextHTTP makes the next n calls of method answer the HTTP status with
// an HTML page, as a proxy in front of the gateway does.
func (s *Server) FailNextHTTP(methodName string, n int, status int) {
	s.addFault(methodName, n, fault{status: status})
}

// TruncateNext makes the next n answers of method stop half way.
func (s *Server) TruncateNext(methodName string, n int) {
	s.addFault(methodName, n, fault{truncate: true})
}

// DelayNext makes the next n answers of method wait d first (or until the
// request is cancelled).
func (s *Server) DelayNext(methodName string, n int, d time.Duration) {
	s.addFault(methodName, n, fault{delay: d})
}

func (s *Server) addFault(methodName string, n int, f fault) {
	s.mu.Lock()
	for range n {
		s.faults[methodName] = append(s.faults[methodName], f)
	}
	s.mu.Unlock()
}

func (s *Server) takeFault(methodName string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range [...]string{methodName, "*"} {
		if q := s.faults[k]; len(q) > 0 {
			f := q[0]
			s.faults[k] = q[1:]
			return f, true
		}
	}
	return fault{}, false
}

// Calls returns how many requests for method (any method with "*") reached
// the server, whatever their outcome.
func (s *Server) Calls(methodName string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if methodName == "*" {
		return s.total
	}
	return s.counts[methodName]
}

// DefaultCallLog is how many recent calls CallLog keeps by default.
const DefaultCallLog = 10_000

// WithCallLog sets how many of the most recent calls CallLog keeps (0: none,
// for long runs and benchmarks). Calls counts every call regardless.
func WithCallLog(n int) Option {
	return func(s *Server) { s.logSize = max(n, 0) }
}

// CallLog returns a copy of the most recent requests received (see
// WithCallLog), oldest first.
func (s *Server) CallLog() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := s.calls[max(len(s.calls)-s.logSize, 0):]
	out := make([]Call, len(calls))
	for i, c := range calls {
		out[i] = Call{Method: c.Method, Params: cloneValues(c.Params), Time: c.Time}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// ServeHTTP answers one request: the OAuth pages under /authorize and
// /token, and gateway calls on any other path (/router/rest).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/authorize":
		s.serveAuthorize(w, r)
		return
	case "/token":
		s.serveToken(w, r)
		return
	}
	s.serveGateway(w, r)
}

// serveGateway answers one call of the TOP gateway.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if s.gzip && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w = gzipAnswer{w}
	}
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		s.writeError(w, "", apiErr(9, "Http Action Not Allowed", "", ""), false)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	params := r.Form
	name := params.Get("method")
	s.mu.Lock()
	s.total++
	if s.logSize > 0 {
		if len(s.calls) >= 2*s.logSize { // drop the oldest half at once: amortised O(1)
			s.calls = append(s.calls[:0], s.calls[len(s.calls)-s.logSize+1:]...)
		}
		s.calls = append(s.calls, Call{Method: name, Params: cloneValues(params), Time: s.now()})
	}
	s.counts[name]++
	s.mu.Unlock()

	f, hasFault := s.takeFault(name)
	if hasFault && f.delay > 0 {
		t := time.NewTimer(f.delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if hasFault && f.status != 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(f.status)
		fmt.Fprintf(w, "<html><head><title>%d %s</title></head><body><center><h1>%d %s</h1></center><hr><center>Tengine</center></body></html>\n",
			f.status, http.StatusText(f.status), f.status, http.StatusText(f.status))
		return
	}
	truncate := hasFault && f.truncate

	m, req, e := s.check(r.Context(), params)
	if e == nil {
		e = s.limited(params.Get("app_key"), name)
	}
	if e != nil {
		s.writeError(w, name, e, truncate)
		return
	}
	if hasFault && f.apiErr != nil {
		s.writeError(w, name, f.apiErr, truncate)
		return
	}
	payload, err := m.h(req)
	if err != nil {
		if ae, ok := err.(*taobao.APIError); ok {
			s.writeError(w, name, ae, truncate)
		} else {
			s.writeError(w, name, apiErr(15, "Remote service error", "isp.unknown-error", err.Error()), truncate)
		}
		return
	}
	s.writeOK(w, name, payload, truncate)
}

// check runs the gateway's checks in the order the gateway reports them.
func (s *Server) check(ctx context.Context, p url.Values) (method, *Request, *taobao.APIError) {
	name := p.Get("method")
	switch {
	case name == "":
		return method{}, nil, apiErr(21, "Missing Method", "", "")
	case p.Get("app_key") == "":
		return method{}, nil, apiErr(28, "Missing App Key", "", "")
	case p.Get("app_key") != s.AppKey:
		return method{}, nil, apiErr(29, "Invalid App Key", "", "")
	case p.Get("sign") == "":
		return method{}, nil, apiErr(24, "Missing Signature", "", "")
	case p.Get("timestamp") == "":
		return method{}, nil, apiErr(30, "Missing Timestamp", "", "")
	case p.Get("v") == "":
		return method{}, nil, apiErr(32, "Missing Version", "", "")
	}
	if ts, ok := parseTimestamp(p.Get("timestamp")); !ok {
		return method{}, nil, apiErr(31, "Invalid Timestamp", "", "timestamp format must be yyyy-MM-dd HH:mm:ss in GMT+8")
	} else if d := s.now().Sub(ts); d > MaxSkew || d < -MaxSkew {
		return method{}, nil, apiErr(31, "Invalid Timestamp", "", "timestamp is more than 10 minutes away from the gateway's clock")
	}
	if v := p.Get("v"); v != "2.0" {
		return method{}, nil, apiErr(33, "Invalid Version", "", "")
	}
	// The gateway answers XML when format is absent; this fake speaks JSON
	// only, so a client that forgets format=json is told here rather than
	// surprised by XML in production.
	if f := p.Get("format"); f != "json" {
		return method{}, nil, apiErr(23, "Invalid Format", "", "taobaotest answers format=json only (without format the gateway answers xml)")
	}
	if err := taobao.VerifySign(p, s.AppSecret); err != nil {
		return method{}, nil, apiErr(25, "Invalid Signature", "", "")
	}
	s.mu.Lock()
	m, ok := s.methods[name]
	s.mu.Unlock()
	if !ok {
		return method{}, nil, apiErr(22, "Invalid Method", "", "")
	}
	req := &Request{Method: name, Params: p, Session: p.Get("session"), Context: ctx}
	if req.Session != "" {
		seller, ok := s.SessionSeller(req.Session)
		switch {
		case ok:
			req.Seller = seller
		case m.needSession && s.sessionKnown(req.Session):
			return method{}, nil, apiErr(27, "Invalid session", "session-expired", "SessionKey expired")
		case m.needSession:
			return method{}, nil, apiErr(27, "Invalid session", "invalid-sessionkey", "SessionKey非法")
		}
	} else if m.needSession {
		return method{}, nil, apiErr(26, "Missing Session", "", "")
	}
	return m, req, nil
}

func (s *Server) sessionKnown(tok string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.sessions[tok]
	return ok
}

// parseTimestamp accepts TOP's GMT+8 layout and epoch milliseconds (which
// the official Python SDK sends).
func parseTimestamp(v string) (time.Time, bool) {
	if len(v) == 13 {
		if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.UnixMilli(ms), true
		}
	}
	t, err := time.ParseInLocation(taobao.TimeLayout, v, taobao.GMT8())
	return t, err == nil
}

func apiErr(code int, msg, subCode, subMsg string) *taobao.APIError {
	return &taobao.APIError{Code: code, Msg: msg, SubCode: subCode, SubMsg: subMsg}
}

func (s *Server) requestID() string {
	s.mu.Lock()
	s.nextID++
	n := s.nextID
	s.mu.Unlock()
	id := strconv.FormatUint(n*0x9e3779b97f4a7c15>>12, 36)
	if len(id) > 13 {
		id = id[:13]
	}
	return id
}

type errorBody struct {
	Code      int    `json:"code"`
	Msg       string `json:"msg"`
	SubCode   string `json:"sub_code,omitempty"`
	SubMsg    string `json:"sub_msg,omitempty"`
	RequestID string `json:"request_id"`
}

func (s *Server) writeError(w http.ResponseWriter, _ string, e *taobao.APIError, truncate bool) {
	body, _ := json.Marshal(map[string]errorBody{"error_response": {
		Code: e.Code, Msg: e.Msg, SubCode: e.SubCode, SubMsg: e.SubMsg, RequestID: s.requestID(),
	}})
	writeJSON(w, body, truncate)
}

func (s *Server) writeOK(w http.ResponseWriter, name string, payload any, truncate bool) {
	inner := []byte("{}")
	switch p := payload.(type) {
	case nil:
	case rawBody:
		writeJSON(w, p, truncate)
		return
	case rawObject:
		inner = p
	default:
		b, err := json.Marshal(payload)
		if err != nil || len(b) < 2 || b[0] != '{' {
			s.writeError(w, name, apiErr(15, "Remote service error", "isp.top-mapping-parse-error", "taobaotest: handler result is not a JSON object"), truncate)
			return
		}
		inner = b
	}
	var buf bytes.Buffer
	buf.Grow(len(inner) + 64)
	buf.WriteString(`{"`)
	buf.WriteString(envelope.ResponseKey(name))
	buf.WriteString(`":`)
	buf.Write(inner[:len(inner)-1])
	if len(inner) > 2 {
		buf.WriteByte(',')
	}
	buf.WriteString(`"request_id":"`)
	buf.WriteString(s.requestID())
	buf.WriteString(`"}}`)
	writeJSON(w, buf.Bytes(), truncate)
}

// gzipAnswer marks a client that accepts gzip on a server that compresses.
type gzipAnswer struct{ http.ResponseWriter }

func writeJSON(w http.ResponseWriter, body []byte, truncate bool) {
	if truncate {
		body = body[:len(body)/2]
	}
	if _, ok := w.(gzipAnswer); ok {
		var zb bytes.Buffer
		zw := gzip.NewWriter(&zb)
		_, _ = zw.Write(body)
		_ = zw.Close()
		body = zb.Bytes()
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.Header().Set("Content-Type", "text/javascript;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, bytes.NewReader(body))
}
