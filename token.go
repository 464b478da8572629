package taobao

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

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

// Redacted returns a copy of t with the access and refresh tokens replaced,
// for logging a Token inside another value: a JSON log handler encodes a
// nested Token with encoding/json, whose output is meant for storage and
// keeps the tokens. (Printing by reflection, as fmt does for a Token kept in
// an unexported field, cannot call any method: keep Tokens in exported
// fields or print Redacted copies.)
func (t Token) Redacted() Token {
	if t.AccessToken != "" {
		t.AccessToken = redactedText
	}
	if t.RefreshToken != "" {
		t.RefreshToken = redactedText
	}
	t.Token = *t.Token.WithExtra(nil)
	return t
}

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
	apiErr, err := parseErrorResponse("", raw, nil)
	if err != nil {
		return fmt.Errorf("taobao: oauth: error_response: %w", err)
	}
	return apiErr
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
	s := &sessionSource{ref: r}
	if t != nil {
		r.refreshToken = t.RefreshToken
		r.refreshExpiry = t.RefreshExpiry
		r.seller = tokenSeller(t)
		if t.AccessToken != "" {
			cp := t.Token
			s.tok, s.obtained = &cp, time.Now()
		}
	}
	return s
}

// sessionSource is the TokenSource of OAuthConfig.TokenSource. It keeps
// the current session and refreshes it once it is about to expire, and the
// Client can ask it to drop a session that the gateway rejected.
type sessionSource struct {
	ref *sessionRefresher

	mu       sync.Mutex // guards the fields below; held during a refresh, so that only one runs
	tok      *oauth2.Token
	obtained time.Time // when tok was received
}

// Token returns the current session, refreshing it when it is about to
// expire.
func (s *sessionSource) Token() (*oauth2.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && s.fresh(time.Now()) {
		cp := *s.tok
		return &cp, nil
	}
	t, err := s.ref.Token()
	if err != nil {
		return nil, err
	}
	s.tok, s.obtained = t, time.Now()
	cp := *t
	return &cp, nil
}

// fresh reports whether the session in hand may still be sent. It is
// refreshed a minute before it expires, or after half its lifetime for a
// session that lives less than two minutes (TOP issues such sessions near
// the end of a subscription), so that every session is refreshed once and
// not at every call.
func (s *sessionSource) fresh(now time.Time) bool {
	if s.tok.Expiry.IsZero() {
		return s.tok.AccessToken != ""
	}
	early := min(sessionEarlyExpiry, s.tok.Expiry.Sub(s.obtained)/2)
	return now.Before(s.tok.Expiry.Add(-early))
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
	if s.tok != nil && s.tok.AccessToken != rejected && s.fresh(time.Now()) {
		return true
	}
	if !s.ref.canRefresh() {
		return false
	}
	s.tok = nil // the next Token call refreshes
	return true
}

// String describes the source without its secrets.
func (s *sessionSource) String() string {
	return "taobao.sessionSource{seller " + s.ref.sellerName() + "}"
}

// Format prints the source as String does for every verb.
func (s *sessionSource) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, s.String()) }

// LogValue gives slog the same secret-free description.
func (s *sessionSource) LogValue() slog.Value { return slog.StringValue(s.String()) }

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

// sellerName names the seller for messages.
func (r *sessionRefresher) sellerName() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seller
}

// String describes the refresher without its secrets.
func (r *sessionRefresher) String() string {
	return "taobao.sessionRefresher{seller " + r.sellerName() + "}"
}

// Format prints the refresher as String does for every verb.
func (r *sessionRefresher) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, r.String()) }

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
	app := &Client{cfg: c.cfg, creds: &credentials{}} // these methods act for the app, not a seller
	app.initServices()
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
			oe.Description = newRedactor(secret)(oe.Description)
		}
		return nil, fmt.Errorf("taobao: %s: %w", method, err)
	}
	return t, nil
}
