package pages

import (
	"fmt"
	"html/template"
	"strings"

	"plansite/internal/markdown"
	"plansite/internal/minifier"
	"plansite/internal/problem"
	"plansite/internal/sitepath"
)

// Pages lists every HTML page of the site, in a fixed order.
func Pages(s *Site, md *markdown.Renderer) ([]*Page, error) {
	p := s.Plan
	s.nav = nav(s)
	s.examples = searchExamples(s)
	home := Link{"首页", ""}
	homePage := &Page{
		Site: s, Kind: "home", Path: "", Title: s.Config.Title,
		Description: homeDescription(s),
	}
	pages := []*Page{homePage}
	if len(p.Areas) == 0 && len(p.Tasks) > PerPage {
		// Without areas the home page lists the tasks themselves.
		pages = paginate(homePage, len(p.Tasks))
	}
	for _, a := range p.Areas {
		pages = append(pages, paged(&Page{Site: s, Kind: "area", Path: sitepath.Area(a), Area: a,
			Title:       a.Label,
			Description: fmt.Sprintf("%s：%d项任务。", a.Label, len(a.Tasks)),
			Crumbs:      []Link{home}}, len(a.Tasks))...)
	}
	for _, t := range p.Tasks {
		crumbs := []Link{home}
		if t.Area != nil {
			crumbs = append(crumbs, Link{t.Area.Label, sitepath.Area(t.Area)})
		}
		pages = append(pages, &Page{Site: s, Kind: "task", Path: sitepath.Task(t), Task: t,
			Title:       fmt.Sprintf("任务%s：%s", t.ID, t.Title),
			Description: excerpt(t.Measures, 120),
			Crumbs:      crumbs})
	}
	pages = append(pages, &Page{Site: s, Kind: "departments", Path: "departments/", Title: "责任部门",
		Description: fmt.Sprintf("%d个责任部门及其牵头和配合的任务。", len(p.Departments)), Crumbs: []Link{home}})
	for _, d := range p.Departments {
		pages = append(pages, paged(&Page{Site: s, Kind: "department", Path: sitepath.Dept(d), Dept: d, Title: d.Name,
			Description: fmt.Sprintf("%s牵头%d项任务，配合%d项任务。", d.Name, len(d.Lead), len(d.Coop)),
			Crumbs:      []Link{home, {"责任部门", "departments/"}}}, d.Tasks())...)
	}
	if len(p.Years) > 0 {
		pages = append(pages, &Page{Site: s, Kind: "years", Path: "years/", Title: "年度安排",
			Description: fmt.Sprintf("%d–%d年逐年的任务安排。", p.Years[0], p.Years[len(p.Years)-1]), Crumbs: []Link{home}})
		for _, y := range p.Years {
			pg := &Page{Site: s, Kind: "year", Path: sitepath.Year(y), Year: y, Title: fmt.Sprintf("%d年", y),
				Crumbs: []Link{home, {"年度安排", "years/"}}}
			n := len(s.years()[y])
			pg.Description = fmt.Sprintf("%d年推进的%d项任务及当年的时间节点。", y, n)
			pages = append(pages, paged(pg, n)...)
		}
	}
	pages = append(pages, progressPage(s, home)...)
	pages = append(pages, searchPage(s, home))
	pages = append(pages, referencePages(s, home)...)
	for _, doc := range s.Pages {
		body, err := md.Render(doc.Body)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", problem.FileName(doc.File), err)
		}
		// Minified as the page around it was when its template was parsed.
		min, err := minifier.Fragment(string(body))
		if err != nil {
			return nil, fmt.Errorf("%s: minifying: %v", problem.FileName(doc.File), err)
		}
		body = template.HTML(min)
		pages = append(pages, &Page{Site: s, Kind: "page", Path: doc.Path, Title: doc.Title,
			Description: doc.Description, Updated: doc.Updated, Body: body, Crumbs: []Link{home}})
	}
	pages = append(pages, &Page{Site: s, Kind: "404", Path: "404.html", Title: "找不到页面", rootRelative: true,
		Description: "您访问的页面不存在。"})
	for _, pg := range pages {
		if pg.Kind != "404" {
			pg.Canonical = pg.Abs(pg.Path)
		}
	}
	return pages, nil
}

// homeDescription sums the plan up, naming only the parts its table has.
func homeDescription(s *Site) string {
	p := s.Plan
	areas, timeline := "", ""
	if len(p.Areas) > 0 {
		areas = fmt.Sprintf("%d%s%s、", len(p.Areas), p.AreaCounter(), p.AreaNoun())
	}
	if len(p.Years) > 0 {
		timeline = "时间节点、"
	}
	return fmt.Sprintf("%s %s：%d项任务、%s%d个责任部门，逐项列出主要措施、%s牵头和配合部门。", s.Config.Title, s.Config.Attachment, len(p.Tasks), areas, len(p.Departments), timeline)
}

// paged splits a list page into pages of PerPage items when its list is
// longer than that; a shorter list keeps its single page as it was.
func paged(p *Page, total int) []*Page {
	if total <= PerPage {
		return []*Page{p}
	}
	return paginate(p, total)
}

// excerpt shortens text to at most n characters, at a sentence end if one is near.
func excerpt(text string, n int) string {
	text = strings.TrimSpace(text)
	// cut is the first n characters, found without converting the whole
	// text: measures can be long, and every task page has an excerpt.
	end, count := len(text), 0
	for i := range text {
		if count == n {
			end = i
			break
		}
		count++
	}
	if end == len(text) {
		return text
	}
	cut := text[:end]
	if i := strings.LastIndex(cut, "。"); i > len(cut)/2 {
		return cut[:i+len("。")]
	}
	return cut + "…"
}
