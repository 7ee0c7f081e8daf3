package ru

import (
	"strings"
	"testing"
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
		if len(c.Code) != 2 || seen[c.Code] || c.Name == "" || c.NameEn == "" || c.Genitive == "" {
			t.Errorf("bad or duplicate entry %+v", c)
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

// TestNameStartIn checks the filters pass every country word and every adjective form as such,
// and rule out most names as adjectives, which lets the places scanner stop reading after one.
func TestNameStartIn(t *testing.T) {
	nouns, passed := 0, 0
	for form, w := range countries.words {
		name, _, adjective := NameStartIn([]byte(form))
		switch {
		case !name:
			t.Errorf("country word %q ruled out", form)
		case w.Kind == CountryAdjective && !adjective:
			t.Errorf("adjective %q ruled out", form)
		case w.Kind == CountryNoun:
			nouns++
			if adjective {
				passed++
			}
		}
	}
	if nouns == 0 || passed*20 > nouns {
		t.Errorf("%d of %d names may be adjectives", passed, nouns)
	}
	for _, fold := range []string{"казахстанской", "французский", "российско"} {
		if _, _, adjective := NameStartIn([]byte(fold)); !adjective {
			t.Errorf("%q ruled out as an adjective", fold)
		}
	}
	if name, phrase, _ := NameStartIn([]byte("организации")); !name || !phrase {
		t.Error("организации ruled out as the start of a name")
	}
}
