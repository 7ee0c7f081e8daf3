package extract

import (
	"os"
	"testing"

	"github.com/dispatch-news/dispatch/model/ru"
)

func TestPlacesEvidence(t *testing.T) {
	if os.Getenv("PLACES_DEBUG") == "" {
		t.Skip()
	}
	stats := map[string]int{}
	for _, d := range loadEval(t, os.Getenv("EVAL_SPLIT")) {
		a := evalArticle(d)
		Annotate(a)
		want := map[string]bool{}
		for _, c := range d.CountryCodes {
			want[c] = true
		}
		noun := map[string]bool{}
		adj := map[string]bool{}
		for _, m := range a.Mentions {
			if m.Kind != 1 {
				continue
			}
			txt := ru.Fold(a.BlockText(m.Block)[m.Start:m.End])
			if cw, ok := ru.CountryWordOf(txt); ok && cw.Kind == ru.CountryAdjective {
				adj[m.Key] = true
			} else {
				noun[m.Key] = true
			}
		}
		for _, m := range a.Mentions {
			if m.Kind == 1 && adj[m.Key] && !noun[m.Key] {
				txt := a.BlockText(m.Block)
				lo, hi := max(0, m.Start-50), min(len(txt), m.End+40)
				t.Logf("ADJ %v %s: %q", want[m.Key], m.Key, txt[lo:hi])
			}
		}
		for c := range adj {
			if !noun[c] {
				if want[c] {
					stats["adjonly-tp"]++
				} else {
					stats["adjonly-fp"]++
				}
			}
		}
		for c := range noun {
			if want[c] {
				stats["noun-tp"]++
			} else {
				stats["noun-fp"]++
			}
		}
	}
	t.Log(stats)
}
