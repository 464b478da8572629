// Command oauth is a small web app that asks a seller to authorize it
// through TOP's OAuth 2.0 server-side flow, then acts for that seller: it
// shows the seller's nick and session expiry and lists their newest
// trades.
//
// With no TAOBAO_* variables set it runs against the built-in fake
// gateway, whose authorization page approves at once. To use Taobao, set
// TAOBAO_APP_KEY and TAOBAO_APP_SECRET, and TAOBAO_REDIRECT_URL to the
// callback registered for the app (its path is served here; default
// http://<addr>/callback).
//
//	go run ./examples/oauth -addr 127.0.0.1:8080
//
// Sessions are kept in memory only and never printed whole.
package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage was printed
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "oauth:", err)
		os.Exit(1)
	}
}

// run serves the app until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("oauth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	base := "http://" + ln.Addr().String()

	logger := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, closeGateway, err := configure(getenv, base, stdout)
	if err != nil {
		return err
	}
	defer closeGateway()
	cfg.Logger = logger

	srv := &http.Server{Handler: newApp(ctx, cfg), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "open %s/ in a browser to authorize a seller\n", base)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}

// configure builds the app's configuration from the environment: Taobao
// when TAOBAO_APP_KEY and TAOBAO_APP_SECRET are set, else a fake gateway,
// which the returned function closes.
func configure(getenv func(string) string, base string, w io.Writer) (appConfig, func(), error) {
	key, secret := getenv("TAOBAO_APP_KEY"), getenv("TAOBAO_APP_SECRET")
	redirect := getenv("TAOBAO_REDIRECT_URL")
	if redirect == "" {
		redirect = base + "/callback"
	}
	if key != "" || secret != "" {
		if key == "" || secret == "" {
			return appConfig{}, nil, errors.New("set both TAOBAO_APP_KEY and TAOBAO_APP_SECRET, or neither to use the built-in fake gateway")
		}
		// TAOBAO_AUTH_URL and TAOBAO_TOKEN_URL aim the authorization at
		// another server (the one examples/gateway runs prints both);
		// unset, they are oauth.taobao.com's.
		oc := &taobao.OAuthConfig{AppKey: key, AppSecret: secret, RedirectURL: redirect,
			AuthURL: getenv("TAOBAO_AUTH_URL"), TokenURL: getenv("TAOBAO_TOKEN_URL")}
		if err := oc.Validate(); err != nil {
			return appConfig{}, nil, err
		}
		gateway := getenv("TAOBAO_BASE_URL")
		if gateway == "" {
			gateway = taobao.DefaultBaseURL
		}
		// One limiter for the app key, shared by every seller's client.
		limiter := taobao.NewLimiter(taobao.DefaultRate, taobao.DefaultBurst, taobao.DefaultMaxBanWait)
		auth := oc.AuthURL
		if auth == "" {
			auth = taobao.DefaultAuthURL
		}
		fmt.Fprintf(w, "gateway %s, authorization page %s: app key %s, callback %s\n", gateway, auth, key, redirect)
		return appConfig{
			OAuth: oc,
			ClientFor: func(ts oauth2.TokenSource) (*taobao.Client, error) {
				return taobao.NewClient(key, secret, taobao.WithBaseURL(gateway), taobao.WithLimiter(limiter), taobao.WithTokenSource(ts))
			},
		}, func() {}, nil
	}

	fake := taobaotest.NewServer()
	fmt.Fprintf(w, "built-in fake gateway at %s: its authorization page approves at once\n"+
		"(set TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_REDIRECT_URL to use Taobao)\n", fake.URL)
	return appConfig{
		OAuth: fake.OAuthConfig(redirect),
		ClientFor: func(ts oauth2.TokenSource) (*taobao.Client, error) {
			return fake.NewClient("", taobao.WithTokenSource(ts))
		},
	}, fake.Close, nil
}

// appConfig is what the app needs.
type appConfig struct {
	// OAuth is the app's OAuth configuration; its RedirectURL's path is
	// served as the callback.
	OAuth *taobao.OAuthConfig
	// ClientFor returns a gateway client that calls with the sessions of ts.
	ClientFor func(ts oauth2.TokenSource) (*taobao.Client, error)
	// HTTPClient talks to the token endpoint (nil: http.DefaultClient).
	HTTPClient *http.Client
	// Logger receives one line per authorization and per failure
	// (nil: discard).
	Logger *slog.Logger
}

// Cookie names and lifetimes.
const (
	stateCookie   = "taobao_oauth_state"
	sessionCookie = "taobao_demo_sid"
	stateTTL      = 10 * time.Minute
	tokenPrefix   = 6 // characters of a session shown on the page
)

// app serves the pages. Its maps are its whole storage: restarting it
// forgets every seller.
type app struct {
	cfg          appConfig
	ctx          context.Context // lives as long as the app; token refreshes use it
	callbackPath string
	secure       bool // cookies are sent over https only
	mux          *http.ServeMux

	pending *pendingLogins // logins under way

	mu      sync.Mutex
	sellers map[string]*seller // session cookie -> authorized seller
}

// maxPending bounds the logins under way, so that a flood of /login
// requests cannot grow the app without bound.
const maxPending = 10000

// pendingLogins are the states of logins under way, each with its expiry.
// They expire in the order they were made (the lifetime is fixed), so the
// expired ones are dropped from the front of a queue: each /login does a
// little work, never a sweep of every login, under a lock of its own.
type pendingLogins struct {
	mu     sync.Mutex
	expiry map[string]time.Time
	order  []string // states, oldest first
}

// add records a new state; it reports false when too many are under way.
func (p *pendingLogins) add(state string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.order) > 0 {
		exp, ok := p.expiry[p.order[0]]
		if ok && now.Before(exp) {
			break
		}
		delete(p.expiry, p.order[0])
		p.order = p.order[1:]
	}
	if len(p.expiry) >= maxPending {
		return false
	}
	p.expiry[state] = now.Add(stateTTL)
	p.order = append(p.order, state)
	return true
}

// take spends a state; it reports false for an unknown, spent or expired
// one.
func (p *pendingLogins) take(state string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	exp, ok := p.expiry[state]
	delete(p.expiry, state) // its entry in order goes when it reaches the front
	return ok && now.Before(exp)
}

// seller is a seller who authorized the app.
type seller struct {
	nick   string
	tokens oauth2.TokenSource
	client *taobao.Client
}

// newApp returns the app. ctx must last as long as the app is used: the
// sellers' sessions are refreshed with it.
func newApp(ctx context.Context, cfg appConfig) *app {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient != nil {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, cfg.HTTPClient)
	}
	a := &app{
		cfg:          cfg,
		ctx:          ctx,
		callbackPath: "/callback",
		pending:      &pendingLogins{expiry: make(map[string]time.Time)},
		sellers:      make(map[string]*seller),
	}
	if u, err := url.Parse(cfg.OAuth.RedirectURL); err == nil {
		if u.Path != "" {
			a.callbackPath = u.Path
		}
		a.secure = u.Scheme == "https"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.index)
	mux.HandleFunc("GET /login", a.login)
	mux.HandleFunc("GET "+a.callbackPath, a.callback)
	mux.HandleFunc("POST /logout", a.logout)
	a.mux = mux
	return a
}

// ServeHTTP serves the app's pages.
func (a *app) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

// index shows the seller who authorized the app in this browser, or the
// link to authorize it.
func (a *app) index(w http.ResponseWriter, r *http.Request) {
	s := a.currentSeller(r)
	if s == nil {
		a.render(w, http.StatusOK, pageData{})
		return
	}
	d := pageData{Seller: s.nick}
	// The client refreshes the session when it is about to expire, or when
	// the gateway rejects it.
	trades, err := newestTrades(r.Context(), s.client)
	if errors.Is(err, taobao.ErrInvalidSession) {
		a.cfg.Logger.Warn("session ended", "seller", s.nick, "error", err)
		a.forget(w, r)
		a.render(w, http.StatusOK, pageData{Error: "The seller's session has ended: authorize the app again.", Detail: err.Error()})
		return
	}
	if err != nil {
		a.cfg.Logger.Warn("listing trades failed", "seller", s.nick, "error", err)
		d.Error, d.Detail = "Listing the trades failed.", err.Error()
	}
	d.Trades = trades
	if tok, err := s.tokens.Token(); err == nil {
		d.TokenPrefix = shortToken(tok.AccessToken)
		d.Expiry = tok.Expiry.In(taobao.GMT8()).Format(taobao.TimeLayout)
	}
	a.render(w, http.StatusOK, d)
}

// login starts an authorization: a fresh state, kept in memory and in a
// cookie of this browser, and a redirect to the authorization page.
func (a *app) login(w http.ResponseWriter, r *http.Request) {
	state := randomID()
	if !a.pending.add(state, time.Now()) {
		http.Error(w, "Too many logins are under way; try again in a few minutes.", http.StatusServiceUnavailable)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: stateCookie, Value: state, Path: a.callbackPath, MaxAge: int(stateTTL / time.Second),
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, a.cfg.OAuth.AuthCodeURL(state), http.StatusFound)
}

// callback finishes an authorization: it checks the state against this
// browser's cookie and the logins under way (each state serves once),
// trades the code for the seller's session, and shows the seller.
func (a *app) callback(w http.ResponseWriter, r *http.Request) {
	var want string
	if c, err := r.Cookie(stateCookie); err == nil {
		want = c.Value
	}
	if want == "" {
		a.fail(w, fmt.Errorf("%w: this browser has no login under way", taobao.ErrOAuthState))
		return
	}
	// The callback's state is compared with this browser's first: a forged
	// callback with another state must not spend the login under way.
	code, err := a.cfg.OAuth.ParseCallback(r, want)
	if err != nil {
		if !errors.Is(err, taobao.ErrOAuthState) {
			a.clearStateCookie(w) // a refusal or an error ends the login
			a.pending.take(want, time.Now())
		}
		a.fail(w, err)
		return
	}
	a.clearStateCookie(w)
	if !a.pending.take(want, time.Now()) {
		a.fail(w, fmt.Errorf("%w: the login was already finished, or took too long", taobao.ErrOAuthState))
		return
	}
	ctx := r.Context()
	if a.cfg.HTTPClient != nil {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, a.cfg.HTTPClient)
	}
	tok, err := a.cfg.OAuth.Exchange(ctx, code)
	if err != nil {
		a.fail(w, err)
		return
	}
	ts := a.cfg.OAuth.TokenSource(a.ctx, tok)
	client, err := a.cfg.ClientFor(ts)
	if err != nil {
		a.fail(w, err)
		return
	}
	sid := randomID()
	a.mu.Lock()
	a.sellers[sid] = &seller{nick: tok.UserNick, tokens: ts, client: client}
	a.mu.Unlock()
	a.cfg.Logger.Info("seller authorized", "seller", tok.UserNick, "user_id", tok.UserID,
		"session_expiry", tok.Expiry.UTC(), "refresh_expiry", tok.RefreshExpiry.UTC())
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: sid, Path: "/", HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// logout forgets the seller of this browser.
func (a *app) logout(w http.ResponseWriter, r *http.Request) {
	a.forget(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// clearStateCookie removes this browser's login state.
func (a *app) clearStateCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: stateCookie, Path: a.callbackPath, MaxAge: -1, HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
}

// currentSeller returns the seller whose session cookie r carries.
func (a *app) currentSeller(r *http.Request) *seller {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.sellers[c.Value]
}

// forget drops the seller of r's session cookie, and the cookie.
func (a *app) forget(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		a.mu.Lock()
		delete(a.sellers, c.Value)
		a.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Path: "/", MaxAge: -1, HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
}

// fail shows why an authorization did not complete. The library's errors
// hold no code, token or secret, so their text can be shown.
func (a *app) fail(w http.ResponseWriter, err error) {
	a.cfg.Logger.Warn("authorization failed", "error", err)
	var d pageData
	status := http.StatusBadGateway
	var oe *taobao.OAuthError
	switch {
	case errors.Is(err, taobao.ErrAccessDenied):
		status, d.Error = http.StatusForbidden, "You declined to authorize the app."
	case errors.Is(err, taobao.ErrOAuthState):
		status, d.Error = http.StatusBadRequest, "This authorization could not be verified (its state is missing, forged or already used)."
	case errors.As(err, &oe) && oe.Code == "invalid_grant":
		status, d.Error = http.StatusBadRequest, "Taobao refused the authorization code (it expired or was already used)."
	default:
		d.Error = "The authorization failed."
	}
	d.Detail = err.Error()
	a.render(w, status, d)
}

// pageData is what the page shows.
type pageData struct {
	Seller      string
	TokenPrefix string
	Expiry      string
	Trades      []trade
	Error       string
	Detail      string
}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Taobao OAuth example</title></head>
<body>
{{if .Error}}<p class="error">{{.Error}}</p>{{if .Detail}}<pre>{{.Detail}}</pre>{{end}}{{end}}
{{if .Seller}}
<p>Authorized by seller <b class="nick">{{.Seller}}</b>.</p>
{{if .TokenPrefix}}<p>Session {{.TokenPrefix}} expires at {{.Expiry}} (GMT+8).</p>{{end}}
<h2>Newest trades</h2>
{{if .Trades}}<table>
<tr><th>tid</th><th>status</th><th>payment</th><th>created</th></tr>
{{range .Trades}}<tr class="trade"><td>{{.Tid}}</td><td>{{.Status}}</td><td>{{.Payment}}</td><td>{{.Created}}</td></tr>
{{end}}</table>{{else}}<p>No trades.</p>{{end}}
<form method="post" action="/logout"><button>Forget this seller</button></form>
{{else}}
<p><a href="/login">Authorize</a> this app to act for your shop.</p>
{{end}}
</body></html>
`))

// render writes the page.
func (a *app) render(w http.ResponseWriter, status int, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := page.Execute(w, d); err != nil {
		a.cfg.Logger.Warn("rendering the page failed", "error", err)
	}
}

// trade is the part of a trade the page shows.
type trade struct {
	Tid     taobao.Int64 `json:"tid"`
	Status  string       `json:"status"`
	Payment taobao.Money `json:"payment"`
	Created taobao.Time  `json:"created"`
}

// newestTrades lists the seller's five newest trades.
//
// TOP API: taobao.trades.sold.get
func newestTrades(ctx context.Context, c *taobao.Client) ([]trade, error) {
	var out struct {
		Trades taobao.List[trade] `json:"trades"`
	}
	err := c.Call(ctx, "taobao.trades.sold.get", url.Values{
		"fields":    {"tid,status,payment,created"},
		"page_size": {"5"},
	}, &out)
	return out.Trades, err
}

// shortToken shows the start of a session, never the whole of it.
func shortToken(s string) string {
	if len(s) <= tokenPrefix {
		return "…"
	}
	return s[:tokenPrefix] + "…"
}

// randomID returns an unguessable identifier for a state or a cookie.
func randomID() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}
