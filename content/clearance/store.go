package clearance

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/plainpress/plainpress/internal/atomicfile"
)

const (
	ledgerDir  = "clearance"
	eventsDir  = ledgerDir + "/events"
	objectsDir = ledgerDir + "/objects"
)

// objectPath is where content with a hash is kept: objects/ab/cdef….
func objectPath(hash string) string {
	return objectsDir + "/" + hash[:2] + "/" + hash[2:]
}

// putObject keeps data under its SHA-256, once.
func putObject(root string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	p := filepath.Join(root, filepath.FromSlash(objectPath(hash)))
	if _, err := os.Stat(p); err == nil {
		return hash, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", err
	}
	return hash, atomicfile.Write(p, data, 0o644)
}

// getObject reads the content with a hash and checks it still has it.
func getObject(fsys fs.FS, hash string) ([]byte, error) {
	if !hexHash.MatchString(hash) {
		return nil, fmt.Errorf("%q is not a SHA-256", hash)
	}
	b, err := fs.ReadFile(fsys, objectPath(hash))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s is missing: the text that was submitted is not on record", objectPath(hash))
	} else if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != hash {
		return nil, fmt.Errorf("%s was changed: its content no longer has its hash", objectPath(hash))
	}
	return b, nil
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
