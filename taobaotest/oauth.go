package taobaotest

import (
	"net/http"
	"sync"
)

// oauthState is the fake OAuth server's state.
type oauthState struct {
	mu sync.Mutex
}

// serveAuthorize answers /authorize.
func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}

// serveToken answers /token.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
