//! The one tokio runtime that bindings share per process. Nothing in core creates a runtime per
//! client or per call; Rust callers bring their own runtime and never touch this module.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::runtime::Runtime;

static RUNTIME: Mutex<Option<Arc<Runtime>>> = Mutex::new(None);
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
    let mut slot = RUNTIME.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(old) = slot.take() {
        std::mem::forget(old);
    }
    GENERATION.fetch_add(1, Ordering::SeqCst);
}
