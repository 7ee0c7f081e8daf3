package loader

import (
	"strings"

	"github.com/dispatch-news/dispatch/model"
)

// keeper packs what the corpus keeps of small files, their texts and their mentions, end to
// end into shared blocks, as long-lived as the corpus. One allocation per file would round each
// up to the allocator's next size class (about 10% of a corpus of 5 KB articles) and scatter
// the corpus among the loader's short-lived garbage, in memory the process could not give back
// afterwards. A loading goroutine has one keeper; a nil keeper allocates each on its own.
type keeper struct {
	text     strings.Builder // the current text block; bytes handed out never change
	mentions []model.Mention // the current mention block; its free space is past len
}

const (
	textBlock = 1 << 20
	// Bigger texts and mention lists get their own allocation, so a block never ends in more
	// than a sixteenth of it unused.
	textKept = textBlock / 16

	mentionBlock = 1 << 12
	mentionsKept = mentionBlock / 16
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

// newMentions returns room for n mentions, zeroed, with no capacity beyond them (nil for none).
func (k *keeper) newMentions(n int) []model.Mention {
	if n == 0 {
		return nil
	}
	if k == nil || n > mentionsKept {
		return make([]model.Mention, n)
	}
	if cap(k.mentions)-len(k.mentions) < n {
		k.mentions = make([]model.Mention, 0, mentionBlock)
	}
	start := len(k.mentions)
	k.mentions = k.mentions[:start+n]
	return k.mentions[start : start+n : start+n]
}

// pack copies the articles, their blocks, credits and entity refs into one allocation of each
// kind, in order, and points articles at the copies. Loading made them one by one on several
// goroutines among its garbage, scattered over memory that stays resident once the garbage is
// freed; packed, they take a few large blocks and the scattered memory can be given back.
func pack(articles []*model.Article) {
	var blocks, credits, people, countries, orgs int
	for _, a := range articles {
		blocks += len(a.Blocks)
		credits += len(a.Credits)
		people += len(a.People)
		countries += len(a.Countries)
		orgs += len(a.Orgs)
	}
	packed := make([]model.Article, len(articles))
	bs := make([]model.Block, 0, blocks)
	cs := make([]string, 0, credits)
	ps := make([]model.PersonRef, 0, people)
	ks := make([]model.CountryRef, 0, countries)
	rs := make([]model.OrgRef, 0, orgs)
	for i, a := range articles {
		p := &packed[i]
		*p = *a
		p.Blocks, bs = moveTo(bs, a.Blocks)
		p.Credits, cs = moveTo(cs, a.Credits)
		p.People, ps = moveTo(ps, a.People)
		p.Countries, ks = moveTo(ks, a.Countries)
		p.Orgs, rs = moveTo(rs, a.Orgs)
		articles[i] = p
	}
}

// moveTo appends items to block, which has room for them, and returns the copy and the block.
func moveTo[T any](block, items []T) ([]T, []T) {
	if items == nil {
		return nil, block
	}
	start := len(block)
	block = append(block, items...)
	return block[start:len(block):len(block)], block
}
