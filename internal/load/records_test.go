package load

import (
	"reflect"
	"testing"
)

// TestColumnsAreTheRecordFields: each column's standard name is the csv tag
// of the field it reads into, since that tag is what gocsv matches.
func TestColumnsAreTheRecordFields(t *testing.T) {
	checkTags(t, taskColumns)
	checkTags(t, departmentColumns)
}

func checkTags[R any](t *testing.T, cols []column[R]) {
	var r R
	v := reflect.ValueOf(&r).Elem()
	if v.NumField() != len(cols) {
		t.Fatalf("%s has %d fields for %d columns", v.Type(), v.NumField(), len(cols))
	}
	for _, c := range cols {
		i := 0
		for i < v.NumField() && v.Field(i).Addr().Interface() != any(c.field(&r)) {
			i++
		}
		if i == v.NumField() {
			t.Errorf("column %s reads into no field of %s", c.name, v.Type())
		} else if tag := v.Type().Field(i).Tag.Get("csv"); tag != c.name {
			t.Errorf("column %s reads into %s.%s, tagged %q", c.name, v.Type(), v.Type().Field(i).Name, tag)
		}
	}
}
