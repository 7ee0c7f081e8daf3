package corpusgen

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Grammatical cases the generator writes names in.
const (
	nom = iota // nominative: "Ермек Кошербаев"
	gen        // genitive: "Ермека Кошербаева"
	dat        // dative: "Ермеку Кошербаеву"
	ins        // instrumental: "Ермеком Кошербаевым"
)

type firstName struct {
	name string
	fem  bool
}

// firstNames mixes Kazakh, Russian and foreign first names, as Kazakh diplomatic news does.
var firstNames = func() []firstName {
	var out []firstName
	for _, n := range strings.Fields(`Ермек Касым-Жомарт Сергей Нурлан Асхат Ерлан Серик Марат
		Бауыржан Кайрат Даурен Жалгас Алтай Сатыбалды Тимур Арман Ержан Мухтар Болат Нурымбет
		Шахрат Алексей Михаил Дмитрий Андрей Владимир Николай Юрий Игорь Павел Олег Рафаэль
		Тимчо Сильван Жан Пьер Ханс Марко Ахмед Мехмет Тарик Анибал Йохан Карлос Томас Лукас
		Джон Роберт Франсуа Хироси Ли Ван Рустам Улугбек Эмомали Азамат Садыр Ильхам Абай`) {
		out = append(out, firstName{name: n})
	}
	for _, n := range strings.Fields(`Мария Анна Айгерим Жанна Динара Елена Лиза Гульнара
		Асель Ольга Наталья Татьяна Айжан Сауле Марибель Урсула Кая Ангела`) {
		out = append(out, firstName{name: n, fem: true})
	}
	return out
}()

type surname struct {
	name    string // masculine nominative
	foreign bool   // indeclinable
}

// surnames are built from Kazakh and Russian roots with the usual endings, plus foreign
// surnames that do not decline. The first ones are those of the seed articles.
var surnames = func() []surname {
	var out []surname
	for _, n := range strings.Fields(`Кошербаев Токаев Лавров Захаров Сактаганов Нурышев
		Бородавкин Буршаков Адилбаев Абибуллаев Вашурин`) {
		out = append(out, surname{name: n})
	}
	roots := strings.Fields(`Жумаб Сарсемб Ерга Тлеуберд Мусаб Кенжеб Оспан Абдрахман
		Нургали Сейтк Жаксыб Алимб Тасмаг Ибрагим Байзак Касымб Есенб Омарб Утеб Карим
		Иван Петр Смирн Кузнец Попов Соколов Морозов Волков Лебедев Козлов Новик Федор
		Мих Павл Семен Голуб Виноград Богдан Ворон Журавл Сорок`)
	endings := []string{"аев", "ов", "ин", "екенов", "ханов"}
	for _, r := range roots {
		for _, e := range endings {
			out = append(out, surname{name: r + e})
		}
	}
	for _, n := range strings.Fields(`Гросси Муцунски Гиоге Мартинес Шмидт Дюпон Ковальски
		Росси Мюллер Фишер Бернар Леруа Гарсия Лопес Сато Танака Ким Чжан Ли Смит Джонсон
		Браун Уилсон Кемаль Озтюрк Хан Сингх Нгуен Селнес Симкич Маайта Толедо Руис`) {
		out = append(out, surname{name: n, foreign: true})
	}
	return out
}()

// inflectFirst writes a first name in case c.
func inflectFirst(f firstName, c int) string {
	n := f.name
	if c == nom {
		return n
	}
	if strings.Contains(n, "-") { // Касым-Жомарт: both parts decline
		parts := strings.SplitN(n, "-", 2)
		return inflectFirst(firstName{parts[0], f.fem}, c) + "-" + inflectFirst(firstName{parts[1], f.fem}, c)
	}
	last := lastRune(n)
	stem := strings.TrimSuffix(n, string(last))
	if f.fem {
		switch {
		case strings.HasSuffix(n, "ия"):
			return pick(c, strings.TrimSuffix(n, "я"), "и", "и", "ей")
		case last == 'а':
			g := "ы"
			if strings.ContainsRune("гкхжшчщ", lastRune(stem)) {
				g = "и"
			}
			return pick(c, stem, g, "е", "ой")
		case last == 'я':
			return pick(c, stem, "и", "е", "ей")
		}
		return n // Марибель, Урсула's foreign peers: keep
	}
	switch {
	case last == 'й':
		return pick(c, stem, "я", "ю", "ем")
	case last == 'ь':
		return pick(c, stem, "я", "ю", "ем")
	case strings.ContainsRune("оеиуюэыа", last):
		return n // Тимчо, Ли: indeclinable
	case strings.ContainsRune("жшчщц", last):
		return pick(c, n, "а", "у", "ем")
	}
	return pick(c, n, "а", "у", "ом")
}

// inflectSurname writes a surname in case c, feminine when fem.
func inflectSurname(s surname, fem bool, c int) string {
	n := s.name
	if s.foreign {
		return n
	}
	if fem {
		return pick(c, n+"а", "ой", "ой", "ой")
	}
	if c == nom {
		return n
	}
	if strings.HasSuffix(n, "ов") || strings.HasSuffix(n, "ев") || strings.HasSuffix(n, "ин") {
		return pick(c, n, "а", "у", "ым")
	}
	return pick(c, n, "а", "у", "ом")
}

// pick returns the nominative-free form: base+ending for gen, dat or ins, or base for nom
// when base is already the nominative (for feminine surnames, "…ова" nominative vs "…овой").
func pick(c int, base, g, d, i string) string {
	switch c {
	case gen:
		return trimFemA(base, g) + g
	case dat:
		return trimFemA(base, d) + d
	case ins:
		return trimFemA(base, i) + i
	}
	return base
}

// trimFemA drops the nominative -а of a feminine surname before an ending that replaces it.
func trimFemA(base, ending string) string {
	if ending == "ой" {
		return strings.TrimSuffix(base, "а")
	}
	return base
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

// country is a country with the case forms the templates need.
type country struct {
	code, name, nameEn string
	gen, prep          string
}

// countryCodes are the ISO 3166-1 codes of the countries the generator mentions; their
// Russian and English names come from CLDR via golang.org/x/text (BSD-3-Clause).
const countryCodes = `KZ RU CN US FR DE TR UZ KG TJ TM AZ AM GE BY UA IN PK AF IR IQ SA AE QA KW
	OM JO LB SY EG IL TN MA DZ LY ET KE NG GH SN AO ZA TZ UG RW ZM ZW MZ NA BW MG JP KR MN VN TH
	MY ID PH SG LA KH MM NP LK BD IT ES PT GR BG RO HU PL CZ SK SI HR RS ME MK AL BA AT CH BE NL
	LU DK NO SE FI EE LV LT IE GB IS MT CY CA MX BR AR CL PE CO VE EC BO PY UY CU PA CR GT HN NI
	AU NZ FJ BH YE SD TD NE ML MR CM GA CG ER DJ SO BI BJ TG GN LR GW GM BF MW LS SZ MU SC KP BN
	MV BT VA MC SM LI AD`

// countryOverrides name countries the way Russian news does, with their case forms.
var countryOverrides = map[string]country{
	"US": {name: "США", gen: "США", prep: "США"},
	"EG": {name: "Египет", gen: "Египта", prep: "Египте"},
	"IL": {name: "Израиль", gen: "Израиля", prep: "Израиле"},
	"GB": {name: "Великобритания", gen: "Великобритании", prep: "Великобритании"},
	"KR": {name: "Корея", gen: "Кореи", prep: "Корее"},
	"KP": {name: "КНДР", gen: "КНДР", prep: "КНДР"},
	"AE": {name: "ОАЭ", gen: "ОАЭ", prep: "ОАЭ"},
	"MK": {name: "Македония", gen: "Македонии", prep: "Македонии"},
	"BN": {name: "Бруней", gen: "Брунея", prep: "Брунее"},
	"MM": {name: "Мьянма", gen: "Мьянмы", prep: "Мьянме"},
	"VA": {name: "Ватикан", gen: "Ватикана", prep: "Ватикане"},
	"BY": {name: "Беларусь", gen: "Беларуси", prep: "Беларуси"},
}

// countries builds the country pool: single-word names with regular case forms.
func countries() []country {
	var out []country
	for _, code := range strings.Fields(countryCodes) {
		r := language.MustParseRegion(code)
		en := display.English.Regions().Name(r)
		if o, ok := countryOverrides[code]; ok {
			o.code, o.nameEn = code, en
			out = append(out, o)
			continue
		}
		ru := display.Russian.Regions().Name(r)
		g, p, ok := countryCases(ru)
		if !ok {
			continue
		}
		out = append(out, country{code: code, name: ru, nameEn: en, gen: g, prep: p})
	}
	return out
}

// countryCases returns the genitive and prepositional of a one-word country name, or false
// when the name is not one the simple rules get right (several words, plurals).
func countryCases(n string) (g, p string, ok bool) {
	if strings.ContainsAny(n, " -—()") || n == "Бангладеш" {
		return "", "", false
	}
	last := lastRune(n)
	stem := strings.TrimSuffix(n, string(last))
	switch {
	case strings.HasSuffix(n, "ия"):
		return stem + "и", stem + "и", true
	case strings.HasSuffix(n, "ий"):
		return stem + "я", stem + "и", true
	case last == 'а':
		if strings.ContainsRune("гкхжшчщ", lastRune(stem)) {
			return stem + "и", stem + "е", true
		}
		return stem + "ы", stem + "е", true
	case last == 'я':
		return stem + "и", stem + "е", true
	case last == 'й':
		return stem + "я", stem + "е", true
	case last == 'ь':
		return stem + "и", stem + "и", true
	case last == 'ы':
		return "", "", false
	case strings.ContainsRune("оеиуюэ", last):
		return n, n, true
	}
	return n + "а", n + "е", true
}

// org is an international body or agency.
type org struct {
	abbr, name, nameEn string
}

// orgs are international organisations often named in Kazakh diplomatic news.
var orgs = []org{
	{"ООН", "Организация Объединенных Наций", "UN"},
	{"МАГАТЭ", "Международное агентство по атомной энергии", "IAEA"},
	{"ОБСЕ", "Организация по безопасности и сотрудничеству в Европе", "OSCE"},
	{"ШОС", "Шанхайская организация сотрудничества", "SCO"},
	{"СНГ", "Содружество Независимых Государств", "CIS"},
	{"ОДКБ", "Организация Договора о коллективной безопасности", "CSTO"},
	{"ЕАЭС", "Евразийский экономический союз", "EAEU"},
	{"ЕС", "Европейский союз", "EU"},
	{"НАТО", "Организация Североатлантического договора", "NATO"},
	{"ВТО", "Всемирная торговая организация", "WTO"},
	{"МВФ", "Международный валютный фонд", "IMF"},
	{"ВОЗ", "Всемирная организация здравоохранения", "WHO"},
	{"ЮНЕСКО", "Организация Объединенных Наций по вопросам образования, науки и культуры", "UNESCO"},
	{"ЮНИСЕФ", "Детский фонд ООН", "UNICEF"},
	{"ОПЕК", "Организация стран — экспортеров нефти", "OPEC"},
	{"АСЕАН", "Ассоциация государств Юго-Восточной Азии", "ASEAN"},
	{"ОИС", "Организация исламского сотрудничества", "OIC"},
	{"СВМДА", "Совещание по взаимодействию и мерам доверия в Азии", "CICA"},
	{"ЕБРР", "Европейский банк реконструкции и развития", "EBRD"},
	{"АБР", "Азиатский банк развития", "ADB"},
	{"ВБ", "Всемирный банк", "World Bank"},
	{"ОТГ", "Организация тюркских государств", "OTS"},
	{"ЕАБР", "Евразийский банк развития", "EDB"},
	{"БРИКС", "БРИКС", "BRICS"},
	{"G20", "Группа двадцати", "G20"},
	{"ПРООН", "Программа развития ООН", "UNDP"},
	{"УВКБ", "Управление Верховного комиссара ООН по делам беженцев", "UNHCR"},
	{"ФАО", "Продовольственная и сельскохозяйственная организация ООН", "FAO"},
	{"МОТ", "Международная организация труда", "ILO"},
	{"МККК", "Международный комитет Красного Креста", "ICRC"},
	{"ИКАО", "Международная организация гражданской авиации", "ICAO"},
	{"ЮНКТАД", "Конференция ООН по торговле и развитию", "UNCTAD"},
	{"ЭСКАТО", "Экономическая и социальная комиссия ООН для Азии и Тихого океана", "ESCAP"},
	{"ОЭСР", "Организация экономического сотрудничества и развития", "OECD"},
	{"АБИИ", "Азиатский банк инфраструктурных инвестиций", "AIIB"},
	{"ИБР", "Исламский банк развития", "IsDB"},
	{"ЦАРЭС", "Программа Центральноазиатского регионального экономического сотрудничества", "CAREC"},
	{"МФСА", "Международный фонд спасения Арала", "IFAS"},
	{"ОЭС", "Организация экономического сотрудничества", "ECO"},
	{"ТЮРКСОЙ", "Международная организация тюркской культуры", "TURKSOY"},
	{"ЕЭК", "Евразийская экономическая комиссия", "EEC"},
	{"МФЦА", "Международный финансовый центр «Астана»", "AIFC"},
	{"ЮНОДК", "Управление ООН по наркотикам и преступности", "UNODC"},
	{"МОМ", "Международная организация по миграции", "IOM"},
	{"ВМО", "Всемирная метеорологическая организация", "WMO"},
	{"ВОИС", "Всемирная организация интеллектуальной собственности", "WIPO"},
	{"ЮНВТО", "Всемирная туристская организация", "UNWTO"},
	{"МАГАТЭ-ЦАЭ", "Центр ядерной безопасности МАГАТЭ", "IAEA NSC"},
	{"ОПЗХО", "Организация по запрещению химического оружия", "OPCW"},
	{"ОДВЗЯИ", "Организация Договора о всеобъемлющем запрещении ядерных испытаний", "CTBTO"},
	{"ЕАСТ", "Европейская ассоциация свободной торговли", "EFTA"},
	{"АТЭС", "Азиатско-Тихоокеанское экономическое сотрудничество", "APEC"},
	{"СЕ", "Совет Европы", "Council of Europe"},
	{"ПАСЕ", "Парламентская ассамблея Совета Европы", "PACE"},
	{"ЛАГ", "Лига арабских государств", "Arab League"},
	{"АС", "Африканский союз", "African Union"},
	{"ССАГПЗ", "Совет сотрудничества арабских государств Персидского залива", "GCC"},
	{"ЕКА", "Европейское космическое агентство", "ESA"},
	{"Интерпол", "Международная организация уголовной полиции", "Interpol"},
}

// role is a job title with the case forms the templates need.
type role struct{ forms [4]string }

var roles = []role{
	{[4]string{"министр иностранных дел", "министра иностранных дел", "министру иностранных дел", "министром иностранных дел"}},
	{[4]string{"посол", "посла", "послу", "послом"}},
	{[4]string{"президент", "президента", "президенту", "президентом"}},
	{[4]string{"премьер-министр", "премьер-министра", "премьер-министру", "премьер-министром"}},
	{[4]string{"заместитель министра иностранных дел", "заместителя министра иностранных дел", "заместителю министра иностранных дел", "заместителем министра иностранных дел"}},
	{[4]string{"генеральный секретарь", "генерального секретаря", "генеральному секретарю", "генеральным секретарем"}},
	{[4]string{"глава МИД", "главы МИД", "главе МИД", "главой МИД"}},
	{[4]string{"аким", "акима", "акиму", "акимом"}},
	{[4]string{"советник", "советника", "советнику", "советником"}},
	{[4]string{"спикер сената", "спикера сената", "спикеру сената", "спикером сената"}},
}

var sources = []string{"ТАСС", "KAZAKHSTAN TODAY", "Kazinform", "РИА Новости", "Интерфакс-Казахстан",
	"Tengrinews", "КазТАГ", "Sputnik Казахстан", "Казинформ", "BAQ.KZ", "Курсив", "Азаттык"}

var places = []string{"Астана", "Алматы", "Москва", "Вена", "Париж", "Ташкент", "Бишкек", "Пекин",
	"Анкара", "Берлин", "Женева", "Нью-Йорк", "Брюссель", "Баку", "Душанбе"}

var months = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
	"сентября", "октября", "ноября", "декабря"}

var topics = []string{"двустороннее сотрудничество", "мирный атом", "строительство АЭС",
	"торгово-экономическое партнерство", "региональную безопасность", "водные ресурсы",
	"транзитный потенциал", "цифровизацию", "энергетику", "климатическую повестку",
	"культурные связи", "инвестиционные проекты", "визовый режим", "транспортные коридоры",
	"продовольственную безопасность", "гуманитарное сотрудничество", "ход реформ"}
