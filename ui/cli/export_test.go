package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/model/config"
	"github.com/dispatch-news/dispatch/model/export"
)

// seedList is `dispatch list --json` on the seeds, the reference the other formats follow.
func seedList(t *testing.T) (string, []articleJSON) {
	t.Helper()
	out, _, code := runMain(t, "list", "--json")
	var list []articleJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != ExitOK || len(list) == 0 {
		t.Fatalf("list --json: code %d, %v", code, err)
	}
	return out, list
}

func TestListFormatJSONIsJSON(t *testing.T) {
	want, _ := seedList(t)
	for _, argv := range [][]string{{"list", "--format", "json"}, {"list", "--format=json"}, {"--format", "JSON", "list", "--json"}} {
		if out, _, code := runMain(t, argv...); code != ExitOK || out != want {
			t.Errorf("%q: code %d, output differs from list --json", argv, code)
		}
	}
}

func TestListFormatCSV(t *testing.T) {
	_, list := seedList(t)
	out, errOut, code := runMain(t, "list", "--format", "csv")
	if code != ExitOK || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "id,date,date_inferred,source,place,title,people,countries,orgs" {
		t.Errorf("header %s", got)
	}
	if len(rows)-1 != len(list) {
		t.Fatalf("%d rows, %d articles", len(rows)-1, len(list))
	}
	for i, a := range list {
		row := rows[i+1]
		if row[0] != a.ID || row[1] != a.Date || row[3] != a.Source || row[4] != a.Place || row[5] != a.Title {
			t.Errorf("row %q does not match %+v", row, a)
		}
		var names []string
		for _, p := range a.People {
			names = append(names, p.Name)
		}
		if row[6] != strings.Join(names, "; ") {
			t.Errorf("%s: people %q, want %q", a.ID, row[6], strings.Join(names, "; "))
		}
	}
}

func TestListFormatMarkdown(t *testing.T) {
	_, list := seedList(t)
	out, _, code := runMain(t, "list", "--format", "md")
	if code != ExitOK || !strings.HasPrefix(out, "# dispatch: seed articles\n") {
		t.Fatalf("code %d, output starts %q", code, out[:min(len(out), 80)])
	}
	if n := strings.Count(out, "\n## "); n != len(list) {
		t.Errorf("%d article headings for %d articles", n, len(list))
	}
	for _, a := range list {
		if !strings.Contains(out, "- **ID:** "+export.MarkdownEscape(a.ID)+"\n") {
			t.Errorf("no entry for %s", a.ID)
		}
	}
}

func TestFormatUsageErrors(t *testing.T) {
	for _, argv := range [][]string{
		{"list", "--format", "xlsx"},
		{"list", "--format"},
		{"list", "--json", "--format", "csv"},
		{"list", "--format", "csv", "--format", "md"},
		{"search", "--format", "md", "Кошербаев"},
		{"--format", "csv"},
	} {
		out, errOut, code := runMain(t, argv...)
		if code != ExitUsage || out != "" || !strings.Contains(errOut, "format") {
			t.Errorf("%q: code %d, stdout %q, stderr %q", argv, code, out, errOut)
		}
	}
	// --format json goes wherever --json does.
	if out, _, code := runMain(t, "search", "--format", "json", "Кошербаев"); code != ExitOK || !strings.HasPrefix(out, "[") {
		t.Errorf("search --format json: code %d", code)
	}
}

func TestHostileExports(t *testing.T) {
	dir := hostileCorpus(t)
	for _, format := range []string{"csv", "md", "json"} {
		out, errOut, code := runMain(t, "list", "--format", format, "--corpus", dir)
		if code != ExitOK {
			t.Fatalf("%s: code %d, %s", format, code, errOut)
		}
		terminalSafe(t, "list --format "+format, out)
	}
	out, _, _ := runMain(t, "list", "--format", "csv", "--corpus", dir)
	if _, err := csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil {
		t.Errorf("hostile CSV does not parse: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) == 0 {
		t.Fatal("corpus vanished")
	} else {
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".csv") || strings.HasSuffix(e.Name(), ".md") || strings.HasSuffix(e.Name(), ".state") {
				t.Errorf("export wrote %s into the corpus folder", filepath.Join(dir, e.Name()))
			}
		}
	}
}

func TestPrintConfig(t *testing.T) {
	out, errOut, code := runMain(t, "--print-config")
	if code != ExitOK || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	path := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(path, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path)
	if err != nil || !reflect.DeepEqual(c, config.Default()) {
		t.Errorf("the printed configuration does not load back as the defaults: %v", err)
	}
	if !strings.Contains(out, `"pager.next-article": [`) || !strings.Contains(out, `"person": "#`) {
		t.Errorf("printed configuration lacks keys or colours:\n%s", out)
	}
	help, _, _ := runMain(t, "--help")
	for _, flag := range []string{"--format", "--print-config", "md|csv|json"} {
		if !strings.Contains(help, flag) {
			t.Errorf("--help does not mention %s", flag)
		}
	}
}
