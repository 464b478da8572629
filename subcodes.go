package taobao

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrorClass says what kind of failure an error is, and so what a caller
// should do about it. The sub_code catalogue uses the first three; the
// observer hooks report the others too.
type ErrorClass string

// Error classes.
const (
	// ClassRetryable: a passing failure; the same call may work later.
	ClassRetryable ErrorClass = "retryable"
	// ClassCallerError: the request itself is wrong (a parameter, the
	// trade's state, a permission); sending it again changes nothing.
	ClassCallerError ErrorClass = "caller_error"
	// ClassAlreadyDone: what the call asked for is already so (the trade
	// was shipped, nothing was left to change).
	ClassAlreadyDone ErrorClass = "already_done"
	// ClassRateLimited: the gateway's flow control refused the call.
	ClassRateLimited ErrorClass = "rate_limited"
	// ClassSession: the session is missing, invalid or expired.
	ClassSession ErrorClass = "session"
	// ClassOutcomeUnknown: a write that may or may not have taken effect.
	ClassOutcomeUnknown ErrorClass = "outcome_unknown"
	// ClassCanceled: the caller's context was cancelled or expired.
	ClassCanceled ErrorClass = "canceled"
	// ClassUnknown: none of the above.
	ClassUnknown ErrorClass = "unknown"
)

// SubCodeInfo describes one sub_code of the gateway's error answers.
type SubCodeInfo struct {
	// SubCode is the sub_code as the catalogue knows it: the full code, or
	// for the logistics families ("isv.logistics-offline-service-error:B04")
	// the short code after the colon ("B04").
	SubCode   string
	Class     ErrorClass // ClassRetryable, ClassCallerError or ClassAlreadyDone
	Meaning   string     // what it means, in English
	MeaningZH string     // what it means, in Chinese
	Sentinel  error      // the sentinel it matches through errors.Is, or nil
}

// subCodes holds the sub_codes the protocol notes and real answers show
// (top-protocol.md §6, the logistics families of §7.8). Read-only.
var subCodes = map[string]SubCodeInfo{
	// isp.*: back-end failures; the gateway's docs say to try again later.
	"isp.top-remote-connection-timeout":             {Class: ClassRetryable, Meaning: "the gateway timed out calling the back end", MeaningZH: "远程服务连接超时"},
	"isp.top-remote-connection-timeout-tmall":       {Class: ClassRetryable, Meaning: "the gateway timed out calling the Tmall back end", MeaningZH: "天猫远程服务连接超时"},
	"isp.top-remote-service-unavailable":            {Class: ClassRetryable, Meaning: "the back end is unavailable", MeaningZH: "远程服务不可用"},
	"isp.top-remote-unknown-error":                  {Class: ClassRetryable, Meaning: "the back end failed for an unknown reason", MeaningZH: "远程服务未知错误"},
	"isp.top-remote-connection-control-error":       {Class: ClassRetryable, Meaning: "the gateway limited its connections to the back end", MeaningZH: "远程服务连接流控"},
	"isp.remote-connection-error":                   {Class: ClassRetryable, Meaning: "the back end could not be reached", MeaningZH: "远程连接错误"},
	"isp.remote-service-timeout":                    {Class: ClassRetryable, Meaning: "the back end timed out", MeaningZH: "远程服务超时"},
	"isp.service-unavailable":                       {Class: ClassRetryable, Meaning: "the service is unavailable", MeaningZH: "服务不可用"},
	"isp.system-busy":                               {Class: ClassRetryable, Meaning: "the system is busy", MeaningZH: "系统繁忙"},
	"isp.top-mapping-parse-error":                   {Class: ClassRetryable, Meaning: "the gateway could not read the back end's answer", MeaningZH: "网关解析后端结果出错"},
	"isp.service-error":                             {Class: ClassRetryable, Meaning: "the back end failed", MeaningZH: "服务错误"},
	"isp.logistics-online-service-error:S01":        {Class: ClassRetryable, Meaning: "the logistics service's data is not ready; try again later", MeaningZH: "数据异常，请稍后重试"},
	"isv.trade-service-rejection":                   {Class: ClassRetryable, Meaning: "the trade service is refusing slow queries; narrow the time range and wait three minutes", MeaningZH: "超时请求过多，请缩短查询时间间隔，3分钟后再查询"},
	"accesscontrol.limited-by-api-access-count":     {Class: ClassRetryable, Meaning: "this API's call limit across every app is reached; wait for the ban to end", MeaningZH: "API调用频率超限"},
	"accesscontrol.limited-by-app-api-access-count": {Class: ClassRetryable, Meaning: "this app's call limit for this API is reached; wait for the ban to end", MeaningZH: "应用对该API的调用频率超限"},
	"accesscontrol.limited-by-dynamic-access-count": {Class: ClassRetryable, Meaning: "the gateway's dynamic flow control refused the call; wait and try again", MeaningZH: "动态流控限制"},
	"accesscontrol.limited-by-app-access-count":     {Class: ClassCallerError, Meaning: "the app key's daily call quota is spent; calls work again after midnight GMT+8", MeaningZH: "应用日调用量超限", Sentinel: ErrBanned},

	// isv.*: the request is wrong.
	"isv.missing-parameter":                  {Class: ClassCallerError, Meaning: "a required parameter is missing", MeaningZH: "缺少必选参数", Sentinel: ErrInvalidArgument},
	"isv.invalid-parameter":                  {Class: ClassCallerError, Meaning: "a parameter is invalid", MeaningZH: "参数无效", Sentinel: ErrInvalidArgument},
	"isv.parameters-mismatch":                {Class: ClassCallerError, Meaning: "parameters contradict each other", MeaningZH: "参数不匹配"},
	"isv.permission-api-package-limit":       {Class: ClassCallerError, Meaning: "the app's API package does not include this API", MeaningZH: "应用没有该API的权限包", Sentinel: ErrPermissionDenied},
	"isv.permission-api-package-not-allowed": {Class: ClassCallerError, Meaning: "the app may not use this API package", MeaningZH: "应用不允许使用该权限包", Sentinel: ErrPermissionDenied},
	"isv.permission-ip-whitelist-limit":      {Class: ClassCallerError, Meaning: "the calling IP is not on the app's whitelist", MeaningZH: "调用IP不在白名单内", Sentinel: ErrPermissionDenied},
	"isv.invalid-permission":                 {Class: ClassCallerError, Meaning: "the session lacks the permission", MeaningZH: "权限不足", Sentinel: ErrPermissionDenied},
	"isv.oaid-field-miss":                    {Class: ClassCallerError, Meaning: "the answer needs include_oaid=true to carry the OAID", MeaningZH: "缺少OAID字段，请设置include_oaid"},
	"isv.trade-not-exist":                    {Class: ClassCallerError, Meaning: "the trade does not exist for this seller", MeaningZH: "交易不存在", Sentinel: ErrNotFound},

	// Session sub_codes: authorize the seller again or refresh the token.
	"invalid-sessionkey":                 {Class: ClassCallerError, Meaning: "the session is invalid", MeaningZH: "无效的SessionKey", Sentinel: ErrInvalidSession},
	"session-expired":                    {Class: ClassCallerError, Meaning: "the session has expired; refresh it or authorize again", MeaningZH: "SessionKey已过期", Sentinel: ErrInvalidSession},
	"session-not-exist":                  {Class: ClassCallerError, Meaning: "the session does not exist", MeaningZH: "SessionKey不存在", Sentinel: ErrInvalidSession},
	"sessionkey-not-generated-by-server": {Class: ClassCallerError, Meaning: "the session belongs to another app or user", MeaningZH: "SessionKey不属于该应用或用户", Sentinel: ErrInvalidSession},
	"invalid-session":                    {Class: ClassCallerError, Meaning: "the session is invalid", MeaningZH: "无效的会话", Sentinel: ErrInvalidSession},
}

// logisticsCodes holds the short codes of the logistics families
// (isv.logistics-offline-service-error, -online-, -dummy-,
// isv.logistics-update-company-or-mailno-error). Read-only.
var logisticsCodes = map[string]SubCodeInfo{
	"B01":                   {Class: ClassCallerError, Meaning: "the trade does not exist", MeaningZH: "订单不存在", Sentinel: ErrNotFound},
	"ORDER_NOT_FOUND_ERROR": {Class: ClassCallerError, Meaning: "the trade does not exist", MeaningZH: "订单不存在", Sentinel: ErrNotFound},
	"B02":                   {Class: ClassCallerError, Meaning: "the trade is not in a state that allows this", MeaningZH: "订单状态不对"},
	"B03":                   {Class: ClassCallerError, Meaning: "cash-on-delivery trades cannot be shipped this way", MeaningZH: "货到付款订单不能用此方式发货"},
	"B04":                   {Class: ClassAlreadyDone, Meaning: "the trade was already shipped or is closed", MeaningZH: "该物流订单已经发货或者已关闭，不能重复发货", Sentinel: ErrAlreadyShipped},
	"B27":                   {Class: ClassAlreadyDone, Meaning: "the trade already has a shipment", MeaningZH: "订单已生成物流订单", Sentinel: ErrAlreadyShipped},
	"B52":                   {Class: ClassCallerError, Meaning: "the carrier does not take online orders", MeaningZH: "物流公司不支持在线下单"},
	"B55":                   {Class: ClassCallerError, Meaning: "the trade is not in a state that allows this", MeaningZH: "订单状态不对"},
	"B56":                   {Class: ClassCallerError, Meaning: "no carrier was given", MeaningZH: "没有选择物流公司"},
	"B57":                   {Class: ClassCallerError, Meaning: "the carrier does not support self-arranged shipping", MeaningZH: "该物流公司不支持自己联系"},
	"B59":                   {Class: ClassCallerError, Meaning: "the waybill number is empty", MeaningZH: "运单号为空"},
	"B60":                   {Class: ClassCallerError, Meaning: "the carrier's rule refuses the waybill number, or it was used", MeaningZH: "运单号不符合规则或已经被使用", Sentinel: ErrInvalidWaybill},
	"B86":                   {Class: ClassCallerError, Meaning: "cash-on-delivery trades cannot be shipped this way", MeaningZH: "货到付款订单不能用此方式发货"},
	"B98":                   {Class: ClassCallerError, Meaning: "the shipping type does not match the trade", MeaningZH: "发货类型不匹配"},
	"B101":                  {Class: ClassCallerError, Meaning: "the address-book entry does not exist", MeaningZH: "地址库不存在"},
	"B150":                  {Class: ClassRetryable, Meaning: "shipping failed on the carrier's side; check the trade, then try again later", MeaningZH: "发货异常，请稍后重试"},
	"S01":                   {Class: ClassRetryable, Meaning: "the logistics service's data is not ready; try again later", MeaningZH: "数据异常，请稍后重试"},
	"P01":                   {Class: ClassCallerError, Meaning: "a parameter is empty or malformed", MeaningZH: "数据为空或格式不对", Sentinel: ErrInvalidArgument},
	"P22":                   {Class: ClassCallerError, Meaning: "a parameter is empty or malformed", MeaningZH: "数据为空或格式不对", Sentinel: ErrInvalidArgument},
	"P02":                   {Class: ClassCallerError, Meaning: "a partly shipped trade cannot be changed this way", MeaningZH: "部分发货订单不能修改"},
	"P03":                   {Class: ClassCallerError, Meaning: "the carrier cannot be used here", MeaningZH: "物流公司不对"},
	"P05":                   {Class: ClassCallerError, Meaning: "this kind of shipment cannot be changed", MeaningZH: "不支持该发货类型"},
	"P06":                   {Class: ClassCallerError, Meaning: "the trade is not in a state that allows this", MeaningZH: "订单状态不对"},
	"P07":                   {Class: ClassAlreadyDone, Meaning: "nothing changed: the same carrier and waybill are already recorded", MeaningZH: "未作修改", Sentinel: ErrNoChange},
	"P08":                   {Class: ClassCallerError, Meaning: "changing this shipment is not supported; never retry", MeaningZH: "不支持修改，禁止重试"},
	"P38":                   {Class: ClassCallerError, Meaning: "the split shipment failed its checks", MeaningZH: "拆单校验未通过"},
	"CD19":                  {Class: ClassCallerError, Meaning: "the trade was not shipped yet", MeaningZH: "订单未发货"},
	"F01":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
	"F02":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
	"F03":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
	"F04":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
	"F05":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
	"F06":                   {Class: ClassCallerError, Meaning: "the waybill number is refused: invalid, fake, expired or used", MeaningZH: "运单号无效（不合法、虚假、过期或已使用）", Sentinel: ErrInvalidWaybill},
}

// logisticsFamily reports whether sub is a logistics sub_code with a short
// code after the colon, and returns that code.
func logisticsFamily(sub string) (string, bool) {
	if !strings.HasPrefix(sub, "isv.logistics-") && !strings.HasPrefix(sub, "isp.logistics-") {
		return "", false
	}
	_, code, ok := strings.Cut(sub, ":")
	return code, ok && code != ""
}

// LookupSubCode returns what the catalogue knows of a sub_code. Logistics
// sub_codes are looked up by their short code, whatever the family
// ("isv.logistics-online-service-error:B60" finds B60); a parameter name
// after "isv.missing-parameter:" or "isv.invalid-parameter:" is ignored.
func LookupSubCode(sub string) (SubCodeInfo, bool) {
	if info, ok := subCodes[sub]; ok {
		info.SubCode = sub
		return info, true
	}
	if code, ok := logisticsFamily(sub); ok {
		if info, ok := logisticsCodes[code]; ok {
			info.SubCode = code
			return info, true
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(code, "CD")); err == nil && strings.HasPrefix(code, "CD") && n >= 22 && n <= 31 {
			return SubCodeInfo{SubCode: code, Class: ClassCallerError, Meaning: "the split-shipment parameters break a rule", MeaningZH: "拆单发货参数不符合规则", Sentinel: ErrInvalidArgument}, true
		}
		return SubCodeInfo{}, false
	}
	if head, _, ok := strings.Cut(sub, ":"); ok && (head == "isv.missing-parameter" || head == "isv.invalid-parameter") {
		info := subCodes[head]
		info.SubCode = head
		return info, true
	}
	return SubCodeInfo{}, false
}

// SubCodes returns a copy of the catalogue, sorted by sub_code, for
// documentation and tests. The logistics short codes come last.
func SubCodes() []SubCodeInfo {
	out := make([]SubCodeInfo, 0, len(subCodes)+len(logisticsCodes))
	for k, v := range subCodes {
		v.SubCode = k
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b SubCodeInfo) int { return strings.Compare(a.SubCode, b.SubCode) })
	n := len(out)
	for k, v := range logisticsCodes {
		v.SubCode = k
		out = append(out, v)
	}
	slices.SortFunc(out[n:], func(a, b SubCodeInfo) int { return strings.Compare(a.SubCode, b.SubCode) })
	return out
}

// codeInfo is what a platform code means.
type codeInfo struct{ meaning, zh string }

// platformCodes holds the platform codes of top-protocol.md §6.1. Read-only.
var platformCodes = map[int]codeInfo{
	4:  {"the user's call limit is reached", "用户调用次数超限"},
	5:  {"the session's call limit is reached", "会话调用次数超限"},
	6:  {"the partner's call limit is reached", "合作伙伴调用次数超限"},
	7:  {"the app's call limit is reached; wait for the ban to end", "应用调用次数超限"},
	8:  {"the app calls too often; slow down", "应用调用频率超限"},
	9:  {"the HTTP method is not allowed", "HTTP方法被禁止"},
	10: {"the service is unavailable; try again later", "服务不可用"},
	11: {"the app lacks the permission for this API", "开发者权限不足"},
	12: {"the seller lacks the permission", "用户权限不足"},
	13: {"the partner lacks the permission", "合作伙伴权限不足"},
	15: {"the back end answered an error; the sub_code says which", "远程服务出错"},
	21: {"the method name is missing", "缺少方法名参数"},
	22: {"the method does not exist", "不存在的方法名"},
	23: {"the format is not valid", "非法数据格式"},
	24: {"the signature is missing", "缺少签名参数"},
	25: {"the gateway computed another signature", "非法签名"},
	26: {"the session is missing", "缺少SessionKey参数"},
	27: {"the session is invalid or expired; refresh it or authorize again", "无效的SessionKey参数"},
	28: {"the app key is missing", "缺少AppKey参数"},
	29: {"the app key is not valid", "非法的AppKey参数"},
	30: {"the timestamp is missing", "缺少时间戳参数"},
	31: {"the timestamp is more than 10 minutes off the gateway's clock, or malformed", "非法的时间戳参数"},
	32: {"the version is missing", "缺少版本参数"},
	33: {"the version is not valid", "非法的版本参数"},
	34: {"the version is not supported", "不支持的版本号"},
	40: {"a required parameter is missing", "缺少必选参数"},
	41: {"a parameter is not valid", "非法的参数"},
	42: {"the request is forbidden: the session's permission is too short", "请求被禁止"},
	43: {"a parameter is wrong", "参数错误"},
	44: {"the access token is not valid", "无效的access token"},
	47: {"the encoding is wrong", "编码错误"},
	50: {"the back end refused the request; the sub_code says why", "业务错误"},
	53: {"the app's security level is too low; raise it or refresh the session", "安全等级不足"},
}

// sentInfo is what the client knows about the attempt that got an error
// answer, for Explain.
type sentInfo struct {
	signMethod SignMethod
	timestamp  time.Time // the timestamp parameter sent
	gateway    time.Time // the gateway's clock from the answer's Date header; zero if unknown
}

// clockWindow is how far the gateway lets a timestamp be off (code 31).
const clockWindow = 10 * time.Minute

// Explain returns a short explanation of the error for people: what the
// code and sub_code mean, in English and Chinese, and what to do. For an
// invalid signature (code 25) it names the three usual causes and, from
// what this client sent, which one fits.
func (e *APIError) Explain() string {
	var b strings.Builder
	if info, ok := e.subCodeInfo(); ok {
		fmt.Fprintf(&b, "%s: %s (%s).", e.SubCode, info.Meaning, info.MeaningZH)
		switch info.Class {
		case ClassRetryable:
			b.WriteString(" A passing failure: the same call may work later.")
		case ClassCallerError:
			b.WriteString(" The request must change: sending it again fails the same way.")
		case ClassAlreadyDone:
			b.WriteString(" Already done: treat it as success after checking the state.")
		}
	} else {
		if ci, ok := platformCodes[e.Code]; ok {
			fmt.Fprintf(&b, "Error %d: %s (%s).", e.Code, ci.meaning, ci.zh)
		} else {
			fmt.Fprintf(&b, "Error %d.", e.Code)
		}
		if e.SubCode != "" {
			fmt.Fprintf(&b, " Its sub_code %s is not in the catalogue", e.SubCode)
			switch {
			case strings.HasPrefix(e.SubCode, "isp."):
				b.WriteString("; isp marks a back-end failure: try again later.")
			case strings.HasPrefix(e.SubCode, "isv."):
				b.WriteString("; isv marks a caller error: the request must change.")
			default:
				b.WriteString(".")
			}
		}
	}
	switch e.Code {
	case 25:
		b.WriteString(" The usual causes: the app secret does not belong to the app key; the app expects another sign method; the host clock is off. ")
		b.WriteString(e.signatureVerdict())
		b.WriteString(".")
	case 31:
		if e.sent != nil && !e.sent.gateway.IsZero() {
			fmt.Fprintf(&b, " This host's clock was %s the gateway's.", roundSkew(e.sent.timestamp.Sub(e.sent.gateway)))
		} else {
			b.WriteString(" Check the host clock (NTP).")
		}
	}
	if e.RequestID != "" {
		b.WriteString(" request_id=")
		b.WriteString(e.RequestID)
	}
	return b.String()
}

// subCodeInfo looks the error's sub_code up in the catalogue.
func (e *APIError) subCodeInfo() (SubCodeInfo, bool) {
	if e.SubCode == "" {
		return SubCodeInfo{}, false
	}
	return LookupSubCode(e.SubCode)
}

// signatureVerdict says which cause of an invalid signature fits what the
// client sent: a clock off by more than the gateway allows, a sign method
// other than hmac-sha256, else the secret.
func (e *APIError) signatureVerdict() string {
	s := e.sent
	if s == nil {
		return "Nothing is known of the request, so check all three"
	}
	clockKnown := !s.gateway.IsZero()
	if clockKnown {
		if skew := s.timestamp.Sub(s.gateway); skew > clockWindow || skew < -clockWindow {
			return "Likely the clock: this host's clock was " + roundSkew(skew) + " the gateway's"
		}
	}
	clock := "the clock was not compared"
	if clockKnown {
		clock = "the clock agrees with the gateway's"
	}
	if s.signMethod != SignHMACSHA256 {
		// [INF] Every app accepts hmac-sha256; some do not accept the
		// older methods, so the older method is the cause that fits next.
		return "Likely the sign method, else the secret: this client signed with " + string(s.signMethod) + " (" + clock + "); try WithSignMethod(SignHMACSHA256) first"
	}
	return "Likely the app secret: the client signed with hmac-sha256 (" + clock + ")"
}

// hint is the short advice Error adds for codes whose cause the client
// may know: the likely cause of an invalid signature or timestamp.
func (e *APIError) hint() string {
	switch e.Code {
	case 25:
		if e.sent == nil {
			return "check the app secret, the sign method and the host clock"
		}
		v := e.signatureVerdict()
		return strings.ToLower(v[:1]) + v[1:]
	case 31:
		if e.sent != nil && !e.sent.gateway.IsZero() {
			return "this host's clock is " + roundSkew(e.sent.timestamp.Sub(e.sent.gateway)) + " the gateway's"
		}
		return "check the host clock"
	}
	return ""
}

// roundSkew writes a clock difference in seconds, with its direction.
func roundSkew(d time.Duration) string {
	dir := " ahead of"
	if d < 0 {
		d, dir = -d, " behind"
	}
	return d.Round(time.Second).String() + dir
}
