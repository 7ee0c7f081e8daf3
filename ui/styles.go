package ui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// styles are the rendered looks of the shell's panes, derived from a theme. They are rebuilt
// only when the theme changes, never per frame.
type styles struct {
	th        theme
	title     lipgloss.Style // screen header
	paneTitle lipgloss.Style // a pane's first line when focused
	paneDim   lipgloss.Style // a pane's first line when not focused
	text      lipgloss.Style
	dim       lipgloss.Style
	accent    lipgloss.Style
	selected  lipgloss.Style
	match     lipgloss.Style
	selMatch  lipgloss.Style
	rule      lipgloss.Style // pane separators and month rules
	status    lipgloss.Style
	hintKey   lipgloss.Style
	hintDesc  lipgloss.Style
	warn      lipgloss.Style
	kinds     [4]lipgloss.Style // by search.Kind
	input     textinput.Styles

	// Inks of the list rows, drawn for every visible row of every frame.
	inkText, inkDim, inkWarn      ink
	inkSel, inkMatch, inkSelMatch ink
	inkKinds                      [4]ink
}

// ink is a style reduced to the escape codes around its text: painting a row's cells with it
// costs a concatenation instead of a lipgloss render. Only for styles without layout (no width,
// padding or border).
type ink struct{ pre, post string }

func newInk(st lipgloss.Style) ink {
	r := st.Render("x") // escape codes never contain an x
	i := strings.Index(r, "x")
	if i < 0 {
		return ink{}
	}
	return ink{pre: r[:i], post: r[i+1:]}
}

// paint wraps s in the ink's codes.
func (k ink) paint(s string) string {
	if k.pre == "" || s == "" {
		return s
	}
	return k.pre + s + k.post
}

func newStyles(th theme) styles {
	s := styles{
		th:        th,
		title:     th.fg(th.accent).Bold(true),
		paneTitle: th.fg(th.accent).Bold(true).Underline(!th.color),
		paneDim:   th.fg(th.dim),
		text:      th.fg(th.text),
		dim:       th.fg(th.dim),
		accent:    th.fg(th.accent),
		selected:  th.selected(),
		match:     th.matched(),
		rule:      th.fg(th.dim),
		status:    th.fg(th.dim),
		hintKey:   th.fg(th.accent).Bold(true),
		hintDesc:  th.fg(th.dim),
		warn:      th.fg(th.match).Bold(true),
	}
	s.selMatch = s.selected.Inherit(s.match).Underline(true)
	if th.color {
		s.selMatch = s.selected.Foreground(th.match).Underline(true)
	}
	s.kinds[search.Article] = th.fg(th.accent)
	s.kinds[search.Person] = th.entity(model.KindPerson)
	s.kinds[search.Country] = th.entity(model.KindCountry)
	s.kinds[search.Org] = th.entity(model.KindOrg)
	s.input = inputStyles(th)
	s.inkText, s.inkDim, s.inkWarn = newInk(s.text), newInk(s.dim), newInk(s.warn)
	s.inkSel, s.inkMatch, s.inkSelMatch = newInk(s.selected), newInk(s.match), newInk(s.selMatch)
	for k, style := range s.kinds {
		s.inkKinds[k] = newInk(style)
	}
	return s
}

// inputStyles styles the filter inputs from the theme, with a steady cursor: a blinking one
// would redraw the screen twice a second for nothing.
func inputStyles(th theme) textinput.Styles {
	var cursor color.Color = lipgloss.NoColor{}
	if th.color {
		cursor = th.accent
	}
	state := textinput.StyleState{
		Text:        th.fg(th.text),
		Placeholder: th.fg(th.dim),
		Suggestion:  th.fg(th.dim),
		Prompt:      th.fg(th.accent).Bold(true),
	}
	return textinput.Styles{
		Focused: state,
		Blurred: state,
		Cursor:  textinput.CursorStyle{Color: cursor, Shape: tea.CursorBlock},
	}
}
