// Runs one benchmark workload in Go and prints one JSON line {"rate": calls per second}:
//
//	go-bench --sdk ours|bare --workload get|list|get64 --base-url URL [--seconds S]
//
// `ours` is the zavudev package (the Rust core through zavu-c and cgo); `bare` is what a Go
// program does with no SDK: net/http and encoding/json, one http.Client with enough idle
// connections for 64 goroutines, the body decoded into a struct with the invitation's fields.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	zavudev "github.com/zavudev/zavu-sdk-hub/bindings-go"
)

const (
	invitationID = "inv_bench_0001"
	apiKey       = "zk_bench_key"
	warmup       = 500 * time.Millisecond
)

type invitation struct {
	ID                    string            `json:"id"`
	Token                 string            `json:"token"`
	URL                   string            `json:"url"`
	Status                string            `json:"status"`
	CreatedAt             time.Time         `json:"createdAt"`
	UpdatedAt             time.Time         `json:"updatedAt"`
	ExpiresAt             time.Time         `json:"expiresAt"`
	ClientName            string            `json:"clientName"`
	ClientEmail           string            `json:"clientEmail"`
	ClientPhone           string            `json:"clientPhone"`
	PhoneNumberID         string            `json:"phoneNumberId"`
	SenderID              string            `json:"senderId"`
	ConnectionType        string            `json:"connectionType"`
	AllowedPhoneCountries []string          `json:"allowedPhoneCountries"`
	ConnectedAccount      map[string]string `json:"connectedAccount"`
	ViewedAt              time.Time         `json:"viewedAt"`
	StartedAt             time.Time         `json:"startedAt"`
	CompletedAt           time.Time         `json:"completedAt"`
	FailedAt              time.Time         `json:"failedAt"`
	FailureReason         string            `json:"failureReason"`
}

type bare struct {
	client *http.Client
	base   string
}

func (b *bare) getJSON(path string, into any) error {
	req, err := http.NewRequest(http.MethodGet, b.base+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := b.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(into)
}

func main() {
	sdk := flag.String("sdk", "ours", "ours or bare")
	workload := flag.String("workload", "get", "get, list or get64")
	baseURL := flag.String("base-url", "", "the canned API")
	seconds := flag.Float64("seconds", 10, "how long to count")
	flag.Parse()

	ctx := context.Background()
	var call func() (int, error)
	switch *sdk {
	case "ours":
		client := zavudev.NewClient(zavudev.WithAPIKey(apiKey), zavudev.WithBaseURL(*baseURL))
		if *workload == "list" {
			call = func() (int, error) {
				page, err := client.Invitations.List(ctx, zavudev.InvitationListParams{})
				if err != nil {
					return 0, err
				}
				return len(page.Items), nil
			}
		} else {
			call = func() (int, error) {
				inv, err := client.Invitations.Get(ctx, invitationID)
				if err != nil {
					return 0, err
				}
				return len(inv.ID), nil
			}
		}
	case "bare":
		transport := http.DefaultTransport.(*http.Transport).Clone()
		transport.MaxIdleConnsPerHost = 64
		b := &bare{client: &http.Client{Transport: transport, Timeout: 60 * time.Second}, base: *baseURL}
		if *workload == "list" {
			call = func() (int, error) {
				var page struct {
					Items      []invitation `json:"items"`
					NextCursor *string      `json:"nextCursor"`
				}
				err := b.getJSON("/v1/invitations", &page)
				return len(page.Items), err
			}
		} else {
			call = func() (int, error) {
				var envelope struct {
					Invitation invitation `json:"invitation"`
				}
				err := b.getJSON("/v1/invitations/"+invitationID, &envelope)
				return len(envelope.Invitation.ID), err
			}
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown --sdk", *sdk)
		os.Exit(2)
	}

	workers := 1
	if *workload == "get64" {
		workers = 64
	}
	var counting atomic.Bool
	var count atomic.Int64
	var failed atomic.Value
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if n, err := call(); err != nil || n == 0 {
					failed.Store(fmt.Sprint("call failed: ", err))
					return
				}
				if counting.Load() {
					count.Add(1)
				}
			}
		}()
	}
	time.Sleep(warmup)
	cpuStart := cpuSeconds()
	counting.Store(true)
	started := time.Now()
	time.Sleep(time.Duration(*seconds * float64(time.Second)))
	counting.Store(false)
	elapsed := time.Since(started)
	cpu := cpuSeconds() - cpuStart
	close(stop)
	wg.Wait()
	if why := failed.Load(); why != nil {
		fmt.Fprintln(os.Stderr, why)
		os.Exit(1)
	}
	fmt.Printf("{\"rate\": %f, \"calls\": %d, \"cpu_s\": %f}\n",
		float64(count.Load())/elapsed.Seconds(), count.Load(), cpu)
}

// cpuSeconds is the process's user + system CPU time so far, every thread included.
func cpuSeconds() float64 {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano()).Seconds()
}
