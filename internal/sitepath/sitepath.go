// Package sitepath names the addresses of what the site publishes: a path
// relative to the site's root, such as tasks/7/, for each task, area,
// department and year, each site-wide file, and the anchor of each sentence
// of a task. Pages, the feed and the open data all link with these, so an
// address changes here or nowhere.
package sitepath

import (
	"fmt"

	"plansite/internal/plan"
)

// Task is the address of a task's page.
func Task(t *plan.Task) string { return "tasks/" + t.Slug + "/" }

// TaskJSON is the address of a task's own JSON file.
func TaskJSON(t *plan.Task) string { return Task(t) + "index.json" }

// Area is the address of an action area's page.
func Area(a *plan.Area) string { return fmt.Sprintf("areas/%d/", a.Ordinal) }

// Dept is the address of a department's page.
func Dept(d *plan.Department) string { return "departments/" + d.Slug + "/" }

// Year is the address of a year's page.
func Year(y int) string { return fmt.Sprintf("years/%d/", y) }

// Page is the address of page n of a list whose first page is at first:
// the first page keeps the list's address, the others follow it at
// page/2/, page/3/, …
func Page(first string, n int) string {
	if n <= 1 {
		return first
	}
	return fmt.Sprintf("%spage/%d/", first, n)
}

// SentenceAnchor is the id of the i-th (from 0) sentence of the measures on a task
// page: m1, m2, … Links to a sentence, in the pages and in the open data,
// rest on it.
func SentenceAnchor(i int) string { return fmt.Sprintf("m%d", i+1) }

// Site-wide files and pages.
const (
	Plan       = "plan/"                 // the whole table as one printable page
	Data       = "data/"                 // the open data page
	TableCSV   = "data/tasks.csv"        // the table as published
	PlanJSON   = "data/plan.json"        // the parsed plan
	PlanSchema = "data/plan.schema.json" // the JSON Schema of plan.json
	Feed       = "feed.xml"              // the Atom feed
	ShareImage = "share.png"             // the link preview image of every page
)
