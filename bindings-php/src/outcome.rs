//! The one conversion from core results and errors to what crosses into PHP.

use ext_php_rs::convert::IntoZval;
use ext_php_rs::types::{ZendHashTable, Zval};
use zavu_core::{Error, ParamStyle};

/// What a call answers into PHP: a value as its wire JSON text (a PHP string, read with one
/// `json_decode`), or an error as an array of its fields (see [`error_zval`]). One string per
/// call is far cheaper than building every model's PHP array field by field through the Zend
/// API, and `json_decode` builds the same values natively.
pub(crate) type Answer = Zval;

/// Turns a core result into the [`Answer`] that crosses into PHP.
pub(crate) fn into_answer<T: serde::Serialize>(result: zavu_core::Result<T>) -> Answer {
    let json = result.and_then(|value| {
        serde_json::to_string(&value).map_err(|e| {
            Error::new(
                zavu_core::codes::INVALID_RESPONSE,
                format!("the result could not be converted: {e}"),
            )
        })
    });
    match json {
        Ok(text) => {
            let mut zval = Zval::new();
            match zval.set_string(&text, false) {
                Ok(()) => zval,
                Err(_) => error_zval(Error::new(
                    zavu_core::codes::INTERNAL_PANIC,
                    "the result could not be handed to PHP",
                )),
            }
        }
        Err(error) => error_zval(error),
    }
}

/// The error as the PHP layer reads it to throw the class core names: `code`, `message`,
/// `status`, `body`, `param` (PHP's spelling: the guide's camelCase), `retryAfter` (seconds),
/// `requestId`, `kind` and `class`. Every error handed to PHP goes through here.
pub(crate) fn error_zval(error: Error) -> Zval {
    let error = error.respelled(ParamStyle::Camel);
    let mut table = ZendHashTable::new();
    let _ = table.insert("code", error.code());
    let _ = table.insert("message", error.message());
    let _ = table.insert("status", error.status().map(i64::from));
    let _ = table.insert("body", error.body());
    let _ = table.insert("param", error.param());
    let _ = table.insert("retryAfter", error.retry_after().map(|d| d.as_secs_f64()));
    let _ = table.insert("requestId", error.request_id());
    let _ = table.insert("kind", error.kind().as_str());
    let _ = table.insert("class", error.kind().class_name());
    table.into_zval(false).unwrap_or_else(|_| Zval::new())
}

/// A page as `{items, nextCursor}`, as the wire sends it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PageJson<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> From<zavu_core::Page<T>> for PageJson<T> {
    fn from(page: zavu_core::Page<T>) -> Self {
        PageJson {
            items: page.items,
            next_cursor: page.next_cursor,
        }
    }
}
