package opendata

import (
	"io"

	"plansite/internal/jsonenc"
	"plansite/internal/plan"
	"plansite/internal/progress"
	"plansite/internal/sitepath"
)

// StatusData is one status of the vocabulary.
type StatusData struct {
	Name string `json:"name"`
	Done bool   `json:"done"`
}

// UpdateData is one dated update on a task.
type UpdateData struct {
	Anchor string `json:"anchor"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Status string `json:"status"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

// taskProgress is what a task's JSON says of its progress in a site that
// has a progress file; a site without one leaves the fields out.
type taskProgress struct {
	Status   string       `json:"status"`
	Deadline *string      `json:"deadline"`
	Overdue  bool         `json:"overdue"`
	Progress []UpdateData `json:"progress"`
}

func taskProgressData(baseURL string, t *plan.Task, l *progress.Log) *taskProgress {
	tp := &taskProgress{Overdue: l.Overdue(t), Progress: []UpdateData{}}
	if s := l.Current(t); s != nil {
		tp.Status = s.Name
	}
	if d, ok := progress.Deadline(t); ok {
		s := d.String()
		tp.Deadline = &s
	}
	url := baseURL + sitepath.Task(t)
	for _, u := range l.For(t) {
		tp.Progress = append(tp.Progress, UpdateData{Anchor: u.Anchor(), URL: url + "#" + u.Anchor(), Date: u.Date.String(),
			Status: l.StatusOf(u).Name, Text: u.Text, Source: u.Source})
	}
	return tp
}

// TaskProgressJSON is TaskJSON with the task's progress from l, when the
// site has a progress file (l is not nil).
func TaskProgressJSON(s Input, t *plan.Task) ([]byte, error) {
	if s.Progress == nil {
		return TaskJSON(s, t)
	}
	return jsonenc.Marshal(struct {
		TaskData
		*taskProgress
	}{taskData(s, t), taskProgressData(s.BaseURL, t, s.Progress)})
}

// statusesData lists the vocabulary, nil without progress.
func statusesData(l *progress.Log) []StatusData {
	if l == nil {
		return nil
	}
	out := make([]StatusData, len(l.Statuses))
	for i, s := range l.Statuses {
		out[i] = StatusData{s.Name, s.Done}
	}
	return out
}

// writeProgressCSV writes /data/progress.csv behind a UTF-8 byte order mark,
// as /data/tasks.csv is.
func writeProgressCSV(w io.Writer, s Input) error {
	if _, err := w.Write(bom); err != nil {
		return err
	}
	return s.ProgressTable(w)
}
