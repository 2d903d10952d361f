//! The C ABI's JSON input (bindings-c), through the exported functions as a C program calls
//! them: client options, per-call options, parameters of every call that takes JSON, wait
//! options and webhook header lists. Every call returns ZAVU_OK or ZAVU_ERROR (never MISUSE on
//! valid pointers) with an answer that is JSON; every error has a code, a kind and a class.
//!
//! Calls that pass the checks go to a closed local port with no retries, so they end at once
//! with `connection_error`.
#![no_main]

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use zavu_c::*;

type ParamsCall = unsafe extern "C" fn(
    *const ZavuClient,
    *const c_char,
    *const c_char,
    *const ZavuCancel,
    *mut *mut c_char,
) -> i32;

const PARAMS_CALLS: [ParamsCall; 6] = [
    zavu_invitations_create,
    zavu_invitations_list,
    zavu_invitations_create_webhook,
    zavu_invitations_update_webhook,
    zavu_phone_numbers_purchase,
    zavu_senders_list,
];

/// Takes the answer string, checks it and frees it.
fn take(status: i32, out: *mut c_char) -> Value {
    assert!(status == ZAVU_OK || status == ZAVU_ERROR, "status {status}");
    assert!(!out.is_null());
    // SAFETY: the library wrote a NUL-terminated string it owns until freed below.
    let text = unsafe { CStr::from_ptr(out) }
        .to_str()
        .expect("UTF-8")
        .to_owned();
    // SAFETY: handed back once.
    unsafe { zavu_string_free(out) };
    let value: Value = serde_json::from_str(&text).expect("the answer is JSON");
    if status == ZAVU_ERROR {
        for key in ["code", "kind", "class", "message"] {
            assert!(
                value[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} missing: {text}"
            );
        }
    }
    value
}

fn text(bytes: &[u8]) -> CString {
    // C strings end at the first NUL: so does what a C caller can pass.
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    CString::new(&bytes[..end]).expect("no NUL")
}

/// One client for the whole run (a client is thread-safe and calls do not change it): opening one
/// per input would spend the run building TLS configurations.
fn shared_client() -> *const ZavuClient {
    static CLIENT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CLIENT.get_or_init(|| open_client() as usize) as *const ZavuClient
}

fn open_client() -> *mut ZavuClient {
    let options = CString::new(
        r#"{"apiKey":"zavu_fuzz","baseUrl":"http://127.0.0.1:9","maxRetries":0,"timeout":2000}"#,
    )
    .expect("no NUL");
    let mut client = ptr::null_mut();
    let mut error = ptr::null_mut();
    // SAFETY: valid string and out pointers.
    let status = unsafe { zavu_client_new(options.as_ptr(), 0, &mut client, &mut error) };
    assert_eq!(status, ZAVU_OK);
    client
}

fuzz_target!(|data: &[u8]| {
    let [op, style, rest @ ..] = data else {
        return;
    };
    let style = i32::from(*style % 3);
    let json = text(rest);
    let mut out = ptr::null_mut();
    match op % 10 {
        0 => {
            let mut client = ptr::null_mut();
            let mut error = ptr::null_mut();
            // SAFETY: valid string and out pointers.
            let status = unsafe { zavu_client_new(json.as_ptr(), style, &mut client, &mut error) };
            if status == ZAVU_OK {
                // SAFETY: a live client, freed once.
                unsafe { zavu_client_free(client) };
            } else {
                take(status, error);
            }
        }
        n @ 1..=6 => {
            let call = PARAMS_CALLS[usize::from(n - 1)];
            // SAFETY: a live client, a valid string, NULL options and cancel, a writable out.
            let status = unsafe {
                call(
                    shared_client(),
                    json.as_ptr(),
                    ptr::null(),
                    ptr::null(),
                    &mut out,
                )
            };
            take(status, out);
        }
        7 => {
            let client = shared_client();
            let id = CString::new("inv_fuzz").expect("no NUL");
            // SAFETY: as above; the JSON is the per-call options.
            let status = unsafe {
                zavu_invitations_get(client, id.as_ptr(), json.as_ptr(), ptr::null(), &mut out)
            };
            take(status, out);
        }
        n => {
            // Webhook header lists: the payload follows the headers' JSON after a NUL.
            let end = rest
                .iter()
                .position(|b| *b == 0)
                .map_or(rest.len(), |at| at + 1);
            let payload = &rest[end..];
            let secret = CString::new("whsec_fuzz").expect("no NUL");
            let now = 1_700_000_000_i64;
            let verify = if n == 8 {
                zavu_webhooks_verify
            } else {
                zavu_webhooks_unwrap
            };
            // SAFETY: the payload slice is readable for its length; strings are valid.
            let status = unsafe {
                verify(
                    payload.as_ptr(),
                    payload.len(),
                    json.as_ptr(),
                    secret.as_ptr(),
                    &now,
                    style,
                    &mut out,
                )
            };
            take(status, out);
        }
    }
});
