package tmc_test

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/tmc"
)

const (
	vecKey    = "12345678"
	vecSecret = "helloworld"
	vecTS     = "1700000000000"
	vecToken  = "d2c3e864-cf6d-4888-8fb3-5bb95719b01b"
	vecID     = int64(2131800080537681927)
)

func vector(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name+".hex"))
	require.NoError(t, err)
	b, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	require.NoError(t, err)
	return b
}

func TestSignVector(t *testing.T) {
	assert.Equal(t, "C86848D198760FA334AA309207C72ECD", tmc.Sign(vecSecret, vecKey, "default", vecTS))
}

func TestEncodeVectors(t *testing.T) {
	ackErr := &tmc.Frame{Type: tmc.TypeConnectAck, StatusCode: 401, StatusPhrase: "sign invalid", Flag: 1}
	tests := []struct {
		name  string
		frame *tmc.Frame
	}{
		{"connect", tmc.ConnectFrame(vecKey, vecSecret, "default", vecTS, 1, "top-sdk-go")},
		{"pull", tmc.PullFrame(vecToken)},
		{"confirm", tmc.ConfirmFrame(vecToken, vecID)},
		{"failed", tmc.FailedFrame(vecToken, vecID, "db error")},
		{"connectack-ok", &tmc.Frame{Type: tmc.TypeConnectAck, Flag: 1, Token: vecToken}},
		{"connectack-error", ackErr},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := vector(t, tt.name)
			got, err := tt.frame.Marshal()
			require.NoError(t, err)
			assert.Equal(t, hex.EncodeToString(want), hex.EncodeToString(got))
			back, err := tmc.Unmarshal(want)
			require.NoError(t, err)
			again, err := back.Marshal()
			require.NoError(t, err)
			assert.Equal(t, want, again)
		})
	}
}

func TestDecodeCapturedPush(t *testing.T) {
	b := vector(t, "push-captured")
	require.Len(t, b, 507)
	f, err := tmc.Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(2), f.Version)
	assert.Equal(t, tmc.TypeSend, f.Type)
	assert.Equal(t, vecToken, f.Token)
	assert.Equal(t, tmc.KindData, tmc.FrameKind(f))
	names := make([]string, len(f.Headers))
	for i, h := range f.Headers {
		names[i] = h.Name
	}
	assert.Equal(t, []string{"topic", "userid", "__kind", "publisher", "retried", "content", "id",
		"data_id", "time", "nick", "dataid", "born_time", "outtime"}, names)
	get := func(n string) tmc.Value { v, ok := f.Get(n); require.True(t, ok, n); return v }
	assert.Equal(t, tmc.StringValue("taobao_trade_TradeBuyerPay"), get("topic"))
	assert.Equal(t, tmc.Int64Value(720978815), get("userid"))
	assert.Equal(t, tmc.Int64Value(vecID), get("id"))
	assert.Equal(t, tmc.ByteValue(1), get("retried"))
	assert.Equal(t, tmc.Int64Value(571090161493428), get("dataid"))
	assert.Equal(t, "htc兴长信达专卖店", get("nick").Str)
	pub, ok := get("time").Time()
	require.True(t, ok)
	assert.Equal(t, time.Date(2014, 3, 15, 5, 52, 43, 110e6, time.UTC), pub.UTC())
	out, _ := get("outtime").Time()
	assert.Equal(t, time.Date(2014, 3, 17, 5, 52, 0, 946e6, time.UTC), out.UTC())
	assert.Equal(t, tmc.FormatDate, get("outtime").Format)
	assert.Contains(t, get("content").Str, `"tid":571090161493428`)
	assert.Len(t, get("content").Str, 159)

	// Confirming the captured id gives the confirm vector byte for byte.
	id, ok := get("id").IntValue()
	require.True(t, ok)
	conf, err := tmc.ConfirmFrame(f.Token, id).Marshal()
	require.NoError(t, err)
	assert.Equal(t, vector(t, "confirm"), conf)

	// Re-encoding the push keeps every byte.
	again, err := f.Marshal()
	require.NoError(t, err)
	assert.Equal(t, b, again)
}

func TestValueFormats(t *testing.T) {
	when := time.UnixMilli(1700000000123)
	f := &tmc.Frame{Type: tmc.TypeSend, Token: "t", Headers: []tmc.Header{
		{"void", tmc.Value{}},
		{"s", tmc.StringValue("héllo")},
		{"empty", tmc.StringValue("")},
		{"b", tmc.ByteValue(-3)},
		{"i16", tmc.Int16Value(-30000)},
		{"i32", tmc.Int32Value(-2000000000)},
		{"i64", tmc.Int64Value(-1 << 62)},
		{"date", tmc.DateValue(when)},
		{"bytes", tmc.BytesValue([]byte{0, 1, 2, 255})},
	}}
	b, err := f.Marshal()
	require.NoError(t, err)
	back, err := tmc.Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, f.Headers, back.Headers)
	d, _ := back.Get("date")
	tm, _ := d.Time()
	assert.True(t, tm.Equal(when))
}

func TestDecodeVersion1(t *testing.T) {
	// Version 1 has no byte arrays: tag 7 reads as a string.
	f := &tmc.Frame{Type: tmc.TypeSend, Headers: []tmc.Header{{"content", tmc.BytesValue([]byte("abc"))}, {"n", tmc.Int32Value(7)}}}
	b, err := f.Marshal()
	require.NoError(t, err)
	b[0] = 1
	back, err := tmc.Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, uint8(1), back.Version)
	assert.Equal(t, []tmc.Header{{"content", tmc.StringValue("abc")}, {"n", tmc.Int32Value(7)}}, back.Headers)
}

func TestDecodeUnknownFormatReadsString(t *testing.T) {
	f := &tmc.Frame{Type: tmc.TypeSend, Headers: []tmc.Header{{"x", tmc.StringValue("abc")}}}
	b, err := f.Marshal()
	require.NoError(t, err)
	i := bytes.Index(b, []byte("x")) + 1
	b[i] = 42
	back, err := tmc.Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, tmc.StringValue("abc"), back.Headers[0].Value)
}

func TestDecodeErrors(t *testing.T) {
	good := vector(t, "confirm")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "ends early"},
		{"one byte", []byte{2}, "ends early"},
		{"no end of headers", good[:len(good)-2], "ends early"},
		{"cut inside id", good[:len(good)-5], "ends early"},
		{"trailing bytes", append(append([]byte{}, good...), 0), "after the end of headers"},
		{"unknown header type", []byte{2, 2, 9, 0}, "unknown header type 9"},
		{"negative length", []byte{2, 2, 5, 0, 0xff, 0xff, 0xff, 0xff}, "negative length"},
		{"huge length", []byte{2, 2, 5, 0, 0xff, 0xff, 0xff, 0x7f}, "ends early"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tmc.Unmarshal(tt.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name string
		f    tmc.Frame
		want string
	}{
		{"type", tmc.Frame{Type: 9}, "unknown message type"},
		{"byte range", tmc.Frame{Headers: []tmc.Header{{"b", tmc.Value{Format: tmc.FormatByte, Int: 300}}}}, `"b": 300 does not fit a byte`},
		{"int16 range", tmc.Frame{Headers: []tmc.Header{{"s", tmc.Value{Format: tmc.FormatInt16, Int: 1 << 20}}}}, "int16"},
		{"int32 range", tmc.Frame{Headers: []tmc.Header{{"i", tmc.Value{Format: tmc.FormatInt32, Int: 1 << 40}}}}, "int32"},
		{"format", tmc.Frame{Headers: []tmc.Header{{"f", tmc.Value{Format: 99}}}}, "unknown value format 99"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f.Marshal()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestIntValueFromString(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"2131800080537681927", 2131800080537681927, true},
		{"-5", -5, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775808", -9223372036854775808, true},
		{"", 0, false},
		{"-", 0, false},
		{"12a", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := tmc.StringValue(tt.in).IntValue()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCutReason(t *testing.T) {
	long := strings.Repeat("错", 200)
	got := tmc.CutReason(long)
	assert.Equal(t, 128, len([]rune(got)))
	assert.Equal(t, "short", tmc.CutReason("short"))
	f, err := tmc.FailedFrame("t", 1, long).Marshal()
	require.NoError(t, err)
	back, err := tmc.Unmarshal(f)
	require.NoError(t, err)
	m, _ := back.Get("msg")
	assert.Equal(t, 128, len([]rune(m.Str)))
}

func FuzzUnmarshal(f *testing.F) {
	for _, n := range []string{"push-captured", "connect", "pull", "confirm", "failed", "connectack-ok", "connectack-error"} {
		f.Add(vector(f, n))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fr, err := tmc.Unmarshal(data)
		if err != nil {
			return
		}
		// What decodes must encode, and decode again to the same frame
		// (the encoder writes version 2 and omits non-positive codes).
		b, err := fr.Marshal()
		if fr.Type > tmc.TypeSendAck {
			// Unknown types are read but never written.
			if err == nil {
				t.Fatalf("encoded unknown type %d", fr.Type)
			}
			return
		}
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		back, err := tmc.Unmarshal(b)
		if err != nil {
			t.Fatalf("decode of re-encoded frame: %v", err)
		}
		fr.Version = 2
		fr.StatusCode = max(fr.StatusCode, 0)
		fr.Flag = max(fr.Flag, 0)
		for i := range fr.Headers {
			if v := &fr.Headers[i].Value; v.Format == tmc.FormatByteArray && len(v.Bytes) == 0 {
				v.Bytes = back.Headers[i].Value.Bytes
			}
		}
		assert.Equal(t, fr, back)
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(2), "tok", int32(1), "name", "value", int64(vecID), []byte{1, 2})
	f.Fuzz(func(t *testing.T, typ uint8, token string, flag int32, name, s string, n int64, raw []byte) {
		fr := &tmc.Frame{Type: tmc.MessageType(typ % 4), Token: token, Flag: max(flag, 0), Headers: []tmc.Header{
			{name, tmc.StringValue(s)}, {"n", tmc.Int64Value(n)}, {"d", tmc.Value{Format: tmc.FormatDate, Int: n}},
			{"b", tmc.ByteValue(int8(n))}, {"raw", tmc.BytesValue(raw)},
		}}
		b, err := fr.Marshal()
		require.NoError(t, err)
		back, err := tmc.Unmarshal(b)
		require.NoError(t, err)
		fr.Version = 2
		if len(raw) == 0 {
			fr.Headers[4].Value.Bytes = back.Headers[4].Value.Bytes
		}
		assert.Equal(t, fr, back)
	})
}

func BenchmarkCodec(b *testing.B) {
	push := vector(b, "push-captured")
	b.ReportAllocs()
	b.SetBytes(int64(len(push)))
	var buf []byte
	for b.Loop() {
		f, err := tmc.Unmarshal(push)
		if err != nil {
			b.Fatal(err)
		}
		v, _ := f.Get("id")
		buf, err = tmc.ConfirmFrame(f.Token, v.Int).AppendMarshal(buf[:0])
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}
