//go:build zavudev_dev

package zavudev

// The guide's Go examples (examples/guide/*/main.go: each fragment verbatim in a main with its
// imports, written by scripts/guide_examples.py) are built as the separate module a user would
// write and run against the sandbox through ZAVUDEV_API_KEY / ZAVUDEV_BASE_URL. The get and
// cancel examples use the guide's literal id, which no sandbox invitation has: the sandbox is
// told (fault injection) to answer those requests with the guide's own sample invitation, so
// the examples still run unchanged over real HTTP.

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var guideExamples = []string{"create", "preassigned", "list", "get", "cancel", "errors"}

const guideID = "jh7am5bng9p3v2x1k4r8"

func guideInvitation(status string) map[string]any {
	return map[string]any{"invitation": map[string]any{
		"id": guideID, "url": "https://dashboard.zavu.dev/invite/abc123xyz", "token": "abc123xyz",
		"clientName": "Acme Corp", "clientEmail": "contact@acme.com", "phoneNumberId": nil,
		"status": status, "senderId": nil, "expiresAt": "2025-01-22T00:00:00.000Z",
		"createdAt": "2025-01-15T12:00:00.000Z",
	}}
}

func TestGuideExamplesAreTheGuidesVerbatim(t *testing.T) {
	var guide []byte
	for _, path := range []string{"../../shared/reference/onboarding-clients-via-api.md", "/work/shared/reference/onboarding-clients-via-api.md"} {
		if data, err := os.ReadFile(path); err == nil {
			guide = data
			break
		}
	}
	if guide == nil {
		t.Skip("the guide (shared/reference) is not next to this checkout")
	}
	blocks := regexp.MustCompile("(?s)```go Go theme=\\{null\\}\n(.*?)```").FindAllStringSubmatch(string(guide), -1)
	if len(blocks) != len(guideExamples) {
		t.Fatalf("the guide has %d Go blocks", len(blocks))
	}
	for i, name := range guideExamples {
		want := regexp.MustCompile("(?m)^  ").ReplaceAllString(blocks[i][1], "")
		data, err := os.ReadFile(filepath.Join("examples", "guide", name, "main.go"))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		begin := strings.Index(text, "// guide:begin\n")
		end := strings.Index(text, "\t// guide:end")
		if begin < 0 || end < 0 {
			t.Fatalf("%s: no guide markers", name)
		}
		var lines []string
		for _, line := range strings.Split(strings.TrimSuffix(text[begin+len("// guide:begin\n"):end], "\n"), "\n") {
			lines = append(lines, strings.TrimPrefix(line, "\t"))
		}
		if got := strings.Join(lines, "\n") + "\n"; got != want {
			t.Fatalf("%s differs from the guide:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

func TestGuideExamplesRun(t *testing.T) {
	bin := t.TempDir()
	build := exec.Command("go", "build", "-tags", "zavudev_dev", "-o", bin+string(filepath.Separator), "./guide/...")
	build.Dir = "examples"
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the guide's examples: %v\n%s", err, out)
	}
	sb := startSandbox(t)
	run := func(name string) string {
		cmd := exec.Command(filepath.Join(bin, name))
		cmd.Env = append(os.Environ(), "ZAVUDEV_API_KEY="+sb.APIKey, "ZAVUDEV_BASE_URL="+sb.BaseURL)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	base := regexp.QuoteMeta(sb.BaseURL)

	out := run("create")
	for _, pattern := range []string{`(?m)^Invitation URL: ` + base + `/invite/\S+$`, `(?m)^Token: \S+$`,
		`(?m)^Expires: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC$`} {
		if !regexp.MustCompile(pattern).MatchString(out) {
			t.Fatalf("create printed %q, want %s", out, pattern)
		}
	}
	if out := run("preassigned"); !strings.HasPrefix(out, "Invitation URL: "+sb.BaseURL+"/invite/") {
		t.Fatalf("preassigned printed %q", out)
	}
	if out := run("list"); strings.Count(out, "Acme Corp pending "+sb.BaseURL+"/invite/") != 2 {
		t.Fatalf("list printed %q", out)
	}
	sb.fault(t, map[string]any{"path": "/v1/invitations/" + guideID, "method": "GET", "count": 1,
		"fault": map[string]any{"kind": "status", "status": 200, "body": guideInvitation("pending")}})
	if out := run("get"); out != "Status: pending\nClient: Acme Corp\n" {
		t.Fatalf("get printed %q", out)
	}
	sb.fault(t, map[string]any{"path": "/v1/invitations/" + guideID + "/cancel", "method": "POST", "count": 1,
		"fault": map[string]any{"kind": "status", "status": 200, "body": guideInvitation("cancelled")}})
	if out := run("cancel"); out != "" {
		t.Fatalf("cancel printed %q", out)
	}
	if out := run("errors"); out != "Phone number not found\n" {
		t.Fatalf("errors printed %q", out)
	}
}
