package taobaotest

import (
	"net/url"
	"time"
)

// Call is one request the server received.
type Call struct {
	Method string     // the method parameter
	Params url.Values // every parameter received
	Time   time.Time  // when it arrived, on the server's clock
	size   int        // bytes kept, for the log's budget
}

// Calls returns how many requests for method (any method with "*") reached
// the server, whatever their outcome.
func (s *Server) Calls(methodName string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if methodName == "*" {
		return s.total
	}
	return s.counts[methodName]
}

// Bounds of what the call log keeps of each call and in all.
const (
	maxLoggedValue = 64 << 10 // a longer parameter value is cut
	maxLogBytes    = 64 << 20 // past this, the oldest calls are dropped
)

// record counts a call of a method the server serves and keeps it in the
// call log, within the log's bounds of entries and bytes. Calls of unknown
// methods are not kept.
func (s *Server) record(name string, params url.Values) {
	s.mu.Lock()
	_, known := s.methods[name]
	s.mu.Unlock()
	if !known {
		return
	}
	c := Call{Method: name, Params: make(url.Values, len(params)), Time: s.now()}
	size := len(name)
	for k, vs := range params {
		cp := make([]string, len(vs))
		for i, v := range vs {
			if len(v) > maxLoggedValue {
				v = v[:maxLoggedValue]
			}
			cp[i] = v
			size += len(k) + len(v)
		}
		c.Params[k] = cp
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total++
	s.counts[name]++
	if s.logSize == 0 {
		return
	}
	if len(s.calls) >= 2*s.logSize || s.logBytes+size > maxLogBytes {
		// Drop the oldest half at once: amortised O(1).
		keep := s.calls[len(s.calls)/2:]
		if len(s.calls) >= 2*s.logSize {
			keep = s.calls[len(s.calls)-s.logSize+1:]
		}
		s.calls = append(s.calls[:0], keep...)
		s.logBytes = 0
		for _, old := range s.calls {
			s.logBytes += old.size
		}
	}
	c.size = size
	s.calls = append(s.calls, c)
	s.logBytes += size
}

// CallLog returns a copy of the most recent requests received (see
// WithCallLog), oldest first.
func (s *Server) CallLog() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	calls := s.calls[max(len(s.calls)-s.logSize, 0):]
	out := make([]Call, len(calls))
	for i, c := range calls {
		out[i] = Call{Method: c.Method, Params: cloneValues(c.Params), Time: c.Time}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
