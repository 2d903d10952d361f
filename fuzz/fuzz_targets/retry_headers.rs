//! Retry and rate-limit headers (`Retry-After` in seconds or as an HTTP date, `retry-after-ms`,
//! `x-should-retry`, `X-RateLimit-Remaining` / `X-RateLimit-Reset`): any values are read without
//! panicking, and no header makes the client wait longer than its 60 s cap.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use zavu_core::fuzzing::{self, RateLimitNote};

const CAP: Duration = Duration::from_secs(60);
const NAMES: [&str; 6] = [
    "retry-after",
    "retry-after-ms",
    "x-should-retry",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-ratelimit-limit",
];

fuzz_target!(|data: &[u8]| {
    let (status, rest) = match data {
        [hi, lo, rest @ ..] => (u16::from_be_bytes([*hi, *lo]) % 1000, rest),
        _ => (503, data),
    };
    // Each line is `name: value`; a line without a colon is a value for the next known name.
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for (i, line) in rest.split(|b| *b == b'\n').enumerate() {
        match line.iter().position(|b| *b == b':') {
            Some(at) => pairs.push((line[..at].to_vec(), line[at + 1..].to_vec())),
            None => pairs.push((NAMES[i % NAMES.len()].as_bytes().to_vec(), line.to_vec())),
        }
    }
    let headers = fuzzing::header_map(&pairs);
    if let Some(delay) = fuzzing::server_delay(&headers) {
        assert!(delay <= CAP, "{delay:?}");
    }
    let _ = fuzzing::should_retry(status, &headers);
    for now in [0.0, 1_700_000_000.0, f64::MAX] {
        if let RateLimitNote::Wait(wait) = fuzzing::rate_limit_note(&headers, now) {
            assert!(!wait.is_zero() && wait <= CAP, "{wait:?}");
        }
    }
});
