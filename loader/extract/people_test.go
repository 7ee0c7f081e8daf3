package extract

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/seeds"
)

// seedArticles reads the embedded seed files into articles the way a plain file without a
// header reads: the first line is the title, every other non-empty line a paragraph.
func seedArticles(t testing.TB) []*model.Article {
	t.Helper()
	files, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files: %v", err)
	}
	var articles []*model.Article
	for _, f := range files {
		b, err := fs.ReadFile(seeds.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		a := &model.Article{ID: f}
		for i, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
			case i == 0:
				a.Title = line
			default:
				a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: line})
			}
		}
		articles = append(articles, a)
	}
	return articles
}

// peopleOf runs the people finder alone on a title and paragraphs.
func peopleOf(texts ...string) ([]model.PersonRef, []mention) {
	return findPeople(texts, nil, ownLists{})
}

func names(refs []model.PersonRef) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.Name
	}
	return out
}

func TestFindPeopleSeeds(t *testing.T) {
	found := map[string]model.PersonRef{}
	for _, a := range seedArticles(t) {
		Annotate(a)
		for _, r := range a.People {
			found[r.Name] = r
		}
	}
	want := []string{
		"Ермек Кошербаев", "Рафаэль Гросси", "Сергей Лавров", "Мария Захарова",
		"Касым-Жомарт Токаев", "Владимир Путин", "Алексей Бородавкин", "Сатыбалды Буршаков",
		"Тимчо Муцунски", "Барлыбай Садыков", "Лайнус Нтигаи", "Джон Варари", "Суджата Котамраджу",
		"Алмурат Турганбеков", "Анибал Гомес Толедо", "Бейбут Атамкулов", "Бобир Исламов",
		"Мухтар Тлеуберди", "Ангелос Сиригос", "Алибек Куантыров", "Бакыт Дюсенбаев",
		"Алешка Симкич", "Талгат Шалданбай", "Муса Маайта", "Валихан Туреханов",
		"Абдурахмон Абдурахмонзода", "Алтай Абибуллаев", "Александр Арсенович", "Азамат Абдраимов",
		"Жалгас Адилбаев", "Марибель Мартинес Руис", "Шахрат Нурышев", "Цзян Хуэй", "Адиль Турсунов",
		"Лиза Селнес", "Мортен Колбьёрнсен", "Йон Бликра", "Ержан Елекеев", "Тарик Аль-Руми",
		"Ержан Кистафин", "Мусадик Масуд Малик", "Нурымбет Сактаганов", "Сильван Гиоге",
	}
	for _, name := range want {
		if _, ok := found[name]; !ok {
			t.Errorf("seeds: %s not found", name)
		}
	}
	// Nothing a reader would not call a person.
	for name := range found {
		if !slices.Contains(want, name) && name != "Валерий Шарифулин" && name != "Токаев" {
			t.Errorf("seeds: unexpected person %q", name)
		}
	}
	k := found["Ермек Кошербаев"]
	if k.Latin != "Yermek Kosherbayev" || k.Key != "ермек кошербаев" {
		t.Errorf("Кошербаев: Latin %q, Key %q", k.Latin, k.Key)
	}
}

func TestFindPeopleSeedRolesAndMentions(t *testing.T) {
	for _, a := range seedArticles(t) {
		Annotate(a)
		for _, r := range a.People {
			n := 0
			for _, m := range a.Mentions {
				if m.Kind != model.KindPerson || a.MentionKey(m) != r.Key {
					continue
				}
				n++
				// Each span covers a capitalised word of its block.
				text := a.BlockText(int(m.Block))
				if m.Start < 0 || int(m.End) > len(text) || m.Start >= m.End {
					t.Fatalf("%s: bad span %+v for %s", a.ID, m.Span, r.Name)
				}
				if s := text[m.Start:m.End]; strings.ToLower(s) == s {
					t.Errorf("%s: span %q for %s is not a name", a.ID, s, r.Name)
				}
			}
			if n != r.Mentions {
				t.Errorf("%s: %s has Mentions %d but %d mention spans", a.ID, r.Name, r.Mentions, n)
			}
		}
		if !strings.HasPrefix(a.ID, "000") {
			continue
		}
		if r := refNamed(a.People, "Ермек Кошербаев"); r == nil || r.Role != "министр иностранных дел РК" || r.Mentions != 2 {
			t.Errorf("000: Кошербаев ref %+v", r)
		}
	}
}

func refNamed(refs []model.PersonRef, name string) *model.PersonRef {
	for i := range refs {
		if refs[i].Name == name {
			return &refs[i]
		}
	}
	return nil
}

func TestFindPeopleInflected(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Министр провел переговоры с Ермеком Кошербаевым в Вене.", "Ермек Кошербаев"},
		{"Посол встретился с председателем комиссии Мусой Маайта.", "Муса Маайта"},
		{"Посол встретился с членами делегации Лизой Селнес и другими.", "Лиза Селнес"},
		{"Прибыла делегация во главе с послом ЕС Алешкой Симкич.", "Алешка Симкич"},
		{"Он встретился с генеральным директором Анибалом Гомесом Толедо.", "Анибал Гомес Толедо"},
		{"Визит президента Касым-Жомарта Токаева начнется во вторник.", "Касым-Жомарт Токаев"},
		{"На брифинге выступила официальный представитель МИД Мария Захарова.", "Мария Захарова"},
		{"Журналисты спросили Марию Захарову о визите.", "Мария Захарова"},
		{"Глава ведомства встретился с Сергеем Захаровым.", "Сергей Захаров"},
		{"Посол обсудил планы с мэром Марибора Александром Арсеновичем.", "Александр Арсенович"},
		{"Встреча с министром Тимчо Муцунски прошла в Скопье.", "Тимчо Муцунски"},
		{"Генсек APSCO Цзян Хуэй посетил Астану.", "Цзян Хуэй"},
		{"Памятник Юрию Долгорукому стоит в центре.", "Юрий Долгорукий"},
		{"Соратники Алексея Навального провели акцию.", "Алексей Навальный"},
		{"Письмо подписал Владимир Владимирович Путин.", "Владимир Владимирович Путин"},
		// An indeclinable first name takes the case of the name coordinated with it.
		{"Встреча прошла без Джошуа Вонга и Сергея Лаврова.", "Джошуа Вонг"},
		{"Делегацию приветствовала Ирина Петрова, сотрудница посольства.", "Ирина Петрова"},
		// A place after its noun, then a name: "штата Аризона", "города Сочи".
		{"Гостей встретил глава города Сочи Алексей Копайгородский.", "Алексей Копайгородский"},
	} {
		refs, _ := peopleOf(tc.text)
		if !slices.Contains(names(refs), tc.want) {
			t.Errorf("%q: people %q, want %q", tc.text, names(refs), tc.want)
		}
	}
}

func TestFindPeopleRoles(t *testing.T) {
	checkRoles(t, []roleCase{
		{[]string{"В Вене министр иностранных дел РК Ермек Кошербаев провел встречу."}, "Ермек Кошербаев", "министр иностранных дел РК"},
		{[]string{"Он встретился с послом Казахстана в Словении Алтаем Абибуллаевым."}, "Алтай Абибуллаев", "посол Казахстана в Словении"},
		{[]string{"Об этом сообщила официальный представитель МИД РФ Мария Захарова."}, "Мария Захарова", "официальный представитель МИД РФ"},
		{[]string{"Встреча заместителя министра иностранных дел Алибека Куантырова прошла в Астане."}, "Алибек Куантыров", "заместитель министра иностранных дел"},
		{[]string{"Он провел встречу с чрезвычайным и полномочным послом Франции Сильваном Гиоге."}, "Сильван Гиоге", "чрезвычайный и полномочный посол Франции"},
		{[]string{"Ермек Кошербаев провел встречу в Вене."}, "Ермек Кошербаев", ""},
	})
}

// TestFindPeopleRoleIsTheNames checks that a role goes only to the person it names: not
// across a verb or a closed parenthesis, not from a possessive ("представителями Путина",
// "врачи президента ... Бориса Ельцина": only the president's; "миллиардеру Виктору
// Вексельбергу" after a role in another case: none), and that the case of a role
// phrase is that of its first role noun ("с заместителями министра ... Сергеем Рябковым").
func TestFindPeopleRoleIsTheNames(t *testing.T) {
	checkRoles(t, []roleCase{
		{[]string{"Вместе с президентом приехали Дмитрий Медведев и Юрий Лужков."}, "Дмитрий Медведев", ""},
		{[]string{"Йоахим Лёв (второй тренер) и Андреас Кёпке пришли на встречу."}, "Андреас Кёпке", ""},
		{[]string{"Против таких действий президент Александр Лукашенко выступил."}, "Александр Лукашенко", "президент"},
		{[]string{"Лечащие врачи президента России Бориса Ельцина не позволили встречу."}, "Борис Ельцин", "президент России"},
		{[]string{"Письмо передал руководитель иннограда миллиардеру Виктору Вексельбергу."}, "Виктор Вексельберг", ""},
		{[]string{"Владимир Путин прибыл в Минск.", "Это опровергли официальными представителями Путина."}, "Владимир Путин", ""},
		{[]string{"Владимир Путин прибыл в Минск.", "Это опровергли представители Путина."}, "Владимир Путин", ""},
		{[]string{"Михаил Саакашвили прибыл.", "Вечером президент Саакашвили объявил о выборах."}, "Михаил Саакашвили", "президент"},
		{[]string{"Она встретилась с заместителями министра иностранных дел России Сергеем Рябковым и Григорием Карасиным."},
			"Сергей Рябков", "заместитель министра иностранных дел России"},
		{[]string{"Он встретился с заместителем министра иностранных дел Казахстана Айжан Павлекеновой."},
			"Айжан Павлекенова", "заместитель министра иностранных дел Казахстана"},
		{[]string{"Делегацию возглавил визит с замминистра сельского хозяйства США Джеймсом Миллером."},
			"Джеймс Миллер", "замминистра сельского хозяйства США"},
		{[]string{"Он хочет обсудить это с врио мэра Москвы Сергеем Собяниным."}, "Сергей Собянин", "мэр Москвы"},
		{[]string{"Судья Эдита Демидова огласила решение."}, "Эдита Демидова", "судья"},
	})
}

// TestFindPeopleRelations checks that a relation ("брат", "жена", "коллега") is the role of a
// name in apposition to it, and not of a name it governs: that person is the one related to.
func TestFindPeopleRelations(t *testing.T) {
	checkRoles(t, []roleCase{
		{[]string{"Как известно, Иван Петров является братом Сергея Петрова, героя России."}, "Сергей Петров", ""},
		// As factRuEval writes it: "Сулимы" reads as the genitive of a first name "Сулима".
		{[]string{"Как известно, Иса Ямадаев является братом Сулимы Ямадаева, Героя России."}, "Сулима Ямадаев", ""},
		{[]string{"На приеме была жена президента Мария Иванова."}, "Мария Иванова", "жена президента"},
		{[]string{"Он поговорил с сыном министра Андреем Смирновым."}, "Андрей Смирнов", "сын министра"},
		{[]string{"Отец Андрея Смирнова Петр Смирнов приехал в Москву."}, "Петр Смирнов", "отец Андрея Смирнова"},
		{[]string{"Он встретился с братом президента Ильхамом Алиевым."}, "Ильхам Алиев", "брат президента"},
		{[]string{"Он встретился с братом президента Ильхама Алиева."}, "Ильхам Алиев", "президент"},
	})
}

// TestFindPeopleSurnameLikePlaces checks that the forms of a place named like a surname
// ("Иваново", "Львов") are a surname after a first name, and again alone once the article has
// named that person, but not after a preposition of place.
func TestFindPeopleSurnameLikePlaces(t *testing.T) {
	refs, _ := peopleOf("На приеме была Мария Иванова.",
		"Иванова рассказала о поездке в Иваново. Из Иванова она вернулась вчера.")
	if r := refNamed(refs, "Мария Иванова"); r == nil || r.Mentions != 2 {
		t.Errorf("Мария Иванова: %+v in %q, want 2 mentions", r, names(refs))
	}
	refs, _ = peopleOf("Он встретился с Тимуром Лавровым и Тимуру Иванову.")
	for _, name := range []string{"Тимур Лавров", "Тимур Иванов"} {
		if r := refNamed(refs, name); r == nil || r.Mentions != 1 {
			t.Errorf("%s: %+v in %q, want 1 mention", name, r, names(refs))
		}
	}
	refs, _ = peopleOf("Он учился в Университете Джорджа Вашингтона в Москве.")
	if len(refs) != 0 {
		t.Errorf("people %q in the name of a university", names(refs))
	}
}

// roleCase is a text, a person it names and the role it gives them ("" for none).
type roleCase struct {
	texts      []string
	name, role string
}

func checkRoles(t *testing.T, cases []roleCase) {
	t.Helper()
	for _, tc := range cases {
		refs, _ := peopleOf(tc.texts...)
		r := refNamed(refs, tc.name)
		if r == nil {
			t.Errorf("%q: %s not found in %q", tc.texts, tc.name, names(refs))
			continue
		}
		if r.Role != tc.role {
			t.Errorf("%q: role %q, want %q", tc.texts, r.Role, tc.role)
		}
	}
}

// TestFindPeopleSurnameBeforeName: a surname of someone already named, standing before
// another name, is that person, not part of the name ("супруга Путина Людмила Александровна").
func TestFindPeopleSurnameBeforeName(t *testing.T) {
	refs, _ := peopleOf("Владимир Путин прибыл в Астану.", "Гостей встречала супруга Путина Людмила Александровна.")
	got := names(refs)
	if !slices.Equal(got, []string{"Владимир Путин", "Людмила Александровна"}) {
		t.Errorf("people %q", got)
	}
	if p := refNamed(refs, "Владимир Путин"); p == nil || p.Mentions != 2 {
		t.Errorf("Путин: %+v", p)
	}
}

// TestFindPeopleSkippedClauses checks that the clauses the tokenizer skips (no capital
// letter) change nothing: the same names with long plain clauses around them.
func TestFindPeopleSkippedClauses(t *testing.T) {
	plain := "как сообщается, по итогам переговоров стороны договорились о сотрудничестве; "
	text := "Министр иностранных дел Ермек Кошербаев, " + plain + plain + "встретился с послом Мусой Маайта (" + plain + ") и сказал, - Захарова заявила."
	refs, ms := peopleOf(text)
	if got := names(refs); !slices.Equal(got, []string{"Ермек Кошербаев", "Муса Маайта", "Захарова"}) {
		t.Errorf("people %q", got)
	}
	for _, m := range ms {
		if !strings.Contains("Ермек Кошербаев Мусой Маайта Захарова", text[m.Start:m.End]) {
			t.Errorf("mention %q", text[m.Start:m.End])
		}
	}
	if r := refNamed(refs, "Ермек Кошербаев"); r == nil || r.Role != "министр иностранных дел" {
		t.Errorf("role: %+v", r)
	}
}

func TestFindPeopleSurnameLinks(t *testing.T) {
	refs, mentions := peopleOf(
		"Посол Казахстана в Иордании Талгат Шалданбай встретился с коллегами.",
		"Шалданбай рассказал о реформах. Позже Шалданбаю вручили награду.",
		"Президент Касым-Жомарт Токаев выступил. К.-Ж. Токаев отметил рост. Речь Токаева длилась час.",
	)
	if got := names(refs); !slices.Equal(got, []string{"Талгат Шалданбай", "Касым-Жомарт Токаев"}) {
		t.Fatalf("people %q", got)
	}
	if refs[0].Mentions != 3 || refs[1].Mentions != 3 {
		t.Errorf("mentions: Шалданбай %d, Токаев %d, want 3 and 3", refs[0].Mentions, refs[1].Mentions)
	}
	for _, m := range mentions {
		if m.Kind != model.KindPerson || (m.Key != "талгат шалданбай" && m.Key != "касым-жомарт токаев") {
			t.Errorf("mention %+v", m)
		}
	}
	// Mentions point at the words: the block is texts[i] - 1, the title is TitleBlock.
	if mentions[0].Block != model.TitleBlock || mentions[len(mentions)-1].Block != 1 {
		t.Errorf("mention blocks %d … %d", mentions[0].Block, mentions[len(mentions)-1].Block)
	}
}

func TestFindPeopleCaseFormsMerge(t *testing.T) {
	// The first mention alone reads as a woman in the nominative; the second shows the case.
	refs, _ := peopleOf("Контракт подписан при участии Бесселя Кока.", "Позже Бесселю Коку вручили премию.")
	if got := names(refs); !slices.Equal(got, []string{"Бессель Кок"}) || refs[0].Mentions != 2 {
		t.Errorf("people %q %+v, want Бессель Кок twice", got, refs)
	}
}

func TestFindPeopleSurnameAlone(t *testing.T) {
	refs, _ := peopleOf("Лавров заявил, что переговоры продолжатся. Встреча с Лавровым прошла в Москве.")
	if got := names(refs); !slices.Equal(got, []string{"Лавров"}) || refs[0].Mentions != 2 {
		t.Errorf("people %q (%+v), want Лавров twice", got, refs)
	}
	refs, _ = peopleOf("Захарова заявила, что Москва ответит.")
	if got := names(refs); !slices.Equal(got, []string{"Захарова"}) {
		t.Errorf("people %q, want Захарова", got)
	}
	// A surname of no Russian shape, as the subject of a verb inside a sentence.
	refs, _ = peopleOf("Все помнят выборы, когда Буш победил с малым перевесом.")
	if got := names(refs); !slices.Equal(got, []string{"Буш"}) {
		t.Errorf("people %q, want Буш", got)
	}
}

func TestFindPeopleNotPeople(t *testing.T) {
	for _, text := range []string{
		"Министр выразил благодарность. Стороны обсудили повестку.",
		"Фото: МИД РК. Кроме того, Глава региона отметил рост.",
		"Посол Франции отметил готовность Агентства по развитию.",
		"Аким ВКО предложил организовать переговоры.",
		"Делегация посетила Северную Македонию и Республику Казахстан.",
		"Он прилетел в Ростов, а затем в Берлин и Кишинев.",
		"Выставка прошла в Брюсселе. Сотрудничество с Министерством иностранных дел Мексики.",
		"Кувейт обладает большим опытом, включая крупнейший НПЗ «Аз-Зур».",
		"Снова и снова. Причина проста: Слова министра не услышали.",
		"Подготовку к выборам в Грозном провели быстро, а в Минсвязи сообщили о сбоях.",
	} {
		if refs, _ := peopleOf(text); len(refs) > 0 {
			t.Errorf("%q: people %q, want none", text, names(refs))
		}
	}
}

func TestFindPeopleHostileInput(t *testing.T) {
	for _, text := range []string{
		"", ".", "К.", "К.-", "А.Б.В.Г.Д.", "\x1b[31mИван Петров\x1b[0m", "Иван\u00a0Петров",
		strings.Repeat("Иван ", 1000), "Ермеком\xff Кошербаевым", "-Иван- -Петров-", "ИВАН ПЕТРОВ",
	} {
		refs, mentions := peopleOf(text)
		for _, m := range mentions {
			if m.Start < 0 || m.End > len(text) || m.Start > m.End {
				t.Errorf("%q: span %+v out of range", text, m.span)
			}
		}
		_ = refs
	}
}

func TestLinkCorpus(t *testing.T) {
	full := &model.Article{ID: "a", Blocks: []model.Block{{Text: "Министр иностранных дел России Сергей Лавров прибыл в Астану."}}}
	alone := &model.Article{ID: "b", Blocks: []model.Block{{Text: "Лавров заявил, что визит удался. Лавров улетел."}}}
	both := &model.Article{ID: "c", Blocks: []model.Block{{Text: "Сергей Лавров прибыл. Позже Лавров уехал, и Лавров вернулся."}}}
	other := &model.Article{ID: "d", Blocks: []model.Block{{Text: "Петров заявил, что визит удался."}}}
	articles := []*model.Article{full, alone, both, other}
	for _, a := range articles {
		Annotate(a)
	}
	LinkCorpus(articles)
	if got := names(alone.People); !slices.Equal(got, []string{"Сергей Лавров"}) || alone.People[0].Mentions != 2 {
		t.Errorf("linked article: %q %+v", got, alone.People)
	}
	for _, m := range alone.Mentions {
		if key := alone.MentionKey(m); m.Kind == model.KindPerson && key != "сергей лавров" {
			t.Errorf("mention key %q not rewritten", key)
		}
	}
	if got := names(both.People); !slices.Equal(got, []string{"Сергей Лавров"}) || both.People[0].Mentions != 3 {
		t.Errorf("article with both: %q %+v", got, both.People)
	}
	if got := names(other.People); !slices.Equal(got, []string{"Петров"}) {
		t.Errorf("unmatched surname: %q", got)
	}
	if alone.People[0].Person == full.People[0].Person {
		t.Error("linked ref shares the other article's Person value; each article owns its own")
	}
}

func TestLinkCorpusPrefersMostFrequent(t *testing.T) {
	a1 := &model.Article{ID: "1", Blocks: []model.Block{{Text: "Иван Петров приехал. Петров уехал. Петров вернулся."}}}
	a2 := &model.Article{ID: "2", Blocks: []model.Block{{Text: "Олег Петров выступил."}}}
	a3 := &model.Article{ID: "3", Blocks: []model.Block{{Text: "Петров заявил о планах."}}}
	articles := []*model.Article{a1, a2, a3}
	for _, a := range articles {
		Annotate(a)
	}
	LinkCorpus(articles)
	if got := names(a3.People); !slices.Equal(got, []string{"Иван Петров"}) {
		t.Errorf("got %q, want the most mentioned Иван Петров", got)
	}
}

// TestLinkCorpusMerges gives an article a surname ref before its own ref of the full name and
// another person after both: the surname's mentions must go to the full name, and the other
// person's mentions must follow it to its new place among the refs.
func TestLinkCorpusMerges(t *testing.T) {
	person := func(name string) model.PersonRef {
		return model.PersonRef{Person: &model.Person{Key: ru.Fold(name), Name: name}, Mentions: 1}
	}
	full := &model.Article{ID: "full", People: []model.PersonRef{person("Сергей Лавров")}}
	a := &model.Article{ID: "a", People: []model.PersonRef{person("Лавров"), person("Сергей Лавров"), person("Антони Блинкен")}}
	for i := range a.People {
		a.Mentions = append(a.Mentions, model.Mention{Kind: model.KindPerson, Ref: uint16(i), Span: model.Span{Start: int32(10 * i), End: int32(10*i + 5)}})
	}
	LinkCorpus([]*model.Article{full, a})
	if got := names(a.People); !slices.Equal(got, []string{"Сергей Лавров", "Антони Блинкен"}) || a.People[0].Mentions != 2 {
		t.Fatalf("refs %q, %+v", got, a.People)
	}
	var keys []string
	for _, m := range a.Mentions {
		keys = append(keys, a.MentionKey(m))
	}
	if want := []string{"сергей лавров", "сергей лавров", "антони блинкен"}; !slices.Equal(keys, want) {
		t.Errorf("mentions point at %q, want %q", keys, want)
	}
}

func TestNameKeysFold(t *testing.T) {
	refs, _ := peopleOf("Посол Мортен Колбьёрнсен прибыл.")
	if len(refs) != 1 || refs[0].Key != ru.Fold(refs[0].Name) || strings.Contains(refs[0].Key, "ё") {
		t.Errorf("refs %+v", refs)
	}
}

func BenchmarkFindPeople(b *testing.B) {
	var texts [][]string
	size := 0
	for _, a := range seedArticles(b) {
		t := []string{a.Title}
		size += len(a.Title)
		for _, bl := range a.Blocks {
			t = append(t, bl.Text)
			size += len(bl.Text)
		}
		texts = append(texts, t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var mentions []mention
	for b.Loop() {
		for _, t := range texts {
			_, mentions = findPeople(t, mentions[:0], ownLists{})
		}
	}
}

// TestFindPeopleConcurrent runs the finder on every core at once, as loading does, and
// expects the answers it gives alone (run with -race to check the shared caches).
func TestFindPeopleConcurrent(t *testing.T) {
	articles := seedArticles(t)
	want := make([][]string, len(articles))
	texts := make([][]string, len(articles))
	for i, a := range articles {
		texts[i] = append([]string{a.Title}, blockTexts(a)...)
		refs, _ := findPeople(texts[i], nil, ownLists{})
		want[i] = names(refs)
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for round := 0; round < 5; round++ {
				for i := range articles {
					refs, _ := findPeople(texts[i], nil, ownLists{})
					if got := names(refs); !slices.Equal(got, want[i]) {
						done <- fmt.Errorf("%s: %q, alone %q", articles[i].ID, got, want[i])
						return
					}
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func blockTexts(a *model.Article) []string {
	out := make([]string, len(a.Blocks))
	for i, b := range a.Blocks {
		out[i] = b.Text
	}
	return out
}

// BenchmarkFindPeopleNews runs the finder on the factRuEval news (skipped without it): less
// dense in names than the seeds, as most news are.
func BenchmarkFindPeopleNews(b *testing.B) { benchmarkNews(b, false) }

// BenchmarkFindPeopleNewsCold is BenchmarkFindPeopleNews with the word memo emptied before each
// pass, as when loading a folder of articles never seen: every word is read afresh once.
func BenchmarkFindPeopleNewsCold(b *testing.B) { benchmarkNews(b, true) }

func benchmarkNews(b *testing.B, cold bool) {
	var articles []*model.Article
	for _, d := range loadEval(b, "") {
		articles = append(articles, evalArticle(d))
	}
	benchmarkArticles(b, articles, cold)
}

// BenchmarkFindPeopleGenerated runs the finder alone on 2,000 generated articles (about 10 MB),
// the text of the loader's BenchmarkParse/parse+extract: its vocabulary repeats, so the word
// memo is warm.
func BenchmarkFindPeopleGenerated(b *testing.B) {
	benchmarkArticles(b, corpusgen.Articles(2000, 1), false)
}

func benchmarkArticles(b *testing.B, articles []*model.Article, cold bool) {
	var texts [][]string
	size := 0
	for _, a := range articles {
		t := append([]string{a.Title}, blockTexts(a)...)
		for _, s := range t {
			size += len(s)
		}
		texts = append(texts, t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var mentions []mention
	for b.Loop() {
		if cold {
			forgetWords()
		}
		for _, t := range texts {
			_, mentions = findPeople(t, mentions[:0], ownLists{})
		}
	}
}

// TestLowerRun checks the fast skip of plain text against reading it a letter at a time,
// on news text cut at every offset and on broken UTF-8.
func TestLowerRun(t *testing.T) {
	texts := []string{
		"в ходе беседы рассмотрены актуальные вопросы двустороннего взаимодействия ёлка",
		"стороны обсудили ход реформ и строительство АЭС, а также Кошербаев",
		"и \xd0\xb0\xb0 битый \xd0 текст \xd1\xa0 и \xd0\x90 конец      ",
		"слово\tслово\nслово «цитата» слово ещё",
	}
	// And byte soup around the edges of the ranges: capitals, ё, stray and missing bytes.
	soup := []byte{0xD0, 0xD1, 0xD2, 0x80, 0x8F, 0x90, 0x91, 0x9F, 0xA0, 0xAF, 0xB0, 0xBF, 0xC0, ' ', 'a', ','}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		b := make([]byte, 8+rng.IntN(32))
		for i := range b {
			b[i] = soup[rng.IntN(len(soup))]
		}
		texts = append(texts, string(b))
	}
	// slow is the reference, from a character boundary.
	slow := func(s string, i int) (end int, letters bool) {
		for i < len(s) {
			switch {
			case s[i] == ' ':
				i++
			case i+1 < len(s) && (s[i] == 0xD0 && s[i+1] >= 0xB0 && s[i+1] <= 0xBF ||
				s[i] == 0xD1 && s[i+1] >= 0x80 && s[i+1] <= 0x8F):
				letters = true
				i += 2
			default:
				return i, letters
			}
		}
		return i, letters
	}
	for _, s := range texts {
		for i := range len(s) {
			if i > 0 && s[i-1] >= 0xC0 {
				continue // not a character boundary
			}
			end, letters := lowerRun(s, i)
			want, wantLetters := slow(s, i)
			// lowerRun leaves the last nine bytes to its caller.
			if end < len(s)-9 && (end != want || letters != wantLetters) || end > want || end < want-9 {
				t.Errorf("lowerRun(%q, %d) = %d, %v; reference %d, %v", s[i:], i, end, letters, want, wantLetters)
			}
		}
	}
}

// TestLowerLetters checks the four-at-a-time count of lower-case letters against the letters
// themselves: every pair of bytes in every place of the eight, after lower-case letters.
func TestLowerLetters(t *testing.T) {
	isLower := func(lead, cont byte) bool {
		r, size := utf8.DecodeRune([]byte{lead, cont})
		return size == 2 && r >= 'а' && r <= 'я'
	}
	for pair := range 1 << 16 {
		lead, cont := byte(pair), byte(pair>>8)
		for at := range 4 {
			text := []byte(strings.Repeat("ж", at) + string([]byte{lead, cont}) + "Жё\xd1 яя")[:8]
			want := at
			if isLower(lead, cont) {
				want = at + 1
			}
			if got := lowerLetters(load64(string(text), 0)); got != want {
				t.Fatalf("lowerLetters(%q) = %d, want %d", text, got, want)
			}
		}
	}
	if got := lowerLetters(load64("мира", 0)); got != 4 {
		t.Errorf("lowerLetters(%q) = %d, want 4", "мира", got)
	}
}

// TestScanWordLetters reads every word of the seed articles, and of words cut at every length,
// with scanWord and a letter at a time, and expects the same end, letter count and fold.
func TestScanWordLetters(t *testing.T) {
	var texts []string
	for _, a := range seedArticles(t) {
		texts = append(texts, append([]string{a.Title}, blockTexts(a)...)...)
	}
	for _, w := range []string{"взаимодействия", "Кошербаевым", "северо-западный", "ёлкой", "мира"} {
		for n := range len(w) + 1 {
			texts = append(texts, w[:n], w[:n]+" и", w[:n]+strings.Repeat("я", 9))
		}
	}
	slow := func(text string, i int) (end, letters int) {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isLetter(r) {
				letters++
				i += size
				continue
			}
			if next, _ := utf8.DecodeRuneInString(text[min(i+size, len(text)):]); (r == '-' || r == '\'' || r == '’') && isLetter(next) {
				i += size
				continue
			}
			break
		}
		return i, letters
	}
	for _, text := range texts {
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isLetter(r) {
				i += size
				continue
			}
			tok := wordToken{start: int32(i)}
			end, letters := scanWord(text, i, &tok)
			wantEnd, wantLetters := slow(text, i)
			if end != wantEnd || letters != wantLetters || !tok.upper && tok.fold != ru.Fold(text[i:end]) {
				t.Fatalf("scanWord(%q) = %d, %d letters, fold %q; want %d, %d", text[i:], end, letters, tok.fold, wantEnd, wantLetters)
			}
			i = end
		}
	}
}

// TestLowerWordEnd reads every word of the seed articles and of byte soup with lowerWordEnd
// and with scanWord: where the fast path takes a word, it ends it where scanWord does, as a
// lower-case word written as its fold.
func TestLowerWordEnd(t *testing.T) {
	var texts []string
	for _, a := range seedArticles(t) {
		texts = append(texts, append([]string{a.Title}, blockTexts(a)...)...)
	}
	soup := []string{"а", "я", "п", "р", "ё", "Ж", "-", "'", " ", ",", "x", "\xd0", "\xd1\x90", "«"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			b.WriteString(soup[rng.IntN(len(soup))])
		}
		texts = append(texts, b.String())
	}
	taken := 0
	for _, text := range texts {
		for i := range len(text) {
			if i > 0 && text[i-1] >= 0xC0 || !cyrillicLetterAt(text, i) {
				continue
			}
			end, ok := lowerWordEnd(text, i)
			if !ok {
				continue
			}
			taken++
			tok := wordToken{start: int32(i)}
			if want, _ := scanWord(text, i, &tok); end != want || tok.upper || tok.fold != text[i:end] {
				t.Fatalf("lowerWordEnd(%q) = %d; scanWord ends at %d, upper %v, fold %q", text[i:], end, want, tok.upper, tok.fold)
			}
		}
	}
	if taken < 1000 {
		t.Errorf("only %d words read by lowerWordEnd", taken)
	}
}

// TestScanWordCapitals checks what scanWord says of capitals inside a word: abbreviations,
// with an ending or after a hyphen, are no plain capitalised words.
func TestScanWordCapitals(t *testing.T) {
	for _, c := range []struct {
		word               string
		allCaps, mixedCaps bool
	}{
		{"Кошербаев", false, false},
		{"ЦАРЭС", true, true},
		{"МИДа", false, true},
		{"Ульба-ТВС", false, true},
		{"Аль-Руми", false, false},
		{"РК", true, true},
		{"ООНовский", false, true},
	} {
		tok := wordToken{}
		end, _ := scanWord(c.word+" и", 0, &tok)
		if end != len(c.word) || !tok.upper || !tok.cyrillic || tok.allCaps != c.allCaps || tok.mixedCaps != c.mixedCaps {
			t.Errorf("scanWord(%q): end %d, upper %v, cyrillic %v, allCaps %v, mixedCaps %v", c.word, end,
				tok.upper, tok.cyrillic, tok.allCaps, tok.mixedCaps)
		}
	}
}

// TestWordCache reads more distinct words than a finder's word cache holds, most of them
// alike but for a few bytes in the middle, twice each: each look-up gives the word asked for,
// and the cache stays within its bound.
func TestWordCache(t *testing.T) {
	wc := newWordCache()
	var words []string
	for i := range 3 * maxWordCache {
		words = append(words, fmt.Sprintf("Представительство%dКазахстана", i))
	}
	for _, name := range []string{"Кошербаев", "Ким", "Ли", "Ермек Кошербаев"} {
		words = append(words, name)
	}
	for range 2 {
		for _, w := range words {
			if got := wc.get(w); got.word != w || got.fold != ru.Fold(w) {
				t.Fatalf("get(%q) = %q, fold %q", w, got.word, got.fold)
			}
		}
	}
	if wc.n > maxWordCache || len(wc.slots) > 2*maxWordCache {
		t.Errorf("%d words in %d slots, more than the bound %d", wc.n, len(wc.slots), maxWordCache)
	}
}

// TestWordCacheLengths reads words of every length up to 40 bytes that differ from each other
// in one byte, at every place, into one cache (wordHash reads words of each length its own
// way): no two share a hash, which would mean a byte unread, and each look-up gives the word
// asked for.
func TestWordCacheLengths(t *testing.T) {
	wc := newWordCache()
	var words []string
	for n := range 41 {
		base := strings.Repeat("ж", n)[:n]
		words = append(words, base)
		for at := range n {
			b := []byte(base)
			b[at] ^= 0x40
			words = append(words, string(b))
		}
	}
	hashes := map[uint64]string{}
	for _, w := range words {
		if other, ok := hashes[wordHash(w)]; ok {
			t.Fatalf("%q and %q share a hash", w, other)
		}
		hashes[wordHash(w)] = w
	}
	for range 2 {
		for _, w := range words {
			if got := wc.get(w); got.word != w {
				t.Fatalf("get(%q) = %q", w, got.word)
			}
		}
	}
}

// TestPlainClauseEnds reads clauses that end exactly where the eight-byte skip ends, or one
// byte into the next letter, at every length.
func TestPlainClauseEnds(t *testing.T) {
	for n := range 40 {
		for _, lead := range []string{"", " "} {
			text := lead + strings.Repeat("а", n)
			if end, words, ok := plainClause(text, 0); end != len(text) || words != (n > 0) || !ok {
				t.Errorf("plainClause(%q) = %d, %v, %v", text, end, words, ok)
			}
		}
	}
}

// TestBoundedMemoKeepsFrequentWords reads more distinct words than the memo holds, as a large
// archive does, with one name coming back all along: the name is read once, and the memo
// stays within its bound.
func TestBoundedMemoKeepsFrequentWords(t *testing.T) {
	var bm boundedMemo[int]
	computed := map[string]int{}
	compute := func(word string) int {
		computed[word]++
		return len(word)
	}
	for i := range 3 * maxMemo {
		bm.get(fmt.Sprintf("Слово%d", i), compute)
		if i%1000 == 0 {
			bm.get("Токаев", compute)
		}
	}
	if n := computed["Токаев"]; n != 1 {
		t.Errorf("a name used all along was read %d times", n)
	}
	size := 0
	for _, m := range []*sync.Map{bm.young.Load(), bm.old.Load()} {
		m.Range(func(_, _ any) bool { size++; return true })
	}
	if size > maxMemo {
		t.Errorf("memo holds %d words, bound %d", size, maxMemo)
	}
}

// TestImpossibleSpelling checks the one-pass reading of letter pairs against the pairs
// themselves, over every word of the seeds and words made to hold them (or broken UTF-8).
func TestImpossibleSpelling(t *testing.T) {
	pairs := []string{"кы", "гы", "хы", "жы", "шы", "чы", "щы", "жя", "шя", "чя", "щя", "иь", "аь", "оь",
		"уь", "еь", "яь", "юь", "йь", "ьь", "оо"}
	words := []string{"долгорукый", "юриь", "кооперация", "шяпов", "долгорукий", "кошербаев", "",
		"ы", "ь", "\xd0ы", "к\xd1ы", "кь", "ёё", "ooo"}
	for _, a := range seedArticles(t) {
		for _, b := range a.Blocks {
			for _, w := range strings.Fields(b.Text) {
				words = append(words, ru.Fold(w))
			}
		}
	}
	impossible := 0
	for _, w := range words {
		want := slices.ContainsFunc(pairs, func(p string) bool { return strings.Contains(w, p) })
		if got := impossibleSpelling(w); got != want {
			t.Errorf("impossibleSpelling(%q) = %v, want %v", w, got, want)
		}
		if want {
			impossible++
		}
	}
	if impossible < 4 {
		t.Errorf("only %d words with an impossible pair: the test reads too few", impossible)
	}
}

// TestFindPeopleParticles checks names with a particle ("бин", "де", "оглы"), which only a text
// that holds one glues into a single surname.
func TestFindPeopleParticles(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Операцию против Усамы бин Ладена готовили годами.", "Усама бин Ладен"},
		{"В Париже вспомнили Шарля де Голля.", "Шарль де Голль"},
		{"Делегацию принял Гейдар оглы Алиев.", "Гейдар оглы Алиев"},
		{"Посол встретился с Джоном де Кастро, а затем с министром де Кастро.", "Джон де Кастро"},
	} {
		refs, _ := peopleOf(tc.text)
		if !slices.Contains(names(refs), tc.want) {
			t.Errorf("%q: people %q, want %q", tc.text, names(refs), tc.want)
		}
	}
}
