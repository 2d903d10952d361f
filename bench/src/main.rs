//! `zavu-bench`: runs one workload of `bench/README.md` with zavu-core against a canned API
//! and prints one JSON object, like the Python and Node workload scripts do.
//!
//! ```text
//! zavu-bench WORKLOAD --base-url URL [--seconds S] [--concurrency N] [--runtime multi|current]
//! ```
//!
//! `--runtime` picks tokio's multi-thread runtime (`#[tokio::main]`'s default, the default here)
//! or a current-thread one, where the caller and the connection's task share one thread.
//!
//! Workloads: `get`, `create`, `list` (one page), `get64` (N concurrent gets on one client),
//! `get-reqwest`, `get-hyper-pool` and `get-hyper` (the same get with bare reqwest, a bare
//! hyper-util pooled client, and one bare hyper connection: what the SDK is built on),
//! `walk` (every item of a paged list, reporting resident memory before and at peak).
//!
//! For profilers (`bench/profile.sh`): `zavu-bench parse-page FILE [N]` (the list page parsed
//! N times with no network) and `zavu-bench list-calls --base-url URL [N]` (N whole list calls
//! on a current-thread runtime).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use zavu_core::{
    Client, ClientOptions, CreateInvitationParams, InvitationStatus, ListInvitationsParams,
};

/// The id every canned response answers for; any id would do.
const INVITATION_ID: &str = "inv_bench_0001";
/// Calls made before the clock starts, so connection setup and lazy statics are not timed.
const WARMUP: Duration = Duration::from_millis(500);

struct Args {
    workload: String,
    base_url: String,
    seconds: f64,
    concurrency: usize,
    current_thread: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let workload = args
        .next()
        .ok_or("usage: zavu-bench WORKLOAD --base-url URL [--seconds S] [--concurrency N]")?;
    let mut parsed = Args {
        workload,
        base_url: String::new(),
        seconds: 10.0,
        concurrency: 64,
        current_thread: false,
    };
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--base-url" => parsed.base_url = value,
            "--seconds" => parsed.seconds = value.parse().map_err(|_| "--seconds: a number")?,
            "--concurrency" => {
                parsed.concurrency = value.parse().map_err(|_| "--concurrency: a number")?
            }
            "--runtime" => {
                parsed.current_thread = match value.as_str() {
                    "current" => true,
                    "multi" => false,
                    _ => return Err("--runtime: multi or current".into()),
                }
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if parsed.base_url.is_empty() {
        return Err("--base-url is required".into());
    }
    Ok(parsed)
}

/// A field of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`).
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the kernel's peak-RSS mark (`VmHWM`) to the current RSS, so the peak of one phase can
/// be read. Linux only; harmless where refused.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// CPU time (user + system, every thread) of the last timed phase, in nanoseconds.
static TIMED_CPU_NS: AtomicU64 = AtomicU64::new(0);

/// The process's CPU time so far: user + system of every thread.
fn cpu_ns() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) } != 0 {
        return 0;
    }
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

/// Runs `call` back to back for the warm-up, then for `seconds`, and returns calls per second.
async fn sequential<F, Fut>(seconds: f64, mut call: F) -> Result<(u64, f64), zavu_core::Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), zavu_core::Error>>,
{
    let warm_until = Instant::now() + WARMUP;
    while Instant::now() < warm_until {
        call().await?;
    }
    let start = Instant::now();
    let cpu = cpu_ns();
    let until = start + Duration::from_secs_f64(seconds);
    let mut calls = 0u64;
    while Instant::now() < until {
        call().await?;
        calls += 1;
    }
    TIMED_CPU_NS.store(cpu_ns() - cpu, Ordering::Relaxed);
    Ok((calls, start.elapsed().as_secs_f64()))
}

/// `concurrency` tasks calling `get` on one client until the time is up.
async fn concurrent_gets(
    client: &Client,
    seconds: f64,
    concurrency: usize,
) -> Result<(u64, f64), zavu_core::Error> {
    let run = |duration: Duration| {
        let stop = Arc::new(AtomicBool::new(false));
        let calls = Arc::new(AtomicU64::new(0));
        let tasks: Vec<_> = (0..concurrency)
            .map(|_| {
                let client = client.clone();
                let stop = Arc::clone(&stop);
                let calls = Arc::clone(&calls);
                tokio::spawn(async move {
                    while !stop.load(Ordering::Relaxed) {
                        client.invitations().get(INVITATION_ID).await?;
                        calls.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok::<(), zavu_core::Error>(())
                })
            })
            .collect();
        async move {
            let start = Instant::now();
            let cpu = cpu_ns();
            tokio::time::sleep(duration).await;
            let done = calls.load(Ordering::Relaxed);
            let elapsed = start.elapsed().as_secs_f64();
            TIMED_CPU_NS.store(cpu_ns() - cpu, Ordering::Relaxed);
            stop.store(true, Ordering::Relaxed);
            for task in tasks {
                task.await.expect("a benchmark task panicked")?;
            }
            Ok::<_, zavu_core::Error>((done, elapsed))
        }
    };
    run(WARMUP).await?;
    run(Duration::from_secs_f64(seconds)).await
}

async fn run(args: Args) -> Result<serde_json::Value, zavu_core::Error> {
    let client = Client::new(ClientOptions {
        api_key: Some("zk_bench_key".into()),
        base_url: Some(args.base_url.clone()),
        binding: Some("bench".into()),
        ..Default::default()
    })?;
    let (calls, elapsed) = match args.workload.as_str() {
        "get" => {
            sequential(args.seconds, || async {
                client.invitations().get(INVITATION_ID).await.map(drop)
            })
            .await?
        }
        "create" => {
            let params = CreateInvitationParams {
                client_name: Some("Acme Corp".into()),
                client_email: Some("owner@acme.example".into()),
                expires_in_days: Some(7),
                ..Default::default()
            };
            sequential(args.seconds, || async {
                client.invitations().create(&params).await.map(drop)
            })
            .await?
        }
        "list" => {
            let params = ListInvitationsParams::default();
            sequential(args.seconds, || async {
                let page = client.invitations().list(&params).await?;
                assert!(!page.items.is_empty(), "the canned list page is empty");
                Ok(())
            })
            .await?
        }
        "get-reqwest" => {
            let http = reqwest::Client::new();
            let url = format!("{}/v1/invitations/{INVITATION_ID}", args.base_url);
            sequential(args.seconds, || async {
                let response = http
                    .get(&url)
                    .bearer_auth("zk_bench_key")
                    .send()
                    .await
                    .map_err(baseline_error)?;
                let body = response.bytes().await.map_err(baseline_error)?;
                let _: serde_json::Value = serde_json::from_slice(&body).map_err(baseline_error)?;
                Ok(())
            })
            .await?
        }
        "get-hyper" => get_hyper(&args).await?,
        "get-hyper-pool" => {
            use http_body_util::Empty;
            let pool =
                hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                    .build_http::<Empty<bytes::Bytes>>();
            let uri: hyper::Uri = format!("{}/v1/invitations/{INVITATION_ID}", args.base_url)
                .parse()
                .map_err(baseline_error)?;
            sequential(args.seconds, || async {
                let request = hyper::Request::get(uri.clone())
                    .header("authorization", "Bearer zk_bench_key")
                    .body(Empty::new())
                    .expect("a valid request");
                read_json(pool.request(request).await.map_err(baseline_error)?).await
            })
            .await?
        }
        "get64" => concurrent_gets(&client, args.seconds, args.concurrency).await?,
        "walk" => return walk(&client).await,
        other => {
            return Err(zavu_core::Error::invalid_param(
                "workload",
                format!("unknown workload {other}"),
            ));
        }
    };
    Ok(json!({
        "workload": args.workload,
        "calls": calls,
        "seconds": elapsed,
        "rate": calls as f64 / elapsed,
        "cpu_s": TIMED_CPU_NS.load(Ordering::Relaxed) as f64 / 1e9,
    }))
}

fn baseline_error(error: impl std::fmt::Display) -> zavu_core::Error {
    zavu_core::Error::new("connection_error", error.to_string())
}

/// Reads a hyper response's whole body and parses it, as the SDK does with every answer.
async fn read_json(
    response: hyper::Response<hyper::body::Incoming>,
) -> Result<(), zavu_core::Error> {
    use http_body_util::BodyExt;
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(baseline_error)?
        .to_bytes();
    let _: serde_json::Value = serde_json::from_slice(&body).map_err(baseline_error)?;
    Ok(())
}

/// The floor of a Rust HTTP/1 client: one hyper connection, requests sent in turn on it, the
/// body read and parsed; no pool, no URL parsing, no timeout, no retries.
async fn get_hyper(args: &Args) -> Result<(u64, f64), zavu_core::Error> {
    use http_body_util::Empty;
    let authority = args
        .base_url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let stream = tokio::net::TcpStream::connect(&authority)
        .await
        .map_err(baseline_error)?;
    stream.set_nodelay(true).map_err(baseline_error)?;
    let (sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(baseline_error)?;
    tokio::spawn(connection);
    let path = format!("/v1/invitations/{INVITATION_ID}");
    // The connection is taken by each call and put back, since a call's future must own it.
    let slot = std::rc::Rc::new(std::cell::RefCell::new(Some(sender)));
    let (authority, path) = (&authority, &path);
    sequential(args.seconds, || {
        let slot = std::rc::Rc::clone(&slot);
        async move {
            let mut sender = slot.borrow_mut().take().expect("one call at a time");
            sender.ready().await.map_err(baseline_error)?;
            let request = hyper::Request::get(path.as_str())
                .header("host", authority.as_str())
                .header("authorization", "Bearer zk_bench_key")
                .body(Empty::<bytes::Bytes>::new())
                .expect("a valid request");
            read_json(sender.send_request(request).await.map_err(baseline_error)?).await?;
            *slot.borrow_mut() = Some(sender);
            Ok(())
        }
    })
    .await
}

/// Walks every `pending` invitation through the all-pages stream (the canned server pages
/// those), keeping none, and reports resident memory before and at peak.
async fn walk(client: &Client) -> Result<serde_json::Value, zavu_core::Error> {
    let params = ListInvitationsParams {
        status: Some(InvitationStatus::Pending),
        ..Default::default()
    };
    let rss_before = proc_status_kib("VmRSS:");
    reset_peak_rss();
    let start = Instant::now();
    let mut pager = client.invitations().list_all(&params).await?;
    let mut items = 0u64;
    let mut id_bytes = 0usize;
    while let Some(invitation) = pager.next_item().await? {
        items += 1;
        id_bytes += invitation.id.len();
    }
    let elapsed = start.elapsed().as_secs_f64();
    Ok(json!({
        "workload": "walk",
        "items": items,
        "id_bytes": id_bytes,
        "seconds": elapsed,
        "rss_before_kib": rss_before,
        "rss_peak_kib": proc_status_kib("VmHWM:"),
        "rss_after_kib": proc_status_kib("VmRSS:"),
    }))
}

/// `zavu-bench parse-page FILE ITERATIONS`: parses a saved list page the way the client does,
/// with no network, for profilers (`valgrind --tool=callgrind`: instruction counts are stable
/// on a busy machine where times are not). Prints microseconds per parse, and the same page
/// read as a `serde_json::Value` and skipped with `IgnoredAny`, as yardsticks. Each step is its
/// own function, never inlined, so `bench/profile.sh` reads each one's inclusive count.
fn parse_page(file: &str, iterations: u32) -> std::process::ExitCode {
    let body = std::fs::read(file).expect("the page file");
    let time = |step: fn(&[u8])| {
        let start = Instant::now();
        for _ in 0..iterations {
            step(&body);
        }
        start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations.max(1))
    };
    let typed = time(profile_typed_page);
    let value = time(profile_value_page);
    let skipped = time(profile_ignored_page);
    // What the Node binding adds: the typed page back to its wire JSON text.
    let page: zavu_core::PageData<zavu_core::Invitation> =
        serde_json::from_slice(&body).expect("a page");
    let start = Instant::now();
    for _ in 0..iterations {
        profile_serialize_page(&page);
    }
    let serialized = start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations.max(1));
    // What the Ruby and PHP bindings add: each typed item to a `serde_json::Value`.
    let start = Instant::now();
    for _ in 0..iterations {
        profile_to_value_page(&page);
    }
    let to_value = start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations.max(1));
    println!(
        "{}",
        json!({"typed_us": typed, "value_us": value, "ignored_us": skipped,
               "serialize_us": serialized, "to_value_us": to_value})
    );
    std::process::ExitCode::SUCCESS
}

/// The page as the client reads a body: one UTF-8 check, then the typed parse.
#[inline(never)]
fn profile_typed_page(body: &[u8]) {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let page: zavu_core::PageData<zavu_core::Invitation> =
        serde_json::from_str(text).expect("a page");
    std::hint::black_box(page);
}

#[inline(never)]
fn profile_value_page(body: &[u8]) {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let page: serde_json::Value = serde_json::from_str(text).expect("JSON");
    std::hint::black_box(page);
}

#[inline(never)]
fn profile_ignored_page(body: &[u8]) {
    let text = std::str::from_utf8(body).expect("UTF-8");
    let page: serde::de::IgnoredAny = serde_json::from_str(text).expect("JSON");
    std::hint::black_box(page);
}

#[inline(never)]
fn profile_serialize_page(page: &zavu_core::PageData<zavu_core::Invitation>) {
    std::hint::black_box(serde_json::to_string(page).expect("JSON"));
}

#[inline(never)]
fn profile_to_value_page(page: &zavu_core::PageData<zavu_core::Invitation>) {
    let items: Vec<serde_json::Value> = page
        .items
        .iter()
        .map(|item| serde_json::to_value(item).expect("JSON"))
        .collect();
    std::hint::black_box(items);
}

/// `zavu-bench list-calls --base-url URL CALLS`: CALLS list calls (one 50-item page each) on a
/// current-thread runtime after a few untimed ones, for profilers. The counted calls sit between
/// two calls of [`profile_mark`], so `valgrind --tool=callgrind --dump-before=*profile_mark`
/// writes them as a part of their own, with the connection's task and the runtime's polling
/// that an inclusive count of the calling future would miss (`bench/profile.sh`).
fn list_calls(base_url: &str, calls: u32) -> std::process::ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let result = runtime.block_on(async {
        let client = Client::new(ClientOptions {
            api_key: Some("zk_bench_key".into()),
            base_url: Some(base_url.to_string()),
            binding: Some("bench".into()),
            ..Default::default()
        })?;
        let params = ListInvitationsParams::default();
        // Connection set up, lazy statics initialised: not counted.
        for _ in 0..3 {
            client.invitations().list(&params).await?;
        }
        profile_mark(0);
        let start = Instant::now();
        for _ in 0..calls {
            let page = client.invitations().list(&params).await?;
            assert!(!page.items.is_empty(), "the canned list page is empty");
        }
        let elapsed = start.elapsed();
        profile_mark(1);
        Ok::<_, zavu_core::Error>(elapsed.as_secs_f64() * 1e6 / f64::from(calls.max(1)))
    });
    match result {
        Ok(us) => {
            println!(
                "{}",
                json!({"workload": "list-calls", "calls": calls, "us_per_call": us})
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("zavu-bench: {} ({})", error, error.code());
            std::process::ExitCode::FAILURE
        }
    }
}

/// Where callgrind starts a new part of its output (`--dump-before=*profile_mark`).
#[inline(never)]
fn profile_mark(n: u32) {
    std::hint::black_box(n);
}

fn main() -> std::process::ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("parse-page") {
        let iterations = argv.get(3).and_then(|n| n.parse().ok()).unwrap_or(1000);
        return parse_page(argv.get(2).map_or("page.json", String::as_str), iterations);
    }
    if argv.get(1).map(String::as_str) == Some("list-calls") {
        let (Some("--base-url"), Some(url)) = (argv.get(2).map(String::as_str), argv.get(3)) else {
            eprintln!("usage: zavu-bench list-calls --base-url URL [CALLS]");
            return std::process::ExitCode::from(2);
        };
        let calls = argv.get(4).and_then(|n| n.parse().ok()).unwrap_or(200);
        return list_calls(url, calls);
    }
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("zavu-bench: {message}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut builder = if args.current_thread {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    let runtime = builder.enable_all().build().expect("a tokio runtime");
    match runtime.block_on(run(args)) {
        Ok(result) => {
            println!("{result}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("zavu-bench: {} ({})", error, error.code());
            std::process::ExitCode::FAILURE
        }
    }
}
