package taobao_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

// oddPage is a trades.sold.get answer shaped as real answers are: a raw
// line break and tab in a buyer message, sid as a bare number, a flag as
// 1, an id as "2.0", and one value that cannot be converted.
const oddPage = "{\"trades_sold_get_response\":{\"total_results\":3,\"trades\":{\"trade\":[" +
	"{\"tid\":1001,\"buyer_message\":\"please\nring\tthe bell\",\"sid\":4200001,\"buyer_rate\":1,\"title\":\"a\"}," +
	"{\"tid\":\"1002.0\",\"adjust_fee\":\"0.00\",\"buyer_rate\":false,\"title\":{\"zh\":\"b\"}}," +
	"{\"tid\":1003,\"num\":1.5,\"seller_memo\":\"esc \\\"q\\\"\nraw\",\"title\":\"c\"}" +
	"]},\"request_id\":\"req-odd\"}}"

func TestRealShapesNeverCostAPage(t *testing.T) {
	srv, session := newFake(t)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: rawAnswers(oddPage)}), taobao.WithLogger(logger))
	p, err := c.Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
	require.Len(t, p.Trades, 3, "no trade is lost to one odd value")

	a, b, d := p.Trades[0], p.Trades[1], p.Trades[2]
	assert.Equal(t, "please\nring\tthe bell", a.BuyerMessage, "raw control characters are kept")
	assert.Equal(t, "4200001", a.Sid, "a number for a string keeps its text")
	assert.True(t, bool(a.BuyerRate))
	assert.EqualValues(t, 1002, b.Tid, "an exact numeric string")
	assert.Empty(t, b.Title, "an object for a string is dropped")
	assert.EqualValues(t, 1003, d.Tid)
	assert.Zero(t, d.Num, "1.5 is no count: dropped, never rounded")
	assert.Equal(t, "esc \"q\"\nraw", d.SellerMemo)

	var paths []string
	for _, dv := range p.Dropped {
		paths = append(paths, dv.Path)
	}
	assert.ElementsMatch(t, []string{"trades.trade.sid", "trades.trade.title", "trades.trade.num"}, paths)
	out := logs.String()
	assert.Equal(t, 1, strings.Count(out, "level=WARN"), "one line per answer: %s", out)
	assert.Contains(t, out, "request_id=req-odd")
	assert.Contains(t, out, "trades.trade.num")
}

func TestSyncCountsDroppedValues(t *testing.T) {
	srv, session := newSyncFake(t)
	synctest.Test(t, func(t *testing.T) {
		c, rw := rewritten(srv, session)
		start := time.Now()
		addTrades(srv, 3)
		time.Sleep(time.Minute)
		rw.mu.Lock()
		rw.raw = func(form url.Values, body []byte) []byte {
			if isIncrement(form) {
				return bytes.ReplaceAll(body, []byte(`"tid":`), []byte(`"title":{"x":1},"tid":`))
			}
			return body
		}
		rw.mu.Unlock()
		s := taobao.NewTradeSyncer(c, &taobao.MemoryCheckpoint{}, &taobao.SyncOptions{Since: start})
		_, err := s.SyncOnce(context.Background(), newRecorder().handle)
		require.NoError(t, err)
		assert.EqualValues(t, 3, s.Stats().Trades, "every trade is handed over")
		assert.EqualValues(t, 3, s.Stats().Dropped)
	})
}
