package tmc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// The channel speaks a small binary protocol over WebSocket binary frames:
// a version byte, a message type byte, a list of typed headers and an
// end-of-headers marker. Every integer is little-endian. The channel sends
// version 2; version 1 differs only in lacking the byte-array value format.

// MessageType is the second byte of a frame.
type MessageType uint8

// The message types of the protocol.
const (
	TypeConnect    MessageType = 0 // client asks to open a session
	TypeConnectAck MessageType = 1 // server answers a Connect, with a token
	TypeSend       MessageType = 2 // a push, pull, confirm or failure
	TypeSendAck    MessageType = 3 // an acknowledgement of a Send
)

func (t MessageType) String() string {
	switch t {
	case TypeConnect:
		return "CONNECT"
	case TypeConnectAck:
		return "CONNECTACK"
	case TypeSend:
		return "SEND"
	case TypeSendAck:
		return "SENDACK"
	}
	return fmt.Sprintf("MessageType(%d)", uint8(t))
}

// Header types on the wire.
const (
	headerEnd          = 0
	headerCustom       = 1
	headerStatusCode   = 2
	headerStatusPhrase = 3
	headerFlag         = 4
	headerToken        = 5
)

// ValueFormat is the type tag in front of a custom header's value.
type ValueFormat uint8

// The value formats of the protocol.
const (
	FormatVoid      ValueFormat = 0 // no value
	FormatString    ValueFormat = 1 // length-prefixed UTF-8
	FormatByte      ValueFormat = 2 // int8
	FormatInt16     ValueFormat = 3
	FormatInt32     ValueFormat = 4
	FormatInt64     ValueFormat = 5
	FormatDate      ValueFormat = 6 // int64 Unix milliseconds
	FormatByteArray ValueFormat = 7 // length-prefixed bytes (version 2 only)
)

// Value is the typed value of a custom header. Integers and dates are kept
// in Int (dates as Unix milliseconds), strings in Str, byte arrays in Bytes.
type Value struct {
	Format ValueFormat
	Int    int64
	Str    string
	Bytes  []byte
}

// StringValue returns a string value.
func StringValue(s string) Value { return Value{Format: FormatString, Str: s} }

// ByteValue returns an int8 value.
func ByteValue(v int8) Value { return Value{Format: FormatByte, Int: int64(v)} }

// Int16Value returns an int16 value.
func Int16Value(v int16) Value { return Value{Format: FormatInt16, Int: int64(v)} }

// Int32Value returns an int32 value.
func Int32Value(v int32) Value { return Value{Format: FormatInt32, Int: int64(v)} }

// Int64Value returns an int64 value.
func Int64Value(v int64) Value { return Value{Format: FormatInt64, Int: v} }

// DateValue returns a date value with millisecond precision.
func DateValue(t time.Time) Value { return Value{Format: FormatDate, Int: t.UnixMilli()} }

// BytesValue returns a byte-array value.
func BytesValue(b []byte) Value { return Value{Format: FormatByteArray, Bytes: b} }

// IntValue reports the value as an integer: integer and date formats, and a
// string holding a decimal integer (the channel is not consistent about
// which format it uses for ids).
func (v Value) IntValue() (int64, bool) {
	switch v.Format {
	case FormatByte, FormatInt16, FormatInt32, FormatInt64, FormatDate:
		return v.Int, true
	case FormatString:
		return parseInt(v.Str)
	}
	return 0, false
}

// Text reports the value as text: strings and byte arrays as they are,
// numbers in decimal, void as "".
func (v Value) Text() string {
	switch v.Format {
	case FormatString:
		return v.Str
	case FormatByteArray:
		return string(v.Bytes)
	case FormatByte, FormatInt16, FormatInt32, FormatInt64, FormatDate:
		return fmt.Sprint(v.Int)
	}
	return ""
}

// Time reports the value as a time: a date, or an integer read as Unix
// milliseconds.
func (v Value) Time() (time.Time, bool) {
	switch v.Format {
	case FormatDate, FormatInt64, FormatInt32:
		return time.UnixMilli(v.Int), true
	}
	return time.Time{}, false
}

func parseInt(s string) (int64, bool) {
	if s == "" || len(s) > 20 {
		return 0, false
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
		if s == "" {
			return 0, false
		}
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	if neg {
		if n > 1<<63 {
			return 0, false
		}
		return -int64(n), true
	}
	if n > math.MaxInt64 {
		return 0, false
	}
	return int64(n), true
}

// Header is one custom header: a name and a typed value.
type Header struct {
	Name  string
	Value Value
}

// Frame is one protocol message. The fixed headers are fields; custom
// headers keep their order.
type Frame struct {
	// Version is the protocol version read from the wire; Marshal always
	// writes version 2.
	Version      uint8
	Type         MessageType
	StatusCode   int32
	StatusPhrase string
	Flag         int32
	Token        string
	Headers      []Header
}

// Get returns the value of the first custom header with that name.
func (f *Frame) Get(name string) (Value, bool) {
	for _, h := range f.Headers {
		if h.Name == name {
			return h.Value, true
		}
	}
	return Value{}, false
}

// Set appends a custom header.
func (f *Frame) Set(name string, v Value) { f.Headers = append(f.Headers, Header{name, v}) }

// Marshal encodes f as protocol version 2. The fixed headers come first
// (status code and flag only when positive, phrase and token only when not
// empty), then the custom headers in order.
func (f *Frame) Marshal() ([]byte, error) {
	return f.AppendMarshal(make([]byte, 0, f.size()))
}

func (f *Frame) size() int {
	n := 2 + 2
	n += 6 + 6 + 6 + len(f.StatusPhrase) + 6 + len(f.Token)
	for _, h := range f.Headers {
		n += 2 + 4 + len(h.Name) + 1 + 8 + 4 + len(h.Value.Str) + len(h.Value.Bytes)
	}
	return n
}

// AppendMarshal appends the encoding of f to b.
func (f *Frame) AppendMarshal(b []byte) ([]byte, error) {
	if f.Type > TypeSendAck {
		return nil, fmt.Errorf("tmc: encode: unknown message type %d", f.Type)
	}
	b = append(b, 2, byte(f.Type))
	if f.StatusCode > 0 {
		b = binary.LittleEndian.AppendUint16(b, headerStatusCode)
		b = binary.LittleEndian.AppendUint32(b, uint32(f.StatusCode))
	}
	if f.StatusPhrase != "" {
		b = binary.LittleEndian.AppendUint16(b, headerStatusPhrase)
		b = appendCounted(b, f.StatusPhrase)
	}
	if f.Flag > 0 {
		b = binary.LittleEndian.AppendUint16(b, headerFlag)
		b = binary.LittleEndian.AppendUint32(b, uint32(f.Flag))
	}
	if f.Token != "" {
		b = binary.LittleEndian.AppendUint16(b, headerToken)
		b = appendCounted(b, f.Token)
	}
	for _, h := range f.Headers {
		b = binary.LittleEndian.AppendUint16(b, headerCustom)
		b = appendCounted(b, h.Name)
		v := h.Value
		b = append(b, byte(v.Format))
		switch v.Format {
		case FormatVoid:
		case FormatString:
			b = appendCounted(b, v.Str)
		case FormatByte:
			if v.Int < math.MinInt8 || v.Int > math.MaxInt8 {
				return nil, fmt.Errorf("tmc: encode: header %q: %d does not fit a byte", h.Name, v.Int)
			}
			b = append(b, byte(int8(v.Int)))
		case FormatInt16:
			if v.Int < math.MinInt16 || v.Int > math.MaxInt16 {
				return nil, fmt.Errorf("tmc: encode: header %q: %d does not fit an int16", h.Name, v.Int)
			}
			b = binary.LittleEndian.AppendUint16(b, uint16(int16(v.Int)))
		case FormatInt32:
			if v.Int < math.MinInt32 || v.Int > math.MaxInt32 {
				return nil, fmt.Errorf("tmc: encode: header %q: %d does not fit an int32", h.Name, v.Int)
			}
			b = binary.LittleEndian.AppendUint32(b, uint32(int32(v.Int)))
		case FormatInt64, FormatDate:
			b = binary.LittleEndian.AppendUint64(b, uint64(v.Int))
		case FormatByteArray:
			b = appendCountedBytes(b, v.Bytes)
		default:
			return nil, fmt.Errorf("tmc: encode: header %q: unknown value format %d", h.Name, v.Format)
		}
	}
	return binary.LittleEndian.AppendUint16(b, headerEnd), nil
}

func appendCounted(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

func appendCountedBytes(b, s []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

// ErrShortFrame reports a frame that ends before its end-of-headers marker.
var ErrShortFrame = errors.New("tmc: decode: frame ends early")

// Unmarshal decodes one frame of version 1 or 2. A version byte other than
// 1 is read as version 2, as the official clients do. Headers may come in
// any order. An unknown value format is read as a length-prefixed string,
// which is how the official decoder falls back too. Bytes after the
// end-of-headers marker are an error.
func Unmarshal(data []byte) (*Frame, error) {
	d := decoder{b: data}
	f := &Frame{}
	ver, err := d.u8()
	if err != nil {
		return nil, err
	}
	typ, err := d.u8()
	if err != nil {
		return nil, err
	}
	f.Version, f.Type = ver, MessageType(typ)
	for {
		ht, err := d.u16()
		if err != nil {
			return nil, err
		}
		switch ht {
		case headerEnd:
			if d.off != len(d.b) {
				return nil, fmt.Errorf("tmc: decode: %d bytes after the end of headers", len(d.b)-d.off)
			}
			return f, nil
		case headerCustom:
			name, err := d.counted()
			if err != nil {
				return nil, err
			}
			v, err := d.value(ver)
			if err != nil {
				return nil, fmt.Errorf("%w (header %q)", err, name)
			}
			f.Headers = append(f.Headers, Header{Name: name, Value: v})
		case headerStatusCode:
			v, err := d.u32()
			if err != nil {
				return nil, err
			}
			f.StatusCode = int32(v)
		case headerStatusPhrase:
			if f.StatusPhrase, err = d.counted(); err != nil {
				return nil, err
			}
		case headerFlag:
			v, err := d.u32()
			if err != nil {
				return nil, err
			}
			f.Flag = int32(v)
		case headerToken:
			if f.Token, err = d.counted(); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("tmc: decode: unknown header type %d at byte %d", ht, d.off-2)
		}
	}
}

type decoder struct {
	b   []byte
	off int
}

func (d *decoder) need(n int) error {
	if n < 0 || len(d.b)-d.off < n {
		return ErrShortFrame
	}
	return nil
}

func (d *decoder) u8() (byte, error) {
	if err := d.need(1); err != nil {
		return 0, err
	}
	d.off++
	return d.b[d.off-1], nil
}

func (d *decoder) u16() (uint16, error) {
	if err := d.need(2); err != nil {
		return 0, err
	}
	d.off += 2
	return binary.LittleEndian.Uint16(d.b[d.off-2:]), nil
}

func (d *decoder) u32() (uint32, error) {
	if err := d.need(4); err != nil {
		return 0, err
	}
	d.off += 4
	return binary.LittleEndian.Uint32(d.b[d.off-4:]), nil
}

func (d *decoder) u64() (uint64, error) {
	if err := d.need(8); err != nil {
		return 0, err
	}
	d.off += 8
	return binary.LittleEndian.Uint64(d.b[d.off-8:]), nil
}

func (d *decoder) countedBytes() ([]byte, error) {
	n, err := d.u32()
	if err != nil {
		return nil, err
	}
	if int32(n) < 0 {
		return nil, fmt.Errorf("tmc: decode: negative length %d at byte %d", int32(n), d.off-4)
	}
	if err := d.need(int(n)); err != nil {
		return nil, err
	}
	d.off += int(n)
	return d.b[d.off-int(n) : d.off : d.off], nil
}

func (d *decoder) counted() (string, error) {
	b, err := d.countedBytes()
	return string(b), err
}

func (d *decoder) value(ver byte) (Value, error) {
	f, err := d.u8()
	if err != nil {
		return Value{}, err
	}
	v := Value{Format: ValueFormat(f)}
	switch v.Format {
	case FormatVoid:
	case FormatByte:
		x, err := d.u8()
		v.Int = int64(int8(x))
		return v, err
	case FormatInt16:
		x, err := d.u16()
		v.Int = int64(int16(x))
		return v, err
	case FormatInt32:
		x, err := d.u32()
		v.Int = int64(int32(x))
		return v, err
	case FormatInt64, FormatDate:
		x, err := d.u64()
		v.Int = int64(x)
		return v, err
	case FormatByteArray:
		b, err := d.countedBytes()
		if err != nil {
			return v, err
		}
		if ver == 1 {
			// Version 1 has no byte arrays: the tag falls back to a string.
			return StringValue(string(b)), nil
		}
		v.Bytes = append([]byte(nil), b...)
	default:
		// Unknown tags (and 1) read as a string, as the official decoder does.
		s, err := d.counted()
		return StringValue(s), err
	}
	return v, nil
}
