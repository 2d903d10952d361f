//! `runtime::block_on` for blocking hosts. With `Callers::One` the caller's thread drives a
//! current-thread runtime only during its calls; a connection the server closed between two calls
//! must still never carry the next one (the PHP extension runs every call this way).

mod support;

use std::time::Duration;

use zavu_core::runtime::{self, Callers};
use zavu_sandbox::{Sandbox, SandboxConfig};

#[test]
fn caller_driven_calls_never_reuse_a_connection_the_server_closed_while_idle() {
    // The server on a runtime of its own, as a real one would be elsewhere.
    let server = tokio::runtime::Runtime::new().unwrap();
    let sandbox = server
        .block_on(Sandbox::start_with(SandboxConfig {
            idle_timeout: Some(Duration::from_millis(200)),
            ..SandboxConfig::default()
        }))
        .unwrap();
    // No retries: a reused dead connection would fail the call instead of being retried away.
    let client = support::client(&sandbox, |options| options.max_retries = Some(0));
    let created = runtime::block_on(
        Callers::One,
        client.invitations().create(&Default::default()),
    )
    .unwrap();
    for pause in 0..4 {
        std::thread::sleep(Duration::from_millis(400));
        let got = runtime::block_on(Callers::One, client.invitations().get(&created.id))
            .unwrap_or_else(|error| panic!("call after idle pause {pause}: {error}"));
        assert_eq!(got.id, created.id);
        // And back to back on the connection just opened.
        runtime::block_on(Callers::One, client.invitations().get(&created.id)).unwrap();
    }
    // The shared runtime serves the same client shape (another process's choice; here, a new
    // client, since a pooled connection belongs to the runtime that opened it).
    let shared = support::client(&sandbox, |options| options.max_retries = Some(0));
    let got = runtime::block_on(Callers::Many, shared.invitations().get(&created.id)).unwrap();
    assert_eq!(got.id, created.id);
}
