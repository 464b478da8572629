package main

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func noEnv(string) string { return "" }

func TestShipsAgainstFakeGateway(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out, noEnv))
	s := out.String()
	assert.Contains(t, s, "trades waiting to ship")
	assert.Regexp(t, `(?m)^  [0-9]{19}  .* to .+: [0-9]+ x `, s)
	assert.Regexp(t, `shipping trade [0-9]{19} with 中通快递 \(ZTO\), waybill 75[0-9]{12}`, s)
	assert.Contains(t, s, "is now WAIT_BUYER_CONFIRM_GOODS")
	assert.Contains(t, s, "中通快递 75")
	assert.Contains(t, s, "对方已签收")
}

// TestHonoursTheEnvironment points the program at a gateway through the
// TAOBAO_* variables, as for Taobao: it then ships nothing unless told.
func TestHonoursTheEnvironment(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithSeed(5))
	defer srv.Close()
	seller := srv.Sellers()[1]
	env := map[string]string{
		"TAOBAO_APP_KEY": srv.AppKey, "TAOBAO_APP_SECRET": srv.AppSecret,
		"TAOBAO_SESSION": srv.NewSession(seller), "TAOBAO_BASE_URL": srv.URL,
	}
	getenv := func(k string) string { return env[k] }
	var waiting taobao.Trade
	for _, tr := range srv.Trades(seller) {
		if tr.Status == taobao.TradeStatusWaitSellerSendGoods && tr.Type == taobao.TradeTypeFixed {
			waiting = tr
			break
		}
	}
	require.NotZero(t, waiting.Tid)

	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out, getenv))
	assert.Contains(t, out.String(), "gateway: "+srv.URL)
	assert.Contains(t, out.String(), fmt.Sprint(waiting.Tid))
	assert.Contains(t, out.String(), "run again with -tid")
	after, _ := srv.Trade(int64(waiting.Tid))
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, after.Status, "nothing shipped")

	args := []string{"-tid", fmt.Sprint(waiting.Tid), "-company", "SF", "-waybill", "SF1234567890123"}
	out.Reset()
	require.NoError(t, run(context.Background(), args, &out, getenv))
	assert.Contains(t, out.String(), "顺丰速运 SF1234567890123: 对方已签收")
	after, _ = srv.Trade(int64(waiting.Tid))
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, after.Status)

	err := run(context.Background(), args, &out, getenv)
	require.ErrorIs(t, err, taobao.ErrAlreadyShipped)
	assert.Contains(t, err.Error(), "shipped (or closed) already")
}

func TestRefusesBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown carrier", []string{"-company", "TELEPORT"}, `unknown carrier code "TELEPORT"`},
		{"waybill against the rule", []string{"-company", "SF", "-waybill", "123"}, "does not match 顺丰速运's rule"},
		{"unknown trade", []string{"-tid", "1000000000000000001", "-company", "SF", "-waybill", "SF1234567890123"}, "B01"},
		{"bad flag", []string{"-tid", "x"}, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := run(context.Background(), tt.args, &bytes.Buffer{}, noEnv)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
