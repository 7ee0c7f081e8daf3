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
// findPeople on every core). It holds two generations of at most maxMemo/2 entries: when the
// young one is full it becomes the old one and the old one is dropped, and an entry found in
// the old generation moves to the young one. So the words an archive keeps using survive, where
// dropping the whole memo when full made a large archive (hundreds of thousands of distinct
// capitalised words) read its commonest names again and again; and hostile input cannot grow
// it past maxMemo entries.
type boundedMemo[V any] struct {
	young, old atomic.Pointer[sync.Map]
	n          atomic.Int64 // entries stored in young
}

const maxMemo = 1 << 16

// get returns the value for key, computing it with compute on a miss.
func (bm *boundedMemo[V]) get(key string, compute func(key string) V) V {
	young := bm.young.Load()
	if young != nil {
		if v, ok := young.Load(key); ok {
			return v.(V)
		}
	}
	key = strings.Clone(key) // do not pin the article's text
	var v V
	if x, ok := bm.loadOld(key); ok {
		v = x
	} else {
		v = compute(key)
	}
	if young == nil || bm.n.Add(1) > maxMemo/2 {
		if fresh := new(sync.Map); bm.young.CompareAndSwap(young, fresh) {
			bm.old.Store(young)
			bm.n.Store(1)
		}
		young = bm.young.Load()
	}
	got, _ := young.LoadOrStore(key, v)
	return got.(V)
}

func (bm *boundedMemo[V]) loadOld(key string) (v V, ok bool) {
	if old := bm.old.Load(); old != nil {
		if x, ok := old.Load(key); ok {
			return x.(V), true
		}
	}
	return v, false
}

// forget empties the memo.
func (bm *boundedMemo[V]) forget() {
	bm.young.Store(nil)
	bm.old.Store(nil)
}

// wordMemo maps a capitalised word to its *wordInfo: news repeat names and capitalised
// words, and one lookup here replaces folding, classifying and reading them again.
var wordMemo boundedMemo[*wordInfo]

// forgetWords empties wordMemo, nameMemo and, through wordsEpoch, every finder's fronts to
// them (and its role memo): benchmarks use it to read a corpus afresh.
func forgetWords() {
	wordMemo.forget()
	nameMemo.forget()
	wordsEpoch.Add(1)
}

var wordsEpoch atomic.Int64

// infoOf returns the wordInfo of a word as written.
func infoOf(word string) *wordInfo {
	return wordMemo.get(word, func(word string) *wordInfo {
		fold := ru.Fold(word)
		return &wordInfo{word: word, fold: fold, notName: isNotNameWord(fold), r: wordReadings{word: word, fold: fold}}
	})
}

// nameForms are the search key and the Latin spelling of a person's name.
type nameForms struct{ key, latin string }

// nameMemo remembers the nameForms of names: the same people recur in article after article.
var nameMemo boundedMemo[nameForms]

// formsOf returns the nameForms of a canonical name, through the finder's own front to
// nameMemo.
func (pf *peopleFinder) formsOf(name string) nameForms {
	if f, ok := pf.names[name]; ok {
		return f
	}
	if len(pf.names) >= maxWordCache {
		clear(pf.names)
	}
	f := nameMemo.get(name, func(name string) nameForms { return nameForms{ru.Fold(name), ru.Latin(name)} })
	pf.names[name] = f // names are built by the finder: they do not pin an article's text
	return f
}

// wordCache is a finder's own front to wordMemo, kept from one article to the next: a plain
// map, faster than the shared one, for the words one core meets again and again. (A table of
// slots indexed by a hash of the word measured no faster inside the loader, where this map
// of the few thousand words a core meets stays in cache.)
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
