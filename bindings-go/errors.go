package zavudev

import (
	"encoding/json"
	"fmt"
	"time"
)

// Error is every error this package returns from a call: the API's refusals, local validation
// (Code "invalid_request", Param naming the field as Go spells it, e.g. "ExpiresInDays"),
// network failures, timeouts, webhook refusals and cancellation.
//
//	var apiErr *zavudev.Error
//	if errors.As(err, &apiErr) && apiErr.Code == "not_found" { ... }
//
// Its class is one of the ErrorClass values below; errors.Is(err, zavudev.NotFoundError) or
// errors.Is(err, zavudev.APIStatusError) tests it, parents included. A cancelled call also
// matches context.Canceled or context.DeadlineExceeded.
type Error struct {
	// Code is stable and machine-readable: "not_found", "invalid_request", "rate_limited", ...
	Code string
	// Message is for humans: the API's own message when it sent one.
	Message string
	// Status is the HTTP status, or 0 when no response was involved.
	Status int
	// Param names the parameter at fault, spelled as the Go field ("ClientEmail").
	Param string
	// RetryAfter is how long the API asked to wait (429 and 503), or 0.
	RetryAfter time.Duration
	// RequestID is the API's request id, when it sent one.
	RequestID string
	// Body is the response body of an API error, when there was one.
	Body string
	// Kind is the error's family ("not_found", "timeout", "cancelled", ...).
	Kind string
	// Class is the error's class in the SDK's error tree.
	Class *ErrorClass

	cause error
}

func (e *Error) Error() string {
	text := "zavudev: " + e.Code
	if e.Status != 0 {
		text += fmt.Sprintf(" (%d)", e.Status)
	}
	if e.Param != "" {
		text += " [" + e.Param + "]"
	}
	if e.Message != "" {
		text += ": " + e.Message
	}
	return text
}

// Unwrap is the context's error of a cancelled call, else nil.
func (e *Error) Unwrap() error { return e.cause }

// Is reports whether the error belongs to class target (or one of its subclasses' parents).
func (e *Error) Is(target error) bool {
	class, ok := target.(*ErrorClass)
	if !ok {
		return false
	}
	for c := e.Class; c != nil; c = c.Parent {
		if c == class {
			return true
		}
	}
	return false
}

// ErrorClass is one class of the SDK's error tree, the same tree in every Zavu SDK. Use them
// with errors.Is: errors.Is(err, zavudev.RateLimitError).
type ErrorClass struct {
	Name    string
	Parent  *ErrorClass
	Kind    string // the error kind raised as this class; "" for classes that only group others
	Aliases []string
}

// Error makes a class usable as an errors.Is target.
func (c *ErrorClass) Error() string { return "zavudev." + c.Name }

func class(name string, parent *ErrorClass, kind string, aliases ...string) *ErrorClass {
	return &ErrorClass{Name: name, Parent: parent, Kind: kind, Aliases: aliases}
}

// The error tree (core's ERROR_CLASSES).
var (
	ZavudevError               = class("ZavudevError", nil, "", "ZavuError")
	APIError                   = class("APIError", ZavudevError, "")
	APIStatusError             = class("APIStatusError", APIError, "api")
	BadRequestError            = class("BadRequestError", APIStatusError, "")
	InvalidRequestError        = class("InvalidRequestError", BadRequestError, "invalid_request")
	UnprocessableEntityError   = class("UnprocessableEntityError", InvalidRequestError, "unprocessable_entity")
	AuthenticationError        = class("AuthenticationError", APIStatusError, "authentication")
	PaymentRequiredError       = class("PaymentRequiredError", APIStatusError, "payment_required")
	PermissionDeniedError      = class("PermissionDeniedError", APIStatusError, "permission_denied")
	NotFoundError              = class("NotFoundError", APIStatusError, "not_found")
	ConflictError              = class("ConflictError", APIStatusError, "conflict")
	RateLimitError             = class("RateLimitError", APIStatusError, "rate_limit")
	InternalServerError        = class("InternalServerError", APIStatusError, "server", "ServerError")
	APIConnectionError         = class("APIConnectionError", APIError, "connection")
	APITimeoutError            = class("APITimeoutError", APIConnectionError, "timeout")
	APIResponseValidationError = class("APIResponseValidationError", APIError, "invalid_response", "InvalidResponseError")
	APIUserAbortError          = class("APIUserAbortError", APIError, "cancelled", "RequestCancelledError")
	WebhookVerificationError   = class("WebhookVerificationError", ZavudevError, "webhook_verification")
	WaitTimeoutError           = class("WaitTimeoutError", ZavudevError, "wait_timeout")
	ClientClosedError          = class("ClientClosedError", ZavudevError, "client_closed")
	InternalError              = class("InternalError", ZavudevError, "internal")
)

// Aliases: earlier names of the same classes.
var (
	ZavuError             = ZavudevError
	ServerError           = InternalServerError
	InvalidResponseError  = APIResponseValidationError
	RequestCancelledError = APIUserAbortError
)

// ErrorClasses lists every class, parents first.
var ErrorClasses = []*ErrorClass{
	ZavudevError, APIError, APIStatusError, BadRequestError, InvalidRequestError,
	UnprocessableEntityError, AuthenticationError, PaymentRequiredError, PermissionDeniedError,
	NotFoundError, ConflictError, RateLimitError, InternalServerError, APIConnectionError,
	APITimeoutError, APIResponseValidationError, APIUserAbortError, WebhookVerificationError,
	WaitTimeoutError, ClientClosedError, InternalError,
}

func classNamed(name string) *ErrorClass {
	for _, c := range ErrorClasses {
		if c.Name == name {
			return c
		}
	}
	return APIError
}

type errorWire struct {
	Code       string   `json:"code"`
	Message    string   `json:"message"`
	Status     *int     `json:"status"`
	Param      *string  `json:"param"`
	RetryAfter *float64 `json:"retryAfter"`
	RequestID  *string  `json:"requestId"`
	Body       *string  `json:"body"`
	Kind       string   `json:"kind"`
	Class      string   `json:"class"`
}

// errorFromJSON is the one conversion of the library's error JSON into *Error.
func errorFromJSON(data []byte) *Error {
	var w errorWire
	if err := json.Unmarshal(data, &w); err != nil {
		return &Error{Code: "internal_error", Kind: "internal", Class: InternalError,
			Message: "the Zavu library answered an error Go could not read: " + err.Error()}
	}
	e := &Error{Code: w.Code, Message: w.Message, Kind: w.Kind, Class: classNamed(w.Class)}
	if w.Status != nil {
		e.Status = *w.Status
	}
	if w.Param != nil {
		e.Param = *w.Param
	}
	if w.RetryAfter != nil {
		e.RetryAfter = time.Duration(*w.RetryAfter * float64(time.Second))
	}
	if w.RequestID != nil {
		e.RequestID = *w.RequestID
	}
	if w.Body != nil {
		e.Body = *w.Body
	}
	return e
}
