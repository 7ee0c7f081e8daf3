package extract

import "github.com/dispatch-news/dispatch/model"

// findPeople finds people in texts (texts[0] is the title, texts[i] is block i-1) and appends
// their mentions.
func findPeople(texts []string, mentions []model.Mention) ([]model.PersonRef, []model.Mention) {
	return nil, mentions
}

// LinkCorpus links people named by surname alone to the full name given in another article of
// the corpus, rewriting their refs and mentions.
func LinkCorpus(articles []*model.Article) {}
