package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/ru"
)

// Countries and organisations are found by one linear pass over each text: the text is split
// into words once, every word is folded once, and each word (or run of words, for multi-word
// names) is looked up in the gazetteer maps model/ru builds at start-up.

// maxPhrase bounds the words a multi-word name may span ("Организация Договора о коллективной
// безопасности" is five; the longest names in the tables are under ten).
const maxPhrase = 12

// word is one word of a text: letters and digits, with inner hyphens ("казахско-мексиканского").
type word struct {
	start, end int // byte offsets into the text
	// joined is set when only spaces separate the word from the previous one, so a multi-word
	// name may run across the gap.
	joined bool
	// sentenceStart is set for the first word of a sentence, where any word is capitalised.
	sentenceStart bool
	hyphen        bool // the word has an inner hyphen
	foldAt        int  // where the folded word starts in the scan's buffer; -1: it is folded as written
}

// scan is one text split into words, shared by the country and organisation passes.
type scan struct {
	text  string
	words []word   // reused from text to text
	folds []string // folds[i] is word i folded like ru.Fold, with the same length
	ends  []int    // ends[i]: the index after the last word a name starting at i may use
	buf   []byte   // the folded forms of the words that change when folded, end to end
}

// scanPool keeps scans, whose buffers grow to the longest text seen, from article to article.
var scanPool = sync.Pool{New: func() any { return new(scan) }}

// release drops the scan's references to the text and puts it back in the pool, unless a huge
// text grew its buffers past what is worth keeping.
func (s *scan) release() {
	if cap(s.buf) > 1<<20 {
		return
	}
	s.text = ""
	clear(s.folds)
	s.folds = s.folds[:0]
	scanPool.Put(s)
}

// reset splits text into words and folds them in one pass, reusing the scan's buffers. Most
// words are in lower case already: their folded form is the text itself, and only the others
// are folded into a copy.
func (s *scan) reset(text string) {
	s.text = text
	s.words = s.words[:0]
	s.buf = s.buf[:0]
	prevEnd := -1
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && asciiFold[c] == 0 {
			i++ // spaces and punctuation, without a call
			continue
		}
		if size, ok := wordRuneAt(text, i); !ok {
			i += size
			continue
		}
		// A word: runes up to one that is neither a letter, a digit nor an inner hyphen.
		start, hyphen, folds := i, false, false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if l := asciiFold[c]; l != 0 {
					folds = folds || l != c
					i++
					continue
				}
				if c == '-' && i+1 < len(text) && isWordRuneAt(text, i+1) {
					i++ // "казахско-мексиканского"
					hyphen = true
					continue
				}
				break
			}
			if (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				// А..Я, Ѐ..Џ and ё fold; а..п, р..я do not.
				folds = folds || c == 0xD0 && text[i+1] <= 0xAF || c == 0xD1 && text[i+1] == 0x91
				i += 2
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
				folds = true
			}
			i += size
		}
		w := word{start: start, end: i, hyphen: hyphen, foldAt: -1}
		if folds {
			w.foldAt = len(s.buf)
			s.buf = appendFolded(s.buf, text[start:i])
		}
		w.joined, w.sentenceStart = gapKind(text, prevEnd, start)
		s.words = append(s.words, w)
		prevEnd = i
	}
	folded := string(s.buf)
	s.folds = slices.Grow(s.folds[:0], len(s.words))
	for _, w := range s.words {
		if w.foldAt < 0 {
			s.folds = append(s.folds, text[w.start:w.end])
		} else {
			s.folds = append(s.folds, folded[w.foldAt:w.foldAt+w.end-w.start])
		}
	}
	s.ends = slices.Grow(s.ends[:0], len(s.words))[:len(s.words)]
	for i := len(s.words) - 1; i >= 0; i-- {
		s.ends[i] = i + 1
		if i+1 < len(s.words) && s.words[i+1].joined {
			s.ends[i] = min(s.ends[i+1], i+maxPhrase)
		}
	}
}

// appendFolded appends word folded like ru.Fold (lower case, ё as е), keeping its length.
func appendFolded(buf []byte, word string) []byte {
	for i := 0; i < len(word); {
		c := word[i]
		switch {
		case c < utf8.RuneSelf:
			if l := asciiFold[c]; l != 0 {
				c = l
			}
			buf = append(buf, c) // a letter, a digit or an inner hyphen
			i++
		case (c == 0xD0 || c == 0xD1) && i+1 < len(word) && word[i+1]&0xC0 == 0x80:
			b0, b1 := foldCyrillic(c, word[i+1])
			buf = append(buf, b0, b1)
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(word[i:])
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
				buf = utf8.AppendRune(buf, l)
			} else {
				buf = append(buf, word[i:i+size]...)
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
func (s *scan) textOf(i int) string { return s.text[s.words[i].start:s.words[i].end] }

// wordRuneAt returns the size of the rune at text[i] and whether it is a letter or digit.
// ASCII and Cyrillic take the fast path.
func wordRuneAt(text string, i int) (size int, ok bool) {
	c := text[i]
	switch {
	case c < utf8.RuneSelf:
		return 1, asciiFold[c] != 0
	case (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
		return 2, true // U+0400..U+047F: Cyrillic letters
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return size, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordRuneAt reports whether the rune at text[i] is a letter or digit.
func isWordRuneAt(text string, i int) bool {
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

// countryAt matches a country name at word i: a multi-word name, an abbreviation, or one word
// (a name in any case or an adjective). It returns the ISO code ("" when the words name
// something else, such as "Латинская Америка"), the number of words used (0: no match) and
// whether the match is a lone adjective ("французской").
func (s *scan) countryAt(i int) (code string, n int, adjective bool) {
	text := s.textOf(i)
	upper := startsUpper(text)
	cw, known := ru.CountryWordOf(s.folds[i])
	// Multi-word names start with a capital; set phrases that are not countries ("шведский
	// стол") start with a country adjective.
	if upper || known && cw.Kind == ru.CountryAdjective {
		if code, n := ru.CountryPhraseAt(s.folds[i:s.ends[i]]); n > 0 {
			return code, n, false
		}
	}
	if upper && mayBeAbbreviation(text) {
		if code, ok := ru.CountryAbbr(text); ok && !s.inDomainName(i) {
			return code, 1, false
		}
	}
	if known && trusted(cw, text, s.words[i].sentenceStart) && !s.namesSomethingElse(i, cw) {
		return cw.Code, 1, cw.Kind == ru.CountryAdjective
	}
	return "", 0, false
}

// trusted reports whether a word the gazetteer knows is a country mention where it stands:
// names need a capital (and ambiguous ones such as "Того" a place inside the sentence),
// adjectives may be written in lower case.
func trusted(cw ru.CountryWord, text string, sentenceStart bool) bool {
	if cw.Ignored {
		return false
	}
	return cw.Kind == ru.CountryAdjective || startsUpper(text) && !(cw.Ambiguous && sentenceStart)
}

// inDomainName reports whether word i is a top-level domain (".рф", ".kz") rather than a word.
func (s *scan) inDomainName(i int) bool {
	start := s.words[i].start
	return start > 0 && s.text[start-1] == '.'
}

// namesSomethingElse reports whether a country word at i is part of another name: a word
// alone in quotes is a ship, a channel or a hotel («Колумбия», «Россия»); a capitalised
// adjective after a name is an epithet (Густав Шведский, Александр Македонский); an adjective
// before "язык" is a language (китайского языка).
func (s *scan) namesSomethingElse(i int, cw ru.CountryWord) bool {
	w := s.words[i]
	if w.start > 0 && w.end < len(s.text) && isQuote(lastRune(s.text[:w.start])) && isQuote(firstRune(s.text[w.end:])) {
		return true
	}
	if cw.Kind != ru.CountryAdjective {
		return false
	}
	text := s.textOf(i)
	if i > 0 && w.joined && !w.sentenceStart && startsUpper(text) && !mayBeAbbreviation(text) && startsUpper(s.textOf(i-1)) {
		if _, adj := ru.CountryWordOf(s.folds[i-1]); !adj {
			return true
		}
	}
	return i+1 < len(s.words) && s.words[i+1].joined && isLanguageWord(s.folds[i+1])
}

func isQuote(r rune) bool { return strings.ContainsRune("«»\"“”„'", r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isLanguageWord reports whether a folded word is a form of "язык".
func isLanguageWord(fold string) bool {
	switch fold {
	case "язык", "языка", "языку", "языком", "языке", "языки", "языков", "языкам", "языками", "языках":
		return true
	}
	return false
}

// hyphenParts calls yield with the byte range (relative to the word) of each hyphen-separated
// part of word i, for compounds the gazetteer does not list whole ("российско-казахстанских",
// "Россия-НАТО"), until yield returns false. It does nothing for a word without a hyphen.
func (s *scan) hyphenParts(i int, yield func(start, end int) bool) {
	if !s.words[i].hyphen {
		return
	}
	text := s.textOf(i)
	start := 0
	for j := 0; j <= len(text); j++ {
		if j == len(text) || text[j] == '-' {
			if j > start && !yield(start, j) {
				return
			}
			start = j + 1
		}
	}
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

// mayBeAbbreviation reports whether a capitalised word goes on in capitals or digits ("РК",
// "G20"), the only words worth an abbreviation lookup.
func mayBeAbbreviation(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	if size >= len(s) {
		return false
	}
	if c := s[size]; '0' <= c && c <= '9' {
		return true
	}
	return startsUpper(s[size:])
}

// countryFinder collects the countries of one article.
type countryFinder struct {
	refs []model.CountryRef
	// named[k] is set once refs[k] is named, abbreviated, part of a compound or the adjective
	// of a state noun: a country found only through other adjectives is dropped.
	named    []bool
	index    map[string]int // code → refs index
	mentions []model.Mention
}

// add records a mention of code; named tells whether it is more than a descriptive adjective.
func (f *countryFinder) add(code string, named bool, block, start, end int) {
	k, ok := f.index[code]
	if !ok {
		if f.index == nil {
			f.index = map[string]int{}
		}
		name, nameEn, _ := ru.CountryByCode(code)
		k = len(f.refs)
		f.index[code] = k
		f.refs = append(f.refs, model.CountryRef{Country: &model.Country{Code: code, Name: name, NameEn: nameEn}})
		f.named = append(f.named, false)
	}
	f.named[k] = f.named[k] || named
	f.refs[k].Mentions++
	f.mentions = append(f.mentions, model.Mention{Kind: model.KindCountry, Key: code,
		Span: model.Span{Block: block, Start: start, End: end}})
}

// find adds the countries of one scanned text.
func (f *countryFinder) find(s *scan, block int) {
	for i := 0; i < len(s.words); {
		code, n, adjective := s.countryAt(i)
		if n > 0 {
			if code != "" {
				named := !adjective || ru.StateNounFollows(s.folds[i+1:s.ends[i]])
				f.add(code, named, block, s.words[i].start, s.words[i+n-1].end)
			}
			i += n
			continue
		}
		w, text, fold := s.words[i], s.textOf(i), s.folds[i]
		s.hyphenParts(i, func(start, end int) bool {
			part := text[start:end]
			if code, ok := ru.CountryAbbr(part); ok {
				f.add(code, true, block, w.start+start, w.start+end)
			} else if cw, ok := ru.CountryWordOf(fold[start:end]); ok && trusted(cw, part, w.sentenceStart && start == 0) {
				f.add(cw.Code, true, block, w.start+start, w.start+end)
			} else if startsUpper(part) {
				return false // a compound name such as "Нью-Джерси" or "Восточно-Казахстанская"
			}
			return true
		})
		i++
	}
}

// dropUnnamed removes the countries found only through descriptive adjectives ("канадского
// психолога", "японский пруд"), and their mentions.
func (f *countryFinder) dropUnnamed() {
	if !slices.Contains(f.named, false) {
		return
	}
	dropped := map[string]bool{}
	refs := f.refs[:0]
	for k, r := range f.refs {
		if f.named[k] {
			refs = append(refs, r)
		} else {
			dropped[r.Code] = true
		}
	}
	f.refs = refs
	f.mentions = slices.DeleteFunc(f.mentions, func(m model.Mention) bool { return dropped[m.Key] })
}

// findPlaces finds the countries and organisations texts mention (texts[0] is the title,
// texts[i] is block i-1) and appends their mentions. Each text is split into words once.
func findPlaces(texts []string, mentions []model.Mention) ([]model.CountryRef, []model.OrgRef, []model.Mention) {
	s := scanPool.Get().(*scan)
	defer s.release()
	var cf countryFinder
	var of orgFinder
	for t, text := range texts {
		s.reset(text)
		cf.find(s, blockOf(t))
		of.find(s, blockOf(t))
	}
	cf.dropUnnamed()
	orgs, orgMentions := of.resolve(cf.mentions)
	mentions = slices.Grow(mentions, len(cf.mentions)+len(orgMentions))
	mentions = append(mentions, cf.mentions...)
	mentions = append(mentions, orgMentions...)
	return cf.refs, orgs, mentions
}
