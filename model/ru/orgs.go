package ru

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgsTSV is the organisation gazetteer, compiled by hand for dispatch from the organisations'
// own names (no third-party table); see the header of the file.
//
//go:embed data/orgs.tsv
var orgsTSV string

// OrgName is one organisation of the gazetteer.
type OrgName struct {
	Key     string   // Abbr when there is one, otherwise the folded Name: the identity across articles
	Abbr    string   // "МАГАТЭ", "" when the body has none
	Name    string   // Russian full name in the nominative
	NameEn  string   // English name or abbreviation, "IAEA"
	Aliases []string // other names, Russian and Latin: "IAEA", "Евросоюз"
	// Confirm is set when the abbreviation is also a common word ("АС", "ВПП"): it counts only in
	// a text that also gives the full name.
	Confirm bool
	// Ministry is set for a ministry that exists in every country ("МИД"): extraction keys it by
	// the country the text names with it (see ForeignMinistry).
	Ministry bool
}

type orgPhrase struct {
	org   int
	words [][]string
}

var orgs = buildOrgs(orgsTSV)

type orgIndex struct {
	list    []OrgName
	abbrs   map[string]int         // abbreviations exactly as written: "МАГАТЭ", "APSCO", "ИТАР-ТАСС"
	words   map[string]int         // folded forms of single-word names: "евросоюза", "госдепом"
	latin   map[string]int         // folded Latin names: "iaea", "european union"
	phrases map[string][]orgPhrase // multi-word names by the folded forms of their first word
	longest int                    // the most words of a phrase
	maybe   wordFilter             // the keys of words and phrases
	// maybePhrase holds the keys of phrases.
	maybePhrase wordFilter
}

func buildOrgs(tsv string) *orgIndex {
	ix := &orgIndex{
		abbrs:   map[string]int{},
		words:   map[string]int{},
		latin:   map[string]int{},
		phrases: map[string][]orgPhrase{},
	}
	for line := range strings.SplitSeq(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 5 {
			f = append(f, "")
		}
		aliases, forms := splitAliases(f[4])
		o := OrgName{
			Abbr: f[0], Name: f[1], NameEn: f[2], Aliases: aliases,
			Confirm:  strings.Contains(f[3], "c"),
			Ministry: strings.Contains(f[3], "m"),
		}
		o.Key = o.Abbr
		if o.Key == "" {
			o.Key = Fold(o.Name)
		}
		i := len(ix.list)
		ix.list = append(ix.list, o)
		if o.Abbr != "" {
			ix.addName(i, o.Abbr)
		}
		ix.addName(i, o.Name)
		ix.latin[Fold(o.NameEn)] = i
		for _, a := range o.Aliases {
			ix.addName(i, a)
		}
		for _, form := range forms {
			ix.words[Fold(form)] = i // "МИДа": an abbreviation declined like a noun
		}
	}
	for k := range ix.phrases {
		slices.SortStableFunc(ix.phrases[k], func(a, b orgPhrase) int { return len(b.words) - len(a.words) })
		ix.maybe.add(k)
		ix.maybePhrase.add(k)
	}
	for k := range ix.words {
		ix.maybe.add(k)
	}
	return ix
}

// addName indexes one name of organisation i in every form text may use.
func (ix *orgIndex) addName(i int, name string) {
	words := nameWords(name)
	switch {
	case len(words) == 1 && isAbbreviation(name):
		ix.abbrs[name] = i
	case isLatin(name):
		ix.latin[Fold(name)] = i
	case len(words) == 1:
		for _, form := range nounForms(Fold(name), true) {
			if _, taken := ix.words[form]; !taken {
				ix.words[form] = i
			}
		}
	case len(words) > 1:
		p := orgPhrase{org: i}
		for _, w := range words {
			if isAbbreviation(w) {
				p.words = append(p.words, []string{Fold(w)}) // "СБ ООН": abbreviations do not decline
				continue
			}
			p.words = append(p.words, wordForms(Fold(w), true))
		}
		seen := map[string]bool{}
		for _, first := range p.words[0] {
			if !seen[first] {
				seen[first] = true
				ix.phrases[first] = append(ix.phrases[first], p)
			}
		}
		ix.longest = max(ix.longest, len(p.words))
	}
}

// nameWords splits a name into the words a text scanner sees: runs of letters and digits,
// joined by inner hyphens ("Азиатско-Тихоокеанская"), without quotes and dashes.
func nameWords(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	words := fields[:0]
	for _, f := range fields {
		if f = strings.Trim(f, "-"); f != "" {
			words = append(words, f)
		}
	}
	return words
}

// Orgs returns every organisation of the gazetteer in the order of its table. The slice is
// shared: callers must not modify it.
func Orgs() []OrgName { return orgs.list }

// OrgByAbbr looks up an abbreviation exactly as written ("МАГАТЭ", "APSCO"); abbreviations are
// never lemmatised or folded.
func OrgByAbbr(text string) (OrgName, bool) {
	if i, ok := orgs.abbrs[text]; ok {
		return orgs.list[i], true
	}
	return OrgName{}, false
}

// OrgWordOf looks up one folded word (see Fold): a case form of a single-word name such as
// "Евросоюза" or "Госдепом".
func OrgWordOf(fold string) (OrgName, bool) {
	if !orgs.maybe.mayHave(fold) {
		return OrgName{}, false
	}
	if i, ok := orgs.words[fold]; ok {
		return orgs.list[i], true
	}
	return OrgName{}, false
}

// LongestOrgPhrase returns the most words a multi-word organisation name spans: OrgPhraseAt
// reads no more.
func LongestOrgPhrase() int { return orgs.longest }

// OrgPhraseAt matches the longest multi-word organisation name at the start of folds, a run of
// folded words of one sentence, in any case form: ["международного", "агентства", "по",
// "атомной", "энергии"] gives МАГАТЭ, 5. n is 0 when no name starts there.
func OrgPhraseAt(folds []string) (org OrgName, n int) {
	if len(folds) < 2 || !orgs.maybePhrase.mayHave(folds[0]) {
		return OrgName{}, 0
	}
	for _, p := range orgs.phrases[folds[0]] {
		if len(p.words) <= len(folds) && restMatches(p.words, folds) {
			return orgs.list[p.org], len(p.words)
		}
	}
	return OrgName{}, 0
}

// LookupOrg resolves a name as a user may type it to an organisation: an abbreviation in any
// case ("магатэ"), a Russian name in any case form, or an English name ("IAEA", "World Bank").
func LookupOrg(name string) (OrgName, bool) {
	name = strings.TrimSpace(name)
	if o, ok := OrgByAbbr(name); ok {
		return o, true
	}
	if o, ok := OrgByAbbr(strings.ToUpper(name)); ok {
		return o, true
	}
	f := Fold(name)
	if i, ok := orgs.latin[f]; ok {
		return orgs.list[i], true
	}
	if o, ok := OrgWordOf(f); ok {
		return o, true
	}
	words := nameWords(f)
	if o, n := OrgPhraseAt(words); n > 0 && n == len(words) {
		return o, true
	}
	return OrgName{}, false
}

// ForeignMinistry returns the foreign ministry of the country with an ISO code, keyed "МИД KZ"
// and named "МИД Казахстана" / "Ministry of Foreign Affairs of Kazakhstan".
func ForeignMinistry(code string) (OrgName, bool) {
	i, ok := countries.indexOf(code)
	if !ok {
		return OrgName{}, false
	}
	return foreignMinistries[i], true
}

// foreignMinistries[i] is the foreign ministry of countries.list[i], built once: extraction asks
// for one with every "МИД" it finds.
var foreignMinistries = func() []OrgName {
	list := make([]OrgName, len(countries.list))
	for i, c := range countries.list {
		list[i] = OrgName{
			Key:      "МИД " + c.Code,
			Abbr:     "МИД",
			Name:     "МИД " + c.Genitive,
			NameEn:   "Ministry of Foreign Affairs of " + withArticle(c.NameEn),
			Ministry: true,
		}
	}
	return list
}()

// withArticle puts "the" before English country names that take it ("the United States").
func withArticle(name string) string {
	if strings.HasPrefix(name, "United ") || strings.Contains(name, "Republic") ||
		strings.HasSuffix(name, "Islands") || strings.HasSuffix(name, "lands") ||
		name == "Philippines" || name == "Bahamas" || name == "Maldives" || name == "Gambia" {
		return "the " + name
	}
	return name
}

// nameStarts is the union of the gazetteers' filters: every word a country or organisation
// name may be or start with.
var nameStarts = func() (f wordFilter) {
	for i := range f {
		f[i] = countries.maybe[i] | countries.maybePhrase[i] | orgs.maybe[i]
	}
	return f
}()

// MayStartName reports whether a folded word may be a country or organisation word or the first
// word of a multi-word name: the words CountryWordOf, CountryPhraseAt, OrgWordOf and OrgPhraseAt
// look up. False is certain: it is a cheap test that rules out most words before those lookups.
// Abbreviations, looked up as written, are not covered.
func MayStartName(fold string) bool { return nameStarts.mayHave(fold) }

// phraseStarts is the union of the gazetteers' phrase filters: every word a multi-word country
// or organisation name may start with.
var phraseStarts = func() (f wordFilter) {
	for i := range f {
		f[i] = countries.maybePhrase[i] | orgs.maybePhrase[i]
	}
	return f
}()

// phraseLengths holds the first words of the multi-word country and organisation names, folded
// in every form, and the most words a name starting with each spans.
var phraseLengths = func() map[string]int {
	m := map[string]int{}
	for first, phrases := range countries.phrases {
		m[first] = max(m[first], len(phrases[0].words)) // the longest first
	}
	for first, phrases := range orgs.phrases {
		m[first] = max(m[first], len(phrases[0].words))
	}
	return m
}()

// PhraseLength returns the most words a multi-word country or organisation name that starts
// with a folded word spans ("республики": the longest name starting so), 0 when none does.
func PhraseLength(fold string) int { return phraseLengths[fold] }

// PhraseLengthIn is PhraseLength for a folded word in a byte slice. It does not keep b.
func PhraseLengthIn(b []byte) int { return phraseLengths[string(b)] }

// MayStartPhrase reports whether a folded word may be the first word of a multi-word country or
// organisation name, the words CountryPhraseAt and OrgPhraseAt look up. False is certain: it lets
// a caller skip gathering the words a name might span.
func MayStartPhrase(fold string) bool { return phraseStarts.mayHave(fold) }

// MayStartNameCapitalised answers MayStartName for the fold of a word written as one capital
// and lower-case letters of its script only, А..Я and а..я ("Москве", "В") or A..Z and a..z
// and digits ("Reuters"), without folding it: the fold differs in the first letter only, of
// whose bytes filterBits reads the second alone (the Cyrillic one's), worked out here.
// TestMayStartNameCapitalised checks it against MayStartName.
func MayStartNameCapitalised(word string) bool {
	n := len(word)
	if n < 4 || word[0] < utf8.RuneSelf {
		return nameStarts.mayHave(word) // the first byte, which folds, is not hashed
	}
	second := word[1] + 0x20 // А..П → а..п: D0 90..9F → D0 B0..BF
	if second >= 0xC0 {
		second -= 0x40 // Р..Я → р..я: D0 A0..AF → D1 80..8F
	}
	last3 := word[n-3]
	if n == 4 {
		last3 = second
	}
	// filterBits of the fold
	x := uint64(n) ^ (uint64(second)|uint64(word[3])<<8|uint64(word[n-1])<<16|uint64(last3)<<24)<<16
	h := x * 0x9E3779B97F4A7C15
	i, bits := int(h>>(64-filterWordsLog)), uint64(1)<<(h>>47&63)|1<<(h>>41&63)
	return nameStarts[i]&bits == bits
}

// countryStarts holds every word a country name may be or start with.
var countryStarts = func() (f wordFilter) {
	for i := range f {
		f[i] = countries.maybe[i] | countries.maybePhrase[i]
	}
	return f
}()

// NameStart is what the gazetteers' filters say of a folded word (see NameStartIn). False is
// certain.
type NameStart struct {
	// Country and Org are set when the word may be a country's or an organisation's name or
	// the first word of one: what CountryWordOf and CountryPhraseAt, or OrgWordOf and
	// OrgPhraseAt look up.
	Country, Org bool
	// Phrase is set when the word may be the first word of a multi-word name (see
	// PhraseLength).
	Phrase bool
	// Adjective is set when the word may be a country adjective, whose rules read the words
	// after it.
	Adjective bool
}

// NameStartIn returns what the filters say of a folded word in a byte slice such as a buffer
// words are folded into, from one hash of it. It does not keep b.
func NameStartIn(b []byte) NameStart {
	i, bits := filterBits(b)
	return NameStart{
		Country:   countryStarts[i]&bits == bits,
		Org:       orgs.maybe[i]&bits == bits,
		Phrase:    phraseStarts[i]&bits == bits,
		Adjective: countries.maybeAdjective[i]&bits == bits,
	}
}
