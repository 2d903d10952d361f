//! The OpenAPI document (`sandbox/src/openapi.json`, served at `GET /openapi.json`) stays true to
//! the router: every route `router()` in src/lib.rs declares is documented with the same methods,
//! and every documented operation reaches a handler (not the unknown-route answer).
//!
//! Routes are read from the router's source, as axum cannot list its routes; a route added in
//! any way `.route("PATH", get(..).post(..))` is written is seen.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use tower::ServiceExt;

/// Test tooling, not the API: the control API and the client-facing HTML pages.
const UNDOCUMENTED_PREFIXES: [&str; 2] = ["/sandbox/", "/invite/"];
/// Handlers that answer "no such route": the catch-alls are not endpoints.
const CATCH_ALL_HANDLERS: [&str; 2] = ["unknown_route", "unknown_control_route"];
const METHODS: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

fn document() -> Value {
    serde_json::from_str(zavu_sandbox::OPENAPI_DOCUMENT).expect("openapi.json is JSON")
}

/// `(method, path)` of every operation in the document.
fn documented() -> BTreeSet<(String, String)> {
    let doc = document();
    let paths = doc["paths"].as_object().expect("paths");
    let mut ops = BTreeSet::new();
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            if METHODS.contains(&method.as_str()) {
                ops.insert((method.clone(), path.clone()));
            }
        }
    }
    ops
}

/// The text inside the parentheses that open at `open` (an index of `(`).
fn balanced(source: &str, open: usize) -> &str {
    let mut depth = 0;
    for (i, c) in source[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &source[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced parentheses in router source")
}

/// `(method, path)` of every route `router()` declares, from its source.
fn routed() -> BTreeSet<(String, String)> {
    let source = include_str!("../src/lib.rs");
    let start = source.find("fn router(").expect("fn router in src/lib.rs");
    let body = &source[start..];
    let mut ops = BTreeSet::new();
    let mut rest = body;
    while let Some(at) = rest.find(".route(") {
        let open = at + ".route".len();
        let args = balanced(rest, open);
        rest = &rest[open + args.len()..];
        let (path, methods) = args
            .trim()
            .strip_prefix('"')
            .and_then(|a| a.split_once('"'))
            .expect("a .route( whose first argument is a string literal");
        if UNDOCUMENTED_PREFIXES.iter().any(|p| path.starts_with(p)) {
            continue;
        }
        // `get(api::x).post(api::y)`, `axum::routing::any(api::z)`: each `name(` is a method.
        let mut found = false;
        let mut scan = methods;
        while let Some(paren) = scan.find('(') {
            let before = &scan[..paren];
            let name = before
                .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            let handler = balanced(scan, paren);
            let handler_name = handler.rsplit("::").next().unwrap_or_default().trim();
            scan = &scan[paren + handler.len() + 2..];
            if CATCH_ALL_HANDLERS.contains(&handler_name) {
                found = true;
                continue;
            }
            if name == "any" {
                panic!(
                    "{path}: `any(..)` on a real endpoint: list its methods so it can be documented"
                );
            }
            if METHODS.contains(&name) {
                ops.insert((name.to_string(), path.to_string()));
                found = true;
            }
        }
        assert!(found, "{path}: no method found in `{methods}`");
    }
    assert!(!ops.is_empty(), "no route read from src/lib.rs");
    ops
}

#[test]
fn every_route_is_documented_and_every_documented_operation_is_routed() {
    let documented = documented();
    let routed = routed();
    let missing: Vec<String> = routed
        .difference(&documented)
        .map(|(m, p)| format!("{} {p}", m.to_uppercase()))
        .collect();
    let stale: Vec<String> = documented
        .difference(&routed)
        .map(|(m, p)| format!("{} {p}", m.to_uppercase()))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "sandbox/src/openapi.json is out of step with router() in sandbox/src/lib.rs.\n\
         Routed but not documented (add each under `paths` in openapi.json): {missing:?}\n\
         Documented but not routed (remove it, or add the route): {stale:?}"
    );
}

#[test]
fn the_document_is_openapi_3_1_with_an_answer_for_every_operation() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    for (method, path) in documented() {
        let op = &doc["paths"][&path][&method];
        assert!(
            op["operationId"].is_string(),
            "{method} {path}: no operationId"
        );
        let responses = op["responses"].as_object().expect("responses");
        assert!(
            responses.keys().any(|status| status.starts_with('2')),
            "{method} {path}: no success answer"
        );
        // Every `{name}` in the path is a declared path parameter.
        for name in path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}'))
            .map(|(n, _)| n)
        {
            let declared = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["in"] == "path" && p["name"] == name && p["required"] == true);
            assert!(
                declared,
                "{method} {path}: path parameter {name} not declared"
            );
        }
    }
}

#[tokio::test]
async fn every_documented_operation_reaches_a_handler() {
    for (method, path) in documented() {
        let app = zavu_sandbox::fuzzing::in_process().expect("router");
        let uri = path.replace("{id}", "x");
        let request = Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(&uri)
            .header("authorization", format!("Bearer {}", app.api_key))
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .expect("request");
        let response = app.router.clone().oneshot(request).await.expect("answer");
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("body");
        let text = String::from_utf8_lossy(&body);
        assert!(
            !(status == StatusCode::NOT_FOUND && text.contains("Unknown API route"))
                && status != StatusCode::METHOD_NOT_ALLOWED,
            "{} {path} is documented but no handler answers it: {status} {text}",
            method.to_uppercase()
        );
    }
}

#[tokio::test]
async fn get_openapi_json_serves_the_document() {
    let app = zavu_sandbox::fuzzing::in_process().expect("router");
    let request = Request::get("/openapi.json")
        .body(Body::empty())
        .expect("request");
    let response = app.router.clone().oneshot(request).await.expect("answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("body");
    assert_eq!(body, zavu_sandbox::OPENAPI_DOCUMENT.as_bytes());
}
