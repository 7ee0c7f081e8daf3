package extract

import (
	"math/bits"
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
			case isSpace(r) || isDigit(r):
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
// reads eight bytes a turn, spaces and letters alike, so that the loop ends where the run does
// (most often at a clause's punctuation or a capital), not at the end of every word. It returns
// where the run ends and whether it held a letter; it stops within the last nine bytes of
// text at the latest, and leaves them to the caller.
func lowerRun(text string, i int) (end int, letters bool) {
	var read uint64  // the lanes that led letters, if any
	var carry uint64 // 0x80 when the byte at i ends a letter led by the byte before
	for i+9 <= len(text) {
		x := load64(text, i)
		notLeads := notLetterLeads(x, load64(text, i+1))
		leads := notLeads ^ lanes
		// Neither a letter's lead, nor a space, nor a letter's second byte.
		other := notLeads & nonzeroLanes(x^0x2020_2020_2020_2020) &^ (leads<<8 | carry)
		if other != 0 {
			// The run ends in this lane: never a letter's second byte, which follows a lead.
			n := bits.TrailingZeros64(other) / 8
			read |= leads & (1<<(8*n) - 1)
			return i + n, read != 0
		}
		read |= leads
		carry = leads >> 56
		i += 8
	}
	if carry != 0 {
		i-- // the last letter's lead: its second byte is left to read
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
		c := text[i]
		if gap := asciiGap[c]; gap != gapNone {
			// ASCII space, digit or punctuation, ", " most often: decided without decoding,
			// and without a branch on which of them.
			if gap == gapPunct {
				last = rune(c)
			}
			i++
			continue
		}
		if cyrillicLetterAt(text, i) {
			break // the next word, as a rule
		}
		r, size := decodeRune(text, i)
		if isLetter(r) {
			break
		}
		if !isSpace(r) && !isDigit(r) {
			last = r
		}
		i += size
	}
	return last != 0 && isClauseBreak(last)
}

// Kinds of bytes for hardBreak.
const (
	gapNone  = iota // an ASCII letter or a byte of another rune
	gapSpace        // ASCII white space or a digit
	gapPunct        // other ASCII
)

var asciiGap = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case c == ' ' || '\t' <= c && c <= '\r' || '0' <= c && c <= '9':
			t[c] = gapSpace
		default:
			t[c] = gapPunct
		}
	}
	return t
}()
