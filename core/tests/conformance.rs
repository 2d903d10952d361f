//! The Rust runner of `tests/conformance/`: every scenario against a fresh sandbox.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zavu_core::webhooks;
use zavu_core::{
    Client, ClientOptions, CreateInvitationParams, CreateWebhookParams, ListInvitationsParams,
    ListPhoneNumbersParams, ListSendersParams, PhoneNumberRequirementsParams,
    PurchasePhoneNumberParams, RequestOptions, SearchAvailablePhoneNumbersParams,
    UpdatePhoneNumberParams, UpdateWebhookParams, ffi,
};
use zavu_sandbox::Sandbox;

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance/scenarios")
}

struct Run {
    sandbox: Sandbox,
    client_options: Value,
    saved: serde_json::Map<String, Value>,
    http: reqwest::Client,
}

impl Run {
    fn builtins(&self) -> Value {
        let keys = self.sandbox.api_keys();
        json!({
            "sandbox": { "baseUrl": self.sandbox.base_url() },
            "keys": { "default": keys[0], "other": keys[1] },
            "now": time::OffsetDateTime::now_utc().unix_timestamp(),
        })
    }

    fn lookup(&self, path: &str) -> Option<Value> {
        let builtins = self.builtins();
        let mut parts = path.split('.');
        let head = parts.next()?;
        let mut value = self.saved.get(head).or_else(|| builtins.get(head))?.clone();
        for part in parts {
            value = match &value {
                Value::Object(map) => map.get(part)?.clone(),
                Value::Array(items) => items.get(part.parse::<usize>().ok()?)?.clone(),
                _ => return None,
            };
        }
        Some(value)
    }

    /// Replaces `${...}` references; a string that is exactly one reference takes its type.
    fn interpolate(&self, value: &Value) -> Value {
        match value {
            Value::String(text) => {
                if let Some(inner) = text.strip_prefix("${").and_then(|t| t.strip_suffix('}'))
                    && !inner.contains("${")
                {
                    return self
                        .lookup(inner)
                        .unwrap_or_else(|| panic!("unknown reference ${{{inner}}}"));
                }
                let mut out = String::new();
                let mut rest = text.as_str();
                while let Some(start) = rest.find("${") {
                    out.push_str(&rest[..start]);
                    let end = rest[start..].find('}').expect("unclosed ${") + start;
                    let name = &rest[start + 2..end];
                    match self.lookup(name) {
                        Some(Value::String(s)) => out.push_str(&s),
                        Some(other) => out.push_str(&other.to_string()),
                        None => panic!("unknown reference ${{{name}}}"),
                    }
                    rest = &rest[end + 1..];
                }
                out.push_str(rest);
                Value::String(out)
            }
            Value::Array(items) => {
                Value::Array(items.iter().map(|v| self.interpolate(v)).collect())
            }
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), self.interpolate(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn client(&self, overrides: Option<&Value>) -> zavu_core::Result<Client> {
        let mut options = self.client_options.as_object().cloned().unwrap_or_default();
        if let Some(Value::Object(extra)) = overrides {
            options.extend(extra.clone());
        }
        let get = |k: &str| options.get(k).cloned().unwrap_or(Value::Null);
        Client::new(ClientOptions {
            api_key: Some(
                get("apiKey")
                    .as_str()
                    .unwrap_or(self.sandbox.api_key())
                    .to_string(),
            ),
            base_url: Some(
                get("baseUrl")
                    .as_str()
                    .unwrap_or(self.sandbox.base_url())
                    .to_string(),
            ),
            max_retries: get("maxRetries").as_u64().map(|n| n as u32),
            timeout: get("timeoutMs").as_u64().map(Duration::from_millis),
            binding: Some("rust-conformance".into()),
            ..Default::default()
        })
    }

    async fn sandbox_step(&self, spec: &Value) -> (u16, Value) {
        let method = spec["method"].as_str().unwrap_or("GET");
        let url = format!(
            "{}{}",
            self.sandbox.base_url(),
            spec["path"].as_str().unwrap()
        );
        let mut request = self
            .http
            .request(method.parse().unwrap(), &url)
            .header("content-type", "application/json");
        if let Some(body) = spec.get("body") {
            request = request.body(body.to_string());
        }
        let response = request.send().await.expect("sandbox control request");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
}

fn args<T: serde::de::DeserializeOwned>(value: &Value) -> T {
    serde_json::from_value(value.clone()).expect("scenario args fit the call")
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_string()
}

fn to_json<T: serde::Serialize>(result: zavu_core::Result<T>) -> zavu_core::Result<Value> {
    result.map(|v| serde_json::to_value(v).expect("models serialize"))
}

fn page_json<T: serde::Serialize + Send + 'static>(
    page: zavu_core::Result<zavu_core::Page<T>>,
) -> zavu_core::Result<Value> {
    page.map(|p| json!({ "items": p.items, "nextCursor": p.next_cursor }))
}

async fn all_json<T: serde::Serialize + Send + 'static>(
    pager: zavu_core::Result<zavu_core::AutoPager<T>>,
) -> zavu_core::Result<Value> {
    let mut pager = pager?;
    let mut items = Vec::new();
    while let Some(item) = pager.next_item().await? {
        items.push(serde_json::to_value(item).unwrap());
    }
    Ok(json!({ "items": items }))
}

/// The request's headers of a webhook call: `headers` as `[name, value]` pairs, or the one
/// `signature` header.
fn header_pairs(a: &Value) -> Vec<(String, String)> {
    match a["headers"].as_array() {
        Some(pairs) => pairs
            .iter()
            .map(|pair| {
                let part = |i: usize| pair[i].as_str().unwrap_or_default().to_string();
                (part(0), part(1))
            })
            .collect(),
        None => vec![("X-Zavu-Signature".into(), text(a, "signature"))],
    }
}

async fn call(run: &Run, name: &str, a: &Value, step: &Value) -> zavu_core::Result<Value> {
    let client = run.client(step.get("client"))?;
    let o = step.get("options").cloned().unwrap_or(Value::Null);
    let client = client.with_options(&RequestOptions {
        timeout: o["timeoutMs"].as_u64().map(Duration::from_millis),
        max_retries: o["maxRetries"].as_u64().map(|n| n as u32),
        idempotency_key: o["idempotencyKey"].as_str().map(str::to_string),
        headers: vec![],
        ..Default::default()
    });
    let invitations = client.invitations();
    match name {
        "client.new" => run.client(Some(a)).map(|_| Value::Null),
        "invitations.create" => {
            to_json(invitations.create(&args::<CreateInvitationParams>(a)).await)
        }
        "invitations.list" => page_json(invitations.list(&args::<ListInvitationsParams>(a)).await),
        "invitations.listAll" => {
            all_json(
                invitations
                    .list_all(&args::<ListInvitationsParams>(a))
                    .await,
            )
            .await
        }
        "invitations.get" => to_json(invitations.get(&text(a, "invitationId")).await),
        "invitations.cancel" => to_json(invitations.cancel(&text(a, "invitationId")).await),
        "invitations.waitForCompletion" => {
            let wait = ffi::wait_options(
                a["timeoutMs"].as_u64().map(Duration::from_millis),
                a["pollIntervalMs"].as_u64().map(Duration::from_millis),
            );
            to_json(
                invitations
                    .wait_for_completion(&text(a, "invitationId"), wait)
                    .await,
            )
        }
        "invitations.createWebhook" => to_json(
            invitations
                .create_webhook(&args::<CreateWebhookParams>(a))
                .await,
        ),
        "invitations.getWebhook" => to_json(invitations.get_webhook().await),
        "invitations.updateWebhook" => to_json(
            invitations
                .update_webhook(&args::<UpdateWebhookParams>(a))
                .await,
        ),
        "invitations.deleteWebhook" => invitations.delete_webhook().await.map(|_| Value::Null),
        "phoneNumbers.purchase" => to_json(
            client
                .phone_numbers()
                .purchase(&args::<PurchasePhoneNumberParams>(a))
                .await,
        ),
        "phoneNumbers.searchAvailable" => to_json(
            client
                .phone_numbers()
                .search_available(&args::<SearchAvailablePhoneNumbersParams>(a))
                .await
                .map(|items| json!({ "items": items })),
        ),
        "phoneNumbers.requirements" => to_json(
            client
                .phone_numbers()
                .requirements(&args::<PhoneNumberRequirementsParams>(a))
                .await
                .map(|items| json!({ "items": items })),
        ),
        "phoneNumbers.list" => page_json(
            client
                .phone_numbers()
                .list(&args::<ListPhoneNumbersParams>(a))
                .await,
        ),
        "phoneNumbers.listAll" => {
            all_json(
                client
                    .phone_numbers()
                    .list_all(&args::<ListPhoneNumbersParams>(a))
                    .await,
            )
            .await
        }
        "phoneNumbers.retrieve" => to_json(
            client
                .phone_numbers()
                .retrieve(&text(a, "phoneNumberId"))
                .await,
        ),
        "phoneNumbers.update" => to_json(
            client
                .phone_numbers()
                .update(
                    &text(a, "phoneNumberId"),
                    &args::<UpdatePhoneNumberParams>(a),
                )
                .await,
        ),
        "phoneNumbers.release" => client
            .phone_numbers()
            .release(&text(a, "phoneNumberId"))
            .await
            .map(|_| Value::Null),
        "senders.get" => to_json(client.senders().get(&text(a, "senderId")).await),
        "senders.list" => page_json(client.senders().list(&args::<ListSendersParams>(a)).await),
        "senders.listAll" => {
            all_json(
                client
                    .senders()
                    .list_all(&args::<ListSendersParams>(a))
                    .await,
            )
            .await
        }
        "webhooks.sign" => {
            let scheme = ffi::signature_scheme("scheme", a["scheme"].as_str())?;
            let header = webhooks::sign_with(
                text(a, "payload").as_bytes(),
                &text(a, "secret"),
                ffi::signing_timestamp(a["timestamp"].as_i64()),
                scheme,
            );
            Ok(json!({ "header": header }))
        }
        "webhooks.verify" => ffi::verify_headers(
            text(a, "payload").as_bytes(),
            &header_pairs(a),
            &text(a, "secret"),
            a["now"].as_i64(),
        )
        .map(|_| Value::Null),
        "webhooks.unwrap" => ffi::unwrap_headers(
            text(a, "payload").as_bytes(),
            &header_pairs(a),
            &text(a, "secret"),
            a["now"].as_i64(),
        )
        .map(|event| event.to_json()),
        other => panic!("unknown call {other}"),
    }
}

fn error_json(error: &zavu_core::Error) -> Value {
    json!({
        "code": error.code(),
        "message": error.message(),
        "status": error.status(),
        "param": error.param(),
        "kind": error.kind().as_str(),
        "body": error.body(),
    })
}

/// Checks `actual` against `expected` (see tests/conformance/README.md, Matching).
fn matches(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    let fail = |why: String| Err(format!("at {at}: {why}"));
    match expected {
        Value::String(s) if s == "$any" => Ok(()),
        Value::String(s) if s == "$present" => {
            if actual.is_null() {
                fail("expected a value, got nothing".into())
            } else {
                Ok(())
            }
        }
        Value::String(s) if s == "$absent" => {
            if actual.is_null() {
                Ok(())
            } else {
                fail(format!("expected nothing, got {actual}"))
            }
        }
        Value::Object(map) if map.keys().any(|k| k.starts_with('$')) => {
            for (key, arg) in map {
                match key.as_str() {
                    "$len" => {
                        let len = actual
                            .as_array()
                            .map(Vec::len)
                            .or_else(|| actual.as_str().map(|s| s.chars().count()));
                        if len != arg.as_u64().map(|n| n as usize) {
                            return fail(format!("expected length {arg}, got {len:?}"));
                        }
                    }
                    "$minLen" => {
                        let len = actual.as_array().map(Vec::len).unwrap_or(0);
                        if (len as u64) < arg.as_u64().unwrap_or(0) {
                            return fail(format!("expected at least {arg} items, got {len}"));
                        }
                    }
                    "$startsWith" => {
                        let prefix = arg.as_str().unwrap_or_default();
                        if !actual.as_str().is_some_and(|s| s.starts_with(prefix)) {
                            return fail(format!(
                                "expected a string starting with {prefix:?}, got {actual}"
                            ));
                        }
                    }
                    "$each" => {
                        for (i, item) in actual.as_array().into_iter().flatten().enumerate() {
                            matches(arg, item, &format!("{at}[{i}]"))?;
                        }
                    }
                    "$sameField" => {
                        let field = arg.as_str().unwrap_or_default();
                        let items = actual.as_array().cloned().unwrap_or_default();
                        if let Some(first) = items.first()
                            && items.iter().any(|item| item[field] != first[field])
                        {
                            return fail(format!("expected every {field} to be equal"));
                        }
                    }
                    other => return fail(format!("unknown matcher {other}")),
                }
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, value) in map {
                matches(
                    value,
                    actual.get(key).unwrap_or(&Value::Null),
                    &format!("{at}.{key}"),
                )?;
            }
            Ok(())
        }
        Value::Array(items) => {
            let Some(got) = actual.as_array() else {
                return fail(format!("expected an array, got {actual}"));
            };
            if got.len() != items.len() {
                return fail(format!("expected {} items, got {}", items.len(), got.len()));
            }
            for (i, (e, a)) in items.iter().zip(got).enumerate() {
                matches(e, a, &format!("{at}[{i}]"))?;
            }
            Ok(())
        }
        Value::Number(n) => {
            if actual.as_f64() == n.as_f64() {
                Ok(())
            } else {
                fail(format!("expected {n}, got {actual}"))
            }
        }
        _ => {
            if expected == actual {
                Ok(())
            } else {
                fail(format!("expected {expected}, got {actual}"))
            }
        }
    }
}

async fn run_scenario(path: &Path) -> Result<(), String> {
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
        .map_err(|e| format!("not JSON: {e}"))?;
    let sandbox = Sandbox::start().await.map_err(|e| e.to_string())?;
    let mut run = Run {
        sandbox,
        client_options: scenario.get("client").cloned().unwrap_or(json!({})),
        saved: Default::default(),
        http: reqwest::Client::new(),
    };
    for (index, raw_step) in scenario["steps"].as_array().unwrap().iter().enumerate() {
        let step = run.interpolate(raw_step);
        let expect = step.get("expect").cloned().unwrap_or(json!({}));
        let label = format!("step {index}");
        let started = Instant::now();
        let outcome: Result<Value, Value> = if let Some(spec) = step.get("sandbox") {
            let (status, body) = run.sandbox_step(spec).await;
            let wanted = expect.get("status").and_then(Value::as_u64);
            match wanted {
                Some(w) if w as u16 != status => {
                    return Err(format!(
                        "{label}: sandbox answered {status}, expected {w}: {body}"
                    ));
                }
                None if !(200..300).contains(&status) => {
                    return Err(format!("{label}: sandbox answered {status}: {body}"));
                }
                _ => Ok(body),
            }
        } else {
            let name = step["call"].as_str().unwrap();
            let a = step.get("args").cloned().unwrap_or(json!({}));
            call(&run, name, &a, &step)
                .await
                .map_err(|e| error_json(&e))
        };
        let elapsed = started.elapsed();
        if let Some(min) = expect.get("minElapsedMs").and_then(Value::as_u64)
            && elapsed < Duration::from_millis(min)
        {
            return Err(format!(
                "{label}: took {elapsed:?}, expected at least {min} ms"
            ));
        }
        match (&outcome, expect.get("error"), expect.get("result")) {
            (Ok(_), Some(wanted), _) => {
                return Err(format!(
                    "{label}: expected error {wanted}, got success {:?}",
                    outcome
                ));
            }
            (Err(error), None, _) => return Err(format!("{label}: unexpected error {error}")),
            (Err(error), Some(wanted), _) => {
                matches(wanted, error, "error").map_err(|e| format!("{label}: {e}; got {error}"))?
            }
            (Ok(result), None, Some(wanted)) => {
                matches(wanted, result, "result").map_err(|e| format!("{label}: {e}"))?
            }
            (Ok(_), None, None) => {}
        }
        if let (Some(name), Ok(result)) = (step.get("save").and_then(Value::as_str), outcome) {
            run.saved.insert(name.to_string(), result);
        }
    }
    run.sandbox.shutdown().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_scenario_passes() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .expect("tests/conformance/scenarios exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 30,
        "expected at least 30 scenarios, found {}",
        paths.len()
    );
    // Scenarios are independent (one sandbox each), so a few run at once; not all, so that the
    // timing of the timeout scenarios stays far from their limits on a 2-core machine.
    use futures::StreamExt;
    let mut results: Vec<(String, Result<(), String>)> = futures::stream::iter(&paths)
        .map(|path| async move {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            (name, run_scenario(path).await)
        })
        .buffer_unordered(6)
        .collect()
        .await;
    results.sort();
    let mut failures = Vec::new();
    for (name, result) in &results {
        match result {
            Ok(()) => println!("ok   {name}"),
            Err(why) => {
                println!("FAIL {name}: {why}");
                failures.push(name.clone());
            }
        }
    }
    println!(
        "{} passed, {} failed",
        results.len() - failures.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "failed scenarios: {failures:?}");
}
