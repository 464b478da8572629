package taobaotest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/taobaotest"
)

// FuzzParameters sends arbitrary parameters to every trade and logistics
// method: the server must answer each with a well-formed answer, either
// the method's or an error_response, and never fail or hang.
func FuzzParameters(f *testing.F) {
	srv := taobaotest.NewServer(taobaotest.WithTrades(30))
	f.Cleanup(srv.Close)
	nick := srv.Sellers()[0]
	tid := strconv.FormatInt(srv.Trades(nick)[0].Tid, 10)
	c := srv.Client(srv.NewSession(nick), taobao.WithHTTPClient(&http.Client{Transport: srv.Transport()}), taobao.WithMaxRetries(0))
	methods := []string{sold, increment, fullinfo, tradeGet, trace, lorders, ldetail, companies, send}

	f.Add(uint8(0), "tid,orders.title", "1", "40", "WAIT_SELLER_SEND_GOODS", "fixed,cod", "2024-01-01 00:00:00", "true")
	f.Add(uint8(1), "tid", "0", "101", "ALL_CLOSED", "guarantee_trade", "2024-01-01", "false")
	f.Add(uint8(2), "orders,receiver_name,oaid", tid, "x", "", "", "", "")
	f.Add(uint8(4), "", tid, "1,2,3", "SF", "SF1234567890123", "", "1")
	f.Add(uint8(8), "", tid, "", "ZTO", "73012345678901", "9999-99-99 99:99:99", "")
	f.Add(uint8(6), "tid,receiver_location,location.zip", "-1", "-5", "ACCEPTED_BY_RECEIVER", "ems", "2024-13-01 00:00:00", "yes")
	f.Fuzz(func(t *testing.T, m uint8, fields, a, b, s1, s2, date, flag string) {
		method := methods[int(m)%len(methods)]
		p := url.Values{}
		set := func(k, v string) {
			if v != "" {
				p.Set(k, v)
			}
		}
		set("fields", fields)
		set("page_no", a)
		set("tid", a)
		set("page_size", b)
		set("sub_tid", b)
		set("status", s1)
		set("company_code", s1)
		set("type", s2)
		set("out_sid", s2)
		set("start_created", date)
		set("end_created", date)
		set("start_modified", date)
		set("end_modified", date)
		set("use_has_next", flag)
		set("is_split", flag)
		set("include_oaid", flag)
		set("is_recommended", flag)
		var out map[string]json.RawMessage
		err := c.Call(context.Background(), method, p, &out)
		var ae *taobao.APIError
		if err != nil && !errors.As(err, &ae) {
			t.Fatalf("%s %v: not a gateway answer: %v", method, p, err)
		}
		if ae != nil && (ae.Code == 0 || ae.Msg == "" || ae.SubCode == "isp.top-mapping-parse-error" || ae.SubCode == "isp.unknown-error") {
			t.Fatalf("%s %v: %v", method, p, err)
		}
	})
}
