//! The record of webhook deliveries and the job a queued event becomes: plain data that
//! [`crate::state::AppState`] owns. Sending, signing and retrying live in `webhooks`, which
//! depends on the state; this module depends on nothing in the crate.

use serde::Serialize;
use serde_json::Value;

/// One event for one webhook, as listed by `GET /sandbox/webhooks/deliveries`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Delivery {
    pub event_id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub url: String,
    pub attempts: u32,
    pub delivered: bool,
    pub last_status: Option<u16>,
    pub payload: Value,
}

#[derive(Debug, Default)]
pub(crate) struct DeliveryLog {
    items: Vec<Delivery>,
    /// Bumped by reset so retries of forgotten deliveries stop.
    generation: u64,
}

impl DeliveryLog {
    pub fn items(&self) -> &[Delivery] {
        &self.items
    }

    /// The current generation: a job from an older one belongs to a reset sandbox.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Records a new delivery and answers the generation its job belongs to.
    pub fn push(&mut self, delivery: Delivery) -> u64 {
        self.items.push(delivery);
        self.generation
    }

    pub fn clear(&mut self) {
        self.items.clear();
        self.generation += 1;
    }

    /// Counts one attempt (`status` is `None` when the receiver could not be reached); an attempt
    /// of a generation that a reset forgot is ignored.
    pub fn record_attempt(&mut self, generation: u64, event_id: &str, status: Option<u16>) {
        if generation != self.generation {
            return;
        }
        if let Some(delivery) = self.items.iter_mut().find(|d| d.event_id == event_id) {
            delivery.attempts += 1;
            delivery.last_status = status;
            delivery.delivered = status.is_some_and(|s| (200..300).contains(&s));
        }
    }
}

/// A signed-at-send-time event waiting for its first attempt.
#[derive(Debug)]
pub(crate) struct DeliveryJob {
    pub event_id: String,
    pub event_type: &'static str,
    pub url: String,
    pub secret: String,
    pub body: Vec<u8>,
    pub generation: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery(id: &str) -> Delivery {
        Delivery {
            event_id: id.into(),
            event_type: "invitation.status_changed".into(),
            url: "http://127.0.0.1:9/hook".into(),
            attempts: 0,
            delivered: false,
            last_status: None,
            payload: Value::Null,
        }
    }

    #[test]
    fn attempts_are_counted_and_a_2xx_marks_delivered() {
        let mut log = DeliveryLog::default();
        let generation = log.push(delivery("evt_1"));
        log.record_attempt(generation, "evt_1", Some(500));
        log.record_attempt(generation, "evt_1", None);
        assert!(!log.items()[0].delivered);
        log.record_attempt(generation, "evt_1", Some(204));
        let item = &log.items()[0];
        assert_eq!(
            (item.attempts, item.delivered, item.last_status),
            (3, true, Some(204))
        );
    }

    #[test]
    fn attempts_from_before_a_reset_are_ignored() {
        let mut log = DeliveryLog::default();
        let old = log.push(delivery("evt_1"));
        log.clear();
        let new = log.push(delivery("evt_1"));
        assert_ne!(old, new);
        log.record_attempt(old, "evt_1", Some(200));
        assert_eq!(log.items()[0].attempts, 0);
    }
}
