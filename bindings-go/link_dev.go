//go:build zavudev_dev

package zavudev

// Development builds (`go test -tags zavudev_dev`, what `make go-test` runs) link the debug
// library cargo leaves in the repository's target directory.

// #cgo LDFLAGS: ${SRCDIR}/../target/debug/libzavu_c.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
import "C"
