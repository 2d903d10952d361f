#![doc = include_str!("../README.md")]
//! The crate exports, through uniffi's proc macros (no UDL): [`ZavuClient`] and its resources
//! (async methods, run on core's shared tokio runtime), records and enums mirroring core's models,
//! one error enum [`ZavuError`] (Kotlin `ZavuException`), the webhook functions and
//! [`known_error_codes`].

// `ZavuError` is large (seven fields per variant) because its shape is what Kotlin and Swift
// receive; uniffi cannot lower a boxed variant, and it is built once per failed call.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!();

mod client;
mod error;
mod models;
mod pages;
mod task;
mod webhooks;

pub use client::{
    ClientOptions, ClientOverrides, ClientStats, Header, Invitations, PhoneNumbers, RateLimit,
    RequestOptions, ResponseMeta, Senders, WaitOptions, ZavuClient,
};
pub use error::{
    ErrorClass, ZavuError, error_classes, error_kind_name, error_kinds, known_error_codes,
    param_name,
};
pub use models::*;
pub use pages::{
    InvitationPage, InvitationPager, PhoneNumberPage, PhoneNumberPager, SenderPage, SenderPager,
};
pub use webhooks::{
    InvitationStatusChangedData, WebhookEvent, WebhookEventData, sign_webhook, unwrap_webhook,
    unwrap_webhook_headers, verify_webhook, verify_webhook_headers, webhook_signature_header,
};
/// Core's own error kind, exported through core's `uniffi` feature (Kotlin
/// `dev.zavu.sdk.core.ErrorKind`, aliased as `dev.zavu.sdk.ErrorKind`; Swift `ErrorKind` in the `ZavuSDK` module).
pub use zavu_core::ErrorKind;

/// The SDK's version, the same for every crate and package.
#[uniffi::export]
pub fn sdk_version() -> String {
    zavu_core::VERSION.to_string()
}
