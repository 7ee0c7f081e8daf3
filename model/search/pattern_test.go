package search

import (
	"bytes"
	"testing"
)

func TestPatternIndexAgreesWithBytesIndex(t *testing.T) {
	keys := []string{"ермек кошербаев", "казахстан и франция", "kosherbaev ermek", "к", "ко кош кошк", "", "ш", "abc"}
	qs := []string{"к", "ко", " ко", "ш", "ербаев", "франция", "и ф", "kosh", "ev", " e", "abc", "abcd", "кошк", "ермек кошербаев!"}
	for _, k := range keys {
		for _, q := range qs {
			if got, want := newPattern([]byte(q)).index([]byte(k)), bytes.Index([]byte(k), []byte(q)); got != want {
				t.Errorf("index(%q in %q) = %d, want %d", q, k, got, want)
			}
		}
	}
}

func FuzzPatternIndex(f *testing.F) {
	f.Add("ермек кошербаев", "ош")
	f.Fuzz(func(t *testing.T, key, q string) {
		if got, want := newPattern([]byte(q)).index([]byte(key)), bytes.Index([]byte(key), []byte(q)); got != want && q != "" {
			t.Errorf("index(%q in %q) = %d, want %d", q, key, got, want)
		}
	})
}
