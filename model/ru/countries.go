package ru

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// countriesTSV is the country gazetteer. Source: i18n-iso-countries 7.14.0 (MIT licence,
// Copyright (c) 2016 widdix GmbH, https://github.com/michaelwittig/node-i18n-iso-countries),
// Russian and English names, with overrides, aliases and adjective stems curated for
// dispatch; see the header of the file. LICENSES: data/countries.LICENSE holds the MIT notice.
//
//go:embed data/countries.tsv
var countriesTSV string

// CountryName is one country of the gazetteer.
type CountryName struct {
	Code       string   // ISO 3166-1 alpha-2 code, "KZ"
	Name       string   // Russian name in the nominative, "Казахстан"
	NameEn     string   // English name, "Kazakhstan"
	Genitive   string   // Russian name in the genitive, "Казахстана" ("МИД Казахстана")
	Aliases    []string // other Russian and Latin names and abbreviations: "РК", "Qazaqstan"
	Adjectives []string // adjective stems ("казахстанск", "казахск") and compound prefixes ("франко-")
	forms      []string // case forms the rules miss ("Египта"), indexed as written
	ambiguous  bool     // a name that is also a common word ("Того", "Чад")
	ignored    bool     // listed for lookups but not a country mention in text (Антарктида)
}

// CountryWordKind tells how a word names a country.
type CountryWordKind uint8

const (
	// CountryNoun is a name or one of its case forms: "Франции".
	CountryNoun CountryWordKind = iota
	// CountryAdjective is an adjective or a compound prefix: "французской", "франко".
	CountryAdjective
)

// CountryWord is what one folded word says about a country.
type CountryWord struct {
	Code string
	Kind CountryWordKind
	// Ambiguous is set for names that are also common words ("Того", "Чад", "Мали"): trust
	// them inside a sentence only.
	Ambiguous bool
	// Ignored is set for places the gazetteer lists but text mentions do not count (continents).
	Ignored bool
}

type countryPhrase struct {
	code  string // "" for a phrase that is not a country ("Латинская Америка")
	words [][]string
}

// notCountries are phrases whose words would otherwise name a country: a continent's part is
// not the country its name contains, an ocean is not India, and in set phrases a country's
// adjective means a kind of thing ("итальянская забастовка", "шведский стол").
var notCountries = []string{
	"Латинская Америка", "Южная Америка", "Северная Америка", "Центральная Америка",
	"Индийский океан", "Новая Англия", "Мексиканский залив", "Новая Гвинея",
	"Великая Китайская стена", "Китайская стена", "китайский квартал", "китайская грамота",
	"итальянская забастовка", "швейцарская система", "шведский стол", "американские горки",
	"немецкая овчарка", "голландский сыр", "испанский стыд", "французский поцелуй",
	"турецкий марш", "японский городовой", "египетская сила",
}

var countries = buildCountries(countriesTSV)

type countryIndex struct {
	list []CountryName
	// byCode[CodeSlot(code)] is 1 + the index in list of the country with an ISO code, two
	// capitals: a look-up with every country an article names.
	byCode  [CodeSlots]uint16
	words   map[string]CountryWord     // folded Cyrillic forms of single-word names and adjectives
	abbrs   map[string]string          // abbreviations exactly as written: "РК", "США", "UK"
	latin   map[string]string          // folded Latin names: "france", "united kingdom"
	phrases map[string][]countryPhrase // multi-word names by the folded forms of their first word
	longest int                        // the most words of a phrase
	maybe   wordFilter                 // the keys of words
	// shortest is the length in bytes of the shortest key of words: most words of a text are
	// shorter ("в", "на"), ruled out before the filter.
	shortest int
	// maybePhrase holds the keys of phrases.
	maybePhrase wordFilter
	// maybeAdjective holds the keys of words that are adjectives (see NameStartIn): only
	// after one do the rules read the words that follow a single-word name.
	maybeAdjective wordFilter
}

// wordFilter is a Bloom filter over folded words: most words of a text are in no gazetteer,
// and a few byte loads rule them out faster than hashing the string for a map. A word sets two
// bits of one of its 64-bit words (a blocked filter: one memory access a test). At 2^17 bits
// (16 KB), the 6,000 forms of the country words let about 1% of other words through.
type wordFilter [1 << filterWordsLog]uint64

// filterWordsLog is the base-2 logarithm of the number of 64-bit words of a wordFilter.
const filterWordsLog = 11

func (f *wordFilter) add(s string) {
	i, bits := filterBits(s)
	f[i] |= bits
}

// mayHave reports whether s may have been added; false is certain.
func (f *wordFilter) mayHave(s string) bool {
	i, bits := filterBits(s)
	return f[i]&bits == bits
}

// filterBits hashes a word's length, first bytes and ending into the index of a wordFilter word
// and the two bits it sets there, all from the well-mixed top bits of a multiplicative hash.
// It takes the word as a string or as bytes, which it does not keep. MayStartNameCapitalised
// repeats the hash for a fold it does not build (a helper for both would keep this function
// from being inlined); TestMayStartNameCapitalised keeps the two alike.
func filterBits[T string | []byte](s T) (int, uint64) {
	n := len(s)
	x := uint64(n)
	if n >= 4 {
		x ^= (uint64(s[1]) | uint64(s[3])<<8 | uint64(s[n-1])<<16 | uint64(s[n-3])<<24) << 16
	}
	h := x * 0x9E3779B97F4A7C15
	return int(h >> (64 - filterWordsLog)), 1<<(h>>47&63) | 1<<(h>>41&63)
}

func buildCountries(tsv string) *countryIndex {
	ix := &countryIndex{
		words:   map[string]CountryWord{},
		abbrs:   map[string]string{},
		latin:   map[string]string{},
		phrases: map[string][]countryPhrase{},
	}
	for line := range strings.SplitSeq(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for len(f) < 7 {
			f = append(f, "")
		}
		aliases, forms := splitAliases(f[4])
		c := CountryName{
			Code: f[0], Name: f[1], NameEn: f[2], Genitive: cmp.Or(f[6], genitive(f[1])),
			Aliases:    aliases,
			Adjectives: splitList(f[5]),
			forms:      forms,
			ambiguous:  strings.Contains(f[3], "a"),
			ignored:    strings.Contains(f[3], "x"),
		}
		if slot, ok := CodeSlot(c.Code); ok {
			ix.byCode[slot] = uint16(len(ix.list) + 1)
		}
		ix.list = append(ix.list, c)
	}
	// Names first, then aliases, then adjectives, so a name wins a clash of forms.
	for _, c := range ix.list {
		ix.addName(c, c.Name)
		ix.latin[Fold(c.NameEn)] = c.Code
	}
	for _, c := range ix.list {
		for _, a := range c.Aliases {
			ix.addName(c, a)
		}
		for _, form := range c.forms {
			ix.addWord(Fold(form), CountryWord{Code: c.Code, Ambiguous: c.ambiguous, Ignored: c.ignored})
		}
	}
	for _, c := range ix.list {
		for _, stem := range c.Adjectives {
			w := CountryWord{Code: c.Code, Kind: CountryAdjective, Ignored: c.ignored}
			if p, ok := strings.CutSuffix(stem, "-"); ok {
				ix.addWord(Fold(p), w)
				continue
			}
			stem = Fold(stem)
			ix.addWord(stem+"о", w) // the first part of a compound: "казахско-мексиканский"
			for _, form := range adjectiveForms(stem) {
				ix.addWord(form, w)
			}
		}
	}
	for _, p := range notCountries {
		ix.addPhrase("", p)
	}
	for k := range ix.phrases {
		slices.SortStableFunc(ix.phrases[k], func(a, b countryPhrase) int { return len(b.words) - len(a.words) })
	}
	return ix
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// splitAliases splits a list of aliases, where a "!" marks a case form to index as written
// rather than a name to inflect.
func splitAliases(s string) (aliases, forms []string) {
	for _, a := range splitList(s) {
		if form, ok := strings.CutPrefix(a, "!"); ok {
			forms = append(forms, form)
		} else {
			aliases = append(aliases, a)
		}
	}
	return aliases, forms
}

// addName indexes one name or alias of c in every form text may use.
func (ix *countryIndex) addName(c CountryName, name string) {
	switch {
	case isAbbreviation(name):
		ix.abbrs[name] = c.Code
	case isLatin(name):
		ix.latin[Fold(name)] = c.Code
	case len(nameWords(name)) > 1:
		ix.addPhrase(c.Code, name)
	default:
		for _, form := range nounForms(Fold(name), false) {
			ix.addWord(form, CountryWord{Code: c.Code, Ambiguous: c.ambiguous, Ignored: c.ignored})
		}
	}
}

func (ix *countryIndex) addWord(form string, w CountryWord) {
	if _, taken := ix.words[form]; !taken {
		ix.words[form] = w
		ix.maybe.add(form)
		if w.Kind == CountryAdjective {
			ix.maybeAdjective.add(form)
		}
		if ix.shortest == 0 || len(form) < ix.shortest {
			ix.shortest = len(form)
		}
	}
}

func (ix *countryIndex) addPhrase(code, name string) {
	p := countryPhrase{code: code}
	for _, w := range nameWords(Fold(name)) {
		p.words = append(p.words, wordForms(w, true)) // "Соединённого Королевства"
	}
	seen := map[string]bool{}
	for _, first := range p.words[0] {
		if !seen[first] {
			seen[first] = true
			ix.phrases[first] = append(ix.phrases[first], p)
			ix.maybePhrase.add(first)
		}
	}
	ix.longest = max(ix.longest, len(p.words))
}

// isAbbreviation reports whether s is written in capitals only ("РК", "США", "U.S.", "G20").
func isAbbreviation(s string) bool {
	upper, n := 0, 0
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			upper++
		case r == '.' || r == '-' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return upper >= 1 && n >= 2
}

// isLatin reports whether s is written in Latin letters.
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// CodeSlots is how many slots CodeSlot numbers.
const CodeSlots = 26 * 26

// CodeSlot numbers an ISO 3166-1 alpha-2 code, two capitals A..Z, from 0 to CodeSlots-1, so
// that a table of countries may be an array; ok is false for another string.
func CodeSlot(code string) (slot int, ok bool) {
	if len(code) != 2 || code[0]-'A' >= 26 || code[1]-'A' >= 26 {
		return 0, false
	}
	return int(code[0]-'A')*26 + int(code[1]-'A'), true
}

// indexOf returns the index in list of the country with an ISO code.
func (ix *countryIndex) indexOf(code string) (int, bool) {
	slot, ok := CodeSlot(code)
	if !ok || ix.byCode[slot] == 0 {
		return 0, false
	}
	return int(ix.byCode[slot]) - 1, true
}

// Countries returns every country of the gazetteer, ordered by code. The slice is shared:
// callers must not modify it.
func Countries() []CountryName { return countries.list }

// CountryByCode returns the Russian and English names of the country with an ISO 3166-1
// alpha-2 code.
func CountryByCode(code string) (name, nameEn string, ok bool) {
	i, ok := countries.indexOf(code)
	if !ok {
		return "", "", false
	}
	c := countries.list[i]
	return c.Name, c.NameEn, true
}

// CountryGenitive returns the genitive of the country's Russian name ("Казахстана"), or ""
// for an unknown code.
func CountryGenitive(code string) string {
	if i, ok := countries.indexOf(code); ok {
		return countries.list[i].Genitive
	}
	return ""
}

// LookupCountry resolves a word or name as a user or a text may write it to an ISO code: a
// Russian name in any case ("Франции"), an adjective ("французской"), an alias or abbreviation
// ("РК", "сша"), an English name ("France") or the code itself ("FR").
func LookupCountry(word string) (code string, ok bool) {
	word = strings.TrimSpace(word)
	if _, ok := countries.indexOf(word); ok {
		return word, true
	}
	if code, ok := countries.abbrs[word]; ok {
		return code, true
	}
	f := Fold(word)
	if w, ok := countries.words[f]; ok && (!w.Ambiguous || startsUpper(word)) {
		return w.Code, true
	}
	if code, ok := countries.latin[f]; ok {
		return code, true
	}
	if words := nameWords(f); len(words) > 1 {
		if code, n := CountryPhraseAt(words); n == len(words) && code != "" {
			return code, true
		}
	}
	// Abbreviations typed in lower case: "сша", "кнр". Two letters are too short to guess from.
	if utf8.RuneCountInString(word) > 2 {
		if code, ok := countries.abbrs[strings.ToUpper(word)]; ok {
			return code, true
		}
	}
	return "", false
}

// CountryWordOf looks up one folded word (see Fold): a case form of a single-word name or
// alias, or of an adjective.
func CountryWordOf(fold string) (w CountryWord, ok bool) {
	if len(fold) >= countries.shortest && countries.maybe.mayHave(fold) {
		w, ok = countries.words[fold]
	}
	return w, ok
}

// CountryAdjectiveOf looks up a word of running text written in lower case (see Fold). Such a
// word names a country only as an adjective ("французской") or the first part of a compound
// ("казахско", "франко"): a name in lower case is a common word ("того", "чад").
func CountryAdjectiveOf(lower string) (w CountryWord, ok bool) {
	if !MayBeCountryAdjective(lower) {
		return w, false
	}
	w, ok = CountryWordOf(lower)
	return w, ok && w.Kind == CountryAdjective
}

// MayBeCountryAdjective reports whether a folded word may be a form of a country adjective
// (see CountryAdjectiveOf) by its last letters, a test of a few byte compares that rules out
// about nine words in ten of running text before any hash. False is certain: the stems end in
// -ск- or -цк- ("французск", "турецк") and take an adjective ending of two or three letters
// ("-ой", "-ого"), or "о" as the first part of a compound ("казахско-", "франко-");
// TestAdjectiveFormsShape proves it against every form of the table.
func MayBeCountryAdjective(fold string) bool {
	n := len(fold)
	if n < len("индо") {
		return false
	}
	last4 := fold[n-8:] // the last four letters
	if last4[6:] == "о" {
		return true
	}
	if last4[2:4] == "к" { // "-ск-ой"
		return isSorTs(last4[:2])
	}
	return last4[:2] == "к" && n >= len("ского") && isSorTs(fold[n-10:n-8]) // "-ск-ого"
}

// isSorTs reports whether a letter is "с" or "ц", the letters before the "к" of the adjective
// stems.
func isSorTs(letter string) bool { return letter == "с" || letter == "ц" }

// CountryAbbr looks up an abbreviation exactly as written ("РК", "США", "КНР"); abbreviations
// are never lemmatised or folded, so "рк" is not Kazakhstan.
func CountryAbbr(text string) (code string, ok bool) {
	code, ok = countries.abbrs[text]
	return code, ok
}

// LongestCountryPhrase returns the most words a multi-word country name spans: CountryPhraseAt
// reads no more.
func LongestCountryPhrase() int { return countries.longest }

// CountryPhraseAt matches the longest multi-word country name at the start of folds, a run of
// folded words of one sentence: ["северной", "македонии", ...] gives "MK", 2. n is 0 when no
// name starts there; code is "" when the words name something that is not a country
// ("Латинская Америка"), so the caller skips them.
func CountryPhraseAt(folds []string) (code string, n int) {
	if len(folds) < 2 || !countries.maybePhrase.mayHave(folds[0]) {
		return "", 0
	}
	for _, p := range countries.phrases[folds[0]] {
		if len(p.words) <= len(folds) && restMatches(p.words, folds) {
			return p.code, len(p.words)
		}
	}
	return "", 0
}

// restMatches reports whether each of folds after the first is one of the forms of the
// corresponding word of a phrase. The first is not compared: the phrases are looked up by the
// forms of their first word.
func restMatches(words [][]string, folds []string) bool {
	for i := 1; i < len(words); i++ {
		if !slices.Contains(words[i], folds[i]) {
			return false
		}
	}
	return true
}

// startsUpper reports whether s begins with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
