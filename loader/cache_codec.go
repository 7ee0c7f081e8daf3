package loader

import (
	"encoding/binary"
	"errors"
	"time"
	"unsafe"

	"github.com/dispatch-news/dispatch/model"
)

// The cache stores each file's parsed and annotated article in a compact binary form: integers
// as varints, strings as a length and bytes, lists as a count and items. The article's text
// (title, blocks, credits) comes first, in one piece, so decoding copies it with a single
// allocation; the short strings (names, keys, roles) are interned per worker, as the same few
// recur in every article. Nothing decoded points into the cache file's bytes, which are
// freed once loading ends: memory after a warm load is that of a cold one.

// errCacheEntry is returned when an entry cannot be decoded; the checksum makes it unlikely.
var errCacheEntry = errors.New("cache entry does not decode")

// appendParsed appends p's encoding to buf. Article.ID and File are not stored: they depend
// on how the file was named on this run.
func appendParsed(buf []byte, p *parsed) []byte {
	a := p.article
	e := cacheWriter{buf}
	n := len(a.Title)
	for _, b := range a.Blocks {
		n += len(b.Text)
	}
	for _, c := range a.Credits {
		n += len(c)
	}
	e.uint(n)
	e.buf = append(e.buf, a.Title...)
	for _, b := range a.Blocks {
		e.buf = append(e.buf, b.Text...)
	}
	for _, c := range a.Credits {
		e.buf = append(e.buf, c...)
	}
	e.int(a.Size)
	e.uint(len(a.Title))
	e.uint(len(a.Blocks))
	for _, b := range a.Blocks {
		e.uint(int(b.Kind))
		e.uint(len(b.Text))
	}
	e.uint(len(a.Credits))
	for _, c := range a.Credits {
		e.uint(len(c))
	}
	var date []byte // empty for the zero time
	if !a.Date.IsZero() {
		date, _ = a.Date.AppendBinary(nil)
	}
	e.str(string(date))
	e.bool(a.DateInferred)
	e.str(a.Source)
	e.str(a.Place)

	e.uint(len(a.People))
	for _, r := range a.People {
		e.bool(r.Person != nil)
		if r.Person != nil {
			e.str(r.Key)
			e.str(r.Name)
			e.str(r.Latin)
			e.str(r.Person.Role)
		}
		e.str(r.Role)
		e.int(int64(r.Mentions))
	}
	e.uint(len(a.Countries))
	for _, r := range a.Countries {
		e.bool(r.Country != nil)
		if r.Country != nil {
			e.str(r.Code)
			e.str(r.Name)
			e.str(r.NameEn)
		}
		e.int(int64(r.Mentions))
	}
	e.uint(len(a.Orgs))
	for _, r := range a.Orgs {
		e.bool(r.Organisation != nil)
		if r.Organisation != nil {
			e.str(r.Key)
			e.str(r.Abbr)
			e.str(r.Name)
			e.str(r.NameEn)
		}
		e.int(int64(r.Mentions))
	}
	e.uint(len(a.Mentions))
	for _, m := range a.Mentions {
		e.uint(int(m.Kind))
		e.uint(int(m.Ref))
		e.int(int64(m.Block))
		e.int(int64(m.Start))
		e.int(int64(m.End))
	}

	dl := p.dateline
	e.str(dl.Place)
	e.str(dl.Source)
	e.int(int64(dl.Day))
	e.int(int64(dl.Month))
	e.int(int64(dl.Year))
	e.bool(p.mentionedYears != nil)
	if p.mentionedYears != nil {
		e.uint(len(p.mentionedYears))
		for y, n := range p.mentionedYears {
			e.int(int64(y))
			e.int(int64(n))
		}
	}
	return e.buf
}

// decodeParsed reads back what appendParsed wrote. It copies the text out of data and takes
// the other strings from strs (adding those it lacks), so nothing it returns points into data.
// The article, its text and its lists are made in k's blocks, as a worker keeps a parsed one
// (see keeper.keepArticle); k must not be nil.
func decodeParsed(data []byte, strs map[string]string, k *keeper) (*parsed, error) {
	d := cacheReader{data: data, strs: strs}
	a := k.newArticle()
	p := &parsed{article: a}
	d.text = k.keepText(d.bytes(int(d.uint())))
	a.Size = d.int()
	a.Title = d.textPart()
	if n := d.count(2); n > 0 {
		a.Blocks = k.blocks.room(n, blockBlock)
		for i := range a.Blocks {
			a.Blocks[i] = model.Block{Kind: model.BlockKind(d.uint()), Text: d.textPart()}
		}
	}
	if n := d.count(1); n > 0 {
		a.Credits = k.credits.room(n, creditBlock)
		for i := range a.Credits {
			a.Credits[i] = d.textPart()
		}
	}
	if date := d.bytes(int(d.uint())); len(date) > 0 && a.Date.UnmarshalBinary(date) != nil {
		d.fail()
	}
	a.DateInferred = d.bool()
	a.Source = d.str()
	a.Place = d.str()

	if n := d.count(3); n > 0 {
		a.People = k.people.room(n, refBlock)
		for i := range a.People {
			r := &a.People[i]
			if d.bool() {
				r.Person = k.Person(model.Person{Key: d.str(), Name: d.str(), Latin: d.str(), Role: d.str()})
			}
			r.Role = d.str()
			r.Mentions = int(d.int())
		}
	}
	if n := d.count(2); n > 0 {
		a.Countries = k.countries.room(n, refBlock)
		for i := range a.Countries {
			r := &a.Countries[i]
			if d.bool() {
				r.Country = k.Country(model.Country{Code: d.str(), Name: d.str(), NameEn: d.str()})
			}
			r.Mentions = int(d.int())
		}
	}
	if n := d.count(2); n > 0 {
		a.Orgs = k.orgs.room(n, refBlock)
		for i := range a.Orgs {
			r := &a.Orgs[i]
			if d.bool() {
				r.Organisation = k.Organisation(model.Organisation{Key: d.str(), Abbr: d.str(), Name: d.str(), NameEn: d.str()})
			}
			r.Mentions = int(d.int())
		}
	}
	if n := d.count(5); n > 0 {
		a.Mentions = k.Mentions(n)
		for i := range a.Mentions {
			m := &a.Mentions[i]
			m.Kind = model.EntityKind(d.uint())
			m.Ref = uint16(d.uint())
			m.Block, m.Start, m.End = d.int32(), d.int32(), d.int32()
			if a.MentionKey(*m) == "" {
				d.fail()
			}
		}
	}

	dl := &p.dateline
	dl.Place, dl.Source = d.str(), d.str()
	dl.Day, dl.Month, dl.Year = int(d.int()), time.Month(d.int()), int(d.int())
	if d.bool() {
		n := d.count(2)
		p.mentionedYears = make(map[int]int, n)
		for range n {
			y := int(d.int())
			p.mentionedYears[y] = int(d.int())
		}
	}
	if d.err != nil || len(d.data) != 0 || len(d.text) != 0 {
		return nil, errCacheEntry
	}
	return p, nil
}

// cacheWriter appends values to buf.
type cacheWriter struct{ buf []byte }

func (e *cacheWriter) uint(n int)   { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }
func (e *cacheWriter) int(n int64)  { e.buf = binary.AppendVarint(e.buf, n) }
func (e *cacheWriter) str(s string) { e.uint(len(s)); e.buf = append(e.buf, s...) }
func (e *cacheWriter) bool(ok bool) {
	if ok {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

// cacheReader reads values from data. The first error sticks: later reads return zero values,
// so decoding code checks err once at the end and never panics on damaged input.
type cacheReader struct {
	data []byte
	text string            // what is left of the article's text, for textPart
	strs map[string]string // interned strings; nil to return strings sharing data's bytes
	err  error
}

func (d *cacheReader) fail() { d.err, d.data = errCacheEntry, nil }

func (d *cacheReader) uint() uint64 {
	n, size := binary.Uvarint(d.data)
	if size <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[size:]
	return n
}

// int32 reads an int that must fit in 32 bits.
func (d *cacheReader) int32() int32 {
	n := d.int()
	if int64(int32(n)) != n {
		d.fail()
	}
	return int32(n)
}

func (d *cacheReader) int() int64 {
	n, size := binary.Varint(d.data)
	if size <= 0 {
		d.fail()
		return 0
	}
	d.data = d.data[size:]
	return n
}

func (d *cacheReader) bool() bool {
	if len(d.data) == 0 || d.data[0] > 1 {
		d.fail()
		return false
	}
	ok := d.data[0] == 1
	d.data = d.data[1:]
	return ok
}

// count reads a list length, which cannot exceed what is left when each item takes at least
// minSize bytes: damaged input never makes a huge allocation.
func (d *cacheReader) count(minSize int) int {
	n := d.uint()
	if n > uint64(len(d.data)/minSize) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *cacheReader) bytes(n int) []byte {
	if n < 0 || n > len(d.data) {
		d.fail()
		return nil
	}
	b := d.data[:n:n]
	d.data = d.data[n:]
	return b
}

// str returns the next string: the interned copy, or, without strs, one sharing data's
// bytes (for the index of a cache file, which lives only while loading).
func (d *cacheReader) str() string {
	n := d.uint()
	if n > uint64(len(d.data)) {
		d.fail()
		return ""
	}
	b := d.bytes(int(n))
	switch {
	case len(b) == 0:
		return ""
	case d.strs == nil:
		return unsafe.String(&b[0], len(b))
	}
	if s, ok := d.strs[string(b)]; ok { // the conversion does not allocate
		return s
	}
	s := string(b)
	d.strs[s] = s
	return s
}

// textPart returns the next piece of the article's text, whose length comes next in data.
func (d *cacheReader) textPart() string {
	n := d.uint()
	if n > uint64(len(d.text)) {
		d.fail()
		return ""
	}
	s := d.text[:n]
	d.text = d.text[n:]
	return s
}
