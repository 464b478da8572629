package taobao_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// TestValidationBeforeTheNetwork checks every rule the SDK enforces itself:
// each is an ErrInvalidArgument naming the parameter, and no request leaves.
func TestValidationBeforeTheNetwork(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	ctx := context.Background()
	day := taobao.NewTime(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	after := func(d time.Duration) taobao.Time { return taobao.NewTime(day.Add(d)) }
	many := func(n int) []int64 {
		out := make([]int64, n)
		for i := range out {
			out[i] = int64(i + 1)
		}
		return out
	}
	tests := []struct {
		name  string
		call  func() error
		param string
	}{
		{"fullinfo tid zero", func() error { _, err := c.Trades.FullInfo(ctx, 0, nil); return err }, "tid"},
		{"get tid negative", func() error { _, err := c.Trades.Get(ctx, -1, nil); return err }, "tid"},
		{"fullinfo empty field", func() error {
			_, err := c.Trades.FullInfo(ctx, 1, &taobao.TradeGetOptions{Fields: []string{"tid", ""}})
			return err
		}, "fields"},
		{"get include_oaid", func() error {
			_, err := c.Trades.Get(ctx, 1, &taobao.TradeGetOptions{IncludeOaid: true})
			return err
		}, "include_oaid"},
		{"sold page size 101", func() error {
			_, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 101}})
			return err
		}, "page_size"},
		{"sold page size negative", func() error {
			_, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: -5}})
			return err
		}, "page_size"},
		{"sold reversed", func() error {
			_, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{StartCreated: after(time.Hour), EndCreated: day})
			return err
		}, "end_created"},
		{"sold field with comma", func() error {
			_, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid,status"}})
			return err
		}, "fields"},
		{"increment nil options", func() error { _, err := c.Trades.ListSoldIncrement(ctx, nil); return err }, "start_modified"},
		{"increment empty window", func() error {
			_, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{StartModified: day, EndModified: day})
			return err
		}, "end_modified"},
		{"increment reversed", func() error {
			_, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{StartModified: after(time.Hour), EndModified: day})
			return err
		}, "end_modified"},
		{"increment over a day", func() error {
			_, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{StartModified: day, EndModified: after(24*time.Hour + time.Second)})
			return err
		}, "end_modified"},
		{"increment page size", func() error {
			_, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{StartModified: day, EndModified: after(time.Hour),
				ListOptions: taobao.ListOptions{PageSize: 1000}})
			return err
		}, "page_size"},
		{"increment iterator", func() error {
			for _, err := range c.Trades.ListSoldIncrementIter(ctx, &taobao.IncrementListOptions{StartModified: day, EndModified: day}) {
				return err
			}
			return nil
		}, "end_modified"},
		{"sold iterator", func() error {
			for _, err := range c.Trades.ListSoldIter(ctx, &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 500}}) {
				return err
			}
			return nil
		}, "page_size"},
		{"trace tid", func() error { _, err := c.Logistics.Trace(ctx, 0, nil); return err }, "tid"},
		{"trace 51 sub_tids", func() error {
			_, err := c.Logistics.Trace(ctx, 1, &taobao.TraceOptions{IsSplit: true, SubTids: many(51)})
			return err
		}, "sub_tid"},
		{"send 51 sub_tids", func() error {
			_, err := c.Logistics.OfflineSend(ctx, 1, "SF100", "SF", &taobao.OfflineSendOptions{IsSplit: true, SubTids: many(51)})
			return err
		}, "sub_tid"},
		{"send tid", func() error { _, err := c.Logistics.OfflineSend(ctx, 0, "SF100", "SF", nil); return err }, "tid"},
		{"send waybill", func() error { _, err := c.Logistics.OfflineSend(ctx, 1, " ", "SF", nil); return err }, "out_sid"},
		{"send company", func() error { _, err := c.Logistics.OfflineSend(ctx, 1, "SF100", "", nil); return err }, "company_code"},
		{"21 company fields", func() error {
			f := make([]string, 21)
			for i := range f {
				f[i] = "f" + strconv.Itoa(i)
			}
			_, err := c.Logistics.ListCompanies(ctx, &taobao.CompaniesOptions{Fields: f})
			return err
		}, "fields"},
		{"orders page size", func() error {
			_, err := c.Logistics.ListOrders(ctx, &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{PageSize: 101}})
			return err
		}, "page_size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tt.param)
			assert.True(t, strings.HasPrefix(err.Error(), "taobao: "), err.Error())
		})
	}
	assert.Zero(t, srv.Calls("*"), "no request may reach the gateway")
}

// pagedTrades serves taobao.trades.sold.get from a fixed list, in pages, and
// records the page numbers asked for.
func pagedTrades(srv *taobaotest.Server, trades []taobao.Trade, failPage int) *[]int {
	var pages []int
	srv.Handle(taobao.MethodTradesSold, func(r *taobaotest.Request) (any, error) {
		no, _ := strconv.Atoi(r.Params.Get("page_no"))
		size, _ := strconv.Atoi(r.Params.Get("page_size"))
		if no == 0 {
			no = 1
		}
		if size == 0 {
			size = 40
		}
		pages = append(pages, no)
		if no == failPage {
			return nil, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isv.invalid-parameter:page_no"}
		}
		lo := min((no-1)*size, len(trades))
		hi := min(lo+size, len(trades))
		out := map[string]any{"trades": []taobao.Trade(trades[lo:hi])}
		if r.Params.Get("use_has_next") == "true" {
			out["has_next"] = hi < len(trades)
		} else {
			out["total_results"] = len(trades)
		}
		return out, nil
	})
	return &pages
}

func makeTrades(n int) []taobao.Trade {
	base := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	out := make([]taobao.Trade, n)
	for i := range out {
		out[i] = taobao.Trade{
			Tid:     int64(1347456243421196949 - int64(i)),
			Status:  taobao.TradeStatusWaitSellerSendGoods,
			Payment: taobao.Money(10000 + i),
			Created: taobao.NewTime(base.Add(-time.Duration(i) * time.Minute)),
		}
	}
	return out
}

func TestListSoldIter(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	trades := makeTrades(250)
	pages := pagedTrades(srv, trades, 0)
	c := srv.Client(session)
	opts := &taobao.SoldListOptions{Fields: []string{"tid", "status", "payment", "created"}, ListOptions: taobao.ListOptions{PageSize: 100}}
	var got []int64
	for tr, err := range c.Trades.ListSoldIter(context.Background(), opts) {
		require.NoError(t, err)
		got = append(got, int64(tr.Tid))
		assert.Equal(t, trades[len(got)-1].Payment, tr.Payment)
	}
	require.Len(t, got, 250)
	for i, tid := range got {
		assert.Equal(t, int64(trades[i].Tid), tid, "in order, each once")
	}
	assert.Equal(t, []int{1, 2, 3}, *pages)
	assert.Equal(t, &taobao.SoldListOptions{Fields: []string{"tid", "status", "payment", "created"}, ListOptions: taobao.ListOptions{PageSize: 100}}, opts,
		"the caller's options are unchanged")
	for _, call := range srv.CallLog() {
		assert.Equal(t, "true", call.Params.Get("use_has_next"))
		assert.Equal(t, "tid,status,payment,created", call.Params.Get("fields"))
	}

	// The iterator can be ranged over again: it starts from the first page.
	n := 0
	for _, err := range c.Trades.ListSoldIter(context.Background(), opts) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 250, n)
}

func TestListSoldIterBreakMakesOneCall(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	pagedTrades(srv, makeTrades(250), 0)
	c := srv.Client(session)
	for tr, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 100}}) {
		require.NoError(t, err)
		require.NotNil(t, tr)
		break
	}
	assert.Equal(t, 1, srv.Calls(taobao.MethodTradesSold))
}

func TestListSoldIterErrorOnPage2(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	pagedTrades(srv, makeTrades(250), 2)
	c := srv.Client(session)
	var trades, errs int
	var last error
	for tr, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 100}}) {
		if err != nil {
			errs++
			last = err
			assert.Nil(t, tr)
			continue
		}
		trades++
	}
	assert.Equal(t, 100, trades)
	assert.Equal(t, 1, errs, "the error is yielded once and iteration ends")
	assert.ErrorIs(t, last, taobao.ErrInvalidArgument)
	assert.Equal(t, 2, srv.Calls(taobao.MethodTradesSold))
}

func TestListSoldIterIsPaced(t *testing.T) {
	srv, session := newFake(t)
	pagedTrades(srv, makeTrades(250), 0)
	synctest.Test(t, func(t *testing.T) {
		c := srv.Client(session, inProcess(srv, taobao.WithRateLimit(1, 1))...)
		start := time.Now()
		n := 0
		for _, err := range c.Trades.ListSoldIter(context.Background(), &taobao.SoldListOptions{ListOptions: taobao.ListOptions{PageSize: 100}}) {
			require.NoError(t, err)
			n++
		}
		assert.Equal(t, 250, n)
		assert.InDelta(t, 2*time.Second, time.Since(start), float64(3*time.Microsecond), "three pages at one call a second")
	})
}

func TestListSoldPageAndDefaults(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	pagedTrades(srv, makeTrades(120), 0)
	c := srv.Client(session)
	p, err := c.Trades.ListSold(context.Background(), nil)
	require.NoError(t, err)
	assert.Len(t, p.Trades, 40)
	assert.EqualValues(t, 120, p.TotalResults)
	assert.False(t, p.HasNext)
	assert.NotEmpty(t, p.RequestID)
	log := srv.CallLog()
	require.Len(t, log, 1)
	assert.Equal(t, strings.Join(taobao.TradeSoldFields, ","), log[0].Params.Get("fields"), "nil options ask for every list field")
}

func TestOfflineSendOutcomeUnknown(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	srv.Handle(taobao.MethodLogisticsOfflineSend, func(r *taobaotest.Request) (any, error) {
		return map[string]any{"shipping": map[string]bool{"is_success": true}}, nil
	})
	c := srv.Client(session, taobao.WithHTTPClient(&http.Client{Transport: failAfterSend{srv.Transport()}}))
	_, err := c.Logistics.OfflineSend(context.Background(), 42, "SF1234567890", "SF", nil)
	require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "may or may not have been recorded")
	assert.Contains(t, err.Error(), "ErrAlreadyShipped")
	assert.Equal(t, 1, srv.Calls(taobao.MethodLogisticsOfflineSend), "a write is never retried after it was sent")

	srv.FailNext(taobao.MethodLogisticsOfflineSend, 1, &taobao.APIError{Code: 15, Msg: "Remote service error",
		SubCode: "isv.logistics-offline-service-error:B04", SubMsg: "该物流订单已经发货或者已关闭，不能重复发货"})
	ok := srv.Client(session)
	_, err = ok.Logistics.OfflineSend(context.Background(), 42, "SF1234567890", "SF", nil)
	require.ErrorIs(t, err, taobao.ErrAlreadyShipped)
	assert.False(t, errors.Is(err, taobao.ErrOutcomeUnknown))

	res, err := ok.Logistics.OfflineSend(context.Background(), 42, "SF1234567890", "SF", nil)
	require.NoError(t, err)
	assert.True(t, bool(res.IsSuccess))
	form := srv.CallLog()[len(srv.CallLog())-1].Params
	assert.Equal(t, "42", form.Get("tid"))
	assert.Equal(t, "SF1234567890", form.Get("out_sid"))
	assert.Equal(t, "SF", form.Get("company_code"))
}

// TestEveryExportedFieldSetIsACopy overwrites an element of every exported
// field set and appends to it, then checks that each method still asks for
// the fields it asked for before: the SDK reads its own copies. It changes
// package variables, so it does not run in parallel, and puts them back
// before the parallel tests start.
func TestEveryExportedFieldSetIsACopy(t *testing.T) {
	sets := []*[]string{&taobao.TradeFullFields, &taobao.TradeGetFields, &taobao.TradeSoldFields,
		&taobao.TradeIncrementFields, &taobao.TradeListFields, &taobao.ShippingFields,
		&taobao.ShippingDetailFields, &taobao.CompanyFields}
	want := map[*[]string]string{}
	for _, p := range sets {
		orig := *p
		want[p] = strings.Join(orig, ",")
		saved := slices.Clone(orig)
		t.Cleanup(func() { copy(orig, saved); *p = orig })
		orig[0] = "overwritten"
		*p = append(orig, "appended")
	}
	srv, session := newFake(t, taobaotest.WithCallLog(100))
	c := srv.Client(session)
	ctx := context.Background()
	start := taobao.NewTime(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	end := taobao.NewTime(start.Add(time.Hour))
	tests := []struct {
		method string
		set    *[]string
		call   func() error
	}{
		{taobao.MethodTradeFullInfo, &taobao.TradeFullFields, func() error { _, err := c.Trades.FullInfo(ctx, 1, nil); return err }},
		{taobao.MethodTradeGet, &taobao.TradeGetFields, func() error { _, err := c.Trades.Get(ctx, 1, nil); return err }},
		{taobao.MethodTradesSold, &taobao.TradeSoldFields, func() error { _, err := c.Trades.ListSold(ctx, nil); return err }},
		{taobao.MethodTradesSoldIncrement, &taobao.TradeIncrementFields, func() error {
			_, err := c.Trades.ListSoldIncrement(ctx, &taobao.IncrementListOptions{StartModified: start, EndModified: end})
			return err
		}},
		{taobao.MethodTradesSoldIncrementV, &taobao.TradeIncrementFields, func() error {
			_, err := c.Trades.ListSoldIncrementV(ctx, &taobao.IncrementVListOptions{StartCreate: start, EndCreate: end})
			return err
		}},
		{taobao.MethodLogisticsOrders, &taobao.ShippingFields, func() error { _, err := c.Logistics.ListOrders(ctx, nil); return err }},
		{taobao.MethodLogisticsOrdersDetail, &taobao.ShippingDetailFields, func() error {
			_, err := c.Logistics.ListOrderDetails(ctx, nil)
			return err
		}},
		{taobao.MethodLogisticsCompanies, &taobao.CompanyFields, func() error { _, err := c.Logistics.ListCompanies(ctx, nil); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			_ = tt.call() // the fake may not know trade 1: only the request matters
			log := srv.CallLog()
			require.NotEmpty(t, log)
			last := log[len(log)-1]
			require.Equal(t, tt.method, last.Method)
			assert.Equal(t, want[tt.set], last.Params.Get("fields"))
		})
	}
}

// A misspelled field name is refused before the network, with the likely
// name; the gateway would ignore it and the field would just be empty.
func TestUnknownFieldNamesAreRefused(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	ctx := context.Background()
	before := srv.Calls(taobao.MethodTradeFullInfo) + srv.Calls(taobao.MethodTradesSold)
	_, err := c.Trades.FullInfo(ctx, 1, &taobao.TradeGetOptions{Fields: []string{"tid", "recevier_name"}})
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.Contains(t, err.Error(), `"recevier_name" is not a field this method documents`)
	assert.Contains(t, err.Error(), `did you mean "receiver_name"?`)
	_, err = c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid", "orders.title", "zzz_unknown"}})
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.NotContains(t, err.Error(), "did you mean")
	assert.Equal(t, before, srv.Calls(taobao.MethodTradeFullInfo)+srv.Calls(taobao.MethodTradesSold), "nothing sent")
	_, err = c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid", "orders.title"}})
	require.NoError(t, err, "nested names of documented fields are fine")
}
