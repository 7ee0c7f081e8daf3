package search

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// Hostile queries: whatever is typed or pasted, search answers (maybe with Problems) and
// never panics.

// hostileQueries are what a user may type or paste by accident; the large ones are built by
// hugeQueries.
var hostileQueries = []string{
	"", " ", "\x00", "Кошер\x00баев", "\x1b[2J\x1b]52;c;ZXZpbA==\x07", "\u202eвеарбрешок\u202c",
	"\u200bКошербаев\ufeff", "\xff\xfe\xd0", "Кош\xd0", "\xd0\x9a\xd0", // cut inside a rune
	"since:garbage", "until:2026-13-40", "since:2026 until:2025", "since:-1", "since:99999",
	"person:", "person: Лавров", `person:"`, `person:"Ермек Кошербаев`, `org:«Газпром`, `«»`,
	`""""`, "::::", "a:b:c:", "PERSON:Лавров", "Person:КОШЕРБАЕВ", "country:", "country:ZZ",
	"source:", "org:\x1b", "since:\x00", "person:\"\x00\"", "-", "*", "?", "[", "(", `\`, ".*",
	"%s%d%x", "\t\n\r\v\f", "\u0085\u2028\u2029", "ё", "Ё", "ъ", "ﬀ", "İ", "ǅ", "\U0001F600",
	"\u0301", "а\u0301", strings.Repeat("а", 300), strings.Repeat("кош ", 300),
}

// hugeQueries are pastes of a megabyte: one word, many words, a qualifier, an open quote.
func hugeQueries() map[string]string {
	return map[string]string{
		"1 MB word":       strings.Repeat("ж", 1<<19),
		"1 MB words":      strings.Repeat("Кошербаев Лавров Франция ", 1<<20/44),
		"1 MB qualifiers": strings.Repeat("person:Лавров since:2025 foo:bar ", 1<<20/33),
		"1 MB bad date":   "since:" + strings.Repeat("9", 1<<20),
		"1 MB open quote": `person:"` + strings.Repeat("ж ", 1<<19),
		"1 MB control":    strings.Repeat("\x1b[2J\x00\xff", 1<<20/6),
	}
}

// checkResults fails unless every hit points into the corpus and every problem says something.
// (A problem may quote a value with a newline typed inside quotes: output sanitises it.)
func checkResults(t *testing.T, c *model.Corpus, q string, res *Results) {
	t.Helper()
	for _, h := range res.Hits {
		n := [...]int{len(c.Articles), len(c.People), len(c.Countries), len(c.Orgs)}[h.Kind]
		if h.Index < 0 || h.Index >= n {
			t.Errorf("%.40q: hit %+v outside the corpus", q, h)
		}
	}
	if res.Total < len(res.Hits) {
		t.Errorf("%.40q: Total %d < %d hits", q, res.Total, len(res.Hits))
	}
	for _, p := range res.Problems {
		if strings.TrimSpace(p) == "" {
			t.Errorf("%.40q: an empty problem", q)
		}
	}
}

func TestHostileQueriesNeverPanic(t *testing.T) {
	for name, c := range map[string]*model.Corpus{"hand": handCorpus(), "generated": corpusgen.Corpus(500, 3)} {
		ix := New(c)
		if err := ix.Ready(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, q := range hostileQueries {
			for _, scope := range []Scope{All, Articles, People, Countries, Orgs} {
				for _, opt := range []Options{{Scope: scope}, {Scope: scope, Limit: 3, FirstScreen: true}} {
					res, err := ix.Search(context.Background(), q, opt)
					if err != nil {
						t.Fatalf("%s: Search(%q): %v", name, q, err)
					}
					checkResults(t, c, q, res)
				}
			}
			for _, h := range []string{"Ермек Кошербаев", "Kosherbayev", "", "\x1b[2J", "ё\u0301"} {
				checkHighlight(t, q, h)
			}
		}
	}
}

// TestHostileTyping types each hostile query one byte at a time into a Searcher, as a paste
// arrives, so that it sees every prefix, halves of runes included.
func TestHostileTyping(t *testing.T) {
	c := corpusgen.Corpus(500, 4)
	ix := New(c)
	s := ix.NewSearcher()
	for _, q := range hostileQueries {
		for i := 1; i <= min(len(q), 64); i++ {
			res, err := s.Search(context.Background(), q[:i], Options{Limit: 50})
			if err != nil {
				t.Fatalf("Search(%q): %v", q[:i], err)
			}
			checkResults(t, c, q[:i], res)
		}
	}
}

func TestHugeQueries(t *testing.T) {
	c := corpusgen.Corpus(500, 5)
	ix := New(c)
	for name, q := range hugeQueries() {
		pq := ParseQuery(q)
		res, err := ix.SearchQuery(context.Background(), q, pq, Options{Limit: 20})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkResults(t, c, name, res)
		if res.Query != q {
			t.Errorf("%s: Results.Query is not the query", name)
		}
		checkHighlight(t, q, "Ермек Кошербаев")
	}
	// Cancelled, a huge search stops with the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, hugeQueries()["1 MB words"], Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}

func TestHostileQueriesExplainThemselves(t *testing.T) {
	for q, want := range map[string]string{
		"since:garbage Лавров":  "YYYY",
		"person: Лавров":        "needs a value",
		`person:"Ермек`:         "closing quote",
		"foo:bar":               "not a qualifier",
		"since:2026 until:2025": "no date can match",
	} {
		pq := ParseQuery(q)
		if !strings.Contains(strings.Join(pq.Problems, "\n"), want) {
			t.Errorf("ParseQuery(%q).Problems = %q, want one saying %q", q, pq.Problems, want)
		}
	}
}

// checkHighlight fails unless Highlight(q, label) gives ascending rune indexes inside label.
func checkHighlight(t *testing.T, q, label string) {
	t.Helper()
	idx := Highlight(q, label)
	n := utf8.RuneCountInString(label)
	for i, r := range idx {
		if r < 0 || r >= n || i > 0 && r <= idx[i-1] {
			t.Errorf("Highlight(%.40q, %q) = %v: not ascending indexes below %d", q, label, idx, n)
			return
		}
	}
}

// FuzzSearch runs whole searches (parse, plan, scan, rank, highlight) on arbitrary queries.
func FuzzSearch(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	c := handCorpus()
	ix := New(c)
	if err := ix.Ready(context.Background()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, scope := range []Scope{All, Articles, People} {
			res, err := ix.Search(context.Background(), q, Options{Scope: scope, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			checkResults(t, c, q, res)
		}
		checkHighlight(t, q, "Ермек Кошербаев")
		checkHighlight(t, q, "Yermek Kosherbayev")
	})
}
