package tmc

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/toptrade/taobao"
)

// Topic prefixes of the trade and refund families.
const (
	TradeTopicPrefix  = "taobao_trade_"
	RefundTopicPrefix = "taobao_refund_"
)

// Trade topics. Each says that something happened to a trade; the content
// names the trade (and often the sub-order) but is not the trade itself:
// fetch the trade for its current state.
const (
	TopicTradeCreate                    = "taobao_trade_TradeCreate"                    // a trade was created
	TopicTradeModifyFee                 = "taobao_trade_TradeModifyFee"                 // the seller changed the price
	TopicTradeCloseAndModifyDetailOrder = "taobao_trade_TradeCloseAndModifyDetailOrder" // a sub-order was closed and the trade amended
	TopicTradeClose                     = "taobao_trade_TradeClose"                     // a trade or sub-order was closed
	TopicTradeBuyerPay                  = "taobao_trade_TradeBuyerPay"                  // the buyer paid
	TopicTradeSellerShip                = "taobao_trade_TradeSellerShip"                // the seller shipped
	TopicTradeDelayConfirmPay           = "taobao_trade_TradeDelayConfirmPay"           // the confirmation deadline was extended
	TopicTradePartlyRefund              = "taobao_trade_TradePartlyRefund"              // part of the trade was refunded
	TopicTradePartlyConfirmPay          = "taobao_trade_TradePartlyConfirmPay"          // part of the payment was released to the seller
	TopicTradeSuccess                   = "taobao_trade_TradeSuccess"                   // the trade completed
	TopicTradeTimeoutRemind             = "taobao_trade_TradeTimeoutRemind"             // a deadline of the trade is near
	TopicTradeRated                     = "taobao_trade_TradeRated"                     // a party rated the trade
	TopicTradeMemoModified              = "taobao_trade_TradeMemoModified"              // a memo or flag changed
	TopicTradeLogisticsAddressChanged   = "taobao_trade_TradeLogisticsAddressChanged"   // the delivery address changed
	TopicTradeChanged                   = "taobao_trade_TradeChanged"                   // any other change of the trade
	TopicTradeAlipayCreate              = "taobao_trade_TradeAlipayCreate"              // the payment order was created
	TopicTradePartlySellerShip          = "taobao_trade_TradePartlySellerShip"          // some sub-orders were shipped
	TopicTradeBuyerStepPay              = "taobao_trade_TradeBuyerStepPay"              // the buyer paid one stage of a staged trade
	TopicTradeBuyerPaySubOut            = "taobao_trade_TradeBuyerPaySubOut"            // a sub-order was paid
	TopicOrderSkuChanged                = "taobao_trade_OrderSkuChanged"                // a sub-order's SKU changed (tid sent as a string)
	TopicTradeCreateDelay               = "taobao_trade_TradeCreateDelay"               // a trade created some time ago, sent late on purpose
)

// Refund topics. Their content names the refund, its trade and sub-order.
const (
	TopicRefundCreated               = "taobao_refund_RefundCreated"               // the buyer asked for a refund
	TopicRefundSellerAgreeAgreement  = "taobao_refund_RefundSellerAgreeAgreement"  // the seller agreed
	TopicRefundSellerRefuseAgreement = "taobao_refund_RefundSellerRefuseAgreement" // the seller refused
	TopicRefundBuyerModifyAgreement  = "taobao_refund_RefundBuyerModifyAgreement"  // the buyer changed the request
	TopicRefundBuyerReturnGoods      = "taobao_refund_RefundBuyerReturnGoods"      // the buyer sent the goods back
	TopicRefundCreateMessage         = "taobao_refund_RefundCreateMessage"         // a message was left on the refund
	TopicRefundBlockMessage          = "taobao_refund_RefundBlockMessage"          // listed by the platform, documented as never sent
	TopicRefundTimeoutRemind         = "taobao_refund_RefundTimeoutRemind"         // listed by the platform, documented as retired
	TopicRefundClosed                = "taobao_refund_RefundClosed"                // the refund was closed
	TopicRefundSuccess               = "taobao_refund_RefundSuccess"               // the refund was paid
	TopicRefundTaobaoInterApplied    = "taobao_refund_TaobaoInterApplied"          // a party asked the platform to step in
	TopicRefundTaobaoIntervened      = "taobao_refund_TaobaoIntervened"            // the platform stepped in
	TopicRefundRefundableMarked      = "taobao_refund_RefundableMarked"            // the sub-order was marked refundable
	TopicRefundRefundableCanceled    = "taobao_refund_RefundableCanceled"          // the refundable mark was removed
)

var tradeTopics = []string{
	TopicTradeCreate, TopicTradeModifyFee, TopicTradeCloseAndModifyDetailOrder, TopicTradeClose,
	TopicTradeBuyerPay, TopicTradeSellerShip, TopicTradeDelayConfirmPay, TopicTradePartlyRefund,
	TopicTradePartlyConfirmPay, TopicTradeSuccess, TopicTradeTimeoutRemind, TopicTradeRated,
	TopicTradeMemoModified, TopicTradeLogisticsAddressChanged, TopicTradeChanged, TopicTradeAlipayCreate,
	TopicTradePartlySellerShip, TopicTradeBuyerStepPay, TopicTradeBuyerPaySubOut, TopicOrderSkuChanged,
	TopicTradeCreateDelay,
}

var refundTopics = []string{
	TopicRefundCreated, TopicRefundSellerAgreeAgreement, TopicRefundSellerRefuseAgreement,
	TopicRefundBuyerModifyAgreement, TopicRefundBuyerReturnGoods, TopicRefundCreateMessage,
	TopicRefundBlockMessage, TopicRefundTimeoutRemind, TopicRefundClosed, TopicRefundSuccess,
	TopicRefundTaobaoInterApplied, TopicRefundTaobaoIntervened, TopicRefundRefundableMarked,
	TopicRefundRefundableCanceled,
}

// TradeTopics returns every trade topic this package names, in a new slice.
func TradeTopics() []string { return append([]string(nil), tradeTopics...) }

// RefundTopics returns every refund topic this package names, in a new
// slice.
func RefundTopics() []string { return append([]string(nil), refundTopics...) }

// IsTradeTopic reports whether topic belongs to the trade family, named
// here or not.
func IsTradeTopic(topic string) bool { return strings.HasPrefix(topic, TradeTopicPrefix) }

// IsRefundTopic reports whether topic belongs to the refund family.
func IsRefundTopic(topic string) bool { return strings.HasPrefix(topic, RefundTopicPrefix) }

// TradeEvent is the content of a trade topic. Only Tid is always present;
// every other field is left zero when the topic does not carry it or
// carries a value that cannot be read. Raw keeps the whole content, with
// the fields this type does not name.
type TradeEvent struct {
	Topic string
	// Tid is the trade; Oid the sub-order, when the event is about one.
	Tid, Oid int64
	// Status is the trade's state when the event was sent (many topics
	// leave it out).
	Status taobao.TradeStatus
	Type   taobao.TradeType
	// Payment and PostFee are what the buyer pays and its postage part.
	Payment, PostFee taobao.Money
	// RefundID and RefundFee are set on the topics about refunds.
	RefundID  int64
	RefundFee taobao.Money
	// Modified is when the trade changed, on the topics that send it.
	Modified taobao.Time
	// BuyerNick is masked by the platform nowadays; BuyerOpenUID is the
	// buyer's stable app-scoped id.
	BuyerNick, BuyerOpenUID, SellerNick string
	// ActionType, SellerMemo and SellerFlag are set by
	// TopicTradeMemoModified; ActionType is "buyer", "seller" or "other".
	ActionType, SellerMemo string
	SellerFlag             int64
	// AlipayNo is the payment's number, on TopicTradeBuyerPay.
	AlipayNo string
	Raw      json.RawMessage
}

// RefundEvent is the content of a refund topic. RefundID is always
// present; other fields are left zero when absent or unreadable.
type RefundEvent struct {
	Topic    string
	RefundID int64
	// Tid and Oid name the trade and the sub-order refunded.
	Tid, Oid  int64
	RefundFee taobao.Money
	// RefundPhase is "onsale" or "aftersale"; BillType "refund_bill",
	// "return_bill" or "replace_bill".
	RefundPhase, BillType string
	// Modified is when the refund changed.
	Modified                            taobao.Time
	BuyerNick, BuyerOpenUID, SellerNick string
	Raw                                 json.RawMessage
}

// RawEvent is the content of a topic this package does not decode.
type RawEvent struct {
	Topic   string
	Content []byte
}

// ErrNoKey reports content without the id that names its trade or refund.
var ErrNoKey = errors.New("tmc: event content has no readable key")

// ParseEvent decodes a message by its topic: a *TradeEvent for the trade
// family, a *RefundEvent for the refund family, and a *RawEvent with the
// content as it came for any other topic.
func ParseEvent(m *Message) (any, error) {
	if m == nil {
		return nil, errors.New("tmc: ParseEvent: nil message")
	}
	// On an error the event is a plain nil, never a typed nil pointer.
	switch {
	case IsTradeTopic(m.Topic):
		e, err := ParseTradeEvent(m)
		if err != nil {
			return nil, err
		}
		return e, nil
	case IsRefundTopic(m.Topic):
		e, err := ParseRefundEvent(m)
		if err != nil {
			return nil, err
		}
		return e, nil
	}
	return &RawEvent{Topic: m.Topic, Content: m.Content}, nil
}

// ParseTradeEvent decodes the content of a trade topic. Ids are read from a
// JSON number or a quoted number, since topics differ; a message without a
// readable tid is an error wrapping ErrNoKey.
func ParseTradeEvent(m *Message) (*TradeEvent, error) {
	if m == nil {
		return nil, errors.New("tmc: ParseTradeEvent: nil message")
	}
	f, err := fields(m)
	if err != nil {
		return nil, err
	}
	e := &TradeEvent{Topic: m.Topic, Raw: json.RawMessage(m.Content)}
	if e.Tid = f.int("tid"); e.Tid == 0 {
		return nil, fmt.Errorf("%w: message %d (%s) has no tid", ErrNoKey, m.ID, m.Topic)
	}
	e.Oid = f.int("oid")
	e.Status = taobao.TradeStatus(f.str("status"))
	e.Type = taobao.TradeType(f.str("type"))
	e.Payment = f.money("payment")
	e.PostFee = f.money("post_fee")
	e.RefundID = f.int("refund_id")
	e.RefundFee = f.money("refund_fee")
	e.Modified = f.time("modified")
	e.BuyerNick = f.str("buyer_nick")
	e.BuyerOpenUID = f.str("buyer_open_uid")
	e.SellerNick = f.str("seller_nick")
	e.ActionType = f.str("action_type")
	e.SellerMemo = f.str("seller_memo")
	e.SellerFlag = f.int("seller_flag")
	e.AlipayNo = f.str("alipay_no")
	return e, nil
}

// ParseRefundEvent decodes the content of a refund topic; a message
// without a readable refund_id is an error wrapping ErrNoKey.
func ParseRefundEvent(m *Message) (*RefundEvent, error) {
	if m == nil {
		return nil, errors.New("tmc: ParseRefundEvent: nil message")
	}
	f, err := fields(m)
	if err != nil {
		return nil, err
	}
	e := &RefundEvent{Topic: m.Topic, Raw: json.RawMessage(m.Content)}
	if e.RefundID = f.int("refund_id"); e.RefundID == 0 {
		return nil, fmt.Errorf("%w: message %d (%s) has no refund_id", ErrNoKey, m.ID, m.Topic)
	}
	e.Tid = f.int("tid")
	e.Oid = f.int("oid")
	e.RefundFee = f.money("refund_fee")
	e.RefundPhase = f.str("refund_phase")
	e.BillType = f.str("bill_type")
	e.Modified = f.time("modified")
	e.BuyerNick = f.str("buyer_nick")
	e.BuyerOpenUID = f.str("buyer_open_uid")
	e.SellerNick = f.str("seller_nick")
	return e, nil
}

// content is a JSON object split into members, each read on demand and
// leniently: a member of an unexpected shape reads as the zero value.
type content map[string]json.RawMessage

// fields splits a message's content. The error names the message but never
// quotes its content, which may hold buyer data.
func fields(m *Message) (content, error) {
	var f content
	if err := json.Unmarshal(m.Content, &f); err != nil || f == nil {
		return nil, fmt.Errorf("tmc: message %d (%s): content is not a JSON object", m.ID, m.Topic)
	}
	return f, nil
}

func (f content) int(name string) int64 {
	var n taobao.Int64
	if raw, ok := f[name]; !ok || json.Unmarshal(raw, &n) != nil {
		return 0
	}
	return int64(n)
}

func (f content) str(name string) string {
	raw, ok := f[name]
	if !ok {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	// A number or a boolean where text was expected: keep its spelling.
	if len(raw) > 0 && raw[0] != '{' && raw[0] != '[' && string(raw) != "null" {
		return string(raw)
	}
	return ""
}

func (f content) money(name string) taobao.Money {
	var m taobao.Money
	if raw, ok := f[name]; !ok || json.Unmarshal(raw, &m) != nil {
		return 0
	}
	return m
}

func (f content) time(name string) taobao.Time {
	var t taobao.Time
	if raw, ok := f[name]; !ok || json.Unmarshal(raw, &t) != nil {
		return taobao.Time{}
	}
	return t
}
