// Command genmodels writes the generated model block of trade.go and
// logistics.go from internal/fields. Run it with `go generate` from the
// module root.
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
	blocks, err := fields.Generate(m)
	if err != nil {
		return err
	}
	for key, name := range fields.Files {
		path := filepath.Join(".", name)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out, err := fields.Splice(src, blocks[key])
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := os.WriteFile(path, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
