package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/toptrade/taobao/taobaotest"
)

func noEnv(string) string { return "" }

func TestRunsAgainstFakeGateway(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "store.json")
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-store", path}, &out, noEnv))
	s := out.String()
	assert.Contains(t, s, "built-in fake gateway")
	assert.Contains(t, s, "refunds waiting for the seller")
	assert.Regexp(t, `(?m)^  refund [0-9]{17}  trade [0-9]{19}  WAIT_SELLER_AGREE`, s)
	assert.Regexp(t, `synced into .*: [1-9][0-9]* trades changed .*, [1-9][0-9]* refunds changed`, s)
	assert.Contains(t, s, "SUCCESS")
	// The memo API is not served by this tree's fake: the step is skipped
	// with a note (or, once it is, the memo is stamped).
	assert.Regexp(t, `memo: the gateway does not serve taobao.trade.memo.update|memo "#aftersales-synced#" stamped on [0-9]+ trades`, s)

	var st store
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &st))
	assert.NotEmpty(t, st.Trades)
	assert.NotEmpty(t, st.Refunds)
	assert.FileExists(t, filepath.Join(filepath.Dir(path), "refunds.checkpoint"))

	// A second run resumes from the checkpoints: nothing changed since.
	out.Reset()
	require.NoError(t, run(context.Background(), []string{"-store", path}, &out, noEnv))
	assert.Contains(t, out.String(), "0 refunds changed")
}

// TestStampsMemosWhereServed: against a gateway that serves the memo API,
// every synced trade gets the memo.
func TestStampsMemosWhereServed(t *testing.T) {
	t.Parallel()
	srv := taobaotest.NewServer(taobaotest.WithSeed(3))
	defer srv.Close()
	stamped := map[string]string{}
	srv.Handle("taobao.trade.memo.update", func(r *taobaotest.Request) (any, error) {
		stamped[r.Params.Get("tid")] = r.Params.Get("memo")
		return map[string]any{"trade": map[string]any{"tid": r.Params.Get("tid"), "modified": "2026-12-01 10:00:00"}}, nil
	})
	seller := srv.Sellers()[0]
	env := map[string]string{"TAOBAO_APP_KEY": srv.AppKey, "TAOBAO_APP_SECRET": srv.AppSecret, "TAOBAO_SESSION": srv.NewSession(seller), "TAOBAO_BASE_URL": srv.URL}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-store", filepath.Join(t.TempDir(), "s.json"), "-memo", "ERP downloaded"}, &out, func(k string) string { return env[k] }))
	assert.Contains(t, out.String(), "gateway: "+srv.URL)
	require.NotEmpty(t, stamped)
	for tid, memo := range stamped {
		assert.Equal(t, "ERP downloaded", memo, tid)
	}
	assert.Contains(t, out.String(), `memo "ERP downloaded" stamped on`)
}

func TestHelpAndBadFlags(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := run(context.Background(), []string{"-h"}, &out, noEnv)
	assert.True(t, errors.Is(err, flag.ErrHelp), "main exits 0 on it")
	assert.Contains(t, out.String(), "-store")
	for _, args := range [][]string{{"-since", "-1h"}, {"-memo", string(make([]byte, 1001))}, {"-nope"}} {
		assert.Error(t, run(context.Background(), args, &bytes.Buffer{}, noEnv), "%q", args[0])
	}
}
