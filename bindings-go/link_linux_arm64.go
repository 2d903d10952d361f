//go:build linux && arm64 && !zavudev_dev

package zavudev

// Built by the release workflow (not on this machine): lib/linux_arm64/libzavu_c.a.

// #cgo LDFLAGS: ${SRCDIR}/lib/linux_arm64/libzavu_c.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
import "C"
