package taobaotest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"time"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

// store holds the trades and shipments of every seller. Generated trades
// stay in fakedata's compact form until something changes them; then the
// record holds a full taobao.Trade. Each seller keeps two indexes, by
// creation and by modification time, newest first (ties: larger tid
// first), which the list APIs page through. An index entry copies the
// keys the lists filter on, so that counting the matches of a query over
// a hundred thousand trades reads one array in order.
type store struct {
	mu       sync.RWMutex
	sellers  map[string]*sellerTrades
	nicks    []string // sellers in order: configured, then added
	byTid    map[int64]*record
	waybills map[string]int64 // company code + " " + out_sid -> tid
	rng      *rand.Rand       // ids of added trades, shipments, refunds
	refunds  *refundStore     // the refund records (refunds.go)

	// Late indexing: a change written through the server becomes visible
	// to the list APIs indexDelay (at most, drawn per change) after it was
	// written; now is the server's clock.
	indexDelay time.Duration
	delays     *rand.Rand
	now        func() time.Time

	// onChange, if set, is told of every change of a trade, whatever made
	// it (old is nil for a new trade), under the write lock: the one path
	// every write takes, so that writes added later are announced too.
	onChange func(old, cur *taobao.Trade)
	priv     privacyData // plaintext receivers, virtual numbers, decrypt quota (privacy.go)
}

type sellerTrades struct {
	nick       string
	byCreated  []entry
	byModified []entry
	byStored   []entry // by the time a change reached the store (async_modified)
}

// entry is a trade in one of a seller's indexes.
type entry struct {
	key    int64 // created or modified, unix seconds
	tid    int64
	typ    uint8 // typeCode
	status uint8 // statusCode
	rated  uint8 // 1: the buyer rated, 2: the seller rated
	r      *record
}

// entryCmp orders an index: newest first, then the larger tid.
func entryCmp(a, b entry) int {
	if c := cmp.Compare(b.key, a.key); c != 0 {
		return c
	}
	return cmp.Compare(b.tid, a.tid)
}

func (r *record) entry(key int64) entry {
	e := entry{key: key, tid: r.tid, typ: typeCode(r.typ), status: statusCode(r.status), r: r}
	if r.buyerRate {
		e.rated |= 1
	}
	if r.sellerRate {
		e.rated |= 2
	}
	return e
}

// record is one trade. Exactly one of gen and full is set.
type record struct {
	tid    int64
	seller *sellerTrades
	gen    *fakedata.Trade
	full   *taobao.Trade
	ships  []*shipment // the logistics orders, once the record is full

	// Index and filter keys, kept in step with the trade.
	created, modified       int64 // unix seconds
	stored                  int64 // when the last change reached the store and the lists, unix seconds
	status                  taobao.TradeStatus
	typ                     taobao.TradeType
	buyerNick, buyerOpenUID string
	buyerRate, sellerRate   bool
}

// shipment is a logistics order of a full record.
type shipment struct {
	shipping taobao.Shipping
	trace    *taobao.Trace // nil until shipped
	code     string        // the carrier's code
	kind     shipKind      // how it was shipped (writes.go); zero: by the seller's own carrier
}

func newStore(seed int64, nicks []string, perSeller int, now time.Time) *store {
	st := &store{
		sellers:  make(map[string]*sellerTrades),
		byTid:    make(map[int64]*record),
		waybills: make(map[string]int64),
		rng:      rand.New(rand.NewPCG(uint64(seed), 0x7461626f)),
	}
	data := fakedata.Generate(fakedata.Config{Seed: seed, Sellers: nicks, TradesPerSeller: perSeller, Now: now})
	st.refunds = newRefundStore(seed)
	for _, nick := range nicks {
		st.seller(nick)
	}
	for i := range data.Sellers {
		ds := &data.Sellers[i]
		fakedata.EnsureRefundStates(ds.Trades, seed)
		sl := st.seller(ds.Nick)
		sl.byCreated = make([]entry, 0, len(ds.Trades))
		sl.byModified = make([]entry, 0, len(ds.Trades))
		sl.byStored = make([]entry, 0, len(ds.Trades))
		for j := range ds.Trades {
			t := &ds.Trades[j]
			r := &record{tid: t.Tid, seller: sl, gen: t}
			r.keysFromGen()
			r.stored = r.modified // the seeded data was indexed long ago
			sl.byCreated = append(sl.byCreated, r.entry(r.created))
			sl.byModified = append(sl.byModified, r.entry(r.modified))
			sl.byStored = append(sl.byStored, r.entry(r.stored))
			st.byTid[t.Tid] = r
			st.refunds.seed(ds.Nick, t)
			if t.Ship != nil && t.Ship.OutSid != "" {
				st.waybills[t.Ship.CompanyCode+" "+t.Ship.OutSid] = t.Tid
			}
		}
		slices.SortFunc(sl.byCreated, entryCmp)
		slices.SortFunc(sl.byModified, entryCmp)
		slices.SortFunc(sl.byStored, entryCmp)
	}
	st.refunds.sortSeeded()
	st.delays = rand.New(rand.NewPCG(uint64(seed), 0x64656c61))
	return st
}

// storeTime returns when a change written now reaches the store and the
// list APIs: now, or up to indexDelay later. Call with the write lock held.
func (st *store) storeTime() int64 {
	now := time.Now()
	if st.now != nil {
		now = st.now()
	}
	if st.indexDelay > 0 {
		now = now.Add(time.Duration(st.delays.Int64N(int64(st.indexDelay) + 1)))
	}
	return now.Unix()
}

// seller returns the seller's trades, adding the seller if new. Call with
// the write lock held (or before the store is shared).
func (st *store) seller(nick string) *sellerTrades {
	sl, ok := st.sellers[nick]
	if !ok {
		sl = &sellerTrades{nick: nick}
		st.sellers[nick] = sl
		st.nicks = append(st.nicks, nick)
	}
	return sl
}

func (r *record) keysFromGen() {
	t := r.gen
	r.created, r.modified = t.Created, t.Modified
	r.status, r.typ = t.Status, t.Type
	r.buyerNick, r.buyerOpenUID = t.Buyer.Nick, t.Buyer.OpenUID
	r.buyerRate, r.sellerRate = t.BuyerRate, t.SellerRate
}

func (r *record) keysFromFull() {
	t := r.full
	r.created, r.modified = unix(t.Created), unix(t.Modified)
	r.status, r.typ = t.Status, t.Type
	r.buyerNick, r.buyerOpenUID = t.BuyerNick, t.BuyerOpenUID
	r.buyerRate, r.sellerRate = bool(t.BuyerRate), bool(t.SellerRate)
}

func unix(t taobao.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

// trade returns the full trade; for a generated record it is expanded
// into *scratch. The result must not be changed.
func (r *record) trade(scratch *taobao.Trade) *taobao.Trade {
	if r.full != nil {
		return r.full
	}
	r.gen.Fill(scratch)
	return scratch
}

// materialize turns a generated record into a full one, with its
// logistics order, so that it can change. Call with the write lock held.
func (r *record) materialize() {
	if r.full != nil {
		return
	}
	t := r.gen.Full()
	r.full = &t
	if sh, ok := r.gen.Shipping(); ok {
		s := &shipment{shipping: sh, code: r.gen.Ship.CompanyCode}
		if tr, ok := r.gen.Trace(); ok {
			s.trace = &tr
		}
		r.ships = []*shipment{s}
	}
	r.gen = nil
}

// shippings returns the record's logistics orders.
func (r *record) shippings() []taobao.Shipping {
	if r.gen != nil {
		if sh, ok := r.gen.Shipping(); ok {
			return []taobao.Shipping{sh}
		}
		return nil
	}
	out := make([]taobao.Shipping, len(r.ships))
	for i, s := range r.ships {
		out[i] = s.shipping
	}
	return out
}

// traces returns the tracking of each shipped logistics order, and the
// trace's sub tids.
func (r *record) traces() []traceOf {
	if r.gen != nil {
		if tr, ok := r.gen.Trace(); ok {
			sh, _ := r.gen.Shipping()
			return []traceOf{{trace: tr, subTids: sh.SubTids}}
		}
		return nil
	}
	var out []traceOf
	for _, s := range r.ships {
		if s.trace != nil {
			out = append(out, traceOf{trace: *s.trace, subTids: s.shipping.SubTids})
		}
	}
	return out
}

type traceOf struct {
	trace   taobao.Trace
	subTids []int64
}

// reindex puts r's entries in both indexes back in place after its keys
// changed from (oldCreated, oldModified). Call with the write lock held.
func (st *store) reindex(r *record, oldCreated, oldModified, oldStored int64) {
	sl := r.seller
	sl.byCreated = remove(sl.byCreated, oldCreated, r.tid)
	sl.byCreated = insert(sl.byCreated, r.entry(r.created))
	sl.byModified = remove(sl.byModified, oldModified, r.tid)
	sl.byModified = insert(sl.byModified, r.entry(r.modified))
	sl.byStored = remove(sl.byStored, oldStored, r.tid)
	sl.byStored = insert(sl.byStored, r.entry(r.stored))
}

// remove takes the entry (key, tid) out of idx.
func remove(idx []entry, key, tid int64) []entry {
	if i, ok := slices.BinarySearchFunc(idx, entry{key: key, tid: tid}, entryCmp); ok {
		return slices.Delete(idx, i, i+1)
	}
	return idx
}

func insert(idx []entry, e entry) []entry {
	i, _ := slices.BinarySearchFunc(idx, e, entryCmp)
	return slices.Insert(idx, i, e)
}

// newTid draws an unused 19-digit trade id. Call with the write lock held.
func (st *store) newTid() int64 {
	for {
		tid := 4_000_000_000_000_000_000 + st.rng.Int64N(1_000_000_000_000_000_000)
		if _, used := st.byTid[tid]; !used {
			return tid
		}
	}
}

// add stores a full trade for the seller, replacing any trade with its
// tid. Call with the write lock held.
func (st *store) add(nick string, t *taobao.Trade) {
	var prev *taobao.Trade
	if old, ok := st.byTid[int64(t.Tid)]; ok {
		if st.onChange != nil {
			prev = old.trade(new(taobao.Trade))
		}
		st.drop(old)
	}
	st.keepReceiver(t, nil)
	sl := st.seller(nick)
	r := &record{tid: int64(t.Tid), seller: sl, full: t}
	r.keysFromFull()
	r.stored = st.storeTime()
	st.byTid[r.tid] = r
	sl.byCreated = insert(sl.byCreated, r.entry(r.created))
	sl.byModified = insert(sl.byModified, r.entry(r.modified))
	sl.byStored = insert(sl.byStored, r.entry(r.stored))
	if st.onChange != nil {
		st.onChange(prev, t)
	}
	st.refunds.syncOrders(r, t)
}

func (st *store) drop(r *record) {
	sl := r.seller
	sl.byCreated = remove(sl.byCreated, r.created, r.tid)
	sl.byModified = remove(sl.byModified, r.modified, r.tid)
	sl.byStored = remove(sl.byStored, r.stored, r.tid)
	delete(st.byTid, r.tid)
	for _, sh := range r.ships {
		if sh.shipping.OutSid != "" {
			delete(st.waybills, sh.code+" "+sh.shipping.OutSid)
		}
	}
	if r.gen != nil && r.gen.Ship != nil && r.gen.Ship.OutSid != "" {
		delete(st.waybills, r.gen.Ship.CompanyCode+" "+r.gen.Ship.OutSid)
	}
}

// update replaces a record's trade with t (already normalised) and fixes
// the indexes. Call with the write lock held.
func (st *store) update(r *record, t *taobao.Trade) {
	oc, om, os := r.created, r.modified, r.stored
	r.materialize()
	prev := r.full
	st.keepReceiver(t, r)
	r.full = t
	r.keysFromFull()
	r.stored = st.storeTime()
	st.reindex(r, oc, om, os)
	if st.onChange != nil {
		st.onChange(prev, t)
	}
	st.refunds.syncOrders(r, t)
}

// normalize keeps every time of t to the second in GMT+8, as the gateway
// shows times, so that the ground truth equals what a client reads back.
func (c *typeCache) normalize(t *taobao.Trade) {
	c.normalizeTimes(reflect.ValueOf(t).Elem())
}

func (c *typeCache) normalizeTimes(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == timeType {
			tt := v.Interface().(taobao.Time)
			if !tt.IsZero() {
				v.Set(reflect.ValueOf(taobao.NewTime(tt.Truncate(time.Second).In(taobao.GMT8()))))
			}
			return
		}
		for _, i := range c.timeFieldsOf(v.Type()) {
			c.normalizeTimes(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			c.normalizeTimes(v.Index(i))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			c.normalizeTimes(v.Elem())
		}
	}
}

// timeFieldsOf lists the fields of a struct type that are, or hold,
// taobao.Time values.
func (c *typeCache) timeFieldsOf(t reflect.Type) []int {
	if f, ok := c.times.Load(t); ok {
		return f.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if holdsTime(t.Field(i).Type, 0) {
			idx = append(idx, i)
		}
	}
	f, _ := c.times.LoadOrStore(t, idx)
	return f.([]int)
}

func holdsTime(t reflect.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == timeType {
			return true
		}
		for i := range t.NumField() {
			if t.Field(i).IsExported() && holdsTime(t.Field(i).Type, depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Pointer:
		return holdsTime(t.Elem(), depth+1)
	}
	return false
}

// newID draws an id of n decimal digits (n <= 18). Call with the write
// lock held.
func (st *store) newID(n int) int64 {
	lo := int64(1)
	for range n - 1 {
		lo *= 10
	}
	return lo + st.rng.Int64N(9*lo)
}

// errNoTrade is what the control methods answer for an unknown tid.
func errNoTrade(tid int64) error { return fmt.Errorf("taobaotest: no trade %d", tid) }
