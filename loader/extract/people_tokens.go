package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/ru"
)

// wordToken is one word of a text as the people finder sees it. It takes 48 bytes, with no
// copy of the word (that is text[start:end], see word): the finder reads an article's tokens
// again and again, and smaller ones stay in the processor's cache.
type wordToken struct {
	start, end int32     // byte offsets of the word in its text (an initial includes its dots)
	fold       string    // the word folded (see ru.Fold)
	info       *wordInfo // set for every capitalised word and initial (see peopleFinder.info)
	// before is the last punctuation rune between the previous token and this one, 0 if none.
	before    rune
	upper     bool // starts with an upper-case letter
	allCaps   bool // two or more letters, all upper-case: an abbreviation ("МИД", "РК")
	mixedCaps bool // two capitals in one part: an abbreviation with an ending ("МИДа")
	cyrillic  bool // made of Cyrillic letters (and hyphens)
	initial   bool // one or more initials: "К.", "К.-Ж.", "К.К."
	sentStart bool // first word of a sentence (or of the text)
	quoted    bool // right after an opening quote: the start of a title or a brand
	spaceOnly bool // only spaces separate it from the previous token
}

// word returns the token as written in text ("Кошербаевым", "К.-Ж.").
func (t *wordToken) word(text string) string { return text[t.start:t.end] }

// span returns the byte offsets of the token in its text.
func (t *wordToken) span() [2]int { return [2]int{int(t.start), int(t.end)} }

// tokenizeWords appends the words of text to tokens, keeping hyphenated words whole
// ("Аль-Руми") and gluing initials to their dots, and looks capitalised words up in cache.
// It sets *particles when a name particle stands between name words ("Усама бин Ладен"): only
// then has mergeParticles anything to do. It never fails.
func tokenizeWords(text string, tokens []wordToken, cache wordCache, particles *bool) []wordToken {
	first := len(tokens)
	sentenceOpen := true
	quoteOpen := false
	spaceOnly := false
	var before rune
	i := 0
	skip := true // at the start of a clause: try to skip it whole
	// tail counts the words still to read after a capitalised word: the rules look at most
	// three words ahead (verbFollows), so the rest of a clause with no capital left is skipped.
	tail := -1
	for i < len(text) {
		if skip {
			skip = false
			if end, words, ok := plainClause(text, i); ok {
				if words {
					sentenceOpen = false
				}
				if i = end; i == len(text) {
					break
				}
			}
		}
		if c := text[i]; c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			// ASCII punctuation, space or digit: the common case, decided without decoding.
			switch c {
			case ' ', '\t', '\r':
			case '\n':
				sentenceOpen = true
			case '.', '!', '?':
				sentenceOpen = true
				before, spaceOnly, skip = rune(c), false, true
			case '"':
				quoteOpen = !quoteOpen
				before, spaceOnly, skip = rune(c), false, true
			default:
				if '0' <= c && c <= '9' {
					spaceOnly = false // "Tele2 AB": part of a name, not punctuation
				} else {
					before, spaceOnly, skip = rune(c), false, isClauseBreak(rune(c))
				}
			}
			i++
			continue
		}
		// Most words start with a Cyrillic letter, decided without decoding it.
		if !cyrillicLetterAt(text, i) {
			r, size := decodeRune(text, i)
			if !isLetter(r) {
				switch {
				case r == '.' || r == '!' || r == '?' || r == '…':
					sentenceOpen = true
					before, spaceOnly, skip = r, false, true
				case r == '«' || r == '"' || r == '“' || r == '„':
					quoteOpen = r != '"' || !quoteOpen
					before, spaceOnly, skip = r, false, true
				case r == '»' || r == '”':
					quoteOpen = false
					before, spaceOnly, skip = r, false, true
				case unicode.IsSpace(r):
					if r == '\n' {
						sentenceOpen = true
					}
				case unicode.IsDigit(r):
					spaceOnly = false // "Tele2 AB": part of a name, not punctuation
				default:
					before, spaceOnly, skip = r, false, true
				}
				i += size
				continue
			}
		}
		start := i
		// The token is read in place, at the end of tokens (no copy of it).
		tokens = appendToken(tokens)
		tok := &tokens[len(tokens)-1]
		tok.start, tok.sentStart, tok.spaceOnly, tok.before = int32(start), sentenceOpen, spaceOnly, before
		end, letters := scanWord(text, i, tok)
		tok.end = int32(end)
		if tok.upper {
			tok.info = cache.get(text[start:end])
			tok.fold = tok.info.fold
		}
		tok.quoted = quoteOpen && (before == '«' || before == '"' || before == '“' || before == '„')
		if tok.upper && letters == 1 && end < len(text) && text[end] == '.' {
			end = scanInitials(text, end)
			tok.end, tok.initial = int32(end), true
			tok.fold = ru.Fold(text[start:end])
		}
		if tok.initial && len(tokens) > first+1 {
			// "К.К." split by a space-less dot is one token already; "К. К." is two: glue them.
			if prev := &tokens[len(tokens)-2]; prev.initial && tok.spaceOnly {
				prev.end = int32(end)
				prev.fold = ru.Fold(prev.word(text))
				*tok = wordToken{} // drop this one, and its hold on the text
				tokens = tokens[:len(tokens)-1]
				i = end
				continue
			}
		}
		if !tok.initial {
			sentenceOpen = false
		}
		if tok.upper {
			// tail is 2 when one lower-case word stands between this capital and the one
			// before: the only place a particle may be.
			if tail == 2 && afterParticle(tokens[first:]) {
				*particles = true
			}
			tail = 3
		} else if tail--; tail == 0 {
			skip = true
		}
		spaceOnly, before = true, 0
		if i = end; i < len(text) && text[i] == ' ' {
			i++ // the commonest byte after a word, read here for less than a turn of the loop
		}
	}
	return tokens
}

// afterParticle reports whether the last of tokens, a capitalised word, follows a name
// particle that follows a name word, as "Ладен" in "Усама бин Ладен" (see mergeParticles).
// It stays out of line: inlined, it made tokenizeWords' loop slower (counted with callgrind).
//
//go:noinline
func afterParticle(tokens []wordToken) bool {
	n := len(tokens)
	if n < 3 || !tokens[n-1].spaceOnly {
		return false
	}
	p := &tokens[n-2]
	return !p.upper && p.spaceOnly && len(p.fold) <= len("дель") && isNameWord(&tokens[n-3]) && nameParticles[p.fold]
}

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
// reads a word's letters four at a time (see lowerLetters) and the spaces between one by one.
// It returns where the run ends and whether it held a letter; it stops within the last eight
// bytes of text at the latest, and leaves them to the caller.
func lowerRun(text string, i int) (end int, letters bool) {
	for i+8 <= len(text) {
		if text[i] == ' ' {
			i++
			continue
		}
		n := lowerLetters(load64(text, i))
		if n == 0 {
			break
		}
		letters = true
		i += 2 * n
	}
	return i, letters
}

// load64 reads text[i:i+8] as a little-endian number (the compiler makes it one load).
func load64(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
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

// scanWord returns the end of the word starting at i (letters, and single hyphens or
// apostrophes between letters) and its number of letters, and classifies it into t. It sets
// t.fold for a lower-case word only: the caller folds a capitalised one through wordMemo.
func scanWord(text string, i int, t *wordToken) (end, letters int) {
	uppers, partUppers := 0, 0
	needFold := false
	t.cyrillic = true
	// А…Я, D0 90…AF, start most of the words that matter: read it as the loop below would.
	if i+1 < len(text) && text[i] == 0xD0 && text[i+1]-0x90 < 0x20 {
		t.upper, letters, uppers, partUppers, needFold = true, 1, 1, 1, true
		i += 2
	}
	for i < len(text) {
		// Lower-case Russian letters, most of any text, eight at a time while sixteen bytes
		// are left (see lowerLetters); text[i] is then no such letter. Most words end within
		// eight letters: the loop turns once for them, as a processor guesses best.
		if i+16 <= len(text) {
			n := lowerLetters(load64(text, i))
			n += lowerLetters(load64(text, i+8)) * (n >> 2) // the next four count after four
			letters += n
			if i += 2 * n; n == 8 {
				continue
			}
		} else if i+1 < len(text) {
			// One at a time near the end: а…п are D0 B0…BF, р…я D1 80…8F, so the pair less
			// D0 B0 is below 0x10 or in D0…DF (a bit of 0x2001).
			if k := (uint(text[i])<<8 | uint(text[i+1])) - 0xD0B0; k < 0xE0 && 0x2001>>(k>>4)&1 != 0 {
				letters++
				i += 2
				continue
			}
		}
		if c := text[i]; c < utf8.RuneSelf && c != '-' && c != '\'' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			break // a space or punctuation: the usual end of a word
		}
		r, size := decodeRune(text, i)
		if isLetter(r) {
			up := isUpper(r)
			if letters == 0 {
				t.upper = up
			}
			letters++
			if r == 'ё' {
				needFold = true
			}
			if up {
				needFold = true
				uppers++
				partUppers++
				t.mixedCaps = t.mixedCaps || partUppers > 1
			}
			t.cyrillic = t.cyrillic && isCyrillic(r)
			i += size
			continue
		}
		partUppers = 0
		if (r == '-' || r == '\'' || r == '’') && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if isLetter(next) {
				i += size
				continue
			}
		}
		break
	}
	t.allCaps = letters > 1 && uppers == letters
	switch {
	case t.upper: // folded by the caller
	case needFold:
		t.fold = ru.Fold(text[t.start:i])
	default:
		t.fold = text[t.start:i]
	}
	return i, letters
}

// appendToken extends tokens by one blank token (no word, no flags) and returns them. The
// buffer past its length is blank as a rule (release clears what an article used), and a
// blank token is written only over one left there: a token holds pointers, and while the
// collector runs, copying a whole one in, as append of a token value does, costs a write
// barrier for each. A token left there has a fold, since every word has a letter.
func appendToken(tokens []wordToken) []wordToken {
	n := len(tokens)
	if n == cap(tokens) {
		return append(tokens, wordToken{}) // a fresh buffer, blank past its length
	}
	tokens = tokens[:n+1]
	if t := &tokens[n]; t.fold != "" || t.info != nil {
		*t = wordToken{}
	}
	return tokens
}

// lowerLetters returns how many of the four two-byte characters in x (eight bytes of text,
// read little-endian from a character boundary) are lower-case Russian letters other than ё,
// counted from the first up to the first that is not: а…п are D0 B0…BF, р…я D1 80…8F.
func lowerLetters(x uint64) int {
	// Each 16-bit lane holds a lead byte, then a continuation byte. Less "а" (D0 B0), a lead
	// leaves 0 for D0 and 1 for D1, and a continuation byte leaves 0x for B_ and 3x for 8_;
	// the 3 is cleared where the lead was D1. A letter of the two halves leaves 0 in the bits
	// of 0xF0FE, anything else does not.
	y := x ^ 0xB0D0B0D0B0D0B0D0
	d1 := y & 0x0001000100010001
	y ^= d1<<12 | d1<<13
	return bits.TrailingZeros64(y&0xF0FEF0FEF0FEF0FE) / 16 // 4 when all are
}

// cyrillicLetterAt reports whether text[i:] starts with a letter of the Cyrillic block
// U+0400…U+047F (D0 or D1 and a continuation byte), all of which are letters.
func cyrillicLetterAt(text string, i int) bool {
	return text[i]&^1 == 0xD0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80
}

// decodeRune decodes the rune at text[i], with a fast path for two-byte Cyrillic letters.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[i:])
}

// scanInitials extends an initial that ends at the dot at i over more initials glued to it:
// "К.-Ж.", "К.К.". It returns the end after the last dot.
func scanInitials(text string, i int) int {
	end := i + 1
	for {
		j := end
		if j < len(text) && text[j] == '-' {
			j++
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if size == 0 || !isUpper(r) || j+size >= len(text) || text[j+size] != '.' {
			return end
		}
		if k := j + size + 1; k < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[k:]); isLetter(next) {
				return end // "К.Токаев"? no: a dot inside an abbreviation such as "Т.е."
			}
		}
		end = j + size + 1
	}
}

// isLetter, isUpper and isCyrillic answer for Russian and ASCII text without the unicode
// tables, which dominate the cost of reading text otherwise.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x4FF:
		return r <= 0x481 || r >= 0x48A
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x42F:
		return true
	case 0x430 <= r && r <= 0x45F:
		return false
	}
	return unicode.IsUpper(r)
}

func isCyrillic(r rune) bool {
	return 0x400 <= r && r <= 0x52F || unicode.Is(unicode.Cyrillic, r)
}
