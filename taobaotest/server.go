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
// moves refunds along their life cycle (AdvanceRefund; see refunds.go),
// reads the ground truth (Trades), moves the clock (Advance), changes data
// between two page reads (BetweenPages), and limits the call rate
// (WithCallLimit).
//
// The data set is generated on first use, relative to the server's clock
// at that moment: a server created outside a testing/synctest bubble and
// first used inside it holds trades of the bubble's last 90 days.
//
// The server also runs a fake message channel (TMC) at TMCURL, with the
// channel's gateway methods: once a seller is subscribed
// (taobao.tmc.user.permit), every change of its trades, whatever made it,
// is published with the real topic and content. TMC switches the
// channel's faults on.
//
// A Server is also usable without the network: Transport returns an
// http.RoundTripper that serves requests in-process, which tests running
// under testing/synctest need.
package taobaotest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/toptrade/taobao"
)

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

// simplify reports whether the call asked for simplify=true answers: no
// <name>_response member around the payload, and lists as plain arrays.
func (r *Request) simplify() bool { return r.Params.Get("simplify") == "true" }

// Handler serves one TOP method. It returns the members of the method's
// "<name>_response" object (anything that marshals to a JSON object, or
// nil), or an error: an *taobao.APIError is answered as error_response,
// any other error as an isp back-end failure.
type Handler func(r *Request) (any, error)

// method is a TOP method the server serves.
type method struct {
	needSession bool // the method needs a seller session
	h           Handler
}

// route is one entry of the route table.
type route struct {
	name    string
	session bool
	h       Handler
}

// Whether a route needs a seller session.
const (
	appLevel    = false
	sellerLevel = true
)

// routes is the table of the TOP methods the server serves. Adding an API
// takes one line here and a file with its handler. Handle, HandleApp and
// HandleRaw add or replace methods at run time.
func (s *Server) routes() []route {
	return []route{
		{"taobao.time.get", appLevel, s.timeGet},
		{methodTokenCreate, appLevel, s.gatewayTokenCreate},
		{methodTokenRefresh, appLevel, s.gatewayTokenRefresh},
		{taobao.MethodTradeFullInfo, sellerLevel, s.tradeGet},
		{taobao.MethodTradeGet, sellerLevel, s.tradeGet},
		{taobao.MethodTradesSold, sellerLevel, s.soldGet},
		{taobao.MethodTradesSoldIncrement, sellerLevel, s.incrementGet},
		{taobao.MethodTradesSoldIncrementV, sellerLevel, s.incrementVGet},
		{taobao.MethodLogisticsTrace, sellerLevel, s.traceSearch},
		{taobao.MethodLogisticsOrders, sellerLevel, s.logisticsOrders},
		{taobao.MethodLogisticsOrdersDetail, sellerLevel, s.logisticsOrders},
		{taobao.MethodLogisticsCompanies, appLevel, s.companiesGet},
		{taobao.MethodLogisticsOfflineSend, sellerLevel, s.offlineSend},
		{taobao.MethodLogisticsOnlineSend, sellerLevel, s.onlineSend},
		{taobao.MethodLogisticsOnlineConfirm, sellerLevel, s.onlineConfirm},
		{taobao.MethodLogisticsDummySend, sellerLevel, s.dummySend},
		{taobao.MethodLogisticsResend, sellerLevel, s.consignResend},
		{taobao.MethodTradeMemoUpdate, sellerLevel, s.memoUpdate},
		{taobao.MethodTradeMemoAdd, sellerLevel, s.memoAdd},
		{taobao.MethodTradeClose, sellerLevel, s.tradeClose},
		{taobao.MethodOaidDecrypt, sellerLevel, s.oaidDecrypt},
		{taobao.MethodOaidMerge, sellerLevel, s.oaidMerge},
		{taobao.MethodTradesSoldQuery, sellerLevel, s.soldQuery},
		{taobao.MethodSecretExtend, sellerLevel, s.secretExtend},
		{taobao.MethodRefundsReceive, sellerLevel, s.refundsReceiveGet},
		{taobao.MethodRefundGet, sellerLevel, s.refundGet},
	}
}

// timeGet serves taobao.time.get: the server's clock in GMT+8.
func (s *Server) timeGet(*Request) (any, error) {
	return map[string]string{"time": s.Now().In(taobao.GMT8()).Format(taobao.TimeLayout)}, nil
}

// Server is a fake TOP gateway. Its methods are safe for concurrent use.
type Server struct {
	// URL is the gateway address (http://127.0.0.1:port/router/rest).
	URL string
	// AppKey and AppSecret are the credentials the server accepts.
	AppKey, AppSecret string

	srv *httptest.Server
	now func() time.Time

	oauth  oauthState  // the OAuth side (oauth.go); has its own lock
	types  typeCache   // reflection results and field plans (fields.go)
	closed atomic.Bool // Close was called: the in-process transport refuses calls

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
	calls    []Call // the most recent calls, at most logSize and logBytes
	logSize  int
	logBytes int64 // budget of the call log, in bytes of names and values
	logUsed  int64 // bytes the call log holds
	total    int   // calls that passed the checks
	counts   map[string]int
	nextID   uint64
	sessionN uint64 // sessions handed out, for their tokens
	offset   time.Duration
	between  func(method string, pageNo int)

	limitCalls int
	limitPer   time.Duration
	gzip       bool          // compress answers for clients that accept gzip
	indexDelay time.Duration // see WithIndexDelay
	realShapes bool          // see WithRealShapes
	timeouts   Timeouts      // see WithTimeouts
	windows    map[string]*callWindow

	tmc            *TMCServer // the message channel at /tmc (tmc.go)
	tmcOpts        []TMCOption
	privacyOpts    privacyOptions // see WithDecryptQuota (privacy.go)
	shuffleRefunds bool           // see WithShuffledRefunds
}

// NewServer starts a fake gateway on loopback. Close it when done. Its
// connections have the header and idle limits of Timeouts, not the read
// and write limits: a test may send or delay (DelayNext) as long as it
// likes.
func NewServer(opts ...Option) *Server {
	s := newServer(opts...)
	s.srv = httptest.NewUnstartedServer(s)
	Timeouts{ReadHeader: s.timeouts.ReadHeader, Idle: s.timeouts.Idle}.apply(s.srv.Config)
	s.srv.Start()
	s.URL = s.srv.URL + "/router/rest"
	return s
}

// NewInProcessServer returns a fake gateway that does not listen: clients
// reach it through Client, NewClient or Transport, in the calling
// goroutine. Use it inside a testing/synctest bubble, where a listener's
// goroutine (never idle in the bubble's sense) would stop the bubble's
// clock; data is seeded at the bubble's time. Its URL is empty; Close makes
// it refuse further calls.
func NewInProcessServer(opts ...Option) *Server {
	return newServer(opts...)
}

// NewServerAt starts a fake gateway listening on addr ("host:port"; port
// 0 picks a free one), to run it as a process that clients outside the
// test binary call (examples/gateway). Unlike NewServer, it generates the
// data set at once, and its connections have every limit of Timeouts
// (DefaultTimeouts unless WithTimeouts says otherwise). Close it when done.
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
	// As a process on a network, it does not let slow or half-open
	// connections pile up.
	s.timeouts.apply(ts.Config)
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
		logBytes:  DefaultCallLogBytes,
		timeouts:  DefaultTimeouts(),
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
	for _, rt := range s.routes() {
		s.methods[rt.name] = method{needSession: rt.session, h: rt.h}
	}
	s.tmc = NewTMCServer(s.AppKey, s.AppSecret, s.tmcOpts...)
	s.tmc.RegisterMethods(s)
	return s
}

// data returns the data set, generating it on first use.
func (s *Server) data() *store {
	s.dataOnce.Do(func() {
		st := newStore(s.seed, s.sellerNicks, s.tradesPer, s.Now())
		st.indexDelay, st.now = s.indexDelay, s.Now
		st.onChange = s.publishChange
		st.initPrivacy(s.AppKey, s.seed, s.privacyOpts)
		s.st.Store(st)
	})
	return s.st.Load()
}

// BetweenPages sets a function the server calls after it has put together
// a page of a list (taobao.trades.sold.get, taobao.trades.sold.increment.get,
// taobao.logistics.orders.get, taobao.logistics.orders.detail.get,
// taobao.refunds.receive.get) and
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

// Close shuts the server down.
func (s *Server) Close() {
	s.closed.Store(true)
	s.tmc.Close()
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

// Client returns a client wired to this server with the session (may be
// empty). It calls the server in-process, through Transport, so that it
// works inside a testing/synctest bubble (start the server inside the
// bubble too, so that both see the bubble's clock). It does not pace its
// calls: its limiter lets every call through at once (pass
// taobao.WithRateLimit to pace it). opts are applied after the server's
// own. It panics if opts are invalid, like other test helpers; use
// NewClient to get the error instead. For a client that talks to the
// server over the network, use taobao.NewClient with WithBaseURL(s.URL).
func (s *Server) Client(session string, opts ...taobao.Option) *taobao.Client {
	c, err := s.NewClient(session, opts...)
	if err != nil {
		panic("taobaotest: Client: " + err.Error())
	}
	return c
}

// NewClient is Client with the error returned.
func (s *Server) NewClient(session string, opts ...taobao.Option) (*taobao.Client, error) {
	base := []taobao.Option{taobao.WithBaseURL(s.clientURL()), taobao.WithLimiter(taobao.NewLimiter(0, 1, 0)),
		taobao.WithHTTPClient(&http.Client{Transport: s.Transport()})}
	if session != "" {
		base = append(base, taobao.WithSession(session))
	}
	return taobao.NewClient(s.AppKey, s.AppSecret, append(base, opts...)...)
}

// clientURL is the address clients are given: the server's URL, or a
// loopback one for a server that is not listening (the in-process
// transport ignores the host).
func (s *Server) clientURL() string {
	if s.URL != "" {
		return s.URL
	}
	return "http://127.0.0.1/router/rest"
}

// Transport returns an http.RoundTripper that serves requests in-process,
// without a network connection, for tests that run under testing/synctest.
func (s *Server) Transport() http.RoundTripper { return inProcess{s} }

type inProcess struct{ s *Server }

// RoundTrip serves req with the server in the calling goroutine. A closed
// server refuses it, as a closed listener refuses a connection.
func (t inProcess) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if t.s.closed.Load() {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
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
	case tmcPath:
		s.serveTMC(w, r)
		return
	}
	s.serveGateway(w, r)
}
