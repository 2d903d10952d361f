//! Webhook deliveries: a signed body is unwrapped or refused with `invalid_payload`; what is
//! accepted re-serializes to an event that parses to the same value; a tampered body is always
//! refused by its signature, never parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zavu_core::webhooks::{self, VerifyOptions};

const SECRET: &str = "whsec_fuzz";
const NOW: i64 = 1_700_000_000;

fuzz_target!(|payload: &[u8]| {
    let options = VerifyOptions {
        now: time::OffsetDateTime::from_unix_timestamp(NOW).ok(),
        ..Default::default()
    };
    let header = webhooks::sign(payload, SECRET, NOW);
    match webhooks::unwrap_with(payload, &header, SECRET, options) {
        Ok(event) => {
            let _ = event.occurred_at();
            let again = serde_json::to_vec(&event.to_json()).expect("an event serializes");
            let reparsed = webhooks::parse_event(&again).expect("a serialized event parses");
            assert_eq!(reparsed, event);
        }
        Err(e) => assert_eq!(e.code(), "invalid_payload", "{e}"),
    }
    let headers = [("X-Zavu-Signature", header.as_str())];
    let by_headers =
        webhooks::unwrap_headers(payload, headers.iter().map(|(k, v)| (*k, *v)), SECRET);
    if let Err(e) = by_headers {
        assert!(
            ["invalid_payload", "stale_signature"].contains(&e.code()),
            "{e}"
        );
    }
    let mut tampered = payload.to_vec();
    tampered.push(b' ');
    let refused = webhooks::unwrap_with(&tampered, &header, SECRET, options).unwrap_err();
    assert_eq!(refused.code(), "invalid_signature");
});
