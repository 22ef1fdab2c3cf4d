package opendata

import (
	"bytes"
	"os"
	"testing"

	"plansite/internal/jsonenc"
	"plansite/internal/load"
)

// TestPlanJSONIsTheWholeDocument: plan.json written task by task is the
// encoding of the whole PlanData.
func TestPlanJSONIsTheWholeDocument(t *testing.T) {
	c, _, err := load.Read(os.DirFS("../../content"), "content")
	if err != nil {
		t.Fatal(err)
	}
	s := Input{Plan: c.Plan, Config: c.Config, BaseURL: "https://example.org/plan/", Table: c.WriteTable}
	d := planData(s)
	for _, task := range s.Plan.Tasks {
		d.Tasks = append(d.Tasks, taskData(s, task))
	}
	whole, err := jsonenc.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var streamed bytes.Buffer
	if err := writePlanJSON(&streamed, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole, streamed.Bytes()) {
		t.Errorf("plan.json written task by task (%d bytes) differs from the whole encoded (%d bytes)", streamed.Len(), len(whole))
	}
}
