package fakedata

import (
	"math/rand/v2"
	"regexp"
	"strconv"

	"github.com/toptrade/taobao"
)

// carrier is a logistics company with the rule its waybill numbers follow
// and a way to make numbers that keep the rule.
type carrier struct {
	id      int64
	code    string
	name    string
	regMail string         // the waybill rule as the gateway publishes it ("" for none)
	re      *regexp.Regexp // regMail compiled
	waybill func(r *rand.Rand) string
}

// digits returns n random decimal digits.
func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// upper returns n random capital letters.
func upper(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + r.IntN(26))
	}
	return string(b)
}

// The carriers the fake gateway knows. Codes and names are those of
// taobao.logistics.companies.get; the ids and the waybill rules are made up
// for the fake, in the shape the gateway uses (a regular expression per
// carrier, checked by offline.send).
var carriers = []*carrier{
	{id: 505, code: "SF", name: "顺丰速运", regMail: `^SF[0-9]{13}$|^[0-9]{12}$`,
		waybill: func(r *rand.Rand) string { return "SF" + digits(r, 13) }},
	{id: 500, code: "ZTO", name: "中通快递", regMail: `^(7[0-9]|6[0-9])[0-9]{12}$|^[0-9]{12}$`,
		waybill: func(r *rand.Rand) string { return "7" + strconv.Itoa(5+r.IntN(4)) + digits(r, 12) }},
	{id: 101, code: "YTO", name: "圆通速递", regMail: `^YT[0-9]{13}$|^[0-9A-Z]{10}$`,
		waybill: func(r *rand.Rand) string { return "YT" + digits(r, 13) }},
	{id: 100, code: "STO", name: "申通快递", regMail: `^(77|88|268|368|468|568|668|768|868|968)[0-9]{10}$|^[0-9]{13}$`,
		waybill: func(r *rand.Rand) string { return "77" + digits(r, 10) }},
	{id: 102, code: "YUNDA", name: "韵达快递", regMail: `^[0-9]{13,15}$`,
		waybill: func(r *rand.Rand) string { return "43" + digits(r, 11) }},
	{id: 2, code: "EMS", name: "EMS", regMail: `^[A-Z]{2}[0-9]{9}[A-Z]{2}$|^(10|11|50|51|95|97|98)[0-9]{11}$`,
		waybill: func(r *rand.Rand) string { return "11" + digits(r, 11) }},
	{id: 1, code: "POST", name: "中国邮政", regMail: `^[A-Z]{2}[0-9]{9}[A-Z]{2}$|^(99|98|96|95)[0-9]{11}$`,
		waybill: func(r *rand.Rand) string { return "99" + digits(r, 11) }},
	{id: 103, code: "ZJS", name: "宅急送", regMail: `^[0-9]{10}$|^ZJS[0-9]{12}$`,
		waybill: func(r *rand.Rand) string { return digits(r, 10) }},
	{id: 104, code: "HTKY", name: "百世快递", regMail: `^(A|B|D|E)[0-9]{12}$|^[0-9]{12,15}$`,
		waybill: func(r *rand.Rand) string { return string(rune('A'+r.IntN(2))) + digits(r, 12) }},
	{id: 105, code: "DBL", name: "德邦快递", regMail: `^[0-9]{8,10}$|^DPK[0-9]{12}$`,
		waybill: func(r *rand.Rand) string { return "DPK" + digits(r, 12) }},
	{id: 106, code: "UC", name: "优速快递", regMail: `^(VIP|vip)[0-9]{9}$|^[0-9]{12}$`,
		waybill: func(r *rand.Rand) string { return "VIP" + digits(r, 9) }},
	{id: 200, code: "OTHER", name: "其他", regMail: "",
		waybill: func(r *rand.Rand) string { return "QT" + upper(r, 2) + digits(r, 10) }},
}

var carrierByCode = func() map[string]*carrier {
	m := make(map[string]*carrier, len(carriers))
	for _, c := range carriers {
		if c.regMail != "" {
			c.re = regexp.MustCompile(c.regMail)
		}
		m[c.code] = c
	}
	return m
}()

// expressCarriers are the carriers trades shipped by express use, most
// common first (picked with falling weights).
var expressCarriers = []string{"ZTO", "YTO", "YUNDA", "STO", "SF", "HTKY", "ZJS", "DBL", "UC"}

// Companies returns the logistics companies of the fake gateway, as
// taobao.logistics.companies.get lists them. The slice is new on every call.
func Companies() []taobao.LogisticsCompany {
	out := make([]taobao.LogisticsCompany, len(carriers))
	for i, c := range carriers {
		out[i] = taobao.LogisticsCompany{ID: int64(c.id), Code: c.code, Name: c.name, RegMailNo: c.regMail}
	}
	return out
}

// Company returns the company with the code.
func Company(code string) (taobao.LogisticsCompany, bool) {
	c, ok := carrierByCode[code]
	if !ok {
		return taobao.LogisticsCompany{}, false
	}
	return taobao.LogisticsCompany{ID: int64(c.id), Code: c.code, Name: c.name, RegMailNo: c.regMail}, true
}

// ValidWaybill reports whether outSid is a waybill number the company
// could have issued: it matches the company's rule, or is not blank for a
// company without one. Unknown companies have no valid numbers.
func ValidWaybill(code, outSid string) bool {
	c, ok := carrierByCode[code]
	switch {
	case !ok || outSid == "" || len(outSid) > 64:
		return false
	case c.re == nil:
		return true
	default:
		return c.re.MatchString(outSid)
	}
}

// Waybill returns a waybill number of the company, drawn from a generator
// seeded with seed, so that the same seed gives the same number. It returns
// "" for an unknown company.
func Waybill(code string, seed uint64) string {
	c, ok := carrierByCode[code]
	if !ok {
		return ""
	}
	return c.waybill(rand.New(rand.NewPCG(seed, 0x77617962696c6c)))
}
