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

// The parts of a dateline, each anchored at the start of what is left of the paragraph.
var (
	// datelinePlace is one to three capitalised words: "МОСКВА", "Нью-Йорк", "НИЖНИЙ НОВГОРОД".
	datelinePlace = regexp.MustCompile(`^\p{Lu}[\p{L}'’-]+(?:[ \x{a0}]\p{Lu}[\p{L}'’-]*){0,2}`)
	// datelineDate leaves the full stop after the month to the parts that follow.
	datelineDate = regexp.MustCompile(`^[,.]\s*(\d{1,2})\s+(` + monthPattern + `)` +
		`(?:\s+((?:19|20)\d\d)(?:\s*(?:г\.?|года))?)?`)
	datelineNumericDate = regexp.MustCompile(`^[,.]\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)`)
	// datelineTagged is a source marked as one: "/ТАСС/", "(Reuters)", "ИА «Казинформ»",
	// "– РИА Новости".
	datelineTagged = regexp.MustCompile(`^[,.]?\s*(?:/\s*([^/\n]{1,40}?)\s*/|\(([^()\n]{1,40}?)\)|` +
		`(?:ИА|Агентство)\s*[«"]([^»"\n]{1,40})[»"]|[-–—]\s*(\p{Lu}[\p{L}\d&-]*(?:\s\p{Lu}[\p{L}\d&-]*){0,2}))`)
	// datelineBare is a source named outright and followed by a dash: "KAZAKHSTAN TODAY -".
	// It is taken only after a date, and not when it reads like a name ("Сергей Лавров -").
	datelineBare = regexp.MustCompile(`^[,.]?\s*(\p{Lu}[\p{L}\d&-]*(?:\s\p{Lu}[\p{L}\d&-]*){0,3})\s*[-–—]\s`)
	// datelineEnd separates the dateline from the text: ".", " -", ". –", ":".
	datelineEnd = regexp.MustCompile(`^\s*(?:[.:,]?\s*[-–—]+|[.:])\s*`)
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
	place := datelinePlace.FindString(head(p))
	if place == "" || utf8.RuneCountInString(place) > 40 {
		return dateline{}, p, false
	}
	dl.Place = normalisePlace(place)
	rest = p[len(place):]

	// Each regexp runs only where its first bytes can match: most paragraphs are no dateline.
	dated := strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ".")
	if m := findDate(dated, rest); m != nil && !startsWithLetter(rest[len(m[0]):]) {
		dl.Day, _ = strconv.Atoi(m[1])
		dl.Month = monthPrefixes[strings.ToLower(string([]rune(m[2])[:3]))]
		dl.Year, _ = strconv.Atoi(m[3])
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
		if end := datelineEnd.FindString(head(rest[len(m[0]):])); end != "" && source != "" {
			dl.Source = source
			return dl, rest[len(m[0])+len(end):], true
		}
	}
	if dl.Day == 0 {
		return dateline{}, p, false // a bare source is taken only after a date, and so is an end
	}
	if m := datelineBare.FindStringSubmatch(head(rest)); m != nil && !hasLowerCyrillic(m[1]) {
		dl.Source = normaliseSource(m[1])
		return dl, strings.TrimLeft(rest[len(m[0]):], " "), true
	}
	end := datelineEnd.FindString(head(rest))
	if end == "" {
		return dateline{}, p, false
	}
	return dl, rest[len(end):], true
}

// datelineDateCased is datelineDate for a month in lower case, as datelines write it: matching
// case-sensitively is several times faster, and where it matches datelineDate matches the same.
var datelineDateCased = regexp.MustCompile(strings.Replace(datelineDate.String(), "(?i:", "(?:", 1))

func findDate(dated bool, rest string) []string {
	if !dated {
		return nil
	}
	if m := datelineDateCased.FindStringSubmatch(head(rest)); m != nil {
		return m
	}
	return datelineDate.FindStringSubmatch(head(rest))
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
	if strings.ToUpper(place) != place {
		return place
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
