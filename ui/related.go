package ui

import (
	"cmp"
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model"
)

// related is who and what appears alongside an entity, most often first.
type related struct {
	people    []count[*model.Person]
	countries []count[*model.Country]
	orgs      []count[*model.Organisation]
}

// count is an entity with the number of articles it shares with another.
type count[E any] struct {
	e E
	n int
}

// relatedTop is how many co-occurring entities of each kind a detail shows.
const relatedTop = 6

// coOccurring counts the entities of the given articles, leaving out the entity itself (skip is
// its key). It costs O(entities of those articles): call it once per entity and cache it. It
// stops early, with an empty answer, when ctx is cancelled.
func coOccurring(ctx context.Context, articles []*model.Article, skip string) *related {
	people := map[*model.Person]int{}
	countries := map[*model.Country]int{}
	orgs := map[*model.Organisation]int{}
	for i, a := range articles {
		if i%4096 == 0 && ctx.Err() != nil {
			return &related{}
		}
		for _, r := range a.People {
			if r.Person != nil && r.Key != skip {
				people[r.Person]++
			}
		}
		for _, r := range a.Countries {
			if r.Country != nil && r.Code != skip {
				countries[r.Country]++
			}
		}
		for _, r := range a.Orgs {
			if r.Organisation != nil && r.Key != skip {
				orgs[r.Organisation]++
			}
		}
	}
	return &related{
		people:    top(people, func(p *model.Person) string { return p.Name }),
		countries: top(countries, func(c *model.Country) string { return c.Name }),
		orgs:      top(orgs, func(o *model.Organisation) string { return o.Key }),
	}
}

func top[E comparable](counts map[E]int, name func(E) string) []count[E] {
	out := make([]count[E], 0, len(counts))
	for e, n := range counts {
		out = append(out, count[E]{e, n})
	}
	slices.SortFunc(out, func(a, b count[E]) int {
		return cmp.Or(b.n-a.n, cmp.Compare(name(a.e), name(b.e)))
	})
	return out[:min(len(out), relatedTop)]
}

// relatedSyncMax is the number of articles up to which co-occurrence is counted inside Update
// (a few milliseconds); above it the count runs in a command and the detail says "counting…"
// until it arrives. A country of a million-article corpus has most of them: ~1.5 s.
const relatedSyncMax = 5000

// relatedMsg delivers co-occurrence counted off the UI goroutine.
type relatedMsg struct {
	id  string
	rel *related
}

// relatedCache remembers co-occurrence per entity, so moving the cursor back to an entity
// costs nothing. It is shared by every screen of a session.
type relatedCache struct {
	done    map[string]*related
	pending map[string]bool
	queue   []tea.Cmd // counts asked for since the last take
}

// get returns the co-occurrence of an entity, or nil while it is being counted: an entity with
// many articles is counted by a command (see take), the others at once.
func (rc *relatedCache) get(ctx context.Context, kind model.EntityKind, key string, articles []*model.Article) *related {
	id := kind.String() + ":" + key
	if r, ok := rc.done[id]; ok {
		return r
	}
	if rc.done == nil {
		rc.done, rc.pending = map[string]*related{}, map[string]bool{}
	}
	if len(articles) <= relatedSyncMax {
		r := coOccurring(ctx, articles, key)
		rc.done[id] = r
		return r
	}
	if !rc.pending[id] {
		rc.pending[id] = true
		rc.queue = append(rc.queue, func() tea.Msg {
			r := coOccurring(ctx, articles, key)
			if ctx.Err() != nil {
				return nil
			}
			return relatedMsg{id: id, rel: r}
		})
	}
	return nil
}

// store keeps counted co-occurrence.
func (rc *relatedCache) store(msg relatedMsg) {
	if rc.done == nil {
		rc.done, rc.pending = map[string]*related{}, map[string]bool{}
	}
	rc.done[msg.id] = msg.rel
	delete(rc.pending, msg.id)
}

// take returns the commands of the counts asked for since the last take.
func (rc *relatedCache) take() tea.Cmd {
	if len(rc.queue) == 0 {
		return nil
	}
	cmd := tea.Batch(rc.queue...)
	rc.queue = nil
	return cmd
}
