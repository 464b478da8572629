package taobao_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeSections reads the "readme:begin NAME" ... "readme:end" sections of
// the files, dedented.
func readmeSections(t *testing.T, files ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	begin := regexp.MustCompile(`^\s*// readme:begin (\S+)$`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var name string
		var lines []string
		for l := range strings.SplitSeq(string(b), "\n") {
			if m := begin.FindStringSubmatch(l); m != nil {
				name, lines = m[1], nil
				continue
			}
			if strings.TrimSpace(l) == "// readme:end" {
				out[name] = dedent(lines)
				name = ""
				continue
			}
			if name != "" {
				lines = append(lines, l)
			}
		}
	}
	return out
}

func dedent(lines []string) string {
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, "\t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent {
			lines[i] = l[max(indent, 0):]
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// TestREADMESnippets checks that every Go snippet of the README is a
// section of the README examples, which compile and run: no snippet uses
// an undeclared name, ignores an error or shows a result it would not
// give. import lines are the snippet's own.
func TestREADMESnippets(t *testing.T) {
	sections := readmeSections(t, "example_readme_test.go", "otel/example_readme_test.go")
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)
	used := map[string]bool{}
	for _, b := range blocks {
		var lines []string
		for l := range strings.SplitSeq(b[1], "\n") {
			if !strings.HasPrefix(l, "import ") {
				lines = append(lines, l)
			}
		}
		snippet := dedent(lines)
		found := ""
		for name, s := range sections {
			if s == snippet {
				found = name
			}
		}
		if assert.NotEmpty(t, found, "README snippet is no section of example_readme_test.go:\n%s", snippet) {
			used[found] = true
		}
	}
	for name := range sections {
		assert.True(t, used[name], "section %s is not in the README", name)
	}
}
