package taobao_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-querystring/query"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/fields"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const (
	mFullInfo  = "taobao.trade.fullinfo.get"
	mGet       = "taobao.trade.get"
	mSold      = "taobao.trades.sold.get"
	mIncrement = "taobao.trades.sold.increment.get"
)

func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(tb, err)
	return b
}

// wrap puts payload into the envelope the gateway uses for method.
// page wraps one trade object in a trades.sold.get answer.
func page(trade string) []byte {
	return wrap(mSold, `{"total_results":1,"trades":{"trade":[`+trade+`]},"request_id":"r"}`)
}

func wrap(method, payload string) []byte {
	key := strings.ReplaceAll(strings.TrimPrefix(method, "taobao."), ".", "_") + "_response"
	return []byte(`{"` + key + `":` + payload + `}`)
}

// gmt8 builds an instant from a GMT+8 wall clock, independent of TZ.
func gmt8(y int, mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(y, mo, d, h, mi, s, 0, time.UTC).Add(-8 * time.Hour)
}

func TestDecodeTradeFullInfo2014(t *testing.T) {
	tr, err := taobao.DecodeTrade(mFullInfo, fixture(t, "taobao.trade.fullinfo.get.json"))
	require.NoError(t, err)

	assert.Equal(t, int64(518073718172548), tr.Tid)
	assert.Equal(t, taobao.TradeStatusTradeFinished, tr.Status)
	assert.Equal(t, taobao.TradeTypeFixed, tr.Type)
	assert.Equal(t, taobao.ShippingTypeExpress, tr.ShippingType)
	assert.Equal(t, taobao.CodStatusNewCreated, tr.CodStatus)
	assert.Equal(t, taobao.Money(7600), tr.Payment)
	assert.Equal(t, taobao.Money(7600), tr.TotalFee)
	assert.Equal(t, taobao.Money(3800), tr.Price)
	assert.Equal(t, taobao.Money(0), tr.PostFee)
	assert.Equal(t, taobao.Money(7600), tr.ReceivedPayment)
	assert.Equal(t, int64(2088000000000001), tr.AlipayID)
	assert.Equal(t, int64(37000093369), tr.NumIid)
	assert.Equal(t, int64(2), tr.Num)
	assert.True(t, bool(tr.HasPostFee))
	assert.True(t, bool(tr.SellerRate))
	assert.False(t, bool(tr.Is3D))
	assert.Equal(t, "闫**", tr.ReceiverName)
	assert.Equal(t, "梳美人精品木梳", tr.SellerNick)

	// 21:40:01 in GMT+8 is 13:40:01 UTC, whatever the host's zone.
	assert.True(t, tr.Created.Equal(gmt8(2014, 1, 15, 21, 40, 1)), "created = %v", tr.Created.Time)
	assert.True(t, tr.Created.Equal(time.Date(2014, 1, 15, 13, 40, 1, 0, time.UTC)))
	assert.Equal(t, "2014-01-15 21:40:01", tr.Created.String())
	assert.True(t, tr.PayTime.Equal(gmt8(2014, 1, 15, 21, 40, 24)))
	assert.True(t, tr.ConsignTime.Equal(gmt8(2014, 1, 17, 15, 31, 7)))
	assert.True(t, tr.EndTime.Equal(gmt8(2014, 1, 27, 15, 32, 23)))
	assert.True(t, tr.Modified.Equal(gmt8(2014, 2, 6, 15, 35, 43)))

	require.Len(t, tr.Orders, 1)
	o := tr.Orders[0]
	assert.Equal(t, int64(518073718172548), o.Oid)
	assert.Equal(t, taobao.OrderStatusTradeFinished, o.Status)
	assert.Equal(t, taobao.RefundStatusNoRefund, o.RefundStatus)
	assert.Equal(t, taobao.ShippingTypeExpress, o.ShippingType)
	assert.Equal(t, taobao.Money(3800), o.Price)
	assert.Equal(t, taobao.Money(7600), o.Payment)
	assert.Equal(t, taobao.Money(7600), o.TotalFee)
	assert.Equal(t, int64(2), o.Num)
	assert.Equal(t, int64(50002816), o.Cid)
	assert.Equal(t, "56388300261", o.SkuID)
	assert.Equal(t, "顺丰速运", o.LogisticsCompany)
	assert.Equal(t, "550281136794", o.InvoiceNo)
	assert.True(t, o.ConsignTime.Equal(gmt8(2014, 1, 17, 15, 31, 7)), "order consign_time is a date")
	assert.True(t, bool(o.SellerRate))
	assert.Empty(t, tr.PromotionDetails)
}

func TestDecodeTrade2020(t *testing.T) {
	obj := string(fixture(t, "taobao.trade.fullinfo.get.trade-object-2020.json"))
	for _, method := range []string{mFullInfo, mGet} {
		t.Run(method, func(t *testing.T) {
			body := wrap(method, `{"trade":`+obj+`,"request_id":"165an4c9a92sp"}`)
			tr, err := taobao.DecodeTrade(method, body)
			require.NoError(t, err)

			// 19 digits, above 2^53: exact only if never decoded as float64.
			const id = 1347456243421196949
			require.Greater(t, int64(id), int64(1)<<53)
			assert.Equal(t, int64(id), int64(tr.Tid))
			assert.Equal(t, "1347456243421196949", tr.TidStr)
			assert.Equal(t, "1347456243421196949", tr.Sid)
			require.Len(t, tr.Orders, 1)
			assert.Equal(t, int64(id), int64(tr.Orders[0].Oid))

			assert.Equal(t, taobao.TradeStatusWaitBuyerPay, tr.Status)
			assert.Equal(t, taobao.Money(180), tr.Payment)
			assert.Equal(t, taobao.Money(300), tr.DiscountFee)
			assert.Equal(t, taobao.Money(180), tr.AvailableConfirmFee)
			assert.Equal(t, taobao.Money(490), tr.TotalFee)
			assert.Equal(t, taobao.Money(0), tr.PlatformSubsidyFee)
			assert.Equal(t, `{"erpHold":"0"}`, tr.TradeAttr, "JSON-in-string stays a string")
			assert.Equal(t, "WAP,WAP", tr.TradeFrom)
			assert.Equal(t, "软*", tr.ReceiverName)
			assert.Equal(t, "151********", tr.ReceiverMobile)
			assert.True(t, tr.Created.Equal(gmt8(2020, 11, 4, 14, 59, 33)))
			assert.True(t, tr.TimeoutActionTime.Equal(gmt8(2020, 11, 5, 14, 59, 33)))

			o := tr.Orders[0]
			assert.Equal(t, taobao.OrderStatusWaitBuyerPay, o.Status)
			assert.Equal(t, taobao.RefundStatusNoRefund, o.RefundStatus)
			assert.Equal(t, taobao.Money(490), o.Price)
			assert.Equal(t, taobao.Money(480), o.TotalFee)
			assert.Equal(t, taobao.Money(180), o.Payment)
			assert.Equal(t, taobao.Money(10), o.DiscountFee)
			assert.Equal(t, taobao.Money(300), o.PartMjzDiscount)
			assert.Equal(t, "B", o.SellerType)
			assert.Equal(t, "cizhiwu001", o.StoreCode)
			assert.True(t, o.TimeoutActionTime.Equal(gmt8(2020, 11, 5, 14, 59, 33)))
		})
	}
}

func TestTypedDecodeRejectsUnwrappedRoot(t *testing.T) {
	// The typed methods never send simplify=true, so an answer without the
	// method's member is corrupt or foreign, never an empty page.
	for _, body := range [][]byte{
		fixture(t, "taobao.trades.sold.get.simplify.reconstructed.json"),
		[]byte(`{}`), []byte(`{"foo":1}`),
		fixture(t, "taobao.trade.fullinfo.get.json"),
	} {
		_, err := taobao.DecodeTradePage(mSold, body)
		var decErr *taobao.DecodeError
		require.ErrorAs(t, err, &decErr, string(body[:min(len(body), 40)]))
		assert.True(t, taobao.IsRetryable(err))
	}
}

func TestDecodeTradePage(t *testing.T) {
	tests := []struct {
		name, file, method string
		tids               []int64
		total              int64
		hasNext            bool
		requestID          string
	}{
		{"sold", "taobao.trades.sold.get.json", mSold,
			[]int64{3028689418086124, 3047218903434972, 3041367089846472}, 11, false, "s7ezljq8tz3j"},
		{"sold single", "taobao.trades.sold.get.single.json", mSold,
			[]int64{3028689418086124}, 11, false, "rxn6gucwgtpv"},
		{"increment", "taobao.trades.sold.increment.get.reconstructed.json", mIncrement,
			[]int64{518073718172548}, 0, false, "REPLACE_request_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := taobao.DecodeTradePage(tt.method, fixture(t, tt.file))
			require.NoError(t, err)
			var tids []int64
			for _, tr := range p.Trades {
				tids = append(tids, int64(tr.Tid))
			}
			assert.Equal(t, tt.tids, tids)
			assert.Equal(t, tt.total, p.TotalResults)
			assert.Equal(t, tt.hasNext, p.HasNext)
			assert.Equal(t, tt.requestID, p.RequestID)
		})
	}

	t.Run("increment nested", func(t *testing.T) {
		p, err := taobao.DecodeTradePage(mIncrement, fixture(t, "taobao.trades.sold.increment.get.reconstructed.json"))
		require.NoError(t, err)
		require.Len(t, p.Trades, 1)
		tr := p.Trades[0]
		assert.Equal(t, taobao.TradeStatusTradeFinished, tr.Status)
		assert.Equal(t, taobao.Money(7600), tr.Payment)
		assert.True(t, tr.Modified.Equal(gmt8(2014, 2, 6, 15, 35, 43)))
		require.Len(t, tr.Orders, 1)
		assert.Equal(t, int64(518073718172548), tr.Orders[0].Oid)
		assert.Equal(t, "550281136794", tr.Orders[0].InvoiceNo)
	})
}

// nestedPage is a synthetic sold.get answer (no real sample has these
// lists): promotion details, service orders and tags, quoted ids, an empty
// wrapper and has_next paging.
const nestedPage = `{"trades_sold_get_response":{"trades":{"trade":[{
	"tid":"3028689418086124","status":"WAIT_SELLER_SEND_GOODS","type":"tmall_i18n",
	"orders":{"order":[{"oid":3028689418086125,"payment":"10.5","refund_status":"WAIT_SELLER_AGREE"},
	                   {"oid":"3028689418086126","payment":"0","status":"SOME_FUTURE_STATE"}]},
	"promotion_details":{"promotion_detail":[
		{"id":3028689418086124,"promotion_name":"满就送","discount_fee":"5.00","promotion_id":"mjs-123024_211143","kd_discount_fee":""},
		{"id":3028689418086125,"promotion_name":"限时打折","discount_fee":""}]},
	"service_orders":{"service_order":[{"oid":3028689418086127,"item_oid":3028689418086125,"price":"9.90","payment":"9.90","total_fee":"9.90"}]},
	"service_tags":{"logistics_tag":[{"order_id":"3028689418086124","logistic_service_tag_list":{"logistic_service_tag":[{"service_tag":"lgType=-4","service_type":"FAST"}]}}]},
	"logistics_infos":{},
	"receipt_rel_ids":{"string":["r1","r2"]},
	"trade_ext":{"before_pay_flag":1,"extra_data":"x"}
}]},"has_next":true,"request_id":"ishfhkt4jeym"}}`

func TestDecodeTradePageNested(t *testing.T) {
	p, err := taobao.DecodeTradePage(mSold, []byte(nestedPage))
	require.NoError(t, err)
	assert.True(t, p.HasNext)
	assert.Zero(t, p.TotalResults)
	assert.Equal(t, "ishfhkt4jeym", p.RequestID)
	require.Len(t, p.Trades, 1)
	tr := p.Trades[0]
	assert.Equal(t, int64(3028689418086124), tr.Tid)
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, tr.Status)
	assert.Equal(t, taobao.TradeTypeTmallI18n, tr.Type)

	require.Len(t, tr.Orders, 2)
	assert.Equal(t, int64(3028689418086126), tr.Orders[1].Oid)
	assert.Equal(t, taobao.Money(1050), tr.Orders[0].Payment)
	assert.Equal(t, taobao.RefundStatusWaitSellerAgree, tr.Orders[0].RefundStatus)
	assert.Equal(t, taobao.OrderStatus("SOME_FUTURE_STATE"), tr.Orders[1].Status, "unknown values pass through")

	require.Len(t, tr.PromotionDetails, 2)
	pd := tr.PromotionDetails[0]
	assert.Equal(t, int64(3028689418086124), pd.ID)
	assert.Equal(t, "满就送", pd.PromotionName)
	assert.Equal(t, taobao.Money(500), pd.DiscountFee)
	assert.Equal(t, "mjs-123024_211143", pd.PromotionID)
	assert.Equal(t, taobao.Money(0), tr.PromotionDetails[1].DiscountFee, "empty amount is zero")

	require.Len(t, tr.ServiceOrders, 1)
	assert.Equal(t, int64(3028689418086125), tr.ServiceOrders[0].ItemOid)
	assert.Equal(t, taobao.Money(990), tr.ServiceOrders[0].Payment)
	require.Len(t, tr.ServiceTags, 1)
	require.Len(t, tr.ServiceTags[0].LogisticServiceTagList, 1)
	assert.Equal(t, "FAST", tr.ServiceTags[0].LogisticServiceTagList[0].ServiceType)
	assert.Empty(t, tr.LogisticsInfos)
	assert.Equal(t, []string{"r1", "r2"}, tr.ReceiptRelIDs)
	require.NotNil(t, tr.TradeExt)
	assert.Equal(t, int64(1), tr.TradeExt.BeforePayFlag)
	assert.Nil(t, tr.SortInfo, "absent objects stay nil")
}

func TestDecodeTradeErrors(t *testing.T) {
	t.Run("error_response", func(t *testing.T) {
		_, err := taobao.DecodeTradePage(mSold, fixture(t, "error_response.27.invalid-sessionkey.json"))
		var apiErr *taobao.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 27, apiErr.Code)
		assert.ErrorIs(t, err, taobao.ErrInvalidSession)
	})
	t.Run("no trade", func(t *testing.T) {
		_, err := taobao.DecodeTrade(mFullInfo, wrap(mFullInfo, `{"request_id":"abc"}`))
		var de *taobao.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, "abc", de.RequestID)
		assert.Contains(t, err.Error(), mFullInfo)
		assert.Contains(t, err.Error(), "trade")
	})
	// One value of the wrong type costs that value only: it is dropped
	// (its field stays zero), the rest of the trade is decoded, and a page
	// says what was dropped.
	bad := []struct {
		name, trade string
		tid         int64
	}{
		{"three decimals", `{"tid":1,"payment":"1.234","title":"t"}`, 1},
		{"bad time", `{"tid":1,"created":"2014/01/15","title":"t"}`, 1},
		{"float id", `{"tid":1.5,"title":"t"}`, 0},
		{"bad bool", `{"tid":1,"buyer_rate":"yes","title":"t"}`, 1},
		{"bad list", `{"tid":1,"orders":5,"title":"t"}`, 1},
		{"object for a string", `{"tid":1,"buyer_message":{"x":1},"title":"t"}`, 1},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := taobao.DecodeTrade(mGet, wrap(mGet, `{"trade":`+tt.trade+`}`))
			require.NoError(t, err)
			assert.EqualValues(t, tt.tid, tr.Tid)
			assert.Equal(t, "t", tr.Title, "the other fields are decoded")
			assert.Zero(t, tr.Payment)
			assert.Zero(t, tr.Created)
			assert.False(t, bool(tr.BuyerRate))
			assert.Empty(t, tr.Orders)
			assert.Empty(t, tr.BuyerMessage)

			p, err := taobao.DecodeTradePage(mSold, page(tt.trade))
			require.NoError(t, err)
			require.Len(t, p.Trades, 1)
			require.Len(t, p.Dropped, 1, "the page says what was dropped")
			assert.Contains(t, p.Dropped[0].Path, "trades.trade.")
			assert.Contains(t, p.Dropped[0].Reason, "dropped")
		})
	}
}

// TestModelsMatchDocs walks the documented response fields of every API and
// checks, by reflection, that the model struct has each one under TOP's
// name with a Go type that fits the doc type.
func TestModelsMatchDocs(t *testing.T) {
	apis, err := fields.Parse(fields.Source())
	require.NoError(t, err)
	roots := []struct {
		typ   reflect.Type
		paths []string
	}{
		{reflect.TypeFor[taobao.Trade](), []string{mFullInfo + ":trade", mGet + ":trade", mSold + ":trades", mIncrement + ":trades"}},
		{reflect.TypeFor[taobao.Trace](), []string{"taobao.logistics.trace.search"}},
		{reflect.TypeFor[taobao.Shipping](), []string{"taobao.logistics.orders.get:shippings", "taobao.logistics.orders.detail.get:shippings"}},
		{reflect.TypeFor[taobao.LogisticsCompany](), []string{"taobao.logistics.companies.get:logistics_companies"}},
		{reflect.TypeFor[taobao.ShipResult](), []string{"taobao.logistics.offline.send:shipping"}},
	}
	n := 0
	for _, r := range roots {
		for _, path := range r.paths {
			docs, err := fields.Lookup(apis, path)
			require.NoError(t, err)
			n += checkDocFields(t, r.typ, docs, path)
		}
	}
	assert.Greater(t, n, 900, "documented fields checked")
}

var (
	int64Type = reflect.TypeFor[int64]()
	moneyType = reflect.TypeFor[taobao.Money]()
	timeType  = reflect.TypeFor[taobao.Time]()
	boolType  = reflect.TypeFor[bool]()
)

func checkDocFields(t *testing.T, typ reflect.Type, docs []*fields.Field, path string) int {
	t.Helper()
	tags := map[string]reflect.StructField{}
	if typ.Kind() == reflect.Struct {
		for i := range typ.NumField() {
			sf := typ.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			tags[name] = sf
		}
	}
	n := 0
	for _, f := range docs {
		n++
		where := path + "." + f.Name
		sf, ok := tags[f.Name]
		if !assert.True(t, ok, "%s: no field in %s", where, typ) {
			continue
		}
		ft := sf.Type
		switch {
		case f.Scalar() && f.List:
			assert.Equal(t, reflect.Slice, ft.Kind(), where)
			want := map[string]reflect.Type{"Number": int64Type, "String": reflect.TypeFor[string]()}[f.Type]
			assert.Equal(t, want, ft.Elem(), where)
		case f.Scalar():
			switch f.Type {
			case "Number":
				if ft != boolType { // a 0-or-1 Number may be a bool
					assert.Equal(t, int64Type, ft, where)
				}
			case "Date":
				assert.Equal(t, timeType, ft, where)
			case "Boolean":
				assert.Equal(t, boolType, ft, where)
			case "String":
				assert.True(t, ft.Kind() == reflect.String || ft == moneyType || ft == timeType, "%s: %s", where, ft)
			}
		case f.List:
			require.Equal(t, reflect.Slice, ft.Kind(), where)
			assert.Empty(t, ft.Name(), "%s: a plain slice", where)
			n += checkDocFields(t, ft.Elem(), f.Children, where)
		default:
			require.Equal(t, reflect.Pointer, ft.Kind(), where)
			n += checkDocFields(t, ft.Elem(), f.Children, where)
		}
	}
	return n
}

func jsonNames(typ reflect.Type) []string {
	var names []string
	for i := range typ.NumField() {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
}

func TestFieldSets(t *testing.T) {
	apis, err := fields.Parse(fields.Source())
	require.NoError(t, err)
	docNames := func(path string) []string {
		docs, err := fields.Lookup(apis, path)
		require.NoError(t, err)
		var names []string
		for _, f := range docs {
			names = append(names, f.Name)
		}
		return names
	}
	tests := []struct {
		name   string
		set    []string
		typ    reflect.Type
		docs   []string
		rename map[string]string
	}{
		{"TradeFullFields", taobao.TradeFullFields, reflect.TypeFor[taobao.Trade](), docNames(mFullInfo + ":trade"), nil},
		{"TradeGetFields", taobao.TradeGetFields, reflect.TypeFor[taobao.Trade](), docNames(mGet + ":trade"), nil},
		{"TradeSoldFields", taobao.TradeSoldFields, reflect.TypeFor[taobao.Trade](), docNames(mSold + ":trades"), nil},
		{"TradeIncrementFields", taobao.TradeIncrementFields, reflect.TypeFor[taobao.Trade](), docNames(mIncrement + ":trades"), nil},
		{"ShippingFields", taobao.ShippingFields, reflect.TypeFor[taobao.Shipping](), docNames("taobao.logistics.orders.get:shippings"), nil},
		{"ShippingDetailFields", taobao.ShippingDetailFields, reflect.TypeFor[taobao.Shipping](),
			docNames("taobao.logistics.orders.detail.get:shippings"), map[string]string{"location": "receiver_location"}},
		{"CompanyFields", taobao.CompanyFields, reflect.TypeFor[taobao.LogisticsCompany](), docNames("taobao.logistics.companies.get:logistics_companies"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Exactly the documented names, once each, in struct order.
			var want []string
			for _, n := range jsonNames(tt.typ) {
				if slices.Contains(tt.docs, n) {
					if r, ok := tt.rename[n]; ok {
						n = r
					}
					want = append(want, n)
				}
			}
			assert.Equal(t, want, tt.set)
			assert.Len(t, tt.set, len(tt.docs))
			assert.Equal(t, len(tt.set), cap(tt.set), "appending to a field set must not write into it")
		})
	}
	assert.Contains(t, taobao.TradeFullFields, "orders")
	assert.Contains(t, taobao.TradeFullFields, "promotion_details")
	assert.Contains(t, taobao.TradeSoldFields, "orders")
	for _, n := range taobao.TradeListFields {
		assert.Contains(t, taobao.TradeSoldFields, n)
		assert.Contains(t, taobao.TradeIncrementFields, n)
	}
}

var (
	docUpperValue = regexp.MustCompile(`\b[A-Z][A-Z0-9_]{2,}\b`)
	docLowerValue = regexp.MustCompile(`([a-z0-9][a-z0-9_]*)\(`)
)

// TestEnumsCoverDocs checks that every value the docs list for an enum
// field has a constant.
func TestEnumsCoverDocs(t *testing.T) {
	apis, err := fields.Parse(fields.Source())
	require.NoError(t, err)
	strs := func(vs ...any) []string {
		var out []string
		for _, v := range vs {
			out = append(out, reflect.ValueOf(v).String())
		}
		return out
	}
	tradeStatuses := strs(taobao.TradeStatusTradeNoCreatePay, taobao.TradeStatusWaitBuyerPay, taobao.TradeStatusSellerConsignedPart,
		taobao.TradeStatusWaitSellerSendGoods, taobao.TradeStatusWaitBuyerConfirmGoods, taobao.TradeStatusTradeBuyerSigned,
		taobao.TradeStatusTradeFinished, taobao.TradeStatusTradeClosed, taobao.TradeStatusTradeClosedByTaobao,
		taobao.TradeStatusPayPending, taobao.TradeStatusWaitPreAuthConfirm, taobao.TradeStatusPaidForbidConsign,
		taobao.TradeStatusAllWaitPay, taobao.TradeStatusAllClosed)
	orderStatuses := strs(taobao.OrderStatusTradeNoCreatePay, taobao.OrderStatusWaitBuyerPay, taobao.OrderStatusWaitSellerSendGoods,
		taobao.OrderStatusWaitBuyerConfirmGoods, taobao.OrderStatusTradeBuyerSigned, taobao.OrderStatusTradeFinished,
		taobao.OrderStatusTradeClosed, taobao.OrderStatusTradeClosedByTaobao, taobao.OrderStatusPayPending)
	refundStatuses := strs(taobao.RefundStatusNoRefund, taobao.RefundStatusWaitSellerAgree, taobao.RefundStatusWaitBuyerReturnGoods,
		taobao.RefundStatusWaitSellerConfirmGoods, taobao.RefundStatusSellerRefuseBuyer, taobao.RefundStatusClosed, taobao.RefundStatusSuccess)
	tradeTypes := strs(taobao.TradeTypeFixed, taobao.TradeTypeAuction, taobao.TradeTypeGuaranteeTrade, taobao.TradeTypeStep,
		taobao.TradeTypeIndependentSimpleTrade, taobao.TradeTypeIndependentShopTrade, taobao.TradeTypeAutoDelivery, taobao.TradeTypeEc,
		taobao.TradeTypeCod, taobao.TradeTypeGameEquipment, taobao.TradeTypeShopexTrade, taobao.TradeTypeNetcnTrade,
		taobao.TradeTypeExternalTrade, taobao.TradeTypeInstantTrade, taobao.TradeTypeB2CCod, taobao.TradeTypeHotelTrade,
		taobao.TradeTypeSuperMarketTrade, taobao.TradeTypeSuperMarketCodTrade, taobao.TradeTypeTaohua, taobao.TradeTypeWaimai,
		taobao.TradeTypeO2OOfflinetrade, taobao.TradeTypeNopaid, taobao.TradeTypeEticket, taobao.TradeTypeTmallI18n,
		taobao.TradeTypeInsurancePlus, taobao.TradeTypeFinance, taobao.TradeTypePreAuthType, taobao.TradeTypeLazada,
		taobao.TradeTypeFenxiao)
	shippingTypes := strs(taobao.ShippingTypeFree, taobao.ShippingTypePost, taobao.ShippingTypeExpress, taobao.ShippingTypeEMS,
		taobao.ShippingTypeVirtual, taobao.ShippingType25, taobao.ShippingType26, taobao.ShippingTypeSeller, taobao.ShippingTypeInstant)
	stepStatuses := strs(taobao.StepTradeStatusFrontNopaidFinalNopaid, taobao.StepTradeStatusFrontPaidFinalNopaid,
		taobao.StepTradeStatusFrontPaidFinalPaid, taobao.StepTradeStatusFrontPaidFrontForfeited)
	codStatuses := strs(taobao.CodStatusNewCreated, taobao.CodStatusAcceptedByCompany, taobao.CodStatusRejectedByCompany,
		taobao.CodStatusRecieveTimeout, taobao.CodStatusTakenInSuccess, taobao.CodStatusTakenInFailed, taobao.CodStatusTakenTimeout,
		taobao.CodStatusSignIn, taobao.CodStatusRejectedByOtherSide, taobao.CodStatusWaitingToBeSent, taobao.CodStatusCanceled)
	shippingStatuses := strs(taobao.ShippingStatusCreated, taobao.ShippingStatusRecreated, taobao.ShippingStatusCancelled,
		taobao.ShippingStatusClosed, taobao.ShippingStatusSending, taobao.ShippingStatusAccepting, taobao.ShippingStatusAccepted,
		taobao.ShippingStatusRejected, taobao.ShippingStatusPickUp, taobao.ShippingStatusPickUpFailed, taobao.ShippingStatusLost,
		taobao.ShippingStatusRejectedByReceiver, taobao.ShippingStatusAcceptedByReceiver)

	tests := []struct {
		path, field string
		re          *regexp.Regexp
		consts      []string
		min         int // values the (possibly truncated) description must yield
	}{
		{mFullInfo + ":trade", "status", docUpperValue, tradeStatuses, 8},
		{mIncrement + ":trades", "status", docUpperValue, tradeStatuses, 8},
		{mFullInfo + ":trade", "step_trade_status", docUpperValue, stepStatuses, 4},
		{mFullInfo + ":trade", "cod_status", docUpperValue, codStatuses, 11},
		{mFullInfo + ":trade", "type", docLowerValue, tradeTypes, 10},
		{mFullInfo + ":trade", "shipping_type", docLowerValue, shippingTypes, 9},
		{mFullInfo + ":trade.orders", "status", docUpperValue, orderStatuses, 7},
		{mFullInfo + ":trade.orders", "refund_status", docUpperValue, refundStatuses, 6},
		{"taobao.logistics.orders.get:shippings", "status", docUpperValue, shippingStatuses, 13},
		{"taobao.logistics.orders.get:shippings", "type", docLowerValue, shippingTypes, 4},
	}
	for _, tt := range tests {
		t.Run(tt.path+"."+tt.field, func(t *testing.T) {
			f := docField(t, apis, tt.path, tt.field)
			var vals []string
			for _, m := range tt.re.FindAllStringSubmatch(f.Desc, -1) {
				vals = append(vals, m[len(m)-1])
			}
			assert.GreaterOrEqual(t, len(vals), tt.min, "values found in %q", f.Desc)
			for _, v := range vals {
				if strings.HasPrefix(tt.path+"."+tt.field, mFullInfo+":trade.orders.status") && v == "TRADE_CLOSED_BY" {
					continue // the description is cut inside TRADE_CLOSED_BY_TAOBAO
				}
				if strings.HasSuffix(tt.field, "status") && tt.re == docUpperValue && strings.HasSuffix(f.Desc, v) {
					continue // a value cut by the docs' 300-character limit
				}
				assert.Contains(t, tt.consts, v, "documented value %s has no constant", v)
			}
			seen := map[string]bool{}
			for _, c := range tt.consts {
				assert.False(t, seen[c], "duplicate constant %s", c)
				seen[c] = true
			}
		})
	}
}

func docField(t *testing.T, apis map[string]*fields.API, path, name string) *fields.Field {
	t.Helper()
	method, members, _ := strings.Cut(path, ":")
	parts := strings.Split(members, ".")
	docs, err := fields.Lookup(apis, method+":"+parts[0])
	require.NoError(t, err)
	for _, p := range parts[1:] {
		for _, f := range docs {
			if f.Name == p {
				docs = f.Children
			}
		}
	}
	for _, f := range docs {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("%s has no field %s", path, name)
	return nil
}

func TestUnknownEnumsPassThrough(t *testing.T) {
	var tr taobao.Trade
	require.NoError(t, json.Unmarshal([]byte(`{"status":"NEW_STATE","type":"brand_new","shipping_type":"drone",
		"orders":{"order":[{"status":"X","refund_status":"Y"}]}}`), &tr))
	assert.Equal(t, taobao.TradeStatus("NEW_STATE"), tr.Status)
	assert.Equal(t, taobao.TradeType("brand_new"), tr.Type)
	assert.Equal(t, taobao.ShippingType("drone"), tr.ShippingType)
	assert.Equal(t, taobao.OrderStatus("X"), tr.Orders[0].Status)
	assert.Equal(t, taobao.RefundStatus("Y"), tr.Orders[0].RefundStatus)
	out, err := json.Marshal(tr)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"status":"NEW_STATE"`)
}

// fill sets every field reachable from v to a deterministic non-zero value.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Type() {
	case timeType:
		v.Set(reflect.ValueOf(taobao.NewTime(time.Date(2020, 11, 4, 14, 0, *n%60, 0, taobao.GMT8()))))
		return
	case moneyType:
		v.SetInt(int64(*n) * 101)
		return
	case int64Type:
		v.SetInt(1347456243421196949 + int64(*n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d-值", *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(v.Index(0), n)
		fill(v.Index(1), n)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		m.SetMapIndex(reflect.ValueOf("goods_id"), reflect.ValueOf(json.RawMessage(strconv.Itoa(*n))))
		v.Set(m)
	default:
		panic("fill: unexpected kind " + v.Kind().String())
	}
}

func TestGoldenTrade(t *testing.T) {
	var tr taobao.Trade
	n := 0
	fill(reflect.ValueOf(&tr).Elem(), &n)
	got, err := json.MarshalIndent(tr, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')

	golden := filepath.Join("testdata", "golden", "trade.json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestGoldenTrade -update")
	assert.Equal(t, string(want), string(got), "encoding changed; run go test -run TestGoldenTrade -update and review the diff")

	// Plain slices marshal as plain arrays; the models' tags name the
	// gateway's wrapper, which the fake gateway writes.
	assert.Contains(t, string(got), `"orders": [`)
	assert.NotContains(t, string(got), `"order": [`)
	f, ok := reflect.TypeFor[taobao.Trade]().FieldByName("Orders")
	require.True(t, ok)
	assert.Equal(t, "order", f.Tag.Get("top"))

	var back taobao.Trade
	require.NoError(t, json.Unmarshal(want, &back))
	assert.Equal(t, tr, back)

	// And it reads back as a fullinfo answer.
	dec, err := taobao.DecodeTrade(mFullInfo, wrap(mFullInfo, `{"trade":`+string(want)+`}`))
	require.NoError(t, err)
	assert.Equal(t, tr, *dec)
}

func TestTradeOptionsValidate(t *testing.T) {
	start := taobao.NewTime(gmt8(2024, 3, 1, 0, 0, 0))
	tests := []struct {
		name   string
		method string
		opts   taobao.Validator
		param  string // "" when valid
	}{
		{"get nil", mFullInfo, (*taobao.TradeGetOptions)(nil), ""},
		{"get fields", mFullInfo, &taobao.TradeGetOptions{Fields: []string{"tid", "orders.title"}, IncludeOaid: true}, ""},
		{"get empty field", mFullInfo, &taobao.TradeGetOptions{Fields: []string{"tid", ""}}, "fields"},
		{"get comma", mGet, &taobao.TradeGetOptions{Fields: []string{"tid,status"}}, "fields"},
		{"get space", mGet, &taobao.TradeGetOptions{Fields: []string{"tid "}}, "fields"},
		{"get include_oaid", mGet, &taobao.TradeGetOptions{IncludeOaid: true}, "include_oaid"},

		{"sold nil", mSold, (*taobao.SoldListOptions)(nil), ""},
		{"sold full", mSold, &taobao.SoldListOptions{Fields: taobao.TradeSoldFields, StartCreated: start,
			EndCreated: taobao.NewTime(start.AddDate(0, 1, 0)), Status: taobao.TradeStatusAllClosed,
			Type: []taobao.TradeType{"fixed", "tmall_i18n"}, ListOptions: taobao.ListOptions{PageNo: 3, PageSize: 100, UseHasNext: true}}, ""},
		{"sold page_size", mSold, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 101}}, "page_size"},
		{"sold negative page_size", mSold, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: -1}}, "page_size"},
		{"sold page_no", mSold, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageNo: -1}}, "page_no"},
		{"sold reversed", mSold, &taobao.SoldListOptions{StartCreated: start, EndCreated: taobao.NewTime(start.Add(-time.Second))}, "end_created"},
		{"sold type", mSold, &taobao.SoldListOptions{Type: []taobao.TradeType{"fixed,auction"}}, "type"},

		{"increment nil", mIncrement, (*taobao.IncrementListOptions)(nil), "start_modified"},
		{"increment day", mIncrement, &taobao.IncrementListOptions{StartModified: start, EndModified: taobao.NewTime(start.Add(24 * time.Hour))}, ""},
		{"increment no start", mIncrement, &taobao.IncrementListOptions{EndModified: start}, "start_modified"},
		{"increment no end", mIncrement, &taobao.IncrementListOptions{StartModified: start}, "end_modified"},
		{"increment equal", mIncrement, &taobao.IncrementListOptions{StartModified: start, EndModified: start}, "end_modified"},
		{"increment too long", mIncrement, &taobao.IncrementListOptions{StartModified: start,
			EndModified: taobao.NewTime(start.Add(24*time.Hour + time.Second))}, "end_modified"},
		{"increment page_size", mIncrement, &taobao.IncrementListOptions{StartModified: start,
			EndModified: taobao.NewTime(start.Add(time.Minute)), ListOptions: taobao.ListOptions{PageSize: 1000}}, "page_size"},
		{"increment fields", mIncrement, &taobao.IncrementListOptions{Fields: []string{""}, StartModified: start,
			EndModified: taobao.NewTime(start.Add(time.Minute))}, "fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkValidate(t, tt.method, tt.opts, tt.param)
		})
	}
}

// checkValidate runs validation and checks it names param (or passes when
// param is empty) and leaves the options as they were.
func checkValidate(t *testing.T, method string, opts taobao.Validator, param string) {
	t.Helper()
	before := deepCopy(t, opts)
	err := taobao.Validate(method, opts)
	if param == "" {
		assert.NoError(t, err)
	} else {
		require.Error(t, err)
		assert.ErrorIs(t, err, taobao.ErrInvalidArgument)
		assert.Contains(t, err.Error(), method)
		assert.Contains(t, err.Error(), param)
	}
	assert.Equal(t, before, opts, "validation must not modify the options")
}

// deepCopy copies opts through reflection so that slices are not shared.
func deepCopy(t *testing.T, opts any) any {
	v := reflect.ValueOf(opts)
	if v.IsNil() {
		return opts
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	for i := range c.Elem().NumField() {
		f := c.Elem().Field(i)
		if f.Kind() == reflect.Slice && !f.IsNil() {
			s := reflect.MakeSlice(f.Type(), f.Len(), f.Len())
			reflect.Copy(s, f)
			f.Set(s)
		}
	}
	return c.Interface()
}

func TestTradeOptionsEncoding(t *testing.T) {
	start := taobao.NewTime(gmt8(2024, 3, 1, 8, 0, 0))
	tests := []struct {
		name string
		opts any
		want string
	}{
		{"get defaults", (*taobao.TradeGetOptions)(nil).WithFields(taobao.TradeGetFields),
			"fields=" + strings.Join(taobao.TradeGetFields, ",")},
		{"get", (&taobao.TradeGetOptions{Fields: []string{"tid", "orders"}, IncludeOaid: true}).WithFields(taobao.TradeFullFields),
			"fields=tid,orders&include_oaid=true"},
		{"sold", (&taobao.SoldListOptions{StartCreated: start, Status: taobao.TradeStatusAllWaitPay,
			Type: []taobao.TradeType{"fixed", "step"}, BuyerOpenUID: "AAHk5d", ListOptions: taobao.ListOptions{PageNo: 2, PageSize: 50, UseHasNext: true}}).
			WithFields([]string{"tid"}),
			"buyer_open_id=AAHk5d&fields=tid&page_no=2&page_size=50&start_created=2024-03-01 08:00:00&status=ALL_WAIT_PAY&type=fixed,step&use_has_next=true"},
		{"increment", (&taobao.IncrementListOptions{StartModified: start, EndModified: taobao.NewTime(start.Add(30 * time.Minute)),
			BuyerOpenUID: "x"}).WithFields([]string{"tid", "modified"}),
			"buyer_open_uid=x&end_modified=2024-03-01 08:30:00&fields=tid,modified&start_modified=2024-03-01 08:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertQuery(t, tt.want, tt.opts)
		})
	}
}

// assertQuery checks the form values opts encodes to, written as an
// unescaped, sorted query string.
func assertQuery(t *testing.T, want string, opts any) {
	t.Helper()
	v, err := query.Values(opts)
	require.NoError(t, err)
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		require.Len(t, v[k], 1, k)
		parts = append(parts, k+"="+v.Get(k))
	}
	assert.Equal(t, want, strings.Join(parts, "&"))
}

func TestWithFieldsKeepsCaller(t *testing.T) {
	o := &taobao.SoldListOptions{BuyerNick: "a"}
	c := o.WithFields(taobao.TradeSoldFields)
	assert.Nil(t, o.Fields)
	assert.Equal(t, taobao.TradeSoldFields, c.Fields)
	assert.Equal(t, "a", c.BuyerNick)
	mine := []string{"tid"}
	o.Fields = mine
	assert.Equal(t, mine, o.WithFields(taobao.TradeSoldFields).Fields)
}

func FuzzDecodeTradePage(f *testing.F) {
	for _, name := range []string{
		"taobao.trades.sold.get.json", "taobao.trades.sold.get.single.json",
		"taobao.trades.sold.get.simplify.reconstructed.json", "taobao.trades.sold.increment.get.reconstructed.json",
		"taobao.trade.fullinfo.get.json", "error_response.7.app-call-limited.json",
	} {
		f.Add(fixture(f, name))
	}
	f.Add([]byte(nestedPage))
	f.Add([]byte(`{"trades_sold_get_response":{"trades":{"trade":[{"orders":{"order":[{}]}}]}}`))
	f.Add([]byte(`{"trades_sold_get_response":{"trades":[`))
	f.Fuzz(func(t *testing.T, body []byte) {
		checkFastMatchesSlow(t, mSold, body)
		p, err := taobao.DecodeTradePage(mSold, body)
		if err == nil && p == nil {
			t.Fatal("nil page without error")
		}
		if err != nil && p != nil {
			t.Fatal("page with error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "taobao: ") {
			t.Fatalf("error without the package prefix: %v", err)
		}
	})
}

// benchPage builds a trades_sold_get_response page of n trades, each with
// the fields of the 2020 real sample and two orders.
func benchPage(tb testing.TB, n int) []byte {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(fixture(tb, "taobao.trade.fullinfo.get.trade-object-2020.json")))
	dec.UseNumber()
	var sample map[string]any
	require.NoError(tb, dec.Decode(&sample))
	order := sample["orders"].(map[string]any)["order"].([]any)[0].(map[string]any)
	trades := make([]any, 0, n)
	for i := range n {
		tid := int64(1347456243421196949) + int64(i)*1000
		tr := maps(sample)
		tr["tid"] = json.Number(strconv.FormatInt(tid, 10))
		tr["tid_str"] = strconv.FormatInt(tid, 10)
		tr["sid"] = strconv.FormatInt(tid, 10)
		var orders []any
		for j := range 2 {
			o := maps(order)
			o["oid"] = json.Number(strconv.FormatInt(tid+int64(j), 10))
			o["num"] = json.Number(strconv.Itoa(j + 1))
			orders = append(orders, o)
		}
		tr["orders"] = map[string]any{"order": orders}
		trades = append(trades, tr)
	}
	body := map[string]any{"trades_sold_get_response": map[string]any{
		"total_results": n, "trades": map[string]any{"trade": trades}, "request_id": "s7ezljq8tz3j"}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(tb, enc.Encode(body))
	return buf.Bytes()
}

func maps(m map[string]any) map[string]any {
	c := make(map[string]any, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// baselineType builds, from the 2020 sample, the struct a hand-written
// client would decode the same page into with plain encoding/json: one
// field per member, strings for money and times, int64 ids, bools, and
// wrapper structs for the lists.
func baselineType(tb testing.TB) reflect.Type {
	tb.Helper()
	dec := json.NewDecoder(bytes.NewReader(fixture(tb, "taobao.trade.fullinfo.get.trade-object-2020.json")))
	dec.UseNumber()
	var sample map[string]any
	require.NoError(tb, dec.Decode(&sample))
	var structOf func(m map[string]any) reflect.Type
	structOf = func(m map[string]any) reflect.Type {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var fs []reflect.StructField
		for i, k := range keys {
			var typ reflect.Type
			switch v := m[k].(type) {
			case string:
				typ = reflect.TypeFor[string]()
			case json.Number:
				typ = reflect.TypeFor[int64]()
			case bool:
				typ = reflect.TypeFor[bool]()
			case map[string]any: // a list wrapper: {"order":[{...}]}
				for wk, wv := range v {
					elem := structOf(wv.([]any)[0].(map[string]any))
					typ = reflect.StructOf([]reflect.StructField{{Name: "Items", Type: reflect.SliceOf(elem), Tag: reflect.StructTag(`json:"` + wk + `"`)}})
				}
			default:
				tb.Fatalf("baseline: %s has unexpected %T", k, v)
			}
			fs = append(fs, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: typ, Tag: reflect.StructTag(`json:"` + k + `"`)})
		}
		return reflect.StructOf(fs)
	}
	trade := structOf(sample)
	trades := reflect.StructOf([]reflect.StructField{{Name: "Trade", Type: reflect.SliceOf(trade), Tag: `json:"trade"`}})
	resp := reflect.StructOf([]reflect.StructField{
		{Name: "TotalResults", Type: reflect.TypeFor[int64](), Tag: `json:"total_results"`},
		{Name: "Trades", Type: trades, Tag: `json:"trades"`},
		{Name: "HasNext", Type: reflect.TypeFor[bool](), Tag: `json:"has_next"`},
		{Name: "RequestID", Type: reflect.TypeFor[string](), Tag: `json:"request_id"`},
	})
	return reflect.StructOf([]reflect.StructField{{Name: "Resp", Type: resp, Tag: `json:"trades_sold_get_response"`}})
}

func TestBenchPage(t *testing.T) {
	body := benchPage(t, 100)
	p, err := taobao.DecodeTradePage(mSold, body)
	require.NoError(t, err)
	require.Len(t, p.Trades, 100)
	assert.Equal(t, int64(100), p.TotalResults)
	for i, tr := range p.Trades {
		require.Len(t, tr.Orders, 2)
		assert.Equal(t, int64(1347456243421196949)+int64(i)*1000, int64(tr.Tid))
		assert.Equal(t, tr.Tid+1, tr.Orders[1].Oid)
		assert.Equal(t, taobao.Money(180), tr.Payment)
	}
	// Sized as ListSold sizes it, for any page size asked for: the same.
	for _, size := range []int{1, 40, 100} {
		sized, err := taobao.DecodeTradePageSized(mSold, body, size)
		require.NoError(t, err)
		assert.Equal(t, p, sized, "sized for %d", size)
	}

	base := reflect.New(baselineType(t))
	require.NoError(t, json.Unmarshal(body, base.Interface()))
	trades := base.Elem().Field(0).Field(1).Field(0)
	assert.Equal(t, 100, trades.Len())
	assert.InDelta(t, 300_000, len(body), 50_000, "page size")
}

func BenchmarkDecodeTradePage(b *testing.B) {
	body := benchPage(b, 100)
	b.Run("taobao", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			p, err := taobao.DecodeTradePage(mSold, body)
			if err != nil || len(p.Trades) != 100 {
				b.Fatal(err)
			}
		}
	})
	b.Run("taobao-sized", func(b *testing.B) {
		// As ListSold decodes it: the list sized from the page size asked for.
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			p, err := taobao.DecodeTradePageSized(mSold, body, 100)
			if err != nil || len(p.Trades) != 100 {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json-path", func(b *testing.B) {
		// encoding/json over the wire struct, which calls each model's
		// UnmarshalJSON (the same generated decoder).
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			p, err := taobao.DecodeTradePageSlow(mSold, body)
			if err != nil || len(p.Trades) != 100 {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline", func(b *testing.B) {
		typ := baselineType(b)
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			v := reflect.New(typ).Interface()
			if err := json.Unmarshal(body, v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// checkFastMatchesSlow decodes body through both paths: when the
// single-pass decoder takes it, encoding/json must give the same trades.
// It reports whether the fast path took the body.
func checkFastMatchesSlow(t *testing.T, method string, body []byte) bool {
	t.Helper()
	// A fast decode that dropped nothing must match encoding/json exactly;
	// one that dropped values decoded an answer encoding/json rejects or
	// reads differently (a number kept as a string's text, say).
	if method == mFullInfo || method == mGet {
		fast, ok, dropped := taobao.DecodeTradeFast(method, body)
		slow, err := taobao.DecodeTradeSlow(method, body)
		if ok && fast != nil && dropped == 0 {
			require.NoError(t, err, "fast path took a body encoding/json rejects")
			require.Equal(t, slow, fast)
		}
		return ok
	}
	fast, ok, dropped := taobao.DecodeTradePageFast(method, body)
	slow, err := taobao.DecodeTradePageSlow(method, body)
	if ok && dropped == 0 {
		require.NoError(t, err, "fast path took a body encoding/json rejects")
		require.Equal(t, slow, fast)
	}
	return ok
}

func TestFastDecodeMatchesSlow(t *testing.T) {
	obj2020 := string(fixture(t, "taobao.trade.fullinfo.get.trade-object-2020.json"))
	golden := string(fixture(t, filepath.Join("golden", "trade.json")))
	tests := []struct {
		name   string
		method string
		body   []byte
		fast   bool // the fast path must take it
	}{
		{"sold", mSold, fixture(t, "taobao.trades.sold.get.json"), true},
		{"sold single", mSold, fixture(t, "taobao.trades.sold.get.single.json"), true},
		{"simplify (never asked for by the typed methods)", mSold, fixture(t, "taobao.trades.sold.get.simplify.reconstructed.json"), false},
		{"increment", mIncrement, fixture(t, "taobao.trades.sold.increment.get.reconstructed.json"), true},
		{"fullinfo 2014", mFullInfo, fixture(t, "taobao.trade.fullinfo.get.json"), true},
		{"fullinfo 2020", mFullInfo, wrap(mFullInfo, `{"trade":`+obj2020+`}`), true},
		{"golden", mGet, wrap(mGet, `{"trade":`+golden+`,"request_id":"x"}`), true},
		{"nested", mSold, []byte(nestedPage), true},
		{"bench page", mSold, benchPage(t, 3), true},
		{"unknown members", mSold, page(`{"tid":1,"brand_new_field":{"x":[1,{"y":null}]},"another":"z"}`), true},
		{"nulls", mSold, page(`{"tid":null,"title":null,"payment":null,"created":null,"buyer_rate":null,"orders":null,"trade_ext":null}`), true},
		{"empty lists", mSold, page(`{"orders":[],"promotion_details":{},"service_orders":{"service_order":[]},"service_tags":""}`), true},
		{"list member null", mSold, page(`{"orders":{"order":null}}`), true},
		{"null items", mSold, page(`{"orders":{"order":[null,{"oid":2}]},"receipt_rel_ids":[null,"a"]}`), true},
		{"quoted numbers", mSold, page(`{"tid":"3028689418086124","num":"","payment":12.5,"buyer_rate":"true","created":1389793201000}`), true},
		{"escapes", mSold, page(`{"tid":1,"pic_path":"http:\/\/img03.taobaocdn.com\/a.jpg","title":"\u68b3 \"x\""}`), true},
		{"white space", mSold, []byte(" {\n \"trades_sold_get_response\" : {\n\t\"trades\" : { \"trade\" : [ { \"tid\" : 1 } ] } } } \n"), true},
		{"invalid utf-8", mSold, page("{\"title\":\"a\xffb\"}"), true},
		{"upper-case name", mSold, page(`{"TID":5}`), true},
		{"folded name", mSold, page(`{"is_3d":true}`), true},
		{"escaped name", mSold, page(`{"t\u0069d":5}`), true},
		{"duplicate list", mSold, page(`{"orders":{"order":[{"oid":1}]},"orders":{"order":[{"num":2}]}}`), true},
		{"two list members", mSold, page(`{"orders":{"order":[{"oid":1}],"extra":[]}}`), true},
		{"duplicate object", mSold, page(`{"trade_ext":{"before_pay_flag":1},"trade_ext":{"extra_data":"x"}}`), true},
		{"bad money (dropped)", mSold, page(`{"payment":"1.234"}`), true},
		{"number for a string (kept as text)", mSold, page(`{"title":5}`), true},
		{"truncated", mSold, page(`{"tid":1`)[:60], false},
		{"two roots", mSold, []byte(`{"trades_sold_get_response":{"total_results":1},"x":{}}`), false},
		{"error", mSold, fixture(t, "error_response.7.app-call-limited.json"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok := checkFastMatchesSlow(t, tt.method, tt.body)
			assert.Equal(t, tt.fast, ok, "fast path taken")
		})
	}
}

func TestParseTradeTypes(t *testing.T) {
	all, err := taobao.ParseTradeTypes("all")
	require.NoError(t, err)
	assert.Contains(t, all, taobao.TradeTypeTmallI18n)
	assert.Contains(t, all, taobao.TradeTypeGuaranteeTrade)
	assert.NotContains(t, all, taobao.TradeTypeFixed, "guarantee_trade stands for fixed")
	def, err := taobao.ParseTradeTypes(" default ")
	require.NoError(t, err)
	assert.Equal(t, taobao.DefaultTradeTypes(), def)
	list, err := taobao.ParseTradeTypes("fixed, tmall_i18n,new_type")
	require.NoError(t, err)
	assert.Equal(t, []taobao.TradeType{"fixed", "tmall_i18n", "new_type"}, list)
	for _, bad := range []string{"", "fixed,,cod", "a b"} {
		_, err := taobao.ParseTradeTypes(bad)
		assert.ErrorContains(t, err, "comma-separated", bad)
	}
}
