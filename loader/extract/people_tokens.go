package extract

import (
	"unicode"
	"unicode/utf8"
)

// wordToken is one word of a text as the people finder sees it.
type wordToken struct {
	start, end int    // byte offsets of the word in its text (an initial includes its dots)
	text       string // the word as written ("Кошербаевым", "К.-Ж.")
	upper      bool   // starts with an upper-case letter
	allCaps    bool   // two or more letters, all upper-case: an abbreviation ("МИД", "РК")
	mixedCaps  bool   // two capitals in one part: an abbreviation with an ending ("МИДа")
	cyrillic   bool   // made of Cyrillic letters (and hyphens)
	initial    bool   // one or more initials: "К.", "К.-Ж.", "К.К."
	sentStart  bool   // first word of a sentence (or of the text)
	quoted     bool   // right after an opening quote: the start of a title or a brand
	spaceOnly  bool   // only spaces separate it from the previous token
	// before is the last punctuation rune between the previous token and this one, 0 if none.
	before rune
}

// tokenizeWords splits text into words, keeping hyphenated words whole ("Аль-Руми") and
// gluing initials to their dots. It never allocates per character and never fails.
func tokenizeWords(text string, buf []wordToken) []wordToken {
	tokens := buf[:0]
	sentenceOpen := true
	quoteOpen := false
	spaceOnly := false
	var before rune
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == '…':
				sentenceOpen = true
				before, spaceOnly = r, false
			case r == '«' || r == '"' || r == '“' || r == '„':
				quoteOpen = r != '"' || !quoteOpen
				before, spaceOnly = r, false
			case r == '»' || r == '”':
				quoteOpen = false
				before, spaceOnly = r, false
			case unicode.IsSpace(r):
				if r == '\n' {
					sentenceOpen = true
				}
			default:
				before, spaceOnly = r, false
			}
			i += size
			continue
		}
		start := i
		end := scanWord(text, i)
		tok := wordToken{
			start: start, end: end, text: text[start:end],
			sentStart: sentenceOpen, spaceOnly: spaceOnly || (before == 0 && len(tokens) > 0),
			before: before,
		}
		tok.quoted = quoteOpen && (before == '«' || before == '"' || before == '“' || before == '„')
		classifyToken(&tok)
		if tok.upper && utf8.RuneCountInString(tok.text) == 1 && end < len(text) && text[end] == '.' {
			end = scanInitials(text, end)
			tok.end, tok.text, tok.initial = end, text[start:end], true
		}
		if tok.initial && len(tokens) > 0 {
			// "К.К." split by a space-less dot is one token already; "К. К." is two: glue them.
			if prev := &tokens[len(tokens)-1]; prev.initial && tok.spaceOnly {
				prev.end, prev.text = end, text[prev.start:end]
				i = end
				continue
			}
		}
		tokens = append(tokens, tok)
		if !tok.initial {
			sentenceOpen = false
		}
		spaceOnly, before = true, 0
		i = end
	}
	return tokens
}

// scanWord returns the end of the word starting at i: letters, and single hyphens or
// apostrophes between letters.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			i += size
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.IsLetter(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
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
		if size == 0 || !unicode.IsUpper(r) || j+size >= len(text) || text[j+size] != '.' {
			return end
		}
		if k := j + size + 1; k < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsLetter(next) {
				return end // "К.Токаев"? no: a dot inside an abbreviation such as "Т.е."
			}
		}
		end = j + size + 1
	}
}

func classifyToken(t *wordToken) {
	letters, uppers, partUppers := 0, 0, 0
	t.cyrillic = true
	for j, r := range t.text {
		if !unicode.IsLetter(r) {
			partUppers = 0
			continue
		}
		if unicode.IsUpper(r) {
			partUppers++
			if partUppers > 1 {
				t.mixedCaps = true
			}
		}
		letters++
		if unicode.IsUpper(r) {
			uppers++
			if j == 0 {
				t.upper = true
			}
		}
		if !unicode.Is(unicode.Cyrillic, r) {
			t.cyrillic = false
		}
	}
	t.allCaps = letters > 1 && uppers == letters
}
