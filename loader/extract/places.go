package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// countryAt matches a country name at word i: a multi-word name, an abbreviation, or one word
// (a name in any case or an adjective). It returns the ISO code ("" when the words name
// something else, such as "Латинская Америка"), the number of words used (0: no match) and
// whether the match is a lone adjective ("французской").
func (s *scan) countryAt(i int) (code string, n int, adjective bool) {
	w := &s.words[i]
	cw, known := ru.CountryWordOf(s.fold(i))
	// Multi-word names start with a capital; set phrases that are not countries ("шведский
	// стол") start with a country adjective.
	if (w.upper || known && cw.Kind == ru.CountryAdjective) && w.phraseStart {
		var buf [maxPhrase]string
		if code, n := ru.CountryPhraseAt(s.phrase(i, ru.LongestCountryPhrase(), &buf)); n > 0 {
			return code, n, false
		}
	}
	if w.abbreviation {
		if code, ok := ru.CountryAbbr(s.textOf(i)); ok && !s.inDomainName(i) {
			return code, 1, false
		}
	}
	if known && trusted(cw, w.upper, w.sentenceStart) && !s.namesSomethingElse(i, cw) {
		return cw.Code, 1, cw.Kind == ru.CountryAdjective
	}
	return "", 0, false
}

// trusted reports whether a word the gazetteer knows is a country mention where it stands:
// names need a capital (and ambiguous ones such as "Того" a place inside the sentence),
// adjectives may be written in lower case.
func trusted(cw ru.CountryWord, upper, sentenceStart bool) bool {
	if cw.Ignored {
		return false
	}
	return cw.Kind == ru.CountryAdjective || upper && !(cw.Ambiguous && sentenceStart)
}

// inDomainName reports whether word i is a top-level domain (".рф", ".kz") rather than a word.
func (s *scan) inDomainName(i int) bool {
	start := s.startOf(i)
	return start > 0 && s.around(i)[start-1] == '.'
}

// namesSomethingElse reports whether a country word at i is part of another name: a word
// alone in quotes is a ship, a channel or a hotel («Колумбия», «Россия»); a capitalised
// adjective after a name is an epithet (Густав Шведский, Александр Македонский); an adjective
// before "язык" is a language (китайского языка).
func (s *scan) namesSomethingElse(i int, cw ru.CountryWord) bool {
	if s.quoted(i) {
		return true
	}
	if cw.Kind != ru.CountryAdjective {
		return false
	}
	if w := s.words[i]; !w.sentenceStart && w.upper && !w.abbreviation && s.afterName(i) {
		return true
	}
	return i+1 < len(s.words) && s.words[i+1].joined && isLanguageWord(s.fold(i+1))
}

// afterName reports whether only spaces separate word i from a capitalised word that names no
// country: one not kept (see word.afterName) or one kept that the gazetteer does not list.
func (s *scan) afterName(i int) bool {
	if w := s.words[i]; w.afterName {
		return true
	} else if i == 0 || !w.joined || !s.words[i-1].upper {
		return false
	}
	_, country := ru.CountryWordOf(s.fold(i - 1))
	return !country
}

// quoted reports whether word i stands alone in quotes.
func (s *scan) quoted(i int) bool {
	text, start, end := s.around(i), s.startOf(i), s.endOf(i)
	if start == 0 || end == len(text) {
		return false
	}
	if c := text[start-1]; c < utf8.RuneSelf && c != '"' && c != '\'' {
		return false // most often a space
	}
	return isQuote(lastRune(text[:start])) && isQuote(firstRune(text[end:]))
}

func isQuote(r rune) bool {
	if r < utf8.RuneSelf { // most often a space
		return r == '"' || r == '\''
	}
	return strings.ContainsRune("«»“”„", r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isLanguageWord reports whether a folded word is a form of "язык".
func isLanguageWord(fold string) bool {
	switch fold {
	case "язык", "языка", "языку", "языком", "языке", "языки", "языков", "языкам", "языками", "языках":
		return true
	}
	return false
}

// hyphenParts calls yield with the byte range (relative to the word) of each hyphen-separated
// part of word i, for compounds the gazetteer does not list whole ("российско-казахстанских",
// "Россия-НАТО"), until yield returns false. It does nothing for a word without a hyphen.
func (s *scan) hyphenParts(i int, yield func(start, end int) bool) {
	if !s.words[i].hyphen {
		return
	}
	text := s.textOf(i)
	for start := 0; start <= len(text); {
		end := len(text)
		if k := strings.IndexByte(text[start:], '-'); k >= 0 {
			end = start + k
		}
		if end > start && !yield(start, end) {
			return
		}
		start = end + 1
	}
}

// mayBeAbbreviation reports whether a capitalised word goes on in capitals or digits ("РК",
// "G20"), the only words worth an abbreviation lookup.
func mayBeAbbreviation(s string) bool {
	// Most words start with two Cyrillic letters: the second is a capital А..Я (or Ѐ..Џ).
	if len(s) >= 4 && (s[0] == 0xD0 || s[0] == 0xD1) && s[1]&0xC0 == 0x80 && (s[2] == 0xD0 || s[2] == 0xD1) {
		return s[2] == 0xD0 && s[3] <= 0xAF
	}
	size := 1 // the first rune's
	switch c := s[0]; {
	case (c == 0xD0 || c == 0xD1) && len(s) > 1 && s[1]&0xC0 == 0x80:
		size = 2
	case c >= utf8.RuneSelf:
		_, size = utf8.DecodeRuneInString(s)
	}
	if size >= len(s) {
		return false
	}
	if c := s[size]; '0' <= c && c <= '9' {
		return true
	}
	return startsUpper(s[size:])
}

// countryFinder collects the countries of one article. Its slices are reused from article to
// article; an article names few countries, so they are searched rather than indexed.
type countryFinder struct {
	codes  []string // the countries found, in the order of their first mention
	counts []int    // counts[k]: the mentions of codes[k]
	// named[k] is set once codes[k] is named, abbreviated, part of a compound or the adjective
	// of a state noun: a country found only through other adjectives is dropped.
	named    []bool
	mentions []mention // their Ref indexes codes
	// renumbered is dropUnnamed's: the index of each country once the unnamed are dropped.
	renumbered []int
	// indexes[ru.CodeSlot(code)] is 1 + the index in codes of a country found while find
	// runs, 0 for the others: an article may name many countries, each many times.
	indexes [ru.CodeSlots]uint16
}

// reset empties f for the next article.
func (f *countryFinder) reset() {
	f.codes, f.counts, f.named, f.mentions = f.codes[:0], f.counts[:0], f.named[:0], f.mentions[:0]
	clear(f.indexes[:])
}

// add records a mention of code; named tells whether it is more than a descriptive adjective.
func (f *countryFinder) add(code string, named bool, block, start, end int) {
	var k int
	if c, ok := ru.CodeSlot(code); ok {
		if k = int(f.indexes[c]) - 1; k < 0 {
			f.indexes[c] = uint16(len(f.codes) + 1)
		}
	} else {
		k = slices.Index(f.codes, code)
	}
	if k < 0 {
		k = len(f.codes)
		f.codes = append(f.codes, code)
		f.counts = append(f.counts, 0)
		f.named = append(f.named, false)
	}
	f.named[k] = f.named[k] || named
	f.counts[k]++
	f.mentions = append(f.mentions, mention{Kind: model.KindCountry, Key: code, Ref: k,
		span: span{Block: block, Start: start, End: end}})
}

// mentionsOf returns how many times the article mentions the country with code.
func (f *countryFinder) mentionsOf(code string) int {
	if k := slices.Index(f.codes, code); k >= 0 {
		return f.counts[k]
	}
	return 0
}

// find adds the countries of a scanned article.
func (f *countryFinder) find(s *scan) {
	next := 0 // the first word past the last name found
	for _, start := range s.starts {
		i := int(start)
		if i < next || !s.words[i].country {
			continue // inside that name, or no country's
		}
		code, n, adjective := s.countryAt(i)
		if n == 0 {
			if s.words[i].hyphen {
				f.findInParts(s, i)
			}
			continue
		}
		if code != "" {
			named := !adjective || s.stateNounFollows(i)
			f.add(code, named, s.blockOf(i), s.startOf(i), s.endOf(i+n-1))
		}
		next = i + n
	}
}

// stateNounFollows reports whether a state noun follows the country adjective at word i (see
// ru.StateNounFollows).
func (s *scan) stateNounFollows(i int) bool {
	var buf [maxPhrase]string
	return ru.StateNounFollows(s.phrase(i, 1+ru.StateNounReach, &buf)[1:])
}

// findInParts adds the countries named by the parts of hyphenated word i.
func (f *countryFinder) findInParts(s *scan, i int) {
	w, at, text, fold, block := s.words[i], s.startOf(i), s.textOf(i), s.fold(i), s.blockOf(i)
	s.hyphenParts(i, func(start, end int) bool {
		part := text[start:end]
		upper := startsUpper(part)
		if code, ok := countryAbbr(part); ok {
			f.add(code, true, block, at+start, at+end)
		} else if cw, ok := ru.CountryWordOf(fold[start:end]); ok && trusted(cw, upper, w.sentenceStart && start == 0) {
			f.add(cw.Code, true, block, at+start, at+end)
		} else if upper {
			return false // a compound name such as "Нью-Джерси" or "Восточно-Казахстанская"
		}
		return true
	})
}

// countryAbbr looks up a word among the country abbreviations ("РК", "США"): most words are
// ruled out by their second rune, which in an abbreviation is a capital or a digit.
func countryAbbr(word string) (string, bool) {
	if !mayBeAbbreviation(word) {
		return "", false
	}
	return ru.CountryAbbr(word)
}

// dropUnnamed removes the countries found only through descriptive adjectives ("канадского
// психолога", "японский пруд"), and their mentions.
func (f *countryFinder) dropUnnamed() {
	if !slices.Contains(f.named, false) {
		return
	}
	f.mentions = slices.DeleteFunc(f.mentions, func(m mention) bool { return !f.named[m.Ref] })
	f.renumbered = f.renumbered[:0]
	kept := 0
	for k, code := range f.codes {
		f.renumbered = append(f.renumbered, kept)
		if f.named[k] {
			f.codes[kept], f.counts[kept] = code, f.counts[k]
			kept++
		}
	}
	for i := range f.mentions {
		f.mentions[i].Ref = f.renumbered[f.mentions[i].Ref]
	}
	f.codes, f.counts, f.named = f.codes[:kept], f.counts[:kept], f.named[:kept]
	for k := range f.named {
		f.named[k] = true
	}
}

// refs returns the countries found, made by lists.
func (f *countryFinder) refs(lists Lists) []model.CountryRef {
	if len(f.codes) == 0 {
		return nil
	}
	refs := lists.CountryRefs(len(f.codes))
	for k, code := range f.codes {
		name, nameEn, _ := ru.CountryByCode(code)
		country := lists.Country(model.Country{Code: code, Name: name, NameEn: nameEn})
		refs[k] = model.CountryRef{Country: country, Mentions: f.counts[k]}
	}
	return refs
}

// placeFinder is what findPlaces reuses from article to article.
type placeFinder struct {
	scan      scan
	countries countryFinder
	orgs      orgFinder
}

// placeFinders keeps placeFinders, whose buffers grow to the longest text and article seen.
var placeFinders = sync.Pool{New: func() any { return new(placeFinder) }}

// release drops the finder's references to the article's texts and puts it back in the pool,
// unless a huge article grew its buffers past what is worth keeping.
func (p *placeFinder) release() {
	if cap(p.scan.buf) > 1<<20 || cap(p.scan.words) > 1<<16 {
		return
	}
	p.scan.texts, p.scan.folded = nil, ""
	placeFinders.Put(p)
}

// findPlaces finds the countries and organisations texts mention (texts[0] is the title,
// texts[i] is block i-1) and appends their mentions. The texts are split into words once.
func findPlaces(texts []string, mentions []mention, lists Lists) ([]model.CountryRef, []model.OrgRef, []mention) {
	p := placeFinders.Get().(*placeFinder)
	defer p.release()
	s, cf, of := &p.scan, &p.countries, &p.orgs
	cf.reset()
	of.reset()
	s.reset(texts)
	cf.find(s)
	of.find(s)
	cf.dropUnnamed()
	mentions = slices.Grow(mentions, len(cf.mentions)+len(of.hits))
	mentions = append(mentions, cf.mentions...)
	orgs, mentions := of.resolve(cf, mentions, lists)
	return cf.refs(lists), orgs, mentions
}
