package site

import "plansite/internal/inputfs"

// Folder returns the input folder dir on disk, kind being content,
// templates or static, read as inputfs.Open reads it: confined to the
// folder, files and folders only.
func Folder(kind, dir string) (Source, error) {
	fsys, err := inputfs.Open(kind, dir)
	if err != nil {
		return Source{}, err
	}
	return Source{FS: fsys, Name: dir, Dir: dir}, nil
}
