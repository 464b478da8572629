// Command quickstart makes its first calls to the TOP gateway: the
// gateway's clock, through the generic Call. With no TAOBAO_* variables set
// it runs against the built-in fake gateway.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/toptrade/taobao"
	"github.com/toptrade/taobao/internal/demo"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer, env demo.Env) error {
	conn, err := demo.Connect(env, w)
	if err != nil {
		return err
	}
	defer conn.Close()
	c := conn.Client

	fmt.Fprintln(w, "calling taobao.time.get ...")
	var now struct {
		Time taobao.Time `json:"time"`
	}
	if err := c.Call(ctx, "taobao.time.get", nil, &now); err != nil {
		return err
	}
	fmt.Fprintf(w, "gateway time: %s (GMT+8)\n", now.Time)
	return nil
}
