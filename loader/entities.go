package loader

import (
	"unsafe"

	"github.com/dispatch-news/dispatch/model"
)

// The keeper is what extract.AnnotateIn makes an article's lists and entity values with
// (extract.Lists), and decoding from the cache too: the lists go into its blocks, and the
// entity values are shared. The finders name a person, country or organisation for every ref
// of every article, about 2 million at 100k articles, all held until model.NewCorpus keeps
// one per key; made one by one, the collector marked them again at every cycle of a load. A
// worker's articles now share one copy of each value: two refs share a copy only when every
// field is equal, so NewCorpus, which keeps the first copy of a key by date and reads its
// fields, and LinkCorpus, which copies the values it links to, give the same corpus.

// entities holds a worker's shared copies. People are many, and kept in a small table where
// a newer value takes an older one's slot; countries and organisations, few, in maps.
type entities struct {
	people    [peopleSlots]personSlot
	countries map[string]*model.Country      // by code
	orgs      map[string]*model.Organisation // by key
}

// peopleSlots is the size of the table of people.
const (
	peopleBits  = 10
	peopleSlots = 1 << peopleBits
)

type personSlot struct {
	key, name, latin, role string
	person                 *model.Person
}

// Mentions returns room for n mentions, zeroed, with no capacity beyond them (nil for none).
func (k *keeper) Mentions(n int) []model.Mention { return k.mentions.room(n, mentionBlock) }

// PersonRefs, CountryRefs and OrgRefs return room for n refs, zeroed, with no capacity beyond.
func (k *keeper) PersonRefs(n int) []model.PersonRef   { return k.people.room(n, refBlock) }
func (k *keeper) CountryRefs(n int) []model.CountryRef { return k.countries.room(n, refBlock) }
func (k *keeper) OrgRefs(n int) []model.OrgRef         { return k.orgs.room(n, refBlock) }

// Person returns the worker's copy of p, made now if the table holds none. The finders give a
// person's fields the same strings from article to article (their memos), so the slot is chosen
// by where the strings are, which reads none of their bytes; the fields are then compared,
// which for the same strings is quick.
func (k *keeper) Person(p model.Person) *model.Person {
	h := uint64(uintptr(unsafe.Pointer(unsafe.StringData(p.Name))))*0x9E3779B97F4A7C15 ^
		uint64(uintptr(unsafe.Pointer(unsafe.StringData(p.Role))))*0xC2B2AE3D27D4EB4F
	slot := &k.entities.people[h>>(64-peopleBits)]
	if slot.person != nil && slot.name == p.Name && slot.role == p.Role && slot.key == p.Key && slot.latin == p.Latin {
		return slot.person
	}
	kept := new(model.Person)
	*kept = p
	*slot = personSlot{p.Key, p.Name, p.Latin, p.Role, kept}
	return kept
}

// Country returns the worker's copy of c: the one of its code, when its names are the same.
func (k *keeper) Country(c model.Country) *model.Country {
	return sharedCopy(&k.entities.countries, c.Code, c, func(kept *model.Country) bool {
		return kept.Name == c.Name && kept.NameEn == c.NameEn
	})
}

// Organisation returns the worker's copy of o: the one of its key, when its names are the same.
func (k *keeper) Organisation(o model.Organisation) *model.Organisation {
	return sharedCopy(&k.entities.orgs, o.Key, o, func(kept *model.Organisation) bool {
		return kept.Abbr == o.Abbr && kept.Name == o.Name && kept.NameEn == o.NameEn
	})
}

// sharedCopy returns the copy of v kept in copies under key when same says it equals v; else a
// copy of its own, which copies keeps when key had none. Another value of a key is not shared.
func sharedCopy[V any](copies *map[string]*V, key string, v V, same func(kept *V) bool) *V {
	kept, ok := (*copies)[key]
	if ok && same(kept) {
		return kept
	}
	fresh := new(V)
	*fresh = v
	if !ok {
		if *copies == nil {
			*copies = map[string]*V{}
		}
		(*copies)[key] = fresh
	}
	return fresh
}
