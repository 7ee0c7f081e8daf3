package ui

import "charm.land/bubbles/v2/key"

// keyMap lists every key binding of the browser. Help and the hint bar are generated from it,
// so a key is described in exactly one place.
type keyMap struct {
	Quit, ForceQuit, Back, Help key.Binding
	Up, Down, Top, Bottom       key.Binding
	PageUp, PageDown            key.Binding
	Open, Focus, FocusBack      key.Binding
	Filter, GlobalSearch, Sort  key.Binding
	Mouse, Skipped              key.Binding
	ViewArticles, ViewPeople    key.Binding
	ViewCountries, ViewOrgs     key.Binding
	ViewTimeline, Timeline      key.Binding
	InputAccept, InputClear     key.Binding
	Export, Copy                key.Binding // export.go, clipboard.go
	// Reading state (readstate.go).
	ToggleRead, Star, Note, UnreadOnly, Starred key.Binding
}

func defaultKeyMap() keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return keyMap{
		Quit:          b([]string{"q"}, "q", "back / quit"),
		ForceQuit:     b([]string{"Q", "ctrl+c"}, "Q", "quit now"),
		Back:          b([]string{"esc", "backspace"}, "esc", "back"),
		Help:          b([]string{"?"}, "?", "help"),
		Up:            b([]string{"k", "up"}, "↑/k", "up"),
		Down:          b([]string{"j", "down"}, "↓/j", "down"),
		Top:           b([]string{"g", "home"}, "g/home", "first"),
		Bottom:        b([]string{"G", "end"}, "G/end", "last"),
		PageUp:        b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		PageDown:      b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", "page down"),
		Open:          b([]string{"enter"}, "enter", "open"),
		Focus:         b([]string{"tab"}, "tab", "next pane"),
		FocusBack:     b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		Filter:        b([]string{"/"}, "/", "filter"),
		GlobalSearch:  b([]string{"ctrl+k", ":"}, "ctrl+k", "search all"),
		Sort:          b([]string{"s"}, "s", "sort"),
		Mouse:         b([]string{"M"}, "M", "mouse on/off"),
		Skipped:       b([]string{"S"}, "S", "skipped files"),
		ViewArticles:  b([]string{"1"}, "1", "articles"),
		ViewPeople:    b([]string{"2"}, "2", "people"),
		ViewCountries: b([]string{"3"}, "3", "countries"),
		ViewOrgs:      b([]string{"4"}, "4", "organisations"),
		ViewTimeline:  b([]string{"5"}, "5", "timeline"),
		Timeline:      b([]string{"t"}, "t", "timeline of this list"),
		InputAccept:   b([]string{"enter"}, "enter", "keep filter"),
		InputClear:    b([]string{"esc"}, "esc", "clear filter"),
		Export:        b([]string{"x"}, "x", "export list"),
		Copy:          b([]string{"y"}, "y", "copy"),
		ToggleRead:    b([]string{"m"}, "m", "read/unread"),
		Star:          b([]string{"f"}, "f", "star"),
		Note:          b([]string{"n"}, "n", "note"),
		UnreadOnly:    b([]string{"U"}, "U", "unread only"),
		Starred:       b([]string{"F"}, "F", "starred articles"),
	}
}

// globalHelp is the part of the help every screen shares.
func (k keyMap) globalHelp() []key.Binding {
	return []key.Binding{k.GlobalSearch, k.Mouse, k.Skipped, k.Help, k.Back, k.Quit, k.ForceQuit}
}

// navHelp is the movement keys every list shares.
func (k keyMap) navHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown, k.Open, k.Focus}
}
