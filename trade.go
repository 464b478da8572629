package taobao

//go:generate go run ./internal/fields/cmd/genmodels

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/toptrade/taobao/internal/envelope"
	"github.com/toptrade/taobao/internal/fields/jsonscan"
)

// TradeStatus is the state of a trade (Trade.Status), and the status filter
// of the list APIs. Values the SDK does not know pass through unchanged.
type TradeStatus string

// Trade states, as TOP spells them.
const (
	// TradeStatusTradeNoCreatePay: no Alipay payment was created yet.
	TradeStatusTradeNoCreatePay TradeStatus = "TRADE_NO_CREATE_PAY"
	// TradeStatusWaitBuyerPay: created, waiting for the buyer's payment.
	TradeStatusWaitBuyerPay TradeStatus = "WAIT_BUYER_PAY"
	// TradeStatusSellerConsignedPart: the seller shipped some of the orders.
	TradeStatusSellerConsignedPart TradeStatus = "SELLER_CONSIGNED_PART"
	// TradeStatusWaitSellerSendGoods: paid, waiting for the seller to ship.
	TradeStatusWaitSellerSendGoods TradeStatus = "WAIT_SELLER_SEND_GOODS"
	// TradeStatusWaitBuyerConfirmGoods: shipped, waiting for the buyer to
	// confirm receipt.
	TradeStatusWaitBuyerConfirmGoods TradeStatus = "WAIT_BUYER_CONFIRM_GOODS"
	// TradeStatusTradeBuyerSigned: a cash-on-delivery trade the buyer signed for.
	TradeStatusTradeBuyerSigned TradeStatus = "TRADE_BUYER_SIGNED"
	// TradeStatusTradeFinished: the trade completed successfully.
	TradeStatusTradeFinished TradeStatus = "TRADE_FINISHED"
	// TradeStatusTradeClosed: closed after payment, by a full refund.
	TradeStatusTradeClosed TradeStatus = "TRADE_CLOSED"
	// TradeStatusTradeClosedByTaobao: closed before payment. Never ship it.
	TradeStatusTradeClosedByTaobao TradeStatus = "TRADE_CLOSED_BY_TAOBAO"
	// TradeStatusPayPending: an international card payment is being confirmed.
	TradeStatusPayPending TradeStatus = "PAY_PENDING"
	// TradeStatusWaitPreAuthConfirm: a zero-down contract purchase under
	// pre-authorisation.
	TradeStatusWaitPreAuthConfirm TradeStatus = "WAIT_PRE_AUTH_CONFIRM"
	// TradeStatusPaidForbidConsign: paid, but the platform forbids shipping
	// for now (a group buy still forming, say).
	TradeStatusPaidForbidConsign TradeStatus = "PAID_FORBID_CONSIGN"

	// TradeStatusAllWaitPay is a query-only filter: WAIT_BUYER_PAY and
	// TRADE_NO_CREATE_PAY together. Trades never carry it.
	TradeStatusAllWaitPay TradeStatus = "ALL_WAIT_PAY"
	// TradeStatusAllClosed is a query-only filter: TRADE_CLOSED and
	// TRADE_CLOSED_BY_TAOBAO together. Trades never carry it.
	TradeStatusAllClosed TradeStatus = "ALL_CLOSED"
)

// OrderStatus is the state of one order (line item) of a trade.
type OrderStatus string

// Order states, as TOP spells them. Orders may also carry trade states the
// docs do not list for orders; they pass through as they are.
const (
	OrderStatusTradeNoCreatePay      OrderStatus = "TRADE_NO_CREATE_PAY"      // no Alipay payment created yet
	OrderStatusWaitBuyerPay          OrderStatus = "WAIT_BUYER_PAY"           // waiting for payment
	OrderStatusWaitSellerSendGoods   OrderStatus = "WAIT_SELLER_SEND_GOODS"   // paid, to be shipped
	OrderStatusWaitBuyerConfirmGoods OrderStatus = "WAIT_BUYER_CONFIRM_GOODS" // shipped, receipt not confirmed
	OrderStatusTradeBuyerSigned      OrderStatus = "TRADE_BUYER_SIGNED"       // cash on delivery, signed for
	OrderStatusTradeFinished         OrderStatus = "TRADE_FINISHED"           // completed
	OrderStatusTradeClosed           OrderStatus = "TRADE_CLOSED"             // closed by a refund after payment
	OrderStatusTradeClosedByTaobao   OrderStatus = "TRADE_CLOSED_BY_TAOBAO"   // closed before payment: never ship
	OrderStatusPayPending            OrderStatus = "PAY_PENDING"              // card payment being confirmed
)

// RefundStatus is the state of an order's latest refund.
type RefundStatus string

// Refund states, as TOP spells them.
const (
	RefundStatusNoRefund               RefundStatus = "NO_REFUND"                 // no refund was asked for (seen in real answers, not in the docs' list)
	RefundStatusWaitSellerAgree        RefundStatus = "WAIT_SELLER_AGREE"         // the buyer asked; the seller has not agreed yet
	RefundStatusWaitBuyerReturnGoods   RefundStatus = "WAIT_BUYER_RETURN_GOODS"   // agreed; waiting for the goods to come back
	RefundStatusWaitSellerConfirmGoods RefundStatus = "WAIT_SELLER_CONFIRM_GOODS" // returned; the seller has to confirm receipt
	RefundStatusSellerRefuseBuyer      RefundStatus = "SELLER_REFUSE_BUYER"       // the seller refused the refund
	RefundStatusClosed                 RefundStatus = "CLOSED"                    // the refund was closed without paying
	RefundStatusSuccess                RefundStatus = "SUCCESS"                   // the money went back to the buyer
)

// TradeType is the kind of a trade (Trade.Type), also used in the type
// filter of the list APIs.
type TradeType string

// Trade types, as TOP spells them.
const (
	TradeTypeFixed                  TradeType = "fixed"                    // fixed price
	TradeTypeAuction                TradeType = "auction"                  // auction
	TradeTypeGuaranteeTrade         TradeType = "guarantee_trade"          // query-only: fixed and auction together
	TradeTypeStep                   TradeType = "step"                     // paid in stages (deposit, then balance)
	TradeTypeIndependentSimpleTrade TradeType = "independent_simple_trade" // Wangdian basic edition
	TradeTypeIndependentShopTrade   TradeType = "independent_shop_trade"   // Wangdian standard edition
	TradeTypeAutoDelivery           TradeType = "auto_delivery"            // delivered automatically
	TradeTypeEc                     TradeType = "ec"                       // direct top-up
	TradeTypeCod                    TradeType = "cod"                      // cash on delivery
	TradeTypeGameEquipment          TradeType = "game_equipment"           // game items
	TradeTypeShopexTrade            TradeType = "shopex_trade"             // ShopEx
	TradeTypeNetcnTrade             TradeType = "netcn_trade"              // net.cn
	TradeTypeExternalTrade          TradeType = "external_trade"           // external
	TradeTypeInstantTrade           TradeType = "instant_trade"            // instant payment
	TradeTypeB2CCod                 TradeType = "b2c_cod"                  // B2C cash on delivery
	TradeTypeHotelTrade             TradeType = "hotel_trade"              // hotel booking
	TradeTypeSuperMarketTrade       TradeType = "super_market_trade"       // supermarket
	TradeTypeSuperMarketCodTrade    TradeType = "super_market_cod_trade"   // supermarket, cash on delivery
	TradeTypeTaohua                 TradeType = "taohua"                   // Taohua
	TradeTypeWaimai                 TradeType = "waimai"                   // food delivery
	TradeTypeO2OOfflinetrade        TradeType = "o2o_offlinetrade"         // offline O2O
	TradeTypeNopaid                 TradeType = "nopaid"                   // no payment
	TradeTypeEticket                TradeType = "eticket"                  // electronic voucher
	TradeTypeTmallI18n              TradeType = "tmall_i18n"               // Tmall international
	TradeTypeInsurancePlus          TradeType = "insurance_plus"           // insurance add-on
	TradeTypeFinance                TradeType = "finance"                  // financial product
	TradeTypePreAuthType            TradeType = "pre_auth_type"            // pre-authorised
	TradeTypeLazada                 TradeType = "lazada"                   // Lazada
	TradeTypeFenxiao                TradeType = "fenxiao"                  // distribution
)

// ShippingType is how a trade or order ships (Trade.ShippingType,
// Order.ShippingType) and a shipment's carrier kind (Shipping.Type).
type ShippingType string

// Shipping types, as TOP spells them.
const (
	ShippingTypeFree    ShippingType = "free"    // postage paid by the seller
	ShippingTypePost    ShippingType = "post"    // surface mail
	ShippingTypeExpress ShippingType = "express" // courier
	ShippingTypeEMS     ShippingType = "ems"     // EMS
	ShippingTypeVirtual ShippingType = "virtual" // nothing physical to ship
	ShippingType25      ShippingType = "25"      // next-day delivery
	ShippingType26      ShippingType = "26"      // delivery at a booked time
	ShippingTypeSeller  ShippingType = "seller"  // the merchant delivers itself
	ShippingTypeInstant ShippingType = "instant" // same-day local delivery
)

// StepTradeStatus is the payment state of a trade paid in stages.
type StepTradeStatus string

// Staged payment states, as TOP spells them.
const (
	StepTradeStatusFrontNopaidFinalNopaid  StepTradeStatus = "FRONT_NOPAID_FINAL_NOPAID"  // neither deposit nor balance paid
	StepTradeStatusFrontPaidFinalNopaid    StepTradeStatus = "FRONT_PAID_FINAL_NOPAID"    // deposit paid, balance not
	StepTradeStatusFrontPaidFinalPaid      StepTradeStatus = "FRONT_PAID_FINAL_PAID"      // both paid
	StepTradeStatusFrontPaidFrontForfeited StepTradeStatus = "FRONT_PAID_FRONT_FORFEITED" // the deposit was forfeited
)

// CodStatus is the carrier's progress on a cash-on-delivery trade.
type CodStatus string

// Cash-on-delivery states, as TOP spells them.
const (
	CodStatusNewCreated          CodStatus = "NEW_CREATED"            // initial state
	CodStatusAcceptedByCompany   CodStatus = "ACCEPTED_BY_COMPANY"    // the carrier took the order
	CodStatusRejectedByCompany   CodStatus = "REJECTED_BY_COMPANY"    // the carrier declined it
	CodStatusRecieveTimeout      CodStatus = "RECIEVE_TIMEOUT"        // the carrier did not answer in time (TOP's spelling)
	CodStatusTakenInSuccess      CodStatus = "TAKEN_IN_SUCCESS"       // picked up
	CodStatusTakenInFailed       CodStatus = "TAKEN_IN_FAILED"        // the pick-up failed
	CodStatusTakenTimeout        CodStatus = "TAKEN_TIMEOUT"          // the pick-up timed out
	CodStatusSignIn              CodStatus = "SIGN_IN"                // signed for
	CodStatusRejectedByOtherSide CodStatus = "REJECTED_BY_OTHER_SIDE" // the receiver refused it
	CodStatusWaitingToBeSent     CodStatus = "WAITING_TO_BE_SENT"     // not yet passed to the carrier
	CodStatusCanceled            CodStatus = "CANCELED"               // the user cancelled the shipment
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
	var c TradeGetOptions
	if o != nil {
		c = *o
	}
	if len(c.Fields) == 0 {
		c.Fields = def
	}
	return c
}

// ListOptions are the paging parameters of the list APIs.
type ListOptions struct {
	// PageNo is the page to fetch, from 1; 0 means the first.
	PageNo int `url:"page_no,omitempty"`
	// PageSize is the number of items per page, 1 to 100; 0 means the
	// gateway's default of 40.
	PageSize int `url:"page_size,omitempty"`
	// UseHasNext asks for HasNext instead of TotalResults, which the
	// gateway answers faster.
	UseHasNext bool `url:"use_has_next,omitempty"`
}

// MaxPageSize is the largest page the list APIs serve.
const MaxPageSize = 100

func (o *ListOptions) validate(method string) error {
	if o.PageNo < 0 {
		return invalidArg(method, "page_no", "%d is negative", o.PageNo)
	}
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return invalidArg(method, "page_size", "%d is outside 1..%d", o.PageSize, MaxPageSize)
	}
	return nil
}

// SoldListOptions are the parameters of taobao.trades.sold.get. Nil
// options, or empty Fields, ask for TradeSoldFields.
type SoldListOptions struct {
	// Fields are the trade fields to return.
	Fields []string `url:"fields,comma"`
	// StartCreated and EndCreated bound the trades' creation time; the
	// gateway searches the last three months only.
	StartCreated Time `url:"start_created,omitempty"`
	EndCreated   Time `url:"end_created,omitempty"`
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
	var c SoldListOptions
	if o != nil {
		c = *o
	}
	if len(c.Fields) == 0 {
		c.Fields = def
	}
	return c
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
	// StartModified and EndModified bound the trades' modification time.
	StartModified Time `url:"start_modified"`
	EndModified   Time `url:"end_modified"`
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
	if err := validateFields(method, o.Fields, 0); err != nil {
		return err
	}
	switch {
	case o.StartModified.IsZero():
		return invalidArg(method, "start_modified", "required")
	case o.EndModified.IsZero():
		return invalidArg(method, "end_modified", "required")
	case !o.EndModified.After(o.StartModified.Time):
		return invalidArg(method, "end_modified", "%s is not after start_modified %s", o.EndModified, o.StartModified)
	case o.EndModified.Sub(o.StartModified.Time) > MaxIncrementWindow:
		return invalidArg(method, "end_modified", "window %s-%s is longer than a day", o.StartModified, o.EndModified)
	}
	if err := validateList(method, "type", o.Type); err != nil {
		return err
	}
	return o.ListOptions.validate(method)
}

func (o *IncrementListOptions) withFields(def []string) IncrementListOptions {
	var c IncrementListOptions
	if o != nil {
		c = *o
	}
	if len(c.Fields) == 0 {
		c.Fields = def
	}
	return c
}

// validateFields checks a fields list: no empty names, no commas or spaces
// inside a name, and at most max names when max > 0.
func validateFields(method string, fields []string, max int) error {
	if max > 0 && len(fields) > max {
		return invalidArg(method, "fields", "%d fields, at most %d allowed", len(fields), max)
	}
	return validateList(method, "fields", fields)
}

// validateList checks the items of a comma-joined list parameter.
func validateList(method, param string, items []string) error {
	for i, f := range items {
		if f == "" || strings.ContainsAny(f, ", \t\r\n") {
			return invalidArg(method, param, "item %d (%q) is empty or holds a comma or space", i, f)
		}
	}
	return nil
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
}

// tradePageWire is the payload of trades_sold_get_response and
// trades_sold_increment_get_response.
type tradePageWire struct {
	TotalResults Int64       `json:"total_results"`
	Trades       List[Trade] `json:"trades"`
	HasNext      Bool        `json:"has_next"`
	RequestID    string      `json:"request_id"`
}

func (w *tradePageWire) page() *TradePage {
	return &TradePage{
		Trades:       w.Trades,
		TotalResults: int64(w.TotalResults),
		HasNext:      bool(w.HasNext),
		RequestID:    w.RequestID,
	}
}

func (w *tradePageWire) decodeFast(s *jsonscan.Scanner) {
	if !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "total_results":
			fastInt64(s, &w.TotalResults)
		case "trades":
			fastList(s, &w.Trades, (*Trade).decodeFast)
		case "has_next":
			fastBool(s, &w.HasNext)
		case "request_id":
			fastString(s, &w.RequestID)
		default:
			fastUnknown(s, key)
		}
	}
}

// decodeTradePage decodes an answer of the trade list APIs: in one pass
// when it can, else through decodeResponse.
func decodeTradePage(method string, body []byte) (*TradePage, error) {
	var w tradePageWire
	if decodeFast(method, body, &w) {
		return w.page(), nil
	}
	return decodeTradePageSlow(method, body)
}

func decodeTradePageSlow(method string, body []byte) (*TradePage, error) {
	var w tradePageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// tradeWire is the payload of trade_fullinfo_get_response and
// trade_get_response.
type tradeWire struct {
	Trade     *Trade `json:"trade"`
	RequestID string `json:"request_id"`
}

func (w *tradeWire) trade(method string) (*Trade, error) {
	if w.Trade == nil {
		return nil, missingMember(method, "trade", w.RequestID)
	}
	return w.Trade, nil
}

func (w *tradeWire) decodeFast(s *jsonscan.Scanner) {
	if !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
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
			fastUnknown(s, key)
		}
	}
}

// decodeTrade decodes an answer of taobao.trade.fullinfo.get or
// taobao.trade.get: in one pass when it can, else through decodeResponse.
func decodeTrade(method string, body []byte) (*Trade, error) {
	var w tradeWire
	if !decodeFast(method, body, &w) {
		w = tradeWire{}
		if err := decodeResponse(method, body, &w, nil); err != nil {
			return nil, err
		}
	}
	return w.trade(method)
}

// The fast path. encoding/json reads a document twice before decoding it
// (validation, then the decode), and again for every value that has its
// own UnmarshalJSON: on a page of trades every order list is read five
// times. The generated decodeFast methods read the payload once with a
// strict scanner, calling the same UnmarshalJSON methods on the same bytes
// for Int64, Money, Time and Bool. Whatever they are not sure to decode
// exactly as encoding/json would (escaped or case-folded member names,
// duplicate lists, a wrong type) makes them give up, and the caller then
// decodes the body through decodeResponse as usual.

// fastDecoder is a wire struct with a generated or hand-written decodeFast.
type fastDecoder interface{ decodeFast(s *jsonscan.Scanner) }

// decodeFast decodes the payload of a success answer of method into out,
// and reports whether it did; error answers and anything unusual report
// false.
func decodeFast(method string, body []byte, out fastDecoder) bool {
	part, err := envelope.Split(body, envelope.ResponseKey(method))
	if err != nil || part.IsError {
		return false
	}
	s := jsonscan.New(part.Value)
	out.decodeFast(&s)
	return s.End()
}

func fastString(s *jsonscan.Scanner, p *string) {
	if s.Null() {
		return // encoding/json leaves a string alone on null
	}
	str, raw, plain := s.String()
	switch {
	case s.Failed():
	case plain:
		*p = string(str)
	default:
		if json.Unmarshal(raw, p) != nil {
			s.Fail()
		}
	}
}

func fastStringItem(p *string, s *jsonscan.Scanner) { fastString(s, p) }

func fastInt64(s *jsonscan.Scanner, p *Int64) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastMoney(s *jsonscan.Scanner, p *Money) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastTime(s *jsonscan.Scanner, p *Time) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

func fastBool(s *jsonscan.Scanner, p *Bool) {
	if raw := s.Literal(); !s.Failed() && p.UnmarshalJSON(raw) != nil {
		s.Fail()
	}
}

// fastRaw decodes a value of a type without documented fields through
// encoding/json.
func fastRaw(s *jsonscan.Scanner, p any) {
	if raw := s.Skip(); !s.Failed() && json.Unmarshal(raw, p) != nil {
		s.Fail()
	}
}

// fastUnknown skips the value of a member the struct does not have. A name
// with capitals or non-ASCII letters might match a field case-insensitively
// in encoding/json, so it gives up on those.
func fastUnknown(s *jsonscan.Scanner, key []byte) {
	for _, c := range key {
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			s.Fail()
			return
		}
	}
	s.Skip()
}

// fastList reads a List as List.UnmarshalJSON does for the shapes the
// gateway sends: {"<item>":[...]}, a bare array, {}, null or "". Anything
// else, or a list seen twice, gives up.
func fastList[T any](s *jsonscan.Scanner, l *List[T], item func(*T, *jsonscan.Scanner)) {
	switch s.Peek() {
	case 'n':
		if s.Null() {
			*l = nil
		}
	case '"':
		if str, _, plain := s.String(); !plain || len(str) != 0 {
			s.Fail()
		}
		*l = nil
	case '[':
		fastItems(s, l, item)
	case '{':
		s.ObjectStart()
		if !s.More(true) {
			*l = nil
			return
		}
		if s.Key(); s.Failed() {
			return
		}
		if s.Null() {
			*l = nil
		} else {
			fastItems(s, l, item)
		}
		if s.More(false) {
			s.Fail() // several members: leave the choice to List.UnmarshalJSON
		}
	default:
		s.Fail()
	}
}

// fastItems reads an array into a slice allocated at its final length.
func fastItems[T any](s *jsonscan.Scanner, l *List[T], item func(*T, *jsonscan.Scanner)) {
	n := s.CountItems()
	if n < 0 || *l != nil {
		s.Fail()
		return
	}
	out := make(List[T], n)
	s.ArrayStart()
	i := 0
	for first := true; s.MoreItems(first); first = false {
		if i == n {
			s.Fail()
			return
		}
		item(&out[i], s)
		i++
	}
	if i != n {
		s.Fail()
		return
	}
	*l = out
}

// missingMember reports an answer without the member the method promises.
func missingMember(method, member, requestID string) error {
	err := &DecodeError{Method: method, RequestID: requestID, Err: fmt.Errorf("answer has no %q", member)}
	err.Sample = `""`
	return err
}

// BEGIN GENERATED MODELS: written by `go generate` (internal/fields/cmd/genmodels) from internal/fields; edit those, not this block.

// Trade is TOP's Trade.
type Trade struct {
	// BuyerOpenUID is TOP's buyer_open_uid (String).
	BuyerOpenUID string `json:"buyer_open_uid,omitempty"`

	// Title is TOP's title (String).
	Title string `json:"title,omitempty"`

	// Type is TOP's type (String).
	Type TradeType `json:"type,omitempty"`

	// Created is TOP's created (Date).
	Created Time `json:"created,omitzero"`

	// Sid is TOP's sid (String).
	Sid string `json:"sid,omitempty"`

	// Tid is TOP's tid (Number).
	Tid Int64 `json:"tid,omitempty"`

	// AcookieID is TOP's acookie_id (String).
	AcookieID string `json:"acookie_id,omitempty"`

	// SellerRate is TOP's seller_rate (Boolean).
	SellerRate Bool `json:"seller_rate,omitempty"`

	// BuyerRate is TOP's buyer_rate (Boolean).
	BuyerRate Bool `json:"buyer_rate,omitempty"`

	// Status is TOP's status (String).
	Status TradeStatus `json:"status,omitempty"`

	// Payment is TOP's payment (String).
	Payment Money `json:"payment,omitempty"`

	// DiscountFee is TOP's discount_fee (String).
	DiscountFee Money `json:"discount_fee,omitempty"`

	// AdjustFee is TOP's adjust_fee (String).
	AdjustFee Money `json:"adjust_fee,omitempty"`

	// PostFee is TOP's post_fee (String).
	PostFee Money `json:"post_fee,omitempty"`

	// TotalFee is TOP's total_fee (String).
	TotalFee Money `json:"total_fee,omitempty"`

	// PayTime is TOP's pay_time (Date).
	PayTime Time `json:"pay_time,omitzero"`

	// EndTime is TOP's end_time (Date).
	EndTime Time `json:"end_time,omitzero"`

	// Modified is TOP's modified (Date).
	Modified Time `json:"modified,omitzero"`

	// ConsignTime is TOP's consign_time (Date).
	ConsignTime Time `json:"consign_time,omitzero"`

	// ReceivedPayment is TOP's received_payment (String).
	ReceivedPayment Money `json:"received_payment,omitempty"`

	// CommissionFee is TOP's commission_fee (String).
	CommissionFee Money `json:"commission_fee,omitempty"`

	// BuyerMemo is TOP's buyer_memo (String).
	BuyerMemo string `json:"buyer_memo,omitempty"`

	// SellerMemo is TOP's seller_memo (String).
	SellerMemo string `json:"seller_memo,omitempty"`

	// BuyerArea is TOP's buyer_area (String).
	BuyerArea string `json:"buyer_area,omitempty"`

	// AlipayNo is TOP's alipay_no (String).
	AlipayNo string `json:"alipay_no,omitempty"`

	// BuyerMessage is TOP's buyer_message (String).
	BuyerMessage string `json:"buyer_message,omitempty"`

	// PicPath is TOP's pic_path (String).
	PicPath string `json:"pic_path,omitempty"`

	// NumIid is TOP's num_iid (Number).
	NumIid Int64 `json:"num_iid,omitempty"`

	// Price is TOP's price (String).
	Price Money `json:"price,omitempty"`

	// CodFee is TOP's cod_fee (String).
	CodFee Money `json:"cod_fee,omitempty"`

	// CodStatus is TOP's cod_status (String).
	CodStatus CodStatus `json:"cod_status,omitempty"`

	// BuyerCodFee is TOP's buyer_cod_fee (String).
	BuyerCodFee Money `json:"buyer_cod_fee,omitempty"`

	// SellerCodFee is TOP's seller_cod_fee (String).
	SellerCodFee Money `json:"seller_cod_fee,omitempty"`

	// ExpressAgencyFee is TOP's express_agency_fee (String).
	ExpressAgencyFee Money `json:"express_agency_fee,omitempty"`

	// ShippingType is TOP's shipping_type (String).
	ShippingType ShippingType `json:"shipping_type,omitempty"`

	// Num is TOP's num (Number).
	Num Int64 `json:"num,omitempty"`

	// PointFee is TOP's point_fee (Number).
	PointFee Int64 `json:"point_fee,omitempty"`

	// RealPointFee is TOP's real_point_fee (Number).
	RealPointFee Int64 `json:"real_point_fee,omitempty"`

	// BuyerObtainPointFee is TOP's buyer_obtain_point_fee (Number).
	BuyerObtainPointFee Int64 `json:"buyer_obtain_point_fee,omitempty"`

	// BuyerAlipayNo is TOP's buyer_alipay_no (String).
	BuyerAlipayNo string `json:"buyer_alipay_no,omitempty"`

	// ReceiverName is TOP's receiver_name (String).
	ReceiverName string `json:"receiver_name,omitempty"`

	// ReceiverCountry is TOP's receiver_country (String).
	ReceiverCountry string `json:"receiver_country,omitempty"`

	// ReceiverState is TOP's receiver_state (String).
	ReceiverState string `json:"receiver_state,omitempty"`

	// ReceiverCity is TOP's receiver_city (String).
	ReceiverCity string `json:"receiver_city,omitempty"`

	// ReceiverDistrict is TOP's receiver_district (String).
	ReceiverDistrict string `json:"receiver_district,omitempty"`

	// ReceiverTown is TOP's receiver_town (String).
	ReceiverTown string `json:"receiver_town,omitempty"`

	// ReceiverAddress is TOP's receiver_address (String).
	ReceiverAddress string `json:"receiver_address,omitempty"`

	// ReceiverZip is TOP's receiver_zip (String).
	ReceiverZip string `json:"receiver_zip,omitempty"`

	// ReceiverMobile is TOP's receiver_mobile (String).
	ReceiverMobile string `json:"receiver_mobile,omitempty"`

	// ReceiverPhone is TOP's receiver_phone (String).
	ReceiverPhone string `json:"receiver_phone,omitempty"`

	// BuyerEmail is TOP's buyer_email (String).
	BuyerEmail string `json:"buyer_email,omitempty"`

	// SellerAlipayNo is TOP's seller_alipay_no (String).
	SellerAlipayNo string `json:"seller_alipay_no,omitempty"`

	// SellerMobile is TOP's seller_mobile (String).
	SellerMobile string `json:"seller_mobile,omitempty"`

	// SellerPhone is TOP's seller_phone (String).
	SellerPhone string `json:"seller_phone,omitempty"`

	// SellerName is TOP's seller_name (String).
	SellerName string `json:"seller_name,omitempty"`

	// SellerEmail is TOP's seller_email (String).
	SellerEmail string `json:"seller_email,omitempty"`

	// AvailableConfirmFee is TOP's available_confirm_fee (String).
	AvailableConfirmFee Money `json:"available_confirm_fee,omitempty"`

	// HasPostFee is TOP's has_post_fee (Boolean).
	HasPostFee Bool `json:"has_post_fee,omitempty"`

	// TimeoutActionTime is TOP's timeout_action_time (Date).
	TimeoutActionTime Time `json:"timeout_action_time,omitzero"`

	// SnapshotURL is TOP's snapshot_url (String).
	SnapshotURL string `json:"snapshot_url,omitempty"`

	// TradeMemo is TOP's trade_memo (String).
	TradeMemo string `json:"trade_memo,omitempty"`

	// Promotion is TOP's promotion (String).
	Promotion string `json:"promotion,omitempty"`

	// Is3D is TOP's is_3D (Boolean).
	Is3D Bool `json:"is_3D,omitempty"`

	// IsLgtype is TOP's is_lgtype (Boolean).
	IsLgtype Bool `json:"is_lgtype,omitempty"`

	// IsBrandSale is TOP's is_brand_sale (Boolean).
	IsBrandSale Bool `json:"is_brand_sale,omitempty"`

	// IsForceWlb is TOP's is_force_wlb (Boolean).
	IsForceWlb Bool `json:"is_force_wlb,omitempty"`

	// BuyerFlag is TOP's buyer_flag (Number).
	BuyerFlag Int64 `json:"buyer_flag,omitempty"`

	// SellerFlag is TOP's seller_flag (Number).
	SellerFlag Int64 `json:"seller_flag,omitempty"`

	// CreditCardFee is TOP's credit_card_fee (String).
	CreditCardFee Money `json:"credit_card_fee,omitempty"`

	// StepTradeStatus is TOP's step_trade_status (String).
	StepTradeStatus StepTradeStatus `json:"step_trade_status,omitempty"`

	// StepPaidFee is TOP's step_paid_fee (String).
	StepPaidFee Money `json:"step_paid_fee,omitempty"`

	// EticketExt is TOP's eticket_ext (String).
	EticketExt string `json:"eticket_ext,omitempty"`

	// MarkDesc is TOP's mark_desc (String).
	MarkDesc string `json:"mark_desc,omitempty"`

	// HasYfx is TOP's has_yfx (Boolean).
	HasYfx Bool `json:"has_yfx,omitempty"`

	// YfxFee is TOP's yfx_fee (String).
	YfxFee Money `json:"yfx_fee,omitempty"`

	// YfxID is TOP's yfx_id (String).
	YfxID string `json:"yfx_id,omitempty"`

	// YfxType is TOP's yfx_type (String).
	YfxType string `json:"yfx_type,omitempty"`

	// SendTime is TOP's send_time (String).
	SendTime string `json:"send_time,omitempty"`

	// CanRate is TOP's can_rate (Boolean).
	CanRate Bool `json:"can_rate,omitempty"`

	// SellerCanRate is TOP's seller_can_rate (Boolean).
	SellerCanRate Bool `json:"seller_can_rate,omitempty"`

	// IsPartConsign is TOP's is_part_consign (Boolean).
	IsPartConsign Bool `json:"is_part_consign,omitempty"`

	// IsDaixiao is TOP's is_daixiao (Boolean).
	IsDaixiao Bool `json:"is_daixiao,omitempty"`

	// IsWt is TOP's is_wt (Boolean).
	IsWt Bool `json:"is_wt,omitempty"`

	// ArriveInterval is TOP's arrive_interval (Number).
	ArriveInterval Int64 `json:"arrive_interval,omitempty"`

	// ArriveCutTime is TOP's arrive_cut_time (String).
	ArriveCutTime string `json:"arrive_cut_time,omitempty"`

	// ConsignInterval is TOP's consign_interval (Number).
	ConsignInterval Int64 `json:"consign_interval,omitempty"`

	// O2O is TOP's o2o (String).
	O2O string `json:"o2o,omitempty"`

	// O2OGuideID is TOP's o2o_guide_id (String).
	O2OGuideID string `json:"o2o_guide_id,omitempty"`

	// O2OGuideName is TOP's o2o_guide_name (String).
	O2OGuideName string `json:"o2o_guide_name,omitempty"`

	// O2OShopID is TOP's o2o_shop_id (String).
	O2OShopID string `json:"o2o_shop_id,omitempty"`

	// O2OShopName is TOP's o2o_shop_name (String).
	O2OShopName string `json:"o2o_shop_name,omitempty"`

	// O2ODelivery is TOP's o2o_delivery (String).
	O2ODelivery string `json:"o2o_delivery,omitempty"`

	// O2OOutTradeID is TOP's o2o_out_trade_id (String).
	O2OOutTradeID string `json:"o2o_out_trade_id,omitempty"`

	// ShopCode is TOP's shop_code (String).
	ShopCode string `json:"shop_code,omitempty"`

	// HkEnName is TOP's hk_en_name (String).
	HkEnName string `json:"hk_en_name,omitempty"`

	// HkFlightNo is TOP's hk_flight_no (String).
	HkFlightNo string `json:"hk_flight_no,omitempty"`

	// HkChinaName is TOP's hk_china_name (String).
	HkChinaName string `json:"hk_china_name,omitempty"`

	// HkCardCode is TOP's hk_card_code (String).
	HkCardCode string `json:"hk_card_code,omitempty"`

	// HkCardType is TOP's hk_card_type (String).
	HkCardType string `json:"hk_card_type,omitempty"`

	// HkFlightDate is TOP's hk_flight_date (String).
	HkFlightDate string `json:"hk_flight_date,omitempty"`

	// HkGender is TOP's hk_gender (String).
	HkGender string `json:"hk_gender,omitempty"`

	// HkBirthday is TOP's hk_birthday (String).
	HkBirthday string `json:"hk_birthday,omitempty"`

	// HkPickup is TOP's hk_pickup (String).
	HkPickup string `json:"hk_pickup,omitempty"`

	// HkPickupID is TOP's hk_pickup_id (String).
	HkPickupID string `json:"hk_pickup_id,omitempty"`

	// EstConTime is TOP's est_con_time (String).
	EstConTime string `json:"est_con_time,omitempty"`

	// Orders is TOP's orders (Order[]).
	Orders List[Order] `json:"orders,omitempty"`

	// PromotionDetails is TOP's promotion_details (PromotionDetail[]).
	PromotionDetails List[PromotionDetail] `json:"promotion_details,omitempty"`

	// ServiceTags is TOP's service_tags (LogisticsTag[]).
	ServiceTags List[LogisticsTag] `json:"service_tags,omitempty"`

	// ServiceOrders is TOP's service_orders (ServiceOrder[]).
	ServiceOrders List[ServiceOrder] `json:"service_orders,omitempty"`

	// TradeFrom is TOP's trade_from (String).
	TradeFrom string `json:"trade_from,omitempty"`

	// TradeSource is TOP's trade_source (String).
	TradeSource string `json:"trade_source,omitempty"`

	// ZeroPurchase is TOP's zero_purchase (Boolean).
	ZeroPurchase Bool `json:"zero_purchase,omitempty"`

	// AlipayPoint is TOP's alipay_point (Number).
	AlipayPoint Int64 `json:"alipay_point,omitempty"`

	// PccAf is TOP's pcc_af (Number).
	PccAf Int64 `json:"pcc_af,omitempty"`

	// TradeExt is TOP's trade_ext (TradeExt).
	TradeExt *TradeExt `json:"trade_ext,omitempty"`

	// OrderTaxFee is TOP's order_tax_fee (String).
	OrderTaxFee string `json:"order_tax_fee,omitempty"`

	// EtSerTime is TOP's et_ser_time (String).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is TOP's et_shop_name (String).
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is TOP's et_verified_shop_name (String).
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is TOP's et_plate_number (String).
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// O2OSnatchStatus is TOP's o2o_snatch_status (String).
	O2OSnatchStatus string `json:"o2o_snatch_status,omitempty"`

	// IsShShip is TOP's is_sh_ship (Boolean).
	IsShShip Bool `json:"is_sh_ship,omitempty"`

	// EticketServiceAddr is TOP's eticket_service_addr (String).
	EticketServiceAddr string `json:"eticket_service_addr,omitempty"`

	// EtType is TOP's et_type (String).
	EtType string `json:"et_type,omitempty"`

	// Market is TOP's market (String).
	Market string `json:"market,omitempty"`

	// Obs is TOP's obs (String).
	Obs string `json:"obs,omitempty"`

	// EtShopID is TOP's et_shop_id (Number).
	EtShopID Int64 `json:"et_shop_id,omitempty"`

	// PaidCouponFee is TOP's paid_coupon_fee (String).
	PaidCouponFee Money `json:"paid_coupon_fee,omitempty"`

	// ShopPick is TOP's shop_pick (String).
	ShopPick string `json:"shop_pick,omitempty"`

	// RxAuditStatus is TOP's rx_audit_status (String).
	RxAuditStatus string `json:"rx_audit_status,omitempty"`

	// EsDate is TOP's es_date (String).
	EsDate string `json:"es_date,omitempty"`

	// EsRange is TOP's es_range (String).
	EsRange string `json:"es_range,omitempty"`

	// OsDate is TOP's os_date (String).
	OsDate string `json:"os_date,omitempty"`

	// OsRange is TOP's os_range (String).
	OsRange string `json:"os_range,omitempty"`

	// CouponFee is TOP's coupon_fee (Number).
	CouponFee Int64 `json:"coupon_fee,omitempty"`

	// PostGateDeclare is TOP's post_gate_declare (Boolean).
	PostGateDeclare Bool `json:"post_gate_declare,omitempty"`

	// CrossBondedDeclare is TOP's cross_bonded_declare (Boolean).
	CrossBondedDeclare Bool `json:"cross_bonded_declare,omitempty"`

	// TradeAttr is TOP's trade_attr (String).
	TradeAttr string `json:"trade_attr,omitempty"`

	// TopHold is TOP's top_hold (Number).
	TopHold Int64 `json:"top_hold,omitempty"`

	// OmniAttr is TOP's omni_attr (String).
	OmniAttr string `json:"omni_attr,omitempty"`

	// OmniParam is TOP's omni_param (String).
	OmniParam string `json:"omni_param,omitempty"`

	// Assembly is TOP's assembly (String).
	Assembly string `json:"assembly,omitempty"`

	// ForbidConsign is TOP's forbid_consign (Number).
	ForbidConsign Int64 `json:"forbid_consign,omitempty"`

	// Identity is TOP's identity (String).
	Identity string `json:"identity,omitempty"`

	// TeamBuyHold is TOP's team_buy_hold (Number).
	TeamBuyHold Int64 `json:"team_buy_hold,omitempty"`

	// ShareGroupHold is TOP's share_group_hold (Number).
	ShareGroupHold Int64 `json:"share_group_hold,omitempty"`

	// OfpHold is TOP's ofp_hold (Number).
	OfpHold Int64 `json:"ofp_hold,omitempty"`

	// O2OStepTradeDetail is TOP's o2o_step_trade_detail (String).
	O2OStepTradeDetail string `json:"o2o_step_trade_detail,omitempty"`

	// O2OStepOrderID is TOP's o2o_step_order_id (String).
	O2OStepOrderID string `json:"o2o_step_order_id,omitempty"`

	// O2OEtOrderID is TOP's o2o_et_order_id (String).
	O2OEtOrderID string `json:"o2o_et_order_id,omitempty"`

	// O2OVoucherPrice is TOP's o2o_voucher_price (String).
	O2OVoucherPrice string `json:"o2o_voucher_price,omitempty"`

	// OrderTaxPromotionFee is TOP's order_tax_promotion_fee (String).
	OrderTaxPromotionFee string `json:"order_tax_promotion_fee,omitempty"`

	// DelayCreateDelivery is TOP's delay_create_delivery (Number).
	DelayCreateDelivery Int64 `json:"delay_create_delivery,omitempty"`

	// TidStr is TOP's tid_str (String).
	TidStr string `json:"tid_str,omitempty"`

	// Toptype is TOP's toptype (Number).
	Toptype Int64 `json:"toptype,omitempty"`

	// ServiceType is TOP's service_type (String).
	ServiceType string `json:"service_type,omitempty"`

	// O2OServiceMobile is TOP's o2o_service_mobile (String).
	O2OServiceMobile string `json:"o2o_service_mobile,omitempty"`

	// O2OServiceName is TOP's o2o_service_name (String).
	O2OServiceName string `json:"o2o_service_name,omitempty"`

	// O2OServiceState is TOP's o2o_service_state (String).
	O2OServiceState string `json:"o2o_service_state,omitempty"`

	// O2OServiceCity is TOP's o2o_service_city (String).
	O2OServiceCity string `json:"o2o_service_city,omitempty"`

	// O2OServiceDistrict is TOP's o2o_service_district (String).
	O2OServiceDistrict string `json:"o2o_service_district,omitempty"`

	// O2OServiceTown is TOP's o2o_service_town (String).
	O2OServiceTown string `json:"o2o_service_town,omitempty"`

	// O2OServiceAddress is TOP's o2o_service_address (String).
	O2OServiceAddress string `json:"o2o_service_address,omitempty"`

	// O2OStepTradeDetailNew is TOP's o2o_step_trade_detail_new (String).
	O2OStepTradeDetailNew string `json:"o2o_step_trade_detail_new,omitempty"`

	// O2OXiaopiao is TOP's o2o_xiaopiao (String).
	O2OXiaopiao string `json:"o2o_xiaopiao,omitempty"`

	// O2OContract is TOP's o2o_contract (String).
	O2OContract string `json:"o2o_contract,omitempty"`

	// RechargeFee is TOP's recharge_fee (String).
	RechargeFee string `json:"recharge_fee,omitempty"`

	// RetailStoreCode is TOP's retail_store_code (String).
	RetailStoreCode string `json:"retail_store_code,omitempty"`

	// RetailOutOrderID is TOP's retail_out_order_id (String).
	RetailOutOrderID string `json:"retail_out_order_id,omitempty"`

	// PlatformSubsidyFee is TOP's platform_subsidy_fee (String).
	PlatformSubsidyFee Money `json:"platform_subsidy_fee,omitempty"`

	// NrOffline is TOP's nr_offline (String).
	NrOffline string `json:"nr_offline,omitempty"`

	// WttParam is TOP's wtt_param (String).
	WttParam string `json:"wtt_param,omitempty"`

	// LogisticsInfos is TOP's logistics_infos (LogisticsInfo[]).
	LogisticsInfos List[LogisticsInfo] `json:"logistics_infos,omitempty"`

	// SellerNick is TOP's seller_nick (String).
	SellerNick string `json:"seller_nick,omitempty"`

	// BuyerNick is TOP's buyer_nick (String).
	BuyerNick string `json:"buyer_nick,omitempty"`

	// NrStoreOrderID is TOP's nr_store_order_id (String).
	NrStoreOrderID string `json:"nr_store_order_id,omitempty"`

	// NrShopID is TOP's nr_shop_id (String).
	NrShopID string `json:"nr_shop_id,omitempty"`

	// NrShopName is TOP's nr_shop_name (String).
	NrShopName string `json:"nr_shop_name,omitempty"`

	// NrShopGuideID is TOP's nr_shop_guide_id (String).
	NrShopGuideID string `json:"nr_shop_guide_id,omitempty"`

	// NrShopGuideName is TOP's nr_shop_guide_name (String).
	NrShopGuideName string `json:"nr_shop_guide_name,omitempty"`

	// SortInfo is TOP's sort_info (SortInfo).
	SortInfo *SortInfo `json:"sort_info,omitempty"`

	// Sorted is TOP's sorted (Number).
	Sorted Int64 `json:"sorted,omitempty"`

	// NrNoHandle is TOP's nr_no_handle (String).
	NrNoHandle string `json:"nr_no_handle,omitempty"`

	// BizCode is TOP's biz_code (String).
	BizCode string `json:"biz_code,omitempty"`

	// CloudStore is TOP's cloud_store (String).
	CloudStore string `json:"cloud_store,omitempty"`

	// IsGift is TOP's is_gift (Boolean).
	IsGift Bool `json:"is_gift,omitempty"`

	// DoneeNick is TOP's donee_nick (String).
	DoneeNick string `json:"donee_nick,omitempty"`

	// DoneeOpenUID is TOP's donee_open_uid (String).
	DoneeOpenUID string `json:"donee_open_uid,omitempty"`

	// SuningShopCode is TOP's suning_shop_code (String).
	SuningShopCode string `json:"suning_shop_code,omitempty"`

	// SuningShopValid is TOP's suning_shop_valid (Number).
	SuningShopValid Int64 `json:"suning_shop_valid,omitempty"`

	// AllowAppkeys is TOP's allow_appkeys (String).
	AllowAppkeys string `json:"allow_appkeys,omitempty"`

	// NewPresell is TOP's new_presell (Boolean).
	NewPresell Bool `json:"new_presell,omitempty"`

	// YouXiang is TOP's you_xiang (Boolean).
	YouXiang Bool `json:"you_xiang,omitempty"`

	// RetailStoreID is TOP's retail_store_id (String).
	RetailStoreID string `json:"retail_store_id,omitempty"`

	// IsIstore is TOP's is_istore (Boolean).
	IsIstore Bool `json:"is_istore,omitempty"`

	// Ua is TOP's ua (String).
	Ua string `json:"ua,omitempty"`

	// LinkedmallExtInfo is TOP's linkedmall_ext_info (String).
	LinkedmallExtInfo string `json:"linkedmall_ext_info,omitempty"`

	// PayChannel is TOP's pay_channel (String).
	PayChannel string `json:"pay_channel,omitempty"`

	// RtOmniSendType is TOP's rt_omni_send_type (String).
	RtOmniSendType string `json:"rt_omni_send_type,omitempty"`

	// RtOmniStoreID is TOP's rt_omni_store_id (String).
	RtOmniStoreID string `json:"rt_omni_store_id,omitempty"`

	// RtOmniOuterStoreID is TOP's rt_omni_outer_store_id (String).
	RtOmniOuterStoreID string `json:"rt_omni_outer_store_id,omitempty"`

	// TcpsStart is TOP's tcps_start (String).
	TcpsStart string `json:"tcps_start,omitempty"`

	// TcpsCode is TOP's tcps_code (String).
	TcpsCode string `json:"tcps_code,omitempty"`

	// TcpsEnd is TOP's tcps_end (String).
	TcpsEnd string `json:"tcps_end,omitempty"`

	// MTariffFee is TOP's m_tariff_fee (String).
	MTariffFee string `json:"m_tariff_fee,omitempty"`

	// TimingPromise is TOP's timing_promise (String).
	TimingPromise string `json:"timing_promise,omitempty"`

	// PromiseService is TOP's promise_service (String).
	PromiseService string `json:"promise_service,omitempty"`

	// CutoffMinutes is TOP's cutoff_minutes (String).
	CutoffMinutes string `json:"cutoff_minutes,omitempty"`

	// EsTime is TOP's es_time (String).
	EsTime string `json:"es_time,omitempty"`

	// DeliveryTime is TOP's delivery_time (String).
	DeliveryTime string `json:"delivery_time,omitempty"`

	// CollectTime is TOP's collect_time (String).
	CollectTime string `json:"collect_time,omitempty"`

	// DispatchTime is TOP's dispatch_time (String).
	DispatchTime string `json:"dispatch_time,omitempty"`

	// SignTime is TOP's sign_time (String).
	SignTime string `json:"sign_time,omitempty"`

	// OuterPartnerMemberID is TOP's outer_partner_member_id (String).
	OuterPartnerMemberID string `json:"outer_partner_member_id,omitempty"`

	// RootCat is TOP's root_cat (String).
	RootCat string `json:"root_cat,omitempty"`

	// Gifting is TOP's gifting (String).
	Gifting string `json:"gifting,omitempty"`

	// GiftingTakeout is TOP's gifting_takeout (String).
	GiftingTakeout string `json:"gifting_takeout,omitempty"`

	// OiDate is TOP's oi_date (String).
	OiDate string `json:"oi_date,omitempty"`

	// OiRange is TOP's oi_range (String).
	OiRange string `json:"oi_range,omitempty"`

	// HoldInstall is TOP's hold_install (String).
	HoldInstall string `json:"hold_install,omitempty"`

	// AppName is TOP's app_name (String).
	AppName string `json:"app_name,omitempty"`

	// EasyHomeCityType is TOP's easy_home_city_type (String).
	EasyHomeCityType string `json:"easy_home_city_type,omitempty"`

	// NrDepositOrderID is TOP's nr_deposit_order_id (String).
	NrDepositOrderID string `json:"nr_deposit_order_id,omitempty"`

	// NrStoreCode is TOP's nr_store_code (String).
	NrStoreCode string `json:"nr_store_code,omitempty"`

	// Propoint is TOP's propoint (String).
	Propoint string `json:"propoint,omitempty"`

	// ZqsOrderTag is TOP's zqs_order_tag (String).
	ZqsOrderTag string `json:"zqs_order_tag,omitempty"`

	// TxpFreezerID is TOP's txp_freezer_id (String).
	TxpFreezerID string `json:"txp_freezer_id,omitempty"`

	// TxpReceiveMethod is TOP's txp_receive_method (String).
	TxpReceiveMethod string `json:"txp_receive_method,omitempty"`

	// ExpandcardInfo is TOP's expandcard_info (ExpandCardInfo).
	ExpandcardInfo *ExpandCardInfo `json:"expandcard_info,omitempty"`

	// ExtendInfo is TOP's extend_info (String).
	ExtendInfo string `json:"extend_info,omitempty"`

	// Lm is TOP's lm (String).
	Lm string `json:"lm,omitempty"`

	// BrandLightShopSource is TOP's brand_light_shop_source (String).
	BrandLightShopSource string `json:"brand_light_shop_source,omitempty"`

	// BrandLightShopStoreID is TOP's brand_light_shop_store_id (String).
	BrandLightShopStoreID string `json:"brand_light_shop_store_id,omitempty"`

	// IsWmly is TOP's is_wmly (String).
	IsWmly string `json:"is_wmly,omitempty"`

	// OmniPackage is TOP's omni_package (String).
	OmniPackage string `json:"omni_package,omitempty"`

	// NczExtAttr is TOP's ncz_ext_attr (String).
	NczExtAttr string `json:"ncz_ext_attr,omitempty"`

	// InvoiceDetailPay is TOP's invoice_detail_pay (String).
	InvoiceDetailPay string `json:"invoice_detail_pay,omitempty"`

	// InvoiceDetailMidRefund is TOP's invoice_detail_mid_refund (String).
	InvoiceDetailMidRefund string `json:"invoice_detail_mid_refund,omitempty"`

	// InvoiceDetailAfterRefund is TOP's invoice_detail_after_refund (String).
	InvoiceDetailAfterRefund string `json:"invoice_detail_after_refund,omitempty"`

	// ExpandCardBasicPrice is TOP's expand_card_basic_price (String).
	ExpandCardBasicPrice string `json:"expand_card_basic_price,omitempty"`

	// ExpandCardExpandPrice is TOP's expand_card_expand_price (String).
	ExpandCardExpandPrice string `json:"expand_card_expand_price,omitempty"`

	// ExpandCardBasicPriceUsed is TOP's expand_card_basic_price_used (String).
	ExpandCardBasicPriceUsed string `json:"expand_card_basic_price_used,omitempty"`

	// ExpandCardExpandPriceUsed is TOP's expand_card_expand_price_used (String).
	ExpandCardExpandPriceUsed string `json:"expand_card_expand_price_used,omitempty"`

	// DeliveryCps is TOP's delivery_cps (String).
	DeliveryCps string `json:"delivery_cps,omitempty"`

	// AsdpBizType is TOP's asdp_biz_type (String).
	AsdpBizType string `json:"asdp_biz_type,omitempty"`

	// IsOpenmall is TOP's is_openmall (Boolean).
	IsOpenmall Bool `json:"is_openmall,omitempty"`

	// VLogisticsCreate is TOP's v_logistics_create (Boolean).
	VLogisticsCreate Bool `json:"v_logistics_create,omitempty"`

	// QRPay is TOP's q_r_pay (Boolean).
	QRPay Bool `json:"q_r_pay,omitempty"`

	// OrderFollowID is TOP's order_follow_id (String).
	OrderFollowID string `json:"order_follow_id,omitempty"`

	// AsdpAds is TOP's asdp_ads (String).
	AsdpAds string `json:"asdp_ads,omitempty"`

	// ObTag is TOP's ob_tag (String).
	ObTag string `json:"ob_tag,omitempty"`

	// GeneralNewPresell is TOP's general_new_presell (Boolean).
	GeneralNewPresell Bool `json:"general_new_presell,omitempty"`

	// DrugRegister is TOP's drug_register (String).
	DrugRegister string `json:"drug_register,omitempty"`

	// StepPayDetails is TOP's step_pay_details (StepPayDetail[]).
	StepPayDetails List[StepPayDetail] `json:"step_pay_details,omitempty"`

	// AgreeRefundChecks is TOP's agree_refund_checks (AgreeRefundCheck[]).
	AgreeRefundChecks List[AgreeRefundCheck] `json:"agree_refund_checks,omitempty"`

	// AddressDetails is TOP's address_details (AddressDetail[]).
	AddressDetails List[AddressDetail] `json:"address_details,omitempty"`

	// StageAddressType is TOP's stage_address_type (String).
	StageAddressType string `json:"stage_address_type,omitempty"`

	// OgID is TOP's og_id (String).
	OgID string `json:"og_id,omitempty"`

	// PromiseSignTime is TOP's promise_sign_time (String).
	PromiseSignTime string `json:"promise_sign_time,omitempty"`

	// TmallCouponFee is TOP's tmall_coupon_fee (Number).
	TmallCouponFee Int64 `json:"tmall_coupon_fee,omitempty"`

	// DeliveryPlan is TOP's delivery_plan (DeliveryPlan[]).
	DeliveryPlan List[DeliveryPlan] `json:"delivery_plan,omitempty"`

	// OmnichannelParam is TOP's omnichannel_param (String).
	OmnichannelParam string `json:"omnichannel_param,omitempty"`

	// Oaid is TOP's oaid (String).
	Oaid string `json:"oaid,omitempty"`

	// IsCycleBuy is TOP's is_cycle_buy (Boolean).
	IsCycleBuy Bool `json:"is_cycle_buy,omitempty"`

	// ScenarioGroup is TOP's scenario_group (String).
	ScenarioGroup string `json:"scenario_group,omitempty"`

	// PlayType is TOP's play_type (String).
	PlayType string `json:"play_type,omitempty"`

	// IsForceDc is TOP's is_force_dc (Boolean).
	IsForceDc Bool `json:"is_force_dc,omitempty"`

	// CombineLogisticsDetails is TOP's combine_logistics_details
	// (CombineLogisticsDetail[]).
	CombineLogisticsDetails List[CombineLogisticsDetail] `json:"combine_logistics_details,omitempty"`

	// IdentifyInfo is TOP's identify_info (IdentifyInfo).
	IdentifyInfo *IdentifyInfo `json:"identify_info,omitempty"`

	// LogisticsConsignInfo is TOP's logistics_consign_info
	// (LogisticsConsignInfo[]).
	LogisticsConsignInfo List[LogisticsConsignInfo] `json:"logistics_consign_info,omitempty"`

	// LogisticsModifyInfo is TOP's logistics_modify_info (LogisticsModifyInfo[]).
	LogisticsModifyInfo List[LogisticsModifyInfo] `json:"logistics_modify_info,omitempty"`

	// PriorityConsignTime is TOP's priority_consign_time (String).
	PriorityConsignTime string `json:"priority_consign_time,omitempty"`

	// LogisticsAgreement is TOP's logistics_agreement (LogisticsAgreement).
	LogisticsAgreement *LogisticsAgreement `json:"logistics_agreement,omitempty"`

	// RealNameAuthStatus is TOP's real_name_auth_status (String).
	RealNameAuthStatus string `json:"real_name_auth_status,omitempty"`

	// ThirdPartyCustomsDeclaration is TOP's third_party_customs_declaration
	// (String).
	ThirdPartyCustomsDeclaration string `json:"third_party_customs_declaration,omitempty"`

	// ReceiptType is TOP's receipt_type (String).
	ReceiptType string `json:"receipt_type,omitempty"`

	// ReceiptRelIDs is TOP's receipt_rel_ids (String[]).
	ReceiptRelIDs List[string] `json:"receipt_rel_ids,omitempty"`

	// Pmtp is TOP's pmtp (String).
	Pmtp string `json:"pmtp,omitempty"`

	// AsyncModified is TOP's async_modified (Date).
	AsyncModified Time `json:"async_modified,omitzero"`

	// AlipayID is TOP's alipay_id (Number).
	AlipayID Int64 `json:"alipay_id,omitempty"`

	// NutFeature is TOP's nut_feature (String).
	NutFeature string `json:"nut_feature,omitempty"`

	// LgAgingType is TOP's lg_aging_type (String).
	LgAgingType string `json:"lg_aging_type,omitempty"`

	// LgAging is TOP's lg_aging (String).
	LgAging string `json:"lg_aging,omitempty"`

	// HasBuyerMessage is TOP's has_buyer_message (Boolean).
	HasBuyerMessage Bool `json:"has_buyer_message,omitempty"`

	// IsO2OPassport is TOP's is_o2o_passport (Boolean).
	IsO2OPassport Bool `json:"is_o2o_passport,omitempty"`

	// TmallDelivery is TOP's tmall_delivery (Boolean).
	TmallDelivery Bool `json:"tmall_delivery,omitempty"`

	// ThreeplTiming is TOP's threepl_timing (Boolean).
	ThreeplTiming Bool `json:"threepl_timing,omitempty"`

	// CnService is TOP's cn_service (String).
	CnService string `json:"cn_service,omitempty"`

	// NoShipping is TOP's no_shipping (Boolean).
	NoShipping Bool `json:"no_shipping,omitempty"`

	// Aid is TOP's aid (String).
	Aid string `json:"aid,omitempty"`
}

func (Trade) topListKey() string { return "trade" }

// Order is TOP's Order.
type Order struct {
	// Title is TOP's title (String).
	Title string `json:"title,omitempty"`

	// PicPath is TOP's pic_path (String).
	PicPath string `json:"pic_path,omitempty"`

	// Price is TOP's price (String).
	Price Money `json:"price,omitempty"`

	// NumIid is TOP's num_iid (Number).
	NumIid Int64 `json:"num_iid,omitempty"`

	// SkuID is TOP's sku_id (String).
	SkuID string `json:"sku_id,omitempty"`

	// OuterIid is TOP's outer_iid (String).
	OuterIid string `json:"outer_iid,omitempty"`

	// OuterSkuID is TOP's outer_sku_id (String).
	OuterSkuID string `json:"outer_sku_id,omitempty"`

	// RefundStatus is TOP's refund_status (String).
	RefundStatus RefundStatus `json:"refund_status,omitempty"`

	// Status is TOP's status (String).
	Status OrderStatus `json:"status,omitempty"`

	// Oid is TOP's oid (Number).
	Oid Int64 `json:"oid,omitempty"`

	// TotalFee is TOP's total_fee (String).
	TotalFee Money `json:"total_fee,omitempty"`

	// Payment is TOP's payment (String).
	Payment Money `json:"payment,omitempty"`

	// DiscountFee is TOP's discount_fee (String).
	DiscountFee Money `json:"discount_fee,omitempty"`

	// AdjustFee is TOP's adjust_fee (String).
	AdjustFee Money `json:"adjust_fee,omitempty"`

	// DivideOrderFee is TOP's divide_order_fee (String).
	DivideOrderFee Money `json:"divide_order_fee,omitempty"`

	// PartMjzDiscount is TOP's part_mjz_discount (String).
	PartMjzDiscount Money `json:"part_mjz_discount,omitempty"`

	// SkuPropertiesName is TOP's sku_properties_name (String).
	SkuPropertiesName string `json:"sku_properties_name,omitempty"`

	// ItemMealID is TOP's item_meal_id (Number).
	ItemMealID Int64 `json:"item_meal_id,omitempty"`

	// ItemMealName is TOP's item_meal_name (String).
	ItemMealName string `json:"item_meal_name,omitempty"`

	// Num is TOP's num (Number).
	Num Int64 `json:"num,omitempty"`

	// SnapshotURL is TOP's snapshot_url (String).
	SnapshotURL string `json:"snapshot_url,omitempty"`

	// TimeoutActionTime is TOP's timeout_action_time (Date).
	TimeoutActionTime Time `json:"timeout_action_time,omitzero"`

	// ItemMemo is TOP's item_memo (String).
	ItemMemo string `json:"item_memo,omitempty"`

	// BuyerRate is TOP's buyer_rate (Boolean).
	BuyerRate Bool `json:"buyer_rate,omitempty"`

	// SellerRate is TOP's seller_rate (Boolean).
	SellerRate Bool `json:"seller_rate,omitempty"`

	// RefundID is TOP's refund_id (String).
	RefundID string `json:"refund_id,omitempty"`

	// SellerType is TOP's seller_type (String).
	SellerType string `json:"seller_type,omitempty"`

	// Cid is TOP's cid (Number).
	Cid Int64 `json:"cid,omitempty"`

	// IsOversold is TOP's is_oversold (Boolean).
	IsOversold Bool `json:"is_oversold,omitempty"`

	// EndTime is TOP's end_time (Date).
	EndTime Time `json:"end_time,omitzero"`

	// OrderFrom is TOP's order_from (String).
	OrderFrom string `json:"order_from,omitempty"`

	// IsServiceOrder is TOP's is_service_order (Boolean).
	IsServiceOrder Bool `json:"is_service_order,omitempty"`

	// ConsignTime is TOP's consign_time (String).
	ConsignTime Time `json:"consign_time,omitzero"`

	// ShippingType is TOP's shipping_type (String).
	ShippingType ShippingType `json:"shipping_type,omitempty"`

	// LogisticsCompany is TOP's logistics_company (String).
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// InvoiceNo is TOP's invoice_no (String).
	InvoiceNo string `json:"invoice_no,omitempty"`

	// BindOid is TOP's bind_oid (Number).
	BindOid Int64 `json:"bind_oid,omitempty"`

	// IsDaixiao is TOP's is_daixiao (Boolean).
	IsDaixiao Bool `json:"is_daixiao,omitempty"`

	// TicketOuterID is TOP's ticket_outer_id (String).
	TicketOuterID string `json:"ticket_outer_id,omitempty"`

	// TicketExpdateKey is TOP's ticket_expdate_key (String).
	TicketExpdateKey string `json:"ticket_expdate_key,omitempty"`

	// IsWww is TOP's is_www (Boolean).
	IsWww Bool `json:"is_www,omitempty"`

	// StoreCode is TOP's store_code (String).
	StoreCode string `json:"store_code,omitempty"`

	// TmserSpuCode is TOP's tmser_spu_code (String).
	TmserSpuCode string `json:"tmser_spu_code,omitempty"`

	// SubOrderTaxFee is TOP's sub_order_tax_fee (String).
	SubOrderTaxFee string `json:"sub_order_tax_fee,omitempty"`

	// SubOrderTaxRate is TOP's sub_order_tax_rate (String).
	SubOrderTaxRate string `json:"sub_order_tax_rate,omitempty"`

	// EtSerTime is TOP's et_ser_time (String).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is TOP's et_shop_name (String).
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is TOP's et_verified_shop_name (String).
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is TOP's et_plate_number (String).
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// EstimateConTime is TOP's estimate_con_time (String).
	EstimateConTime string `json:"estimate_con_time,omitempty"`

	// BindOids is TOP's bind_oids (String).
	BindOids string `json:"bind_oids,omitempty"`

	// ZhengjiStatus is TOP's zhengji_status (String).
	ZhengjiStatus string `json:"zhengji_status,omitempty"`

	// MdQualification is TOP's md_qualification (String).
	MdQualification string `json:"md_qualification,omitempty"`

	// MdFee is TOP's md_fee (String).
	MdFee string `json:"md_fee,omitempty"`

	// Customization is TOP's customization (String).
	Customization string `json:"customization,omitempty"`

	// InvType is TOP's inv_type (String).
	InvType string `json:"inv_type,omitempty"`

	// IsShShip is TOP's is_sh_ship (Boolean).
	IsShShip Bool `json:"is_sh_ship,omitempty"`

	// Shipper is TOP's shipper (String).
	Shipper string `json:"shipper,omitempty"`

	// FType is TOP's f_type (String).
	FType string `json:"f_type,omitempty"`

	// FStatus is TOP's f_status (String).
	FStatus string `json:"f_status,omitempty"`

	// FTerm is TOP's f_term (String).
	FTerm string `json:"f_term,omitempty"`

	// ComboID is TOP's combo_id (String).
	ComboID string `json:"combo_id,omitempty"`

	// OrderAttr is TOP's order_attr (String).
	OrderAttr string `json:"order_attr,omitempty"`

	// AssemblyRela is TOP's assembly_rela (String).
	AssemblyRela string `json:"assembly_rela,omitempty"`

	// AssemblyPrice is TOP's assembly_price (String).
	AssemblyPrice string `json:"assembly_price,omitempty"`

	// AssemblyItem is TOP's assembly_item (String).
	AssemblyItem string `json:"assembly_item,omitempty"`

	// SubOrderTaxPromotionFee is TOP's sub_order_tax_promotion_fee (String).
	SubOrderTaxPromotionFee string `json:"sub_order_tax_promotion_fee,omitempty"`

	// DownPayment is TOP's down_payment (String).
	DownPayment string `json:"down_payment,omitempty"`

	// DownPaymentRatio is TOP's down_payment_ratio (String).
	DownPaymentRatio string `json:"down_payment_ratio,omitempty"`

	// MonthPayment is TOP's month_payment (String).
	MonthPayment string `json:"month_payment,omitempty"`

	// TailPayment is TOP's tail_payment (String).
	TailPayment string `json:"tail_payment,omitempty"`

	// InstallmentNum is TOP's installment_num (String).
	InstallmentNum string `json:"installment_num,omitempty"`

	// Penalty is TOP's penalty (String).
	Penalty string `json:"penalty,omitempty"`

	// ServiceFee is TOP's service_fee (String).
	ServiceFee string `json:"service_fee,omitempty"`

	// CarTaker is TOP's car_taker (String).
	CarTaker string `json:"car_taker,omitempty"`

	// CarTakerPhone is TOP's car_taker_phone (String).
	CarTakerPhone string `json:"car_taker_phone,omitempty"`

	// CarTakerID is TOP's car_taker_id (String).
	CarTakerID string `json:"car_taker_id,omitempty"`

	// CarStoreCode is TOP's car_store_code (String).
	CarStoreCode string `json:"car_store_code,omitempty"`

	// CarStoreName is TOP's car_store_name (String).
	CarStoreName string `json:"car_store_name,omitempty"`

	// OutUniqueID is TOP's out_unique_id (String).
	OutUniqueID string `json:"out_unique_id,omitempty"`

	// WsBankApplyNo is TOP's ws_bank_apply_no (String).
	WsBankApplyNo string `json:"ws_bank_apply_no,omitempty"`

	// OidStr is TOP's oid_str (String).
	OidStr string `json:"oid_str,omitempty"`

	// FqgNum is TOP's fqg_num (Number).
	FqgNum Int64 `json:"fqg_num,omitempty"`

	// IsFqgSFee is TOP's is_fqg_s_fee (Boolean).
	IsFqgSFee Bool `json:"is_fqg_s_fee,omitempty"`

	// TaxFree is TOP's tax_free (Boolean).
	TaxFree Bool `json:"tax_free,omitempty"`

	// TaxCouponDiscount is TOP's tax_coupon_discount (String).
	TaxCouponDiscount string `json:"tax_coupon_discount,omitempty"`

	// NrReduceInvFail is TOP's nr_reduce_inv_fail (String).
	NrReduceInvFail string `json:"nr_reduce_inv_fail,omitempty"`

	// NrOuterIid is TOP's nr_outer_iid (String).
	NrOuterIid string `json:"nr_outer_iid,omitempty"`

	// BindOidsAllStatus is TOP's bind_oids_all_status (String).
	BindOidsAllStatus string `json:"bind_oids_all_status,omitempty"`

	// SortInfo is TOP's sort_info (SortInfo).
	SortInfo *SortInfo `json:"sort_info,omitempty"`

	// O2OGuideID is TOP's o2o_guide_id (String).
	O2OGuideID string `json:"o2o_guide_id,omitempty"`

	// O2OGuideName is TOP's o2o_guide_name (String).
	O2OGuideName string `json:"o2o_guide_name,omitempty"`

	// O2OShopID is TOP's o2o_shop_id (String).
	O2OShopID string `json:"o2o_shop_id,omitempty"`

	// O2OShopName is TOP's o2o_shop_name (String).
	O2OShopName string `json:"o2o_shop_name,omitempty"`

	// BizCode is TOP's biz_code (String).
	BizCode string `json:"biz_code,omitempty"`

	// CloudStore is TOP's cloud_store (String).
	CloudStore string `json:"cloud_store,omitempty"`

	// HjSettleNoCommission is TOP's hj_settle_no_commission (String).
	HjSettleNoCommission string `json:"hj_settle_no_commission,omitempty"`

	// OrderTaking is TOP's order_taking (String).
	OrderTaking string `json:"order_taking,omitempty"`

	// CloudStoreToken is TOP's cloud_store_token (String).
	CloudStoreToken string `json:"cloud_store_token,omitempty"`

	// CloudStoreBindPos is TOP's cloud_store_bind_pos (String).
	CloudStoreBindPos string `json:"cloud_store_bind_pos,omitempty"`

	// RetailStoreID is TOP's retail_store_id (String).
	RetailStoreID string `json:"retail_store_id,omitempty"`

	// OutItemID is TOP's out_item_id (String).
	OutItemID string `json:"out_item_id,omitempty"`

	// RtOmniOuterScID is TOP's rt_omni_outer_sc_id (String).
	RtOmniOuterScID string `json:"rt_omni_outer_sc_id,omitempty"`

	// RtOmniScID is TOP's rt_omni_sc_id (String).
	RtOmniScID string `json:"rt_omni_sc_id,omitempty"`

	// ModifyAddress is TOP's modify_address (String).
	ModifyAddress string `json:"modify_address,omitempty"`

	// TiModifyAddressTime is TOP's ti_modify_address_time (String).
	TiModifyAddressTime string `json:"ti_modify_address_time,omitempty"`

	// CreditBuy is TOP's credit_buy (String).
	CreditBuy string `json:"credit_buy,omitempty"`

	// STariffFee is TOP's s_tariff_fee (String).
	STariffFee string `json:"s_tariff_fee,omitempty"`

	// TimingPromise is TOP's timing_promise (String).
	TimingPromise string `json:"timing_promise,omitempty"`

	// PromiseService is TOP's promise_service (String).
	PromiseService string `json:"promise_service,omitempty"`

	// EsDate is TOP's es_date (String).
	EsDate string `json:"es_date,omitempty"`

	// EsRange is TOP's es_range (String).
	EsRange string `json:"es_range,omitempty"`

	// OsDate is TOP's os_date (String).
	OsDate string `json:"os_date,omitempty"`

	// OsRange is TOP's os_range (String).
	OsRange string `json:"os_range,omitempty"`

	// CutoffMinutes is TOP's cutoff_minutes (String).
	CutoffMinutes string `json:"cutoff_minutes,omitempty"`

	// EsTime is TOP's es_time (String).
	EsTime string `json:"es_time,omitempty"`

	// DeliveryTime is TOP's delivery_time (String).
	DeliveryTime string `json:"delivery_time,omitempty"`

	// CollectTime is TOP's collect_time (String).
	CollectTime string `json:"collect_time,omitempty"`

	// DispatchTime is TOP's dispatch_time (String).
	DispatchTime string `json:"dispatch_time,omitempty"`

	// SignTime is TOP's sign_time (String).
	SignTime string `json:"sign_time,omitempty"`

	// PromiseEndTime is TOP's promise_end_time (String).
	PromiseEndTime string `json:"promise_end_time,omitempty"`

	// OsActivityID is TOP's os_activity_id (String).
	OsActivityID string `json:"os_activity_id,omitempty"`

	// OsFgItemID is TOP's os_fg_item_id (String).
	OsFgItemID string `json:"os_fg_item_id,omitempty"`

	// OsGiftCount is TOP's os_gift_count (String).
	OsGiftCount string `json:"os_gift_count,omitempty"`

	// OsSortNum is TOP's os_sort_num (String).
	OsSortNum string `json:"os_sort_num,omitempty"`

	// Propoint is TOP's propoint (String).
	Propoint string `json:"propoint,omitempty"`

	// IsKaola is TOP's is_kaola (Boolean).
	IsKaola Bool `json:"is_kaola,omitempty"`

	// SpecialRefundType is TOP's special_refund_type (String).
	SpecialRefundType string `json:"special_refund_type,omitempty"`

	// ExtendInfo is TOP's extend_info (String).
	ExtendInfo string `json:"extend_info,omitempty"`

	// IsDevalueFee is TOP's is_devalue_fee (Boolean).
	IsDevalueFee Bool `json:"is_devalue_fee,omitempty"`

	// BrandLightShopStoreID is TOP's brand_light_shop_store_id (String).
	BrandLightShopStoreID string `json:"brand_light_shop_store_id,omitempty"`

	// BrandLightShopSource is TOP's brand_light_shop_source (String).
	BrandLightShopSource string `json:"brand_light_shop_source,omitempty"`

	// ServiceOrderType is TOP's service_order_type (String).
	ServiceOrderType string `json:"service_order_type,omitempty"`

	// ServiceOuterID is TOP's service_outer_id (String).
	ServiceOuterID string `json:"service_outer_id,omitempty"`

	// ExpandCardExpandPriceUsedSuborder is TOP's
	// expand_card_expand_price_used_suborder (String).
	ExpandCardExpandPriceUsedSuborder Money `json:"expand_card_expand_price_used_suborder,omitempty"`

	// ExpandCardBasicPriceUsedSuborder is TOP's
	// expand_card_basic_price_used_suborder (String).
	ExpandCardBasicPriceUsedSuborder Money `json:"expand_card_basic_price_used_suborder,omitempty"`

	// Lijian is TOP's lijian (String).
	Lijian string `json:"lijian,omitempty"`

	// AutoFlow is TOP's auto_flow (String).
	AutoFlow string `json:"auto_flow,omitempty"`

	// TradeFulfillmentType is TOP's trade_fulfillment_type (Number).
	TradeFulfillmentType Int64 `json:"trade_fulfillment_type,omitempty"`

	// DistributeStatus is TOP's distribute_status (String).
	DistributeStatus string `json:"distribute_status,omitempty"`

	// IsIdle is TOP's is_idle (String).
	IsIdle string `json:"is_idle,omitempty"`

	// GiftMids is TOP's gift_mids (String).
	GiftMids string `json:"gift_mids,omitempty"`

	// IsFreeGift is TOP's is_free_gift (Boolean).
	IsFreeGift Bool `json:"is_free_gift,omitempty"`

	// HasGift is TOP's has_gift (Boolean).
	HasGift Bool `json:"has_gift,omitempty"`

	// PromiseCollectTime is TOP's promise_collect_time (String).
	PromiseCollectTime string `json:"promise_collect_time,omitempty"`

	// IsForceDc is TOP's is_force_dc (Boolean).
	IsForceDc Bool `json:"is_force_dc,omitempty"`

	// B2BDaixiao is TOP's b2b_daixiao (String).
	B2BDaixiao string `json:"b2b_daixiao,omitempty"`

	// ShipInfo is TOP's ship_info (ShipInfo[]).
	ShipInfo List[ShipInfo] `json:"ship_info,omitempty"`

	// CombineItemInfo is TOP's combine_item_info (CombineSubItemDO[]).
	CombineItemInfo List[CombineSubItem] `json:"combine_item_info,omitempty"`

	// NeedReturn is TOP's need_return (Boolean).
	NeedReturn Bool `json:"need_return,omitempty"`

	// BundleID is TOP's bundle_id (String).
	BundleID string `json:"bundle_id,omitempty"`

	// BundleOutName is TOP's bundle_out_name (String).
	BundleOutName string `json:"bundle_out_name,omitempty"`

	// BundleType is TOP's bundle_type (Number).
	BundleType Int64 `json:"bundle_type,omitempty"`

	// OneYuanReservationOrders is TOP's one_yuan_reservation_orders (String).
	OneYuanReservationOrders string `json:"one_yuan_reservation_orders,omitempty"`

	// IsJzfx is TOP's is_jzfx (Boolean).
	IsJzfx Bool `json:"is_jzfx,omitempty"`

	// JewccNo is TOP's jewcc_no (String).
	JewccNo string `json:"jewcc_no,omitempty"`

	// ShpInfo is TOP's shp_info (ShipInfo[]).
	ShpInfo List[ShipInfo] `json:"shp_info,omitempty"`
}

func (Order) topListKey() string { return "order" }

// SortInfo is TOP's SortInfo.
type SortInfo struct {
	// DaySortVal is TOP's day_sort_val (Number).
	DaySortVal Int64 `json:"day_sort_val,omitempty"`

	// HourSortVal is TOP's hour_sort_val (Number).
	HourSortVal Int64 `json:"hour_sort_val,omitempty"`
}

// ShipInfo is TOP's ShipInfo.
type ShipInfo struct {
	// TransportType is TOP's transport_type (String).
	TransportType string `json:"transport_type,omitempty"`
}

func (ShipInfo) topListKey() string { return "ship_info" }

// CombineSubItem is TOP's CombineSubItemDO.
type CombineSubItem struct {
	// ItemID is TOP's item_id (Number).
	ItemID Int64 `json:"item_id,omitempty"`

	// SkuID is TOP's sku_id (Number).
	SkuID Int64 `json:"sku_id,omitempty"`

	// Quantity is TOP's quantity (Number).
	Quantity Int64 `json:"quantity,omitempty"`

	// ItemName is TOP's item_name (String).
	ItemName string `json:"item_name,omitempty"`

	// OuterIid is TOP's outer_iid (String).
	OuterIid string `json:"outer_iid,omitempty"`

	// SkuTitle is TOP's sku_title (String).
	SkuTitle string `json:"sku_title,omitempty"`

	// OriginFee is TOP's origin_fee (Number).
	OriginFee Int64 `json:"origin_fee,omitempty"`

	// CombineSubItemFee is TOP's combine_sub_item_fee (Number).
	CombineSubItemFee Int64 `json:"combine_sub_item_fee,omitempty"`

	// Ismain is TOP's ismain (Boolean).
	Ismain Bool `json:"ismain,omitempty"`

	// EstconTime is TOP's estcon_time (String).
	EstconTime string `json:"estcon_time,omitempty"`

	// OuterSkuID is TOP's outer_sku_id (String).
	OuterSkuID string `json:"outer_sku_id,omitempty"`

	// EduOriginalFee is TOP's edu_original_fee (Number).
	EduOriginalFee Int64 `json:"edu_original_fee,omitempty"`
}

func (CombineSubItem) topListKey() string { return "combine_sub_item_do" }

// PromotionDetail is TOP's PromotionDetail.
type PromotionDetail struct {
	// ID is TOP's id (Number).
	ID Int64 `json:"id,omitempty"`

	// PromotionName is TOP's promotion_name (String).
	PromotionName string `json:"promotion_name,omitempty"`

	// DiscountFee is TOP's discount_fee (String).
	DiscountFee Money `json:"discount_fee,omitempty"`

	// GiftItemName is TOP's gift_item_name (String).
	GiftItemName string `json:"gift_item_name,omitempty"`

	// GiftItemID is TOP's gift_item_id (String).
	GiftItemID string `json:"gift_item_id,omitempty"`

	// GiftItemNum is TOP's gift_item_num (String).
	GiftItemNum string `json:"gift_item_num,omitempty"`

	// PromotionDesc is TOP's promotion_desc (String).
	PromotionDesc string `json:"promotion_desc,omitempty"`

	// PromotionID is TOP's promotion_id (String).
	PromotionID string `json:"promotion_id,omitempty"`

	// KdDiscountFee is TOP's kd_discount_fee (String).
	KdDiscountFee Money `json:"kd_discount_fee,omitempty"`

	// KdChildDiscountFee is TOP's kd_child_discount_fee (String).
	KdChildDiscountFee string `json:"kd_child_discount_fee,omitempty"`
}

func (PromotionDetail) topListKey() string { return "promotion_detail" }

// LogisticsTag is TOP's LogisticsTag.
type LogisticsTag struct {
	// OrderID is TOP's order_id (String).
	OrderID string `json:"order_id,omitempty"`

	// LogisticServiceTagList is TOP's logistic_service_tag_list
	// (LogisticServiceTag[]).
	LogisticServiceTagList List[LogisticServiceTag] `json:"logistic_service_tag_list,omitempty"`
}

func (LogisticsTag) topListKey() string { return "logistics_tag" }

// LogisticServiceTag is TOP's LogisticServiceTag.
type LogisticServiceTag struct {
	// ServiceTag is TOP's service_tag (String).
	ServiceTag string `json:"service_tag,omitempty"`

	// ServiceType is TOP's service_type (String).
	ServiceType string `json:"service_type,omitempty"`
}

func (LogisticServiceTag) topListKey() string { return "logistic_service_tag" }

// ServiceOrder is TOP's ServiceOrder.
type ServiceOrder struct {
	// Oid is TOP's oid (Number).
	Oid Int64 `json:"oid,omitempty"`

	// ItemOid is TOP's item_oid (Number).
	ItemOid Int64 `json:"item_oid,omitempty"`

	// ServiceID is TOP's service_id (Number).
	ServiceID Int64 `json:"service_id,omitempty"`

	// ServiceDetailURL is TOP's service_detail_url (String).
	ServiceDetailURL string `json:"service_detail_url,omitempty"`

	// Num is TOP's num (Number).
	Num Int64 `json:"num,omitempty"`

	// Price is TOP's price (String).
	Price Money `json:"price,omitempty"`

	// Payment is TOP's payment (String).
	Payment Money `json:"payment,omitempty"`

	// Title is TOP's title (String).
	Title string `json:"title,omitempty"`

	// TotalFee is TOP's total_fee (String).
	TotalFee Money `json:"total_fee,omitempty"`

	// BuyerNick is TOP's buyer_nick (String).
	BuyerNick string `json:"buyer_nick,omitempty"`

	// RefundID is TOP's refund_id (String).
	RefundID string `json:"refund_id,omitempty"`

	// SellerNick is TOP's seller_nick (String).
	SellerNick string `json:"seller_nick,omitempty"`

	// PicPath is TOP's pic_path (String).
	PicPath string `json:"pic_path,omitempty"`

	// TmserSpuCode is TOP's tmser_spu_code (String).
	TmserSpuCode string `json:"tmser_spu_code,omitempty"`

	// EtSerTime is TOP's et_ser_time (String).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is TOP's et_shop_name (String).
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is TOP's et_verified_shop_name (String).
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is TOP's et_plate_number (String).
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// OidStr is TOP's oid_str (String).
	OidStr string `json:"oid_str,omitempty"`

	// AppleCareEmail is TOP's apple_care_email (String).
	AppleCareEmail string `json:"apple_care_email,omitempty"`

	// AppleCareMpn is TOP's apple_care_mpn (String).
	AppleCareMpn string `json:"apple_care_mpn,omitempty"`

	// ServiceOuterID is TOP's service_outer_id (String).
	ServiceOuterID string `json:"service_outer_id,omitempty"`

	// ServiceOrderType is TOP's service_order_type (String).
	ServiceOrderType string `json:"service_order_type,omitempty"`

	// ExtServiceBizID is TOP's ext_service_biz_id (String).
	ExtServiceBizID string `json:"ext_service_biz_id,omitempty"`

	// CombineSubItemID is TOP's combine_sub_item_id (Number).
	CombineSubItemID Int64 `json:"combine_sub_item_id,omitempty"`

	// CombineSubItemSkuID is TOP's combine_sub_item_sku_id (Number).
	CombineSubItemSkuID Int64 `json:"combine_sub_item_sku_id,omitempty"`

	// CommAmountUnit is TOP's comm_amount_unit (String).
	CommAmountUnit string `json:"comm_amount_unit,omitempty"`
}

func (ServiceOrder) topListKey() string { return "service_order" }

// TradeExt is TOP's TradeExt.
type TradeExt struct {
	// BeforeEnableFlag is TOP's before_enable_flag (Number).
	BeforeEnableFlag Int64 `json:"before_enable_flag,omitempty"`

	// BeforeCloseFlag is TOP's before_close_flag (Number).
	BeforeCloseFlag Int64 `json:"before_close_flag,omitempty"`

	// BeforePayFlag is TOP's before_pay_flag (Number).
	BeforePayFlag Int64 `json:"before_pay_flag,omitempty"`

	// BeforeShipFlag is TOP's before_ship_flag (Number).
	BeforeShipFlag Int64 `json:"before_ship_flag,omitempty"`

	// BeforeConfirmFlag is TOP's before_confirm_flag (Number).
	BeforeConfirmFlag Int64 `json:"before_confirm_flag,omitempty"`

	// BeforeRateFlag is TOP's before_rate_flag (Number).
	BeforeRateFlag Int64 `json:"before_rate_flag,omitempty"`

	// BeforeRefundFlag is TOP's before_refund_flag (Number).
	BeforeRefundFlag Int64 `json:"before_refund_flag,omitempty"`

	// BeforeModifyFlag is TOP's before_modify_flag (Number).
	BeforeModifyFlag Int64 `json:"before_modify_flag,omitempty"`

	// ThirdPartyStatus is TOP's third_party_status (Number).
	ThirdPartyStatus Int64 `json:"third_party_status,omitempty"`

	// ExtraData is TOP's extra_data (String).
	ExtraData string `json:"extra_data,omitempty"`

	// ExtAttributes is TOP's ext_attributes (String).
	ExtAttributes string `json:"ext_attributes,omitempty"`
}

// LogisticsInfo is TOP's LogisticsInfo.
type LogisticsInfo struct {
	// TradeID is TOP's trade_id (Number).
	TradeID Int64 `json:"trade_id,omitempty"`

	// SubTradeID is TOP's sub_trade_id (Number).
	SubTradeID Int64 `json:"sub_trade_id,omitempty"`

	// ItemID is TOP's item_id (String).
	ItemID string `json:"item_id,omitempty"`

	// ItemCode is TOP's item_code (String).
	ItemCode string `json:"item_code,omitempty"`

	// NeedConsignNum is TOP's need_consign_num (Number).
	NeedConsignNum Int64 `json:"need_consign_num,omitempty"`

	// StoreCode is TOP's store_code (String).
	StoreCode string `json:"store_code,omitempty"`

	// Type is TOP's type (String).
	Type string `json:"type,omitempty"`

	// SkuID is TOP's sku_id (String).
	SkuID string `json:"sku_id,omitempty"`

	// NumIid is TOP's num_iid (Number).
	NumIid Int64 `json:"num_iid,omitempty"`

	// ConsignType is TOP's consign_type (String).
	ConsignType string `json:"consign_type,omitempty"`

	// CombineItemID is TOP's combine_item_id (String).
	CombineItemID string `json:"combine_item_id,omitempty"`

	// CombineItemCode is TOP's combine_item_code (String).
	CombineItemCode string `json:"combine_item_code,omitempty"`

	// ItemRatio is TOP's item_ratio (Number).
	ItemRatio Int64 `json:"item_ratio,omitempty"`

	// BarCode is TOP's bar_code (String).
	BarCode string `json:"bar_code,omitempty"`

	// DeliveryCps is TOP's delivery_cps (String).
	DeliveryCps string `json:"delivery_cps,omitempty"`

	// BizDeliveryCode is TOP's biz_delivery_code (String).
	BizDeliveryCode string `json:"biz_delivery_code,omitempty"`

	// BizStoreCode is TOP's biz_store_code (String).
	BizStoreCode string `json:"biz_store_code,omitempty"`

	// BizSdType is TOP's biz_sd_type (String).
	BizSdType string `json:"biz_sd_type,omitempty"`

	// SendCountry is TOP's send_country (String).
	SendCountry string `json:"send_country,omitempty"`

	// SendState is TOP's send_state (String).
	SendState string `json:"send_state,omitempty"`

	// SendCity is TOP's send_city (String).
	SendCity string `json:"send_city,omitempty"`

	// SendDistrict is TOP's send_district (String).
	SendDistrict string `json:"send_district,omitempty"`

	// SendTown is TOP's send_town (String).
	SendTown string `json:"send_town,omitempty"`

	// SendDivisionCode is TOP's send_division_code (String).
	SendDivisionCode string `json:"send_division_code,omitempty"`

	// BlackDeliveryCps is TOP's black_delivery_cps (String).
	BlackDeliveryCps string `json:"black_delivery_cps,omitempty"`

	// WhiteDeliveryCps is TOP's white_delivery_cps (String).
	WhiteDeliveryCps string `json:"white_delivery_cps,omitempty"`

	// BizDeliveryType is TOP's biz_delivery_type (Number).
	BizDeliveryType Int64 `json:"biz_delivery_type,omitempty"`

	// UnusedWarehouseErrorMsg is TOP's unused_warehouse_error_msg (String).
	UnusedWarehouseErrorMsg string `json:"unused_warehouse_error_msg,omitempty"`

	// UnusedDeliveryErrorMsg is TOP's unused_delivery_error_msg (String).
	UnusedDeliveryErrorMsg string `json:"unused_delivery_error_msg,omitempty"`

	// UsedBlackDeliveryErrorMsg is TOP's used_black_delivery_error_msg (String).
	UsedBlackDeliveryErrorMsg string `json:"used_black_delivery_error_msg,omitempty"`

	// PromiseOutboundTime is TOP's promise_outbound_time (String).
	PromiseOutboundTime string `json:"promise_outbound_time,omitempty"`

	// PromiseCollectTime is TOP's promise_collect_time (String).
	PromiseCollectTime string `json:"promise_collect_time,omitempty"`
}

func (LogisticsInfo) topListKey() string { return "logistics_info" }

// ExpandCardInfo is TOP's ExpandCardInfo.
type ExpandCardInfo struct {
	// BasicPrice is TOP's basic_price (String).
	BasicPrice string `json:"basic_price,omitempty"`

	// ExpandPrice is TOP's expand_price (String).
	ExpandPrice string `json:"expand_price,omitempty"`

	// BasicPriceUsed is TOP's basic_price_used (String).
	BasicPriceUsed string `json:"basic_price_used,omitempty"`

	// ExpandPriceUsed is TOP's expand_price_used (String).
	ExpandPriceUsed string `json:"expand_price_used,omitempty"`
}

// StepPayDetail is TOP's StepPayDetail.
type StepPayDetail struct {
	// ID is TOP's id (Number).
	ID Int64 `json:"id,omitempty"`

	// PayStatus is TOP's pay_status (Number).
	PayStatus Int64 `json:"pay_status,omitempty"`

	// StepNo is TOP's step_no (Number).
	StepNo Int64 `json:"step_no,omitempty"`

	// StepChannelNo is TOP's step_channel_no (String).
	StepChannelNo string `json:"step_channel_no,omitempty"`

	// StepInstrumentCode is TOP's step_instrument_code (String).
	StepInstrumentCode string `json:"step_instrument_code,omitempty"`

	// StepActualPayFee is TOP's step_actual_pay_fee (String).
	StepActualPayFee string `json:"step_actual_pay_fee,omitempty"`
}

func (StepPayDetail) topListKey() string { return "step_pay_detail" }

// AgreeRefundCheck is TOP's AgreeRefundCheck.
type AgreeRefundCheck struct {
	// DeliveryTips is TOP's delivery_tips (String).
	DeliveryTips string `json:"delivery_tips,omitempty"`

	// DeliveryProcess is TOP's delivery_process (String).
	DeliveryProcess string `json:"delivery_process,omitempty"`

	// DetailOrderID is TOP's detail_order_id (String).
	DetailOrderID string `json:"detail_order_id,omitempty"`
}

func (AgreeRefundCheck) topListKey() string { return "agree_refund_check" }

// AddressDetail is TOP's AddressDetail.
type AddressDetail struct {
	// DetailedAddress is TOP's detailed_address (String).
	DetailedAddress string `json:"detailed_address,omitempty"`

	// DivisionCode is TOP's division_code (String).
	DivisionCode string `json:"division_code,omitempty"`

	// Area is TOP's area (String).
	Area string `json:"area,omitempty"`

	// Telephone is TOP's telephone (String).
	Telephone string `json:"telephone,omitempty"`

	// City is TOP's city (String).
	City string `json:"city,omitempty"`

	// Prov is TOP's prov (String).
	Prov string `json:"prov,omitempty"`

	// Country is TOP's country (String).
	Country string `json:"country,omitempty"`

	// ContactName is TOP's contact_name (String).
	ContactName string `json:"contact_name,omitempty"`

	// BizType is TOP's biz_type (String).
	BizType string `json:"biz_type,omitempty"`
}

func (AddressDetail) topListKey() string { return "address_detail" }

// DeliveryPlan is TOP's DeliveryPlan.
type DeliveryPlan struct {
	// PlanID is TOP's plan_id (Number).
	PlanID Int64 `json:"plan_id,omitempty"`

	// OrderID is TOP's order_id (Number).
	OrderID Int64 `json:"order_id,omitempty"`

	// CurrPhase is TOP's curr_phase (Number).
	CurrPhase Int64 `json:"curr_phase,omitempty"`

	// OutLogisticsID is TOP's out_logistics_id (String).
	OutLogisticsID string `json:"out_logistics_id,omitempty"`

	// PrepareTimeBegin is TOP's prepare_time_begin (Date).
	PrepareTimeBegin Time `json:"prepare_time_begin,omitzero"`

	// ShipTimeBegin is TOP's ship_time_begin (Date).
	ShipTimeBegin Time `json:"ship_time_begin,omitzero"`

	// ActualShipTime is TOP's actual_ship_time (Date).
	ActualShipTime Time `json:"actual_ship_time,omitzero"`

	// GoodsNum is TOP's goods_num (Number).
	GoodsNum Int64 `json:"goods_num,omitempty"`

	// PlanStatus is TOP's plan_status (Number).
	PlanStatus Int64 `json:"plan_status,omitempty"`

	// PlanRefundStatus is TOP's plan_refund_status (Number).
	PlanRefundStatus Int64 `json:"plan_refund_status,omitempty"`

	// ReceiverName is TOP's receiver_name (String).
	ReceiverName string `json:"receiver_name,omitempty"`

	// ReceiverMobile is TOP's receiver_mobile (String).
	ReceiverMobile string `json:"receiver_mobile,omitempty"`

	// ReceiverPhone is TOP's receiver_phone (String).
	ReceiverPhone string `json:"receiver_phone,omitempty"`

	// ReceiverAddress is TOP's receiver_address (String).
	ReceiverAddress string `json:"receiver_address,omitempty"`

	// Oaid is TOP's oaid (String).
	Oaid string `json:"oaid,omitempty"`

	// PrivacyNum is TOP's privacy_num (String).
	PrivacyNum string `json:"privacy_num,omitempty"`

	// PrivacyExpireTime is TOP's privacy_expire_time (Date).
	PrivacyExpireTime Time `json:"privacy_expire_time,omitzero"`

	// ReceiverTown is TOP's receiver_town (String).
	ReceiverTown string `json:"receiver_town,omitempty"`

	// ReceiverDistrict is TOP's receiver_district (String).
	ReceiverDistrict string `json:"receiver_district,omitempty"`

	// ReceiverCity is TOP's receiver_city (String).
	ReceiverCity string `json:"receiver_city,omitempty"`

	// ReceiverState is TOP's receiver_state (String).
	ReceiverState string `json:"receiver_state,omitempty"`

	// ReceiverCountry is TOP's receiver_country (String).
	ReceiverCountry string `json:"receiver_country,omitempty"`
}

func (DeliveryPlan) topListKey() string { return "delivery_plan" }

// CombineLogisticsDetail is TOP's CombineLogisticsDetail.
type CombineLogisticsDetail struct {
	// InvoiceNo is TOP's invoice_no (String).
	InvoiceNo string `json:"invoice_no,omitempty"`

	// LogisticsCompany is TOP's logistics_company (String).
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// SubOrderID is TOP's sub_order_id (String).
	SubOrderID string `json:"sub_order_id,omitempty"`

	// SendGoodsDetails is TOP's send_goods_details (SendGoodsDetail[]).
	SendGoodsDetails List[SendGoodsDetail] `json:"send_goods_details,omitempty"`
}

func (CombineLogisticsDetail) topListKey() string { return "combine_logistics_detail" }

// SendGoodsDetail is TOP's SendGoodsDetail.
type SendGoodsDetail struct {
	// Type is TOP's type (Number).
	Type Int64 `json:"type,omitempty"`

	// ConsignStatus is TOP's consign_status (Number).
	ConsignStatus Int64 `json:"consign_status,omitempty"`

	// Amount is TOP's amount (Number).
	Amount Int64 `json:"amount,omitempty"`

	// GoodsDetails is TOP's goods_details (PackageGoodsDetail[]).
	GoodsDetails List[PackageGoodsDetail] `json:"goods_details,omitempty"`
}

func (SendGoodsDetail) topListKey() string { return "send_goods_detail" }

// PackageGoodsDetail is TOP's PackageGoodsDetail.
type PackageGoodsDetail map[string]json.RawMessage

func (PackageGoodsDetail) topListKey() string { return "package_goods_detail" }

// IdentifyInfo is TOP's IdentifyInfo.
type IdentifyInfo struct {
	// IdentifyLogisticsInfos is TOP's identify_logistics_infos
	// (IdentifyLogisticsInfo[]).
	IdentifyLogisticsInfos List[IdentifyLogisticsInfo] `json:"identify_logistics_infos,omitempty"`

	// IdentifyServiceInfos is TOP's identify_service_infos
	// (IdentifyServiceInfo[]).
	IdentifyServiceInfos List[IdentifyServiceInfo] `json:"identify_service_infos,omitempty"`
}

// IdentifyLogisticsInfo is TOP's IdentifyLogisticsInfo.
type IdentifyLogisticsInfo struct {
	// DetailOrderID is TOP's detail_order_id (Number).
	DetailOrderID Int64 `json:"detail_order_id,omitempty"`

	// LogisticsCompany is TOP's logistics_company (String).
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// StageNo is TOP's stage_no (Number).
	StageNo Int64 `json:"stage_no,omitempty"`

	// InvoiceNo is TOP's invoice_no (String).
	InvoiceNo string `json:"invoice_no,omitempty"`

	// RefundID is TOP's refund_id (String).
	RefundID string `json:"refund_id,omitempty"`

	// Refund is TOP's refund (Boolean).
	Refund Bool `json:"refund,omitempty"`
}

func (IdentifyLogisticsInfo) topListKey() string { return "identify_logistics_info" }

// IdentifyServiceInfo is TOP's IdentifyServiceInfo.
type IdentifyServiceInfo struct {
	// DetailOrderID is TOP's detail_order_id (Number).
	DetailOrderID Int64 `json:"detail_order_id,omitempty"`

	// UnitID is TOP's unit_id (String).
	UnitID string `json:"unit_id,omitempty"`

	// ServiceID is TOP's service_id (String).
	ServiceID string `json:"service_id,omitempty"`
}

func (IdentifyServiceInfo) topListKey() string { return "identify_service_info" }

// LogisticsConsignInfo is TOP's LogisticsConsignInfo.
type LogisticsConsignInfo struct {
	// RelatedID is TOP's related_id (String).
	RelatedID string `json:"related_id,omitempty"`

	// ConsignTime is TOP's consign_time (String).
	ConsignTime string `json:"consign_time,omitempty"`

	// RenderConsignTime is TOP's render_consign_time (String).
	RenderConsignTime string `json:"render_consign_time,omitempty"`

	// CombineItem is TOP's combine_item (CombineConsignInfo[]).
	CombineItem List[CombineConsignInfo] `json:"combine_item,omitempty"`
}

func (LogisticsConsignInfo) topListKey() string { return "logistics_consign_info" }

// CombineConsignInfo is TOP's CombineConsignInfo.
type CombineConsignInfo struct {
	// CombID is TOP's comb_id (String).
	CombID string `json:"comb_id,omitempty"`

	// ItemID is TOP's item_id (String).
	ItemID string `json:"item_id,omitempty"`

	// SkuID is TOP's sku_id (String).
	SkuID string `json:"sku_id,omitempty"`

	// ConsignTime is TOP's consign_time (String).
	ConsignTime string `json:"consign_time,omitempty"`

	// RenderConsignTime is TOP's render_consign_time (String).
	RenderConsignTime string `json:"render_consign_time,omitempty"`
}

func (CombineConsignInfo) topListKey() string { return "combine_consign_info" }

// LogisticsModifyInfo is TOP's LogisticsModifyInfo.
type LogisticsModifyInfo struct {
	// RelatedID is TOP's related_id (String).
	RelatedID string `json:"related_id,omitempty"`

	// ConsignTime is TOP's consign_time (String).
	ConsignTime string `json:"consign_time,omitempty"`

	// OriginConsignTime is TOP's origin_consign_time (String).
	OriginConsignTime string `json:"origin_consign_time,omitempty"`

	// ModifyTime is TOP's modify_time (String).
	ModifyTime string `json:"modify_time,omitempty"`

	// ModifyReason is TOP's modify_reason (String).
	ModifyReason string `json:"modify_reason,omitempty"`

	// ItemID is TOP's item_id (String).
	ItemID string `json:"item_id,omitempty"`

	// SkuID is TOP's sku_id (String).
	SkuID string `json:"sku_id,omitempty"`

	// CombID is TOP's comb_id (String).
	CombID string `json:"comb_id,omitempty"`
}

func (LogisticsModifyInfo) topListKey() string { return "logistics_modify_info" }

// LogisticsAgreement is TOP's LogisticsAgreement.
type LogisticsAgreement struct {
	// LogisticsServiceMsg is TOP's logistics_service_msg (String).
	LogisticsServiceMsg string `json:"logistics_service_msg,omitempty"`

	// AsdpBizType is TOP's asdp_biz_type (String).
	AsdpBizType string `json:"asdp_biz_type,omitempty"`

	// AsdpAds is TOP's asdp_ads (String).
	AsdpAds string `json:"asdp_ads,omitempty"`

	// SignTime is TOP's sign_time (String).
	SignTime string `json:"sign_time,omitempty"`

	// PromiseSignTime is TOP's promise_sign_time (String).
	PromiseSignTime string `json:"promise_sign_time,omitempty"`

	// PushTime is TOP's push_time (String).
	PushTime string `json:"push_time,omitempty"`

	// NoDetailPartConsign is TOP's no_detail_part_consign (String).
	NoDetailPartConsign string `json:"no_detail_part_consign,omitempty"`

	// SinkType is TOP's sink_type (String).
	SinkType string `json:"sink_type,omitempty"`
}

func (v *Trade) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "buyer_open_uid":
			fastString(s, &v.BuyerOpenUID)
		case "title":
			fastString(s, &v.Title)
		case "type":
			fastString(s, (*string)(&v.Type))
		case "created":
			fastTime(s, &v.Created)
		case "sid":
			fastString(s, &v.Sid)
		case "tid":
			fastInt64(s, &v.Tid)
		case "acookie_id":
			fastString(s, &v.AcookieID)
		case "seller_rate":
			fastBool(s, &v.SellerRate)
		case "buyer_rate":
			fastBool(s, &v.BuyerRate)
		case "status":
			fastString(s, (*string)(&v.Status))
		case "payment":
			fastMoney(s, &v.Payment)
		case "discount_fee":
			fastMoney(s, &v.DiscountFee)
		case "adjust_fee":
			fastMoney(s, &v.AdjustFee)
		case "post_fee":
			fastMoney(s, &v.PostFee)
		case "total_fee":
			fastMoney(s, &v.TotalFee)
		case "pay_time":
			fastTime(s, &v.PayTime)
		case "end_time":
			fastTime(s, &v.EndTime)
		case "modified":
			fastTime(s, &v.Modified)
		case "consign_time":
			fastTime(s, &v.ConsignTime)
		case "received_payment":
			fastMoney(s, &v.ReceivedPayment)
		case "commission_fee":
			fastMoney(s, &v.CommissionFee)
		case "buyer_memo":
			fastString(s, &v.BuyerMemo)
		case "seller_memo":
			fastString(s, &v.SellerMemo)
		case "buyer_area":
			fastString(s, &v.BuyerArea)
		case "alipay_no":
			fastString(s, &v.AlipayNo)
		case "buyer_message":
			fastString(s, &v.BuyerMessage)
		case "pic_path":
			fastString(s, &v.PicPath)
		case "num_iid":
			fastInt64(s, &v.NumIid)
		case "price":
			fastMoney(s, &v.Price)
		case "cod_fee":
			fastMoney(s, &v.CodFee)
		case "cod_status":
			fastString(s, (*string)(&v.CodStatus))
		case "buyer_cod_fee":
			fastMoney(s, &v.BuyerCodFee)
		case "seller_cod_fee":
			fastMoney(s, &v.SellerCodFee)
		case "express_agency_fee":
			fastMoney(s, &v.ExpressAgencyFee)
		case "shipping_type":
			fastString(s, (*string)(&v.ShippingType))
		case "num":
			fastInt64(s, &v.Num)
		case "point_fee":
			fastInt64(s, &v.PointFee)
		case "real_point_fee":
			fastInt64(s, &v.RealPointFee)
		case "buyer_obtain_point_fee":
			fastInt64(s, &v.BuyerObtainPointFee)
		case "buyer_alipay_no":
			fastString(s, &v.BuyerAlipayNo)
		case "receiver_name":
			fastString(s, &v.ReceiverName)
		case "receiver_country":
			fastString(s, &v.ReceiverCountry)
		case "receiver_state":
			fastString(s, &v.ReceiverState)
		case "receiver_city":
			fastString(s, &v.ReceiverCity)
		case "receiver_district":
			fastString(s, &v.ReceiverDistrict)
		case "receiver_town":
			fastString(s, &v.ReceiverTown)
		case "receiver_address":
			fastString(s, &v.ReceiverAddress)
		case "receiver_zip":
			fastString(s, &v.ReceiverZip)
		case "receiver_mobile":
			fastString(s, &v.ReceiverMobile)
		case "receiver_phone":
			fastString(s, &v.ReceiverPhone)
		case "buyer_email":
			fastString(s, &v.BuyerEmail)
		case "seller_alipay_no":
			fastString(s, &v.SellerAlipayNo)
		case "seller_mobile":
			fastString(s, &v.SellerMobile)
		case "seller_phone":
			fastString(s, &v.SellerPhone)
		case "seller_name":
			fastString(s, &v.SellerName)
		case "seller_email":
			fastString(s, &v.SellerEmail)
		case "available_confirm_fee":
			fastMoney(s, &v.AvailableConfirmFee)
		case "has_post_fee":
			fastBool(s, &v.HasPostFee)
		case "timeout_action_time":
			fastTime(s, &v.TimeoutActionTime)
		case "snapshot_url":
			fastString(s, &v.SnapshotURL)
		case "trade_memo":
			fastString(s, &v.TradeMemo)
		case "promotion":
			fastString(s, &v.Promotion)
		case "is_3D":
			fastBool(s, &v.Is3D)
		case "is_lgtype":
			fastBool(s, &v.IsLgtype)
		case "is_brand_sale":
			fastBool(s, &v.IsBrandSale)
		case "is_force_wlb":
			fastBool(s, &v.IsForceWlb)
		case "buyer_flag":
			fastInt64(s, &v.BuyerFlag)
		case "seller_flag":
			fastInt64(s, &v.SellerFlag)
		case "credit_card_fee":
			fastMoney(s, &v.CreditCardFee)
		case "step_trade_status":
			fastString(s, (*string)(&v.StepTradeStatus))
		case "step_paid_fee":
			fastMoney(s, &v.StepPaidFee)
		case "eticket_ext":
			fastString(s, &v.EticketExt)
		case "mark_desc":
			fastString(s, &v.MarkDesc)
		case "has_yfx":
			fastBool(s, &v.HasYfx)
		case "yfx_fee":
			fastMoney(s, &v.YfxFee)
		case "yfx_id":
			fastString(s, &v.YfxID)
		case "yfx_type":
			fastString(s, &v.YfxType)
		case "send_time":
			fastString(s, &v.SendTime)
		case "can_rate":
			fastBool(s, &v.CanRate)
		case "seller_can_rate":
			fastBool(s, &v.SellerCanRate)
		case "is_part_consign":
			fastBool(s, &v.IsPartConsign)
		case "is_daixiao":
			fastBool(s, &v.IsDaixiao)
		case "is_wt":
			fastBool(s, &v.IsWt)
		case "arrive_interval":
			fastInt64(s, &v.ArriveInterval)
		case "arrive_cut_time":
			fastString(s, &v.ArriveCutTime)
		case "consign_interval":
			fastInt64(s, &v.ConsignInterval)
		case "o2o":
			fastString(s, &v.O2O)
		case "o2o_guide_id":
			fastString(s, &v.O2OGuideID)
		case "o2o_guide_name":
			fastString(s, &v.O2OGuideName)
		case "o2o_shop_id":
			fastString(s, &v.O2OShopID)
		case "o2o_shop_name":
			fastString(s, &v.O2OShopName)
		case "o2o_delivery":
			fastString(s, &v.O2ODelivery)
		case "o2o_out_trade_id":
			fastString(s, &v.O2OOutTradeID)
		case "shop_code":
			fastString(s, &v.ShopCode)
		case "hk_en_name":
			fastString(s, &v.HkEnName)
		case "hk_flight_no":
			fastString(s, &v.HkFlightNo)
		case "hk_china_name":
			fastString(s, &v.HkChinaName)
		case "hk_card_code":
			fastString(s, &v.HkCardCode)
		case "hk_card_type":
			fastString(s, &v.HkCardType)
		case "hk_flight_date":
			fastString(s, &v.HkFlightDate)
		case "hk_gender":
			fastString(s, &v.HkGender)
		case "hk_birthday":
			fastString(s, &v.HkBirthday)
		case "hk_pickup":
			fastString(s, &v.HkPickup)
		case "hk_pickup_id":
			fastString(s, &v.HkPickupID)
		case "est_con_time":
			fastString(s, &v.EstConTime)
		case "orders":
			fastList(s, &v.Orders, (*Order).decodeFast)
		case "promotion_details":
			fastList(s, &v.PromotionDetails, (*PromotionDetail).decodeFast)
		case "service_tags":
			fastList(s, &v.ServiceTags, (*LogisticsTag).decodeFast)
		case "service_orders":
			fastList(s, &v.ServiceOrders, (*ServiceOrder).decodeFast)
		case "trade_from":
			fastString(s, &v.TradeFrom)
		case "trade_source":
			fastString(s, &v.TradeSource)
		case "zero_purchase":
			fastBool(s, &v.ZeroPurchase)
		case "alipay_point":
			fastInt64(s, &v.AlipayPoint)
		case "pcc_af":
			fastInt64(s, &v.PccAf)
		case "trade_ext":
			if s.Null() {
				v.TradeExt = nil
			} else {
				if v.TradeExt == nil {
					v.TradeExt = new(TradeExt)
				}
				v.TradeExt.decodeFast(s)
			}
		case "order_tax_fee":
			fastString(s, &v.OrderTaxFee)
		case "et_ser_time":
			fastString(s, &v.EtSerTime)
		case "et_shop_name":
			fastString(s, &v.EtShopName)
		case "et_verified_shop_name":
			fastString(s, &v.EtVerifiedShopName)
		case "et_plate_number":
			fastString(s, &v.EtPlateNumber)
		case "o2o_snatch_status":
			fastString(s, &v.O2OSnatchStatus)
		case "is_sh_ship":
			fastBool(s, &v.IsShShip)
		case "eticket_service_addr":
			fastString(s, &v.EticketServiceAddr)
		case "et_type":
			fastString(s, &v.EtType)
		case "market":
			fastString(s, &v.Market)
		case "obs":
			fastString(s, &v.Obs)
		case "et_shop_id":
			fastInt64(s, &v.EtShopID)
		case "paid_coupon_fee":
			fastMoney(s, &v.PaidCouponFee)
		case "shop_pick":
			fastString(s, &v.ShopPick)
		case "rx_audit_status":
			fastString(s, &v.RxAuditStatus)
		case "es_date":
			fastString(s, &v.EsDate)
		case "es_range":
			fastString(s, &v.EsRange)
		case "os_date":
			fastString(s, &v.OsDate)
		case "os_range":
			fastString(s, &v.OsRange)
		case "coupon_fee":
			fastInt64(s, &v.CouponFee)
		case "post_gate_declare":
			fastBool(s, &v.PostGateDeclare)
		case "cross_bonded_declare":
			fastBool(s, &v.CrossBondedDeclare)
		case "trade_attr":
			fastString(s, &v.TradeAttr)
		case "top_hold":
			fastInt64(s, &v.TopHold)
		case "omni_attr":
			fastString(s, &v.OmniAttr)
		case "omni_param":
			fastString(s, &v.OmniParam)
		case "assembly":
			fastString(s, &v.Assembly)
		case "forbid_consign":
			fastInt64(s, &v.ForbidConsign)
		case "identity":
			fastString(s, &v.Identity)
		case "team_buy_hold":
			fastInt64(s, &v.TeamBuyHold)
		case "share_group_hold":
			fastInt64(s, &v.ShareGroupHold)
		case "ofp_hold":
			fastInt64(s, &v.OfpHold)
		case "o2o_step_trade_detail":
			fastString(s, &v.O2OStepTradeDetail)
		case "o2o_step_order_id":
			fastString(s, &v.O2OStepOrderID)
		case "o2o_et_order_id":
			fastString(s, &v.O2OEtOrderID)
		case "o2o_voucher_price":
			fastString(s, &v.O2OVoucherPrice)
		case "order_tax_promotion_fee":
			fastString(s, &v.OrderTaxPromotionFee)
		case "delay_create_delivery":
			fastInt64(s, &v.DelayCreateDelivery)
		case "tid_str":
			fastString(s, &v.TidStr)
		case "toptype":
			fastInt64(s, &v.Toptype)
		case "service_type":
			fastString(s, &v.ServiceType)
		case "o2o_service_mobile":
			fastString(s, &v.O2OServiceMobile)
		case "o2o_service_name":
			fastString(s, &v.O2OServiceName)
		case "o2o_service_state":
			fastString(s, &v.O2OServiceState)
		case "o2o_service_city":
			fastString(s, &v.O2OServiceCity)
		case "o2o_service_district":
			fastString(s, &v.O2OServiceDistrict)
		case "o2o_service_town":
			fastString(s, &v.O2OServiceTown)
		case "o2o_service_address":
			fastString(s, &v.O2OServiceAddress)
		case "o2o_step_trade_detail_new":
			fastString(s, &v.O2OStepTradeDetailNew)
		case "o2o_xiaopiao":
			fastString(s, &v.O2OXiaopiao)
		case "o2o_contract":
			fastString(s, &v.O2OContract)
		case "recharge_fee":
			fastString(s, &v.RechargeFee)
		case "retail_store_code":
			fastString(s, &v.RetailStoreCode)
		case "retail_out_order_id":
			fastString(s, &v.RetailOutOrderID)
		case "platform_subsidy_fee":
			fastMoney(s, &v.PlatformSubsidyFee)
		case "nr_offline":
			fastString(s, &v.NrOffline)
		case "wtt_param":
			fastString(s, &v.WttParam)
		case "logistics_infos":
			fastList(s, &v.LogisticsInfos, (*LogisticsInfo).decodeFast)
		case "seller_nick":
			fastString(s, &v.SellerNick)
		case "buyer_nick":
			fastString(s, &v.BuyerNick)
		case "nr_store_order_id":
			fastString(s, &v.NrStoreOrderID)
		case "nr_shop_id":
			fastString(s, &v.NrShopID)
		case "nr_shop_name":
			fastString(s, &v.NrShopName)
		case "nr_shop_guide_id":
			fastString(s, &v.NrShopGuideID)
		case "nr_shop_guide_name":
			fastString(s, &v.NrShopGuideName)
		case "sort_info":
			if s.Null() {
				v.SortInfo = nil
			} else {
				if v.SortInfo == nil {
					v.SortInfo = new(SortInfo)
				}
				v.SortInfo.decodeFast(s)
			}
		case "sorted":
			fastInt64(s, &v.Sorted)
		case "nr_no_handle":
			fastString(s, &v.NrNoHandle)
		case "biz_code":
			fastString(s, &v.BizCode)
		case "cloud_store":
			fastString(s, &v.CloudStore)
		case "is_gift":
			fastBool(s, &v.IsGift)
		case "donee_nick":
			fastString(s, &v.DoneeNick)
		case "donee_open_uid":
			fastString(s, &v.DoneeOpenUID)
		case "suning_shop_code":
			fastString(s, &v.SuningShopCode)
		case "suning_shop_valid":
			fastInt64(s, &v.SuningShopValid)
		case "allow_appkeys":
			fastString(s, &v.AllowAppkeys)
		case "new_presell":
			fastBool(s, &v.NewPresell)
		case "you_xiang":
			fastBool(s, &v.YouXiang)
		case "retail_store_id":
			fastString(s, &v.RetailStoreID)
		case "is_istore":
			fastBool(s, &v.IsIstore)
		case "ua":
			fastString(s, &v.Ua)
		case "linkedmall_ext_info":
			fastString(s, &v.LinkedmallExtInfo)
		case "pay_channel":
			fastString(s, &v.PayChannel)
		case "rt_omni_send_type":
			fastString(s, &v.RtOmniSendType)
		case "rt_omni_store_id":
			fastString(s, &v.RtOmniStoreID)
		case "rt_omni_outer_store_id":
			fastString(s, &v.RtOmniOuterStoreID)
		case "tcps_start":
			fastString(s, &v.TcpsStart)
		case "tcps_code":
			fastString(s, &v.TcpsCode)
		case "tcps_end":
			fastString(s, &v.TcpsEnd)
		case "m_tariff_fee":
			fastString(s, &v.MTariffFee)
		case "timing_promise":
			fastString(s, &v.TimingPromise)
		case "promise_service":
			fastString(s, &v.PromiseService)
		case "cutoff_minutes":
			fastString(s, &v.CutoffMinutes)
		case "es_time":
			fastString(s, &v.EsTime)
		case "delivery_time":
			fastString(s, &v.DeliveryTime)
		case "collect_time":
			fastString(s, &v.CollectTime)
		case "dispatch_time":
			fastString(s, &v.DispatchTime)
		case "sign_time":
			fastString(s, &v.SignTime)
		case "outer_partner_member_id":
			fastString(s, &v.OuterPartnerMemberID)
		case "root_cat":
			fastString(s, &v.RootCat)
		case "gifting":
			fastString(s, &v.Gifting)
		case "gifting_takeout":
			fastString(s, &v.GiftingTakeout)
		case "oi_date":
			fastString(s, &v.OiDate)
		case "oi_range":
			fastString(s, &v.OiRange)
		case "hold_install":
			fastString(s, &v.HoldInstall)
		case "app_name":
			fastString(s, &v.AppName)
		case "easy_home_city_type":
			fastString(s, &v.EasyHomeCityType)
		case "nr_deposit_order_id":
			fastString(s, &v.NrDepositOrderID)
		case "nr_store_code":
			fastString(s, &v.NrStoreCode)
		case "propoint":
			fastString(s, &v.Propoint)
		case "zqs_order_tag":
			fastString(s, &v.ZqsOrderTag)
		case "txp_freezer_id":
			fastString(s, &v.TxpFreezerID)
		case "txp_receive_method":
			fastString(s, &v.TxpReceiveMethod)
		case "expandcard_info":
			if s.Null() {
				v.ExpandcardInfo = nil
			} else {
				if v.ExpandcardInfo == nil {
					v.ExpandcardInfo = new(ExpandCardInfo)
				}
				v.ExpandcardInfo.decodeFast(s)
			}
		case "extend_info":
			fastString(s, &v.ExtendInfo)
		case "lm":
			fastString(s, &v.Lm)
		case "brand_light_shop_source":
			fastString(s, &v.BrandLightShopSource)
		case "brand_light_shop_store_id":
			fastString(s, &v.BrandLightShopStoreID)
		case "is_wmly":
			fastString(s, &v.IsWmly)
		case "omni_package":
			fastString(s, &v.OmniPackage)
		case "ncz_ext_attr":
			fastString(s, &v.NczExtAttr)
		case "invoice_detail_pay":
			fastString(s, &v.InvoiceDetailPay)
		case "invoice_detail_mid_refund":
			fastString(s, &v.InvoiceDetailMidRefund)
		case "invoice_detail_after_refund":
			fastString(s, &v.InvoiceDetailAfterRefund)
		case "expand_card_basic_price":
			fastString(s, &v.ExpandCardBasicPrice)
		case "expand_card_expand_price":
			fastString(s, &v.ExpandCardExpandPrice)
		case "expand_card_basic_price_used":
			fastString(s, &v.ExpandCardBasicPriceUsed)
		case "expand_card_expand_price_used":
			fastString(s, &v.ExpandCardExpandPriceUsed)
		case "delivery_cps":
			fastString(s, &v.DeliveryCps)
		case "asdp_biz_type":
			fastString(s, &v.AsdpBizType)
		case "is_openmall":
			fastBool(s, &v.IsOpenmall)
		case "v_logistics_create":
			fastBool(s, &v.VLogisticsCreate)
		case "q_r_pay":
			fastBool(s, &v.QRPay)
		case "order_follow_id":
			fastString(s, &v.OrderFollowID)
		case "asdp_ads":
			fastString(s, &v.AsdpAds)
		case "ob_tag":
			fastString(s, &v.ObTag)
		case "general_new_presell":
			fastBool(s, &v.GeneralNewPresell)
		case "drug_register":
			fastString(s, &v.DrugRegister)
		case "step_pay_details":
			fastList(s, &v.StepPayDetails, (*StepPayDetail).decodeFast)
		case "agree_refund_checks":
			fastList(s, &v.AgreeRefundChecks, (*AgreeRefundCheck).decodeFast)
		case "address_details":
			fastList(s, &v.AddressDetails, (*AddressDetail).decodeFast)
		case "stage_address_type":
			fastString(s, &v.StageAddressType)
		case "og_id":
			fastString(s, &v.OgID)
		case "promise_sign_time":
			fastString(s, &v.PromiseSignTime)
		case "tmall_coupon_fee":
			fastInt64(s, &v.TmallCouponFee)
		case "delivery_plan":
			fastList(s, &v.DeliveryPlan, (*DeliveryPlan).decodeFast)
		case "omnichannel_param":
			fastString(s, &v.OmnichannelParam)
		case "oaid":
			fastString(s, &v.Oaid)
		case "is_cycle_buy":
			fastBool(s, &v.IsCycleBuy)
		case "scenario_group":
			fastString(s, &v.ScenarioGroup)
		case "play_type":
			fastString(s, &v.PlayType)
		case "is_force_dc":
			fastBool(s, &v.IsForceDc)
		case "combine_logistics_details":
			fastList(s, &v.CombineLogisticsDetails, (*CombineLogisticsDetail).decodeFast)
		case "identify_info":
			if s.Null() {
				v.IdentifyInfo = nil
			} else {
				if v.IdentifyInfo == nil {
					v.IdentifyInfo = new(IdentifyInfo)
				}
				v.IdentifyInfo.decodeFast(s)
			}
		case "logistics_consign_info":
			fastList(s, &v.LogisticsConsignInfo, (*LogisticsConsignInfo).decodeFast)
		case "logistics_modify_info":
			fastList(s, &v.LogisticsModifyInfo, (*LogisticsModifyInfo).decodeFast)
		case "priority_consign_time":
			fastString(s, &v.PriorityConsignTime)
		case "logistics_agreement":
			if s.Null() {
				v.LogisticsAgreement = nil
			} else {
				if v.LogisticsAgreement == nil {
					v.LogisticsAgreement = new(LogisticsAgreement)
				}
				v.LogisticsAgreement.decodeFast(s)
			}
		case "real_name_auth_status":
			fastString(s, &v.RealNameAuthStatus)
		case "third_party_customs_declaration":
			fastString(s, &v.ThirdPartyCustomsDeclaration)
		case "receipt_type":
			fastString(s, &v.ReceiptType)
		case "receipt_rel_ids":
			fastList(s, &v.ReceiptRelIDs, fastStringItem)
		case "pmtp":
			fastString(s, &v.Pmtp)
		case "async_modified":
			fastTime(s, &v.AsyncModified)
		case "alipay_id":
			fastInt64(s, &v.AlipayID)
		case "nut_feature":
			fastString(s, &v.NutFeature)
		case "lg_aging_type":
			fastString(s, &v.LgAgingType)
		case "lg_aging":
			fastString(s, &v.LgAging)
		case "has_buyer_message":
			fastBool(s, &v.HasBuyerMessage)
		case "is_o2o_passport":
			fastBool(s, &v.IsO2OPassport)
		case "tmall_delivery":
			fastBool(s, &v.TmallDelivery)
		case "threepl_timing":
			fastBool(s, &v.ThreeplTiming)
		case "cn_service":
			fastString(s, &v.CnService)
		case "no_shipping":
			fastBool(s, &v.NoShipping)
		case "aid":
			fastString(s, &v.Aid)
		case "is_3d": // encoding/json would match it case-insensitively
			s.Fail()
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *Order) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "title":
			fastString(s, &v.Title)
		case "pic_path":
			fastString(s, &v.PicPath)
		case "price":
			fastMoney(s, &v.Price)
		case "num_iid":
			fastInt64(s, &v.NumIid)
		case "sku_id":
			fastString(s, &v.SkuID)
		case "outer_iid":
			fastString(s, &v.OuterIid)
		case "outer_sku_id":
			fastString(s, &v.OuterSkuID)
		case "refund_status":
			fastString(s, (*string)(&v.RefundStatus))
		case "status":
			fastString(s, (*string)(&v.Status))
		case "oid":
			fastInt64(s, &v.Oid)
		case "total_fee":
			fastMoney(s, &v.TotalFee)
		case "payment":
			fastMoney(s, &v.Payment)
		case "discount_fee":
			fastMoney(s, &v.DiscountFee)
		case "adjust_fee":
			fastMoney(s, &v.AdjustFee)
		case "divide_order_fee":
			fastMoney(s, &v.DivideOrderFee)
		case "part_mjz_discount":
			fastMoney(s, &v.PartMjzDiscount)
		case "sku_properties_name":
			fastString(s, &v.SkuPropertiesName)
		case "item_meal_id":
			fastInt64(s, &v.ItemMealID)
		case "item_meal_name":
			fastString(s, &v.ItemMealName)
		case "num":
			fastInt64(s, &v.Num)
		case "snapshot_url":
			fastString(s, &v.SnapshotURL)
		case "timeout_action_time":
			fastTime(s, &v.TimeoutActionTime)
		case "item_memo":
			fastString(s, &v.ItemMemo)
		case "buyer_rate":
			fastBool(s, &v.BuyerRate)
		case "seller_rate":
			fastBool(s, &v.SellerRate)
		case "refund_id":
			fastString(s, &v.RefundID)
		case "seller_type":
			fastString(s, &v.SellerType)
		case "cid":
			fastInt64(s, &v.Cid)
		case "is_oversold":
			fastBool(s, &v.IsOversold)
		case "end_time":
			fastTime(s, &v.EndTime)
		case "order_from":
			fastString(s, &v.OrderFrom)
		case "is_service_order":
			fastBool(s, &v.IsServiceOrder)
		case "consign_time":
			fastTime(s, &v.ConsignTime)
		case "shipping_type":
			fastString(s, (*string)(&v.ShippingType))
		case "logistics_company":
			fastString(s, &v.LogisticsCompany)
		case "invoice_no":
			fastString(s, &v.InvoiceNo)
		case "bind_oid":
			fastInt64(s, &v.BindOid)
		case "is_daixiao":
			fastBool(s, &v.IsDaixiao)
		case "ticket_outer_id":
			fastString(s, &v.TicketOuterID)
		case "ticket_expdate_key":
			fastString(s, &v.TicketExpdateKey)
		case "is_www":
			fastBool(s, &v.IsWww)
		case "store_code":
			fastString(s, &v.StoreCode)
		case "tmser_spu_code":
			fastString(s, &v.TmserSpuCode)
		case "sub_order_tax_fee":
			fastString(s, &v.SubOrderTaxFee)
		case "sub_order_tax_rate":
			fastString(s, &v.SubOrderTaxRate)
		case "et_ser_time":
			fastString(s, &v.EtSerTime)
		case "et_shop_name":
			fastString(s, &v.EtShopName)
		case "et_verified_shop_name":
			fastString(s, &v.EtVerifiedShopName)
		case "et_plate_number":
			fastString(s, &v.EtPlateNumber)
		case "estimate_con_time":
			fastString(s, &v.EstimateConTime)
		case "bind_oids":
			fastString(s, &v.BindOids)
		case "zhengji_status":
			fastString(s, &v.ZhengjiStatus)
		case "md_qualification":
			fastString(s, &v.MdQualification)
		case "md_fee":
			fastString(s, &v.MdFee)
		case "customization":
			fastString(s, &v.Customization)
		case "inv_type":
			fastString(s, &v.InvType)
		case "is_sh_ship":
			fastBool(s, &v.IsShShip)
		case "shipper":
			fastString(s, &v.Shipper)
		case "f_type":
			fastString(s, &v.FType)
		case "f_status":
			fastString(s, &v.FStatus)
		case "f_term":
			fastString(s, &v.FTerm)
		case "combo_id":
			fastString(s, &v.ComboID)
		case "order_attr":
			fastString(s, &v.OrderAttr)
		case "assembly_rela":
			fastString(s, &v.AssemblyRela)
		case "assembly_price":
			fastString(s, &v.AssemblyPrice)
		case "assembly_item":
			fastString(s, &v.AssemblyItem)
		case "sub_order_tax_promotion_fee":
			fastString(s, &v.SubOrderTaxPromotionFee)
		case "down_payment":
			fastString(s, &v.DownPayment)
		case "down_payment_ratio":
			fastString(s, &v.DownPaymentRatio)
		case "month_payment":
			fastString(s, &v.MonthPayment)
		case "tail_payment":
			fastString(s, &v.TailPayment)
		case "installment_num":
			fastString(s, &v.InstallmentNum)
		case "penalty":
			fastString(s, &v.Penalty)
		case "service_fee":
			fastString(s, &v.ServiceFee)
		case "car_taker":
			fastString(s, &v.CarTaker)
		case "car_taker_phone":
			fastString(s, &v.CarTakerPhone)
		case "car_taker_id":
			fastString(s, &v.CarTakerID)
		case "car_store_code":
			fastString(s, &v.CarStoreCode)
		case "car_store_name":
			fastString(s, &v.CarStoreName)
		case "out_unique_id":
			fastString(s, &v.OutUniqueID)
		case "ws_bank_apply_no":
			fastString(s, &v.WsBankApplyNo)
		case "oid_str":
			fastString(s, &v.OidStr)
		case "fqg_num":
			fastInt64(s, &v.FqgNum)
		case "is_fqg_s_fee":
			fastBool(s, &v.IsFqgSFee)
		case "tax_free":
			fastBool(s, &v.TaxFree)
		case "tax_coupon_discount":
			fastString(s, &v.TaxCouponDiscount)
		case "nr_reduce_inv_fail":
			fastString(s, &v.NrReduceInvFail)
		case "nr_outer_iid":
			fastString(s, &v.NrOuterIid)
		case "bind_oids_all_status":
			fastString(s, &v.BindOidsAllStatus)
		case "sort_info":
			if s.Null() {
				v.SortInfo = nil
			} else {
				if v.SortInfo == nil {
					v.SortInfo = new(SortInfo)
				}
				v.SortInfo.decodeFast(s)
			}
		case "o2o_guide_id":
			fastString(s, &v.O2OGuideID)
		case "o2o_guide_name":
			fastString(s, &v.O2OGuideName)
		case "o2o_shop_id":
			fastString(s, &v.O2OShopID)
		case "o2o_shop_name":
			fastString(s, &v.O2OShopName)
		case "biz_code":
			fastString(s, &v.BizCode)
		case "cloud_store":
			fastString(s, &v.CloudStore)
		case "hj_settle_no_commission":
			fastString(s, &v.HjSettleNoCommission)
		case "order_taking":
			fastString(s, &v.OrderTaking)
		case "cloud_store_token":
			fastString(s, &v.CloudStoreToken)
		case "cloud_store_bind_pos":
			fastString(s, &v.CloudStoreBindPos)
		case "retail_store_id":
			fastString(s, &v.RetailStoreID)
		case "out_item_id":
			fastString(s, &v.OutItemID)
		case "rt_omni_outer_sc_id":
			fastString(s, &v.RtOmniOuterScID)
		case "rt_omni_sc_id":
			fastString(s, &v.RtOmniScID)
		case "modify_address":
			fastString(s, &v.ModifyAddress)
		case "ti_modify_address_time":
			fastString(s, &v.TiModifyAddressTime)
		case "credit_buy":
			fastString(s, &v.CreditBuy)
		case "s_tariff_fee":
			fastString(s, &v.STariffFee)
		case "timing_promise":
			fastString(s, &v.TimingPromise)
		case "promise_service":
			fastString(s, &v.PromiseService)
		case "es_date":
			fastString(s, &v.EsDate)
		case "es_range":
			fastString(s, &v.EsRange)
		case "os_date":
			fastString(s, &v.OsDate)
		case "os_range":
			fastString(s, &v.OsRange)
		case "cutoff_minutes":
			fastString(s, &v.CutoffMinutes)
		case "es_time":
			fastString(s, &v.EsTime)
		case "delivery_time":
			fastString(s, &v.DeliveryTime)
		case "collect_time":
			fastString(s, &v.CollectTime)
		case "dispatch_time":
			fastString(s, &v.DispatchTime)
		case "sign_time":
			fastString(s, &v.SignTime)
		case "promise_end_time":
			fastString(s, &v.PromiseEndTime)
		case "os_activity_id":
			fastString(s, &v.OsActivityID)
		case "os_fg_item_id":
			fastString(s, &v.OsFgItemID)
		case "os_gift_count":
			fastString(s, &v.OsGiftCount)
		case "os_sort_num":
			fastString(s, &v.OsSortNum)
		case "propoint":
			fastString(s, &v.Propoint)
		case "is_kaola":
			fastBool(s, &v.IsKaola)
		case "special_refund_type":
			fastString(s, &v.SpecialRefundType)
		case "extend_info":
			fastString(s, &v.ExtendInfo)
		case "is_devalue_fee":
			fastBool(s, &v.IsDevalueFee)
		case "brand_light_shop_store_id":
			fastString(s, &v.BrandLightShopStoreID)
		case "brand_light_shop_source":
			fastString(s, &v.BrandLightShopSource)
		case "service_order_type":
			fastString(s, &v.ServiceOrderType)
		case "service_outer_id":
			fastString(s, &v.ServiceOuterID)
		case "expand_card_expand_price_used_suborder":
			fastMoney(s, &v.ExpandCardExpandPriceUsedSuborder)
		case "expand_card_basic_price_used_suborder":
			fastMoney(s, &v.ExpandCardBasicPriceUsedSuborder)
		case "lijian":
			fastString(s, &v.Lijian)
		case "auto_flow":
			fastString(s, &v.AutoFlow)
		case "trade_fulfillment_type":
			fastInt64(s, &v.TradeFulfillmentType)
		case "distribute_status":
			fastString(s, &v.DistributeStatus)
		case "is_idle":
			fastString(s, &v.IsIdle)
		case "gift_mids":
			fastString(s, &v.GiftMids)
		case "is_free_gift":
			fastBool(s, &v.IsFreeGift)
		case "has_gift":
			fastBool(s, &v.HasGift)
		case "promise_collect_time":
			fastString(s, &v.PromiseCollectTime)
		case "is_force_dc":
			fastBool(s, &v.IsForceDc)
		case "b2b_daixiao":
			fastString(s, &v.B2BDaixiao)
		case "ship_info":
			fastList(s, &v.ShipInfo, (*ShipInfo).decodeFast)
		case "combine_item_info":
			fastList(s, &v.CombineItemInfo, (*CombineSubItem).decodeFast)
		case "need_return":
			fastBool(s, &v.NeedReturn)
		case "bundle_id":
			fastString(s, &v.BundleID)
		case "bundle_out_name":
			fastString(s, &v.BundleOutName)
		case "bundle_type":
			fastInt64(s, &v.BundleType)
		case "one_yuan_reservation_orders":
			fastString(s, &v.OneYuanReservationOrders)
		case "is_jzfx":
			fastBool(s, &v.IsJzfx)
		case "jewcc_no":
			fastString(s, &v.JewccNo)
		case "shp_info":
			fastList(s, &v.ShpInfo, (*ShipInfo).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *SortInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "day_sort_val":
			fastInt64(s, &v.DaySortVal)
		case "hour_sort_val":
			fastInt64(s, &v.HourSortVal)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *ShipInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "transport_type":
			fastString(s, &v.TransportType)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *CombineSubItem) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "item_id":
			fastInt64(s, &v.ItemID)
		case "sku_id":
			fastInt64(s, &v.SkuID)
		case "quantity":
			fastInt64(s, &v.Quantity)
		case "item_name":
			fastString(s, &v.ItemName)
		case "outer_iid":
			fastString(s, &v.OuterIid)
		case "sku_title":
			fastString(s, &v.SkuTitle)
		case "origin_fee":
			fastInt64(s, &v.OriginFee)
		case "combine_sub_item_fee":
			fastInt64(s, &v.CombineSubItemFee)
		case "ismain":
			fastBool(s, &v.Ismain)
		case "estcon_time":
			fastString(s, &v.EstconTime)
		case "outer_sku_id":
			fastString(s, &v.OuterSkuID)
		case "edu_original_fee":
			fastInt64(s, &v.EduOriginalFee)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *PromotionDetail) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "id":
			fastInt64(s, &v.ID)
		case "promotion_name":
			fastString(s, &v.PromotionName)
		case "discount_fee":
			fastMoney(s, &v.DiscountFee)
		case "gift_item_name":
			fastString(s, &v.GiftItemName)
		case "gift_item_id":
			fastString(s, &v.GiftItemID)
		case "gift_item_num":
			fastString(s, &v.GiftItemNum)
		case "promotion_desc":
			fastString(s, &v.PromotionDesc)
		case "promotion_id":
			fastString(s, &v.PromotionID)
		case "kd_discount_fee":
			fastMoney(s, &v.KdDiscountFee)
		case "kd_child_discount_fee":
			fastString(s, &v.KdChildDiscountFee)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticsTag) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "order_id":
			fastString(s, &v.OrderID)
		case "logistic_service_tag_list":
			fastList(s, &v.LogisticServiceTagList, (*LogisticServiceTag).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticServiceTag) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "service_tag":
			fastString(s, &v.ServiceTag)
		case "service_type":
			fastString(s, &v.ServiceType)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *ServiceOrder) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "oid":
			fastInt64(s, &v.Oid)
		case "item_oid":
			fastInt64(s, &v.ItemOid)
		case "service_id":
			fastInt64(s, &v.ServiceID)
		case "service_detail_url":
			fastString(s, &v.ServiceDetailURL)
		case "num":
			fastInt64(s, &v.Num)
		case "price":
			fastMoney(s, &v.Price)
		case "payment":
			fastMoney(s, &v.Payment)
		case "title":
			fastString(s, &v.Title)
		case "total_fee":
			fastMoney(s, &v.TotalFee)
		case "buyer_nick":
			fastString(s, &v.BuyerNick)
		case "refund_id":
			fastString(s, &v.RefundID)
		case "seller_nick":
			fastString(s, &v.SellerNick)
		case "pic_path":
			fastString(s, &v.PicPath)
		case "tmser_spu_code":
			fastString(s, &v.TmserSpuCode)
		case "et_ser_time":
			fastString(s, &v.EtSerTime)
		case "et_shop_name":
			fastString(s, &v.EtShopName)
		case "et_verified_shop_name":
			fastString(s, &v.EtVerifiedShopName)
		case "et_plate_number":
			fastString(s, &v.EtPlateNumber)
		case "oid_str":
			fastString(s, &v.OidStr)
		case "apple_care_email":
			fastString(s, &v.AppleCareEmail)
		case "apple_care_mpn":
			fastString(s, &v.AppleCareMpn)
		case "service_outer_id":
			fastString(s, &v.ServiceOuterID)
		case "service_order_type":
			fastString(s, &v.ServiceOrderType)
		case "ext_service_biz_id":
			fastString(s, &v.ExtServiceBizID)
		case "combine_sub_item_id":
			fastInt64(s, &v.CombineSubItemID)
		case "combine_sub_item_sku_id":
			fastInt64(s, &v.CombineSubItemSkuID)
		case "comm_amount_unit":
			fastString(s, &v.CommAmountUnit)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *TradeExt) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "before_enable_flag":
			fastInt64(s, &v.BeforeEnableFlag)
		case "before_close_flag":
			fastInt64(s, &v.BeforeCloseFlag)
		case "before_pay_flag":
			fastInt64(s, &v.BeforePayFlag)
		case "before_ship_flag":
			fastInt64(s, &v.BeforeShipFlag)
		case "before_confirm_flag":
			fastInt64(s, &v.BeforeConfirmFlag)
		case "before_rate_flag":
			fastInt64(s, &v.BeforeRateFlag)
		case "before_refund_flag":
			fastInt64(s, &v.BeforeRefundFlag)
		case "before_modify_flag":
			fastInt64(s, &v.BeforeModifyFlag)
		case "third_party_status":
			fastInt64(s, &v.ThirdPartyStatus)
		case "extra_data":
			fastString(s, &v.ExtraData)
		case "ext_attributes":
			fastString(s, &v.ExtAttributes)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticsInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "trade_id":
			fastInt64(s, &v.TradeID)
		case "sub_trade_id":
			fastInt64(s, &v.SubTradeID)
		case "item_id":
			fastString(s, &v.ItemID)
		case "item_code":
			fastString(s, &v.ItemCode)
		case "need_consign_num":
			fastInt64(s, &v.NeedConsignNum)
		case "store_code":
			fastString(s, &v.StoreCode)
		case "type":
			fastString(s, &v.Type)
		case "sku_id":
			fastString(s, &v.SkuID)
		case "num_iid":
			fastInt64(s, &v.NumIid)
		case "consign_type":
			fastString(s, &v.ConsignType)
		case "combine_item_id":
			fastString(s, &v.CombineItemID)
		case "combine_item_code":
			fastString(s, &v.CombineItemCode)
		case "item_ratio":
			fastInt64(s, &v.ItemRatio)
		case "bar_code":
			fastString(s, &v.BarCode)
		case "delivery_cps":
			fastString(s, &v.DeliveryCps)
		case "biz_delivery_code":
			fastString(s, &v.BizDeliveryCode)
		case "biz_store_code":
			fastString(s, &v.BizStoreCode)
		case "biz_sd_type":
			fastString(s, &v.BizSdType)
		case "send_country":
			fastString(s, &v.SendCountry)
		case "send_state":
			fastString(s, &v.SendState)
		case "send_city":
			fastString(s, &v.SendCity)
		case "send_district":
			fastString(s, &v.SendDistrict)
		case "send_town":
			fastString(s, &v.SendTown)
		case "send_division_code":
			fastString(s, &v.SendDivisionCode)
		case "black_delivery_cps":
			fastString(s, &v.BlackDeliveryCps)
		case "white_delivery_cps":
			fastString(s, &v.WhiteDeliveryCps)
		case "biz_delivery_type":
			fastInt64(s, &v.BizDeliveryType)
		case "unused_warehouse_error_msg":
			fastString(s, &v.UnusedWarehouseErrorMsg)
		case "unused_delivery_error_msg":
			fastString(s, &v.UnusedDeliveryErrorMsg)
		case "used_black_delivery_error_msg":
			fastString(s, &v.UsedBlackDeliveryErrorMsg)
		case "promise_outbound_time":
			fastString(s, &v.PromiseOutboundTime)
		case "promise_collect_time":
			fastString(s, &v.PromiseCollectTime)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *ExpandCardInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "basic_price":
			fastString(s, &v.BasicPrice)
		case "expand_price":
			fastString(s, &v.ExpandPrice)
		case "basic_price_used":
			fastString(s, &v.BasicPriceUsed)
		case "expand_price_used":
			fastString(s, &v.ExpandPriceUsed)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *StepPayDetail) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "id":
			fastInt64(s, &v.ID)
		case "pay_status":
			fastInt64(s, &v.PayStatus)
		case "step_no":
			fastInt64(s, &v.StepNo)
		case "step_channel_no":
			fastString(s, &v.StepChannelNo)
		case "step_instrument_code":
			fastString(s, &v.StepInstrumentCode)
		case "step_actual_pay_fee":
			fastString(s, &v.StepActualPayFee)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *AgreeRefundCheck) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "delivery_tips":
			fastString(s, &v.DeliveryTips)
		case "delivery_process":
			fastString(s, &v.DeliveryProcess)
		case "detail_order_id":
			fastString(s, &v.DetailOrderID)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *AddressDetail) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "detailed_address":
			fastString(s, &v.DetailedAddress)
		case "division_code":
			fastString(s, &v.DivisionCode)
		case "area":
			fastString(s, &v.Area)
		case "telephone":
			fastString(s, &v.Telephone)
		case "city":
			fastString(s, &v.City)
		case "prov":
			fastString(s, &v.Prov)
		case "country":
			fastString(s, &v.Country)
		case "contact_name":
			fastString(s, &v.ContactName)
		case "biz_type":
			fastString(s, &v.BizType)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *DeliveryPlan) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "plan_id":
			fastInt64(s, &v.PlanID)
		case "order_id":
			fastInt64(s, &v.OrderID)
		case "curr_phase":
			fastInt64(s, &v.CurrPhase)
		case "out_logistics_id":
			fastString(s, &v.OutLogisticsID)
		case "prepare_time_begin":
			fastTime(s, &v.PrepareTimeBegin)
		case "ship_time_begin":
			fastTime(s, &v.ShipTimeBegin)
		case "actual_ship_time":
			fastTime(s, &v.ActualShipTime)
		case "goods_num":
			fastInt64(s, &v.GoodsNum)
		case "plan_status":
			fastInt64(s, &v.PlanStatus)
		case "plan_refund_status":
			fastInt64(s, &v.PlanRefundStatus)
		case "receiver_name":
			fastString(s, &v.ReceiverName)
		case "receiver_mobile":
			fastString(s, &v.ReceiverMobile)
		case "receiver_phone":
			fastString(s, &v.ReceiverPhone)
		case "receiver_address":
			fastString(s, &v.ReceiverAddress)
		case "oaid":
			fastString(s, &v.Oaid)
		case "privacy_num":
			fastString(s, &v.PrivacyNum)
		case "privacy_expire_time":
			fastTime(s, &v.PrivacyExpireTime)
		case "receiver_town":
			fastString(s, &v.ReceiverTown)
		case "receiver_district":
			fastString(s, &v.ReceiverDistrict)
		case "receiver_city":
			fastString(s, &v.ReceiverCity)
		case "receiver_state":
			fastString(s, &v.ReceiverState)
		case "receiver_country":
			fastString(s, &v.ReceiverCountry)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *CombineLogisticsDetail) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "invoice_no":
			fastString(s, &v.InvoiceNo)
		case "logistics_company":
			fastString(s, &v.LogisticsCompany)
		case "sub_order_id":
			fastString(s, &v.SubOrderID)
		case "send_goods_details":
			fastList(s, &v.SendGoodsDetails, (*SendGoodsDetail).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *SendGoodsDetail) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "type":
			fastInt64(s, &v.Type)
		case "consign_status":
			fastInt64(s, &v.ConsignStatus)
		case "amount":
			fastInt64(s, &v.Amount)
		case "goods_details":
			fastList(s, &v.GoodsDetails, (*PackageGoodsDetail).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *PackageGoodsDetail) decodeFast(s *jsonscan.Scanner) {
	fastRaw(s, v)
}

func (v *IdentifyInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "identify_logistics_infos":
			fastList(s, &v.IdentifyLogisticsInfos, (*IdentifyLogisticsInfo).decodeFast)
		case "identify_service_infos":
			fastList(s, &v.IdentifyServiceInfos, (*IdentifyServiceInfo).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *IdentifyLogisticsInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "detail_order_id":
			fastInt64(s, &v.DetailOrderID)
		case "logistics_company":
			fastString(s, &v.LogisticsCompany)
		case "stage_no":
			fastInt64(s, &v.StageNo)
		case "invoice_no":
			fastString(s, &v.InvoiceNo)
		case "refund_id":
			fastString(s, &v.RefundID)
		case "refund":
			fastBool(s, &v.Refund)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *IdentifyServiceInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "detail_order_id":
			fastInt64(s, &v.DetailOrderID)
		case "unit_id":
			fastString(s, &v.UnitID)
		case "service_id":
			fastString(s, &v.ServiceID)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticsConsignInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "related_id":
			fastString(s, &v.RelatedID)
		case "consign_time":
			fastString(s, &v.ConsignTime)
		case "render_consign_time":
			fastString(s, &v.RenderConsignTime)
		case "combine_item":
			fastList(s, &v.CombineItem, (*CombineConsignInfo).decodeFast)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *CombineConsignInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "comb_id":
			fastString(s, &v.CombID)
		case "item_id":
			fastString(s, &v.ItemID)
		case "sku_id":
			fastString(s, &v.SkuID)
		case "consign_time":
			fastString(s, &v.ConsignTime)
		case "render_consign_time":
			fastString(s, &v.RenderConsignTime)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticsModifyInfo) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "related_id":
			fastString(s, &v.RelatedID)
		case "consign_time":
			fastString(s, &v.ConsignTime)
		case "origin_consign_time":
			fastString(s, &v.OriginConsignTime)
		case "modify_time":
			fastString(s, &v.ModifyTime)
		case "modify_reason":
			fastString(s, &v.ModifyReason)
		case "item_id":
			fastString(s, &v.ItemID)
		case "sku_id":
			fastString(s, &v.SkuID)
		case "comb_id":
			fastString(s, &v.CombID)
		default:
			fastUnknown(s, key)
		}
	}
}

func (v *LogisticsAgreement) decodeFast(s *jsonscan.Scanner) {
	if s.Null() || !s.ObjectStart() {
		return
	}
	for first := true; s.More(first); first = false {
		key := s.Key()
		switch string(key) {
		case "logistics_service_msg":
			fastString(s, &v.LogisticsServiceMsg)
		case "asdp_biz_type":
			fastString(s, &v.AsdpBizType)
		case "asdp_ads":
			fastString(s, &v.AsdpAds)
		case "sign_time":
			fastString(s, &v.SignTime)
		case "promise_sign_time":
			fastString(s, &v.PromiseSignTime)
		case "push_time":
			fastString(s, &v.PushTime)
		case "no_detail_part_consign":
			fastString(s, &v.NoDetailPartConsign)
		case "sink_type":
			fastString(s, &v.SinkType)
		default:
			fastUnknown(s, key)
		}
	}
}

// TradeFullFields asks taobao.trade.fullinfo.get for every documented field of
// the trade that Trade decodes; nested lists are asked for by their own name
// ("orders" brings whole orders).
var TradeFullFields = []string{
	"buyer_open_uid",
	"title",
	"type",
	"created",
	"sid",
	"tid",
	"acookie_id",
	"seller_rate",
	"buyer_rate",
	"status",
	"payment",
	"discount_fee",
	"adjust_fee",
	"post_fee",
	"total_fee",
	"pay_time",
	"end_time",
	"modified",
	"consign_time",
	"received_payment",
	"commission_fee",
	"buyer_memo",
	"seller_memo",
	"buyer_area",
	"alipay_no",
	"buyer_message",
	"pic_path",
	"num_iid",
	"price",
	"cod_fee",
	"cod_status",
	"buyer_cod_fee",
	"seller_cod_fee",
	"express_agency_fee",
	"shipping_type",
	"num",
	"point_fee",
	"real_point_fee",
	"buyer_obtain_point_fee",
	"buyer_alipay_no",
	"receiver_name",
	"receiver_country",
	"receiver_state",
	"receiver_city",
	"receiver_district",
	"receiver_town",
	"receiver_address",
	"receiver_zip",
	"receiver_mobile",
	"receiver_phone",
	"buyer_email",
	"seller_alipay_no",
	"seller_mobile",
	"seller_phone",
	"seller_name",
	"seller_email",
	"available_confirm_fee",
	"has_post_fee",
	"timeout_action_time",
	"snapshot_url",
	"trade_memo",
	"promotion",
	"is_3D",
	"is_lgtype",
	"is_brand_sale",
	"is_force_wlb",
	"buyer_flag",
	"seller_flag",
	"credit_card_fee",
	"step_trade_status",
	"step_paid_fee",
	"eticket_ext",
	"mark_desc",
	"has_yfx",
	"yfx_fee",
	"yfx_id",
	"yfx_type",
	"send_time",
	"can_rate",
	"seller_can_rate",
	"is_part_consign",
	"is_daixiao",
	"is_wt",
	"arrive_interval",
	"arrive_cut_time",
	"consign_interval",
	"o2o",
	"o2o_guide_id",
	"o2o_guide_name",
	"o2o_shop_id",
	"o2o_shop_name",
	"o2o_delivery",
	"o2o_out_trade_id",
	"shop_code",
	"hk_en_name",
	"hk_flight_no",
	"hk_china_name",
	"hk_card_code",
	"hk_card_type",
	"hk_flight_date",
	"hk_gender",
	"hk_birthday",
	"hk_pickup",
	"hk_pickup_id",
	"est_con_time",
	"orders",
	"promotion_details",
	"service_tags",
	"service_orders",
	"trade_from",
	"trade_source",
	"zero_purchase",
	"alipay_point",
	"pcc_af",
	"trade_ext",
	"order_tax_fee",
	"et_ser_time",
	"et_shop_name",
	"et_verified_shop_name",
	"et_plate_number",
	"o2o_snatch_status",
	"is_sh_ship",
	"eticket_service_addr",
	"et_type",
	"market",
	"obs",
	"et_shop_id",
	"paid_coupon_fee",
	"shop_pick",
	"rx_audit_status",
	"es_date",
	"es_range",
	"os_date",
	"os_range",
	"coupon_fee",
	"post_gate_declare",
	"cross_bonded_declare",
	"trade_attr",
	"top_hold",
	"omni_attr",
	"omni_param",
	"assembly",
	"forbid_consign",
	"identity",
	"team_buy_hold",
	"share_group_hold",
	"ofp_hold",
	"o2o_step_trade_detail",
	"o2o_step_order_id",
	"o2o_et_order_id",
	"o2o_voucher_price",
	"order_tax_promotion_fee",
	"delay_create_delivery",
	"tid_str",
	"toptype",
	"service_type",
	"o2o_service_mobile",
	"o2o_service_name",
	"o2o_service_state",
	"o2o_service_city",
	"o2o_service_district",
	"o2o_service_town",
	"o2o_service_address",
	"o2o_step_trade_detail_new",
	"o2o_xiaopiao",
	"o2o_contract",
	"recharge_fee",
	"retail_store_code",
	"retail_out_order_id",
	"platform_subsidy_fee",
	"nr_offline",
	"wtt_param",
	"logistics_infos",
	"seller_nick",
	"buyer_nick",
	"nr_store_order_id",
	"nr_shop_id",
	"nr_shop_name",
	"nr_shop_guide_id",
	"nr_shop_guide_name",
	"sort_info",
	"sorted",
	"nr_no_handle",
	"biz_code",
	"cloud_store",
	"is_gift",
	"donee_nick",
	"donee_open_uid",
	"suning_shop_code",
	"suning_shop_valid",
	"allow_appkeys",
	"new_presell",
	"you_xiang",
	"retail_store_id",
	"is_istore",
	"ua",
	"linkedmall_ext_info",
	"pay_channel",
	"rt_omni_send_type",
	"rt_omni_store_id",
	"rt_omni_outer_store_id",
	"tcps_start",
	"tcps_code",
	"tcps_end",
	"m_tariff_fee",
	"timing_promise",
	"promise_service",
	"cutoff_minutes",
	"es_time",
	"delivery_time",
	"collect_time",
	"dispatch_time",
	"sign_time",
	"outer_partner_member_id",
	"root_cat",
	"gifting",
	"gifting_takeout",
	"oi_date",
	"oi_range",
	"hold_install",
	"app_name",
	"easy_home_city_type",
	"nr_deposit_order_id",
	"nr_store_code",
	"propoint",
	"zqs_order_tag",
	"txp_freezer_id",
	"txp_receive_method",
	"expandcard_info",
	"extend_info",
	"lm",
	"brand_light_shop_source",
	"brand_light_shop_store_id",
	"is_wmly",
	"omni_package",
	"ncz_ext_attr",
	"invoice_detail_pay",
	"invoice_detail_mid_refund",
	"invoice_detail_after_refund",
	"expand_card_basic_price",
	"expand_card_expand_price",
	"expand_card_basic_price_used",
	"expand_card_expand_price_used",
	"delivery_cps",
	"asdp_biz_type",
	"is_openmall",
	"v_logistics_create",
	"q_r_pay",
	"order_follow_id",
	"asdp_ads",
	"ob_tag",
	"general_new_presell",
	"drug_register",
	"step_pay_details",
	"agree_refund_checks",
	"address_details",
	"stage_address_type",
	"og_id",
	"promise_sign_time",
	"tmall_coupon_fee",
	"delivery_plan",
	"omnichannel_param",
	"oaid",
	"is_cycle_buy",
	"scenario_group",
	"play_type",
	"is_force_dc",
	"combine_logistics_details",
	"identify_info",
	"logistics_consign_info",
	"logistics_modify_info",
	"priority_consign_time",
	"logistics_agreement",
	"real_name_auth_status",
	"third_party_customs_declaration",
	"receipt_type",
	"receipt_rel_ids",
}

// TradeGetFields asks taobao.trade.get for every trade field it documents.
var TradeGetFields = []string{
	"buyer_open_uid",
	"title",
	"type",
	"created",
	"sid",
	"tid",
	"seller_rate",
	"buyer_rate",
	"status",
	"payment",
	"discount_fee",
	"adjust_fee",
	"post_fee",
	"total_fee",
	"pay_time",
	"end_time",
	"modified",
	"consign_time",
	"received_payment",
	"commission_fee",
	"buyer_memo",
	"seller_memo",
	"alipay_no",
	"buyer_message",
	"pic_path",
	"num_iid",
	"price",
	"cod_fee",
	"cod_status",
	"shipping_type",
	"num",
	"point_fee",
	"real_point_fee",
	"buyer_obtain_point_fee",
	"is_daixiao",
	"is_wt",
	"arrive_interval",
	"arrive_cut_time",
	"consign_interval",
	"o2o",
	"o2o_guide_id",
	"o2o_guide_name",
	"o2o_shop_id",
	"o2o_shop_name",
	"o2o_delivery",
	"o2o_out_trade_id",
	"orders",
	"service_tags",
	"order_tax_fee",
	"et_ser_time",
	"et_shop_name",
	"et_verified_shop_name",
	"et_plate_number",
	"eticket_service_addr",
	"o2o_et_order_id",
	"order_tax_promotion_fee",
	"seller_nick",
	"buyer_nick",
	"pmtp",
}

// TradeSoldFields asks taobao.trades.sold.get for every trade field it
// documents.
var TradeSoldFields = []string{
	"buyer_open_uid",
	"title",
	"type",
	"created",
	"sid",
	"tid",
	"acookie_id",
	"seller_rate",
	"buyer_rate",
	"status",
	"payment",
	"discount_fee",
	"adjust_fee",
	"post_fee",
	"total_fee",
	"pay_time",
	"end_time",
	"modified",
	"consign_time",
	"received_payment",
	"commission_fee",
	"buyer_area",
	"alipay_no",
	"pic_path",
	"num_iid",
	"price",
	"cod_fee",
	"cod_status",
	"shipping_type",
	"num",
	"point_fee",
	"real_point_fee",
	"buyer_obtain_point_fee",
	"receiver_name",
	"receiver_country",
	"receiver_state",
	"receiver_city",
	"receiver_district",
	"receiver_town",
	"receiver_address",
	"receiver_zip",
	"receiver_mobile",
	"receiver_phone",
	"is_lgtype",
	"is_brand_sale",
	"is_force_wlb",
	"seller_flag",
	"credit_card_fee",
	"step_trade_status",
	"step_paid_fee",
	"mark_desc",
	"has_yfx",
	"yfx_fee",
	"yfx_id",
	"yfx_type",
	"send_time",
	"seller_can_rate",
	"is_part_consign",
	"is_daixiao",
	"is_wt",
	"o2o",
	"o2o_guide_id",
	"o2o_guide_name",
	"o2o_shop_id",
	"o2o_shop_name",
	"o2o_delivery",
	"o2o_out_trade_id",
	"orders",
	"service_orders",
	"trade_from",
	"trade_source",
	"zero_purchase",
	"order_tax_fee",
	"shop_pick",
	"rx_audit_status",
	"es_date",
	"es_range",
	"os_date",
	"os_range",
	"post_gate_declare",
	"cross_bonded_declare",
	"order_tax_promotion_fee",
	"service_type",
	"logistics_infos",
	"seller_nick",
	"buyer_nick",
	"cutoff_minutes",
	"es_time",
	"delivery_time",
	"collect_time",
	"dispatch_time",
	"sign_time",
	"delivery_cps",
	"asdp_biz_type",
	"asdp_ads",
	"drug_register",
	"promise_sign_time",
	"oaid",
	"scenario_group",
	"is_force_dc",
	"logistics_agreement",
	"async_modified",
	"alipay_id",
	"nut_feature",
	"lg_aging_type",
	"lg_aging",
	"has_buyer_message",
	"is_o2o_passport",
	"tmall_delivery",
	"threepl_timing",
	"cn_service",
}

// TradeIncrementFields asks taobao.trades.sold.increment.get for every trade
// field it documents.
var TradeIncrementFields = []string{
	"buyer_open_uid",
	"title",
	"type",
	"created",
	"tid",
	"seller_rate",
	"buyer_rate",
	"status",
	"payment",
	"discount_fee",
	"adjust_fee",
	"post_fee",
	"total_fee",
	"pay_time",
	"end_time",
	"modified",
	"consign_time",
	"received_payment",
	"pic_path",
	"num_iid",
	"price",
	"shipping_type",
	"num",
	"receiver_name",
	"receiver_country",
	"receiver_state",
	"receiver_city",
	"receiver_district",
	"receiver_town",
	"receiver_address",
	"receiver_zip",
	"receiver_mobile",
	"receiver_phone",
	"seller_flag",
	"credit_card_fee",
	"step_trade_status",
	"step_paid_fee",
	"mark_desc",
	"orders",
	"service_orders",
	"order_tax_fee",
	"shop_pick",
	"rx_audit_status",
	"post_gate_declare",
	"cross_bonded_declare",
	"order_tax_promotion_fee",
	"service_type",
	"seller_nick",
	"buyer_nick",
	"oaid",
	"has_buyer_message",
	"is_o2o_passport",
	"no_shipping",
	"aid",
}

// TradeListFields holds the trade fields that both list APIs,
// taobao.trades.sold.get and taobao.trades.sold.increment.get, document.
var TradeListFields = []string{
	"buyer_open_uid",
	"title",
	"type",
	"created",
	"tid",
	"seller_rate",
	"buyer_rate",
	"status",
	"payment",
	"discount_fee",
	"adjust_fee",
	"post_fee",
	"total_fee",
	"pay_time",
	"end_time",
	"modified",
	"consign_time",
	"received_payment",
	"pic_path",
	"num_iid",
	"price",
	"shipping_type",
	"num",
	"receiver_name",
	"receiver_country",
	"receiver_state",
	"receiver_city",
	"receiver_district",
	"receiver_town",
	"receiver_address",
	"receiver_zip",
	"receiver_mobile",
	"receiver_phone",
	"seller_flag",
	"credit_card_fee",
	"step_trade_status",
	"step_paid_fee",
	"mark_desc",
	"orders",
	"service_orders",
	"order_tax_fee",
	"shop_pick",
	"rx_audit_status",
	"post_gate_declare",
	"cross_bonded_declare",
	"order_tax_promotion_fee",
	"service_type",
	"seller_nick",
	"buyer_nick",
	"oaid",
	"has_buyer_message",
	"is_o2o_passport",
}

// END GENERATED MODELS
