package config

import (
	"errors"
	"io/fs"

	"plansite/internal/plan"
)

// ReadError is the error for file, of the content folder, that cannot be
// read: msg and the reason. When the folder itself refused the file (a link
// leading outside it, see site.Folder) its error names the place already and
// is kept whole, rather than put after file's name or lost.
func ReadError(file, msg string, err error) error {
	var pe *plan.Error
	if errors.As(err, &pe) {
		return pe
	}
	var fe *fs.PathError
	if errors.As(err, &fe) {
		return &plan.Error{File: file, Msg: msg + fe.Err.Error()}
	}
	return &plan.Error{File: file, Msg: msg + err.Error()}
}
