package taobaotest

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/toptrade/taobao"
)

// Parameter errors. The gateway answers code 40 "Missing required
// arguments:<name>" and code 41 "Invalid arguments:<name>", both without a
// sub_code, as captured answers show. Which malformed values the gateway
// itself rejects with 41, rather than the service behind it, is not
// documented: here every value that does not parse as the documented type,
// or lies outside a documented range or list of values, is a 41. Rules of
// the trade service itself (the one-day window of the increment API, say)
// answer code 15 with sub_code isv.invalid-parameter:<name>; that sub_code
// family is documented, its use for these rules is a guess.

func missingArg(name string) *taobao.APIError {
	return apiErr(40, "Missing required arguments:"+name, "", "")
}

func invalidArg(name string) *taobao.APIError {
	return apiErr(41, "Invalid arguments:"+name, "", "")
}

// serviceErr is a code-15 answer of the service behind the gateway.
func serviceErr(subCode, subMsg string) *taobao.APIError {
	return apiErr(15, "Remote service error", subCode, subMsg)
}

// errTradeNotExist answers for a trade the session's seller does not have,
// whether it does not exist or belongs to another seller.
func errTradeNotExist() *taobao.APIError {
	return serviceErr("isv.trade-not-exist", "交易订单不存在")
}

// args reads a request's business parameters. Blank values count as
// absent, as the official SDKs never send them.
type args url.Values

func (a args) get(name string) string {
	return strings.TrimSpace(url.Values(a).Get(name))
}

func (a args) required(name string) (string, *taobao.APIError) {
	v := a.get(name)
	if v == "" {
		return "", missingArg(name)
	}
	return v, nil
}

// int64Arg parses an optional Number parameter.
func (a args) int64Arg(name string) (v int64, ok bool, e *taobao.APIError) {
	s := a.get(name)
	if s == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false, invalidArg(name)
	}
	return n, true, nil
}

// tidArg parses a required trade id.
func (a args) tidArg(name string) (int64, *taobao.APIError) {
	if a.get(name) == "" {
		return 0, missingArg(name)
	}
	tid, _, e := a.int64Arg(name)
	if e != nil {
		return 0, e
	}
	if tid <= 0 {
		return 0, invalidArg(name)
	}
	return tid, nil
}

// boolArg parses an optional Boolean parameter: true or false in any case.
func (a args) boolArg(name string) (bool, *taobao.APIError) {
	switch strings.ToLower(a.get(name)) {
	case "":
		return false, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, invalidArg(name)
}

// timeArg parses an optional Date parameter.
func (a args) timeArg(name string) (time.Time, bool, *taobao.APIError) {
	s := a.get(name)
	if s == "" {
		return time.Time{}, false, nil
	}
	t, ok := gmt8Time(s)
	if !ok {
		return time.Time{}, false, invalidArg(name)
	}
	return t, true, nil
}

// listArg splits an optional comma-separated parameter.
func (a args) listArg(name string) []string {
	s := a.get(name)
	if s == "" {
		return nil
	}
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// paging is a list call's page.
type paging struct {
	no, size   int
	useHasNext bool
}

// The trade list APIs document page_no as a positive integer (default 1)
// and page_size as 1 to 100 (default 40); anything else is a 41.
func tradePaging(a args) (paging, *taobao.APIError) {
	p := paging{no: 1, size: 40}
	if n, ok, e := a.int64Arg("page_no"); e != nil {
		return p, e
	} else if ok {
		if n < 1 {
			return p, invalidArg("page_no")
		}
		p.no = int(min(n, math.MaxInt32))
	}
	if n, ok, e := a.int64Arg("page_size"); e != nil {
		return p, e
	} else if ok {
		if n < 1 || n > taobao.MaxPageSize {
			return p, invalidArg("page_size")
		}
		p.size = int(n)
	}
	var e *taobao.APIError
	p.useHasNext, e = a.boolArg("use_has_next")
	return p, e
}

// The logistics list APIs document that a page_no or page_size under 1
// means the default (1 and 40); the official SDK caps page_size at 100.
func logisticsPaging(a args) (paging, *taobao.APIError) {
	p := paging{no: 1, size: 40}
	if n, ok, e := a.int64Arg("page_no"); e != nil {
		return p, e
	} else if ok && n >= 1 {
		p.no = int(min(n, math.MaxInt32))
	}
	if n, ok, e := a.int64Arg("page_size"); e != nil {
		return p, e
	} else if ok && n >= 1 {
		if n > taobao.MaxPageSize {
			return p, invalidArg("page_size")
		}
		p.size = int(n)
	}
	return p, nil
}

// offset is the index of the page's first item, saturating.
func (p paging) offset() int {
	off := int64(p.no-1) * int64(p.size)
	return int(min(off, math.MaxInt32))
}
