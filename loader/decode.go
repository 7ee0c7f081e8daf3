package loader

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Reasons a file's bytes are not loaded as text; each is a Skip reason as it stands.
var (
	errEmpty   = errors.New("empty file")
	errBinary  = errors.New("binary file (NUL bytes)")
	errGarbage = errors.New("not valid text in any supported encoding")
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decode turns a file's bytes into text with "\n" line ends: UTF-8 (with or without BOM),
// UTF-16 (with BOM, or without one when every other byte is NUL), Windows-1251 or KOI8-R
// (detected when the bytes are not UTF-8 but read as mostly Cyrillic letters). Other invalid
// UTF-8 has its bad bytes replaced with U+FFFD, unless they are so many that it is not text.
// Plain text (see plainText), nearly every file, takes one pass and one copy (into the keeper, when
// there is one), and clean reports that the sanitiser has nothing to do on it.
func decode(data []byte, k *keeper) (text string, clean bool, err error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "", false, errEmpty
	case plainText(data):
		return k.keepText(data), true, nil
	case bytes.HasPrefix(data, bomUTF8):
		if plainText(data[len(bomUTF8):]) {
			return k.keepText(data[len(bomUTF8):]), true, nil
		}
		text = validUTF8(data[len(bomUTF8):])
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data)
	case bytes.IndexByte(data, 0) >= 0:
		if order, ok := bareUTF16(data); ok {
			return decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data)
		}
		return "", false, errBinary
	case utf8.Valid(data):
		text = string(data)
	default:
		if cm := cyrillicCharmap(data); cm != nil {
			return decodeWith(cm, data)
		}
		if invalidShare(data) > 0.3 {
			return "", false, errGarbage
		}
		text = validUTF8(data)
	}
	return normaliseLines(text), false, nil
}

func decodeWith(enc encoding.Encoding, data []byte) (string, bool, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false, errGarbage
	}
	text := strings.TrimPrefix(string(out), "\ufeff")
	if strings.IndexByte(text, 0) >= 0 {
		return "", false, errBinary
	}
	if strings.TrimSpace(text) == "" {
		return "", false, errEmpty
	}
	return normaliseLines(text), false, nil
}

// plainText reports, in one pass, that data is valid UTF-8 with nothing for normaliseLines or
// sanitize.Text to change: no control codes but newline and tab, no C1 controls, no zero-width,
// bidi or line-separator characters, no BOM. It mirrors the sanitiser's list (a test checks
// every rune against it); on any doubt it says no and the full path runs.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		if i += plainWords(data[i:]); i == len(data) {
			break
		}
		// One rune at a time where the word test stopped.
		switch plainByte[data[i]] {
		case plainASCII:
			i++
			continue
		case plainLead:
			if i+1 < len(data) && data[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
			return false
		case plainNever:
			return false
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || needsSanitising(r) {
			return false
		}
		i += size
	}
	return true
}

// plainWords returns the length of the opening of b that is printable ASCII and basic
// Cyrillic letters (lead byte D0 or D1, then a continuation byte), looking at eight bytes at
// once. It ends at a rune boundary, before the first byte it cannot vouch for or among the last
// eight, which the caller checks the slow way.
func plainWords(b []byte) int {
	var carried uint64 // 0x80 when the word before ended with a lead byte
	n := 0
	for ; len(b) >= 8; b = b[8:] {
		w := binary.LittleEndian.Uint64(b)
		ctl, lead, cont := classify(w)
		// Plain: no control codes, every byte from 0x80 is a lead byte or a continuation byte,
		// and the continuation bytes are those after lead bytes (a lead byte last waits).
		if (ctl|w&^(lead|cont)|(cont^(lead<<8|carried)))&highs != 0 {
			return n + plainPrefix(w, carried)
		}
		carried = lead >> 56
		n += 8
	}
	if carried != 0 {
		return n - 1 // the lead byte's continuation is among the bytes left
	}
	return n
}

// Masks of each byte of a word: its lowest bit, its low seven bits, its high bit.
const ones, low7, highs = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f, 0x8080808080808080

// classify marks the bytes of w (byte k of the text is byte k of w, from the low end) that are
// ASCII control codes or DEL, lead bytes D0 or D1, and continuation bytes: each mask has the
// high bit of a byte set where that byte is of its kind (no carry leaves a byte in these sums).
func classify(w uint64) (ctl, lead, cont uint64) {
	t := w & low7
	ctl = ^w & (^(t + 0x60*ones) | (t + ones)) & highs // below 0x20, or 0x7f
	x := (w ^ 0xd0*ones) & (0xfe * ones)
	lead = ^(((x & low7) + low7) | x) & highs // D0 or D1: x is zero
	cont = w &^ (w << 1) & highs              // 10xxxxxx
	return ctl, lead, cont
}

// plainPrefix is how many bytes of a word w that plainWords stopped at are plain, up to a rune
// boundary: -1 when the lead byte that ended the word before has no continuation byte.
func plainPrefix(w, carried uint64) int {
	ctl, lead, cont := classify(w)
	if carried != 0 && cont&0x80 == 0 {
		return -1
	}
	ascii := ^w & highs &^ ctl
	letters := lead&(cont>>8|1<<63) | cont&(lead<<8|carried)
	return bits.TrailingZeros64(^(ascii|letters)&highs) / 8
}

// Classes of a byte for plainText.
const (
	plainCheck = iota // decode the rune and check it
	plainASCII        // printable ASCII, newline or tab
	plainLead         // leads a two-byte rune from U+00C0 to U+07FF (Cyrillic among them), all
	// plain but U+061C, the Arabic letter mark, whose lead byte D8 is left to plainCheck
	plainNever // another ASCII control code
)

var plainByte = func() (t [256]uint8) {
	for c := range 0x80 {
		t[c] = plainASCII
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			t[c] = plainNever
		}
	}
	for c := 0xc3; c <= 0xdf; c++ {
		if c != 0xd8 {
			t[c] = plainLead
		}
	}
	return t
}()

// needsSanitising reports the runes above ASCII that sanitize.Text rewrites or normaliseLines
// turns into line ends.
func needsSanitising(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f, // C1 controls, NEL among them
		r >= 0x200b && r <= 0x200f, // zero-width and direction marks
		r >= 0x2028 && r <= 0x202e, // line and paragraph separators, bidi embeddings
		r >= 0x2060 && r <= 0x2069, // word joiner, bidi isolates
		r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

func validUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// bareUTF16 recognises UTF-16 text without a BOM: mostly ASCII or Cyrillic, so one byte of
// nearly every pair is NUL (ASCII) or 0x04 (Cyrillic) and NULs fall on one parity only.
func bareUTF16(data []byte) (unicode.Endianness, bool) {
	if len(data)%2 != 0 {
		return unicode.BigEndian, false
	}
	var high [2]int // pairs whose even (0) or odd (1) byte is a UTF-16 high byte of text
	for i := 0; i+1 < len(data); i += 2 {
		if data[i] == 0 || data[i] == 0x04 {
			high[0]++
		}
		if data[i+1] == 0 || data[i+1] == 0x04 {
			high[1]++
		}
	}
	pairs := len(data) / 2
	switch {
	case high[1]*10 >= pairs*9 && high[0]*10 < pairs:
		return unicode.LittleEndian, true
	case high[0]*10 >= pairs*9 && high[1]*10 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// cyrillicCharmap picks the single-byte Cyrillic code page data is written in, or nil. Both
// Windows-1251 and KOI8-R put letters in 0xC0–0xFF, but 1251 has the lower case (most of any
// Russian text) in the upper half and KOI8-R in the lower half, which tells them apart. Text
// whose letters are mostly Latin (French in Latin-1, say) is neither.
func cyrillicCharmap(data []byte) encoding.Encoding {
	var high, upperHalf, lowerHalf, latin int
	for _, c := range data {
		switch {
		case c >= 0xe0:
			upperHalf++
		case c >= 0xc0:
			lowerHalf++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			latin++
		}
		if c >= 0x80 {
			high++
		}
	}
	letters := upperHalf + lowerHalf
	if high == 0 || letters*10 < high*8 || letters < latin { // ≤ 20% signs among high bytes
		return nil
	}
	if upperHalf >= lowerHalf {
		return charmap.Windows1251
	}
	return charmap.KOI8R
}

// invalidShare is the fraction of data's bytes that are not part of valid UTF-8.
func invalidShare(data []byte) float64 {
	bad := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		}
		i += size
	}
	return float64(bad) / float64(len(data))
}

// lineBreaks maps every line end to "\n": CRLF, lone CR (old Mac files), form feed, vertical
// tab, next line, and the Unicode line and paragraph separators.
var lineBreaks = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n",
	"\u0085", "\n", "\u2028", "\n", "\u2029", "\n\n",
)

func normaliseLines(text string) string {
	// One fast scan per break; ContainsAny with non-ASCII runes is many times slower.
	for _, lb := range []string{"\r", "\f", "\v", "\u0085", "\u2028", "\u2029"} {
		if strings.Contains(text, lb) {
			return lineBreaks.Replace(text)
		}
	}
	return text
}
