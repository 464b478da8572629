// Package fakedata generates a deterministic data set of Taobao trades for
// the fake gateway (package taobaotest) and for benchmarks: sellers, trades
// in every state of the life cycle, their orders, refunds, shipments and
// tracking steps. The same Config always gives the same data.
//
// Trades are kept compact (a taobao.Trade is several kilobytes, most of it
// fields the generator never fills) and expanded on demand with Trade.Full,
// so that a data set of a hundred thousand trades is quick to build and
// small to hold.
//
// # Amounts
//
// All amounts are in fen and add up the way TOP documents them:
//
//	order.total_fee       = order.price * order.num
//	order.divide_order_fee = order.total_fee + order.adjust_fee - order.discount_fee
//	order.payment         = order.divide_order_fee, plus trade.post_fee when the
//	                        trade has a single order (TOP puts the postage in the
//	                        order's payment then, so that it equals the trade's)
//	trade.total_fee       = sum of order.total_fee
//	trade.discount_fee    = sum of order.discount_fee (itemised in promotion_details)
//	trade.adjust_fee      = the order's adjust_fee on a single-order trade, 0 otherwise
//	trade.payment         = sum of order.divide_order_fee + trade.post_fee
//	trade.received_payment = trade.payment minus refunded orders, once finished
//
// Trade-level goods fields (num_iid, price, num, pic_path) are filled on
// single-order trades only, and num is 0 on the others, as on Taobao.
//
// # Times
//
// Every trade was created in the 90 days before Config.Now, and
// created <= pay_time <= consign_time <= end_time <= modified <= Now holds
// for every time a trade has (cash-on-delivery trades are paid on delivery
// and carry no pay_time).
package fakedata

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/toptrade/taobao"
)

// History is how far back generated trades go: they are created within
// History before Config.Now.
const History = 90 * 24 * time.Hour

// Config says what to generate.
type Config struct {
	// Seed makes the data: the same seed, sellers, count and Now give the
	// same trades.
	Seed int64
	// Sellers are the sellers' nicks. Each seller's trades depend only on
	// the seed, the nick, TradesPerSeller and Now.
	Sellers []string
	// TradesPerSeller is how many trades each seller gets.
	TradesPerSeller int
	// Now is the end of the 90 days the trades are spread over. Times are
	// kept to the second, as the gateway shows them.
	Now time.Time
}

// Data is a generated data set.
type Data struct {
	// Now is Config.Now, truncated to the second.
	Now time.Time
	// Sellers holds the sellers in the order of Config.Sellers.
	Sellers []Seller
}

// Seller is one seller and the trades sold.
type Seller struct {
	Nick   string
	Trades []Trade // in no particular order
}

// Buyer is a buyer of one seller, with the receiver they ship to. The
// receiver's name, address and phone numbers are masked as the gateway
// masks them.
type Buyer struct {
	Nick    string
	OpenUID string
	Name    string // masked: "王**"
	Mobile  string // masked: "1389289****"
	Phone   string // masked landline, often empty
	Address string // masked street address
	region  *region
}

// Trade is a compact generated trade. Its exported fields are the ones the
// fake gateway indexes and filters on; Full expands it into a taobao.Trade.
type Trade struct {
	Tid          int64
	SellerNick   string
	Buyer        *Buyer
	Type         taobao.TradeType
	Status       taobao.TradeStatus
	ShippingType taobao.ShippingType
	// Unix seconds; zero when the trade has no such time.
	Created, PayTime, ConsignTime, EndTime, Modified int64
	PostFee                                          taobao.Money
	Oaid                                             string
	BuyerRate, SellerRate                            bool
	Orders                                           []Order
	Ship                                             *Shipment // nil without a logistics order

	message, memo   int8 // index+1 into messages and memos; 0: none
	sellerFlag      int8
	tradeFrom       int8
	stepStatus      taobao.StepTradeStatus
	codStatus       taobao.CodStatus
	warehouse       string
	timeoutAction   int64
	promotionPrefix int64
}

// Order is a compact order (line item) of a generated trade.
type Order struct {
	Oid          int64
	Item         *Item
	Sku          int // index into Item.Skus
	Num          int64
	AdjustFee    taobao.Money
	DiscountFee  taobao.Money
	Status       taobao.OrderStatus
	RefundStatus taobao.RefundStatus // NO_REFUND when none was asked for
	RefundID     int64               // zero without a refund
	ConsignTime  int64               // unix seconds; zero until shipped
	EndTime      int64               // unix seconds; zero while open
}

// Shipment is the logistics order of a generated trade.
type Shipment struct {
	OrderCode   int64
	CompanyCode string
	OutSid      string // empty until shipped
	Created     int64  // unix seconds: when the logistics order was made (payment)
	Signed      int64  // unix seconds: when the receiver signed; zero before
	Status      taobao.ShippingStatus
	until       int64 // the data set's now: tracking steps stop there
}

// tradeStates are the states of the trade life cycle, in the order each
// seller's first trades take them so that every seller has every state.
var tradeStates = []taobao.TradeStatus{
	taobao.TradeStatusTradeFinished,
	taobao.TradeStatusWaitSellerSendGoods,
	taobao.TradeStatusWaitBuyerConfirmGoods,
	taobao.TradeStatusWaitBuyerPay,
	taobao.TradeStatusTradeClosedByTaobao,
	taobao.TradeStatusTradeClosed,
	taobao.TradeStatusSellerConsignedPart,
	taobao.TradeStatusTradeNoCreatePay,
	taobao.TradeStatusTradeBuyerSigned,
	taobao.TradeStatusPayPending,
	taobao.TradeStatusPaidForbidConsign,
	taobao.TradeStatusWaitPreAuthConfirm,
}

// stateWeights weigh tradeStates for the trades after the first dozen.
var stateWeights = []int{440, 130, 120, 60, 80, 60, 20, 20, 10, 10, 10, 10}

// States returns every trade state the generator produces.
func States() []taobao.TradeStatus { return append([]taobao.TradeStatus(nil), tradeStates...) }

// physicalTypes and virtualTypes are the trade types the generator uses,
// with weights; tmall_i18n and o2o_offlinetrade are outside the gateway's
// default type filter.
var (
	physicalTypes   = []taobao.TradeType{taobao.TradeTypeFixed, taobao.TradeTypeAuction, taobao.TradeTypeStep, taobao.TradeTypeCod, taobao.TradeTypeTmallI18n, taobao.TradeTypeO2OOfflinetrade}
	physicalWeights = []int{880, 20, 40, 30, 20, 10}
	virtualTypes    = []taobao.TradeType{taobao.TradeTypeAutoDelivery, taobao.TradeTypeEc, taobao.TradeTypeEticket}
)

// virtualStates are the states a trade of virtual goods can be in.
func virtualState(s taobao.TradeStatus) bool {
	switch s {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeClosedByTaobao:
		return true
	}
	return false
}

// codState reports the states a cash-on-delivery trade can be in.
func codState(s taobao.TradeStatus) bool {
	switch s {
	case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitBuyerConfirmGoods,
		taobao.TradeStatusTradeBuyerSigned, taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeClosedByTaobao:
		return true
	}
	return false
}

// stepState reports the states a trade paid in stages can be in.
func stepState(s taobao.TradeStatus) bool {
	switch s {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitBuyerConfirmGoods,
		taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeClosedByTaobao:
		return true
	}
	return false
}

// Age bounds, by state: a trade still waiting for payment is at most a few
// days old, a finished one at least two days.
func ageBounds(s taobao.TradeStatus) (lo, hi time.Duration) {
	const day = 24 * time.Hour
	switch s {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay, taobao.TradeStatusPayPending:
		return time.Minute, 3 * day
	case taobao.TradeStatusWaitPreAuthConfirm:
		return time.Hour, 30 * day
	case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusPaidForbidConsign:
		return 10 * time.Minute, 7 * day
	case taobao.TradeStatusSellerConsignedPart, taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeBuyerSigned:
		return 6 * time.Hour, 15 * day
	case taobao.TradeStatusTradeFinished:
		return 4 * day, History
	default:
		return time.Hour, History
	}
}

// SellerNicks returns n seller nicks for a data set: a fixed list of shop
// names, then numbered ones.
func SellerNicks(n int) []string {
	base := []string{"潮流衣橱旗舰店", "居家好物小铺", "数码极客专营店", "山野生鲜果园", "萌宠乐园"}
	out := make([]string, 0, max(n, 0))
	for i := range max(n, 0) {
		if i < len(base) {
			out = append(out, base[i])
		} else {
			out = append(out, "测试店铺"+strconv.Itoa(i+1))
		}
	}
	return out
}

// Generate builds the data set cfg describes. A negative count is taken
// as zero; an empty seller nick is skipped.
func Generate(cfg Config) *Data {
	now := cfg.Now.Truncate(time.Second)
	d := &Data{Now: now}
	n := max(cfg.TradesPerSeller, 0)
	used := make(map[int64]struct{}, n*len(cfg.Sellers))
	for _, nick := range cfg.Sellers {
		if nick == "" {
			continue
		}
		g := newGen(cfg.Seed, nick, now.Unix(), used)
		s := Seller{Nick: nick, Trades: make([]Trade, n)}
		for i := range s.Trades {
			g.trade(&s.Trades[i], i)
		}
		d.Sellers = append(d.Sellers, s)
	}
	return d
}

// gen draws one seller's trades.
type gen struct {
	r         *rand.Rand
	nick      string
	now       int64
	used      map[int64]struct{}
	items     []*Item
	buyers    []*Buyer
	warehouse string
	sellerKey uint64
}

func newGen(seed int64, nick string, now int64, used map[int64]struct{}) *gen {
	key := hashString(nick)
	g := &gen{
		r:         rand.New(rand.NewPCG(uint64(seed), key)),
		nick:      nick,
		now:       now,
		used:      used,
		sellerKey: key,
	}
	// Each seller sells part of the catalogue.
	perm := g.r.Perm(len(catalogue))
	for _, i := range perm[:8+g.r.IntN(len(catalogue)-8)] {
		g.items = append(g.items, &catalogue[i])
	}
	g.warehouse = warehouseCities[g.r.IntN(len(warehouseCities))]
	return g
}

// hashString is FNV-1a, for seeding and for the oaid.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is splitmix64's finaliser.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func pick(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// buyer returns a buyer, reusing earlier ones for about a third of the
// trades, as repeat customers do.
func (g *gen) buyer() *Buyer {
	if len(g.buyers) > 0 && g.r.IntN(3) == 0 {
		return g.buyers[g.r.IntN(len(g.buyers))]
	}
	r := g.r
	name := surnames[r.IntN(len(surnames))]
	rest := 1 + r.IntN(2) // given name of one or two characters
	masked := name
	for range rest {
		masked += "*"
	}
	reg := &regions[r.IntN(len(regions))]
	b := &Buyer{
		OpenUID: "AAH" + base64Chars(r, 21),
		Name:    masked,
		Mobile:  "1" + strconv.Itoa(3+r.IntN(6)) + digits(r, 5) + "****",
		Address: reg.streets[r.IntN(len(reg.streets))] + "**号" + strconv.Itoa(1+r.IntN(9)) + "幢**室",
		region:  reg,
	}
	if r.IntN(5) == 0 {
		b.Phone = "0" + digits(r, 3) + "-" + digits(r, 4) + "****"
	}
	if r.IntN(2) == 0 {
		b.Nick = "tb" + digits(r, 10)
	} else {
		b.Nick = buyerWords[r.IntN(len(buyerWords))] + buyerWords[r.IntN(len(buyerWords))] + strconv.Itoa(10+r.IntN(990))
	}
	g.buyers = append(g.buyers, b)
	return b
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func base64Chars(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = b64[r.IntN(64)]
	}
	return string(b)
}

// oaid derives the Open Addressee ID: the same seller, receiver and natural
// week give the same id, as on Taobao.
func oaid(sellerKey uint64, b *Buyer, created int64) string {
	week := uint64((created + 8*3600 + 3*86400) / (7 * 86400)) // weeks start on Monday, GMT+8
	x := mix(sellerKey ^ hashString(b.OpenUID) ^ week*0x9e3779b97f4a7c15)
	buf := make([]byte, 0, 48)
	buf = append(buf, '1')
	for len(buf) < 48 {
		x = mix(x)
		for i := 0; i < 10 && len(buf) < 48; i++ {
			buf = append(buf, b64[x>>(6*i)&63])
		}
	}
	for i, c := range buf {
		if c == '-' || c == '_' {
			buf[i] = 'i'
		}
	}
	return string(buf)
}

// between returns a time between a and b at a random point of the
// fraction range [lo, hi).
func (g *gen) between(a, b int64, lo, hi float64) int64 {
	if b <= a {
		return a
	}
	f := lo + (hi-lo)*g.r.Float64()
	return a + int64(float64(b-a)*f)
}

// newTid draws a trade id of 19 digits, beyond 2^53, unique in the data set.
func (g *gen) newTid() int64 {
	for {
		tid := 1_000_000_000_000_000_000 + g.r.Int64N(3_000_000_000_000_000_000)
		if _, dup := g.used[tid]; !dup {
			g.used[tid] = struct{}{}
			return tid
		}
	}
}

// trade draws the i-th trade of the seller.
func (g *gen) trade(t *Trade, i int) {
	r := g.r
	var status taobao.TradeStatus
	if i < len(tradeStates) {
		status = tradeStates[i]
	} else {
		status = tradeStates[pick(r, stateWeights)]
	}
	*t = Trade{
		Tid:          g.newTid(),
		SellerNick:   g.nick,
		Buyer:        g.buyer(),
		Status:       status,
		ShippingType: taobao.ShippingTypeExpress,
		warehouse:    g.warehouse,
	}

	// The type follows the state: COD trades are never paid online, virtual
	// goods are never shipped, a pre-authorised trade is its own type.
	switch {
	case status == taobao.TradeStatusTradeBuyerSigned:
		t.Type = taobao.TradeTypeCod
	case status == taobao.TradeStatusWaitPreAuthConfirm:
		t.Type = taobao.TradeTypePreAuthType
	case virtualState(status) && r.IntN(20) == 0:
		t.Type = virtualTypes[r.IntN(len(virtualTypes))]
		t.ShippingType = taobao.ShippingTypeVirtual
	default:
		t.Type = physicalTypes[pick(r, physicalWeights)]
		if t.Type == taobao.TradeTypeCod && !codState(status) || t.Type == taobao.TradeTypeStep && !stepState(status) {
			t.Type = taobao.TradeTypeFixed
		}
	}
	if t.ShippingType != taobao.ShippingTypeVirtual {
		switch n := r.IntN(100); {
		case n < 5:
			t.ShippingType = taobao.ShippingTypeEMS
		case n < 8:
			t.ShippingType = taobao.ShippingTypePost
		case n < 15:
			t.ShippingType = taobao.ShippingTypeFree
		}
		if t.ShippingType != taobao.ShippingTypeFree && r.IntN(5) < 2 {
			t.PostFee = taobao.Money(500 + 100*r.IntN(11))
		}
	}

	lo, hi := ageBounds(status)
	age := int64(lo/time.Second) + r.Int64N(int64((hi-lo)/time.Second))
	t.Created = g.now - age
	t.Oaid = oaid(g.sellerKey, t.Buyer, t.Created)
	if r.IntN(4) == 0 {
		t.message = int8(1 + r.IntN(len(messages)))
	}
	if r.IntN(10) == 0 {
		t.memo = int8(1 + r.IntN(len(memos)))
		t.sellerFlag = int8(1 + r.IntN(5))
	}
	t.tradeFrom = int8(r.IntN(3))
	t.promotionPrefix = 100000000000 + r.Int64N(900000000000)

	g.orders(t)
	g.timeline(t)
}

// orders draws 1-5 orders from the seller's items, different items each.
func (g *gen) orders(t *Trade) {
	r := g.r
	n := 1 + pick(r, []int{60, 20, 10, 6, 4})
	n = min(n, len(g.items))
	if t.Status == taobao.TradeStatusSellerConsignedPart {
		n = max(n, 2) // part of them shipped: needs two at least
	}
	t.Orders = make([]Order, n)
	first := r.IntN(len(g.items))
	for i := range t.Orders {
		it := g.items[(first+i*5)%len(g.items)]
		if i > 0 && it == t.Orders[0].Item {
			it = g.items[(first+i)%len(g.items)]
		}
		o := &t.Orders[i]
		o.Item = it
		o.Sku = r.IntN(len(it.Skus))
		o.Num = 1 + int64(pick(r, []int{75, 15, 6, 4}))
		o.RefundStatus = taobao.RefundStatusNoRefund
		if n == 1 {
			o.Oid = t.Tid
		} else {
			o.Oid = t.Tid + int64(i+1)*1_000_000 + r.Int64N(1_000_000)
		}
		goods := it.Skus[o.Sku].Price * taobao.Money(o.Num)
		if r.IntN(10) < 3 { // a shop promotion: 5-15 % off, to the jiao
			o.DiscountFee = goods * taobao.Money(5+r.IntN(11)) / 100 / 10 * 10
		}
		if r.IntN(10) == 0 { // the seller changed the price by hand
			o.AdjustFee = -taobao.Money(100 * (1 + r.IntN(10)))
			if goods-o.DiscountFee+o.AdjustFee < 100 {
				o.AdjustFee = 0
			}
		}
	}
}

// timeline fills the trade's times, the orders' states and refunds, and
// the shipment, consistently with the trade's state.
func (g *gen) timeline(t *Trade) {
	r := g.r
	now := g.now
	st := t.Status
	cod := t.Type == taobao.TradeTypeCod
	physical := t.ShippingType != taobao.ShippingTypeVirtual

	// Which stages the trade went through.
	paid, shipped, ended := false, false, false
	switch st {
	case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusPaidForbidConsign:
		paid = !cod
	case taobao.TradeStatusSellerConsignedPart, taobao.TradeStatusWaitBuyerConfirmGoods:
		paid, shipped = !cod, true
	case taobao.TradeStatusTradeBuyerSigned:
		shipped = true
	case taobao.TradeStatusTradeFinished:
		paid, shipped, ended = !cod, physical, true
	case taobao.TradeStatusTradeClosed:
		paid, ended = true, true
	case taobao.TradeStatusTradeClosedByTaobao:
		ended = true
	case taobao.TradeStatusWaitBuyerPay:
		if t.Type == taobao.TradeTypeStep && r.IntN(2) == 0 {
			t.stepStatus = taobao.StepTradeStatusFrontPaidFinalNopaid
		}
	}

	last := t.Created
	if paid {
		t.PayTime = last + 10 + r.Int64N(min(1800, max((now-last)/10, 1)))
		last = t.PayTime
	}
	var signed int64
	if shipped {
		t.ConsignTime = g.between(last, now, 0.05, 0.4)
		last = t.ConsignTime
		transit := int64(36*3600) + r.Int64N(48*3600)
		switch st {
		case taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeBuyerSigned:
			signed = min(last+transit, g.between(last, now, 0.3, 0.6))
		default:
			if last+transit < now {
				signed = last + transit
			}
		}
	}
	if ended {
		from := last
		if signed != 0 {
			from = signed
		}
		t.EndTime = g.between(from, now, 0.1, 0.7)
		last = t.EndTime
	} else if signed != 0 {
		last = max(last, signed)
	}
	t.Modified = g.between(last, now, 0, 0.05)
	if t.Modified < last {
		t.Modified = last
	}

	switch st {
	case taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay:
		t.timeoutAction = t.Created + 72*3600
	case taobao.TradeStatusWaitBuyerConfirmGoods:
		t.timeoutAction = t.ConsignTime + 10*86400
	}
	if cod {
		switch {
		case st == taobao.TradeStatusTradeClosedByTaobao:
			t.codStatus = taobao.CodStatusCanceled
		case signed != 0:
			t.codStatus = taobao.CodStatusSignIn
		case shipped:
			t.codStatus = taobao.CodStatusTakenInSuccess
		default:
			t.codStatus = taobao.CodStatusNewCreated
		}
	}
	if t.Type == taobao.TradeTypeStep && t.stepStatus == "" {
		switch {
		case paid:
			t.stepStatus = taobao.StepTradeStatusFrontPaidFinalPaid
		default:
			t.stepStatus = taobao.StepTradeStatusFrontNopaidFinalNopaid
		}
	}
	if st == taobao.TradeStatusTradeFinished {
		t.BuyerRate = r.IntN(2) == 0
		t.SellerRate = r.IntN(3) > 0
	}

	// Orders follow the trade.
	for i := range t.Orders {
		o := &t.Orders[i]
		o.Status = taobao.OrderStatus(st)
		switch st {
		case taobao.TradeStatusSellerConsignedPart:
			if i == 0 || r.IntN(2) == 0 && i < len(t.Orders)-1 {
				o.Status = taobao.OrderStatusWaitBuyerConfirmGoods
				o.ConsignTime = t.ConsignTime
			} else {
				o.Status = taobao.OrderStatusWaitSellerSendGoods
			}
		case taobao.TradeStatusPaidForbidConsign:
			o.Status = taobao.OrderStatusWaitSellerSendGoods
		default:
			if shipped {
				o.ConsignTime = t.ConsignTime
			}
			if ended {
				o.EndTime = t.EndTime
			}
		}
		switch {
		case st == taobao.TradeStatusTradeClosed:
			g.refund(o, taobao.RefundStatusSuccess)
			o.Status = taobao.OrderStatusTradeClosed
			o.EndTime = t.EndTime
		case st == taobao.TradeStatusTradeFinished && i > 0 && r.IntN(12) == 0: // never every order: that closes the trade
			g.refund(o, taobao.RefundStatusSuccess)
			o.Status = taobao.OrderStatusTradeClosed
		case st == taobao.TradeStatusTradeFinished && r.IntN(25) == 0:
			g.refund(o, taobao.RefundStatusClosed)
		case (st == taobao.TradeStatusWaitSellerSendGoods || st == taobao.TradeStatusWaitBuyerConfirmGoods) && !cod && r.IntN(10) == 0:
			open := []taobao.RefundStatus{taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusSellerRefuseBuyer}
			if st == taobao.TradeStatusWaitBuyerConfirmGoods {
				open = append(open, taobao.RefundStatusWaitBuyerReturnGoods, taobao.RefundStatusWaitSellerConfirmGoods)
			}
			g.refund(o, open[r.IntN(len(open))])
		}
	}

	// The logistics order exists once a physical trade is paid (at
	// creation for cash on delivery).
	if !physical || !(paid || cod && st != taobao.TradeStatusTradeClosedByTaobao) {
		return
	}
	sh := &Shipment{OrderCode: 50000000000000 + r.Int64N(40000000000000), until: now, Status: taobao.ShippingStatusCreated}
	sh.Created = t.PayTime
	if cod {
		sh.Created = t.Created
	}
	switch t.ShippingType {
	case taobao.ShippingTypeEMS:
		sh.CompanyCode = "EMS"
	case taobao.ShippingTypePost:
		sh.CompanyCode = "POST"
	default:
		sh.CompanyCode = expressCarriers[pick(r, []int{30, 22, 18, 12, 8, 4, 2, 2, 2})]
	}
	if shipped {
		sh.OutSid = carrierByCode[sh.CompanyCode].waybill(r)
		sh.Status = taobao.ShippingStatusPickUp
		if signed != 0 {
			sh.Signed = signed
			sh.Status = taobao.ShippingStatusAcceptedByReceiver
		}
	} else if st == taobao.TradeStatusTradeClosed {
		sh.Status = taobao.ShippingStatusCancelled
	}
	t.Ship = sh
}

func (g *gen) refund(o *Order, s taobao.RefundStatus) {
	o.RefundStatus = s
	o.RefundID = 10_000_000_000_000_000 + g.r.Int64N(90_000_000_000_000_000)
}
