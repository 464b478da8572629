package taobao_test

import (
	"context"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

func TestListOrdersIterReadsEveryPage(t *testing.T) {
	srv := taobaotest.NewServer(taobaotest.WithSeed(5), taobaotest.WithTrades(300))
	defer srv.Close()
	c := srv.Client(srv.NewSession(srv.Sellers()[0]))
	ctx := context.Background()
	type lister func(context.Context, *taobao.LogisticsListOptions) (*taobao.ShippingPage, error)
	type pager func(context.Context, *taobao.LogisticsListOptions) iter.Seq2[*taobao.Shipping, error]
	tests := []struct {
		method string
		list   lister
		pages  pager
	}{
		{taobao.MethodLogisticsOrders, c.Logistics.ListOrders, c.Logistics.ListOrdersIter},
		{taobao.MethodLogisticsOrdersDetail, c.Logistics.ListOrderDetails, c.Logistics.ListOrderDetailsIter},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			first, err := tt.list(ctx, &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{PageSize: 100}})
			require.NoError(t, err)
			require.Greater(t, first.TotalResults, int64(30), "the test needs several pages")

			opts := &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{PageSize: 30}}
			seen := map[string]bool{}
			n := 0
			for sh, err := range tt.pages(ctx, opts) {
				require.NoError(t, err)
				seen[sh.OrderCode] = true
				n++
			}
			assert.EqualValues(t, first.TotalResults, n)
			assert.Len(t, seen, n, "no logistics order twice")
			assert.Zero(t, opts.PageNo, "the caller's options are not changed")

			// Breaking out stops the calls.
			before := srv.Calls(tt.method)
			for range tt.pages(ctx, opts) {
				break
			}
			assert.Equal(t, before+1, srv.Calls(tt.method))
		})
	}
}
