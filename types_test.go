package taobao_test

import (
	"encoding/json"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

func TestGMT8(t *testing.T) {
	t.Parallel()
	name, offset := time.Date(2014, 3, 12, 0, 0, 0, 0, taobao.GMT8()).Zone()
	assert.Equal(t, 8*60*60, offset, "zone %s", name)
	// No daylight saving time: the offset is the same in summer.
	_, offset = time.Date(2014, 7, 12, 0, 0, 0, 0, taobao.GMT8()).Zone()
	assert.Equal(t, 8*60*60, offset)
}

func TestTimeUnmarshalJSON(t *testing.T) {
	t.Parallel()
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return v
	}
	tests := []struct {
		in   string
		want time.Time // zero: the zero Time
	}{
		{`"2014-03-12 10:25:55"`, utc("2014-03-12T02:25:55Z")},
		{`"2000-01-01 00:00:00"`, utc("1999-12-31T16:00:00Z")},
		{`"2016-02-29 23:59:59"`, utc("2016-02-29T15:59:59Z")},
		{`"2014-12-31 07:59:59"`, utc("2014-12-30T23:59:59Z")},
		{`"1970-01-01 08:00:00"`, utc("1970-01-01T00:00:00Z")},
		{`"9999-12-31 23:59:59"`, utc("9999-12-31T15:59:59Z")},
		{`""`, time.Time{}},
		{`null`, time.Time{}},
		{`1394591155000`, utc("2014-03-12T02:25:55Z")},
		{`"1394591155000"`, utc("2014-03-12T02:25:55Z")},
		{`1394591155999`, utc("2014-03-12T02:25:55Z")}, // whole seconds, like the layout
		{`0`, utc("1970-01-01T00:00:00Z")},
		{`-1500`, utc("1969-12-31T23:59:58Z")},
		{`-62167248000000`, utc("0000-01-01T00:00:00+08:00")}, // the layout's first instant
		{`253402271999999`, utc("9999-12-31T15:59:59Z")},      // and its last
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var got taobao.Time
			require.NoError(t, json.Unmarshal([]byte(tt.in), &got))
			if tt.want.IsZero() {
				assert.True(t, got.IsZero(), "got %v", got)
				return
			}
			assert.True(t, tt.want.Equal(got.Time), "got %v, want %v", got.Time, tt.want)
			_, offset := got.Zone()
			assert.Equal(t, 8*60*60, offset, "decoded in GMT+8, whatever the local zone")
		})
	}
}

func TestTimeUnmarshalJSONErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`"2014-02-30 10:00:00"`, // no such day
		`"2014-02-29 10:00:00"`, // not a leap year
		`"2014-04-31 10:00:00"`,
		`"2014-03-12 24:00:00"`,
		`"2014-03-12 10:60:00"`,
		`"2014-03-12 10:25:60"`,
		`"2014-13-01 00:00:00"`,
		`"2014-00-10 00:00:00"`,
		`"2014-03-00 00:00:00"`,
		`"2014-03-12T10:25:55"`,
		`"2014-03-12 10:25:55Z"`,
		`"2014-03-12 10:25"`,
		`"2014-3-12 10:25:55"`,
		`"2014/03/12 10:25:55"`,
		`" 2014-03-12 10:25:5"`,
		`"+014-03-12 10:25:55"`,
		`"2014-03-12 -1:25:55"`,
		`"garbage"`,
		`"12345678901234567890"`,
		`1394591155000.5`,
		`1.394591155e12`,
		`253402271999999999`, // far beyond year 9999
		`253402272000000`,    // 10000-01-01 00:00:00 GMT+8
		`-62167248000001`,    // before 0000-01-01 00:00:00 GMT+8
		`"-"`,
		`true`,
		`{}`,
		`[]`,
	} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			var got taobao.Time
			err := json.Unmarshal([]byte(in), &got)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "taobao:")
		})
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	got, err := taobao.ParseTime("2014-03-12 10:25:55")
	require.NoError(t, err)
	assert.Equal(t, int64(1394591155), got.Unix())
	assert.Equal(t, "2014-03-12 10:25:55", got.String())

	got, err = taobao.ParseTime("")
	require.NoError(t, err)
	assert.True(t, got.IsZero())

	_, err = taobao.ParseTime("2014-02-30 10:25:55")
	assert.Error(t, err)
}

func TestTimeMarshalJSON(t *testing.T) {
	t.Parallel()
	newYork := time.FixedZone("EST", -5*60*60)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"zero", time.Time{}, `""`},
		{"utc", time.Date(2014, 3, 12, 2, 25, 55, 0, time.UTC), `"2014-03-12 10:25:55"`},
		{"other zone", time.Date(2014, 3, 11, 21, 25, 55, 0, newYork), `"2014-03-12 10:25:55"`},
		{"gmt+8", time.Date(2014, 3, 12, 10, 25, 55, 0, taobao.GMT8()), `"2014-03-12 10:25:55"`},
		{"sub-second dropped", time.Date(2014, 3, 12, 2, 25, 55, 999_999_999, time.UTC), `"2014-03-12 10:25:55"`},
		{"date change", time.Date(2014, 12, 31, 16, 0, 0, 0, time.UTC), `"2015-01-01 00:00:00"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(taobao.NewTime(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))

			var back taobao.Time
			require.NoError(t, json.Unmarshal(b, &back))
			assert.True(t, tt.in.Truncate(time.Second).Equal(back.Time), "round trip: %v != %v", back.Time, tt.in)
		})
	}

	t.Run("in a struct", func(t *testing.T) {
		t.Parallel()
		type trade struct {
			Created  taobao.Time `json:"created"`
			Modified taobao.Time `json:"modified"`
		}
		in := trade{Created: taobao.NewTime(time.Unix(1394591155, 0))}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		assert.JSONEq(t, `{"created":"2014-03-12 10:25:55","modified":""}`, string(b))
		var back trade
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, in.Created.Equal(back.Created.Time))
		assert.True(t, back.Modified.IsZero())
	})

	t.Run("years the layout cannot hold", func(t *testing.T) {
		t.Parallel()
		for _, y := range []int{-1, 10000} {
			_, err := json.Marshal(taobao.NewTime(time.Date(y, 6, 1, 0, 0, 0, 0, taobao.GMT8())))
			assert.Error(t, err, "year %d", y)
		}
	})
}

func TestTimeString(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "", taobao.Time{}.String())
	assert.Equal(t, "2014-03-12 10:25:55", taobao.NewTime(time.Unix(1394591155, 0).UTC()).String())
}

func TestTimeEncodeValues(t *testing.T) {
	t.Parallel()
	type options struct {
		Start taobao.Time `url:"start_created,omitempty"`
		End   taobao.Time `url:"end_created"` // zero: still not sent
		Page  int         `url:"page_no,omitempty"`
	}
	v, err := query.Values(options{Start: taobao.NewTime(time.Date(2014, 3, 12, 2, 25, 55, 0, time.UTC))})
	require.NoError(t, err)
	assert.Equal(t, "2014-03-12 10:25:55", v.Get("start_created"))
	assert.NotContains(t, v, "end_created")
	assert.Equal(t, "start_created=2014-03-12+10%3A25%3A55", v.Encode())

	v, err = query.Values(options{Page: 2})
	require.NoError(t, err)
	assert.Equal(t, "page_no=2", v.Encode(), "zero times are omitted")
}

func FuzzTimeUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`"2014-03-12 10:25:55"`, `""`, `null`, `1394591155123`, `"1394591155123"`,
		`"2014-02-30 10:00:00"`, `"0000-01-01 00:00:00"`, `"0001-01-01 08:00:00"`, `"9999-12-31 23:59:59"`,
		`-62167248000000`, `253402271999999`, `9223372036854775807`, `"x"`, `{}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var tm taobao.Time
		if err := tm.UnmarshalJSON(data); err != nil {
			return
		}
		b, err := tm.MarshalJSON()
		require.NoError(t, err, "a decoded time must encode: %v", tm.Time)
		var back taobao.Time
		require.NoError(t, back.UnmarshalJSON(b), "%s", b)
		require.True(t, tm.Equal(back.Time), "%s: %v != %v", data, back.Time, tm.Time)
	})
}

func TestParseMoney(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want taobao.Money
	}{
		{"199.99", 19999},
		{"-5.00", -500},
		{"0", 0},
		{"12.5", 1250},
		{"+1", 100},
		{"0.05", 5},
		{"-0.05", -5},
		{"0.5", 50},
		{"-0", 0},
		{"-0.00", 0},
		{"007.10", 710},
		{"76.00", 7600},
		{"100000000", 10000000000},
		{"92233720368547758.07", math.MaxInt64},
		{"-92233720368547758.08", math.MinInt64},
		{"00000000000000000000000000000001.00", 100},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, err := taobao.ParseMoney(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseMoneyErrors(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"1.234", "abc", ".5", "1.", "", "-", "+", ".", "-.5", "+-1", "--1", "1.2.3", " 1", "1 ", "1,000.00",
		"1e2", "0x10", "¥1", "１", "NaN", "Inf", "1.-5", "1._5",
		"92233720368547758.08",    // MaxInt64 + 1 fen
		"-92233720368547758.09",   // MinInt64 - 1 fen
		"100000000000000000",      // 10^17 yuan: used to wrap around
		"18446744073709551616",    // 2^64
		"999999999999999999999.9", // far out
	} {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			t.Parallel()
			got, err := taobao.ParseMoney(in)
			require.Error(t, err, "got %d", int64(got))
			assert.Zero(t, got)
			assert.Contains(t, err.Error(), "taobao:")
			assert.Contains(t, err.Error(), strconv.Quote(in), "the message names the value")
		})
	}
}

func TestMoneyString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   taobao.Money
		want string
	}{
		{19999, "199.99"},
		{-5, "-0.05"},
		{0, "0.00"},
		{7, "0.07"},
		{100, "1.00"},
		{-500, "-5.00"},
		{1250, "12.50"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.in.String(), "%d", int64(tt.in))
		b, err := json.Marshal(tt.in)
		require.NoError(t, err)
		assert.Equal(t, strconv.Quote(tt.want), string(b), "MarshalJSON quotes")
	}
	assert.InDelta(t, 199.99, taobao.Money(19999).Yuan(), 1e-9)
}

func TestMoneyUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want taobao.Money
	}{
		{`"199.99"`, 19999},
		{`"76.00"`, 7600},
		{`12.34`, 1234},
		{`-3`, -300},
		{`null`, 0},
		{`""`, 0},
		{`"-0.05"`, -5},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var got struct {
				Payment taobao.Money `json:"payment"`
			}
			require.NoError(t, json.Unmarshal([]byte(`{"payment":`+tt.in+`}`), &got))
			assert.Equal(t, tt.want, got.Payment)
		})
	}
	for _, in := range []string{`"1.234"`, `"abc"`, `12.345`, `1e2`, `true`, `{}`, `[]`, `" 1"`, `"1.2.3"`} {
		t.Run("error/"+in, func(t *testing.T) {
			t.Parallel()
			var m taobao.Money
			err := json.Unmarshal([]byte(in), &m)
			require.Error(t, err)
		})
	}
	t.Run("round trip in a struct", func(t *testing.T) {
		t.Parallel()
		type order struct {
			Payment  taobao.Money `json:"payment"`
			Discount taobao.Money `json:"discount_fee"`
		}
		in := order{Payment: 19999, Discount: -5}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		assert.JSONEq(t, `{"payment":"199.99","discount_fee":"-0.05"}`, string(b))
		var back order
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, in, back)
	})
}

func TestMoneyEncodeValues(t *testing.T) {
	t.Parallel()
	type options struct {
		Fee  taobao.Money `url:"post_fee"`
		Skip taobao.Money `url:"adjust_fee,omitempty"`
	}
	v, err := query.Values(options{Fee: 1250})
	require.NoError(t, err)
	assert.Equal(t, "post_fee=12.50", v.Encode())
}

// moneyPattern is what ParseMoney accepts, written independently.
var moneyPattern = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]{1,2})?$`)

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{
		"199.99", "-5.00", "0", "12.5", "+1", "1.234", "abc", ".5", "1.", "",
		"92233720368547758.07", "92233720368547758.08", "-92233720368547758.08", "100000000000000000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := taobao.ParseMoney(s)

		// The oracle: the pattern, then exact arithmetic in math/big.
		wantOK := moneyPattern.MatchString(s)
		var want big.Int
		if wantOK {
			digits := strings.TrimLeft(s, "+")
			whole, frac, _ := strings.Cut(digits, ".")
			frac += strings.Repeat("0", 2-len(frac))
			want.SetString(whole+frac, 10)
			wantOK = want.IsInt64()
		}
		if !wantOK {
			require.Error(t, err, "%q gave %d", s, int64(m))
			return
		}
		require.NoError(t, err, "%q", s)
		require.Equal(t, want.Int64(), int64(m), "%q", s)

		back, err := taobao.ParseMoney(m.String())
		require.NoError(t, err, "%q", m.String())
		require.Equal(t, m, back)
	})
}

func FuzzMoneyRoundTrip(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 99, 100, -100, 19999, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		m := taobao.Money(n)
		back, err := taobao.ParseMoney(m.String())
		require.NoError(t, err, "%q", m.String())
		require.Equal(t, m, back)

		b, err := json.Marshal(m)
		require.NoError(t, err)
		var fromJSON taobao.Money
		require.NoError(t, json.Unmarshal(b, &fromJSON))
		require.Equal(t, m, fromJSON)
	})
}

func TestInt64UnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
	}{
		{`1347456243421196949`, 1347456243421196949}, // 19 digits: float64 would round it
		{`"1347456243421196949"`, 1347456243421196949},
		{`9223372036854775807`, math.MaxInt64},
		{`-9223372036854775808`, math.MinInt64},
		{`"-42"`, -42},
		{`0`, 0},
		{`null`, 0},
		{`""`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var got struct {
				Tid taobao.Int64 `json:"tid"`
			}
			require.NoError(t, json.Unmarshal([]byte(`{"tid":`+tt.in+`}`), &got))
			assert.Equal(t, tt.want, int64(got.Tid))

			n := taobao.Int64(7)
			require.NoError(t, n.UnmarshalJSON([]byte(tt.in)))
			assert.Equal(t, tt.want, int64(n), "overwrites what was there")
		})
	}
	for _, in := range []string{
		`9223372036854775808`, `"9223372036854775808"`, `-9223372036854775809`, `99999999999999999999`,
		`1.5`, `1e3`, `"abc"`, `" 1"`, `true`, `{}`, `[]`, `"1347456243421196949x"`,
	} {
		t.Run("error/"+in, func(t *testing.T) {
			t.Parallel()
			var n taobao.Int64
			err := json.Unmarshal([]byte(in), &n)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "taobao:")
		})
	}
}

func TestInt64MarshalJSON(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(taobao.Int64(1347456243421196949))
	require.NoError(t, err)
	assert.Equal(t, `1347456243421196949`, string(b))
	assert.Equal(t, "-5", taobao.Int64(-5).String())
}

func TestBoolUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{`true`, true},
		{`"true"`, true},
		{`false`, false},
		{`"false"`, false},
		{`null`, false},
		{`""`, false},
		{`1`, true},
		{`0`, false},
		{`"1"`, true},
		{`"0"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			var got struct {
				HasNext taobao.Bool `json:"has_next"`
			}
			require.NoError(t, json.Unmarshal([]byte(`{"has_next":`+tt.in+`}`), &got))
			assert.Equal(t, tt.want, bool(got.HasNext))

			b := taobao.Bool(true)
			require.NoError(t, b.UnmarshalJSON([]byte(tt.in)))
			assert.Equal(t, tt.want, bool(b))
		})
	}
	for _, in := range []string{`2`, `"yes"`, `"TRUE"`, `"True"`, `" true"`, `{}`, `[]`} {
		t.Run("error/"+in, func(t *testing.T) {
			t.Parallel()
			var b taobao.Bool
			err := json.Unmarshal([]byte(in), &b)
			require.Error(t, err)
		})
	}
}

type listOrder struct {
	Oid   taobao.Int64 `json:"oid"`
	Title string       `json:"title"`
}

func TestListUnmarshalJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string // the value of "sub_tids"; empty: the member is missing
		want []taobao.Int64
	}{
		{"wrapped", `{"number":[1,2]}`, []taobao.Int64{1, 2}},
		{"wrapped, spaced", ` { "number" : [ 1 , 2 ] } `, []taobao.Int64{1, 2}},
		{"any wrapper name", `{"single_result_dto":[3]}`, []taobao.Int64{3}},
		{"escaped wrapper name", `{"num\"ber":[4]}`, []taobao.Int64{4}},
		{"bare array", `[1,2]`, []taobao.Int64{1, 2}},
		{"big ids", `{"number":[1347456243421196949,"1347456243421196950"]}`,
			[]taobao.Int64{1347456243421196949, 1347456243421196950}},
		{"empty object", `{}`, nil},
		{"empty array", `{"number":[]}`, []taobao.Int64{}},
		{"null", `null`, nil},
		{"null wrapper", `{"number":null}`, nil},
		{"empty string", `""`, nil},
		{"missing", ``, nil},
		{"other members first", `{"total":2,"note":"x","number":[5,6]}`, []taobao.Int64{5, 6}},
		{"other members after", `{"number":[5,6],"total":2}`, []taobao.Int64{5, 6}},
		{"first array wins", `{"b":[7],"a":[8]}`, []taobao.Int64{7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := `{"tid":1}`
			if tt.in != "" {
				doc = `{"tid":1,"sub_tids":` + tt.in + `}`
			}
			// Repeat: a decoder that walks a map would pick members at random.
			for range 20 {
				var got struct {
					SubTids taobao.List[taobao.Int64] `json:"sub_tids"`
				}
				require.NoError(t, json.Unmarshal([]byte(doc), &got))
				if tt.want == nil {
					require.Empty(t, got.SubTids)
					continue
				}
				require.Equal(t, taobao.List[taobao.Int64](tt.want), got.SubTids)
			}
		})
	}

	t.Run("structs", func(t *testing.T) {
		t.Parallel()
		for _, in := range []string{
			`{"order":[{"oid":1347456243421196949,"title":"a"},{"oid":"2","title":"b"}]}`,
			`[{"oid":1347456243421196949,"title":"a"},{"oid":2,"title":"b"}]`,
		} {
			var got taobao.List[listOrder]
			require.NoError(t, json.Unmarshal([]byte(in), &got), in)
			assert.Equal(t, taobao.List[listOrder]{{1347456243421196949, "a"}, {2, "b"}}, got, in)
		}
	})

	t.Run("replaces previous content", func(t *testing.T) {
		t.Parallel()
		for _, in := range []string{`{}`, `null`, `{"number":[9]}`, `[9]`} {
			l := taobao.List[taobao.Int64]{1, 2, 3}
			require.NoError(t, l.UnmarshalJSON([]byte(in)), in)
			if strings.Contains(in, "9") {
				assert.Equal(t, taobao.List[taobao.Int64]{9}, l, in)
			} else {
				assert.Empty(t, l, in)
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		t.Parallel()
		for _, in := range []string{`5`, `"abc"`, `true`, `{"number":["x"]}`, `[1,"x"]`, `{"a":1,"number":[{}]}`} {
			var got taobao.List[taobao.Int64]
			assert.Error(t, json.Unmarshal([]byte(in), &got), in)
		}
		// Called directly, with input encoding/json would have refused.
		for _, in := range []string{`{`, `{"a":`, `{"a":[1]`, `{"a":[1],`, `{"a`, `{"\`, `{"a":}`, `{"a":[1]}x`, `[1`} {
			var got taobao.List[taobao.Int64]
			assert.Error(t, got.UnmarshalJSON([]byte(in)), in)
		}
	})
}

func TestListMarshalJSON(t *testing.T) {
	t.Parallel()
	one, two := taobao.Int64(1), taobao.Int64(1347456243421196949)
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"numbers wrapped", taobao.List[taobao.Int64]{1, 1347456243421196949}, `{"number":[1,1347456243421196949]}`},
		{"empty", taobao.List[taobao.Int64]{}, `{"number":[]}`},
		{"pointers wrapped", taobao.List[*taobao.Int64]{&one, &two}, `{"number":[1,1347456243421196949]}`},
		{"no wrapper key", taobao.List[string]{"a", "b"}, `["a","b"]`},
		{"structs", taobao.List[listOrder]{{Oid: 1, Title: "a"}}, `[{"oid":1,"title":"a"}]`},
		{"plain int64", taobao.List[int64]{1}, `[1]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := json.Marshal(tt.in)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(b))
		})
	}

	t.Run("round trip", func(t *testing.T) {
		t.Parallel()
		in := taobao.List[taobao.Int64]{1347456243421196949, -1, 0}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		var back taobao.List[taobao.Int64]
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, in, back)

		var nilList taobao.List[taobao.Int64]
		b, err = json.Marshal(nilList)
		require.NoError(t, err)
		back = taobao.List[taobao.Int64]{5}
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Empty(t, back)
	})
}

func FuzzListUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"number":[1,2]}`, `[1,2]`, `{}`, `null`, `""`, `{"a":1,"number":[3]}`, `{"a":`, `{"\`, `{"number":["1"]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l taobao.List[taobao.Int64]
		if err := l.UnmarshalJSON(data); err != nil {
			return
		}
		// Whatever was accepted encodes and decodes to the same items.
		b, err := json.Marshal(l)
		require.NoError(t, err)
		var back taobao.List[taobao.Int64]
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, []taobao.Int64(l), []taobao.Int64(back))
	})
}

// TestListWrapperShapes: a wrapper around one object is a list of one (as
// JSON converted from XML writes a one-item list); a wrapper with no array
// and more than that is an error, never a silently empty list.
func TestListWrapperShapes(t *testing.T) {
	t.Parallel()
	var orders taobao.List[taobao.Order]
	require.NoError(t, json.Unmarshal([]byte(`{"order":{"oid":7,"title":"T恤"}}`), &orders))
	require.Len(t, orders, 1)
	assert.EqualValues(t, 7, orders[0].Oid)
	assert.Equal(t, "T恤", orders[0].Title)

	require.NoError(t, json.Unmarshal([]byte(`{}`), &orders))
	assert.Empty(t, orders)

	var ids taobao.List[taobao.Int64]
	err := json.Unmarshal([]byte(`{"total":2}`), &ids)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "holds no array")

	var tr taobao.Trade
	require.NoError(t, json.Unmarshal([]byte(`{"tid":1,"orders":{"order":{"oid":9,"payment":"1.50"}}}`), &tr))
	require.Len(t, tr.Orders, 1)
	assert.Equal(t, taobao.Money(150), tr.Orders[0].Payment)
}

func TestYuanAndFen(t *testing.T) {
	for _, tt := range []struct {
		y    float64
		want taobao.Money
	}{{199, 19900}, {199.99, 19999}, {0.1 + 0.2, 30}, {-1.005, -100}, {0, 0}} {
		assert.Equal(t, tt.want, taobao.Yuan(tt.y), "%v", tt.y)
	}
	assert.Equal(t, "199.00", taobao.Yuan(199).String())
	assert.Equal(t, taobao.Money(7), taobao.Fen(7))
}
