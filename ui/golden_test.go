package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/dispatch-news/dispatch/loader"
	"github.com/dispatch-news/dispatch/model"
)

// TestGoldenMainScreen runs the browser as a program and compares the ANSI-stripped screen
// with testdata/TestGoldenMainScreen/*.golden (go test ./ui -update refreshes them).
func TestGoldenMainScreen(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, bg := range []struct {
			name string
			msg  tea.Msg
		}{{"dark", dark()}, {"light", light()}} {
			t.Run(fmt.Sprintf("%dx%d_%s", size[0], size[1], bg.name), func(t *testing.T) {
				tm := teatest.NewTestModel(t, newApp(context.Background(), RunOptions{}),
					teatest.WithInitialTermSize(size[0], size[1]))
				tm.Send(bg.msg)
				teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
					return strings.Contains(string(b), "mouse on")
				}, teatest.WithDuration(5*time.Second))
				tm.Send(keyMsgs("j")[0])
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(app)
				golden.RequireEqual(t, []byte(screenText(final)))
			})
		}
	}
}

// TestGoldenEntityScreen pins an entity screen: profile, co-occurrence and its articles.
func TestGoldenEntityScreen(t *testing.T) {
	c := seedCorpus(t)
	a := loadedApp(t, c, 120, 40)
	a = feed(t, a, light())
	a = feed(t, a, keyMsgs("2", "enter")...)
	golden.RequireEqual(t, []byte(screenText(a)))
}

// seedCorpus loads the embedded seed articles, as the browser does with no paths.
func seedCorpus(t testing.TB) *model.Corpus {
	t.Helper()
	c, err := loader.Load(context.Background(), nil, loader.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) == 0 {
		t.Fatal("no seed articles loaded")
	}
	return c
}
