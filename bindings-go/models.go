package zavudev

import (
	"encoding/json"
	"fmt"
	"time"
)

// Every model keeps the JSON it was read from: RawJSON returns it, fields this version does
// not know included.

// InvitationStatus is where an invitation is in its lifecycle. Values this version does not
// know are kept as they came.
type InvitationStatus string

const (
	InvitationStatusPending    InvitationStatus = "pending"
	InvitationStatusInProgress InvitationStatus = "in_progress"
	InvitationStatusCompleted  InvitationStatus = "completed"
	InvitationStatusExpired    InvitationStatus = "expired"
	InvitationStatusCancelled  InvitationStatus = "cancelled"
	InvitationStatusFailed     InvitationStatus = "failed"
)

// IsFinal reports whether the status never changes again (completed, expired, cancelled).
func (s InvitationStatus) IsFinal() bool {
	return s == InvitationStatusCompleted || s == InvitationStatusExpired || s == InvitationStatusCancelled
}

// ConnectedAccount is the account a completed invitation connected.
type ConnectedAccount struct {
	ID      string `json:"id"`
	Channel string `json:"channel"`
	Name    string `json:"name"`
}

// Invitation is a partner invitation: a link a client opens to connect their WhatsApp or
// Messenger account. Optional fields the API did not send are zero.
type Invitation struct {
	ID                    string            `json:"id"`
	Token                 string            `json:"token"`
	URL                   string            `json:"url"`
	Status                InvitationStatus  `json:"status"`
	CreatedAt             time.Time         `json:"createdAt"`
	UpdatedAt             time.Time         `json:"updatedAt"`
	ExpiresAt             time.Time         `json:"expiresAt"`
	ClientName            string            `json:"clientName"`
	ClientEmail           string            `json:"clientEmail"`
	ClientPhone           string            `json:"clientPhone"`
	PhoneNumberID         string            `json:"phoneNumberId"`
	SenderID              string            `json:"senderId"`
	ConnectionType        string            `json:"connectionType"`
	AllowedPhoneCountries []string          `json:"allowedPhoneCountries"`
	ConnectedAccount      *ConnectedAccount `json:"connectedAccount"`
	ViewedAt              time.Time         `json:"viewedAt"`
	StartedAt             time.Time         `json:"startedAt"`
	CompletedAt           time.Time         `json:"completedAt"`
	FailedAt              time.Time         `json:"failedAt"`
	FailureReason         string            `json:"failureReason"`

	raw json.RawMessage
}

// RawJSON is the invitation as the API sent it.
func (r Invitation) RawJSON() string { return string(r.raw) }

func (r *Invitation) UnmarshalJSON(data []byte) error {
	type plain Invitation
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// PhoneNumberPricing is what a phone number costs.
type PhoneNumberPricing struct {
	IsFreeNumber bool    `json:"isFreeNumber"`
	MonthlyCost  float64 `json:"monthlyCost"`
	MonthlyPrice float64 `json:"monthlyPrice"`
	UpfrontCost  float64 `json:"upfrontCost"`
}

// PhoneNumber is a Zavu phone number owned by the team.
type PhoneNumber struct {
	ID              string             `json:"id"`
	PhoneNumber     string             `json:"phoneNumber"`
	Capabilities    []string           `json:"capabilities"`
	Status          string             `json:"status"`
	Pricing         PhoneNumberPricing `json:"pricing"`
	CreatedAt       time.Time          `json:"createdAt"`
	Name            string             `json:"name"`
	SenderID        string             `json:"senderId"`
	NextRenewalDate time.Time          `json:"nextRenewalDate"`
	UpdatedAt       time.Time          `json:"updatedAt"`
	// RegulatoryStatus is "approved", "pending_review" or "rejected".
	RegulatoryStatus string `json:"regulatoryStatus"`

	raw json.RawMessage
}

// RawJSON is the phone number as the API sent it.
func (r PhoneNumber) RawJSON() string { return string(r.raw) }

func (r *PhoneNumber) UnmarshalJSON(data []byte) error {
	type plain PhoneNumber
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// OwnedPhoneNumber is the published Go SDK's name of PhoneNumber.
type OwnedPhoneNumber = PhoneNumber

// OwnedPhoneNumberPricing is the published Go SDK's name of PhoneNumberPricing.
type OwnedPhoneNumberPricing = PhoneNumberPricing

// PhoneNumberCapabilities say what an available number can do.
type PhoneNumberCapabilities struct {
	SMS   bool `json:"sms"`
	Mms   bool `json:"mms"`
	Voice bool `json:"voice"`
}

// AvailablePhoneNumberPricing is what an available number costs (the published Go SDK's
// PhoneNumberPricing; that name is the owned number's pricing here).
type AvailablePhoneNumberPricing struct {
	IsFreeEligible bool    `json:"isFreeEligible"`
	MonthlyPrice   float64 `json:"monthlyPrice"`
	UpfrontPrice   float64 `json:"upfrontPrice"`
}

// AvailablePhoneNumber is a number the team can buy.
type AvailablePhoneNumber struct {
	PhoneNumber  string                      `json:"phoneNumber"`
	Capabilities PhoneNumberCapabilities     `json:"capabilities"`
	Pricing      AvailablePhoneNumberPricing `json:"pricing"`
	FriendlyName string                      `json:"friendlyName"`
	Locality     string                      `json:"locality"`
	Region       string                      `json:"region"`

	raw json.RawMessage
}

// RawJSON is the number as the API sent it.
func (r AvailablePhoneNumber) RawJSON() string { return string(r.raw) }

func (r *AvailablePhoneNumber) UnmarshalJSON(data []byte) error {
	type plain AvailablePhoneNumber
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// PhoneNumberSearchAvailableResponse is the answer of SearchAvailable.
type PhoneNumberSearchAvailableResponse struct {
	Items []AvailablePhoneNumber `json:"items"`

	raw json.RawMessage
}

// RawJSON is the answer as `{ items }`.
func (r PhoneNumberSearchAvailableResponse) RawJSON() string { return string(r.raw) }

func (r *PhoneNumberSearchAvailableResponse) UnmarshalJSON(data []byte) error {
	type plain PhoneNumberSearchAvailableResponse
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// RequirementAcceptanceCriteria say what value a requirement accepts.
type RequirementAcceptanceCriteria struct {
	AllowedValues []string `json:"allowedValues"`
	MaxLength     int64    `json:"maxLength"`
	MinLength     int64    `json:"minLength"`
	RegexPattern  string   `json:"regexPattern"`
}

// RequirementType is one piece of information a purchase needs; send its ID as
// requirementType when purchasing.
type RequirementType struct {
	ID                 string                        `json:"id"`
	Name               string                        `json:"name"`
	Description        string                        `json:"description"`
	Type               string                        `json:"type"`
	AcceptanceCriteria RequirementAcceptanceCriteria `json:"acceptanceCriteria"`
	Example            string                        `json:"example"`
}

// Requirement groups the requirement types of a country and number type (or of one number).
type Requirement struct {
	ID               string            `json:"id"`
	Action           string            `json:"action"`
	CountryCode      string            `json:"countryCode"`
	PhoneNumberType  string            `json:"phoneNumberType"`
	RequirementTypes []RequirementType `json:"requirementTypes"`

	raw json.RawMessage
}

// RawJSON is the requirement as the API sent it.
func (r Requirement) RawJSON() string { return string(r.raw) }

func (r *Requirement) UnmarshalJSON(data []byte) error {
	type plain Requirement
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// PhoneNumberRequirementsResponse is the answer of Requirements; empty Items: nothing needed.
type PhoneNumberRequirementsResponse struct {
	Items []Requirement `json:"items"`

	raw json.RawMessage
}

// RawJSON is the answer as `{ items }`.
func (r PhoneNumberRequirementsResponse) RawJSON() string { return string(r.raw) }

func (r *PhoneNumberRequirementsResponse) UnmarshalJSON(data []byte) error {
	type plain PhoneNumberRequirementsResponse
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// Sender is a connected WhatsApp or Messenger identity that sends messages.
type Sender struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	PhoneNumber string          `json:"phoneNumber"`
	Channels    []string        `json:"channels"`
	CreatedAt   time.Time       `json:"createdAt"`
	UpdatedAt   time.Time       `json:"updatedAt"`
	IsDefault   bool            `json:"isDefault"`
	Webhook     json.RawMessage `json:"webhook"`
	Whatsapp    json.RawMessage `json:"whatsapp"`

	raw json.RawMessage
}

// RawJSON is the sender as the API sent it.
func (r Sender) RawJSON() string { return string(r.raw) }

func (r *Sender) UnmarshalJSON(data []byte) error {
	type plain Sender
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// WebhookConfig is the project webhook that receives invitation events. Secret is set only
// in the answer to CreateWebhook; String and GoString never print it.
type WebhookConfig struct {
	URL    string   `json:"url"`
	Events []string `json:"events"`
	Secret string   `json:"secret"`
	Active bool     `json:"active"`

	raw json.RawMessage
}

// RawJSON is the webhook as the API sent it (with the secret, when it was sent).
func (r WebhookConfig) RawJSON() string { return string(r.raw) }

func (r *WebhookConfig) UnmarshalJSON(data []byte) error {
	type plain WebhookConfig
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

func (r WebhookConfig) String() string {
	secret := ""
	if r.Secret != "" {
		secret = "[redacted]"
	}
	return fmt.Sprintf("zavudev.WebhookConfig{URL: %q, Events: %q, Secret: %q, Active: %t}",
		r.URL, r.Events, secret, r.Active)
}

// GoString redacts the secret from %#v too.
func (r WebhookConfig) GoString() string { return r.String() }

// Page is one page of a list.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"nextCursor"`

	raw  json.RawMessage
	next func(cursor string) (*Page[T], error)
}

// RawJSON is the page as `{ items, nextCursor }`.
func (p Page[T]) RawJSON() string { return string(p.raw) }

// HasNextPage reports whether another page follows this one.
func (p *Page[T]) HasNextPage() bool { return p.NextCursor != "" }

// GetNextPage fetches the next page with the same parameters and options, or returns nil, nil
// after the last one.
func (p *Page[T]) GetNextPage() (*Page[T], error) {
	if p.NextCursor == "" || p.next == nil {
		return nil, nil
	}
	return p.next(p.NextCursor)
}

// WebhookEvent is a verified webhook delivery.
type WebhookEvent struct {
	ID        string          `json:"id"`
	Type      string          `json:"type"`
	Timestamp int64           `json:"timestamp"`
	ProjectID string          `json:"projectId"`
	SenderID  string          `json:"senderId"`
	Data      json.RawMessage `json:"data"`

	raw json.RawMessage
}

// RawJSON is the event as delivered.
func (r WebhookEvent) RawJSON() string { return string(r.raw) }

func (r *WebhookEvent) UnmarshalJSON(data []byte) error {
	type plain WebhookEvent
	if err := json.Unmarshal(data, (*plain)(r)); err != nil {
		return err
	}
	r.raw = append(json.RawMessage(nil), data...)
	return nil
}

// InvitationStatusChangedData is the data of an "invitation.status_changed" event.
type InvitationStatusChangedData struct {
	InvitationID     string            `json:"invitationId"`
	ClientName       string            `json:"clientName"`
	ClientEmail      string            `json:"clientEmail"`
	ConnectionType   string            `json:"connectionType"`
	PreviousStatus   InvitationStatus  `json:"previousStatus"`
	CurrentStatus    InvitationStatus  `json:"currentStatus"`
	SenderID         string            `json:"senderId"`
	ConnectedAccount *ConnectedAccount `json:"connectedAccount"`
	WabaAccountID    string            `json:"wabaAccountId"`
	FailureReason    string            `json:"failureReason"`
}

// InvitationStatusChanged is the event's data when its Type is "invitation.status_changed".
func (r WebhookEvent) InvitationStatusChanged() (*InvitationStatusChangedData, bool) {
	if r.Type != "invitation.status_changed" {
		return nil, false
	}
	var data InvitationStatusChangedData
	if err := json.Unmarshal(r.Data, &data); err != nil {
		return nil, false
	}
	return &data, true
}
