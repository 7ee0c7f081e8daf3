package extract

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/corpusgen"
	"github.com/dispatch-news/dispatch/model/ru"
)

// The people finder's clause skipping and tokenizer as they were before the block scans
// (round six, with unicode.IsSpace and unicode.IsDigit): the reference the faster ones must
// agree with on every input. refTokenizeWords is tokenizeWords over refPlainClause.

func refPlainClause(text string, i int) (end int, words, ok bool) {
	byByte := 0
	for i < len(text) {
		if i >= byByte {
			end, letters := refLowerRun(text, i)
			words = words || letters
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
			return i, words, refHardBreak(text, i)
		case classD0:
			if i+1 < len(text) && 0xB0 <= text[i+1] && text[i+1] <= 0xBF {
				words = true
				i += 2
				continue
			}
			return 0, false, false
		case classD1:
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
				return i, words, refHardBreak(text, i)
			}
		}
	}
	return i, words, true
}

func refHardBreak(text string, i int) bool {
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

func refLowerRun(text string, i int) (end int, letters bool) {
	read := 0
	for i+8 <= len(text) {
		n := lowerLetters(load64(text, i))
		read |= n
		if i += 2 * n; n < 4 {
			if text[i] != ' ' {
				break
			}
			i++
		}
	}
	return i, read != 0
}

func refTokenizeWords(text string, tokens []wordToken, cache *wordCache, particles *bool) []wordToken {
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
			if end, words, ok := refPlainClause(text, i); ok {
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

// scannerTexts returns the seed articles' texts, the factRuEval news when present and
// generated articles.
func scannerTexts(t testing.TB) []string {
	var texts []string
	for _, a := range seedArticles(t) {
		texts = append(texts, append([]string{a.Title}, blockTexts(a)...)...)
	}
	if _, err := os.Stat(evalPath); err == nil {
		for _, d := range loadEval(t, "") {
			texts = append(texts, blockTexts(evalArticle(d))...)
		}
	}
	for _, a := range corpusgen.Articles(200, 7) {
		texts = append(texts, append([]string{a.Title}, blockTexts(a)...)...)
	}
	return texts
}

// checkScanners compares the people finder's tokens of text, and its byte scanners from every
// character boundary of text, with the reference ones.
func checkScanners(t *testing.T, text string) {
	t.Helper()
	cache := newWordCache()
	var particles, refParticles bool
	got := tokenizeWords(text, nil, cache, &particles)
	want := refTokenizeWords(text, nil, cache, &refParticles)
	if !slices.Equal(got, want) || particles != refParticles {
		t.Fatalf("tokenizeWords(%q):\n%+v\nreference\n%+v", text, got, want)
	}
	for i := range len(text) {
		if i > 0 && text[i]&0xC0 == 0x80 && text[i-1] >= 0xC0 {
			continue // inside a character
		}
		end, words, ok := plainClause(text, i)
		wantEnd, wantWords, wantOK := refPlainClause(text, i)
		if end != wantEnd || words != wantWords || ok != wantOK {
			t.Fatalf("plainClause(%q, %d) = %d, %v, %v; reference %d, %v, %v", text, i, end, words, ok, wantEnd, wantWords, wantOK)
		}
	}
}

// TestScannersAsBefore reads the seeds, the factRuEval news and generated articles from every
// character boundary with the block scanners and the word-by-word ones they replaced.
func TestScannersAsBefore(t *testing.T) {
	texts := scannerTexts(t)
	// And text cut at every length, so that runs end at every place of the eight bytes.
	for _, s := range []string{"в ходе беседы рассмотрены вопросы взаимодействия, Кошербаев", "и ёлка прошла. Б",
		"ЦАРЭС и МИДа, Ульба-ТВС, Аль-Руми, ООНовский: Представительство Северо-Западного"} {
		for n := range len(s) {
			texts = append(texts, s[:n], strings.Repeat(" ", n%9)+s[n:])
		}
	}
	for _, text := range texts {
		checkScanners(t, text)
	}
}

// FuzzPeopleScanners compares the block scanners with the word-by-word ones on any text.
func FuzzPeopleScanners(f *testing.F) {
	for _, s := range []string{
		"в ходе беседы рассмотрены актуальные вопросы, а также Кошербаев",
		"и \xd0\xb0\xb0 битый \xd0 текст \xd1\xa0 и \xd0\x90 конец      ", "ёлка ёлка ёлка ёлка, «Газпром»",
		"ЦАРЭС и МИДа, Ульба-ТВС, Аль-Руми, ООНовский, Кошербаевым", "президент  Токаев  принял  посла\tпослов  (в  2024  году)  и  т. д.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkScanners(t, text) })
}

// BenchmarkTokenizeWords times tokenizeWords against the reference on generated text, the two
// in turn a pass at a time, so that both meet the machine at the same speed (a shared
// machine's speed drifts more than the difference): it reports tokenizeWords' time a pass and
// its ratio to the reference's.
func BenchmarkTokenizeWords(b *testing.B) {
	var texts []string
	size := 0
	for _, a := range corpusgen.Articles(300, 1) {
		for _, s := range append([]string{a.Title}, blockTexts(a)...) {
			texts = append(texts, s)
			size += len(s)
		}
	}
	b.SetBytes(int64(size))
	cache := newWordCache()
	var tokens []wordToken
	var particles bool
	var now, ref time.Duration
	for b.Loop() {
		start := time.Now()
		for _, s := range texts {
			tokens = refTokenizeWords(s, tokens[:0], cache, &particles)
		}
		mid := time.Now()
		for _, s := range texts {
			tokens = tokenizeWords(s, tokens[:0], cache, &particles)
		}
		ref, now = ref+mid.Sub(start), now+time.Since(mid)
	}
	b.ReportMetric(float64(now.Nanoseconds())/float64(b.N), "ns/pass")
	b.ReportMetric(float64(now)/float64(ref), "now/ref")
}

// TestRuneClasses checks the people finder's rune tests against the unicode tables over every
// rune (isCyrillic over letters, the only runes it is asked about).
func TestRuneClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isLetter(r) != unicode.IsLetter(r) || isSpace(r) != unicode.IsSpace(r) || isDigit(r) != unicode.IsDigit(r) {
			t.Fatalf("%U: letter %v, space %v, digit %v; unicode: %v, %v, %v", r, isLetter(r), isSpace(r), isDigit(r),
				unicode.IsLetter(r), unicode.IsSpace(r), unicode.IsDigit(r))
		}
		if isLetter(r) && (isUpper(r) != unicode.IsUpper(r) || isCyrillic(r) != unicode.Is(unicode.Cyrillic, r)) {
			t.Fatalf("%U: upper %v, Cyrillic %v; unicode: %v, %v", r, isUpper(r), isCyrillic(r), unicode.IsUpper(r), unicode.Is(unicode.Cyrillic, r))
		}
	}
}
