package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

var lineRE = regexp.MustCompile(`^fleet: sellers (\d+), trades (\d+), calls (\d+), bans (\d+)\n$`)

// TestInMemory runs the default mode: the built-in fake, in-memory leases.
func TestInMemory(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"-sellers", "3", "-trades", "40", "-rate", "500", "-workers", "2"}, &stdout, &stderr)
	require.NoError(t, err, stderr.String())
	m := lineRE.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, "the exit line: %q", stdout.String())
	assert.Equal(t, "3", m[1], "every seller synced")
	assert.NotEqual(t, "0", m[2], "trades handled")
	assert.Equal(t, "0", m[4], "no bans")
}

func TestRefusesBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-workers", "0"}, "-workers"},
		{[]string{"-rate", "-1"}, "-rate"},
		{[]string{"-since", "2400h"}, "-since"},
		{[]string{"-gateway", "/nonexistent/gateway.env"}, "gateway.env"},
		{[]string{"extra"}, "unexpected"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			err := run(context.Background(), tc.args, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestReadGateway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gw.env")
	require.NoError(t, os.WriteFile(path, []byte(`export TAOBAO_BASE_URL=http://127.0.0.1:1/router/rest
export TAOBAO_APP_KEY=12345678
export TAOBAO_APP_SECRET='se cret'
export TAOBAO_SESSION=s1 # seller "a"
# export TAOBAO_SESSION=s2 # seller "b c"
`), 0o600))
	gw, err := readGateway(path)
	require.NoError(t, err)
	assert.Equal(t, "se cret", gw.appSecret)
	assert.Equal(t, []taobao.Seller{{Nick: "a", Session: "s1"}, {Nick: "b c", Session: "s2"}}, gw.sellers)

	require.NoError(t, os.WriteFile(path, []byte("hello\n"), 0o600))
	_, err = readGateway(path)
	assert.ErrorContains(t, err, "not the output of examples/gateway")
}

// TestThreeProcesses runs examples/gateway -call-limit 40 and three
// processes of this program sharing a real Redis: together they must use
// at least 90% of the limit, get no refusal, and sync every seller's
// trades.
func TestThreeProcesses(t *testing.T) {
	addr := os.Getenv("TAOBAO_TEST_REDIS_ADDR")
	if addr == "" {
		t.Skip("TAOBAO_TEST_REDIS_ADDR is not set: no Redis server for the three-process test (.ci/run starts one)")
	}
	const limit, sellers, trades = 40, 6, 300
	dir := t.TempDir()
	bin := func(name, pkg string) string {
		out := filepath.Join(dir, name)
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = "."
		b, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", b)
		return out
	}
	gwBin, fleetBin := bin("gateway", "github.com/toptrade/taobao/examples/gateway"), bin("fleet", ".")

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	gw := exec.CommandContext(ctx, gwBin, "-addr", "127.0.0.1:0", "-call-limit", strconv.Itoa(limit),
		"-sellers", strconv.Itoa(sellers), "-trades", strconv.Itoa(trades))
	gwOut, err := gw.StdoutPipe()
	require.NoError(t, err)
	gw.Stderr = os.Stderr
	require.NoError(t, gw.Start())
	defer func() { _ = gw.Process.Kill(); _ = gw.Wait() }()
	var env bytes.Buffer
	sc := bufio.NewScanner(gwOut)
	for n := 0; n < 3+sellers && sc.Scan(); n++ {
		env.WriteString(sc.Text() + "\n")
	}
	go func() { _, _ = io.Copy(io.Discard, gwOut) }()
	envFile := filepath.Join(dir, "gateway.env")
	require.NoError(t, os.WriteFile(envFile, env.Bytes(), 0o600))
	base := strings.TrimSuffix(regexp.MustCompile(`TAOBAO_BASE_URL=(\S+)`).FindStringSubmatch(env.String())[1], "/router/rest")

	since := taobao.SyncHistory - time.Hour
	prefix := fmt.Sprintf("fleettest-%d", time.Now().UnixNano()) // no keys of an earlier run
	start := time.Now()
	var wg sync.WaitGroup
	outs := make([]string, 3)
	lines := make([]string, 3)
	for i := range 3 {
		outs[i] = filepath.Join(dir, fmt.Sprintf("trades-%d.jsonl", i))
		cmd := exec.CommandContext(ctx, fleetBin, "-gateway", envFile, "-redis", addr, "-redis-prefix", prefix,
			"-rate", "38", "-workers", "2", "-since", since.String(), "-out", outs[i], "-duration", "3m")
		cmd.Stderr = os.Stderr
		wg.Go(func() {
			b, err := cmd.Output()
			assert.NoError(t, err)
			lines[i] = string(b)
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	var calls, bans, synced int
	for i, line := range lines {
		m := lineRE.FindStringSubmatch(line)
		require.NotNil(t, m, "process %d printed %q", i, line)
		s, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[3])
		b, _ := strconv.Atoi(m[4])
		synced, calls, bans = synced+s, calls+c, bans+b
	}
	assert.Zero(t, bans, "refusals seen by the processes")

	resp, err := http.Get(base + "/stats")
	require.NoError(t, err)
	defer resp.Body.Close()
	var st struct {
		Calls, Refused int64
		Methods        map[string]struct {
			Calls, Refused int64
			First, Last    time.Time
		}
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&st))
	assert.Zero(t, st.Refused, "refusals answered by the gateway")
	inc := st.Methods[taobao.MethodTradesSoldIncrement]
	busy := inc.Last.Sub(inc.First)
	require.Positive(t, busy)
	rate := float64(inc.Calls-1) / busy.Seconds()
	t.Logf("3 processes, %d sellers: %s in all; %d increment calls in %s = %.1f calls/s of the limit of %d (%.0f%%); %d calls, %d refusals at the gateway; lines %q",
		sellers, elapsed.Round(time.Millisecond), inc.Calls, busy.Round(time.Millisecond), rate, limit, 100*rate/limit, st.Calls, st.Refused, lines)
	assert.GreaterOrEqual(t, rate, 0.9*limit, "the fleet uses at least 90%% of the limit")
	assert.LessOrEqual(t, rate, float64(limit))

	// Every trade (modified within the synced span) reached a handler.
	seen := map[int64]time.Time{}
	for _, path := range outs {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		for line := range strings.Lines(string(b)) {
			var h handled
			require.NoError(t, json.Unmarshal([]byte(line), &h))
			if h.Modified.After(seen[h.Tid]) {
				seen[h.Tid] = h.Modified
			}
		}
	}
	truth := groundTruth(t, envFile)
	from := start.Add(-since)
	want, missing := 0, 0
	for _, tr := range truth {
		if tr.Modified.Before(from) {
			continue
		}
		want++
		if !seen[int64(tr.Tid)].Equal(tr.Modified.Time) {
			missing++
		}
	}
	t.Logf("%d trades within the synced span, %d handled, %d missing", want, len(seen), missing)
	assert.Positive(t, want)
	assert.Zero(t, missing, "trades never handled")
}

// groundTruth lists every seller's trades through the gateway.
func groundTruth(t *testing.T, envFile string) []taobao.Trade {
	gw, err := readGateway(envFile)
	require.NoError(t, err)
	c, err := taobao.NewClient(gw.appKey, gw.appSecret, taobao.WithBaseURL(gw.baseURL), taobao.WithRateLimit(30, 1))
	require.NoError(t, err)
	var out []taobao.Trade
	for _, s := range gw.sellers {
		opts := &taobao.SoldListOptions{Fields: []string{"tid", "modified"}, ListOptions: taobao.ListOptions{PageSize: 100}}
		for tr, err := range c.WithSession(s.Session).Trades.ListSoldIter(context.Background(), opts) {
			require.NoError(t, err)
			out = append(out, *tr)
		}
	}
	return out
}
