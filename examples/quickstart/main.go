// Command quickstart makes a first tour of a seller's trades: the newest
// sold trades, one of them in full with its orders, and the logistics
// trace of a shipped one.
//
// With no TAOBAO_* variables set it runs against the built-in fake gateway
// (package taobaotest). To use Taobao, set TAOBAO_APP_KEY,
// TAOBAO_APP_SECRET and TAOBAO_SESSION (a seller's session); set
// TAOBAO_BASE_URL too to use another gateway, such as the one
// examples/gateway runs.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := parseFlags(os.Args[1:], os.Stderr); errors.Is(err, flag.ErrHelp) {
		return
	} else if err != nil {
		os.Exit(2)
	}
	if err := run(ctx, os.Stdout, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line, which holds no flags but -h.
func parseFlags(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: quickstart\n\nA first tour of a seller's trades, against the built-in fake gateway unless\nTAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION are set (TAOBAO_BASE_URL\nreplaces the gateway's address).")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "quickstart takes no arguments (got %q)\n", fs.Args())
		fs.Usage()
		return errors.New("arguments given")
	}
	return nil
}

// run is the program; its output goes to w.
func run(ctx context.Context, w io.Writer, env func(string) string) error {
	conn, err := taobaotest.Connect(env, w)
	if err != nil {
		return err
	}
	defer conn.Close()
	c := conn.Client

	// 1. The newest trades: taobao.trades.sold.get, a few fields only.
	fmt.Fprintln(w, "\nnewest sold trades (taobao.trades.sold.get):")
	page, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{
		Fields:      []string{"tid", "status", "payment", "created", "buyer_nick"},
		ListOptions: taobao.ListOptions{PageSize: 8},
	})
	if err != nil {
		return fmt.Errorf("listing trades: %w", err)
	}
	if len(page.Trades) == 0 {
		fmt.Fprintln(w, "  no trades in the last three months")
		return nil
	}
	fmt.Fprintf(w, "  %d trades in all; the newest %d:\n", page.TotalResults, len(page.Trades))
	for _, t := range page.Trades {
		fmt.Fprintf(w, "  %d  %s  %-26s %10s  %s\n", t.Tid, t.Created, t.Status, t.Payment, t.BuyerNick)
	}

	// 2. One trade in full: taobao.trade.fullinfo.get with every field.
	tid := int64(page.Trades[0].Tid)
	fmt.Fprintf(w, "\ntrade %d in full (taobao.trade.fullinfo.get):\n", tid)
	t, err := c.Trades.FullInfo(ctx, tid, nil)
	if err != nil {
		return fmt.Errorf("reading trade %d: %w", tid, err)
	}
	printTrade(w, t)

	// 3. The trace of a shipped trade: taobao.logistics.trace.search.
	shipped, err := findShipped(ctx, c)
	if err != nil {
		return err
	}
	if shipped == 0 {
		fmt.Fprintln(w, "\nno shipped trade among the newest ones")
		return nil
	}
	fmt.Fprintf(w, "\nlogistics trace of shipped trade %d (taobao.logistics.trace.search):\n", shipped)
	tr, err := c.Logistics.Trace(ctx, shipped, nil)
	if err != nil {
		return fmt.Errorf("tracing trade %d: %w", shipped, err)
	}
	printTrace(w, tr)
	return nil
}

// findShipped returns a trade shipped and not yet received, or else a
// finished one (0 if there is none).
func findShipped(ctx context.Context, c *taobao.Client) (int64, error) {
	for _, st := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeFinished} {
		p, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{
			Fields:      []string{"tid", "consign_time"},
			Status:      st,
			ListOptions: taobao.ListOptions{PageSize: 20, UseHasNext: true},
		})
		if err != nil {
			return 0, fmt.Errorf("looking for a shipped trade: %w", err)
		}
		for _, t := range p.Trades {
			if !t.ConsignTime.IsZero() {
				return int64(t.Tid), nil
			}
		}
	}
	return 0, nil
}

func printTrade(w io.Writer, t *taobao.Trade) {
	fmt.Fprintf(w, "  status   %s (%s)\n", t.Status, t.Type)
	fmt.Fprintf(w, "  created  %s", t.Created)
	if !t.PayTime.IsZero() {
		fmt.Fprintf(w, ", paid %s", t.PayTime)
	}
	if !t.ConsignTime.IsZero() {
		fmt.Fprintf(w, ", shipped %s", t.ConsignTime)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  buyer    %s; ship to %s %s%s%s %s\n", t.BuyerNick, t.ReceiverName,
		t.ReceiverState, t.ReceiverCity, t.ReceiverDistrict, t.ReceiverAddress)
	// What the buyer pays: the goods, less the discounts, plus the seller's
	// adjustment (negative for a price cut) and the postage.
	fmt.Fprintf(w, "  amounts  goods %s - discount %s + adjustment %s + postage %s = paid %s\n",
		t.TotalFee, t.DiscountFee, t.AdjustFee, t.PostFee, t.Payment)
	fmt.Fprintf(w, "  orders   %d\n", len(t.Orders))
	for _, o := range t.Orders {
		refund := ""
		if o.RefundStatus != "" && o.RefundStatus != taobao.RefundStatusNoRefund {
			refund = ", refund " + string(o.RefundStatus)
		}
		fmt.Fprintf(w, "    - %s [%s] %d x %s = %s (%s%s)\n", o.Title, o.SkuPropertiesName, o.Num, o.Price, o.Payment, o.Status, refund)
	}
}

func printTrace(w io.Writer, tr *taobao.Trace) {
	fmt.Fprintf(w, "  %s %s: %s\n", tr.CompanyName, tr.OutSid, tr.Status)
	for _, s := range tr.TraceList {
		fmt.Fprintf(w, "    %s  %-15s %s\n", s.StatusTime, s.Action, strings.TrimSpace(s.StatusDesc))
	}
}
