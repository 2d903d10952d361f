//! Ruby values crossing into Rust. Every keyword argument is read here with an explicit type
//! check; a bad value becomes core's `invalid_request` naming the parameter (by core's boundary
//! rules in `zavu_core::ffi`), never a raw conversion error, a wrapped number or a silent default.
//! Keyword names are Ruby's own (snake_case), so errors name what the caller wrote.

use std::time::Duration;

use magnus::r_hash::ForEach;
use magnus::value::ReprValue;
use magnus::{Float, Integer, RArray, RHash, RString, Ruby, Symbol, TryConvert, Value};
use zavu_core::Error;
use zavu_core::ffi;

type Result<T> = std::result::Result<T, Error>;

/// The keyword arguments of one call, consumed name by name; whatever is left is refused.
pub struct Args {
    // The values stay reachable through the caller's Hash (alive on the Ruby stack for the whole
    // call), so keeping them here for the duration of the call is safe.
    entries: Vec<(String, Value)>,
}

/// A Ruby name for a Hash key: a Symbol or a String.
fn key_name(key: Value) -> Option<String> {
    if let Some(sym) = Symbol::from_value(key) {
        return sym.name().ok().map(|n| n.into_owned());
    }
    RString::from_value(key).and_then(|s| s.to_string().ok())
}

impl Args {
    /// Reads a Hash of keyword arguments (`nil` is an empty one). `what` names the Hash in errors.
    pub fn new(value: Value, what: &str) -> Result<Args> {
        if value.is_nil() {
            return Ok(Args { entries: vec![] });
        }
        let Some(hash) = RHash::from_value(value) else {
            return Err(ffi::wrong_type(what, "a Hash of keyword arguments"));
        };
        let mut entries = Vec::with_capacity(hash.len());
        let mut bad_key = false;
        hash.foreach(|key: Value, value: Value| {
            match key_name(key) {
                Some(name) => entries.push((name, value)),
                None => bad_key = true,
            }
            Ok(ForEach::Continue)
        })
        .map_err(|_| Error::invalid_param(what, format!("{what} could not be read")))?;
        if bad_key {
            return Err(ffi::wrong_type(what, "keyed by Symbols"));
        }
        Ok(Args { entries })
    }

    /// The value given for `name`, if any; `nil` counts as not given.
    pub fn take(&mut self, name: &str) -> Option<Value> {
        let index = self.entries.iter().position(|(k, _)| k == name)?;
        let (_, value) = self.entries.swap_remove(index);
        if value.is_nil() { None } else { Some(value) }
    }

    /// Refuses any keyword argument no one asked for.
    pub fn finish(self) -> Result<()> {
        match self.entries.first() {
            None => Ok(()),
            Some((name, _)) => Err(Error::invalid_param(
                name,
                format!("unknown keyword argument '{name}'"),
            )),
        }
    }

    pub fn string(&mut self, name: &str) -> Result<Option<String>> {
        self.take(name).map(|v| string(name, v)).transpose()
    }

    /// A String, or a Symbol for values from a fixed set (`status: :pending`).
    pub fn name(&mut self, name: &str) -> Result<Option<String>> {
        self.take(name)
            .map(|v| match Symbol::from_value(v) {
                Some(sym) => sym
                    .name()
                    .map(|n| n.into_owned())
                    .map_err(|_| ffi::wrong_type(name, "a String or Symbol")),
                None => string(name, v),
            })
            .transpose()
    }

    /// `Some(None)` when the key is given as nil (clear the field), `None` when it is missing.
    pub fn nullable_string(&mut self, name: &str) -> Result<Option<Option<String>>> {
        let Some(index) = self.entries.iter().position(|(k, _)| k == name) else {
            return Ok(None);
        };
        let (_, value) = self.entries.swap_remove(index);
        if value.is_nil() {
            Ok(Some(None))
        } else {
            string(name, value).map(|s| Some(Some(s)))
        }
    }

    pub fn required_string(&mut self, name: &str) -> Result<String> {
        match self.take(name) {
            Some(v) => string(name, v),
            None => Err(Error::invalid_param(name, format!("{name} is required"))),
        }
    }

    pub fn integer(&mut self, name: &str) -> Result<Option<i64>> {
        self.take(name).map(|v| integer(name, v)).transpose()
    }

    pub fn seconds(&mut self, name: &str) -> Result<Option<Duration>> {
        self.take(name).map(|v| seconds(name, v)).transpose()
    }

    pub fn max_retries(&mut self, name: &str) -> Result<Option<u32>> {
        self.integer(name)?
            .map(|n| ffi::max_retries(name, n))
            .transpose()
    }

    pub fn string_list(&mut self, name: &str) -> Result<Option<Vec<String>>> {
        self.take(name).map(|v| string_list(name, v)).transpose()
    }

    pub fn boolean(&mut self, name: &str) -> Result<Option<bool>> {
        self.take(name).map(|v| boolean(name, v)).transpose()
    }

    /// A Hash of extra body fields, as a JSON object.
    pub fn json_object(
        &mut self,
        name: &str,
    ) -> Result<Option<serde_json::Map<String, serde_json::Value>>> {
        self.take(name)
            .map(|v| match RHash::from_value(v) {
                Some(hash) => json_object(name, hash, 0),
                None => Err(ffi::wrong_type(name, "a Hash")),
            })
            .transpose()
    }

    pub fn headers(&mut self, name: &str) -> Result<Vec<(String, String)>> {
        match self.take(name) {
            Some(v) => headers(name, v),
            None => Ok(vec![]),
        }
    }
}

pub fn string(name: &str, value: Value) -> Result<String> {
    let Some(s) = RString::from_value(value) else {
        return Err(ffi::wrong_type(name, "a String"));
    };
    s.to_string()
        .map_err(|_| ffi::wrong_type(name, "a String of valid UTF-8"))
}

/// The bytes of a String (a webhook body is checked byte for byte, whatever its encoding).
pub fn bytes(name: &str, value: Value) -> Result<Vec<u8>> {
    let Some(s) = RString::from_value(value) else {
        return Err(ffi::wrong_type(name, "a String (the raw request body)"));
    };
    // SAFETY: the bytes are copied at once, before any Ruby code can run.
    Ok(unsafe { s.as_slice() }.to_vec())
}

pub fn integer(name: &str, value: Value) -> Result<i64> {
    let Some(n) = Integer::from_value(value) else {
        return Err(ffi::wrong_type(name, "an Integer"));
    };
    ffi::integer_in_range(name, n.to_i128().ok(), i64::MIN, i64::MAX)
}

pub fn seconds(name: &str, value: Value) -> Result<Duration> {
    let secs = if let Some(f) = Float::from_value(value) {
        f.to_f64()
    } else if let Some(n) = Integer::from_value(value) {
        f64::try_convert(n.as_value()).map_err(|_| ffi::wrong_type(name, "a number of seconds"))?
    } else {
        return Err(ffi::wrong_type(
            name,
            "a number of seconds (Integer or Float)",
        ));
    };
    ffi::duration_from_secs(name, secs)
}

pub fn string_list(name: &str, value: Value) -> Result<Vec<String>> {
    let Some(array) = RArray::from_value(value) else {
        return Err(ffi::wrong_type(name, "an Array of Strings"));
    };
    let mut out = Vec::with_capacity(array.len());
    for item in array.into_iter() {
        out.push(string(name, item).map_err(|_| ffi::wrong_type(name, "an Array of Strings"))?);
    }
    Ok(out)
}

pub fn boolean(name: &str, value: Value) -> Result<bool> {
    let ruby = Ruby::get_with(value);
    if value.is_kind_of(ruby.class_true_class()) {
        Ok(true)
    } else if value.is_kind_of(ruby.class_false_class()) {
        Ok(false)
    } else {
        Err(ffi::wrong_type(name, "true or false"))
    }
}

/// Unix seconds (a webhook's `now`, a signing `timestamp`): an Integer, or a whole Float, within
/// the years core can represent (core's rule).
pub fn unix_seconds(name: &str, value: Value) -> Result<i64> {
    let seconds = if let Some(n) = Integer::from_value(value) {
        // Beyond i64 it is out of range anyway; as a float core refuses it by name.
        n.to_i128().map_or(f64::INFINITY, |v| v as f64)
    } else if let Some(f) = Float::from_value(value) {
        f.to_f64()
    } else {
        return Err(ffi::wrong_type(name, "an Integer (unix seconds)"));
    };
    ffi::unix_seconds(name, seconds)
}

/// Request headers as `[[name, value], ...]` pairs (what Rack and most servers can hand over).
pub fn header_pairs(name: &str, value: Value) -> Result<Vec<(String, String)>> {
    let expected = "a Hash of header names to Strings, or [name, value] pairs";
    let Some(array) = RArray::from_value(value) else {
        return Err(ffi::wrong_type(name, expected));
    };
    let mut out = Vec::with_capacity(array.len());
    for pair in array.into_iter() {
        let pair = RArray::from_value(pair)
            .filter(|p| p.len() == 2)
            .ok_or_else(|| ffi::wrong_type(name, expected))?;
        let key = key_name(pair.entry(0).map_err(|_| ffi::wrong_type(name, expected))?);
        let val: Value = pair.entry(1).map_err(|_| ffi::wrong_type(name, expected))?;
        let val = RString::from_value(val).and_then(|s| s.to_string().ok());
        match (key, val) {
            (Some(k), Some(v)) => out.push((k, v)),
            _ => return Err(ffi::wrong_type(name, expected)),
        }
    }
    Ok(out)
}

/// A Ruby value as JSON (an `extra_body`'s fields): nil, true, false, Integers, finite Floats,
/// Strings, Symbols (as Strings), Arrays and Hashes of those. Anything else is refused naming
/// `name`, never converted with `to_s`.
pub fn json(name: &str, value: Value, depth: usize) -> Result<serde_json::Value> {
    use serde_json::Value as Json;
    let bad = || {
        ffi::wrong_type(
            name,
            "JSON data (nil, booleans, numbers, Strings, Arrays, Hashes)",
        )
    };
    if depth > 64 {
        return Err(bad());
    }
    let ruby = Ruby::get_with(value);
    if value.is_nil() {
        return Ok(Json::Null);
    }
    if value.is_kind_of(ruby.class_true_class()) {
        return Ok(Json::Bool(true));
    }
    if value.is_kind_of(ruby.class_false_class()) {
        return Ok(Json::Bool(false));
    }
    if let Some(n) = Integer::from_value(value) {
        return n
            .to_i64()
            .map(Json::from)
            .map_err(|_| ffi::wrong_type(name, "Integers within 64 bits"));
    }
    if let Some(f) = Float::from_value(value) {
        return serde_json::Number::from_f64(f.to_f64())
            .map(Json::Number)
            .ok_or_else(bad);
    }
    if let Some(sym) = Symbol::from_value(value) {
        return sym
            .name()
            .map(|n| Json::String(n.into_owned()))
            .map_err(|_| bad());
    }
    if RString::from_value(value).is_some() {
        return string(name, value).map(Json::String);
    }
    if let Some(array) = RArray::from_value(value) {
        let mut out = Vec::with_capacity(array.len());
        for item in array.into_iter() {
            out.push(json(name, item, depth + 1)?);
        }
        return Ok(Json::Array(out));
    }
    if let Some(hash) = RHash::from_value(value) {
        return json_object(name, hash, depth).map(Json::Object);
    }
    Err(bad())
}

/// A Hash as a JSON object (`extra_body:`), keys Symbols or Strings.
pub fn json_object(
    name: &str,
    hash: RHash,
    depth: usize,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    let mut out = serde_json::Map::new();
    let mut failure = None;
    hash.foreach(|key: Value, value: Value| {
        match key_name(key) {
            Some(k) => match json(name, value, depth + 1) {
                Ok(v) => {
                    out.insert(k, v);
                }
                Err(e) => failure = Some(e),
            },
            None => failure = Some(ffi::wrong_type(name, "a Hash keyed by Symbols or Strings")),
        }
        Ok(if failure.is_some() {
            ForEach::Stop
        } else {
            ForEach::Continue
        })
    })
    .map_err(|_| ffi::wrong_type(name, "a Hash"))?;
    match failure {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

pub fn headers(name: &str, value: Value) -> Result<Vec<(String, String)>> {
    let Some(hash) = RHash::from_value(value) else {
        return Err(ffi::wrong_type(
            name,
            "a Hash of header names to String values",
        ));
    };
    let mut out = Vec::with_capacity(hash.len());
    let mut bad = false;
    hash.foreach(|key: Value, value: Value| {
        match (
            key_name(key),
            RString::from_value(value).and_then(|s| s.to_string().ok()),
        ) {
            (Some(k), Some(v)) => out.push((k, v)),
            _ => bad = true,
        }
        Ok(ForEach::Continue)
    })
    .map_err(|_| ffi::wrong_type(name, "a Hash of header names to String values"))?;
    if bad {
        return Err(ffi::wrong_type(
            name,
            "a Hash of header names to String values",
        ));
    }
    Ok(out)
}
