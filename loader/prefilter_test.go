package loader

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// randomLine strings together pieces from parts, so that the lines come close to what the
// regexps look for and often just miss it.
func randomLine(rng *rand.Rand, parts []string) string {
	var b strings.Builder
	for range 1 + rng.IntN(7) {
		b.WriteString(parts[rng.IntN(len(parts))])
	}
	return b.String()
}

// TestQuickChecksAgreeWithRegexps checks the code that stands in for the regexps, or runs
// before them, against the regexps alone on lines made to come close to them.
func TestQuickChecksAgreeWithRegexps(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	headerParts := []string{"date", "DATE", "Date", "dat", ":", " ", "  ", "\t", "\n", "2025-12-05",
		"2025-1-05", "20251205", "x", "Заголовок статьи", "ſ", "-", "7"}
	for range 200_000 {
		line := randomLine(rng, headerParts)
		got, want := findHeader(line), header.FindStringSubmatch(line)
		if !slices.Equal(got, want) {
			t.Fatalf("findHeader(%q) = %q, the regexp says %q", line, got, want)
		}
	}
	creditParts := []string{"Фото", "фото", "ФОТО", "на фото", "На Фото", "Photo", "VIDEO", "Источник",
		"source", "ſource", "Иллюстрация", "Коллаж", "Инфографика", "Кадр", "Редакция", "Автор фото",
		"©", "(c)", "(C)", "Copyright", "COPYRIGHT", ":", " ", "/", ",", ".", "фᲂто", "Kадр", "текст",
		"В ", "Президент", "ТАСС"}
	for range 200_000 {
		para := randomLine(rng, creditParts)
		if creditPrefix.MatchString(head(para)) && !opensLikeCredit(para) {
			t.Fatalf("opensLikeCredit(%q) = false, but the regexp matches", para)
		}
	}
	var firsts []rune
	for _, o := range creditOpenings {
		r, _ := utf8.DecodeRuneInString(o)
		firsts = append(firsts, r)
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := slices.Contains(creditInitials, r), slices.Contains(firsts, unicode.ToLower(r)); got != want {
			t.Fatalf("%q among creditInitials: %v, but its lower case opens a credit: %v", r, got, want)
		}
	}
	taggedParts := []string{",", ".", " ", "\t", "/", "ТАСС", "(", ")", "Reuters", "ИА", "Агентство",
		"«", "»", "Казинформ", "-", "–", "—", "РИА Новости", "президент", "x"}
	for range 200_000 {
		rest := randomLine(rng, taggedParts)
		got, want := findTagged(rest), datelineTagged.FindStringSubmatch(head(rest))
		if !slices.Equal(got, want) {
			t.Fatalf("findTagged(%q) = %q, the regexp says %q", rest, got, want)
		}
	}
	dateParts := []string{",", ".", " ", "5", "22", "октября", "Октября", "ОКТЯБРЯ", "октябрь", "окт",
		"марта", "мар", "март", "мая", "May", "may", "sept", "Sep", "ſept", "2025", "1999", "г", "г.",
		"года", "x", "ᲂкт", "\t", "\n", "123", "2100", "19", "а", "ь", "я", "сент", "сен", "нояб",
		"августа", "июн", "июня", "january", "jun", "june", "dec", "декабрь"}
	dateParts = append(dateParts, datelineMonths...)
	for range 400_000 {
		rest := []string{", ", ". ", ""}[rng.IntN(3)] + randomLine(rng, dateParts)
		got, want := findDate(true, rest), datelineDate.FindStringSubmatch(head(rest))
		if !slices.Equal(got, want) {
			t.Fatalf("findDate(%q) = %q, the regexp says %q", rest, got, want)
		}
		if got, want := scanDate(head(rest)), datelineDateCased.FindStringSubmatch(head(rest)); !slices.Equal(got, want) {
			t.Fatalf("scanDate(%q) = %q, the regexp says %q", rest, got, want)
		}
	}
	sourceParts := []string{",", ".", " ", "\t", "\n", "KAZAKHSTAN", "TODAY", "Казинформ", "Сергей",
		"лавров", "-", "–", "—", "&", "7", "A-", "ABC-DEF", "x", ":", "\u00a0", "ǅ", "Ё", " - ", "--", " A", " Б", " C-", "A B C D E - "}
	for range 400_000 {
		rest := randomLine(rng, sourceParts)
		if got, want := findBare(head(rest)), datelineBare.FindStringSubmatch(head(rest)); !slices.Equal(got, want) {
			t.Fatalf("findBare(%q) = %q, the regexp says %q", rest, got, want)
		}
		if got, want := findEnd(head(rest)), datelineEnd.FindString(head(rest)); got != want {
			t.Fatalf("findEnd(%q) = %q, the regexp says %q", rest, got, want)
		}
	}
	spaceParts := []string{" ", "\t", "\n", "\v", "\u00a0", "\u0085", "\u2000", "\u3000", "а", "Я",
		"x", ".", "\xd0", "\xff", "\u1680", "ǅ"}
	for range 200_000 {
		line := randomLine(rng, spaceParts)
		if got, want := trimSpace(line), strings.TrimSpace(line); got != want {
			t.Fatalf("trimSpace(%q) = %q, strings.TrimSpace says %q", line, got, want)
		}
	}
	sentenceParts := []string{"Текст", " ", ".", "!", "?", "…", "г.", " г", "К", "«", "\"", "ТАСС", "т.е",
		"\xe2", "\xe2\x80", "\xff", "a", "(", "\u00a0", ". ", "... "}
	for range 200_000 {
		s := randomLine(rng, sentenceParts)
		if got, want := sentenceEnd(s), sentenceEndByRunes(s); got != want {
			t.Fatalf("sentenceEnd(%q) = %d, rune by rune %d", s, got, want)
		}
	}
	placeParts := []string{"МОСКВА", "Москва", "москва", "НЬЮ-ЙОРК", " ", "\u00a0", "-", "'", "’", "Й",
		"й", "Q", "q", "ǅ", "ª", "\u0301", "1", ",", ".", "NEW", "D'", "\t", "ſ", "Σ", "\xff"}
	for range 200_000 {
		para := randomLine(rng, placeParts)
		if got, want := scanPlace(head(para)), datelinePlace.FindString(head(para)); got != want {
			t.Fatalf("scanPlace(%q) = %q, the regexp says %q", para, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, para := range []string{string(r) + "осква", "М" + string(r) + "сква Ка", "Нью Й" + string(r)} {
			if got, want := scanPlace(para), datelinePlace.FindString(para); got != want {
				t.Fatalf("scanPlace(%q) = %q, the regexp says %q", para, got, want)
			}
		}
	}
}

// The regexps scanPlace, findEnd and scanDate stand in for.
var (
	// datelinePlace is one to three capitalised words: "МОСКВА", "Нью-Йорк", "НИЖНИЙ НОВГОРОД".
	datelinePlace = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+(?:[ \x{a0}]\p{Lu}[\p{L}'’-]*){0,2}`)
	// datelineEnd separates the dateline from the text: ".", " -", ". –", ":".
	datelineEnd = regexp.MustCompile(`^\s*(?:[.:,]?\s*[-–—]+|[.:])\s*`)
	// datelineDateCased is datelineDate for a month in lower case.
	datelineDateCased = regexp.MustCompile(strings.Replace(datelineDate.String(), "(?i:", "(?:", 1))
)

// sentenceEndByRunes is sentenceEnd as it reads, rune by rune.
func sentenceEndByRunes(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		rest := s[i:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if !unicode.IsUpper(next) && next != '«' && next != '"' {
			continue
		}
		if r == '.' && isAbbreviation(lastWord(s[:i-size])) {
			continue
		}
		return i
	}
	return -1
}
