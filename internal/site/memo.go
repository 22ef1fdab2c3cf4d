package site

import (
	"plansite/internal/load"
	"plansite/internal/pages"
)

// Memo keeps what a build read and made of its input folders for the next
// build of the same folders, which reads again only what changed: a
// preview server's rebuild after a save. The table's records and cells
// (load.Memo), the parsed templates while their files are as they were
// (pages.ParseAgain), and each static text file's minified text while the
// file is as it was. One build at a time may use a memo.
type Memo struct {
	content   *load.Memo
	templates *pages.Templates
	static    map[string]staticText
}

// staticText is what was made of a static text file: its minified text
// and version, and the hash of the file as read.
type staticText struct {
	raw  [32]byte
	data []byte
	sum  string
}

// NewMemo returns a memo that holds nothing yet.
func NewMemo() *Memo { return &Memo{content: load.NewMemo()} }

// parseTemplates parses the templates folder src, again through memo
// when it is set.
func parseTemplates(src Source, memo *Memo) (*pages.Templates, error) {
	if memo == nil {
		return pages.Parse(src.FS, src.Name)
	}
	t, err := pages.ParseAgain(src.FS, src.Name, memo.templates)
	memo.templates = t // nil after an error: the next build parses afresh
	return t, err
}
