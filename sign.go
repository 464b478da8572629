package taobao

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// SignMethod is the digest a request is signed with (the sign_method
// parameter).
type SignMethod string

// The signing methods the gateway accepts.
const (
	SignMD5        SignMethod = "md5"         // MD5(secret + params + secret)
	SignHMAC       SignMethod = "hmac"        // HMAC-MD5 keyed by the secret
	SignHMACSHA256 SignMethod = "hmac-sha256" // HMAC-SHA256 keyed by the secret
)

func (m SignMethod) valid() bool {
	return m == SignMD5 || m == SignHMAC || m == SignHMACSHA256
}

// Sign computes TOP's signature of params with the app secret: the names in
// byte order, each name followed by its raw first value, with no separators;
// the "sign" parameter and empty or all-white-space values are left out (the
// client does not send those either). The result is upper-case hex.
func Sign(params url.Values, secret string, m SignMethod) (string, error) {
	if !m.valid() {
		return "", fmt.Errorf("taobao: unknown sign method %q (want md5, hmac or hmac-sha256)", string(m))
	}
	var out [sha256.Size * 2]byte
	n := signInto(&out, params, secret, m)
	return string(out[:n]), nil
}

// signInto writes the upper-case hex signature into out and returns its
// length. It keeps every buffer on the stack for requests of ordinary size.
func signInto(out *[sha256.Size * 2]byte, params url.Values, secret string, m SignMethod) int {
	var keyStack [48]string
	keys := keyStack[:0]
	for k, vs := range params {
		if k == "sign" || len(vs) == 0 || isBlank(k) || isBlank(vs[0]) {
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)

	blockSize := md5.BlockSize
	if m == SignHMACSHA256 {
		blockSize = sha256.BlockSize
	}
	var bufStack [2048]byte
	buf := bufStack[:0]
	var pad [sha256.BlockSize]byte // the HMAC key block, or unused for md5
	switch m {
	case SignMD5:
		buf = append(buf, secret...)
	default:
		if len(secret) > blockSize {
			if m == SignHMAC {
				s := md5.Sum([]byte(secret))
				copy(pad[:], s[:])
			} else {
				s := sha256.Sum256([]byte(secret))
				copy(pad[:], s[:])
			}
		} else {
			copy(pad[:], secret)
		}
		for i := range blockSize {
			buf = append(buf, pad[i]^0x36)
		}
	}
	for _, k := range keys {
		buf = append(buf, k...)
		buf = append(buf, params[k][0]...)
	}

	var sum []byte
	var sumStack [sha256.BlockSize + sha256.Size]byte
	outer := sumStack[:0]
	for i := range blockSize {
		outer = append(outer, pad[i]^0x5c)
	}
	switch m {
	case SignMD5:
		buf = append(buf, secret...)
		s := md5.Sum(buf)
		sum = append(sumStack[:0], s[:]...)
	case SignHMAC:
		in := md5.Sum(buf)
		s := md5.Sum(append(outer, in[:]...))
		sum = append(sumStack[:0], s[:]...)
	default:
		in := sha256.Sum256(buf)
		s := sha256.Sum256(append(outer, in[:]...))
		sum = append(sumStack[:0], s[:]...)
	}
	const hexdigits = "0123456789ABCDEF"
	for i, c := range sum {
		out[2*i] = hexdigits[c>>4]
		out[2*i+1] = hexdigits[c&0x0f]
	}
	return 2 * len(sum)
}

// VerifySign checks params' "sign" against the signature computed with the
// method named by params' "sign_method" (md5 when absent, as the gateway
// treats it). The comparison takes constant time and ignores hex case.
func VerifySign(params url.Values, secret string) error {
	m := SignMethod(params.Get("sign_method"))
	if m == "" {
		m = SignMD5
	}
	if !m.valid() {
		return fmt.Errorf("%w: unknown sign_method %q", ErrInvalidSignature, string(m))
	}
	got := params.Get("sign")
	if got == "" {
		return fmt.Errorf("%w: missing sign", ErrInvalidSignature)
	}
	var want [sha256.Size * 2]byte
	n := signInto(&want, params, secret, m)
	var gotUpper [sha256.Size * 2]byte
	if len(got) != n {
		return fmt.Errorf("%w: sign does not match", ErrInvalidSignature)
	}
	for i := 0; i < n; i++ {
		c := got[i]
		if c >= 'a' && c <= 'f' {
			c -= 'a' - 'A'
		}
		gotUpper[i] = c
	}
	if subtle.ConstantTimeCompare(gotUpper[:n], want[:n]) != 1 {
		return fmt.Errorf("%w: sign does not match", ErrInvalidSignature)
	}
	return nil
}

// isBlank reports whether s is empty or only white space; such values are
// neither signed nor sent.
func isBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}
