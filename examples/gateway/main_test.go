package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// start runs the gateway for the number of sellers and returns the
// variables it exported, the comment lines with the other sellers'
// sessions, and a function that stops it and returns run's error.
func start(t *testing.T, sellers int, args ...string) (map[string]string, []string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		err := run(ctx, args, pw, &stderr)
		pw.CloseWithError(io.EOF)
		done <- err
	}()
	env := map[string]string{}
	var comments []string
	sc := bufio.NewScanner(pr)
	for len(env) < 7 || len(comments) < sellers-1 {
		if !sc.Scan() {
			break
		}
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			comments = append(comments, line)
			continue
		}
		line, _, _ = strings.Cut(line, " #")
		kv, ok := strings.CutPrefix(line, "export ")
		require.True(t, ok, "an export line: %q", line)
		k, v, _ := strings.Cut(kv, "=")
		env[k] = strings.Trim(v, "'")
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	stop := func() error {
		cancel()
		return <-done
	}
	if len(env) < 7 {
		require.NoError(t, stop(), "stderr: %s", stderr.String())
		t.Fatalf("the gateway exported %v", env)
	}
	return env, comments, stop
}

func TestServesClientsOutsideTheProcess(t *testing.T) {
	t.Parallel()
	env, _, stop := start(t, 2, "-addr", "127.0.0.1:0", "-seed", "3", "-trades", "30", "-sellers", "2")
	for _, k := range []string{"TAOBAO_BASE_URL", "TAOBAO_APP_KEY", "TAOBAO_APP_SECRET", "TAOBAO_SESSION"} {
		require.NotEmpty(t, env[k], k)
	}
	assert.Regexp(t, `^http://127\.0\.0\.1:[0-9]+/router/rest$`, env["TAOBAO_BASE_URL"])
	site := strings.TrimSuffix(env["TAOBAO_BASE_URL"], "/router/rest")
	assert.Equal(t, site+"/authorize", env["TAOBAO_AUTH_URL"], "examples/oauth stays on this gateway")
	assert.Equal(t, site+"/token", env["TAOBAO_TOKEN_URL"])

	// Our examples' client, configured by the environment alone.
	var out bytes.Buffer
	conn, err := taobaotest.Connect(func(k string) string { return env[k] }, &out)
	require.NoError(t, err)
	defer conn.Close()
	assert.Nil(t, conn.Fake, "a real client, not the built-in fake")
	p, err := conn.Client.Trades.ListSold(context.Background(), &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 100}})
	require.NoError(t, err)
	assert.NotEmpty(t, p.Trades)
	assert.LessOrEqual(t, len(p.Trades), 30)

	// A client that is not ours: signed by hand with md5, as in the README.
	form := url.Values{
		"method": {"taobao.trades.sold.get"}, "app_key": {env["TAOBAO_APP_KEY"]}, "session": {env["TAOBAO_SESSION"]},
		"timestamp": {time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02 15:04:05")},
		"v":         {"2.0"}, "format": {"json"}, "sign_method": {"md5"}, "fields": {"tid,status,payment"}, "page_size": {"3"},
	}
	names := make([]string, 0, len(form))
	for k := range form {
		names = append(names, k)
	}
	sort.Strings(names)
	var sb strings.Builder
	sb.WriteString(env["TAOBAO_APP_SECRET"])
	for _, k := range names {
		sb.WriteString(k + form.Get(k))
	}
	sb.WriteString(env["TAOBAO_APP_SECRET"])
	sum := md5.Sum([]byte(sb.String()))
	form.Set("sign", strings.ToUpper(hex.EncodeToString(sum[:])))
	resp, err := http.PostForm(env["TAOBAO_BASE_URL"], form)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	var answer map[string]struct {
		Trades struct {
			Trade []map[string]any `json:"trade"`
		} `json:"trades"`
	}
	require.NoError(t, json.Unmarshal(body, &answer), "%s", body)
	require.Contains(t, answer, "trades_sold_get_response", "%s", body)
	assert.Len(t, answer["trades_sold_get_response"].Trades.Trade, 3)

	require.NoError(t, stop())
	_, err = http.PostForm(env["TAOBAO_BASE_URL"], form)
	assert.Error(t, err, "stopped: nothing listens any more")
}

func TestSellerNicks(t *testing.T) {
	t.Parallel()
	env, comments, stop := start(t, 2, "-addr", "127.0.0.1:0", "-trades", "5", "-sellers", "甲店, 乙店")
	defer func() { require.NoError(t, stop()) }()
	var out bytes.Buffer
	conn, err := taobaotest.Connect(func(k string) string { return env[k] }, &out)
	require.NoError(t, err)
	defer conn.Close()
	p, err := conn.Client.Trades.ListSold(context.Background(), &taobao.SoldListOptions{Fields: []string{"seller_nick"}, ListOptions: taobao.ListOptions{PageSize: 1}})
	require.NoError(t, err)
	require.Len(t, p.Trades, 1)
	assert.Equal(t, "甲店", p.Trades[0].SellerNick)
	require.Len(t, comments, 1)
	assert.Regexp(t, `^# export TAOBAO_SESSION=\S+ # seller "乙店"$`, comments[0])
}

func TestRefusesBadFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-trades", "-1"}, "-trades -1"},
		{[]string{"-sellers", "0"}, "at least one seller"},
		{[]string{"-sellers", " , "}, "-sellers"},
		{[]string{"-addr", "256.0.0.1:99999"}, "taobaotest"},
		{[]string{"-seed", "x"}, "invalid value"},
		{[]string{"extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			err := run(context.Background(), tt.args, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
