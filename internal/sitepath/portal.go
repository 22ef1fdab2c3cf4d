package sitepath

// The addresses a site of many plans (a portal) adds. Each plan is a whole
// site moved under Plans, at exactly the addresses it has alone; the
// portal's own pages take the first segments a plan's site would
// (departments/, years/, search/, progress/, data/), across every plan.

// Plans is the folder of a portal's plans.
const Plans = "plans/"

// PlanDir is the folder of the plan id in a portal: plans/<id>/, the root
// of its site.
func PlanDir(id string) string { return Plans + id + "/" }

// Unit is the address of a portal's page of a unit across its plans,
// departments/<slug>/: a unit has one slug in every plan that names it.
func Unit(slug string) string { return Departments + slug + "/" }

// PortalJSON is the portal's index of its plans and their files.
const PortalJSON = "data/portal.json"

// PortalReserved reports whether a portal's Markdown page may not start
// with the segment seg: those of a site, and plans, the folder of the
// plans, and progress, the portal's overview of them all.
func PortalReserved(seg string) bool {
	return Reserved(seg) || seg == segment(Plans) || seg == segment(Progress)
}

// The portal's own stylesheet and search script, which a site of one plan
// does not have (they are not the static folder's).
const (
	PortalCSS    = "portal.css"
	PortalScript = Search + "portal.js"
)
