package taobaotest_test

import (
	"context"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/coder/websocket"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
	"github.com/toptrade/taobao/tmc"
)

// connectRaw sends one Connect and returns the acknowledgement.
func connectRaw(t *testing.T, srv *taobaotest.TMCServer, f *tmc.Frame) *tmc.Frame {
	t.Helper()
	ctx := context.Background()
	ws, _, err := websocket.Dial(ctx, "ws://tmc.test/", &websocket.DialOptions{HTTPClient: srv.Client()})
	require.NoError(t, err)
	defer ws.CloseNow()
	b, err := f.Marshal()
	require.NoError(t, err)
	require.NoError(t, ws.Write(ctx, websocket.MessageBinary, b))
	_, data, err := ws.Read(ctx)
	require.NoError(t, err)
	ack, err := tmc.Unmarshal(data)
	require.NoError(t, err)
	return ack
}

func TestTMCServerChecksConnect(t *testing.T) {
	now := func() string { return strconv.FormatInt(time.Now().UnixMilli(), 10) }
	old := func() string { return strconv.FormatInt(time.Now().Add(-time.Hour).UnixMilli(), 10) }
	tests := []struct {
		name      string
		key, sec  string
		ts        func() string
		wantCode  int32
		wantToken bool
	}{
		{"good", "k", "sec", now, 0, true},
		{"bad sign", "k", "other", now, 401, false},
		{"unknown key", "x", "sec", now, 401, false},
		{"stale timestamp", "k", "sec", old, 401, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := taobaotest.NewTMCServer("k", "sec")
				defer srv.Close()
				ack := connectRaw(t, srv, tmc.ConnectFrame(tt.key, tt.sec, "default", tt.ts(), 7, "other-sdk"))
				assert.Equal(t, tmc.TypeConnectAck, ack.Type)
				assert.Equal(t, int32(7), ack.Flag, "flag echoed")
				assert.Equal(t, tt.wantCode, ack.StatusCode)
				assert.Equal(t, tt.wantToken, ack.Token != "")
				if tt.wantCode != 0 {
					assert.NotEmpty(t, ack.StatusPhrase)
					assert.NotContains(t, ack.StatusPhrase, "sec")
				}
			})
		})
	}
}

func TestTMCServerRetentionBound(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := taobaotest.NewTMCServer("k", "sec", taobaotest.WithTMCRetention(3))
		defer srv.Close()
		for range 5 {
			srv.Publish("t", "shop", 1, nil)
		}
		st := srv.Stats()
		assert.Equal(t, 3, st.Pending)
		assert.Equal(t, 2, st.Dropped)
	})
}
