package extract

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Reading names: which gender and case the words of a name are in, and so their nominative.
// All words of a name agree in case, so "Мусой Маайта" is instrumental (Муса is a known name
// and "Маайта" stays as written) while "Мария Захарова" is a woman in the nominative.

// lemmaEntry is what one word says as one name part in one gender and case.
type lemmaEntry struct {
	lemmas   []string  // ru.NameLemmas
	scores   []float64 // lemmaScore of each of lemmas
	best     string    // the likeliest of them, or the word kept undeclined
	bestFold string    // best folded
}

// partReading is a word read as one name part, by gender and case. What readName weighs of
// every reading of every word it tries comes first, by the reading's bit g*len(ru.Cases)+c,
// in as few cache lines as can be: a score, and bit sets of the readings with a property.
type partReading struct {
	// Bit sets of readings: entries[g][c] has a best; its best is a known first name of the
	// entry's gender; has a surname suffix of the entry's gender; differs from the word and
	// ends in a consonant ("Гомесом"); looks like an adjective (looksAdjective).
	valid, known, surname, inflected, adjective uint16

	score   [2 * len(ru.Cases)]float64 // how plausible each best is (see lemmaScore)
	entries [2][len(ru.Cases)]lemmaEntry
}

// wordReadings holds what a word may be as a name: a lemmaEntry for every name part, gender
// and case, the known first name it is a form of, and its readings as a surname. Each part is
// read when first asked for: most capitalised words are never read as a patronymic, and many
// only as a first name.
type wordReadings struct {
	word  string
	fold  string      // word folded
	parts [3]struct { // allocated when first read: most words are read as one part or none
		lemmasOnce sync.Once
		lemmas     *[2][len(ru.Cases)][]string // ru.NameLemmasByGender
		once       sync.Once
		r          *partReading
	}
	firstOnce, surnsOnce sync.Once
	first                string   // a known first name the word is a case form of, "" if none
	surns                []string // folded surname readings, the word's own form first
	// Set with surns: one of them has a surname's suffix (surnameGender), the word looks like
	// an adjective (looksAdjective), and the longest start all of them share.
	surnameShaped, adjective bool
	surnsStart               string
}

// lemmas returns the nominatives the word may be as part, by gender and case. It is the
// cheaper half of reading a word: single words need no more.
func (w *wordReadings) lemmas(part ru.NamePart) *[2][len(ru.Cases)][]string {
	p := &w.parts[part]
	p.lemmasOnce.Do(func() {
		if part == ru.MiddleName && !mayBePatronymic(w.fold) {
			p.lemmas = &noLemmas // no patronymic reads so
			return
		}
		lemmas := ru.NameLemmasByGender(w.word, part)
		p.lemmas = &lemmas
	})
	return p.lemmas
}

// noLemmas and noReading are the readings of a word that reads as no patronymic, as most
// capitalised words do: one shared (and never written) value rather than one of each per
// word of the memo.
var (
	noLemmas  [2][len(ru.Cases)][]string
	noReading partReading
)

// part returns the word read as part.
func (w *wordReadings) part(part ru.NamePart) *partReading {
	p := &w.parts[part]
	p.once.Do(func() { w.read(part) })
	return p.r
}

// firstName returns the known first name the word is a case form of, "" if none.
func (w *wordReadings) firstName() string {
	w.firstOnce.Do(func() {
		for _, byCase := range w.lemmas(ru.FirstName) {
			for _, ls := range byCase {
				for _, l := range ls {
					if m, f := ru.FirstNameGenders(l); m || f {
						w.first = l
						return
					}
				}
			}
		}
	})
	return w.first
}

// surnames returns every folded nominative the word may be as a surname, its own form first,
// then inverted case forms of both genders.
func (w *wordReadings) surnames() []string {
	w.surnsOnce.Do(func() {
		w.surns = []string{ru.Fold(w.word)}
		for _, byCase := range w.lemmas(ru.LastName) {
			for _, ls := range byCase[ru.Genitive:] {
				for _, l := range ls {
					if f := ru.Fold(l); !containsFold(w.surns, f) {
						w.surns = append(w.surns, f)
					}
				}
			}
		}
		w.surnameShaped = slices.ContainsFunc(w.surns, func(s string) bool { return surnameGender(s) != 0 })
		w.adjective = looksAdjective(w.surns[0])
		start := w.surns[0]
		for _, s := range w.surns[1:] {
			n := 0
			for n < len(start) && n < len(s) && start[n] == s[n] {
				n++
			}
			start = start[:n]
		}
		w.surnsStart = start
	})
	return w.surns
}

// mayShareSurname reports whether the word and v may have a surname reading in common: a
// reading of both starts with the surnsStart of each, one of which then starts the other.
// It rules most pairs out at the first letter.
func (w *wordReadings) mayShareSurname(v *wordReadings) bool {
	w.surnames()
	v.surnames()
	return strings.HasPrefix(w.surnsStart, v.surnsStart) || strings.HasPrefix(v.surnsStart, w.surnsStart)
}

// read fills the entries of one part (under its sync.Once).
func (w *wordReadings) read(part ru.NamePart) {
	word := w.word
	p := &w.parts[part]
	if part == ru.MiddleName && !mayBePatronymic(w.fold) {
		p.r = &noReading // no patronymic reads so
		return
	}
	r := new(partReading)
	p.r = r
	lemmas := w.lemmas(part)
	for g := range r.entries {
		for _, c := range ru.Cases {
			e, k := &r.entries[g][c], g*len(ru.Cases)+int(c)
			e.lemmas = lemmas[g][c]
			e.scores = make([]float64, len(e.lemmas))
			for i, l := range e.lemmas {
				e.scores[i] = lemmaScore(word, w.fold, l, part, ru.Gender(g), c)
			}
			e.best, r.score[k] = bestOf(word, w.fold, e.lemmas, e.scores, part, ru.Gender(g))
			fold := w.fold
			if e.best != word {
				fold = ru.Fold(e.best)
			}
			e.bestFold = fold
			m, f := ru.FirstNameGenders(fold)
			bit := uint16(1) << k
			if g == int(ru.Male) && m || g == int(ru.Female) && f {
				r.known |= bit
			}
			if surnameGender(fold)&(1<<g) != 0 {
				r.surname |= bit
			}
			if e.best != word && endsInConsonant(fold) {
				r.inflected |= bit
			}
			if looksAdjective(fold) {
				r.adjective |= bit
			}
			if e.best != "" {
				r.valid |= bit
			}
		}
	}
}

// mayBePatronymic reports whether a folded word may be a case form of a patronymic: it keeps
// the ending of one ("Николаевичем", "Петровной", "Ильиничны") at least to its last letter.
func mayBePatronymic(fold string) bool {
	for _, e := range []string{"ви", "ьи", "вн", "ичн", "огл", "кыз", "ул"} {
		if strings.Contains(fold, e) {
			return true
		}
	}
	return false
}

// nameReading is one way to read words as a name.
type nameReading struct {
	n         int       // words in the name
	lem, fold [4]string // nominative of each word, and its fold
	adjective [4]bool   // looksAdjective of each fold
	score     float64
	knownName bool // the first word is a known first name of the reading's gender
	surname   bool // the last word has a surname's suffix
	patronym  bool // a patronymic stands in the middle
	inflected int  // words that show an oblique case ("Анибалом Гомесом")
	gender    ru.Gender
	c         ru.Case
}

// lemmas returns the nominative of each word of the name.
func (r *nameReading) lemmas() []string { return r.lem[:r.n] }

// folds returns the folded nominative of each word of the name.
func (r *nameReading) folds() []string { return r.fold[:r.n] }

// coordinated marks roleCases taken from a name coordinated with this one ("Кими Райкконена
// и Марка Уэббера"): the two share their case, and no role suggests an undeclined name.
const coordinated uint8 = 1 << 7

// readName returns the best reading of words as the parts given (first name, patronymic or
// surname for each word), as the bit g*len(ru.Cases)+c of its gender and case, and its
// score; k is -1 when there is none. roleCases are the cases of a role noun before the name:
// a reading that agrees with it gains, and so does the nominative, since foreign names are
// often left undeclined ("с председателем совета Суджата Котамраджу"). nameReadingOf gives
// the reading itself.
func readName(words []*wordReadings, parts []ru.NamePart, roleCases uint8) (k int, score float64) {
	var tabsBuf [4]*partReading
	tabs := tabsBuf[:len(words)]
	readable := ^uint16(0)
	for i, w := range words {
		tabs[i] = w.part(parts[i])
		readable &= tabs[i].valid
	}
	if readable == 0 {
		return -1, 0 // most words read as no patronymic
	}
	// What does not depend on the reading is settled first, as bit sets of readings.
	last := len(words) - 1
	var adjectiveLast uint16
	var secondFirst [4]uint16 // readings in which word i, a surname, is also a known first name
	for i, tab := range tabs {
		if parts[i] != ru.LastName {
			continue
		}
		if i == last {
			if i >= 2 {
				adjectiveLast = tab.adjective
			}
		} else {
			// "Реджеп Тайип Эрдоган": a second first name.
			secondFirst[i] = words[i].part(ru.FirstName).known
		}
	}
	bestScore, bestK := -1e9, -1
	// Readings every word has, g then c, in the order of their bits. Each sum adds its terms
	// in the same order, so that equal readings tie exactly and the first wins.
	for rest := readable; rest != 0; rest &= rest - 1 {
		k := bits.TrailingZeros16(rest)
		c := k % len(ru.Cases)
		total := 0.0
		if c == int(ru.Nominative) {
			total += 0.4
			if roleCases != 0 && roleCases&coordinated == 0 {
				total += 0.5
			}
		}
		if roleCases&(1<<c) != 0 {
			total++
		} else if roleCases != 0 && c != int(ru.Nominative) {
			total -= 0.5 // a name after a role agrees with it or stays undeclined
		}
		total += menFirst[k]
		for i, tab := range tabs {
			total += tab.score[k]
			if secondFirst[i]>>k&1 != 0 {
				total += 0.5
			}
		}
		if adjectiveLast>>k&1 != 0 {
			total-- // "Роман Коноплев Русской (церкви)": an adjective after a name
		}
		if total > bestScore {
			bestScore, bestK = total, k
		}
	}
	return bestK, bestScore
}

// nameReadingOf returns the reading k (see readName) of words as parts, with its score.
func nameReadingOf(words []*wordReadings, parts []ru.NamePart, k int, score float64) nameReading {
	g, c := k/len(ru.Cases), k%len(ru.Cases)
	r := nameReading{n: len(words), score: score, gender: ru.Gender(g), c: ru.Case(c)}
	for i, w := range words {
		tab := w.part(parts[i])
		switch parts[i] {
		case ru.FirstName:
			r.knownName = tab.known>>k&1 != 0
		case ru.MiddleName:
			r.patronym = true
		case ru.LastName:
			if i == len(words)-1 {
				r.surname = tab.surname>>k&1 != 0
			}
		}
		e := &tab.entries[g][c]
		r.lem[i], r.fold[i], r.adjective[i] = e.best, e.bestFold, tab.adjective>>k&1 != 0
		r.inflected += int(tab.inflected >> k & 1)
	}
	return r
}

// menFirst is what readName adds to a reading by its bit: news name men more often than
// women. (A table rather than a test: the test was mispredicted twice a name.)
var menFirst = [2 * len(ru.Cases)]float64{0.3, 0.3, 0.3, 0.3, 0.3, 0.3}

func bestOf(word, wordFold string, cands []string, scores []float64, part ru.NamePart, g ru.Gender) (string, float64) {
	if len(cands) == 0 {
		if part == ru.MiddleName {
			return "", 0
		}
		// Foreign names are often left undeclined: "с председателем Мусой Маайта". Those that
		// end in a vowel other than -а/-я after a consonant never decline ("Кими", "Джошуа").
		penalty := 1.5
		if indeclinable(wordFold) {
			penalty = 0.5
		}
		return word, lemmaScore(word, wordFold, word, part, g, ru.Nominative) - penalty
	}
	best, bestScore := "", -1e9
	for i, l := range cands {
		if s := scores[i]; s > bestScore {
			best, bestScore = l, s
		}
	}
	return best, bestScore
}

// indeclinable reports whether a folded foreign name ends as names Russian does not decline:
// in -о, -и, -у, -е, -э, -ю, or in -а after a vowel ("Пабло", "Кими", "Джошуа").
func indeclinable(fold string) bool {
	last, size := utf8.DecodeLastRuneInString(fold)
	if strings.ContainsRune("оиуеэю", last) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(fold[:len(fold)-size])
	return last == 'а' && strings.ContainsRune("аеиоуыэюя", prev)
}

// lemmaScore says how plausible lemma is as the nominative of word (folded wordFold).
func lemmaScore(word, wordFold, lemma string, part ru.NamePart, g ru.Gender, c ru.Case) float64 {
	fold := wordFold
	if lemma != word {
		fold = ru.Fold(lemma)
	}
	score := 0.0
	if c == ru.Nominative && looksOblique(wordFold, part) {
		score -= 2
	}
	if c != ru.Nominative && lemma != word {
		// The word shows the case it is in: "Кошербаевым", "Кану", "Мильнеру".
		switch {
		case part == ru.LastName && surnameGender(fold) != 0:
			score += 0.5
		case endsInConsonant(fold) && !strings.HasSuffix(fold, "й"):
			score += 0.25
		}
	}
	if c != ru.Nominative && lemma != word && strings.HasSuffix(fold, "а") && part == ru.LastName {
		score += 0.25 // "Дерипаски" is "Дерипаска" rather than an undeclined "Дерипаски"
	}
	if c != ru.Nominative && lemma != word && g == ru.Female && part == ru.FirstName &&
		(strings.HasSuffix(fold, "а") || strings.HasSuffix(fold, "я")) {
		score += 0.25 // women's names end so: "Наине" is "Наина" rather than undeclined
	}
	if part == ru.LastName {
		switch {
		case c == ru.Nominative && (strings.HasSuffix(fold, "у") || strings.HasSuffix(fold, "ю")):
			score -= 0.3 // more often a dative ("Чавесу") than an undeclined name
		case strings.HasSuffix(fold, "ого") || strings.HasSuffix(fold, "его") || strings.HasSuffix(fold, "ому") || strings.HasSuffix(fold, "ему"):
			score-- // "Навального" is the genitive of "Навальный"
		case adjectivalSurname(fold) && (c == ru.Nominative || looksOblique(wordFold, ru.FirstName)):
			// "Навальный", "Луговой", "Долгорукий", "Стреляная", declined as adjectives. The
			// oblique forms do not tell -ой from -ый and -ий: prefer -ой after в and т
			// ("Луговой", "Толстой"), -ий after к, г, х, ж, ш, ч, щ ("Долгорукий"), else -ый.
			score++
			stem, _ := utf8.DecodeLastRuneInString(fold[:len(fold)-len("ой")])
			if strings.HasSuffix(fold, "ой") != strings.ContainsRune("вт", stem) {
				score -= 0.25
			}
		}
	}
	if strings.HasSuffix(fold, "ы") || impossibleSpelling(fold) {
		score-- // no name ends in -ы; "Долгорукый" is not Russian spelling
	}
	if lemma != word && utf8.RuneCountInString(fold) < 3 {
		score-- // "Ху" is not the dative of "Ха"
	}
	switch part {
	case ru.FirstName:
		m, f := ru.FirstNameGenders(fold)
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
	for _, e := range obliqueEndings {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return part == ru.FirstName && (strings.HasSuffix(fold, "ой") || strings.HasSuffix(fold, "ем"))
}

var obliqueEndings = []string{"ым", "ом", "ого", "ому", "ему", "ую", "ою", "ею", "ью", "ами", "ями"}

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
	maleSurnameEnds   = newSuffixSet("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")
	femaleSurnameEnds = newSuffixSet("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")
	anySurnameEnds    = newSuffixSet("енко", "швили", "дзе", "ян", "янц", "ич", "ук", "юк", "ули", "иани", "оглу", "заде", "зода", "бай", "бек", "ұлы")
)

// surnameGender returns a bit set of the genders (1<<ru.Male, 1<<ru.Female) whose surnames end
// as the folded nominative does, 0 when it does not look like a surname.
func surnameGender(fold string) uint8 {
	var bits uint8
	for _, e := range maleSurnameEnds.endingAs(fold) {
		if strings.HasSuffix(fold, e) && len(fold) >= len(e)+4 {
			bits |= 1 << ru.Male
		}
	}
	for _, e := range femaleSurnameEnds.endingAs(fold) {
		if strings.HasSuffix(fold, e) && len(fold) >= len(e)+4 {
			bits |= 1 << ru.Female
		}
	}
	if bits == 0 {
		for _, e := range anySurnameEnds.endingAs(fold) {
			if strings.HasSuffix(fold, e) && len(fold) >= len(e)+4 {
				return 3
			}
		}
	}
	return bits
}

// looksAdjective reports whether a folded word ends like an adjective of a place or an
// institution ("Северной", "Индуистского"), which starts many capitalised phrases.
func looksAdjective(fold string) bool {
	for _, e := range adjectiveEnds.endingAs(fold) {
		// An adjective has a stem of two letters or more: "Кими" is a name.
		if stem, ok := strings.CutSuffix(fold, e); ok && utf8.RuneCountInString(stem) >= 2 {
			return true
		}
	}
	return false
}

var adjectiveEnds = newSuffixSet("ский", "цкий", "ская", "цкая", "ское", "ских", "ским", "ском",
	"цкой", "цкого", "цкому", "цким", "цком", "цкую", "цких",
	"ской", "скую", "ского", "скому", "ного", "ному", "ным", "ной", "ная", "ное", "ных",
	"ную", "ный", "ний", "няя", "нее", "нему", "него", "ними", "ыми", "ими", "ого",
	"его", "ому", "ему", "ые", "ие")

// adjectivalSurname reports whether a folded nominative ends as a surname declined like an
// adjective ("Навальный", "Луговой"), and not as an inverted form of another surname
// ("Сердюковый" is the wrong reading of "Сердюковым").
func adjectivalSurname(fold string) bool {
	for _, e := range []string{"ый", "ий", "ой", "ая"} {
		if stem, ok := strings.CutSuffix(fold, e); ok && len(stem) >= 6 {
			for _, bad := range []string{"ов", "ев", "ин", "ын", "ск", "цк"} {
				if strings.HasSuffix(stem, bad) {
					return false
				}
			}
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
// It reads the word once, judging each letter by the one before it: it runs on every reading
// of every new word.
func impossibleSpelling(fold string) bool {
	var prev rune
	for i := 0; i < len(fold); {
		r, size := decodeRune(fold, i)
		switch r {
		case 'ы': // "кы", "гы", "хы", "жы", "шы", "чы", "щы"
			if strings.ContainsRune("кгхжшчщ", prev) {
				return true
			}
		case 'я': // "жя", "шя", "чя", "щя"
			if strings.ContainsRune("жшчщ", prev) {
				return true
			}
		case 'ь': // "иь", "аь", "оь", "уь", "еь", "яь", "юь", "йь", "ьь"
			if strings.ContainsRune("иаоуеяюйь", prev) {
				return true
			}
		case 'о': // "оо"
			if prev == 'о' {
				return true
			}
		}
		prev = r
		i += size
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
