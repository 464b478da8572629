package tmc

import (
	"crypto/md5"
	"encoding/hex"
	"strings"
)

// Kind is the value of the "__kind" header that selects the operation a
// Send frame carries.
type Kind int8

// The kinds of Send frames.
const (
	KindNone    Kind = 0
	KindPull    Kind = 1  // client asks for pending messages
	KindConfirm Kind = 2  // client settles one message
	KindData    Kind = 3  // a pushed message
	KindFailed  Kind = 20 // client reports a failure; the message comes back later
)

// Names of the custom headers.
const (
	HeaderKind      = "__kind"
	HeaderID        = "id"
	HeaderMsg       = "msg"
	HeaderTopic     = "topic"
	HeaderContent   = "content"
	HeaderTime      = "time"
	HeaderOutTime   = "outtime"
	HeaderDataID    = "dataid"
	HeaderPublisher = "publisher"
	HeaderNick      = "nick"
	HeaderUserID    = "userid"
	HeaderRetried   = "retried"
	HeaderAppKey    = "app_key"
	HeaderGroup     = "group_name"
	HeaderTimestamp = "timestamp"
	HeaderSign      = "sign"
	HeaderSDK       = "sdk"
)

// DefaultGroup is the message group of an app that made no other.
const DefaultGroup = "default"

// MaxReasonLen is the most characters a failure reason carries.
const MaxReasonLen = 128

// Sign returns the signature of a Connect: the upper-case hex MD5 of the
// secret, the three signed parameters in key order, and the secret again.
func Sign(appSecret, appKey, group, timestamp string) string {
	var b strings.Builder
	b.Grow(2*len(appSecret) + len(appKey) + len(group) + len(timestamp) + 30)
	b.WriteString(appSecret)
	b.WriteString("app_key")
	b.WriteString(appKey)
	b.WriteString("group_name")
	b.WriteString(group)
	b.WriteString("timestamp")
	b.WriteString(timestamp)
	b.WriteString(appSecret)
	sum := md5.Sum([]byte(b.String()))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// ConnectFrame returns the Connect a client sends: flag, app key, group,
// timestamp (Unix milliseconds in decimal), sign and the SDK name.
func ConnectFrame(appKey, appSecret, group, timestamp string, flag int32, sdk string) *Frame {
	f := &Frame{Type: TypeConnect, Flag: flag}
	f.Set(HeaderAppKey, StringValue(appKey))
	f.Set(HeaderGroup, StringValue(group))
	f.Set(HeaderTimestamp, StringValue(timestamp))
	f.Set(HeaderSign, StringValue(Sign(appSecret, appKey, group, timestamp)))
	f.Set(HeaderSDK, StringValue(sdk))
	return f
}

// PullFrame returns a pull request.
func PullFrame(token string) *Frame {
	return &Frame{Type: TypeSend, Token: token, Headers: []Header{{HeaderKind, ByteValue(int8(KindPull))}}}
}

// ConfirmFrame returns the confirmation of message id.
func ConfirmFrame(token string, id int64) *Frame {
	return &Frame{Type: TypeSend, Token: token, Headers: []Header{
		{HeaderKind, ByteValue(int8(KindConfirm))},
		{HeaderID, Int64Value(id)},
	}}
}

// FailedFrame returns the failure report of message id; the reason is cut
// to MaxReasonLen characters.
func FailedFrame(token string, id int64, reason string) *Frame {
	return &Frame{Type: TypeSend, Token: token, Headers: []Header{
		{HeaderKind, ByteValue(int8(KindFailed))},
		{HeaderID, Int64Value(id)},
		{HeaderMsg, StringValue(CutReason(reason))},
	}}
}

// CutReason cuts s to at most MaxReasonLen characters, never inside a
// UTF-8 sequence.
func CutReason(s string) string {
	n := 0
	for i := range s {
		if n == MaxReasonLen {
			return s[:i]
		}
		n++
	}
	return s
}

// FrameKind returns the "__kind" of a frame, or KindNone.
func FrameKind(f *Frame) Kind {
	v, ok := f.Get(HeaderKind)
	if !ok {
		return KindNone
	}
	n, ok := v.IntValue()
	if !ok {
		return KindNone
	}
	return Kind(n)
}
