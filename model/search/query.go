package search

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Qualifiers a query understands, as typed before the colon.
const (
	QualPerson  = "person"
	QualCountry = "country"
	QualOrg     = "org"
	QualSource  = "source"
	QualSince   = "since"
	QualUntil   = "until"
)

var qualifiers = []string{QualPerson, QualCountry, QualOrg, QualSource, QualSince, QualUntil}

// Term is one part of a query: a plain word or a qualifier with its value.
type Term struct {
	Qualifier string // one of the Qual constants, "" for a plain word
	Value     string // as typed, without quotes
	// Problem says why the term was ignored or read as plain text, "" when it is fine.
	Problem string
}

// String writes the term back as it can be typed.
func (t Term) String() string {
	v := t.Value
	if strings.ContainsFunc(v, unicode.IsSpace) {
		v = `"` + v + `"`
	}
	if t.Qualifier == "" {
		return v
	}
	return t.Qualifier + ":" + v
}

// Query is a parsed query: plain words, entity and source qualifiers and a date range.
type Query struct {
	Terms []Term   // every part in the order typed, for chips
	Words []string // plain words (including unknown qualifiers, read as text)
	// Since and Until bound the article date: Since ≤ date < Until; zero when unset.
	Since, Until time.Time
	Problems     []string
}

// Empty reports whether the query asks for nothing: no words, no qualifiers.
func (q Query) Empty() bool {
	if len(q.Words) > 0 || !q.Since.IsZero() || !q.Until.IsZero() {
		return false
	}
	for _, t := range q.Terms {
		if t.Qualifier != "" && t.Problem == "" {
			return false
		}
	}
	return true
}

// values returns the values of the well-formed qualifiers named qual, each once.
func (q Query) values(qual string) []string {
	var out []string
	seen := map[string]bool{} // a pasted query may repeat a qualifier many times
	for _, t := range q.Terms {
		if t.Qualifier == qual && t.Problem == "" && !seen[t.Value] {
			seen[t.Value] = true
			out = append(out, t.Value)
		}
	}
	return out
}

// ParseQuery splits s into words and qualifiers (person:, country:, org:, source:, since:,
// until:). Values may be quoted: person:"Ермек Кошербаев". Dates are YYYY, YYYY-MM or
// YYYY-MM-DD; until: includes the whole period it names. Bad parts are reported in Problems
// and never fail the parse: an unknown qualifier is read as plain text.
func ParseQuery(s string) Query {
	var q Query
	for _, tok := range tokenize(s) {
		q.add(tok)
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && !q.Since.Before(q.Until) {
		q.Problems = append(q.Problems, "since: is after until:, so no date can match")
	}
	return q
}

// token is a whitespace-separated part of a query, with the quotes taken off.
type token struct {
	qual, value string
	quoted      bool
	unclosed    bool
}

func tokenize(s string) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		var t token
		start := i
		// A qualifier is letters then a colon.
		j := i
		for j < len(rs) && unicode.IsLetter(rs[j]) {
			j++
		}
		if j > i && j < len(rs) && rs[j] == ':' {
			t.qual = strings.ToLower(string(rs[i:j]))
			i = j + 1
		}
		if i < len(rs) && (rs[i] == '"' || rs[i] == '«') {
			closing := '"'
			if rs[i] == '«' {
				closing = '»'
			}
			end := i + 1
			for end < len(rs) && rs[end] != closing {
				end++
			}
			t.value, t.quoted = string(rs[i+1:end]), true
			t.unclosed = end == len(rs)
			i = min(end+1, len(rs))
		} else {
			end := i
			for end < len(rs) && !unicode.IsSpace(rs[end]) {
				end++
			}
			t.value = string(rs[i:end])
			i = end
		}
		if t.qual != "" && !isQualifier(t.qual) {
			// Unknown: the whole token is text ("foo:bar").
			t.value = string(rs[start:i])
		}
		out = append(out, t)
	}
	return out
}

func isQualifier(s string) bool {
	for _, q := range qualifiers {
		if q == s {
			return true
		}
	}
	return false
}

func (q *Query) add(t token) {
	term := Term{Qualifier: t.qual, Value: strings.TrimSpace(t.value)}
	if t.unclosed {
		q.Problems = append(q.Problems, fmt.Sprintf("%s: closing quote added", term.String()))
	}
	switch {
	case term.Qualifier != "" && !isQualifier(term.Qualifier):
		term.Problem = fmt.Sprintf("%s: is not a qualifier (try %s:), searched as text",
			term.Qualifier, strings.Join(qualifiers, ":, "))
		term.Qualifier = ""
		q.Problems = append(q.Problems, term.Problem)
		q.Words = append(q.Words, splitWords(term.Value)...)
	case term.Value == "" && term.Qualifier != "":
		term.Problem = fmt.Sprintf("%s: needs a value, e.g. %s", term.Qualifier, example(term.Qualifier))
		q.Problems = append(q.Problems, term.Problem)
	case term.Value == "":
		return
	case term.Qualifier == QualSince || term.Qualifier == QualUntil:
		from, to, ok := parsePeriod(term.Value)
		if !ok {
			term.Problem = fmt.Sprintf("%s:%s is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)",
				term.Qualifier, term.Value)
			q.Problems = append(q.Problems, term.Problem)
		} else if term.Qualifier == QualSince {
			if q.Since.IsZero() || from.After(q.Since) {
				q.Since = from
			}
		} else if q.Until.IsZero() || to.Before(q.Until) {
			q.Until = to
		}
	case term.Qualifier == "":
		q.Words = append(q.Words, splitWords(term.Value)...)
	}
	q.Terms = append(q.Terms, term)
}

func example(qual string) string {
	switch qual {
	case QualPerson:
		return `person:"Ермек Кошербаев"`
	case QualCountry:
		return "country:Франция"
	case QualOrg:
		return "org:МАГАТЭ"
	case QualSource:
		return "source:ТАСС"
	case QualSince:
		return "since:2025-11"
	}
	return "until:2026-01"
}

// splitWords splits text into the words a search matches, as keys see them.
func splitWords(s string) []string {
	return strings.Fields(string(appendKey(nil, s)))
}

// parsePeriod reads YYYY, YYYY-MM or YYYY-MM-DD as the period [from, to).
func parsePeriod(s string) (from, to time.Time, ok bool) {
	for _, l := range []struct {
		layout string
		y, m   int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.y == 0 && l.m == 0 {
			return t, t.AddDate(0, 0, 1), true
		}
		return t, t.AddDate(l.y, l.m, 0), true
	}
	return time.Time{}, time.Time{}, false
}
