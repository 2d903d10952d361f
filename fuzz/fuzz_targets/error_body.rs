//! Error bodies in both shapes (`{code, message, param}` and `{error: {...}}`), or anything else
//! a server or proxy may send: every status and body gives an error with a code, a message and
//! a kind, and the code a well-formed body states is the one reported.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zavu_core::{Error, ParamStyle};

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [hi, lo, rest @ ..] => (u16::from_be_bytes([*hi, *lo]) % 1000, rest),
        _ => (500, data),
    };
    let error = Error::from_response(status, body);
    assert!(!error.code().is_empty());
    assert!(!error.message().is_empty());
    assert_eq!(error.status(), Some(status));
    let _ = error.kind().class_name();
    let _ = error.is_retryable();
    let _ = error.to_string();
    for style in [ParamStyle::Camel, ParamStyle::Snake] {
        let respelled = error.clone().respelled(style);
        assert_eq!(respelled.code(), error.code());
    }
    // A flat or nested body that states a code: that code is the error's (the outer one first).
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) {
        let stated = |m: &serde_json::Map<String, serde_json::Value>| {
            m.get("code")
                .and_then(|c| c.as_str())
                .filter(|c| !c.trim().is_empty())
                .map(str::to_string)
        };
        let nested = match map.get("error") {
            Some(serde_json::Value::Object(inner)) => stated(inner),
            _ => None,
        };
        if let Some(code) = stated(&map).or(nested) {
            assert_eq!(error.code(), code);
        }
    }
});
