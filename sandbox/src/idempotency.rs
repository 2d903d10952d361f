//! The `Idempotency-Key` book: which keys are in flight and which first answers are stored for
//! replay, so a client can retry a create after a lost response without making two invitations.
//!
//! This is plain data that [`crate::state::AppState`] owns behind its own lock. It knows nothing
//! of the state, the request pipeline or the handlers; the middleware that reads request bodies
//! and answers replays is `pipeline::idempotent`.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode};

use crate::error::ErrorMarker;

/// What makes two requests "the same": method, path and exact body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    pub method: String,
    pub path: String,
    pub body: Bytes,
}

/// A first answer, kept to be replayed byte for byte.
#[derive(Debug, Clone)]
pub(crate) struct StoredResponse {
    pub status: StatusCode,
    pub content_type: Option<HeaderValue>,
    pub body: Bytes,
    /// The error behind the answer, so a replay can still be rewritten to the nested form.
    pub error: Option<ErrorMarker>,
}

#[derive(Debug)]
enum Entry {
    InFlight(Fingerprint),
    Done(Fingerprint, StoredResponse),
}

/// Where a key lives: (API key, idempotency key). Keys are scoped per API key, so two teams may
/// use the same idempotency key independently.
pub(crate) type Slot = (String, String);

/// What to do with a request that carries an idempotency key.
#[derive(Debug)]
pub(crate) enum Claim {
    /// The key is new: it is now in flight for this request, which should run.
    Run,
    /// The same request already finished: answer this again without acting.
    Replay(StoredResponse),
    /// The same request is still running.
    InFlight,
    /// The key was used for a different request.
    Mismatch,
}

#[derive(Debug, Default)]
pub(crate) struct IdempotencyStore {
    entries: HashMap<Slot, Entry>,
}

impl IdempotencyStore {
    /// Looks the key up and, when it is new, marks it in flight for `fingerprint`.
    pub fn claim(&mut self, slot: &Slot, fingerprint: &Fingerprint) -> Claim {
        match self.entries.get(slot) {
            Some(Entry::Done(first, stored)) if first == fingerprint => {
                Claim::Replay(stored.clone())
            }
            Some(Entry::InFlight(first)) if first == fingerprint => Claim::InFlight,
            Some(_) => Claim::Mismatch,
            None => {
                self.entries
                    .insert(slot.clone(), Entry::InFlight(fingerprint.clone()));
                Claim::Run
            }
        }
    }

    /// Stores the first answer of a claimed key for later replays.
    pub fn complete(&mut self, slot: Slot, fingerprint: Fingerprint, response: StoredResponse) {
        self.entries
            .insert(slot, Entry::Done(fingerprint, response));
    }

    /// Frees a key whose request never finished (the client hung up, or the answer was a 5xx
    /// that a retry should run again). A completed key is left alone.
    pub fn release(&mut self, slot: &Slot) {
        if matches!(self.entries.get(slot), Some(Entry::InFlight(_))) {
            self.entries.remove(slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(key: &str) -> Slot {
        ("zavu_key".to_string(), key.to_string())
    }

    fn request(body: &'static str) -> Fingerprint {
        Fingerprint {
            method: "POST".into(),
            path: "/v1/invitations".into(),
            body: Bytes::from_static(body.as_bytes()),
        }
    }

    fn answer() -> StoredResponse {
        StoredResponse {
            status: StatusCode::OK,
            content_type: None,
            body: Bytes::from_static(b"{}"),
            error: None,
        }
    }

    #[test]
    fn a_new_key_runs_then_is_in_flight_then_replays() {
        let mut store = IdempotencyStore::default();
        assert!(matches!(store.claim(&slot("k"), &request("a")), Claim::Run));
        assert!(matches!(
            store.claim(&slot("k"), &request("a")),
            Claim::InFlight
        ));
        store.complete(slot("k"), request("a"), answer());
        match store.claim(&slot("k"), &request("a")) {
            Claim::Replay(stored) => assert_eq!(stored.body, Bytes::from_static(b"{}")),
            other => panic!("expected a replay, got {other:?}"),
        }
    }

    #[test]
    fn another_request_with_the_key_is_a_mismatch_in_flight_or_done() {
        let mut store = IdempotencyStore::default();
        store.claim(&slot("k"), &request("a"));
        assert!(matches!(
            store.claim(&slot("k"), &request("b")),
            Claim::Mismatch
        ));
        store.complete(slot("k"), request("a"), answer());
        assert!(matches!(
            store.claim(&slot("k"), &request("b")),
            Claim::Mismatch
        ));
    }

    #[test]
    fn release_frees_an_in_flight_key_but_keeps_a_stored_answer() {
        let mut store = IdempotencyStore::default();
        store.claim(&slot("k"), &request("a"));
        store.release(&slot("k"));
        assert!(matches!(store.claim(&slot("k"), &request("b")), Claim::Run));
        store.complete(slot("k"), request("b"), answer());
        store.release(&slot("k"));
        assert!(matches!(
            store.claim(&slot("k"), &request("b")),
            Claim::Replay(_)
        ));
    }

    #[test]
    fn keys_are_scoped_per_api_key() {
        let mut store = IdempotencyStore::default();
        store.claim(&slot("k"), &request("a"));
        let other_team = ("other_key".to_string(), "k".to_string());
        assert!(matches!(
            store.claim(&other_team, &request("b")),
            Claim::Run
        ));
    }
}
