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
