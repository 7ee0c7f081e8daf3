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
// ("чрезвычайным и полномочным послом"), and returns "" when there is none. consumed marks
// the words already read as names, which a role does not cross.
//
// The role's text depends on its words alone, and news repeat their roles: it is remembered
// in pf.roles by the words as written.
func (pf *peopleFinder) roleBefore(text string, toks []wordToken, i int, consumed []bool) statedRole {
	r, ok := roleSpan(toks, i, consumed)
	if !ok {
		return statedRole{}
	}
	written := text[toks[r.from].start:toks[i-1].end]
	if role, ok := pf.roles[written]; ok {
		r.text = role
		return r
	}
	r.text = r.words(text, toks, i)
	if len(pf.roles) >= maxWordCache {
		clear(pf.roles)
	}
	pf.roles[strings.Clone(written)] = r.text
	return r
}

// statedRole is a role found before a name (see roleBefore).
type statedRole struct {
	text string // "" for none
	// cases are those (bits 1<<ru.Case) its head noun may be in, the nearest to the name: a
	// name read in one of them gains (see readName).
	cases uint8
	// whole are those of its first role noun, which the name agrees with when it is in
	// apposition to the whole role ("заместителем министра ... Александром Налбандовым"),
	// 0 for any: when that noun does not decline ("с замминистра ... Джеймсом Миллером", "с
	// врио мэра Москвы Сергеем Собяниным").
	whole      uint8
	from, head int  // where it starts, and its head noun
	governed   bool // the head depends on a role noun before it: "заместитель министра"
	// relation is set when the first role noun names a relation to someone, not an office:
	// "брат", "жена", "коллега" (see relationNouns).
	relation bool
}

// ownRole returns role, what forName gave a name read in case c, unless it is the whole
// stated role, a relation that the name does not agree with: in "является братом Сулимы
// Ямадаева" the brother is someone else. A foreign name that does not decline loses it too
// ("своего французского коллегу Николя Саркози"): a guess either way, and an office stated
// elsewhere serves better. The name itself is read as after any role noun.
func (r statedRole) ownRole(role string, c ru.Case) string {
	if r.relation && role == r.text && r.whole&(1<<c) == 0 {
		return ""
	}
	return role
}

// forName returns the role as it applies to the name read as n before toks[i]: all of it
// when the name is read in the nominative (foreign names are often left undeclined) or reads
// as the same name in the case of its first role noun ("с заместителем министра ... Айжан
// Павлекеновой"); only its head noun and what follows when a name known to decline agrees
// with that alone ("врачи президента России Бориса Ельцина": Ельцин is the president); else
// none ("представителями Путина", "миллиардеру Виктору Вексельбергу"). The case of a name no
// list knows is a guess: its role stays as stated. alike gives the cases that read the name as
// n does (see alikeCases), asked only when needed.
func (r statedRole) forName(text string, toks []wordToken, i int, n *nameReading, alike func() uint8) string {
	switch {
	case r.text == "", r.whole == 0, n.c == ru.Nominative, !n.knownName, r.whole&alike() != 0:
		return r.text
	case r.governed && r.cases&(1<<n.c) != 0:
		return statedRole{from: r.head, head: r.head}.words(text, toks, i)
	}
	return ""
}

// roleSpan finds the role before toks[i] (see roleBefore): where it starts, its head noun, the
// role noun that governs it if any, and the cases of both; ok is false when there is none.
func roleSpan(toks []wordToken, i int, consumed []bool) (r statedRole, ok bool) {
	head := -1
	var nom string
	closed := 0 // parentheses closed between the name and the word looked at, not yet opened
	for k := i - 1; k >= 0 && i-k <= maxRoleWords; k-- {
		if boundaryAfter(&toks[k+1]) || consumed[k] {
			break
		}
		switch toks[k+1].before {
		case ')':
			closed++
		case '(':
			closed = max(closed-1, 0)
		}
		if f := toks[k].fold; f == "с" || f == "со" {
			break
		}
		if nom = roleHeadOf(toks[k].fold); nom != "" {
			head = k
			break
		}
		// A verb between a role noun and a name puts them in different phrases: "вместе
		// с президентом приехали Дмитрий Медведев".
		if !toks[k].upper && surelyVerb(toks[k].fold) {
			break
		}
	}
	// A role closed by a parenthesis before the name is about someone else: "Оливер Кан
	// (тренер вратарей) сообщили".
	if head < 0 || closed > 0 {
		return r, false
	}
	r = statedRole{from: head, head: head, cases: roleCases(toks[head].fold, nom)}
	r.whole, r.relation = declinedCases(nom, r.cases), relationNouns[nom]
	// A role noun that governs this one: "заместитель министра", "глава МИД".
	if head > 0 && !boundaryAfter(&toks[head]) {
		if gov := roleHeadOf(toks[head-1].fold); gov != "" {
			r.from, r.governed, r.relation = head-1, true, relationNouns[gov]
			r.whole = declinedCases(gov, roleCases(toks[head-1].fold, gov))
		}
	}
	// Adjectives before it: "официальный", "генеральным", "чрезвычайным и полномочным".
	for r.from > 0 && !boundaryAfter(&toks[r.from]) {
		prev := toks[r.from-1].fold
		if isRoleAdjective(prev) || prev == "и" && r.from > 1 && isRoleAdjective(toks[r.from-2].fold) && !boundaryAfter(&toks[r.from-1]) {
			r.from--
			continue
		}
		break
	}
	if r.from > 0 {
		switch toks[r.from-1].fold {
		case "врио", "и.о.", "и.о", "врип": // "acting": the role noun after it keeps its case
			r.whole = 0
		}
	}
	return r, true
}

// declinedCases returns cases, those of a role noun whose nominative is nom, or 0 (any) when
// the noun does not decline.
func declinedCases(nom string, cases uint8) uint8 {
	if isIndeclinableRole(nom) {
		return 0
	}
	return cases
}

// isIndeclinableRole reports whether a role noun in the nominative keeps its form in every
// case: the short forms of "заместитель" before a genitive, "замминистра", "замглавы",
// "замкомандующего".
func isIndeclinableRole(nom string) bool {
	rest, ok := strings.CutPrefix(nom, "зам")
	if !ok || rest == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(rest)
	return strings.ContainsRune("аяыоие", last)
}

// words returns the role as written from toks[r.from] up to the name at toks[i], its nouns
// and adjectives before the head and the head itself in the nominative where practical; a
// governed head stays as it is ("заместитель министра").
func (r statedRole) words(text string, toks []wordToken, i int) string {
	from, head := r.from, r.head
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
		case k == head && !r.governed:
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
		// A person's accusative is not the nominative: "посла", "главу".
		return bit(ru.Nominative)
	case (strings.HasSuffix(fold, "ы") || strings.HasSuffix(fold, "и")) &&
		!strings.HasSuffix(fold, "ами") && !strings.HasSuffix(fold, "ями") &&
		(endsInConsonant(nom) || strings.HasSuffix(nom, "ь") || strings.HasSuffix(nom, "й")):
		// The plural of a masculine noun, never its genitive: "врачи", "министры".
		return bit(ru.Nominative)
	case strings.HasSuffix(fold, "ей"):
		// "председательницей", or the genitive plural: "основателей", "представителей".
		return bit(ru.Instrumental, ru.Genitive, ru.Accusative)
	case strings.HasSuffix(fold, "ами") || strings.HasSuffix(fold, "ями"),
		strings.HasSuffix(fold, "ом") || strings.HasSuffix(fold, "ем") || strings.HasSuffix(fold, "ой") ||
			strings.HasSuffix(fold, "ью") || strings.HasSuffix(fold, "ою"):
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
			return !isPronounAdjective(fold) && !isPluralNounInIy(fold)
		}
	}
	return false
}

// isPluralNounInIy reports whether a word in -ий is rather a noun in the genitive plural
// ("действий", "заявлений", "организаций") than an adjective ("бывший", "третий").
func isPluralNounInIy(fold string) bool {
	for _, e := range []string{"ений", "аний", "ствий", "ций"} {
		if strings.HasSuffix(fold, e) {
			return true
		}
	}
	return false
}

var roleAdjectiveEnds = newSuffixSet("ый", "ий", "ой", "ого", "его", "ому", "ему", "ым", "им", "ая", "яя", "ую", "юю")

// surelyVerb reports whether a folded lower-case word has the ending of a verb in the past
// tense or of a reflexive one: "приехали", "заявил", "сообщила", "привиделся". Unlike
// looksVerb it errs towards no: nouns that end alike ("канал", "телеканала", "цели") stand in
// roles often, so only the surest endings count, on words long enough not to be short nouns.
func surelyVerb(fold string) bool {
	// Lengths in bytes: two to a Russian letter.
	switch {
	case strings.HasSuffix(fold, "ся") || strings.HasSuffix(fold, "сь"):
		return len(fold) >= 10
	case strings.HasSuffix(fold, "ила") || strings.HasSuffix(fold, "ыла"):
		return len(fold) >= 12
	case strings.HasSuffix(fold, "ли"):
		return len(fold) >= 12 && isVowelBefore(fold, "ли")
	case strings.HasSuffix(fold, "л"):
		return len(fold) >= 10 && isVowelBefore(fold, "л") && !nounsInVowelL[fold]
	}
	return false
}

// isVowelBefore reports whether the letter before the ending of fold is a vowel.
func isVowelBefore(fold, ending string) bool {
	r, _ := utf8.DecodeLastRuneInString(fold[:len(fold)-len(ending)])
	return strings.ContainsRune("аеиоуыэюя", r)
}

// nounsInVowelL are nouns that end like a verb in the past tense ("занял", "заявил").
var nounsInVowelL = map[string]bool{"генерал": true, "адмирал": true, "канал": true, "телеканал": true,
	"журнал": true, "филиал": true, "капитал": true, "портал": true, "персонал": true,
	"материал": true, "сериал": true, "финал": true, "полуфинал": true, "арсенал": true,
	"идеал": true, "фестиваль": true, "интеграл": true, "минерал": true, "маршал": true}

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
