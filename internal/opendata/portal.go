package opendata

import (
	"plansite/internal/jsonenc"
	"plansite/internal/portal"
	"plansite/internal/sitepath"
)

// A portal's index (a site of many plans): data/portal.json, which lists
// each plan with its files and each unit with its tasks in each plan. Each
// plan's own open data is its site's, under its folder.

// PortalFormat names the format of portal.json; PortalVersion is its
// version, which changes with its fields.
const (
	PortalFormat  = "plansite-portal"
	PortalVersion = 1
)

// PortalData is data/portal.json.
type PortalData struct {
	Format  string           `json:"format"`
	Version int              `json:"version"`
	Title   string           `json:"title"`
	Issuer  string           `json:"issuer"`
	Updated string           `json:"updated"`
	URL     string           `json:"url"` // the portal's address
	Plans   []PortalPlanData `json:"plans"`
	Units   []PortalUnitData `json:"units"`
}

// PortalPlanData is a plan of the portal, newest first.
type PortalPlanData struct {
	ID         string        `json:"id"` // its folder's name, and its address: plans/<id>/
	Title      string        `json:"title"`
	ShortTitle string        `json:"short_title"`
	Issuer     string        `json:"issuer"`
	Number     string        `json:"number"` // 文号
	Date       string        `json:"date"`
	Updated    string        `json:"updated"`
	Years      []int         `json:"years"`
	Tasks      int           `json:"tasks"`
	URL        string        `json:"url"`
	Files      PlanFilesData `json:"files"`
}

// PlanFilesData are the addresses of a plan's open data.
type PlanFilesData struct {
	TasksCSV    string `json:"tasks_csv"`
	PlanJSON    string `json:"plan_json"`
	PlanSchema  string `json:"plan_schema"`
	ProgressCSV string `json:"progress_csv,omitempty"` // with progress only
}

// PortalUnitData is a unit across the plans.
type PortalUnitData struct {
	Slug    string         `json:"slug"`
	Name    string         `json:"name"`
	English string         `json:"english"`
	Aliases []string       `json:"aliases"`
	Kind    string         `json:"kind"`
	Listed  bool           `json:"listed"`
	URL     string         `json:"url"`
	Plans   []UnitPlanData `json:"plans"`
}

// UnitPlanData is a unit's tasks in one plan, by number.
type UnitPlanData struct {
	Plan string   `json:"plan"` // the plan's id
	URL  string   `json:"url"`  // the unit's page in the plan's site
	Lead []string `json:"lead"`
	Coop []string `json:"coop"`
}

// PortalJSON makes data/portal.json of the portal pt published at baseURL
// ("" for addresses relative to the site).
func PortalJSON(pt *portal.Portal, baseURL string) ([]byte, error) {
	d := PortalData{Format: PortalFormat, Version: PortalVersion, Title: pt.Config.Title, Issuer: pt.Config.Issuer,
		Updated: pt.Updated(), URL: baseURL, Plans: []PortalPlanData{}, Units: []PortalUnitData{}}
	for _, pl := range pt.Plans {
		c, at := pl.Content.Config, baseURL+pl.Dir
		p := PortalPlanData{ID: pl.ID, Title: c.Title, ShortTitle: c.ShortTitle, Issuer: c.Issuer, Number: c.Number,
			Date: c.Date, Updated: c.Updated, Years: append([]int{}, pl.Content.Plan.Years...), Tasks: len(pl.Tasks()), URL: at,
			Files: PlanFilesData{TasksCSV: at + sitepath.TableCSV, PlanJSON: at + sitepath.PlanJSON, PlanSchema: at + sitepath.PlanSchema}}
		if pl.Content.Progress != nil {
			p.Files.ProgressCSV = at + sitepath.ProgressCSV
		}
		d.Plans = append(d.Plans, p)
	}
	for _, u := range pt.Units {
		ud := PortalUnitData{Slug: u.Slug, Name: u.Name, English: u.English, Aliases: append([]string{}, u.Aliases...),
			Kind: kindCode(u.Kind), Listed: u.Known, URL: baseURL + sitepath.Unit(u.Slug)}
		for _, part := range u.In {
			ud.Plans = append(ud.Plans, UnitPlanData{Plan: part.Plan.ID, URL: baseURL + part.Plan.Dir + sitepath.Dept(part.Dept),
				Lead: taskIDs(part.Dept.Lead), Coop: taskIDs(part.Dept.Coop)})
		}
		d.Units = append(d.Units, ud)
	}
	return jsonenc.Marshal(d)
}
