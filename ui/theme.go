package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/dispatch-news/dispatch/model"
)

// theme is the palette every pane styles itself from. It is rebuilt when the terminal reports
// its background colour, so light and dark terminals both read well. With colour off, the
// styles keep bold, underline and reverse, which carry the meaning on their own.
type theme struct {
	dark    bool
	color   bool
	text    color.Color
	dim     color.Color
	accent  color.Color
	person  color.Color
	country color.Color
	org     color.Color
	match   color.Color
	selBg   color.Color
}

func newTheme(dark, useColor bool) theme {
	ld := lipgloss.LightDark(dark)
	return theme{
		dark:    dark,
		color:   useColor,
		text:    ld(lipgloss.Color("#1f1f1f"), lipgloss.Color("#e4e4e4")),
		dim:     ld(lipgloss.Color("#6b6b6b"), lipgloss.Color("#8a8a8a")),
		accent:  ld(lipgloss.Color("#5a3fd1"), lipgloss.Color("#a58cff")),
		person:  ld(lipgloss.Color("#0a6e3a"), lipgloss.Color("#6fd49a")),
		country: ld(lipgloss.Color("#0b5cad"), lipgloss.Color("#74b6ff")),
		org:     ld(lipgloss.Color("#9a4a00"), lipgloss.Color("#ffb86b")),
		match:   ld(lipgloss.Color("#b3005a"), lipgloss.Color("#ff79c6")),
		selBg:   ld(lipgloss.Color("#dcd6f7"), lipgloss.Color("#3a3357")),
	}
}

// fg returns a style with foreground c when colour is on, and the plain style otherwise.
func (t theme) fg(c color.Color) lipgloss.Style {
	if !t.color {
		return lipgloss.NewStyle()
	}
	return lipgloss.NewStyle().Foreground(c)
}

// entity returns the style of an entity kind's highlights: its colour, and underline (person),
// bold (country) or italic (organisation) so the kinds stay apart without colour.
func (t theme) entity(k model.EntityKind) lipgloss.Style {
	switch k {
	case model.KindPerson:
		return t.fg(t.person).Underline(!t.color)
	case model.KindCountry:
		return t.fg(t.country).Bold(!t.color)
	default:
		return t.fg(t.org).Italic(true)
	}
}

// selected is the style of the row under the cursor.
func (t theme) selected() lipgloss.Style {
	if !t.color {
		return lipgloss.NewStyle().Reverse(true)
	}
	return lipgloss.NewStyle().Background(t.selBg).Foreground(t.text).Bold(true)
}

// matched is the style of query characters found in a row.
func (t theme) matched() lipgloss.Style {
	return t.fg(t.match).Bold(true).Underline(!t.color)
}
