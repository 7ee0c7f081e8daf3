package extract

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/dispatch-news/dispatch/model/ru"
)

// Countries and organisations are found in one pass over the bytes of an article's texts: they
// are split into words, every word is folded once, and the words a name may start at are listed
// as they go. Most words are common words in lower case, ruled out by a few byte loads (see
// skipCommonWords and mayStartName) and not even recorded; the finders look up only the listed
// ones in the gazetteer maps model/ru builds at start-up.

// maxPhrase bounds the words a multi-word name may span ("Организация Договора о коллективной
// безопасности" is five; the longest names in the tables are under ten).
const maxPhrase = 12

// word is one word of a text: letters and digits, with inner hyphens ("казахско-мексиканского").
// The scan writes one for every word of every article, so it is kept small and free of pointers:
// 20 bytes (files are read up to a cap far below 2 GiB, so 32 bits hold any offset), its folded
// form found through fold.
type word struct {
	text       int32 // the index of its text in the scan's texts
	start, end int32 // byte offsets into the text
	foldAt     int32 // where the folded word starts in the scan's folded; -1: it is folded as written
	// joined is set when only spaces separate the word from the previous one, so a multi-word
	// name may run across the gap. The first word of a text is never joined.
	joined bool
	// sentenceStart is set for the first word of a sentence, where any word is capitalised.
	sentenceStart bool
	hyphen        bool // the word has an inner hyphen
	// phraseStart is set when a multi-word name may start at the word (see ru.MayStartPhrase),
	// which is then listed in the scan's starts too.
	phraseStart bool
}

// scan is the texts of one article split into words, shared by the country and organisation
// passes.
type scan struct {
	texts []string
	words []word // reused from article to article
	// starts lists the few words a name may start at (see mayStartName), in order: the
	// finders look at no other.
	starts []int32
	buf    []byte // the folded forms of the words that change when folded, end to end
	// folded is buf seen as a string once every text is split, without a copy: buf is not
	// written again until the next article, and no fold outlives the finders' pass over it.
	folded string
	// keepAll keeps every word, even those no rule reads (see split): tests compare with it.
	keepAll bool
}

// reset splits the texts of an article into words, reusing the scan's buffers. Most words are
// in lower case already: their folded form is the text itself. The others are folded into a
// copy, read as one string once every text is split.
func (s *scan) reset(texts []string) {
	s.texts = texts
	s.words, s.starts, s.buf, s.folded = s.words[:0], s.starts[:0], s.buf[:0], ""
	for t, text := range texts {
		s.split(t, text)
	}
	if len(s.buf) > 0 {
		s.folded = unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
	}
}

// split appends the words of texts[t] in one pass over its bytes. It keeps only the words a
// rule may read: those a name may start at, every word that is not a plain one (in lower case
// and not a country adjective) and, after a word a name may start at, the words joined to it
// that a name or the rules looking ahead from one may span (see reachAfter). A rule looking back
// from a name reads only the word before it when joined, and only when that word is capitalised
// or a country adjective; a word after a dropped one is therefore marked not joined.
func (s *scan) split(t int, text string) {
	prevEnd := -1
	// reach is how many more words joined to the last word a name may start at are kept;
	// dropped is set when the word before the next kept one was dropped.
	reach, dropped := 0, false
	for i := 0; i < len(text); {
		if reach == 0 && !s.keepAll {
			next, lastEnd := skipCommonWords(text, i)
			if i = next; lastEnd >= 0 {
				prevEnd, dropped = lastEnd, true
			}
		}
		if i == len(text) {
			break
		}
		if c := text[i]; c < utf8.RuneSelf && asciiFold[c] == 0 {
			i++ // spaces and punctuation
			continue
		}
		start := i
		end, foldFrom, foldTo, hyphen := wordAt(text, i)
		if end == start { // another rune that is neither a letter nor a digit: «, —
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		i = end
		written := text[start:end]
		// The common case, decided first: a capital in ASCII or Cyrillic would make the word
		// fold, so a plain word is in lower case and may be a name only as a country adjective.
		plain := foldFrom == foldTo && !hyphen && !otherScript(written[0])
		var cw ru.CountryWord
		countryWord := false
		if plain {
			cw, countryWord = ru.CountryWordOf(written)
		}
		// A rule may read any other word wherever it stands, a plain one only within reach.
		read := !plain || countryWord || s.keepAll
		if !read && reach == 0 {
			prevEnd, dropped = end, true
			continue
		}
		joined, sentenceStart := gapKind(text, prevEnd, start)
		prevEnd = end
		if !joined {
			reach = 0
		}
		if !read && reach == 0 {
			dropped = true
			continue
		}
		w := word{text: int32(t), start: int32(start), end: int32(end), foldAt: -1,
			joined: joined && !dropped, sentenceStart: sentenceStart, hyphen: hyphen}
		dropped = false
		mayStart := countryWord
		// adjective is set when a name starting here may be a country adjective, whose rules
		// read the words after it; a hyphenated word may be one in part.
		adjective := countryWord && cw.Kind == ru.CountryAdjective
		switch {
		case foldFrom < foldTo:
			w.foldAt = int32(len(s.buf))
			s.buf = appendFolded(s.buf, written, foldFrom-start, foldTo-start)
			// mayStartName's answer or more (its lookups want the fold as a string): the
			// finders check every word listed.
			name, phrase, adjectiveForm := ru.NameStartIn(s.buf[w.foldAt:])
			mayStart = hyphen || name || mayBeAbbreviation(written)
			w.phraseStart = mayStart && phrase
			adjective = mayStart && (hyphen || adjectiveForm)
		case !plain:
			mayStart = mayStartName(written, hyphen)
			adjective = mayStart
			fallthrough
		default:
			w.phraseStart = mayStart && ru.MayStartPhrase(written)
		}
		reach = max(reach-1, 0)
		if mayStart {
			s.starts = append(s.starts, int32(len(s.words)))
			reach = max(reach, reachAfter(w.phraseStart, adjective))
		}
		s.words = append(s.words, w)
	}
}

// reachAfter returns how many words joined to a word a name may start at the rules may read
// after it: those of a multi-word name when one may start there, else those a country
// adjective's rules read ("китайского языка", "российской государственной нефтяной компании").
// After any other name (a country's, "Казахстан", or an organisation's) no rule reads on, and a
// word after it is read only when it may be a name itself, and kept as such.
func reachAfter(phraseStart, adjective bool) int {
	switch {
	case phraseStart:
		return maxPhrase - 1
	case adjective:
		return ru.StateNounReach
	}
	return 0
}

// skipCommonWords skips, from text[i], the words no rule reads unless a name was found just
// before: words of letters а..я only that are not country words (see split), the bulk of a
// text, with the spaces and ASCII punctuation around them. It returns where the first other
// word starts (or the end of text) and the end of the last word skipped, -1 when none was.
// It is a loop of its own, with little to keep across its calls: in split, all of split's
// state would be saved and restored around them.
func skipCommonWords(text string, i int) (next, lastEnd int) {
	lastEnd = -1
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiFold[c] == 0 {
			i++
			continue
		}
		end := lowerRunEnd(text, i)
		if end == i || end < len(text) && !endsWord(text[end]) {
			break
		}
		if _, country := ru.CountryWordOf(text[i:end]); country {
			break
		}
		i, lastEnd = end, end
		if i < len(text) && text[i] == ' ' {
			i++ // the common gap, passed without another turn of the loop
		}
	}
	return i, lastEnd
}

// phrase returns the folded words a name starting at word i may span, those joined to it by
// spaces only, up to limit (at most maxPhrase), in buf: callers pass an array on their stack,
// which holds the strings without the garbage collector's write barriers.
func (s *scan) phrase(i, limit int, buf *[maxPhrase]string) []string {
	n := 0
	for j := i; j < len(s.words) && n < limit && (j == i || s.words[j].joined); j++ {
		buf[n] = s.fold(j)
		n++
	}
	return buf[:n]
}

// fold returns word i folded like ru.Fold, with the same length.
func (s *scan) fold(i int) string {
	w := &s.words[i]
	if w.foldAt < 0 {
		return s.texts[w.text][w.start:w.end]
	}
	return s.folded[w.foldAt : w.foldAt+w.end-w.start]
}

// mayStartName reports whether a name may start at a word folded as written. Most words are
// ruled out: a word in lower case is a name only as a country adjective ("французской"), a
// capitalised one only when the gazetteers may list it or it is written like an abbreviation
// ("РК"). A hyphenated word may have names for parts ("российско-казахстанских").
func mayStartName(text string, hyphen bool) bool {
	switch {
	case hyphen:
		return true
	case !startsUpper(text):
		_, ok := ru.CountryWordOf(text)
		return ok
	}
	return mayBeAbbreviation(text) || ru.MayStartName(text)
}

// otherScript reports whether a word starting with byte c is in a script other than ASCII and
// Cyrillic (U+0400..U+047F).
func otherScript(c byte) bool { return c >= 0xC0 && c != 0xD0 && c != 0xD1 }

// wordAt scans the word from text[i] like wordEnd. Most words are letters а..я, maybe after a
// capital А..Я, up to a space or punctuation: it decides those itself, wordEnd the others.
func wordAt(text string, i int) (end, foldFrom, foldTo int, hyphen bool) {
	foldFrom, foldTo = i, i
	if i+1 < len(text) && text[i] == 0xD0 && text[i+1]-0x90 < 0x20 { // А..Я
		foldTo = i + 2
		i += 2
	}
	if end = lowerRunEnd(text, i); end == len(text) || endsWord(text[end]) {
		return end, foldFrom, foldTo, false
	}
	end, from, to, hyphen := wordEnd(text, end)
	if from < to {
		if foldFrom == foldTo {
			foldFrom = from
		}
		foldTo = to
	}
	return end, foldFrom, foldTo, hyphen
}

// wordEnd scans the word, or the rest of one, from text[i], a rune other than а..я (the
// caller has passed those): runes up to one that is neither a letter, a digit nor an inner
// hyphen; end is i when text[i] is none of them. The runes that change when folded (capitals,
// ё) are all in text[foldFrom:foldTo], empty when there are none.
func wordEnd(text string, i int) (end, foldFrom, foldTo int, hyphen bool) {
	for ; i < len(text); i = lowerRunEnd(text, i) {
		c := text[i]
		size, folds := 1, false
		switch {
		case c < utf8.RuneSelf:
			if l := asciiFold[c]; l != 0 {
				folds = l != c
				break
			}
			if c == '-' && i+1 < len(text) && isWordRuneAt(text, i+1) {
				hyphen = true // "казахско-мексиканского"
				break
			}
			return i, foldFrom, foldTo, hyphen
		case (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			// The rest of U+0400..U+047F: А..Я, Ѐ..Џ and ё fold; like ru.Fold, the other
			// lower-case letters and the old ones (Ѡ..ѿ) are left as they are.
			size, folds = 2, c == 0xD0 || text[i+1] == 0x91
		case c == 0xE2 && i+1 < len(text) && text[i+1] == 0x80:
			// U+2000..U+203F, dashes, quotes and spaces: no letter, no digit.
			return i, foldFrom, foldTo, hyphen
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return i, foldFrom, foldTo, hyphen
			}
			l := unicode.ToLower(r)
			folds = l != r && utf8.RuneLen(l) == size
		}
		if folds {
			if foldFrom == foldTo {
				foldFrom = i
			}
			foldTo = i + size
		}
		i += size
	}
	return i, foldFrom, foldTo, hyphen
}

// endsWord reports whether a byte after a letter ends the word: ASCII that is neither a letter,
// a digit nor a hyphen.
func endsWord(c byte) bool { return c < utf8.RuneSelf && asciiFold[c] == 0 && c != '-' }

// lowerRunEnd returns the end of the run of letters а..я that starts at text[i], the bulk of
// Russian text: they are letters, folded as written. It tests four letters at a time while it
// can: in each two-byte lane of a little-endian load, а..п is D0 B0..BF and р..я is D1 80..8F.
func lowerRunEnd(text string, i int) int {
	const (
		mask     = 0xF0FE_F0FE_F0FE_F0FE // a lane's lead byte but its last bit, the high nibble of the other
		leadBits = 0x0001_0001_0001_0001 // the last bit of each lead byte: 0 for D0, 1 for D1
		loLetter = 0xB0D0_B0D0_B0D0_B0D0 // the lanes of а..п under mask; р..я are 0x3000 less
	)
	for i+8 <= len(text) {
		b := text[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if other := x&mask ^ (loLetter - x&leadBits*0x3000); other != 0 {
			return i + bits.TrailingZeros64(other)/16*2 // the first lane with another rune
		}
		i += 8
	}
	for i+1 < len(text) && isLowerLetter(text[i], text[i+1]) {
		i += 2
	}
	return i
}

// isLowerLetter reports whether two bytes encode one of а..я.
func isLowerLetter(b0, b1 byte) bool {
	r := uint16(b0)<<8 | uint16(b1)
	return r-0xD0B0 < 16 || r-0xD180 < 16
}

// appendFolded appends word folded like ru.Fold (lower case, ё as е), keeping its length: a
// copy of word whose runes in word[from:to] are folded.
func appendFolded(buf []byte, word string, from, to int) []byte {
	if from == 0 && to == 2 && word[0] == 0xD0 { // most often, one capital first: "Казахстан"
		b0, b1 := foldCyrillic(word[0], word[1])
		return append(append(buf, b0, b1), word[2:]...)
	}
	at := len(buf)
	buf = append(buf, word...)
	folded := buf[at+from : at+to]
	for i := 0; i < len(folded); {
		c := folded[i]
		switch {
		case c < utf8.RuneSelf:
			if l := asciiFold[c]; l != 0 {
				folded[i] = l
			}
			i++
		case (c == 0xD0 || c == 0xD1) && i+1 < len(folded) && folded[i+1]&0xC0 == 0x80:
			folded[i], folded[i+1] = foldCyrillic(c, folded[i+1])
			i += 2
		default:
			r, size := utf8.DecodeRune(folded[i:])
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
				utf8.EncodeRune(folded[i:], l)
			}
			i += size
		}
	}
	return buf
}

// asciiFold maps ASCII letters and digits to their folded form and everything else to 0.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// textOf returns word i as written.
func (s *scan) textOf(i int) string {
	w := &s.words[i]
	return s.texts[w.text][w.start:w.end]
}

// around returns the text word i is in.
func (s *scan) around(i int) string { return s.texts[s.words[i].text] }

// blockOf returns the model.Span block of word i.
func (s *scan) blockOf(i int) int { return blockOf(int(s.words[i].text)) }

// startOf and endOf return the byte offsets of word i in its text.
func (s *scan) startOf(i int) int { return int(s.words[i].start) }
func (s *scan) endOf(i int) int   { return int(s.words[i].end) }

// isWordRuneAt reports whether the rune at text[i] is a letter or digit.
func isWordRuneAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiFold[c] != 0
	} else if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		return true // U+0400..U+047F are all letters
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldCyrillic folds the two-byte encoding of a rune in U+0400..U+047F like ru.Fold: upper
// case to lower case, ё to е.
func foldCyrillic(b0, b1 byte) (byte, byte) {
	if b0 == 0xD0 {
		switch {
		case b1 == 0x81: // Ё → е
			return 0xD0, 0xB5
		case b1 <= 0x8F: // Ѐ..Џ → ѐ..џ
			return 0xD1, b1 + 0x10
		case b1 <= 0x9F: // А..П → а..п
			return 0xD0, b1 + 0x20
		case b1 <= 0xAF: // Р..Я → р..я
			return 0xD1, b1 - 0x20
		}
		return b0, b1
	}
	if b1 == 0x91 { // ё → е
		return 0xD0, 0xB5
	}
	return b0, b1
}

// gapKind classifies the text between two words: joined when it is spaces only, sentence start
// when it ends a sentence (or there is no previous word).
func gapKind(text string, prevEnd, start int) (joined, sentenceStart bool) {
	if prevEnd < 0 {
		return false, true
	}
	if start-prevEnd == 1 && text[prevEnd] == ' ' {
		return true, false
	}
	joined = true
	for _, r := range text[prevEnd:start] {
		switch r {
		case ' ', '\u00a0':
		case '.', '!', '?', '…', '\n':
			return false, true
		default:
			joined = false
		}
	}
	return joined, false
}

// startsUpper reports whether s begins with a capital letter.
func startsUpper(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c < utf8.RuneSelf:
		return 'A' <= c && c <= 'Z'
	case c == 0xD0 && len(s) > 1:
		return s[1] <= 0xAF // Ѐ..Я; а..п follow
	case c == 0xD1:
		return false // р..я, ѐ..џ
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
