package loader

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
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
		"года", "x", "ᲂкт"}
	for range 200_000 {
		rest := []string{", ", ". ", ""}[rng.IntN(3)] + randomLine(rng, dateParts)
		got, want := findDate(true, rest), datelineDate.FindStringSubmatch(head(rest))
		if !slices.Equal(got, want) {
			t.Fatalf("findDate(%q) = %q, the regexp says %q", rest, got, want)
		}
	}
}
