package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// evilBits are the ways a text can try to drive a terminal: OSC 52 (writes the clipboard),
// OSC 8 (hyperlinks), CSI (clear screen, home, blink), DCS, 8-bit CSI both as a raw byte and
// as the C1 rune, C0 codes (NUL, BEL, BS, CR, DEL), bidi overrides and isolates, zero-width
// and line-separator characters.
var evilBits = []string{
	"\x1b]52;c;cm0gLXJmIH4=\x07",
	"\x1b]8;;https://evil.example\x1b\\ссылка\x1b]8;;\x1b\\",
	"\x1b[2J\x1b[H",
	"\x1b[5m",
	"\x1bP+q544e\x1b\\",
	"\x9b31m",
	"\u009b31m",
	"\u0085",
	"\x00\x07\x08\r\x7f",
	"\u202eтxt.exe",
	"\u2066изолят\u2069",
	"\u200bнуль\u200d\ufeff",
	"\u2028",
}

// evil is every trick in one string.
var evil = strings.Join(evilBits, " ")

// hostileArticleCorpus is a corpus whose every string tries to drive the terminal: titles,
// sources, places, text, credits, entity names, roles and Latin forms, and the skipped files'
// names and reasons. Mentions sit on hostile text so the pager's entity focus covers it.
func hostileArticleCorpus() *model.Corpus {
	var arts []*model.Article
	for i := range 4 {
		name := "Ермек" + evilBits[i%len(evilBits)] + " Кошербаев"
		body := "Министр " + name + " встретился в " + evil + " с коллегой из Франции\u202e. " +
			strings.Repeat("Текст статьи о переговорах. ", 12) + evil + " ермек"
		start := strings.Index(body, name)
		country := strings.Index(body, "Франции")
		arts = append(arts, &model.Article{
			ID:     fmt.Sprintf("evil-%d", i),
			Title:  fmt.Sprintf("Заголовок %d %s конец", i, evil),
			Source: "ТАСС" + evilBits[(i+2)%len(evilBits)],
			Place:  "Астана\u202e" + evilBits[(i+5)%len(evilBits)],
			Date:   time.Date(2025, time.Month(10+i%3), 1+i, 0, 0, 0, 0, time.UTC),
			Blocks: []model.Block{
				{Kind: model.Lead, Text: "Лид " + evil},
				{Kind: model.Paragraph, Text: body},
				{Kind: model.Subheading, Text: "Подзаголовок" + evil},
			},
			Credits: []string{"Фото: " + evil},
			People: []model.PersonRef{{
				Person:   &model.Person{Key: "ермек кошербаев", Name: name, Latin: "Yermek\x1b]0;title\x07 Kosherbayev", Role: "министр\x1b[8m"},
				Role:     "министр\u202e",
				Mentions: 1,
			}},
			Countries: []model.CountryRef{{Country: &model.Country{Code: "FR", Name: "Франция\x1b[31m", NameEn: "France\u202e"}, Mentions: 1}},
			Orgs:      []model.OrgRef{{Organisation: &model.Organisation{Key: "ООН", Abbr: "ООН\x07", Name: "Организация\x1b]8;;x\x07 Объединённых Наций", NameEn: "UN\u200b"}, Mentions: 1}},
			Mentions: []model.Mention{
				{Kind: model.KindPerson, Span: model.Span{Block: 1, Start: int32(start), End: int32(start + len(name))}},
				{Kind: model.KindCountry, Span: model.Span{Block: 1, Start: int32(country), End: int32(country + len("Франции"))}},
			},
		})
	}
	skipped := []model.Skip{
		{Path: "/tmp/news/evil\x1b]52;c;AAAA\x07\u202etxt.exe", Reason: "not UTF-8\x1b[2J\x00"},
		{Path: "/tmp/news/\x9b31mraw.txt", Reason: "empty\u2028file"},
	}
	return model.NewCorpus(arts, skipped)
}

// unsafeRune reports the runes that must never reach the terminal: control codes other than
// the newline between lines (C0, DEL, C1), bidi controls, zero-width and joiner characters,
// line and paragraph separators and the byte-order mark.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Bidi_Control, r), unicode.Is(unicode.Join_Control, r),
		unicode.Is(unicode.Zl, r), unicode.Is(unicode.Zp, r):
		return true
	case r == 0x200b, r >= 0x2060 && r <= 0x2064, r == 0xfeff:
		return true
	}
	return false
}

// terminalUnsafe returns what is wrong with raw terminal output, or "": every ESC must open an
// SGR sequence (ESC [ digits ; : ... m, the styling the app emits itself), and no other
// control code, bidi control or zero-width character may appear, nor bytes that are not UTF-8.
func terminalUnsafe(out string) string {
	for i := 0; i < len(out); {
		if out[i] == 0x1b {
			j := i + 1
			if j < len(out) && out[j] == '[' {
				j++
				for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
					j++
				}
				if j < len(out) && out[j] == 'm' {
					if bad := foreignSGR(out[i+2 : j]); bad != "" {
						return fmt.Sprintf("SGR %s the app never uses at byte %d: %q", bad, i, out[i:j+1])
					}
					i = j + 1
					continue
				}
			}
			return fmt.Sprintf("escape sequence that is not SGR at byte %d: %q", i, out[i:min(i+24, len(out))])
		}
		r, size := utf8.DecodeRuneInString(out[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Sprintf("invalid UTF-8 at byte %d: %q", i, out[max(i-12, 0):min(i+12, len(out))])
		}
		if unsafeRune(r) {
			return fmt.Sprintf("%U at byte %d: %q", r, i, out[max(i-12, 0):min(i+12, len(out))])
		}
		i += size
	}
	return ""
}

// foreignSGR returns the first attribute of an SGR parameter list that the app's styles never
// set (blink, conceal, fonts...), so an article's own SGR cannot pass for styling; "" if none.
// Colours (38/48/58 with their 5;n or 2;r;g;b arguments) are skipped over.
func foreignSGR(params string) string {
	return sgrOutside(params, true)
}

// sgrOutside returns the first attribute of an SGR parameter list outside what the app sets:
// bold, faint, italic, underline, reverse, strikethrough and their resets, and colours when
// colour is true; "" if none.
func sgrOutside(params string, colour bool) string {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		attr, _, _ := strings.Cut(ps[i], ":") // 4:3 is an underline style, 38:2:… a colour
		switch attr {
		case "", "0", "1", "2", "3", "4", "7", "9", "21", "22", "23", "24", "27", "29", "39", "49", "59":
		case "38", "48", "58":
			if !colour {
				return attr
			}
			if strings.Contains(ps[i], ":") {
				continue
			}
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		default:
			n := 0
			if _, err := fmt.Sscanf(attr, "%d", &n); err != nil || !colour ||
				!(n >= 30 && n <= 37 || n >= 40 && n <= 47 || n >= 90 && n <= 97 || n >= 100 && n <= 107) {
				return attr
			}
		}
	}
	return ""
}

// colourIn returns the first colour attribute of raw output's SGR sequences, "" if none.
func colourIn(out string) string {
	for rest := out; ; {
		i := strings.Index(rest, "\x1b[")
		if i < 0 {
			return ""
		}
		rest = rest[i+2:]
		j := strings.IndexByte(rest, 'm')
		if j < 0 {
			return ""
		}
		if bad := sgrOutside(rest[:j], false); bad != "" {
			return bad
		}
	}
}

func TestTerminalUnsafeSpotsEveryTrick(t *testing.T) {
	// The checker itself: the app's own styling passes, every trick is caught.
	if msg := terminalUnsafe("\x1b[1;38;2;1:2:3m Ермек \x1b[m\n\x1b[0m"); msg != "" {
		t.Errorf("styling rejected: %s", msg)
	}
	for _, bit := range evilBits {
		if terminalUnsafe("ok "+bit+" ok") == "" {
			t.Errorf("%q passed", bit)
		}
	}
	if colourIn("\x1b[1;7m x \x1b[4m\x1b[m") != "" || colourIn("\x1b[1;38;5;3m x") != "38" || colourIn("\x1b[31m") != "31" {
		t.Error("colourIn misreads SGR")
	}
}

// hostileScripts are the ways to put hostile text on screen: every view and pane of the
// browser, the pager with search hits and entity focus, global search, skipped files, help.
var hostileScripts = map[string][]tea.Msg{
	"list":                 nil,
	"detail":               keyMsgs("tab", "j", "j"),
	"people and detail":    keyMsgs("2", "tab"),
	"countries":            keyMsgs("3", "tab"),
	"organisations":        keyMsgs("4", "tab"),
	"timeline":             keyMsgs("5"),
	"entity screen":        keyMsgs("2", "enter", "tab", "j"),
	"entity timeline":      keyMsgs("2", "enter", "t"),
	"pager":                keyMsgs("enter"),
	"pager search hits":    keyMsgs("enter", "/", "ермек", "enter", "n"),
	"pager search typing":  keyMsgs("enter", "/", "ерм"),
	"pager entity focus":   keyMsgs("enter", "e"),
	"pager country focus":  keyMsgs("enter", "e", "e", "G"),
	"pager bottom":         keyMsgs("enter", "G", "/", "ООН", "enter", "N"),
	"filter":               keyMsgs("/", "ермек"),
	"filter kept":          keyMsgs("/", "заголовок", "enter"),
	"filter no match":      keyMsgs("/", "person:ничего since:garbage", "enter"),
	"global search":        keyMsgs("ctrl+k", "ермек"),
	"global search kept":   keyMsgs("ctrl+k", "ермек", "enter", "j"),
	"skipped files":        keyMsgs("S", "j"),
	"help":                 keyMsgs("?"),
	"hostile typed filter": append(keyMsgs("/"), tea.KeyPressMsg{Code: 0x1b, Text: evil}),
	"hostile paste":        append(keyMsgs("/"), tea.PasteMsg{Content: evil}),
	"hostile global paste": append(keyMsgs("ctrl+k"), tea.PasteMsg{Content: "ермек " + evil}),
	"hostile pager paste":  append(keyMsgs("enter", "/"), tea.PasteMsg{Content: evil}),
	"hostile pager query":  append(append(keyMsgs("enter", "/"), tea.PasteMsg{Content: evil}), keyMsgs("enter")...),
}

func TestHostileArticlesNeverDriveTheTerminal(t *testing.T) {
	c := hostileArticleCorpus()
	sizes := [][2]int{{40, 12}, {80, 24}, {150, 40}}
	for name, script := range hostileScripts {
		for _, sz := range sizes {
			for _, noColor := range []bool{false, true} {
				a := hostileApp(t, c, sz[0], sz[1], noColor)
				for _, bg := range []tea.Msg{dark(), light()} {
					a = feed(t, a, bg)
					a = feed(t, a, script...)
					v := a.View()
					where := fmt.Sprintf("%s at %dx%d (no colour %v)", name, sz[0], sz[1], noColor)
					if msg := terminalUnsafe(v.Content); msg != "" {
						t.Errorf("%s: %s", where, msg)
					}
					if bad := colourIn(v.Content); noColor && bad != "" {
						t.Errorf("%s: colour attribute %s without colour", where, bad)
					}
					if msg := terminalUnsafe(v.WindowTitle); msg != "" || strings.Contains(v.WindowTitle, "\x1b") {
						t.Errorf("%s: window title %q", where, v.WindowTitle)
					}
					assertFits(t, a, sz[0], sz[1])
					a = hostileApp(t, c, sz[0], sz[1], noColor)
				}
			}
		}
	}
}

// hostileApp is the browser on c past loading, with or without colour.
func hostileApp(t testing.TB, c *model.Corpus, w, h int, noColor bool) app {
	t.Helper()
	a := newApp(context.Background(), RunOptions{Corpus: c, NoColor: noColor})
	m, _ := a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = m.Update(loadedMsg{corpus: c, ix: search.New(c)})
	return m.(app)
}

func TestHostileTextShowsAsPlaceholders(t *testing.T) {
	// Neutralised is not deleted: the analyst sees that the text carried control codes.
	c := hostileArticleCorpus()
	a := hostileApp(t, c, 150, 40, false)
	out := screenText(feed(t, a, keyMsgs("enter")...))
	for _, want := range []string{"␛]52;c;", "␛[2J", "⟨U+202E⟩", "␀"} {
		if !strings.Contains(out, want) {
			t.Errorf("pager does not show %q:\n%s", want, out)
		}
	}
	out = screenText(feed(t, hostileApp(t, c, 150, 40, false), keyMsgs("S")...))
	if !strings.Contains(out, "evil␛]52;c;AAAA␇⟨U+202E⟩txt.exe") {
		t.Errorf("skipped files do not show the hostile name as placeholders:\n%s", out)
	}
}

// hostileQueries are what an analyst (or the clipboard) may put into a search input, and what
// the screen must then say.
var hostileQueries = []struct {
	name, text, want string
}{
	{"bad date", "since:garbage", "garbage is not a date"},
	{"empty qualifier", "person:", "person: needs a value"},
	{"open quote", `person:"Кошербаев`, "closing quote added"},
	{"control characters", "\x00Каз\x1b[2J\x07ахстан\x7f", "unprintable characters left out"},
	{"invalid UTF-8", "\xff\xfeКаз\xc3ахстан", "unprintable characters left out"},
	{"bidi override", "\u202eнатсхазаК\u200b", "unprintable characters left out"},
	{"megabyte", megabytePaste.Content, fmt.Sprintf("cut to %d characters", maxQueryRunes)},
}

func TestHostileQueriesSayWhatIsWrong(t *testing.T) {
	c := seedCorpus(t)
	inputs := map[string][]tea.Msg{
		"filter":        keyMsgs("/"),
		"people filter": keyMsgs("2", "/"),
		"global search": keyMsgs("ctrl+k"),
		"pager search":  keyMsgs("enter", "/"),
	}
	for _, q := range hostileQueries {
		for name, open := range inputs {
			for _, how := range []string{"paste", "type"} {
				where := fmt.Sprintf("%s %s into the %s", how, q.name, name)
				a := loadedApp(t, c, 120, 30)
				a = feed(t, a, open...)
				if how == "paste" {
					a = feed(t, a, tea.PasteMsg{Content: q.text})
				} else {
					// A terminal without bracketed paste: one key per character (a megabyte of
					// keys is the same as a few thousand here).
					text := q.text[:min(len(q.text), 4000)]
					for i := 0; i < len(text); {
						r, size := utf8.DecodeRuneInString(text[i:])
						a = feed(t, a, tea.KeyPressMsg{Code: r, Text: text[i : i+size]})
						i += size
					}
				}
				for _, step := range []string{"typing", "after enter"} {
					if step == "after enter" {
						a = feed(t, a, keyMsgs("enter")...)
					}
					out := a.View().Content
					if msg := terminalUnsafe(out); msg != "" {
						t.Errorf("%s, %s: %s", where, step, msg)
					}
					assertFits(t, a, 120, 30)
					pager := strings.HasPrefix(name, "pager")
					if want := q.want; (!pager || strings.Contains(want, "characters")) && !strings.Contains(screenText(a), want) {
						t.Errorf("%s, %s: the screen does not say %q:\n%s", where, step, want, screenText(a))
					}
				}
				if got := queryOf(a); utf8.RuneCountInString(got) > maxQueryRunes || terminalUnsafe(got) != "" || strings.ContainsRune(got, utf8.RuneError) {
					t.Errorf("%s: query %.40q…", where, got)
				}
			}
		}
	}
}

// queryOf is the query the top screen searches for.
func queryOf(a app) string {
	switch sc := topScreen(a).(type) {
	case *browseScreen:
		return sc.cur().query
	case *pagerScreen:
		return sc.p.query
	}
	return ""
}

func TestQueriesKeepWorkingAfterHostileInput(t *testing.T) {
	// The input stays responsive: after the junk, a real query still finds its article.
	c := seedCorpus(t)
	a := loadedApp(t, c, 120, 30)
	a = feed(t, a, keyMsgs("/")...)
	a = feed(t, a, megabytePaste)
	a = feed(t, a, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) // clear to the start
	a = feed(t, a, tea.PasteMsg{Content: "\x00Kosher\u202ebayev\x07"})
	a = feed(t, a, keyMsgs("enter")...)
	m := mainScreen(t, a)
	if q := m.cur().query; q != "Kosherbayev" {
		t.Fatalf("query after ctrl+u and a paste: %q", q)
	}
	if m.cur().len(m.pool) == 0 {
		t.Errorf("nothing found after hostile input:\n%s", screenText(a))
	}
}
