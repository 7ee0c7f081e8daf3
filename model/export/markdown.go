package export

import (
	"bufio"
	"io"
	"strings"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// Markdown writes a Markdown document: a level-1 heading (title, or "Articles" when empty),
// then for each article a level-2 heading with its title and a list of its date, source,
// place, ID, people, countries and organisations (items with nothing to say are left out).
// Text from the articles is escaped, so a title is never read as markup.
func Markdown(w io.Writer, title string, articles []*model.Article) error {
	bw := bufio.NewWriter(w)
	if strings.TrimSpace(title) == "" {
		title = "Articles"
	}
	bw.WriteString("# " + MarkdownEscape(title) + "\n")
	for _, a := range articles {
		heading := a.Title
		if strings.TrimSpace(heading) == "" {
			heading = a.ID
		}
		bw.WriteString("\n## " + MarkdownEscape(heading) + "\n\n")
		date := dateString(a)
		switch {
		case date == "":
			date = "undated"
		case a.DateInferred:
			date += " (inferred)"
		}
		item := func(label, value string) {
			if value != "" {
				bw.WriteString("- **" + label + ":** " + MarkdownEscape(value) + "\n")
			}
		}
		item("Date", date)
		item("Source", a.Source)
		item("Place", a.Place)
		item("ID", a.ID)
		item("People", strings.Join(peopleNames(a), ", "))
		item("Countries", strings.Join(countryNames(a), ", "))
		item("Organisations", strings.Join(orgNames(a), ", "))
	}
	return bw.Flush()
}

// markdownSpecial are the characters that can start or end inline markup, a heading's closing
// sequence, an HTML tag or entity, or a table cell. CommonMark lets any ASCII punctuation be
// escaped with a backslash, so escaping these is always safe.
const markdownSpecial = "\\`*_[]<>&#|~!"

// MarkdownEscape returns s sanitised to one line with Markdown's special characters
// backslash-escaped, to be placed inline (in a heading or a list item).
func MarkdownEscape(s string) string {
	s = sanitize.Line(s)
	if !strings.ContainsAny(s, markdownSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
