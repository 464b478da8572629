package taobao

import (
	"context"
	"iter"
	"slices"
)

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
	if err := validateFields(method, o.Fields, 0); err != nil {
		return err
	}
	switch {
	case o.StartCreate.IsZero():
		return invalidArg(method, "start_create", "required")
	case o.EndCreate.IsZero():
		return invalidArg(method, "end_create", "required")
	case !o.EndCreate.After(o.StartCreate.Time):
		return invalidArg(method, "end_create", "%s is not after start_create %s", o.EndCreate, o.StartCreate)
	case o.EndCreate.Sub(o.StartCreate.Time) > MaxIncrementWindow:
		return invalidArg(method, "end_create", "window %s-%s is longer than a day", o.StartCreate, o.EndCreate)
	}
	if err := validateList(method, "type", o.Type); err != nil {
		return err
	}
	return o.ListOptions.validate(method)
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
		o.Fields = slices.Clone(opts.Fields)
		o.Type = slices.Clone(opts.Type)
	}
	return func(yield func(*Trade, error) bool) {
		o := o
		o.UseHasNext = true
		o.PageNo = max(o.PageNo, 1)
		iteratePages(yield, func() (*TradePage, error) { return s.ListSoldIncrementV(ctx, &o) }, &o.PageNo)
	}
}
