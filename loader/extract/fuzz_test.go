package extract

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/seeds"
)

// fuzzArticle makes an article of text as the loader would: the first line is the title, each
// further line a block.
func fuzzArticle(text string) *model.Article {
	title, rest, _ := strings.Cut(text, "\n")
	a := &model.Article{ID: "fuzz", Title: title}
	for line := range strings.SplitSeq(rest, "\n") {
		a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: line})
	}
	return a
}

// FuzzAnnotate runs Annotate (people, countries, organisations) on any text: it must not
// panic, every mention must lie inside its block on rune boundaries, in order, and name an
// entity the article lists.
func FuzzAnnotate(f *testing.F) {
	files, _ := fs.Glob(seeds.FS, "*.txt")
	for _, name := range files {
		if data, err := fs.ReadFile(seeds.FS, name); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"", "\n\n", "Ермек Кошербаев\nЕрмеком Кошербаевым", "МИД РК и МИД РФ\nООН, ЕС, ШОС, ОДКБ",
		"Касым-Жомарт Токаев\nпрезидент Токаев, Токаева, Токаеву", "Северная Македония\nНью-Йорк",
		"Ё-Ё\xff-РФ\n\x00Лавров\xd0", "С. В. Лавров\nЛавров С.В.", "«Газпром нефть»\n«»",
		strings.Repeat("Иван Иванов ", 200), "А\u0301нна Ива\u0301нова\nКош\u200bербаев",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := fuzzArticle(text)
		Annotate(a)
		for i, m := range a.Mentions {
			if m.Block != model.TitleBlock && (m.Block < 0 || int(m.Block) >= len(a.Blocks)) {
				t.Fatalf("mention %+v in no block (%d blocks)", m, len(a.Blocks))
			}
			s := a.BlockText(int(m.Block))
			if m.Start < 0 || int(m.End) > len(s) || m.Start >= m.End {
				t.Fatalf("mention %+v outside its block %q", m, s)
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Start]) || int(m.End) < len(s) && !utf8.RuneStart(s[m.End])) {
				t.Fatalf("mention %+v cuts a rune: %q", m, s)
			}
			if i > 0 {
				if p := a.Mentions[i-1]; p.Block > m.Block || p.Block == m.Block && p.Start > m.Start {
					t.Fatalf("mentions out of order: %+v before %+v", p, m)
				}
			}
			if a.MentionKey(m) == "" {
				t.Fatalf("mention %+v of an entity the article does not list", m)
			}
		}
	})
}
