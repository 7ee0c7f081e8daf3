package ui

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/model/search"
)

// sortMode orders a list.
type sortMode uint8

const (
	sortNatural   sortMode = iota // the pool's order: newest first, or most articles first
	sortTitle                     // by title or name
	sortMentions                  // articles: by number of entity mentions
	sortRelevance                 // best match first, while a filter is set
)

// sortName is how the header shows a sort.
func sortName(m sortMode, k search.Kind) string {
	switch m {
	case sortTitle:
		if k == search.Article {
			return "title"
		}
		return "name"
	case sortMentions:
		return "mentions"
	case sortRelevance:
		return "best match"
	}
	if k == search.Article {
		return "date ↓"
	}
	return "articles ↓"
}

// listMsg carries a recomputed list (filtered and sorted off the UI goroutine).
type listMsg struct {
	seq      int
	items    []ref
	cursor   int
	total    int
	problems []string
	// next, set on a quick first screen of a large corpus, computes the full answer.
	next tea.Cmd
}

// firstScreenOver is the corpus size above which a search shows a quick first screen (the best
// of the newest matches) before the full ranking arrives.
const firstScreenOver = 50_000

// listPane is a filterable, sortable list of one kind of item (or of every kind, for global
// search). Filtering and sorting run in commands; each change cancels the previous one, and
// results carry a sequence number so stale ones are dropped.
type listPane struct {
	kind     search.Kind
	mixed    bool  // global search: every kind, tagged
	items    []ref // nil: every item of kind in pool order
	l        list
	input    textinput.Model
	typing   bool
	query    string        // the filter the items reflect (or are being computed for)
	terms    []search.Term // query parsed, for chips
	sort     sortMode
	seq      int
	cancel   context.CancelFunc
	pending  bool
	total    int
	problems []string
	// queryProblems are the query's own problems, known before the search answers.
	queryProblems []string
	notice        string         // what the input left out of the last typing or paste, if anything
	keep          func(ref) bool // when set, only the rows it accepts (unread only, readstate.go)
}

func newListPane(kind search.Kind, mixed bool) *listPane {
	in := newQueryInput("/ ", "type to filter")
	if mixed {
		in = newQueryInput(": ", "search articles, people, countries, organisations · person: country: org: source: since: until:")
	}
	p := &listPane{kind: kind, mixed: mixed, input: in}
	if mixed {
		p.items = []ref{}
		p.sort = sortRelevance
	}
	return p
}

// len returns the number of rows shown.
func (p *listPane) len(pl pool) int {
	if p.items == nil {
		return pl.size(p.kind)
	}
	return len(p.items)
}

// at returns the row i's item.
func (p *listPane) at(i int) ref {
	if p.items == nil {
		return ref{kind: p.kind, i: int32(i)}
	}
	return p.items[i]
}

// selected returns the item under the cursor; ok is false when the list is empty.
func (p *listPane) selected(pl pool) (ref, bool) {
	if p.len(pl) == 0 {
		return ref{}, false
	}
	return p.at(p.l.cursor), true
}

// sortModes lists the sorts s cycles through.
func (p *listPane) sortModes() []sortMode {
	var modes []sortMode
	if p.query != "" || p.mixed {
		modes = append(modes, sortRelevance)
	}
	if p.mixed {
		return modes
	}
	modes = append(modes, sortNatural, sortTitle)
	if p.kind == search.Article {
		modes = append(modes, sortMentions)
	}
	return modes
}

// cycleSort moves to the next sort and recomputes the list.
func (p *listPane) cycleSort(s *session, pl pool) tea.Cmd {
	modes := p.sortModes()
	i := slices.Index(modes, p.sort)
	p.sort = modes[(i+1)%len(modes)]
	return p.refresh(s, pl)
}

// setQuery changes the filter: relevance order while a query is set, the pool's order when
// it is cleared.
func (p *listPane) setQuery(s *session, pl pool, q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if q == p.query {
		return nil
	}
	if p.query == "" && q != "" {
		p.sort = sortRelevance
	} else if q == "" && p.sort == sortRelevance && !p.mixed {
		p.sort = sortNatural
	}
	p.query = q
	pq := search.ParseQuery(q)
	p.terms, p.queryProblems = pq.Terms, pq.Problems
	return p.refresh(s, pl)
}

// refresh recomputes the rows for the current query and sort. The natural, unfiltered order
// needs no work; anything else runs in a command.
func (p *listPane) refresh(s *session, pl pool) tea.Cmd {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.seq = s.nextSeq()
	p.problems = p.queryProblems // until the search adds its own
	if p.query == "" && p.sort == sortNatural && !p.mixed && p.keep == nil {
		p.items, p.pending = nil, false
		p.l.setLen(p.len(pl))
		p.total = p.len(pl)
		return nil
	}
	if p.mixed && p.query == "" {
		p.items, p.pending, p.total = []ref{}, false, 0
		p.l.setLen(0)
		return nil
	}
	prev, hadPrev := p.selected(pl)
	ctx, cancel := context.WithCancel(s.ctx)
	p.cancel, p.pending = cancel, true
	seq, q, mode, kind, mixed, ix, keep, st := p.seq, p.query, p.sort, p.kind, p.mixed, s.ix, p.keep, s.rs.st
	compute := func(first bool) tea.Msg {
		msg := listMsg{seq: seq}
		var items []ref
		if q == "" {
			items = make([]ref, pl.size(kind))
			for i := range items {
				items[i] = ref{kind: kind, i: int32(i)}
			}
			msg.total = len(items)
		} else {
			scope := search.All
			if !mixed {
				scope = scopeOf(kind)
			}
			opt := search.Options{Scope: scope}
			if first {
				opt.Limit, opt.FirstScreen = 200, true
			}
			res, err := ix.Search(ctx, q, opt)
			if err != nil || ctx.Err() != nil {
				return nil // cancelled: a newer search is on its way
			}
			items = hitsToRefs(res.Hits, pl, ix.Corpus())
			if kind == search.Article || mixed {
				items = withNotes(items, noteMatches(st, pl, q))
			}
			msg.total, msg.problems = len(items), res.Problems
		}
		if keep != nil {
			items = keepRefs(items, keep)
			msg.total = len(items)
		}
		if !sortRefs(ctx, items, pl, mode) {
			return nil
		}
		msg.items = items
		if hadPrev {
			msg.cursor = max(slices.Index(items, prev), 0)
		}
		return msg
	}
	full := func() tea.Msg {
		defer cancel()
		return compute(false)
	}
	if q == "" || mode != sortRelevance || len(pl.articles) <= s.firstScreenOver {
		return full
	}
	return func() tea.Msg {
		msg, ok := compute(true).(listMsg)
		if !ok {
			cancel()
			return nil
		}
		msg.next = full
		return msg
	}
}

// apply installs a recomputed list if it is the latest one asked for; stale ones are dropped.
// It returns the command that completes a first screen, if any.
func (p *listPane) apply(msg listMsg) tea.Cmd {
	if msg.seq != p.seq {
		return nil
	}
	p.items, p.total, p.problems = msg.items, msg.total, msg.problems
	p.pending = msg.next != nil // a first screen: the full answer is on its way
	if !p.pending {
		p.cancel = nil
	}
	p.l.setLen(len(p.items))
	p.l.moveTo(msg.cursor)
	return msg.next
}

// scopeOf is the search scope of a list of kind k.
func scopeOf(k search.Kind) search.Scope {
	switch k {
	case search.Article:
		return search.Articles
	case search.Person:
		return search.People
	case search.Country:
		return search.Countries
	}
	return search.Orgs
}

// hitsToRefs turns search hits (indexes into the corpus) into rows of the pool. A pool that is
// a subset of the corpus's articles keeps only its own articles.
func hitsToRefs(hits []search.Hit, pl pool, c *model.Corpus) []ref {
	whole := len(pl.articles) == len(c.Articles)
	var inPool map[*model.Article]int32
	if !whole {
		inPool = make(map[*model.Article]int32, len(pl.articles))
		for i, a := range pl.articles {
			inPool[a] = int32(i)
		}
	}
	out := make([]ref, 0, len(hits))
	for _, h := range hits {
		r := ref{kind: h.Kind, i: int32(h.Index)}
		if !whole && h.Kind == search.Article {
			if h.Index < 0 || h.Index >= len(c.Articles) {
				continue
			}
			i, ok := inPool[c.Articles[h.Index]]
			if !ok {
				continue
			}
			r.i = i
		}
		if pl.valid(r) {
			out = append(out, r)
		}
	}
	return out
}

// sortRefs orders items in place; it reports false when ctx was cancelled first.
func sortRefs(ctx context.Context, items []ref, pl pool, mode sortMode) bool {
	switch mode {
	case sortRelevance:
		return true
	case sortNatural:
		slices.SortStableFunc(items, func(a, b ref) int { return cmp.Compare(a.i, b.i) })
		return ctx.Err() == nil
	}
	keys := make([]string, len(items))
	counts := make([]int, len(items))
	for j, r := range items {
		if j%4096 == 0 && ctx.Err() != nil {
			return false
		}
		keys[j] = ru.Fold(refLabel(pl, r))
		if r.kind == search.Article {
			counts[j] = len(pl.articles[r.i].Mentions)
		}
	}
	order := make([]int, len(items))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if mode == sortMentions {
			return cmp.Or(counts[y]-counts[x], strings.Compare(keys[x], keys[y]))
		}
		return strings.Compare(keys[x], keys[y])
	})
	if ctx.Err() != nil {
		return false
	}
	sorted := make([]ref, len(items))
	for j, o := range order {
		sorted[j] = items[o]
	}
	copy(items, sorted)
	return true
}
