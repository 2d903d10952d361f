//go:build zavudev_dev

package zavudev

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// With ZAVUDEV_LOG=trace core logs every request; neither the API key nor a webhook secret may
// appear. Core reads ZAVUDEV_LOG once per process, so the calls run in a child process (this
// test binary again, running logChild).
func TestSecretsNeverReachTheLogs(t *testing.T) {
	if os.Getenv("ZAVU_GO_LOG_CHILD") == "1" {
		logChild(t)
		return
	}
	sb := startSandbox(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecretsNeverReachTheLogs$", "-test.count=1")
	cmd.Env = append(os.Environ(), "ZAVU_GO_LOG_CHILD=1", "ZAVUDEV_LOG=trace",
		"ZAVUDEV_API_KEY="+sb.APIKey, "ZAVUDEV_BASE_URL="+sb.BaseURL)
	out, err := cmd.CombinedOutput()
	text := string(out)
	if err != nil {
		t.Fatalf("child: %v\n%s", err, text)
	}
	if !strings.Contains(text, "SECRET=") || !strings.Contains(strings.ToLower(text), "invitations") {
		t.Fatalf("the child logged nothing useful:\n%s", text)
	}
	secret := text[strings.Index(text, "SECRET=")+len("SECRET=") : strings.Index(text, ";END")]
	for _, needle := range []string{sb.APIKey, secret, "zavu_wrong_key_for_logs"} {
		count := strings.Count(text, needle)
		if needle == secret {
			count-- // the child's own marker line
		}
		if count > 0 {
			t.Fatalf("%q appears %d times in the logs", needle, count)
		}
	}
}

func logChild(t *testing.T) {
	ctx := context.Background()
	client := NewClient(WithAPIKey(os.Getenv("ZAVUDEV_API_KEY")), WithBaseURL(os.Getenv("ZAVUDEV_BASE_URL")))
	if _, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Logged")}); err != nil {
		t.Fatal(err)
	}
	hook, err := client.Invitations.CreateWebhook(ctx, WebhookCreateParams{URL: String("https://example.com/hook")})
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"id":"evt_1","type":"invitation.status_changed","timestamp":1,"data":{}}`)
	header, err := Webhooks.Sign(body, hook.Secret, WithWebhookTime(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	h.Set("X-Zavu-Signature", header)
	if err := Webhooks.Verify(body, h, hook.Secret); err != nil {
		t.Fatal(err)
	}
	_ = Webhooks.Verify(body, h, "whsec_"+strings.Repeat("0", 32))
	wrong := NewClient(WithAPIKey("zavu_wrong_key_for_logs"), WithBaseURL(os.Getenv("ZAVUDEV_BASE_URL")))
	_, _ = wrong.Invitations.List(ctx, InvitationListParams{})
	// The secret, for the parent to search the logs for (its only allowed appearance).
	os.Stderr.WriteString("SECRET=" + hook.Secret + ";END\n")
}
