package fakedata_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fakedata"
)

var now = time.Date(2025, 6, 18, 10, 30, 0, 0, taobao.GMT8())

func generate(seed int64, n int, sellers ...string) *fakedata.Data {
	return fakedata.Generate(fakedata.Config{Seed: seed, Sellers: sellers, TradesPerSeller: n, Now: now})
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	full := func(d *fakedata.Data) []byte {
		var all []taobao.Trade
		for _, s := range d.Sellers {
			for i := range s.Trades {
				all = append(all, s.Trades[i].Full())
			}
		}
		b, err := json.Marshal(all)
		require.NoError(t, err)
		return b
	}
	a := full(generate(7, 50, "甲店", "乙店"))
	assert.Equal(t, a, full(generate(7, 50, "甲店", "乙店")), "same config, same data")
	assert.NotEqual(t, a, full(generate(8, 50, "甲店", "乙店")), "another seed, other data")

	// A seller's trades do not depend on the other sellers.
	one := generate(7, 50, "乙店")
	two := generate(7, 50, "甲店", "乙店")
	assert.Equal(t, one.Sellers[0].Trades[3].Full(), two.Sellers[1].Trades[3].Full())
}

func TestEveryStateForEverySeller(t *testing.T) {
	t.Parallel()
	d := generate(1, 40, fakedata.SellerNicks(3)...)
	require.Len(t, d.Sellers, 3)
	for _, s := range d.Sellers {
		seen := map[taobao.TradeStatus]bool{}
		for i := range s.Trades {
			seen[s.Trades[i].Status] = true
		}
		for _, st := range fakedata.States() {
			assert.True(t, seen[st], "%s has no %s trade", s.Nick, st)
		}
	}
}

// TestInvariants checks every trade of a large set against the rules the
// package documents: ids, times, amounts, masking, shipments.
func TestInvariants(t *testing.T) {
	t.Parallel()
	d := generate(42, 3000, "潮流衣橱旗舰店", "小店")
	maskedName := regexp.MustCompile(`^\p{Han}+\*{1,2}$`)
	maskedMobile := regexp.MustCompile(`^1[3-8][0-9]{5}\*{4}$`)
	tids := map[int64]bool{}
	types := map[taobao.TradeType]int{}
	refunds := map[taobao.RefundStatus]int{}
	var shipped, signed, split int
	for _, s := range d.Sellers {
		for i := range s.Trades {
			g := &s.Trades[i]
			tr := g.Full()
			msg := "trade " + strconv.FormatInt(int64(tr.Tid), 10)

			// Ids beyond 2^53, 19 digits, unique.
			require.Greater(t, int64(tr.Tid), int64(1)<<53, msg)
			require.Len(t, tr.TidStr, 19, msg)
			require.False(t, tids[int64(tr.Tid)], "duplicate tid %d", tr.Tid)
			tids[int64(tr.Tid)] = true
			types[tr.Type]++

			// Times: within 90 days, in order, to the second.
			require.False(t, tr.Created.Before(now.Add(-fakedata.History)), msg)
			seq := []taobao.Time{tr.Created, tr.PayTime, tr.ConsignTime, tr.EndTime, tr.Modified}
			last := tr.Created.Time
			for _, x := range seq {
				if x.IsZero() {
					continue
				}
				require.False(t, x.Before(last), "%s: times out of order %v", msg, seq)
				require.Equal(t, 0, x.Nanosecond(), msg)
				last = x.Time
			}
			require.False(t, tr.Modified.After(now), msg)

			// Amounts add up.
			require.NotEmpty(t, tr.Orders, msg)
			require.LessOrEqual(t, len(tr.Orders), 5, msg)
			var total, discount, divided taobao.Money
			for _, o := range tr.Orders {
				require.Greater(t, int64(o.Oid), int64(1)<<53, msg)
				require.Equal(t, o.Price*taobao.Money(o.Num), o.TotalFee, msg)
				require.Equal(t, o.TotalFee+o.AdjustFee-o.DiscountFee, o.DivideOrderFee, msg)
				want := o.DivideOrderFee
				if len(tr.Orders) == 1 {
					want += tr.PostFee
					require.Equal(t, tr.Payment, o.Payment, "%s: a single order's payment is the trade's", msg)
					require.Equal(t, tr.Tid, o.Oid, msg)
				}
				require.Equal(t, want, o.Payment, msg)
				require.Positive(t, int64(o.Payment), msg)
				total += o.TotalFee
				discount += o.DiscountFee
				divided += o.DivideOrderFee
				require.NotEmpty(t, o.SkuID, msg)
				require.NotEmpty(t, o.OuterSkuID, msg)
				require.NotEmpty(t, o.OuterIid, msg)
				require.NotEmpty(t, o.RefundStatus, msg)
				refunds[o.RefundStatus]++
				if o.RefundStatus != taobao.RefundStatusNoRefund {
					require.Len(t, o.RefundID, 17, msg)
				}
			}
			require.Equal(t, total, tr.TotalFee, msg)
			require.Equal(t, discount, tr.DiscountFee, msg)
			require.Equal(t, divided+tr.PostFee, tr.Payment, msg)
			var promo taobao.Money
			for _, p := range tr.PromotionDetails {
				promo += p.DiscountFee
			}
			require.Equal(t, tr.DiscountFee, promo, msg)
			if len(tr.Orders) > 1 {
				require.Zero(t, tr.Num, msg)
				require.Zero(t, tr.AdjustFee, msg)
			}

			// Masked receiver and an oaid.
			require.Regexp(t, maskedName, tr.ReceiverName, msg)
			require.Regexp(t, maskedMobile, tr.ReceiverMobile, msg)
			require.Contains(t, tr.ReceiverAddress, "**", msg)
			require.Len(t, tr.Oaid, 48, msg)
			require.NotEmpty(t, tr.ReceiverState, msg)

			// Shipments and traces.
			sh, hasShip := g.Shipping()
			tc, hasTrace := g.Trace()
			if !tr.ConsignTime.IsZero() {
				shipped++
				require.True(t, hasShip, msg)
				require.True(t, hasTrace, msg)
				require.True(t, fakedata.ValidWaybill(codeOf(t, sh.CompanyName), sh.OutSid), "%s: waybill %s of %s", msg, sh.OutSid, sh.CompanyName)
				require.Equal(t, "yes", sh.SellerConfirm)
				require.Equal(t, sh.OutSid, tc.OutSid)
				prev := tr.ConsignTime.Time
				for _, step := range tc.TraceList {
					require.False(t, step.StatusTime.Before(prev), msg)
					require.False(t, step.StatusTime.After(now), msg)
					prev = step.StatusTime.Time
				}
				if tc.Status == "对方已签收" {
					signed++
					require.Equal(t, "TMS_SIGN", tc.TraceList[len(tc.TraceList)-1].Action)
				}
				if sh.IsSplit {
					split++
					require.Less(t, len(sh.SubTids), len(tr.Orders), msg)
				}
			} else {
				require.False(t, hasTrace, msg)
			}
			if !tr.PayTime.IsZero() && tr.ShippingType != taobao.ShippingTypeVirtual {
				require.True(t, hasShip, "%s: a paid trade has a logistics order", msg)
			}
			if tr.Status == taobao.TradeStatusTradeFinished {
				require.False(t, tr.EndTime.IsZero(), msg)
				require.Positive(t, int64(tr.ReceivedPayment), msg)
			}
		}
	}
	assert.Positive(t, shipped)
	assert.Positive(t, signed)
	assert.Positive(t, split)
	for _, typ := range []taobao.TradeType{taobao.TradeTypeFixed, taobao.TradeTypeCod, taobao.TradeTypeStep, taobao.TradeTypeTmallI18n} {
		assert.Positive(t, types[typ], "no %s trade", typ)
	}
	for _, rs := range []taobao.RefundStatus{taobao.RefundStatusNoRefund, taobao.RefundStatusSuccess, taobao.RefundStatusClosed, taobao.RefundStatusWaitSellerAgree} {
		assert.Positive(t, refunds[rs], "no %s refund", rs)
	}
}

func codeOf(t *testing.T, name string) string {
	for _, c := range fakedata.Companies() {
		if c.Name == name {
			return c.Code
		}
	}
	t.Fatalf("no company %q", name)
	return ""
}

func TestCompaniesAndWaybills(t *testing.T) {
	t.Parallel()
	cs := fakedata.Companies()
	codes := map[string]bool{}
	for _, c := range cs {
		codes[c.Code] = true
		t.Run(c.Code, func(t *testing.T) {
			if c.RegMailNo != "" {
				_, err := regexp.Compile(c.RegMailNo)
				require.NoError(t, err)
			}
			for seed := range uint64(20) {
				w := fakedata.Waybill(c.Code, seed)
				assert.True(t, fakedata.ValidWaybill(c.Code, w), w)
			}
			assert.Equal(t, fakedata.Waybill(c.Code, 3), fakedata.Waybill(c.Code, 3))
			got, ok := fakedata.Company(c.Code)
			assert.True(t, ok)
			assert.Equal(t, c, got)
		})
	}
	for _, code := range []string{"SF", "ZTO", "YTO", "STO", "YUNDA", "EMS", "POST", "ZJS", "OTHER"} {
		assert.True(t, codes[code], code)
	}
	assert.False(t, fakedata.ValidWaybill("SF", "123"))
	assert.False(t, fakedata.ValidWaybill("NOPE", "SF1234567890123"))
	assert.False(t, fakedata.ValidWaybill("OTHER", ""))
	assert.Empty(t, fakedata.Waybill("NOPE", 1))
	cs[0].Code = "changed"
	assert.NotEqual(t, "changed", fakedata.Companies()[0].Code, "Companies returns a copy")
}

func TestEdgeConfigs(t *testing.T) {
	t.Parallel()
	d := fakedata.Generate(fakedata.Config{Sellers: []string{"", "a"}, TradesPerSeller: -3, Now: now})
	require.Len(t, d.Sellers, 1)
	assert.Empty(t, d.Sellers[0].Trades)
	d = generate(1, 1, "a")
	require.Len(t, d.Sellers[0].Trades, 1)
	assert.Equal(t, fakedata.States()[0], d.Sellers[0].Trades[0].Status)
	assert.Len(t, fakedata.SellerNicks(7), 7)
	assert.Empty(t, fakedata.SellerNicks(-1))
	assert.NotEmpty(t, fakedata.Catalogue())
}

// BenchmarkGenerate measures building a data set of 100,000 trades.
func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		d := generate(1, 100000, "a")
		if len(d.Sellers[0].Trades) != 100000 {
			b.Fatal("short")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100000, "ns/trade")
}

// BenchmarkFull measures expanding a compact trade into a taobao.Trade.
func BenchmarkFull(b *testing.B) {
	d := generate(1, 1000, "a")
	var t taobao.Trade
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.Sellers[0].Trades[i%1000].Fill(&t)
		i++
	}
}
