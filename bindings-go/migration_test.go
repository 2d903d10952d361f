//go:build zavudev_dev

package zavudev

// The README's "Migrating from the published SDK" table, applied word for word to the published
// SDK's examples (examples/published/published.go.txt), gives examples/published/migrated; that
// program is built as a separate module and run against a sandbox.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// migration is the README table's changes, in order: literal replacements, then the one rule
// with a pattern (responses are unwrapped: `res.Invitation.URL` is `res.URL`).
var migration = []struct{ from, to string }{
	{`"github.com/zavudev/sdk-go/option"`, `"github.com/zavudev/zavu-sdk-hub/bindings-go/option"`},
	{`"github.com/zavudev/sdk-go"`, `zavudev "github.com/zavudev/zavu-sdk-hub/bindings-go"`},
	{`string(apierr.DumpRequest(true))`, `apierr.Error()`},
	{`apierr.StatusCode`, `apierr.Status`},
	{`PhoneNumber: number,`, `PhoneNumber: zavudev.String(number),`},
	{`zavudev.InvitationNewParamsConnectionTypeWhatsappWaba`, `zavudev.String("whatsapp_waba")`},
	{`zavudev.InvitationListParamsStatusPending`, `zavudev.String("pending")`},
}

var unwrapped = regexp.MustCompile(`\b([a-z]\w*)\.(Invitation|PhoneNumber)\.`)

func migrate(published string) string {
	text := published
	for _, m := range migration {
		text = strings.ReplaceAll(text, m.from, m.to)
	}
	return unwrapped.ReplaceAllString(text, "$1.")
}

func TestMigratedExampleIsThePublishedOneWithTheTablesChanges(t *testing.T) {
	published, err := os.ReadFile(filepath.Join("examples", "published", "published.go.txt"))
	if err != nil {
		t.Fatal(err)
	}
	migrated, err := os.ReadFile(filepath.Join("examples", "published", "migrated", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := migrate(string(published)); string(migrated) != want {
		t.Fatalf("examples/published/migrated/main.go is not the table applied to published.go.txt; want:\n%s", want)
	}
	// Every row of the table is in the README.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range migration {
		if !strings.Contains(string(readme), "`"+m.from+"`") {
			t.Errorf("README's migration table lacks %s", m.from)
		}
	}
}

func TestMigratedExampleRuns(t *testing.T) {
	bin := t.TempDir()
	build := exec.Command("go", "build", "-tags", "zavudev_dev", "-o", filepath.Join(bin, "migrated"), "./published/migrated")
	build.Dir = "examples"
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	sb := startSandbox(t)
	cmd := exec.Command(filepath.Join(bin, "migrated"))
	cmd.Env = append(os.Environ(), "TEST_API_BASE_URL="+sb.BaseURL, "ZAVUDEV_API_KEY="+sb.APIKey)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the migrated example failed: %v\n%s", err, out)
	}
	for _, want := range []string{"Phone number: true\n", "Invitation for: Acme Corp\n", "Status: pending\n",
		"Listed: Acme Corp\n", "Owned: Support Line\n", "Not found: 404\n"} {
		if !strings.Contains(string(out), want) {
			t.Fatalf("the migrated example printed %q, want %q in it", out, want)
		}
	}
	if !regexp.MustCompile(`(?m)^Requirements: \d+$`).Match(out) || !regexp.MustCompile(`(?m)^Status Code: 20\d$`).Match(out) {
		t.Fatalf("the migrated example printed %q", out)
	}
}
