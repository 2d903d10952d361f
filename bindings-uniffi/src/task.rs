//! Running core's futures on the one shared runtime (`zavu_core::runtime::get()`).
//!
//! uniffi polls an exported future from the foreign language's executor (Kotlin coroutines,
//! Swift tasks), where no tokio runtime is entered, and reqwest needs one. So each call is spawned
//! onto the shared runtime and the exported future only awaits its `JoinHandle`, which works from
//! any executor. When Kotlin cancels the coroutine or Swift cancels the task, uniffi drops that
//! future; `AbortOnDrop` then aborts the spawned call, so the HTTP request (and any retry sleep or
//! wait-for-completion polling) stops too, not only the caller's wait.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::task::JoinHandle;

use crate::error::ZavuError;

/// A spawned call that is aborted when its handle is dropped before it finished.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl<T> Future for AbortOnDrop<T> {
    type Output = Result<T, tokio::task::JoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

/// The shared runtime, or an `internal_panic` error if it cannot start (out of threads or file
/// descriptors): core's constructor panics then, and a panic must not reach the foreign caller.
pub(crate) fn runtime() -> Result<std::sync::Arc<tokio::runtime::Runtime>, ZavuError> {
    std::panic::catch_unwind(zavu_core::runtime::get)
        .map_err(|_| ZavuError::internal("the Zavu SDK could not start its tokio runtime"))
}

/// Runs `call` on the shared runtime with core's panic guard and converts its error once.
pub(crate) async fn run<T, F>(call: F) -> Result<T, ZavuError>
where
    T: Send + 'static,
    F: Future<Output = zavu_core::Result<T>> + Send + 'static,
{
    let task = AbortOnDrop(runtime()?.spawn(zavu_core::ffi::catch_panics(call)));
    match task.await {
        Ok(result) => result.map_err(ZavuError::from),
        // Panics were caught inside the task, so a join error means the task was aborted
        // (the runtime shut down under it).
        Err(e) if e.is_cancelled() => Err(ZavuError::local(
            zavu_core::codes::CANCELLED,
            "the call was cancelled",
        )),
        Err(e) => Err(ZavuError::internal(format!(
            "internal error in the Zavu SDK (please report it): {e}"
        ))),
    }
}

/// Runs a synchronous core call with core's panic guard and converts its error once.
pub(crate) fn run_sync<T>(call: impl FnOnce() -> zavu_core::Result<T>) -> Result<T, ZavuError> {
    zavu_core::ffi::catch_panics_sync(call).map_err(ZavuError::from)
}

/// Holds a value that owns runtime resources (a core client and its connection pool, a page's
/// fetcher) and drops it with the shared runtime entered.
///
/// Kotlin frees objects from its cleaner thread and Swift from whichever thread releases the
/// last reference; neither is a runtime thread. Dropping reqwest's pool there is safe today, but
/// entering the runtime first (STYLE.md item 8) keeps it safe if a dependency ever needs a
/// runtime context on drop. The test `client_drops_outside_the_runtime` checks a drop on a plain
/// thread.
pub(crate) struct DropInRuntime<T>(Option<T>);

impl<T> DropInRuntime<T> {
    pub(crate) fn new(value: T) -> Self {
        DropInRuntime(Some(value))
    }

    pub(crate) fn get(&self) -> &T {
        match &self.0 {
            Some(value) => value,
            // Only `drop` takes the value out, and nothing can call `get` after that.
            None => unreachable!("DropInRuntime used after drop"),
        }
    }
}

impl<T> Drop for DropInRuntime<T> {
    fn drop(&mut self) {
        let value = self.0.take();
        match runtime() {
            Ok(rt) => {
                // `enter` only sets the thread's runtime context; it is allowed on any thread,
                // including a runtime worker, unlike `block_on`.
                let _entered = rt.enter();
                drop(value);
            }
            Err(_) => drop(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    /// Polls like a foreign executor: no IO or timer driver of its own.
    fn foreign<F: Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("executor")
            .block_on(future)
    }

    #[test]
    fn a_panic_becomes_internal_panic() {
        let error = foreign(run(async {
            if true {
                panic!("boom");
            }
            Ok(())
        }))
        .expect_err("a panic is an error");
        assert_eq!(error.code(), "internal_panic");
        assert!(error.message().contains("boom"));
        let error = run_sync::<()>(|| panic!("sync boom")).expect_err("a panic is an error");
        assert_eq!(error.code(), "internal_panic");
    }

    #[test]
    fn dropping_the_call_aborts_the_task() {
        let finished = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&finished);
        let call = run(async move {
            tokio::time::sleep(Duration::from_millis(200)).await;
            flag.store(true, Ordering::SeqCst);
            Ok(())
        });
        // Start it, then give up after 20 ms, as a cancelled coroutine does (this executor has a
        // timer only for that timeout).
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("executor")
            .block_on(async {
                let _ = tokio::time::timeout(Duration::from_millis(20), call).await;
            });
        std::thread::sleep(Duration::from_millis(400));
        assert!(
            !finished.load(Ordering::SeqCst),
            "the task ran on after its caller left"
        );
    }
}
