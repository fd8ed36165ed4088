package content

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The starter project: the parents' pages of a fictional state agency,
// in English and Spanish, with newsletter issues and the directory of
// state and tribal programs. `plainpress init` writes it out and
// `plainpress demo` serves it.
//
//go:embed all:starter
var starterFS embed.FS

// Starter is the starter project as a file system.
func Starter() fs.FS {
	sub, err := fs.Sub(starterFS, "starter")
	if err != nil {
		panic(err) // the folder is embedded at build time; it cannot be missing
	}
	return sub
}

// gitignore keeps what a build or the tool makes out of git.
const gitignore = "# Made by plainpress; never edit or commit these.\n/public/\n/.plainpress/\n"

// ErrNotEmpty is returned by WriteStarter for a folder that has files.
var ErrNotEmpty = errors.New("folder is not empty")

// WriteStarter writes the starter project into dir. It refuses a folder
// that has anything in it unless force is set, and then overwrites only
// the starter's own files.
func WriteStarter(dir string, force bool) error {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(entries) > 0 && !force {
		return fmt.Errorf("%s: %w (use --force to write the starter project into it anyway)", dir, ErrNotEmpty)
	}
	starter := Starter()
	err = fs.WalkDir(starter, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		return fmt.Errorf("write the starter project: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644)
}
