package tmc_test

import (
	"context"
	"fmt"

	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

func ExampleConsumer_Run() {
	// A fake channel on loopback stands in for the real one.
	srv := taobaotest.NewTMCServer("12345678", "app-secret")
	defer srv.Close()
	url := srv.Start()

	c, err := tmc.NewConsumer("12345678", "app-secret", tmc.WithURL(url), tmc.WithMaxInFlight(4))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv.Publish(tmc.TopicTradeSellerShip, "shop", 1, []byte(`{"tid":"612055618715866263","status":"WAIT_BUYER_CONFIRM_GOODS"}`))

	err = c.Run(ctx, func(ctx context.Context, m *tmc.Message) error {
		defer cancel() // one message is enough for the example
		ev, err := tmc.ParseEvent(m)
		if err != nil {
			return err // reported as failed: the channel sends it again later
		}
		if e, ok := ev.(*tmc.TradeEvent); ok {
			fmt.Println(e.Topic, e.Tid, e.Status)
		}
		return nil // confirmed
	})
	fmt.Println(err)
	// Output:
	// taobao_trade_TradeSellerShip 612055618715866263 WAIT_BUYER_CONFIRM_GOODS
	// context canceled
}
