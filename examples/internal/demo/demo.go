// Package demo connects the example programs either to the real gateway,
// when TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION are set, or to
// an in-process fake gateway from package taobaotest.
package demo

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// Env reads an environment variable; os.Getenv in the programs, a map in
// their tests.
type Env func(key string) string

// Conn is a client and, in fake mode, the fake gateway behind it.
type Conn struct {
	Client *taobao.Client
	Fake   *taobaotest.Server // nil against the real gateway
	Seller string             // the seller nick in fake mode
}

// Close stops the fake gateway, if any.
func (c *Conn) Close() {
	if c.Fake != nil {
		c.Fake.Close()
	}
}

// Connect builds the client the examples use and says on w where it points.
// TAOBAO_BASE_URL overrides the gateway address (for example the address
// printed by examples/gateway).
func Connect(env Env, w io.Writer, fakeOpts ...taobaotest.Option) (*Conn, error) {
	key, secret, session := env("TAOBAO_APP_KEY"), env("TAOBAO_APP_SECRET"), env("TAOBAO_SESSION")
	if key != "" || secret != "" || session != "" {
		if key == "" || secret == "" || session == "" {
			return nil, errors.New("set all of TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION, or none of them to use the built-in fake gateway")
		}
		base := env("TAOBAO_BASE_URL")
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
	srv := taobaotest.NewServer(fakeOpts...)
	seller := taobaotest.DefaultAuthorizeSeller
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

// AllTypes are every trade type TOP documents, for -types all: without a
// type filter the list APIs return guarantee_trade (fixed and auction),
// auto_delivery, ec, cod and step trades only, and leave out, say,
// tmall_i18n or o2o_offlinetrade trades.
var AllTypes = func() []string {
	var out []string
	for _, t := range taobao.TradeTypeValues() {
		if t != taobao.TradeTypeFixed && t != taobao.TradeTypeAuction { // guarantee_trade stands for both
			out = append(out, string(t))
		}
	}
	return out
}()

// AsTradeTypes converts type names to the SDK's type.
func AsTradeTypes(names []string) []taobao.TradeType {
	out := make([]taobao.TradeType, len(names))
	for i, n := range names {
		out[i] = taobao.TradeType(n)
	}
	return out
}

// ParseTypes reads -types: "all", "default" (the gateway's default set:
// no filter) or a comma-separated list of trade types.
func ParseTypes(s string) ([]string, error) {
	switch s = strings.TrimSpace(s); s {
	case "all":
		return AllTypes, nil
	case "default", "":
		// Listed explicitly: a TradeSyncer without a type filter follows
		// every type, the list APIs only these.
		return []string{"guarantee_trade", "auto_delivery", "ec", "cod", "step"}, nil
	}
	var types []string
	for t := range strings.SplitSeq(s, ",") {
		if t = strings.TrimSpace(t); t == "" || strings.ContainsAny(t, " \t") {
			return nil, fmt.Errorf("-types %q: want all, default or a comma-separated list of trade types such as fixed,tmall_i18n", s)
		}
		types = append(types, t)
	}
	return types, nil
}
