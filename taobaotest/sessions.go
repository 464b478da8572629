package taobaotest

import (
	"crypto/sha256"
	"encoding/hex"
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
	s.sessionN++
	// From the seed, the seller and the count only: a server started again
	// with the same seed hands out the same sessions in the same order, so
	// that exported TAOBAO_SESSION lines stay valid across restarts.
	sum := sha256.Sum256(fmt.Appendf(nil, "%d\x00%s\x00%d", s.seed, sellerNick, s.sessionN))
	tok := "6" + hex.EncodeToString(sum[:20])
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
