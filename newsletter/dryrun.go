package newsletter

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/plainpress/plainpress/internal/atomicfile"
)

// Folder is a Transport that writes each message to a folder, as
// ADDRESS.eml, instead of sending it: a dry run.
type Folder struct{ Dir string }

// Dial makes the folder.
func (f Folder) Dial(context.Context) (Transport, error) {
	return f, os.MkdirAll(f.Dir, 0o755)
}

func (f Folder) Send(_ context.Context, _, to string, msg []byte) error {
	return atomicfile.Write(filepath.Join(f.Dir, fileName(to)+".eml"), msg, 0o644)
}

func (f Folder) Close() error { return nil }

// fileName keeps an address's letters, digits and @._+-.
func fileName(addr string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("@._+-", r) {
			return r
		}
		return '_'
	}, strings.ToLower(addr))
}

// ReadOnly is a send log that a dry run reads but does not write.
func ReadOnly(log SendLog) SendLog { return readOnly{log} }

type readOnly struct{ SendLog }

func (readOnly) LogSends(context.Context, string, []SendMark) error { return nil }
