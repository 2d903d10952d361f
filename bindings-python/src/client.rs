//! `Zavudev` and `AsyncZavudev`, and their resources (`invitations`, `phone_numbers`,
//! `senders`, `webhooks`).
//!
//! The sync and async classes share one definition of every method (the `*_methods!` macros
//! below, each instantiated for both classes); a [`Caller`] knows whether its client blocks
//! (with the GIL released) or hands back awaitables.

use std::future::Future;
use std::sync::Arc;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use zavu_core::{
    Client, ClientOptions, ClientOverrides, ConnectionType, CreateInvitationParams,
    CreateWebhookParams, InvitationStatus, ListInvitationsParams, ListPhoneNumbersParams,
    ListSendersParams, PhoneNumberRequirementsParams, PhoneNumberStatus, PhoneNumberType,
    PurchasePhoneNumberParams, RequestOptions, SearchAvailablePhoneNumbersParams,
    UpdatePhoneNumberParams, UpdateWebhookParams,
};

use crate::bridge::{lazy, run_sync};
use crate::convert::{
    Arg, boolean, headers, integer, request_options, required_string, retries, seconds, string,
    string_list,
};
use crate::errors::to_py_err;
use crate::models::{
    AvailablePhoneNumber, Invitation, PhoneNumber, Requirement, Sender, WebhookConfig,
};
use crate::pages::{AnyPage, AnyPager, AsyncPaginator, PageCall, SyncPage, WalkStart};
use crate::raw::Raw;
use crate::webhooks::Webhooks;

/// The core client of one `Zavudev`/`AsyncZavudev` object and of its resources.
struct Shared {
    client: Client,
}

impl Shared {
    fn new(client: Client) -> Arc<Shared> {
        Arc::new(Shared { client })
    }

    /// The client for one call, with the call's options on top of the client's. A closed
    /// client still hands out handles: core refuses their calls with `client_closed`.
    fn client(&self, options: &RequestOptions) -> PyResult<Client> {
        if *options == RequestOptions::default() {
            Ok(self.client.clone())
        } else {
            Ok(self.client.with_options(options))
        }
    }

    /// Closes the connection pool shared with every client derived from this one.
    fn close(&self) {
        self.client.close();
    }

    fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// Makes the calls of one resource, blocking or as awaitables; with `raw` (the resource's
/// `with_raw_response`), each call answers a `RawResponse` instead of the parsed value.
#[derive(Clone)]
struct Caller {
    shared: Arc<Shared>,
    asynchronous: bool,
    raw: bool,
}

impl Caller {
    /// Runs `op` with the call's client and returns its converted result, or (async client)
    /// an awaitable of it.
    fn call<'py, T, U, F>(
        &self,
        py: Python<'py>,
        options: RequestOptions,
        op: impl FnOnce(Client) -> F + Send + 'static,
        convert: fn(T) -> U,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = zavu_core::Result<T>> + Send + 'static,
        T: Send + 'static,
        U: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        let client = self.shared.client(&options)?;
        if self.raw {
            // Core records the answer's metadata beside the value; nothing else changes.
            let call = async move { client.with_response(op).await };
            let convert = move |answer: zavu_core::Response<T>| Raw {
                meta: answer.meta,
                value: convert(answer.value),
            };
            return if self.asynchronous {
                lazy(py, call, convert)
            } else {
                convert(run_sync(py, call)?).into_bound_py_any(py)
            };
        }
        let call = op(client);
        if self.asynchronous {
            lazy(py, call, convert)
        } else {
            convert(run_sync(py, call)?).into_bound_py_any(py)
        }
    }

    /// [`Caller::call`] for calls answering a page: a `SyncPage`, or (async client) an
    /// `AsyncPaginator`, which sends `op` when awaited or iterated.
    fn page<'py, T, F>(
        &self,
        py: Python<'py>,
        options: RequestOptions,
        op: impl Fn(Client) -> F + Send + Sync + 'static,
        walk: impl Fn(Client) -> AnyPager + Send + Sync + 'static,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = zavu_core::Result<T>> + Send + 'static,
        T: Into<AnyPage> + Send + 'static,
    {
        if self.asynchronous && !self.raw {
            let client = self.shared.client(&options)?;
            let walker = client.clone();
            let call: PageCall = Arc::new(move || {
                let page = op(client.clone());
                Box::pin(async move { page.await.map(Into::into) })
            });
            let walk: WalkStart = Arc::new(move || walk(walker.clone()));
            AsyncPaginator::new(call, walk).into_bound_py_any(py)
        } else {
            // A raw page (either client) parses to a `SyncPage` of the first page.
            self.call(py, options, op, |page| SyncPage::new(page))
        }
    }
}

fn unit(_: ()) -> Option<bool> {
    None
}

/// Keyword arguments taken as `**kwargs`, where "given as None" (clear the field) and "not
/// given" (leave it) differ, as in the published SDK's `update(name=None)`.
struct Kwargs<'a, 'py> {
    py: Python<'py>,
    dict: Option<&'a Bound<'py, PyDict>>,
}

impl<'a, 'py> Kwargs<'a, 'py> {
    /// The per-call options every method takes, besides the method's own `fields`.
    const OPTIONS: [&'static str; 6] = [
        "timeout",
        "max_retries",
        "idempotency_key",
        "extra_headers",
        "extra_query",
        "extra_body",
    ];

    fn new(
        py: Python<'py>,
        dict: Option<&'a Bound<'py, PyDict>>,
        fields: &[&str],
    ) -> PyResult<Kwargs<'a, 'py>> {
        if let Some(dict) = dict {
            for key in dict.keys() {
                let key: String = key.extract()?;
                if !fields.contains(&key.as_str()) && !Self::OPTIONS.contains(&key.as_str()) {
                    return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                        "got an unexpected keyword argument '{key}'"
                    )));
                }
            }
        }
        Ok(Kwargs { py, dict })
    }

    fn get(&self, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.dict {
            Some(dict) => dict.get_item(name),
            None => Ok(None),
        }
    }

    /// `None` when not given, `Some(None)` when given as `None`, else the converted value.
    fn clearable<T>(
        &self,
        name: &str,
        convert: impl FnOnce(&Bound<'py, PyAny>) -> PyResult<Option<T>>,
    ) -> PyResult<Option<Option<T>>> {
        match self.get(name)? {
            None => Ok(None),
            Some(value) if value.is_none() => Ok(Some(None)),
            Some(value) => convert(&value).map(Some),
        }
    }

    fn request_options(&self, idempotent: bool) -> PyResult<RequestOptions> {
        let [timeout, max_retries, key, headers, query, body] =
            Self::OPTIONS.map(|name| self.get(name));
        let key = if idempotent { key? } else { None };
        request_options(
            self.py,
            timeout?.as_ref(),
            max_retries?.as_ref(),
            key.as_ref(),
            headers?.as_ref(),
            query?.as_ref(),
            body?.as_ref(),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Resources

/// `client.invitations` (sync).
#[pyclass(frozen, module = "zavudev._native")]
pub struct Invitations {
    caller: Caller,
}

/// `client.invitations` (async): every method returns an awaitable.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncInvitations {
    caller: Caller,
}

macro_rules! invitations_methods {
    ($class:ident) => {
        // Every method takes the per-call options beside its own arguments.
        #[allow(clippy::too_many_arguments)]
        #[pymethods]
        impl $class {
            /// Creates an invitation. Every argument is optional. A retried create never makes
            /// two invitations (one idempotency key per call, reused across its retries).
            #[pyo3(signature = (*, client_name=None, client_email=None, client_phone=None, phone_number_id=None, expires_in_days=None, connection_type=None, allowed_phone_countries=None, timeout=None, max_retries=None, idempotency_key=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn create<'py>(
                &self,
                py: Python<'py>,
                client_name: Option<&Bound<'py, PyAny>>,
                client_email: Option<&Bound<'py, PyAny>>,
                client_phone: Option<&Bound<'py, PyAny>>,
                phone_number_id: Option<&Bound<'py, PyAny>>,
                expires_in_days: Option<&Bound<'py, PyAny>>,
                connection_type: Option<&Bound<'py, PyAny>>,
                allowed_phone_countries: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                idempotency_key: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = CreateInvitationParams {
                    client_name: string(py, "client_name", client_name)?,
                    client_email: string(py, "client_email", client_email)?,
                    client_phone: string(py, "client_phone", client_phone)?,
                    phone_number_id: string(py, "phone_number_id", phone_number_id)?,
                    expires_in_days: integer(py, "expires_in_days", expires_in_days)?,
                    connection_type: string(py, "connection_type", connection_type)?
                        .map(ConnectionType::from),
                    allowed_phone_countries: string_list(
                        py,
                        "allowed_phone_countries",
                        allowed_phone_countries,
                    )?,
                };
                let options =
                    request_options(
                    py,
                    timeout, max_retries, idempotency_key,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.invitations().create(&params).await },
                    Invitation::from,
                )
            }

            /// One page of invitations, newest first. Iterating the page walks every
            /// invitation across pages.
            #[pyo3(signature = (*, status=None, limit=None, cursor=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn list<'py>(
                &self,
                py: Python<'py>,
                status: Option<&Bound<'py, PyAny>>,
                limit: Option<&Bound<'py, PyAny>>,
                cursor: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = ListInvitationsParams {
                    status: string(py, "status", status)?.map(InvitationStatus::from),
                    limit: integer(py, "limit", limit)?,
                    cursor: string(py, "cursor", cursor)?,
                };
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                let walked = params.clone();
                self.caller.page(
                    py,
                    options,
                    move |client| {
                        let params = params.clone();
                        async move { client.invitations().list(&params).await }
                    },
                    move |client| AnyPager::Invitations(client.invitations().walk(&walked)),
                )
            }

            /// One invitation by id.
            #[pyo3(signature = (invitation_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn get<'py>(
                &self,
                py: Python<'py>,
                invitation_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let invitation_id = required_string(py, "invitation_id", invitation_id)?;
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.invitations().get(&invitation_id).await },
                    Invitation::from,
                )
            }

            /// Same as `get`.
            #[pyo3(signature = (invitation_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn retrieve<'py>(
                &self,
                py: Python<'py>,
                invitation_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                self.get(
                    py,
                    invitation_id,
                    timeout,
                    max_retries,
                    extra_headers,
                    extra_query,
                    extra_body,
                )
            }

            /// Cancels a pending or in-progress invitation; a completed one is refused
            /// (`already_completed`).
            #[pyo3(signature = (invitation_id, *, timeout=None, max_retries=None, idempotency_key=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn cancel<'py>(
                &self,
                py: Python<'py>,
                invitation_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                idempotency_key: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let invitation_id = required_string(py, "invitation_id", invitation_id)?;
                let options =
                    request_options(
                    py,
                    timeout, max_retries, idempotency_key,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.invitations().cancel(&invitation_id).await },
                    Invitation::from,
                )
            }

            /// Polls the invitation, with growing pauses, until it is final (`completed`,
            /// `expired` or `cancelled`) and returns it. `timeout` (seconds) bounds the whole
            /// wait, then `APITimeoutError` with code `wait_timeout`; `poll_interval` is the
            /// first pause, `max_poll_interval` the longest. Unset values take core's defaults.
            #[pyo3(signature = (invitation_id, *, timeout=None, poll_interval=None, max_poll_interval=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn wait_for_completion<'py>(
                &self,
                py: Python<'py>,
                invitation_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                poll_interval: Option<&Bound<'py, PyAny>>,
                max_poll_interval: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let invitation_id = required_string(py, "invitation_id", invitation_id)?;
                let mut wait = zavu_core::ffi::wait_options(
                    seconds(py, "timeout", timeout)?,
                    seconds(py, "poll_interval", poll_interval)?,
                );
                if let Some(interval) = seconds(py, "max_poll_interval", max_poll_interval)? {
                    wait.max_poll_interval = interval;
                }
                let options = request_options(
                    py,
                    None, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move {
                        client
                            .invitations()
                            .wait_for_completion(&invitation_id, wait)
                            .await
                    },
                    Invitation::from,
                )
            }

            /// Sets the project webhook that receives `invitation.status_changed`. The answer
            /// is the only one carrying the signing `secret`. `events` defaults (in core) to
            /// `["invitation.status_changed"]`.
            #[pyo3(signature = (*, url, events=None, timeout=None, max_retries=None, idempotency_key=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn create_webhook<'py>(
                &self,
                py: Python<'py>,
                url: &Bound<'py, PyAny>,
                events: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                idempotency_key: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = CreateWebhookParams::with_events(
                    required_string(py, "url", url)?,
                    string_list(py, "events", events)?,
                );
                let options =
                    request_options(
                    py,
                    timeout, max_retries, idempotency_key,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.invitations().create_webhook(&params).await },
                    WebhookConfig::from,
                )
            }

            /// The project webhook (without its secret).
            #[pyo3(signature = (*, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn get_webhook<'py>(
                &self,
                py: Python<'py>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.invitations().get_webhook().await },
                    WebhookConfig::from,
                )
            }

            /// Changes the given fields of the project webhook.
            #[pyo3(signature = (*, url=None, events=None, active=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn update_webhook<'py>(
                &self,
                py: Python<'py>,
                url: Option<&Bound<'py, PyAny>>,
                events: Option<&Bound<'py, PyAny>>,
                active: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = UpdateWebhookParams {
                    url: string(py, "url", url)?,
                    events: string_list(py, "events", events)?,
                    active: boolean(py, "active", active)?,
                };
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.invitations().update_webhook(&params).await },
                    WebhookConfig::from,
                )
            }

            /// Removes the project webhook; returns `None`.
            #[pyo3(signature = (*, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn delete_webhook<'py>(
                &self,
                py: Python<'py>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.invitations().delete_webhook().await },
                    unit,
                )
            }

            /// The same methods, answering a `RawResponse` (status, headers, request id,
            /// rate limit; `parse()` gives what the plain call returns).
            #[getter]
            fn with_raw_response(&self) -> Self {
                $class {
                    caller: Caller {
                        raw: true,
                        ..self.caller.clone()
                    },
                }
            }

            fn __repr__(&self) -> &'static str {
                concat!(stringify!($class), "()")
            }
        }
    };
}

invitations_methods!(Invitations);
invitations_methods!(AsyncInvitations);

/// `client.phone_numbers` (sync).
#[pyclass(frozen, module = "zavudev._native")]
pub struct PhoneNumbers {
    caller: Caller,
}

/// `client.phone_numbers` (async): every method returns an awaitable.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncPhoneNumbers {
    caller: Caller,
}

macro_rules! phone_numbers_methods {
    ($class:ident) => {
        // Every method takes the per-call options beside its own arguments.
        #[allow(clippy::too_many_arguments)]
        #[pymethods]
        impl $class {
            /// Buys a phone number (E.164) for the team. A team on the free plan gets
            /// `PaymentRequiredError` (`paid_plan_required`).
            #[pyo3(signature = (*, phone_number, name=None, timeout=None, max_retries=None, idempotency_key=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn purchase<'py>(
                &self,
                py: Python<'py>,
                phone_number: &Bound<'py, PyAny>,
                name: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                idempotency_key: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = PurchasePhoneNumberParams {
                    phone_number: required_string(py, "phone_number", phone_number)?,
                    name: string(py, "name", name)?,
                };
                let options =
                    request_options(
                    py,
                    timeout, max_retries, idempotency_key,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.phone_numbers().purchase(&params).await },
                    PhoneNumber::from,
                )
            }

            /// Numbers the team can buy in a country: the first onboarding step, before
            /// `purchase`. `type` is `local`, `national`, `mobile` or `tollFree`;
            /// `capabilities` a comma-separated list of `sms`, `voice`, `mms`.
            #[pyo3(signature = (*, country_code, capabilities=None, contains=None, limit=None, r#type=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn search_available<'py>(
                &self,
                py: Python<'py>,
                country_code: &Bound<'py, PyAny>,
                capabilities: Option<&Bound<'py, PyAny>>,
                contains: Option<&Bound<'py, PyAny>>,
                limit: Option<&Bound<'py, PyAny>>,
                r#type: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = SearchAvailablePhoneNumbersParams {
                    country_code: required_string(py, "country_code", country_code)?,
                    capabilities: string(py, "capabilities", capabilities)?,
                    contains: string(py, "contains", contains)?,
                    limit: integer(py, "limit", limit)?,
                    number_type: string(py, "type", r#type)?.map(PhoneNumberType::from),
                };
                let options = request_options(
                    py,
                    timeout,
                    max_retries,
                    None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.phone_numbers().search_available(&params).await },
                    AvailablePhoneNumber::list,
                )
            }

            /// The regulatory information buying a number needs: for `phone_number`
            /// (preferred) or for `country_code` and `type`. An empty list: none needed.
            #[pyo3(signature = (*, country_code=None, phone_number=None, r#type=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn requirements<'py>(
                &self,
                py: Python<'py>,
                country_code: Option<&Bound<'py, PyAny>>,
                phone_number: Option<&Bound<'py, PyAny>>,
                r#type: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = PhoneNumberRequirementsParams {
                    country_code: string(py, "country_code", country_code)?,
                    phone_number: string(py, "phone_number", phone_number)?,
                    number_type: string(py, "type", r#type)?.map(PhoneNumberType::from),
                };
                let options = request_options(
                    py,
                    timeout,
                    max_retries,
                    None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    |client| async move { client.phone_numbers().requirements(&params).await },
                    Requirement::list,
                )
            }

            /// One page of the team's numbers, newest first. Iterating the page walks every
            /// number across pages.
            #[pyo3(signature = (*, status=None, limit=None, cursor=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn list<'py>(
                &self,
                py: Python<'py>,
                status: Option<&Bound<'py, PyAny>>,
                limit: Option<&Bound<'py, PyAny>>,
                cursor: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = ListPhoneNumbersParams {
                    status: string(py, "status", status)?.map(PhoneNumberStatus::from),
                    limit: integer(py, "limit", limit)?,
                    cursor: string(py, "cursor", cursor)?,
                };
                let options = request_options(
                    py,
                    timeout,
                    max_retries,
                    None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                let walked = params.clone();
                self.caller.page(
                    py,
                    options,
                    move |client| {
                        let params = params.clone();
                        async move { client.phone_numbers().list(&params).await }
                    },
                    move |client| AnyPager::PhoneNumbers(client.phone_numbers().walk(&walked)),
                )
            }

            /// One of the team's numbers; another team's number is `NotFoundError`.
            #[pyo3(signature = (phone_number_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn retrieve<'py>(
                &self,
                py: Python<'py>,
                phone_number_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let id = required_string(py, "phone_number_id", phone_number_id)?;
                let options = request_options(
                    py,
                    timeout,
                    max_retries,
                    None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.phone_numbers().retrieve(&id).await },
                    PhoneNumber::from,
                )
            }

            /// Renames a number (`name`) or (un)assigns its sender (`sender_id`); only the
            /// arguments given change, and `None` clears (`name=None`, `sender_id=None`).
            #[pyo3(signature = (phone_number_id, **kwargs))]
            fn update<'py>(
                &self,
                py: Python<'py>,
                phone_number_id: &Bound<'py, PyAny>,
                kwargs: Option<&Bound<'py, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let id = required_string(py, "phone_number_id", phone_number_id)?;
                let args = Kwargs::new(py, kwargs, &["name", "sender_id"])?;
                let params = UpdatePhoneNumberParams {
                    name: args.clearable("name", |v| string(py, "name", Some(v)))?,
                    sender_id: args.clearable("sender_id", |v| string(py, "sender_id", Some(v)))?,
                };
                let options = args.request_options(true)?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.phone_numbers().update(&id, &params).await },
                    PhoneNumber::from,
                )
            }

            /// Releases a number (it must not be assigned to a sender); returns `None`.
            #[pyo3(signature = (phone_number_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            #[allow(clippy::too_many_arguments)]
            fn release<'py>(
                &self,
                py: Python<'py>,
                phone_number_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let id = required_string(py, "phone_number_id", phone_number_id)?;
                let options = request_options(
                    py,
                    timeout,
                    max_retries,
                    None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.phone_numbers().release(&id).await },
                    unit,
                )
            }

            /// The same methods, answering a `RawResponse` (status, headers, request id,
            /// rate limit; `parse()` gives what the plain call returns).
            #[getter]
            fn with_raw_response(&self) -> Self {
                $class {
                    caller: Caller {
                        raw: true,
                        ..self.caller.clone()
                    },
                }
            }

            fn __repr__(&self) -> &'static str {
                concat!(stringify!($class), "()")
            }
        }
    };
}

phone_numbers_methods!(PhoneNumbers);
phone_numbers_methods!(AsyncPhoneNumbers);

/// `client.senders` (sync).
#[pyclass(frozen, module = "zavudev._native")]
pub struct Senders {
    caller: Caller,
}

/// `client.senders` (async): every method returns an awaitable.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncSenders {
    caller: Caller,
}

macro_rules! senders_methods {
    ($class:ident) => {
        // Every method takes the per-call options beside its own arguments.
        #[allow(clippy::too_many_arguments)]
        #[pymethods]
        impl $class {
            /// One sender by id.
            #[pyo3(signature = (sender_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn get<'py>(
                &self,
                py: Python<'py>,
                sender_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let sender_id = required_string(py, "sender_id", sender_id)?;
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                self.caller.call(
                    py,
                    options,
                    move |client| async move { client.senders().get(&sender_id).await },
                    Sender::from,
                )
            }

            /// Same as `get`.
            #[pyo3(signature = (sender_id, *, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn retrieve<'py>(
                &self,
                py: Python<'py>,
                sender_id: &Bound<'py, PyAny>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                self.get(
                    py,
                    sender_id,
                    timeout,
                    max_retries,
                    extra_headers,
                    extra_query,
                    extra_body,
                )
            }

            /// One page of senders. Iterating the page walks every sender across pages.
            #[pyo3(signature = (*, limit=None, cursor=None, timeout=None, max_retries=None, extra_headers=None, extra_query=None, extra_body=None))]
            fn list<'py>(
                &self,
                py: Python<'py>,
                limit: Option<&Bound<'py, PyAny>>,
                cursor: Option<&Bound<'py, PyAny>>,
                timeout: Option<&Bound<'py, PyAny>>,
                max_retries: Option<&Bound<'py, PyAny>>,
                extra_headers: Option<&Bound<'py, PyAny>>,
                extra_query: Option<&Bound<'py, PyAny>>,
                extra_body: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let params = ListSendersParams {
                    limit: integer(py, "limit", limit)?,
                    cursor: string(py, "cursor", cursor)?,
                };
                let options = request_options(
                    py,
                    timeout, max_retries, None,
                    extra_headers,
                    extra_query,
                    extra_body,
                )?;
                let walked = params.clone();
                self.caller.page(
                    py,
                    options,
                    move |client| {
                        let params = params.clone();
                        async move { client.senders().list(&params).await }
                    },
                    move |client| AnyPager::Senders(client.senders().walk(&walked)),
                )
            }

            /// The same methods, answering a `RawResponse` (status, headers, request id,
            /// rate limit; `parse()` gives what the plain call returns).
            #[getter]
            fn with_raw_response(&self) -> Self {
                $class {
                    caller: Caller {
                        raw: true,
                        ..self.caller.clone()
                    },
                }
            }

            fn __repr__(&self) -> &'static str {
                concat!(stringify!($class), "()")
            }
        }
    };
}

senders_methods!(Senders);
senders_methods!(AsyncSenders);

// ---------------------------------------------------------------------------------------------
// Clients

/// Builds the core client; unset values fall back (in core) to the environment
/// (`ZAVUDEV_API_KEY`, `ZAVUDEV_BASE_URL`, `ZAVUDEV_CUSTOM_HEADERS`) and then to the defaults.
#[allow(clippy::too_many_arguments)]
fn core_client(
    py: Python<'_>,
    api_key: Arg<'_, '_>,
    base_url: Arg<'_, '_>,
    timeout: Arg<'_, '_>,
    max_retries: Arg<'_, '_>,
    default_headers: Arg<'_, '_>,
    allow_insecure_http: Arg<'_, '_>,
) -> PyResult<Client> {
    let version = py.version_info();
    let options = ClientOptions {
        api_key: string(py, "api_key", api_key)?,
        base_url: string(py, "base_url", base_url)?,
        timeout: seconds(py, "timeout", timeout)?,
        max_retries: retries(py, "max_retries", max_retries)?,
        default_headers: headers(py, "default_headers", default_headers, false)?,
        allow_insecure_http: boolean(py, "allow_insecure_http", allow_insecure_http)?
            .unwrap_or_default(),
        binding: Some(format!(
            "python/{}.{}.{}",
            version.major, version.minor, version.patch
        )),
        ..ClientOptions::default()
    };
    zavu_core::ffi::catch_panics_sync(|| Client::new(options)).map_err(|e| to_py_err(py, e))
}

/// The resources of one client object.
struct Parts {
    shared: Arc<Shared>,
    invitations: Py<PyAny>,
    phone_numbers: Py<PyAny>,
    senders: Py<PyAny>,
    webhooks: Py<Webhooks>,
}

impl Parts {
    fn new(py: Python<'_>, client: Client, asynchronous: bool) -> PyResult<Parts> {
        let shared = Shared::new(client);
        let caller = Caller {
            shared: Arc::clone(&shared),
            asynchronous,
            raw: false,
        };
        let (invitations, phone_numbers, senders) = if asynchronous {
            (
                AsyncInvitations {
                    caller: caller.clone(),
                }
                .into_py_any(py)?,
                AsyncPhoneNumbers {
                    caller: caller.clone(),
                }
                .into_py_any(py)?,
                AsyncSenders { caller }.into_py_any(py)?,
            )
        } else {
            (
                Invitations {
                    caller: caller.clone(),
                }
                .into_py_any(py)?,
                PhoneNumbers {
                    caller: caller.clone(),
                }
                .into_py_any(py)?,
                Senders { caller }.into_py_any(py)?,
            )
        };
        Ok(Parts {
            shared,
            invitations,
            phone_numbers,
            senders,
            webhooks: Py::new(py, Webhooks)?,
        })
    }

    /// A client with some options changed (core's `with_client_options`: the same connection
    /// pool; unset values keep this client's).
    #[allow(clippy::too_many_arguments)]
    fn derived(
        &self,
        py: Python<'_>,
        api_key: Arg<'_, '_>,
        base_url: Arg<'_, '_>,
        timeout: Arg<'_, '_>,
        max_retries: Arg<'_, '_>,
        default_headers: Arg<'_, '_>,
        asynchronous: bool,
    ) -> PyResult<Parts> {
        let overrides = ClientOverrides {
            api_key: string(py, "api_key", api_key)?,
            base_url: string(py, "base_url", base_url)?,
            timeout: seconds(py, "timeout", timeout)?,
            max_retries: retries(py, "max_retries", max_retries)?,
            default_headers: match default_headers {
                Some(value) if !value.is_none() => {
                    Some(headers(py, "default_headers", Some(value), false)?)
                }
                _ => None,
            },
        };
        let client = zavu_core::ffi::catch_panics_sync(|| {
            self.shared.client.with_client_options(&overrides)
        })
        .map_err(|e| to_py_err(py, e))?;
        Parts::new(py, client, asynchronous)
    }

    fn repr(&self, class: &str) -> String {
        let client = &self.shared.client;
        if client.is_closed() {
            return format!("{class}(closed)");
        }
        format!(
            "{class}(base_url='{}', timeout={:?}, max_retries={})",
            client.base_url(),
            client.timeout().as_secs_f64(),
            client.max_retries()
        )
    }

    fn client(&self) -> PyResult<Client> {
        self.shared.client(&RequestOptions::default())
    }
}

macro_rules! client_methods {
    ($class:ident, asynchronous = $asynchronous:literal, { $($extra:tt)* }) => {
        // Every method takes the per-call options beside its own arguments.
        #[allow(clippy::too_many_arguments)]
        #[pymethods]
        impl $class {
            /// Unset arguments fall back to the environment (`ZAVUDEV_API_KEY`,
            /// `ZAVUDEV_BASE_URL`, `ZAVUDEV_CUSTOM_HEADERS`), then to the defaults (60 s
            /// timeout per attempt, 2 retries). A missing key raises `AuthenticationError`
            /// (`missing_api_key`). Plain `http://` is refused for hosts other than loopback
            /// unless `allow_insecure_http=True` (a Docker-compose sandbox, `http://sandbox:8080`).
            #[new]
            #[pyo3(signature = (*, api_key=None, base_url=None, timeout=None, max_retries=None, default_headers=None, allow_insecure_http=None))]
            #[allow(clippy::too_many_arguments)]
            fn new(
                py: Python<'_>,
                api_key: Arg<'_, '_>,
                base_url: Arg<'_, '_>,
                timeout: Arg<'_, '_>,
                max_retries: Arg<'_, '_>,
                default_headers: Arg<'_, '_>,
                allow_insecure_http: Arg<'_, '_>,
            ) -> PyResult<Self> {
                let client = core_client(
                    py,
                    api_key,
                    base_url,
                    timeout,
                    max_retries,
                    default_headers,
                    allow_insecure_http,
                )?;
                Ok($class {
                    parts: Parts::new(py, client, $asynchronous)?,
                })
            }

            /// Partner invitations (and the project webhook for their events).
            #[getter]
            fn invitations(&self, py: Python<'_>) -> Py<PyAny> {
                self.parts.invitations.clone_ref(py)
            }

            /// Phone numbers.
            #[getter]
            fn phone_numbers(&self, py: Python<'_>) -> Py<PyAny> {
                self.parts.phone_numbers.clone_ref(py)
            }

            /// Senders.
            #[getter]
            fn senders(&self, py: Python<'_>) -> Py<PyAny> {
                self.parts.senders.clone_ref(py)
            }

            /// Verifying and reading webhook deliveries.
            #[getter]
            fn webhooks(&self, py: Python<'_>) -> Py<Webhooks> {
                self.parts.webhooks.clone_ref(py)
            }

            /// The base URL calls go to.
            #[getter]
            fn base_url(&self) -> PyResult<String> {
                Ok(self.parts.client()?.base_url().to_string())
            }

            /// The per-attempt timeout, in seconds.
            #[getter]
            fn timeout(&self) -> PyResult<f64> {
                Ok(self.parts.client()?.timeout().as_secs_f64())
            }

            /// How many times a failed attempt is retried.
            #[getter]
            fn max_retries(&self) -> PyResult<u32> {
                Ok(self.parts.client()?.max_retries())
            }

            /// Whether `close()` was called.
            #[getter]
            fn is_closed(&self) -> bool {
                self.parts.shared.is_closed()
            }

            /// A new client on the same connection pool with these options changed (unset
            /// ones keep this client's), as the published SDK's `with_options`.
            #[pyo3(signature = (*, api_key=None, base_url=None, timeout=None, max_retries=None, default_headers=None))]
            #[allow(clippy::too_many_arguments)]
            fn with_options(
                &self,
                py: Python<'_>,
                api_key: Arg<'_, '_>,
                base_url: Arg<'_, '_>,
                timeout: Arg<'_, '_>,
                max_retries: Arg<'_, '_>,
                default_headers: Arg<'_, '_>,
            ) -> PyResult<Self> {
                Ok($class {
                    parts: self.parts.derived(
                        py,
                        api_key,
                        base_url,
                        timeout,
                        max_retries,
                        default_headers,
                        $asynchronous,
                    )?,
                })
            }

            /// Same as `with_options` (the published SDK's name).
            #[pyo3(signature = (*, api_key=None, base_url=None, timeout=None, max_retries=None, default_headers=None))]
            #[allow(clippy::too_many_arguments)]
            fn copy(
                &self,
                py: Python<'_>,
                api_key: Arg<'_, '_>,
                base_url: Arg<'_, '_>,
                timeout: Arg<'_, '_>,
                max_retries: Arg<'_, '_>,
                default_headers: Arg<'_, '_>,
            ) -> PyResult<Self> {
                self.with_options(py, api_key, base_url, timeout, max_retries, default_headers)
            }

            fn __repr__(&self) -> String {
                self.parts.repr(stringify!($class))
            }

            $($extra)*
        }
    };
}

/// The Zavu client (synchronous). Calls block the calling thread with the GIL released, so
/// other threads keep running; Ctrl-C interrupts a call. Safe to share between threads.
#[pyclass(frozen, module = "zavudev._native")]
pub struct Zavudev {
    parts: Parts,
}

client_methods!(Zavudev, asynchronous = false, {
    /// Releases this client's connection pool. Later calls raise `ClientClosedError` (code `client_closed`).
    fn close(&self) {
        self.parts.shared.close();
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc_info))]
    fn __exit__(&self, _exc_info: &Bound<'_, pyo3::types::PyTuple>) {
        // Exceptions propagate (None is falsy).
        self.parts.shared.close();
    }
});

/// The Zavu client for asyncio. Every call returns an awaitable and never blocks the event
/// loop; cancelling the awaiting task cancels the call.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncZavudev {
    parts: Parts,
}

client_methods!(AsyncZavudev, asynchronous = true, {
    /// Releases this client's connection pool (awaitable). Later calls raise `ClientClosedError` (code `client_closed`).
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.parts.shared.close();
        crate::bridge::ready(py, py.None().into_bound(py))
    }

    fn __aenter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        crate::bridge::ready(slf.py(), slf.clone().into_any())
    }

    #[pyo3(signature = (*_exc_info))]
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _exc_info: &Bound<'py, pyo3::types::PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.parts.shared.close();
        crate::bridge::ready(py, py.None().into_bound(py))
    }
});
