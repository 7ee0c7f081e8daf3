package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/model/ru"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func person(name, latin, role string) model.PersonRef {
	return model.PersonRef{Person: &model.Person{Key: ru.Fold(name), Name: name, Latin: latin}, Role: role, Mentions: 1}
}

func country(code, name, en string) model.CountryRef {
	return model.CountryRef{Country: &model.Country{Code: code, Name: name, NameEn: en}, Mentions: 1}
}

// handCorpus is four articles written like the seeds, small enough to know every answer.
func handCorpus() *model.Corpus {
	kz := func() model.CountryRef { return country("KZ", "Казахстан", "Kazakhstan") }
	return model.NewCorpus([]*model.Article{
		{
			ID: "atom", Title: "В поддержку мирного атома", Date: date("2025-12-05"), Source: "МИД РК",
			Blocks: []model.Block{{Kind: model.Lead, Text: "Министр иностранных дел РК Ермек Кошербаев провел встречу с генеральным директором МАГАТЭ Рафаэлем Гросси."},
				{Text: "Стороны обсудили строительство атомной электростанции и углеродную нейтральность."}},
			People:    []model.PersonRef{person("Ермек Кошербаев", "Yermek Kosherbayev", "министр иностранных дел"), person("Рафаэль Гросси", "Rafael Grossi", "генеральный директор")},
			Countries: []model.CountryRef{kz(), country("AT", "Австрия", "Austria")},
			Orgs:      []model.OrgRef{{Organisation: &model.Organisation{Key: "МАГАТЭ", Abbr: "МАГАТЭ", Name: "Международное агентство по атомной энергии", NameEn: "IAEA"}, Mentions: 1}},
		},
		{
			ID: "france", Title: "Аким встретился с послом Франции", Date: date("2025-10-10"), Source: "KAZAKHSTAN TODAY",
			Blocks:    []model.Block{{Kind: model.Lead, Text: "Глава региона Нурымбет Сактаганов провел рабочую встречу с послом Франции Сильваном Гиоге."}},
			People:    []model.PersonRef{person("Нурымбет Сактаганов", "Nurymbet Saktaganov", "аким")},
			Countries: []model.CountryRef{kz(), country("FR", "Франция", "France")},
		},
		{
			ID: "lavrov", Title: "Лавров и глава МИД Казахстана обсудят сотрудничество", Date: date("2025-10-21"), Source: "ТАСС",
			Blocks:    []model.Block{{Kind: model.Lead, Text: "Сергей Лавров проведет переговоры с главой МИД Казахстана Ермеком Кошербаевым."}},
			People:    []model.PersonRef{person("Сергей Лавров", "Sergey Lavrov", "министр иностранных дел"), person("Ермек Кошербаев", "Yermek Kosherbayev", "")},
			Countries: []model.CountryRef{country("RU", "Россия", "Russia"), kz()},
		},
		{
			ID: "undated", Title: "Заметки о дипломатии",
			Blocks: []model.Block{{Text: "Франция и Казахстан давно сотрудничают; ёмкий обзор."}},
		},
	}, nil)
}

// label is what a hit shows.
func label(c *model.Corpus, h Hit) string {
	switch h.Kind {
	case Person:
		return c.People[h.Index].Name
	case Country:
		return c.Countries[h.Index].Name
	case Org:
		return c.Orgs[h.Index].Key
	}
	return c.Articles[h.Index].ID
}

func search(t *testing.T, ix *Index, q string, opt Options) *Results {
	t.Helper()
	r, err := ix.Search(context.Background(), q, opt)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return r
}

// The spellings a reader types must all reach the same person or country, first.
var spellings = []struct {
	query string
	kind  Kind
	want  string
}{
	{"Kosherbayev", Person, "Ермек Кошербаев"},
	{"kosherbaev", Person, "Ермек Кошербаев"},
	{"Кошербаевым", Person, "Ермек Кошербаев"},
	{"КОШЕРБАЕВ", Person, "Ермек Кошербаев"},
	{"Yermek Kosherbayev", Person, "Ермек Кошербаев"},
	{"кош", Person, "Ермек Кошербаев"},
	{"France", Country, "Франция"},
	{"Франции", Country, "Франция"},
	{"франция", Country, "Франция"},
	{"FR", Country, "Франция"},
}

func TestSpellingsFindTheEntityFirst(t *testing.T) {
	for name, c := range map[string]*model.Corpus{"hand": handCorpus(), "generated": corpusgen.Corpus(3000, 1)} {
		ix := ready(c)
		for _, s := range spellings {
			r := search(t, ix, s.query, Options{})
			if len(r.Hits) == 0 || r.Hits[0].Kind != s.kind || label(c, r.Hits[0]) != s.want {
				var got []string
				for _, h := range r.Hits[:min(3, len(r.Hits))] {
					got = append(got, h.Kind.String()+" "+label(c, h))
				}
				t.Errorf("%s corpus: %q first hits %q, want %s %s", name, s.query, got, s.kind, s.want)
			}
		}
	}
}

func TestSpellingsFindEveryArticleOfThePerson(t *testing.T) {
	c := corpusgen.Corpus(3000, 2)
	ix := ready(c)
	p := c.Person(ru.Fold("Ермек Кошербаев"))
	for _, q := range []string{"Kosherbayev", "kosherbaev", "Кошербаевым", "Ермек Кошербаев"} {
		r := search(t, ix, q, Options{Scope: Articles})
		found := map[*model.Article]Field{}
		for _, h := range r.Hits {
			found[c.Articles[h.Index]] = h.Fields
		}
		for _, a := range p.Articles {
			if found[a]&FieldPerson == 0 {
				t.Errorf("%q: article %s of %s missing or not matched by person (fields %v)", q, a.ID, p.Name, found[a].Names())
				break
			}
		}
	}
}

// brute lists the articles that pass keep, in corpus order.
func brute(c *model.Corpus, keep func(*model.Article) bool) []string {
	var out []string
	for _, a := range c.Articles {
		if keep(a) {
			out = append(out, a.ID)
		}
	}
	return out
}

func hasPerson(a *model.Article, name string) bool {
	return slices.ContainsFunc(a.People, func(r model.PersonRef) bool { return r.Name == name })
}

func hasCountry(a *model.Article, code string) bool {
	return slices.ContainsFunc(a.Countries, func(r model.CountryRef) bool { return r.Code == code })
}

func TestQualifiersFilterArticles(t *testing.T) {
	c := corpusgen.Corpus(5000, 3)
	ix := ready(c)
	for _, tc := range []struct {
		query string
		keep  func(*model.Article) bool
	}{
		{`person:"Ермек Кошербаев" since:2025-11`, func(a *model.Article) bool {
			return hasPerson(a, "Ермек Кошербаев") && !a.Date.Before(date("2025-11-01"))
		}},
		{`person:Kosherbayev until:2017`, func(a *model.Article) bool { // any Кошербаев
			return slices.ContainsFunc(a.People, func(r model.PersonRef) bool {
				return strings.HasSuffix(r.Name, " Кошербаев")
			}) && a.Date.Before(date("2018-01-01"))
		}},
		{`country:FR since:2020-02-29 until:2021-03`, func(a *model.Article) bool {
			return hasCountry(a, "FR") && !a.Date.Before(date("2020-02-29")) && a.Date.Before(date("2021-04-01"))
		}},
		{`country:Франции country:KZ source:ТАСС`, func(a *model.Article) bool {
			return hasCountry(a, "FR") && hasCountry(a, "KZ") && a.Source == "ТАСС"
		}},
		{`org:IAEA`, func(a *model.Article) bool { // the IAEA and its centres
			return slices.ContainsFunc(a.Orgs, func(r model.OrgRef) bool { return strings.HasPrefix(r.NameEn, "IAEA") })
		}},
	} {
		r := search(t, ix, tc.query, Options{Scope: Articles})
		var got []string
		for _, h := range r.Hits {
			got = append(got, c.Articles[h.Index].ID)
			if h.Fields != FieldQuals {
				t.Errorf("%q: hit fields %v, want qualifiers only", tc.query, h.Fields.Names())
				break
			}
		}
		slices.Sort(got)
		want := brute(c, tc.keep)
		slices.Sort(want)
		if len(want) == 0 {
			t.Errorf("%q: the generated corpus has no such article; the test proves nothing", tc.query)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d hits, want %d (problems %q)", tc.query, len(got), len(want), r.Problems)
		}
	}
}

func TestWordsAndQualifiersCombine(t *testing.T) {
	c := corpusgen.Corpus(5000, 4)
	ix := ready(c)
	r := search(t, ix, "person:Кошербаев since:2024 АЭС", Options{Scope: Articles})
	if len(r.Hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range r.Hits {
		a := c.Articles[h.Index]
		surnameOK := slices.ContainsFunc(a.People, func(p model.PersonRef) bool { return strings.HasSuffix(p.Name, " Кошербаев") })
		if !surnameOK || a.Date.Before(date("2024-01-01")) || h.Fields&FieldQuals == 0 {
			t.Errorf("hit %s (%s, %v) breaks a qualifier", a.ID, a.Date.Format("2006-01-02"), h.Fields.Names())
		}
	}
}

func TestBadQualifiersAreReportedNotFatal(t *testing.T) {
	ix := ready(handCorpus())
	for _, q := range []string{"since:garbage", "foo:bar", "person:", "until:2025-13", "person:Zzyzx", "since:2026 until:2025"} {
		r := search(t, ix, q, Options{})
		if len(r.Problems) == 0 {
			t.Errorf("%q: no problem reported", q)
		}
	}
	// An unknown qualifier is text: казахстан:франции finds articles with both words.
	r := search(t, ix, "казахстан:франции", Options{Scope: Articles})
	if len(r.Hits) != 2 || label(ix.Corpus(), r.Hits[0]) != "france" || len(r.Problems) != 1 {
		t.Errorf("казахстан:франции found %v (problems %q), want two articles, the one about France first", r.Hits, r.Problems)
	}
}

func TestEmptyQueryListsEverythingInCorpusOrder(t *testing.T) {
	c := handCorpus()
	r := search(t, ready(c), "  ", Options{Scope: Articles})
	if r.Total != len(c.Articles) || len(r.Hits) != len(c.Articles) {
		t.Fatalf("Total %d, %d hits, want %d", r.Total, len(r.Hits), len(c.Articles))
	}
	for i, h := range r.Hits {
		if h.Index != i {
			t.Errorf("hit %d is article %d, want corpus order", i, h.Index)
		}
	}
	all := search(t, ready(c), "", Options{Limit: 2})
	if want := len(c.Articles) + len(c.People) + len(c.Countries) + len(c.Orgs); all.Total != want || len(all.Hits) != 2 {
		t.Errorf("empty query in All: Total %d, %d hits; want %d and the limit 2", all.Total, len(all.Hits), want)
	}
}

func TestTitleAndEntityMatchesRankAboveBodyMatches(t *testing.T) {
	c := handCorpus()
	r := search(t, ready(c), "Франция", Options{Scope: Articles})
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, c.Articles[h.Index].ID)
	}
	if !slices.Equal(ids, []string{"france", "undated"}) {
		t.Fatalf("Франция found %q, want the article about France, then the one that names it in its body", ids)
	}
	if r.Hits[1].Fields != FieldText || r.Hits[0].Fields&FieldCountry == 0 {
		t.Errorf("fields %v and %v, want country then text", r.Hits[0].Fields.Names(), r.Hits[1].Fields.Names())
	}
	// Any case form of a body word: нейтральности finds нейтральность.
	if r := search(t, ready(c), "нейтральности", Options{}); len(r.Hits) != 1 || c.Articles[r.Hits[0].Index].ID != "atom" {
		t.Errorf("нейтральности found %v, want the atom article", r.Hits)
	}
	// ё = е in bodies too.
	if r := search(t, ready(c), "емкий", Options{}); len(r.Hits) != 1 {
		t.Errorf("емкий found %d hits, want the article with «ёмкий»", len(r.Hits))
	}
}

func TestScopeLimitsKinds(t *testing.T) {
	ix := ready(handCorpus())
	for scope, kind := range map[Scope]Kind{Articles: Article, People: Person, Countries: Country, Orgs: Org} {
		r := search(t, ix, "", Options{Scope: scope})
		if len(r.Hits) == 0 {
			t.Errorf("scope %d: no hits", scope)
		}
		for _, h := range r.Hits {
			if h.Kind != kind {
				t.Errorf("scope %d gave a %s hit", scope, h.Kind)
				break
			}
		}
	}
}

func TestFirstScreenStopsEarly(t *testing.T) {
	c := corpusgen.Corpus(20_000, 5)
	ix := ready(c)
	full := search(t, ix, "к", Options{Scope: Articles})
	first := search(t, ix, "к", Options{Scope: Articles, Limit: 50, FirstScreen: true})
	if !first.Partial || len(first.Hits) != 50 || first.Total >= full.Total {
		t.Fatalf("first screen: partial %v, %d hits, total %d of %d", first.Partial, len(first.Hits), first.Total, full.Total)
	}
	for _, h := range first.Hits {
		if !slices.ContainsFunc(full.Hits, func(f Hit) bool { return f == h }) {
			t.Errorf("first-screen hit %+v is not a hit of the full search", h)
		}
	}
	// With Limit alone the ranking is the full one, cut.
	top := search(t, ix, "к", Options{Scope: Articles, Limit: 50})
	if top.Partial || top.Total != full.Total || !slices.Equal(top.Hits, full.Hits[:50]) {
		t.Errorf("Limit 50 is not the first 50 of the full ranking")
	}
}

func TestCancelledSearchReturnsTheContextError(t *testing.T) {
	ix := New(corpusgen.Corpus(20_000, 6))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, q := range []string{"", "ко", "person:Kosherbayev"} {
		if _, err := ix.Search(ctx, q, Options{}); !errors.Is(err, context.Canceled) {
			t.Errorf("%q with a cancelled context: err %v, want context.Canceled", q, err)
		}
	}
}

func TestConcurrentSearches(t *testing.T) {
	ix := ready(corpusgen.Corpus(5000, 7))
	want := search(t, ix, "кош", Options{}).Total
	done := make(chan int)
	for range 4 {
		go func() {
			r, _ := ix.Search(context.Background(), "кош", Options{})
			done <- r.Total
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent search found %d, want %d", got, want)
		}
	}
}

// ready builds the index of c and waits for its index of article texts.
func ready(c *model.Corpus) *Index {
	ix := New(c)
	ix.Ready(context.Background())
	return ix
}

func TestSearchBeforeTheTextIndexIsReady(t *testing.T) {
	ix := ready(handCorpus())
	building := *ix
	building.wordsDone = make(chan struct{}) // as if still building
	r := search(t, &building, "нейтральности Кошербаев", Options{NoWaitForText: true})
	if !r.TextPending || len(r.Problems) != 1 {
		t.Errorf("TextPending %v, problems %q; want the pending text index reported", r.TextPending, r.Problems)
	}
	if r := search(t, &building, "Кошербаев", Options{Scope: Articles, NoWaitForText: true}); r.Total != 2 {
		t.Errorf("titles and names still searched: %d hits, want 2", r.Total)
	}
	// Without NoWaitForText a search waits, until its context gives up.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := building.Search(ctx, "нейтральности", Options{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("search while the text index builds: err %v, want to wait until the deadline", err)
	}
	if r := search(t, ix, "нейтральности", Options{}); r.TextPending || r.Total != 1 {
		t.Errorf("once ready: TextPending %v, %d hits, want the atom article", r.TextPending, r.Total)
	}
}
