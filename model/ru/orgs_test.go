package ru

import (
	"slices"
	"strings"
	"testing"
)

func TestLookupOrg(t *testing.T) {
	for name, want := range map[string]string{
		"МАГАТЭ": "МАГАТЭ", "магатэ": "МАГАТЭ", "IAEA": "МАГАТЭ",
		"Международного агентства по атомной энергии": "МАГАТЭ",
		"Евросоюза": "ЕС", "Европейского союза": "ЕС", "EU": "ЕС",
		"Организации Договора о коллективной безопасности": "ОДКБ",
		"Шанхайской организации сотрудничества":            "ШОС",
		"Содружества Независимых Государств":               "СНГ",
		"APSCO": "APSCO", "ПА ОБСЕ": "ПА ОБСЕ", "Африканского союза": "АС",
		"Организации Объединенных Наций": "ООН", "World Bank": "всемирный банк",
		"Г20": "G20", "G20": "G20", "Госдепа": "государственный департамент сша",
		"Совета Безопасности ООН": "СБ ООН", "ИТАР-ТАСС": "ТАСС",
	} {
		if o, ok := LookupOrg(name); !ok || o.Key != want {
			t.Errorf("LookupOrg(%q) = %q, %v; want %q", name, o.Key, ok, want)
		}
	}
}

func TestForeignMinistry(t *testing.T) {
	o, ok := ForeignMinistry("KZ")
	if !ok || o.Key != "МИД KZ" || o.Name != "МИД Казахстана" || o.NameEn != "Ministry of Foreign Affairs of Kazakhstan" {
		t.Errorf("ForeignMinistry(KZ) = %+v", o)
	}
	if o, _ := ForeignMinistry("US"); o.NameEn != "Ministry of Foreign Affairs of the United States" {
		t.Errorf("ForeignMinistry(US).NameEn = %q", o.NameEn)
	}
}

// TestMayStartName checks the filters against every form the gazetteers index: they must never
// rule out one of them.
func TestMayStartName(t *testing.T) {
	for form := range countries.words {
		if !MayStartName(form) {
			t.Errorf("MayStartName(%q) = false for a country word", form)
		}
	}
	for form := range countries.phrases {
		if !MayStartName(form) || !MayStartPhrase(form) {
			t.Errorf("MayStartName or MayStartPhrase(%q) = false for a country name's first word", form)
		}
	}
	for form := range orgs.words {
		if !MayStartName(form) {
			t.Errorf("MayStartName(%q) = false for an organisation word", form)
		}
	}
	for form := range orgs.phrases {
		if !MayStartName(form) || !MayStartPhrase(form) {
			t.Errorf("MayStartName or MayStartPhrase(%q) = false for an organisation name's first word", form)
		}
	}
	passed := 0
	for _, w := range []string{"встреча", "прошла", "министр", "кошербаев", "ермек", "сотрудничества", "вопросы", "развития"} {
		if MayStartName(w) {
			passed++
		}
	}
	if passed > 2 {
		t.Errorf("MayStartName lets %d of 8 common words through", passed)
	}
}

// TestMayStartNameCapitalised checks MayStartNameCapitalised answers like MayStartName of the
// fold, for every word of letters а..я the gazetteers index and for common words, capitalised.
func TestMayStartNameCapitalised(t *testing.T) {
	words := []string{"в", "о", "на", "по", "встреча", "министр", "ермек", "развития", "якобы", "российской",
		"reuters", "france", "a", "ab", "abc", "abcd", "covid19", "nato", "kazakhstan", "the", "b2b"}
	for k := range countries.latin {
		words = append(words, k)
	}
	for k := range countries.words {
		words = append(words, k)
	}
	for k := range orgs.words {
		words = append(words, k)
	}
	for k := range countries.phrases {
		words = append(words, k)
	}
	for k := range orgs.phrases {
		words = append(words, k)
	}
	checked, passed := 0, 0
	for _, fold := range words {
		if strings.Trim(fold, "абвгдежзийклмнопрстуфхцчшщъыьэюя") != "" &&
			strings.Trim(fold, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			continue // not lower-case letters of one script only
		}
		r := []rune(fold)
		capitalised := strings.ToUpper(string(r[0])) + string(r[1:])
		got, want := MayStartNameCapitalised(capitalised), MayStartName(fold)
		if got != want {
			t.Errorf("MayStartNameCapitalised(%q) = %v, MayStartName(%q) = %v", capitalised, got, fold, want)
		}
		checked++
		if got {
			passed++
		}
	}
	if checked < 5000 || passed == checked {
		t.Errorf("%d words checked, %d may start a name", checked, passed)
	}
}

// TestPhraseLength checks the longest name starting with a word, in any of its forms.
func TestPhraseLength(t *testing.T) {
	for fold, want := range map[string]int{"северной": 2, "международного": 5, "организации": 3} {
		if got := PhraseLength(fold); got < want {
			t.Errorf("PhraseLength(%q) = %d, want %d or more", fold, got, want)
		}
	}
	for _, fold := range []string{"казахстан", "министр", ""} {
		if got := PhraseLength(fold); got != 0 {
			t.Errorf("PhraseLength(%q) = %d, want 0", fold, got)
		}
	}
	lengths := map[string][]int{}
	for first, phrases := range orgs.phrases {
		for _, p := range phrases {
			lengths[first] = append(lengths[first], len(p.words))
		}
	}
	for first, phrases := range countries.phrases {
		for _, p := range phrases {
			lengths[first] = append(lengths[first], len(p.words))
		}
	}
	for first, ns := range lengths {
		if got := PhraseLength(first); got != slices.Max(ns) || PhraseLengthIn([]byte(first)) != got {
			t.Errorf("PhraseLength(%q) = %d, the names starting so have %v words", first, got, ns)
		}
	}
	if PhraseLength("организации") > LongestOrgPhrase() {
		t.Errorf("longest organisation name %d words, shorter than one starting with организации", LongestOrgPhrase())
	}
}
