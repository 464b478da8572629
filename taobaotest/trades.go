package taobaotest

import (
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/toptrade/taobao"
)

// SearchWindow is how far back the trade list APIs see: the gateway
// serves three months of trades, taken here as 90 days (the SDK's
// SyncHistory). Trades created (sold.get) or modified (increment.get)
// earlier are left out of lists, silently, as if the window were clamped:
// whether older bounds are an error on the real gateway is not documented.
const SearchWindow = 90 * 24 * time.Hour

var tradeType = reflect.TypeFor[taobao.Trade]()

// The fields each trade method may return: what its docs list.
var (
	fullInfoFields  = newFieldSet(taobao.TradeFullFields, nil)
	tradeGetFields  = newFieldSet(taobao.TradeGetFields, nil)
	soldFields      = newFieldSet(taobao.TradeSoldFields, nil)
	incrementFields = newFieldSet(taobao.TradeIncrementFields, nil)
)

// statusGroups are the query-only values of the status filter.
var statusGroups = map[taobao.TradeStatus][]taobao.TradeStatus{
	taobao.TradeStatusAllWaitPay: {taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusTradeNoCreatePay},
	taobao.TradeStatusAllClosed:  {taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao},
}

// allStates are the documented trade states, without the query-only
// groups (ALL_WAIT_PAY, ALL_CLOSED).
var allStates = slices.DeleteFunc(taobao.TradeStatusValues(), func(s taobao.TradeStatus) bool {
	return s == taobao.TradeStatusAllWaitPay || s == taobao.TradeStatusAllClosed
})

// statusFilter returns the bit set of the status parameter's value.
func statusFilter(v string) (uint32, bool) {
	s := taobao.TradeStatus(v)
	group, ok := statusGroups[s]
	if !ok {
		if !slices.Contains(allStates, s) {
			return 0, false
		}
		group = []taobao.TradeStatus{s}
	}
	var bits uint32
	for _, g := range group {
		bits |= 1 << statusCode(g)
	}
	return bits, true
}

// knownTypes are the documented trade types.
var knownTypes = func() map[taobao.TradeType]bool {
	m := make(map[taobao.TradeType]bool)
	for _, t := range taobao.TradeTypeValues() {
		m[t] = true
	}
	return m
}()

// defaultTypes are the trade types the list APIs return when the type
// parameter is absent: guarantee_trade (fixed and auction), auto_delivery,
// ec, cod and step. Trades of other types are listed only when asked for.
func defaultTypes() []taobao.TradeType {
	return []taobao.TradeType{
		taobao.TradeTypeFixed, taobao.TradeTypeAuction, taobao.TradeTypeAutoDelivery,
		taobao.TradeTypeEc, taobao.TradeTypeCod, taobao.TradeTypeStep,
	}
}

// DefaultTypes are the trade types the list APIs return when the type
// parameter is absent. It is a copy for reading: the server never reads
// it, so changing it changes nothing.
var DefaultTypes = defaultTypes()

// defaultTypeBits is the bit set of defaultTypes.
var defaultTypeBits = func() uint64 {
	var bits uint64
	for _, t := range defaultTypes() {
		bits |= 1 << typeCode(t)
	}
	return bits
}()

// typeFilter returns the bit set of the type parameter's values.
func typeFilter(items []string) (uint64, bool) {
	var bits uint64
	if len(items) == 0 {
		return defaultTypeBits, true
	}
	for _, it := range items {
		t := taobao.TradeType(it)
		switch {
		case t == taobao.TradeTypeGuaranteeTrade:
			bits |= 1<<typeCode(taobao.TradeTypeFixed) | 1<<typeCode(taobao.TradeTypeAuction)
		case knownTypes[t]:
			bits |= 1 << typeCode(t)
		default:
			return 0, false
		}
	}
	return bits, true
}

// Trade types and states are numbered so that a query holds the ones it
// wants as bit sets.
var (
	typeCodes = func() map[taobao.TradeType]uint8 {
		types := make([]string, 0, len(knownTypes))
		for t := range knownTypes {
			types = append(types, string(t))
		}
		slices.Sort(types)
		m := make(map[taobao.TradeType]uint8, len(types))
		for i, t := range types {
			m[taobao.TradeType(t)] = uint8(i)
		}
		return m
	}()
	statusCodes = func() map[taobao.TradeStatus]uint8 {
		m := make(map[taobao.TradeStatus]uint8, len(allStates))
		for i, s := range allStates {
			m[s] = uint8(i)
		}
		return m
	}()
)

const (
	otherType   = 63 // a type the docs do not list
	otherStatus = 31 // a state the docs do not list
)

func typeCode(t taobao.TradeType) uint8 {
	if c, ok := typeCodes[t]; ok {
		return c
	}
	return otherType
}

func statusCode(s taobao.TradeStatus) uint8 {
	if c, ok := statusCodes[s]; ok {
		return c
	}
	return otherStatus
}

// tradeQuery is the filter of a trade list call.
type tradeQuery struct {
	byModified   bool
	byStored     bool   // by store time (incrementv)
	visibleAt    int64  // only changes that reached the store by then are listed (unix seconds)
	from, to     int64  // inclusive bounds of created (or modified), unix seconds
	statuses     uint32 // bit set of statusCode; 0: any
	types        uint64 // bit set of typeCode
	buyerNick    string
	buyerOpenUID string
	rated        uint8 // with rateMask: the rating bits wanted
	rateMask     uint8
	nothing      bool // a filter no trade of the fake matches (ext_type, tag)
}

func (q *tradeQuery) match(e *entry) bool {
	if q.types&(1<<e.typ) == 0 || q.statuses != 0 && q.statuses&(1<<e.status) == 0 || e.rated&q.rateMask != q.rated {
		return false
	}
	if q.buyerNick != "" && e.r.buyerNick != q.buyerNick || q.buyerOpenUID != "" && e.r.buyerOpenUID != q.buyerOpenUID {
		return false
	}
	return true
}

// rateFilters maps rate_status to (rated, mask): bit 1 the buyer rated,
// bit 2 the seller rated.
var rateFilters = map[string][2]uint8{
	"RATE_UNBUYER":        {0, 1},
	"RATE_UNSELLER":       {0, 2},
	"RATE_BUYER_UNSELLER": {1, 3},
	"RATE_UNBUYER_SELLER": {2, 3},
	"RATE_BUYER_SELLER":   {3, 3},
}

// commonFilters reads the filters both list APIs share.
func commonFilters(a args, q *tradeQuery, openUIDParam string) *taobao.APIError {
	if v := a.get("status"); v != "" {
		s, ok := statusFilter(v)
		if !ok {
			return invalidArg("status")
		}
		q.statuses = s
	}
	types, ok := typeFilter(a.listArg("type"))
	if !ok {
		return invalidArg("type")
	}
	q.types = types
	q.buyerNick = a.get("buyer_nick")
	q.buyerOpenUID = a.get(openUIDParam)
	switch a.get("ext_type") {
	case "":
	case "ershou", "service", "mark":
		q.nothing = true // the fake has no second-hand, service or flagged trades
	default:
		return invalidArg("ext_type")
	}
	switch a.get("tag") {
	case "":
	case "time_card", "fee_card":
		q.nothing = true // nor top-up trades
	default:
		return invalidArg("tag")
	}
	return nil
}

// page selects a page of the seller's trades. Call with the read lock held.
func (st *store) page(nick string, q *tradeQuery, p paging) (recs []*record, total int, hasNext bool) {
	sl := st.sellers[nick]
	if sl == nil || q.nothing || q.from > q.to {
		return nil, 0, false
	}
	idx := sl.byCreated
	switch {
	case q.byModified:
		idx = sl.byModified
	case q.byStored:
		idx = sl.byStored
	}
	// The index is newest first: the range is [i0, i1).
	i0 := sort.Search(len(idx), func(i int) bool { return idx[i].key <= q.to })
	i1 := sort.Search(len(idx), func(i int) bool { return idx[i].key < q.from })
	off := p.offset()
	for i := i0; i < i1; i++ {
		e := &idx[i]
		if e.r.stored > q.visibleAt || !q.match(e) {
			continue // not indexed yet, or filtered out
		}
		if total >= off && total < off+p.size {
			recs = append(recs, e.r)
		}
		total++
		if p.useHasNext && total > off+p.size {
			return recs, total, true
		}
	}
	return recs, total, false
}

// listTrades answers a trade list call: the page, encoded with the plan.
func (s *Server) listTrades(r *Request, q *tradeQuery, p paging, plan *structPlan) (any, error) {
	st := s.data()
	buf := make([]byte, 0, 4096)
	st.mu.RLock()
	recs, total, hasNext := st.page(r.Seller, q, p)
	buf = append(buf, '{')
	if !p.useHasNext {
		buf = append(buf, `"total_results":`...)
		buf = strconv.AppendInt(buf, int64(total), 10)
	}
	if len(recs) > 0 {
		if !p.useHasNext {
			buf = append(buf, ',')
		}
		buf = append(buf, `"trades":`...)
		buf = listOpen(buf, "trade", r.simplify())
		var scratch, stamped taobao.Trade
		for i, rec := range recs {
			if i > 0 {
				buf = append(buf, ',')
			}
			tr := rec.trade(&scratch)
			if q.byStored {
				// The store time is the record's, whatever the trade says.
				stamped = *tr
				stamped.AsyncModified = taobao.NewTime(time.Unix(rec.stored, 0).In(taobao.GMT8()))
				tr = &stamped
			}
			buf = plan.encode(buf, reflect.ValueOf(tr).Elem(), r.simplify())
		}
		buf = listClose(buf, r.simplify())
	}
	if p.useHasNext {
		if len(recs) > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, `"has_next":`...)
		buf = strconv.AppendBool(buf, hasNext)
	}
	buf = append(buf, '}')
	st.mu.RUnlock()
	if s.realShapes {
		buf = realShapes(buf)
	}
	s.betweenPages(r.Method, p.no)
	return rawObject(buf), nil
}

// sidMember finds a sid sent as a string of digits.
var sidMember = regexp.MustCompile(`"sid":"([0-9]+)"`)

// realShapes rewrites an answer into the shapes real answers have: the
// escapes \n and \t inside strings become raw characters, and a numeric
// sid a bare number.
func realShapes(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			switch b[i+1] {
			case 'n':
				out = append(out, '\n')
			case 't':
				out = append(out, '\t')
			default:
				out = append(out, b[i], b[i+1]) // another escape, kept whole
			}
			i++
			continue
		}
		out = append(out, b[i])
	}
	return sidMember.ReplaceAll(out, []byte(`"sid":$1`))
}

// soldGet serves taobao.trades.sold.get.
func (s *Server) soldGet(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	now := s.Now()
	q := &tradeQuery{from: now.Add(-SearchWindow).Unix(), to: math.MaxInt64, visibleAt: now.Unix()}
	if t, ok, e := a.timeArg("start_created"); e != nil {
		return nil, e
	} else if ok {
		q.from = max(q.from, t.Unix())
	}
	if t, ok, e := a.timeArg("end_created"); e != nil {
		return nil, e
	} else if ok {
		q.to = t.Unix()
	}
	if e := commonFilters(a, q, "buyer_open_id"); e != nil {
		return nil, e
	}
	if v := a.get("rate_status"); v != "" {
		f, ok := rateFilters[v]
		if !ok {
			return nil, invalidArg("rate_status")
		}
		q.rated, q.rateMask = f[0], f[1]
	}
	p, e := tradePaging(a)
	if e != nil {
		return nil, e
	}
	return s.listTrades(r, q, p, s.types.planFor(r.Method, tradeType, soldFields, fields))
}

// incrementGet serves taobao.trades.sold.increment.get.
func (s *Server) incrementGet(r *Request) (any, error) {
	return s.incrementList(r, false, "start_modified", "end_modified", "修改时间跨度不能大于一天")
}

// incrementList answers an increment API: the trades whose modified time
// (or, byStored, store time) lies in the window named by startName and
// endName, which must be at most a day wide.
func (s *Server) incrementList(r *Request, byStored bool, startName, endName, spanMsg string) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	for _, name := range []string{startName, endName} {
		if _, e := a.required(name); e != nil {
			return nil, e
		}
	}
	start, _, e := a.timeArg(startName)
	if e != nil {
		return nil, e
	}
	end, _, e := a.timeArg(endName)
	if e != nil {
		return nil, e
	}
	switch {
	case !end.After(start):
		return nil, serviceErr("isv.invalid-parameter:"+endName, endName+"必须大于"+startName)
	case end.Sub(start) > taobao.MaxIncrementWindow:
		return nil, serviceErr("isv.invalid-parameter:"+endName, spanMsg)
	}
	now := s.Now()
	q := &tradeQuery{byModified: !byStored, byStored: byStored, from: max(start.Unix(), now.Add(-SearchWindow).Unix()), to: end.Unix(), visibleAt: now.Unix()}
	if e := commonFilters(a, q, "buyer_open_uid"); e != nil {
		return nil, e
	}
	p, e := tradePaging(a)
	if e != nil {
		return nil, e
	}
	return s.listTrades(r, q, p, s.types.planFor(r.Method, tradeType, incrementFields, fields))
}

// incrementVGet serves taobao.trades.sold.incrementv.get: the trades whose
// last change reached the seller's store (async_modified) in the window.
func (s *Server) incrementVGet(r *Request) (any, error) {
	return s.incrementList(r, true, "start_create", "end_create", "入库时间跨度不能大于一天")
}

// tradeGet serves taobao.trade.fullinfo.get and taobao.trade.get.
func (s *Server) tradeGet(r *Request) (any, error) {
	a := args(r.Params)
	fields, e := a.required("fields")
	if e != nil {
		return nil, e
	}
	tid, e := a.tidArg("tid")
	if e != nil {
		return nil, e
	}
	set := tradeGetFields
	var includeOaid bool
	if r.Method == taobao.MethodTradeFullInfo {
		set = fullInfoFields
		// include_oaid is documented as a String; "true" asks for the oaid.
		includeOaid = a.get("include_oaid") == "true"
	}
	plan := s.types.planFor(r.Method, tradeType, set, fields)
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	rec := st.byTid[tid]
	if rec == nil || rec.seller.nick != r.Seller {
		return nil, errTradeNotExist()
	}
	var scratch taobao.Trade
	t := rec.trade(&scratch)
	if includeOaid && t.Oaid == "" {
		return nil, serviceErr("isv.oaid-field-miss", "该订单没有oaid")
	}
	buf := make([]byte, 0, 2048)
	buf = append(buf, `{"trade":`...)
	buf = plan.encode(buf, reflect.ValueOf(t).Elem(), r.simplify())
	return rawObject(append(buf, '}')), nil
}
