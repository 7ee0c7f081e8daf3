package ui

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// paraKind says how a paragraph of the pager's document is styled.
type paraKind uint8

const (
	paraTitle paraKind = iota
	paraMeta
	paraLead
	paraBody
	paraSubheading
	paraCredit
	paraKinds
)

// para is one paragraph of the pager's document: terminal-safe text and its style.
type para struct {
	kind      paraKind
	text      string
	gapBefore bool // a blank line separates it from the paragraph before
}

// docSpan is a byte range of a paragraph of the document: a mention or a search hit.
type docSpan struct {
	para, start, end int
}

// docMention is a mention of an entity placed in the document's (cleaned) text.
type docMention struct {
	docSpan
	kind model.EntityKind
	key  string
}

// document is an article laid out for reading, independent of the width: the title, a line of
// date, source and place, the lead, the body and the credits, with the mentions located in the
// cleaned text. It is built once per article.
type document struct {
	paras    []para
	mentions []docMention // ordered by para, then start; never overlapping
}

// newDocument lays out a. Every string passes through sanitize.Text; mentions with offsets that
// do not fit their text (hostile or stale input) are dropped rather than trusted.
func newDocument(a *model.Article) document {
	var d document
	byBlock := map[int][]docMention{}
	for _, m := range a.Mentions {
		if key := a.MentionKey(m); key != "" {
			b := int(m.Block)
			byBlock[b] = append(byBlock[b], docMention{docSpan{start: int(m.Start), end: int(m.End)}, m.Kind, key})
		}
	}
	add := func(kind paraKind, block int, text string, gap bool) {
		ms := byBlock[block]
		if block == noBlock {
			ms = nil
		}
		clean, spans := cleanWithSpans(text, ms)
		idx := len(d.paras)
		d.paras = append(d.paras, para{kind: kind, text: clean, gapBefore: gap})
		for _, s := range spans {
			s.para = idx
			d.mentions = append(d.mentions, s)
		}
	}
	add(paraTitle, model.TitleBlock, a.Title, false)
	if meta := articleMeta(a); meta != "" {
		add(paraMeta, noBlock, meta, false)
	}
	for i, b := range a.Blocks {
		kind := paraBody
		switch b.Kind {
		case model.Lead:
			kind = paraLead
		case model.Subheading:
			kind = paraSubheading
		}
		add(kind, i, b.Text, true)
	}
	for i, c := range a.Credits {
		add(paraCredit, noBlock, c, i == 0)
	}
	return d
}

// noBlock marks document paragraphs that are not article text (meta line, credits).
const noBlock = -2

// articleMeta is the line under the title: date (marked when inferred), source and place.
func articleMeta(a *model.Article) string {
	var parts []string
	if !a.Date.IsZero() {
		date := a.Date.Format("2 Jan 2006")
		if a.DateInferred {
			date = "≈" + date + " (inferred)"
		}
		parts = append(parts, date)
	}
	for _, s := range []string{a.Source, a.Place} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// cleanWithSpans makes text terminal-safe and places the mentions in the result. When
// sanitising changes the text, each piece between mention boundaries is sanitised on its own,
// so the boundaries map exactly onto the cleaned text.
func cleanWithSpans(text string, ms []docMention) (string, []docMention) {
	ms = slices.Clone(ms)
	slices.SortStableFunc(ms, func(a, b docMention) int {
		return cmp.Or(a.start-b.start, a.end-b.end)
	})
	out := ms[:0]
	last := 0
	for _, m := range ms {
		if m.start < last || m.start >= m.end || m.end > len(text) ||
			!boundary(text, m.start) || !boundary(text, m.end) {
			continue
		}
		out = append(out, m)
		last = m.end
	}
	clean := terminalText(text)
	if clean == text {
		return text, out
	}
	var b strings.Builder
	prev := 0
	cut := func(at int) int {
		b.WriteString(terminalText(text[prev:at]))
		prev = at
		return b.Len()
	}
	for i := range out {
		out[i].start = cut(out[i].start)
		out[i].end = cut(out[i].end)
	}
	cut(len(text))
	kept := out[:0]
	for _, m := range out {
		if m.start < m.end {
			kept = append(kept, m)
		}
	}
	return b.String(), kept
}

// boundary reports whether byte offset i of s starts a rune (or is the end of s).
func boundary(s string, i int) bool {
	return i >= 0 && (i == len(s) || (i < len(s) && utf8.RuneStart(s[i])))
}

// terminalText is s with everything a terminal could interpret removed (sanitize.Text), and
// tabs turned into spaces (same byte length) so widths stay predictable.
func terminalText(s string) string {
	return strings.ReplaceAll(sanitize.Text(s), "\t", " ")
}

// textLine is one wrapped line of the document: bytes [start, end) of paragraph para, or the
// blank line before para.
type textLine struct {
	para, start, end int
	blank            bool
}

// wrap lays the document out in lines of at most width cells.
func (d document) wrap(width int) []textLine {
	var lines []textLine
	var ranges []byteRange
	for i, p := range d.paras {
		if p.gapBefore && len(lines) > 0 {
			lines = append(lines, textLine{para: i, blank: true})
		}
		ranges = wrapText(p.text, width, ranges[:0])
		for _, r := range ranges {
			lines = append(lines, textLine{para: i, start: r.start, end: r.end})
		}
	}
	return lines
}

// lineOf returns the index of the line showing byte offset off of paragraph para.
func lineOf(lines []textLine, para, off int) int {
	i := sort.Search(len(lines), func(i int) bool {
		l := lines[i]
		return l.para > para || (l.para == para && !l.blank && l.end > off)
	})
	// off at the very end of a paragraph belongs to its last line.
	if i > 0 && (i == len(lines) || lines[i].para != para) && lines[i-1].para == para && !lines[i-1].blank {
		i--
	}
	return min(i, max(len(lines)-1, 0))
}

// firstSpanFrom returns the index of the first span in spans (ordered, non-overlapping) that
// ends after byte off of paragraph para, or lies in a later paragraph.
func firstSpanFrom[S any](spans []S, span func(S) docSpan, para, off int) int {
	return sort.Search(len(spans), func(i int) bool {
		s := span(spans[i])
		return s.para > para || (s.para == para && s.end > off)
	})
}
