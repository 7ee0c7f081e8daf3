package ui

import "github.com/dispatch-news/dispatch/model/sanitize"

// clean makes an article-derived string safe for one line of the terminal: no escape
// sequences or control codes ever reach it.
func clean(s string) string { return sanitize.Line(s) }
