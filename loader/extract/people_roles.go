package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// maxRoleWords bounds how far before a name a role may start.
const maxRoleWords = 10

// roleBefore returns the role stated right before the name starting at toks[i], in the
// nominative where practical: "с министром иностранных дел РК Ермеком Кошербаевым" gives
// "министр иностранных дел РК". It looks back within the sentence for the nearest role noun,
// takes in a role noun it depends on ("заместитель министра") and the adjectives before it
// ("чрезвычайным и полномочным послом"), and returns "" when there is none. cases is the set
// of cases (bits 1<<ru.Case) the role noun may be in: a name in apposition agrees with it.
// consumed marks the words already read as names, which a role does not cross.
//
// The role's text depends on its words alone, and news repeat their roles: it is remembered
// in pf.roles by the words as written.
func (pf *peopleFinder) roleBefore(text string, toks []wordToken, i int, consumed []bool) (role string, cases uint8) {
	from, head, nom := roleSpan(toks, i, consumed)
	if head < 0 {
		return "", 0
	}
	cases = roleCases(toks[head].fold, nom)
	written := text[toks[from].start:toks[i-1].end]
	if role, ok := pf.roles[written]; ok {
		return role, cases
	}
	role = roleText(text, toks, from, head, i)
	if len(pf.roles) >= maxWordCache {
		clear(pf.roles)
	}
	pf.roles[strings.Clone(written)] = role
	return role, cases
}

// roleSpan returns where the role before toks[i] starts, its head noun and that noun's
// nominative (roleHeadOf), or head -1 when there is none (see roleBefore).
func roleSpan(toks []wordToken, i int, consumed []bool) (from, head int, nom string) {
	head = -1
	for k := i - 1; k >= 0 && i-k <= maxRoleWords; k-- {
		if boundaryAfter(&toks[k+1]) || consumed[k] {
			break
		}
		if f := toks[k].fold; f == "с" || f == "со" {
			break
		}
		if nom = roleHeadOf(toks[k].fold); nom != "" {
			head = k
			break
		}
	}
	if head < 0 {
		return 0, -1, ""
	}
	from = head
	// A role noun that governs this one: "заместитель министра", "глава МИД".
	if from > 0 && !boundaryAfter(&toks[from]) && roleHeadOf(toks[from-1].fold) != "" {
		from--
	}
	// Adjectives before it: "официальный", "генеральным", "чрезвычайным и полномочным".
	for from > 0 && !boundaryAfter(&toks[from]) {
		prev := toks[from-1].fold
		if isRoleAdjective(prev) || prev == "и" && from > 1 && isRoleAdjective(toks[from-2].fold) && !boundaryAfter(&toks[from-1]) {
			from--
			continue
		}
		break
	}
	return from, head, nom
}

// roleText returns the role of words toks[from:i] with its head noun at toks[head], in the
// nominative where practical.
func roleText(text string, toks []wordToken, from, head, i int) string {
	var b strings.Builder
	b.Grow(int(toks[i-1].end - toks[from].start))
	for k := from; k < i; k++ {
		w := toks[k].word(text)
		if k > from {
			b.WriteString(text[toks[k-1].end:toks[k].start])
		}
		fold := toks[k].fold
		switch {
		case k < head && roleHeadOf(fold) != "":
			w = roleHeadOf(fold)
		case k < head:
			w = nominativeAdjective(fold)
		case k == head && !isGovernedRole(toks, from, head):
			w = roleHeadOf(fold)
		}
		b.WriteString(w)
	}
	role := strings.TrimRight(b.String(), " (")
	if strings.Count(role, "(") > strings.Count(role, ")") {
		role = strings.TrimSpace(role[:strings.LastIndexByte(role, '(')])
	}
	return role
}

// roleCases returns the cases (bits 1<<ru.Case) a folded role noun may be in, judged by its
// ending: "послом" is instrumental, "посла" genitive or accusative. nom is its nominative,
// roleHeadOf(fold).
func roleCases(fold, nom string) uint8 {
	bit := func(cs ...ru.Case) uint8 {
		var b uint8
		for _, c := range cs {
			b |= 1 << c
		}
		return b
	}
	switch {
	case fold == nom || strings.HasSuffix(nom, fold):
		return bit(ru.Nominative, ru.Accusative)
	case strings.HasSuffix(fold, "ами") || strings.HasSuffix(fold, "ями"),
		strings.HasSuffix(fold, "ом") || strings.HasSuffix(fold, "ем") || strings.HasSuffix(fold, "ой") ||
			strings.HasSuffix(fold, "ей") || strings.HasSuffix(fold, "ью") || strings.HasSuffix(fold, "ою"):
		return bit(ru.Instrumental)
	case strings.HasSuffix(fold, "ам") || strings.HasSuffix(fold, "ям"):
		return bit(ru.Dative)
	case strings.HasSuffix(fold, "ах") || strings.HasSuffix(fold, "ях"):
		return bit(ru.Prepositional)
	case strings.HasSuffix(fold, "ов") || strings.HasSuffix(fold, "ев"):
		return bit(ru.Genitive, ru.Accusative)
	case strings.HasSuffix(fold, "у") || strings.HasSuffix(fold, "ю"):
		return bit(ru.Dative, ru.Accusative)
	case strings.HasSuffix(fold, "е"):
		return bit(ru.Dative, ru.Prepositional)
	case strings.HasSuffix(fold, "и"):
		return bit(ru.Genitive, ru.Dative, ru.Prepositional)
	case strings.HasSuffix(fold, "а") || strings.HasSuffix(fold, "я") || strings.HasSuffix(fold, "ы"):
		return bit(ru.Genitive, ru.Accusative)
	}
	return 0
}

// isGovernedRole reports whether the role noun at head depends on another one before it
// ("заместитель министра": "министра" stays in the genitive).
func isGovernedRole(toks []wordToken, from, head int) bool {
	for k := from; k < head; k++ {
		if roleHeadOf(toks[k].fold) != "" {
			return true
		}
	}
	return false
}

// boundaryAfter reports whether punctuation that ends a phrase stands before t.
func boundaryAfter(t *wordToken) bool {
	if t.sentStart {
		return true
	}
	switch t.before {
	case 0, '(', ')', '-':
		return false
	}
	return true
}

// isRoleAdjective reports whether a folded word is an adjective that may qualify a role.
func isRoleAdjective(fold string) bool {
	// Most words end otherwise: the last letter rules them out before the pronouns.
	for _, e := range roleAdjectiveEnds.endingAs(fold) {
		if strings.HasSuffix(fold, e) && len(fold) > len(e)+3 {
			return !isPronounAdjective(fold)
		}
	}
	return false
}

var roleAdjectiveEnds = newSuffixSet("ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ая", "яя", "ую", "юю")

// isPronounAdjective reports whether a folded word is a pronoun declined as an adjective
// ("этого", "своим"), which never qualifies a role.
func isPronounAdjective(fold string) bool {
	switch fold {
	case "этого", "этому", "этим", "того", "тому", "тем", "всего", "всему", "своего", "своему",
		"своим", "нашего", "нашему", "нашим", "которого", "которому", "которым", "другого",
		"другому", "другим", "самого", "самому", "самым", "такого", "такому", "таким", "его":
		return true
	}
	return false
}

// nominativeAdjective puts a masculine adjective into the nominative: "генеральным" →
// "генеральный", "бывшего" → "бывший".
func nominativeAdjective(fold string) string {
	for _, e := range []string{"ого", "его", "ому", "ему", "ым", "им", "ом", "ем"} {
		stem, ok := strings.CutSuffix(fold, e)
		if !ok {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		if strings.HasPrefix(e, "е") || strings.ContainsRune("кгхжшчщ", last) {
			return stem + "ий"
		}
		return stem + "ый"
	}
	return fold
}
