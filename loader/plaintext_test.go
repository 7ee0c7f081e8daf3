package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dispatch-news/dispatch/model/sanitize"
)

// keptAsIs reports whether the full path (UTF-8 check, line ends, sanitiser) leaves s as it is.
func keptAsIs(s string) bool {
	return utf8.ValidString(s) && normaliseLines(s) == s && sanitize.Text(s) == s
}

// TestPlainTextMirrorsSanitiser checks the one-pass check against the full path for every
// rune, and for random bytes: plain text is exactly what the full path keeps as it is.
func TestPlainTextMirrorsSanitiser(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "Астана " + string(r) + " x"
		if got, want := plainText([]byte(s)), keptAsIs(s); got != want {
			t.Fatalf("plainText(%q) = %v, the full path keeps it as it is: %v", s, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("аАяЯьЪ.,«»—\xd0\xd1\xc2\x80\x9f\xe2\x80\xa8\xd8\x9c\xef\xbb\xbf\r\n\t\x1b a")
	for range 100_000 {
		b := make([]byte, 1+rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if got, want := plainText(b), keptAsIs(string(b)); got != want {
			t.Fatalf("plainText(%q) = %v, the full path keeps it as it is: %v", b, got, want)
		}
	}
}

// TestDecodePlainAndFullAgree checks that plain files decode to the same text either way.
func TestDecodePlainAndFullAgree(t *testing.T) {
	for _, s := range []string{"Заголовок\n\nМОСКВА, 22 октября. /ТАСС/. Текст «в кавычках» — тире…\n",
		"\ufeffС BOM\n", "строка\r\nвторая", "до\x1b[2Jпосле", "a\u202eb", "ok\tтаб"} {
		var k keeper
		text, clean, err := decode([]byte(s), &k)
		if err != nil {
			t.Fatal(err)
		}
		if !clean {
			text = sanitize.Text(text)
		}
		if want := sanitize.Text(normaliseLines(strings.TrimPrefix(s, "\ufeff"))); text != want {
			t.Errorf("decode(%q) = %q, want %q", s, text, want)
		}
	}
}

// TestPlainWords checks the eight-byte test against the full path: what it takes is plain and
// ends at a rune boundary, it stops only before a byte that does not open printable ASCII or
// a whole Cyrillic letter (or among the last eight), and it takes Russian text.
func TestPlainWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	src := []byte("Министр иностранных дел «МИД» — \x7f\x1f\xd0\xd1\x80\xbf\xc0\xd2 ok\n")
	taken := 0
	for k := range 1_000_000 {
		b := make([]byte, rng.IntN(40))
		switch k % 3 {
		case 0:
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
		case 1:
			for i := range b {
				b[i] = src[rng.IntN(len(src))]
			}
		case 2:
			text := strings.Repeat("Министр иностранных дел ", 2)
			off := rng.IntN(len(text) - len(b))
			copy(b, text[off:])
			if len(b) > 0 && rng.IntN(2) == 0 {
				b[rng.IntN(len(b))] = src[rng.IntN(len(src))]
			}
		}
		n := plainWords(b)
		taken += n
		if !keptAsIs(string(b[:n])) {
			t.Fatalf("plainWords(%q) = %d, but %q is not plain", b, n, b[:n])
		}
		if n+8 < len(b) {
			c := b[n]
			ascii := c >= 0x20 && c < 0x7f
			letter := c&0xfe == 0xd0 && b[n+1]&0xc0 == 0x80
			if ascii || letter {
				t.Fatalf("plainWords(%q) = %d, stopping before plain text", b, n)
			}
		}
	}
	for text, want := range map[string]int{"Астана о": 8, "ан «Аст": 5, "Министр иностранных": 31,
		"Министр ин\xd0": 15, "Министр\xd0 и": 14, "Минист\xd0\xd0ранных": 12, "Минист\xd0 Министр": 12} {
		if n := plainWords([]byte(text)); n != want {
			t.Errorf("plainWords(%q) = %d, want %d", text, n, want)
		}
	}
	if taken == 0 {
		t.Error("plainWords took nothing")
	}
}
