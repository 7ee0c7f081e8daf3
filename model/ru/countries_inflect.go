package ru

import "strings"

// The gazetteers store names in the nominative; these rules spell out the case forms a name
// takes in running text. They overgenerate on purpose (both hard and soft endings, both
// masculine and feminine forms of a soft sign): a form no text uses costs nothing, a form
// missing costs a mention.

// adjEndings are the endings of a full adjective in every gender, number and case.
var adjEndings = []string{
	"ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые",
	"ого", "его", "ому", "ему", "им", "ым", "ом", "ем", "ей", "ую", "юю", "ою",
	"их", "ых", "ими", "ыми",
}

// isAdjective reports whether a folded nominative word of a multi-word name is an adjective
// ("северная", "соединенные", "южный").
func isAdjective(w string) bool {
	for _, e := range []string{"ая", "яя", "ое", "ые", "ие", "ий", "ый", "ой"} {
		if strings.HasSuffix(w, e) && len([]rune(w)) > 3 {
			return true
		}
	}
	return false
}

// adjectiveForms returns every form of an adjective given by its stem ("французск").
func adjectiveForms(stem string) []string {
	forms := make([]string, 0, len(adjEndings))
	for _, e := range adjEndings {
		forms = append(forms, stem+e)
	}
	return forms
}

// adjectiveStem strips the nominative ending of a folded adjective: "северная" → "северн".
func adjectiveStem(w string) string {
	r := []rune(w)
	return string(r[:len(r)-2])
}

// nounForms returns the case forms of a folded noun in the nominative. Proper names ending in
// -о, -е, -и, -у, -ю, -э are indeclinable (Того, Марокко, Чили, Перу); common nouns set
// common, so that "агентство" and "объединение" decline.
func nounForms(w string, common bool) []string {
	r := []rune(w)
	n := len(r)
	if n < 2 {
		return []string{w}
	}
	if i := strings.LastIndex(w, "-"); i > 0 && !common {
		// Гвинея-Бисау → Гвинеи-Бисау; Коста-Рика → Коста-Рики: either part may decline.
		head, tail := w[:i], w[i:]
		var forms []string
		for _, f := range nounForms(head, false) {
			forms = append(forms, f+tail)
		}
		for _, f := range nounForms(w[i+1:], false) {
			forms = append(forms, w[:i+1]+f)
		}
		return forms
	}
	stem1 := string(r[:n-1])
	with := func(stem string, endings ...string) []string {
		forms := []string{w}
		for _, e := range endings {
			forms = append(forms, stem+e)
		}
		return forms
	}
	last, prev := r[n-1], r[n-2]
	switch {
	case last == 'я' && (prev == 'и' || prev == 'е'):
		return with(stem1, "и", "ю", "ей", "ею", "е") // Франция, Корея
	case last == 'я':
		return with(stem1, "и", "ю", "ей", "е")
	case last == 'а':
		return with(stem1, "ы", "и", "е", "у", "ой", "ою", "ей") // Литва, Польша
	case last == 'ь':
		return with(stem1, "и", "ью", "я", "ю", "ем", "е") // Беларусь, Израиль
	case last == 'й' && (prev == 'и'):
		return with(stem1, "я", "ю", "ем", "и") // Маврикий
	case last == 'й':
		return with(stem1, "я", "ю", "ем", "е") // Китай
	case last == 'ы':
		return with(stem1, "ов", "", "ам", "ами", "ах") // Нидерланды, Филиппины
	case last == 'и' && common:
		return with(stem1, "ей", "ям", "ями", "ях")
	case last == 'о' && common:
		return with(stem1, "а", "у", "ом", "е") // агентство
	case last == 'е' && prev == 'и' && common:
		return with(stem1, "я", "ю", "ем", "и") // объединение
	case last == 'е' && common:
		return with(stem1, "я", "ю", "ем") // поле
	case strings.ContainsRune("оеиуюэ", last):
		return []string{w}
	case strings.ContainsRune("бвгджзклмнпрстфхцчшщ", last):
		return with(w, "а", "у", "ом", "ем", "е") // Казахстан
	}
	return []string{w}
}

// wordForms returns the case forms of one word of a multi-word name.
func wordForms(w string, common bool) []string {
	if isAdjective(w) {
		return adjectiveForms(adjectiveStem(w))
	}
	return nounForms(w, common)
}

// genitive returns the genitive singular of a name in the nominative, the form that follows
// "МИД" or "посольство": "Казахстан" → "Казахстана", "Северная Македония" → "Северной
// Македонии". Leading adjectives and the first noun decline; the words after it are already in
// their fixed form ("Республика Корея" → "Республики Корея"). Abbreviations stay as they are.
func genitive(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if len(words) > 1 && isAdjective(w) {
			stem := adjectiveStem(w)
			switch {
			case strings.HasSuffix(w, "ие"):
				words[i] = stem + "их"
			case strings.HasSuffix(w, "ые"):
				words[i] = stem + "ых"
			case strings.HasSuffix(w, "ая") || strings.HasSuffix(w, "яя"):
				words[i] = stem + "ой"
			default:
				words[i] = stem + "ого"
			}
			continue
		}
		words[i] = genitiveNoun(w)
		break
	}
	return strings.Join(words, " ")
}

func genitiveNoun(w string) string {
	r := []rune(w)
	n := len(r)
	if n < 2 {
		return w
	}
	stem := string(r[:n-1])
	last, prev := r[n-1], r[n-2]
	switch {
	case last == 'я' || last == 'ь' && prev == 'с': // Франция, Беларусь
		return stem + "и"
	case last == 'а' && strings.ContainsRune("гкхжшчщ", prev):
		return stem + "и"
	case last == 'а':
		return stem + "ы"
	case last == 'ь' || last == 'й':
		return stem + "я"
	case last == 'ы':
		return stem + "ов"
	case strings.ContainsRune("бвгджзклмнпрстфхцчшщ", last):
		return w + "а"
	}
	return w
}
