package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

const (
	seedMAGATE = "000_84d6e83823b69b38" // Kosherbayev meets Grossi in Vienna
	seedLavrov = "001_c78359815a5bd025" // TASS: Lavrov to meet Kosherbayev; source, place, subheading
)

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func sizedPager(a *model.Article, w, h int) pager {
	p := newPager(a, newTheme(true, true))
	p.setSize(w, h)
	return p
}

func pagerSend(t *testing.T, p pager, keys ...string) (pager, tea.Cmd) {
	t.Helper()
	var cmd tea.Cmd
	for _, k := range keys {
		p, cmd = p.update(keyPress(k))
	}
	return p, cmd
}

func typeInto(p pager, s string) pager {
	for _, r := range s {
		p, _ = p.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return p
}

// checkFrame asserts the view has exactly h lines of at most w cells.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if h == 0 {
		if view != "" {
			t.Fatalf("%dx%d: view %q, want empty", w, h, view)
		}
		return
	}
	if len(lines) != h {
		t.Fatalf("%dx%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Fatalf("%dx%d: line %d is %d cells: %q", w, h, i, got, ansi.Strip(l))
		}
	}
}

func TestPagerScrollKeys(t *testing.T) {
	p := sizedPager(bigArticle(20_000), 80, 24)
	body := p.bodyHeight()
	steps := []struct {
		key  string
		want func(top int) int
	}{
		{"j", func(int) int { return 1 }},
		{"j", func(int) int { return 2 }},
		{"k", func(int) int { return 1 }},
		{"space", func(top int) int { return top + body }},
		{"f", func(top int) int { return top + body }},
		{"pgdown", func(top int) int { return top + body }},
		{"b", func(top int) int { return top - body }},
		{"d", func(top int) int { return top + body/2 }},
		{"u", func(top int) int { return top - body/2 }},
		{"G", func(int) int { return len(p.lines) - body }},
		{"j", func(top int) int { return top }}, // already at the bottom
		{"g", func(int) int { return 0 }},
		{"k", func(int) int { return 0 }},
		{"end", func(int) int { return len(p.lines) - body }},
	}
	for _, s := range steps {
		want := s.want(p.top)
		p, _ = pagerSend(t, p, s.key)
		if p.top != want {
			t.Fatalf("after %q top = %d, want %d", s.key, p.top, want)
		}
		checkFrame(t, p.view(), 80, 24)
	}
	p, _ = pagerSend(t, p, "g")
	p, _ = p.update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if p.top != 3 {
		t.Fatalf("wheel down: top = %d, want 3", p.top)
	}
	p, _ = p.update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if p.top != 0 {
		t.Fatalf("wheel up: top = %d, want 0", p.top)
	}
}

func TestPagerShowsArticle(t *testing.T) {
	a := seedArticle(t, seedMAGATE)
	p := sizedPager(a, 80, 24)
	view := ansi.Strip(p.view())
	if !strings.Contains(view, "5 Dec 2025") {
		t.Errorf("view lacks the date:\n%s", view)
	}
	// The first words of the title and of the lead are on screen.
	for _, s := range []string{a.Title, a.Lead()} {
		word := strings.Fields(s)[0]
		if !strings.Contains(view, word) {
			t.Errorf("view lacks %q:\n%s", word, view)
		}
	}
	// Credits come at the very end.
	p, _ = pagerSend(t, p, "G")
	lines := strings.Split(ansi.Strip(p.view()), "\n")
	last := strings.TrimSpace(lines[len(lines)-2])
	if len(a.Credits) == 0 || last != a.Credits[len(a.Credits)-1] {
		t.Errorf("last text line %q, want the last credit %q", last, a.Credits)
	}
}

// Once the title has scrolled away, the footer keeps it in view; a narrow footer drops it.
func TestPagerFooterKeepsTitle(t *testing.T) {
	a := seedArticle(t, seedLavrov)
	footer := func(p pager) string {
		lines := strings.Split(ansi.Strip(p.view()), "\n")
		return lines[len(lines)-1]
	}
	start := strings.Fields(a.Title)[0]
	p := sizedPager(a, 100, 12)
	if f := footer(p); strings.Contains(f, start) {
		t.Errorf("at the top the footer repeats the title: %q", f)
	}
	p, _ = pagerSend(t, p, "space")
	f := footer(p)
	if !strings.Contains(f, start) || !strings.Contains(f, "/ search") {
		t.Errorf("scrolled, the footer lacks the title or the hints: %q", f)
	}
	checkFrame(t, p.view(), 100, 12)
	p.setSize(50, 12)
	if f := footer(p); strings.Contains(f, start) {
		t.Errorf("at 50 cells the footer squeezes in the title: %q", f)
	}
	checkFrame(t, p.view(), 50, 12)
}

// A date guessed from a dateline without a year is marked as such.
func TestPagerHeaderMarksInferredDate(t *testing.T) {
	a := &model.Article{
		Title:  "Казахстанские дипломаты провели встречи",
		Date:   time.Date(2026, 2, 12, 0, 0, 0, 0, time.UTC),
		Source: "KAZAKHSTAN TODAY", Place: "Астана", DateInferred: true,
	}
	view := ansi.Strip(sizedPager(a, 80, 10).view())
	if want := "≈12 Feb 2026 (inferred) · KAZAKHSTAN TODAY · Астана"; !strings.Contains(view, want) {
		t.Fatalf("header lacks %q:\n%s", want, view)
	}
	a.DateInferred = false
	if view := ansi.Strip(sizedPager(a, 80, 10).view()); strings.Contains(view, "≈") {
		t.Fatalf("a known date is marked inferred:\n%s", view)
	}
}

func TestPagerSearch(t *testing.T) {
	a := seedArticle(t, seedMAGATE)
	p := sizedPager(a, 80, 24)
	p, _ = pagerSend(t, p, "/")
	if !p.capturing() || !p.input.Focused() {
		t.Fatalf("/ should focus the search input (capturing %v, focused %v)", p.capturing(), p.input.Focused())
	}
	// Typed keys go to the input, not to the pager's key map (n is not "next hit" here).
	p = typeInto(p, "КАЗАХСТАН")
	if got := p.input.Value(); got != "КАЗАХСТАН" {
		t.Fatalf("input = %q", got)
	}
	p, _ = pagerSend(t, p, "enter")
	if p.capturing() {
		t.Fatal("enter should leave the input")
	}
	want := 0
	for _, pr := range p.doc.paras {
		want += strings.Count(strings.ToLower(pr.text), "казахстан")
	}
	if want == 0 || len(p.hits) != want {
		t.Fatalf("%d hits, want %d", len(p.hits), want)
	}
	for _, h := range p.hits {
		if got := ru.Fold(p.doc.paras[h.para].text[h.start:h.end]); got != "казахстан" {
			t.Fatalf("hit covers %q", got)
		}
	}
	if !strings.Contains(ansi.Strip(p.view()), "1/"+strconv.Itoa(want)) {
		t.Errorf("footer lacks 1/%d:\n%s", want, ansi.Strip(p.view()))
	}
	p, _ = pagerSend(t, p, "n", "n")
	if p.cur != 2%want {
		t.Fatalf("after n n: hit %d", p.cur)
	}
	p, _ = pagerSend(t, p, "N", "N", "N")
	if p.cur != want-1 {
		t.Fatalf("N wraps to the last hit: got %d, want %d", p.cur, want-1)
	}
	// The current hit is on screen.
	h := p.hits[p.cur]
	if l := lineOf(p.lines, h.para, h.start); l < p.top || l >= p.top+p.bodyHeight() {
		t.Fatalf("current hit on line %d, screen shows %d..%d", l, p.top, p.top+p.bodyHeight())
	}

	// esc in the input cancels and keeps the confirmed search.
	p, _ = pagerSend(t, p, "/")
	p = typeInto(p, "зzz")
	p, _ = pagerSend(t, p, "esc")
	if p.capturing() || p.query != "КАЗАХСТАН" || len(p.hits) != want {
		t.Fatalf("esc: capturing %v, query %q, %d hits", p.capturing(), p.query, len(p.hits))
	}
}

func TestPagerSearchFoldsYo(t *testing.T) {
	a := &model.Article{Title: "Итоги", Blocks: []model.Block{
		{Kind: model.Paragraph, Text: "Всё решено. Все согласны. ВСЁ ясно. Kelvin: \u212a."},
	}}
	p := sizedPager(a, 40, 10)
	p, _ = pagerSend(t, p, "/")
	p = typeInto(p, "все")
	p, _ = pagerSend(t, p, "enter")
	if len(p.hits) != 3 {
		t.Fatalf("%d hits for все, want 3 (всё, Все, ВСЁ)", len(p.hits))
	}
	// A letter whose lower case is shorter (the Kelvin sign) keeps hits on the right bytes.
	p, _ = pagerSend(t, p, "/")
	p = typeInto(p, "k")
	p, _ = pagerSend(t, p, "enter")
	if len(p.hits) != 2 {
		t.Fatalf("%d hits for k, want 2", len(p.hits))
	}
	h := p.hits[1]
	if got := p.doc.paras[h.para].text[h.start:h.end]; got != "\u212a" {
		t.Fatalf("hit covers %q, want the Kelvin sign", got)
	}
}

func TestPagerEntityStepping(t *testing.T) {
	a := seedArticle(t, seedMAGATE)
	p := sizedPager(a, 80, 24)
	if _, cmd := pagerSend(t, p, "enter"); cmd != nil {
		t.Fatal("enter with no focused entity should do nothing")
	}
	p, _ = pagerSend(t, p, "e")
	first := p.doc.mentions[0]
	p, cmd := pagerSend(t, p, "enter")
	if cmd == nil {
		t.Fatal("enter on a focused entity sends no command")
	}
	if got, want := cmd(), (openEntityMsg{kind: first.kind, key: first.key}); got != want {
		t.Fatalf("enter sent %#v, want %#v", got, want)
	}
	name := p.doc.paras[first.para].text[first.start:first.end]
	if !strings.Contains(ansi.Strip(p.view()), "▸ "+name) {
		t.Errorf("footer does not name the focused entity %q", name)
	}
	p, _ = pagerSend(t, p, "tab", "tab")
	if p.focus != 2 {
		t.Fatalf("focus %d after e tab tab, want 2", p.focus)
	}
	p, _ = pagerSend(t, p, "E", "shift+tab", "E")
	if want := len(p.doc.mentions) - 1; p.focus != want {
		t.Fatalf("backwards past the first: focus %d, want %d", p.focus, want)
	}
	m := p.doc.mentions[p.focus]
	if l := lineOf(p.lines, m.para, m.start); l < p.top || l >= p.top+p.bodyHeight() {
		t.Fatalf("focused mention on line %d is off screen (top %d)", l, p.top)
	}
	if _, cmd := pagerSend(t, p, "enter"); cmd().(openEntityMsg).key != m.key {
		t.Fatal("enter opens another entity than the focused one")
	}
}

func TestPagerSteppingArticles(t *testing.T) {
	p := sizedPager(seedArticle(t, seedMAGATE), 80, 24)
	for k, want := range map[string]int{"]": +1, "[": -1} {
		_, cmd := pagerSend(t, p, k)
		if cmd == nil || cmd() != (stepArticleMsg{delta: want}) {
			t.Fatalf("%s should send stepArticleMsg{%d}", k, want)
		}
	}
}

func TestPagerResizeKeepsPosition(t *testing.T) {
	p := sizedPager(bigArticle(30_000), 80, 24)
	p, _ = pagerSend(t, p, "space", "space", "j", "j", "j")
	para, off := p.anchor()
	for _, w := range []int{50, 120, 33, 80} {
		p.setSize(w, 24)
		l := p.lines[p.top]
		if l.para != para || off < l.start || off > l.end {
			t.Fatalf("width %d: top line is para %d [%d,%d), was reading para %d at %d",
				w, l.para, l.start, l.end, para, off)
		}
		checkFrame(t, p.view(), w, 24)
	}
}

func TestPagerTinySizes(t *testing.T) {
	a := seedArticle(t, seedMAGATE)
	for w := 0; w <= 4; w++ {
		for h := 0; h <= 3; h++ {
			p := sizedPager(a, w, h)
			for _, k := range []string{"j", "G", "e", "E", "/", "x", "enter", "n", "d", "b"} {
				p, _ = pagerSend(t, p, k)
				checkFrame(t, p.view(), w, h)
			}
		}
	}
}

func TestPagerWideCharacters(t *testing.T) {
	a := &model.Article{
		Title: "Қазақстан 🇰🇿 и 中华人民共和国: Әлем Ғылым Үкімет Ұлт Һ Өнер Іс Ңғ",
		Blocks: []model.Block{
			{Kind: model.Lead, Text: strings.Repeat("Қазақстан Республикасы 中国外交部 👩‍👩‍👧 ", 20)},
			{Kind: model.Paragraph, Text: "Ұлттықэкономикасыныңжаңғыртылуымемлекеттікбағдарламасы" + strings.Repeat("中", 30)},
		},
	}
	for _, w := range []int{1, 2, 3, 7, 13, 41, 80, 200} {
		p := sizedPager(a, w, 12)
		for range 5 {
			checkFrame(t, p.view(), w, 12)
			p, _ = pagerSend(t, p, "space")
		}
	}
}

func TestPagerNeutralisesEscapes(t *testing.T) {
	evil := "\x1b[2J\x1b]0;pwned\x07\x9b31m\x1bP+q\x1b\\"
	a := &model.Article{
		Title:   "Заголовок " + evil + "Ермек Кошербаев",
		Source:  "ТАСС" + evil,
		Place:   evil + "Москва",
		Blocks:  []model.Block{{Kind: model.Lead, Text: evil + "Лид " + evil}, {Kind: model.Paragraph, Text: "Текст\x1b[31m красный " + evil + " Ермек Кошербаев и " + evil}},
		Credits: []string{"Фото " + evil},
	}
	annotate(a, fixtureEntities)
	if len(a.Mentions) != 2 {
		t.Fatalf("fixture: %d mentions", len(a.Mentions))
	}
	p := sizedPager(a, 60, 20)
	p, _ = pagerSend(t, p, "e", "/")
	p = typeInto(p, "красный")
	p, _ = pagerSend(t, p, "enter")
	view := p.view()
	stripped := ansi.Strip(view)
	// No control code survives: not ESC or BEL, and no C1 code such as CSI (U+009B).
	if strings.ContainsFunc(stripped, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 }) ||
		!utf8.ValidString(stripped) {
		t.Fatalf("raw control codes reached the terminal: %q", stripped)
	}
	if strings.Contains(view, "\x1b]0;") || strings.Contains(view, "\x1b[2J") {
		t.Fatal("article escape sequences survived styling")
	}
	if !strings.Contains(stripped, "␛[2J") || !strings.Contains(stripped, "Ермек Кошербаев") {
		t.Fatalf("escapes should be shown as placeholders next to the text:\n%s", stripped)
	}
	// The mention after the escapes is still highlighted on the right characters.
	m := p.doc.mentions[len(p.doc.mentions)-1]
	if got := p.doc.paras[m.para].text[m.start:m.end]; got != "Ермек Кошербаев" {
		t.Fatalf("mention moved to %q", got)
	}
}

// A mention broken over two lines keeps its colour on both.
func TestPagerMentionAcrossLines(t *testing.T) {
	a := &model.Article{Title: "Встреча", Blocks: []model.Block{
		{Kind: model.Paragraph, Text: "Вчера министр Ермек Кошербаев провел встречу."},
	}}
	annotate(a, fixtureEntities)
	p := sizedPager(a, 26, 10) // text width 24: "Вчера министр Ермек" | "Кошербаев провел…"
	st := p.st.entity[model.KindPerson].Inherit(p.st.para[paraBody])
	view := p.view()
	for _, part := range []string{"Ермек", "Кошербаев"} {
		if !strings.Contains(view, st.Render(part)) {
			t.Errorf("%q is not styled as a person:\n%q", part, view)
		}
	}
	if strings.Contains(ansi.Strip(view), "Ермек Кошербаев") {
		t.Fatal("the fixture should break the name over two lines")
	}
}

// Without colour (NO_COLOR, light terminals with no palette) the focus and hits still show.
func TestPagerWithoutColour(t *testing.T) {
	p := sizedPager(seedArticle(t, seedMAGATE), 80, 24)
	p.setTheme(newTheme(false, false))
	p, _ = pagerSend(t, p, "e")
	view := p.view()
	if strings.Contains(view, "38;") {
		t.Fatalf("colour codes with colour off: %q", view)
	}
	m := p.doc.mentions[p.focus]
	if !strings.Contains(view, "\x1b[7") && !strings.Contains(view, ";7m") {
		t.Fatalf("focused %q is not reversed: %q", p.doc.paras[m.para].text[m.start:m.end], view)
	}
}

func TestPagerGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(strconv.Itoa(size.w)+"x"+strconv.Itoa(size.h), func(t *testing.T) {
			p := sizedPager(seedArticle(t, seedLavrov), size.w, size.h)
			golden.RequireEqual(t, []byte(ansi.Strip(p.view())))
		})
	}
}

func BenchmarkPagerWrap(b *testing.B) {
	d := newDocument(bigArticle(500_000))
	for b.Loop() {
		_ = d.wrap(78)
	}
}

func BenchmarkPagerView(b *testing.B) {
	p := sizedPager(bigArticle(500_000), 120, 40)
	p, _ = p.update(keyPress("/"))
	for _, r := range "казахстан" {
		p, _ = p.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	p, _ = p.update(keyPress("enter"))
	p.top = len(p.lines) / 2
	p, _ = p.update(keyPress("e"))
	b.ResetTimer()
	for b.Loop() {
		p, _ = p.update(keyPress("j"))
		_ = p.view()
	}
}

// BenchmarkPagerSearch is the cost of confirming a search in a 500 KB article (folding the text
// on first use included), which runs inside Update.
func BenchmarkPagerSearch(b *testing.B) {
	p := sizedPager(bigArticle(500_000), 120, 40)
	for b.Loop() {
		p.folded = nil
		p.find("Казахстан")
	}
}

// BenchmarkPagerOpen is the cost of newPager and the first setSize on a 500 KB article.
func BenchmarkPagerOpen(b *testing.B) {
	a := bigArticle(500_000)
	for b.Loop() {
		p := newPager(a, newTheme(true, true))
		p.setSize(120, 40)
	}
}
