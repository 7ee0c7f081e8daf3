package loader

import (
	"strings"

	"github.com/dispatch-news/dispatch/model"
)

// keeper packs what the corpus keeps of small files, their texts, articles and lists, end to
// end into shared blocks, as long-lived as the corpus. One allocation per file would round each
// up to the allocator's next size class (about 10% of a corpus of 5 KB articles) and scatter
// the corpus among the loader's short-lived garbage, in memory the process could not give back
// afterwards. Packing as each file is done costs nothing at the end of a load, where only one
// goroutine works. A loading goroutine has one keeper; a nil keeper allocates each on its own.
type keeper struct {
	text      strings.Builder // the current text block; bytes handed out never change
	mentions  slab[model.Mention]
	articles  slab[model.Article]
	blocks    slab[model.Block]
	credits   slab[string]
	people    slab[model.PersonRef]
	countries slab[model.CountryRef]
	orgs      slab[model.OrgRef]

	paras    []string // the paragraphs of the file being parsed, reused from file to file
	entities entities // one copy of each entity value (see entities.go)
}

const (
	textBlock = 1 << 20
	// Bigger texts get their own allocation, so a block never ends in more than a sixteenth
	// of it unused; so do lists longer than a sixteenth of a slab's block.
	textKept = textBlock / 16

	// Items in a block of each slab.
	mentionBlock = 1 << 12
	articleBlock = 1 << 8
	blockBlock   = 1 << 12
	creditBlock  = 1 << 10
	refBlock     = 1 << 11
)

// keepText returns data as a string.
func (k *keeper) keepText(data []byte) string {
	if k == nil || len(data) > textKept {
		return string(data)
	}
	if k.text.Cap()-k.text.Len() < len(data) {
		k.text = strings.Builder{}
		k.text.Grow(textBlock)
	}
	start := k.text.Len()
	k.text.Write(data)
	return k.text.String()[start:]
}

// paragraphs returns an empty list to split a text into, reused from file to file.
func (k *keeper) paragraphs() []string {
	if k == nil {
		return nil
	}
	return k.paras[:0]
}

// keepParagraphs keeps paras, once parsed, for the next file.
func (k *keeper) keepParagraphs(paras []string) {
	if k != nil && cap(paras) <= 1<<12 {
		k.paras = paras[:0]
	}
}

// keepArticle returns a copy of a, and of its blocks and credits, in the keeper's blocks. Its
// texts, refs and mentions are left where they are: in the keeper's blocks already (see
// keepText, and the keeper as extract.Lists in entities.go).
func (k *keeper) keepArticle(a *model.Article) *model.Article {
	if k == nil {
		return a
	}
	kept := k.newArticle()
	*kept = *a
	kept.Blocks = k.blocks.copyOf(a.Blocks, blockBlock)
	kept.Credits = k.credits.copyOf(a.Credits, creditBlock)
	return kept
}

// newArticle returns a zeroed article in the keeper's blocks.
func (k *keeper) newArticle() *model.Article {
	return &k.articles.room(1, articleBlock)[0]
}

// slab hands out runs of items from blocks it allocates.
type slab[T any] struct {
	free []T // the current block; its free space is past len
}

// room returns n zeroed items with no capacity beyond them (nil for none), from a block of
// blockLen items unless n is more than a sixteenth of that.
// A nil slab allocates each run on its own.
func (s *slab[T]) room(n, blockLen int) []T {
	if n == 0 {
		return nil
	}
	if s == nil || n > blockLen/16 {
		return make([]T, n)
	}
	if cap(s.free)-len(s.free) < n {
		s.free = make([]T, 0, blockLen)
	}
	start := len(s.free)
	s.free = s.free[:start+n]
	return s.free[start : start+n : start+n]
}

// copyOf returns a copy of items as room does (nil stays nil, an empty list stays empty).
func (s *slab[T]) copyOf(items []T, blockLen int) []T {
	if items == nil {
		return nil
	}
	if len(items) == 0 {
		return []T{} // empty, without holding on to items' array
	}
	kept := s.room(len(items), blockLen)
	copy(kept, items)
	return kept
}
