package opendata

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"plansite/internal/labels"
	"plansite/internal/sitepath"
)

// compileSchema compiles the published schema, or its definition ref
// (#/$defs/task), asserting formats too.
func compileSchema(t *testing.T, ref string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://plansite.test/data/plan.schema.json"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url + ref)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(s *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return s.Validate(inst)
}

// plan.json validates against plan.schema.json (draft 2020-12), each task's
// JSON against its task definition, with progress and without.
func TestPlanJSONValidatesAgainstSchema(t *testing.T) {
	if !bytes.Contains(Schema(), []byte(`"$schema": "https://json-schema.org/draft/2020-12/schema"`)) {
		t.Error("the schema does not declare draft 2020-12")
	}
	whole, task := compileSchema(t, ""), compileSchema(t, "#/$defs/task")
	for name, site := range sites(t) {
		s := siteOf(site.c)
		if err := validate(whole, fileOf(t, s, sitepath.PlanJSON)); err != nil {
			t.Errorf("%s: plan.json: %v", name, err)
		}
		for _, tk := range site.c.Plan.Tasks {
			b, err := TaskProgressJSON(s, tk)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(task, b); err != nil {
				t.Errorf("%s: task %s: %v", name, tk.ID, err)
			}
		}
	}
}

// The schema is strict: it rejects data that is not plan.json.
func TestSchemaRejectsBrokenData(t *testing.T) {
	whole := compileSchema(t, "")
	_, c := content(t, true)
	good := string(fileOf(t, siteOf(c), sitepath.PlanJSON))
	bad := map[string]func(string) string{
		"unknown field":       func(s string) string { return strings.Replace(s, `"format":`, `"extra":1,"format":`, 1) },
		"missing tasks":       func(s string) string { return strings.Replace(s, `"tasks":[{`, `"tasks_":[{`, 1) },
		"bad anchor":          func(s string) string { return strings.Replace(s, `"anchor":"m1"`, `"anchor":"x1"`, 1) },
		"bad department kind": func(s string) string { return strings.Replace(s, `"kind":"municipal"`, `"kind":"city"`, 1) },
		"bad date":            func(s string) string { return strings.Replace(s, `"date":"2020-03-01"`, `"date":"2020年3月1日"`, 1) },
		"bad version":         func(s string) string { return strings.Replace(s, `"version":5`, `"version":4`, 1) },
		"bad task id":         func(s string) string { return strings.Replace(s, `"id":"1"`, `"id":"一"`, 1) },
		"bad status":          func(s string) string { return strings.Replace(s, `"overdue":false`, `"overdue":"no"`, 1) },
	}
	names := make([]string, 0, len(bad))
	for n := range bad {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		broken := bad[n](good)
		if broken == good {
			t.Errorf("%s: the change did not apply", n)
			continue
		}
		if validate(whole, []byte(broken)) == nil {
			t.Errorf("%s: the schema accepts it", n)
		}
	}
}

// schemaProperties collects every property name the schema defines.
func schemaProperties(t *testing.T) []string {
	t.Helper()
	var root any
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	var rec func(any)
	rec = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if props, ok := v["properties"].(map[string]any); ok {
				for k := range props {
					set[k] = true
				}
			}
			for _, c := range v {
				rec(c)
			}
		case []any:
			for _, c := range v {
				rec(c)
			}
		}
	}
	rec(root)
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// jsonFields collects the JSON names of the fields of the published types,
// and of the types inside them.
func jsonFields(types ...reflect.Type) []string {
	set := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var rec func(reflect.Type)
	rec = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Anonymous {
				rec(f.Type)
				continue
			}
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				set[name] = true
			}
			rec(f.Type)
		}
	}
	for _, t := range types {
		rec(t)
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The schema and the types that write plan.json name the same fields: a
// field added to one and not the other fails here.
func TestSchemaHasTheTypesFields(t *testing.T) {
	schema := schemaProperties(t)
	types := jsonFields(reflect.TypeFor[PlanData](), reflect.TypeFor[taskProgress](), reflect.TypeFor[StatusData]())
	// writePlanJSON's head adds the vocabulary, with progress only.
	types = append(types, "statuses")
	if len(types) < 30 {
		t.Fatalf("only %d fields in the types: %v", len(types), types)
	}
	for _, f := range types {
		if !slices.Contains(schema, f) {
			t.Errorf("the schema does not define %q, which plan.json writes", f)
		}
	}
	for _, f := range schema {
		if !slices.Contains(types, f) {
			t.Errorf("the schema defines %q, which no type writes", f)
		}
	}
}

// SchemaDocs, from which /data/ lists the fields, lists every property of
// the schema, each with its description and its type in words.
func TestSchemaDocsListEveryField(t *testing.T) {
	docs, err := SchemaDocs(&labels.Default().DataTypes, nil)
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	anchors := map[string]bool{}
	for _, s := range docs {
		if anchors[s.Anchor] || s.Title == "" {
			t.Errorf("section %q: anchor %q repeated or no title", s.Title, s.Anchor)
		}
		anchors[s.Anchor] = true
		for _, f := range s.Fields {
			listed[f.Name] = true
			if f.Description == "" || f.Type == "" {
				t.Errorf("%s.%s: description %q, type %q", s.Title, f.Name, f.Description, f.Type)
			}
		}
	}
	for _, f := range schemaProperties(t) {
		if !listed[f] {
			t.Errorf("the field list does not explain %q", f)
		}
	}
	if docs[0].Title != "plan.json" {
		t.Errorf("the first section is %q, want the top level", docs[0].Title)
	}
}
