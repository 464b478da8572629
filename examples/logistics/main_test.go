package main

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
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
	require.NoError(t, run(context.Background(), []string{"-n", "3"}, &out, noEnv))
	s := out.String()
	assert.Contains(t, s, "trades waiting to ship")
	assert.Regexp(t, `(?m)^  [0-9]{19}  .* to .+\*.* in .+: [0-9]+ x `, s)
	assert.Contains(t, s, "receivers for the waybills (taobao.top.oaid.decrypt, scene 1002")
	assert.Len(t, regexp.MustCompile(`(?m)^  taobao\.Receiver\{tid [0-9]{19}, oaid 1\w+, name .\*+, mobile \*+`).FindAllString(s, -1), 3)
	shipped := regexp.MustCompile(`shipping trade ([0-9]{19}) with 中通快递 \(ZTO\), waybill 75[0-9]{12}`).FindAllStringSubmatch(s, -1)
	assert.Len(t, shipped, 3)
	assert.Contains(t, s, "is now WAIT_BUYER_CONFIRM_GOODS")
	assert.Contains(t, s, "中通快递 75")
	assert.Contains(t, s, "对方已签收")

	// The built-in fake is generated from the default seed: a server of
	// its own holds the same receivers, whose plaintext never shows.
	srv := taobaotest.NewServer()
	defer srv.Close()
	for _, m := range shipped {
		tid, _ := strconv.ParseInt(m[1], 10, 64)
		plain, ok := srv.Receiver(tid)
		require.True(t, ok)
		assertNoPlaintext(t, s, plain)
	}
}

// assertNoPlaintext checks that none of the receiver's plaintext shows.
func assertNoPlaintext(t *testing.T, out string, p taobaotest.PlainReceiver) {
	t.Helper()
	require.NotEmpty(t, p.Name)
	for _, v := range []string{p.Name, p.Mobile, p.Phone, p.Address} {
		if v != "" {
			assert.NotContains(t, out, v)
		}
	}
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
	assert.Contains(t, out.String(), "scene 1001", "SF's e-waybill scene")
	assert.Equal(t, 1, srv.Calls(taobao.MethodOaidDecrypt))
	plain, _ := srv.Receiver(int64(waiting.Tid))
	assert.Contains(t, out.String(), taobao.MaskName(plain.Name))
	assertNoPlaintext(t, out.String(), plain)
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
		{"unknown trade", []string{"-tid", "1000000000000000001", "-company", "SF", "-waybill", "SF1234567890123"}, "isv.trade-not-exist"},
		{"bad count", []string{"-n", "0"}, "-n must be at least 1"},
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

// TestDoesNotShipAStaleReceiver: a receiver that changed after the trade
// was read is not shipped.
func TestDoesNotShipAStaleReceiver(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithSeed(9))
	defer srv.Close()
	seller := srv.Sellers()[0]
	env := map[string]string{
		"TAOBAO_APP_KEY": srv.AppKey, "TAOBAO_APP_SECRET": srv.AppSecret,
		"TAOBAO_SESSION": srv.NewSession(seller), "TAOBAO_BASE_URL": srv.URL,
	}
	var waiting taobao.Trade
	for _, tr := range srv.Trades(seller) {
		if tr.Status == taobao.TradeStatusWaitSellerSendGoods && tr.Type == taobao.TradeTypeFixed && tr.Oaid != "" {
			waiting = tr
			break
		}
	}
	require.NotZero(t, waiting.Tid)
	// The change lands between the trade read and the decryption.
	srv.Handle(taobao.MethodOaidDecrypt, func(r *taobaotest.Request) (any, error) {
		return map[string]any{"receiver_list": map[string]any{"receiver": []map[string]any{
			{"tid": fmt.Sprint(waiting.Tid), "oaid": waiting.Oaid, "matched": false},
		}}}, nil
	})
	var out bytes.Buffer
	args := []string{"-tid", fmt.Sprint(waiting.Tid), "-company", "SF", "-waybill", "SF1234567890123"}
	require.NoError(t, run(context.Background(), args, &out, func(k string) string { return env[k] }))
	assert.Contains(t, out.String(), "the receiver changed since the trade was read")
	assert.NotContains(t, out.String(), "shipping trade")
	assert.Zero(t, srv.Calls(taobao.MethodLogisticsOfflineSend))
}
