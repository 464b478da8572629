package taobao

// Views of the answers the service methods decode, built through the same
// path Client.call takes (decodeResponse into the same wire types).

// DecodeTradePage decodes an answer of the trade list APIs.
func DecodeTradePage(method string, body []byte) (*TradePage, error) {
	var w tradePageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// DecodeTradePageSized decodes a page as ListSold does for a page of
// pageSize asked for: the list is made that large at once.
func DecodeTradePageSized(method string, body []byte, pageSize int) (*TradePage, error) {
	w := tradePageWire{size: pageSize, pageNo: 1}
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// DecodeTrade decodes an answer of taobao.trade.fullinfo.get or
// taobao.trade.get.
func DecodeTrade(method string, body []byte) (*Trade, error) {
	var w tradeWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.trade(method, body)
}

// DecodeTrace decodes an answer of taobao.logistics.trace.search.
func DecodeTrace(method string, body []byte) (*Trace, error) {
	var t Trace
	if err := decodeResponse(method, body, &t, nil); err != nil {
		return nil, err
	}
	return &t, nil
}

// DecodeShippingPage decodes an answer of the logistics list APIs.
func DecodeShippingPage(method string, body []byte) (*ShippingPage, error) {
	var w shippingPageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// DecodeCompanies decodes an answer of taobao.logistics.companies.get.
func DecodeCompanies(method string, body []byte) ([]LogisticsCompany, error) {
	var w companiesWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.Companies, nil
}

// DecodeShipResult decodes an answer of taobao.logistics.offline.send.
func DecodeShipResult(method string, body []byte) (*ShipResult, error) {
	var w shipResultWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.result(method, body)
}

// Validator is implemented by every options struct.
type Validator interface{ validate(method string) error }

// Validate runs o's validation for method.
func Validate(method string, o Validator) error { return o.validate(method) }

// WithFields exports withFields.
func (o *TradeGetOptions) WithFields(def []string) TradeGetOptions { return o.withFields(def) }

// WithFields exports withFields.
func (o *SoldListOptions) WithFields(def []string) SoldListOptions { return o.withFields(def) }

// WithFields exports withFields.
func (o *IncrementListOptions) WithFields(def []string) IncrementListOptions {
	return o.withFields(def)
}

// WithFields exports withFields.
func (o *LogisticsListOptions) WithFields(def []string) LogisticsListOptions {
	return o.withFields(def)
}

// WithFields exports withFields.
func (o *CompaniesOptions) WithFields(def []string) CompaniesOptions { return o.withFields(def) }

// DecodeTradePageSlow decodes through encoding/json only, for comparisons.
func DecodeTradePageSlow(method string, body []byte) (*TradePage, error) {
	type plain tradePageWire // no decodeFast method
	var w plain
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return (*tradePageWire)(&w).page(), nil
}

// DecodeTradePageFast runs the single-pass decoder only and reports
// whether it took the body.
func DecodeTradePageFast(method string, body []byte) (*TradePage, bool, int) {
	var w tradePageWire
	ok, dropped := decodeFast(method, body, &w)
	return w.page(), ok, dropped
}

// DecodeTradeFast runs the single-pass decoder only.
func DecodeTradeFast(method string, body []byte) (*Trade, bool, int) {
	var w tradeWire
	ok, dropped := decodeFast(method, body, &w)
	return w.Trade, ok, dropped
}

// DecodeTradeSlow decodes through encoding/json only.
func DecodeTradeSlow(method string, body []byte) (*Trade, error) {
	type plain tradeWire // no decodeFast method
	var w plain
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return (*tradeWire)(&w).trade(method, body)
}
