package taobaotest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/toptrade/taobao"
)

// The OAuth side of a Server: what /authorize and /token do by default.
const (
	// DefaultAuthorizeSeller is the seller the authorization page approves
	// as when WithAuthorizeSeller was not given and the server knows no
	// sellers of its own.
	DefaultAuthorizeSeller = "taobaotest-seller"
	// AuthCodeTTL is how long an authorization code can be exchanged, on
	// the server's clock. Codes are single-use.
	AuthCodeTTL = 10 * time.Minute
	// DefaultTokenTTL is the lifetime of the sessions (access tokens) the
	// token endpoint issues, unless WithTokenTTL says otherwise.
	DefaultTokenTTL = 24 * time.Hour
	// DefaultRefreshTTL is the lifetime of the refresh tokens it issues.
	DefaultRefreshTTL = 30 * 24 * time.Hour
)

// The TOP methods that trade a code or a refresh token for a session
// through the gateway.
const (
	methodTokenCreate  = "taobao.top.auth.token.create"
	methodTokenRefresh = "taobao.top.auth.token.refresh"
)

// oauthState is the fake OAuth server's state: its settings, the codes and
// refresh tokens it issued, and request counts. It has its own lock, never
// held while the Server's lock is taken.
type oauthState struct {
	mu         sync.Mutex
	seller     string        // who /authorize approves as ("": the default)
	deny       bool          // /authorize reports that the seller refused
	domains    []string      // callback hosts /authorize redirects to; nil: loopback hosts only
	tokenTTL   time.Duration // 0: DefaultTokenTTL
	refreshTTL time.Duration // 0: DefaultRefreshTTL
	codes      map[string]*authCode
	refresh    map[string]*refreshGrant
	requests   map[string]int // /token requests by grant_type
}

// authCode is an authorization code handed to a redirect URI.
type authCode struct {
	seller      string
	redirectURI string
	expires     time.Time
	used        bool
}

// refreshGrant is a refresh token. It is spent when used: a refresh hands
// out a new one.
type refreshGrant struct {
	seller  string
	expires time.Time
}

// OAuthConfig returns an OAuth configuration for the server's app key,
// aimed at the server's /authorize and /token, with the given callback.
func (s *Server) OAuthConfig(redirectURL string) *taobao.OAuthConfig {
	base := s.baseURL()
	return &taobao.OAuthConfig{
		AppKey:      s.AppKey,
		AppSecret:   s.AppSecret,
		RedirectURL: redirectURL,
		AuthURL:     base + "/authorize",
		TokenURL:    base + "/token",
	}
}

// NewAuthCode returns an authorization code, as the authorization page
// hands one to redirectURI when the seller approves, without the page.
// It can be exchanged once, within AuthCodeTTL, at /token (with the same
// redirect_uri) or through taobao.top.auth.token.create.
func (s *Server) NewAuthCode(sellerNick, redirectURI string) string {
	return s.issueCode(sellerNick, redirectURI)
}

// TokenRequests returns how many requests reached /token with the grant
// type (authorization_code, refresh_token), or in all with "", whatever
// their outcome. Gateway calls of the token methods are counted by Calls
// instead.
func (s *Server) TokenRequests(grantType string) int {
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	if grantType != "" {
		return s.oauth.requests[grantType]
	}
	n := 0
	for _, c := range s.oauth.requests {
		n += c
	}
	return n
}

// baseURL is the server's address without the gateway path.
func (s *Server) baseURL() string {
	return strings.TrimSuffix(s.URL, "/router/rest")
}

// authorizeSeller returns who the authorization page approves as.
func (s *Server) authorizeSeller() string {
	s.oauth.mu.Lock()
	nick := s.oauth.seller
	s.oauth.mu.Unlock()
	if nick != "" {
		return nick
	}
	// The seller list is a later part of the fake gateway; use it when the
	// server has one.
	if ss, ok := any(s).(interface{ Sellers() []string }); ok {
		if l := ss.Sellers(); len(l) > 0 {
			return l[0]
		}
	}
	return DefaultAuthorizeSeller
}

// serveAuthorize answers /authorize as the authorization page does once the
// seller has logged in and decided: a 302 to redirect_uri with a code and
// the state, or with error=access_denied. A request the page cannot
// redirect (unknown client_id, no usable redirect_uri) gets a 400 page, as
// an open redirect must not be made.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		authorizePage(w, http.StatusMethodNotAllowed, "the authorization page is opened with GET")
		return
	}
	q := r.URL.Query()
	if q.Get("client_id") == "" || q.Get("client_id") != s.AppKey {
		authorizePage(w, http.StatusBadRequest, "client_id is invalidate")
		return
	}
	redirect := q.Get("redirect_uri")
	if !validRedirect(redirect) || !s.registeredCallback(redirect) {
		authorizePage(w, http.StatusBadRequest, "redirect_uri is invalidate")
		return
	}
	switch q.Get("view") {
	case "", "web", "tmall", "wap":
	default:
		authorizePage(w, http.StatusBadRequest, "view is invalidate")
		return
	}
	state := q.Get("state")
	if rt := q.Get("response_type"); rt != "code" {
		redirectWith(w, r, redirect, [][2]string{{"error", "unsupported_response_type"},
			{"error_description", "response_type must be code"}}, state)
		return
	}
	s.oauth.mu.Lock()
	deny := s.oauth.deny
	s.oauth.mu.Unlock()
	if deny {
		redirectWith(w, r, redirect, [][2]string{{"error", "access_denied"}, {"error_description", "authorize reject"}}, state)
		return
	}
	code := s.issueCode(s.authorizeSeller(), redirect)
	redirectWith(w, r, redirect, [][2]string{{"code", code}}, state)
}

// validRedirect accepts an absolute http(s) URL without a fragment, or the
// out-of-band URI of desktop apps.
// defaultCallbackDomains are registered besides loopback hosts when no
// WithCallbackDomain was given: the domains reserved for documentation,
// which no real callback uses.
var defaultCallbackDomains = []string{"example.com", "example.net", "example.org"}

// registeredCallback reports whether redirectURI is on the app's
// registered callback domain: TOP redirects only there, never to any
// absolute URI (an open redirect would hand the code to a stranger).
func (s *Server) registeredCallback(redirectURI string) bool {
	if redirectURI == "urn:ietf:wg:oauth:2.0:oob" {
		return true
	}
	u, err := url.Parse(redirectURI)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	s.oauth.mu.Lock()
	domains := s.oauth.domains
	s.oauth.mu.Unlock()
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		return true
	}
	if domains == nil {
		domains = defaultCallbackDomains
	}
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func validRedirect(raw string) bool {
	if raw == "urn:ietf:wg:oauth:2.0:oob" {
		return true
	}
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.Fragment == ""
}

// redirectWith sends the browser to redirectURI with params and the state
// added to its query. Spaces are encoded as %20, as TOP does. The
// out-of-band URI gets a page that shows the parameters instead.
func redirectWith(w http.ResponseWriter, r *http.Request, redirectURI string, params [][2]string, state string) {
	if state != "" {
		params = append(params, [2]string{"state", state})
	}
	var b strings.Builder
	for _, p := range params {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(p[0]))
		b.WriteByte('=')
		b.WriteString(strings.ReplaceAll(url.QueryEscape(p[1]), "+", "%20"))
	}
	if redirectURI == "urn:ietf:wg:oauth:2.0:oob" {
		authorizePage(w, http.StatusOK, b.String())
		return
	}
	u, _ := url.Parse(redirectURI) // checked by validRedirect
	if u.RawQuery != "" {
		u.RawQuery += "&" + b.String()
	} else {
		u.RawQuery = b.String()
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// authorizePage writes a small HTML page with a message.
func authorizePage(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><title>taobaotest authorize</title><p>%s</p>\n", html.EscapeString(msg))
}

// issueCode records a new authorization code for the seller.
func (s *Server) issueCode(seller, redirectURI string) string {
	code := randomToken(32)
	expires := s.Now().Add(AuthCodeTTL)
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	if s.oauth.codes == nil {
		s.oauth.codes = make(map[string]*authCode)
	}
	s.oauth.codes[code] = &authCode{seller: seller, redirectURI: redirectURI, expires: expires}
	return code
}

// randomToken returns n random characters from [0-9A-Za-z].
func randomToken(n int) string {
	const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// oauthError is a refusal of the token endpoint or of a token method.
type oauthError struct {
	code, description string
	status            int // HTTP status at /token
}

func invalidGrant(desc string) *oauthError {
	return &oauthError{code: "invalid_grant", description: desc, status: http.StatusBadRequest}
}

// redeemCode spends a code. redirectURI is checked unless checkRedirect is
// false (the gateway method has no redirect_uri). A code that was used,
// is unknown or is expired gets the description TOP is known to give
// for them all.
func (s *Server) redeemCode(code, redirectURI string, checkRedirect bool) (seller string, err *oauthError) {
	now := s.Now()
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	c, ok := s.oauth.codes[code]
	if !ok || c.used || !now.Before(c.expires) {
		if ok && !now.Before(c.expires) {
			delete(s.oauth.codes, code)
		}
		return "", invalidGrant("authorize code expire")
	}
	if checkRedirect && redirectURI != c.redirectURI {
		return "", invalidGrant("redirect_uri is invalidate")
	}
	c.used = true
	return c.seller, nil
}

// redeemRefresh spends a refresh token.
func (s *Server) redeemRefresh(tok string) (seller string, err *oauthError) {
	now := s.Now()
	s.oauth.mu.Lock()
	defer s.oauth.mu.Unlock()
	g, ok := s.oauth.refresh[tok]
	if !ok {
		return "", invalidGrant("refresh_token is invalid")
	}
	delete(s.oauth.refresh, tok)
	if !now.Before(g.expires) {
		return "", invalidGrant("refresh_token is expired")
	}
	return g.seller, nil
}

// tokenAnswer is the token JSON in the order of TOP's sample. The ids are
// strings and the nick is URL-encoded, as TOP sends them; *_valid and the
// *_time fields are epoch milliseconds.
type tokenAnswer struct {
	W1ExpiresIn           int64  `json:"w1_expires_in"`
	RefreshTokenValidTime int64  `json:"refresh_token_valid_time"`
	TaobaoUserNick        string `json:"taobao_user_nick"`
	ReExpiresIn           int64  `json:"re_expires_in"`
	ExpireTime            int64  `json:"expire_time"`
	TokenType             string `json:"token_type"`
	AccessToken           string `json:"access_token"`
	TaobaoOpenUID         string `json:"taobao_open_uid"`
	W1Valid               int64  `json:"w1_valid"`
	RefreshToken          string `json:"refresh_token"`
	W2ExpiresIn           int64  `json:"w2_expires_in"`
	W2Valid               int64  `json:"w2_valid"`
	R1ExpiresIn           int64  `json:"r1_expires_in"`
	R2ExpiresIn           int64  `json:"r2_expires_in"`
	R2Valid               int64  `json:"r2_valid"`
	R1Valid               int64  `json:"r1_valid"`
	TaobaoUserID          string `json:"taobao_user_id"`
	ExpiresIn             int64  `json:"expires_in"`
}

// issueToken creates a session for the seller that the gateway accepts
// and that dies on the server's clock, and a refresh token, and returns
// the token JSON.
func (s *Server) issueToken(seller string) []byte {
	s.oauth.mu.Lock()
	ttl, rttl := s.oauth.tokenTTL, s.oauth.refreshTTL
	s.oauth.mu.Unlock()
	if ttl <= 0 {
		ttl = DefaultTokenTTL
	}
	if rttl <= 0 {
		rttl = DefaultRefreshTTL
	}
	now := s.Now()
	access := s.NewSessionExpiring(seller, ttl)
	userID := sellerUserID(seller)
	refresh := "62" + randomToken(40) + userID

	s.oauth.mu.Lock()
	if s.oauth.refresh == nil {
		s.oauth.refresh = make(map[string]*refreshGrant)
	}
	s.oauth.refresh[refresh] = &refreshGrant{seller: seller, expires: now.Add(rttl)}
	s.oauth.mu.Unlock()

	// Sensitive permissions last less long, as on TOP.
	r2, w2 := min(ttl, 72*time.Hour), min(ttl, 30*time.Minute)
	ms := func(d time.Duration) int64 { return now.Add(d).UnixMilli() }
	sec := func(d time.Duration) int64 { return int64(d / time.Second) }
	b, err := json.Marshal(tokenAnswer{
		W1ExpiresIn:           sec(ttl),
		RefreshTokenValidTime: ms(rttl),
		TaobaoUserNick:        url.QueryEscape(seller),
		ReExpiresIn:           sec(rttl),
		ExpireTime:            ms(ttl),
		TokenType:             "Bearer",
		AccessToken:           access,
		TaobaoOpenUID:         sellerOpenUID(s.AppKey, seller),
		W1Valid:               ms(ttl),
		RefreshToken:          refresh,
		W2ExpiresIn:           sec(w2),
		W2Valid:               ms(w2),
		R1ExpiresIn:           sec(ttl),
		R2ExpiresIn:           sec(r2),
		R2Valid:               ms(r2),
		R1Valid:               ms(ttl),
		TaobaoUserID:          userID,
		ExpiresIn:             sec(ttl),
	})
	if err != nil {
		panic("taobaotest: token JSON: " + err.Error()) // plain strings and numbers: cannot fail
	}
	return b
}

// sellerUserID is a stable numeric user id for a nick.
func sellerUserID(nick string) string {
	h := fnv.New64a()
	h.Write([]byte(nick))
	return strconv.FormatUint(1_000_000_000+h.Sum64()%9_000_000_000, 10)
}

// sellerOpenUID is a stable app-scoped id for a nick, shaped like TOP's.
func sellerOpenUID(appKey, nick string) string {
	h := fnv.New64a()
	h.Write([]byte(appKey))
	h.Write([]byte{0})
	h.Write([]byte(nick))
	return fmt.Sprintf("AAE%021X", h.Sum64())
}

// serveToken answers /token: the authorization_code and refresh_token
// grants, with the client's credentials in the form. Answers are JSON
// labelled text/plain, as TOP labels them; refusals are
// {"error","error_description"} with HTTP 400.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	var f url.Values
	formOK := r.Method == http.MethodPost && r.ParseForm() == nil
	if formOK {
		f = r.PostForm
	}
	grant := f.Get("grant_type")
	s.oauth.mu.Lock()
	if s.oauth.requests == nil {
		s.oauth.requests = make(map[string]int)
	}
	s.oauth.requests[grant]++
	s.oauth.mu.Unlock()

	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeTokenError(w, &oauthError{code: "invalid_request", description: "the token endpoint takes POST", status: http.StatusMethodNotAllowed})
		return
	}
	if !formOK {
		writeTokenError(w, &oauthError{code: "invalid_request", description: "the form cannot be read", status: http.StatusBadRequest})
		return
	}
	if f.Get("client_id") != s.AppKey {
		writeTokenError(w, &oauthError{code: "invalid_client", description: "client_id is invalidate", status: http.StatusBadRequest})
		return
	}
	if f.Get("client_secret") != s.AppSecret {
		writeTokenError(w, &oauthError{code: "invalid_client", description: "client_secret is invalidate", status: http.StatusBadRequest})
		return
	}
	var seller string
	var oe *oauthError
	switch grant {
	case "authorization_code":
		switch {
		case f.Get("code") == "":
			oe = &oauthError{code: "invalid_request", description: "code is missing", status: http.StatusBadRequest}
		case f.Get("redirect_uri") == "":
			oe = &oauthError{code: "invalid_request", description: "redirect_uri is missing", status: http.StatusBadRequest}
		default:
			seller, oe = s.redeemCode(f.Get("code"), f.Get("redirect_uri"), true)
		}
	case "refresh_token":
		if f.Get("refresh_token") == "" {
			oe = &oauthError{code: "invalid_request", description: "refresh_token is missing", status: http.StatusBadRequest}
		} else {
			seller, oe = s.redeemRefresh(f.Get("refresh_token"))
		}
	case "":
		oe = &oauthError{code: "invalid_request", description: "grant_type is missing", status: http.StatusBadRequest}
	default:
		oe = &oauthError{code: "unsupported_grant_type", description: "grant_type is invalidate", status: http.StatusBadRequest}
	}
	if oe != nil {
		writeTokenError(w, oe)
		return
	}
	writeToken(w, http.StatusOK, s.issueToken(seller))
}

// writeTokenError writes a refusal of the token endpoint.
func writeTokenError(w http.ResponseWriter, e *oauthError) {
	b, _ := json.Marshal(struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}{e.code, e.description})
	writeToken(w, e.status, b)
}

// writeToken writes a token endpoint answer.
func writeToken(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// gatewayTokenCreate serves taobao.top.auth.token.create: code (required)
// and uuid (ignored). It answers {"token_result": "<token JSON>"}; a bad
// code is refused with code 15 and an isv.invalid-parameter sub_code.
func (s *Server) gatewayTokenCreate(r *Request) (any, error) {
	code := r.Params.Get("code")
	if code == "" {
		return nil, apiErr(40, "Missing required arguments:code", "", "")
	}
	seller, oe := s.redeemCode(code, "", false)
	if oe != nil {
		return nil, apiErr(15, "Remote service error", "isv.invalid-parameter:code", oe.description)
	}
	return map[string]string{"token_result": string(s.issueToken(seller))}, nil
}

// gatewayTokenRefresh serves taobao.top.auth.token.refresh: refresh_token
// (required). It answers like gatewayTokenCreate.
func (s *Server) gatewayTokenRefresh(r *Request) (any, error) {
	tok := r.Params.Get("refresh_token")
	if tok == "" {
		return nil, apiErr(40, "Missing required arguments:refresh_token", "", "")
	}
	seller, oe := s.redeemRefresh(tok)
	if oe != nil {
		return nil, apiErr(15, "Remote service error", "isv.invalid-parameter:refresh_token", oe.description)
	}
	return map[string]string{"token_result": string(s.issueToken(seller))}, nil
}
