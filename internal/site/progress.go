package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"

	"plansite/internal/load"
	"plansite/internal/output"
	"plansite/internal/problem"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// statusCSSPath is the stylesheet of the statuses' colours, which come from
// site.toml: the pages have no style attributes, so a colour reaches them
// only through a stylesheet.
const statusCSSPath = sitepath.StatusCSS

// pageBackground finds the page backgrounds the stylesheet defines outside
// high contrast (--bg), where the statuses are drawn in their colours.
var pageBackground = regexp.MustCompile(`(?m)^\s*(?::root|html)\s*\{[^}]*--bg\s*:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b`)

// statusFiles checks that every status colour is readable on the page
// background of the stylesheet css and makes the stylesheet that applies
// them; none for a site without progress.
func statusFiles(c *load.Content, contentName string, css []byte) ([]output.File, string, error) {
	if c.Progress == nil {
		return nil, "", nil
	}
	bgs := []string{"#ffffff"}
	if m := pageBackground.FindAllSubmatch(css, -1); len(m) > 0 {
		bgs = bgs[:0]
		for _, x := range m {
			bgs = append(bgs, string(x[1]))
		}
	}
	if bad, ratio, bg := progress.LowContrast(c.Progress.Statuses, bgs); bad != nil {
		e := &problem.Problem{File: path.Join(contentName, "site.toml"),
			Msg: fmt.Sprintf("status %s: colour %s has a contrast of %.2f:1 against the page background %s; it needs at least %.1f:1 to be read, so choose a darker (or, on a dark background, lighter) colour", bad.Name, bad.Colour, ratio, bg, progress.MinContrast)}
		if bad.Index < len(c.Config.Statuses) {
			e.Line, e.Col = c.Config.Statuses[bad.Index].Line, c.Config.Statuses[bad.Index].Col
		}
		return nil, "", e
	}
	data := progress.CSS(c.Progress.Statuses)
	sum := sha256.Sum256(data)
	return []output.File{{Path: statusCSSPath, Data: data}}, statusCSSPath + "?v=" + hex.EncodeToString(sum[:4]), nil
}
