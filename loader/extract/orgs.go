package extract

import (
	"cmp"
	"slices"

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

// orgFinder collects the organisations of one article. Its slices are reused from article to
// article.
type orgFinder struct {
	hits []orgHit
	// found and counts are resolve's: the organisations of the article and their mentions.
	found  []ru.OrgName
	counts []int
}

// reset empties f for the next article.
func (f *orgFinder) reset() {
	f.hits, f.found, f.counts = f.hits[:0], f.found[:0], f.counts[:0]
}

// orgAt matches an organisation at word i: a multi-word name in any case form, an abbreviation
// exactly as written, or a single-word name. It returns the number of words used (0: none).
func (s *scan) orgAt(i int) (org ru.OrgName, n int, byAbbr bool) {
	w := &s.words[i]
	if !w.upper {
		return ru.OrgName{}, 0, false
	}
	if w.phraseStart {
		var buf [maxPhrase]string
		if org, n := ru.OrgPhraseAt(s.phrase(i, ru.LongestOrgPhrase(), &buf)); n > 0 {
			return org, n, false
		}
	}
	if w.abbreviation {
		if org, ok := ru.OrgByAbbr(s.textOf(i)); ok {
			return org, 1, true
		}
	}
	if org, ok := ru.OrgWordOf(s.fold(i)); ok {
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
		if cw, ok := ru.CountryWordOf(s.fold(i - 1)); ok && cw.Kind == ru.CountryAdjective {
			return cw.Code
		}
	}
	return ""
}

// find adds the organisations of a scanned article.
func (f *orgFinder) find(s *scan) {
	next := 0 // the first word past the last name found
	for _, start := range s.starts {
		i := int(start)
		if i < next || !s.words[i].org {
			continue // inside that name, or no organisation's
		}
		org, n, byAbbr := s.orgAt(i)
		if n == 0 {
			if s.words[i].hyphen {
				f.findInParts(s, i)
			}
			continue
		}
		h := orgHit{org: org, block: s.blockOf(i), start: s.startOf(i), end: s.endOf(i + n - 1), byAbbr: byAbbr}
		if org.Ministry {
			h.countryCode = s.ministryCountry(i, n)
		}
		f.hits = append(f.hits, h)
		next = i + n
	}
}

// findInParts adds the organisations abbreviated in the parts of hyphenated word i
// ("Россия-НАТО").
func (f *orgFinder) findInParts(s *scan, i int) {
	at, text, block := s.startOf(i), s.textOf(i), s.blockOf(i)
	s.hyphenParts(i, func(start, end int) bool {
		if part := text[start:end]; mayBeAbbreviation(part) { // see countryAbbr
			if org, ok := ru.OrgByAbbr(part); ok {
				f.hits = append(f.hits, orgHit{org: org, block: block, start: at + start, end: at + end,
					byAbbr: true})
			}
		}
		return true
	})
}

// resolve turns the hits of an article into organisations and appends their mentions. An
// abbreviation that is also a common word ("АС") counts only when the article gives the full
// name too; a foreign ministry is keyed by its country ("МИД KZ"), and one named without it
// ("сообщает МИД") is the one, among those the article names with a country, whose country it
// mentions most.
func (f *orgFinder) resolve(countries *countryFinder, mentions []mention, lists Lists) ([]model.OrgRef, []mention) {
	if len(f.hits) == 0 {
		return nil, mentions
	}
	defaultMinistry := ""
	for _, h := range f.hits {
		c := h.countryCode
		if c == "" || c == defaultMinistry {
			continue
		}
		if defaultMinistry == "" || countries.mentionsOf(c) > countries.mentionsOf(defaultMinistry) {
			defaultMinistry = c
		}
	}
	var fullName map[string]bool // keys of organisations the article names in full, when asked
	for _, h := range f.hits {
		org := h.org
		if org.Confirm && h.byAbbr {
			if fullName == nil {
				fullName = f.namedInFull()
			}
			if !fullName[org.Key] {
				continue
			}
		}
		if org.Ministry {
			if m, ok := ru.ForeignMinistry(cmp.Or(h.countryCode, defaultMinistry)); ok {
				org = m
			}
		}
		k := slices.IndexFunc(f.found, func(o ru.OrgName) bool { return o.Key == org.Key })
		if k < 0 {
			k = len(f.found)
			f.found = append(f.found, org)
			f.counts = append(f.counts, 0)
		}
		f.counts[k]++
		mentions = append(mentions, mention{Kind: model.KindOrg, Key: org.Key, Ref: k,
			span: span{Block: h.block, Start: h.start, End: h.end}})
	}
	return f.refs(lists), mentions
}

// namedInFull returns the keys of the organisations the article names other than by their
// abbreviation.
func (f *orgFinder) namedInFull() map[string]bool {
	keys := map[string]bool{}
	for _, h := range f.hits {
		if !h.byAbbr {
			keys[h.org.Key] = true
		}
	}
	return keys
}

// refs returns the organisations resolve found, made by lists.
func (f *orgFinder) refs(lists Lists) []model.OrgRef {
	if len(f.found) == 0 {
		return nil
	}
	refs := lists.OrgRefs(len(f.found))
	for k, o := range f.found {
		org := lists.Organisation(model.Organisation{Key: o.Key, Abbr: o.Abbr, Name: o.Name, NameEn: o.NameEn})
		refs[k] = model.OrgRef{Organisation: org, Mentions: f.counts[k]}
	}
	return refs
}
