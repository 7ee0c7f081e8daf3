package extract

import (
	"math/bits"
	"strings"
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
// безопасности" is five; the longest names in the tables are under ten): the size of the
// arrays phrase fills.
const maxPhrase = 12

// word is one word of a text: letters and digits, with inner hyphens ("казахско-мексиканского").
// The scan writes one for every word of every article, so it is kept small and free of pointers:
// 28 bytes (files are read up to a cap far below 2 GiB, so 32 bits hold any offset), its folded
// form found through fold.
type word struct {
	text       int32 // the index of its text in the scan's texts
	start, end int32 // byte offsets into the text
	foldAt     int32 // where the folded word starts in the scan's folded; -1: it is folded as written
	// joined is set when only spaces separate the word from the previous one, so a multi-word
	// name may run across the gap. The first word of a text is never joined.
	joined bool
	// afterName is set when only spaces separate the word from a capitalised word that was not
	// kept, which may start no name (see skipCommonWords): "Шведский" in "Густав Шведский".
	afterName bool
	// sentenceStart is set for the first word of a sentence, where any word is capitalised.
	sentenceStart bool
	hyphen        bool // the word has an inner hyphen
	// phraseStart is set when a multi-word name may start at the word (see ru.PhraseLength),
	// which is then listed in the scan's starts too.
	phraseStart bool
	// country and org are set when a country's or an organisation's name may start at the
	// word, which is then listed in the scan's starts: each finder visits its own.
	country, org bool
	// upper is set when the word starts with a capital (see startsUpper), abbreviation when it
	// goes on in capitals or digits too ("РК", "G20"; see mayBeAbbreviation).
	upper, abbreviation bool
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
// rule may read: those a name may start at, every other word that is not a plain one (in lower
// case and not a country adjective) nor simply capitalised ("Москве", see skipCommonWords) and,
// after a word a name may start at, the words joined to it that a name or the rules looking
// ahead from one may span (see reachAfter). A rule looking back from a name reads only the word
// before it when joined, and only when that word is capitalised or a country adjective; a word
// after a dropped one is therefore marked not joined, and marked afterName when the dropped word
// was capitalised.
func (s *scan) split(t int, text string) {
	prevEnd := -1
	// reach is how many more words joined to the last word a name may start at are kept;
	// dropped is set when the word before the next kept one was dropped, droppedName when that
	// word was capitalised.
	reach, dropped, droppedName := 0, false, false
	for i := 0; i < len(text); {
		if reach == 0 && !s.keepAll {
			next, lastEnd, capitalised := skipCommonWords(text, i)
			if i = next; lastEnd >= 0 {
				prevEnd, dropped, droppedName = lastEnd, true, capitalised
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
		countryAdjective := false
		if plain && ru.MayBeCountryAdjective(written) {
			_, countryAdjective = ru.CountryAdjectiveOf(written)
		}
		// A rule may read any other word wherever it stands, a plain one only within reach.
		read := !plain || countryAdjective || s.keepAll
		if !read && reach == 0 {
			prevEnd, dropped, droppedName = end, true, false
			continue
		}
		joined, sentenceStart := gapKind(text, prevEnd, start)
		prevEnd = end
		if !joined {
			reach = 0
		}
		if !read && reach == 0 {
			dropped, droppedName = true, false
			continue
		}
		w := word{text: int32(t), start: int32(start), end: int32(end), foldAt: -1,
			joined: joined && !dropped, afterName: joined && droppedName,
			sentenceStart: sentenceStart, hyphen: hyphen}
		dropped, droppedName = false, false
		mayStart := countryAdjective
		// adjective is set when a name starting here may be a country adjective, whose rules
		// read the words after it; a hyphenated word may be one in part. phraseWords is the
		// most words of a multi-word name starting here, 0 when none does.
		adjective, phraseWords := countryAdjective, 0
		switch {
		case foldFrom < foldTo:
			w.foldAt = int32(len(s.buf))
			s.buf = appendFolded(s.buf, written, foldFrom-start, foldTo-start)
			// What mayStartName decides for a word folded as written, from the filters' answer
			// for the fold: the finders check every word listed.
			fold := s.buf[w.foldAt:]
			maybe := ru.NameStartIn(fold)
			// An abbreviation may name either, a hyphenated word either in parts.
			abbreviation := mayBeAbbreviation(written)
			w.upper = startsUpper(written)
			w.abbreviation = w.upper && abbreviation
			w.country, w.org = abbreviation || maybe.Country, abbreviation || maybe.Org
			if hyphen && !(w.country && w.org) {
				country, org := partsMayName(written, fold)
				w.country, w.org = w.country || country, w.org || org
			}
			mayStart = w.country || w.org
			if mayStart && maybe.Phrase {
				phraseWords = ru.PhraseLengthIn(fold)
			}
			adjective = mayStart && (hyphen || maybe.Adjective)
		case !plain:
			mayStart = mayStartName(written, hyphen)
			w.country, w.org = mayStart, mayStart
			w.upper = startsUpper(written)
			w.abbreviation = w.upper && mayBeAbbreviation(written)
			adjective = mayStart
			fallthrough
		default:
			w.country = w.country || countryAdjective
			if mayStart && ru.MayStartPhrase(written) {
				phraseWords = ru.PhraseLength(written)
			}
		}
		w.phraseStart = phraseWords > 0
		reach = max(reach-1, 0)
		if mayStart {
			s.starts = append(s.starts, int32(len(s.words)))
			reach = max(reach, reachAfter(phraseWords, adjective))
		}
		s.words = append(s.words, w)
	}
}

// reachAfter returns how many words joined to a word a name may start at the rules may read
// after it: those of the longest multi-word name starting there (of phraseWords), and those a
// country adjective's rules read ("китайского языка", "российской государственной нефтяной
// компании"). After any other name (a country's, "Казахстан", or an organisation's) no rule
// reads on, and a word after it is read only when it may be a name itself, and kept as such.
func reachAfter(phraseWords int, adjective bool) int {
	reach := max(phraseWords-1, 0)
	if adjective {
		reach = max(reach, ru.StateNounReach)
	}
	return reach
}

// skipCommonWords skips, from text[i], the words no rule reads unless a name was found just
// before, the bulk of a text, with the spaces and ASCII punctuation around them: words of
// letters а..я only that are not country adjectives, numbers and other words of a..z and 0..9,
// and words of a capital and lower-case letters (А..Я and а..я, A..Z and a..z) that may start no
// name, which a rule reads only as the word before a name (see word.afterName). It returns where
// the first other word starts (or the end of text), the end of the last word skipped, -1 when
// none was, and whether that word was capitalised. It is a loop of its own, with little to keep
// across its calls: in split, all of split's state would be saved and restored around them.
func skipCommonWords(text string, i int) (next, lastEnd int, capitalised bool) {
	lastEnd = -1
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiFold[c] == 0 {
			i++
			continue
		}
		end, upper := i, false
		for { // lowerRunEnd(text, i) by hand: a call costs as much as the scan of a word
			if end+8 > len(text) {
				end = lowerTailEnd(text, end)
				break
			}
			if other := otherLanes(load64(text, end)); other != 0 {
				end += bits.TrailingZeros64(other) / 16 * 2
				break
			}
			end += 8
		}
		if end == i {
			switch c := text[i]; {
			case c == 0xD0 && i+1 < len(text) && text[i+1]-0x90 < 0x20: // А..Я
				end, upper = lowerRunEnd(text, i+2), true
			case 'A' <= c && c <= 'Z' && i+1 < len(text) && 'a' <= text[i+1] && text[i+1] <= 'z':
				end, upper = plainASCIIEnd(text, i+1), true // "Reuters", not "G20" or "UN"
			case c < utf8.RuneSelf: // a..z, 0..9: a number, a word in lower case, a plain word
				end = plainASCIIEnd(text, i)
			}
		}
		if end == i {
			break
		}
		after := end // where the next word may start
		if end < len(text) {
			if c := text[end]; c == ' ' {
				after++ // the common gap, passed without another turn of the loop
			} else if !endsWord(c) {
				if upper {
					break
				}
				var common bool // a word with ё, an inner hyphen or digits: "всё", "из-за", "5-й"
				if end, common = otherCommonWordEnd(text, i, end); !common {
					break
				}
				i, lastEnd, capitalised = end, end, false
				continue
			}
		}
		if word := text[i:end]; upper {
			if ru.MayStartNameCapitalised(word) {
				break
			}
		} else if ru.MayBeCountryAdjective(word) {
			if _, country := ru.CountryAdjectiveOf(word); country {
				break
			}
		}
		i, lastEnd, capitalised = after, end, upper
	}
	return i, lastEnd, capitalised
}

// otherCommonWordEnd returns the end of the word in lower case from text[i] when it is a common
// word that goes on past text[end], the end of its first run of letters (а..я or a..z and
// digits): its other runes are letters а..я, ё, a..z, digits and inner hyphens, and like those
// skipCommonWords passes in one run, it may not start a name: no part may be a country adjective
// (see mayStartName). common is false for any other word, which split reads.
func otherCommonWordEnd(text string, i, end int) (wordEnd int, common bool) {
	yo, hyphen := false, false
runes:
	for end < len(text) {
		switch c := text[end]; {
		case c < utf8.RuneSelf && asciiFold[c] == c && c != 0: // a..z, 0..9
			end++
		case c == '-' && end+1 < len(text) && isWordRuneAt(text, end+1):
			end, hyphen = end+1, true
		case endsWord(c) || c == '-':
			break runes // the word ends here
		case c == 0xD1 && end+1 < len(text) && text[end+1] == 0x91: // ё
			end, yo = end+2, true
		case end+1 < len(text) && isLowerLetter(c, text[end+1]):
			end = lowerRunEnd(text, end)
		default: // a capital, another script, «, —
			return end, false
		}
	}
	// A word with ё is folded before its look-ups; the ending test reads no е or ё, and ё and
	// a hyphen together are left to split.
	word := text[i:end]
	switch {
	case yo && hyphen:
		return end, false
	case hyphen:
		return end, !mayHaveCountryAdjective(word)
	case yo:
		return end, !ru.MayBeCountryAdjective(word)
	case ru.MayBeCountryAdjective(word):
		_, country := ru.CountryAdjectiveOf(word)
		return end, !country
	}
	return end, true
}

// plainASCIIEnd returns the end of the run of ASCII letters a..z and digits that starts at
// text[i]: they are folded as written.
func plainASCIIEnd(text string, i int) int {
	for i < len(text) && text[i] < utf8.RuneSelf && asciiFold[text[i]] == text[i] {
		i++
	}
	return i
}

// phrase returns the folded words a name starting at word i may span, those joined to it by
// spaces only, up to limit (and maxPhrase), in buf: callers pass an array on their stack,
// which holds the strings without the garbage collector's write barriers.
func (s *scan) phrase(i, limit int, buf *[maxPhrase]string) []string {
	limit = min(limit, maxPhrase)
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
// ("РК"). A hyphenated word may have names for parts ("российско-казахстанских", "Россия-НАТО"),
// in lower case only adjectives ("из-за", "2007-го" have none).
func mayStartName(text string, hyphen bool) bool {
	switch {
	case hyphen:
		return !inLowerCase(text) || mayHaveCountryAdjective(text)
	case !startsUpper(text):
		_, ok := ru.CountryWordOf(text)
		return ok
	}
	return mayBeAbbreviation(text) || ru.MayStartName(text)
}

// partsMayName reports whether a country's or an organisation's name may be one of the parts of
// a hyphenated word ("Россия-НАТО"), given as written and folded: what the finders look up in
// parts, a country word or an abbreviation of either.
func partsMayName(written string, fold []byte) (country, org bool) {
	for start := 0; start < len(written); {
		end := len(written)
		if k := strings.IndexByte(written[start:], '-'); k >= 0 {
			end = start + k
		}
		if end > start {
			if mayBeAbbreviation(written[start:end]) {
				return true, true
			}
			country = country || ru.NameStartIn(fold[start:end]).Country
		}
		start = end + 1
	}
	return country, false
}

// inLowerCase reports whether a word is written in letters а..я, a..z, digits and hyphens only,
// none of them a capital.
func inLowerCase(word string) bool {
	for i := 0; i < len(word); i++ {
		if i = lowerRunEnd(word, i); i == len(word) {
			break
		}
		if c := word[i]; c != '-' && (c >= utf8.RuneSelf || asciiFold[c] != c) {
			return false
		}
	}
	return true
}

// mayHaveCountryAdjective reports whether a hyphenated word or one of its parts may be a country
// adjective (see ru.MayBeCountryAdjective).
func mayHaveCountryAdjective(word string) bool {
	if ru.MayBeCountryAdjective(word) {
		return true
	}
	for rest, found := word, true; found; {
		var part string
		if part, rest, found = strings.Cut(rest, "-"); ru.MayBeCountryAdjective(part) {
			return true
		}
	}
	return false
}

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
