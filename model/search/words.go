package search

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
)

// wordIndex is an inverted index of the folded words of article bodies: each distinct word
// with the ascending indexes of the articles whose lead or body holds it. Words are kept whole
// and sorted, so a stem or a prefix finds every case form by one binary search.
type wordIndex struct {
	words []string
	end   []uint32 // word i's postings are post[end[i-1]:end[i]]
	post  []uint32
}

// minPrefix is the shortest query word (in runes) matched as a prefix of body words; shorter
// ones must match a whole word, or one letter would match every article.
const minPrefix = 3

// chunk is how many articles one unit of parallel work covers.
const chunk = 1024

// lookup returns the set of articles whose bodies hold a word starting with prefix (or equal
// to it when exact), or nil when there is none.
func (w *wordIndex) lookup(prefix string, exact bool, n int) bitset {
	lo := sort.SearchStrings(w.words, prefix)
	var set bitset
	for i := lo; i < len(w.words) && strings.HasPrefix(w.words[i], prefix); i++ {
		if exact && w.words[i] != prefix {
			break
		}
		if set == nil {
			set = newBitset(n)
		}
		start := uint32(0)
		if i > 0 {
			start = w.end[i-1]
		}
		for _, a := range w.post[start:w.end[i]] {
			set.set(int(a))
		}
	}
	return set
}

// bitset is a set of article indexes.
type bitset []uint64

func newBitset(n int) bitset    { return make(bitset, (n+63)/64) }
func (b bitset) set(i int)      { b[i>>6] |= 1 << (i & 63) }
func (b bitset) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b bitset) count() (n int) {
	for _, w := range b {
		n += popcount(w)
	}
	return n
}
func popcount(x uint64) (n int) {
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// dict is one worker's dictionary of body words: an open-addressing hash table over a byte
// arena, several times faster than a map[string] for the tens of millions of lookups a
// corpus needs.
type dict struct {
	seed  maphash.Seed
	slots []slot   // a power of two, at most half full
	arena []byte   // the words, one after another
	ends  []uint32 // word id → end of the word in arena
	seen  []int32  // word id → the last article that had it, to count each once
}

type slot struct {
	hash uint64
	id   uint32 // word id + 1; 0 is an empty slot
}

func newDict() *dict {
	return &dict{seed: maphash.MakeSeed(), slots: make([]slot, 1<<12)}
}

func (d *dict) word(id uint32) []byte {
	start := uint32(0)
	if id > 0 {
		start = d.ends[id-1]
	}
	return d.arena[start:d.ends[id]]
}

// words returns the dictionary's words by id.
func (d *dict) words() []string {
	out := make([]string, len(d.ends))
	all := string(d.arena)
	start := uint32(0)
	for i, e := range d.ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// id returns the id of w, adding it when new.
func (d *dict) id(w []byte) uint32 {
	h := maphash.Bytes(d.seed, w)
	mask := uint64(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := d.slots[i]
		if s.id == 0 {
			id := uint32(len(d.ends))
			d.arena = append(d.arena, w...)
			d.ends = append(d.ends, uint32(len(d.arena)))
			d.seen = append(d.seen, -1)
			d.slots[i] = slot{h, id + 1}
			if 2*len(d.ends) > len(d.slots) {
				d.grow()
			}
			return id
		}
		if s.hash == h && string(d.word(s.id-1)) == string(w) {
			return s.id - 1
		}
	}
}

func (d *dict) grow() {
	old := d.slots
	d.slots = make([]slot, 2*len(old))
	mask := uint64(len(d.slots) - 1)
	for _, s := range old {
		if s.id == 0 {
			continue
		}
		i := s.hash & mask
		for d.slots[i].id != 0 {
			i = (i + 1) & mask
		}
		d.slots[i] = s
	}
}

// wordChunk is the words of one chunk of articles, as ids in the dictionary of the worker
// that read them.
type wordChunk struct {
	dict *dict
	ids  []uint32
	end  []uint32 // per article
}

// buildWords indexes the bodies of articles on every core.
func buildWords(articles []*model.Article) *wordIndex {
	chunks := make([]wordChunk, (len(articles)+chunk-1)/chunk)
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	dicts := make([]*dict, workers)
	for w := range workers {
		d := newDict()
		dicts[w] = d
		wg.Go(func() {
			var buf []byte
			for {
				c := int(next.Add(1) - 1)
				if c >= len(chunks) {
					return
				}
				wc := wordChunk{dict: d, ids: make([]uint32, 0, 256*chunk), end: make([]uint32, 0, chunk)}
				for i := c * chunk; i < min((c+1)*chunk, len(articles)); i++ {
					for _, b := range articles[i].Blocks {
						wc.ids, buf = d.addWords(wc.ids, buf, b.Text, int32(i))
					}
					wc.end = append(wc.end, uint32(len(wc.ids)))
				}
				chunks[c] = wc
			}
		})
	}
	wg.Wait()

	// One sorted dictionary; each worker's ids mapped onto it.
	all := map[string]struct{}{}
	dictWords := map[*dict][]string{}
	for _, d := range dicts {
		dictWords[d] = d.words()
		for _, w := range dictWords[d] {
			all[w] = struct{}{}
		}
	}
	words := make([]string, 0, len(all))
	for w := range all {
		words = append(words, w)
	}
	slices.Sort(words)
	remap := map[*dict][]uint32{}
	for _, d := range dicts {
		m := make([]uint32, len(d.ends))
		for id, w := range dictWords[d] {
			i, _ := slices.BinarySearch(words, w)
			m[id] = uint32(i)
		}
		remap[d] = m
	}

	// Postings: count, then fill in article order so each list is ascending.
	end := make([]uint32, len(words))
	for _, c := range chunks {
		m := remap[c.dict]
		for _, id := range c.ids {
			end[m[id]]++
		}
	}
	var total uint32
	for i, n := range end {
		total += n
		end[i] = total
	}
	post := make([]uint32, total)
	fill := make([]uint32, len(words))
	for i := range fill {
		if i > 0 {
			fill[i] = end[i-1]
		}
	}
	for ci, c := range chunks {
		m := remap[c.dict]
		start := uint32(0)
		for k, e := range c.end {
			for _, id := range c.ids[start:e] {
				g := m[id]
				post[fill[g]] = uint32(ci*chunk + k)
				fill[g]++
			}
			start = e
		}
	}
	return &wordIndex{words: words, end: end, post: post}
}

// addWords appends to ids the dictionary ids of the words of text not yet seen in article a.
// It folds as appendKey does (lower case, ё as е), with fast paths for ASCII and Russian.
func (d *dict) addWords(ids []uint32, buf []byte, text string, a int32) ([]uint32, []byte) {
	buf = buf[:0]
	for i := 0; i <= len(text); {
		var c byte
		if i < len(text) {
			c = text[i]
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			buf = append(buf, c)
			i++
			continue
		case 'A' <= c && c <= 'Z':
			buf = append(buf, c+'a'-'A')
			i++
			continue
		case c == 0xD0 && i+1 < len(text): // А–Я, а–п, Ё
			c2 := text[i+1]
			switch {
			case 0x90 <= c2 && c2 <= 0x9F: // А–П → а–п
				buf = append(buf, 0xD0, c2+0x20)
			case 0xA0 <= c2 && c2 <= 0xAF: // Р–Я → р–я
				buf = append(buf, 0xD1, c2-0x20)
			case 0xB0 <= c2 && c2 <= 0xBF: // а–п
				buf = append(buf, 0xD0, c2)
			case c2 == 0x81: // Ё → е
				buf = append(buf, 0xD0, 0xB5)
			default:
				goto slow
			}
			i += 2
			continue
		case c == 0xD1 && i+1 < len(text): // р–я, ё
			c2 := text[i+1]
			switch {
			case 0x80 <= c2 && c2 <= 0x8F:
				buf = append(buf, 0xD1, c2)
			case c2 == 0x91: // ё → е
				buf = append(buf, 0xD0, 0xB5)
			default:
				goto slow
			}
			i += 2
			continue
		case c < utf8.RuneSelf:
			i++
			if len(buf) > 0 {
				ids = d.add(ids, buf, a)
				buf = buf[:0]
			}
			continue
		}
	slow:
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else if len(buf) > 0 {
			ids = d.add(ids, buf, a)
			buf = buf[:0]
		}
	}
	return ids, buf
}

// add appends the id of word w to ids unless article a already had it.
func (d *dict) add(ids []uint32, w []byte, a int32) []uint32 {
	id := d.id(w)
	if d.seen[id] != a {
		d.seen[id] = a
		ids = append(ids, id)
	}
	return ids
}
