package extract

import "github.com/dispatch-news/dispatch/model"

// findCountries finds country mentions in texts (texts[0] is the title, texts[i] is block i-1).
func findCountries(texts []string, mentions []model.Mention) ([]model.CountryRef, []model.Mention) {
	return nil, mentions
}

// findOrgs finds organisation mentions in texts.
func findOrgs(texts []string, mentions []model.Mention) ([]model.OrgRef, []model.Mention) {
	return nil, mentions
}
