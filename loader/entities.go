package loader

import "github.com/dispatch-news/dispatch/model"

// The finders make a fresh entity value for every ref of every article (extract.Annotate),
// and so does decoding an article from the cache: 100k articles made about 1.6 million, one
// for each person, country and organisation each article names, all held until
// model.NewCorpus keeps one per key. The collector marked them all again at every cycle of a
// load. A worker's keeper now makes its articles share one copy of each value: two refs get
// the same copy only when every field is equal, so NewCorpus, which keeps the first copy of a
// key by date and reads its fields, and LinkCorpus, which copies the values it links to, give
// the same corpus as before. Nothing writes to a copy until NewCorpus keeps it.

type personValue struct{ key, name, latin, role string }

type countryValue struct{ code, name, nameEn string }

type orgValue struct{ key, abbr, name, nameEn string }

// entities holds a worker's shared copies.
type entities struct {
	people    map[personValue]*model.Person
	countries map[countryValue]*model.Country
	orgs      map[orgValue]*model.Organisation
}

// shareEntities points the refs of a at the keeper's copies of their entities.
func (k *keeper) shareEntities(a *model.Article) {
	if k == nil {
		return
	}
	e := &k.entities
	if e.people == nil {
		e.people = map[personValue]*model.Person{}
		e.countries = map[countryValue]*model.Country{}
		e.orgs = map[orgValue]*model.Organisation{}
	}
	for i := range a.People {
		if p := a.People[i].Person; p != nil && p.Articles == nil {
			a.People[i].Person = shared(e.people, personValue{p.Key, p.Name, p.Latin, p.Role}, p)
		}
	}
	for i := range a.Countries {
		if c := a.Countries[i].Country; c != nil && c.Articles == nil {
			a.Countries[i].Country = shared(e.countries, countryValue{c.Code, c.Name, c.NameEn}, c)
		}
	}
	for i := range a.Orgs {
		if o := a.Orgs[i].Organisation; o != nil && o.Articles == nil {
			a.Orgs[i].Organisation = shared(e.orgs, orgValue{o.Key, o.Abbr, o.Name, o.NameEn}, o)
		}
	}
}

// shared returns the copy of the value v in copies, making e that copy if there is none.
func shared[V comparable, E any](copies map[V]*E, v V, e *E) *E {
	if kept, ok := copies[v]; ok {
		return kept
	}
	copies[v] = e
	return e
}
