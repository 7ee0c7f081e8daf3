package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
)

// warner is a screen with something to warn about (a query's problems), which the status line
// shows first.
type warner interface{ warning() string }

// statusLine sums up the corpus, skipped files and mouse capture in one dim line, after the top
// screen's warning if it has one.
func (a app) statusLine() string {
	st := &a.s.st
	c := a.s.corpus
	warn := ""
	if w, ok := a.top().(warner); ok && !a.help {
		if s := w.warning(); s != "" {
			warn = st.warn.Render("⚠ "+s) + st.status.Render(" · ")
		}
	}
	if n := a.s.rs.notice; n != "" {
		warn += st.warn.Render("⚠ "+clean(n)) + st.status.Render(" · ") // the reading state's store
	}
	parts := []string{
		quantity(len(c.Articles), "article"),
		quantity(len(c.People), "person"),
		quantity(len(c.Countries), "country"),
		quantity(len(c.Orgs), "organisation"),
	}
	parts[1] = strings.Replace(parts[1], "persons", "people", 1)
	parts[2] = strings.Replace(parts[2], "countrys", "countries", 1)
	line := st.status.Render(strings.Join(parts, " · "))
	if a.s.notice != "" && !a.help {
		line = st.accent.Render(a.s.notice) + st.status.Render(" · ") + line
	}
	if n := len(c.Skipped); n > 0 {
		line += st.warn.Render(fmt.Sprintf(" · %d skipped (S)", n))
	}
	mouse := "mouse off (M)"
	if a.mouse {
		mouse = "mouse on (M)"
	}
	line += st.status.Render(" · " + mouse)
	return fit(warn+line, a.w)
}

// hintBar is the one-line reminder of the keys that matter most right now.
func hintBar(st *styles, keys []key.Binding, width int) string {
	var b strings.Builder
	for i, k := range keys {
		if !k.Enabled() {
			continue
		}
		if i > 0 {
			b.WriteString(st.hintDesc.Render(" · "))
		}
		h := k.Help()
		b.WriteString(st.hintKey.Render(h.Key) + " " + st.hintDesc.Render(h.Desc))
	}
	return fit(b.String(), width)
}

// fitBlock pads or cuts lines to exactly h lines of w cells.
func fitBlock(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return strings.Join(out, "\n")
}

// splitLines splits a pane's view into lines.
func splitLines(s string) []string { return strings.Split(s, "\n") }
