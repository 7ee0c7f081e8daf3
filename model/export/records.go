package export

import (
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// The records below are dispatch's stable JSON format (`dispatch list --json`): rename
// nothing.

// PersonRecord is a person in JSON output.
type PersonRecord struct {
	Name     string   `json:"name"`
	Latin    string   `json:"latin"`
	Role     string   `json:"role"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

// CountryRecord is a country in JSON output.
type CountryRecord struct {
	Code     string   `json:"code"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

// OrgRecord is an organisation in JSON output.
type OrgRecord struct {
	Abbr     string   `json:"abbr"`
	Name     string   `json:"name"`
	NameEn   string   `json:"name_en"`
	Mentions int      `json:"mentions,omitempty"`
	Articles []string `json:"articles,omitempty"`
}

// Record is an article in JSON output: its metadata and the entities it mentions.
type Record struct {
	ID           string          `json:"id"`
	File         string          `json:"file"`
	Title        string          `json:"title"`
	Date         string          `json:"date"`
	DateInferred bool            `json:"date_inferred"`
	Source       string          `json:"source"`
	Place        string          `json:"place"`
	People       []PersonRecord  `json:"people"`
	Countries    []CountryRecord `json:"countries"`
	Orgs         []OrgRecord     `json:"orgs"`
}

// NewRecord returns the record of an article, its strings sanitised (model/sanitize.Line).
func NewRecord(a *model.Article) Record {
	s := sanitize.Line
	r := Record{
		ID: s(a.ID), File: s(a.File), Title: s(a.Title), Date: dateString(a), DateInferred: a.DateInferred,
		Source: s(a.Source), Place: s(a.Place),
		People: []PersonRecord{}, Countries: []CountryRecord{}, Orgs: []OrgRecord{},
	}
	for _, p := range a.People {
		role := p.Role
		if role == "" {
			role = p.Person.Role
		}
		r.People = append(r.People, PersonRecord{Name: s(p.Name), Latin: s(p.Latin), Role: s(role), Mentions: p.Mentions})
	}
	for _, c := range a.Countries {
		r.Countries = append(r.Countries, CountryRecord{Code: s(c.Code), Name: s(c.Name), NameEn: s(c.NameEn), Mentions: c.Mentions})
	}
	for _, o := range a.Orgs {
		r.Orgs = append(r.Orgs, OrgRecord{Abbr: s(o.Abbr), Name: s(o.Name), NameEn: s(o.NameEn), Mentions: o.Mentions})
	}
	return r
}
