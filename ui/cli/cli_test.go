package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runMain runs dispatch in memory, as if from a pipe (not a terminal).
func runMain(t *testing.T, argv ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdout: &out, Stderr: &errOut,
		IsTerminal: func() bool { return false },
		Getenv:     func(string) string { return "" },
	}
	code = Main(context.Background(), argv, env)
	return out.String(), errOut.String(), code
}

func TestHelpAndVersion(t *testing.T) {
	out, _, code := runMain(t, "--help")
	if code != ExitOK || !strings.Contains(out, "dispatch search") {
		t.Errorf("--help: code %d, output %q", code, out)
	}
	out, _, code = runMain(t, "--version")
	if code != ExitOK || !strings.HasPrefix(out, "dispatch ") {
		t.Errorf("--version: code %d, output %q", code, out)
	}
}

func TestBadUsage(t *testing.T) {
	for _, argv := range [][]string{
		{"list", "--bogus"},
		{"show"},
		{"show", "a", "b"},
		{"search"},
		{"search", "--limit", "many", "x"},
		{"list", "--corpus"},
		{"people", "--limit", "3"},
		{"list", "--corpus", filepath.Join(t.TempDir(), "missing")},
	} {
		_, errOut, code := runMain(t, argv...)
		if code != ExitUsage || !strings.HasPrefix(errOut, "dispatch: ") {
			t.Errorf("%q: code %d, stderr %q; want 2 and a message", argv, code, errOut)
		}
	}
}

func TestBrowserNeedsATerminal(t *testing.T) {
	_, errOut, code := runMain(t)
	if code != ExitUsage || !strings.Contains(errOut, "dispatch list") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestListJSONOnSeeds(t *testing.T) {
	out, _, code := runMain(t, "list", "--json")
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(list) != 5 {
		t.Fatalf("%d articles, want the 5 seeds", len(list))
	}
	for _, field := range []string{"id", "file", "title", "date", "date_inferred", "source", "place", "people", "countries", "orgs"} {
		if _, ok := list[0][field]; !ok {
			t.Errorf("article has no %q field", field)
		}
	}
	if strings.Contains(out, `\u04`) {
		t.Error("Cyrillic is escaped; JSON output should be plain UTF-8")
	}
	// Newest first: the seed dated 2026-02-24 leads.
	if list[0]["id"] != "002_4be316f5c9669673" {
		t.Errorf("first article %v, want the newest seed", list[0]["id"])
	}
}

func TestShow(t *testing.T) {
	out, _, code := runMain(t, "show", "--json", "001_c78359815a5bd025")
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	var a struct {
		Title       string   `json:"title"`
		Lead        string   `json:"lead"`
		Paragraphs  []string `json:"paragraphs"`
		Subheadings []string `json:"subheadings"`
		Credits     []string `json:"credits"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Лавров и глава МИД Казахстана обсудят сотрудничество" || len(a.Paragraphs) < 5 || len(a.Credits) == 0 {
		t.Errorf("show: %+v", a)
	}
	plain, _, code := runMain(t, "show", "001_c78359815a5bd025")
	if code != ExitOK || !strings.Contains(plain, "Вечное союзничество") {
		t.Errorf("plain show: code %d\n%s", code, plain)
	}
	_, errOut, code := runMain(t, "show", "no-such-id")
	if code != ExitNoMatch || !strings.Contains(errOut, "no article") {
		t.Errorf("missing id: code %d, %q", code, errOut)
	}
}

func TestEntityQueriesAcrossScripts(t *testing.T) {
	for _, tc := range []struct {
		command, query, want string
	}{
		{"people", "Kosherbaev", "Ермек Кошербаев"},
		{"people", "kosherbayev", "Ермек Кошербаев"},
		{"people", "Кошербаевым", "Ермек Кошербаев"},
		{"countries", "France", "Франция"},
		{"countries", "Франции", "Франция"},
		{"countries", "FR", "Франция"},
		{"orgs", "IAEA", "МАГАТЭ"},
	} {
		out, errOut, code := runMain(t, tc.command, "--json", tc.query)
		if code != ExitOK {
			t.Errorf("%s %s: code %d, stderr %q", tc.command, tc.query, code, errOut)
			continue
		}
		var entries []map[string]any
		if err := json.Unmarshal([]byte(out), &entries); err != nil || len(entries) == 0 {
			t.Errorf("%s %s: %v %s", tc.command, tc.query, err, out)
			continue
		}
		first, _ := json.Marshal(entries[0])
		if !strings.Contains(string(first), tc.want) {
			t.Errorf("%s %s: best match %s, want %s", tc.command, tc.query, first, tc.want)
		}
		if ids, _ := entries[0]["articles"].([]any); len(ids) == 0 {
			t.Errorf("%s %s: best match lists no articles", tc.command, tc.query)
		}
	}
}

func TestSearchAndNoMatch(t *testing.T) {
	out, _, code := runMain(t, "search", "--json", "--limit", "3", "Кошербаев")
	if code != ExitOK {
		t.Fatalf("code %d", code)
	}
	var hits []struct {
		ID      string   `json:"id"`
		Score   int      `json:"score"`
		Matched []string `json:"matched"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) == 0 || len(hits) > 3 {
		t.Fatalf("hits %v (%v)", hits, err)
	}
	_, _, code = runMain(t, "search", "zzqxzzqx")
	if code != ExitNoMatch {
		t.Errorf("a query that matches nothing: code %d, want 1", code)
	}
}

func TestTimings(t *testing.T) {
	_, errOut, code := runMain(t, "list", "--timings")
	if code != ExitOK || !strings.Contains(errOut, "load_ms=") || !strings.Contains(errOut, "articles=5") {
		t.Errorf("code %d, stderr %q", code, errOut)
	}
}

func TestPlainOutputIsSanitised(t *testing.T) {
	dir := t.TempDir()
	evil := " date 2025-01-02 Title \x1b]52;c;ZXZpbA==\x07 here\n\nBody \x1b[2J text.\n"
	if err := os.WriteFile(filepath.Join(dir, "evil.txt"), []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, argv := range [][]string{{"list"}, {"show", "evil"}, {"list", "--json"}} {
		out, _, code := runMain(t, append(argv, "--corpus", dir)...)
		if code != ExitOK || strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
			t.Errorf("%q: code %d, output carries control codes: %q", argv, code, out)
		}
	}
}
