package ui

import (
	"cmp"
	"slices"

	"github.com/dispatch-news/dispatch/model"
)

// related is who and what appears alongside an entity, most often first.
type related struct {
	people    []count[*model.Person]
	countries []count[*model.Country]
	orgs      []count[*model.Organisation]
}

// count is an entity with the number of articles it shares with another.
type count[E any] struct {
	e E
	n int
}

// relatedTop is how many co-occurring entities of each kind a detail shows.
const relatedTop = 6

// coOccurring counts the entities of the given articles, leaving out the entity itself (skip is
// its key). It costs O(entities of those articles): call it once per entity and cache it.
func coOccurring(articles []*model.Article, skip string) *related {
	people := map[*model.Person]int{}
	countries := map[*model.Country]int{}
	orgs := map[*model.Organisation]int{}
	for _, a := range articles {
		for _, r := range a.People {
			if r.Person != nil && r.Key != skip {
				people[r.Person]++
			}
		}
		for _, r := range a.Countries {
			if r.Country != nil && r.Code != skip {
				countries[r.Country]++
			}
		}
		for _, r := range a.Orgs {
			if r.Organisation != nil && r.Key != skip {
				orgs[r.Organisation]++
			}
		}
	}
	return &related{
		people:    top(people, func(p *model.Person) string { return p.Name }),
		countries: top(countries, func(c *model.Country) string { return c.Name }),
		orgs:      top(orgs, func(o *model.Organisation) string { return o.Key }),
	}
}

func top[E comparable](counts map[E]int, name func(E) string) []count[E] {
	out := make([]count[E], 0, len(counts))
	for e, n := range counts {
		out = append(out, count[E]{e, n})
	}
	slices.SortFunc(out, func(a, b count[E]) int {
		return cmp.Or(b.n-a.n, cmp.Compare(name(a.e), name(b.e)))
	})
	return out[:min(len(out), relatedTop)]
}

// relatedCache remembers co-occurrence per entity, so moving the cursor back to an entity
// costs nothing. It is shared by every screen of a session.
type relatedCache map[string]*related

func (rc relatedCache) get(kind model.EntityKind, key string, articles []*model.Article) *related {
	id := kind.String() + ":" + key
	if r, ok := rc[id]; ok {
		return r
	}
	r := coOccurring(articles, key)
	rc[id] = r
	return r
}
