package taobao

// Test-only exports of the model half's unexported helpers.
var (
	DecodeTradePage    = decodeTradePage
	DecodeTrade        = decodeTrade
	DecodeTrace        = decodeTrace
	DecodeShippingPage = decodeShippingPage
	DecodeCompanies    = decodeCompanies
	DecodeShipResult   = decodeShipResult
)

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

// DecodeTradePageSlow decodes through encoding/json only.
var DecodeTradePageSlow = decodeTradePageSlow

// DecodeTradePageFast runs the single-pass decoder only and reports
// whether it took the body.
func DecodeTradePageFast(method string, body []byte) (*TradePage, bool) {
	var w tradePageWire
	ok := decodeFast(method, body, &w)
	return w.page(), ok
}

// DecodeTradeFast runs the single-pass decoder only.
func DecodeTradeFast(method string, body []byte) (*Trade, bool) {
	var w tradeWire
	ok := decodeFast(method, body, &w)
	return w.Trade, ok
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
