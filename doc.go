// Package taobao is a client for the Taobao Open Platform (TOP) trade and
// logistics APIs: it signs and paces every call, retries what is safe to
// retry, and decodes the gateway's answers into typed structs.
//
// Quick start, against the fake gateway of package taobaotest:
//
//	srv := taobaotest.NewServer()
//	defer srv.Close()
//	c := srv.Client(srv.NewSession("seller"))
//	var out struct {
//		Time taobao.Time `json:"time"`
//	}
//	err := c.Call(ctx, "taobao.time.get", nil, &out)
//
// Against the real gateway, build the client with NewClient and the app's
// key and secret, and give it a seller's session with WithSession or an
// OAuth token source with WithTokenSource.
package taobao

//go:generate go run ./internal/fields/cmd/genmodels
