package ui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// byteRange is a half-open range [start, end) of byte offsets into a string.
type byteRange struct{ start, end int }

// wrapText word-wraps plain text (no escape codes) to width cells and appends the lines to out
// as byte ranges of s, so styles keyed by byte offsets apply after wrapping. Lines break at
// spaces, after a hyphen inside a word, and at '\n'; a word wider than the line is cut between
// grapheme clusters. Spaces at a break are dropped. Empty text gives one empty line. Widths come
// from ansi.StringWidth, the one width function of the UI.
func wrapText(s string, width int, out []byteRange) []byteRange {
	width = max(width, 1)
	first := len(out)
	cur, w, open := byteRange{}, 0, false
	flush := func() {
		if open {
			out = append(out, cur)
		}
		open = false
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '\n':
			if !open {
				out = append(out, byteRange{i, i})
			}
			flush()
			i++
			continue
		case ' ':
			i++
			continue
		}
		j := tokenEnd(s, i)
		tw := cellWidth(s[i:j])
		if g := glueDash(s, j); g > j && tw+cellWidth(s[j:g]) <= width {
			j, tw = g, tw+cellWidth(s[j:g])
		}
		if open && w+(i-cur.end)+tw <= width {
			cur.end, w = j, w+(i-cur.end)+tw
			i = j
			continue
		}
		flush()
		// The token starts a line; cut it while it is wider than the line.
		for tw > width {
			n, cw := fitPrefix(s[i:j], width)
			out = append(out, byteRange{i, i + n})
			i, tw = i+n, tw-cw
		}
		if i < j {
			cur, w, open = byteRange{i, j}, tw, true
			i = j
		}
	}
	flush()
	if len(out) == first {
		out = append(out, byteRange{len(s), len(s)})
	}
	return out
}

// tokenEnd returns the end of the word starting at i: the next space or newline, or just after
// a hyphen that joins two parts of a word ("Усть-" | "Каменогорске").
func tokenEnd(s string, i int) int {
	for j := i; j < len(s); {
		switch s[j] {
		case ' ', '\n':
			return j
		case '-':
			if j > i && j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\n' && s[j+1] != '-' {
				return j + 1
			}
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return len(s)
}

// glueDash extends a word ending at j over a following stand-alone dash ("сказал –"), so
// that no line starts with a dash.
func glueDash(s string, j int) int {
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k == j {
		return j
	}
	d := k
	for d < len(s) {
		r, n := utf8.DecodeRuneInString(s[d:])
		if r != '-' && r != '–' && r != '—' {
			break
		}
		d += n
	}
	if d > k && d-k <= 3*utf8.UTFMax && (d == len(s) || s[d] == ' ' || s[d] == '\n') {
		return d
	}
	return j
}

// fitPrefix returns the byte length and width of the longest run of whole grapheme clusters
// at the start of s that fits in width cells; at least one cluster, even a wider one. It stops
// as soon as the line is full, so cutting a huge word (hostile input) costs O(word).
func fitPrefix(s string, width int) (n, w int) {
	for n < len(s) {
		var size, cw int
		if r, rs := utf8.DecodeRuneInString(s[n:]); oneCell(r) && (n+rs == len(s) || oneCell(runeAt(s, n+rs))) {
			size, cw = rs, 1 // a one-cell rune that nothing joins: a cluster on its own
		} else {
			var cluster string
			cluster, cw = ansi.FirstGraphemeCluster(s[n:], ansi.GraphemeWidth)
			size = max(len(cluster), 1)
		}
		if w+cw > width && n > 0 {
			break
		}
		n, w = n+size, w+cw
	}
	return n, w
}

func runeAt(s string, i int) rune {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// cellWidth is ansi.StringWidth with a fast path for words of Latin and Cyrillic letters, one
// cell per rune, which make up nearly all of the text: wrapping a long article measures every word.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		if !oneCell(r) {
			return ansi.StringWidth(s)
		}
		n++
	}
	return n
}

// oneCell reports whether r is a printable rune one cell wide that never joins the rune before
// it: ASCII and Latin-1 (no controls, no soft hyphen), Latin Extended, Cyrillic without its
// combining marks, and common punctuation.
func oneCell(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f:
		return true
	case r >= 0xa0 && r < 0x300:
		return r != 0xad
	case r >= 0x400 && r < 0x530:
		return r < 0x483 || r > 0x489
	case r >= 0x2010 && r <= 0x2027:
		return true
	}
	return false
}
