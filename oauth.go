package taobao

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
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
	redact := oauthRedactor(c.AppSecret, secret)
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

// oauthRedactor returns a function that replaces each non-empty secret in
// a text with a placeholder.
func oauthRedactor(secrets ...string) func(string) string {
	return func(s string) string {
		for _, sec := range secrets {
			if sec != "" {
				s = strings.ReplaceAll(s, sec, "[REDACTED]")
			}
		}
		return s
	}
}

// oauthErrorFromBody builds the error for a non-2xx answer of the token
// endpoint: its {"error","error_description"} when the body has them, or a
// short sample of the body (a proxy's page, say).
func oauthErrorFromBody(status int, body []byte, redact func(string) string) *OAuthError {
	var e struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	if json.Unmarshal(body, &e) == nil && (e.Error != "" || e.Description != "") {
		return &OAuthError{StatusCode: status, Code: e.Error, Description: oauthShorten(redact(e.Description), 500)}
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

// Token is a seller's session as TOP issues it. The embedded oauth2.Token
// holds the session itself (AccessToken), the refresh token, the session's
// expiry and, through its Extra method, every field of the endpoint's
// answer. The other fields are TOP's additions.
//
// The JSON encoding of a Token keeps these fields (not Extra), so that a
// Token can be stored and read back.
type Token struct {
	oauth2.Token

	UserID      string `json:"user_id,omitempty"`       // the seller's taobao_user_id; empty when TOP sent only an open uid
	UserNick    string `json:"user_nick,omitempty"`     // the seller's nick, URL-decoded (may be an obfuscated nick)
	SubUserID   string `json:"sub_user_id,omitempty"`   // the sub-account's id, when a sub-account authorized
	SubUserNick string `json:"sub_user_nick,omitempty"` // the sub-account's nick, URL-decoded
	OpenUID     string `json:"open_uid,omitempty"`      // the app-scoped user id (taobao_open_uid or open_uid)

	RefreshExpiry time.Time `json:"refresh_expiry,omitzero"` // until when the refresh token can be used
	R1Expiry      time.Time `json:"r1_expiry,omitzero"`      // until when normal read APIs may be called
	R2Expiry      time.Time `json:"r2_expiry,omitzero"`      // until when sensitive read APIs may be called
	W1Expiry      time.Time `json:"w1_expiry,omitzero"`      // until when normal write APIs may be called
	W2Expiry      time.Time `json:"w2_expiry,omitzero"`      // until when sensitive write APIs may be called
}

// String describes the token without its secrets: whose it is and until
// when it lasts. The access and refresh tokens never show.
func (t Token) String() string {
	who := t.UserNick
	if who == "" {
		who = firstNonEmpty(t.UserID, t.OpenUID, "unknown seller")
	}
	s := "taobao.Token{seller " + strconv.Quote(who)
	if !t.Expiry.IsZero() {
		s += ", expires " + t.Expiry.In(gmt8).Format(TimeLayout) + " GMT+8"
	}
	if t.RefreshToken != "" {
		s += ", refreshable"
	}
	return s + "}"
}

// Format prints the token as String does for every verb, so that %v, %+v
// and %#v cannot print the access or refresh token into a log.
func (t Token) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, t.String()) }

// LogValue gives slog the same secret-free description.
func (t Token) LogValue() slog.Value { return slog.StringValue(t.String()) }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// ParseToken decodes a token as TOP sends it: the token endpoint's JSON, or
// the token_result of taobao.top.auth.token.create and .refresh, given as
// the decoded JSON string, as that JSON string still quoted, or as the
// whole gateway answer ({"top_auth_token_create_response":{...}}).
//
// Lifetimes in seconds (expires_in, re_expires_in, r1_expires_in, ...),
// numbers or numeric strings, count from now; epoch milliseconds
// (expire_time, refresh_token_valid_time, r1_valid, ...) win when both are
// present. An error answer ({"error":...}) comes back as an *OAuthError, a
// gateway error_response as an *APIError.
func ParseToken(body []byte) (*Token, error) {
	return parseToken(body, time.Now(), 0)
}

// ParseTokenValues decodes a token given as form values, as the implicit
// flow (response_type=token) puts it in the fragment of the callback URL.
// The values are taken as already URL-decoded: nicks are not decoded again.
// Other values (state, top_sign) are kept in Extra.
func ParseTokenValues(v url.Values) (*Token, error) {
	if e := v.Get("error"); e != "" {
		return nil, &OAuthError{Code: e, Description: oauthShorten(v.Get("error_description"), 500)}
	}
	fields := make(map[string]json.RawMessage, len(v))
	for k := range v {
		b, err := json.Marshal(v.Get(k))
		if err != nil {
			return nil, fmt.Errorf("taobao: oauth: token field %s: %v", k, err)
		}
		fields[k] = b
	}
	t, err := tokenFromFields(fields, time.Now(), false)
	if err != nil {
		return nil, err
	}
	t.Token = *t.WithExtra(v)
	return t, nil
}

// parseToken is ParseToken with the time lifetimes count from. depth
// limits how many wrappers (quoted string, envelope) are taken off.
func parseToken(body []byte, now time.Time, depth int) (*Token, error) {
	body = bytes.TrimSpace(body)
	if depth > 2 {
		return nil, errors.New("taobao: oauth: token JSON is wrapped too deeply")
	}
	if len(body) > 0 && body[0] == '"' {
		return parseTokenResult(body, now, depth)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		// The error names the offending character, never the body.
		return nil, fmt.Errorf("taobao: oauth: token JSON: %w", err)
	}
	if _, ok := fields["access_token"]; ok {
		return parseTokenFields(body, fields, now)
	}
	if _, ok := fields["error"]; ok {
		return nil, oauthErrorFromBody(0, body, func(s string) string { return s })
	}
	if raw, ok := fields["error_response"]; ok {
		return nil, gatewayTokenError(raw)
	}
	if len(fields) == 1 {
		for k, raw := range fields {
			if !strings.HasSuffix(k, "_response") {
				break
			}
			var inner struct {
				TokenResult json.RawMessage `json:"token_result"`
			}
			if json.Unmarshal(raw, &inner) == nil && inner.TokenResult != nil {
				return parseTokenResult(inner.TokenResult, now, depth)
			}
		}
	}
	return nil, errors.New("taobao: oauth: token JSON has no access_token")
}

// parseTokenResult decodes the token_result member of the answers of
// taobao.top.auth.token.create and taobao.top.auth.token.refresh: a JSON
// string that holds the token JSON (or, leniently, the token object itself).
func parseTokenResult(raw json.RawMessage, now time.Time, depth int) (*Token, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("taobao: oauth: token_result: %w", err)
		}
		raw = []byte(s)
	}
	return parseToken(raw, now, depth+1)
}

// gatewayTokenError turns the error_response of a gateway token call into
// an *APIError.
func gatewayTokenError(raw json.RawMessage) error {
	var e struct {
		Code      json.RawMessage `json:"code"`
		Msg       string          `json:"msg"`
		SubCode   string          `json:"sub_code"`
		SubMsg    string          `json:"sub_msg"`
		RequestID string          `json:"request_id"`
	}
	if err := json.Unmarshal(raw, &e); err != nil {
		return fmt.Errorf("taobao: oauth: error_response: %w", err)
	}
	code, _, _ := tokenInt(e.Code)
	return &APIError{Code: int(code), Msg: e.Msg, SubCode: e.SubCode, SubMsg: e.SubMsg, RequestID: e.RequestID}
}

// parseTokenFields decodes a flat token object whose members are fields.
func parseTokenFields(body []byte, fields map[string]json.RawMessage, now time.Time) (*Token, error) {
	t, err := tokenFromFields(fields, now, true)
	if err != nil {
		return nil, err
	}
	var extra map[string]any
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if err := d.Decode(&extra); err != nil {
		return nil, fmt.Errorf("taobao: oauth: token JSON: %w", err)
	}
	t.Token = *t.WithExtra(extra)
	return t, nil
}

// tokenFromFields fills a Token from the members of a token answer. Nicks
// are URL-decoded when unescapeNicks is set.
func tokenFromFields(f map[string]json.RawMessage, now time.Time, unescapeNicks bool) (*Token, error) {
	var t Token
	var err error
	str := func(key string) string {
		if err != nil {
			return ""
		}
		var s string
		s, err = tokenString(f, key)
		return s
	}
	t.AccessToken = str("access_token")
	t.TokenType = str("token_type")
	t.RefreshToken = str("refresh_token")
	t.UserID = str("taobao_user_id")
	t.UserNick = str("taobao_user_nick")
	t.SubUserID = str("sub_taobao_user_id")
	t.SubUserNick = str("sub_taobao_user_nick")
	t.OpenUID = str("taobao_open_uid")
	if t.OpenUID == "" {
		t.OpenUID = str("open_uid")
	}
	if err != nil {
		return nil, err
	}
	if t.AccessToken == "" {
		return nil, errors.New("taobao: oauth: token JSON has an empty access_token")
	}
	if unescapeNicks {
		t.UserNick = unescapeNick(t.UserNick)
		t.SubUserNick = unescapeNick(t.SubUserNick)
	}

	expiries := [...]struct {
		dst        *time.Time
		abs, relat string
	}{
		{&t.Expiry, "expire_time", "expires_in"},
		{&t.RefreshExpiry, "refresh_token_valid_time", "re_expires_in"},
		{&t.R1Expiry, "r1_valid", "r1_expires_in"},
		{&t.R2Expiry, "r2_valid", "r2_expires_in"},
		{&t.W1Expiry, "w1_valid", "w1_expires_in"},
		{&t.W2Expiry, "w2_valid", "w2_expires_in"},
	}
	for _, e := range expiries {
		if *e.dst, err = tokenExpiry(f, e.abs, e.relat, now); err != nil {
			return nil, err
		}
	}
	if t.ExpiresIn, _, err = tokenSeconds(f, "expires_in"); err != nil {
		return nil, err
	}
	return &t, nil
}

// unescapeNick URL-decodes a nick, or returns it unchanged when it is not
// validly escaped.
func unescapeNick(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// tokenString reads a string member; a number is taken in its decimal form
// (taobao_user_id has been seen both ways). A missing member or null is "".
func tokenString(f map[string]json.RawMessage, key string) (string, error) {
	raw, ok := f[key]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("taobao: oauth: token field %s is neither a string nor a number", key)
}

// tokenInt reads a non-negative integer sent as a JSON number or a numeric
// string. ok is false for a missing member, null or "".
func tokenInt(raw json.RawMessage) (n int64, ok bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return 0, false, nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return 0, false, err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return 0, false, nil
		}
		raw = []byte(s)
	}
	n, err = strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		// Some writers send integral floats such as 7200.0.
		f, ferr := strconv.ParseFloat(string(raw), 64)
		if ferr != nil || f != float64(int64(f)) {
			return 0, false, errors.New("not an integer")
		}
		n = int64(f)
	}
	if n < 0 {
		return 0, false, errors.New("negative")
	}
	return n, true, nil
}

// maxTokenSeconds bounds a lifetime in seconds (100 years), so that adding
// it to a time cannot overflow.
const maxTokenSeconds = 100 * 365 * 24 * 60 * 60

// maxTokenEpochMS bounds an epoch-millisecond time: the end of year 9999.
const maxTokenEpochMS = 253402300799999

// tokenSeconds reads a lifetime in seconds.
func tokenSeconds(f map[string]json.RawMessage, key string) (int64, bool, error) {
	n, ok, err := tokenInt(f[key])
	if err == nil && n > maxTokenSeconds {
		err = errors.New("out of range")
	}
	if err != nil {
		return 0, false, fmt.Errorf("taobao: oauth: token field %s: %v", key, err)
	}
	return n, ok, nil
}

// tokenExpiry computes an expiry from the epoch-millisecond member abs when
// it is present and not zero, else from now plus the seconds in relat. With
// neither, the expiry is the zero time.
func tokenExpiry(f map[string]json.RawMessage, abs, relat string, now time.Time) (time.Time, error) {
	ms, ok, err := tokenInt(f[abs])
	if err == nil && ms > maxTokenEpochMS {
		err = errors.New("out of range")
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("taobao: oauth: token field %s: %v", abs, err)
	}
	if ok && ms > 0 {
		return time.UnixMilli(ms), nil
	}
	sec, ok, err := tokenSeconds(f, relat)
	if err != nil || !ok {
		return time.Time{}, err
	}
	return now.Add(time.Duration(sec) * time.Second), nil
}

// TokenSource returns a source of the seller's session that starts with t
// and, a minute before the session expires, gets a new one through the
// refresh_token grant (Refresh), with the context ctx. Give it to a Client
// with WithTokenSource: when the gateway rejects a session before its
// expiry (the seller changed a password, say), the Client asks the source
// once to refresh it and calls again. The *oauth2.Token it returns has the
// session in AccessToken, and a refreshed one also carries the new refresh
// token and, in Extra, the endpoint's fields: store it if sessions must
// outlive the process.
//
// When the session has expired and cannot be refreshed (no refresh token,
// a spent refresh token, or a refusal from the endpoint), Token returns an
// error matching ErrInvalidSession that names the seller: the seller must
// authorize the app again.
//
// ctx supplies the HTTP client for refreshes (see Exchange) and must stay
// alive as long as the source is in use: once it is done, refreshes fail.
func (c *OAuthConfig) TokenSource(ctx context.Context, t *Token) oauth2.TokenSource {
	r := &sessionRefresher{ctx: ctx, conf: c, seller: unknownTokenSeller}
	var first *oauth2.Token
	if t != nil {
		r.refreshToken = t.RefreshToken
		r.refreshExpiry = t.RefreshExpiry
		r.seller = tokenSeller(t)
		if t.AccessToken != "" {
			cp := t.Token // ReuseTokenSourceWithExpiry modifies the token it gets
			first = &cp
		}
	}
	return &sessionSource{ref: r, reuse: oauth2.ReuseTokenSourceWithExpiry(first, r, sessionEarlyExpiry)}
}

// sessionSource is the TokenSource of OAuthConfig.TokenSource: an
// oauth2.ReuseTokenSource over a sessionRefresher, which the Client can
// ask to drop a session that the gateway rejected.
type sessionSource struct {
	ref *sessionRefresher

	mu    sync.Mutex // guards reuse
	reuse oauth2.TokenSource
}

// Token returns the current session, refreshing it when it is about to
// expire.
func (s *sessionSource) Token() (*oauth2.Token, error) {
	s.mu.Lock()
	reuse := s.reuse
	s.mu.Unlock()
	return reuse.Token()
}

// refreshAfterReject is called by the Client when the gateway rejected the
// session it sent. It reports whether the next Token call will give
// another session: the current one if it is no longer the rejected one
// (another call refreshed it already), else a refreshed one. It reports
// false when the session cannot be refreshed, so that the Client returns
// the gateway's error at once.
func (s *sessionSource) refreshAfterReject(rejected string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.reuse.Token()
	if err != nil {
		return false
	}
	if cur.AccessToken != rejected {
		return true
	}
	if !s.ref.canRefresh() {
		return false
	}
	// A reuse source without a token asks the refresher at its first call.
	s.reuse = oauth2.ReuseTokenSourceWithExpiry(nil, s.ref, sessionEarlyExpiry)
	return true
}

// sessionRefresher gets a new session for one seller through the
// refresh_token grant. oauth2.ReuseTokenSource calls it when the session it
// holds has expired, or at once after the Client reported a rejection.
type sessionRefresher struct {
	ctx  context.Context
	conf *OAuthConfig

	mu            sync.Mutex // guards the fields below
	refreshToken  string
	refreshExpiry time.Time
	seller        string // how errors name the seller
}

// canRefresh reports whether a refresh may succeed: there is a refresh
// token and it has not expired.
func (r *sessionRefresher) canRefresh() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.refreshToken != "" && (r.refreshExpiry.IsZero() || time.Now().Before(r.refreshExpiry))
}

// Token refreshes the session.
func (r *sessionRefresher) Token() (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.refreshToken == "" {
		return nil, fmt.Errorf("%w: seller %s: the session expired and there is no refresh token; the seller must authorize the app again",
			ErrInvalidSession, r.seller)
	}
	if !r.refreshExpiry.IsZero() && !time.Now().Before(r.refreshExpiry) {
		return nil, fmt.Errorf("%w: seller %s: the session expired and so did its refresh token (at %s); the seller must authorize the app again",
			ErrInvalidSession, r.seller, r.refreshExpiry.UTC().Format(time.RFC3339))
	}
	t, err := r.conf.Refresh(r.ctx, r.refreshToken)
	if err != nil {
		var oe *OAuthError
		if errors.As(err, &oe) && !oe.Retryable() && oe.StatusCode >= 400 {
			return nil, fmt.Errorf("%w: seller %s: the token endpoint refused to refresh the session: %w", ErrInvalidSession, r.seller, err)
		}
		return nil, fmt.Errorf("taobao: refreshing the session of seller %s: %w", r.seller, err)
	}
	if t.RefreshToken == "" {
		// TOP did not rotate the refresh token: the old one stays usable.
		t.RefreshToken = r.refreshToken
	} else {
		r.refreshToken = t.RefreshToken
		r.refreshExpiry = t.RefreshExpiry
	}
	if name := tokenSeller(t); name != unknownTokenSeller {
		r.seller = name
	}
	return &t.Token, nil
}

const unknownTokenSeller = "(unknown)"

// tokenSeller names the seller of t for error messages: nick, else user id,
// else open uid. It never uses a token.
func tokenSeller(t *Token) string {
	switch {
	case t.UserNick != "":
		return strconv.Quote(t.UserNick)
	case t.UserID != "":
		return "id " + t.UserID
	case t.OpenUID != "":
		return "open_uid " + t.OpenUID
	}
	return unknownTokenSeller
}

// TOP methods that trade a code or a refresh token for a session through
// the gateway.
const (
	methodTokenCreate  = "taobao.top.auth.token.create"
	methodTokenRefresh = "taobao.top.auth.token.refresh"
)

// CreateToken trades an authorization code for the seller's session
// through the gateway rather than the token endpoint: the call is signed
// with the app's secret and needs no redirect URL. The client's own
// session, if any, is not sent. Codes are short-lived and single-use.
//
// A refusal comes back as an *APIError; neither the code nor the session
// it buys appears in any error.
//
// TOP API: taobao.top.auth.token.create
func (c *Client) CreateToken(ctx context.Context, code string) (*Token, error) {
	if code == "" {
		return nil, invalidArg(methodTokenCreate, "code", "must not be empty")
	}
	return c.gatewayToken(ctx, methodTokenCreate, "code", code)
}

// RefreshToken trades a refresh token for a new session through the
// gateway, like OAuthConfig.Refresh does through the token endpoint. Only
// some apps (those sold on TOP's service market) may refresh; others get
// an *APIError and must send the seller through authorization again. The
// client's own session, if any, is not sent, and no token appears in any
// error.
//
// TOP API: taobao.top.auth.token.refresh
func (c *Client) RefreshToken(ctx context.Context, refreshToken string) (*Token, error) {
	if refreshToken == "" {
		return nil, invalidArg(methodTokenRefresh, "refresh_token", "must not be empty")
	}
	return c.gatewayToken(ctx, methodTokenRefresh, "refresh_token", refreshToken)
}

// gatewayToken calls a token method with one secret parameter and decodes
// its token_result.
func (c *Client) gatewayToken(ctx context.Context, method, param, secret string) (*Token, error) {
	var out struct {
		TokenResult json.RawMessage `json:"token_result"`
	}
	// Lifetimes count from before the call: a little early, never late.
	now := time.Now()
	app := c.WithSession("") // these methods act for the app, not a seller
	if err := app.Call(ctx, method, url.Values{param: {secret}}, &out); err != nil {
		return nil, scrubTokenCallError(err, secret)
	}
	if len(out.TokenResult) == 0 || string(out.TokenResult) == "null" {
		return nil, fmt.Errorf("taobao: %s: the answer has no token_result", method)
	}
	t, err := parseTokenResult(out.TokenResult, now, 0)
	if err != nil {
		var oe *OAuthError
		if errors.As(err, &oe) {
			oe.Description = oauthRedactor(secret)(oe.Description)
		}
		return nil, fmt.Errorf("taobao: %s: %w", method, err)
	}
	return t, nil
}

// scrubTokenCallError keeps secret, and the token an answer may hold, out
// of the error of a token method call. The client already removed the app
// secret; an error message may still quote the code or refresh token sent,
// and a sample of an undecodable answer may hold the new session.
func scrubTokenCallError(err error, secret string) error {
	redact := oauthRedactor(secret)
	var apiErr *APIError
	var decErr *DecodeError
	var httpErr *HTTPError
	switch {
	case errors.As(err, &apiErr) && err == error(apiErr):
		cp := *apiErr
		cp.Msg, cp.SubMsg = redact(cp.Msg), redact(cp.SubMsg)
		return &cp
	case errors.As(err, &decErr) && err == error(decErr):
		cp := *decErr
		cp.Sample = "[withheld: a token answer]"
		if msg := cp.Err.Error(); redact(msg) != msg {
			cp.Err = errors.New(redact(msg))
		}
		return &cp
	case errors.As(err, &httpErr) && err == error(httpErr):
		cp := *httpErr
		if cp.StatusCode == http.StatusOK {
			cp.Body = nil // a success answer the client could not read: it may hold a token
		} else {
			cp.Body = []byte(redact(string(cp.Body)))
		}
		return &cp
	}
	if msg := err.Error(); redact(msg) != msg {
		return &redactedError{msg: redact(msg), err: err}
	}
	return err
}

// redactedError is an error whose text had to be redacted. It matches what
// the original matched, but does not unwrap to it, whose text holds a
// secret.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string        { return e.msg }
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }
func (e *redactedError) Retryable() bool      { return IsRetryable(e.err) }
