package loader

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// parsed is an article with what the final pass over the corpus still needs.
type parsed struct {
	article  *model.Article
	dateline dateline // zero when the article has none
	// mentionedYears counts the years the text speaks of, when the year of the date is unknown.
	mentionedYears map[int]int
}

// ParseArticle decodes, sanitises and parses one file's bytes into an article (without
// entities). The error, when there is one, is a one-line reason to skip the file. A date taken
// from a dateline without a year gets its year from the years the text mentions (Load also
// looks at the rest of the corpus).
func ParseArticle(id, file string, data []byte) (*model.Article, error) {
	p, err := parse(id, file, data, nil)
	if err != nil {
		return nil, err
	}
	inferYears([]*parsed{p}, time.Now())
	return p.article, nil
}

// header is the first line some files start with: " date 2025-12-05 Title".
var header = regexp.MustCompile(`^\s*(?i:date):?\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$`)

// findHeader matches header without the regexp, which costs a microsecond on every file that
// has one: it returns nil or the whole line, the date and the title ("" when there is none).
func findHeader(line string) []string {
	const spaces = " \t\n\f\r" // \s of the regexp
	t := strings.TrimLeft(line, spaces)
	if len(t) < 4 || !strings.EqualFold(t[:4], "date") {
		return nil
	}
	t = strings.TrimPrefix(t[4:], ":")
	date := strings.TrimLeft(t, spaces)
	if len(date) == len(t) || len(date) < 10 || !isISODate(date[:10]) {
		return nil
	}
	rest := date[10:]
	title := strings.TrimLeft(rest, spaces)
	if rest != "" && len(title) == len(rest) || strings.IndexByte(title, '\n') >= 0 {
		return nil // the date runs on, or the title holds a line end (which "." does not match)
	}
	return []string{line, date[:10], title}
}

// isISODate reports whether s is dddd-dd-dd.
func isISODate(s string) bool {
	for i := range len(s) {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 10
}

// parse reads an article from a file's bytes. The layout it understands:
//
//   - an optional header line with the date and the title, otherwise the first line is the title;
//   - a title that runs on into a whole paragraph is cut after its first sentence, and the rest
//     becomes the lead;
//   - paragraphs are separated by blank lines or single newlines; a line that breaks inside a
//     sentence (no final punctuation, next line starts in lower case) is joined to the next;
//   - credit and caption lines ("Фото: ...", "© ...") go to Credits;
//   - a dateline opening one of the first paragraphs gives Place, Source and maybe the date;
//   - a short line without final punctuation between paragraphs is a subheading;
//   - otherwise the first paragraph of the body is the lead, as news is written: the lead sums
//     the story up, whether it stands apart before the dateline or opens it. An article of a
//     single paragraph has no lead, only body.
//
// The text is packed by k when there is one (see keeper).
func parse(id, file string, data []byte, k *keeper) (*parsed, error) {
	text, clean, err := decode(data, k)
	if err != nil {
		return nil, err
	}
	if !clean {
		text = sanitize.Text(text)
	}
	a := &model.Article{ID: sanitize.Line(id), File: sanitize.Line(file), Size: int64(len(data))}
	p := &parsed{article: a}

	paras := paragraphs(text, k.paragraphs())
	defer k.keepParagraphs(paras)
	if len(paras) == 0 {
		return nil, errEmpty
	}
	if m := findHeader(paras[0]); m != nil {
		if d, err := time.Parse(time.DateOnly, m[1]); err == nil {
			a.Date = d
		}
		paras[0] = strings.TrimSpace(m[2])
		if paras[0] == "" {
			paras = paras[1:]
		}
	}
	if len(paras) == 0 {
		return nil, errEmpty
	}
	title, lead := splitTitle(paras[0])
	a.Title = trimFinalPeriod(title)
	if lead != "" {
		a.Blocks = append(a.Blocks, model.Block{Kind: model.Lead, Text: lead})
	}
	parseBody(p, paras[1:])

	if p.dateline.Year != 0 && a.Date.IsZero() {
		if d, ok := dateOf(p.dateline.Year, p.dateline.Month, p.dateline.Day); ok {
			a.Date = d
		}
	}
	if a.Date.IsZero() && p.dateline.Day != 0 {
		p.mentionedYears = map[int]int{}
		for _, b := range a.Blocks {
			countYears(b.Text, p.mentionedYears)
		}
	}
	return p, nil
}

// parseBody sorts the paragraphs after the title into credits, dateline, lead, paragraphs and
// subheadings.
func parseBody(p *parsed, paras []string) {
	a := p.article
	credit := make([]bool, len(paras))
	last := -1 // the last paragraph that is text, not a credit
	for i, para := range paras {
		if credit[i] = isCredit(para); !credit[i] {
			last = i
		}
	}
	hasLead := len(a.Blocks) > 0
	a.Blocks = slices.Grow(a.Blocks, len(paras))
	body := 0 // paragraphs and subheadings so far
	datelineFound := false
	var credits map[string]bool // most articles have none
	for i, para := range paras {
		if credit[i] {
			if credits == nil {
				credits = map[string]bool{}
			}
			if !credits[para] {
				credits[para] = true
				a.Credits = append(a.Credits, para)
			}
			continue
		}
		if !datelineFound && body < 3 {
			if dl, rest, ok := parseDateline(para); ok {
				datelineFound = true
				p.dateline = dl
				a.Place, a.Source = dl.Place, dl.Source
				if para = strings.TrimSpace(rest); para == "" {
					continue
				}
			}
		}
		kind := model.Paragraph
		if body > 0 && i < last && isSubheading(para) {
			kind = model.Subheading
		}
		a.Blocks = append(a.Blocks, model.Block{Kind: kind, Text: para})
		body++
	}
	if !hasLead && body > 1 && a.Blocks[0].Kind == model.Paragraph {
		a.Blocks[0].Kind = model.Lead
	}
	if len(a.Blocks) == 0 {
		a.Blocks = nil // an article of credits only has no blocks, as the cache gives it back
	}
}

// paragraphs appends to paras the trimmed, non-empty paragraphs of text: one per line, except
// that a line broken inside a sentence is joined with the line after it within the same
// blank-line block (the first line, header or title, is never joined).
func paragraphs(text string, paras []string) []string {
	var kept [8]string
	lines := kept[:0] // the lines of the paragraph being read
	flush := func() {
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, " "))
			lines = lines[:0]
		}
	}
	for line := range strings.Lines(text) {
		line = trimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if strings.IndexByte(line, '\t') >= 0 {
			line = strings.ReplaceAll(line, "\t", " ") // a tab inside a paragraph is only a gap
		}
		if len(lines) > 0 && !continues(lines[len(lines)-1], line) {
			flush()
		}
		lines = append(lines, line)
		if len(paras) == 0 {
			flush() // the first line, header or title, is a line of its own
		}
	}
	flush()
	return paras
}

// trimSpace is strings.TrimSpace, quicker on lines that open with a Cyrillic letter, which
// strings.TrimSpace leaves to its slow path.
func trimSpace(s string) string {
	start, end := 0, len(s)
	for start < end {
		if c := s[start]; c < utf8.RuneSelf && !isASCIISpace(c) || c == 0xd0 || c == 0xd1 {
			break // not a space: ASCII or a Cyrillic letter
		}
		r, size := utf8.DecodeRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for start < end {
		if c := s[end-1]; c < utf8.RuneSelf && !isASCIISpace(c) {
			break
		}
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return s[start:end]
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// continues reports whether next carries on the sentence prev breaks off: prev has no final
// punctuation and next starts with a lower-case letter.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return !strings.ContainsRune(".!?…:;»\"", last) && unicode.IsLower(first)
}

// splitTitle cuts a title that is really a whole lead paragraph after its first sentence.
// Headlines are short, so only a long line with a sentence break is cut.
func splitTitle(line string) (title, lead string) {
	// A rune takes one to four bytes: count them only when the length leaves it open.
	if len(line) <= 100 || len(line) <= 400 && utf8.RuneCountInString(line) <= 100 {
		return line, ""
	}
	if end := sentenceEnd(line); end > 0 {
		return line[:end], strings.TrimSpace(line[end:])
	}
	return line, ""
}

// sentenceEnd returns the byte offset just past the first sentence of s when another sentence
// follows it, or -1. A sentence ends at ".", "!", "?" or "…" followed by a space and a capital
// letter or an opening quote, unless the word before the full stop is an abbreviation or initial.
func sentenceEnd(s string) int {
	// A byte at a time: the marks are ASCII or start with E2, which no other rune has inside.
	for i := 0; i < len(s); i++ {
		end := i + 1
		switch {
		case s[i] == '.' || s[i] == '!' || s[i] == '?':
		case strings.HasPrefix(s[i:], "…"):
			end = i + len("…")
		default:
			continue
		}
		rest := s[end:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if !unicode.IsUpper(next) && next != '«' && next != '"' {
			continue
		}
		if s[i] == '.' && isAbbreviation(lastWord(s[:i])) {
			continue
		}
		return end
	}
	return -1
}

func lastWord(s string) string {
	return s[strings.LastIndexAny(s, " \u00a0(«\"")+1:]
}

// abbreviations end with a full stop that does not end the sentence ("г. Астана", "млн.").
var abbreviations = map[string]bool{
	"г": true, "гг": true, "им": true, "ул": true, "пр": true, "т": true, "др": true,
	"проф": true, "акад": true, "млн": true, "млрд": true, "тыс": true, "руб": true,
	"долл": true, "обл": true, "р": true, "с": true, "ст": true, "св": true, "см": true,
	"тел": true, "т.е": true, "т.д": true, "т.п": true, "н.э": true, "вв": true, "в": true,
}

// isAbbreviation reports whether word (without its full stop) is a known abbreviation or an
// initial ("К", "К.-Ж").
func isAbbreviation(word string) bool {
	if abbreviations[strings.ToLower(word)] {
		return true
	}
	n := 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n == 1 || (n <= 3 && strings.ContainsAny(word, ".-") && strings.ToUpper(word) == word)
}

// trimFinalPeriod drops the full stop a headline does not need, keeping an ellipsis or the
// stop of an abbreviation: titles never end with a single ".".
func trimFinalPeriod(title string) string {
	body, ok := strings.CutSuffix(title, ".")
	if !ok || strings.HasSuffix(body, ".") || isAbbreviation(lastWord(body)) {
		return title
	}
	return strings.TrimSpace(body)
}

// creditPrefix opens a photo credit, caption, source line or byline.
var creditPrefix = regexp.MustCompile(`^(?:(?i:фото|на фото|photo|видео|video|источник|source|` +
	`иллюстрация|коллаж|инфографика|кадр|редакция|автор фото)(?:\s*(:)|[\s/,.]|$)|©|\((?i:c)\)\s|(?i:copyright)\s)`)

// isCredit reports whether a paragraph is a credit or caption line rather than text: it opens
// like one, is short, and either says so with a colon or "©", or has no final full stop (so
// "Редакция газеты сообщила, что ..." stays text).
func isCredit(para string) bool {
	if !opensLikeCredit(para) {
		return false // cheaper than the regexp, which most paragraphs fail
	}
	m := creditPrefix.FindStringSubmatch(head(para))
	if m == nil || !fewWords(para, 12) || sentenceEnd(para) > 0 {
		return false
	}
	if m[1] != "" || !unicode.IsLetter([]rune(m[0])[0]) {
		return true
	}
	return !strings.HasSuffix(para, ".")
}

// creditOpenings are the openings creditPrefix allows, for a quick test before it runs.
var creditOpenings = []string{"фото", "на фото", "photo", "видео", "video", "источник", "source",
	"иллюстрация", "коллаж", "инфографика", "кадр", "редакция", "автор фото", "©", "(c)", "copyright"}

// creditFirsts are the first letters of creditOpenings, in their order.
var creditFirsts = func() []rune {
	firsts := make([]rune, len(creditOpenings))
	for i, o := range creditOpenings {
		firsts[i], _ = utf8.DecodeRuneInString(o)
	}
	return firsts
}()

// creditInitials are the letters whose lower case is one of creditFirsts ("Ф", "ф"): most
// paragraphs start otherwise.
var creditInitials = func() []rune {
	var initials []rune
	for _, first := range creditFirsts {
		for r := first; ; {
			if unicode.ToLower(r) == first && !slices.Contains(initials, r) {
				initials = append(initials, r)
			}
			if r = unicode.SimpleFold(r); r == first {
				break
			}
		}
	}
	return initials
}()

// oddFolds are the letters that fold to a letter of creditOpenings with another length in
// UTF-8: ſ (s), the Cyrillic variants U+1C80–U+1C88 (ᲂ for о), the Kelvin sign (k). Their
// lead bytes are C5, E1 and E2 84.
const oddFolds = "ſᲀᲁᲂᲃᲄᲅᲆᲇᲈK"

// notCreditFirst marks the runes below U+0500 (where nearly every paragraph starts) that are
// neither in creditInitials nor in oddFolds, for opensLikeCredit to turn them away at once.
var notCreditFirst = func() (t [0x500]bool) {
	for r := range rune(len(t)) {
		t[r] = !slices.Contains(creditInitials, r) && !strings.ContainsRune(oddFolds, r)
	}
	return t
}()

// opensLikeCredit reports whether para may start with one of creditOpenings in any case.
func opensLikeCredit(para string) bool {
	first, _ := utf8.DecodeRuneInString(para)
	if first < rune(len(notCreditFirst)) && notCreditFirst[first] {
		return false
	}
	switch {
	case slices.Contains(creditInitials, first):
		lower := unicode.ToLower(first)
		for i, o := range creditOpenings {
			if creditFirsts[i] == lower && len(para) >= len(o) && strings.EqualFold(para[:len(o)], o) {
				return true
			}
		}
	case !strings.ContainsRune(oddFolds, first):
		return false
	}
	// A letter of oddFolds further on leaves it to the regexp.
	for i := range min(len(para), 48) {
		if c := para[i]; c == 0xc5 || c == 0xe1 || c == 0xe2 && i+1 < len(para) && para[i+1] == 0x84 {
			return true
		}
	}
	return false
}

// isSubheading reports whether a paragraph reads as a heading: a few words, starting with a
// capital, without final punctuation (a question is allowed: "Что дальше?").
func isSubheading(para string) bool {
	// The final punctuation first: it rules out nearly every paragraph.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(para, "»\")"))
	if strings.ContainsRune(".,;:!…-–—", last) {
		return false
	}
	if len(para) > 4*80 || utf8.RuneCountInString(para) > 80 || !fewWords(para, 8) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(para, "«\"("))
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// fewWords reports whether s has at most n words, reading no further than it must.
func fewWords(s string, n int) bool {
	words := 0
	for range strings.FieldsSeq(s) {
		if words++; words > n {
			return false
		}
	}
	return true
}

// dateOf returns the date, or false when the day does not exist in that month and year.
func dateOf(year int, month time.Month, day int) (time.Time, bool) {
	d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return d, d.Day() == day && d.Month() == month
}
