package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunAgainstFakeGateway(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), &out, func(string) string { return "" })
	require.NoError(t, err)
	assert.Contains(t, out.String(), "gateway time:")
}

func TestRunRejectsPartialConfig(t *testing.T) {
	env := map[string]string{"TAOBAO_APP_KEY": "123"}
	err := run(context.Background(), &bytes.Buffer{}, func(k string) string { return env[k] })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "TAOBAO_APP_SECRET")
}
