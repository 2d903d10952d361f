//! `zavu-node`: the native half of the npm package `@zavudev/sdk` (napi-rs).
//!
//! This crate is the native half of `@zavudev/sdk`. Every method converts its arguments, calls
//! `zavu-core`, and converts the result; the JavaScript layer in `js/` only picks the error class
//! from the error's kind and shapes the API the guide shows.
//!
//! A call's value crosses into JavaScript as its wire JSON text, which the JavaScript layer reads
//! with one `JSON.parse` (see `outcome::Answer`); an error crosses as the tagged object
//! `{ ok: false, error: { code, message, status, body, param, retryAfter, requestId, kind } }`,
//! resolved rather than rejected because a rejected napi promise cannot carry its own `code`
//! (napi-rs issues 1632 and 1681). The JavaScript layer throws the typed error.
//!
//! Calls that do I/O return promises made by `settle::start` (one threadsafe function per
//! JavaScript thread for every call) rather than napi-rs's `async fn` (one per call).

mod arg;
mod convert;
mod outcome;
mod settle;

use std::sync::Arc;

use napi::Env;
use napi::bindgen_prelude::{Either, PromiseRaw, Uint8Array};
use napi_derive::napi;
use serde_json::Value;
use zavu_core::ffi::{CancelHandle, catch_panics, catch_panics_sync};
use zavu_core::webhooks;
use zavu_core::{AutoPager, Client, Invitation, PhoneNumber, ResponseSlot, Sender};

use crate::arg::JsArg;
use crate::convert::{CallOptions, ClientOptions, WaitOptions, request_options};
use crate::outcome::{Outcome, error_value};

/// The addon's tokio runtime, made before napi-rs would make its default one (a worker per
/// core). One worker: JavaScript calls in from one thread, and with a single worker a call's
/// future and its connection's task run on the same thread, so an answer is not handed from
/// worker to worker (list page +6-32%, get +3-7% on 2 cores). One worker parses thousands of
/// pages a second, far above the API's rate limits (200 lists a minute per key). If the runtime
/// cannot be built here, napi-rs builds its default one.
#[napi_derive::module_init]
fn init_runtime() {
    if let Ok(runtime) = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("zavu-node")
        .enable_all()
        .build()
    {
        napi::bindgen_prelude::create_custom_tokio_runtime(runtime);
    }
}

/// The version of the SDK (one version for every crate and package).
#[napi]
pub fn version() -> String {
    zavu_core::VERSION.to_string()
}

/// Every error code core knows, in core's order (`zavu_core::KNOWN_CODES`).
#[napi]
pub fn known_codes() -> Vec<String> {
    zavu_core::KNOWN_CODES
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// Every error kind core can report (`zavu_core::ErrorKind::as_str`), which the JavaScript layer
/// maps to its error classes.
#[napi]
pub fn error_kinds() -> Vec<String> {
    zavu_core::ErrorKind::ALL
        .iter()
        .map(|k| k.as_str().to_string())
        .collect()
}

/// Core's error-class tree, parents first: `{ name, parent, kind, aliases }` each. The
/// JavaScript layer declares exactly these classes; a test compares them.
#[napi]
pub fn error_classes() -> Value {
    zavu_core::ERROR_CLASSES
        .iter()
        .map(|c| {
            serde_json::json!({
                "name": c.name,
                "parent": c.parent,
                "kind": c.kind.map(|k| k.as_str()),
                "aliases": c.aliases,
            })
        })
        .collect()
}

/// A switch that cancels the calls it is passed to; the JavaScript layer flips it from an
/// `AbortSignal`'s `abort` event. With `trackResponse()`, the calls it is passed to also record
/// their answer's status, headers, request id and rate limit (`.withResponse()`), read back
/// with `response()`.
#[napi]
#[derive(Default)]
pub struct CancelToken {
    handle: CancelHandle,
    slot: std::sync::OnceLock<ResponseSlot>,
}

#[napi]
impl CancelToken {
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call running under this token, now and later.
    #[napi]
    pub fn cancel(&self) {
        self.handle.cancel();
    }

    /// Whether `cancel` was called.
    #[napi(getter)]
    pub fn cancelled(&self) -> bool {
        self.handle.is_cancelled()
    }

    /// Asks the calls run under this token to record their answer's metadata.
    #[napi]
    pub fn track_response(&self) {
        self.slot.get_or_init(ResponseSlot::new);
    }

    /// The metadata of the last answer recorded under this token: `{ status, headers (pairs,
    /// lower-case names), requestId, rateLimit: { limit, remaining, reset }, retriesTaken }`, or
    /// `null`.
    #[napi]
    pub fn response(&self) -> Value {
        match self.slot.get().and_then(ResponseSlot::get) {
            Some(meta) => serde_json::json!({
                "status": meta.status,
                "headers": meta.headers,
                "requestId": meta.request_id,
                "rateLimit": {
                    "limit": meta.rate_limit.limit,
                    "remaining": meta.rate_limit.remaining,
                    "reset": meta.rate_limit.reset,
                },
                "retriesTaken": meta.attempts.saturating_sub(1),
            }),
            None => Value::Null,
        }
    }
}

/// Runs one core call: under the caller's cancel token when given, with panics turned into
/// `internal_panic` errors, and with the result serialized to its wire JSON.
async fn run<T, F>(cancel: Option<CancelHandle>, call: F) -> outcome::Answer
where
    T: serde::Serialize,
    F: std::future::Future<Output = zavu_core::Result<T>>,
{
    let guarded = catch_panics(call);
    let result = match cancel {
        Some(handle) => handle.run(guarded).await,
        None => guarded.await,
    };
    result.into_outcome()
}

fn handle_of(cancel: Option<&CancelToken>) -> Option<CancelHandle> {
    cancel.map(|token| token.handle.clone())
}

/// A Zavu client: one core `Client` (one connection pool) per `new Zavudev(...)`.
#[napi]
pub struct NativeClient {
    client: Client,
}

/// Opens a client. Returns the client, or the tagged error when the options are refused (for
/// example `missing_api_key`), so that construction errors carry their code like any other.
#[napi]
pub fn open_client(options: JsArg) -> Either<NativeClient, Value> {
    let opened = catch_panics_sync(|| {
        let options = convert::client_options(options.parse::<ClientOptions>("options")?)?;
        Client::new(options)
    });
    match opened {
        Ok(client) => Either::A(NativeClient { client }),
        Err(error) => Either::B(error_value(&error)),
    }
}

impl NativeClient {
    /// The client for one call: a cheap clone sharing the pool, with the call's options (and
    /// the token's response slot when it tracks the answer).
    /// Runs on the JavaScript thread, before the call's future starts, so it catches its own
    /// panics.
    fn with(&self, options: JsArg, cancel: Option<&CancelToken>) -> zavu_core::Result<Client> {
        catch_panics_sync(|| {
            let mut options = request_options(options.parse::<CallOptions>("options")?)?;
            options.response = cancel.and_then(|token| token.slot.get().cloned());
            if options == zavu_core::RequestOptions::default() {
                Ok(self.client.clone())
            } else {
                Ok(self.client.with_options(&options))
            }
        })
    }
}

impl NativeClient {
    /// Starts one call: converts the call's options here, on the JavaScript thread, then runs
    /// `call` with the resulting client (or the refusal of the options) on the runtime, and
    /// returns the promise of its answer.
    fn start<'env, T, F, Fut>(
        &self,
        env: &'env Env,
        options: JsArg,
        cancel: Option<&CancelToken>,
        call: F,
    ) -> napi::Result<PromiseRaw<'env, String>>
    where
        T: serde::Serialize + 'static,
        F: FnOnce(zavu_core::Result<Client>) -> Fut,
        Fut: std::future::Future<Output = zavu_core::Result<T>> + Send + 'static,
    {
        let client = self.with(options, cancel);
        settle::start(env, run(handle_of(cancel), call(client)))
    }
}

#[napi]
impl NativeClient {
    /// The base URL calls go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.client.base_url().to_string()
    }

    /// The per-attempt timeout, in milliseconds.
    #[napi(getter)]
    pub fn timeout(&self) -> f64 {
        self.client.timeout().as_secs_f64() * 1000.0
    }

    /// The retries after a first attempt.
    #[napi(getter)]
    pub fn max_retries(&self) -> u32 {
        self.client.max_retries()
    }

    /// What this client has sent: `{ requests, retries }`.
    #[napi]
    pub fn stats(&self) -> Value {
        let stats = self.client.stats();
        serde_json::json!({ "requests": stats.requests, "retries": stats.retries })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn create_invitation<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            client?.invitations().create(&params).await
        })
    }

    /// One page of invitations as `{ items, nextCursor }`.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn list_invitations<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            let page = client?.invitations().list(&params).await?;
            Ok(convert::PageJson::from(page))
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn get_invitation<'env>(
        &self,
        env: &'env Env,
        invitation_id: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = invitation_id.string("invitationId")?;
            client?.invitations().get(&id).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn cancel_invitation<'env>(
        &self,
        env: &'env Env,
        invitation_id: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = invitation_id.string("invitationId")?;
            client?.invitations().cancel(&id).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn wait_for_completion<'env>(
        &self,
        env: &'env Env,
        invitation_id: JsArg,
        wait: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = invitation_id.string("invitationId")?;
            let wait = convert::wait_options(wait.parse::<WaitOptions>("options")?)?;
            client?.invitations().wait_for_completion(&id, wait).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn create_webhook<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            client?.invitations().create_webhook(&params).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn get_webhook<'env>(
        &self,
        env: &'env Env,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            client?.invitations().get_webhook().await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn update_webhook<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            client?.invitations().update_webhook(&params).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn delete_webhook<'env>(
        &self,
        env: &'env Env,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            client?.invitations().delete_webhook().await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn purchase_phone_number<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            client?.phone_numbers().purchase(&params).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn get_sender<'env>(
        &self,
        env: &'env Env,
        sender_id: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = sender_id.string("senderId")?;
            client?.senders().get(&id).await
        })
    }

    /// One page of senders as `{ items, nextCursor }`.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn list_senders<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            let page = client?.senders().list(&params).await?;
            Ok(convert::PageJson::from(page))
        })
    }

    /// A new client on the same pool with some options changed (`withOptions`): `{ apiKey,
    /// baseUrl, timeout, maxRetries, defaultHeaders }`, unset ones kept. Returns the client, or
    /// the tagged error.
    #[napi]
    pub fn derive(&self, options: JsArg) -> Either<NativeClient, Value> {
        let derived = catch_panics_sync(|| {
            let overrides = convert::client_overrides(options.parse("options")?)?;
            self.client.with_client_options(&overrides)
        });
        match derived {
            Ok(client) => Either::A(NativeClient { client }),
            Err(error) => Either::B(error_value(&error)),
        }
    }

    /// Numbers the team can buy, as `{ items }` (`phoneNumbers.searchAvailable`).
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn search_available_phone_numbers<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            let items = client?.phone_numbers().search_available(&params).await?;
            Ok(serde_json::json!({ "items": items }))
        })
    }

    /// A number's regulatory requirements, as `{ items }`.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn phone_number_requirements<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            let items = client?.phone_numbers().requirements(&params).await?;
            Ok(serde_json::json!({ "items": items }))
        })
    }

    /// One page of the team's numbers as `{ items, nextCursor }`.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn list_phone_numbers<'env>(
        &self,
        env: &'env Env,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let params = params.parse("params")?;
            let page = client?.phone_numbers().list(&params).await?;
            Ok(convert::PageJson::from(page))
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn get_phone_number<'env>(
        &self,
        env: &'env Env,
        phone_number_id: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = phone_number_id.string("phoneNumberId")?;
            client?.phone_numbers().retrieve(&id).await
        })
    }

    /// Changes the given fields of a number; `null` clears `name` or unassigns `senderId`.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn update_phone_number<'env>(
        &self,
        env: &'env Env,
        phone_number_id: JsArg,
        params: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = phone_number_id.string("phoneNumberId")?;
            let params = params.parse("params")?;
            client?.phone_numbers().update(&id, &params).await
        })
    }

    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn release_phone_number<'env>(
        &self,
        env: &'env Env,
        phone_number_id: JsArg,
        options: JsArg,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        self.start(env, options, cancel, |client| async move {
            let id = phone_number_id.string("phoneNumberId")?;
            client?.phone_numbers().release(&id).await
        })
    }

    /// A lazy walk over every number of the team; see `invitationPager`.
    #[napi]
    pub fn phone_number_pager(&self, params: JsArg, options: JsArg) -> Pager {
        let walk = params.parse("params").and_then(|params| {
            Ok(Walk::PhoneNumbers(
                self.with(options, None)?.phone_numbers().walk(&params),
            ))
        });
        Pager::new(walk)
    }

    /// A lazy walk over every invitation matching `params` (from `params.cursor` on, when set).
    /// Nothing is fetched until the first `nextBatch()`.
    #[napi]
    pub fn invitation_pager(&self, params: JsArg, options: JsArg) -> Pager {
        let walk = params.parse("params").and_then(|params| {
            Ok(Walk::Invitations(
                self.with(options, None)?.invitations().walk(&params),
            ))
        });
        Pager::new(walk)
    }

    /// A lazy walk over every sender; see `invitationPager`.
    #[napi]
    pub fn sender_pager(&self, params: JsArg, options: JsArg) -> Pager {
        let walk = params.parse("params").and_then(|params| {
            Ok(Walk::Senders(
                self.with(options, None)?.senders().walk(&params),
            ))
        });
        Pager::new(walk)
    }
}

/// Core's lazy walk (nothing is fetched before the first `nextBatch()`), or the refusal of its
/// arguments, which every `nextBatch()` then reports.
enum Walk {
    Invitations(AutoPager<Invitation>),
    Senders(AutoPager<Sender>),
    PhoneNumbers(AutoPager<PhoneNumber>),
    Refused(zavu_core::Error),
    Done,
}

/// Walks every item of a list with core's `AutoPager`, one page in memory, fetching the next
/// page only when the current one is used up. Items cross into JavaScript a page at a time.
#[napi]
pub struct Pager {
    // A tokio mutex: `nextBatch()` holds the walk across the await of a page fetch, and
    // overlapping calls from JavaScript must queue rather than race for the same cursor.
    walk: Arc<tokio::sync::Mutex<Walk>>,
}

impl Pager {
    fn new(walk: zavu_core::Result<Walk>) -> Self {
        let walk = walk.unwrap_or_else(Walk::Refused);
        Pager {
            walk: Arc::new(tokio::sync::Mutex::new(walk)),
        }
    }
}

/// The items core's pager hands over at once: the rest of the current page, or the next page.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Batch {
    Invitations(Vec<Invitation>),
    Senders(Vec<Sender>),
    PhoneNumbers(Vec<PhoneNumber>),
}

async fn next_batch(walk: &mut Walk) -> zavu_core::Result<Option<Batch>> {
    // Core's rule: a failed fetch fails this call only; the next one fetches the same page.
    let batch = match walk {
        Walk::Invitations(pager) => pager.next_batch().await?.map(Batch::Invitations),
        Walk::Senders(pager) => pager.next_batch().await?.map(Batch::Senders),
        Walk::PhoneNumbers(pager) => pager.next_batch().await?.map(Batch::PhoneNumbers),
        Walk::Refused(error) => return Err(error.clone()),
        Walk::Done => None,
    };
    if batch.is_none() {
        *walk = Walk::Done;
    }
    Ok(batch)
}

#[napi]
impl Pager {
    /// The next items as a JSON array (the rest of the current page, or the next page), or
    /// `null` after the last one.
    #[napi(ts_return_type = "Promise<string | any>")]
    pub fn next_batch<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let walk = Arc::clone(&self.walk);
        settle::start(
            env,
            run(handle_of(cancel), async move {
                let mut walk = walk.lock().await;
                next_batch(&mut walk).await
            }),
        )
    }

    /// Ends the walk and frees its page.
    #[napi(js_name = "return")]
    pub fn finish(&self) {
        if let Ok(mut walk) = self.walk.try_lock() {
            *walk = Walk::Done;
        }
    }
}

/// A raw webhook body: a string or bytes exactly as received. A parsed body (what
/// `express.json()` hands a handler) cannot be verified: the signature covers the exact bytes.
fn payload_bytes(payload: Either<String, Uint8Array>, parsed: JsArg) -> zavu_core::Result<Vec<u8>> {
    match payload {
        Either::A(text) => Ok(text.into_bytes()),
        Either::B(bytes) if !bytes.is_empty() || parsed.is_absent() => Ok(bytes.to_vec()),
        Either::B(_) => Err(zavu_core::ffi::wrong_type(
            "payload",
            "the raw request body (a string or a Buffer) exactly as received; a parsed body \
             (express.json()) cannot be verified: use express.raw({ type: 'application/json' })",
        )),
    }
}

/// The request's headers as `[name, value]` pairs (the JavaScript layer flattens a `Headers`,
/// a plain object or Node's `IncomingHttpHeaders` into them).
fn header_pairs(headers: JsArg) -> zavu_core::Result<Vec<(String, String)>> {
    let wrong = || {
        zavu_core::ffi::wrong_type(
            "headers",
            "a Headers object, an object of header names to strings, or [name, value] pairs",
        )
    };
    match headers.value("headers")? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Array(pairs) => pairs
            .into_iter()
            .map(|pair| match pair {
                serde_json::Value::Array(mut pair) if pair.len() == 2 => {
                    match (pair.remove(0), pair.remove(0)) {
                        (serde_json::Value::String(name), serde_json::Value::String(value)) => {
                            Ok((name, value))
                        }
                        _ => Err(wrong()),
                    }
                }
                _ => Err(wrong()),
            })
            .collect(),
        _ => Err(wrong()),
    }
}

/// Verifies a webhook delivery's signature; the value is `null` when it is valid. `now` (unix
/// seconds) replaces the clock, for tests.
#[napi]
pub fn webhooks_verify(
    payload: Either<String, Uint8Array>,
    parsed: JsArg,
    headers: JsArg,
    secret: JsArg,
    now: JsArg,
) -> Either<String, Value> {
    catch_panics_sync(|| {
        let payload = payload_bytes(payload, parsed)?;
        let headers = header_pairs(headers)?;
        let secret = secret.string("secret")?;
        let now = convert::unix_seconds(now.optional_number("now")?, "now")?;
        zavu_core::ffi::verify_headers(&payload, &headers, &secret, now).map(|()| Value::Null)
    })
    .into_outcome()
}

/// Verifies a webhook delivery, then parses its event (the event's wire JSON).
#[napi]
pub fn webhooks_unwrap(
    payload: Either<String, Uint8Array>,
    parsed: JsArg,
    headers: JsArg,
    secret: JsArg,
    now: JsArg,
) -> Either<String, Value> {
    catch_panics_sync(|| {
        let payload = payload_bytes(payload, parsed)?;
        let headers = header_pairs(headers)?;
        let secret = secret.string("secret")?;
        let now = convert::unix_seconds(now.optional_number("now")?, "now")?;
        zavu_core::ffi::unwrap_headers(&payload, &headers, &secret, now).map(|e| e.to_json())
    })
    .into_outcome()
}

/// Signs a payload the way Zavu does (for tests and local tools). `scheme` is `v1`, `v2` or
/// `both` (the default); `timestamp` is unix seconds, now by default.
#[napi]
pub fn webhooks_sign(
    payload: Either<String, Uint8Array>,
    secret: JsArg,
    timestamp: JsArg,
    scheme: JsArg,
) -> Either<String, Value> {
    catch_panics_sync(|| {
        let payload = payload_bytes(payload, JsArg::absent())?;
        let secret = secret.string("secret")?;
        let scheme = scheme.optional_string("scheme")?;
        let scheme = zavu_core::ffi::signature_scheme("scheme", scheme.as_deref())?;
        let timestamp =
            convert::unix_seconds(timestamp.optional_number("timestamp")?, "timestamp")?;
        let timestamp = zavu_core::ffi::signing_timestamp(timestamp);
        Ok(webhooks::sign_with(&payload, &secret, timestamp, scheme))
    })
    .into_outcome()
}
