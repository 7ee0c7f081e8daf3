// Package extract finds the people, countries and organisations an article mentions and
// normalises each to one canonical entry (Russian inflects names: "Ермеком Кошербаевым" is
// "Ермек Кошербаев"). It works on model values and uses the language rules in model/ru.
package extract

import (
	"cmp"
	"slices"
	"sync"

	"github.com/dispatch-news/dispatch/model"
)

// Annotate finds the entities in a's title and blocks and fills a.People, a.Countries, a.Orgs
// and a.Mentions. Each ref points at a fresh entity value owned by a; model.NewCorpus merges
// them across articles by key. A person named by surname alone in the whole article is kept
// with the surname as the name, for LinkCorpus to resolve.
func Annotate(a *model.Article) { AnnotateIn(a, ownLists{}) }

// Lists makes what AnnotateIn gives an article: its lists of refs and mentions, and the
// entity values its refs point at. The loader packs the lists of many articles into shared
// blocks, and gives equal entity values one copy.
type Lists interface {
	Mentions(n int) []model.Mention // n zeroed mentions, with no room beyond them
	PersonRefs(n int) []model.PersonRef
	CountryRefs(n int) []model.CountryRef
	OrgRefs(n int) []model.OrgRef
	// Person, Country and Organisation return a copy of their value, which nothing may write
	// to before model.NewCorpus merges it.
	Person(model.Person) *model.Person
	Country(model.Country) *model.Country
	Organisation(model.Organisation) *model.Organisation
}

// ownLists makes each list and value on its own.
type ownLists struct{}

func (ownLists) Mentions(n int) []model.Mention                        { return make([]model.Mention, n) }
func (ownLists) PersonRefs(n int) []model.PersonRef                    { return make([]model.PersonRef, n) }
func (ownLists) CountryRefs(n int) []model.CountryRef                  { return make([]model.CountryRef, n) }
func (ownLists) OrgRefs(n int) []model.OrgRef                          { return make([]model.OrgRef, n) }
func (ownLists) Person(p model.Person) *model.Person                   { return &p }
func (ownLists) Country(c model.Country) *model.Country                { return &c }
func (ownLists) Organisation(o model.Organisation) *model.Organisation { return &o }

// AnnotateIn is Annotate with the lists and values made by lists.
func AnnotateIn(a *model.Article, lists Lists) {
	sc := scratches.Get().(*scratch)
	defer sc.release()
	texts := append(sc.texts[:0], a.Title)
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	mentions := sc.mentions[:0]
	a.People, mentions = findPeople(texts, mentions, lists)
	pointAtPeople(a.People, mentions)
	a.Countries, a.Orgs, mentions = findPlaces(texts, mentions, lists)
	a.Mentions = inTextOrder(mentions, lists)
	sc.texts, sc.mentions = texts, mentions
}

// scratch is what Annotate reuses from article to article: the article's texts and the
// mentions the finders collect, which inTextOrder copies out.
type scratch struct {
	texts    []string
	mentions []mention
}

// scratches keeps scratches, whose buffers grow to the largest article seen.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release drops the scratch's references to the article (its texts, the keys of its
// mentions) and puts it back in the pool, unless a huge article grew it past what is worth
// keeping.
func (sc *scratch) release() {
	if cap(sc.texts) > 1<<12 || cap(sc.mentions) > 1<<12 {
		return
	}
	clear(sc.texts)
	clear(sc.mentions)
	scratches.Put(sc)
}

// mention is a mention while extraction collects them, named by its entity's key.
type mention struct {
	Kind model.EntityKind
	Key  string
	// Ref indexes the article's refs of Kind (-1: none). The place finders, which number the
	// countries and organisations they find, set it; Annotate sets it for people from Key.
	Ref int
	span
}

// span is a model.Span while extraction works in ints.
type span struct{ Block, Start, End int }

// place orders spans by block and start. Offsets fit in 32 bits (see model.Span).
func (s span) place() int64 { return int64(s.Block)<<32 | int64(s.Start) }

// pointAtPeople sets the Ref of the mentions of people to the index in people of the ref with
// their key (the last, should two have one key), or -1. An article names few people, so they
// are searched, and indexed in a map only when there are many.
func pointAtPeople(people []model.PersonRef, mentions []mention) {
	find := func(key string) int {
		for i := len(people) - 1; i >= 0; i-- {
			if people[i].Key == key {
				return i
			}
		}
		return -1
	}
	if len(people) > searchedPeople {
		byKey := make(map[string]int, len(people))
		for i, p := range people {
			byKey[p.Key] = i
		}
		find = func(key string) int {
			if i, ok := byKey[key]; ok {
				return i
			}
			return -1
		}
	}
	for k, m := range mentions {
		if m.Kind == model.KindPerson {
			mentions[k].Ref = find(m.Key)
		}
	}
}

// searchedPeople is the most people pointAtPeople searches without a map.
const searchedPeople = 32

// inTextOrder returns mentions as model.Mentions ordered by block and start. A mention of no
// ref, or beyond model.MaxRefs of its kind, is dropped.
func inTextOrder(mentions []mention, lists Lists) []model.Mention {
	if len(mentions) == 0 {
		return nil
	}
	out := lists.Mentions(len(mentions))[:0]
	out, ok := mergeRuns(out, mentions)
	if !ok {
		slices.SortFunc(mentions, compareSpans)
		out = out[:0]
		for _, m := range mentions {
			out = appendMention(out, m)
		}
	}
	return out
}

// appendMention appends m to out as a model.Mention, unless it points at no ref or beyond
// model.MaxRefs.
func appendMention(out []model.Mention, m mention) []model.Mention {
	if m.Ref < 0 || m.Ref >= model.MaxRefs {
		return out
	}
	return append(out, model.Mention{Kind: m.Kind, Ref: uint16(m.Ref),
		Span: model.Span{Block: int32(m.Block), Start: int32(m.Start), End: int32(m.End)}})
}

// compareSpans orders mentions by block and start.
func compareSpans(x, y mention) int { return cmp.Compare(x.place(), y.place()) }

// maxRuns bounds the sorted runs mergeRuns merges.
const maxRuns = 8

// mergeRuns appends mentions to out in order of block and start (see appendMention). Each
// finder appends its mentions in text order, so mentions is a few sorted runs, which it merges:
// cheaper than a sort. It stops and returns false when two runs hold mentions at one place,
// whose order it leaves to slices.SortFunc (which has always decided such ties), or when there
// are more than maxRuns runs.
func mergeRuns(out []model.Mention, mentions []mention) ([]model.Mention, bool) {
	var heads [maxRuns][]mention
	runs := heads[:0]
	for rest := mentions; len(rest) > 0; {
		if len(runs) == maxRuns {
			return out, false
		}
		n := 1
		for n < len(rest) && rest[n-1].place() < rest[n].place() {
			n++
		}
		runs = append(runs, rest[:n])
		rest = rest[n:]
	}
	for len(runs) > 0 {
		first, at := 0, runs[0][0].place()
		for r := 1; r < len(runs); r++ {
			switch p := runs[r][0].place(); {
			case p == at:
				return out, false
			case p < at:
				first, at = r, p
			}
		}
		out = appendMention(out, runs[first][0])
		if runs[first] = runs[first][1:]; len(runs[first]) == 0 {
			runs = slices.Delete(runs, first, first+1)
		}
	}
	return out, true
}

// blockOf converts an index into the texts slice Annotate builds to a model.Span block.
func blockOf(i int) int { return i - 1 }
