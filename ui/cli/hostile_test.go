package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Hostile input on the command line: article text and file names full of terminal escapes,
// and queries of any bytes. Plain output must carry no control code a terminal would act on,
// JSON must parse, and nothing may panic or touch the corpus.

// hostileText holds what a terminal acts on: OSC 52 (writes the clipboard), an OSC 8 link,
// clear screen, C0 and C1 controls, a right-to-left override, zero-width characters. (No NUL:
// a file with one is binary, and skipped.)
const hostileText = "\x1b]52;c;ZXZpbA==\x07\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\x1b[2J" +
	"\x01\x08\r\x7f\u0085\u009b31m\u202eevil\u202c\u200b\u200d\u2060\ufeff\u2066"

// hostileCorpus writes a folder with an article whose text and file name are hostile, an
// ordinary article, and a binary file with a hostile name (for the skip message).
func hostileCorpus(t *testing.T) string {
	t.Helper()
	t.Setenv("DISPATCH_CACHE_DIR", t.TempDir()) // the loader's cache, kept out of the user's
	dir := t.TempDir()
	article := " date 2025-11-03 Переговоры " + hostileText + " в Париже\n\n" +
		"ПАРИЖ, 3 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев провел переговоры с " +
		"президентом Франции Эммануэлем Макроном " + hostileText + ".\n\n" +
		"Стороны обсудили\tсотрудничество " + hostileText + " в атомной сфере.\n\nФото: " + hostileText + "\n"
	files := map[string]string{
		"evil" + hostileText + ".txt":   article,
		"plain.txt":                     " date 2025-11-04 Лавров встретился с Кошербаевым\n\nМОСКВА, 4 ноября. /ТАСС/. Министры обсудили связи.\n",
		"binary" + hostileText + ".txt": "\x00\x01\x02" + hostileText,
	}
	for name, text := range files {
		name = strings.ReplaceAll(name, "/", "") // the one byte besides NUL a name cannot hold
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Skip("this file system refuses such names:", err)
		}
	}
	return dir
}

// terminalSafe fails if s holds a byte or rune a terminal would act on rather than show.
// Newlines and tabs are layout, so they pass.
func terminalSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s: not valid UTF-8", what)
	}
	for i, r := range s {
		bad := r < 0x20 && r != '\n' && r != '\t' ||
			r == 0x7f || r >= 0x80 && r <= 0x9f || // DEL, C1
			r >= 0x200b && r <= 0x200f || r >= 0x2028 && r <= 0x202e || // zero width, bidi
			r >= 0x2060 && r <= 0x2069 || r == 0xfeff || r == 0x061c
		if bad {
			t.Errorf("%s: raw U+%04X at byte %d: %q", what, r, i, s[max(0, i-20):min(len(s), i+20)])
			return
		}
	}
}

func TestHostileArticleNeverReachesTheTerminal(t *testing.T) {
	dir := hostileCorpus(t)
	out, errOut, code := runMain(t, "list", "--json", "--corpus", dir)
	if code != ExitOK {
		t.Fatalf("list: code %d, stderr %q", code, errOut)
	}
	var list []articleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 2 {
		t.Fatalf("list --json: %d articles, %v", len(list), err)
	}
	var evil articleJSON
	for _, a := range list {
		if strings.HasPrefix(a.ID, "evil") {
			evil = a
		}
	}
	if evil.ID == "" || !strings.Contains(evil.File, evil.ID) {
		t.Fatalf("the hostile article is missing or has no file: %+v", list)
	}

	for _, argv := range [][]string{
		{"list"}, {"show", evil.ID}, {"search", "переговоры"}, {"search", "evil"},
		{"people"}, {"countries"}, {"orgs"}, {"people", "Токаев"}, {"show", hostileText},
		{"search", hostileText}, {"list", "--timings"},
	} {
		out, errOut, code := runMain(t, append(argv, "--corpus", dir)...)
		if code == ExitUsage {
			t.Errorf("%q: usage error: %q", argv, errOut)
		}
		terminalSafe(t, strings.Join(argv, " ")+": stdout", out)
		terminalSafe(t, strings.Join(argv, " ")+": stderr", errOut)
		if !strings.Contains(errOut, "dispatch: skipped "+dir+string(filepath.Separator)+"binary␛]52;c;") {
			t.Errorf("%q: the binary file's skip message is missing or not sanitised: %q", argv, errOut)
		}
	}
	show, _, _ := runMain(t, "show", evil.ID, "--corpus", dir)
	for _, visible := range []string{"␛[2J", "␛]52;c;ZXZpbA==␇", "⟨U+202E⟩evil", "⟨U+200B⟩"} {
		if !strings.Contains(show, visible) {
			t.Errorf("show: escape not shown as %q:\n%s", visible, show)
		}
	}
}

func TestHostileJSONRoundTrips(t *testing.T) {
	dir := hostileCorpus(t)
	out, _, code := runMain(t, "list", "--json", "--corpus", dir)
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	var list []articleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	writeJSON(&again, list)
	if again.String() != out {
		t.Errorf("list --json does not round-trip:\n%s\nvs\n%s", out, again.String())
	}
	terminalSafe(t, "list --json", out)
	for _, a := range list {
		show, _, code := runMain(t, "show", "--json", a.ID, "--corpus", dir)
		var full articleFullJSON
		if err := json.Unmarshal([]byte(show), &full); err != nil || code != ExitOK {
			t.Fatalf("show --json %q: code %d, %v", a.ID, code, err)
		}
		again.Reset()
		writeJSON(&again, full)
		if again.String() != show {
			t.Errorf("show --json %q does not round-trip", a.ID)
		}
		terminalSafe(t, "show --json", show)
		if full.ID != a.ID || full.File != a.File {
			t.Errorf("show --json %q: id %q, file %q; list says %q", a.ID, full.ID, full.File, a.File)
		}
	}
}

func TestHostileQueries(t *testing.T) {
	huge := strings.Repeat("Кошербаев person:Лавров since:2025 ", 1<<20/60) // a 1 MB paste
	for name, q := range map[string]string{
		"1 MB paste":       huge,
		"1 MB word":        strings.Repeat("ж", 1<<19),
		"1 MB bad date":    "since:" + strings.Repeat("x", 1<<20),
		"1 MB open quote":  `person:"` + strings.Repeat("ж ", 1<<18),
		"1 MB of colons":   strings.Repeat("a:b ", 1<<18),
		"control codes":    hostileText + "\x00\x1b[0m",
		"NUL":              "Кошер\x00баев",
		"invalid UTF-8":    "\xff\xfe\xd0 Лавров \xd0",
		"bad date":         "since:garbage Лавров",
		"empty person":     "person:",
		"open quote":       `person:"Ермек Кошербаев`,
		"only qualifiers":  "since: until: country: org: source:",
		"unknown":          "foo:bar",
		"quotes only":      `"""`,
		"reversed dates":   "since:2026 until:2025",
		"colons":           ":::",
		"escape in a date": "since:2025-\x1b[2J",
	} {
		for _, command := range []string{"search", "people", "countries", "orgs"} {
			if len(q) > 1<<16 && command != "search" {
				continue // the same parser and scan as search; a megabyte once is enough
			}
			out, errOut, code := runMain(t, command, q)
			if code == ExitUsage {
				t.Errorf("%s %s: usage error %q", command, name, errOut)
			}
			if len(errOut) > 4<<10 {
				t.Errorf("%s %s: %d bytes on stderr: a message should be short", command, name, len(errOut))
			}
			terminalSafe(t, command+" "+name+": stdout", out)
			terminalSafe(t, command+" "+name+": stderr", errOut)
			if code == ExitNoMatch && !strings.HasPrefix(errOut, "dispatch: ") && command == "search" {
				t.Errorf("%s %s: no match without a message: %q", command, name, errOut)
			}
		}
	}
	_, errOut, _ := runMain(t, "search", "since:garbage", "Лавров")
	if !strings.Contains(errOut, "YYYY-MM") {
		t.Errorf("a bad date does not say what a date looks like: %q", errOut)
	}
}

// fileState is what dispatch must not change in a corpus: each file's size, mode, time and
// content.
type fileState struct {
	size    int64
	mode    fs.FileMode
	modTime time.Time
	sum     [32]byte
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	files := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st := fileState{size: info.Size(), mode: info.Mode(), modTime: info.ModTime()}
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			st.sum = sha256.Sum256(data)
		}
		files[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCorpusIsNeverWritten(t *testing.T) {
	dir := hostileCorpus(t)
	sub := filepath.Join(dir, "kz")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"crlf.txt":  " date 2025-10-21 Лавров и Кошербаев\r\n\r\nМОСКВА, 21 октября. /ТАСС/. Министры встретились.\r\n",
		"notes.md":  "# not an article",
		"empty.txt": "",
	} {
		if err := os.WriteFile(filepath.Join(sub, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC) // so that a rewrite would show
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	before := snapshot(t, dir)
	for _, argv := range [][]string{
		{"list"}, {"list", "--json"}, {"show", "crlf"}, {"show", "--json", "crlf"},
		{"search", "Лавров"}, {"search", "--json", "since:2025 Кошербаев"},
		{"people"}, {"countries", "--json"}, {"orgs"}, {"list", "--timings"},
	} {
		if _, errOut, code := runMain(t, append(argv, "--corpus", dir)...); code == ExitUsage {
			t.Errorf("%q: %q", argv, errOut)
		}
		if _, _, code := runMain(t, append(argv, "--corpus", filepath.Join(sub, "crlf.txt"))...); code == ExitUsage {
			t.Errorf("%q on one file: code %d", argv, code)
		}
	}
	// Even a cache folder set inside the corpus is not written.
	t.Setenv("DISPATCH_CACHE_DIR", filepath.Join(dir, "kz", "cache"))
	if _, errOut, code := runMain(t, "list", "--corpus", dir); code != ExitOK {
		t.Errorf("cache inside the corpus: code %d, %q", code, errOut)
	}
	after := snapshot(t, dir)
	for p, st := range before {
		if got, ok := after[p]; !ok {
			t.Errorf("%s was removed", p)
		} else if got != st {
			t.Errorf("%s changed: %+v, was %+v", p, got, st)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was created in the corpus", p)
		}
	}
}

func TestHostileMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "нет"+hostileText)
	_, errOut, code := runMain(t, "list", "--corpus", missing)
	if code != ExitUsage || !strings.Contains(errOut, "no such file or directory") {
		t.Errorf("missing path: code %d, stderr %q", code, errOut)
	}
	terminalSafe(t, "missing path", errOut)
}
