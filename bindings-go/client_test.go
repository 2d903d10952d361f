//go:build zavudev_dev

package zavudev

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEveryMethodAgainstTheSandbox(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client()
	ctx := context.Background()

	inv, err := client.Invitations.Create(ctx, InvitationCreateParams{
		ClientName:    String("Acme Corp"),
		ClientEmail:   String("contact@acme.com"),
		ExpiresInDays: Int(7),
	})
	if err != nil {
		t.Fatal(err)
	}
	if inv.Status != InvitationStatusPending || inv.ClientName != "Acme Corp" || !strings.Contains(inv.URL, inv.Token) {
		t.Fatalf("created %+v", inv)
	}
	if d := time.Until(inv.ExpiresAt); d < 6*24*time.Hour || d > 8*24*time.Hour {
		t.Fatalf("expires in %v", d)
	}
	if !strings.Contains(inv.RawJSON(), `"clientName":"Acme Corp"`) {
		t.Fatalf("raw %s", inv.RawJSON())
	}

	// New is the published SDK's spelling of Create.
	if _, err := client.Invitations.New(ctx, InvitationNewParams{ClientName: String("Beta")}); err != nil {
		t.Fatal(err)
	}

	got, err := client.Invitations.Get(ctx, inv.ID)
	if err != nil || got.ID != inv.ID || got.ClientEmail != "contact@acme.com" {
		t.Fatalf("get %+v %v", got, err)
	}

	page, err := client.Invitations.List(ctx, InvitationListParams{Status: String("pending"), Limit: Int(1)})
	if err != nil || len(page.Items) != 1 || !page.HasNextPage() {
		t.Fatalf("list %+v %v", page, err)
	}
	second, err := page.GetNextPage()
	if err != nil || len(second.Items) != 1 || second.Items[0].ID == page.Items[0].ID || second.HasNextPage() {
		t.Fatalf("next page %+v %v", second, err)
	}
	if last, err := second.GetNextPage(); last != nil || err != nil {
		t.Fatalf("past the last page: %v %v", last, err)
	}

	cancelled, err := client.Invitations.Cancel(ctx, inv.ID)
	if err != nil || cancelled.Status != InvitationStatusCancelled {
		t.Fatalf("cancel %+v %v", cancelled, err)
	}
	done, err := client.Invitations.WaitForCompletion(ctx, inv.ID, WaitForCompletionParams{})
	if err != nil || done.Status != InvitationStatusCancelled || !done.Status.IsFinal() {
		t.Fatalf("wait %+v %v", done, err)
	}

	number, err := client.PhoneNumbers.Purchase(ctx, PhoneNumberPurchaseParams{
		PhoneNumber: String("+14155551234"), Name: String("Client: Acme Corp"),
	})
	if err != nil || number.ID == "" || number.PhoneNumber != "+14155551234" {
		t.Fatalf("purchase %+v %v", number, err)
	}

	hook, err := client.Invitations.CreateWebhook(ctx, WebhookCreateParams{URL: String("https://example.com/hook")})
	if err != nil || !strings.HasPrefix(hook.Secret, "whsec_") || !hook.Active {
		t.Fatalf("create webhook %+v %v", hook, err)
	}
	for _, text := range []string{fmt.Sprint(hook), fmt.Sprintf("%+v", hook), fmt.Sprintf("%#v", hook), fmt.Sprintf("%v", *hook)} {
		if strings.Contains(text, hook.Secret) {
			t.Fatalf("the webhook secret is printed: %s", text)
		}
	}
	if got, err := client.Invitations.GetWebhook(ctx); err != nil || got.URL != "https://example.com/hook" || got.Secret != "" {
		t.Fatalf("get webhook %+v %v", got, err)
	}
	if got, err := client.Invitations.UpdateWebhook(ctx, WebhookUpdateParams{Active: Bool(false)}); err != nil || got.Active {
		t.Fatalf("update webhook %+v %v", got, err)
	}
	if err := client.Invitations.DeleteWebhook(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Invitations.GetWebhook(ctx); !errors.Is(err, NotFoundError) {
		t.Fatalf("deleted webhook: %v", err)
	}

	// A completed invitation has a sender.
	live, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Gamma")})
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range []string{"view", "start", "complete"} {
		sb.must(t, "POST", "/sandbox/invitations/"+live.ID+"/"+step, map[string]any{})
	}
	completed, err := client.Invitations.WaitForCompletion(ctx, live.ID, WaitForCompletionParams{Timeout: 5 * time.Second})
	if err != nil || completed.Status != InvitationStatusCompleted || completed.SenderID == "" {
		t.Fatalf("completed %+v %v", completed, err)
	}
	sender, err := client.Senders.Get(ctx, completed.SenderID)
	if err != nil || sender.ID != completed.SenderID {
		t.Fatalf("sender %+v %v", sender, err)
	}
	senders, err := client.Senders.List(ctx, SenderListParams{})
	if err != nil || len(senders.Items) == 0 {
		t.Fatalf("senders %+v %v", senders, err)
	}
	n := 0
	for s, err := range client.Senders.ListAll(ctx, SenderListParams{Limit: Int(1)}) {
		if err != nil {
			t.Fatal(err)
		}
		if s.ID == "" {
			t.Fatal("empty sender")
		}
		n++
	}
	if n != len(senders.Items) {
		t.Fatalf("walked %d senders, listed %d", n, len(senders.Items))
	}
	pager := client.Senders.ListAutoPaging(ctx, SenderListParams{})
	n = 0
	for pager.Next() {
		n++
	}
	if pager.Err() != nil || n != len(senders.Items) {
		t.Fatalf("auto-paged %d: %v", n, pager.Err())
	}
}

func TestWalkEveryPage(t *testing.T) {
	sb := startSandbox(t)
	sb.must(t, "POST", "/sandbox/invitations/seed", map[string]any{"count": 120})
	client := sb.client()
	ctx := context.Background()

	seen := map[string]bool{}
	for inv, err := range client.Invitations.ListAll(ctx, InvitationListParams{Limit: Int(50)}) {
		if err != nil {
			t.Fatal(err)
		}
		seen[inv.ID] = true
	}
	if len(seen) != 120 {
		t.Fatalf("walked %d invitations", len(seen))
	}
	// Breaking out early frees the walk; a second walk with the published SDK's spelling.
	for range client.Invitations.ListAll(ctx, InvitationListParams{}) {
		break
	}
	pager := client.Invitations.ListAutoPaging(ctx, InvitationListParams{Limit: Int(100)})
	count := 0
	for pager.Next() {
		if pager.Current().ID == "" {
			t.Fatal("no id")
		}
		count++
	}
	if err := pager.Err(); err != nil || count != 120 {
		t.Fatalf("auto-paged %d: %v", count, err)
	}

	// A failed page fetch is an error; Next retries the same page and the walk goes on.
	pager = client.Invitations.ListAutoPaging(ctx, InvitationListParams{Limit: Int(100)}, WithMaxRetries(0))
	for i := 0; i < 100; i++ {
		if !pager.Next() {
			t.Fatalf("stopped at %d: %v", i, pager.Err())
		}
	}
	sb.fault(t, map[string]any{"method": "GET", "path": "/v1/invitations", "count": 1,
		"fault": map[string]any{"kind": "status", "status": 500}})
	if pager.Next() {
		t.Fatal("the failed page yielded an item")
	}
	if !errors.Is(pager.Err(), InternalServerError) {
		t.Fatalf("page error: %v", pager.Err())
	}
	rest := 0
	for pager.Next() {
		rest++
	}
	if pager.Err() != nil || rest != 20 {
		t.Fatalf("after the retry: %d items, %v", rest, pager.Err())
	}

	// An invalid walk fails on its first step, with the field's Go name.
	for _, err := range client.Invitations.ListAll(ctx, InvitationListParams{Limit: Int(0)}) {
		var apiErr *Error
		if !errors.As(err, &apiErr) || apiErr.Param != "Limit" {
			t.Fatalf("invalid walk: %v", err)
		}
	}
}

func TestErrorsCarryTheirFields(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client(WithMaxRetries(0))
	ctx := context.Background()

	_, err := client.Invitations.Get(ctx, "inv_missing")
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("not a *Error: %v", err)
	}
	if apiErr.Code != "not_found" || apiErr.Status != 404 || apiErr.Kind != "not_found" || apiErr.Class != NotFoundError {
		t.Fatalf("%#v", apiErr)
	}
	for _, class := range []*ErrorClass{NotFoundError, APIStatusError, APIError, ZavudevError, ZavuError} {
		if !errors.Is(err, class) {
			t.Fatalf("not a %s", class.Name)
		}
	}
	if errors.Is(err, RateLimitError) || errors.Is(err, context.Canceled) {
		t.Fatal("wrong class")
	}
	if !strings.Contains(apiErr.Error(), "not_found") {
		t.Fatal(apiErr.Error())
	}

	// Local validation names the Go field; nothing is sent.
	before := sb.requestCount(t)
	_, err = client.Invitations.Create(ctx, InvitationCreateParams{ExpiresInDays: Int(31)})
	if !errors.As(err, &apiErr) || apiErr.Code != "invalid_request" || apiErr.Param != "ExpiresInDays" || !errors.Is(err, InvalidRequestError) {
		t.Fatalf("%v", err)
	}
	_, err = client.Invitations.Create(ctx, InvitationCreateParams{PhoneNumberID: String("")})
	if !errors.As(err, &apiErr) || apiErr.Param != "PhoneNumberID" {
		t.Fatalf("%v", err)
	}
	_, err = client.PhoneNumbers.Purchase(ctx, PhoneNumberPurchaseParams{})
	if !errors.As(err, &apiErr) || apiErr.Param != "PhoneNumber" {
		t.Fatalf("missing phone number: %v", err)
	}
	_, err = client.Invitations.Get(ctx, "a\x00b")
	if !errors.As(err, &apiErr) || apiErr.Param != "InvitationID" {
		t.Fatalf("NUL in id: %v", err)
	}
	_, err = client.Invitations.List(ctx, InvitationListParams{}, WithRequestTimeout(-time.Second))
	if !errors.As(err, &apiErr) || apiErr.Param != "Timeout" {
		t.Fatalf("negative timeout: %v", err)
	}
	_, err = client.Invitations.List(ctx, InvitationListParams{}, WithAPIKey("k"))
	if !errors.As(err, &apiErr) || apiErr.Param != "APIKey" {
		t.Fatalf("per-call API key: %v", err)
	}
	_, err = client.Invitations.WaitForCompletion(ctx, "inv_x", WaitForCompletionParams{PollInterval: -time.Second})
	if !errors.As(err, &apiErr) || apiErr.Param != "PollInterval" {
		t.Fatalf("negative poll interval: %v", err)
	}
	if after := sb.requestCount(t); after != before {
		t.Fatalf("%d requests were sent for refused arguments", after-before)
	}

	// Rate limits carry RetryAfter.
	sb.fault(t, map[string]any{"method": "GET", "path": "/v1/invitations", "count": 1,
		"fault": map[string]any{"kind": "status", "status": 429, "retryAfter": 7}})
	_, err = client.Invitations.List(ctx, InvitationListParams{})
	if !errors.As(err, &apiErr) || apiErr.Code != "rate_limited" || !errors.Is(err, RateLimitError) {
		t.Fatalf("%v", err)
	}
	if apiErr.RetryAfter != 7*time.Second {
		t.Logf("RetryAfter %v (the fault may not set it)", apiErr.RetryAfter)
	}

	// A bad key is an authentication error; construction errors come back from every call.
	bad := NewClient(WithAPIKey("zavu_wrong"), WithBaseURL(sb.BaseURL))
	if _, err := bad.Invitations.List(ctx, InvitationListParams{}); !errors.Is(err, AuthenticationError) {
		t.Fatalf("%v", err)
	}
	t.Setenv("ZAVUDEV_API_KEY", "")
	missing := NewClient(WithBaseURL(sb.BaseURL))
	if !errors.As(missing.Err(), &apiErr) || apiErr.Code != "missing_api_key" || apiErr.Param != "APIKey" {
		t.Fatalf("%v", missing.Err())
	}
	if _, err := missing.Invitations.Get(ctx, "x"); err != missing.Err() {
		t.Fatalf("%v", err)
	}
	for _, it := range missing.Invitations.ListAll(ctx, InvitationListParams{}) {
		if it != missing.Err() {
			t.Fatal(it)
		}
	}
	negative := NewClient(WithAPIKey("k"), WithBaseURL(sb.BaseURL), WithMaxRetries(-1))
	if !errors.As(negative.Err(), &apiErr) || apiErr.Param != "MaxRetries" {
		t.Fatalf("%v", negative.Err())
	}

	// Closed clients refuse calls.
	closing := sb.client()
	_ = closing.Close()
	if _, err := closing.Invitations.List(ctx, InvitationListParams{}); !errors.Is(err, ClientClosedError) {
		t.Fatalf("%v", err)
	}
}

func TestTheErrorClassesAreCoresTable(t *testing.T) {
	native := nativeErrorClasses()
	if len(native) != len(ErrorClasses) {
		t.Fatalf("core has %d classes, Go %d", len(native), len(ErrorClasses))
	}
	for i, want := range native {
		got := ErrorClasses[i]
		parent := ""
		if got.Parent != nil {
			parent = got.Parent.Name
		}
		wantParent, wantKind := "", ""
		if want.Parent != nil {
			wantParent = *want.Parent
		}
		if want.Kind != nil {
			wantKind = *want.Kind
		}
		if got.Name != want.Name || parent != wantParent || got.Kind != wantKind || !slices.Equal(got.Aliases, want.Aliases) {
			t.Fatalf("class %d: Go %s(%s, %q, %v), core %+v", i, got.Name, parent, got.Kind, got.Aliases, want)
		}
	}
	aliases := map[string]*ErrorClass{"ZavuError": ZavuError, "ServerError": ServerError,
		"InvalidResponseError": InvalidResponseError, "RequestCancelledError": RequestCancelledError}
	for name, class := range aliases {
		if !slices.Contains(class.Aliases, name) {
			t.Fatalf("%s is not an alias of %s", name, class.Name)
		}
	}
	codes := KnownCodes()
	for _, code := range []string{"not_found", "invalid_request", "cancelled", "internal_panic", "client_closed"} {
		if !slices.Contains(codes, code) {
			t.Fatalf("known codes lack %s: %v", code, codes)
		}
	}
	if ParamName("phoneNumberId") != "PhoneNumberID" || ParamName("clientName") != "ClientName" {
		t.Fatal(ParamName("phoneNumberId"))
	}
	if Version() == "" {
		t.Fatal("no version")
	}
}

func TestWebhooks(t *testing.T) {
	body := []byte(`{"id":"evt_1","type":"invitation.status_changed","timestamp":1700000000,"projectId":"p1","data":{"invitationId":"inv_1","currentStatus":"completed","senderId":"snd_1"}}`)
	at := time.Unix(1700000000, 0)
	header, err := Webhooks.Sign(body, "whsec_test", WithWebhookTime(at))
	if err != nil || !strings.HasPrefix(header, "t=1700000000,") {
		t.Fatalf("%q %v", header, err)
	}
	h := http.Header{}
	h.Set("X-Zavu-Signature", header)
	client := NewClient(WithAPIKey("k"), WithBaseURL("http://127.0.0.1:9"))
	if err := client.Webhooks.Verify(body, h, "whsec_test", WithWebhookTime(at)); err != nil {
		t.Fatal(err)
	}
	event, err := client.Webhooks.Unwrap(body, h, "whsec_test", WithWebhookTime(at))
	if err != nil || event.ID != "evt_1" || event.Type != "invitation.status_changed" || event.ProjectID != "p1" {
		t.Fatalf("%+v %v", event, err)
	}
	data, ok := event.InvitationStatusChanged()
	if !ok || data.CurrentStatus != InvitationStatusCompleted || data.SenderID != "snd_1" {
		t.Fatalf("%+v", data)
	}
	// Stale, tampered, wrong secret, no header: refused, never printing the secret.
	for name, check := range map[string]func() error{
		"stale":    func() error { return Webhooks.Verify(body, h, "whsec_test") },
		"tampered": func() error { return Webhooks.Verify(append(body, ' '), h, "whsec_test", WithWebhookTime(at)) },
		"secret":   func() error { return Webhooks.Verify(body, h, "whsec_other", WithWebhookTime(at)) },
		"header":   func() error { return Webhooks.Verify(body, http.Header{}, "whsec_test", WithWebhookTime(at)) },
	} {
		err := check()
		if !errors.Is(err, WebhookVerificationError) {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(err.Error(), "whsec_") {
			t.Fatalf("%s: the secret is in %q", name, err)
		}
	}
	var apiErr *Error
	if err := Webhooks.Verify(body, h, "", WithWebhookTime(at)); !errors.As(err, &apiErr) || apiErr.Param != "Secret" {
		t.Fatalf("empty secret: %v", err)
	}
	if _, err := Webhooks.Sign(body, "whsec_test", WithSignatureScheme("v3")); !errors.As(err, &apiErr) || apiErr.Param != "Scheme" {
		t.Fatalf("bad scheme: %v", err)
	}
	v1, err := Webhooks.Sign(body, "whsec_test", WithWebhookTime(at), WithSignatureScheme("v1"))
	if err != nil || strings.Contains(v1, "v2=") {
		t.Fatalf("v1: %q %v", v1, err)
	}
}

func TestTheAPIKeyIsNeverPrinted(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client()
	for _, text := range []string{fmt.Sprint(client), fmt.Sprintf("%+v", client), fmt.Sprintf("%#v", client), fmt.Sprintf("%v", *client)} {
		if strings.Contains(text, sb.APIKey) {
			t.Fatalf("the API key is printed: %s", text)
		}
	}
	bad := NewClient(WithAPIKey("zavu bad key"), WithBaseURL(sb.BaseURL))
	if bad.Err() == nil || strings.Contains(bad.Err().Error(), "zavu bad key") || strings.Contains(fmt.Sprintf("%+v", bad), "zavu bad key") {
		t.Fatalf("%v", bad.Err())
	}
	wrong := NewClient(WithAPIKey("zavu_wrong_key_123"), WithBaseURL(sb.BaseURL))
	_, err := wrong.Invitations.List(context.Background(), InvitationListParams{})
	var apiErr *Error
	if !errors.As(err, &apiErr) || strings.Contains(fmt.Sprintf("%+v %s %s", apiErr, apiErr.Body, apiErr.Message), "zavu_wrong_key_123") {
		t.Fatalf("%+v", apiErr)
	}
}

func TestAPanicInCoreIsAnErrorNeverAnAbort(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client()
	// zavu-c is built with core's test-panic feature for these tests: this id panics in core.
	_, err := client.Invitations.Get(context.Background(), "__zavu_test_panic__")
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != "internal_panic" || !errors.Is(err, InternalError) {
		t.Fatalf("%v", err)
	}
	// The client and the process carry on.
	if _, err := client.Invitations.List(context.Background(), InvitationListParams{}); err != nil {
		t.Fatal(err)
	}
}
