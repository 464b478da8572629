package taobao

import (
	"context"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/toptrade/taobao/internal/jsonscan"
)

// RefundService calls the refund (after-sales) APIs for the client's seller.
type RefundService struct{ client *Client }

// Refund API method names.
const (
	MethodRefundsReceive = "taobao.refunds.receive.get"
	MethodRefundGet      = "taobao.refund.get"
)

// CSStatus is the state of customer service's intervention in a refund
// (Refund.CSStatus), a number from 1 to 11. Values the SDK does not know
// pass through unchanged.
type CSStatus int64

// Customer-service states, as TOP numbers them.
const (
	CSStatusNotNeeded        CSStatus = 1  // no intervention needed
	CSStatusNeeded           CSStatus = 2  // an intervention is needed
	CSStatusIntervened       CSStatus = 3  // customer service stepped in
	CSStatusFirstReviewDone  CSStatus = 4  // the first review is done
	CSStatusSecondReviewFail CSStatus = 5  // the supervisor's review failed
	CSStatusDone             CSStatus = 6  // customer service finished
	CSStatusRevoked          CSStatus = 7  // revoked by the system or the buyer
	CSStatusSupportBuyer     CSStatus = 8  // decided for the buyer
	CSStatusSupportSeller    CSStatus = 9  // decided for the seller
	CSStatusGivingEvidence   CSStatus = 10 // the parties are giving evidence
	CSStatusAppealOpen       CSStatus = 11 // an appeal is open
)

// AdvanceStatus is the state of the platform's advance payment of a refund
// (Refund.AdvanceStatus). Values the SDK does not know pass through.
type AdvanceStatus int64

// Advance payment states, as TOP numbers them.
const (
	AdvanceStatusNone          AdvanceStatus = 0 // not asked for
	AdvanceStatusApplied       AdvanceStatus = 1 // asked for
	AdvanceStatusPaid          AdvanceStatus = 2 // paid in advance
	AdvanceStatusSellerRefused AdvanceStatus = 3 // the seller refused the returned goods
	AdvanceStatusClosed        AdvanceStatus = 4 // closed
	AdvanceStatusSettled       AdvanceStatus = 5 // split and settled
)

// refundFilterStates are the values the status filter of
// taobao.refunds.receive.get documents.
func refundFilterStates() []RefundStatus {
	return slices.DeleteFunc(RefundStatusValues(), func(s RefundStatus) bool { return s == RefundStatusNoRefund })
}

// RefundListOptions are the parameters of taobao.refunds.receive.get. Nil
// options, or empty Fields, ask for RefundListFields. The gateway
// documents no longest span for the modification window, and no order of
// the answer: a caller that needs every refund of a span uses a
// RefundSyncer, which depends on neither.
type RefundListOptions struct {
	// Fields are the refund fields to return (at most 100).
	Fields []string `url:"fields,comma"`
	// Status filters by one refund state; empty means every state.
	Status RefundStatus `url:"status,omitempty"`
	// Type filters by the trades' types. Empty means the gateway's
	// default, guarantee_trade and auto_delivery only: refunds of cod,
	// step or other trades are listed only when their type is named.
	Type []TradeType `url:"type,comma,omitempty"`
	// StartModified is the earliest modification time.
	StartModified Time `url:"start_modified,omitempty"`
	// EndModified is the latest modification time.
	EndModified Time `url:"end_modified,omitempty"`
	// BuyerNick filters by the buyer's nick.
	BuyerNick string `url:"buyer_nick,omitempty"`
	// BuyerOpenUID filters by the buyer's open id.
	BuyerOpenUID string `url:"buyer_open_uid,omitempty"`
	// Ouid filters by the buyer's ouid.
	Ouid string `url:"ouid,omitempty"`
	ListOptions
}

// maxRefundFields is the documented maxListSize of the fields parameter.
const maxRefundFields = 100

func (o *RefundListOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	if err := validateFields(method, o.Fields, maxRefundFields); err != nil {
		return err
	}
	// Strict in what is sent: a state the docs do not list is refused
	// here rather than answered by the gateway with an error, or ignored.
	if o.Status != "" && !slices.Contains(refundFilterStates(), o.Status) {
		return invalidArg(method, "status", "%q is not a documented refund state", o.Status)
	}
	for i, t := range o.Type {
		if t == "" || strings.ContainsAny(string(t), ", \t\r\n") {
			return invalidArg(method, "type", "item %d (%q) is empty or holds a comma or space", i, t)
		}
	}
	if !o.StartModified.IsZero() && !o.EndModified.IsZero() && !o.EndModified.After(o.StartModified.Time) {
		return invalidArg(method, "end_modified", "%s is not after start_modified %s", o.EndModified, o.StartModified)
	}
	return o.ListOptions.validate(method)
}

func (o *RefundListOptions) withFields(def []string) RefundListOptions {
	return withDefaultFields(o, func(c *RefundListOptions) *[]string { return &c.Fields }, def)
}

// RefundGetOptions are the optional parameters of taobao.refund.get. Nil
// options, or empty Fields, ask for RefundGetFields.
type RefundGetOptions struct {
	// Fields are the refund fields to return (at most 100).
	Fields []string `url:"fields,comma"`
}

// RefundPage is one page of a refund list.
type RefundPage struct {
	// Refunds holds the page's refunds, with the fields asked for.
	Refunds []Refund
	// TotalResults counts the refunds of every page; the gateway leaves
	// it out (zero) when UseHasNext was set.
	TotalResults int64
	// HasNext reports whether another page follows (with UseHasNext).
	HasNext bool
	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string
	// Dropped lists the values of the answer that could not be decoded as
	// they were (at most 32), as in TradePage.
	Dropped []DroppedValue
}

// refundPageWire is the payload of refunds_receive_get_response.
type refundPageWire struct {
	TotalResults Int64        `json:"total_results"`
	Refunds      List[Refund] `json:"refunds"`
	HasNext      Bool         `json:"has_next"`
	RequestID    string       `json:"request_id"`
	dropped      []DroppedValue
}

func (w *refundPageWire) setDropped(d []DroppedValue) { w.dropped = d }

func (w *refundPageWire) page() *RefundPage {
	return &RefundPage{
		Refunds:      []Refund(w.Refunds),
		TotalResults: int64(w.TotalResults),
		HasNext:      bool(w.HasNext),
		RequestID:    w.RequestID,
		Dropped:      w.dropped,
	}
}

func (w *refundPageWire) decodeFast(s *jsonscan.Scanner) {
	fastMembers(s, func(key string) bool {
		switch key {
		case "total_results":
			fastInt64(s, (*int64)(&w.TotalResults))
		case "refunds":
			fastList(s, (*[]Refund)(&w.Refunds), (*Refund).decodeFast)
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

// refundWire is the payload of refund_get_response.
type refundWire struct {
	Refund    *Refund `json:"refund"`
	RequestID string  `json:"request_id"`
}

func (w *refundWire) decodeFast(s *jsonscan.Scanner) {
	fastMembers(s, func(key string) bool {
		switch key {
		case "refund":
			fastPtr(s, &w.Refund, (*Refund).decodeFast)
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			return false
		}
		return true
	})
}

// ListReceived returns one page of the refunds the seller received. Nil
// options list the first page of every state with RefundListFields. The
// order of the answer is not documented; to follow changes without losing
// any, use a RefundSyncer.
//
// TOP API: taobao.refunds.receive.get
func (s *RefundService) ListReceived(ctx context.Context, opts *RefundListOptions) (*RefundPage, error) {
	if err := opts.validate(MethodRefundsReceive); err != nil {
		return nil, err
	}
	o := opts.withFields(refundListFields())
	params, err := encodeOptions(MethodRefundsReceive, o)
	if err != nil {
		return nil, err
	}
	var w refundPageWire
	if err := s.client.call(ctx, MethodRefundsReceive, params, &w); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// ListReceivedIter yields the refunds the seller received page after page,
// asking for has_next rather than a count. It stops calling as soon as the
// loop breaks; an error is yielded once and ends the iteration. The
// gateway's order is not documented, and refunds that change while the
// pages are read may move between them: for a complete copy, use a
// RefundSyncer. The caller's options are copied, never changed.
//
// TOP API: taobao.refunds.receive.get
func (s *RefundService) ListReceivedIter(ctx context.Context, opts *RefundListOptions) iter.Seq2[*Refund, error] {
	var o RefundListOptions
	if opts != nil {
		o = *opts
		o.Fields, o.Type = slices.Clone(opts.Fields), slices.Clone(opts.Type)
	}
	o.UseHasNext = true
	return pages(o.PageNo, func(n int) ([]Refund, bool, error) {
		o := o
		o.PageNo = n
		p, err := s.ListReceived(ctx, &o)
		if err != nil {
			return nil, false, err
		}
		return p.Refunds, p.HasNext, nil
	})
}

// Get returns one refund with the fields asked for (by default
// RefundGetFields), the seller's return address and the timeout of its
// current step included.
//
// TOP API: taobao.refund.get
func (s *RefundService) Get(ctx context.Context, refundID int64, opts *RefundGetOptions) (*Refund, error) {
	if refundID <= 0 {
		return nil, invalidArg(MethodRefundGet, "refund_id", "must be a positive refund id, got %d", refundID)
	}
	var fields []string
	if opts != nil {
		fields = opts.Fields
	}
	if err := validateFields(MethodRefundGet, fields, maxRefundFields); err != nil {
		return nil, err
	}
	if len(fields) == 0 {
		fields = refundGetFields()
	}
	params := url.Values{
		"refund_id": {strconv.FormatInt(refundID, 10)},
		"fields":    {strings.Join(fields, ",")},
	}
	var w refundWire
	if err := s.client.call(ctx, MethodRefundGet, params, &w); err != nil {
		return nil, err
	}
	if w.Refund == nil {
		return nil, missingMember(MethodRefundGet, "refund", w.RequestID, nil)
	}
	return w.Refund, nil
}
