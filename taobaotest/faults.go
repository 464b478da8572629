package taobaotest

import (
	"fmt"
	"math"
	"time"

	"github.com/toptrade/taobao"
)

// Faults a test injects, and the per-app-key call limit.

type fault struct {
	apiErr   *taobao.APIError
	status   int
	truncate bool
	delay    time.Duration
}

// callWindow counts the calls of one app key and method in one window.
type callWindow struct {
	start time.Time
	n     int
}

// limited applies WithCallLimit to one call.
func (s *Server) limited(appKey, methodName string) *taobao.APIError {
	if s.limitCalls <= 0 {
		return nil
	}
	now := s.Now()
	key := appKey + " " + methodName
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.windows[key]
	if w == nil || now.Before(w.start) || now.Sub(w.start) >= s.limitPer {
		w = &callWindow{start: now}
		s.windows[key] = w
	}
	if w.n >= s.limitCalls {
		left := w.start.Add(s.limitPer).Sub(now)
		secs := int64(math.Ceil(left.Seconds()))
		return apiErr(7, "App Call Limited", "accesscontrol.limited-by-app-api-access-count",
			fmt.Sprintf("This ban will last for %d more seconds", max(secs, 1)))
	}
	w.n++
	return nil
}

// FailNext makes the next n calls of method (or of any method, with "*")
// answer err after the gateway's checks pass. Only Code, Msg, SubCode and
// SubMsg are used; a nil err injects an isp back-end failure.
func (s *Server) FailNext(methodName string, n int, err *taobao.APIError) {
	if err == nil {
		err = &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.unknown-error", SubMsg: "taobaotest: FailNext without an error"}
	}
	s.addFault(methodName, n, fault{apiErr: err})
}

// FailNextHTTP makes the next n calls of method answer the HTTP status with
// an HTML page, as a proxy in front of the gateway does.
func (s *Server) FailNextHTTP(methodName string, n int, status int) {
	s.addFault(methodName, n, fault{status: status})
}

// TruncateNext makes the next n answers of method stop half way.
func (s *Server) TruncateNext(methodName string, n int) {
	s.addFault(methodName, n, fault{truncate: true})
}

// DelayNext makes the next n answers of method wait d first (or until the
// request is cancelled).
func (s *Server) DelayNext(methodName string, n int, d time.Duration) {
	s.addFault(methodName, n, fault{delay: d})
}

func (s *Server) addFault(methodName string, n int, f fault) {
	s.mu.Lock()
	for range n {
		s.faults[methodName] = append(s.faults[methodName], f)
	}
	s.mu.Unlock()
}

func (s *Server) takeFault(methodName string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range [...]string{methodName, "*"} {
		if q := s.faults[k]; len(q) > 0 {
			f := q[0]
			s.faults[k] = q[1:]
			return f, true
		}
	}
	return fault{}, false
}
