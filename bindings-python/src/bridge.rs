//! Running core's futures for Python, on core's one runtime per process
//! ([`zavu_core::runtime::get`]).
//!
//! - [`run_sync`]: the sync client. The call runs as a task on the runtime while the calling
//!   thread waits with the GIL released, waking every [`SIGNAL_CHECK_INTERVAL`] to let Python
//!   handle signals, so Ctrl-C interrupts a blocking call (and cancels it).
//! - [`run_async`]: the async client. The call becomes an asyncio future resolved from the
//!   runtime; the event loop is never blocked. Cancelling the asyncio future drops the call.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::task::{Context, Poll};
use std::time::Duration;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, JoinError, Runtime};
use zavu_core::error::codes;
use zavu_core::ffi::catch_panics;

use crate::errors::to_py_err;

/// How often a blocked sync call lets Python run its signal handlers (Ctrl-C).
const SIGNAL_CHECK_INTERVAL: Duration = Duration::from_millis(50);

/// Runs `call` to completion for a synchronous Python method.
///
/// The call is spawned on the shared runtime rather than driven with `block_on`, so the waiting
/// thread needs no runtime context and many Python threads can wait at once. While waiting, the
/// GIL is released (other Python threads run) in short slices; between slices
/// `check_signals` runs Python's handlers, and if one raises (KeyboardInterrupt) the task is
/// aborted, which drops the core future and closes its connection.
pub fn run_sync<T, F>(py: Python<'_>, call: F) -> PyResult<T>
where
    F: Future<Output = zavu_core::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let (tx, mut rx) = sync_channel(1);
    let task = zavu_core::runtime::get().spawn(async move {
        // Panics become `internal_panic` errors instead of crossing into Python.
        let _ = tx.send(catch_panics(call).await);
    });
    loop {
        // Detached: the GIL is free for other threads while this one waits. The receiver moves
        // in and out because it is not `Sync`.
        let (back, outcome) = py.detach(move || {
            let outcome = rx.recv_timeout(SIGNAL_CHECK_INTERVAL);
            (rx, outcome)
        });
        rx = back;
        match outcome {
            Ok(result) => return result.map_err(|error| to_py_err(py, error)),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(to_py_err(
                    py,
                    zavu_core::Error::new(
                        codes::INTERNAL_PANIC,
                        "the call ended without an answer (its task was dropped)",
                    ),
                ));
            }
        }
    }
}

/// A core result on its way to Python: converted to the Python value (or raised as the matching
/// exception) by pyo3-async-runtimes on a thread that holds the GIL, not on a runtime worker.
pub struct Answer<T>(zavu_core::Result<T>);

impl<'py, T> IntoPyObject<'py> for Answer<T>
where
    T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(value) => value.into_bound_py_any(py),
            Err(error) => Err(to_py_err(py, error)),
        }
    }
}

/// Returns an asyncio awaitable for `call`, which runs on the shared runtime and whose result
/// `convert` turns into the value handed to Python. Cancelling the awaitable drops the call.
pub fn run_async<'py, T, U, F>(
    py: Python<'py>,
    call: F,
    convert: impl FnOnce(T) -> U + Send + 'static,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = zavu_core::Result<T>> + Send + 'static,
    T: Send + 'static,
    U: for<'a> IntoPyObject<'a> + Send + 'static,
{
    pyo3_async_runtimes::generic::future_into_py::<CoreRuntime, _, _>(py, async move {
        Ok(Answer(catch_panics(call).await.map(convert)))
    })
}

/// pyo3-async-runtimes on core's runtime. Its own tokio runtime lives in a once-cell that hangs
/// after `fork()`; core's is forgotten in the child and rebuilt on first use.
pub struct CoreRuntime;

tokio::task_local! {
    static TASK_LOCALS: TaskLocals;
}

/// Wraps tokio's join handle (the orphan rule keeps us from implementing the library's traits on
/// tokio's types directly).
pub struct CoreJoinHandle(tokio::task::JoinHandle<()>);

/// Why a spawned task ended without finishing.
pub struct CoreJoinError(tokio::task::JoinError);

impl JoinError for CoreJoinError {
    fn is_panic(&self) -> bool {
        self.0.is_panic()
    }

    fn into_panic(self) -> Box<dyn std::any::Any + Send + 'static> {
        self.0.into_panic()
    }
}

impl Future for CoreJoinHandle {
    type Output = Result<(), CoreJoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx).map_err(CoreJoinError)
    }
}

impl Runtime for CoreRuntime {
    type JoinError = CoreJoinError;
    type JoinHandle = CoreJoinHandle;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        CoreJoinHandle(zavu_core::runtime::get().spawn(fut))
    }

    /// pyo3-async-runtimes resolves asyncio futures from here, attached to the interpreter.
    /// Such a thread must not be caught attaching while the interpreter finalizes (before
    /// Python 3.14 it is killed with `pthread_exit`, which crashes the process), so each job is
    /// counted and [`before_exit`] waits for the running ones and skips the rest.
    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        let pending = Pending::start();
        CoreJoinHandle(zavu_core::runtime::get().spawn_blocking(move || {
            let _pending = pending;
            if !EXITING.load(Ordering::SeqCst) {
                f();
            }
        }))
    }
}

impl ContextExt for CoreRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        Box::pin(TASK_LOCALS.scope(locals, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS.try_with(Clone::clone).ok()
    }
}

/// Jobs that may attach to the interpreter from a runtime thread, queued or running.
static PENDING: AtomicUsize = AtomicUsize::new(0);
/// Set once the interpreter is about to finalize: queued jobs are skipped from then on.
static EXITING: AtomicBool = AtomicBool::new(false);
/// Longest wait at exit for jobs already running.
const EXIT_GRACE: Duration = Duration::from_secs(2);

struct Pending;

impl Pending {
    fn start() -> Pending {
        PENDING.fetch_add(1, Ordering::SeqCst);
        Pending
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        PENDING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Runs at interpreter exit (an `atexit` handler, before finalization): stops new jobs from
/// attaching and lets running ones finish. The GIL is released while waiting, since those jobs
/// need it to finish.
pub fn before_exit(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    py.detach(|| {
        let deadline = std::time::Instant::now() + EXIT_GRACE;
        while PENDING.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// In a forked child: the parent's runtime threads (and their jobs) do not exist here.
pub fn after_fork_in_child() {
    PENDING.store(0, Ordering::SeqCst);
}

/// An awaitable that is already done with `value`: for async iterators whose next item is
/// already buffered, so no trip through the runtime is needed.
pub fn ready<'py>(py: Python<'py>, value: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let future = pyo3_async_runtimes::get_running_loop(py)?.call_method0("create_future")?;
    future.call_method1("set_result", (value,))?;
    Ok(future)
}

/// Starts a call when Python first awaits it: the body of the coroutine `lazy` returns.
type Starter = Box<dyn for<'py> FnOnce(Python<'py>) -> PyResult<Bound<'py, PyAny>> + Send>;

/// What `zavudev._lazy.call` awaits: calling it starts the call (once) and answers its future.
#[pyclass(frozen, module = "zavudev._native")]
pub struct Start {
    starter: std::sync::Mutex<Option<Starter>>,
}

#[pymethods]
impl Start {
    fn __call__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let starter = self
            .starter
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        match starter {
            Some(start) => start(py),
            None => Err(pyo3::exceptions::PyRuntimeError::new_err(
                "cannot reuse already awaited coroutine",
            )),
        }
    }
}

static LAZY: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();

/// The async client's calls: a real coroutine (`async def`) that starts the call only when it
/// is awaited, as the published SDK's methods and asyncio convention do. A call whose coroutine
/// is never awaited sends nothing (and Python warns that it was never awaited).
pub fn lazy<'py, T, U, F>(
    py: Python<'py>,
    call: F,
    convert: impl FnOnce(T) -> U + Send + 'static,
) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = zavu_core::Result<T>> + Send + 'static,
    T: Send + 'static,
    U: for<'a> IntoPyObject<'a> + Send + 'static,
{
    let starter: Starter = Box::new(move |py| run_async(py, call, convert));
    let start = Start {
        starter: std::sync::Mutex::new(Some(starter)),
    };
    let coroutine = LAZY.get_or_try_init(py, || {
        py.import("zavudev._lazy")?
            .getattr("call")
            .map(Bound::unbind)
    })?;
    coroutine.bind(py).call1((start,))
}
