package textsim

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"时间节点", "时间结点", 1},
		{"配合部", "配合部门", 1},
		{"市规划和自然局", "市规划和自然资源局", 2},
		{"", "abc", 3},
		{"同", "同", 0},
	} {
		if got := Distance([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSubsequence(t *testing.T) {
	if !Subsequence([]rune("市规划和自然局"), []rune("市规划和自然资源局")) || Subsequence([]rune("市科技局"), []rune("市教育局")) {
		t.Error("Subsequence is wrong")
	}
}

func TestNearest(t *testing.T) {
	commands := []string{"build", "serve", "check", "new", "import", "version"}
	flags := []string{"base-url", "content", "out", "static", "templates"}
	for _, tt := range []struct {
		word       string
		candidates []string
		want       string
	}{
		{"biuld", commands, "build"},
		{"serv", commands, "serve"},
		{"chek", commands, "check"},
		{"versoin", commands, "version"},
		{"imports", commands, "import"},
		{"frobnicate", commands, ""},
		{"publish", commands, ""},
		{"ot", flags, "out"},
		{"output", flags, "out"},
		{"baseurl", flags, "base-url"},
		{"template", flags, "templates"},
		{"o", flags, "out"},
		{"x", flags, ""},
		{"", flags, ""},
	} {
		if got := Nearest(tt.word, tt.candidates, 2); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
