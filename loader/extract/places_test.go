package extract

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/seeds"
)

// seedTexts returns the seed files as texts the way Annotate passes them: one per line.
func seedTexts(t testing.TB) map[string][]string {
	t.Helper()
	files, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	texts := map[string][]string{}
	for _, f := range files {
		b, err := fs.ReadFile(seeds.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f[:3]] = strings.Split(string(b), "\n")
	}
	return texts
}

func countryCodes(texts []string) ([]string, []mention) {
	refs, _, all := findPlaces(texts, nil, ownLists{})
	var mentions []mention
	for _, m := range all {
		if m.Kind == model.KindCountry {
			mentions = append(mentions, m)
		}
	}
	var codes []string
	for _, r := range refs {
		codes = append(codes, r.Code)
	}
	slices.Sort(codes)
	return codes, mentions
}

func orgKeys(texts []string) []string {
	_, refs, _ := findPlaces(texts, nil, ownLists{})
	var keys []string
	for _, r := range refs {
		keys = append(keys, r.Key)
	}
	slices.Sort(keys)
	return keys
}

func TestFindCountriesSeeds(t *testing.T) {
	want := map[string][]string{
		"000": {"AT", "KZ"},
		"001": {"KZ", "RU"},
		"002": {"CA", "CH", "GB", "JO", "KE", "KZ", "MK", "MX", "TJ", "UZ"},
		// KG comes from "кыргызской и татарской диаспор" (a country's people abroad), MX and NO
		// also from "казахско-мексиканского", "норвежской".
		"003": {"AZ", "CN", "ET", "FI", "KG", "KW", "KZ", "MX", "NO", "PK", "SI", "TR", "UZ"},
		"004": {"FR", "KZ"},
	}
	for id, texts := range seedTexts(t) {
		got, mentions := countryCodes(texts)
		if !slices.Equal(got, want[id]) {
			t.Errorf("seed %s: countries %v, want %v", id, got, want[id])
		}
		for _, m := range mentions {
			if m.Kind != model.KindCountry || m.Start >= m.End || m.End > len(texts[m.Block+1]) {
				t.Errorf("seed %s: bad mention %+v", id, m)
			}
		}
	}
}

func TestFindOrgsSeeds(t *testing.T) {
	want := map[string][]string{
		"000": {"МАГАТЭ", "МИД KZ"},
		"001": {"МИД KZ", "ОДКБ", "ЕАЭС", "СНГ", "ШОС", "ТАСС"},
		"002": {"МИД KZ", "МИД MX", "ООН", "ОБСЕ", "ПА ОБСЕ", "ЕС"},
		"003": {"МИД KZ", "АС", "APSCO", "ПАСЕ"},
		"004": {"CEA"},
	}
	for id, texts := range seedTexts(t) {
		got := orgKeys(texts)
		for _, k := range want[id] {
			if !slices.Contains(got, k) {
				t.Errorf("seed %s: orgs %q lack %q", id, got, k)
			}
		}
	}
}

func TestFindCountriesSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Министр иностранных дел РК провёл встречу в Вене.", []string{"KZ"}},
		{"Переговоры прошли в Душанбе и в Вене.", nil},
		{"Посольство Франции передало ноту МИД Казахстана.", []string{"FR", "KZ"}},
		{"Стороны обсудили развитие казахско-мексиканского сотрудничества.", []string{"KZ", "MX"}},
		{"Объём российско-казахстанских торговых связей вырос.", []string{"KZ", "RU"}},
		{"Делегация Северной Македонии прибыла в Астану.", []string{"MK"}},
		{"Посол встретился с министром Республики Узбекистан.", []string{"UZ"}},
		{"Визит в Киргизию перенесли, а в Кыргызстане прошли выборы.", []string{"KG"}},
		{"Белоруссия и Беларусь — одна страна, как Молдавия и Молдова.", []string{"BY", "MD"}},
		{"США, КНР, ОАЭ и ФРГ подписали заявление, Соединённое Королевство воздержалось.", []string{"AE", "CN", "DE", "GB", "US"}},
		{"Соединенных Штатов Америки и Великобритании", []string{"GB", "US"}},
		{"Лекция шла на русском языке, потом на английском.", nil},
		{"Статья написана на китайском языке.", nil},
		{"Груз доставили в срок. Грузия приняла помощь.", []string{"GE"}},
		{"После того как министр вернулся, того же мнения были все.", nil},
		{"Того же мнения придерживаются эксперты.", nil},
		{"Делегации из Того, Чада и Мали прибыли в Оман.", []string{"ML", "OM", "TD", "TG"}},
		{"Куба и Турция заключили соглашение, турецкий министр доволен.", []string{"CU", "TR"}},
		{"Представители ЕС, СНГ, ОДКБ и ШОС собрались в Европе.", nil},
		{"Азия и Африка, как и Латинская Америка, ждут инвестиций.", nil},
		{"Туристы из Америки и Англии приехали в Египет, а потом в Египте отдохнули.", []string{"EG", "GB", "US"}},
		{"Корабль «Колумбия» стартовал с мыса Канаверал.", nil},
		{"Король Густав Шведский и Александр Македонский.", nil},
		{"Норвежской делегации и иорданских партнёров приветствовали мексиканской музыкой.", []string{"JO", "NO"}},
		{"По словам канадского психолога, японские туристы любят греческую кухню.", nil},
		{"Японский пруд Моне купило японское правительство.", []string{"JP"}},
		{"Российские и казахстанские дипломаты, глава британской внешней разведки.", []string{"GB", "KZ", "RU"}},
		{"Американские эксперты обсудили визит в США.", []string{"US"}},
		{"Сайт в зоне .РФ открыт.", nil},
		{"Переговоры в Гвинее-Бисау и на Шри-Ланке.", []string{"GW", "LK"}},
		{"ДЕЛЕГАЦИЯ ИЗ РК", []string{"KZ"}},
		{"ВИЗИТ ФРАНЦУЗСКОЙ ДЕЛЕГАЦИИ", []string{"FR"}},
		{"Рабочие устроили итальянскую забастовку, на обед был шведский стол.", nil},
		{"Данные штатов Нью-Йорк и Нью-Джерси.", nil},
		{"Экспедиция на Новую Гвинею, потом в Северную Ирландию и в Ирландию.", []string{"GB", "IE"}},
		{"Саммит Россия-Украина и российско-украинские переговоры.", []string{"RU", "UA"}},
	} {
		got, _ := countryCodes([]string{tc.text})
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: countries %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestFindCountriesSpans(t *testing.T) {
	text := "Визит в Северную Македонию и российско-казахстанских отношений."
	_, mentions := countryCodes([]string{"", text})
	var got []string
	for _, m := range mentions {
		if m.Block != 0 {
			t.Errorf("mention %+v not in block 0", m)
		}
		got = append(got, m.Key+":"+text[m.Start:m.End])
	}
	want := []string{"MK:Северную Македонию", "RU:российско", "KZ:казахстанских"}
	if !slices.Equal(got, want) {
		t.Errorf("mentions %q, want %q", got, want)
	}
}

func TestFindOrgsSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Генеральный директор Международного агентства по атомной энергии прибыл в Астану.", []string{"МАГАТЭ"}},
		{"Заявление МИД РК и МИД России.", []string{"МИД KZ", "МИД RU"}},
		{"Министерство иностранных дел Республики Казахстан сообщило.", []string{"МИД KZ"}},
		{"По словам российского МИДа, встреча пройдёт в Женеве.", []string{"МИД RU"}},
		{"Евросоюз и НАТО обсудили ситуацию, Европейский союз готов помочь.", []string{"ЕС", "НАТО"}},
		{"АС сообщил об успехе.", nil},
		{"Саммит Африканского союза (АС) прошёл в Аддис-Абебе.", []string{"АС"}},
		{"Делегация ПА ОБСЕ прибыла, ОБСЕ поддержала.", []string{"ОБСЕ", "ПА ОБСЕ"}},
		{"Встреча в рамках СВМДА, ОТГ и Всемирной торговой организации.", []string{"ВТО", "ОТГ", "СВМДА"}},
		{"Сообщает ИТАР-ТАСС.", []string{"ТАСС"}},
		{"Диалог Россия-НАТО возобновлён.", []string{"НАТО"}},
		{"магатэ написано строчными буквами.", nil},
	} {
		got := orgKeys([]string{tc.text})
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: orgs %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestScanFolds checks that the scanner folds each word like ru.Fold, whether it copies the
// word (capitals, ё) or uses it as written.
func TestScanFolds(t *testing.T) {
	texts := []string{"ВИЗИТ Французской делегации в ЁЛКИНО, ёлки и Mexico-City: казахско-мексиканский G20."}
	for _, tt := range seedTexts(t) {
		texts = append(texts, tt...)
	}
	var s scan
	s.reset(texts)
	for i := range s.words {
		if want := ru.Fold(s.textOf(i)); s.fold(i) != want {
			t.Errorf("word %q folded to %q, want %q", s.textOf(i), s.fold(i), want)
		}
	}
}

// TestLowerRunEnd checks the four-letters-at-a-time scan against one that decodes rune by rune,
// at every offset of texts where the run ends at each position of a load: on another Cyrillic
// letter, ё, ASCII, a rune of three bytes and broken UTF-8.
func TestLowerRunEnd(t *testing.T) {
	want := func(text string, i int) int {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r < 'а' || r > 'я' || size != 2 {
				break
			}
			i += size
		}
		return i
	}
	texts := []string{"абвгдежзийклмнопрстуфхцчшщъыьэюя", "въезд в Казахстан", "ещё"}
	for _, stop := range []string{"Я", "ё", "ѐ", "z", " ", "—", "\xd0\xc0", "\xd1 ", "\xd0"} {
		for n := range 9 {
			texts = append(texts, strings.Repeat("я", n)+stop+"ааааа")
		}
	}
	for _, text := range texts {
		for i := range len(text) {
			if got, want := lowerRunEnd(text, i), want(text, i); got != want {
				t.Errorf("lowerRunEnd(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// TestMarkedWordsSuffice checks that the scan never leaves out a word a name starts at or a
// rule reads: the finders looking at every word, the scan keeping all of them, find the same
// countries, organisations and mentions as when they look at the listed ones only.
func TestMarkedWordsSuffice(t *testing.T) {
	var articles [][]string
	for _, tt := range seedTexts(t) {
		articles = append(articles, tt)
	}
	for _, a := range corpusgen.Articles(100, 2) {
		articles = append(articles, articleTexts(a))
	}
	articles = append(articles, []string{"ВИЗИТ Французской делегации в ЁЛКИНО, МИД РК и ООН: казахско-мексиканский G20, Ǆungla Ωmega, İstanbul, Kelvin.",
		// Words after a name that only some rules read: state nouns after adjectives, a
		// language, the country of a ministry, the words of multi-word names.
		"российской государственной нефтяной компании, британской внешней разведки, российские и казахстанские дипломаты",
		"японский сад, китайского языка, Густав Шведский, сообщает МИД со ссылкой на МИД Казахстана",
		"Министерства иностранных дел Республики Узбекистан и Организации Договора о коллективной безопасности",
		"глава МИД ему сказал, Франция и того, шведский стол в Латинской Америке",
		// After a capitalised adjective its state noun is read; after a name nothing is.
		"Казахстан заявил. Российское правительство и Британской внешней разведки, Франция сообщила о японском саде",
		// Hyphenated names: of countries and organisations in parts, of other places whole.
		"саммит Россия-НАТО, ЕС-Китай и США-ЕС в Нью-Йорке, Восточно-Казахстанская область, Алма-Ата, Санкт-Петербург",
		// Common words with ё, hyphens and digits, and capitalised ones, are passed over.
		"по-прежнему её позиция ещё не ясна, всё-таки российско-китайские переговоры в 2024-м году, Reuters и Москве в 5-й раз",
	})
	if _, err := os.Stat(evalPath); err == nil { // real news, when factRuEval is beside the repository
		for _, d := range loadEval(t, "") {
			articles = append(articles, articleTexts(evalArticle(d)))
		}
	}
	marked := 0
	for _, texts := range articles {
		if got, want := placesFound(texts, false), placesFound(texts, true); got != want {
			t.Errorf("%.60q: listed words give %s, all words %s", texts[0], got, want)
		}
		var s scan
		s.reset(texts)
		marked += len(s.starts)
	}
	if marked == 0 {
		t.Error("no word listed")
	}
}

// placesFound returns what the place finders find in texts, listed as a string, looking at the
// words the scan lists or, with all, at every word, the scan keeping all of them.
func placesFound(texts []string, all bool) string {
	s := scan{keepAll: all}
	var cf countryFinder
	var of orgFinder
	s.reset(texts)
	if all {
		s.starts = s.starts[:0]
		for i := range s.words {
			s.starts = append(s.starts, int32(i))
			s.words[i].country, s.words[i].org = true, true
		}
	}
	cf.find(&s)
	of.find(&s)
	cf.dropUnnamed()
	orgs, mentions := of.resolve(&cf, cf.mentions, ownLists{})
	var b strings.Builder
	for _, r := range cf.refs(ownLists{}) {
		fmt.Fprintf(&b, "%s:%d ", r.Code, r.Mentions)
	}
	for _, r := range orgs {
		fmt.Fprintf(&b, "%s:%d ", r.Key, r.Mentions)
	}
	fmt.Fprint(&b, mentions)
	return b.String()
}

// FuzzMarkedWordsSuffice checks TestMarkedWordsSuffice's property on any text: the words the
// scan passes over or drops change nothing the finders find.
func FuzzMarkedWordsSuffice(f *testing.F) {
	for _, s := range []string{"Густав Шведский и её российско-казахстанских", "МИД РК, всё-таки Reuters",
		"по-прежнему Москве 5-й раз: Министерства иностранных дел Республики Узбекистан", "Ёлкино «Колумбия» ещё"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		texts := []string{text}
		if got, want := placesFound(texts, false), placesFound(texts, true); got != want {
			t.Errorf("%q: listed words give %s, all words %s", text, got, want)
		}
	})
}

func TestFindPlacesHostile(t *testing.T) {
	for _, text := range []string{"", "-", "--РК--", "\xff\xfeРК\x00", "Казахстан-", "-Казахстан", strings.Repeat("Северной ", 1000), "МИД", "Северная\u00a0Македония"} {
		findPlaces([]string{text}, nil, ownLists{})
	}
}

// BenchmarkFindPlaces measures country and organisation extraction on the seed articles.
func BenchmarkFindPlaces(b *testing.B) {
	var texts [][]string
	size := 0
	for _, tt := range seedTexts(b) {
		texts = append(texts, tt)
		for _, t := range tt {
			size += len(t)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, tt := range texts {
			findPlaces(tt, nil, ownLists{})
		}
	}
}

// BenchmarkFindPlacesNews measures the finder on the factRuEval news (skipped without it),
// real text with fewer countries and organisations than the seeds.
func BenchmarkFindPlacesNews(b *testing.B) {
	var texts [][]string
	for _, d := range loadEval(b, "") {
		texts = append(texts, articleTexts(evalArticle(d)))
	}
	benchmarkPlaces(b, texts)
}

// BenchmarkFindPlacesGenerated measures the finder on generated articles, the corpus of the
// loader's benchmarks.
func BenchmarkFindPlacesGenerated(b *testing.B) {
	var texts [][]string
	for _, a := range corpusgen.Articles(500, 1) {
		texts = append(texts, articleTexts(a))
	}
	benchmarkPlaces(b, texts)
}

// articleTexts returns the texts of a the way Annotate passes them: the title, then the blocks.
func articleTexts(a *model.Article) []string {
	texts := []string{a.Title}
	for _, b := range a.Blocks {
		texts = append(texts, b.Text)
	}
	return texts
}

func benchmarkPlaces(b *testing.B, texts [][]string) {
	size := 0
	for _, tt := range texts {
		for _, t := range tt {
			size += len(t)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var mentions []mention
	for b.Loop() {
		for _, tt := range texts {
			_, _, mentions = findPlaces(tt, mentions[:0], ownLists{})
		}
	}
}

// FuzzFindPlaces checks that any text is scanned without a panic and every mention spans
// whole runes inside its text.
func FuzzFindPlaces(f *testing.F) {
	for _, s := range []string{"МИД РК", "российско-казахстанских", "Нью-Джерси", "«Колумбия»", "Ё-Ё\xff-РФ", ".РФ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		_, _, mentions := findPlaces([]string{text}, nil, ownLists{})
		for _, m := range mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
				t.Fatalf("bad span %+v in %q", m, text)
			}
		}
	})
}

// TestLongestPhrasesFit checks the multi-word names of the tables fit the words the scan
// gathers for one (maxPhrase).
func TestLongestPhrasesFit(t *testing.T) {
	if longest := max(ru.LongestCountryPhrase(), ru.LongestOrgPhrase()); longest < 2 || longest > maxPhrase {
		t.Errorf("longest phrase %d words, maxPhrase %d", longest, maxPhrase)
	}
}
