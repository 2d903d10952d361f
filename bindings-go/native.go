package zavudev

// The only file that talks to the C ABI of zavu-c (include/zavu.h, a copy of
// bindings-c/include/zavu.h checked by `make go-test`). Everything crosses as JSON text; every
// string the library returns is copied into Go memory and freed at once.

// #cgo CFLAGS: -I${SRCDIR}/include
// #include <stdlib.h>
// #include <string.h>
// #include "zavu.h"
import "C"

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"unsafe"
)

// cString is a C copy of s (freed by the returned function), or NULL for absent (nil) values.
func cString(s *string) (*C.char, func()) {
	if s == nil {
		return nil, func() {}
	}
	p := C.CString(*s)
	return p, func() { C.free(unsafe.Pointer(p)) }
}

// cJSON marshals v into a C string; nil stays NULL.
func cJSON(v any) (*C.char, func(), error) {
	if v == nil {
		return nil, func() {}, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil, func() {}, err
	}
	s := string(data)
	p, free := cString(&s)
	return p, free, nil
}

// takeString copies a string the library returned and frees it.
func takeString(p *C.char) []byte {
	if p == nil {
		return nil
	}
	defer C.zavu_string_free(p)
	return C.GoBytes(unsafe.Pointer(p), C.int(C.strlen(p)))
}

// answer turns a call's status and output into the result JSON or a *Error.
func answer(status C.int32_t, out *C.char) ([]byte, error) {
	text := takeString(out)
	switch status {
	case C.ZAVU_OK:
		return text, nil
	case C.ZAVU_ERROR:
		return nil, errorFromJSON(text)
	default:
		return nil, &Error{Code: "internal_error", Kind: "internal", Class: InternalError,
			Message: "the Zavu library could not write its answer"}
	}
}

// cancelScope gives a call a cancel handle fired when ctx ends. For a context that can never
// end (context.Background()) no handle or callback is made.
type cancelScope struct {
	handle *C.ZavuCancel
	stop   func() bool
	fired  chan struct{}
}

func newCancelScope(ctx context.Context) *cancelScope {
	if ctx.Done() == nil {
		return &cancelScope{}
	}
	s := &cancelScope{handle: C.zavu_cancel_new(), fired: make(chan struct{})}
	handle := s.handle
	fired := s.fired
	if ctx.Err() != nil {
		// Already done: fire before the call starts, so not even a first request is sent.
		C.zavu_cancel_fire(handle)
	}
	// context.AfterFunc runs the function in its own goroutine once ctx is done (at once when
	// it already is); no goroutine waits while ctx is live.
	s.stop = context.AfterFunc(ctx, func() {
		C.zavu_cancel_fire(handle)
		close(fired)
	})
	return s
}

// end releases the handle once nothing can fire it any more.
func (s *cancelScope) end() {
	if s.handle == nil {
		return
	}
	if !s.stop() {
		<-s.fired // the callback started: let it finish before the handle is freed
	}
	C.zavu_cancel_free(s.handle)
	s.handle = nil
}

// finish marks a cancelled error with ctx's own error, so errors.Is(err, context.Canceled)
// (or context.DeadlineExceeded) holds.
func finish(ctx context.Context, data []byte, err error) ([]byte, error) {
	if e, ok := err.(*Error); ok && e.Code == "cancelled" && ctx.Err() != nil {
		e.cause = ctx.Err()
	}
	return data, err
}

// errZeroClient is what a Client not made by NewClient answers.
var errZeroClient = &Error{Code: "client_closed", Kind: "client_closed", Class: ClientClosedError,
	Message: "this client was not made by zavudev.NewClient"}

// nativeClient owns one C client handle; a cleanup frees it once the Go client is unreachable.
type nativeClient struct {
	ptr *C.ZavuClient
}

func openNative(options map[string]any) (*nativeClient, error) {
	opts, free, err := cJSON(options)
	defer free()
	if err != nil {
		return nil, err
	}
	var client *C.ZavuClient
	var out *C.char
	status := C.zavu_client_new(opts, C.ZAVU_STYLE_GO, &client, &out)
	if status != C.ZAVU_OK {
		_, err := answer(status, out)
		return nil, err
	}
	return &nativeClient{ptr: client}, nil
}

func freeNative(ptr *C.ZavuClient) { C.zavu_client_free(ptr) }

func (n *nativeClient) close() { C.zavu_client_close(n.ptr) }

type callFn func(client *C.ZavuClient, options *C.char, cancel *C.ZavuCancel, out **C.char) C.int32_t

// call runs one operation on the client: options as JSON, ctx as the cancel handle.
func (c *Client) call(ctx context.Context, opts []RequestOption, fn callFn) ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	if c.native == nil {
		return nil, errZeroClient
	}
	if ctx == nil {
		ctx = context.Background()
	}
	var config requestConfig
	var optionsJSON map[string]any
	if len(opts) > 0 {
		config = apply(opts)
		optionsJSON = config.callJSON()
	}
	options, free, err := cJSON(optionsJSON)
	defer free()
	if err != nil {
		return nil, err
	}
	scope := newCancelScope(ctx)
	var out *C.char
	status := fn(c.native.ptr, options, scope.handle, &out)
	scope.end()
	runtime.KeepAlive(c)
	data, err := answer(status, out)
	data, err = finish(ctx, data, err)
	if err == nil && config.responseInto != nil {
		return takeResponse(data, config.responseInto)
	}
	return data, err
}

// withResponse is the answer of a call made with "withResponse": the value and its HTTP
// response's metadata.
type withResponse struct {
	Data     json.RawMessage `json:"data"`
	Response struct {
		Status  int         `json:"status"`
		Headers [][2]string `json:"headers"`
	} `json:"response"`
}

// takeResponse stores the response metadata in *dst as an *http.Response and returns the value.
func takeResponse(data []byte, dst **http.Response) ([]byte, error) {
	var answer withResponse
	if err := json.Unmarshal(data, &answer); err != nil {
		return nil, &Error{Code: "invalid_response", Kind: "invalid_response",
			Class: APIResponseValidationError, Message: "the response could not be read: " + err.Error()}
	}
	header := http.Header{}
	for _, pair := range answer.Response.Headers {
		header.Add(pair[0], pair[1])
	}
	*dst = &http.Response{
		Status:     fmt.Sprintf("%d %s", answer.Response.Status, http.StatusText(answer.Response.Status)),
		StatusCode: answer.Response.Status,
		Header:     header,
		Body:       http.NoBody,
		Proto:      "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
	}
	return answer.Data, nil
}

// idArg is an id as a C string. Go strings may hold NUL bytes, which C strings cannot: such an
// id is refused here rather than cut short.
func idArg(id, param string) (*C.char, func(), error) {
	if strings.IndexByte(id, 0) >= 0 {
		return nil, func() {}, &Error{Code: "invalid_request", Kind: "invalid_request",
			Class: InvalidRequestError, Param: param,
			Message: param + " must not contain a NUL byte"}
	}
	p, free := cString(&id)
	return p, free, nil
}

func (c *Client) withParams(ctx context.Context, params any, opts []RequestOption,
	fn func(*C.ZavuClient, *C.char, *C.char, *C.ZavuCancel, **C.char) C.int32_t) ([]byte, error) {
	p, free, err := cJSON(params)
	defer free()
	if err != nil {
		return nil, err
	}
	return c.call(ctx, opts, func(cl *C.ZavuClient, o *C.char, cancel *C.ZavuCancel, out **C.char) C.int32_t {
		return fn(cl, p, o, cancel, out)
	})
}

func (c *Client) withID(ctx context.Context, id, param string, opts []RequestOption,
	fn func(*C.ZavuClient, *C.char, *C.char, *C.ZavuCancel, **C.char) C.int32_t) ([]byte, error) {
	if c.err != nil {
		return nil, c.err
	}
	p, free, err := idArg(id, param)
	defer free()
	if err != nil {
		return nil, err
	}
	return c.call(ctx, opts, func(cl *C.ZavuClient, o *C.char, cancel *C.ZavuCancel, out **C.char) C.int32_t {
		return fn(cl, p, o, cancel, out)
	})
}

func nativeCreateInvitation(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_create(cl, p, o, k, out)
	})
}

func nativeListInvitations(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_list(cl, p, o, k, out)
	})
}

func nativeGetInvitation(c *Client, ctx context.Context, id string, opts []RequestOption) ([]byte, error) {
	return c.withID(ctx, id, "InvitationID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_get(cl, p, o, k, out)
	})
}

func nativeCancelInvitation(c *Client, ctx context.Context, id string, opts []RequestOption) ([]byte, error) {
	return c.withID(ctx, id, "InvitationID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_cancel(cl, p, o, k, out)
	})
}

func nativeWaitForCompletion(c *Client, ctx context.Context, id string, wait any, opts []RequestOption) ([]byte, error) {
	w, free, err := cJSON(wait)
	defer free()
	if err != nil {
		return nil, err
	}
	return c.withID(ctx, id, "InvitationID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_wait_for_completion(cl, p, w, o, k, out)
	})
}

func nativeCreateWebhook(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_create_webhook(cl, p, o, k, out)
	})
}

func nativeUpdateWebhook(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_update_webhook(cl, p, o, k, out)
	})
}

func nativeGetWebhook(c *Client, ctx context.Context, opts []RequestOption) ([]byte, error) {
	return c.call(ctx, opts, func(cl *C.ZavuClient, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_get_webhook(cl, o, k, out)
	})
}

func nativeDeleteWebhook(c *Client, ctx context.Context, opts []RequestOption) ([]byte, error) {
	return c.call(ctx, opts, func(cl *C.ZavuClient, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_invitations_delete_webhook(cl, o, k, out)
	})
}

func nativePurchasePhoneNumber(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_purchase(cl, p, o, k, out)
	})
}

func nativeSearchAvailablePhoneNumbers(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_search_available(cl, p, o, k, out)
	})
}

func nativePhoneNumberRequirements(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_requirements(cl, p, o, k, out)
	})
}

func nativeListPhoneNumbers(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_list(cl, p, o, k, out)
	})
}

func nativeGetPhoneNumber(c *Client, ctx context.Context, id string, opts []RequestOption) ([]byte, error) {
	return c.withID(ctx, id, "PhoneNumberID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_get(cl, p, o, k, out)
	})
}

func nativeUpdatePhoneNumber(c *Client, ctx context.Context, id string, params any, opts []RequestOption) ([]byte, error) {
	body, free, err := cJSON(params)
	defer free()
	if err != nil {
		return nil, err
	}
	return c.withID(ctx, id, "PhoneNumberID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_update(cl, p, body, o, k, out)
	})
}

func nativeReleasePhoneNumber(c *Client, ctx context.Context, id string, opts []RequestOption) ([]byte, error) {
	return c.withID(ctx, id, "PhoneNumberID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_phone_numbers_release(cl, p, o, k, out)
	})
}

// deriveNative is a client handle sharing n's connection pool with options on top.
func (n *nativeClient) derive(options map[string]any) (*nativeClient, error) {
	opts, free, err := cJSON(options)
	defer free()
	if err != nil {
		return nil, err
	}
	var client *C.ZavuClient
	var out *C.char
	status := C.zavu_client_with_options(n.ptr, opts, &client, &out)
	runtime.KeepAlive(n)
	if status != C.ZAVU_OK {
		_, err := answer(status, out)
		return nil, err
	}
	return &nativeClient{ptr: client}, nil
}

func nativeGetSender(c *Client, ctx context.Context, id string, opts []RequestOption) ([]byte, error) {
	return c.withID(ctx, id, "SenderID", opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_senders_get(cl, p, o, k, out)
	})
}

func nativeListSenders(c *Client, ctx context.Context, params any, opts []RequestOption) ([]byte, error) {
	return c.withParams(ctx, params, opts, func(cl *C.ZavuClient, p, o *C.char, k *C.ZavuCancel, out **C.char) C.int32_t {
		return C.zavu_senders_list(cl, p, o, k, out)
	})
}

// nativePager owns one C pager; a cleanup frees it if the walk is abandoned.
type nativePager struct {
	ptr     *C.ZavuPager
	cleanup runtime.Cleanup
	client  *Client // keeps the client (and its handle) alive while the walk is
}

// listKind says which list a pager walks.
type listKind int

const (
	listInvitations listKind = iota
	listSenders
	listPhoneNumbers
)

func openPager(c *Client, kind listKind, params any, opts []RequestOption) (*nativePager, error) {
	if c.err != nil {
		return nil, c.err
	}
	if c.native == nil {
		return nil, errZeroClient
	}
	p, freeP, err := cJSON(params)
	defer freeP()
	if err != nil {
		return nil, err
	}
	o, freeO, err := cJSON(callOptions(opts))
	defer freeO()
	if err != nil {
		return nil, err
	}
	var pager *C.ZavuPager
	var out *C.char
	var status C.int32_t
	switch kind {
	case listSenders:
		status = C.zavu_senders_list_all(c.native.ptr, p, o, &pager, &out)
	case listPhoneNumbers:
		status = C.zavu_phone_numbers_list_all(c.native.ptr, p, o, &pager, &out)
	default:
		status = C.zavu_invitations_list_all(c.native.ptr, p, o, &pager, &out)
	}
	runtime.KeepAlive(c)
	if status != C.ZAVU_OK {
		_, err := answer(status, out)
		return nil, err
	}
	np := &nativePager{ptr: pager, client: c}
	np.cleanup = runtime.AddCleanup(np, func(ptr *C.ZavuPager) { C.zavu_pager_free(ptr) }, pager)
	return np, nil
}

// freePager frees the pager now (the cleanup will not run).
func freePager(p *nativePager) {
	p.cleanup.Stop()
	C.zavu_pager_free(p.ptr)
	p.ptr = nil
}

// next is the next batch of items as a JSON array, or nil at the end.
func (p *nativePager) next(ctx context.Context) ([]byte, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	scope := newCancelScope(ctx)
	var out *C.char
	status := C.zavu_pager_next(p.ptr, scope.handle, &out)
	scope.end()
	runtime.KeepAlive(p)
	data, err := answer(status, out)
	data, err = finish(ctx, data, err)
	if err != nil {
		return nil, err
	}
	if string(data) == "null" {
		return nil, nil
	}
	return data, nil
}

func headersJSON(header map[string][]string) (*C.char, func(), error) {
	if header == nil {
		header = map[string][]string{}
	}
	return cJSON(header)
}

func nativeVerify(payload []byte, header map[string][]string, secret string, now *int64, parse bool) ([]byte, error) {
	h, freeH, err := headersJSON(header)
	defer freeH()
	if err != nil {
		return nil, err
	}
	s, freeS, err := idArg(secret, "Secret")
	defer freeS()
	if err != nil {
		return nil, err
	}
	var body *C.uint8_t
	if len(payload) > 0 {
		body = (*C.uint8_t)(C.CBytes(payload))
		defer C.free(unsafe.Pointer(body))
	}
	var cnow *C.int64_t
	if now != nil {
		v := C.int64_t(*now)
		cnow = &v
	}
	var out *C.char
	var status C.int32_t
	if parse {
		status = C.zavu_webhooks_unwrap(body, C.size_t(len(payload)), h, s, cnow, C.ZAVU_STYLE_GO, &out)
	} else {
		status = C.zavu_webhooks_verify(body, C.size_t(len(payload)), h, s, cnow, C.ZAVU_STYLE_GO, &out)
	}
	return answer(status, out)
}

func nativeSign(payload []byte, secret string, timestamp *int64, scheme *string) ([]byte, error) {
	s, freeS, err := idArg(secret, "Secret")
	defer freeS()
	if err != nil {
		return nil, err
	}
	sc, freeSc := cString(scheme)
	defer freeSc()
	var body *C.uint8_t
	if len(payload) > 0 {
		body = (*C.uint8_t)(C.CBytes(payload))
		defer C.free(unsafe.Pointer(body))
	}
	var cts *C.int64_t
	if timestamp != nil {
		v := C.int64_t(*timestamp)
		cts = &v
	}
	var out *C.char
	status := C.zavu_webhooks_sign(body, C.size_t(len(payload)), s, cts, sc, C.ZAVU_STYLE_GO, &out)
	return answer(status, out)
}

// Facts exported by the library.

func nativeKnownCodes() []string {
	var codes []string
	_ = json.Unmarshal(takeString(C.zavu_known_codes()), &codes)
	return codes
}

type nativeErrorClass struct {
	Name    string   `json:"name"`
	Parent  *string  `json:"parent"`
	Kind    *string  `json:"kind"`
	Aliases []string `json:"aliases"`
}

func nativeErrorClasses() []nativeErrorClass {
	var classes []nativeErrorClass
	_ = json.Unmarshal(takeString(C.zavu_error_classes()), &classes)
	return classes
}

// ParamName is a wire (camelCase) parameter name as this package's errors spell it
// (`clientName` is `ClientName`, `phoneNumberId` is `PhoneNumberID`).
func ParamName(wire string) string {
	p, free := cString(&wire)
	defer free()
	return string(takeString(C.zavu_param_name(p, C.ZAVU_STYLE_GO)))
}

// Version is the SDK's version (one version for every language).
func Version() string { return C.GoString(C.zavu_version()) }

// liveNativeObjects is how many strings and handles the library has handed out and not had
// back (for leak tests).
func liveNativeObjects() int64 { return int64(C.zavu_debug_live_objects()) }
