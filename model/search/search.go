// Package search finds articles, people, countries and organisations for a query typed in
// Cyrillic or Latin, in any case form. It owns the search keys, the query parser and ranking;
// it knows nothing of the terminal.
package search

import (
	"context"

	"github.com/dispatch-news/dispatch/model"
)

// Kind says what a hit is.
type Kind uint8

const (
	// Article is an article hit.
	Article Kind = iota
	// Person is a person hit.
	Person
	// Country is a country hit.
	Country
	// Org is an organisation hit.
	Org
)

// String names the kind as results show it.
func (k Kind) String() string {
	return [...]string{"article", "person", "country", "org"}[k]
}

// Scope limits a search to some kinds of hit.
type Scope uint8

const (
	// All searches every kind.
	All Scope = iota
	// Articles searches articles only.
	Articles
	// People searches people only.
	People
	// Countries searches countries only.
	Countries
	// Orgs searches organisations only.
	Orgs
)

// Field is a bit set of the fields a hit matched in.
type Field uint16

const (
	FieldTitle Field = 1 << iota
	FieldPerson
	FieldCountry
	FieldOrg
	FieldSource
	FieldText
	FieldName  // an entity's own name (Russian, Latin or code)
	FieldQuals // the hit passed qualifiers only (person:, since:, ...)
)

// Names lists the fields in f, for output.
func (f Field) Names() []string {
	names := []string{"title", "person", "country", "org", "source", "text", "name", "qualifiers"}
	var out []string
	for i, n := range names {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Hit is one result: Index points into the corpus slice of its Kind
// (Corpus.Articles, People, Countries or Orgs).
type Hit struct {
	Kind   Kind
	Index  int
	Score  int
	Fields Field
}

// Results is a ranked answer to a query.
type Results struct {
	Query string
	Hits  []Hit // best first
	Total int   // hits before any limit
	// Problems explains parts of the query that were ignored ("since:garbage is not a date").
	Problems []string
}

// Options tune a search.
type Options struct {
	Scope Scope
	Limit int // 0 means no limit
}

// Index holds the search keys of a corpus. Build it once, off the UI goroutine; it is safe for
// concurrent searches.
type Index struct {
	c *model.Corpus
}

// New builds the index of c.
func New(c *model.Corpus) *Index {
	return &Index{c: c}
}

// Corpus returns the corpus the index was built on.
func (ix *Index) Corpus() *model.Corpus { return ix.c }

// Search ranks what matches q. An empty query matches everything in the scope, in corpus order.
// It returns ctx.Err() when ctx is cancelled before it finishes.
func (ix *Index) Search(ctx context.Context, q string, opt Options) (*Results, error) {
	return &Results{Query: q}, nil
}

// Highlight returns the rune indexes of label's characters that match q, for display.
func Highlight(q, label string) []int {
	return nil
}
