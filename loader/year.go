package loader

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// halfYear is how far a dated article may be from a guessed date and still vouch for its year:
// within half a year only one year fits.
const halfYear = 183 * 24 * time.Hour

// inferYears gives a date to the articles whose only date is a dateline without a year. The
// year is, in order of trust:
//  1. that of the nearest article from the same source with a stated date, if within half a
//     year (agencies publish steadily, and their files tend to come in batches), the later of
//     years as near;
//  2. the year the article's own text mentions most often (the latest of equals, not after now);
//  3. that of the nearest article of any source with a stated date, if within half a year;
//  4. the last time that day came round, as of now.
//
// No guess may lie ahead of now (by more than a day, for time zones): a dateline names a day
// that has come.
func inferYears(ps []*parsed, now time.Time) {
	latest := now.AddDate(0, 0, 1)
	come := func(d time.Time, ok bool) (time.Time, bool) { return d, ok && !d.After(latest) }
	bySource := map[string]*dated{}
	all := &dated{}
	for _, p := range ps {
		if a := p.article; !a.Date.IsZero() && !a.DateInferred {
			if bySource[a.Source] == nil {
				bySource[a.Source] = &dated{}
			}
			bySource[a.Source].add(a.Date)
			all.add(a.Date)
		}
	}
	for _, s := range bySource {
		s.sort()
	}
	all.sort()

	for _, p := range ps {
		a, dl := p.article, p.dateline
		if !a.Date.IsZero() || dl.Day == 0 {
			continue
		}
		var d time.Time
		ok := false
		if s := bySource[a.Source]; s != nil && a.Source != "" {
			d, ok = s.nearest(dl, latest)
		}
		if !ok {
			d, ok = come(mentionedYear(p, now))
		}
		if !ok {
			d, ok = all.nearest(dl, latest)
		}
		if !ok {
			d, ok = lastBefore(dl, now)
		}
		if ok {
			a.Date, a.DateInferred = d, true
		}
	}
}

// dated is a set of stated dates, sorted, with the distinct years among them.
type dated struct {
	dates []time.Time
	years []int
	// guesses holds nearest's answer for each day of the year asked about: many articles
	// share a dateline's day.
	guesses map[dayOfYear]guess
}

type dayOfYear struct {
	month time.Month
	day   int
}

type guess struct {
	date time.Time
	ok   bool
}

func (s *dated) add(d time.Time) { s.dates = append(s.dates, d) }

func (s *dated) sort() {
	slices.SortFunc(s.dates, time.Time.Compare)
	for _, d := range s.dates {
		if n := len(s.years); n == 0 || s.years[n-1] != d.Year() {
			s.years = append(s.years, d.Year())
		}
	}
}

// nearest places dl's day and month in the year, up to latest, that brings it closest to one
// of the dates, if that is within half a year; of years as close, the later. The answer is
// kept per day of the year: latest must not change between calls.
func (s *dated) nearest(dl dateline, latest time.Time) (time.Time, bool) {
	day := dayOfYear{dl.Month, dl.Day}
	if g, seen := s.guesses[day]; seen {
		return g.date, g.ok
	}
	var best time.Time
	bestGap := halfYear + 1
	for _, y := range s.years {
		for _, year := range []int{y - 1, y, y + 1} {
			d, ok := dateOf(year, dl.Month, dl.Day)
			if !ok || d.After(latest) {
				continue
			}
			i, _ := slices.BinarySearchFunc(s.dates, d, time.Time.Compare)
			for _, j := range []int{i - 1, i} {
				if j < 0 || j >= len(s.dates) {
					continue
				}
				if gap := absDuration(s.dates[j].Sub(d)); gap < bestGap || gap == bestGap && d.After(best) {
					best, bestGap = d, gap
				}
			}
		}
	}
	if s.guesses == nil {
		s.guesses = map[dayOfYear]guess{}
	}
	s.guesses[day] = guess{best, bestGap <= halfYear}
	return best, bestGap <= halfYear
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// countYears counts the years text speaks of ("в 2026 году", "2025 г.") into counts.
func countYears(text string, counts map[int]int) {
	// One pass for both markers: look for B3, the second byte of "г" (D0 B3), which no other
	// Russian letter has, then check the bytes around it.
	for off := 0; ; {
		i := strings.IndexByte(text[off:], 0xb3)
		if i < 0 {
			return
		}
		g := off + i - 1 // where "г" starts, if it is one
		off += i + 1
		if g < 0 || text[g] != 0xd0 {
			continue
		}
		if after := text[g+2:]; strings.HasPrefix(after, "од") || strings.HasPrefix(after, ".") {
			if y, ok := yearBefore(text[:g]); ok {
				counts[y]++
			}
		}
	}
}

// yearBefore reads the year 19xx or 20xx that ends s, before optional spaces: "в 2026 " → 2026.
func yearBefore(s string) (int, bool) {
	s = strings.TrimRight(s, " \u00a0")
	if len(s) < 4 {
		return 0, false
	}
	digits := s[len(s)-4:]
	year := 0
	for i := range len(digits) {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, false
		}
		year = year*10 + int(digits[i]-'0')
	}
	if year < 1900 || year > 2099 {
		return 0, false
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-4]); unicode.IsLetter(r) || unicode.IsDigit(r) {
		return 0, false // part of a longer number or word
	}
	return year, true
}

// mentionedYear places dl in the year the article's text mentions most often. The workers
// count the years (parse), so this pass over the corpus stays cheap.
func mentionedYear(p *parsed, now time.Time) (time.Time, bool) {
	best, n := 0, 0
	for y, c := range p.mentionedYears {
		if c > n || (c == n && likelier(y, best, now.Year())) {
			best, n = y, c
		}
	}
	if n == 0 {
		return time.Time{}, false
	}
	return dateOf(best, p.dateline.Month, p.dateline.Day)
}

// likelier breaks a tie between two years mentioned equally often: a year that has come beats
// one still ahead (plans: "до 2030 года"), and of two such the later wins.
func likelier(y, than, thisYear int) bool {
	if (y <= thisYear) != (than <= thisYear) {
		return y <= thisYear
	}
	return y > than
}

// lastBefore places dl in the latest year in which it is not after now.
func lastBefore(dl dateline, now time.Time) (time.Time, bool) {
	for year := now.Year(); year > now.Year()-8; year-- {
		if d, ok := dateOf(year, dl.Month, dl.Day); ok && !d.After(now) {
			return d, true
		}
	}
	return time.Time{}, false
}
