package taobao

// RefundService calls the refund (after-sales) APIs for the client's seller.
type RefundService struct{ client *Client }
