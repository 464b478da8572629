package fields

import (
	"strings"
	"sync"
)

// comment returns the doc comment of a generated field: its gloss, keyed
// by "<Struct>.<json>" or by the json name alone, after the Go name.
func comment(structName string, f StructField) string {
	g := glossary()
	if s, ok := g[structName+"."+f.JSON]; ok {
		return f.Name + " " + s
	}
	if s, ok := g[f.JSON]; ok {
		return f.Name + " " + s
	}
	return f.Name + " carries TOP's " + f.JSON + ", which the docs do not explain."
}

// typeComment returns the doc comment of a generated type.
func typeComment(s *Struct) string {
	if c, ok := typeGlossary[s.Name]; ok {
		return s.Name + " " + c
	}
	return s.Name + " is TOP's " + s.DocType + "."
}

var typeGlossary = map[string]string{
	"Trade":                  "is a trade (TOP's main order): what the buyer bought from one seller in one checkout, with its orders (line items), amounts, receiver and state. Which fields are filled depends on the fields asked for; amounts are in fen, times in GMT+8.",
	"Order":                  "is one line item of a trade: an item (and SKU) bought in some quantity, with its own amounts, state and refund state.",
	"SortInfo":               "holds the gateway's sort keys of a trade or order.",
	"ShipInfo":               "records how an order was shipped.",
	"CombineSubItem":         "is one component item of a bundle sold as a single order (TOP's CombineSubItemDO).",
	"PromotionDetail":        "is one discount applied to a trade or to one of its orders.",
	"LogisticsTag":           "holds the logistics service tags of a trade or order.",
	"LogisticServiceTag":     "is one logistics service and its tags.",
	"ServiceOrder":           "is a service bought with an item (an extended warranty, installation...), billed as its own order.",
	"TradeExt":               "holds a trade's extension flags, set by third parties at stages of the trade.",
	"LogisticsInfo":          "holds the fulfilment advice for one order: warehouse, quantity, carrier advice.",
	"ExpandCardInfo":         "holds the shopping-card (购物金) amounts of a trade.",
	"StepPayDetail":          "is one stage of a trade paid in stages.",
	"AgreeRefundCheck":       "flags what a seller should check before agreeing to a refund.",
	"AddressDetail":          "is the delivery address of one stage of a trade.",
	"DeliveryPlan":           "is one planned delivery of a trade delivered in phases.",
	"CombineLogisticsDetail": "holds the parcels of an order whose bundle components ship separately.",
	"SendGoodsDetail":        "is one parcel of a bundle's components.",
	"PackageGoodsDetail":     "is the content of a parcel. The docs list no fields for it, so its members are kept as raw JSON.",
	"IdentifyInfo":           "holds the third-party authentication (鉴定) records of a trade.",
	"IdentifyLogisticsInfo":  "is a shipment to or from a third-party authenticator.",
	"IdentifyServiceInfo":    "is a third-party authentication service order.",
	"LogisticsConsignInfo":   "holds the promised shipping time of a trade or order.",
	"CombineConsignInfo":     "holds the promised shipping time of one bundle component.",
	"LogisticsModifyInfo":    "records a change of the promised shipping time.",
	"LogisticsAgreement":     "holds the delivery promises made to the buyer.",
	"Trace":                  "is the tracking of a trade's parcel as taobao.logistics.trace.search reports it.",
	"TransitStepInfo":        "is one tracking event of a parcel.",
	"Shipping":               "is a logistics order: the shipment of a trade (or of some of its orders) with a carrier.",
	"Location":               "is a postal address of a shipment.",
	"LogisticsMail":          "is one parcel of a shipment: waybill number and carrier.",
	"LogisticsCompany":       "is a carrier that sellers can ship with.",
	"ShipResult":             "is the answer of taobao.logistics.offline.send.",
	"Refund":                 "is a refund (after-sales request) on one order of a trade: its state in the workflow, amounts in fen, the goods' state and the return shipment. Which fields are filled depends on the fields asked for.",
	"RefundRemindTimeout":    "tells when the current step of a refund times out.",
	"RefundCombineItem":      "is one component of a bundle item in a refund (refund.get's CombineSubItemDO, which differs from the trade's).",
}

var (
	glossaryOnce sync.Once
	glossaryMap  map[string]string
)

func glossary() map[string]string {
	glossaryOnce.Do(func() {
		glossaryMap = map[string]string{}
		for _, line := range strings.Split(glossaryText, "\n") {
			k, v, ok := strings.Cut(line, " = ")
			if ok {
				glossaryMap[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	})
	return glossaryMap
}

// glossaryText glosses the documented fields, one "<key> = <text>" a line.
const glossaryText = `
acookie_id = is the trade's unique Acookie id.
cod_status = is the carrier's progress on a cash-on-delivery trade.
shipping_type = is how the trade ships, fixed when it was created.
Order.shipping_type = is how this order ships; after split shipments orders may differ.
tid = is the trade id. It exceeds 2^53: keep it an integer.
Trace.tid = is the trade whose parcel this is.
Shipping.tid = is the trade this shipment belongs to.
tid_str = is the trade id as a string, for clients that cannot hold 64-bit integers.
sid = is the trade id again (the parent trade), as a string.
oid = is the order id; unique across trades.
ServiceOrder.oid = is the service order's id.
oid_str = is the order id as a string.
num_iid = is the item's numeric id.
item_oid = is the order the service covers.
status = is the trade's state.
Order.status = is the order's state. Never ship an order closed by Taobao.
Trace.status = is the parcel's state as the carrier words it (Chinese text).
Shipping.status = is the logistics order's state.
type = is the kind of trade.
Shipping.type = is how the shipment travels: free, post, express or ems.
LogisticsInfo.type = says where the order came from: 00 the trade, 10 added by the fulfilment system.
SendGoodsDetail.type = is the parcel kind: 0 normal, 1 combined item, 2 bundle, 3 later gift, 4 state change.
title = is the trade's title: the shop's name.
Order.title = is the item's title.
ServiceOrder.title = is the service's name.
created = is when the trade was created.
Shipping.created = is when the logistics order was created.
modified = is when the trade last changed; any change moves it.
Shipping.modified = is when the logistics order last changed.
async_modified = is when the trade reached the seller's pushed database (for the increment APIs).
pay_time = is when the buyer paid; the logistics order is created then.
end_time = is when the trade ended: completed, receipt confirmed or closed.
Order.end_time = is when this order ended; it may be earlier than the trade's.
consign_time = is when the seller shipped.
Order.consign_time = is when this order shipped; after split shipments it may differ from the trade's.
timeout_action_time = is when the current state times out (for a shipped, paid trade: automatic receipt).
Order.timeout_action_time = is when this order's current state times out.
payment = is what the buyer actually paid, in fen.
Order.payment = is what the buyer paid for this order, in fen: price*num + adjust_fee - discount_fee on multi-order trades; on a single-order trade it equals the trade's payment (post fee included).
ServiceOrder.payment = is what the buyer paid for the service, in fen.
total_fee = is the goods amount (price times quantity), in fen.
Order.total_fee = is what the order costs: price*num + adjust_fee - discount_fee, in fen.
ServiceOrder.total_fee = is the service order's total, in fen.
discount_fee = is the system discount (sales, VIP, gifts), in fen; PromotionDetails itemises it.
Order.discount_fee = is the order-level discount, in fen.
PromotionDetail.discount_fee = is this discount's amount, in fen; zero for free shipping and time-limited sales.
adjust_fee = is the seller's manual price change, in fen: zero on multi-order trades, the order's value on single-order ones.
Order.adjust_fee = is the seller's manual price change on this order, in fen.
post_fee = is the postage, in fen.
price = is the item's unit price, in fen.
Order.price = is the item's unit price, in fen.
ServiceOrder.price = is the service's price, in fen.
received_payment = is what Alipay paid out to the seller so far, in fen; it grows as orders are confirmed.
commission_fee = is the platform's commission, in fen.
available_confirm_fee = is the amount still waiting for receipt confirmation, in fen; zero once the trade completes.
has_post_fee = reports whether AvailableConfirmFee includes the postage.
cod_fee = is the cash-on-delivery service fee, in fen.
buyer_cod_fee = is the buyer's share of the cash-on-delivery fee, in fen.
seller_cod_fee = is the seller's share of the cash-on-delivery fee, in fen (zero until shipped when the seller pays none).
express_agency_fee = is the amount the courier collects on delivery, in fen.
credit_card_fee = is the amount paid by credit card, in fen.
step_paid_fee = is what has been paid so far on a trade paid in stages, in fen.
yfx_fee = is the return-shipping insurance premium, in fen.
paid_coupon_fee = is the cash-back coupon amount, in fen.
platform_subsidy_fee = is the platform's subsidy, in fen.
divide_order_fee = is the order's payment after trade-level discounts are spread over the orders, in fen.
part_mjz_discount = is this order's share of trade-level discounts, in fen.
buyer_nick = is the buyer's nick.
seller_nick = is the seller's nick.
ServiceOrder.buyer_nick = is the buyer's nick (the docs say seller's, a slip).
buyer_open_uid = is the buyer's app-scoped open id.
buyer_area = is where the buyer ordered from.
buyer_email = is the buyer's e-mail address.
buyer_alipay_no = is the buyer's Alipay account (masked).
alipay_id = is the buyer's Alipay user id, stable across e-mail changes.
alipay_no = is the Alipay transaction number.
alipay_point = is the Alipay points used, in fen.
buyer_memo = is the buyer's private note (visible to the buyer only).
seller_memo = is the seller's private note.
buyer_message = is the buyer's message to the seller.
has_buyer_message = reports whether the buyer left a message.
buyer_flag = is the buyer's note flag colour, 1 to 5 (red, yellow, green, blue, purple).
seller_flag = is the seller's note flag colour, 1 to 5 (red, yellow, green, blue, purple); 0 means none.
buyer_rate = reports whether the buyer has rated.
seller_rate = reports whether the seller has rated.
can_rate = reports whether the buyer may rate the trade now.
seller_can_rate = reports whether the seller may rate the trade.
pic_path = is the item picture's URL.
ServiceOrder.pic_path = is the service picture's URL.
num = is the quantity bought; 0 on a trade with several orders.
Order.num = is the quantity bought.
ServiceOrder.num = is the number of services bought.
DeliveryPlan.oaid = is the receiver's open addressee id.
point_fee = is the buyer's points used, fixed when ordering.
real_point_fee = is the points actually used after refunds, known once the trade ends.
buyer_obtain_point_fee = is the points the buyer earns, credited when the trade completes.
receiver_name = is the receiver's name (masked or encrypted).
receiver_country = is the receiver's country.
receiver_state = is the receiver's province.
receiver_city = is the receiver's city. Province-level cities are here, county-level ones in ReceiverDistrict: use the district when the city is empty.
receiver_district = is the receiver's district or county.
receiver_town = is the receiver's town or street.
receiver_address = is the receiver's detailed address (masked or encrypted).
receiver_zip = is the receiver's postcode.
receiver_mobile = is the receiver's mobile number (masked or encrypted).
receiver_phone = is the receiver's phone number (masked or encrypted).
oaid = is the receiver's open addressee id, given only when the fields asked include receiver_name, receiver_address, receiver_mobile, receiver_phone and created; taobao.top.oaid.decrypt turns it into the address.
aid = is the address id.
seller_alipay_no = is the seller's Alipay account.
seller_mobile = is the seller's mobile number.
seller_phone = is the seller's phone number.
seller_name = is the seller's name.
seller_email = is the seller's e-mail address.
snapshot_url = is the item snapshot taken at purchase.
trade_memo = is the trade's remark.
promotion = describes the trade's promotions.
is_3D = reports whether this is a 3D trade.
is_lgtype = reports whether this is a guaranteed-express trade, to be shipped with offline send.
is_brand_sale = reports whether this is a brand flash sale; with IsForceWlb it must ship through Taobao's warehouses.
is_force_wlb = reports whether the trade must ship through Taobao's warehouses (物流宝).
step_trade_status = is the payment state of a trade paid in stages.
eticket_ext = holds the electronic voucher details.
mark_desc = describes a problem with the trade; empty when there is none.
has_yfx = reports whether the trade has return-shipping insurance.
yfx_id = is the return-shipping insurance payment number.
yfx_type = is the return-shipping insurance type.
send_time = is when a pre-sale trade will ship at the latest.
is_part_consign = reports whether the seller ships the trade in several parcels.
is_daixiao = reports whether the trade has a matching dropshipping purchase order.
is_wt = reports whether this is a carrier business-hall (网厅) trade.
arrive_interval = is the delivery promise, in days.
arrive_cut_time = is the daily cut-off for the delivery promise, as HH:mm.
consign_interval = is the shipping promise, in hours.
o2o = marks a shopping-guide (导购宝) trade: "crm".
o2o_guide_id = is the shopping guide's id.
o2o_guide_name = is the shopping guide's name.
o2o_shop_id = is the shopping guide's store id.
o2o_shop_name = is the shopping guide's store name.
o2o_delivery = is how a guided sale is handed over: inshop (picked up in store) or online (shipped).
o2o_out_trade_id = is the external trade id of a guided sale.
shop_code = is the code of the store where the buyer picks up.
hk_en_name = is the traveller's name in pinyin (airport pick-up trades).
hk_flight_no = is the traveller's flight number.
hk_china_name = is the traveller's Chinese name.
hk_card_code = is the traveller's document number.
hk_card_type = is the traveller's document type: 001 Hong Kong/Macau pass, 002 Taiwan entry permit, 003 passport.
hk_flight_date = is the flight's date and time.
hk_gender = is the traveller's sex: M or F.
hk_birthday = is the traveller's birth date.
hk_pickup = is the pick-up place.
hk_pickup_id = is the pick-up place's id.
est_con_time = is the seller's estimated shipping time.
orders = are the trade's orders (line items).
promotion_details = are the discounts applied to the trade and its orders.
service_tags = are the logistics service tags of the trade and its orders.
service_orders = are the services bought with the trade's items.
trade_from = lists where the trade came from, comma-separated: WAP, HITAO, TOP, TAOBAO, JHS...
trade_source = is the external source, e.g. ownshop (the merchant's own site).
zero_purchase = reports whether this is a zero-down phone contract trade under pre-authorisation.
pcc_af = is the amount paid with Tmall point cards, in fen.
trade_ext = holds the trade's extension flags.
order_tax_fee = is the import duty of a Tmall Global direct-supply trade.
et_ser_time = is the booked service time (Tmall car services).
et_shop_name = is the store where an electronic voucher was booked.
et_verified_shop_name = is the store where an electronic voucher was redeemed.
et_plate_number = is the car's plate number.
o2o_snatch_status = is the store order-grabbing state: 0 waiting, 1 grabbing, 2 grabbed, 3 shipped, negative values for failures.
is_sh_ship = reports whether shipping is blocked.
Order.is_sh_ship = reports whether the order was shipped.
eticket_service_addr = is the installation address of a home-improvement voucher.
et_type = is the type of a scan-to-pay voucher trade.
market = is the vertical market of the trade.
obs = marks a store pick-up booking.
et_shop_id = is the store linked to a scan-to-buy trade.
shop_pick = marks a trade picked up in a physical store.
rx_audit_status = is the prescription review state (0: not reviewed).
es_date = is the estimated delivery date, yyyyMMdd.
es_range = is the estimated delivery time range, hh:mm-hh:mm.
os_date = is the delivery date the buyer booked, yyyyMMdd.
os_range = is the delivery time range the buyer booked, hh:mm-hh:mm.
coupon_fee = is the coupon amount (an integer; the docs give no unit).
post_gate_declare = reports whether the trade clears customs by post.
cross_bonded_declare = reports whether this is a cross-border trade.
trade_attr = holds extension attributes as a JSON object in a string, e.g. {"erpHold":"0"} or a payCurrency.
top_hold = is 1 when the platform holds the trade back from ERPs, 0 otherwise.
omni_attr = marks an omnichannel (星盘) trade.
omni_param = holds omnichannel (星盘) business data.
assembly = is an assembly attribute; the docs name it only.
forbid_consign = marks a Juhuasuan group-buy trade that may not ship yet.
identity = marks a purchase order.
team_buy_hold = marks a Tmall group-buy trade held back.
share_group_hold = marks a share-to-buy trade held back.
ofp_hold = marks a trade held back by Tmall Global.
o2o_step_trade_detail = lists the stages of an O2O staged trade, e.g. "3_1_100_paid;3_2_2000_nopaid" (stages, stage, amount in fen, state).
o2o_step_order_id = is the balance trade of a privileged-deposit trade.
o2o_et_order_id = is the privileged-deposit trade of a staged trade.
o2o_voucher_price = is the deposit deducted from a staged trade, in fen (a string).
order_tax_promotion_fee = is the duty discount of a Tmall Global trade.
delay_create_delivery = marks a Juhuasuan flash-deal trade.
toptype = is the trade kind as the platform classifies it.
service_type = lists the trade services included.
o2o_service_mobile = is the O2O service contact's mobile; the docs name it only.
o2o_service_name = is the O2O service contact's name; the docs name it only.
o2o_service_state = is the O2O service address's province; the docs name it only.
o2o_service_city = is the O2O service address's city; the docs name it only.
o2o_service_district = is the O2O service address's district; the docs name it only.
o2o_service_town = is the O2O service address's town; the docs name it only.
o2o_service_address = is the O2O service address; the docs name it only.
o2o_step_trade_detail_new = is the newer form of O2oStepTradeDetail; the docs name it only.
o2o_xiaopiao = is an O2O receipt attribute; the docs name it only.
o2o_contract = is an O2O contract attribute; the docs name it only.
recharge_fee = is a top-up amount; the docs name it only.
retail_store_code = is a retail store's code; the docs name it only.
retail_out_order_id = is a retail external order id; the docs name it only.
nr_offline = is a new-retail offline mark; the docs name it only.
wtt_param = holds the carrier business-hall data of the trade.
logistics_infos = hold the fulfilment advice for each order.
nr_store_order_id = is a new-retail store order id; the docs name it only.
nr_shop_id = is the new-retail store's id.
nr_shop_name = is the new-retail store's name.
nr_shop_guide_id = is the new-retail shopping guide's id.
nr_shop_guide_name = is the new-retail shopping guide's name.
sort_info = holds the gateway's sort keys.
sorted = is 1 when the trade was sorted, 2 when not.
nr_no_handle = marks a one-hour-delivery trade the seller need not handle.
biz_code = is tmall.daogoubao.cloudstore for a cloud-store trade.
cloud_store = is 1 for a cloud-store trade (a flagship-store trade when BizCode is not the cloud-store one).
is_gift = reports whether the trade is a gift (not public yet, say the docs).
donee_nick = is the gift receiver's nick (not public yet).
donee_open_uid = is the gift receiver's open id (not public yet).
suning_shop_code = is the Suning pick-up store's code.
suning_shop_valid = reports whether the Suning pick-up store is valid.
allow_appkeys = lists the app keys allowed to see the trade, comma-separated.
new_presell = reports whether this is a pre-sale trade.
general_new_presell = reports whether this is a pre-sale trade, for every kind of pre-sale; filled only when asked for by name.
you_xiang = reports whether this is a 优享 trade.
retail_store_id = is the offline store of a Tmall future-store trade.
is_istore = reports whether this is an iStore trade.
ua = tells where an iStore trade came from.
linkedmall_ext_info = holds LinkedMall pass-through data.
pay_channel = is how the buyer paid: 0 the buyer, 1 automatic debit, 2 insurance.
rt_omni_send_type = is how an omnichannel trade ships: pickUp, tmall or storeSend.
rt_omni_store_id = is the store that ships an omnichannel trade.
rt_omni_outer_store_id = is the merchant's own code of that store.
tcps_start = is the start of the booked same-city delivery window.
tcps_code = is the same-city delivery kind, e.g. com.tmall.dsd (timed delivery).
tcps_end = is the end of the booked same-city delivery window.
m_tariff_fee = is the tax the merchant pays for the trade.
timing_promise = is the delivery-promise scheme, e.g. tmallPromise.
promise_service = lists the promised services, comma-separated.
cutoff_minutes = is the logistics cut-off, in minutes.
es_time = is the delivery promise, in days.
delivery_time = is the latest shipping date.
collect_time = is the latest pick-up date.
dispatch_time = is the latest dispatch date.
sign_time = is the latest delivery date.
LogisticsAgreement.sign_time = is the planned delivery time.
outer_partner_member_id = is the buyer's member id with an outside partner.
root_cat = is the item's category.
gifting = is 1 for a gifting trade.
gifting_takeout = is 1 for a coffee gifting trade.
oi_date = is the booked installation date.
oi_range = is the booked installation time range.
hold_install = marks installation postponed.
app_name = is the app the trade came from.
easy_home_city_type = is the same-city station type.
nr_deposit_order_id = is the same-city station's linked trade.
nr_store_code = is the stall's id.
propoint = is the Taobao coins used, in fen.
zqs_order_tag = marks a periodic-delivery trade.
txp_freezer_id = is the 天鲜配 freezer's id.
txp_receive_method = is how a 天鲜配 trade is collected.
expandcard_info = holds the shopping-card amounts.
extend_info = holds extra information.
lm = is "1" when the delivery address was changed.
brand_light_shop_source = is where a same-city trade came from.
brand_light_shop_store_id = is the same-city channel store's id.
is_wmly = marks a perfect-fulfilment trade.
omni_package = holds omnichannel parcel information.
ncz_ext_attr = holds 新康众 extension data.
invoice_detail_pay = holds invoice details at payment (Apple).
invoice_detail_mid_refund = holds invoice details during a refund (Apple).
invoice_detail_after_refund = holds invoice details after a refund (Apple).
expand_card_basic_price = is the principal of a shopping card bought.
expand_card_expand_price = is the bonus of a shopping card bought.
expand_card_basic_price_used = is the shopping-card principal spent on the trade.
expand_card_expand_price_used = is the shopping-card bonus spent on the trade.
delivery_cps = is the delivering carrier.
LogisticsInfo.delivery_cps = is the recommended carrier.
asdp_biz_type = is the logistics business identity.
asdp_ads = marks delivery to the door; several values are comma-separated.
is_openmall = reports whether this is an Openmall trade.
v_logistics_create = reports whether this is a 码上收 trade.
q_r_pay = reports whether the trade has nothing to ship.
order_follow_id = is the linked trade.
ob_tag = is "lg" when the buyer asked the seller to hurry shipping.
drug_register = is 1 when the trade was registered for epidemic control, 0 otherwise.
step_pay_details = are the stages of a trade paid in stages.
agree_refund_checks = flag what to check before agreeing to a refund.
address_details = are the delivery addresses of each stage.
stage_address_type = marks a trade with per-stage addresses.
og_id = is the trade's order-group id.
promise_sign_time = is the promised (latest) delivery time.
tmall_coupon_fee = is the Tmall red-packet amount used (an integer; the docs give no unit).
delivery_plan = are the planned deliveries of the trade.
omnichannel_param = holds omnichannel trade data.
is_cycle_buy = reports whether this is a periodic purchase.
scenario_group = marks a 淘鲜达 half-day delivery.
play_type = marks the group-buy variant.
is_force_dc = reports whether the platform routes the trade to a Cainiao warehouse automatically.
Order.is_force_dc = reports whether the platform routes the order to a Cainiao warehouse automatically.
combine_logistics_details = are the parcels of orders whose bundle components ship separately.
identify_info = holds the third-party authentication records.
logistics_consign_info = hold the promised shipping times.
logistics_modify_info = record changes of the promised shipping time.
priority_consign_time = is when the trade should ship first.
logistics_agreement = holds the delivery promises.
real_name_auth_status = is 1 when the Tmall Global buyer's identity is verified, 0 otherwise.
third_party_customs_declaration = is 1 when a third party declares the Tmall Global trade to customs.
receipt_type = is the kind of price-difference make-up: ITEM, POSTAGE or OTHER.
receipt_rel_ids = are the trades a make-up payment relates to.
pmtp = names the marketing tool applied before checkout.
nut_feature = holds 卡易售 data, without the order's IP.
lg_aging_type = is the delivery speed class (next day, three days...).
lg_aging = is the delivery time of a next-day trade.
is_o2o_passport = is true for a smart-store trade (or absent).
tmall_delivery = is a Tmall delivery flag; the docs name it only.
threepl_timing = is a third-party logistics timing flag; the docs name it only.
cn_service = is the Tmall direct-delivery service.
no_shipping = is true when there is no logistics information (a platform attribute not to rely on).
sku_id = is the SKU's id.
CombineSubItem.sku_id = is the component's SKU id.
LogisticsInfo.sku_id = is the SKU's id.
CombineConsignInfo.sku_id = is the component's SKU id.
LogisticsModifyInfo.sku_id = is the component's SKU id.
outer_iid = is the seller's own code for the item.
outer_sku_id = is the seller's own code for the SKU.
refund_status = is the state of the order's latest refund.
sku_properties_name = describes the SKU, e.g. "颜色分类:绿檀大圆把".
item_meal_id = is the item package's id.
item_meal_name = describes the item package.
item_memo = is the item's remark.
refund_id = is the latest refund's id.
seller_type = is B for a Tmall merchant, C for an ordinary seller.
cid = is the item's category id.
is_oversold = reports whether the item was oversold.
order_from = tells where the order came from, e.g. jhs, taobao, wap.
is_service_order = reports whether this is a service order.
logistics_company = is the carrier that shipped the order.
invoice_no = is the waybill number of the order's parcel.
bind_oid = is an order that must ship together with this one.
bind_oids = lists the orders that must ship with this one, comma-separated.
bind_oids_all_status = is BindOids, also filled once the trade is completed or closed.
ticket_outer_id = is the external id of a ticket's validity period.
ticket_expdate_key = is the key of a ticket's validity period.
is_www = reports whether this is a www order.
store_code = is the warehouse the order ships from.
LogisticsInfo.store_code = is the Cainiao regional warehouse, or SC for the merchant's own.
tmser_spu_code = is the home-improvement logistics type.
sub_order_tax_fee = is the import duty of a Tmall Global direct-supply order.
sub_order_tax_rate = is the import duty rate of a Tmall Global direct-supply order.
sub_order_tax_promotion_fee = is the duty discount of a Tmall Global order.
estimate_con_time = is the order's estimated shipping time.
zhengji_status = is the state of a crowd pre-sale: 1 collecting, 2 succeeded, 3 failed.
md_qualification = is the free-order qualification.
md_fee = is the free-order amount.
customization = holds customisation details.
inv_type = is the stock type; 6 means in transit.
shipper = holds warehousing information.
f_type = is the fulfilment type, e.g. jsd (express delivery).
f_status = is the fulfilment state.
f_term = holds fulfilment details.
combo_id = is the Tmall bundle (搭配宝) id.
order_attr = holds extension attributes of the order.
assembly_rela = is an assembly relation; the docs name it only.
assembly_price = is an assembly price; the docs name it only.
assembly_item = is an assembly item; the docs name it only.
down_payment = is a car-finance down payment; the docs name it only.
down_payment_ratio = is a car-finance down-payment ratio; the docs name it only.
month_payment = is a car-finance monthly payment; the docs name it only.
tail_payment = is a car-finance final payment; the docs name it only.
installment_num = is a car-finance instalment count; the docs name it only.
penalty = is a car-finance penalty; the docs name it only.
service_fee = is a car-finance service fee; the docs name it only.
car_taker = is who collects the car; the docs name it only.
car_taker_phone = is the car collector's phone; the docs name it only.
car_taker_id = is the car collector's id; the docs name it only.
car_store_code = is the car store's code; the docs name it only.
car_store_name = is the car store's name; the docs name it only.
out_unique_id = is an external unique id; the docs name it only.
ws_bank_apply_no = is a MYbank application number; the docs name it only.
fqg_num = is the number of Huabei instalments.
is_fqg_s_fee = reports whether the seller pays the instalment fee.
tax_free = reports whether the Tmall Global order's duty is included.
tax_coupon_discount = is the duty included in a Tmall Global order.
nr_reduce_inv_fail = is a new-retail stock-reduction failure mark; the docs name it only.
nr_outer_iid = is the new-retail merchant's item code.
hj_settle_no_commission = tells whether a cloud-store order pays commission.
order_taking = marks a cloud-store order as taken.
cloud_store_token = is the cloud store's price-change token.
cloud_store_bind_pos = is the cloud store's POS receipt number.
out_item_id = is the external ERP item id of a Tmall future-store order.
rt_omni_outer_sc_id = is the merchant's own goods code of an omnichannel order.
rt_omni_sc_id = is the back-end goods id of an omnichannel order.
modify_address = is 1 when the buyer changed the address after paying, 2 before.
ti_modify_address_time = is when the buyer changed the address.
credit_buy = is the credit-purchase phase (1, 2 or 3) of a credit-purchase order.
s_tariff_fee = is the tax the merchant pays for the order.
promise_end_time = is when a credit purchase's commitment ends.
os_activity_id = is the "first N buyers" gift campaign's id.
os_fg_item_id = is the gift item of a "first N buyers" campaign.
os_gift_count = is the number of gifts won.
os_sort_num = is the rank that won the gift.
is_kaola = reports whether the item is a Kaola item.
special_refund_type = is a special refund kind, such as live-stream cash back or price protection.
is_devalue_fee = reports whether the order's discount lost value.
service_order_type = is the service order kind: 1 attached to an order, 2 two main orders, 3 sold alone.
service_outer_id = is the service provider's own code.
expand_card_expand_price_used_suborder = is the shopping-card bonus spent on this order, in fen.
expand_card_basic_price_used_suborder = is the shopping-card principal spent on this order, in fen.
lijian = is the instant discount of a pre-sale order.
auto_flow = is 1 when a warehouse order flows automatically, 0 when not.
trade_fulfillment_type = is the fulfilment type.
distribute_status = is the dropshipping state: empty (none), distribute or cancel.
is_idle = is 1 for a Xianyu (second-hand) order, 0 otherwise.
gift_mids = links a gift order and its main order.
is_free_gift = reports whether this order is a free gift.
has_gift = reports whether this order comes with gifts.
promise_collect_time = is the promised (latest) pick-up time.
b2b_daixiao = tells whether the order is B2B dropshipping.
ship_info = records how the order shipped.
shp_info = records how the order shipped (the name taobao.trades.sold.get documents; fullinfo says ship_info).
combine_item_info = are the components of a bundle item.
need_return = reports, for a gift order, whether it must come back with a returned main item (absent means yes).
bundle_id = is the bundle's id.
bundle_out_name = is the bundle's name.
bundle_type = is the bundle kind: 1 promotional, 2 audience.
one_yuan_reservation_orders = is the linked one-yuan reservation order.
is_jzfx = reports whether this is a home-improvement distribution order; filled only when "orders.is_jzfx" is asked for.
jewcc_no = is the appraisal code.
day_sort_val = is the daily sort key.
hour_sort_val = is the hourly sort key.
transport_type = is the shipping method, in lower case.
item_id = is the item's numeric id.
LogisticsInfo.item_id = is the warehouse goods id.
CombineConsignInfo.item_id = is the component item's id.
LogisticsModifyInfo.item_id = is the component item's id.
quantity = is the component's quantity.
item_name = is the component's name.
sku_title = is the component's SKU title.
origin_fee = is the component's original price (an integer; the docs give no unit).
combine_sub_item_fee = is the component's bundle price (an integer; the docs give no unit).
ismain = reports whether the component is the bundle's main item.
estcon_time = is the component's promised shipping time: a date (yyyy-MM-dd) or a number of days.
edu_original_fee = is the original price before the education discount (an integer; the docs give no unit).
id = is the trade or order the discount applies to.
LogisticsCompany.id = is the carrier's id.
StepPayDetail.id = is the stage payment's id.
promotion_name = is the discount's name.
gift_item_name = is the gift item's name.
gift_item_id = is the gift item's id.
gift_item_num = is how many gifts.
promotion_desc = describes the discount.
promotion_id = is the discount's id: tool id, campaign id and detail id, e.g. mjs-123024_211143.
kd_discount_fee = is the discount's share for this order, in fen; zero for free shipping and time-limited sales.
kd_child_discount_fee = holds the shares of each order when the discount is on the trade.
order_id = is the trade or order the tags belong to.
DeliveryPlan.order_id = is the trade.
logistic_service_tag_list = are the logistics services and their tags.
service_tag = lists the service's tags, separated by semicolons. To check a carrier, look for its code here.
LogisticServiceTag.service_type = is the service type; check carriers in ServiceTag, not here.
service_id = is the service's numeric id.
IdentifyServiceInfo.service_id = is the authentication service order's number.
service_detail_url = is the URL of the service's details.
apple_care_email = is the AppleCare e-mail; the docs name it only.
apple_care_mpn = is the AppleCare part number; the docs name it only.
ext_service_biz_id = links the service order to the item order.
combine_sub_item_id = is the bundle component the service belongs to.
combine_sub_item_sku_id = is that component's SKU id.
comm_amount_unit = is the bundle service's original price, in fen (a string).
before_enable_flag = is the extension flag set before the trade is enabled.
before_close_flag = is the extension flag set before closing.
before_pay_flag = is the extension flag set before payment.
before_ship_flag = is the extension flag set before shipping.
before_confirm_flag = is the extension flag set before receipt confirmation.
before_rate_flag = is the extension flag set before rating.
before_refund_flag = is the extension flag set before a refund.
before_modify_flag = is the extension flag set before a change.
third_party_status = is a state the third party defines.
extra_data = holds the third party's own data.
ext_attributes = holds attribute marks.
trade_id = is the trade.
sub_trade_id = is the order.
item_code = is the warehouse goods code.
need_consign_num = is the quantity to ship.
consign_type = is CN when Cainiao ships, SC when the merchant's warehouse does.
combine_item_id = is the combined goods id.
combine_item_code = is the combined goods code.
item_ratio = is the combined goods ratio.
bar_code = is the goods bar code.
biz_delivery_code = is the recommended carrier's ERP code.
biz_store_code = is the warehouse's merchant code.
biz_sd_type = is the kind of warehouse and delivery advice.
send_country = is the advised ship-from country.
send_state = is the advised ship-from province.
send_city = is the advised ship-from city.
send_district = is the advised ship-from district.
send_town = is the advised ship-from town.
send_division_code = is the advised ship-from area code.
black_delivery_cps = lists the carriers not to use.
white_delivery_cps = lists the carriers to choose from.
biz_delivery_type = is the carrier advice: 0 none, 1 a list to consider, 2 a list to choose from, 3 carriers to avoid.
unused_warehouse_error_msg = explains a warehouse advice not followed.
unused_delivery_error_msg = explains a carrier advice not followed.
used_black_delivery_error_msg = explains the use of a carrier to avoid.
promise_outbound_time = is the promised (latest) time to leave the warehouse.
basic_price = is the principal of a shopping card bought.
expand_price = is the bonus of a shopping card bought.
basic_price_used = is the shopping-card principal spent.
expand_price_used = is the shopping-card bonus spent.
pay_status = is the stage's payment state.
step_no = is the stage's number.
step_channel_no = is the stage's Alipay transaction number.
step_instrument_code = is how the stage was paid.
step_actual_pay_fee = is the stage's amount (a string; the docs give no format).
delivery_tips = is the hint to show.
delivery_process = is the process state.
detail_order_id = is the order.
IdentifyLogisticsInfo.detail_order_id = is the order.
IdentifyServiceInfo.detail_order_id = is the order.
detailed_address = is the detailed address.
division_code = is the area code.
area = is the district.
telephone = is the phone number.
city = is the city.
prov = is the province.
country = is the country.
contact_name = is the contact's name.
biz_type = is the business type.
plan_id = is the plan's id.
curr_phase = is the delivery's phase number.
out_logistics_id = is the external logistics number.
prepare_time_begin = is when preparation starts.
ship_time_begin = is the planned shipping time.
actual_ship_time = is when it actually shipped.
goods_num = is the quantity shipped.
plan_status = is the plan's state.
plan_refund_status = is the plan's refund state.
privacy_num = is the privacy (virtual) phone number.
privacy_expire_time = is when the privacy number expires.
sub_order_id = is the order.
send_goods_details = are the parcels (components only).
consign_status = is 0 when all shipped, 1 when part.
amount = is the quantity.
goods_details = are the parcel's contents.
identify_logistics_infos = are the shipments to and from the authenticator.
identify_service_infos = are the authentication service orders.
stage_no = is the stage number.
refund = reports whether goods are returned.
unit_id = is the item authenticated.
related_id = is the trade or order concerned.
render_consign_time = is the promised shipping time, for display.
combine_item = are the promised shipping times of bundle components.
comb_id = is the bundle's id.
LogisticsConsignInfo.consign_time = is the seller's promised shipping time.
CombineConsignInfo.consign_time = is the component's promised shipping time.
LogisticsModifyInfo.consign_time = is the new promised shipping time.
origin_consign_time = is the previous promised shipping time.
modify_time = is when the promise changed.
modify_reason = is why it changed.
logistics_service_msg = is the service promise or problem text.
push_time = is when the ERP should push the trade.
no_detail_part_consign = is 1 when orders may not ship separately.
sink_type = is 1 for a pre-sale shipped from a forward warehouse.
out_sid = is the waybill number.
company_name = is the carrier's name.
trace_list = are the tracking events, oldest first.
status_time = is when the event happened.
status_desc = describes the event.
action = names the event, e.g. ARRIVE, TMS_ACCEPT or TMS_SIGN.
order_code = is the logistics order's number.
delivery_start = is the start of the booked pick-up window.
delivery_end = is the end of the booked pick-up window.
item_title = is what is shipped.
Shipping.receiver_name = is the receiver's name.
Shipping.receiver_phone = is the receiver's phone number.
Shipping.receiver_mobile = is the receiver's mobile number.
freight_payer = is who pays the freight: buyer or seller.
seller_confirm = is yes once the seller shipped, no before.
is_split = reports whether the trade ships in several parcels (sent as 1 or 0).
sub_tids = are the orders (oids) in this shipment.
ouid = is the buyer's ouid.
openuid = is the buyer's open id.
location = is the receiver's address; ask for it as "receiver_location".
is_quick_cod_order = reports whether this is a quick cash-on-delivery shipment.
mails = are the shipment's parcels.
receiver_phone_new = is the receiver's phone, masked.
receiver_mobile_new = is the receiver's mobile, masked.
zip = is the postcode.
address = is the street address (at most 256 bytes).
state = is the province.
district = is the district or county.
code = is the carrier's code, e.g. SF, ZTO, YTO, POST; the shipping APIs take it.
name = is the carrier's short name.
reg_mail_no = is a regular expression that the carrier's waybill numbers match.
is_success = reports whether the trade was marked as shipped.
Refund.refund_id = is the refund's id. Documented as a string of digits; the SDK reads it from a string or a number and keeps it an integer.
Refund.tid = is the trade the refund belongs to.
Refund.oid = is the order (line item) refunded; on a single-order trade it equals the tid.
Refund.total_fee = is the trade's total amount, in fen.
Refund.seller_nick = is the seller's nick.
Refund.created = is when the buyer asked for the refund.
Refund.modified = is when the refund last changed; refund syncs window by it.
Refund.order_status = is the state of the refunded order's trade.
Refund.status = is the refund's state in the after-sales workflow.
Refund.good_status = is where the goods are: not received, received, or sent back.
Refund.has_good_return = reports whether the buyer has to send the goods back.
Refund.refund_fee = is the amount going back to the buyer, in fen.
Refund.payment = is what stays with the seller (the trade total less the refund), in fen.
Refund.reason = is the buyer's reason for the refund.
Refund.desc = is the buyer's explanation.
Refund.title = is the item's title.
Refund.num = is the quantity bought.
Refund.company_name = is the carrier of the returned goods.
Refund.sid = is the waybill number of the returned goods.
Refund.refund_phase = says whether the refund was asked for before or after the trade completed.
Refund.refund_version = is the refund's version: a millisecond timestamp that grows with each change. The refund writes take it back, and a newer version wins.
Refund.sku = describes the refunded SKU.
Refund.attribute = holds the refund's extension attributes, as TOP encodes them.
Refund.outer_id = is the seller's own code for the item.
Refund.operation_contraint = limits what the seller may do: cannot_refuse, or refund_onweb (only on the web). TOP's spelling.
Refund.ouid = is the buyer's ouid.
Refund.buyer_open_uid = is the buyer's app-scoped open id; use it rather than the masked nick.
Refund.buyer_nick = is the buyer's nick, masked since August 2024.
Refund.dispute_type = is the kind of after-sales request: refund only, return and refund, exchange, repair...
Refund.address = is the seller's address the goods go back to.
Refund.advance_status = is the state of an advance payment of the refund by the platform: 0 none, 1 asked, 2 paid, 3 the seller refused the goods, 4 closed, 5 settled.
Refund.alipay_no = is the trade's Alipay transaction number.
Refund.cs_status = is the state of customer service's intervention, 1 to 11 (see CSStatus).
Refund.good_return_time = is when the buyer sent the goods back.
Refund.num_iid = is the refunded item's numeric id.
Refund.price = is the item's unit price, in fen.
Refund.refund_remind_timeout = tells when the refund's current step times out.
Refund.shipping_type = is how the trade shipped.
Refund.split_seller_fee = is the part of the money split to the seller, as the gateway writes it (its format is not documented).
Refund.split_taobao_fee = is the part of the money split to Taobao, as the gateway writes it (its format is not documented).
Refund.combine_item_info = are the components of a bundle item.
RefundRemindTimeout.exist_timeout = reports whether a timeout applies.
RefundRemindTimeout.remind_type = is the kind of reminder shown with the refund.
RefundRemindTimeout.timeout = is when the current step times out.
RefundCombineItem.num_iid = is the component item's numeric id (documented as a string of digits).
RefundCombineItem.item_name = is the component's title.
RefundCombineItem.quantity = is the component's quantity.
RefundCombineItem.sku_id = is the component's SKU id, as a string.
RefundCombineItem.outer_iid = is the seller's own code for the component.
RefundCombineItem.outer_sku_id = is the seller's own code for the component's SKU.
`
