package loader

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model"
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
		ms := k.newMentions(i % 50)
		if len(ms) != i%50 || cap(ms) != len(ms) || (ms == nil) != (i%50 == 0) {
			t.Fatalf("newMentions(%d): len %d cap %d", i%50, len(ms), cap(ms))
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
	if got := k.newMentions(mentionsKept + 1); len(got) != mentionsKept+1 {
		t.Errorf("a long list: %d mentions", len(got))
	}
}

// TestPackKeepsArticles packs the seed corpus and checks that every article reads as before
// and that its lists end where they did (appending to one does not write into the next).
func TestPackKeepsArticles(t *testing.T) {
	c, err := Load(context.Background(), nil, Options{NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	articles := slices.Clone(c.Articles)
	before := make([]model.Article, len(articles))
	for i, a := range articles {
		before[i] = *a
	}
	pack(articles)
	for i, a := range articles {
		if a == c.Articles[i] {
			t.Fatalf("%s: not moved", a.ID)
		}
		if !reflect.DeepEqual(*a, before[i]) {
			t.Errorf("%s: changed by packing", a.ID)
		}
		if cap(a.Blocks) != len(a.Blocks) || cap(a.People) != len(a.People) || cap(a.Countries) != len(a.Countries) {
			t.Errorf("%s: lists have spare capacity after packing", a.ID)
		}
	}
}
