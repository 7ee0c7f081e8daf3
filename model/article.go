// Package model holds the domain of dispatch: articles, the people, countries and organisations
// they mention, and the Corpus that indexes them. It imports nothing from the terminal UI.
package model

import (
	"slices"
	"time"
)

// BlockKind says what a block of article text is.
type BlockKind uint8

const (
	// Lead is the opening paragraph that sums the article up.
	Lead BlockKind = iota
	// Paragraph is ordinary body text.
	Paragraph
	// Subheading is a short heading line inside the body.
	Subheading
)

// Block is one paragraph, lead or subheading of an article's text.
type Block struct {
	Kind BlockKind
	Text string
}

// TitleBlock is the Span.Block value of a mention inside the title.
const TitleBlock = -1

// Span locates text inside an article: Block indexes Article.Blocks (or is TitleBlock),
// Start and End are byte offsets into that block's text. Files are read up to a cap far below
// 2 GiB, so 32 bits hold any offset.
type Span struct {
	Block      int32
	Start, End int32
}

// EntityKind tells people, countries and organisations apart.
type EntityKind uint8

const (
	// KindPerson is a person.
	KindPerson EntityKind = iota
	// KindCountry is a country.
	KindCountry
	// KindOrg is an organisation.
	KindOrg
)

// String returns the kind's name as used in output and queries.
func (k EntityKind) String() string {
	switch k {
	case KindPerson:
		return "person"
	case KindCountry:
		return "country"
	case KindOrg:
		return "org"
	}
	return "unknown"
}

// Mention is one occurrence of an entity in an article's text. Ref indexes the article's
// People, Countries or Orgs, as Kind says; Article.MentionKey gives the entity's key. It holds
// no pointer and takes 16 bytes: a large corpus holds tens of millions of mentions, which the
// garbage collector then need not scan.
type Mention struct {
	Span
	Ref  uint16
	Kind EntityKind
}

// MaxRefs is the most entities of one kind an article's mentions can point at; extraction
// keeps no mention of the rest (only a huge, hostile file gets near it).
const MaxRefs = 1 << 16

// Article is one news item as parsed from a file.
type Article struct {
	ID    string // file name without extension
	File  string // path the article was read from ("seeds/…" for the embedded corpus)
	Size  int64  // bytes read
	Title string
	// Blocks is the text in reading order: an optional Lead first, then paragraphs and subheadings.
	Blocks  []Block
	Credits []string // photo credits, captions and bylines, kept out of the text

	Date         time.Time // zero when unknown
	DateInferred bool      // the date came from a dateline without a year, or another guess
	Source       string    // agency or outlet ("ТАСС", "KAZAKHSTAN TODAY"), if known
	Place        string    // dateline place ("Москва", "Астана"), if known

	People    []PersonRef
	Countries []CountryRef
	Orgs      []OrgRef
	Mentions  []Mention // ordered by Block, then Start
}

// MentionKey returns the key of the entity m points at (Person.Key, Country.Code or
// Organisation.Key), or "" when a has no such entity.
func (a *Article) MentionKey(m Mention) string {
	i := int(m.Ref)
	switch m.Kind {
	case KindPerson:
		if i < len(a.People) && a.People[i].Person != nil {
			return a.People[i].Key
		}
	case KindCountry:
		if i < len(a.Countries) && a.Countries[i].Country != nil {
			return a.Countries[i].Code
		}
	case KindOrg:
		if i < len(a.Orgs) && a.Orgs[i].Organisation != nil {
			return a.Orgs[i].Key
		}
	}
	return ""
}

// RefOf returns the index among a's People, Countries or Orgs (as kind says) of the entity
// with key, or -1.
func (a *Article) RefOf(kind EntityKind, key string) int {
	switch kind {
	case KindPerson:
		return slices.IndexFunc(a.People, func(r PersonRef) bool { return r.Person != nil && r.Key == key })
	case KindCountry:
		return slices.IndexFunc(a.Countries, func(r CountryRef) bool { return r.Country != nil && r.Code == key })
	case KindOrg:
		return slices.IndexFunc(a.Orgs, func(r OrgRef) bool { return r.Organisation != nil && r.Key == key })
	}
	return -1
}

// Lead returns the article's lead paragraph, or "" when it has none.
func (a *Article) Lead() string {
	if len(a.Blocks) > 0 && a.Blocks[0].Kind == Lead {
		return a.Blocks[0].Text
	}
	return ""
}

// Body returns the blocks after the lead.
func (a *Article) Body() []Block {
	if len(a.Blocks) > 0 && a.Blocks[0].Kind == Lead {
		return a.Blocks[1:]
	}
	return a.Blocks
}

// BlockText returns the text a span's Block refers to (the title for TitleBlock).
func (a *Article) BlockText(block int) string {
	if block == TitleBlock {
		return a.Title
	}
	if block >= 0 && block < len(a.Blocks) {
		return a.Blocks[block].Text
	}
	return ""
}

// Mentions of an entity count every occurrence in the title and text.

// PersonRef is a person as mentioned in one article.
type PersonRef struct {
	*Person
	Role     string // role stated in this article, "" if none
	Mentions int
}

// CountryRef is a country as mentioned in one article.
type CountryRef struct {
	*Country
	Mentions int
}

// OrgRef is an organisation as mentioned in one article.
type OrgRef struct {
	*Organisation
	Mentions int
}
