//go:build linux && amd64 && !zavudev_dev

package zavudev

// The release static library for this platform, put here by `make dist-go` (or unpacked from the
// release archive): lib/linux_amd64/libzavu_c.a. The system libraries are what
// `cargo rustc -p zavu-c --release -- --print native-static-libs` lists for this target.

// #cgo LDFLAGS: ${SRCDIR}/lib/linux_amd64/libzavu_c.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
import "C"
