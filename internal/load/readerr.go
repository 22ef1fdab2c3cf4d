package load

import (
	"errors"

	"plansite/internal/plan"
)

// readError is the error for file, of the content folder, that cannot be
// read: msg and the reason. When the folder itself refused the file (a link
// leading outside it, see site.Folder) its error names the place already and
// is kept whole, rather than put after file's name or lost.
func readError(file, msg string, err error) error {
	var pe *plan.Error
	if errors.As(err, &pe) {
		return pe
	}
	return &plan.Error{File: file, Msg: msg + errText(err)}
}
