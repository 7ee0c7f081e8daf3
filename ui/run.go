package ui

import (
	"context"
	"errors"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/dispatch-news/dispatch/model"
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
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return err
	}
	if a, ok := final.(app); ok && a.err != nil {
		return a.err
	}
	return nil
}
