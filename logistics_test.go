package taobao_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao"
)

const (
	mTrace     = "taobao.logistics.trace.search"
	mOrders    = "taobao.logistics.orders.get"
	mDetail    = "taobao.logistics.orders.detail.get"
	mCompanies = "taobao.logistics.companies.get"
	mOffline   = "taobao.logistics.offline.send"
)

func TestDecodeTrace(t *testing.T) {
	tr, err := taobao.DecodeTrace(mTrace, fixture(t, "taobao.logistics.trace.search.reconstructed.json"))
	require.NoError(t, err)
	assert.Equal(t, "1324657987", tr.OutSid)
	assert.Equal(t, "中通速递", tr.CompanyName)
	assert.Equal(t, int64(1324657987), tr.Tid)
	assert.Equal(t, "1", tr.Status)
	assert.Equal(t, "REPLACE_request_id", tr.RequestID)
	require.Len(t, tr.TraceList, 1)
	step := tr.TraceList[0]
	assert.True(t, step.StatusTime.Equal(gmt8(2000, 1, 1, 0, 0, 0)), "status_time is a GMT+8 date: %v", step.StatusTime.Time)
	assert.Equal(t, "达到杭州物流集中地", step.StatusDesc)
	assert.Equal(t, "ARRIVE", step.Action)
}

func TestDecodeShippingPage(t *testing.T) {
	detail := fixture(t, "taobao.logistics.orders.detail.get.reconstructed.json")
	// The current docs name the item type SingleResultDto; its list key may
	// be single_result_dto rather than the 2016 SDK's shipping.
	dto := bytes.Replace(detail, []byte(`"shipping":`), []byte(`"single_result_dto":`), 1)
	require.NotEqual(t, detail, dto)

	tests := []struct {
		name, method string
		body         []byte
		detail       bool
	}{
		{"orders.get", mOrders, fixture(t, "taobao.logistics.orders.get.reconstructed.json"), false},
		{"orders.detail.get", mDetail, detail, true},
		{"orders.detail.get single_result_dto", mDetail, dto, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := taobao.DecodeShippingPage(tt.method, tt.body)
			require.NoError(t, err)
			assert.Equal(t, int64(1), p.TotalResults)
			assert.Equal(t, "REPLACE_request_id", p.RequestID)
			require.Len(t, p.Shippings, 1)
			s := p.Shippings[0]
			assert.Equal(t, int64(518073718172548), s.Tid)
			assert.Equal(t, "12345678", s.OrderCode)
			assert.Equal(t, "550281136794", s.OutSid)
			assert.Equal(t, taobao.ShippingStatusAcceptedByReceiver, s.Status)
			assert.Equal(t, taobao.ShippingTypeExpress, s.Type)
			assert.Equal(t, "seller", s.FreightPayer)
			assert.Equal(t, "yes", s.SellerConfirm)
			assert.Equal(t, "顺丰速运", s.CompanyName)
			assert.False(t, s.IsSplit)
			assert.True(t, s.Created.Equal(gmt8(2014, 1, 15, 21, 40, 24)))
			assert.True(t, s.Modified.Equal(gmt8(2014, 1, 17, 15, 31, 7)))
			if tt.detail {
				require.NotNil(t, s.Location)
				assert.Equal(t, taobao.Location{Zip: "450000", Address: "南关**号北**单**楼西户", City: "郑州市",
					State: "河南省", Country: "中国", District: "管城回族区"}, *s.Location)
				assert.Equal(t, "1573672****", s.ReceiverMobile)
				assert.False(t, bool(s.IsQuickCodOrder))
			} else {
				assert.Nil(t, s.Location)
				assert.Equal(t, []int64{518073718172548}, s.SubTids)
				assert.True(t, s.DeliveryStart.Equal(gmt8(2014, 1, 16, 9, 0, 0)))
				assert.True(t, s.DeliveryEnd.Equal(gmt8(2014, 1, 16, 18, 0, 0)))
			}
		})
	}
}

func TestShippingJSONRoundTrip(t *testing.T) {
	s := taobao.Shipping{Tid: 1, SubTids: []int64{7, 8},
		Mails: []taobao.LogisticsMail{{OutSid: "a", CompanyName: "b"}}}
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"tid":1,"sub_tids":[7,8],"mails":[{"out_sid":"a","company_name":"b"}]}`, string(out),
		"plain slices marshal as plain arrays")
	var back taobao.Shipping
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, s, back)

	// The gateway's wrapped form reads the same through encoding/json.
	var wrapped taobao.Shipping
	require.NoError(t, json.Unmarshal([]byte(`{"tid":"1","sub_tids":{"number":["7",8]},"mails":{"logistics_mail":[{"out_sid":"a","company_name":"b"}]}}`), &wrapped))
	assert.Equal(t, s, wrapped)
}

func TestDecodeCompanies(t *testing.T) {
	cs, err := taobao.DecodeCompanies(mCompanies, fixture(t, "taobao.logistics.companies.get.json"))
	require.NoError(t, err)
	require.Len(t, cs, 45)
	assert.Equal(t, taobao.LogisticsCompany{Code: "LTS", Name: "联昊通"}, cs[0])
	assert.Equal(t, taobao.LogisticsCompany{Code: "OTHER", Name: "其他"}, cs[44])

	cs, err = taobao.DecodeCompanies(mCompanies, wrap(mCompanies,
		`{"logistics_companies":{"logistics_company":[{"id":505,"code":"SF","name":"顺丰速运","reg_mail_no":"^[A-Za-z0-9]{12}$"}]},"request_id":"x"}`))
	require.NoError(t, err)
	assert.Equal(t, []taobao.LogisticsCompany{{ID: 505, Code: "SF", Name: "顺丰速运", RegMailNo: "^[A-Za-z0-9]{12}$"}}, cs)

	cs, err = taobao.DecodeCompanies(mCompanies, wrap(mCompanies, `{"request_id":"x"}`))
	require.NoError(t, err)
	assert.Empty(t, cs, "a missing list is empty")
}

func TestDecodeShipResult(t *testing.T) {
	r, err := taobao.DecodeShipResult(mOffline, fixture(t, "taobao.logistics.offline.send.reconstructed.json"))
	require.NoError(t, err)
	assert.True(t, bool(r.IsSuccess))
	assert.Equal(t, "REPLACE_request_id", r.RequestID)

	_, err = taobao.DecodeShipResult(mOffline, fixture(t, "error_response.15.logistics-offline-B04.json"))
	assert.ErrorIs(t, err, taobao.ErrAlreadyShipped)

	_, err = taobao.DecodeShipResult(mOffline, wrap(mOffline, `{"request_id":"r1"}`))
	var de *taobao.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "r1", de.RequestID)
	assert.Contains(t, err.Error(), "shipping")
}

func TestLogisticsOptionsValidate(t *testing.T) {
	start := taobao.NewTime(gmt8(2024, 3, 1, 0, 0, 0))
	many := make([]int64, taobao.MaxSubTids+1)
	for i := range many {
		many[i] = int64(i + 1)
	}
	manyFields := make([]string, taobao.MaxCompanyFields+1)
	for i := range manyFields {
		manyFields[i] = "id"
	}
	tests := []struct {
		name   string
		method string
		opts   taobao.Validator
		param  string
	}{
		{"trace nil", mTrace, (*taobao.TraceOptions)(nil), ""},
		{"trace split", mTrace, &taobao.TraceOptions{IsSplit: true, SubTids: []int64{1, 2}}, ""},
		{"trace split without sub_tid", mTrace, &taobao.TraceOptions{IsSplit: true}, "sub_tid"},
		{"trace sub_tid without split", mTrace, &taobao.TraceOptions{SubTids: []int64{1}}, "is_split"},
		{"trace too many", mTrace, &taobao.TraceOptions{IsSplit: true, SubTids: many}, "sub_tid"},
		{"trace bad id", mTrace, &taobao.TraceOptions{IsSplit: true, SubTids: []int64{1, 0}}, "sub_tid"},

		{"orders nil", mOrders, (*taobao.LogisticsListOptions)(nil), ""},
		{"orders full", mOrders, &taobao.LogisticsListOptions{Fields: taobao.ShippingFields, Tid: 1, SellerConfirm: "yes",
			FreightPayer: "buyer", StartCreated: start, EndCreated: start, Type: taobao.ShippingTypeEMS,
			Status: taobao.ShippingStatusCreated, ListOptions: taobao.ListOptions{PageNo: 1, PageSize: 100}}, ""},
		{"orders seller_confirm", mOrders, &taobao.LogisticsListOptions{SellerConfirm: "true"}, "seller_confirm"},
		{"orders freight_payer", mDetail, &taobao.LogisticsListOptions{FreightPayer: "me"}, "freight_payer"},
		{"orders tid", mOrders, &taobao.LogisticsListOptions{Tid: -1}, "tid"},
		{"orders reversed", mOrders, &taobao.LogisticsListOptions{StartCreated: start, EndCreated: taobao.NewTime(start.AddDate(0, 0, -1))}, "end_created"},
		{"orders use_has_next", mOrders, &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{UseHasNext: true}}, "use_has_next"},
		{"orders page_size", mDetail, &taobao.LogisticsListOptions{ListOptions: taobao.ListOptions{PageSize: 500}}, "page_size"},
		{"orders fields", mDetail, &taobao.LogisticsListOptions{Fields: []string{"tid,out_sid"}}, "fields"},

		{"companies nil", mCompanies, (*taobao.CompaniesOptions)(nil), ""},
		{"companies recommended", mCompanies, &taobao.CompaniesOptions{Fields: taobao.CompanyFields, IsRecommended: true, OrderMode: "online"}, ""},
		{"companies too many fields", mCompanies, &taobao.CompaniesOptions{Fields: manyFields}, "fields"},
		{"companies order_mode alone", mCompanies, &taobao.CompaniesOptions{OrderMode: "all"}, "order_mode"},
		{"companies order_mode value", mCompanies, &taobao.CompaniesOptions{IsRecommended: true, OrderMode: "phone"}, "order_mode"},

		{"offline nil", mOffline, (*taobao.OfflineSendOptions)(nil), ""},
		{"offline split", mOffline, &taobao.OfflineSendOptions{IsSplit: true, SubTids: []int64{5}, SenderID: 1, CancelID: 2,
			Feature: "identCode=5:a,b", SellerIP: "127.0.0.1"}, ""},
		{"offline split without sub_tid", mOffline, &taobao.OfflineSendOptions{IsSplit: true}, "sub_tid"},
		{"offline sub_tid without split", mOffline, &taobao.OfflineSendOptions{SubTids: []int64{5}}, "is_split"},
		{"offline too many", mOffline, &taobao.OfflineSendOptions{IsSplit: true, SubTids: many}, "sub_tid"},
		{"offline sender_id", mOffline, &taobao.OfflineSendOptions{SenderID: -1}, "sender_id"},
		{"offline cancel_id", mOffline, &taobao.OfflineSendOptions{CancelID: -1}, "cancel_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkValidate(t, tt.method, tt.opts, tt.param)
		})
	}
}

func TestLogisticsOptionsEncoding(t *testing.T) {
	start := taobao.NewTime(gmt8(2024, 3, 1, 8, 0, 0))
	tests := []struct {
		name string
		opts any
		want string
	}{
		{"trace", &taobao.TraceOptions{IsSplit: true, SubTids: []int64{1347456243421196949, 2}},
			"is_split=1&sub_tid=1347456243421196949,2"},
		{"trace zero", &taobao.TraceOptions{}, ""},
		{"orders defaults", (*taobao.LogisticsListOptions)(nil).WithFields(taobao.ShippingFields),
			"fields=" + joinFields(taobao.ShippingFields)},
		{"detail", (&taobao.LogisticsListOptions{Tid: 7, Status: taobao.ShippingStatusSending, StartCreated: start,
			Type: taobao.ShippingTypePost, Ouid: "o", ListOptions: taobao.ListOptions{PageNo: 2}}).WithFields(taobao.ShippingDetailFields),
			"fields=" + joinFields(taobao.ShippingDetailFields) + "&ouid=o&page_no=2&start_created=2024-03-01 08:00:00&status=SENDING&tid=7&type=post"},
		{"companies", (&taobao.CompaniesOptions{IsRecommended: true, OrderMode: "offline"}).WithFields(taobao.CompanyFields),
			"fields=id,code,name,reg_mail_no&is_recommended=true&order_mode=offline"},
		{"offline", &taobao.OfflineSendOptions{IsSplit: true, SubTids: []int64{5, 6}, SenderID: 9, CancelID: 10, Feature: "f", SellerIP: "::1"},
			"cancel_id=10&feature=f&is_split=1&seller_ip=::1&sender_id=9&sub_tid=5,6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertQuery(t, tt.want, tt.opts)
		})
	}
}

func joinFields(fs []string) string {
	var b bytes.Buffer
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(f)
	}
	return b.String()
}
