package redislimit

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/toptrade/taobao"
)

// Store keeps the leases and checkpoints of a fleet's sellers in Redis: a
// taobao.LeaseStore and taobao.CheckpointStore for taobao.FleetOptions.
//
// A lease is a key set with SET NX PX semantics to "token|owner", where the
// token comes from one counter of the app key (INCR), so every lease has a
// larger token than the leases before it. Renew and Release compare the
// token before they touch the key, and a checkpoint is saved only while
// the saver's token still holds the lease: a process that was paused past
// its lease (a long GC, a frozen VM) cannot move the checkpoint once
// another process took over, forwards or back.
type Store struct {
	rdb  redis.Scripter
	keys keys
}

// NewStore returns the store of appKey's sellers on rdb; prefix "" means
// DefaultPrefix.
func NewStore(rdb redis.Scripter, appKey, prefix string) (*Store, error) {
	if rdb == nil {
		return nil, errors.New("redislimit: the Redis client must not be nil")
	}
	if strings.TrimSpace(appKey) == "" {
		return nil, errors.New("redislimit: the app key must not be empty")
	}
	return &Store{rdb: rdb, keys: newKeys(prefix, appKey)}, nil
}

func checkSeller(seller string) error {
	if strings.TrimSpace(seller) == "" {
		return errors.New("redislimit: the seller nick must not be empty")
	}
	return nil
}

// Acquire takes the seller's lease for ttl unless someone holds it.
func (s *Store) Acquire(ctx context.Context, seller, owner string, ttl time.Duration) (int64, bool, error) {
	if err := checkSeller(seller); err != nil {
		return 0, false, err
	}
	if ttl < time.Millisecond {
		return 0, false, fmt.Errorf("redislimit: lease ttl must be at least 1ms, got %s", ttl)
	}
	tok, err := acquireScript.Run(ctx, s.rdb, []string{s.keys.lease(seller), s.keys.fence}, owner, ttl.Milliseconds()).Int64()
	if err != nil {
		return 0, false, fmt.Errorf("redislimit: taking the lease of %s: %w", seller, err)
	}
	return tok, tok > 0, nil
}

// Renew extends the lease held with token to ttl from now.
func (s *Store) Renew(ctx context.Context, seller string, token int64, ttl time.Duration) (bool, error) {
	if ttl < time.Millisecond {
		return false, fmt.Errorf("redislimit: lease ttl must be at least 1ms, got %s", ttl)
	}
	n, err := renewScript.Run(ctx, s.rdb, []string{s.keys.lease(seller)}, token, ttl.Milliseconds()).Int64()
	if err != nil {
		return false, fmt.Errorf("redislimit: renewing the lease of %s: %w", seller, err)
	}
	return n == 1, nil
}

// Release deletes the lease if token still holds it.
func (s *Store) Release(ctx context.Context, seller string, token int64) error {
	if err := releaseScript.Run(ctx, s.rdb, []string{s.keys.lease(seller)}, token).Err(); err != nil {
		return fmt.Errorf("redislimit: releasing the lease of %s: %w", seller, err)
	}
	return nil
}

// LoadCheckpoint returns the seller's checkpoint.
func (s *Store) LoadCheckpoint(ctx context.Context, seller string) (time.Time, bool, error) {
	v, err := loadScript.Run(ctx, s.rdb, []string{s.keys.cp(seller)}).Text()
	if errors.Is(err, redis.Nil) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, fmt.Errorf("redislimit: loading the checkpoint of %s: %w", seller, err)
	}
	_, stamp, ok := strings.Cut(v, "|")
	us, perr := strconv.ParseInt(stamp, 10, 64)
	if !ok || perr != nil {
		return time.Time{}, false, fmt.Errorf("redislimit: the checkpoint of %s is corrupt: %q", seller, v)
	}
	return time.UnixMicro(us), true, nil
}

// SaveCheckpoint records t only while token holds the seller's lease; it
// returns an error matching taobao.ErrLeaseLost otherwise.
func (s *Store) SaveCheckpoint(ctx context.Context, seller string, token int64, t time.Time) error {
	n, err := saveScript.Run(ctx, s.rdb, []string{s.keys.lease(seller), s.keys.cp(seller)}, token, t.UnixMicro()).Int64()
	if err != nil {
		return fmt.Errorf("redislimit: saving the checkpoint of %s: %w", seller, err)
	}
	if n != 1 {
		return fmt.Errorf("%w: %s (token %d): checkpoint not saved", taobao.ErrLeaseLost, seller, token)
	}
	return nil
}

// luaToken reads the token of the lease value v.
const luaToken = `
local function tokenOf(v)
  if not v then return nil end
  return string.match(v, '^(%d+)|')
end
`

// acquireScript: KEYS lease, fence counter; ARGV owner, ttl (ms).
var acquireScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local tok = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], tok .. '|' .. ARGV[1], 'PX', ARGV[2])
return tok
`)

// renewScript: KEYS lease; ARGV token, ttl (ms).
var renewScript = redis.NewScript(luaToken + `
if tokenOf(redis.call('GET', KEYS[1])) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`)

// releaseScript: KEYS lease; ARGV token. Compare and delete.
var releaseScript = redis.NewScript(luaToken + `
if tokenOf(redis.call('GET', KEYS[1])) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`)

// loadScript: KEYS checkpoint. A script rather than GET so that the
// package needs nothing of the client but scripts.
var loadScript = redis.NewScript(`return redis.call('GET', KEYS[1])`)

// saveScript: KEYS lease, checkpoint; ARGV token, time (µs since 1970).
// The checkpoint keeps the token that wrote it; an older token never
// overwrites a newer one's checkpoint.
var saveScript = redis.NewScript(luaToken + `
if tokenOf(redis.call('GET', KEYS[1])) ~= ARGV[1] then return 0 end
local prev = tokenOf(redis.call('GET', KEYS[2]))
if prev and tonumber(prev) > tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[1] .. '|' .. ARGV[2])
return 1
`)
