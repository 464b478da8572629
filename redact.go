package taobao

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
)

// The one secrets policy. The app secret, sessions, authorization codes
// and refresh tokens never appear in an error, a log line or a printed
// value:
//   - text that comes back from the network (gateway messages, samples of
//     bodies, OAuth descriptions) passes through a redactor that replaces
//     every secret the call knows of, before any cut, so that a secret
//     straddling the cut cannot leave a prefix behind;
//   - the answers of token methods hold a new session: no sample of them is
//     kept at all;
//   - the types that hold a secret (Client, OAuthConfig, Token, the token
//     sources) print and log themselves without it.

// redactedText replaces a secret in text.
const redactedText = "[REDACTED]"

// withheldSample stands for the body of a token method's answer.
const withheldSample = "[withheld: the answer holds a session]"

// sampleSize is how much of a body an error keeps.
const sampleSize = 4096

// newRedactor returns a function that replaces each non-empty secret in a
// text with a placeholder.
func newRedactor(secrets ...string) func(string) string {
	keep := secrets[:0:0]
	for _, s := range secrets {
		if s != "" {
			keep = append(keep, s)
		}
	}
	return func(s string) string {
		for _, sec := range keep {
			if strings.Contains(s, sec) {
				s = strings.ReplaceAll(s, sec, redactedText)
			}
		}
		return s
	}
}

// redactor returns the redactor of one call: the app secret, the session
// and extra request values that an answer may quote.
func (c *Client) redactor(session string, extra ...string) func(string) string {
	return newRedactor(append([]string{c.cfg.appSecret.value(), session}, extra...)...)
}

func redactString(s string, redact func(string) string) string {
	if redact == nil {
		return s
	}
	return redact(s)
}

// redactSample returns at most n bytes of the start of b, redacted before
// the cut so that no part of a secret remains.
func redactSample(b []byte, n int, redact func(string) string) []byte {
	if redact == nil {
		if len(b) > n {
			return b[:n]
		}
		return b
	}
	// Any secret that starts before n ends within the first 2n bytes
	// for secrets up to n bytes long; redact that much, then cut.
	if len(b) > 2*n {
		b = b[:2*n]
	}
	out := []byte(redact(string(b)))
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// scrubTokenCallError keeps secret, and the token an answer may hold, out
// of the error of a token method call. The client already removed the app
// secret; an error message may still quote the code or refresh token sent,
// and a sample of an undecodable answer may hold the new session.
func scrubTokenCallError(err error, secret string) error {
	redact := newRedactor(secret)
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

// isTokenMethod reports whether method trades a code or a refresh token for
// a session: its answer holds a session, so no sample of it goes into an
// error or a log line.
func isTokenMethod(method string) bool { return strings.HasPrefix(method, "taobao.top.auth.token.") }

// tokenCallSecrets returns the values a token method sends that the
// gateway's messages may quote.
func tokenCallSecrets(method string, params url.Values) []string {
	if !isTokenMethod(method) {
		return nil
	}
	return []string{params.Get("code"), params.Get("refresh_token")}
}

// hidden holds a secret one pointer away from the struct that refers to
// it: fmt prints the fields of a struct reached by reflection (where no
// Format method can be called, as in an unexported field), but never
// follows a pointer two levels down.
type hidden struct{ v string }

// hide returns s in a hidden, or nil for "".
func hide(s string) *hidden {
	if s == "" {
		return nil
	}
	return &hidden{s}
}

// value returns the secret, or "" for nil.
func (h *hidden) value() string {
	if h == nil {
		return ""
	}
	return h.v
}

// String describes the client without its secrets.
func (c Client) String() string {
	if c.cfg == nil || c.creds == nil {
		return "taobao.Client{}"
	}
	who := "no session"
	switch {
	case c.creds.tokens != nil:
		who = "token source"
	case c.creds.session.value() != "":
		who = "session " + redactedText
	}
	return fmt.Sprintf("taobao.Client{app_key %s, %s, %s}", c.cfg.appKey, who, c.cfg.baseURL)
}

// Format prints the client as String does for every verb.
func (c Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue gives slog the same secret-free description.
func (c Client) LogValue() slog.Value { return slog.StringValue(c.String()) }

// String describes the configuration without the app secret.
func (c OAuthConfig) String() string {
	secret := ""
	if c.AppSecret != "" {
		secret = redactedText
	}
	return fmt.Sprintf("taobao.OAuthConfig{AppKey:%s AppSecret:%s RedirectURL:%s View:%s AuthURL:%s TokenURL:%s}",
		c.AppKey, secret, c.RedirectURL, c.View, c.AuthURL, c.TokenURL)
}

// Format prints the configuration as String does for every verb.
func (c OAuthConfig) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue gives slog the configuration without the app secret.
func (c OAuthConfig) LogValue() slog.Value {
	return slog.GroupValue(slog.String("app_key", c.AppKey), slog.String("redirect_url", c.RedirectURL))
}

// MarshalJSON encodes the configuration with the app secret replaced, so
// that a configuration logged as JSON inside another value does not show
// it. Keep the secret in a secret store, not in a JSON file.
func (c OAuthConfig) MarshalJSON() ([]byte, error) {
	type plain OAuthConfig
	p := plain(c)
	if p.AppSecret != "" {
		p.AppSecret = redactedText
	}
	return json.Marshal(p)
}

// redactURL returns raw with any password removed, for error messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		// Cannot tell the parts apart: keep nothing between "//" and "@".
		if i := strings.Index(raw, "//"); i >= 0 {
			if j := strings.LastIndex(raw, "@"); j > i {
				return raw[:i+2] + redactedText + raw[j:]
			}
		}
		return raw
	}
	return u.Redacted()
}
