package opendata

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"plansite/internal/column"
	"plansite/internal/labels"
)

// planSchema is the JSON Schema (draft 2020-12) of /data/plan.json. It is
// written by hand, next to the types of data.go, and the /data/ page is made
// from its descriptions, so the page explains exactly the fields the schema
// allows: a field added to one and not the other fails the tests.
//
//go:embed plan.schema.json
var planSchema []byte

// Schema returns the schema as published, at sitepath.PlanSchema: in the
// standard words (words.go).
func Schema() []byte { return append([]byte{}, published()...) }

// FieldDoc is one field of a JSON object, as the /data/ page lists it.
type FieldDoc struct {
	Name        string
	Type        string // in words, the labels' [data_types]: 字符串, 整数, 数组，元素为对象（tasks[]）…
	Description string
}

// SchemaSection is one kind of JSON object: the top level or one of $defs.
type SchemaSection struct {
	Anchor      string // id of its heading on the /data/ page
	Title       string // plan.json, plan, tasks[] …
	Description string
	Fields      []FieldDoc
}

type schemaNode struct {
	Title       string            `json:"title"`
	Description string            `json:"description"`
	Type        json.RawMessage   `json:"type"`
	Const       json.RawMessage   `json:"const"`
	Enum        []json.RawMessage `json:"enum"`
	Ref         string            `json:"$ref"`
	Pattern     string            `json:"pattern"`
	Items       *schemaNode       `json:"items"`
	Properties  orderedNodes      `json:"properties"`
	Defs        orderedNodes      `json:"$defs"`
}

type namedNode struct {
	Name string
	Node *schemaNode
}

// orderedNodes keeps an object's keys in the order written, which
// encoding/json's maps would lose: the page lists fields as the schema does.
type orderedNodes []namedNode

func (o *orderedNodes) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("expected an object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		n := &schemaNode{}
		if err := dec.Decode(n); err != nil {
			return fmt.Errorf("%s: %v", key, err)
		}
		*o = append(*o, namedNode{key, n})
	}
	return nil
}

// SchemaDocs lists the objects of plan.json and their fields, from the
// schema: the top level first, then every $defs entry that has a title.
// w are the words for the fields' types. words are the site's: the
// descriptions say its table's words (words.go), and what its plan.json
// does not have, or has only empty because its table lacks the column,
// is left out (EmptyFields names the latter); nil words list every field
// in the standard words.
func SchemaDocs(w *labels.DataTypes, words *Words) ([]SchemaSection, error) {
	root := &schemaNode{}
	if err := json.Unmarshal(planSchema, root); err != nil {
		return nil, fmt.Errorf("plan.schema.json: %v", err)
	}
	defs := map[string]*schemaNode{}
	for _, d := range root.Defs {
		defs["#/$defs/"+d.Name] = d.Node
	}
	// The sections that the fields shown lead to.
	shown := map[*schemaNode]bool{}
	var reach func(def string, n *schemaNode)
	reach = func(def string, n *schemaNode) {
		for _, f := range n.Properties {
			if words != nil && !words.has(def, f.Name) {
				continue
			}
			for m := f.Node; m != nil; m = m.Items {
				if d := defs[m.Ref]; d != nil && !shown[d] {
					shown[d] = true
					reach(strings.TrimPrefix(m.Ref, "#/$defs/"), d)
				}
			}
		}
	}
	reach("", root)
	var errs []error
	say := func(text string) string {
		t, err := fill(text, words)
		if err != nil {
			errs = append(errs, err)
		}
		return t
	}
	section := func(def, anchor, title string, n *schemaNode) SchemaSection {
		s := SchemaSection{Anchor: anchor, Title: title, Description: say(n.Description)}
		for _, f := range n.Properties {
			if words != nil && !words.has(def, f.Name) {
				continue
			}
			s.Fields = append(s.Fields, FieldDoc{Name: f.Name, Type: typeWords(f.Node, defs, w), Description: say(f.Node.Description)})
		}
		return s
	}
	out := []SchemaSection{section("", "json-top", "plan.json", root)}
	for _, d := range root.Defs {
		if d.Node.Title != "" && len(d.Node.Properties) > 0 && (words == nil || shown[d.Node] && words.has(d.Name, "")) {
			out = append(out, section(d.Name, "json-"+d.Name, d.Node.Title, d.Node))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("plan.schema.json: %v", errs[0])
	}
	return out, nil
}

// need is what a field of plan.json holds only in some sites: a column of
// the table, groups or progress. Field "" is the whole section.
type need struct {
	def, field string // the $defs entry of the object ("" for the top level) and the field
	col        column.Column
	groups     bool
	progress   bool
}

// needs lists the fields that only some sites' plan.json have, or have
// other than empty: a site's /data/ page leaves out those it has not.
var needs = []need{
	{def: "", field: "statuses", progress: true},
	{def: "task", field: "status", progress: true},
	{def: "task", field: "deadline", progress: true},
	{def: "task", field: "overdue", progress: true},
	{def: "task", field: "progress", progress: true},
	{def: "task", field: "timeline", col: column.Timeline},
	{def: "task", field: "milestones", col: column.Timeline},
	{def: "task", field: "coop_text", col: column.Coop},
	{def: "task", field: "coop_note", col: column.Coop},
	{def: "item", field: "timeline", col: column.Timeline},
	{def: "item", field: "coop_text", col: column.Coop},
	{def: "area", groups: true},
}

// has reports whether the site's plan.json has the field of the $defs
// entry def ("" for the top level; field "" for the whole section), other
// than empty.
func (w *Words) has(def, field string) bool {
	for _, n := range needs {
		if n.def != def || n.field != field {
			continue
		}
		switch {
		case n.progress:
			return w.Progress
		case n.groups:
			return w.Groups
		default:
			return w.Has(n.col)
		}
	}
	return true
}

// EmptyFields names the fields that the site's plan.json has but leaves
// empty, since its table lacks their column, which SchemaDocs leaves out:
// tasks[].timeline, tasks[].milestones ….
func EmptyFields(words *Words) []string {
	root := &schemaNode{}
	if err := json.Unmarshal(planSchema, root); err != nil {
		return nil
	}
	titles := map[string]string{}
	for _, d := range root.Defs {
		titles[d.Name] = d.Node.Title
	}
	var out []string
	for _, n := range needs {
		if n.col != column.None && !words.Has(n.col) {
			out = append(out, titles[n.def]+"."+n.field)
		}
	}
	return out
}

// typeWords says in words what a field holds.
func typeWords(n *schemaNode, defs map[string]*schemaNode, w *labels.DataTypes) string {
	if n.Ref != "" {
		d := defs[n.Ref]
		if d == nil {
			return n.Ref
		}
		if d.Title != "" && len(d.Properties) > 0 {
			return w.NamedObject.Fill(d.Title)
		}
		t := typeWords(d, defs, w)
		if strings.Contains(d.Pattern, "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
			t = w.Date.Fill(t)
		}
		return t
	}
	if len(n.Const) > 0 {
		return w.Constant.Fill(string(n.Const))
	}
	if len(n.Enum) > 0 {
		vals := make([]string, len(n.Enum))
		for i, v := range n.Enum {
			vals[i] = string(v)
		}
		return w.Enum.Fill(strings.Join(vals, w.EnumSeparator))
	}
	var types []string
	if err := json.Unmarshal(n.Type, &types); err != nil {
		var one string
		if json.Unmarshal(n.Type, &one) == nil {
			types = []string{one}
		}
	}
	words := make([]string, 0, len(types))
	for _, t := range types {
		switch t {
		case "string":
			words = append(words, w.String)
		case "integer":
			words = append(words, w.Integer)
		case "boolean":
			words = append(words, w.Boolean)
		case "null":
			words = append(words, w.Null)
		case "object":
			words = append(words, w.Object)
		case "array":
			if n.Items != nil {
				words = append(words, w.ArrayOf.Fill(typeWords(n.Items, defs, w)))
			} else {
				words = append(words, w.Array)
			}
		default:
			words = append(words, t)
		}
	}
	return strings.Join(words, w.Or)
}
