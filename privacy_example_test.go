package taobao_test

import (
	"context"
	"fmt"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// Decrypt the receivers of the trades to ship in one go: the SDK sends
// them in calls of 20. Store the oaid, never the plaintext; a Receiver
// prints itself masked.
func ExamplePrivacyService_Decrypt() {
	srv := taobaotest.NewServer()
	defer srv.Close()
	seller := srv.Sellers()[0]
	c := srv.Client(srv.NewSession(seller))
	ctx := context.Background()

	page, err := c.Trades.ListSold(ctx, &taobao.SoldListOptions{Fields: []string{"tid", "oaid"}, ListOptions: taobao.ListOptions{PageSize: 45}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var q []taobao.ReceiverQuery
	for _, t := range page.Trades {
		q = append(q, taobao.ReceiverQuery{OAID: t.Oaid, Tid: int64(t.Tid), Scene: taobao.SceneTongdaWaybill})
	}
	receivers, err := c.Privacy.Decrypt(ctx, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	matched := 0
	for _, r := range receivers {
		if r.Matched && !taobao.IsMasked(r.Name()) {
			matched++ // hand r.MarshalPlaintext() to the waybill printer here
		}
	}
	fmt.Printf("%d receivers decrypted in %d calls\n", matched, srv.Calls(taobao.MethodOaidDecrypt))

	// The buyer changes the address: the oaid read before is stale.
	first := receivers[0]
	_ = srv.ModifyTrade(first.Tid, func(t *taobao.Trade) { t.ReceiverAddress = "文一西路969号" })
	again, _ := c.Privacy.Decrypt(ctx, q[:1])
	fmt.Println("still current after the change:", again[0].Matched)
	// Output:
	// 45 receivers decrypted in 3 calls
	// still current after the change: false
}
