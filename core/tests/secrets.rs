//! The API key and webhook secrets never appear in log lines (at any level, from any crate),
//! error messages, error bodies or `Debug` output, even when a server echoes them back.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use zavu_core::webhooks;
use zavu_core::{Client, ClientOptions, CreateInvitationParams, CreateWebhookParams};
use zavu_sandbox::Sandbox;

const KEY: &str = "zk_live_9f8e7d6c5b4a_never_show";
const SECRET: &str = "whsec_5ecret_never_show";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A server that answers 401 with the request's own Authorization header in the message.
async fn echoing_server() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let n = stream.read(&mut buf).await.unwrap_or(0);
                let request = String::from_utf8_lossy(&buf[..n]).to_string();
                let auth = request
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
                    .unwrap_or("")
                    .to_string();
                let body = serde_json::json!({"code": "unauthorized", "message": format!("bad key: {auth}")}).to_string();
                let response = format!(
                    "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: {}\r\nx-echo: {auth}\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
            });
        }
    });
    base
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_in_logs_errors_or_debug() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let mut texts: Vec<String> = Vec::new();

    // A server that echoes the key back, in the body and in a header.
    let base = echoing_server().await;
    let echo_client = Client::new(ClientOptions {
        api_key: Some(KEY.into()),
        base_url: Some(base),
        max_retries: Some(1),
        ..Default::default()
    })
    .unwrap();
    let error = echo_client.invitations().get("inv_1").await.unwrap_err();
    assert_eq!(error.code(), "unauthorized");
    texts.extend([
        error.to_string(),
        format!("{error:?}"),
        error.body().unwrap_or("").to_string(),
    ]);
    texts.push(format!("{echo_client:?}"));

    // A real flow against the sandbox, with retries, errors and a webhook secret.
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = Client::new(ClientOptions {
        api_key: Some(sandbox.api_key().into()),
        base_url: Some(sandbox.base_url().into()),
        timeout: Some(Duration::from_secs(5)),
        ..Default::default()
    })
    .unwrap();
    let webhook = zavu
        .invitations()
        .create_webhook(&CreateWebhookParams::new("https://example.com/hook"))
        .await
        .unwrap();
    texts.push(format!("{webhook:?}"));
    let secret = webhook.secret.clone().unwrap();
    let error = zavu
        .invitations()
        .create(&CreateInvitationParams {
            client_email: Some("nope".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    texts.push(error.to_string());
    let payload = br#"{"id":"evt","type":"x","timestamp":1,"data":{}}"#;
    for secret in [SECRET, secret.as_str()] {
        let header = webhooks::sign(payload, secret, 1);
        let stale = webhooks::verify(payload, &header, secret).unwrap_err();
        let wrong = webhooks::verify(b"{}", &header, secret).unwrap_err();
        texts.extend([stale.to_string(), format!("{stale:?}"), wrong.to_string()]);
    }
    let options = ClientOptions {
        api_key: Some(KEY.into()),
        ..Default::default()
    };
    texts.push(format!("{options:?}"));

    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).to_string();
    assert!(logs.lines().count() > 5, "expected trace logs, got: {logs}");
    for text in texts.iter().chain(std::iter::once(&logs)) {
        for needle in [
            KEY,
            "9f8e7d6c5b4a",
            SECRET,
            secret.as_str(),
            sandbox.api_key(),
        ] {
            assert!(!text.contains(needle), "{needle} leaked in: {text}");
        }
    }
}
