package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/export"
	"github.com/dispatch-news/dispatch/model/sanitize"
	"github.com/dispatch-news/dispatch/model/search"
)

// writeJSON prints v as indented UTF-8 JSON (no HTML escaping; control codes are escaped by
// encoding/json).
func writeJSON(w io.Writer, v any) { _ = export.WriteJSON(w, v) }

// table prints rows as aligned columns, measuring text in terminal cells so Cyrillic, CJK and
// emoji line up. Every cell is sanitised: plain output never carries control codes.
func table(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			row[i] = sanitize.Line(cell)
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(row[i]))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		b.Reset()
		for i, cell := range row {
			b.WriteString(cell)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func (r run) list(articles []*model.Article) int {
	switch {
	case r.args.json:
		writeJSON(r.env.Stdout, recordsOf(articles))
	case r.args.format != "":
		if err := export.Write(r.env.Stdout, r.args.format, listTitle(r.args.paths), articles); err != nil {
			fmt.Fprintf(r.env.Stderr, "dispatch: %s\n", sanitize.Line(err.Error()))
			return ExitUsage
		}
	default:
		rows := make([][]string, 0, len(articles))
		for _, a := range articles {
			rows = append(rows, []string{a.ID, displayDate(a), a.Source, a.Title})
		}
		table(r.env.Stdout, rows)
	}
	if len(articles) == 0 {
		return ExitNoMatch
	}
	return ExitOK
}

func recordsOf(articles []*model.Article) []articleJSON {
	out := make([]articleJSON, len(articles))
	for i, a := range articles {
		out[i] = newArticleJSON(a)
	}
	return out
}

// listTitle heads a Markdown export: the corpus it lists.
func listTitle(paths []string) string {
	if len(paths) == 0 {
		return "dispatch: seed articles"
	}
	return "dispatch: " + strings.Join(paths, ", ")
}

func displayDate(a *model.Article) string {
	switch {
	case a.Date.IsZero():
		return "undated"
	case a.DateInferred:
		return a.Date.Format("2006-01-02") + "~"
	}
	return a.Date.Format("2006-01-02")
}

func (r run) show(c *model.Corpus, id string) int {
	a := c.Article(id)
	if a == nil {
		fmt.Fprintf(r.env.Stderr, "dispatch: no article %q (see dispatch list)\n", sanitize.Line(id))
		return ExitNoMatch
	}
	if r.args.json {
		writeJSON(r.env.Stdout, newArticleFullJSON(a))
		return ExitOK
	}
	w := r.env.Stdout
	fmt.Fprintln(w, sanitize.Line(a.Title))
	meta := []string{displayDate(a)}
	for _, s := range []string{a.Source, a.Place} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	fmt.Fprintf(w, "%s · %s\n", strings.Join(meta, " · "), sanitize.Line(a.File))
	fmt.Fprintln(w, entityLine("People", len(a.People), func(i int) string {
		return fmt.Sprintf("%s (%d)", a.People[i].Name, a.People[i].Mentions)
	}))
	fmt.Fprintln(w, entityLine("Countries", len(a.Countries), func(i int) string {
		return fmt.Sprintf("%s (%d)", a.Countries[i].Name, a.Countries[i].Mentions)
	}))
	fmt.Fprintln(w, entityLine("Orgs", len(a.Orgs), func(i int) string {
		return fmt.Sprintf("%s (%d)", orgLabel(a.Orgs[i].Organisation), a.Orgs[i].Mentions)
	}))
	for _, b := range a.Blocks {
		fmt.Fprintln(w)
		text := sanitize.Text(b.Text)
		if b.Kind == model.Subheading {
			text = "## " + text
		}
		fmt.Fprintln(w, text)
	}
	if len(a.Credits) > 0 {
		fmt.Fprintf(w, "\n— %s\n", sanitize.Line(strings.Join(a.Credits, "; ")))
	}
	return ExitOK
}

func entityLine(label string, n int, item func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = item(i)
	}
	if n == 0 {
		parts = []string{"—"}
	}
	return sanitize.Line(label + ": " + strings.Join(parts, ", "))
}

func orgLabel(o *model.Organisation) string { return export.OrgLabel(o) }

// entities prints people, countries or organisations: all of them, or those matching the query,
// best first.
func (r run) entities(ctx context.Context, ix *search.Index, scope search.Scope) int {
	c := ix.Corpus()
	res, err := ix.Search(ctx, r.args.query(), search.Options{Scope: scope})
	if err != nil {
		fmt.Fprintf(r.env.Stderr, "dispatch: %v\n", err)
		return ExitUsage
	}
	r.problems(res)
	var out []any
	var rows [][]string
	for _, h := range res.Hits {
		switch h.Kind {
		case search.Person:
			p := c.People[h.Index]
			out = append(out, personJSON{Name: p.Name, Latin: p.Latin, Role: p.Role, Articles: articleIDs(p.Articles)})
			rows = append(rows, []string{p.Name, p.Latin, strconv.Itoa(len(p.Articles)), p.Role})
		case search.Country:
			k := c.Countries[h.Index]
			out = append(out, countryJSON{Code: k.Code, Name: k.Name, NameEn: k.NameEn, Articles: articleIDs(k.Articles)})
			rows = append(rows, []string{k.Code, k.Name, k.NameEn, strconv.Itoa(len(k.Articles))})
		case search.Org:
			o := c.Orgs[h.Index]
			out = append(out, orgJSON{Abbr: o.Abbr, Name: o.Name, NameEn: o.NameEn, Articles: articleIDs(o.Articles)})
			rows = append(rows, []string{o.Abbr, o.Name, o.NameEn, strconv.Itoa(len(o.Articles))})
		}
	}
	if r.args.json {
		if out == nil {
			out = []any{}
		}
		writeJSON(r.env.Stdout, out)
	} else {
		table(r.env.Stdout, rows)
	}
	if len(out) == 0 {
		if r.args.query() != "" {
			fmt.Fprintf(r.env.Stderr, "dispatch: nothing matches %q\n", quotable(r.args.query()))
		}
		return ExitNoMatch
	}
	return ExitOK
}

// search prints ranked articles.
func (r run) search(ctx context.Context, ix *search.Index) int {
	c := ix.Corpus()
	res, err := ix.Search(ctx, r.args.query(), search.Options{Scope: search.Articles, Limit: r.args.limit})
	if err != nil {
		fmt.Fprintf(r.env.Stderr, "dispatch: %v\n", err)
		return ExitUsage
	}
	r.problems(res)
	hits := make([]hitJSON, 0, len(res.Hits))
	for _, h := range res.Hits {
		if h.Kind != search.Article {
			continue
		}
		a := c.Articles[h.Index]
		hits = append(hits, hitJSON{ID: a.ID, Title: a.Title, Date: dateString(a), Score: int(h.Score), Matched: h.Fields.Names()})
	}
	if r.args.json {
		writeJSON(r.env.Stdout, hits)
	} else {
		rows := make([][]string, 0, len(hits))
		for _, h := range hits {
			rows = append(rows, []string{h.ID, h.Date, strconv.Itoa(h.Score), strings.Join(h.Matched, ","), h.Title})
		}
		table(r.env.Stdout, rows)
		if res.Total > len(hits) {
			fmt.Fprintf(r.env.Stdout, "(%d of %d shown; --limit 0 shows all)\n", len(hits), res.Total)
		}
	}
	if len(hits) == 0 {
		fmt.Fprintf(r.env.Stderr, "dispatch: no article matches %q\n", quotable(r.args.query()))
		return ExitNoMatch
	}
	return ExitOK
}

// quotable is a query as messages quote it: sanitised, and cut short, since a query may be a
// pasted megabyte.
func quotable(q string) string { return shortLine(q, 80) }

// shortLine is s sanitised for one line of at most most runes (and an ellipsis).
func shortLine(s string, most int) string {
	s = sanitize.Line(s)
	n := 0
	for i := range s {
		if n == most {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// problems reports the parts of a query the search ignored.
func (r run) problems(res *search.Results) {
	const most = 5 // a pasted page may have a problem per word
	for i, p := range res.Problems {
		if i == most {
			fmt.Fprintf(r.env.Stderr, "dispatch: and %d more problems in the query\n", len(res.Problems)-most)
			break
		}
		fmt.Fprintf(r.env.Stderr, "dispatch: %s\n", shortLine(p, 160))
	}
}
