//! Servers that misbehave on purpose: never answering, answering one byte a second, cutting a
//! body short, sending invalid UTF-8 or an endless body. Each ends with a clear error code, in
//! bounded time and memory.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zavu_core::{Client, ClientOptions};

/// A one-shot-per-connection server whose behaviour is `respond`.
async fn serve<F, Fut>(respond: F) -> String
where
    F: Fn(tokio::net::TcpStream) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let respond = std::sync::Arc::new(respond);
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let respond = std::sync::Arc::clone(&respond);
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf).await;
                respond(stream).await;
            });
        }
    });
    base
}

fn client(base: &str, timeout_ms: u64) -> Client {
    Client::new(ClientOptions {
        api_key: Some("zk_test_hostile".into()),
        base_url: Some(base.into()),
        timeout: Some(Duration::from_millis(timeout_ms)),
        max_retries: Some(0),
        max_response_bytes: Some(64 * 1024),
        ..Default::default()
    })
    .unwrap()
}

async fn error_of(base: &str, timeout_ms: u64) -> (zavu_core::Error, Duration) {
    let started = Instant::now();
    let error = client(base, timeout_ms)
        .invitations()
        .get("inv_1")
        .await
        .unwrap_err();
    (error, started.elapsed())
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let base = serve(|stream| async move {
        tokio::time::sleep(Duration::from_secs(60)).await;
        drop(stream);
    })
    .await;
    let (error, elapsed) = error_of(&base, 300).await;
    assert_eq!(error.code(), "timeout");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn a_server_answering_one_byte_a_second_times_out() {
    let base = serve(|mut stream| async move {
        let body = br#"{"invitation":{"id":"inv_1"}}"#;
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes()).await;
        for byte in body {
            if stream.write_all(&[*byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
    .await;
    let (error, elapsed) = error_of(&base, 500).await;
    assert_eq!(error.code(), "timeout");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
}

#[tokio::test]
async fn a_truncated_body_is_a_connection_error() {
    let base = serve(|mut stream| async move {
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"invitation\":")
            .await;
        // Closing now leaves the promised body 486 bytes short.
    })
    .await;
    let (error, _) = error_of(&base, 2000).await;
    assert_eq!(error.code(), "connection_error", "{error}");
}

#[tokio::test]
async fn invalid_utf8_and_garbage_bodies_are_invalid_response() {
    let base = serve(|mut stream| async move {
        let body: &[u8] = b"\xff\xfe\xfd not json";
        let head = format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n", body.len());
        let _ = stream.write_all(head.as_bytes()).await;
        let _ = stream.write_all(body).await;
    })
    .await;
    let (error, _) = error_of(&base, 2000).await;
    assert_eq!(error.code(), "invalid_response");
}

#[tokio::test]
async fn an_endless_body_stops_at_the_cap() {
    let base = serve(|mut stream| async move {
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
            .await;
        let chunk = format!("{:x}\r\n{}\r\n", 8192, "a".repeat(8192));
        loop {
            if stream.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
    })
    .await;
    let (error, _) = error_of(&base, 5000).await;
    assert_eq!(error.code(), "invalid_response");
    assert!(error.message().contains("larger than"), "{error}");
}

#[tokio::test]
async fn a_huge_declared_length_is_refused_before_reading() {
    let base = serve(|mut stream| async move {
        let _ = stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 99999999999\r\n\r\n{")
            .await;
        tokio::time::sleep(Duration::from_secs(5)).await;
    })
    .await;
    let (error, elapsed) = error_of(&base, 3000).await;
    assert_eq!(error.code(), "invalid_response");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[tokio::test]
async fn a_refused_connection_is_a_connection_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (error, _) = error_of(&base, 2000).await;
    assert_eq!(error.code(), "connection_error");
}
