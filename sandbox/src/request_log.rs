//! The last /v1 requests, so tests can check what a client actually sent (retries, keys, agents).

use std::collections::VecDeque;

use serde::Serialize;

/// How many requests the log keeps.
pub(crate) const REQUEST_LOG_CAPACITY: usize = 1000;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LoggedRequest {
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
}

impl RequestLog {
    pub fn push(&mut self, entry: LoggedRequest) {
        if self.entries.len() >= REQUEST_LOG_CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// Oldest first; with a limit, the last `limit` matching entries.
    pub fn query(&self, path: Option<&str>, limit: Option<usize>) -> Vec<LoggedRequest> {
        let matching: Vec<&LoggedRequest> = self
            .entries
            .iter()
            .filter(|e| path.is_none_or(|p| crate::faults::path_matches(p, &e.path)))
            .collect();
        let skip = limit.map_or(0, |limit| matching.len().saturating_sub(limit));
        matching.into_iter().skip(skip).cloned().collect()
    }
}
