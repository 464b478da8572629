package tmc

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/toptrade/taobao"
)

// The gateway methods that manage the channel.
const (
	MethodUserPermit      = "taobao.tmc.user.permit"
	MethodUserGet         = "taobao.tmc.user.get"
	MethodUserCancel      = "taobao.tmc.user.cancel"
	MethodGroupAdd        = "taobao.tmc.group.add"
	MethodMessagesConsume = "taobao.tmc.messages.consume"
	MethodMessagesConfirm = "taobao.tmc.messages.confirm"
)

// Limits the gateway documents for the channel's methods.
const (
	MaxPermitTopics = 100 // topics per Permit
	MaxGroupNicks   = 200 // nicks per AddGroup
	MaxConfirmIDs   = 200 // ids per Confirm
	MinConsumeBatch = 10  // the smallest quantity Consume may ask for
	MaxConsumeBatch = 200 // the largest
	maxGroupNameLen = 32
	maxNickLen      = 100
	userGetFields   = "user_nick,user_id,is_valid,created,modified,topics,group_name,user_platform"
	defaultBatch    = 100
)

// argError is a parameter refused before any call; it matches
// taobao.ErrInvalidArgument.
type argError struct{ fn, param, msg string }

func (e *argError) Error() string {
	return "tmc: " + e.fn + ": invalid argument: " + e.param + ": " + e.msg
}

func (e *argError) Is(target error) bool { return target == taobao.ErrInvalidArgument }

func badArg(fn, param, format string, args ...any) error {
	return &argError{fn: fn, param: param, msg: fmt.Sprintf(format, args...)}
}

func checkClient(fn string, c *taobao.Client) error {
	if c == nil {
		return badArg(fn, "client", "nil *taobao.Client")
	}
	return nil
}

func checkNick(fn, nick string) error {
	if strings.TrimSpace(nick) == "" {
		return badArg(fn, "nick", "must not be empty")
	}
	if utf8.RuneCountInString(nick) > maxNickLen {
		return badArg(fn, "nick", "longer than %d characters", maxNickLen)
	}
	return nil
}

// successAnswer is the answer of the methods that only say whether they
// did it.
type successAnswer struct {
	IsSuccess taobao.Bool `json:"is_success"`
}

// Permit subscribes a seller to the channel, calling as the seller: session
// is the seller's session (an empty session calls with c's own). The
// seller must have authorized the app first.
//
// The topic list replaces the seller's previous one: pass every topic the
// app wants for this seller, not only the new ones. With no topics the
// seller gets every topic the app itself is subscribed to.
func Permit(ctx context.Context, c *taobao.Client, session string, topics ...string) error {
	const fn = "Permit"
	if err := checkClient(fn, c); err != nil {
		return err
	}
	if len(topics) > MaxPermitTopics {
		return badArg(fn, "topics", "%d topics, at most %d", len(topics), MaxPermitTopics)
	}
	for _, t := range topics {
		if t == "" || strings.ContainsAny(t, ", \t\r\n") {
			return badArg(fn, "topics", "%q is not a topic name", t)
		}
	}
	params := map[string]string{}
	if len(topics) > 0 {
		params["topics"] = strings.Join(topics, ",")
	}
	if session != "" {
		c = c.WithSession(session)
	}
	var out successAnswer
	if err := c.Call(ctx, MethodUserPermit, params, &out); err != nil {
		return err
	}
	if !out.IsSuccess {
		return fmt.Errorf("tmc: %s answered is_success=false", MethodUserPermit)
	}
	return nil
}

// User is a seller's subscription to the channel.
type User struct {
	Nick     string
	UserID   int64
	Valid    bool
	Created  taobao.Time
	Modified taobao.Time
	// Topics are the topics the seller's messages are sent for.
	Topics []string
	// Group is the message group the seller's messages go to; empty for
	// the default group.
	Group    string
	Platform string
}

type wireUser struct {
	Nick     string              `json:"user_nick"`
	UserID   taobao.Int64        `json:"user_id"`
	Valid    taobao.Bool         `json:"is_valid"`
	Created  taobao.Time         `json:"created"`
	Modified taobao.Time         `json:"modified"`
	Topics   taobao.List[string] `json:"topics"`
	Group    string              `json:"group_name"`
	Platform string              `json:"user_platform"`
}

// ErrNoUser reports a seller the channel has no subscription for.
var ErrNoUser = errors.New("tmc: seller not subscribed")

// GetUser returns a seller's subscription, or an error wrapping ErrNoUser.
// It is an app-level call: no session is needed.
func GetUser(ctx context.Context, c *taobao.Client, nick string) (*User, error) {
	const fn = "GetUser"
	if err := checkClient(fn, c); err != nil {
		return nil, err
	}
	if err := checkNick(fn, nick); err != nil {
		return nil, err
	}
	var out struct {
		User *wireUser `json:"tmc_user"`
	}
	if err := c.Call(ctx, MethodUserGet, map[string]string{"fields": userGetFields, "nick": nick}, &out); err != nil {
		return nil, err
	}
	if out.User == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoUser, nick)
	}
	w := out.User
	return &User{
		Nick: w.Nick, UserID: int64(w.UserID), Valid: bool(w.Valid), Created: w.Created, Modified: w.Modified,
		Topics: []string(w.Topics), Group: w.Group, Platform: w.Platform,
	}, nil
}

// CancelUser stops the channel's messages for a seller. It reports false,
// without an error, when the seller was not subscribed.
func CancelUser(ctx context.Context, c *taobao.Client, nick string) (bool, error) {
	const fn = "CancelUser"
	if err := checkClient(fn, c); err != nil {
		return false, err
	}
	if err := checkNick(fn, nick); err != nil {
		return false, err
	}
	var out successAnswer
	if err := c.Call(ctx, MethodUserCancel, map[string]string{"nick": nick}, &out); err != nil {
		return false, err
	}
	return bool(out.IsSuccess), nil
}

// AddGroup routes the sellers' future messages to a named group, adding to
// the sellers it already holds. Messages sent before stay in the default
// group. A group name has at most 32 characters and must not begin with
// "default", which the platform keeps for itself.
func AddGroup(ctx context.Context, c *taobao.Client, group string, nicks ...string) error {
	const fn = "AddGroup"
	if err := checkClient(fn, c); err != nil {
		return err
	}
	if err := checkGroupName(fn, group); err != nil {
		return err
	}
	if strings.HasPrefix(group, DefaultGroup) {
		return badArg(fn, "group", "%q begins with %q", group, DefaultGroup)
	}
	if len(nicks) == 0 || len(nicks) > MaxGroupNicks {
		return badArg(fn, "nicks", "need 1 to %d nicks, got %d", MaxGroupNicks, len(nicks))
	}
	for _, n := range nicks {
		if err := checkNick(fn, n); err != nil {
			return err
		}
		if strings.Contains(n, ",") {
			return badArg(fn, "nicks", "a nick contains a comma")
		}
	}
	var out struct {
		Group string `json:"group_name"`
	}
	return c.Call(ctx, MethodGroupAdd, map[string]string{"group_name": group, "nicks": strings.Join(nicks, ",")}, &out)
}

func checkGroupName(fn, group string) error {
	if group == "" || utf8.RuneCountInString(group) > maxGroupNameLen {
		return badArg(fn, "group", "need 1 to %d characters, got %d", maxGroupNameLen, utf8.RuneCountInString(group))
	}
	return nil
}

type wireMessage struct {
	ID      taobao.Int64 `json:"id"`
	Topic   string       `json:"topic"`
	Content string       `json:"content"`
	PubTime taobao.Time  `json:"pub_time"`
	Nick    string       `json:"user_nick"`
	UserID  taobao.Int64 `json:"user_id"`
}

// Consume takes up to quantity (10 to 200) messages of a group over the
// gateway instead of the WebSocket; both read the same queue. An empty
// group is the default one. Each message must then be confirmed with
// Confirm, or it is delivered again later. Messages read this way carry no
// sent time and no retry count.
func Consume(ctx context.Context, c *taobao.Client, group string, quantity int) ([]*Message, error) {
	const fn = "Consume"
	if err := checkClient(fn, c); err != nil {
		return nil, err
	}
	if quantity < MinConsumeBatch || quantity > MaxConsumeBatch {
		return nil, badArg(fn, "quantity", "need %d to %d, got %d", MinConsumeBatch, MaxConsumeBatch, quantity)
	}
	params := map[string]string{"quantity": strconv.Itoa(quantity)}
	if err := groupParam(fn, group, params); err != nil {
		return nil, err
	}
	var out struct {
		Messages taobao.List[wireMessage] `json:"messages"`
	}
	if err := c.Call(ctx, MethodMessagesConsume, params, &out); err != nil {
		return nil, err
	}
	msgs := make([]*Message, 0, len(out.Messages))
	for _, w := range out.Messages {
		if w.ID == 0 {
			continue // nothing to confirm it by
		}
		msgs = append(msgs, &Message{
			ID: int64(w.ID), Topic: w.Topic, Nick: w.Nick, UserID: int64(w.UserID),
			Content: []byte(w.Content), Published: w.PubTime.Time,
		})
	}
	return msgs, nil
}

// groupParam sets group_name unless the group is the default one, which
// the gateway wants left out.
func groupParam(fn, group string, params map[string]string) error {
	if group == "" || group == DefaultGroup {
		return nil
	}
	if err := checkGroupName(fn, group); err != nil {
		return err
	}
	params["group_name"] = group
	return nil
}

// Confirm settles messages read with Consume (at most 200 ids per call).
// An empty group is the default one.
func Confirm(ctx context.Context, c *taobao.Client, group string, ids ...int64) error {
	const fn = "Confirm"
	if err := checkClient(fn, c); err != nil {
		return err
	}
	if len(ids) == 0 || len(ids) > MaxConfirmIDs {
		return badArg(fn, "ids", "need 1 to %d ids, got %d", MaxConfirmIDs, len(ids))
	}
	b := make([]byte, 0, 20*len(ids))
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	params := map[string]string{"s_message_ids": string(b)}
	if err := groupParam(fn, group, params); err != nil {
		return err
	}
	var out successAnswer
	if err := c.Call(ctx, MethodMessagesConfirm, params, &out); err != nil {
		return err
	}
	if !out.IsSuccess {
		return errors.New("tmc: " + MethodMessagesConfirm + " answered is_success=false")
	}
	return nil
}
