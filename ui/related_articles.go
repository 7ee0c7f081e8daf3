package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/search"
)

// relatedArticle is an article that shares entities with another, by kind.
type relatedArticle struct {
	a                       *model.Article
	people, countries, orgs int
}

func (r relatedArticle) shared() int { return r.people + r.countries + r.orgs }

// relatedArticlesTop is how many related articles an article's detail lists.
const relatedArticlesTop = 6

// relatedEntityMax caps the work: an entity in more articles than this (a country of a big
// corpus) says little about relatedness and would cost too much inside Update, so it is not
// counted. Scoring an article then costs at most its entities × this many steps.
const relatedEntityMax = 5000

// relatedArticles returns the articles sharing the most people, countries and organisations
// with a, most shared first, then newest. It costs O(sum of a's entities' article counts).
func relatedArticles(a *model.Article) []relatedArticle {
	scores := map[*model.Article]*relatedArticle{}
	add := func(articles []*model.Article, kind model.EntityKind) {
		if len(articles) > relatedEntityMax {
			return
		}
		for _, o := range articles {
			if o == a {
				continue
			}
			r := scores[o]
			if r == nil {
				r = &relatedArticle{a: o}
				scores[o] = r
			}
			switch kind {
			case model.KindPerson:
				r.people++
			case model.KindCountry:
				r.countries++
			default:
				r.orgs++
			}
		}
	}
	for _, p := range a.People {
		if p.Person != nil {
			add(p.Person.Articles, model.KindPerson)
		}
	}
	for _, c := range a.Countries {
		if c.Country != nil {
			add(c.Country.Articles, model.KindCountry)
		}
	}
	for _, o := range a.Orgs {
		if o.Organisation != nil {
			add(o.Organisation.Articles, model.KindOrg)
		}
	}
	out := make([]relatedArticle, 0, len(scores))
	for _, r := range scores {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(x, y relatedArticle) int {
		return cmp.Or(y.shared()-x.shared(), model.NewestFirst(x.a, y.a), cmp.Compare(x.a.ID, y.a.ID))
	})
	return out[:min(len(out), relatedArticlesTop)]
}

// relatedTo returns a's related articles, from the session's cache when it has them.
func (s *session) relatedTo(a *model.Article) []relatedArticle {
	if r, ok := s.relArts[a]; ok {
		return r
	}
	if s.relArts == nil {
		s.relArts = map[*model.Article][]relatedArticle{}
	}
	r := relatedArticles(a)
	s.relArts[a] = r
	return r
}

// relatedLines is the "Related" section of an article's detail: each title opens its article,
// and the pager steps through the section's articles.
func relatedLines(st *styles, rel []relatedArticle, w int) []detailLine {
	if len(rel) == 0 {
		return nil
	}
	b := &detailBuilder{st: st, w: w}
	b.heading("Related")
	list := make([]*model.Article, len(rel))
	for i, r := range rel {
		list[i] = r.a
	}
	for i, r := range rel {
		// The title and, under it, what it shares: a pane is too narrow for both on one line.
		text := "  " + st.dim.Render(articleDate(r.a)) + " " + st.text.Render(clean(r.a.Title))
		b.add(text, &target{kind: search.Article, article: r.a, title: clean(r.a.Title), articles: list, idx: i})
		b.add(st.dim.Render("    "+sharedText(r)), nil)
	}
	return b.lines
}

// sharedText says what two articles share: "2 people · 1 country".
func sharedText(r relatedArticle) string {
	var parts []string
	plural := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	plural(r.people, "person", "people")
	plural(r.countries, "country", "countries")
	plural(r.orgs, "organisation", "organisations")
	return strings.Join(parts, " · ")
}
