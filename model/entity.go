package model

// Person is one real person, whatever case form or spelling the articles use.
type Person struct {
	Key      string // folded canonical name (ru.Fold of Name): the identity across the corpus
	Name     string // full name in the nominative, "Ермек Кошербаев"
	Latin    string // transliteration, "Yermek Kosherbayev"
	Role     string // the role the articles state most often, "" if none
	Articles []*Article
}

// Country is a country identified by its ISO 3166-1 alpha-2 code.
type Country struct {
	Code     string // "KZ"
	Name     string // Russian name, "Казахстан"
	NameEn   string // English name, "Kazakhstan"
	Articles []*Article
}

// Organisation is an international body, ministry, agency or company.
type Organisation struct {
	Key      string // Abbr when there is one, otherwise the folded Name
	Abbr     string // "МАГАТЭ"
	Name     string // Russian full name
	NameEn   string // English name or abbreviation, "IAEA"
	Articles []*Article
}

// Skip records a file that could not be loaded and why.
type Skip struct {
	Path   string
	Reason string
}
