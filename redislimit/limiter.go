// Package redislimit shares one Taobao app key between many processes
// through Redis: a taobao.RateLimiter that paces the calls of every process
// of the app key together and spreads the gateway's bans to all of them,
// and a lease and checkpoint store for taobao.Fleet, so that each seller is
// synced by one process at a time.
//
// Every key of one app key carries the same hash tag ("{app key}"), so the
// package works with a single Redis and with Redis Cluster alike; each
// operation is one Lua script on keys of that one slot. Any go-redis client
// works: *redis.Client, *redis.ClusterClient or *redis.Ring.
//
// Inside a testing/synctest bubble, go-redis must be given an IP address
// (or a dialer) and MaintNotificationsConfig with Mode
// maintnotifications.ModeDisabled: its default mode resolves the host name
// from a goroutine outside the bubble.
package redislimit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/toptrade/taobao"
)

// DefaultPrefix starts every key the package writes.
const DefaultPrefix = "taobao"

// DefaultMaxQueue is how far ahead a Wait may book its call slot.
const DefaultMaxQueue = 10 * time.Second

// Limit is a rate: Rate calls a second on average, with bursts of up to
// Burst calls. A zero Rate means no limit (but see LimiterOptions.App).
type Limit struct {
	Rate  float64
	Burst int
}

// LimiterOptions configure a Limiter.
type LimiterOptions struct {
	// Prefix starts the keys (default DefaultPrefix).
	Prefix string
	// App is the app key's rate, shared by all its calls and processes. A
	// zero Rate means no app-wide limit when Methods are given, and
	// otherwise taobao.DefaultRate with taobao.DefaultBurst, the pacing of
	// a lone client: a limiter is never unpaced by omission.
	App Limit
	// Methods are the per-API quotas the app key has, by method name.
	Methods map[string]Limit
	// MaxBanWait is the longest ban Wait sits out; a call stopped by a
	// longer one fails at once with a *taobao.BanError (default
	// taobao.DefaultMaxBanWait).
	MaxBanWait time.Duration
	// MaxQueue is how far ahead of now a call may book its slot (default
	// DefaultMaxQueue); a caller further back waits and books again.
	MaxQueue time.Duration
	// OnError, if set, is told about Redis failures of Ban, which has no
	// way to return them. The ban still holds in this process.
	OnError func(err error)
}

// Limiter is a taobao.RateLimiter shared through Redis by every process of
// an app key. Create one per process (they all see the same keys) and pass
// it to taobao.WithLimiter.
//
// The pacing is GCRA (the generic cell rate algorithm: a token bucket kept
// as one "theoretical arrival time" per bucket), in a Lua script of this
// package rather than github.com/go-redis/redis_rate: the script checks the
// bans and both buckets (the app key's and the method's) and books the
// call in one round trip and one atomic step, and it counts in integer
// microseconds of the server's clock (TIME), so that every process shares
// one clock and the result does not drift with float rounding (redis_rate
// works in float seconds and admits one call more or less under a frozen
// clock). A Wait books its slot and sleeps until it: callers are served in
// the order they asked, which keeps the sellers of a fleet fair.
type Limiter struct {
	rdb        redis.Scripter
	app        string
	keys       keys
	appL       gcra
	methods    map[string]gcra
	maxBanWait time.Duration
	maxQueue   time.Duration
	onError    func(error)
	local      *taobao.Limiter // this process's copy of its own bans, for when Redis fails
}

// gcra is a Limit in the script's terms: emission interval and tolerance
// in microseconds.
type gcra struct{ interval, tolerance int64 }

func toGCRA(name string, l Limit) (gcra, error) {
	switch {
	case math.IsNaN(l.Rate) || l.Rate < 0 || math.IsInf(l.Rate, 0):
		return gcra{}, fmt.Errorf("redislimit: %s: rate must be a positive number of calls a second, got %v", name, l.Rate)
	case l.Burst < 0:
		return gcra{}, fmt.Errorf("redislimit: %s: burst must not be negative, got %d", name, l.Burst)
	case l.Rate == 0:
		return gcra{}, nil
	}
	// Rounded up, plus a microsecond: the limiter may be a hair slower than
	// asked, never faster, even for a gateway that counts calls in windows
	// that start at a call's arrival to the nanosecond (the script's clock
	// has microseconds, so two calls booked one second apart may arrive a
	// few hundred nanoseconds short of it).
	interval := int64(math.Ceil(1e6/l.Rate)) + 1
	return gcra{interval: interval, tolerance: int64(max(l.Burst, 1)-1) * interval}, nil
}

// NewLimiter returns the limiter of appKey on rdb.
func NewLimiter(rdb redis.Scripter, appKey string, opts *LimiterOptions) (*Limiter, error) {
	if rdb == nil {
		return nil, errors.New("redislimit: the Redis client must not be nil")
	}
	if strings.TrimSpace(appKey) == "" {
		return nil, errors.New("redislimit: the app key must not be empty")
	}
	var o LimiterOptions
	if opts != nil {
		o = *opts
	}
	if o.MaxBanWait < 0 || o.MaxQueue < 0 {
		return nil, errors.New("redislimit: MaxBanWait and MaxQueue must not be negative")
	}
	l := &Limiter{
		rdb: rdb, app: appKey, keys: newKeys(o.Prefix, appKey),
		maxBanWait: o.MaxBanWait, maxQueue: o.MaxQueue, onError: o.OnError,
		methods: make(map[string]gcra, len(o.Methods)),
	}
	if l.maxBanWait == 0 {
		l.maxBanWait = taobao.DefaultMaxBanWait
	}
	if l.maxQueue == 0 {
		l.maxQueue = DefaultMaxQueue
	}
	var err error
	if o.App.Rate == 0 && len(o.Methods) == 0 {
		o.App = Limit{Rate: taobao.DefaultRate, Burst: taobao.DefaultBurst}
	}
	if l.appL, err = toGCRA("app limit", o.App); err != nil {
		return nil, err
	}
	for m, lim := range o.Methods {
		if strings.TrimSpace(m) == "" {
			return nil, errors.New("redislimit: Methods: a method name is empty")
		}
		if l.methods[m], err = toGCRA("limit of "+m, lim); err != nil {
			return nil, err
		}
	}
	l.local = taobao.NewLimiter(0, 1, l.maxBanWait)
	return l, nil
}

// MaxBanWait returns the longest ban Wait sits out; the client fails fast
// on longer ones.
func (l *Limiter) MaxBanWait() time.Duration { return l.maxBanWait }

// Wait blocks until a call of method may go out under the app key's and
// the method's rates and no ban of any process stops it. It fails fast
// with a *taobao.BanError when a ban outlasts MaxBanWait, and returns an
// error when Redis cannot be reached.
func (l *Limiter) Wait(ctx context.Context, method string) error {
	m := l.methods[method]
	ks := []string{l.keys.rate, l.keys.methodRate(method), l.keys.ban, l.keys.banMethods}
	for {
		// Bans this process heard of hold even when Redis is away.
		if err := l.local.Wait(ctx, method); err != nil {
			return err
		}
		ahead := l.maxQueue
		deadline, hasDeadline := ctx.Deadline()
		if hasDeadline {
			// A slot must come strictly before the deadline to be of use.
			ahead = min(ahead, time.Until(deadline)-time.Microsecond)
		}
		res, err := reserveScript.Run(ctx, l.rdb, ks,
			l.appL.interval, l.appL.tolerance, m.interval, m.tolerance, ahead.Microseconds(), method).Slice()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("redislimit: booking a call of %s: %w", method, err)
		}
		r, err := parseReply(res)
		if err != nil {
			return fmt.Errorf("redislimit: booking a call of %s: %w", method, err)
		}
		wait := time.Duration(r.wait) * time.Microsecond
		switch r.kind {
		case replyBooked:
			return sleep(ctx, wait)
		case replyMethod:
			if err := sleep(ctx, wait); err != nil {
				return err
			}
			m = gcra{} // booked: only the app key's slot is left
			ks[1] = l.keys.rate
		case replyBanned:
			// A method slot booked before the ban is void: book anew.
			m, ks[1] = l.methods[method], l.keys.methodRate(method)
			if wait > l.maxBanWait {
				be := &taobao.BanError{Method: method, Scope: r.scope, Until: time.Now().Add(wait), Cause: r.cause}
				var apiErr *taobao.APIError
				if errors.As(r.cause, &apiErr) {
					be.RequestID = apiErr.RequestID
				}
				return be
			}
			if err := sleep(ctx, wait); err != nil {
				return err
			}
		case replyTooFar:
			if hasDeadline && ahead < l.maxQueue {
				return fmt.Errorf("redislimit: the next call slot of %s is after the context's deadline: %w", method, context.DeadlineExceeded)
			}
			if err := sleep(ctx, wait-ahead); err != nil {
				return err
			}
		}
	}
}

// Ban records the gateway's ban in Redis, so that every process of the app
// key stops, and in this process (where it holds even if Redis fails). A
// longer ban already in force in the same scope is kept.
func (l *Limiter) Ban(b taobao.Ban) {
	if b.For <= 0 {
		return
	}
	l.local.Ban(b)
	method := "" // the app key's ban
	if b.Scope == taobao.BanMethod && b.Method != "" {
		method = b.Method
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := banScript.Run(ctx, l.rdb, []string{l.keys.ban, l.keys.banMethods},
		b.For.Microseconds(), b.Scope.String(), encodeCause(b), method).Err()
	if err != nil && l.onError != nil {
		l.onError(fmt.Errorf("redislimit: recording a ban of %s: %w", b.Method, err))
	}
}

// Unban lifts every ban of the app key, in Redis and in this process (for
// example after the quota was reset in the console).
func (l *Limiter) Unban(ctx context.Context) error {
	l.local.Unban()
	if err := unbanScript.Run(ctx, l.rdb, []string{l.keys.ban, l.keys.banMethods}).Err(); err != nil {
		return fmt.Errorf("redislimit: lifting the bans: %w", err)
	}
	return nil
}

// keys are the Redis keys of one app key, all in one hash slot.
type keys struct {
	base, rate, ban, banMethods, fence string
}

func newKeys(prefix, appKey string) keys {
	if prefix == "" {
		prefix = DefaultPrefix
	}
	// Braces would end the hash tag early: the tag must be the app key.
	tag := strings.NewReplacer("{", "(", "}", ")").Replace(appKey)
	base := prefix + ":{" + tag + "}:"
	return keys{base: base, rate: base + "rate", ban: base + "ban", banMethods: base + "bans", fence: base + "fence"}
}

func (k keys) methodRate(m string) string { return k.rate + ":" + m }
func (k keys) lease(seller string) string { return k.base + "lease:" + seller }
func (k keys) cp(seller string) string    { return k.base + "cp:" + seller }

// The script's answers.
const (
	replyBooked = 0 // booked; wait is how long until the slot
	replyBanned = 1 // a ban stops the call for wait more
	replyTooFar = 2 // the next slot is wait away, beyond what may be booked
	replyMethod = 3 // the method's slot is booked, wait away; the app key's is still to book
)

type reply struct {
	kind  int64
	wait  int64
	scope taobao.BanScope
	cause error
}

func parseReply(res []any) (reply, error) {
	if len(res) != 4 {
		return reply{}, fmt.Errorf("unexpected answer of the script: %v", res)
	}
	kind, ok1 := res[0].(int64)
	wait, ok2 := res[1].(int64)
	scope, _ := res[2].(string)
	cause, _ := res[3].(string)
	if !ok1 || !ok2 {
		return reply{}, fmt.Errorf("unexpected answer of the script: %v", res)
	}
	r := reply{kind: kind, wait: max(wait, 0)}
	switch scope {
	case "method":
		r.scope = taobao.BanMethod
	case "daily":
		r.scope = taobao.BanDaily
	}
	r.cause = decodeCause(cause)
	return r, nil
}

// storedCause is the gateway's answer behind a ban, as other processes see
// it. It holds no secret: an error answer carries codes and messages only.
type storedCause struct {
	Method    string `json:"method,omitempty"`
	Code      int    `json:"code,omitempty"`
	Msg       string `json:"msg,omitempty"`
	SubCode   string `json:"sub_code,omitempty"`
	SubMsg    string `json:"sub_msg,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

func encodeCause(b taobao.Ban) string {
	var c storedCause
	var apiErr *taobao.APIError
	if errors.As(b.Cause, &apiErr) {
		c = storedCause{apiErr.Method, apiErr.Code, apiErr.Msg, apiErr.SubCode, apiErr.SubMsg, apiErr.RequestID}
	} else {
		c.Method = b.Method
	}
	out, _ := json.Marshal(c)
	return string(out)
}

func decodeCause(s string) error {
	var c storedCause
	if s == "" || json.Unmarshal([]byte(s), &c) != nil || c.Code == 0 {
		return nil
	}
	return &taobao.APIError{Method: c.Method, Code: c.Code, Msg: c.Msg, SubCode: c.SubCode, SubMsg: c.SubMsg, RequestID: c.RequestID}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// luaNow reads the server's clock in integer microseconds. Scripts that
// write after reading TIME need effects replication on Redis before 5.
const luaNow = `
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
`

// Bans are stored as "until|scope|cause", until in µs of the server's
// clock: the app key's in one string key, the per-method ones as fields of
// one hash (so that every key a script touches is declared, as Redis
// Cluster wants). The keys expire with their longest ban; stale hash
// fields are dropped when a ban is written.

// reserveScript: KEYS app bucket, method bucket, app ban, method bans;
// ARGV app interval, app tolerance, method interval, method tolerance (an
// interval of 0 means no such bucket), the furthest booking (all in µs),
// the method.
var reserveScript = redis.NewScript(luaNow + `
local worst, scope, cause = 0, '', ''
local bans = {redis.call('GET', KEYS[3]), redis.call('HGET', KEYS[4], ARGV[6])}
for i = 1, 2 do
  local v = bans[i]
  if v then
    local u, s, c = string.match(v, '^(%d+)|(%a+)|(.*)$')
    u = tonumber(u)
    if u and u - now > worst then worst, scope, cause = u - now, s, c end
  end
end
if worst > 0 then return {1, worst, scope, cause} end
local ahead = tonumber(ARGV[5])
local im, tm = tonumber(ARGV[3]), tonumber(ARGV[4])
if im > 0 then
  -- A method that must wait for its own quota books that slot alone: the
  -- caller books the app key's slot when it comes, so that the app
  -- key's bucket is never pushed into the future by one slow method.
  local tat = tonumber(redis.call('GET', KEYS[2]) or now) or now
  if tat < now then tat = now end
  local wait = tat - tm - now
  if wait > 0 then
    if wait > ahead then return {2, wait, '', ''} end
    tat = tat + im
    redis.call('SET', KEYS[2], string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1000)
    return {3, wait, '', ''}
  end
end
local at = now
local tats = {}
for b = 1, 2 do
  local interval, tol = tonumber(ARGV[2*b-1]), tonumber(ARGV[2*b])
  if interval > 0 then
    local tat = tonumber(redis.call('GET', KEYS[b]) or now) or now
    if tat < now then tat = now end
    if tat - tol > at then at = tat - tol end
    tats[b] = tat
  end
end
local wait = at - now
if wait > ahead then return {2, wait, '', ''} end
for b = 1, 2 do
  if tats[b] then
    local tat = tats[b]
    if at > tat then tat = at end
    tat = tat + tonumber(ARGV[2*b-1])
    redis.call('SET', KEYS[b], string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1000)
  end
end
return {0, wait, '', ''}
`)

// banScript: KEYS app ban, method bans; ARGV length (µs), scope, cause,
// method ("" for a ban of the app key). A longer ban in force is kept.
var banScript = redis.NewScript(luaNow + `
local untilTime = now + tonumber(ARGV[1])
local value = string.format('%.0f', untilTime) .. '|' .. ARGV[2] .. '|' .. ARGV[3]
local ms = math.floor(tonumber(ARGV[1]) / 1000) + 1
local function untilOf(v)
  if not v then return nil end
  return tonumber(string.match(v, '^(%d+)|'))
end
if ARGV[4] == '' then
  local u = untilOf(redis.call('GET', KEYS[1]))
  if u and u >= untilTime then return 0 end
  redis.call('SET', KEYS[1], value, 'PX', ms)
  return 1
end
local u = untilOf(redis.call('HGET', KEYS[2], ARGV[4]))
if u and u >= untilTime then return 0 end
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  local fu = untilOf(all[i+1])
  if not fu or fu <= now then redis.call('HDEL', KEYS[2], all[i]) end
end
redis.call('HSET', KEYS[2], ARGV[4], value)
if redis.call('PTTL', KEYS[2]) < ms then redis.call('PEXPIRE', KEYS[2], ms) end
return 1
`)

// unbanScript: KEYS app ban, method bans.
var unbanScript = redis.NewScript(`
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`)
