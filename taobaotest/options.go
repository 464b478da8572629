package taobaotest

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/toptrade/taobao/internal/fakedata"
)

// The options of NewServer and NewServerAt.

// Option configures a Server.
type Option func(*Server)

// WithAppKey sets the app key and secret the server accepts. An empty key
// or secret keeps its default (DefaultAppKey, DefaultAppSecret).
func WithAppKey(key, secret string) Option {
	return func(s *Server) {
		if key != "" {
			s.AppKey = key
		}
		if secret != "" {
			s.AppSecret = secret
		}
	}
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
// without trades, for tests that add their own. A negative n counts as 0.
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
// first is DefaultAuthorizeSeller, the others Chinese shop names. Zero or a
// negative n leaves the server without sellers.
func WithSellerCount(n int) Option {
	return func(s *Server) { s.sellerNicks = sellerNicks(n) }
}

func sellerNicks(n int) []string {
	if n <= 0 {
		return nil
	}
	return append([]string{DefaultAuthorizeSeller}, fakedata.SellerNicks(n-1)...)
}

// DefaultReadHeaderTimeout is how long a server waits for a request's
// headers before it drops the connection, unless WithReadHeaderTimeout or
// WithTimeouts says otherwise.
const DefaultReadHeaderTimeout = 10 * time.Second

// WithReadHeaderTimeout sets how long a server waits for a request's
// headers (default DefaultReadHeaderTimeout); zero or less keeps the
// default. It is WithTimeouts(Timeouts{ReadHeader: d}).
func WithReadHeaderTimeout(d time.Duration) Option {
	return WithTimeouts(Timeouts{ReadHeader: d})
}

// Timeouts are the limits a server puts on each connection, as the fields
// of http.Server of the same names do: reading a request's headers,
// reading a whole request, writing an answer, and waiting idle for the
// next request. NewServerAt applies them all, NewServer only ReadHeader
// and Idle.
type Timeouts struct {
	ReadHeader, Read, Write, Idle time.Duration
}

// DefaultTimeouts returns the connection limits of a server unless
// WithTimeouts says otherwise: 10 s for the headers, 1 min for a request,
// 2 min for an answer (room for DelayNext), 2 min idle.
func DefaultTimeouts() Timeouts {
	return Timeouts{
		ReadHeader: DefaultReadHeaderTimeout,
		Read:       time.Minute,
		Write:      2 * time.Minute,
		Idle:       2 * time.Minute,
	}
}

// maxHeaderBytes bounds a request's headers (and so its query string).
const maxHeaderBytes = 1 << 20

func (t Timeouts) apply(hs *http.Server) {
	hs.ReadHeaderTimeout = t.ReadHeader
	hs.ReadTimeout = t.Read
	hs.WriteTimeout = t.Write
	hs.IdleTimeout = t.Idle
	hs.MaxHeaderBytes = maxHeaderBytes
}

// WithTimeouts changes the connection limits (tests shorten them); a zero
// or negative field keeps its current value (DefaultTimeouts unless an
// earlier option changed it).
func WithTimeouts(t Timeouts) Option {
	return func(s *Server) {
		for _, f := range []struct {
			dst *time.Duration
			v   time.Duration
		}{
			{&s.timeouts.ReadHeader, t.ReadHeader}, {&s.timeouts.Read, t.Read},
			{&s.timeouts.Write, t.Write}, {&s.timeouts.Idle, t.Idle},
		} {
			if f.v > 0 {
				*f.dst = f.v
			}
		}
	}
}

// WithRealShapes makes the trade answers take the odd shapes real answers
// have: raw line breaks and tabs inside strings (buyer messages, memos and
// titles that hold them are sent unescaped, as the gateway sends them) and
// sid as a bare number. The SDK must read them as it reads the plain
// shapes; the ground truth (Trades) is the same either way.
func WithRealShapes() Option {
	return func(s *Server) { s.realShapes = true }
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
// default), or a zero or negative value of either, means no limit.
func WithCallLimit(calls int, per time.Duration) Option {
	return func(s *Server) {
		if calls > 0 && per > 0 {
			s.limitCalls, s.limitPer = calls, per
		}
	}
}

// WithCallLog sets how many of the most recent calls CallLog keeps (0: none,
// for long runs and benchmarks; a negative n counts as 0). Calls counts
// every call regardless.
func WithCallLog(n int) Option {
	return func(s *Server) { s.logSize = max(n, 0) }
}

// WithCallLogBytes sets how many bytes of parameter names and values the
// call log keeps at most (DefaultCallLogBytes unless set): the oldest calls
// are dropped to stay within it, and a call larger than the whole budget is
// counted but not logged. Zero or a negative n keeps the default.
func WithCallLogBytes(n int64) Option {
	return func(s *Server) {
		if n > 0 {
			s.logBytes = n
		}
	}
}

// WithAuthorizeSeller makes the authorization page approve as the seller
// with this nick. Without it, the page approves as the server's first
// seller, or as DefaultAuthorizeSeller.
func WithAuthorizeSeller(nick string) Option {
	return func(s *Server) { s.oauth.seller = nick }
}

// WithCallbackDomain sets the app's registered callback domains: /authorize
// redirects only to a redirect_uri whose host is one of them or below one
// of them, and answers an error page otherwise, as TOP does. By default
// loopback hosts (localhost, 127.0.0.1, ::1) and the documentation domains
// example.com, example.net and example.org are registered; loopback hosts
// always are. Each domain is a host name ("shop.cn"): case, a leading dot
// and surrounding spaces are ignored, and empty ones are dropped.
func WithCallbackDomain(domains ...string) Option {
	return func(s *Server) {
		s.oauth.domains = []string{}
		for _, d := range domains {
			d = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d), "."))
			if d != "" {
				s.oauth.domains = append(s.oauth.domains, d)
			}
		}
	}
}

// WithDenyAuthorization makes the authorization page answer as if the
// seller refused: it redirects with error=access_denied.
func WithDenyAuthorization() Option {
	return func(s *Server) { s.oauth.deny = true }
}

// WithTokenTTL sets the lifetime of the sessions (access) and of the refresh
// tokens (refresh) that the token endpoint and the gateway's token methods
// issue; zero or a negative value keeps the default (DefaultTokenTTL, DefaultRefreshTTL).
// Sessions die on the server's clock, so Advance expires them.
func WithTokenTTL(access, refresh time.Duration) Option {
	return func(s *Server) { s.oauth.tokenTTL, s.oauth.refreshTTL = access, refresh }
}
