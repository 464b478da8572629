package taobao

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

// TOP's production OAuth endpoints, used when an OAuthConfig leaves AuthURL
// or TokenURL empty.
const (
	// DefaultAuthURL is the page where a seller authorizes an app.
	DefaultAuthURL = "https://oauth.taobao.com/authorize"
	// DefaultTokenURL is the endpoint that trades an authorization code or
	// a refresh token for a session.
	DefaultTokenURL = "https://oauth.taobao.com/token"
)

// sessionEarlyExpiry is how long before its expiry a session is refreshed
// by the TokenSource, so that a call never leaves with a session that dies
// on the way.
const sessionEarlyExpiry = time.Minute

// maxOAuthBody caps how much of a token endpoint answer is read.
const maxOAuthBody = 1 << 20

var (
	// ErrAccessDenied reports that the seller refused to authorize the app
	// (the callback carried error=access_denied). An *OAuthError with Code
	// "access_denied" matches it.
	ErrAccessDenied = errors.New("taobao: oauth: the seller denied the authorization")
	// ErrOAuthState reports a callback whose state is missing or differs
	// from the one the app sent: it may be forged, and its code must not be
	// used. An *OAuthError with Code "invalid_state" matches it.
	ErrOAuthState = errors.New("taobao: oauth: callback state is missing or does not match")
)

// OAuthConfig holds what an app needs to get sessions (access tokens) from
// sellers through OAuth 2.0. It is plain data: build it as a literal, check
// it once with Validate, and share it freely; its methods do not modify it.
type OAuthConfig struct {
	AppKey      string // the app key, sent as client_id
	AppSecret   string // the app secret, sent as client_secret; never logged or shown
	RedirectURL string // the callback registered for the app; required by AuthCodeURL and Exchange
	View        string // the authorization page style: "web" (default), "tmall" or "wap"
	AuthURL     string // the authorization page; empty means DefaultAuthURL
	TokenURL    string // the token endpoint; empty means DefaultTokenURL
}

// Validate reports a configuration that cannot work: a missing app key or
// secret, an unknown View, a relative RedirectURL, or an endpoint that is
// not https (plain http is allowed for loopback hosts only, for tests).
// The errors match ErrInvalidArgument.
func (c *OAuthConfig) Validate() error {
	if c.AppKey == "" {
		return fmt.Errorf("%w: oauth: AppKey is empty", ErrInvalidArgument)
	}
	if c.AppSecret == "" {
		return fmt.Errorf("%w: oauth: AppSecret is empty", ErrInvalidArgument)
	}
	switch c.View {
	case "", "web", "tmall", "wap":
	default:
		return fmt.Errorf("%w: oauth: View %q: want web, tmall or wap", ErrInvalidArgument, c.View)
	}
	if c.RedirectURL != "" && c.RedirectURL != "urn:ietf:wg:oauth:2.0:oob" {
		u, err := url.Parse(c.RedirectURL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("%w: oauth: RedirectURL %q is not an absolute URL", ErrInvalidArgument, c.RedirectURL)
		}
	}
	for _, e := range [...]struct{ name, url string }{{"AuthURL", c.AuthURL}, {"TokenURL", c.TokenURL}} {
		if e.url == "" {
			continue
		}
		if err := checkOAuthEndpoint(e.url); err != nil {
			return fmt.Errorf("%w: oauth: %s: %v", ErrInvalidArgument, e.name, err)
		}
	}
	return nil
}

// checkOAuthEndpoint accepts https URLs, and http URLs on a loopback host.
func checkOAuthEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("not a URL")
	}
	switch u.Scheme {
	case "https":
		if u.Host == "" {
			return errors.New("no host")
		}
		return nil
	case "http":
		host := u.Hostname()
		if host == "localhost" {
			return nil
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
			return nil
		}
		return errors.New("https is required unless the host is loopback")
	}
	return errors.New("https is required")
}

// view returns the configured view, or TOP's default.
func (c *OAuthConfig) view() string {
	if c.View == "" {
		return "web"
	}
	return c.View
}

// oauth2Config expresses c as an x/oauth2 config: TOP reads the client's
// credentials from the form, never from HTTP basic auth.
func (c *OAuthConfig) oauth2Config() *oauth2.Config {
	ep := oauth2.Endpoint{AuthURL: c.AuthURL, TokenURL: c.TokenURL, AuthStyle: oauth2.AuthStyleInParams}
	if ep.AuthURL == "" {
		ep.AuthURL = DefaultAuthURL
	}
	if ep.TokenURL == "" {
		ep.TokenURL = DefaultTokenURL
	}
	return &oauth2.Config{ClientID: c.AppKey, ClientSecret: c.AppSecret, Endpoint: ep, RedirectURL: c.RedirectURL}
}

// AuthCodeURL returns the URL of the authorization page to send a seller
// to, asking for an authorization code (response_type=code). state should
// be an unguessable value tied to the seller's browser session; the
// callback echoes it, and ParseCallback checks it. AuthCodeURL does not
// check the configuration: call Validate once when the app starts.
func (c *OAuthConfig) AuthCodeURL(state string) string {
	return c.oauth2Config().AuthCodeURL(state, oauth2.SetAuthURLParam("view", c.view()))
}

// ParseCallback reads the request that the authorization page redirected
// the seller to, and returns the authorization code for Exchange.
//
// wantState is the state given to AuthCodeURL for this seller; it is
// compared in constant time. A callback whose state is missing or differs
// gets an *OAuthError matching ErrOAuthState, and a seller's refusal one
// matching ErrAccessDenied. Other errors the page reports come back as an
// *OAuthError with the page's code and description.
func (c *OAuthConfig) ParseCallback(r *http.Request, wantState string) (code string, err error) {
	if wantState == "" {
		return "", fmt.Errorf("%w: oauth: ParseCallback needs the state that was sent", ErrInvalidArgument)
	}
	q := r.URL.Query()
	got, hasState := q.Get("state"), q.Has("state")
	stateOK := subtle.ConstantTimeCompare([]byte(got), []byte(wantState)) == 1
	if hasState && !stateOK {
		return "", &OAuthError{Code: "invalid_state", Description: "callback state does not match"}
	}
	// A refusal may come back without the state; trusting it costs nothing,
	// since it carries no code.
	if e := q.Get("error"); e != "" {
		return "", &OAuthError{Code: e, Description: oauthShorten(q.Get("error_description"), 200)}
	}
	if !stateOK {
		return "", &OAuthError{Code: "invalid_state", Description: "callback has no state"}
	}
	code = q.Get("code")
	if code == "" {
		return "", &OAuthError{Code: "invalid_request", Description: "callback has no code"}
	}
	return code, nil
}

// Exchange trades an authorization code from the callback for the seller's
// session, through the token endpoint's authorization_code grant. Codes are
// short-lived and single-use.
//
// The HTTP client is the one stored in ctx under oauth2.HTTPClient, or
// one with a 30 s timeout; redirects are not followed, since the request holds
// the app secret. The endpoint's refusals, and any answer other than 2xx,
// come back as *OAuthError.
func (c *OAuthConfig) Exchange(ctx context.Context, code string) (*Token, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.RedirectURL == "" {
		return nil, fmt.Errorf("%w: oauth: RedirectURL is empty", ErrInvalidArgument)
	}
	if code == "" {
		return nil, fmt.Errorf("%w: oauth: the authorization code is empty", ErrInvalidArgument)
	}
	return c.postToken(ctx, url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {code},
		"client_id":     {c.AppKey},
		"client_secret": {c.AppSecret},
		"redirect_uri":  {c.RedirectURL},
		"view":          {c.view()},
	}, code)
}

// Refresh trades a refresh token for a new session, through the token
// endpoint's refresh_token grant. TOP lets only some apps (those sold on
// its service market) refresh; others get an *OAuthError and must send
// the seller through authorization again. The HTTP client comes from ctx
// as in Exchange.
func (c *OAuthConfig) Refresh(ctx context.Context, refreshToken string) (*Token, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if refreshToken == "" {
		return nil, fmt.Errorf("%w: oauth: the refresh token is empty", ErrInvalidArgument)
	}
	return c.postToken(ctx, url.Values{
		"grant_type":    {"refresh_token"},
		"refresh_token": {refreshToken},
		"client_id":     {c.AppKey},
		"client_secret": {c.AppSecret},
	}, refreshToken)
}

// postToken posts form to the token endpoint and parses the answer. The
// token POST is done here rather than by x/oauth2, which would parse a JSON
// body sent as text/plain as a form, drop TOP's typed fields, and put the
// raw body in its error strings. secret is a request value to keep out of
// error text, besides the app secret.
func (c *OAuthConfig) postToken(ctx context.Context, form url.Values, secret string) (*Token, error) {
	redact := newRedactor(c.AppSecret, secret)
	tokenURL := c.oauth2Config().Endpoint.TokenURL
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("taobao: oauth: building the token request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
	req.Header.Set("Accept", "application/json")
	// Lifetimes are counted from before the request: a little early, never late.
	now := time.Now()
	// The form holds the app secret: never let a redirect carry it elsewhere.
	hc := *oauthHTTPClient(ctx)
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		// The form travels in the body, so the *url.Error names only the endpoint.
		return nil, fmt.Errorf("taobao: oauth: token request: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxOAuthBody+1))
	if err != nil {
		return nil, fmt.Errorf("taobao: oauth: reading the token answer: %w", err)
	}
	if len(body) > maxOAuthBody {
		return nil, fmt.Errorf("taobao: oauth: token answer exceeds %d bytes", maxOAuthBody)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, oauthErrorFromBody(resp.StatusCode, body, redact)
	}
	t, err := parseToken(body, now, 0)
	if err != nil {
		var oe *OAuthError
		if errors.As(err, &oe) {
			oe.StatusCode = resp.StatusCode
			oe.Description = redact(oe.Description)
		}
		return nil, err
	}
	return t, nil
}

// oauthHTTPClient returns the client stored in ctx under oauth2.HTTPClient,
// as x/oauth2 does, or a client with a 30 s timeout (never one without: a
// hanging token endpoint must not hold a seller's calls forever).
func oauthHTTPClient(ctx context.Context) *http.Client {
	if hc, ok := ctx.Value(oauth2.HTTPClient).(*http.Client); ok && hc != nil {
		return hc
	}
	return defaultOAuthClient
}

// defaultOAuthClient is never modified.
var defaultOAuthClient = &http.Client{Timeout: 30 * time.Second}

// oauthErrorFromBody builds the error for a non-2xx answer of the token
// endpoint: its {"error","error_description"} when the body has them, or a
// short sample of the body (a proxy's page, say).
func oauthErrorFromBody(status int, body []byte, redact func(string) string) *OAuthError {
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &e) == nil && (e.Error != "" || e.Description != "") {
		return &OAuthError{StatusCode: status, Code: oauthShorten(redact(e.Error), 100), Description: oauthShorten(redact(e.Description), 500)}
	}
	sample := strings.Join(strings.Fields(string(body)), " ")
	return &OAuthError{StatusCode: status, Description: "unexpected answer: " + strconv.Quote(oauthShorten(redact(sample), 200))}
}

// oauthShorten cuts s to at most n bytes, on a rune boundary.
func oauthShorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "..."
}

// OAuthError is a refusal from the OAuth side of TOP: an error answer of
// the token endpoint, or an error reported to the callback. Its text keeps
// the endpoint's description, but never a secret, a code or a token.
type OAuthError struct {
	StatusCode  int    // the token endpoint's HTTP status; 0 for callback and parsing errors
	Code        string // the OAuth error code, such as "invalid_client", "access_denied" or "invalid_state"
	Description string // the explanation that came with it, if any
}

// Error describes the error; the text starts with "taobao: oauth:".
func (e *OAuthError) Error() string {
	var b strings.Builder
	b.WriteString("taobao: oauth: ")
	switch {
	case e.Code != "":
		b.WriteString(e.Code)
	case e.StatusCode != 0:
		b.WriteString("HTTP ")
		b.WriteString(strconv.Itoa(e.StatusCode))
	default:
		b.WriteString("error")
	}
	if e.Description != "" {
		b.WriteString(": ")
		b.WriteString(e.Description)
	}
	if e.Code != "" && e.StatusCode != 0 {
		b.WriteString(" (HTTP ")
		b.WriteString(strconv.Itoa(e.StatusCode))
		b.WriteString(")")
	}
	return b.String()
}

// Is matches ErrAccessDenied for Code "access_denied" and ErrOAuthState for
// Code "invalid_state".
func (e *OAuthError) Is(target error) bool {
	switch target {
	case ErrAccessDenied:
		return e.Code == "access_denied"
	case ErrOAuthState:
		return e.Code == "invalid_state"
	}
	return false
}

// Retryable reports whether the token endpoint failed in passing (HTTP 429
// or 5xx), so that the same request may succeed later.
func (e *OAuthError) Retryable() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}
