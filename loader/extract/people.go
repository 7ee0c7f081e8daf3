package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// foundPerson is a person of one article while findPeople collects them.
type foundPerson struct {
	name     string       // canonical name, nominative
	surname  string       // folded last word of name
	first    string       // folded first name, "" for a surname alone
	words    [2]*wordInfo // first and last word of the name as first written
	initial  string       // folded first letter of the first name, "" for a surname alone
	role     string
	mentions int
	order    int    // index of the first mention, to list people as the article does
	key      string // the key of the model.Person made of it, set by refs
	at       int32  // its index in peopleFinder.people
}

// pendingMention is a single word that names a person by surname, resolved once every full
// name of the article is known.
type pendingMention struct {
	text     int // index into texts
	start    int
	end      int
	lemmas   []string // folded surname readings, the word's own form first
	initial  string   // folded initial written with it ("К. Токаев"), if any
	role     string
	feminine bool // a feminine verb follows ("Захарова заявила")
}

// peopleFinder holds the state of one findPeople call.
type peopleFinder struct {
	people      []*foundPerson
	byKey       map[personKey]*foundPerson
	bySurname   map[string]surnameChain // see addSurname
	surnamed    []surnameLink
	pending     []pendingMention
	patronymics []patronymicMention
	spans       []personSpan
	words       []wordToken            // the words of every text, reused across calls
	cache       *wordCache             // kept across calls
	names       map[string]nameForms   // kept across calls, see formsOf
	roles       map[string]string      // kept across calls, see roleBefore
	joined      map[string]string      // kept across calls, see nameOf
	choices     map[spanKey]spanChoice // kept across calls, see readSpan
	nameBuf     []byte                 // see nameOf
	epoch       int64                  // wordsEpoch when cache was filled
	consumed    []bool                 // words already read as part of a name
	caps        []int32                // the capitalised words of every text (see capitals)
	// Buffers kept across calls: per text, the bounds of its words, its words, their
	// consumed marks and its capitalised words; foundPerson values to reuse; the people refs
	// lists.
	bounds     []int
	tokens     [][]wordToken
	consumedBy [][]bool
	capsBy     [][]int32
	spare      []*foundPerson
	listed     []*foundPerson
}

// personKey identifies a person of one article by folded first name and surname; first is ""
// for a person named by surname alone.
type personKey struct{ first, last string }

// personSpan is a mention waiting for its person's final key. It holds no pointer, so the
// spans of an article are appended and sorted with no write barrier while the collector runs.
type personSpan struct {
	person     int32 // index into peopleFinder.people
	text       int32
	start, end int32
}

// place returns where the span is as one number, which orders spans by text, then start.
func (s personSpan) place() int64 { return int64(s.text)<<32 | int64(s.start) }

// mention records a mention of p at span of texts[text].
func (pf *peopleFinder) mention(p *foundPerson, text int, span [2]int) {
	pf.spans = append(pf.spans, personSpan{p.at, int32(text), int32(span[0]), int32(span[1])})
}

// list adds p, new, to the people of the article.
func (pf *peopleFinder) list(p *foundPerson) {
	p.at = int32(len(pf.people))
	pf.people = append(pf.people, p)
}

// findPeople finds people in texts (texts[0] is the title, texts[i] is block i-1) and appends
// their mentions.
func findPeople(texts []string, mentions []mention, lists Lists) ([]model.PersonRef, []mention) {
	pf := finderPool.Get().(*peopleFinder)
	defer pf.release()
	if e := wordsEpoch.Load(); e != pf.epoch {
		pf.cache.clear()
		clear(pf.names)
		clear(pf.roles)
		clear(pf.choices)
		pf.epoch = e
	}
	all := pf.words[:0]
	bounds := slices.Grow(pf.bounds[:0], len(texts)+1)[:len(texts)+1]
	pf.bounds = bounds
	particles := false
	for i, text := range texts {
		all = tokenizeWords(text, all, pf.cache, &particles)
		bounds[i+1] = len(all)
	}
	pf.words = all
	allConsumed := slices.Grow(pf.consumed[:0], len(all))[:len(all)]
	clear(allConsumed)
	pf.consumed = allConsumed
	allCaps := slices.Grow(pf.caps[:0], len(all))[:len(all)]
	pf.caps = allCaps
	tokens := slices.Grow(pf.tokens[:0], len(texts))[:len(texts)]
	consumed := slices.Grow(pf.consumedBy[:0], len(texts))[:len(texts)]
	caps := slices.Grow(pf.capsBy[:0], len(texts))[:len(texts)]
	pf.tokens, pf.consumedBy, pf.capsBy = tokens, consumed, caps
	for i, text := range texts {
		tokens[i] = all[bounds[i]:bounds[i+1]:bounds[i+1]]
		if particles {
			tokens[i] = mergeParticles(text, tokens[i], pf.cache)
		}
		consumed[i] = allConsumed[bounds[i] : bounds[i]+len(tokens[i])]
		caps[i] = capitals(tokens[i], allCaps[bounds[i]:bounds[i+1]])
	}
	for i := range texts {
		pf.findFullNames(texts[i], i, tokens[i], caps[i], consumed[i])
	}
	pf.resolvePatronymics()
	for i := range texts {
		pf.findSurnames(texts[i], i, tokens[i], caps[i], consumed[i])
	}
	pf.resolvePending()
	return pf.refs(mentions, lists)
}

// finderPool keeps peopleFinder values, with their word buffers and maps, from one article to
// the next: loading runs findPeople once per article on every core.
var finderPool = sync.Pool{New: func() any {
	return &peopleFinder{
		byKey:     map[personKey]*foundPerson{},
		cache:     newWordCache(),
		names:     map[string]nameForms{},
		roles:     map[string]string{},
		joined:    map[string]string{},
		choices:   map[spanKey]spanChoice{},
		bySurname: map[string]surnameChain{},
	}
}}

// release empties pf and returns it to finderPool. Buffers that grew large on a huge article
// are dropped rather than kept.
func (pf *peopleFinder) release() {
	if cap(pf.words) > 1<<16 {
		return
	}
	clear(pf.byKey)
	clear(pf.bySurname)
	clear(pf.surnamed)
	pf.surnamed = pf.surnamed[:0]
	clear(pf.words) // drop references to the article's text
	clear(pf.tokens)
	if len(pf.spare) < maxSpare {
		pf.spare = append(pf.spare, pf.people...)
	}
	clear(pf.people)
	pf.people, pf.pending, pf.patronymics, pf.spans = pf.people[:0], pf.pending[:0], pf.patronymics[:0], pf.spans[:0]
	finderPool.Put(pf)
}

// maxSpare bounds the foundPerson values a finder keeps for the next article.
const maxSpare = 1 << 10

// newPerson returns a foundPerson holding p, reusing one of an earlier article.
func (pf *peopleFinder) newPerson(p foundPerson) *foundPerson {
	var fp *foundPerson
	if n := len(pf.spare); n > 0 {
		fp = pf.spare[n-1]
		pf.spare = pf.spare[:n-1]
	} else {
		fp = new(foundPerson)
	}
	*fp = p
	return fp
}

// findFullNames finds names of two words or more, and initials with a surname. caps are the
// capitalised words of toks, where every name starts.
func (pf *peopleFinder) findFullNames(text string, ti int, toks []wordToken, caps []int32, consumed []bool) {
	next := 0 // the first word after the last run read
	for _, c := range caps {
		i := int(c)
		if bit(i < next)|bit(!isNameWord(&toks[i])) != 0 { // one branch for both tests
			continue
		}
		j := i + 1
		for j < len(toks) && bit(isNameWord(&toks[j]))&bit(toks[j].spaceOnly) != 0 {
			j++
		}
		// A name here has two words at least (or an initial and a surname): a capitalised
		// word alone, most of them, is left to findSurnames.
		if j-i >= 2 {
			pf.parseGroup(text, ti, toks, i, j, consumed)
		}
		next = j
	}
}

// capitals returns the indices of the capitalised words of toks (initials among them),
// written into into, which is as long as toks at least: findFullNames and findSurnames look
// at these words only, about a third of those read.
func capitals(toks []wordToken, into []int32) []int32 {
	n := 0
	for i := range toks {
		into[n] = int32(i)
		if toks[i].upper {
			n++ // compiled without a branch: capitals come in no order a processor can guess
		}
	}
	return into[:n]
}

// nameParticles are the lower-case words inside foreign names: "Усама бин Ладен", "Шарль де
// Голль", "Урсула фон дер Ляйен". None is longer than "дель" (see afterParticle).
var nameParticles = map[string]bool{"бин": true, "ибн": true, "де": true, "ван": true, "фон": true,
	"дер": true, "ди": true, "да": true, "дель": true, "ле": true, "ла": true, "эль": true, "аль": true,
	"дос": true, "дю": true, "ду": true, "оглы": true}

// mergeParticles glues a name particle between two capitalised words to the word after it
// ("бин Ладен" becomes one word), so a name reads as first name and surname. It works in
// place and returns the shortened slice.
func mergeParticles(text string, toks []wordToken, cache *wordCache) []wordToken {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if j := i + 1; i > 0 && j < len(toks) && !t.upper && t.spaceOnly && toks[j].spaceOnly &&
			isNameWord(&toks[i-1]) && isNameWord(&toks[j]) && !toks[j].initial && nameParticles[t.fold] {
			for j+1 < len(toks) && nameParticles[toks[j].fold] && toks[j+1].spaceOnly && isNameWord(&toks[j+1]) {
				j++ // "фон дер Ляйен"
			}
			n := toks[j]
			n.start = t.start
			n.info = cache.get(n.word(text))
			n.fold = n.info.fold
			n.spaceOnly, n.sentStart, n.before = t.spaceOnly, false, t.before
			out = append(out, n)
			i = j
			continue
		}
		if len(out) < i {
			out = append(out, *t) // shift down after a merge
		} else {
			out = out[:i+1]
		}
	}
	return out
}

// isNameWord reports whether a token may be part of a name: a capitalised Cyrillic word that
// is not an abbreviation, or initials. The flags are combined as bits, without a branch for
// each: they come in no order a processor can guess.
func isNameWord(t *wordToken) bool { return bit(t.initial)|capitalNameBit(t) != 0 }

// capitalNameBit is 1 when a token is a capitalised Cyrillic word that may be part of a name
// (not an abbreviation), else 0: isNameWord but for initials.
func capitalNameBit(t *wordToken) uint8 {
	return bit(t.upper) & bit(t.cyrillic) &^ (bit(t.allCaps) | bit(t.mixedCaps)) & bit(t.end-t.start > 2)
}

// bit returns 1 for true and 0 for false, compiled without a branch.
func bit(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// parseGroup reads a run toks[from:to] of capitalised words: it splits it at words that are
// never names and reads each part as a name.
func (pf *peopleFinder) parseGroup(text string, ti int, toks []wordToken, from, to int, consumed []bool) {
	if toks[from].quoted && !pf.startsName(toks[from:to]) {
		return // «Аз-Зур», «Солидарность»: the name of a thing
	}
	if from > 0 && toks[from].spaceOnly && isPlaceNoun(toks[from-1].fold) && !pf.startsName(toks[from:to]) {
		from++ // "штата Аризона", "улица Пушкина"; a name may follow: "штата Аризона Гэбриэль Гиффордс"
		if to-from < 2 {
			return
		}
	}
	start := from
	for k := from; k <= to; k++ {
		stop := k == to
		if !stop {
			fold := toks[k].fold
			info := pf.info(&toks[k])
			stop = !toks[k].initial && info.notName
			if stop && info.surnameLike && k > start && pf.readings(&toks[k-1]).firstName() != "" {
				stop = false // "Мария Иванова": a surname after a first name, not a city
			}
			if !stop && k+1 < to {
				// "Северной Македонии": a multi-word country.
				if code, n := ru.CountryPhraseAt([]string{fold, toks[k+1].fold}); n > 0 || code != "" {
					stop = true
				}
			}
		}
		if stop {
			if k-start >= 2 || k-start == 1 && toks[start].initial {
				pf.parseSegment(text, ti, toks, start, k, consumed)
			}
			start = k + 1
		}
	}
}

// parseSegment reads toks[from:to], two words or more with no stop word, as a name, trying
// its longest well-read stretch.
func (pf *peopleFinder) parseSegment(text string, ti int, toks []wordToken, from, to int, consumed []bool) {
	// Initials and a surname, either way round: "К.-Ж. Токаев", "Токаев К.К.".
	if to-from == 2 && (toks[from].initial != toks[from+1].initial) {
		ini, sur := &toks[from], &toks[from+1]
		if sur.initial {
			ini, sur = sur, ini
		}
		first, _ := utf8.DecodeRuneInString(ini.word(text))
		consumed[from], consumed[from+1] = true, true
		pf.addPending(text, ti, toks, indexOf(toks, sur), ru.Fold(string(first)), consumed)
		return
	}
	// "Джордж Х. Кинг": a middle initial between a first name and a surname.
	if to-from == 3 && toks[from+1].initial && !toks[from].initial && !toks[from+2].initial {
		if r, ok := pf.readSpan([]wordToken{toks[from], toks[from+2]}, 0); ok && r.knownName {
			consumed[from], consumed[from+1], consumed[from+2] = true, true, true
			p := pf.person(r.lemmas(), r.folds(), "")
			pf.mention(p, ti, [2]int{int(toks[from].start), int(toks[from+2].end)})
			return
		}
	}
	for k := from; k < to; k++ {
		if toks[k].initial {
			return
		}
	}
	if afterLocative(toks, from) && !pf.startsName(toks[from:to]) {
		return // "в Ясной Поляне"
	}
	// The first word of a sentence is usually an ordinary word ("Стороны", "Полёт") unless it
	// is a known first name.
	if toks[from].sentStart && !pf.startsName(toks[from:to]) {
		from++
		if to-from < 2 {
			return
		}
	}
	// A surname of someone already named may stand before a name: "вдова Ельцина Наина
	// Иосифовна", "сын Кадырова Рамзан".
	for to-from >= 3 && !pf.startsName(toks[from:to]) {
		p := pf.linkSurname(pf.readings(&toks[from]).surnames(), "")
		if p == nil {
			break
		}
		consumed[from] = true
		pf.mention(p, ti, toks[from].span())
		from++
	}
	type choice struct {
		from, to int
		r        nameReading
	}
	stated := pf.roleBefore(text, toks, from, consumed)
	role, cases := stated.text, stated.cases
	if cases == 0 {
		cases = pf.coordinatedCases(toks, to)
	}
	var best choice
	found := false
	// The best-read stretch wins; on a tie, one that ends the run (what comes before a name
	// is often a place or an organisation), then the shorter.
	for a := from; a < to; a++ {
		for b := min(to, a+4); b-a >= 2; b-- {
			r, ok := pf.readSpan(toks[a:b], cases)
			if !ok || b-a == 4 && !r.patronym {
				continue
			}
			better := !found || r.score > best.r.score
			if found && r.score == best.r.score {
				better = b == to && best.to != to || (b == to) == (best.to == to) && b-a < best.to-best.from
			}
			if better {
				best, found = choice{a, b, r}, true
			}
		}
	}
	if !found {
		return
	}
	r := best.r
	if best.from != from {
		stated = pf.roleBefore(text, toks, best.from, consumed)
	}
	role = stated.forName(text, toks, best.from, &r, func() uint8 { return pf.alikeCases(toks[best.from:best.to], &r) })
	firstAdjective, lastAdjective := r.adjective[0], r.adjective[r.n-1]
	switch {
	case r.knownName, r.patronym:
	case firstAdjective:
		return
	case role != "" && (cases&(1<<r.c) != 0 || r.c == ru.Nominative), r.inflected >= 2:
	case r.surname && !lastAdjective:
	case best.to-best.from == 2 && !toks[best.from].sentStart && !lastAdjective:
		// Two capitalised words inside a sentence that no list knows and nothing above ruled
		// out (places, institutions, titles, adjectives): "Джери Калмис", "Ринго Старр".
	default:
		return
	}
	role = stated.ownRole(role, r.c)
	for k := best.from; k < best.to; k++ {
		consumed[k] = true
	}
	span := [2]int{int(toks[best.from].start), int(toks[best.to-1].end)}
	if r.patronym && r.n == 2 {
		// "Борис Николаевич": the surname may be given elsewhere in the article.
		pf.patronymics = append(pf.patronymics, patronymicMention{ti, span, slices.Clone(r.lemmas()), role})
		return
	}
	p := pf.byKey[keyOf(r.folds())]
	if p == nil {
		// Another case form of a name already read: "Бесселя Кока" and "Бесселю Кок".
		if p := pf.sameAs(pf.info(&toks[best.from]), pf.info(&toks[best.to-1])); p != nil {
			if p.role == "" {
				p.role = role
			}
			pf.mention(p, ti, span)
			return
		}
	}
	p = pf.personOf(p, r.lemmas(), r.folds(), role)
	if p.words[0] == nil {
		p.words = [2]*wordInfo{pf.info(&toks[best.from]), pf.info(&toks[best.to-1])}
	}
	pf.mention(p, ti, span)
}

// coordinatedCases returns the case of a name joined by "и" after toks[:to] when it reads
// clearly as an oblique case (a known first name), with the coordinated bit; 0 otherwise.
func (pf *peopleFinder) coordinatedCases(toks []wordToken, to int) uint8 {
	if to+2 >= len(toks) || toks[to].fold != "и" || !toks[to].spaceOnly {
		return 0
	}
	next := toks[to+1 : to+3]
	if !next[0].spaceOnly || !next[1].spaceOnly || !isNameWord(&next[0]) || !isNameWord(&next[1]) ||
		next[0].initial || next[1].initial {
		return 0
	}
	r, ok := pf.readSpan(next, 0)
	if !ok || !r.knownName || r.c == ru.Nominative {
		return 0
	}
	cases := uint8(1) << r.c
	if r.c == ru.Genitive || r.c == ru.Accusative {
		cases |= 1<<ru.Genitive | 1<<ru.Accusative // the same forms for men
	}
	return cases | coordinated
}

// afterLocative reports whether toks[i] follows a preposition of place: "в Брюсселе", "на
// Сахалине". People are rarely the object of these.
func afterLocative(toks []wordToken, i int) bool {
	if i == 0 || !toks[i].spaceOnly {
		return false
	}
	switch toks[i-1].fold {
	case "в", "во":
		return true
	case "на":
		return strings.HasSuffix(toks[i].fold, "е")
	}
	return false
}

// afterPlacePreposition reports whether toks[i] follows a preposition that a place's name
// follows as often as a person's: "из Иванова", "под Ростовом".
func afterPlacePreposition(toks []wordToken, i int) bool {
	if i == 0 || !toks[i].spaceOnly {
		return false
	}
	switch toks[i-1].fold {
	case "в", "во", "на", "из", "до", "от", "под", "над", "за", "через", "около", "возле", "близ":
		return true
	}
	return false
}

// startsName reports whether a sentence-initial run of words starts with a name.
func (pf *peopleFinder) startsName(toks []wordToken) bool {
	w := pf.readings(&toks[0])
	if w.firstName() == "" {
		return false // the cheap half of the answer: only a known first name scores 3
	}
	r := w.part(ru.FirstName)
	for k, score := range r.score {
		if r.valid>>k&1 != 0 && score >= 3 {
			return true
		}
	}
	return false
}

// readSpan reads 2 to 4 words as a first name, an optional patronymic and one or more
// surnames ("Анибал Гомес Толедо"). News name the same people again and again, so the reading
// chosen is remembered by the words and roleCases, all that it depends on.
func (pf *peopleFinder) readSpan(toks []wordToken, roleCases uint8) (nameReading, bool) {
	var wordsBuf [4]*wordReadings
	var partsBuf [4]ru.NamePart
	words, parts := wordsBuf[:len(toks)], partsBuf[:len(toks)]
	key := spanKey{cases: roleCases}
	for i := range toks {
		w := pf.info(&toks[i])
		key.words[i], words[i] = w.id, w.readings()
	}
	spanParts(parts, false)
	choice, ok := pf.choices[key]
	if !ok {
		choice = chooseReading(words, parts, roleCases)
		if len(pf.choices) >= maxWordCache {
			clear(pf.choices)
		}
		pf.choices[key] = choice
	}
	if choice.k < 0 {
		return nameReading{}, false
	}
	return nameReadingOf(words, spanParts(parts, choice.patronym), int(choice.k), choice.score), true
}

// spanParts fills parts with what each word of a run is in a name: a first name, then
// surnames, the second a patronymic when patronym is set. It returns parts.
func spanParts(parts []ru.NamePart, patronym bool) []ru.NamePart {
	for i := range parts {
		parts[i] = ru.LastName
	}
	parts[0] = ru.FirstName
	if patronym {
		parts[1] = ru.MiddleName
	}
	return parts
}

// chooseReading returns the best reading of words as parts (a first name and surnames), or
// with a patronymic as the second word when that reads better.
func chooseReading(words []*wordReadings, parts []ru.NamePart, roleCases uint8) spanChoice {
	k, score := readName(words, parts, roleCases)
	choice := spanChoice{k: int8(k), score: score}
	parts[1] = ru.MiddleName
	if k2, score2 := readName(words, parts, roleCases); k2 >= 0 && (k < 0 || score2 > score) {
		choice = spanChoice{k: int8(k2), score: score2, patronym: true}
	}
	parts[1] = ru.LastName
	return choice
}

// alikeCases returns the cases (bits 1<<ru.Case) in which toks, read as r, are the same name
// of the same gender: "Айжан Павлекеновой" is genitive, dative, instrumental or prepositional
// alike.
func (pf *peopleFinder) alikeCases(toks []wordToken, r *nameReading) uint8 {
	alike := uint8(1<<len(ru.Cases) - 1)
	g := int(r.gender)
	var partsBuf [4]ru.NamePart
	parts := spanParts(partsBuf[:len(toks)], r.patronym)
	for i := range toks {
		tab := pf.readings(&toks[i]).part(parts[i])
		for c := range ru.Cases {
			if tab.valid>>(g*len(ru.Cases)+c)&1 == 0 || tab.entries[g][c].best != tab.entries[g][r.c].best {
				alike &^= 1 << c
			}
		}
	}
	return alike
}

// readings returns what the word t may be as a name.
func (pf *peopleFinder) readings(t *wordToken) *wordReadings {
	return pf.info(t).readings()
}

// info returns the wordInfo of t, a capitalised word or an initial.
func (pf *peopleFinder) info(t *wordToken) *wordInfo { return t.info }

func indexOf(toks []wordToken, t *wordToken) int {
	for i := range toks {
		if &toks[i] == t {
			return i
		}
	}
	return -1
}
