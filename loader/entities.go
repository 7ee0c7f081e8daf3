package loader

import "github.com/dispatch-news/dispatch/model"

// The keeper is what extract.AnnotateIn makes an article's lists and entity values with
// (extract.Lists), and decoding from the cache too: the lists go into its blocks, and the
// entity values are shared. The finders name a person, country or organisation for every ref
// of every article, about 1.6 million at 100k articles, all held until model.NewCorpus keeps
// one per key; made one by one, the collector marked them again at every cycle of a load. A
// worker's articles now share one copy of each value: two refs share a copy only when every
// field is equal, so NewCorpus, which keeps the first copy of a key by date and reads its
// fields, and LinkCorpus, which copies the values it links to, give the same corpus.

type personValue struct{ key, name, latin, role string }

type countryValue struct{ code, name, nameEn string }

type orgValue struct{ key, abbr, name, nameEn string }

// entities holds a worker's shared copies.
type entities struct {
	people    map[personValue]*model.Person
	countries map[countryValue]*model.Country
	orgs      map[orgValue]*model.Organisation
}

// Mentions returns room for n mentions (see newMentions).
func (k *keeper) Mentions(n int) []model.Mention { return k.newMentions(n) }

// PersonRefs, CountryRefs and OrgRefs return room for n refs, zeroed, with no capacity beyond.
func (k *keeper) PersonRefs(n int) []model.PersonRef   { return k.people.room(n, refBlock) }
func (k *keeper) CountryRefs(n int) []model.CountryRef { return k.countries.room(n, refBlock) }
func (k *keeper) OrgRefs(n int) []model.OrgRef         { return k.orgs.room(n, refBlock) }

// Person, Country and Organisation return the worker's copy of the value.
func (k *keeper) Person(p model.Person) *model.Person {
	return shared(&k.entities.people, personValue{p.Key, p.Name, p.Latin, p.Role}, p)
}

func (k *keeper) Country(c model.Country) *model.Country {
	return shared(&k.entities.countries, countryValue{c.Code, c.Name, c.NameEn}, c)
}

func (k *keeper) Organisation(o model.Organisation) *model.Organisation {
	return shared(&k.entities.orgs, orgValue{o.Key, o.Abbr, o.Name, o.NameEn}, o)
}

// shared returns the copy of e, whose value is v, in copies, making one if there is none.
func shared[V comparable, E any](copies *map[V]*E, v V, e E) *E {
	if kept, ok := (*copies)[v]; ok {
		return kept
	}
	if *copies == nil {
		*copies = map[V]*E{}
	}
	kept := new(E) // not &e, which would move every e to the heap, found or not
	*kept = e
	(*copies)[v] = kept
	return kept
}
