// Package cli is dispatch's command line: it parses arguments, loads the corpus, and either
// prints it (plain or JSON) or opens the browser. main only calls Main and exits with its code.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/config"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/model/search"
	"github.com/dispatch-news/dispatch/ui"
)

// Exit codes.
const (
	ExitOK      = 0 // results printed
	ExitNoMatch = 1 // the query matched nothing
	ExitUsage   = 2 // bad usage or unreadable input
)

// Version is the program's version, set at build time with -ldflags "-X …/ui/cli.Version=…".
var Version = "0.1.0-dev"

// Env is what Main needs of the process, so tests can run it in memory.
type Env struct {
	Stdout, Stderr io.Writer
	// IsTerminal reports whether stdin and stdout are a terminal (the browser needs one).
	IsTerminal func() bool
	Getenv     func(string) string
}

// OSEnv is the environment of the running process.
func OSEnv() Env {
	return Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		IsTerminal: func() bool {
			return term.IsTerminal(os.Stdout.Fd()) && term.IsTerminal(os.Stdin.Fd())
		},
		Getenv: os.Getenv,
	}
}

// Main runs dispatch with the arguments after the program name and returns the exit code.
func Main(ctx context.Context, argv []string, env Env) int {
	a, err := parseArgs(argv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dispatch: %s\nRun 'dispatch --help' for usage.\n", trimUsage(err))
		return ExitUsage
	}
	switch {
	case a.help:
		fmt.Fprint(env.Stdout, usage)
		return ExitOK
	case a.version:
		fmt.Fprintf(env.Stdout, "dispatch %s\n", Version)
		return ExitOK
	case a.printConfig:
		writeJSON(env.Stdout, config.Default())
		return ExitOK
	case a.command == "":
		return browse(ctx, a, env)
	}

	r := run{args: a, env: env}
	start := time.Now()
	corpus, err := loader.Load(ctx, a.paths, loader.Options{NoCache: a.noCache})
	if err != nil {
		fmt.Fprintf(env.Stderr, "dispatch: %s\n", sanitize.Line(err.Error()))
		return ExitUsage
	}
	r.loadTime = time.Since(start)
	for _, s := range corpus.Skipped {
		fmt.Fprintf(env.Stderr, "dispatch: skipped %s: %s\n", sanitize.Line(s.Path), sanitize.Line(s.Reason))
	}
	start = time.Now()
	ix := search.New(corpus)
	r.indexTime = time.Since(start)

	start = time.Now()
	code := r.command(ctx, corpus, ix)
	r.queryTime = time.Since(start)
	if a.timings {
		fmt.Fprintf(env.Stderr, "load_ms=%d index_ms=%d query_ms=%d articles=%d\n",
			r.loadTime.Milliseconds(), r.indexTime.Milliseconds(), r.queryTime.Milliseconds(), len(corpus.Articles))
	}
	return code
}

func trimUsage(err error) string {
	msg := err.Error()
	if p := errUsage.Error() + ": "; len(msg) > len(p) && msg[:len(p)] == p {
		return msg[len(p):]
	}
	return msg
}

// browse opens the browser, which needs a terminal on both ends.
func browse(ctx context.Context, a args, env Env) int {
	if !env.IsTerminal() {
		fmt.Fprintln(env.Stderr, "dispatch: the browser needs a terminal; to print the corpus instead, try:\n"+
			"  dispatch list            (one line per article; --json for JSON)\n"+
			"  dispatch search QUERY    (ranked articles)\n"+
			"  dispatch --help          (every command)")
		return ExitUsage
	}
	if len(a.paths) > 0 {
		// A missing path is a usage error, found before the terminal is taken over.
		for _, p := range a.paths {
			if _, err := os.Stat(p); err != nil {
				fmt.Fprintf(env.Stderr, "dispatch: %s\n", sanitize.Line(err.Error()))
				return ExitUsage
			}
		}
	}
	noColor := a.noColor || env.Getenv("NO_COLOR") != ""
	if err := ui.Run(ctx, ui.RunOptions{Paths: a.paths, NoColor: noColor, NoCache: a.noCache, NoState: a.noState}); err != nil {
		if errors.Is(err, context.Canceled) {
			return ExitOK
		}
		fmt.Fprintf(env.Stderr, "dispatch: %s\n", sanitize.Line(err.Error()))
		return ExitUsage
	}
	return ExitOK
}

// run is one subcommand's execution.
type run struct {
	args                           args
	env                            Env
	loadTime, indexTime, queryTime time.Duration
}

func (r run) command(ctx context.Context, c *model.Corpus, ix *search.Index) int {
	switch r.args.command {
	case "list":
		return r.list(c.Articles)
	case "show":
		return r.show(c, r.args.words[0])
	case "people":
		return r.entities(ctx, ix, search.People)
	case "countries":
		return r.entities(ctx, ix, search.Countries)
	case "orgs":
		return r.entities(ctx, ix, search.Orgs)
	case "search":
		return r.search(ctx, ix)
	}
	return ExitUsage
}
