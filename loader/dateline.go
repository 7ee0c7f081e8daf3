package loader

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateline is what the opening of a news paragraph says about where, when and by whom it was
// written: "МОСКВА, 22 октября. /ТАСС/." or "Астана. 23 февраля. KAZAKHSTAN TODAY -".
type dateline struct {
	Place  string     // normalised case: "Москва"
	Source string     // agency: "ТАСС", "KAZAKHSTAN TODAY", "Reuters"
	Day    int        // 0 when the dateline has no date
	Month  time.Month // 0 when the dateline has no date
	Year   int        // 0 when the date has no year
}

// The parts of a dateline, each anchored at the start of what is left of the paragraph. The
// place (scanPlace) and the separator after the dateline (findEnd) are read without regexps.
var (
	// datelineDate leaves the full stop after the month to the parts that follow.
	datelineDate = regexp.MustCompile(`^[,.]\s*(\d{1,2})\s+(` + monthPattern + `)` +
		`(?:\s+((?:19|20)\d\d)(?:\s*(?:года|г\.?))?)?`)
	datelineNumericDate = regexp.MustCompile(`^[,.]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)`)
	// datelineTagged is a source marked as one: "/ТАСС/", "(Reuters)", "ИА «Казинформ»",
	// "– РИА Новости".
	datelineTagged = regexp.MustCompile(`^[,.]?\s*(?:/\s*([^/\n]{1,40}?)\s*/|\(([^()\n]{1,40}?)\)|` +
		`(?:ИА|Агентство)\s*[«"]([^»"\n]{1,40})[»"]|[-–—]\s*(\p{Lu}[\p{L}\d&-]*(?:\s\p{Lu}[\p{L}\d&-]*){0,2}))`)
	// datelineBare is a source named outright and followed by a dash: "KAZAKHSTAN TODAY -".
	// It is taken only after a date, and not when it reads like a name ("Сергей Лавров -").
	datelineBare = regexp.MustCompile(`^[,.]?\s*(\p{Lu}[\p{L}\d&-]*(?:\s\p{Lu}[\p{L}\d&-]*){0,3})\s*[-–—]\s`)
)

const monthPattern = `(?i:январ[яь]|янв|феврал[яь]|фев|марта?|мар|апрел[яь]|апр|ма[яй]|июн[яь]|июн|` +
	`июл[яь]|июл|августа?|авг|сентябр[яь]|сент?|октябр[яь]|окт|ноябр[яь]|нояб?|декабр[яь]|дек|` +
	`january|february|march|april|may|june|july|august|september|october|november|december|` +
	`jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)`

// monthPrefixes maps the first three letters of a month name, Russian or English, to the month.
var monthPrefixes = map[string]time.Month{
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8,
	"сен": 9, "окт": 10, "ноя": 11, "дек": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// parseDateline reads a dateline at the start of paragraph p and returns it with the text that
// follows it. A dateline is a place followed by a date, a source or both, then a separator.
func parseDateline(p string) (dl dateline, rest string, ok bool) {
	place := scanPlace(head(p))
	if place == "" || utf8.RuneCountInString(place) > 40 {
		return dateline{}, p, false
	}
	dl.Place = normalisePlace(place)
	rest = p[len(place):]

	// Each regexp runs only where its first bytes can match: most paragraphs are no dateline.
	dated := strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ".")
	if m := findDate(dated, rest); m != nil && !startsWithLetter(rest[len(m[0]):]) {
		dl.Day, _ = strconv.Atoi(m[1])
		dl.Month = monthOf(m[2])
		if m[3] != "" { // Atoi would allocate its error
			dl.Year, _ = strconv.Atoi(m[3])
		}
		rest = rest[len(m[0]):]
	} else if m := findNumericDate(dated, rest); m != nil {
		dl.Day, _ = strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		dl.Month = time.Month(month)
		dl.Year, _ = strconv.Atoi(m[3])
		rest = rest[len(m[0]):]
	}
	if dl.Day < 1 || dl.Day > 31 || dl.Month < 1 || dl.Month > 12 {
		dl.Day, dl.Month, dl.Year = 0, 0, 0
	}

	// A source is taken only when a separator follows it; "– Президент заявил" is no source.
	if m := findTagged(rest); m != nil {
		source := normaliseSource(m[1] + m[2] + m[3] + m[4])
		if end := findEnd(head(rest[len(m[0]):])); end != "" && source != "" {
			dl.Source = source
			return dl, rest[len(m[0])+len(end):], true
		}
	}
	if dl.Day == 0 {
		return dateline{}, p, false // a bare source is taken only after a date, and so is an end
	}
	if m := findBare(head(rest)); m != nil && !hasLowerCyrillic(m[1]) {
		dl.Source = normaliseSource(m[1])
		return dl, strings.TrimLeft(rest[len(m[0]):], " "), true
	}
	end := findEnd(head(rest))
	if end == "" {
		return dateline{}, p, false
	}
	return dl, rest[len(end):], true
}

// monthOf returns the month a name datelineDate matched stands for, by its first three letters.
func monthOf(name string) time.Month {
	end := 0
	for range 3 {
		_, size := utf8.DecodeRuneInString(name[end:])
		end += size
	}
	return monthPrefixes[strings.ToLower(name[:end])]
}

func findDate(dated bool, rest string) []string {
	if !dated {
		return nil
	}
	if m := scanDate(head(rest)); m != nil {
		return m
	}
	return datelineDate.FindStringSubmatch(head(rest))
}

// datelineMonths are the month names datelineDate matches, in lower case and in the order its
// alternation tries them: the first one s starts with is the one it takes.
var datelineMonths = []string{
	"января", "январь", "янв", "февраля", "февраль", "фев", "марта", "март", "мар",
	"апреля", "апрель", "апр", "мая", "май", "июня", "июнь", "июн", "июля", "июль", "июл",
	"августа", "август", "авг", "сентября", "сентябрь", "сент", "сен", "октября", "октябрь", "окт",
	"ноября", "ноябрь", "нояб", "ноя", "декабря", "декабрь", "дек",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
}

// scanDate matches datelineDate without the regexp, for a month in lower case as datelines write
// it, returning what FindStringSubmatch would; nil leaves the text to the regexp. The regexp
// costs more than the rest of a dateline's parsing.
func scanDate(s string) []string {
	if s == "" || s[0] != ',' && s[0] != '.' {
		return nil
	}
	day := skipSpaces(s, 1)
	i := day
	for i < len(s) && i-day < 2 && isDigit(s[i]) {
		i++
	}
	dayEnd := i
	if i == day {
		return nil
	}
	if i = skipSpaces(s, i); i == dayEnd {
		return nil // no space after the day, or a third digit
	}
	month := ""
	for _, name := range datelineMonths {
		if strings.HasPrefix(s[i:], name) {
			month = name
			break
		}
	}
	if month == "" {
		return nil
	}
	end := i + len(month)
	year := ""
	// The year and its "года" or "г." are optional.
	if y := skipSpaces(s, end); y > end && y+4 <= len(s) && (s[y:y+2] == "19" || s[y:y+2] == "20") &&
		isDigit(s[y+2]) && isDigit(s[y+3]) {
		year, end = s[y:y+4], y+4
		switch g := skipSpaces(s, end); {
		case strings.HasPrefix(s[g:], "года"):
			end = g + len("года")
		case strings.HasPrefix(s[g:], "г"):
			end = g + len("г")
			if strings.HasPrefix(s[end:], ".") {
				end++
			}
		}
	}
	return []string{s[:end], s[day:dayEnd], month, year}
}

// skipSpaces returns the index of the first byte from i on that is not a space.
func skipSpaces(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// isSpace reports whether c is \s in a regexp.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanPlace reads the place a dateline opens with: one to three capitalised words ("МОСКВА",
// "Нью-Йорк", "НИЖНИЙ НОВГОРОД"), as the regexp datelinePlace in the tests does.
func scanPlace(s string) string {
	first, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return ""
	}
	end := placeWordEnd(s, size)
	if end == size {
		return "" // a place has a letter after its capital
	}
	for range 2 {
		gap, g := utf8.DecodeRuneInString(s[end:])
		capital, c := utf8.DecodeRuneInString(s[end+g:])
		if gap != ' ' && gap != '\u00a0' || !unicode.IsUpper(capital) {
			break
		}
		end = placeWordEnd(s, end+g+c)
	}
	return s[:end]
}

// placeWordEnd returns where the letters, apostrophes and hyphens from i on end.
func placeWordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		i += size
	}
	return i
}

func findNumericDate(dated bool, rest string) []string {
	if !dated {
		return nil
	}
	return datelineNumericDate.FindStringSubmatch(head(rest))
}

// findTagged runs datelineTagged where it can match: after an optional "," or "." and spaces,
// a "/", "(", "ИА", "Агентство" or a dash.
func findTagged(rest string) []string {
	t := rest
	if strings.HasPrefix(t, ",") || strings.HasPrefix(t, ".") {
		t = t[1:]
	}
	t = strings.TrimLeft(t, " \t\n\f\r") // \s of the regexp
	switch {
	case t == "":
		return nil
	case t[0] == '/', t[0] == '(', t[0] == '-', strings.HasPrefix(t, "–"), strings.HasPrefix(t, "—"),
		strings.HasPrefix(t, "ИА"), strings.HasPrefix(t, "Агентство"):
		return datelineTagged.FindStringSubmatch(head(rest))
	}
	return nil
}

// findBare is datelineBare.FindStringSubmatch(s). The regexp's first try, every word as long
// as it goes, is what the agencies write ("KAZAKHSTAN TODAY - "): when it matches it is the
// regexp's answer, found without the regexp, which runs only when it does not.
func findBare(s string) []string {
	i := 0
	if strings.HasPrefix(s, ",") || strings.HasPrefix(s, ".") {
		i = 1
	}
	start := skipSpaces(s, i)
	end, ok := sourceWordEnd(s, start)
	for words := 1; ok && words < 4 && end < len(s) && isSpace(s[end]); words++ {
		next, found := sourceWordEnd(s, end+1)
		if !found {
			break
		}
		end = next
	}
	if ok {
		dash := skipSpaces(s, end)
		if n := dashLen(s[dash:]); n > 0 && dash+n < len(s) && isSpace(s[dash+n]) {
			return []string{s[:dash+n+1], s[start:end]}
		}
	}
	return datelineBare.FindStringSubmatch(s)
}

// sourceWordEnd returns the end of the word of a source's name at s[i:] (\p{Lu}[\p{L}\d&-]*),
// or false when none starts there.
func sourceWordEnd(s string, i int) (int, bool) {
	first, size := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsUpper(first) {
		return i, false
	}
	for i += size; i < len(s); i += size {
		var r rune
		r, size = utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) && !isDigit(s[i]) && r != '&' && r != '-' {
			break
		}
	}
	return i, true
}

// isLetter is unicode.IsLetter, which looks the basic Cyrillic letters up in a table, tried
// on them first.
func isLetter(r rune) bool {
	return 'А' <= r && r <= 'я' || unicode.IsLetter(r)
}

// dashLen is the length of the dash s starts with ("-", "–" or "—"), or 0.
func dashLen(s string) int {
	switch {
	case strings.HasPrefix(s, "-"):
		return 1
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"):
		return len("–")
	}
	return 0
}

// findEnd returns the separator s opens with between a dateline and its text (".", " -",
// ". –", ":"), or "": spaces, then either an optional ".", ":" or ",", spaces and dashes, or a
// "." or ":" alone, then spaces (the regexp datelineEnd in the tests).
func findEnd(s string) string {
	lead := skipSpaces(s, 0)
	i := lead
	if i < len(s) && strings.IndexByte(".:,", s[i]) >= 0 {
		i++
	}
	dashes := skipSpaces(s, i)
	i = dashes
	for n := dashLen(s[i:]); n > 0; n = dashLen(s[i:]) {
		i += n
	}
	switch {
	case i > dashes:
	case lead < len(s) && (s[lead] == '.' || s[lead] == ':'):
		i = lead + 1
	default:
		return ""
	}
	return s[:skipSpaces(s, i)]
}

// hasLowerCyrillic tells a name written in words ("Сергей Лавров") from an agency named without
// marks, which is in capitals or Latin script ("KAZAKHSTAN TODAY", "КАЗИНФОРМ", "Kazinform").
func hasLowerCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) && unicode.IsLower(r) })
}

// head is the opening of s that a dateline fits in, cut at a rune boundary. The regexps see
// only that much: Go's backtracking matcher costs time in proportion to its whole input, even
// when an anchored pattern fails at the first byte.
func head(s string) string {
	const n = 256
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// placeParticles stay lower case inside a place name: "Ростов-на-Дону", "Рио-де-Жанейро".
var placeParticles = map[string]bool{"на": true, "де": true, "ла": true, "дель": true, "да": true, "ду": true}

// normalisePlace turns an all-capitals place into the usual case: "НЬЮ-ЙОРК" → "Нью-Йорк".
// Places already in mixed case are kept as written.
func normalisePlace(place string) string {
	place = strings.ReplaceAll(place, "\u00a0", " ")
	if strings.ContainsFunc(place, func(r rune) bool { return unicode.ToUpper(r) != r }) {
		return place // strings.ToUpper would change it (without allocating to tell)
	}
	var b strings.Builder
	lower := strings.ToLower(place)
	start := true
	for i, r := range lower {
		if r == ' ' || r == '-' {
			start = true
			b.WriteRune(r)
			continue
		}
		if start {
			start = false
			word := lower[i:]
			if end := strings.IndexAny(word, " -"); end >= 0 {
				word = word[:end]
			}
			if i > 0 && placeParticles[word] {
				b.WriteRune(r)
				continue
			}
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normaliseSource trims the marks around an agency name: " ТАСС " → "ТАСС".
func normaliseSource(s string) string {
	return strings.Trim(s, " \u00a0«»\"")
}
