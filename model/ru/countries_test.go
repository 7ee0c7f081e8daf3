package ru

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLookupCountry(t *testing.T) {
	for word, want := range map[string]string{
		"Франции": "FR", "французской": "FR", "France": "FR", "FR": "FR", "Франция": "FR",
		"РК": "KZ", "Казахстана": "KZ", "Казахстане": "KZ", "казахстанских": "KZ", "казахско": "KZ",
		"США": "US", "сша": "US", "Соединённых Штатов Америки": "US", "американского": "US",
		"Киргизии": "KG", "Кыргызстаном": "KG", "Белоруссии": "BY", "Беларусью": "BY",
		"Молдавии": "MD", "Молдовы": "MD", "Северной Македонии": "MK", "Великобритании": "GB",
		"Соединенного Королевства": "GB", "Республики Узбекистан": "UZ", "норвежской": "NO",
		"иорданских": "JO", "мексиканской": "MX", "Египте": "EG", "Турции": "TR", "турецкий": "TR",
		"Грузии": "GE", "Нидерландов": "NL", "Филиппин": "PH", "КНР": "CN", "ОАЭ": "AE",
		"ФРГ": "DE", "Гвинеи-Бисау": "GW", "Шри-Ланки": "LK", "Israel": "IL", "Израилем": "IL",
		"United Kingdom": "GB", "south korea": "KR", "Южной Кореи": "KR", "КНДР": "KP",
		"Того": "TG", "Антарктида": "AQ",
	} {
		if got, ok := LookupCountry(word); !ok || got != want {
			t.Errorf("LookupCountry(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
	for _, word := range []string{"Европа", "Азии", "Африка", "русский", "английский", "того", "груз", "ЕС", "СНГ", "Вене", "Душанбе", "рк"} {
		if got, ok := LookupCountry(word); ok {
			t.Errorf("LookupCountry(%q) = %q, want no country", word, got)
		}
	}
}

func TestCountryByCode(t *testing.T) {
	name, en, ok := CountryByCode("KZ")
	if !ok || name != "Казахстан" || en != "Kazakhstan" {
		t.Errorf("CountryByCode(KZ) = %q, %q, %v", name, en, ok)
	}
	if _, _, ok := CountryByCode("XX"); ok {
		t.Error("CountryByCode(XX) found a country")
	}
	if len(Countries()) < 240 {
		t.Errorf("only %d countries", len(Countries()))
	}
	for code, want := range map[string]string{"KZ": "Казахстана", "FR": "Франции", "MK": "Северной Македонии", "US": "США", "BY": "Беларуси", "KR": "Южной Кореи", "PL": "Польши", "IL": "Израиля"} {
		if got := CountryGenitive(code); got != want {
			t.Errorf("CountryGenitive(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestCountriesTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Countries() {
		if _, ok := CodeSlot(c.Code); !ok || seen[c.Code] || c.Name == "" || c.NameEn == "" || c.Genitive == "" {
			t.Errorf("bad or duplicate entry %+v", c)
		}
		if name, _, _ := CountryByCode(c.Code); name != c.Name {
			t.Errorf("CountryByCode(%s) = %q, want %q", c.Code, name, c.Name)
		}
		seen[c.Code] = true
		for _, a := range append(c.Aliases, c.Adjectives...) {
			if a == "" || strings.ContainsAny(a, "!\t") {
				t.Errorf("%s: bad alias or adjective %q", c.Code, a)
			}
		}
	}
	for _, o := range Orgs() {
		if o.Key == "" || o.Name == "" || o.NameEn == "" {
			t.Errorf("bad organisation %+v", o)
		}
	}
}

func TestIsStateNoun(t *testing.T) {
	for _, word := range []string{"правительства", "правительство", "послом", "посол", "делегации",
		"стороны", "мида", "премьер-министра", "вице-премьер", "войска", "граждан", "властям",
		"парламентарий", "военные", "отношений", "партнерами", "диаспоры"} {
		if !IsStateNoun(word) {
			t.Errorf("IsStateNoun(%q) = false, want true", word)
		}
	}
	for _, word := range []string{"после", "пруд", "психолога", "музыкой", "компании", "кухню", "ученых", ""} {
		if IsStateNoun(word) {
			t.Errorf("IsStateNoun(%q) = true, want false", word)
		}
	}
}

func TestStateNounFollows(t *testing.T) {
	for _, tc := range []struct {
		after string
		want  bool
	}{
		{"делегации прибыли", true},
		{"внешней разведки", true},
		{"государственной нефтяной компании", false},
		{"и казахстанские дипломаты", true},
		{"пруд", false},
		{"психолога саймона", false},
		{"", false},
		{"старой новой большой делегации", false}, // too far for one noun phrase
	} {
		if got := StateNounFollows(strings.Fields(tc.after)); got != tc.want {
			t.Errorf("StateNounFollows(%q) = %v, want %v", tc.after, got, tc.want)
		}
	}
}

// TestNameStartIn checks the filters pass every country and organisation word as such and every
// adjective form as one, and rule out most names as adjectives, which lets the places scanner
// stop reading after one.
func TestNameStartIn(t *testing.T) {
	nouns, passed := 0, 0
	for form, w := range countries.words {
		start := NameStartIn([]byte(form))
		switch {
		case !start.Country:
			t.Errorf("country word %q ruled out", form)
		case w.Kind == CountryAdjective && !start.Adjective:
			t.Errorf("adjective %q ruled out", form)
		case w.Kind == CountryNoun:
			nouns++
			if start.Adjective {
				passed++
			}
		}
	}
	if nouns == 0 || passed*20 > nouns {
		t.Errorf("%d of %d names may be adjectives", passed, nouns)
	}
	for form := range countries.phrases {
		if start := NameStartIn([]byte(form)); !start.Country || !start.Phrase {
			t.Errorf("first word of a country name %q ruled out", form)
		}
	}
	for form := range orgs.words {
		if !NameStartIn([]byte(form)).Org {
			t.Errorf("organisation word %q ruled out", form)
		}
	}
	for form := range orgs.phrases {
		if start := NameStartIn([]byte(form)); !start.Org || !start.Phrase {
			t.Errorf("first word of an organisation name %q ruled out", form)
		}
	}
	for _, fold := range []string{"казахстанской", "французский", "российско"} {
		if !NameStartIn([]byte(fold)).Adjective {
			t.Errorf("%q ruled out as an adjective", fold)
		}
	}
	// Each finder visits the words of its own filter: few of the other's pass it.
	asCountries, asOrgs := 0, 0
	for form := range orgs.words {
		if _, country := countries.words[form]; !country && NameStartIn([]byte(form)).Country {
			asCountries++
		}
	}
	for form := range countries.words {
		if _, org := orgs.words[form]; !org && NameStartIn([]byte(form)).Org {
			asOrgs++
		}
	}
	if asCountries*10 > len(orgs.words) || asOrgs*10 > len(countries.words) {
		t.Errorf("%d of %d organisation words may be countries, %d of %d country words organisations",
			asCountries, len(orgs.words), asOrgs, len(countries.words))
	}
}

// TestAdjectiveFormsShape proves MayBeCountryAdjective against the table: every
// adjective form passes it, and most words of running text do not.
func TestAdjectiveFormsShape(t *testing.T) {
	adjectives := 0
	for form, w := range countries.words {
		if w.Kind != CountryAdjective {
			continue
		}
		adjectives++
		if got, ok := CountryAdjectiveOf(form); !ok || got != w {
			t.Errorf("CountryAdjectiveOf(%q) = %+v, %v; want %+v", form, got, ok, w)
		}
	}
	if adjectives < 1000 {
		t.Errorf("only %d adjective forms", adjectives)
	}
	text := "министр иностранных дел республики провел переговоры с коллегой в ходе официального " +
		"визита стороны обсудили вопросы политического и экономического сотрудничества и того"
	passed, words := 0, strings.Fields(text)
	for _, word := range words {
		if MayBeCountryAdjective(word) {
			passed++
		}
	}
	if passed*5 > len(words) {
		t.Errorf("%d of %d common words pass the ending test", passed, len(words))
	}
	for _, word := range []string{"того", "чад", "франции", "казахстана"} {
		if w, ok := CountryAdjectiveOf(word); ok {
			t.Errorf("CountryAdjectiveOf(%q) = %+v, want none: not an adjective", word, w)
		}
	}
}

// TestIsAdjectiveForm checks the ending test by bits against comparing each ending, on the
// forms of adjectives and on other words.
func TestIsAdjectiveForm(t *testing.T) {
	compared := func(fold string) bool {
		if utf8.RuneCountInString(fold) < 5 {
			return false
		}
		for _, e := range adjEndings {
			if strings.HasSuffix(fold, e) {
				return true
			}
		}
		return false
	}
	words := strings.Fields("его ими него внешней разведки делегации прибыли государственной " +
		"нефтяной компании и пруд ёлкий ёлкое abcdeий €€ий новый-ий казахстанского ого")
	for _, stem := range []string{"северн", "российск", "внешн", "больш"} {
		words = append(words, adjectiveForms(stem)...)
	}
	for form := range stateNouns {
		words = append(words, form)
	}
	adjectives := 0
	for _, w := range words {
		got := isAdjectiveForm(w)
		if want := compared(w); got != want {
			t.Errorf("isAdjectiveForm(%q) = %v, want %v", w, got, want)
		}
		if got {
			adjectives++
		}
	}
	if adjectives < 4*len(adjEndings) || adjectives == len(words) {
		t.Errorf("%d of %d words end like adjectives", adjectives, len(words))
	}
}
