//! Running core's futures for Ruby: the call runs as a task on core's one runtime while the
//! calling Ruby thread waits with the GVL released (`rb_thread_call_without_gvl2`), so other Ruby
//! threads run meanwhile.
//!
//! Interrupts (Ctrl-C, `Thread#raise`/`Thread#kill`, `Timeout.timeout`) call the unblock
//! function, which wakes the waiting thread. Back under the GVL it runs the pending interrupts
//! (`rb_thread_check_ints`, through `protect` so nothing unwinds over Rust frames); if one raises,
//! the call's `CancelHandle` is cancelled (core drops the request and its connection) and the
//! exception propagates. An interrupt that does not raise (a trap handler) leaves the call running
//! and the thread waits again. The `2` variant matters: the plain one would check interrupts
//! itself on the way out and longjmp over the Rust frames.

use std::ffi::c_void;
use std::future::Future;
use std::sync::mpsc;

use magnus::Ruby;
use zavu_core::ffi::{CancelHandle, catch_panics};

use crate::errors::to_rb_err;

enum Msg<T> {
    Done(zavu_core::Result<T>),
    Wake,
}

struct Wait<T> {
    rx: mpsc::Receiver<Msg<T>>,
    out: Option<zavu_core::Result<T>>,
}

/// Runs without the GVL: waits for the call's answer or a wake-up from the unblock function.
unsafe extern "C" fn wait_without_gvl<T>(data: *mut c_void) -> *mut c_void {
    // SAFETY: `data` is the `Wait` on `block_on`'s stack, alive for the whole call.
    let wait = unsafe { &mut *(data as *mut Wait<T>) };
    match wait.rx.recv() {
        Ok(Msg::Done(result)) => wait.out = Some(result),
        Ok(Msg::Wake) => {}
        Err(_) => {
            wait.out = Some(Err(zavu_core::Error::new(
                zavu_core::codes::INTERNAL_PANIC,
                "the call ended without an answer (its task was dropped)",
            )))
        }
    }
    std::ptr::null_mut()
}

/// The unblock function: Ruby calls it (from another thread) when this thread is interrupted.
unsafe extern "C" fn wake<T>(data: *mut c_void) {
    // SAFETY: `data` is the `Sender` on `block_on`'s stack, alive for the whole call; `Sender`
    // is `Sync`.
    let tx = unsafe { &*(data as *const mpsc::Sender<Msg<T>>) };
    let _ = tx.send(Msg::Wake);
}

/// Runs `call` on core's runtime and waits for it with the GVL released.
pub fn block_on<T, F>(ruby: &Ruby, call: F) -> Result<T, magnus::Error>
where
    F: Future<Output = zavu_core::Result<T>> + Send + 'static,
    T: Send + 'static,
{
    let (tx, rx) = mpsc::channel::<Msg<T>>();
    let cancel = CancelHandle::new();
    let task_cancel = cancel.clone();
    let task_tx = tx.clone();
    zavu_core::runtime::get().spawn(async move {
        // Panics become `internal_panic` errors instead of crossing into Ruby.
        let result = task_cancel.run(catch_panics(call)).await;
        let _ = task_tx.send(Msg::Done(result));
    });
    let mut wait = Wait { rx, out: None };
    loop {
        // SAFETY: both pointers outlive the call; the callbacks touch no Ruby object.
        unsafe {
            rb_sys::rb_thread_call_without_gvl2(
                Some(wait_without_gvl::<T>),
                &mut wait as *mut Wait<T> as *mut c_void,
                Some(wake::<T>),
                &tx as *const mpsc::Sender<Msg<T>> as *mut c_void,
            );
        }
        if let Err(interrupt) = ruby.thread_check_ints() {
            cancel.cancel();
            return Err(interrupt);
        }
        if let Some(result) = wait.out.take() {
            return result.map_err(|error| to_rb_err(ruby, error));
        }
    }
}
