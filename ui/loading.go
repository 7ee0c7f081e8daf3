package ui

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// loadProgressMsg reports how far loading has got, and how long it has taken so far.
type loadProgressMsg struct {
	p       loader.Progress
	elapsed time.Duration
}

// loadedMsg carries the loaded corpus and its search index, or the error that stopped loading.
type loadedMsg struct {
	corpus *model.Corpus
	ix     searcher
	err    error
}

// loadState is the channel loading reports on, and the last progress seen.
type loadState struct {
	ch       chan tea.Msg
	progress loader.Progress
	elapsed  time.Duration // when progress was reported, since loading started
}

// progressEvery throttles progress messages: a bar needs no more than a few updates a second.
const progressEvery = 50 * time.Millisecond

// startLoad loads the corpus and builds its index on a goroutine; the returned command
// delivers its messages one at a time (progress, throttled, then loadedMsg).
func startLoad(ctx context.Context, opts RunOptions, ls *loadState) tea.Cmd {
	ls.ch = make(chan tea.Msg, 1)
	ch := ls.ch
	go func() {
		c := opts.Corpus
		var err error
		if c == nil {
			var last atomic.Int64
			start := time.Now()
			c, err = loader.Load(ctx, opts.Paths, loader.Options{NoCache: opts.NoCache, Progress: func(p loader.Progress) {
				now := time.Now().UnixNano()
				if prev := last.Load(); now-prev < int64(progressEvery) || !last.CompareAndSwap(prev, now) {
					return
				}
				select {
				case ch <- loadProgressMsg{p, time.Since(start)}:
				default: // the UI has not taken the last one yet: drop this one
				}
			}})
		}
		if err != nil {
			ch <- loadedMsg{err: err}
			return
		}
		browsingGC() // before indexing (see gcPercentLoaded)
		ix := search.New(c)
		ch <- loadedMsg{corpus: c, ix: ix}
		if ix.Ready(ctx) == nil {
			debug.FreeOSMemory() // what loading and indexing no longer use goes back to the system
		}
	}()
	return ls.wait()
}

// gcPercentLoaded is the garbage collector's target once the corpus is loaded, set before the
// search index is built. The heap is then nearly all corpus, which lives as long as the program,
// and browsing allocates little: Go's default (100) would let the process grow to twice the
// corpus before collecting, where 25 keeps it within a quarter of it for a little more
// collecting. Set before indexing, it makes the index reuse the memory of the loader's garbage:
// the peak of a load of 100k articles in the browser (VmHWM) fell from 1,189,156-1,257,816 kB
// to 1,122,884-1,143,372 kB.
const gcPercentLoaded = 25

// browsingGC sets the collector's target for browsing, unless the user has set GOGC.
func browsingGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercentLoaded)
	}
}

// wait returns a command that delivers the next loading message.
func (ls *loadState) wait() tea.Cmd {
	ch := ls.ch
	return func() tea.Msg { return <-ch }
}

func (a app) loadingView() string {
	st := &a.s.st
	p := a.load.progress
	pct := 0.0
	if p.Total > 0 {
		pct = float64(p.Done) / float64(p.Total)
	}
	count := fmt.Sprintf("%d of %d files", p.Done, p.Total)
	if !p.Counted {
		count += " found so far" // the folders are still being walked
	}
	count += fmt.Sprintf(" · %.1f MB", float64(p.Bytes)/1e6)
	if left := timeLeft(p, a.load.elapsed); left != "" {
		count += " · " + left
	}
	lines := []string{
		"",
		st.title.Render("dispatch") + st.dim.Render(" · loading articles"),
		"",
		progressBar(st, pct, min(max(a.w-8, 4), 60)),
		st.dim.Render(count),
	}
	return fitBlock(lines, a.w, a.h)
}

// timeLeft guesses how much longer loading takes, at the pace so far, once every file is
// found and the pace has had a second to settle: "about 12 s left"; "" until then, and for
// the last second.
func timeLeft(p loader.Progress, elapsed time.Duration) string {
	if !p.Counted || p.Done == 0 || elapsed < time.Second {
		return ""
	}
	left := time.Duration(float64(elapsed) * float64(p.Total-p.Done) / float64(p.Done)).Round(time.Second)
	switch {
	case left < time.Second:
		return ""
	case left < time.Minute:
		return fmt.Sprintf("about %d s left", int(left.Seconds()))
	}
	return fmt.Sprintf("about %d min %d s left", int(left.Minutes()), int(left.Seconds())%60)
}

// progressBar draws a bar of width cells filled to pct. (bubbles' progress needs a module this
// project does not carry, and a static bar is all a loading screen needs.)
func progressBar(st *styles, pct float64, width int) string {
	done := int(float64(width) * min(max(pct, 0), 1))
	return st.accent.Render(strings.Repeat("█", done)) + st.dim.Render(strings.Repeat("░", width-done))
}
