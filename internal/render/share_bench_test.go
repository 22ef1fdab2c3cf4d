package render

import (
	"testing"

	"plansite/internal/plan"
)

// BenchmarkTaskShareImage times a task's share image of an eleven-year
// plan, drawn and encoded (share_test.go checks what it encodes).
func BenchmarkTaskShareImage(b *testing.B) {
	p := &plan.Plan{Years: []int{2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030}}
	t := &plan.Task{ID: "17", Milestones: []plan.Milestone{{From: 2022, To: 2025}}}
	p.Tasks = []*plan.Task{t}
	for b.Loop() {
		if _, err := TaskShareImageData(p, t); err != nil {
			b.Fatal(err)
		}
	}
}
