package taobao_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// The production configuration of an app: its key and secret, and the
// callback registered for it.
func ExampleOAuthConfig_AuthCodeURL() {
	conf := &taobao.OAuthConfig{
		AppKey:      "12345678",
		AppSecret:   "app-secret",
		RedirectURL: "https://isv.example.com/taobao/callback",
	}
	if err := conf.Validate(); err != nil {
		log.Fatal(err)
	}
	// state is random per login and kept for the seller's browser (in a
	// cookie, say), so that the callback can be checked.
	fmt.Println(conf.AuthCodeURL("b9Wc1pQ"))
	// Output:
	// https://oauth.taobao.com/authorize?client_id=12345678&redirect_uri=https%3A%2F%2Fisv.example.com%2Ftaobao%2Fcallback&response_type=code&state=b9Wc1pQ&view=web
}

// The server-side flow against the fake gateway, whose authorization page
// approves at once: the browser goes to AuthCodeURL, comes back to the
// callback with a code, and the app trades the code for the seller's
// session.
func ExampleOAuthConfig_Exchange() {
	gw := taobaotest.NewServer(taobaotest.WithAuthorizeSeller("example-shop"))
	defer gw.Close()
	conf := gw.OAuthConfig("https://isv.example.com/taobao/callback")

	// The seller's browser visits the authorization page...
	state := "b9Wc1pQ"
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(conf.AuthCodeURL(state))
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	// ... which sends it to the callback, whose handler does this:
	callback := httptest.NewRequest(http.MethodGet, resp.Header.Get("Location"), nil)
	code, err := conf.ParseCallback(callback, state)
	if err != nil {
		log.Fatal(err) // a forged state, or the seller said no
	}
	tok, err := conf.Exchange(callback.Context(), code)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("seller:", tok.UserNick)
	fmt.Println("session lasts:", time.Until(tok.Expiry).Round(time.Hour))
	fmt.Println("refresh token lasts:", time.Until(tok.RefreshExpiry).Round(time.Hour))
	// Output:
	// seller: example-shop
	// session lasts: 24h0m0s
	// refresh token lasts: 720h0m0s
}

// A seller who refuses to authorize the app comes back to the callback with
// error=access_denied.
func ExampleOAuthConfig_ParseCallback() {
	conf := &taobao.OAuthConfig{AppKey: "12345678", AppSecret: "app-secret", RedirectURL: "https://isv.example.com/taobao/callback"}
	r := httptest.NewRequest(http.MethodGet,
		"https://isv.example.com/taobao/callback?error=access_denied&error_description=authorize%20reject&state=b9Wc1pQ", nil)
	_, err := conf.ParseCallback(r, "b9Wc1pQ")
	switch {
	case errors.Is(err, taobao.ErrAccessDenied):
		fmt.Println("the seller said no:", err)
	case errors.Is(err, taobao.ErrOAuthState):
		fmt.Println("forged callback")
	case err != nil:
		fmt.Println("failed:", err)
	}
	// Output:
	// the seller said no: taobao: oauth: access_denied: authorize reject
}

// A client for one seller, whose session the TokenSource refreshes before
// it expires and after the gateway rejects it.
func ExampleOAuthConfig_TokenSource() {
	gw := taobaotest.NewServer()
	defer gw.Close()
	gw.Handle("taobao.user.seller.get", func(r *taobaotest.Request) (any, error) {
		return map[string]any{"user": map[string]string{"nick": r.Seller}}, nil
	})
	conf := gw.OAuthConfig("https://isv.example.com/taobao/callback")
	// The token the callback got; here from a code the fake hands out.
	ctx := context.Background()
	tok, err := conf.Exchange(ctx, gw.NewAuthCode("example-shop", conf.RedirectURL))
	if err != nil {
		log.Fatal(err)
	}

	// ctx must outlive the source: refreshes use it, and the HTTP client
	// it may carry under oauth2.HTTPClient.
	c := gw.Client("", taobao.WithTokenSource(conf.TokenSource(ctx, tok)))
	var out struct {
		User struct {
			Nick string `json:"nick"`
		} `json:"user"`
	}
	if err := c.Call(ctx, "taobao.user.seller.get", nil, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println("acting for", out.User.Nick)

	// The seller changed their password: the gateway rejects the session.
	// The client refreshes it once and calls again.
	gw.ExpireSession(tok.AccessToken)
	if err := c.Call(ctx, "taobao.user.seller.get", nil, &out); err != nil {
		log.Fatal(err)
	}
	fmt.Println("still acting for", out.User.Nick, "after", gw.TokenRequests("refresh_token"), "refresh")
	// Output:
	// acting for example-shop
	// still acting for example-shop after 1 refresh
}

// Trading a code for a session through the gateway instead of the token
// endpoint.
func ExampleClient_CreateToken() {
	gw := taobaotest.NewServer(taobaotest.WithTokenTTL(8*time.Hour, 0))
	defer gw.Close()
	c := gw.Client("") // an app-level client: no session
	// The code the callback received; here one the fake hands out.
	code := gw.NewAuthCode("example-shop", "https://isv.example.com/taobao/callback")

	tok, err := c.CreateToken(context.Background(), code)
	if err != nil {
		log.Fatal(err)
	}
	// A client for that seller: c.WithSession(tok.AccessToken), or one
	// with a TokenSource that refreshes the session.
	fmt.Println("seller:", tok.UserNick)
	fmt.Println("session lasts:", time.Until(tok.Expiry).Round(time.Hour))
	// Output:
	// seller: example-shop
	// session lasts: 8h0m0s
}

// Renewing a session through the gateway. Only apps sold on TOP's service
// market may refresh.
func ExampleClient_RefreshToken() {
	gw := taobaotest.NewServer()
	defer gw.Close()
	c := gw.Client("")
	ctx := context.Background()
	tok, err := c.CreateToken(ctx, gw.NewAuthCode("example-shop", "https://isv.example.com/taobao/callback"))
	if err != nil {
		log.Fatal(err)
	}

	fresh, err := c.RefreshToken(ctx, tok.RefreshToken)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("new session:", fresh.AccessToken != tok.AccessToken)
	// Keep the newest refresh token: the fake, like a strict server, spends
	// the old one.
	_, err = c.RefreshToken(ctx, tok.RefreshToken)
	fmt.Println("old refresh token refused:", errors.Is(err, taobao.ErrInvalidArgument))
	// Output:
	// new session: true
	// old refresh token refused: true
}
