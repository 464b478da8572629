package taobaotest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/envelope"
)

// The gateway side of a request: common-parameter and signature checks,
// routing to a handler, and the answer envelopes.

// MaxSkew is how far a request's timestamp may be from the server's clock,
// as on the real gateway.
const MaxSkew = 10 * time.Minute

type rawBody []byte

// rawObject is a handler's answer already encoded: the members of the
// "<name>_response" object, as a JSON object.
type rawObject []byte

// serveGateway answers one call of the TOP gateway.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if s.gzip && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w = gzipAnswer{w}
	}
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		s.writeError(w, "", apiErr(9, "Http Action Not Allowed", "", ""), false)
		return
	}
	params, perr := readForm(w, r)
	if perr != nil {
		s.writeError(w, "", perr, false)
		return
	}
	name := params.Get("method")
	m, e := s.authenticate(params)
	if e != nil {
		// A refused request is counted only if it named a served method
		// with the server's app key (a client of this app with a wrong
		// secret or clock, say), and never logged: what a stranger sends
		// is answered and forgotten.
		if params.Get("app_key") == s.AppKey {
			s.count(name)
		}
		s.writeError(w, name, e, false)
		return
	}
	s.record(name, params)

	f, hasFault := s.takeFault(name)
	if hasFault && f.delay > 0 {
		t := time.NewTimer(f.delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if hasFault && f.status != 0 {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(f.status)
		fmt.Fprintf(w, "<html><head><title>%d %s</title></head><body><center><h1>%d %s</h1></center><hr><center>Tengine</center></body></html>\n",
			f.status, http.StatusText(f.status), f.status, http.StatusText(f.status))
		return
	}
	truncate := hasFault && f.truncate

	req, e := s.checkSession(r.Context(), m, params)
	if e == nil {
		e = s.limited(params.Get("app_key"), name)
	}
	if e != nil {
		s.writeError(w, name, e, truncate)
		return
	}
	if hasFault && f.apiErr != nil {
		s.writeError(w, name, f.apiErr, truncate)
		return
	}
	payload, err := m.h(req)
	if err != nil {
		if ae, ok := err.(*taobao.APIError); ok {
			s.writeError(w, name, ae, truncate)
		} else {
			s.writeError(w, name, apiErr(15, "Remote service error", "isp.unknown-error", err.Error()), truncate)
		}
		return
	}
	s.writeOK(w, name, payload, truncate, req.simplify())
}

// Limits of one request's form, beyond which it is refused with an error
// answer.
const (
	// MaxFormBytes is the largest request body the server reads.
	MaxFormBytes = 8 << 20
	// MaxFormParams is the most parameters a request may carry.
	MaxFormParams = 10_000
)

// readForm reads the request's parameters: the query and an url-encoded or
// multipart/form-data body (the official Node SDK sends every request as
// multipart), within MaxFormBytes and MaxFormParams. A form that cannot be
// read gets a gateway error, as the gateway answers one, not a plain page.
func readForm(w http.ResponseWriter, r *http.Request) (url.Values, *taobao.APIError) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxFormBytes)
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(MaxFormBytes)
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll()
		}
	} else {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, apiErr(41, "Invalid arguments:the request is larger than 8 MiB", "", "")
	case err != nil:
		return nil, apiErr(41, "Invalid arguments:the form cannot be read", "", shorten(err.Error(), 200))
	}
	n := 0
	for _, vs := range r.Form {
		n += len(vs)
	}
	if n > MaxFormParams {
		return nil, apiErr(41, "Invalid arguments:too many parameters", "", "")
	}
	return r.Form, nil
}

// shorten cuts s to at most n bytes.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// authenticate runs the gateway's checks of the common parameters, the app
// key and the signature, in the order the gateway reports them, and finds
// the method called.
func (s *Server) authenticate(p url.Values) (method, *taobao.APIError) {
	name := p.Get("method")
	switch {
	case name == "":
		return method{}, apiErr(21, "Missing Method", "", "")
	case p.Get("app_key") == "":
		return method{}, apiErr(28, "Missing App Key", "", "")
	case p.Get("app_key") != s.AppKey:
		return method{}, apiErr(29, "Invalid App Key", "", "")
	case p.Get("sign") == "":
		return method{}, apiErr(24, "Missing Signature", "", "")
	case p.Get("timestamp") == "":
		return method{}, apiErr(30, "Missing Timestamp", "", "")
	case p.Get("v") == "":
		return method{}, apiErr(32, "Missing Version", "", "")
	}
	if ts, ok := parseTimestamp(p.Get("timestamp")); !ok {
		return method{}, apiErr(31, "Invalid Timestamp", "", "timestamp format must be yyyy-MM-dd HH:mm:ss in GMT+8")
	} else if d := s.now().Sub(ts); d > MaxSkew || d < -MaxSkew {
		// Name both clocks: a client in a testing/synctest bubble talking
		// to a server made outside it sends the bubble's year 2000.
		now := s.now().In(taobao.GMT8()).Format(taobao.TimeLayout)
		return method{}, apiErr(31, "Invalid Timestamp", "", "timestamp "+p.Get("timestamp")+" is more than 10 minutes away from the gateway's clock ("+now+"); under testing/synctest, start the server inside the bubble")
	}
	if v := p.Get("v"); v != "2.0" {
		return method{}, apiErr(33, "Invalid Version", "", "")
	}
	// The gateway answers XML when format is absent; this fake speaks JSON
	// only, so a client that forgets format=json is told here rather than
	// surprised by XML in production.
	if f := p.Get("format"); f != "json" {
		return method{}, apiErr(23, "Invalid Format", "", "taobaotest answers format=json only (without format the gateway answers xml)")
	}
	if err := taobao.VerifySign(p, s.AppSecret); err != nil {
		return method{}, apiErr(25, "Invalid signature", "", "")
	}
	s.mu.Lock()
	m, ok := s.methods[name]
	s.mu.Unlock()
	if !ok {
		return method{}, apiErr(22, "Invalid Method", "", "")
	}
	return m, nil
}

// checkSession checks the session of a call of m, as the gateway does once
// the call is authenticated, and builds the handler's Request.
func (s *Server) checkSession(ctx context.Context, m method, p url.Values) (*Request, *taobao.APIError) {
	req := &Request{Method: p.Get("method"), Params: p, Session: p.Get("session"), Context: ctx}
	if req.Session != "" {
		seller, ok := s.SessionSeller(req.Session)
		switch {
		case ok:
			req.Seller = seller
		case m.needSession && s.sessionKnown(req.Session):
			return nil, apiErr(27, "Invalid session", "session-expired", "SessionKey expired")
		case m.needSession:
			return nil, apiErr(27, "Invalid session", "invalid-sessionkey", "SessionKey非法")
		}
	} else if m.needSession {
		return nil, apiErr(26, "Missing Session", "", "")
	}
	return req, nil
}

// parseTimestamp accepts TOP's GMT+8 layout and epoch milliseconds (which
// the official Python SDK sends).
func parseTimestamp(v string) (time.Time, bool) {
	if len(v) == 13 {
		if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.UnixMilli(ms), true
		}
	}
	t, err := time.ParseInLocation(taobao.TimeLayout, v, taobao.GMT8())
	return t, err == nil
}

func apiErr(code int, msg, subCode, subMsg string) *taobao.APIError {
	return &taobao.APIError{Code: code, Msg: msg, SubCode: subCode, SubMsg: subMsg}
}

func (s *Server) requestID() string {
	s.mu.Lock()
	s.nextID++
	n := s.nextID
	s.mu.Unlock()
	id := strconv.FormatUint(n*0x9e3779b97f4a7c15>>12, 36)
	if len(id) > 13 {
		id = id[:13]
	}
	return id
}

type errorBody struct {
	Code      int    `json:"code"`
	Msg       string `json:"msg"`
	SubCode   string `json:"sub_code,omitempty"`
	SubMsg    string `json:"sub_msg,omitempty"`
	RequestID string `json:"request_id"`
}

func (s *Server) writeError(w http.ResponseWriter, _ string, e *taobao.APIError, truncate bool) {
	body, _ := json.Marshal(map[string]errorBody{"error_response": {
		Code: e.Code, Msg: e.Msg, SubCode: e.SubCode, SubMsg: e.SubMsg, RequestID: s.requestID(),
	}})
	writeJSON(w, body, truncate)
}

// writeOK answers with payload's members in the method's envelope, or at
// the root for a simplify=true call.
func (s *Server) writeOK(w http.ResponseWriter, name string, payload any, truncate, simplify bool) {
	inner := []byte("{}")
	switch p := payload.(type) {
	case nil:
	case rawBody:
		writeJSON(w, p, truncate)
		return
	case rawObject:
		inner = p
	default:
		b, err := json.Marshal(payload)
		if err != nil || len(b) < 2 || b[0] != '{' {
			s.writeError(w, name, apiErr(15, "Remote service error", "isp.top-mapping-parse-error", "taobaotest: handler result is not a JSON object"), truncate)
			return
		}
		inner = b
	}
	var buf bytes.Buffer
	buf.Grow(len(inner) + 64)
	if !simplify {
		buf.WriteString(`{"`)
		buf.WriteString(envelope.ResponseKey(name))
		buf.WriteString(`":`)
	}
	buf.Write(inner[:len(inner)-1])
	if len(inner) > 2 {
		buf.WriteByte(',')
	}
	buf.WriteString(`"request_id":"`)
	buf.WriteString(s.requestID())
	buf.WriteString(`"}`)
	if !simplify {
		buf.WriteByte('}')
	}
	writeJSON(w, buf.Bytes(), truncate)
}

// gzipAnswer marks a client that accepts gzip on a server that compresses.
type gzipAnswer struct{ http.ResponseWriter }

func writeJSON(w http.ResponseWriter, body []byte, truncate bool) {
	if truncate {
		body = body[:len(body)/2]
	}
	if _, ok := w.(gzipAnswer); ok {
		var zb bytes.Buffer
		zw := gzip.NewWriter(&zb)
		_, _ = zw.Write(body)
		_ = zw.Close()
		body = zb.Bytes()
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.Header().Set("Content-Type", "text/javascript;charset=UTF-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, bytes.NewReader(body))
}
