package extract

import (
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
func tokenizeWords(text string, tokens []wordToken, cache *wordCache, particles *bool) []wordToken {
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
		// Most words are lower-case Russian ones: read them without scanWord's cases. What
		// the finder needs of them is their fold, the word as written.
		if end, ok := lowerWordEnd(text, i); ok {
			tokens = appendToken(tokens)
			tok := &tokens[len(tokens)-1]
			tok.start, tok.end, tok.fold, tok.cyrillic = int32(i), int32(end), text[i:end], true
			tok.sentStart, tok.spaceOnly, tok.before = sentenceOpen, spaceOnly, before
			tok.quoted = quoteOpen && (before == '«' || before == '"' || before == '“' || before == '„')
			sentenceOpen, spaceOnly, before = false, true, 0
			if tail--; tail == 0 {
				skip = true
			}
			if i = end; i < len(text) && text[i] == ' ' {
				i++
			}
			continue
		}
		// Other words start with a Cyrillic letter as a rule, decided without decoding it.
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
				case isSpace(r):
					if r == '\n' {
						sentenceOpen = true
					}
				case isDigit(r):
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
			// One at a time near the end.
			if isLowerLetter(text[i], text[i+1]) {
				letters++
				i += 2
				continue
			}
		}
		if wordBreak[text[i]] {
			break // a space or punctuation: the usual end of a word
		}
		if text[i] == 0xD0 && i+1 < len(text) && text[i+1]-0x90 < 0x20 {
			// А…Я inside a word, as in abbreviations ("ЦАРЭС"): what the code below would
			// find, without decoding.
			letters++
			uppers++
			partUppers++
			t.mixedCaps = t.mixedCaps || partUppers > 1
			needFold = true
			i += 2
			continue
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

// lowerWordEnd returns the end of the word at i when it is made of lower-case Russian letters
// other than ё and ends at ASCII punctuation, a space or the end of text, as most words do;
// ok is false for any other word, which scanWord reads.
func lowerWordEnd(text string, i int) (end int, ok bool) {
	start := i
	for i+8 <= len(text) {
		n := lowerLetters(load64(text, i))
		if i += 2 * n; n < 4 {
			break
		}
	}
	if i+8 > len(text) {
		i = lowerTailEnd(text, i) // near the end, one letter at a time
	}
	if i == start {
		return 0, false
	}
	if i == len(text) {
		return i, true
	}
	return i, wordBreak[text[i]]
}

// wordBreak marks the bytes that end a word (see scanWord): ASCII other than letters,
// hyphens and apostrophes.
var wordBreak = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '-' && c != '\'' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z')
	}
	return t
}()

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
	case isPunctuationBlock(r):
		return false
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	switch {
	case r < 0x80:
		return 'A' <= r && r <= 'Z'
	case 0x400 <= r && r <= 0x42F:
		return true
	case 0x430 <= r && r <= 0x45F, isPunctuationBlock(r):
		return false
	}
	return unicode.IsUpper(r)
}

// isSpace and isDigit are unicode.IsSpace and unicode.IsDigit, answered without the tables
// in the General Punctuation block, which holds spaces and no digit.
func isSpace(r rune) bool {
	if isPunctuationBlock(r) {
		return r <= 0x200A || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F
	}
	return unicode.IsSpace(r)
}

func isDigit(r rune) bool { return !isPunctuationBlock(r) && unicode.IsDigit(r) }

// isPunctuationBlock reports whether r is in the General Punctuation block, U+2000…U+206F:
// dashes, quotes and "…", which news text is full of, and no letter. The unicode tables
// answer for them only after a search.
func isPunctuationBlock(r rune) bool { return 0x2000 <= r && r <= 0x206F }

func isCyrillic(r rune) bool {
	return 0x400 <= r && r <= 0x52F || unicode.Is(unicode.Cyrillic, r)
}
