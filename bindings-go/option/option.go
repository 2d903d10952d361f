// Package option has the published Go SDK's request options under their published import
// path's last element, so code written for it only changes its import path
// (github.com/zavudev/sdk-go/option becomes github.com/zavudev/zavu-sdk-hub/bindings-go/option).
// Each is the zavudev option of the same name; the package adds nothing.
package option

import (
	"net/http"
	"time"

	zavudev "github.com/zavudev/zavu-sdk-hub/bindings-go"
)

// RequestOption configures a client or one call.
type RequestOption = zavudev.RequestOption

// WithAPIKey sets the API key (else ZAVUDEV_API_KEY).
func WithAPIKey(key string) RequestOption { return zavudev.WithAPIKey(key) }

// WithBaseURL sets the API's base URL.
func WithBaseURL(url string) RequestOption { return zavudev.WithBaseURL(url) }

// WithHeader sets a header of every request (client) or of one call.
func WithHeader(key, value string) RequestOption { return zavudev.WithHeader(key, value) }

// WithMaxRetries sets how many times a failed attempt is retried. Unlike the published SDK it
// never panics: a negative count is an invalid_request error naming MaxRetries.
func WithMaxRetries(retries int) RequestOption { return zavudev.WithMaxRetries(retries) }

// WithRequestTimeout bounds each attempt of a call.
func WithRequestTimeout(d time.Duration) RequestOption { return zavudev.WithRequestTimeout(d) }

// WithQuery sets a query parameter of one call.
func WithQuery(key, value string) RequestOption { return zavudev.WithQuery(key, value) }

// WithJSONSet sets a top-level field of one call's JSON body (one field name, not an sjson path).
func WithJSONSet(key string, value any) RequestOption { return zavudev.WithJSONSet(key, value) }

// WithResponseInto stores the call's HTTP response (status and headers) in *dst.
func WithResponseInto(dst **http.Response) RequestOption { return zavudev.WithResponseInto(dst) }

// WithIdempotencyKey sets the Idempotency-Key of one POST.
func WithIdempotencyKey(key string) RequestOption { return zavudev.WithIdempotencyKey(key) }
