// Command logistics ships trades: it lists the trades waiting to be
// shipped, decrypts the receivers of those it ships for their waybills
// (taobao.top.oaid.decrypt, in batches, for the carrier's scene), records
// each shipment with taobao.logistics.offline.send (the seller's own carrier
// and waybill number), and shows the logistics trace.
//
// Receivers arrive masked ("王**") with an oaid; the plaintext is had only
// by decrypting, may not be stored, and this program never writes it
// anywhere: it prints the decrypted receivers masked, where a real program
// hands them to the waybill printer (Receiver.MarshalPlaintext) and drops
// them. A receiver that changed since the trade was read (a stale oaid) is
// not shipped.
//
// With no TAOBAO_* variables set it runs against the built-in fake gateway
// and ships the first -n trades waiting, with made-up waybill numbers.
// Against Taobao (TAOBAO_APP_KEY, TAOBAO_APP_SECRET, TAOBAO_SESSION, and
// TAOBAO_BASE_URL for another gateway) it only lists the trades, unless it
// is told exactly what to ship:
//
//	go run ./examples/logistics -tid 1234567890123456789 -company ZTO -waybill 73012345678901
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strconv"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return // -h: the usage was printed
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "logistics:", err)
		os.Exit(1)
	}
}

// run is the program; its output goes to w.
func run(ctx context.Context, args []string, w io.Writer, env func(string) string) error {
	fs := flag.NewFlagSet("logistics", flag.ContinueOnError)
	fs.SetOutput(w)
	tidFlag := fs.Int64("tid", 0, "the trade to ship (default with the fake gateway: the first ones waiting)")
	count := fs.Int("n", 2, "how many trades waiting to ship with the fake gateway")
	company := fs.String("company", "", "the carrier's code, from taobao.logistics.companies.get (default with the fake gateway: ZTO)")
	waybill := fs.String("waybill", "", "the waybill number (made up with the fake gateway)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *count < 1 {
		return errors.New("-n must be at least 1")
	}

	conn, err := taobaotest.Connect(env, w)
	if err != nil {
		return err
	}
	defer conn.Close()
	c := conn.Client
	fake := conn.Fake != nil

	// 1. The trades waiting to be shipped. Their receivers come masked,
	// with an oaid to decrypt them by.
	fmt.Fprintln(w, "\ntrades waiting to ship (taobao.trades.sold.get, status WAIT_SELLER_SEND_GOODS):")
	page, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{
		Fields:      []string{"tid", "type", "created", "payment", "receiver_name", "receiver_city", "oaid", "orders.title", "orders.num"},
		Status:      taobao.TradeStatusWaitSellerSendGoods,
		ListOptions: taobao.ListOptions{PageSize: 10},
	})
	if err != nil {
		return fmt.Errorf("listing the trades to ship: %w", err)
	}
	var picks []taobao.Trade
	for _, t := range page.Trades {
		items := ""
		for i, o := range t.Orders {
			if i > 0 {
				items += "; "
			}
			items += fmt.Sprintf("%d x %s", o.Num, o.Title)
		}
		fmt.Fprintf(w, "  %d  %s  %10s  to %s in %s: %s\n", t.Tid, t.Created, t.Payment, t.ReceiverName, t.ReceiverCity, items)
		// Cash on delivery ships another way; a trade without an oaid has
		// no receiver to decrypt.
		if len(picks) < *count && t.Type != taobao.TradeTypeCod && t.Oaid != "" {
			picks = append(picks, t)
		}
	}
	fmt.Fprintf(w, "  (%d waiting in all)\n", page.TotalResults)

	// 2. What to ship, and with whom.
	switch {
	case *tidFlag != 0:
		t, err := c.Trades.FullInfo(ctx, *tidFlag, &taobao.TradeGetOptions{Fields: []string{"tid", "oaid"}, IncludeOaid: true})
		if errors.Is(err, taobao.ErrOaidMissing) {
			return fmt.Errorf("trade %d has no receiver to ship to: %w", *tidFlag, err)
		}
		if err != nil {
			return fmt.Errorf("reading trade %d: %w", *tidFlag, err)
		}
		picks = []taobao.Trade{*t}
	case !fake:
		fmt.Fprintln(w, "\nto ship one, run again with -tid, -company and -waybill")
		return nil
	case len(picks) == 0:
		fmt.Fprintln(w, "\nnothing to ship")
		return nil
	}
	if *waybill != "" && len(picks) > 1 {
		picks = picks[:1] // a waybill number names one parcel
	}
	code := *company
	if code == "" {
		if !fake {
			return errors.New("-company is required with -tid (a code from taobao.logistics.companies.get, such as ZTO)")
		}
		code = "ZTO"
	}
	carriers, err := c.Logistics.ListCompanies(ctx, nil)
	if err != nil {
		return fmt.Errorf("listing the carriers: %w", err)
	}
	var carrier *taobao.LogisticsCompany
	for i := range carriers {
		if carriers[i].Code == code {
			carrier = &carriers[i]
		}
	}
	if carrier == nil {
		return fmt.Errorf("unknown carrier code %q (taobao.logistics.companies.get lists %d carriers)", code, len(carriers))
	}
	if *waybill == "" && !fake {
		return errors.New("-waybill is required with -tid")
	}
	// The gateway checks the number against the carrier's rule; check it
	// first, for a clearer message.
	if carrier.RegMailNo != "" && *waybill != "" {
		re, err := regexp.Compile(carrier.RegMailNo)
		if err == nil && !re.MatchString(*waybill) {
			return fmt.Errorf("waybill %s does not match %s's rule %s", *waybill, carrier.Name, carrier.RegMailNo)
		}
	}

	// 3. The receivers for the waybills: one Decrypt for every parcel, which
	// the SDK sends in calls of 20. The plaintext goes to the printer only;
	// here it is shown masked.
	scene := waybillScene(carrier.Code)
	queries := taobao.ReceiverQueriesOf(picks, scene)
	fmt.Fprintf(w, "\nreceivers for the waybills (taobao.top.oaid.decrypt, scene %s; shown masked, never stored):\n", scene)
	receivers, err := c.Privacy.Decrypt(ctx, queries)
	if err != nil {
		return fmt.Errorf("decrypting the receivers: %w", err)
	}
	var ship []int64
	for _, r := range receivers {
		if !r.Matched {
			fmt.Fprintf(w, "  %d: the receiver changed since the trade was read; read it again before shipping\n", r.Tid)
			continue
		}
		fmt.Fprintf(w, "  %v\n", r) // masked: a Receiver never prints its plaintext
		ship = append(ship, r.Tid)
	}

	// 4. Ship: taobao.logistics.offline.send. It is a write and is never
	// retried blindly; a second send of the same trade is refused.
	for _, tid := range ship {
		number := *waybill
		if number == "" {
			number = madeUpWaybill(carrier.Code, tid)
		}
		if err := shipOne(ctx, w, c, tid, carrier, number); err != nil {
			return err
		}
	}
	return nil
}

// shipOne ships one trade and shows its trace.
func shipOne(ctx context.Context, w io.Writer, c *taobao.Client, tid int64, carrier *taobao.LogisticsCompany, number string) error {
	fmt.Fprintf(w, "\nshipping trade %d with %s (%s), waybill %s (taobao.logistics.offline.send)\n", tid, carrier.Name, carrier.Code, number)
	res, err := c.Logistics.OfflineSend(ctx, tid, number, carrier.Code, nil)
	switch {
	case errors.Is(err, taobao.ErrAlreadyShipped):
		return fmt.Errorf("trade %d was shipped (or closed) already: %w", tid, err)
	case err != nil:
		return fmt.Errorf("shipping trade %d: %w", tid, err)
	}
	fmt.Fprintf(w, "  shipped: %v\n", bool(res.IsSuccess))
	t, err := c.Trades.Get(ctx, tid, &taobao.TradeGetOptions{Fields: []string{"tid", "status", "consign_time", "modified"}})
	if err != nil {
		return fmt.Errorf("reading trade %d: %w", tid, err)
	}
	fmt.Fprintf(w, "  trade %d is now %s, consigned %s\n", t.Tid, t.Status, t.ConsignTime)

	// The trace: taobao.logistics.trace.search.
	fmt.Fprintf(w, "  logistics trace (taobao.logistics.trace.search):\n")
	tr, err := c.Logistics.Trace(ctx, tid, nil)
	if err != nil {
		return fmt.Errorf("tracing trade %d: %w", tid, err)
	}
	fmt.Fprintf(w, "  %s %s: %s\n", tr.CompanyName, tr.OutSid, tr.Status)
	for _, s := range tr.TraceList {
		fmt.Fprintf(w, "    %s  %-10s %s\n", s.StatusTime, s.Action, s.StatusDesc)
	}
	return nil
}

// waybillScene is the decryption scene of a carrier's e-waybill.
func waybillScene(code string) taobao.Scene {
	switch code {
	case "SF":
		return taobao.SceneSFWaybill
	case "ZTO", "YTO", "STO", "YUNDA", "BEST", "HTKY":
		return taobao.SceneTongdaWaybill
	case "EMS":
		return taobao.SceneEMSWaybill
	}
	return taobao.SceneOtherWaybill
}

// madeUpWaybill makes a waybill number in the shape of the carrier's
// numbers, for the fake gateway only.
func madeUpWaybill(code string, tid int64) string {
	n := strconv.FormatInt(tid%1_000_000_000_000, 10)
	for len(n) < 12 {
		n = "0" + n
	}
	switch code {
	case "SF":
		return "SF1" + n
	case "ZTO":
		return "75" + n
	case "YTO":
		return "YT1" + n
	case "STO":
		return "77" + n[2:]
	case "YUNDA":
		return "43" + n[1:]
	default:
		return n
	}
}
