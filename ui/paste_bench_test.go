package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// megabytePaste is a pasted megabyte of realistic text: one Update must still be quick.
var megabytePaste = tea.PasteMsg{Content: strings.Repeat("Кошербаев встретился с министром France 2025 ", 1<<20/70)}

// BenchmarkPasteMegabyteIntoFilter is the Update of pasting a megabyte into the list filter;
// the search itself runs in a command and is not part of it.
func BenchmarkPasteMegabyteIntoFilter(b *testing.B) {
	c := testCorpus(b, 1000)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40)
	a = feed(b, a, keyMsgs("/")...)
	p := a.s.stack[0].(*browseScreen).cur()
	for b.Loop() {
		p.input.Reset()
		p.query = ""
		_, _ = a.Update(megabytePaste)
	}
}

// BenchmarkViewLongestQuery draws the list with the longest query the input takes and every
// row shown, as if all matched: each visible row is highlighted for it.
func BenchmarkViewLongestQuery(b *testing.B) {
	c := testCorpus(b, 1000)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40)
	a = feed(b, a, keyMsgs("/")...)
	a = feed(b, a, megabytePaste)
	p := a.s.stack[0].(*browseScreen).cur()
	p.items, p.pending = nil, false
	p.l.setLen(p.len(a.s.stack[0].(*browseScreen).pool))
	if len(p.query) < maxQueryRunes {
		b.Fatalf("query of %d bytes", len(p.query))
	}
	for b.Loop() {
		_ = a.View()
	}
}

// BenchmarkPasteMegabyteIntoPager is the same for the pager's search: paste, then enter.
func BenchmarkPasteMegabyteIntoPager(b *testing.B) {
	c := testCorpus(b, 100)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40)
	a = feed(b, a, keyMsgs("enter")...)
	ps := a.s.stack[len(a.s.stack)-1].(*pagerScreen)
	enter := keyMsgs("enter")[0]
	slash := keyMsgs("/")[0]
	for b.Loop() {
		m, _ := a.Update(slash)
		m, _ = m.Update(megabytePaste)
		m, _ = m.Update(enter)
		_ = m.View()
	}
	_ = ps
}

// BenchmarkOpenBusiestPerson is the Update that opens the detail of the person with the most
// articles in a million-article corpus, before its co-occurrence is cached.
func BenchmarkOpenBusiestPerson(b *testing.B) {
	c := corpusgen.Corpus(1_000_000, 7)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40)
	a = feed(b, a, dark())
	b.Logf("busiest person: %d articles; busiest country: %d", len(c.People[0].Articles), len(c.Countries[0].Articles))
	two := keyMsgs("2")[0]
	one := keyMsgs("1")[0]
	for b.Loop() {
		a.s.rel = relatedCache{} // not cached: the first opening
		m, _ := a.Update(two)
		a = m.(app)
		m, _ = a.Update(one)
		a = m.(app)
	}
}
