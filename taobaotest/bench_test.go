package taobaotest_test

import (
	"context"
	"testing"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// BenchmarkListSoldRoundTrip reads 100-trade pages of
// taobao.trades.sold.get through the SDK from a taobaotest server on
// loopback that holds 100,000 trades of one seller: signing, HTTP, the
// server's filtering, paging and field selection, and decoding. Pages are
// read in turn from the first to the last. It reports trades/s.
func BenchmarkListSoldRoundTrip(b *testing.B) {
	const perSeller = 100_000
	srv := taobaotest.NewServer(taobaotest.WithSellers("bench-shop"), taobaotest.WithTrades(perSeller))
	defer srv.Close()
	c := srv.Client(srv.NewSession("bench-shop"))
	ctx := context.Background()
	first, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid"}}) // generates the data
	if err != nil {
		b.Fatal(err)
	}
	pages := int(first.TotalResults) / taobao.MaxPageSize // full pages only

	cases := []struct {
		name       string
		fields     []string // nil: TradeSoldFields
		useHasNext bool
	}{
		{"sold-fields", nil, false},
		{"few-fields", []string{"tid", "status", "payment", "created", "modified"}, false},
		{"sold-fields-has-next", nil, true},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			page := 0
			b.ReportAllocs()
			for b.Loop() {
				p, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{
					Fields:      bc.fields,
					ListOptions: taobao.ListOptions{PageNo: page%pages + 1, PageSize: taobao.MaxPageSize, UseHasNext: bc.useHasNext},
				})
				if err != nil {
					b.Fatal(err)
				}
				if len(p.Trades) != taobao.MaxPageSize {
					b.Fatalf("page %d: %d trades", page%pages+1, len(p.Trades))
				}
				page++
			}
			b.ReportMetric(float64(b.N*taobao.MaxPageSize)/b.Elapsed().Seconds(), "trades/s")
		})
	}
}
