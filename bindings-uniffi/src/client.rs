//! The client object and its resources. Every method converts its arguments, calls core on the
//! shared runtime (see `task.rs`), and converts the result; nothing else.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use zavu_core as core;

use crate::error::ZavuError;
use crate::models::{
    AvailablePhoneNumber, CreateInvitationParams, CreateWebhookParams, Invitation,
    ListInvitationsParams, ListPhoneNumbersParams, ListSendersParams, PhoneNumber,
    PhoneNumberRequirementsParams, PurchasePhoneNumberParams, Requirement,
    SearchAvailablePhoneNumbersParams, Sender, UpdatePhoneNumberParams, UpdateWebhookParams,
    WebhookConfig,
};
use crate::pages::{
    InvitationPage, InvitationPager, PhoneNumberPage, PhoneNumberPager, SenderPage, SenderPager,
};
use crate::task::{DropInRuntime, run, run_sync};

/// A duration given in milliseconds (Kotlin `Long`, Swift `Int64`) as core takes it: core's
/// rule refuses a negative or absurd value as `invalid_request` naming `param`.
fn millis(param: &str, ms: Option<i64>) -> core::Result<Option<Duration>> {
    // i64 to f64 may round the last digits of values far beyond core's limit; core refuses
    // those either way.
    ms.map(|ms| core::ffi::duration_from_millis(param, ms as f64))
        .transpose()
}

/// A retry count as core takes it (0 to core's limit), never wrapped.
fn retries(param: &str, value: Option<i64>) -> core::Result<Option<u32>> {
    value.map(|v| core::ffi::max_retries(param, v)).transpose()
}

/// How to build a [`ZavuClient`]. Unset fields take the environment (`ZAVUDEV_API_KEY`,
/// `ZAVUDEV_BASE_URL`, `ZAVUDEV_CUSTOM_HEADERS`), then core's defaults. Durations are in
/// milliseconds. Its text (Kotlin `toString()`, Swift `description`) never shows the key or
/// header values.
#[derive(Clone, Default, uniffi::Record)]
#[uniffi::export(Display)]
pub struct ClientOptions {
    /// The API key; `ZAVUDEV_API_KEY` when null or empty.
    #[uniffi(default)]
    pub api_key: Option<String>,
    /// The API's base URL; `ZAVUDEV_BASE_URL`, then `https://api.zavu.dev`.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 60,000).
    #[uniffi(default)]
    pub timeout: Option<i64>,
    /// Connect timeout in milliseconds (default 5,000).
    #[uniffi(default)]
    pub connect_timeout: Option<i64>,
    /// Retries after the first attempt (default 2, at most 100).
    #[uniffi(default)]
    pub max_retries: Option<i64>,
    /// Headers sent with every request.
    #[uniffi(default)]
    pub default_headers: HashMap<String, String>,
    /// Largest response body accepted, in bytes (default 8 MiB; 1 byte to 4 GiB).
    #[uniffi(default)]
    pub max_response_bytes: Option<i64>,
    /// Allow `http://` to hosts other than loopback (a Docker-compose sandbox such as
    /// `http://sandbox:8080`); the key would travel in clear.
    #[uniffi(default)]
    pub allow_insecure_http: bool,
    /// Skip waiting for `X-RateLimit-Reset` after a response says no requests remain.
    #[uniffi(default)]
    pub disable_rate_limit_wait: bool,
}

impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key and header values never reach logs, as in core's own options.
        f.debug_struct("ClientOptions")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field(
                "default_headers",
                &self.default_headers.keys().collect::<Vec<_>>(),
            )
            .field("max_response_bytes", &self.max_response_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("disable_rate_limit_wait", &self.disable_rate_limit_wait)
            .finish()
    }
}

impl std::fmt::Display for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl TryFrom<ClientOptions> for core::ClientOptions {
    type Error = core::Error;

    fn try_from(o: ClientOptions) -> core::Result<Self> {
        Ok(core::ClientOptions {
            api_key: o.api_key,
            base_url: o.base_url,
            timeout: millis("timeout", o.timeout)?,
            connect_timeout: millis("connectTimeout", o.connect_timeout)?,
            max_retries: retries("maxRetries", o.max_retries)?,
            default_headers: o.default_headers.into_iter().collect(),
            binding: Some(format!("uniffi/{}", core::VERSION)),
            // i64 to f64 is exact within core's bound; larger values are refused either way.
            max_response_bytes: o
                .max_response_bytes
                .map(|n| core::ffi::max_response_bytes("maxResponseBytes", n as f64))
                .transpose()?,
            allow_insecure_http: o.allow_insecure_http,
            disable_rate_limit_wait: o.disable_rate_limit_wait,
        })
    }
}

/// Overrides for the calls of a derived client (see [`ZavuClient::with_options`]): the per-call
/// options of the published SDKs (`client.withOptions(RequestOptions(...)).invitations()...`).
/// Core merges them: `extraQuery` replaces a parameter of the same name, `extraBody` a top-level
/// body field, `headers` a header.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct RequestOptions {
    /// Per-attempt timeout in milliseconds.
    #[uniffi(default)]
    pub timeout: Option<i64>,
    /// Retries after the first attempt (0 to 100).
    #[uniffi(default)]
    pub max_retries: Option<i64>,
    /// The `Idempotency-Key` of POSTs; a fresh UUID per call when null.
    #[uniffi(default)]
    pub idempotency_key: Option<String>,
    /// Extra headers.
    #[uniffi(default)]
    pub headers: HashMap<String, String>,
    /// Extra query parameters.
    #[uniffi(default)]
    pub extra_query: HashMap<String, String>,
    /// Extra top-level fields of a POST or PATCH body, as a JSON object (text: uniffi has no
    /// JSON type), e.g. `"""{"note": "vip"}"""`.
    #[uniffi(default)]
    pub extra_body: Option<String>,
}

impl TryFrom<RequestOptions> for core::RequestOptions {
    type Error = core::Error;

    fn try_from(o: RequestOptions) -> core::Result<Self> {
        let extra_body = match o.extra_body {
            None => None,
            Some(text) => match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(serde_json::Value::Object(map)) => Some(map),
                _ => return Err(core::ffi::wrong_type("extraBody", "a JSON object")),
            },
        };
        let mut headers: Vec<_> = o.headers.into_iter().collect();
        headers.sort();
        let mut extra_query: Vec<_> = o.extra_query.into_iter().collect();
        extra_query.sort();
        Ok(core::RequestOptions {
            timeout: millis("timeout", o.timeout)?,
            max_retries: retries("maxRetries", o.max_retries)?,
            idempotency_key: o.idempotency_key,
            headers,
            extra_query,
            extra_body,
            ..Default::default()
        })
    }
}

/// What [`ZavuClient::with_client_options`] changes; null fields keep the original's. Its text
/// never shows the key.
#[derive(Clone, Default, uniffi::Record)]
pub struct ClientOverrides {
    /// Another API key.
    #[uniffi(default)]
    pub api_key: Option<String>,
    /// Another base URL.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Another per-attempt timeout, milliseconds.
    #[uniffi(default)]
    pub timeout: Option<i64>,
    /// Another number of retries.
    #[uniffi(default)]
    pub max_retries: Option<i64>,
    /// Default headers replacing the original client's; null keeps them.
    #[uniffi(default)]
    pub default_headers: Option<HashMap<String, String>>,
}

impl std::fmt::Debug for ClientOverrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientOverrides")
            .field("api_key", &self.api_key.as_ref().map(|_| "[redacted]"))
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .finish_non_exhaustive()
    }
}

impl TryFrom<ClientOverrides> for core::ClientOverrides {
    type Error = core::Error;

    fn try_from(o: ClientOverrides) -> core::Result<Self> {
        Ok(core::ClientOverrides {
            api_key: o.api_key,
            base_url: o.base_url,
            timeout: millis("timeout", o.timeout)?,
            max_retries: retries("maxRetries", o.max_retries)?,
            default_headers: o.default_headers.map(|h| {
                let mut headers: Vec<_> = h.into_iter().collect();
                headers.sort();
                headers
            }),
        })
    }
}

/// An endpoint's rate-limit window, from the `X-RateLimit-*` headers.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RateLimit {
    /// Requests allowed in the window.
    pub limit: Option<u64>,
    /// Requests left in the window.
    pub remaining: Option<u64>,
    /// When the window resets, unix seconds.
    pub reset: Option<f64>,
}

/// What the API answered to a call, beside its value: the published SDKs' raw response.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ResponseMeta {
    /// The HTTP status.
    pub status_code: u16,
    /// Every header, names in lower case, in the order received.
    pub headers: Vec<Header>,
    /// `X-Request-Id`, when sent.
    pub request_id: Option<String>,
    /// The endpoint's rate-limit window.
    pub rate_limit: RateLimit,
    /// Attempts made (1 when the first one answered).
    pub attempts: u32,
}

/// One response header.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Header {
    pub name: String,
    pub value: String,
}

impl From<core::ResponseMeta> for ResponseMeta {
    fn from(m: core::ResponseMeta) -> Self {
        ResponseMeta {
            status_code: m.status,
            headers: m
                .headers
                .into_iter()
                .map(|(name, value)| Header { name, value })
                .collect(),
            request_id: m.request_id,
            rate_limit: RateLimit {
                limit: m.rate_limit.limit,
                remaining: m.rate_limit.remaining,
                reset: m.rate_limit.reset,
            },
            attempts: m.attempts,
        }
    }
}

/// How `waitForCompletion` polls, in milliseconds. Null fields take core's defaults (the whole
/// wait 10 minutes, first pause 2 s, longest pause 30 s).
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct WaitOptions {
    /// Give up after this long in total, with `wait_timeout` (the whole wait, in every language).
    #[uniffi(default)]
    pub timeout: Option<i64>,
    /// The first pause between polls; it grows by half each time.
    #[uniffi(default)]
    pub poll_interval: Option<i64>,
    /// The longest pause between polls.
    #[uniffi(default)]
    pub max_poll_interval: Option<i64>,
}

impl TryFrom<WaitOptions> for core::WaitOptions {
    type Error = core::Error;

    fn try_from(o: WaitOptions) -> core::Result<Self> {
        let mut options = core::ffi::wait_options(
            millis("timeout", o.timeout)?,
            millis("pollInterval", o.poll_interval)?,
        );
        if let Some(max) = millis("maxPollInterval", o.max_poll_interval)? {
            options.max_poll_interval = max;
        }
        Ok(options)
    }
}

/// What the client (all handles on its connection pool) has sent so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ClientStats {
    /// HTTP attempts sent.
    pub requests: u64,
    /// Attempts that were retries of an earlier one.
    pub retries: u64,
}

/// A core client (one `Arc` on the shared pool), dropped with the runtime entered.
pub(crate) type CoreClient = DropInRuntime<core::Client>;

/// The Zavu client: one connection pool, safe to share between threads and coroutines.
/// Resources hang off it: `invitations()`, `phoneNumbers()`, `senders()`.
#[derive(uniffi::Object)]
pub struct ZavuClient {
    client: CoreClient,
    /// Where this handle's calls record their answer (see [`ZavuClient::recording_responses`]).
    slot: Option<core::ResponseSlot>,
}

#[uniffi::export]
impl ZavuClient {
    /// Builds a client. Fails with `missing_api_key` when no key is given or set in
    /// `ZAVUDEV_API_KEY`, and with `invalid_request` (param `baseUrl`) for a bad base URL.
    #[uniffi::constructor(default(options))]
    pub fn new(options: ClientOptions) -> Result<Arc<Self>, ZavuError> {
        let client = run_sync(|| core::Client::new(options.try_into()?))?;
        Ok(Arc::new(ZavuClient {
            client: DropInRuntime::new(client),
            slot: None,
        }))
    }

    /// A client on the same connection pool whose calls use `options` (timeout, retries,
    /// idempotency key, headers) on top of this one's. A bad option (a negative timeout) fails
    /// with `invalid_request` naming it.
    pub fn with_options(&self, options: RequestOptions) -> Result<Arc<ZavuClient>, ZavuError> {
        let options = run_sync(|| core::RequestOptions::try_from(options))?;
        let derived = self.client.get().clone().with_options(&options);
        Ok(Arc::new(ZavuClient {
            client: DropInRuntime::new(derived),
            slot: self.slot.clone(),
        }))
    }

    /// A new client with `overrides` (API key, base URL, timeout, retries, default headers) on
    /// top of this one's options, sharing its connection pool: the published SDKs'
    /// `withOptions` for client settings. A bad value fails with `invalid_request` naming it.
    pub fn with_client_options(
        &self,
        overrides: ClientOverrides,
    ) -> Result<Arc<ZavuClient>, ZavuError> {
        let client = self.client.get().clone();
        let derived = run_sync(|| {
            let overrides = core::ClientOverrides::try_from(overrides)?;
            client.with_client_options(&overrides)
        })?;
        Ok(Arc::new(ZavuClient {
            client: DropInRuntime::new(derived),
            slot: None,
        }))
    }

    /// A handle on this client whose calls record what the API answered (status, headers,
    /// request id, rate limit): read it with `lastResponse()` after any call. Kotlin's
    /// `withRawResponse { ... }` is built on it. Handles from `withOptions` keep recording into
    /// the same place.
    pub fn recording_responses(&self) -> Arc<ZavuClient> {
        let slot = core::ResponseSlot::new();
        let derived = self
            .client
            .get()
            .clone()
            .with_options(&core::RequestOptions {
                response: Some(slot.clone()),
                ..Default::default()
            });
        Arc::new(ZavuClient {
            client: DropInRuntime::new(derived),
            slot: Some(slot),
        })
    }

    /// What the API answered to the last call made through this handle (see
    /// `recordingResponses()`); null before the first answer, or on a handle that does not
    /// record.
    pub fn last_response(&self) -> Option<ResponseMeta> {
        self.slot.as_ref()?.get().map(ResponseMeta::from)
    }

    /// Partner invitations: create, list, get, cancel, wait, and the project webhook.
    pub fn invitations(&self) -> Arc<Invitations> {
        Arc::new(Invitations {
            client: DropInRuntime::new(self.client.get().clone()),
        })
    }

    /// Phone numbers: search, requirements, purchase, list, get, update, release.
    pub fn phone_numbers(&self) -> Arc<PhoneNumbers> {
        Arc::new(PhoneNumbers {
            client: DropInRuntime::new(self.client.get().clone()),
        })
    }

    /// Senders: get and list.
    pub fn senders(&self) -> Arc<Senders> {
        Arc::new(Senders {
            client: DropInRuntime::new(self.client.get().clone()),
        })
    }

    /// The base URL calls go to, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.client.get().clone().base_url().to_string()
    }

    /// The per-attempt timeout of this client's calls, in milliseconds.
    pub fn timeout(&self) -> i64 {
        i64::try_from(self.client.get().timeout().as_millis()).unwrap_or(i64::MAX)
    }

    /// The retries this client's calls make.
    pub fn max_retries(&self) -> i64 {
        self.client.get().max_retries().into()
    }

    /// What this client (all handles on its pool) has sent so far.
    pub fn stats(&self) -> ClientStats {
        let stats = self.client.get().clone().stats();
        ClientStats {
            requests: stats.requests,
            retries: stats.retries,
        }
    }
}

/// `client.invitations()`.
#[derive(uniffi::Object)]
pub struct Invitations {
    client: CoreClient,
}

#[uniffi::export]
impl Invitations {
    /// Creates an invitation. A retried create never makes two: every POST carries an
    /// `Idempotency-Key` reused across its retries.
    #[uniffi::method(default(params))]
    pub async fn create(&self, params: CreateInvitationParams) -> Result<Invitation, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .create(&params.into())
                .await
                .map(Invitation::from)
        })
        .await
    }

    /// One page of invitations, newest first; `nextPage()` fetches the next one and `iterator()`
    /// walks every item from there on.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: ListInvitationsParams,
    ) -> Result<Arc<InvitationPage>, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.invitations().list(&params.into()).await })
            .await
            .map(InvitationPage::new)
    }

    /// Every invitation matching `params`, across pages (core's walk): nothing is fetched (or
    /// validated) until the pager is first asked, then one page at a time; a failed page fetch
    /// throws and the next step fetches the same page again.
    #[uniffi::method(default(params))]
    pub fn list_all(&self, params: ListInvitationsParams) -> Arc<InvitationPager> {
        InvitationPager::new(self.client.get().invitations().walk(&params.into()))
    }

    /// One invitation by id.
    pub async fn get(&self, invitation_id: String) -> Result<Invitation, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .get(&invitation_id)
                .await
                .map(Invitation::from)
        })
        .await
    }

    /// Cancels a pending or in-progress invitation; a completed one is refused with
    /// `already_completed`.
    pub async fn cancel(&self, invitation_id: String) -> Result<Invitation, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .cancel(&invitation_id)
                .await
                .map(Invitation::from)
        })
        .await
    }

    /// Polls, with growing pauses, until the invitation is final (`completed`, `expired`,
    /// `cancelled`) and returns it; past the timeout it fails with `wait_timeout`.
    #[uniffi::method(default(options))]
    pub async fn wait_for_completion(
        &self,
        invitation_id: String,
        options: WaitOptions,
    ) -> Result<Invitation, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            let options: core::WaitOptions = options.try_into()?;
            client
                .invitations()
                .wait_for_completion(&invitation_id, options)
                .await
                .map(Invitation::from)
        })
        .await
    }

    /// Sets the project webhook that receives `invitation.status_changed`; the answer is the
    /// only one that carries the signing `secret`.
    pub async fn create_webhook(
        &self,
        params: CreateWebhookParams,
    ) -> Result<WebhookConfig, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .create_webhook(&params.into())
                .await
                .map(WebhookConfig::from)
        })
        .await
    }

    /// The project webhook (without its secret).
    pub async fn get_webhook(&self) -> Result<WebhookConfig, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .get_webhook()
                .await
                .map(WebhookConfig::from)
        })
        .await
    }

    /// Changes the given fields of the project webhook.
    pub async fn update_webhook(
        &self,
        params: UpdateWebhookParams,
    ) -> Result<WebhookConfig, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .invitations()
                .update_webhook(&params.into())
                .await
                .map(WebhookConfig::from)
        })
        .await
    }

    /// Removes the project webhook.
    pub async fn delete_webhook(&self) -> Result<(), ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.invitations().delete_webhook().await }).await
    }
}

/// `client.phoneNumbers()`.
#[derive(uniffi::Object)]
pub struct PhoneNumbers {
    client: CoreClient,
}

#[uniffi::export]
impl PhoneNumbers {
    /// Buys a phone number for the team; a team on the free plan gets `paid_plan_required`.
    pub async fn purchase(
        &self,
        params: PurchasePhoneNumberParams,
    ) -> Result<PhoneNumber, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .phone_numbers()
                .purchase(&params.into())
                .await
                .map(PhoneNumber::from)
        })
        .await
    }
}

#[uniffi::export]
impl PhoneNumbers {
    /// Numbers the team can buy in a country: the first step of onboarding, before `purchase`.
    pub async fn search_available(
        &self,
        params: SearchAvailablePhoneNumbersParams,
    ) -> Result<Vec<AvailablePhoneNumber>, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            let found = client
                .phone_numbers()
                .search_available(&params.into())
                .await?;
            Ok(found.into_iter().map(AvailablePhoneNumber::from).collect())
        })
        .await
    }

    /// The regulatory information buying a number needs; empty when none is.
    pub async fn requirements(
        &self,
        params: PhoneNumberRequirementsParams,
    ) -> Result<Vec<Requirement>, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            let items = client.phone_numbers().requirements(&params.into()).await?;
            Ok(items.into_iter().map(Requirement::from).collect())
        })
        .await
    }

    /// One page of the team's numbers, newest first.
    #[uniffi::method(default(params))]
    pub async fn list(
        &self,
        params: ListPhoneNumbersParams,
    ) -> Result<Arc<PhoneNumberPage>, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.phone_numbers().list(&params.into()).await })
            .await
            .map(PhoneNumberPage::new)
    }

    /// Every number of the team, across pages (core's walk): nothing is fetched until the
    /// pager is first asked.
    #[uniffi::method(default(params))]
    pub fn list_all(&self, params: ListPhoneNumbersParams) -> Arc<PhoneNumberPager> {
        PhoneNumberPager::new(self.client.get().phone_numbers().walk(&params.into()))
    }

    /// One of the team's numbers by id; another team's is `not_found`.
    pub async fn get(&self, phone_number_id: String) -> Result<PhoneNumber, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .phone_numbers()
                .retrieve(&phone_number_id)
                .await
                .map(PhoneNumber::from)
        })
        .await
    }

    /// Renames a number or (un)assigns it to a sender.
    pub async fn update(
        &self,
        phone_number_id: String,
        params: UpdatePhoneNumberParams,
    ) -> Result<PhoneNumber, ZavuError> {
        let client = self.client.get().clone();
        run(async move {
            client
                .phone_numbers()
                .update(&phone_number_id, &params.into())
                .await
                .map(PhoneNumber::from)
        })
        .await
    }

    /// Releases a number; it leaves the list.
    pub async fn release(&self, phone_number_id: String) -> Result<(), ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.phone_numbers().release(&phone_number_id).await }).await
    }
}

/// `client.senders()`.
#[derive(uniffi::Object)]
pub struct Senders {
    client: CoreClient,
}

#[uniffi::export]
impl Senders {
    /// One sender by id.
    pub async fn get(&self, sender_id: String) -> Result<Sender, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.senders().get(&sender_id).await.map(Sender::from) }).await
    }

    /// One page of senders.
    #[uniffi::method(default(params))]
    pub async fn list(&self, params: ListSendersParams) -> Result<Arc<SenderPage>, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.senders().list(&params.into()).await })
            .await
            .map(SenderPage::new)
    }

    /// Every sender, across pages (core's walk): nothing is fetched until the pager is first
    /// asked; a failed page fetch throws and the next step fetches the same page again.
    #[uniffi::method(default(params))]
    pub fn list_all(&self, params: ListSendersParams) -> Arc<SenderPager> {
        SenderPager::new(self.client.get().senders().walk(&params.into()))
    }
}
