package extract

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Remembering words: the finder looks each capitalised word up once per process, in memos
// safe for the loader's goroutines, instead of folding, classifying and reading it again.

// wordInfo is what the people finder knows of a capitalised word as written: its fold, whether
// it is a common word or a place rather than a name, and, read only when first asked for, its
// readings as a name.
type wordInfo struct {
	word    string
	fold    string
	notName bool // isNotNameWord(fold)
	r       wordReadings
}

// readings returns what the word may be as a name. Inverting the rules is the costly part of
// reading names, so it is done once per word, and only for words that may be names.
func (w *wordInfo) readings() *wordReadings { return &w.r }

// boundedMemo is a process-wide string-keyed memo, safe for concurrent use (loading runs
// findPeople on every core). It is dropped when it grows past maxMemo entries, so hostile
// input cannot grow it without bound.
type boundedMemo[V any] struct {
	m atomic.Pointer[sync.Map]
	n atomic.Int64
}

const maxMemo = 1 << 16

// get returns the value for key, computing it with compute on a miss.
func (bm *boundedMemo[V]) get(key string, compute func(key string) V) V {
	m := bm.m.Load()
	if m != nil {
		if v, ok := m.Load(key); ok {
			return v.(V)
		}
	}
	key = strings.Clone(key) // do not pin the article's text
	v := compute(key)
	if m == nil || bm.n.Add(1) > maxMemo {
		bm.n.Store(0)
		m = new(sync.Map)
		bm.m.Store(m)
	}
	got, _ := m.LoadOrStore(key, v)
	return got.(V)
}

// wordMemo maps a capitalised word to its *wordInfo: news repeat names and capitalised
// words, and one lookup here replaces folding, classifying and reading them again.
var wordMemo boundedMemo[*wordInfo]

// forgetWords empties wordMemo and, through wordsEpoch, every finder's wordCache: benchmarks
// use it to read a corpus afresh.
func forgetWords() {
	wordMemo.m.Store(nil)
	wordsEpoch.Add(1)
}

var wordsEpoch atomic.Int64

// infoOf returns the wordInfo of a word as written.
func infoOf(word string) *wordInfo {
	return wordMemo.get(word, func(word string) *wordInfo {
		fold := ru.Fold(word)
		return &wordInfo{word: word, fold: fold, notName: isNotNameWord(fold), r: wordReadings{word: word}}
	})
}

// latinMemo remembers the Latin spelling of names.
var latinMemo boundedMemo[string]

// latinOf is ru.Latin(name), remembered.
func latinOf(name string) string { return latinMemo.get(name, ru.Latin) }

// wordCache is a finder's own front to wordMemo, kept from one article to the next: a plain
// map, faster than the shared one, for the words one core meets again and again.
type wordCache map[string]*wordInfo

// maxWordCache bounds a wordCache; it is emptied when full.
const maxWordCache = 1 << 13

func (wc wordCache) get(word string) *wordInfo {
	w := wc[word]
	if w == nil {
		if len(wc) >= maxWordCache {
			clear(wc)
		}
		w = infoOf(word)
		wc[w.word] = w // w.word does not pin the article's text
	}
	return w
}

// readingsOf returns the readings of a word as written as a name.
func readingsOf(word string) *wordReadings { return infoOf(word).readings() }
