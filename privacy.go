package taobao

// PrivacyService calls the buyer-privacy APIs for the client's seller:
// OAID decrypt and merge.
type PrivacyService struct{ client *Client }
