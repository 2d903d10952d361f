//go:build zavudev_dev

package zavudev

// The Go runner of tests/conformance/: every scenario against a fresh sandbox, and the
// hostile-arguments file. Each call maps to the idiomatic Go API (wire args decoded into the
// Go param structs, milliseconds into time.Duration, the signature into an http.Header);
// results are compared as their wire JSON (RawJSON), errors by code, status, kind and param in
// Go's spelling (ParamName of the scenario's wire name).

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func conformanceDir() string { return filepath.Join("..", "tests", "conformance") }

func TestConformanceScenarios(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(conformanceDir(), "scenarios", "*.json"))
	if err != nil || len(files) < 30 {
		t.Fatalf("scenarios: %d %v", len(files), err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runScenario(t, file)
		})
	}
}

type scenarioRun struct {
	t       *testing.T
	sb      *sandbox
	options map[string]any
	saved   map[string]any
}

func runScenario(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var scenario struct {
		Client map[string]any   `json:"client"`
		Steps  []map[string]any `json:"steps"`
	}
	if err := json.Unmarshal(data, &scenario); err != nil {
		t.Fatal(err)
	}
	run := &scenarioRun{t: t, sb: startSandbox(t), options: scenario.Client, saved: map[string]any{}}
	for index, raw := range scenario.Steps {
		step := run.interpolate(raw).(map[string]any)
		expect, _ := step["expect"].(map[string]any)
		label := fmt.Sprintf("step %d", index)
		started := time.Now()
		var result any
		var failed map[string]any
		if spec, ok := step["sandbox"].(map[string]any); ok {
			method, _ := spec["method"].(string)
			if method == "" {
				method = "GET"
			}
			status, value, err := run.sb.request(method, spec["path"].(string), spec["body"])
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			if wanted, ok := expect["status"].(float64); ok {
				if int(wanted) != status {
					t.Fatalf("%s: sandbox answered %d, expected %v: %v", label, status, wanted, value)
				}
			} else if status < 200 || status > 299 {
				t.Fatalf("%s: sandbox answered %d: %v", label, status, value)
			}
			result = value
		} else {
			args, _ := step["args"].(map[string]any)
			if args == nil {
				args = map[string]any{}
			}
			value, err := run.call(step["call"].(string), args, step)
			if err != nil {
				apiErr, ok := err.(*Error)
				if !ok {
					t.Fatalf("%s: not a *zavudev.Error: %T %v", label, err, err)
				}
				failed = errorFields(apiErr)
			} else {
				result = value
			}
		}
		elapsed := time.Since(started)
		if min, ok := expect["minElapsedMs"].(float64); ok && float64(elapsed.Milliseconds()) < min {
			t.Fatalf("%s: took %v, expected at least %v ms", label, elapsed, min)
		}
		wantErr, expectsErr := expect["error"].(map[string]any)
		switch {
		case failed == nil && expectsErr:
			t.Fatalf("%s: expected error %v, got success %v", label, wantErr, result)
		case failed != nil && !expectsErr:
			t.Fatalf("%s: unexpected error %v", label, failed)
		case failed != nil:
			if param, ok := wantErr["param"].(string); ok {
				copied := map[string]any{}
				for k, v := range wantErr {
					copied[k] = v
				}
				copied["param"] = ParamName(param)
				wantErr = copied
			}
			if why := match(wantErr, failed, "error"); why != "" {
				t.Fatalf("%s: %s; got %v", label, why, failed)
			}
		default:
			if want, ok := expect["result"]; ok {
				if why := match(want, result, "result"); why != "" {
					t.Fatalf("%s: %s; got %v", label, why, result)
				}
			}
		}
		if save, ok := step["save"].(string); ok && failed == nil {
			run.saved[save] = result
		}
	}
}

func errorFields(e *Error) map[string]any {
	fields := map[string]any{"code": e.Code, "message": e.Message, "kind": e.Kind, "status": nil, "param": nil, "body": nil}
	if e.Status != 0 {
		fields["status"] = float64(e.Status)
	}
	if e.Param != "" {
		fields["param"] = e.Param
	}
	if e.Body != "" {
		fields["body"] = e.Body
	}
	return fields
}

var wholeRef = regexp.MustCompile(`^\$\{([^${}]+)\}$`)
var anyRef = regexp.MustCompile(`\$\{([^}]+)\}`)

func (r *scenarioRun) lookup(path string) any {
	parts := strings.Split(path, ".")
	scope := map[string]any{
		"sandbox": map[string]any{"baseUrl": r.sb.BaseURL},
		"keys":    map[string]any{"default": r.sb.APIKey, "other": r.sb.OtherKey},
		"now":     float64(time.Now().Unix()),
	}
	for k, v := range r.saved {
		scope[k] = v
	}
	value, ok := scope[parts[0]]
	if !ok {
		r.t.Fatalf("unknown reference ${%s}", path)
	}
	for _, part := range parts[1:] {
		switch v := value.(type) {
		case []any:
			i, _ := strconv.Atoi(part)
			value = v[i]
		case map[string]any:
			value = v[part]
		default:
			r.t.Fatalf("cannot follow ${%s}", path)
		}
	}
	return value
}

func (r *scenarioRun) interpolate(value any) any {
	switch v := value.(type) {
	case string:
		if m := wholeRef.FindStringSubmatch(v); m != nil {
			return r.lookup(m[1])
		}
		return anyRef.ReplaceAllStringFunc(v, func(ref string) string {
			found := r.lookup(anyRef.FindStringSubmatch(ref)[1])
			if s, ok := found.(string); ok {
				return s
			}
			data, _ := json.Marshal(found)
			return string(data)
		})
	case []any:
		out := make([]any, len(v))
		for i, item := range v {
			out[i] = r.interpolate(item)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, item := range v {
			out[k] = r.interpolate(item)
		}
		return out
	}
	return value
}

func ms(v any) time.Duration { return time.Duration(v.(float64) * float64(time.Millisecond)) }

func (r *scenarioRun) clientOptions(overrides map[string]any) []RequestOption {
	options := map[string]any{}
	for k, v := range r.options {
		options[k] = v
	}
	for k, v := range overrides {
		options[k] = v
	}
	apiKey, baseURL := r.sb.APIKey, r.sb.BaseURL
	if v, ok := options["apiKey"].(string); ok {
		apiKey = v
	}
	if v, ok := options["baseUrl"].(string); ok {
		baseURL = v
	}
	opts := []RequestOption{WithAPIKey(apiKey), WithBaseURL(baseURL)}
	if v, ok := options["maxRetries"].(float64); ok {
		opts = append(opts, WithMaxRetries(int(v)))
	}
	if v, ok := options["timeoutMs"]; ok {
		opts = append(opts, WithRequestTimeout(ms(v)))
	}
	return opts
}

// decodeArgs turns wire args into a Go param struct (the struct's json tags are the wire names).
func decodeArgs[T any](t *testing.T, args map[string]any) T {
	var params T
	data, _ := json.Marshal(args)
	if err := json.Unmarshal(data, &params); err != nil {
		t.Fatalf("args %s do not fit %T: %v", data, params, err)
	}
	return params
}

type rawJSONer interface{ RawJSON() string }

func wire(t *testing.T, value rawJSONer, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	var out any
	if err := json.Unmarshal([]byte(value.RawJSON()), &out); err != nil {
		t.Fatalf("raw JSON: %v", err)
	}
	return out, nil
}

func collect[T rawJSONer](t *testing.T, seq func(yield func(T, error) bool)) (any, error) {
	items := []any{}
	for item, err := range seq {
		if err != nil {
			return nil, err
		}
		value, _ := wire(t, item, nil)
		items = append(items, value)
	}
	return map[string]any{"items": items}, nil
}

func (r *scenarioRun) call(name string, args map[string]any, step map[string]any) (any, error) {
	t := r.t
	if name == "client.new" {
		return nil, NewClient(r.clientOptions(args)...).Err()
	}
	if strings.HasPrefix(name, "webhooks.") {
		return webhookCall(t, name, args)
	}
	stepClient, _ := step["client"].(map[string]any)
	client := NewClient(r.clientOptions(stepClient)...)
	var opts []RequestOption
	if options, ok := step["options"].(map[string]any); ok {
		if v, ok := options["timeoutMs"]; ok {
			opts = append(opts, WithRequestTimeout(ms(v)))
		}
		if v, ok := options["maxRetries"].(float64); ok {
			opts = append(opts, WithMaxRetries(int(v)))
		}
		if v, ok := options["idempotencyKey"].(string); ok {
			opts = append(opts, WithIdempotencyKey(v))
		}
	}
	ctx := context.Background()
	inv, snd := client.Invitations, client.Senders
	id := func(key string) string { s, _ := args[key].(string); return s }
	switch name {
	case "invitations.create":
		v, err := inv.Create(ctx, decodeArgs[InvitationCreateParams](t, args), opts...)
		return wire(t, v, err)
	case "invitations.list":
		v, err := inv.List(ctx, decodeArgs[InvitationListParams](t, args), opts...)
		return wire(t, v, err)
	case "invitations.listAll":
		return collect(t, inv.ListAll(ctx, decodeArgs[InvitationListParams](t, args), opts...))
	case "invitations.get":
		v, err := inv.Get(ctx, id("invitationId"), opts...)
		return wire(t, v, err)
	case "invitations.cancel":
		v, err := inv.Cancel(ctx, id("invitationId"), opts...)
		return wire(t, v, err)
	case "invitations.waitForCompletion":
		var wait WaitForCompletionParams
		if v, ok := args["timeoutMs"]; ok {
			wait.Timeout = ms(v)
		}
		if v, ok := args["pollIntervalMs"]; ok {
			wait.PollInterval = ms(v)
		}
		v, err := inv.WaitForCompletion(ctx, id("invitationId"), wait, opts...)
		return wire(t, v, err)
	case "invitations.createWebhook":
		v, err := inv.CreateWebhook(ctx, decodeArgs[WebhookCreateParams](t, args), opts...)
		return wire(t, v, err)
	case "invitations.getWebhook":
		v, err := inv.GetWebhook(ctx, opts...)
		return wire(t, v, err)
	case "invitations.updateWebhook":
		v, err := inv.UpdateWebhook(ctx, decodeArgs[WebhookUpdateParams](t, args), opts...)
		return wire(t, v, err)
	case "invitations.deleteWebhook":
		return nil, inv.DeleteWebhook(ctx, opts...)
	case "phoneNumbers.purchase":
		v, err := client.PhoneNumbers.Purchase(ctx, decodeArgs[PhoneNumberPurchaseParams](t, args), opts...)
		return wire(t, v, err)
	case "phoneNumbers.searchAvailable":
		v, err := client.PhoneNumbers.SearchAvailable(ctx, decodeArgs[PhoneNumberSearchAvailableParams](t, args), opts...)
		return wire(t, v, err)
	case "phoneNumbers.requirements":
		v, err := client.PhoneNumbers.Requirements(ctx, decodeArgs[PhoneNumberRequirementsParams](t, args), opts...)
		return wire(t, v, err)
	case "phoneNumbers.list":
		v, err := client.PhoneNumbers.List(ctx, decodeArgs[PhoneNumberListParams](t, args), opts...)
		return wire(t, v, err)
	case "phoneNumbers.listAll":
		return collect(t, client.PhoneNumbers.ListAll(ctx, decodeArgs[PhoneNumberListParams](t, args), opts...))
	case "phoneNumbers.retrieve":
		v, err := client.PhoneNumbers.Get(ctx, id("phoneNumberId"), opts...)
		return wire(t, v, err)
	case "phoneNumbers.update":
		params := decodeArgs[PhoneNumberUpdateParams](t, args)
		// A null in the scenario clears the field: Go writes that as Null().
		for key, field := range map[string]**string{"name": &params.Name, "senderId": &params.SenderID} {
			if v, ok := args[key]; ok && v == nil {
				*field = Null()
			}
		}
		v, err := client.PhoneNumbers.Update(ctx, id("phoneNumberId"), params, opts...)
		return wire(t, v, err)
	case "phoneNumbers.release":
		return nil, client.PhoneNumbers.Release(ctx, id("phoneNumberId"), opts...)
	case "senders.get":
		v, err := snd.Get(ctx, id("senderId"), opts...)
		return wire(t, v, err)
	case "senders.list":
		v, err := snd.List(ctx, decodeArgs[SenderListParams](t, args), opts...)
		return wire(t, v, err)
	case "senders.listAll":
		return collect(t, snd.ListAll(ctx, decodeArgs[SenderListParams](t, args), opts...))
	}
	t.Fatalf("unknown call %s", name)
	return nil, nil
}

func webhookCall(t *testing.T, name string, args map[string]any) (any, error) {
	payload, _ := args["payload"].(string)
	secret, _ := args["secret"].(string)
	var opts []WebhookOption
	for _, key := range []string{"timestamp", "now"} {
		if v, ok := args[key].(float64); ok {
			opts = append(opts, WithWebhookTime(time.Unix(int64(v), 0)))
		}
	}
	if v, ok := args["scheme"].(string); ok {
		opts = append(opts, WithSignatureScheme(v))
	}
	header := http.Header{}
	if sig, ok := args["signature"].(string); ok {
		header.Set("X-Zavu-Signature", sig)
	}
	if pairs, ok := args["headers"].([]any); ok {
		for _, pair := range pairs {
			kv := pair.([]any)
			header.Add(kv[0].(string), kv[1].(string))
		}
	}
	switch name {
	case "webhooks.sign":
		h, err := Webhooks.Sign([]byte(payload), secret, opts...)
		if err != nil {
			return nil, err
		}
		return map[string]any{"header": h}, nil
	case "webhooks.verify":
		return nil, Webhooks.Verify([]byte(payload), header, secret, opts...)
	case "webhooks.unwrap":
		v, err := Webhooks.Unwrap([]byte(payload), header, secret, opts...)
		return wire(t, v, err)
	}
	t.Fatalf("unknown call %s", name)
	return nil, nil
}

// match is "" when actual matches expected (tests/conformance/README.md), else why not.
func match(expected, actual any, at string) string {
	switch e := expected.(type) {
	case string:
		switch e {
		case "$any":
			return ""
		case "$present":
			if actual == nil {
				return at + ": expected a value, got nothing"
			}
			return ""
		case "$absent":
			if actual != nil {
				return fmt.Sprintf("%s: expected nothing, got %v", at, actual)
			}
			return ""
		}
		if actual != e {
			return fmt.Sprintf("%s: expected %q, got %v", at, e, actual)
		}
		return ""
	case map[string]any:
		special := false
		for k := range e {
			special = special || strings.HasPrefix(k, "$")
		}
		if special {
			keys := make([]string, 0, len(e))
			for k := range e {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				arg := e[k]
				list, _ := actual.([]any)
				switch k {
				case "$len":
					n := -1
					if s, ok := actual.(string); ok {
						n = len(s)
					} else if list != nil || actual != nil {
						if l, ok := actual.([]any); ok {
							n = len(l)
						}
					}
					if float64(n) != arg.(float64) {
						return fmt.Sprintf("%s: expected length %v, got %d", at, arg, n)
					}
				case "$minLen":
					if float64(len(list)) < arg.(float64) {
						return fmt.Sprintf("%s: expected at least %v items, got %d", at, arg, len(list))
					}
				case "$startsWith":
					s, ok := actual.(string)
					if !ok || !strings.HasPrefix(s, arg.(string)) {
						return fmt.Sprintf("%s: expected a string starting with %q, got %v", at, arg, actual)
					}
				case "$each":
					for i, item := range list {
						if why := match(arg, item, fmt.Sprintf("%s[%d]", at, i)); why != "" {
							return why
						}
					}
				case "$sameField":
					for _, item := range list {
						first, _ := list[0].(map[string]any)
						this, _ := item.(map[string]any)
						if fmt.Sprint(first[arg.(string)]) != fmt.Sprint(this[arg.(string)]) {
							return fmt.Sprintf("%s: expected every %v to be equal", at, arg)
						}
					}
				default:
					return at + ": unknown matcher " + k
				}
			}
			return ""
		}
		obj, _ := actual.(map[string]any)
		for k, v := range e {
			if why := match(v, obj[k], at+"."+k); why != "" {
				return why
			}
		}
		return ""
	case []any:
		list, ok := actual.([]any)
		if !ok {
			return fmt.Sprintf("%s: expected an array, got %v", at, actual)
		}
		if len(list) != len(e) {
			return fmt.Sprintf("%s: expected %d items, got %d", at, len(e), len(list))
		}
		for i := range e {
			if why := match(e[i], list[i], fmt.Sprintf("%s[%d]", at, i)); why != "" {
				return why
			}
		}
		return ""
	case float64:
		if a, ok := actual.(float64); !ok || a != e {
			return fmt.Sprintf("%s: expected %v, got %v", at, e, actual)
		}
		return ""
	case bool:
		if actual != e {
			return fmt.Sprintf("%s: expected %v, got %v", at, e, actual)
		}
		return ""
	case nil:
		if actual != nil {
			return fmt.Sprintf("%s: expected null, got %v", at, actual)
		}
		return ""
	}
	return fmt.Sprintf("%s: cannot match %v", at, expected)
}

// ---------------------------------------------------------------------------------------------
// Hostile arguments

// notExpressible lists the (type, bad) pairs Go's type system refuses at compile time: a
// program cannot even pass them, so the runner counts them instead of calling.
var notExpressible = map[string]string{
	"integer/wrong_type":          "a string where Go wants an int",
	"integer/fractional":          "2.5 where Go wants an int",
	"integer/nan":                 "NaN where Go wants an int",
	"integer/infinite":            "+Inf where Go wants an int",
	"integer/too_large":           "1e20 does not fit Go's int64",
	"seconds/wrong_type":          "a string where Go wants a time.Duration",
	"seconds/nan":                 "NaN where Go wants a time.Duration (an int64)",
	"seconds/infinite":            "+Inf where Go wants a time.Duration (an int64)",
	"string/wrong_type":           "an int where Go wants a string",
	"string_list/wrong_type":      "a string where Go wants a []string",
	"string_list/wrong_container": "a map where Go wants a []string",
	"string_list/wrong_item":      "an int inside a []string",
	"boolean/wrong_type":          "a string where Go wants a *bool",
	"headers/wrong_container":     "a list where WithHeader takes a name and a value",
	"headers/wrong_item":          "an int where WithHeader takes a string",
	"body/wrong_type":             "a parsed object where Verify takes []byte",
}

// hostileValue is the Go value of a (type, bad) pair.
func hostileValue(kind, bad string) any {
	switch kind + "/" + bad {
	case "integer/negative":
		return -1
	case "seconds/negative":
		return -time.Second
	case "seconds/too_large":
		return time.Duration(math.MaxInt64) // ~292 years: past the one-year limit
	case "string/empty":
		return ""
	case "string/too_long":
		return strings.Repeat("x", 100_000)
	}
	return nil
}

func TestHostileArguments(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(conformanceDir(), "hostile", "arguments.json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Expect map[string]any `json:"expect"`
		Cases  []struct {
			Call  string         `json:"call"`
			Param string         `json:"param"`
			Type  string         `json:"type"`
			Bad   []string       `json:"bad"`
			Args  map[string]any `json:"args"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	sb := startSandbox(t)
	run := &scenarioRun{t: t, sb: sb, saved: map[string]any{}}
	ran, skipped := 0, []string{}
	for _, c := range file.Cases {
		for _, bad := range c.Bad {
			label := fmt.Sprintf("%s %s %s/%s", c.Call, c.Param, c.Type, bad)
			if why, ok := notExpressible[c.Type+"/"+bad]; ok {
				skipped = append(skipped, label+": "+why)
				continue
			}
			value := hostileValue(c.Type, bad)
			if value == nil {
				t.Fatalf("%s: no Go value for this pair", label)
			}
			err := hostileCall(t, run, c.Call, c.Param, c.Args, value)
			apiErr, ok := err.(*Error)
			if !ok {
				t.Fatalf("%s: expected a *zavudev.Error, got %v", label, err)
			}
			if why := match(file.Expect, errorFields(apiErr), "error"); why != "" {
				t.Fatalf("%s: %s (%v)", label, why, apiErr)
			}
			if want := ParamName(c.Param); apiErr.Param != want {
				t.Fatalf("%s: param %q, want %q (%v)", label, apiErr.Param, want, apiErr)
			}
			ran++
		}
	}
	if n := sb.requestCount(t); n != 0 {
		t.Fatalf("%d requests reached the sandbox", n)
	}
	t.Logf("hostile arguments: %d refused as expected; %d not expressible in Go:\n  %s",
		ran, len(skipped), strings.Join(skipped, "\n  "))
	if ran < 25 {
		t.Fatalf("only %d hostile values ran", ran)
	}
}

// hostileCall makes one call with param set to value (a Go value of the param's type).
func hostileCall(t *testing.T, run *scenarioRun, call, param string, args map[string]any, value any) error {
	ctx := context.Background()
	if call == "client.new" {
		opts := run.clientOptions(nil)
		switch param {
		case "apiKey":
			opts = append(opts, WithAPIKey(value.(string)))
		case "baseUrl":
			opts = append(opts, WithBaseURL(value.(string)))
		case "maxRetries":
			opts = append(opts, WithMaxRetries(value.(int)))
		case "timeout":
			opts = append(opts, WithRequestTimeout(value.(time.Duration)))
		default:
			t.Fatalf("client.new %s", param)
		}
		return NewClient(opts...).Err()
	}
	merged := map[string]any{}
	for k, v := range args {
		merged[k] = v
	}
	switch call {
	case "invitations.waitForCompletion":
		id, _ := merged["invitationId"].(string)
		var wait WaitForCompletionParams
		switch param {
		case "invitationId":
			id = value.(string)
		case "timeout":
			wait.Timeout = value.(time.Duration)
		case "pollInterval":
			wait.PollInterval = value.(time.Duration)
		}
		_, err := run.sb.client().Invitations.WaitForCompletion(ctx, id, wait)
		return err
	case "webhooks.unwrap", "webhooks.sign":
		if d, ok := value.(time.Duration); ok {
			value = float64(d / time.Second)
		}
		merged[param] = value
		_, err := webhookCall(t, call, merged)
		return err
	}
	switch v := value.(type) {
	case int:
		merged[param] = float64(v)
	default:
		merged[param] = v
	}
	_, err := run.call(call, merged, map[string]any{})
	return err
}
