package zavudev

import (
	"context"
	"encoding/json"
	"iter"
	"net/http"
	"runtime"
	"time"
)

// InvitationCreateParams are the fields of a new invitation; every one is optional.
type InvitationCreateParams struct {
	ClientName            *string  `json:"clientName,omitempty"`
	ClientEmail           *string  `json:"clientEmail,omitempty"`
	ClientPhone           *string  `json:"clientPhone,omitempty"`
	PhoneNumberID         *string  `json:"phoneNumberId,omitempty"`
	ExpiresInDays         *int     `json:"expiresInDays,omitempty"`
	ConnectionType        *string  `json:"connectionType,omitempty"`
	AllowedPhoneCountries []string `json:"allowedPhoneCountries,omitempty"`
}

// InvitationNewParams is the published Go SDK's name of InvitationCreateParams.
type InvitationNewParams = InvitationCreateParams

// InvitationListParams filter and page a list of invitations.
type InvitationListParams struct {
	Status *string `json:"status,omitempty"`
	Limit  *int    `json:"limit,omitempty"`
	Cursor *string `json:"cursor,omitempty"`
}

// WaitForCompletionParams tune WaitForCompletion; zero values take the defaults. Timeout
// bounds the whole wait (default 10 minutes).
type WaitForCompletionParams struct {
	Timeout      time.Duration
	PollInterval time.Duration
}

// WebhookCreateParams set the project webhook.
type WebhookCreateParams struct {
	URL    *string  `json:"url,omitempty"`
	Events []string `json:"events,omitempty"`
}

// WebhookUpdateParams change the given fields of the project webhook.
type WebhookUpdateParams struct {
	URL    *string  `json:"url,omitempty"`
	Events []string `json:"events,omitempty"`
	Active *bool    `json:"active,omitempty"`
}

// PhoneNumberPurchaseParams buy a phone number.
type PhoneNumberPurchaseParams struct {
	PhoneNumber *string `json:"phoneNumber,omitempty"`
	Name        *string `json:"name,omitempty"`
}

// SenderListParams page a list of senders.
type SenderListParams struct {
	Limit  *int    `json:"limit,omitempty"`
	Cursor *string `json:"cursor,omitempty"`
}

func decode[T any](data []byte, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, &Error{Code: "invalid_response", Kind: "invalid_response",
			Class: APIResponseValidationError, Message: "the result could not be read: " + err.Error()}
	}
	return &v, nil
}

func decodePage[T any](data []byte, err error, next func(cursor string) (*Page[T], error)) (*Page[T], error) {
	page, err := decode[Page[T]](data, err)
	if err != nil {
		return nil, err
	}
	page.raw = append(json.RawMessage(nil), data...)
	page.next = next
	return page, nil
}

// InvitationService is client.Invitations.
type InvitationService struct{ client *Client }

// Create creates an invitation link for a client.
func (s *InvitationService) Create(ctx context.Context, params InvitationCreateParams, opts ...RequestOption) (*Invitation, error) {
	return decode[Invitation](nativeCreateInvitation(s.client, ctx, params, opts))
}

// New is the published Go SDK's name of Create.
func (s *InvitationService) New(ctx context.Context, params InvitationCreateParams, opts ...RequestOption) (*Invitation, error) {
	return s.Create(ctx, params, opts...)
}

// List returns one page of invitations, newest first.
func (s *InvitationService) List(ctx context.Context, params InvitationListParams, opts ...RequestOption) (*Page[Invitation], error) {
	next := func(cursor string) (*Page[Invitation], error) {
		p := params
		p.Cursor = &cursor
		return s.List(ctx, p, opts...)
	}
	data, err := nativeListInvitations(s.client, ctx, params, opts)
	return decodePage(data, err, next)
}

// ListAll walks every invitation matching params across pages, fetching a page only when the
// previous one is used up:
//
//	for inv, err := range client.Invitations.ListAll(ctx, zavudev.InvitationListParams{}) {
//		if err != nil { ... }
//	}
//
// A failed page fetch yields its error and ends the walk.
func (s *InvitationService) ListAll(ctx context.Context, params InvitationListParams, opts ...RequestOption) iter.Seq2[Invitation, error] {
	return walk[Invitation](ctx, func() (*nativePager, error) { return openPager(s.client, listInvitations, params, opts) })
}

// ListAutoPaging is the published Go SDK's all-pages walk:
//
//	iter := client.Invitations.ListAutoPaging(ctx, params)
//	for iter.Next() { inv := iter.Current() }
//	if err := iter.Err(); err != nil { ... }
func (s *InvitationService) ListAutoPaging(ctx context.Context, params InvitationListParams, opts ...RequestOption) *AutoPager[Invitation] {
	pager, err := openPager(s.client, listInvitations, params, opts)
	return &AutoPager[Invitation]{ctx: ctx, pager: pager, err: err}
}

// Get returns one invitation.
func (s *InvitationService) Get(ctx context.Context, invitationID string, opts ...RequestOption) (*Invitation, error) {
	return decode[Invitation](nativeGetInvitation(s.client, ctx, invitationID, opts))
}

// Cancel cancels a pending or in-progress invitation; a completed one is refused with the code
// "already_completed".
func (s *InvitationService) Cancel(ctx context.Context, invitationID string, opts ...RequestOption) (*Invitation, error) {
	return decode[Invitation](nativeCancelInvitation(s.client, ctx, invitationID, opts))
}

// WaitForCompletion polls the invitation, with growing pauses, until it is final (completed,
// expired or cancelled) and returns it. Past params.Timeout it fails with the code
// "wait_timeout"; ctx ends it early.
func (s *InvitationService) WaitForCompletion(ctx context.Context, invitationID string, params WaitForCompletionParams, opts ...RequestOption) (*Invitation, error) {
	wait := map[string]any{}
	if params.Timeout != 0 {
		wait["timeout"] = millis(params.Timeout)
	}
	if params.PollInterval != 0 {
		wait["pollInterval"] = millis(params.PollInterval)
	}
	return decode[Invitation](nativeWaitForCompletion(s.client, ctx, invitationID, wait, opts))
}

// CreateWebhook sets the project webhook for "invitation.status_changed". Its answer is the only
// one that carries the signing Secret.
func (s *InvitationService) CreateWebhook(ctx context.Context, params WebhookCreateParams, opts ...RequestOption) (*WebhookConfig, error) {
	return decode[WebhookConfig](nativeCreateWebhook(s.client, ctx, params, opts))
}

// GetWebhook returns the project webhook (without its secret).
func (s *InvitationService) GetWebhook(ctx context.Context, opts ...RequestOption) (*WebhookConfig, error) {
	return decode[WebhookConfig](nativeGetWebhook(s.client, ctx, opts))
}

// UpdateWebhook changes the given fields of the project webhook.
func (s *InvitationService) UpdateWebhook(ctx context.Context, params WebhookUpdateParams, opts ...RequestOption) (*WebhookConfig, error) {
	return decode[WebhookConfig](nativeUpdateWebhook(s.client, ctx, params, opts))
}

// DeleteWebhook removes the project webhook.
func (s *InvitationService) DeleteWebhook(ctx context.Context, opts ...RequestOption) error {
	_, err := nativeDeleteWebhook(s.client, ctx, opts)
	return err
}

// PhoneNumberService is client.PhoneNumbers.
type PhoneNumberService struct{ client *Client }

// Purchase buys a phone number for the team.
func (s *PhoneNumberService) Purchase(ctx context.Context, params PhoneNumberPurchaseParams, opts ...RequestOption) (*PhoneNumber, error) {
	return decode[PhoneNumber](nativePurchasePhoneNumber(s.client, ctx, params, opts))
}

// PhoneNumberType is the kind of a number: local, national, tollFree, mobile.
type PhoneNumberType string

const (
	PhoneNumberTypeLocal    PhoneNumberType = "local"
	PhoneNumberTypeNational PhoneNumberType = "national"
	PhoneNumberTypeTollFree PhoneNumberType = "tollFree"
	PhoneNumberTypeMobile   PhoneNumberType = "mobile"
)

// PhoneNumberStatus is the billing state of an owned number.
type PhoneNumberStatus string

const (
	PhoneNumberStatusActive    PhoneNumberStatus = "active"
	PhoneNumberStatusSuspended PhoneNumberStatus = "suspended"
	PhoneNumberStatusPending   PhoneNumberStatus = "pending"
)

// PhoneNumberSearchAvailableParams choose which numbers SearchAvailable offers. CountryCode
// (two letters) is required; the published SDK's field types, so its code compiles here.
type PhoneNumberSearchAvailableParams struct {
	CountryCode  string          `json:"countryCode,omitempty"`
	Type         PhoneNumberType `json:"type,omitempty"`
	Contains     *string         `json:"contains,omitempty"`
	Capabilities *string         `json:"capabilities,omitempty"`
	Limit        *int            `json:"limit,omitempty"`
}

// PhoneNumberRequirementsParams ask for the regulatory requirements of one number
// (PhoneNumber, preferred) or of a country and number type.
type PhoneNumberRequirementsParams struct {
	CountryCode *string         `json:"countryCode,omitempty"`
	PhoneNumber *string         `json:"phoneNumber,omitempty"`
	Type        PhoneNumberType `json:"type,omitempty"`
}

// PhoneNumberListParams filter and page the team's phone numbers.
type PhoneNumberListParams struct {
	Status PhoneNumberStatus `json:"status,omitempty"`
	Limit  *int              `json:"limit,omitempty"`
	Cursor *string           `json:"cursor,omitempty"`
}

// PhoneNumberUpdateParams change a phone number's name or the sender it is assigned to; nil
// fields are left alone, and a field set to Null() is cleared (unnamed, unassigned).
type PhoneNumberUpdateParams struct {
	Name     *string `json:"name,omitempty"`
	SenderID *string `json:"senderId,omitempty"`
}

// null is the one *string that means JSON null; see Null.
var null = new(string)

// Null is a value for an optional field that clears it (sends JSON null), as in
// PhoneNumberUpdateParams{SenderID: zavudev.Null()}.
func Null() *string { return null }

// MarshalJSON writes Null() fields as null.
func (p PhoneNumberUpdateParams) MarshalJSON() ([]byte, error) {
	out := map[string]any{}
	for key, value := range map[string]*string{"name": p.Name, "senderId": p.SenderID} {
		switch {
		case value == null:
			out[key] = nil
		case value != nil:
			out[key] = *value
		}
	}
	return json.Marshal(out)
}

// SearchAvailable lists numbers the team can buy (then Purchase one of them).
func (s *PhoneNumberService) SearchAvailable(ctx context.Context, params PhoneNumberSearchAvailableParams, opts ...RequestOption) (*PhoneNumberSearchAvailableResponse, error) {
	return decode[PhoneNumberSearchAvailableResponse](nativeSearchAvailablePhoneNumbers(s.client, ctx, params, opts))
}

// Requirements lists the regulatory information the purchase of a number needs; an empty
// Items means none.
func (s *PhoneNumberService) Requirements(ctx context.Context, params PhoneNumberRequirementsParams, opts ...RequestOption) (*PhoneNumberRequirementsResponse, error) {
	return decode[PhoneNumberRequirementsResponse](nativePhoneNumberRequirements(s.client, ctx, params, opts))
}

// List returns one page of the team's phone numbers (released ones are not listed).
func (s *PhoneNumberService) List(ctx context.Context, params PhoneNumberListParams, opts ...RequestOption) (*Page[PhoneNumber], error) {
	next := func(cursor string) (*Page[PhoneNumber], error) {
		p := params
		p.Cursor = &cursor
		return s.List(ctx, p, opts...)
	}
	data, err := nativeListPhoneNumbers(s.client, ctx, params, opts)
	return decodePage(data, err, next)
}

// ListAll walks every phone number of the team across pages; see InvitationService.ListAll.
func (s *PhoneNumberService) ListAll(ctx context.Context, params PhoneNumberListParams, opts ...RequestOption) iter.Seq2[PhoneNumber, error] {
	return walk[PhoneNumber](ctx, func() (*nativePager, error) { return openPager(s.client, listPhoneNumbers, params, opts) })
}

// ListAutoPaging walks every phone number across pages; see InvitationService.ListAutoPaging.
func (s *PhoneNumberService) ListAutoPaging(ctx context.Context, params PhoneNumberListParams, opts ...RequestOption) *AutoPager[PhoneNumber] {
	pager, err := openPager(s.client, listPhoneNumbers, params, opts)
	return &AutoPager[PhoneNumber]{ctx: ctx, pager: pager, err: err}
}

// Get returns one of the team's phone numbers; another team's is "not_found".
func (s *PhoneNumberService) Get(ctx context.Context, phoneNumberID string, opts ...RequestOption) (*PhoneNumber, error) {
	return decode[PhoneNumber](nativeGetPhoneNumber(s.client, ctx, phoneNumberID, opts))
}

// Update changes a phone number's name or sender assignment.
func (s *PhoneNumberService) Update(ctx context.Context, phoneNumberID string, params PhoneNumberUpdateParams, opts ...RequestOption) (*PhoneNumber, error) {
	return decode[PhoneNumber](nativeUpdatePhoneNumber(s.client, ctx, phoneNumberID, params, opts))
}

// Release gives a phone number up; it leaves the list.
func (s *PhoneNumberService) Release(ctx context.Context, phoneNumberID string, opts ...RequestOption) error {
	_, err := nativeReleasePhoneNumber(s.client, ctx, phoneNumberID, opts)
	return err
}

// SenderService is client.Senders.
type SenderService struct{ client *Client }

// Get returns one sender.
func (s *SenderService) Get(ctx context.Context, senderID string, opts ...RequestOption) (*Sender, error) {
	return decode[Sender](nativeGetSender(s.client, ctx, senderID, opts))
}

// List returns one page of senders.
func (s *SenderService) List(ctx context.Context, params SenderListParams, opts ...RequestOption) (*Page[Sender], error) {
	next := func(cursor string) (*Page[Sender], error) {
		p := params
		p.Cursor = &cursor
		return s.List(ctx, p, opts...)
	}
	data, err := nativeListSenders(s.client, ctx, params, opts)
	return decodePage(data, err, next)
}

// ListAll walks every sender across pages; see InvitationService.ListAll.
func (s *SenderService) ListAll(ctx context.Context, params SenderListParams, opts ...RequestOption) iter.Seq2[Sender, error] {
	return walk[Sender](ctx, func() (*nativePager, error) { return openPager(s.client, listSenders, params, opts) })
}

// ListAutoPaging walks every sender across pages; see InvitationService.ListAutoPaging.
func (s *SenderService) ListAutoPaging(ctx context.Context, params SenderListParams, opts ...RequestOption) *AutoPager[Sender] {
	pager, err := openPager(s.client, listSenders, params, opts)
	return &AutoPager[Sender]{ctx: ctx, pager: pager, err: err}
}

// walk is a Go 1.23 iterator over a native pager: one crossing per page, not per item.
func walk[T any](ctx context.Context, open func() (*nativePager, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		pager, err := open()
		if err != nil {
			yield(zero, err)
			return
		}
		defer pager.free()
		for {
			items, err := nextItems[T](ctx, pager)
			if err != nil {
				// The walk ends at an error (a loop that logs and continues must not spin on
				// a page that keeps failing); ListAutoPaging's Next retries the same page.
				yield(zero, err)
				return
			}
			if items == nil {
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

func nextItems[T any](ctx context.Context, pager *nativePager) ([]T, error) {
	data, err := pager.next(ctx)
	if err != nil || data == nil {
		return nil, err
	}
	var items []T
	if err := json.Unmarshal(data, &items); err != nil {
		return nil, &Error{Code: "invalid_response", Kind: "invalid_response",
			Class: APIResponseValidationError, Message: "the page could not be read: " + err.Error()}
	}
	if items == nil {
		items = []T{}
	}
	return items, nil
}

// AutoPager walks every item of a list across pages (the published Go SDK's iterator style).
// Not for concurrent use.
type AutoPager[T any] struct {
	ctx     context.Context
	pager   *nativePager
	items   []T
	index   int
	current T
	err     error
	done    bool
}

// Next advances to the next item, fetching the next page when needed. It returns false at the
// end or on an error (see Err); calling Next again after an error retries the same page.
func (a *AutoPager[T]) Next() bool {
	if a.pager == nil || a.done {
		return false
	}
	a.err = nil
	for a.index >= len(a.items) {
		items, err := nextItems[T](a.ctx, a.pager)
		if err != nil {
			a.err = err
			return false
		}
		if items == nil {
			a.done = true
			a.pager.free()
			return false
		}
		a.items, a.index = items, 0
	}
	a.current = a.items[a.index]
	a.index++
	return true
}

// Current is the item Next moved to.
func (a *AutoPager[T]) Current() T { return a.current }

// Err is the error that stopped the walk, or nil.
func (a *AutoPager[T]) Err() error { return a.err }

// Close ends the walk early and frees its page.
func (a *AutoPager[T]) Close() error {
	a.done = true
	if a.pager != nil {
		a.pager.free()
	}
	return nil
}

// WebhookService verifies and reads webhook deliveries (client.Webhooks; it needs no client).
type WebhookService struct{}

// Webhooks is a WebhookService for code that has no client.
var Webhooks = &WebhookService{}

// WebhookOption tunes Verify, Unwrap and Sign.
type WebhookOption func(*webhookConfig)

type webhookConfig struct {
	now    *int64
	scheme *string
}

// WithWebhookTime replaces the clock: the time Verify and Unwrap check the signature's age
// against, and the timestamp Sign signs with (default now).
func WithWebhookTime(t time.Time) WebhookOption {
	return func(c *webhookConfig) { s := t.Unix(); c.now = &s }
}

// WithSignatureScheme picks what Sign writes: "v1", "v2" or "both" (the default).
func WithSignatureScheme(scheme string) WebhookOption {
	return func(c *webhookConfig) { c.scheme = &scheme }
}

func webhookOptions(opts []WebhookOption) webhookConfig {
	var c webhookConfig
	for _, opt := range opts {
		if opt != nil {
			opt(&c)
		}
	}
	return c
}

// Verify checks a delivery: the X-Zavu-Signature header against the raw body and the secret
// (v2, then v1, in constant time; stale timestamps refused). A refusal is a *Error of class
// WebhookVerificationError.
func (WebhookService) Verify(body []byte, header http.Header, secret string, opts ...WebhookOption) error {
	c := webhookOptions(opts)
	_, err := nativeVerify(body, header, secret, c.now, false)
	return err
}

// Unwrap verifies a delivery, then parses its event.
func (WebhookService) Unwrap(body []byte, header http.Header, secret string, opts ...WebhookOption) (*WebhookEvent, error) {
	c := webhookOptions(opts)
	return decode[WebhookEvent](nativeVerify(body, header, secret, c.now, true))
}

// Sign signs a payload as Zavu does, for tests and local tools: the X-Zavu-Signature value.
func (WebhookService) Sign(body []byte, secret string, opts ...WebhookOption) (string, error) {
	c := webhookOptions(opts)
	data, err := nativeSign(body, secret, c.now, c.scheme)
	if err != nil {
		return "", err
	}
	var header string
	if err := json.Unmarshal(data, &header); err != nil {
		return "", err
	}
	return header, nil
}

func (p *nativePager) free() {
	if p.ptr != nil {
		freePager(p)
	}
	runtime.KeepAlive(p)
}

var _ = runtime.KeepAlive
