package load

import (
	"fmt"
	"strconv"

	"plansite/internal/plan"
	"plansite/internal/problem"
)

// formulaWarnings warns of the cells a spreadsheet would run as a formula
// when a reader opens the published CSV (/data/tasks.csv,
// /data/progress.csv) in Excel or WPS: text that begins with = + - @, a tab
// or a carriage return (=HYPERLINK(…) sends the reader elsewhere, +cmd|…
// once ran programs). The data stay verbatim, as every cell does: the
// publisher is told, at the cell, and decides.
func formulaWarnings(file string, cells []plan.Cell) []problem.Problem {
	var warns []problem.Problem
	for _, c := range cells {
		if !runsAsFormula(c.Text) {
			continue
		}
		warns = append(warns, problem.Problem{Severity: problem.Warning, File: file, Line: c.Line, Col: c.Col,
			Msg: fmt.Sprintf("the cell begins with %s, so a spreadsheet (Excel, WPS) opening the published CSV would run it as a formula: %s; it is published as written. If it is not meant as one, begin it otherwise",
				strconv.QuoteToGraphic(c.Text[:1]), plan.QuoteCell(c.Text))})
	}
	return warns
}

// runsAsFormula reports whether a spreadsheet reads the cell s as a
// formula: it begins with one of the characters that start one, and is
// not simply a number (-5, +3.5), which is read as that number.
func runsAsFormula(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
	default:
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil
}
