//! Promises of the addon's calls, settled from the runtime through one threadsafe function per
//! JavaScript thread.
//!
//! napi-rs's `async fn` creates a threadsafe function for every call (a libuv handle, an env
//! cleanup hook) and closes it once the promise settles. Measured on this addon: a call that core
//! refuses before any I/O cost ~99 µs of CPU that way, more than core's whole HTTP get. Here one
//! threadsafe function per env carries every answer back; it keeps Node's event loop alive only
//! while calls are pending, as the per-call ones did.

use std::cell::RefCell;
use std::future::Future;
use std::ptr;
use std::sync::Arc;

use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use napi::threadsafe_function::{
    ThreadsafeCallContext, ThreadsafeFunction, ThreadsafeFunctionCallMode,
};
use napi::{Env, Status, check_status, sys};

use crate::outcome::Answer;

/// The threadsafe function that settles promises: weak (it does not keep the loop alive by
/// itself), no JavaScript error argument, an unbounded queue.
type Settler = ThreadsafeFunction<Settlement, (), (), Status, false, true, 0>;

/// A finished call on its way back to its JavaScript thread.
struct Settlement {
    deferred: Deferred,
    answer: Answer,
}

/// The promise a call returned, to settle on the thread that made it.
struct Deferred(sys::napi_deferred);

// SAFETY: the pointer is only carried across threads; napi reads it only in
// `napi_resolve_deferred`/`napi_reject_deferred`, which `settle` calls on the JavaScript thread
// of the env that created it (the threadsafe function's callback runs there).
unsafe impl Send for Deferred {}

/// This JavaScript thread's settler and how many of its calls are pending.
struct Bridge {
    settler: Arc<Settler>,
    pending: usize,
}

thread_local! {
    // One per JavaScript thread: the main thread and each worker thread have their own env.
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

impl Bridge {
    fn new(env: &Env) -> napi::Result<Self> {
        // The threadsafe function needs a JavaScript function to call; the work is done in the
        // callback before it, so the function itself does nothing.
        let noop = env.create_function::<(), ()>("zavuSettled", settled)?;
        let settler = noop
            .build_threadsafe_function::<Settlement>()
            .weak::<true>()
            .callee_handled::<false>()
            .build_callback(|context: ThreadsafeCallContext<Settlement>| {
                settle(&context.env, context.value);
                Ok(())
            })?;
        Ok(Bridge {
            settler: Arc::new(settler),
            pending: 0,
        })
    }

    /// Whether the settler keeps the event loop alive: only while calls are pending, so that an
    /// awaited call keeps the process running and an idle client does not.
    fn hold_loop(&self, env: &Env, hold: bool) -> napi::Result<()> {
        self.settler.handle.with_read_aborted(|aborted| {
            if aborted {
                return Ok(());
            }
            let raw = self.settler.raw();
            // SAFETY: on the env's JavaScript thread, with a threadsafe function of this env that
            // is not aborted (checked under the lock that its teardown takes to abort it).
            check_status!(unsafe {
                if hold {
                    sys::napi_ref_threadsafe_function(env.raw(), raw)
                } else {
                    sys::napi_unref_threadsafe_function(env.raw(), raw)
                }
            })
        })
    }
}

/// The JavaScript function the settler calls after settling a promise: nothing left to do.
unsafe extern "C" fn settled(
    _env: sys::napi_env,
    _info: sys::napi_callback_info,
) -> sys::napi_value {
    ptr::null_mut()
}

/// Starts `call` on the addon's runtime and returns the promise of its answer.
pub(crate) fn start<F>(env: &Env, call: F) -> napi::Result<PromiseRaw<'_, String>>
where
    F: Future<Output = Answer> + Send + 'static,
{
    let mut deferred = ptr::null_mut();
    let mut promise = ptr::null_mut();
    // SAFETY: `env` is the live env of this call, on its JavaScript thread.
    check_status!(unsafe { sys::napi_create_promise(env.raw(), &mut deferred, &mut promise) })?;
    let settler = BRIDGE.with_borrow_mut(|slot| -> napi::Result<Arc<Settler>> {
        let bridge = match slot {
            Some(bridge) => bridge,
            None => slot.insert(Bridge::new(env)?),
        };
        if bridge.pending == 0 {
            bridge.hold_loop(env, true)?;
        }
        bridge.pending += 1;
        Ok(Arc::clone(&bridge.settler))
    })?;
    let deferred = Deferred(deferred);
    napi::bindgen_prelude::spawn(async move {
        let answer = call.await;
        // Fails only when the env is gone (a terminated worker): nobody is left to answer, and
        // the queued settlement is dropped with it.
        let _ = settler.call(
            Settlement { deferred, answer },
            ThreadsafeFunctionCallMode::NonBlocking,
        );
    });
    Ok(PromiseRaw::new(env.raw(), promise))
}

/// On the JavaScript thread: resolves the call's promise with its answer (rejects it only if the
/// answer cannot be made into a JavaScript value), and lets the loop go once nothing is pending.
fn settle(env: &Env, settlement: Settlement) {
    let Settlement { deferred, answer } = settlement;
    // SAFETY: this runs on the env's JavaScript thread (the threadsafe function's callback), and
    // `deferred` came from `napi_create_promise` on the same env and is settled exactly once.
    unsafe {
        match Answer::to_napi_value(env.raw(), answer) {
            Ok(value) => {
                sys::napi_resolve_deferred(env.raw(), deferred.0, value);
            }
            Err(error) => {
                let mut message = ptr::null_mut();
                let text = error.reason;
                sys::napi_create_string_utf8(
                    env.raw(),
                    text.as_ptr().cast(),
                    text.len() as isize,
                    &mut message,
                );
                let mut js_error = ptr::null_mut();
                sys::napi_create_error(env.raw(), ptr::null_mut(), message, &mut js_error);
                sys::napi_reject_deferred(env.raw(), deferred.0, js_error);
            }
        }
    }
    BRIDGE.with_borrow_mut(|slot| {
        if let Some(bridge) = slot {
            bridge.pending = bridge.pending.saturating_sub(1);
            if bridge.pending == 0 {
                let _ = bridge.hold_loop(env, false);
            }
        }
    });
}
