package ru

import (
	"strings"
	"unicode/utf8"
)

// A country adjective often only describes something ("японский пруд", "канадского психолога");
// before a noun naming a state's organs, officials, forces, citizens (at home or abroad:
// "кыргызской диаспоры") or dealings it names the country acting ("норвежской делегации", "российского МИДа", "украинские войска",
// "американской стороны"). The extractor keeps a country it finds only through adjectives when
// one of them stands before such a noun.
//
// Source: curated by hand for dispatch from the vocabulary of foreign-affairs news (no
// third-party data).

// stateNounStems are the stems of the state nouns; stateNounEndings turns each into its case
// forms, singular and plural, overgenerating like the name rules.
var stateNounStems = []string{
	// government and its organs
	"власт", "правительств", "кабинет", "кабмин", "министерств", "мид", "госдепартамент",
	"госдеп", "ведомств", "парламент", "сенат", "конгресс", "руководств", "режим",
	// officials
	"президент", "премьер", "министр", "лидер", "руководител", "канцлер", "корол", "монарх",
	"парламентари", "депутат", "сенатор", "законодател", "спикер", "чиновник", "дипломат",
	// diplomacy
	"посольств", "консульств", "дипмисси", "представительств", "делегаци", "сторон",
	"отношени", "сотрудничеств", "переговор", "санкци", "визит",
	// the state itself, its forces, its people at home and abroad, its economy and partners
	"государств", "арми", "войск", "военн", "сил", "флот", "спецслужб", "разведк",
	"пограничник", "граждан", "соотечественник", "диаспор", "оппозици", "экономик", "партнер",
}

// stateNounEndings are the noun endings of every declension, singular and plural, and those of
// the adjectival nouns ("военные").
var stateNounEndings = []string{
	"", "а", "о", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях",
	"ой", "ою", "ю", "я", "ь", "ью", "й", "ин", "ина", "ину", "ином", "ине",
	"ые", "ых", "ым", "ыми", "ого", "ому",
}

// notStateNouns are forms the stems and endings make that are other words: "после" is a
// preposition.
var notStateNouns = []string{"после"}

// stateNouns holds every form of the state nouns, folded, plus the forms of "посол", whose stem
// changes ("посла").
var stateNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, stem := range stateNounStems {
		for _, e := range stateNounEndings {
			m[stem+e] = true
		}
	}
	for _, f := range []string{"посол", "посла", "послу", "послом", "послы", "послов", "послам", "послами", "послах"} {
		m[f] = true
	}
	for _, f := range notStateNouns {
		delete(m, f)
	}
	return m
}()

// maybeStateNoun holds the keys of stateNouns: most words a rule asks about are none, ruled out
// before a hash of the whole word.
var maybeStateNoun = func() (f wordFilter) {
	for form := range stateNouns {
		f.add(form)
	}
	return f
}()

// isStateNounForm reports whether a folded word is one of stateNouns.
func isStateNounForm(fold string) bool { return maybeStateNoun.mayHave(fold) && stateNouns[fold] }

// IsStateNoun reports whether a folded word (see Fold) is a case form of a noun naming a state's
// organs, officials, forces, citizens or dealings ("правительства", "послом", "делегации",
// "стороны", "МИДа" folded, "премьер-министра"), after which a country adjective names the
// country acting. A hyphenated word counts when one of its parts does ("вице-премьер").
func IsStateNoun(fold string) bool {
	if isStateNounForm(fold) {
		return true
	}
	if !strings.Contains(fold, "-") {
		return false
	}
	for part := range strings.SplitSeq(fold, "-") {
		if isStateNounForm(part) {
			return true
		}
	}
	return false
}

// maxHeadDistance bounds the words between a country adjective and the noun it qualifies
// ("российской государственной нефтяной компании").
const maxHeadDistance = 3

// StateNounReach is the most words after a country adjective StateNounFollows looks at.
const StateNounReach = maxHeadDistance

// StateNounFollows reports whether folds, the folded words after a country adjective up to the
// first punctuation, start with a state noun, maybe after other adjectives ("британской внешней
// разведки") or a second country adjective ("российские и казахстанские дипломаты"): then the
// adjective names the country acting rather than describing something ("японский пруд").
func StateNounFollows(folds []string) bool {
	for i, fold := range folds {
		switch {
		case i == maxHeadDistance:
			return false
		case IsStateNoun(fold):
			return true
		case fold != "и" && !isAdjectiveForm(fold):
			return false
		}
	}
	return false
}

// isAdjectiveForm reports whether a folded word ends like a full adjective in any gender,
// number and case and is long enough not to be a pronoun ("его", "ими").
func isAdjectiveForm(fold string) bool {
	two := endingKey(fold, 2)
	if two < 0 { // the endings are letters а..я
		return false
	}
	if !adjectiveEndings.has(two) {
		if three := endingKey(fold, 3); three < 0 || !adjectiveEndings.has(three) {
			return false
		}
	}
	return utf8.RuneCountInString(fold) >= 5
}

// endingSet holds the endings of adjEndings by their endingKey: a bit test instead of comparing
// a word's ending with each of them.
type endingSet [(1<<10 + 1<<15) / 64]uint64

func (e *endingSet) has(key int) bool { return e[key/64]&(1<<(key%64)) != 0 }

// adjectiveEndings holds adjEndings.
var adjectiveEndings = func() (e endingSet) {
	for _, ending := range adjEndings {
		key := endingKey(ending, utf8.RuneCountInString(ending))
		e[key/64] |= 1 << (key % 64)
	}
	return e
}()

// endingKey numbers the last n (2 or 3) letters of a word when they are all а..я, a number
// below 2^10 for two letters and from 2^10 to 2^10+2^15 for three, and returns -1 otherwise.
func endingKey(word string, n int) int {
	if len(word) < 2*n {
		return -1
	}
	key := 0
	for i := len(word) - 2*n; i < len(word); i += 2 {
		var letter int
		switch b0, b1 := word[i], word[i+1]; {
		case b0 == 0xD0 && 0xB0 <= b1 && b1 <= 0xBF: // а..п
			letter = int(b1 - 0xB0)
		case b0 == 0xD1 && 0x80 <= b1 && b1 <= 0x8F: // р..я
			letter = int(b1-0x80) + 16
		default:
			return -1
		}
		key = key<<5 | letter
	}
	return key + (n-2)<<10 // the keys of three letters after those of two
}
