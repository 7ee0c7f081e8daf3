package ru

import (
	_ "embed"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Name morphology: Russian inflects first names, patronymics and surnames by gender and case.
// The rules are petrovich's: data/petrovich_rules.json is rules.json of the npm package
// petrovich 0.2.1, MIT licence, Copyright (c) 2013 Petrovich (full text in
// data/petrovich_LICENSE). Inflect applies them as petrovich does and NameLemmas inverts them,
// so "Кошербаевым" leads back to "Кошербаев".

// Gender is the grammatical gender a name is inflected by.
type Gender uint8

const (
	// Male names: "Сергей Лавров".
	Male Gender = iota
	// Female names: "Мария Захарова".
	Female
)

// Case is a Russian grammatical case.
type Case uint8

const (
	// Nominative is the dictionary form: "Ермек Кошербаев".
	Nominative Case = iota
	// Genitive answers "кого?": "Ермека Кошербаева".
	Genitive
	// Dative answers "кому?": "Ермеку Кошербаеву".
	Dative
	// Accusative answers "кого?" after a verb: "Ермека Кошербаева".
	Accusative
	// Instrumental answers "кем?": "Ермеком Кошербаевым".
	Instrumental
	// Prepositional answers "о ком?": "Ермеке Кошербаеве".
	Prepositional
)

// Cases lists every case, nominative first.
var Cases = [...]Case{Nominative, Genitive, Dative, Accusative, Instrumental, Prepositional}

// NamePart says which part of a full name a word is.
type NamePart uint8

const (
	// FirstName is a given name: "Ермек".
	FirstName NamePart = iota
	// MiddleName is a patronymic: "Кемелевич".
	MiddleName
	// LastName is a surname: "Кошербаев".
	LastName
)

//go:embed data/petrovich_rules.json
var petrovichJSON []byte

const genderAny = 2 // petrovich's "androgynous"

// nameMod is one petrovich modification: cut runes off the end, then add a suffix.
type nameMod struct {
	cut int
	add string
}

type nameRule struct {
	gender    uint8 // Male, Female or genderAny
	tests     []string
	mods      [5]nameMod // genitive … prepositional
	whole     bool       // exception: tests match the whole word
	firstWord bool       // applies only to the first part of a hyphenated name
}

// inverseEntry says that a word ending in add may be rule's inflection in case c.
type inverseEntry struct {
	rule *nameRule
	c    Case
}

type partRules struct {
	rules   []*nameRule // exceptions first, then suffixes, in petrovich's order
	inverse map[string][]inverseEntry
	maxAdd  int // longest added suffix, in bytes
	// whole and suffix index the rules by test (indices into rules, ascending), so findRule
	// looks up the word's endings instead of trying every rule.
	whole, suffix map[string][]int
	maxTest       int // longest suffix test, in bytes
}

var nameRules [3]partRules

func init() {
	var raw map[string]struct {
		Exceptions []petrovichRule `json:"exceptions"`
		Suffixes   []petrovichRule `json:"suffixes"`
	}
	if err := json.Unmarshal(petrovichJSON, &raw); err != nil {
		panic("ru: bad embedded petrovich rules: " + err.Error())
	}
	for part, key := range [3]string{"firstname", "middlename", "lastname"} {
		pr := &nameRules[part]
		pr.inverse = map[string][]inverseEntry{}
		for _, r := range raw[key].Exceptions {
			pr.rules = append(pr.rules, r.compile(true))
		}
		for _, r := range raw[key].Suffixes {
			pr.rules = append(pr.rules, r.compile(false))
		}
		pr.whole, pr.suffix = map[string][]int{}, map[string][]int{}
		for ri, r := range pr.rules {
			index := pr.suffix
			if r.whole {
				index = pr.whole
			}
			for _, t := range r.tests {
				if !r.whole {
					pr.maxTest = max(pr.maxTest, len(t))
				}
				if l := index[t]; len(l) == 0 || l[len(l)-1] != ri {
					index[t] = append(l, ri)
				}
			}
		}
		for _, r := range pr.rules {
			for i, m := range r.mods {
				add := m.add
				pr.inverse[add] = append(pr.inverse[add], inverseEntry{r, Case(i + 1)})
				pr.maxAdd = max(pr.maxAdd, len(add))
			}
		}
	}
}

type petrovichRule struct {
	Gender string   `json:"gender"`
	Test   []string `json:"test"`
	Mods   []string `json:"mods"`
	Tags   []string `json:"tags"`
}

func (p petrovichRule) compile(whole bool) *nameRule {
	r := &nameRule{gender: genderAny, whole: whole}
	switch p.Gender {
	case "male":
		r.gender = uint8(Male)
	case "female":
		r.gender = uint8(Female)
	}
	for _, t := range p.Test {
		r.tests = append(r.tests, Fold(t))
	}
	for i, m := range p.Mods {
		if i >= len(r.mods) {
			break
		}
		cut := strings.Count(m, "-")
		r.mods[i] = nameMod{cut: cut, add: strings.Trim(m, "-.")}
	}
	for _, t := range p.Tags {
		r.firstWord = r.firstWord || t == "first_word"
	}
	return r
}

// findRule returns the first rule that applies to the folded word, as petrovich picks it.
func (pr *partRules) findRule(folded string, g Gender, firstOfMany bool) *nameRule {
	best := -1
	first := func(idx []int) {
		for _, i := range idx {
			if best >= 0 && i >= best {
				return
			}
			if r := pr.rules[i]; (!r.firstWord || firstOfMany) && (r.gender == genderAny || r.gender == uint8(g)) {
				best = i
				return
			}
		}
	}
	first(pr.whole[folded])
	for n := 0; n <= pr.maxTest && n <= len(folded); n++ {
		if n == 0 || utf8.RuneStart(folded[len(folded)-n]) {
			first(pr.suffix[folded[len(folded)-n:]])
		}
	}
	if best < 0 {
		return nil
	}
	return pr.rules[best]
}

// apply inflects one word (no hyphen) by m, keeping the word's capitalisation.
func (m nameMod) apply(word string) string {
	end := len(word)
	for range m.cut {
		_, size := utf8.DecodeLastRuneInString(word[:end])
		end -= size
	}
	return word[:end] + m.add
}

// Inflect puts a nominative name part into case c: Inflect("Ермек", FirstName, Male,
// Instrumental) is "Ермеком". Each part of a hyphenated surname is inflected on its own; a
// hyphenated first name inflects its last part only, as news write "Касым-Жомарта".
func Inflect(name string, part NamePart, g Gender, c Case) string {
	if c == Nominative || name == "" {
		return name
	}
	pr := &nameRules[part]
	parts := strings.Split(name, "-")
	for i, p := range parts {
		if part == FirstName && i < len(parts)-1 {
			continue
		}
		if r := pr.findRule(Fold(p), g, i == 0 && len(parts) > 1); r != nil {
			parts[i] = r.mods[c-1].apply(p)
		}
	}
	return strings.Join(parts, "-")
}

// NameLemmas returns the nominative forms whose inflection in case c is word, best guesses
// first; for the nominative it is word itself. Each hyphen-separated part is inverted on its
// own and a part no rule produces is kept as written ("Касым-Жомарта" → "Касым-Жомарт").
// The result is nil when no part can be inverted.
func NameLemmas(word string, part NamePart, g Gender, c Case) []string {
	return NameLemmasByCase(word, part, g)[c]
}

// NameLemmasByCase returns NameLemmas of word for every case at once, indexed by Case: one
// pass over the word's endings instead of one per case.
func NameLemmasByCase(word string, part NamePart, g Gender) [len(Cases)][]string {
	var out [len(Cases)][]string
	out[Nominative] = []string{word}
	if !strings.Contains(word, "-") {
		var both [2][len(Cases)][]string
		wordLemmas(word, part, 1<<g, false, &both)
		both[g][Nominative] = out[Nominative]
		return both[g]
	}
	parts := strings.Split(word, "-")
	var results [len(Cases)][]string
	var inverted [len(Cases)]bool
	for c := Genitive; c < Case(len(Cases)); c++ {
		results[c] = []string{""}
	}
	for i, p := range parts {
		var both [2][len(Cases)][]string
		if part != FirstName || i == len(parts)-1 {
			wordLemmas(p, part, 1<<g, i == 0, &both)
		}
		ls := both[g]
		for c := Genitive; c < Case(len(Cases)); c++ {
			l := ls[c]
			if len(l) > 0 {
				inverted[c] = true
			} else {
				l = []string{p}
			}
			next := make([]string, 0, len(results[c])*len(l))
			for _, r := range results[c] {
				for _, x := range l {
					if i > 0 {
						x = r + "-" + x
					}
					next = append(next, x)
				}
			}
			if len(next) > 8 {
				next = next[:8]
			}
			results[c] = next
		}
	}
	for c := Genitive; c < Case(len(Cases)); c++ {
		if inverted[c] {
			out[c] = results[c]
		}
	}
	return out
}

// NameLemmasByGender returns NameLemmasByCase of word for both genders, indexed by Gender:
// one pass over the word's endings instead of one per gender.
func NameLemmasByGender(word string, part NamePart) [2][len(Cases)][]string {
	if strings.Contains(word, "-") {
		return [2][len(Cases)][]string{NameLemmasByCase(word, part, Male), NameLemmasByCase(word, part, Female)}
	}
	var out [2][len(Cases)][]string
	wordLemmas(word, part, 1<<Male|1<<Female, false, &out)
	out[Male][Nominative], out[Female][Nominative] = []string{word}, []string{word}
	return out
}

// wordLemmas inverts one word without hyphens into every oblique case of out, for the
// genders of the bit set genders (1<<Male, 1<<Female).
func wordLemmas(word string, part NamePart, genders uint8, firstOfMany bool, out *[2][len(Cases)][]string) {
	pr := &nameRules[part]
	folded := Fold(word)
	if len(folded) != len(word) {
		return // a letter whose lower case has another length: not a Russian name
	}
	// Candidates repeat across cases and rules: remember which rule each one takes.
	type ruleOf struct {
		fcand string
		r     *nameRule
	}
	var seenBuf [2][16]ruleOf
	seen := [2][]ruleOf{seenBuf[0][:0], seenBuf[1][:0]}
	findRule := func(g Gender, fcand string) *nameRule {
		for _, s := range seen[g] {
			if s.fcand == fcand {
				return s.r
			}
		}
		r := pr.findRule(fcand, g, firstOfMany)
		seen[g] = append(seen[g], ruleOf{fcand, r})
		return r
	}
	// add adds the candidate base+tail, folded fcand, to gender g and case c if rule r is the
	// one it takes; it builds the candidate only then.
	add := func(g Gender, c Case, fcand, base, tail string, r *nameRule) {
		if !containsJoined(out[g][c], base, tail) && findRule(g, fcand) == r {
			out[g][c] = append(out[g][c], base+tail)
		}
	}
	for n := 0; n <= pr.maxAdd && n < len(folded); n++ {
		if n > 0 && !utf8.RuneStart(folded[len(folded)-n]) {
			continue
		}
		for _, e := range pr.inverse[folded[len(folded)-n:]] {
			ruleGenders := genders
			if e.rule.gender != genderAny {
				ruleGenders &= 1 << e.rule.gender
			}
			if ruleGenders == 0 {
				continue
			}
			c := e.c
			base, fbase := word[:len(word)-n], folded[:len(folded)-n]
			cut := e.rule.mods[c-1].cut
			for _, g := range [2]Gender{Male, Female} {
				if ruleGenders&(1<<g) == 0 {
					continue
				}
				if cut == 0 {
					add(g, c, fbase, base, "", e.rule) // the tail is the same whatever the test
					continue
				}
				for _, t := range e.rule.tests {
					tail := lastRunes(t, cut)
					if tail == "" {
						continue
					}
					// The candidate is fbase+tail and t is head+tail: test fbase against
					// head before building any string.
					head := t[:len(t)-len(tail)]
					if e.rule.whole && fbase != head || !e.rule.whole && !strings.HasSuffix(fbase, head) {
						continue
					}
					add(g, c, fbase+tail, base, tail, e.rule)
				}
			}
		}
	}
	// Petrovich drops the fleeting vowel of every surname in -ок/-ец ("Мердок" → "Мердка"),
	// which foreign names keep ("Мердока"): accept the plain masculine endings too.
	if genders&(1<<Male) != 0 && part != MiddleName {
		out := &out[Male]
		for c := Genitive; c < Case(len(Cases)); c++ {
			if stem, ok := strings.CutSuffix(word, plainMasculine[c]); ok && stem != "" {
				if r := lastFoldedRune(stem); strings.ContainsRune("бвгджзклмнпрстфхцчшщ", r) && !containsString(out[c], stem) {
					out[c] = append(out[c], stem)
				}
			}
		}
		// After ж, ш, ч, щ, ц the instrumental is spelt -ем: "Джорджем".
		if stem, ok := strings.CutSuffix(word, "ем"); ok && stem != "" {
			if r := lastFoldedRune(stem); strings.ContainsRune("жшчщц", r) && !containsString(out[Instrumental], stem) {
				out[Instrumental] = append(out[Instrumental], stem)
			}
		}
	}
}

// lastFoldedRune returns the last rune of Fold(s), without folding (and copying) all of s.
func lastFoldedRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r = unicode.ToLower(r); r == 'ё' {
		r = 'е'
	}
	return r
}

// plainMasculine holds the endings of a masculine name in a hard consonant, by case.
var plainMasculine = [...]string{Genitive: "а", Dative: "у", Accusative: "а", Instrumental: "ом", Prepositional: "е"}

// lastRunes returns the last n runes of s, or "" when s is shorter.
func lastRunes(s string, n int) string {
	end := len(s)
	for range n {
		if end == 0 {
			return ""
		}
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	return s[end:]
}

// containsJoined reports whether list holds a+b.
func containsJoined(list []string, a, b string) bool {
	for _, x := range list {
		if len(x) == len(a)+len(b) && x[:len(a)] == a && x[len(a):] == b {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
