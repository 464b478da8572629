package fields

// Enum is a named string type of the models and its documented values.
type Enum struct {
	Name     string // the Go type
	File     string // where it is generated (a key of Files)
	Doc      string // the type's doc comment
	ConstDoc string // the comment of its const block
	Values   []EnumValue
}

// EnumValue is one constant of an Enum.
type EnumValue struct {
	Name, Value string
	Doc         string // what the value means
	Group       bool   // a blank line comes before it (query-only values, say)
}

// Enums are the named string types of the models with every value the
// docs list (and a few seen in real answers), in the order they are
// written out. The generator writes each type, its constants and a
// <Name>Values function.
var Enums = []Enum{
	{
		Name: "TradeStatus", File: "trade",
		Doc:      "TradeStatus is the state of a trade (Trade.Status), and the status filter of the list APIs. Values the SDK does not know pass through unchanged.",
		ConstDoc: "Trade states, as TOP spells them.",
		Values: []EnumValue{
			{Name: "TradeStatusTradeNoCreatePay", Value: "TRADE_NO_CREATE_PAY", Doc: "TradeStatusTradeNoCreatePay: no Alipay payment was created yet."},
			{Name: "TradeStatusWaitBuyerPay", Value: "WAIT_BUYER_PAY", Doc: "TradeStatusWaitBuyerPay: created, waiting for the buyer's payment."},
			{Name: "TradeStatusSellerConsignedPart", Value: "SELLER_CONSIGNED_PART", Doc: "TradeStatusSellerConsignedPart: the seller shipped some of the orders."},
			{Name: "TradeStatusWaitSellerSendGoods", Value: "WAIT_SELLER_SEND_GOODS", Doc: "TradeStatusWaitSellerSendGoods: paid, waiting for the seller to ship."},
			{Name: "TradeStatusWaitBuyerConfirmGoods", Value: "WAIT_BUYER_CONFIRM_GOODS", Doc: "TradeStatusWaitBuyerConfirmGoods: shipped, waiting for the buyer to confirm receipt."},
			{Name: "TradeStatusTradeBuyerSigned", Value: "TRADE_BUYER_SIGNED", Doc: "TradeStatusTradeBuyerSigned: a cash-on-delivery trade the buyer signed for."},
			{Name: "TradeStatusTradeFinished", Value: "TRADE_FINISHED", Doc: "TradeStatusTradeFinished: the trade completed successfully."},
			{Name: "TradeStatusTradeClosed", Value: "TRADE_CLOSED", Doc: "TradeStatusTradeClosed: closed after payment, by a full refund."},
			{Name: "TradeStatusTradeClosedByTaobao", Value: "TRADE_CLOSED_BY_TAOBAO", Doc: "TradeStatusTradeClosedByTaobao: closed before payment. Never ship it."},
			{Name: "TradeStatusPayPending", Value: "PAY_PENDING", Doc: "TradeStatusPayPending: an international card payment is being confirmed."},
			{Name: "TradeStatusWaitPreAuthConfirm", Value: "WAIT_PRE_AUTH_CONFIRM", Doc: "TradeStatusWaitPreAuthConfirm: a zero-down contract purchase under pre-authorisation."},
			{Name: "TradeStatusPaidForbidConsign", Value: "PAID_FORBID_CONSIGN", Doc: "TradeStatusPaidForbidConsign: paid, but the platform forbids shipping for now (a group buy still forming, say)."},
			{Name: "TradeStatusAllWaitPay", Value: "ALL_WAIT_PAY", Doc: "TradeStatusAllWaitPay is a query-only filter: WAIT_BUYER_PAY and TRADE_NO_CREATE_PAY together. Trades never carry it.", Group: true},
			{Name: "TradeStatusAllClosed", Value: "ALL_CLOSED", Doc: "TradeStatusAllClosed is a query-only filter: TRADE_CLOSED and TRADE_CLOSED_BY_TAOBAO together. Trades never carry it."},
		},
	},
	{
		Name: "OrderStatus", File: "trade",
		Doc:      "OrderStatus is the state of one order (line item) of a trade.",
		ConstDoc: "Order states, as TOP spells them. Orders may also carry trade states the docs do not list for orders; they pass through as they are.",
		Values: []EnumValue{
			{Name: "OrderStatusTradeNoCreatePay", Value: "TRADE_NO_CREATE_PAY", Doc: "no Alipay payment created yet"},
			{Name: "OrderStatusWaitBuyerPay", Value: "WAIT_BUYER_PAY", Doc: "waiting for payment"},
			{Name: "OrderStatusWaitSellerSendGoods", Value: "WAIT_SELLER_SEND_GOODS", Doc: "paid, to be shipped"},
			{Name: "OrderStatusWaitBuyerConfirmGoods", Value: "WAIT_BUYER_CONFIRM_GOODS", Doc: "shipped, receipt not confirmed"},
			{Name: "OrderStatusTradeBuyerSigned", Value: "TRADE_BUYER_SIGNED", Doc: "cash on delivery, signed for"},
			{Name: "OrderStatusTradeFinished", Value: "TRADE_FINISHED", Doc: "completed"},
			{Name: "OrderStatusTradeClosed", Value: "TRADE_CLOSED", Doc: "closed by a refund after payment"},
			{Name: "OrderStatusTradeClosedByTaobao", Value: "TRADE_CLOSED_BY_TAOBAO", Doc: "closed before payment: never ship"},
			{Name: "OrderStatusPayPending", Value: "PAY_PENDING", Doc: "card payment being confirmed"},
		},
	},
	{
		Name: "RefundStatus", File: "trade",
		Doc:      "RefundStatus is the state of an order's latest refund.",
		ConstDoc: "Refund states, as TOP spells them.",
		Values: []EnumValue{
			{Name: "RefundStatusNoRefund", Value: "NO_REFUND", Doc: "no refund was asked for (seen in real answers, not in the docs' list)"},
			{Name: "RefundStatusWaitSellerAgree", Value: "WAIT_SELLER_AGREE", Doc: "the buyer asked; the seller has not agreed yet"},
			{Name: "RefundStatusWaitBuyerReturnGoods", Value: "WAIT_BUYER_RETURN_GOODS", Doc: "agreed; waiting for the goods to come back"},
			{Name: "RefundStatusWaitSellerConfirmGoods", Value: "WAIT_SELLER_CONFIRM_GOODS", Doc: "returned; the seller has to confirm receipt"},
			{Name: "RefundStatusSellerRefuseBuyer", Value: "SELLER_REFUSE_BUYER", Doc: "the seller refused the refund"},
			{Name: "RefundStatusClosed", Value: "CLOSED", Doc: "the refund was closed without paying"},
			{Name: "RefundStatusSuccess", Value: "SUCCESS", Doc: "the money went back to the buyer"},
			{Name: "RefundStatusWaitBuyerConfirmExchangeSellerSendGoods", Value: "WAIT_BUYER_CONFIRM_EXCHANGE_SELLER_SEND_GOODS", Doc: "an exchange: the seller sent the replacement, the buyer has to confirm it (a filter value of taobao.refunds.receive.get)", Group: true},
			{Name: "RefundStatusExchangeTransformToRefund", Value: "EXCHANGE_TRANSFORM_TO_REFUND", Doc: "an exchange was closed and turned into a refund (a filter value of taobao.refunds.receive.get)"},
			{Name: "RefundStatusWaitSellerConsignGoods", Value: "WAIT_SELLER_CONSIGN_GOODS", Doc: "an exchange: the seller confirmed the return and has to send the replacement (a filter value of taobao.refunds.receive.get)"},
		},
	},
	{
		Name: "TradeType", File: "trade",
		Doc:      "TradeType is the kind of a trade (Trade.Type), also used in the type filter of the list APIs.",
		ConstDoc: "Trade types, as TOP spells them.",
		Values: []EnumValue{
			{Name: "TradeTypeFixed", Value: "fixed", Doc: "fixed price"},
			{Name: "TradeTypeAuction", Value: "auction", Doc: "auction"},
			{Name: "TradeTypeGuaranteeTrade", Value: "guarantee_trade", Doc: "query-only: fixed and auction together"},
			{Name: "TradeTypeStep", Value: "step", Doc: "paid in stages (deposit, then balance)"},
			{Name: "TradeTypeIndependentSimpleTrade", Value: "independent_simple_trade", Doc: "Wangdian basic edition"},
			{Name: "TradeTypeIndependentShopTrade", Value: "independent_shop_trade", Doc: "Wangdian standard edition"},
			{Name: "TradeTypeAutoDelivery", Value: "auto_delivery", Doc: "delivered automatically"},
			{Name: "TradeTypeEc", Value: "ec", Doc: "direct top-up"},
			{Name: "TradeTypeCod", Value: "cod", Doc: "cash on delivery"},
			{Name: "TradeTypeGameEquipment", Value: "game_equipment", Doc: "game items"},
			{Name: "TradeTypeShopexTrade", Value: "shopex_trade", Doc: "ShopEx"},
			{Name: "TradeTypeNetcnTrade", Value: "netcn_trade", Doc: "net.cn"},
			{Name: "TradeTypeExternalTrade", Value: "external_trade", Doc: "external"},
			{Name: "TradeTypeInstantTrade", Value: "instant_trade", Doc: "instant payment"},
			{Name: "TradeTypeB2CCod", Value: "b2c_cod", Doc: "B2C cash on delivery"},
			{Name: "TradeTypeHotelTrade", Value: "hotel_trade", Doc: "hotel booking"},
			{Name: "TradeTypeSuperMarketTrade", Value: "super_market_trade", Doc: "supermarket"},
			{Name: "TradeTypeSuperMarketCodTrade", Value: "super_market_cod_trade", Doc: "supermarket, cash on delivery"},
			{Name: "TradeTypeTaohua", Value: "taohua", Doc: "Taohua"},
			{Name: "TradeTypeWaimai", Value: "waimai", Doc: "food delivery"},
			{Name: "TradeTypeO2OOfflinetrade", Value: "o2o_offlinetrade", Doc: "offline O2O"},
			{Name: "TradeTypeNopaid", Value: "nopaid", Doc: "no payment"},
			{Name: "TradeTypeEticket", Value: "eticket", Doc: "electronic voucher"},
			{Name: "TradeTypeTmallI18n", Value: "tmall_i18n", Doc: "Tmall international"},
			{Name: "TradeTypeInsurancePlus", Value: "insurance_plus", Doc: "insurance add-on"},
			{Name: "TradeTypeFinance", Value: "finance", Doc: "financial product"},
			{Name: "TradeTypePreAuthType", Value: "pre_auth_type", Doc: "pre-authorised"},
			{Name: "TradeTypeLazada", Value: "lazada", Doc: "Lazada"},
			{Name: "TradeTypeFenxiao", Value: "fenxiao", Doc: "distribution"},
		},
	},
	{
		Name: "ShippingType", File: "trade",
		Doc:      "ShippingType is how a trade or order ships (Trade.ShippingType, Order.ShippingType) and a shipment's carrier kind (Shipping.Type).",
		ConstDoc: "Shipping types, as TOP spells them.",
		Values: []EnumValue{
			{Name: "ShippingTypeFree", Value: "free", Doc: "postage paid by the seller"},
			{Name: "ShippingTypePost", Value: "post", Doc: "surface mail"},
			{Name: "ShippingTypeExpress", Value: "express", Doc: "courier"},
			{Name: "ShippingTypeEMS", Value: "ems", Doc: "EMS"},
			{Name: "ShippingTypeVirtual", Value: "virtual", Doc: "nothing physical to ship"},
			{Name: "ShippingType25", Value: "25", Doc: "next-day delivery"},
			{Name: "ShippingType26", Value: "26", Doc: "delivery at a booked time"},
			{Name: "ShippingTypeSeller", Value: "seller", Doc: "the merchant delivers itself"},
			{Name: "ShippingTypeInstant", Value: "instant", Doc: "same-day local delivery"},
		},
	},
	{
		Name: "StepTradeStatus", File: "trade",
		Doc:      "StepTradeStatus is the payment state of a trade paid in stages.",
		ConstDoc: "Staged payment states, as TOP spells them.",
		Values: []EnumValue{
			{Name: "StepTradeStatusFrontNopaidFinalNopaid", Value: "FRONT_NOPAID_FINAL_NOPAID", Doc: "neither deposit nor balance paid"},
			{Name: "StepTradeStatusFrontPaidFinalNopaid", Value: "FRONT_PAID_FINAL_NOPAID", Doc: "deposit paid, balance not"},
			{Name: "StepTradeStatusFrontPaidFinalPaid", Value: "FRONT_PAID_FINAL_PAID", Doc: "both paid"},
			{Name: "StepTradeStatusFrontPaidFrontForfeited", Value: "FRONT_PAID_FRONT_FORFEITED", Doc: "the deposit was forfeited"},
		},
	},
	{
		Name: "CodStatus", File: "trade",
		Doc:      "CodStatus is the carrier's progress on a cash-on-delivery trade.",
		ConstDoc: "Cash-on-delivery states, as TOP spells them.",
		Values: []EnumValue{
			{Name: "CodStatusNewCreated", Value: "NEW_CREATED", Doc: "initial state"},
			{Name: "CodStatusAcceptedByCompany", Value: "ACCEPTED_BY_COMPANY", Doc: "the carrier took the order"},
			{Name: "CodStatusRejectedByCompany", Value: "REJECTED_BY_COMPANY", Doc: "the carrier declined it"},
			{Name: "CodStatusRecieveTimeout", Value: "RECIEVE_TIMEOUT", Doc: "the carrier did not answer in time (TOP's spelling)"},
			{Name: "CodStatusTakenInSuccess", Value: "TAKEN_IN_SUCCESS", Doc: "picked up"},
			{Name: "CodStatusTakenInFailed", Value: "TAKEN_IN_FAILED", Doc: "the pick-up failed"},
			{Name: "CodStatusTakenTimeout", Value: "TAKEN_TIMEOUT", Doc: "the pick-up timed out"},
			{Name: "CodStatusSignIn", Value: "SIGN_IN", Doc: "signed for"},
			{Name: "CodStatusRejectedByOtherSide", Value: "REJECTED_BY_OTHER_SIDE", Doc: "the receiver refused it"},
			{Name: "CodStatusWaitingToBeSent", Value: "WAITING_TO_BE_SENT", Doc: "not yet passed to the carrier"},
			{Name: "CodStatusCanceled", Value: "CANCELED", Doc: "the user cancelled the shipment"},
		},
	},
	{
		Name: "ShippingStatus", File: "logistics",
		Doc:      "ShippingStatus is the state of a logistics order (Shipping.Status), and the status filter of taobao.logistics.orders.get. Values the SDK does not know pass through unchanged.",
		ConstDoc: "Logistics order states, as TOP spells them.",
		Values: []EnumValue{
			{Name: "ShippingStatusCreated", Value: "CREATED", Doc: "the logistics order exists"},
			{Name: "ShippingStatusRecreated", Value: "RECREATED", Doc: "created again"},
			{Name: "ShippingStatusCancelled", Value: "CANCELLED", Doc: "cancelled"},
			{Name: "ShippingStatusClosed", Value: "CLOSED", Doc: "closed"},
			{Name: "ShippingStatusSending", Value: "SENDING", Doc: "waiting to be passed to the carrier"},
			{Name: "ShippingStatusAccepting", Value: "ACCEPTING", Doc: "passed to the carrier, not yet taken"},
			{Name: "ShippingStatusAccepted", Value: "ACCEPTED", Doc: "the carrier took the order"},
			{Name: "ShippingStatusRejected", Value: "REJECTED", Doc: "the carrier declined the order"},
			{Name: "ShippingStatusPickUp", Value: "PICK_UP", Doc: "the carrier picked the parcel up"},
			{Name: "ShippingStatusPickUpFailed", Value: "PICK_UP_FAILED", Doc: "the pick-up failed"},
			{Name: "ShippingStatusLost", Value: "LOST", Doc: "the carrier lost the order"},
			{Name: "ShippingStatusRejectedByReceiver", Value: "REJECTED_BY_RECEIVER", Doc: "the receiver refused the parcel"},
			{Name: "ShippingStatusAcceptedByReceiver", Value: "ACCEPTED_BY_RECEIVER", Doc: "ShippingStatusAcceptedByReceiver: delivered and signed for (online orders), or shipped by the seller (self-arranged shipping)."},
		},
	},
	{
		Name: "RefundGoodStatus", File: "refund",
		Doc:      "RefundGoodStatus is where the goods of a refund are (Refund.GoodStatus).",
		ConstDoc: "Goods states of a refund, as TOP spells them.",
		Values: []EnumValue{
			{Name: "RefundGoodStatusBuyerNotReceived", Value: "BUYER_NOT_RECEIVED", Doc: "the buyer has not received the goods"},
			{Name: "RefundGoodStatusBuyerReceived", Value: "BUYER_RECEIVED", Doc: "the buyer has the goods"},
			{Name: "RefundGoodStatusBuyerReturnedGoods", Value: "BUYER_RETURNED_GOODS", Doc: "the buyer sent the goods back"},
		},
	},
	{
		Name: "RefundPhase", File: "refund",
		Doc:      "RefundPhase says whether a refund was asked for before or after the trade completed (Refund.RefundPhase); the refund writes take it back.",
		ConstDoc: "Refund phases, as TOP spells them.",
		Values: []EnumValue{
			{Name: "RefundPhaseOnsale", Value: "onsale", Doc: "asked for while the trade was open (售中)"},
			{Name: "RefundPhaseAftersale", Value: "aftersale", Doc: "asked for after the trade completed (售后)"},
		},
	},
	{
		Name: "DisputeType", File: "refund",
		Doc:      "DisputeType is the kind of after-sales request (Refund.DisputeType). Values the SDK does not know pass through unchanged.",
		ConstDoc: "After-sales kinds, as TOP spells them.",
		Values: []EnumValue{
			{Name: "DisputeTypeRefund", Value: "REFUND", Doc: "money back, no goods returned"},
			{Name: "DisputeTypeRefundAndReturn", Value: "REFUND_AND_RETURN", Doc: "money back against the returned goods"},
			{Name: "DisputeTypeTmallExchange", Value: "TMALL_EXCHANGE", Doc: "an exchange on Tmall"},
			{Name: "DisputeTypeTaobaoExchange", Value: "TAOBAO_EXCHANGE", Doc: "an exchange on Taobao"},
			{Name: "DisputeTypeRepair", Value: "REPAIR", Doc: "a repair"},
			{Name: "DisputeTypeReshipping", Value: "RESHIPPING", Doc: "missing goods sent again"},
			{Name: "DisputeTypeOthers", Value: "OTHERS", Doc: "anything else"},
		},
	},
}
