package loader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in   string
		want dateline
		rest string // "" when in is no dateline
	}{
		{"МОСКВА, 22 октября. /ТАСС/. Министр иностранных дел России", dateline{Place: "Москва", Source: "ТАСС", Day: 22, Month: 10}, "Министр иностранных дел России"},
		{"Астана. 23 февраля. KAZAKHSTAN TODAY - Казахстанские дипломаты", dateline{Place: "Астана", Source: "KAZAKHSTAN TODAY", Day: 23, Month: 2}, "Казахстанские дипломаты"},
		{"МОСКВА, 5 марта – РИА Новости. Президент России", dateline{Place: "Москва", Source: "РИА Новости", Day: 5, Month: 3}, "Президент России"},
		{"МОСКВА, 5 мар — РИА Новости. Текст", dateline{Place: "Москва", Source: "РИА Новости", Day: 5, Month: 3}, "Текст"},
		{"АСТАНА, 12 февраля – Kazinform – Глава МИД", dateline{Place: "Астана", Source: "Kazinform", Day: 12, Month: 2}, "Глава МИД"},
		{"Астана, 5 марта, ИА «Казинформ» — Глава государства", dateline{Place: "Астана", Source: "Казинформ", Day: 5, Month: 3}, "Глава государства"},
		{"LONDON (Reuters) - Britain said on Monday", dateline{Place: "London", Source: "Reuters"}, "Britain said on Monday"},
		{"ВАШИНГТОН, 3 мая (Reuters) - Госдеп", dateline{Place: "Вашингтон", Source: "Reuters", Day: 3, Month: 5}, "Госдеп"},
		{"НЬЮ-ЙОРК, 1 декабря 2024 г. /ТАСС/. Генсек ООН", dateline{Place: "Нью-Йорк", Source: "ТАСС", Day: 1, Month: 12, Year: 2024}, "Генсек ООН"},
		{"МОСКВА, 1 декабря 2024 года. /ТАСС/. Текст", dateline{Place: "Москва", Source: "ТАСС", Day: 1, Month: 12, Year: 2024}, "Текст"},
		{"АСТАНА, 3 мая 2025 года - Текст", dateline{Place: "Астана", Day: 3, Month: 5, Year: 2025}, "Текст"},
		{"РОСТОВ-НА-ДОНУ, 9 июня. /ТАСС/. Текст", dateline{Place: "Ростов-на-Дону", Source: "ТАСС", Day: 9, Month: 6}, "Текст"},
		{"НИЖНИЙ НОВГОРОД, 9 июля. Губернатор", dateline{Place: "Нижний Новгород", Day: 9, Month: 7}, "Губернатор"},
		{"АЛМАТЫ, 01.09.2025. Текст", dateline{Place: "Алматы", Day: 1, Month: 9, Year: 2025}, "Текст"},
		{"МОСКВА, 22 октября – Президент заявил, что", dateline{Place: "Москва", Day: 22, Month: 10}, "Президент заявил, что"},
		{"МОСКВА, 22 октября. Сергей Лавров - министр", dateline{Place: "Москва", Day: 22, Month: 10}, "Сергей Лавров - министр"},
		{"АСТАНА, 2 января. КАЗИНФОРМ - Текст", dateline{Place: "Астана", Source: "КАЗИНФОРМ", Day: 2, Month: 1}, "Текст"},
		// Ordinary sentences are no datelines.
		{"Ожидается, что министры сверят часы по важнейшим темам", dateline{}, ""},
		{"В Словении, 5 марта, прошла встреча", dateline{}, ""},
		{"Казахстан и Россия - стратегические партнеры.", dateline{}, ""},
		{"Токаев напомнил, что между Казахстаном и Россией", dateline{}, ""},
		{"Москва, 45 октября. Текст", dateline{}, ""},
		{"Маршрут 5 марта. Текст", dateline{}, ""},
	}
	for _, tt := range tests {
		dl, rest, ok := parseDateline(tt.in)
		if ok != (tt.rest != "") || dl != tt.want || (ok && rest != tt.rest) {
			t.Errorf("parseDateline(%q) = %+v, %q, %v; want %+v, %q", tt.in, dl, rest, ok, tt.want, tt.rest)
		}
	}
}

func FuzzDateline(f *testing.F) {
	for _, s := range []string{
		"МОСКВА, 22 октября. /ТАСС/. Текст", "Астана. 23 февраля. KAZAKHSTAN TODAY - Текст",
		"LONDON (Reuters) - Text", "АЛМАТЫ, 31.02.2025. Текст", "Астана, 5 марта, ИА «Казинформ» —",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		dl, rest, ok := parseDateline(s)
		if !ok {
			if rest != s || dl != (dateline{}) {
				t.Fatalf("no dateline, but %+v and rest %q", dl, rest)
			}
			return
		}
		if !strings.HasSuffix(s, rest) || len(rest) >= len(s) {
			t.Fatalf("rest %q is not a proper tail of %q", rest, s)
		}
		if dl.Place == "" || (dl.Day == 0 && dl.Source == "") {
			t.Fatalf("dateline without place, or without date and source: %+v", dl)
		}
		if dl.Day < 0 || dl.Day > 31 || dl.Month < 0 || dl.Month > 12 || (dl.Day == 0) != (dl.Month == 0) {
			t.Fatalf("impossible date in %+v", dl)
		}
		if utf8.ValidString(s) && (!utf8.ValidString(dl.Place) || !utf8.ValidString(dl.Source)) {
			t.Fatalf("invalid UTF-8 out of valid input: %+v", dl)
		}
	})
}
