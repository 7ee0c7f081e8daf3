package extract

import (
	"unicode"
	"unicode/utf8"
)

// Skipping plain clauses: most of a news text is lower-case clauses in which no name starts
// and no rule looks, read here a byte class at a time instead of word by word.

// isClauseBreak reports whether punctuation ends a clause for the people finder: a role
// before a name never reaches across it (see boundaryAfter), nor does any other rule.
func isClauseBreak(r rune) bool { return r != '(' && r != ')' && r != '-' }

// plainClause looks at the clause starting at i, right after a clause break (or the rest of a
// clause, three words after its last capital so far): if it holds no capital letter before the
// next clause break, no name can start in it and no rule looks into it, so tokenizeWords skips
// it. It returns the offset of that break (or the end of
// text), whether the clause had words, and ok; ok is false when the clause has a capital or
// anything the byte scan does not know, and the clause must be read word by word.
func plainClause(text string, i int) (end int, words, ok bool) {
	byByte := 0 // read byte by byte up to here
	for i < len(text) {
		if i >= byByte {
			end, letters := lowerRun(text, i)
			words = words || letters
			// Something else stands at end: read its next eight bytes (Latin, digits) one by
			// one before trying again.
			if i, byByte = end, end+8; i == len(text) {
				break
			}
		}
		switch byteClass[text[i]] {
		case classLower:
			words = true
			i++
		case classBlank:
			i++
		case classStop:
			return 0, false, false
		case classPunct:
			return i, words, hardBreak(text, i)
		case classD0: // а…п are D0 B0…BF
			if i+1 < len(text) && 0xB0 <= text[i+1] && text[i+1] <= 0xBF {
				words = true
				i += 2
				continue
			}
			return 0, false, false
		case classD1: // р…я, ё and the rest of the lower case are D1 80…9F
			if i+1 < len(text) && 0x80 <= text[i+1] && text[i+1] <= 0x9F {
				words = true
				i += 2
				continue
			}
			return 0, false, false
		default:
			r, size := decodeRune(text, i)
			switch {
			case isLetter(r) || r == '\n':
				return 0, false, false
			case unicode.IsSpace(r) || unicode.IsDigit(r):
				i += size
			default:
				return i, words, hardBreak(text, i)
			}
		}
	}
	return i, words, true
}

// lowerRun skips the run of spaces and lower-case Russian letters other than ё (а…п are D0
// B0…BF, р…я D1 80…8F) that starts at i, a character boundary: the bulk of a news text. It
// reads a word's letters four at a time (see lowerLetters), and a space after them in the
// same step. It returns where the run ends and whether it held a letter; it stops within the
// last eight bytes of text at the latest, and leaves them to the caller.
func lowerRun(text string, i int) (end int, letters bool) {
	read := 0 // letters read, if not 0
	for i+8 <= len(text) {
		n := lowerLetters(load64(text, i))
		read |= n
		if i += 2 * n; n < 4 {
			// Something else stands at i, within the eight bytes read: a space goes on with
			// the run.
			if text[i] != ' ' {
				break
			}
			i++
		}
	}
	return i, read != 0
}

// Byte classes for plainClause.
const (
	classOther = iota // a byte to decode
	classLower        // ASCII a…z
	classBlank        // space, tab, digits, and "(", ")", "-", which do not end a clause
	classStop         // a capital or a line break: the clause must be read word by word
	classPunct        // other ASCII punctuation: a clause break
	classD0           // the first byte of а…п, or of a capital
	classD1           // the first byte of р…я
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 0x80; c++ {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = classLower
		case c == ' ' || c == '\t' || c == '\r' || '0' <= c && c <= '9' || c == '(' || c == ')' || c == '-':
			t[c] = classBlank
		case c == '\n' || 'A' <= c && c <= 'Z':
			t[c] = classStop
		default:
			t[c] = classPunct
		}
	}
	t[0xD0], t[0xD1] = classD0, classD1
	return t
}()

// hardBreak reports whether the punctuation from i up to the next word ends in a clause break,
// so the next word cannot look back past it: ", (Иванов" does not.
func hardBreak(text string, i int) bool {
	last := rune(0)
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			// ASCII space, digit or punctuation, ", " most often: decided without decoding.
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && !('0' <= c && c <= '9') {
				last = rune(c)
			}
			i++
			continue
		}
		r, size := decodeRune(text, i)
		if isLetter(r) {
			break
		}
		if !unicode.IsSpace(r) && !unicode.IsDigit(r) {
			last = r
		}
		i += size
	}
	return last != 0 && isClauseBreak(last)
}
