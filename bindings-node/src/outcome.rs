//! The one conversion from core results and errors to what crosses into JavaScript.

use napi::bindgen_prelude::Either;
use serde_json::{Value, json};
use zavu_core::Error;

/// Core's name of an option → the name a JavaScript caller wrote (`baseURL` as the published
/// SDK spells it; the per-call escape hatches as `headers`, `query`, `body`).
fn js_param(param: &str) -> &str {
    match param {
        "baseUrl" => "baseURL",
        "extraHeaders" => "headers",
        "extraQuery" => "query",
        "extraBody" => "body",
        other => other,
    }
}

pub(crate) fn error_fields(error: &Error) -> Value {
    let param = error.param().map(js_param);
    let mut message = error.message().to_string();
    if let (Some(core), Some(js)) = (error.param(), param)
        && core != js
    {
        message = message.replace(core, js);
    }
    json!({
        "code": error.code(),
        "message": message,
        "status": error.status(),
        "body": error.body(),
        "param": param,
        "retryAfter": error.retry_after().map(|d| d.as_secs_f64()),
        "requestId": error.request_id(),
        "kind": error.kind().as_str(),
        "className": error.kind().class_name(),
    })
}

/// `{ ok: false, error }`.
pub(crate) fn error_value(error: &Error) -> Value {
    json!({ "ok": false, "error": error_fields(error) })
}

/// What a call answers into JavaScript: `Either::A`, a value as its wire JSON text, or
/// `Either::B`, an error as the tagged object `{ ok: false, error }`. Spelled out in the
/// `#[napi]` signatures (not through this alias) so the generated `.d.ts` names real types.
///
/// The value crosses as one string because building it property by property through napi (one
/// `napi_set_named_property` per field of every model of a page) cost about a millisecond per
/// 50-item page; the JavaScript layer's `JSON.parse` (V8's parser) builds the same objects far
/// faster. Errors are small and rare, and keep crossing as an object.
pub(crate) type Answer = Either<String, Value>;

/// Turns a core result into the [`Answer`] that crosses into JavaScript in one conversion.
pub(crate) trait Outcome {
    fn into_outcome(self) -> Answer;
}

impl<T: serde::Serialize> Outcome for zavu_core::Result<T> {
    fn into_outcome(self) -> Answer {
        match self.and_then(|value| crate::convert::to_json(&value)) {
            Ok(json) => Either::A(json),
            Err(error) => Either::B(error_value(&error)),
        }
    }
}
