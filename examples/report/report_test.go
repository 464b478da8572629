package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

func gmt8(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, taobao.GMT8())
}

func TestParseFlags(t *testing.T) {
	t.Parallel()
	// 2025-03-01 01:00 in GMT+8 is still February 28 in UTC and in New York.
	now := gmt8(2025, 3, 1, 1, 0)
	tests := []struct {
		name     string
		args     []string
		from, to time.Time
		err      string
	}{
		{name: "default: the last 30 days", from: gmt8(2025, 1, 31, 0, 0), to: gmt8(2025, 3, 1, 0, 0)},
		{name: "range", args: []string{"-from", "2025-02-01", "-to", "2025-02-28"}, from: gmt8(2025, 2, 1, 0, 0), to: gmt8(2025, 2, 28, 0, 0)},
		{name: "to only", args: []string{"-to", "2025-02-10"}, from: gmt8(2025, 1, 12, 0, 0), to: gmt8(2025, 2, 10, 0, 0)},
		{name: "one day", args: []string{"-from", "2025-03-01", "-to", "2025-03-01"}, from: gmt8(2025, 3, 1, 0, 0), to: gmt8(2025, 3, 1, 0, 0)},
		{name: "earliest day", args: []string{"-from", "2024-12-02"}, from: gmt8(2024, 12, 2, 0, 0), to: gmt8(2025, 3, 1, 0, 0)},
		{name: "too old", args: []string{"-from", "2024-12-01"}, err: "searches the last three months only; the earliest day it covers whole is 2024-12-02"},
		{name: "future", args: []string{"-to", "2025-03-02"}, err: "-to 2025-03-02 is after today, 2025-03-01"},
		{name: "reversed", args: []string{"-from", "2025-02-10", "-to", "2025-02-01"}, err: "-from 2025-02-10 is after -to 2025-02-01"},
		{name: "bad date", args: []string{"-from", "2025-2-1"}, err: `-from "2025-2-1": want a date as YYYY-MM-DD`},
		{name: "argument", args: []string{"today"}, err: `unexpected argument "today"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseFlags(tt.args, &bytes.Buffer{}, now)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.from, cfg.from)
			assert.Equal(t, tt.to, cfg.to)
			assert.Equal(t, ".", cfg.out)
		})
	}
}

func TestReportCountsEachTradeOnceByItsGMT8Day(t *testing.T) {
	t.Parallel()
	from := gmt8(2025, 3, 1, 0, 0)
	r := newReport("s", from, from.AddDate(0, 0, 1))
	paid := &taobao.Trade{
		Tid: 1, Status: taobao.TradeStatusTradeFinished, Payment: 12345,
		Created: taobao.NewTime(gmt8(2025, 3, 1, 23, 59)), // 15:59 UTC: still March 1 in GMT+8
		Orders: []taobao.Order{
			{NumIid: 9, Title: "杯子", Num: 2, Payment: 10000},
			{NumIid: 8, Title: "盖子", Num: 1, Payment: 2345},
		},
	}
	unpaid := &taobao.Trade{
		Tid: 2, Status: taobao.TradeStatusWaitBuyerPay, Payment: 500, Num: 3,
		Created: taobao.NewTime(gmt8(2025, 3, 2, 0, 0)),
	}
	outside := &taobao.Trade{Tid: 3, Status: taobao.TradeStatusTradeFinished, Payment: 1, Created: taobao.NewTime(gmt8(2025, 3, 3, 0, 0))}

	assert.True(t, r.add(paid))
	assert.False(t, r.add(paid), "a trade repeated by paging counts once")
	assert.True(t, r.add(unpaid))
	assert.False(t, r.add(outside))

	assert.Equal(t, tally{Trades: 1, PaidTrades: 1, Items: 3, Paid: 12345}, r.Days[0])
	assert.Equal(t, tally{Trades: 1}, r.Days[1], "unpaid trades add no items and no amount")
	assert.Equal(t, tally{Trades: 2, PaidTrades: 1, Items: 3, Paid: 12345}, r.Total)
	top := r.topItems(5)
	require.Len(t, top, 2)
	assert.Equal(t, itemTally{NumIid: 9, Title: "杯子", Trades: 1, Items: 2, Paid: 10000}, *top[0])

	var b bytes.Buffer
	require.NoError(t, r.writeCSV(&b))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		csvHeader,
		{"day", "2025-03-01", "", "1", "1", "3", "123.45"},
		{"day", "2025-03-02", "", "1", "0", "0", "0.00"},
		{"total", "2025-03-01/2025-03-02", "s", "2", "1", "3", "123.45"},
		{"status", "TRADE_FINISHED", "finished", "1", "1", "3", "123.45"},
		{"status", "WAIT_BUYER_PAY", "waiting for payment", "1", "0", "0", "0.00"},
		{"item", "9", "杯子", "1", "1", "2", "100.00"},
		{"item", "8", "盖子", "1", "1", "1", "23.45"},
	}, rows)
}

func TestYTicks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		top  taobao.Money
		step taobao.Money
		n    int
	}{
		{0, 10000, 5},
		{1, 1, 1},
		{599, 100, 6},
		{580_000, 100_000, 6},
		{1_000_00, 200_00, 5},
		{1_300_00, 250_00, 6},
		{12_345_678_90, 2_500_000_00, 5},
	}
	for _, tt := range tests {
		step, n := yTicks(tt.top)
		assert.Equal(t, tt.step, step, "top %s", tt.top)
		assert.Equal(t, tt.n, n, "top %s", tt.top)
		assert.GreaterOrEqual(t, step*taobao.Money(n), tt.top)
	}
}

func TestYuanLabels(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "1,234,500", yuan(1_234_500_00, 100_00))
	assert.Equal(t, "0", yuan(0, 100))
	assert.Equal(t, "0.25", yuan(25, 25))
	assert.True(t, strings.HasPrefix(clip("一二三四五六", 4), "一二三"))
	assert.Equal(t, "一二三…", clip("一二三四五六", 4))
}

func TestGrouped(t *testing.T) {
	t.Parallel()
	for m, want := range map[taobao.Money]string{
		0: "0.00", 5: "0.05", 99999: "999.99", 100000: "1,000.00",
		123456789: "1,234,567.89", -123456789: "-1,234,567.89",
	} {
		assert.Equal(t, want, grouped(m))
	}
}

func TestSellerFromTheTradesAndEscaped(t *testing.T) {
	t.Parallel()
	from := gmt8(2025, 3, 1, 0, 0)
	r := newReport("", from, from)
	assert.Empty(t, r.of())
	r.add(&taobao.Trade{Tid: 1, SellerNick: `<店&铺>"`, Status: taobao.TradeStatusTradeFinished, Payment: 100, Created: taobao.NewTime(from)})
	assert.Equal(t, ` of <店&铺>"`, r.of())

	var b bytes.Buffer
	require.NoError(t, r.writeSVG(&b))
	bars, root := svgBars(t, b.Bytes())
	assert.Equal(t, 1, bars)
	assert.Equal(t, "svg", root)
	assert.Contains(t, b.String(), "Paid amount per day of &lt;店&amp;铺&gt;&#34;")
}
