package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// target is what a selectable detail line opens: an article, an entity, or a list of articles.
type target struct {
	kind     search.Kind
	article  *model.Article
	entity   model.EntityKind
	key      string
	title    string
	articles []*model.Article // for an article: the list it belongs to, so the pager can step
	idx      int              // the article's index in articles
}

// detailLine is one line of a detail pane; lines with a target can be selected.
type detailLine struct {
	text   string // styled, at most the pane's width
	target *target
}

// detail is a scrollable pane of lines, some of them selectable: the facts about an article or
// an entity, with the entities and articles it leads to.
type detail struct {
	lines  []detailLine
	sel    []int // indexes of selectable lines
	cursor int   // index into sel
	offset int
	w, h   int
}

func newDetail(lines []detailLine, w, h int) detail {
	d := detail{lines: lines, w: w, h: max(h, 1)}
	for i, l := range lines {
		lines[i].text = fit(l.text, w) // once here, so drawing needs no measuring
		if l.target != nil {
			d.sel = append(d.sel, i)
		}
	}
	return d
}

// selected returns the target under the cursor, or nil.
func (d detail) selected() *target {
	if len(d.sel) == 0 {
		return nil
	}
	return d.lines[d.sel[d.cursor]].target
}

// indexOf returns the index among the selectable lines of the one that opens what t opens,
// or def when none does.
func (d detail) indexOf(t *target, def int) int {
	if t == nil {
		return def
	}
	for i, l := range d.sel {
		if u := d.lines[l].target; u.kind == t.kind && u.article == t.article && u.entity == t.entity && u.key == t.key {
			return i
		}
	}
	return def
}

// move moves the cursor between selectable lines, scrolling plain text when there are none.
func (d *detail) move(delta int) {
	if len(d.sel) == 0 {
		d.offset = max(min(d.offset+delta, len(d.lines)-d.h), 0)
		return
	}
	d.cursor = max(min(d.cursor+delta, len(d.sel)-1), 0)
	line := d.sel[d.cursor]
	if line < d.offset {
		d.offset = line
	}
	if line >= d.offset+d.h {
		d.offset = line - d.h + 1
	}
	if d.cursor == 0 {
		d.offset = 0 // show the heading above the first item
	}
}

// view draws exactly d.h lines of d.w cells; the cursor line is marked when focused.
func (d detail) view(st *styles, focused bool) []string {
	out := make([]string, 0, d.h)
	cur := -1
	if focused && len(d.sel) > 0 {
		cur = d.sel[d.cursor]
	}
	for i := d.offset; i < len(d.lines) && len(out) < d.h; i++ {
		if i == cur {
			// A mark as well as the colour, so the cursor shows without colour too.
			text := ansi.Strip(d.lines[i].text)
			if strings.HasPrefix(text, "  ") {
				text = "▸ " + text[2:]
			}
			out = append(out, st.selected.Render(fit(text, d.w)))
			continue
		}
		out = append(out, d.lines[i].text)
	}
	for len(out) < d.h {
		out = append(out, strings.Repeat(" ", max(d.w, 0)))
	}
	return out
}

// detailBuilder accumulates the lines of a detail pane of a given width.
type detailBuilder struct {
	st    *styles
	w     int
	lines []detailLine
}

func (b *detailBuilder) add(text string, t *target) {
	b.lines = append(b.lines, detailLine{text: text, target: t})
}

// wrapped adds text word-wrapped to the pane's width, each line styled with style.
func (b *detailBuilder) wrapped(text string, style func(...string) string) {
	if text == "" {
		return
	}
	for _, l := range strings.Split(ansi.Wrap(text, max(b.w, 1), ""), "\n") {
		b.add(style(l), nil)
	}
}

func (b *detailBuilder) field(name, value string) {
	if value != "" {
		b.add(b.st.dim.Render(fmt.Sprintf("%-9s", name))+b.st.text.Render(value), nil)
	}
}

func (b *detailBuilder) heading(s string) {
	b.add("", nil)
	b.add(b.st.accent.Bold(true).Render(s), nil)
}

func (b *detailBuilder) entity(kind model.EntityKind, key, label, extra string, n int) {
	text := "  " + b.st.th.entity(kind).Render(label) + b.st.dim.Render(fmt.Sprintf(" ×%d", n))
	if extra != "" {
		text += b.st.dim.Render(" · " + extra)
	}
	b.add(text, &target{kind: kindOf(kind), entity: kind, key: key, title: label})
}

// article adds a line that opens a, which is list[i]: the pager steps through list.
func (b *detailBuilder) article(list []*model.Article, i int) {
	a := list[i]
	text := "  " + b.st.dim.Render(articleDate(a)) + " " + b.st.text.Render(clean(a.Title))
	b.add(text, &target{kind: search.Article, article: a, title: clean(a.Title), articles: list, idx: i})
}

// kindOf converts a model entity kind to a search kind.
func kindOf(k model.EntityKind) search.Kind {
	switch k {
	case model.KindPerson:
		return search.Person
	case model.KindCountry:
		return search.Country
	}
	return search.Org
}

// articleDetail lists an article's facts, its entities (selectable) and its lead. With read
// set, the first line opens the article (for the full-screen detail of narrow terminals).
func articleDetail(st *styles, a *model.Article, w int, read bool) []detailLine {
	b := &detailBuilder{st: st, w: w}
	if read {
		b.add(st.accent.Bold(true).Render("▶ Read the article"),
			&target{kind: search.Article, article: a, title: clean(a.Title), articles: []*model.Article{a}})
		b.add("", nil)
	}
	b.wrapped(clean(a.Title), st.text.Bold(true).Render)
	b.add("", nil)
	date := articleDate(a)
	if a.DateInferred {
		date += " (inferred)"
	}
	b.field("Date", date)
	b.field("Source", clean(a.Source))
	b.field("Place", clean(a.Place))
	if len(a.People) > 0 {
		b.heading("People")
		for _, r := range a.People {
			if r.Person != nil {
				b.entity(model.KindPerson, r.Key, clean(r.Name), clean(r.Role), r.Mentions)
			}
		}
	}
	if len(a.Countries) > 0 {
		b.heading("Countries")
		for _, r := range a.Countries {
			if r.Country != nil {
				b.entity(model.KindCountry, r.Code, clean(r.Name), "", r.Mentions)
			}
		}
	}
	if len(a.Orgs) > 0 {
		b.heading("Organisations")
		for _, r := range a.Orgs {
			if r.Organisation != nil {
				b.entity(model.KindOrg, r.Key, orgLabel(r.Organisation), "", r.Mentions)
			}
		}
	}
	if lead := clean(a.Lead()); lead != "" {
		b.add("", nil)
		b.wrapped(lead, st.text.Render)
	}
	return b.lines
}

// entityArticlesShown caps the articles an entity detail lists; a last line opens them all.
const entityArticlesShown = 30

// entityDetail shows an entity's names, role, article count, who and what appears with it most
// often and its newest articles. rel comes from the session's cache; nil while it is counted.
func entityDetail(st *styles, e entityInfo, rel *related, w int) []detailLine {
	b := &detailBuilder{st: st, w: w}
	b.wrapped(e.name, st.th.entity(e.kind).Bold(true).Render)
	if e.latin != "" && e.latin != e.name {
		b.wrapped(e.latin, st.dim.Render)
	}
	b.add("", nil)
	b.field("Role", e.role)
	b.field("Kind", e.kind.String())
	b.field("Articles", fmt.Sprint(len(e.articles)))
	if rel == nil {
		b.heading("Often with")
		b.add(st.dim.Render(fmt.Sprintf("  counting across %d articles…", len(e.articles))), nil)
		rel = &related{}
	}
	if len(rel.people) > 0 {
		b.heading("Often with")
		for _, c := range rel.people {
			b.entity(model.KindPerson, c.e.Key, clean(c.e.Name), "", c.n)
		}
	}
	if len(rel.countries) > 0 {
		b.heading("Countries")
		for _, c := range rel.countries {
			b.entity(model.KindCountry, c.e.Code, clean(c.e.Name), "", c.n)
		}
	}
	if len(rel.orgs) > 0 {
		b.heading("Organisations")
		for _, c := range rel.orgs {
			b.entity(model.KindOrg, c.e.Key, orgLabel(c.e), "", c.n)
		}
	}
	if len(e.articles) > 0 {
		b.heading("Articles, newest first")
		for i := range min(len(e.articles), entityArticlesShown) {
			b.article(e.articles, i)
		}
		if len(e.articles) > entityArticlesShown {
			b.add(st.accent.Render(fmt.Sprintf("  … all %d articles", len(e.articles))),
				&target{kind: e.searchKind(), entity: e.kind, key: e.key, title: e.name})
		}
	}
	return b.lines
}

// entityInfo is what a detail needs of a person, country or organisation.
type entityInfo struct {
	kind        model.EntityKind
	key         string
	name, latin string
	role        string
	articles    []*model.Article
}

func (e entityInfo) searchKind() search.Kind { return kindOf(e.kind) }

// lookupEntity finds an entity in the corpus; ok is false when it is not there.
func lookupEntity(c *model.Corpus, kind model.EntityKind, key string) (entityInfo, bool) {
	switch kind {
	case model.KindPerson:
		if p := c.Person(key); p != nil {
			return personInfo(p), true
		}
	case model.KindCountry:
		if k := c.Country(key); k != nil {
			return countryInfo(k), true
		}
	case model.KindOrg:
		if o := c.Org(key); o != nil {
			return orgInfo(o), true
		}
	}
	return entityInfo{}, false
}

func personInfo(p *model.Person) entityInfo {
	return entityInfo{model.KindPerson, p.Key, clean(p.Name), clean(p.Latin), clean(p.Role), p.Articles}
}

func countryInfo(c *model.Country) entityInfo {
	return entityInfo{model.KindCountry, c.Code, clean(c.Name), clean(c.NameEn), "", c.Articles}
}

func orgInfo(o *model.Organisation) entityInfo {
	return entityInfo{model.KindOrg, o.Key, orgLabel(o), clean(o.NameEn), "", o.Articles}
}

// refInfo returns the entity a list row points at; ok is false for articles.
func refInfo(p pool, r ref) (entityInfo, bool) {
	switch r.kind {
	case search.Person:
		return personInfo(p.people[r.i]), true
	case search.Country:
		return countryInfo(p.countries[r.i]), true
	case search.Org:
		return orgInfo(p.orgs[r.i]), true
	}
	return entityInfo{}, false
}
