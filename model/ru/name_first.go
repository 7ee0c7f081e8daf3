package ru

import (
	_ "embed"
	"strings"
)

// data/names_first.txt is a project-made list of common first names with their gender
// (dispatch authors, same licence as dispatch). It is a hint, not a gate: names missing from it
// are still found from their surnames and context.
//
//go:embed data/names_first.txt
var firstNamesText string

// firstNames maps a folded first name to a bit set of genders (1<<Male, 1<<Female).
var firstNames = map[string]uint8{}

func init() {
	for _, line := range strings.Split(firstNamesText, "\n") {
		var bit uint8
		switch {
		case strings.HasPrefix(line, "m "):
			bit = 1 << Male
		case strings.HasPrefix(line, "f "):
			bit = 1 << Female
		default:
			continue
		}
		for _, name := range strings.Fields(line[2:]) {
			firstNames[Fold(name)] |= bit
		}
	}
}

// FirstNameGenders reports whether name, in the nominative, is a common male and/or female
// first name. A hyphenated name counts when its last part does ("Касым-Жомарт").
func FirstNameGenders(name string) (male, female bool) {
	f := Fold(name)
	bits, ok := firstNames[f]
	if !ok {
		if i := strings.LastIndexByte(f, '-'); i >= 0 {
			bits = firstNames[f[i+1:]]
		}
	}
	return bits&(1<<Male) != 0, bits&(1<<Female) != 0
}
