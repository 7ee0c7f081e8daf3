package ui

import (
	"fmt"
	"strings"

	"github.com/dispatch-news/dispatch/model/search"
)

// viewKind is one entry of the sidebar: what the list shows.
type viewKind uint8

const (
	viewArticles viewKind = iota
	viewPeople
	viewCountries
	viewOrgs
	viewTimeline
	viewAll // global search results
)

// sidebarWidth is the sidebar's width in cells, separator excluded.
const sidebarWidth = 20

func (v viewKind) String() string {
	return [...]string{"Articles", "People", "Countries", "Organisations", "Timeline", "Search"}[v]
}

// kind is the search kind a view lists.
func (v viewKind) kind() search.Kind {
	switch v {
	case viewPeople:
		return search.Person
	case viewCountries:
		return search.Country
	case viewOrgs:
		return search.Org
	}
	return search.Article
}

// sidebarView draws the views with their sizes, the current one marked, in exactly h lines.
func sidebarView(st *styles, views []viewKind, current int, pl pool, focused bool, w, h int) []string {
	lines := make([]string, 0, h)
	head := st.paneDim
	if focused {
		head = st.paneTitle
	}
	lines = append(lines, fit(head.Render("Views"), w))
	for i, v := range views {
		count := ""
		if v != viewTimeline && v != viewAll {
			count = fmt.Sprint(pl.size(v.kind()))
		}
		name := fmt.Sprintf("%d %s", i+1, v)
		if len([]rune(name))+len(count)+3 > w && v == viewOrgs {
			name = fmt.Sprintf("%d Orgs", i+1) // a large count needs the room
		}
		gap := max(w-2-len([]rune(name))-len(count), 1)
		text := " " + name + strings.Repeat(" ", gap) + count + " "
		switch {
		case i == current && focused:
			lines = append(lines, st.selected.Render(fit(text, w)))
		case i == current:
			lines = append(lines, st.accent.Bold(true).Render(fit(text, w)))
		default:
			lines = append(lines, st.text.Render(fit(text, w)))
		}
	}
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return lines[:h]
}
