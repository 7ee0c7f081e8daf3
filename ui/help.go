package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
)

// helpView lists every key of the current screen, then the global ones, generated from the key
// bindings so it cannot drift from what the keys do.
func helpView(st *styles, k keyMap, screenKeys []key.Binding, w, h int) string {
	lines := []string{st.title.Render("Keys") + st.dim.Render(" · ? or esc closes"), ""}
	seen := map[string]bool{}
	add := func(bs []key.Binding) {
		for _, b := range bs {
			hp := b.Help()
			id := hp.Key + hp.Desc
			if !b.Enabled() || hp.Key == "" || seen[id] {
				continue
			}
			seen[id] = true
			lines = append(lines, "  "+st.hintKey.Render(fmt.Sprintf("%-10s", hp.Key))+" "+st.text.Render(hp.Desc))
		}
	}
	add(screenKeys)
	lines = append(lines, "", st.accent.Render("Everywhere"))
	add(k.globalHelp())
	if len(lines) > h && h > 0 {
		// Too short for one column: fold into two.
		half := (len(lines) + 1) / 2
		colW := max(w/2, 1)
		folded := make([]string, 0, half)
		for i := range half {
			right := ""
			if i+half < len(lines) {
				right = lines[i+half]
			}
			folded = append(folded, fit(lines[i], colW)+right)
		}
		lines = folded
	}
	return fitBlock(lines, w, h)
}
