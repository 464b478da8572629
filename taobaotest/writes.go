package taobaotest

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

// The write APIs an order system calls: memos, closing, online, virtual
// and changed shipments. Each goes through the store's change path
// (Server.change), so that a change bumps the trade's modified time and
// the increment APIs see it. The rules are the documented ones; where the
// docs name a rule but not its answer, the answer here is a guess and says
// so.

// shipKind is how a logistics order was shipped.
type shipKind uint8

const (
	shipOffline shipKind = iota // the seller's own carrier (offline.send): 自己联系
	shipOnline                  // a carrier ordered online (online.send)
	shipDummy                   // no carrier at all (dummy.send)
)

// errUnchanged ends a change that changed nothing: the trade, and its
// modified time, stay as they were.
var errUnchanged = errors.New("taobaotest: unchanged")

// Rules of the write APIs.
const (
	maxMemoBytes = taobao.MaxMemoBytes
	maxMemoFlag  = 5
	// closeMinAge is how old a trade must be to be closed
	// (CLOSE_TRADE_TOO_FAST within 10 s of its creation).
	closeMinAge = taobao.CloseTooNewWait
	// resendWindow is how long after shipping a seller who shipped by
	// their own carrier may change the waybill.
	resendWindow = 50 * 24 * time.Hour
)

// write runs fn on the seller's trade through the change path. A trade of
// another seller is answered as one that does not exist, through notFound.
// fn returning errUnchanged leaves the trade as it was; an *APIError is
// the answer.
func (s *Server) write(seller string, tid int64, notFound *taobao.APIError, fn func(st *store, r *record, t *taobao.Trade, now taobao.Time) error) *taobao.APIError {
	err := s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if r.seller.nick != seller {
			return notFound
		}
		return fn(st, r, t, now)
	})
	var apiE *taobao.APIError
	switch {
	case err == nil, errors.Is(err, errUnchanged):
		return nil
	case errors.As(err, &apiE):
		return apiE
	}
	return notFound // no such trade
}

func setInt[T ~int64](p *T, v int64) { *p = T(v) }

func setBool[T ~bool](p *T, v bool) { *p = T(v) }

func setInts[S ~[]E, E ~int64](p *S, v []int64) {
	out := make(S, len(v))
	for i, n := range v {
		out[i] = E(n)
	}
	*p = out
}

func gmt8Text(t taobao.Time) string { return t.In(taobao.GMT8()).Format(taobao.TimeLayout) }

// tradeAnswer is the {"trade":{"tid":...,"<key>":"<time>"}} answer of the
// trade writes.
func tradeAnswer(tid int64, key string, at taobao.Time) rawObject {
	return rawObject(fmt.Sprintf(`{"trade":{"tid":%d,%q:%q}}`, tid, key, gmt8Text(at)))
}

// memoArgs reads memo (at most maxMemoBytes bytes of UTF-8; the docs do
// not name the encoding) and flag (0-5).
func memoArgs(a args, memoRequired bool) (memo string, flag int64, e *taobao.APIError) {
	if memoRequired {
		if memo, e = a.required("memo"); e != nil {
			return "", 0, e
		}
	} else {
		memo = a.get("memo")
	}
	if len(memo) > maxMemoBytes || !utf8.ValidString(memo) {
		return "", 0, invalidArg("memo")
	}
	flag, _, e = a.int64Arg("flag")
	if e != nil {
		return "", 0, e
	}
	if flag < 0 || flag > maxMemoFlag {
		return "", 0, invalidArg("flag")
	}
	return memo, flag, nil
}

// memoUpdate serves taobao.trade.memo.update: it sets the seller's memo
// and flag; an empty memo leaves the memo, reset=true clears it, and a
// missing flag is the documented default 0. An update that changes
// nothing leaves modified as it was (the docs bump it on "any change").
func (s *Server) memoUpdate(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	memo, flag, e := memoArgs(a, false)
	if e != nil {
		return nil, e
	}
	reset, e := a.boolArg("reset")
	if e != nil {
		return nil, e
	}
	var modified taobao.Time
	if e := s.write(r.Seller, tid, errTradeNotExist(), func(_ *store, _ *record, t *taobao.Trade, now taobao.Time) error {
		newMemo := t.SellerMemo
		switch {
		case reset:
			newMemo = ""
		case memo != "":
			newMemo = memo
		}
		if newMemo == t.SellerMemo && flag == int64(t.SellerFlag) {
			modified = t.Modified
			return errUnchanged
		}
		t.SellerMemo = newMemo
		setInt(&t.SellerFlag, flag)
		modified = now
		return nil
	}); e != nil {
		return nil, e
	}
	return tradeAnswer(tid, "modified", modified), nil
}

// errMemoExists answers a second memo.add. The docs say the method cannot
// be called twice but not what it answers then: this sub_code is a guess.
func errMemoExists() *taobao.APIError {
	return serviceErr("isv.trade-memo-exist", "交易已有备注，不能重复添加，请使用taobao.trade.memo.update")
}

// memoAdd serves taobao.trade.memo.add: the first memo of a trade, once.
func (s *Server) memoAdd(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	memo, flag, e := memoArgs(a, true)
	if e != nil {
		return nil, e
	}
	var created taobao.Time
	if e := s.write(r.Seller, tid, errTradeNotExist(), func(_ *store, _ *record, t *taobao.Trade, _ taobao.Time) error {
		if t.SellerMemo != "" {
			return errMemoExists()
		}
		t.SellerMemo = memo
		setInt(&t.SellerFlag, flag)
		created = t.Created
		return nil
	}); e != nil {
		return nil, e
	}
	return tradeAnswer(tid, "created", created), nil
}

// closeReasons are the reasons taobao.trade.close takes.
var closeReasons = map[string]bool{
	"未及时付款": true, "买家不想买了": true, "买家信息填写错误，重新拍": true, "恶意买家/同行捣乱": true,
	"缺货": true, "买家拍错了": true, "同城见面交易": true,
}

// tradeClose serves taobao.trade.close: an unpaid trade becomes
// TRADE_CLOSED_BY_TAOBAO with its orders. A reason outside the seven
// answers isv.invalid-parameter:closereason_wrong (as ISVs' error tables
// record it); a trade younger than 10 s answers CLOSE_TRADE_TOO_FAST, whose
// shape is not documented: here sub_code isv.CLOSE_TRADE_TOO_FAST, with
// the seconds to wait in sub_msg. A paid or closed trade answers
// isv.trade-status-error, a guess too. Closing by a sub-order's oid is not
// served: it answers as an unknown trade.
func (s *Server) tradeClose(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	reason, e := a.required("close_reason")
	if e != nil {
		return nil, e
	}
	if !closeReasons[reason] {
		return nil, serviceErr("isv.invalid-parameter:closereason_wrong", "关闭原因不正确")
	}
	var modified taobao.Time
	at := s.Now()
	if e := s.write(r.Seller, tid, errTradeNotExist(), func(_ *store, r *record, t *taobao.Trade, now taobao.Time) error {
		if age := at.Sub(t.Created.Time); age < closeMinAge {
			wait := int64(math.Ceil((closeMinAge - age).Seconds()))
			return serviceErr("isv.CLOSE_TRADE_TOO_FAST", fmt.Sprintf("CLOSE_TRADE_TOO_FAST: 交易创建不足10秒，请%d秒后再关闭", max(wait, 1)))
		}
		if !unpaid(t.Status) {
			return serviceErr("isv.trade-status-error", "交易状态为"+string(t.Status)+"，只能关闭未付款的交易")
		}
		t.Status = taobao.TradeStatusTradeClosedByTaobao
		for i := range t.Orders {
			t.Orders[i].Status = taobao.OrderStatusTradeClosedByTaobao
			t.Orders[i].EndTime = now
		}
		t.EndTime = now
		t.TimeoutActionTime = taobao.Time{}
		cancelUnshipped(r, now)
		modified = now
		return nil
	}); e != nil {
		return nil, e
	}
	return tradeAnswer(tid, "modified", modified), nil
}

var shipOK = rawObject(`{"shipping":{"is_success":true}}`)

// sendArgs reads the split pair with the method's limit on sub_tid, and
// the address-book ids.
func sendArgs(a args, maxSubs int, ids ...string) ([]int64, *taobao.APIError) {
	if len(a.listArg("sub_tid")) > maxSubs {
		return nil, invalidArg("sub_tid")
	}
	_, subs, e := splitArgs(a)
	if e != nil {
		return nil, e
	}
	for _, name := range ids {
		if _, _, e := a.int64Arg(name); e != nil {
			return nil, e
		}
	}
	return subs, nil
}

// onlineSend serves taobao.logistics.online.send. With out_sid the trade
// ships at once; without it a logistics order of the carrier is created
// and the trade's status does not change until online.confirm. A second
// send while that order waits answers B27 (a logistics order exists).
func (s *Server) onlineSend(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	code, e := a.required("company_code")
	if e != nil {
		return nil, e
	}
	subs, e := sendArgs(a, taobao.MaxOnlineSubTids, "sender_id", "cancel_id")
	if e != nil {
		return nil, e
	}
	if e := s.consign(shipOnline, r.Seller, tid, code, a.get("out_sid"), subs); e != nil {
		return nil, e
	}
	return shipOK, nil
}

// onlineConfirm serves taobao.logistics.online.confirm: the waybill of an
// online send made without one; the trade ships. A trade with no waiting
// online logistics order answers B04 when it has shipped, B02 otherwise
// (which code the gateway uses is not documented).
func (s *Server) onlineConfirm(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	outSid, e := a.required("out_sid")
	if e != nil {
		return nil, e
	}
	subs, e := sendArgs(a, taobao.MaxOnlineSubTids)
	if e != nil {
		return nil, e
	}
	if e := s.consign(shipOnline, r.Seller, tid, "", outSid, subs); e != nil {
		return nil, e
	}
	return shipOK, nil
}

// dummySend serves taobao.logistics.dummy.send: the trade ships with no
// carrier and no waybill.
func (s *Server) dummySend(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	if e := s.consign(shipDummy, r.Seller, tid, "", "", nil); e != nil {
		return nil, e
	}
	return shipOK, nil
}

// pendingOnline returns the record's online logistics order that waits for
// its waybill, if any.
func pendingOnline(r *record) *shipment {
	for _, x := range r.ships {
		if x.kind == shipOnline && x.shipping.OutSid == "" && x.shipping.Status == taobao.ShippingStatusCreated {
			return x
		}
	}
	return nil
}

// consign ships a trade of the seller by kind, as offline.send does for
// the seller's own carrier: the online and dummy sub_code families, B01
// no such trade, B04 shipped or closed, B27 a logistics order exists, B55
// not in a state to ship, B60 waybill invalid or used, B98 nothing to ship
// this way, P38 bad split. For an online confirm, code is "" and the
// waiting order's carrier is used.
func (s *Server) consign(kind shipKind, seller string, tid int64, code, outSid string, subs []int64) *taobao.APIError {
	family := "isv.logistics-online-service-error:"
	if kind == shipDummy {
		family = "isv.logistics-dummy-service-error:"
	}
	fail := func(sub, msg string) *taobao.APIError { return serviceErr(family+sub, msg) }
	confirm := kind == shipOnline && code == ""
	return s.write(seller, tid, fail("B01", "订单不存在"), func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		pending := pendingOnline(r)
		switch t.Status {
		case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusSellerConsignedPart:
		case taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeBuyerSigned, taobao.TradeStatusTradeFinished,
			taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao:
			return fail("B04", "该物流订单已经发货或者已关闭，不能重复发货")
		default:
			return fail("B55", "订单状态不对，不能发货")
		}
		switch {
		case confirm && pending == nil:
			return fail("B02", "没有待确认的在线下单物流订单")
		case !confirm && pending != nil:
			return fail("B27", "该交易已经生成物流订单")
		case kind == shipOnline && t.ShippingType == taobao.ShippingTypeVirtual,
			kind == shipDummy && t.Type == taobao.TradeTypeCod:
			return fail("B98", "发货类型不匹配")
		}
		if confirm {
			code = pending.code
		}
		var company taobao.LogisticsCompany
		if kind != shipDummy {
			var ok bool
			if company, ok = fakedata.Company(code); !ok {
				return fail("B52", "该物流公司不支持在线下单")
			}
		}
		if outSid != "" {
			if _, used := st.waybills[code+" "+outSid]; used || !fakedata.ValidWaybill(code, outSid) {
				return fail("B60", "运单号不符合规则或已经被使用")
			}
		}
		// The orders this parcel carries.
		open := func(o taobao.Order) bool {
			return o.ConsignTime.IsZero() && o.Status == taobao.OrderStatusWaitSellerSendGoods
		}
		var ship []int
		for _, oid := range subs {
			i := slices.IndexFunc(t.Orders, func(o taobao.Order) bool { return int64(o.Oid) == oid })
			if i < 0 {
				return fail("P38", "拆单校验未通过")
			}
			if !open(t.Orders[i]) {
				return fail("B04", "该物流订单已经发货或者已关闭，不能重复发货")
			}
			if !slices.Contains(ship, i) {
				ship = append(ship, i)
			}
		}
		if len(subs) == 0 {
			for i, o := range t.Orders {
				if open(o) {
					ship = append(ship, i)
				}
			}
		}
		sh := pending
		if sh == nil {
			for _, x := range r.ships {
				if x.shipping.OutSid == "" && x.shipping.Status == taobao.ShippingStatusCreated && x.shipping.SellerConfirm != "yes" {
					sh = x
					break
				}
			}
		}
		if sh == nil {
			sh = &shipment{shipping: newShipping(st, t, now)}
			r.ships = append(r.ships, sh)
		}
		sh.kind, sh.code = kind, code
		p := &sh.shipping
		p.CompanyName = company.Name
		p.Modified = now
		if kind == shipOnline && outSid == "" {
			// Ordered online, no waybill yet: the trade does not change.
			p.Status = taobao.ShippingStatusCreated
			return errUnchanged
		}
		var oids []int64
		for _, i := range ship {
			o := &t.Orders[i]
			o.Status = taobao.OrderStatusWaitBuyerConfirmGoods
			o.ConsignTime = now
			o.LogisticsCompany = company.Name
			o.InvoiceNo = outSid
			oids = append(oids, int64(o.Oid))
		}
		rest := slices.ContainsFunc(t.Orders, open)
		t.Status = taobao.TradeStatusWaitBuyerConfirmGoods
		if rest {
			t.Status = taobao.TradeStatusSellerConsignedPart
		}
		split := rest || len(subs) > 0
		setBool(&t.IsPartConsign, split)
		if t.ConsignTime.IsZero() {
			t.ConsignTime = now
		}
		t.TimeoutActionTime = taobao.NewTime(now.Add(10 * 24 * time.Hour))

		p.OutSid = outSid
		p.SellerConfirm = "yes"
		setInts(&p.SubTids, oids)
		if len(ship) > 0 {
			p.ItemTitle = t.Orders[ship[0]].Title
		}
		if split {
			p.IsSplit = true
		}
		p.Mails = p.Mails[:0]
		if kind == shipDummy {
			p.Status = taobao.ShippingStatusAcceptedByReceiver
			sh.trace = nil
			return nil
		}
		// Online shipments are tracked: the carrier has the order but has
		// not picked the parcel up.
		p.Status = taobao.ShippingStatusAccepting
		p.Mails = append(p.Mails, taobao.LogisticsMail{OutSid: outSid, CompanyName: company.Name})
		setTrace(sh, t, now, "已提交给物流公司,等待物流公司接单", "在线下单发货，"+company.Name+" 运单号 "+outSid)
		st.waybills[code+" "+outSid] = tid
		return nil
	})
}

// setTrace gives a shipment a trace of one step.
func setTrace(sh *shipment, t *taobao.Trade, now taobao.Time, status, desc string) {
	tr := &taobao.Trace{Tid: t.Tid, OutSid: sh.shipping.OutSid, CompanyName: sh.shipping.CompanyName, Status: status}
	tr.TraceList = append(tr.TraceList, taobao.TransitStepInfo{StatusTime: now, Action: "CONSIGN", StatusDesc: desc})
	sh.trace = tr
}

// consignResend serves taobao.logistics.consign.resend: a new carrier and
// waybill for a shipped trade. The sub_codes are those documented for the
// method: CD19 not shipped, P03 carrier, P07 nothing changed (the same
// carrier and waybill), P08 not supported (here: a virtual shipment, which
// has no waybill), F01 waybill invalid or used. Past the 50 days after a
// shipment by the seller's own carrier, or once an online carrier picked
// the parcel up, it answers P06 (status): which code the gateway uses then
// is not documented.
func (s *Server) consignResend(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	if tid < taobao.MinResendTid {
		return nil, invalidArg("tid")
	}
	outSid, e := a.required("out_sid")
	if e != nil {
		return nil, e
	}
	code, e := a.required("company_code")
	if e != nil {
		return nil, e
	}
	subs, e := sendArgs(a, taobao.MaxSubTids)
	if e != nil {
		return nil, e
	}
	fail := func(sub, msg string) *taobao.APIError {
		return serviceErr("isv.logistics-update-company-or-mailno-error:"+sub, msg)
	}
	if e := s.write(r.Seller, tid, errTradeNotExist(), func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		var sh *shipment
		for _, x := range r.ships {
			if x.shipping.SellerConfirm == "yes" && (len(subs) == 0 || containsAllInts(x.shipping.SubTids, subs)) {
				sh = x
				break
			}
		}
		switch {
		case sh == nil:
			return fail("CD19", "订单未发货")
		case sh.kind == shipDummy:
			return fail("P08", "不支持修改，禁止重试")
		case sh.code == code && sh.shipping.OutSid == outSid:
			return fail("P07", "未作修改")
		case sh.kind == shipOffline && now.Sub(t.ConsignTime.Time) > resendWindow:
			return fail("P06", "自己联系发货超过50天，不能修改")
		case sh.kind == shipOnline && sh.shipping.Status != taobao.ShippingStatusAccepting:
			return fail("P06", "物流公司已揽收，不能修改")
		}
		company, ok := fakedata.Company(code)
		if !ok {
			return fail("P03", "物流公司不正确")
		}
		if _, used := st.waybills[code+" "+outSid]; used || !fakedata.ValidWaybill(code, outSid) {
			return fail("F01", "运单号不符合规则或已经被使用")
		}
		delete(st.waybills, sh.code+" "+sh.shipping.OutSid)
		st.waybills[code+" "+outSid] = tid
		old := sh.shipping.OutSid
		sh.code = code
		p := &sh.shipping
		p.OutSid, p.CompanyName, p.Modified = outSid, company.Name, now
		p.Mails = append(p.Mails[:0], taobao.LogisticsMail{OutSid: outSid, CompanyName: company.Name})
		for i := range t.Orders {
			if o := &t.Orders[i]; o.InvoiceNo == old && !o.ConsignTime.IsZero() {
				o.InvoiceNo, o.LogisticsCompany = outSid, company.Name
			}
		}
		status := "对方已签收"
		if sh.kind == shipOnline {
			status = "已提交给物流公司,等待物流公司接单"
		}
		setTrace(sh, t, now, status, "卖家修改物流公司和运单号，"+company.Name+" 运单号 "+outSid)
		return nil
	}); e != nil {
		return nil, e
	}
	return shipOK, nil
}

func containsAllInts[S ~[]E, E ~int64](have S, want []int64) bool {
	for _, w := range want {
		if !slices.Contains(have, E(w)) {
			return false
		}
	}
	return true
}
