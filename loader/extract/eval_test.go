package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// evalPath is factRuEval-2016 as the project's shared folder holds it, beside the repository.
var evalPath = filepath.Join("..", "..", "..", "shared", "eval", "factrueval2016_ru.jsonl")

// Floors near what extraction reaches on the test split; raise them as it improves.
const (
	peopleF1Floor    = 0.82
	countriesF1Floor = 0.955
)

type evalEntity struct {
	Type      string   `json:"type"`
	Canonical string   `json:"canonical"`
	Variants  []string `json:"variants"`
}

type evalDoc struct {
	ID           string       `json:"id"`
	Split        string       `json:"split"`
	Text         string       `json:"text"`
	CountryCodes []string     `json:"country_codes"`
	Entities     []evalEntity `json:"entities"`
}

func loadEval(t testing.TB, split string) []evalDoc {
	t.Helper()
	f, err := os.Open(evalPath)
	if err != nil {
		t.Skipf("factRuEval not found beside the repository: %v", err)
	}
	defer f.Close()
	var docs []evalDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d evalDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if split == "" || d.Split == split {
			docs = append(docs, d)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return docs
}

// evalArticle turns an eval document into an article: the first line is the title (as in a
// file without a header), the rest are paragraphs.
func evalArticle(d evalDoc) *model.Article {
	a := &model.Article{ID: d.ID}
	for _, p := range strings.Split(d.Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: p})
		}
	}
	return a
}

type score struct{ tp, fp, fn int }

func (s score) String() string {
	p := float64(s.tp) / max(1, float64(s.tp+s.fp))
	r := float64(s.tp) / max(1, float64(s.tp+s.fn))
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", p, r, s.f1(), s.tp, s.fp, s.fn)
}

func (s score) f1() float64 {
	if s.tp == 0 {
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

// personMatches applies the eval's rule: equal to a variant or the canonical name, or sharing
// its first and last word with the canonical name.
func personMatches(name string, g evalEntity) bool {
	name = ru.Fold(name)
	canon := ru.Fold(g.Canonical)
	if name == canon {
		return true
	}
	for _, v := range g.Variants {
		if ru.Fold(v) == name {
			return true
		}
	}
	nw, cw := strings.Fields(name), strings.Fields(canon)
	return len(nw) > 1 && len(cw) > 1 && nw[0] == cw[0] && nw[len(nw)-1] == cw[len(cw)-1]
}

// scoreDoc scores one document's people and countries, and returns the misses for reports.
func scoreDoc(d evalDoc, a *model.Article) (people, countries score, fps, fns []string) {
	var gold []evalEntity
	for _, e := range d.Entities {
		// A few gold persons have no name at all (canonical null, no variants): no extracted
		// name can match them, so they are not scored.
		if e.Type == "PER" && (e.Canonical != "" || len(e.Variants) > 0) {
			gold = append(gold, e)
		}
	}
	used := make([]bool, len(gold))
	for _, p := range a.People {
		hit := false
		for i, g := range gold {
			if !used[i] && personMatches(p.Name, g) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			people.tp++
		} else {
			people.fp++
			fps = append(fps, p.Name)
		}
	}
	for i, g := range gold {
		if !used[i] {
			people.fn++
			fns = append(fns, g.Canonical)
		}
	}
	want := map[string]bool{}
	for _, c := range d.CountryCodes {
		want[c] = true
	}
	got := map[string]bool{}
	for _, c := range a.Countries {
		got[c.Code] = true
		if want[c.Code] {
			countries.tp++
		} else {
			countries.fp++
			fps = append(fps, c.Code)
		}
	}
	for c := range want {
		if !got[c] {
			countries.fn++
			fns = append(fns, c)
		}
	}
	return people, countries, fps, fns
}

func runEval(t *testing.T, split string) (people, countries score) {
	verbose := os.Getenv("EVAL_VERBOSE") != ""
	for _, d := range loadEval(t, split) {
		a := evalArticle(d)
		Annotate(a)
		p, c, fps, fns := scoreDoc(d, a)
		people.tp, people.fp, people.fn = people.tp+p.tp, people.fp+p.fp, people.fn+p.fn
		countries.tp, countries.fp, countries.fn = countries.tp+c.tp, countries.fp+c.fp, countries.fn+c.fn
		if verbose && (len(fps) > 0 || len(fns) > 0) {
			t.Logf("%s\n  extra: %q\n  missed: %q", d.ID, fps, fns)
		}
	}
	return people, countries
}

// TestEvalFactRuEval measures extraction on the factRuEval-2016 test split and fails below the
// floors. EVAL_VERBOSE=1 lists every extra and missed entity; EVAL_SPLIT=dev measures the dev split.
func TestEvalFactRuEval(t *testing.T) {
	split := "test"
	if s := os.Getenv("EVAL_SPLIT"); s != "" {
		split = s
	}
	people, countries := runEval(t, split)
	t.Logf("factRuEval %s people:    %v", split, people)
	t.Logf("factRuEval %s countries: %v", split, countries)
	fmt.Printf("factRuEval %s people:    %v\nfactRuEval %s countries: %v\n", split, people, split, countries)
	if split == "test" {
		if people.f1() < peopleF1Floor {
			t.Errorf("people F1 %.3f below the floor %.3f", people.f1(), peopleF1Floor)
		}
		if countries.f1() < countriesF1Floor {
			t.Errorf("countries F1 %.3f below the floor %.3f", countries.f1(), countriesF1Floor)
		}
	}
}
