//go:build zavudev_dev

package zavudev

// Issue 17 in Go against a real sandbox: WithResponseInto, Client.WithOptions, per-call
// WithHeader / WithQuery / WithJSONSet, the phone-number onboarding steps, and models a test
// builds itself.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func lastLogged(t *testing.T, sb *sandbox, path string) map[string]any {
	t.Helper()
	items := sb.must(t, "GET", "/sandbox/requests?path="+path, nil).(map[string]any)["items"].([]any)
	if len(items) == 0 {
		t.Fatalf("no request to %s was logged", path)
	}
	return items[len(items)-1].(map[string]any)
}

func TestWithResponseInto(t *testing.T) {
	sb := startSandbox(t)
	defer sb.stop()
	client := sb.client()
	ctx := context.Background()

	var resp *http.Response
	inv, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Acme Corp")},
		WithResponseInto(&resp))
	if err != nil {
		t.Fatal(err)
	}
	if inv.ClientName != "Acme Corp" || resp == nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("create: %v %v", inv, resp)
	}
	if resp.Header.Get("X-Request-Id") == "" || resp.Header.Get("X-RateLimit-Remaining") == "" ||
		resp.Header.Get("X-RateLimit-Limit") == "" {
		t.Fatalf("headers: %v", resp.Header)
	}
	// A call without it records nothing and pays nothing; the pointer is left alone.
	var untouched *http.Response
	if _, err := client.Invitations.Get(ctx, inv.ID); err != nil || untouched != nil {
		t.Fatal(err)
	}
	// Pages and nothing-returning calls carry it too.
	var listResp *http.Response
	if _, err := client.Invitations.List(ctx, InvitationListParams{}, WithResponseInto(&listResp)); err != nil || listResp.StatusCode != 200 {
		t.Fatalf("list: %v %v", err, listResp)
	}
	// A failed call is an error as always, with the request id on it.
	var failed *http.Response
	_, err = client.Invitations.Get(ctx, "inv_missing", WithResponseInto(&failed))
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != "not_found" || apiErr.RequestID == "" {
		t.Fatalf("missing invitation: %v", err)
	}
}

func TestClientWithOptions(t *testing.T) {
	sb := startSandbox(t)
	defer sb.stop()
	client := sb.client()
	ctx := context.Background()
	mine, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Acme Corp")})
	if err != nil {
		t.Fatal(err)
	}
	other := client.WithOptions(WithAPIKey(sb.OtherKey), WithMaxRetries(0), WithRequestTimeout(5*time.Second))
	if other.Err() != nil {
		t.Fatal(other.Err())
	}
	if _, err := other.Invitations.Get(ctx, mine.ID); !errors.Is(err, NotFoundError) {
		t.Fatalf("another team's key: %v", err)
	}
	if got, err := client.Invitations.Get(ctx, mine.ID); err != nil || got.ID != mine.ID {
		t.Fatalf("the original client changed: %v", err)
	}
	bad := client.WithOptions(WithBaseURL("not a url"))
	var apiErr *Error
	if !errors.As(bad.Err(), &apiErr) || apiErr.Param != "BaseURL" {
		t.Fatalf("bad base URL: %v", bad.Err())
	}
	if _, err := bad.Invitations.Get(ctx, mine.ID); err != bad.Err() {
		t.Fatalf("calls of a refused derived client: %v", err)
	}
	if err := client.WithOptions(WithRequestTimeout(-time.Second)).Err(); !errors.As(err, &apiErr) || apiErr.Param != "Timeout" {
		t.Fatalf("negative timeout: %v", err)
	}
	if err := client.WithOptions(WithQuery("a", "b")).Err(); !errors.As(err, &apiErr) || apiErr.Code != "invalid_request" {
		t.Fatalf("a per-call option on a client: %v", err)
	}
}

func TestPerCallExtras(t *testing.T) {
	sb := startSandbox(t)
	defer sb.stop()
	client := sb.client()
	ctx := context.Background()
	inv, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Acme Corp")},
		WithHeader("User-Agent", "migrating-app/1.0"), WithQuery("trace", "abc"),
		WithJSONSet("clientName", "From extra body"))
	if err != nil {
		t.Fatal(err)
	}
	// The escape hatch wins over the method's own field, as in the published SDKs.
	if inv.ClientName != "From extra body" {
		t.Fatalf("clientName: %q", inv.ClientName)
	}
	logged := lastLogged(t, sb, "/v1/invitations")
	if logged["userAgent"] != "migrating-app/1.0" || !strings.Contains(logged["query"].(string), "trace=abc") {
		t.Fatalf("logged: %v", logged)
	}
	// A GET has no body: core refuses extra body fields before anything is sent.
	before := sb.requestCount(t)
	_, err = client.Invitations.Get(ctx, inv.ID, WithJSONSet("a", 1))
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Param != "ExtraBody" {
		t.Fatalf("extra body on a GET: %v", err)
	}
	// A value JSON cannot carry is refused in Go, before the library.
	if _, err := client.Invitations.Create(ctx, InvitationCreateParams{}, WithJSONSet("f", func() {})); err == nil {
		t.Fatal("a func as a body value was accepted")
	}
	if sb.requestCount(t) != before {
		t.Fatal("a refused call reached the sandbox")
	}
}

func TestPhoneNumberOnboarding(t *testing.T) {
	sb := startSandbox(t)
	defer sb.stop()
	client := sb.client()
	ctx := context.Background()
	pn := client.PhoneNumbers

	found, err := pn.SearchAvailable(ctx, PhoneNumberSearchAvailableParams{CountryCode: "US", Limit: Int(3)})
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Items) == 0 || len(found.Items) > 3 || !strings.HasPrefix(found.Items[0].PhoneNumber, "+1") {
		t.Fatalf("search: %+v", found)
	}
	reqs, err := pn.Requirements(ctx, PhoneNumberRequirementsParams{PhoneNumber: String(found.Items[0].PhoneNumber)})
	if err != nil || reqs.Items == nil && err != nil {
		t.Fatalf("requirements: %v", err)
	}
	bought, err := pn.Purchase(ctx, PhoneNumberPurchaseParams{PhoneNumber: String(found.Items[0].PhoneNumber), Name: String("Support")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := pn.Get(ctx, bought.ID)
	if err != nil || got.PhoneNumber != bought.PhoneNumber || got.Name != "Support" {
		t.Fatalf("get: %v %+v", err, got)
	}
	renamed, err := pn.Update(ctx, bought.ID, PhoneNumberUpdateParams{Name: String("Sales")})
	if err != nil || renamed.Name != "Sales" {
		t.Fatalf("update: %v %+v", err, renamed)
	}
	cleared, err := pn.Update(ctx, bought.ID, PhoneNumberUpdateParams{Name: Null()})
	if err != nil || cleared.Name != "" {
		t.Fatalf("clear the name: %v %+v", err, cleared)
	}
	page, err := pn.List(ctx, PhoneNumberListParams{})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != bought.ID {
		t.Fatalf("list: %v %+v", err, page)
	}
	count := 0
	for n, err := range pn.ListAll(ctx, PhoneNumberListParams{}) {
		if err != nil || n.ID != bought.ID {
			t.Fatalf("walk: %v", err)
		}
		count++
	}
	if count != 1 {
		t.Fatalf("walked %d numbers", count)
	}
	// Another team cannot see it.
	other := client.WithOptions(WithAPIKey(sb.OtherKey))
	if _, err := other.PhoneNumbers.Get(ctx, bought.ID); !errors.Is(err, NotFoundError) {
		t.Fatalf("another team's number: %v", err)
	}
	if err := pn.Release(ctx, bought.ID); err != nil {
		t.Fatal(err)
	}
	page, err = pn.List(ctx, PhoneNumberListParams{})
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("a released number is still listed: %v %+v", err, page)
	}
	// Core's rules, Go's spelling.
	_, err = pn.SearchAvailable(ctx, PhoneNumberSearchAvailableParams{})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Param != "CountryCode" {
		t.Fatalf("search without a country: %v", err)
	}
	if err := pn.Release(ctx, ""); !errors.As(err, &apiErr) || apiErr.Param != "PhoneNumberID" {
		t.Fatalf("release without an id: %v", err)
	}
}

func TestModelsATestCanBuild(t *testing.T) {
	// Plain structs: a user's own test builds them, or reads them from JSON as the API sends it.
	inv := Invitation{ID: "inv_1", URL: "https://x/invite/t", Status: InvitationStatusPending, ClientName: "Acme Corp"}
	if inv.Status.IsFinal() || inv.URL == "" {
		t.Fatal(inv)
	}
	var number PhoneNumber
	if err := json.Unmarshal([]byte(`{"id":"pn_1","phoneNumber":"+15551234567","status":"active","future":1}`), &number); err != nil {
		t.Fatal(err)
	}
	if number.ID != "pn_1" || !strings.Contains(number.RawJSON(), `"future":1`) {
		t.Fatalf("%+v", number)
	}
	available := AvailablePhoneNumber{PhoneNumber: "+15551234567", Capabilities: PhoneNumberCapabilities{SMS: true}}
	if !available.Capabilities.SMS {
		t.Fatal(available)
	}
	page := Page[Invitation]{Items: []Invitation{inv}}
	if page.HasNextPage() {
		t.Fatal("a built page has no next page")
	}
}
