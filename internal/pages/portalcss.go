package pages

import _ "embed"

// PortalCSS is the stylesheet a portal's own pages add to the static
// folder's (portal.css beside this file): a site of one plan never has it,
// so its pages and their links stay as they were.
//
//go:embed portal.css
var PortalCSS []byte
