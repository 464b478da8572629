package main

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/toptrade/taobao"
)

// paidStatuses are the states in which the buyer has paid and the money
// stays with the seller: the trades a sales report counts as sold. Unpaid
// trades (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY, PAY_PENDING,
// WAIT_PRE_AUTH_CONFIRM), trades closed before payment
// (TRADE_CLOSED_BY_TAOBAO) and trades refunded in full (TRADE_CLOSED) are
// counted as trades but add no items and no amount; so do states unknown to
// this program.
var paidStatuses = map[taobao.TradeStatus]bool{
	taobao.TradeStatusWaitSellerSendGoods:   true,
	taobao.TradeStatusSellerConsignedPart:   true,
	taobao.TradeStatusWaitBuyerConfirmGoods: true,
	taobao.TradeStatusTradeBuyerSigned:      true,
	taobao.TradeStatusTradeFinished:         true,
	taobao.TradeStatusPaidForbidConsign:     true,
}

// tally is what one row of the report counts.
type tally struct {
	Trades     int          // trades created
	PaidTrades int          // of which paid (paidStatuses)
	Items      int64        // items in the paid trades: the sum of their orders' num
	Paid       taobao.Money // the paid trades' payment, in fen
}

// add counts t, whose items are n.
func (c *tally) add(t *taobao.Trade, n int64) {
	c.Trades++
	if paidStatuses[t.Status] {
		c.PaidTrades++
		c.Items += n
		c.Paid += t.Payment
	}
}

// itemTally is one item's sales: the orders for it in paid trades.
type itemTally struct {
	NumIid int64
	Title  string
	Trades int          // paid trades with an order for it
	Items  int64        // units sold
	Paid   taobao.Money // the orders' payment
}

// report is a seller's sales between two days, both included, by the day
// (in GMT+8) the trades were created.
type report struct {
	Seller   string    // "" until known
	From, To time.Time // midnight GMT+8 of the first and the last day
	Days     []tally   // one per day from From to To
	Total    tally
	Statuses map[taobao.TradeStatus]*tally
	Items    map[int64]*itemTally
	Partial  bool // the last day is today: its figures are so far
	seen     map[int64]bool
}

// newReport returns an empty report for the days from to to.
func newReport(seller string, from, to time.Time) *report {
	n := dayIndex(from, to) + 1
	return &report{
		Seller: seller, From: from, To: to,
		Days:     make([]tally, n),
		Statuses: make(map[taobao.TradeStatus]*tally),
		Items:    make(map[int64]*itemTally),
		seen:     make(map[int64]bool),
	}
}

// of names the seller for a title: " of nick", or "" when unknown.
func (r *report) of() string {
	if r.Seller == "" {
		return ""
	}
	return " of " + r.Seller
}

// dayIndex returns how many days t's GMT+8 date is after from's.
func dayIndex(from, t time.Time) int {
	y, m, d := t.In(taobao.GMT8()).Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, taobao.GMT8())
	return int(day.Sub(from).Round(time.Hour) / (24 * time.Hour))
}

// day returns the date of the i-th day of the report.
func (r *report) day(i int) time.Time { return r.From.AddDate(0, 0, i) }

// add counts one trade, once: sold.get pages can repeat a trade when new
// trades arrive while they are read. It tells whether t was counted; trades
// created outside the report's days are not.
func (r *report) add(t *taobao.Trade) bool {
	i := dayIndex(r.From, t.Created.Time)
	if t.Created.IsZero() || i < 0 || i >= len(r.Days) || r.seen[int64(t.Tid)] {
		return false
	}
	r.seen[int64(t.Tid)] = true
	if r.Seller == "" {
		r.Seller = t.SellerNick
	}
	n := itemCount(t)
	r.Days[i].add(t, n)
	r.Total.add(t, n)
	st := r.Statuses[t.Status]
	if st == nil {
		st = &tally{}
		r.Statuses[t.Status] = st
	}
	st.add(t, n)
	if !paidStatuses[t.Status] {
		return true
	}
	for _, o := range t.Orders {
		it := r.Items[int64(o.NumIid)]
		if it == nil {
			it = &itemTally{NumIid: int64(o.NumIid), Title: o.Title}
			r.Items[int64(o.NumIid)] = it
		}
		it.Trades++
		it.Items += int64(o.Num)
		it.Paid += o.Payment
	}
	return true
}

// itemCount is the number of items a trade holds: the sum of its orders'
// num, or the trade's own num when it came without orders.
func itemCount(t *taobao.Trade) int64 {
	if len(t.Orders) == 0 {
		return int64(t.Num)
	}
	var n int64
	for _, o := range t.Orders {
		n += int64(o.Num)
	}
	return n
}

// topItems returns up to n items by paid amount, highest first.
func (r *report) topItems(n int) []*itemTally {
	items := make([]*itemTally, 0, len(r.Items))
	for _, it := range r.Items {
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b *itemTally) int {
		return cmp.Or(cmp.Compare(b.Paid, a.Paid), cmp.Compare(a.NumIid, b.NumIid))
	})
	return items[:min(n, len(items))]
}

// statuses returns the states seen, most trades first.
func (r *report) statuses() []taobao.TradeStatus {
	sts := make([]taobao.TradeStatus, 0, len(r.Statuses))
	for st := range r.Statuses {
		sts = append(sts, st)
	}
	slices.SortFunc(sts, func(a, b taobao.TradeStatus) int {
		return cmp.Or(cmp.Compare(r.Statuses[b].Trades, r.Statuses[a].Trades), cmp.Compare(a, b))
	})
	return sts
}

// csvHeader names the columns of report.csv.
var csvHeader = []string{"section", "key", "name", "trades", "paid_trades", "items", "paid"}

// topInCSV is how many items report.csv lists.
const topInCSV = 20

// writeCSV writes the report as one table: a row per day, a total row, a
// row per trade state and a row per top item. Every row has the same
// columns: trades created, trades paid, items in the paid trades and their
// paid amount in yuan, exact to the fen. The day rows add up to the total,
// and so do the state rows.
func (r *report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	row := func(section, key, name string, c tally) {
		cw.Write([]string{section, key, name, strconv.Itoa(c.Trades), strconv.Itoa(c.PaidTrades),
			strconv.FormatInt(c.Items, 10), c.Paid.String()})
	}
	cw.Write(csvHeader)
	for i, d := range r.Days {
		row("day", r.day(i).Format(time.DateOnly), "", d)
	}
	row("total", r.From.Format(time.DateOnly)+"/"+r.To.Format(time.DateOnly), r.Seller, r.Total)
	for _, st := range r.statuses() {
		row("status", string(st), statusNames[st], *r.Statuses[st])
	}
	for _, it := range r.topItems(topInCSV) {
		row("item", strconv.FormatInt(it.NumIid, 10), it.Title,
			tally{Trades: it.Trades, PaidTrades: it.Trades, Items: it.Items, Paid: it.Paid})
	}
	cw.Flush()
	return cw.Error()
}

// statusNames say what each state means, for the CSV.
var statusNames = map[taobao.TradeStatus]string{
	taobao.TradeStatusTradeNoCreatePay:      "no payment created",
	taobao.TradeStatusWaitBuyerPay:          "waiting for payment",
	taobao.TradeStatusSellerConsignedPart:   "paid, partly shipped",
	taobao.TradeStatusWaitSellerSendGoods:   "paid, waiting to be shipped",
	taobao.TradeStatusWaitBuyerConfirmGoods: "shipped",
	taobao.TradeStatusTradeBuyerSigned:      "signed for (cash on delivery)",
	taobao.TradeStatusTradeFinished:         "finished",
	taobao.TradeStatusTradeClosed:           "closed after a full refund",
	taobao.TradeStatusTradeClosedByTaobao:   "closed before payment",
	taobao.TradeStatusPayPending:            "card payment being confirmed",
	taobao.TradeStatusWaitPreAuthConfirm:    "pre-authorised contract",
	taobao.TradeStatusPaidForbidConsign:     "paid, shipping on hold",
}

// topOnScreen is how many items the table on standard output lists.
const topOnScreen = 5

// writeText writes the report as a short table for a terminal.
func (r *report) writeText(w io.Writer) {
	fmt.Fprintf(w, "\nsales%s, %s to %s (GMT+8)\n\n", r.of(), r.From.Format(time.DateOnly), r.To.Format(time.DateOnly))
	fmt.Fprintf(w, "%-10s  %6s  %6s  %6s  %12s\n", "day", "trades", "paid", "items", "paid (yuan)")
	for i, d := range r.Days {
		soFar := ""
		if r.Partial && i == len(r.Days)-1 {
			soFar = "  (so far)"
		}
		fmt.Fprintf(w, "%-10s  %6d  %6d  %6d  %12s%s\n", r.day(i).Format("01-02 Mon"), d.Trades, d.PaidTrades, d.Items, d.Paid, soFar)
	}
	t := r.Total
	fmt.Fprintf(w, "%-10s  %6d  %6d  %6d  %12s\n\n", "total", t.Trades, t.PaidTrades, t.Items, t.Paid)

	line := "by state:"
	for i, st := range r.statuses() {
		part := fmt.Sprintf(" %s %d", st, r.Statuses[st].Trades)
		if i > 0 {
			line += ","
		}
		if len(line)+len(part) > 78 {
			fmt.Fprintln(w, line)
			line = "         "
		}
		line += part
	}
	fmt.Fprintf(w, "%s\n\n", line)

	top := r.topItems(topOnScreen)
	if len(top) == 0 {
		return
	}
	fmt.Fprintf(w, "top items by paid amount\n%12s  %6s  %12s  %s\n", "num_iid", "items", "paid (yuan)", "title")
	for _, it := range top {
		fmt.Fprintf(w, "%12d  %6d  %12s  %s\n", it.NumIid, it.Items, it.Paid, clip(it.Title, 40))
	}
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
