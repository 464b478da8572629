package taobaotest_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
)

func TestConnect(t *testing.T) {
	t.Run("no credentials: a fake", func(t *testing.T) {
		var out bytes.Buffer
		conn, err := taobaotest.Connect(func(string) string { return "" }, &out, taobaotest.WithTrades(2))
		require.NoError(t, err)
		defer conn.Close()
		require.NotNil(t, conn.Fake)
		assert.Equal(t, conn.Fake.Sellers()[0], conn.Seller)
		assert.Contains(t, out.String(), "built-in fake gateway at "+conn.Fake.URL)
		page, err := conn.Client.Trades.ListSold(context.Background(), nil)
		require.NoError(t, err)
		assert.Equal(t, int64(2), page.TotalResults)
	})
	t.Run("credentials: the gateway they name", func(t *testing.T) {
		srv := newServer(t, taobaotest.WithSellers("s"), taobaotest.WithTrades(1))
		session := srv.NewSession("s")
		env := map[string]string{"TAOBAO_APP_KEY": srv.AppKey, "TAOBAO_APP_SECRET": srv.AppSecret,
			"TAOBAO_SESSION": session, "TAOBAO_BASE_URL": srv.URL}
		var out bytes.Buffer
		conn, err := taobaotest.Connect(func(k string) string { return env[k] }, &out)
		require.NoError(t, err)
		defer conn.Close()
		assert.Nil(t, conn.Fake)
		assert.Contains(t, out.String(), srv.URL)
		assert.NotContains(t, out.String(), srv.AppSecret)
		assert.NotContains(t, out.String(), session)
		page, err := conn.Client.Trades.ListSold(context.Background(), nil)
		require.NoError(t, err)
		assert.Equal(t, int64(1), page.TotalResults)
	})
	t.Run("some credentials only", func(t *testing.T) {
		_, err := taobaotest.Connect(func(k string) string {
			if k == "TAOBAO_APP_KEY" {
				return "k"
			}
			return ""
		}, &bytes.Buffer{})
		assert.ErrorContains(t, err, "set all of TAOBAO_APP_KEY")
	})
}
