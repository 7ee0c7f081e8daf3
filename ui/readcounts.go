package ui

import (
	"strconv"
	"strings"

	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/model/search"
	"github.com/dispatch-news/dispatch/model/state"
)

// readCounts counts, per person, country and organisation, how many of its articles were read,
// so entity lists can show what is left unread. It is rebuilt from the read articles when the
// reading state changes: O(read articles × their entities), never O(corpus).
type readCounts struct {
	gen    int // the readState.gen it was built for; -1 before the first build
	byKind map[any]int
}

// unreadOf returns how many of entity e's n articles are unread.
func (s *session) unreadOf(e any, n int) int {
	rc := &s.rs.counts
	if rc.byKind == nil || rc.gen != s.rs.gen {
		rc.byKind, rc.gen = map[any]int{}, s.rs.gen
		for _, id := range s.rs.st.Read() {
			a := s.corpus.Article(id)
			if a == nil {
				continue
			}
			for _, r := range a.People {
				rc.byKind[r.Person]++
			}
			for _, r := range a.Countries {
				rc.byKind[r.Country]++
			}
			for _, r := range a.Orgs {
				rc.byKind[r.Organisation]++
			}
		}
	}
	return n - rc.byKind[e]
}

// markEntity adds what is left unread to an entity row's article count: "12 · 3 unread" once
// some of its articles were read, "12 · all read" when none is left. A count the analyst has
// not started on stays plain.
func (s *session) markEntity(r ref, pl pool, cells []cell) []cell {
	if r.kind == search.Article || s.rs.st == nil || s.corpus == nil || len(cells) == 0 {
		return cells
	}
	var e any
	var n int
	switch r.kind {
	case search.Person:
		e, n = pl.people[r.i], len(pl.people[r.i].Articles)
	case search.Country:
		e, n = pl.countries[r.i], len(pl.countries[r.i].Articles)
	default:
		e, n = pl.orgs[r.i], len(pl.orgs[r.i].Articles)
	}
	unread := s.unreadOf(e, n)
	count := &cells[len(cells)-1]
	switch {
	case unread == n:
	case unread == 0:
		count.text += " · all read"
	default:
		count.text += " · " + strconv.Itoa(unread) + " unread"
	}
	return cells
}

// noteMatches returns the articles of pl whose note holds every plain word of query q, for
// the filter: notes are searchable as the analyst typed them. It runs in the search command;
// the state is safe to read from there.
func noteMatches(st *state.State, pl pool, q string) []ref {
	if st == nil {
		return nil
	}
	words := search.ParseQuery(q).Words
	noted := st.Noted()
	if len(words) == 0 || len(noted) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, id := range noted {
		note := ru.Fold(st.Note(id))
		all := true
		for _, w := range words {
			if !strings.Contains(note, ru.Fold(w)) {
				all = false
				break
			}
		}
		if all {
			want[id] = true
		}
	}
	if len(want) == 0 {
		return nil
	}
	var refs []ref
	for i, a := range pl.articles {
		if want[a.ID] {
			refs = append(refs, ref{kind: search.Article, i: int32(i)})
		}
	}
	return refs
}

// withNotes appends the note matches that the search did not find already.
func withNotes(items, notes []ref) []ref {
	if len(notes) == 0 {
		return items
	}
	seen := make(map[ref]bool, len(items))
	for _, r := range items {
		seen[r] = true
	}
	for _, r := range notes {
		if !seen[r] {
			items = append(items, r)
		}
	}
	return items
}
