package tmc

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/toptrade/taobao"
)

// WithBatchSize sets how many messages a Poller asks for per call (10 to
// 200, default 100). The Consumer ignores it.
func WithBatchSize(n int) Option {
	return func(c *config) error {
		if n < MinConsumeBatch || n > MaxConsumeBatch {
			return fmt.Errorf("tmc: WithBatchSize: need %d to %d, got %d", MinConsumeBatch, MaxConsumeBatch, n)
		}
		c.batch = n
		return nil
	}
}

// Poller reads the channel's queue over the gateway (Consume and Confirm)
// and hands each message to the same kind of Handler as a Consumer, for
// hosts that cannot hold a WebSocket open. Both may run at once on one
// group: they share its queue.
//
// It takes these options: WithGroup, WithPullInterval (the wait after an
// empty batch), WithBatchSize, WithMaxInFlight, WithBackoff, WithLogger and
// WithReconnectHook (called before the wait after a failed call). The
// others are accepted and ignored.
type Poller struct {
	c   *taobao.Client
	cfg config
	run atomic.Bool
}

// NewPoller returns a Poller that calls the gateway through c.
func NewPoller(c *taobao.Client, opts ...Option) (*Poller, error) {
	if c == nil {
		return nil, errors.New("tmc: NewPoller: nil *taobao.Client")
	}
	cfg, err := newConfig(opts)
	if err != nil {
		return nil, err
	}
	return &Poller{c: c, cfg: cfg}, nil
}

// Run reads batches until ctx ends and returns ctx.Err() once every handler
// it started has returned. After a batch it confirms, in one call per 200,
// the messages whose handler returned nil; the gateway has no way to report
// a failure, so a message whose handler failed is simply left unconfirmed
// and comes back later. A full batch is followed at once by the next; an
// empty one by the pull interval. A failed call is retried with jittered
// exponential backoff. A Poller runs once at a time.
func (p *Poller) Run(ctx context.Context, h Handler) error {
	if h == nil {
		return errors.New("tmc: Poller.Run: nil handler")
	}
	if !p.run.CompareAndSwap(false, true) {
		return errors.New("tmc: Poller.Run: already running")
	}
	defer p.run.Store(false)
	attempt := 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		msgs, err := Consume(ctx, p.c, p.cfg.group, p.cfg.batch)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			attempt++
			d := backoff(p.cfg, attempt)
			if p.cfg.logger != nil {
				p.cfg.logger.Warn("tmc: poll failed; retrying", "err", err, "attempt", attempt, "delay", d)
			}
			if p.cfg.onReconnect != nil {
				p.cfg.onReconnect(ReconnectEvent{Err: err, Attempt: attempt, Delay: d})
			}
			if !sleep(ctx, d) {
				return ctx.Err()
			}
			continue
		}
		attempt = 0
		if len(msgs) == 0 {
			if !sleep(ctx, p.cfg.pull) {
				return ctx.Err()
			}
			continue
		}
		p.confirm(ctx, p.handle(ctx, h, msgs))
	}
}

// handle runs h on every message, at most maxInFlight at once, and returns
// the ids of those it succeeded on, in batch order.
func (p *Poller) handle(ctx context.Context, h Handler, msgs []*Message) []int64 {
	ok := make([]bool, len(msgs))
	sem := make(chan struct{}, p.cfg.maxInFlight)
	var wg sync.WaitGroup
	for i, m := range msgs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if err := h(ctx, m); err != nil {
				// The handler's error is the application's text: only
				// the message is named here.
				if p.cfg.logger != nil {
					p.cfg.logger.Warn("tmc: handler failed; the message comes back later", "id", m.ID, "topic", m.Topic)
				}
				return
			}
			ok[i] = true
		})
	}
	wg.Wait()
	ids := make([]int64, 0, len(msgs))
	for i, m := range msgs {
		if ok[i] {
			ids = append(ids, m.ID)
		}
	}
	return ids
}

// confirm settles ids. Work already done is confirmed even when ctx has
// just ended, within the write timeout, so that it is not redone.
func (p *Poller) confirm(ctx context.Context, ids []int64) {
	if len(ids) == 0 {
		return
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.cfg.writeTimeout)
	defer cancel()
	for len(ids) > 0 {
		n := min(len(ids), MaxConfirmIDs)
		if err := Confirm(cctx, p.c, p.cfg.group, ids[:n]...); err != nil && p.cfg.logger != nil {
			p.cfg.logger.Warn("tmc: confirm failed; the messages come back later", "err", err, "count", n)
		}
		ids = ids[n:]
	}
}

// sleep waits d or until ctx ends, reporting whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
