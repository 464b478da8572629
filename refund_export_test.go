package taobao

// DecodeRefundPage decodes an answer of taobao.refunds.receive.get through
// the path Client.call takes.
func DecodeRefundPage(method string, body []byte) (*RefundPage, error) {
	var w refundPageWire
	if err := decodeResponse(method, body, &w, nil); err != nil {
		return nil, err
	}
	return w.page(), nil
}

// ValidateRefundList runs the checks ListReceived makes before it calls.
func ValidateRefundList(o *RefundListOptions) error { return o.validate(MethodRefundsReceive) }
