// Package examples_test checks that every example program still builds and
// runs when a user copies it out of this repository into a module of their
// own, with only a require of the SDK.
package examples_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// sdkModules are this repository's modules an example may import, by
// module path, with their directories relative to the repository's root.
var sdkModules = map[string]string{
	"github.com/toptrade/taobao":            ".",
	"github.com/toptrade/taobao/redislimit": "redislimit",
	"github.com/toptrade/taobao/otel":       "otel",
}

func TestExamplesBuildWhenCopied(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example in a module of its own: skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build the copies with")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	dirs, err := os.ReadDir(".")
	require.NoError(t, err)
	n := 0
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "internal" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d.Name(), "main.go")); err != nil {
			continue
		}
		n++
		t.Run(d.Name(), func(t *testing.T) {
			t.Parallel()
			bin := copyAndBuild(t, goBin, root, d.Name())
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			var out bytes.Buffer
			cmd := exec.CommandContext(ctx, bin, "-h")
			cmd.Stdout, cmd.Stderr = &out, &out
			cmd.Env = cleanEnv()
			require.NoError(t, cmd.Run(), "%s -h must exit 0:\n%s", d.Name(), out.String())
			require.NotEmpty(t, out.String(), "-h prints a usage")
			if d.Name() == "quickstart" {
				// The main job, against the embedded fake gateway.
				out.Reset()
				cmd := exec.CommandContext(ctx, bin)
				cmd.Stdout, cmd.Stderr = &out, &out
				cmd.Env = cleanEnv()
				require.NoError(t, cmd.Run(), "%s", out.String())
				require.Contains(t, out.String(), "built-in fake gateway")
			}
		})
	}
	require.Positive(t, n, "examples found")
}

// copyAndBuild copies the example's Go files (tests left out) into a new
// module that requires the SDK, replaced by this checkout, and builds it.
func copyAndBuild(t *testing.T, goBin, root, name string) string {
	t.Helper()
	dst := t.TempDir()
	files, err := filepath.Glob(filepath.Join(name, "*.go"))
	require.NoError(t, err)
	var imports strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		imports.Write(b)
		require.NoError(t, os.WriteFile(filepath.Join(dst, filepath.Base(f)), b, 0o644))
	}
	var mod strings.Builder
	fmt.Fprintf(&mod, "module example.com/%s\n\ngo 1.25.0\n\n", name)
	var sums []byte
	for path, dir := range sdkModules {
		if path != "github.com/toptrade/taobao" && !strings.Contains(imports.String(), `"`+path) {
			continue
		}
		fmt.Fprintf(&mod, "require %s v0.0.0\nreplace %s => %s\n", path, path, filepath.Join(root, dir))
		if b, err := os.ReadFile(filepath.Join(root, dir, "go.sum")); err == nil {
			sums = append(sums, b...)
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dst, "go.mod"), []byte(mod.String()), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dst, "go.sum"), sums, 0o644))

	bin := filepath.Join(dst, name)
	var out bytes.Buffer
	tidy := exec.Command(goBin, "mod", "tidy")
	tidy.Dir, tidy.Stdout, tidy.Stderr = dst, &out, &out
	tidy.Env = append(cleanEnv(), "GOWORK=off", "GOFLAGS=-mod=mod")
	require.NoError(t, tidy.Run(), "go mod tidy in the copy of %s:\n%s", name, out.String())
	build := exec.Command(goBin, "build", "-o", bin, ".")
	build.Dir, build.Stdout, build.Stderr = dst, &out, &out
	build.Env = append(cleanEnv(), "GOWORK=off")
	require.NoError(t, build.Run(), "a copy of examples/%s does not build on its own:\n%s", name, out.String())
	return bin
}

// cleanEnv is the test's environment without TAOBAO_* variables, so that
// the programs use the fake gateway.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "TAOBAO_") {
			env = append(env, kv)
		}
	}
	return env
}
