package extract

import (
	"os"
	"testing"
)

func TestPlacesDebug(t *testing.T) {
	if os.Getenv("PLACES_DEBUG") == "" {
		t.Skip()
	}
	for _, d := range loadEval(t, os.Getenv("EVAL_SPLIT")) {
		a := evalArticle(d)
		Annotate(a)
		want := map[string]bool{}
		for _, c := range d.CountryCodes {
			want[c] = true
		}
		for _, m := range a.Mentions {
			if m.Kind == 1 && !want[m.Key] {
				txt := a.BlockText(m.Block)
				lo, hi := max(0, m.Start-40), min(len(txt), m.End+30)
				t.Logf("FP %s %s: …%s[[%s]]%s…", d.ID, m.Key, txt[lo:m.Start], txt[m.Start:m.End], txt[m.End:hi])
			}
		}
	}
}
