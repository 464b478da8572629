package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// noEnv is an environment without TAOBAO_* variables: the built-in fake.
func noEnv(string) string { return "" }

// connectTo connects to srv as seller through its in-process transport, so
// that the server outlives a run (a run closes its connection) and serves
// tests under synctest. With simulate, the run also plays the shop on srv.
func connectTo(srv *taobaotest.Server, seller string, simulate bool) connectFunc {
	return func(w io.Writer) (*taobaotest.Conn, error) {
		c, err := srv.NewClient(srv.NewSession(seller)) // in-process
		if err != nil {
			return nil, err
		}
		conn := &taobaotest.Conn{Client: c, Seller: seller}
		if simulate {
			conn.Fake = srv // the run closes it: make it a test's last run
		}
		return conn, nil
	}
}

// summary is the last line of a run, parsed.
type summary struct{ trades, calls, duplicates int }

var summaryRE = regexp.MustCompile(`(?m)^synced(?: \(interrupted\)| \(stopped by an error\))?: (\d+) trades stored \(\+\d+ new, \d+ updated\), (\d+) calls, (\d+) duplicates, checkpoint \d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\+8\n\z`)

func parseSummary(t *testing.T, out string) summary {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	require.NotNil(t, m, "no summary line ending the output:\n%s", out)
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return summary{n(m[1]), n(m[2]), n(m[3])}
}

// checkState checks the trade log against the gateway's ground truth: every
// trade last modified from since to the checkpoint is stored in that state;
// a trade changed after the checkpoint may be stored in an earlier state
// from the range; nothing else is stored.
func checkState(t *testing.T, srv *taobaotest.Server, seller, dir string, since time.Time) (stored map[int64]taobao.Trade, cp time.Time) {
	t.Helper()
	cp, ok, err := taobao.NewFileCheckpoint(filepath.Join(dir, checkpointFile)).Load(context.Background())
	require.NoError(t, err)
	require.True(t, ok, "a checkpoint was saved")

	stored = make(map[int64]taobao.Trade)
	for _, tr := range storedTrades(t, filepath.Join(dir, tradesFile)) {
		_, dup := stored[int64(tr.Tid)]
		require.False(t, dup, "trade %d is stored twice", tr.Tid)
		stored[int64(tr.Tid)] = tr
	}
	truth := make(map[int64]taobao.Trade)
	want := 0
	for _, tr := range srv.Trades(seller) {
		truth[int64(tr.Tid)] = tr
		m := tr.Modified.Time
		if m.Before(since) || m.After(cp) {
			continue
		}
		want++
		got, ok := stored[int64(tr.Tid)]
		if !assert.True(t, ok, "trade %d modified %s is missing", tr.Tid, tr.Modified) {
			continue
		}
		assert.True(t, got.Modified.Equal(m), "trade %d: stored modified %s, latest %s", tr.Tid, got.Modified, tr.Modified)
		assert.Equal(t, tr.Status, got.Status, "trade %d", tr.Tid)
		assert.Equal(t, tr.Payment, got.Payment, "trade %d", tr.Tid)
		assert.Len(t, got.Orders, len(tr.Orders), "trade %d", tr.Tid)
	}
	for tid, got := range stored {
		tr, ok := truth[tid]
		require.True(t, ok, "stored trade %d is not on the gateway", tid)
		assert.False(t, got.Modified.Before(since), "trade %d is stored from before the start", tid)
		assert.False(t, got.Modified.After(cp), "trade %d is stored past the checkpoint", tid)
		if tr.Modified.After(cp) {
			want++ // changed since the checkpoint: its earlier state is stored
		}
	}
	require.Positive(t, want, "the test needs trades in the range")
	assert.Len(t, stored, want, "nothing else is stored")
	return stored, cp
}

// newFake makes a fake gateway in a synctest bubble. It does not listen:
// the runs reach it through the in-process transport, and nothing in the
// bubble waits on the network, so that the bubble's clock moves. Its
// trades are seeded at the bubble's time.
func newFake(opts ...taobaotest.Option) (*taobaotest.Server, string) {
	srv := taobaotest.NewInProcessServer(opts...)
	return srv, srv.Sellers()[0]
}

func TestSyncStoresEveryTradeAndContinues(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "state")
	synctest.Test(t, func(t *testing.T) {
		srv, seller := newFake(taobaotest.WithSeed(11), taobaotest.WithTrades(1000))
		// As far back as the gateway keeps: every trade is synced.
		since := time.Now().Add(-taobao.SyncHistory + 2*time.Minute).Truncate(time.Second)
		args := []string{"-once", "-state", dir, "-window", "24h", "-since", since.In(taobao.GMT8()).Format(time.DateTime)}
		inc := taobao.MethodTradesSoldIncrement

		var out bytes.Buffer
		require.NoError(t, runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false)))
		first := parseSummary(t, out.String())
		assert.Contains(t, out.String(), "first run: syncing the trades modified since "+since.In(taobao.GMT8()).Format(time.DateTime)+" GMT+8")
		stored, cp1 := checkState(t, srv, seller, dir, since)
		assert.Equal(t, len(stored), first.trades)
		clock := "taobao.time.get" // the syncer reads the gateway's clock once per run
		assert.Equal(t, srv.Calls(inc)+srv.Calls(clock), first.calls)
		assert.True(t, cp1.Equal(time.Now().Add(-taobao.DefaultSyncLag).Truncate(time.Second)), "checkpoint %s", cp1)

		// Between the runs: trades move on, new ones arrive.
		time.Sleep(time.Minute)
		var changed []int64
		for _, tr := range srv.Trades(seller) {
			if next(tr.Status) != "" && len(changed) < 5 {
				require.NoError(t, srv.ModifyTrade(int64(tr.Tid), func(t *taobao.Trade) { advance(t, time.Now(), false) }))
				changed = append(changed, int64(tr.Tid))
			}
		}
		require.Len(t, changed, 5)
		model := srv.Trades(seller)[0]
		for range 3 {
			added := srv.AddTrade(seller, taobao.Trade{Type: model.Type, Status: taobao.TradeStatusWaitBuyerPay, Payment: 4200, Orders: model.Orders})
			changed = append(changed, int64(added.Tid))
		}
		time.Sleep(time.Minute)

		out.Reset()
		require.NoError(t, runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false)))
		assert.Contains(t, out.String(), "continuing from the checkpoint "+cp1.In(taobao.GMT8()).Format(time.DateTime)+" GMT+8 with "+strconv.Itoa(len(stored))+" trades")
		assert.Contains(t, out.String(), "-since applies to a first run only: ignored")
		second := parseSummary(t, out.String())
		assert.Equal(t, srv.Calls(inc)+srv.Calls(clock)-first.calls, second.calls)
		assert.Less(t, second.calls, first.calls, "the second run starts from the checkpoint")
		assert.Equal(t, 2, second.calls, "two minutes of changes: the clock, then one window of one page")
		stored, cp2 := checkState(t, srv, seller, dir, since)
		assert.True(t, cp2.Equal(cp1.Add(2*time.Minute)), "checkpoint %s", cp2)
		assert.Equal(t, len(stored), second.trades)
		for _, tid := range changed {
			assert.Contains(t, stored, tid, "a trade changed between the runs")
		}
	})
}

func TestSyncPollsUntilInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		srv, seller := newFake(taobaotest.WithSeed(5), taobaotest.WithTrades(300))
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		var out bytes.Buffer
		done := make(chan error, 1)
		go func() {
			done <- runWith(ctx, []string{"-state", dir, "-poll", "10s", "-simulate", "2s"}, &out, io.Discard, connectTo(srv, seller, true))
		}()
		time.Sleep(2 * time.Minute)
		cancel()
		require.NoError(t, <-done)

		s := parseSummary(t, out.String())
		assert.Contains(t, out.String(), "synced (interrupted): ")
		assert.Contains(t, out.String(), "polling every 10s")
		assert.Regexp(t, `fake gateway: \d+ trades added and \d+ changed while syncing`, out.String())
		assert.GreaterOrEqual(t, strings.Count(out.String(), " new, "), 10, "progress lines while polling:\n%s", out.String())
		stored, cp := checkState(t, srv, seller, dir, start.Add(-taobao.DefaultSyncLookback))
		assert.Equal(t, len(stored), s.trades)
		assert.WithinDuration(t, time.Now().Add(-taobao.DefaultSyncLag), cp, 16*time.Second)
	})
}

func TestSyncSurvivesChangesBetweenPages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	synctest.Test(t, func(t *testing.T) {
		srv, seller := newFake(taobaotest.WithSeed(9), taobaotest.WithTrades(0))
		var tids []int64
		for i := range 350 {
			tr := srv.AddTrade(seller, taobao.Trade{
				Type: taobao.TradeTypeFixed, Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Money(1000 + i),
				Orders: []taobao.Order{{Title: "杯子", NumIid: 7, Num: 1, Payment: taobao.Money(1000 + i)}},
			})
			tids = append(tids, int64(tr.Tid))
			time.Sleep(time.Second)
		}
		time.Sleep(time.Minute)
		// While the pages of the window are read (from the last, the oldest
		// trades), newer trades, on pages not read yet, change and leave the
		// window: the older ones shift onto pages read already.
		changed := []int{345, 335, 325}
		changes := 0
		srv.BetweenPages(func(method string, page int) {
			if method == taobao.MethodTradesSoldIncrement && page > 1 && changes < len(changed) {
				require.NoError(t, srv.ModifyTrade(tids[changed[changes]], func(t *taobao.Trade) { t.Status = taobao.TradeStatusWaitBuyerConfirmGoods }))
				changes++
			}
		})
		args := []string{"-once", "-state", dir, "-window", "24h", "-since", "1h"}
		var out bytes.Buffer
		require.NoError(t, runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false)))
		first := parseSummary(t, out.String())
		assert.Positive(t, first.duplicates, "the shifted trades were read twice:\n%s", out.String())
		stored, _ := checkState(t, srv, seller, dir, time.Now().Add(-time.Hour))
		assert.Len(t, stored, 350-3, "the trades changed while paging belong to a later window")

		time.Sleep(time.Minute)
		srv.BetweenPages(nil)
		out.Reset()
		require.NoError(t, runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false)))
		stored, _ = checkState(t, srv, seller, dir, time.Now().Add(-2*time.Hour))
		require.Len(t, stored, 350)
		for _, i := range changed {
			assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, stored[tids[i]].Status)
		}
	})
}

func TestSyncStopsOnAGatewayError(t *testing.T) {
	t.Parallel()
	srv, seller := newFake(taobaotest.WithSeed(3), taobaotest.WithTrades(100))
	dir := t.TempDir()
	args := []string{"-once", "-state", dir, "-window", "24h", "-since", "5d"}
	srv.FailNext(taobao.MethodTradesSoldIncrement, 1, &taobao.APIError{Code: 27, Msg: "Invalid session"})
	var out bytes.Buffer
	err := runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false))
	require.ErrorIs(t, err, taobao.ErrInvalidSession)
	assert.Contains(t, out.String(), "synced (stopped by an error): 0 trades stored (+0 new, 0 updated), 2 calls, 0 duplicates, checkpoint none yet\n", "the clock, then the refused call")

	// The next run starts over and completes.
	out.Reset()
	require.NoError(t, runWith(t.Context(), args, &out, io.Discard, connectTo(srv, seller, false)))
	assert.Contains(t, out.String(), "first run:")
	assert.Positive(t, parseSummary(t, out.String()).trades)
}

func TestRunAgainstTheBuiltInFake(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "state")
	var out bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-once", "-state", dir}, noEnv, &out, io.Discard))
	assert.Contains(t, out.String(), "gateway: built-in fake gateway")
	s := parseSummary(t, out.String())
	assert.Positive(t, s.trades)
	assert.Len(t, storedTrades(t, filepath.Join(dir, tradesFile)), s.trades)
	assert.FileExists(t, filepath.Join(dir, checkpointFile))
}

func TestRunFailsClearly(t *testing.T) {
	t.Parallel()
	corrupt := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(corrupt, tradesFile), []byte("{\"tid\":1}\n{oops\n"), 0o644))
	orphan := t.TempDir()
	require.NoError(t, taobao.NewFileCheckpoint(filepath.Join(orphan, checkpointFile)).Save(t.Context(), time.Now()))
	badCheckpoint := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(badCheckpoint, checkpointFile), []byte("{"), 0o644))

	tests := []struct {
		name string
		args []string
		env  map[string]string
		err  string
	}{
		{"partial credentials", []string{"-once", "-state", t.TempDir()}, map[string]string{"TAOBAO_APP_KEY": "1"}, "set all of TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION"},
		{"window", []string{"-window", "25h"}, nil, "-window 25h0m0s: must be more than 0 and at most 24h"},
		{"since too old", []string{"-since", "91d"}, nil, "-since \"91d\": the gateway keeps changes for three months only"},
		{"corrupt log", []string{"-once", "-state", corrupt}, nil, "trades.jsonl is corrupt at line 2"},
		{"checkpoint without trades", []string{"-once", "-state", orphan}, nil, "has a checkpoint but no trades.jsonl"},
		{"corrupt checkpoint", []string{"-once", "-state", badCheckpoint}, nil, "checkpoint.json is corrupt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(t.Context(), tt.args, func(k string) string { return tt.env[k] }, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestParseSince(t *testing.T) {
	t.Parallel()
	// 2025-03-01 01:30 in GMT+8 is February 28 in UTC and in New York.
	now := time.Date(2025, 3, 1, 1, 30, 0, 0, taobao.GMT8())
	tests := []struct {
		in   string
		want time.Time
		err  string
	}{
		{in: "3d", want: now.Add(-72 * time.Hour)},
		{in: "90m", want: now.Add(-90 * time.Minute)},
		{in: "0s", want: now},
		{in: "2025-02-27", want: time.Date(2025, 2, 27, 0, 0, 0, 0, taobao.GMT8())},
		{in: "2025-02-27 08:15:00", want: time.Date(2025, 2, 27, 8, 15, 0, 0, taobao.GMT8())},
		{in: "2025-02-27T08:15:00", want: time.Date(2025, 2, 27, 8, 15, 0, 0, taobao.GMT8())},
		{in: "89d", want: now.Add(-89 * 24 * time.Hour)},
		{in: "2025-03-02", err: "2025-03-02 00:00:00 GMT+8 is in the future"},
		{in: "-1h", err: "want a time back"},
		{in: "91d", err: "three months only, from 2024-12-01 01:31:00 GMT+8 on"},
		{in: "yesterday", err: "want a time back"},
	}
	for _, tt := range tests {
		got, err := parseSince(tt.in, now)
		if tt.err != "" {
			require.Error(t, err, tt.in)
			assert.Contains(t, err.Error(), tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.True(t, tt.want.Equal(got), "%s: got %s", tt.in, got)
	}
}

// Two syncs on one state directory would lose an update: the second one
// refuses to start while the first holds the lock, and starts after it.
func TestSecondRunOnOneStateDirectoryRefuses(t *testing.T) {
	t.Parallel()
	srv, seller := newFake(taobaotest.WithSeed(4), taobaotest.WithTrades(20))
	dir := t.TempDir()
	unlock, err := lockState(filepath.Join(dir, lockFile))
	require.NoError(t, err)
	args := []string{"-once", "-state", dir, "-since", "5d"}
	err = runWith(t.Context(), args, io.Discard, io.Discard, connectTo(srv, seller, false))
	require.ErrorContains(t, err, "another sync is running on this state directory")
	assert.NoFileExists(t, filepath.Join(dir, tradesFile), "nothing written")
	unlock()
	require.NoError(t, runWith(t.Context(), args, io.Discard, io.Discard, connectTo(srv, seller, false)))
}

// A compaction killed half-way leaves a temporary file; the next run
// removes it.
func TestLeftoverCompactionFilesAreRemoved(t *testing.T) {
	t.Parallel()
	srv, seller := newFake(taobaotest.WithSeed(4), taobaotest.WithTrades(20))
	dir := t.TempDir()
	left := filepath.Join(dir, tradesFile+".tmp-123456")
	require.NoError(t, os.WriteFile(left, bytes.Repeat([]byte("x"), 1<<20), 0o644))
	require.NoError(t, runWith(t.Context(), []string{"-once", "-state", dir, "-since", "5d"}, io.Discard, io.Discard, connectTo(srv, seller, false)))
	assert.NoFileExists(t, left)
	assert.FileExists(t, filepath.Join(dir, tradesFile))
}

// A long catch-up prints a progress line every few seconds, not one per
// window.
func TestProgressLines(t *testing.T) {
	var out bytes.Buffer
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	p := progressPrinter(&out, &store{trades: map[int64]record{1: {}, 2: {}}}, clock)
	from := time.Date(2025, 10, 1, 0, 0, 0, 0, taobao.GMT8())
	for i := range 30 {
		now = now.Add(time.Second)
		p(context.Background(), taobao.WindowReport{From: from.Add(time.Duration(i) * time.Hour), To: from.Add(time.Duration(i+1) * time.Hour), Trades: 10, Calls: 1})
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 6, out.String())
	assert.Equal(t, "  ... up to 2025-10-01 05:00:00 GMT+8: 5 windows, 50 trades (10/s), 5 calls, 2 stored", lines[0])
}
