//! The last /v1 requests, so tests can check what a client actually sent (retries, keys, agents).

use std::collections::VecDeque;

use serde::Serialize;

/// How many requests the log keeps.
pub(crate) const REQUEST_LOG_CAPACITY: usize = 1000;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LoggedRequest {
    /// Position in the log, so an answer can be recorded on the entry of its request.
    #[serde(skip)]
    pub seq: u64,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub idempotency_key: Option<String>,
    pub user_agent: Option<String>,
    /// `X-Zavu-Retry-Count`, which tells a retry from a first attempt.
    pub retry_count: Option<u64>,
    /// The status answered; null when the connection was dropped before any answer existed.
    pub status: Option<u16>,
    pub fault: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<LoggedRequest>,
    next_seq: u64,
}

/// Which entries a query returns.
#[derive(Debug, Default)]
pub(crate) struct RequestFilter {
    /// The path, exactly or as a pattern with `*` segments.
    pub path: Option<String>,
    /// Paths that start with this.
    pub path_prefix: Option<String>,
}

impl RequestLog {
    /// Logs a request as it arrives, so one that is abandoned mid-way (a client timeout) still
    /// shows; returns the handle to record its answer with.
    pub fn push(&mut self, mut entry: LoggedRequest) -> u64 {
        if self.entries.len() >= REQUEST_LOG_CAPACITY {
            self.entries.pop_front();
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        entry.seq = seq;
        self.entries.push_back(entry);
        seq
    }

    /// Records what a logged request was answered, and the fault it met.
    pub fn record_answer(&mut self, seq: u64, status: Option<u16>, fault: Option<String>) {
        if let Some(entry) = self.entries.iter_mut().rev().find(|e| e.seq == seq) {
            entry.status = status;
            entry.fault = fault;
        }
    }

    /// Oldest first; with a limit, the last `limit` matching entries.
    pub fn query(&self, filter: &RequestFilter, limit: Option<usize>) -> Vec<LoggedRequest> {
        let matching: Vec<&LoggedRequest> = self
            .entries
            .iter()
            .filter(|e| {
                filter
                    .path
                    .as_deref()
                    .is_none_or(|p| crate::faults::path_matches(p, &e.path))
                    && filter
                        .path_prefix
                        .as_deref()
                        .is_none_or(|p| e.path.starts_with(p))
            })
            .collect();
        let skip = limit.map_or(0, |limit| matching.len().saturating_sub(limit));
        matching.into_iter().skip(skip).cloned().collect()
    }
}
