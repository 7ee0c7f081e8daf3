package loader

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/loader/extract"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/seeds"
)

// TestKeeperKeepsTexts fills several blocks and checks that every text handed out still reads
// as it was kept, and that a big one leaves the block alone.
func TestKeeperKeepsTexts(t *testing.T) {
	var k keeper
	var kept, want []string
	for i := range 3000 {
		s := fmt.Sprintf("статья %d: %s", i, strings.Repeat("текст ", i%200))
		kept = append(kept, k.keepText([]byte(s)))
		want = append(want, s)
	}
	for i := range kept {
		if kept[i] != want[i] {
			t.Fatalf("text %d changed: %.40q, want %.40q", i, kept[i], want[i])
		}
	}
	big := []byte(strings.Repeat("ж", textKept))
	if got := k.keepText(big); got != string(big) || k.text.Len() > textBlock {
		t.Errorf("a %d-byte text: %d bytes back, block at %d bytes", len(big), len(got), k.text.Len())
	}
	var none *keeper
	if got := none.keepText([]byte("без блока")); got != "без блока" {
		t.Errorf("nil keeper: %q", got)
	}
}

// TestKeeperMentions checks that mention lists handed out do not overlap: appending to one,
// or filling the next, leaves the others as they were.
func TestKeeperMentions(t *testing.T) {
	var k keeper
	var lists [][]model.Mention
	for i := range 2000 {
		ms := k.Mentions(i % 50)
		if len(ms) != i%50 || cap(ms) != len(ms) || (ms == nil) != (i%50 == 0) {
			t.Fatalf("Mentions(%d): len %d cap %d", i%50, len(ms), cap(ms))
		}
		for j := range ms {
			ms[j] = model.Mention{Ref: uint16(i), Span: model.Span{Start: int32(j)}}
		}
		lists = append(lists, ms)
	}
	_ = append(lists[7], model.Mention{Ref: 9999}) // must copy, not spill into list 8
	for i, ms := range lists {
		for j, m := range ms {
			if m.Ref != uint16(i) || m.Start != int32(j) {
				t.Fatalf("list %d, mention %d: %+v", i, j, m)
			}
		}
	}
	if got := k.Mentions(mentionBlock/16 + 1); len(got) != mentionBlock/16+1 {
		t.Errorf("a long list: %d mentions", len(got))
	}
}

// TestKeeperKeepsArticles keeps every seed article, as parsed and annotated, and checks that
// each copy reads as the original and that its lists end where they did: appending to one
// does not write into the next article's.
func TestKeeperKeepsArticles(t *testing.T) {
	var k keeper
	var originals, kept []*model.Article
	files, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	for range 100 { // enough to fill more than one block of articles
		for _, file := range files {
			data, err := fs.ReadFile(seeds.FS, file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := parse("id", file, data, nil)
			if err != nil {
				t.Fatal(err)
			}
			extract.Annotate(p.article)
			originals = append(originals, p.article)
			kept = append(kept, k.keepArticle(p.article))
		}
	}
	for i, a := range kept {
		_ = append(a.Blocks, model.Block{Text: "лишний"})
		_ = append(a.People, model.PersonRef{Role: "лишний"})
		if i > 0 && a == kept[i-1] {
			t.Fatalf("article %d: not copied", i)
		}
	}
	for i, a := range kept {
		if a == originals[i] || !reflect.DeepEqual(*a, *originals[i]) {
			t.Fatalf("article %d (%.30s): changed by keeping", i, a.Title)
		}
		if cap(a.Blocks) != len(a.Blocks) || cap(a.People) != len(a.People) ||
			cap(a.Countries) != len(a.Countries) || cap(a.Orgs) != len(a.Orgs) || cap(a.Credits) != len(a.Credits) {
			t.Fatalf("article %d: lists have spare capacity", i)
		}
	}
	var none *keeper
	if a := originals[0]; none.keepArticle(a) != a {
		t.Error("a nil keeper copied the article")
	}
}
