package taobao

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"
)

// Sync defaults.
const (
	DefaultSyncWindow       = 30 * time.Minute
	DefaultSyncLag          = 15 * time.Second
	DefaultSyncPollInterval = time.Minute
	DefaultSyncPageSize     = 100
	DefaultSyncLookback     = 3 * 24 * time.Hour
	DefaultSyncSplitAt      = 2000
	// DefaultSyncPoisonPolls is how many polls in a row a window may fail
	// to decode before the syncer looks for the trades it cannot read.
	DefaultSyncPoisonPolls = 3
	// SyncHistory is how far back the gateway keeps trades for the
	// increment API: about three months.
	SyncHistory = 90 * 24 * time.Hour
)

// maxWindowPasses bounds how often one window is read in one poll before
// the poll gives up on it (it is read again at the next poll).
const maxWindowPasses = 4

// SyncMode says which time a TradeSyncer windows by.
type SyncMode int

const (
	// SyncByModified windows by the trades' modified time through
	// taobao.trades.sold.increment.get. A change can become visible to
	// that API some time after its modified stamp (late indexing): keep
	// Lag above the longest such delay. It costs the fewest calls.
	SyncByModified SyncMode = iota
	// SyncByStoreTime windows by the time a change was written to the
	// seller's store (Trade.AsyncModified) through
	// taobao.trades.sold.incrementv.get. A late-indexed change gets a late
	// store time and so lands in a later window: nothing is missed whatever
	// the delay, for the same number of calls.
	SyncByStoreTime
)

// String names the mode.
func (m SyncMode) String() string {
	switch m {
	case SyncByModified:
		return "modified"
	case SyncByStoreTime:
		return "store time"
	}
	return fmt.Sprintf("SyncMode(%d)", int(m))
}

// TradeHandler receives each changed trade. An error stops the sync without
// advancing the checkpoint past the trade's window. Handlers must be
// idempotent and keep the newest version: a trade can be handed over more
// than once, and after a restart an older version can follow a newer one.
type TradeHandler func(ctx context.Context, t *Trade) error

// SyncOptions configure a TradeSyncer. The zero value is usable.
type SyncOptions struct {
	// Fields are the trade fields to fetch; empty means TradeIncrementFields.
	Fields []string
	// Status filters the trades by state, as in IncrementListOptions.
	Status TradeStatus
	// Type filters the trades by type. Empty means every documented type
	// (TradeTypeValues): the gateway itself, asked without a type, returns
	// only guarantee_trade, auto_delivery, ec, cod and step trades. To
	// follow fewer types, list them.
	Type []TradeType
	// BuyerNick follows one buyer's trades only.
	BuyerNick string
	// By is the time the windows follow (default SyncByModified).
	By SyncMode
	// Window is the width of the first window (default 30 min, at most one
	// day). A window that fits in half a page doubles the next one, up to a
	// day; a busy one halves it.
	Window time.Duration
	// Lag keeps the upper edge this far behind the gateway's clock
	// (default 15 s), so that changes indexed late still fall in a later
	// window. With SyncByModified, set it above the longest indexing delay.
	Lag time.Duration
	// PollInterval is how long Run waits between catch-ups (default 1 min).
	PollInterval time.Duration
	// PageSize is the page size, 1-100 (default 100).
	PageSize int
	// Since is where a first run without a checkpoint starts (default:
	// now minus 3 days).
	Since time.Time
	// SplitAt is how many trades a window may hold before it is split in two
	// (default 2000); windows of a second are never split.
	SplitAt int
	// PoisonPolls is how many polls in a row a window may fail to decode
	// before the syncer narrows it down to the trades it cannot read
	// (default DefaultSyncPoisonPolls).
	PoisonPolls int
	// OnUnreadable is called for a trade that could be read neither in its
	// page nor alone through taobao.trade.fullinfo.get. Returning nil skips
	// the trade (the checkpoint moves past it); an error stops the sync.
	// Nil logs the trade at error level and stops, so that nothing is
	// skipped unless the caller opts in.
	OnUnreadable func(ctx context.Context, tid int64, err error) error
	// OnWindow, if set, is called after each window is handled, for
	// progress reports.
	OnWindow func(ctx context.Context, w WindowReport)
}

// WindowReport describes one handled window.
type WindowReport struct {
	From, To time.Time // the window, by modified or store time
	Trades   int       // trades handed to the handler (duplicates dropped)
	Calls    int64     // list calls the window took, retries included
	Passes   int       // times the window was read
}

// SyncStats counts what a TradeSyncer did.
type SyncStats struct {
	Windows     int64 // windows completed (after splitting)
	Splits      int64 // windows split because they held too many trades
	Pages       int64 // pages read
	Calls       int64 // calls made for the sync (list, clock and fallback calls), retries included
	Retries     int64 // calls retried by the client
	FailedCalls int64 // attempts that failed, whether retried or not
	ClockProbes int64 // reads of the gateway's clock
	Rereads     int64 // windows read again because their pages contradicted each other or changed
	FailedPolls int64 // catch-ups that ended with an error
	Trades      int64 // trades handed to the handler
	Duplicates  int64 // trades seen twice in one window and dropped
	Unreadable  int64 // trades handed to OnUnreadable
	Dropped     int64 // values of answers dropped or converted by the decoder (see TradePage.Dropped)
}

// TradeSyncer keeps a copy of a seller's trades in step through the
// increment APIs: every change of every trade reaches the handler at least
// once.
//
// Windows are read oldest first; within a window, pages are read from the
// last to the first. The gateway sorts newest first, so a trade that
// changes while the pages are read leaves the window and only shifts
// unread trades onto pages already read: they are seen twice, never missed
// (the changed trade falls in a later window). A window of more than one
// page is read twice, and again while the two readings differ, so that a
// change written late into it cannot push an unchanged trade past the
// reader. Pages that contradict their count are read again, never
// trusted.
type TradeSyncer struct {
	client *Client
	cp     Checkpoint
	opts   SyncOptions
	types  []TradeType
	err    error
	now    func() time.Time // the host clock; replaced in tests

	skew      time.Duration // the gateway's clock minus ours, when measured
	skewAt    time.Time     // when skew was measured (zero: never)
	base      time.Time     // the monotonic origin of lastMono
	polled    bool          // lastWall and lastMono hold the last poll's readings
	lastWall  time.Time     // the host's wall clock at the last poll
	lastMono  time.Duration // its monotonic clock then
	width     time.Duration // the next window's width
	poisonAt  time.Time     // the window start that failed to decode
	poisonCnt int           // polls in a row it did

	calls, retries, failed, probes, pages, windows, splits, trades, dups, rereads, polls, unreadable, dropped atomic.Int64
}

// checkPacing checks what the trade and refund syncers' options share.
func checkPacing(c *Client, cp Checkpoint, window, lag, poll time.Duration, pageSize int) error {
	switch {
	case c == nil:
		return invalidArg("", "client", "must not be nil")
	case cp == nil:
		return invalidArg("", "checkpoint", "must not be nil")
	case window < 0 || window > MaxIncrementWindow:
		return invalidArg("", "Window", "%s is outside (0, 24h]", window)
	case lag < 0:
		return invalidArg("", "Lag", "%s is negative", lag)
	case poll < 0:
		return invalidArg("", "PollInterval", "%s is negative", poll)
	case pageSize < 0 || pageSize > MaxPageSize:
		return invalidArg("", "PageSize", "%d is outside 1..%d", pageSize, MaxPageSize)
	}
	return nil
}

// defaultPacing puts the defaults in place of the zero values the trade
// and refund syncers' options share.
func defaultPacing(window, lag, poll *time.Duration, pageSize *int) {
	if *window == 0 {
		*window = DefaultSyncWindow
	}
	if *lag == 0 {
		*lag = DefaultSyncLag
	}
	if *poll == 0 {
		*poll = DefaultSyncPollInterval
	}
	if *pageSize == 0 {
		*pageSize = DefaultSyncPageSize
	}
}

// NewTradeSyncer returns a syncer that reads through c and records progress
// in cp. Invalid options are reported by SyncOnce and Run.
func NewTradeSyncer(c *Client, cp Checkpoint, opts *SyncOptions) *TradeSyncer {
	s := &TradeSyncer{client: c, cp: cp, now: time.Now, base: time.Now()}
	if opts != nil {
		s.opts = *opts
		s.opts.Type = append([]TradeType(nil), opts.Type...)
		s.opts.Fields = append([]string(nil), opts.Fields...)
	}
	o := &s.opts
	s.err = checkPacing(c, cp, o.Window, o.Lag, o.PollInterval, o.PageSize)
	switch {
	case s.err != nil: // the shared options are wrong already
	case o.SplitAt < 0:
		s.err = invalidArg("", "SplitAt", "%d is negative", o.SplitAt)
	case o.PoisonPolls < 0:
		s.err = invalidArg("", "PoisonPolls", "%d is negative", o.PoisonPolls)
	case o.By != SyncByModified && o.By != SyncByStoreTime:
		s.err = invalidArg("", "By", "unknown mode %d", int(o.By))
	}
	defaultPacing(&o.Window, &o.Lag, &o.PollInterval, &o.PageSize)
	if o.SplitAt == 0 {
		o.SplitAt = DefaultSyncSplitAt
	}
	if o.PoisonPolls == 0 {
		o.PoisonPolls = DefaultSyncPoisonPolls
	}
	if len(o.Fields) == 0 {
		o.Fields = tradeIncrementFields()
	}
	types := o.Type
	if len(types) == 0 {
		types = syncTypes()
	}
	s.types = slices.Clone(types)
	if s.err == nil {
		s.err = validateFields(s.method(), o.Fields, 0)
	}
	s.width = o.Window
	return s
}

// syncTypes is every documented trade type that the type filter accepts:
// guarantee_trade stands for fixed and auction, which the filter does not
// take on their own.
func syncTypes() []TradeType {
	var out []TradeType
	for _, t := range TradeTypeValues() {
		if t != TradeTypeFixed && t != TradeTypeAuction {
			out = append(out, t)
		}
	}
	return out
}

// method is the list API the syncer reads.
func (s *TradeSyncer) method() string {
	if s.opts.By == SyncByStoreTime {
		return MethodTradesSoldIncrementV
	}
	return MethodTradesSoldIncrement
}

// Stats returns what the syncer has done so far.
func (s *TradeSyncer) Stats() SyncStats {
	return SyncStats{
		Windows: s.windows.Load(), Splits: s.splits.Load(), Pages: s.pages.Load(),
		Calls: s.calls.Load(), Retries: s.retries.Load(), FailedCalls: s.failed.Load(),
		ClockProbes: s.probes.Load(), Rereads: s.rereads.Load(), FailedPolls: s.polls.Load(),
		Trades: s.trades.Load(), Duplicates: s.dups.Load(), Unreadable: s.unreadable.Load(),
		Dropped: s.dropped.Load(),
	}
}

// SyncOnce catches up from the checkpoint to the gateway's clock minus the
// lag, saving the checkpoint after each window, and returns the checkpoint
// reached. On an error it returns the last checkpoint saved with the error.
func (s *TradeSyncer) SyncOnce(ctx context.Context, h TradeHandler) (time.Time, error) {
	t, err := s.syncOnce(ctx, h)
	if err != nil && ctx.Err() == nil {
		s.polls.Add(1)
	}
	return t, err
}

func (s *TradeSyncer) syncOnce(ctx context.Context, h TradeHandler) (time.Time, error) {
	if s.err != nil {
		return time.Time{}, s.err
	}
	if h == nil {
		return time.Time{}, invalidArg("", "handler", "must not be nil")
	}
	start, ok, err := s.cp.Load(ctx)
	if err != nil {
		return time.Time{}, &stopError{fmt.Errorf("taobao: sync: loading the checkpoint: %w", err)}
	}
	if !ok && !s.opts.Since.IsZero() && s.opts.Since.Before(s.now().Add(-SyncHistory)) {
		return start, tooOld(s.opts.Since, s.now())
	}
	callCtx := withAttemptCounter(ctx, &attemptCounter{calls: &s.calls, retries: &s.retries, failed: &s.failed, dropped: &s.dropped})
	now, err := s.gatewayNow(callCtx)
	if err != nil {
		return start, err
	}
	if !ok {
		start = s.opts.Since
		if start.IsZero() {
			start = now.Add(-DefaultSyncLookback)
		}
	}
	start = start.Truncate(time.Second)
	end := now.Add(-s.opts.Lag).Truncate(time.Second)
	if ok && start.After(now.Add(time.Minute)) {
		return start, &stopError{fmt.Errorf("taobao: sync: the checkpoint %s GMT+8 is ahead of the gateway's clock %s GMT+8; nothing after it could be synced: fix or remove the checkpoint",
			start.In(gmt8).Format(TimeLayout), now.In(gmt8).Format(TimeLayout))}
	}
	if start.Before(now.Add(-SyncHistory)) {
		return start, tooOld(start, now)
	}
	for start.Before(end) {
		we := start.Add(min(s.width, MaxIncrementWindow))
		if we.After(end) {
			we = end
		}
		var n int64
		var err error
		if s.poisonCnt >= s.opts.PoisonPolls && s.poisonAt.Equal(start) {
			n, err = s.narrow(ctx, callCtx, start, we, h)
		} else {
			n, err = s.window(ctx, callCtx, start, we, h)
		}
		if err != nil {
			s.notePoison(start, err)
			return start, err
		}
		s.poisonCnt = 0
		if err := s.cp.Save(ctx, we); err != nil {
			return start, &stopError{fmt.Errorf("taobao: sync: saving the checkpoint: %w", err)}
		}
		s.adapt(we.Sub(start), n)
		start = we
	}
	return start, nil
}

// tooOld is the error for a start beyond the gateway's history.
func tooOld(start, now time.Time) error {
	return fmt.Errorf("%w: sync: the checkpoint %s is older than the gateway's three months of history; changes before %s cannot be read incrementally: list the trades with ListSoldIter and restart from a new checkpoint",
		ErrInvalidArgument, start.In(gmt8).Format(TimeLayout), now.Add(-SyncHistory).In(gmt8).Format(TimeLayout))
}

// adapt sets the next window's width from the last one. A window that fit
// in half a page cost one call whatever its width: the next is twice as
// wide, up to a day. A window that held more than half of SplitAt halves
// it.
func (s *TradeSyncer) adapt(width time.Duration, n int64) {
	switch {
	case n < int64(s.opts.PageSize)/2:
		s.width = min(max(s.width, width)*2, MaxIncrementWindow)
	case n > int64(s.opts.SplitAt)/2:
		s.width = max(width/2, time.Minute)
	}
}

// notePoison counts the polls in a row that failed to decode the window
// starting at ws.
func (s *TradeSyncer) notePoison(ws time.Time, err error) {
	var dec *DecodeError
	if !errors.As(err, &dec) {
		s.poisonCnt = 0
		return
	}
	if !s.poisonAt.Equal(ws) {
		s.poisonAt, s.poisonCnt = ws, 0
	}
	s.poisonCnt++
}

// Run polls until ctx ends: it catches up, waits PollInterval, and again.
// A handler error, a checkpoint error, or an error no later poll can cure
// (an invalid session, a missing permission, a rejected signature or
// argument, an unreadable trade not skipped by OnUnreadable) ends Run and
// is returned. Other failures (outages, bans, overload, pages that do not
// decode) are logged at warn level and tried again at the next poll; a
// window that keeps failing to decode is narrowed down to the trades it
// cannot read (see OnUnreadable). When ctx ends, Run returns ctx.Err().
func (s *TradeSyncer) Run(ctx context.Context, h TradeHandler) error {
	return s.RunPaced(ctx, h, func(ctx context.Context) error { return sleep(ctx, s.opts.PollInterval) })
}

// RunPaced is Run with the wait between two catch-ups decided by the
// caller instead of PollInterval: wait blocks until the next catch-up is
// due, and its error ends RunPaced. A pipeline that also listens to the
// message channel uses it to poll slowly while the channel is healthy and
// at once when it is not.
func (s *TradeSyncer) RunPaced(ctx context.Context, h TradeHandler, wait func(ctx context.Context) error) error {
	if wait == nil {
		return invalidArg("", "wait", "must not be nil")
	}
	for {
		_, err := s.SyncOnce(ctx, h)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if fatalSyncError(err) {
				return err
			}
			s.logAt(ctx, slog.LevelWarn, "taobao sync: poll failed, will retry at the next poll",
				slog.String("class", errorClass(err)), slog.String("error", err.Error()))
		}
		if err := wait(ctx); err != nil {
			return err
		}
	}
}

// stopError marks a failure that ends Run: the caller's side (handler,
// checkpoint) or a state no later poll can cure.
type stopError struct{ err error }

func (e *stopError) Error() string { return "taobao: " + detail("", e.err) } // "taobao:" once
func (e *stopError) Unwrap() error { return e.err }

// fatalSyncError reports whether Run must stop on err.
func fatalSyncError(err error) bool {
	var stop *stopError
	switch {
	case errors.As(err, &stop):
		return true
	case errors.Is(err, ErrInvalidSession), errors.Is(err, ErrPermissionDenied),
		errors.Is(err, ErrInvalidSignature), errors.Is(err, ErrInvalidArgument):
		return true
	}
	return false
}

// errorClass names the kind of a sync failure for logs.
func errorClass(err error) string {
	var apiErr *APIError
	var httpErr *HTTPError
	var decErr *DecodeError
	var winErr *windowError
	switch {
	case errors.Is(err, ErrBanned), errors.Is(err, ErrRateLimited):
		return "flow control"
	case errors.As(err, &winErr):
		return "inconsistent pages"
	case errors.As(err, &decErr):
		return "undecodable answer"
	case errors.As(err, &httpErr):
		return "http"
	case errors.As(err, &apiErr):
		if apiErr.Retryable() {
			return "gateway failure"
		}
		return "gateway refusal"
	case isTransport(err):
		return "transport"
	}
	return "other"
}

// clockProbeEvery is how often the syncer measures the gateway's clock.
const clockProbeEvery = time.Hour

// clockJump is how far the host's wall clock may drift from its monotonic
// clock between two polls before the gateway's clock is measured again.
const clockJump = 2 * time.Second

// gatewayNow returns the gateway's time as best known. Windows end a lag
// behind the gateway's clock, not the host's: a host clock ahead of the
// gateway would otherwise move the checkpoint past changes the gateway has
// yet to stamp. The clock is read with taobao.time.get at the first sync,
// hourly after, and whenever the host's wall clock jumped (it moved more
// or less than its monotonic clock since the last poll: NTP, a resumed
// VM). Differences under two seconds are ignored (the answer has a
// resolution of a second).
func (s *TradeSyncer) gatewayNow(ctx context.Context) (time.Time, error) {
	wall, mono := s.now().Round(0), time.Since(s.base)
	jumped := false
	if s.polled {
		d := wall.Sub(s.lastWall) - (mono - s.lastMono)
		jumped = d > clockJump || d < -clockJump
		if jumped {
			s.logAt(ctx, slog.LevelWarn, "taobao sync: the host clock jumped; reading the gateway's clock again", slog.Duration("jump", d))
		}
	}
	s.polled, s.lastWall, s.lastMono = true, wall, mono
	if s.skewAt.IsZero() || jumped || wall.Sub(s.skewAt) > clockProbeEvery {
		var out struct {
			Time Time `json:"time"`
		}
		s.probes.Add(1)
		if err := s.client.Call(ctx, "taobao.time.get", nil, &out); err != nil {
			if ctx.Err() != nil {
				return time.Time{}, ctx.Err()
			}
			s.skewAt = time.Time{} // measure again at the next poll
			return time.Time{}, &methodError{method: "taobao.time.get", what: "sync: reading the gateway's clock", err: err}
		}
		after := s.now().Round(0)
		// The gateway's time lies in [out.Time, out.Time+1s) when it
		// answered, before after: out.Time-after errs on the early side.
		s.skew, s.skewAt = 0, after
		if d := out.Time.Sub(after); d > 2*time.Second || d < -2*time.Second {
			s.skew = d
			s.logAt(ctx, slog.LevelInfo, "taobao sync: the gateway's clock differs from this host's", slog.Duration("skew", d))
		}
		wall = after
	}
	return wall.Add(s.skew), nil
}

func (s *TradeSyncer) logAt(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	if l := s.client.cfg.logger; l != nil {
		l.LogAttrs(ctx, level, msg, attrs...)
	}
}

// RefundHandler receives each changed refund. An error stops the sync
// without advancing the checkpoint past the refund's window. Handlers must
// be idempotent and keep the newest version (by RefundVersion, or
// Modified): a refund can be handed over more than once, and after a
// restart an older version can follow a newer one.
type RefundHandler func(ctx context.Context, r *Refund) error

// RefundSyncOptions configure a RefundSyncer. The zero value is usable.
type RefundSyncOptions struct {
	// Fields are the refund fields to fetch; empty means RefundListFields.
	// refund_id, modified and refund_version are always asked for.
	Fields []string
	// Status follows the refunds in one state only; empty means every
	// state.
	Status RefundStatus
	// Type filters by the trades' types. Empty means every documented type:
	// the gateway itself, asked without a type, lists the refunds of
	// guarantee_trade and auto_delivery trades only.
	Type []TradeType
	// Window is the width of the first window (default 30 min, at most a
	// day). A window that fits in half a page doubles the next one, up to a
	// day; one of more than a page halves it.
	Window time.Duration
	// Lag keeps the upper edge this far behind the gateway's clock
	// (default 15 s), so that changes indexed late fall in a later window.
	Lag time.Duration
	// PollInterval is how long Run waits between catch-ups (default 1 min).
	PollInterval time.Duration
	// PageSize is the page size, 1-100 (default 100). A window is read in
	// one page whenever it can be: windows that hold more are bisected.
	PageSize int
	// Since is where a first run without a checkpoint starts (default: now
	// minus 3 days).
	Since time.Time
	// OnWindow, if set, is called after each window is handled, for
	// progress reports.
	OnWindow func(ctx context.Context, w RefundWindowReport)
}

// RefundWindowReport describes one handled refund window.
type RefundWindowReport struct {
	From, To time.Time // the window, by modified
	Refunds  int       // refunds handed to the handler (duplicates dropped)
	Calls    int64     // list calls the window took, retries included
	Passes   int       // times the window was read
}

// RefundSyncStats counts what a RefundSyncer did.
type RefundSyncStats struct {
	Windows     int64 // windows completed (after bisecting)
	Splits      int64 // windows bisected because they held more than a page
	Pages       int64 // pages read
	Calls       int64 // calls made for the sync (list and clock calls), retries included
	Retries     int64 // calls retried by the client
	FailedCalls int64 // attempts that failed, whether retried or not
	ClockProbes int64 // reads of the gateway's clock
	Rereads     int64 // windows read again because their answers contradicted each other or changed
	FailedPolls int64 // catch-ups that ended with an error
	Refunds     int64 // refunds handed to the handler
	Duplicates  int64 // refunds met again in the same version in one poll, and dropped
	Dropped     int64 // values of answers dropped or converted by the decoder
}

// maxRefundPasses bounds how often one window of a second that holds more
// than a page is read in one poll: its pages come in no documented order,
// so it takes several readings to see each refund once.
const maxRefundPasses = 16

// RefundSyncer keeps a copy of a seller's refunds in step through
// taobao.refunds.receive.get, windowed by modified: every change of every
// refund reaches the handler at least once. It runs beside a TradeSyncer:
// a trade's own refund_status shows the outcome of its latest refund, not
// the steps of the after-sales workflow.
//
// The refund list documents neither the order of its answer nor a longest
// window, so the syncer relies on neither. Windows are read oldest first,
// each in one page where it can be: one answer is one view, whose count
// and items agree. A window whose count is more than a page is bisected
// until its halves fit; a window of one second that still holds more is
// read page after page, again and again, until every refund its count
// names was seen and a final count agrees. Answers that contradict their
// count are read again, never trusted. Windows are never wider than a day,
// by the syncer's choice.
type RefundSyncer struct {
	client *Client
	cp     Checkpoint
	opts   RefundSyncOptions
	types  []TradeType
	err    error
	clock  *TradeSyncer // the gateway's clock, measured as the trade syncer does
	width  time.Duration

	delivered map[int64]int64 // refund id -> version handed over in this poll

	calls, retries, failed, pages, windows, splits, refunds, dups, rereads, polls, dropped atomic.Int64
}

// NewRefundSyncer returns a syncer that reads through c and records
// progress in cp. Invalid options are reported by SyncOnce and Run.
func NewRefundSyncer(c *Client, cp Checkpoint, opts *RefundSyncOptions) *RefundSyncer {
	s := &RefundSyncer{client: c, cp: cp, clock: &TradeSyncer{client: c, now: time.Now, base: time.Now()}}
	if opts != nil {
		s.opts = *opts
		s.opts.Type = append([]TradeType(nil), opts.Type...)
		s.opts.Fields = append([]string(nil), opts.Fields...)
	}
	o := &s.opts
	s.err = checkPacing(c, cp, o.Window, o.Lag, o.PollInterval, o.PageSize)
	switch {
	case s.err != nil: // the shared options are wrong already
	case o.Status != "" && !slices.Contains(refundFilterStates(), o.Status):
		s.err = invalidArg("", "Status", "%q is not a documented refund state", o.Status)
	}
	defaultPacing(&o.Window, &o.Lag, &o.PollInterval, &o.PageSize)
	if len(o.Fields) == 0 {
		o.Fields = refundListFields()
	}
	for _, f := range []string{"refund_id", "modified", "refund_version"} {
		if !slices.Contains(o.Fields, f) {
			o.Fields = append(o.Fields, f)
		}
	}
	s.types = o.Type
	if len(s.types) == 0 {
		s.types = syncTypes()
	}
	if s.err == nil {
		s.err = validateFields(MethodRefundsReceive, o.Fields, maxRefundFields)
	}
	s.width = o.Window
	return s
}

// Stats returns what the syncer has done so far.
func (s *RefundSyncer) Stats() RefundSyncStats {
	return RefundSyncStats{
		Windows: s.windows.Load(), Splits: s.splits.Load(), Pages: s.pages.Load(),
		Calls: s.calls.Load(), Retries: s.retries.Load(), FailedCalls: s.failed.Load(),
		ClockProbes: s.clock.probes.Load(), Rereads: s.rereads.Load(), FailedPolls: s.polls.Load(),
		Refunds: s.refunds.Load(), Duplicates: s.dups.Load(), Dropped: s.dropped.Load(),
	}
}

// SyncOnce catches up from the checkpoint to the gateway's clock minus the
// lag, saving the checkpoint after each window, and returns the checkpoint
// reached. On an error it returns the last checkpoint saved with the error.
func (s *RefundSyncer) SyncOnce(ctx context.Context, h RefundHandler) (time.Time, error) {
	t, err := s.syncOnce(ctx, h)
	if err != nil && ctx.Err() == nil {
		s.polls.Add(1)
	}
	return t, err
}

func (s *RefundSyncer) syncOnce(ctx context.Context, h RefundHandler) (time.Time, error) {
	if s.err != nil {
		return time.Time{}, s.err
	}
	if h == nil {
		return time.Time{}, invalidArg("", "handler", "must not be nil")
	}
	start, ok, err := s.cp.Load(ctx)
	if err != nil {
		return time.Time{}, &stopError{fmt.Errorf("taobao: refund sync: loading the checkpoint: %w", err)}
	}
	s.delivered = make(map[int64]int64)
	callCtx := withAttemptCounter(ctx, &attemptCounter{calls: &s.calls, retries: &s.retries, failed: &s.failed, dropped: &s.dropped})
	now, err := s.clock.gatewayNow(callCtx)
	if err != nil {
		return start, err
	}
	if !ok {
		start = s.opts.Since
		if start.IsZero() {
			start = now.Add(-DefaultSyncLookback)
		}
	}
	start = start.Truncate(time.Second)
	end := now.Add(-s.opts.Lag).Truncate(time.Second)
	if ok && start.After(now.Add(time.Minute)) {
		return start, &stopError{fmt.Errorf("taobao: refund sync: the checkpoint %s GMT+8 is ahead of the gateway's clock %s GMT+8; nothing after it could be synced: fix or remove the checkpoint",
			start.In(gmt8).Format(TimeLayout), now.In(gmt8).Format(TimeLayout))}
	}
	for start.Before(end) {
		we := start.Add(min(s.width, MaxIncrementWindow))
		if we.After(end) {
			we = end
		}
		n, split, err := s.window(ctx, callCtx, start, we, h)
		if err != nil {
			return start, err
		}
		if err := s.cp.Save(ctx, we); err != nil {
			return start, &stopError{fmt.Errorf("taobao: refund sync: saving the checkpoint: %w", err)}
		}
		width := we.Sub(start)
		switch {
		case split:
			s.width = max(width/2, time.Minute)
		case n < int64(s.opts.PageSize)/2:
			s.width = min(max(s.width, width)*2, MaxIncrementWindow)
		}
		start = we
	}
	return start, nil
}

// Run polls until ctx ends: it catches up, waits PollInterval, and again.
// A handler error, a checkpoint error, or an error no later poll can cure
// (an invalid session, a missing permission, a rejected signature or
// argument) ends Run and is returned. Other failures (outages, bans,
// overload, answers that do not decode or contradict themselves) are
// logged at warn level, counted in Stats, and tried again at the next
// poll. When ctx ends, Run returns ctx.Err().
func (s *RefundSyncer) Run(ctx context.Context, h RefundHandler) error {
	for {
		_, err := s.SyncOnce(ctx, h)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if fatalSyncError(err) {
				return err
			}
			s.clock.logAt(ctx, slog.LevelWarn, "taobao refund sync: poll failed, will retry at the next poll",
				slog.String("class", errorClass(err)), slog.String("error", err.Error()))
		}
		if err := sleep(ctx, s.opts.PollInterval); err != nil {
			return err
		}
	}
}
