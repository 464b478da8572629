package taobaotest_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// srv.Client works inside a synctest bubble: it calls in-process, so
// nothing in the bubble waits on the network, and a ban's wait passes in
// the bubble's time.
func TestClientInsideSynctest(t *testing.T) {
	srv := newServer(t, taobaotest.WithSellers("s"), taobaotest.WithTrades(0))
	session := srv.NewSession("s")
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session)
		srv.FailNext("taobao.time.get", 1, &taobao.APIError{Code: 7, Msg: "App Call Limited",
			SubCode: "accesscontrol.limited-by-api-access-count", SubMsg: "This ban will last for 3 more seconds"})
		start := time.Now()
		var out struct {
			Time taobao.Time `json:"time"`
		}
		require.NoError(t, c.Call(context.Background(), "taobao.time.get", nil, &out))
		assert.Equal(t, 3*time.Second, time.Since(start), "the ban was waited out in the bubble's time")
		assert.Equal(t, 2, srv.Calls("taobao.time.get"))
	})
}

// A server made inside the bubble, that does not listen, sees the bubble's
// clock for its data and its checks.
func TestInProcessServerInsideSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewInProcessServer(taobaotest.WithSellers("s"), taobaotest.WithTrades(30))
		defer srv.Close()
		assert.Empty(t, srv.URL)
		c := srv.Client(srv.NewSession("s"))
		page, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{Fields: []string{"tid"}})
		require.NoError(t, err)
		assert.Positive(t, page.TotalResults)

		srv.Close()
		_, err = c.Trades.ListSold(context.Background(), nil)
		require.Error(t, err, "a closed server refuses calls")
		assert.True(t, taobao.IsRetryable(err))
	})
}

// A timestamp far from the server's clock gets code 31 naming both times,
// with the synctest advice (a bubble's clock starts in the year 2000).
func TestTimestampErrorNamesBothClocks(t *testing.T) {
	srv := newServer(t, taobaotest.WithSellers("s"), taobaotest.WithTrades(0))
	a := call(t, srv, srv.NewSession("s"), "taobao.time.get", "timestamp", "2000-01-01 08:00:00")
	assert.Equal(t, int64(31), a.code())
	msg, _ := a.err["sub_msg"].(string)
	assert.Contains(t, msg, "timestamp 2000-01-01 08:00:00 is more than 10 minutes away from the gateway's clock (")
	assert.True(t, strings.Contains(msg, "synctest"), msg)
}

// The same seed hands out the same sessions, so that a restarted gateway
// keeps the exported TAOBAO_SESSION valid; another seed gives others.
func TestSessionsAreStableForASeed(t *testing.T) {
	a := taobaotest.NewInProcessServer(taobaotest.WithSeed(5), taobaotest.WithTrades(0))
	b := taobaotest.NewInProcessServer(taobaotest.WithSeed(5), taobaotest.WithTrades(0))
	c := taobaotest.NewInProcessServer(taobaotest.WithSeed(6), taobaotest.WithTrades(0))
	seller := a.Sellers()[0]
	s1, s2 := a.NewSession(seller), a.NewSession(seller)
	assert.NotEqual(t, s1, s2, "each session is new")
	assert.Equal(t, []string{s1, s2}, []string{b.NewSession(seller), b.NewSession(seller)})
	assert.NotEqual(t, s1, c.NewSession(seller))
	// And the session works on the other server too.
	_, err := b.Client(s1).Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
}
