package main

import (
	"bytes"
	"context"
	"flag"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/toptrade/taobao"
)

func TestRunAgainstFakeGateway(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := run(context.Background(), &out, func(string) string { return "" })
	require.NoError(t, err)
	s := out.String()
	assert.Contains(t, s, "built-in fake gateway")
	assert.Contains(t, s, "newest sold trades")
	assert.Regexp(t, `(?m)^  [0-9]{19}  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  [A-Z_]+ +[0-9]+\.[0-9]{2}`, s, "a line per trade")
	assert.Contains(t, s, "in full (taobao.trade.fullinfo.get)")
	assert.Regexp(t, `(?m)^    - .+ x [0-9]+\.[0-9]{2} = [0-9]+\.[0-9]{2}`, s, "the orders")
	assert.Contains(t, s, "logistics trace of shipped trade")
	assert.Contains(t, s, "TMS_ACCEPT")
}

func TestRunRejectsPartialConfig(t *testing.T) {
	t.Parallel()
	env := map[string]string{"TAOBAO_APP_KEY": "123"}
	err := run(context.Background(), &bytes.Buffer{}, func(k string) string { return env[k] })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "TAOBAO_APP_SECRET")
}

func TestRunFailsClearlyOnAWrongGateway(t *testing.T) {
	t.Parallel()
	env := map[string]string{"TAOBAO_APP_KEY": "123", "TAOBAO_APP_SECRET": "s", "TAOBAO_SESSION": "x",
		"TAOBAO_BASE_URL": "http://127.0.0.1:1/router/rest"}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := run(ctx, &bytes.Buffer{}, func(k string) string { return env[k] })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "listing trades")
}

func TestFlags(t *testing.T) {
	var stderr bytes.Buffer
	assert.ErrorIs(t, parseFlags([]string{"-h"}, &stderr), flag.ErrHelp)
	assert.Contains(t, stderr.String(), "usage: quickstart")
	assert.NoError(t, parseFlags(nil, &stderr))
	assert.Error(t, parseFlags([]string{"extra"}, &stderr))
}

// The amounts line adds up.
func TestAmountsAddUp(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, func(string) string { return "" }))
	m := regexp.MustCompile(`amounts  goods (-?[0-9.]+) - discount (-?[0-9.]+) \+ adjustment (-?[0-9.]+) \+ postage (-?[0-9.]+) = paid (-?[0-9.]+)`).FindStringSubmatch(out.String())
	require.NotNil(t, m, out.String())
	var v [5]taobao.Money
	for i := range v {
		var err error
		v[i], err = taobao.ParseMoney(m[i+1])
		require.NoError(t, err)
	}
	assert.Equal(t, v[4], v[0]-v[1]+v[2]+v[3], m[0])
}
