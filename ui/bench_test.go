package ui

import (
	"runtime"
	"testing"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

// BenchmarkView draws the main screen of a million articles at 120x40: it must stay
// O(visible rows).
func BenchmarkView(b *testing.B) {
	c := corpusgen.Corpus(1_000_000, 7)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40) // the index is not what is measured
	a = feed(b, a, dark())
	a = feed(b, a, keyMsgs("jjjj")...)
	runtime.GC() // the corpus's garbage is not the view's to collect
	b.ResetTimer()
	for b.Loop() {
		_ = a.View()
	}
}

// BenchmarkMoveAndView is one keystroke's work on a million articles: Update, then View.
func BenchmarkMoveAndView(b *testing.B) {
	c := corpusgen.Corpus(1_000_000, 7)
	a := loadedAppWith(b, c, substringSearcher{c}, 120, 40) // the index is not what is measured
	a = feed(b, a, dark())
	down := keyMsgs("j")[0]
	runtime.GC() // the corpus's garbage is not the view's to collect
	b.ResetTimer()
	for b.Loop() {
		m, _ := a.Update(down)
		_ = m.View()
	}
}
