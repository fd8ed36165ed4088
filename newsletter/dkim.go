package newsletter

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"

	"github.com/emersion/go-msgauth/dkim"
)

// signedHeaders are the headers the DKIM signature covers: the ones a
// receiver shows or acts on, the list headers included (RFC 8058 asks
// for List-Unsubscribe and List-Unsubscribe-Post to be signed).
var signedHeaders = []string{"From", "To", "Subject", "Date", "Message-ID", "Reply-To",
	"List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "MIME-Version", "Content-Type"}

// DKIM signs messages for a domain with a key.
type DKIM struct {
	opts dkim.SignOptions
}

// LoadDKIM reads a PEM private key (PKCS #8 RSA or Ed25519, or PKCS #1
// RSA) to sign as selector._domainkey.domain.
func LoadDKIM(keyFile, domain, selector string) (*DKIM, error) {
	if domain == "" || selector == "" {
		return nil, fmt.Errorf("DKIM needs a domain and a selector as well as the key")
	}
	b, err := os.ReadFile(keyFile)
	if err != nil {
		return nil, fmt.Errorf("DKIM key: %w", err)
	}
	key, err := parseKey(b)
	if err != nil {
		return nil, fmt.Errorf("DKIM key %s: %w", keyFile, err)
	}
	return NewDKIM(key, domain, selector)
}

// NewDKIM signs with a key already in memory.
func NewDKIM(key crypto.Signer, domain, selector string) (*DKIM, error) {
	if k, ok := key.(*rsa.PrivateKey); ok && k.N.BitLen() < 2048 {
		return nil, fmt.Errorf("the RSA key has %d bits: receivers want 2048 or more", k.N.BitLen())
	}
	return &DKIM{opts: dkim.SignOptions{Domain: domain, Selector: selector, Signer: key,
		HeaderCanonicalization: dkim.CanonicalizationRelaxed, BodyCanonicalization: dkim.CanonicalizationRelaxed,
		HeaderKeys: signedHeaders}}, nil
}

func parseKey(b []byte) (crypto.Signer, error) {
	block, _ := pem.Decode(b)
	if block == nil {
		return nil, fmt.Errorf("not a PEM file")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("not an RSA or Ed25519 private key: %v", err)
	}
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case ed25519.PrivateKey:
		return k, nil
	}
	return nil, fmt.Errorf("a %T key: DKIM signs with RSA or Ed25519", k)
}

// sign adds the DKIM-Signature header: the last step, after which the
// message must not change.
func (d *DKIM) sign(msg []byte) ([]byte, error) {
	var out bytes.Buffer
	opts := d.opts
	if err := dkim.Sign(&out, bytes.NewReader(msg), &opts); err != nil {
		return nil, fmt.Errorf("DKIM: %w", err)
	}
	return out.Bytes(), nil
}
