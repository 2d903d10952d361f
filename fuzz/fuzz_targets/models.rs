//! Every model and request type: any bytes parse or are refused; what parses serializes and
//! parses back to the same value; the request types' validation never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use zavu_core::models::*;
use zavu_core::validation;

fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
    body: &[u8],
) -> Option<T> {
    let value: T = serde_json::from_slice(body).ok()?;
    let bytes = serde_json::to_vec(&value).expect("a parsed model serializes");
    let again: T = serde_json::from_slice(&bytes).expect("a serialized model parses");
    assert_eq!(
        again,
        value,
        "round trip of {}",
        String::from_utf8_lossy(&bytes)
    );
    Some(value)
}

fn all_models(body: &[u8]) {
    round_trip::<Invitation>(body);
    round_trip::<PhoneNumber>(body);
    round_trip::<Sender>(body);
    round_trip::<WebhookConfig>(body);
    round_trip::<ConnectedAccount>(body);
    round_trip::<PageData<Invitation>>(body);
    round_trip::<PageData<Sender>>(body);
    if let Some(p) = round_trip::<CreateInvitationParams>(body) {
        let _ = validation::validate_create_invitation(&p);
    }
    if let Some(p) = round_trip::<ListInvitationsParams>(body) {
        let _ = validation::validate_list_invitations(&p);
    }
    if let Some(p) = round_trip::<ListSendersParams>(body) {
        let _ = validation::validate_list_senders(&p);
    }
    if let Some(p) = round_trip::<PurchasePhoneNumberParams>(body) {
        let _ = validation::validate_purchase_phone_number(&p);
    }
    if let Some(p) = round_trip::<CreateWebhookParams>(body) {
        let _ = validation::validate_create_webhook(&p);
    }
    if let Some(p) = round_trip::<UpdateWebhookParams>(body) {
        let _ = validation::validate_update_webhook(&p);
    }
}

fuzz_target!(|body: &[u8]| {
    all_models(body);
    // Responses wrap models in an envelope ({"invitation": {...}}): reach the inner object too.
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) {
        for inner in map.values().take(4) {
            all_models(&serde_json::to_vec(inner).expect("a JSON value serializes"));
        }
    }
});
