package site

import (
	"slices"
	"strings"

	"plansite/internal/output"
	"plansite/internal/sitepath"
)

// Security headers every host should send with the site. The policy allows
// only the site's own scripts and styles, with no 'unsafe-inline': a page
// that needs an inline script or style attribute is a bug to fix, not a
// policy to loosen. deploy/nginx.conf sends the same values; the e2e tests
// check that the two agree and that no page breaks the policy.
const (
	ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
	ReferrerPolicy        = "strict-origin-when-cross-origin"
)

// Header is one HTTP response header.
type Header struct{ Name, Value string }

// securityHeaders in the order they are written.
var securityHeaders = []Header{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", ReferrerPolicy},
}

// SecurityHeaders returns the headers _headers gives every file, in its
// order: plansite serve sends them too, so that the preview breaks where
// the published site would. It is a copy, for no caller may change them.
func SecurityHeaders() []Header { return slices.Clone(securityHeaders) }

// deployFiles are the files static hosts read from the site's root:
// _headers for Netlify and Cloudflare Pages, and .nojekyll so that GitHub
// Pages serves the folder as it is instead of running Jekyll over it.
// Neither is minified (the minifier passes files without a known extension
// through unchanged).
func deployFiles() []output.File {
	var b strings.Builder
	b.WriteString("# Headers for Netlify and Cloudflare Pages, written by plansite build.\n")
	b.WriteString("# deploy/nginx.conf sends the same ones.\n")
	b.WriteString("/*\n")
	for _, h := range securityHeaders {
		b.WriteString("  " + h.Name + ": " + h.Value + "\n")
	}
	// Files under static/ are linked with a ?v= hash of their content, so a
	// changed file gets a new URL and the old one can be kept for a year.
	b.WriteString("\n/static/*\n  Cache-Control: public, max-age=31536000, immutable\n")
	return []output.File{
		{Path: sitepath.NoJekyll, Data: []byte{}},
		{Path: sitepath.Headers, Data: []byte(b.String())},
	}
}
