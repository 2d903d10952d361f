//! Per-key, per-endpoint rate limits in fixed windows, as the real API publishes them. Windows run
//! on real time (not the sandbox clock) because clients sleep in real time to honour them.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::{HeaderValue, Method, Response};

/// The rate-limited endpoints of the API (`docs/wire.md`, "Rate limits").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Endpoint {
    CreateInvitation,
    ListInvitations,
    GetInvitation,
    CancelInvitation,
}

impl Endpoint {
    pub fn limit(self) -> u32 {
        match self {
            Endpoint::CreateInvitation | Endpoint::CancelInvitation => 100,
            Endpoint::ListInvitations | Endpoint::GetInvitation => 200,
        }
    }

    /// The limited endpoint a request is for, if any.
    pub fn classify(method: &Method, path: &str) -> Option<Endpoint> {
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        match (method, segments.as_slice()) {
            (&Method::POST, ["", "v1", "invitations"]) => Some(Endpoint::CreateInvitation),
            (&Method::GET, ["", "v1", "invitations"]) => Some(Endpoint::ListInvitations),
            (&Method::GET, ["", "v1", "invitations", id]) if *id != "webhook" => {
                Some(Endpoint::GetInvitation)
            }
            (&Method::POST, ["", "v1", "invitations", _, "cancel"]) => {
                Some(Endpoint::CancelInvitation)
            }
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Window {
    started: Instant,
    used: u32,
}

/// Where a key stands in its current window.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quota {
    pub limit: u32,
    pub remaining: u32,
    /// Time left until the window ends.
    pub resets_in: Duration,
}

impl Quota {
    /// Unix seconds of the window end, rounded up so a client never wakes too early.
    fn reset_unix(&self) -> u64 {
        let now = SystemTime::now();
        let end = now.checked_add(self.resets_in).unwrap_or(now);
        let since_epoch = end.duration_since(UNIX_EPOCH).unwrap_or_default();
        since_epoch.as_secs() + u64::from(since_epoch.subsec_nanos() > 0)
    }

    pub fn apply<B>(&self, response: &mut Response<B>) {
        let headers = response.headers_mut();
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset_unix()));
    }

    /// `Retry-After` in whole seconds, at least 1.
    pub fn retry_after_secs(&self) -> u64 {
        let ms = self.resets_in.as_millis() as u64;
        ms.div_ceil(1000).max(1)
    }

    pub fn retry_after_ms(&self) -> u64 {
        (self.resets_in.as_millis() as u64).max(1)
    }
}

#[derive(Debug, Default)]
pub(crate) struct RateLimiter {
    windows: HashMap<(String, Endpoint), Window>,
}

impl RateLimiter {
    /// Counts one request; `Err` when the window is used up (the request is then not counted).
    pub fn hit(
        &mut self,
        key: &str,
        endpoint: Endpoint,
        window_len: Duration,
    ) -> Result<Quota, Quota> {
        let now = Instant::now();
        let window = self
            .windows
            .entry((key.to_string(), endpoint))
            .or_insert(Window {
                started: now,
                used: 0,
            });
        if now.duration_since(window.started) >= window_len {
            *window = Window {
                started: now,
                used: 0,
            };
        }
        let limit = endpoint.limit();
        let resets_in = window
            .started
            .checked_add(window_len)
            .map_or(window_len, |end| end.saturating_duration_since(now));
        if window.used >= limit {
            return Err(Quota {
                limit,
                remaining: 0,
                resets_in,
            });
        }
        window.used += 1;
        Ok(Quota {
            limit,
            remaining: limit - window.used,
            resets_in,
        })
    }
}
