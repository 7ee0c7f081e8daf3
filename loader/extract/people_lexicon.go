package extract

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// The word lists below are project-made (dispatch authors): common Russian nouns that take a
// capital letter in news but never name a person, a few cities and regions whose names look
// like surnames, and the heads of the roles news attach to names. Each is expanded into its
// case forms at start-up.

// notNameWords are capitalised words that are never part of a person's name.
var notNameWords = []string{
	// Titles, ranks and forms of address.
	"господин", "госпожа", "мистер", "миссис", "мисс", "сэр", "леди", "лорд", "месье", "мадам",
	"святой", "святейшество", "величество", "высочество", "превосходительство",
	// Institutions and other capitalised nouns of news.
	"республика", "федерация", "министерство", "правительство", "агентство", "совет", "союз",
	"организация", "комитет", "комиссия", "палата", "дума", "госдума", "собрание", "ассамблея",
	"парламент", "сенат", "конгресс", "суд", "банк", "фонд", "университет", "институт",
	"академия", "центр", "служба", "управление", "департамент", "посольство", "консульство",
	"партия", "движение", "фронт", "армия", "флот", "кремль", "дом", "белый", "объединенный",
	"нация", "штат", "соединенный", "королевство", "эмират", "объединенные", "арабский",
	"европейский", "евросоюз", "интернет", "бог", "аллах", "господь", "христос", "библия",
	"коран", "конституция", "кодекс", "закон", "указ", "олимпиада", "чемпионат", "кубок",
	"форум", "саммит", "конференция", "выставка", "фестиваль", "премия", "орден", "медаль",
	"фото", "видео", "источник", "редакция", "пресс-служба", "пресс-центр", "сайт",
	"новости", "известия", "газета", "журнал", "радио", "телеканал", "агентство",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
	"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
	"октябрь", "ноябрь", "декабрь", "новый", "год", "рождество", "пасха", "рамадан",
	"север", "юг", "запад", "восток", "ближний", "дальний", "средний", "центральный",
	"северный", "южный", "западный", "восточный", "великий", "верховный", "государственный",
	"национальный", "международный", "всемирный", "генеральный", "независимый",
	// Movements and groups of the news whose names look like people's.
	"аль-каида", "аль-кайда", "аль-джазира", "хамас", "хезболла", "талибан", "гринпис",
	// Sentence starters and pronouns that are capitalised after a full stop.
	"стороны", "сторона", "кроме", "также", "однако", "между", "тем", "этот", "эта", "это",
	"эти", "он", "она", "они", "мы", "вы", "я", "его", "ее", "их", "как", "при", "по", "для",
	"после", "перед", "во", "в", "на", "с", "со", "и", "а", "но", "или", "что", "кто", "где",
	"когда", "почему", "помимо", "вместе", "напомним", "ранее", "позже", "сегодня", "вчера",
	"завтра", "особое", "особую", "собеседники", "участники", "глава", "итоги", "один", "одна",
	"одно", "еврокомиссия", "группа", "дружба", "народ", "русь", "таганка", "причем", "притом", "из-за", "из-под", "остров", "полет", "слово", "снова", "основа", "причина", "половина", "середина",
}

// namePlaces are places whose names look like surnames or first names, and the places news
// mention most. Countries come from the country gazetteer (ru.CountryWordOf).
var namePlaces = []string{
	"москва", "астана", "алматы", "нур-султан", "киев", "минск", "ташкент", "бишкек", "душанбе",
	"ашхабад", "баку", "тбилиси", "ереван", "вена", "берлин", "париж", "лондон", "рим", "мадрид",
	"брюссель", "женева", "нью-йорк", "вашингтон", "пекин", "токио", "сеул", "дели",
	"нью-дели", "исламабад", "тегеран", "анкара", "стамбул", "каир", "дамаск", "багдад",
	"эр-рияд", "доха", "дубай", "абу-даби", "найроби", "аддис-абеба", "хельсинки", "стокгольм",
	"осло", "копенгаген", "варшава", "прага", "будапешт", "бухарест", "белград", "загреб",
	"любляна", "скопье", "афины", "лиссабон", "амстердам", "гаага", "сочи", "санкт-петербург",
	"петербург", "ростов", "ростов-на-дону", "саратов", "псков", "тамбов", "кишинев", "львов",
	"харьков", "одесса", "донецк", "луганск", "крым", "севастополь", "шымкент", "караганда",
	"актобе", "атырау", "актау", "усть-каменогорск", "кызылорда", "павлодар", "семей", "тараз",
	"костанай", "петропавловск", "уральск", "туркестан", "самарканд", "бухара", "ош",
	"чернигов", "иваново", "тверь", "калуга", "смоленск", "брянск",
	"курган", "тюмень", "пермь", "казань", "уфа", "самара", "волгоград", "воронеж",
	"новосибирск", "омск", "томск", "иркутск", "хабаровск", "владивосток", "екатеринбург",
	"челябинск", "красноярск", "краснодар", "мурманск", "архангельск", "калининград",
	"сибирь", "кавказ", "донбасс", "чечня", "дагестан", "татарстан", "башкортостан",
	"подмосковье", "приморье", "кубань", "урал", "поволжье", "европа", "азия", "африка",
	"америка", "евразия", "арктика", "антарктида", "балтика", "скандинавия", "балканы",
	"иерусалим", "газа", "сектор", "голливуд", "уолл-стрит", "манхэттен", "давос", "минфин",
	"минюст", "минобороны", "таллин", "турин", "пхеньян", "химки", "дублин", "кремль", "роскосмос", "росатом", "газпром", "роснефть", "лукойл",
}

// roleHeads are the nouns that head a role placed before a name: "министр иностранных дел РК".
var roleHeads = []string{
	"министр", "замминистра", "вице-министр", "посол", "президент", "вице-президент",
	"экс-президент", "премьер-министр", "премьер", "вице-премьер", "экс-премьер", "глава",
	"замглавы", "председатель", "зампредседателя", "сопредседатель", "вице-председатель",
	"директор", "гендиректор", "секретарь", "генсек", "госсекретарь", "пресс-секретарь",
	"представитель", "спикер", "вице-спикер", "депутат", "сенатор", "губернатор", "аким",
	"мэр", "канцлер", "король", "королева", "принц", "принцесса", "эмир", "шейх", "султан",
	"лидер", "советник", "помощник", "руководитель", "начальник", "командующий",
	"главнокомандующий", "заместитель", "консул", "генконсул", "атташе", "дипломат", "епископ",
	"архиепископ", "митрополит", "патриарх", "папа", "имам", "муфтий", "раввин", "судья",
	"прокурор", "генпрокурор", "адвокат", "генерал", "полковник", "маршал", "адмирал",
	"профессор", "академик", "ректор", "эксперт", "политолог", "аналитик", "экономист",
	"журналист", "корреспондент", "обозреватель", "редактор", "главред", "писатель", "поэт",
	"художник", "режиссер", "актер", "актриса", "певец", "певица", "музыкант", "тренер",
	"спортсмен", "футболист", "хоккеист", "бизнесмен", "предприниматель", "основатель",
	"владелец", "совладелец", "член", "парламентарий", "омбудсмен", "префект", "хоким",
	"комиссар", "еврокомиссар", "координатор", "активист", "правозащитник", "блогер",
	"блоггер", "пользователь", "оппозиционер", "политик", "кандидат", "чемпион", "генерал-лейтенант", "генерал-майор", "генерал-полковник", "вице-адмирал", "председательница", "глава-министр", "управляющий",
	"сотрудник", "специалист", "автор", "историк", "ученый", "врач",
	"наследник", "супруга", "супруг", "жена", "муж", "сын", "дочь", "брат",
	"сестра", "отец", "мать", "коллега", "собеседник", "министерша",
}

// relationNouns are the role heads that name a relation to someone rather than an office: a
// name is given one as its role only when it agrees with the noun ("жена Фалька Елизавета
// Потехина"), not when the noun governs it ("братом Сулимы Ямадаева").
var relationNouns = map[string]bool{
	"наследник": true, "супруга": true, "супруг": true, "жена": true, "муж": true, "сын": true,
	"дочь": true, "брат": true, "сестра": true, "отец": true, "мать": true, "коллега": true,
	"собеседник": true,
}

// placeNouns are common nouns after which a capitalised word names a place or a thing, not a
// person: "штата Аризона", "улица Пушкина".
var placeNouns = []string{
	"город", "штат", "провинция", "область", "район", "округ", "край", "республика", "поселок",
	"село", "деревня", "станица", "улица", "проспект", "площадь", "переулок", "бульвар",
	"шоссе", "набережная", "река", "озеро", "море", "остров", "полуостров", "залив", "пролив",
	"гора", "порт", "аэропорт", "станция", "вокзал", "метро", "театр", "музей", "храм",
	"собор", "монастырь", "отель", "гостиница", "стадион", "компания", "корпорация",
	"концерн", "холдинг", "банк", "газета", "журнал", "телеканал", "агентство", "фирма",
	"корабль", "судно", "крейсер", "самолет", "операция", "премия", "фонд", "партия",
	"орден", "проект", "программа", "марка", "бренд", "сеть", "завод", "фабрика", "клуб",
}

// orgPrefixes start the compound names of Russian ministries and agencies ("Минфин",
// "Госдепартамент", "Роскомнадзор").
var orgPrefixes = []string{
	"минкомсвяз", "минсвяз", "минфин", "минобр", "минэконом", "минздрав", "минтранс", "минюст", "минсельхоз",
	"минпром", "минэнерго", "минтруд", "минприрод", "минкульт", "минрегион", "минспорт",
	"минстро", "минцифр", "минвосток", "минобороны", "госдеп", "госдум", "госсовет",
	"роскомнадзор", "роспотреб", "росстат", "росгидромет", "росавиа", "росприрод", "росимущ",
}

// Kinds of lexicon words, as bits: one map lookup classifies a word.
const (
	lexNotName   uint8 = 1 << iota // notNameWords
	lexPlace                       // namePlaces
	lexRole                        // roleHeads
	lexPlaceNoun                   // placeNouns
)

// lexWord is what the lexicon knows of a word: its kinds, and the nominative of a role noun.
type lexWord struct {
	kinds uint8
	role  string
}

// lexicon maps every case form (folded) of the words above to a lexWord.
var lexicon = map[string]lexWord{}

// lexFilter holds a bit for the lexHash of every word of a set: the role and place-noun tests
// run on many lower-case words, and a clear bit rules most out before a map lookup.
type lexFilter [1 << 10]uint64

func (f *lexFilter) add(word string) {
	h := lexHash(word)
	f[h>>6] |= 1 << (h & 63)
}

func (f *lexFilter) mayHave(word string) bool {
	h := lexHash(word)
	return f[h>>6]&(1<<(h&63)) != 0
}

// lexFilters has a lexFilter for the words of each kind, by the kind's bit.
var lexFilters [4]lexFilter

// lexHash mixes the length and the first and last four bytes of a word (two Russian letters
// each) into 16 bits.
func lexHash(s string) uint32 {
	n := len(s)
	var x uint64
	if n >= 4 {
		head, tail := s[:4], s[n-4:]
		x = uint64(head[0])<<56 | uint64(head[1])<<48 | uint64(head[2])<<40 | uint64(head[3])<<32 |
			uint64(tail[0])<<24 | uint64(tail[1])<<16 | uint64(tail[2])<<8 | uint64(tail[3])
	} else {
		for i := range n {
			x = x<<8 | uint64(s[i])
		}
	}
	x = (x ^ uint64(n)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	return uint32(x >> 48)
}

// inLexicon returns lexicon[fold] for a word that may be of kind (one bit), ruling most other
// words out by their lexFilter first.
func inLexicon(fold string, kind uint8) lexWord {
	if !lexFilters[bits.TrailingZeros8(kind)].mayHave(fold) {
		return lexWord{}
	}
	return lexicon[fold]
}

func init() {
	roleForms := map[string]string{}
	for _, w := range roleHeads {
		addForms(roleForms, w)
	}
	// "после" is a preposition before it is the prepositional of "посол".
	delete(roleForms, "после")
	roleForms["посла"], roleForms["послу"], roleForms["послом"] = "посол", "посол", "посол"
	roleForms["послы"], roleForms["послов"], roleForms["послами"] = "посол", "посол", "посол"
	for f, nom := range roleForms {
		lexicon[f] = lexWord{kinds: lexRole, role: nom}
	}
	for kind, words := range map[uint8][]string{lexNotName: notNameWords, lexPlace: namePlaces, lexPlaceNoun: placeNouns} {
		forms := map[string]string{}
		for _, w := range words {
			addForms(forms, w)
		}
		for f := range forms {
			w := lexicon[f]
			w.kinds |= kind
			lexicon[f] = w
		}
	}
	for f, w := range lexicon {
		for k := range lexFilters {
			if w.kinds&(1<<k) != 0 {
				lexFilters[k].add(f)
			}
		}
	}
}

// addForms adds a nominative noun or adjective and its case forms to forms. The forms are
// generated by ending, as a reader would guess them; a few spurious forms do no harm.
func addForms(forms map[string]string, nom string) {
	nom = ru.Fold(nom)
	if _, ok := forms[nom]; !ok {
		forms[nom] = nom
	}
	for _, f := range caseForms(nom) {
		if _, ok := forms[f]; !ok {
			forms[f] = nom
		}
	}
}

func caseForms(nom string) []string {
	type decl struct {
		cut  string
		ends []string
	}
	decls := []decl{
		{"ый", []string{"ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми"}},
		{"ий", []string{"его", "ему", "им", "ем", "ая", "яя", "ей", "ую", "юю", "ое", "ее", "ие", "их", "ими", "ого", "ому", "ом", "ой"}},
		{"ой", []string{"ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми"}},
		{"ия", []string{"ии", "ию", "ией", "ий", "иям", "иями", "иях"}},
		{"ие", []string{"ия", "ию", "ием", "ии", "ий", "иям", "иями", "иях"}},
		{"а", []string{"ы", "и", "е", "у", "ой", "ою", "ам", "ами", "ах"}},
		{"я", []string{"и", "е", "ю", "ей", "ям", "ями", "ях"}},
		{"ь", []string{"и", "я", "ю", "ем", "ью", "е", "ей", "ям", "ями", "ях"}},
		{"й", []string{"я", "ю", "ем", "е", "и", "ев", "ям", "ями", "ях"}},
		{"о", []string{"а", "у", "ом", "е", "ам", "ами", "ах"}},
		{"е", []string{"я", "ю", "ем", "ям", "ями", "ях"}},
	}
	for _, d := range decls {
		if strings.HasSuffix(nom, d.cut) {
			stem := nom[:len(nom)-len(d.cut)]
			out := make([]string, 0, len(d.ends))
			for _, e := range d.ends {
				out = append(out, stem+e)
			}
			return out
		}
	}
	last := nom[len(nom)-1]
	if last < 0x80 || strings.HasSuffix(nom, "и") || strings.HasSuffix(nom, "у") || strings.HasSuffix(nom, "ы") || strings.HasSuffix(nom, "э") || strings.HasSuffix(nom, "ю") {
		return nil // Latin or indeclinable
	}
	out := make([]string, 0, 12)
	for _, e := range []string{"а", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ей", "ам", "ами", "ах"} {
		out = append(out, nom+e)
	}
	return out
}

// isNotNameWord reports whether a folded word is a common capitalised word or a place.
func isNotNameWord(fold string) bool {
	if lexicon[fold].kinds&(lexNotName|lexPlace|lexRole) != 0 {
		return true
	}
	if w, ok := ru.CountryWordOf(fold); ok && !w.Ambiguous {
		return true
	}
	// Every prefix starts "мин", "гос" or "рос": test that before the list.
	if len(fold) < 6 || fold[:6] != "мин" && fold[:6] != "гос" && fold[:6] != "рос" {
		return false
	}
	for _, p := range orgPrefixes {
		if strings.HasPrefix(fold, p) {
			return true
		}
	}
	return false
}

// isSurnameLikePlace reports whether a folded word that isNotNameWord is so only as a form
// of one of namePlaces, a word no other list knows, with the shape of a Russian surname's
// form: "иванова" (of Иваново), "львова", "ростовым"; not "вашингтона".
func isSurnameLikePlace(fold string) bool {
	if lexicon[fold].kinds != lexPlace {
		return false
	}
	if _, country := ru.CountryWordOf(fold); country {
		return false
	}
	for _, ending := range []string{"ыми", "ым", "ой", "ом", "ых", "а", "у", "е", "ы"} {
		if stem, ok := strings.CutSuffix(fold, ending); ok {
			fold = stem
			break
		}
	}
	for _, suffix := range []string{"ов", "ев", "ин", "ын"} {
		if strings.HasSuffix(fold, suffix) {
			return true
		}
	}
	return false
}

// isPlaceNoun reports whether a folded word is a common noun that a place's or a thing's
// name follows.
func isPlaceNoun(fold string) bool {
	return inLexicon(fold, lexPlaceNoun).kinds&lexPlaceNoun != 0
}

// roleHeadOf returns the nominative of a role noun in any case form, "" if fold is none.
func roleHeadOf(fold string) string {
	if w := inLexicon(fold, lexRole); w.role != "" {
		return w.role
	}
	if !mayHavePrefix(fold, "экс-") && !mayHavePrefix(fold, "вице-") && !mayHavePrefix(fold, "и.о.") {
		return ""
	}
	for _, prefix := range []string{"экс-", "вице-", "и.о."} {
		if rest, ok := strings.CutPrefix(fold, prefix); ok {
			if w := inLexicon(rest, lexRole); w.role != "" {
				return prefix + w.role
			}
		}
	}
	return ""
}

// mayHavePrefix reports whether fold, longer than prefix, has the last byte of prefix where
// prefix would end: a hyphen or a dot there is rare, so the test rules most words out at once.
func mayHavePrefix(fold, prefix string) bool {
	n := len(prefix)
	return len(fold) > n && fold[n-1] == prefix[n-1]
}

// suffixSet holds word endings by their last letter (а…я, then any other), so that a word is
// tested against the few that end as it does: the tests run on every reading of every word.
type suffixSet [33][]string

func newSuffixSet(suffixes ...string) *suffixSet {
	var s suffixSet
	for _, e := range suffixes {
		i := lastLetterIndex(e)
		s[i] = append(s[i], e)
	}
	return &s
}

// endingAs returns the suffixes of the set that end in the last letter of fold.
func (s *suffixSet) endingAs(fold string) []string { return s[lastLetterIndex(fold)] }

func lastLetterIndex(s string) int {
	if r, _ := utf8.DecodeLastRuneInString(s); 'а' <= r && r <= 'я' {
		return int(r - 'а')
	}
	return 32
}
