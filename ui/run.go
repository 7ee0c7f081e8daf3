package ui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/config"
)

// RunOptions configure the browser.
type RunOptions struct {
	// Paths are the files and folders to load; none means the embedded seeds.
	Paths []string
	// NoColor removes colour (NO_COLOR set to any non-empty value); bold, underline and
	// reverse still mark what matters.
	NoColor bool
	// NoCache loads without reading or writing the cache of parsed articles.
	NoCache bool
	// Corpus, when set, is browsed instead of loading Paths (tests, demos).
	Corpus *model.Corpus
	// ConfigPath is the configuration file (model/config) to read; Run fills in config.Path()
	// when it is empty. A bad file shows in the status line and the defaults apply.
	ConfigPath string
	// NoState keeps the reading state (read, starred, notes, place) in memory only: nothing
	// is read from or written to the state folder.
	NoState bool
	// StateDir is the folder of the state files; "" means model/state's default
	// ($DISPATCH_STATE_DIR, else the user's state folder).
	StateDir string
	// Input and Output replace the terminal when set.
	Input  io.Reader
	Output io.Writer
}

// Run opens the browser at once with a loading screen, loads the articles in the background
// and returns when the user quits. It returns the loading error, if any, or ctx's error when
// ctx is cancelled.
func Run(ctx context.Context, opts RunOptions) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opts.ConfigPath == "" {
		opts.ConfigPath, _ = config.Path() // no configuration folder: the defaults
	}
	po := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.NoColor {
		po = append(po, tea.WithColorProfile(colorprofile.Ascii))
	}
	if opts.Input != nil {
		po = append(po, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		po = append(po, tea.WithOutput(opts.Output))
	}
	final, err := tea.NewProgram(newApp(ctx, opts), po...).Run()
	var saveErr error
	if a, ok := final.(app); ok {
		// The last changes and where the analyst was, whatever ended the program.
		if saveErr = a.finish(); saveErr != nil {
			saveErr = errors.New("reading state not saved: " + saveErr.Error())
		}
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return err
	}
	if a, ok := final.(app); ok && a.err != nil {
		return a.err
	}
	return saveErr
}
