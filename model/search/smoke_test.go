package search

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model/corpusgen"
)

func TestSmoke(t *testing.T) {
	c := corpusgen.Corpus(100000, 1)
	t0 := time.Now()
	ix := New(c); ix.Ready(context.Background())
	fmt.Println("build", time.Since(t0), len(ix.words.words), len(ix.words.post))
	for _, q := range []string{"", "к", "ко", "кош", "кошербаев", "Кошербаевым", "k", "kosh", "kosherbayev", "Kosherbaev", "zzzq", "франция", "Франции", "France", "FR", "нейтральности", "person:Kosherbayev since:2025-11 АЭС", "since:garbage foo:bar"} {
		t0 := time.Now()
		r, err := ix.Search(context.Background(), q, Options{})
		d := time.Since(t0)
		t1 := time.Now()
		r2, _ := ix.Search(context.Background(), q, Options{Limit: 50, FirstScreen: true})
		d2 := time.Since(t1)
		fmt.Printf("%-40q %8d %v %v | %d %v %v\n", q, r.Total, d, err, r2.Total, r2.Partial, d2)
		for _, h := range r.Hits[:min(3, len(r.Hits))] {
			label := ""
			switch h.Kind {
			case Article:
				label = c.Articles[h.Index].Title
			case Person:
				label = c.People[h.Index].Name
			case Country:
				label = c.Countries[h.Index].Name
			case Org:
				label = c.Orgs[h.Index].Abbr
			}
			fmt.Println("   ", h.Kind, h.Score, h.Fields.Names(), label, Highlight(q, label))
		}
		if len(r.Problems) > 0 {
			fmt.Println("   ", r.Problems)
		}
	}
}
