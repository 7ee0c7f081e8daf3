package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Reading names: which gender and case the words of a name are in, and so their nominative.
// All words of a name agree in case, so "Мусой Маайта" is instrumental (Муса is a known name
// and "Маайта" stays as written) while "Мария Захарова" is a woman in the nominative.

type lemmaKey struct {
	word string
	part ru.NamePart
	g    ru.Gender
	c    ru.Case
}

// lemmaCache remembers ru.NameLemmas answers for the words of one findPeople call.
type lemmaCache map[lemmaKey][]string

func (lc lemmaCache) lemmas(word string, part ru.NamePart, g ru.Gender, c ru.Case) []string {
	k := lemmaKey{word, part, g, c}
	if ls, ok := lc[k]; ok {
		return ls
	}
	ls := ru.NameLemmas(word, part, g, c)
	lc[k] = ls
	return ls
}

// nameReading is one way to read words as a name.
type nameReading struct {
	lemmas    []string
	score     float64
	knownName bool // the first word is a known first name of the reading's gender
	surname   bool // the last word has a surname's suffix
	patronym  bool // a patronymic stands in the middle
	gender    ru.Gender
}

// readName returns the best reading of words as the parts given (first name, patronymic or
// surname for each word). roleCases are the cases of a role noun before the name: a reading
// that agrees with it gains, and so does the nominative, since foreign names are often left
// undeclined ("с председателем совета Суджата Котамраджу").
func (lc lemmaCache) readName(words []string, parts []ru.NamePart, roleCases uint8) (best nameReading, ok bool) {
	best.score = -1e9
	lemmas := make([]string, len(words))
	for _, g := range [2]ru.Gender{ru.Male, ru.Female} {
		for _, c := range ru.Cases {
			total := 0.0
			if c == ru.Nominative {
				total += 0.4
				if roleCases != 0 {
					total += 0.5
				}
			}
			if roleCases&(1<<c) != 0 {
				total++
			}
			if g == ru.Male {
				total += 0.3 // news name men more often than women
			}
			valid := true
			known, surname, patronym := false, false, false
			for i, w := range words {
				lemma, s := lc.bestLemma(w, parts[i], g, c)
				if lemma == "" {
					valid = false
					break
				}
				lemmas[i] = lemma
				total += s
				switch parts[i] {
				case ru.FirstName:
					m, f := ru.FirstNameGenders(lemma)
					known = g == ru.Male && m || g == ru.Female && f
				case ru.MiddleName:
					patronym = true
				case ru.LastName:
					if i == len(words)-1 {
						surname = surnameGender(ru.Fold(lemma))&(1<<g) != 0
					}
				}
			}
			if valid && total > best.score {
				best = nameReading{lemmas: append([]string(nil), lemmas...), score: total,
					knownName: known, surname: surname, patronym: patronym, gender: g}
				ok = true
			}
		}
	}
	return best, ok
}

// bestLemma returns the likeliest nominative of word as part in gender g and case c, and how
// plausible it is; "" when the word cannot be that part in that case.
func (lc lemmaCache) bestLemma(word string, part ru.NamePart, g ru.Gender, c ru.Case) (string, float64) {
	cands := lc.lemmas(word, part, g, c)
	if len(cands) == 0 {
		if part == ru.MiddleName {
			return "", 0
		}
		// Foreign names are often left undeclined: "с председателем Мусой Маайта".
		return word, lemmaScore(word, word, part, g, ru.Nominative) - 1.5
	}
	best, bestScore := "", -1e9
	for _, l := range cands {
		if s := lemmaScore(word, l, part, g, c); s > bestScore {
			best, bestScore = l, s
		}
	}
	return best, bestScore
}

// lemmaScore says how plausible lemma is as the nominative of word.
func lemmaScore(word, lemma string, part ru.NamePart, g ru.Gender, c ru.Case) float64 {
	fold := ru.Fold(lemma)
	score := 0.0
	if c == ru.Nominative && looksOblique(ru.Fold(word), part) {
		score -= 2
	}
	if part == ru.LastName && c != ru.Nominative && lemma != word && (surnameGender(fold) != 0 || endsInConsonant(fold)) {
		score += 0.5 // the surname shows the case it is in: "Кану", "Мильнеру"
	}
	if strings.HasSuffix(fold, "ы") || impossibleSpelling(fold) {
		score-- // no name ends in -ы; "Долгорукый" is not Russian spelling
	}
	if lemma != word && utf8.RuneCountInString(fold) < 3 {
		score-- // "Ху" is not the dative of "Ха"
	}
	switch part {
	case ru.FirstName:
		m, f := ru.FirstNameGenders(lemma)
		switch {
		case g == ru.Male && m || g == ru.Female && f:
			score += 3
		case m || f:
			score -= 3
		case g == ru.Female && strings.HasSuffix(fold, "ь"):
			score -= 0.5
		case g == ru.Female && endsInConsonant(fold):
			score -= 1.5 // unknown women's names mostly end in -а/-я
		}
	case ru.MiddleName:
		if !isPatronymic(fold) {
			return -1e6
		}
		score += 2
	case ru.LastName:
		sg := surnameGender(fold)
		switch {
		case sg == 3:
			score++
		case sg&(1<<g) != 0:
			score += 2
		case sg != 0:
			score--
		}
	}
	return score
}

// looksOblique reports whether a folded word ends like an inflected form rather than a
// nominative name ("Ермеком", "Кошербаевым").
func looksOblique(fold string, part ru.NamePart) bool {
	endings := []string{"ым", "ом", "ого", "ому", "ему", "ую", "ою", "ею", "ью", "ами", "ями"}
	if part == ru.FirstName {
		endings = append(endings, "ой", "ем")
	}
	for _, e := range endings {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

// isPatronymic reports whether a folded nominative is a patronymic ("Кемелевич", "Петровна",
// "Ильич", Turkic "оглы", "кызы").
func isPatronymic(fold string) bool {
	for _, e := range []string{"вич", "ьич", "вна", "ична", "оглы", "кызы", "улы", "уулу"} {
		if strings.HasSuffix(fold, e) && len(fold) > len(e)+2 {
			return true
		}
	}
	return false
}

var (
	maleSurnameEnds   = []string{"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ий", "ый"}
	femaleSurnameEnds = []string{"ова", "ева", "ёва", "ина", "ына", "ская", "цкая"}
	anySurnameEnds    = []string{"енко", "швили", "дзе", "ян", "янц", "ич", "ук", "юк", "ули", "иани", "оглу", "заде", "зода", "бай", "бек", "ұлы", "ой"}
)

// surnameGender returns a bit set of the genders (1<<ru.Male, 1<<ru.Female) whose surnames end
// as the folded nominative does, 0 when it does not look like a surname.
func surnameGender(fold string) uint8 {
	var bits uint8
	for _, e := range maleSurnameEnds {
		if strings.HasSuffix(fold, e) && len(fold) > len(e)+2 {
			bits |= 1 << ru.Male
		}
	}
	for _, e := range femaleSurnameEnds {
		if strings.HasSuffix(fold, e) && len(fold) > len(e)+2 {
			bits |= 1 << ru.Female
		}
	}
	if bits == 0 {
		for _, e := range anySurnameEnds {
			if strings.HasSuffix(fold, e) && len(fold) > len(e)+2 {
				return 3
			}
		}
	}
	return bits
}

// looksAdjective reports whether a folded word ends like an adjective of a place or an
// institution ("Северной", "Индуистского"), which starts many capitalised phrases.
func looksAdjective(fold string) bool {
	for _, e := range []string{"ский", "цкий", "ская", "цкая", "ское", "ских", "ским", "ском",
		"цкой", "цкого", "цкому", "цким", "цком", "цкую", "цких",
		"ской", "скую", "ского", "скому", "ного", "ному", "ным", "ной", "ная", "ное", "ных",
		"ную", "ный", "ний", "няя", "нее", "нему", "него", "ними", "ними", "ыми", "ими", "ого",
		"его", "ому", "ему", "ые", "ие"} {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

func endsInConsonant(fold string) bool {
	r, _ := utf8.DecodeLastRuneInString(fold)
	return strings.ContainsRune("бвгджзйклмнпрстфхцчшщ", r)
}

// impossibleSpelling reports letter pairs Russian spelling does not allow, which inverted
// rules may produce ("Долгорукый", "Юриь").
func impossibleSpelling(fold string) bool {
	for _, pair := range []string{"кы", "гы", "хы", "жы", "шы", "чы", "щы", "жя", "шя", "чя", "щя", "иь", "аь", "оь", "уь", "еь", "яь", "юь", "йь", "ьь"} {
		if strings.Contains(fold, pair) {
			return true
		}
	}
	return false
}

// surnameLemmas returns every folded nominative a single word may be as a surname, best
// first: its own form, then inverted case forms of both genders.
func (lc lemmaCache) surnameLemmas(word string) []string {
	out := []string{ru.Fold(word)}
	for _, g := range [2]ru.Gender{ru.Male, ru.Female} {
		for _, c := range ru.Cases[1:] {
			for _, l := range lc.lemmas(word, ru.LastName, g, c) {
				if f := ru.Fold(l); !containsFold(out, f) {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
