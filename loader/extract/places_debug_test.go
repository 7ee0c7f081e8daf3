package extract

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

func TestDebugAdjectives(t *testing.T) {
	split := os.Getenv("EVAL_SPLIT")
	if split == "" {
		t.Skip()
	}
	type doc struct {
		ID           string
		CountryCodes []string
		texts        []string
	}
	var docs []doc
	if split == "seeds" {
		for id, texts := range seedTexts(t) {
			docs = append(docs, doc{ID: id, texts: texts})
		}
	} else {
		for _, d := range loadEval(t, split) {
			a := evalArticle(d)
			texts := []string{a.Title}
			for _, b := range a.Blocks {
				texts = append(texts, b.Text)
			}
			docs = append(docs, doc{d.ID, d.CountryCodes, texts})
		}
	}
	for _, d := range docs {
		texts := d.texts
		strong := map[string]bool{}
		adj := map[string][]string{}
		var s scan
		for _, text := range texts {
			s.reset(text)
			for i := 0; i < len(s.words); {
				code, n, _ := s.countryAt(i)
				if n > 0 {
					if code != "" {
						cw, ok := ru.CountryWordOf(s.folds[i])
						if n == 1 && ok && cw.Kind == ru.CountryAdjective && !mayBeAbbreviation(s.textOf(i)) {
							ctx := []string{}
							for j := max(0, i-2); j < min(len(s.words), i+4); j++ {
								w := s.textOf(j)
								if j == i {
									w = "[" + w + "]"
								}
								ctx = append(ctx, w)
							}
							adj[code] = append(adj[code], strings.Join(ctx, " "))
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
		}
		for code, ctxs := range adj {
			if strong[code] {
				continue
			}
			gold := slices.Contains(d.CountryCodes, code)
			fmt.Printf("ADJ %s %s gold=%v n=%d\n", d.ID, code, gold, len(ctxs))
			for _, c := range ctxs {
				fmt.Printf("    %s\n", c)
			}
		}
	}
}

func TestDebugContexts(t *testing.T) {
	want := os.Getenv("EVAL_CTX") // "doc:CODE,doc:CODE"
	if want == "" {
		t.Skip()
	}
	for _, d := range loadEval(t, "") {
		for _, item := range strings.Split(want, ",") {
			id, code, _ := strings.Cut(item, ":")
			if !strings.HasSuffix(d.ID, "/"+id) {
				continue
			}
			var s scan
			s.reset(d.Text)
			for i := 0; i < len(s.words); i++ {
				c, n, _ := s.countryAt(i)
				hit := n > 0 && c == code
				if !hit && s.words[i].hyphen {
					s.hyphenParts(i, func(st, en int) bool {
						if cw, ok := ru.CountryWordOf(s.folds[i][st:en]); ok && cw.Code == code {
							hit = true
						}
						if c, ok := ru.CountryAbbr(s.textOf(i)[st:en]); ok && c == code {
							hit = true
						}
						return true
					})
				}
				if hit {
					lo, hi := max(0, s.words[i].start-60), min(len(d.Text), s.words[i].end+60)
					for lo > 0 && !utf8.RuneStart(d.Text[lo]) {
						lo--
					}
					for hi < len(d.Text) && !utf8.RuneStart(d.Text[hi]) {
						hi++
					}
					fmt.Printf("%s %s: %s\n", id, code, strings.ReplaceAll(d.Text[lo:hi], "\n", " / "))
				}
			}
		}
	}
}
