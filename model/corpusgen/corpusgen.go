// Package corpusgen generates synthetic Russian-language foreign-affairs news for benchmarks
// and tests: articles that read like the seed corpus (its paragraphs recombined, with
// generated meetings between generated people of many countries), with their people,
// countries, organisations and mentions filled in, so no parsing is needed.
//
// Generation is deterministic for a seed: article i depends only on the seed and i, so
// Articles and WriteFiles agree and both run on every core.
//
// LICENSES: country names come from CLDR through golang.org/x/text/language/display
// (BSD-3-Clause, Unicode licence for the CLDR data); the name, organisation and topic pools
// are written for this package. Filler paragraphs are the project's own seed articles; they
// keep their own names (Кошербаев, Гросси ...), which the generated articles do not list as
// entities, as a loader would not if its extractor missed them.
package corpusgen

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
	"github.com/dispatch-news/dispatch/seeds"
)

// PoolSize is the number of distinct people the generator draws from.
const PoolSize = 2000

// person is one generated person: the parts needed to write the name in any case.
type person struct {
	first firstName
	last  surname
	role  int
	names [4]string // full name by case, filled by loadPools
	surs  [4]string // surname by case
}

func (p person) inflect(c int) string {
	return inflectFirst(p.first, c) + " " + inflectSurname(p.last, p.first.fem, c)
}

func (p person) name(c int) string    { return p.names[c] }
func (p person) surname(c int) string { return p.surs[c] }

var (
	poolOnce   sync.Once
	people     []person
	countryTab []country
	fillers    []string // seed paragraphs
)

func loadPools() {
	poolOnce.Do(func() {
		seen := map[string]bool{}
		for i := 0; len(people) < PoolSize; i++ {
			p := person{
				first: firstNames[(i*7+i/len(surnames))%len(firstNames)],
				last:  surnames[i%len(surnames)],
				role:  (i * 3) % len(roles),
			}
			if i == 0 {
				p.first = firstNames[0] // Ермек Кошербаев, as in the seeds
			}
			if n := p.inflect(nom); !seen[n] {
				seen[n] = true
				for c := range p.names {
					p.names[c] = p.inflect(c)
					p.surs[c] = inflectSurname(p.last, p.first.fem, c)
				}
				people = append(people, p)
			}
		}
		countryTab = countries()
		fillers = seedParagraphs(seeds.FS)
	})
}

// seedParagraphs returns the longer lines of the seed articles: real paragraphs to recombine.
func seedParagraphs(fsys fs.FS) []string {
	var out []string
	files, _ := fs.Glob(fsys, "*.txt")
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); len(line) > 200 {
				out = append(out, line)
			}
		}
	}
	if len(out) == 0 {
		out = []string{"Стороны обсудили актуальные вопросы двустороннего сотрудничества."}
	}
	return out
}

// entities is one generation run's shared entity values, so every article points at the same
// Person, Country and Organisation as model.NewCorpus expects.
type entities struct {
	people    []*model.Person
	countries []*model.Country
	orgs      []*model.Organisation
}

func newEntities() *entities {
	loadPools()
	e := &entities{}
	for _, p := range people {
		n := p.name(nom)
		e.people = append(e.people, &model.Person{Key: ru.Fold(n), Name: n, Latin: ru.Latin(n)})
	}
	for _, c := range countryTab {
		e.countries = append(e.countries, &model.Country{Code: c.code, Name: c.name, NameEn: c.nameEn})
	}
	for _, o := range orgs {
		e.orgs = append(e.orgs, &model.Organisation{Key: o.abbr, Abbr: o.abbr, Name: o.name, NameEn: o.nameEn})
	}
	return e
}

// Articles generates n articles, deterministic for seed. Build a corpus from them with
// model.NewCorpus.
func Articles(n int, seed int64) []*model.Article {
	e := newEntities()
	out := make([]*model.Article, n)
	parallel(n, func(i int) { out[i] = generate(e, i, seed) })
	return out
}

// Corpus generates n articles and indexes them.
func Corpus(n int, seed int64) *model.Corpus {
	return model.NewCorpus(Articles(n, seed), nil)
}

// parallel calls f(i) for i in [0, n) on every core.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	const chunk = 256
	var next int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				mu.Lock()
				start := int(next)
				next += chunk
				mu.Unlock()
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
}

var epoch = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)

// writer builds an article's text and records where entities were written.
type writer struct {
	a     *model.Article
	block int
	b     strings.Builder
	refs  []ref    // mentions per entity
	keys  []string // the key of each of a.Mentions, until the refs are known
}

type ref struct {
	kind model.EntityKind
	key  string
	n    int
}

func (w *writer) count(kind model.EntityKind, key string) int {
	for _, r := range w.refs {
		if r.kind == kind && r.key == key {
			return r.n
		}
	}
	return 0
}

func (w *writer) text(s string) { w.b.WriteString(s) }

func (w *writer) mention(kind model.EntityKind, key, s string) {
	start := w.b.Len()
	w.b.WriteString(s)
	w.a.Mentions = append(w.a.Mentions, model.Mention{Kind: kind,
		Span: model.Span{Block: int32(w.block), Start: int32(start), End: int32(w.b.Len())}})
	w.keys = append(w.keys, key)
	for i := range w.refs {
		if w.refs[i].kind == kind && w.refs[i].key == key {
			w.refs[i].n++
			return
		}
	}
	w.refs = append(w.refs, ref{kind, key, 1})
}

// end closes the block being written: the title (TitleBlock) or a paragraph.
func (w *writer) end(kind model.BlockKind) {
	s := w.b.String()
	w.b.Reset()
	if w.block == model.TitleBlock {
		w.a.Title = s
	} else {
		w.a.Blocks = append(w.a.Blocks, model.Block{Kind: kind, Text: s})
	}
	w.block++
	if w.block == model.TitleBlock+1 {
		w.block = 0
	}
}

// generate writes article i.
func generate(e *entities, i int, seed int64) *model.Article {
	var src rand.PCG
	src.Seed(uint64(seed), uint64(i))
	r := rand.New(&src)
	a := &model.Article{
		ID:     fmt.Sprintf("%07d_%08x", i, r.Uint32()),
		Date:   epoch.AddDate(0, 0, r.IntN(3653)),
		Source: sources[r.IntN(len(sources))],
		Place:  places[r.IntN(len(places))],
	}
	a.File = fmt.Sprintf("gen/%04d/%s.txt", i/filesPerDir, a.ID)
	if r.IntN(20) == 0 {
		a.DateInferred = true
	}

	// Skewed draws: a few people and countries appear often, most rarely.
	pi := func() int { f := r.Float64(); return int(f * f * f * float64(len(e.people))) }
	ps := []int{pi(), pi(), pi()}
	for ps[1] == ps[0] {
		ps[1] = (ps[1] + 1) % len(e.people)
	}
	for ps[2] == ps[0] || ps[2] == ps[1] {
		ps[2] = (ps[2] + 1) % len(e.people)
	}
	ci := func() int { f := r.Float64(); return int(f * f * float64(len(e.countries))) }
	cs := []int{0, ci()} // Kazakhstan first: this is Kazakh diplomatic news
	if r.IntN(4) == 0 {
		cs[0] = ci()
	}
	for cs[1] == cs[0] {
		cs[1] = (cs[1] + 1) % len(e.countries)
	}
	o := r.IntN(len(e.orgs))
	topic, topic2 := topics[r.IntN(len(topics))], topics[r.IntN(len(topics))]

	w := &writer{a: a, block: model.TitleBlock}
	w.b.Grow(1024)
	a.Blocks = make([]model.Block, 0, 14)
	a.Mentions = make([]model.Mention, 0, 20)
	P := func(k, c int) { w.mention(model.KindPerson, e.people[ps[k]].Key, people[ps[k]].name(c)) }
	S := func(k, c int) { w.mention(model.KindPerson, e.people[ps[k]].Key, people[ps[k]].surname(c)) }
	C := func(k int, form string) { w.mention(model.KindCountry, e.countries[cs[k]].Code, form) }
	O := func() { w.mention(model.KindOrg, e.orgs[o].Key, e.orgs[o].Abbr) }
	cn := func(k int) country { return countryTab[cs[k]] }

	// Title.
	switch r.IntN(7) {
	case 0:
		S(0, nom)
		w.text(" и ")
		S(1, nom)
		w.text(" обсудили " + topic)
	case 1:
		C(0, cn(0).name)
		w.text(" и ")
		C(1, cn(1).name)
		w.text(" укрепляют " + topic)
	case 2:
		w.text("Глава МИД ")
		C(0, cn(0).gen)
		w.text(" встретился с послом ")
		C(1, cn(1).gen)
	case 3:
		P(0, nom)
		w.text(" провел переговоры в ")
		C(1, cn(1).prep)
	case 4:
		O()
		w.text(": стороны обсудили " + topic)
	case 5:
		w.text("Дипломаты обсудили " + topic + " и " + topic2)
	default:
		P(0, nom)
		w.text(" принял участие в заседании ")
		O()
	}
	w.end(0)

	// Lead: a dateline and the meeting.
	ro0, ro1 := roles[people[ps[0]].role].forms, roles[people[ps[1]].role].forms
	w.text(a.Place + ". " + strconv.Itoa(a.Date.Day()) + " " + months[a.Date.Month()-1] + ". " + a.Source + " - ")
	w.text(capitalise(ro0[nom]) + " ")
	C(0, cn(0).gen)
	w.text(" ")
	P(0, nom)
	w.text(" провел встречу с " + ro1[ins] + " ")
	C(1, cn(1).gen)
	w.text(" ")
	P(1, ins)
	w.text(". Стороны обсудили " + topic + " и " + topic2 + ".")
	w.end(model.Lead)

	// Body: seed paragraphs recombined around a generated paragraph.
	nFill := 4 + r.IntN(5)
	at := r.IntN(nFill)
	for k := range nFill {
		if k == at {
			S(0, nom)
			w.text(" подчеркнул, что партнерство с ")
			O()
			w.text(" остается одним из приоритетов внешней политики ")
			C(0, cn(0).gen)
			w.text(". В переговорах также участвовал " + roles[people[ps[2]].role].forms[nom] + " ")
			P(2, nom)
			w.text(". По итогам встречи ")
			S(1, nom)
			w.text(" пригласил ")
			S(0, gen)
			w.text(" провести следующий раунд консультаций в ")
			C(1, cn(1).prep)
			w.text(". Благодарность ")
			P(2, dat)
			w.text(" выразили обе стороны.")
			w.end(model.Paragraph)
		}
		// Seed paragraphs are shared, not copied: a million articles fit in memory.
		a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: fillers[r.IntN(len(fillers))]})
		w.block++
	}

	for k, p := range ps {
		if n := w.count(model.KindPerson, e.people[p].Key); n > 0 {
			role := roles[people[p].role].forms[nom]
			if k == 2 && r.IntN(2) == 0 {
				role = ""
			}
			a.People = append(a.People, model.PersonRef{Person: e.people[p], Role: role, Mentions: n})
		}
	}
	for _, c := range cs {
		if n := w.count(model.KindCountry, e.countries[c].Code); n > 0 {
			a.Countries = append(a.Countries, model.CountryRef{Country: e.countries[c], Mentions: n})
		}
	}
	if n := w.count(model.KindOrg, e.orgs[o].Key); n > 0 {
		a.Orgs = append(a.Orgs, model.OrgRef{Organisation: e.orgs[o], Mentions: n})
	}
	for i := range a.Mentions {
		a.Mentions[i].Ref = uint16(a.RefOf(a.Mentions[i].Kind, w.keys[i]))
	}
	a.Size = renderedSize(a, formatOf(a))
	return a
}

func capitalise(s string) string {
	for i, c := range s {
		return strings.ToUpper(string(c)) + s[i+len(string(c)):]
	}
	return s
}
