package search

import (
	"context"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/dispatch-news/dispatch/model"
)

// Index holds the search keys of a corpus. Build it once, off the UI goroutine; it is safe for
// concurrent searches.
type Index struct {
	c *model.Corpus

	titles keyTable // per article: the title
	// Entities are numbered people first, then countries, then organisations.
	entities          keyTable
	nPeople, nCountry int
	sources           keyTable // distinct sources
	sourceNames       []string

	// Per article, without pointers: its entities, its source and its date.
	ents        []uint32
	entsEnd     []uint32
	source      []uint16
	day         []int32       // days since 1970-01-01; noDay when undated
	chunkTitles []chunkTitles // per chunk of articles: its titles summed up (chunks.go)

	words     *wordIndex    // set once wordsDone is closed
	wordsDone chan struct{} // closed when the body word index is built
}

const noDay = math.MinInt32

// New builds the index of c on every core. It returns once titles, entities and sources are
// indexed; the word index of article bodies, which takes longer, goes on building in the
// background (see Ready); a search that needs it waits for it, or with Options.NoWaitForText
// matches titles and names only and says so.
func New(c *model.Corpus) *Index {
	ix := &Index{c: c, wordsDone: make(chan struct{})}
	ix.buildEntities()
	ix.buildArticles()
	go func() {
		ix.words = buildWords(c.Articles)
		close(ix.wordsDone)
	}()
	return ix
}

// textReady reports whether the index of article bodies is built.
func (ix *Index) textReady() bool {
	select {
	case <-ix.wordsDone:
		return true
	default:
		return false
	}
}

// Ready waits until the index of article bodies is built, or ctx is done.
func (ix *Index) Ready(ctx context.Context) error {
	select {
	case <-ix.wordsDone:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Corpus returns the corpus the index was built on.
func (ix *Index) Corpus() *model.Corpus { return ix.c }

func (ix *Index) buildEntities() {
	c := ix.c
	for _, p := range c.People {
		lat := []string{p.Name}
		if p.Latin != "" {
			lat = append(lat, p.Latin)
		}
		ix.entities.add([]string{p.Name, p.Role}, append(lat, p.Role))
	}
	for _, k := range c.Countries {
		ix.entities.add([]string{k.Name, k.Code}, []string{k.NameEn, k.Code, k.Name})
	}
	for _, o := range c.Orgs {
		ix.entities.add([]string{o.Abbr, o.Name, o.NameEn}, []string{o.NameEn, o.Abbr, o.Name})
	}
	ix.nPeople, ix.nCountry = len(c.People), len(c.Countries)
}

// entityField is the field an entity number stands for.
func (ix *Index) entityField(e uint32) Field {
	switch {
	case int(e) < ix.nPeople:
		return FieldPerson
	case int(e) < ix.nPeople+ix.nCountry:
		return FieldCountry
	}
	return FieldOrg
}

func (ix *Index) buildArticles() {
	c := ix.c
	n := len(c.Articles)
	// Entity numbers and source numbers, assigned once.
	num := make(map[any]uint32, ix.entities.len())
	for i, p := range c.People {
		num[p] = uint32(i)
	}
	for i, k := range c.Countries {
		num[k] = uint32(ix.nPeople + i)
	}
	for i, o := range c.Orgs {
		num[o] = uint32(ix.nPeople + ix.nCountry + i)
	}
	sourceNum := map[string]uint16{}
	ix.source = make([]uint16, n)
	ix.day = make([]int32, n)
	ix.entsEnd = make([]uint32, n)
	for i, a := range c.Articles {
		s, ok := sourceNum[a.Source]
		if !ok && len(ix.sourceNames) < math.MaxUint16 {
			s = uint16(len(ix.sourceNames))
			sourceNum[a.Source] = s
			ix.sourceNames = append(ix.sourceNames, a.Source)
			ix.sources.add([]string{a.Source}, []string{a.Source})
		}
		ix.source[i] = s
		ix.day[i] = noDay
		if !a.Date.IsZero() {
			ix.day[i] = int32(a.Date.Unix() / 86400)
		}
		add := func(e any) {
			if n, ok := num[e]; ok { // a ref to an entity the corpus does not list is ignored
				ix.ents = append(ix.ents, n)
			}
		}
		for _, r := range a.People {
			add(r.Person)
		}
		for _, r := range a.Countries {
			add(r.Country)
		}
		for _, r := range a.Orgs {
			add(r.Organisation)
		}
		ix.entsEnd[i] = uint32(len(ix.ents))
	}

	// Title keys, chunk by chunk on every core, then joined in order.
	parts := make([]keyTable, (n+chunk-1)/chunk)
	ix.chunkTitles = make([]chunkTitles, len(parts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				p := int(next.Add(1) - 1)
				if p >= len(parts) {
					return
				}
				t, sum := &parts[p], &ix.chunkTitles[p]
				for k, a := range c.Articles[p*chunk : min((p+1)*chunk, n)] {
					t.add([]string{a.Title}, []string{a.Title})
					sum.add(t.cyrKey(k))
					sum.add(t.latKey(k))
				}
			}
		})
	}
	wg.Wait()
	var size, lsize int
	for i := range parts {
		size += len(parts[i].cyr)
		lsize += len(parts[i].lat)
	}
	ix.titles = keyTable{cyr: make([]byte, 0, size), lat: make([]byte, 0, lsize),
		cyrEnd: make([]uint32, 0, n), latEnd: make([]uint32, 0, n), mask: make([]uint64, 0, n)}
	for i := range parts {
		ix.titles.appendTable(&parts[i])
	}
}

// articleEntities returns the entity numbers of article i.
func (ix *Index) articleEntities(i int) []uint32 {
	start := uint32(0)
	if i > 0 {
		start = ix.entsEnd[i-1]
	}
	return ix.ents[start:ix.entsEnd[i]]
}
