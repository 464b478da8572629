package taobao

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"time"
)

// TimeLayout is the layout TOP uses for every date and time value.
const TimeLayout = "2006-01-02 15:04:05"

// gmt8 is the fixed zone of the gateway's clock. It is never modified.
var gmt8 = time.FixedZone("GMT+8", 8*60*60)

// GMT8 returns the fixed GMT+8 zone in which TOP writes and reads times,
// whatever the host's own zone is.
func GMT8() *time.Location { return gmt8 }

// Time is a TOP date-time. On the wire it is "2006-01-02 15:04:05" in
// GMT+8; an empty string or null is the zero time, and a number is taken as
// epoch milliseconds (older gateways and the OAuth endpoints send those).
// Like the layout, a decoded Time has whole seconds: milliseconds are
// truncated, so that every decoded value encodes back to the same instant.
type Time struct{ time.Time }

// NewTime wraps t as a Time.
func NewTime(t time.Time) Time { return Time{t} }

// ParseTime parses s in TOP's layout as a GMT+8 time, or as epoch
// milliseconds when s is a bare integer. An empty string gives the zero Time.
func ParseTime(s string) (Time, error) {
	return parseTimeBytes([]byte(s))
}

// String formats t in TOP's layout in GMT+8, or "" for the zero time.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	return t.In(gmt8).Format(TimeLayout)
}

// MarshalJSON writes t as TOP does: a quoted GMT+8 time, or "" when zero.
// Sub-second parts are dropped; a year outside 0000-9999 is an error, as the
// layout cannot hold it.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte(`""`), nil
	}
	if y := t.In(gmt8).Year(); y < 0 || y > 9999 {
		return nil, fmt.Errorf("taobao: time %s: year %d outside 0000-9999", t.Time, y)
	}
	b := make([]byte, 0, len(TimeLayout)+2)
	b = append(b, '"')
	b = t.In(gmt8).AppendFormat(b, TimeLayout)
	return append(b, '"'), nil
}

// UnmarshalJSON accepts a quoted TOP time, "", null, or epoch milliseconds
// as a number or a quoted number.
func (t *Time) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		t.Time = time.Time{}
		return nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		v, err := parseTimeBytes(data[1 : len(data)-1])
		if err != nil {
			return err
		}
		*t = v
		return nil
	}
	v, ok := timeFromMillis(data)
	if !ok {
		return fmt.Errorf("taobao: invalid time %s: want a quoted %s or epoch milliseconds", quoteSample(data), TimeLayout)
	}
	*t = v
	return nil
}

// The instants TOP's layout can write: years 0000 to 9999 in GMT+8.
var (
	minTimeMillis = time.Date(0, 1, 1, 0, 0, 0, 0, gmt8).UnixMilli()
	maxTimeMillis = time.Date(9999, 12, 31, 23, 59, 59, 999e6, gmt8).UnixMilli()
)

// timeFromMillis decodes epoch milliseconds, truncated to the second. Values
// outside the layout's years are refused: they could not be encoded again.
func timeFromMillis(b []byte) (Time, bool) {
	ms, ok := parseInt(b)
	if !ok || ms < minTimeMillis || ms > maxTimeMillis {
		return Time{}, false
	}
	return Time{time.UnixMilli(ms).Truncate(time.Second).In(gmt8)}, true
}

// EncodeValues lets go-querystring send t in TOP's layout; a zero Time is
// not sent.
func (t Time) EncodeValues(key string, v *url.Values) error {
	if !t.IsZero() {
		v.Set(key, t.String())
	}
	return nil
}

// parseTimeBytes parses TOP's layout by hand: it is on the hot path of every
// decoded trade, and time.ParseInLocation allocates.
func parseTimeBytes(b []byte) (Time, error) {
	if len(b) == 0 {
		return Time{}, nil
	}
	if len(b) != len(TimeLayout) {
		// Tolerate epoch milliseconds sent as a quoted number.
		if v, ok := timeFromMillis(b); ok {
			return v, nil
		}
		return Time{}, fmt.Errorf("taobao: invalid time %s: want %s", quoteSample(b), TimeLayout)
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 2), num(8, 2)
	h, mi, s := num(11, 2), num(14, 2), num(17, 2)
	if b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':' ||
		y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 ||
		d > daysIn(time.Month(mo), y) {
		return Time{}, fmt.Errorf("taobao: invalid time %s: want %s", quoteSample(b), TimeLayout)
	}
	return Time{time.Date(y, time.Month(mo), d, h, mi, s, 0, gmt8)}, nil
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Money is an amount in fen (hundredths of a yuan). TOP sends amounts as
// decimal strings such as "199.99"; Money keeps them exact, never as floats.
type Money int64

// Yuan returns the amount of y yuan, rounded to the nearest fen:
// Yuan(199.99) is 19999. Write amounts with it (or Fen), not with a cast:
// Money(199.00) is 199 fen, 1.99 yuan.
func Yuan(y float64) Money { return Money(math.Round(y * 100)) }

// Fen returns the amount of n fen.
func Fen(n int64) Money { return Money(n) }

// ParseMoney parses a decimal yuan amount with at most two decimals, such as
// "199.99", "-5.00", "0" or "12.5", into fen.
func ParseMoney(s string) (Money, error) {
	return parseMoneyBytes([]byte(s))
}

func parseMoneyBytes(b []byte) (Money, error) {
	bad := func(why string) (Money, error) {
		return 0, fmt.Errorf("taobao: invalid money amount %s: %s", quoteSample(b), why)
	}
	if len(b) == 0 {
		return bad("empty")
	}
	i, neg := 0, false
	switch b[0] {
	case '-':
		neg, i = true, 1
	case '+':
		i = 1
	}
	// The largest magnitude in fen: MaxInt64, or one more when negative.
	limit := uint64(1<<63 - 1)
	if neg {
		limit = 1 << 63
	}
	var v uint64
	intDigits := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		v = v*10 + uint64(b[i]-'0') // cannot wrap: v <= limit/100 before
		intDigits++
		if v > limit/100 {
			return bad("out of range")
		}
	}
	if intDigits == 0 {
		return bad("no digits before the decimal point")
	}
	v *= 100
	if i < len(b) && b[i] == '.' {
		i++
		frac := 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			frac++
			if frac > 2 {
				return bad("more than two decimals")
			}
			if frac == 1 {
				v += uint64(b[i]-'0') * 10
			} else {
				v += uint64(b[i] - '0')
			}
		}
		if frac == 0 {
			return bad("no digits after the decimal point")
		}
	}
	if i != len(b) {
		return bad("not a decimal number")
	}
	if v > limit {
		return bad("out of range")
	}
	if neg {
		return Money(-v), nil // -(1<<63) wraps to MinInt64, as it should
	}
	return Money(v), nil
}

// String formats m in yuan with two decimals, as TOP does: "199.99".
func (m Money) String() string {
	return string(m.appendTo(make([]byte, 0, 24)))
}

func (m Money) appendTo(b []byte) []byte {
	u := uint64(m)
	if m < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	f := u % 100
	return append(b, '.', byte('0'+f/10), byte('0'+f%10))
}

// Yuan returns m in yuan as a float, for display and charts only.
func (m Money) Yuan() float64 { return float64(m) / 100 }

// MarshalJSON writes m as TOP does, as a quoted decimal string.
func (m Money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 26)
	b = append(b, '"')
	b = m.appendTo(b)
	return append(b, '"'), nil
}

// UnmarshalJSON accepts a quoted decimal, a bare JSON number, "" or null.
// The number's text is parsed exactly; it never passes through float64.
func (m *Money) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		*m = 0
		return nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		data = data[1 : len(data)-1]
		if len(data) == 0 {
			*m = 0
			return nil
		}
	}
	v, err := parseMoneyBytes(data)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// EncodeValues lets go-querystring send m in yuan.
func (m Money) EncodeValues(key string, v *url.Values) error {
	v.Set(key, m.String())
	return nil
}

// Int64 is a TOP Number for structs of your own passed to Call (the SDK's
// models use int64 and read it the same way): ids such as tid exceed 2^53,
// so it is decoded from a JSON number or a quoted string without float64.
type Int64 int64

// MarshalJSON writes n as a bare JSON number.
func (n Int64) MarshalJSON() ([]byte, error) {
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// UnmarshalJSON accepts a number, a quoted number, "" or null. A number
// with a fraction of zeros ("1.0", "0.00") is taken as the integer it is;
// any other fraction is an error, never a rounded value.
func (n *Int64) UnmarshalJSON(data []byte) error {
	v, err := parseLenientInt(data)
	if err != nil {
		return err
	}
	*n = Int64(v)
	return nil
}

// parseLenientInt reads a JSON integer as Int64 does.
func parseLenientInt(data []byte) (int64, error) {
	if isNull(data) {
		return 0, nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		data = data[1 : len(data)-1]
		if len(data) == 0 {
			return 0, nil
		}
	}
	v, ok := parseInt(trimZeroFraction(data))
	if !ok {
		return 0, fmt.Errorf("taobao: invalid integer %s", quoteSample(data))
	}
	return v, nil
}

// String formats n in decimal.
func (n Int64) String() string { return strconv.FormatInt(int64(n), 10) }

func (Int64) topListKey() string { return "number" }

// Bool is a TOP Boolean for structs of your own passed to Call. It decodes true/false and, leniently, the strings
// "true" and "false" and the numbers 1 and 0, as the official Java SDK's
// converter does.
type Bool bool

// UnmarshalJSON accepts true, false, 1, 0, their quoted forms, "" and null.
func (b *Bool) UnmarshalJSON(data []byte) error {
	v, err := parseLenientBool(data)
	if err != nil {
		return err
	}
	*b = Bool(v)
	return nil
}

// parseLenientBool reads a JSON boolean as Bool does.
func parseLenientBool(data []byte) (bool, error) {
	switch string(data) {
	case "true", `"true"`, "1", `"1"`:
		return true, nil
	case "false", `"false"`, "0", `"0"`, "null", `""`:
		return false, nil
	}
	return false, fmt.Errorf("taobao: invalid boolean %s", quoteSample(data))
}

// List is a TOP list for structs of your own passed to Call. Responses wrap lists in an object keyed by the item
// name ({"order":[...]}); with simplify=true they are bare arrays; empty
// lists are often missing. List decodes all three into a plain slice, and
// encodes with the wrapper the gateway uses.
type List[T any] []T

type listKeyer interface{ topListKey() string }

// listKey returns the wrapper name of T's lists. It asks a zero T, or for a
// pointer type a pointer to a zero element (a nil one could not be asked).
func listKey[T any]() (string, bool) {
	var zero T
	if _, ok := any(zero).(listKeyer); !ok {
		return "", false
	}
	if t := reflect.TypeFor[T](); t.Kind() == reflect.Pointer {
		return reflect.New(t.Elem()).Interface().(listKeyer).topListKey(), true
	}
	return any(zero).(listKeyer).topListKey(), true
}

// MarshalJSON writes the list in the gateway's wrapped form when the item
// type knows its wrapper name, and as a bare array otherwise.
func (l List[T]) MarshalJSON() ([]byte, error) {
	key, ok := listKey[T]()
	if !ok {
		return json.Marshal([]T(l))
	}
	arr, err := json.Marshal([]T(l))
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(arr)+len(key)+5)
	b = append(b, `{"`...)
	b = append(b, key...)
	b = append(b, `":`...)
	b = append(b, arr...)
	return append(b, '}'), nil
}

// UnmarshalJSON accepts {"<item>":[...]}, a bare array, {}, "" and null.
func (l *List[T]) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if isNull(data) || string(data) == `""` {
		*l = nil
		return nil
	}
	switch data[0] {
	case '[':
		return json.Unmarshal(data, (*[]T)(l))
	case '{':
	default:
		return fmt.Errorf("taobao: invalid list %s", quoteSample(data))
	}
	// Fast path: a single member whose value runs to the closing brace.
	if inner, ok := singleMemberValue(data); ok {
		if isNull(inner) {
			*l = nil
			return nil
		}
		if inner[0] == '[' {
			if err := json.Unmarshal(inner, (*[]T)(l)); err == nil {
				return nil
			}
		}
	}
	// Slow path: take the first member, in document order, that holds an
	// array. A wrapper holding one object instead of an array (as XML-born
	// JSON does for a list of one) is a list of that one item; an object
	// with no member is an empty list.
	if !json.Valid(data) {
		var v any
		return json.Unmarshal(data, &v) // the syntax error
	}
	*l = nil
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	var single json.RawMessage
	members := 0
	for dec.More() {
		if _, err := dec.Token(); err != nil { // the member's name
			return err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		members++
		if v = bytes.TrimSpace(v); len(v) > 0 && v[0] == '[' {
			return json.Unmarshal(v, (*[]T)(l))
		} else if len(v) > 0 && v[0] == '{' && single == nil {
			single = v
		}
	}
	switch {
	case members == 0:
		return nil
	case members == 1 && single != nil:
		var item T
		if err := json.Unmarshal(single, &item); err != nil {
			return err
		}
		*l = List[T]{item}
		return nil
	}
	return fmt.Errorf("taobao: list wrapper %s holds no array", quoteSample(data))
}

// singleMemberValue returns the value of an object's first member, assuming
// it is the only one; the caller checks the result by decoding it. data has
// already been validated by encoding/json.
func singleMemberValue(data []byte) ([]byte, bool) {
	i := 1
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if i >= len(data) || data[i] != '"' {
		return nil, false
	}
	for i++; i < len(data) && data[i] != '"'; i++ {
		if data[i] == '\\' {
			i++
		}
	}
	i++
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if i >= len(data)-1 || data[i] != ':' || data[len(data)-1] != '}' {
		return nil, false
	}
	v := bytes.TrimSpace(data[i+1 : len(data)-1])
	return v, len(v) > 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isNull(data []byte) bool { return len(data) == 0 || string(data) == "null" }

// trimZeroFraction drops a fraction made of zeros only ("12.00" -> "12").
func trimZeroFraction(b []byte) []byte {
	for i, c := range b {
		if c != '.' {
			continue
		}
		if i == 0 || i == len(b)-1 {
			return b
		}
		for _, d := range b[i+1:] {
			if d != '0' {
				return b
			}
		}
		return b[:i]
	}
	return b
}

// parseInt parses a decimal integer without allocating.
func parseInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	neg := false
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	var v uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if v > (1<<63-d)/10 {
			return 0, false
		}
		v = v*10 + d
	}
	if neg {
		return -int64(v), true
	}
	if v > 1<<63-1 {
		return 0, false
	}
	return int64(v), true
}

// quoteSample quotes at most 64 bytes of b for an error message.
func quoteSample(b []byte) string {
	const max = 64
	if len(b) > max {
		return strconv.Quote(string(b[:max])) + "..."
	}
	return strconv.Quote(string(b))
}
