package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func noEnv(string) string { return "" }

func TestRunsAgainstTheFake(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	err := run(ctx, []string{"-trades", "6", "-sellers", "2", "-seed", "3"}, noEnv, &out, &errOut)
	require.NoError(t, err, "stderr: %s\n%s", errOut.String(), out.String())
	s := out.String()
	for _, topic := range []string{"TradeCreate", "TradeBuyerPay", "TradeSellerShip"} {
		assert.Contains(t, s, "event taobao_trade_"+topic, "an event line for each kind of change")
	}
	assert.Regexp(t, `latency \d`, s)
	m := regexp.MustCompile(`summary: store (\d+) trades, ground truth (\d+), matching (\d+)/(\d+)`).FindStringSubmatch(s)
	require.NotNil(t, m, s)
	assert.Equal(t, "6", m[2])
	assert.Equal(t, m[2], m[3], "every trade's final version stored")
	assert.Contains(t, s, "p99")
}

func TestHelpExitsCleanly(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-h"}, noEnv, &out, &errOut)
	assert.True(t, errors.Is(err, flag.ErrHelp), "main returns (exit 0) on ErrHelp")
	assert.Contains(t, errOut.String(), "-trades")
}

func TestRefusesBadFlagsAndPartialEnv(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"zero trades", []string{"-trades", "0"}, nil, "-trades"},
		{"argument", []string{"x"}, nil, "unexpected"},
		{"negative duration", []string{"-duration", "-1s"}, nil, "-duration"},
		{"key without the rest", nil, map[string]string{"TAOBAO_APP_KEY": "k"}, "TAOBAO_SESSION"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tt.args, func(k string) string { return tt.env[k] }, &out, &errOut)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.False(t, strings.Contains(out.String(), "summary"), "nothing ran")
		})
	}
}
