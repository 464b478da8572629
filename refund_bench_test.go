package taobao_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

// refundPage builds an answer of taobao.refunds.receive.get with n refunds
// carrying every field the list documents, refund_id as the documented
// string.
func refundPage(tb testing.TB, n int) []byte {
	tb.Helper()
	refunds := make([]map[string]any, n)
	for i := range refunds {
		id := int64(20261202000000000) + int64(i)
		refunds[i] = map[string]any{
			"refund_id": strconv.FormatInt(id, 10), "tid": json.Number("4012345678901234567"), "oid": json.Number(strconv.FormatInt(4012345678901234567+int64(i), 10)),
			"total_fee": "199.00", "seller_nick": "旗舰店", "created": "2026-11-30 10:20:30", "modified": "2026-12-01 08:00:00",
			"order_status": "WAIT_BUYER_CONFIRM_GOODS", "status": "WAIT_SELLER_AGREE", "good_status": "BUYER_RECEIVED",
			"has_good_return": true, "refund_fee": "99.50", "payment": "99.50", "reason": "七天无理由退换货", "desc": "尺码不合适，想退货",
			"title": "纯棉T恤 男 短袖", "num": json.Number("1"), "company_name": "圆通速递", "sid": "YT1234567890123",
			"refund_phase": "onsale", "refund_version": json.Number("1764547200123"), "sku": "颜色分类:白色;尺码:XL",
			"attribute": ";disputeTradeStatus:3;itemBuyAmount:1;", "outer_id": "TS-001", "operation_contraint": "",
			"ouid": "AAE1x2y3z", "buyer_open_uid": "AAHk5d-EAAeGwJedwSHpg8bT", "buyer_nick": "t**1", "dispute_type": "REFUND_AND_RETURN",
		}
	}
	body := map[string]any{"refunds_receive_get_response": map[string]any{
		"total_results": n, "refunds": map[string]any{"refund": refunds}, "request_id": "s7ezljq8tz3j"}}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(tb, enc.Encode(body))
	return buf.Bytes()
}

func TestRefundPageDecodes(t *testing.T) {
	t.Parallel()
	p, err := taobao.DecodeRefundPage(taobao.MethodRefundsReceive, refundPage(t, 3))
	require.NoError(t, err)
	require.Len(t, p.Refunds, 3)
	r := p.Refunds[2]
	require.Equal(t, int64(20261202000000002), r.RefundID)
	require.Equal(t, taobao.Money(9950), r.RefundFee)
	require.Equal(t, taobao.DisputeTypeRefundAndReturn, r.DisputeType)
	require.Equal(t, int64(1764547200123), r.RefundVersion)
	require.Empty(t, p.Dropped)
}

// BenchmarkRefundPage decodes a page of 100 refunds, as
// BenchmarkDecodeTradePage does a page of 100 trades.
func BenchmarkRefundPage(b *testing.B) {
	body := refundPage(b, 100)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		p, err := taobao.DecodeRefundPage(taobao.MethodRefundsReceive, body)
		if err != nil || len(p.Refunds) != 100 {
			b.Fatal(err)
		}
	}
}
