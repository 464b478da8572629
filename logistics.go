package taobao

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/google/go-querystring/query"
)

// ShippingStatus is the state of a logistics order (Shipping.Status), and
// the status filter of taobao.logistics.orders.get. Values the SDK does not
// know pass through unchanged.
type ShippingStatus string

// Logistics order states, as TOP spells them.
const (
	ShippingStatusCreated            ShippingStatus = "CREATED"              // the logistics order exists
	ShippingStatusRecreated          ShippingStatus = "RECREATED"            // created again
	ShippingStatusCancelled          ShippingStatus = "CANCELLED"            // cancelled
	ShippingStatusClosed             ShippingStatus = "CLOSED"               // closed
	ShippingStatusSending            ShippingStatus = "SENDING"              // waiting to be passed to the carrier
	ShippingStatusAccepting          ShippingStatus = "ACCEPTING"            // passed to the carrier, not yet taken
	ShippingStatusAccepted           ShippingStatus = "ACCEPTED"             // the carrier took the order
	ShippingStatusRejected           ShippingStatus = "REJECTED"             // the carrier declined the order
	ShippingStatusPickUp             ShippingStatus = "PICK_UP"              // the carrier picked the parcel up
	ShippingStatusPickUpFailed       ShippingStatus = "PICK_UP_FAILED"       // the pick-up failed
	ShippingStatusLost               ShippingStatus = "LOST"                 // the carrier lost the order
	ShippingStatusRejectedByReceiver ShippingStatus = "REJECTED_BY_RECEIVER" // the receiver refused the parcel
	// ShippingStatusAcceptedByReceiver: delivered and signed for (online
	// orders), or shipped by the seller (self-arranged shipping).
	ShippingStatusAcceptedByReceiver ShippingStatus = "ACCEPTED_BY_RECEIVER"
)

// MaxSubTids is the most order ids a split shipment or trace may name.
const MaxSubTids = 50

// MaxCompanyFields is the most fields taobao.logistics.companies.get takes.
const MaxCompanyFields = 20

// TraceOptions are the optional parameters of taobao.logistics.trace.search.
type TraceOptions struct {
	// IsSplit says the trade was shipped in several parcels; it needs
	// SubTids.
	IsSplit bool `url:"is_split,int,omitempty"`
	// SubTids names the orders (oids) whose parcel to trace, at most
	// MaxSubTids; it needs IsSplit.
	SubTids []int64 `url:"sub_tid,comma,omitempty"`
}

func (o *TraceOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	return validateSplit(method, o.IsSplit, o.SubTids)
}

// validateSplit checks the split-shipment pair is_split/sub_tid: either
// both or neither, at most MaxSubTids positive ids.
func validateSplit(method string, isSplit bool, subTids []int64) error {
	switch {
	case isSplit && len(subTids) == 0:
		return invalidArg(method, "sub_tid", "required when is_split is set")
	case !isSplit && len(subTids) > 0:
		return invalidArg(method, "is_split", "must be set when sub_tid is given")
	case len(subTids) > MaxSubTids:
		return invalidArg(method, "sub_tid", "%d ids, at most %d allowed", len(subTids), MaxSubTids)
	}
	for i, id := range subTids {
		if id <= 0 {
			return invalidArg(method, "sub_tid", "item %d (%d) is not a positive id", i, id)
		}
	}
	return nil
}

// LogisticsListOptions are the parameters of taobao.logistics.orders.get
// and taobao.logistics.orders.detail.get. Nil options, or empty Fields, ask
// for ShippingFields or ShippingDetailFields. UseHasNext is not supported.
type LogisticsListOptions struct {
	// Fields are the shipment fields to return.
	Fields []string `url:"fields,comma"`
	// Tid selects the shipments of one trade; other filters are then
	// unnecessary.
	Tid int64 `url:"tid,omitempty"`
	// BuyerNick filters by the buyer's nick.
	BuyerNick string `url:"buyer_nick,omitempty"`
	// Status filters by one logistics order state.
	Status ShippingStatus `url:"status,omitempty"`
	// SellerConfirm filters by whether the seller shipped: "yes" or "no".
	SellerConfirm string `url:"seller_confirm,omitempty"`
	// ReceiverName filters by the receiver's name.
	ReceiverName string `url:"receiver_name,omitempty"`
	// StartCreated is the earliest creation time of the shipments.
	StartCreated Time `url:"start_created,omitempty"`
	// EndCreated is the latest creation time of the shipments.
	EndCreated Time `url:"end_created,omitempty"`
	// FreightPayer filters by who pays the freight: "buyer" or "seller".
	FreightPayer string `url:"freight_payer,omitempty"`
	// Type filters by carrier kind: post, express or ems.
	Type ShippingType `url:"type,omitempty"`
	// Ouid filters by the buyer's ouid.
	Ouid string `url:"ouid,omitempty"`
	ListOptions
}

func (o *LogisticsListOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	if err := validateFields(method, o.Fields, 0); err != nil {
		return err
	}
	switch {
	case o.Tid < 0:
		return invalidArg(method, "tid", "%d is negative", o.Tid)
	case o.SellerConfirm != "" && o.SellerConfirm != "yes" && o.SellerConfirm != "no":
		return invalidArg(method, "seller_confirm", "%q is not yes or no", o.SellerConfirm)
	case o.FreightPayer != "" && o.FreightPayer != "buyer" && o.FreightPayer != "seller":
		return invalidArg(method, "freight_payer", "%q is not buyer or seller", o.FreightPayer)
	case !o.StartCreated.IsZero() && !o.EndCreated.IsZero() && o.EndCreated.Before(o.StartCreated.Time):
		return invalidArg(method, "end_created", "%s is before start_created %s", o.EndCreated, o.StartCreated)
	case o.UseHasNext:
		return invalidArg(method, "use_has_next", "not supported by this method")
	}
	return o.ListOptions.validate(method)
}

func (o *LogisticsListOptions) withFields(def []string) LogisticsListOptions {
	return withDefaultFields(o, func(c *LogisticsListOptions) *[]string { return &c.Fields }, def)
}

// CompaniesOptions are the parameters of taobao.logistics.companies.get.
// Nil options, or empty Fields, ask for CompanyFields.
type CompaniesOptions struct {
	// Fields are the carrier fields to return, at most MaxCompanyFields.
	Fields []string `url:"fields,comma"`
	// IsRecommended asks for the recommended carriers only.
	IsRecommended bool `url:"is_recommended,omitempty"`
	// OrderMode narrows the recommended carriers by how they take orders:
	// "offline" (phone or self-arranged), "online" or "all". It needs
	// IsRecommended.
	OrderMode string `url:"order_mode,omitempty"`
}

func (o *CompaniesOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	if err := validateFields(method, o.Fields, MaxCompanyFields); err != nil {
		return err
	}
	switch o.OrderMode {
	case "":
	case "offline", "online", "all":
		if !o.IsRecommended {
			return invalidArg(method, "order_mode", "needs is_recommended")
		}
	default:
		return invalidArg(method, "order_mode", "%q is not offline, online or all", o.OrderMode)
	}
	return nil
}

func (o *CompaniesOptions) withFields(def []string) CompaniesOptions {
	return withDefaultFields(o, func(c *CompaniesOptions) *[]string { return &c.Fields }, def)
}

// OfflineSendOptions are the optional parameters of
// taobao.logistics.offline.send.
type OfflineSendOptions struct {
	// SubTids names the orders (oids) shipped in this parcel, at most
	// MaxSubTids; it needs IsSplit.
	SubTids []int64 `url:"sub_tid,comma,omitempty"`
	// IsSplit says the trade ships in several parcels; it needs SubTids.
	IsSplit bool `url:"is_split,int,omitempty"`
	// SenderID is the seller's address-book id of the pick-up address;
	// zero means the default one.
	SenderID int64 `url:"sender_id,omitempty"`
	// CancelID is the address-book id of the return address; zero means
	// the default one.
	CancelID int64 `url:"cancel_id,omitempty"`
	// Feature carries identification codes, e.g.
	// "identCode=oid1:code1,code2|oid2:code3;machineCode=oid3:serial".
	Feature string `url:"feature,omitempty"`
	// SellerIP is the seller's IP address.
	SellerIP string `url:"seller_ip,omitempty"`
}

func (o *OfflineSendOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	switch {
	case o.SenderID < 0:
		return invalidArg(method, "sender_id", "%d is negative", o.SenderID)
	case o.CancelID < 0:
		return invalidArg(method, "cancel_id", "%d is negative", o.CancelID)
	}
	return validateSplit(method, o.IsSplit, o.SubTids)
}

// ShippingPage is one page of logistics orders.
type ShippingPage struct {
	// Shippings holds the page's logistics orders, with the fields asked for.
	Shippings []Shipping
	// TotalResults counts the logistics orders of every page.
	TotalResults int64
	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string
}

// shippingPageWire is the payload of logistics_orders_get_response and
// logistics_orders_detail_get_response.
type shippingPageWire struct {
	TotalResults Int64          `json:"total_results"`
	Shippings    List[Shipping] `json:"shippings"`
	RequestID    string         `json:"request_id"`
}

func (w *shippingPageWire) page() *ShippingPage {
	return &ShippingPage{Shippings: w.Shippings, TotalResults: int64(w.TotalResults), RequestID: w.RequestID}
}

// decodeShippingPage decodes an answer of taobao.logistics.orders.get or
// taobao.logistics.orders.detail.get.
func decodeShippingPage(method string, body []byte) (*ShippingPage, error) {
	var w shippingPageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// decodeTrace decodes an answer of taobao.logistics.trace.search, whose
// members are the trace's own.
func decodeTrace(method string, body []byte) (*Trace, error) {
	var t Trace
	if err := decodeResponse(method, body, &t, nil); err != nil {
		return nil, err
	}
	return &t, nil
}

// companiesWire is the payload of logistics_companies_get_response.
type companiesWire struct {
	Companies List[LogisticsCompany] `json:"logistics_companies"`
	RequestID string                 `json:"request_id"`
}

// decodeCompanies decodes an answer of taobao.logistics.companies.get.
func decodeCompanies(method string, body []byte) ([]LogisticsCompany, error) {
	var w companiesWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.Companies, nil
}

// shipResultWire is the payload of logistics_offline_send_response.
type shipResultWire struct {
	Shipping  *ShipResult `json:"shipping"`
	RequestID string      `json:"request_id"`
}

func (w *shipResultWire) result(method string, body []byte) (*ShipResult, error) {
	if w.Shipping == nil {
		return nil, missingMember(method, "shipping", w.RequestID, body)
	}
	if w.Shipping.RequestID == "" {
		w.Shipping.RequestID = w.RequestID
	}
	return w.Shipping, nil
}

// decodeShipResult decodes an answer of taobao.logistics.offline.send.
func decodeShipResult(method string, body []byte) (*ShipResult, error) {
	var w shipResultWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.result(method, body)
}

// LogisticsService calls the logistics APIs; use Client.Logistics.
type LogisticsService struct{ client *Client }

// Logistics API method names.
const (
	MethodLogisticsTrace        = "taobao.logistics.trace.search"
	MethodLogisticsOrders       = "taobao.logistics.orders.get"
	MethodLogisticsOrdersDetail = "taobao.logistics.orders.detail.get"
	MethodLogisticsCompanies    = "taobao.logistics.companies.get"
	MethodLogisticsOfflineSend  = "taobao.logistics.offline.send"
)

// Trace returns the carrier's tracking steps for a trade's parcel.
//
// TOP API: taobao.logistics.trace.search
func (s *LogisticsService) Trace(ctx context.Context, tid int64, opts *TraceOptions) (*Trace, error) {
	const method = MethodLogisticsTrace
	if tid <= 0 {
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params := url.Values{"tid": {strconv.FormatInt(tid, 10)}}
	if opts != nil {
		v, err := query.Values(opts)
		if err != nil {
			return nil, invalidArg(method, "options", "%v", err)
		}
		for k, vs := range v {
			params[k] = vs
		}
	}
	var t Trace
	if err := s.client.call(ctx, method, params, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// ListOrders returns one page of the seller's logistics orders (by default
// with ShippingFields).
//
// TOP API: taobao.logistics.orders.get
func (s *LogisticsService) ListOrders(ctx context.Context, opts *LogisticsListOptions) (*ShippingPage, error) {
	return s.listShippings(ctx, MethodLogisticsOrders, opts, ShippingFields)
}

// ListOrderDetails is ListOrders with the receivers' details (by default
// ShippingDetailFields).
//
// TOP API: taobao.logistics.orders.detail.get
func (s *LogisticsService) ListOrderDetails(ctx context.Context, opts *LogisticsListOptions) (*ShippingPage, error) {
	return s.listShippings(ctx, MethodLogisticsOrdersDetail, opts, ShippingDetailFields)
}

func (s *LogisticsService) listShippings(ctx context.Context, method string, opts *LogisticsListOptions, def []string) (*ShippingPage, error) {
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := query.Values(opts.withFields(def))
	if err != nil {
		return nil, invalidArg(method, "options", "%v", err)
	}
	var w shippingPageWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// ListCompanies returns the carriers the seller can ship with (by default
// with CompanyFields). It needs no seller session.
//
// TOP API: taobao.logistics.companies.get
func (s *LogisticsService) ListCompanies(ctx context.Context, opts *CompaniesOptions) ([]LogisticsCompany, error) {
	const method = MethodLogisticsCompanies
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := query.Values(opts.withFields(CompanyFields))
	if err != nil {
		return nil, invalidArg(method, "options", "%v", err)
	}
	var w companiesWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		return nil, err
	}
	return w.Companies, nil
}

// OfflineSend records that the seller shipped the trade by their own
// carrier, with waybill outSid of companyCode (a code from ListCompanies).
//
// It is a write: never retried once the request may have reached the
// gateway. When no answer came back the error matches ErrOutcomeUnknown:
// check the trade's status before sending again. Sending a trade that is
// already shipped matches ErrAlreadyShipped (sub_code B04), which also
// tells a caller retrying by hand that the first send went through.
//
// TOP API: taobao.logistics.offline.send
func (s *LogisticsService) OfflineSend(ctx context.Context, tid int64, outSid, companyCode string, opts *OfflineSendOptions) (*ShipResult, error) {
	const method = MethodLogisticsOfflineSend
	switch {
	case tid <= 0:
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	case isBlank(outSid):
		return nil, invalidArg(method, "out_sid", "the waybill number is required")
	case isBlank(companyCode):
		return nil, invalidArg(method, "company_code", "the carrier code is required")
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params := url.Values{}
	if opts != nil {
		v, err := query.Values(opts)
		if err != nil {
			return nil, invalidArg(method, "options", "%v", err)
		}
		params = v
	}
	params.Set("tid", strconv.FormatInt(tid, 10))
	params.Set("out_sid", strings.TrimSpace(outSid))
	params.Set("company_code", strings.TrimSpace(companyCode))
	var w shipResultWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		if errors.Is(err, ErrOutcomeUnknown) {
			return nil, fmt.Errorf("%w (trade %d: the shipment may or may not have been recorded; read the trade with FullInfo, and a second send answers ErrAlreadyShipped if the first went through)", err, tid)
		}
		return nil, err
	}
	return w.result(method, nil)
}

// BEGIN GENERATED MODELS: written by `go generate` (internal/fields/cmd/genmodels) from internal/fields; edit those, not this block.

// Trace is the tracking of a trade's parcel as taobao.logistics.trace.search
// reports it.
type Trace struct {
	// OutSid is the waybill number.
	OutSid string `json:"out_sid,omitempty"`

	// CompanyName is the carrier's name.
	CompanyName string `json:"company_name,omitempty"`

	// Tid is the trade whose parcel this is.
	Tid Int64 `json:"tid,omitempty"`

	// Status is the parcel's state as the carrier words it (Chinese text).
	Status string `json:"status,omitempty"`

	// TraceList are the tracking events, oldest first.
	TraceList List[TransitStepInfo] `json:"trace_list,omitempty"`

	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string `json:"request_id,omitempty"`
}

// TransitStepInfo is one tracking event of a parcel.
type TransitStepInfo struct {
	// StatusTime is when the event happened.
	StatusTime Time `json:"status_time,omitzero"`

	// StatusDesc describes the event.
	StatusDesc string `json:"status_desc,omitempty"`

	// Action names the event, e.g. ARRIVE, TMS_ACCEPT or TMS_SIGN.
	Action string `json:"action,omitempty"`
}

func (TransitStepInfo) topListKey() string { return "transit_step_info" }

// Shipping is a logistics order: the shipment of a trade (or of some of its
// orders) with a carrier.
type Shipping struct {
	// Tid is the trade this shipment belongs to.
	Tid Int64 `json:"tid,omitempty"`

	// OrderCode is the logistics order's number.
	OrderCode string `json:"order_code,omitempty"`

	// SellerNick is the seller's nick.
	SellerNick string `json:"seller_nick,omitempty"`

	// BuyerNick is the buyer's nick.
	BuyerNick string `json:"buyer_nick,omitempty"`

	// DeliveryStart is the start of the booked pick-up window.
	DeliveryStart Time `json:"delivery_start,omitzero"`

	// DeliveryEnd is the end of the booked pick-up window.
	DeliveryEnd Time `json:"delivery_end,omitzero"`

	// OutSid is the waybill number.
	OutSid string `json:"out_sid,omitempty"`

	// ItemTitle is what is shipped.
	ItemTitle string `json:"item_title,omitempty"`

	// ReceiverName is the receiver's name.
	ReceiverName string `json:"receiver_name,omitempty"`

	// Created is when the logistics order was created.
	Created Time `json:"created,omitzero"`

	// Modified is when the logistics order last changed.
	Modified Time `json:"modified,omitzero"`

	// Status is the logistics order's state.
	Status ShippingStatus `json:"status,omitempty"`

	// Type is how the shipment travels: free, post, express or ems.
	Type ShippingType `json:"type,omitempty"`

	// FreightPayer is who pays the freight: buyer or seller.
	FreightPayer string `json:"freight_payer,omitempty"`

	// CompanyName is the carrier's name.
	CompanyName string `json:"company_name,omitempty"`

	// SellerConfirm is yes once the seller shipped, no before.
	SellerConfirm string `json:"seller_confirm,omitempty"`

	// IsSplit is 1 when the trade ships in several parcels, 0 otherwise.
	IsSplit Int64 `json:"is_split,omitempty"`

	// SubTids are the orders (oids) in this shipment.
	SubTids List[Int64] `json:"sub_tids,omitempty"`

	// Ouid is the buyer's ouid.
	Ouid string `json:"ouid,omitempty"`

	// OpenUID is the buyer's open id.
	OpenUID string `json:"openuid,omitempty"`

	// ReceiverPhone is the receiver's phone number.
	ReceiverPhone string `json:"receiver_phone,omitempty"`

	// ReceiverMobile is the receiver's mobile number.
	ReceiverMobile string `json:"receiver_mobile,omitempty"`

	// Location is the receiver's address; ask for it as "receiver_location".
	Location *Location `json:"location,omitempty"`

	// IsQuickCodOrder reports whether this is a quick cash-on-delivery shipment.
	IsQuickCodOrder Bool `json:"is_quick_cod_order,omitempty"`

	// Mails are the shipment's parcels.
	Mails List[LogisticsMail] `json:"mails,omitempty"`

	// ReceiverPhoneNew is the receiver's phone, masked.
	ReceiverPhoneNew string `json:"receiver_phone_new,omitempty"`

	// ReceiverMobileNew is the receiver's mobile, masked.
	ReceiverMobileNew string `json:"receiver_mobile_new,omitempty"`
}

func (Shipping) topListKey() string { return "shipping" }

// Location is a postal address of a shipment.
type Location struct {
	// Zip is the postcode.
	Zip string `json:"zip,omitempty"`

	// Address is the street address (at most 256 bytes).
	Address string `json:"address,omitempty"`

	// City is the city.
	City string `json:"city,omitempty"`

	// State is the province.
	State string `json:"state,omitempty"`

	// Country is the country.
	Country string `json:"country,omitempty"`

	// District is the district or county.
	District string `json:"district,omitempty"`
}

// LogisticsMail is one parcel of a shipment: waybill number and carrier.
type LogisticsMail struct {
	// OutSid is the waybill number.
	OutSid string `json:"out_sid,omitempty"`

	// CompanyName is the carrier's name.
	CompanyName string `json:"company_name,omitempty"`
}

func (LogisticsMail) topListKey() string { return "logistics_mail" }

// LogisticsCompany is a carrier that sellers can ship with.
type LogisticsCompany struct {
	// ID is the carrier's id.
	ID Int64 `json:"id,omitempty"`

	// Code is the carrier's code, e.g. SF, ZTO, YTO, POST; the shipping APIs take
	// it.
	Code string `json:"code,omitempty"`

	// Name is the carrier's short name.
	Name string `json:"name,omitempty"`

	// RegMailNo is a regular expression that the carrier's waybill numbers match.
	RegMailNo string `json:"reg_mail_no,omitempty"`
}

func (LogisticsCompany) topListKey() string { return "logistics_company" }

// ShipResult is the answer of taobao.logistics.offline.send.
type ShipResult struct {
	// IsSuccess reports whether the trade was marked as shipped.
	IsSuccess Bool `json:"is_success,omitempty"`

	// RequestID is the gateway's id for the call, when it sent one.
	RequestID string `json:"request_id,omitempty"`
}

// ShippingFields asks taobao.logistics.orders.get for every shipment field it
// documents.
var ShippingFields = []string{
	"tid",
	"order_code",
	"seller_nick",
	"buyer_nick",
	"delivery_start",
	"delivery_end",
	"out_sid",
	"item_title",
	"receiver_name",
	"created",
	"modified",
	"status",
	"type",
	"freight_payer",
	"company_name",
	"seller_confirm",
	"is_split",
	"sub_tids",
	"ouid",
	"openuid",
}

// ShippingDetailFields asks taobao.logistics.orders.detail.get for every
// shipment field it documents; the receiver's address (Location) is asked for
// as "receiver_location".
var ShippingDetailFields = []string{
	"tid",
	"order_code",
	"seller_nick",
	"buyer_nick",
	"delivery_start",
	"delivery_end",
	"out_sid",
	"item_title",
	"receiver_name",
	"created",
	"modified",
	"status",
	"type",
	"freight_payer",
	"company_name",
	"seller_confirm",
	"is_split",
	"sub_tids",
	"ouid",
	"openuid",
	"receiver_phone",
	"receiver_mobile",
	"receiver_location",
	"is_quick_cod_order",
	"mails",
	"receiver_phone_new",
	"receiver_mobile_new",
}

// CompanyFields asks taobao.logistics.companies.get for every field of a
// carrier.
var CompanyFields = []string{
	"id",
	"code",
	"name",
	"reg_mail_no",
}

// END GENERATED MODELS
