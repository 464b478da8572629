package taobaotest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// A test of code that reads trades: start the fake gateway, make a client
// with its URL and a session, add a trade, and read it back through the
// SDK.
func Example() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	defer srv.Close()
	c, _ := taobao.NewClient(srv.AppKey, srv.AppSecret, taobao.WithBaseURL(srv.URL), taobao.WithSession(srv.NewSession("my-shop")))
	added := srv.AddTrade("my-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: 19900})
	got, err := c.Trades.FullInfo(context.Background(), int64(added.Tid), nil)
	fmt.Println(err, got.Tid == added.Tid, got.Status, got.Payment)
	// Output: <nil> true WAIT_SELLER_SEND_GOODS 199.00
}

// The generated data set: every seller has trades in every state, which
// the list APIs filter, sort and page as the gateway does.
func ExampleServer_Trades() {
	srv := taobaotest.NewServer(taobaotest.WithSeed(7), taobaotest.WithTrades(50))
	defer srv.Close()
	seller := srv.Sellers()[0]
	c := srv.Client(srv.NewSession(seller))

	waiting := 0
	for _, t := range srv.Trades(seller) { // the ground truth
		if t.Status == taobao.TradeStatusWaitSellerSendGoods && t.Type == taobao.TradeTypeFixed {
			waiting++
		}
	}
	page, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{
		Fields: []string{"tid", "status"},
		Status: taobao.TradeStatusWaitSellerSendGoods,
		Type:   []taobao.TradeType{taobao.TradeTypeFixed},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(seller, int(page.TotalResults) == waiting, len(page.Trades) == waiting)
	// Output: taobaotest-seller true true
}

// Changing data between two page reads: a trade modified while a listing
// is read moves to the front of the increment API's order, onto a page
// that was read already, so that reading the pages forward misses it (the
// reason TradeSyncer reads them from the last).
func ExampleServer_BetweenPages() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0))
	defer srv.Close()
	now := srv.Now()
	var tids []int64 // most recently modified first
	for i := range 4 {
		t := srv.AddTrade("shop", taobao.Trade{Modified: taobao.NewTime(now.Add(-time.Duration(i+1) * time.Minute))})
		tids = append(tids, int64(t.Tid))
	}
	srv.BetweenPages(func(method string, pageNo int) {
		if pageNo == 1 {
			_ = srv.ModifyTrade(tids[3], func(t *taobao.Trade) { t.SellerMemo = "changed" })
		}
	})
	c := srv.Client(srv.NewSession("shop"))
	seen := map[int64]bool{}
	reads := 0
	for t, err := range c.Trades.ListSoldIncrementIter(context.Background(), &taobao.IncrementListOptions{
		Fields:        []string{"tid"},
		StartModified: taobao.NewTime(now.Add(-time.Hour)),
		EndModified:   taobao.NewTime(now.Add(time.Hour)),
		ListOptions:   taobao.ListOptions{PageSize: 2},
	}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		seen[int64(t.Tid)] = true
		reads++
	}
	fmt.Println("reads:", reads, "distinct:", len(seen), "changed trade seen:", seen[tids[3]])
	// Output: reads: 4 distinct: 3 changed trade seen: false
}
