package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/dispatch-news/dispatch/model"
)

// crlfArticle is sampleArticle as a Windows editor saves it.
var crlfArticle = strings.ReplaceAll(sampleArticle, "\n", "\r\n")

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	out, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// encodings is sampleArticle in every encoding and line-end style the loader reads.
func encodings(t *testing.T) []struct {
	name string
	data []byte
} {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	bare16 := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	return []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(sampleArticle)},
		{"UTF-8 with BOM and CRLF", append([]byte("\xef\xbb\xbf"), crlfArticle...)},
		{"old Mac CR", []byte(strings.ReplaceAll(sampleArticle, "\n", "\r"))},
		{"UTF-16 LE with BOM", encode(t, utf16le, crlfArticle)},
		{"UTF-16 BE with BOM", encode(t, utf16be, sampleArticle)},
		{"UTF-16 LE without BOM", encode(t, bare16, sampleArticle)},
		{"Windows-1251", encode(t, charmap.Windows1251, crlfArticle)},
		{"KOI8-R", encode(t, charmap.KOI8R, sampleArticle)},
	}
}

func TestParseEncodings(t *testing.T) {
	for _, tt := range encodings(t) {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("paris", "paris.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "Токаев провел переговоры с президентом Франции" {
				t.Errorf("Title = %q", a.Title)
			}
			if a.Place != "Париж" || a.Source != "ТАСС" || a.Date.Format(time.DateOnly) != "2025-11-03" {
				t.Errorf("Place, Source, Date = %q, %q, %v", a.Place, a.Source, a.Date)
			}
			if len(a.Blocks) != 2 || !strings.HasPrefix(a.Lead(), "Президент Казахстана Касым-Жомарт Токаев") ||
				a.Blocks[1].Text != "Стороны обсудили сотрудничество в атомной сфере." {
				t.Errorf("Blocks = %q", a.Blocks)
			}
			if a.Size != int64(len(tt.data)) {
				t.Errorf("Size = %d, want %d", a.Size, len(tt.data))
			}
		})
	}
}

func TestParseBadBytes(t *testing.T) {
	// One stray byte in UTF-8 text is replaced, not a reason to drop the article.
	data := []byte(strings.Replace(sampleArticle, "атомной", "атом\xffной", 1))
	a, err := ParseArticle("x", "x.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Blocks[1].Text != "Стороны обсудили сотрудничество в атом\uFFFDной сфере." {
		t.Errorf("text = %q", a.Blocks[1].Text)
	}

	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(0x80 + i*7%0x40) // continuation bytes without lead bytes: no encoding's text
	}
	// Latin-1 French is not mistaken for Windows-1251: its accents become U+FFFD.
	a, err = ParseArticle("x", "x.txt", []byte("Le ministre fran\xe7ais\n\nLa d\xe9l\xe9gation est arriv\xe9e.\n"))
	if err != nil || a.Blocks[0].Text != "La d\uFFFDl\uFFFDgation est arriv\uFFFDe." {
		t.Errorf("Latin-1 text: %v, %q", err, a.Blocks)
	}

	for name, data := range map[string][]byte{
		"garbage":     garbage,
		"empty":       nil,
		"blank lines": []byte("\r\n\r\n   \n"),
		"binary":      []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"),
		"header only": []byte(" date 2025-01-01\n\n"),
	} {
		if _, err := ParseArticle("x", "x.txt", data); err == nil {
			t.Errorf("%s: parsed as an article", name)
		}
	}
}

func TestParseLayouts(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		title    string
		blocks   []model.Block
		credits  []string
		date     string
		inferred bool
	}{
		{
			name:  "header without title",
			text:  " date 2024-03-01\nВстреча министров\n\nМинистры встретились в Астане.\n\nОни подписали соглашение.\n",
			title: "Встреча министров", date: "2024-03-01",
			blocks: []model.Block{block(model.Lead, "Министры встретились в Астане."), block(model.Paragraph, "Они подписали соглашение.")},
		},
		{
			name:  "hard-wrapped lines are joined",
			text:  "Встреча министров\n\nМинистры иностранных дел\nвстретились в Астане.\nОни подписали соглашение\nо сотрудничестве.\n",
			title: "Встреча министров",
			blocks: []model.Block{
				block(model.Lead, "Министры иностранных дел встретились в Астане."),
				block(model.Paragraph, "Они подписали соглашение о сотрудничестве."),
			},
		},
		{
			name:   "single paragraph has no lead",
			text:   "Встреча министров.\nМинистры встретились в Астане.\n",
			title:  "Встреча министров",
			blocks: []model.Block{block(model.Paragraph, "Министры встретились в Астане.")},
		},
		{
			name:  "subheadings only between paragraphs",
			text:  "Заголовок\n\nПервый абзац текста.\n\nЧто дальше?\n\nВторой абзац текста.\n\nАнна Иванова\n",
			title: "Заголовок",
			blocks: []model.Block{
				block(model.Lead, "Первый абзац текста."), block(model.Subheading, "Что дальше?"),
				block(model.Paragraph, "Второй абзац текста."), block(model.Paragraph, "Анна Иванова"),
			},
		},
		{
			name: "title that is a lead paragraph, abbreviations kept together",
			text: "Визит в г. Алматы завершился подписанием соглашения на 5 млрд. долларов. " +
				"Стороны договорились продолжить переговоры в следующем году в Астане.\n\nПодробности позже.\n",
			title: "Визит в г. Алматы завершился подписанием соглашения на 5 млрд. долларов",
			blocks: []model.Block{
				block(model.Lead, "Стороны договорились продолжить переговоры в следующем году в Астане."),
				block(model.Paragraph, "Подробности позже."),
			},
		},
		{
			name:   "ellipsis stays",
			text:   "Переговоры продолжатся...\n\nТекст.\n",
			title:  "Переговоры продолжатся...",
			blocks: []model.Block{block(model.Paragraph, "Текст.")},
		},
		{
			name: "credits of every kind, deduplicated",
			text: "Заголовок\nФото: пресс-служба Акорды\nПервый абзац.\nPhoto: Reuters\nИсточник: akorda.kz\n" +
				"Фото: пресс-служба Акорды\nРедакция газеты сообщила, что министр уехал.\n(c) Kazinform\n",
			title:   "Заголовок",
			credits: []string{"Фото: пресс-служба Акорды", "Photo: Reuters", "Источник: akorda.kz", "(c) Kazinform"},
			blocks: []model.Block{
				block(model.Lead, "Первый абзац."), block(model.Paragraph, "Редакция газеты сообщила, что министр уехал."),
			},
		},
		{
			name:  "dateline with its own year",
			text:  "Саммит ШОС\nАСТАНА, 4 июля 2024 г. /Kazinform/. Лидеры собрались.\nСаммит прошел в 2024 году.\n",
			title: "Саммит ШОС", date: "2024-07-04",
			blocks: []model.Block{block(model.Lead, "Лидеры собрались."), block(model.Paragraph, "Саммит прошел в 2024 году.")},
		},
		{
			name:  "dateline year from the text",
			text:  "Итоги\nАСТАНА, 30 декабря. /Kazinform/. Подведены итоги 2023 года.\nПлан на 2024 год и на 2024 год.\n",
			title: "Итоги", date: "2024-12-30", inferred: true,
			blocks: []model.Block{block(model.Lead, "Подведены итоги 2023 года."), block(model.Paragraph, "План на 2024 год и на 2024 год.")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle("x", "x.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if !slices.Equal(a.Blocks, tt.blocks) {
				t.Errorf("Blocks = %q,\nwant %q", a.Blocks, tt.blocks)
			}
			if !slices.Equal(a.Credits, tt.credits) {
				t.Errorf("Credits = %q, want %q", a.Credits, tt.credits)
			}
			date := ""
			if !a.Date.IsZero() {
				date = a.Date.Format(time.DateOnly)
			}
			if date != tt.date || a.DateInferred != tt.inferred {
				t.Errorf("Date = %q (inferred %v), want %q (inferred %v)", date, a.DateInferred, tt.date, tt.inferred)
			}
		})
	}
}

func block(kind model.BlockKind, text string) model.Block {
	return model.Block{Kind: kind, Text: text}
}

func TestInferYearsFallsBackToNow(t *testing.T) {
	p, err := parse("x", "x.txt", []byte("Встреча\nАСТАНА, 5 марта. /Kazinform/. Текст без года.\nЕщё.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	inferYears([]*parsed{p}, time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC))
	if got := p.article.Date.Format(time.DateOnly); got != "2026-03-05" || !p.article.DateInferred {
		t.Errorf("Date = %s, want the last 5 March before now, 2026-03-05", got)
	}
}

// A same-source article of two days ago places "31 декабря" in the coming December, and the
// text speaks of this year: both guesses lie ahead, so the last 31 December is taken.
func TestInferYearsNeverAhead(t *testing.T) {
	now := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	stated, err := parse("a", "a.txt", []byte(" date 2026-11-20 Встреча\n\nТекст.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	undated, err := parse("b", "b.txt", []byte("Итоги\nАСТАНА, 31 декабря. Текст о планах на 2026 год.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stated.article.Source = undated.article.Source
	inferYears([]*parsed{stated, undated}, now)
	if got := undated.article.Date.Format(time.DateOnly); got != "2025-12-31" || !undated.article.DateInferred {
		t.Errorf("Date = %s, want the last 31 December, 2025-12-31", got)
	}
	// Tomorrow is still allowed: a dateline's day may have begun where it was written.
	tomorrow, err := parse("c", "c.txt", []byte("Итоги\nАСТАНА, 23 ноября. Текст.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tomorrow.article.Source = stated.article.Source
	inferYears([]*parsed{stated, tomorrow}, now)
	if got := tomorrow.article.Date.Format(time.DateOnly); got != "2026-11-23" {
		t.Errorf("Date = %s, want 2026-11-23", got)
	}
}

// Stated articles of the same day in two years place a dateline of that day equally well:
// the later year wins.
func TestInferYearsPrefersTheLaterOfEqualYears(t *testing.T) {
	var ps []*parsed
	for i, text := range []string{
		" date 2023-03-05 Встреча\n\nТекст.\n",
		" date 2025-03-05 Встреча\n\nТекст.\n",
		"Итоги\nАСТАНА, 5 марта. /Kazinform/. Текст.\n",
	} {
		p, err := parse(fmt.Sprint(i), fmt.Sprint(i, ".txt"), []byte(text), nil)
		if err != nil {
			t.Fatal(err)
		}
		p.article.Source = "Kazinform"
		ps = append(ps, p)
	}
	inferYears(ps, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if got := ps[2].article.Date.Format(time.DateOnly); got != "2025-03-05" {
		t.Errorf("Date = %s, want 2025-03-05", got)
	}
}

func FuzzParseArticle(f *testing.F) {
	seeds, _ := filepath.Glob("../seeds/*.txt")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(crlfArticle))
	f.Add([]byte(" date 2025-13-45 .\n\n.\n\nФото:\n\x1b[2J\u202e"))
	f.Add([]byte{0xff, 0xfe, 0x1b, 0x00, 0x5b, 0x00})
	f.Add([]byte("\xcc\xce\xd1\xca\xc2\xc0, 22 \xee\xea\xf2\xff\xe1\xf0\xff. /\xd2\xc0\xd1\xd1/. \xd2\xe5\xea\xf1\xf2"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle("id", "id.txt", data)
		if err != nil {
			if err.Error() == "" || strings.ContainsRune(err.Error(), '\n') {
				t.Fatalf("reason is not one line: %q", err)
			}
			return
		}
		texts := append([]string{a.Title, a.Source, a.Place}, a.Credits...)
		for _, b := range a.Blocks {
			if strings.TrimSpace(b.Text) == "" {
				t.Fatalf("empty block in %q", a.Blocks)
			}
			texts = append(texts, b.Text)
		}
		for _, s := range texts {
			if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
				return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0x202e || r == 0x2066
			}) {
				t.Fatalf("unsafe text %q", s)
			}
		}
		if a.DateInferred && a.Date.IsZero() {
			t.Fatal("inferred a zero date")
		}
	})
}

func TestCountYears(t *testing.T) {
	counts := map[int]int{}
	countYears("В 2025 году товарооборот вырос, план на 2026 год и до 2030 года; "+
		"в 2026\u00a0г. пройдет саммит. Номер 12025 года и код A2026 год не годы, 1850 год тоже.", counts)
	want := map[int]int{2025: 1, 2026: 2, 2030: 1}
	if len(counts) != len(want) {
		t.Fatalf("counts = %v, want %v", counts, want)
	}
	for y, n := range want {
		if counts[y] != n {
			t.Errorf("counts = %v, want %v", counts, want)
		}
	}
}
