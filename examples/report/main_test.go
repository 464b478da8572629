package main

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// connectTo connects to srv as seller through its in-process transport.
func connectTo(srv *taobaotest.Server, seller string) connectFunc {
	return func(io.Writer) (*taobaotest.Conn, error) {
		c, err := srv.NewClient(srv.NewSession(seller), taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}))
		return &taobaotest.Conn{Client: c, Seller: seller}, err
	}
}

// soldStatuses is what the test, on its own, counts as sold.
var soldStatuses = []taobao.TradeStatus{
	"WAIT_SELLER_SEND_GOODS", "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS",
	"TRADE_BUYER_SIGNED", "TRADE_FINISHED", "PAID_FORBID_CONSIGN",
}

// expected is the report the test computes from the gateway's ground truth.
type expected struct {
	days     map[string][4]int64 // trades, paid trades, items, paid fen
	statuses map[string]int64
	items    map[string][3]int64 // trades, items, paid fen
	total    [4]int64
}

func expect(trades []taobao.Trade, from, to time.Time) expected {
	e := expected{days: map[string][4]int64{}, statuses: map[string]int64{}, items: map[string][3]int64{}}
	loc := time.FixedZone("CST", 8*3600)
	for _, tr := range trades {
		c := tr.Created.Time
		if c.Before(from) || !c.Before(to.AddDate(0, 0, 1)) {
			continue
		}
		day := c.In(loc).Format("2006-01-02")
		d := e.days[day]
		d[0]++
		e.total[0]++
		e.statuses[string(tr.Status)]++
		for _, s := range soldStatuses {
			if tr.Status != s {
				continue
			}
			var n int64
			for _, o := range tr.Orders {
				n += int64(o.Num)
				it := e.items[strconv.FormatInt(int64(o.NumIid), 10)]
				e.items[strconv.FormatInt(int64(o.NumIid), 10)] = [3]int64{it[0] + 1, it[1] + int64(o.Num), it[2] + int64(o.Payment)}
			}
			d[1]++
			d[2] += n
			d[3] += int64(tr.Payment)
			e.total[1]++
			e.total[2] += n
			e.total[3] += int64(tr.Payment)
		}
		e.days[day] = d
	}
	return e
}

// fen parses an amount of the CSV.
func fen(t *testing.T, s string) int64 {
	t.Helper()
	m, err := taobao.ParseMoney(s)
	require.NoError(t, err)
	return int64(m)
}

func atoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	require.NoError(t, err)
	return n
}

func TestReportMatchesTheGateway(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithSeed(42), taobaotest.WithTrades(1500))
	t.Cleanup(srv.Close)
	seller := srv.Sellers()[0]
	out := filepath.Join(t.TempDir(), "out")

	loc := time.FixedZone("CST", 8*3600)
	y, m, d := time.Now().In(loc).Date()
	to := time.Date(y, m, d, 0, 0, 0, 0, loc).AddDate(0, 0, -1)
	from := to.AddDate(0, 0, -44)
	args := []string{"-from", from.Format("2006-01-02"), "-to", to.Format("2006-01-02"), "-out", out}
	var stdout bytes.Buffer
	require.NoError(t, runWith(t.Context(), args, &stdout, io.Discard, connectTo(srv, seller)))
	want := expect(srv.Trades(seller), from, to)
	require.Positive(t, want.total[1], "the range holds paid trades")

	// report.csv
	f, err := os.Open(filepath.Join(out, "report.csv"))
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"section", "key", "name", "trades", "paid_trades", "items", "paid"}, rows[0])
	var days []string
	var statusSum, daySum [4]int64
	items, statuses := 0, 0
	for _, row := range rows[1:] {
		nums := [4]int64{atoi(t, row[3]), atoi(t, row[4]), atoi(t, row[5]), fen(t, row[6])}
		switch row[0] {
		case "day":
			days = append(days, row[1])
			assert.Equal(t, want.days[row[1]], nums, "day %s", row[1])
			for i := range nums {
				daySum[i] += nums[i]
			}
		case "total":
			assert.Equal(t, from.Format("2006-01-02")+"/"+to.Format("2006-01-02"), row[1])
			assert.Equal(t, want.total, nums, "total")
		case "status":
			statuses++
			assert.Equal(t, want.statuses[row[1]], nums[0], "status %s", row[1])
			for i := range nums {
				statusSum[i] += nums[i]
			}
		case "item":
			items++
			w := want.items[row[1]]
			assert.Equal(t, [4]int64{w[0], w[0], w[1], w[2]}, nums, "item %s", row[1])
			assert.NotEmpty(t, row[2], "item %s has its title", row[1])
		default:
			t.Errorf("unexpected section %q", row[0])
		}
	}
	require.Len(t, days, 45, "a row per day")
	assert.Equal(t, from.Format("2006-01-02"), days[0])
	assert.Equal(t, to.Format("2006-01-02"), days[44])
	assert.Equal(t, want.total, daySum, "the days add up")
	assert.Equal(t, want.total, statusSum, "the states add up")
	assert.Equal(t, len(want.statuses), statuses, "a row per state")
	assert.Equal(t, min(20, len(want.items)), items)

	// The top item is the one with the highest paid amount.
	var best int64
	for _, it := range want.items {
		best = max(best, it[2])
	}
	for _, row := range rows[1:] {
		if row[0] == "item" {
			assert.Equal(t, best, fen(t, row[6]), "the first item sold the most")
			break
		}
	}

	// report.svg: well-formed, with a bar per day.
	b, err := os.ReadFile(filepath.Join(out, "report.svg"))
	require.NoError(t, err)
	bars, root := svgBars(t, b)
	assert.Equal(t, "svg", root)
	assert.Equal(t, 45, bars)

	// The table on standard output.
	s := stdout.String()
	assert.Contains(t, s, "sales of "+seller+", "+from.Format("2006-01-02")+" to "+to.Format("2006-01-02")+" (GMT+8)")
	assert.Regexp(t, `(?m)^total\s+`+strconv.FormatInt(want.total[0], 10)+`\s+`+strconv.FormatInt(want.total[1], 10)+`\s+`+
		strconv.FormatInt(want.total[2], 10)+`\s+`+strings.ReplaceAll(taobao.Money(want.total[3]).String(), ".", `\.`)+`$`, s)
	assert.Contains(t, s, "top items by paid amount")
}

// svgBars parses an SVG document strictly and counts its bars.
func svgBars(t *testing.T, doc []byte) (bars int, root string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return bars, root
		}
		require.NoError(t, err, "report.svg is well-formed XML")
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			assert.Equal(t, "http://www.w3.org/2000/svg", se.Name.Space)
		}
		for _, a := range se.Attr {
			if se.Name.Local == "rect" && a.Name.Local == "class" && a.Value == "bar" {
				bars++
			}
		}
	}
}

func TestReportDefaultsToTheLast30Days(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	var stdout bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"-out", out}, func(string) string { return "" }, &stdout, io.Discard))
	assert.Contains(t, stdout.String(), "gateway: built-in fake gateway")
	b, err := os.ReadFile(filepath.Join(out, "report.svg"))
	require.NoError(t, err)
	bars, _ := svgBars(t, b)
	assert.Equal(t, 30, bars)
	assert.FileExists(t, filepath.Join(out, "report.csv"))
}

func TestRunFailsClearly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		env  map[string]string
		err  string
	}{
		{"partial credentials", nil, map[string]string{"TAOBAO_SESSION": "x"}, "set all of TAOBAO_APP_KEY, TAOBAO_APP_SECRET and TAOBAO_SESSION"},
		{"too old", []string{"-from", "2000-01-01"}, nil, "searches the last three months only"},
		{"bad types", []string{"-types", "fixed,,cod"}, nil, "-types \"fixed,,cod\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(t.Context(), tt.args, func(k string) string { return tt.env[k] }, io.Discard, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}
