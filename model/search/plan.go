package search

import (
	"context"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/kljensen/snowball/russian"
)

// word is a plain query word prepared for matching, with what it matched among the corpus's
// entities and sources.
type word struct {
	cyr  []byte // key form: lower case, ё as е
	lat  []byte // loose Latin form (ru.LatinKey)
	stem []byte // Russian stem when shorter than cyr, to match other case forms
	// The forms to find; the stem also after a space (at word starts).
	cyrP, latP, stemP, stemSp pattern
	latin                     bool // no Cyrillic in the word: match Latin keys
	// mask holds the letters every match needs (of the stem when there is one); cyrMask
	// those of the whole word.
	mask, cyrMask uint64
	first         uint64 // the letterMask bit of the first letter
	letter        uint64 // the letterMask bit of the word when it is one letter а..я, else 0

	ent    []uint8 // best tier per entity number
	anyEnt bool
	src    []uint8 // best tier per source
	body   bitset  // articles whose bodies hold the word; nil when none
}

func newWord(w string) *word {
	wd := &word{cyr: []byte(w), latin: true}
	for _, r := range w {
		if r >= 0x400 && r <= 0x52F {
			wd.latin = false
			break
		}
	}
	if wd.latin {
		// A trailing y may be the start of ya/ye/yu, which the Latin key drops: while the
		// word is being typed, leave it out.
		typed := w
		if len(typed) > 1 && typed[len(typed)-1] == 'y' {
			typed = typed[:len(typed)-1]
		}
		wd.lat = appendLatinKey(nil, typed)
		wd.latP = newPattern(wd.lat)
		wd.mask = letterMask(wd.lat)
		wd.first = firstLetterBit(wd.lat)
		return wd
	}
	wd.first = firstLetterBit(wd.cyr)
	if r, n := utf8.DecodeRune(wd.cyr); n == len(wd.cyr) && 'а' <= r && r <= 'я' {
		wd.letter = wd.first
	}
	wd.cyrP = newPattern(wd.cyr)
	wd.cyrMask = letterMask(wd.cyr)
	wd.mask = wd.cyrMask
	if utf8.RuneCountInString(w) >= 4 {
		if s := russian.Stem(w, true); len(s) < len(w) && utf8.RuneCountInString(s) >= minPrefix {
			wd.stem = []byte(s)
			wd.stemP, wd.stemSp = newPattern(wd.stem), newPattern(append([]byte{' '}, wd.stem...))
			wd.mask = letterMask(wd.stem)
		}
	}
	return wd
}

// bodyForm is the form looked up in the body word index, and whether it must be a whole word.
func (w *word) bodyForm() (string, bool) {
	form := w.cyr
	if w.stem != nil {
		form = w.stem
	}
	return string(form), utf8.RuneCount(form) < minPrefix
}

// plan is a query prepared against one index.
type plan struct {
	ix    *Index
	empty bool
	words []*word
	// Entity qualifiers: for each, the entity numbers it allows (indexed by number).
	quals    [][]bool
	qualKind []Kind
	srcOK    []bool // nil: any source
	// Date bounds in days since 1970, when set.
	dated        bool
	since, until int32
	// titleLetters are the letters every matching title needs: those of the words that match
	// no entity, no source and no article text, so only a title can match them.
	titleLetters uint64
	titleOnly    [][]pairFilter // the pair filters of those words, to skip chunks (chunks.go)

	matched []uint32 // after a scan: the matching articles, ascending
}

func (ix *Index) plan(ctx context.Context, q Query, opt Options, res *Results) (*plan, error) {
	scope := opt.Scope
	p := &plan{ix: ix, empty: q.Empty()}
	seen := map[string]bool{}
	for _, w := range q.Words {
		if seen[w] {
			continue
		}
		seen[w] = true
		wd := newWord(w)
		wd.ent = make([]uint8, ix.entities.len())
		for e := range wd.ent {
			if t := ix.entities.match(e, wd); t > tierNone {
				wd.ent[e], wd.anyEnt = t, true
			}
		}
		wd.src = make([]uint8, ix.sources.len())
		for s := range wd.src {
			wd.src[s] = ix.sources.match(s, wd)
		}
		if scope == All || scope == Articles {
			if !ix.textReady() && !opt.NoWaitForText {
				if err := ix.Ready(ctx); err != nil {
					return nil, err
				}
			}
			if !ix.textReady() {
				res.TextPending = true
			} else {
				form, exact := wd.bodyForm()
				wd.body = ix.words.lookup(form, exact, len(ix.c.Articles))
			}
		}
		if !wd.anyEnt && wd.body == nil && !slices.ContainsFunc(wd.src, func(t uint8) bool { return t > tierNone }) {
			p.titleLetters |= wd.mask
			p.titleOnly = append(p.titleOnly, wd.titleFilters())
		}
		p.words = append(p.words, wd)
	}

	for _, qual := range []struct {
		name   string
		kind   Kind
		lo, hi int
	}{
		{QualPerson, Person, 0, ix.nPeople},
		{QualCountry, Country, ix.nPeople, ix.nPeople + ix.nCountry},
		{QualOrg, Org, ix.nPeople + ix.nCountry, ix.entities.len()},
	} {
		for _, v := range q.values(qual.name) {
			ok := make([]bool, ix.entities.len())
			if matchAll(&ix.entities, qual.lo, qual.hi, v, ok) == 0 {
				res.Problems = append(res.Problems, fmt.Sprintf("%s:%s matches no %s in the corpus", qual.name, v, qual.kind))
			}
			p.quals = append(p.quals, ok)
			p.qualKind = append(p.qualKind, qual.kind)
		}
	}
	for _, v := range q.values(QualSource) {
		ok := make([]bool, ix.sources.len())
		if matchAll(&ix.sources, 0, ix.sources.len(), v, ok) == 0 {
			res.Problems = append(res.Problems, fmt.Sprintf("source:%s matches no source in the corpus", v))
		}
		if p.srcOK != nil { // several source: qualifiers must all hold
			for i := range ok {
				ok[i] = ok[i] && p.srcOK[i]
			}
		}
		p.srcOK = ok
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		p.dated, p.since, p.until = true, noDay+1, 1<<31-1
		if !q.Since.IsZero() {
			p.since = int32(q.Since.Unix() / 86400)
		}
		if !q.Until.IsZero() {
			p.until = int32(q.Until.Unix() / 86400)
		}
	}
	if res.TextPending {
		res.Problems = append(res.Problems, "article texts are still being indexed: titles and names searched only")
	}
	return p, ctx.Err()
}

// matchAll marks in ok the items of t in [lo, hi) that every word of value matches, at the
// best tier any item reaches (so person:Токаев does not also take in loose subsequence
// matches), and returns how many it marked.
func matchAll(t *keyTable, lo, hi int, value string, ok []bool) int {
	var words []*word
	seen := map[string]bool{} // a pasted value may say one word many times
	for _, w := range splitWords(value) {
		if !seen[w] {
			seen[w] = true
			words = append(words, newWord(w))
		}
	}
	if len(words) == 0 {
		return 0
	}
	tiers := make([]uint8, hi-lo)
	best := uint8(tierNone)
	for i := lo; i < hi; i++ {
		worst := uint8(tierExact)
		for _, w := range words {
			if worst = min(worst, t.match(i, w)); worst == tierNone {
				break
			}
		}
		tiers[i-lo] = worst
		best = max(best, worst)
	}
	// Strong matches (exact, prefix, stem) count alike; weak ones only when there is no other.
	floor := best
	if best >= tierStem {
		floor = tierStem
	}
	n := 0
	for i, tier := range tiers {
		if tier > tierNone && tier >= floor {
			ok[lo+i] = true
			n++
		}
	}
	return n
}

// entities returns the ranked hits of kind k. In the All scope a kind with neither a word nor
// a qualifier of its own in the query is left out, so country:FR lists France and its
// articles, not every person.
func (p *plan) entities(k Kind, all bool) []Hit {
	ix := p.ix
	lo, hi := 0, ix.nPeople
	switch k {
	case Country:
		lo, hi = ix.nPeople, ix.nPeople+ix.nCountry
	case Org:
		lo, hi = ix.nPeople+ix.nCountry, ix.entities.len()
	}
	var own [][]bool
	for i, q := range p.quals {
		if p.qualKind[i] == k {
			own = append(own, q)
		}
	}
	if all && !p.empty && len(p.words) == 0 && len(own) == 0 {
		return nil
	}
	var hits []Hit
	for e := lo; e < hi; e++ {
		score, fields := 0, Field(0)
		ok := true
		for _, q := range own {
			if !q[e] {
				ok = false
				break
			}
			fields |= FieldQuals
		}
		for _, w := range p.words {
			if !ok {
				break
			}
			t := w.ent[e]
			if t == tierNone {
				ok = false
				break
			}
			score += int(t)
			fields |= FieldName
		}
		if ok {
			hits = append(hits, Hit{Kind: k, Index: e - lo, Score: int32(score), Fields: fields})
		}
	}
	return hits
}

// rankHits orders entity hits best first; ties keep their order (kind, then corpus order:
// most articles first).
func rankHits(hits []Hit) []Hit {
	maxScore := 0
	for _, h := range hits {
		maxScore = max(maxScore, int(h.Score))
	}
	return countingSort(hits, maxScore, func(h Hit) int { return int(h.Score) })
}

// countingSort orders items by key, highest first, stably, in linear time: keys are small.
func countingSort[T any](items []T, maxKey int, key func(T) int) []T {
	if len(items) < 2 || maxKey == 0 {
		return items
	}
	return countingSortInto(make([]T, len(items)), items, maxKey, key)
}

// countingSortInto is countingSort writing into out, which has room for every item.
func countingSortInto[T any](out, items []T, maxKey int, key func(T) int) []T {
	count := make([]int, maxKey+2)
	for _, it := range items {
		count[maxKey-key(it)+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out = out[:len(items)]
	for _, it := range items {
		k := maxKey - key(it)
		out[count[k]] = it
		count[k]++
	}
	return out
}
