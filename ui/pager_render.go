package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// maxTextWidth caps the reading width on wide terminals: long lines are hard to follow.
const maxTextWidth = 100

// pagerStyles are the pager's styles, derived from the theme once per theme change.
type pagerStyles struct {
	para   [paraKinds]lipgloss.Style
	entity [3]lipgloss.Style // by model.EntityKind
	hit    lipgloss.Style
	curHit lipgloss.Style
	footer lipgloss.Style
	status lipgloss.Style
	// seg holds every combination of the styles above as the escape codes that open and close
	// it, so drawing a line joins strings instead of running lipgloss per segment.
	seg [paraKinds][4][3][2]sgr // para kind, entity kind+1 (0: none), hit (0 none, 1, 2 current), focused
}

// sgr is the escape sequence that turns a style on, and the one that turns it off.
type sgr struct{ open, close string }

func newPagerStyles(th theme) pagerStyles {
	var s pagerStyles
	s.para[paraTitle] = th.fg(th.accent).Bold(true)
	s.para[paraMeta] = th.fg(th.dim)
	s.para[paraLead] = lipgloss.NewStyle().Bold(true)
	s.para[paraBody] = lipgloss.NewStyle()
	s.para[paraSubheading] = th.fg(th.accent).Bold(true)
	s.para[paraCredit] = th.fg(th.dim).Italic(true)
	for k := range s.entity {
		s.entity[k] = th.entity(model.EntityKind(k))
	}
	s.hit = th.matched()
	s.curHit = th.matched().Reverse(true)
	s.footer = th.fg(th.dim)
	s.status = th.fg(th.accent)
	for pk := range s.seg {
		for ek := range s.seg[pk] {
			for hk := range s.seg[pk][ek] {
				for fk := range s.seg[pk][ek][hk] {
					s.seg[pk][ek][hk][fk] = s.compose(paraKind(pk), ek, hk, fk == 1)
				}
			}
		}
	}
	return s
}

// compose layers the styles of a segment: paragraph, then entity (reversed when focused),
// then search hit, and splits the result around the text.
func (s pagerStyles) compose(pk paraKind, ek, hk int, focused bool) sgr {
	st := s.para[pk]
	if ek > 0 {
		st = s.entity[ek-1].Inherit(st).Reverse(focused)
	}
	switch hk {
	case 1:
		st = s.hit.Inherit(st)
	case 2:
		st = s.curHit.Inherit(st)
	}
	return styleCodes(st)
}

// styleCodes renders st around a marker and splits the result into its opening and closing
// escape codes.
func styleCodes(st lipgloss.Style) sgr {
	const mark = "x" // never part of an escape sequence
	out := st.Render(mark)
	i := strings.Index(out, mark)
	return sgr{out[:i], out[i+len(mark):]}
}

// apply wraps text in the style's escape codes; empty text stays empty.
func (s sgr) apply(text string) string {
	if text == "" {
		return ""
	}
	return s.open + text + s.close
}

// renderLine styles line i: the paragraph's style, entity colours, search hits (the current one
// distinct) and the focused mention in reverse. It costs O(length of the line + log spans).
func (p pager) renderLine(i int) string {
	l := p.lines[i]
	if l.blank {
		return ""
	}
	pr := p.doc.paras[l.para]
	text := pr.text
	ms, hs := p.doc.mentions, p.hits
	mi := firstSpanFrom(ms, func(m docMention) docSpan { return m.docSpan }, l.para, l.start)
	hi := firstSpanFrom(hs, func(h docSpan) docSpan { return h }, l.para, l.start)

	var b strings.Builder
	b.Grow(p.margin + 2*(l.end-l.start))
	b.WriteString(strings.Repeat(" ", p.margin))
	for pos := l.start; pos < l.end; {
		for mi < len(ms) && (ms[mi].para < l.para || (ms[mi].para == l.para && ms[mi].end <= pos)) {
			mi++
		}
		for hi < len(hs) && (hs[hi].para < l.para || (hs[hi].para == l.para && hs[hi].end <= pos)) {
			hi++
		}
		next := l.end
		ek, hk, fk := 0, 0, 0
		if mi < len(ms) && ms[mi].para == l.para {
			if ms[mi].start <= pos {
				ek, next = int(ms[mi].kind%3)+1, min(next, ms[mi].end)
				if mi == p.focus {
					fk = 1
				}
			} else {
				next = min(next, ms[mi].start)
			}
		}
		if hi < len(hs) && hs[hi].para == l.para {
			if hs[hi].start <= pos {
				hk, next = 1, min(next, hs[hi].end)
				if hi == p.cur {
					hk = 2
				}
			} else {
				next = min(next, hs[hi].start)
			}
		}
		s := p.st.seg[pr.kind][ek][hk][fk]
		b.WriteString(s.open)
		b.WriteString(text[pos:next])
		b.WriteString(s.close)
		pos = next
	}
	if p.textWidth < 2 {
		// Only here can one grapheme (CJK, emoji) be wider than the line it was put on.
		return ansi.Truncate(b.String(), p.width, "")
	}
	return b.String()
}

// footer is the last row: the search input while it has focus; otherwise the position, the
// search count, the focused entity and key hints.
func (p pager) footer() string {
	if p.searching {
		return ansi.Truncate(p.input.View(), p.width, "")
	}
	left := []string{p.st.footer.Render(p.position())}
	if p.query != "" {
		q := fmt.Sprintf("/%s no match", sanitize.Line(p.query))
		if len(p.hits) > 0 {
			q = fmt.Sprintf("/%s %d/%d", sanitize.Line(p.query), p.cur+1, len(p.hits))
		}
		left = append(left, p.st.footer.Render(q))
	}
	if m, ok := p.focused(); ok {
		name := p.doc.paras[m.para].text[m.start:m.end]
		left = append(left, p.st.status.Render(fmt.Sprintf("▸ %s (%s) enter: open", name, m.kind)))
	}
	// The footer lines up with the text column.
	pad := strings.Repeat(" ", p.margin)
	room := p.width - 2*p.margin
	l := strings.Join(left, "  ")
	hints := p.st.footer.Render("/ search · e entity · [ ] article")
	// Once the title has scrolled away, the footer keeps it in view, in whatever room is left.
	if p.top > 0 && len(p.doc.paras) > 0 {
		if fit := room - ansi.StringWidth(l) - ansi.StringWidth(hints) - 4; fit >= minTitleCells {
			l += "  " + p.st.footer.Render(ansi.Truncate(p.doc.paras[0].text, fit, "…"))
		}
	}
	if gap := room - ansi.StringWidth(l) - ansi.StringWidth(hints); gap >= 2 {
		return pad + l + strings.Repeat(" ", gap) + hints
	}
	return ansi.Truncate(pad+l, p.width, "…")
}

// minTitleCells is the least room worth showing a scrolled-away title in.
const minTitleCells = 12

// position is "All", "Top", "Bot" or the percentage read, as in less.
func (p pager) position() string {
	body := p.bodyHeight()
	switch {
	case len(p.lines) <= body:
		return "All"
	case p.top == 0:
		return "Top"
	case p.top >= p.maxTop():
		return "Bot"
	}
	return fmt.Sprintf("%d%%", (p.top+body)*100/len(p.lines))
}
