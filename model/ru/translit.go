package ru

import (
	"strings"
	"unicode"
)

// latin maps lower-case Cyrillic (Russian and Kazakh) letters to Latin, following the
// practice of English-language news (Kosherbayev, Tokayev, Zhanna, Shymkent).
var latin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya",
	// Kazakh letters.
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h", 'і': "i",
}

func isCyrVowel(r rune) bool {
	return strings.ContainsRune("аеёиоуыэюяәөұүі", r)
}

// Latin transliterates Cyrillic text to Latin letters, keeping other characters and the
// capitalisation of each letter: "Ермек Кошербаев" → "Yermek Kosherbayev".
// "е" is written "ye" at the start of a word and after a vowel or a soft or hard sign, as
// English-language media do; "ий"/"ый" at the end of a word become "iy"/"y".
func Latin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := ' '
	for _, r := range s {
		lower := unicode.ToLower(r)
		t, ok := latin[lower]
		if !ok {
			b.WriteRune(r)
			prev = lower
			continue
		}
		if lower == 'е' && (!unicode.IsLetter(prev) || isCyrVowel(prev) || prev == 'ь' || prev == 'ъ') {
			t = "ye"
		}
		if lower == 'й' && (prev == 'ы' || prev == 'и') {
			t = ""
			if prev == 'и' {
				t = "y"
			}
		}
		if unicode.IsUpper(r) && t != "" {
			t = strings.ToUpper(t[:1]) + t[1:]
		}
		b.WriteString(t)
		prev = lower
	}
	return b.String()
}
