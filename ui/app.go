// Package ui is the terminal browser. The root model (app.go) routes messages: ctrl+c first,
// then a screen that captures keys (a text input), then global keys, then the screen on top of
// a history stack. Screens: the browse screen (browse.go, browse_view.go, browse_detail.go:
// sidebar.go, the windowed list of list.go and rows.go, detail.go and related.go) serves the
// main view, an entity's articles, a timeline month and global search; the pager screen wraps
// pager.go; skipped files have their own (screens.go). Filtering and sorting run off the UI
// goroutine (search.go), as do loading (loading.go) and counting a busy entity's
// co-occurrence (related.go). Search inputs take only printable text of bounded length
// (query.go). Keys are data (keys.go) from which help (help.go) and the hint bar (statusbar.go)
// are generated; styles come from the theme (theme.go, styles.go). Every article-derived
// string passes sanitize.Line or sanitize.Text before it is drawn. An article's detail ends
// with its related articles (related_articles.go); x exports a list (export.go), y copies to
// the clipboard (clipboard.go); colours and keys come from model/config (config.go). The
// reading state (read, starred, notes, where the analyst was) is model/state's, kept and saved
// off the UI goroutine by readstate.go.
package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/config"
	"github.com/dispatch-news/dispatch/model/search"
)

// screen is one full-screen state of the browser; the root keeps a history stack of them, so
// going back restores a screen exactly as it was left (cursor, filter, focus).
type screen interface {
	update(msg tea.Msg) tea.Cmd
	// view draws the screen in exactly the size last given to setSize.
	view() string
	setSize(w, h int)
	// restyle is called after the session's theme changed.
	restyle()
	// capturing reports whether keys go to the screen before global keys (a text input).
	capturing() bool
	// back undoes the screen's own state (a filter, a focused pane) and reports whether it did;
	// when it did not, the root pops the screen.
	back() (bool, tea.Cmd)
	// helpKeys lists every key of the screen; hints the few worth a place in the hint bar.
	helpKeys() []key.Binding
	hints() []key.Binding
}

// session is the state every screen shares: the corpus, its index, styles, keys, caches and
// the history stack screens push onto.
type session struct {
	ctx     context.Context
	corpus  *model.Corpus
	ix      searcher
	th      theme
	st      styles
	keys    keyMap
	rel     relatedCache
	seq     int // last search/list sequence number handed out
	stack   []screen
	w, h    int // size of the screen area (without status and hint lines)
	colorOn bool
	// firstScreenOver is the number of articles above which searches show a first screen.
	firstScreenOver int

	cfg       config.Config // colours and keys (config.go)
	pagerKeys pagerKeyMap
	notice    string   // a one-off message for the status line, cleared by the next key
	paths     []string // what was loaded: exports never go inside it (export.go)
	export    *exportPrompt
	relArts   map[*model.Article][]relatedArticle // related articles, per article (related_articles.go)
	rs        readState                           // read, starred, notes, place (readstate.go)
}

// push opens a screen on top of the history.
func (s *session) push(sc screen) {
	sc.setSize(s.w, s.h)
	s.stack = append(s.stack, sc)
}

// pop closes sc if it is on top of the history.
func (s *session) pop(sc screen) {
	if n := len(s.stack); n > 1 && s.stack[n-1] == sc {
		s.stack = s.stack[:n-1]
	}
}

// nextSeq hands out a sequence number for an asynchronous result.
func (s *session) nextSeq() int {
	s.seq++
	return s.seq
}

// searcher is what the browser needs of the search index (*search.Index); tests may give a
// simpler one.
type searcher interface {
	Search(ctx context.Context, q string, opt search.Options) (*search.Results, error)
	Corpus() *model.Corpus
}

// app is the root model.
type app struct {
	s       *session
	opts    RunOptions
	w, h    int
	loading bool
	load    *loadState
	help    bool
	mouse   bool
	err     error
}

func newApp(ctx context.Context, opts RunOptions) app {
	s := &session{ctx: ctx, colorOn: !opts.NoColor, firstScreenOver: firstScreenOver, paths: opts.Paths}
	s.cfg, s.notice = loadConfig(opts.ConfigPath)
	s.keys, s.pagerKeys = keyMapFrom(s.cfg.Keys), pagerKeyMapFrom(s.cfg.Keys)
	s.th = s.themeFor(true)
	s.st = newStyles(s.th)
	s.rs = openReadState(opts)
	return app{
		s: s, opts: opts, loading: true, mouse: true, load: &loadState{},
	}
}

// Init asks the terminal for its background colour and starts loading.
func (a app) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, startLoad(a.s.ctx, a.opts, a.load))
}

// Update routes a message: ctrl+c first, then a capturing screen, then global keys, then the
// screen on top of the history. Work the message asked for that is too slow for Update (the
// co-occurrence of a busy entity) leaves as commands.
func (a app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	if more := a.s.rel.take(); more != nil {
		cmd = tea.Batch(cmd, more)
	}
	if save := a.s.scheduleSave(); save != nil {
		cmd = tea.Batch(cmd, save)
	}
	return m, cmd
}

func (a app) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k := a.s.keys
	switch msg := msg.(type) {
	case relatedMsg:
		a.s.rel.store(msg)
		for _, sc := range a.s.stack {
			if b, ok := sc.(*browseScreen); ok {
				b.syncDetail()
			}
		}
		return a, nil
	case tea.WindowSizeMsg:
		a.w, a.h = max(msg.Width, 0), max(msg.Height, 0)
		a.s.w, a.s.h = a.w, max(a.h-2, 1)
		for _, sc := range a.s.stack {
			sc.setSize(a.s.w, a.s.h)
		}
		return a, nil
	case tea.BackgroundColorMsg:
		a.s.th = a.s.themeFor(msg.IsDark())
		a.s.st = newStyles(a.s.th)
		for _, sc := range a.s.stack {
			sc.restyle()
		}
		return a, nil
	case loadProgressMsg:
		a.load.progress, a.load.elapsed = msg.p, msg.elapsed
		return a, a.load.wait()
	case loadedMsg:
		return a.loaded(msg)
	case openEntityMsg:
		if len(a.s.stack) > 0 {
			openEntity(a.s, msg.kind, msg.key)
		}
		return a, nil
	case openArticlesMsg:
		if len(a.s.stack) > 0 {
			a.s.push(newArticlesScreen(a.s, msg.title, msg.articles))
		}
		return a, nil
	case savedMsg:
		a.s.saved(msg)
		return a, nil
	case exportedMsg:
		a.s.notice = msg.status()
		return a, nil
	case tea.KeyPressMsg:
		a.s.notice = ""
		if a.s.export != nil {
			return a, a.s.exportKey(msg)
		}
		return a.key(msg, k)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		if a.help || a.loading || len(a.s.stack) == 0 {
			return a, nil
		}
	}
	if len(a.s.stack) == 0 {
		return a, nil
	}
	if _, ok := msg.(listMsg); ok {
		// Results go to whichever screen asked; the sequence number tells which.
		var cmds []tea.Cmd
		for _, sc := range a.s.stack {
			cmds = append(cmds, sc.update(msg))
		}
		return a, tea.Batch(cmds...)
	}
	return a, a.top().update(msg)
}

func (a app) top() screen { return a.s.stack[len(a.s.stack)-1] }

func (a app) key(msg tea.KeyPressMsg, k keyMap) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		return a, tea.Quit
	}
	if a.loading || a.err != nil {
		if key.Matches(msg, k.Quit, k.ForceQuit, k.Back) {
			return a, tea.Quit
		}
		return a, nil
	}
	if a.help {
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			a.help = false
		} else if key.Matches(msg, k.ForceQuit) {
			return a, tea.Quit
		}
		return a, nil
	}
	top := a.top()
	if top.capturing() {
		return a, top.update(msg)
	}
	switch {
	case key.Matches(msg, k.ForceQuit):
		return a, tea.Quit
	case key.Matches(msg, k.Help):
		a.help = true
		return a, nil
	case key.Matches(msg, k.Mouse):
		a.mouse = !a.mouse
		return a, nil
	case key.Matches(msg, k.GlobalSearch):
		sc := newSearchScreen(a.s)
		a.s.push(sc)
		return a, sc.focusInput()
	case key.Matches(msg, k.Skipped):
		a.s.push(newSkippedScreen(a.s))
		return a, nil
	case key.Matches(msg, k.Starred):
		a.s.push(newStarredScreen(a.s))
		return a, nil
	case key.Matches(msg, k.Back, k.Quit):
		if done, cmd := top.back(); done {
			return a, cmd
		}
		if len(a.s.stack) > 1 {
			a.s.stack = a.s.stack[:len(a.s.stack)-1]
			return a, nil
		}
		if key.Matches(msg, k.Quit) {
			return a, tea.Quit
		}
		return a, nil
	}
	return a, top.update(msg)
}

// loaded installs the corpus and opens the main screen, or quits with the loading error.
func (a app) loaded(msg loadedMsg) (tea.Model, tea.Cmd) {
	a.loading = false
	if msg.err != nil {
		a.err = msg.err
		return a, tea.Quit
	}
	a.s.corpus, a.s.ix = msg.corpus, msg.ix
	a.s.stack = nil
	main := newMainScreen(a.s)
	a.s.push(main)
	return a, main.restorePlace(a.s.rs.st.Place())
}

// View draws the top screen, a status line and the hint bar; or the loading screen, or help.
func (a app) View() tea.View {
	v := tea.NewView(a.content())
	v.AltScreen = true
	v.WindowTitle = "dispatch"
	if a.mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (a app) content() string {
	if a.w <= 0 || a.h <= 0 {
		return ""
	}
	st := &a.s.st
	switch {
	case a.err != nil:
		return fitBlock([]string{st.warn.Render("dispatch: " + clean(a.err.Error()))}, a.w, a.h)
	case a.loading:
		return a.loadingView()
	case len(a.s.stack) == 0:
		return fitBlock(nil, a.w, a.h)
	}
	top := a.top()
	body := top.view()
	if a.help {
		body = helpView(st, a.s.keys, top.helpKeys(), a.s.w, a.s.h)
	}
	lines := append(strings.Split(body, "\n"), a.statusLine(), hintBar(st, a.hints(top), a.w))
	if len(lines) > a.h {
		lines = lines[len(lines)-a.h:] // the hint bar is the last thing to go
	}
	return strings.Join(lines, "\n")
}

func (a app) hints(top screen) []key.Binding {
	if a.help {
		return []key.Binding{a.s.keys.Back, a.s.keys.ForceQuit}
	}
	return top.hints()
}
