package taobao

import (
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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

// signPair is one signed parameter: its name and first value.
type signPair struct{ k, v string }

// signInto writes the upper-case hex signature into out and returns its
// length. Requests of ordinary size (up to 32 parameters and 2 KiB of text)
// are signed without touching the heap: HMAC is computed by hand over
// one-shot digests instead of through crypto/hmac, whose state allocates.
func signInto(out *[sha256.Size * 2]byte, params url.Values, secret string, m SignMethod) int {
	var pairStack [32]signPair
	pairs := pairStack[:0]
	if len(params) > len(pairStack) {
		pairs = make([]signPair, 0, len(params))
	}
	size := 0
	for k, vs := range params {
		if len(vs) == 0 || k == "sign" || isBlank(vs[0]) || isBlank(k) {
			continue
		}
		pairs = append(pairs, signPair{k, vs[0]})
		size += len(k) + len(vs[0])
	}
	// Names are unique, so the order is total; byte order as the gateway's.
	slices.SortFunc(pairs, func(a, b signPair) int { return strings.Compare(a.k, b.k) })

	// HMAC key block: the secret, or its digest when longer than a block,
	// padded with zeros. MD5 and SHA-256 both use 64-byte blocks.
	const block = sha256.BlockSize
	var key [block]byte
	switch {
	case m == SignMD5:
		size += 2 * len(secret)
	case len(secret) <= block:
		copy(key[:], secret)
		size += block
	case m == SignHMAC:
		s := md5.Sum([]byte(secret))
		copy(key[:], s[:])
		size += block
	default:
		s := sha256.Sum256([]byte(secret))
		copy(key[:], s[:])
		size += block
	}

	var bufStack [2048]byte
	buf := bufStack[:0]
	if size > len(bufStack) {
		buf = make([]byte, 0, size)
	}
	if m == SignMD5 {
		buf = append(buf, secret...)
	} else {
		for _, c := range key {
			buf = append(buf, c^0x36)
		}
	}
	for _, p := range pairs {
		buf = append(buf, p.k...)
		buf = append(buf, p.v...)
	}

	var sumStack [sha256.Size]byte
	var sum []byte
	switch m {
	case SignMD5:
		buf = append(buf, secret...)
		s := md5.Sum(buf)
		sum = append(sumStack[:0], s[:]...)
	case SignHMAC:
		var outer [block + md5.Size]byte
		for i, c := range key {
			outer[i] = c ^ 0x5c
		}
		in := md5.Sum(buf)
		copy(outer[block:], in[:])
		s := md5.Sum(outer[:])
		sum = append(sumStack[:0], s[:]...)
	default:
		var outer [block + sha256.Size]byte
		for i, c := range key {
			outer[i] = c ^ 0x5c
		}
		in := sha256.Sum256(buf)
		copy(outer[block:], in[:])
		sumStack = sha256.Sum256(outer[:])
		sum = sumStack[:]
	}
	const hexdigits = "0123456789ABCDEF"
	for i, c := range sum {
		out[2*i] = hexdigits[c>>4]
		out[2*i+1] = hexdigits[c&0x0f]
	}
	return 2 * len(sum)
}

// VerifySign is the gateway's side of Sign: it recomputes the signature of
// params with the method their "sign_method" names (md5 when it is absent or
// blank, as the gateway assumes) and compares it with their "sign" in
// constant time, accepting either hex case. Every failure, including an
// unknown method or a missing sign, wraps ErrInvalidSignature.
func VerifySign(params url.Values, secret string) error {
	m := SignMethod(params.Get("sign_method"))
	if isBlank(string(m)) {
		// A blank value is not sent, so it cannot name a method.
		m = SignMD5
	}
	if !m.valid() {
		return fmt.Errorf("%w: unknown sign_method %s", ErrInvalidSignature, quoteSample([]byte(m)))
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
// neither signed nor sent. White space is what Go's unicode.IsSpace or Java's
// Character.isWhitespace (which the official SDK uses, and which adds the
// separators U+001C..U+001F) says it is: a value either side may take for
// blank is dropped, so a request never carries a value the gateway might
// leave out of its signature.
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') && (c < 0x1c || c > 0x1f) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}
