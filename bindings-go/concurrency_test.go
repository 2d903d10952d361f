//go:build zavudev_dev

package zavudev

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

func TestManyGoroutinesShareOneClient(t *testing.T) {
	sb := startSandbox(t)
	// The sandbox enforces the API's rate limits, which core waits out: lift them here, where
	// the point is many goroutines at once, not the limits.
	sb.must(t, "POST", "/sandbox/settings", map[string]any{"rateLimits": false})
	client := sb.client()
	ctx := context.Background()
	const workers, each = 32, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	ids := make(chan string, workers*each)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				name := fmt.Sprintf("client %d-%d", w, i)
				inv, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String(name)})
				if err != nil {
					errs <- err
					continue
				}
				got, err := client.Invitations.Get(ctx, inv.ID)
				if err != nil || got.ClientName != name {
					errs <- fmt.Errorf("get %s: %v %v", inv.ID, got, err)
					continue
				}
				ids <- inv.ID
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	close(ids)
	for err := range errs {
		t.Fatal(err)
	}
	unique := map[string]bool{}
	for id := range ids {
		unique[id] = true
	}
	if len(unique) != workers*each {
		t.Fatalf("%d distinct invitations, want %d", len(unique), workers*each)
	}
	n := 0
	for _, err := range client.Invitations.ListAll(ctx, InvitationListParams{Limit: Int(100)}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != workers*each {
		t.Fatalf("listed %d", n)
	}
}

func TestContextCancellationEndsACallInFlight(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client(WithMaxRetries(0))
	sb.fault(t, map[string]any{"method": "GET", "path": "/v1/invitations", "count": 10,
		"fault": map[string]any{"kind": "delay", "ms": 5000}})

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	started := time.Now()
	_, err := client.Invitations.List(ctx, InvitationListParams{})
	elapsed := time.Since(started)
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != "cancelled" {
		t.Fatalf("%v", err)
	}
	if !errors.Is(err, context.Canceled) || !errors.Is(err, APIUserAbortError) || !errors.Is(err, RequestCancelledError) {
		t.Fatalf("errors.Is fails: %v", err)
	}
	if elapsed < 150*time.Millisecond || elapsed > 3*time.Second {
		t.Fatalf("took %v", elapsed)
	}

	// A deadline does the same, and reports DeadlineExceeded.
	ctx, stop := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer stop()
	started = time.Now()
	_, err = client.Invitations.List(ctx, InvitationListParams{})
	if !errors.As(err, &apiErr) || apiErr.Code != "cancelled" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%v", err)
	}
	if time.Since(started) > 3*time.Second {
		t.Fatalf("deadline took %v", time.Since(started))
	}

	// An already-cancelled context sends nothing.
	done, cancelNow := context.WithCancel(context.Background())
	cancelNow()
	before := sb.requestCount(t)
	if _, err := client.Invitations.Create(done, InvitationCreateParams{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("%v", err)
	}
	if after := sb.requestCount(t); after != before {
		t.Fatal("a cancelled context sent a request")
	}

	// WaitForCompletion and walks end with their context too.
	inv, err := sb.client().Invitations.Create(context.Background(), InvitationCreateParams{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer stop()
	_, err = client.Invitations.WaitForCompletion(ctx, inv.ID, WaitForCompletionParams{PollInterval: 50 * time.Millisecond})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait: %v", err)
	}
	ctx, stop = context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer stop()
	for _, err := range client.Invitations.ListAll(ctx, InvitationListParams{}) {
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("walk: %v", err)
		}
	}
	// The client still works after cancellations.
	if _, err := client.Invitations.Get(context.Background(), inv.ID); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentCancellation(t *testing.T) {
	sb := startSandbox(t)
	client := sb.client(WithMaxRetries(0))
	sb.fault(t, map[string]any{"method": "GET", "path": "/v1/invitations", "count": 1000,
		"fault": map[string]any{"kind": "delay", "ms": 10000}})
	var wg sync.WaitGroup
	started := time.Now()
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(100+10*i)*time.Millisecond)
			defer cancel()
			if _, err := client.Invitations.List(ctx, InvitationListParams{}); !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%d: %v", i, err)
			}
		}(i)
	}
	wg.Wait()
	if time.Since(started) > 5*time.Second {
		t.Fatalf("took %v", time.Since(started))
	}
}

func TestNoGoroutineOrNativeLeaks(t *testing.T) {
	sb := startSandbox(t)
	settle := func() (int, int64) {
		for i := 0; i < 20; i++ {
			runtime.GC()
			time.Sleep(20 * time.Millisecond)
		}
		return runtime.NumGoroutine(), liveNativeObjects()
	}
	work := func() {
		client := sb.client()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		inv, err := client.Invitations.Create(ctx, InvitationCreateParams{ClientName: String("Leak")})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = client.Invitations.Get(ctx, inv.ID)
		_, _ = client.Invitations.Get(ctx, "inv_missing")
		_, _ = client.Invitations.List(context.Background(), InvitationListParams{Limit: Int(1)})
		for range client.Invitations.ListAll(ctx, InvitationListParams{Limit: Int(1)}) {
		}
		for range client.Invitations.ListAll(ctx, InvitationListParams{Limit: Int(1)}) {
			break
		}
		pager := client.Invitations.ListAutoPaging(ctx, InvitationListParams{Limit: Int(1)})
		pager.Next()
		_ = pager.Close()
		abandoned := client.Invitations.ListAutoPaging(ctx, InvitationListParams{Limit: Int(1)})
		abandoned.Next() // never finished: its cleanup frees it
		short, stop := context.WithTimeout(context.Background(), 50*time.Millisecond)
		_, _ = client.Invitations.WaitForCompletion(short, inv.ID, WaitForCompletionParams{PollInterval: 10 * time.Millisecond})
		stop()
		_ = Webhooks.Verify([]byte("{}"), nil, "whsec_x")
		_ = NewClient(WithMaxRetries(-1)).Err()
		_ = KnownCodes()
	}
	work() // warm up: the runtime's pools and threads
	goroutines, objects := settle()
	for i := 0; i < 5; i++ {
		work()
	}
	afterGoroutines, afterObjects := settle()
	if afterGoroutines > goroutines {
		t.Fatalf("goroutines: %d before, %d after", goroutines, afterGoroutines)
	}
	if afterObjects != objects {
		t.Fatalf("native objects: %d before, %d after", objects, afterObjects)
	}
	if objects != 0 {
		t.Fatalf("%d native objects alive with no client in use", objects)
	}
}
