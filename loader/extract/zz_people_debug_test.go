package extract

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/dispatch-news/dispatch/seeds"
)

func TestZZPeopleDebug(t *testing.T) {
	files, _ := fs.Glob(seeds.FS, "*.txt")
	for _, f := range files {
		b, _ := fs.ReadFile(seeds.FS, f)
		var texts []string
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				texts = append(texts, l)
			}
		}
		refs, _ := findPeople(texts, nil)
		fmt.Println("==", f)
		for _, r := range refs {
			fmt.Printf("  %s | %s | %s | %d\n", r.Name, r.Latin, r.Role, r.Mentions)
		}
	}
}
