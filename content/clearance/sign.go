package clearance

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Signer signs an event's payload, for agencies that want events no one
// can forge with write access to the repository alone.
type Signer func(payload []byte) (string, error)

// sigNamespace keeps a clearance signature from being valid for anything
// else (ssh-keygen -Y's namespace).
const sigNamespace = "plainpress-clearance"

// SSHSigner signs with an SSH key through ssh-keygen -Y sign, so keys in
// an agent, on a token or with a passphrase all work as they do for git.
func SSHSigner(key string) Signer {
	return func(payload []byte) (string, error) {
		dir, err := os.MkdirTemp("", "plainpress-sign-")
		if err != nil {
			return "", err
		}
		defer os.RemoveAll(dir)
		msg := filepath.Join(dir, "event")
		if err := os.WriteFile(msg, payload, 0o600); err != nil {
			return "", err
		}
		out, err := exec.Command("ssh-keygen", "-Y", "sign", "-q", "-f", key, "-n", sigNamespace, msg).CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("sign with %s: %s", key, sshError(out, err))
		}
		sig, err := os.ReadFile(msg + ".sig")
		if err != nil {
			return "", fmt.Errorf("sign with %s: %w", key, err)
		}
		return string(sig), nil
	}
}

// verifySignature checks that sig is who's signature of payload, by a
// key the allowed-signers file lists for them.
func verifySignature(allowedSigners, who string, payload []byte, sig string) error {
	dir, err := os.MkdirTemp("", "plainpress-verify-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	sigFile := filepath.Join(dir, "event.sig")
	if err := os.WriteFile(sigFile, []byte(sig), 0o600); err != nil {
		return err
	}
	cmd := exec.Command("ssh-keygen", "-Y", "verify", "-f", allowedSigners, "-I", who, "-n", sigNamespace, "-s", sigFile)
	cmd.Stdin = bytes.NewReader(payload)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("the signature is not %s's by a key in %s: %s", who, allowedSigners, sshError(out, err))
	}
	return nil
}

func sshError(out []byte, err error) string {
	if _, ok := err.(*exec.Error); ok {
		return "ssh-keygen is not installed (Debian: apt-get install openssh-client)"
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		return s
	}
	return err.Error()
}
