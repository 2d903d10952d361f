//! The accept loop. It is hand-written (instead of `axum::serve`) so a request handler can close
//! its own TCP connection: that is how the drop faults look to a client like a real network cut.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tower::ServiceExt;

/// Closes the connection a request arrived on. Found in every request's extensions.
#[derive(Debug, Clone)]
pub(crate) struct ConnectionKill(Arc<Notify>);

impl ConnectionKill {
    /// Asks the connection task to drop the connection, which closes the socket; the caller
    /// should then never answer (its future is dropped with the connection).
    pub fn kill(&self) {
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` changes or its sender goes away. With
/// `idle_timeout`, an HTTP/1 connection waiting that long for its next request is closed.
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    idle_timeout: Option<Duration>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.changed() => return,
        };
        let (stream, _peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Usually too many open files; pausing lets connections close instead of spinning.
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let mut shutdown = shutdown.clone();
        tokio::spawn(async move {
            let kill = Arc::new(Notify::new());
            let handle = ConnectionKill(kill.clone());
            let service =
                hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                    request.extensions_mut().insert(handle.clone());
                    let app = app.clone();
                    async move { app.oneshot(request.map(Body::new)).await }
                });
            let mut builder = auto::Builder::new(TokioExecutor::new());
            if let Some(idle) = idle_timeout {
                // hyper's header-read timer also runs while a keep-alive connection waits for
                // its next request's headers: past it, hyper closes the connection.
                builder
                    .http1()
                    .timer(TokioTimer::new())
                    .header_read_timeout(idle);
            }
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            // Dropping the connection future closes the socket mid-exchange, which is the point.
            tokio::select! {
                _ = connection => {}
                _ = kill.notified() => {}
                _ = shutdown.changed() => {}
            }
        });
    }
}
