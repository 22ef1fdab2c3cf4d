package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"plansite/internal/column"
)

// Columns is [columns]: the task table's own name of each standard column
// it names differently, by the column's key (measures = "任务内容"). The
// keys are those of column.Task, and only those: the settings are read
// from that table, not listed here.
type Columns map[string]string

// ColumnChoice is a [columns] setting chosen for a table, and why: what
// plansite new writes when a document's headings leave a column in doubt.
type ColumnChoice struct {
	Key, Heading string
	Why          string
}

// ProgressColumns is [progress_columns]: the progress file's own names of
// its columns, by the keys of column.Progress.
type ProgressColumns map[string]string

// columnTables are the site.toml tables that name columns, each with the
// columns whose keys it may set.
var columnTables = []struct {
	name  string
	table column.Table
}{
	{"columns", column.Task},
	{"progress_columns", column.Progress},
}

// settingsFile is site.toml as decoded: the settings, with the tables of
// column names kept undecoded until their keys are checked against the
// columns.
type settingsFile struct {
	Config
	Columns         toml.Primitive `toml:"columns"`
	ProgressColumns toml.Primitive `toml:"progress_columns"`
}

// columnNames decodes the table of column names prim, site.toml's table
// named name, into the names it gives, by column key. Its keys that are no
// column's are left for unknownKey. Errors are worded and placed as the
// TOML decoder words and places those of the other settings.
func columnNames(md toml.MetaData, prim toml.Primitive, name string, table column.Table, typ any) (map[string]string, error) {
	key, ok := spelling(md, name)
	if !ok {
		return nil, nil
	}
	var v any
	if err := md.PrimitiveDecode(prim, &v); err != nil {
		return nil, err
	}
	if _, ok := v.(map[string]any); !ok {
		// toml's own message for a value that is not a table, typ's type
		// and the value's type named as toml names them.
		return nil, fmt.Errorf("toml: (last key %q): type mismatch for %T: expected table but found %s",
			key, typ, strings.ReplaceAll(fmt.Sprintf("%T", v), "interface {}", "any"))
	}
	var raw map[string]toml.Primitive
	if err := md.PrimitiveDecode(prim, &raw); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys) // one error, the same each time, when several are wrong
	names := map[string]string{}
	for _, k := range keys {
		spec, ok := columnKey(table, k)
		if !ok {
			continue
		}
		var s string
		if err := md.PrimitiveDecode(raw[k], &s); err != nil {
			return nil, err
		}
		names[spec.Key] = s
	}
	return names, nil
}

// columnKey finds the column of table that a key of site.toml names: the
// key as written, else, as the TOML decoder matches settings, regardless
// of case.
func columnKey(table column.Table, key string) (column.Spec, bool) {
	if s, ok := table.Find(key); ok {
		return s, true
	}
	for _, s := range table {
		if strings.EqualFold(s.Key, key) {
			return s, true
		}
	}
	return column.Spec{}, false
}

// spelling is the top-level key that the decoder matches to name,
// regardless of case, as site.toml writes it; ok is false when site.toml
// has none.
func spelling(md toml.MetaData, name string) (key string, ok bool) {
	for _, k := range md.Keys() {
		if len(k) == 1 && strings.EqualFold(k[0], name) {
			return k[0], true
		}
	}
	return "", false
}

// unknownKey is the first key of site.toml, in the file's order, that
// names no setting: one the decoder left undecoded, or one of a table of
// column names that names no column. "" when there is none.
func unknownKey(md toml.MetaData) string {
	undecoded := map[string]bool{}
	for _, k := range md.Undecoded() {
		undecoded[k.String()] = true
	}
	for _, k := range md.Keys() {
		if undecoded[k.String()] {
			return k.String()
		}
		if len(k) != 2 {
			continue
		}
		for _, t := range columnTables {
			if strings.EqualFold(k[0], t.name) {
				if _, ok := columnKey(t.table, k[1]); !ok {
					return k.String()
				}
			}
		}
	}
	return ""
}
