package taobaotest

import (
	"errors"
	"fmt"
	"io"

	"github.com/toptrade/taobao"
)

// Conn is a client made by Connect and, when it started one, the fake
// gateway behind it.
type Conn struct {
	Client *taobao.Client
	Fake   *Server // nil against a real gateway
	Seller string  // the fake's seller the client acts for; "" against a real gateway
}

// Close stops the fake gateway Connect started, if any.
func (c *Conn) Close() {
	if c.Fake != nil {
		c.Fake.Close()
	}
}

// Connect makes the client a program runs with: against Taobao when the
// environment (read through getenv, os.Getenv in a program) sets
// TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION, and otherwise
// against a fake gateway it starts on loopback with opts, acting for the
// fake's first seller. TAOBAO_BASE_URL, when set, replaces the real
// gateway's address (a gateway run by examples/gateway, say). It says on w
// which one it chose; it never prints the secret or the session.
func Connect(getenv func(string) string, w io.Writer, opts ...Option) (*Conn, error) {
	key, secret, session := getenv("TAOBAO_APP_KEY"), getenv("TAOBAO_APP_SECRET"), getenv("TAOBAO_SESSION")
	if key != "" || secret != "" || session != "" {
		if key == "" || secret == "" || session == "" {
			return nil, errors.New("taobaotest: set all of TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION, or none of them to use a fake gateway")
		}
		base := getenv("TAOBAO_BASE_URL")
		if base == "" {
			base = taobao.DefaultBaseURL
		}
		c, err := taobao.NewClient(key, secret, taobao.WithBaseURL(base), taobao.WithSession(session))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "gateway: %s (app key %s)\n", base, key)
		return &Conn{Client: c}, nil
	}
	srv := NewServer(opts...)
	seller := DefaultAuthorizeSeller
	if s := srv.Sellers(); len(s) > 0 {
		seller = s[0]
	}
	c, err := srv.NewClient(srv.NewSession(seller))
	if err != nil {
		srv.Close()
		return nil, err
	}
	fmt.Fprintf(w, "gateway: built-in fake gateway at %s, seller %s (set TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION to use Taobao)\n", srv.URL, seller)
	return &Conn{Client: c, Fake: srv, Seller: seller}, nil
}
