package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/export"
)

func seeds(t *testing.T) []*model.Article {
	t.Helper()
	c, err := loader.Load(context.Background(), nil, loader.Options{NoCache: true})
	if err != nil || len(c.Articles) == 0 {
		t.Fatalf("seeds: %v", err)
	}
	return c.Articles
}

// hostile is an article whose every field tries to reach the terminal or break the markup.
func hostile() *model.Article {
	evil := "\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202Eevil\u200B"
	p := &model.Person{Key: "x", Name: "Иван *Петров*" + evil, Latin: "Ivan Petrov"}
	c := &model.Country{Code: "FR", Name: "Франция;\nи всё", NameEn: "France"}
	formula := &model.Person{Key: "y", Name: "=cmd|' /C calc'!A0", Latin: "x"}
	o := &model.Organisation{Key: "ООН", Abbr: "ООН", Name: "Организация Объединённых Наций", NameEn: "UN"}
	return &model.Article{
		ID: "evil" + evil, File: "evil.txt", Title: "# [click](javascript:x) <b>_bold_</b> `code` & ~strike~ | a #" + evil,
		Date: time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC), DateInferred: true,
		Source: "ТАСС\r\n", Place: "Москва, \"центр\"",
		People:    []model.PersonRef{{Person: formula, Mentions: 1}, {Person: p, Mentions: 2}},
		Countries: []model.CountryRef{{Country: c, Mentions: 1}},
		Orgs:      []model.OrgRef{{Organisation: o, Mentions: 1}},
	}
}

// terminalSafe fails if out holds a byte or character a terminal would act on.
func terminalSafe(t *testing.T, what, out string) {
	t.Helper()
	for i, r := range out {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) || r == '\u202E' || r == '\u200B' || r == '\r' {
			t.Fatalf("%s: control character %U at byte %d", what, r, i)
		}
	}
}

func TestCSVRoundTrips(t *testing.T) {
	articles := append(seeds(t), hostile())
	var out bytes.Buffer
	if err := export.CSV(&out, articles); err != nil {
		t.Fatal(err)
	}
	terminalSafe(t, "csv", out.String())
	rows, err := csv.NewReader(strings.NewReader(out.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "id,date,date_inferred,source,place,title,people,countries,orgs" {
		t.Errorf("header %q", rows[0])
	}
	if len(rows) != len(articles)+1 {
		t.Fatalf("%d rows for %d articles", len(rows)-1, len(articles))
	}
	for i, a := range articles {
		row := rows[i+1]
		clean := a != articles[len(articles)-1] // the seeds have nothing to sanitise
		if clean && (row[0] != a.ID || row[3] != a.Source || row[4] != a.Place || row[5] != a.Title) {
			t.Errorf("row %d: %q does not give back %s", i, row, a.ID)
		}
		if inferred, err := strconv.ParseBool(row[2]); err != nil || inferred != a.DateInferred {
			t.Errorf("%s: date_inferred %q", a.ID, row[2])
		}
		if want := a.Date.Format("2006-01-02"); !a.Date.IsZero() && row[1] != want || a.Date.IsZero() && row[1] != "" {
			t.Errorf("%s: date %q, want %s", a.ID, row[1], want)
		}
		people := strings.Split(row[6], export.ListSep)
		if row[6] == "" {
			people = nil
		}
		if len(people) != len(a.People) {
			t.Errorf("%s: %d people in %q, want %d", a.ID, len(people), row[6], len(a.People))
		}
		for j, p := range people {
			if clean && p != a.People[j].Name {
				t.Errorf("%s: person %q, want %q", a.ID, p, a.People[j].Name)
			}
		}
		if clean && row[7] != joinCountries(a) {
			t.Errorf("%s: countries %q, want %q", a.ID, row[7], joinCountries(a))
		}
	}
	evil := rows[len(rows)-1]
	if !strings.HasPrefix(evil[6], "'=cmd|") {
		t.Errorf("a formula reached the CSV as one: %q", evil[6])
	}
	if !strings.Contains(evil[0], "␛[2J") || !strings.Contains(evil[3], "ТАСС␍␊") || evil[4] != `Москва, "центр"` {
		t.Errorf("hostile row not sanitised as expected: %q", evil)
	}
}

func joinCountries(a *model.Article) string {
	var names []string
	for _, c := range a.Countries {
		names = append(names, c.Name)
	}
	return strings.Join(names, export.ListSep)
}

func TestJSONParses(t *testing.T) {
	articles := append(seeds(t), hostile())
	var out bytes.Buffer
	if err := export.JSON(&out, articles); err != nil {
		t.Fatal(err)
	}
	terminalSafe(t, "json", out.String())
	var records []export.Record
	if err := json.Unmarshal(out.Bytes(), &records); err != nil {
		t.Fatal(err)
	}
	if len(records) != len(articles) {
		t.Fatalf("%d records for %d articles", len(records), len(articles))
	}
	for i, a := range articles[:len(articles)-1] {
		r := records[i]
		if r.ID != a.ID || r.Title != a.Title || len(r.People) != len(a.People) || len(r.Countries) != len(a.Countries) || len(r.Orgs) != len(a.Orgs) {
			t.Errorf("record %d does not match %s: %+v", i, a.ID, r)
		}
	}
	if evil := records[len(records)-1]; !strings.Contains(evil.ID, "␛]52;c;") || !strings.Contains(evil.Title, "⟨U+202E⟩") {
		t.Errorf("hostile record: id %q, title %q", evil.ID, evil.Title)
	}
}

func TestMarkdownStructure(t *testing.T) {
	articles := append(seeds(t), hostile())
	var out bytes.Buffer
	if err := export.Markdown(&out, "Казахстан: визиты", articles); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	terminalSafe(t, "markdown", md)
	lines := strings.Split(strings.TrimSuffix(md, "\n"), "\n")
	if lines[0] != "# Казахстан: визиты" {
		t.Errorf("first line %q", lines[0])
	}
	var headings []string
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "## "); ok {
			headings = append(headings, rest)
		} else if l != "" && !strings.HasPrefix(l, "- **") && l != lines[0] {
			t.Errorf("line outside the structure: %q", l)
		}
	}
	if len(headings) != len(articles) {
		t.Fatalf("%d article headings for %d articles", len(headings), len(articles))
	}
	for i, a := range articles[:len(articles)-1] {
		if unescape(headings[i]) != a.Title {
			t.Errorf("heading %q, want %q", headings[i], a.Title)
		}
		if !a.Date.IsZero() && !strings.Contains(md, "- **Date:** "+a.Date.Format("2006-01-02")) {
			t.Errorf("%s: no date item", a.ID)
		}
		for _, p := range a.People {
			if !strings.Contains(md, export.MarkdownEscape(p.Name)) {
				t.Errorf("%s: person %s missing", a.ID, p.Name)
			}
		}
	}
	evil := headings[len(headings)-1]
	// Every special character is escaped: nothing unescaped is left to be read as markup.
	if unescaped := regexp.MustCompile(`(^|[^\\])[\[\]<>*_` + "`" + `&~|#]`); unescaped.MatchString(evil) {
		t.Errorf("unescaped markup in %q", evil)
	}
	if !strings.Contains(md, "- **Date:** 2025-11-03 (inferred)") || !strings.Contains(md, `Иван \*Петров\*`) {
		t.Errorf("hostile entry:\n%s", md[strings.LastIndex(md, "## "):])
	}
}

// unescape undoes MarkdownEscape's backslashes.
func unescape(s string) string {
	return regexp.MustCompile(`\\(.)`).ReplaceAllString(s, "$1")
}

func TestParseFormat(t *testing.T) {
	for name, want := range map[string]export.Format{"md": export.MarkdownFormat, "Markdown": export.MarkdownFormat, "csv": export.CSVFormat, "JSON": export.JSONFormat} {
		if f, err := export.ParseFormat(name); err != nil || f != want {
			t.Errorf("ParseFormat(%q) = %q, %v", name, f, err)
		}
	}
	if _, err := export.ParseFormat("xlsx\x1b[2J"); err == nil || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("ParseFormat of an unknown name: %v", err)
	}
}
