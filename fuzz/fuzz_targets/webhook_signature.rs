//! `X-Zavu-Signature`: any header text parses or is refused with `invalid_signature`, verifying
//! against it never panics, and a header signed with the right secret always verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zavu_core::webhooks::{self, SignatureScheme, VerifyOptions};

const SECRET: &str = "whsec_fuzz";

fuzz_target!(|data: &[u8]| {
    // The first line is the header; the rest, the payload it claims to sign.
    let (header, payload) = match data.iter().position(|b| *b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &b"{}"[..]),
    };
    let header = String::from_utf8_lossy(header);
    match webhooks::parse_signature_header(&header) {
        Ok(parsed) => {
            assert!(parsed.timestamp.is_some() && !(parsed.v1.is_empty() && parsed.v2.is_empty()))
        }
        Err(e) => assert_eq!(e.code(), "invalid_signature", "{e}"),
    }
    if let Err(e) = webhooks::verify(payload, &header, SECRET) {
        assert!(
            ["invalid_signature", "stale_signature"].contains(&e.code()),
            "{e}"
        );
    }
    // The timestamp is taken from the header when it has one, so signing at it is in range.
    let timestamp = webhooks::parse_signature_header(&header)
        .ok()
        .and_then(|p| p.timestamp)
        .unwrap_or(1_700_000_000)
        .clamp(0, 253_402_300_799);
    let options = VerifyOptions {
        now: time::OffsetDateTime::from_unix_timestamp(timestamp).ok(),
        ..Default::default()
    };
    for scheme in [
        SignatureScheme::V1,
        SignatureScheme::V2,
        SignatureScheme::Both,
    ] {
        let signed = webhooks::sign_with(payload, SECRET, timestamp, scheme);
        let parsed = webhooks::parse_signature_header(&signed).expect("our own header parses");
        assert_eq!(parsed.timestamp, Some(timestamp));
        webhooks::verify_with(payload, &signed, SECRET, options).expect("right secret verifies");
        let wrong = webhooks::verify_with(payload, &signed, "whsec_other", options).unwrap_err();
        assert_eq!(wrong.code(), "invalid_signature");
    }
});
