// Command soakrunner is the fault soak's Go runner: the workload of tests/soak/spec.json on
// goroutines sharing one client. Run by tests/soak/soak.py (`go run -tags zavudev_dev
// ./internal/soakrunner`), which sets the sandbox's faults up and checks the record this writes;
// see that file for the environment and the counting rules. `host_cancelled_create` cancels the
// create's context after a random delay (often while core waits to retry after the server
// acted), then, every `retryEvery`-th time, creates again with the same Idempotency-Key.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"time"

	zavudev "github.com/zavudev/zavu-sdk-hub/bindings-go"
)

type spec struct {
	Soak struct {
		Client struct {
			TimeoutMs  int `json:"timeoutMs"`
			MaxRetries int `json:"maxRetries"`
		} `json:"client"`
		CallBoundMs int64    `json:"callBoundMs"`
		Ops         []string `json:"ops"`
		ListLimit   int      `json:"listLimit"`
		HostCancel  struct {
			MinMs      int `json:"minMs"`
			MaxMs      int `json:"maxMs"`
			RetryEvery int `json:"retryEvery"`
		} `json:"hostCancel"`
		Workers map[string]int `json:"workers"`
	} `json:"soak"`
}

type record struct {
	mu          sync.Mutex
	Calls       int               `json:"calls"`
	Hangs       int               `json:"hangs"`
	SlowestMs   int64             `json:"slowestMs"`
	Errors      map[string]int    `json:"errors"`
	Created     map[string]string `json:"created"`
	Failed      []string          `json:"failed"`
	Cancelled   []string          `json:"cancelled"`
	Retried     map[string]string `json:"retried"`
	RetryFailed []string          `json:"retryFailed"`
}

var (
	s   spec
	rec = record{Errors: map[string]int{}, Created: map[string]string{}, Retried: map[string]string{},
		Failed: []string{}, Cancelled: []string{}, RetryFailed: []string{}}
)

// call times one call and counts its error by code; f's error is returned as is.
func call(f func() error) error {
	started := time.Now()
	err := f()
	elapsed := time.Since(started).Milliseconds()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.Calls++
	rec.SlowestMs = max(rec.SlowestMs, elapsed)
	if elapsed > s.Soak.CallBoundMs {
		rec.Hangs++
	}
	var zerr *zavudev.Error
	if errors.As(err, &zerr) {
		rec.Errors[zerr.Code]++
	} else if err != nil {
		rec.Errors["non_sdk_error"]++
	}
	return err
}

func note(f func()) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	f()
}

func create(client *zavudev.Client, ctx context.Context, name string, opts ...zavudev.RequestOption) (string, error) {
	var id string
	err := call(func() error {
		inv, err := client.Invitations.Create(ctx, zavudev.InvitationCreateParams{ClientName: zavudev.String(name)}, opts...)
		if err == nil {
			id = inv.ID
		}
		return err
	})
	return id, err
}

func hostCancelledCreate(client *zavudev.Client, name string, retry bool) string {
	key := zavudev.WithIdempotencyKey("key-" + name)
	hc := s.Soak.HostCancel
	after := time.Duration(hc.MinMs+rand.IntN(hc.MaxMs-hc.MinMs+1)) * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), after)
	id, err := create(client, ctx, name, key)
	cancel()
	switch {
	case err == nil:
		note(func() { rec.Created[name] = id })
		return id
	case !errors.Is(err, context.DeadlineExceeded):
		note(func() { rec.Failed = append(rec.Failed, name) })
		return ""
	case !retry:
		note(func() { rec.Cancelled = append(rec.Cancelled, name) })
		return ""
	}
	id, err = create(client, context.Background(), name, key)
	if err != nil {
		note(func() { rec.RetryFailed = append(rec.RetryFailed, name) })
		return ""
	}
	note(func() { rec.Retried[name] = id })
	return id
}

func worker(client *zavudev.Client, label string, w int, deadline time.Time) {
	var mine []string
	cancelledCreates := 0
	ctx := context.Background()
	for i := 0; time.Now().Before(deadline); i++ {
		name := fmt.Sprintf("soak-%s-%d-%d", label, w, i)
		switch s.Soak.Ops[i%len(s.Soak.Ops)] {
		case "host_cancelled_create":
			cancelledCreates++
			if id := hostCancelledCreate(client, name, cancelledCreates%s.Soak.HostCancel.RetryEvery == 0); id != "" {
				mine = append(mine, id)
			}
		case "create":
			id, err := create(client, ctx, name)
			if err != nil {
				note(func() { rec.Failed = append(rec.Failed, name) })
			} else {
				note(func() { rec.Created[name] = id })
				mine = append(mine, id)
			}
		case "read":
			_ = call(func() error {
				if len(mine) > 0 {
					_, err := client.Invitations.Get(ctx, mine[len(mine)-1])
					return err
				}
				_, err := client.Invitations.List(ctx, zavudev.InvitationListParams{Limit: zavudev.Int(s.Soak.ListLimit)})
				return err
			})
		case "cancel":
			if len(mine) > 0 {
				id := mine[len(mine)-1]
				mine = mine[:len(mine)-1]
				_ = call(func() error { _, err := client.Invitations.Cancel(ctx, id); return err })
			}
		}
	}
}

func main() {
	raw, err := os.ReadFile(os.Getenv("ZAVU_SOAK_SPEC"))
	if err == nil {
		err = json.Unmarshal(raw, &s)
	}
	if err != nil {
		panic(err)
	}
	label := os.Getenv("ZAVU_SOAK_LABEL")
	seconds, err := strconv.ParseFloat(os.Getenv("ZAVU_SOAK_SECONDS"), 64)
	if err != nil {
		panic(err)
	}
	client := zavudev.NewClient(
		zavudev.WithAPIKey(os.Getenv("ZAVU_SOAK_API_KEY")),
		zavudev.WithBaseURL(os.Getenv("ZAVU_SOAK_BASE_URL")),
		zavudev.WithRequestTimeout(time.Duration(s.Soak.Client.TimeoutMs)*time.Millisecond),
		zavudev.WithMaxRetries(s.Soak.Client.MaxRetries),
	)
	deadline := time.Now().Add(time.Duration(seconds * float64(time.Second)))
	var wg sync.WaitGroup
	for w := range s.Soak.Workers[label] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(client, label, w, deadline)
		}()
	}
	wg.Wait()
	out, err := json.Marshal(&rec)
	if err == nil {
		err = os.WriteFile(os.Getenv("ZAVU_SOAK_RECORD"), out, 0o644)
	}
	if err != nil {
		panic(err)
	}
}
