//! The shared state of one running sandbox. Each concern has its own lock so a slow path in one
//! (say, idempotency bookkeeping) never waits on another; every lock is held only for a few
//! statements and never across an `.await`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::{mpsc, watch};

use crate::config::{SandboxConfig, team_name};
use crate::delivery_log::{DeliveryJob, DeliveryLog};
use crate::faults::FaultBook;
use crate::idempotency::IdempotencyStore;
use crate::rate_limit::RateLimiter;
use crate::request_log::RequestLog;
use crate::store::Store;

/// Locks a mutex, carrying on after a panic elsewhere: the data is plain bookkeeping, and a
/// sandbox that keeps answering is more useful to a test than one that poisons itself.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One API key and the team it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Team {
    pub index: usize,
    pub key: String,
    pub name: String,
}

impl Team {
    pub fn project_id(&self) -> String {
        format!("prj_{}", self.name)
    }
}

/// Settings that tests may change while the sandbox runs (`POST /sandbox/settings`).
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub rate_limits: bool,
    pub nested_errors: bool,
    pub rate_limit_window: Duration,
    pub webhook_retry_delays: Vec<Duration>,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub faults_injected: AtomicU64,
    pub idempotent_replays: AtomicU64,
}

impl Counters {
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn reset(&self) {
        self.requests.store(0, Ordering::Relaxed);
        self.faults_injected.store(0, Ordering::Relaxed);
        self.idempotent_replays.store(0, Ordering::Relaxed);
    }
}

pub(crate) struct AppState {
    /// `http://HOST:PORT`, the prefix of invitation URLs.
    pub base_url: String,
    pub teams: Vec<Team>,
    teams_by_key: HashMap<String, usize>,
    pub store: Mutex<Store>,
    pub settings: Mutex<Settings>,
    pub faults: Mutex<FaultBook>,
    pub rate_limits: Mutex<RateLimiter>,
    pub idempotency: Mutex<IdempotencyStore>,
    pub request_log: Mutex<RequestLog>,
    pub deliveries: Mutex<DeliveryLog>,
    pub counters: Counters,
    /// How far the sandbox clock runs ahead of real time.
    clock_offset: Mutex<time::Duration>,
    pub http: reqwest::Client,
    /// First delivery attempts go through one queue so a receiver sees events in order.
    pub delivery_queue: mpsc::UnboundedSender<DeliveryJob>,
    /// Changes (or closes) when the sandbox shuts down; background work watches it.
    pub shutdown: watch::Receiver<bool>,
}

impl AppState {
    pub fn new(
        config: &SandboxConfig,
        base_url: String,
        http: reqwest::Client,
        delivery_queue: mpsc::UnboundedSender<DeliveryJob>,
        shutdown: watch::Receiver<bool>,
    ) -> Self {
        let teams: Vec<Team> = team_keys(config)
            .into_iter()
            .enumerate()
            .map(|(index, key)| Team {
                index,
                key,
                name: team_name(index),
            })
            .collect();
        let teams_by_key = teams.iter().map(|t| (t.key.clone(), t.index)).collect();
        let store = Store::new(teams.len());
        AppState {
            base_url,
            teams,
            teams_by_key,
            store: Mutex::new(store),
            settings: Mutex::new(Settings {
                rate_limits: config.rate_limits,
                nested_errors: config.nested_errors,
                rate_limit_window: config.rate_limit_window,
                webhook_retry_delays: config.webhook_retry_delays.clone(),
            }),
            faults: Mutex::new(FaultBook::default()),
            rate_limits: Mutex::new(RateLimiter::default()),
            idempotency: Mutex::new(IdempotencyStore::default()),
            request_log: Mutex::new(RequestLog::default()),
            deliveries: Mutex::new(DeliveryLog::default()),
            counters: Counters::default(),
            clock_offset: Mutex::new(time::Duration::ZERO),
            http,
            delivery_queue,
            shutdown,
        }
    }

    pub fn team_by_key(&self, key: &str) -> Option<&Team> {
        self.teams_by_key.get(key).and_then(|i| self.teams.get(*i))
    }

    pub fn default_team(&self) -> Option<&Team> {
        self.teams.first()
    }

    /// The sandbox clock: real time plus however far tests have advanced it.
    pub fn now(&self) -> OffsetDateTime {
        let offset = *lock(&self.clock_offset);
        let now = OffsetDateTime::now_utc().saturating_add(offset);
        // The real API sends millisecond timestamps (`.000Z`); so does the sandbox.
        let millis = now.millisecond();
        now.replace_millisecond(millis).unwrap_or(now)
    }

    pub fn advance_clock(&self, by: time::Duration) -> OffsetDateTime {
        {
            let mut offset = lock(&self.clock_offset);
            *offset = offset.saturating_add(by);
        }
        self.now()
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Forgets everything tests created; keys, settings and the clock stay.
    pub fn reset(&self) {
        lock(&self.store).clear();
        *lock(&self.faults) = FaultBook::default();
        *lock(&self.rate_limits) = RateLimiter::default();
        *lock(&self.idempotency) = IdempotencyStore::default();
        *lock(&self.request_log) = RequestLog::default();
        lock(&self.deliveries).clear();
        self.counters.reset();
    }
}

/// The configured keys without duplicates (a repeated key would make two teams share one key),
/// or the default keys when none is configured.
pub(crate) fn team_keys(config: &SandboxConfig) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for key in &config.api_keys {
        if !key.is_empty() && !keys.contains(key) {
            keys.push(key.clone());
        }
    }
    if keys.is_empty() {
        keys = crate::config::DEFAULT_KEYS
            .iter()
            .map(|k| k.to_string())
            .collect();
    }
    keys
}
