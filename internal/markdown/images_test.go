package markdown

import (
	"strings"
	"testing"
)

func TestSplitRefusesForeignImages(t *testing.T) {
	head := "+++\ntitle = \"关于\"\n+++\n"
	tests := []struct {
		body string
		want string // "": accepted
	}{
		{"![图](/static/a.png)\n", ""},
		{"![图](a.png) ![](../static/b.svg)\n", ""},
		{"[链接](https://other.example/) <https://other.example/a.png> https://other.example/b.png\n", ""},
		{"<img src=\"https://other.example/a.png\">\n", ""}, // raw HTML is never rendered
		{"文字\n\n说明 ![图](https://other.example/a.png)\n", `content/about.md:6:4: error: the image "https://other.example/a.png" is on another host`},
		{"![](//other.example/a.png)\n", `content/about.md:4:1: error: the image "//other.example/a.png" is on another host`},
		{"一 ![二](/static/a.png) ![](HTTP://other.example/a.png)\n", `content/about.md:4:23: error: the image "HTTP://other.example/a.png"`},
		{"前 ![图][logo]\n\n[logo]: https://other.example/logo.png\n", `content/about.md:4:3: error: the image "https://other.example/logo.png" is on another host`},
		{"![图][]\n\n[图]: <//other.example/a.png>\n", `content/about.md:4:1:`},
		{"[![图](https://other.example/a.png)](https://other.example/)\n", `content/about.md:4:2:`},
		{"| 甲 |\n|---|\n| ![x](https://other.example/a.png) |\n", `content/about.md:6:3:`},
		{"![x](/\\\\other.example/a.png)\n", `is on another host`},
		{"![x](data:image/png;base64,AAAA)\n", `the image "data:image/png;base64,AAAA" is not a file of the site`},
	}
	for _, tt := range tests {
		_, _, _, err := Split("content/about.md", []byte(head+tt.body))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.body, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: error %v; want %s", tt.body, err, tt.want)
		}
	}
	// Without front matter the body starts on line 1.
	_, _, _, err := Split("content/about.md", []byte("\n![x](https://other.example/a.png)"))
	if err == nil || !strings.HasPrefix(err.Error(), "content/about.md:2:1: error: ") {
		t.Errorf("error %v; want it on 2:1", err)
	}
}

func TestDateInFrontMatter(t *testing.T) {
	_, _, _, err := Split("content/about.md", []byte("+++\ntitle = \"关于\"\nupdated = \"2023-02-31\"\n+++\n"))
	if err == nil || err.Error() != `content/about.md:3:1: error: front matter: updated "2023-02-31" is not a day of the calendar: 2023-02 has 28 days` {
		t.Errorf("error %v", err)
	}
}

// Raw HTML is not rendered, so an <img> or <iframe> of another host never
// reaches a page and Split need not look for it.
func TestRawHTMLImageNotRendered(t *testing.T) {
	html, err := New().Render([]byte("<img src=\"https://other.example/a.png\">\n\n文字 <iframe src=\"https://other.example/\"></iframe>\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), "other.example") {
		t.Errorf("Render passes raw HTML through: %s", html)
	}
}
