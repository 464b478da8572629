package taobao_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// paidTrade adds a paid trade of one order, waiting to be shipped.
func paidTrade(srv *taobaotest.Server, at time.Time, shipping taobao.ShippingType) taobao.Trade {
	return srv.AddTrade("shop", taobao.Trade{Status: taobao.TradeStatusWaitSellerSendGoods, ShippingType: shipping,
		Created: taobao.NewTime(at.Add(-time.Hour)), Modified: taobao.NewTime(at.Add(-time.Hour)),
		Orders: []taobao.Order{{Title: "x", Status: taobao.OrderStatusWaitSellerSendGoods}}})
}

func TestLogisticsWritesValidateBeforeTheNetwork(t *testing.T) {
	t.Parallel()
	srv, c, _ := writeFake(t)
	ctx := context.Background()
	many := func(n int) []int64 {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(i + 1)
		}
		return ids
	}
	tests := []struct {
		name, method, param string
		call                func() error
	}{
		{"online tid", taobao.MethodLogisticsOnlineSend, "tid", func() error { _, err := c.Logistics.OnlineSend(ctx, 0, "SF", nil); return err }},
		{"online company", taobao.MethodLogisticsOnlineSend, "company_code", func() error { _, err := c.Logistics.OnlineSend(ctx, 1, " ", nil); return err }},
		{"online blank waybill", taobao.MethodLogisticsOnlineSend, "out_sid", func() error {
			_, err := c.Logistics.OnlineSend(ctx, 1, "SF", &taobao.OnlineSendOptions{OutSid: "  "})
			return err
		}},
		{"online 21 sub tids", taobao.MethodLogisticsOnlineSend, "sub_tid", func() error {
			_, err := c.Logistics.OnlineSend(ctx, 1, "SF", &taobao.OnlineSendOptions{IsSplit: true, SubTids: many(21)})
			return err
		}},
		{"online split without ids", taobao.MethodLogisticsOnlineSend, "sub_tid", func() error {
			_, err := c.Logistics.OnlineSend(ctx, 1, "SF", &taobao.OnlineSendOptions{IsSplit: true})
			return err
		}},
		{"online sender", taobao.MethodLogisticsOnlineSend, "sender_id", func() error {
			_, err := c.Logistics.OnlineSend(ctx, 1, "SF", &taobao.OnlineSendOptions{SenderID: -1})
			return err
		}},
		{"confirm tid", taobao.MethodLogisticsOnlineConfirm, "tid", func() error { _, err := c.Logistics.OnlineConfirm(ctx, -5, "SF1", nil); return err }},
		{"confirm waybill", taobao.MethodLogisticsOnlineConfirm, "out_sid", func() error { _, err := c.Logistics.OnlineConfirm(ctx, 1, "", nil); return err }},
		{"confirm ids without split", taobao.MethodLogisticsOnlineConfirm, "is_split", func() error {
			_, err := c.Logistics.OnlineConfirm(ctx, 1, "SF1", &taobao.OnlineConfirmOptions{SubTids: []int64{3}})
			return err
		}},
		{"dummy tid", taobao.MethodLogisticsDummySend, "tid", func() error { _, err := c.Logistics.DummySend(ctx, 0, nil); return err }},
		{"resend tid below 1000", taobao.MethodLogisticsResend, "tid", func() error { _, err := c.Logistics.Resend(ctx, 999, "SF1", "SF", nil); return err }},
		{"resend waybill", taobao.MethodLogisticsResend, "out_sid", func() error { _, err := c.Logistics.Resend(ctx, 1000, "", "SF", nil); return err }},
		{"resend company", taobao.MethodLogisticsResend, "company_code", func() error { _, err := c.Logistics.Resend(ctx, 1000, "SF1", "", nil); return err }},
		{"resend 51 sub tids", taobao.MethodLogisticsResend, "sub_tid", func() error {
			_, err := c.Logistics.Resend(ctx, 1000, "SF1", "SF", &taobao.ResendOptions{IsSplit: true, SubTids: many(51)})
			return err
		}},
		{"resend bad sub tid", taobao.MethodLogisticsResend, "sub_tid", func() error {
			_, err := c.Logistics.Resend(ctx, 1000, "SF1", "SF", &taobao.ResendOptions{IsSplit: true, SubTids: []int64{0}})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, taobao.ErrInvalidArgument)
			assert.Contains(t, err.Error(), "taobao: "+tt.method+": invalid argument: "+tt.param)
			assert.Zero(t, srv.Calls(tt.method), "no request reaches the gateway")
		})
	}
}

func TestOnlineSendThenConfirm(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := paidTrade(srv, at, taobao.ShippingTypeExpress)
	tid := int64(tr.Tid)

	res, err := c.Logistics.OnlineSend(ctx, tid, "SF", nil)
	require.NoError(t, err)
	assert.True(t, bool(res.IsSuccess))
	got := truth(t, srv, tid)
	assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, got.Status, "no waybill: the trade does not ship yet")
	ships := srv.Shipments(tid)
	require.Len(t, ships, 1)
	assert.Empty(t, ships[0].OutSid)
	assert.Equal(t, "顺丰速运", ships[0].CompanyName)

	_, err = c.Logistics.OnlineSend(ctx, tid, "SF", nil)
	require.ErrorIs(t, err, taobao.ErrAlreadyShipped, "B27: the logistics order exists")

	_, err = c.Logistics.OnlineConfirm(ctx, tid, "SF1234567890123", nil)
	require.NoError(t, err)
	got = truth(t, srv, tid)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, got.Status)
	assert.Equal(t, "SF1234567890123", got.Orders[0].InvoiceNo)
	ships = srv.Shipments(tid)
	require.Len(t, ships, 1)
	assert.Equal(t, "SF1234567890123", ships[0].OutSid)

	_, err = c.Logistics.OnlineConfirm(ctx, tid, "SF1234567890123", nil)
	assert.ErrorIs(t, err, taobao.ErrAlreadyShipped)

	// With a waybill, the trade ships at once; a used waybill is refused.
	other := paidTrade(srv, at, taobao.ShippingTypeExpress)
	_, err = c.Logistics.OnlineSend(ctx, int64(other.Tid), "SF", &taobao.OnlineSendOptions{OutSid: "SF1234567890123"})
	require.ErrorIs(t, err, taobao.ErrInvalidWaybill)
	_, err = c.Logistics.OnlineSend(ctx, int64(other.Tid), "SF", &taobao.OnlineSendOptions{OutSid: " SF1234567890124 "})
	require.NoError(t, err)
	assert.Equal(t, "SF1234567890124", srv.CallLog()[len(srv.CallLog())-1].Params.Get("out_sid"))
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, truth(t, srv, int64(other.Tid)).Status)
}

func TestDummySend(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := paidTrade(srv, at, taobao.ShippingTypeVirtual)
	_, err := c.Logistics.DummySend(ctx, int64(tr.Tid), &taobao.DummySendOptions{SellerIP: "10.0.0.1"})
	require.NoError(t, err)
	assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, truth(t, srv, int64(tr.Tid)).Status)
	assert.Equal(t, "10.0.0.1", srv.CallLog()[len(srv.CallLog())-1].Params.Get("seller_ip"))
	_, err = c.Logistics.DummySend(ctx, int64(tr.Tid), nil)
	assert.ErrorIs(t, err, taobao.ErrAlreadyShipped)
	_, err = c.Logistics.DummySend(ctx, 4_000_000_000_000_000_001, nil)
	assert.ErrorIs(t, err, taobao.ErrNotFound)
}

func TestResend(t *testing.T) {
	t.Parallel()
	srv, c, at := writeFake(t)
	ctx := context.Background()
	tr := paidTrade(srv, at, taobao.ShippingTypeExpress)
	tid := int64(tr.Tid)
	_, err := c.Logistics.Resend(ctx, tid, "SF1234567890123", "SF", nil)
	require.Error(t, err, "not shipped yet")
	_, err = c.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
	require.NoError(t, err)

	_, err = c.Logistics.Resend(ctx, tid, "SF1234567890123", "SF", nil)
	require.ErrorIs(t, err, taobao.ErrNoChange, "P07: the same carrier and waybill")

	srv.Advance(time.Hour)
	_, err = c.Logistics.Resend(ctx, tid, "73012345678901", "ZTO", nil)
	require.NoError(t, err)
	ships := srv.Shipments(tid)
	require.Len(t, ships, 1)
	assert.Equal(t, "73012345678901", ships[0].OutSid)
	assert.Equal(t, "中通快递", ships[0].CompanyName)
	got := truth(t, srv, tid)
	assert.Equal(t, "73012345678901", got.Orders[0].InvoiceNo)
	assert.True(t, got.Modified.Equal(at.Add(time.Hour)))

	// A virtual shipment cannot change: P08, never retried.
	virtual := paidTrade(srv, at, taobao.ShippingTypeVirtual)
	_, err = c.Logistics.DummySend(ctx, int64(virtual.Tid), nil)
	require.NoError(t, err)
	before := srv.Calls(taobao.MethodLogisticsResend)
	_, err = c.Logistics.Resend(ctx, int64(virtual.Tid), "SF1234567890125", "SF", nil)
	var apiErr *taobao.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.True(t, strings.HasSuffix(apiErr.SubCode, ":P08"), apiErr.SubCode)
	assert.False(t, taobao.IsRetryable(err))
	assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
	assert.Equal(t, 1, srv.Calls(taobao.MethodLogisticsResend)-before)

	// Past 50 days of shipping by the seller's own carrier, no change.
	srv.Advance(51 * 24 * time.Hour)
	_, err = c.Logistics.Resend(ctx, tid, "SF1234567890126", "SF", nil)
	require.Error(t, err)
	assert.Equal(t, "73012345678901", srv.Shipments(tid)[0].OutSid)
}

// TestLogisticsWritesCutAnswer drives a cut answer for each logistics
// write, then the caller's retry, which answers the "already done"
// sentinel; the trade changed exactly once, at the first attempt.
func TestLogisticsWritesCutAnswer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name     string
		method   string
		shipping taobao.ShippingType
		prepare  func(t *testing.T, c *taobao.Client, tid int64)
		call     func(c *taobao.Client, tid int64) error
		sentinel error
		check    func(t *testing.T, srv *taobaotest.Server, tid int64)
	}{
		{"online send without waybill", taobao.MethodLogisticsOnlineSend, taobao.ShippingTypeExpress, nil,
			func(c *taobao.Client, tid int64) error {
				_, err := c.Logistics.OnlineSend(ctx, tid, "SF", nil)
				return err
			},
			taobao.ErrAlreadyShipped, func(t *testing.T, srv *taobaotest.Server, tid int64) {
				assert.Len(t, srv.Shipments(tid), 1)
				assert.Equal(t, taobao.TradeStatusWaitSellerSendGoods, truth(t, srv, tid).Status)
			}},
		{"online send with waybill", taobao.MethodLogisticsOnlineSend, taobao.ShippingTypeExpress, nil,
			func(c *taobao.Client, tid int64) error {
				_, err := c.Logistics.OnlineSend(ctx, tid, "SF", &taobao.OnlineSendOptions{OutSid: "SF1234567890123"})
				return err
			},
			taobao.ErrAlreadyShipped, func(t *testing.T, srv *taobaotest.Server, tid int64) {
				assert.Len(t, srv.Shipments(tid), 1)
				assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, truth(t, srv, tid).Status)
			}},
		{"online confirm", taobao.MethodLogisticsOnlineConfirm, taobao.ShippingTypeExpress,
			func(t *testing.T, c *taobao.Client, tid int64) {
				_, err := c.Logistics.OnlineSend(ctx, tid, "SF", nil)
				require.NoError(t, err)
			},
			func(c *taobao.Client, tid int64) error {
				_, err := c.Logistics.OnlineConfirm(ctx, tid, "SF1234567890123", nil)
				return err
			},
			taobao.ErrAlreadyShipped, func(t *testing.T, srv *taobaotest.Server, tid int64) {
				require.Len(t, srv.Shipments(tid), 1)
				assert.Equal(t, "SF1234567890123", srv.Shipments(tid)[0].OutSid)
			}},
		{"dummy send", taobao.MethodLogisticsDummySend, taobao.ShippingTypeVirtual, nil,
			func(c *taobao.Client, tid int64) error { _, err := c.Logistics.DummySend(ctx, tid, nil); return err },
			taobao.ErrAlreadyShipped, func(t *testing.T, srv *taobaotest.Server, tid int64) {
				assert.Equal(t, taobao.TradeStatusWaitBuyerConfirmGoods, truth(t, srv, tid).Status)
			}},
		{"resend", taobao.MethodLogisticsResend, taobao.ShippingTypeExpress,
			func(t *testing.T, c *taobao.Client, tid int64) {
				_, err := c.Logistics.OfflineSend(ctx, tid, "SF1234567890123", "SF", nil)
				require.NoError(t, err)
			},
			func(c *taobao.Client, tid int64) error {
				_, err := c.Logistics.Resend(ctx, tid, "73012345678901", "ZTO", nil)
				return err
			},
			taobao.ErrNoChange, func(t *testing.T, srv *taobaotest.Server, tid int64) {
				require.Len(t, srv.Shipments(tid), 1)
				assert.Equal(t, "73012345678901", srv.Shipments(tid)[0].OutSid)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, c, at := writeFake(t)
			tid := int64(paidTrade(srv, at, tt.shipping).Tid)
			if tt.prepare != nil {
				srv.Advance(time.Minute)
				tt.prepare(t, c, tid)
			}
			first := truth(t, srv, tid).Modified
			srv.Advance(time.Minute)
			srv.TruncateNext(tt.method, 1)
			err := tt.call(c, tid)
			require.ErrorIs(t, err, taobao.ErrOutcomeUnknown)
			assert.False(t, taobao.IsRetryable(err))
			assert.Equal(t, 1, srv.Calls(tt.method), "never retried once sent")
			changed := truth(t, srv, tid).Modified

			srv.Advance(time.Minute)
			err = tt.call(c, tid)
			require.ErrorIs(t, err, tt.sentinel, "the retry tells the caller the first attempt went through")
			assert.NotErrorIs(t, err, taobao.ErrOutcomeUnknown)
			tt.check(t, srv, tid)
			assert.True(t, truth(t, srv, tid).Modified.Equal(changed.Time), "the retry changed nothing")
			if tt.name != "online send without waybill" {
				assert.True(t, changed.After(first.Time), "the first attempt changed the trade")
			}
		})
	}
}

// A waybill number and a carrier code passed the wrong way round are
// caught before the network.
func TestSwappedWaybillAndCarrierAreCaught(t *testing.T) {
	t.Parallel()
	srv, session := newFake(t)
	c := srv.Client(session)
	ctx := context.Background()
	_, err := c.Logistics.OfflineSend(ctx, 1, "SF", "SF1234567890"[2:], nil)
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.Contains(t, err.Error(), `are the waybill number and the carrier code ("SF") swapped?`)
	_, err = c.Logistics.Resend(ctx, 1000, "YTO", "8000123456789", nil)
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	_, err = c.Logistics.OnlineSend(ctx, 1, "8000123456789", nil)
	require.ErrorIs(t, err, taobao.ErrInvalidArgument)
	assert.Contains(t, err.Error(), "not a carrier code")
	assert.Zero(t, srv.Calls(taobao.MethodLogisticsOfflineSend)+srv.Calls(taobao.MethodLogisticsResend)+srv.Calls(taobao.MethodLogisticsOnlineSend))
}
