//! The one tokio runtime that bindings share per process. Nothing in core creates a runtime per
//! client or per call; Rust callers bring their own runtime and never touch this module.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::runtime::Runtime;

static RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);
/// The current-thread runtime of [`Callers::One`] hosts (see [`block_on`]).
static CALLER_RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);
/// How many times [`forget_after_fork`] ran in this process.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Changes each time [`forget_after_fork`] runs, so objects bound to the old runtime (a
/// client's pooled connections) know to rebuild themselves.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::SeqCst)
}

/// The shared runtime, created on first use.
pub fn get() -> Arc<Runtime> {
    let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(runtime) = slot.as_ref() {
        return Arc::clone(runtime);
    }
    // One worker: a call's task and its connection's task then run on the same thread, and an
    // answer crosses threads once (worker to caller) instead of also between workers. The Node
    // addon measured this first (list page +6-30%, get +3-10%; bindings-node/src/lib.rs); one
    // worker still parses thousands of pages a second (issue 19).
    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("zavu-runtime")
            .enable_all()
            .build()
            .expect("the tokio runtime could not start (out of threads or file descriptors)"),
    );
    *slot = Some(Arc::clone(&runtime));
    runtime
}

/// Forgets the runtime inherited through `fork()`. Call it in the child: its worker threads did
/// not survive the fork, so using it would hang. The old runtime is leaked, not dropped, because
/// dropping it would try to join threads that no longer exist.
pub fn forget_after_fork() {
    for runtime in [&RUNTIME, &CALLER_RUNTIME] {
        let mut slot = runtime.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(old) = slot.take() {
            // The current-thread one has no threads, but its epoll instance is shared with the
            // parent after a fork: it must not be used, nor closed under the parent.
            std::mem::forget(old);
        }
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// Who calls a blocking host's [`block_on`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Callers {
    /// One thread per process makes every call (PHP without ZTS: php-fpm, the CLI, Apache's
    /// prefork). Calls run on a current-thread runtime driven by that thread: the call and its
    /// connection's task share the thread, and an answer crosses no thread (a sequential get
    /// costs about half the CPU of the shared runtime's, which hands every answer from its
    /// worker to the waiting caller; issue 19).
    One,
    /// Several threads may call at once (a ZTS PHP, a threaded server). Calls run on the
    /// shared runtime ([`get`]), whose worker drives every connection whichever thread waits;
    /// on one current-thread runtime, threads would take turns driving it and a call could wait
    /// for another thread's call to end.
    Many,
}

/// Runs `future` to its end for a blocking host, on the runtime that suits its [`Callers`].
/// Every call of a process must pass the same `Callers`: a pooled connection belongs to the
/// runtime that opened it.
pub fn block_on<F: std::future::Future>(callers: Callers, future: F) -> F::Output {
    match callers {
        Callers::Many => get().block_on(future),
        Callers::One => caller_runtime().block_on(async {
            // Between calls nothing drives this runtime, so a pooled connection the server
            // closed meanwhile still looks open. Yielding first lets the runtime poll its I/O
            // driver and run the connection tasks that wakes, so a closed connection leaves the
            // pool before the call checks one out, as on a runtime that never stops. One yield
            // sufficed in the tests (core/tests/runtime.rs, php IdleConnectionTest); the second costs
            // next to nothing and covers tokio resuming the caller before the tasks it woke.
            tokio::task::yield_now().await;
            tokio::task::yield_now().await;
            future.await
        }),
    }
}

fn caller_runtime() -> Arc<Runtime> {
    let mut slot = CALLER_RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(runtime) = slot.as_ref() {
        return Arc::clone(runtime);
    }
    let runtime = Arc::new(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("the tokio runtime could not start (out of file descriptors)"),
    );
    *slot = Some(Arc::clone(&runtime));
    runtime
}
