// Package export writes a list of articles as a file an analyst takes elsewhere: JSON (the
// records of `dispatch list --json`), CSV for a spreadsheet, or a Markdown document. The
// command line and the browser share these writers. It imports nothing from the terminal UI.
//
// Every string is sanitised with model/sanitize on the way out: whatever the articles hold, an
// export printed on a terminal carries no control codes.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dispatch-news/dispatch/model"
	"github.com/dispatch-news/dispatch/model/sanitize"
)

// Format is an export format.
type Format string

// The formats.
const (
	JSONFormat     Format = "json"
	CSVFormat      Format = "csv"
	MarkdownFormat Format = "md"
)

// Formats lists the formats by name, for usage text and validation.
var Formats = []Format{MarkdownFormat, CSVFormat, JSONFormat}

// ParseFormat returns the format with the given name ("md", "csv", "json"; "markdown" too).
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "json":
		return JSONFormat, nil
	case "csv":
		return CSVFormat, nil
	case "md", "markdown":
		return MarkdownFormat, nil
	}
	return "", fmt.Errorf("unknown format %q (md, csv or json)", sanitize.Line(name))
}

// Ext returns the file-name extension of the format, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// Write writes articles in format f; title heads a Markdown document.
func Write(w io.Writer, f Format, title string, articles []*model.Article) error {
	switch f {
	case JSONFormat:
		return JSON(w, articles)
	case CSVFormat:
		return CSV(w, articles)
	case MarkdownFormat:
		return Markdown(w, title, articles)
	}
	return fmt.Errorf("unknown format %q", string(f))
}

// JSON writes the articles as an indented JSON array of Records, exactly as
// `dispatch list --json` prints them.
func JSON(w io.Writer, articles []*model.Article) error {
	out := make([]Record, len(articles))
	for i, a := range articles {
		out[i] = NewRecord(a)
	}
	return WriteJSON(w, out)
}

// WriteJSON writes v as indented UTF-8 JSON, without HTML escaping.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// CSVHeader is the header row of CSV exports.
var CSVHeader = []string{"id", "date", "date_inferred", "source", "place", "title", "people", "countries", "orgs"}

// ListSep joins the values of a multi-valued CSV field (people, countries, orgs).
const ListSep = "; "

// CSV writes one row per article under CSVHeader. Dates are YYYY-MM-DD ("" when unknown);
// people, countries and organisations are names joined by ListSep. A cell that a spreadsheet
// would run as a formula (starting with = + - or @) gets a leading apostrophe, the spreadsheets'
// own mark for "text".
func CSV(w io.Writer, articles []*model.Article) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, a := range articles {
		row := []string{
			a.ID, dateString(a), strconv.FormatBool(a.DateInferred), a.Source, a.Place, a.Title,
			strings.Join(peopleNames(a), ListSep),
			strings.Join(countryNames(a), ListSep),
			strings.Join(orgNames(a), ListSep),
		}
		for i := range row {
			row[i] = defuse(sanitize.Line(row[i]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a cell from being read as a formula (CSV injection): text cannot start with
// what spreadsheets take for the start of one.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func dateString(a *model.Article) string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format("2006-01-02")
}

func peopleNames(a *model.Article) []string {
	names := make([]string, len(a.People))
	for i, p := range a.People {
		names[i] = p.Name
	}
	return names
}

func countryNames(a *model.Article) []string {
	names := make([]string, len(a.Countries))
	for i, c := range a.Countries {
		names[i] = c.Name
	}
	return names
}

func orgNames(a *model.Article) []string {
	names := make([]string, len(a.Orgs))
	for i, o := range a.Orgs {
		names[i] = OrgLabel(o.Organisation)
	}
	return names
}

// OrgLabel is how an organisation is named in lists: its abbreviation, else its name.
func OrgLabel(o *model.Organisation) string {
	if o.Abbr != "" && o.Abbr != o.Name {
		return o.Abbr
	}
	return o.Name
}
