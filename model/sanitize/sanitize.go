// Package sanitize makes untrusted text safe to print on a terminal. It is the one sanitiser of
// dispatch: the loader applies it where text enters (article text, file names) and the UI and
// plain output apply it again where text leaves, so no path can skip it.
//
// Characters a terminal would act on instead of showing — C0 and C1 control codes, DEL, bidi
// overrides and isolates, zero-width characters, line and paragraph separators — become visible
// placeholders: C0 codes and DEL their Unicode Control Pictures (ESC is "␛", so "\x1b[2J" reads
// "␛[2J"), the others "⟨U+202E⟩". Bytes that are not valid UTF-8 become U+FFFD, since a raw
// byte 0x9B is a CSI to an 8-bit terminal. Printable text passes through unchanged.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Text returns s with control codes replaced by visible placeholders, keeping newlines and
// tabs. It returns s itself, without allocating, when s has nothing to replace.
func Text(s string) string { return clean(s, false) }

// Line is Text for single-line contexts (list rows, file names in messages): it also replaces
// newlines and tabs, with "␊" and "␉".
func Line(s string) string { return clean(s, true) }

func clean(s string, oneLine bool) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafeASCII(c, oneLine) {
				return rewrite(s, i, oneLine)
			}
			i++
			continue
		}
		if safeTwoBytes(s, i) {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return rewrite(s, i, oneLine)
		}
		i += size
	}
	return s
}

// safeTwoBytes reports whether s[i:] opens with a valid two-byte sequence of a rune that is
// never unsafe: U+00C0 to U+07FF except U+0600–U+063F (which holds U+061C). Cyrillic text is
// all such runes, so this skips decoding it rune by rune.
func safeTwoBytes(s string, i int) bool {
	c := s[i]
	return c >= 0xc3 && c <= 0xdf && c != 0xd8 && i+1 < len(s) && s[i+1]&0xc0 == 0x80
}

// rewrite builds the sanitised copy of s, whose first unsafe character is at byte from.
func rewrite(s string, from int, oneLine bool) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	safe := 0 // start of the run of safe text not yet copied
	for i := from; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if unsafeASCII(c, oneLine) {
				b.WriteString(s[safe:i])
				b.WriteRune(picture(c))
				safe = i + 1
			}
			i++
			continue
		}
		if safeTwoBytes(s, i) {
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			b.WriteString(s[safe:i])
			if size == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				writeCodePoint(&b, r)
			}
			safe = i + size
		}
		i += size
	}
	b.WriteString(s[safe:])
	return b.String()
}

func unsafeASCII(c byte, oneLine bool) bool {
	if c == '\n' || c == '\t' {
		return oneLine
	}
	return c < 0x20 || c == 0x7f
}

// unsafeRune reports the non-ASCII runes a terminal acts on or hides: C1 controls, bidi
// embeddings, overrides, isolates and marks, zero-width characters, line and paragraph
// separators, and the byte-order mark.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1 controls (CSI, OSC, ...)
		return true
	case r >= 0x200b && r <= 0x200f: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x2028 && r <= 0x202e: // line/paragraph separators, bidi embeddings and overrides
		return true
	case r >= 0x2060 && r <= 0x2069: // word joiner, invisible operators, bidi isolates
		return true
	case r == 0x061c, r == 0xfeff: // Arabic letter mark, BOM / zero-width no-break space
		return true
	}
	return false
}

// picture returns the Unicode Control Picture for an ASCII control code.
func picture(c byte) rune {
	if c == 0x7f {
		return '␡'
	}
	return 0x2400 + rune(c)
}

func writeCodePoint(b *strings.Builder, r rune) {
	const hex = "0123456789ABCDEF"
	b.WriteString("⟨U+")
	for shift := 12; shift >= 0; shift -= 4 {
		b.WriteByte(hex[(r>>shift)&0xf])
	}
	b.WriteString("⟩")
}
