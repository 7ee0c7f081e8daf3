package ui

import "github.com/dispatch-news/dispatch/model"

// openEntityMsg asks the root to open a person, country or organisation (from the pager's
// entity focus or a detail pane).
type openEntityMsg struct {
	kind model.EntityKind
	key  string // Person.Key, Country.Code or Organisation.Key
}

// stepArticleMsg asks the root to show the previous (-1) or next (+1) article of the list the
// pager was opened from.
type stepArticleMsg struct{ delta int }

// openArticlesMsg asks the root to list some articles (a timeline month, say) under a title.
type openArticlesMsg struct {
	title    string
	articles []*model.Article
}
