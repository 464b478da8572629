package taobao

import (
	"context"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao/internal/jsonscan"
)

// TradeGetOptions are the optional parameters of taobao.trade.fullinfo.get
// and taobao.trade.get. Nil options, or empty Fields, ask for every field
// the method documents (TradeFullFields, TradeGetFields).
type TradeGetOptions struct {
	// Fields are the fields to return; nested order fields may be named as
	// "orders.title" or all at once as "orders".
	Fields []string `url:"fields,comma"`
	// IncludeOaid makes the gateway fail with isv.oaid-field-miss rather
	// than answer without an oaid (fullinfo only).
	IncludeOaid bool `url:"include_oaid,omitempty"`
}

func (o *TradeGetOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	if err := validateFields(method, o.Fields, 0); err != nil {
		return err
	}
	if o.IncludeOaid && method != "" && method != "taobao.trade.fullinfo.get" {
		return invalidArg(method, "include_oaid", "only taobao.trade.fullinfo.get takes it")
	}
	return nil
}

// withFields returns a copy of o (nil o: zero options) whose Fields are def
// when o names none.
func (o *TradeGetOptions) withFields(def []string) TradeGetOptions {
	return withDefaultFields(o, func(c *TradeGetOptions) *[]string { return &c.Fields }, def)
}

// SoldListOptions are the parameters of taobao.trades.sold.get. Nil
// options, or empty Fields, ask for TradeSoldFields.
type SoldListOptions struct {
	// Fields are the trade fields to return.
	Fields []string `url:"fields,comma"`
	// StartCreated is the earliest creation time; the gateway searches
	// the last three months only.
	StartCreated Time `url:"start_created,omitempty"`
	// EndCreated is the latest creation time.
	EndCreated Time `url:"end_created,omitempty"`
	// Status filters by one state, or by ALL_WAIT_PAY or ALL_CLOSED.
	Status TradeStatus `url:"status,omitempty"`
	// Type filters by trade types. Empty means the gateway's default set
	// (guarantee_trade, auto_delivery, ec, cod, step): other types, such as
	// tmall_i18n or o2o_offlinetrade, are returned only when listed here.
	Type []string `url:"type,comma,omitempty"`
	// BuyerNick filters by the buyer's nick.
	BuyerNick string `url:"buyer_nick,omitempty"`
	// BuyerOpenUID filters by the buyer's open id (sent as buyer_open_id,
	// the name this method documents).
	BuyerOpenUID string `url:"buyer_open_id,omitempty"`
	// ExtType filters by one extended type: ershou, service or mark.
	ExtType string `url:"ext_type,omitempty"`
	// RateStatus filters by one rating state, such as RATE_UNBUYER.
	RateStatus string `url:"rate_status,omitempty"`
	// Tag filters by the seller's tag: time_card or fee_card.
	Tag string `url:"tag,omitempty"`
	ListOptions
}

func (o *SoldListOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	if err := validateFields(method, o.Fields, 0); err != nil {
		return err
	}
	if !o.StartCreated.IsZero() && !o.EndCreated.IsZero() && o.EndCreated.Before(o.StartCreated.Time) {
		return invalidArg(method, "end_created", "%s is before start_created %s", o.EndCreated, o.StartCreated)
	}
	if err := validateList(method, "type", o.Type); err != nil {
		return err
	}
	return o.ListOptions.validate(method)
}

func (o *SoldListOptions) withFields(def []string) SoldListOptions {
	return withDefaultFields(o, func(c *SoldListOptions) *[]string { return &c.Fields }, def)
}

// MaxIncrementWindow is the longest modification window
// taobao.trades.sold.increment.get accepts.
const MaxIncrementWindow = 24 * time.Hour

// IncrementListOptions are the parameters of
// taobao.trades.sold.increment.get. StartModified and EndModified are
// required; EndModified must be after StartModified and at most a day
// later. Empty Fields ask for TradeIncrementFields.
type IncrementListOptions struct {
	// Fields are the trade fields to return.
	Fields []string `url:"fields,comma"`
	// StartModified is the start of the modification window (required).
	StartModified Time `url:"start_modified"`
	// EndModified is the end of the window (required): after
	// StartModified and at most MaxIncrementWindow later.
	EndModified Time `url:"end_modified"`
	// Status filters by one state, or by ALL_WAIT_PAY or ALL_CLOSED.
	Status TradeStatus `url:"status,omitempty"`
	// Type filters by trade types; empty means the gateway's default set
	// (see SoldListOptions.Type).
	Type []string `url:"type,comma,omitempty"`
	// BuyerNick filters by the buyer's nick.
	BuyerNick string `url:"buyer_nick,omitempty"`
	// BuyerOpenUID filters by the buyer's open id.
	BuyerOpenUID string `url:"buyer_open_uid,omitempty"`
	// ExtType filters by one extended type: ershou, service or mark.
	ExtType string `url:"ext_type,omitempty"`
	// Tag filters by the seller's tag: time_card or fee_card.
	Tag string `url:"tag,omitempty"`
	ListOptions
}

func (o *IncrementListOptions) validate(method string) error {
	if o == nil {
		return invalidArg(method, "start_modified", "required")
	}
	return validateIncrement(method, o.Fields, o.Type, "start_modified", "end_modified", o.StartModified, o.EndModified, &o.ListOptions)
}

func (o *IncrementListOptions) withFields(def []string) IncrementListOptions {
	return withDefaultFields(o, func(c *IncrementListOptions) *[]string { return &c.Fields }, def)
}

// validateIncrement checks the parameters the increment APIs share: the
// fields, a window [start, end] of at most a day, the types and paging.
func validateIncrement(method string, fields, types []string, startName, endName string, start, end Time, list *ListOptions) error {
	if err := validateFields(method, fields, 0); err != nil {
		return err
	}
	switch {
	case start.IsZero():
		return invalidArg(method, startName, "required")
	case end.IsZero():
		return invalidArg(method, endName, "required")
	case !end.After(start.Time):
		return invalidArg(method, endName, "%s is not after %s %s", end, startName, start)
	case end.Sub(start.Time) > MaxIncrementWindow:
		return invalidArg(method, endName, "window %s-%s is longer than a day", start, end)
	}
	if err := validateList(method, "type", types); err != nil {
		return err
	}
	return list.validate(method)
}

// TradePage is one page of a trade list.
type TradePage struct {
	// Trades holds the page's trades, with the fields asked for.
	Trades []Trade
	// TotalResults counts the trades of every page; the gateway leaves it
	// out (zero) when UseHasNext was set.
	TotalResults int64
	// HasNext reports whether another page follows (with UseHasNext).
	HasNext bool
	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string
	// Dropped lists the values of the answer that could not be decoded as
	// they were (at most 32): each was dropped, leaving its field at the
	// zero value, or converted. The client also logs them at warn level.
	Dropped []DroppedValue
}

// tradePageWire is the payload of trades_sold_get_response and
// trades_sold_increment_get_response.
type tradePageWire struct {
	TotalResults Int64       `json:"total_results"`
	Trades       List[Trade] `json:"trades"`
	HasNext      Bool        `json:"has_next"`
	RequestID    string      `json:"request_id"`
	dropped      []DroppedValue
	size, pageNo int // the page asked for, to size the list at once
}

// expected is how many trades the page should hold, judged from the page
// size asked for and the count when it came first, or 0 when unknown.
func (w *tradePageWire) expected() int {
	if w.size <= 0 {
		return 0
	}
	if w.TotalResults > 0 {
		left := int64(w.TotalResults) - int64(w.pageNo-1)*int64(w.size)
		if left <= 0 {
			return 0
		}
		return int(min(left, int64(w.size)))
	}
	return w.size
}

func (w *tradePageWire) setDropped(d []DroppedValue) { w.dropped = d }

func (w *tradePageWire) page() *TradePage {
	return &TradePage{
		Trades:       []Trade(w.Trades),
		TotalResults: int64(w.TotalResults),
		HasNext:      bool(w.HasNext),
		RequestID:    w.RequestID,
		Dropped:      w.dropped,
	}
}

func (w *tradePageWire) decodeFast(s *jsonscan.Scanner) {
	if !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
	member:
		switch string(key) {
		case "total_results":
			fastInt64(s, (*int64)(&w.TotalResults))
		case "trades":
			fastListSized(s, (*[]Trade)(&w.Trades), (*Trade).decodeFast, w.expected())
		case "has_next":
			fastBool(s, (*bool)(&w.HasNext))
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			if k := jsonscan.Fold(key); k != nil {
				key = k
				goto member
			}
			s.Skip()
		}
	}
}

// tradeWire is the payload of trade_fullinfo_get_response and
// trade_get_response.
type tradeWire struct {
	Trade     *Trade `json:"trade"`
	RequestID string `json:"request_id"`
}

func (w *tradeWire) trade(method string, body []byte) (*Trade, error) {
	if w.Trade == nil {
		return nil, missingMember(method, "trade", w.RequestID, body)
	}
	return w.Trade, nil
}

func (w *tradeWire) decodeFast(s *jsonscan.Scanner) {
	if !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
	member:
		switch string(key) {
		case "trade":
			if s.Null() {
				w.Trade = nil
				continue
			}
			if w.Trade == nil {
				w.Trade = new(Trade)
			}
			w.Trade.decodeFast(s)
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			if k := jsonscan.Fold(key); k != nil {
				key = k
				goto member
			}
			s.Skip()
		}
	}
}

// TradeService calls the trade APIs; use Client.Trades.
type TradeService struct{ client *Client }

// Trade API method names.
const (
	MethodTradeFullInfo       = "taobao.trade.fullinfo.get"
	MethodTradeGet            = "taobao.trade.get"
	MethodTradesSold          = "taobao.trades.sold.get"
	MethodTradesSoldIncrement = "taobao.trades.sold.increment.get"
)

// FullInfo returns one trade with every field asked for (by default
// TradeFullFields), its orders and promotions included.
//
// TOP API: taobao.trade.fullinfo.get
func (s *TradeService) FullInfo(ctx context.Context, tid int64, opts *TradeGetOptions) (*Trade, error) {
	return s.getTrade(ctx, MethodTradeFullInfo, tid, opts, tradeFullFields())
}

// Get returns part of one trade (by default TradeGetFields); the gateway
// answers it faster than FullInfo.
//
// TOP API: taobao.trade.get
func (s *TradeService) Get(ctx context.Context, tid int64, opts *TradeGetOptions) (*Trade, error) {
	return s.getTrade(ctx, MethodTradeGet, tid, opts, tradeGetFields())
}

func (s *TradeService) getTrade(ctx context.Context, method string, tid int64, opts *TradeGetOptions, def []string) (*Trade, error) {
	if tid <= 0 {
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	o := opts.withFields(def)
	params := url.Values{
		"tid":    {strconv.FormatInt(tid, 10)},
		"fields": {strings.Join(o.Fields, ",")},
	}
	if o.IncludeOaid {
		params.Set("include_oaid", "true")
	}
	var w tradeWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		return nil, err
	}
	return w.trade(method, nil)
}

// ListSold returns one page of the seller's trades, newest created first.
// Nil options list the first page of the last three months with
// TradeSoldFields.
//
// TOP API: taobao.trades.sold.get
func (s *TradeService) ListSold(ctx context.Context, opts *SoldListOptions) (*TradePage, error) {
	if err := opts.validate(MethodTradesSold); err != nil {
		return nil, err
	}
	o := opts.withFields(tradeSoldFields())
	return s.listPage(ctx, MethodTradesSold, o)
}

// ListSoldIncrement returns one page of the trades modified in a window of
// at most a day, most recently modified first. To follow changes without
// losing any, use a TradeSyncer.
//
// TOP API: taobao.trades.sold.increment.get
func (s *TradeService) ListSoldIncrement(ctx context.Context, opts *IncrementListOptions) (*TradePage, error) {
	if err := opts.validate(MethodTradesSoldIncrement); err != nil {
		return nil, err
	}
	o := opts.withFields(tradeIncrementFields())
	return s.listPage(ctx, MethodTradesSoldIncrement, o)
}

func (s *TradeService) listPage(ctx context.Context, method string, opts any) (*TradePage, error) {
	params, err := encodeOptions(method, opts)
	if err != nil {
		return nil, err
	}
	var w tradePageWire
	w.size, w.pageNo = 40, 1 // the gateway's defaults
	if n, err := strconv.Atoi(params.Get("page_size")); err == nil && n > 0 && n <= MaxPageSize {
		w.size = n
	}
	if n, err := strconv.Atoi(params.Get("page_no")); err == nil && n > 0 {
		w.pageNo = n
	}
	if err := s.client.call(ctx, method, params, &w); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// ListSoldIter yields the seller's trades page after page, newest created
// first, asking the gateway for has_next rather than a count. It stops
// calling as soon as the loop breaks; an error is yielded once and ends the
// iteration. The caller's options are copied, never changed.
//
// TOP API: taobao.trades.sold.get
func (s *TradeService) ListSoldIter(ctx context.Context, opts *SoldListOptions) iter.Seq2[*Trade, error] {
	var o SoldListOptions
	if opts != nil {
		o = *opts
		o.Fields, o.Type = slices.Clone(opts.Fields), slices.Clone(opts.Type)
	}
	o.UseHasNext = true
	return pages(o.PageNo, func(n int) ([]Trade, bool, error) {
		o := o
		o.PageNo = n
		return tradeItems(s.ListSold(ctx, &o))
	})
}

// ListSoldIncrementIter yields the trades modified in the window page after
// page. Pages are read first to last, so a trade modified while the pages
// are read may shift past the reader: for a complete copy, use a
// TradeSyncer, which reads the pages the other way round.
//
// TOP API: taobao.trades.sold.increment.get
func (s *TradeService) ListSoldIncrementIter(ctx context.Context, opts *IncrementListOptions) iter.Seq2[*Trade, error] {
	var o IncrementListOptions
	if opts != nil {
		o = *opts
		o.Fields, o.Type = slices.Clone(opts.Fields), slices.Clone(opts.Type)
	}
	o.UseHasNext = true
	return pages(o.PageNo, func(n int) ([]Trade, bool, error) {
		o := o
		o.PageNo = n
		return tradeItems(s.ListSoldIncrement(ctx, &o))
	})
}

// tradeItems turns a trade page into the pager's items.
func tradeItems(p *TradePage, err error) ([]Trade, bool, error) {
	if err != nil {
		return nil, false, err
	}
	return p.Trades, p.HasNext, nil
}

// MethodTradesSoldIncrementV lists trades by the time they were written to
// the seller's store.
const MethodTradesSoldIncrementV = "taobao.trades.sold.incrementv.get"

// IncrementVListOptions are the parameters of
// taobao.trades.sold.incrementv.get: a window of store time (the time a
// change was written to the seller's store, Trade.AsyncModified), not of
// modification time. StartCreate and EndCreate are required; EndCreate must
// be after StartCreate and at most a day later. Empty Fields ask for
// TradeIncrementFields.
type IncrementVListOptions struct {
	// Fields are the trade fields to return.
	Fields []string `url:"fields,comma"`
	// StartCreate is the start of the store-time window (required).
	StartCreate Time `url:"start_create"`
	// EndCreate is the end of the window (required): after StartCreate and
	// at most MaxIncrementWindow later.
	EndCreate Time `url:"end_create"`
	// Status filters by one state, or by ALL_WAIT_PAY or ALL_CLOSED.
	Status TradeStatus `url:"status,omitempty"`
	// Type filters by trade types; empty means the gateway's default set
	// (see SoldListOptions.Type).
	Type []string `url:"type,comma,omitempty"`
	// ExtType filters by one extended type: ershou, service or mark.
	ExtType string `url:"ext_type,omitempty"`
	// Tag filters by the seller's tag: time_card or fee_card.
	Tag string `url:"tag,omitempty"`
	ListOptions
}

func (o *IncrementVListOptions) validate(method string) error {
	if o == nil {
		return invalidArg(method, "start_create", "required")
	}
	return validateIncrement(method, o.Fields, o.Type, "start_create", "end_create", o.StartCreate, o.EndCreate, &o.ListOptions)
}

func (o *IncrementVListOptions) withFields(def []string) IncrementVListOptions {
	return withDefaultFields(o, func(c *IncrementVListOptions) *[]string { return &c.Fields }, def)
}

// ListSoldIncrementV returns one page of the trades written to the seller's
// store in a window of at most a day, most recently written first. Unlike
// ListSoldIncrement's modification time, the store time of a change that
// was indexed late is late too, so windows of store time never miss it. As
// with the other list APIs, a request without Type lists the gateway's
// default types only. To follow changes without losing any, use a
// TradeSyncer with SyncByStoreTime.
//
// TOP API: taobao.trades.sold.incrementv.get
func (s *TradeService) ListSoldIncrementV(ctx context.Context, opts *IncrementVListOptions) (*TradePage, error) {
	if err := opts.validate(MethodTradesSoldIncrementV); err != nil {
		return nil, err
	}
	o := opts.withFields(tradeIncrementFields())
	return s.listPage(ctx, MethodTradesSoldIncrementV, o)
}

// ListSoldIncrementVIter yields the trades written to the store in the
// window page after page, first to last: for a complete copy, use a
// TradeSyncer, which reads the pages the other way round.
//
// TOP API: taobao.trades.sold.incrementv.get
func (s *TradeService) ListSoldIncrementVIter(ctx context.Context, opts *IncrementVListOptions) iter.Seq2[*Trade, error] {
	var o IncrementVListOptions
	if opts != nil {
		o = *opts
		o.Fields, o.Type = slices.Clone(opts.Fields), slices.Clone(opts.Type)
	}
	o.UseHasNext = true
	return pages(o.PageNo, func(n int) ([]Trade, bool, error) {
		o := o
		o.PageNo = n
		return tradeItems(s.ListSoldIncrementV(ctx, &o))
	})
}
