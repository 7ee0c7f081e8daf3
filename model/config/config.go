// Package config reads dispatch's optional configuration file: the theme (the colours of
// people, countries, organisations and the accent, for dark and light terminals) and key
// overrides. It imports nothing from the terminal UI.
//
// The file is JSON, config.json in dispatch's folder of the user's configuration folder
// (os.UserConfigDir: $XDG_CONFIG_HOME/dispatch or ~/.config/dispatch on Linux,
// ~/Library/Application Support/dispatch on macOS, %AppData%\dispatch on Windows);
// $DISPATCH_CONFIG_DIR overrides the folder. Every setting is optional: what the file leaves
// out keeps its default. `dispatch --print-config` prints the defaults in this format:
//
//	{
//	  "theme": {
//	    "dark":  {"person": "#6fd49a", "country": "#74b6ff", "org": "#ffb86b", "accent": "#a58cff"},
//	    "light": {"person": "#0a6e3a", "country": "#0b5cad", "org": "#9a4a00", "accent": "#5a3fd1"}
//	  },
//	  "keys": {"quit": ["q"], "pager.next-article": ["]"], …}
//	}
//
// Colours are "#rrggbb" or "#rgb". A key override replaces every key of its action; key names
// are those of Bubble Tea ("q", "ctrl+k", "shift+tab", "pgdown", "space", "enter").
package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// FileName is the configuration file's name inside the configuration folder.
const FileName = "config.json"

// Colors are the colours of one terminal background, as "#rrggbb" or "#rgb".
type Colors struct {
	Person  string `json:"person"`
	Country string `json:"country"`
	Org     string `json:"org"`
	Accent  string `json:"accent"`
}

// Theme holds colours for dark and for light terminals.
type Theme struct {
	Dark  Colors `json:"dark"`
	Light Colors `json:"light"`
}

// Config is dispatch's configuration.
type Config struct {
	Theme Theme `json:"theme"`
	// Keys maps an action name (see Actions) to the keys that trigger it.
	Keys map[string][]string `json:"keys"`
}

// Action is one thing a key does in the browser.
type Action struct {
	Name string   // "quit", "pager.next-hit": the scope, a dot, then the action, or no scope for the browser's lists
	Keys []string // the default keys
}

// Actions are the browser's key actions with their default keys, as the browser binds them
// (ui/keys.go for the lists, "input." for a filter being typed, "pager." for ui/pager.go).
// Keys of actions in one scope must not overlap.
var Actions = []Action{
	{"quit", []string{"q"}},
	{"force-quit", []string{"Q", "ctrl+c"}},
	{"back", []string{"esc", "backspace"}},
	{"help", []string{"?"}},
	{"up", []string{"k", "up"}},
	{"down", []string{"j", "down"}},
	{"top", []string{"g", "home"}},
	{"bottom", []string{"G", "end"}},
	{"page-up", []string{"pgup", "ctrl+b"}},
	{"page-down", []string{"pgdown", "ctrl+f", "space"}},
	{"open", []string{"enter"}},
	{"focus", []string{"tab"}},
	{"focus-back", []string{"shift+tab"}},
	{"filter", []string{"/"}},
	{"global-search", []string{"ctrl+k", ":"}},
	{"sort", []string{"s"}},
	{"mouse", []string{"M"}},
	{"skipped", []string{"S"}},
	{"view-articles", []string{"1"}},
	{"view-people", []string{"2"}},
	{"view-countries", []string{"3"}},
	{"view-orgs", []string{"4"}},
	{"view-timeline", []string{"5"}},
	{"timeline", []string{"t"}},
	{"export", []string{"x"}},
	{"copy", []string{"y"}},
	{"toggle-read", []string{"m"}},
	{"unread-only", []string{"U"}},
	{"star", []string{"f"}},
	{"starred", []string{"F"}},
	{"note", []string{"n"}},
	{"input.accept", []string{"enter"}},
	{"input.clear", []string{"esc"}},
	{"pager.down", []string{"j", "down"}},
	{"pager.up", []string{"k", "up"}},
	{"pager.page-down", []string{"space", "f", "pgdown"}},
	{"pager.page-up", []string{"b", "pgup"}},
	{"pager.half-down", []string{"d"}},
	{"pager.half-up", []string{"u"}},
	{"pager.top", []string{"g", "home"}},
	{"pager.bottom", []string{"G", "end"}},
	{"pager.search", []string{"/"}},
	{"pager.next-hit", []string{"n"}},
	{"pager.prev-hit", []string{"N"}},
	{"pager.next-entity", []string{"e", "tab"}},
	{"pager.prev-entity", []string{"E", "shift+tab"}},
	{"pager.open", []string{"enter"}},
	{"pager.prev-article", []string{"["}},
	{"pager.next-article", []string{"]"}},
}

// Default returns the built-in configuration: the browser's own colours and keys.
func Default() Config {
	c := Config{
		Theme: Theme{
			Dark:  Colors{Person: "#6fd49a", Country: "#74b6ff", Org: "#ffb86b", Accent: "#a58cff"},
			Light: Colors{Person: "#0a6e3a", Country: "#0b5cad", Org: "#9a4a00", Accent: "#5a3fd1"},
		},
		Keys: make(map[string][]string, len(Actions)),
	}
	for _, a := range Actions {
		c.Keys[a.Name] = slices.Clone(a.Keys)
	}
	return c
}

// Path returns where the configuration file is looked for: $DISPATCH_CONFIG_DIR/config.json,
// else config.json in dispatch's folder of the user's configuration folder.
func Path() (string, error) {
	if dir := os.Getenv("DISPATCH_CONFIG_DIR"); dir != "" {
		return filepath.Join(dir, FileName), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no configuration folder: %w", err)
	}
	return filepath.Join(dir, "dispatch", FileName), nil
}

// maxFile bounds what Load reads: a configuration is a few kilobytes.
const maxFile = 1 << 20

// Load reads the configuration file at path over the defaults. A missing file is the
// defaults, without error. Otherwise every problem found is reported in one error, each on its
// own line with the file's path (a syntax error with its line and column; unknown keys and
// actions, bad colours, empty or clashing key lists by name), and Load returns Default()
// alongside, so the caller can go on with the defaults and show the error.
func Load(path string) (Config, error) {
	file, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return Default(), nil
	case err != nil:
		return Default(), err
	case len(file) > maxFile:
		return Default(), fmt.Errorf("%s: larger than %d KiB, not a configuration file", path, maxFile>>10)
	}
	c, problems := parse(file)
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = fmt.Errorf("%s: %s", path, p)
		}
		return Default(), errors.Join(errs...)
	}
	return c, nil
}

// parse reads a configuration over the defaults and lists what is wrong with it.
func parse(file []byte) (Config, []string) {
	c := Default()
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	var top map[string]json.RawMessage
	if err := json.Unmarshal(file, &top); err != nil {
		return c, []string{syntaxProblem(file, err)}
	}
	for _, name := range sortedKeys(top) {
		raw := top[name]
		switch name {
		case "theme":
			var theme map[string]map[string]json.RawMessage
			if err := json.Unmarshal(raw, &theme); err != nil {
				bad(`"theme" must be {"dark": {…}, "light": {…}}`)
				continue
			}
			for _, bg := range sortedKeys(theme) {
				var colors *Colors
				switch bg {
				case "dark":
					colors = &c.Theme.Dark
				case "light":
					colors = &c.Theme.Light
				default:
					bad(`unknown key %s in "theme" (dark or light)`, quote(bg))
					continue
				}
				for _, kind := range sortedKeys(theme[bg]) {
					field := colors.field(kind)
					if field == nil {
						bad(`unknown key %s in "theme.%s" (person, country, org or accent)`, quote(kind), bg)
						continue
					}
					var v string
					if err := json.Unmarshal(theme[bg][kind], &v); err != nil || !isColor(v) {
						bad(`theme.%s.%s: %s is not a colour ("#rrggbb" or "#rgb")`, bg, kind, quote(string(theme[bg][kind])))
						continue
					}
					*field = v
				}
			}
		case "keys":
			var keys map[string]json.RawMessage
			if err := json.Unmarshal(raw, &keys); err != nil {
				bad(`"keys" must map action names to lists of keys`)
				continue
			}
			for _, action := range sortedKeys(keys) {
				if _, known := c.Keys[action]; !known {
					bad(`unknown action %s in "keys" (dispatch --print-config lists them)`, quote(action))
					continue
				}
				var list []string
				if err := json.Unmarshal(keys[action], &list); err != nil {
					bad(`keys.%s: must be a list of keys, like ["q"]`, action)
					continue
				}
				if p := keyListProblem(list); p != "" {
					bad("keys.%s: %s", action, p)
					continue
				}
				c.Keys[action] = list
			}
		default:
			bad(`unknown key %s (theme or keys)`, quote(name))
		}
	}
	problems = append(problems, Clashes(c.Keys)...)
	return c, problems
}

func (c *Colors) field(kind string) *string {
	switch kind {
	case "person":
		return &c.Person
	case "country":
		return &c.Country
	case "org":
		return &c.Org
	case "accent":
		return &c.Accent
	}
	return nil
}

// isColor reports whether s is "#rgb" or "#rrggbb".
func isColor(s string) bool {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range s[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

func keyListProblem(list []string) string {
	if len(list) == 0 {
		return "an empty list would leave the action without a key"
	}
	for _, k := range list {
		if k == "" || len(k) > 32 || strings.ContainsFunc(k, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
			return fmt.Sprintf("%s is not a key name (like \"q\", \"ctrl+k\", \"space\")", quote(k))
		}
	}
	return ""
}

// Clashes lists keys bound to two actions of one scope (the part of an action's name before
// its dot): such a key would do only one of them.
func Clashes(keys map[string][]string) []string {
	var clashes []string
	owner := map[string]string{} // scope + "\x00" + key → action
	for _, action := range sortedKeys(keys) {
		scope, _, _ := strings.Cut(action, ".")
		if !strings.Contains(action, ".") {
			scope = ""
		}
		for _, k := range keys[action] {
			id := scope + "\x00" + k
			if other, taken := owner[id]; taken && other != action {
				clashes = append(clashes, fmt.Sprintf("key %s is bound to both %s and %s", quote(k), other, action))
				continue
			}
			owner[id] = action
		}
	}
	return clashes
}

// syntaxProblem describes a JSON syntax error with its line and column.
func syntaxProblem(file []byte, err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		before := file[:min(int(syn.Offset), len(file))]
		line := 1 + strings.Count(string(before), "\n")
		col := len(before) - strings.LastIndexByte(string(before), '\n')
		return fmt.Sprintf("%d:%d: %v", line, col, err)
	}
	return "the file must be one JSON object: " + err.Error()
}

// quote is s quoted for a message, with control codes escaped by strconv.
func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
