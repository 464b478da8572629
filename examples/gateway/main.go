// Command gateway runs the fake TOP gateway of package taobaotest as a
// process, so that clients in any language, and the other examples, can be
// pointed at it. Once it listens it prints, on standard output, the shell
// lines that point a client at it:
//
//	export TAOBAO_BASE_URL=http://127.0.0.1:8088/router/rest
//	export TAOBAO_APP_KEY=12345678
//	export TAOBAO_APP_SECRET=...
//	export TAOBAO_SESSION=...
//
// with a session per seller (the first one exported, the others as
// comments). It serves the trade and logistics APIs over a generated data
// set, and the OAuth pages /authorize and /token, until SIGINT or SIGTERM.
//
//	go run ./examples/gateway -addr 127.0.0.1:8088 -seed 1 -trades 500 -sellers 3
//
// -sellers is a number of sellers, or their nicks separated by commas.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
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
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *trades < 0 {
		return fmt.Errorf("-trades %d: must be 0 or more", *trades)
	}
	opts := []taobaotest.Option{taobaotest.WithSeed(*seed), taobaotest.WithTrades(*trades)}
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

	srv, err := taobaotest.NewServerAt(*addr, opts...)
	if err != nil {
		return err
	}
	defer srv.Close()

	nicks := srv.Sellers()
	fmt.Fprintf(stdout, "export TAOBAO_BASE_URL=%s\n", shellQuote(srv.URL))
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
