// Command gateway runs the fake TOP gateway of package taobaotest as a
// process, so that clients in any language, and the other examples, can be
// pointed at it. Once it listens it prints, on standard output, the shell
// lines that point a client at it:
//
//	export TAOBAO_BASE_URL=http://127.0.0.1:8088/router/rest
//	export TAOBAO_TMC_URL=ws://127.0.0.1:8088/tmc
//	export TAOBAO_APP_KEY=12345678
//	export TAOBAO_APP_SECRET=...
//	export TAOBAO_SESSION=...
//
// with a session per seller (the first one exported, the others as
// comments). It serves the trade and logistics APIs over a generated data
// set, the OAuth pages /authorize and /token, and the message channel
// (TMC) at /tmc, until SIGINT or SIGTERM. The channel checks each
// connect's sign as the real one does, and publishes a message for every
// change of a seller's trades once the seller is subscribed
// (taobao.tmc.user.permit with the seller's session). /stats also counts
// the channel's connects, pushes and confirms.
//
//	go run ./examples/gateway -addr 127.0.0.1:8088 -seed 1 -trades 500 -sellers 3
//
// -sellers is a number of sellers, or their nicks separated by commas.
// -call-limit N answers calls above N a second per method with the
// gateway's flow-control refusal (code 7 and a ban), as
// taobaotest.WithCallLimit does. GET /stats answers, in JSON, the calls and
// the flow-control refusals per method so far.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

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
		fmt.Fprintln(os.Stderr, "gateway:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done. The export lines go to stdout, everything
// else to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gateway", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8088", "address to listen on (port 0: any free port)")
	seed := fs.Int64("seed", taobaotest.DefaultSeed, "seed of the generated data")
	trades := fs.Int("trades", taobaotest.DefaultTrades, "trades per seller")
	sellers := fs.String("sellers", strconv.Itoa(taobaotest.DefaultSellerCount), "number of sellers, or their nicks separated by commas")
	callLimit := fs.Int("call-limit", 0, "calls per second per method for the app key; more are refused with code 7 (0: no limit)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *trades < 0 {
		return fmt.Errorf("-trades %d: must be 0 or more", *trades)
	}
	if *callLimit < 0 {
		return fmt.Errorf("-call-limit %d: must be 0 or more", *callLimit)
	}
	opts := []taobaotest.Option{taobaotest.WithSeed(*seed), taobaotest.WithTrades(*trades),
		taobaotest.WithCallLimit(*callLimit, time.Second), taobaotest.WithCallLog(0)}
	if n, err := strconv.Atoi(strings.TrimSpace(*sellers)); err == nil {
		if n < 1 {
			return fmt.Errorf("-sellers %d: at least one seller", n)
		}
		opts = append(opts, taobaotest.WithSellerCount(n))
	} else {
		var nicks []string
		for _, s := range strings.Split(*sellers, ",") {
			if s = strings.TrimSpace(s); s != "" {
				nicks = append(nicks, s)
			}
		}
		if len(nicks) == 0 {
			return errors.New("-sellers: give a number or nicks separated by commas")
		}
		opts = append(opts, taobaotest.WithSellers(nicks...))
	}

	// The fake serves behind a handler of this program that adds /stats,
	// on a listener of its own.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("taobaotest: %w", err) // as NewServerAt words it
	}
	srv := taobaotest.NewServer(opts...)
	defer srv.Close()
	srv.URL = "http://" + dialAddr(ln.Addr()) + "/router/rest"
	_ = srv.Trades("") // generate the data set now, not on the first call
	stats := newStats(srv)
	hs := &http.Server{Handler: stats, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = hs.Serve(ln) }()
	defer hs.Close()

	nicks := srv.Sellers()
	fmt.Fprintf(stdout, "export TAOBAO_BASE_URL=%s\n", shellQuote(srv.URL))
	fmt.Fprintf(stdout, "export TAOBAO_TMC_URL=%s\n", shellQuote(srv.TMCURL()))
	// The OAuth pages, so that examples/oauth authorizes against this
	// gateway instead of oauth.taobao.com.
	site := strings.TrimSuffix(srv.URL, "/router/rest")
	fmt.Fprintf(stdout, "export TAOBAO_AUTH_URL=%s\n", shellQuote(site+"/authorize"))
	fmt.Fprintf(stdout, "export TAOBAO_TOKEN_URL=%s\n", shellQuote(site+"/token"))
	fmt.Fprintf(stdout, "export TAOBAO_APP_KEY=%s\n", shellQuote(srv.AppKey))
	fmt.Fprintf(stdout, "export TAOBAO_APP_SECRET=%s\n", shellQuote(srv.AppSecret))
	for i, nick := range nicks {
		line := "export TAOBAO_SESSION=" + shellQuote(srv.NewSession(nick))
		if i == 0 {
			fmt.Fprintf(stdout, "%s # seller %q\n", line, nick)
		} else {
			fmt.Fprintf(stdout, "# %s # seller %q\n", line, nick)
		}
	}
	fmt.Fprintf(stderr, "fake TOP gateway at %s: %d sellers, %d trades each (seed %d); OAuth at %s/authorize; Ctrl-C to stop\n",
		srv.URL, len(nicks), *trades, *seed, strings.TrimSuffix(srv.URL, "/router/rest"))

	<-ctx.Done()
	fmt.Fprintln(stderr, "stopping")
	return nil
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// characters.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@%+=,", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// stats serves the fake gateway and counts, per method, the calls and the
// flow-control refusals (code 7, accesscontrol.* sub-codes) it answered.
// GET /stats returns them. The method names come from callers, so at most
// maxStatsMethods of them are kept, each cut to maxStatsName bytes; calls
// of further names are counted under otherMethods.
type stats struct {
	next http.Handler
	srv  *taobaotest.Server
	mu   sync.Mutex
	per  map[string]*methodStats
}

// methodStats is one method's line of /stats.
type methodStats struct {
	Calls   int64     `json:"calls"`
	Refused int64     `json:"refused"`
	First   time.Time `json:"first"` // first call
	Last    time.Time `json:"last"`  // last call
}

const (
	maxStatsMethods = 100
	maxStatsName    = 64
	otherMethods    = "(other)"
)

func newStats(srv *taobaotest.Server) *stats {
	return &stats{next: srv, srv: srv, per: map[string]*methodStats{}}
}

func (s *stats) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/stats":
		s.serveStats(w)
		return
	case "/authorize", "/token", "/tmc":
		s.next.ServeHTTP(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.next.ServeHTTP(w, r)
		return
	}
	rec := &sniffer{ResponseWriter: w}
	s.next.ServeHTTP(rec, r)
	method := r.Form.Get("method")
	if len(method) > maxStatsName {
		method = method[:maxStatsName]
	}
	now := time.Now()
	s.mu.Lock()
	m := s.per[method]
	if m == nil && len(s.per) >= maxStatsMethods {
		method = otherMethods
		m = s.per[method]
	}
	if m == nil {
		m = &methodStats{First: now}
		s.per[method] = m
	}
	m.Calls++
	m.Last = now
	if rec.refused() {
		m.Refused++
	}
	s.mu.Unlock()
}

func (s *stats) serveStats(w http.ResponseWriter) {
	s.mu.Lock()
	out := struct {
		Calls   int64                   `json:"calls"`
		Refused int64                   `json:"refused"`
		Methods map[string]*methodStats `json:"methods"`
		TMC     taobaotest.TMCStats     `json:"tmc"`
	}{Methods: make(map[string]*methodStats, len(s.per)), TMC: s.srv.TMC().Stats()}
	for k, v := range s.per {
		c := *v
		out.Methods[k] = &c
		out.Calls += v.Calls
		out.Refused += v.Refused
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// sniffer keeps the start of an answer, where an error answer names its
// code.
type sniffer struct {
	http.ResponseWriter
	head []byte
}

func (s *sniffer) Write(b []byte) (int, error) {
	if n := 256 - len(s.head); n > 0 {
		s.head = append(s.head, b[:min(n, len(b))]...)
	}
	return s.ResponseWriter.Write(b)
}

func (s *sniffer) refused() bool {
	return bytes.Contains(s.head, []byte(`"error_response"`)) &&
		(bytes.Contains(s.head, []byte(`"code":7,`)) || bytes.Contains(s.head, []byte(`accesscontrol.`)))
}

// dialAddr is the address clients dial for a listener's address: loopback
// when it listens on every interface.
func dialAddr(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := "127.0.0.1"
	if !ta.IP.IsUnspecified() {
		host = ta.IP.String()
	}
	return net.JoinHostPort(host, strconv.Itoa(ta.Port))
}
