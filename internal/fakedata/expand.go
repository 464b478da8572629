package fakedata

import (
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao"
)

var tradeFroms = []string{"TAOBAO", "WAP,WAP", "JHS"}

func ts(unix int64) taobao.Time {
	if unix == 0 {
		return taobao.Time{}
	}
	return taobao.NewTime(time.Unix(unix, 0).In(taobao.GMT8()))
}

// Full returns the trade as the gateway holds it: every field the
// generator knows, orders and promotions included.
func (t *Trade) Full() taobao.Trade {
	var out taobao.Trade
	t.Fill(&out)
	return out
}

// Fill overwrites *dst with the full trade (see Full). It lets a caller
// reuse one taobao.Trade.
func (t *Trade) Fill(dst *taobao.Trade) {
	*dst = taobao.Trade{}
	b := t.Buyer
	tid := strconv.FormatInt(t.Tid, 10)
	dst.Tid = int64(t.Tid)
	dst.TidStr = tid
	dst.Sid = tid
	dst.Title = t.SellerNick
	dst.SellerNick = t.SellerNick
	dst.BuyerNick = b.Nick
	dst.BuyerOpenUID = b.OpenUID
	dst.Type = t.Type
	dst.Status = t.Status
	dst.ShippingType = t.ShippingType
	dst.Created = ts(t.Created)
	dst.PayTime = ts(t.PayTime)
	dst.ConsignTime = ts(t.ConsignTime)
	dst.EndTime = ts(t.EndTime)
	dst.Modified = ts(t.Modified)
	dst.TimeoutActionTime = ts(t.timeoutAction)
	dst.SnapshotURL = "s:" + tid + "_1"
	dst.TradeFrom = tradeFroms[t.tradeFrom]
	dst.CodStatus = t.codStatus
	dst.StepTradeStatus = t.stepStatus
	dst.SellerFlag = int64(t.sellerFlag)
	dst.BuyerRate = bool(t.BuyerRate)
	dst.SellerRate = bool(t.SellerRate)
	dst.IsPartConsign = bool(t.Status == taobao.TradeStatusSellerConsignedPart)
	if t.message > 0 {
		dst.BuyerMessage = messages[t.message-1]
	}
	if t.memo > 0 {
		dst.SellerMemo = memos[t.memo-1]
	}

	reg := b.region
	dst.ReceiverName = b.Name
	dst.ReceiverState = reg.state
	dst.ReceiverCity = reg.city
	dst.ReceiverDistrict = reg.district
	dst.ReceiverTown = reg.town
	dst.ReceiverAddress = b.Address
	dst.ReceiverZip = reg.zip
	dst.ReceiverMobile = b.Mobile
	dst.ReceiverPhone = b.Phone
	dst.Oaid = t.Oaid

	// Amounts: see the package comment.
	single := len(t.Orders) == 1
	var company, outSid string
	if t.Ship != nil && t.Ship.OutSid != "" {
		company, outSid = carrierByCode[t.Ship.CompanyCode].name, t.Ship.OutSid
	}
	sellerType := "C"
	if strings.HasSuffix(t.SellerNick, "旗舰店") || strings.HasSuffix(t.SellerNick, "专营店") {
		sellerType = "B"
	}
	orders := make([]taobao.Order, len(t.Orders))
	var total, discount, divided, refunded taobao.Money
	for i := range t.Orders {
		o := &t.Orders[i]
		sku := &o.Item.Skus[o.Sku]
		goods := sku.Price * taobao.Money(o.Num)
		divide := goods + o.AdjustFee - o.DiscountFee
		payment := divide
		if single {
			payment += t.PostFee
		}
		oid := strconv.FormatInt(o.Oid, 10)
		oo := &orders[i]
		oo.Oid = int64(o.Oid)
		oo.OidStr = oid
		oo.NumIid = int64(o.Item.NumIid)
		oo.Title = o.Item.Title
		oo.PicPath = o.Item.PicPath
		oo.Cid = int64(o.Item.Cid)
		oo.OuterIid = o.Item.OuterIid
		oo.SkuID = sku.SkuID
		oo.SkuPropertiesName = sku.Properties
		oo.OuterSkuID = sku.OuterSkuID
		oo.Price = sku.Price
		oo.Num = int64(o.Num)
		oo.TotalFee = goods
		oo.DiscountFee = o.DiscountFee
		oo.AdjustFee = o.AdjustFee
		oo.DivideOrderFee = divide
		oo.Payment = payment
		oo.Status = o.Status
		oo.RefundStatus = o.RefundStatus
		if o.RefundID != 0 {
			oo.RefundID = strconv.FormatInt(o.RefundID, 10)
		}
		oo.SellerType = sellerType
		oo.OrderFrom = dst.TradeFrom
		oo.SnapshotURL = "s:" + oid + "_1"
		oo.ShippingType = t.ShippingType
		oo.ConsignTime = ts(o.ConsignTime)
		oo.EndTime = ts(o.EndTime)
		oo.BuyerRate = dst.BuyerRate
		oo.SellerRate = dst.SellerRate
		if o.ConsignTime != 0 {
			oo.LogisticsCompany, oo.InvoiceNo = company, outSid
		}
		total += goods
		discount += o.DiscountFee
		divided += divide
		if o.RefundStatus == taobao.RefundStatusSuccess {
			refunded += payment
		}
		if o.DiscountFee > 0 {
			dst.PromotionDetails = append(dst.PromotionDetails, taobao.PromotionDetail{
				ID:            int64(t.promotionPrefix*10 + int64(i)),
				PromotionName: "店铺优惠",
				PromotionDesc: "店铺优惠:省" + o.DiscountFee.String() + "元",
				PromotionID:   "shopbonus-" + strconv.FormatInt(t.promotionPrefix+int64(i), 10),
				DiscountFee:   o.DiscountFee,
			})
		}
	}
	dst.Orders = orders
	dst.TotalFee = total
	dst.DiscountFee = discount
	dst.PostFee = t.PostFee
	dst.HasPostFee = t.PostFee > 0
	dst.Payment = divided + t.PostFee
	if single {
		o := &orders[0]
		dst.AdjustFee = o.AdjustFee
		dst.NumIid = o.NumIid
		dst.Price = o.Price
		dst.Num = o.Num
		dst.PicPath = o.PicPath
	}
	switch t.stepStatus {
	case taobao.StepTradeStatusFrontPaidFinalNopaid:
		dst.StepPaidFee = dst.Payment * 3 / 10
	case taobao.StepTradeStatusFrontPaidFinalPaid:
		dst.StepPaidFee = dst.Payment
	}
	if t.PayTime != 0 {
		day := time.Unix(t.PayTime, 0).In(taobao.GMT8()).Format("20060102")
		dst.AlipayNo = day + "22001" + tid[len(tid)-15:]
		if t.EndTime == 0 {
			dst.AvailableConfirmFee = dst.Payment
		}
	}
	if t.Status == taobao.TradeStatusTradeFinished {
		dst.ReceivedPayment = dst.Payment - refunded
	}
}

// Shipping returns the trade's logistics order with every field
// taobao.logistics.orders.detail.get documents, and false when the trade has
// none (not paid yet, or nothing to ship).
func (t *Trade) Shipping() (taobao.Shipping, bool) {
	sh := t.Ship
	if sh == nil {
		return taobao.Shipping{}, false
	}
	b := t.Buyer
	c := carrierByCode[sh.CompanyCode]
	out := taobao.Shipping{
		Tid:            int64(t.Tid),
		OrderCode:      strconv.FormatInt(sh.OrderCode, 10),
		SellerNick:     t.SellerNick,
		BuyerNick:      b.Nick,
		OutSid:         sh.OutSid,
		ItemTitle:      t.Orders[0].Item.Title,
		ReceiverName:   b.Name,
		Created:        ts(sh.Created),
		Modified:       ts(sh.modified(t)),
		Status:         sh.Status,
		Type:           t.ShippingType,
		FreightPayer:   "seller",
		SellerConfirm:  "no",
		OpenUID:        b.OpenUID,
		ReceiverMobile: b.Mobile,
		ReceiverPhone:  b.Phone,
		Location: &taobao.Location{
			Zip:      b.region.zip,
			Address:  b.Address,
			City:     b.region.city,
			State:    b.region.state,
			Country:  "中国",
			District: b.region.district,
		},
		IsQuickCodOrder: bool(t.Type == taobao.TradeTypeCod),
	}
	if t.PostFee > 0 {
		out.FreightPayer = "buyer"
	}
	if out.Type == taobao.ShippingTypeFree {
		out.Type = taobao.ShippingTypeExpress
	}
	if sh.OutSid != "" {
		out.SellerConfirm = "yes"
		out.CompanyName = c.name
		out.Mails = []taobao.LogisticsMail{{OutSid: sh.OutSid, CompanyName: c.name}}
	}
	for _, o := range t.Orders {
		if sh.OutSid == "" || o.ConsignTime != 0 {
			out.SubTids = append(out.SubTids, int64(o.Oid))
		}
	}
	if t.Status == taobao.TradeStatusSellerConsignedPart {
		out.IsSplit = true
	}
	return out, true
}

// modified is the last change of the logistics order.
func (sh *Shipment) modified(t *Trade) int64 {
	switch {
	case sh.Signed != 0:
		return sh.Signed
	case t.ConsignTime != 0:
		return t.ConsignTime
	case sh.Status == taobao.ShippingStatusCancelled:
		return t.EndTime
	}
	return sh.Created
}

// Trace returns the carrier's tracking of the trade's parcel: steps from
// pick-up to signature, up to the data set's now. It returns false when the
// trade was not shipped.
func (t *Trade) Trace() (taobao.Trace, bool) {
	sh := t.Ship
	if sh == nil || sh.OutSid == "" {
		return taobao.Trace{}, false
	}
	c := carrierByCode[sh.CompanyCode]
	reg := t.Buyer.region
	out := taobao.Trace{
		Tid:         int64(t.Tid),
		OutSid:      sh.OutSid,
		CompanyName: c.name,
		Status:      "物流公司已揽收",
	}
	start := t.ConsignTime
	end := sh.Signed
	if end == 0 {
		end = start + 72*3600 // the planned delivery; later steps are cut at now
	}
	span := end - start
	k := int64(mix(uint64(t.Tid)) % 3600)
	steps := []struct {
		at     int64
		action string
		desc   string
	}{
		{start + 1800 + k, "TMS_ACCEPT", "【" + t.warehouse + "】" + c.name + " 已揽收"},
		{start + span/5 + k, "DEPARTURE", "【" + t.warehouse + "】快件已发往 " + reg.city},
		{start + span*3/5 + k/2, "ARRIVE", "【" + reg.city + "】快件已到达 " + reg.city + "转运中心"},
		{start + span*9/10, "TMS_DELIVERING", "【" + reg.city + "】" + reg.district + "网点快递员正在为您派件"},
		{end, "TMS_SIGN", "【" + reg.city + "】已签收，签收人：本人签收。感谢使用" + c.name},
	}
	prev := start
	for i, s := range steps {
		at := min(max(s.at, prev), end)
		if sh.Signed == 0 && (i == len(steps)-1 || at > sh.until) {
			break
		}
		out.TraceList = append(out.TraceList, taobao.TransitStepInfo{StatusTime: ts(at), Action: s.action, StatusDesc: s.desc})
		prev = at
	}
	switch {
	case sh.Signed != 0:
		out.Status = "对方已签收"
	case len(out.TraceList) == 0:
		out.Status = "已提交给物流公司,等待物流公司接单"
	}
	return out, true
}
