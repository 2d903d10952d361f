//! What every binding needs at its boundary, kept here so no binding re-implements it: panics
//! turned into errors (a Rust panic must never cross an FFI boundary), and cancellation of a
//! call in flight (Node's AbortSignal, Python's Ctrl-C, a dropped Kotlin coroutine).

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::FutureExt;
use tokio::sync::Notify;

use crate::error::{Error, Result, codes};

fn panic_error(payload: Box<dyn std::any::Any + Send>) -> Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    Error::new(
        codes::INTERNAL_PANIC,
        format!("internal error in the Zavu SDK (please report it): {detail}"),
    )
}

/// Runs a call, turning a panic inside it into an `internal_panic` error.
pub async fn catch_panics<T, F>(call: F) -> Result<T>
where
    F: Future<Output = Result<T>>,
{
    match AssertUnwindSafe(call).catch_unwind().await {
        Ok(result) => result,
        Err(payload) => Err(panic_error(payload)),
    }
}

/// The synchronous form of [`catch_panics`].
pub fn catch_panics_sync<T>(call: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(AssertUnwindSafe(call)) {
        Ok(result) => result,
        Err(payload) => Err(panic_error(payload)),
    }
}

/// A switch that cancels calls. Cheap to clone; cancelling is idempotent and wakes every call
/// waiting on it.
#[derive(Clone, Default, Debug)]
pub struct CancelHandle {
    inner: Arc<CancelInner>,
}

#[derive(Default, Debug)]
struct CancelInner {
    cancelled: AtomicBool,
    notify: Notify,
}

impl CancelHandle {
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call running under this handle, now and later.
    pub fn cancel(&self) {
        self.inner.cancelled.store(true, Ordering::SeqCst);
        self.inner.notify.notify_waiters();
    }

    pub fn is_cancelled(&self) -> bool {
        self.inner.cancelled.load(Ordering::SeqCst)
    }

    async fn cancelled(&self) {
        loop {
            let notified = self.inner.notify.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }

    /// Runs `call` until it ends or the handle is cancelled; on cancel the call is dropped
    /// (closing its connection) and the result is a `cancelled` error.
    pub async fn run<T, F>(&self, call: F) -> Result<T>
    where
        F: Future<Output = Result<T>>,
    {
        tokio::select! {
            biased;
            _ = self.cancelled() => Err(Error::new(codes::CANCELLED, "the call was cancelled")),
            result = call => result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn panics_become_errors() {
        let error = catch_panics(async {
            if true {
                panic!("boom");
            }
            Ok(())
        })
        .await
        .unwrap_err();
        assert_eq!(error.code(), "internal_panic");
        assert!(error.message().contains("boom"));
        let error = catch_panics_sync::<()>(|| panic!("sync boom")).unwrap_err();
        assert_eq!(error.code(), "internal_panic");
    }

    #[tokio::test]
    async fn cancel_ends_a_pending_call() {
        let handle = CancelHandle::new();
        let trigger = handle.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            trigger.cancel();
        });
        let error = handle
            .run(async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(error.code(), "cancelled");
        // Already cancelled: later calls end at once.
        assert!(handle.run(async { Ok(()) }).await.is_err());
    }
}
