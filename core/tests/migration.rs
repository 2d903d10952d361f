//! Issue 17 against a real sandbox: response metadata, per-call escape hatches (extra query,
//! body and headers), derived clients, and the phone-number onboarding steps.

use serde_json::json;
use zavu_core::{
    ClientOverrides, CreateInvitationParams, ListInvitationsParams, ListPhoneNumbersParams,
    PhoneNumberRequirementsParams, PhoneNumberStatus, PhoneNumberType, PurchasePhoneNumberParams,
    RequestOptions, ResponseSlot, SearchAvailablePhoneNumbersParams, UpdatePhoneNumberParams,
};
use zavu_sandbox::Sandbox;

mod support;
use support::{client, control};

fn named(name: &str) -> CreateInvitationParams {
    CreateInvitationParams {
        client_name: Some(name.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn with_response_gives_status_headers_request_id_and_rate_limit() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let params = named("Acme Corp");
    let answer = zavu
        .with_response(|c| async move { c.invitations().create(&params).await })
        .await
        .unwrap();
    assert_eq!(answer.value.client_name.as_deref(), Some("Acme Corp"));
    assert_eq!(answer.meta.status, 200);
    assert_eq!(answer.meta.attempts, 1);
    assert!(answer.meta.request_id.is_some());
    assert_eq!(answer.meta.rate_limit.limit, Some(100));
    assert_eq!(answer.meta.rate_limit.remaining, Some(99));
    assert!(answer.meta.rate_limit.reset.is_some());
    assert_eq!(
        answer.meta.header("X-Request-Id"),
        answer.meta.request_id.as_deref()
    );
    assert!(answer.meta.header("content-type").is_some());

    // A light slot on a handle answers "what did the last call say" without copying headers.
    let slot = ResponseSlot::light();
    let tracked = zavu.with_options(&RequestOptions {
        response: Some(slot.clone()),
        ..Default::default()
    });
    tracked
        .invitations()
        .list(&ListInvitationsParams::default())
        .await
        .unwrap();
    let last = slot.get().unwrap();
    assert_eq!(last.rate_limit.limit, Some(200));
    assert!(last.headers.is_empty());
    assert!(last.request_id.is_some());
    // An error answer is recorded too.
    tracked.invitations().get("inv_missing").await.unwrap_err();
    assert_eq!(slot.get().unwrap().status, 404);
}

#[tokio::test]
async fn extra_query_body_and_headers_win_over_the_method() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |o| {
        o.default_headers = vec![("User-Agent".into(), "default-agent".into())]
    });
    for i in 0..3 {
        zavu.invitations()
            .create(&named(&format!("C{i}")))
            .await
            .unwrap();
    }
    let one = zavu.with_options(&RequestOptions {
        extra_query: vec![("limit".into(), "1".into())],
        headers: vec![("User-Agent".into(), "call-agent".into())],
        ..Default::default()
    });
    let page = one
        .invitations()
        .list(&ListInvitationsParams {
            limit: Some(50),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let log = control(
        &sandbox,
        "GET",
        "/sandbox/requests?path=/v1/invitations",
        json!(null),
    )
    .await;
    let last = log["items"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["query"], "limit=1");
    assert_eq!(last["userAgent"], "call-agent");

    let body = serde_json::from_value(json!({"clientName": "From extra body", "expiresInDays": 3}))
        .unwrap();
    let invitation = zavu
        .with_options(&RequestOptions {
            extra_body: Some(body),
            ..Default::default()
        })
        .invitations()
        .create(&named("From params"))
        .await
        .unwrap();
    assert_eq!(invitation.client_name.as_deref(), Some("From extra body"));

    // A GET has no body to merge into: refused before sending, naming the option.
    let error = zavu
        .with_options(&RequestOptions {
            extra_body: Some(serde_json::Map::new()),
            ..Default::default()
        })
        .invitations()
        .get("inv_1")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "invalid_request");
    assert_eq!(error.param(), Some("extraBody"));
    let error = zavu
        .with_options(&RequestOptions {
            headers: vec![("bad header".into(), "x".into())],
            ..Default::default()
        })
        .invitations()
        .get("inv_1")
        .await
        .unwrap_err();
    assert_eq!(error.param(), Some("extraHeaders"));
}

#[tokio::test]
async fn derived_clients_change_key_and_share_the_pool() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let mine = zavu.invitations().create(&named("Mine")).await.unwrap();
    let other = zavu
        .with_client_options(&ClientOverrides {
            api_key: Some(sandbox.api_keys()[1].clone()),
            max_retries: Some(0),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(other.max_retries(), 0);
    assert_eq!(zavu.max_retries(), 2);
    let error = other.invitations().get(&mine.id).await.unwrap_err();
    assert_eq!(error.code(), "not_found");
    let error = zavu
        .with_client_options(&ClientOverrides {
            base_url: Some("ftp://nowhere".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(error.param(), Some("baseUrl"));
}

#[tokio::test]
async fn phone_number_onboarding_search_requirements_buy_list_update_release() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let numbers = zavu.phone_numbers();
    let found = numbers
        .search_available(&SearchAvailablePhoneNumbersParams {
            country_code: "US".into(),
            limit: Some(5),
            number_type: Some(PhoneNumberType::Local),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 5);
    assert_eq!(found[0].pricing.is_free_eligible, Some(true));
    let pick = found[0].phone_number.clone();
    let requirements = numbers
        .requirements(&PhoneNumberRequirementsParams {
            phone_number: Some(pick.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(requirements.is_empty());
    let gb = numbers
        .requirements(&PhoneNumberRequirementsParams {
            country_code: Some("GB".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(gb[0].requirement_types.len(), 2);

    let bought = numbers
        .purchase(&PurchasePhoneNumberParams {
            phone_number: pick.clone(),
            name: Some("Acme line".into()),
        })
        .await
        .unwrap();
    // A bought number is no longer offered.
    let again = numbers
        .search_available(&SearchAvailablePhoneNumbersParams {
            country_code: "US".into(),
            limit: Some(100),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(again.iter().all(|n| n.phone_number != pick));

    let page = numbers
        .list(&ListPhoneNumbersParams {
            status: Some(PhoneNumberStatus::Active),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(numbers.retrieve(&bought.id).await.unwrap().id, bought.id);

    let renamed = numbers
        .update(
            &bought.id,
            &UpdatePhoneNumberParams {
                name: Some(None),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, None);

    // Another team sees nothing of it.
    let other = zavu
        .with_client_options(&ClientOverrides {
            api_key: Some(sandbox.api_keys()[1].clone()),
            ..Default::default()
        })
        .unwrap();
    let error = other
        .phone_numbers()
        .retrieve(&bought.id)
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(
        other
            .phone_numbers()
            .release(&bought.id)
            .await
            .unwrap_err()
            .code(),
        "not_found"
    );

    numbers.release(&bought.id).await.unwrap();
    let page = numbers.list(&Default::default()).await.unwrap();
    assert!(page.items.is_empty());
    assert_eq!(
        numbers.retrieve(&bought.id).await.unwrap_err().code(),
        "not_found"
    );
}

#[tokio::test]
async fn phone_numbers_paginate_like_the_other_lists() {
    let sandbox = Sandbox::start().await.unwrap();
    let zavu = client(&sandbox, |_| {});
    let numbers = zavu.phone_numbers();
    let offered = numbers
        .search_available(&SearchAvailablePhoneNumbersParams {
            country_code: "GB".into(),
            limit: Some(7),
            ..Default::default()
        })
        .await
        .unwrap();
    for n in &offered {
        numbers
            .purchase(&PurchasePhoneNumberParams {
                phone_number: n.phone_number.clone(),
                name: None,
            })
            .await
            .unwrap();
    }
    let params = ListPhoneNumbersParams {
        limit: Some(3),
        ..Default::default()
    };
    let first = numbers.list(&params).await.unwrap();
    assert_eq!(first.items.len(), 3);
    assert!(first.next_cursor.is_some());
    let mut all = numbers.walk(&params);
    let mut count = 0;
    while all.next_item().await.unwrap().is_some() {
        count += 1;
    }
    assert_eq!(count, 7);
}
