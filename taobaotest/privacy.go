package taobaotest

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao"
)

// Buyer privacy. The server keeps each trade's receiver in plaintext and
// serves it masked, as the gateway does: a trade read shows "王**" and an
// oaid, and taobao.top.oaid.decrypt gives the plaintext back for a current
// oaid. The generated trades' plaintext receivers are derived from the seed
// (every '*' of a masked value filled in, the same for every trade of one
// buyer); a trade added or changed with a clear receiver keeps that one, and
// its fields are masked in what the server holds and serves.
//
// An oaid is issued per (seller, app key, receiver, ISO week of created in
// GMT+8), so it differs per shop, per app and per week, and it is computed
// again whenever the receiver changes: a change of address (ModifyTrade)
// makes the old oaid stale (decrypt answers matched=false). A trade without
// a receiver name, address and a mobile or phone has no oaid.
//
// About one generated trade in eight is privacy-protected: decrypting it
// binds a virtual number ("18877771111-123") with its expiry.
// SetPrivacyProtection marks or unmarks any trade.
//
// Decryption is limited per seller and day (GMT+8, on the server's clock):
// every receiver asked for counts, and a call that would go over the quota
// (WithDecryptQuota, DefaultDecryptQuota) is refused whole.

// DefaultDecryptQuota is how many receivers each seller may decrypt per day
// unless WithDecryptQuota says otherwise. The real quota is per shop and
// raised through Qianniu; no number is documented.
const DefaultDecryptQuota = 10000

// DecryptQuotaSubCode is the sub_code (with code 15) of a decryption
// refused because the seller's daily quota is spent. The gateway's real
// code is not documented: this one is the fake's choice.
const DecryptQuotaSubCode = "isv.oaid-decrypt-quota-exceeded"

// privacyOptions are the options of the privacy APIs.
type privacyOptions struct {
	quota    int              // receivers per seller and day; 0: DefaultDecryptQuota
	quotaErr *taobao.APIError // the answer over the quota; nil: the default
}

// WithDecryptQuota sets how many receivers each seller may decrypt per day
// (taobao.top.oaid.decrypt, GMT+8 days on the server's clock); n <= 0 keeps
// DefaultDecryptQuota. A call over the quota is refused whole, by default
// with code 15 and DecryptQuotaSubCode (see WithDecryptQuotaError).
func WithDecryptQuota(n int) Option {
	return func(s *Server) { s.privacyOpts.quota = n }
}

// WithDecryptQuotaError sets the error answered for a decryption over the
// quota: the gateway's real one is not documented, so a test can try the
// codes it expects. It is answered with the server's own request_id; nil
// keeps the default (code 15, DecryptQuotaSubCode).
func WithDecryptQuotaError(e *taobao.APIError) Option {
	return func(s *Server) {
		if e != nil {
			cp := *e
			s.privacyOpts.quotaErr = &cp
		} else {
			s.privacyOpts.quotaErr = nil
		}
	}
}

// Limits of the privacy APIs, as documented.
const (
	maxDecryptItems = 20
	maxMergeItems   = 100
	maxQueryItems   = 20
	maxSoldQuery    = 100
	defaultBindDays = 15
)

// PlainReceiver is a trade's receiver in plaintext, as the server holds it.
type PlainReceiver struct {
	Name, Mobile, Phone, Address string
}

func (p PlainReceiver) complete() bool {
	return p.Name != "" && p.Address != "" && (p.Mobile != "" || p.Phone != "")
}

// privacyData is the privacy side of the store, under the store's lock.
type privacyData struct {
	appKey    string
	seed      int64
	quota     int
	quotaErr  *taobao.APIError
	plain     map[int64]PlainReceiver // full records; generated ones derive theirs
	protected map[int64]bool
	numbers   map[int64]*virtualNumber
	used      map[quotaKey]int
}

type virtualNumber struct {
	number string
	expire time.Time
}

type quotaKey struct {
	seller string
	day    string
}

// initPrivacy issues the generated trades' oaids for the server's app key
// and marks some as privacy-protected. Call before the store is shared.
func (st *store) initPrivacy(appKey string, seed int64, o privacyOptions) {
	quota := o.quota
	if quota <= 0 {
		quota = DefaultDecryptQuota
	}
	st.priv = privacyData{
		appKey: appKey, seed: seed, quota: quota, quotaErr: o.quotaErr,
		plain:     make(map[int64]PlainReceiver),
		protected: make(map[int64]bool),
		numbers:   make(map[int64]*virtualNumber),
		used:      make(map[quotaKey]int),
	}
	for tid, r := range st.byTid {
		if r.gen == nil {
			continue
		}
		p := st.plainOf(r)
		r.gen.Oaid = ""
		if p.complete() {
			r.gen.Oaid = st.priv.oaid(r.seller.nick, p, r.gen.Created)
		}
		if st.priv.hash("protected", strconv.FormatInt(tid, 10))%8 == 0 {
			st.priv.protected[tid] = true
		}
	}
}

// hash mixes the seed with parts into 64 bits (FNV-1a, then a finaliser).
func (p *privacyData) hash(parts ...string) uint64 {
	x := uint64(14695981039346656037) ^ uint64(p.seed)
	for _, s := range parts {
		for i := 0; i < len(s); i++ {
			x = (x ^ uint64(s[i])) * 1099511628211
		}
		x = (x ^ 0xff) * 1099511628211
	}
	return mix64(x)
}

// mix64 is splitmix64's finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

const oaidChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ii"

// oaid is the receiver's id for a seller and app in the ISO week of created
// (GMT+8): 48 characters starting with '1', like the generated ones.
func (p *privacyData) oaid(seller string, r PlainReceiver, created int64) string {
	y, w := time.Unix(created, 0).In(taobao.GMT8()).ISOWeek()
	x := p.hash("oaid", seller, p.appKey, r.Name, r.Mobile, r.Phone, r.Address, strconv.Itoa(y), strconv.Itoa(w))
	out := make([]byte, 48)
	out[0] = '1'
	for i := 1; i < len(out); i++ {
		if i%10 == 1 {
			x = mix64(x + 0x9e3779b97f4a7c15)
		}
		out[i] = oaidChars[x>>(6*(i%10))&63]
	}
	return string(out)
}

// derive fills in the '*' of a masked value from the seed: digits in
// numbers and addresses, characters in names.
func (p *privacyData) derive(openUID, kind, masked string) string {
	if !taobao.IsMasked(masked) {
		return masked
	}
	const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玲"
	names := []rune(given)
	x := p.hash(openUID, kind, masked)
	var b strings.Builder
	for _, c := range masked {
		if c != '*' {
			b.WriteRune(c)
			continue
		}
		x = x*6364136223846793005 + 1442695040888963407
		if kind == "name" {
			b.WriteRune(names[(x>>33)%uint64(len(names))])
		} else {
			b.WriteByte(byte('0' + (x>>33)%10))
		}
	}
	return b.String()
}

// plainOf returns a record's plaintext receiver. Call with the lock held.
func (st *store) plainOf(r *record) PlainReceiver {
	if p, ok := st.priv.plain[r.tid]; ok {
		return p
	}
	if r.gen != nil {
		b := r.gen.Buyer
		return st.priv.derived(b.OpenUID, b.Name, b.Mobile, b.Phone, b.Address)
	}
	t := r.full
	return st.priv.derived(t.BuyerOpenUID, t.ReceiverName, t.ReceiverMobile, t.ReceiverPhone, t.ReceiverAddress)
}

func (p *privacyData) derived(openUID, name, mobile, phone, address string) PlainReceiver {
	return PlainReceiver{
		Name: p.derive(openUID, "name", name), Mobile: p.derive(openUID, "mobile", mobile),
		Phone: p.derive(openUID, "phone", phone), Address: p.derive(openUID, "address", address),
	}
}

// keepReceiver takes the receiver of t, a trade about to be stored (old:
// the trade it replaces, nil for a new one): a clear value becomes the
// plaintext and is masked in t, a masked value that did not change keeps
// its plaintext, and t's oaid is issued again. Call with the write lock
// held.
func (st *store) keepReceiver(t *taobao.Trade, old *record) {
	p := &st.priv
	if p.plain == nil {
		return // a store without initPrivacy
	}
	var was PlainReceiver
	var before [4]string
	if old != nil {
		was = st.plainOf(old)
		o := old.full
		before = [4]string{o.ReceiverName, o.ReceiverMobile, o.ReceiverPhone, o.ReceiverAddress}
	}
	prev := [4]string{was.Name, was.Mobile, was.Phone, was.Address}
	fields := [4]*string{&t.ReceiverName, &t.ReceiverMobile, &t.ReceiverPhone, &t.ReceiverAddress}
	kinds := [4]string{"name", "mobile", "phone", "address"}
	masks := [4]func(string) string{taobao.MaskName, taobao.MaskPhone, taobao.MaskPhone, taobao.MaskAddress}
	var now [4]string
	for i, f := range fields {
		v := *f
		switch {
		case old != nil && v == before[i]:
			now[i] = prev[i]
		case taobao.IsMasked(v):
			now[i] = p.derive(t.BuyerOpenUID, kinds[i], v)
		default:
			now[i] = v
			*f = masks[i](v)
		}
	}
	pr := PlainReceiver{Name: now[0], Mobile: now[1], Phone: now[2], Address: now[3]}
	tid := int64(t.Tid)
	p.plain[tid] = pr
	if old == nil {
		delete(p.protected, tid)
		delete(p.numbers, tid)
	} else if pr != was {
		delete(p.numbers, tid) // a new receiver gets a new virtual number
	}
	t.Oaid = ""
	if pr.complete() {
		t.Oaid = p.oaid(t.SellerNick, pr, unix(t.Created))
	}
}

// currentOaid returns the record's oaid. Call with the lock held.
func (r *record) currentOaid() string {
	if r.gen != nil {
		return r.gen.Oaid
	}
	return r.full.Oaid
}

// Receiver returns the plaintext receiver of a trade, as the server holds
// it (the ground truth of taobao.top.oaid.decrypt).
func (s *Server) Receiver(tid int64) (PlainReceiver, bool) {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	r := st.byTid[tid]
	if r == nil {
		return PlainReceiver{}, false
	}
	return st.plainOf(r), true
}

// SetPrivacyProtection marks a trade as privacy-protected (its decrypted
// mobile is a virtual number) or unmarks it.
func (s *Server) SetPrivacyProtection(tid int64, on bool) error {
	st := s.data()
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.byTid[tid] == nil {
		return errNoTrade(tid)
	}
	if on {
		st.priv.protected[tid] = true
	} else {
		delete(st.priv.protected, tid)
		delete(st.priv.numbers, tid)
	}
	return nil
}

// PrivacyProtected reports whether a trade is privacy-protected.
func (s *Server) PrivacyProtected(tid int64) bool {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.priv.protected[tid]
}

// DecryptsUsed returns how many receivers the seller decrypted today
// (GMT+8, on the server's clock).
func (s *Server) DecryptsUsed(sellerNick string) int {
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.priv.used[quotaKey{sellerNick, s.Now().In(taobao.GMT8()).Format(time.DateOnly)}]
}

// Scenes: which parts of the receiver each decryption scene returns.
func sceneParts(scene string) (name, phones, address, ok bool) {
	sc := taobao.Scene(scene)
	if !sc.Valid() {
		return false, false, false, false
	}
	name, phones, address = sc.Returns()
	return name, phones, address, true
}

// jsonList parses a parameter holding a JSON array of objects.
func jsonList[T any](a args, name string, max int) ([]T, *taobao.APIError) {
	raw, e := a.required(name)
	if e != nil {
		return nil, e
	}
	var items []T
	if err := json.Unmarshal([]byte(raw), &items); err != nil {
		return nil, invalidArg(name)
	}
	if len(items) == 0 {
		return nil, missingArg(name)
	}
	if len(items) > max {
		return nil, serviceErr("isv.invalid-parameter:"+name, name+"最多支持"+strconv.Itoa(max)+"个")
	}
	return items, nil
}

// looseText is a request value sent as a string or a number.
type looseText string

func (t *looseText) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*t = looseText(strings.TrimSpace(s))
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*t = looseText(n.String())
	return nil
}

func (t looseText) tid() (int64, bool) {
	n, err := strconv.ParseInt(string(t), 10, 64)
	return n, err == nil && n > 0
}

type decryptItem struct {
	OAID         looseText `json:"oaid"`
	Tid          looseText `json:"tid"`
	Scene        looseText `json:"scene"`
	SecretNoDays looseText `json:"secret_no_days"`
}

// oaidDecrypt serves taobao.top.oaid.decrypt.
func (s *Server) oaidDecrypt(r *Request) (any, error) {
	items, e := jsonList[decryptItem](args(r.Params), "query_list", maxDecryptItems)
	if e != nil {
		return nil, e
	}
	type want struct {
		tid                   int64
		oaid                  string
		days                  int
		name, phones, address bool
	}
	wants := make([]want, len(items))
	for i, it := range items {
		w := &wants[i]
		var ok bool
		if w.tid, ok = it.Tid.tid(); !ok {
			return nil, serviceErr("isv.invalid-parameter:tid", "tid不合法")
		}
		if w.oaid = string(it.OAID); w.oaid == "" || len(w.oaid) > 128 {
			return nil, serviceErr("isv.invalid-parameter:oaid", "oaid不合法")
		}
		if w.name, w.phones, w.address, ok = sceneParts(string(it.Scene)); !ok {
			return nil, serviceErr("isv.invalid-parameter:scene", "scene不合法")
		}
		if it.SecretNoDays != "" {
			d, err := strconv.Atoi(string(it.SecretNoDays))
			if err != nil || d < 1 || d > 90 {
				return nil, serviceErr("isv.invalid-parameter:secret_no_days", "secret_no_days不合法")
			}
			w.days = d
		}
	}
	now := s.Now()
	st := s.data()
	st.mu.Lock()
	defer st.mu.Unlock()
	qk := quotaKey{r.Seller, now.In(taobao.GMT8()).Format(time.DateOnly)}
	if st.priv.used[qk]+len(items) > st.priv.quota {
		if e := st.priv.quotaErr; e != nil {
			cp := *e
			return nil, &cp
		}
		return nil, serviceErr(DecryptQuotaSubCode, "今日解密额度已用完")
	}
	st.priv.used[qk] += len(items)
	out := make([]map[string]any, len(wants))
	for i, w := range wants {
		item := map[string]any{"oaid": w.oaid, "tid": strconv.FormatInt(w.tid, 10), "matched": false}
		out[i] = item
		rec := st.byTid[w.tid]
		if rec == nil || rec.seller.nick != r.Seller || rec.currentOaid() != w.oaid {
			continue // stale, or not this seller's trade: nothing to give out
		}
		var scratch taobao.Trade
		t := rec.trade(&scratch)
		p := st.plainOf(rec)
		item["matched"] = true
		for k, v := range map[string]string{"state": t.ReceiverState, "city": t.ReceiverCity, "district": t.ReceiverDistrict, "town": t.ReceiverTown, "country": t.ReceiverCountry} {
			item[k] = v
		}
		if item["country"] == "" {
			item["country"] = "中国"
		}
		if w.name {
			item["name"] = p.Name
		}
		if w.address {
			item["address_detail"] = p.Address
		}
		if w.phones {
			item["mobile"], item["phone"] = p.Mobile, p.Phone
		}
		protected := st.priv.protected[w.tid]
		item["privacy_protection"] = protected
		if protected {
			vn := st.priv.bind(w.tid, now, w.days)
			if w.phones {
				item["mobile"] = vn.number
			}
			item["secret_no_expire_time"] = taobao.NewTime(vn.expire)
		}
	}
	return map[string]any{"receiver_list": map[string]any{"receiver": out}}, nil
}

// bind returns the trade's virtual number, binding a new one for days
// (default 15) when it has none or it expired.
func (p *privacyData) bind(tid int64, now time.Time, days int) *virtualNumber {
	if vn := p.numbers[tid]; vn != nil && vn.expire.After(now) {
		return vn
	}
	if days == 0 {
		days = defaultBindDays
	}
	x := p.hash("virtual", strconv.FormatInt(tid, 10), now.Format(time.DateOnly))
	num := "1" + strconv.Itoa(3+int(x%7)) + pad(int64(x>>8%1_000_000_000), 9) + "-" + pad(int64(x>>40%1000), 3)
	vn := &virtualNumber{number: num, expire: now.Truncate(time.Second).AddDate(0, 0, days)}
	p.numbers[tid] = vn
	return vn
}

func pad(n int64, width int) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

type mergeItem struct {
	OAID looseText `json:"oaid"`
	Tid  looseText `json:"tid"`
}

// oaidMerge serves taobao.top.oaid.merge: the orders of one seller with the
// same oaid form a group.
func (s *Server) oaidMerge(r *Request) (any, error) {
	items, e := jsonList[mergeItem](args(r.Params), "merge_list", maxMergeItems)
	if e != nil {
		return nil, e
	}
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	var groups [][]string
	at := make(map[string]int)
	for _, it := range items {
		tid, ok := it.Tid.tid()
		if !ok {
			return nil, serviceErr("isv.invalid-parameter:tid", "tid不合法")
		}
		if it.OAID == "" {
			return nil, serviceErr("isv.invalid-parameter:oaid", "oaid不合法")
		}
		key := string(it.OAID)
		if rec := st.byTid[tid]; rec == nil || rec.seller.nick != r.Seller {
			key = "\x00" + string(it.Tid) // not the seller's: alone
		}
		i, ok := at[key]
		if !ok {
			i = len(groups)
			at[key] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], string(it.Tid))
	}
	list := make([]string, len(groups))
	for i, g := range groups {
		list[i] = strings.Join(g, ",")
	}
	return map[string]any{"tid_list": map[string]any{"string": list}}, nil
}

type soldQueryItem struct {
	Name         looseText   `json:"receiver_name"`
	Mobile       looseText   `json:"receiver_mobile"`
	Phone        looseText   `json:"receiver_phone"`
	StartCreated taobao.Time `json:"start_created"`
	EndCreated   taobao.Time `json:"end_created"`
}

// soldQuery serves taobao.trades.sold.query: the seller's trades whose
// receiver matches every value of any one query item, created in the
// scene's window (1001: 7 days, 1002: 3 months), newest first.
func (s *Server) soldQuery(r *Request) (any, error) {
	a := args(r.Params)
	items, e := jsonList[soldQueryItem](a, "query_list", maxQueryItems)
	if e != nil {
		return nil, e
	}
	scene, e := a.required("scene")
	if e != nil {
		return nil, e
	}
	now := s.Now()
	var from time.Time
	switch scene {
	case "1001":
		from = now.AddDate(0, 0, -7)
	case "1002":
		from = now.AddDate(0, -3, 0)
	default:
		return nil, serviceErr("isv.invalid-parameter:scene", "scene不合法")
	}
	switch a.get("order_type") {
	case "", "1":
	case "2", "3":
		return map[string]any{"tid_list": map[string]any{"string": []string{}}}, nil // the fake has no such trades
	default:
		return nil, invalidArg("order_type")
	}
	for _, it := range items {
		if it.Name == "" && it.Mobile == "" && it.Phone == "" {
			return nil, serviceErr("isv.invalid-parameter:query_list", "receiver_name、receiver_mobile、receiver_phone至少有一个值不为空")
		}
	}
	st := s.data()
	st.mu.RLock()
	defer st.mu.RUnlock()
	tids := []string{}
	sl := st.sellers[r.Seller]
	if sl == nil {
		return map[string]any{"tid_list": map[string]any{"string": tids}}, nil
	}
	for _, en := range sl.byCreated {
		if en.key < from.Unix() || len(tids) == maxSoldQuery {
			break
		}
		if en.key > now.Unix() {
			continue
		}
		p := st.plainOf(en.r)
		for _, it := range items {
			if (it.Name == "" || string(it.Name) == p.Name) && (it.Mobile == "" || string(it.Mobile) == p.Mobile) &&
				(it.Phone == "" || string(it.Phone) == p.Phone) &&
				(it.StartCreated.IsZero() || en.key >= it.StartCreated.Unix()) && (it.EndCreated.IsZero() || en.key <= it.EndCreated.Unix()) {
				tids = append(tids, strconv.FormatInt(en.tid, 10))
				break
			}
		}
	}
	return map[string]any{"tid_list": map[string]any{"string": tids}}, nil
}

// secretExtend serves taobao.top.secret.extend: it extends a bound virtual
// number of a privacy-protected trade whose oaid is current.
func (s *Server) secretExtend(r *Request) (any, error) {
	raw, e := args(r.Params).required("extend_request")
	if e != nil {
		return nil, e
	}
	var req struct {
		ExtendDays looseText `json:"extend_days"`
		OAID       looseText `json:"oaid"`
		OrderID    looseText `json:"order_id"`
		Scene      looseText `json:"scene"`
	}
	if err := json.Unmarshal([]byte(raw), &req); err != nil {
		return nil, invalidArg("extend_request")
	}
	tid, ok := req.OrderID.tid()
	if !ok {
		return nil, serviceErr("isv.invalid-parameter:order_id", "order_id不合法")
	}
	if _, _, _, ok := sceneParts(string(req.Scene)); !ok {
		return nil, serviceErr("isv.invalid-parameter:scene", "scene不合法")
	}
	days, err := strconv.Atoi(string(req.ExtendDays))
	shipping := taobao.Scene(req.Scene).Shipping()
	if err != nil || days < 1 || days > 30 || (shipping && days != 7 && days != 15 && days != 30) {
		return nil, serviceErr("isv.invalid-parameter:extend_days", "发货场景只能填7、15、30")
	}
	now := s.Now()
	st := s.data()
	st.mu.Lock()
	defer st.mu.Unlock()
	rec := st.byTid[tid]
	if rec == nil || rec.seller.nick != r.Seller {
		return nil, errTradeNotExist()
	}
	if rec.currentOaid() != string(req.OAID) {
		return nil, serviceErr("isv.invalid-parameter:oaid", "oaid与订单不匹配")
	}
	vn := st.priv.numbers[int64(tid)]
	if !st.priv.protected[tid] || vn == nil {
		return nil, serviceErr("isv.secret-no-not-exist", "该订单没有绑定隐私号")
	}
	base := vn.expire
	if base.Before(now) {
		base = now.Truncate(time.Second)
	}
	vn.expire = base.AddDate(0, 0, days)
	return map[string]any{"result": map[string]any{"secret_no": vn.number, "expire_time": taobao.NewTime(vn.expire).String()}}, nil
}
