package tmc

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// DefaultURL is the production message channel.
const DefaultURL = "ws://mc.api.taobao.com/"

// Message is one event pushed by the channel. Delivery is at least once and
// unordered: a handler must be idempotent.
type Message struct {
	// ID is the channel's id of the message, echoed exactly on confirm.
	ID int64
	// Topic names the event, e.g. TopicTradeBuyerPay.
	Topic string
	// Nick and UserID name the seller.
	Nick   string
	UserID int64
	// Content is the event body (usually JSON), already decompressed.
	Content []byte
	// Published is when the event happened; Sent when the channel sent
	// this delivery. Either may be zero when the channel left it out.
	Published, Sent time.Time
	// Retried counts earlier deliveries of the same message.
	Retried int
}

// Handler processes one message. Returning nil confirms it; returning an
// error reports a failure and the channel delivers the message again later.
// A handler may run concurrently with others (see WithMaxInFlight).
type Handler func(ctx context.Context, m *Message) error

// ReconnectEvent says why a Consumer is about to reconnect.
type ReconnectEvent struct {
	// Err ended the previous connection or attempt.
	Err error
	// Attempt counts failed attempts in a row, from 1.
	Attempt int
	// Delay is the wait before the next attempt.
	Delay time.Duration
}

// ConnectError is a Connect refused by the channel.
type ConnectError struct {
	Code   int32
	Phrase string
}

func (e *ConnectError) Error() string {
	return fmt.Sprintf("tmc: connect refused: code %d: %s", e.Code, e.Phrase)
}

// Option configures a Consumer.
type Option func(*config) error

type config struct {
	url              string
	group            string
	sdk              string
	pull             time.Duration
	ping             time.Duration
	handshakeTimeout time.Duration
	writeTimeout     time.Duration
	minBackoff       time.Duration
	maxBackoff       time.Duration
	maxInFlight      int
	maxContent       int64
	batch            int
	logger           *slog.Logger
	onReconnect      func(ReconnectEvent)
	httpClient       *http.Client
}

// WithURL sets the channel's address (ws:// or wss://). The default is
// DefaultURL.
func WithURL(u string) Option {
	return func(c *config) error {
		if !strings.HasPrefix(u, "ws://") && !strings.HasPrefix(u, "wss://") {
			return fmt.Errorf("tmc: WithURL: %q is not a ws:// or wss:// address", u)
		}
		c.url = u
		return nil
	}
}

// WithGroup sets the message group to consume; the default is
// DefaultGroup. Connections of one group share its messages.
func WithGroup(name string) Option {
	return func(c *config) error {
		if name == "" || len(name) > 32 {
			return fmt.Errorf("tmc: WithGroup: group name must have 1 to 32 characters, got %d", len(name))
		}
		c.group = name
		return nil
	}
}

// WithPullInterval sets how often the Consumer asks for pending messages
// (default 5s). It also asks once right after each connect.
func WithPullInterval(d time.Duration) Option {
	return func(c *config) error {
		if d < 10*time.Millisecond {
			return fmt.Errorf("tmc: WithPullInterval: %v is below 10ms", d)
		}
		c.pull = d
		return nil
	}
}

// WithPingInterval sets how often the Consumer pings the channel to find a
// dead connection (default 45s). The channel's own pings are always
// answered.
func WithPingInterval(d time.Duration) Option {
	return func(c *config) error {
		if d < 10*time.Millisecond {
			return fmt.Errorf("tmc: WithPingInterval: %v is below 10ms", d)
		}
		c.ping = d
		return nil
	}
}

// WithTimeouts sets how long a connect (dial and acknowledgement) and one
// write may take; defaults 10s and 10s.
func WithTimeouts(handshake, write time.Duration) Option {
	return func(c *config) error {
		if handshake <= 0 || write <= 0 {
			return fmt.Errorf("tmc: WithTimeouts: timeouts must be positive, got %v and %v", handshake, write)
		}
		c.handshakeTimeout, c.writeTimeout = handshake, write
		return nil
	}
}

// WithBackoff sets the range of waits between reconnect attempts; the wait
// doubles per failed attempt up to max, with random jitter (defaults 3s
// and 2m).
func WithBackoff(min, max time.Duration) Option {
	return func(c *config) error {
		if min <= 0 || max < min {
			return fmt.Errorf("tmc: WithBackoff: need 0 < min <= max, got %v and %v", min, max)
		}
		c.minBackoff, c.maxBackoff = min, max
		return nil
	}
}

// WithMaxInFlight bounds the handlers running at once (default 16). When
// all are busy the Consumer stops reading, so that a slow handler holds
// messages at the channel instead of in memory. While it does not read it
// neither pulls nor pings, and the channel's own pings wait for an answer
// until a handler returns: handlers much slower than the channel's ping
// patience should have more slots, or hand long work off.
func WithMaxInFlight(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("tmc: WithMaxInFlight: need at least 1, got %d", n)
		}
		c.maxInFlight = n
		return nil
	}
}

// WithMaxContentSize bounds a message's decompressed content (default
// 4 MiB). A larger message is reported as failed.
func WithMaxContentSize(n int64) Option {
	return func(c *config) error {
		if n < 1024 {
			return fmt.Errorf("tmc: WithMaxContentSize: need at least 1024 bytes, got %d", n)
		}
		c.maxContent = n
		return nil
	}
}

// WithLogger sets where the Consumer says why it reconnects and what it
// drops. It never logs the app secret or a connection token.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		c.logger = l
		return nil
	}
}

// WithReconnectHook calls f before each reconnect wait.
func WithReconnectHook(f func(ReconnectEvent)) Option {
	return func(c *config) error {
		c.onReconnect = f
		return nil
	}
}

// WithHTTPClient sets the client used for the WebSocket handshake, e.g.
// one whose transport reaches an in-memory fake.
func WithHTTPClient(h *http.Client) Option {
	return func(c *config) error {
		if h == nil {
			return errors.New("tmc: WithHTTPClient: nil client")
		}
		c.httpClient = h
		return nil
	}
}

// WithSDKName sets the "sdk" value sent on connect (default "top-sdk-go").
func WithSDKName(s string) Option {
	return func(c *config) error {
		if s == "" {
			return errors.New("tmc: WithSDKName: empty name")
		}
		c.sdk = s
		return nil
	}
}

// Consumer receives messages over the channel's WebSocket and hands them to
// a Handler, reconnecting after any failure.
type Consumer struct {
	appKey string
	secret *string
	cfg    config
	flag   atomic.Int32
	run    atomic.Bool
	stats  counters
}

// Stats is a snapshot of a Consumer's counters, for a pipeline that
// adapts to the channel's health: polling harder while it is down or its
// newest message is old.
type Stats struct {
	// Connected reports an acknowledged connection open now.
	Connected bool
	// Connects counts acknowledged connections so far.
	Connects int64
	// Received counts messages read; Confirmed and Failed the reports
	// written for them.
	Received, Confirmed, Failed int64
	// NewestSent is the latest send time seen on a message: how far the
	// channel has caught up. Zero before the first.
	NewestSent time.Time
}

type counters struct {
	connected                                   atomic.Bool
	connects, received, confirmed, failed, sent atomic.Int64 // sent: Unix ms
}

func (k *counters) seen(t time.Time) {
	if t.IsZero() {
		return
	}
	ms := t.UnixMilli()
	for {
		old := k.sent.Load()
		if ms <= old || k.sent.CompareAndSwap(old, ms) {
			return
		}
	}
}

// Stats returns the consumer's counters.
func (c *Consumer) Stats() Stats {
	st := Stats{
		Connected: c.stats.connected.Load(), Connects: c.stats.connects.Load(),
		Received: c.stats.received.Load(), Confirmed: c.stats.confirmed.Load(), Failed: c.stats.failed.Load(),
	}
	if ms := c.stats.sent.Load(); ms != 0 {
		st.NewestSent = time.UnixMilli(ms)
	}
	return st
}

// newConfig applies opts over the defaults; nil options are skipped.
func newConfig(opts []Option) (config, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return config{}, err
		}
	}
	return cfg, nil
}

// NewConsumer returns a Consumer for an app.
func NewConsumer(appKey, appSecret string, opts ...Option) (*Consumer, error) {
	if appKey == "" {
		return nil, errors.New("tmc: NewConsumer: empty app key")
	}
	if appSecret == "" {
		return nil, errors.New("tmc: NewConsumer: empty app secret")
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	s := appSecret
	return &Consumer{appKey: appKey, secret: &s, cfg: cfg}, nil
}

func defaultConfig() config {
	return config{
		url: DefaultURL, group: DefaultGroup, sdk: "top-sdk-go",
		pull: 5 * time.Second, ping: 45 * time.Second,
		handshakeTimeout: 10 * time.Second, writeTimeout: 10 * time.Second,
		minBackoff: 3 * time.Second, maxBackoff: 2 * time.Minute,
		maxInFlight: 16, maxContent: 4 << 20, batch: defaultBatch,
	}
}

// String describes the consumer without its secret.
func (c *Consumer) String() string {
	return fmt.Sprintf("tmc.Consumer{app_key: %s, group: %s, url: %s}", c.appKey, c.cfg.group, c.cfg.url)
}

// Run connects, pulls and handles messages until ctx ends, reconnecting
// with jittered exponential backoff after any error or close. It returns
// ctx.Err() once every handler it started has returned. A Consumer runs
// once at a time.
func (c *Consumer) Run(ctx context.Context, h Handler) error {
	if h == nil {
		return errors.New("tmc: Run: nil handler")
	}
	if !c.run.CompareAndSwap(false, true) {
		return errors.New("tmc: Run: already running")
	}
	defer c.run.Store(false)
	sem := make(chan struct{}, c.cfg.maxInFlight)
	var wg sync.WaitGroup
	defer wg.Wait()
	attempt := 0
	for {
		connected, err := c.session(ctx, h, sem, &wg)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if connected {
			attempt = 0
		}
		attempt++
		d := backoff(c.cfg, attempt)
		if c.cfg.logger != nil {
			c.cfg.logger.Warn("tmc: reconnecting", "err", err, "attempt", attempt, "delay", d)
		}
		if c.cfg.onReconnect != nil {
			c.cfg.onReconnect(ReconnectEvent{Err: err, Attempt: attempt, Delay: d})
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// backoff is min·2^(attempt-1), capped at max, with the upper half jittered.
func backoff(cfg config, attempt int) time.Duration {
	d := cfg.minBackoff
	for i := 1; i < attempt && d < cfg.maxBackoff; i++ {
		d *= 2
	}
	d = min(d, cfg.maxBackoff)
	half := d / 2
	return half + rand.N(half+1)
}

// errClosed reports a connection the channel closed.
var errClosed = errors.New("tmc: connection closed")

func (c *Consumer) session(ctx context.Context, h Handler, sem chan struct{}, wg *sync.WaitGroup) (connected bool, err error) {
	hctx, hcancel := context.WithTimeout(ctx, c.cfg.handshakeTimeout)
	defer hcancel()
	conn, _, err := websocket.Dial(hctx, c.cfg.url, &websocket.DialOptions{HTTPClient: c.cfg.httpClient})
	if err != nil {
		return false, fmt.Errorf("tmc: dial: %w", err)
	}
	defer conn.CloseNow()
	conn.SetReadLimit(c.cfg.maxContent + 64<<10)

	flag := c.flag.Add(1) & 0x7fffffff
	if flag == 0 {
		flag = c.flag.Add(1) & 0x7fffffff
	}
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	b, err := ConnectFrame(c.appKey, *c.secret, c.cfg.group, ts, flag, c.cfg.sdk).Marshal()
	if err != nil {
		return false, err
	}
	if err := conn.Write(hctx, websocket.MessageBinary, b); err != nil {
		return false, fmt.Errorf("tmc: connect: %w", err)
	}
	var token string
	for token == "" {
		typ, data, err := conn.Read(hctx)
		if err != nil {
			return false, fmt.Errorf("tmc: waiting for the connect acknowledgement: %w", err)
		}
		if typ != websocket.MessageBinary {
			continue
		}
		f, err := Unmarshal(data)
		if err != nil {
			return false, fmt.Errorf("tmc: connect acknowledgement: %w", err)
		}
		if f.Type != TypeConnectAck {
			continue
		}
		if f.StatusCode > 0 || f.StatusPhrase != "" {
			return false, &ConnectError{Code: f.StatusCode, Phrase: f.StatusPhrase}
		}
		if f.Token == "" {
			return false, errors.New("tmc: connect acknowledgement carries no token")
		}
		token = f.Token
	}
	hcancel()

	// The session outlives ctx a little: when ctx ends, the handlers
	// already running finish and their reports are written before the
	// connection closes, so that finished work is not delivered again.
	sctx, scancel := context.WithCancelCause(context.WithoutCancel(ctx))
	defer scancel(nil)
	// tctx stops the timers: at the end of the session, or as soon as
	// ctx ends (no more pulls or pings while draining).
	tctx, tcancel := context.WithCancel(sctx)
	defer tcancel()
	// failure keeps the first reason the connection is given up; a failed
	// write or ping closes the connection, so the read may see it first.
	var failMu sync.Mutex
	var failure error
	fail := func(err error) {
		failMu.Lock()
		if failure == nil {
			failure = err
		}
		failMu.Unlock()
		scancel(err)
	}
	send := func(f *Frame) bool {
		b, err := f.Marshal()
		if err != nil {
			fail(err)
			return false
		}
		wctx, cancel := context.WithTimeout(sctx, c.cfg.writeTimeout)
		defer cancel()
		if err := conn.Write(wctx, websocket.MessageBinary, b); err != nil {
			// A write cut short by the end of the session is no cause.
			if !errors.Is(err, context.Canceled) || sctx.Err() == nil {
				fail(fmt.Errorf("tmc: write: %w", err))
			}
			return false
		}
		return true
	}
	c.stats.connects.Add(1)
	c.stats.connected.Store(true)
	defer c.stats.connected.Store(false)
	// busy is set while the reader waits for a free handler slot. It
	// cannot read a pong then, so the timers neither ping nor ask for
	// more messages.
	var busy stall
	var loops sync.WaitGroup
	defer loops.Wait()
	defer scancel(nil)
	loops.Go(func() {
		if err := c.timers(tctx, conn, token, send, &busy); err != nil {
			fail(err)
		}
	})
	// handlers counts this session's running handlers; once draining is
	// set (under drainMu) no new one starts.
	var handlers sync.WaitGroup
	var drainMu sync.Mutex
	draining := false
	loops.Go(func() {
		select {
		case <-sctx.Done():
			return
		case <-ctx.Done():
		}
		tcancel()
		drainMu.Lock()
		draining = true
		drainMu.Unlock()
		handlers.Wait()
		scancel(nil)
	})

	for {
		typ, data, err := conn.Read(sctx)
		if err != nil {
			// Let the timers finish and prefer a cause they found.
			scancel(nil)
			loops.Wait()
			failMu.Lock()
			cause := failure
			failMu.Unlock()
			if cause != nil {
				return true, cause
			}
			var ce websocket.CloseError
			if errors.As(err, &ce) {
				return true, fmt.Errorf("%w: %v", errClosed, ce)
			}
			return true, fmt.Errorf("tmc: read: %w", err)
		}
		if typ != websocket.MessageBinary {
			continue // the channel speaks binary only
		}
		f, err := Unmarshal(data)
		if err != nil {
			return true, err
		}
		if f.Type != TypeSend || FrameKind(f) != KindData {
			continue
		}
		if f.Token != "" && f.Token != token {
			c.log("tmc: dropped a message for another connection")
			continue
		}
		m, err := c.message(f)
		if err != nil {
			if m == nil {
				c.log("tmc: dropped a message without an id", "err", err)
				continue
			}
			c.log("tmc: message content unreadable; reported as failed", "id", m.ID, "err", err)
			if send(FailedFrame(token, m.ID, err.Error())) {
				c.stats.failed.Add(1)
			}
			continue
		}
		c.stats.received.Add(1)
		c.stats.seen(m.Sent)
		if !acquire(sctx, sem, &busy) {
			continue // the read above reports why
		}
		drainMu.Lock()
		if draining || ctx.Err() != nil {
			drainMu.Unlock()
			<-sem
			continue // shutting down: the channel sends it again later
		}
		handlers.Add(1)
		drainMu.Unlock()
		wg.Go(func() {
			defer handlers.Done()
			defer func() { <-sem }()
			if err := h(ctx, m); err != nil {
				if send(FailedFrame(token, m.ID, c.reason(err))) {
					c.stats.failed.Add(1)
				}
				return
			}
			if send(ConfirmFrame(token, m.ID)) {
				c.stats.confirmed.Add(1)
			}
		})
	}
}

// reason is the failure text sent for err, without the app secret.
func (c *Consumer) reason(err error) string {
	return strings.ReplaceAll(err.Error(), *c.secret, "[REDACTED]")
}

func (c *Consumer) log(msg string, args ...any) {
	if c.cfg.logger != nil {
		c.cfg.logger.Warn(msg, args...)
	}
}

// stall tells the timers that the reader is waiting for a handler slot:
// on says it waits now, and count counts the waits begun so far, so that a
// ping sent just before a wait is not taken for an unanswered one.
type stall struct {
	on    atomic.Bool
	count atomic.Int64
}

// acquire takes a handler slot, waiting while all are busy, and reports
// false if ctx ended first. busy is set for as long as it waits.
func acquire(ctx context.Context, sem chan struct{}, busy *stall) bool {
	select {
	case sem <- struct{}{}:
		return true
	default:
	}
	busy.count.Add(1)
	busy.on.Store(true)
	defer busy.on.Store(false)
	select {
	case sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// timers pulls at once and then on every tick, and pings, except while the
// reader is busy (see acquire). It returns the error of a ping that went
// unanswered.
func (c *Consumer) timers(ctx context.Context, conn *websocket.Conn, token string, send func(*Frame) bool, busy *stall) error {
	pull := time.NewTicker(c.cfg.pull)
	defer pull.Stop()
	ping := time.NewTicker(c.cfg.ping)
	defer ping.Stop()
	send(PullFrame(token))
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-pull.C:
			if !busy.on.Load() {
				send(PullFrame(token))
			}
		case <-ping.C:
			if busy.on.Load() {
				continue
			}
			waits := busy.count.Load()
			pctx, cancel := context.WithTimeout(ctx, c.cfg.writeTimeout)
			err := conn.Ping(pctx)
			cancel()
			if err != nil && errors.Is(err, context.DeadlineExceeded) && (busy.on.Load() || busy.count.Load() != waits) {
				continue // the reader stopped reading: the pong may be waiting
			}
			if err != nil && (!errors.Is(err, context.Canceled) || ctx.Err() == nil) {
				err = fmt.Errorf("tmc: ping: %w", err)
				_ = conn.CloseNow()
				return err
			}
		}
	}
}

// message reads a pushed frame. It returns a message with only its id set
// together with an error when the content cannot be read.
func (c *Consumer) message(f *Frame) (*Message, error) {
	idv, ok := f.Get(HeaderID)
	if !ok {
		return nil, errors.New("no id header")
	}
	id, ok := idv.IntValue()
	if !ok {
		return nil, fmt.Errorf("id header of format %d is not a number", idv.Format)
	}
	m := &Message{ID: id}
	for _, h := range f.Headers {
		v := h.Value
		switch h.Name {
		case HeaderTopic:
			m.Topic = v.Text()
		case HeaderNick:
			m.Nick = v.Text()
		case HeaderUserID:
			m.UserID, _ = v.IntValue()
		case HeaderTime:
			m.Published, _ = v.Time()
		case HeaderOutTime:
			m.Sent, _ = v.Time()
		case HeaderRetried:
			n, _ := v.IntValue()
			m.Retried = int(n)
		case HeaderContent:
			switch v.Format {
			case FormatByteArray:
				b, err := gunzip(v.Bytes, c.cfg.maxContent)
				if err != nil {
					return &Message{ID: id}, err
				}
				m.Content = b
			default:
				if int64(len(v.Text())) > c.cfg.maxContent {
					return &Message{ID: id}, fmt.Errorf("content of %d bytes exceeds the limit of %d", len(v.Text()), c.cfg.maxContent)
				}
				m.Content = []byte(v.Text())
			}
		}
	}
	return m, nil
}

// gunzip decompresses b, refusing more than limit bytes of output.
func gunzip(b []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gzip content: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gzip content: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("gzip content exceeds the limit of %d bytes", limit)
	}
	return out, nil
}
