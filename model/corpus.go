package model

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// Corpus is every loaded article with its indexes: articles by date, entity → articles and
// article → entities. It is read-only once built, so it is safe to share between goroutines.
type Corpus struct {
	Articles  []*Article // newest first; undated articles last, by ID
	People    []*Person  // most articles first
	Countries []*Country // most articles first
	Orgs      []*Organisation
	Skipped   []Skip

	byID      map[string]*Article
	people    map[string]*Person
	countries map[string]*Country
	orgs      map[string]*Organisation
}

// NewCorpus indexes articles. Articles may carry their own copies of entities (as the loader
// makes them, one per article): entities with the same key are merged into one shared value,
// and every ref is pointed at it.
func NewCorpus(articles []*Article, skipped []Skip) *Corpus {
	c := &Corpus{Articles: newestFirst(articles), Skipped: skipped}
	// Each index reads the articles and writes only its own refs: they are built side by side.
	var wg sync.WaitGroup
	wg.Go(func() {
		c.byID = make(map[string]*Article, len(c.Articles))
		for _, a := range c.Articles {
			c.byID[a.ID] = a
		}
	})
	wg.Go(c.indexPeople)
	wg.Go(func() {
		c.countries = map[string]*Country{}
		for _, a := range c.Articles {
			for i, r := range a.Countries {
				k := intern(c.countries, r.Code, r.Country, &c.Countries)
				k.Articles = append(k.Articles, a)
				a.Countries[i].Country = k
			}
		}
		slices.SortStableFunc(c.Countries, func(a, b *Country) int {
			return cmp.Or(len(b.Articles)-len(a.Articles), strings.Compare(a.Name, b.Name))
		})
	})
	wg.Go(func() {
		c.orgs = map[string]*Organisation{}
		for _, a := range c.Articles {
			for i, r := range a.Orgs {
				o := intern(c.orgs, r.Key, r.Organisation, &c.Orgs)
				o.Articles = append(o.Articles, a)
				a.Orgs[i].Organisation = o
			}
		}
		slices.SortStableFunc(c.Orgs, func(a, b *Organisation) int {
			return cmp.Or(len(b.Articles)-len(a.Articles), strings.Compare(a.Key, b.Key))
		})
	})
	wg.Wait()
	return c
}

// indexPeople merges the people of c's articles and gives those with no role of their own
// the role the articles state most often.
func (c *Corpus) indexPeople() {
	c.people = map[string]*Person{}
	roles := map[*Person]map[string]int{}
	for _, a := range c.Articles {
		for i, r := range a.People {
			p := intern(c.people, r.Key, r.Person, &c.People)
			p.Articles = append(p.Articles, a)
			a.People[i].Person = p
			if r.Role != "" && p.Role == "" { // a role of its own makes the count moot
				if roles[p] == nil {
					roles[p] = map[string]int{}
				}
				roles[p][r.Role]++
			}
		}
	}
	for _, p := range c.People {
		if p.Role == "" {
			p.Role = mostCommon(roles[p])
		}
	}
	slices.SortStableFunc(c.People, func(a, b *Person) int {
		return cmp.Or(len(b.Articles)-len(a.Articles), strings.Compare(a.Name, b.Name))
	})
}

// newestFirst returns articles sorted by NewestFirst, stably. Each date is read once, before
// sorting: comparing time.Time values in every comparison made most of the sort's cost.
func newestFirst(articles []*Article) []*Article {
	type keyed struct {
		sec  int64 // seconds since 1970, math.MinInt64 when undated (last)
		nsec int32
		at   int32 // the article's place in articles, for stability
		a    *Article
	}
	keys := make([]keyed, len(articles))
	for i, a := range articles {
		keys[i] = keyed{math.MinInt64, 0, int32(i), a}
		if !a.Date.IsZero() {
			keys[i].sec, keys[i].nsec = a.Date.Unix(), int32(a.Date.Nanosecond())
		}
	}
	slices.SortFunc(keys, func(x, y keyed) int {
		// Dates first, on their own: cmp.Or would compare the IDs too, every time, and
		// reading them from the articles took most of the sort's time.
		if x.sec != y.sec || x.nsec != y.nsec {
			return cmp.Or(cmp.Compare(y.sec, x.sec), cmp.Compare(y.nsec, x.nsec))
		}
		return cmp.Or(strings.Compare(x.a.ID, y.a.ID), cmp.Compare(x.at, y.at))
	})
	sorted := make([]*Article, len(keys))
	for i, k := range keys {
		sorted[i] = k.a
	}
	return sorted
}

// intern returns the shared entity for key, registering e (with no articles yet) when it is new.
func intern[E any](index map[string]*E, key string, e *E, list *[]*E) *E {
	if shared, ok := index[key]; ok {
		return shared
	}
	index[key] = e
	*list = append(*list, e)
	return e
}

func mostCommon(counts map[string]int) string {
	best, n := "", 0
	for s, c := range counts {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

// NewestFirst orders articles by date, newest first; undated articles go last, by ID.
func NewestFirst(a, b *Article) int {
	switch {
	case a.Date.IsZero() && !b.Date.IsZero():
		return 1
	case !a.Date.IsZero() && b.Date.IsZero():
		return -1
	}
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.ID, b.ID))
}

// Article returns the article with the given ID, or nil.
func (c *Corpus) Article(id string) *Article { return c.byID[id] }

// Person returns the person with the given key, or nil.
func (c *Corpus) Person(key string) *Person { return c.people[key] }

// Country returns the country with the given ISO code, or nil.
func (c *Corpus) Country(code string) *Country { return c.countries[code] }

// Org returns the organisation with the given key, or nil.
func (c *Corpus) Org(key string) *Organisation { return c.orgs[key] }
