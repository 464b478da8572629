package taobao

//go:generate go run ./internal/fields/cmd/genmodels

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-querystring/query"

	"github.com/toptrade/taobao/internal/envelope"
	"github.com/toptrade/taobao/internal/jsonscan"
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
	return withDefaultFields(o, func(c *TradeGetOptions) *[]string { return &c.Fields }, def)
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
	return withDefaultFields(o, func(c *IncrementListOptions) *[]string { return &c.Fields }, def)
}

// withDefaultFields returns a copy of *o (zero options for a nil o) whose
// fields list, reached through fields, is def when the caller named none.
// The caller's options are never changed.
func withDefaultFields[T any](o *T, fields func(*T) *[]string, def []string) T {
	var c T
	if o != nil {
		c = *o
	}
	if f := fields(&c); len(*f) == 0 {
		*f = def
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

// decodeTradePage decodes an answer of the trade list APIs.
func decodeTradePage(method string, body []byte) (*TradePage, error) {
	var w tradePageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// decodeTradePageSlow decodes through encoding/json only, for comparisons.
func decodeTradePageSlow(method string, body []byte) (*TradePage, error) {
	type plain tradePageWire // no decodeFast method
	var w plain
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return (*tradePageWire)(&w).page(), nil
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
// taobao.trade.get.
func decodeTrade(method string, body []byte) (*Trade, error) {
	var w tradeWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.trade(method, body)
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
	if err != nil || part.IsError || part.Missing {
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
func missingMember(method, member, requestID string, body []byte) error {
	return &DecodeError{
		Method:    method,
		RequestID: requestID,
		Sample:    quoteSample(body),
		Err:       fmt.Errorf("answer has no %q", member),
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
	return s.getTrade(ctx, MethodTradeFullInfo, tid, opts, TradeFullFields)
}

// Get returns part of one trade (by default TradeGetFields); the gateway
// answers it faster than FullInfo.
//
// TOP API: taobao.trade.get
func (s *TradeService) Get(ctx context.Context, tid int64, opts *TradeGetOptions) (*Trade, error) {
	return s.getTrade(ctx, MethodTradeGet, tid, opts, TradeGetFields)
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
	o := opts.withFields(TradeSoldFields)
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
	o := opts.withFields(TradeIncrementFields)
	return s.listPage(ctx, MethodTradesSoldIncrement, o)
}

func (s *TradeService) listPage(ctx context.Context, method string, opts any) (*TradePage, error) {
	params, err := query.Values(opts)
	if err != nil {
		return nil, invalidArg(method, "options", "%v", err)
	}
	var w tradePageWire
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
		o.Fields = slices.Clone(opts.Fields)
		o.Type = slices.Clone(opts.Type)
	}
	return func(yield func(*Trade, error) bool) {
		o := o
		o.UseHasNext = true
		o.PageNo = max(o.PageNo, 1)
		iteratePages(yield, func() (*TradePage, error) { return s.ListSold(ctx, &o) }, &o.PageNo)
	}
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
		o.Fields = slices.Clone(opts.Fields)
		o.Type = slices.Clone(opts.Type)
	}
	return func(yield func(*Trade, error) bool) {
		o := o
		o.UseHasNext = true
		o.PageNo = max(o.PageNo, 1)
		iteratePages(yield, func() (*TradePage, error) { return s.ListSoldIncrement(ctx, &o) }, &o.PageNo)
	}
}

// iteratePages drives a has_next listing: fetch, yield each trade, and
// advance *pageNo while the gateway says more follow.
func iteratePages(yield func(*Trade, error) bool, fetch func() (*TradePage, error), pageNo *int) {
	for {
		p, err := fetch()
		if err != nil {
			yield(nil, err)
			return
		}
		for i := range p.Trades {
			if !yield(&p.Trades[i], nil) {
				return
			}
		}
		if !p.HasNext || len(p.Trades) == 0 {
			return
		}
		*pageNo++
	}
}

// BEGIN GENERATED MODELS: written by `go generate` (internal/fields/cmd/genmodels) from internal/fields; edit those, not this block.

// Trade is a trade (TOP's main order): what the buyer bought from one seller
// in one checkout, with its orders (line items), amounts, receiver and state.
// Which fields are filled depends on the fields asked for; amounts are in fen,
// times in GMT+8.
type Trade struct {
	// BuyerOpenUID is the buyer's app-scoped open id.
	BuyerOpenUID string `json:"buyer_open_uid,omitempty"`

	// Title is the trade's title: the shop's name.
	Title string `json:"title,omitempty"`

	// Type is the kind of trade.
	Type TradeType `json:"type,omitempty"`

	// Created is when the trade was created.
	Created Time `json:"created,omitzero"`

	// Sid is the trade id again (the parent trade), as a string.
	Sid string `json:"sid,omitempty"`

	// Tid is the trade id. It exceeds 2^53: keep it an integer.
	Tid Int64 `json:"tid,omitempty"`

	// AcookieID is the trade's unique Acookie id.
	AcookieID string `json:"acookie_id,omitempty"`

	// SellerRate reports whether the seller has rated.
	SellerRate Bool `json:"seller_rate,omitempty"`

	// BuyerRate reports whether the buyer has rated.
	BuyerRate Bool `json:"buyer_rate,omitempty"`

	// Status is the trade's state.
	Status TradeStatus `json:"status,omitempty"`

	// Payment is what the buyer actually paid, in fen.
	Payment Money `json:"payment,omitempty"`

	// DiscountFee is the system discount (sales, VIP, gifts), in fen;
	// PromotionDetails itemises it.
	DiscountFee Money `json:"discount_fee,omitempty"`

	// AdjustFee is the seller's manual price change, in fen: zero on multi-order
	// trades, the order's value on single-order ones.
	AdjustFee Money `json:"adjust_fee,omitempty"`

	// PostFee is the postage, in fen.
	PostFee Money `json:"post_fee,omitempty"`

	// TotalFee is the goods amount (price times quantity), in fen.
	TotalFee Money `json:"total_fee,omitempty"`

	// PayTime is when the buyer paid; the logistics order is created then.
	PayTime Time `json:"pay_time,omitzero"`

	// EndTime is when the trade ended: completed, receipt confirmed or closed.
	EndTime Time `json:"end_time,omitzero"`

	// Modified is when the trade last changed; any change moves it.
	Modified Time `json:"modified,omitzero"`

	// ConsignTime is when the seller shipped.
	ConsignTime Time `json:"consign_time,omitzero"`

	// ReceivedPayment is what Alipay paid out to the seller so far, in fen; it
	// grows as orders are confirmed.
	ReceivedPayment Money `json:"received_payment,omitempty"`

	// CommissionFee is the platform's commission, in fen.
	CommissionFee Money `json:"commission_fee,omitempty"`

	// BuyerMemo is the buyer's private note (visible to the buyer only).
	BuyerMemo string `json:"buyer_memo,omitempty"`

	// SellerMemo is the seller's private note.
	SellerMemo string `json:"seller_memo,omitempty"`

	// BuyerArea is where the buyer ordered from.
	BuyerArea string `json:"buyer_area,omitempty"`

	// AlipayNo is the Alipay transaction number.
	AlipayNo string `json:"alipay_no,omitempty"`

	// BuyerMessage is the buyer's message to the seller.
	BuyerMessage string `json:"buyer_message,omitempty"`

	// PicPath is the item picture's URL.
	PicPath string `json:"pic_path,omitempty"`

	// NumIid is the item's numeric id.
	NumIid Int64 `json:"num_iid,omitempty"`

	// Price is the item's unit price, in fen.
	Price Money `json:"price,omitempty"`

	// CodFee is the cash-on-delivery service fee, in fen.
	CodFee Money `json:"cod_fee,omitempty"`

	// CodStatus is the carrier's progress on a cash-on-delivery trade.
	CodStatus CodStatus `json:"cod_status,omitempty"`

	// BuyerCodFee is the buyer's share of the cash-on-delivery fee, in fen.
	BuyerCodFee Money `json:"buyer_cod_fee,omitempty"`

	// SellerCodFee is the seller's share of the cash-on-delivery fee, in fen (zero
	// until shipped when the seller pays none).
	SellerCodFee Money `json:"seller_cod_fee,omitempty"`

	// ExpressAgencyFee is the amount the courier collects on delivery, in fen.
	ExpressAgencyFee Money `json:"express_agency_fee,omitempty"`

	// ShippingType is how the trade ships, fixed when it was created.
	ShippingType ShippingType `json:"shipping_type,omitempty"`

	// Num is the quantity bought; 0 on a trade with several orders.
	Num Int64 `json:"num,omitempty"`

	// PointFee is the buyer's points used, fixed when ordering.
	PointFee Int64 `json:"point_fee,omitempty"`

	// RealPointFee is the points actually used after refunds, known once the trade
	// ends.
	RealPointFee Int64 `json:"real_point_fee,omitempty"`

	// BuyerObtainPointFee is the points the buyer earns, credited when the trade
	// completes.
	BuyerObtainPointFee Int64 `json:"buyer_obtain_point_fee,omitempty"`

	// BuyerAlipayNo is the buyer's Alipay account (masked).
	BuyerAlipayNo string `json:"buyer_alipay_no,omitempty"`

	// ReceiverName is the receiver's name (masked or encrypted).
	ReceiverName string `json:"receiver_name,omitempty"`

	// ReceiverCountry is the receiver's country.
	ReceiverCountry string `json:"receiver_country,omitempty"`

	// ReceiverState is the receiver's province.
	ReceiverState string `json:"receiver_state,omitempty"`

	// ReceiverCity is the receiver's city. Province-level cities are here,
	// county-level ones in ReceiverDistrict: use the district when the city is
	// empty.
	ReceiverCity string `json:"receiver_city,omitempty"`

	// ReceiverDistrict is the receiver's district or county.
	ReceiverDistrict string `json:"receiver_district,omitempty"`

	// ReceiverTown is the receiver's town or street.
	ReceiverTown string `json:"receiver_town,omitempty"`

	// ReceiverAddress is the receiver's detailed address (masked or encrypted).
	ReceiverAddress string `json:"receiver_address,omitempty"`

	// ReceiverZip is the receiver's postcode.
	ReceiverZip string `json:"receiver_zip,omitempty"`

	// ReceiverMobile is the receiver's mobile number (masked or encrypted).
	ReceiverMobile string `json:"receiver_mobile,omitempty"`

	// ReceiverPhone is the receiver's phone number (masked or encrypted).
	ReceiverPhone string `json:"receiver_phone,omitempty"`

	// BuyerEmail is the buyer's e-mail address.
	BuyerEmail string `json:"buyer_email,omitempty"`

	// SellerAlipayNo is the seller's Alipay account.
	SellerAlipayNo string `json:"seller_alipay_no,omitempty"`

	// SellerMobile is the seller's mobile number.
	SellerMobile string `json:"seller_mobile,omitempty"`

	// SellerPhone is the seller's phone number.
	SellerPhone string `json:"seller_phone,omitempty"`

	// SellerName is the seller's name.
	SellerName string `json:"seller_name,omitempty"`

	// SellerEmail is the seller's e-mail address.
	SellerEmail string `json:"seller_email,omitempty"`

	// AvailableConfirmFee is the amount still waiting for receipt confirmation, in
	// fen; zero once the trade completes.
	AvailableConfirmFee Money `json:"available_confirm_fee,omitempty"`

	// HasPostFee reports whether AvailableConfirmFee includes the postage.
	HasPostFee Bool `json:"has_post_fee,omitempty"`

	// TimeoutActionTime is when the current state times out (for a shipped, paid
	// trade: automatic receipt).
	TimeoutActionTime Time `json:"timeout_action_time,omitzero"`

	// SnapshotURL is the item snapshot taken at purchase.
	SnapshotURL string `json:"snapshot_url,omitempty"`

	// TradeMemo is the trade's remark.
	TradeMemo string `json:"trade_memo,omitempty"`

	// Promotion describes the trade's promotions.
	Promotion string `json:"promotion,omitempty"`

	// Is3D reports whether this is a 3D trade.
	Is3D Bool `json:"is_3D,omitempty"`

	// IsLgtype reports whether this is a guaranteed-express trade, to be shipped
	// with offline send.
	IsLgtype Bool `json:"is_lgtype,omitempty"`

	// IsBrandSale reports whether this is a brand flash sale; with IsForceWlb it
	// must ship through Taobao's warehouses.
	IsBrandSale Bool `json:"is_brand_sale,omitempty"`

	// IsForceWlb reports whether the trade must ship through Taobao's warehouses
	// (物流宝).
	IsForceWlb Bool `json:"is_force_wlb,omitempty"`

	// BuyerFlag is the buyer's note flag colour, 1 to 5 (red, yellow, green, blue,
	// purple).
	BuyerFlag Int64 `json:"buyer_flag,omitempty"`

	// SellerFlag is the seller's note flag colour, 1 to 5 (red, yellow, green,
	// blue, purple); 0 means none.
	SellerFlag Int64 `json:"seller_flag,omitempty"`

	// CreditCardFee is the amount paid by credit card, in fen.
	CreditCardFee Money `json:"credit_card_fee,omitempty"`

	// StepTradeStatus is the payment state of a trade paid in stages.
	StepTradeStatus StepTradeStatus `json:"step_trade_status,omitempty"`

	// StepPaidFee is what has been paid so far on a trade paid in stages, in fen.
	StepPaidFee Money `json:"step_paid_fee,omitempty"`

	// EticketExt holds the electronic voucher details.
	EticketExt string `json:"eticket_ext,omitempty"`

	// MarkDesc describes a problem with the trade; empty when there is none.
	MarkDesc string `json:"mark_desc,omitempty"`

	// HasYfx reports whether the trade has return-shipping insurance.
	HasYfx Bool `json:"has_yfx,omitempty"`

	// YfxFee is the return-shipping insurance premium, in fen.
	YfxFee Money `json:"yfx_fee,omitempty"`

	// YfxID is the return-shipping insurance payment number.
	YfxID string `json:"yfx_id,omitempty"`

	// YfxType is the return-shipping insurance type.
	YfxType string `json:"yfx_type,omitempty"`

	// SendTime is when a pre-sale trade will ship at the latest.
	SendTime string `json:"send_time,omitempty"`

	// CanRate reports whether the buyer may rate the trade now.
	CanRate Bool `json:"can_rate,omitempty"`

	// SellerCanRate reports whether the seller may rate the trade.
	SellerCanRate Bool `json:"seller_can_rate,omitempty"`

	// IsPartConsign reports whether the seller ships the trade in several parcels.
	IsPartConsign Bool `json:"is_part_consign,omitempty"`

	// IsDaixiao reports whether the trade has a matching dropshipping purchase
	// order.
	IsDaixiao Bool `json:"is_daixiao,omitempty"`

	// IsWt reports whether this is a carrier business-hall (网厅) trade.
	IsWt Bool `json:"is_wt,omitempty"`

	// ArriveInterval is the delivery promise, in days.
	ArriveInterval Int64 `json:"arrive_interval,omitempty"`

	// ArriveCutTime is the daily cut-off for the delivery promise, as HH:mm.
	ArriveCutTime string `json:"arrive_cut_time,omitempty"`

	// ConsignInterval is the shipping promise, in hours.
	ConsignInterval Int64 `json:"consign_interval,omitempty"`

	// O2O marks a shopping-guide (导购宝) trade: "crm".
	O2O string `json:"o2o,omitempty"`

	// O2OGuideID is the shopping guide's id.
	O2OGuideID string `json:"o2o_guide_id,omitempty"`

	// O2OGuideName is the shopping guide's name.
	O2OGuideName string `json:"o2o_guide_name,omitempty"`

	// O2OShopID is the shopping guide's store id.
	O2OShopID string `json:"o2o_shop_id,omitempty"`

	// O2OShopName is the shopping guide's store name.
	O2OShopName string `json:"o2o_shop_name,omitempty"`

	// O2ODelivery is how a guided sale is handed over: inshop (picked up in store)
	// or online (shipped).
	O2ODelivery string `json:"o2o_delivery,omitempty"`

	// O2OOutTradeID is the external trade id of a guided sale.
	O2OOutTradeID string `json:"o2o_out_trade_id,omitempty"`

	// ShopCode is the code of the store where the buyer picks up.
	ShopCode string `json:"shop_code,omitempty"`

	// HkEnName is the traveller's name in pinyin (airport pick-up trades).
	HkEnName string `json:"hk_en_name,omitempty"`

	// HkFlightNo is the traveller's flight number.
	HkFlightNo string `json:"hk_flight_no,omitempty"`

	// HkChinaName is the traveller's Chinese name.
	HkChinaName string `json:"hk_china_name,omitempty"`

	// HkCardCode is the traveller's document number.
	HkCardCode string `json:"hk_card_code,omitempty"`

	// HkCardType is the traveller's document type: 001 Hong Kong/Macau pass, 002
	// Taiwan entry permit, 003 passport.
	HkCardType string `json:"hk_card_type,omitempty"`

	// HkFlightDate is the flight's date and time.
	HkFlightDate string `json:"hk_flight_date,omitempty"`

	// HkGender is the traveller's sex: M or F.
	HkGender string `json:"hk_gender,omitempty"`

	// HkBirthday is the traveller's birth date.
	HkBirthday string `json:"hk_birthday,omitempty"`

	// HkPickup is the pick-up place.
	HkPickup string `json:"hk_pickup,omitempty"`

	// HkPickupID is the pick-up place's id.
	HkPickupID string `json:"hk_pickup_id,omitempty"`

	// EstConTime is the seller's estimated shipping time.
	EstConTime string `json:"est_con_time,omitempty"`

	// Orders are the trade's orders (line items).
	Orders List[Order] `json:"orders,omitempty"`

	// PromotionDetails are the discounts applied to the trade and its orders.
	PromotionDetails List[PromotionDetail] `json:"promotion_details,omitempty"`

	// ServiceTags are the logistics service tags of the trade and its orders.
	ServiceTags List[LogisticsTag] `json:"service_tags,omitempty"`

	// ServiceOrders are the services bought with the trade's items.
	ServiceOrders List[ServiceOrder] `json:"service_orders,omitempty"`

	// TradeFrom lists where the trade came from, comma-separated: WAP, HITAO, TOP,
	// TAOBAO, JHS...
	TradeFrom string `json:"trade_from,omitempty"`

	// TradeSource is the external source, e.g. ownshop (the merchant's own site).
	TradeSource string `json:"trade_source,omitempty"`

	// ZeroPurchase reports whether this is a zero-down phone contract trade under
	// pre-authorisation.
	ZeroPurchase Bool `json:"zero_purchase,omitempty"`

	// AlipayPoint is the Alipay points used, in fen.
	AlipayPoint Int64 `json:"alipay_point,omitempty"`

	// PccAf is the amount paid with Tmall point cards, in fen.
	PccAf Int64 `json:"pcc_af,omitempty"`

	// TradeExt holds the trade's extension flags.
	TradeExt *TradeExt `json:"trade_ext,omitempty"`

	// OrderTaxFee is the import duty of a Tmall Global direct-supply trade.
	OrderTaxFee string `json:"order_tax_fee,omitempty"`

	// EtSerTime is the booked service time (Tmall car services).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is the store where an electronic voucher was booked.
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is the store where an electronic voucher was redeemed.
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is the car's plate number.
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// O2OSnatchStatus is the store order-grabbing state: 0 waiting, 1 grabbing, 2
	// grabbed, 3 shipped, negative values for failures.
	O2OSnatchStatus string `json:"o2o_snatch_status,omitempty"`

	// IsShShip reports whether shipping is blocked.
	IsShShip Bool `json:"is_sh_ship,omitempty"`

	// EticketServiceAddr is the installation address of a home-improvement
	// voucher.
	EticketServiceAddr string `json:"eticket_service_addr,omitempty"`

	// EtType is the type of a scan-to-pay voucher trade.
	EtType string `json:"et_type,omitempty"`

	// Market is the vertical market of the trade.
	Market string `json:"market,omitempty"`

	// Obs marks a store pick-up booking.
	Obs string `json:"obs,omitempty"`

	// EtShopID is the store linked to a scan-to-buy trade.
	EtShopID Int64 `json:"et_shop_id,omitempty"`

	// PaidCouponFee is the cash-back coupon amount, in fen.
	PaidCouponFee Money `json:"paid_coupon_fee,omitempty"`

	// ShopPick marks a trade picked up in a physical store.
	ShopPick string `json:"shop_pick,omitempty"`

	// RxAuditStatus is the prescription review state (0: not reviewed).
	RxAuditStatus string `json:"rx_audit_status,omitempty"`

	// EsDate is the estimated delivery date, yyyyMMdd.
	EsDate string `json:"es_date,omitempty"`

	// EsRange is the estimated delivery time range, hh:mm-hh:mm.
	EsRange string `json:"es_range,omitempty"`

	// OsDate is the delivery date the buyer booked, yyyyMMdd.
	OsDate string `json:"os_date,omitempty"`

	// OsRange is the delivery time range the buyer booked, hh:mm-hh:mm.
	OsRange string `json:"os_range,omitempty"`

	// CouponFee is the coupon amount (an integer; the docs give no unit).
	CouponFee Int64 `json:"coupon_fee,omitempty"`

	// PostGateDeclare reports whether the trade clears customs by post.
	PostGateDeclare Bool `json:"post_gate_declare,omitempty"`

	// CrossBondedDeclare reports whether this is a cross-border trade.
	CrossBondedDeclare Bool `json:"cross_bonded_declare,omitempty"`

	// TradeAttr holds extension attributes as a JSON object in a string, e.g.
	// {"erpHold":"0"} or a payCurrency.
	TradeAttr string `json:"trade_attr,omitempty"`

	// TopHold is 1 when the platform holds the trade back from ERPs, 0 otherwise.
	TopHold Int64 `json:"top_hold,omitempty"`

	// OmniAttr marks an omnichannel (星盘) trade.
	OmniAttr string `json:"omni_attr,omitempty"`

	// OmniParam holds omnichannel (星盘) business data.
	OmniParam string `json:"omni_param,omitempty"`

	// Assembly is an assembly attribute; the docs name it only.
	Assembly string `json:"assembly,omitempty"`

	// ForbidConsign marks a Juhuasuan group-buy trade that may not ship yet.
	ForbidConsign Int64 `json:"forbid_consign,omitempty"`

	// Identity marks a purchase order.
	Identity string `json:"identity,omitempty"`

	// TeamBuyHold marks a Tmall group-buy trade held back.
	TeamBuyHold Int64 `json:"team_buy_hold,omitempty"`

	// ShareGroupHold marks a share-to-buy trade held back.
	ShareGroupHold Int64 `json:"share_group_hold,omitempty"`

	// OfpHold marks a trade held back by Tmall Global.
	OfpHold Int64 `json:"ofp_hold,omitempty"`

	// O2OStepTradeDetail lists the stages of an O2O staged trade, e.g.
	// "3_1_100_paid;3_2_2000_nopaid" (stages, stage, amount in fen, state).
	O2OStepTradeDetail string `json:"o2o_step_trade_detail,omitempty"`

	// O2OStepOrderID is the balance trade of a privileged-deposit trade.
	O2OStepOrderID string `json:"o2o_step_order_id,omitempty"`

	// O2OEtOrderID is the privileged-deposit trade of a staged trade.
	O2OEtOrderID string `json:"o2o_et_order_id,omitempty"`

	// O2OVoucherPrice is the deposit deducted from a staged trade, in fen (a
	// string).
	O2OVoucherPrice string `json:"o2o_voucher_price,omitempty"`

	// OrderTaxPromotionFee is the duty discount of a Tmall Global trade.
	OrderTaxPromotionFee string `json:"order_tax_promotion_fee,omitempty"`

	// DelayCreateDelivery marks a Juhuasuan flash-deal trade.
	DelayCreateDelivery Int64 `json:"delay_create_delivery,omitempty"`

	// TidStr is the trade id as a string, for clients that cannot hold 64-bit
	// integers.
	TidStr string `json:"tid_str,omitempty"`

	// Toptype is the trade kind as the platform classifies it.
	Toptype Int64 `json:"toptype,omitempty"`

	// ServiceType lists the trade services included.
	ServiceType string `json:"service_type,omitempty"`

	// O2OServiceMobile is the O2O service contact's mobile; the docs name it only.
	O2OServiceMobile string `json:"o2o_service_mobile,omitempty"`

	// O2OServiceName is the O2O service contact's name; the docs name it only.
	O2OServiceName string `json:"o2o_service_name,omitempty"`

	// O2OServiceState is the O2O service address's province; the docs name it
	// only.
	O2OServiceState string `json:"o2o_service_state,omitempty"`

	// O2OServiceCity is the O2O service address's city; the docs name it only.
	O2OServiceCity string `json:"o2o_service_city,omitempty"`

	// O2OServiceDistrict is the O2O service address's district; the docs name it
	// only.
	O2OServiceDistrict string `json:"o2o_service_district,omitempty"`

	// O2OServiceTown is the O2O service address's town; the docs name it only.
	O2OServiceTown string `json:"o2o_service_town,omitempty"`

	// O2OServiceAddress is the O2O service address; the docs name it only.
	O2OServiceAddress string `json:"o2o_service_address,omitempty"`

	// O2OStepTradeDetailNew is the newer form of O2oStepTradeDetail; the docs name
	// it only.
	O2OStepTradeDetailNew string `json:"o2o_step_trade_detail_new,omitempty"`

	// O2OXiaopiao is an O2O receipt attribute; the docs name it only.
	O2OXiaopiao string `json:"o2o_xiaopiao,omitempty"`

	// O2OContract is an O2O contract attribute; the docs name it only.
	O2OContract string `json:"o2o_contract,omitempty"`

	// RechargeFee is a top-up amount; the docs name it only.
	RechargeFee string `json:"recharge_fee,omitempty"`

	// RetailStoreCode is a retail store's code; the docs name it only.
	RetailStoreCode string `json:"retail_store_code,omitempty"`

	// RetailOutOrderID is a retail external order id; the docs name it only.
	RetailOutOrderID string `json:"retail_out_order_id,omitempty"`

	// PlatformSubsidyFee is the platform's subsidy, in fen.
	PlatformSubsidyFee Money `json:"platform_subsidy_fee,omitempty"`

	// NrOffline is a new-retail offline mark; the docs name it only.
	NrOffline string `json:"nr_offline,omitempty"`

	// WttParam holds the carrier business-hall data of the trade.
	WttParam string `json:"wtt_param,omitempty"`

	// LogisticsInfos hold the fulfilment advice for each order.
	LogisticsInfos List[LogisticsInfo] `json:"logistics_infos,omitempty"`

	// SellerNick is the seller's nick.
	SellerNick string `json:"seller_nick,omitempty"`

	// BuyerNick is the buyer's nick.
	BuyerNick string `json:"buyer_nick,omitempty"`

	// NrStoreOrderID is a new-retail store order id; the docs name it only.
	NrStoreOrderID string `json:"nr_store_order_id,omitempty"`

	// NrShopID is the new-retail store's id.
	NrShopID string `json:"nr_shop_id,omitempty"`

	// NrShopName is the new-retail store's name.
	NrShopName string `json:"nr_shop_name,omitempty"`

	// NrShopGuideID is the new-retail shopping guide's id.
	NrShopGuideID string `json:"nr_shop_guide_id,omitempty"`

	// NrShopGuideName is the new-retail shopping guide's name.
	NrShopGuideName string `json:"nr_shop_guide_name,omitempty"`

	// SortInfo holds the gateway's sort keys.
	SortInfo *SortInfo `json:"sort_info,omitempty"`

	// Sorted is 1 when the trade was sorted, 2 when not.
	Sorted Int64 `json:"sorted,omitempty"`

	// NrNoHandle marks a one-hour-delivery trade the seller need not handle.
	NrNoHandle string `json:"nr_no_handle,omitempty"`

	// BizCode is tmall.daogoubao.cloudstore for a cloud-store trade.
	BizCode string `json:"biz_code,omitempty"`

	// CloudStore is 1 for a cloud-store trade (a flagship-store trade when BizCode
	// is not the cloud-store one).
	CloudStore string `json:"cloud_store,omitempty"`

	// IsGift reports whether the trade is a gift (not public yet, say the docs).
	IsGift Bool `json:"is_gift,omitempty"`

	// DoneeNick is the gift receiver's nick (not public yet).
	DoneeNick string `json:"donee_nick,omitempty"`

	// DoneeOpenUID is the gift receiver's open id (not public yet).
	DoneeOpenUID string `json:"donee_open_uid,omitempty"`

	// SuningShopCode is the Suning pick-up store's code.
	SuningShopCode string `json:"suning_shop_code,omitempty"`

	// SuningShopValid reports whether the Suning pick-up store is valid.
	SuningShopValid Int64 `json:"suning_shop_valid,omitempty"`

	// AllowAppkeys lists the app keys allowed to see the trade, comma-separated.
	AllowAppkeys string `json:"allow_appkeys,omitempty"`

	// NewPresell reports whether this is a pre-sale trade.
	NewPresell Bool `json:"new_presell,omitempty"`

	// YouXiang reports whether this is a 优享 trade.
	YouXiang Bool `json:"you_xiang,omitempty"`

	// RetailStoreID is the offline store of a Tmall future-store trade.
	RetailStoreID string `json:"retail_store_id,omitempty"`

	// IsIstore reports whether this is an iStore trade.
	IsIstore Bool `json:"is_istore,omitempty"`

	// Ua tells where an iStore trade came from.
	Ua string `json:"ua,omitempty"`

	// LinkedmallExtInfo holds LinkedMall pass-through data.
	LinkedmallExtInfo string `json:"linkedmall_ext_info,omitempty"`

	// PayChannel is how the buyer paid: 0 the buyer, 1 automatic debit, 2
	// insurance.
	PayChannel string `json:"pay_channel,omitempty"`

	// RtOmniSendType is how an omnichannel trade ships: pickUp, tmall or
	// storeSend.
	RtOmniSendType string `json:"rt_omni_send_type,omitempty"`

	// RtOmniStoreID is the store that ships an omnichannel trade.
	RtOmniStoreID string `json:"rt_omni_store_id,omitempty"`

	// RtOmniOuterStoreID is the merchant's own code of that store.
	RtOmniOuterStoreID string `json:"rt_omni_outer_store_id,omitempty"`

	// TcpsStart is the start of the booked same-city delivery window.
	TcpsStart string `json:"tcps_start,omitempty"`

	// TcpsCode is the same-city delivery kind, e.g. com.tmall.dsd (timed
	// delivery).
	TcpsCode string `json:"tcps_code,omitempty"`

	// TcpsEnd is the end of the booked same-city delivery window.
	TcpsEnd string `json:"tcps_end,omitempty"`

	// MTariffFee is the tax the merchant pays for the trade.
	MTariffFee string `json:"m_tariff_fee,omitempty"`

	// TimingPromise is the delivery-promise scheme, e.g. tmallPromise.
	TimingPromise string `json:"timing_promise,omitempty"`

	// PromiseService lists the promised services, comma-separated.
	PromiseService string `json:"promise_service,omitempty"`

	// CutoffMinutes is the logistics cut-off, in minutes.
	CutoffMinutes string `json:"cutoff_minutes,omitempty"`

	// EsTime is the delivery promise, in days.
	EsTime string `json:"es_time,omitempty"`

	// DeliveryTime is the latest shipping date.
	DeliveryTime string `json:"delivery_time,omitempty"`

	// CollectTime is the latest pick-up date.
	CollectTime string `json:"collect_time,omitempty"`

	// DispatchTime is the latest dispatch date.
	DispatchTime string `json:"dispatch_time,omitempty"`

	// SignTime is the latest delivery date.
	SignTime string `json:"sign_time,omitempty"`

	// OuterPartnerMemberID is the buyer's member id with an outside partner.
	OuterPartnerMemberID string `json:"outer_partner_member_id,omitempty"`

	// RootCat is the item's category.
	RootCat string `json:"root_cat,omitempty"`

	// Gifting is 1 for a gifting trade.
	Gifting string `json:"gifting,omitempty"`

	// GiftingTakeout is 1 for a coffee gifting trade.
	GiftingTakeout string `json:"gifting_takeout,omitempty"`

	// OiDate is the booked installation date.
	OiDate string `json:"oi_date,omitempty"`

	// OiRange is the booked installation time range.
	OiRange string `json:"oi_range,omitempty"`

	// HoldInstall marks installation postponed.
	HoldInstall string `json:"hold_install,omitempty"`

	// AppName is the app the trade came from.
	AppName string `json:"app_name,omitempty"`

	// EasyHomeCityType is the same-city station type.
	EasyHomeCityType string `json:"easy_home_city_type,omitempty"`

	// NrDepositOrderID is the same-city station's linked trade.
	NrDepositOrderID string `json:"nr_deposit_order_id,omitempty"`

	// NrStoreCode is the stall's id.
	NrStoreCode string `json:"nr_store_code,omitempty"`

	// Propoint is the Taobao coins used, in fen.
	Propoint string `json:"propoint,omitempty"`

	// ZqsOrderTag marks a periodic-delivery trade.
	ZqsOrderTag string `json:"zqs_order_tag,omitempty"`

	// TxpFreezerID is the 天鲜配 freezer's id.
	TxpFreezerID string `json:"txp_freezer_id,omitempty"`

	// TxpReceiveMethod is how a 天鲜配 trade is collected.
	TxpReceiveMethod string `json:"txp_receive_method,omitempty"`

	// ExpandcardInfo holds the shopping-card amounts.
	ExpandcardInfo *ExpandCardInfo `json:"expandcard_info,omitempty"`

	// ExtendInfo holds extra information.
	ExtendInfo string `json:"extend_info,omitempty"`

	// Lm is "1" when the delivery address was changed.
	Lm string `json:"lm,omitempty"`

	// BrandLightShopSource is where a same-city trade came from.
	BrandLightShopSource string `json:"brand_light_shop_source,omitempty"`

	// BrandLightShopStoreID is the same-city channel store's id.
	BrandLightShopStoreID string `json:"brand_light_shop_store_id,omitempty"`

	// IsWmly marks a perfect-fulfilment trade.
	IsWmly string `json:"is_wmly,omitempty"`

	// OmniPackage holds omnichannel parcel information.
	OmniPackage string `json:"omni_package,omitempty"`

	// NczExtAttr holds 新康众 extension data.
	NczExtAttr string `json:"ncz_ext_attr,omitempty"`

	// InvoiceDetailPay holds invoice details at payment (Apple).
	InvoiceDetailPay string `json:"invoice_detail_pay,omitempty"`

	// InvoiceDetailMidRefund holds invoice details during a refund (Apple).
	InvoiceDetailMidRefund string `json:"invoice_detail_mid_refund,omitempty"`

	// InvoiceDetailAfterRefund holds invoice details after a refund (Apple).
	InvoiceDetailAfterRefund string `json:"invoice_detail_after_refund,omitempty"`

	// ExpandCardBasicPrice is the principal of a shopping card bought.
	ExpandCardBasicPrice string `json:"expand_card_basic_price,omitempty"`

	// ExpandCardExpandPrice is the bonus of a shopping card bought.
	ExpandCardExpandPrice string `json:"expand_card_expand_price,omitempty"`

	// ExpandCardBasicPriceUsed is the shopping-card principal spent on the trade.
	ExpandCardBasicPriceUsed string `json:"expand_card_basic_price_used,omitempty"`

	// ExpandCardExpandPriceUsed is the shopping-card bonus spent on the trade.
	ExpandCardExpandPriceUsed string `json:"expand_card_expand_price_used,omitempty"`

	// DeliveryCps is the delivering carrier.
	DeliveryCps string `json:"delivery_cps,omitempty"`

	// AsdpBizType is the logistics business identity.
	AsdpBizType string `json:"asdp_biz_type,omitempty"`

	// IsOpenmall reports whether this is an Openmall trade.
	IsOpenmall Bool `json:"is_openmall,omitempty"`

	// VLogisticsCreate reports whether this is a 码上收 trade.
	VLogisticsCreate Bool `json:"v_logistics_create,omitempty"`

	// QRPay reports whether the trade has nothing to ship.
	QRPay Bool `json:"q_r_pay,omitempty"`

	// OrderFollowID is the linked trade.
	OrderFollowID string `json:"order_follow_id,omitempty"`

	// AsdpAds marks delivery to the door; several values are comma-separated.
	AsdpAds string `json:"asdp_ads,omitempty"`

	// ObTag is "lg" when the buyer asked the seller to hurry shipping.
	ObTag string `json:"ob_tag,omitempty"`

	// GeneralNewPresell reports whether this is a pre-sale trade, for every kind
	// of pre-sale; filled only when asked for by name.
	GeneralNewPresell Bool `json:"general_new_presell,omitempty"`

	// DrugRegister is 1 when the trade was registered for epidemic control, 0
	// otherwise.
	DrugRegister string `json:"drug_register,omitempty"`

	// StepPayDetails are the stages of a trade paid in stages.
	StepPayDetails List[StepPayDetail] `json:"step_pay_details,omitempty"`

	// AgreeRefundChecks flag what to check before agreeing to a refund.
	AgreeRefundChecks List[AgreeRefundCheck] `json:"agree_refund_checks,omitempty"`

	// AddressDetails are the delivery addresses of each stage.
	AddressDetails List[AddressDetail] `json:"address_details,omitempty"`

	// StageAddressType marks a trade with per-stage addresses.
	StageAddressType string `json:"stage_address_type,omitempty"`

	// OgID is the trade's order-group id.
	OgID string `json:"og_id,omitempty"`

	// PromiseSignTime is the promised (latest) delivery time.
	PromiseSignTime string `json:"promise_sign_time,omitempty"`

	// TmallCouponFee is the Tmall red-packet amount used (an integer; the docs
	// give no unit).
	TmallCouponFee Int64 `json:"tmall_coupon_fee,omitempty"`

	// DeliveryPlan are the planned deliveries of the trade.
	DeliveryPlan List[DeliveryPlan] `json:"delivery_plan,omitempty"`

	// OmnichannelParam holds omnichannel trade data.
	OmnichannelParam string `json:"omnichannel_param,omitempty"`

	// Oaid is the receiver's open addressee id, given only when the fields asked
	// include receiver_name, receiver_address, receiver_mobile, receiver_phone and
	// created; taobao.top.oaid.decrypt turns it into the address.
	Oaid string `json:"oaid,omitempty"`

	// IsCycleBuy reports whether this is a periodic purchase.
	IsCycleBuy Bool `json:"is_cycle_buy,omitempty"`

	// ScenarioGroup marks a 淘鲜达 half-day delivery.
	ScenarioGroup string `json:"scenario_group,omitempty"`

	// PlayType marks the group-buy variant.
	PlayType string `json:"play_type,omitempty"`

	// IsForceDc reports whether the platform routes the trade to a Cainiao
	// warehouse automatically.
	IsForceDc Bool `json:"is_force_dc,omitempty"`

	// CombineLogisticsDetails are the parcels of orders whose bundle components
	// ship separately.
	CombineLogisticsDetails List[CombineLogisticsDetail] `json:"combine_logistics_details,omitempty"`

	// IdentifyInfo holds the third-party authentication records.
	IdentifyInfo *IdentifyInfo `json:"identify_info,omitempty"`

	// LogisticsConsignInfo hold the promised shipping times.
	LogisticsConsignInfo List[LogisticsConsignInfo] `json:"logistics_consign_info,omitempty"`

	// LogisticsModifyInfo record changes of the promised shipping time.
	LogisticsModifyInfo List[LogisticsModifyInfo] `json:"logistics_modify_info,omitempty"`

	// PriorityConsignTime is when the trade should ship first.
	PriorityConsignTime string `json:"priority_consign_time,omitempty"`

	// LogisticsAgreement holds the delivery promises.
	LogisticsAgreement *LogisticsAgreement `json:"logistics_agreement,omitempty"`

	// RealNameAuthStatus is 1 when the Tmall Global buyer's identity is verified,
	// 0 otherwise.
	RealNameAuthStatus string `json:"real_name_auth_status,omitempty"`

	// ThirdPartyCustomsDeclaration is 1 when a third party declares the Tmall
	// Global trade to customs.
	ThirdPartyCustomsDeclaration string `json:"third_party_customs_declaration,omitempty"`

	// ReceiptType is the kind of price-difference make-up: ITEM, POSTAGE or OTHER.
	ReceiptType string `json:"receipt_type,omitempty"`

	// ReceiptRelIDs are the trades a make-up payment relates to.
	ReceiptRelIDs List[string] `json:"receipt_rel_ids,omitempty"`

	// Pmtp names the marketing tool applied before checkout.
	Pmtp string `json:"pmtp,omitempty"`

	// AsyncModified is when the trade reached the seller's pushed database (for
	// the increment APIs).
	AsyncModified Time `json:"async_modified,omitzero"`

	// AlipayID is the buyer's Alipay user id, stable across e-mail changes.
	AlipayID Int64 `json:"alipay_id,omitempty"`

	// NutFeature holds 卡易售 data, without the order's IP.
	NutFeature string `json:"nut_feature,omitempty"`

	// LgAgingType is the delivery speed class (next day, three days...).
	LgAgingType string `json:"lg_aging_type,omitempty"`

	// LgAging is the delivery time of a next-day trade.
	LgAging string `json:"lg_aging,omitempty"`

	// HasBuyerMessage reports whether the buyer left a message.
	HasBuyerMessage Bool `json:"has_buyer_message,omitempty"`

	// IsO2OPassport is true for a smart-store trade (or absent).
	IsO2OPassport Bool `json:"is_o2o_passport,omitempty"`

	// TmallDelivery is a Tmall delivery flag; the docs name it only.
	TmallDelivery Bool `json:"tmall_delivery,omitempty"`

	// ThreeplTiming is a third-party logistics timing flag; the docs name it only.
	ThreeplTiming Bool `json:"threepl_timing,omitempty"`

	// CnService is the Tmall direct-delivery service.
	CnService string `json:"cn_service,omitempty"`

	// NoShipping is true when there is no logistics information (a platform
	// attribute not to rely on).
	NoShipping Bool `json:"no_shipping,omitempty"`

	// Aid is the address id.
	Aid string `json:"aid,omitempty"`
}

func (Trade) topListKey() string { return "trade" }

// Order is one line item of a trade: an item (and SKU) bought in some
// quantity, with its own amounts, state and refund state.
type Order struct {
	// Title is the item's title.
	Title string `json:"title,omitempty"`

	// PicPath is the item picture's URL.
	PicPath string `json:"pic_path,omitempty"`

	// Price is the item's unit price, in fen.
	Price Money `json:"price,omitempty"`

	// NumIid is the item's numeric id.
	NumIid Int64 `json:"num_iid,omitempty"`

	// SkuID is the SKU's id.
	SkuID string `json:"sku_id,omitempty"`

	// OuterIid is the seller's own code for the item.
	OuterIid string `json:"outer_iid,omitempty"`

	// OuterSkuID is the seller's own code for the SKU.
	OuterSkuID string `json:"outer_sku_id,omitempty"`

	// RefundStatus is the state of the order's latest refund.
	RefundStatus RefundStatus `json:"refund_status,omitempty"`

	// Status is the order's state. Never ship an order closed by Taobao.
	Status OrderStatus `json:"status,omitempty"`

	// Oid is the order id; unique across trades.
	Oid Int64 `json:"oid,omitempty"`

	// TotalFee is what the order costs: price*num + adjust_fee - discount_fee, in
	// fen.
	TotalFee Money `json:"total_fee,omitempty"`

	// Payment is what the buyer paid for this order, in fen: price*num +
	// adjust_fee - discount_fee on multi-order trades; on a single-order trade it
	// equals the trade's payment (post fee included).
	Payment Money `json:"payment,omitempty"`

	// DiscountFee is the order-level discount, in fen.
	DiscountFee Money `json:"discount_fee,omitempty"`

	// AdjustFee is the seller's manual price change on this order, in fen.
	AdjustFee Money `json:"adjust_fee,omitempty"`

	// DivideOrderFee is the order's payment after trade-level discounts are spread
	// over the orders, in fen.
	DivideOrderFee Money `json:"divide_order_fee,omitempty"`

	// PartMjzDiscount is this order's share of trade-level discounts, in fen.
	PartMjzDiscount Money `json:"part_mjz_discount,omitempty"`

	// SkuPropertiesName describes the SKU, e.g. "颜色分类:绿檀大圆把".
	SkuPropertiesName string `json:"sku_properties_name,omitempty"`

	// ItemMealID is the item package's id.
	ItemMealID Int64 `json:"item_meal_id,omitempty"`

	// ItemMealName describes the item package.
	ItemMealName string `json:"item_meal_name,omitempty"`

	// Num is the quantity bought.
	Num Int64 `json:"num,omitempty"`

	// SnapshotURL is the item snapshot taken at purchase.
	SnapshotURL string `json:"snapshot_url,omitempty"`

	// TimeoutActionTime is when this order's current state times out.
	TimeoutActionTime Time `json:"timeout_action_time,omitzero"`

	// ItemMemo is the item's remark.
	ItemMemo string `json:"item_memo,omitempty"`

	// BuyerRate reports whether the buyer has rated.
	BuyerRate Bool `json:"buyer_rate,omitempty"`

	// SellerRate reports whether the seller has rated.
	SellerRate Bool `json:"seller_rate,omitempty"`

	// RefundID is the latest refund's id.
	RefundID string `json:"refund_id,omitempty"`

	// SellerType is B for a Tmall merchant, C for an ordinary seller.
	SellerType string `json:"seller_type,omitempty"`

	// Cid is the item's category id.
	Cid Int64 `json:"cid,omitempty"`

	// IsOversold reports whether the item was oversold.
	IsOversold Bool `json:"is_oversold,omitempty"`

	// EndTime is when this order ended; it may be earlier than the trade's.
	EndTime Time `json:"end_time,omitzero"`

	// OrderFrom tells where the order came from, e.g. jhs, taobao, wap.
	OrderFrom string `json:"order_from,omitempty"`

	// IsServiceOrder reports whether this is a service order.
	IsServiceOrder Bool `json:"is_service_order,omitempty"`

	// ConsignTime is when this order shipped; after split shipments it may differ
	// from the trade's.
	ConsignTime Time `json:"consign_time,omitzero"`

	// ShippingType is how this order ships; after split shipments orders may
	// differ.
	ShippingType ShippingType `json:"shipping_type,omitempty"`

	// LogisticsCompany is the carrier that shipped the order.
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// InvoiceNo is the waybill number of the order's parcel.
	InvoiceNo string `json:"invoice_no,omitempty"`

	// BindOid is an order that must ship together with this one.
	BindOid Int64 `json:"bind_oid,omitempty"`

	// IsDaixiao reports whether the trade has a matching dropshipping purchase
	// order.
	IsDaixiao Bool `json:"is_daixiao,omitempty"`

	// TicketOuterID is the external id of a ticket's validity period.
	TicketOuterID string `json:"ticket_outer_id,omitempty"`

	// TicketExpdateKey is the key of a ticket's validity period.
	TicketExpdateKey string `json:"ticket_expdate_key,omitempty"`

	// IsWww reports whether this is a www order.
	IsWww Bool `json:"is_www,omitempty"`

	// StoreCode is the warehouse the order ships from.
	StoreCode string `json:"store_code,omitempty"`

	// TmserSpuCode is the home-improvement logistics type.
	TmserSpuCode string `json:"tmser_spu_code,omitempty"`

	// SubOrderTaxFee is the import duty of a Tmall Global direct-supply order.
	SubOrderTaxFee string `json:"sub_order_tax_fee,omitempty"`

	// SubOrderTaxRate is the import duty rate of a Tmall Global direct-supply
	// order.
	SubOrderTaxRate string `json:"sub_order_tax_rate,omitempty"`

	// EtSerTime is the booked service time (Tmall car services).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is the store where an electronic voucher was booked.
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is the store where an electronic voucher was redeemed.
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is the car's plate number.
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// EstimateConTime is the order's estimated shipping time.
	EstimateConTime string `json:"estimate_con_time,omitempty"`

	// BindOids lists the orders that must ship with this one, comma-separated.
	BindOids string `json:"bind_oids,omitempty"`

	// ZhengjiStatus is the state of a crowd pre-sale: 1 collecting, 2 succeeded, 3
	// failed.
	ZhengjiStatus string `json:"zhengji_status,omitempty"`

	// MdQualification is the free-order qualification.
	MdQualification string `json:"md_qualification,omitempty"`

	// MdFee is the free-order amount.
	MdFee string `json:"md_fee,omitempty"`

	// Customization holds customisation details.
	Customization string `json:"customization,omitempty"`

	// InvType is the stock type; 6 means in transit.
	InvType string `json:"inv_type,omitempty"`

	// IsShShip reports whether the order was shipped.
	IsShShip Bool `json:"is_sh_ship,omitempty"`

	// Shipper holds warehousing information.
	Shipper string `json:"shipper,omitempty"`

	// FType is the fulfilment type, e.g. jsd (express delivery).
	FType string `json:"f_type,omitempty"`

	// FStatus is the fulfilment state.
	FStatus string `json:"f_status,omitempty"`

	// FTerm holds fulfilment details.
	FTerm string `json:"f_term,omitempty"`

	// ComboID is the Tmall bundle (搭配宝) id.
	ComboID string `json:"combo_id,omitempty"`

	// OrderAttr holds extension attributes of the order.
	OrderAttr string `json:"order_attr,omitempty"`

	// AssemblyRela is an assembly relation; the docs name it only.
	AssemblyRela string `json:"assembly_rela,omitempty"`

	// AssemblyPrice is an assembly price; the docs name it only.
	AssemblyPrice string `json:"assembly_price,omitempty"`

	// AssemblyItem is an assembly item; the docs name it only.
	AssemblyItem string `json:"assembly_item,omitempty"`

	// SubOrderTaxPromotionFee is the duty discount of a Tmall Global order.
	SubOrderTaxPromotionFee string `json:"sub_order_tax_promotion_fee,omitempty"`

	// DownPayment is a car-finance down payment; the docs name it only.
	DownPayment string `json:"down_payment,omitempty"`

	// DownPaymentRatio is a car-finance down-payment ratio; the docs name it only.
	DownPaymentRatio string `json:"down_payment_ratio,omitempty"`

	// MonthPayment is a car-finance monthly payment; the docs name it only.
	MonthPayment string `json:"month_payment,omitempty"`

	// TailPayment is a car-finance final payment; the docs name it only.
	TailPayment string `json:"tail_payment,omitempty"`

	// InstallmentNum is a car-finance instalment count; the docs name it only.
	InstallmentNum string `json:"installment_num,omitempty"`

	// Penalty is a car-finance penalty; the docs name it only.
	Penalty string `json:"penalty,omitempty"`

	// ServiceFee is a car-finance service fee; the docs name it only.
	ServiceFee string `json:"service_fee,omitempty"`

	// CarTaker is who collects the car; the docs name it only.
	CarTaker string `json:"car_taker,omitempty"`

	// CarTakerPhone is the car collector's phone; the docs name it only.
	CarTakerPhone string `json:"car_taker_phone,omitempty"`

	// CarTakerID is the car collector's id; the docs name it only.
	CarTakerID string `json:"car_taker_id,omitempty"`

	// CarStoreCode is the car store's code; the docs name it only.
	CarStoreCode string `json:"car_store_code,omitempty"`

	// CarStoreName is the car store's name; the docs name it only.
	CarStoreName string `json:"car_store_name,omitempty"`

	// OutUniqueID is an external unique id; the docs name it only.
	OutUniqueID string `json:"out_unique_id,omitempty"`

	// WsBankApplyNo is a MYbank application number; the docs name it only.
	WsBankApplyNo string `json:"ws_bank_apply_no,omitempty"`

	// OidStr is the order id as a string.
	OidStr string `json:"oid_str,omitempty"`

	// FqgNum is the number of Huabei instalments.
	FqgNum Int64 `json:"fqg_num,omitempty"`

	// IsFqgSFee reports whether the seller pays the instalment fee.
	IsFqgSFee Bool `json:"is_fqg_s_fee,omitempty"`

	// TaxFree reports whether the Tmall Global order's duty is included.
	TaxFree Bool `json:"tax_free,omitempty"`

	// TaxCouponDiscount is the duty included in a Tmall Global order.
	TaxCouponDiscount string `json:"tax_coupon_discount,omitempty"`

	// NrReduceInvFail is a new-retail stock-reduction failure mark; the docs name
	// it only.
	NrReduceInvFail string `json:"nr_reduce_inv_fail,omitempty"`

	// NrOuterIid is the new-retail merchant's item code.
	NrOuterIid string `json:"nr_outer_iid,omitempty"`

	// BindOidsAllStatus is BindOids, also filled once the trade is completed or
	// closed.
	BindOidsAllStatus string `json:"bind_oids_all_status,omitempty"`

	// SortInfo holds the gateway's sort keys.
	SortInfo *SortInfo `json:"sort_info,omitempty"`

	// O2OGuideID is the shopping guide's id.
	O2OGuideID string `json:"o2o_guide_id,omitempty"`

	// O2OGuideName is the shopping guide's name.
	O2OGuideName string `json:"o2o_guide_name,omitempty"`

	// O2OShopID is the shopping guide's store id.
	O2OShopID string `json:"o2o_shop_id,omitempty"`

	// O2OShopName is the shopping guide's store name.
	O2OShopName string `json:"o2o_shop_name,omitempty"`

	// BizCode is tmall.daogoubao.cloudstore for a cloud-store trade.
	BizCode string `json:"biz_code,omitempty"`

	// CloudStore is 1 for a cloud-store trade (a flagship-store trade when BizCode
	// is not the cloud-store one).
	CloudStore string `json:"cloud_store,omitempty"`

	// HjSettleNoCommission tells whether a cloud-store order pays commission.
	HjSettleNoCommission string `json:"hj_settle_no_commission,omitempty"`

	// OrderTaking marks a cloud-store order as taken.
	OrderTaking string `json:"order_taking,omitempty"`

	// CloudStoreToken is the cloud store's price-change token.
	CloudStoreToken string `json:"cloud_store_token,omitempty"`

	// CloudStoreBindPos is the cloud store's POS receipt number.
	CloudStoreBindPos string `json:"cloud_store_bind_pos,omitempty"`

	// RetailStoreID is the offline store of a Tmall future-store trade.
	RetailStoreID string `json:"retail_store_id,omitempty"`

	// OutItemID is the external ERP item id of a Tmall future-store order.
	OutItemID string `json:"out_item_id,omitempty"`

	// RtOmniOuterScID is the merchant's own goods code of an omnichannel order.
	RtOmniOuterScID string `json:"rt_omni_outer_sc_id,omitempty"`

	// RtOmniScID is the back-end goods id of an omnichannel order.
	RtOmniScID string `json:"rt_omni_sc_id,omitempty"`

	// ModifyAddress is 1 when the buyer changed the address after paying, 2
	// before.
	ModifyAddress string `json:"modify_address,omitempty"`

	// TiModifyAddressTime is when the buyer changed the address.
	TiModifyAddressTime string `json:"ti_modify_address_time,omitempty"`

	// CreditBuy is the credit-purchase phase (1, 2 or 3) of a credit-purchase
	// order.
	CreditBuy string `json:"credit_buy,omitempty"`

	// STariffFee is the tax the merchant pays for the order.
	STariffFee string `json:"s_tariff_fee,omitempty"`

	// TimingPromise is the delivery-promise scheme, e.g. tmallPromise.
	TimingPromise string `json:"timing_promise,omitempty"`

	// PromiseService lists the promised services, comma-separated.
	PromiseService string `json:"promise_service,omitempty"`

	// EsDate is the estimated delivery date, yyyyMMdd.
	EsDate string `json:"es_date,omitempty"`

	// EsRange is the estimated delivery time range, hh:mm-hh:mm.
	EsRange string `json:"es_range,omitempty"`

	// OsDate is the delivery date the buyer booked, yyyyMMdd.
	OsDate string `json:"os_date,omitempty"`

	// OsRange is the delivery time range the buyer booked, hh:mm-hh:mm.
	OsRange string `json:"os_range,omitempty"`

	// CutoffMinutes is the logistics cut-off, in minutes.
	CutoffMinutes string `json:"cutoff_minutes,omitempty"`

	// EsTime is the delivery promise, in days.
	EsTime string `json:"es_time,omitempty"`

	// DeliveryTime is the latest shipping date.
	DeliveryTime string `json:"delivery_time,omitempty"`

	// CollectTime is the latest pick-up date.
	CollectTime string `json:"collect_time,omitempty"`

	// DispatchTime is the latest dispatch date.
	DispatchTime string `json:"dispatch_time,omitempty"`

	// SignTime is the latest delivery date.
	SignTime string `json:"sign_time,omitempty"`

	// PromiseEndTime is when a credit purchase's commitment ends.
	PromiseEndTime string `json:"promise_end_time,omitempty"`

	// OsActivityID is the "first N buyers" gift campaign's id.
	OsActivityID string `json:"os_activity_id,omitempty"`

	// OsFgItemID is the gift item of a "first N buyers" campaign.
	OsFgItemID string `json:"os_fg_item_id,omitempty"`

	// OsGiftCount is the number of gifts won.
	OsGiftCount string `json:"os_gift_count,omitempty"`

	// OsSortNum is the rank that won the gift.
	OsSortNum string `json:"os_sort_num,omitempty"`

	// Propoint is the Taobao coins used, in fen.
	Propoint string `json:"propoint,omitempty"`

	// IsKaola reports whether the item is a Kaola item.
	IsKaola Bool `json:"is_kaola,omitempty"`

	// SpecialRefundType is a special refund kind, such as live-stream cash back or
	// price protection.
	SpecialRefundType string `json:"special_refund_type,omitempty"`

	// ExtendInfo holds extra information.
	ExtendInfo string `json:"extend_info,omitempty"`

	// IsDevalueFee reports whether the order's discount lost value.
	IsDevalueFee Bool `json:"is_devalue_fee,omitempty"`

	// BrandLightShopStoreID is the same-city channel store's id.
	BrandLightShopStoreID string `json:"brand_light_shop_store_id,omitempty"`

	// BrandLightShopSource is where a same-city trade came from.
	BrandLightShopSource string `json:"brand_light_shop_source,omitempty"`

	// ServiceOrderType is the service order kind: 1 attached to an order, 2 two
	// main orders, 3 sold alone.
	ServiceOrderType string `json:"service_order_type,omitempty"`

	// ServiceOuterID is the service provider's own code.
	ServiceOuterID string `json:"service_outer_id,omitempty"`

	// ExpandCardExpandPriceUsedSuborder is the shopping-card bonus spent on this
	// order, in fen.
	ExpandCardExpandPriceUsedSuborder Money `json:"expand_card_expand_price_used_suborder,omitempty"`

	// ExpandCardBasicPriceUsedSuborder is the shopping-card principal spent on
	// this order, in fen.
	ExpandCardBasicPriceUsedSuborder Money `json:"expand_card_basic_price_used_suborder,omitempty"`

	// Lijian is the instant discount of a pre-sale order.
	Lijian string `json:"lijian,omitempty"`

	// AutoFlow is 1 when a warehouse order flows automatically, 0 when not.
	AutoFlow string `json:"auto_flow,omitempty"`

	// TradeFulfillmentType is the fulfilment type.
	TradeFulfillmentType Int64 `json:"trade_fulfillment_type,omitempty"`

	// DistributeStatus is the dropshipping state: empty (none), distribute or
	// cancel.
	DistributeStatus string `json:"distribute_status,omitempty"`

	// IsIdle is 1 for a Xianyu (second-hand) order, 0 otherwise.
	IsIdle string `json:"is_idle,omitempty"`

	// GiftMids links a gift order and its main order.
	GiftMids string `json:"gift_mids,omitempty"`

	// IsFreeGift reports whether this order is a free gift.
	IsFreeGift Bool `json:"is_free_gift,omitempty"`

	// HasGift reports whether this order comes with gifts.
	HasGift Bool `json:"has_gift,omitempty"`

	// PromiseCollectTime is the promised (latest) pick-up time.
	PromiseCollectTime string `json:"promise_collect_time,omitempty"`

	// IsForceDc reports whether the platform routes the order to a Cainiao
	// warehouse automatically.
	IsForceDc Bool `json:"is_force_dc,omitempty"`

	// B2BDaixiao tells whether the order is B2B dropshipping.
	B2BDaixiao string `json:"b2b_daixiao,omitempty"`

	// ShipInfo records how the order shipped.
	ShipInfo List[ShipInfo] `json:"ship_info,omitempty"`

	// CombineItemInfo are the components of a bundle item.
	CombineItemInfo List[CombineSubItem] `json:"combine_item_info,omitempty"`

	// NeedReturn reports, for a gift order, whether it must come back with a
	// returned main item (absent means yes).
	NeedReturn Bool `json:"need_return,omitempty"`

	// BundleID is the bundle's id.
	BundleID string `json:"bundle_id,omitempty"`

	// BundleOutName is the bundle's name.
	BundleOutName string `json:"bundle_out_name,omitempty"`

	// BundleType is the bundle kind: 1 promotional, 2 audience.
	BundleType Int64 `json:"bundle_type,omitempty"`

	// OneYuanReservationOrders is the linked one-yuan reservation order.
	OneYuanReservationOrders string `json:"one_yuan_reservation_orders,omitempty"`

	// IsJzfx reports whether this is a home-improvement distribution order; filled
	// only when "orders.is_jzfx" is asked for.
	IsJzfx Bool `json:"is_jzfx,omitempty"`

	// JewccNo is the appraisal code.
	JewccNo string `json:"jewcc_no,omitempty"`

	// ShpInfo records how the order shipped (the name taobao.trades.sold.get
	// documents; fullinfo says ship_info).
	ShpInfo List[ShipInfo] `json:"shp_info,omitempty"`
}

func (Order) topListKey() string { return "order" }

// SortInfo holds the gateway's sort keys of a trade or order.
type SortInfo struct {
	// DaySortVal is the daily sort key.
	DaySortVal Int64 `json:"day_sort_val,omitempty"`

	// HourSortVal is the hourly sort key.
	HourSortVal Int64 `json:"hour_sort_val,omitempty"`
}

// ShipInfo records how an order was shipped.
type ShipInfo struct {
	// TransportType is the shipping method, in lower case.
	TransportType string `json:"transport_type,omitempty"`
}

func (ShipInfo) topListKey() string { return "ship_info" }

// CombineSubItem is one component item of a bundle sold as a single order
// (TOP's CombineSubItemDO).
type CombineSubItem struct {
	// ItemID is the item's numeric id.
	ItemID Int64 `json:"item_id,omitempty"`

	// SkuID is the component's SKU id.
	SkuID Int64 `json:"sku_id,omitempty"`

	// Quantity is the component's quantity.
	Quantity Int64 `json:"quantity,omitempty"`

	// ItemName is the component's name.
	ItemName string `json:"item_name,omitempty"`

	// OuterIid is the seller's own code for the item.
	OuterIid string `json:"outer_iid,omitempty"`

	// SkuTitle is the component's SKU title.
	SkuTitle string `json:"sku_title,omitempty"`

	// OriginFee is the component's original price (an integer; the docs give no
	// unit).
	OriginFee Int64 `json:"origin_fee,omitempty"`

	// CombineSubItemFee is the component's bundle price (an integer; the docs give
	// no unit).
	CombineSubItemFee Int64 `json:"combine_sub_item_fee,omitempty"`

	// Ismain reports whether the component is the bundle's main item.
	Ismain Bool `json:"ismain,omitempty"`

	// EstconTime is the component's promised shipping time: a date (yyyy-MM-dd) or
	// a number of days.
	EstconTime string `json:"estcon_time,omitempty"`

	// OuterSkuID is the seller's own code for the SKU.
	OuterSkuID string `json:"outer_sku_id,omitempty"`

	// EduOriginalFee is the original price before the education discount (an
	// integer; the docs give no unit).
	EduOriginalFee Int64 `json:"edu_original_fee,omitempty"`
}

func (CombineSubItem) topListKey() string { return "combine_sub_item_do" }

// PromotionDetail is one discount applied to a trade or to one of its orders.
type PromotionDetail struct {
	// ID is the trade or order the discount applies to.
	ID Int64 `json:"id,omitempty"`

	// PromotionName is the discount's name.
	PromotionName string `json:"promotion_name,omitempty"`

	// DiscountFee is this discount's amount, in fen; zero for free shipping and
	// time-limited sales.
	DiscountFee Money `json:"discount_fee,omitempty"`

	// GiftItemName is the gift item's name.
	GiftItemName string `json:"gift_item_name,omitempty"`

	// GiftItemID is the gift item's id.
	GiftItemID string `json:"gift_item_id,omitempty"`

	// GiftItemNum is how many gifts.
	GiftItemNum string `json:"gift_item_num,omitempty"`

	// PromotionDesc describes the discount.
	PromotionDesc string `json:"promotion_desc,omitempty"`

	// PromotionID is the discount's id: tool id, campaign id and detail id, e.g.
	// mjs-123024_211143.
	PromotionID string `json:"promotion_id,omitempty"`

	// KdDiscountFee is the discount's share for this order, in fen; zero for free
	// shipping and time-limited sales.
	KdDiscountFee Money `json:"kd_discount_fee,omitempty"`

	// KdChildDiscountFee holds the shares of each order when the discount is on
	// the trade.
	KdChildDiscountFee string `json:"kd_child_discount_fee,omitempty"`
}

func (PromotionDetail) topListKey() string { return "promotion_detail" }

// LogisticsTag holds the logistics service tags of a trade or order.
type LogisticsTag struct {
	// OrderID is the trade or order the tags belong to.
	OrderID string `json:"order_id,omitempty"`

	// LogisticServiceTagList are the logistics services and their tags.
	LogisticServiceTagList List[LogisticServiceTag] `json:"logistic_service_tag_list,omitempty"`
}

func (LogisticsTag) topListKey() string { return "logistics_tag" }

// LogisticServiceTag is one logistics service and its tags.
type LogisticServiceTag struct {
	// ServiceTag lists the service's tags, separated by semicolons. To check a
	// carrier, look for its code here.
	ServiceTag string `json:"service_tag,omitempty"`

	// ServiceType is the service type; check carriers in ServiceTag, not here.
	ServiceType string `json:"service_type,omitempty"`
}

func (LogisticServiceTag) topListKey() string { return "logistic_service_tag" }

// ServiceOrder is a service bought with an item (an extended warranty,
// installation...), billed as its own order.
type ServiceOrder struct {
	// Oid is the service order's id.
	Oid Int64 `json:"oid,omitempty"`

	// ItemOid is the order the service covers.
	ItemOid Int64 `json:"item_oid,omitempty"`

	// ServiceID is the service's numeric id.
	ServiceID Int64 `json:"service_id,omitempty"`

	// ServiceDetailURL is the URL of the service's details.
	ServiceDetailURL string `json:"service_detail_url,omitempty"`

	// Num is the number of services bought.
	Num Int64 `json:"num,omitempty"`

	// Price is the service's price, in fen.
	Price Money `json:"price,omitempty"`

	// Payment is what the buyer paid for the service, in fen.
	Payment Money `json:"payment,omitempty"`

	// Title is the service's name.
	Title string `json:"title,omitempty"`

	// TotalFee is the service order's total, in fen.
	TotalFee Money `json:"total_fee,omitempty"`

	// BuyerNick is the buyer's nick (the docs say seller's, a slip).
	BuyerNick string `json:"buyer_nick,omitempty"`

	// RefundID is the latest refund's id.
	RefundID string `json:"refund_id,omitempty"`

	// SellerNick is the seller's nick.
	SellerNick string `json:"seller_nick,omitempty"`

	// PicPath is the service picture's URL.
	PicPath string `json:"pic_path,omitempty"`

	// TmserSpuCode is the home-improvement logistics type.
	TmserSpuCode string `json:"tmser_spu_code,omitempty"`

	// EtSerTime is the booked service time (Tmall car services).
	EtSerTime string `json:"et_ser_time,omitempty"`

	// EtShopName is the store where an electronic voucher was booked.
	EtShopName string `json:"et_shop_name,omitempty"`

	// EtVerifiedShopName is the store where an electronic voucher was redeemed.
	EtVerifiedShopName string `json:"et_verified_shop_name,omitempty"`

	// EtPlateNumber is the car's plate number.
	EtPlateNumber string `json:"et_plate_number,omitempty"`

	// OidStr is the order id as a string.
	OidStr string `json:"oid_str,omitempty"`

	// AppleCareEmail is the AppleCare e-mail; the docs name it only.
	AppleCareEmail string `json:"apple_care_email,omitempty"`

	// AppleCareMpn is the AppleCare part number; the docs name it only.
	AppleCareMpn string `json:"apple_care_mpn,omitempty"`

	// ServiceOuterID is the service provider's own code.
	ServiceOuterID string `json:"service_outer_id,omitempty"`

	// ServiceOrderType is the service order kind: 1 attached to an order, 2 two
	// main orders, 3 sold alone.
	ServiceOrderType string `json:"service_order_type,omitempty"`

	// ExtServiceBizID links the service order to the item order.
	ExtServiceBizID string `json:"ext_service_biz_id,omitempty"`

	// CombineSubItemID is the bundle component the service belongs to.
	CombineSubItemID Int64 `json:"combine_sub_item_id,omitempty"`

	// CombineSubItemSkuID is that component's SKU id.
	CombineSubItemSkuID Int64 `json:"combine_sub_item_sku_id,omitempty"`

	// CommAmountUnit is the bundle service's original price, in fen (a string).
	CommAmountUnit string `json:"comm_amount_unit,omitempty"`
}

func (ServiceOrder) topListKey() string { return "service_order" }

// TradeExt holds a trade's extension flags, set by third parties at stages of
// the trade.
type TradeExt struct {
	// BeforeEnableFlag is the extension flag set before the trade is enabled.
	BeforeEnableFlag Int64 `json:"before_enable_flag,omitempty"`

	// BeforeCloseFlag is the extension flag set before closing.
	BeforeCloseFlag Int64 `json:"before_close_flag,omitempty"`

	// BeforePayFlag is the extension flag set before payment.
	BeforePayFlag Int64 `json:"before_pay_flag,omitempty"`

	// BeforeShipFlag is the extension flag set before shipping.
	BeforeShipFlag Int64 `json:"before_ship_flag,omitempty"`

	// BeforeConfirmFlag is the extension flag set before receipt confirmation.
	BeforeConfirmFlag Int64 `json:"before_confirm_flag,omitempty"`

	// BeforeRateFlag is the extension flag set before rating.
	BeforeRateFlag Int64 `json:"before_rate_flag,omitempty"`

	// BeforeRefundFlag is the extension flag set before a refund.
	BeforeRefundFlag Int64 `json:"before_refund_flag,omitempty"`

	// BeforeModifyFlag is the extension flag set before a change.
	BeforeModifyFlag Int64 `json:"before_modify_flag,omitempty"`

	// ThirdPartyStatus is a state the third party defines.
	ThirdPartyStatus Int64 `json:"third_party_status,omitempty"`

	// ExtraData holds the third party's own data.
	ExtraData string `json:"extra_data,omitempty"`

	// ExtAttributes holds attribute marks.
	ExtAttributes string `json:"ext_attributes,omitempty"`
}

// LogisticsInfo holds the fulfilment advice for one order: warehouse,
// quantity, carrier advice.
type LogisticsInfo struct {
	// TradeID is the trade.
	TradeID Int64 `json:"trade_id,omitempty"`

	// SubTradeID is the order.
	SubTradeID Int64 `json:"sub_trade_id,omitempty"`

	// ItemID is the warehouse goods id.
	ItemID string `json:"item_id,omitempty"`

	// ItemCode is the warehouse goods code.
	ItemCode string `json:"item_code,omitempty"`

	// NeedConsignNum is the quantity to ship.
	NeedConsignNum Int64 `json:"need_consign_num,omitempty"`

	// StoreCode is the Cainiao regional warehouse, or SC for the merchant's own.
	StoreCode string `json:"store_code,omitempty"`

	// Type says where the order came from: 00 the trade, 10 added by the
	// fulfilment system.
	Type string `json:"type,omitempty"`

	// SkuID is the SKU's id.
	SkuID string `json:"sku_id,omitempty"`

	// NumIid is the item's numeric id.
	NumIid Int64 `json:"num_iid,omitempty"`

	// ConsignType is CN when Cainiao ships, SC when the merchant's warehouse does.
	ConsignType string `json:"consign_type,omitempty"`

	// CombineItemID is the combined goods id.
	CombineItemID string `json:"combine_item_id,omitempty"`

	// CombineItemCode is the combined goods code.
	CombineItemCode string `json:"combine_item_code,omitempty"`

	// ItemRatio is the combined goods ratio.
	ItemRatio Int64 `json:"item_ratio,omitempty"`

	// BarCode is the goods bar code.
	BarCode string `json:"bar_code,omitempty"`

	// DeliveryCps is the recommended carrier.
	DeliveryCps string `json:"delivery_cps,omitempty"`

	// BizDeliveryCode is the recommended carrier's ERP code.
	BizDeliveryCode string `json:"biz_delivery_code,omitempty"`

	// BizStoreCode is the warehouse's merchant code.
	BizStoreCode string `json:"biz_store_code,omitempty"`

	// BizSdType is the kind of warehouse and delivery advice.
	BizSdType string `json:"biz_sd_type,omitempty"`

	// SendCountry is the advised ship-from country.
	SendCountry string `json:"send_country,omitempty"`

	// SendState is the advised ship-from province.
	SendState string `json:"send_state,omitempty"`

	// SendCity is the advised ship-from city.
	SendCity string `json:"send_city,omitempty"`

	// SendDistrict is the advised ship-from district.
	SendDistrict string `json:"send_district,omitempty"`

	// SendTown is the advised ship-from town.
	SendTown string `json:"send_town,omitempty"`

	// SendDivisionCode is the advised ship-from area code.
	SendDivisionCode string `json:"send_division_code,omitempty"`

	// BlackDeliveryCps lists the carriers not to use.
	BlackDeliveryCps string `json:"black_delivery_cps,omitempty"`

	// WhiteDeliveryCps lists the carriers to choose from.
	WhiteDeliveryCps string `json:"white_delivery_cps,omitempty"`

	// BizDeliveryType is the carrier advice: 0 none, 1 a list to consider, 2 a
	// list to choose from, 3 carriers to avoid.
	BizDeliveryType Int64 `json:"biz_delivery_type,omitempty"`

	// UnusedWarehouseErrorMsg explains a warehouse advice not followed.
	UnusedWarehouseErrorMsg string `json:"unused_warehouse_error_msg,omitempty"`

	// UnusedDeliveryErrorMsg explains a carrier advice not followed.
	UnusedDeliveryErrorMsg string `json:"unused_delivery_error_msg,omitempty"`

	// UsedBlackDeliveryErrorMsg explains the use of a carrier to avoid.
	UsedBlackDeliveryErrorMsg string `json:"used_black_delivery_error_msg,omitempty"`

	// PromiseOutboundTime is the promised (latest) time to leave the warehouse.
	PromiseOutboundTime string `json:"promise_outbound_time,omitempty"`

	// PromiseCollectTime is the promised (latest) pick-up time.
	PromiseCollectTime string `json:"promise_collect_time,omitempty"`
}

func (LogisticsInfo) topListKey() string { return "logistics_info" }

// ExpandCardInfo holds the shopping-card (购物金) amounts of a trade.
type ExpandCardInfo struct {
	// BasicPrice is the principal of a shopping card bought.
	BasicPrice string `json:"basic_price,omitempty"`

	// ExpandPrice is the bonus of a shopping card bought.
	ExpandPrice string `json:"expand_price,omitempty"`

	// BasicPriceUsed is the shopping-card principal spent.
	BasicPriceUsed string `json:"basic_price_used,omitempty"`

	// ExpandPriceUsed is the shopping-card bonus spent.
	ExpandPriceUsed string `json:"expand_price_used,omitempty"`
}

// StepPayDetail is one stage of a trade paid in stages.
type StepPayDetail struct {
	// ID is the stage payment's id.
	ID Int64 `json:"id,omitempty"`

	// PayStatus is the stage's payment state.
	PayStatus Int64 `json:"pay_status,omitempty"`

	// StepNo is the stage's number.
	StepNo Int64 `json:"step_no,omitempty"`

	// StepChannelNo is the stage's Alipay transaction number.
	StepChannelNo string `json:"step_channel_no,omitempty"`

	// StepInstrumentCode is how the stage was paid.
	StepInstrumentCode string `json:"step_instrument_code,omitempty"`

	// StepActualPayFee is the stage's amount (a string; the docs give no format).
	StepActualPayFee string `json:"step_actual_pay_fee,omitempty"`
}

func (StepPayDetail) topListKey() string { return "step_pay_detail" }

// AgreeRefundCheck flags what a seller should check before agreeing to a
// refund.
type AgreeRefundCheck struct {
	// DeliveryTips is the hint to show.
	DeliveryTips string `json:"delivery_tips,omitempty"`

	// DeliveryProcess is the process state.
	DeliveryProcess string `json:"delivery_process,omitempty"`

	// DetailOrderID is the order.
	DetailOrderID string `json:"detail_order_id,omitempty"`
}

func (AgreeRefundCheck) topListKey() string { return "agree_refund_check" }

// AddressDetail is the delivery address of one stage of a trade.
type AddressDetail struct {
	// DetailedAddress is the detailed address.
	DetailedAddress string `json:"detailed_address,omitempty"`

	// DivisionCode is the area code.
	DivisionCode string `json:"division_code,omitempty"`

	// Area is the district.
	Area string `json:"area,omitempty"`

	// Telephone is the phone number.
	Telephone string `json:"telephone,omitempty"`

	// City is the city.
	City string `json:"city,omitempty"`

	// Prov is the province.
	Prov string `json:"prov,omitempty"`

	// Country is the country.
	Country string `json:"country,omitempty"`

	// ContactName is the contact's name.
	ContactName string `json:"contact_name,omitempty"`

	// BizType is the business type.
	BizType string `json:"biz_type,omitempty"`
}

func (AddressDetail) topListKey() string { return "address_detail" }

// DeliveryPlan is one planned delivery of a trade delivered in phases.
type DeliveryPlan struct {
	// PlanID is the plan's id.
	PlanID Int64 `json:"plan_id,omitempty"`

	// OrderID is the trade.
	OrderID Int64 `json:"order_id,omitempty"`

	// CurrPhase is the delivery's phase number.
	CurrPhase Int64 `json:"curr_phase,omitempty"`

	// OutLogisticsID is the external logistics number.
	OutLogisticsID string `json:"out_logistics_id,omitempty"`

	// PrepareTimeBegin is when preparation starts.
	PrepareTimeBegin Time `json:"prepare_time_begin,omitzero"`

	// ShipTimeBegin is the planned shipping time.
	ShipTimeBegin Time `json:"ship_time_begin,omitzero"`

	// ActualShipTime is when it actually shipped.
	ActualShipTime Time `json:"actual_ship_time,omitzero"`

	// GoodsNum is the quantity shipped.
	GoodsNum Int64 `json:"goods_num,omitempty"`

	// PlanStatus is the plan's state.
	PlanStatus Int64 `json:"plan_status,omitempty"`

	// PlanRefundStatus is the plan's refund state.
	PlanRefundStatus Int64 `json:"plan_refund_status,omitempty"`

	// ReceiverName is the receiver's name (masked or encrypted).
	ReceiverName string `json:"receiver_name,omitempty"`

	// ReceiverMobile is the receiver's mobile number (masked or encrypted).
	ReceiverMobile string `json:"receiver_mobile,omitempty"`

	// ReceiverPhone is the receiver's phone number (masked or encrypted).
	ReceiverPhone string `json:"receiver_phone,omitempty"`

	// ReceiverAddress is the receiver's detailed address (masked or encrypted).
	ReceiverAddress string `json:"receiver_address,omitempty"`

	// Oaid is the receiver's open addressee id.
	Oaid string `json:"oaid,omitempty"`

	// PrivacyNum is the privacy (virtual) phone number.
	PrivacyNum string `json:"privacy_num,omitempty"`

	// PrivacyExpireTime is when the privacy number expires.
	PrivacyExpireTime Time `json:"privacy_expire_time,omitzero"`

	// ReceiverTown is the receiver's town or street.
	ReceiverTown string `json:"receiver_town,omitempty"`

	// ReceiverDistrict is the receiver's district or county.
	ReceiverDistrict string `json:"receiver_district,omitempty"`

	// ReceiverCity is the receiver's city. Province-level cities are here,
	// county-level ones in ReceiverDistrict: use the district when the city is
	// empty.
	ReceiverCity string `json:"receiver_city,omitempty"`

	// ReceiverState is the receiver's province.
	ReceiverState string `json:"receiver_state,omitempty"`

	// ReceiverCountry is the receiver's country.
	ReceiverCountry string `json:"receiver_country,omitempty"`
}

func (DeliveryPlan) topListKey() string { return "delivery_plan" }

// CombineLogisticsDetail holds the parcels of an order whose bundle components
// ship separately.
type CombineLogisticsDetail struct {
	// InvoiceNo is the waybill number of the order's parcel.
	InvoiceNo string `json:"invoice_no,omitempty"`

	// LogisticsCompany is the carrier that shipped the order.
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// SubOrderID is the order.
	SubOrderID string `json:"sub_order_id,omitempty"`

	// SendGoodsDetails are the parcels (components only).
	SendGoodsDetails List[SendGoodsDetail] `json:"send_goods_details,omitempty"`
}

func (CombineLogisticsDetail) topListKey() string { return "combine_logistics_detail" }

// SendGoodsDetail is one parcel of a bundle's components.
type SendGoodsDetail struct {
	// Type is the parcel kind: 0 normal, 1 combined item, 2 bundle, 3 later gift,
	// 4 state change.
	Type Int64 `json:"type,omitempty"`

	// ConsignStatus is 0 when all shipped, 1 when part.
	ConsignStatus Int64 `json:"consign_status,omitempty"`

	// Amount is the quantity.
	Amount Int64 `json:"amount,omitempty"`

	// GoodsDetails are the parcel's contents.
	GoodsDetails List[PackageGoodsDetail] `json:"goods_details,omitempty"`
}

func (SendGoodsDetail) topListKey() string { return "send_goods_detail" }

// PackageGoodsDetail is the content of a parcel. The docs list no fields for
// it, so its members are kept as raw JSON.
type PackageGoodsDetail map[string]json.RawMessage

func (PackageGoodsDetail) topListKey() string { return "package_goods_detail" }

// IdentifyInfo holds the third-party authentication (鉴定) records of a
// trade.
type IdentifyInfo struct {
	// IdentifyLogisticsInfos are the shipments to and from the authenticator.
	IdentifyLogisticsInfos List[IdentifyLogisticsInfo] `json:"identify_logistics_infos,omitempty"`

	// IdentifyServiceInfos are the authentication service orders.
	IdentifyServiceInfos List[IdentifyServiceInfo] `json:"identify_service_infos,omitempty"`
}

// IdentifyLogisticsInfo is a shipment to or from a third-party authenticator.
type IdentifyLogisticsInfo struct {
	// DetailOrderID is the order.
	DetailOrderID Int64 `json:"detail_order_id,omitempty"`

	// LogisticsCompany is the carrier that shipped the order.
	LogisticsCompany string `json:"logistics_company,omitempty"`

	// StageNo is the stage number.
	StageNo Int64 `json:"stage_no,omitempty"`

	// InvoiceNo is the waybill number of the order's parcel.
	InvoiceNo string `json:"invoice_no,omitempty"`

	// RefundID is the latest refund's id.
	RefundID string `json:"refund_id,omitempty"`

	// Refund reports whether goods are returned.
	Refund Bool `json:"refund,omitempty"`
}

func (IdentifyLogisticsInfo) topListKey() string { return "identify_logistics_info" }

// IdentifyServiceInfo is a third-party authentication service order.
type IdentifyServiceInfo struct {
	// DetailOrderID is the order.
	DetailOrderID Int64 `json:"detail_order_id,omitempty"`

	// UnitID is the item authenticated.
	UnitID string `json:"unit_id,omitempty"`

	// ServiceID is the authentication service order's number.
	ServiceID string `json:"service_id,omitempty"`
}

func (IdentifyServiceInfo) topListKey() string { return "identify_service_info" }

// LogisticsConsignInfo holds the promised shipping time of a trade or order.
type LogisticsConsignInfo struct {
	// RelatedID is the trade or order concerned.
	RelatedID string `json:"related_id,omitempty"`

	// ConsignTime is the seller's promised shipping time.
	ConsignTime string `json:"consign_time,omitempty"`

	// RenderConsignTime is the promised shipping time, for display.
	RenderConsignTime string `json:"render_consign_time,omitempty"`

	// CombineItem are the promised shipping times of bundle components.
	CombineItem List[CombineConsignInfo] `json:"combine_item,omitempty"`
}

func (LogisticsConsignInfo) topListKey() string { return "logistics_consign_info" }

// CombineConsignInfo holds the promised shipping time of one bundle component.
type CombineConsignInfo struct {
	// CombID is the bundle's id.
	CombID string `json:"comb_id,omitempty"`

	// ItemID is the component item's id.
	ItemID string `json:"item_id,omitempty"`

	// SkuID is the component's SKU id.
	SkuID string `json:"sku_id,omitempty"`

	// ConsignTime is the component's promised shipping time.
	ConsignTime string `json:"consign_time,omitempty"`

	// RenderConsignTime is the promised shipping time, for display.
	RenderConsignTime string `json:"render_consign_time,omitempty"`
}

func (CombineConsignInfo) topListKey() string { return "combine_consign_info" }

// LogisticsModifyInfo records a change of the promised shipping time.
type LogisticsModifyInfo struct {
	// RelatedID is the trade or order concerned.
	RelatedID string `json:"related_id,omitempty"`

	// ConsignTime is the new promised shipping time.
	ConsignTime string `json:"consign_time,omitempty"`

	// OriginConsignTime is the previous promised shipping time.
	OriginConsignTime string `json:"origin_consign_time,omitempty"`

	// ModifyTime is when the promise changed.
	ModifyTime string `json:"modify_time,omitempty"`

	// ModifyReason is why it changed.
	ModifyReason string `json:"modify_reason,omitempty"`

	// ItemID is the component item's id.
	ItemID string `json:"item_id,omitempty"`

	// SkuID is the component's SKU id.
	SkuID string `json:"sku_id,omitempty"`

	// CombID is the bundle's id.
	CombID string `json:"comb_id,omitempty"`
}

func (LogisticsModifyInfo) topListKey() string { return "logistics_modify_info" }

// LogisticsAgreement holds the delivery promises made to the buyer.
type LogisticsAgreement struct {
	// LogisticsServiceMsg is the service promise or problem text.
	LogisticsServiceMsg string `json:"logistics_service_msg,omitempty"`

	// AsdpBizType is the logistics business identity.
	AsdpBizType string `json:"asdp_biz_type,omitempty"`

	// AsdpAds marks delivery to the door; several values are comma-separated.
	AsdpAds string `json:"asdp_ads,omitempty"`

	// SignTime is the planned delivery time.
	SignTime string `json:"sign_time,omitempty"`

	// PromiseSignTime is the promised (latest) delivery time.
	PromiseSignTime string `json:"promise_sign_time,omitempty"`

	// PushTime is when the ERP should push the trade.
	PushTime string `json:"push_time,omitempty"`

	// NoDetailPartConsign is 1 when orders may not ship separately.
	NoDetailPartConsign string `json:"no_detail_part_consign,omitempty"`

	// SinkType is 1 for a pre-sale shipped from a forward warehouse.
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
