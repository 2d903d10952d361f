//! Environment fallbacks. One test in its own binary, because it changes the process environment.

use zavu_core::{Client, ClientOptions};
use zavu_sandbox::Sandbox;

#[tokio::test(flavor = "current_thread")]
async fn env_fallbacks() {
    // SAFETY: this test binary runs this single test on one thread; nothing else reads the
    // environment concurrently.
    unsafe {
        std::env::remove_var("ZAVUDEV_API_KEY");
        std::env::remove_var("ZAVUDEV_BASE_URL");
    }
    let missing = Client::new(ClientOptions::default()).unwrap_err();
    assert_eq!(missing.code(), "missing_api_key");
    let empty = Client::new(ClientOptions {
        api_key: Some(String::new()),
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(empty.code(), "missing_api_key");

    let sandbox = Sandbox::start().await.unwrap();
    // SAFETY: as above.
    unsafe {
        std::env::set_var("ZAVUDEV_API_KEY", sandbox.api_key());
        std::env::set_var("ZAVUDEV_BASE_URL", sandbox.base_url());
        std::env::set_var("ZAVUDEV_CUSTOM_HEADERS", "X-From-Env: yes\nX-Other: 2");
    }
    let zavu = Client::new(ClientOptions::default()).unwrap();
    assert_eq!(zavu.base_url(), sandbox.base_url());
    zavu.invitations().list(&Default::default()).await.unwrap();

    // SAFETY: as above.
    unsafe { std::env::set_var("ZAVUDEV_CUSTOM_HEADERS", "no colon here") };
    let bad = Client::new(ClientOptions::default()).unwrap_err();
    assert_eq!(bad.param(), Some("ZAVUDEV_CUSTOM_HEADERS"));
}
