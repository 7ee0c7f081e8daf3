package cli

import (
	"github.com/dispatch-news/dispatch/model"
)

// The JSON records below are dispatch's stable output format: rename nothing.

type personJSON struct {
	Name     string   `json:"name"`
	Latin    string   `json:"latin"`
	Role     string   `json:"role"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

type countryJSON struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

type orgJSON struct {
	Abbr     string   `json:"abbr"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

type articleJSON struct {
	ID           string        `json:"id"`
	File         string        `json:"file"`
	Title        string        `json:"title"`
	Date         string        `json:"date"`
	DateInferred bool          `json:"date_inferred"`
	Source       string        `json:"source"`
	Place        string        `json:"place"`
	People       []personJSON  `json:"people"`
	Countries    []countryJSON `json:"countries"`
	Orgs         []orgJSON     `json:"orgs"`
}

type articleFullJSON struct {
	articleJSON
	Lead        string   `json:"lead"`
	Paragraphs  []string `json:"paragraphs"`
	Subheadings []string `json:"subheadings"`
	Credits     []string `json:"credits"`
}

type hitJSON struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Date    string   `json:"date"`
	Score   int      `json:"score"`
	Matched []string `json:"matched"`
}

func dateString(a *model.Article) string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format("2006-01-02")
}

func newArticleJSON(a *model.Article) articleJSON {
	j := articleJSON{
		ID: a.ID, File: a.File, Title: a.Title, Date: dateString(a), DateInferred: a.DateInferred,
		Source: a.Source, Place: a.Place,
		People: []personJSON{}, Countries: []countryJSON{}, Orgs: []orgJSON{},
	}
	for _, p := range a.People {
		role := p.Role
		if role == "" {
			role = p.Person.Role
		}
		j.People = append(j.People, personJSON{Name: p.Name, Latin: p.Latin, Role: role, Mentions: p.Mentions})
	}
	for _, c := range a.Countries {
		j.Countries = append(j.Countries, countryJSON{Code: c.Code, Name: c.Name, NameEn: c.NameEn, Mentions: c.Mentions})
	}
	for _, o := range a.Orgs {
		j.Orgs = append(j.Orgs, orgJSON{Abbr: o.Abbr, Name: o.Name, NameEn: o.NameEn, Mentions: o.Mentions})
	}
	return j
}

func newArticleFullJSON(a *model.Article) articleFullJSON {
	j := articleFullJSON{
		articleJSON: newArticleJSON(a), Lead: a.Lead(),
		Paragraphs: []string{}, Subheadings: []string{}, Credits: []string{},
	}
	for _, b := range a.Body() {
		j.Paragraphs = append(j.Paragraphs, b.Text)
		if b.Kind == model.Subheading {
			j.Subheadings = append(j.Subheadings, b.Text)
		}
	}
	j.Credits = append(j.Credits, a.Credits...)
	return j
}

func articleIDs(as []*model.Article) []string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}
