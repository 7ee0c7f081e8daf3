package extract

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// findSurnames links the single capitalised words of a text that are a surname of a person
// named in full elsewhere in the article ("Токаева", "Шалданбай рассказал"), and keeps the
// ones that look like surnames of people named only so. caps are the capitalised words of
// toks (see capitals).
func (pf *peopleFinder) findSurnames(text string, ti int, toks []wordToken, caps []int32, consumed []bool) {
	for _, c := range caps {
		i := int(c)
		t := &toks[i]
		// A capitalised name word, not read yet, no initial, not quoted: one branch for all.
		if capitalNameBit(t)&^(bit(consumed[i])|bit(t.initial)|bit(t.quoted)) == 0 {
			continue
		}
		if info := pf.info(t); info.notName {
			if info.surnameLike && !afterPlacePreposition(toks, i) {
				// "Иванова" again after "Мария Иванова": hers, if the article has her.
				if p := pf.linkSurname(pf.readings(t).surnames(), ""); p != nil {
					pf.mention(p, ti, t.span())
				}
			}
			continue
		}
		if pf.addFirstName(ti, toks, i) {
			continue
		}
		pf.addPending(text, ti, toks, i, "", consumed)
	}
}

// addFirstName handles a known first name standing alone: it refers to the person of the
// article with that first name. A first name nobody in the article bears is left alone: it
// is as often a character, a saint or part of a name given another way as a person of the
// news. It reports whether toks[i] was a first name.
func (pf *peopleFinder) addFirstName(ti int, toks []wordToken, i int) bool {
	t := &toks[i]
	lemma := pf.readings(t).firstName()
	if lemma == "" {
		return false
	}
	fold := ru.Fold(lemma)
	for _, p := range pf.people {
		if p.first == fold {
			pf.mention(p, ti, t.span())
			return true
		}
	}
	return true
}

// agrees reports whether word may be a surname in one of cases, as a name in apposition to a
// role noun is ("президента Токаева"); "мэром Марибора" is not.
func (pf *peopleFinder) agrees(t *wordToken, cases uint8) bool {
	w := pf.readings(t)
	if cases&(1<<ru.Nominative) != 0 {
		// After "президент", "председатель" a genitive names what is presided over:
		// "председатель Правления", "президент Сбербанка".
		fold := t.fold
		if strings.HasSuffix(fold, "ы") || strings.HasSuffix(fold, "и") {
			return false
		}
		return !pf.looksMaleGenitive(t)
	}
	for _, c := range ru.Cases {
		if cases&(1<<c) == 0 {
			continue
		}
		for _, g := range [2]ru.Gender{ru.Male, ru.Female} {
			if len(w.lemmas(ru.LastName)[g][c]) > 0 {
				return true
			}
		}
	}
	return false
}

// addPending records the word toks[i] as a person's surname: linked at once to a person named
// in full, or kept for resolvePending when it looks like a surname of its own.
func (pf *peopleFinder) addPending(text string, ti int, toks []wordToken, i int, initial string, consumed []bool) {
	t := &toks[i]
	w := pf.readings(t)
	lemmas := w.surnames()
	if p := pf.linkSurname(lemmas, initial); p != nil {
		pf.mention(p, ti, t.span())
		if p.role == "" {
			p.role = pf.roleAgreeing(text, toks, i, consumed)
		}
		return
	}
	// A role noun right before the word ("президента Токаева") makes it a surname if the two
	// agree; roleBefore would find that noun as the head, in these cases.
	titled := false
	if i > 0 && t.spaceOnly && toks[i-1].spaceOnly && !boundaryAfter(t) && !consumed[i-1] {
		if nom := roleHeadOf(toks[i-1].fold); nom != "" {
			titled = pf.agrees(t, roleCases(toks[i-1].fold, nom))
		}
	}
	if initial == "" && !titled && !looksSurname(toks, i, w) {
		return
	}
	if w.adjective || initial == "" && (w.firstName() != "" || afterLocative(toks, i)) {
		return
	}
	role := pf.roleAgreeing(text, toks, i, consumed)
	pm := pendingMention{text: ti, start: int(t.start), end: int(t.end), lemmas: lemmas, initial: initial,
		role: role}
	if i+1 < len(toks) && !toks[i+1].upper && toks[i+1].spaceOnly {
		next := toks[i+1].fold
		pm.feminine = strings.HasSuffix(next, "ла") || strings.HasSuffix(next, "лась")
	}
	pf.pending = append(pf.pending, pm)
}

// linkSurname returns the person named in full whose surname is one of lemmas, preferring one
// whose first name starts with initial.
func (pf *peopleFinder) linkSurname(lemmas []string, initial string) *foundPerson {
	var found *foundPerson
	for _, l := range lemmas {
		for p := range pf.withSurname(l) {
			if initial == "" || p.initial == initial {
				return p
			}
			if found == nil {
				found = p
			}
		}
	}
	if initial != "" {
		return nil // "В. Путин" is not "Людмила Путина"
	}
	return found
}

// looksSurname reports whether a single word, not linked to a full name, is a surname by its
// shape: a Russian, Ukrainian, Georgian or Armenian surname suffix, and no reading as a first
// name. At the start of a sentence only masculine nominative forms count, since "Снова" and
// "Причина" end like surnames.
func looksSurname(toks []wordToken, i int, w *wordReadings) bool {
	fold := w.surnames()[0]
	if !toks[i].sentStart && pastVerbFollows(toks, i) && !w.adjective && !looksObliqueNoun(fold) &&
		utf8.RuneCountInString(fold) >= 3 {
		return true // the subject of a verb, inside a sentence: "когда Буш победил"
	}
	if w.adjective || utf8.RuneCountInString(fold) < 4 || strings.HasSuffix(fold, "ьян") ||
		strings.HasSuffix(fold, "ой") || strings.HasSuffix(fold, "ый") || strings.HasSuffix(fold, "ий") {
		return false
	}
	if toks[i].sentStart && !verbFollows(toks, i) {
		return false
	}
	return w.surnameShaped
}

// looksObliqueNoun reports whether a folded word ends as a noun in an oblique case rather than
// as a subject: "Грозном", "Земли".
func looksObliqueNoun(fold string) bool {
	for _, e := range []string{"ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "и", "ы", "е", "у", "ю"} {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

// pastVerbFollows reports whether a verb in the past tense comes right after toks[i]: "Буш
// победил", "Проди заявила" is not a noun's ending.
func pastVerbFollows(toks []wordToken, i int) bool {
	if i+1 >= len(toks) || !toks[i+1].spaceOnly || toks[i+1].upper {
		return false
	}
	f := toks[i+1].fold
	for _, e := range []string{"л", "ла", "ли", "лся", "лась", "лись"} {
		if strings.HasSuffix(f, e) && len(f) > len(e)+4 {
			return true
		}
	}
	return false
}

// verbFollows reports whether a verb follows toks[i], perhaps after an adverb ("Путин также
// подпишет") or a second subject ("Сечин и Тимченко предложили").
func verbFollows(toks []wordToken, i int) bool {
	for k, skipped := i+1, 0; k < len(toks) && skipped <= 2; k, skipped = k+1, skipped+1 {
		if !toks[k].spaceOnly {
			return false
		}
		f := toks[k].fold
		if looksVerb(f) {
			return true
		}
		switch f {
		case "также", "тоже", "уже", "еще", "же", "не", "вновь", "снова", "лично", "сам", "ранее", "неоднократно", "впервые":
			continue
		case "и":
			// Two subjects: "Сечин и Тимченко предложили".
			if k+1 < len(toks) && toks[k+1].spaceOnly && isNameWord(&toks[k+1]) {
				k++
				continue
			}
		}
		return false
	}
	return false
}

// looksMaleGenitive reports whether a surname in -а/-я reads as the genitive of a man's
// surname ending in a consonant: "Путина", "Токаева".
func (pf *peopleFinder) looksMaleGenitive(t *wordToken) bool {
	if !strings.HasSuffix(t.fold, "а") && !strings.HasSuffix(t.fold, "я") {
		return false
	}
	for _, l := range pf.readings(t).lemmas(ru.LastName)[ru.Male][ru.Genitive] {
		if f := ru.Fold(l); endsInConsonant(f) || strings.HasSuffix(f, "ь") {
			return true
		}
	}
	return false
}

// roleAgreeing returns the role before the surname toks[i] (see roleBefore) unless the
// surname cannot be in the case of its first role noun: "представителями Путина",
// "представители Путина" name no role of Путин's; "президент Саакашвили" does.
func (pf *peopleFinder) roleAgreeing(text string, toks []wordToken, i int, consumed []bool) string {
	r := pf.roleBefore(text, toks, i, consumed)
	switch {
	case r.text == "", r.whole == 0:
		return r.text
	case r.whole&(1<<ru.Nominative) != 0:
		if pf.looksMaleGenitive(&toks[i]) {
			return "" // "представители Путина"
		}
		return r.text
	case pf.agrees(&toks[i], r.whole):
		return r.text
	}
	return ""
}

// looksVerb reports whether a folded word ends like a verb in the past or present tense, as
// the word after a sentence's subject often does ("Токаев напомнил", "Лавров считает").
func looksVerb(fold string) bool {
	for _, e := range []string{"л", "ла", "ли", "лся", "лась", "лись", "ет", "ит", "ют", "ут", "ят", "ется", "ится"} {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

// resolvePending turns the surnames no full name claimed into people. Forms of one surname
// ("Путина", "Путиным", "Путин") are read together: each takes the reading most of them share.
func (pf *peopleFinder) resolvePending() {
	counts := map[string]int{}
	for _, pm := range pf.pending {
		for _, l := range pm.lemmas {
			counts[l]++
		}
	}
	for _, pm := range pf.pending {
		best, bestScore := "", -1
		for i, l := range pm.lemmas {
			sg := surnameGender(l)
			score := counts[l] * 8
			switch {
			case pm.feminine && sg&(1<<ru.Female) != 0 && sg != 3:
				score += 4
			case !pm.feminine && sg&(1<<ru.Male) != 0 && sg != 3:
				score += 4
			case sg != 0:
				score += 2
			}
			if i == 0 && !looksOblique(l, ru.FirstName) && !strings.ContainsAny(lastLetter(l), "аяуюеыи") {
				score++ // the form as written, unless it ends like a case form ("Моцарта")
			}
			if strings.ContainsAny(lastLetter(l), "ыуюе") {
				score -= 2 // surnames seldom end so: "Обамы" is "Обама"
			}
			if score > bestScore {
				best, bestScore = l, score
			}
		}
		name := titleName(best)
		p := pf.byKey[personKey{last: best}]
		if p == nil {
			p = pf.newPerson(foundPerson{name: name, surname: best})
			pf.byKey[personKey{last: best}] = p
			pf.list(p)
		}
		if p.role == "" {
			p.role = pm.role
		}
		pf.mention(p, pm.text, [2]int{pm.start, pm.end})
	}
}

func lastLetter(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

// titleName capitalises each word and each hyphenated part of a folded name.
func titleName(fold string) string {
	var b strings.Builder
	b.Grow(len(fold))
	up := true
	for _, r := range fold {
		if up {
			r = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
		b.WriteRune(r)
	}
	return b.String()
}

// refs builds the article's person refs in order of first mention and appends the mentions.
func (pf *peopleFinder) refs(mentions []mention, lists Lists) ([]model.PersonRef, []mention) {
	if len(pf.spans) == 0 {
		return nil, mentions
	}
	// People are listed in the order the article first names them.
	slices.SortStableFunc(pf.spans, func(a, b personSpan) int { return cmp.Compare(a.place(), b.place()) })
	for i, s := range pf.spans {
		p := pf.people[s.person]
		if p.mentions == 0 {
			p.order = i
		}
		p.mentions++
	}
	people := pf.listed[:0]
	for _, p := range pf.people {
		if p.mentions > 0 {
			people = append(people, p)
		}
	}
	pf.listed = people
	slices.SortStableFunc(people, func(a, b *foundPerson) int { return cmp.Compare(a.order, b.order) })
	refs := lists.PersonRefs(len(people))
	for i, p := range people {
		forms := pf.formsOf(p.name)
		p.key = forms.key
		person := lists.Person(model.Person{Key: forms.key, Name: p.name, Latin: forms.latin, Role: p.role})
		refs[i] = model.PersonRef{Person: person, Role: p.role, Mentions: p.mentions}
	}
	clear(people)
	for _, s := range pf.spans {
		mentions = append(mentions, mention{Kind: model.KindPerson, Key: pf.people[s.person].key,
			span: span{Block: blockOf(int(s.text)), Start: int(s.start), End: int(s.end)}})
	}
	return refs, mentions
}

// LinkCorpus links people named by surname alone to the full name given in another article of
// the corpus, rewriting their refs and mentions. A surname that several full names share goes
// to the one the corpus mentions most.
func LinkCorpus(articles []*model.Article) {
	type full struct {
		person   *model.Person
		mentions int
	}
	fulls := map[string]*full{}
	for _, a := range articles {
		for _, r := range a.People {
			if r.Person == nil || !strings.Contains(r.Name, " ") {
				continue
			}
			if f := fulls[r.Key]; f != nil {
				f.mentions += r.Mentions
			} else {
				fulls[r.Key] = &full{r.Person, r.Mentions}
			}
		}
	}
	bySurname := map[string]*full{}
	for key, f := range fulls {
		surname := key[strings.LastIndexByte(key, ' ')+1:]
		b := bySurname[surname]
		if b == nil || f.mentions > b.mentions || f.mentions == b.mentions && key < b.person.Key {
			bySurname[surname] = f
		}
	}
	fullNames := make(map[string]*model.Person, len(bySurname))
	for surname, f := range bySurname {
		fullNames[surname] = f.person
	}
	// Each article is rewritten on its own: the work is shared out between the cores.
	parallelChunks(len(articles), func(from, to int) {
		for _, a := range articles[from:to] {
			linkArticle(a, fullNames)
		}
	})
}

// linkArticle points the surname-only people of a at the full names fullNames gives their
// surnames, merging a surname into the article's own ref of its full name.
func linkArticle(a *model.Article, fullNames map[string]*model.Person) {
	// into[i] is the ref that ref i is merged into: itself, or the article's own ref of the
	// full name.
	var into []int
	for i, r := range a.People {
		if r.Person == nil || strings.Contains(r.Name, " ") {
			continue
		}
		full := fullNames[r.Key]
		if full == nil {
			continue
		}
		if j := slices.IndexFunc(a.People, func(o model.PersonRef) bool { return o.Person != nil && o.Key == full.Key }); j >= 0 {
			a.People[j].Mentions += r.Mentions
			if a.People[j].Role == "" {
				a.People[j].Role = r.Role
			}
			if into == nil {
				into = make([]int, len(a.People))
				for k := range into {
					into[k] = k
				}
			}
			into[i] = j
			continue
		}
		p := *full
		p.Articles = nil
		if r.Role != "" {
			p.Role = r.Role
		}
		a.People[i].Person = &p
	}
	if into != nil {
		dropMerged(a, into)
	}
}

// parallelChunks calls work on consecutive ranges of [0, n) on every core, and returns when
// all are done.
func parallelChunks(n int, work func(from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1024))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { work(n*w/workers, n*(w+1)/workers) })
	}
	wg.Wait()
}

// dropMerged removes the people refs of a merged into others (into[i] != i) and points their
// mentions at the refs they were merged into.
func dropMerged(a *model.Article, into []int) {
	at := make([]int, len(into)) // where ref i ends up
	kept := a.People[:0]
	for i, r := range a.People {
		if into[i] == i {
			at[i] = len(kept)
			kept = append(kept, r)
		}
	}
	for i, j := range into {
		at[i] = at[j]
	}
	clear(a.People[len(kept):])
	a.People = kept
	for i, m := range a.Mentions {
		if m.Kind == model.KindPerson && int(m.Ref) < len(at) {
			a.Mentions[i].Ref = uint16(at[m.Ref])
		}
	}
}
