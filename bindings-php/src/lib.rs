//! `zavu-php`: the PHP extension `zavudev` (ext-php-rs), the native half of the Composer package
//! `zavudev/sdk`.
//!
//! Every function converts its PHP arguments (checked where they cross, see `convert`), calls
//! `zavu-core` on core's one shared tokio runtime, and hands back one value: a call's result as
//! its wire JSON text (the PHP layer reads it with one `json_decode`), or an error as an array
//! of its fields (`outcome::error_zval`). The PHP layer (`php/src/`) throws the error as the
//! PHP class core names, so the exception is a plain PHP object with the right file, line and
//! trace and a public string `code`.
//!
//! PHP runs per request, but this extension lives as long as its process (a php-fpm worker
//! serves thousands of requests): core's runtime and every connection pool stay up between
//! requests, and `Zavudev\Client`s built with the same options share one core client (one
//! pool), so a client built in each request reuses the worker's open connections.
#![cfg_attr(windows, feature(abi_vectorcall))]

mod convert;
mod outcome;

use std::sync::Mutex;

use ext_php_rs::convert::IntoZval;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, Zval};
use zavu_core::ffi::{self, catch_panics, catch_panics_sync};
use zavu_core::webhooks;
use zavu_core::{AutoPager, Client, Invitation, ParamStyle, PhoneNumber, Sender};

use crate::outcome::{Answer, error_zval, into_answer};

/// Who makes this PHP's calls: one thread per process, unless PHP is built thread-safe (ZTS).
const CALLERS: zavu_core::runtime::Callers = if ext_php_rs::PHP_ZTS {
    zavu_core::runtime::Callers::Many
} else {
    zavu_core::runtime::Callers::One
};

/// Runs one core call to its end, with panics turned into `internal_panic` errors. PHP is
/// synchronous: the request's thread waits here (it has no other work meanwhile), and without
/// ZTS drives the connection itself (`zavu_core::runtime::Callers`).
fn block_on<T: serde::Serialize>(
    call: impl std::future::Future<Output = zavu_core::Result<T>>,
) -> Zval {
    into_answer(zavu_core::runtime::block_on(CALLERS, catch_panics(call)))
}

/// Runs the body of a function PHP calls, turning a panic anywhere in it (argument conversion
/// included) into an `internal_panic` error: a panic must never unwind into PHP's C frames, where
/// it would abort the worker.
fn guarded(body: impl FnOnce() -> Zval) -> Zval {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(answer) => answer,
        Err(_) => error_zval(internal(
            "internal error in the Zavu SDK (please report it): a panic in the PHP extension",
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Clients shared across requests

/// Core clients by their options, for the life of the process. A php-fpm worker builds a new
/// `Zavudev\Client` in every request; handing each the same core client keeps its pooled
/// connections (and its rate-limit knowledge) from one request to the next. Bounded: past
/// `MAX_SHARED_CLIENTS` distinct option sets the oldest is dropped.
static SHARED_CLIENTS: Mutex<Vec<(String, Client)>> = Mutex::new(Vec::new());
const MAX_SHARED_CLIENTS: usize = 32;

/// What makes two clients interchangeable: every option and the environment core reads.
fn share_key(options: &zavu_core::ClientOptions) -> String {
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    // The key never leaves this process's memory; it holds the API key as the client does.
    format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{}|{}|{}",
        options.api_key,
        options.base_url,
        options.timeout,
        options.connect_timeout,
        options.max_retries,
        options.default_headers,
        options.binding,
        options.max_response_bytes,
        options.allow_insecure_http,
        options.disable_rate_limit_wait,
        env(zavu_core::config::ENV_API_KEY),
        env(zavu_core::config::ENV_BASE_URL),
        env(zavu_core::config::ENV_CUSTOM_HEADERS),
    )
}

fn shared_client(options: zavu_core::ClientOptions, share: bool) -> zavu_core::Result<Client> {
    if !share {
        return Client::new(options);
    }
    let key = share_key(&options);
    let mut clients = SHARED_CLIENTS.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(at) = clients
        .iter()
        .position(|(k, c)| *k == key && !c.is_closed())
    {
        let entry = clients.remove(at);
        let client = entry.1.clone();
        clients.push(entry);
        return Ok(client);
    }
    let client = Client::new(options)?;
    clients.retain(|(k, _)| *k != key);
    if clients.len() >= MAX_SHARED_CLIENTS {
        clients.remove(0);
    }
    clients.push((key, client.clone()));
    Ok(client)
}

/// A Zavu client: a handle on a core client (one connection pool). Built by `zavudev_open`.
#[php_class]
#[php(name = "Zavudev\\Native\\Client")]
pub struct NativeClient {
    client: Client,
    /// Set on a handle made by `recording()`: where its calls record what the API answered.
    slot: Option<zavu_core::ResponseSlot>,
}

impl NativeClient {
    /// The client for one call: a cheap clone sharing the pool, with the call's options.
    fn with(&self, options: Option<&Zval>) -> zavu_core::Result<Client> {
        match convert::request_options(options)? {
            Some(options) => Ok(self.client.with_options(&options)),
            None => Ok(self.client.clone()),
        }
    }
}

/// Opens a client from the PHP layer's options array; returns a `Zavudev\Native\Client`, or
/// the error's fields (for example `missing_api_key`). With `share` (the default), clients with
/// the same options share one core client for the life of the process.
#[php_function]
pub fn zavudev_open(options: Option<&Zval>, share: Option<bool>) -> Zval {
    guarded(|| {
        let opened = catch_panics_sync(|| {
            let options = convert::client_options(options)?;
            shared_client(options, share.unwrap_or(true))
        });
        match opened {
            Ok(client) => native_client_zval(NativeClient { client, slot: None }),
            Err(error) => error_zval(error),
        }
    })
}

fn native_client_zval(native: NativeClient) -> Zval {
    ZendClassObject::new(native)
        .into_zval(false)
        .unwrap_or_else(|_| error_zval(internal("could not create the client object")))
}

fn internal(message: &str) -> zavu_core::Error {
    zavu_core::Error::new(zavu_core::codes::INTERNAL_PANIC, message)
}

#[php_impl]
impl NativeClient {
    /// The base URL calls go to.
    pub fn base_url(&self) -> String {
        self.client.base_url().to_string()
    }

    /// The per-attempt timeout, in seconds.
    pub fn timeout(&self) -> f64 {
        self.client.timeout().as_secs_f64()
    }

    /// Retries after a first attempt.
    pub fn max_retries(&self) -> i64 {
        self.client.max_retries().into()
    }

    /// `[requests, retries]` this client's pool has sent (every handle sharing it).
    pub fn stats(&self) -> Vec<i64> {
        let stats = self.client.stats();
        vec![stats.requests as i64, stats.retries as i64]
    }

    /// Closes the pool: later calls of every handle on it fail with `client_closed`, and new
    /// clients with the same options get a fresh pool.
    pub fn close(&self) {
        self.client.close();
        let mut clients = SHARED_CLIENTS.lock().unwrap_or_else(|p| p.into_inner());
        clients.retain(|(_, c)| !c.is_closed());
    }

    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// A handle on the same client whose calls record what the API answered (every header
    /// kept), read back with `lastResponse()`: what `withRawResponse` is built on. The PHP layer
    /// makes one per raw call, so two calls never share a record.
    pub fn recording(&self) -> Zval {
        guarded(|| {
            let slot = zavu_core::ResponseSlot::new();
            let client = self.client.with_options(&zavu_core::RequestOptions {
                response: Some(slot.clone()),
                ..Default::default()
            });
            native_client_zval(NativeClient {
                client,
                slot: Some(slot),
            })
        })
    }

    /// What the last call of a `recording()` handle was answered, as JSON text
    /// (`{status, headers: [[name, value]...], requestId, rateLimit: {limit, remaining, reset},
    /// attempts}`), or `null` when no call has answered (or this handle does not record).
    pub fn last_response(&self) -> Option<String> {
        let meta = self.slot.as_ref()?.get()?;
        Some(
            serde_json::json!({
                "status": meta.status,
                "headers": meta.headers,
                "requestId": meta.request_id,
                "rateLimit": {
                    "limit": meta.rate_limit.limit,
                    "remaining": meta.rate_limit.remaining,
                    "reset": meta.rate_limit.reset,
                },
                "attempts": meta.attempts,
            })
            .to_string(),
        )
    }

    /// A client with `overrides` (`apiKey`, `baseUrl`, `timeout`, `maxRetries`,
    /// `defaultHeaders`) on top of this one's options, sharing its connection pool
    /// (core's `with_client_options`); the error's fields for a bad override.
    pub fn with_client_options(&self, overrides: Option<&Zval>) -> Zval {
        guarded(|| {
            let derived = catch_panics_sync(|| {
                let overrides = convert::client_overrides(overrides)?;
                self.client.with_client_options(&overrides)
            });
            match derived {
                Ok(client) => native_client_zval(NativeClient { client, slot: None }),
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn create_invitation(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::CreateInvitationParams =
                    convert::parse("params", params, convert::CREATE_INVITATION)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => {
                    block_on(async move { client.invitations().create(&params).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    /// One page of invitations as `{items, nextCursor}`.
    pub fn list_invitations(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListInvitationsParams =
                    convert::parse("params", params, convert::LIST_INVITATIONS)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => block_on(async move {
                    let page = client.invitations().list(&params).await?;
                    Ok(outcome::PageJson::from(page))
                }),
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn get_invitation(&self, invitation_id: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            match convert::id("invitationId", invitation_id)
                .and_then(|id| Ok((id, self.with(options)?)))
            {
                Ok((id, client)) => block_on(async move { client.invitations().get(&id).await }),
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn cancel_invitation(
        &self,
        invitation_id: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            match convert::id("invitationId", invitation_id)
                .and_then(|id| Ok((id, self.with(options)?)))
            {
                Ok((id, client)) => block_on(async move { client.invitations().cancel(&id).await }),
                Err(e) => error_zval(e),
            }
        })
    }

    /// Polls until the invitation is final; `timeout` (seconds) bounds the whole wait,
    /// `pollInterval` (seconds) is the first pause. Both default in core.
    pub fn wait_for_completion(
        &self,
        invitation_id: Option<&Zval>,
        timeout: Option<&Zval>,
        poll_interval: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let id = convert::id("invitationId", invitation_id)?;
                let timeout = convert::optional_seconds("timeout", timeout)?;
                let poll = convert::optional_seconds("pollInterval", poll_interval)?;
                Ok((id, ffi::wait_options(timeout, poll), self.with(options)?))
            })();
            match prepared {
                Ok((id, wait, client)) => {
                    block_on(
                        async move { client.invitations().wait_for_completion(&id, wait).await },
                    )
                }
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn create_webhook(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let mut json = convert::params("params", params, convert::CREATE_WEBHOOK)?;
                if json.get("events").is_none() {
                    // Core's type holds the default list of events.
                    let defaults = zavu_core::CreateWebhookParams::new("");
                    json["events"] = serde_json::json!(defaults.events);
                }
                let params: zavu_core::CreateWebhookParams =
                    serde_json::from_value(json).map_err(|e| {
                        zavu_core::Error::new(zavu_core::codes::INVALID_REQUEST, e.to_string())
                    })?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => {
                    block_on(async move { client.invitations().create_webhook(&params).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn get_webhook(&self, options: Option<&Zval>) -> Answer {
        guarded(|| match self.with(options) {
            Ok(client) => block_on(async move { client.invitations().get_webhook().await }),
            Err(e) => error_zval(e),
        })
    }

    pub fn update_webhook(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::UpdateWebhookParams =
                    convert::parse("params", params, convert::UPDATE_WEBHOOK)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => {
                    block_on(async move { client.invitations().update_webhook(&params).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn delete_webhook(&self, options: Option<&Zval>) -> Answer {
        guarded(|| match self.with(options) {
            Ok(client) => block_on(async move { client.invitations().delete_webhook().await }),
            Err(e) => error_zval(e),
        })
    }

    pub fn purchase_phone_number(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::PurchasePhoneNumberParams =
                    convert::parse("params", params, convert::PURCHASE_PHONE_NUMBER)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => {
                    block_on(async move { client.phone_numbers().purchase(&params).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    /// Numbers the team can buy, as `{items}`.
    pub fn search_available_phone_numbers(
        &self,
        params: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::SearchAvailablePhoneNumbersParams =
                    convert::parse("params", params, convert::SEARCH_AVAILABLE)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => block_on(async move {
                    let items = client.phone_numbers().search_available(&params).await?;
                    Ok(serde_json::json!({ "items": items }))
                }),
                Err(e) => error_zval(e),
            }
        })
    }

    /// The regulatory requirements of a number or a country, as `{items}`.
    pub fn phone_number_requirements(
        &self,
        params: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::PhoneNumberRequirementsParams =
                    convert::parse("params", params, convert::PHONE_NUMBER_REQUIREMENTS)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => block_on(async move {
                    let items = client.phone_numbers().requirements(&params).await?;
                    Ok(serde_json::json!({ "items": items }))
                }),
                Err(e) => error_zval(e),
            }
        })
    }

    /// One page of the team's numbers as `{items, nextCursor}`.
    pub fn list_phone_numbers(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListPhoneNumbersParams =
                    convert::parse("params", params, convert::LIST_PHONE_NUMBERS)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => block_on(async move {
                    let page = client.phone_numbers().list(&params).await?;
                    Ok(outcome::PageJson::from(page))
                }),
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn get_phone_number(
        &self,
        phone_number_id: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            match convert::id("phoneNumberId", phone_number_id)
                .and_then(|id| Ok((id, self.with(options)?)))
            {
                Ok((id, client)) => {
                    block_on(async move { client.phone_numbers().retrieve(&id).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    /// Changes `name` / `senderId`; a key given as `null` clears the field.
    pub fn update_phone_number(
        &self,
        phone_number_id: Option<&Zval>,
        params: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let id = convert::id("phoneNumberId", phone_number_id)?;
                let mut update: zavu_core::UpdatePhoneNumberParams =
                    convert::parse("params", params, convert::UPDATE_PHONE_NUMBER)?;
                for key in convert::null_keys(params)? {
                    match key.as_str() {
                        "name" => update.name = Some(None),
                        "senderId" => update.sender_id = Some(None),
                        _ => {}
                    }
                }
                Ok((id, update, self.with(options)?))
            })();
            match prepared {
                Ok((id, params, client)) => {
                    block_on(async move { client.phone_numbers().update(&id, &params).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    pub fn release_phone_number(
        &self,
        phone_number_id: Option<&Zval>,
        options: Option<&Zval>,
    ) -> Answer {
        guarded(|| {
            match convert::id("phoneNumberId", phone_number_id)
                .and_then(|id| Ok((id, self.with(options)?)))
            {
                Ok((id, client)) => {
                    block_on(async move { client.phone_numbers().release(&id).await })
                }
                Err(e) => error_zval(e),
            }
        })
    }

    /// A lazy walk over every phone number of the team; see `invitationPager`.
    pub fn phone_number_pager(&self, params: Option<&Zval>, options: Option<&Zval>) -> Zval {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListPhoneNumbersParams =
                    convert::parse("params", params, convert::LIST_PHONE_NUMBERS)?;
                Ok(Walk::PhoneNumbers(
                    self.with(options)?.phone_numbers().walk(&params),
                ))
            })();
            pager_zval(prepared)
        })
    }

    pub fn get_sender(&self, sender_id: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            match convert::id("senderId", sender_id).and_then(|id| Ok((id, self.with(options)?))) {
                Ok((id, client)) => block_on(async move { client.senders().get(&id).await }),
                Err(e) => error_zval(e),
            }
        })
    }

    /// One page of senders as `{items, nextCursor}`.
    pub fn list_senders(&self, params: Option<&Zval>, options: Option<&Zval>) -> Answer {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListSendersParams =
                    convert::parse("params", params, convert::LIST_SENDERS)?;
                Ok((self.with(options)?, params))
            })();
            match prepared {
                Ok((client, params)) => block_on(async move {
                    let page = client.senders().list(&params).await?;
                    Ok(outcome::PageJson::from(page))
                }),
                Err(e) => error_zval(e),
            }
        })
    }

    /// A lazy walk over every invitation matching `params` (from `cursor` on, when set): the
    /// parameters' types are checked now, nothing is fetched (or validated by core) until the
    /// first `nextBatch()`.
    pub fn invitation_pager(&self, params: Option<&Zval>, options: Option<&Zval>) -> Zval {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListInvitationsParams =
                    convert::parse("params", params, convert::LIST_INVITATIONS)?;
                Ok(Walk::Invitations(
                    self.with(options)?.invitations().walk(&params),
                ))
            })();
            pager_zval(prepared)
        })
    }

    /// A lazy walk over every sender; see `invitationPager`.
    pub fn sender_pager(&self, params: Option<&Zval>, options: Option<&Zval>) -> Zval {
        guarded(|| {
            let prepared = (|| {
                let params: zavu_core::ListSendersParams =
                    convert::parse("params", params, convert::LIST_SENDERS)?;
                Ok(Walk::Senders(self.with(options)?.senders().walk(&params)))
            })();
            pager_zval(prepared)
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Walking every page

enum Walk {
    Invitations(AutoPager<Invitation>),
    Senders(AutoPager<Sender>),
    PhoneNumbers(AutoPager<PhoneNumber>),
}

/// Walks every item of a list with core's lazy walk (`Invitations::walk`), one page in memory.
/// Items cross into PHP a page at a time. A failed page fetch throws, and the next
/// `nextBatch()` fetches the same page again (core's rule).
#[php_class]
#[php(name = "Zavudev\\Native\\Pager")]
pub struct Pager {
    walk: Mutex<Option<Walk>>,
}

fn pager_zval(prepared: zavu_core::Result<Walk>) -> Zval {
    match prepared {
        Ok(walk) => ZendClassObject::new(Pager {
            walk: Mutex::new(Some(walk)),
        })
        .into_zval(false)
        .unwrap_or_else(|_| error_zval(internal("could not create the pager object"))),
        Err(e) => error_zval(e),
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

async fn next_batch(walk: &mut Option<Walk>) -> zavu_core::Result<Option<Batch>> {
    let batch = match walk {
        Some(Walk::Invitations(pager)) => pager.next_batch().await?.map(Batch::Invitations),
        Some(Walk::Senders(pager)) => pager.next_batch().await?.map(Batch::Senders),
        Some(Walk::PhoneNumbers(pager)) => pager.next_batch().await?.map(Batch::PhoneNumbers),
        None => None,
    };
    if batch.is_none() {
        *walk = None;
    }
    Ok(batch)
}

#[php_impl]
impl Pager {
    /// The next items as a JSON array (the rest of the current page, or the next page), or
    /// `null` (the JSON text) after the last one.
    pub fn next_batch(&self) -> Answer {
        guarded(|| {
            let mut walk = self.walk.lock().unwrap_or_else(|p| p.into_inner());
            block_on(next_batch(&mut walk))
        })
    }

    /// Ends the walk and frees its page.
    pub fn close(&self) {
        *self.walk.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

// ---------------------------------------------------------------------------------------------
// Webhooks, codes, the error table

fn verify_delivery(
    payload: Option<&Zval>,
    headers: Option<&Zval>,
    secret: Option<&Zval>,
    now: Option<&Zval>,
    parse: bool,
) -> zavu_core::Result<serde_json::Value> {
    let body_expected = "the raw request body as a string (file_get_contents('php://input')), \
                         not a decoded array";
    let payload = match payload {
        Some(p) => convert::bytes("payload", body_expected, p)?,
        None => {
            return Err(zavu_core::Error::invalid_param(
                "payload",
                "payload is required",
            ));
        }
    };
    let headers = convert::request_headers(headers)?;
    let secret = convert::optional_string("secret", secret)?.unwrap_or_default();
    let now = convert::optional_unix_seconds("now", now)?;
    if parse {
        ffi::unwrap_headers(&payload, &headers, &secret, now).map(|event| event.to_json())
    } else {
        ffi::verify_headers(&payload, &headers, &secret, now).map(|()| serde_json::Value::Null)
    }
}

/// Verifies a webhook delivery (raw body, request headers, secret); `null` JSON when valid.
#[php_function]
pub fn zavudev_webhooks_verify(
    payload: Option<&Zval>,
    headers: Option<&Zval>,
    secret: Option<&Zval>,
    now: Option<&Zval>,
) -> Answer {
    guarded(|| {
        into_answer(catch_panics_sync(|| {
            verify_delivery(payload, headers, secret, now, false)
        }))
    })
}

/// Verifies a webhook delivery, then returns its event's wire JSON.
#[php_function]
pub fn zavudev_webhooks_unwrap(
    payload: Option<&Zval>,
    headers: Option<&Zval>,
    secret: Option<&Zval>,
    now: Option<&Zval>,
) -> Answer {
    guarded(|| {
        into_answer(catch_panics_sync(|| {
            verify_delivery(payload, headers, secret, now, true)
        }))
    })
}

/// Signs a payload as Zavu does (for tests): the `X-Zavu-Signature` value, as a JSON string.
#[php_function]
pub fn zavudev_webhooks_sign(
    payload: Option<&Zval>,
    secret: Option<&Zval>,
    timestamp: Option<&Zval>,
    scheme: Option<&Zval>,
) -> Answer {
    guarded(|| {
        into_answer(catch_panics_sync(|| {
            let payload = match payload {
                Some(p) => convert::bytes("payload", "a string", p)?,
                None => {
                    return Err(zavu_core::Error::invalid_param(
                        "payload",
                        "payload is required",
                    ));
                }
            };
            let secret = convert::optional_string("secret", secret)?.unwrap_or_default();
            let timestamp =
                ffi::signing_timestamp(convert::optional_unix_seconds("timestamp", timestamp)?);
            let scheme = convert::optional_string("scheme", scheme)?;
            let scheme = ffi::signature_scheme("scheme", scheme.as_deref())?;
            Ok(webhooks::sign_with(&payload, &secret, timestamp, scheme))
        }))
    })
}

/// The SDK's version (one version for every crate and package).
#[php_function]
pub fn zavudev_version() -> String {
    zavu_core::VERSION.to_string()
}

/// Every error code core knows, in core's order (`zavu_core::KNOWN_CODES`).
#[php_function]
pub fn zavudev_known_codes() -> Vec<String> {
    zavu_core::KNOWN_CODES
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// Core's error-class table as JSON: `[{name, parent, kind, aliases}]`, parents first.
#[php_function]
pub fn zavudev_error_classes() -> String {
    let table: Vec<serde_json::Value> = zavu_core::ERROR_CLASSES
        .iter()
        .map(|class| {
            serde_json::json!({
                "name": class.name,
                "parent": class.parent,
                "kind": class.kind.map(|k| k.as_str()),
                "aliases": class.aliases,
            })
        })
        .collect();
    serde_json::Value::Array(table).to_string()
}

/// A wire (camelCase) parameter name as PHP spells it (`zavu_core::param_name`).
#[php_function]
pub fn zavudev_param_name(wire: String) -> String {
    zavu_core::param_name(&wire, ParamStyle::Camel)
}

/// Forgets core's runtime in a forked child (`pcntl_fork`, a forking job runner): the parent's
/// worker threads do not exist in the child, and a call on that runtime would hang forever.
/// PHP has no fork hook, so the extension registers this with `pthread_atfork` at startup.
extern "C" fn after_fork_in_child() {
    zavu_core::runtime::forget_after_fork();
}

fn startup(_ty: i32, _module_number: i32) -> i32 {
    // SAFETY: `pthread_atfork` only records the handler; `after_fork_in_child` is a plain
    // function that stays valid for the life of the process (the extension is never unloaded
    // before exit by php-fpm or the CLI).
    unsafe {
        libc::pthread_atfork(None, None, Some(after_fork_in_child));
    }
    0
}

#[php_module]
#[php(startup = startup)]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    // The extension's name is `zavudev` (`extension_loaded('zavudev')`, Composer's `ext-zavudev`),
    // not the crate's.
    module
        .name("zavudev")
        .class::<NativeClient>()
        .class::<Pager>()
        .function(wrap_function!(zavudev_open))
        .function(wrap_function!(zavudev_webhooks_verify))
        .function(wrap_function!(zavudev_webhooks_unwrap))
        .function(wrap_function!(zavudev_webhooks_sign))
        .function(wrap_function!(zavudev_version))
        .function(wrap_function!(zavudev_known_codes))
        .function(wrap_function!(zavudev_error_classes))
        .function(wrap_function!(zavudev_param_name))
}
