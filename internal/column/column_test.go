package column

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// Each column of Task is a Column, at its place: All lists them in Task's
// order and Index finds each there.
func TestColumnsAreTheTable(t *testing.T) {
	all := All()
	if len(Task) != N || len(all) != N {
		t.Fatalf("%d columns in Task, %d in All, N = %d", len(Task), len(all), N)
	}
	for i, s := range Task {
		c := Column(s.Key)
		if all[i] != c || c.Index() != i || c.Spec().Name != s.Name || c.Name() != s.Name {
			t.Errorf("%q: All()[%d] = %q, index %d, name %q", s.Key, i, all[i], c.Index(), c.Name())
		}
	}
	if None.Index() != -1 || None.Name() != "" {
		t.Errorf("None: index %d, name %q", None.Index(), None.Name())
	}
	if ID.Index() < 0 || Lead.Spec().Role == "" || !Measures.Spec().Required {
		t.Errorf("ID at %d, Lead's role %q, Measures required %v", ID.Index(), Lead.Spec().Role, Measures.Spec().Required)
	}
}

// A heading must mean one column at most: no two columns of a table share
// a key, a name or a synonym, and no synonym is another column's name.
func TestNamesAreUnambiguous(t *testing.T) {
	for _, tt := range []struct {
		name  string
		table Table
	}{{"Task", Task}, {"Progress", Progress}} {
		keys := map[string]string{}
		words := map[string]string{} // a name or synonym → the column it means
		for _, s := range tt.table {
			if s.Key == "" || s.Name == "" {
				t.Errorf("%s: column %+v lacks a key or a name", tt.name, s)
			}
			if other, dup := keys[s.Key]; dup {
				t.Errorf("%s: key %q of both %s and %s", tt.name, s.Key, other, s.Name)
			}
			keys[s.Key] = s.Name
			for _, w := range append([]string{s.Name}, s.Synonyms...) {
				if other, dup := words[w]; dup {
					t.Errorf("%s: %q means both %s and %s", tt.name, w, other, s.Name)
				}
				words[w] = s.Name
			}
		}
	}
}

// A column of responsible units alone leads; beside a lead column it
// helps, which is what its names mean without that reading.
func TestResponsibleNamesAreCoopSynonyms(t *testing.T) {
	for _, n := range responsible {
		if !Responsible(n) || !slices.Contains(Coop.Spec().Synonyms, n) {
			t.Errorf("%s: Responsible %v, a synonym of %s %v", n, Responsible(n), Coop.Name(), slices.Contains(Coop.Spec().Synonyms, n))
		}
	}
	if Responsible(Coop.Name()) || Responsible(Lead.Name()) {
		t.Error("a standard name is read as a column of responsible units")
	}
}

// A name that is no column's key, as a template may misspell one, fails
// naming the keys, rather than reading as no column.
func TestUnknownKeyFails(t *testing.T) {
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, `"measure" is not the key of a standard column`) || !strings.Contains(msg, strings.Join(Task.Keys(), ", ")) {
			t.Errorf("panic %q", msg)
		}
	}()
	Column("measure").Name()
	t.Error("no panic")
}

func TestTableLookups(t *testing.T) {
	if got := Names(Lead, ID); !slices.Equal(got, []string{Task[Lead.Index()].Name, Task[ID.Index()].Name}) {
		t.Errorf("Names(Lead, ID) = %q", got)
	}
	var required []string
	for _, s := range Task {
		if s.Required {
			required = append(required, s.Name)
		}
	}
	if got := Task.Names(true); !slices.Equal(got, required) || len(required) == 0 {
		t.Errorf("Task.Names(true) = %q, want %q", got, required)
	}
	if Progress.Index("date") != 1 || Progress.Name("date") != Progress[1].Name || Progress.Index("lead") != -1 || Progress.Name("lead") != "" {
		t.Errorf("Progress: date at %d named %q, lead at %d", Progress.Index("date"), Progress.Name("date"), Progress.Index("lead"))
	}
}

// README's list of the names other plans' tables use follows Task: every
// synonym is in it.
func TestREADMEListsEverySynonym(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	start := strings.Index(doc, "**Column names.**")
	end := strings.Index(doc[max(start, 0):], "\n- ")
	if start < 0 || end < 0 {
		t.Fatal("README.md has no paragraph **Column names.**")
	}
	para := strings.Join(strings.Fields(doc[start:start+end]), "")
	for _, c := range Task {
		for _, w := range c.Synonyms {
			if !strings.Contains(para, w+",") && !strings.Contains(para, w+"→") {
				t.Errorf("README.md's **Column names.** does not list %s (%s)", w, c.Name)
			}
		}
	}
}
