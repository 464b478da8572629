package taobaotest

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

// The test's view of the data: add, read and change trades. Changes bump
// the trade's modified time to the server's clock (Now), as changes on
// Taobao do, so that the increment API sees them.

// Sellers returns the nicks of the sellers the server holds trades for:
// those of WithSellers (or the defaults), then those added by AddTrade.
func (s *Server) Sellers() []string {
	if st := s.st.Load(); st != nil {
		st.mu.RLock()
		defer st.mu.RUnlock()
		return slices.Clone(st.nicks)
	}
	return slices.Clone(s.sellerNicks)
}

// AddTrade stores a trade of the seller and returns it as stored. A zero
// Tid gets a new 19-digit id, zero Created and Modified get the server's
// clock, an empty Type is fixed (so that the lists show the trade by
// default), and orders with a zero Oid get one (the tid itself on a
// single-order trade, as on Taobao). SellerNick is set to sellerNick, and
// times are kept to the second in GMT+8, as the gateway shows them. A trade
// with the tid of one the server holds replaces it.
//
// Only the trade is stored: a paid trade gets no logistics order until it
// is shipped (ShipTrade or taobao.logistics.offline.send).
func (s *Server) AddTrade(sellerNick string, t taobao.Trade) taobao.Trade {
	c := deepCopy(&s.types, t)
	now := taobao.NewTime(s.Now().Truncate(time.Second))
	st := s.data()
	st.mu.Lock()
	defer st.mu.Unlock()
	if c.Tid == 0 {
		c.Tid = int64(st.newTid())
	}
	c.SellerNick = sellerNick
	if c.Type == "" {
		c.Type = taobao.TradeTypeFixed
	}
	if c.Created.IsZero() {
		c.Created = now
	}
	if c.Modified.IsZero() {
		c.Modified = now
		if c.Created.After(now.Time) {
			c.Modified = c.Created
		}
	}
	for i := range c.Orders {
		o := &c.Orders[i]
		if o.Oid == 0 {
			o.Oid = c.Tid
			if len(c.Orders) > 1 {
				o.Oid = c.Tid + int64(i+1)*1_000_000 + int64(st.rng.Int64N(1_000_000))
			}
		}
	}
	s.types.normalize(&c)
	st.add(sellerNick, &c)
	return deepCopy(&s.types, c)
}

// ModifyTrade changes a trade: fn gets a copy of the full trade to change,
// and the result replaces the trade. Unless fn set Modified itself, it is
// bumped to the server's clock. fn runs without any lock held; it must not
// change Tid or SellerNick (ModifyTrade then returns an error and changes
// nothing). A nil fn only bumps Modified.
func (s *Server) ModifyTrade(tid int64, fn func(t *taobao.Trade)) error {
	st := s.data()
	st.mu.RLock()
	rec := st.byTid[tid]
	var c taobao.Trade
	if rec != nil {
		var scratch taobao.Trade
		c = deepCopy(&s.types, *rec.trade(&scratch))
	}
	st.mu.RUnlock()
	if rec == nil {
		return errNoTrade(tid)
	}
	before := c.Modified
	seller := c.SellerNick
	if fn != nil {
		fn(&c)
	}
	switch {
	case int64(c.Tid) != tid:
		return fmt.Errorf("taobaotest: ModifyTrade(%d): the function changed the tid to %d", tid, c.Tid)
	case c.SellerNick != seller:
		return fmt.Errorf("taobaotest: ModifyTrade(%d): the function changed the seller from %q to %q", tid, seller, c.SellerNick)
	}
	if c.Modified.Equal(before.Time) {
		c.Modified = taobao.NewTime(s.Now())
	}
	s.types.normalize(&c)
	st.mu.Lock()
	defer st.mu.Unlock()
	rec = st.byTid[tid]
	if rec == nil {
		return errNoTrade(tid)
	}
	stored := deepCopy(&s.types, c) // fn may have kept a pointer to c
	st.update(rec, &stored)
	return nil
}

// Trades returns the seller's trades as the server holds them (every
// field, orders included), newest created first. They are copies: changing
// them changes nothing on the server.
func (s *Server) Trades(sellerNick string) []taobao.Trade {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	sl := st.sellers[sellerNick]
	if sl == nil {
		return nil
	}
	out := make([]taobao.Trade, len(sl.byCreated))
	for i, e := range sl.byCreated {
		r := e.r
		if r.full != nil {
			out[i] = deepCopy(&s.types, *r.full)
		} else {
			r.gen.Fill(&out[i])
		}
	}
	return out
}

// Trade returns one trade as the server holds it, whoever sold it.
func (s *Server) Trade(tid int64) (taobao.Trade, bool) {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	r := st.byTid[tid]
	if r == nil {
		return taobao.Trade{}, false
	}
	if r.full != nil {
		return deepCopy(&s.types, *r.full), true
	}
	return r.gen.Full(), true
}

// Shipments returns the logistics orders of a trade, as
// taobao.logistics.orders.detail.get would list them with every field.
func (s *Server) Shipments(tid int64) []taobao.Shipping {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	r := st.byTid[tid]
	if r == nil {
		return nil
	}
	out := r.shippings()
	for i := range out {
		out[i] = deepCopy(&s.types, out[i])
	}
	return out
}

// change runs fn on the full trade under the write lock; fn reports
// whether the trade may change. The trade's Modified is then bumped.
func (s *Server) change(tid int64, fn func(st *store, r *record, t *taobao.Trade, now taobao.Time) error) error {
	now := taobao.NewTime(s.Now().Truncate(time.Second).In(taobao.GMT8()))
	st := s.data()
	st.mu.Lock()
	defer st.mu.Unlock()
	r := st.byTid[tid]
	if r == nil {
		return errNoTrade(tid)
	}
	r.materialize()
	c := deepCopy(&s.types, *r.full)
	if err := fn(st, r, &c, now); err != nil {
		return err
	}
	c.Modified = now
	st.update(r, &c)
	return nil
}

func unpaid(s taobao.TradeStatus) bool {
	switch s {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay, taobao.TradeStatusPayPending, taobao.TradeStatusWaitPreAuthConfirm:
		return true
	}
	return false
}

// PayTrade records the buyer's payment of a trade waiting for it
// (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY, PAY_PENDING, WAIT_PRE_AUTH_CONFIRM):
// the trade and its orders move to WAIT_SELLER_SEND_GOODS, PayTime is now,
// and a trade with goods to ship gets its logistics order.
func (s *Server) PayTrade(tid int64) error {
	return s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if !unpaid(t.Status) {
			return fmt.Errorf("taobaotest: PayTrade(%d): the trade is %s, not waiting for payment", tid, t.Status)
		}
		if t.Type == taobao.TradeTypeCod {
			return fmt.Errorf("taobaotest: PayTrade(%d): cash-on-delivery trades are paid on delivery", tid)
		}
		t.Status = taobao.TradeStatusWaitSellerSendGoods
		t.PayTime = now
		t.TimeoutActionTime = taobao.Time{}
		t.AvailableConfirmFee = t.Payment
		if t.AlipayNo == "" {
			t.AlipayNo = now.Format("20060102") + "22001" + fmt.Sprintf("%015d", st.newID(15))
		}
		if t.StepTradeStatus != "" {
			t.StepTradeStatus = taobao.StepTradeStatusFrontPaidFinalPaid
			t.StepPaidFee = t.Payment
		}
		for i := range t.Orders {
			if o := &t.Orders[i]; unpaid(taobao.TradeStatus(o.Status)) {
				o.Status = taobao.OrderStatusWaitSellerSendGoods
			}
		}
		if t.ShippingType != taobao.ShippingTypeVirtual && len(r.ships) == 0 {
			r.ships = append(r.ships, &shipment{shipping: newShipping(st, t, now)})
		}
		return nil
	})
}

// newShipping is a new logistics order of t, not shipped yet.
func newShipping(st *store, t *taobao.Trade, now taobao.Time) taobao.Shipping {
	sh := taobao.Shipping{
		Tid:            t.Tid,
		OrderCode:      fmt.Sprint(st.newID(14)),
		SellerNick:     t.SellerNick,
		BuyerNick:      t.BuyerNick,
		ReceiverName:   t.ReceiverName,
		ReceiverMobile: t.ReceiverMobile,
		ReceiverPhone:  t.ReceiverPhone,
		OpenUID:        t.BuyerOpenUID,
		Created:        now,
		Modified:       now,
		Status:         taobao.ShippingStatusCreated,
		Type:           t.ShippingType,
		FreightPayer:   "seller",
		SellerConfirm:  "no",
		Location: &taobao.Location{Zip: t.ReceiverZip, Address: t.ReceiverAddress, City: t.ReceiverCity,
			State: t.ReceiverState, Country: "中国", District: t.ReceiverDistrict},
	}
	if t.PostFee > 0 {
		sh.FreightPayer = "buyer"
	}
	if sh.Type == "" || sh.Type == taobao.ShippingTypeFree {
		sh.Type = taobao.ShippingTypeExpress
	}
	if len(t.Orders) > 0 {
		sh.ItemTitle = t.Orders[0].Title
	}
	return sh
}

// ShipTrade ships a trade as taobao.logistics.offline.send does, whoever
// sold it, and fails the same way: the error is then a *taobao.APIError
// with the gateway's code and sub_code (B04 for a trade already shipped,
// B60 for a used or invalid waybill...). An empty outSid gets a valid new
// waybill number of the company.
func (s *Server) ShipTrade(tid int64, companyCode, outSid string) error {
	if outSid == "" {
		st := s.data()
		st.mu.Lock()
		seed := uint64(st.newID(18))
		st.mu.Unlock()
		outSid = fakedata.Waybill(companyCode, seed)
		if outSid == "" {
			outSid = "0"
		}
	}
	if e := s.ship(anySeller, tid, companyCode, outSid, nil); e != nil {
		return e
	}
	return nil
}

// anySeller lets ship act on any seller's trade.
const anySeller = "\x00any"

// ship is the shipping of taobao.logistics.offline.send. The sub_codes are
// the ones documented for the method: B01 no such trade, B04 shipped or
// closed already, B55 not in a state to ship, B57 unknown carrier, B60
// waybill invalid or used, B98 cash on delivery or nothing to ship, P38
// bad split. Which of B02/B04/B55 the gateway answers for which state, and
// when it answers B57 and B98, is not documented: these are guesses. Offline shipments have no real tracking: the trace says 对方已签收
// at once, as the docs say.
func (s *Server) ship(seller string, tid int64, code, outSid string, subs []int64) *taobao.APIError {
	offline := func(sub, msg string) *taobao.APIError {
		return serviceErr("isv.logistics-offline-service-error:"+sub, msg)
	}
	var apiE *taobao.APIError
	err := s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if seller != anySeller && r.seller.nick != seller {
			return offline("B01", "订单不存在")
		}
		switch t.Status {
		case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusSellerConsignedPart:
		case taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeBuyerSigned, taobao.TradeStatusTradeFinished,
			taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao:
			return offline("B04", "订单状态不对该物流订单已经发货或者已关闭，不能重复发货")
		default:
			return offline("B55", "订单状态不对，不能发货")
		}
		if t.Type == taobao.TradeTypeCod || t.ShippingType == taobao.ShippingTypeVirtual {
			return offline("B98", "发货类型不匹配")
		}
		company, ok := fakedata.Company(code)
		if !ok {
			return offline("B57", "该物流公司不支持自己联系")
		}
		if _, used := st.waybills[code+" "+outSid]; used || !fakedata.ValidWaybill(code, outSid) {
			return offline("B60", "运单号不符合规则或已经被使用")
		}
		// The orders this parcel carries.
		var ship []int
		if len(subs) > 0 {
			for _, oid := range subs {
				i := slices.IndexFunc(t.Orders, func(o taobao.Order) bool { return int64(o.Oid) == oid })
				if i < 0 {
					return offline("P38", "拆单校验未通过")
				}
				if !t.Orders[i].ConsignTime.IsZero() || t.Orders[i].Status != taobao.OrderStatusWaitSellerSendGoods {
					return offline("B04", "订单状态不对该物流订单已经发货或者已关闭，不能重复发货")
				}
				if !slices.Contains(ship, i) {
					ship = append(ship, i)
				}
			}
		} else {
			for i, o := range t.Orders {
				if o.ConsignTime.IsZero() && o.Status == taobao.OrderStatusWaitSellerSendGoods {
					ship = append(ship, i)
				}
			}
		}
		var oids []int64
		for _, i := range ship {
			o := &t.Orders[i]
			o.Status = taobao.OrderStatusWaitBuyerConfirmGoods
			o.ConsignTime = now
			o.LogisticsCompany = company.Name
			o.InvoiceNo = outSid
			oids = append(oids, o.Oid)
		}
		rest := slices.ContainsFunc(t.Orders, func(o taobao.Order) bool {
			return o.Status == taobao.OrderStatusWaitSellerSendGoods && o.ConsignTime.IsZero()
		})
		t.Status = taobao.TradeStatusWaitBuyerConfirmGoods
		if rest {
			t.Status = taobao.TradeStatusSellerConsignedPart
		}
		t.IsPartConsign = bool(rest || len(subs) > 0)
		if t.ConsignTime.IsZero() {
			t.ConsignTime = now
		}
		t.TimeoutActionTime = taobao.NewTime(now.Add(10 * 24 * time.Hour))

		var sh *shipment
		for _, x := range r.ships {
			if x.shipping.OutSid == "" && x.shipping.Status == taobao.ShippingStatusCreated {
				sh = x
				break
			}
		}
		if sh == nil {
			sh = &shipment{shipping: newShipping(st, t, now)}
			r.ships = append(r.ships, sh)
		}
		sh.code = code
		p := &sh.shipping
		p.OutSid = outSid
		p.CompanyName = company.Name
		p.Status = taobao.ShippingStatusAcceptedByReceiver
		p.SellerConfirm = "yes"
		p.Modified = now
		p.SubTids = oids
		if len(ship) > 0 {
			p.ItemTitle = t.Orders[ship[0]].Title
		}
		if t.IsPartConsign {
			p.IsSplit = true
		}
		p.Mails = []taobao.LogisticsMail{{OutSid: outSid, CompanyName: company.Name}}
		sh.trace = &taobao.Trace{
			Tid:         t.Tid,
			OutSid:      outSid,
			CompanyName: company.Name,
			Status:      "对方已签收",
			TraceList: []taobao.TransitStepInfo{{
				StatusTime: now,
				Action:     "CONSIGN",
				StatusDesc: "卖家已发货（自己联系物流），" + company.Name + " 运单号 " + outSid,
			}},
		}
		st.waybills[code+" "+outSid] = tid
		return nil
	})
	switch {
	case err == nil:
		return nil
	case errors.As(err, &apiE):
		return apiE
	case seller != anySeller:
		return offline("B01", "订单不存在")
	default:
		return offline("B01", err.Error())
	}
}

// RefundOrder sets the refund state of an order of a paid trade (the
// refund gets an id the first time). A SUCCESS refund closes the order
// (TRADE_CLOSED); once every order is closed, the trade is TRADE_CLOSED too.
func (s *Server) RefundOrder(tid, oid int64, status taobao.RefundStatus) error {
	return s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if unpaid(t.Status) || t.Status == taobao.TradeStatusTradeClosedByTaobao {
			return fmt.Errorf("taobaotest: RefundOrder(%d): the trade is %s, not paid", tid, t.Status)
		}
		if status == "" {
			return fmt.Errorf("taobaotest: RefundOrder(%d): empty refund status", tid)
		}
		i := slices.IndexFunc(t.Orders, func(o taobao.Order) bool { return int64(o.Oid) == oid })
		if i < 0 {
			return fmt.Errorf("taobaotest: RefundOrder(%d): no order %d", tid, oid)
		}
		o := &t.Orders[i]
		o.RefundStatus = status
		if o.RefundID == "" {
			o.RefundID = fmt.Sprint(st.newID(17))
		}
		if status == taobao.RefundStatusSuccess {
			o.Status = taobao.OrderStatusTradeClosed
			o.EndTime = now
		}
		if !slices.ContainsFunc(t.Orders, func(o taobao.Order) bool { return o.Status != taobao.OrderStatusTradeClosed }) {
			t.Status = taobao.TradeStatusTradeClosed
			t.EndTime = now
			t.AvailableConfirmFee = 0
			cancelUnshipped(r, now)
		}
		return nil
	})
}

func cancelUnshipped(r *record, now taobao.Time) {
	for _, sh := range r.ships {
		if sh.shipping.OutSid == "" {
			sh.shipping.Status = taobao.ShippingStatusCancelled
			sh.shipping.Modified = now
		}
	}
}

// CloseTrade closes a trade: one waiting for payment becomes
// TRADE_CLOSED_BY_TAOBAO; a paid one that is not finished becomes
// TRADE_CLOSED, every order refunded (refund_status SUCCESS).
func (s *Server) CloseTrade(tid int64) error {
	return s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		switch {
		case unpaid(t.Status):
			t.Status = taobao.TradeStatusTradeClosedByTaobao
			for i := range t.Orders {
				t.Orders[i].Status = taobao.OrderStatusTradeClosedByTaobao
				t.Orders[i].EndTime = now
			}
		case t.Status == taobao.TradeStatusTradeFinished, t.Status == taobao.TradeStatusTradeClosed,
			t.Status == taobao.TradeStatusTradeClosedByTaobao:
			return fmt.Errorf("taobaotest: CloseTrade(%d): the trade is %s already", tid, t.Status)
		default:
			t.Status = taobao.TradeStatusTradeClosed
			for i := range t.Orders {
				o := &t.Orders[i]
				o.Status = taobao.OrderStatusTradeClosed
				o.EndTime = now
				o.RefundStatus = taobao.RefundStatusSuccess
				if o.RefundID == "" {
					o.RefundID = fmt.Sprint(st.newID(17))
				}
			}
			t.AvailableConfirmFee = 0
			cancelUnshipped(r, now)
		}
		t.EndTime = now
		t.TimeoutActionTime = taobao.Time{}
		return nil
	})
}

// FinishTrade completes a shipped trade (WAIT_BUYER_CONFIRM_GOODS or
// TRADE_BUYER_SIGNED) as the buyer's confirmation of receipt does: it and
// its open orders become TRADE_FINISHED and the payment, less refunds, is
// received.
func (s *Server) FinishTrade(tid int64) error {
	return s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if t.Status != taobao.TradeStatusWaitBuyerConfirmGoods && t.Status != taobao.TradeStatusTradeBuyerSigned {
			return fmt.Errorf("taobaotest: FinishTrade(%d): the trade is %s, not shipped", tid, t.Status)
		}
		t.Status = taobao.TradeStatusTradeFinished
		t.EndTime = now
		t.TimeoutActionTime = taobao.Time{}
		refunded := taobao.Money(0)
		for i := range t.Orders {
			o := &t.Orders[i]
			if o.Status == taobao.OrderStatusTradeClosed {
				refunded += o.Payment
				continue
			}
			o.Status = taobao.OrderStatusTradeFinished
			o.EndTime = now
		}
		t.ReceivedPayment = t.Payment - refunded
		t.AvailableConfirmFee = 0
		return nil
	})
}
