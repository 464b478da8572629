// Command genmodels writes the generated model files (trade_gen.go,
// logistics_gen.go, decode_gen.go) from internal/fields. Run it with
// `go generate` from the module root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/toptrade/taobao/internal/fields"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "genmodels:", err)
		os.Exit(1)
	}
}

func run() error {
	m, err := fields.Load()
	if err != nil {
		return err
	}
	files, err := fields.Generate(m)
	if err != nil {
		return err
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(".", name), src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
