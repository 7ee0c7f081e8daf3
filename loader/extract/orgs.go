package extract

import (
	"cmp"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// orgHit is one organisation found in a text, before the article-wide checks.
type orgHit struct {
	org         ru.OrgName
	block       int
	start, end  int
	byAbbr      bool   // found by its abbreviation alone
	countryCode string // for a ministry: the country the text names with it
}

// orgFinder collects the organisations of one article.
type orgFinder struct {
	hits     []orgHit
	fullName map[string]bool // keys of organisations the article names in full
}

// orgAt matches an organisation at word i: a multi-word name in any case form, an abbreviation
// exactly as written, or a single-word name. It returns the number of words used (0: none).
func (s *scan) orgAt(i int) (org ru.OrgName, n int, byAbbr bool) {
	text := s.textOf(i)
	if !startsUpper(text) {
		return ru.OrgName{}, 0, false
	}
	if org, n := ru.OrgPhraseAt(s.folds[i:s.ends[i]]); n > 0 {
		return org, n, false
	}
	if mayBeAbbreviation(text) {
		if org, ok := ru.OrgByAbbr(text); ok {
			return org, 1, true
		}
	}
	if org, ok := ru.OrgWordOf(s.folds[i]); ok {
		return org, 1, false
	}
	return ru.OrgName{}, 0, false
}

// ministryCountry finds the country a ministry found at words [i, i+n) belongs to: named after
// it ("МИД Казахстана", "МИД РК", "Министерства иностранных дел Республики Узбекистан") or by an
// adjective before it ("российского МИД").
func (s *scan) ministryCountry(i, n int) string {
	if next := i + n; next < len(s.words) && s.words[next].joined {
		if code, m, _ := s.countryAt(next); m > 0 && code != "" {
			return code
		}
	}
	if i > 0 && s.words[i].joined {
		if cw, ok := ru.CountryWordOf(s.folds[i-1]); ok && cw.Kind == ru.CountryAdjective {
			return cw.Code
		}
	}
	return ""
}

// find adds the organisations of one scanned text.
func (f *orgFinder) find(s *scan, block int) {
	for i := 0; i < len(s.words); {
		org, n, byAbbr := s.orgAt(i)
		if n == 0 {
			w, text := s.words[i], s.textOf(i)
			s.hyphenParts(i, func(start, end int) bool {
				if org, ok := ru.OrgByAbbr(text[start:end]); ok {
					f.hits = append(f.hits, orgHit{org: org, block: block, start: w.start + start, end: w.start + end, byAbbr: true})
				}
				return true
			})
			i++
			continue
		}
		h := orgHit{org: org, block: block, start: s.words[i].start, end: s.words[i+n-1].end, byAbbr: byAbbr}
		if org.Ministry {
			h.countryCode = s.ministryCountry(i, n)
		}
		if !byAbbr {
			if f.fullName == nil {
				f.fullName = map[string]bool{}
			}
			f.fullName[org.Key] = true
		}
		f.hits = append(f.hits, h)
		i += n
	}
}

// resolve turns the hits of an article into organisations and mentions. An abbreviation that
// is also a common word ("АС") counts only when the article gives the full name too; a foreign
// ministry is keyed by its country ("МИД KZ"), and one named without it ("сообщает МИД") is the
// one, among those the article names with a country, whose country it mentions most.
func (f *orgFinder) resolve(countryMentions []model.Mention) ([]model.OrgRef, []model.Mention) {
	if len(f.hits) == 0 {
		return nil, nil
	}
	defaultMinistry := ""
	var counts map[string]int
	for _, h := range f.hits {
		c := h.countryCode
		if c == "" || c == defaultMinistry {
			continue
		}
		if counts == nil {
			counts = map[string]int{}
			for _, m := range countryMentions {
				counts[m.Key]++
			}
		}
		if defaultMinistry == "" || counts[c] > counts[defaultMinistry] {
			defaultMinistry = c
		}
	}
	var refs []model.OrgRef
	var mentions []model.Mention
	index := map[string]int{}
	for _, h := range f.hits {
		org := h.org
		if org.Confirm && h.byAbbr && !f.fullName[org.Key] {
			continue
		}
		if org.Ministry {
			if m, ok := ru.ForeignMinistry(cmp.Or(h.countryCode, defaultMinistry)); ok {
				org = m
			}
		}
		k, ok := index[org.Key]
		if !ok {
			k = len(refs)
			index[org.Key] = k
			refs = append(refs, model.OrgRef{Organisation: &model.Organisation{
				Key: org.Key, Abbr: org.Abbr, Name: org.Name, NameEn: org.NameEn}})
		}
		refs[k].Mentions++
		mentions = append(mentions, model.Mention{Kind: model.KindOrg, Key: org.Key,
			Span: model.Span{Block: h.block, Start: h.start, End: h.end}})
	}
	return refs, mentions
}
