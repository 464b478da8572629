package taobaotest

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/tmc"
)

// TMCServer is a fake message channel: an http.Handler that speaks the
// channel's WebSocket protocol. It checks each connect's sign and
// timestamp, hands out tokens, delivers published messages to one random
// connection of the seller's group, and delivers again what is not
// confirmed in time or is reported failed. Faults a test switches on make
// it drop connections, duplicate, reorder or delay pushes, refuse connects
// or answer pulls slowly. It uses the time package only, so inside a
// testing/synctest bubble it follows the bubble's clock; reach it there
// through Client, which needs no socket.
type TMCServer struct {
	appKey, secret string
	cfg            tmcConfig

	mu      sync.Mutex
	nextID  int64
	conns   map[*tmcConn]struct{}
	pending map[string][]*tmcMsg // per group, oldest first
	flight  map[int64]*tmcMsg
	groups  map[string]string // seller nick -> group
	users   map[string]*TMCUser
	faults  TMCFaults
	stats   TMCStats
	reasons []string
	closed  bool

	pipeOnce sync.Once
	pipeLn   *pipeListener
	pipeSrv  *http.Server
	loop     *httptest.Server
}

// TMCFaults are the misbehaviours a test can switch on with SetFaults.
type TMCFaults struct {
	// RefuseConnect answers every connect with an error.
	RefuseConnect bool
	// Duplicate sends every push twice.
	Duplicate bool
	// Reorder delivers pending messages newest first.
	Reorder bool
	// Delay holds each push this long before sending it.
	Delay time.Duration
	// SlowPull answers a pull only after this long.
	SlowPull time.Duration
	// Unresponsive stops reading from open connections, so that pings
	// and confirms go unanswered, as on a half-dead link.
	Unresponsive bool
}

// TMCStats counts what a TMCServer saw.
type TMCStats struct {
	Connects, Refused        int // accepted and refused connects
	Pushed, Redelivered      int // pushes sent; of them, later deliveries
	Confirmed, Failed, Pulls int
	Dropped                  int // messages lost to the retention bound
	Pending, InFlight        int // now waiting; now sent and unsettled
	Connections              int // open now
	Pings, PingDrops         int // pings answered; connections dropped for a missing pong
}

type tmcConfig struct {
	redeliver time.Duration
	retention int
	skew      time.Duration
	gzipOver  int
	ping      time.Duration
}

// TMCOption configures a TMCServer.
type TMCOption func(*tmcConfig)

// WithTMCRedelivery sets how long a pushed message may stay unconfirmed, or
// how long after a failure it comes back (default 5 minutes, as the real
// channel's retry interval is described as at least that). Zero or less
// keeps the default.
func WithTMCRedelivery(d time.Duration) TMCOption {
	return func(c *tmcConfig) {
		if d > 0 {
			c.redeliver = d
		}
	}
}

// WithTMCRetention bounds the messages a group keeps while nobody consumes
// it (default 10000); beyond it the oldest are dropped. The real channel's
// bound is not published, only that it is bounded. Zero or less keeps the
// default.
func WithTMCRetention(n int) TMCOption {
	return func(c *tmcConfig) {
		if n > 0 {
			c.retention = n
		}
	}
}

// WithTMCClockSkew sets how far a connect's timestamp may be from the
// server's clock (default 10 minutes). Zero or less keeps the default.
func WithTMCClockSkew(d time.Duration) TMCOption {
	return func(c *tmcConfig) {
		if d > 0 {
			c.skew = d
		}
	}
}

// WithTMCPing makes the server ping every connection at this interval and
// drop one whose pong does not come back within it, as the real channel
// pings its clients (default: no pings; zero or less keeps that).
func WithTMCPing(every time.Duration) TMCOption {
	return func(c *tmcConfig) {
		if every > 0 {
			c.ping = every
		}
	}
}

// WithTMCGzipOver sends content larger than n bytes gzip-compressed, as a
// byte array (default: never; 0 compresses everything).
func WithTMCGzipOver(n int) TMCOption {
	return func(c *tmcConfig) { c.gzipOver = n }
}

// NewTMCServer returns a fake channel for one app.
func NewTMCServer(appKey, appSecret string, opts ...TMCOption) *TMCServer {
	cfg := tmcConfig{redeliver: 5 * time.Minute, retention: 10000, skew: 10 * time.Minute, gzipOver: -1}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return &TMCServer{
		appKey: appKey, secret: appSecret, cfg: cfg,
		conns: map[*tmcConn]struct{}{}, pending: map[string][]*tmcMsg{},
		flight: map[int64]*tmcMsg{}, groups: map[string]string{}, users: map[string]*TMCUser{},
	}
}

type tmcMsg struct {
	id        int64
	group     string
	topic     string
	nick      string
	userID    int64
	content   []byte
	published time.Time
	retried   int
	timer     *time.Timer
}

type tmcConn struct {
	s     *TMCServer
	ws    *websocket.Conn
	group string
	token string
	ctx   context.Context
	stop  context.CancelFunc
}

// SetFaults replaces the faults in effect.
func (s *TMCServer) SetFaults(f TMCFaults) {
	s.mu.Lock()
	s.faults = f
	s.mu.Unlock()
	s.dispatchAll()
}

// DropConnections closes every open connection abruptly. Messages pushed
// on them and not yet confirmed come back after the redelivery delay.
func (s *TMCServer) DropConnections() {
	s.mu.Lock()
	conns := make([]*tmcConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.stop()
		_ = c.ws.CloseNow()
	}
}

// SetGroup routes a seller's future messages to a group, as
// taobao.tmc.group.add does; messages already waiting stay where they are.
func (s *TMCServer) SetGroup(nick, group string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if group == "" || group == tmc.DefaultGroup {
		delete(s.groups, nick)
		return
	}
	s.groups[nick] = group
}

// Stats returns the counters.
func (s *TMCServer) Stats() TMCStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	for _, q := range s.pending {
		st.Pending += len(q)
	}
	st.InFlight = len(s.flight)
	st.Connections = len(s.conns)
	return st
}

// FailureReasons returns the reasons of the failures reported so far.
func (s *TMCServer) FailureReasons() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.reasons...)
}

// Publish queues a message for the seller's group and pushes it when a
// connection of the group is open. It returns the message id.
func (s *TMCServer) Publish(topic, nick string, userID int64, content []byte) int64 {
	s.mu.Lock()
	s.nextID++
	// Ids above 2^53, as the real channel's are.
	m := &tmcMsg{id: 1<<60 + s.nextID, topic: topic, nick: nick, userID: userID,
		content: append([]byte(nil), content...), published: time.Now()}
	m.group = s.groups[nick]
	if m.group == "" {
		m.group = tmc.DefaultGroup
	}
	s.enqueue(m)
	s.mu.Unlock()
	s.dispatch(m.group)
	return m.id
}

// enqueue adds m to its group's queue, dropping the oldest beyond the
// retention bound. The caller holds s.mu.
func (s *TMCServer) enqueue(m *tmcMsg) {
	q := append(s.pending[m.group], m)
	if over := len(q) - s.cfg.retention; over > 0 {
		s.stats.Dropped += over
		q = append(q[:0:0], q[over:]...)
	}
	s.pending[m.group] = q
}

func (s *TMCServer) dispatchAll() {
	s.mu.Lock()
	groups := make([]string, 0, len(s.pending))
	for g := range s.pending {
		groups = append(groups, g)
	}
	s.mu.Unlock()
	for _, g := range groups {
		s.dispatch(g)
	}
}

type tmcPush struct {
	c     *tmcConn
	frame []byte
}

// dispatch pushes the group's pending messages, each to a random open
// connection of the group.
func (s *TMCServer) dispatch(group string) {
	s.mu.Lock()
	var conns []*tmcConn
	for c := range s.conns {
		if c.group == group {
			conns = append(conns, c)
		}
	}
	q := s.pending[group]
	if len(conns) == 0 || len(q) == 0 || s.closed {
		s.mu.Unlock()
		return
	}
	delete(s.pending, group)
	if s.faults.Reorder {
		for i, j := 0, len(q)-1; i < j; i, j = i+1, j-1 {
			q[i], q[j] = q[j], q[i]
		}
	}
	var pushes []tmcPush
	for _, m := range q {
		c := conns[mrand.N(len(conns))]
		s.flight[m.id] = m
		s.armRedelivery(m)
		s.stats.Pushed++
		if m.retried > 0 {
			s.stats.Redelivered++
		}
		b := s.pushFrame(c.token, m)
		pushes = append(pushes, tmcPush{c, b})
		if s.faults.Duplicate {
			pushes = append(pushes, tmcPush{c, b})
		}
	}
	delay := s.faults.Delay
	s.mu.Unlock()
	send := func() {
		for _, p := range pushes {
			_ = p.c.ws.Write(p.c.ctx, websocket.MessageBinary, p.frame)
		}
	}
	if delay > 0 {
		time.AfterFunc(delay, send)
		return
	}
	go send()
}

// armRedelivery (re)starts the timer that puts m back in its queue. The
// caller holds s.mu.
func (s *TMCServer) armRedelivery(m *tmcMsg) {
	if m.timer != nil {
		m.timer.Stop()
	}
	m.timer = time.AfterFunc(s.cfg.redeliver, func() {
		s.mu.Lock()
		if s.flight[m.id] != m || s.closed {
			s.mu.Unlock()
			return
		}
		delete(s.flight, m.id)
		m.retried++
		s.enqueue(m)
		s.mu.Unlock()
		s.dispatch(m.group)
	})
}

func (s *TMCServer) pushFrame(token string, m *tmcMsg) []byte {
	f := &tmc.Frame{Type: tmc.TypeSend, Token: token}
	f.Set(tmc.HeaderTopic, tmc.StringValue(m.topic))
	f.Set(tmc.HeaderUserID, tmc.Int64Value(m.userID))
	f.Set(tmc.HeaderKind, tmc.ByteValue(int8(tmc.KindData)))
	f.Set(tmc.HeaderPublisher, tmc.StringValue("12497914"))
	f.Set(tmc.HeaderRetried, tmc.ByteValue(int8(min(m.retried, 127))))
	if s.cfg.gzipOver >= 0 && len(m.content) > s.cfg.gzipOver {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		_, _ = zw.Write(m.content)
		_ = zw.Close()
		f.Set(tmc.HeaderContent, tmc.BytesValue(buf.Bytes()))
	} else {
		f.Set(tmc.HeaderContent, tmc.StringValue(string(m.content)))
	}
	f.Set(tmc.HeaderID, tmc.Int64Value(m.id))
	f.Set(tmc.HeaderTime, tmc.DateValue(m.published))
	f.Set(tmc.HeaderNick, tmc.StringValue(m.nick))
	f.Set(tmc.HeaderOutTime, tmc.DateValue(time.Now()))
	b, _ := f.Marshal() // every value above is in range
	return b
}

// ServeHTTP accepts a WebSocket and serves one channel connection on it.
func (s *TMCServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
	if err != nil {
		return
	}
	defer ws.CloseNow()
	ctx, stop := context.WithCancel(r.Context())
	defer stop()
	c := &tmcConn{s: s, ws: ws, ctx: ctx, stop: stop}
	if !s.handshake(c) {
		return
	}
	defer s.remove(c)
	if s.cfg.ping > 0 {
		go s.pinger(c)
	}
	s.dispatch(c.group)
	for {
		s.mu.Lock()
		stalled := s.faults.Unresponsive
		s.mu.Unlock()
		if stalled {
			select {
			case <-ctx.Done():
				return
			case <-time.After(100 * time.Millisecond):
				continue
			}
		}
		typ, data, err := ws.Read(ctx)
		if err != nil {
			return
		}
		if typ != websocket.MessageBinary {
			continue
		}
		f, err := tmc.Unmarshal(data)
		if err != nil {
			_ = ws.Close(websocket.StatusProtocolError, "bad frame")
			return
		}
		if f.Type != tmc.TypeSend || f.Token != c.token {
			continue // the real channel drops frames of unknown origin
		}
		s.handle(c, f)
	}
}

// pinger pings c until it closes, and drops it when a pong is late.
func (s *TMCServer) pinger(c *tmcConn) {
	t := time.NewTicker(s.cfg.ping)
	defer t.Stop()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(c.ctx, s.cfg.ping)
		err := c.ws.Ping(pctx)
		cancel()
		if c.ctx.Err() != nil {
			return
		}
		s.mu.Lock()
		if err != nil {
			s.stats.PingDrops++
		} else {
			s.stats.Pings++
		}
		s.mu.Unlock()
		if err != nil {
			c.stop()
			_ = c.ws.CloseNow()
			return
		}
	}
}

func (s *TMCServer) handshake(c *tmcConn) bool {
	hctx, cancel := context.WithTimeout(c.ctx, 10*time.Second)
	defer cancel()
	typ, data, err := c.ws.Read(hctx)
	if err != nil || typ != websocket.MessageBinary {
		return false
	}
	f, err := tmc.Unmarshal(data)
	if err != nil || f.Type != tmc.TypeConnect {
		_ = c.ws.Close(websocket.StatusProtocolError, "expected a connect")
		return false
	}
	ack := &tmc.Frame{Type: tmc.TypeConnectAck, Flag: f.Flag}
	code, phrase := s.checkConnect(f)
	s.mu.Lock()
	if code == 0 && s.faults.RefuseConnect {
		code, phrase = 503, "service unavailable"
	}
	if code != 0 {
		s.stats.Refused++
		s.mu.Unlock()
		ack.StatusCode, ack.StatusPhrase = code, phrase
		b, _ := ack.Marshal()
		_ = c.ws.Write(hctx, websocket.MessageBinary, b)
		_ = c.ws.Close(websocket.StatusPolicyViolation, phrase)
		return false
	}
	c.group = text(f, tmc.HeaderGroup)
	c.token = newToken()
	s.conns[c] = struct{}{}
	s.stats.Connects++
	s.mu.Unlock()
	ack.Token = c.token
	b, _ := ack.Marshal()
	if c.ws.Write(hctx, websocket.MessageBinary, b) != nil {
		s.remove(c)
		return false
	}
	return true
}

func text(f *tmc.Frame, name string) string {
	v, _ := f.Get(name)
	return v.Text()
}

// checkConnect returns a non-zero code and a phrase for a connect to refuse.
func (s *TMCServer) checkConnect(f *tmc.Frame) (int32, string) {
	key, group, ts, sign := text(f, tmc.HeaderAppKey), text(f, tmc.HeaderGroup), text(f, tmc.HeaderTimestamp), text(f, tmc.HeaderSign)
	switch {
	case key == "" || group == "" || ts == "" || sign == "":
		return 400, "missing app_key, group_name, timestamp or sign"
	case key != s.appKey:
		return 401, "unknown app_key"
	case sign != tmc.Sign(s.secret, key, group, ts):
		return 401, "sign invalid"
	}
	ms, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return 400, "timestamp is not a number"
	}
	if d := time.Since(time.UnixMilli(ms)); d > s.cfg.skew || d < -s.cfg.skew {
		return 401, "timestamp out of range"
	}
	return 0, ""
}

func newToken() string {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	h := fmt.Sprintf("%032x", n)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func (s *TMCServer) handle(c *tmcConn, f *tmc.Frame) {
	switch tmc.FrameKind(f) {
	case tmc.KindPull:
		s.mu.Lock()
		s.stats.Pulls++
		slow := s.faults.SlowPull
		s.mu.Unlock()
		if slow > 0 {
			time.AfterFunc(slow, func() { s.dispatch(c.group) })
			return
		}
		s.dispatch(c.group)
	case tmc.KindConfirm, tmc.KindFailed:
		v, _ := f.Get(tmc.HeaderID)
		id, ok := v.IntValue()
		if !ok {
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		m := s.flight[id]
		if tmc.FrameKind(f) == tmc.KindFailed {
			s.stats.Failed++
			s.reasons = append(s.reasons, text(f, tmc.HeaderMsg))
			if m != nil {
				s.armRedelivery(m) // back after the delay
			}
			return
		}
		s.stats.Confirmed++
		if m != nil {
			m.timer.Stop()
			delete(s.flight, id)
		}
	}
}

func (s *TMCServer) remove(c *tmcConn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// Client returns an HTTP client that reaches s in memory, without a
// socket, so that a consumer can run inside a testing/synctest bubble.
// Any ws:// address works with it. Each side's writes are buffered, as a
// socket's are, so that one side not reading does not stall the other's
// reads.
func (s *TMCServer) Client() *http.Client {
	s.pipeOnce.Do(func() {
		s.pipeLn = &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
		s.pipeSrv = &http.Server{Handler: s}
		go func() { _ = s.pipeSrv.Serve(s.pipeLn) }()
	})
	ln := s.pipeLn
	return &http.Client{Transport: &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			a, b := net.Pipe()
			ca, cb := newBufferedConn(a), newBufferedConn(b)
			select {
			case ln.conns <- cb:
				return ca, nil
			case <-ln.done:
				_, _ = ca.Close(), cb.Close()
				return nil, errors.New("taobaotest: TMC server closed")
			case <-ctx.Done():
				_, _ = ca.Close(), cb.Close()
				return nil, ctx.Err()
			}
		},
	}}
}

// Close drops every connection, stops the redelivery timers and the
// in-memory listener.
func (s *TMCServer) Close() {
	s.mu.Lock()
	s.closed = true
	for _, m := range s.flight {
		m.timer.Stop()
	}
	loop := s.loop
	s.mu.Unlock()
	s.DropConnections()
	if s.pipeSrv != nil {
		_ = s.pipeSrv.Close()
	}
	if loop != nil {
		loop.Close()
	}
}

// InMemoryURL is the address to give a consumer that reaches a TMCServer
// through its Client; any ws:// address would do.
const InMemoryURL = "ws://tmc.test/"

// Start serves s on a loopback port, for clients that dial a real socket
// (another process, say), and returns its ws:// address. Close stops it.
// Real sockets do not follow a synctest bubble's clock: inside one, use
// Client and InMemoryURL instead. Start again returns the same address.
func (s *TMCServer) Start() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loop == nil {
		s.loop = httptest.NewServer(s)
	}
	return WebSocketURL(s.loop.URL) + "/"
}

// URL returns the address of s: the loopback one after Start, InMemoryURL
// before.
func (s *TMCServer) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loop == nil {
		return InMemoryURL
	}
	return WebSocketURL(s.loop.URL) + "/"
}

// WebSocketURL turns an http:// or https:// address into the ws:// or
// wss:// one of the same host and path; other addresses come back as
// they are.
func WebSocketURL(httpURL string) string {
	switch {
	case strings.HasPrefix(httpURL, "http://"):
		return "ws://" + httpURL[len("http://"):]
	case strings.HasPrefix(httpURL, "https://"):
		return "wss://" + httpURL[len("https://"):]
	}
	return httpURL
}

type pipeListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "tmc.pipe" }

// TMCMessage is a message taken from a TMCServer's queue over the gateway,
// as taobao.tmc.messages.consume returns it.
type TMCMessage struct {
	ID        int64
	Topic     string
	Nick      string
	UserID    int64
	Content   []byte
	Published time.Time
	Retried   int
}

// Consume takes up to n waiting messages of a group ("" for the default
// one), oldest first, as taobao.tmc.messages.consume does. They stay
// unsettled until ConfirmIDs, and come back after the redelivery delay if
// never confirmed. WebSocket connections and Consume share the queue.
func (s *TMCServer) Consume(group string, n int) []TMCMessage {
	if group == "" {
		group = tmc.DefaultGroup
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.pending[group]
	if n > len(q) {
		n = len(q)
	}
	if n <= 0 || s.closed {
		return nil
	}
	taken := q[:n]
	if rest := q[n:]; len(rest) > 0 {
		s.pending[group] = append(q[:0:0], rest...)
	} else {
		delete(s.pending, group)
	}
	out := make([]TMCMessage, 0, n)
	for _, m := range taken {
		s.flight[m.id] = m
		s.armRedelivery(m)
		s.stats.Pushed++
		if m.retried > 0 {
			s.stats.Redelivered++
		}
		out = append(out, TMCMessage{ID: m.id, Topic: m.topic, Nick: m.nick, UserID: m.userID,
			Content: append([]byte(nil), m.content...), Published: m.published, Retried: m.retried})
	}
	return out
}

// ConfirmIDs settles messages by id, as taobao.tmc.messages.confirm does,
// and returns how many of them were unsettled.
func (s *TMCServer) ConfirmIDs(ids ...int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, id := range ids {
		s.stats.Confirmed++
		if m := s.flight[id]; m != nil {
			m.timer.Stop()
			delete(s.flight, id)
			n++
		}
	}
	return n
}

// TMCUser is a seller's subscription on a TMCServer.
type TMCUser struct {
	Nick              string
	Topics            []string
	Created, Modified time.Time
}

// Permit subscribes a seller, as taobao.tmc.user.permit does: the topics
// replace the seller's previous ones, and no topics means every trade and
// refund topic.
func (s *TMCServer) Permit(nick string, topics ...string) {
	if len(topics) == 0 {
		topics = append(tmc.TradeTopics(), tmc.RefundTopics()...)
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[nick]
	if u == nil {
		u = &TMCUser{Nick: nick, Created: now}
		s.users[nick] = u
	}
	u.Topics, u.Modified = append([]string(nil), topics...), now
}

// User returns a copy of a seller's subscription.
func (s *TMCServer) User(nick string) (TMCUser, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[nick]
	if u == nil {
		return TMCUser{}, false
	}
	c := *u
	c.Topics = append([]string(nil), u.Topics...)
	return c, true
}

// Permitted reports whether a seller is subscribed to a topic: a feed of
// the fake's data changes publishes only what this allows.
func (s *TMCServer) Permitted(nick, topic string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[nick]
	if u == nil {
		return false
	}
	for _, t := range u.Topics {
		if t == topic {
			return true
		}
	}
	return false
}

// Group returns the group a seller's new messages go to.
func (s *TMCServer) Group(nick string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if g := s.groups[nick]; g != "" {
		return g
	}
	return tmc.DefaultGroup
}

// RegisterMethods serves the channel's gateway methods on srv from s:
// taobao.tmc.user.permit (with the seller's session), user.get,
// user.cancel, group.add, messages.consume and messages.confirm. srv must
// have the same app key and secret as s.
func (s *TMCServer) RegisterMethods(srv *Server) {
	srv.Handle(tmc.MethodUserPermit, s.userPermit)
	srv.HandleApp(tmc.MethodUserGet, s.userGet)
	srv.HandleApp(tmc.MethodUserCancel, s.userCancel)
	srv.HandleApp(tmc.MethodGroupAdd, s.groupAdd)
	srv.HandleApp(tmc.MethodMessagesConsume, s.messagesConsume)
	srv.HandleApp(tmc.MethodMessagesConfirm, s.messagesConfirm)
}

func (s *TMCServer) userPermit(r *Request) (any, error) {
	var topics []string
	if v := args(r.Params).get("topics"); v != "" {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				topics = append(topics, t)
			}
		}
		if len(topics) > tmc.MaxPermitTopics {
			return nil, invalidArg("topics")
		}
	}
	s.Permit(r.Seller, topics...)
	return map[string]bool{"is_success": true}, nil
}

func (s *TMCServer) userGet(r *Request) (any, error) {
	a := args(r.Params)
	if _, e := a.required("fields"); e != nil {
		return nil, e
	}
	nick, e := a.required("nick")
	if e != nil {
		return nil, e
	}
	u, ok := s.User(nick)
	if !ok {
		return nil, nil // the answer holds no tmc_user
	}
	group := s.Group(nick)
	return map[string]any{"tmc_user": map[string]any{
		"user_nick": u.Nick, "is_valid": true, "topics": map[string][]string{"string": u.Topics},
		"created":  taobao.NewTime(u.Created),
		"modified": taobao.NewTime(u.Modified), "group_name": group, "user_platform": "tbUIC",
	}}, nil
}

func (s *TMCServer) userCancel(r *Request) (any, error) {
	nick, e := args(r.Params).required("nick")
	if e != nil {
		return nil, e
	}
	s.mu.Lock()
	_, ok := s.users[nick]
	delete(s.users, nick)
	s.mu.Unlock()
	return map[string]bool{"is_success": ok}, nil
}

func (s *TMCServer) groupAdd(r *Request) (any, error) {
	a := args(r.Params)
	group, e := a.required("group_name")
	if e != nil {
		return nil, e
	}
	nicks, e := a.required("nicks")
	if e != nil {
		return nil, e
	}
	if len([]rune(group)) > 32 || strings.HasPrefix(group, tmc.DefaultGroup) {
		return nil, invalidArg("group_name")
	}
	list := strings.Split(nicks, ",")
	if len(list) > tmc.MaxGroupNicks {
		return nil, invalidArg("nicks")
	}
	for _, n := range list {
		if n = strings.TrimSpace(n); n != "" {
			s.SetGroup(n, group)
		}
	}
	return map[string]any{"group_name": group, "created": taobao.NewTime(time.Now())}, nil
}

func (s *TMCServer) messagesConsume(r *Request) (any, error) {
	a := args(r.Params)
	n := 100
	if v := a.get("quantity"); v != "" {
		q, err := strconv.Atoi(v)
		if err != nil || q < tmc.MinConsumeBatch || q > tmc.MaxConsumeBatch {
			return nil, invalidArg("quantity")
		}
		n = q
	}
	group := a.get("group_name")
	if group != "" && !s.groupKnown(group) {
		return nil, serviceErr("isv.group-not-exist", "group "+shorten(group, 32)+" does not exist")
	}
	type wire struct {
		ID        int64       `json:"id"`
		Topic     string      `json:"topic"`
		PubAppKey string      `json:"pub_app_key"`
		PubTime   taobao.Time `json:"pub_time"`
		UserNick  string      `json:"user_nick"`
		UserID    int64       `json:"user_id"`
		Content   string      `json:"content"`
	}
	msgs := s.Consume(group, n)
	out := make([]wire, len(msgs))
	for i, m := range msgs {
		out[i] = wire{ID: m.ID, Topic: m.Topic, PubAppKey: "12497914", PubTime: taobao.NewTime(m.Published),
			UserNick: m.Nick, UserID: m.UserID, Content: string(m.Content)}
	}
	if len(out) == 0 {
		return nil, nil // the gateway leaves an empty list out
	}
	return map[string]any{"messages": map[string]any{"tmc_message": out}}, nil
}

// groupKnown reports whether a group has sellers, connections or messages.
func (s *TMCServer) groupKnown(group string) bool {
	if group == tmc.DefaultGroup {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.groups {
		if g == group {
			return true
		}
	}
	if len(s.pending[group]) > 0 {
		return true
	}
	for c := range s.conns {
		if c.group == group {
			return true
		}
	}
	return false
}

func (s *TMCServer) messagesConfirm(r *Request) (any, error) {
	v, e := args(r.Params).required("s_message_ids")
	if e != nil {
		return nil, e
	}
	parts := strings.Split(v, ",")
	if len(parts) > tmc.MaxConfirmIDs {
		return nil, invalidArg("s_message_ids")
	}
	ids := make([]int64, 0, len(parts))
	for _, p := range parts {
		id, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil {
			return nil, invalidArg("s_message_ids")
		}
		ids = append(ids, id)
	}
	s.ConfirmIDs(ids...)
	return map[string]bool{"is_success": true}, nil
}

// bufferedConn gives one end of a net.Pipe a send buffer, as a socket has:
// a write returns once its bytes are queued (up to bufferedChunks writes),
// and a goroutine feeds them to the pipe. Closing lets the queued bytes go
// out first, for at most lingerTime, as closing a socket does.
type bufferedConn struct {
	net.Conn
	q    chan []byte
	done chan struct{}
	once sync.Once
	mu   sync.Mutex
	err  error
}

const (
	bufferedChunks = 1024
	lingerTime     = 5 * time.Second
)

func newBufferedConn(c net.Conn) *bufferedConn {
	b := &bufferedConn{Conn: c, q: make(chan []byte, bufferedChunks), done: make(chan struct{})}
	go b.drain()
	return b
}

func (b *bufferedConn) drain() {
	defer b.Conn.Close()
	for {
		select {
		case p := <-b.q:
			if !b.write(p) {
				return
			}
		case <-b.done:
			_ = b.Conn.SetWriteDeadline(time.Now().Add(lingerTime))
			for {
				select {
				case p := <-b.q:
					if !b.write(p) {
						return
					}
				default:
					return
				}
			}
		}
	}
}

func (b *bufferedConn) write(p []byte) bool {
	if _, err := b.Conn.Write(p); err != nil {
		b.mu.Lock()
		b.err = err
		b.mu.Unlock()
		b.once.Do(func() { close(b.done) })
		return false
	}
	return true
}

func (b *bufferedConn) Write(p []byte) (int, error) {
	b.mu.Lock()
	err := b.err
	b.mu.Unlock()
	if err != nil {
		return 0, err
	}
	select {
	case <-b.done:
		return 0, net.ErrClosed
	default:
	}
	select {
	case b.q <- append([]byte(nil), p...):
		return len(p), nil
	case <-b.done:
		return 0, net.ErrClosed
	}
}

// Close stops reads and writes at once; the queued bytes drain, then the
// pipe closes, which the peer reads as the end of the stream.
func (b *bufferedConn) Close() error {
	b.once.Do(func() { close(b.done) })
	// Reads end at once, as on a closed socket.
	_ = b.Conn.SetReadDeadline(time.Unix(1, 0))
	return nil
}

// WithTMC sets the options of the server's own message channel (see
// Server.TMC).
func WithTMC(opts ...TMCOption) Option {
	return func(s *Server) { s.tmcOpts = append(s.tmcOpts, opts...) }
}

// TMC returns the server's message channel, to switch faults on, permit
// sellers or read its counters. It is served at TMCURL and shares the
// server's app key and secret; the channel's gateway methods
// (taobao.tmc.user.permit and the rest) are registered on the server.
func (s *Server) TMC() *TMCServer { return s.tmc }

// TMCURL returns the ws:// address of the server's message channel (the
// /tmc path of the server). Over a real socket it works as it is; inside a
// testing/synctest bubble, dial it with TMC().Client(), which reaches the
// same channel in memory (see TMCConsumer).
func (s *Server) TMCURL() string {
	// From URL, which a program serving the server on a listener of its
	// own (examples/gateway) points at that listener.
	base := strings.TrimSuffix(s.URL, "/router/rest")
	if base == "" {
		return InMemoryURL
	}
	return WebSocketURL(base) + tmcPath
}

// TMCConsumer returns a consumer of the server's channel that reaches it
// in memory, with the server's app key and secret; opts are applied after
// the server's own. It works inside testing/synctest bubbles.
func (s *Server) TMCConsumer(opts ...tmc.Option) (*tmc.Consumer, error) {
	base := []tmc.Option{tmc.WithURL(s.TMCURL()), tmc.WithHTTPClient(s.tmc.Client())}
	return tmc.NewConsumer(s.AppKey, s.AppSecret, append(base, opts...)...)
}

// tmcPath is where a Server serves its channel.
const tmcPath = "/tmc"

// serveTMC hands a WebSocket request to the channel. A server made by
// NewServerAt puts read and write deadlines on each connection; a channel
// connection lives for hours, so they are lifted here (the channel has its
// own handshake timeout and pings).
func (s *Server) serveTMC(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	s.tmc.ServeHTTP(w, r)
}

// publishChange is the store's change hook: it publishes on the channel
// what a change of a trade (old is nil for a new trade) means, in the
// topics a permitted seller subscribed to. It runs under the store's
// write lock, so the messages of one trade are published in the order of
// its changes.
func (s *Server) publishChange(old, cur *taobao.Trade) {
	nick := cur.SellerNick
	if s.tmc == nil || !s.tmc.Subscribed(nick) {
		return
	}
	uid, _ := strconv.ParseInt(sellerUserID(nick), 10, 64)
	for _, ev := range tradeEvents(old, cur) {
		if !s.tmc.Permitted(nick, ev.topic) {
			continue
		}
		b, err := json.Marshal(ev.content)
		if err != nil {
			continue // maps of strings and numbers always marshal
		}
		s.tmc.Publish(ev.topic, nick, uid, b)
	}
}

// Subscribed reports whether a seller is subscribed to any topic.
func (s *TMCServer) Subscribed(nick string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.users[nick] != nil
}

type tradeEvent struct {
	topic   string
	content map[string]any
}

// tradeEvents picks the topics a change of a trade is announced with, and
// their content, as the real channel sends them (protocol-notes-more §4.2):
// the common fields (tid, oid, buyer_nick, buyer_open_uid, seller_nick,
// payment, status, type) and each topic's own. A new trade is
// TradeCreate (followed by the topic of its state when it is paid
// already); a change of state is TradeBuyerPay, TradeSellerShip,
// TradePartlySellerShip, TradeSuccess or TradeClose; a change of an
// order's refund state is the refund topic of the new state (with
// TradePartlyRefund when part of the trade is refunded); a memo or flag
// is TradeMemoModified, an address TradeLogisticsAddressChanged, and
// anything else TradeChanged. Fields the content carries are sent as the
// channel sends them: ids as numbers, money as strings.
func tradeEvents(old, cur *taobao.Trade) []tradeEvent {
	common := func() map[string]any {
		m := map[string]any{
			"tid": int64(cur.Tid), "buyer_nick": cur.BuyerNick, "seller_nick": cur.SellerNick,
			"payment": cur.Payment.String(), "status": string(cur.Status), "type": string(cur.Type),
		}
		if cur.BuyerOpenUID != "" {
			m["buyer_open_uid"] = cur.BuyerOpenUID
		}
		if len(cur.Orders) > 0 {
			m["oid"] = int64(cur.Orders[0].Oid)
		}
		return m
	}
	var out []tradeEvent
	add := func(topic string, extra map[string]any) {
		m := common()
		for k, v := range extra {
			m[k] = v
		}
		out = append(out, tradeEvent{topic, m})
	}
	state := func() {
		switch cur.Status {
		case taobao.TradeStatusWaitSellerSendGoods:
			add(tmc.TopicTradeBuyerPay, map[string]any{"post_fee": cur.PostFee.String(), "alipay_no": cur.AlipayNo})
		case taobao.TradeStatusWaitBuyerConfirmGoods:
			add(tmc.TopicTradeSellerShip, nil)
		case taobao.TradeStatusSellerConsignedPart:
			add(tmc.TopicTradePartlySellerShip, nil)
		case taobao.TradeStatusTradeFinished:
			add(tmc.TopicTradeSuccess, nil)
		case taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao:
			add(tmc.TopicTradeClose, nil)
		default:
			add(tmc.TopicTradeChanged, nil)
		}
	}
	if old == nil {
		// A trade added in a later state is announced as created, then in
		// that state.
		add(tmc.TopicTradeCreate, nil)
		if cur.Status != "" && !unpaid(cur.Status) {
			state()
		}
		return out
	}
	// Refunds, order by order.
	refunded := false
	for i := range cur.Orders {
		o := &cur.Orders[i]
		var before taobao.RefundStatus
		for j := range old.Orders {
			if old.Orders[j].Oid == o.Oid {
				before = old.Orders[j].RefundStatus
			}
		}
		if o.RefundStatus == before || o.RefundStatus == "" || o.RefundStatus == taobao.RefundStatusNoRefund {
			continue
		}
		topic := tmc.TopicRefundCreated
		switch o.RefundStatus {
		case taobao.RefundStatusSuccess:
			topic = tmc.TopicRefundSuccess
		case taobao.RefundStatusClosed:
			topic = tmc.TopicRefundClosed
		case taobao.RefundStatusWaitBuyerReturnGoods:
			topic = tmc.TopicRefundSellerAgreeAgreement
		case taobao.RefundStatusWaitSellerConfirmGoods:
			topic = tmc.TopicRefundBuyerReturnGoods
		case taobao.RefundStatusSellerRefuseBuyer:
			topic = tmc.TopicRefundSellerRefuseAgreement
		}
		rid, _ := strconv.ParseInt(o.RefundID, 10, 64)
		phase := "onsale"
		if !o.ConsignTime.IsZero() {
			phase = "aftersale"
		}
		out = append(out, tradeEvent{topic, map[string]any{
			"refund_id": rid, "tid": int64(cur.Tid), "oid": int64(o.Oid), "buyer_nick": cur.BuyerNick,
			"seller_nick": cur.SellerNick, "refund_fee": o.Payment.String(), "refund_phase": phase,
			"bill_type": "refund_bill", "modified": cur.Modified.Format(taobao.TimeLayout),
		}})
		if o.RefundStatus == taobao.RefundStatusSuccess && cur.Status != taobao.TradeStatusTradeClosed {
			refunded = true
		}
	}
	if refunded {
		add(tmc.TopicTradePartlyRefund, nil)
	}
	if cur.Status != old.Status {
		state()
		return out
	}
	if cur.SellerMemo != old.SellerMemo || cur.SellerFlag != old.SellerFlag {
		add(tmc.TopicTradeMemoModified, map[string]any{
			"action_type": "seller", "seller_memo": cur.SellerMemo, "seller_flag": int64(cur.SellerFlag),
		})
	}
	if cur.ReceiverAddress != old.ReceiverAddress || cur.ReceiverName != old.ReceiverName ||
		cur.ReceiverMobile != old.ReceiverMobile || cur.ReceiverCity != old.ReceiverCity {
		// This topic carries only the trade and the buyer, never the address.
		m := map[string]any{"tid": int64(cur.Tid), "buyer_nick": cur.BuyerNick}
		if cur.BuyerOpenUID != "" {
			m["buyer_open_uid"] = cur.BuyerOpenUID
		}
		out = append(out, tradeEvent{tmc.TopicTradeLogisticsAddressChanged, m})
	}
	if len(out) == 0 {
		add(tmc.TopicTradeChanged, nil)
	}
	return out
}
