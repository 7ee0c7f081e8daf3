package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dispatch-news/dispatch/model/export"
)

// usage is the text of --help.
const usage = `dispatch: a terminal browser for foreign-affairs news

Usage:
  dispatch [--corpus PATH]... [PATH...]            open the browser (PATHs are files or folders)
  dispatch list      [--corpus PATH]... [--json | --format md|csv|json]
  dispatch show      [--corpus PATH]... [--json] ID
  dispatch people    [--corpus PATH]... [--json] [QUERY]
  dispatch countries [--corpus PATH]... [--json] [QUERY]
  dispatch orgs      [--corpus PATH]... [--json] [QUERY]
  dispatch search    [--corpus PATH]... [--json] [--limit N] QUERY
  dispatch --print-config
  dispatch --version | --help

Without --corpus or PATHs, dispatch opens the seed articles built into it.
Folders are walked for .txt files; files named explicitly are read whatever their extension.

Options:
  --corpus PATH   a file or folder of articles (repeatable)
  --json          machine-readable output (UTF-8)
  --format F      list as md (a Markdown document), csv (a header row, then one row an
                  article; people, countries, orgs joined with "; ") or json (as --json)
  --limit N       at most N results (search; default 20, 0 for all)
  --timings       print load_ms=… index_ms=… query_ms=… articles=… to stderr
  --no-color      no colour in the browser (as does NO_COLOR=1)
  --no-cache      neither read nor write the cache of parsed articles
  --no-state      the browser neither reads nor writes the reading state (read,
                  starred, notes, where you were); they last until you quit
  --print-config  print the default configuration (theme colours, keys) as JSON, the
                  format of the optional config file (README: Reading state and configuration)

Search queries take plain words (Cyrillic or Latin, any case form) and qualifiers:
  person:NAME country:NAME org:NAME source:NAME since:2025-11 until:2026-01

Exit codes: 0 results, 1 no match, 2 bad usage or unreadable input.
`

// args is a parsed command line.
type args struct {
	command string // "" for the browser
	paths   []string
	words   []string // positional arguments after the command
	json    bool
	format  export.Format // md or csv (list only); --format json sets json instead
	limit   int
	timings bool
	noColor bool
	noCache bool
	noState bool
	help    bool
	version bool
	// printConfig prints the default configuration.
	printConfig bool
}

var commands = map[string]bool{
	"list": true, "show": true, "people": true, "countries": true, "orgs": true, "search": true,
}

// errUsage marks mistakes in the command line (exit code 2, with a pointer to --help).
var errUsage = errors.New("usage")

// parseArgs reads the command line. Flags may come before or after the command and its
// arguments; "--" ends the flags.
func parseArgs(argv []string) (args, error) {
	a := args{limit: 20}
	limitSet := false
	var format export.Format
	var positional []string
	for i := 0; i < len(argv); i++ {
		arg := argv[i]
		if arg == "--" {
			positional = append(positional, argv[i+1:]...)
			break
		}
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			positional = append(positional, arg)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		takeValue := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(argv) {
				return "", fmt.Errorf("%w: %s needs a value", errUsage, arg)
			}
			i++
			return argv[i], nil
		}
		switch name {
		case "corpus":
			v, err := takeValue()
			if err != nil {
				return a, err
			}
			a.paths = append(a.paths, v)
		case "limit":
			v, err := takeValue()
			if err != nil {
				return a, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return a, fmt.Errorf("%w: --limit takes a number ≥ 0, not %q", errUsage, v)
			}
			a.limit, limitSet = n, true
		case "format":
			v, err := takeValue()
			if err != nil {
				return a, err
			}
			f, err := export.ParseFormat(v)
			if err != nil {
				return a, fmt.Errorf("%w: --format: %v", errUsage, err)
			}
			if format != "" && format != f {
				return a, fmt.Errorf("%w: --format %s and --format %s contradict each other", errUsage, format, f)
			}
			format = f
		case "json", "timings", "no-color", "no-cache", "no-state", "help", "h", "version", "print-config":
			if hasValue {
				return a, fmt.Errorf("%w: %s takes no value", errUsage, "--"+name)
			}
			switch name {
			case "json":
				a.json = true
			case "timings":
				a.timings = true
			case "no-color":
				a.noColor = true
			case "no-cache":
				a.noCache = true
			case "no-state":
				a.noState = true
			case "help", "h":
				a.help = true
			case "version":
				a.version = true
			case "print-config":
				a.printConfig = true
			}
		default:
			return a, fmt.Errorf("%w: unknown option %s", errUsage, arg)
		}
	}
	if len(positional) > 0 && commands[positional[0]] {
		a.command, positional = positional[0], positional[1:]
	}
	if a.command == "" {
		a.paths = append(a.paths, positional...)
	} else {
		a.words = positional
	}
	if limitSet && a.command != "search" {
		return a, fmt.Errorf("%w: --limit is an option of search", errUsage)
	}
	if format == export.JSONFormat {
		a.json = true // --format json is --json, wherever --json goes
	} else if format != "" {
		a.format = format
		switch {
		case a.json:
			return a, fmt.Errorf("%w: --json and --format %s contradict each other", errUsage, a.format)
		case a.command != "list":
			return a, fmt.Errorf("%w: --format %s is an option of list", errUsage, a.format)
		}
	}
	return a, a.check()
}

// check rejects argument counts the command does not take.
func (a args) check() error {
	switch a.command {
	case "list":
		if len(a.words) > 0 {
			return fmt.Errorf("%w: list takes no arguments (did you mean search %q?)", errUsage, strings.Join(a.words, " "))
		}
	case "show":
		if len(a.words) != 1 {
			return fmt.Errorf("%w: show takes one article ID (see dispatch list)", errUsage)
		}
	case "search":
		if len(a.words) == 0 {
			return fmt.Errorf("%w: search needs a query", errUsage)
		}
	}
	return nil
}

// query joins the positional words of a query command.
func (a args) query() string { return strings.Join(a.words, " ") }
