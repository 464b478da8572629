package fakedata

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/toptrade/taobao"
)

// refundReasons are the buyers' reasons, as the refund pages offer them.
var refundReasons = []string{"七天无理由退换货", "退运费", "商品与描述不符", "质量问题", "少件/漏发", "不想要了", "快递一直未送达"}

// returnAddress is the seller's return address of every generated refund:
// the seller's, not a buyer's.
const returnAddress = "浙江省杭州市余杭区文一西路969号 售后部 0571-88888888"

// openRefund reports whether a refund state is still in the workflow.
func openRefund(s taobao.RefundStatus) bool {
	return s != taobao.RefundStatusSuccess && s != taobao.RefundStatusClosed && s != taobao.RefundStatusNoRefund && s != ""
}

// EnsureRefundStates gives refunds to some orders of trades so that the
// trades hold a refund in each of the six life-cycle states where their
// trade states allow it: an open one on a shipped, unfinished trade, a
// closed one on a finished trade. Refunds the generator made are kept.
func EnsureRefundStates(trades []Trade, seed int64) {
	have := map[taobao.RefundStatus]bool{}
	for i := range trades {
		for _, o := range trades[i].Orders {
			have[o.RefundStatus] = true
		}
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x726566))
	want := []taobao.RefundStatus{
		taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusWaitBuyerReturnGoods,
		taobao.RefundStatusWaitSellerConfirmGoods, taobao.RefundStatusSellerRefuseBuyer,
		taobao.RefundStatusClosed,
	}
	for _, s := range want {
		if have[s] {
			continue
		}
		wantTrade := taobao.TradeStatusWaitBuyerConfirmGoods
		if s == taobao.RefundStatusClosed {
			wantTrade = taobao.TradeStatusTradeFinished
		}
		for i := range trades {
			t := &trades[i]
			if t.Status != wantTrade || t.Type == taobao.TradeTypeCod || t.Orders[0].RefundID != 0 {
				continue
			}
			t.Orders[0].RefundStatus = s
			t.Orders[0].RefundID = 10_000_000_000_000_000 + r.Int64N(90_000_000_000_000_000)
			break
		}
	}
}

// Refunds returns the refund records of the trade's refunded orders, one
// per order with a refund id, consistent with the trade: asked for after
// payment, last changed no later than the trade, in the order's refund
// state.
func (t *Trade) Refunds() []taobao.Refund {
	var out []taobao.Refund
	var full *taobao.Trade
	for i := range t.Orders {
		o := &t.Orders[i]
		if o.RefundID == 0 || o.RefundStatus == taobao.RefundStatusNoRefund {
			continue
		}
		if full == nil {
			f := t.Full()
			full = &f
		}
		r := rand.New(rand.NewPCG(uint64(o.RefundID), 0x726566))
		from := max(t.PayTime, t.Created)
		to := max(t.Modified, from)
		created := from + int64(float64(to-from)*(0.1+0.5*r.Float64()))
		modified := to
		if openRefund(o.RefundStatus) {
			modified = created + int64(float64(to-created)*r.Float64())
		}
		out = append(out, NewRefund(full, &full.Orders[i], o.RefundID, o.RefundStatus, created, modified))
	}
	return out
}

// NewRefund builds the refund record of order o of trade t in state s,
// asked for at created and last changed at modified (unix seconds). Its
// details (reason, return shipment, timeout) are drawn from the id.
func NewRefund(t *taobao.Trade, o *taobao.Order, id int64, s taobao.RefundStatus, created, modified int64) taobao.Refund {
	r := rand.New(rand.NewPCG(uint64(id), 0x646574))
	shipped := !o.ConsignTime.IsZero() || !t.ConsignTime.IsZero()
	ref := taobao.Refund{
		RefundID:     id,
		Tid:          t.Tid,
		Oid:          o.Oid,
		TotalFee:     t.Payment,
		SellerNick:   t.SellerNick,
		BuyerNick:    t.BuyerNick,
		BuyerOpenUID: t.BuyerOpenUID,
		AlipayNo:     t.AlipayNo,
		Created:      ts(created),
		OrderStatus:  t.Status,
		Reason:       refundReasons[r.IntN(len(refundReasons))],
		Desc:         "买家留言：" + strconv.Itoa(r.IntN(1000)),
		Title:        o.Title,
		Num:          o.Num,
		NumIid:       o.NumIid,
		Price:        o.Price,
		Sku:          o.SkuPropertiesName,
		OuterID:      o.OuterIid,
		ShippingType: t.ShippingType,
		RefundPhase:  taobao.RefundPhaseOnsale,
		RefundFee:    o.Payment,
		CSStatus:     taobao.CSStatusNotNeeded,
	}
	if t.Status == taobao.TradeStatusTradeFinished {
		ref.RefundPhase = taobao.RefundPhaseAftersale
	}
	ref.Payment = ref.TotalFee - ref.RefundFee
	ref.GoodStatus = taobao.RefundGoodStatusBuyerNotReceived
	if shipped {
		ref.GoodStatus = taobao.RefundGoodStatusBuyerReceived
		ref.HasGoodReturn = r.IntN(2) == 0
	}
	switch s {
	case taobao.RefundStatusWaitBuyerReturnGoods, taobao.RefundStatusWaitSellerConfirmGoods:
		ref.HasGoodReturn = true
	}
	ref.DisputeType = taobao.DisputeTypeRefund
	if ref.HasGoodReturn {
		ref.DisputeType = taobao.DisputeTypeRefundAndReturn
		ref.Address = returnAddress
	}
	SetRefundStatus(&ref, s, modified)
	return ref
}

// SetRefundStatus moves ref to state s at the time at (unix seconds): the
// state, modified, a newer refund_version, and what the state implies
// (the returned goods' shipment, the timeout of the next step).
func SetRefundStatus(ref *taobao.Refund, s taobao.RefundStatus, at int64) {
	r := rand.New(rand.NewPCG(uint64(ref.RefundID), uint64(at)))
	ref.Status = s
	ref.Modified = ts(at)
	ref.RefundVersion = max(ref.RefundVersion+1, at*1000+r.Int64N(1000))
	switch s {
	case taobao.RefundStatusWaitBuyerReturnGoods:
		ref.HasGoodReturn = true
		if ref.Address == "" {
			ref.Address = returnAddress
		}
	case taobao.RefundStatusWaitSellerConfirmGoods:
		ref.GoodStatus = taobao.RefundGoodStatusBuyerReturnedGoods
		ref.GoodReturnTime = ts(at)
		if ref.Sid == "" {
			ref.CompanyName = "圆通速递"
			ref.Sid = "YT" + strconv.FormatInt(1e12+r.Int64N(9e12), 10)
		}
	case taobao.RefundStatusSuccess:
		if ref.HasGoodReturn && ref.Sid == "" {
			ref.GoodStatus = taobao.RefundGoodStatusBuyerReturnedGoods
			ref.GoodReturnTime = ts(at)
			ref.CompanyName = "中通快递"
			ref.Sid = "ZT" + strconv.FormatInt(1e12+r.Int64N(9e12), 10)
		}
	}
	if openRefund(s) {
		days := time.Duration(3+r.IntN(5)) * 24 * time.Hour
		ref.RefundRemindTimeout = &taobao.RefundRemindTimeout{
			ExistTimeout: true,
			RemindType:   int64(1 + r.IntN(3)),
			Timeout:      ts(at + int64(days/time.Second)),
		}
	} else {
		ref.RefundRemindTimeout = &taobao.RefundRemindTimeout{ExistTimeout: false}
	}
}
