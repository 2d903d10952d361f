// The published Go SDK's invitation and phone-number examples, as a user of it writes them, in
// one program. Sources (github.com/zavudev/sdk-go, read with the search tool on 2026-11-30):
//   - README.md "Usage" (client construction), "Errors" (errors.As and *zavudev.Error),
//     "Pagination" (ListAutoPaging, Next, Current, Err) and "Accessing raw response data"
//     (option.WithResponseInto), commit 1ace5afa2fe4ff926a626bf3bd1bc7032273fcb2;
//   - invitation_test.go (commit e15e2bfce02557dd93c3679a44d0e9c55c94b494) and phonenumber_test.go
//     (commit 682d850b3075ac7a43f1a88a64071142d147249a): every call, its parameters and the
//     base-URL / API-key setup, with ids taken from earlier answers instead of placeholders.
//
// The published README has no invitation or phone-number example of its own (its examples send
// messages). migration_test.go applies the README's migration table to this text, word for word,
// and runs the result against the sandbox.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"

	zavudev "github.com/zavudev/zavu-sdk-hub/bindings-go"
	"github.com/zavudev/zavu-sdk-hub/bindings-go/option"
)

func check(err error) {
	if err != nil {
		var apierr *zavudev.Error
		if errors.As(err, &apierr) {
			println(apierr.Error())
		}
		panic(err.Error())
	}
}

func main() {
	baseURL := "http://localhost:4010"
	if envURL, ok := os.LookupEnv("TEST_API_BASE_URL"); ok {
		baseURL = envURL
	}
	client := zavudev.NewClient(
		option.WithBaseURL(baseURL),
		option.WithAPIKey(os.Getenv("ZAVUDEV_API_KEY")), // the tests' "My API Key", from the environment
	)

	available, err := client.PhoneNumbers.SearchAvailable(context.TODO(), zavudev.PhoneNumberSearchAvailableParams{
		CountryCode: "US",
		Limit:       zavudev.Int(50),
		Type:        zavudev.PhoneNumberTypeLocal,
	})
	check(err)
	number := available.Items[0].PhoneNumber
	requirements, err := client.PhoneNumbers.Requirements(context.TODO(), zavudev.PhoneNumberRequirementsParams{
		PhoneNumber: zavudev.String(number),
	})
	check(err)
	fmt.Println("Requirements:", len(requirements.Items))
	purchased, err := client.PhoneNumbers.Purchase(context.TODO(), zavudev.PhoneNumberPurchaseParams{
		PhoneNumber: zavudev.String(number),
		Name:        zavudev.String("Primary Line"),
	})
	check(err)
	phoneNumber, err := client.PhoneNumbers.Get(context.TODO(), purchased.ID)
	check(err)
	fmt.Println("Phone number:", phoneNumber.PhoneNumber == number)
	_, err = client.PhoneNumbers.Update(
		context.TODO(),
		purchased.ID,
		zavudev.PhoneNumberUpdateParams{
			Name: zavudev.String("Support Line"),
		},
	)
	check(err)

	invitation, err := client.Invitations.New(context.TODO(), zavudev.InvitationNewParams{
		AllowedPhoneCountries: []string{"US", "MX"},
		ClientEmail:           zavudev.String("contact@acme.com"),
		ClientName:            zavudev.String("Acme Corp"),
		ClientPhone:           zavudev.String("+14155551234"),
		ConnectionType:        zavudev.String("whatsapp_waba"),
		ExpiresInDays:         zavudev.Int(1),
		PhoneNumberID:         zavudev.String(purchased.ID),
	})
	check(err)
	fmt.Println("Invitation for:", invitation.ClientName)
	got, err := client.Invitations.Get(context.TODO(), invitation.ID)
	check(err)
	fmt.Println("Status:", got.Status)
	page, err := client.Invitations.List(context.TODO(), zavudev.InvitationListParams{
		Limit:  zavudev.Int(100),
		Status: zavudev.String("pending"),
	})
	check(err)
	for _, item := range page.Items {
		fmt.Println("Listed:", item.ClientName)
	}
	_, err = client.Invitations.Cancel(context.TODO(), invitation.ID)
	check(err)

	iter := client.PhoneNumbers.ListAutoPaging(context.TODO(), zavudev.PhoneNumberListParams{
		Limit:  zavudev.Int(100),
		Status: zavudev.PhoneNumberStatusActive,
	})
	for iter.Next() {
		owned := iter.Current()
		fmt.Println("Owned:", owned.Name)
	}
	check(iter.Err())

	var response *http.Response
	err = client.PhoneNumbers.Release(context.TODO(), purchased.ID, option.WithResponseInto(&response))
	check(err)
	fmt.Printf("Status Code: %d\n", response.StatusCode)

	_, err = client.PhoneNumbers.Get(context.TODO(), "phoneNumberId")
	var apierr *zavudev.Error
	if errors.As(err, &apierr) {
		fmt.Println("Not found:", apierr.Status)
	}
}
