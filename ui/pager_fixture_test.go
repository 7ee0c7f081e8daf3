package ui

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/seeds"
)

// seedArticle returns the seed article with the given ID as the loader parses it. While the
// loader is still a stub (no articles), it falls back to a plain reading of the seed file:
// title line, paragraphs split at blank lines, "фото"/"©" lines as credits, and the mentions
// of a few entities found by their surface forms.
func seedArticle(t testing.TB, id string) *model.Article {
	t.Helper()
	c, err := loader.Load(context.Background(), nil, loader.Options{})
	if err == nil {
		if a := c.Article(id); a != nil && len(a.Mentions) > 0 {
			return a
		}
	}
	raw, err := fs.ReadFile(seeds.FS, id+".txt")
	if err != nil {
		t.Fatal(err)
	}
	return readSeed(id, string(raw))
}

func readSeed(id, raw string) *model.Article {
	a := &model.Article{ID: id, File: "seeds/" + id + ".txt"}
	paras := strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n\n")
	title := strings.TrimSpace(paras[0])
	if rest, ok := strings.CutPrefix(title, "date "); ok && len(rest) > 11 {
		a.Date, _ = time.Parse("2006-01-02", rest[:10])
		title = rest[11:]
	}
	a.Title = title
	for _, p := range paras[1:] {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
		case strings.HasPrefix(strings.ToLower(p), "фото") || strings.HasPrefix(p, "©"):
			a.Credits = append(a.Credits, p)
		case len(a.Blocks) == 0:
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Lead, Text: p})
		case len([]rune(p)) < 40 && !strings.HasSuffix(p, "."):
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Subheading, Text: p})
		default:
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Paragraph, Text: p})
		}
	}
	annotate(a, fixtureEntities)
	return a
}

// fixtureEntity is a surface form of an entity as the extractor would report it.
type fixtureEntity struct {
	form string
	kind model.EntityKind
	key  string
}

var fixtureEntities = []fixtureEntity{
	{"Ермек Кошербаев", model.KindPerson, "ермек кошербаев"},
	{"Ермеком Кошербаевым", model.KindPerson, "ермек кошербаев"},
	{"Рафаэлем Гросси", model.KindPerson, "рафаэль гросси"},
	{"Рафаэль Гросси", model.KindPerson, "рафаэль гросси"},
	{"Сергей Лавров", model.KindPerson, "сергей лавров"},
	{"Мария Захарова", model.KindPerson, "мария захарова"},
	{"Международного агентства по атомной энергии", model.KindOrg, "МАГАТЭ"},
	{"МАГАТЭ", model.KindOrg, "МАГАТЭ"},
	{"ООН", model.KindOrg, "ООН"},
	{"Австрию", model.KindCountry, "AT"},
	{"Казахстана", model.KindCountry, "KZ"},
	{"Казахстаном", model.KindCountry, "KZ"},
	{"Казахстану", model.KindCountry, "KZ"},
	{"России", model.KindCountry, "RU"},
	{"Франции", model.KindCountry, "FR"},
}

// annotate records every occurrence of the entities' forms in the title and blocks, in order,
// longest form first where two overlap.
func annotate(a *model.Article, es []fixtureEntity) {
	a.Mentions = nil
	find := func(block int, text string) {
		taken := make([]bool, len(text))
		var found []model.Mention
		for _, e := range es {
			for from := 0; ; {
				i := strings.Index(text[from:], e.form)
				if i < 0 {
					break
				}
				s, end := from+i, from+i+len(e.form)
				from = end
				if taken[s] || taken[end-1] {
					continue
				}
				for j := s; j < end; j++ {
					taken[j] = true
				}
				found = append(found, model.Mention{Kind: e.kind, Ref: refFor(a, e),
					Span: model.Span{Block: int32(block), Start: int32(s), End: int32(end)}})
			}
		}
		for i := 1; i < len(found); i++ { // insertion sort by start: a handful per block
			for j := i; j > 0 && found[j].Start < found[j-1].Start; j-- {
				found[j], found[j-1] = found[j-1], found[j]
			}
		}
		a.Mentions = append(a.Mentions, found...)
	}
	find(model.TitleBlock, a.Title)
	for i, b := range a.Blocks {
		find(i, b.Text)
	}
}

// refFor returns the index of e's ref in a, adding one (named by its key) if a has none.
func refFor(a *model.Article, e fixtureEntity) uint16 {
	if i := a.RefOf(e.kind, e.key); i >= 0 {
		return uint16(i)
	}
	switch e.kind {
	case model.KindPerson:
		a.People = append(a.People, model.PersonRef{Person: &model.Person{Key: e.key, Name: e.key}})
		return uint16(len(a.People) - 1)
	case model.KindCountry:
		a.Countries = append(a.Countries, model.CountryRef{Country: &model.Country{Code: e.key, Name: e.key}})
		return uint16(len(a.Countries) - 1)
	}
	a.Orgs = append(a.Orgs, model.OrgRef{Organisation: &model.Organisation{Key: e.key, Abbr: e.key}})
	return uint16(len(a.Orgs) - 1)
}

// bigArticle generates an article of about size bytes of Russian diplomatic prose with mentions,
// subheadings and credits, for benchmarks and long-scroll tests.
func bigArticle(size int) *model.Article {
	sentences := []string{
		"Министр иностранных дел Ермек Кошербаев провел переговоры с коллегой из Франции.",
		"Стороны обсудили сотрудничество в рамках МАГАТЭ и ООН, а также вопросы транзита через Казахстана территорию.",
		"Қазақстан Республикасы Сыртқы істер министрлігі сообщает, что визит в Усть-Каменогорск состоится весной.",
		"Рафаэль Гросси подчеркнул значимость инициатив России и Казахстана в сфере мирного атома.",
		"Переговоры прошли в конструктивной атмосфере, отметили в пресс-службе ведомства.",
	}
	a := &model.Article{ID: "big", Title: "Большая статья о визите Ермека Кошербаева во Францию",
		Date: time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC), Source: "ТАСС", Place: "Москва"}
	n := 0
	for i := 0; n < size; i++ {
		if i%10 == 9 {
			a.Blocks = append(a.Blocks, model.Block{Kind: model.Subheading, Text: fmt.Sprintf("Раздел %d", i/10+1)})
			continue
		}
		var b strings.Builder
		for j := range 6 {
			b.WriteString(sentences[(i+j)%len(sentences)])
			b.WriteByte(' ')
		}
		kind := model.Paragraph
		if i == 0 {
			kind = model.Lead
		}
		text := strings.TrimSpace(b.String())
		a.Blocks = append(a.Blocks, model.Block{Kind: kind, Text: text})
		n += len(text)
	}
	a.Credits = []string{"Фото: МИД РК", "© Валерий Шарифулин/ ТАСС"}
	annotate(a, fixtureEntities)
	return a
}
