// Command aftersales is the after-sales side of an order system: it lists
// the refunds waiting for the seller, syncs refunds into a local store
// beside the trades (a RefundSyncer beside a TradeSyncer, each with its own
// checkpoint), and stamps a memo on each synced trade, as ERPs mark the
// trades they downloaded.
//
// With no TAOBAO_* variables set it runs against the built-in fake gateway
// (whose refund list answers in a random order, which the syncer does not
// mind). Against Taobao set TAOBAO_APP_KEY, TAOBAO_APP_SECRET and
// TAOBAO_SESSION (and TAOBAO_BASE_URL for another gateway):
//
//	go run ./examples/aftersales -store /var/lib/aftersales/store.json -since 72h
//
// The memo goes out through the generic Client.Call as
// taobao.trade.memo.update (tid, memo): a gateway that does not serve that
// method gets the step skipped with a note.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Getenv)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "aftersales:", err)
		os.Exit(1)
	}
}

// run is the program; its output goes to w.
func run(ctx context.Context, args []string, w io.Writer, env func(string) string) error {
	fs := flag.NewFlagSet("aftersales", flag.ContinueOnError)
	fs.SetOutput(w)
	storePath := fs.String("store", filepath.Join(os.TempDir(), "taobao-aftersales", "store.json"), "the local store (JSON); checkpoints are kept beside it")
	since := fs.Duration("since", 30*24*time.Hour, "how far back a first run starts")
	memo := fs.String("memo", "#aftersales-synced#", "the memo stamped on each synced trade (at most 1000 bytes); empty: no memo")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *since <= 0 {
		return fmt.Errorf("-since %s: must be positive", *since)
	}
	if len(*memo) > 1000 {
		return fmt.Errorf("-memo: %d bytes, at most 1000 allowed", len(*memo))
	}

	conn, err := taobaotest.Connect(env, w, taobaotest.WithShuffledRefunds())
	if err != nil {
		return err
	}
	defer conn.Close()
	c := conn.Client

	// 1. The refunds waiting for the seller: to agree or refuse, and
	// returned goods to confirm.
	fmt.Fprintln(w, "\nrefunds waiting for the seller (taobao.refunds.receive.get):")
	waiting := 0
	for _, status := range []taobao.RefundStatus{taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusWaitSellerConfirmGoods} {
		opts := &taobao.RefundListOptions{
			Fields: []string{"refund_id", "tid", "oid", "status", "refund_fee", "reason", "title", "modified", "has_good_return"},
			Status: status,
			Type:   taobao.AllTradeTypes(), // the gateway's default leaves cod, step... out
		}
		for r, err := range c.Refunds.ListReceivedIter(ctx, opts) {
			if err != nil {
				return fmt.Errorf("listing the refunds in %s: %w", status, err)
			}
			waiting++
			fmt.Fprintf(w, "  refund %d  trade %d  %-25s %9s  %s (%s)\n", r.RefundID, r.Tid, r.Status, r.RefundFee, r.Title, r.Reason)
		}
	}
	fmt.Fprintf(w, "  %d waiting\n", waiting)

	// 2. Sync trades and refunds into the store, each from its checkpoint.
	st, err := openStore(*storePath)
	if err != nil {
		return err
	}
	start := time.Now().Add(-*since)
	dir := filepath.Dir(*storePath)
	var synced []int64
	trades := taobao.NewTradeSyncer(c, taobao.NewFileCheckpoint(filepath.Join(dir, "trades.checkpoint")), &taobao.SyncOptions{Since: start})
	if _, err := trades.SyncOnce(ctx, func(_ context.Context, t *taobao.Trade) error {
		if st.putTrade(t) {
			synced = append(synced, t.Tid)
		}
		return nil
	}); err != nil {
		return fmt.Errorf("syncing trades: %w", err)
	}
	refunds := taobao.NewRefundSyncer(c, taobao.NewFileCheckpoint(filepath.Join(dir, "refunds.checkpoint")), &taobao.RefundSyncOptions{Since: start})
	changed := 0
	if _, err := refunds.SyncOnce(ctx, func(_ context.Context, r *taobao.Refund) error {
		if st.putRefund(r) {
			changed++
		}
		return nil
	}); err != nil {
		return fmt.Errorf("syncing refunds: %w", err)
	}
	if err := st.save(); err != nil {
		return err
	}
	ts, rs := trades.Stats(), refunds.Stats()
	fmt.Fprintf(w, "\nsynced into %s: %d trades changed (%d list calls), %d refunds changed (%d list calls, %d windows bisected); the store holds %d trades and %d refunds\n",
		*storePath, len(synced), ts.Calls, changed, rs.Calls, rs.Splits, len(st.Trades), len(st.Refunds))
	byStatus := map[taobao.RefundStatus]int{}
	for _, r := range st.Refunds {
		byStatus[r.Status]++
	}
	for _, s := range taobao.RefundStatusValues() {
		if byStatus[s] > 0 {
			fmt.Fprintf(w, "  %-26s %d\n", s, byStatus[s])
		}
	}

	// 3. A memo on each trade synced by this run.
	if *memo == "" || len(synced) == 0 {
		return nil
	}
	slices.Sort(synced)
	synced = slices.Compact(synced)
	stamped := 0
	for _, tid := range synced {
		var out struct {
			Trade struct {
				Tid      int64       `json:"tid"`
				Modified taobao.Time `json:"modified"`
			} `json:"trade"`
		}
		err := c.Call(ctx, "taobao.trade.memo.update", url.Values{"tid": {strconv.FormatInt(tid, 10)}, "memo": {*memo}}, &out)
		var apiErr *taobao.APIError
		if errors.As(err, &apiErr) && apiErr.Code == 22 {
			fmt.Fprintf(w, "\nmemo: the gateway does not serve taobao.trade.memo.update (%s); no memo stamped\n", apiErr.Msg)
			return nil
		}
		if err != nil {
			return fmt.Errorf("stamping the memo on trade %d: %w", tid, err)
		}
		stamped++
	}
	fmt.Fprintf(w, "\nmemo %q stamped on %d trades (taobao.trade.memo.update)\n", *memo, stamped)
	return nil
}

// store is the local copy: trades and refunds by id, each kept in its
// newest version (a version guard, since syncs deliver at least once).
type store struct {
	path    string
	Trades  map[int64]storedTrade   `json:"trades"`
	Refunds map[int64]taobao.Refund `json:"refunds"`
}

// storedTrade is what the store keeps of a trade.
type storedTrade struct {
	Status   taobao.TradeStatus `json:"status"`
	Modified taobao.Time        `json:"modified"`
	Payment  taobao.Money       `json:"payment"`
}

func openStore(path string) (*store, error) {
	s := &store{path: path, Trades: map[int64]storedTrade{}, Refunds: map[int64]taobao.Refund{}}
	b, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return s, os.MkdirAll(filepath.Dir(path), 0o755)
	case err != nil:
		return nil, err
	}
	if err := json.Unmarshal(b, s); err != nil {
		return nil, fmt.Errorf("reading the store %s: %w", path, err)
	}
	return s, nil
}

// putTrade keeps t unless the store has a newer version; it reports
// whether the store changed.
func (s *store) putTrade(t *taobao.Trade) bool {
	if old, ok := s.Trades[t.Tid]; ok && !t.Modified.After(old.Modified.Time) {
		return false
	}
	s.Trades[t.Tid] = storedTrade{Status: t.Status, Modified: t.Modified, Payment: t.Payment}
	return true
}

// putRefund keeps r unless the store has a newer version (by
// refund_version); it reports whether the store changed.
func (s *store) putRefund(r *taobao.Refund) bool {
	if old, ok := s.Refunds[r.RefundID]; ok && r.RefundVersion <= old.RefundVersion {
		return false
	}
	s.Refunds[r.RefundID] = *r
	return true
}

// save writes the store atomically: a temporary file, then a rename.
func (s *store) save() error {
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	tmp := s.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path)
}
