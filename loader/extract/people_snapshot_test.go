package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestPeopleSnapshot writes (PEOPLE_SNAPSHOT=write) or compares (=check) findPeople's output
// on every eval document and seed, to check that a speed-up changes nothing. Temporary.
func TestPeopleSnapshot(t *testing.T) {
	mode := os.Getenv("PEOPLE_SNAPSHOT")
	if mode == "" {
		t.Skip()
	}
	path := "/tmp/peoplefast/snap.txt"
	var b strings.Builder
	var ids []string
	var outs []string
	add := func(id, split string, texts []string) {
		refs, ms := findPeople(texts, nil)
		var s strings.Builder
		for _, r := range refs {
			fmt.Fprintf(&s, "%s|%s|%d;", r.Name, r.Role, r.Mentions)
		}
		for _, m := range ms {
			fmt.Fprintf(&s, "%s@%d:%d-%d;", m.Key, m.Block, m.Start, m.End)
		}
		ids = append(ids, split+" "+id)
		outs = append(outs, s.String())
		fmt.Fprintf(&b, "%s %s\t%s\n", split, id, s.String())
	}
	for _, d := range loadEval(t, "") {
		a := evalArticle(d)
		add(d.ID, d.Split, append([]string{a.Title}, blockTexts(a)...))
	}
	for _, a := range seedArticles(t) {
		add(a.ID, "seed", append([]string{a.Title}, blockTexts(a)...))
	}
	if mode == "write" {
		os.WriteFile(path, []byte(b.String()), 0o644)
		return
	}
	old, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(old), "\n"), "\n")
	diffs := 0
	for i, l := range lines {
		_, o, _ := strings.Cut(l, "\t")
		if i < len(outs) && o != outs[i] {
			diffs++
			if !strings.HasPrefix(ids[i], "test") {
				t.Logf("%s\n old %s\n new %s", ids[i], o, outs[i])
			}
		}
	}
	t.Logf("%d of %d documents differ", diffs, len(outs))
}

func BenchmarkTokenizeNews(b *testing.B) {
	var texts []string
	size := 0
	for _, d := range loadEval(b, "") {
		a := evalArticle(d)
		for _, s := range append([]string{a.Title}, blockTexts(a)...) {
			texts = append(texts, s)
			size += len(s)
		}
	}
	b.SetBytes(int64(size))
	var toks []wordToken
	cache := wordCache{}
	n, up := 0, 0
	for b.Loop() {
		n, up = 0, 0
		for _, t := range texts {
			toks = tokenizeWords(t, toks[:0], cache)
			n += len(toks)
			for i := range toks {
				if toks[i].upper {
					up++
				}
			}
		}
	}
	b.Logf("%d tokens, %d capitalised, %d bytes", n, up, size)
}

func TestPeopleDebug(t *testing.T) {
	s := os.Getenv("PEOPLE_DEBUG")
	if s == "" {
		t.Skip()
	}
	refs, ms := findPeople(strings.Split(s, "\n"), nil)
	for _, r := range refs {
		t.Logf("%s | %s | %d", r.Name, r.Role, r.Mentions)
	}
	t.Logf("%v", ms)
}
