//! Helpers shared by core's integration tests.
#![allow(dead_code)]

use serde_json::Value;
use zavu_core::{Client, ClientOptions};
use zavu_sandbox::Sandbox;

/// Calls a sandbox control endpoint and returns its JSON answer; a non-2xx answer fails the test.
pub async fn control(sandbox: &Sandbox, method: &str, path: &str, body: Value) -> Value {
    let response = reqwest::Client::new()
        .request(
            method.parse().unwrap(),
            format!("{}{path}", sandbox.base_url()),
        )
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(status.is_success(), "{method} {path}: {status} {text}");
    serde_json::from_str(&text).unwrap()
}

/// A client of the sandbox's default team, with `tweak` applied to its options.
pub fn client(sandbox: &Sandbox, tweak: impl FnOnce(&mut ClientOptions)) -> Client {
    let mut options = ClientOptions {
        api_key: Some(sandbox.api_key().to_string()),
        base_url: Some(sandbox.base_url().to_string()),
        binding: Some("rust-test".into()),
        ..Default::default()
    };
    tweak(&mut options);
    Client::new(options).unwrap()
}
