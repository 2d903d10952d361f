//go:build zavudev_dev

package zavudev

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// sandbox is a real zavu-sandbox process on a free port (target/debug/zavu-sandbox, or
// $ZAVU_SANDBOX_BIN).
type sandbox struct {
	cmd      *exec.Cmd
	BaseURL  string
	APIKey   string
	OtherKey string
}

func sandboxBinary() string {
	if bin := os.Getenv("ZAVU_SANDBOX_BIN"); bin != "" {
		return bin
	}
	root, _ := filepath.Abs("..")
	return filepath.Join(root, "target", "debug", "zavu-sandbox")
}

var listening = regexp.MustCompile(`listening on (http://\S+)`)
var apiKeyLine = regexp.MustCompile(`^api key: (\S+)`)

func startSandbox(t testing.TB) *sandbox {
	t.Helper()
	cmd := exec.Command(sandboxBinary(), "--port", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("sandbox: %v (build it with `cargo build -p zavu-sandbox`)", err)
	}
	s := &sandbox{cmd: cmd}
	lines := bufio.NewScanner(stdout)
	var keys []string
	deadline := time.AfterFunc(20*time.Second, func() { _ = cmd.Process.Kill() })
	for len(keys) < 2 && lines.Scan() {
		line := lines.Text()
		if m := listening.FindStringSubmatch(line); m != nil {
			s.BaseURL = strings.TrimRight(m[1], "/")
		}
		if m := apiKeyLine.FindStringSubmatch(line); m != nil {
			keys = append(keys, m[1])
		}
	}
	deadline.Stop()
	if s.BaseURL == "" || len(keys) < 2 {
		_ = cmd.Process.Kill()
		t.Fatal("the sandbox did not print its address and keys")
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	s.APIKey, s.OtherKey = keys[0], keys[1]
	t.Cleanup(s.stop)
	return s
}

func (s *sandbox) stop() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// client is a client of this sandbox.
func (s *sandbox) client(opts ...RequestOption) *Client {
	base := []RequestOption{WithAPIKey(s.APIKey), WithBaseURL(s.BaseURL)}
	return NewClient(append(base, opts...)...)
}

// request calls the sandbox's control API (plain net/http: these are test fixtures).
func (s *sandbox) request(method, path string, body any) (int, any, error) {
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, s.BaseURL+path, reader)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.APIKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	var value any
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &value); err != nil {
			value = string(data)
		}
	}
	return resp.StatusCode, value, nil
}

func (s *sandbox) must(t testing.TB, method, path string, body any) any {
	t.Helper()
	status, value, err := s.request(method, path, body)
	if err != nil || status < 200 || status > 299 {
		t.Fatalf("sandbox %s %s: %d %v %v", method, path, status, value, err)
	}
	return value
}

// fault installs a sandbox fault rule.
func (s *sandbox) fault(t testing.TB, rule map[string]any) {
	t.Helper()
	s.must(t, "POST", "/sandbox/faults", rule)
}

// requestCount is how many API requests the sandbox has logged.
func (s *sandbox) requestCount(t testing.TB) int {
	t.Helper()
	value := s.must(t, "GET", "/sandbox/requests", nil)
	switch v := value.(type) {
	case []any:
		return len(v)
	case map[string]any:
		for _, key := range []string{"requests", "items"} {
			if list, ok := v[key].([]any); ok {
				return len(list)
			}
		}
	}
	t.Fatalf("unexpected /sandbox/requests answer: %v", value)
	return 0
}

func describe(v any) string { return fmt.Sprintf("%#v", v) }
