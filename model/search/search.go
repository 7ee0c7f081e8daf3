// Package search finds articles, people, countries and organisations for a query typed in
// Cyrillic or Latin, in any case form. It owns the search keys, the query parser and ranking;
// it knows nothing of the terminal.
//
// Every item has two keys built once by New: its text lower-cased with ё as е, and a loose
// Latin form (ru.LatinKey: "Kosherbayev", "Kosherbaev" and "Кошербаев" all give
// "kosherbaev"). A Cyrillic query word matches the first, a Latin one the second. An article's
// keys are its title; its people, countries, organisations and source are matched once per
// query among the entities and looked up per article by number. Each query word scores its
// best tier in any field: a whole word (or the same word in another case: the Snowball stem
// plus a case ending), a word prefix, a word starting with the stem, a substring, its letters
// in order inside a word; article texts match through a word index (stem or prefix) and rank
// below all of those. Ties go to the newest article, and to the entity in most articles.
//
// Scans skip whole chunks of 1,024 titles whose letter-pair summary rules a query word out
// (chunks.go), reject items by a 64-bit letter mask, look for the rarest byte of a pattern
// with IndexByte, run on every core in chunks of 1024 articles, check ctx between chunks, and
// rank with a counting sort. Highlight positions come from sahilm/fuzzy, run only on the
// labels shown.
//
// LICENSES: the Russian stemmer is github.com/kljensen/snowball (MIT), used as a library; the
// letter frequency orders in pattern.go are common knowledge written for this package. No
// table is fetched at run time.
package search

import (
	"context"
	"slices"
)

// Kind says what a hit is.
type Kind uint8

const (
	// Article is an article hit.
	Article Kind = iota
	// Person is a person hit.
	Person
	// Country is a country hit.
	Country
	// Org is an organisation hit.
	Org
)

// String names the kind as results show it.
func (k Kind) String() string {
	if k > Org {
		return "unknown"
	}
	return [...]string{"article", "person", "country", "org"}[k]
}

// Scope limits a search to some kinds of hit.
type Scope uint8

const (
	// All searches every kind.
	All Scope = iota
	// Articles searches articles only.
	Articles
	// People searches people only.
	People
	// Countries searches countries only.
	Countries
	// Orgs searches organisations only.
	Orgs
)

// Field is a bit set of the fields a hit matched in.
type Field uint16

const (
	FieldTitle Field = 1 << iota
	FieldPerson
	FieldCountry
	FieldOrg
	FieldSource
	FieldText
	FieldName  // an entity's own name (Russian, Latin or code)
	FieldQuals // the hit passed qualifiers only (person:, since:, ...)
)

// Names lists the fields in f, for output.
func (f Field) Names() []string {
	names := []string{"title", "person", "country", "org", "source", "text", "name", "qualifiers"}
	var out []string
	for i, n := range names {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Hit is one result: Index points into the corpus slice of its Kind
// (Corpus.Articles, People, Countries or Orgs). It takes 16 bytes: a one-letter query over a
// million articles returns a million of them.
type Hit struct {
	Index  int
	Score  int32
	Fields Field
	Kind   Kind
}

// Results is a ranked answer to a query.
type Results struct {
	Query string
	Hits  []Hit // best first
	Total int   // hits before any limit
	// Problems explains parts of the query that were ignored ("since:garbage is not a date").
	Problems []string
	// Partial is set when Options.FirstScreen stopped the article scan early: Hits are the
	// best of the newest matching articles and Total counts only what was scanned.
	Partial bool
	// TextPending is set when, with Options.NoWaitForText, words were not looked for in
	// article texts because their index is still being built: search again once Index.Ready.
	TextPending bool
}

// Options tune a search.
type Options struct {
	Scope Scope
	Limit int // 0 means no limit
	// FirstScreen, with a Limit, stops scanning articles (newest first) once Limit of them
	// match and ranks only those: a first screen in a few milliseconds on a huge corpus. Search
	// again without it for the full ranking and count.
	FirstScreen bool
	// NoWaitForText, while the index of article texts is still being built after New, searches
	// titles and names only instead of waiting for it, and sets Results.TextPending.
	NoWaitForText bool
}

// Search ranks what matches q (see ParseQuery for the query language). An empty query matches
// everything in the scope, in corpus order. Articles are scanned on every core; Search returns
// ctx.Err() soon after ctx is cancelled.
func (ix *Index) Search(ctx context.Context, q string, opt Options) (*Results, error) {
	return ix.SearchQuery(ctx, q, ParseQuery(q), opt)
}

// SearchQuery is Search for a query already parsed from text.
func (ix *Index) SearchQuery(ctx context.Context, text string, pq Query, opt Options) (*Results, error) {
	res, _, err := ix.search(ctx, text, pq, opt, nil)
	return res, err
}

// search runs a query, scanning only the articles in cand when it is not nil (a superset of
// the matches, from a Searcher), and returns the plan it ran.
func (ix *Index) search(ctx context.Context, text string, pq Query, opt Options, cand []uint32) (*Results, *plan, error) {
	res := &Results{Query: text, Problems: slices.Clone(pq.Problems)}
	s, err := ix.plan(ctx, pq, opt, res)
	if err != nil {
		return nil, nil, err
	}

	var ents []Hit
	for _, k := range []Kind{Person, Country, Org} {
		if opt.Scope == All || opt.Scope == scopeOf(k) {
			ents = append(ents, s.entities(k, opt.Scope == All)...)
		}
	}
	ents = rankHits(ents)
	var arts []artHit
	limit := 0 // articles to scan for; 0: all, in a buffer kept for the next search
	if opt.Scope == All || opt.Scope == Articles {
		if opt.FirstScreen {
			limit = opt.Limit
		}
		arts, res.Partial, err = s.scanArticles(ctx, limit, cand)
		if err != nil {
			return nil, nil, err
		}
		s.matched = make([]uint32, len(arts))
		for i, a := range arts {
			s.matched[i] = a.index
		}
		rankArticles(arts)
	}
	res.Total = len(ents) + len(arts)
	res.Hits = merge(ents, arts, opt.Limit)
	if arts != nil && limit == 0 {
		releaseArtHits(arts) // merge copied what it keeps
	}
	return res, s, nil
}

func scopeOf(k Kind) Scope {
	return [...]Scope{Articles, People, Countries, Orgs}[k]
}

// merge joins entity hits (ranked) and article hits (ranked) best first, entities before
// articles of the same score, keeping at most limit (0: all).
func merge(ents []Hit, arts []artHit, limit int) []Hit {
	n := len(ents) + len(arts)
	if limit > 0 && limit < n {
		n = limit
	}
	out := make([]Hit, 0, n)
	for len(out) < n {
		if len(ents) > 0 && (len(arts) == 0 || ents[0].Score >= int32(arts[0].score)) {
			out = append(out, ents[0])
			ents = ents[1:]
			continue
		}
		a := arts[0]
		out = append(out, Hit{Kind: Article, Index: int(a.index), Score: int32(a.score), Fields: a.fields})
		arts = arts[1:]
	}
	return out
}
