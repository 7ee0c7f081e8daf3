package ru

import "testing"

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
