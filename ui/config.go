package ui

import (
	"image/color"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/dispatch-news/dispatch/model/config"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// loadConfig reads the configuration at path ("" is the defaults). On error it returns the
// defaults and a one-line message for the status line.
func loadConfig(path string) (config.Config, string) {
	if path == "" {
		return config.Default(), ""
	}
	c, err := config.Load(path)
	if err != nil {
		lines := strings.Split(err.Error(), "\n")
		msg := "config: " + lines[0]
		if len(lines) > 1 {
			msg += " (and " + quantity(len(lines)-1, "more problem") + ")"
		}
		return config.Default(), sanitize.Line(msg) + " · using defaults"
	}
	return c, ""
}

// themeFor is the session's theme for a dark or light terminal, with the configured colours.
func (s *session) themeFor(dark bool) theme {
	t := newTheme(dark, s.colorOn)
	c := s.cfg.Theme.Light
	if dark {
		c = s.cfg.Theme.Dark
	}
	return t.withColors(c)
}

// withColors returns t with the person, country, organisation and accent colours of c, where
// c sets them (config.Load has checked their syntax).
func (t theme) withColors(c config.Colors) theme {
	pick := func(def color.Color, v string) color.Color {
		if v == "" {
			return def
		}
		return lipgloss.Color(v)
	}
	t.person, t.country = pick(t.person, c.Person), pick(t.country, c.Country)
	t.org, t.accent = pick(t.org, c.Org), pick(t.accent, c.Accent)
	return t
}

// keyMapFrom is the browser's key map with the configured keys of each action.
func keyMapFrom(keys map[string][]string) keyMap {
	k := defaultKeyMap()
	bind := map[string]*key.Binding{
		"quit": &k.Quit, "force-quit": &k.ForceQuit, "back": &k.Back, "help": &k.Help,
		"up": &k.Up, "down": &k.Down, "top": &k.Top, "bottom": &k.Bottom,
		"page-up": &k.PageUp, "page-down": &k.PageDown, "open": &k.Open,
		"focus": &k.Focus, "focus-back": &k.FocusBack, "filter": &k.Filter,
		"global-search": &k.GlobalSearch, "sort": &k.Sort, "mouse": &k.Mouse, "skipped": &k.Skipped,
		"view-articles": &k.ViewArticles, "view-people": &k.ViewPeople,
		"view-countries": &k.ViewCountries, "view-orgs": &k.ViewOrgs,
		"view-timeline": &k.ViewTimeline, "timeline": &k.Timeline,
		"export": &k.Export, "copy": &k.Copy, "toggle-read": &k.ToggleRead,
		"unread-only": &k.UnreadOnly, "star": &k.Star, "starred": &k.Starred, "note": &k.Note,
		"input.accept": &k.InputAccept, "input.clear": &k.InputClear,
	}
	rebind(bind, keys)
	return k
}

// pagerKeyMapFrom is the pager's key map with the configured keys of each "pager." action.
func pagerKeyMapFrom(keys map[string][]string) pagerKeyMap {
	k := defaultPagerKeyMap()
	bind := map[string]*key.Binding{
		"pager.down": &k.Down, "pager.up": &k.Up, "pager.page-down": &k.PageDown,
		"pager.page-up": &k.PageUp, "pager.half-down": &k.HalfDown, "pager.half-up": &k.HalfUp,
		"pager.top": &k.Top, "pager.bottom": &k.Bottom, "pager.search": &k.Search,
		"pager.next-hit": &k.NextHit, "pager.prev-hit": &k.PrevHit,
		"pager.next-entity": &k.NextEntity, "pager.prev-entity": &k.PrevEntity,
		"pager.open": &k.Open, "pager.prev-article": &k.PrevArticle, "pager.next-article": &k.NextArticle,
	}
	rebind(bind, keys)
	return k
}

// rebind gives each named binding its configured keys, keeping its help text but naming the
// new keys in it. Actions the configuration leaves out keep their defaults.
func rebind(bind map[string]*key.Binding, keys map[string][]string) {
	for name, b := range bind {
		ks, ok := keys[name]
		if !ok || len(ks) == 0 || slices.Equal(ks, b.Keys()) {
			continue
		}
		b.SetKeys(ks...)
		if h := b.Help(); h.Desc != "" {
			b.SetHelp(strings.Join(ks, "/"), h.Desc)
		}
	}
}
