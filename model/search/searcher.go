package search

import (
	"bytes"
	"context"
	"slices"
	"sync"
)

// Searcher runs the searches of one search box, keystroke after keystroke. When a query only
// extends the previous one (a word typed further, a word added), it scans just the articles
// the previous query matched. It is safe for concurrent use: the UI may start a search while
// an older one is being cancelled.
type Searcher struct {
	ix   *Index
	mu   sync.Mutex
	last *narrowing
}

// narrowing is what a finished search leaves for the next one.
type narrowing struct {
	scope   Scope
	quals   []Term // the qualifiers, in order
	words   []*word
	matched []uint32 // articles that matched, ascending
}

// NewSearcher returns a Searcher over the index.
func (ix *Index) NewSearcher() *Searcher { return &Searcher{ix: ix} }

// Search is Index.Search, narrowed from the previous search when it can be.
func (s *Searcher) Search(ctx context.Context, q string, opt Options) (*Results, error) {
	pq := ParseQuery(q)
	quals := qualifierTerms(pq)
	var words []*word
	for _, w := range pq.Words {
		words = append(words, newWord(w))
	}

	s.mu.Lock()
	last := s.last
	s.mu.Unlock()
	var cand []uint32
	if last != nil && last.scope == opt.Scope && slices.Equal(last.quals, quals) && narrows(last.words, words) {
		cand = last.matched
	}

	res, p, err := s.ix.search(ctx, q, pq, opt, cand)
	if err != nil {
		return nil, err
	}
	if !res.Partial && !res.TextPending && (opt.Scope == All || opt.Scope == Articles) {
		s.mu.Lock()
		s.last = &narrowing{scope: opt.Scope, quals: quals, words: words, matched: p.matched}
		s.mu.Unlock()
	}
	return res, nil
}

func qualifierTerms(q Query) []Term {
	var out []Term
	for _, t := range q.Terms {
		if t.Qualifier != "" {
			out = append(out, t)
		}
	}
	return out
}

// narrows reports whether every article the words in next match is matched by the words in
// prev: next has prev's words, the last perhaps typed further, and maybe more words.
func narrows(prev, next []*word) bool {
	if len(prev) == 0 || len(next) < len(prev) {
		return false
	}
	for i, p := range prev {
		n := next[i]
		if i < len(prev)-1 && !bytes.Equal(p.cyr, n.cyr) {
			return false
		}
		if !extends(p, n) {
			return false
		}
	}
	return true
}

// extends reports whether whatever word n matches, word p matches too: each form n is
// matched by starts with the corresponding form of p. (The Latin key and the stem are not
// monotonic as a word grows: "zak" → "zah…" once "zakh" is typed; then it says no.)
func extends(p, n *word) bool {
	if p.latin != n.latin || !bytes.HasPrefix(n.cyr, p.cyr) {
		return false
	}
	if p.latin {
		if !bytes.HasPrefix(n.lat, p.lat) {
			return false
		}
	} else if n.stem != nil && !bytes.HasPrefix(n.stem, p.cyr) && (p.stem == nil || !bytes.HasPrefix(n.stem, p.stem)) {
		return false
	}
	pForm, pExact := p.bodyForm()
	nForm, nExact := n.bodyForm()
	if pExact {
		return nExact && nForm == pForm
	}
	return len(nForm) >= len(pForm) && nForm[:len(pForm)] == pForm
}
