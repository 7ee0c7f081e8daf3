package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCellWidthAgreesWithAnsi(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if !oneCell(r) {
			continue
		}
		s := "а" + string(r) + "б"
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("%U: cellWidth %d, ansi.StringWidth %d", r, got, want)
		}
	}
}

func TestWrapText(t *testing.T) {
	texts := []string{
		"В ходе визита в Австрию министр иностранных дел РК Ермек Кошербаев провел встречу с генеральным директором МАГАТЭ.",
		"Банк низкообогащенного урана МАГАТЭ в Усть-Каменогорске, торгово-экономического и культурно-гуманитарного",
		"Қазақстан Республикасының Сыртқы істер министрлігі 中华人民共和国外交部 🇰🇿🇫🇷 emoji",
		"Слово" + strings.Repeat("оченьдлинное", 12),
		strings.Repeat("Қазақстан中国", 30_000), // one 500 KB word: must not wrap in quadratic time
		"две строки\nс переносом\n\nи пустой",
		"  пробелы   в   начале и   конце  ",
		"",
	}
	for _, text := range texts {
		for _, w := range []int{1, 2, 5, 12, 30, 80} {
			lines := wrapText(text, w, nil)
			var words []string
			prev := 0
			for _, l := range lines {
				if l.start < prev || l.end < l.start || l.end > len(text) {
					t.Fatalf("w=%d: bad range %v after %d in %q", w, l, prev, text)
				}
				prev = l.end
				line := text[l.start:l.end]
				if got := ansi.StringWidth(line); got > w && ansi.StringWidth(firstCluster(line)) <= w {
					t.Errorf("w=%d: line %q is %d cells", w, line, got)
				}
				words = append(words, line)
			}
			// Nothing is lost: the lines hold every non-space character, in order.
			if got, want := squeeze(strings.Join(words, "")), squeeze(text); got != want {
				t.Errorf("w=%d: lines hold %q, want %q", w, got, want)
			}
		}
	}
}

// A character wider than the line gets a line of its own, and no empty line follows it.
func TestWrapWiderThanLine(t *testing.T) {
	text := "中国 外交部"
	var got []string
	for _, l := range wrapText(text, 1, nil) {
		got = append(got, text[l.start:l.end])
	}
	if strings.Join(got, "|") != "中|国|外|交|部" {
		t.Fatalf("got %q", got)
	}
}

func TestWrapBreaksAtHyphen(t *testing.T) {
	text := "в Усть-Каменогорске"
	lines := wrapText(text, 9, nil)
	var got []string
	for _, l := range lines {
		got = append(got, text[l.start:l.end])
	}
	if strings.Join(got, "|") != "в Усть-|Каменогор|ске" {
		t.Fatalf("got %q", got)
	}
}

func TestWrapKeepsDashOnItsLine(t *testing.T) {
	text := "союзничеству\", - отмечал Токаев – глава"
	// From 16 cells up, "союзничеству\", -" fits on a line.
	for w := 16; w < 45; w++ {
		for _, l := range wrapText(text, w, nil) {
			line := text[l.start:l.end]
			if strings.HasPrefix(line, "-") || strings.HasPrefix(line, "–") {
				t.Errorf("w=%d: line starts with a dash: %q", w, line)
			}
		}
	}
}

func firstCluster(s string) string {
	n, _ := fitPrefix(s, 0)
	return s[:n]
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' {
			return -1
		}
		return r
	}, s)
}
