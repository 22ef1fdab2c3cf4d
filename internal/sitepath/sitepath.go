// Package sitepath names the addresses of what the site publishes: a path
// relative to the site's root, such as tasks/7/, for each task, area,
// department and year, each list page, each site-wide file, and the anchor
// of each sentence of a task; and the first path segments that are the
// generator's (Reserved), which no Markdown page may take. Pages, the feed,
// the open data, the search index, the sitemap and the templates (through
// Paths) all link with these, so an address changes here or nowhere.
package sitepath

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"plansite/internal/plan"
)

// Task is the address of a task's page.
func Task(t *plan.Task) string { return Tasks + t.Slug + "/" }

// TaskJSON is the address of a task's own JSON file.
func TaskJSON(t *plan.Task) string { return Task(t) + "index.json" }

// Area is the address of an action area's page.
func Area(a *plan.Area) string { return Areas + strconv.Itoa(a.Ordinal) + "/" }

// Dept is the address of a department's page.
func Dept(d *plan.Department) string { return Departments + d.Slug + "/" }

// Year is the address of a year's page.
func Year(y int) string { return Years + strconv.Itoa(y) + "/" }

// Page is the address of page n of a list whose first page is at first:
// the first page keeps the list's address, the others follow it at
// page/2/, page/3/, …
func Page(first string, n int) string {
	if n <= 1 {
		return first
	}
	return fmt.Sprintf("%spage/%d/", first, n)
}

// File is the file an address is written to: a folder's index.html, else
// the address itself (404.html).
func File(addr string) string {
	if addr == "" || strings.HasSuffix(addr, "/") {
		return addr + "index.html"
	}
	return addr
}

// SentenceAnchor is the id of the i-th (from 0) sentence of the measures on a task
// page: m1, m2, … Links to a sentence, in the pages and in the open data,
// rest on it.
func SentenceAnchor(i int) string { return fmt.Sprintf("m%d", i+1) }

// PlanRow is the id of task t's row in the full table (/plan/#task-7).
func PlanRow(t *plan.Task) string { return "task-" + t.Slug }

// SearchShard is the address of shard n of the search index.
func SearchShard(n int) string { return Search + strconv.Itoa(n) + ".json" }

// Sitemap is the address of part n (from 1) of a sitemap split into parts.
func Sitemap(n int) string { return Sitemaps + strconv.Itoa(n) + ".xml" }

// The folders of the pages of one kind each.
const (
	Tasks       = "tasks/"       // a task's page, tasks/7/
	Areas       = "areas/"       // every area; one area's, areas/2/
	Departments = "departments/" // every department; one department's, departments/<slug>/
	Years       = "years/"       // the plan by year; one year's, years/2020/
)

// Site-wide pages and files.
const (
	Home        = ""                      // the home page
	Plan        = "plan/"                 // the whole table as one printable page
	Data        = "data/"                 // the open data page: reuse, citation and the files
	DataFields  = Data + "fields/"        // what every column of tasks.csv and field of plan.json holds
	Progress    = "progress/"             // 落实情况, when the site has a progress file
	Search      = "search/"               // the search page; its index is written beside it, so the script finds it there
	NotFound    = "404.html"              // served by hosts for any address they do not have
	TableCSV    = "data/tasks.csv"        // the table as published
	PlanJSON    = "data/plan.json"        // the parsed plan
	PlanSchema  = "data/plan.schema.json" // the JSON Schema of plan.json
	ProgressCSV = "data/progress.csv"     // the progress file as read
	StatusCSS   = Progress + "status.css" // the colours of the statuses site.toml names
	SearchIndex = Search + "index.json"   // the search index's manifest, naming its shards
	Feed        = "feed.xml"              // the Atom feed
	ShareImage  = "share.png"             // the link preview image of every page
	SitemapXML  = "sitemap.xml"           // the sitemap, or the index of its parts
	Sitemaps    = "sitemaps/"             // the parts of a sitemap of more than 50,000 addresses
	Robots      = "robots.txt"            // for search engines
	Static      = "static/"               // the static folder's files
	Headers     = "_headers"              // the security headers, for hosts that read them
	NoJekyll    = ".nojekyll"             // tells GitHub Pages to serve the folder as it is
)

// Paths are the site-wide addresses, for templates, which link with them
// ({{.Rel .Site.Paths.Search}}) rather than spell an address.
type Paths struct {
	Home, Areas, Departments, Years, Progress, Search, Plan, Data string
	DataFields, TableCSV, PlanJSON, PlanSchema, ProgressCSV       string
	Feed, SitemapXML                                              string
	PortalJSON                                                    string // a portal's only
}

// All are the site-wide addresses by name.
var All = Paths{Home: Home, Areas: Areas, Departments: Departments, Years: Years, Progress: Progress, Search: Search,
	Plan: Plan, Data: Data, DataFields: DataFields, TableCSV: TableCSV, PlanJSON: PlanJSON, PlanSchema: PlanSchema,
	ProgressCSV: ProgressCSV, Feed: Feed, SitemapXML: SitemapXML, PortalJSON: PortalJSON}

// reserved are the first path segments of the generator's own pages and
// files, without their folder's slash or their file's extension: a
// Markdown page at one of them (content/data.md, content/feed.md) would
// take, or be mistaken for, an address of the generator. Progress is not
// among them: it is the generator's only when the site has a progress file,
// and load refuses a page under it then.
var reserved = []string{segment(Tasks), segment(Areas), segment(Departments), segment(Years), segment(Data),
	segment(Search), segment(Static), segment(Plan), segment(Feed), segment(NotFound), segment(SitemapXML), segment(Robots)}

// segment is the first path segment of addr, without an extension.
func segment(addr string) string {
	s, _, _ := strings.Cut(addr, "/")
	s, _, _ = strings.Cut(s, ".")
	return s
}

// Reserved reports whether a Markdown page's address may not start with
// the segment seg, since the generator uses it.
func Reserved(seg string) bool { return slices.Contains(reserved, seg) }
