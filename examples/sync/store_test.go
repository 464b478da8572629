package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

// storedTrades reads a trade log line by line.
func storedTrades(t *testing.T, path string) []taobao.Trade {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []taobao.Trade
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var tr taobao.Trade
		require.NoError(t, json.Unmarshal(sc.Bytes(), &tr), "line %d", len(out)+1)
		out = append(out, tr)
	}
	require.NoError(t, sc.Err())
	return out
}

func tradeAt(tid int64, modified time.Time, status taobao.TradeStatus) *taobao.Trade {
	return &taobao.Trade{Tid: int64(tid), Modified: taobao.NewTime(modified), Status: status, Payment: 1999}
}

func TestStoreKeepsTheLatestState(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), tradesFile)
	base := time.Date(2025, 3, 1, 10, 0, 0, 0, taobao.GMT8())

	s, err := openStore(path)
	require.NoError(t, err)
	require.NoError(t, s.put(tradeAt(1, base, taobao.TradeStatusWaitBuyerPay)))
	require.NoError(t, s.put(tradeAt(2, base, taobao.TradeStatusWaitBuyerPay)))
	require.NoError(t, s.put(tradeAt(1, base.Add(time.Minute), taobao.TradeStatusWaitSellerSendGoods)))
	require.NoError(t, s.put(tradeAt(1, base, taobao.TradeStatusWaitBuyerPay)), "an older state is ignored")
	require.NoError(t, s.put(tradeAt(2, base, taobao.TradeStatusWaitBuyerPay)), "a repeat is ignored")
	require.NoError(t, s.sync())
	assert.Equal(t, 3, s.lines, "the log holds every change until compacted")
	assert.Equal(t, [3]int{2, 1, 2}, [3]int{s.added, s.updated, s.unchanged})
	require.NoError(t, s.close())

	got := storedTrades(t, path)
	require.Len(t, got, 2, "compacted to one line per trade")
	assert.EqualValues(t, 1, got[0].Tid)
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, got[0].Status)
	assert.True(t, got[0].Modified.Equal(base.Add(time.Minute)))
	assert.EqualValues(t, 2, got[1].Tid)

	s, err = openStore(path)
	require.NoError(t, err)
	defer s.close()
	assert.Len(t, s.trades, 2)
	assert.True(t, s.trades[1].modified.Equal(base.Add(time.Minute)))
}

func TestStoreDropsAnAppendCutShort(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), tradesFile)
	line := func(tid int64) string {
		b, err := json.Marshal(tradeAt(tid, time.Unix(1_700_000_000, 0), taobao.TradeStatusTradeFinished))
		require.NoError(t, err)
		return string(b) + "\n"
	}
	torn := line(3)[:40]
	require.NoError(t, os.WriteFile(path, []byte(line(1)+line(2)+torn), 0o644))

	s, err := openStore(path)
	require.NoError(t, err)
	assert.Len(t, s.trades, 2)
	require.NoError(t, s.close())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, line(1)+line(2), string(b))
}

func TestStoreRefusesACorruptLog(t *testing.T) {
	t.Parallel()
	for name, content := range map[string]string{
		"not json": "{\"tid\":1}\nnot json\n",
		"no tid":   "{\"status\":\"TRADE_FINISHED\"}\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tradesFile)
			require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
			_, err := openStore(path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "is corrupt at line")
			b, _ := os.ReadFile(path)
			assert.Equal(t, content, string(b), "a corrupt log is left alone")
		})
	}
}

func TestStoreCompactsAGrowingLog(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), tradesFile)
	s, err := openStore(path)
	require.NoError(t, err)
	defer s.close()
	base := time.Unix(1_700_000_000, 0)
	for i := range 1100 {
		require.NoError(t, s.put(tradeAt(7, base.Add(time.Duration(i)*time.Second), taobao.TradeStatusWaitBuyerPay)))
	}
	require.NoError(t, s.sync())
	assert.Equal(t, 1, s.lines)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(b), "\n"))
	assert.Equal(t, 1100, s.added+s.updated)
}
