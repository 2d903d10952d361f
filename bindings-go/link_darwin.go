//go:build darwin && !zavudev_dev

package zavudev

// Built by the release workflow (not on this machine): lib/darwin_amd64 and lib/darwin_arm64.
// rustls' platform verifier uses the Security framework.

// #cgo amd64 LDFLAGS: ${SRCDIR}/lib/darwin_amd64/libzavu_c.a
// #cgo arm64 LDFLAGS: ${SRCDIR}/lib/darwin_arm64/libzavu_c.a
// #cgo LDFLAGS: -framework Security -framework CoreFoundation -liconv -lSystem -lc -lm
import "C"
