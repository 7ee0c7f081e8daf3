package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model/sanitize"
)

// maxQueryRunes caps what a search input takes. No useful query is longer, and the input
// re-measures its whole value on every keystroke: a pasted megabyte took seconds per Update.
const maxQueryRunes = 200

// maxPasteScan bounds how much of a paste is read looking for the runes the input can take,
// so even a paste of nothing but control codes costs O(1) per Update.
const maxPasteScan = 64 << 10

// newQueryInput is a search input that takes at most maxQueryRunes.
func newQueryInput(prompt, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.Placeholder = placeholder
	in.CharLimit = maxQueryRunes
	return in
}

// updateQuery feeds msg to a search input. Typed or pasted text is cut to what the input can
// still take before the input sees it, and characters a terminal would act on (control codes,
// bidi overrides, zero-width characters, invalid UTF-8) are left out of the query: they mean
// nothing to a search and must not reach the screen through the input. notice says what was
// cut or left out: it stays (notice is the last one) until the input is emptied.
func updateQuery(in textinput.Model, msg tea.Msg, notice string) (textinput.Model, tea.Cmd, string) {
	var notes []string
	room := maxQueryRunes - utf8.RuneCountInString(in.Value())
	switch m := msg.(type) {
	case tea.PasteMsg:
		text, cut, dropped := queryText(m.Content, room)
		m.Content = text
		msg = m
		notes = queryNotes(cut, dropped)
	case tea.KeyPressMsg:
		if m.Text != "" {
			text, cut, dropped := queryText(m.Text, room)
			m.Text = text
			if text == "" {
				m.Code = 0 // nothing left to insert; a key code alone inserts nothing either
			}
			msg = m
			notes = queryNotes(cut, dropped)
		}
	}
	in, cmd := in.Update(msg)
	// A value can also come from elsewhere (ctrl+v reads the clipboard): clean it all the same.
	if v := in.Value(); sanitize.Line(v) != v {
		pos := in.Position()
		kept, _, _ := queryText(v[:runeOffset(v, pos)], maxQueryRunes)
		clean, _, _ := queryText(v, maxQueryRunes)
		in.SetValue(clean)
		in.SetCursor(utf8.RuneCountInString(kept))
		notes = queryNotes(false, true)
	}
	switch {
	case len(notes) > 0:
		notice = strings.Join(notes, " · ")
	case in.Value() == "":
		notice = ""
	}
	return in, cmd, notice
}

// queryText returns the first room runes of s that a query may hold; cut reports that s had
// more, dropped that runes were left out.
func queryText(s string, room int) (text string, cut, dropped bool) {
	var b strings.Builder
	n := 0
	scan := s[:min(len(s), maxPasteScan)]
	for _, r := range scan {
		if !queryRune(r) {
			dropped = true
			continue
		}
		if n == room {
			return b.String(), true, dropped
		}
		b.WriteRune(r)
		n++
	}
	return b.String(), len(scan) < len(s), dropped
}

// queryRune reports whether r may be part of a query: printable, and shown as itself. U+FFFD
// stands for bytes that were not UTF-8, which no text can match.
func queryRune(r rune) bool {
	if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == utf8.RuneError {
		return false
	}
	if r < 0x2000 {
		return true
	}
	s := string(r)
	return sanitize.Line(s) == s
}

// runeOffset is the byte offset of rune index pos in s.
func runeOffset(s string, pos int) int {
	for i := range s {
		if pos == 0 {
			return i
		}
		pos--
	}
	return len(s)
}

func queryNotes(cut, dropped bool) []string {
	var notes []string
	if dropped {
		notes = append(notes, "unprintable characters left out")
	}
	if cut {
		notes = append(notes, fmt.Sprintf("cut to %d characters", maxQueryRunes))
	}
	return notes
}
