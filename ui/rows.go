package ui

import (
	"strconv"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// ref points at one row's item: an index into the pool slice of its kind.
type ref struct {
	kind search.Kind
	i    int32
}

// pool holds the items a screen lists: the whole corpus, or a subset of articles (an entity's,
// a timeline month's).
type pool struct {
	articles  []*model.Article
	people    []*model.Person
	countries []*model.Country
	orgs      []*model.Organisation
}

func corpusPool(c *model.Corpus) pool {
	return pool{articles: c.Articles, people: c.People, countries: c.Countries, orgs: c.Orgs}
}

// size returns how many items of kind k the pool holds.
func (p pool) size(k search.Kind) int {
	switch k {
	case search.Article:
		return len(p.articles)
	case search.Person:
		return len(p.people)
	case search.Country:
		return len(p.countries)
	default:
		return len(p.orgs)
	}
}

// valid reports whether r points inside the pool.
func (p pool) valid(r ref) bool { return r.i >= 0 && int(r.i) < p.size(r.kind) }

// rowColumns returns the columns of a list of kind k; mixed lists (global search) start with
// the kind's tag.
func rowColumns(k search.Kind, mixed bool) []column {
	var cols []column
	if mixed {
		cols = append(cols, column{width: 9})
	}
	switch {
	case mixed:
		cols = append(cols, column{flex: true}, column{width: 18}, column{width: 11})
	case k == search.Article:
		cols = append(cols, column{width: 11}, column{flex: true}, column{width: 16})
	default:
		cols = append(cols, column{flex: true}, column{width: 20}, column{width: 15}) // "123 · 45 unread"
	}
	return cols
}

// rowCells returns the cells of the item r points at, highlighting what query matches.
func rowCells(st *styles, p pool, r ref, query string, mixed bool) []cell {
	hl := func(s string) []int {
		if query == "" {
			return nil
		}
		return search.Highlight(query, s)
	}
	var cells []cell
	if mixed {
		cells = append(cells, cell{text: "[" + r.kind.String() + "]", ink: st.inkKinds[r.kind]})
	}
	switch r.kind {
	case search.Article:
		a := p.articles[r.i]
		title, src, date := clean(a.Title), clean(a.Source), articleDate(a)
		if mixed {
			return append(cells, cell{text: title, match: hl(title), ink: st.inkText},
				cell{text: src, ink: st.inkDim}, cell{text: date, ink: st.inkDim})
		}
		return append(cells, cell{text: date, ink: st.inkDim},
			cell{text: title, match: hl(title), ink: st.inkText}, cell{text: src, ink: st.inkDim})
	case search.Person:
		e := p.people[r.i]
		return entityCells(st, cells, clean(e.Name), clean(e.Latin), len(e.Articles), hl, mixed)
	case search.Country:
		e := p.countries[r.i]
		return entityCells(st, cells, clean(e.Name), clean(e.NameEn), len(e.Articles), hl, mixed)
	default:
		e := p.orgs[r.i]
		return entityCells(st, cells, orgLabel(e), clean(e.NameEn), len(e.Articles), hl, mixed)
	}
}

func entityCells(st *styles, cells []cell, name, latin string, n int, hl func(string) []int, mixed bool) []cell {
	count := strconv.Itoa(n)
	if mixed {
		count = quantity(n, "article")
	}
	return append(cells,
		cell{text: name, match: hl(name), ink: st.inkText},
		cell{text: latin, match: hl(latin), ink: st.inkDim},
		cell{text: count, ink: st.inkDim})
}

// rightAlign pads s on the left to width cells, for counts.
func rightAlign(s string, width int) string {
	for len(s) < width {
		s = " " + s
	}
	return s
}

// articleDate is an article's date as lists show it: ISO, "≈" when inferred, "undated".
func articleDate(a *model.Article) string {
	if a.Date.IsZero() {
		return "undated"
	}
	d := a.Date.Format("2006-01-02")
	if a.DateInferred {
		return "≈" + d
	}
	return d
}

// orgLabel names an organisation by its abbreviation and full name when both exist.
func orgLabel(o *model.Organisation) string {
	switch {
	case o.Abbr != "" && o.Name != "" && o.Abbr != o.Name:
		return clean(o.Abbr + " — " + o.Name)
	case o.Abbr != "":
		return clean(o.Abbr)
	}
	return clean(o.Name)
}

// quantity writes n with an English noun, "1 article", "3 articles".
func quantity(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// refLabel is the main text of an item: an article's title or an entity's name.
func refLabel(p pool, r ref) string {
	switch r.kind {
	case search.Article:
		return clean(p.articles[r.i].Title)
	case search.Person:
		return clean(p.people[r.i].Name)
	case search.Country:
		return clean(p.countries[r.i].Name)
	default:
		return orgLabel(p.orgs[r.i])
	}
}
