//! The binding's runtime contract, checked from Rust: objects are dropped on threads that are
//! not runtime threads (Kotlin's cleaner thread, Swift's releasing thread) without a panic, and
//! calls made from a foreign executor (no tokio context) run on core's shared runtime.

use std::sync::Arc;

use zavu_sandbox::Sandbox;
use zavu_uniffi::{ClientOptions, ListInvitationsParams, ZavuClient};

/// A sandbox on its own runtime thread, so the test thread stays outside any runtime, as a
/// JVM or Swift thread is.
fn start_sandbox() -> (Sandbox, tokio::runtime::Runtime) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("test runtime");
    let sandbox = rt.block_on(Sandbox::start()).expect("sandbox starts");
    (sandbox, rt)
}

fn client(sandbox: &Sandbox) -> Arc<ZavuClient> {
    ZavuClient::new(ClientOptions {
        api_key: Some(sandbox.api_key().to_string()),
        base_url: Some(sandbox.base_url().to_string()),
        ..Default::default()
    })
    .expect("client builds")
}

/// Polls an exported future the way uniffi does from Kotlin or Swift: on a plain thread with no
/// tokio runtime entered (`futures::executor` would do too; this keeps the dev-deps small).
fn poll_outside_runtime<F: std::future::Future>(future: F) -> F::Output {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("executor");
    // A current-thread runtime without `enable_all` has no IO or timer driver: anything that
    // needed them would fail here, so the call must really run on core's shared runtime.
    rt.block_on(future)
}

#[test]
fn client_drops_outside_the_runtime() {
    let (sandbox, rt) = start_sandbox();
    let zavu = client(&sandbox);
    let invitations = zavu.invitations();
    // A real request, so the pool holds a live connection when the client goes away.
    let page = poll_outside_runtime(invitations.list(ListInvitationsParams::default()))
        .expect("list works");
    assert!(page.items().is_empty());
    let pager = page.iterator();

    // Drop every object on a fresh plain thread, like the JVM's cleaner thread.
    let dropper = std::thread::spawn(move || {
        drop(pager);
        drop(page);
        drop(invitations);
        drop(zavu);
    });
    assert!(
        dropper.join().is_ok(),
        "dropping the client outside the runtime panicked"
    );
    rt.block_on(sandbox.shutdown());
}

#[test]
fn client_drops_inside_a_runtime_worker() {
    let (sandbox, rt) = start_sandbox();
    let zavu = client(&sandbox);
    poll_outside_runtime(zavu.invitations().list(ListInvitationsParams::default()))
        .expect("list works");
    // Dropped from inside async code on a runtime worker (a Rust caller's own runtime).
    let dropped = rt.block_on(async move { tokio::spawn(async move { drop(zavu) }).await });
    assert!(
        dropped.is_ok(),
        "dropping the client on a runtime worker panicked"
    );
    rt.block_on(sandbox.shutdown());
}

#[test]
fn errors_convert_once_with_every_field() {
    let (sandbox, rt) = start_sandbox();
    let zavu = client(&sandbox);
    let error = poll_outside_runtime(zavu.invitations().get("inv_missing".into()))
        .expect_err("an unknown invitation is an error");
    assert!(matches!(error, zavu_uniffi::ZavuError::NotFound { .. }));
    assert_eq!(error.code(), "not_found");
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.kind(), zavu_uniffi::ErrorKind::NotFound);
    assert_eq!(error.kind_name(), "not_found");
    assert_eq!(error.class_name(), "NotFoundError");
    assert!(error.is_a("APIStatusError".into()) && error.is_a("ZavuError".into()));
    assert!(!error.is_a("APIConnectionError".into()));
    // The text is core's own rendering, carried across.
    assert_eq!(
        error.to_string(),
        "not_found: Invitation not found (HTTP 404)"
    );
    assert!(error.request_id().is_some());
    drop(zavu);
    rt.block_on(sandbox.shutdown());
}

#[test]
fn known_codes_are_cores() {
    let codes = zavu_uniffi::known_error_codes();
    assert_eq!(codes, zavu_core::KNOWN_CODES);
}

#[test]
fn host_numbers_are_refused_naming_the_parameter() {
    for options in [
        ClientOptions {
            max_retries: Some(-1),
            ..Default::default()
        },
        ClientOptions {
            timeout: Some(-1),
            ..Default::default()
        },
        ClientOptions {
            timeout: Some(i64::MAX),
            ..Default::default()
        },
    ] {
        let wanted = if options.max_retries.is_some() {
            "maxRetries"
        } else {
            "timeout"
        };
        let options = ClientOptions {
            api_key: Some("zk_test".into()),
            base_url: Some("http://127.0.0.1:9".into()),
            ..options
        };
        let Err(error) = ZavuClient::new(options) else {
            panic!("{wanted} was accepted");
        };
        assert!(matches!(
            error,
            zavu_uniffi::ZavuError::InvalidRequest { .. }
        ));
        assert_eq!(error.param().as_deref(), Some(wanted));
    }
}
