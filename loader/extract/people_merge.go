package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// One person, many forms: the names of an article are merged here when they are the same
// person written in another case, with or without a patronymic, or without a surname.

// patronymicMention is a first name with a patronymic and no surname, "Борис Николаевич".
type patronymicMention struct {
	text   int
	span   [2]int
	lemmas []string
	role   string
}

// resolvePatronymics links each first name with a patronymic to the person of the article
// with that first name and a surname, whose name gains the patronymic; one that matches no
// such person is a person of its own ("Александр Арсенович" may be a surname).
func (pf *peopleFinder) resolvePatronymics() {
	for _, pm := range pf.patronymics {
		first := ru.Fold(pm.lemmas[0])
		var match *foundPerson
		for _, p := range pf.people {
			if p.first == first && p.surname != ru.Fold(pm.lemmas[1]) {
				match = p
				break
			}
		}
		if match == nil {
			match = pf.person(pm.lemmas, nil, pm.role)
		} else if strings.Count(match.name, " ") == 1 {
			f, l, _ := strings.Cut(match.name, " ")
			match.name = f + " " + pm.lemmas[1] + " " + l
		}
		pf.mention(match, pm.text, pm.span)
	}
}

// sameAs returns the person already found whose name, as first written, and the name first …
// last just read are case forms of one nominative name, when the two readings differ; it
// renames the person to that common reading. It returns nil when there is none. The caller
// has found no person under the reading just made (person would merge the two).
func (pf *peopleFinder) sameAs(first, last *wordInfo) *foundPerson {
	surname := last.readings()
	for _, p := range pf.people {
		// Most people of an article share no surname reading with the name: ruled out here,
		// before commonReading.
		if p.words[0] == nil || !surname.mayShareSurname(p.words[1].readings()) {
			continue
		}
		f, l, ok := commonReading(p.words[0], p.words[1], first, last)
		if !ok {
			continue
		}
		delete(pf.byKey, personKey{p.first, p.surname})
		ff, fl := ru.Fold(f), ru.Fold(l)
		words := strings.Fields(p.name)
		words[0], words[len(words)-1] = f, l
		p.name, p.first, p.surname, p.initial = strings.Join(words, " "), ff, fl, firstLetter(ff)
		pf.byKey[personKey{ff, fl}] = p
		pf.addSurname(fl, p)
		return p
	}
	return nil
}

// commonReading finds the likeliest first name and surname that both "f1 l1" and "f2 l2" may
// be case forms of, in any gender and case each.
func commonReading(f1, l1, f2, l2 *wordInfo) (first, last string, ok bool) {
	if l1.fold == l2.fold && f1.fold == f2.fold {
		return "", "", false
	}
	// Most pairs of names share no surname reading at all: rule them out cheaply.
	rl1, rl2 := l1.readings(), l2.readings()
	if !rl1.mayShareSurname(rl2) {
		return "", "", false
	}
	surnames2 := rl2.surnames()
	if !slices.ContainsFunc(rl1.surnames(), func(s string) bool { return slices.Contains(surnames2, s) }) {
		return "", "", false
	}
	pf1, pf2 := &f1.readings().part(ru.FirstName).entries, &f2.readings().part(ru.FirstName).entries
	pl1, pl2 := &rl1.part(ru.LastName).entries, &rl2.part(ru.LastName).entries
	best := -1e9
	for _, g := range [2]ru.Gender{ru.Male, ru.Female} {
		for _, c1 := range ru.Cases {
			for _, c2 := range ru.Cases {
				ef1, ef2 := &pf1[g][c1], &pf2[g][c2]
				el1, el2 := &pl1[g][c1], &pl2[g][c2]
				for i1, f := range ef1.lemmas {
					i2 := slices.Index(ef2.lemmas, f)
					if i2 < 0 {
						continue
					}
					for j1, l := range el1.lemmas {
						j2 := slices.Index(el2.lemmas, l)
						if j2 < 0 {
							continue
						}
						score := ef1.scores[i1] + ef2.scores[i2] + el1.scores[j1] + el2.scores[j2]
						if score > best {
							first, last, ok, best = f, l, true, score
						}
					}
				}
			}
		}
	}
	return first, last, ok
}

// person returns the article's person named lemmas (nominative words), adding it if new.
// Names that differ only by a patronymic are one person; the longer name wins.
func (pf *peopleFinder) person(lemmas, folds []string, role string) *foundPerson {
	if folds == nil {
		folds = make([]string, len(lemmas))
		for i, l := range lemmas {
			folds[i] = ru.Fold(l)
		}
	}
	return pf.personOf(pf.byKey[keyOf(folds)], lemmas, folds, role)
}

// keyOf returns the personKey of a name's folded words.
func keyOf(folds []string) personKey { return personKey{folds[0], folds[len(folds)-1]} }

// personOf is person for a name whose key (see keyOf) the caller has looked up in byKey: p
// is what it found.
func (pf *peopleFinder) personOf(p *foundPerson, lemmas, folds []string, role string) *foundPerson {
	first, last := folds[0], folds[len(folds)-1]
	// The name is lemmas joined by spaces, built only when kept.
	nameLen := len(lemmas) - 1
	for _, l := range lemmas {
		nameLen += len(l)
	}
	if p == nil {
		name := pf.nameOf(lemmas)
		p = pf.newPerson(foundPerson{name: name, surname: last, first: first, initial: firstLetter(first)})
		pf.byKey[personKey{first, last}] = p
		pf.list(p)
		for _, f := range folds[1:] {
			pf.addSurname(f, p)
			if i := strings.LastIndexByte(f, ' '); i >= 0 {
				pf.addSurname(f[i+1:], p) // "бин Ладен" is "Ладен"
			}
		}
	} else if nameLen > len(p.name) {
		p.name = pf.nameOf(lemmas)
	}
	if p.role == "" {
		p.role = role
	}
	return p
}

// nameOf returns lemmas joined by spaces. News name the same people article after article:
// the name is joined in a buffer, and a name the finder has joined before is not allocated
// again.
func (pf *peopleFinder) nameOf(lemmas []string) string {
	b := pf.nameBuf[:0]
	for i, l := range lemmas {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, l...)
	}
	pf.nameBuf = b
	if name, ok := pf.joined[string(b)]; ok {
		return name
	}
	if len(pf.joined) >= maxWordCache {
		clear(pf.joined)
	}
	name := string(b)
	pf.joined[name] = name
	return name
}

// surnameChain and surnameLink list the people of an article by surname, in the order they
// were added, as a map of slices would, with no allocation per person: bySurname gives the
// first and last link of each surname in surnamed, and each link the next.
type surnameChain struct{ first, last int32 }

type surnameLink struct {
	p    *foundPerson
	next int32 // -1 at the end of a chain
}

// addSurname lists p under the folded surname.
func (pf *peopleFinder) addSurname(surname string, p *foundPerson) {
	i := int32(len(pf.surnamed))
	pf.surnamed = append(pf.surnamed, surnameLink{p, -1})
	c, ok := pf.bySurname[surname]
	if ok {
		pf.surnamed[c.last].next = i
		c.last = i
	} else {
		c = surnameChain{i, i}
	}
	pf.bySurname[surname] = c
}

// withSurname calls yield for each person listed under the folded surname, in order, until it
// returns false.
func (pf *peopleFinder) withSurname(surname string) func(yield func(*foundPerson) bool) {
	return func(yield func(*foundPerson) bool) {
		c, ok := pf.bySurname[surname]
		if !ok {
			return
		}
		for i := c.first; i >= 0; i = pf.surnamed[i].next {
			if !yield(pf.surnamed[i].p) {
				return
			}
		}
	}
}

func firstLetter(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}
