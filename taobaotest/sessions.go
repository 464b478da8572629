package taobaotest

import (
	"fmt"
	"time"
)

// Seller sessions: issuing, expiring and checking them.

type session struct {
	seller  string
	expires time.Time // zero: never
}

// NewSession returns a new session (access token) for the seller.
func (s *Server) NewSession(sellerNick string) string {
	return s.NewSessionExpiring(sellerNick, 0)
}

// NewSessionExpiring returns a session for the seller that expires after
// ttl on the server's clock (0: never).
func (s *Server) NewSessionExpiring(sellerNick string, ttl time.Duration) string {
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	tok := fmt.Sprintf("6%015x%024x", uint64(now.UnixNano())^0x5deece66d, s.nextID*0x9e3779b97f4a7c15)
	se := &session{seller: sellerNick}
	if ttl > 0 {
		se.expires = now.Add(ttl)
	}
	s.sessions[tok] = se
	return tok
}

// ExpireSession makes a session invalid from now on.
func (s *Server) ExpireSession(token string) {
	s.mu.Lock()
	if se, ok := s.sessions[token]; ok {
		se.expires = time.Unix(1, 0)
	}
	s.mu.Unlock()
}

// SessionSeller returns the seller a valid session belongs to.
func (s *Server) SessionSeller(token string) (string, bool) {
	now := s.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	se, ok := s.sessions[token]
	if !ok || (!se.expires.IsZero() && !now.Before(se.expires)) {
		return "", false
	}
	return se.seller, true
}

func (s *Server) sessionKnown(tok string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.sessions[tok]
	return ok
}
