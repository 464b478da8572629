package taobaotest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

// Refunds are first-class records of the fake, as on the gateway: each has
// an id, a version (refund_version, a millisecond stamp that grows with
// every change), a phase, and a life cycle of its own. The trade's order
// shows the latest refund's id and state (refund_id, refund_status); a
// change of state changes the order, and so bumps the trade's modified
// too. Whether the real gateway bumps a trade's modified for refund steps
// that leave the order's refund_status as it was is not documented; here
// every step changes that state, so the question does not arise.

var refundType = reflect.TypeFor[taobao.Refund]()

// The fields each refund method may return: what its docs list.
var (
	refundListFieldSet = newFieldSet(taobao.RefundListFields, nil)
	refundGetFieldSet  = newFieldSet(taobao.RefundGetFields, nil)
)

// refundRec is one refund.
type refundRec struct {
	ref  taobao.Refund
	nick string // the seller
	typ  uint8  // the trade's typeCode
}

// refundEntry is a refund in a seller's index.
type refundEntry struct {
	key int64 // modified, unix seconds
	id  int64
	rec *refundRec
}

// refundEntryCmp orders the index: newest modified first, then the larger
// id.
func refundEntryCmp(a, b refundEntry) int {
	if c := cmp.Compare(b.key, a.key); c != 0 {
		return c
	}
	return cmp.Compare(b.id, a.id)
}

// refundStore holds every refund. It is guarded by the store's lock; its
// random source, used under the read lock too, has a lock of its own.
type refundStore struct {
	byID     map[int64]*refundRec
	bySeller map[string][]refundEntry

	rngMu sync.Mutex
	rng   *rand.Rand
}

func newRefundStore(seed int64) *refundStore {
	return &refundStore{
		byID:     make(map[int64]*refundRec),
		bySeller: make(map[string][]refundEntry),
		rng:      rand.New(rand.NewPCG(uint64(seed), 0x73687566)),
	}
}

// seed adds the refunds of a generated trade. Call before the store is
// shared.
func (rs *refundStore) seed(nick string, t *fakedata.Trade) {
	for _, ref := range t.Refunds() {
		rs.put(&refundRec{ref: ref, nick: nick, typ: typeCode(t.Type)})
	}
}

// sortSeeded sorts the indexes after seeding.
func (rs *refundStore) sortSeeded() {
	for _, idx := range rs.bySeller {
		slices.SortFunc(idx, refundEntryCmp)
	}
}

// put adds a new refund to the index, unsorted when seeding, in place
// after.
func (rs *refundStore) put(rec *refundRec) {
	rs.byID[rec.ref.RefundID] = rec
	e := refundEntry{key: unix(rec.ref.Modified), id: rec.ref.RefundID, rec: rec}
	idx := rs.bySeller[rec.nick]
	i, _ := slices.BinarySearchFunc(idx, e, refundEntryCmp)
	rs.bySeller[rec.nick] = slices.Insert(idx, i, e)
}

// reindex moves rec after its modified changed from old.
func (rs *refundStore) reindex(rec *refundRec, old int64) {
	idx := rs.bySeller[rec.nick]
	if i, ok := slices.BinarySearchFunc(idx, refundEntry{key: old, id: rec.ref.RefundID}, refundEntryCmp); ok {
		idx = slices.Delete(idx, i, i+1)
	}
	e := refundEntry{key: unix(rec.ref.Modified), id: rec.ref.RefundID, rec: rec}
	i, _ := slices.BinarySearchFunc(idx, e, refundEntryCmp)
	rs.bySeller[rec.nick] = slices.Insert(idx, i, e)
}

// syncOrders brings the refunds in step with trade t, just changed: an
// order with a refund id and a refund state gets a refund record the first
// time, and its refund follows the order's state after. The changes are
// stamped with the trade's modified. Call with the write lock held.
func (rs *refundStore) syncOrders(r *record, t *taobao.Trade) {
	at := unix(t.Modified)
	for i := range t.Orders {
		o := &t.Orders[i]
		if o.RefundID == "" || o.RefundStatus == "" || o.RefundStatus == taobao.RefundStatusNoRefund {
			continue
		}
		id, err := strconv.ParseInt(o.RefundID, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		rec := rs.byID[id]
		switch {
		case rec == nil:
			ref := fakedata.NewRefund(t, o, id, o.RefundStatus, at, at)
			rs.put(&refundRec{ref: ref, nick: r.seller.nick, typ: typeCode(t.Type)})
		case rec.ref.Status != o.RefundStatus:
			old := unix(rec.ref.Modified)
			rec.ref.OrderStatus = t.Status
			fakedata.SetRefundStatus(&rec.ref, o.RefundStatus, max(at, old))
			rs.reindex(rec, old)
		}
	}
}

// refundSteps are the moves of the refund life cycle AdvanceRefund
// allows: the seller agrees (to a return, or to pay back at once), refuses,
// the buyer sends the goods back or gives up (closed), the seller confirms
// the returned goods (success), the buyer asks again after a refusal, and
// customer service decides for the buyer.
var refundSteps = map[taobao.RefundStatus][]taobao.RefundStatus{
	taobao.RefundStatusWaitSellerAgree: {taobao.RefundStatusWaitBuyerReturnGoods, taobao.RefundStatusSellerRefuseBuyer,
		taobao.RefundStatusSuccess, taobao.RefundStatusClosed},
	taobao.RefundStatusSellerRefuseBuyer:      {taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusSuccess, taobao.RefundStatusClosed},
	taobao.RefundStatusWaitBuyerReturnGoods:   {taobao.RefundStatusWaitSellerConfirmGoods, taobao.RefundStatusClosed},
	taobao.RefundStatusWaitSellerConfirmGoods: {taobao.RefundStatusSuccess, taobao.RefundStatusSellerRefuseBuyer},
}

// RefundSteps returns the states a refund in state from may move to with
// AdvanceRefund; none for a closed or successful refund.
func RefundSteps(from taobao.RefundStatus) []taobao.RefundStatus {
	return slices.Clone(refundSteps[from])
}

// AdvanceRefund moves a refund along its life cycle (see RefundSteps): it
// bumps the refund's modified to the server's clock and its
// refund_version, and sets the order's refund_status, which bumps the
// trade's modified. Agreeing to a return makes the refund one with goods
// returned; a success closes the order (and the trade, once every order is
// closed), as RefundOrder does. A move the life cycle does not have, or an
// unknown refund, is an error.
func (s *Server) AdvanceRefund(refundID int64, status taobao.RefundStatus) error {
	st := s.data()
	st.mu.RLock()
	rec := st.refunds.byID[refundID]
	var tid, oid int64
	if rec != nil {
		tid, oid = rec.ref.Tid, rec.ref.Oid
	}
	st.mu.RUnlock()
	if rec == nil {
		return fmt.Errorf("taobaotest: AdvanceRefund: no refund %d", refundID)
	}
	return s.change(tid, func(st *store, r *record, t *taobao.Trade, now taobao.Time) error {
		rec := st.refunds.byID[refundID]
		from := rec.ref.Status
		if !slices.Contains(refundSteps[from], status) {
			return fmt.Errorf("taobaotest: AdvanceRefund(%d): a refund cannot move from %s to %s", refundID, from, status)
		}
		i := slices.IndexFunc(t.Orders, func(o taobao.Order) bool { return o.Oid == oid })
		if i < 0 {
			return fmt.Errorf("taobaotest: AdvanceRefund(%d): the trade has no order %d", refundID, oid)
		}
		o := &t.Orders[i]
		if o.RefundID != strconv.FormatInt(refundID, 10) {
			return fmt.Errorf("taobaotest: AdvanceRefund(%d): order %d shows a later refund %s", refundID, oid, o.RefundID)
		}
		switch {
		case status == taobao.RefundStatusWaitBuyerReturnGoods && !rec.ref.HasGoodReturn:
			rec.ref.HasGoodReturn, rec.ref.DisputeType = true, taobao.DisputeTypeRefundAndReturn
		case from == taobao.RefundStatusSellerRefuseBuyer && status == taobao.RefundStatusSuccess:
			rec.ref.CSStatus = taobao.CSStatusSupportBuyer
		}
		o.RefundStatus = status
		if status == taobao.RefundStatusSuccess {
			o.Status = taobao.OrderStatusTradeClosed
			o.EndTime = now
			if !slices.ContainsFunc(t.Orders, func(o taobao.Order) bool { return o.Status != taobao.OrderStatusTradeClosed }) {
				t.Status = taobao.TradeStatusTradeClosed
				t.EndTime = now
				t.AvailableConfirmFee = 0
				cancelUnshipped(r, now)
			}
		}
		return nil // change bumps the trade; the store's update moves the refund
	})
}

// Refund returns the ground truth of one refund.
func (s *Server) Refund(refundID int64) (taobao.Refund, bool) {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	rec := st.refunds.byID[refundID]
	if rec == nil {
		return taobao.Refund{}, false
	}
	return deepCopyRefund(rec.ref), true
}

// Refunds returns the ground truth of the seller's refunds, full records,
// most recently modified first.
func (s *Server) Refunds(sellerNick string) []taobao.Refund {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	idx := st.refunds.bySeller[sellerNick]
	out := make([]taobao.Refund, len(idx))
	for i, e := range idx {
		out[i] = deepCopyRefund(e.rec.ref)
	}
	return out
}

func deepCopyRefund(r taobao.Refund) taobao.Refund {
	if r.RefundRemindTimeout != nil {
		t := *r.RefundRemindTimeout
		r.RefundRemindTimeout = &t
	}
	r.CombineItemInfo = slices.Clone(r.CombineItemInfo)
	return r
}

// WithShuffledRefunds makes taobao.refunds.receive.get answer in an
// unspecified order: each call orders the matching refunds at random
// before it pages them, so that two pages of one listing may overlap or
// leave refunds out. The order of the real answer is not documented; a
// client that pages it must not rely on one.
func WithShuffledRefunds() Option {
	return func(s *Server) { s.shuffleRefunds = true }
}

// refundFilterStates are the values of the status filter.
var refundFilterStates = slices.DeleteFunc(taobao.RefundStatusValues(), func(s taobao.RefundStatus) bool {
	return s == taobao.RefundStatusNoRefund
})

// refundDefaultTypeBits are the trade types refunds.receive.get lists
// without a type parameter: guarantee_trade (fixed, auction) and
// auto_delivery.
var refundDefaultTypeBits = uint64(1)<<typeCode(taobao.TradeTypeFixed) | 1<<typeCode(taobao.TradeTypeAuction) |
	1<<typeCode(taobao.TradeTypeAutoDelivery)

// refundQuery is the filter of a refund list call.
type refundQuery struct {
	from, to     int64 // inclusive bounds of modified, unix seconds
	status       taobao.RefundStatus
	types        uint64
	buyerNick    string
	buyerOpenUID string
	ouid         string
}

func (q *refundQuery) match(rec *refundRec) bool {
	switch {
	case q.types&(1<<rec.typ) == 0,
		q.status != "" && rec.ref.Status != q.status,
		q.buyerNick != "" && rec.ref.BuyerNick != q.buyerNick,
		q.buyerOpenUID != "" && rec.ref.BuyerOpenUID != q.buyerOpenUID,
		q.ouid != "" && rec.ref.Ouid != q.ouid:
		return false
	}
	return true
}

// refundsReceiveGet serves taobao.refunds.receive.get: the seller's
// refunds modified in [start_modified, end_modified] (no span limit: the
// docs give none), newest first or, with WithShuffledRefunds, in a random
// order.
func (s *Server) refundsReceiveGet(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	if len(a.listArg("fields")) > 100 {
		return nil, invalidArg("fields")
	}
	q := &refundQuery{from: 0, to: 1<<62 - 1}
	if v := a.get("status"); v != "" {
		if !slices.Contains(refundFilterStates, taobao.RefundStatus(v)) {
			return nil, invalidArg("status")
		}
		q.status = taobao.RefundStatus(v)
	}
	q.types = refundDefaultTypeBits
	if items := a.listArg("type"); len(items) > 0 {
		bits, ok := typeFilter(items)
		if !ok {
			return nil, invalidArg("type")
		}
		q.types = bits
	}
	if t, ok, e := a.timeArg("start_modified"); e != nil {
		return nil, e
	} else if ok {
		q.from = t.Unix()
	}
	if t, ok, e := a.timeArg("end_modified"); e != nil {
		return nil, e
	} else if ok {
		q.to = t.Unix()
	}
	if q.from > q.to {
		return nil, serviceErr("isv.invalid-parameter:end_modified", "end_modified必须大于start_modified")
	}
	q.buyerNick, q.buyerOpenUID, q.ouid = a.get("buyer_nick"), a.get("buyer_open_uid"), a.get("ouid")
	p, e := tradePaging(a)
	if e != nil {
		return nil, e
	}
	plan := s.types.planFor(r.Method, refundType, refundListFieldSet, fields)

	st := s.data()
	buf := make([]byte, 0, 4096)
	st.mu.RLock()
	idx := st.refunds.bySeller[r.Seller]
	i0 := sort.Search(len(idx), func(i int) bool { return idx[i].key <= q.to })
	i1 := sort.Search(len(idx), func(i int) bool { return idx[i].key < q.from })
	var match []*refundRec
	for i := i0; i < i1; i++ {
		if q.match(idx[i].rec) {
			match = append(match, idx[i].rec)
		}
	}
	if s.shuffleRefunds {
		st.refunds.rngMu.Lock()
		st.refunds.rng.Shuffle(len(match), func(i, j int) { match[i], match[j] = match[j], match[i] })
		st.refunds.rngMu.Unlock()
	}
	off := p.offset()
	page := match[min(off, len(match)):min(off+p.size, len(match))]
	buf = append(buf, '{')
	if !p.useHasNext {
		buf = append(buf, `"total_results":`...)
		buf = strconv.AppendInt(buf, int64(len(match)), 10)
	}
	if len(page) > 0 {
		if !p.useHasNext {
			buf = append(buf, ',')
		}
		buf = append(buf, `"refunds":{"refund":[`...)
		for i, rec := range page {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = plan.encode(buf, reflect.ValueOf(&rec.ref).Elem(), false)
		}
		buf = append(buf, "]}"...)
	}
	if p.useHasNext {
		if len(page) > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `"has_next":`...)
		buf = strconv.AppendBool(buf, off+p.size < len(match))
	}
	buf = append(buf, '}')
	st.mu.RUnlock()
	s.betweenPages(r.Method, p.no)
	return rawObject(buf), nil
}

// errRefundNotExist answers for a refund the session's seller does not
// have. The sub_code is a guess: the docs list none for this case.
func errRefundNotExist() *taobao.APIError {
	return serviceErr("isv.refund-not-exist", "退款单不存在")
}

// refundGet serves taobao.refund.get.
func (s *Server) refundGet(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	if len(a.listArg("fields")) > 100 {
		return nil, invalidArg("fields")
	}
	id, e := a.tidArg("refund_id")
	if e != nil {
		return nil, e
	}
	plan := s.types.planFor(r.Method, refundType, refundGetFieldSet, fields)
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	rec := st.refunds.byID[id]
	if rec == nil || rec.nick != r.Seller {
		return nil, errRefundNotExist()
	}
	buf := make([]byte, 0, 2048)
	buf = append(buf, `{"refund":`...)
	buf = plan.encode(buf, reflect.ValueOf(&rec.ref).Elem(), false)
	return rawObject(append(buf, '}')), nil
}
