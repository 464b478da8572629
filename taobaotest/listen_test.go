package taobaotest_test

import (
	"context"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
)

func TestNewServerAt(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	srv, err := taobaotest.NewServerAt(addr, taobaotest.WithTrades(3))
	require.NoError(t, err)
	assert.Equal(t, "http://"+addr+"/router/rest", srv.URL)
	c := srv.Client(srv.NewSession(srv.Sellers()[0]))
	p, err := c.Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
	assert.NotEmpty(t, p.Trades)
	resp, err := http.Get(srv.OAuthConfig("http://127.0.0.1/cb").AuthURL)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "the OAuth pages are served too")
	srv.Close()

	_, err = taobaotest.NewServerAt(addr + "0")
	require.Error(t, err)

	any0, err := taobaotest.NewServerAt("0.0.0.0:0", taobaotest.WithTrades(0))
	if err != nil {
		t.Skip("cannot listen on every interface here")
	}
	defer any0.Close()
	assert.Regexp(t, `^http://127\.0\.0\.1:[0-9]+/router/rest$`, any0.URL, "clients dial loopback")
}
