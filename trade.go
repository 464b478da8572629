package taobao

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	Type []TradeType `url:"type,comma,omitempty"`
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
	Type []TradeType `url:"type,comma,omitempty"`
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
func validateIncrement(method string, fields []string, types []TradeType, startName, endName string, start, end Time, list *ListOptions) error {
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

// DefaultTradeTypes returns the types the list APIs return when asked for
// none: guarantee_trade (fixed and auction), auto_delivery, ec, cod and
// step. Other types, such as tmall_i18n, must be listed to be returned.
func DefaultTradeTypes() []TradeType {
	return []TradeType{TradeTypeGuaranteeTrade, TradeTypeAutoDelivery, TradeTypeEc, TradeTypeCod, TradeTypeStep}
}

// AllTradeTypes returns every documented trade type, as the list APIs'
// type filter takes them (guarantee_trade standing for fixed and auction):
// what a TradeSyncer follows when SyncOptions.Type is empty.
func AllTradeTypes() []TradeType { return syncTypes() }

// ParseTradeTypes reads a list of trade types as a command-line flag or a
// configuration value gives it: "all" (AllTradeTypes), "default"
// (DefaultTradeTypes) or a comma-separated list such as
// "fixed,tmall_i18n". Names the SDK does not know are kept: new types pass
// through.
func ParseTradeTypes(s string) ([]TradeType, error) {
	switch s = strings.TrimSpace(s); s {
	case "all":
		return AllTradeTypes(), nil
	case "default":
		return DefaultTradeTypes(), nil
	}
	var out []TradeType
	for t := range strings.SplitSeq(s, ",") {
		t = strings.TrimSpace(t)
		if t == "" || strings.ContainsAny(t, " \t") {
			return nil, fmt.Errorf("taobao: trade types %q: want all, default or a comma-separated list such as fixed,tmall_i18n", s)
		}
		out = append(out, TradeType(t))
	}
	return out, nil
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
	fastMembers(s, func(key string) bool {
		switch key {
		case "total_results":
			fastInt64(s, (*int64)(&w.TotalResults))
		case "trades":
			fastListSized(s, (*[]Trade)(&w.Trades), (*Trade).decodeFast, w.expected())
		case "has_next":
			fastBool(s, (*bool)(&w.HasNext))
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			return false
		}
		return true
	})
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
	fastMembers(s, func(key string) bool {
		switch key {
		case "trade":
			fastPtr(s, &w.Trade, (*Trade).decodeFast)
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			return false
		}
		return true
	})
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
	Type []TradeType `url:"type,comma,omitempty"`
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

// Trade writes: memos and closing.

// Trade write method names.
const (
	MethodTradeMemoUpdate = "taobao.trade.memo.update"
	MethodTradeMemoAdd    = "taobao.trade.memo.add"
	MethodTradeClose      = "taobao.trade.close"
)

// MaxMemoBytes is the longest memo the memo APIs take, in bytes.
const MaxMemoBytes = 1000

// idempotentWrite reports whether a write may be repeated with the same
// effect, so that the client retries it like a read (the memo update sets
// the memo and flag to given values). When its retries run out after the
// request may have reached the gateway, it still reports ErrOutcomeUnknown.
func idempotentWrite(method string) bool { return method == MethodTradeMemoUpdate }

// MemoFlag is the coloured flag a seller puts on a trade beside the memo
// (Trade.SellerFlag).
type MemoFlag int

// The flags the memo APIs document.
const (
	MemoFlagGrey   MemoFlag = 0 // the default
	MemoFlagRed    MemoFlag = 1
	MemoFlagYellow MemoFlag = 2
	MemoFlagGreen  MemoFlag = 3
	MemoFlagBlue   MemoFlag = 4
	MemoFlagPink   MemoFlag = 5
)

func (f MemoFlag) validate(method string) error {
	if f < MemoFlagGrey || f > MemoFlagPink {
		return invalidArg(method, "flag", "%d is not a flag from 0 (grey) to 5 (pink)", int(f))
	}
	return nil
}

// validateMemo checks a memo's size and encoding. The docs give the limit
// in bytes without naming the encoding; UTF-8 counts Chinese text as 3
// bytes a character (GBK as 2), so checking the UTF-8 length never lets
// through a memo the gateway refuses.
func validateMemo(method, memo string) error {
	switch {
	case !utf8.ValidString(memo):
		return invalidArg(method, "memo", "is not valid UTF-8")
	case len(memo) > MaxMemoBytes:
		return invalidArg(method, "memo", "%d bytes, at most %d allowed", len(memo), MaxMemoBytes)
	}
	return nil
}

// MemoOptions are the optional parameters of taobao.trade.memo.update.
type MemoOptions struct {
	// Flag is the flag to set. It is sent on every update, so that the
	// trade's flag is what you pass whatever the gateway does with a
	// missing flag (the docs give 0 as its default).
	Flag MemoFlag
	// Reset clears the seller's memo; the memo passed must then be empty.
	Reset bool
}

// TradeChange is the gateway's answer to a trade write: the trade, and the
// time it was created (AddMemo) or changed (UpdateMemo, Close).
type TradeChange struct {
	// Tid is the trade's id.
	Tid int64 `json:"tid"`
	// Created is the trade's creation time, as AddMemo answers it.
	Created Time `json:"created,omitzero"`
	// Modified is the trade's modification time after the change, as
	// UpdateMemo and Close answer it.
	Modified Time `json:"modified,omitzero"`
	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string `json:"-"`
}

// UnmarshalJSON reads the answer's trade, taking tid from a number or a
// quoted number, as the gateway writes ids either way.
func (c *TradeChange) UnmarshalJSON(data []byte) error {
	var w struct {
		Tid      json.RawMessage `json:"tid"`
		Created  Time            `json:"created"`
		Modified Time            `json:"modified"`
	}
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	tid, err := lenientInt64(w.Tid)
	if err != nil {
		return fmt.Errorf("taobao: trade.tid: %w", err)
	}
	*c = TradeChange{Tid: tid, Created: w.Created, Modified: w.Modified, RequestID: c.RequestID}
	return nil
}

// lenientInt64 reads a JSON integer that may be quoted, empty or null; a
// fraction of zeros ("1.0") is accepted, any other fraction is an error.
func lenientInt64(raw []byte) (int64, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, nil
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = strings.TrimSpace(s[1 : len(s)-1])
		if s == "" {
			return 0, nil
		}
	}
	if i := strings.IndexByte(s, '.'); i >= 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid integer %.40q", s)
	}
	return n, nil
}

// tradeChangeWire is the payload of trade_memo_update_response,
// trade_memo_add_response and trade_close_response.
type tradeChangeWire struct {
	Trade     *TradeChange `json:"trade"`
	RequestID string       `json:"request_id"`
}

// tradeWrite sends a trade write and reads its answer. An answer without
// the trade, or an error after the request may have reached the gateway
// without a clear answer, matches ErrOutcomeUnknown, with hint saying how
// to find out.
func (s *TradeService) tradeWrite(ctx context.Context, method string, tid int64, params url.Values, hint string) (*TradeChange, error) {
	var w tradeChangeWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		if errors.Is(err, ErrOutcomeUnknown) {
			return nil, fmt.Errorf("%w (trade %d: %s)", err, tid, hint)
		}
		return nil, err
	}
	if w.Trade == nil {
		// The request reached the gateway, but the answer is not the one
		// the API promises: whether the trade changed is unknown.
		err := missingMember(method, "trade", w.RequestID, nil)
		return nil, fmt.Errorf("%w (trade %d: %s)", &outcomeError{method: method, cause: err}, tid, hint)
	}
	w.Trade.RequestID = w.RequestID
	return w.Trade, nil
}

// UpdateMemo sets the seller's memo and flag of a trade. An empty memo
// leaves the memo as it is and sets the flag only; opts.Reset clears it.
// The memo is at most MaxMemoBytes bytes of UTF-8.
//
// Setting the same memo twice has the effect of setting it once, so the
// client retries this write like a read (after flow control, cut answers
// and back-end failures); when the retries run out after the request may
// have reached the gateway, the error matches ErrOutcomeUnknown and
// calling again is safe. ERPs stamp markers ("downloaded") with it.
//
// TOP API: taobao.trade.memo.update
func (s *TradeService) UpdateMemo(ctx context.Context, tid int64, memo string, opts *MemoOptions) (*TradeChange, error) {
	const method = MethodTradeMemoUpdate
	var o MemoOptions
	if opts != nil {
		o = *opts
	}
	switch {
	case tid <= 0:
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	case o.Reset && memo != "":
		return nil, invalidArg(method, "memo", "must be empty with reset, which clears the memo")
	case memo != "" && isBlank(memo):
		// The SDKs drop blank values, so the gateway would keep the old
		// memo: refuse rather than send something other than asked.
		return nil, invalidArg(method, "memo", "is blank; pass \"\" to keep the memo or Reset to clear it")
	}
	if err := validateMemo(method, memo); err != nil {
		return nil, err
	}
	if err := o.Flag.validate(method); err != nil {
		return nil, err
	}
	params := url.Values{
		"tid":  {strconv.FormatInt(tid, 10)},
		"flag": {strconv.Itoa(int(o.Flag))},
	}
	if memo != "" {
		params.Set("memo", memo)
	}
	if o.Reset {
		params.Set("reset", "true")
	}
	return s.tradeWrite(ctx, method, tid, params, "calling UpdateMemo again with the same memo is safe")
}

// AddMemo adds the seller's first memo to a trade, with a flag. It cannot
// be repeated: a trade that has a memo refuses a second one. Prefer
// UpdateMemo, which also adds and is safe to repeat.
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown; read the trade's SellerMemo (FullInfo) before adding
// again.
//
// TOP API: taobao.trade.memo.add
func (s *TradeService) AddMemo(ctx context.Context, tid int64, memo string, flag MemoFlag) (*TradeChange, error) {
	const method = MethodTradeMemoAdd
	switch {
	case tid <= 0:
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	case isBlank(memo):
		return nil, invalidArg(method, "memo", "is required")
	}
	if err := validateMemo(method, memo); err != nil {
		return nil, err
	}
	if err := flag.validate(method); err != nil {
		return nil, err
	}
	params := url.Values{
		"tid":  {strconv.FormatInt(tid, 10)},
		"memo": {memo},
		"flag": {strconv.Itoa(int(flag))},
	}
	return s.tradeWrite(ctx, method, tid, params, "read the trade's seller_memo with FullInfo before adding again, or use UpdateMemo")
}

// CloseReason is why a seller closes a trade: one of the seven reasons
// taobao.trade.close takes, sent as the gateway's own text.
type CloseReason string

// The reasons taobao.trade.close documents.
const (
	CloseReasonNotPaidInTime     CloseReason = "未及时付款"
	CloseReasonBuyerChangedMind  CloseReason = "买家不想买了"
	CloseReasonWrongBuyerInfo    CloseReason = "买家信息填写错误，重新拍"
	CloseReasonMaliciousBuyer    CloseReason = "恶意买家/同行捣乱"
	CloseReasonOutOfStock        CloseReason = "缺货"
	CloseReasonBuyerOrderedWrong CloseReason = "买家拍错了"
	CloseReasonMetInPerson       CloseReason = "同城见面交易"
)

// CloseReasons returns every reason taobao.trade.close takes, in the
// documented order. The slice is the caller's.
func CloseReasons() []CloseReason {
	return []CloseReason{CloseReasonNotPaidInTime, CloseReasonBuyerChangedMind, CloseReasonWrongBuyerInfo,
		CloseReasonMaliciousBuyer, CloseReasonOutOfStock, CloseReasonBuyerOrderedWrong, CloseReasonMetInPerson}
}

// CloseTooNewWait is how long after its creation a trade can be closed.
const CloseTooNewWait = 10 * time.Second

// ErrCloseTooFast: the trade was created less than CloseTooNewWait ago and
// cannot be closed yet (CLOSE_TRADE_TOO_FAST). The error is a
// *CloseTooFastError, which says how long to wait.
var ErrCloseTooFast = errors.New("taobao: trade too new to close")

// CloseTooFastError is the gateway's CLOSE_TRADE_TOO_FAST answer: nothing
// was changed, and closing again after Wait may succeed.
type CloseTooFastError struct {
	// Tid is the trade that could not be closed yet.
	Tid int64
	// Wait is how long to wait before closing again: the seconds the
	// answer names, or else CloseTooNewWait, which is always enough.
	Wait time.Duration
	// Err is the gateway's answer.
	Err *APIError
}

// Error says which trade, how long to wait and the gateway's answer.
func (e *CloseTooFastError) Error() string {
	return prefixed(MethodTradeClose, fmt.Sprintf("trade %d was created less than %s ago; close it again in %s: %s",
		e.Tid, CloseTooNewWait, e.Wait, detail(MethodTradeClose, e.Err)))
}

// Is matches ErrCloseTooFast.
func (e *CloseTooFastError) Is(target error) bool { return target == ErrCloseTooFast }

// Unwrap returns the gateway's answer.
func (e *CloseTooFastError) Unwrap() error { return e.Err }

// RetryAfter returns Wait.
func (e *CloseTooFastError) RetryAfter() (time.Duration, bool) { return e.Wait, true }

// Retryable reports true: the gateway refused the call without changing
// anything, and the same call succeeds once the trade is old enough.
func (e *CloseTooFastError) Retryable() bool { return true }

var closeWaitRE = regexp.MustCompile(`(\d{1,3})\s*(?:秒后|s\b|sec|second)`)

// closeTooFast recognises CLOSE_TRADE_TOO_FAST. The docs name the error
// without its shape, so the name is looked for in sub_code, sub_msg and
// msg alike, and a number of seconds in the messages is taken as the wait
// when it is within the rule's 10 s.
func closeTooFast(tid int64, err error) (*CloseTooFastError, bool) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return nil, false
	}
	const name = "CLOSE_TRADE_TOO_FAST"
	if !strings.Contains(strings.ToUpper(apiErr.SubCode+" "+apiErr.SubMsg+" "+apiErr.Msg), name) {
		return nil, false
	}
	e := &CloseTooFastError{Tid: tid, Wait: CloseTooNewWait, Err: apiErr}
	for _, msg := range [...]string{apiErr.SubMsg, apiErr.Msg} {
		if m := closeWaitRE.FindStringSubmatch(msg); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > 0 && time.Duration(n)*time.Second <= CloseTooNewWait {
				e.Wait = time.Duration(n) * time.Second
				break
			}
		}
	}
	return e, true
}

// Close closes a trade that is waiting for payment, for one of the
// documented reasons. Within CloseTooNewWait of the trade's creation the
// gateway refuses with CLOSE_TRADE_TOO_FAST: the error then matches
// ErrCloseTooFast and is a *CloseTooFastError saying how long to wait.
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown; read the trade's status before closing again.
//
// TOP API: taobao.trade.close
func (s *TradeService) Close(ctx context.Context, tid int64, reason CloseReason) (*TradeChange, error) {
	const method = MethodTradeClose
	if tid <= 0 {
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	}
	if !slices.Contains(CloseReasons(), reason) {
		return nil, invalidArg(method, "close_reason", "%q is not one of the 7 documented reasons (see CloseReasons)", string(reason))
	}
	params := url.Values{
		"tid":          {strconv.FormatInt(tid, 10)},
		"close_reason": {string(reason)},
	}
	res, err := s.tradeWrite(ctx, method, tid, params, "read the trade's status with Get before closing again")
	if e, ok := closeTooFast(tid, err); ok {
		return nil, e
	}
	return res, err
}
