package search

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		in       string
		words    []string
		terms    []string // Term.String of each term
		since    string
		until    string
		problems int
	}{
		{in: "Кошербаев АЭС", words: []string{"кошербаев", "аэс"}, terms: []string{"Кошербаев", "АЭС"}},
		{in: `person:"Ермек Кошербаев" since:2025-11 АЭС`, words: []string{"аэс"},
			terms: []string{`person:"Ермек Кошербаев"`, "since:2025-11", "АЭС"}, since: "2025-11-01"},
		{in: "PERSON:Токаев until:2026-01", terms: []string{"person:Токаев", "until:2026-01"}, until: "2026-02-01"},
		{in: "since:2025 until:2025-12-31", terms: []string{"since:2025", "until:2025-12-31"}, since: "2025-01-01", until: "2026-01-01"},
		{in: "since:garbage мир", words: []string{"мир"}, terms: []string{"since:garbage", "мир"}, problems: 1},
		{in: "foo:bar", words: []string{"foo", "bar"}, terms: []string{"foo:bar"}, problems: 1},
		{in: "person:", terms: []string{"person:"}, problems: 1},
		{in: `country:"Южная Корея`, terms: []string{`country:"Южная Корея"`}, problems: 1},
		{in: "org:«Газпром нефть»", terms: []string{`org:"Газпром нефть"`}},
		{in: "Касым-Жомарт", words: []string{"касым", "жомарт"}, terms: []string{"Касым-Жомарт"}},
		{in: "since:2026 until:2025", terms: []string{"since:2026", "until:2025"}, since: "2026-01-01", until: "2026-01-01", problems: 1},
		{in: "   ", terms: nil},
	} {
		q := ParseQuery(tc.in)
		var terms []string
		for _, term := range q.Terms {
			terms = append(terms, term.String())
		}
		if !slices.Equal(q.Words, tc.words) || !slices.Equal(terms, tc.terms) || len(q.Problems) != tc.problems {
			t.Errorf("ParseQuery(%q): words %q, terms %q, problems %q; want %q, %q, %d problems",
				tc.in, q.Words, terms, q.Problems, tc.words, tc.terms, tc.problems)
		}
		if got := day(q.Since); got != tc.since {
			t.Errorf("ParseQuery(%q).Since = %s, want %s", tc.in, got, tc.since)
		}
		if got := day(q.Until); got != tc.until {
			t.Errorf("ParseQuery(%q).Until = %s, want %s", tc.in, got, tc.until)
		}
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func TestBadDateSaysWhatIsExpected(t *testing.T) {
	q := ParseQuery("since:garbage")
	if len(q.Problems) != 1 || !strings.Contains(q.Problems[0], "YYYY-MM") || q.Terms[0].Problem == "" {
		t.Errorf("problems %q, want one that shows the date format", q.Problems)
	}
	if !q.Empty() {
		t.Errorf("a query of one bad qualifier should be empty")
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"", "Кошербаев", `person:"Ермек Кошербаев" since:2025-11 АЭС`,
		"since:garbage foo:bar", `country:"`, "org:«", "until:2026-01-32", "::", "a:b:c", "\x00\xff",
		"person:Kosherbayev country:FR source:ТАСС until:2026"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, w := range q.Words {
			if w == "" || strings.ContainsAny(w, " \n") {
				t.Errorf("ParseQuery(%q) gave word %q", s, w)
			}
		}
		for _, term := range q.Terms {
			if !utf8.ValidString(term.String()) && utf8.ValidString(s) {
				t.Errorf("term %q is not valid UTF-8", term.String())
			}
		}
		Highlight(s, "Ермек Кошербаев, Kosherbayev")
	})
}
