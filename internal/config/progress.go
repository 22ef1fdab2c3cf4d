package config

import (
	"regexp"
	"strings"
)

// StatusSetting is one [[statuses]] entry: a word of the vocabulary of 状态
// and the colour it is shown in.
type StatusSetting struct {
	Name   string `toml:"name"`
	Colour string `toml:"colour"`
	Done   bool   `toml:"done"` // the task needs nothing more; 已完成 is done when no entry says
	// Line and Col place the entry's colour (else its header) in site.toml,
	// for the contrast check made when the stylesheet is known.
	Line int `toml:"-"`
	Col  int `toml:"-"`
}

var hexColour = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// checkStatuses checks the [[statuses]] entries and places each.
func checkStatuses(src string, cfg *Config, fail func(line, col int, format string, args ...any) error) error {
	seen := map[string]bool{}
	for i := range cfg.Statuses {
		s := &cfg.Statuses[i]
		s.Line, s.Col = arrayKeyPos(src, "statuses", i, "colour")
		name := strings.TrimSpace(s.Name)
		switch {
		case name == "":
			return fail(s.Line, s.Col, "status %d of [[statuses]] has no name", i+1)
		case seen[name]:
			return fail(s.Line, s.Col, "status %q appears twice in [[statuses]]", name)
		case !hexColour.MatchString(s.Colour):
			return fail(s.Line, s.Col, "status %q: colour %q is not a colour written #rrggbb, such as #1a7f37", name, s.Colour)
		}
		s.Name, seen[name] = name, true
	}
	return nil
}

// arrayKeyPos places key in the n-th (from 0) [[table]] of src, or that
// entry's header when it does not set the key.
func arrayKeyPos(src, table string, n int, key string) (line, col int) {
	entry := -1
	for i, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			name, _, _ := strings.Cut(strings.TrimLeft(t, "["), "]")
			if strings.HasPrefix(t, "[[") && normalizeKey(name) == table {
				entry++
				if entry == n {
					line, col = i+1, 1
				}
			} else if entry == n {
				return line, col
			}
			continue
		}
		if entry == n {
			k, _, found := strings.Cut(t, "=")
			if found && normalizeKey(k) == key {
				return i + 1, len(l) - len(strings.TrimLeft(l, " \t")) + 1
			}
		}
	}
	return line, col
}
