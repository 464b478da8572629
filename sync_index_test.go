package taobao_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// lateIndexRun syncs a shop whose changes reach the list APIs up to delay
// late, polling every 30 s while trades are added and changed for an hour,
// and returns the trades whose final version the handler never saw.
func lateIndexRun(t *testing.T, delay time.Duration, opts taobao.SyncOptions) []int64 {
	var missing []int64
	// The server is made outside the bubble (its listener would keep the
	// bubble's clock from moving); its data is made inside, at first use.
	srv := taobaotest.NewServer(taobaotest.WithSellers(syncSeller), taobaotest.WithTrades(0), taobaotest.WithIndexDelay(delay), taobaotest.WithSeed(9))
	defer srv.Close()
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(srv.NewSession(syncSeller), inProcess(srv)...)
		opts.Since = time.Now()
		opts.Window = 10 * time.Minute
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &opts)
		rec := newRecorder()
		rng := rand.New(rand.NewPCG(1, 2))
		var tids []int64
		for range 120 { // an hour, a poll every 30 s
			for range 3 {
				if len(tids) < 20 || rng.IntN(2) == 0 {
					tr := srv.AddTrade(syncSeller, taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Type: taobao.TradeTypeFixed})
					tids = append(tids, int64(tr.Tid))
				} else {
					require.NoError(t, srv.ModifyTrade(tids[rng.IntN(len(tids))], func(tr *taobao.Trade) {
						tr.Title = "changed " + time.Now().Format(time.TimeOnly)
					}))
				}
			}
			time.Sleep(30 * time.Second)
			_, err := s.SyncOnce(context.Background(), rec.handle)
			require.NoError(t, err)
		}
		// Then quiet for longer than the delay: every change becomes
		// visible, and polls go on.
		for range int(delay/time.Minute) + 5 {
			time.Sleep(time.Minute)
			_, err := s.SyncOnce(context.Background(), rec.handle)
			require.NoError(t, err)
		}
		missing = rec.missing(srv.Trades(syncSeller))
	})
	return missing
}

func TestLateIndexingByModifiedNeedsALagAboveTheDelay(t *testing.T) {
	const delay = 2 * time.Minute
	assert.Empty(t, lateIndexRun(t, delay, taobao.SyncOptions{Lag: delay + time.Second}), "a lag above the delay loses nothing")
	lost := lateIndexRun(t, delay, taobao.SyncOptions{Lag: 15 * time.Second})
	assert.NotEmpty(t, lost, "a lag below the delay loses changes: the fake really indexes late")
	t.Logf("lag 15 s under delays up to %s: %d trades missed", delay, len(lost))
}

func TestLateIndexingByStoreTimeLosesNothing(t *testing.T) {
	for _, delay := range []time.Duration{0, 2 * time.Minute, 30 * time.Minute} {
		assert.Empty(t, lateIndexRun(t, delay, taobao.SyncOptions{By: taobao.SyncByStoreTime}), "delay %s", delay)
	}
}
