package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestPeopleSnapshot(t *testing.T) {
	mode := os.Getenv("PEOPLE_SNAPSHOT")
	if mode == "" {
		t.Skip()
	}
	path := "/tmp/peoplefast/snap.txt"
	var b strings.Builder
	var ids, outs []string
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
