package taobao_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// A client for the real gateway needs the app's key and secret and, for
// seller APIs, the seller's session.
func ExampleNewClient() {
	c, err := taobao.NewClient("12345678", "app-secret",
		taobao.WithSession("seller-session"),
		taobao.WithSignMethod(taobao.SignHMACSHA256),
		taobao.WithRateLimit(10, 10),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.AppKey())
	// Output: 12345678
}

// Call reaches any TOP API; out receives the members of
// "<name>_response".
func ExampleClient_Call() {
	srv := taobaotest.NewServer()
	defer srv.Close()
	c := srv.Client("")

	var out struct {
		Time taobao.Time `json:"time"`
	}
	if err := c.Call(context.Background(), "taobao.time.get", nil, &out); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(!out.Time.IsZero())
	// Output: true
}

// Gateway errors match the package's sentinels; *APIError has the details.
func ExampleAPIError() {
	srv := taobaotest.NewServer()
	defer srv.Close()
	c := srv.Client("", taobao.WithMaxRetries(0))
	srv.FailNext("taobao.time.get", 1, &taobao.APIError{Code: 27, Msg: "Invalid session", SubCode: "session-expired"})

	err := c.Call(context.Background(), "taobao.time.get", url.Values{}, nil)
	var apiErr *taobao.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Code, apiErr.SubCode)
	}
	fmt.Println(errors.Is(err, taobao.ErrInvalidSession), taobao.IsRetryable(err))
	// Output:
	// 27 session-expired
	// true false
}

// One limiter per app key, shared by every seller's client.
func ExampleClient_WithSession() {
	srv := taobaotest.NewServer()
	defer srv.Close()
	base := srv.Client("", taobao.WithLimiter(taobao.NewLimiter(20, 20, 0)))
	alice := base.WithSession(srv.NewSession("alice"))
	bob := base.WithSession(srv.NewSession("bob"))
	fmt.Println(alice.Limiter() == bob.Limiter())
	// Output: true
}

// Money keeps amounts exact, in fen.
func ExampleParseMoney() {
	m, err := taobao.ParseMoney("199.99")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(int64(m), m, m+taobao.Money(1))
	// Output: 19999 199.99 200.00
}
