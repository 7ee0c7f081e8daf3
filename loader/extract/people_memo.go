package extract

import (
	"math/rand/v2"
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
	// surnameLike is set when the word is no name only as a form of a place named like a
	// surname (see isSurnameLikePlace): "Иванова" of Иваново, the commonest surname's forms.
	surnameLike bool
	id          uint64 // this wordInfo's own number, never given to another (see spanKey)
	r           wordReadings
}

var wordIDs atomic.Uint64

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
		notName := isNotNameWord(fold)
		return &wordInfo{word: word, fold: fold, notName: notName, surnameLike: notName && isSurnameLikePlace(fold),
			id: wordIDs.Add(1), r: wordReadings{word: word, fold: fold}}
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

// wordCache is a finder's own front to wordMemo, kept from one article to the next, for the
// words one core meets again and again: an open-addressed table of wordInfo by wordHash. A Go
// map of strings did the same at about 180 instructions a look-up, most of them hashing and
// probing rather than waiting on memory; this table takes about 135 (callgrind). It grows
// with the words it holds, so that a core meeting few words keeps a small table.
type wordCache struct {
	slots []wordSlot // a power of two long, at most half full
	n     int        // words held
}

type wordSlot struct {
	hash uint64
	w    *wordInfo // nil for an empty slot
}

// maxWordCache bounds a wordCache; it is emptied when full.
const maxWordCache = 1 << 13

func (wc *wordCache) get(word string) *wordInfo {
	h := wordHash(word)
	i := wc.find(h, word)
	if w := wc.slots[i].w; w != nil {
		return w
	}
	w := infoOf(word) // w.word does not pin the article's text
	if wc.n+1 > len(wc.slots)/2 {
		if len(wc.slots) < 2*maxWordCache {
			wc.grow()
		} else {
			wc.clear()
		}
		i = wc.find(h, word)
	}
	wc.slots[i] = wordSlot{h, w}
	wc.n++
	return w
}

// find returns the index of the slot holding word, whose hash is h, or of the empty slot
// where it would go.
func (wc *wordCache) find(h uint64, word string) uint64 {
	mask := uint64(len(wc.slots) - 1)
	i := h & mask
	for s := &wc.slots[i]; s.w != nil && (s.hash != h || s.w.word != word); s = &wc.slots[i] {
		i = (i + 1) & mask
	}
	return i
}

// grow doubles the table.
func (wc *wordCache) grow() {
	old := wc.slots
	wc.slots = make([]wordSlot, 2*len(old))
	for _, s := range old {
		if s.w != nil {
			wc.slots[wc.find(s.hash, s.w.word)] = s
		}
	}
}

// clear empties the table, keeping its size.
func (wc *wordCache) clear() {
	clear(wc.slots)
	wc.n = 0
}

// newWordCache returns an empty wordCache.
func newWordCache() *wordCache { return &wordCache{slots: make([]wordSlot, 1<<10)} }

// wordHash hashes the length and every byte of a word from a seed drawn once per process:
// without it, no text can be written to make many words collide and the table slow. Words of
// 8 to 24 bytes, most of them, take three loads that cover them (overlapping when shorter),
// and shorter ones two or three reads: no loop turns by the word's length, whose end a
// processor guesses wrong (cachegrind counts half the mispredictions the loop had here).
func wordHash(word string) uint64 {
	n := len(word)
	h := wordSeed ^ uint64(n)
	switch {
	case n > 24:
		for i := 0; i < n-8; i += 8 {
			h = mix64(h ^ load64(word, i))
		}
		return mix64(h ^ load64(word, n-8)) // the last eight bytes, overlapping those before
	case n >= 8:
		h = mix64(h ^ load64(word, 0))
		h = mix64(h ^ load64(word, middleLoad(n)))
		return mix64(h ^ load64(word, n-8))
	case n >= 4:
		return mix64(h ^ uint64(load32(word, 0))<<32 ^ uint64(load32(word, n-4)))
	case n > 0:
		return mix64(h ^ uint64(word[0])<<16 ^ uint64(word[n/2])<<8 ^ uint64(word[n-1]))
	}
	return mix64(h)
}

// middleLoad returns where the second of three eight-byte loads over n bytes, 8 to 24, starts
// (see wordHash): min(8, n-8), computed without a branch (which min was compiled to).
func middleLoad(n int) int {
	d := n - 16
	return 8 + d&(d>>63) // d>>63 is -1 when d < 0, else 0
}

// load32 reads text[i:i+4] as a little-endian number.
func load32(text string, i int) uint32 {
	b := text[i : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// mix64 scrambles x one-to-one: the multiply carries each bit into the higher ones, and the
// shift brings the high bits down to the low ones that index the table.
func mix64(x uint64) uint64 {
	x *= 0xBF58476D1CE4E5B9
	return x ^ x>>31
}

var wordSeed = rand.Uint64()

// spanKey is a run of two to four words, by the ids of their wordInfo (0 past the run), and
// the cases of a role noun before them: all that readSpan's choice of a reading depends on.
// Ids rather than pointers keep no wordInfo alive that wordMemo has let go.
type spanKey struct {
	words [4]uint64
	cases uint8
}

// spanChoice is the reading readSpan chose for a spanKey: its bit k (see readName), -1 for
// none, whether the second word is read as a patronymic, and its score.
type spanChoice struct {
	score    float64
	k        int8
	patronym bool
}
