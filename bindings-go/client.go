// Package zavudev is the Go SDK of the Zavu Partner Invitations API: invitations your clients
// open to connect their WhatsApp or Messenger accounts, phone numbers, senders and webhooks.
//
// It runs the same Rust core as every Zavu SDK (validation, retries with idempotency keys,
// rate-limit waits, pagination, webhook verification) through cgo and the C ABI of zavu-c.
//
//	client := zavudev.NewClient(zavudev.WithAPIKey(os.Getenv("ZAVUDEV_API_KEY")))
//	invitation, err := client.Invitations.Create(ctx, zavudev.InvitationCreateParams{
//		ClientName:    zavudev.String("Acme Corp"),
//		ExpiresInDays: zavudev.Int(7),
//	})
//
// A Client is safe for use by many goroutines at once. Every call takes a context: cancelling
// it, or passing its deadline, ends the call in flight with a *Error whose Code is "cancelled"
// and for which errors.Is(err, context.Canceled) (or context.DeadlineExceeded) holds.
package zavudev

import (
	"fmt"
	"net/http"
	"runtime"
	"time"
)

// Client is a Zavu API client: one connection pool shared by every call. Safe for concurrent
// use; make one and reuse it.
type Client struct {
	Invitations  *InvitationService
	PhoneNumbers *PhoneNumberService
	Senders      *SenderService
	Webhooks     *WebhookService

	native *nativeClient
	err    error // why the client could not be built; every call returns it
}

// NewClient builds a client. The API key and base URL default to the environment variables
// ZAVUDEV_API_KEY and ZAVUDEV_BASE_URL (then https://api.zavu.dev). NewClient never fails: when
// the options are refused (no API key, a bad base URL, a negative timeout) every call returns
// that error, and so does Err.
func NewClient(opts ...RequestOption) *Client {
	c := newClientShell()
	native, err := openNative(clientOptions(opts))
	if err != nil {
		c.err = err
		return c
	}
	c.native = native
	runtime.AddCleanup(c, freeNative, native.ptr)
	return c
}

// WithOptions is a new client that shares this one's connection pool, with opts on top of its
// options: WithAPIKey, WithBaseURL, WithRequestTimeout, WithMaxRetries, WithHeader. The
// original client is unchanged. Like NewClient it never fails: a refused option is returned by
// every call of the new client and by its Err.
//
//	other := client.WithOptions(zavudev.WithAPIKey(otherTeamKey), zavudev.WithMaxRetries(0))
func (c *Client) WithOptions(opts ...RequestOption) *Client {
	d := newClientShell()
	switch {
	case c.err != nil:
		d.err = c.err
	case c.native == nil:
		d.err = errZeroClient
	default:
		native, err := c.native.derive(derivedOptions(opts))
		runtime.KeepAlive(c)
		if err != nil {
			d.err = err
			return d
		}
		d.native = native
		runtime.AddCleanup(d, freeNative, native.ptr)
	}
	return d
}

func newClientShell() *Client {
	c := &Client{}
	c.Invitations = &InvitationService{client: c}
	c.PhoneNumbers = &PhoneNumberService{client: c}
	c.Senders = &SenderService{client: c}
	c.Webhooks = &WebhookService{}
	return c
}

// Err is why the client could not be built, or nil.
func (c *Client) Err() error { return c.err }

// Close releases the client's idle connections; later calls fail with the code
// "client_closed". Calls in flight finish. The native handle itself is freed when the client
// is garbage collected.
func (c *Client) Close() error {
	if c.native != nil {
		c.native.close()
		runtime.KeepAlive(c)
	}
	return nil
}

// String describes the client without its API key.
func (c *Client) String() string {
	if c.err != nil {
		return fmt.Sprintf("zavudev.Client{err: %v}", c.err)
	}
	return "zavudev.Client{}"
}

// GoString is String: %#v never prints the key either (the key is not kept in Go memory).
func (c *Client) GoString() string { return c.String() }

// RequestOption configures a client (NewClient) or one call (the trailing options of every
// method). WithAPIKey, WithBaseURL and WithConnectTimeout apply to clients only.
type RequestOption func(*requestConfig)

type requestConfig struct {
	fields       map[string]any
	headers      map[string]string
	query        map[string]string
	body         map[string]any
	responseInto **http.Response
}

func (r *requestConfig) set(key string, value any) {
	if r.fields == nil {
		r.fields = map[string]any{}
	}
	r.fields[key] = value
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// WithAPIKey sets the API key (else ZAVUDEV_API_KEY).
func WithAPIKey(key string) RequestOption {
	return func(r *requestConfig) { r.set("apiKey", key) }
}

// WithBaseURL sets the API's base URL (else ZAVUDEV_BASE_URL, then https://api.zavu.dev).
func WithBaseURL(url string) RequestOption {
	return func(r *requestConfig) { r.set("baseUrl", url) }
}

// WithRequestTimeout bounds each attempt of a call (default 60 s).
func WithRequestTimeout(d time.Duration) RequestOption {
	return func(r *requestConfig) { r.set("timeout", millis(d)) }
}

// WithConnectTimeout bounds connecting (default 5 s). Client only.
func WithConnectTimeout(d time.Duration) RequestOption {
	return func(r *requestConfig) { r.set("connectTimeout", millis(d)) }
}

// WithMaxRetries sets how many times a failed attempt is retried (default 2, at most 100).
func WithMaxRetries(n int) RequestOption {
	return func(r *requestConfig) { r.set("maxRetries", n) }
}

// WithHeader adds a header to every request (client) or to one call's requests.
func WithHeader(name, value string) RequestOption {
	return func(r *requestConfig) {
		if r.headers == nil {
			r.headers = map[string]string{}
		}
		r.headers[name] = value
	}
}

// WithIdempotencyKey sets the Idempotency-Key of a POST (a fresh one per call otherwise, reused
// across its retries). Per call only.
func WithIdempotencyKey(key string) RequestOption {
	return func(r *requestConfig) { r.set("idempotencyKey", key) }
}

// WithQuery adds a query parameter to one call's requests, beside the call's own parameters
// (core decides what wins when both name one). Per call only.
func WithQuery(key, value string) RequestOption {
	return func(r *requestConfig) {
		if r.query == nil {
			r.query = map[string]string{}
		}
		r.query[key] = value
	}
}

// WithJSONSet sets a top-level field of one call's JSON body, beside the call's own fields
// (core merges them and refuses a body that is not a JSON object). The published SDK's sjson
// paths are not supported: key is one field name. Per call only.
func WithJSONSet(key string, value any) RequestOption {
	return func(r *requestConfig) {
		if r.body == nil {
			r.body = map[string]any{}
		}
		r.body[key] = value
	}
}

// WithResponseInto stores the call's HTTP response (status, headers, the request id in
// X-Request-Id, the X-RateLimit-* headers) in *dst when the call succeeds. The body has been
// read and parsed already: Body is empty. Per call only.
//
//	var resp *http.Response
//	inv, err := client.Invitations.Create(ctx, params, zavudev.WithResponseInto(&resp))
//	fmt.Println(resp.StatusCode, resp.Header.Get("X-RateLimit-Remaining"))
func WithResponseInto(dst **http.Response) RequestOption {
	return func(r *requestConfig) { r.responseInto = dst }
}

func apply(opts []RequestOption) requestConfig {
	var r requestConfig
	for _, opt := range opts {
		if opt != nil {
			opt(&r)
		}
	}
	return r
}

func clientOptions(opts []RequestOption) map[string]any {
	r := apply(opts)
	out := map[string]any{"binding": "go/" + runtime.Version()}
	for k, v := range r.fields {
		out[k] = v
	}
	if r.headers != nil {
		out["defaultHeaders"] = r.headers
	}
	// Per-call-only options reach the library, which refuses them naming the option.
	if r.query != nil {
		out["extraQuery"] = r.query
	}
	if r.body != nil {
		out["extraBody"] = r.body
	}
	if r.responseInto != nil {
		out["withResponse"] = true
	}
	return out
}

// derivedOptions are the options of WithOptions: the client options, without the binding name
// (the derived client keeps its parent's).
func derivedOptions(opts []RequestOption) map[string]any {
	out := clientOptions(opts)
	delete(out, "binding")
	return out
}

// callOptions is nil (no per-call options) or the options as JSON; options that only a client
// takes are passed on and refused by the library, naming them.
func callOptions(opts []RequestOption) map[string]any {
	if len(opts) == 0 {
		return nil
	}
	r := apply(opts)
	return r.callJSON()
}

func (r *requestConfig) callJSON() map[string]any {
	out := map[string]any{}
	if r.query != nil {
		out["extraQuery"] = r.query
	}
	if r.body != nil {
		out["extraBody"] = r.body
	}
	if r.responseInto != nil {
		out["withResponse"] = true
	}
	for k, v := range r.fields {
		out[k] = v
	}
	if r.headers != nil {
		out["headers"] = r.headers
	}
	return out
}

// String returns a pointer to s, for optional parameters.
func String(s string) *string { return &s }

// Int returns a pointer to i, for optional parameters.
func Int(i int) *int { return &i }

// Bool returns a pointer to b, for optional parameters.
func Bool(b bool) *bool { return &b }

// KnownCodes are the error codes the SDK knows (Error.Code is one of them, or a code from a
// newer API).
func KnownCodes() []string { return nativeKnownCodes() }
