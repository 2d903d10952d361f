//! The client object and its resources. Every method converts its arguments, calls core on the
//! shared runtime (see `task.rs`), and converts the result; nothing else.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use zavu_core as core;

use crate::error::ZavuError;
use crate::models::{
    CreateInvitationParams, CreateWebhookParams, Invitation, ListInvitationsParams,
    ListSendersParams, PhoneNumber, PurchasePhoneNumberParams, Sender, UpdateWebhookParams,
    WebhookConfig,
};
use crate::pages::{InvitationPage, InvitationPager, SenderPage, SenderPager};
use crate::task::{DropInRuntime, run, run_sync};

/// How to build a [`ZavuClient`]. Unset fields take the environment (`ZAVUDEV_API_KEY`,
/// `ZAVUDEV_BASE_URL`, `ZAVUDEV_CUSTOM_HEADERS`), then core's defaults.
#[derive(Clone, Default, uniffi::Record)]
pub struct ClientOptions {
    /// The API key; `ZAVUDEV_API_KEY` when null or empty.
    #[uniffi(default)]
    pub api_key: Option<String>,
    /// The API's base URL; `ZAVUDEV_BASE_URL`, then `https://api.zavu.dev`.
    #[uniffi(default)]
    pub base_url: Option<String>,
    /// Per-attempt timeout (default 60 s).
    #[uniffi(default)]
    pub timeout: Option<Duration>,
    /// Connect timeout (default 5 s).
    #[uniffi(default)]
    pub connect_timeout: Option<Duration>,
    /// Retries after the first attempt (default 2).
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// Headers sent with every request.
    #[uniffi(default)]
    pub default_headers: HashMap<String, String>,
    /// Largest response body accepted, in bytes (default 8 MiB).
    #[uniffi(default)]
    pub max_response_bytes: Option<u64>,
    /// Allow `http://` to hosts other than loopback (the key would travel in clear).
    #[uniffi(default)]
    pub allow_insecure_http: bool,
    /// Skip waiting for `X-RateLimit-Reset` after a response says no requests remain.
    #[uniffi(default)]
    pub disable_rate_limit_wait: bool,
}

impl std::fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Core's options redact the key; reuse that rendering.
        std::fmt::Debug::fmt(&core::ClientOptions::from(self.clone()), f)
    }
}

impl From<ClientOptions> for core::ClientOptions {
    fn from(o: ClientOptions) -> Self {
        core::ClientOptions {
            api_key: o.api_key,
            base_url: o.base_url,
            timeout: o.timeout,
            connect_timeout: o.connect_timeout,
            max_retries: o.max_retries,
            default_headers: o.default_headers.into_iter().collect(),
            binding: Some(format!("uniffi/{}", core::VERSION)),
            max_response_bytes: o
                .max_response_bytes
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
            allow_insecure_http: o.allow_insecure_http,
            disable_rate_limit_wait: o.disable_rate_limit_wait,
        }
    }
}

/// Overrides for the calls of a derived client (see [`ZavuClient::with_options`]).
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct RequestOptions {
    /// Per-attempt timeout.
    #[uniffi(default)]
    pub timeout: Option<Duration>,
    /// Retries after the first attempt.
    #[uniffi(default)]
    pub max_retries: Option<u32>,
    /// The `Idempotency-Key` of POSTs; a fresh UUID per call when null.
    #[uniffi(default)]
    pub idempotency_key: Option<String>,
    /// Extra headers.
    #[uniffi(default)]
    pub headers: HashMap<String, String>,
}

impl From<RequestOptions> for core::RequestOptions {
    fn from(o: RequestOptions) -> Self {
        core::RequestOptions {
            timeout: o.timeout,
            max_retries: o.max_retries,
            idempotency_key: o.idempotency_key,
            headers: o.headers.into_iter().collect(),
        }
    }
}

/// How `waitForCompletion` polls. Null fields take core's defaults (10 min, 2 s, 30 s).
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct WaitOptions {
    /// Give up after this long, with `wait_timeout`.
    #[uniffi(default)]
    pub timeout: Option<Duration>,
    /// The first pause between polls; it grows by half each time.
    #[uniffi(default)]
    pub poll_interval: Option<Duration>,
    /// The longest pause between polls.
    #[uniffi(default)]
    pub max_poll_interval: Option<Duration>,
}

impl From<WaitOptions> for core::WaitOptions {
    fn from(o: WaitOptions) -> Self {
        let defaults = core::WaitOptions::default();
        core::WaitOptions {
            timeout: o.timeout.unwrap_or(defaults.timeout),
            poll_interval: o.poll_interval.unwrap_or(defaults.poll_interval),
            max_poll_interval: o.max_poll_interval.unwrap_or(defaults.max_poll_interval),
        }
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
}

#[uniffi::export]
impl ZavuClient {
    /// Builds a client. Fails with `missing_api_key` when no key is given or set in
    /// `ZAVUDEV_API_KEY`, and with `invalid_request` (param `baseUrl`) for a bad base URL.
    #[uniffi::constructor(default(options))]
    pub fn new(options: ClientOptions) -> Result<Arc<Self>, ZavuError> {
        let client = run_sync(|| core::Client::new(options.into()))?;
        Ok(Arc::new(ZavuClient {
            client: DropInRuntime::new(client),
        }))
    }

    /// A client on the same connection pool whose calls use `options` (timeout, retries,
    /// idempotency key, headers) on top of this one's.
    pub fn with_options(&self, options: RequestOptions) -> Arc<ZavuClient> {
        let derived = self.client.get().clone().with_options(&options.into());
        Arc::new(ZavuClient {
            client: DropInRuntime::new(derived),
        })
    }

    /// Partner invitations: create, list, get, cancel, wait, and the project webhook.
    pub fn invitations(&self) -> Arc<Invitations> {
        Arc::new(Invitations {
            client: DropInRuntime::new(self.client.get().clone()),
        })
    }

    /// Phone numbers: purchase.
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

    /// The per-attempt timeout of this client's calls.
    pub fn timeout(&self) -> Duration {
        self.client.get().clone().timeout()
    }

    /// The retries this client's calls make.
    pub fn max_retries(&self) -> u32 {
        self.client.get().clone().max_retries()
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

    /// Every invitation matching `params`, across pages, fetched lazily (one page in memory).
    #[uniffi::method(default(params))]
    pub async fn list_all(
        &self,
        params: ListInvitationsParams,
    ) -> Result<Arc<InvitationPager>, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.invitations().list_all(&params.into()).await })
            .await
            .map(InvitationPager::new)
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
            client
                .invitations()
                .wait_for_completion(&invitation_id, options.into())
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

    /// Every sender, across pages, fetched lazily.
    #[uniffi::method(default(params))]
    pub async fn list_all(&self, params: ListSendersParams) -> Result<Arc<SenderPager>, ZavuError> {
        let client = self.client.get().clone();
        run(async move { client.senders().list_all(&params.into()).await })
            .await
            .map(SenderPager::new)
    }
}
