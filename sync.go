package taobao

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
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
	// SyncHistory is how far back the gateway keeps trades for the
	// increment API: about three months.
	SyncHistory = 90 * 24 * time.Hour
)

// TradeHandler receives each changed trade. An error stops the sync without
// advancing the checkpoint past the trade's window.
type TradeHandler func(ctx context.Context, t *Trade) error

// SyncOptions configure a TradeSyncer. The zero value is usable.
type SyncOptions struct {
	// Fields are the trade fields to fetch; empty means TradeIncrementFields.
	Fields []string
	// Status filters the trades by state, as in IncrementListOptions.
	Status TradeStatus
	// Type filters the trades by type; empty means the gateway's default
	// types only (see SoldListOptions.Type): list every type you sell.
	Type []string
	// BuyerNick follows one buyer's trades only.
	BuyerNick string
	// Window is the width of one increment query (default 30 min, at most
	// one day).
	Window time.Duration
	// Lag keeps the upper edge this far behind now (default 15 s), so that
	// changes written late still fall in a later window.
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
}

// SyncStats counts what a TradeSyncer did.
type SyncStats struct {
	Windows    int64 // windows completed (after splitting)
	Splits     int64 // windows split because they held too many trades
	Pages      int64 // pages read
	Calls      int64 // increment calls, retries included
	Retries    int64 // calls retried by the client
	Trades     int64 // trades handed to the handler
	Duplicates int64 // trades seen twice in one window and dropped
}

// Checkpoint stores how far a sync has come: every change up to and
// including the saved time was handled.
type Checkpoint interface {
	// Load returns the saved time; ok is false when nothing was saved yet.
	Load(ctx context.Context) (t time.Time, ok bool, err error)
	// Save records t durably.
	Save(ctx context.Context, t time.Time) error
}

// TradeSyncer keeps a copy of a seller's trades in step through
// taobao.trades.sold.increment.get: every change of every trade reaches the
// handler at least once.
//
// Windows of modification time are read oldest first; within a window,
// pages are read from the last to the first. The gateway sorts by modified
// descending, so a trade that changes while the pages are read leaves the
// window and only shifts unread trades onto pages already read: they are
// seen twice, never missed (the changed trade falls in a later window).
type TradeSyncer struct {
	client *Client
	cp     Checkpoint
	opts   SyncOptions
	err    error

	skew   time.Duration // the gateway's clock minus ours, when measured
	skewAt time.Time     // when skew was measured (zero: never)

	calls, retries, pages, windows, splits, trades, dups atomic.Int64
}

// NewTradeSyncer returns a syncer that reads through c and records progress
// in cp. Invalid options are reported by SyncOnce and Run.
func NewTradeSyncer(c *Client, cp Checkpoint, opts *SyncOptions) *TradeSyncer {
	s := &TradeSyncer{client: c, cp: cp}
	if opts != nil {
		s.opts = *opts
		s.opts.Type = append([]string(nil), opts.Type...)
		s.opts.Fields = append([]string(nil), opts.Fields...)
	}
	o := &s.opts
	switch {
	case c == nil:
		s.err = invalidArg("", "client", "must not be nil")
	case cp == nil:
		s.err = invalidArg("", "checkpoint", "must not be nil")
	case o.Window < 0 || o.Window > MaxIncrementWindow:
		s.err = invalidArg("", "Window", "%s is outside (0, 24h]", o.Window)
	case o.Lag < 0:
		s.err = invalidArg("", "Lag", "%s is negative", o.Lag)
	case o.PollInterval < 0:
		s.err = invalidArg("", "PollInterval", "%s is negative", o.PollInterval)
	case o.PageSize < 0 || o.PageSize > MaxPageSize:
		s.err = invalidArg("", "PageSize", "%d is outside 1..%d", o.PageSize, MaxPageSize)
	case o.SplitAt < 0:
		s.err = invalidArg("", "SplitAt", "%d is negative", o.SplitAt)
	}
	if o.Window == 0 {
		o.Window = DefaultSyncWindow
	}
	if o.Lag == 0 {
		o.Lag = DefaultSyncLag
	}
	if o.PollInterval == 0 {
		o.PollInterval = DefaultSyncPollInterval
	}
	if o.PageSize == 0 {
		o.PageSize = DefaultSyncPageSize
	}
	if o.SplitAt == 0 {
		o.SplitAt = DefaultSyncSplitAt
	}
	if len(o.Fields) == 0 {
		o.Fields = TradeIncrementFields
	}
	if s.err == nil {
		s.err = validateFields("taobao.trades.sold.increment.get", o.Fields, 0)
	}
	return s
}

// Stats returns what the syncer has done so far.
func (s *TradeSyncer) Stats() SyncStats {
	return SyncStats{
		Windows: s.windows.Load(), Splits: s.splits.Load(), Pages: s.pages.Load(),
		Calls: s.calls.Load(), Retries: s.retries.Load(), Trades: s.trades.Load(),
		Duplicates: s.dups.Load(),
	}
}

// SyncOnce catches up from the checkpoint to now minus the lag, saving the
// checkpoint after each window, and returns the checkpoint reached. On an
// error it returns the last checkpoint saved with the error.
func (s *TradeSyncer) SyncOnce(ctx context.Context, h TradeHandler) (time.Time, error) {
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
	hostNow := time.Now()
	if !ok {
		start = s.opts.Since
		if start.IsZero() {
			start = hostNow.Add(-DefaultSyncLookback)
		}
	}
	start = start.Truncate(time.Second)
	if start.Before(hostNow.Add(-SyncHistory)) {
		return start, fmt.Errorf("%w: sync: the checkpoint %s is older than the gateway's three months of history; changes before %s cannot be read incrementally: list the trades with ListSoldIter and restart from a new checkpoint",
			ErrInvalidArgument, start.In(gmt8).Format(TimeLayout), hostNow.Add(-SyncHistory).In(gmt8).Format(TimeLayout))
	}
	now, err := s.gatewayNow(ctx)
	if err != nil {
		return start, err
	}
	end := now.Add(-s.opts.Lag).Truncate(time.Second)
	callCtx := withAttemptCounter(ctx, &s.calls, &s.retries)
	for start.Before(end) {
		we := start.Add(s.opts.Window)
		if we.After(end) {
			we = end
		}
		if err := s.window(ctx, callCtx, start, we, h); err != nil {
			return start, err
		}
		if err := s.cp.Save(ctx, we); err != nil {
			return start, &stopError{fmt.Errorf("taobao: sync: saving the checkpoint: %w", err)}
		}
		s.log(ctx, "taobao sync: window done", slog.Time("checkpoint", we))
		start = we
	}
	return start, nil
}

// window hands over every trade modified in [ws, we], splitting the window
// when it holds more than SplitAt trades. Calls go out with callCtx (which
// counts them); the handler gets the caller's ctx.
func (s *TradeSyncer) window(ctx, callCtx context.Context, ws, we time.Time, h TradeHandler) error {
	first, err := s.page(callCtx, ws, we, 1)
	if err != nil {
		return err
	}
	total := first.TotalResults
	if total > int64(s.opts.SplitAt) && we.Sub(ws) >= 2*time.Second {
		s.splits.Add(1)
		mid := ws.Add(we.Sub(ws) / 2).Truncate(time.Second)
		s.log(ctx, "taobao sync: splitting a busy window", slog.Int64("trades", total),
			slog.Time("from", ws), slog.Time("to", we))
		if err := s.window(ctx, callCtx, ws, mid, h); err != nil {
			return err
		}
		return s.window(ctx, callCtx, mid, we, h)
	}
	// A trade is dropped as a duplicate only when the same version was
	// handed over already: a newer version (a change written late into
	// this window) is handed over too.
	// Two versions of one trade in the window mean a change was written
	// late into it, which may have pushed an unchanged trade onto a page
	// already read: the window is then read once more.
	seen := make(map[int64]int64, min(total, int64(s.opts.SplitAt))+8) // tid -> modified
	late := false
	deliver := func(p *TradePage) error {
		for i := range p.Trades {
			t := &p.Trades[i]
			tid, mod := int64(t.Tid), t.Modified.UnixNano()
			if prev, ok := seen[tid]; ok {
				if prev == mod {
					s.dups.Add(1)
					continue
				}
				late = true
			}
			seen[tid] = mod
			if err := h(ctx, t); err != nil {
				return &stopError{fmt.Errorf("taobao: sync: handler failed on trade %d: %w", t.Tid, err)}
			}
			s.trades.Add(1)
		}
		return nil
	}
	// The first page was read for the count: with more than one page,
	// trades may shift onto it while the others are read, so the pages are
	// read from the last and the first page again at the end. Should the
	// window have grown meanwhile, or a trade have shown two versions (a
	// change written late into the window), it is read again.
	for pass := 0; ; pass++ {
		if pass == 3 {
			return fmt.Errorf("taobao: sync: the window %s - %s kept growing while it was read (changes written late); it will be read again",
				ws.In(gmt8).Format(TimeLayout), we.In(gmt8).Format(TimeLayout))
		}
		pages := int((total + int64(s.opts.PageSize) - 1) / int64(s.opts.PageSize))
		if pages <= 1 {
			if err := deliver(first); err != nil {
				return err
			}
			break
		}
		var last *TradePage
		for n := pages; n >= 1; n-- {
			p, err := s.page(callCtx, ws, we, n)
			if err != nil {
				return err
			}
			if err := deliver(p); err != nil {
				return err
			}
			last = p
		}
		if last.TotalResults <= total && !late {
			break
		}
		late = false
		first, total = last, max(total, last.TotalResults)
	}
	s.windows.Add(1)
	return nil
}

func (s *TradeSyncer) page(ctx context.Context, ws, we time.Time, n int) (*TradePage, error) {
	opts := &IncrementListOptions{
		Fields:        s.opts.Fields,
		StartModified: Time{ws},
		EndModified:   Time{we},
		Status:        s.opts.Status,
		Type:          s.opts.Type,
		BuyerNick:     s.opts.BuyerNick,
		ListOptions:   ListOptions{PageNo: n, PageSize: s.opts.PageSize},
	}
	p, err := s.client.Trades.ListSoldIncrement(ctx, opts)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	s.pages.Add(1)
	return p, nil
}

// Run polls until ctx ends: it catches up, waits PollInterval, and again.
// A handler error, a checkpoint error, or an error no later poll can cure
// (an invalid session, a missing permission, a rejected signature or
// argument, an answer that cannot be decoded) ends Run and is returned.
// Other gateway failures (outages, bans, overload) are logged and tried
// again at the next poll. When ctx ends, Run returns ctx.Err().
func (s *TradeSyncer) Run(ctx context.Context, h TradeHandler) error {
	for {
		_, err := s.SyncOnce(ctx, h)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if fatalSyncError(err) {
				return err
			}
			s.log(ctx, "taobao sync: will retry at the next poll", slog.String("error", err.Error()))
		}
		if err := sleep(ctx, s.opts.PollInterval); err != nil {
			return err
		}
	}
}

// stopError marks a failure of the caller's side (handler, checkpoint)
// that ends Run.
type stopError struct{ err error }

func (e *stopError) Error() string { return e.err.Error() }
func (e *stopError) Unwrap() error { return e.err }

// fatalSyncError reports whether Run must stop on err.
func fatalSyncError(err error) bool {
	var stop *stopError
	var dec *DecodeError
	switch {
	case errors.As(err, &stop):
		return true
	case errors.Is(err, ErrInvalidSession), errors.Is(err, ErrPermissionDenied),
		errors.Is(err, ErrInvalidSignature), errors.Is(err, ErrInvalidArgument):
		return true
	case errors.As(err, &dec) && !dec.Retryable():
		return true
	}
	return false
}

// clockProbeEvery is how often the syncer measures the gateway's clock.
const clockProbeEvery = time.Hour

// gatewayNow returns the gateway's time as best known. Windows end a lag
// behind the gateway's clock, not the host's: a host clock ahead of the
// gateway would otherwise move the checkpoint past changes the gateway has
// yet to stamp. The clock is read with taobao.time.get at the first sync
// and hourly after; differences under two seconds are ignored (the answer
// has a resolution of a second).
func (s *TradeSyncer) gatewayNow(ctx context.Context) (time.Time, error) {
	if s.skewAt.IsZero() || time.Since(s.skewAt) > clockProbeEvery {
		var out struct {
			Time Time `json:"time"`
		}
		if err := s.client.Call(ctx, "taobao.time.get", nil, &out); err != nil {
			if ctx.Err() != nil {
				return time.Time{}, ctx.Err()
			}
			return time.Time{}, fmt.Errorf("taobao: sync: reading the gateway's clock: %w", err)
		}
		after := time.Now()
		// The gateway's time lies in [out.Time, out.Time+1s) when it
		// answered, before after: out.Time-after errs on the early side.
		s.skew, s.skewAt = 0, after
		if d := out.Time.Sub(after); d > 2*time.Second || d < -2*time.Second {
			s.skew = d
			s.log(ctx, "taobao sync: the gateway's clock differs from this host's", slog.Duration("skew", d))
		}
	}
	return time.Now().Add(s.skew), nil
}

func (s *TradeSyncer) log(ctx context.Context, msg string, attrs ...slog.Attr) {
	if l := s.client.cfg.logger; l != nil {
		l.LogAttrs(ctx, slog.LevelDebug, msg, attrs...)
	}
}

// MemoryCheckpoint keeps the checkpoint in memory, for tests and for
// services that store it elsewhere themselves.
type MemoryCheckpoint struct {
	mu sync.Mutex
	t  time.Time
	ok bool
}

// Load returns the saved time.
func (m *MemoryCheckpoint) Load(context.Context) (time.Time, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t, m.ok, nil
}

// Save records t.
func (m *MemoryCheckpoint) Save(_ context.Context, t time.Time) error {
	m.mu.Lock()
	m.t, m.ok = t, true
	m.mu.Unlock()
	return nil
}

// FileCheckpoint keeps the checkpoint in a small JSON file, replaced
// atomically (temporary file, fsync, rename) so that a crash leaves either
// the old or the new checkpoint, never a torn one. A file that cannot be
// read back is an error, never a silent restart.
type FileCheckpoint struct {
	path string
	mu   sync.Mutex
}

// NewFileCheckpoint returns a checkpoint stored at path.
func NewFileCheckpoint(path string) *FileCheckpoint { return &FileCheckpoint{path: path} }

type checkpointFile struct {
	Modified string `json:"modified"` // RFC 3339
	SavedAt  string `json:"saved_at,omitempty"`
}

// Load reads the checkpoint; a missing file means none was saved yet.
func (f *FileCheckpoint) Load(context.Context) (time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	var c checkpointFile
	if err := json.Unmarshal(b, &c); err != nil {
		return time.Time{}, false, fmt.Errorf("taobao: checkpoint file %s is corrupt: %w", f.path, err)
	}
	t, err := time.Parse(time.RFC3339Nano, c.Modified)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("taobao: checkpoint file %s is corrupt: %w", f.path, err)
	}
	return t, true, nil
}

// Save writes t atomically.
func (f *FileCheckpoint) Save(_ context.Context, t time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := json.Marshal(checkpointFile{Modified: t.Format(time.RFC3339Nano), SavedAt: time.Now().Format(time.RFC3339Nano)})
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.path)
	tmp, err := os.CreateTemp(dir, filepath.Base(f.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename itself durable where the OS allows
		d.Close()
	}
	return nil
}
