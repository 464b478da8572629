package taobao

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Buyer privacy. Since TOP's privacy programme a trade's receiver name,
// mobile, phone and detailed address come masked ("王**", "*******5552"),
// with an OAID (open addressee id) standing for the receiver. The plaintext
// may not be stored: keep the tid and the OAID, and decrypt with
// PrivacyService.Decrypt when a waybill is printed or a customer is helped,
// for one scene at a time. A Receiver never shows its plaintext when printed,
// logged, encoded as JSON or put into an error; only its accessors and
// MarshalPlaintext give it out.
//
// An OAID differs per shop, per app and per natural week; it goes stale when
// the receiver changes (Receiver.Matched is then false: read the trade again
// with FullInfo for the current one).

// Privacy API method names.
const (
	MethodOaidDecrypt     = "taobao.top.oaid.decrypt"
	MethodOaidMerge       = "taobao.top.oaid.merge"
	MethodTradesSoldQuery = "taobao.trades.sold.query"
	MethodSecretExtend    = "taobao.top.secret.extend"

	methodOaidClientDecrypt = "taobao.top.oaid.client.decrypt"
)

// Limits of the privacy APIs.
const (
	// MaxDecryptBatch is the most receivers one taobao.top.oaid.decrypt
	// call decrypts; Decrypt splits longer lists.
	MaxDecryptBatch = 20
	// MaxMergeBatch is the most orders one taobao.top.oaid.merge call
	// takes; Merge splits longer lists.
	MaxMergeBatch = 100
	// MaxSoldQueryLookups is the most receivers one taobao.trades.sold.query
	// call looks up.
	MaxSoldQueryLookups = 20
	// MaxOaidLength is the longest OAID the gateway documents.
	MaxOaidLength = 128
	// MaxSecretNoDays is the longest binding of a virtual number the SDK
	// sends (the documented extensions are 7, 15 and 30 days).
	MaxSecretNoDays = 30
)

// Scene is why a receiver is decrypted. The gateway applies a policy per
// scene: what it returns and how it counts against the shop's quota.
type Scene string

// Decryption scenes. The 1xxx and 2xxx values are the documented ones; 1008,
// 1009 and 3001 come from a third-party description and are accepted as
// sent.
const (
	// SceneSFWaybill: shipping with an SF Express e-waybill. Returns the
	// name, phones and address.
	SceneSFWaybill Scene = "1001"
	// SceneTongdaWaybill: shipping with a ZTO/YTO/STO/Yunda ("4通一达")
	// e-waybill. Returns the name, phones and address.
	SceneTongdaWaybill Scene = "1002"
	// SceneEMSWaybill: shipping with an EMS e-waybill. Returns the name,
	// phones and address.
	SceneEMSWaybill Scene = "1003"
	// SceneOtherWaybill: shipping with another carrier's e-waybill. Returns
	// the name, phones and address.
	SceneOtherWaybill Scene = "1004"
	// SceneStoreShipping: shipping from a physical store. Returns the name,
	// phones and address.
	SceneStoreShipping Scene = "1005"
	// SceneManualWaybill: shipping with a hand-written waybill. Returns the
	// name, phones and address.
	SceneManualWaybill Scene = "1006"
	// SceneDropShipping: shipping by a supplier on the seller's behalf.
	// Returns the name, phones and address.
	SceneDropShipping Scene = "1007"
	// SceneAddressChange: checking a change of address. Returns the
	// address only (third-party source).
	SceneAddressChange Scene = "1008"
	// SceneReceiverName: showing the receiver's name. Returns the name only
	// (third-party source).
	SceneReceiverName Scene = "1009"
	// SceneAfterSales: after-sales service. Returns the phones only.
	SceneAfterSales Scene = "2001"
	// SceneCustomerCare: customer care. Returns the phones only.
	SceneCustomerCare Scene = "2002"
	// SceneQimen: handing the order to a warehouse through Qimen. Returns
	// the name, phones and address (third-party source).
	SceneQimen Scene = "3001"
)

// Valid reports whether s is one of the scenes above.
func (s Scene) Valid() bool {
	switch s {
	case SceneSFWaybill, SceneTongdaWaybill, SceneEMSWaybill, SceneOtherWaybill, SceneStoreShipping,
		SceneManualWaybill, SceneDropShipping, SceneAddressChange, SceneReceiverName,
		SceneAfterSales, SceneCustomerCare, SceneQimen:
		return true
	}
	return false
}

// Shipping reports whether s is a shipping scene (1001-1007), the scenes
// whose virtual numbers are extended by 7, 15 or 30 days.
func (s Scene) Shipping() bool { return s >= "1001" && s <= "1007" && len(s) == 4 }

// Returns reports which parts of the receiver the gateway gives out in scene
// s: the name, the phones (mobile and landline) and the detailed address.
func (s Scene) Returns() (name, phones, address bool) {
	switch s {
	case SceneAfterSales, SceneCustomerCare:
		return false, true, false
	case SceneAddressChange:
		return false, false, true
	case SceneReceiverName:
		return true, false, false
	}
	return s.Valid(), s.Valid(), s.Valid()
}

// ReceiverQuery asks for the plaintext receiver of one trade.
type ReceiverQuery struct {
	OAID  string // the trade's oaid, as a trade read returned it
	Tid   int64  // the trade
	Scene Scene  // why it is decrypted (required)
	// SecretNoDays asks to bind a virtual number for this many days (1 to
	// MaxSecretNoDays) on a privacy-protected trade; 0 leaves it to the
	// gateway.
	SecretNoDays int
}

// Receiver is a decrypted receiver. It holds plaintext, which TOP's rules
// forbid storing: use it to print a waybill or answer the buyer, then drop
// it, and keep only the OAID and tid. It prints and logs itself masked (%v,
// %+v, %#v, slog), and its plaintext is behind a pointer that fmt does not
// follow, so even a struct holding a Receiver prints without it. Its JSON
// form is masked too; MarshalPlaintext writes one with the plaintext under
// "plaintext", for handing it to a printer: never log or store that one.
type Receiver struct {
	OAID string // the OAID asked for (or the one the gateway answered)
	Tid  int64  // the trade
	// Matched is false when the OAID is no longer the trade's (the receiver
	// changed, or the gateway did not answer for it): the plaintext is then
	// empty; read the trade again with FullInfo for its current OAID.
	Matched bool
	// PrivacyProtection marks a trade whose buyer asked for a virtual
	// number: Mobile is then "number-extension" (see IsVirtualNumber),
	// valid until SecretNoExpire, and extending it costs money.
	PrivacyProtection bool
	// SecretNoExpire is when the virtual number stops working.
	SecretNoExpire Time

	// The area, which the gateway never masks.
	State, City, District, Town, Country string

	text *sealed[receiverText] // nil when nothing was decrypted
}

// receiverText is the plaintext of a Receiver.
type receiverText struct{ name, mobile, phone, address string }

// sealed keeps a value two pointers away from the struct that holds it. fmt
// prints a pointer found inside a struct as an address, except when the
// verb does not suit a pointer (%s, %q): it then prints what the pointer
// points to, with %v. One more pointer is printed as an address again.
type sealed[T any] struct{ v *T }

func seal[T any](v T) *sealed[T] { return &sealed[T]{&v} }

// get returns the value, or the zero value for nil.
func (s *sealed[T]) get() (v T) {
	if s == nil || s.v == nil {
		return v
	}
	return *s.v
}

// Name returns the receiver's name in clear.
func (r Receiver) Name() string { return r.t().name }

// Mobile returns the receiver's mobile number in clear, or the virtual
// number when PrivacyProtection is set.
func (r Receiver) Mobile() string { return r.t().mobile }

// Phone returns the receiver's landline in clear, often empty.
func (r Receiver) Phone() string { return r.t().phone }

// AddressDetail returns the detailed address in clear (without the area:
// State, City, District, Town).
func (r Receiver) AddressDetail() string { return r.t().address }

// HasPlaintext reports whether anything was decrypted.
func (r Receiver) HasPlaintext() bool { return r.t() != receiverText{} }

func (r Receiver) t() receiverText { return r.text.get() }

// String describes the receiver with its plaintext masked.
func (r Receiver) String() string {
	t := r.t()
	var b strings.Builder
	b.WriteString("taobao.Receiver{tid ")
	b.WriteString(strconv.FormatInt(r.Tid, 10))
	b.WriteString(", oaid ")
	b.WriteString(r.OAID)
	if !r.Matched {
		b.WriteString(", stale")
	}
	if t.name != "" {
		b.WriteString(", name ")
		b.WriteString(MaskName(t.name))
	}
	if t.mobile != "" {
		b.WriteString(", mobile ")
		b.WriteString(MaskPhone(t.mobile))
	}
	if t.phone != "" {
		b.WriteString(", phone ")
		b.WriteString(MaskPhone(t.phone))
	}
	if area := r.State + r.City + r.District + r.Town; area != "" || t.address != "" {
		b.WriteString(", address ")
		b.WriteString(area)
		if t.address != "" {
			b.WriteString(" ")
			b.WriteString(MaskAddress(t.address))
		}
	}
	if r.PrivacyProtection {
		b.WriteString(", virtual number until ")
		b.WriteString(r.SecretNoExpire.String())
	}
	b.WriteString("}")
	return b.String()
}

// Format prints the receiver as String does for every verb.
func (r Receiver) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, r.String()) }

// LogValue gives slog the receiver masked.
func (r Receiver) LogValue() slog.Value {
	t := r.t()
	return slog.GroupValue(
		slog.Int64("tid", r.Tid), slog.String("oaid", r.OAID), slog.Bool("matched", r.Matched),
		slog.String("name", MaskName(t.name)), slog.String("mobile", MaskPhone(t.mobile)),
		slog.String("city", r.City), slog.String("address", MaskAddress(t.address)))
}

// receiverJSON is the JSON form of a Receiver.
type receiverJSON struct {
	OAID              string             `json:"oaid"`
	Tid               int64              `json:"tid"`
	Matched           bool               `json:"matched"`
	PrivacyProtection bool               `json:"privacy_protection,omitempty"`
	SecretNoExpire    Time               `json:"secret_no_expire_time,omitzero"`
	State             string             `json:"state,omitempty"`
	City              string             `json:"city,omitempty"`
	District          string             `json:"district,omitempty"`
	Town              string             `json:"town,omitempty"`
	Country           string             `json:"country,omitempty"`
	Masked            *receiverPlainJSON `json:"masked,omitempty"`
	Plaintext         *receiverPlainJSON `json:"plaintext,omitempty"`
}

type receiverPlainJSON struct {
	Name          string `json:"name,omitempty"`
	Mobile        string `json:"mobile,omitempty"`
	Phone         string `json:"phone,omitempty"`
	AddressDetail string `json:"address_detail,omitempty"`
}

func (r Receiver) jsonForm() receiverJSON {
	return receiverJSON{OAID: r.OAID, Tid: r.Tid, Matched: r.Matched, PrivacyProtection: r.PrivacyProtection,
		SecretNoExpire: r.SecretNoExpire, State: r.State, City: r.City, District: r.District, Town: r.Town, Country: r.Country}
}

// MarshalJSON encodes the receiver with its plaintext masked, under
// "masked": JSON ends up in logs and stores, which may not hold the
// plaintext. MarshalPlaintext gives the form with the plaintext.
func (r Receiver) MarshalJSON() ([]byte, error) {
	j := r.jsonForm()
	if r.HasPlaintext() {
		t := r.t()
		j.Masked = &receiverPlainJSON{Name: MaskName(t.name), Mobile: MaskPhone(t.mobile), Phone: MaskPhone(t.phone), AddressDetail: MaskAddress(t.address)}
	}
	return json.Marshal(j)
}

// MarshalPlaintext encodes the receiver with its plaintext under
// "plaintext", for handing it to a waybill printer. That form must not be
// logged or stored; UnmarshalJSON reads it back.
func (r Receiver) MarshalPlaintext() ([]byte, error) {
	j := r.jsonForm()
	if r.HasPlaintext() {
		t := r.t()
		j.Plaintext = &receiverPlainJSON{Name: t.name, Mobile: t.mobile, Phone: t.phone, AddressDetail: t.address}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the forms MarshalJSON and MarshalPlaintext write;
// only the second gives the plaintext back.
func (r *Receiver) UnmarshalJSON(data []byte) error {
	var j receiverJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return errors.New("taobao: cannot decode a Receiver (details withheld: it may hold plaintext)")
	}
	*r = Receiver{OAID: j.OAID, Tid: j.Tid, Matched: j.Matched, PrivacyProtection: j.PrivacyProtection,
		SecretNoExpire: j.SecretNoExpire, State: j.State, City: j.City, District: j.District, Town: j.Town, Country: j.Country}
	if p := j.Plaintext; p != nil {
		r.text = seal(receiverText{name: p.Name, mobile: p.Mobile, phone: p.Phone, address: p.AddressDetail})
	}
	return nil
}

// IsMasked reports whether s is a value the gateway hid rather than a clear
// one: masked with '*' ("王**", "*******5552"), or encrypted by the legacy
// security SDK ("~...~" or "$...$"). An empty value is not masked.
func IsMasked(s string) bool {
	if strings.Contains(s, "*") {
		return true
	}
	n := len(s)
	return n >= 3 && ((s[0] == '~' && s[n-1] == '~') || (s[0] == '$' && s[n-1] == '$'))
}

// IsVirtualNumber reports whether a decrypted mobile number is a virtual
// one ("18877771111-123": a number and the extension to dial), and returns
// its parts.
func IsVirtualNumber(mobile string) (number, extension string, ok bool) {
	number, extension, ok = strings.Cut(mobile, "-")
	if !ok || len(number) != 11 || number[0] != '1' || !allDigits(number) || extension == "" || len(extension) > 6 || !allDigits(extension) {
		return "", "", false
	}
	return number, extension, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// MaskName masks a name as the gateway does: the first character stays,
// every other one becomes '*'.
func MaskName(s string) string {
	if s == "" || IsMasked(s) {
		return s
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size] + strings.Repeat("*", max(utf8.RuneCountInString(s)-1, 1))
}

// MaskPhone masks a phone number: only the last four digits stay;
// separators such as '-' are kept, and anything else becomes '*'.
func MaskPhone(s string) string {
	if s == "" || IsMasked(s) {
		return s
	}
	r := []rune(s)
	keep := 4
	for i := len(r) - 1; i >= 0; i-- {
		switch {
		case r[i] >= '0' && r[i] <= '9' && keep > 0:
			keep--
		case r[i] == '-' || r[i] == ' ' || r[i] == '+':
		default:
			r[i] = '*'
		}
	}
	return string(r)
}

// MaskAddress masks a detailed address: the first two characters stay and
// the rest becomes "***", whatever its length.
func MaskAddress(s string) string {
	if s == "" || IsMasked(s) {
		return s
	}
	if utf8.RuneCountInString(s) <= 2 {
		return "***"
	}
	_, a := utf8.DecodeRuneInString(s)
	_, b := utf8.DecodeRuneInString(s[a:])
	return s[:a+b] + "***"
}

// PrivacyService calls the buyer-privacy APIs for the client's seller:
// OAID decrypt and merge, the receiver-to-trade lookup and virtual numbers.
// Use Client.Privacy.
type PrivacyService struct{ client *Client }

// validate checks one decrypt query; i is its place in the caller's list.
func (q *ReceiverQuery) validate(method string, i int) error {
	switch {
	case q.Tid <= 0:
		return invalidArg(method, "query_list", "query %d: tid must be a positive trade id, got %d", i, q.Tid)
	case !q.Scene.Valid():
		return invalidArg(method, "query_list", "query %d: scene %q is not a known decryption scene (see the Scene constants)", i, string(q.Scene))
	case q.SecretNoDays < 0 || q.SecretNoDays > MaxSecretNoDays:
		return invalidArg(method, "query_list", "query %d: secret_no_days %d is outside 0..%d", i, q.SecretNoDays, MaxSecretNoDays)
	}
	return validateOaid(method, "query_list", i, q.OAID)
}

func validateOaid(method, param string, i int, oaid string) error {
	switch {
	case isBlank(oaid):
		return invalidArg(method, param, "item %d: the oaid is required", i)
	case len(oaid) > MaxOaidLength:
		return invalidArg(method, param, "item %d: the oaid is %d bytes, at most %d allowed", i, len(oaid), MaxOaidLength)
	case strings.ContainsAny(oaid, " \t\r\n,"):
		return invalidArg(method, param, "item %d: the oaid holds a space or comma", i)
	}
	return nil
}

// ReceiverQueriesOf returns the decrypt queries of the trades that have an
// oaid, in order, for one scene: read a page of trades with "oaid" among
// the fields, then decrypt the receivers of the whole page in one Decrypt
// rather than one call per trade.
func ReceiverQueriesOf(trades []Trade, scene Scene) []ReceiverQuery {
	q := make([]ReceiverQuery, 0, len(trades))
	for i := range trades {
		if t := &trades[i]; t.Oaid != "" {
			q = append(q, ReceiverQuery{OAID: t.Oaid, Tid: int64(t.Tid), Scene: scene})
		}
	}
	return q
}

// OrderRefsOf returns the merge references of the trades that have an oaid,
// in order, for Merge.
func OrderRefsOf(trades []Trade) []OrderRef {
	refs := make([]OrderRef, 0, len(trades))
	for i := range trades {
		if t := &trades[i]; t.Oaid != "" {
			refs = append(refs, OrderRef{OAID: t.Oaid, Tid: int64(t.Tid)})
		}
	}
	return refs
}

type receiverKey struct {
	tid  int64
	oaid string
}

// Decrypt returns the plaintext receiver of each query, in the order of q:
// it makes as few calls as the gateway's MaxDecryptBatch allows (45 queries
// take 3 calls: 20, 20 and 5), each paced by the client's limiter, and asks
// once for a receiver queried twice. A receiver whose OAID went stale comes
// back with Matched false and no plaintext.
//
// Every query is checked before the first call. Each call counts against
// the shop's daily decryption quota, so calls are not retried once sent: a
// call whose answer was lost fails with ErrOutcomeUnknown and may simply be
// made again. When a call fails, the slice still holds at their places the
// receivers of the calls that went through (the others are zero, Tid 0),
// so that they need not be decrypted again, with an error naming the
// queries of the failed call.
//
// The result holds plaintext: do not store it (keep the OAID) and do not
// log it by any other means than its own String or LogValue.
//
// TOP API: taobao.top.oaid.decrypt
func (s *PrivacyService) Decrypt(ctx context.Context, q []ReceiverQuery) ([]Receiver, error) {
	const method = MethodOaidDecrypt
	index := make(map[receiverKey]int, len(q)) // -> place in uniq
	scenes := make(map[receiverKey]int, len(q))
	uniq := make([]ReceiverQuery, 0, len(q))
	at := make([]int, len(q)) // query i -> place in uniq
	for i := range q {
		if err := q[i].validate(method, i); err != nil {
			return nil, err
		}
		k := receiverKey{q[i].Tid, strings.TrimSpace(q[i].OAID)}
		if j, ok := index[k]; ok {
			if uniq[j].Scene != q[i].Scene || uniq[j].SecretNoDays != q[i].SecretNoDays {
				return nil, invalidArg(method, "query_list", "queries %d and %d ask for the receiver of trade %d differently (scene or secret_no_days): decrypt them in separate calls", scenes[k], i, q[i].Tid)
			}
			at[i] = j
			continue
		}
		index[k], scenes[k], at[i] = len(uniq), i, len(uniq)
		uniq = append(uniq, q[i])
	}
	if len(q) == 0 {
		return []Receiver{}, nil
	}
	got := make([]Receiver, len(uniq))
	done := 0
	calls := (len(uniq) + MaxDecryptBatch - 1) / MaxDecryptBatch
	var failed error
	for n := 0; done < len(uniq); n++ {
		end := min(done+MaxDecryptBatch, len(uniq))
		if err := s.decryptBatch(ctx, uniq[done:end], got[done:end]); err != nil {
			failed = &methodError{method: method, what: fmt.Sprintf("call %d of %d (%d receivers; the %d before them were decrypted)", n+1, calls, end-done, done), err: err}
			break
		}
		done = end
	}
	out := make([]Receiver, len(q))
	for i, j := range at {
		if j < done {
			out[i] = got[j]
		}
	}
	return out, failed
}

// decryptQuery is one item of query_list. The tid is sent as a string, as
// its documented type says.
type decryptQuery struct {
	OAID         string `json:"oaid"`
	Tid          string `json:"tid"`
	Scene        string `json:"scene"`
	SecretNoDays int    `json:"secret_no_days,omitempty"`
}

// decryptBatch decrypts at most MaxDecryptBatch queries into out.
func (s *PrivacyService) decryptBatch(ctx context.Context, q []ReceiverQuery, out []Receiver) error {
	items := make([]decryptQuery, len(q))
	for i, x := range q {
		items[i] = decryptQuery{OAID: strings.TrimSpace(x.OAID), Tid: strconv.FormatInt(x.Tid, 10), Scene: string(x.Scene), SecretNoDays: x.SecretNoDays}
	}
	list, err := json.Marshal(items)
	if err != nil {
		return err
	}
	var w decryptWire
	if err := s.client.call(ctx, MethodOaidDecrypt, url.Values{"query_list": {string(list)}}, &w); err != nil {
		return err
	}
	byKey := make(map[receiverKey]*receiverWire, len(w.receivers))
	byTid := make(map[int64]*receiverWire, len(w.receivers))
	for i := range w.receivers {
		rw := &w.receivers[i]
		byKey[receiverKey{int64(rw.Tid), string(rw.OAID)}] = rw
		if _, dup := byTid[int64(rw.Tid)]; dup {
			byTid[int64(rw.Tid)] = nil // ambiguous: match by tid and oaid only
		} else {
			byTid[int64(rw.Tid)] = rw
		}
	}
	for i, x := range q {
		oaid := strings.TrimSpace(x.OAID)
		rw := byKey[receiverKey{x.Tid, oaid}]
		if rw == nil {
			rw = byTid[x.Tid]
		}
		if rw == nil {
			out[i] = Receiver{OAID: oaid, Tid: x.Tid}
			continue
		}
		out[i] = rw.receiver(oaid, x.Tid)
	}
	return nil
}

// Lenient scalars of the privacy answers. They take what the gateway may
// send for a field (a number as text, a string for a number, "true" for a
// boolean) and drop a value of the wrong kind silently: their error texts
// would otherwise quote plaintext.
type (
	looseString string
	looseInt    int64
	looseBool   bool
	looseTime   Time
)

func (s *looseString) UnmarshalJSON(b []byte) error {
	var v string
	if json.Unmarshal(b, &v) == nil {
		*s = looseString(v)
	} else if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		*s = looseString(b)
	}
	return nil
}

func (n *looseInt) UnmarshalJSON(b []byte) error {
	var v Int64
	if v.UnmarshalJSON(b) == nil {
		*n = looseInt(v)
	}
	return nil
}

func (p *looseBool) UnmarshalJSON(b []byte) error {
	var v Bool
	if v.UnmarshalJSON(b) == nil {
		*p = looseBool(v)
	}
	return nil
}

func (t *looseTime) UnmarshalJSON(b []byte) error {
	var v Time
	if v.UnmarshalJSON(b) == nil {
		*t = looseTime(v)
	}
	return nil
}

// receiverWire is one item of receiver_list.
type receiverWire struct {
	Name               looseString `json:"name"`
	Mobile             looseString `json:"mobile"`
	Phone              looseString `json:"phone"`
	AddressDetail      looseString `json:"address_detail"`
	State              looseString `json:"state"`
	City               looseString `json:"city"`
	District           looseString `json:"district"`
	Town               looseString `json:"town"`
	Country            looseString `json:"country"`
	OAID               looseString `json:"oaid"`
	Tid                looseInt    `json:"tid"`
	Matched            looseBool   `json:"matched"`
	PrivacyProtection  looseBool   `json:"privacy_protection"`
	SecretNoExpireTime looseTime   `json:"secret_no_expire_time"`
}

func (w *receiverWire) receiver(oaid string, tid int64) Receiver {
	r := Receiver{
		OAID: oaid, Tid: tid, Matched: bool(w.Matched), PrivacyProtection: bool(w.PrivacyProtection),
		SecretNoExpire: Time(w.SecretNoExpireTime),
		State:          string(w.State), City: string(w.City), District: string(w.District), Town: string(w.Town), Country: string(w.Country),
	}
	if w.OAID != "" {
		r.OAID = string(w.OAID)
	}
	if t := (receiverText{name: string(w.Name), mobile: string(w.Mobile), phone: string(w.Phone), address: string(w.AddressDetail)}); t != (receiverText{}) && r.Matched {
		r.text = seal(t)
	}
	return r
}

// decryptWire is the payload of top_oaid_decrypt_response.
type decryptWire struct {
	receivers []receiverWire
	RequestID string
}

// UnmarshalJSON takes receiver_list wrapped ({"receiver":[...]}) or bare, a
// lone object for a list of one, and skips an item that is not an object.
func (w *decryptWire) UnmarshalJSON(b []byte) error {
	var raw struct {
		List      json.RawMessage `json:"receiver_list"`
		RequestID looseString     `json:"request_id"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return errors.New("the answer is not an object")
	}
	w.RequestID = string(raw.RequestID)
	for _, item := range topListItems(raw.List) {
		var rw receiverWire
		if len(item) > 0 && item[0] == '{' && json.Unmarshal(item, &rw) == nil {
			w.receivers = append(w.receivers, rw)
		}
	}
	return nil
}

// topListItems returns the items of a TOP list: {"<item>":[...]}, a bare
// array, a wrapper holding one object, or nothing for null, "" and {}.
func topListItems(raw json.RawMessage) []json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	var items []json.RawMessage
	switch raw[0] {
	case '[':
		if json.Unmarshal(raw, &items) != nil {
			return nil
		}
		return items
	case '{':
		var members map[string]json.RawMessage
		if json.Unmarshal(raw, &members) != nil {
			return nil
		}
		keys := make([]string, 0, len(members))
		for k := range members {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v := bytes.TrimSpace(members[k])
			if len(v) > 0 && v[0] == '[' && json.Unmarshal(v, &items) == nil {
				return items
			}
		}
		for _, k := range keys {
			if v := bytes.TrimSpace(members[k]); len(v) > 0 && v[0] == '{' {
				return []json.RawMessage{v}
			}
		}
	}
	return nil
}

// tidsOf reads the tids of a tid_list: each item a tid, or several joined
// by commas, as a string or a number. Items that are not tids are skipped.
func tidsOf(raw json.RawMessage) [][]int64 {
	var groups [][]int64
	for _, item := range topListItems(raw) {
		var s looseString
		_ = s.UnmarshalJSON(item)
		var g []int64
		for part := range strings.SplitSeq(string(s), ",") {
			if tid, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64); err == nil && tid > 0 {
				g = append(g, tid)
			}
		}
		if len(g) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// tidListWire is the payload of top_oaid_merge_response and
// trades_sold_query_response.
type tidListWire struct {
	TidList   json.RawMessage `json:"tid_list"`
	RequestID looseString     `json:"request_id"`
}

// OrderRef names a trade and its OAID, for Merge.
type OrderRef struct {
	OAID string // the trade's oaid
	Tid  int64  // the trade
}

// Merge returns the groups of trades that can ship together in one parcel:
// trades of one receiver. Every tid of refs is in exactly one group (a
// trade that cannot be merged is a group of one); groups come in the order
// of their first trade in refs, and each group's tids in the order of refs.
// A tid given twice counts once.
//
// The gateway takes MaxMergeBatch orders a call and never merges orders of
// different calls. Merge therefore puts all the orders of one OAID into the
// same call, filling calls in the order of refs; only when one OAID has more
// than MaxMergeBatch orders is it split, and its orders in different calls
// are then reported in different groups (shipping them apart is always
// correct; merging them on a guess would not be).
//
// TOP API: taobao.top.oaid.merge
func (s *PrivacyService) Merge(ctx context.Context, refs []OrderRef) ([][]int64, error) {
	const method = MethodOaidMerge
	pos := make(map[int64]int, len(refs)) // tid -> place in uniq
	var uniq []OrderRef
	byOaid := make(map[string][]int) // oaid -> places in uniq
	var oaids []string               // in order of first appearance
	for i, r := range refs {
		if r.Tid <= 0 {
			return nil, invalidArg(method, "merge_list", "item %d: tid must be a positive trade id, got %d", i, r.Tid)
		}
		if err := validateOaid(method, "merge_list", i, r.OAID); err != nil {
			return nil, err
		}
		r.OAID = strings.TrimSpace(r.OAID)
		if j, ok := pos[r.Tid]; ok {
			if uniq[j].OAID != r.OAID {
				return nil, invalidArg(method, "merge_list", "item %d: trade %d was given before with another oaid", i, r.Tid)
			}
			continue
		}
		pos[r.Tid] = len(uniq)
		if _, ok := byOaid[r.OAID]; !ok {
			oaids = append(oaids, r.OAID)
		}
		byOaid[r.OAID] = append(byOaid[r.OAID], len(uniq))
		uniq = append(uniq, r)
	}
	// Pack whole OAIDs into calls, next-fit in order.
	var batches [][]OrderRef
	var cur []OrderRef
	for _, o := range oaids {
		idx := byOaid[o]
		if len(cur) > 0 && len(cur)+len(idx) > MaxMergeBatch {
			batches, cur = append(batches, cur), nil
		}
		for _, j := range idx {
			if len(cur) == MaxMergeBatch {
				batches, cur = append(batches, cur), nil
			}
			cur = append(cur, uniq[j])
		}
	}
	if len(cur) > 0 {
		batches = append(batches, cur)
	}
	group := make([]int, len(uniq)) // place in uniq -> group id
	for i := range group {
		group[i] = -1
	}
	next := 0
	for n, b := range batches {
		groups, err := s.mergeBatch(ctx, b)
		if err != nil {
			return nil, &methodError{method: method, what: fmt.Sprintf("call %d of %d", n+1, len(batches)), err: err}
		}
		in := make(map[int64]bool, len(b))
		for _, r := range b {
			in[r.Tid] = true
		}
		for _, g := range groups {
			id := -1
			for _, tid := range g {
				j, ok := pos[tid]
				if !ok || !in[tid] || group[j] >= 0 {
					continue // not asked in this call, or already placed
				}
				if id < 0 {
					id, next = next, next+1
				}
				group[j] = id
			}
		}
	}
	// Order groups by their first trade in refs; unplaced trades alone.
	var out [][]int64
	slot := make(map[int]int)
	for j, r := range uniq {
		id := group[j]
		if id < 0 {
			out = append(out, []int64{r.Tid})
			continue
		}
		k, ok := slot[id]
		if !ok {
			k = len(out)
			slot[id] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], r.Tid)
	}
	if out == nil {
		out = [][]int64{}
	}
	return out, nil
}

func (s *PrivacyService) mergeBatch(ctx context.Context, refs []OrderRef) ([][]int64, error) {
	type item struct {
		OAID string `json:"oaid"`
		Tid  string `json:"tid"`
	}
	items := make([]item, len(refs))
	for i, r := range refs {
		items[i] = item{OAID: r.OAID, Tid: strconv.FormatInt(r.Tid, 10)}
	}
	list, err := json.Marshal(items)
	if err != nil {
		return nil, err
	}
	var w tidListWire
	if err := s.client.call(ctx, MethodOaidMerge, url.Values{"merge_list": {string(list)}}, &w); err != nil {
		return nil, err
	}
	return tidsOf(w.TidList), nil
}

// QueryScene is why trades are looked up by receiver.
type QueryScene string

// Scenes of taobao.trades.sold.query. A third-party description says how
// far back each looks; the gateway decides.
const (
	// QuerySceneCustomerService: a customer-service chat (about the last 7
	// days of trades).
	QuerySceneCustomerService QueryScene = "1001"
	// QuerySceneAfterSales: after-sales service (about the last 3 months).
	QuerySceneAfterSales QueryScene = "1002"
)

// Valid reports whether s is one of the scenes above.
func (s QueryScene) Valid() bool { return s == QuerySceneCustomerService || s == QuerySceneAfterSales }

// ReceiverLookup is one receiver to find the trades of. At least one of
// Name, Mobile and Phone is required. These values are plaintext the buyer
// gave: the SDK keeps them out of its errors and logs.
type ReceiverLookup struct {
	Name, Mobile, Phone string
	// StartCreated and EndCreated bound the trades' creation time; zero
	// leaves a bound to the gateway.
	StartCreated, EndCreated Time
}

// Order types of taobao.trades.sold.query.
const (
	SoldQueryTrades       = 1 // ordinary trades (the gateway's default)
	SoldQueryDistribution = 2 // distribution (分销) trades
	SoldQueryExchange     = 3 // exchange (换货) trades
)

// SoldQueryOptions are the optional parameters of taobao.trades.sold.query.
type SoldQueryOptions struct {
	// OrderType is SoldQueryTrades, SoldQueryDistribution or
	// SoldQueryExchange; 0 leaves the default (trades).
	OrderType int
}

// SoldQuery returns the tids of the seller's trades shipped to any of the
// receivers looked up (at most MaxSoldQueryLookups), newest created first,
// at most 100: the way from what a buyer tells customer service to the
// trade. The values looked up never appear in an error or log line.
//
// TOP API: taobao.trades.sold.query
func (s *PrivacyService) SoldQuery(ctx context.Context, scene QueryScene, lookups []ReceiverLookup, opts *SoldQueryOptions) ([]int64, error) {
	const method = MethodTradesSoldQuery
	switch {
	case !scene.Valid():
		return nil, invalidArg(method, "scene", "%q is not 1001 (customer service) or 1002 (after-sales)", string(scene))
	case len(lookups) == 0:
		return nil, invalidArg(method, "query_list", "at least one receiver is required")
	case len(lookups) > MaxSoldQueryLookups:
		return nil, invalidArg(method, "query_list", "%d receivers, at most %d allowed", len(lookups), MaxSoldQueryLookups)
	case opts != nil && (opts.OrderType < 0 || opts.OrderType > 3):
		return nil, invalidArg(method, "order_type", "%d is not 1 (trades), 2 (distribution) or 3 (exchange)", opts.OrderType)
	}
	type item struct {
		Name         string `json:"receiver_name,omitempty"`
		Mobile       string `json:"receiver_mobile,omitempty"`
		Phone        string `json:"receiver_phone,omitempty"`
		StartCreated *Time  `json:"start_created,omitempty"`
		EndCreated   *Time  `json:"end_created,omitempty"`
	}
	items := make([]item, len(lookups))
	for i, l := range lookups {
		it := item{Name: strings.TrimSpace(l.Name), Mobile: strings.TrimSpace(l.Mobile), Phone: strings.TrimSpace(l.Phone)}
		switch {
		case it.Name == "" && it.Mobile == "" && it.Phone == "":
			return nil, invalidArg(method, "query_list", "item %d: a name, mobile or phone is required", i)
		case IsMasked(it.Name) || IsMasked(it.Mobile) || IsMasked(it.Phone):
			return nil, invalidArg(method, "query_list", "item %d: holds a masked value; look up what the buyer gave in clear", i)
		case !l.StartCreated.IsZero() && !l.EndCreated.IsZero() && l.EndCreated.Before(l.StartCreated.Time):
			return nil, invalidArg(method, "query_list", "item %d: end_created %s is before start_created %s", i, l.EndCreated, l.StartCreated)
		}
		if !l.StartCreated.IsZero() {
			it.StartCreated = &lookups[i].StartCreated
		}
		if !l.EndCreated.IsZero() {
			it.EndCreated = &lookups[i].EndCreated
		}
		items[i] = it
	}
	list, err := json.Marshal(items)
	if err != nil {
		return nil, invalidArg(method, "query_list", "cannot encode the times")
	}
	params := url.Values{"query_list": {string(list)}, "scene": {string(scene)}}
	if opts != nil && opts.OrderType > 0 {
		params.Set("order_type", strconv.Itoa(opts.OrderType))
	}
	var w tidListWire
	if err := s.client.call(ctx, method, params, &w); err != nil {
		return nil, err
	}
	tids := []int64{}
	seen := make(map[int64]bool)
	for _, g := range tidsOf(w.TidList) {
		for _, tid := range g {
			if !seen[tid] {
				seen[tid] = true
				tids = append(tids, tid)
			}
		}
	}
	return tids, nil
}

// SecretNoExtension asks for a longer life of a trade's virtual number.
type SecretNoExtension struct {
	OAID  string // the trade's oaid
	Tid   int64  // the trade (sent as order_id)
	Scene Scene  // the scene the number was bound for
	// ExtendDays is how many days to add: 7, 15 or 30 in a shipping scene,
	// 1 to MaxSecretNoDays in the others.
	ExtendDays int
}

// SecretNo is a virtual number after an extension. The number reaches the
// buyer's phone, so it is kept like plaintext: it prints masked.
type SecretNo struct {
	// Expire is when the number now stops working.
	Expire Time
	// RequestID is the gateway's id for the call.
	RequestID string

	number *sealed[string]
}

// Number returns the virtual number in clear.
func (n SecretNo) Number() string { return n.number.get() }

// String describes the extension with the number masked.
func (n SecretNo) String() string {
	return "taobao.SecretNo{" + MaskPhone(n.Number()) + " until " + n.Expire.String() + "}"
}

// Format prints the extension as String does for every verb.
func (n SecretNo) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, n.String()) }

// LogValue gives slog the extension with the number masked.
func (n SecretNo) LogValue() slog.Value { return slog.StringValue(n.String()) }

// ExtendSecretNo extends the virtual number of a privacy-protected trade
// (Receiver.PrivacyProtection). Virtual numbers are billed to the ISV per
// day: extend only what is still to be delivered. It is a write, never
// retried once sent.
//
// TOP API: taobao.top.secret.extend
func (s *PrivacyService) ExtendSecretNo(ctx context.Context, req SecretNoExtension) (*SecretNo, error) {
	const method = MethodSecretExtend
	switch {
	case req.Tid <= 0:
		return nil, invalidArg(method, "order_id", "must be a positive trade id, got %d", req.Tid)
	case !req.Scene.Valid():
		return nil, invalidArg(method, "scene", "%q is not a known decryption scene (see the Scene constants)", string(req.Scene))
	case req.Scene.Shipping() && req.ExtendDays != 7 && req.ExtendDays != 15 && req.ExtendDays != 30:
		return nil, invalidArg(method, "extend_days", "%d: a shipping scene takes 7, 15 or 30", req.ExtendDays)
	case req.ExtendDays < 1 || req.ExtendDays > MaxSecretNoDays:
		return nil, invalidArg(method, "extend_days", "%d is outside 1..%d", req.ExtendDays, MaxSecretNoDays)
	}
	if err := validateOaid(method, "oaid", 0, req.OAID); err != nil {
		return nil, err
	}
	body, err := json.Marshal(struct {
		ExtendDays int    `json:"extend_days"`
		OAID       string `json:"oaid"`
		OrderID    int64  `json:"order_id"`
		Scene      string `json:"scene"`
	}{req.ExtendDays, strings.TrimSpace(req.OAID), req.Tid, string(req.Scene)})
	if err != nil {
		return nil, err
	}
	var w struct {
		Result *struct {
			SecretNo   looseString `json:"secret_no"`
			ExpireTime looseTime   `json:"expire_time"`
		} `json:"result"`
		RequestID looseString `json:"request_id"`
	}
	if err := s.client.call(ctx, method, url.Values{"extend_request": {string(body)}}, &w); err != nil {
		return nil, err
	}
	if w.Result == nil {
		return nil, missingMember(method, "result", string(w.RequestID), nil)
	}
	return &SecretNo{Expire: Time(w.Result.ExpireTime), RequestID: string(w.RequestID), number: seal(string(w.Result.SecretNo))}, nil
}

// ErrOaidMissing: taobao.trade.fullinfo.get with IncludeOaid found no OAID
// for the trade (isv.oaid-field-miss): its receiver lacks a name, mobile or
// address, so none can be made. Match it with errors.Is; the error is an
// *OaidMissingError.
var ErrOaidMissing = errors.New("taobao: the trade has no oaid")

// OaidMissingError is the error of FullInfo with IncludeOaid for a trade
// without an OAID. It matches ErrOaidMissing and unwraps to the gateway's
// *APIError.
type OaidMissingError struct {
	Tid int64     // the trade
	Err *APIError // the gateway's answer (sub_code isv.oaid-field-miss)
}

// Error names the trade, the method and the request_id.
func (e *OaidMissingError) Error() string {
	return prefixed(e.Err.Method, fmt.Sprintf("trade %d has no oaid (its receiver is incomplete): %s", e.Tid, e.Err.detail()))
}

// Is matches ErrOaidMissing.
func (e *OaidMissingError) Is(target error) bool { return target == ErrOaidMissing }

// Unwrap returns the gateway's error.
func (e *OaidMissingError) Unwrap() error { return e.Err }

// Quota errors. The gateway's code for a spent decryption quota is not
// documented; the SDK takes a sub_code or message that speaks of a quota
// (see ErrDecryptQuota).
const subCodeOaidMissing = "isv.oaid-field-miss"

// ErrDecryptQuota: the shop's decryption quota is spent for now (raise it
// in Qianniu, or wait for the next day). The gateway's code for it is not
// documented: an error of a privacy API matches when its sub_code mentions
// a quota ("quota", "limit" outside flow control) or its message does
// ("额度", "配额", "上限"). Retrying does not help.
var ErrDecryptQuota = errors.New("taobao: decryption quota spent")

// privacyAPIError wraps a gateway error of a privacy API that the SDK
// classified.
type privacyAPIError struct {
	err  *APIError
	kind error
}

func (e *privacyAPIError) Error() string        { return e.err.Error() + " (" + detail("", e.kind) + ")" }
func (e *privacyAPIError) Is(target error) bool { return target == e.kind }
func (e *privacyAPIError) Unwrap() error        { return e.err }
func (e *privacyAPIError) Retryable() bool      { return false }

// isQuotaError reports whether a privacy API's error says a quota is spent.
func isQuotaError(e *APIError) bool {
	sub := strings.ToLower(e.SubCode)
	if strings.HasPrefix(sub, "accesscontrol.") || e.Is(ErrRateLimited) {
		return false
	}
	if strings.Contains(sub, "quota") || strings.Contains(sub, "limit") {
		return true
	}
	for _, s := range [...]string{e.SubMsg, e.Msg} {
		if strings.Contains(s, "额度") || strings.Contains(s, "配额") || strings.Contains(s, "上限") || strings.Contains(strings.ToLower(s), "quota") {
			return true
		}
	}
	return false
}

// withheldPlaintext stands for the body of an answer that holds plaintext.
const withheldPlaintext = "[withheld: the answer holds buyers' plaintext]"

// privacyCallError is applied by the pipeline to the error of every
// attempt, before it is logged or returned. The answers of the decrypting
// methods hold plaintext receivers: no sample of them is kept. The values
// looked up by taobao.trades.sold.query are plaintext too: they are removed
// from any text of the answer. And the privacy errors get their types.
func privacyCallError(method string, params url.Values, err error) error {
	if err == nil {
		return nil
	}
	switch method {
	case MethodOaidDecrypt, methodOaidClientDecrypt, MethodSecretExtend:
		err = withholdSamples(err, nil)
	case MethodTradesSoldQuery:
		err = withholdSamples(err, lookupValues(params.Get("query_list")))
	case MethodTradeFullInfo:
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.SubCode == subCodeOaidMissing && err == error(apiErr) {
			tid, _ := strconv.ParseInt(params.Get("tid"), 10, 64)
			return &OaidMissingError{Tid: tid, Err: apiErr}
		}
		return err
	default:
		return err
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) && err == error(apiErr) && method != MethodTradesSoldQuery && isQuotaError(apiErr) {
		return &privacyAPIError{err: apiErr, kind: ErrDecryptQuota}
	}
	return err
}

// withholdSamples replaces the body samples of an undecodable answer, and
// removes the plaintext values from the gateway's messages.
func withholdSamples(err error, values []string) error {
	redact := newRedactor(values...)
	var apiErr *APIError
	var decErr *DecodeError
	var httpErr *HTTPError
	switch {
	case errors.As(err, &apiErr) && err == error(apiErr):
		if len(values) == 0 {
			return err
		}
		cp := *apiErr
		cp.Msg, cp.SubMsg = redact(cp.Msg), redact(cp.SubMsg)
		return &cp
	case errors.As(err, &decErr) && err == error(decErr):
		cp := *decErr
		cp.Sample = withheldPlaintext
		var se *json.SyntaxError
		if !errors.As(cp.Err, &se) {
			cp.Err = errors.New("the answer is not of the documented shape (details withheld)")
		}
		return &cp
	case errors.As(err, &httpErr) && err == error(httpErr):
		cp := *httpErr
		cp.Body = []byte(withheldPlaintext)
		return &cp
	}
	return err
}

// lookupValues returns the receiver values of a sold.query query_list.
func lookupValues(list string) []string {
	var items []map[string]any
	if json.Unmarshal([]byte(list), &items) != nil {
		return nil
	}
	var out []string
	for _, it := range items {
		for _, k := range [...]string{"receiver_name", "receiver_mobile", "receiver_phone"} {
			if s, ok := it[k].(string); ok && s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
