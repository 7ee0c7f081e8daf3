package loader

import (
	"encoding/binary"
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

// TestPlainWord checks the eight-byte test against the full path: what it takes is plain and
// ends at a rune boundary, and it takes Russian text.
func TestPlainWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	taken := 0
	for k := range 2_000_000 {
		var b [8]byte
		if k%2 == 0 {
			for i := range b {
				b[i] = byte(rng.Uint32())
			}
		} else {
			src := []byte("Министр иностранных дел «МИД» — \x7f\x1f\xd0\xd1\x80\xbf\xc0\xd2 ok\n")
			off := rng.IntN(len(src) - 8)
			copy(b[:], src[off:])
		}
		n := plainWord(binary.LittleEndian.Uint64(b[:]))
		if n == 0 {
			continue
		}
		taken++
		if !keptAsIs(string(b[:n])) || n == 7 && b[7]&0xfe != 0xd0 || n != 7 && n != 8 {
			t.Fatalf("plainWord(%q) = %d", b, n)
		}
	}
	if n := plainWord(binary.LittleEndian.Uint64([]byte("Астана о"))); n != 8 {
		t.Errorf("plainWord(\"Астана о\") = %d, want 8", n)
	}
	if taken == 0 {
		t.Error("plainWord took nothing")
	}
}
