package fields

// This file holds the SDK's typing decisions: which documented objects
// become which Go structs, and where a doc type is refined (a String that
// is money, an enum or a date). Everything else follows from the docs:
// Number -> int64, Date -> Time, Boolean -> bool, String -> string,
// Object -> *Struct, Object[] -> []Struct.

// Root is a documented object that becomes a top-level model struct.
type Root struct {
	Go   string // Go type name
	File string // "trade" or "logistics": the file whose generated block holds it
	// Sources are the places the docs describe it: "<method>" for the
	// members of the response itself, "<method>:<field>" for a field of it.
	Sources []string
}

const (
	apiFullInfo  = "taobao.trade.fullinfo.get"
	apiGet       = "taobao.trade.get"
	apiSold      = "taobao.trades.sold.get"
	apiIncrement = "taobao.trades.sold.increment.get"
	apiTrace     = "taobao.logistics.trace.search"
	apiOrders    = "taobao.logistics.orders.get"
	apiDetail    = "taobao.logistics.orders.detail.get"
	apiCompanies = "taobao.logistics.companies.get"
	apiOffline   = "taobao.logistics.offline.send"

	apiRefundsReceive = "taobao.refunds.receive.get"
	apiRefundGet      = "taobao.refund.get"
)

// Roots are generated in this order; nested types follow their first user.
var Roots = []Root{
	{Go: "Trade", File: "trade", Sources: []string{
		apiFullInfo + ":trade", apiGet + ":trade", apiSold + ":trades", apiIncrement + ":trades"}},
	{Go: "Trace", File: "logistics", Sources: []string{apiTrace}},
	{Go: "Shipping", File: "logistics", Sources: []string{apiOrders + ":shippings", apiDetail + ":shippings"}},
	{Go: "LogisticsCompany", File: "logistics", Sources: []string{apiCompanies + ":logistics_companies"}},
	{Go: "ShipResult", File: "logistics", Sources: []string{apiOffline + ":shipping"}},
	{Go: "Refund", File: "refund", Sources: []string{apiRefundsReceive + ":refunds", apiRefundGet + ":refund"}},
}

// fieldTypeNames name the Go type of one object field, keyed by
// "<GoStruct>.<json name>", where the doc type's usual Go type does not
// fit: refund.get's CombineSubItemDO documents other fields, with other
// types, than the trade's.
var fieldTypeNames = map[string]string{
	"Refund.combine_item_info": "RefundCombineItem",
}

// typeNames maps a doc object type to its Go name where they differ.
var typeNames = map[string]string{
	"CombineSubItemDO": "CombineSubItem",
	"SingleResultDto":  "Shipping", // orders.detail.get's item type: the Shipping fields
}

// listKeys maps a Go struct to the member name that wraps its lists in
// TOP's JSON ({"order":[...]}), where that is not the snake_case of the
// doc type name.
var listKeys = map[string]string{
	"CombineSubItem":    "combine_sub_item_do",
	"RefundCombineItem": "combine_sub_item_do",
	"Shipping":          "shipping", // the 2016 SDK's key; current docs may use single_result_dto (List accepts any)
}

// extraFields are members the SDK adds to a struct beyond the documented
// fields: the gateway's request_id sits beside the trace's fields.
var extraFields = map[string][]StructField{
	"Trace":      {requestIDField},
	"ShipResult": {requestIDField},
}

var requestIDField = StructField{Name: "RequestID", JSON: "request_id", Type: "string", Omit: "omitempty",
	Comment: "RequestID is the gateway's id for the call, when it sent one."}

// typeOverrides refine a documented scalar's Go type, keyed by
// "<GoStruct>.<json name>". Money is used where the docs give an amount in
// yuan (with two decimals, or a real sample shows that format); a value
// that is not such an amount is dropped and reported, never read wrong.
// Amounts given in fen stay integers. A Number documented as 0 or 1 may
// become bool.
var typeOverrides = map[string]string{
	// Trade amounts.
	"Trade.payment":               "Money",
	"Trade.discount_fee":          "Money",
	"Trade.adjust_fee":            "Money",
	"Trade.post_fee":              "Money",
	"Trade.total_fee":             "Money",
	"Trade.received_payment":      "Money",
	"Trade.commission_fee":        "Money",
	"Trade.price":                 "Money",
	"Trade.cod_fee":               "Money",
	"Trade.buyer_cod_fee":         "Money",
	"Trade.seller_cod_fee":        "Money",
	"Trade.express_agency_fee":    "Money",
	"Trade.available_confirm_fee": "Money",
	"Trade.credit_card_fee":       "Money",
	"Trade.step_paid_fee":         "Money",
	"Trade.yfx_fee":               "Money",
	"Trade.paid_coupon_fee":       "Money",
	"Trade.platform_subsidy_fee":  "Money",
	"Trade.order_tax_fee":         "Money", // 天猫国际 tax, yuan like the other fees
	"Trade.recharge_fee":          "Money",
	// Trade enums.
	"Trade.status":            "TradeStatus",
	"Trade.type":              "TradeType",
	"Trade.shipping_type":     "ShippingType",
	"Trade.step_trade_status": "StepTradeStatus",
	"Trade.cod_status":        "CodStatus",

	// Order amounts.
	"Order.price":                                  "Money",
	"Order.total_fee":                              "Money",
	"Order.payment":                                "Money",
	"Order.discount_fee":                           "Money",
	"Order.adjust_fee":                             "Money",
	"Order.divide_order_fee":                       "Money",
	"Order.part_mjz_discount":                      "Money",
	"Order.expand_card_expand_price_used_suborder": "Money",
	"Order.expand_card_basic_price_used_suborder":  "Money",
	"Order.sub_order_tax_fee":                      "Money",
	// Order enums and dates.
	"Order.status":        "OrderStatus",
	"Order.refund_status": "RefundStatus",
	"Order.shipping_type": "ShippingType",
	"Order.consign_time":  "Time", // a String in the docs, "yyyy-MM-dd HH:mm:ss" in samples

	"ServiceOrder.price":     "Money",
	"ServiceOrder.payment":   "Money",
	"ServiceOrder.total_fee": "Money",

	"PromotionDetail.discount_fee":    "Money",
	"PromotionDetail.kd_discount_fee": "Money",

	"TransitStepInfo.status_time": "Time", // a String in the docs, "yyyy-MM-dd HH:mm:ss"

	"Shipping.status":   "ShippingStatus",
	"Shipping.type":     "ShippingType",
	"Shipping.is_split": "bool", // documented as 0 (default) or 1, as TraceOptions.IsSplit

	// Refunds. refund_id is documented as a String but holds digits: the
	// SDK keeps it an int64, read from a string or a number.
	"Refund.refund_id":          "int64",
	"Refund.total_fee":          "Money",
	"Refund.refund_fee":         "Money",
	"Refund.payment":            "Money",
	"Refund.price":              "Money",
	"Refund.status":             "RefundStatus",
	"Refund.order_status":       "TradeStatus",
	"Refund.good_status":        "RefundGoodStatus",
	"Refund.refund_phase":       "RefundPhase",
	"Refund.dispute_type":       "DisputeType",
	"Refund.shipping_type":      "ShippingType",
	"Refund.cs_status":          "CSStatus",
	"Refund.advance_status":     "AdvanceStatus",
	"RefundCombineItem.num_iid": "int64",
}

// intTypes are the named integer types a Number field may be overridden
// with; they are written by hand (refund.go), as the generated enums are
// strings.
var intTypes = map[string]bool{
	"CSStatus":      true,
	"AdvanceStatus": true,
}

// notMoney lists String amounts the money test must not flag: their docs
// name a unit of fen or give no format.
var notMoney = map[string]bool{
	"Trade.o2o_voucher_price":       true, // fen
	"Order.comm_amount_unit":        true,
	"ServiceOrder.comm_amount_unit": true, // fen
	// The split amounts of refund.get give no format: they stay strings.
}

// goNames overrides the Go name derived from a json name.
var goNames = map[string]string{
	"is_3D":     "Is3D",
	"openuid":   "OpenUID",
	"ouid":      "Ouid",
	"oaid":      "Oaid",
	"aid":       "Aid",
	"cs_status": "CSStatus",
}

// initialisms are json name parts written in capitals in Go names.
var initialisms = map[string]string{
	"id":  "ID",
	"ids": "IDs",
	"url": "URL",
	"uid": "UID",
	"ip":  "IP",
	"o2o": "O2O",
	"b2b": "B2B",
	"ems": "EMS",
}

// requestNames maps a struct's json name to the name a fields parameter
// uses to ask for it, where they differ.
var requestNames = map[string]map[string]string{
	apiDetail: {"location": "receiver_location"},
}

// FieldSet is an exported default field list generated beside the structs.
type FieldSet struct {
	Var     string   // Go variable name
	Struct  string   // the struct whose json names it lists
	APIs    []string // the response paths whose fields it includes; several means the intersection
	File    string
	Comment string
}

// FieldSets are the generated field lists.
var FieldSets = []FieldSet{
	{Var: "TradeFullFields", Struct: "Trade", APIs: []string{apiFullInfo + ":trade"}, File: "trade",
		Comment: "TradeFullFields asks taobao.trade.fullinfo.get for every documented field of the trade that Trade decodes; nested lists are asked for by their own name (\"orders\" brings whole orders)."},
	{Var: "TradeGetFields", Struct: "Trade", APIs: []string{apiGet + ":trade"}, File: "trade",
		Comment: "TradeGetFields asks taobao.trade.get for every trade field it documents."},
	{Var: "TradeSoldFields", Struct: "Trade", APIs: []string{apiSold + ":trades"}, File: "trade",
		Comment: "TradeSoldFields asks taobao.trades.sold.get for every trade field it documents."},
	{Var: "TradeIncrementFields", Struct: "Trade", APIs: []string{apiIncrement + ":trades"}, File: "trade",
		Comment: "TradeIncrementFields asks taobao.trades.sold.increment.get for every trade field it documents."},
	{Var: "TradeListFields", Struct: "Trade", APIs: []string{apiSold + ":trades", apiIncrement + ":trades"}, File: "trade",
		Comment: "TradeListFields holds the trade fields that both list APIs, taobao.trades.sold.get and taobao.trades.sold.increment.get, document."},
	{Var: "ShippingFields", Struct: "Shipping", APIs: []string{apiOrders + ":shippings"}, File: "logistics",
		Comment: "ShippingFields asks taobao.logistics.orders.get for every shipment field it documents."},
	{Var: "ShippingDetailFields", Struct: "Shipping", APIs: []string{apiDetail + ":shippings"}, File: "logistics",
		Comment: "ShippingDetailFields asks taobao.logistics.orders.detail.get for every shipment field it documents; the receiver's address (Location) is asked for as \"receiver_location\"."},
	{Var: "CompanyFields", Struct: "LogisticsCompany", APIs: []string{apiCompanies + ":logistics_companies"}, File: "logistics",
		Comment: "CompanyFields asks taobao.logistics.companies.get for every field of a carrier."},
	{Var: "RefundListFields", Struct: "Refund", APIs: []string{apiRefundsReceive + ":refunds"}, File: "refund",
		Comment: "RefundListFields asks taobao.refunds.receive.get for every refund field it documents."},
	{Var: "RefundGetFields", Struct: "Refund", APIs: []string{apiRefundGet + ":refund"}, File: "refund",
		Comment: "RefundGetFields asks taobao.refund.get for every refund field it documents; the nested refund_remind_timeout and combine_item_info come whole."},
}
