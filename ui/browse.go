package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// pane is a part of a browse screen that can have the focus.
type pane uint8

const (
	paneSidebar pane = iota
	paneList
	paneDetail
)

// Layout limits.
const (
	narrowWidth  = 90  // below this the detail pane folds away
	sidebarMin   = 60  // below this the sidebar hides; 1-5 still switch views
	maxWidth     = 200 // very wide terminals: the layout stops growing here
	detailMaxW   = 72  // the detail pane's text never gets wider than this
	detailMinW   = 30
	tooSmallW    = 20
	tooSmallH    = 4
	listChromeH  = 1 // the filter line above the rows
	headerHeight = 1
	gutterW      = 2 // the cursor mark before each row
)

// browseScreen is a sidebar of views, a windowed list and a detail pane for the selected row.
// The main screen, an entity's articles, a timeline month and global search are all browse
// screens with different pools and views.
type browseScreen struct {
	s       *session
	title   string
	pool    pool
	views   []viewKind
	viewIdx int
	lists   map[viewKind]*listPane
	tl      *timeline
	focus   pane
	profile *entityInfo // entity screens: the detail pane shows the entity, not the row

	note       *noteEdit // the note being written (readstate.go)
	restoreKey string    // the row restorePlace looks for until the list is there

	det      detail
	detKey   detailKey
	detValid bool

	w, h                 int
	sideW, listW, detW   int
	bodyH                int
	showSide, narrow     bool
	listX, detX, rowsTop int
}

func newBrowseScreen(s *session, title string, pl pool, views []viewKind) *browseScreen {
	b := &browseScreen{s: s, title: title, pool: pl, views: views, lists: map[viewKind]*listPane{}, focus: paneList}
	for _, v := range views {
		switch v {
		case viewTimeline:
		case viewAll:
			b.lists[v] = newListPane(search.Article, true)
		default:
			b.lists[v] = newListPane(v.kind(), false)
		}
	}
	for _, p := range b.lists {
		p.input.SetStyles(s.st.input)
	}
	return b
}

// newMainScreen is the screen the browser opens on: every view of the whole corpus.
func newMainScreen(s *session) *browseScreen {
	return newBrowseScreen(s, "dispatch", corpusPool(s.corpus),
		[]viewKind{viewArticles, viewPeople, viewCountries, viewOrgs, viewTimeline})
}

// newEntityScreen lists an entity's articles, with the entity itself in the detail pane.
func newEntityScreen(s *session, e entityInfo) *browseScreen {
	title := strings.ToUpper(e.kind.String()[:1]) + e.kind.String()[1:] + " · " + e.name
	b := newBrowseScreen(s, title, pool{articles: e.articles}, []viewKind{viewArticles, viewTimeline})
	b.profile = &e
	return b
}

// newArticlesScreen lists some articles under a title (a timeline month, say).
func newArticlesScreen(s *session, title string, articles []*model.Article) *browseScreen {
	return newBrowseScreen(s, clean(title), pool{articles: articles}, []viewKind{viewArticles})
}

// newSearchScreen searches every kind at once.
func newSearchScreen(s *session) *browseScreen {
	return newBrowseScreen(s, "Search everything", corpusPool(s.corpus), []viewKind{viewAll})
}

// focusInput starts typing into the current list's filter.
func (b *browseScreen) focusInput() tea.Cmd {
	p := b.cur()
	if p == nil {
		return nil
	}
	b.focus = paneList
	p.typing = true
	return p.input.Focus()
}

// cur returns the current view's list, or nil for the timeline.
func (b *browseScreen) cur() *listPane { return b.lists[b.views[b.viewIdx]] }

func (b *browseScreen) curView() viewKind { return b.views[b.viewIdx] }

func (b *browseScreen) setSize(w, h int) {
	b.w, b.h = w, h
	w = min(w, maxWidth)
	b.bodyH = max(h-headerHeight, 1)
	b.showSide = len(b.views) > 1 && w >= sidebarMin
	b.narrow = w < narrowWidth
	b.sideW, b.listX = 0, 0
	if b.showSide {
		b.sideW, b.listX = sidebarWidth, sidebarWidth+1
	}
	rest := max(w-b.listX, 1)
	if b.narrow {
		b.listW, b.detW, b.detX = rest, rest, b.listX
	} else {
		b.detW = min(max(rest*2/5, detailMinW), detailMaxW)
		b.listW = max(rest-b.detW-1, 1)
		b.detX = b.listX + b.listW + 1
	}
	if !b.showSide && b.focus == paneSidebar {
		b.focus = paneList // the sidebar just folded away
	}
	b.rowsTop = headerHeight + listChromeH
	for _, p := range b.lists {
		p.l.setHeight(b.bodyH - listChromeH)
		p.l.setLen(p.len(b.pool))
		p.input.SetWidth(max(b.listW-18, 4)) // room for the count
	}
	if b.tl != nil {
		b.tl.setSize(rest, b.bodyH)
	}
	b.syncDetail()
}

func (b *browseScreen) restyle() {
	if b.tl != nil {
		b.tl.setTheme(b.s.th)
	}
	for _, p := range b.lists {
		p.input.SetStyles(b.s.st.input)
	}
	b.detValid = false
	b.syncDetail()
}

func (b *browseScreen) capturing() bool {
	if b.note != nil {
		return true
	}
	if p := b.cur(); p != nil {
		return p.typing
	}
	return b.focus == paneList && b.tl != nil && b.tl.capturing()
}

func (b *browseScreen) back() (bool, tea.Cmd) {
	if b.focus == paneDetail {
		b.focus = paneList
		return true, nil
	}
	if p := b.cur(); p != nil && p.query != "" && !p.mixed {
		p.input.Reset()
		p.notice = ""
		cmd := p.setQuery(b.s, b.pool, "")
		b.syncDetail()
		return true, cmd
	}
	return false, nil
}

func (b *browseScreen) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case listMsg:
		for _, p := range b.lists {
			if next := p.apply(msg); next != nil {
				cmd = next
			}
		}
		b.restoreCursor()
	case tea.KeyPressMsg:
		cmd = b.key(msg)
	case tea.MouseWheelMsg:
		b.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		cmd = b.click(msg.Mouse())
	default:
		if b.note != nil {
			cmd = b.noteUpdate(msg) // a paste into the note
		} else if p := b.cur(); p != nil && p.typing {
			p.input, cmd, p.notice = updateQuery(p.input, msg, p.notice) // a paste, say: the query may have changed
			cmd = tea.Batch(cmd, p.setQuery(b.s, b.pool, p.input.Value()))
		} else if b.curView() == viewTimeline && b.tl != nil {
			*b.tl, cmd = b.tl.update(msg)
		}
	}
	b.syncDetail()
	return cmd
}

func (b *browseScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := b.s.keys
	p := b.cur()
	if b.note != nil {
		return b.noteKey(msg)
	}
	if p != nil && p.typing {
		return b.typing(p, msg)
	}
	switch {
	case key.Matches(msg, k.Focus):
		b.cycleFocus(1)
		return nil
	case key.Matches(msg, k.FocusBack):
		b.cycleFocus(-1)
		return nil
	case key.Matches(msg, k.Timeline):
		for i, v := range b.views {
			if v == viewTimeline {
				b.setView(i)
			}
		}
		return nil
	case key.Matches(msg, k.ViewArticles, k.ViewPeople, k.ViewCountries, k.ViewOrgs, k.ViewTimeline):
		// The n-th view key picks the n-th view, whatever keys the configuration gave them.
		for i, v := range []key.Binding{k.ViewArticles, k.ViewPeople, k.ViewCountries, k.ViewOrgs, k.ViewTimeline} {
			if key.Matches(msg, v) && i < len(b.views) {
				b.setView(i)
				break
			}
		}
		return nil
	}
	if b.curView() == viewTimeline && b.focus == paneList {
		var cmd tea.Cmd
		*b.tl, cmd = b.tl.update(msg)
		return cmd
	}
	if cmd, ok := b.stateKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Filter) && p != nil:
		return b.focusInput()
	case key.Matches(msg, k.Sort) && p != nil:
		return p.cycleSort(b.s, b.pool)
	case key.Matches(msg, k.Export) && p != nil:
		return b.askExport(p)
	case key.Matches(msg, k.Copy):
		return b.copySelected()
	case key.Matches(msg, k.Open):
		return b.open()
	case key.Matches(msg, k.Up):
		b.move(-1, 0)
	case key.Matches(msg, k.Down):
		b.move(1, 0)
	case key.Matches(msg, k.PageUp):
		b.move(0, -1)
	case key.Matches(msg, k.PageDown):
		b.move(0, 1)
	case key.Matches(msg, k.Top):
		b.move(-1<<30, 0)
	case key.Matches(msg, k.Bottom):
		b.move(1<<30, 0)
	}
	return nil
}

// typing handles a key while the filter input has the focus: the list narrows as the query
// changes; arrows still move the cursor.
func (b *browseScreen) typing(p *listPane, msg tea.KeyPressMsg) tea.Cmd {
	k := b.s.keys
	switch s := msg.String(); {
	case key.Matches(msg, k.InputAccept):
		p.typing = false
		p.input.Blur()
		b.focus = paneList
		return nil
	case key.Matches(msg, k.InputClear):
		if p.mixed && p.input.Value() == "" {
			b.s.pop(b) // nothing typed: esc leaves global search
			return nil
		}
		p.typing = false
		p.input.Blur()
		p.input.Reset()
		p.notice = ""
		return p.setQuery(b.s, b.pool, "")
	case s == "up" || s == "down" || s == "pgup" || s == "pgdown":
		delta := map[string]int{"up": -1, "down": 1}[msg.String()]
		pages := map[string]int{"pgup": -1, "pgdown": 1}[msg.String()]
		b.focus = paneList
		b.move(delta, pages)
		return nil
	}
	var cmd tea.Cmd
	p.input, cmd, p.notice = updateQuery(p.input, msg, p.notice)
	return tea.Batch(cmd, p.setQuery(b.s, b.pool, p.input.Value()))
}

// move moves the focused pane's cursor by rows and pages.
func (b *browseScreen) move(rows, pages int) {
	switch b.focus {
	case paneSidebar:
		b.setView(max(min(b.viewIdx+rows+pages, len(b.views)-1), 0))
	case paneDetail:
		b.det.move(rows + pages*max(b.bodyH-1, 1))
	default:
		if p := b.cur(); p != nil {
			p.l.move(rows)
			p.l.page(pages)
		}
	}
}

func (b *browseScreen) setView(i int) {
	b.viewIdx = i
	if b.curView() == viewTimeline && b.tl == nil {
		tl := newTimeline(b.timelineTitle(), b.pool.articles, b.s.th)
		b.tl = &tl
		b.tl.setSize(max(min(b.w, maxWidth)-b.listX, 1), b.bodyH)
	}
	if b.focus == paneDetail && b.curView() == viewTimeline {
		b.focus = paneList
	}
}

// timelineTitle names the timeline after what the screen lists: the corpus or one entity.
func (b *browseScreen) timelineTitle() string {
	if b.profile != nil {
		return "Timeline · " + b.profile.name
	}
	return "Timeline"
}

// panes lists the panes tab cycles through, in screen order.
func (b *browseScreen) panes() []pane {
	var ps []pane
	if b.showSide {
		ps = append(ps, paneSidebar)
	}
	ps = append(ps, paneList)
	if b.curView() != viewTimeline {
		ps = append(ps, paneDetail)
	}
	return ps
}

func (b *browseScreen) cycleFocus(delta int) {
	ps := b.panes()
	i := 0
	for j, p := range ps {
		if p == b.focus {
			i = j
		}
	}
	b.focus = ps[(i+delta+len(ps))%len(ps)]
}

// open follows what the focused pane points at.
func (b *browseScreen) open() tea.Cmd {
	switch b.focus {
	case paneSidebar:
		b.focus = paneList
		return nil
	case paneDetail:
		return b.follow(b.det.selected())
	}
	p := b.cur()
	r, ok := p.selected(b.pool)
	if !ok {
		return nil
	}
	if r.kind == search.Article {
		if b.narrow && b.profile == nil {
			b.focus = paneDetail // the folded detail opens full screen
			return nil
		}
		b.openFromList(p, p.l.cursor)
		return nil
	}
	e, _ := refInfo(b.pool, r)
	if b.narrow && !p.mixed {
		b.focus = paneDetail
		return nil
	}
	b.s.push(newEntityScreen(b.s, e))
	return nil
}

// openFromList opens the article on row of p in the pager; [ and ] step through p's rows.
func (b *browseScreen) openFromList(p *listPane, row int) {
	pl := b.pool
	at := func(i int) *model.Article {
		if i < 0 || i >= p.len(pl) {
			return nil
		}
		if r := p.at(i); r.kind == search.Article {
			return pl.articles[r.i]
		}
		return nil
	}
	if a := at(row); a != nil {
		b.s.push(newPagerScreen(b.s, a, row, func() int { return p.len(pl) }, at,
			func(i int) { p.l.moveTo(i) }))
	}
}

// follow opens a detail line's target.
func (b *browseScreen) follow(t *target) tea.Cmd {
	if t == nil {
		return nil
	}
	if t.kind == search.Article {
		if p := b.cur(); p != nil && b.profile == nil {
			if r, ok := p.selected(b.pool); ok && r.kind == search.Article && b.pool.articles[r.i] == t.article {
				b.openFromList(p, p.l.cursor)
				return nil
			}
		}
		openArticleIn(b.s, t.articles, t.idx)
		return nil
	}
	openEntity(b.s, t.entity, t.key)
	return nil
}

// openArticleIn opens list[i] in the pager, stepping through list.
func openArticleIn(s *session, list []*model.Article, i int) {
	if i < 0 || i >= len(list) {
		return
	}
	at := func(j int) *model.Article {
		if j < 0 || j >= len(list) {
			return nil
		}
		return list[j]
	}
	s.push(newPagerScreen(s, list[i], i, func() int { return len(list) }, at, nil))
}

// openEntity pushes the screen of an entity, if the corpus knows it.
func openEntity(s *session, kind model.EntityKind, key string) {
	if e, ok := lookupEntity(s.corpus, kind, key); ok {
		s.push(newEntityScreen(s, e))
	}
}

// tooSmall reports whether the screen is too small to draw anything but a request to enlarge it.
func (b *browseScreen) tooSmall() bool { return b.w < tooSmallW || b.h < tooSmallH }

func (b *browseScreen) helpKeys() []key.Binding {
	k := b.s.keys
	keys := k.navHelp()
	keys = append(keys, k.FocusBack, k.Filter, k.InputAccept, k.InputClear)
	if b.curView() != viewAll {
		keys = append(keys, k.Sort)
	}
	keys = append(keys, k.Export, k.Copy)
	if p := b.cur(); p != nil && (p.kind == search.Article || p.mixed) {
		keys = append(keys, k.ToggleRead, k.Star, k.Note, k.UnreadOnly, k.Starred)
	}
	if len(b.views) == 5 {
		keys = append(keys, k.ViewArticles, k.ViewPeople, k.ViewCountries, k.ViewOrgs, k.ViewTimeline)
	}
	if len(b.views) > 1 {
		keys = append(keys, k.Timeline)
	}
	if b.curView() == viewTimeline && b.tl != nil {
		keys = append(keys, b.tl.helpKeys()...)
	}
	return keys
}

func (b *browseScreen) hints() []key.Binding {
	k := b.s.keys
	if b.note != nil {
		return noteHints
	}
	if p := b.cur(); p != nil && p.typing {
		return []key.Binding{k.InputAccept, k.InputClear, k.Up, k.Down}
	}
	if b.curView() == viewTimeline && b.tl != nil {
		return append(b.tl.helpKeys(), k.Focus, k.Help)
	}
	return []key.Binding{k.Open, k.Filter, k.GlobalSearch, k.Sort, k.Focus, k.Back, k.Help, k.Quit}
}
