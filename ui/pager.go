package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
)

// pagerKeyMap is the pager's key bindings, modelled on less.
type pagerKeyMap struct {
	Down, Up, PageDown, PageUp, HalfDown, HalfUp, Top, Bottom key.Binding
	Search, NextHit, PrevHit                                  key.Binding
	NextEntity, PrevEntity, Open                              key.Binding
	PrevArticle, NextArticle                                  key.Binding
}

func defaultPagerKeyMap() pagerKeyMap {
	return pagerKeyMap{
		Down:        key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "line down")),
		Up:          key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "line up")),
		PageDown:    key.NewBinding(key.WithKeys("space", "f", "pgdown"), key.WithHelp("space/f", "page down")),
		PageUp:      key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b", "page up")),
		HalfDown:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "half page down")),
		HalfUp:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "half page up")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search text")),
		NextHit:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/prev hit")),
		PrevHit:     key.NewBinding(key.WithKeys("N")),
		NextEntity:  key.NewBinding(key.WithKeys("e", "tab"), key.WithHelp("e/E", "next/prev entity")),
		PrevEntity:  key.NewBinding(key.WithKeys("E", "shift+tab")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open entity")),
		PrevArticle: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous article")),
		NextArticle: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next article")),
	}
}

// pager shows one article, word-wrapped once per width, with entities highlighted, search
// inside the text and stepping through the mentioned entities.
type pager struct {
	art  *model.Article
	doc  document
	th   theme
	st   pagerStyles
	keys pagerKeyMap

	width, height int
	textWidth     int        // the width lines were wrapped to
	margin        int        // left margin that centres the text
	lines         []textLine // doc wrapped to textWidth

	top int // first line shown
	// readPara and readOff are where reading was when the text was last re-wrapped, so that
	// resizing back and forth returns to the same words, not to the start of a wider line.
	readPara, readOff int
	focus             int // focused mention (index into doc.mentions), -1 for none

	input     textinput.Model
	searching bool         // the "/" input has focus
	query     string       // confirmed search
	hits      []docSpan    // where query occurs, in reading order
	cur       int          // current hit
	folded    []foldedPara // folded paragraphs for search, built on the first search
	notice    string       // what the input left out of the last typing or paste, if anything
}

// newPager opens a (nil shows an empty page). The text is laid out on the first setSize.
func newPager(a *model.Article, th theme) pager {
	if a == nil {
		a = &model.Article{}
	}
	in := newQueryInput("/", "search in article")
	p := pager{art: a, doc: newDocument(a), keys: defaultPagerKeyMap(), focus: -1, input: in}
	p.setTheme(th)
	return p
}

// setTheme restyles the pager, on a light or dark background reported by the terminal.
func (p *pager) setTheme(th theme) {
	p.th = th
	p.st = newPagerStyles(th)
	p.input.SetStyles(inputStyles(th)) // the shell's: themed, and a steady cursor
}

// setSize re-wraps the text when the reading width changes, keeping the top line's text in view.
func (p *pager) setSize(width, height int) {
	p.width, p.height = max(width, 0), max(height, 0)
	tw := p.width
	if tw > 2 {
		tw = min(tw-2, maxTextWidth)
	}
	p.margin = (p.width - tw) / 2
	p.input.SetWidth(max(p.width-2, 1))
	if tw != p.textWidth || p.lines == nil {
		para, off := p.anchor()
		p.textWidth = tw
		p.lines = p.doc.wrap(max(tw, 1))
		p.top = lineOf(p.lines, para, off)
		p.readPara, p.readOff = para, off
	}
	p.top = p.clampTop(p.top)
}

// anchor is the paragraph and byte offset at the top of the screen.
func (p pager) anchor() (para, off int) {
	if p.top >= len(p.lines) {
		return 0, 0
	}
	l := p.lines[p.top]
	switch {
	case l.blank:
		return l.para, 0
	case l.para == p.readPara && l.start <= p.readOff && p.readOff <= l.end:
		return p.readPara, p.readOff
	}
	return l.para, l.start
}

// capturing reports whether the "/" input has focus, so the root sends it every key.
func (p pager) capturing() bool { return p.searching }

func (p pager) article() *model.Article { return p.art }

// helpKeys lists the pager's bindings, the most used first, for the hint bar and help overlay.
func (p pager) helpKeys() []key.Binding {
	k := p.keys
	return []key.Binding{k.PageDown, k.Search, k.NextHit, k.NextEntity, k.Open, k.PrevArticle,
		k.NextArticle, k.Down, k.Up, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom}
}

func (p pager) bodyHeight() int { return max(p.height-1, 0) }

func (p pager) maxTop() int { return max(len(p.lines)-p.bodyHeight(), 0) }

func (p pager) clampTop(top int) int { return min(max(top, 0), p.maxTop()) }

// scrollTo brings line i into view, a third down the screen when it has to move.
func (p *pager) scrollTo(i int) {
	if body := p.bodyHeight(); i < p.top || i >= p.top+body {
		p.top = p.clampTop(i - body/3)
	}
}

func (p pager) focused() (docMention, bool) {
	if p.focus < 0 || p.focus >= len(p.doc.mentions) {
		return docMention{}, false
	}
	return p.doc.mentions[p.focus], true
}

// update handles keys (less-like scrolling, search, entity focus, article steps) and the wheel.
func (p pager) update(msg tea.Msg) (pager, tea.Cmd) {
	if p.searching {
		return p.updateSearch(msg)
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return p.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelDown:
			p.top = p.clampTop(p.top + 3)
		case tea.MouseWheelUp:
			p.top = p.clampTop(p.top - 3)
		}
	}
	return p, nil
}

func (p pager) handleKey(msg tea.KeyPressMsg) (pager, tea.Cmd) {
	k, body := p.keys, p.bodyHeight()
	switch {
	case key.Matches(msg, k.Down):
		p.top = p.clampTop(p.top + 1)
	case key.Matches(msg, k.Up):
		p.top = p.clampTop(p.top - 1)
	case key.Matches(msg, k.PageDown):
		p.top = p.clampTop(p.top + max(body, 1))
	case key.Matches(msg, k.PageUp):
		p.top = p.clampTop(p.top - max(body, 1))
	case key.Matches(msg, k.HalfDown):
		p.top = p.clampTop(p.top + max(body/2, 1))
	case key.Matches(msg, k.HalfUp):
		p.top = p.clampTop(p.top - max(body/2, 1))
	case key.Matches(msg, k.Top):
		p.top = 0
	case key.Matches(msg, k.Bottom):
		p.top = p.maxTop()
	case key.Matches(msg, k.Search):
		p.searching = true
		p.input.Reset()
		p.notice = ""
		return p, p.input.Focus()
	case key.Matches(msg, k.NextHit):
		p.stepHit(+1)
	case key.Matches(msg, k.PrevHit):
		p.stepHit(-1)
	case key.Matches(msg, k.NextEntity):
		p.stepEntity(+1)
	case key.Matches(msg, k.PrevEntity):
		p.stepEntity(-1)
	case key.Matches(msg, k.Open):
		if m, ok := p.focused(); ok {
			return p, func() tea.Msg { return openEntityMsg{kind: m.kind, key: m.key} }
		}
	case key.Matches(msg, k.PrevArticle):
		return p, func() tea.Msg { return stepArticleMsg{delta: -1} }
	case key.Matches(msg, k.NextArticle):
		return p, func() tea.Msg { return stepArticleMsg{delta: +1} }
	}
	return p, nil
}

// stepEntity moves the focus to the next (+1) or previous (-1) mention, wrapping around. With
// nothing focused it starts from the screen: the first mention shown, or the last one.
func (p *pager) stepEntity(dir int) {
	n := len(p.doc.mentions)
	if n == 0 {
		return
	}
	switch {
	case p.focus >= 0:
		p.focus = (p.focus + dir + n) % n
	case len(p.lines) == 0:
		p.focus = 0
	default:
		para, off := p.anchor()
		first := firstSpanFrom(p.doc.mentions, func(m docMention) docSpan { return m.docSpan }, para, off)
		if dir < 0 {
			bottom := min(p.top+p.bodyHeight(), len(p.lines)) - 1
			l := p.lines[max(bottom, 0)]
			first = firstSpanFrom(p.doc.mentions, func(m docMention) docSpan { return m.docSpan }, l.para, l.end) - 1
		}
		p.focus = (first + n) % n
	}
	m := p.doc.mentions[p.focus]
	p.scrollTo(lineOf(p.lines, m.para, m.start))
}

// view draws exactly height lines: the visible window of the wrapped text, then the footer.
// It styles only the visible lines.
func (p pager) view() string {
	if p.height <= 0 {
		return ""
	}
	rows := make([]string, 0, p.height)
	if p.width > 0 {
		for i := p.top; i < p.top+p.bodyHeight(); i++ {
			if i < len(p.lines) {
				rows = append(rows, p.renderLine(i))
			} else {
				rows = append(rows, "")
			}
		}
		rows = append(rows, p.footer())
	}
	for len(rows) < p.height {
		rows = append(rows, "")
	}
	return strings.Join(rows, "\n")
}
