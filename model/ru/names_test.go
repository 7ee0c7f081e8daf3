package ru

import (
	"slices"
	"testing"
)

func TestInflectName(t *testing.T) {
	for _, tc := range []struct {
		name string
		part NamePart
		g    Gender
		c    Case
		want string
	}{
		{"Ермек", FirstName, Male, Instrumental, "Ермеком"},
		{"Кошербаев", LastName, Male, Instrumental, "Кошербаевым"},
		{"Касым-Жомарт", FirstName, Male, Genitive, "Касым-Жомарта"},
		{"Захарова", LastName, Female, Genitive, "Захаровой"},
		{"Захаров", LastName, Male, Genitive, "Захарова"},
		{"Павел", FirstName, Male, Dative, "Павлу"},
		{"Муса", FirstName, Male, Instrumental, "Мусой"},
		{"Селнес", LastName, Female, Instrumental, "Селнес"},
		{"Арсенович", MiddleName, Male, Instrumental, "Арсеновичем"},
	} {
		if got := Inflect(tc.name, tc.part, tc.g, tc.c); got != tc.want {
			t.Errorf("Inflect(%q, %d, %d, %d) = %q, want %q", tc.name, tc.part, tc.g, tc.c, got, tc.want)
		}
	}
}

func TestNameLemmas(t *testing.T) {
	for _, tc := range []struct {
		word string
		part NamePart
		g    Gender
		c    Case
		want string
	}{
		{"Ермеком", FirstName, Male, Instrumental, "Ермек"},
		{"Кошербаевым", LastName, Male, Instrumental, "Кошербаев"},
		{"Кошербаева", LastName, Male, Genitive, "Кошербаев"},
		{"Касым-Жомарта", FirstName, Male, Genitive, "Касым-Жомарт"},
		{"Токаева", LastName, Male, Genitive, "Токаев"},
		{"Захаровой", LastName, Female, Dative, "Захарова"},
		{"Павла", FirstName, Male, Genitive, "Павел"},
		{"Лизой", FirstName, Female, Instrumental, "Лиза"},
		{"Алешкой", FirstName, Female, Instrumental, "Алешка"},
		{"Гомесом", LastName, Male, Instrumental, "Гомес"},
		{"Шалданбая", LastName, Male, Genitive, "Шалданбай"},
		{"Гросси", LastName, Male, Instrumental, "Гросси"},
		{"Арсеновичем", MiddleName, Male, Instrumental, "Арсенович"},
		{"Жуковского", LastName, Male, Genitive, "Жуковский"},
		{"Толстым", LastName, Male, Instrumental, "Толстой"},
		{"Любовью", FirstName, Female, Instrumental, "Любовь"},
	} {
		got := NameLemmas(tc.word, tc.part, tc.g, tc.c)
		if !slices.Contains(got, tc.want) {
			t.Errorf("NameLemmas(%q, %d, %d, %d) = %q, want it to hold %q", tc.word, tc.part, tc.g, tc.c, got, tc.want)
		}
		// Every lemma must inflect back to the word.
		for _, l := range got {
			if back := Inflect(l, tc.part, tc.g, tc.c); Fold(back) != Fold(tc.word) {
				t.Errorf("Inflect(%q) = %q, not back to %q", l, back, tc.word)
			}
		}
	}
	if got := NameLemmas("Кошербаевым", LastName, Female, Instrumental); slices.Contains(got, "Кошербаев") {
		t.Errorf("a feminine reading of Кошербаевым: %q", got)
	}
}

func TestFirstNameGenders(t *testing.T) {
	for name, want := range map[string][2]bool{
		"Сергей":       {true, false},
		"Мария":        {false, true},
		"Касым-Жомарт": {true, false},
		"Ёлка":         {false, false},
		"Артём":        {true, false},
		"Артем":        {true, false},
	} {
		if m, f := FirstNameGenders(name); m != want[0] || f != want[1] {
			t.Errorf("FirstNameGenders(%q) = %v, %v, want %v", name, m, f, want)
		}
	}
}

func TestFastFoldMatchesUnicodeFold(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "Ермек", "КОШЕРБАЕВ", "Колбьёрнсен", "ЁЛКА", "ёж", "Ѐѐ Џџ", "Қасым Әбдіқұлов", "Mixed Ёлка", "уже", "Straße İstanbul", "ΑΒΓ", "日本"} {
		if got, want := Fold(s), foldRunes(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNameLemmasByGender reads words of news both ways: both genders in one pass give what
// each gender gives alone.
func TestNameLemmasByGender(t *testing.T) {
	words := []string{"Ермеком", "Кошербаевым", "Касым-Жомарта", "Захаровой", "Мусой", "Маайта",
		"Марии", "Джорджем", "Мердока", "Навального", "Арсеновичем", "Петровной", "Шалданбаю",
		"Анной", "Ильи", "Любови", "Ёлкиным", "Smith", "Ли", "Гомес-Толедо"}
	for _, w := range words {
		for _, part := range []NamePart{FirstName, MiddleName, LastName} {
			both := NameLemmasByGender(w, part)
			for _, g := range []Gender{Male, Female} {
				if want := NameLemmasByCase(w, part, g); !slices.EqualFunc(both[g][:], want[:], slices.Equal) {
					t.Errorf("NameLemmasByGender(%q, %d)[%d] = %q, want %q", w, part, g, both[g], want)
				}
			}
		}
	}
}
