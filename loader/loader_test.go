package loader

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
)

func TestLoadSeeds(t *testing.T) {
	c, err := Load(context.Background(), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Skipped) != 0 {
		t.Errorf("skipped seeds: %v", c.Skipped)
	}
	tests := []struct {
		id, title, date string
		inferred        bool
		source, place   string
		lead            string // prefix
		firstParagraph  string // prefix of the first block after the lead
		subheadings     []string
		credits         []string
		paragraphs      int
	}{
		{
			id: "000_84d6e83823b69b38", title: "В поддержку мирного атома", date: "2025-12-05",
			lead:           "В ходе визита в Австрию министр иностранных дел РК Ермек Кошербаев",
			firstParagraph: "Глава внешнеполитического ведомства Казахстана",
			credits:        []string{"фото с сайта МИД РК"}, paragraphs: 5,
		},
		{
			id: "001_c78359815a5bd025", title: "Лавров и глава МИД Казахстана обсудят сотрудничество",
			date: "2025-10-21", source: "ТАСС", place: "Москва",
			lead:           "Ожидается, что министры сверят часы по важнейшим темам",
			firstParagraph: "Министр иностранных дел России Сергей Лавров проведет переговоры",
			subheadings:    []string{"Вечное союзничество", "Экономические связи"},
			credits:        []string{"Редакция сайта ТАСС", "© Валерий Шарифулин/ ТАСС"}, paragraphs: 10,
		},
		{
			id: "002_4be316f5c9669673", title: "Дипломаты провели ряд встреч за рубежом и обсудили ход реформ в Казахстане",
			date: "2026-02-24", source: "KAZAKHSTAN TODAY", place: "Астана",
			lead:           "Казахстанские дипломаты провели ряд важных встреч за рубежом",
			firstParagraph: "В частности, посол Казахстана в Северной Македонии", paragraphs: 8,
		},
		{
			id: "003_166b566368b52c2e", title: "Казахстанские дипломаты провели встречи и приняли участие в культурных мероприятиях за рубежом",
			date: "2026-02-12", inferred: true, source: "KAZAKHSTAN TODAY", place: "Астана",
			lead:           "В Словении обсуждены перспективы развития муниципального",
			firstParagraph: "Посол Казахстана в Словении Алтай Абибуллаев",
			credits:        []string{"Фото: МИД РК"}, paragraphs: 8,
		},
		{
			id: "004_5dadb2c23144b262", title: "Восточно-Казахстанская область продолжает укреплять международные связи",
			date: "2025-10-10",
			lead: "Глава региона Нурымбет Сактаганов провел рабочую встречу с чрезвычайным и " +
				"полномочным послом Франции в Казахстане Сильваном Гиоге.",
			firstParagraph: "Визит французской делегации стал важным шагом",
			credits:        []string{"Фото: пресс-центр ВКО"}, paragraphs: 9,
		},
	}
	if len(c.Articles) != len(tests) {
		t.Fatalf("loaded %d articles, want %d", len(c.Articles), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			a := c.Article(tt.id)
			if a == nil {
				t.Fatalf("no article %s", tt.id)
			}
			if a.File != "seeds/"+tt.id+".txt" {
				t.Errorf("File = %q", a.File)
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if got := a.Date.Format(time.DateOnly); got != tt.date || a.DateInferred != tt.inferred {
				t.Errorf("Date = %s (inferred %v), want %s (inferred %v)", got, a.DateInferred, tt.date, tt.inferred)
			}
			if a.Source != tt.source || a.Place != tt.place {
				t.Errorf("Source, Place = %q, %q, want %q, %q", a.Source, a.Place, tt.source, tt.place)
			}
			if !strings.HasPrefix(a.Lead(), tt.lead) {
				t.Errorf("Lead = %.80q…, want it to start %q", a.Lead(), tt.lead)
			}
			body := a.Body()
			if len(body) == 0 || !strings.HasPrefix(body[0].Text, tt.firstParagraph) {
				t.Errorf("first body block does not start %q: %+v", tt.firstParagraph, body[:min(1, len(body))])
			}
			var subheadings []string
			paragraphs := 0
			for _, b := range body {
				switch b.Kind {
				case model.Subheading:
					subheadings = append(subheadings, b.Text)
				case model.Paragraph:
					paragraphs++
				default:
					t.Errorf("body block of kind %d: %.60q", b.Kind, b.Text)
				}
			}
			if !slices.Equal(subheadings, tt.subheadings) {
				t.Errorf("subheadings = %q, want %q", subheadings, tt.subheadings)
			}
			if !slices.Equal(a.Credits, tt.credits) {
				t.Errorf("Credits = %q, want %q", a.Credits, tt.credits)
			}
			if paragraphs != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d", paragraphs, tt.paragraphs)
			}
			for _, b := range a.Blocks {
				for _, credit := range a.Credits {
					if b.Text == credit {
						t.Errorf("credit %q is also body text", credit)
					}
				}
			}
		})
	}
}

// write creates the file name under dir (making folders as needed) with the given bytes.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sampleArticle = " date 2025-11-03 Токаев провел переговоры с президентом Франции\n\n" +
	"ПАРИЖ, 3 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев провел переговоры с " +
	"президентом Франции Эммануэлем Макроном.\n\nСтороны обсудили сотрудничество в атомной сфере.\n"

func loadDir(t *testing.T, opt Options, paths ...string) *model.Corpus {
	t.Helper()
	c, err := Load(context.Background(), paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func skipReason(c *model.Corpus, suffix string) string {
	for _, s := range c.Skipped {
		if strings.HasSuffix(s.Path, suffix) {
			return s.Reason
		}
	}
	return ""
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/nested/deeper/paris.txt", []byte(sampleArticle))
	write(t, dir, "a/readme.md", []byte("# not an article"))
	write(t, dir, "a/photo.jpg", []byte{0xff, 0xd8, 0xff})
	write(t, dir, ".hidden/secret.txt", []byte(sampleArticle))
	write(t, dir, "empty.txt", nil)
	write(t, dir, "blank.txt", []byte("\n  \r\n\t\n"))
	write(t, dir, "binary.txt", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"))
	write(t, dir, "big.txt", []byte(strings.Repeat(sampleArticle, 10)))
	write(t, dir, "UPPER.TXT", []byte(sampleArticle))

	var last Progress
	calls := 0
	c := loadDir(t, Options{maxFileSize: 2048, Progress: func(p Progress) { last = p; calls++ }}, dir)

	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	if want := []string{"UPPER", "paris"}; !slices.Equal(ids, want) {
		t.Errorf("IDs = %q, want %q", ids, want)
	}
	if a := c.Article("paris"); a == nil || a.File != filepath.Join(dir, "a/nested/deeper/paris.txt") {
		t.Errorf("nested article: %+v", a)
	}
	for file, want := range map[string]string{
		"empty.txt":  "empty file",
		"blank.txt":  "empty file",
		"binary.txt": "binary file (NUL bytes)",
		"big.txt":    "larger than the 2 KiB limit",
	} {
		if got := skipReason(c, file); got != want {
			t.Errorf("%s skipped for %q, want %q", file, got, want)
		}
	}
	if len(c.Skipped) != 4 {
		t.Errorf("Skipped = %v, want the 4 files above", c.Skipped)
	}
	if calls == 0 || last.Done != last.Total || last.Total != 6 || last.Skipped != 4 || last.Ignored != 3 {
		t.Errorf("last progress = %+v after %d calls, want Done = Total = 6, Skipped 4, Ignored 3", last, calls)
	}
}

func TestLoadEncodings(t *testing.T) {
	dir := t.TempDir()
	variants := encodings(t)
	for _, v := range variants {
		write(t, dir, v.name+".txt", v.data)
	}
	c := loadDir(t, Options{}, dir)
	if len(c.Skipped) != 0 || len(c.Articles) != len(variants) {
		t.Fatalf("%d articles, skipped %v", len(c.Articles), c.Skipped)
	}
	for _, a := range c.Articles {
		if a.Title != "Токаев провел переговоры с президентом Франции" || a.Place != "Париж" || len(a.Blocks) != 2 {
			t.Errorf("%s: title %q, place %q, %d blocks", a.ID, a.Title, a.Place, len(a.Blocks))
		}
	}
}

func TestLoadExplicitFileAnyExtension(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "paris.article", []byte(sampleArticle))
	c := loadDir(t, Options{}, p, p) // given twice, loaded once
	if len(c.Articles) != 1 || c.Articles[0].ID != "paris" || c.Articles[0].Place != "Париж" {
		t.Fatalf("articles = %+v", c.Articles)
	}
}

func TestLoadFolderWithoutArticles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "notes.md", []byte("заметки"))
	write(t, dir, "data.csv", []byte("a,b"))
	c := loadDir(t, Options{}, dir)
	if len(c.Articles) != 0 {
		t.Errorf("articles from a folder without .txt files: %d", len(c.Articles))
	}
	if got, want := skipReason(c, filepath.Base(dir)), "no .txt files in this folder (2 other files ignored)"; got != want {
		t.Errorf("reason = %q, want %q", got, want)
	}
}

func TestLoadMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "нет-такой-папки")
	_, err := Load(context.Background(), []string{missing}, Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want not exist", err)
	}
	if want := "open " + missing + ": no such file or directory"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestLoadDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	first := write(t, dir, "kz/news.txt", []byte(sampleArticle))
	second := write(t, dir, "ru/news.txt", []byte(strings.Replace(sampleArticle, "ПАРИЖ", "ЛОНДОН", 1)))
	c := loadDir(t, Options{}, dir)
	if a := c.Article("news"); a == nil || a.File != first {
		t.Errorf("news is %+v, want %s", a, first)
	}
	if a := c.Article("news-2"); a == nil || a.File != second || a.Place != "Лондон" {
		t.Errorf("news-2 is %+v, want %s", a, second)
	}
	if got := skipReason(c, "ru/news.txt"); !strings.HasPrefix(got, "loaded as news-2") {
		t.Errorf("duplicate not reported: %q", got)
	}
}

func TestLoadUnreadable(t *testing.T) {
	if rerunUnprivileged(t) {
		return
	}
	dir := t.TempDir()
	write(t, dir, "ok.txt", []byte(sampleArticle))
	locked := write(t, dir, "locked.txt", []byte(sampleArticle))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	lockedDir := filepath.Dir(write(t, dir, "closed/inside.txt", []byte(sampleArticle)))
	if err := os.Chmod(lockedDir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
	c := loadDir(t, Options{}, dir)
	if got := skipReason(c, "locked.txt"); got != "permission denied" {
		t.Errorf("reason = %q, want permission denied", got)
	}
	if got := skipReason(c, "closed"); got != "permission denied" {
		t.Errorf("locked folder: reason = %q, want permission denied", got)
	}
	if len(c.Articles) != 1 {
		t.Errorf("%d articles, want 1", len(c.Articles))
	}
	if _, err := Load(context.Background(), []string{locked}, Options{}); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("explicit unreadable file: err = %v, want permission denied", err)
	}
}

func TestLoadSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := write(t, dir, "real/article.txt", []byte(sampleArticle))
	links := filepath.Join(dir, "links")
	for name, to := range map[string]string{
		"loop.txt":    filepath.Join(links, "loop.txt"), // points at itself
		"broken.txt":  filepath.Join(dir, "gone.txt"),
		"linked.txt":  target,
		"parent":      dir, // a folder link back up the tree
		"sibling-dir": filepath.Join(dir, "real"),
	} {
		if err := os.MkdirAll(links, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(to, filepath.Join(links, name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	c := loadDir(t, Options{}, links)
	for file, want := range map[string]string{
		"loop.txt":   "symlink loop",
		"broken.txt": "broken symlink (its target does not exist)",
		"parent":     "symlink loop (leads back to a folder it is in)",
	} {
		if got := skipReason(c, file); got != want {
			t.Errorf("%s: reason %q, want %q", file, got, want)
		}
	}
	var files []string
	for _, a := range c.Articles {
		files = append(files, a.File)
	}
	slices.Sort(files)
	want := []string{filepath.Join(links, "linked.txt"), filepath.Join(links, "sibling-dir", "article.txt")}
	if !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
}

func TestLoadSanitisesEscapes(t *testing.T) {
	dir := t.TempDir()
	hostile := "Заголовок\x1b[2J\x1b]0;pwned\x07\n\nТекст \u202eэто\u202c статьи.\n\nЕщё \x9b31m абзац.\n"
	write(t, dir, "evil\x1b[31m.txt", []byte(hostile))
	write(t, dir, "ok\x1b[0m.bin.txt", []byte{0})
	c := loadDir(t, Options{}, dir)
	if len(c.Articles) != 1 {
		t.Fatalf("%d articles", len(c.Articles))
	}
	a := c.Articles[0]
	texts := []string{a.ID, a.File, a.Title}
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	for _, s := range c.Skipped {
		texts = append(texts, s.Path, s.Reason)
	}
	for _, s := range texts {
		if strings.ContainsAny(s, "\x1b\x07\u202e\u202c\u009b") {
			t.Errorf("control code reached the model: %q", s)
		}
	}
	if a.Title != "Заголовок␛[2J␛]0;pwned␇" || a.ID != "evil␛[31m" {
		t.Errorf("Title %q, ID %q", a.Title, a.ID)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, nil, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLoadCancelledWhileLoading(t *testing.T) {
	dir := t.TempDir()
	for i := range 50 {
		write(t, dir, filepath.Join("news", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt"), []byte(sampleArticle))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Load(ctx, []string{dir}, Options{Workers: 2, Progress: func(Progress) { cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	for i, city := range []string{"ПАРИЖ", "ЛОНДОН", "БЕРЛИН", "РИМ", "МАДРИД", "ВЕНА"} {
		write(t, dir, string(rune('a'+i))+"/news.txt", []byte(strings.Replace(sampleArticle, "ПАРИЖ", city, 1)))
	}
	first := loadDir(t, Options{Workers: 4}, dir)
	for range 3 {
		again := loadDir(t, Options{Workers: 4}, dir)
		for i, a := range again.Articles {
			if b := first.Articles[i]; a.ID != b.ID || a.File != b.File {
				t.Fatalf("run differs at %d: %s %s vs %s %s", i, a.ID, a.File, b.ID, b.File)
			}
		}
	}
}

func TestLoadInfersYearFromSameSource(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "dated.txt", []byte(" date 2019-12-20 Итоги года\n\nАСТАНА, 20 декабря. KAZINFORM - Текст.\n\nЕщё текст.\n"))
	write(t, dir, "undated.txt", []byte("Встреча послов\n\nАСТАНА, 2 января. KAZINFORM - Послы встретились.\n\nЕщё текст.\n"))
	write(t, dir, "other.txt", []byte(" date 2024-01-05 Другое\n\nМОСКВА, 5 января. /ТАСС/. Текст.\n\nЕщё текст.\n"))
	c := loadDir(t, Options{}, dir)
	a := c.Article("undated")
	if got := a.Date.Format(time.DateOnly); got != "2020-01-02" || !a.DateInferred {
		t.Errorf("Date = %s inferred %v, want 2020-01-02 from the other KAZINFORM article", got, a.DateInferred)
	}
}
