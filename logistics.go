package taobao

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
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

// companiesWire is the payload of logistics_companies_get_response.
type companiesWire struct {
	Companies List[LogisticsCompany] `json:"logistics_companies"`
	RequestID string                 `json:"request_id"`
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
		v, err := encodeOptions(method, opts)
		if err != nil {
			return nil, err
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
	return s.listShippings(ctx, MethodLogisticsOrders, opts, shippingFields())
}

// ListOrderDetails is ListOrders with the receivers' details (by default
// ShippingDetailFields).
//
// TOP API: taobao.logistics.orders.detail.get
func (s *LogisticsService) ListOrderDetails(ctx context.Context, opts *LogisticsListOptions) (*ShippingPage, error) {
	return s.listShippings(ctx, MethodLogisticsOrdersDetail, opts, shippingDetailFields())
}

// ListOrdersIter yields the seller's logistics orders page after page (by
// default with ShippingFields), reading pages until the count is reached.
// The caller's options are copied, never changed.
//
// TOP API: taobao.logistics.orders.get
func (s *LogisticsService) ListOrdersIter(ctx context.Context, opts *LogisticsListOptions) iter.Seq2[*Shipping, error] {
	return s.shippingPages(ctx, MethodLogisticsOrders, opts, shippingFields())
}

// ListOrderDetailsIter yields the seller's logistics orders with their
// details (by default with ShippingDetailFields), page after page.
//
// TOP API: taobao.logistics.orders.detail.get
func (s *LogisticsService) ListOrderDetailsIter(ctx context.Context, opts *LogisticsListOptions) iter.Seq2[*Shipping, error] {
	return s.shippingPages(ctx, MethodLogisticsOrdersDetail, opts, shippingDetailFields())
}

// defaultLogisticsPageSize is the page size the logistics lists use when
// page_size is not sent.
const defaultLogisticsPageSize = 40

func (s *LogisticsService) shippingPages(ctx context.Context, method string, opts *LogisticsListOptions, def []string) iter.Seq2[*Shipping, error] {
	o := opts.withFields(def)
	o.Fields = slices.Clone(o.Fields)
	size := o.PageSize
	if size == 0 {
		size = defaultLogisticsPageSize
	}
	return pages(o.PageNo, func(n int) ([]Shipping, bool, error) {
		o := o
		o.PageNo = n
		p, err := s.listShippings(ctx, method, &o, def)
		if err != nil {
			return nil, false, err
		}
		return p.Shippings, int64(n)*int64(size) < p.TotalResults, nil
	})
}

func (s *LogisticsService) listShippings(ctx context.Context, method string, opts *LogisticsListOptions, def []string) (*ShippingPage, error) {
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := encodeOptions(method, opts.withFields(def))
	if err != nil {
		return nil, err
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
	params, err := encodeOptions(method, opts.withFields(companyFields()))
	if err != nil {
		return nil, err
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
	if err := checkCarrier(method, outSid, companyCode); err != nil {
		return nil, err
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params := url.Values{}
	if opts != nil {
		v, err := encodeOptions(method, opts)
		if err != nil {
			return nil, err
		}
		params = v
	}
	params.Set("tid", strconv.FormatInt(tid, 10))
	params.Set("out_sid", strings.TrimSpace(outSid))
	params.Set("company_code", strings.TrimSpace(companyCode))
	return s.shipWrite(ctx, method, tid, params,
		"the shipment may or may not have been recorded; read the trade with FullInfo, and a second send answers ErrAlreadyShipped if the first went through",
		"read the trade with FullInfo before sending again")
}

// shipWrite sends a shipping write and reads its shipping{is_success}
// answer. When the request may have reached the gateway without a clear
// answer, the error matches ErrOutcomeUnknown, with lost saying what to do
// when no answer came and odd what to do when the answer was not a success.
func (s *LogisticsService) shipWrite(ctx context.Context, method string, tid int64, params url.Values, lost, odd string) (*ShipResult, error) {
	var w shipResultWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		if errors.Is(err, ErrOutcomeUnknown) {
			return nil, withOutcomeAdvice(err, fmt.Sprintf("trade %d: %s", tid, lost))
		}
		return nil, err
	}
	res, err := w.result(method, nil)
	if err == nil && !bool(res.IsSuccess) {
		err = &DecodeError{Method: method, RequestID: res.RequestID, Err: errors.New("the answer does not say the change was made (is_success is not true)")}
	}
	if err != nil {
		// The request reached the gateway, but the answer is not the one
		// the API promises: whether the change was made is unknown.
		return nil, &outcomeError{method: method, cause: err, advice: fmt.Sprintf("trade %d: %s", tid, odd)}
	}
	return res, nil
}

// Logistics write method names, besides MethodLogisticsOfflineSend.
const (
	MethodLogisticsOnlineSend    = "taobao.logistics.online.send"
	MethodLogisticsOnlineConfirm = "taobao.logistics.online.confirm"
	MethodLogisticsDummySend     = "taobao.logistics.dummy.send"
	MethodLogisticsResend        = "taobao.logistics.consign.resend"
)

// MaxOnlineSubTids is the most order ids an online split shipment names.
const MaxOnlineSubTids = 20

// MinResendTid is the smallest trade id taobao.logistics.consign.resend
// takes (its documented minimum).
const MinResendTid = 1000

// validateWriteSplit is validateSplit with the method's own limit on
// sub_tid.
func validateWriteSplit(method string, isSplit bool, subTids []int64, maxSubs int) error {
	if len(subTids) > maxSubs {
		return invalidArg(method, "sub_tid", "%d ids, at most %d allowed", len(subTids), maxSubs)
	}
	return validateSplit(method, isSplit, subTids)
}

// OnlineSendOptions are the optional parameters of
// taobao.logistics.online.send.
type OnlineSendOptions struct {
	// OutSid is the waybill number. With it the trade ships at once;
	// without it the trade's status does not change until OnlineConfirm
	// sends the waybill.
	OutSid string `url:"out_sid,omitempty"`
	// SubTids names the orders (oids) shipped in this parcel, at most
	// MaxOnlineSubTids; it needs IsSplit.
	SubTids []int64 `url:"sub_tid,comma,omitempty"`
	// IsSplit says the trade ships in several parcels; it needs SubTids.
	IsSplit bool `url:"is_split,int,omitempty"`
	// SenderID is the seller's address-book id of the pick-up address;
	// zero means the default one.
	SenderID int64 `url:"sender_id,omitempty"`
	// CancelID is the address-book id of the return address; zero means
	// the default one.
	CancelID int64 `url:"cancel_id,omitempty"`
	// Feature carries identification codes (see OfflineSendOptions.Feature).
	Feature string `url:"feature,omitempty"`
	// SellerIP is the seller's IP address.
	SellerIP string `url:"seller_ip,omitempty"`
}

func (o *OnlineSendOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	switch {
	case o.OutSid != "" && isBlank(o.OutSid):
		return invalidArg(method, "out_sid", "is blank; leave it empty to confirm the waybill later")
	case o.SenderID < 0:
		return invalidArg(method, "sender_id", "%d is negative", o.SenderID)
	case o.CancelID < 0:
		return invalidArg(method, "cancel_id", "%d is negative", o.CancelID)
	}
	return validateWriteSplit(method, o.IsSplit, o.SubTids, MaxOnlineSubTids)
}

// OnlineConfirmOptions are the optional parameters of
// taobao.logistics.online.confirm. The spec files do not list this
// method; its parameters are those of the official SDKs' request class.
type OnlineConfirmOptions struct {
	// SubTids names the orders (oids) of the parcel, at most
	// MaxOnlineSubTids; it needs IsSplit.
	SubTids []int64 `url:"sub_tid,comma,omitempty"`
	// IsSplit says the trade ships in several parcels; it needs SubTids.
	IsSplit bool `url:"is_split,int,omitempty"`
	// SellerIP is the seller's IP address.
	SellerIP string `url:"seller_ip,omitempty"`
}

func (o *OnlineConfirmOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	return validateWriteSplit(method, o.IsSplit, o.SubTids, MaxOnlineSubTids)
}

// DummySendOptions are the optional parameters of
// taobao.logistics.dummy.send.
type DummySendOptions struct {
	// Feature carries identification codes (see OfflineSendOptions.Feature).
	Feature string `url:"feature,omitempty"`
	// SellerIP is the seller's IP address.
	SellerIP string `url:"seller_ip,omitempty"`
}

// ResendOptions are the optional parameters of
// taobao.logistics.consign.resend.
type ResendOptions struct {
	// SubTids names the orders (oids) of the parcel whose waybill changes,
	// at most MaxSubTids, a proper subset of the shipment's; it needs
	// IsSplit.
	SubTids []int64 `url:"sub_tid,comma,omitempty"`
	// IsSplit says the trade shipped in several parcels; it needs SubTids.
	IsSplit bool `url:"is_split,int,omitempty"`
	// Feature carries identification codes (see OfflineSendOptions.Feature).
	Feature string `url:"feature,omitempty"`
	// SellerIP is the seller's IP address.
	SellerIP string `url:"seller_ip,omitempty"`
}

func (o *ResendOptions) validate(method string) error {
	if o == nil {
		return nil
	}
	return validateWriteSplit(method, o.IsSplit, o.SubTids, MaxSubTids)
}

// writeParams encodes opts (may be nil) and sets the required values.
func writeParams(method string, opts any, required ...string) (url.Values, error) {
	params := url.Values{}
	if opts != nil && !reflect.ValueOf(opts).IsNil() {
		v, err := encodeOptions(method, opts)
		if err != nil {
			return nil, err
		}
		params = v
	}
	for i := 0; i+1 < len(required); i += 2 {
		params.Set(required[i], required[i+1])
	}
	return params, nil
}

// OnlineSend ships a trade through a carrier ordered online, companyCode
// being a code from ListCompanies. With opts.OutSid the trade ships at
// once. Without a waybill the logistics order is created but the trade's
// status does not change: it stays waiting for the seller to ship until
// OnlineConfirm sends the waybill.
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown. Sending again then answers ErrAlreadyShipped (B04: the
// trade shipped; B27: the logistics order exists) if the first send went
// through.
//
// TOP API: taobao.logistics.online.send
func (s *LogisticsService) OnlineSend(ctx context.Context, tid int64, companyCode string, opts *OnlineSendOptions) (*ShipResult, error) {
	const method = MethodLogisticsOnlineSend
	switch {
	case tid <= 0:
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	case isBlank(companyCode):
		return nil, invalidArg(method, "company_code", "the carrier code is required")
	}
	outSid := ""
	if opts != nil {
		outSid = opts.OutSid
	}
	if err := checkCarrier(method, outSid, companyCode); err != nil {
		return nil, err
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := writeParams(method, opts, "tid", strconv.FormatInt(tid, 10), "company_code", strings.TrimSpace(companyCode))
	if err != nil {
		return nil, err
	}
	if v := params.Get("out_sid"); v != "" {
		params.Set("out_sid", strings.TrimSpace(v))
	}
	return s.shipWrite(ctx, method, tid, params,
		"the logistics order may or may not have been created; read the shipments with ListOrders, and a second send answers ErrAlreadyShipped if the first went through",
		"read the trade and its shipments before sending again")
}

// OnlineConfirm completes an OnlineSend made without a waybill: it sends
// the waybill outSid, and the trade ships (WAIT_BUYER_CONFIRM_GOODS).
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown; confirming again answers ErrAlreadyShipped if the
// first confirm went through.
//
// TOP API: taobao.logistics.online.confirm
func (s *LogisticsService) OnlineConfirm(ctx context.Context, tid int64, outSid string, opts *OnlineConfirmOptions) (*ShipResult, error) {
	const method = MethodLogisticsOnlineConfirm
	switch {
	case tid <= 0:
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	case isBlank(outSid):
		return nil, invalidArg(method, "out_sid", "the waybill number is required")
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := writeParams(method, opts, "tid", strconv.FormatInt(tid, 10), "out_sid", strings.TrimSpace(outSid))
	if err != nil {
		return nil, err
	}
	return s.shipWrite(ctx, method, tid, params,
		"the confirm may or may not have been recorded; read the trade's status, and a second confirm answers ErrAlreadyShipped if the first went through",
		"read the trade's status before confirming again")
}

// DummySend ships a trade that needs no carrier (virtual goods): the trade
// ships at once.
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown; sending again answers ErrAlreadyShipped (B04, B27) if
// the first send went through.
//
// TOP API: taobao.logistics.dummy.send
func (s *LogisticsService) DummySend(ctx context.Context, tid int64, opts *DummySendOptions) (*ShipResult, error) {
	const method = MethodLogisticsDummySend
	if tid <= 0 {
		return nil, invalidArg(method, "tid", "must be a positive trade id, got %d", tid)
	}
	params, err := writeParams(method, opts, "tid", strconv.FormatInt(tid, 10))
	if err != nil {
		return nil, err
	}
	return s.shipWrite(ctx, method, tid, params,
		"the shipment may or may not have been recorded; read the trade with FullInfo, and a second send answers ErrAlreadyShipped if the first went through",
		"read the trade with FullInfo before sending again")
}

// Resend changes the carrier and waybill of a shipped trade. A trade the
// seller shipped by their own carrier (OfflineSend) can be changed within
// 50 days of shipping, to another carrier of that kind; one shipped online
// only before the carrier picks the parcel up, to another online carrier.
//
// It is a write that is never retried once the request may have reached
// the gateway: when no clear answer came back, the error matches
// ErrOutcomeUnknown. Sending the same change again then answers
// ErrNoChange (P07, nothing changed) if the first went through. The
// sub_code P08 (change not supported) is final: never retry it.
//
// TOP API: taobao.logistics.consign.resend
func (s *LogisticsService) Resend(ctx context.Context, tid int64, outSid, companyCode string, opts *ResendOptions) (*ShipResult, error) {
	const method = MethodLogisticsResend
	switch {
	case tid < MinResendTid:
		return nil, invalidArg(method, "tid", "must be a trade id of at least %d, got %d", MinResendTid, tid)
	case isBlank(outSid):
		return nil, invalidArg(method, "out_sid", "the waybill number is required")
	case isBlank(companyCode):
		return nil, invalidArg(method, "company_code", "the carrier code is required")
	}
	if err := checkCarrier(method, outSid, companyCode); err != nil {
		return nil, err
	}
	if err := opts.validate(method); err != nil {
		return nil, err
	}
	params, err := writeParams(method, opts, "tid", strconv.FormatInt(tid, 10),
		"out_sid", strings.TrimSpace(outSid), "company_code", strings.TrimSpace(companyCode))
	if err != nil {
		return nil, err
	}
	return s.shipWrite(ctx, method, tid, params,
		"the change may or may not have been made; sending the same change again answers ErrNoChange if the first went through",
		"read the trade's shipments before changing them again")
}

// checkCarrier catches a waybill number and a carrier code passed the wrong
// way round, which the gateway would only refuse as a waybill its rule
// does not take (B60): carrier codes are short names such as SF, YTO or
// ZTO, never a long run of digits.
func checkCarrier(method, outSid, companyCode string) error {
	code := strings.TrimSpace(companyCode)
	if len(code) >= 8 && strings.Trim(code, "0123456789") == "" {
		msg := fmt.Sprintf("%q is a number, not a carrier code such as SF or YTO", code)
		if sid := strings.TrimSpace(outSid); sid != "" && strings.Trim(sid, "0123456789") != "" && len(sid) <= 10 {
			msg += fmt.Sprintf(": are the waybill number and the carrier code (%q) swapped?", sid)
		}
		return invalidArg(method, "company_code", "%s", msg)
	}
	return nil
}
