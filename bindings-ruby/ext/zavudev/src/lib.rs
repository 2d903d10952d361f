//! `zavudev_native`: the native half of the `zavudev` gem, a thin binding of zavu-core built
//! with magnus. Ruby's half (`lib/zavudev`) gives the idiomatic API (models with `Time`s,
//! `Enumerable` pages, the error classes); everything else (validation, retries, idempotency
//! keys, pagination, waiting, webhook signatures) is core's.
//!
//! `Zavudev::Native`:
//! - `Client.new(options)` and `client.call(name, kwargs)`: one entry for every API call, named
//!   as in the conformance files (`invitations.create`), with Ruby's keyword arguments;
//! - `Page` (one page, its items as wire Hashes) and `Pager` (`next_batch`: the items of the next
//!   page, crossing the boundary once per page);
//! - `webhook_sign`, `webhook_verify`, `webhook_unwrap`;
//! - `error_classes`, `KNOWN_CODES`, `param_name`, `after_fork`, `VERSION`.

mod args;
mod errors;
mod gvl;

use std::sync::Arc;

use magnus::value::ReprValue;
use magnus::{
    Error, IntoValue, RArray, RHash, RModule, RString, Ruby, Value, function, method, prelude::*,
};
use serde::Serialize;
use serde_json::Value as Json;
use zavu_core::{
    AutoPager, Client, ClientOptions, ConnectionType, CreateInvitationParams, CreateWebhookParams,
    Invitation, InvitationStatus, ListInvitationsParams, ListPhoneNumbersParams, ListSendersParams,
    Page, ParamStyle, PhoneNumber, PhoneNumberRequirementsParams, PhoneNumberStatus,
    PhoneNumberType, PurchasePhoneNumberParams, RequestOptions, SearchAvailablePhoneNumbersParams,
    Sender, UpdatePhoneNumberParams, UpdateWebhookParams, ffi, webhooks,
};

use args::Args;
use errors::to_rb_err;
use gvl::block_on;

type CoreResult<T> = zavu_core::Result<T>;

// ---------------------------------------------------------------------------------------------
// JSON (core's models as the wire sends them) into Ruby objects

fn json_to_ruby(ruby: &Ruby, value: &Json) -> Result<Value, Error> {
    use magnus::rb_sys::AsRawValue;
    Ok(match value {
        Json::Null => ruby.qnil().as_value(),
        Json::Bool(b) => b.into_value_with(ruby),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_value_with(ruby)
            } else if let Some(u) = n.as_u64() {
                u.into_value_with(ruby)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_value_with(ruby)
            }
        }
        Json::String(s) => ruby.str_new(s).as_value(),
        Json::Array(items) => {
            let array = ruby.ary_new_capa(items.len());
            for item in items {
                let item = json_to_ruby(ruby, item)?;
                // SAFETY: GVL held; a fresh, unfrozen Array cannot raise on push. The direct
                // call skips magnus's `rb_protect` per element, which dominated large pages.
                unsafe { rb_sys::rb_ary_push(array.as_raw(), item.as_raw()) };
            }
            array.as_value()
        }
        Json::Object(map) => {
            let hash = ruby.hash_new();
            for (key, item) in map {
                let item = json_to_ruby(ruby, item)?;
                // SAFETY: as above; a fresh, unfrozen Hash with a frozen String key cannot raise.
                unsafe {
                    rb_sys::rb_hash_aset(hash.as_raw(), interned(key).as_raw(), item.as_raw())
                };
            }
            hash.as_value()
        }
    })
}

/// A Hash key: Ruby's interned (frozen, deduplicated) String for `key`, so the keys every model
/// repeats are not allocated (nor copied by `Hash#[]=`) once per object.
fn interned(key: &str) -> Value {
    use magnus::rb_sys::FromRawValue;
    // SAFETY: called with the GVL held; Ruby copies the bytes, which are valid for the call.
    unsafe {
        Value::from_raw(rb_sys::rb_interned_str(
            key.as_ptr() as *const std::os::raw::c_char,
            key.len() as _,
        ))
    }
}

fn encode_error(error: serde_json::Error) -> zavu_core::Error {
    zavu_core::Error::new(
        zavu_core::codes::INVALID_RESPONSE,
        format!("cannot encode the result: {error}"),
    )
}

fn to_json<T: Serialize>(value: &T) -> CoreResult<Json> {
    serde_json::to_value(value).map_err(encode_error)
}

/// A page's items as their wire JSON text, written on the runtime (off the GVL).
///
/// Items cross as text that Ruby's own `JSON.parse` reads (see [`parse_items`]), not as
/// `serde_json::Value`s: building a `Value` per item cost more than parsing the page (~0.98 M
/// instructions a 50-item page against ~0.37 M for the text), and Ruby's C parser builds the
/// Hashes about twice as fast as one `rb_hash_aset` per key from Rust (issue 19).
fn json_list<T: Serialize>(items: &[T]) -> CoreResult<String> {
    serde_json::to_string(items).map_err(encode_error)
}

/// The items' wire Hashes (String keys, as the API sent them), read with Ruby's `JSON.parse`.
/// Without its nesting limit (100): the text is core's own output, already bounded by
/// serde_json's limit (128) when the answer was parsed, and an unknown field nested between the
/// two must reach Ruby rather than raise `JSON::NestingError`.
fn parse_items(ruby: &Ruby, text: &str) -> Result<RArray, Error> {
    let json: RModule = ruby.class_object().const_get("JSON")?;
    let options = ruby.hash_new();
    options.aset(ruby.to_symbol("max_nesting"), false)?;
    json.funcall("parse", (ruby.str_new(text), options))
}

/// Core's result, or the exception to raise, with the one error conversion.
fn check<T>(ruby: &Ruby, result: CoreResult<T>) -> Result<T, Error> {
    result.map_err(|error| to_rb_err(ruby, error))
}

// ---------------------------------------------------------------------------------------------
// Client

#[magnus::wrap(class = "Zavudev::Native::Client", free_immediately, size)]
struct NativeClient {
    client: Client,
}

fn client_options(ruby: &Ruby, options: Value) -> CoreResult<ClientOptions> {
    let mut args = Args::new(options, "options")?;
    let version: String = ruby
        .class_object()
        .const_get::<_, RString>("RUBY_VERSION")
        .ok()
        .and_then(|v| v.to_string().ok())
        .unwrap_or_default();
    let options = ClientOptions {
        api_key: args.string("api_key")?,
        base_url: args.string("base_url")?,
        timeout: args.seconds("timeout")?,
        connect_timeout: args.seconds("connect_timeout")?,
        max_retries: args.max_retries("max_retries")?,
        default_headers: args.headers("default_headers")?,
        allow_insecure_http: args.boolean("allow_insecure_http")?.unwrap_or(false),
        disable_rate_limit_wait: args.boolean("disable_rate_limit_wait")?.unwrap_or(false),
        binding: Some(format!("ruby/{version}")),
        ..Default::default()
    };
    args.finish()?;
    Ok(options)
}

impl NativeClient {
    fn new(ruby: &Ruby, options: Value) -> Result<NativeClient, Error> {
        let options = check(ruby, client_options(ruby, options))?;
        let client = check(ruby, ffi::catch_panics_sync(|| Client::new(options)))?;
        Ok(NativeClient { client })
    }

    fn base_url(&self) -> String {
        self.client.base_url().to_string()
    }

    fn timeout(&self) -> f64 {
        self.client.timeout().as_secs_f64()
    }

    fn max_retries(&self) -> u32 {
        self.client.max_retries()
    }

    fn close(&self) {
        self.client.close();
    }

    fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// One API call: `name` as in the conformance files, `kwargs` Ruby's keyword arguments.
    fn call(ruby: &Ruby, rb_self: &Self, name: String, kwargs: Value) -> Result<Value, Error> {
        Self::run(ruby, &rb_self.client, name, kwargs)
    }

    /// `call`, with what the API answered: `[value, { status:, headers:, request_id:,
    /// rate_limit: { limit:, remaining:, reset: }, attempts: }]`.
    fn call_raw(ruby: &Ruby, rb_self: &Self, name: String, kwargs: Value) -> Result<RArray, Error> {
        let slot = zavu_core::ResponseSlot::new();
        let recording = rb_self.client.with_options(&RequestOptions {
            response: Some(slot.clone()),
            ..Default::default()
        });
        let value = Self::run(ruby, &recording, name, kwargs)?;
        let meta = slot.take().unwrap_or_default();
        let response = serde_json::json!({
            "status": meta.status,
            "headers": meta.headers,
            "request_id": meta.request_id,
            "rate_limit": {
                "limit": meta.rate_limit.limit,
                "remaining": meta.rate_limit.remaining,
                "reset": meta.rate_limit.reset,
            },
            "attempts": meta.attempts,
        });
        let out = ruby.ary_new_capa(2);
        out.push(value)?;
        out.push(json_to_ruby(ruby, &response)?)?;
        Ok(out)
    }

    /// A client with `overrides` (api_key, base_url, timeout, max_retries, default_headers) on
    /// top of this one's options, sharing its connection pool.
    fn with_options(ruby: &Ruby, rb_self: &Self, overrides: Value) -> Result<NativeClient, Error> {
        let derived = ffi::catch_panics_sync(|| {
            let mut args = Args::new(overrides, "options")?;
            let default_headers = match args.take("default_headers") {
                Some(v) => Some(args::headers("default_headers", v)?),
                None => None,
            };
            let overrides = zavu_core::ClientOverrides {
                api_key: args.string("api_key")?,
                base_url: args.string("base_url")?,
                timeout: args.seconds("timeout")?,
                max_retries: args.max_retries("max_retries")?,
                default_headers,
            };
            args.finish()?;
            rb_self.client.with_client_options(&overrides)
        });
        Ok(NativeClient {
            client: check(ruby, derived)?,
        })
    }

    fn run(ruby: &Ruby, client: &Client, name: String, kwargs: Value) -> Result<Value, Error> {
        let mut args = check(ruby, Args::new(kwargs, "arguments"))?;
        let op = check(ruby, prepare(client, &name, &mut args))?;
        check(ruby, args.finish())?;
        match op {
            Op::Json(call) => {
                let json = block_on(ruby, call)?;
                json_to_ruby(ruby, &json)
            }
            Op::Page(call) => {
                let page = block_on(ruby, call)?;
                Ok(page.into_value_with(ruby))
            }
            Op::Nothing(call) => {
                block_on(ruby, call)?;
                Ok(ruby.qnil().as_value())
            }
        }
    }

    fn inspect(&self) -> String {
        format!(
            "#<Zavudev::Native::Client base_url={:?} api_key=[redacted]>",
            self.client.base_url()
        )
    }
}

type BoxCall<T> = std::pin::Pin<Box<dyn std::future::Future<Output = CoreResult<T>> + Send>>;

enum Op {
    Json(BoxCall<Json>),
    Page(BoxCall<NativePage>),
    Nothing(BoxCall<()>),
}

fn json_call<T, F>(call: F) -> Op
where
    T: Serialize,
    F: std::future::Future<Output = CoreResult<T>> + Send + 'static,
{
    Op::Json(Box::pin(async move { to_json(&call.await?) }))
}

/// Per-call options: `timeout`, `max_retries`, `extra_headers`, `extra_query`, `extra_body`
/// (and `idempotency_key` for POSTs), given directly or in `request_options:` as the published
/// gem takes them. Core merges them into the request.
fn request_options(args: &mut Args, post: bool, with_timeout: bool) -> CoreResult<RequestOptions> {
    let mut nested = match args.take("request_options") {
        Some(value) => Some(Args::new(value, "request_options")?),
        None => None,
    };
    let mut options = RequestOptions::default();
    for source in [Some(&mut *args), nested.as_mut()].into_iter().flatten() {
        if with_timeout && let Some(t) = source.seconds("timeout")? {
            options.timeout = Some(t);
        }
        if let Some(n) = source.max_retries("max_retries")? {
            options.max_retries = Some(n);
        }
        if post && let Some(key) = source.string("idempotency_key")? {
            options.idempotency_key = Some(key);
        }
        options.headers.extend(source.headers("extra_headers")?);
        options.extra_query.extend(source.headers("extra_query")?);
        if let Some(body) = source.json_object("extra_body")? {
            options
                .extra_body
                .get_or_insert_with(Default::default)
                .extend(body);
        }
    }
    if let Some(nested) = nested {
        nested.finish()?;
    }
    Ok(options)
}

fn with(client: &Client, options: &RequestOptions) -> Client {
    if *options == RequestOptions::default() {
        client.clone()
    } else {
        client.with_options(options)
    }
}

/// Reads the arguments of call `name` and returns the call, not yet started.
fn prepare(client: &Client, name: &str, args: &mut Args) -> CoreResult<Op> {
    Ok(match name {
        "invitations.create" => {
            let params = CreateInvitationParams {
                client_name: args.string("client_name")?,
                client_email: args.string("client_email")?,
                client_phone: args.string("client_phone")?,
                phone_number_id: args.string("phone_number_id")?,
                expires_in_days: args.integer("expires_in_days")?,
                connection_type: args
                    .name("connection_type")?
                    .map(|s| ConnectionType::from(s.as_str())),
                allowed_phone_countries: args.string_list("allowed_phone_countries")?,
            };
            let c = with(client, &request_options(args, true, true)?);
            json_call(async move { c.invitations().create(&params).await })
        }
        "invitations.list" => {
            let params = ListInvitationsParams {
                status: args
                    .name("status")?
                    .map(|s| InvitationStatus::from(s.as_str())),
                limit: args.integer("limit")?,
                cursor: args.string("cursor")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            Op::Page(Box::pin(async move {
                NativePage::new(AnyPage::Invitations(c.invitations().list(&params).await?))
            }))
        }
        "invitations.get" | "invitations.cancel" => {
            let id = args.required_string("invitation_id")?;
            let post = name == "invitations.cancel";
            let c = with(client, &request_options(args, post, true)?);
            if post {
                json_call(async move { c.invitations().cancel(&id).await })
            } else {
                json_call(async move { c.invitations().get(&id).await })
            }
        }
        "invitations.wait_for_completion" => {
            let id = args.required_string("invitation_id")?;
            let timeout = args.seconds("timeout")?;
            let poll_interval = args.seconds("poll_interval")?;
            let options = ffi::wait_options(timeout, poll_interval);
            let c = with(client, &request_options(args, false, false)?);
            json_call(async move { c.invitations().wait_for_completion(&id, options).await })
        }
        "invitations.create_webhook" => {
            let url = args.required_string("url")?;
            let events = args.string_list("events")?;
            let mut params = CreateWebhookParams::new(url);
            if let Some(events) = events {
                params.events = events;
            }
            let c = with(client, &request_options(args, true, true)?);
            json_call(async move { c.invitations().create_webhook(&params).await })
        }
        "invitations.get_webhook" => {
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move { c.invitations().get_webhook().await })
        }
        "invitations.update_webhook" => {
            let params = UpdateWebhookParams {
                url: args.string("url")?,
                events: args.string_list("events")?,
                active: args.boolean("active")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move { c.invitations().update_webhook(&params).await })
        }
        "invitations.delete_webhook" => {
            let c = with(client, &request_options(args, false, true)?);
            Op::Nothing(Box::pin(
                async move { c.invitations().delete_webhook().await },
            ))
        }
        "phone_numbers.purchase" => {
            let params = PurchasePhoneNumberParams {
                phone_number: args.required_string("phone_number")?,
                name: args.string("name")?,
            };
            let c = with(client, &request_options(args, true, true)?);
            json_call(async move { c.phone_numbers().purchase(&params).await })
        }
        "phone_numbers.search_available" => {
            let params = SearchAvailablePhoneNumbersParams {
                country_code: args.required_string("country_code")?,
                number_type: args
                    .name("type")?
                    .map(|s| PhoneNumberType::from(s.as_str())),
                contains: args.string("contains")?,
                capabilities: args.string("capabilities")?,
                limit: args.integer("limit")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move {
                Ok(
                    serde_json::json!({ "items": c.phone_numbers().search_available(&params).await? }),
                )
            })
        }
        "phone_numbers.requirements" => {
            let params = PhoneNumberRequirementsParams {
                country_code: args.string("country_code")?,
                phone_number: args.string("phone_number")?,
                number_type: args
                    .name("type")?
                    .map(|s| PhoneNumberType::from(s.as_str())),
            };
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move {
                Ok(serde_json::json!({ "items": c.phone_numbers().requirements(&params).await? }))
            })
        }
        "phone_numbers.list" => {
            let params = ListPhoneNumbersParams {
                status: args
                    .name("status")?
                    .map(|s| PhoneNumberStatus::from(s.as_str())),
                limit: args.integer("limit")?,
                cursor: args.string("cursor")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            Op::Page(Box::pin(async move {
                NativePage::new(AnyPage::PhoneNumbers(
                    c.phone_numbers().list(&params).await?,
                ))
            }))
        }
        "phone_numbers.get" | "phone_numbers.release" => {
            let id = args.required_string("phone_number_id")?;
            let c = with(client, &request_options(args, false, true)?);
            if name == "phone_numbers.get" {
                json_call(async move { c.phone_numbers().retrieve(&id).await })
            } else {
                Op::Nothing(Box::pin(
                    async move { c.phone_numbers().release(&id).await },
                ))
            }
        }
        "phone_numbers.update" => {
            let id = args.required_string("phone_number_id")?;
            // A key given as nil clears the field (unnamed, unassigned); a missing key leaves it.
            let params = UpdatePhoneNumberParams {
                name: args.nullable_string("name")?,
                sender_id: args.nullable_string("sender_id")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move { c.phone_numbers().update(&id, &params).await })
        }
        "senders.get" => {
            let id = args.required_string("sender_id")?;
            let c = with(client, &request_options(args, false, true)?);
            json_call(async move { c.senders().get(&id).await })
        }
        "senders.list" => {
            let params = ListSendersParams {
                limit: args.integer("limit")?,
                cursor: args.string("cursor")?,
            };
            let c = with(client, &request_options(args, false, true)?);
            Op::Page(Box::pin(async move {
                NativePage::new(AnyPage::Senders(c.senders().list(&params).await?))
            }))
        }
        other => {
            return Err(zavu_core::Error::new(
                zavu_core::codes::INVALID_REQUEST,
                format!("unknown call '{other}'"),
            ));
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Pages

enum AnyPage {
    Invitations(Page<Invitation>),
    Senders(Page<Sender>),
    PhoneNumbers(Page<PhoneNumber>),
}

enum AnyPager {
    Invitations(AutoPager<Invitation>),
    Senders(AutoPager<Sender>),
    PhoneNumbers(AutoPager<PhoneNumber>),
}

impl AnyPage {
    fn items_json(&self) -> CoreResult<String> {
        match self {
            AnyPage::Invitations(p) => json_list(&p.items),
            AnyPage::Senders(p) => json_list(&p.items),
            AnyPage::PhoneNumbers(p) => json_list(&p.items),
        }
    }

    fn next_cursor(&self) -> Option<&str> {
        match self {
            AnyPage::Invitations(p) => p.next_cursor.as_deref(),
            AnyPage::Senders(p) => p.next_cursor.as_deref(),
            AnyPage::PhoneNumbers(p) => p.next_cursor.as_deref(),
        }
    }

    /// A walk over the items of the pages after this one (Ruby already holds this page's; the
    /// page's own typed items were cleared when it reached Ruby).
    fn rest(&self) -> AnyPager {
        match self {
            AnyPage::Invitations(p) => AnyPager::Invitations(p.clone().into_items()),
            AnyPage::Senders(p) => AnyPager::Senders(p.clone().into_items()),
            AnyPage::PhoneNumbers(p) => AnyPager::PhoneNumbers(p.clone().into_items()),
        }
    }
}

/// One page: its items (as wire Hashes) and the means to fetch the next one.
#[magnus::wrap(class = "Zavudev::Native::Page", free_immediately, size)]
struct NativePage {
    page: AnyPage,
    /// The items as wire JSON text, written on the runtime (off the GVL) when the page arrived.
    items: String,
}

impl NativePage {
    fn new(mut page: AnyPage) -> CoreResult<NativePage> {
        let items = page.items_json()?;
        // The typed items are not needed again: the JSON is what Ruby gets, and walks go on from
        // the next page.
        match &mut page {
            AnyPage::Invitations(p) => p.items.clear(),
            AnyPage::Senders(p) => p.items.clear(),
            AnyPage::PhoneNumbers(p) => p.items.clear(),
        }
        Ok(NativePage { page, items })
    }

    fn items(ruby: &Ruby, rb_self: &Self) -> Result<RArray, Error> {
        parse_items(ruby, &rb_self.items)
    }

    fn next_cursor(&self) -> Option<String> {
        self.page.next_cursor().map(str::to_string)
    }

    fn next_page(ruby: &Ruby, rb_self: &Self) -> Result<Option<NativePage>, Error> {
        let call: BoxCall<Option<NativePage>> = match &rb_self.page {
            AnyPage::Invitations(p) => {
                let p = p.clone();
                Box::pin(async move {
                    p.next_page()
                        .await?
                        .map(|next| NativePage::new(AnyPage::Invitations(next)))
                        .transpose()
                })
            }
            AnyPage::Senders(p) => {
                let p = p.clone();
                Box::pin(async move {
                    p.next_page()
                        .await?
                        .map(|next| NativePage::new(AnyPage::Senders(next)))
                        .transpose()
                })
            }
            AnyPage::PhoneNumbers(p) => {
                let p = p.clone();
                Box::pin(async move {
                    p.next_page()
                        .await?
                        .map(|next| NativePage::new(AnyPage::PhoneNumbers(next)))
                        .transpose()
                })
            }
        };
        block_on(ruby, call)
    }

    /// A walk over every item of the pages after this one.
    fn pager(&self) -> NativePager {
        NativePager {
            pager: Arc::new(tokio::sync::Mutex::new(self.page.rest())),
        }
    }
}

/// A walk over every item from one page on. A failed page fetch raises and leaves the walk
/// where it was, so the next `next_batch` retries that page.
#[magnus::wrap(class = "Zavudev::Native::Pager", free_immediately, size)]
struct NativePager {
    pager: Arc<tokio::sync::Mutex<AnyPager>>,
}

impl NativePager {
    /// The items of the current page not yet handed out, or those of the next page; `nil` at
    /// the end.
    fn next_batch(ruby: &Ruby, rb_self: &Self) -> Result<Option<RArray>, Error> {
        let pager = Arc::clone(&rb_self.pager);
        let batch = block_on(ruby, async move {
            let mut pager = pager.lock_owned().await;
            match &mut *pager {
                AnyPager::Invitations(p) => {
                    p.next_batch().await?.map(|b| json_list(&b)).transpose()
                }
                AnyPager::Senders(p) => p.next_batch().await?.map(|b| json_list(&b)).transpose(),
                AnyPager::PhoneNumbers(p) => {
                    p.next_batch().await?.map(|b| json_list(&b)).transpose()
                }
            }
        })?;
        batch.map(|items| parse_items(ruby, &items)).transpose()
    }
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/// The signature to check: a Hash of request headers (any case), or the `X-Zavu-Signature`
/// value itself.
enum Signature {
    Header(String),
    Headers(Vec<(String, String)>),
}

fn signature(value: Value) -> CoreResult<Signature> {
    if RString::from_value(value).is_some() {
        return Ok(Signature::Header(args::string("headers", value)?));
    }
    if RHash::from_value(value).is_some() {
        return Ok(Signature::Headers(args::headers("headers", value)?));
    }
    if RArray::from_value(value).is_some() {
        return Ok(Signature::Headers(args::header_pairs("headers", value)?));
    }
    Err(ffi::wrong_type(
        "headers",
        "a Hash of request headers, [name, value] pairs or the X-Zavu-Signature String",
    ))
}

fn optional_unix_seconds(name: &str, value: Value) -> CoreResult<Option<i64>> {
    if value.is_nil() {
        Ok(None)
    } else {
        args::unix_seconds(name, value).map(Some)
    }
}

fn verify_event(
    payload: Value,
    headers: Value,
    secret: Value,
    now: Value,
) -> CoreResult<webhooks::WebhookEvent> {
    ffi::catch_panics_sync(|| {
        let body = args::bytes("payload", payload)?;
        let signature = signature(headers)?;
        let secret = args::string("secret", secret)?;
        let now = optional_unix_seconds("now", now)?;
        let pairs = match signature {
            Signature::Header(value) => vec![(webhooks::SIGNATURE_HEADER.to_string(), value)],
            Signature::Headers(pairs) => pairs,
        };
        ffi::unwrap_headers(&body, &pairs, &secret, now)
    })
}

fn webhook_verify(
    ruby: &Ruby,
    payload: Value,
    headers: Value,
    secret: Value,
    now: Value,
) -> Result<(), Error> {
    // Verification and parsing are one step in core: a body that is signed but not an event is
    // refused by both verify and unwrap.
    check(ruby, verify_event(payload, headers, secret, now)).map(|_| ())
}

fn webhook_unwrap(
    ruby: &Ruby,
    payload: Value,
    headers: Value,
    secret: Value,
    now: Value,
) -> Result<Value, Error> {
    let event = check(ruby, verify_event(payload, headers, secret, now))?;
    json_to_ruby(ruby, &event.to_json())
}

fn webhook_sign(
    ruby: &Ruby,
    payload: Value,
    secret: Value,
    timestamp: Value,
    scheme: Value,
) -> Result<String, Error> {
    check(
        ruby,
        ffi::catch_panics_sync(|| {
            let body = args::bytes("payload", payload)?;
            let secret = args::string("secret", secret)?;
            let timestamp = ffi::signing_timestamp(optional_unix_seconds("timestamp", timestamp)?);
            let scheme = if scheme.is_nil() {
                None
            } else if let Some(sym) = magnus::Symbol::from_value(scheme) {
                Some(sym.name().map(|n| n.into_owned()).unwrap_or_default())
            } else {
                Some(args::string("scheme", scheme)?)
            };
            let scheme = ffi::signature_scheme("scheme", scheme.as_deref())?;
            Ok(webhooks::sign_with(&body, &secret, timestamp, scheme))
        }),
    )
}

// ---------------------------------------------------------------------------------------------
// Tables and process hooks

/// `[[name, parent, kind, aliases], ...]` from core's `ERROR_CLASSES`.
fn error_classes(ruby: &Ruby) -> Result<RArray, Error> {
    let out = ruby.ary_new();
    for class in zavu_core::ERROR_CLASSES {
        let aliases = ruby.ary_from_vec(class.aliases.to_vec());
        out.push((
            class.name,
            class.parent,
            class.kind.map(|k| k.as_str()),
            aliases,
        ))?;
    }
    Ok(out)
}

fn param_name(name: String) -> String {
    zavu_core::param_name(&name, ParamStyle::Snake)
}

/// Called by the gem's `Process._fork` hook in a forked child: the parent's runtime threads do
/// not exist here, so core forgets that runtime and builds a new one on first use.
fn after_fork() {
    zavu_core::runtime::forget_after_fork();
}

#[magnus::init(name = "zavudev_native")]
fn init(ruby: &Ruby) -> Result<(), Error> {
    let module = ruby.define_module("Zavudev")?;
    let native = module.define_module("Native")?;
    native.const_set("VERSION", zavu_core::VERSION)?;
    native.const_set(
        "KNOWN_CODES",
        ruby.ary_from_vec(zavu_core::KNOWN_CODES.to_vec()),
    )?;
    native.define_module_function("error_classes", function!(error_classes, 0))?;
    native.define_module_function("param_name", function!(param_name, 1))?;
    native.define_module_function("after_fork", function!(after_fork, 0))?;
    native.define_module_function("webhook_sign", function!(webhook_sign, 4))?;
    native.define_module_function("webhook_verify", function!(webhook_verify, 4))?;
    native.define_module_function("webhook_unwrap", function!(webhook_unwrap, 4))?;

    let client = native.define_class("Client", ruby.class_object())?;
    client.define_singleton_method("new", function!(NativeClient::new, 1))?;
    client.define_method("call", method!(NativeClient::call, 2))?;
    client.define_method("call_raw", method!(NativeClient::call_raw, 2))?;
    client.define_method("with_options", method!(NativeClient::with_options, 1))?;
    client.define_method("base_url", method!(NativeClient::base_url, 0))?;
    client.define_method("timeout", method!(NativeClient::timeout, 0))?;
    client.define_method("max_retries", method!(NativeClient::max_retries, 0))?;
    client.define_method("close", method!(NativeClient::close, 0))?;
    client.define_method("closed?", method!(NativeClient::is_closed, 0))?;
    client.define_method("inspect", method!(NativeClient::inspect, 0))?;
    client.define_method("to_s", method!(NativeClient::inspect, 0))?;

    let page = native.define_class("Page", ruby.class_object())?;
    page.define_method("items", method!(NativePage::items, 0))?;
    page.define_method("next_cursor", method!(NativePage::next_cursor, 0))?;
    page.define_method("next_page", method!(NativePage::next_page, 0))?;
    page.define_method("pager", method!(NativePage::pager, 0))?;

    let pager = native.define_class("Pager", ruby.class_object())?;
    pager.define_method("next_batch", method!(NativePager::next_batch, 0))?;
    Ok(())
}
