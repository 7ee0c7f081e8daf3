package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMissingFileIsTheDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "nothing", FileName))
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("Load of a missing file: %v, %+v", err, c)
	}
}

func TestDefaultsRoundTripAndDoNotClash(t *testing.T) {
	if clashes := Clashes(Default().Keys); len(clashes) > 0 {
		t.Errorf("the default keys clash: %q", clashes)
	}
	var printed bytes.Buffer
	enc := json.NewEncoder(&printed)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Default()); err != nil {
		t.Fatal(err)
	}
	c, err := Load(writeConfig(t, printed.String()))
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Errorf("the printed defaults do not load back: %v", err)
	}
	for _, action := range []string{"quit", "global-search", "view-timeline", "pager.next-entity", "pager.next-article", "input.clear"} {
		if len(Default().Keys[action]) == 0 {
			t.Errorf("no default keys for %s", action)
		}
	}
}

func TestOverridesKeepTheRest(t *testing.T) {
	c, err := Load(writeConfig(t, `{
  "theme": {"dark": {"person": "#00ff00", "accent": "#abc"}},
  "keys": {"quit": ["ctrl+q"], "pager.next-article": ["ctrl+n", "]"]}
}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Theme.Dark.Person, want.Theme.Dark.Accent = "#00ff00", "#abc"
	want.Keys["quit"] = []string{"ctrl+q"}
	want.Keys["pager.next-article"] = []string{"ctrl+n", "]"}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
}

func TestProblemsAreAllReported(t *testing.T) {
	path := writeConfig(t, `{
  "themes": {},
  "theme": {"dark": {"person": "green", "persn": "#fff"}, "sepia": {}},
  "keys": {"quitt": ["q"], "help": [], "sort": "s", "filter": ["ctrl+\u001b[2J"], "timeline": ["s"]}
}`)
	c, err := Load(path)
	if err == nil {
		t.Fatal("no error")
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Error("a bad file must give the defaults")
	}
	msg := err.Error()
	for _, want := range []string{
		`unknown key "themes"`,
		`theme.dark.person: "\"green\"" is not a colour`,
		`unknown key "persn" in "theme.dark"`,
		`unknown key "sepia" in "theme"`,
		`unknown action "quitt"`,
		`keys.help: an empty list`,
		`keys.sort: must be a list`,
		`keys.filter: "ctrl+\x1b[2J" is not a key name`,
		`key "s" is bound to both sort and timeline`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if lines := strings.Split(msg, "\n"); len(lines) != 9 || !strings.HasPrefix(lines[0], path+": ") {
		t.Errorf("want 9 problems, each with the path:\n%s", msg)
	}
	if strings.ContainsRune(msg, 0x1b) {
		t.Error("a control code from the file reached the message")
	}
}

func TestSyntaxErrorHasLineAndColumn(t *testing.T) {
	_, err := Load(writeConfig(t, "{\n  \"keys\": {\n    \"quit\": [\"q\",]\n  }\n}\n"))
	if err == nil || !strings.Contains(err.Error(), FileName+": 3:") {
		t.Errorf("syntax error: %v", err)
	}
	if _, err := Load(writeConfig(t, `["not", "an", "object"]`)); err == nil {
		t.Error("a JSON array is not a configuration")
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("DISPATCH_CONFIG_DIR", dir)
	if p, err := Path(); err != nil || p != filepath.Join(dir, FileName) {
		t.Errorf("Path with DISPATCH_CONFIG_DIR: %s, %v", p, err)
	}
	t.Setenv("DISPATCH_CONFIG_DIR", "")
	t.Setenv("XDG_CONFIG_HOME", dir)
	if p, err := Path(); err == nil && !strings.HasSuffix(p, filepath.Join("dispatch", FileName)) {
		t.Errorf("Path: %s", p)
	}
}
