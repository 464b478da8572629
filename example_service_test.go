package taobao_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func ExampleTradeService_FullInfo() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(200),
		Orders: []taobao.Order{{Title: "纯棉T恤", Num: 1, Payment: taobao.Yuan(80)}, {Title: "帆布鞋", Num: 2, Payment: taobao.Yuan(120)}}})
	t, err := c.Trades.FullInfo(context.Background(), tr.Tid, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Status, t.Payment)
	for _, o := range t.Orders {
		fmt.Println(o.Title, o.Num, o.Payment)
	}
	// Output:
	// WAIT_SELLER_SEND_GOODS 200.00
	// 纯棉T恤 1 80.00
	// 帆布鞋 2 120.00
}

func ExampleTradeService_Get() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitBuyerPay, Payment: taobao.Yuan(100)})
	t, err := c.Trades.Get(context.Background(), tr.Tid, &taobao.TradeGetOptions{Fields: []string{"tid", "status", "payment"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Status, t.Payment, len(t.Orders))
	// Output: WAIT_BUYER_PAY 100.00 0
}

func ExampleTradeService_ListSold() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	for i, status := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitSellerSendGoods} {
		srv.AddTrade("example-shop", taobao.Trade{Status: status, Payment: taobao.Yuan(float64(100 * (i + 1))),
			Created: taobao.NewTime(srv.Now().Add(time.Duration(i-3) * time.Hour))})
	}
	page, err := c.Trades.ListSold(context.Background(), &taobao.SoldListOptions{
		Status: taobao.TradeStatusWaitSellerSendGoods,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.TotalResults)
	for _, t := range page.Trades { // newest created first
		fmt.Println(t.Status, t.Payment)
	}
	// Output:
	// 2
	// WAIT_SELLER_SEND_GOODS 300.00
	// WAIT_SELLER_SEND_GOODS 200.00
}

func ExampleTradeService_ListSoldIter() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	for i, status := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitSellerSendGoods} {
		srv.AddTrade("example-shop", taobao.Trade{Status: status, Payment: taobao.Yuan(float64(100 * (i + 1))),
			Created: taobao.NewTime(srv.Now().Add(time.Duration(i-3) * time.Hour))})
	}
	var total taobao.Money
	for t, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{
		ListOptions: taobao.ListOptions{PageSize: 2}, // two calls
	}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		total += t.Payment
	}
	fmt.Println(total, srv.Calls(taobao.MethodTradesSold))
	// Output: 600.00 2
}

func ExampleTradeService_ListSoldIncrement() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	for i, status := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitSellerSendGoods} {
		tr := srv.AddTrade("example-shop", taobao.Trade{Status: status, Payment: taobao.Yuan(float64(100 * (i + 1))),
			Created: taobao.NewTime(srv.Now().Add(time.Duration(i-3) * time.Hour))})
		if i == 0 {
			_ = srv.ModifyTrade(tr.Tid, func(t *taobao.Trade) { t.SellerMemo = "call the buyer" })
		}
	}
	now := srv.Now()
	page, err := c.Trades.ListSoldIncrement(context.Background(), &taobao.IncrementListOptions{
		StartModified: taobao.NewTime(now.Add(-time.Minute)),
		EndModified:   taobao.NewTime(now.Add(time.Minute)),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.TotalResults, len(page.Trades)) // most recently modified first
	// Output: 3 3
}

func ExampleTradeService_ListSoldIncrementIter() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	for i, status := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitSellerSendGoods} {
		srv.AddTrade("example-shop", taobao.Trade{Status: status, Payment: taobao.Yuan(float64(100 * (i + 1))),
			Created: taobao.NewTime(srv.Now().Add(time.Duration(i-3) * time.Hour))})
	}
	now := srv.Now()
	n := 0
	for _, err := range c.Trades.ListSoldIncrementIter(context.Background(), &taobao.IncrementListOptions{
		Fields:        []string{"tid", "modified"},
		StartModified: taobao.NewTime(now.Add(-time.Hour)),
		EndModified:   taobao.NewTime(now.Add(time.Minute)),
	}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		n++
	}
	fmt.Println(n)
	// Output: 3
}

func ExampleLogisticsService_ListCompanies() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	companies, err := c.Logistics.ListCompanies(context.Background(), &taobao.CompaniesOptions{IsRecommended: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, co := range companies[:3] {
		fmt.Println(co.Code)
	}
	// Output:
	// SF
	// ZTO
	// YTO
}

func ExampleLogisticsService_OfflineSend() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(200),
		Orders: []taobao.Order{{Title: "纯棉T恤", Num: 1, Payment: taobao.Yuan(80)}, {Title: "帆布鞋", Num: 2, Payment: taobao.Yuan(120)}}})
	ctx := context.Background()
	tid := tr.Tid
	res, err := c.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.IsSuccess)

	_, err = c.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
	fmt.Println(errors.Is(err, taobao.ErrAlreadyShipped))
	t, _ := c.Trades.Get(ctx, tid, &taobao.TradeGetOptions{Fields: []string{"status"}})
	fmt.Println(t.Status)
	// Output:
	// true
	// true
	// WAIT_BUYER_CONFIRM_GOODS
}

func ExampleLogisticsService_Trace() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(200),
		Orders: []taobao.Order{{Title: "纯棉T恤", Num: 1, Payment: taobao.Yuan(80)}, {Title: "帆布鞋", Num: 2, Payment: taobao.Yuan(120)}}})
	ctx := context.Background()
	tid := tr.Tid
	if _, err := c.Logistics.OfflineSend(ctx, tid, "SF1234567890124", "SF", nil); err != nil {
		fmt.Println(err)
		return
	}
	trace, err := c.Logistics.Trace(ctx, tid, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(trace.OutSid, trace.Status, len(trace.TraceList) > 0)
	// Output: SF1234567890124 对方已签收 true
}

func ExampleLogisticsService_ListOrders() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(200),
		Orders: []taobao.Order{{Title: "纯棉T恤", Num: 1, Payment: taobao.Yuan(80)}, {Title: "帆布鞋", Num: 2, Payment: taobao.Yuan(120)}}})
	ctx := context.Background()
	tid := tr.Tid
	if _, err := c.Logistics.OfflineSend(ctx, tid, "SF1234567890125", "SF", nil); err != nil {
		fmt.Println(err)
		return
	}
	page, err := c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{Tid: tid})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.TotalResults, page.Shippings[0].OutSid)
	// Output: 1 SF1234567890125
}

func ExampleLogisticsService_ListOrderDetails() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	tr := srv.AddTrade("example-shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, Payment: taobao.Yuan(200),
		Orders: []taobao.Order{{Title: "纯棉T恤", Num: 1, Payment: taobao.Yuan(80)}, {Title: "帆布鞋", Num: 2, Payment: taobao.Yuan(120)}}})
	ctx := context.Background()
	tid := tr.Tid
	if _, err := c.Logistics.OfflineSend(ctx, tid, "YT1234567890123", "YTO", nil); err != nil {
		fmt.Println(err)
		return
	}
	page, err := c.Logistics.ListOrderDetails(ctx, &taobao.LogisticsListOptions{Tid: tid})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.TotalResults, page.Shippings[0].CompanyName != "")
	// Output: 1 true
}

// A syncer hands every changed trade to the handler and remembers how far
// it came in the checkpoint.
func ExampleNewTradeSyncer() {
	srv := taobaotest.NewServer(taobaotest.WithTrades(0)) // a fake gateway with an empty shop
	defer srv.Close()
	c := srv.Client(srv.NewSession("example-shop"))
	for i, status := range []taobao.TradeStatus{taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitSellerSendGoods} {
		srv.AddTrade("example-shop", taobao.Trade{Status: status, Payment: taobao.Yuan(float64(100 * (i + 1))),
			Created: taobao.NewTime(srv.Now().Add(time.Duration(i-3) * time.Hour))})
	}
	cp := &taobao.MemoryCheckpoint{}
	s := taobao.NewTradeSyncer(c, cp, &taobao.SyncOptions{
		Since: srv.Now().Add(-time.Hour),
		Lag:   time.Nanosecond, // the example's trades are a moment old
	})
	n := 0
	_, err := s.SyncOnce(context.Background(), func(ctx context.Context, t *taobao.Trade) error {
		n++ // store t; a trade may come twice, so make this idempotent
		return nil
	})
	fmt.Println(n, err)
	// Output: 3 <nil>
}
