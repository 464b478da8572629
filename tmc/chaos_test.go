package tmc_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// TestPipelineChaos makes 10,000 changes over 20 sellers while the channel
// drops connections, duplicates, reorders and delays pushes, the handler
// fails now and then (so messages are redelivered), and a window of
// messages is lost while the consumer cannot connect (beyond the
// channel's retention). The handler must end with every trade's final
// version.
func TestPipelineChaos(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	const (
		sellers  = 20
		trades   = 2000 // five changes each
		changes  = trades * 5
		failRate = 0.01
	)
	nicks := make([]string, sellers)
	for i := range nicks {
		nicks[i] = fmt.Sprintf("chaos-shop-%02d", i)
	}
	srv := taobaotest.NewServer(taobaotest.WithTrades(0), taobaotest.WithSellers(nicks...),
		taobaotest.WithTMC(taobaotest.WithTMCRedelivery(20*time.Second), taobaotest.WithTMCRetention(200)))
	synctest.Test(t, func(t *testing.T) {
		defer srv.Close()
		r := newRig(t, srv, true, &tmc.PipelineOptions{SlowPoll: 5 * time.Minute, FastPoll: 10 * time.Second},
			tmc.WithMaxInFlight(64))
		s := newSink()
		var rmu sync.Mutex
		rng := rand.New(rand.NewPCG(7, 11))
		s.fail = func(*taobao.Trade) bool {
			rmu.Lock()
			defer rmu.Unlock()
			return rng.Float64() < failRate
		}
		stop := r.run(t, s.handle)
		time.Sleep(2 * time.Second)

		type live struct {
			tid  int64
			step int
		}
		drive := rand.New(rand.NewPCG(1, 2))
		var active []*live
		started := 0
		tmcs := srv.TMC()
		for n := 0; n < changes; n++ {
			switch n {
			case 1000:
				tmcs.SetFaults(taobaotest.TMCFaults{Duplicate: true})
			case 2000:
				tmcs.SetFaults(taobaotest.TMCFaults{Reorder: true, Delay: 500 * time.Millisecond})
			case 3000:
				tmcs.SetFaults(taobaotest.TMCFaults{})
			case 5000: // the missed window
				tmcs.SetFaults(taobaotest.TMCFaults{RefuseConnect: true})
				tmcs.DropConnections()
			case 6500:
				tmcs.SetFaults(taobaotest.TMCFaults{})
			case 7000:
				tmcs.SetFaults(taobaotest.TMCFaults{Duplicate: true, Reorder: true})
			case 8500:
				tmcs.SetFaults(taobaotest.TMCFaults{})
			}
			if n%1500 == 750 {
				tmcs.DropConnections()
			}
			// Start a new trade, or move a live one on a step.
			if started < trades && (len(active) == 0 || drive.IntN(5) == 0) {
				tr := srv.AddTrade(nicks[started%sellers], unpaidTrade())
				active = append(active, &live{tid: int64(tr.Tid)})
				started++
			} else {
				i := drive.IntN(len(active))
				l := active[i]
				l.step++
				var err error
				switch l.step {
				case 1:
					err = srv.PayTrade(l.tid)
				case 2:
					err = srv.ModifyTrade(l.tid, func(t *taobao.Trade) { t.SellerMemo = fmt.Sprint("memo ", n) })
				case 3:
					err = srv.ShipTrade(l.tid, "SF", "")
				case 4:
					if l.tid%4 == 0 {
						err = srv.CloseTrade(l.tid)
					} else {
						err = srv.FinishTrade(l.tid)
					}
					active = append(active[:i], active[i+1:]...)
				}
				require.NoError(t, err, "change %d, step %d", n, l.step)
			}
			time.Sleep(time.Duration(drive.IntN(20)) * time.Millisecond)
		}
		require.Equal(t, trades, started)
		require.Empty(t, active)
		faultStats := tmcs.Stats()

		// Let redeliveries and the syncers finish.
		lost := -1
		for range 40 {
			time.Sleep(30 * time.Second)
			synctest.Wait()
			if lost = countLost(srv, s, nicks); lost == 0 {
				break
			}
		}
		st := r.pipe.Stats()
		ts := tmcs.Stats()
		t.Logf("changes %d, trades %d; handler calls %d (%.2f per trade, %.3f per change), of them %d repeating the version stored; pipeline %+v",
			changes, trades, s.calls, float64(s.calls)/trades, float64(s.calls)/changes, s.same, st)
		t.Logf("channel: %+v (dropped by retention during the run: %d)", ts, faultStats.Dropped)
		assert.Zero(t, lost, "trades whose final version never reached the handler")
		assert.Zero(t, s.older, "a version older than one handed")
		assert.Zero(t, s.parallel, "two calls for one trade at once")
		assert.Positive(t, faultStats.Dropped, "the missed window lost messages")
		assert.Positive(t, ts.Redelivered, "messages were redelivered")
		assert.Positive(t, st.FromSyncer, "the syncers found what the channel lost")
		// Duplicates are bounded: at most one handler call per change
		// (versions of one trade coalesce; failed calls are not counted).
		assert.LessOrEqual(t, s.calls, changes)
		assert.LessOrEqual(t, s.same, changes/20, "handler calls with a version it had")
		stop()
	})
}

// countLost counts the trades whose version in the sink differs from the
// server's.
func countLost(srv *taobaotest.Server, s *sink, nicks []string) int {
	lost := 0
	for _, nick := range nicks {
		for _, truth := range srv.Trades(nick) {
			got, ok := s.get(int64(truth.Tid))
			if !ok || !got.Modified.Equal(truth.Modified.Time) || got.Status != truth.Status || got.SellerMemo != truth.SellerMemo {
				lost++
			}
		}
	}
	return lost
}
