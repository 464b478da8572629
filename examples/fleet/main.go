// Command fleet syncs the trades of every seller of a gateway with
// taobao.Fleet, and prints at exit one line:
//
//	fleet: sellers N, trades N, calls N, bans N
//
// (the sellers this process synced, the trades it handled, the calls it
// made and the flow-control refusals it got). By default it starts the
// built-in fake gateway and syncs its sellers with a few workers and
// in-memory leases:
//
//	go run ./examples/fleet -workers 4
//
// Against examples/gateway, several processes share the sellers and the
// app key's quota through Redis:
//
//	go run ./examples/gateway -call-limit 40 -sellers 6 > gateway.env &
//	go run ./examples/fleet -gateway gateway.env -redis 127.0.0.1:6379 -rate 38 &
//	go run ./examples/fleet -gateway gateway.env -redis 127.0.0.1:6379 -rate 38 &
//
// -gateway names a file holding what examples/gateway printed (the export
// lines, with a session per seller). The program stops once every seller
// is caught up (its checkpoint, shared with the other processes, is
// within the sync lag of when this process started), after -duration, or
// on SIGINT.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/redis/go-redis/v9/maintnotifications"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/redislimit"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage was printed
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fleet:", err)
		os.Exit(1)
	}
}

// gateway is where the sellers are: a base URL, credentials and a session
// per seller.
type gateway struct {
	baseURL, appKey, appSecret string
	sellers                    []taobao.Seller
	fake                       *taobaotest.Server // the built-in one, if used
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fleet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gwFile := fs.String("gateway", "", "file with the output of examples/gateway (default: a built-in fake gateway)")
	redisAddr := fs.String("redis", "", "Redis address (host:port) shared by the processes of the fleet (default: in-memory leases, one process)")
	prefix := fs.String("redis-prefix", redislimit.DefaultPrefix, "prefix of the Redis keys")
	workers := fs.Int("workers", 4, "sellers synced at once by this process")
	rate := fs.Float64("rate", 0, "calls per second per method for the app key, across the fleet (0: the client's default pacing)")
	since := fs.Duration("since", 3*24*time.Hour, "how far back a seller without a checkpoint starts")
	duration := fs.Duration("duration", 10*time.Minute, "stop after this long at the latest")
	fakeSellers := fs.Int("sellers", 5, "sellers of the built-in fake gateway")
	fakeTrades := fs.Int("trades", 200, "trades per seller of the built-in fake gateway")
	out := fs.String("out", "", "file to write one JSON line per handled trade to ({seller, tid, modified})")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	case *workers < 1:
		return fmt.Errorf("-workers %d: at least 1", *workers)
	case *rate < 0:
		return fmt.Errorf("-rate %v: must be 0 or more", *rate)
	case *since <= 0 || *since > taobao.SyncHistory:
		return fmt.Errorf("-since %s: must be within the gateway's %s of history", *since, taobao.SyncHistory)
	case *duration <= 0:
		return fmt.Errorf("-duration %s: must be positive", *duration)
	}

	var gw *gateway
	var err error
	if *gwFile != "" {
		gw, err = readGateway(*gwFile)
	} else {
		gw, err = fakeGateway(*fakeSellers, *fakeTrades)
	}
	if err != nil {
		return err
	}
	if gw.fake != nil {
		defer gw.fake.Close()
	}

	counter := &countingTransport{next: http.DefaultTransport}
	opts := []taobao.Option{taobao.WithBaseURL(gw.baseURL), taobao.WithHTTPClient(&http.Client{Transport: counter, Timeout: time.Minute})}
	fopts := taobao.FleetOptions{
		Concurrency: *workers,
		Sync:        taobao.SyncOptions{Since: time.Now().Add(-*since), PollInterval: 10 * time.Second},
		LeaseTTL:    10 * time.Second,
		Turn:        5 * time.Second,
	}
	var cps taobao.CheckpointStore
	if *redisAddr != "" {
		rdb := redis.NewClient(&redis.Options{
			Addr: *redisAddr,
			// Plain connections: no maintenance notifications to negotiate.
			MaintNotificationsConfig: &maintnotifications.Config{Mode: maintnotifications.ModeDisabled},
		})
		defer rdb.Close()
		if err := rdb.Ping(ctx).Err(); err != nil {
			return fmt.Errorf("-redis %s: %w", *redisAddr, err)
		}
		lo := &redislimit.LimiterOptions{Prefix: *prefix, OnError: func(err error) { fmt.Fprintln(stderr, "fleet:", err) }}
		if *rate > 0 {
			// The fake gateway limits each method; so does the limiter.
			lim := redislimit.Limit{Rate: *rate, Burst: 1}
			lo.Methods = map[string]redislimit.Limit{taobao.MethodTradesSoldIncrement: lim, "taobao.time.get": lim}
		}
		l, err := redislimit.NewLimiter(rdb, gw.appKey, lo)
		if err != nil {
			return err
		}
		st, err := redislimit.NewStore(rdb, gw.appKey, *prefix)
		if err != nil {
			return err
		}
		opts = append(opts, taobao.WithLimiter(l))
		fopts.Leases, cps = st, st
	} else {
		if *rate > 0 {
			opts = append(opts, taobao.WithRateLimit(*rate, 1))
		}
		m := taobao.NewMemoryLeases()
		fopts.Leases, cps = m, m
	}
	fopts.Checkpoints = cps
	client, err := taobao.NewClient(gw.appKey, gw.appSecret, opts...)
	if err != nil {
		return err
	}

	var trades atomic.Int64
	var outMu sync.Mutex
	var outW *bufio.Writer
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		outW = bufio.NewWriter(f)
		defer outW.Flush()
	}
	fopts.Handler = func(_ context.Context, seller string, t *taobao.Trade) error {
		trades.Add(1)
		if outW != nil {
			line, err := json.Marshal(handled{Seller: seller, Tid: int64(t.Tid), Modified: t.Modified.Time})
			if err != nil {
				return err
			}
			outMu.Lock()
			defer outMu.Unlock()
			if _, err := outW.Write(append(line, '\n')); err != nil {
				return err
			}
		}
		return nil
	}
	fopts.Sellers = taobao.SellerFunc(func(context.Context) ([]taobao.Seller, error) { return gw.sellers, nil })
	f, err := taobao.NewFleet(client, &fopts)
	if err != nil {
		return err
	}

	start := time.Now()
	runCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- f.Run(runCtx) }()
	// Stop once every seller's shared checkpoint reached the start.
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var runErr error
wait:
	for {
		select {
		case runErr = <-done:
			break wait
		case <-tick.C:
			if caughtUp(runCtx, cps, gw.sellers, start.Add(-taobao.DefaultSyncLag-time.Second)) {
				cancel()
			}
		}
	}
	if runErr != nil && !errors.Is(runErr, context.Canceled) && !errors.Is(runErr, context.DeadlineExceeded) {
		return runErr
	}
	synced := 0
	for _, s := range f.Stats().PerSeller {
		if s.Turns > 0 {
			synced++
		}
	}
	fmt.Fprintf(stdout, "fleet: sellers %d, trades %d, calls %d, bans %d\n", synced, trades.Load(), counter.calls.Load(), counter.bans.Load())
	return nil
}

// handled is one line of -out.
type handled struct {
	Seller   string    `json:"seller"`
	Tid      int64     `json:"tid"`
	Modified time.Time `json:"modified"`
}

// caughtUp reports whether every seller's checkpoint is at least at.
func caughtUp(ctx context.Context, cps taobao.CheckpointStore, sellers []taobao.Seller, at time.Time) bool {
	for _, s := range sellers {
		t, ok, err := cps.LoadCheckpoint(ctx, s.Nick)
		if err != nil || !ok || t.Before(at) {
			return false
		}
	}
	return true
}

// fakeGateway starts the built-in fake gateway.
func fakeGateway(sellers, trades int) (*gateway, error) {
	if sellers < 1 || trades < 0 {
		return nil, fmt.Errorf("-sellers %d, -trades %d: at least one seller and no negative count", sellers, trades)
	}
	srv := taobaotest.NewServer(taobaotest.WithSellerCount(sellers), taobaotest.WithTrades(trades), taobaotest.WithCallLog(0))
	gw := &gateway{baseURL: srv.URL, appKey: srv.AppKey, appSecret: srv.AppSecret, fake: srv}
	for _, nick := range srv.Sellers() {
		gw.sellers = append(gw.sellers, taobao.Seller{Nick: nick, Session: srv.NewSession(nick)})
	}
	return gw, nil
}

// readGateway reads what examples/gateway printed: export lines for the
// address and credentials, and one session line per seller (the first
// exported, the others commented out), each ending in # seller "nick".
func readGateway(path string) (*gateway, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	gw := &gateway{}
	for line := range strings.Lines(string(b)) {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
		kv, ok := strings.CutPrefix(strings.TrimSpace(line), "export ")
		if !ok {
			continue
		}
		kv, comment, _ := strings.Cut(kv, " #")
		k, v, _ := strings.Cut(kv, "=")
		v = unquote(v)
		switch k {
		case "TAOBAO_BASE_URL":
			gw.baseURL = v
		case "TAOBAO_APP_KEY":
			gw.appKey = v
		case "TAOBAO_APP_SECRET":
			gw.appSecret = v
		case "TAOBAO_SESSION":
			q := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(comment), "seller"))
			nick, err := strconv.Unquote(q)
			if err != nil {
				return nil, fmt.Errorf("%s: a session line without its seller: %q", path, line)
			}
			gw.sellers = append(gw.sellers, taobao.Seller{Nick: nick, Session: v})
		}
	}
	if gw.baseURL == "" || gw.appKey == "" || gw.appSecret == "" || len(gw.sellers) == 0 {
		return nil, fmt.Errorf("%s: not the output of examples/gateway (base URL, app key, secret and sessions needed)", path)
	}
	return gw, nil
}

// unquote undoes examples/gateway's shell quoting.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return strings.ReplaceAll(s[1:len(s)-1], `'\''`, "'")
	}
	return s
}

// countingTransport counts the calls this process makes and the
// flow-control refusals among their answers.
type countingTransport struct {
	next        http.RoundTripper
	calls, bans atomic.Int64
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.calls.Add(1)
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if bytes.Contains(body, []byte(`"error_response"`)) &&
		(bytes.Contains(body, []byte(`"code":7,`)) || bytes.Contains(body, []byte("accesscontrol."))) {
		t.bans.Add(1)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}
