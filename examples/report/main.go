// Command report writes a seller's sales report for a range of days:
// per day the trades created, how many were paid, the items in them and the
// paid amount; the trades by state; and the items that sold the most.
//
//	go run ./examples/report                                   # the last 30 days
//	go run ./examples/report -from 2025-05-01 -to 2025-05-31 -out /tmp/may
//
// Days are GMT+8 dates, as on Taobao, whatever the machine's zone, and
// both ends are included. The trades come from taobao.trades.sold.get
// (ListSoldIter, 100 a page), which searches the last three months only,
// so -from may go back that far and no further. A trade that paging shows
// twice (new trades push the older ones onto later pages) counts once.
// Every trade type is counted (-types all): without a type filter the
// gateway would leave out types such as tmall_i18n.
//
// A trade counts as paid when the buyer has paid and the money stayed with
// the seller: waiting to be shipped, shipped (in part or whole), signed for
// or finished. Items and the paid amount count the paid trades only; the
// amount is each trade's payment, summed exactly in fen.
//
// It writes two files to -out (default the current directory):
//
//   - report.csv: one table with the columns section, key, name, trades,
//     paid_trades, items and paid (in yuan): a row per day (key
//     YYYY-MM-DD), a total row, a row per trade state and a row for each of
//     the 20 items with the highest paid amount (key num_iid, name the
//     item's title; the amount of an item is its orders' payment).
//   - report.svg: a bar chart of the paid amount per day, with axes, ticks
//     and labels, to open in a browser; a bar's tooltip holds its exact
//     figures.
//
// and prints a short table. With no TAOBAO_* variables set it reports on
// the built-in fake gateway's seeded trades; set TAOBAO_APP_KEY,
// TAOBAO_APP_SECRET and TAOBAO_SESSION to report on a real shop.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// Names of the files written to -out.
const (
	csvFile = "report.csv"
	svgFile = "report.svg"
)

// defaultDays is the range reported without -from: the last 30 days,
// today included.
const defaultDays = 30

// soldFields are the trade fields the report reads.
var soldFields = []string{"tid", "seller_nick", "status", "created", "payment", "num", "orders"}

// config is what the flags ask for.
type config struct {
	from, to time.Time // midnight GMT+8
	out      string
	types    []taobao.TradeType // the -types flag
}

// parseFlags reads args into a config and checks the range against now.
func parseFlags(args []string, stderr io.Writer, now time.Time) (*config, error) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: report [flags]\n\nWrites %s and %s: a seller's sales per day between two GMT+8 dates.\n\nflags:\n", csvFile, svgFile)
		fs.PrintDefaults()
	}
	from := fs.String("from", "", "first `day`, YYYY-MM-DD in GMT+8 (default: 29 days before -to)")
	to := fs.String("to", "", "last `day`, YYYY-MM-DD in GMT+8, included (default: today)")
	c := &config{}
	fs.StringVar(&c.out, "out", ".", "`dir`ectory to write "+csvFile+" and "+svgFile+" to")
	types := fs.String("types", "all", "trade types to count: all, default (the gateway's five default types) or a comma-separated `list`")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (flags come first; see -h)", fs.Arg(0))
	}
	today := midnight(now)
	var err error
	if c.types, err = taobao.ParseTradeTypes(*types); err != nil {
		return nil, fmt.Errorf("-types %q: %w", *types, err)
	}
	c.to = today
	if *to != "" {
		if c.to, err = parseDay("-to", *to); err != nil {
			return nil, err
		}
	}
	c.from = c.to.AddDate(0, 0, -(defaultDays - 1))
	if *from != "" {
		if c.from, err = parseDay("-from", *from); err != nil {
			return nil, err
		}
	}
	oldest := midnight(oldestSearchable(now))
	if oldest.Before(oldestSearchable(now)) {
		oldest = oldest.AddDate(0, 0, 1) // the first whole day that can be searched
	}
	switch {
	case c.to.After(today):
		return nil, fmt.Errorf("-to %s is after today, %s (GMT+8)", c.to.Format(time.DateOnly), today.Format(time.DateOnly))
	case c.from.After(c.to):
		return nil, fmt.Errorf("-from %s is after -to %s", c.from.Format(time.DateOnly), c.to.Format(time.DateOnly))
	case c.from.Before(oldest):
		return nil, fmt.Errorf("-from %s: taobao.trades.sold.get searches the last three months only; the earliest day it covers whole is %s",
			c.from.Format(time.DateOnly), oldest.Format(time.DateOnly))
	}
	return c, nil
}

// oldestSearchable is the earliest creation time taobao.trades.sold.get
// searches: three months back, taken as the shorter of 90 days and three
// calendar months.
func oldestSearchable(now time.Time) time.Time {
	a, b := now.Add(-taobao.SyncHistory), now.In(taobao.GMT8()).AddDate(0, -3, 0)
	if a.After(b) {
		return a
	}
	return b
}

// midnight returns the start of t's day in GMT+8.
func midnight(t time.Time) time.Time {
	y, m, d := t.In(taobao.GMT8()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, taobao.GMT8())
}

// parseDay parses a YYYY-MM-DD flag as a GMT+8 date.
func parseDay(flagName, s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, taobao.GMT8())
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want a date as YYYY-MM-DD", flagName, s)
	}
	return t, nil
}

// demoTrades is how many trades each seller of the built-in fake gateway
// has, spread over its three months: a busy shop.
const demoTrades = 3000

// connectFunc makes the connection to the gateway, saying on w where it
// points.
type connectFunc func(w io.Writer) (*taobaotest.Conn, error)

// run builds the report and writes its files and table. It connects as env
// says (see taobaotest.Connect).
func run(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	return runWith(ctx, args, stdout, stderr, func(w io.Writer) (*taobaotest.Conn, error) {
		return taobaotest.Connect(env, w, taobaotest.WithTrades(demoTrades))
	})
}

// runWith is run over the connection connect makes.
func runWith(ctx context.Context, args []string, stdout, stderr io.Writer, connect connectFunc) error {
	cfg, err := parseFlags(args, stderr, time.Now())
	if err != nil {
		return err
	}
	conn, err := connect(stdout)
	if err != nil {
		return err
	}
	defer conn.Close()
	r := newReport(conn.Seller, cfg.from, cfg.to) // against Taobao the trades name the seller
	r.Partial = cfg.to.Equal(midnight(time.Now()))
	opts := &taobao.SoldListOptions{
		Fields:       soldFields,
		StartCreated: taobao.NewTime(cfg.from),
		EndCreated:   taobao.NewTime(cfg.to.AddDate(0, 0, 1).Add(-time.Second)),
		Type:         cfg.types,
		ListOptions:  taobao.ListOptions{PageSize: taobao.MaxPageSize},
	}
	fmt.Fprintf(stdout, "reading the trades created %s to %s (GMT+8) ...\n", cfg.from.Format(time.DateOnly), cfg.to.Format(time.DateOnly))
	read := 0
	for t, err := range conn.Client.Trades.ListSoldIter(ctx, opts) {
		if err != nil {
			return fmt.Errorf("listing the trades after %d: %w", read, err)
		}
		read++
		r.add(t)
	}

	var csvBuf, svgBuf bytes.Buffer
	if err := r.writeCSV(&csvBuf); err != nil {
		return err
	}
	if err := r.writeSVG(&svgBuf); err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return err
	}
	csvPath, svgPath := filepath.Join(cfg.out, csvFile), filepath.Join(cfg.out, svgFile)
	if err := os.WriteFile(csvPath, csvBuf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(svgPath, svgBuf.Bytes(), 0o644); err != nil {
		return err
	}
	r.writeText(stdout)
	fmt.Fprintf(stdout, "\n%d trades read (%d counted), wrote %s and %s\n", read, r.Total.Trades, csvPath, svgPath)
	return nil
}
