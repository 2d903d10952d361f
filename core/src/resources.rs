//! The API's resources: invitations (with waiting and the project webhook), phone numbers and
//! senders. Each method validates locally, sends, and returns the unwrapped model.

use std::sync::Arc;
use std::time::{Duration, Instant};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;

use crate::client::{Call, Client, human_duration};
use crate::config::RequestOptions;
use crate::error::{Error, Result, codes};
use crate::models::{
    AvailablePhoneNumber, CreateInvitationParams, CreateWebhookParams, Invitation,
    InvitationEnvelope, ItemsEnvelope, ListInvitationsParams, ListPhoneNumbersParams,
    ListSendersParams, PageData, PhoneNumber, PhoneNumberEnvelope, PhoneNumberRequirementsParams,
    PurchasePhoneNumberParams, Requirement, SearchAvailablePhoneNumbersParams, Sender,
    UpdatePhoneNumberParams, UpdateWebhookParams, WebhookConfig, WebhookEnvelope,
};
use crate::pagination::{AutoPager, Page};
use crate::validation;

/// Everything but RFC 3986's unreserved characters is escaped, so an id is always one segment.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn segment(id: &str) -> String {
    utf8_percent_encode(id, PATH_SEGMENT).to_string()
}

fn json_body<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| {
        Error::new(
            codes::INVALID_REQUEST,
            format!("cannot encode the request: {e}"),
        )
    })
}

impl Client {
    /// Partner invitations.
    pub fn invitations(&self) -> Invitations<'_> {
        Invitations { client: self }
    }

    /// Phone numbers.
    pub fn phone_numbers(&self) -> PhoneNumbers<'_> {
        PhoneNumbers { client: self }
    }

    /// Senders.
    pub fn senders(&self) -> Senders<'_> {
        Senders { client: self }
    }
}

/// `client.invitations()`.
pub struct Invitations<'c> {
    client: &'c Client,
}

/// How [`Invitations::wait_for_completion`] polls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WaitOptions {
    /// Give up after this long, with `wait_timeout` (default 10 minutes).
    pub timeout: Duration,
    /// The first pause between polls (default 2 s); it grows by half each time.
    pub poll_interval: Duration,
    /// The longest pause between polls (default 30 s).
    pub max_poll_interval: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(600),
            poll_interval: Duration::from_secs(2),
            max_poll_interval: Duration::from_secs(30),
        }
    }
}

impl Invitations<'_> {
    /// Creates an invitation. Every POST carries an `Idempotency-Key` reused across retries, so
    /// a retried create never makes two invitations.
    pub async fn create(&self, params: &CreateInvitationParams) -> Result<Invitation> {
        validation::validate_create_invitation(params)?;
        let call = Call {
            method: Method::POST,
            endpoint: "invitations.create",
            path: "/v1/invitations".into(),
            query: vec![],
            body: Some(json_body(params)?),
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<InvitationEnvelope>(call)
            .await?
            .invitation)
    }

    /// One page of invitations, newest first.
    pub async fn list(&self, params: &ListInvitationsParams) -> Result<Page<Invitation>> {
        validation::validate_list_invitations(params)?;
        list_page(self.client.clone(), params.clone()).await
    }

    /// Every invitation matching `params`, across pages, fetched lazily.
    pub async fn list_all(&self, params: &ListInvitationsParams) -> Result<AutoPager<Invitation>> {
        Ok(self.list(params).await?.into_items())
    }

    /// Every invitation matching `params`, across pages; nothing is fetched (or validated) until
    /// the first item is asked for. A failed page fetch fails that step only: the next step
    /// fetches the same page again.
    pub fn walk(&self, params: &ListInvitationsParams) -> AutoPager<Invitation> {
        let client = self.client.clone();
        let params = params.clone();
        AutoPager::lazy(Arc::new(move || {
            let client = client.clone();
            let params = params.clone();
            Box::pin(async move { client.invitations().list(&params).await })
        }))
    }

    /// One invitation by id.
    pub async fn get(&self, invitation_id: &str) -> Result<Invitation> {
        validation::validate_id("invitationId", invitation_id)?;
        let call = Call {
            method: Method::GET,
            endpoint: "invitations.get",
            path: format!("/v1/invitations/{}", segment(invitation_id)),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<InvitationEnvelope>(call)
            .await?
            .invitation)
    }

    /// Cancels a pending or in-progress invitation; a completed one is refused with
    /// `already_completed`.
    pub async fn cancel(&self, invitation_id: &str) -> Result<Invitation> {
        validation::validate_id("invitationId", invitation_id)?;
        let call = Call {
            method: Method::POST,
            endpoint: "invitations.cancel",
            path: format!("/v1/invitations/{}/cancel", segment(invitation_id)),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<InvitationEnvelope>(call)
            .await?
            .invitation)
    }

    /// Polls the invitation, with growing pauses, until it is final (`completed`, `expired` or
    /// `cancelled`) and returns it. Past `options.timeout` it fails with `wait_timeout`.
    pub async fn wait_for_completion(
        &self,
        invitation_id: &str,
        options: WaitOptions,
    ) -> Result<Invitation> {
        validation::validate_id("invitationId", invitation_id)?;
        if options.poll_interval.is_zero() {
            return Err(Error::invalid_param(
                "pollInterval",
                "pollInterval must be greater than zero",
            ));
        }
        let started = Instant::now();
        let deadline = started + options.timeout;
        let mut pause = options.poll_interval;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            // One poll never outlives the wait.
            let poll = self.client.with_options(&RequestOptions {
                timeout: Some(
                    self.client
                        .timeout()
                        .min(remaining.max(Duration::from_millis(100))),
                ),
                ..Default::default()
            });
            let invitation = match poll.invitations().get(invitation_id).await {
                Ok(invitation) => invitation,
                Err(e) if e.code() == codes::TIMEOUT && Instant::now() >= deadline => {
                    return Err(wait_timeout(invitation_id, None, options.timeout));
                }
                Err(e) => return Err(e),
            };
            if invitation.status.is_final() {
                return Ok(invitation);
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(wait_timeout(
                    invitation_id,
                    Some(&invitation),
                    options.timeout,
                ));
            }
            tokio::time::sleep(pause.min(remaining)).await;
            pause = pause
                .mul_f64(1.5)
                .min(options.max_poll_interval.max(options.poll_interval));
        }
    }

    /// Sets the project webhook that receives `invitation.status_changed`. The answer is the
    /// only one that carries the signing `secret`.
    pub async fn create_webhook(&self, params: &CreateWebhookParams) -> Result<WebhookConfig> {
        validation::validate_create_webhook(params)?;
        self.webhook_call(
            Method::POST,
            "invitations.webhook.create",
            Some(json_body(params)?),
        )
        .await
    }

    /// The project webhook (without its secret).
    pub async fn get_webhook(&self) -> Result<WebhookConfig> {
        self.webhook_call(Method::GET, "invitations.webhook.get", None)
            .await
    }

    /// Changes the given fields of the project webhook.
    pub async fn update_webhook(&self, params: &UpdateWebhookParams) -> Result<WebhookConfig> {
        validation::validate_update_webhook(params)?;
        self.webhook_call(
            Method::PATCH,
            "invitations.webhook.update",
            Some(json_body(params)?),
        )
        .await
    }

    /// Removes the project webhook.
    pub async fn delete_webhook(&self) -> Result<()> {
        let call = Call {
            method: Method::DELETE,
            endpoint: "invitations.webhook.delete",
            path: "/v1/invitations/webhook".into(),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        self.client.send_raw(call).await.map(|_| ())
    }

    async fn webhook_call(
        &self,
        method: Method,
        endpoint: &'static str,
        body: Option<Vec<u8>>,
    ) -> Result<WebhookConfig> {
        let call = Call {
            method,
            endpoint,
            path: "/v1/invitations/webhook".into(),
            query: vec![],
            body,
            extra_query: Vec::new(),
        };
        Ok(self.client.send::<WebhookEnvelope>(call).await?.webhook)
    }
}

fn wait_timeout(id: &str, last: Option<&Invitation>, timeout: Duration) -> Error {
    let state = last
        .map(|inv| format!("still {}", inv.status))
        .unwrap_or_else(|| "not final".to_string());
    Error::new(
        codes::WAIT_TIMEOUT,
        format!(
            "invitation {id} is {state} after waiting {}",
            human_duration(timeout)
        ),
    )
}

/// The query of a list endpoint, and the same query from another cursor.
trait ListQuery: Clone + Send + Sync + 'static {
    const ENDPOINT: &'static str;
    const PATH: &'static str;
    fn query(&self) -> Vec<(&'static str, String)>;
    fn at_cursor(&self, cursor: String) -> Self;
}

impl ListQuery for ListInvitationsParams {
    const ENDPOINT: &'static str = "invitations.list";
    const PATH: &'static str = "/v1/invitations";

    fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if let Some(status) = &self.status {
            query.push(("status", status.to_string()));
        }
        query.extend(self.limit.map(|limit| ("limit", limit.to_string())));
        query.extend(self.cursor.clone().map(|cursor| ("cursor", cursor)));
        query
    }

    fn at_cursor(&self, cursor: String) -> Self {
        ListInvitationsParams {
            cursor: Some(cursor),
            ..self.clone()
        }
    }
}

impl ListQuery for ListSendersParams {
    const ENDPOINT: &'static str = "senders.list";
    const PATH: &'static str = "/v1/senders";

    fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        query.extend(self.limit.map(|limit| ("limit", limit.to_string())));
        query.extend(self.cursor.clone().map(|cursor| ("cursor", cursor)));
        query
    }

    fn at_cursor(&self, cursor: String) -> Self {
        ListSendersParams {
            cursor: Some(cursor),
            ..self.clone()
        }
    }
}

impl ListQuery for ListPhoneNumbersParams {
    const ENDPOINT: &'static str = "phone_numbers.list";
    const PATH: &'static str = "/v1/phone-numbers";

    fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if let Some(status) = &self.status {
            query.push(("status", status.to_string()));
        }
        query.extend(self.limit.map(|limit| ("limit", limit.to_string())));
        query.extend(self.cursor.clone().map(|cursor| ("cursor", cursor)));
        query
    }

    fn at_cursor(&self, cursor: String) -> Self {
        ListPhoneNumbersParams {
            cursor: Some(cursor),
            ..self.clone()
        }
    }
}

/// One page of a list; the page knows how to fetch the next one with the same query.
fn list_page<T, Q>(
    client: Client,
    params: Q,
) -> futures::future::BoxFuture<'static, Result<Page<T>>>
where
    T: serde::de::DeserializeOwned + Send + 'static,
    Q: ListQuery,
{
    Box::pin(async move {
        let call = Call {
            method: Method::GET,
            endpoint: Q::ENDPOINT,
            path: Q::PATH.into(),
            query: params.query(),
            body: None,
            extra_query: Vec::new(),
        };
        let data: PageData<T> = client.send(call).await?;
        let next = client.clone();
        let fetch =
            Arc::new(move |cursor: String| list_page(next.clone(), params.at_cursor(cursor)));
        Ok(Page::new(data.items, data.next_cursor, fetch))
    })
}

/// `client.phone_numbers()`.
pub struct PhoneNumbers<'c> {
    client: &'c Client,
}

impl PhoneNumbers<'_> {
    /// Buys a phone number for the team. A team on the free plan gets `paid_plan_required`.
    pub async fn purchase(&self, params: &PurchasePhoneNumberParams) -> Result<PhoneNumber> {
        validation::validate_purchase_phone_number(params)?;
        let call = Call {
            method: Method::POST,
            endpoint: "phone_numbers.purchase",
            path: "/v1/phone-numbers".into(),
            query: vec![],
            body: Some(json_body(params)?),
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<PhoneNumberEnvelope>(call)
            .await?
            .phone_number)
    }

    /// Numbers the team can buy in a country (`GET /v1/phone-numbers/available`): the first
    /// step of onboarding, before `purchase`.
    pub async fn search_available(
        &self,
        params: &SearchAvailablePhoneNumbersParams,
    ) -> Result<Vec<AvailablePhoneNumber>> {
        validation::validate_search_available_phone_numbers(params)?;
        let mut query = vec![("countryCode", params.country_code.clone())];
        query.extend(params.capabilities.clone().map(|c| ("capabilities", c)));
        query.extend(params.contains.clone().map(|c| ("contains", c)));
        query.extend(params.limit.map(|l| ("limit", l.to_string())));
        query.extend(params.number_type.as_ref().map(|t| ("type", t.to_string())));
        let call = Call {
            method: Method::GET,
            endpoint: "phone_numbers.search_available",
            path: "/v1/phone-numbers/available".into(),
            query,
            body: None,
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<ItemsEnvelope<AvailablePhoneNumber>>(call)
            .await?
            .items)
    }

    /// The regulatory information buying a number needs: for one number (preferred: exactly
    /// what its purchase checks) or for a country and type. Empty when none is needed.
    pub async fn requirements(
        &self,
        params: &PhoneNumberRequirementsParams,
    ) -> Result<Vec<Requirement>> {
        validation::validate_phone_number_requirements(params)?;
        let mut query = Vec::new();
        query.extend(params.country_code.clone().map(|c| ("countryCode", c)));
        query.extend(params.phone_number.clone().map(|p| ("phoneNumber", p)));
        query.extend(params.number_type.as_ref().map(|t| ("type", t.to_string())));
        let call = Call {
            method: Method::GET,
            endpoint: "phone_numbers.requirements",
            path: "/v1/phone-numbers/requirements".into(),
            query,
            body: None,
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<ItemsEnvelope<Requirement>>(call)
            .await?
            .items)
    }

    /// One page of the team's numbers, newest first.
    pub async fn list(&self, params: &ListPhoneNumbersParams) -> Result<Page<PhoneNumber>> {
        validation::validate_list_phone_numbers(params)?;
        list_page(self.client.clone(), params.clone()).await
    }

    /// Every number of the team, across pages, fetched lazily from the first item asked for;
    /// see [`Invitations::walk`].
    pub fn walk(&self, params: &ListPhoneNumbersParams) -> AutoPager<PhoneNumber> {
        let client = self.client.clone();
        let params = params.clone();
        AutoPager::lazy(Arc::new(move || {
            let client = client.clone();
            let params = params.clone();
            Box::pin(async move { client.phone_numbers().list(&params).await })
        }))
    }

    /// Every number of the team, across pages, fetched lazily.
    pub async fn list_all(
        &self,
        params: &ListPhoneNumbersParams,
    ) -> Result<AutoPager<PhoneNumber>> {
        Ok(self.list(params).await?.into_items())
    }

    /// One of the team's numbers by id; another team's number is `not_found`.
    pub async fn retrieve(&self, phone_number_id: &str) -> Result<PhoneNumber> {
        validation::validate_id("phoneNumberId", phone_number_id)?;
        let call = Call {
            method: Method::GET,
            endpoint: "phone_numbers.retrieve",
            path: format!("/v1/phone-numbers/{}", segment(phone_number_id)),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<PhoneNumberEnvelope>(call)
            .await?
            .phone_number)
    }

    /// Renames a number or (un)assigns it to a sender; only the given fields change.
    pub async fn update(
        &self,
        phone_number_id: &str,
        params: &UpdatePhoneNumberParams,
    ) -> Result<PhoneNumber> {
        validation::validate_id("phoneNumberId", phone_number_id)?;
        validation::validate_update_phone_number(params)?;
        let call = Call {
            method: Method::PATCH,
            endpoint: "phone_numbers.update",
            path: format!("/v1/phone-numbers/{}", segment(phone_number_id)),
            query: vec![],
            body: Some(json_body(params)?),
            extra_query: Vec::new(),
        };
        Ok(self
            .client
            .send::<PhoneNumberEnvelope>(call)
            .await?
            .phone_number)
    }

    /// Releases a number; it leaves the list. A number assigned to a sender is refused with
    /// `conflict`: unassign it first.
    pub async fn release(&self, phone_number_id: &str) -> Result<()> {
        validation::validate_id("phoneNumberId", phone_number_id)?;
        let call = Call {
            method: Method::DELETE,
            endpoint: "phone_numbers.release",
            path: format!("/v1/phone-numbers/{}", segment(phone_number_id)),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        self.client.send_raw(call).await.map(|_| ())
    }
}

/// `client.senders()`.
pub struct Senders<'c> {
    client: &'c Client,
}

impl Senders<'_> {
    /// One sender by id.
    pub async fn get(&self, sender_id: &str) -> Result<Sender> {
        validation::validate_id("senderId", sender_id)?;
        let call = Call {
            method: Method::GET,
            endpoint: "senders.get",
            path: format!("/v1/senders/{}", segment(sender_id)),
            query: vec![],
            body: None,
            extra_query: Vec::new(),
        };
        self.client.send(call).await
    }

    /// One page of senders.
    pub async fn list(&self, params: &ListSendersParams) -> Result<Page<Sender>> {
        validation::validate_list_senders(params)?;
        list_page(self.client.clone(), params.clone()).await
    }

    /// Every sender, across pages, fetched lazily from the first item asked for; see
    /// [`Invitations::walk`].
    pub fn walk(&self, params: &ListSendersParams) -> AutoPager<Sender> {
        let client = self.client.clone();
        let params = params.clone();
        AutoPager::lazy(Arc::new(move || {
            let client = client.clone();
            let params = params.clone();
            Box::pin(async move { client.senders().list(&params).await })
        }))
    }

    /// Every sender, across pages, fetched lazily.
    pub async fn list_all(&self, params: &ListSendersParams) -> Result<AutoPager<Sender>> {
        Ok(self.list(params).await?.into_items())
    }
}

#[cfg(test)]
mod tests {
    use super::segment;

    #[test]
    fn ids_are_one_segment() {
        assert_eq!(segment("inv_1"), "inv_1");
        assert_eq!(segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(segment("é"), "%C3%A9");
    }
}
