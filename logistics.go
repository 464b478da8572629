package taobao

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
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
	var w shipResultWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		if errors.Is(err, ErrOutcomeUnknown) {
			return nil, withOutcomeAdvice(err, fmt.Sprintf("the shipment of trade %d may or may not have been recorded: read it with FullInfo before sending again (a second send answers ErrAlreadyShipped if the first went through)", tid))
		}
		return nil, err
	}
	res, err := w.result(method, nil)
	if err == nil && !bool(res.IsSuccess) {
		err = &DecodeError{Method: method, RequestID: res.RequestID, Err: errors.New("the answer does not say the trade was shipped (is_success is not true)")}
	}
	if err != nil {
		// The request reached the gateway, but the answer is not the one
		// the API promises: whether the trade was shipped is unknown.
		return nil, &outcomeError{method: method, cause: err, advice: fmt.Sprintf("the shipment of trade %d may or may not have been recorded: read it with FullInfo before sending again", tid)}
	}
	return res, nil
}
