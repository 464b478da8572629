package taobao

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
)

// maxTradesPerSecond bounds what a window can plausibly hold: a count above
// this many trades per second of window is taken as a broken answer, not
// read page by page.
const maxTradesPerSecond = 1000

// windowError is a window whose pages kept contradicting each other.
type windowError struct {
	from, to time.Time
	reason   string
}

// Retryable is true: the next poll reads the window again.
func (e *windowError) Retryable() bool { return true }

func (e *windowError) Error() string {
	return fmt.Sprintf("taobao: sync: the window %s - %s GMT+8 was not read: %s; it will be read again at the next poll",
		e.from.In(gmt8).Format(TimeLayout), e.to.In(gmt8).Format(TimeLayout), e.reason)
}

// windowRead is the state of one window being handed over.
type windowRead struct {
	s     *TradeSyncer
	ctx   context.Context // the handler's
	h     TradeHandler
	seen  map[int64]int64 // tid -> modified (ns) handed over in this window
	count int64           // trades handed over
}

// deliver hands over the trades of p that were not handed over in this
// window already, in the same version, and records every version in cur
// (the current reading). A trade met twice in one reading counts as a
// duplicate; one met again in a later reading does not.
func (w *windowRead) deliver(p *TradePage, cur map[int64]int64) error {
	for i := range p.Trades {
		t := &p.Trades[i]
		tid, mod := int64(t.Tid), t.Modified.UnixNano()
		if cur != nil {
			if m, ok := cur[tid]; ok && m == mod {
				w.s.dups.Add(1) // twice in one reading: shifted across pages
				continue
			}
			cur[tid] = mod
		}
		if prev, ok := w.seen[tid]; ok && prev == mod {
			if cur == nil {
				w.s.dups.Add(1)
			}
			continue // handed over in an earlier reading of the window
		}
		w.seen[tid] = mod
		if err := w.h(w.ctx, t); err != nil {
			return &stopError{fmt.Errorf("taobao: sync: handler failed on trade %d: %w", t.Tid, err)}
		}
		w.count++
		w.s.trades.Add(1)
	}
	return nil
}

// window hands over every trade in [ws, we] and returns how many it handed
// over. A window that holds more than SplitAt trades is split in two. Calls
// go out with callCtx (which counts them); the handler gets ctx.
//
// A window of one page is read in one call, which is a consistent view. A
// window of more pages is read from its last page to its first, then again,
// until a reading finds no version the previous one did not have: a trade
// leaving the window while it is read only pulls unread trades onto read
// pages (seen twice), but a change written late into the window pushes
// trades the other way, past the reader, and the next reading finds them.
// Pages that contradict their count make the window be read again.
func (s *TradeSyncer) window(ctx, callCtx context.Context, ws, we time.Time, h TradeHandler) (int64, error) {
	startCalls := s.calls.Load()
	w := &windowRead{s: s, ctx: ctx, h: h, seen: make(map[int64]int64)}
	size := int64(s.opts.PageSize)
	var prev map[int64]int64
	var first *TradePage
	reason := ""
	pass := 0
	for {
		pass++
		if pass > maxWindowPasses {
			return w.count, &windowError{ws, we, reason}
		}
		if pass > 1 {
			s.rereads.Add(1)
			s.logAt(ctx, slog.LevelDebug, "taobao sync: reading a window again", slog.String("reason", reason),
				slog.Time("from", ws), slog.Time("to", we))
		}
		if first == nil {
			p, err := s.page(callCtx, ws, we, 1, nil)
			if err != nil {
				return w.count, err
			}
			first = p
		}
		total := first.TotalResults
		if why := s.checkCount(first, total, ws, we); why != "" {
			// Its trades are handed over all the same: at least once is
			// fine; the count is what cannot be trusted.
			if err := w.deliver(first, nil); err != nil {
				return w.count, err
			}
			reason, first = why, nil
			continue
		}
		if total > int64(s.opts.SplitAt) && we.Sub(ws) >= 2*time.Second {
			s.splits.Add(1)
			mid := ws.Add(we.Sub(ws) / 2).Truncate(time.Second)
			s.logAt(ctx, slog.LevelDebug, "taobao sync: splitting a busy window", slog.Int64("trades", total),
				slog.Time("from", ws), slog.Time("to", we))
			n1, err := s.window(ctx, callCtx, ws, mid, h)
			if err != nil {
				return w.count + n1, err
			}
			n2, err := s.window(ctx, callCtx, mid, we, h)
			return w.count + n1 + n2, err
		}
		pages := (total + size - 1) / size
		if pages <= 1 {
			if err := w.deliver(first, nil); err != nil {
				return w.count, err
			}
			if int64(len(first.Trades)) != total {
				reason, first = fmt.Sprintf("the only page holds %d trades, its count says %d", len(first.Trades), total), nil
				continue
			}
			break
		}
		cur := make(map[int64]int64, total)
		var last *TradePage
		why := ""
		for n := pages; n >= 1; n-- {
			p, err := s.page(callCtx, ws, we, int(n), nil)
			if err != nil {
				return w.count, err
			}
			// Each page must agree with the count it came with: the count
			// may shrink while the pages are read (trades leave the
			// window), but a page short of page_size before the last, or
			// longer than the count allows, is a broken answer.
			want := min(size, max(p.TotalResults-(n-1)*size, 0))
			if why == "" && (int64(len(p.Trades)) != want || p.TotalResults < 0) {
				why = fmt.Sprintf("page %d holds %d trades, its count %d says %d", n, len(p.Trades), p.TotalResults, want)
			}
			if err := w.deliver(p, cur); err != nil {
				return w.count, err
			}
			last = p
		}
		first = last // the first page, read last, opens the next reading
		if why == "" && prev != nil && subset(cur, prev) {
			break
		}
		if why == "" {
			why = "a new version appeared since the last reading"
			if prev == nil {
				why = "a window of several pages is read twice"
			}
		}
		reason, prev = why, cur
	}
	s.windows.Add(1)
	if s.opts.OnWindow != nil {
		s.opts.OnWindow(ctx, WindowReport{From: ws, To: we, Trades: int(w.count), Calls: s.calls.Load() - startCalls, Passes: pass})
	}
	s.logAt(ctx, slog.LevelDebug, "taobao sync: window done", slog.Time("from", ws), slog.Time("to", we),
		slog.Int64("trades", w.count), slog.Int("passes", pass))
	return w.count, nil
}

// checkCount returns why the first page's count cannot be trusted, or "".
func (s *TradeSyncer) checkCount(first *TradePage, total int64, ws, we time.Time) string {
	secs := max(int64(we.Sub(ws)/time.Second), 1)
	switch {
	case total < 0:
		return fmt.Sprintf("the count is negative (%d)", total)
	case total == 0 && len(first.Trades) > 0:
		return fmt.Sprintf("the first page holds %d trades but no count", len(first.Trades))
	case total > secs*maxTradesPerSecond:
		return fmt.Sprintf("the count %d is more than a window of %ds can hold", total, secs)
	case len(first.Trades) > s.opts.PageSize:
		return fmt.Sprintf("the first page holds %d trades, more than the page size %d", len(first.Trades), s.opts.PageSize)
	}
	return ""
}

// subset reports whether every version in a is in b.
func subset(a, b map[int64]int64) bool {
	for tid, mod := range a {
		if m, ok := b[tid]; !ok || m != mod {
			return false
		}
	}
	return true
}

// page reads page n of the window with the syncer's fields, or with fields
// when not nil.
func (s *TradeSyncer) page(ctx context.Context, ws, we time.Time, n int, fields []string) (*TradePage, error) {
	if fields == nil {
		fields = s.opts.Fields
	}
	list := ListOptions{PageNo: n, PageSize: s.opts.PageSize}
	var p *TradePage
	var err error
	if s.opts.By == SyncByStoreTime {
		p, err = s.client.Trades.ListSoldIncrementV(ctx, &IncrementVListOptions{
			Fields: fields, StartCreate: Time{ws}, EndCreate: Time{we},
			Status: s.opts.Status, Type: s.types, ListOptions: list,
		})
	} else {
		p, err = s.client.Trades.ListSoldIncrement(ctx, &IncrementListOptions{
			Fields: fields, StartModified: Time{ws}, EndModified: Time{we},
			Status: s.opts.Status, Type: s.types, BuyerNick: s.opts.BuyerNick, ListOptions: list,
		})
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	s.pages.Add(1)
	return p, nil
}

// narrow handles a window that failed to decode at several polls in a row:
// it halves the window until the halves that decode are handed over, and
// for the seconds that still do not, lists their trades by id alone and
// reads each through taobao.trade.fullinfo.get. A trade that cannot be read
// that way either goes to OnUnreadable.
func (s *TradeSyncer) narrow(ctx, callCtx context.Context, ws, we time.Time, h TradeHandler) (int64, error) {
	n, err := s.window(ctx, callCtx, ws, we, h)
	var dec *DecodeError
	if err == nil || !errors.As(err, &dec) {
		return n, err
	}
	if we.Sub(ws) >= 2*time.Second {
		mid := ws.Add(we.Sub(ws) / 2).Truncate(time.Second)
		n1, err := s.narrow(ctx, callCtx, ws, mid, h)
		if err != nil {
			return n + n1, err
		}
		n2, err := s.narrow(ctx, callCtx, mid, we, h)
		return n + n1 + n2, err
	}
	return s.oneByOne(ctx, callCtx, ws, we, h)
}

// idFields are the fields of a listing that only names the trades.
var idFields = []string{"tid", "modified"}

// oneByOne hands over the trades of a small window one call each.
func (s *TradeSyncer) oneByOne(ctx, callCtx context.Context, ws, we time.Time, h TradeHandler) (int64, error) {
	w := &windowRead{s: s, ctx: ctx, h: h, seen: make(map[int64]int64)}
	first, err := s.page(callCtx, ws, we, 1, idFields)
	if err != nil {
		return 0, err
	}
	size := int64(s.opts.PageSize)
	pages := max((first.TotalResults+size-1)/size, 1)
	var ids []int64
	for n := pages; n >= 1; n-- {
		p := first
		if n > 1 {
			if p, err = s.page(callCtx, ws, we, int(n), idFields); err != nil {
				return 0, err
			}
		}
		for i := range p.Trades {
			ids = append(ids, int64(p.Trades[i].Tid))
		}
	}
	for _, tid := range ids {
		if _, done := w.seen[tid]; done {
			continue
		}
		t, err := s.client.Trades.FullInfo(callCtx, tid, &TradeGetOptions{Fields: fullInfoSubset(s.opts.Fields)})
		if err != nil {
			if ctx.Err() != nil {
				return w.count, ctx.Err()
			}
			var dec *DecodeError
			if !errors.As(err, &dec) {
				return w.count, err // a passing failure: the next poll tries again
			}
			if err := s.reportUnreadable(ctx, tid, err); err != nil {
				return w.count, err
			}
			w.seen[tid] = 0
			continue
		}
		if err := w.deliver(&TradePage{Trades: []Trade{*t}}, nil); err != nil {
			return w.count, err
		}
	}
	s.windows.Add(1)
	return w.count, nil
}

// reportUnreadable reports a trade that cannot be read to OnUnreadable, or logs
// it and stops.
func (s *TradeSyncer) reportUnreadable(ctx context.Context, tid int64, err error) error {
	s.unreadable.Add(1)
	if f := s.opts.OnUnreadable; f != nil {
		if ferr := f(ctx, tid, err); ferr != nil {
			return &stopError{fmt.Errorf("taobao: sync: trade %d cannot be read: %w", tid, ferr)}
		}
		return nil
	}
	s.logAt(ctx, slog.LevelError, "taobao sync: a trade cannot be read; set SyncOptions.OnUnreadable to skip it",
		slog.Int64("tid", tid), slog.String("error", err.Error()))
	return &stopError{fmt.Errorf("taobao: sync: trade %d cannot be read (set SyncOptions.OnUnreadable to skip it): %w", tid, err)}
}

// fullInfoSubset keeps the names of fields that taobao.trade.fullinfo.get
// documents: the list APIs have a few it does not (has_buyer_message).
func fullInfoSubset(fields []string) []string {
	known := tradeFullFields()
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if top, _, _ := strings.Cut(f, "."); slices.Contains(known, top) {
			out = append(out, f)
		}
	}
	return out
}

// refundWindowRead is the state of one refund window being handed over.
type refundWindowRead struct {
	s     *RefundSyncer
	ctx   context.Context // the handler's
	h     RefundHandler
	seen  map[int64]bool // the refunds this window's answers named
	count int64
}

// version is what tells two states of a refund apart: its refund_version,
// or its modified time when the answer left the version out.
func refundVersion(r *Refund) int64 {
	if r.RefundVersion != 0 {
		return r.RefundVersion
	}
	return r.Modified.UnixNano()
}

// deliver hands over the refunds of p not handed over in this poll
// already, in the same version: windows share their edge second, and
// bisected halves their middle one.
func (w *refundWindowRead) deliver(p *RefundPage) error {
	for i := range p.Refunds {
		r := &p.Refunds[i]
		v := refundVersion(r)
		w.seen[r.RefundID] = true
		if prev, ok := w.s.delivered[r.RefundID]; ok && prev == v {
			w.s.dups.Add(1)
			continue
		}
		w.s.delivered[r.RefundID] = v
		if err := w.h(w.ctx, r); err != nil {
			return &stopError{fmt.Errorf("taobao: refund sync: handler failed on refund %d: %w", r.RefundID, err)}
		}
		w.count++
		w.s.refunds.Add(1)
	}
	return nil
}

// checkRefundCount returns why a page's count cannot be trusted, or "".
func (s *RefundSyncer) checkRefundCount(p *RefundPage, ws, we time.Time) string {
	secs := max(int64(we.Sub(ws)/time.Second), 1)
	switch total := p.TotalResults; {
	case total < 0:
		return fmt.Sprintf("the count is negative (%d)", total)
	case total == 0 && len(p.Refunds) > 0:
		return fmt.Sprintf("the first page holds %d refunds but no count", len(p.Refunds))
	case total > secs*maxTradesPerSecond:
		return fmt.Sprintf("the count %d is more than a window of %ds can hold", total, secs)
	case len(p.Refunds) > s.opts.PageSize:
		return fmt.Sprintf("the page holds %d refunds, more than the page size %d", len(p.Refunds), s.opts.PageSize)
	case total <= int64(s.opts.PageSize) && int64(len(p.Refunds)) != total:
		return fmt.Sprintf("the only page holds %d refunds, its count says %d", len(p.Refunds), total)
	}
	return ""
}

// window hands over every refund in [ws, we] and returns how many it
// handed over, and whether it was bisected. A window whose count fits in a
// page is read in that one call. One that holds more is bisected while it
// is two seconds or wider. A window of a second that holds more than a
// page is read whole, page after page in no trusted order, as often as it
// takes for every refund its count names to have been seen, then its count
// is read again: while that count differs, or new versions appeared, the
// window is read once more.
func (s *RefundSyncer) window(ctx, callCtx context.Context, ws, we time.Time, h RefundHandler) (int64, bool, error) {
	startCalls := s.calls.Load()
	w := &refundWindowRead{s: s, ctx: ctx, h: h, seen: make(map[int64]bool)}
	size := int64(s.opts.PageSize)
	reason := ""
	pass := 0
	for {
		pass++
		if pass > maxRefundPasses {
			return w.count, false, &windowError{ws, we, reason}
		}
		if pass > 1 {
			s.rereads.Add(1)
			s.clock.logAt(ctx, slog.LevelDebug, "taobao refund sync: reading a window again", slog.String("reason", reason),
				slog.Time("from", ws), slog.Time("to", we))
		}
		first, err := s.page(callCtx, ws, we, 1)
		if err != nil {
			return w.count, false, err
		}
		if why := s.checkRefundCount(first, ws, we); why != "" {
			// At least once is fine: the refunds go out, the count is
			// what cannot be trusted.
			if err := w.deliver(first); err != nil {
				return w.count, false, err
			}
			reason = why
			continue
		}
		total := first.TotalResults
		if total > size && we.Sub(ws) >= 2*time.Second {
			s.splits.Add(1)
			mid := ws.Add(we.Sub(ws) / 2).Truncate(time.Second)
			s.clock.logAt(ctx, slog.LevelDebug, "taobao refund sync: bisecting a busy window", slog.Int64("refunds", total),
				slog.Time("from", ws), slog.Time("to", we))
			n1, _, err := s.window(ctx, callCtx, ws, mid, h)
			if err != nil {
				return w.count + n1, true, err
			}
			n2, _, err := s.window(ctx, callCtx, mid, we, h)
			return w.count + n1 + n2, true, err
		}
		if err := w.deliver(first); err != nil {
			return w.count, false, err
		}
		if total <= size {
			break // one answer: one view
		}
		// A second that holds more than a page: read every page, then the
		// count again.
		pages := (total + size - 1) / size
		why := ""
		for n := int64(2); n <= pages; n++ {
			p, err := s.page(callCtx, ws, we, int(n))
			if err != nil {
				return w.count, false, err
			}
			want := min(size, max(p.TotalResults-(n-1)*size, 0))
			if why == "" && (int64(len(p.Refunds)) != want || p.TotalResults != total) {
				why = fmt.Sprintf("page %d holds %d refunds, its count %d says %d", n, len(p.Refunds), p.TotalResults, want)
			}
			if err := w.deliver(p); err != nil {
				return w.count, false, err
			}
		}
		if why == "" && int64(len(w.seen)) < total {
			why = fmt.Sprintf("%d of the %d refunds were seen", len(w.seen), total)
		}
		if why == "" {
			again, err := s.page(callCtx, ws, we, 1)
			if err != nil {
				return w.count, false, err
			}
			n0 := w.count
			if err := w.deliver(again); err != nil {
				return w.count, false, err
			}
			switch {
			case again.TotalResults != total:
				why = fmt.Sprintf("the count changed from %d to %d while the window was read", total, again.TotalResults)
			case w.count > n0:
				why = "a new version appeared while the window was read"
			}
		}
		if why == "" {
			break
		}
		reason = why
	}
	s.windows.Add(1)
	if s.opts.OnWindow != nil {
		s.opts.OnWindow(ctx, RefundWindowReport{From: ws, To: we, Refunds: int(w.count), Calls: s.calls.Load() - startCalls, Passes: pass})
	}
	s.clock.logAt(ctx, slog.LevelDebug, "taobao refund sync: window done", slog.Time("from", ws), slog.Time("to", we),
		slog.Int64("refunds", w.count), slog.Int("passes", pass))
	return w.count, false, nil
}

// page reads page n of the refund window.
func (s *RefundSyncer) page(ctx context.Context, ws, we time.Time, n int) (*RefundPage, error) {
	p, err := s.client.Refunds.ListReceived(ctx, &RefundListOptions{
		Fields: s.opts.Fields, Status: s.opts.Status, Type: s.types,
		StartModified: Time{ws}, EndModified: Time{we},
		ListOptions: ListOptions{PageNo: n, PageSize: s.opts.PageSize},
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	s.pages.Add(1)
	return p, nil
}
