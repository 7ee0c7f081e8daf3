package cli

import (
	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/export"
)

// The JSON records are dispatch's stable output format: rename nothing. The article records
// live in model/export, which the browser's export shares.

type (
	personJSON  = export.PersonRecord
	countryJSON = export.CountryRecord
	orgJSON     = export.OrgRecord
	articleJSON = export.Record
)

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

func newArticleJSON(a *model.Article) articleJSON { return export.NewRecord(a) }

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
