package main

import (
	"context"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// simulator plays a busy shop on the fake gateway: at each tick a new trade
// arrives, or an open one moves on (paid, shipped, finished, or closed
// unpaid), so that a running sync has changes to pick up.
type simulator struct {
	fake   *taobaotest.Server
	seller string
	rnd    *rand.Rand
	models []taobao.Trade // what new trades buy
	open   []int64        // trades that can move on

	added, changed atomic.Int64

	cancel context.CancelFunc
	done   sync.WaitGroup
}

// startSimulator starts a simulator that acts every interval until stop.
func startSimulator(fake *taobaotest.Server, seller string, every time.Duration, seed uint64) *simulator {
	ctx, cancel := context.WithCancel(context.Background())
	s := &simulator{fake: fake, seller: seller, rnd: rand.New(rand.NewPCG(seed, seed^0x5eed)), cancel: cancel}
	s.done.Go(func() {
		for _, t := range fake.Trades(seller) {
			if next(t.Status) != "" {
				s.open = append(s.open, int64(t.Tid))
			}
			if len(s.models) < 50 && len(t.Orders) > 0 {
				s.models = append(s.models, t)
			}
		}
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				s.step()
			}
		}
	})
	return s
}

// stop ends the simulation and waits for its last step.
func (s *simulator) stop() {
	s.cancel()
	s.done.Wait()
}

// step adds a trade one time in three, else moves an open trade on.
func (s *simulator) step() {
	if len(s.models) > 0 && (len(s.open) == 0 || s.rnd.IntN(3) == 0) {
		t := s.addLike(s.models[s.rnd.IntN(len(s.models))])
		s.open = append(s.open, int64(t.Tid))
		return
	}
	if len(s.open) == 0 {
		return
	}
	i := s.rnd.IntN(len(s.open))
	closeIt := s.rnd.IntN(10) == 0
	now := s.fake.Now()
	final := false
	err := s.fake.ModifyTrade(s.open[i], func(t *taobao.Trade) {
		advance(t, now, closeIt)
		final = next(t.Status) == ""
	})
	if err == nil {
		s.changed.Add(1)
	}
	if err != nil || final {
		s.open = slices.Delete(s.open, i, i+1)
	}
}

// addLike adds a new unpaid fixed-price trade buying what model bought.
func (s *simulator) addLike(model taobao.Trade) taobao.Trade {
	t := taobao.Trade{
		Title:      model.Title,
		Type:       taobao.TradeTypeFixed,
		SellerNick: s.seller,
		BuyerNick:  model.BuyerNick,
		Status:     taobao.TradeStatusWaitBuyerPay,
		Payment:    model.Payment,
		TotalFee:   model.TotalFee,
		Price:      model.Price,
		Num:        model.Num,
		NumIid:     model.NumIid,
	}
	for _, o := range model.Orders {
		t.Orders = append(t.Orders, taobao.Order{
			Title: o.Title, NumIid: o.NumIid, Num: o.Num, Price: o.Price,
			TotalFee: o.TotalFee, Payment: o.Payment,
			Status: taobao.OrderStatus(taobao.TradeStatusWaitBuyerPay),
		})
	}
	s.added.Add(1)
	return s.fake.AddTrade(s.seller, t)
}

// next returns the state an open trade moves to, or "" for a final state.
func next(st taobao.TradeStatus) taobao.TradeStatus {
	switch st {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay:
		return taobao.TradeStatusWaitSellerSendGoods
	case taobao.TradeStatusWaitSellerSendGoods:
		return taobao.TradeStatusWaitBuyerConfirmGoods
	case taobao.TradeStatusWaitBuyerConfirmGoods:
		return taobao.TradeStatusTradeFinished
	}
	return ""
}

// advance moves t to its next state at now; an unpaid trade is closed
// instead when closeIt is set.
func advance(t *taobao.Trade, now time.Time, closeIt bool) {
	st := next(t.Status)
	unpaid := t.Status == taobao.TradeStatusWaitBuyerPay || t.Status == taobao.TradeStatusTradeNoCreatePay
	switch {
	case unpaid && closeIt:
		st = taobao.TradeStatusTradeClosedByTaobao
		t.EndTime = taobao.NewTime(now)
	case st == taobao.TradeStatusWaitSellerSendGoods:
		t.PayTime = taobao.NewTime(now)
	case st == taobao.TradeStatusWaitBuyerConfirmGoods:
		t.ConsignTime = taobao.NewTime(now)
	case st == taobao.TradeStatusTradeFinished:
		t.EndTime = taobao.NewTime(now)
	}
	if st == "" {
		return
	}
	t.Status = st
	for i := range t.Orders {
		t.Orders[i].Status = taobao.OrderStatus(st)
	}
}
