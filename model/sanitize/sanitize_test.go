package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean Russian", "МОСКВА, 22 октября. /ТАСС/.\n\tЛавров", "МОСКВА, 22 октября. /ТАСС/.\n\tЛавров"},
		{"clear screen", "до\x1b[2Jпосле", "до␛[2Jпосле"},
		{"OSC title", "\x1b]0;pwned\x07текст", "␛]0;pwned␇текст"},
		{"carriage return", "строка\rзатёрта", "строка␍затёрта"},
		{"NUL and DEL", "a\x00b\x7fc", "a␀b␡c"},
		{"C1 CSI rune", "a\u009b31mb", "a⟨U+009B⟩31mb"},
		{"raw 8-bit CSI byte", "a\x9b31mb", "a\uFFFD31mb"},
		{"bidi override", "файл\u202Etxt.exe", "файл⟨U+202E⟩txt.exe"},
		{"bidi isolate", "\u2066x\u2069", "⟨U+2066⟩x⟨U+2069⟩"},
		{"zero width", "Ка\u200bзах\u2060стан\ufeff", "Ка⟨U+200B⟩зах⟨U+2060⟩стан⟨U+FEFF⟩"},
		{"line separator", "a\u2028b", "a⟨U+2028⟩b"},
		{"no-break space kept", "7\u00a0591 км", "7\u00a0591 км"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	in := "папка/\x1b[31mфайл\n\t.txt"
	want := "папка/␛[31mфайл␊␉.txt"
	if got := Line(in); got != want {
		t.Errorf("Line(%q) = %q, want %q", in, got, want)
	}
	if got := Line("articles/001.txt"); got != "articles/001.txt" {
		t.Errorf("Line changed a clean name: %q", got)
	}
}

func TestCleanTextIsNotCopied(t *testing.T) {
	s := strings.Repeat("Министр иностранных дел России Сергей Лавров.\n", 100)
	if n := testing.AllocsPerRun(100, func() { _ = Text(s) }); n != 0 {
		t.Errorf("Text on clean text allocated %v times, want 0", n)
	}
}

// checkSafe fails when out holds anything a terminal would act on.
func checkSafe(t *testing.T, in, out string, oneLine bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8: %q → %q", in, out)
	}
	for i := 0; i < len(out); i++ {
		c := out[i]
		if (c < 0x20 && (oneLine || (c != '\n' && c != '\t'))) || c == 0x7f {
			t.Fatalf("control byte %#x survives: %q → %q", c, in, out)
		}
	}
	for _, r := range out {
		if unsafeRune(r) {
			t.Fatalf("rune %U survives: %q → %q", r, in, out)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "Астана. 12 февраля. KAZAKHSTAN TODAY -", "\x1b[2J\x1b]8;;http://x\x07",
		"\u202e\u2066\u200b\ufeff", "\xc2\x9b\x9b\xff\xfe", "a\r\nb\tc\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		checkSafe(t, s, out, false)
		if Text(out) != out {
			t.Fatalf("Text is not idempotent on %q", s)
		}
		checkSafe(t, s, Line(s), true)
	})
}

func BenchmarkText(b *testing.B) {
	clean := strings.Repeat("Министр иностранных дел России Сергей Лавров проведет переговоры.\n", 200)
	dirty := strings.Replace(clean, "Лавров", "Лавров\x1b[2J", 20)
	for _, bc := range []struct{ name, s string }{{"clean", clean}, {"escapes", dirty}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.s)))
			for b.Loop() {
				_ = Text(bc.s)
			}
		})
	}
}
