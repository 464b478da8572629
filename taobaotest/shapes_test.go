package taobaotest_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// zeroTrade is a trade whose flags and some amounts are zero.
func zeroTrade() taobao.Trade {
	return taobao.Trade{
		Status: taobao.TradeStatusWaitSellerSendGoods, Type: taobao.TradeTypeFixed,
		Payment: 1990, AdjustFee: 0, BuyerRate: false,
		Orders: []taobao.Order{{Oid: 1, Num: 1, Payment: 1990, DiscountFee: 0, BuyerRate: false}},
	}
}

func TestZeroMembers(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		opts  []taobaotest.Option
		zeros bool
	}{
		{"default leaves zeros out", nil, false},
		{"WithZeroMembers sends them", []taobaotest.Option{taobaotest.WithZeroMembers()}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t, append(tt.opts, taobaotest.WithTrades(0), taobaotest.WithSellers("s"))...)
			tr := srv.AddTrade("s", zeroTrade())
			session := srv.NewSession("s")
			a := call(t, srv, session, fullinfo, "tid", itoa(tr.Tid), "fields", "tid,buyer_rate,adjust_fee,payment,seller_memo,orders")
			require.Zero(t, a.code(), "%s", a.body)
			body := string(a.body)
			for _, m := range []string{`"buyer_rate":false`, `"adjust_fee":"0.00"`, `"discount_fee":"0.00"`} {
				if tt.zeros {
					assert.Contains(t, body, m)
				} else {
					assert.NotContains(t, body, m)
				}
			}
			assert.NotContains(t, body, `"seller_memo"`, "empty strings stay out")
			assert.NotContains(t, body, `"seller_flag"`, "fields not asked for stay out")

			// The SDK reads either shape to the same trade.
			got, err := srv.Client(session).Trades.FullInfo(context.Background(), tr.Tid, nil)
			require.NoError(t, err)
			assert.Equal(t, tr.Payment, got.Payment)
			assert.False(t, got.BuyerRate)
			require.Len(t, got.Orders, 1)
			assert.Equal(t, int64(1), got.Orders[0].Num)
		})
	}
}

func TestSimplifyAnswersWithoutWrappers(t *testing.T) {
	t.Parallel()
	srv := newServer(t, taobaotest.WithTrades(0), taobaotest.WithSellers("s"))
	tr := zeroTrade()
	tr.Orders = append(tr.Orders, taobao.Order{Oid: 2, Num: 3, Payment: 10})
	added := srv.AddTrade("s", tr)
	session := srv.NewSession("s")
	from, to := added.Created.Add(-time.Second), added.Created.Add(time.Second)

	plain := call(t, srv, session, sold, "fields", "tid,orders", "start_created", gmt8(from), "end_created", gmt8(to))
	require.Zero(t, plain.code(), "%s", plain.body)
	assert.Contains(t, string(plain.body), `"trades":{"trade":[`)
	assert.Contains(t, string(plain.body), `"orders":{"order":[`)

	bare := postOK(t, srv.URL, signedForm(srv, session, sold, "simplify", "true",
		"fields", "tid,orders", "start_created", gmt8(from), "end_created", gmt8(to)))
	body := string(bare)
	assert.True(t, strings.HasPrefix(body, `{"total_results":1,"trades":[{`), "no envelope, a bare list: %s", body)
	assert.Contains(t, body, `"orders":[{`)
	assert.Contains(t, body, `"request_id":"`)
	assert.NotContains(t, body, "trades_sold_get_response")

	// Errors keep their envelope.
	bad := postOK(t, srv.URL, signedForm(srv, session, sold, "simplify", "true", "fields", "tid", "page_size", "101"))
	assert.True(t, strings.HasPrefix(string(bad), `{"error_response":`), "%s", bad)

	// Call with simplify=true reads the bare answer into plain slices.
	var out struct {
		TotalResults int64          `json:"total_results"`
		Trades       []taobao.Trade `json:"trades"`
	}
	err := srv.Client(session).Call(context.Background(), sold, url.Values{
		"simplify": {"true"}, "fields": {"tid,orders"},
		"start_created": {gmt8(from)}, "end_created": {gmt8(to)},
	}, &out)
	require.NoError(t, err)
	require.Len(t, out.Trades, 1)
	assert.Equal(t, added.Tid, out.Trades[0].Tid)
	require.Len(t, out.Trades[0].Orders, 2)
	assert.Equal(t, int64(3), out.Trades[0].Orders[1].Num)
}
