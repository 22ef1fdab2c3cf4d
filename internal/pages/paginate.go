package pages

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"sync"

	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// PerPage is the most items a list page shows. Lists that grow with the
// table (an area's, a department's or a year's tasks, the home page's) are
// split into pages of this size so that a phone can load each of them; the
// first page keeps the list's own address and the others follow it at
// page/2/, page/3/, …
const PerPage = 200

// Pager places a page in a list split over several pages.
type Pager struct {
	Num, Count int    // this page's number, from 1, and how many there are
	First      string // site path of page 1, such as departments/finance/
	From, To   int    // the items shown, numbered from 1: 201 and 400
	Total      int    // the items in the whole list
}

// Path returns the site path of page n of the same list.
func (g *Pager) Path(n int) string { return sitepath.Page(g.First, n) }

// Prev is the site path of the page before, or "" on the first.
func (g *Pager) Prev() string {
	if g == nil || g.Num <= 1 {
		return ""
	}
	return g.Path(g.Num - 1)
}

// Next is the site path of the page after, or "" on the last.
func (g *Pager) Next() string {
	if g == nil || g.Num >= g.Count {
		return ""
	}
	return g.Path(g.Num + 1)
}

// Paged reports whether the list takes more than one page.
func (g *Pager) Paged() bool { return g != nil && g.Count > 1 }

// pageCount is how many pages a list of n items takes; an empty list still
// has its one page.
func pageCount(n int) int { return max(1, (n+PerPage-1)/PerPage) }

// window returns the part of the whole list [0, total) that page num shows,
// clipped to [lo, hi), relative to lo: for a list made of two parts, such as
// a department's lead then cooperating tasks.
func window(num, lo, hi int) (int, int) {
	a, b := (num-1)*PerPage, num*PerPage
	a, b = max(a, lo), min(b, hi)
	if a >= b {
		return 0, 0
	}
	return a - lo, b - lo
}

// paginate makes the pages of a list of total items whose first page is
// page: page itself, then for each further number a copy with its own path
// and title. Each has its Pager; callers fill in what each page shows.
func paginate(page *Page, total int) []*Page {
	count := pageCount(total)
	out := make([]*Page, count)
	for n := 1; n <= count; n++ {
		p := page
		if n > 1 {
			cp := *page
			p = &cp
			p.Path = sitepath.Page(page.Path, n)
			p.Title = page.Site.Labels.Pager.Title.Fill(page.Title, strconv.Itoa(n))
		}
		a, b := window(n, 0, total)
		p.Pager = &Pager{Num: n, Count: count, First: page.Path, From: a + 1, To: b, Total: total}
		out[n-1] = p
	}
	return out
}

// items returns the part of list that the page shows: all of it when the
// page is not part of a paged list.
func items[T any](p *Page, list []T, offset int) []T {
	if p.Pager == nil {
		return list
	}
	a, b := window(p.Pager.Num, offset, offset+len(list))
	return list[a:b]
}

// listOf is the part of the area's tasks (or, on a home page without
// areas, of all tasks) that this page shows.
func listOf(p *Page) []*plan.Task {
	if p.Area != nil {
		return items(p, p.Area.Tasks, 0)
	}
	return items(p, p.Site.Plan.Tasks, 0)
}

// deptLists fills in the parts of the department's lead and cooperating
// tasks that this page shows (its list runs through the lead tasks, then
// the cooperating ones), and whether the page has each section: when it
// lists some of its tasks, or, for an empty list, on the page where that
// list would stand (the first for lead, the last for cooperating).
func (v *Page) deptLists(p *Page) {
	d := p.Dept
	v.LeadTasks = items(p, d.Lead, 0)
	v.CoopTasks = items(p, d.Coop, len(d.Lead))
	v.ShowLead = len(v.LeadTasks) > 0 || (len(d.Lead) == 0 && (p.Pager == nil || p.Pager.Num == 1))
	v.ShowCoop = len(v.CoopTasks) > 0 || (len(d.Coop) == 0 && p.Site.Helps && (p.Pager == nil || p.Pager.Num == p.Pager.Count))
}

// HomePreview is how many of an area's tasks the home page lists when the
// whole table is too long to list there.
func (p *Page) HomePreview(ts []*plan.Task) []*plan.Task {
	if len(p.Site.Plan.Tasks) <= PerPage {
		return ts
	}
	n := max(5, PerPage/max(1, len(p.Site.Plan.Areas)))
	return ts[:min(n, len(ts))]
}

// Truncated reports whether HomePreview leaves some of ts out.
func (p *Page) Truncated(ts []*plan.Task) bool { return len(p.HomePreview(ts)) < len(ts) }

// yearIndex is, for each year of the plan, the tasks active in it, worked
// out once per site rather than per page.
type yearIndex struct {
	once   sync.Once
	byYear map[int][]YearEntry
	tasks  map[int][]*plan.Task // the tasks of byYear's entries
}

// years lists each task once in each year that a dated milestone of it
// covers, in the order of the tasks. Each task's spans are merged first: a
// task of thousands of milestones over many years takes time for its
// milestones and its years, not for their product.
func (s *Context) years() map[int][]YearEntry {
	s.yearIdx.once.Do(func() {
		m := make(map[int][]YearEntry, len(s.Plan.Years))
		var spans [][2]int
		for _, t := range s.Plan.Tasks {
			spans = spans[:0]
			for _, ms := range t.Milestones {
				if ms.Dated() {
					spans = append(spans, [2]int{ms.From, ms.To})
				}
			}
			slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
			next := math.MinInt // the first year not listed yet
			for _, sp := range spans {
				for y := max(sp[0], next); y <= sp[1]; y++ {
					m[y] = append(m[y], YearEntry{Task: t, Year: y})
				}
				next = max(next, sp[1]+1)
			}
		}
		s.yearIdx.byYear = m
		s.yearIdx.tasks = make(map[int][]*plan.Task, len(m))
		for y, es := range m {
			ts := make([]*plan.Task, len(es))
			for i, e := range es {
				ts[i] = e.Task
			}
			s.yearIdx.tasks[y] = ts
		}
	})
	return s.yearIdx.byYear
}

// yearTasks are the tasks of year y's entries, made once for all of the
// year's pages: a year of 40,000 tasks has hundreds. They are shared, so
// only read.
func (s *Context) yearTasks(y int) []*plan.Task {
	s.years()
	return s.yearIdx.tasks[y]
}
