package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

type dbgMention struct {
	Start, End int
	Type       string
	SpanTypes  []string `json:"span_types"`
}

type dbgDoc struct {
	ID, Split, Text string
	CountryCodes    []string `json:"country_codes"`
	Mentions        []dbgMention
}

func TestDebugSpans(t *testing.T) {
	if os.Getenv("EVAL_SPANS") == "" {
		t.Skip()
	}
	f, _ := os.Open(evalPath)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	out, _ := os.Create("/tmp/places2/spans.tsv")
	defer out.Close()
	for sc.Scan() {
		var d dbgDoc
		json.Unmarshal(sc.Bytes(), &d)
		var s scan
		s.reset(d.Text)
		strong := map[string]bool{}
		type occ struct {
			code      string
			i, rs, re int
		}
		var occs []occ
		for i := 0; i < len(s.words); {
			code, n, _ := s.countryAt(i)
			if n > 0 {
				if code != "" {
					cw, ok := ru.CountryWordOf(s.folds[i])
					if n == 1 && ok && cw.Kind == ru.CountryAdjective && !mayBeAbbreviation(s.textOf(i)) {
						rs := utf8.RuneCountInString(d.Text[:s.words[i].start])
						re := rs + utf8.RuneCountInString(s.textOf(i))
						occs = append(occs, occ{code, i, rs, re})
					} else {
						strong[code] = true
					}
				}
				i += n
				continue
			}
			if s.words[i].hyphen {
				s.hyphenParts(i, func(st, en int) bool {
					if c, ok := ru.CountryAbbr(s.textOf(i)[st:en]); ok {
						strong[c] = true
					} else if cw, ok := ru.CountryWordOf(s.folds[i][st:en]); ok {
						strong[cw.Code] = true
					}
					return true
				})
			}
			i++
		}
		for _, o := range occs {
			ann := false
			for _, m := range d.Mentions {
				if m.Type == "LOC" && m.Start <= o.rs && m.End >= o.re && m.End-m.Start <= o.re-o.rs+2 {
					ann = true
				}
			}
			w := func(j int) string {
				if j < 0 || j >= len(s.words) {
					return "-"
				}
				return s.folds[j]
			}
			gold := false
			for _, c := range d.CountryCodes {
				gold = gold || c == o.code
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%v\t%v\t%v\t%s\t%s\t%s\t%s\t%s\n", d.Split, d.ID, o.code, ann, strong[o.code], gold, w(o.i-1), s.textOf(o.i), w(o.i+1), w(o.i+2), w(o.i+3))
		}
	}
}
