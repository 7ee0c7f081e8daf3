package loader

import (
	"regexp"
	"slices"
	"strconv"
	"time"
)

// halfYear is how far a dated article may be from a guessed date and still vouch for its year:
// within half a year only one year fits.
const halfYear = 183 * 24 * time.Hour

// yearMention is a year the text speaks of: "в 2026 году", "2025 г.".
var yearMention = regexp.MustCompile(`\b((?:19|20)\d\d)\s*(?:год|г\.)`)

// inferYears gives a date to the articles whose only date is a dateline without a year. The
// year is, in order of trust:
//  1. that of the nearest article from the same source with a stated date, if within half a
//     year (agencies publish steadily, and their files tend to come in batches);
//  2. the year the article's own text mentions most often (the latest of equals, not after now);
//  3. that of the nearest article of any source with a stated date, if within half a year;
//  4. the last time that day came round, as of now.
func inferYears(ps []*parsed, now time.Time) {
	bySource := map[string][]time.Time{}
	var all []time.Time
	for _, p := range ps {
		if a := p.article; !a.Date.IsZero() && !a.DateInferred {
			bySource[a.Source] = append(bySource[a.Source], a.Date)
			all = append(all, a.Date)
		}
	}
	for _, dates := range bySource {
		slices.SortFunc(dates, time.Time.Compare)
	}
	slices.SortFunc(all, time.Time.Compare)

	for _, p := range ps {
		a, dl := p.article, p.dateline
		if !a.Date.IsZero() || dl.Day == 0 {
			continue
		}
		var d time.Time
		ok := false
		if a.Source != "" {
			d, ok = nearest(dl, bySource[a.Source])
		}
		if !ok {
			d, ok = mentionedYear(p, now)
		}
		if !ok {
			d, ok = nearest(dl, all)
		}
		if !ok {
			d, ok = lastBefore(dl, now)
		}
		if ok {
			a.Date, a.DateInferred = d, true
		}
	}
}

// nearest places dl's day and month in the year that brings it closest to one of the sorted
// dates, if that is within half a year.
func nearest(dl dateline, dates []time.Time) (time.Time, bool) {
	var best time.Time
	bestGap := halfYear + 1
	for y := range years(dates) {
		for _, year := range []int{y - 1, y, y + 1} {
			d, ok := dateOf(year, dl.Month, dl.Day)
			if !ok {
				continue
			}
			i, _ := slices.BinarySearchFunc(dates, d, time.Time.Compare)
			for _, j := range []int{i - 1, i} {
				if j < 0 || j >= len(dates) {
					continue
				}
				if gap := absDuration(dates[j].Sub(d)); gap < bestGap {
					best, bestGap = d, gap
				}
			}
		}
	}
	return best, bestGap <= halfYear
}

// years yields the distinct years of sorted dates.
func years(dates []time.Time) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i, d := range dates {
			if i > 0 && dates[i-1].Year() == d.Year() {
				continue
			}
			if !yield(d.Year()) {
				return
			}
		}
	}
}

func absDuration(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// mentionedYear places dl in the year the article's text mentions most often.
func mentionedYear(p *parsed, now time.Time) (time.Time, bool) {
	counts := map[int]int{}
	for _, b := range p.article.Blocks {
		for _, m := range yearMention.FindAllStringSubmatch(b.Text, -1) {
			y, _ := strconv.Atoi(m[1])
			counts[y]++
		}
	}
	best, n := 0, 0
	for y, c := range counts {
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
