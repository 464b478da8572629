package taobaotest

import (
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

var (
	shippingType = reflect.TypeFor[taobao.Shipping]()
	companyType  = reflect.TypeFor[taobao.LogisticsCompany]()
	traceType    = reflect.TypeFor[taobao.Trace]()

	// orders.get documents fewer fields than detail.get, which names the
	// receiver's address "receiver_location" (the answer's "location").
	shippingFields       = newFieldSet(taobao.ShippingFields, nil)
	shippingDetailFields = newFieldSet(taobao.ShippingDetailFields, map[string]string{"receiver_location": "location"})
	companyFields        = newFieldSet(taobao.CompanyFields, nil)
)

// recommendedCarriers are the carriers companies.get lists with
// is_recommended=true. On the real gateway the list depends on the seller.
var recommendedCarriers = []string{"SF", "ZTO", "YTO", "STO", "YUNDA", "EMS"}

// companiesGet serves taobao.logistics.companies.get, an app-level call.
func (s *Server) companiesGet(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	if len(a.listArg("fields")) > taobao.MaxCompanyFields { // documented maxListSize
		return nil, invalidArg("fields")
	}
	recommended, e := a.boolArg("is_recommended")
	if e != nil {
		return nil, e
	}
	switch a.get("order_mode") {
	case "", "offline", "online", "all": // every fake carrier takes both kinds of order
	default:
		return nil, invalidArg("order_mode")
	}
	plan := s.types.planFor(r.Method, companyType, companyFields, fields)
	buf := listOpen([]byte(`{"logistics_companies":`), "logistics_company", r.simplify())
	n := 0
	for _, c := range fakedata.Companies() {
		if recommended && !slices.Contains(recommendedCarriers, c.Code) {
			continue
		}
		if n > 0 {
			buf = append(buf, ',')
		}
		buf = plan.encode(buf, reflect.ValueOf(c), r.simplify())
		n++
	}
	return rawObject(append(listClose(buf, r.simplify()), '}')), nil
}

// subTidsArg reads the sub_tid list (at most taobao.MaxSubTids oids).
func subTidsArg(a args) ([]int64, *taobao.APIError) {
	items := a.listArg("sub_tid")
	if len(items) > taobao.MaxSubTids {
		return nil, invalidArg("sub_tid")
	}
	out := make([]int64, 0, len(items))
	for _, it := range items {
		n, err := strconv.ParseInt(it, 10, 64)
		if err != nil || n <= 0 {
			return nil, invalidArg("sub_tid")
		}
		out = append(out, n)
	}
	return out, nil
}

// splitArgs reads is_split (0 or 1) and sub_tid; is_split=1 needs sub_tid.
func splitArgs(a args) (bool, []int64, *taobao.APIError) {
	isSplit, _, e := a.int64Arg("is_split")
	if e != nil {
		return false, nil, e
	}
	if isSplit != 0 && isSplit != 1 {
		return false, nil, invalidArg("is_split")
	}
	subs, e := subTidsArg(a)
	if e != nil {
		return false, nil, e
	}
	if isSplit == 1 && len(subs) == 0 {
		return false, nil, missingArg("sub_tid")
	}
	return isSplit == 1 || len(subs) > 0, subs, nil
}

// traceSearch serves taobao.logistics.trace.search.
func (s *Server) traceSearch(r *Request) (any, error) {
	a := args(r.Params)
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	split, subs, e := splitArgs(a)
	if e != nil {
		return nil, e
	}
	st := s.data()
	st.mu.RLock()
	rec := st.byTid[tid]
	if rec == nil || rec.seller.nick != r.Seller {
		st.mu.RUnlock()
		return nil, errTradeNotExist()
	}
	traces := rec.traces()
	status := rec.status
	st.mu.RUnlock()

	var found *taobao.Trace
	for i := range traces {
		if !split || containsAll(traces[i].subTids, subs) {
			found = &traces[i].trace
			break
		}
	}
	if found == nil {
		switch status {
		case taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusPaidForbidConsign, taobao.TradeStatusSellerConsignedPart:
			// Paid, not (or not all) shipped: the logistics order waits.
			found = &taobao.Trace{Tid: int64(tid), Status: "等候发送给物流公司"}
		default:
			// The gateway's answer for a trade without a logistics order
			// is not documented: this one is a guess.
			return nil, serviceErr("isv.invalid-parameter:tid", "该交易没有物流订单")
		}
	}
	return rawObject(s.types.fullPlan(traceType).encode(nil, reflect.ValueOf(found).Elem(), r.simplify())), nil
}

func containsAll(have []int64, want []int64) bool {
	for _, w := range want {
		if !slices.Contains(have, int64(w)) {
			return false
		}
	}
	return true
}

// shipQuery is the filter of a logistics order list.
type shipQuery struct {
	tid          int64
	buyerNick    string
	status       taobao.ShippingStatus
	confirm      string // "yes", "no" or ""
	receiverName string
	from, to     int64
	freightPayer string
	typ          taobao.ShippingType
	ouid         string
}

var shippingStates = map[taobao.ShippingStatus]bool{
	taobao.ShippingStatusCreated: true, taobao.ShippingStatusRecreated: true, taobao.ShippingStatusCancelled: true,
	taobao.ShippingStatusClosed: true, taobao.ShippingStatusSending: true, taobao.ShippingStatusAccepting: true,
	taobao.ShippingStatusAccepted: true, taobao.ShippingStatusRejected: true, taobao.ShippingStatusPickUp: true,
	taobao.ShippingStatusPickUpFailed: true, taobao.ShippingStatusLost: true,
	taobao.ShippingStatusRejectedByReceiver: true, taobao.ShippingStatusAcceptedByReceiver: true,
}

// shipKey is what the filters look at, read without building a Shipping.
type shipKey struct {
	created      int64
	status       taobao.ShippingStatus
	confirmed    bool
	receiverName string
	freightPayer string
	typ          taobao.ShippingType
	ouid         string
}

// shipKeys returns the keys of the record's logistics orders.
func (r *record) shipKeys() []shipKey {
	if g := r.gen; g != nil {
		if g.Ship == nil {
			return nil
		}
		k := shipKey{created: g.Ship.Created, status: g.Ship.Status, confirmed: g.Ship.OutSid != "",
			receiverName: g.Buyer.Name, freightPayer: "seller", typ: g.ShippingType}
		if g.PostFee > 0 {
			k.freightPayer = "buyer"
		}
		if k.typ == taobao.ShippingTypeFree {
			k.typ = taobao.ShippingTypeExpress
		}
		return []shipKey{k}
	}
	out := make([]shipKey, len(r.ships))
	for i, s := range r.ships {
		sh := &s.shipping
		out[i] = shipKey{created: unix(sh.Created), status: sh.Status, confirmed: sh.SellerConfirm == "yes",
			receiverName: sh.ReceiverName, freightPayer: sh.FreightPayer, typ: sh.Type, ouid: sh.Ouid}
	}
	return out
}

func (q *shipQuery) match(k shipKey) bool {
	switch {
	case q.status != "" && k.status != q.status,
		q.confirm != "" && k.confirmed != (q.confirm == "yes"),
		q.receiverName != "" && k.receiverName != q.receiverName,
		q.freightPayer != "" && k.freightPayer != q.freightPayer,
		q.typ != "" && k.typ != q.typ,
		q.ouid != "" && k.ouid != q.ouid,
		k.created < q.from || k.created > q.to:
		return false
	}
	return true
}

// logisticsOrders serves taobao.logistics.orders.get and
// taobao.logistics.orders.detail.get: the seller's logistics orders, those
// of the newest trades first (the docs give no order; this one is a guess).
func (s *Server) logisticsOrders(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	q := &shipQuery{from: math.MinInt64, to: math.MaxInt64}
	if q.tid, _, e = a.int64Arg("tid"); e != nil {
		return nil, e
	}
	q.buyerNick = a.get("buyer_nick")
	if v := a.get("status"); v != "" {
		if !shippingStates[taobao.ShippingStatus(v)] {
			return nil, invalidArg("status")
		}
		q.status = taobao.ShippingStatus(v)
	}
	switch q.confirm = a.get("seller_confirm"); q.confirm {
	case "", "yes", "no":
	default:
		return nil, invalidArg("seller_confirm")
	}
	q.receiverName = a.get("receiver_name")
	if t, ok, e := a.timeArg("start_created"); e != nil {
		return nil, e
	} else if ok {
		q.from = t.Unix()
	}
	if t, ok, e := a.timeArg("end_created"); e != nil {
		return nil, e
	} else if ok {
		q.to = t.Unix()
	}
	switch q.freightPayer = a.get("freight_payer"); q.freightPayer {
	case "", "buyer", "seller":
	default:
		return nil, invalidArg("freight_payer")
	}
	switch v := taobao.ShippingType(a.get("type")); v {
	case "", taobao.ShippingTypePost, taobao.ShippingTypeExpress, taobao.ShippingTypeEMS:
		q.typ = v
	default:
		return nil, invalidArg("type")
	}
	q.ouid = a.get("ouid")
	p, e := logisticsPaging(a)
	if e != nil {
		return nil, e
	}
	set := shippingFields
	if r.Method == taobao.MethodLogisticsOrdersDetail {
		set = shippingDetailFields
	}
	plan := s.types.planFor(r.Method, shippingType, set, fields)

	st := s.data()
	st.mu.RLock()
	var recs []entry // the seller's trades, newest first
	if q.tid != 0 {
		if rec := st.byTid[q.tid]; rec != nil && rec.seller.nick == r.Seller {
			recs = []entry{{r: rec}}
		}
	} else if sl := st.sellers[r.Seller]; sl != nil {
		recs = sl.byCreated
	}
	off := p.offset()
	total := 0
	var page []taobao.Shipping
	for _, e := range recs {
		rec := e.r
		if q.buyerNick != "" && rec.buyerNick != q.buyerNick {
			continue
		}
		var all []taobao.Shipping // built only when the page needs one of them
		for i, k := range rec.shipKeys() {
			if !q.match(k) {
				continue
			}
			if total >= off && total < off+p.size {
				if all == nil {
					all = rec.shippings()
				}
				page = append(page, deepCopy(&s.types, all[i]))
			}
			total++
		}
	}
	st.mu.RUnlock()

	buf := []byte(`{"total_results":`)
	buf = strconv.AppendInt(buf, int64(total), 10)
	if len(page) > 0 {
		buf = listOpen(append(buf, `,"shippings":`...), "shipping", r.simplify())
		for i := range page {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = plan.encode(buf, reflect.ValueOf(&page[i]).Elem(), r.simplify())
		}
		buf = listClose(buf, r.simplify())
	}
	s.betweenPages(r.Method, p.no)
	return rawObject(append(buf, '}')), nil
}

// offlineSend serves taobao.logistics.offline.send.
func (s *Server) offlineSend(r *Request) (any, error) {
	a := args(r.Params)
	// Required parameters, checked in the order the docs list them.
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	outSid, e := a.required("out_sid")
	if e != nil {
		return nil, e
	}
	code, e := a.required("company_code")
	if e != nil {
		return nil, e
	}
	_, subs, e := splitArgs(a)
	if e != nil {
		return nil, e
	}
	for _, name := range []string{"sender_id", "cancel_id"} {
		if _, _, e := a.int64Arg(name); e != nil {
			return nil, e
		}
	}
	if e := s.ship(r.Seller, tid, code, outSid, subs); e != nil {
		return nil, e
	}
	return rawObject(`{"shipping":{"is_success":true}}`), nil
}
