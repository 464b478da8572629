package taobao_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

const refundSeller = "refund-seller"

// newRefundFake starts a fake with one seller and no seeded trades.
func newRefundFake(t *testing.T, opts ...taobaotest.Option) (*taobaotest.Server, string) {
	t.Helper()
	srv := taobaotest.NewServer(append([]taobaotest.Option{taobaotest.WithSellers(refundSeller), taobaotest.WithTrades(0)}, opts...)...)
	t.Cleanup(srv.Close)
	return srv, srv.NewSession(refundSeller)
}

// lastCall returns the last logged call of method.
func lastCall(t *testing.T, srv *taobaotest.Server, method string) taobaotest.Call {
	t.Helper()
	log := srv.CallLog()
	for i := len(log) - 1; i >= 0; i-- {
		if log[i].Method == method {
			return log[i]
		}
	}
	require.FailNow(t, "no call of "+method)
	return taobaotest.Call{}
}

// addRefunds creates n refunds (WAIT_SELLER_AGREE), each on the second
// order of a new paid trade of type typ, and returns their ids.
func addRefunds(t testing.TB, srv *taobaotest.Server, typ taobao.TradeType, n int) []int64 {
	t.Helper()
	ids := make([]int64, 0, n)
	for range n {
		tr := srv.AddTrade(refundSeller, taobao.Trade{Type: typ, Status: taobao.TradeStatusWaitSellerSendGoods, Payment: 3000, Orders: []taobao.Order{
			{Title: "杯子", Num: 1, Price: 1000, TotalFee: 1000, Payment: 1000, Status: taobao.OrderStatusWaitSellerSendGoods},
			{Title: "茶壶", Num: 2, Price: 1000, TotalFee: 2000, Payment: 2000, Status: taobao.OrderStatusWaitSellerSendGoods},
		}})
		require.NoError(t, srv.RefundOrder(tr.Tid, tr.Orders[1].Oid, taobao.RefundStatusWaitSellerAgree))
		got, ok := srv.Trade(tr.Tid)
		require.True(t, ok)
		id, err := strconv.ParseInt(got.Orders[1].RefundID, 10, 64)
		require.NoError(t, err)
		ids = append(ids, id)
	}
	return ids
}

func TestListReceived(t *testing.T) {
	t.Parallel()
	srv, session := newRefundFake(t)
	ids := addRefunds(t, srv, taobao.TradeTypeFixed, 3)
	c := srv.Client(session)
	p, err := c.Refunds.ListReceived(context.Background(), nil)
	require.NoError(t, err)
	assert.EqualValues(t, 3, p.TotalResults)
	assert.NotEmpty(t, p.RequestID)
	require.Len(t, p.Refunds, 3)
	truth := srv.Refunds(refundSeller)
	for i, r := range p.Refunds {
		assert.Contains(t, ids, r.RefundID)
		want := truth[i]
		assert.Equal(t, want.RefundID, r.RefundID)
		assert.Equal(t, taobao.Money(2000), r.RefundFee, "money exact, in fen")
		assert.Equal(t, taobao.RefundStatusWaitSellerAgree, r.Status)
		assert.Equal(t, want.RefundVersion, r.RefundVersion)
		assert.Equal(t, want.RefundPhase, r.RefundPhase)
		assert.True(t, want.Modified.Equal(r.Modified.Time))
		assert.Empty(t, r.Address, "refund.get's field, not the list's")
	}

	// Filters go out as the docs name them.
	p, err = c.Refunds.ListReceived(context.Background(), &taobao.RefundListOptions{
		Fields: []string{"refund_id"}, Status: taobao.RefundStatusSuccess, Type: []taobao.TradeType{taobao.TradeTypeFixed},
	})
	require.NoError(t, err)
	assert.Empty(t, p.Refunds)
	assert.Equal(t, "SUCCESS", lastCall(t, srv, taobao.MethodRefundsReceive).Params.Get("status"))
	assert.Equal(t, "fixed", lastCall(t, srv, taobao.MethodRefundsReceive).Params.Get("type"))
}

func TestListReceivedIter(t *testing.T) {
	t.Parallel()
	srv, session := newRefundFake(t)
	ids := addRefunds(t, srv, taobao.TradeTypeFixed, 5)
	c := srv.Client(session)
	opts := &taobao.RefundListOptions{ListOptions: taobao.ListOptions{PageSize: 2}}
	var got []int64
	for r, err := range c.Refunds.ListReceivedIter(context.Background(), opts) {
		require.NoError(t, err)
		got = append(got, r.RefundID)
	}
	assert.ElementsMatch(t, ids, got)
	assert.Equal(t, 3, srv.Calls(taobao.MethodRefundsReceive))
	assert.False(t, opts.UseHasNext, "the caller's options are not changed")

	for range c.Refunds.ListReceivedIter(context.Background(), opts) {
		break
	}
	assert.Equal(t, 4, srv.Calls(taobao.MethodRefundsReceive), "breaking stops the calls")

	srv.FailNext(taobao.MethodRefundsReceive, 1, &taobao.APIError{Code: 27, Msg: "Invalid session"})
	n := 0
	for _, err := range c.Refunds.ListReceivedIter(context.Background(), opts) {
		n++
		assert.ErrorIs(t, err, taobao.ErrInvalidSession)
	}
	assert.Equal(t, 1, n, "the error is yielded once")
}

func TestRefundGet(t *testing.T) {
	t.Parallel()
	srv, session := newRefundFake(t)
	ids := addRefunds(t, srv, taobao.TradeTypeFixed, 1)
	require.NoError(t, srv.AdvanceRefund(ids[0], taobao.RefundStatusWaitBuyerReturnGoods))
	c := srv.Client(session)
	got, err := c.Refunds.Get(context.Background(), ids[0], nil)
	require.NoError(t, err)
	truth, ok := srv.Refund(ids[0])
	require.True(t, ok)
	assert.Equal(t, truth, *got, "every documented field, read back exactly")
	assert.NotEmpty(t, got.Address)
	require.NotNil(t, got.RefundRemindTimeout)
	assert.True(t, got.RefundRemindTimeout.ExistTimeout)

	got, err = c.Refunds.Get(context.Background(), ids[0], &taobao.RefundGetOptions{Fields: []string{"refund_id", "status"}})
	require.NoError(t, err)
	assert.Equal(t, taobao.Refund{RefundID: ids[0], Status: taobao.RefundStatusWaitBuyerReturnGoods}, *got)

	_, err = c.Refunds.Get(context.Background(), 12345, nil)
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "isv.refund-not-exist", apiErr.SubCode)
	assert.Contains(t, err.Error(), taobao.MethodRefundGet)
	assert.Contains(t, err.Error(), apiErr.RequestID)
	assert.Regexp(t, `^taobao: `, err.Error())
	assert.False(t, taobao.IsRetryable(err))
}

// TestRefundIDFromStringOrNumber: the docs give refund_id as a String; the
// SDK reads it from a string or a number, keeps it an int64, and never
// passes it through float64.
func TestRefundIDFromStringOrNumber(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"string": `{"refund_id":"98765432109876543","refund_fee":"12.30","refund_version":"1764000000123","cs_status":"3"}`,
		"number": `{"refund_id":98765432109876543,"refund_fee":"12.30","refund_version":1764000000123,"cs_status":3}`,
	} {
		t.Run(name, func(t *testing.T) {
			var r taobao.Refund
			require.NoError(t, json.Unmarshal([]byte(body), &r))
			assert.Equal(t, int64(98765432109876543), r.RefundID)
			assert.Equal(t, taobao.Money(1230), r.RefundFee)
			assert.Equal(t, int64(1764000000123), r.RefundVersion)
			assert.Equal(t, taobao.CSStatusIntervened, r.CSStatus)
		})
	}
	// Through the client, with the gateway answering the documented string.
	srv, session := newRefundFake(t)
	srv.Handle(taobao.MethodRefundGet, func(*taobaotest.Request) (any, error) {
		return json.RawMessage(`{"refund":{"refund_id":"98765432109876543","status":"SUCCESS","refund_phase":"aftersale","dispute_type":"REFUND_AND_RETURN","combine_item_info":{"combine_sub_item_do":[{"num_iid":"123","sku_id":"sku-1","quantity":2}]}}}`), nil
	})
	r, err := srv.Client(session).Refunds.Get(context.Background(), 98765432109876543, nil)
	require.NoError(t, err)
	assert.Equal(t, int64(98765432109876543), r.RefundID)
	assert.Equal(t, taobao.RefundPhaseAftersale, r.RefundPhase)
	assert.Equal(t, taobao.DisputeTypeRefundAndReturn, r.DisputeType)
	assert.Equal(t, []taobao.RefundCombineItem{{NumIid: 123, SkuID: "sku-1", Quantity: 2}}, r.CombineItemInfo)
	assert.Equal(t, "98765432109876543", lastCall(t, srv, taobao.MethodRefundGet).Params.Get("refund_id"))
}

// TestRefundValidation: bad arguments are refused before the network,
// with an error naming what was wrong.
func TestRefundValidation(t *testing.T) {
	t.Parallel()
	srv, session := newRefundFake(t)
	c := srv.Client(session)
	ctx := context.Background()
	many := make([]string, 101)
	for i := range many {
		many[i] = fmt.Sprint("f", i)
	}
	start, err := taobao.ParseTime("2026-11-02 10:00:00")
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		call  func() error
		param string
	}{
		{"get: zero id", func() error { _, err := c.Refunds.Get(ctx, 0, nil); return err }, "refund_id"},
		{"get: negative id", func() error { _, err := c.Refunds.Get(ctx, -5, nil); return err }, "refund_id"},
		{"get: blank field", func() error {
			_, err := c.Refunds.Get(ctx, 1, &taobao.RefundGetOptions{Fields: []string{"refund_id", ""}})
			return err
		}, "fields"},
		{"get: too many fields", func() error { _, err := c.Refunds.Get(ctx, 1, &taobao.RefundGetOptions{Fields: many}); return err }, "fields"},
		{"list: unknown status", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{Status: "WAITING"})
			return err
		}, "status"},
		{"list: no refund is no filter", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{Status: taobao.RefundStatusNoRefund})
			return err
		}, "status"},
		{"list: type with a comma", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{Type: []taobao.TradeType{"fixed,cod"}})
			return err
		}, "type"},
		{"list: end before start", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{StartModified: start, EndModified: taobao.NewTime(start.Add(-time.Second))})
			return err
		}, "end_modified"},
		{"list: page size", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{ListOptions: taobao.ListOptions{PageSize: 101}})
			return err
		}, "page_size"},
		{"list: too many fields", func() error {
			_, err := c.Refunds.ListReceived(ctx, &taobao.RefundListOptions{Fields: many})
			return err
		}, "fields"},
		{"iter: unknown status", func() error {
			for _, err := range c.Refunds.ListReceivedIter(ctx, &taobao.RefundListOptions{Status: "closed"}) {
				return err
			}
			return nil
		}, "status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), tc.param)
			assert.Regexp(t, `^taobao: `, err.Error())
		})
	}
	assert.Zero(t, srv.Calls(taobao.MethodRefundGet)+srv.Calls(taobao.MethodRefundsReceive), "no request reached the gateway")
	assert.NoError(t, taobao.ValidateRefundList(nil), "nil options are valid")
	assert.NoError(t, taobao.ValidateRefundList(&taobao.RefundListOptions{Status: taobao.RefundStatusWaitSellerConsignGoods}), "an exchange state is a documented filter")
}

// TestRefundErrorsAreClassified: a refund read is a read, so a back-end
// failure is retried; a refusal is not.
func TestRefundErrorsAreClassified(t *testing.T) {
	t.Parallel()
	srv, session := newRefundFake(t)
	ids := addRefunds(t, srv, taobao.TradeTypeFixed, 1)
	c := srv.Client(session)
	srv.FailNext(taobao.MethodRefundGet, 1, &taobao.APIError{Code: 15, Msg: "Remote service error", SubCode: "isp.top-remote-connection-timeout"})
	r, err := c.Refunds.Get(context.Background(), ids[0], nil)
	require.NoError(t, err, "retried")
	assert.Equal(t, ids[0], r.RefundID)
	assert.Equal(t, 2, srv.Calls(taobao.MethodRefundGet))

	srv.FailNext(taobao.MethodRefundsReceive, 1, &taobao.APIError{Code: 11, Msg: "Insufficient isv permissions", SubCode: "isv.permission-api-package-limit"})
	_, err = c.Refunds.ListReceived(context.Background(), nil)
	assert.ErrorIs(t, err, taobao.ErrPermissionDenied)
	assert.Equal(t, 1, srv.Calls(taobao.MethodRefundsReceive), "not retried")
	assert.False(t, errors.Is(err, taobao.ErrInvalidArgument))
}
