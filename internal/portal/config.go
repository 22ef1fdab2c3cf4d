package portal

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/BurntSushi/toml"

	"plansite/internal/config"
	"plansite/internal/inputfs"
	"plansite/internal/problem"
)

// planKeys are the settings of site.toml that describe one plan's table or
// document: a portal's own site.toml has none of them, for each plan's
// site.toml says them of that plan. A key here in the portal's file would
// otherwise do nothing.
var planKeys = []string{"attachment", "number", "start_year", "end_year", "table", "columns", "progress_columns",
	"statuses", "first_unit_leads", "others_lead_without_lead"}

// readConfig reads the portal's site.toml as a site's is read (the same
// keys, checked the same way), and refuses the keys that only a plan has.
func readConfig(fsys fs.FS, prefix string) (config.Config, error) {
	cfg, err := config.ReadConfig(fsys, prefix)
	if err != nil {
		return cfg, err
	}
	file := path.Join(prefix, "site.toml")
	data, err := inputfs.ReadFile(fsys, "site.toml", file, config.SettingsLimit, "cannot read the site configuration: ")
	if err != nil {
		return cfg, err
	}
	src := strings.TrimPrefix(string(data), "\ufeff")
	var any struct{}
	md, err := config.DecodeTOML(src, &any)
	if err != nil {
		return cfg, nil // config.ReadConfig read it: it does not fail now
	}
	for _, k := range planKeys {
		if md.IsDefined(k) {
			line, col := config.KeyPos(src, toml.Key{k})
			return cfg, &problem.Problem{File: file, Line: line, Col: col,
				Msg: fmt.Sprintf("%s is a setting of one plan, and this is the portal's site.toml: move it to the site.toml of the plan it describes, in %s/<id>/", k, path.Join(prefix, Folder))}
		}
	}
	return cfg, nil
}
