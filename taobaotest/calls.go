package taobaotest

import (
	"net/url"
	"time"
)

// Call is one request the server received and accepted: it named a method
// the server serves and passed the checks of the common parameters, the
// app key and the signature.
type Call struct {
	Method string     // the method parameter
	Params url.Values // every parameter received, each name and value cut to MaxLoggedValue bytes
	Time   time.Time  // when it arrived, on the server's clock
	size   int64      // bytes kept, for the log's budget
}

// Limits of the call log.
const (
	// DefaultCallLog is how many recent calls CallLog keeps by default.
	DefaultCallLog = 10_000
	// DefaultCallLogBytes is how many bytes of parameter names and values
	// CallLog keeps by default.
	DefaultCallLogBytes = 64 << 20
	// MaxLoggedValue is how many bytes of one parameter name or value the
	// call log keeps; longer ones are cut to that length.
	MaxLoggedValue = 64 << 10
)

// Calls returns how many requests for method (any method with "*") named a
// method the server serves and carried the server's app key, whatever
// happened next (a signature or session error, a fault, a handler error).
// Other requests are answered and forgotten, so that strangers cannot make
// the server hold what they send.
func (s *Server) Calls(methodName string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if methodName == "*" {
		return s.total
	}
	return s.counts[methodName]
}

// CallLog returns a copy of the most recent calls that passed the checks of
// the common parameters, the app key and the signature (see WithCallLog and
// WithCallLogBytes), oldest first.
func (s *Server) CallLog() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Call, len(s.calls))
	for i, c := range s.calls {
		out[i] = Call{Method: c.Method, Params: cloneValues(c.Params), Time: c.Time}
	}
	return out
}

// count counts a refused call of a served method (names the server does
// not serve are not counted, so the counts stay as few as the methods).
func (s *Server) count(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.methods[name]; ok {
		s.total++
		s.counts[name]++
	}
}

// record counts an accepted call of a served method and keeps it in the
// call log, within the log's limits of entries and bytes: the oldest calls
// are dropped to make room.
func (s *Server) record(name string, params url.Values) {
	now := s.now()
	kept, size := loggedValues(params)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total++
	s.counts[name]++
	if s.logSize <= 0 || size > s.logBytes {
		return
	}
	for len(s.calls) > 0 && (len(s.calls) >= s.logSize || s.logUsed+size > s.logBytes) {
		s.logUsed -= s.calls[0].size
		s.calls[0] = Call{} // let the dropped parameters go
		s.calls = s.calls[1:]
	}
	s.calls = append(s.calls, Call{Method: name, Params: kept, Time: now, size: size})
	s.logUsed += size
}

// loggedValues copies params for the call log, cutting each name and value
// to MaxLoggedValue bytes, and returns the copy's size in bytes.
func loggedValues(params url.Values) (url.Values, int64) {
	out := make(url.Values, len(params))
	var size int64
	for k, vs := range params {
		k = cut(k, MaxLoggedValue)
		kept := make([]string, len(vs))
		for i, v := range vs {
			kept[i] = cut(v, MaxLoggedValue)
			size += int64(len(kept[i]))
		}
		out[k] = append(out[k], kept...)
		size += int64(len(k))
	}
	return out, size
}

// cut returns s cut to n bytes, as a copy that does not keep s alive.
func cut(s string, n int) string {
	if len(s) > n {
		return string([]byte(s[:n]))
	}
	return s
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
