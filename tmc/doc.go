// Package tmc receives the Taobao Open Platform's real-time messages (the
// message channel, TMC): a Consumer holds the channel's WebSocket open and
// hands every pushed message to a Handler; a Poller reads the same queue
// over the gateway for hosts that cannot hold a WebSocket.
//
// Delivery is at least once and unordered: a message comes again when its
// handler fails or its confirmation is lost, and messages for one trade
// may arrive in any order, minutes or days late. A message only says that
// something changed; handlers should fetch the current record and keep
// the newest by its modified time, so that a duplicate or an old message
// does no harm. Pair the channel with periodic incremental polling as a
// safety net for what it never delivers.
//
// Pipeline does that pairing: it runs a Consumer and each seller's
// taobao.TradeSyncer into one taobao.TradeHandler, fetching the trade an
// event names, dropping versions already handed, handling one trade at a
// time, and polling slowly while the channel is healthy and at full rate
// while it is not.
//
// Sellers are subscribed with Permit (with the seller's session); their
// messages go to the default group unless AddGroup routes them to another.
// ParseEvent decodes a message's content by its topic.
//
// The package also holds the channel's binary codec (Frame, Marshal,
// Unmarshal) for tools and fakes; taobaotest.TMCServer is a fake channel
// built on it.
package tmc
