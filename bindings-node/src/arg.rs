//! Arguments from JavaScript, checked where they cross.
//!
//! napi's own conversions fail with plain `Error`s carrying napi codes (`NumberExpected`,
//! `InvalidArg`) before any of our code runs, wrap `-1` into a `u32`, and cannot hold `NaN`. So
//! every argument crosses as a [`JsArg`]: any JavaScript value, read into JSON without failing.
//! A value JSON cannot hold (`NaN`, `Infinity`, a function, a symbol, a bigint) is kept as the
//! refusal it will become, naming where it was; core's rules then decide the rest. Every refusal
//! is an `invalid_request` error naming the parameter in camelCase.

use napi::bindgen_prelude::{FromNapiValue, JsObjectValue, TypeName, ValidateNapiValue};
use napi::{JsValue, Unknown, ValueType, sys};
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};
use zavu_core::{Error, ffi};

/// Deepest nesting and most values read from one argument: far above any real call, low enough
/// that a hostile object cannot exhaust the stack or the heap.
const MAX_DEPTH: u32 = 32;
const MAX_NODES: usize = 100_000;

/// One JavaScript argument as JSON, or the reason it cannot be.
pub struct JsArg(Result<Value, Refused>);

/// Where a value JSON cannot hold was found, and what was expected there.
struct Refused {
    path: Vec<String>,
    expected: &'static str,
}

impl TypeName for JsArg {
    fn type_name() -> &'static str {
        "unknown"
    }

    fn value_type() -> ValueType {
        ValueType::Unknown
    }
}

impl ValidateNapiValue for JsArg {}

impl FromNapiValue for JsArg {
    unsafe fn from_napi_value(env: sys::napi_env, value: sys::napi_value) -> napi::Result<Self> {
        // SAFETY: napi hands us a live value of this env for the duration of the call.
        let unknown = unsafe { Unknown::from_napi_value(env, value)? };
        let mut nodes = MAX_NODES;
        let mut path = Vec::new();
        Ok(JsArg(read(unknown, &mut path, MAX_DEPTH, &mut nodes)))
    }
}

fn refused(path: &[String], expected: &'static str) -> Refused {
    Refused {
        path: path.to_vec(),
        expected,
    }
}

fn read(
    value: Unknown<'_>,
    path: &mut Vec<String>,
    depth: u32,
    nodes: &mut usize,
) -> Result<Value, Refused> {
    *nodes = nodes
        .checked_sub(1)
        .ok_or_else(|| refused(path, "a smaller value"))?;
    match value
        .get_type()
        .map_err(|_| refused(path, "a JSON value"))?
    {
        ValueType::Undefined | ValueType::Null => Ok(Value::Null),
        ValueType::Boolean => Ok(Value::Bool(
            value
                .coerce_to_bool()
                .map_err(|_| refused(path, "a JSON value"))?,
        )),
        ValueType::Number => {
            let number = value.coerce_to_number().and_then(|n| n.get_double());
            let number = number.map_err(|_| refused(path, "a JSON value"))?;
            // Whole numbers stay integers so serde reads them as such; others stay floats.
            if number.is_finite() && number.fract() == 0.0 && number.abs() < 9.0e15 {
                Ok(Value::Number(Number::from(number as i64)))
            } else {
                Number::from_f64(number)
                    .map(Value::Number)
                    .ok_or_else(|| refused(path, "a finite number"))
            }
        }
        ValueType::String => {
            let text = value.coerce_to_string().and_then(|s| s.into_utf8());
            let text = text
                .and_then(|s| s.into_owned())
                .map_err(|_| refused(path, "a JSON value"))?;
            Ok(Value::String(text))
        }
        ValueType::Object => {
            let depth = depth
                .checked_sub(1)
                .ok_or_else(|| refused(path, "a less deeply nested value"))?;
            let object = value
                .coerce_to_object()
                .map_err(|_| refused(path, "a JSON value"))?;
            if object
                .is_array()
                .map_err(|_| refused(path, "a JSON value"))?
            {
                let length = object
                    .get_array_length()
                    .map_err(|_| refused(path, "a JSON value"))?;
                let mut items = Vec::with_capacity(length.min(1024) as usize);
                for index in 0..length {
                    let item: Unknown<'_> = object
                        .get_element(index)
                        .map_err(|_| refused(path, "a JSON value"))?;
                    items.push(read(item, path, depth, nodes)?);
                }
                return Ok(Value::Array(items));
            }
            let names = object
                .get_property_names()
                .map_err(|_| refused(path, "a JSON value"))?;
            let count = names
                .get_array_length()
                .map_err(|_| refused(path, "a JSON value"))?;
            let mut map = Map::new();
            for index in 0..count {
                let name: String = names
                    .get_element(index)
                    .map_err(|_| refused(path, "a JSON value"))?;
                let item: Unknown<'_> = object
                    .get_named_property(&name)
                    .map_err(|_| refused(path, "a JSON value"))?;
                path.push(name.clone());
                let read_item = read(item, path, depth, nodes);
                path.pop();
                map.insert(name, read_item?);
            }
            Ok(Value::Object(map))
        }
        _ => Err(refused(
            path,
            "a JSON value (not a function, symbol or bigint)",
        )),
    }
}

/// The parameter an error names: the top-level key where the bad value sits (`timeout`, not
/// `timeout.x`), or `what` for a bad value at the top.
fn param_of(path: &[String], what: &str) -> String {
    path.first().cloned().unwrap_or_else(|| what.to_string())
}

impl JsArg {
    /// No argument at all.
    pub fn absent() -> JsArg {
        JsArg(Ok(Value::Null))
    }

    /// Whether the argument was `undefined` or `null`.
    pub fn is_absent(&self) -> bool {
        matches!(self.0, Ok(Value::Null))
    }

    /// The argument as JSON; `null` for `undefined`.
    pub fn value(self, what: &str) -> zavu_core::Result<Value> {
        self.0.map_err(|bad| {
            let param = param_of(&bad.path, what);
            ffi::wrong_type(&param, bad.expected)
        })
    }

    /// The argument read into `T` (camelCase keys as on the wire); `undefined` and `null` are
    /// `{}`. A value of the wrong type names its key.
    pub fn parse<T: DeserializeOwned>(self, what: &str) -> zavu_core::Result<T> {
        let value = match self.value(what)? {
            Value::Null => Value::Object(Map::new()),
            Value::Object(map) => Value::Object(map),
            _ => return Err(ffi::wrong_type(what, "an object")),
        };
        serde_path_to_error::deserialize(value).map_err(|e| {
            let path: Vec<String> = e
                .path()
                .iter()
                .filter_map(|segment| match segment {
                    serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                    _ => None,
                })
                .collect();
            let message = e.inner().to_string();
            // serde reports a missing field at the object itself, naming it in backquotes.
            let missing = message
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
                .map(str::to_string);
            let param = match missing {
                Some(field) if path.is_empty() => field,
                _ => param_of(&path, what),
            };
            Error::invalid_param(&param, format!("{param}: {message}"))
        })
    }

    /// A string argument (an id, a secret); `undefined` is `""`, which core refuses by name.
    pub fn string(self, param: &str) -> zavu_core::Result<String> {
        match self.value(param)? {
            Value::Null => Ok(String::new()),
            Value::String(text) => Ok(text),
            _ => Err(ffi::wrong_type(param, "a string")),
        }
    }

    /// An optional string argument.
    pub fn optional_string(self, param: &str) -> zavu_core::Result<Option<String>> {
        match self.value(param)? {
            Value::Null => Ok(None),
            Value::String(text) => Ok(Some(text)),
            _ => Err(ffi::wrong_type(param, "a string")),
        }
    }

    /// An optional number argument.
    pub fn optional_number(self, param: &str) -> zavu_core::Result<Option<f64>> {
        match self.value(param)? {
            Value::Null => Ok(None),
            Value::Number(number) => Ok(number.as_f64()),
            _ => Err(ffi::wrong_type(param, "a number")),
        }
    }
}
