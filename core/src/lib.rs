#![doc = include_str!("../README.md")]
// uniffi's scaffolding (feature `uniffi`, for bindings-uniffi only) is generated unsafe FFI code.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

mod client;
pub mod config;
pub mod error;
pub mod ffi;
#[doc(hidden)]
pub mod fuzzing;
pub mod logging;
pub mod models;
mod pagination;
mod resources;
pub mod runtime;
pub mod validation;
pub mod webhooks;

pub use client::{Client, ClientOverrides, ClientStats, VERSION};
pub use config::{ClientOptions, RateLimit, RequestOptions, Response, ResponseMeta, ResponseSlot};
pub use error::{
    ERROR_CLASSES, Error, ErrorClass, ErrorKind, KNOWN_CODES, ParamStyle, Result, codes, param_name,
};
pub use models::*;
pub use pagination::{AutoPager, Page};
pub use resources::{Invitations, PhoneNumbers, Senders, WaitOptions};
