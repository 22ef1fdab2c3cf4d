// Package document reads the task table out of the document a publisher
// actually holds: a Word file (.docx, or .doc, .wps, .rtf, .odt through
// LibreOffice), a page saved from a portal (.html, often Word's HTML export
// in GB2312), or a workbook (.xlsx, or .xls, .et, .ods through LibreOffice).
//
// # The model
//
// A Document is the text outside tables (Paragraphs, in order: the title,
// 文号, issuer and date are among them) and every table (Tables, in the
// order they begin, an outer table before the tables nested in it).
//
// A Table is a grid: after merges are resolved every row has Cols cells, one
// per grid column. A merged cell has its origin at its top left place, with
// RowSpan and ColSpan saying how far it reaches; every other place it covers
// holds a Covered cell that points back at the origin (OriginRow, OriginCol)
// and has no text of its own. So the text of a 牵头单位 merged over three
// tasks is in one cell, and the two rows below know they belong to it; a
// group row 一、… spanning the whole width is one origin with ColSpan = Cols.
// A place no cell of the document fills (a row with fewer cells than the
// table; Word's gridBefore and gridAfter) holds an empty Padded cell, and
// a short row is reported in Warnings, never hidden.
//
// HeaderRows counts the rows the document marks as its heading, repeated at
// the top of every page (Word's w:tblHeader, HTML's <thead>). Copies of the
// heading that a converter wrote as real rows on later pages are found by
// FindHeader (Header.Repeats), as is the heading itself when nothing marks
// it, below a title row or over two rows (a merged heading over two
// sub-headings). Choose picks the task table of a document.
//
// # Nothing is normalised
//
// Every character of every cell is kept exactly as the document shows it:
// full-width punctuation, U+3000, a no-break space written &nbsp;, spaces at
// the end of a cell. A cell of several paragraphs or line breaks keeps them
// as "\n" and a Word tab is "\t". What "shows" means is the one thing each
// reader decides, and says: Word's final view of tracked changes, a
// browser's whitespace rules for HTML, a workbook's formatted values.
//
// # Errors and limits
//
// Every error is a *problem.Problem naming the file, and the table, row and cell
// (1-based) where there is one (Ref: "table 2, row 5, cell 3"); warnings
// are the same type. Limits (limits.go) bound the file, its unzipped parts,
// the tables, rows, cells and text, each refused before the work it would
// blow up.
package document

import "plansite/internal/problem"

// Document is what a document holds: its text outside tables and its tables.
type Document struct {
	File string // the name messages use
	// Format is what was read: "docx", "html" or "xlsx". Converted is the
	// format LibreOffice converted from ("doc", "odt", "xls" …), or "".
	Format, Converted string
	Title             string // an HTML page's <title>, as a browser's tab shows it
	// Paragraphs is the text outside tables, in order, one entry a paragraph
	// (HTML: a line), empty ones left out.
	Paragraphs []string
	Tables     []Table
	Warnings   []problem.Problem // what was read but may not be what is meant
}

// Table is one table of a document, merges resolved into a grid.
type Table struct {
	Rows [][]Cell // every row has Cols cells
	Cols int
	// HeaderRows is how many rows at the top the document marks as the
	// heading repeated on each page (w:tblHeader, <thead>), or 0.
	HeaderRows int
	// Parent is the number (1-based) of the table this one is nested in, or
	// 0. A nested table's text is also in the cell that holds it.
	Parent int
	// Before is how many of Document.Paragraphs come before the table.
	Before int
	// Caption is an HTML table's <caption>, or a worksheet's name.
	Caption string
}

// Cell is one place of a table's grid.
type Cell struct {
	Text string // "" on a Covered or Padded place
	// At a cell's origin, how many rows and grid columns it covers (1 and 1
	// for a cell without merges); 0 and 0 on a Covered place.
	RowSpan, ColSpan int
	// Covered: this place is part of a merged cell whose origin is
	// elsewhere, at Rows[OriginRow][OriginCol]. At an origin, OriginRow and
	// OriginCol are the cell's own place.
	Covered              bool
	OriginRow, OriginCol int
	// Padded: no cell of the document is here (a short row, or the empty
	// places Word's gridBefore and gridAfter leave). Text is "".
	Padded bool
}

// Origin is the cell whose text shows at row r, column c: the cell itself,
// or the origin of the merged cell that covers it.
func (t *Table) Origin(r, c int) *Cell {
	cell := &t.Rows[r][c]
	if cell.Covered {
		return &t.Rows[cell.OriginRow][cell.OriginCol]
	}
	return cell
}

// Text is the text that shows at row r, column c: a merged cell's text at
// every place it covers.
func (t *Table) Text(r, c int) string { return t.Origin(r, c).Text }
