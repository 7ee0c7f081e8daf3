package ui

import (
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model/ru"
)

// foldedPara is a paragraph in the folded form searches compare (ru.Fold: lower case, ё→е).
type foldedPara struct {
	text string
	// toOrig maps each byte offset of text (and len(text)) to the offset in the paragraph;
	// nil when folding kept every rune's byte length, so offsets are shared.
	toOrig []int
}

func foldPara(s string) foldedPara {
	f := ru.Fold(s)
	if sameRuneLengths(s, f) {
		return foldedPara{text: f}
	}
	// A few letters change byte length when lower-cased (İ, K as the Kelvin sign): map them.
	var b strings.Builder
	to := make([]int, 0, len(s)+1)
	for i, r := range s {
		fr := ru.Fold(string(r))
		for range len(fr) {
			to = append(to, i)
		}
		b.WriteString(fr)
	}
	return foldedPara{text: b.String(), toOrig: append(to, len(s))}
}

func sameRuneLengths(s, f string) bool {
	if len(s) != len(f) {
		return false
	}
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		_, m := utf8.DecodeRuneInString(f[i:])
		if n != m {
			return false
		}
		i += n
	}
	return true
}

func (f foldedPara) orig(i int) int {
	if f.toOrig == nil {
		return i
	}
	return f.toOrig[i]
}

// find sets the hits of query in the whole document, case- and ё-insensitively, and makes the
// first hit at or below the top of the screen the current one.
func (p *pager) find(query string) {
	p.query, p.hits, p.cur = query, nil, 0
	q := ru.Fold(query)
	if q == "" {
		p.query = ""
		return
	}
	if p.folded == nil {
		p.folded = make([]foldedPara, len(p.doc.paras))
		for i, pr := range p.doc.paras {
			p.folded[i] = foldPara(pr.text)
		}
	}
	for i, f := range p.folded {
		for from := 0; ; {
			j := strings.Index(f.text[from:], q)
			if j < 0 {
				break
			}
			start := from + j
			from = start + len(q)
			p.hits = append(p.hits, docSpan{para: i, start: f.orig(start), end: f.orig(from)})
		}
	}
	if len(p.hits) == 0 {
		return
	}
	para, off := p.anchor()
	p.cur = firstSpanFrom(p.hits, func(h docSpan) docSpan { return h }, para, off) % len(p.hits)
	p.showHit()
}

// stepHit makes the next (+1) or previous (-1) hit current, wrapping around, as less's n and N.
func (p *pager) stepHit(dir int) {
	if n := len(p.hits); n > 0 {
		p.cur = (p.cur + dir + n) % n
		p.showHit()
	}
}

func (p *pager) showHit() {
	h := p.hits[p.cur]
	p.scrollTo(lineOf(p.lines, h.para, h.start))
}

// updateSearch feeds the "/" input: enter searches, esc cancels and keeps the previous search.
func (p pager) updateSearch(msg tea.Msg) (pager, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter":
			p.searching = false
			p.input.Blur()
			p.find(p.input.Value())
			return p, nil
		case "esc":
			p.searching = false
			p.input.Blur()
			return p, nil
		}
	}
	var cmd tea.Cmd
	p.input, cmd, p.notice = updateQuery(p.input, msg, p.notice)
	return p, cmd
}
