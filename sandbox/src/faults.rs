//! Fault injection: rules for the next N matching /v1 requests, and random faults for chaos runs.

use std::collections::BTreeMap;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::ApiError;

/// What happens to a request that a rule or chance picked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Fault {
    /// Answer with this status (and body, headers) without acting.
    Status {
        status: u16,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body: Option<Value>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        headers: BTreeMap<String, String>,
    },
    /// Wait, then handle normally.
    Delay { ms: u64 },
    /// Close the connection without acting or answering.
    DropBefore,
    /// Act (and store for idempotency), then close the connection without answering.
    DropAfter,
    /// Act, send the headers, then trickle the body.
    SlowBody { bytes_per_second: u64 },
}

impl Fault {
    /// The name the request log and random faults use for this fault.
    pub fn label(&self) -> String {
        match self {
            Fault::Status { status, .. } => format!("status_{status}"),
            Fault::Delay { .. } => "delay".into(),
            Fault::DropBefore => "drop_before".into(),
            Fault::DropAfter => "drop_after".into(),
            Fault::SlowBody { .. } => "slow_body".into(),
        }
    }

    /// Refuses faults that could not be answered, at registration rather than mid-request.
    pub fn check(&self) -> Result<(), ApiError> {
        if let Fault::Status {
            status, headers, ..
        } = self
        {
            if !(200..=599).contains(status) || StatusCode::from_u16(*status).is_err() {
                return Err(ApiError::invalid(
                    "fault.status",
                    "status must be an HTTP status between 200 and 599",
                ));
            }
            for (name, value) in headers {
                if HeaderName::try_from(name.as_str()).is_err()
                    || HeaderValue::try_from(value.as_str()).is_err()
                {
                    return Err(ApiError::invalid(
                        "fault.headers",
                        format!("header '{name}' is not a valid HTTP header"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The answer of a status fault.
    pub fn status_response(
        status: u16,
        body: Option<&Value>,
        headers: &BTreeMap<String, String>,
    ) -> Response {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        let mut response = match body {
            // A string is sent as raw text, so tests can imitate proxies' HTML error pages.
            Some(Value::String(text)) => (
                status,
                [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
                text.clone(),
            )
                .into_response(),
            Some(body) => (status, axum::Json(body.clone())).into_response(),
            None => {
                let mut error = ApiError::for_status(status);
                if status == StatusCode::TOO_MANY_REQUESTS {
                    error = error
                        .with_header("retry-after", "1")
                        .with_header("retry-after-ms", "1000");
                }
                error.into_response()
            }
        };
        for (name, value) in headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        response
    }
}

/// A fault for the next `count` requests matching `method` and `path`, after letting the first
/// `skip` of them through (so a test can fail the second page of a walk, not the first).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FaultRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub path: String,
    #[serde(default = "one")]
    pub count: u64,
    #[serde(default)]
    pub skip: u64,
    pub fault: Fault,
    #[serde(default)]
    pub remaining: u64,
}

fn one() -> u64 {
    1
}

impl FaultRule {
    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        method_ok && path_matches(&self.path, path)
    }
}

/// `pattern` equals `path`, where a `*` segment stands for any one segment.
pub(crate) fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern: Vec<&str> = pattern.trim_end_matches('/').split('/').collect();
    let path: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    pattern.len() == path.len()
        && pattern
            .iter()
            .zip(&path)
            .all(|(want, got)| *want == "*" || want == got)
}

/// Which kinds random faults may pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RandomKind {
    #[serde(rename = "status_503")]
    Status503,
    #[serde(rename = "status_500")]
    Status500,
    #[serde(rename = "status_429")]
    Status429,
    Delay,
    DropBefore,
    DropAfter,
}

const ALL_RANDOM_KINDS: [RandomKind; 6] = [
    RandomKind::Status503,
    RandomKind::Status500,
    RandomKind::Status429,
    RandomKind::Delay,
    RandomKind::DropBefore,
    RandomKind::DropAfter,
];

/// `POST /sandbox/random-faults`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RandomFaultsRequest {
    pub probability: f64,
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub kinds: Option<Vec<RandomKind>>,
    #[serde(default)]
    pub delay_ms: Option<u64>,
}

#[derive(Debug)]
struct RandomFaults {
    probability: f64,
    rng: StdRng,
    kinds: Vec<RandomKind>,
    delay_ms: u64,
}

/// The rules, random faults and how many faults were injected.
#[derive(Debug, Default)]
pub(crate) struct FaultBook {
    rules: Vec<FaultRule>,
    random: Option<RandomFaults>,
    injected: u64,
}

impl FaultBook {
    pub fn add_rule(&mut self, mut rule: FaultRule) {
        rule.remaining = rule.count;
        self.rules.push(rule);
    }

    pub fn rules(&self) -> &[FaultRule] {
        &self.rules
    }

    pub fn injected(&self) -> u64 {
        self.injected
    }

    /// Clears the rules and random faults; the injected total stays for stats.
    pub fn clear(&mut self) {
        self.rules.clear();
        self.random = None;
    }

    pub fn set_random(&mut self, request: RandomFaultsRequest) -> Result<(), ApiError> {
        if !(0.0..=1.0).contains(&request.probability) {
            return Err(ApiError::invalid(
                "probability",
                "probability must be between 0 and 1",
            ));
        }
        if request.probability == 0.0 {
            self.random = None;
            return Ok(());
        }
        let kinds = match request.kinds {
            Some(kinds) if !kinds.is_empty() => kinds,
            _ => ALL_RANDOM_KINDS.to_vec(),
        };
        self.random = Some(RandomFaults {
            probability: request.probability,
            rng: StdRng::seed_from_u64(request.seed),
            kinds,
            delay_ms: request.delay_ms.unwrap_or(500),
        });
        Ok(())
    }

    /// The fault for this request, if any: the first live matching rule, else chance.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let from_rule = self
            .rules
            .iter_mut()
            .find(|rule| rule.remaining > 0 && rule.matches(method, path))
            .and_then(|rule| {
                if rule.skip > 0 {
                    rule.skip -= 1;
                    return None;
                }
                rule.remaining -= 1;
                Some(rule.fault.clone())
            });
        let fault = from_rule.or_else(|| self.random.as_mut().and_then(RandomFaults::roll));
        if fault.is_some() {
            self.injected += 1;
        }
        fault
    }
}

impl RandomFaults {
    fn roll(&mut self) -> Option<Fault> {
        if self.kinds.is_empty() || self.rng.random::<f64>() >= self.probability {
            return None;
        }
        let kind = self.kinds[self.rng.random_range(0..self.kinds.len())];
        let status = |status: u16| Fault::Status {
            status,
            body: None,
            headers: BTreeMap::new(),
        };
        Some(match kind {
            RandomKind::Status503 => status(503),
            RandomKind::Status500 => status(500),
            RandomKind::Status429 => status(429),
            RandomKind::Delay => Fault::Delay { ms: self.delay_ms },
            RandomKind::DropBefore => Fault::DropBefore,
            RandomKind::DropAfter => Fault::DropAfter,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_kinds_use_their_documented_names() {
        let names = serde_json::json!([
            "status_503",
            "status_500",
            "status_429",
            "delay",
            "drop_before",
            "drop_after"
        ]);
        let kinds: Vec<RandomKind> = serde_json::from_value(names).unwrap();
        assert_eq!(kinds, ALL_RANDOM_KINDS);
    }

    #[test]
    fn star_matches_one_segment() {
        assert!(path_matches("/v1/invitations/*", "/v1/invitations/inv_1"));
        assert!(path_matches(
            "/v1/invitations/*/cancel",
            "/v1/invitations/x/cancel"
        ));
        assert!(!path_matches("/v1/invitations/*", "/v1/invitations"));
        assert!(!path_matches(
            "/v1/invitations/*",
            "/v1/invitations/a/cancel"
        ));
        assert!(path_matches("/v1/invitations", "/v1/invitations"));
    }
}
