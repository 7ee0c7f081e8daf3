package ru

import "testing"

func TestLatin(t *testing.T) {
	for in, want := range map[string]string{
		"Ермек Кошербаев":       "Yermek Kosherbayev",
		"Касым-Жомарт Токаев":   "Kasym-Zhomart Tokayev",
		"Сергей Лавров":         "Sergey Lavrov",
		"Мария Захарова":        "Mariya Zakharova",
		"Нурымбет Сактаганов":   "Nurymbet Saktaganov",
		"Шахрат Нурышев":        "Shakhrat Nuryshev",
		"Алексей Бородавкин":    "Aleksey Borodavkin",
		"Қасым Әбдіқұлов":       "Kasym Abdikulov",
		"Юрий Долгорукий":       "Yuriy Dolgorukiy",
		"Rafael Grossi":         "Rafael Grossi",
		"Жалгас Адилбаев, 2025": "Zhalgas Adilbayev, 2025",
	} {
		if got := Latin(in); got != want {
			t.Errorf("Latin(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ёлка ВЕСНА":  "елка весна",
		"plain ascii": "plain ascii",
		"MiXeD Рус":   "mixed рус",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
