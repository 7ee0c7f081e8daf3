// Command dispatch is a terminal browser for foreign-affairs news. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/dispatch-news/dispatch/ui/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(code)
}
