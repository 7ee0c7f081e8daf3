package ui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/model/search"
	"github.com/dispatch-news/dispatch/model/state"
)

// saveDelay gathers a burst of changes (marking while stepping through articles) into one save.
const saveDelay = 300 * time.Millisecond

// Row markers: an unread article (in the gutter, after the cursor's mark), a starred one
// (before its title). Both read without colour.
const (
	unreadMark = "•"
	starMark   = "★ "
)

// readState is the session's reading state (read, starred, notes, where the analyst was) and
// the bookkeeping of saving it off the event loop.
type readState struct {
	st     *state.State
	gen    int    // bumped on every change, so cached detail panes rebuild
	saving bool   // a save is scheduled or running
	notice string // the latest message about the store, for the status line
	counts readCounts

	// The bold ink of unread titles, derived from the text ink it was built for.
	unreadBase, unreadInk ink
}

// savedMsg reports a finished save.
type savedMsg struct{ err error }

// openReadState opens the state of the corpus opts names. A corpus handed in without paths
// (tests, demos) has no identity to store it under, so it keeps its state in memory; so does
// any corpus when the store cannot be used, with a notice.
func openReadState(opts RunOptions) readState {
	noState := opts.NoState || (opts.Corpus != nil && len(opts.Paths) == 0)
	st, err := state.Open(opts.Paths, state.Options{Dir: opts.StateDir, NoState: noState})
	var rs readState
	if err != nil {
		st, _ = state.Open(nil, state.Options{NoState: true})
		rs.notice = "reading state not kept: " + err.Error()
	}
	rs.st = st
	rs.takeNotices()
	return rs
}

// takeNotices moves the store's messages (a damaged file set aside) to the status line.
func (rs *readState) takeNotices() {
	if n := rs.st.Notices(); len(n) > 0 {
		rs.notice = strings.Join(n, "; ")
	}
}

// scheduleSave returns a command that saves the state a moment from now, when something
// changed and no save is on its way. Save does file I/O, so it runs in the command.
func (s *session) scheduleSave() tea.Cmd {
	rs := &s.rs
	if rs.st == nil || rs.saving || !rs.st.Unsaved() {
		return nil
	}
	rs.saving = true
	st := rs.st
	return func() tea.Msg {
		time.Sleep(saveDelay)
		return savedMsg{err: st.Save()}
	}
}

// saved takes a finished save's outcome; a change made meanwhile is saved by the next
// scheduleSave.
func (s *session) saved(msg savedMsg) {
	s.rs.saving = false
	s.rs.gen++ // the save merged what other windows saved: counts and details follow
	if msg.err != nil {
		s.rs.notice = "reading state not saved: " + msg.err.Error()
	}
	s.rs.takeNotices()
}

// markRead marks an article read, as opening it in the pager does.
func (s *session) markRead(a *model.Article) {
	if a == nil || s.rs.st == nil || s.rs.st.IsRead(a.ID) {
		return
	}
	s.rs.st.MarkRead(a.ID, true)
	s.rs.gen++
}

// toggleRead marks a read article unread and an unread one read.
func (s *session) toggleRead(a *model.Article) {
	if a == nil || s.rs.st == nil {
		return
	}
	s.rs.st.MarkRead(a.ID, !s.rs.st.IsRead(a.ID))
	s.rs.gen++
}

// toggleStar stars or unstars an article.
func (s *session) toggleStar(a *model.Article) {
	if a == nil || s.rs.st == nil {
		return
	}
	s.rs.st.ToggleStar(a.ID)
	s.rs.gen++
}

// starredArticles returns the starred articles the corpus still has, newest first.
func (s *session) starredArticles() []*model.Article {
	var out []*model.Article
	for _, id := range s.rs.st.Starred() {
		if a := s.corpus.Article(id); a != nil {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(x, y *model.Article) int { return y.Date.Compare(x.Date) })
	return out
}

// newStarredScreen lists the starred articles.
func newStarredScreen(s *session) *browseScreen {
	return newArticlesScreen(s, "Starred", s.starredArticles())
}

// markArticle prefixes a starred article's title with a star and makes an unread one's bold;
// unread says whether the row's gutter should mark it (unreadGutter).
func (s *session) markArticle(r ref, pl pool, cells []cell) (_ []cell, unread bool) {
	if r.kind != search.Article || s.rs.st == nil || len(cells) < 2 {
		return cells, false
	}
	id := pl.articles[r.i].ID
	title := &cells[1] // after the date, or after the kind tag in mixed lists
	if !s.rs.st.IsRead(id) {
		unread = true
		title.ink = s.unreadInk()
	}
	if !s.rs.st.IsStarred(id) {
		return cells, unread
	}
	mark := starMark
	n := len([]rune(mark))
	title.text = mark + title.text
	if len(title.match) > 0 {
		m := make([]int, len(title.match))
		for i, x := range title.match {
			m[i] = x + n
		}
		title.match = m
	}
	return cells, unread
}

// unreadGutter is the gutter of an unread row: the cursor's mark, if on it, and a dot.
func unreadGutter(st *styles, cursor bool) string {
	if cursor {
		return st.accent.Render("▌" + unreadMark)
	}
	return " " + unreadMark
}

// unreadInk is the bold text ink, rebuilt only when the theme changed.
func (s *session) unreadInk() ink {
	if s.rs.unreadBase != s.st.inkText || s.rs.unreadInk == (ink{}) {
		s.rs.unreadBase = s.st.inkText
		s.rs.unreadInk = newInk(s.st.text.Bold(true))
	}
	return s.rs.unreadInk
}

// withArticleState adds the article's star and note, if any, to the top of its detail lines.
func (s *session) withArticleState(lines []detailLine, a *model.Article, w int, narrow bool) []detailLine {
	if s.rs.st == nil {
		return lines
	}
	b := &detailBuilder{st: &s.st, w: w}
	if s.rs.st.IsStarred(a.ID) {
		b.add(s.st.accent.Render("★ starred"), nil)
	}
	if note := s.rs.st.Note(a.ID); note != "" {
		b.wrapped("Note: "+sanitize.Line(note), s.st.accent.Render)
	}
	if len(b.lines) == 0 {
		return lines // unread shows in the list; nothing else to say
	}
	b.add("", nil)
	at := 0
	if narrow && len(lines) >= 2 {
		at = 2 // after "Read the article"
	}
	return slices.Concat(lines[:at], b.lines, lines[at:])
}

// selectedArticle is the article under the list's cursor, or nil.
func (b *browseScreen) selectedArticle() *model.Article {
	p := b.cur()
	if p == nil {
		return nil
	}
	r, ok := p.selected(b.pool)
	if !ok || r.kind != search.Article {
		return nil
	}
	return b.pool.articles[r.i]
}

// stateKey handles the reading-state keys of a browse screen; ok is false for other keys.
func (b *browseScreen) stateKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := b.s.keys
	switch {
	case key.Matches(msg, k.ToggleRead):
		b.s.toggleRead(b.selectedArticle())
	case key.Matches(msg, k.Star):
		b.s.toggleStar(b.selectedArticle())
	case key.Matches(msg, k.Note):
		return b.startNote(), true
	case key.Matches(msg, k.UnreadOnly):
		return b.toggleUnreadOnly(), true
	default:
		return nil, false
	}
	return nil, true
}

// toggleUnreadOnly hides or shows the read articles of the article list.
func (b *browseScreen) toggleUnreadOnly() tea.Cmd {
	p := b.cur()
	if p == nil || p.kind != search.Article || p.mixed || b.s.rs.st == nil {
		return nil
	}
	if p.keep != nil {
		p.keep = nil
	} else {
		st, pl := b.s.rs.st, b.pool
		p.keep = func(r ref) bool { return r.kind != search.Article || !st.IsRead(pl.articles[r.i].ID) }
	}
	return p.refresh(b.s, b.pool)
}

// keepRefs returns the items keep accepts.
func keepRefs(items []ref, keep func(ref) bool) []ref {
	out := items[:0:0]
	for _, r := range items {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// noteHints are the keys of the note input.
var noteHints = []key.Binding{
	key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save note")),
	key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

// noteEdit is the one-line input of a note being written on an article.
type noteEdit struct {
	a  *model.Article
	in textinput.Model
}

// startNote opens the note input on the selected article, holding its current note.
func (b *browseScreen) startNote() tea.Cmd {
	a := b.selectedArticle()
	if a == nil {
		return nil
	}
	in := newQueryInput("note: ", "a short note on this article · enter saves · esc cancels")
	in.SetStyles(b.s.st.input)
	in.SetWidth(max(b.w-8, 4))
	in.SetValue(sanitize.Line(b.s.rs.st.Note(a.ID)))
	b.note = &noteEdit{a: a, in: in}
	return b.note.in.Focus()
}

// noteKey handles a key while the note input has the focus: enter saves, esc cancels.
func (b *browseScreen) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		b.s.rs.st.SetNote(b.note.a.ID, b.note.in.Value())
		b.s.rs.gen++
		b.note = nil
		return nil
	case "esc":
		b.note = nil
		return nil
	}
	return b.noteUpdate(msg)
}

// noteUpdate passes a message (a key, a paste) to the note input.
func (b *browseScreen) noteUpdate(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	b.note.in, cmd, _ = updateQuery(b.note.in, msg, "")
	return cmd
}

// stateHeader is what the header says of the reading state: that the list shows unread
// articles only. (A note being written replaces the whole header: see header.)
func (b *browseScreen) stateHeader() string {
	if p := b.cur(); p != nil && p.keep != nil {
		return b.s.st.dim.Render(" · ") + b.s.st.accent.Render("unread only (U)")
	}
	return ""
}

// placeOf is where the analyst is on the main screen: the view, the selected row's key and the
// filter.
func (b *browseScreen) placeOf() state.Place {
	pl := state.Place{View: b.curView().String()}
	p := b.cur()
	if p == nil {
		return pl
	}
	pl.Query = p.query
	if r, ok := p.selected(b.pool); ok {
		pl.Key = refKey(b.pool, r)
	}
	return pl
}

// refKey is the stable key of an item: an article's ID or an entity's key.
func refKey(p pool, r ref) string {
	if r.kind == search.Article {
		return p.articles[r.i].ID
	}
	e, _ := refInfo(p, r)
	return e.key
}

// restorePlace opens the main screen where the analyst left it: the view, the filter and the
// row (the top when the row is gone).
func (b *browseScreen) restorePlace(pl state.Place) tea.Cmd {
	for i, v := range b.views {
		if v.String() == pl.View {
			b.setView(i)
		}
	}
	p := b.cur()
	if p == nil || (pl.Query == "" && pl.Key == "") {
		b.syncDetail()
		return nil
	}
	b.restoreKey = pl.Key
	var cmd tea.Cmd
	if pl.Query != "" {
		p.input.SetValue(pl.Query)
		cmd = p.setQuery(b.s, b.pool, pl.Query)
	}
	b.restoreCursor()
	b.syncDetail()
	return cmd
}

// restoreCursor puts the cursor on the row restorePlace looks for, once the list is there.
func (b *browseScreen) restoreCursor() {
	p := b.cur()
	if b.restoreKey == "" || p == nil || p.pending {
		return
	}
	if p.query != "" && p.items == nil {
		return // the filtered list is still on its way
	}
	for i := range p.len(b.pool) {
		if refKey(b.pool, p.at(i)) == b.restoreKey {
			p.l.moveTo(i)
			break
		}
	}
	b.restoreKey = ""
}

// finish records where the analyst was and saves the state, when the program is over.
func (a app) finish() error {
	st := a.s.rs.st
	if st == nil {
		return nil
	}
	if len(a.s.stack) > 0 {
		if b, ok := a.s.stack[0].(*browseScreen); ok {
			st.SetPlace(b.placeOf())
		}
	}
	return st.Save()
}
