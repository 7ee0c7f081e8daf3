package ru

import "testing"

func TestLatinKeySpellingsMeet(t *testing.T) {
	for _, group := range [][]string{
		{"Кошербаев", "Kosherbayev", "Kosherbaev", "KOSHERBAYEV"},
		{"Токаев", "Tokayev", "Tokaev", "Toqaev"},
		{"Касым-Жомарт", "Kassym-Jomart", "Kasym-Zhomart"},
		{"Ермек", "Yermek", "Ermek"},
		{"Захарова", "Zakharova", "Zaharova"},
		{"Юрий", "Yuriy", "Yuri"},
		{"Сергей", "Sergey", "Sergei"},
		{"Мария", "Mariya", "Maria"},
	} {
		want := LatinKey(group[0])
		for _, s := range group[1:] {
			if got := LatinKey(s); got != want {
				t.Errorf("LatinKey(%q) = %q, want %q as for %q", s, got, want, group[0])
			}
		}
	}
}

func TestLatinKeyKeepsOtherText(t *testing.T) {
	if got, want := LatinKey("МАГАТЭ, 2025 г."), "magate, 2025 g."; got != want {
		t.Errorf("LatinKey = %q, want %q", got, want)
	}
}

func TestLatinKeyRunesPointAtSource(t *testing.T) {
	s := "Ермек Кошербаев"
	key, runeOf := LatinKeyRunes(s)
	if len(runeOf) != len(key) {
		t.Fatalf("runeOf has %d entries for a %d-byte key", len(runeOf), len(key))
	}
	runes := []rune(s)
	// "sh" in the key comes from "ш".
	i := len("ermek ko")
	if key[i:i+2] != "sh" || runes[runeOf[i]] != 'ш' || runes[runeOf[i+1]] != 'ш' {
		t.Errorf("key %q: bytes %d,%d map to %q,%q, want ш", key, i, i+1, runes[runeOf[i]], runes[runeOf[i+1]])
	}
}
